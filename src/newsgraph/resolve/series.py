"""Claim series: the same figure reported over time ("Kazakh citizens in the conflict zones":
more than 300 in February, about 350 in May, nearly 400 in July).

A figure (numbers row) joins a series when it has
  * the same key: category | normalised counted noun ("citizens", "people", "persons" ->
    "person") | country of the counted group (from the counted words, else its sentence,
    else the article's main country);
  * a similar sentence: the content words around the figure overlap the series' words
    (Jaccard >= ``MIN_CONTEXT``): "remain in the conflict zones" is not "brought home";
  * a plausible value: within a factor ``MAX_RATIO`` of the series' latest value.
A point's date is the date of a time expression in its sentence ("in February"), else the
article's publication date. Candidates come from the ``series`` rows with the same key, so
the cost grows with the new figures.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources as _res

from ..store.writer.resolve import replace_rows
from .db import bulk_insert, dumps, temp_ids
from .names import country_of, fold

MIN_CONTEXT = 0.25
MAX_RATIO = 2.0
CONTEXT_WORDS = 60
SKIP = {"OTHER", "MONEY", "PERCENT", None, ""}
_SYN = {"people": "person", "persons": "person", "person": "person", "citizens": "person", "citizen": "person",
        "nationals": "person", "national": "person", "individuals": "person", "residents": "person",
        "men": "man", "women": "woman", "children": "child", "kids": "child"}
_CUT = re.compile(r"\b(who|that|which|of|in|at|on|during|from|with|for|to)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}")
_SENT_END = re.compile(r"[.!?]\s|\n")
_STOP = set("""the and for with from that this their its his her said says told who whom were was are is has have had
been being than more about least nearly over under some all other which also according them they there these those
our your will would could should may might into onto upon after before since while when where what not but
one two three four five six seven eight nine ten said""".split())


@lru_cache(maxsize=1)
def _counted_words() -> dict[str, str]:
    """Counted words of other languages -> the English noun (data/counted.tsv)."""
    text = _res.files(__package__).joinpath("data/counted.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t")[:2] for line in text.splitlines() if line and not line.startswith("#"))


def counted_noun(counted: str | None) -> tuple[str, str | None]:
    """('person', 'KZ') for 'Kazakh citizens'; ('child', 'RU') for 'Russian children'."""
    if not counted:
        return "", None
    head = _CUT.split(counted.lower(), maxsplit=1)[0].strip()
    words = head.split()
    if not words:
        return "", None
    cc = next((country_of(w) for w in words[:-1] if country_of(w)), None)
    last = words[-1]
    noun = _SYN.get(last) or _counted_words().get(last) or (last[:-1] if last.endswith("s") and not last.endswith("ss") else last)
    return noun, cc


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENT_END.finditer(text, 0, start)), default=0)
    m = _SENT_END.search(text, end)
    return left, (m.start() + 1 if m else len(text))


def context_words(sentence: str, skip: set[str]) -> set[str]:
    words = {w.lower() for w in _WORD.findall(sentence)} - _STOP
    return {fold(w).rstrip("s") for w in words if w.rstrip("s") not in skip and len(w) > 2}


def overlap(point: set[str], series: set[str]) -> float:
    """Share of the point's sentence words the series has seen."""
    return len(point & series) / len(point) if point and series else 0.0


# ---------------------------------------------------------------- loading

def load_points(con, ids_table: str) -> list[dict]:
    """The pending articles' figures with their key, sentence words and date."""
    rows = con.execute(f"""
        SELECT n.article_id, n.id, n."start", n."end", n.text, n.value, n.approx, n.counted, n.category,
               n.claimant, a.published, a.text, l.store_entity_id, l.name
        FROM numbers n JOIN articles a ON a.id = n.article_id
        LEFT JOIN entity_links l ON l.article_id = n.article_id AND l.entity_id = n.claimant
        WHERE n.article_id IN (SELECT id FROM {ids_table}) AND n.value IS NOT NULL
        ORDER BY a.published NULLS LAST, n.article_id, n."start" """).fetchall()
    times = _times(con, ids_table)
    countries = _article_countries(con, ids_table)
    out = []
    for aid, nid, s, e, text, value, approx, counted, cat, claimant, pub, art, sid, cname in rows:
        if cat in SKIP or s is None:
            continue
        noun, cc = counted_noun(counted)
        if not noun:
            continue
        lo, hi = sentence_bounds(art, s, e)
        sentence = art[lo:hi]
        cc = cc or _first_country(sentence) or countries.get(aid)
        skip = {w.lower().rstrip("s") for w in _WORD.findall(f"{text} {counted or ''}")}
        date = _sentence_date(times.get(aid, []), lo, hi, s) or (str(pub) if pub else None)
        out.append({"article_id": aid, "number_id": nid, "start": s, "end": e, "text": text, "value": value,
                    "approx": approx, "category": cat, "counted": noun, "label": counted, "country": cc,
                    "key": f"{cat}|{noun}|{cc or '?'}", "words": context_words(sentence, skip),
                    "date": date, "claimant": sid, "claimant_name": cname})
    return out


def _times(con, ids_table: str) -> dict[str, list[tuple]]:
    rows = con.execute(f"SELECT article_id, \"start\", value FROM times WHERE type = 'DATE' AND "
                       f"article_id IN (SELECT id FROM {ids_table})").fetchall()
    out: dict[str, list[tuple]] = {}
    for aid, s, v in rows:
        if v and re.match(r"\d{4}(-\d\d){0,2}$", v):
            out.setdefault(aid, []).append((s, v))
    return out


def _sentence_date(times: list[tuple], lo: int, hi: int, at: int) -> str | None:
    """The nearest time expression before the figure in its sentence, else the nearest after."""
    before = [(at - s, v) for s, v in times if lo <= s <= at]
    after = [(s - at, v) for s, v in times if at < s < hi]
    return min(before)[1] if before else (min(after)[1] if after else None)


def _first_country(sentence: str) -> str | None:
    for w in re.findall(r"[A-Z][a-z]+", sentence):
        cc = country_of(w)
        if cc:
            return cc
    return None


def _article_countries(con, ids_table: str) -> dict[str, str]:
    rows = con.execute(f"SELECT article_id, country, count(*) FROM places WHERE country IS NOT NULL AND "
                       f"article_id IN (SELECT id FROM {ids_table}) GROUP BY 1, 2").fetchall()
    best: dict[str, tuple[int, str]] = {}
    for aid, cc, n in rows:
        if aid not in best or (n, cc) > best[aid]:
            best[aid] = (n, cc)
    return {aid: cc for aid, (_, cc) in best.items()}


def load_series(con, keys: set[str]) -> dict[str, list[dict]]:
    if not keys:
        return {}
    temp_ids(con, "_resolve_series_keys", sorted(keys))
    rows = con.execute("SELECT s.id, s.key, s.context, s.evidence FROM series s "
                       "JOIN _resolve_series_keys k ON k.id = s.key").fetchall()
    out: dict[str, list[dict]] = {}
    for sid, key, ctx, ev in rows:
        out.setdefault(key, []).append({"id": sid, "key": key, "words": Counter(json.loads(ctx or "{}")),
                                        "last": json.loads(ev or "{}").get("last_value")})
    return out


# ---------------------------------------------------------------- grouping

def event_anchors(con, ids_table: str, points: list[dict]) -> None:
    """Set each point's ``cluster``: the event cluster of an event whose sentence holds the
    figure and whose type counts its category (a detention counts ARRESTED). Figures of one
    event are claims about one quantity, whatever their language, wording or size."""
    from .reports import TYPE_CATEGORIES
    rows = con.execute(f"""
        SELECT m.article_id, m.cluster_id, m.type, json_extract(e.sentence, '$[0]')::INT,
               json_extract(e.sentence, '$[1]')::INT
        FROM event_cluster_members m JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
        WHERE m.article_id IN (SELECT id FROM {ids_table})""").fetchall()
    by_art: dict[str, list[tuple]] = {}
    for aid, cid, typ, s0, s1 in rows:
        by_art.setdefault(aid, []).append((cid, typ, s0, s1))
    for p in points:
        p["cluster"] = next((cid for cid, typ, s0, s1 in by_art.get(p["article_id"], ())
                             if s0 is not None and s0 <= p["start"] < s1
                             and p["category"] in TYPE_CATEGORIES.get(typ, ())), None)


def one_claim_per_article(points: list[dict]) -> list[dict]:
    """An article that gives one figure twice (the headline "48 detained", the body "police
    detained 48 people, a spokesman said") makes one claim, not two: of the points with the
    same article, category and value about the same event (or under the same key), the one
    with a claimant is kept, else the first."""
    best: dict[tuple, dict] = {}
    for p in points:
        k = (p["article_id"], p["category"], p["value"], p["cluster"] or p["key"])
        if k not in best or (best[k]["claimant"] is None and p["claimant"] is not None):
            best[k] = p
    kept = {id(p) for p in best.values()}
    return [p for p in points if id(p) in kept]


def load_anchored(con, anchors: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(cluster, category) -> the series already holding a figure of that event."""
    if not anchors:
        return {}
    rows = con.execute("""SELECT DISTINCT json_extract_string(p.evidence, '$.cluster') AS c, s.category, p.series_id
        FROM series_points p JOIN series s ON s.id = p.series_id
        WHERE json_extract_string(p.evidence, '$.cluster') IN (SELECT unnest(?::VARCHAR[]))""",
                       [sorted({c for c, _ in anchors})]).fetchall()
    return {(c, cat): sid for c, cat, sid in rows}


def resolve_series(con, ids_table: str) -> dict:
    points = load_points(con, ids_table)
    event_anchors(con, ids_table, points)
    points = one_claim_per_article(points)
    by_key = load_series(con, {p["key"] for p in points})
    anchored = load_anchored(con, {(p["cluster"], p["category"]) for p in points if p["cluster"]})
    state = {s["id"]: s for ss in by_key.values() for s in ss}
    rows, touched = [], set()
    for p in points:
        sid = anchored.get((p["cluster"], p["category"])) if p["cluster"] else None
        if sid is not None:
            best = state.setdefault(sid, {"id": sid, "words": Counter(), "last": None, "key": p["key"]})
            feats = {"rule": "event", "key": p["key"], "context": 1.0}
        else:
            best, feats = _best_series(p, by_key.get(p["key"], []))
        if best is None:
            sid = "ser_" + hashlib.sha1(f"{p['key']}|{p['article_id']}|{p['number_id']}".encode()).hexdigest()[:12]
            best = {"id": sid, "words": Counter(), "last": None, "key": p["key"]}
            by_key.setdefault(p["key"], []).append(best)
            state[sid] = best
            score, feats = 1.0, {"rule": "new", "key": p["key"]}
        else:
            score = feats["context"]
        if p["cluster"]:
            feats["cluster"] = p["cluster"]
            anchored.setdefault((p["cluster"], p["category"]), best["id"])
        best["words"].update(p["words"])
        best["last"] = p["value"]
        touched.add(best["id"])
        rows.append((best["id"], p["date"], p["value"], p["approx"], p["claimant"], p["claimant_name"],
                     p["article_id"], p["number_id"], p["start"], p["end"], p["text"], round(score, 3), dumps(feats)))
    bulk_insert(con, "series_points", ["series_id", "date", "value", "approx", "claimant", "claimant_name",
                                       "article_id", "number_id", "start", "end", "text", "score", "evidence"], rows)
    refresh_series(con, touched, state)
    return {"points": len(rows), "series_touched": len(touched)}


def _best_series(p: dict, cands: list[dict]) -> tuple[dict | None, dict]:
    best, best_feats = None, {}
    for s in cands:
        top = {w for w, _ in s["words"].most_common(CONTEXT_WORDS)}
        j = overlap(p["words"], top)
        if j < MIN_CONTEXT:
            continue
        if s["last"] and p["value"] and not (1 / MAX_RATIO <= p["value"] / s["last"] <= MAX_RATIO):
            continue
        if best is None or j > best_feats["context"]:
            best, best_feats = s, {"key": p["key"], "context": round(j, 3),
                                   "shared": sorted(p["words"] & top)[:8], "ratio": _ratio(p["value"], s["last"])}
    return best, best_feats


def _ratio(v: float | None, last: float | None) -> float | None:
    return round(v / last, 3) if v and last else None


def refresh_series(con, ids: set[str], state: dict[str, dict]) -> None:
    if not ids:
        return
    temp_ids(con, "_resolve_series", sorted(ids))
    # ordered aggregates, so that ties (two labels once each, two values of one date) always
    # resolve the same way, whatever order the rows were stored in
    rows = con.execute("""
        WITH labels AS (
            SELECT p.series_id, n.counted, count(*) AS c, min(p.date) AS d
            FROM series_points p JOIN _resolve_series t ON t.id = p.series_id
            JOIN numbers n ON n.article_id = p.article_id AND n.id = p.number_id
            WHERE n.counted IS NOT NULL GROUP BY 1, 2)
        SELECT p.series_id, count(*), min(p.date), max(p.date),
               last(p.value ORDER BY p.date NULLS FIRST, p.article_id, p.number_id), any_value(n.category),
               (SELECT first(l.counted ORDER BY l.c DESC, l.d, l.counted) FROM labels l WHERE l.series_id = p.series_id)
        FROM series_points p JOIN _resolve_series t ON t.id = p.series_id
        LEFT JOIN numbers n ON n.article_id = p.article_id AND n.id = p.number_id GROUP BY 1""").fetchall()
    keys = dict(con.execute("SELECT id, key FROM series WHERE id IN (SELECT id FROM _resolve_series)").fetchall())
    out = []
    for sid, n, first, last, last_value, cat, label in rows:
        st = state.get(sid, {"words": Counter()})
        key = keys.get(sid) or _key_of(st, cat)
        _, counted, cc = (key.split("|") + ["", "", ""])[:3]
        out.append((sid, cat, counted, None if cc == "?" else cc, key, label,
                    dumps(dict(st["words"].most_common(CONTEXT_WORDS))), n, first, last,
                    dumps({"last_value": last_value, "points": n})))
    replace_rows(con, "series", "_resolve_series", ["id", "category", "counted", "country", "key", "label", "context", "points",
                                "first_date", "last_date", "evidence"], out)


def _key_of(state: dict, cat: str | None) -> str:
    return state.get("key") or f"{cat}|?|?"
