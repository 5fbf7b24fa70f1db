// Figures over time: one chart per claim series, each point labelled with its claimant;
// conflicting claims (two claimants, same period, incompatible values) are ringed and listed.
// Labels are placed so they never overlap. Every point links to its sentence.
import { api, enc, fill, fmtNumber, h, parseDay, svg } from "./util.js";

export async function showFigures(view, _arg, params) {
  const q = params.get("q") || "";
  const res = await api("series", { q, limit: 20 });
  const full = await Promise.all(res.items.map((s) => api(`series/${enc(s.id)}`).catch(() => null)));
  const input = h("input", { type: "search", name: "counted", value: q, placeholder: "counted phrase, e.g. citizens" });
  const form = h("form", { class: "inline", onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = "#/figures?q=" + encodeURIComponent(input.value.trim());
  } }, input, h("button", { type: "submit" }, "Show"));
  fill(view, 
    h("h1", {}, "Figures over time"), form,
    h("p", { class: "meta" }, `${res.total ?? res.items.length} series`),
    h("div", { id: "series-list" }, res.items.length
      ? res.items.map((s, i) => seriesBlock(s, (full[i] && full[i].conflicts) || []))
      : h("p", { class: "muted" }, "No figure with a counted phrase matches.")));
}

function pointHref(p) {
  return `#/article/${enc(p.article)}` + (p.number ? `?fact=${enc(p.number)}` : "");
}

function seriesBlock(s, conflicts) {
  const hot = new Set(conflicts.flatMap((k) => k.values.map((v) => `${v.article}|${v.number}`)));
  return h("section", { class: "series", "data-series": s.id },
    h("h2", {}, s.counted, " ", h("small", {}, `${s.category} · ${s.points.length} point(s)`),
      conflicts.length ? h("small", { class: "disagree-key" }, ` · ${conflicts.length} conflict(s)`) : null),
    chart(s.points, hot),
    conflicts.length ? h("ul", { class: "conflicts" }, conflicts.map((k) => h("li", {},
      `${k.date_range[0]}${k.date_range[1] !== k.date_range[0] ? " – " + k.date_range[1] : ""}: `,
      k.values.map((v) => h("a", { href: pointHref(v) }, `${v.text || fmtNumber(v.value)} (${v.claimant})`))
        .flatMap((x, i) => (i ? [" vs ", x] : [x]))))) : null,
    h("table", { class: "list" }, h("tbody", {}, s.points.map((p) => h("tr", { class: hot.has(`${p.article}|${p.number}`) ? "conflict" : "" },
      h("td", {}, p.date || "undated"), h("td", { class: "num" }, `${p.text} (${fmtNumber(p.value)})`),
      h("td", {}, p.claimant || "unattributed"),
      h("td", {}, h("a", { href: pointHref(p) }, "sentence")))))));
}

// Label boxes placed top to bottom: each goes at its point, or the nearest free row below
// or above it (a leader line joins a moved label to its point). Width is estimated from
// the text (11 px font), so two labels never share pixels.
export function placeLabels(labels, top, bottom, charW = 6.2, lineH = 14) {
  const placed = [];
  for (const l of [...labels].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const w = l.text.length * charW;
    const clash = (y) => placed.some((p) => l.x + 9 < p.x + 9 + p.w && p.x + 9 < l.x + 9 + w && Math.abs(p.ly - y) < lineH);
    let ly = l.y - 8;
    for (let k = 1; clash(ly) && k < 200; k++) {
      const down = l.y - 8 + Math.ceil(k / 2) * lineH * (k % 2 ? 1 : -1);
      if (down > top && down < bottom) ly = down;
    }
    placed.push({ ...l, w, ly });
  }
  return placed;
}

function chart(points, hot) {
  const pts = points.filter((p) => parseDay(p.date) !== null && p.value !== null);
  const W = 860, L = 60, R = 190, T = 24, B = 36;
  if (!pts.length) return h("p", { class: "muted" }, "No dated point to draw.");
  const H = Math.max(pts.length > 1 ? 240 : 150, T + B + 16 * pts.length);
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
  const placed = placeLabels([...labels.values()].map((l) => ({ ...l, text: `${fmtNumber(l.value)} · ${l.who.join(", ")}` })),
    T - 10, H - B - 2);
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
      class: hot.has(`${p.article}|${p.number}`) ? "conflict" : null,
      onclick: () => { location.hash = pointHref(p); } },
    svg("title", {}, `${p.date}: ${p.text} — ${p.claimant || "unattributed"}`))),
    placed.map((l) => svg("g", {},
      Math.abs(l.ly - (l.y - 8)) > 1 ? svg("line", { x1: l.x + 4, y1: l.y - 3, x2: l.x + 9, y2: l.ly - 4, class: "leader" }) : null,
      svg("text", { x: l.x + 9, y: l.ly, class: "label" }, l.text))));
}
