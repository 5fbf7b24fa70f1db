// A Leaflet map that works offline: country shapes from the API, tiles only when configured.
import { api, h } from "./util.js";
import { config } from "./app.js";

let countries = null;

export async function worldMap(el, opts = {}) {
  const map = L.map(el, { worldCopyJump: true, attributionControl: !!config.tiles, ...opts }).setView([30, 40], 2);
  if (config.tiles) L.tileLayer(config.tiles, { maxZoom: 18 }).addTo(map);
  countries = countries || (await api("countries"));
  L.geoJSON(countries, {
    style: { color: "#8a8f98", weight: 0.6, fillColor: "#e9ecef", fillOpacity: config.tiles ? 0 : 1 },
    interactive: false,
  }).addTo(map);
  return map;
}

// A marker with a title attribute (the name) and a popup built from DOM nodes.
export function pin(map, lat, lon, title, kind, popup, size = 14) {
  const icon = L.divIcon({ className: `pin pin-${kind}`, iconSize: [size, size] });
  const m = L.marker([lat, lon], { icon, title, alt: title, riseOnHover: true }).addTo(map);
  if (popup) m.bindPopup(() => popup());
  return m;
}

export function fit(map, points) {
  if (!points.length) return;
  if (points.length === 1) map.setView(points[0], 4);
  else map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 6 });
}

export function popupBody(title, ...rows) {
  return h("div", { class: "popup" }, h("strong", {}, title), rows.map((r) => h("div", {}, r)));
}
