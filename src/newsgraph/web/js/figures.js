// Figures over time: one chart per counted phrase, each point labelled with its claimant.
import { api, enc, fmtNumber, h, parseDay, svg } from "./util.js";

export async function showFigures(view, _arg, params) {
  const q = params.get("q") || "";
  const res = await api("series", { q, limit: 20 });
  const input = h("input", { type: "search", name: "counted", value: q, placeholder: "counted phrase, e.g. citizens" });
  const form = h("form", { class: "inline", onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = "#/figures?q=" + encodeURIComponent(input.value.trim());
  } }, input, h("button", { type: "submit" }, "Show"));
  view.replaceChildren(
    h("h1", {}, "Figures over time"), form,
    h("p", { class: "meta" }, `${res.total ?? res.items.length} series`),
    res.items.length ? res.items.map(seriesBlock) : h("p", { class: "muted" }, "No figure with a counted phrase matches."));
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
  const W = 640, H = 220, L = 60, R = 20, T = 20, B = 40;
  if (!pts.length) return h("p", { class: "muted" }, "No dated point to draw.");
  const xs = pts.map((p) => parseDay(p.date)), ys = pts.map((p) => p.value);
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  if (x0 === x1) { x0 -= 15 * 86400000; x1 += 15 * 86400000; }
  const y1 = Math.max(...ys) * 1.15 || 1;
  const X = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const Y = (y) => H - B - (y / y1) * (H - T - B);
  const line = pts.map((p, i) => `${i ? "L" : "M"}${X(xs[i]).toFixed(1)},${Y(p.value).toFixed(1)}`).join(" ");
  return svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img" },
    svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, class: "axis" }),
    svg("line", { x1: L, y1: T, x2: L, y2: H - B, class: "axis" }),
    svg("text", { x: L - 6, y: Y(y1 / 1.15) + 4, class: "tick", "text-anchor": "end" }, fmtNumber(y1 / 1.15)),
    svg("text", { x: L - 6, y: H - B + 4, class: "tick", "text-anchor": "end" }, "0"),
    svg("text", { x: L, y: H - 12, class: "tick" }, new Date(x0).toISOString().slice(0, 10)),
    svg("text", { x: W - R, y: H - 12, class: "tick", "text-anchor": "end" }, new Date(x1).toISOString().slice(0, 10)),
    svg("path", { d: line, class: "series-line" }),
    pts.map((p, i) => svg("g", { class: "point" },
      svg("circle", { cx: X(xs[i]), cy: Y(p.value), r: 5, onclick: () => { location.hash = `#/article/${enc(p.article)}`; } },
        svg("title", {}, `${p.date}: ${p.text} — ${p.claimant || "unattributed"}`)),
      svg("text", { x: X(xs[i]), y: Y(p.value) - 9, "text-anchor": "middle", class: "label" },
        `${fmtNumber(p.value)} · ${p.claimant || "?"}`))));
}
