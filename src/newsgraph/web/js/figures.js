// Figures over time: one chart per counted phrase, each point labelled with its claimant.
import { api, enc, fill, fmtNumber, h, parseDay, svg } from "./util.js";

export async function showFigures(view, _arg, params) {
  const q = params.get("q") || "";
  const res = await api("series", { q, limit: 20 });
  const input = h("input", { type: "search", name: "counted", value: q, placeholder: "counted phrase, e.g. citizens" });
  const form = h("form", { class: "inline", onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = "#/figures?q=" + encodeURIComponent(input.value.trim());
  } }, input, h("button", { type: "submit" }, "Show"));
  fill(view, 
    h("h1", {}, "Figures over time"), form,
    h("p", { class: "meta" }, `${res.total ?? res.items.length} series`),
    h("div", { id: "series-list" }, res.items.length ? res.items.map(seriesBlock)
      : h("p", { class: "muted" }, "No figure with a counted phrase matches.")));
}

function seriesBlock(s) {
  return h("section", { class: "series", "data-series": s.id },
    h("h2", {}, s.counted, " ", h("small", {}, `${s.category} · ${s.points.length} point(s)`)),
    chart(s.points),
    h("table", { class: "list" }, h("tbody", {}, s.points.map((p) => h("tr", {},
      h("td", {}, p.date || "undated"), h("td", { class: "num" }, `${p.text} (${fmtNumber(p.value)})`),
      h("td", {}, p.claimant || "unattributed"),
      h("td", {}, h("a", { href: `#/article/${enc(p.article)}` }, "article")))))));
}

function chart(points) {
  const pts = points.filter((p) => parseDay(p.date) !== null && p.value !== null);
  const W = 860, H = pts.length > 1 ? 240 : 150, L = 60, R = 190, T = 24, B = 36;
  if (!pts.length) return h("p", { class: "muted" }, "No dated point to draw.");
  const xs = pts.map((p) => parseDay(p.date)), ys = pts.map((p) => p.value);
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  if (x0 === x1) { x0 -= 15 * 86400000; x1 += 15 * 86400000; }
  const top = Math.max(...ys) || 1, y1 = top * 1.2;
  const X = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const Y = (y) => H - B - (y / y1) * (H - T - B);
  const line = pts.map((p, i) => `${i ? "L" : "M"}${X(xs[i]).toFixed(1)},${Y(p.value).toFixed(1)}`).join(" ");
  // one label per position: points of the same date and value share it (claimants joined)
  const labels = new Map();
  pts.forEach((p, i) => {
    const key = `${xs[i]}|${p.value}`;
    const who = p.claimant || "unattributed";
    const l = labels.get(key) || { x: X(xs[i]), y: Y(p.value), value: p.value, who: [] };
    if (!l.who.includes(who)) l.who.push(who);
    labels.set(key, l);
  });
  return svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img" },
    svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, class: "axis" }),
    svg("line", { x1: L, y1: T, x2: L, y2: H - B, class: "axis" }),
    svg("text", { x: L - 6, y: Y(top) + 4, class: "tick", "text-anchor": "end" }, fmtNumber(top)),
    svg("line", { x1: L - 3, y1: Y(top), x2: L, y2: Y(top), class: "axis" }),
    svg("text", { x: L - 6, y: H - B + 4, class: "tick", "text-anchor": "end" }, "0"),
    svg("text", { x: L, y: H - 10, class: "tick" }, new Date(x0).toISOString().slice(0, 10)),
    svg("text", { x: W - R, y: H - 10, class: "tick", "text-anchor": "end" }, new Date(x1).toISOString().slice(0, 10)),
    svg("path", { d: line, class: "series-line" }),
    pts.map((p, i) => svg("circle", { cx: X(xs[i]), cy: Y(p.value), r: 5,
      onclick: () => { location.hash = `#/article/${enc(p.article)}`; } },
    svg("title", {}, `${p.date}: ${p.text} — ${p.claimant || "unattributed"}`))),
    [...labels.values()].map((l) => svg("text", { x: l.x + 9, y: l.y - 8, class: "label" },
      `${fmtNumber(l.value)} · ${l.who.join(", ")}`)));
}
