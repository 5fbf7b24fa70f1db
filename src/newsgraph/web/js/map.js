// The map: every place with coordinates (sized by articles) and every located event.
import { api, enc, fill, h } from "./util.js";
import { fit, pin, popupBody, worldMap } from "./mapbase.js";

export async function showMap(view) {
  const [places, events] = await Promise.all([
    api("places", { format: "geojson", limit: 500 }), api("events", { format: "geojson", limit: 500 })]);
  const el = h("div", { id: "world-map", class: "map big" });
  fill(view, h("h1", {}, "Map"),
    h("p", { class: "meta" }, `${places.features.length} place(s) and ${events.features.length} located event(s)`,
      h("span", { class: "key" }, h("i", { class: "pin pin-place" }), " place ", h("i", { class: "pin pin-event" }), " event")),
    el);
  const map = await worldMap(el);
  const pts = [];
  for (const f of places.features) {
    const [lon, lat] = f.geometry.coordinates, p = f.properties;
    pts.push([lat, lon]);
    pin(map, lat, lon, p.name, "place", () => popupBody(p.name,
      `${p.articles} article(s), ${p.mentions} mention(s), ${p.events} event(s)`,
      h("a", { href: `#/timeline?place=${enc(p.name)}` }, "events here")),
    Math.round(10 + 4 * Math.sqrt(p.articles || 1)));
  }
  for (const f of events.features) {
    const [lon, lat] = f.geometry.coordinates, v = f.properties;
    pin(map, lat, lon, `${v.type}: ${v.trigger_text || ""}`, "event", () => popupBody(`${v.type} — ${v.trigger_text || ""}`,
      `${v.actor_name || "unknown actor"} · ${v.place_name || ""}`, `event date ${v.date || "?"}, published ${v.published || "?"}`,
      h("a", { href: `#/article/${enc(v.article)}` }, v.title || "article")));
  }
  fit(map, pts);
}
