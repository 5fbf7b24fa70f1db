"""Toponym resolution: each mention to one gazetteer row, using the article as context.

The sequence (``resolve``):
1. candidates per mention: the gazetteer rows of its name (or of its abbreviation, or of a
   shortened form such as "Northern Alberta" -> "Alberta");
2. explicit containers: "Almaty, Kazakhstan", "Paris, Texas", "Alexandria, La." keep only the
   candidates inside the container;
3. a first pass with priors only (population, kind, capital, exact name) picks provisional
   places; unambiguous ones become anchors;
4. the article's context from the anchors and demonyms: how often each country and first-level
   division is named (the dateline counts double), and where the anchors lie;
5. a second pass adds the context: candidates in the article's countries and divisions and
   near the anchors win; one name keeps one sense within an article.
``population_only`` is the baseline: the most populous row of the name.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ...resources.gazetteer import Gazetteer, distance_km, norm
from .lexicon import Lexicon
from .recognize import Mention

_KIND_PRIOR = {"country": 3.0, "continent": 3.0, "region": 1.5, "admin": 0.3, "admin2": -0.3, "city": 0.0,
               "landmark": 0.5}
_CONTAINER_RE = re.compile(r"\s*,\s*((?:[A-Z][A-Za-z.\-]*\.?)(?:\s+[A-Z][A-Za-z.\-]*){0,3})")
_DATELINE_CHARS = 80
# Weights of the evidence (set by hand on development articles, then checked on the gold sets).
W = {"pop": 0.7, "capital": 1.5, "alt_name": 0.8, "country": 2.5, "admin": 0.8, "near": 0.8, "near_km": 250.0,
     "admin_pop_div": 5.0}


@dataclass(slots=True)
class Resolved:
    mention: Mention
    row: int | None  # gazetteer row, or None when only the article's focus locates it
    score: float
    lat: float | None = None
    lon: float | None = None


def _candidates(gz: Gazetteer, m: Mention, lex: Lexicon) -> tuple[int, ...]:
    if m.source == "demonym":
        i = gz.demonym(m.text)
        capital = gz.capital(gz.country_code(i)) if i is not None and m.capital else None
        if capital is not None:
            return (capital,)  # "the Kyrgyz capital" is Bishkek
        return (i,) if i is not None else ()
    text = m.text.strip()
    if (m.source == "ner" and len(text) <= 6) or m.dotted:
        abbr = gz.abbreviation(text) or (gz.abbreviation(text + ".") if m.dotted else [])
        rows = tuple(i for i, postal in abbr if not postal or (text.isupper() and len(text) == 2))
        if rows:
            return rows
    rows = gz.lookup(m.key)
    if rows:
        return rows
    words = m.key.split()
    while len(words) > 1 and (words[0] in lex.trim_first or words[-1] in lex.trim_last):
        words = words[1:] if words[0] in lex.trim_first else words[:-1]  # "Far North Queensland"
        rows = gz.lookup(" ".join(words))
        if rows:
            return rows
    return ()


def _container_rows(gz: Gazetteer, text: str, m: Mention, by_start: dict[int, Mention]) -> tuple[list[int], Mention | None]:
    """Country/division rows named right after the mention ("Paris, Texas"), and that mention."""
    mt = _CONTAINER_RE.match(text, m.end)
    if not mt:
        return [], None
    start = mt.start(1)
    other = by_start.get(start)
    name = other.text if other else mt.group(1)
    rows = [i for i in gz.lookup(name) if gz.kind(i) in ("country", "admin", "admin2")]
    if not rows:
        for cut in (name, name.split()[0]):
            abbr = gz.abbreviation(cut)
            if abbr:
                rows = [i for i, _ in abbr]
                name = cut
                break
    if not rows:
        return [], None
    cont = other or Mention(start, start + len(name), name, norm(name), "container", "", None)
    return rows, cont


def _inside(gz: Gazetteer, i: int, containers: list[int]) -> bool:
    cc, a1 = gz.country_code(i), gz.admin1_code(i)
    for c in containers:
        kind = gz.kind(c)
        if kind == "country" and gz.country_code(c) == cc and c != i:
            return True
        if kind == "admin" and gz.country_code(c) == cc and gz.admin1_code(c) == a1 and c != i:
            return True
    return False


def _prior(gz: Gazetteer, i: int, key: str) -> float:
    kind = gz.kind(i)
    pop = gz.population(i) if kind not in ("region", "landmark") else 10_000_000
    if kind == "admin":
        pop /= W["admin_pop_div"]  # a division's population is the sum of its places: discount it
    s = W["pop"] * math.log10(pop + 10) + _KIND_PRIOR[kind]
    if gz.is_capital(i):
        s += W["capital"]
    if kind in ("city", "admin2") and gz.population(i) < 1_000_000 and norm(gz.name(i)) != key:
        s -= W["alt_name"]  # matched an alternate name only
    return s


def _context(gz: Gazetteer, picks: dict[int, int], mentions: list[Mention]) -> tuple[dict, dict, list]:
    countries, admins, anchors = {}, {}, []
    for k, m in enumerate(mentions):
        i = picks.get(k)
        if i is None or m.source == "weak":
            continue
        w = 2.0 if m.start < _DATELINE_CHARS else 1.0
        cc = gz.country_code(i)
        if cc:
            countries.setdefault(cc, Counter())[m.key] += w
        if gz.kind(i) in ("city", "admin", "admin2") and gz.admin1_code(i):
            admins.setdefault((cc, gz.admin1_code(i)), set()).add(m.key)
        if gz.kind(i) in ("city", "admin2") and m.source != "demonym":
            anchors.append((k, m.key, gz.point(i)))
    return countries, admins, anchors


def _score(gz, i, key, prior, countries, admins, anchors, k) -> float:
    # the article's countries, as named by the *other* toponyms (a name does not vote for itself)
    total = sum(n for c in countries.values() for k2, n in c.items() if k2 != key) or 1.0
    cc = gz.country_code(i)
    here = sum(n for k2, n in countries.get(cc, {}).items() if k2 != key)
    s = prior + W["country"] * here / total
    kind = gz.kind(i)
    others_inside = kind in ("city", "admin2", "admin") and admins.get((cc, gz.admin1_code(i)), set()) - {key}
    if others_inside:
        s += W["admin"]
    lat, lon = gz.point(i)
    near = 1.0 if kind == "admin" and others_inside else 0.0
    for k2, key2, (la, lo) in anchors:
        if k2 != k and key2 != key:
            near = max(near, math.exp(-distance_km(lat, lon, la, lo) / W["near_km"]))
    return s + W["near"] * near


def _pick(scored: list[tuple[float, int]]) -> tuple[int, float]:
    scored.sort(reverse=True)
    best, i = scored[0]
    second = scored[1][0] if len(scored) > 1 else best - 3.0
    return i, round(1.0 / (1.0 + math.exp(-(best - second))), 3)


def _candidate_lists(gz: Gazetteer, text: str, mentions: list[Mention], lex: Lexicon):
    """Candidates per mention, narrowed by explicit containers; container mentions appended."""
    by_start = {m.start: m for m in mentions}
    cands, extra = [], []
    for m in mentions:
        rows = _candidates(gz, m, lex)
        containers, cont = _container_rows(gz, text, m, by_start) if rows else ([], None)
        if containers:
            rows = tuple(i for i in rows if _inside(gz, i, containers)) or rows
            if cont is not None and cont.start not in by_start:
                by_start[cont.start] = cont
                extra.append((cont, tuple(containers)))
        cands.append(rows)
    for m, rows in extra:
        mentions.append(m)
        cands.append(rows)
    return mentions, cands, [m for m, _ in extra]


def _pass(gz: Gazetteer, mentions: list[Mention], priors: list[dict], picks: dict[int, int]) -> list:
    """(row, score) per mention (None when it has no candidate), one sense per name."""
    countries, admins, anchors = _context(gz, picks, mentions)
    by_key: dict[str, tuple[int, float]] = {}
    out = []
    for k, (m, p) in enumerate(zip(mentions, priors)):
        if not p:
            out.append(None)
        elif m.key in by_key and len(p) > 1:
            out.append(by_key[m.key])
        else:
            res = _pick([(_score(gz, i, m.key, pr, countries, admins, anchors, k), i) for i, pr in p.items()])
            by_key.setdefault(m.key, res)
            out.append(res)
    return out


def resolve(gz: Gazetteer, text: str, mentions: list[Mention], lex: Lexicon) -> tuple[list[Resolved], list[Mention]]:
    """Resolved mentions (in input order) and the container mentions added ("Alexandria, La.")."""
    mentions, cands, extra = _candidate_lists(gz, text, list(mentions), lex)
    priors = [{i: _prior(gz, i, m.key) for i in rows} for m, rows in zip(mentions, cands)]
    picks = {k: max(p, key=p.get) for k, p in enumerate(priors) if p}
    for _ in range(2):  # priors only -> with context -> with the context of the better picks
        out = _pass(gz, mentions, priors, picks)
        picks = {k: r[0] for k, r in enumerate(out) if r is not None}
    resolved = []
    for m, r in zip(mentions, out):
        if r is None:
            resolved.append(Resolved(m, None, 0.0))
        else:
            lat, lon = gz.point(r[0])
            resolved.append(Resolved(m, r[0], r[1], lat, lon))
    _locate_by_focus(gz, resolved, picks)
    countries, _, anchors = _context(gz, picks, mentions)
    resolved = [r for r in resolved if r.mention.source != "weak" or _confirmed(gz, r, countries, anchors)]
    return resolved, extra


def _confirmed(gz: Gazetteer, r: Resolved, countries: dict, anchors: list) -> bool:
    """A name the NER took for a person ("Cairns") stays a place only when the article's other
    places are in its country and one lies within 400 km of it."""
    if r.row is None or gz.country_code(r.row) not in countries:
        return False
    return any(key != r.mention.key and distance_km(r.lat, r.lon, la, lo) <= 400 for _, key, (la, lo) in anchors)


def _locate_by_focus(gz: Gazetteer, resolved: list[Resolved], picks: dict[int, int]) -> None:
    """Unresolved facilities and local names (streets, buildings, a village or district the
    text calls so) get the article's main city."""
    cities = Counter(i for i in picks.values() if gz.kind(i) == "city")
    if not cities:
        return
    focus = cities.most_common(1)[0][0]
    lat, lon = gz.point(focus)
    for r in resolved:
        if r.row is None and (r.mention.label in ("FAC", "LOC") or r.mention.named_kind):
            r.lat, r.lon, r.score = lat, lon, 0.2


def population_only(gz: Gazetteer, name: str) -> int | None:
    """The baseline: the most populous gazetteer row of the name."""
    rows = gz.lookup(name)
    if not rows:
        return None
    return max(rows, key=gz.population)
