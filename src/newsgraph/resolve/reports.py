"""The reports of one event cluster and where they disagree, field by field.

Each member event of a cluster is one *report*: its article, outlet, language, publication
date, the event's own date, its place, its trigger span and the figures of its sentence
(else the article's figures of the categories its event type counts: ARRESTED for a
detention, KILLED/INJURED for an attack). ``disagreements(reports)`` lists, per field, the
values outlet by outlet when they are incompatible:

  * date: two event dates from the text where neither holds the other ("2022-01-05" vs
    "2022-01-06"; "2022-01" holds "2022-01-05" and is no disagreement);
  * place: two places more than 40 km apart (by name when a side has no coordinates), a
    country never disagreeing with a city inside it (a place neither on the map nor in a
    known country is left out);
  * figures: per category, two hedged figures whose intervals do not meet (ledger.interval).
"""
from __future__ import annotations

import math

from .ledger import compatible, interval
from .names import country_of, place_key

TYPE_CATEGORIES = {"COERCE": ("ARRESTED",), "ASSAULT": ("KILLED", "INJURED"), "PROTEST": ("PERSONS",),
                   "MOBILIZE": ("PERSONS",), "RETREAT": ("DISPLACED",), "AID": ("MONEY",)}
SKIP_CATEGORIES = {"OTHER", "PERCENT", None, ""}
NEAR_KM = 40  # as events.place_score: within 40 km is the same place


def figures_of(event: dict, numbers: list[dict]) -> list[dict]:
    """Figures for one report: those inside its sentence, else the article's of its type."""
    s, e = event.get("sentence_start"), event.get("sentence_end")
    inside = [n for n in numbers if n.get("category") not in SKIP_CATEGORIES and s is not None
              and n["start"] is not None and s <= n["start"] and n["end"] <= e]
    if inside:
        return [_figure(n) for n in inside]
    wanted = TYPE_CATEGORIES.get(event.get("type") or "", ())
    return [_figure(n) for n in numbers if n.get("category") in wanted]


def _figure(n: dict) -> dict:
    return {k: n.get(k) for k in ("number", "value", "low", "high", "approx", "text", "category", "counted",
                                  "start", "end")}


def disagreements(reports: list[dict]) -> list[dict]:
    out = []
    d = _dates(reports)
    if d:
        out.append(d)
    p = _places(reports)
    if p:
        out.append(p)
    out += _figures(reports)
    return out


def _group(pairs: list[tuple]) -> list[dict]:
    vals: dict = {}
    for value, rid in pairs:
        vals.setdefault(value, []).append(rid)
    return [{"value": v, "reports": list(dict.fromkeys(r))} for v, r in vals.items()]


def _dates(reports: list[dict]) -> dict | None:
    pairs = [(r["date"], r["id"]) for r in reports if r.get("date") and r.get("date_source") == "time"]
    values = {v for v, _ in pairs}
    clash = any(not (a.startswith(b) or b.startswith(a)) for a in values for b in values)
    return {"field": "date", "values": sorted(_group(pairs), key=lambda v: v["value"])} if clash else None


def _places(reports: list[dict]) -> dict | None:
    named = [r for r in reports if r.get("place")]
    city_countries = {r.get("country") for r in named if not _is_country(r)}
    groups: list[tuple[dict, list]] = []  # (first report of the place, report ids)
    for r in named:
        if _is_country(r) and (r.get("country") or country_of(r["place"])) in city_countries:
            continue  # "Kazakhstan" does not disagree with "Almaty"
        if r.get("lat") is None and not r.get("country"):
            continue  # "Republic Square", not on the map: nothing to compare it by
        home = next((g for g in groups if _same_place(g[0], r)), None)
        if home is None:
            groups.append((r, [r["id"]]))
        elif r["id"] not in home[1]:
            home[1].append(r["id"])
    if len(groups) < 2:
        return None
    return {"field": "place", "values": [{"value": g["place"], "reports": ids} for g, ids in groups]}


def _same_place(a: dict, b: dict) -> bool:
    """The same name, or within ``NEAR_KM`` (a square in the city is the city)."""
    if place_key(a["place"]) == place_key(b["place"]):
        return True
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return False
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    dl = math.radians(b["lon"] - a["lon"])
    hav = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(hav))) <= NEAR_KM


def _is_country(r: dict) -> bool:
    return r.get("place_kind") == "country" or country_of(r["place"]) is not None


def _figures(reports: list[dict]) -> list[dict]:
    by_cat: dict[str, list[tuple]] = {}
    for r in reports:
        for f in r.get("figures", []):
            if f.get("value") is not None:
                by_cat.setdefault(f["category"], []).append((f, r["id"]))
    out = []
    for cat, items in sorted(by_cat.items()):
        ivs = [(interval(f["value"], f["approx"], f.get("low"), f.get("high")), rid) for f, rid in items]
        clash = any(not compatible(a, b) and ra != rb for a, ra in ivs for b, rb in ivs)
        if not clash:
            continue
        vals: dict = {}
        for f, rid in items:
            key = (f["value"], f.get("approx") or "exact")
            vals.setdefault(key, {"value": f["value"], "approx": key[1], "text": f.get("text"), "reports": []})
            if rid not in vals[key]["reports"]:
                vals[key]["reports"].append(rid)
        out.append({"field": "figures", "category": cat, "values": sorted(vals.values(), key=lambda v: v["value"])})
    return out
