"""Event clusters: one cluster per real event, however many articles report it.

Two events are the same real event when (all required):
  * they have the same PLOVER type (different modes cost ``MODE_PENALTY``);
  * their dates are compatible: the event dates (not publication dates) overlap, a day apart
    at most; an event dated only by its article's publication counts as "within the week
    before publication"; dates vaguer than a month are never clustered across articles;
  * their places are compatible: within 40 km (cities), or the same country when one side
    is a country; a place over 100 km away rules the pair out. An event placed only in a
    country takes the city its article names most in that country;
and their score ``0.35 date + 0.35 place + 0.3 actors (+ 0.15 within one article)`` reaches
``THRESHOLD``. Actors agree when they share a store entity (actor or target); short of that,
shared words of the two sentences and actor/target texts count half.
A new event joins the cluster of its best-scoring candidate; candidates come from one SQL
query over ``event_cluster_members`` (same type, overlapping day range), and a cluster is
compared through at most ``PER_CLUSTER`` of its reports a week, so the cost grows with the new
events and the clusters near them, not with the size of a story. Every member keeps its score
and features; every cluster its votes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..store.writer import temp_table
from ..store.writer.resolve import replace_rows
from .db import bulk_insert, dumps, temp_ids
from .names import fold

THRESHOLD = 0.6
SAME_ARTICLE = 0.15  # two compatible mentions in one article are most often one event
MODE_PENALTY = 0.1  # arrest vs seize: often two acts of one event, sometimes two events
CLUSTERED = ("asserted", "historical", "future")
MAX_SPAN_DAYS = 31
PER_CLUSTER = 12  # reports of one cluster a new event is compared with, per week (see _Index)
_EPOCH = dt.date(1970, 1, 1)
_WORD = re.compile(r"[A-Za-z]{3,}")
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z]{4,}")  # words of four letters or more in a non-Latin script
_STOP = {"the", "and", "for", "with", "from", "that", "this", "their", "its", "his", "her", "said", "who",
         "people", "some", "all", "other", "which", "were", "was", "are", "has", "have", "country"}
_SENTENCE_SKIP = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                  "today", "week", "month", "year", "january", "february", "march", "april", "may", "june",
                  "july", "august", "september", "october", "november", "december", "told", "added"}
_MEMBER_COLS = ["cluster_id", "article_id", "event_id", "type", "mode", "date", "day_lo", "day_hi", "published",
                "place", "lat", "lon", "country", "actors", "words", "source", "score", "evidence"]


@dataclass
class Ev:
    """One event with what clustering compares."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    date: str | None
    lo: int
    hi: int
    published: object
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    kind: str | None = None
    actors: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    source: str | None = None
    cluster: str | None = None


# ---------------------------------------------------------------- dates

def day_range(value: str | None, source: str | None, published) -> tuple[int, int] | None:
    """Inclusive day numbers an event date covers; None when unknown or too vague."""
    pub = _as_date(published)
    if source != "time" or not value:
        if pub is None:
            return None
        d = _days(pub)
        return d - 7, d
    v = value[:10]
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            d = _days(dt.date.fromisoformat(v))
            return d, d
        if re.fullmatch(r"\d{4}-\d\d", v):
            y, m = int(v[:4]), int(v[5:7])
            start = dt.date(y, m, 1)
            end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
            return _days(start), _days(end)
        m = re.fullmatch(r"(\d{4})-W(\d\d)", v)
        if m:
            start = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return _days(start), _days(start) + 6
    except ValueError:
        return None
    return None


def _as_date(v) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _days(d: dt.date) -> int:
    return (d - _EPOCH).days


def date_score(a: Ev, b: Ev) -> float | None:
    """1.0 same day (or a day apart), 0.7 one range holds the other, 0.4 overlap; None: disjoint."""
    if a.lo > b.hi + 1 or b.lo > a.hi + 1:
        return None
    if a.hi - a.lo == 0 and b.hi - b.lo == 0:
        return 1.0
    if (a.lo <= b.lo and b.hi <= a.hi) or (b.lo <= a.lo and a.hi <= b.hi):
        return 0.7 if min(a.hi - a.lo, b.hi - b.lo) == 0 else 0.4
    return 0.4


# ---------------------------------------------------------------- places and actors

def km(a: Ev, b: Ev) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def place_score(a: Ev, b: Ev) -> float | None:
    """1.0 within 40 km, 0.3 within 100 km or same country when one is a country; None: apart."""
    if a.country and b.country and a.country != b.country:
        return None
    if "country" in (a.kind, b.kind) or a.lat is None or b.lat is None:
        return 0.3 if a.country and a.country == b.country else 0.0
    d = km(a, b)
    if d <= 40:
        return 1.0
    return 0.3 if d <= 100 else None


def actor_score(a: Ev, b: Ev) -> tuple[float, list[str]]:
    """1.0 a shared actor/target entity; 0.5 two or more shared words of the sentences and
    actor/target texts, 0.25 one; else 0."""
    shared = a.actors & b.actors
    if shared:
        return 1.0, sorted(shared)
    words = a.words & b.words
    return (0.5 if len(words) >= 2 else 0.25 if words else 0.0), sorted(words)[:6]


def pair_score(a: Ev, b: Ev) -> tuple[float, dict] | None:
    """Score of two events being one real event, with its features; None when ruled out or
    when it cannot reach ``THRESHOLD`` (checked before the costlier features)."""
    if a.type != b.type:
        return None
    ds = date_score(a, b)
    if ds is None:
        return None
    ps = place_score(a, b)
    if ps is None:
        return None
    bonus = SAME_ARTICLE if a.article_id == b.article_id else 0.0
    if a.mode and b.mode and a.mode != b.mode:
        bonus -= MODE_PENALTY
    partial = 0.35 * ds + 0.35 * ps + bonus
    if partial + 0.3 < THRESHOLD:
        return None
    acs, shared = actor_score(a, b)
    s = partial + 0.3 * acs
    if s < THRESHOLD:
        return None
    return round(s, 3), {"date": ds, "place": ps, "actors": acs, "shared": shared, "modes": [a.mode, b.mode],
                         "with": f"{b.article_id}/{b.event_id}"}


# ---------------------------------------------------------------- loading

def load_events(con, ids_table: str) -> list[Ev]:
    """The pending articles' clusterable events, with place coordinates and actor entities."""
    rows = con.execute(f"""
        SELECT e.article_id, e.id, e.type, e.mode, e.date, e.date_source, a.published, a.source,
               substr(a.text, TRY_CAST(json_extract(e.sentence, '$[0]') AS INTEGER) + 1,
                      TRY_CAST(json_extract(e.sentence, '$[1]') AS INTEGER)
                      - TRY_CAST(json_extract(e.sentence, '$[0]') AS INTEGER)) AS sentence,
               p.name, p.lat, p.lon, p.country, p.kind, la.store_entity_id, lt.store_entity_id,
               e.actor_text, e.target_text, e.factuality
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
        LEFT JOIN entity_links la ON la.article_id = e.article_id AND la.entity_id = e.actor
        LEFT JOIN entity_links lt ON lt.article_id = e.article_id AND lt.entity_id = e.target
        WHERE e.article_id IN (SELECT id FROM {ids_table})
        ORDER BY a.published NULLS LAST, e.article_id, TRY_CAST(substr(e.id, 2) AS INTEGER)""").fetchall()
    out = []
    from .series import context_words
    cities = _main_cities(con, ids_table)
    for (aid, eid, typ, mode, date, dsrc, pub, source, sentence, pname, lat, lon, cc, kind, sa, st,
         atext, ttext, fact) in rows:
        if (fact or "asserted") not in CLUSTERED or not typ:
            continue
        rng = day_range(date, dsrc, pub)
        if rng is None or rng[1] - rng[0] > MAX_SPAN_DAYS:
            continue
        words = ({w.lower().rstrip("s") for w in _WORD.findall(f"{atext or ''} {ttext or ''}")} - _STOP) | \
            context_words(sentence or "", _SENTENCE_SKIP) | script_words(f"{atext or ''} {ttext or ''} {sentence or ''}")
        if kind != "city" and (aid, cc) in cities:  # "Kazakhstan": the article's main city there
            pname, lat, lon, kind = cities[(aid, cc)] + ("city",)
        out.append(Ev(aid, eid, typ, mode, (date or "")[:10] or None, rng[0], rng[1], pub, pname, lat, lon, cc,
                      kind, {x for x in (sa, st) if x}, words, source or aid))
    return out


def script_words(text: str) -> set[str]:
    """Words in a non-Latin script (Cyrillic ...), folded to the Latin keys of the names module,
    so that 'Алматы' and 'Almaty', 'Абдикаримов' and 'Abdikarimov' are one word across the
    languages of two reports."""
    return {fold(w.lower()) for w in _OTHER_SCRIPT.findall(text)}


def _main_cities(con, ids_table: str) -> dict[tuple[str, str], tuple]:
    """(article, country) -> (name, lat, lon) of the city the article names most in that country."""
    rows = con.execute(f"""
        SELECT article_id, country, name, any_value(lat), any_value(lon), count(*) AS n, min("start") AS first
        FROM places WHERE kind = 'city' AND lat IS NOT NULL AND country IS NOT NULL
          AND article_id IN (SELECT id FROM {ids_table})
        GROUP BY article_id, country, name ORDER BY article_id, country, n DESC, first""").fetchall()
    out: dict[tuple[str, str], tuple] = {}
    for aid, cc, name, lat, lon, _, _ in rows:
        out.setdefault((aid, cc), (name, lat, lon))
    return out


def load_candidates(con, new: list[Ev]) -> list[Ev]:
    """Existing cluster members of the same type whose day range overlaps a new event's."""
    if not new:
        return []
    temp_table(con, "_resolve_newev", {"type": "VARCHAR", "lo": "INTEGER", "hi": "INTEGER"},
               sorted({(e.type, e.lo, e.hi) for e in new}))
    rows = con.execute("""
        SELECT DISTINCT m.article_id, m.event_id, m.type, m.mode, m.date, m.day_lo, m.day_hi, m.published,
               m.place, m.lat, m.lon, m.country, m.actors, m.words, m.source, m.cluster_id
        FROM event_cluster_members m JOIN _resolve_newev n
          ON m.type = n.type AND m.day_lo <= n.hi + 1 AND m.day_hi >= n.lo - 1
        ORDER BY m.published NULLS LAST, m.article_id, m.event_id""").fetchall()
    out = []
    for aid, eid, typ, mode, date, lo, hi, pub, place, lat, lon, cc, actors, words, source, cid in rows:
        out.append(Ev(aid, eid, typ, mode, date, lo, hi, pub, place, lat, lon, cc, None,
                      set(json.loads(actors or "[]")), set(json.loads(words or "[]")), source, cid))
    return out


# ---------------------------------------------------------------- clustering

class _Index:
    """Events by (type, week): candidates of an event are those in the weeks its range touches.

    A cluster stands in a week's bucket through at most ``PER_CLUSTER`` of its reports (the
    first indexed: the earliest), so the cost of a new event is bounded by the number of
    clusters near it, not by how many reports a big story has; the events of the event's own
    article are always candidates (``SAME_ARTICLE``)."""

    def __init__(self) -> None:
        self.buckets: dict[tuple[str, int], list[Ev]] = {}
        self.counts: dict[tuple[str, int, str | None], int] = {}
        self.by_article: dict[str, list[Ev]] = {}

    def add(self, e: Ev) -> None:
        self.by_article.setdefault(e.article_id, []).append(e)
        for w in range((e.lo - 1) // 7, (e.hi + 1) // 7 + 1):
            k = (e.type, w, e.cluster)
            n = self.counts.get(k, 0)
            if n < PER_CLUSTER:
                self.counts[k] = n + 1
                self.buckets.setdefault((e.type, w), []).append(e)

    def near(self, e: Ev) -> list[Ev]:
        seen: dict[int, Ev] = {id(c): c for c in self.by_article.get(e.article_id, ()) if c.type == e.type}
        for w in range((e.lo - 1) // 7, (e.hi + 1) // 7 + 1):
            for c in self.buckets.get((e.type, w), ()):
                seen[id(c)] = c
        return list(seen.values())


def resolve_events(con, ids_table: str) -> dict:
    """Cluster the pending articles' events with each other and with the stored clusters."""
    new = load_events(con, ids_table)
    index = _Index()
    for e in load_candidates(con, new):
        index.add(e)
    members, touched = [], set()
    for e in new:
        best = None
        for c in index.near(e):
            r = pair_score(e, c)
            if r and r[0] >= THRESHOLD and (best is None or r[0] > best[0][0]):
                best = (r, c)
        if best:
            (score, feats), c = best
            e.cluster = c.cluster
        else:
            score, feats = 1.0, {"rule": "new"}
            e.cluster = "evc_" + hashlib.sha1(f"{e.article_id}/{e.event_id}".encode()).hexdigest()[:12]
        index.add(e)
        touched.add(e.cluster)
        members.append(_member_row(e, score, feats))
    bulk_insert(con, "event_cluster_members", _MEMBER_COLS, members)
    refresh_clusters(con, touched)
    return {"events": len(new), "clusters_touched": len(touched)}


def _member_row(e: Ev, score: float, feats: dict) -> tuple:
    return (e.cluster, e.article_id, e.event_id, e.type, e.mode, e.date, e.lo, e.hi, e.published, e.place,
            e.lat, e.lon, e.country, dumps(sorted(e.actors)), dumps(sorted(e.words)), e.source, score, dumps(feats))


def refresh_clusters(con, ids: set[str]) -> None:
    """Recompute the best-estimate date, place, actors, sources and earliest report of clusters."""
    if not ids:
        return
    temp_ids(con, "_resolve_clusters", sorted(ids))
    rows = con.execute("""
        SELECT m.cluster_id, m.article_id, m.type, m.date, m.day_lo, m.day_hi, m.published, m.place, m.lat,
               m.lon, m.country, m.actors, m.source, m.score
        FROM event_cluster_members m JOIN _resolve_clusters c ON c.id = m.cluster_id
        ORDER BY m.published NULLS LAST, m.article_id""").fetchall()
    groups: dict[str, list[tuple]] = {}
    for r in rows:
        groups.setdefault(r[0], []).append(r)
    replace_rows(con, "event_clusters", "_resolve_clusters", ["id", "type", "date", "place", "lat", "lon", "country", "actors",
                                        "targets", "sources", "articles", "earliest", "earliest_published",
                                        "evidence"], [_cluster_row(cid, ms) for cid, ms in groups.items()])


def _cluster_row(cid: str, ms: list[tuple]) -> tuple:
    exact = Counter(m[3] for m in ms if m[3] and m[4] == m[5])
    dates = exact or Counter(m[3] for m in ms if m[3])
    from .names import country_of
    places = Counter(m[7] for m in ms if m[7] and not country_of(m[7]))  # a city beats its country
    places = places or Counter(m[7] for m in ms if m[7])
    place = places.most_common(1)[0][0] if places else None
    coords = next(((m[8], m[9], m[10]) for m in ms if m[7] == place and m[8] is not None), (None, None, None))
    actors = Counter(a for m in ms for a in json.loads(m[11] or "[]"))
    sources = list(dict.fromkeys(m[12] for m in ms if m[12]))
    evidence = {"date_votes": dict(dates.most_common(5)), "place_votes": dict(places.most_common(5)),
                "actor_votes": dict(actors.most_common(5)), "members": len(ms),
                "min_score": min(m[13] for m in ms)}
    return (cid, ms[0][2], dates.most_common(1)[0][0] if dates else None, place, coords[0], coords[1],
            coords[2] or next((m[10] for m in ms if m[10]), None),
            dumps([{"id": a, "count": n} for a, n in actors.most_common(10)]), dumps([]), dumps(sources),
            len({m[1] for m in ms}), ms[0][1], ms[0][6], dumps(evidence))
