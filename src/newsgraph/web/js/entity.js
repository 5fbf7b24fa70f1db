// The entity page: name variants (grouped by script), roles over time, quotes in date order, figures claimed,
// events taken part in, and the articles that mention it.
import { api, articleLink, enc, fill, fmtNumber, h } from "./util.js";

const SCRIPTS = [["Latin", /\p{Script=Latin}/u], ["Cyrillic", /\p{Script=Cyrillic}/u], ["Arabic", /\p{Script=Arabic}/u],
  ["Han", /\p{Script=Han}/u]];

// The names of an entity grouped by the script they are written in.
export function byScript(names) {
  const out = new Map();
  for (const n of names) {
    const hit = SCRIPTS.find(([, re]) => re.test(n));
    const key = hit ? hit[0] : "Other";
    out.set(key, [...(out.get(key) || []), n]);
  }
  return [...out.entries()];
}

export async function showEntity(view, id) {
  const e = await api(`entities/${enc(id)}`);
  const table = (cls, head, rows) => rows.length
    ? h("table", { class: `list ${cls}` }, h("thead", {}, h("tr", {}, head.map((x) => h("th", {}, x)))),
      h("tbody", {}, rows))
    : h("p", { class: "muted" }, "None.");
  fill(view, 
    h("h1", { id: "entity-name" }, e.name, " ", h("small", { class: `chip t-${e.type}` }, e.type)),
    h("p", { class: "meta" }, `${e.article_count} article(s), ${e.mentions} mention(s)`),
    h("section", {}, h("h2", {}, "Also written as"),
      h("p", { id: "aliases" }, e.aliases.length ? e.aliases.join(" · ") : "—"),
      h("dl", { class: "scripts", id: "names-by-script" }, byScript(e.aliases).map(([script, names]) =>
        [h("dt", {}, script), h("dd", { "data-script": script }, names.join(" · "))]))),
    h("section", {}, h("h2", {}, "Roles over time"),
      table("roles", ["date", "role", "article"], e.roles.map((r) =>
        h("tr", {}, h("td", {}, r.published || ""), h("td", {}, r.title), h("td", {}, articleLink(r.article, null, r.published)))))),
    h("section", {}, h("h2", {}, `Quotes (${e.quotes.length})`),
      table("quotes", ["date", "quote", "article"], e.quotes.map((q) =>
        h("tr", {}, h("td", {}, q.published || ""), h("td", { class: "qtext" }, q.text), h("td", {}, articleLink(q.article, q.title, q.published)))))),
    h("section", {}, h("h2", {}, `Figures claimed (${e.numbers.length})`),
      table("numbers", ["date", "figure", "counted", "category", "article"], e.numbers.map((n) =>
        h("tr", {}, h("td", {}, n.published || ""), h("td", { class: "num" }, `${n.text} (${fmtNumber(n.value)})`),
          h("td", {}, n.counted || ""), h("td", {}, n.category || ""), h("td", {}, articleLink(n.article, n.title, n.published)))))),
    h("section", {}, h("h2", {}, `Events (${e.events.length})`),
      table("events", ["event date", "type", "what", "role", "article"], e.events.map((v) =>
        h("tr", {}, h("td", {}, v.date || ""), h("td", {}, v.type), h("td", {}, v.trigger_text || ""),
          h("td", {}, v.actor_id === e.id ? "actor" : "target"), h("td", {}, articleLink(v.article, v.title, v.published)))))),
    h("section", {}, h("h2", {}, `Articles (${e.articles.length})`),
      h("ul", {}, e.articles.map((a) => h("li", {}, articleLink(a.id, a.title, a.published), ` — ${a.mentions} mention(s)`)))),
  );
}
