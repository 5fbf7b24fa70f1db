"""GeoJSON output of places and events, and the country shapes the map draws offline."""
from __future__ import annotations

import functools
import json
import logging

log = logging.getLogger("newsgraph.api")


def collection(items: list[dict], next_cursor: str | None, total: int | None) -> dict:
    """A FeatureCollection of the items that have coordinates (the others are left out)."""
    feats = []
    for it in items:
        if it.get("lat") is None or it.get("lon") is None:
            continue
        props = {k: v for k, v in it.items() if k not in ("lat", "lon")}
        feats.append({"type": "Feature", "id": _fid(it),
                      "geometry": {"type": "Point", "coordinates": [it["lon"], it["lat"]]},
                      "properties": props})
    return {"type": "FeatureCollection", "features": feats, "total": total, "next": next_cursor}


def _fid(it: dict) -> str:
    return f"{it['article']}:{it['id']}" if "article" in it else str(it["id"])


@functools.lru_cache(maxsize=1)
def countries() -> bytes:
    """Every country polygon countryinfo ships, as one FeatureCollection (built once)."""
    from countryinfo import all_countries

    feats, missing = [], []
    for n, c in enumerate(all_countries()):
        try:
            g = c.geo_json()
        except Exception:  # a country without a shape in the package: counted and logged below
            missing.append(n)
            continue
        for f in (g or {}).get("features", []):
            feats.append({"type": "Feature", "id": f.get("id"),
                          "properties": {"name": (f.get("properties") or {}).get("name")},
                          "geometry": f["geometry"]})
    if missing:
        log.warning("countryinfo has no shape for %d of its countries; the map leaves them blank", len(missing))
    feats.sort(key=lambda f: str(f["id"]))
    return json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":")).encode()
