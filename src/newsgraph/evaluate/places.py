"""Evaluation of the places stage on TR-News and GeoWebNews (XML with character offsets).

Gold toponyms are those with coordinates. A gold toponym is *recognised* when a predicted
place overlaps its (re-aligned) span. Scores:
- ``recall``: recognised / gold;
- ``acc161``: recognised toponyms placed within 161 km of the gold point;
- ``exact_id``: recognised toponyms with the gold GeoNames id (over those whose gold has one);
- ``e2e161``: gold toponyms both recognised and placed within 161 km;
- ``docs_per_s``: articles per second, spaCy included; ``places_ms_per_doc``: the places step alone
  (with the entities stage it reads); ``gazetteer_load_s`` / ``gazetteer_mb``: loading the index
  (0 when this process had loaded it already).
Three systems from one spaCy run: ``ours`` (geoparsing convention: adjectival demonyms such
as "Turkish policeman" count as toponyms, as these gold sets annotate them), ``ours_record``
(exactly the record's places: adjectival demonyms left as NORP) and the peer ``population``
(spaCy GPE/LOC/FAC spans, each to the most populous gazetteer row of its name).
"""
from __future__ import annotations

import os
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalError
from ..model import ArticleRecord, Article
from ..resources import Context
from ..resources.gazetteer import distance_km, load

KM = 161.0


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float
    geonameid: int | None


def _num(el, tag: str) -> float | None:
    v = el.findtext(tag)
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """Offsets that really cover the name (gold offsets may drift by a character or so)."""
    if not name or text[start:end] == name:
        return start, end
    best = None
    for d in range(0, 12):
        for s in (start - d, start + d):
            if 0 <= s and text[s:s + len(name)] == name:
                best = (s, s + len(name))
                break
        if best:
            return best
    return start, end


def _toponym(el, text: str) -> GoldToponym | None:
    gaz = el.find("gaztag")
    if gaz is not None:  # TR-News
        name, lat, lon = el.findtext("phrase") or "", _num(gaz, "lat"), _num(gaz, "lon")
        gid = gaz.get("geonameid")
    else:  # GeoWebNews
        name, lat, lon = el.findtext("extractedName") or "", _num(el, "latitude"), _num(el, "longitude")
        gid = el.findtext("geonamesID")
    if lat is None or lon is None:
        return None
    s, t = _align(text, int(el.findtext("start")), int(el.findtext("end")), name.strip())
    return GoldToponym(s, t, name, lat, lon, int(gid) if gid and gid.strip().isdigit() else None)


def read_gold(path: str | Path, limit: int | None = None) -> list[tuple[str, list[GoldToponym]]]:
    """(text, gold toponyms) per article."""
    p = Path(path)
    if not p.is_file():
        raise EvalError(f"gold file {p} not found; pass ../shared/gold/geo/TR-News.xml or GWN.xml")
    try:
        root = ET.parse(p).getroot()
    except ET.ParseError as exc:
        raise EvalError(f"{p} is not valid XML ({exc}); pass TR-News.xml or GWN.xml") from exc
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = [t for t in (_toponym(el, text) for el in art.iter("toponym")) if t is not None]
        out.append((text, tops))
        if limit and len(out) >= limit:
            break
    if not out:
        raise EvalError(f"{p} holds no <article> elements; is it a TR-News/GeoWebNews file?")
    return out


class _Tally:
    def __init__(self) -> None:
        self.gold = self.rec = self.close = self.with_id = self.exact = 0

    def add(self, g: GoldToponym, preds: list[tuple[int, int, float | None, float | None, int | None]]) -> None:
        self.gold += 1
        hits = [p for p in preds if p[0] < g.end and g.start < p[1]]
        if not hits:
            return
        self.rec += 1
        p = max(hits, key=lambda h: min(h[1], g.end) - max(h[0], g.start))
        if p[2] is not None and distance_km(p[2], p[3], g.lat, g.lon) <= KM:
            self.close += 1
        if g.geonameid is not None:
            self.with_id += 1
            self.exact += int(p[4] == g.geonameid)

    def scores(self) -> dict:
        r = max(self.rec, 1)
        return {"recall": round(self.rec / max(self.gold, 1), 4), "acc161": round(self.close / r, 4),
                "exact_id": round(self.exact / max(self.with_id, 1), 4),
                "e2e161": round(self.close / max(self.gold, 1), 4), "gold": self.gold, "recognised": self.rec}


def _peer(doc, gz) -> list:
    from ..stages.places.resolve import population_only

    out = []
    for e in doc.ents:
        if e.label_ in ("GPE", "LOC", "FAC"):
            i = population_only(gz, e.text)
            lat, lon = gz.point(i) if i is not None else (None, None)
            out.append((e.start_char, e.end_char, lat, lon, gz.entry(i).geonameid if i is not None else None))
    return out


def _ours(doc, gz, adjectival: bool) -> tuple[list, float]:
    from ..stages import entities
    from ..stages.places import find_places

    t0 = time.perf_counter()
    rec = ArticleRecord(article=Article(id="x", text=doc.text))
    rec.facts["entities"] = entities.run(doc, Context(None), rec)
    found = find_places(doc, gz, rec, adjectival_demonyms=adjectival)
    preds = [(r.mention.start, r.mention.end, r.lat, r.lon,
              gz.entry(r.row).geonameid if r.row is not None else None) for r in found]
    return preds, time.perf_counter() - t0


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def evaluate(gold: str | Path, limit: int | None = None, peers: bool = True) -> dict:
    from .. import nlp as nlp_mod

    rss0, t_load = _rss_mb(), time.perf_counter()
    gz = load()
    load_s, load_mb = time.perf_counter() - t_load, _rss_mb() - rss0
    arts = read_gold(gold, limit)
    nlp = nlp_mod.load()
    tallies = {"ours": _Tally(), "ours_record": _Tally(), "population": _Tally()}
    t0, places_s = time.perf_counter(), 0.0
    for doc, (text, tops) in zip(nlp.pipe(t for t, _ in arts), arts):
        preds, secs = _ours(doc, gz, adjectival=True)
        places_s += secs
        record_preds, _ = _ours(doc, gz, adjectival=False)
        peer_preds = _peer(doc, gz) if peers else None
        for g in tops:
            tallies["ours"].add(g, preds)
            tallies["ours_record"].add(g, record_preds)
            if peers:
                tallies["population"].add(g, peer_preds)
    wall = time.perf_counter() - t0
    out = {"gold": str(gold), "articles": len(arts), "gazetteer_load_s": round(load_s, 2),
           "gazetteer_mb": round(load_mb), "gazetteer_rows": len(gz),
           "docs_per_s": round(len(arts) / wall, 2), "places_ms_per_doc": round(1000 * places_s / len(arts), 1),
           "ours": tallies["ours"].scores(), "ours_record": tallies["ours_record"].scores()}
    if peers:
        out["peers"] = {"population": tallies["population"].scores()}
    return out
