// One real event: every report of it (outlet, language, dates, place, figures, the sentence
// with its trigger) and, field by field, where the reports disagree. Every report links to
// its sentence in the article view.
import { api, enc, fill, fmtNumber, h } from "./util.js";

export async function showCluster(view, id) {
  const c = await api(`clusters/${enc(id)}`);
  const byId = new Map(c.reports.map((r) => [r.id, r]));
  fill(view,
    h("h1", { id: "cluster-title" }, `${c.type} · ${c.place || "place unknown"} · ${c.date || "date unknown"}`),
    h("p", { class: "meta" }, `${c.reports.length} report(s) from ${c.sources.length} outlet(s) in ${c.langs.join(", ")}: `,
      c.sources.join(" · ")),
    h("section", { id: "disagreements" }, h("h2", {}, "Where the reports disagree"),
      c.disagreements.length ? c.disagreements.map((d) => disagreement(d, byId))
        : h("p", { class: "muted" }, "The reports agree on date, place and figures.")),
    h("section", {}, h("h2", {}, "Reports"),
      h("table", { class: "list reports" },
        h("thead", {}, h("tr", {}, ["published", "outlet", "lang", "event date", "place", "figures", "sentence"].map((x) => h("th", {}, x)))),
        h("tbody", {}, c.reports.map(reportRow)))));
}

export function sentenceHref(r) {
  return `#/article/${enc(r.article)}?fact=${enc(r.event)}`;
}

function disagreement(d, byId) {
  const title = d.field === "figures" ? `figures · ${d.category}` : d.field;
  return h("div", { class: "disagreement", "data-field": d.field },
    h("h3", {}, title),
    h("table", { class: "list" }, h("tbody", {}, d.values.map((v) => h("tr", { class: "dis-value" },
      h("td", { class: "num" }, d.field === "figures" ? figureText(v) : v.value),
      h("td", {}, v.reports.map((rid) => {
        const r = byId.get(rid);
        return r ? h("a", { href: sentenceHref(r), class: "dis-report", "data-report": rid,
          onmouseenter: () => pick(rid, true), onmouseleave: () => pick(rid, false) }, `${r.source} (${r.lang})`) : rid;
      }).flatMap((x, i) => (i ? [" · ", x] : [x]))))))));
}

function pick(rid, on) {
  for (const el of document.querySelectorAll(`tr[data-report="${CSS.escape(rid)}"]`)) el.classList.toggle("picked", on);
}

function figureText(v) {
  const hedge = v.approx && v.approx !== "exact" ? v.approx.replace("_", " ") + " " : "";
  return `${hedge}${fmtNumber(v.value)}`;
}

function reportRow(r) {
  return h("tr", { "data-report": r.id },
    h("td", {}, r.published || ""), h("td", {}, r.source), h("td", {}, r.lang),
    h("td", {}, r.date || "—"), h("td", {}, r.place || "—"),
    h("td", { class: "num" }, r.figures.length ? r.figures.map((f) => `${f.text} (${f.category})`).join("; ") : "—"),
    h("td", {}, sentence(r), " ", h("a", { href: sentenceHref(r), class: "sentence-link" }, "in the article →")));
}

function sentence(r) {
  const s = r.sentence || "";
  const a = r.trigger.start - r.sentence_start, b = r.trigger.end - r.sentence_start;
  if (!(a >= 0 && b <= s.length && a < b)) return h("span", { class: "sentence" }, s);
  return h("span", { class: "sentence" }, s.slice(0, a), h("mark", {}, s.slice(a, b)), s.slice(b));
}
