// Who stands behind a selected fact: a figure's claimant, an event's actor and target, a
// quote's speaker, each with the mention of that name nearest to the fact and the span the
// fact came from (an event's sentence, a figure's quote), marked in the text so an analyst
// checks every "who" with one click.
import { h } from "./util.js";

const ROLES = {
  numbers: [["claimant", "Claimed by"]],
  events: [["actor", "Actor"], ["target", "Target"]],
  quotes: [["speaker", "Said by"]],
};

// [{role, label, entity, mention: [a, b] | null, at: [start, end] | null, text}]: ``mention`` in
// JavaScript string offsets, ``at`` the record's own offsets of that mention.
export function whoOf(rec, s, at) {
  const out = [];
  for (const [role, label] of ROLES[s.list] || []) {
    const id = s.fact[role];
    const entity = id ? (rec.entities || []).find((e) => e.id === id) : null;
    let free = s.fact[role + "_text"] || null;
    let mention = null, where = null;
    const from = s.fact[role + "_start"], to = s.fact[role + "_end"];
    if (!entity && !free && from != null && to != null && rec.text) {
      // a speaker named by a phrase without an entity ("Tajik police"): the phrase itself
      mention = [at(from), at(to)];
      where = [from, to];
      free = rec.text.slice(mention[0], mention[1]);
    }
    if (!entity && !free && role === "target") continue;
    if (entity) {
      let best = Infinity;
      for (const [a, b] of entity.mentions || []) {
        const m = [at(a), at(b)];
        const d = m[1] <= s.start ? s.start - m[1] : m[0] >= s.end ? m[0] - s.end : 0;
        if (d < best) { best = d; mention = m; where = [a, b]; }
      }
    }
    out.push({ role, label, entity, mention, at: where, text: entity ? entity.name : free });
  }
  return out;
}

// The span a fact came from, in JavaScript offsets, or null.
export function sourceOf(rec, s, at) {
  if (s.list === "events" && Array.isArray(s.fact.sentence)) return [at(s.fact.sentence[0]), at(s.fact.sentence[1])];
  if (s.list === "numbers" && s.fact.quote) {
    const q = (rec.quotes || []).find((x) => x.id === s.fact.quote);
    if (q) return [at(q.start), at(q.end)];
  }
  return null;
}

function within(el, [a, b]) {
  return +el.dataset.a >= a && +el.dataset.b <= b;
}

// Marks the mentions and the source span in the text; returns the details box part.
export function showWho(rec, s, at, body) {
  for (const cls of ["who", "who-also", "src", "flash"]) {
    for (const el of body.querySelectorAll("." + cls)) el.classList.remove(cls);
  }
  if (!s) return null;
  const rows = whoOf(rec, s, at);
  const source = sourceOf(rec, s, at);
  const pieces = [...body.querySelectorAll("[data-a]")];
  for (const r of rows) {
    if (!r.entity) {
      if (r.mention) for (const el of pieces) if (within(el, r.mention)) el.classList.add("who");
      continue;
    }
    for (const el of pieces) {
      if (!(el.dataset.facts || "").split(" ").includes(r.entity.id)) continue;
      el.classList.add(r.mention && within(el, r.mention) ? "who" : "who-also");
    }
  }
  if (source) for (const el of pieces) if (within(el, source)) el.classList.add("src");
  if (!rows.length && !source) return null;
  const flash = (r) => {
    const el = pieces.find((x) => x.classList.contains("who") && within(x, r.mention));
    if (!el) return;
    el.scrollIntoView({ block: "nearest" });
    el.classList.add("flash");
  };
  return h("div", { id: "fact-who", class: "who-box" },
    rows.map((r) => h("div", { class: "who-row", "data-role": r.role }, `${r.label}: `,
      r.entity
        ? h("button", { class: "who-link", "data-entity": r.entity.id, onclick: () => flash(r) }, r.entity.name)
        : h("span", { class: r.text ? "who-free" : "muted" }, r.text || "not stated"),
      r.mention ? [" ", h("small", { class: "muted" }, `at ${r.at[0]}–${r.at[1]}: `),
        h("q", { class: "who-mention" }, rec.text.slice(r.mention[0], r.mention[1]))] : null)),
    source ? h("div", { class: "who-source" }, "From: ", h("q", {}, rec.text.slice(source[0], source[1]))) : null);
}
