// Small helpers shared by the views. Every piece of article text goes into the page as a
// text node (h() and textContent), never as HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// el.replaceChildren(...children) without the holes: null, undefined and false are left out
// (replaceChildren itself would print them as the text "null").
export function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export class ApiError extends Error {}

export async function api(path, params = {}) {
  const url = new URL("/api/v1/" + path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  const res = await fetch(url);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(body && body.error ? body.error.message : `HTTP ${res.status}`);
  return body;
}

export function enc(s) {
  return encodeURIComponent(s);
}

// decodeURIComponent that never throws: a malformed escape ("%", "%E0%A4") stays as typed.
export function dec(s) {
  try {
    return decodeURIComponent(s);
  } catch (err) {
    return s;
  }
}

// The record counts offsets in code points (Python string indexes), JavaScript strings in
// UTF-16 code units: an emoji or any character beyond U+FFFF is one of the first and two of
// the second. unitsAt(text) maps a record offset to the JavaScript index of the same place.
export function unitsAt(text) {
  text = text || "";
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => Math.max(0, Math.min(i, text.length));
  const units = [0];
  let u = 0;
  for (const ch of text) { u += ch.length; units.push(u); }
  return (i) => (i <= 0 ? 0 : i >= units.length ? text.length : units[i]);
}

// The words of a query, for highlighting (FTS matching is by word, so this is close).
export function terms(q) {
  return (q || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
}

// Text with every occurrence of the terms wrapped in <mark>, as DOM nodes.
export function highlight(text, words) {
  text = text || "";
  if (!words.length) return [document.createTextNode(text)];
  const esc = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp("(" + esc.join("|") + ")", "giu");
  const out = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    out.push(h("mark", {}, m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(document.createTextNode(text.slice(last)));
  return out;
}

export function fmtNumber(v) {
  if (v === null || v === undefined) return "";
  return Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function link(href, text, attrs = {}) {
  return h("a", { href, ...attrs }, text);
}

export function articleLink(id, title, published) {
  return link(`#/article/${enc(id)}`, `${published || "undated"} · ${title || id}`, { class: "article-link" });
}

export function entityLink(id, name) {
  return id ? link(`#/entity/${enc(id)}`, name || id, { class: "entity-link" }) : (name || "");
}

export function loading(view) {
  fill(view, h("p", { class: "muted" }, "Loading…"));
}

export function fail(view, err) {
  fill(view, h("p", { class: "error" }, String(err.message || err)));
}

// Days between two ISO dates (partial dates count from their first day), or null.
export function daysBetween(a, b) {
  const pa = parseDay(a), pb = parseDay(b);
  if (pa === null || pb === null) return null;
  return Math.round((pb - pa) / 86400000);
}

export function parseDay(s) {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
  if (!m) return null;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
}
