// The article view: the text with every fact highlighted by kind, a side panel listing the
// facts, a details box showing the fields of the clicked fact, and a map of its places.
import { api, articleLink, enc, entityLink, fill, fmtNumber, h, link, unitsAt } from "./util.js";
import { fit, pin, popupBody, worldMap } from "./mapbase.js";
import { showWho } from "./who.js";

export const KINDS = [
  ["person", "People"], ["org", "Organisations"], ["place", "Places"], ["group", "Groups"],
  ["misc", "Other names"], ["time", "Times"], ["number", "Figures"], ["quote", "Quotes"], ["event", "Events"],
];
const ENTITY_KIND = { PERSON: "person", ORG: "org", GPE: "place", LOC: "place", FAC: "place", NORP: "group" };

// Every highlightable span of the record: {id, kind, start, end, fact, list}, in JavaScript
// string offsets (``at`` converts the record's code-point offsets, see util.unitsAt).
export function spans(rec, at = unitsAt(rec.text)) {
  const out = [];
  const add = (id, kind, s, t, fact, list) => {
    if (Number.isInteger(s) && Number.isInteger(t) && t > s) out.push({ id, kind, start: at(s), end: at(t), fact, list });
  };
  for (const e of rec.entities || []) {
    for (const [s, t] of e.mentions || []) add(e.id, ENTITY_KIND[e.type] || "misc", s, t, e, "entities");
  }
  const simple = [["quotes", "quote"], ["numbers", "number"], ["times", "time"], ["places", "place"]];
  for (const [list, kind] of simple) {
    for (const f of rec[list] || []) add(f.id, kind, f.start, f.end, f, list);
  }
  for (const v of rec.events || []) {
    if (v.trigger) add(v.id, "event", v.trigger[0], v.trigger[1], v, "events");
  }
  return out.filter((s) => s.end > s.start);
}

// Where the text is cut besides the spans: each event's sentence (the span it came from) and
// each quote's speaker phrase (marked when the speaker is a phrase without an entity).
function sentenceCuts(rec, at) {
  const cuts = (rec.events || []).filter((v) => Array.isArray(v.sentence)).flatMap((v) => [at(v.sentence[0]), at(v.sentence[1])]);
  for (const q of rec.quotes || []) {
    if (Number.isInteger(q.speaker_start) && Number.isInteger(q.speaker_end)) cuts.push(at(q.speaker_start), at(q.speaker_end));
  }
  return cuts;
}

// The text cut at every span boundary; each piece knows the spans covering it.
function segments(text, sp, extra = []) {
  const cuts = new Set([0, text.length]);
  for (const s of sp) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  for (const c of extra) if (c > 0 && c < text.length) cuts.add(c);
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const cover = sp.filter((s) => s.start <= a && s.end >= b);
    cover.sort((x, y) => (x.end - x.start) - (y.end - y.start));
    out.push({ a, b, cover });
  }
  return out;
}

export async function showArticle(view, id, params) {
  const [rec, links] = await Promise.all([api(`articles/${enc(id)}`), api(`articles/${enc(id)}/entities`)]);
  rec._links = links.entities;
  const at = unitsAt(rec.text);
  rec._at = at;
  const sp = spans(rec, at);
  const byId = new Map(sp.map((s) => [s.id, s]));
  const details = h("div", { id: "fact-details", class: "details" },
    h("p", { class: "muted" }, "Click a highlighted fact to see its fields."));
  const select = (fid) => showFact(rec, byId, fid, details, body);
  const body = h("div", { id: "article-text", class: "article-text" },
    segments(rec.text, sp, sentenceCuts(rec, at)).map((seg) => piece(rec.text, seg, select)));
  const mapEl = h("div", { id: "article-map", class: "map small" });
  fill(view, 
    h("div", { class: "article-layout" },
      h("article", {},
        h("h1", {}, rec.title || "Untitled article"),
        h("div", { class: "meta" }, [rec.published ? `published ${rec.published}` : "publication date unknown",
          rec.source].filter(Boolean).join(" · "),
          /^https?:\/\//.test(rec.url || "") ? [" · ", h("a", { href: rec.url, rel: "noopener noreferrer" }, rec.url)] : ""),
        legend(sp, body),
        body),
      h("aside", { id: "fact-panel", class: "panel" }, details, factLists(rec, select),
        h("h3", {}, "Places on the map"), mapEl)));
  const fact = params && params.get("fact");  // a link from an aggregate: show its sentence
  if (fact && findFact(rec, fact)) select(fact);
  await placesMap(mapEl, rec, select);
}

function piece(text, seg, select) {
  const t = text.slice(seg.a, seg.b);
  if (!seg.cover.length) return h("span", { class: "plain", "data-a": seg.a, "data-b": seg.b }, t);
  const kinds = [...new Set(seg.cover.map((s) => "hl-" + s.kind))];
  return h("span", {
    class: "hl " + kinds.join(" "), "data-facts": seg.cover.map((s) => s.id).join(" "), "data-a": seg.a, "data-b": seg.b,
    title: seg.cover.map((s) => `${s.id} ${s.kind}`).join(", "),
    onclick: (ev) => { ev.stopPropagation(); select(seg.cover[0].id); },
  }, t);
}

function legend(sp, body) {
  const counts = {};
  for (const s of sp) counts[s.kind] = (counts[s.kind] || 0) + 1;
  return h("div", { class: "legend" }, KINDS.filter(([k]) => counts[k]).map(([k, label]) =>
    h("label", { class: `legend-item hl-${k}` },
      h("input", { type: "checkbox", checked: true, onchange: (ev) => body.classList.toggle(`off-${k}`, !ev.target.checked) }),
      ` ${label}`)));
}

function factLists(rec, select) {
  const item = (id, ...label) => h("li", {}, h("button", { class: "fact-link", "data-fact": id, onclick: () => select(id) }, id), " ", label);
  const sec = (title, list, fn) => list && list.length
    ? h("section", { class: "fact-list", "data-list": title }, h("h3", {}, `${title} (${list.length})`), h("ul", {}, list.map(fn)))
    : null;
  const ent = (id) => entityName(rec, id);
  const at = unitsAt(rec.text);
  // a speaker named by a phrase without an entity ("Tajik police") shows the phrase
  const said = (q) => ent(q.speaker) || (q.speaker_start != null ? rec.text.slice(at(q.speaker_start), at(q.speaker_end)) : null);
  return [
    sec("Entities", rec.entities, (e) => item(e.id, `${e.name} `, h("small", {}, e.type))),
    sec("Quotes", rec.quotes, (q) => item(q.id, h("i", {}, clip(q.text, 90)), " ", h("small", {}, said(q) || "unattributed"))),
    sec("Figures", rec.numbers, (n) => item(n.id, `${n.text} `, h("small", {}, [n.counted, n.category].filter(Boolean).join(" · ")))),
    sec("Times", rec.times, (t) => item(t.id, `${t.text} `, h("small", {}, t.value))),
    sec("Places", rec.places, (p) => item(p.id, `${p.name || p.text} `, h("small", {}, [p.kind, p.country].filter(Boolean).join(" · ")))),
    sec("Events", rec.events, (v) => item(v.id, `${v.type} `, h("small", {}, [ent(v.actor), v.date].filter(Boolean).join(" · ")))),
  ];
}

function clip(s, n) {
  s = s || "";
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

function entityName(rec, id) {
  const e = (rec.entities || []).find((x) => x.id === id);
  return e ? e.name : null;
}

const REFS = { speaker: "entities", claimant: "entities", actor: "entities", target: "entities", org: "entities",
  place: "places", time: "times", quote: "quotes" };

function showFact(rec, byId, fid, details, body) {
  const s = byId.get(fid);
  const fact = s ? s.fact : findFact(rec, fid);
  if (!fact) return;
  for (const el of body.querySelectorAll(".selected")) el.classList.remove("selected");
  const hits = [...body.querySelectorAll("[data-facts]")].filter((el) => el.dataset.facts.split(" ").includes(fid));
  for (const el of hits) el.classList.add("selected");
  if (hits.length) hits[0].scrollIntoView({ block: "nearest" });
  const rows = Object.entries(fact).map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, value(rec, k, v, byId, details, body))));
  const shown = s ? rec.text.slice(s.start, s.end) : "";
  const eid = rec._links && rec._links[fid];
  const who = showWho(rec, s, rec._at || unitsAt(rec.text), body);
  fill(details, 
    h("h3", {}, `${fid} `, h("small", {}, s ? s.kind : ""),
      eid ? h("a", { href: `#/entity/${enc(eid)}`, class: "entity-page", id: "entity-page-link" }, " entity page →") : null),
    shown ? h("p", { class: "fact-text" }, shown) : null,
    who,
    h("table", { class: "fields" }, rows));
  details.dataset.fact = fid;
}

function findFact(rec, fid) {
  for (const list of ["entities", "quotes", "numbers", "times", "places", "events"]) {
    const f = (rec[list] || []).find((x) => x.id === fid);
    if (f) return f;
  }
  return null;
}

function value(rec, key, v, byId, details, body) {
  if (v === null || v === undefined) return h("span", { class: "muted" }, "—");
  if (REFS[key] && typeof v === "string") {
    const target = findFact(rec, v);
    const label = target ? `${v} (${target.name || target.text || ""})` : v;
    return h("button", { class: "fact-link", onclick: () => showFact(rec, byId, v, details, body) }, label);
  }
  if (key === "roles" && Array.isArray(v)) return v.map((r) => h("div", {}, r.title + (r.org ? ` (${r.org})` : "")));
  if (typeof v === "number") return fmtNumber(v);
  if (Array.isArray(v) || typeof v === "object") return JSON.stringify(v);
  return String(v);
}

async function placesMap(el, rec, select) {
  const places = (rec.places || []).filter((p) => p.lat !== null && p.lon !== null && p.lat !== undefined);
  if (!places.length) {
    el.replaceWith(h("p", { class: "muted", id: "article-map" }, "No place with coordinates in this article."));
    return;
  }
  const map = await worldMap(el, { zoomControl: true });
  const seen = new Map();
  for (const p of places) {
    const key = `${p.lat},${p.lon}`;
    if (seen.has(key)) continue;
    seen.set(key, p);
    pin(map, p.lat, p.lon, p.name || p.text, "place", () => {
      select(p.id);
      return popupBody(p.name || p.text, [p.kind, p.country].filter(Boolean).join(" · "));
    });
  }
  fit(map, [...seen.values()].map((p) => [p.lat, p.lon]));
}

export { articleLink, entityLink, link };
