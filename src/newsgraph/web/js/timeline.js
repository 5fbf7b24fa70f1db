// The timeline: events placed at their event date, with a line back from the date they
// were published, so the delay between what happened and when it was reported shows.
import { api, daysBetween, enc, fill, h, parseDay, svg } from "./util.js";

export async function showTimeline(view, _arg, params) {
  const res = await api("events", { limit: 300, place: params.get("place") || "", type: params.get("type") || "" });
  const items = res.items.filter((v) => parseDay(v.date || v.published) !== null).reverse();
  fill(view, h("h1", {}, "Timeline of events"),
    h("p", { class: "meta" }, `${res.total ?? items.length} event(s), by event date. `,
      h("span", { class: "key" }, h("i", { class: "dot ev" }), " event date  ", h("i", { class: "dot pub" }), " published")),
    items.length ? chart(items) : h("p", { class: "muted" }, "No dated event yet."));
}

function chart(items) {
  const W = 1100, L = 330, R = 30, row = 22, T = 30;
  const H = T + row * items.length + 20;
  const all = items.flatMap((v) => [parseDay(v.date || v.published), parseDay(v.published)]).filter((x) => x !== null);
  let x0 = Math.min(...all), x1 = Math.max(...all);
  if (x0 === x1) { x0 -= 15 * 86400000; x1 += 15 * 86400000; }
  const X = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const ticks = monthTicks(x0, x1);
  return svg("svg", { class: "timeline", viewBox: `0 0 ${W} ${H}`, width: W, height: H },
    ticks.map((t) => svg("g", {}, svg("line", { x1: X(t), y1: T - 8, x2: X(t), y2: H - 10, class: "grid" }),
      svg("text", { x: X(t), y: T - 12, class: "tick", "text-anchor": "middle" }, new Date(t).toISOString().slice(0, 7)))),
    items.map((v, i) => eventRow(v, T + i * row + row / 2, X)));
}

function eventRow(v, y, X) {
  const ev = parseDay(v.date || v.published), pub = parseDay(v.published);
  const lag = daysBetween(v.date, v.published);
  const label = `${v.type} · ${v.trigger_text || ""} · ${v.actor_name || "?"}${v.place_name ? " · " + v.place_name : ""}`;
  const tip = `event ${v.date || "?"} · published ${v.published || "?"}` + (lag !== null ? ` · reported ${lag} day(s) later` : "");
  return svg("g", { class: "event-row", "data-event": `${v.article}:${v.id}`,
    onclick: () => { location.hash = `#/article/${enc(v.article)}`; } },
    svg("title", {}, tip),
    svg("text", { x: 8, y: y + 4, class: "row-label" }, label.length > 47 ? label.slice(0, 46) + "…" : label),
    pub !== null ? svg("line", { x1: X(ev), y1: y, x2: X(pub), y2: y, class: "lag" }) : null,
    pub !== null ? svg("rect", { x: X(pub) - 4, y: y - 4, width: 8, height: 8, class: "pub" }) : null,
    svg("circle", { cx: X(ev), cy: y, r: 5, class: v.date ? "ev" : "ev undated" }),
    lag ? svg("text", { x: Math.max(X(ev), X(pub)) + 9, y: y + 4, class: "lag-label" },
      lag > 0 ? `reported ${lag} d later` : `${-lag} d ahead`) : null);
}

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
