// The timeline: one row per real event (an event cluster), however many outlets reported
// it, placed at its event date with a line back from its first report. A row says how many
// reports and outlets it has and marks it when they disagree; it opens the cluster view.
import { api, daysBetween, enc, fill, h, parseDay, svg } from "./util.js";

export async function showTimeline(view, _arg, params) {
  const res = await api("clusters", { limit: 300, place: params.get("place") || "", type: params.get("type") || "" });
  const items = res.items.filter((c) => parseDay(c.date || c.first_published) !== null).reverse();
  fill(view, h("h1", {}, "Timeline of events"),
    h("p", { class: "meta" }, `${res.total ?? items.length} event(s), each once however many outlets reported it, by event date. `,
      h("span", { class: "key" }, h("i", { class: "dot ev" }), " event date  ", h("i", { class: "dot pub" }),
        " first report  ", h("b", { class: "disagree-key" }, "≠"), " reports disagree")),
    items.length ? chart(items) : h("p", { class: "muted" }, "No dated event yet."));
}

function chart(items) {
  const W = 1100, L = 440, R = 150, row = 22, T = 30;
  const H = T + row * items.length + 20;
  const all = items.flatMap((c) => [parseDay(c.date || c.first_published), parseDay(c.first_published)]).filter((x) => x !== null);
  let x0 = Math.min(...all), x1 = Math.max(...all);
  if (x0 === x1) { x0 -= 15 * 86400000; x1 += 15 * 86400000; }
  const X = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const ticks = monthTicks(x0, x1);
  return svg("svg", { class: "timeline", viewBox: `0 0 ${W} ${H}`, width: W, height: H },
    ticks.map((t) => svg("g", {}, svg("line", { x1: X(t), y1: T - 8, x2: X(t), y2: H - 10, class: "grid" }),
      svg("text", { x: X(t), y: T - 12, class: "tick", "text-anchor": "middle" }, new Date(t).toISOString().slice(0, 7)))),
    items.map((c, i) => clusterRow(c, T + i * row + row / 2, X)));
}

export function clusterLabel(c) {
  const langs = c.langs.length > 1 ? ` · ${c.langs.join("/")}` : "";
  const n = (k, word) => `${k} ${word}${k === 1 ? "" : "s"}`;
  return `${c.type} · ${c.place || "?"} · ${n(c.reports, "report")}, ${n(c.sources.length, "outlet")}${langs}`;
}

function clusterRow(c, y, X) {
  const ev = parseDay(c.date || c.first_published), pub = parseDay(c.first_published);
  const lag = daysBetween(c.date, c.first_published);
  const label = clusterLabel(c);
  const odd = c.disagreements.length > 0;
  const tip = `event ${c.date || "?"} · first report ${c.first_published || "?"} · ${c.sources.join(", ")}` +
    (odd ? ` · reports disagree on ${c.disagreements.join(", ")}` : "");
  return svg("g", { class: "cluster-row" + (odd ? " disagree" : ""), "data-cluster": c.id,
    onclick: () => { location.hash = `#/cluster/${enc(c.id)}`; } },
    svg("title", {}, tip),
    svg("text", { x: 8, y: y + 4, class: "row-label" }, label.length > 50 ? label.slice(0, 49) + "…" : label),
    odd ? svg("text", { x: L_MARK, y: y + 4, class: "disagree-mark" }, "≠ " + c.disagreements.join(", ")) : null,
    pub !== null ? svg("line", { x1: X(ev), y1: y, x2: X(pub), y2: y, class: "lag" }) : null,
    pub !== null ? svg("rect", { x: X(pub) - 4, y: y - 4, width: 8, height: 8, class: "pub" }) : null,
    svg("circle", { cx: X(ev), cy: y, r: 4 + Math.min(4, c.reports - 1), class: c.date ? "ev" : "ev undated" }),
    lag ? svg("text", { x: Math.max(X(ev), X(pub)) + 9, y: y + 4, class: "lag-label" },
      lag > 0 ? `first reported ${lag} d later` : `${-lag} d ahead`) : null);
}

const L_MARK = 318;

function monthTicks(x0, x1) {
  const out = [];
  const d = new Date(x0);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const step = (x1 - x0) > 3 * 365 * 86400000 ? 12 : (x1 - x0) > 365 * 86400000 ? 3 : 1;
  while (t <= x1) {
    if (t >= x0) out.push(t);
    const n = new Date(t);
    t = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + step, 1);
  }
  return out;
}
