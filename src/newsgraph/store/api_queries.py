"""Named reads for the REST API, over a snapshot connection (see newsgraph.api.reader).

They read the store's tables and the helper tables ``newsgraph.store.snapshot`` builds in the
server's private snapshot (api_entity_map, api_entities, api_records, api_quotes). Every
function takes a DuckDB cursor and only binds parameters; the few SQL fragments chosen
in Python come from fixed strings, never from user input.

Store-wide entities: when cross-article resolution (``resolve/``) has written its link
table, its ids are used; until then per-article entities are grouped by
(type, lower(name)).
"""
from __future__ import annotations

import json
from typing import Any

import re

from . import fts_ru

_WORD = re.compile(r"\w+")


def snippet(text: str, query: str, width: int = 200) -> str:
    """About ``width`` characters around the first query word found, cut at word edges."""
    low = text.lower()
    hits = [low.find(w) for w in (m.group().lower() for m in _WORD.finditer(query or ""))]
    pos = min((p for p in hits if p >= 0), default=0)
    start = max(0, pos - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < pos else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > pos else end
    cut = " ".join(text[start:end].split())
    return ("…" if start else "") + cut + ("…" if end < len(text) else "")

# Tables written by resolve/ (cross-article resolution), used when present with these columns.
RESOLVE_LINKS = ("entity_links", ("article_id", "entity_id", "store_entity_id"))
RESOLVE_ENTITIES = ("store_entities", ("id", "name"))
RESOLVE_SERIES = ("series_points", ("series_id", "date", "value", "approx", "claimant", "claimant_name",
                                    "article_id", "number_id"))


def rows(con, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def has_table(con, name: str, schema: str = "main") -> bool:
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? "
                       "AND table_name = ?", [schema, name]).fetchone()[0] > 0


def has_columns(con, table: str, columns: tuple[str, ...]) -> bool:
    got = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
                                     "AND table_name = ?", [table]).fetchall()}
    return set(columns) <= got


def like(text: str) -> str:
    """An ILIKE pattern matching ``text`` anywhere, with its wildcards escaped."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def record_json(con, article_id: str) -> str | None:
    """One article's record as JSON text, or None."""
    row = con.execute("SELECT record FROM api_records WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else None


def entity_links(con, article_id: str) -> dict[str, str]:
    """Local entity id (E1, ...) -> store-wide entity id, for one article."""
    return dict(con.execute("SELECT id, eid FROM api_entity_map WHERE article_id = ? ORDER BY id",
                            [article_id]).fetchall())


# --- articles -----------------------------------------------------------------------------
def _date_filters(col: str, date_from, date_to, where: list[str], params: list) -> None:
    if date_from is not None:
        where.append(f"{col} >= ?")
        params.append(date_from)
    if date_to is not None:
        where.append(f"{col} <= ?")
        params.append(date_to)


def _iso(d) -> str | None:
    return d.isoformat() if d is not None else None


def articles(con, q=None, date_from=None, date_to=None, source=None, limit=20, offset=0):
    where, params = ["TRUE"], []
    _date_filters("published", date_from, date_to, where, params)
    if source is not None:
        where.append("lower(source) = lower(?)")
        params.append(source)
    if q and has_table(con, "docs", "fts_main_articles"):
        sql = f"""SELECT id, published, title, source, text, substr(text, 1, 160) AS lead, count(*) OVER () AS total FROM (
                    SELECT a.*, s.score FROM articles a JOIN ({fts_ru.scores_sql(con)}) s ON s.id = a.id) t
                  WHERE score IS NOT NULL AND {' AND '.join(where)}
                  ORDER BY score DESC, id LIMIT ? OFFSET ?"""
        params = fts_ru.params(con, q) + params
    elif q:
        return [], 0
    else:
        sql = f"""SELECT id, published, title, source, substr(text, 1, 400) AS text, substr(text, 1, 160) AS lead,
                  count(*) OVER () AS total
                  FROM articles WHERE {' AND '.join(where)}
                  ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?"""
    out = rows(con, sql, params + [limit, offset])
    total = _split_total(out, offset)
    for r in out:
        r["published"] = _iso(r["published"])
        r["snippet"] = snippet(r.pop("text"), q or "")
        r["lead"] = " ".join(r["lead"].split())
    return out, total


def _split_total(out: list[dict], offset: int) -> int | None:
    """Take the window count (column ``total``) off every row and return it; an empty page
    past the end does not know the total without a second query (None)."""
    total = out[0]["total"] if out else (0 if offset == 0 else None)
    for r in out:
        r.pop("total")
    return total


def article_exists(con, article_id: str) -> bool:
    return con.execute("SELECT count(*) FROM articles WHERE id = ?", [article_id]).fetchone()[0] > 0


# --- entities -----------------------------------------------------------------------------
def entities(con, q=None, type_=None, limit=20, offset=0):
    where, params = ["TRUE"], []
    if q:
        where.append("contains(names, ?)")
        params.append(q.lower())
    if type_:
        where.append("type = ?")
        params.append(type_.upper())
    out = rows(con, f"""SELECT eid AS id, name, type, articles, mentions, count(*) OVER () AS total
                        FROM api_entities WHERE {' AND '.join(where)}
                        ORDER BY articles DESC, mentions DESC, name, eid LIMIT ? OFFSET ?""",
               params + [limit, offset])
    total = _split_total(out, offset)
    for r in out:
        r["mentions"] = int(r["mentions"] or 0)
    return out, total


def entity(con, eid: str, cap: int = 500) -> dict | None:
    head = rows(con, "SELECT eid AS id, name, type, articles, mentions FROM api_entities WHERE eid = ?", [eid])
    if not head:
        return None
    e = head[0]
    e["article_count"] = e["articles"]
    e["mentions"] = int(e["mentions"] or 0)
    e["aliases"] = [r[0] for r in con.execute(
        "SELECT name FROM api_entity_map WHERE eid = ? GROUP BY name ORDER BY count(*) DESC, name", [eid]).fetchall()]
    e["roles"] = _roles(con, eid)
    e["articles"] = rows(con, """SELECT a.id, a.published, a.title, a.source, m.id AS entity,
            json_array_length(m.mentions) AS mentions
        FROM api_entity_map m JOIN articles a ON a.id = m.article_id WHERE m.eid = ?
        ORDER BY a.published NULLS LAST, a.id LIMIT ?""", [eid, cap])
    for r in e["articles"]:
        r["published"] = _iso(r["published"])
    e["quotes"], _ = quotes(con, speaker_id=eid, limit=cap, order="ASC")
    e["numbers"], _ = numbers(con, claimant_id=eid, limit=cap, order="ASC")
    e["events"], _ = events(con, entity_id=eid, limit=cap, order="ASC")
    return e


def _roles(con, eid: str) -> list[dict]:
    out = []
    for aid, published, roles in con.execute("""SELECT m.article_id, a.published, m.roles FROM api_entity_map m
            JOIN articles a ON a.id = m.article_id WHERE m.eid = ? AND m.roles IS NOT NULL AND m.roles <> '[]'
            ORDER BY a.published NULLS LAST, m.article_id""", [eid]).fetchall():
        for r in json.loads(roles):
            out.append({**r, "article": aid, "published": _iso(published)})
    return out


# --- quotes -------------------------------------------------------------------------------
def quotes(con, q=None, speaker=None, speaker_id=None, date_from=None, date_to=None, limit=20, offset=0,
           order="DESC"):
    where, params = ["TRUE"], []
    if speaker_id:
        where.append("speaker_id = ?")
        params.append(speaker_id)
    if speaker:
        where.append("(speaker_id = ? OR speaker_name ILIKE ? ESCAPE '\\')")
        params += [speaker, like(speaker)]
    _date_filters("published", date_from, date_to, where, params)
    direction = "ASC" if order == "ASC" else "DESC"
    cols = "article, id, start, \"end\", text, kind, speaker, speaker_id, speaker_name, cue, published, title"
    if q:
        if not has_table(con, "docs", "fts_main_api_quotes"):
            return [], 0
        sql = f"""SELECT {cols}, count(*) OVER () AS total FROM (
                    SELECT *, fts_main_api_quotes.match_bm25(qkey, ?) AS score FROM api_quotes) t
                  WHERE score IS NOT NULL AND {' AND '.join(where)}
                  ORDER BY score DESC, qkey LIMIT ? OFFSET ?"""
        params = [q] + params
    else:
        sql = f"""SELECT {cols}, count(*) OVER () AS total FROM api_quotes WHERE {' AND '.join(where)}
                  ORDER BY published {direction} NULLS LAST, article, start, id LIMIT ? OFFSET ?"""
    out = rows(con, sql, params + [limit, offset])
    total = _split_total(out, offset)
    for r in out:
        r["published"] = _iso(r["published"])
    return out, total


# --- numbers and series ----------------------------------------------------------------------
_NUMBER_COLS = """n.article_id AS article, n.id, n.start, n."end", n.text, n.value, n.low, n.high, n.approx, n.unit,
    n.counted, n.category, n.claimant, m.eid AS claimant_id, m.name AS claimant_name, n.quote,
    a.published, a.title"""
_NUMBER_FROM = """numbers n JOIN articles a ON a.id = n.article_id
    LEFT JOIN api_entity_map m ON m.article_id = n.article_id AND m.id = n.claimant"""


def numbers(con, category=None, counted=None, claimant=None, claimant_id=None, date_from=None, date_to=None,
            limit=20, offset=0, order="DESC"):
    where, params = ["TRUE"], []
    if category:
        where.append("n.category = ?")
        params.append(category.upper())
    if counted:
        where.append("n.counted ILIKE ? ESCAPE '\\'")
        params.append(like(counted))
    if claimant_id:
        where.append("m.eid = ?")
        params.append(claimant_id)
    if claimant:
        where.append("(m.eid = ? OR m.name ILIKE ? ESCAPE '\\')")
        params += [claimant, like(claimant)]
    _date_filters("a.published", date_from, date_to, where, params)
    direction = "ASC" if order == "ASC" else "DESC"
    out = rows(con, f"""SELECT {_NUMBER_COLS}, count(*) OVER () AS total FROM {_NUMBER_FROM}
                        WHERE {' AND '.join(where)}
                        ORDER BY a.published {direction} NULLS LAST, n.article_id, n.start, n.id LIMIT ? OFFSET ?""",
               params + [limit, offset])
    total = _split_total(out, offset)
    for r in out:
        r["published"] = _iso(r["published"])
    return out, total


def series(con, q=None, category=None, limit=20, offset=0):
    """Figures grouped by (category, counted phrase), each with its points in date order:
    the claim series of resolve/ when it has run, else grouped here by the exact phrase."""
    if (has_columns(con, *RESOLVE_SERIES) and has_columns(con, "series", ("id", "category", "counted", "label"))
            and con.execute("SELECT count(*) FROM series").fetchone()[0]):
        return _resolved_series(con, q, category, limit, offset)
    where, params = ["n.counted IS NOT NULL", "n.value IS NOT NULL"], []
    if q:
        where.append("(n.counted ILIKE ? ESCAPE '\\' OR n.category = upper(?))")
        params += [like(q), q]
    if category:
        where.append("n.category = ?")
        params.append(category.upper())
    groups = rows(con, f"""SELECT 's' || substr(md5(n.category || '|' || lower(n.counted)), 1, 12) AS id,
            n.category, max(n.counted) AS counted, count(*) AS n, count(*) OVER () AS total
        FROM {_NUMBER_FROM} WHERE {' AND '.join(where)} GROUP BY n.category, lower(n.counted)
        ORDER BY n DESC, counted, id LIMIT ? OFFSET ?""", params + [limit, offset])
    total = _split_total(groups, offset)
    for g in groups:
        g.pop("n")
        pts = rows(con, f"""SELECT a.published AS date, n.value, n.low, n.high, n.approx, n.unit,
                m.name AS claimant, m.eid AS claimant_id, n.article_id AS article, n.id AS number, n.text
            FROM {_NUMBER_FROM} WHERE n.category = ? AND lower(n.counted) = lower(?) AND n.value IS NOT NULL
            ORDER BY a.published NULLS LAST, n.article_id, n.start""", [g["category"], g["counted"]])
        for p in pts:
            p["date"] = _iso(p["date"])
        g["points"] = pts
    return groups, total


def _resolved_series(con, q, category, limit, offset):
    where, params = ["TRUE"], []
    if q:
        where.append("(s.label ILIKE ? ESCAPE '\\' OR s.counted ILIKE ? ESCAPE '\\' OR s.category = upper(?))")
        params += [like(q), like(q), q]
    if category:
        where.append("s.category = ?")
        params.append(category.upper())
    groups = rows(con, f"""SELECT s.id, s.category, coalesce(s.label, s.counted) AS counted,
            (SELECT count(*) FROM series_points p WHERE p.series_id = s.id) AS n, count(*) OVER () AS total
        FROM series s WHERE {' AND '.join(where)} ORDER BY n DESC, counted, s.id LIMIT ? OFFSET ?""",
                  params + [limit, offset])
    total = _split_total(groups, offset)
    for g in groups:
        g.pop("n")
        g["points"] = rows(con, """SELECT p.date, p.value, p.approx, p.claimant_name AS claimant,
                p.claimant AS claimant_id, p.article_id AS article, p.number_id AS number, p.text
            FROM series_points p WHERE p.series_id = ? ORDER BY p.date NULLS LAST, p.article_id, p.number_id""",
                           [g["id"]])
    return groups, total


# --- events and places -----------------------------------------------------------------------
RESOLVE_CLUSTERS = ("event_cluster_members", ("cluster_id", "article_id", "event_id"))


def _event_sql(con) -> str:
    """Events with their article, actor/target names and place; with the event cluster of
    resolve/ when it has run (else the cluster is null)."""
    cluster, join = "NULL", ""
    if has_columns(con, *RESOLVE_CLUSTERS):
        cluster = "c.cluster_id"
        join = "LEFT JOIN event_cluster_members c ON c.article_id = e.article_id AND c.event_id = e.id"
    return f"""SELECT e.article_id AS article, e.id, e.type, e.mode, e.trigger, e.sentence,
    substr(a.text, json_extract(e.trigger, '$[0]')::INT + 1,
           json_extract(e.trigger, '$[1]')::INT - json_extract(e.trigger, '$[0]')::INT) AS trigger_text,
    e.actor, ma.eid AS actor_id, ma.name AS actor_name, e.target, mt.eid AS target_id, mt.name AS target_name,
    e.place, p.name AS place_name, p.lat, p.lon, p.country, e.time, e.date, e.date_source, e.factuality,
    e.quote, e.confidence, {cluster} AS cluster, a.published, a.title
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN api_entity_map ma ON ma.article_id = e.article_id AND ma.id = e.actor
    LEFT JOIN api_entity_map mt ON mt.article_id = e.article_id AND mt.id = e.target
    LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place {join}"""


def events(con, type_=None, actor=None, place=None, entity_id=None, date_from=None, date_to=None,
           limit=20, offset=0, order="DESC"):
    where, params = ["TRUE"], []
    if type_:
        where.append("e.type = ?")
        params.append(type_.upper())
    if actor:
        where.append("(ma.eid = ? OR ma.name ILIKE ? ESCAPE '\\')")
        params += [actor, like(actor)]
    if entity_id:
        where.append("(ma.eid = ? OR mt.eid = ?)")
        params += [entity_id, entity_id]
    if place:
        where.append("(p.name ILIKE ? ESCAPE '\\' OR CAST(p.geonameid AS VARCHAR) = ?)")
        params += [like(place), place]
    day = "coalesce(e.date, CAST(a.published AS VARCHAR))"
    if date_from is not None:
        where.append(f"{day} >= substr(?, 1, length({day}))")
        params.append(date_from.isoformat())
    if date_to is not None:
        where.append(f"substr({day}, 1, 10) <= ?")
        params.append(date_to.isoformat())
    direction = "ASC" if order == "ASC" else "DESC"
    out = rows(con, f"""SELECT *, count(*) OVER () AS total FROM ({_event_sql(con)} WHERE {' AND '.join(where)})
                        ORDER BY coalesce(date, CAST(published AS VARCHAR)) {direction} NULLS LAST, article, id
                        LIMIT ? OFFSET ?""", params + [limit, offset])
    total = _split_total(out, offset)
    for r in out:
        r["published"] = _iso(r["published"])
        for k in ("trigger", "sentence"):
            r[k] = json.loads(r[k]) if r[k] else None
    return out, total


def places(con, q=None, country=None, limit=100, offset=0):
    where, params = ["TRUE"], []
    if q:
        where.append("p.name ILIKE ? ESCAPE '\\'")
        params.append(like(q))
    if country:
        where.append("upper(p.country) = upper(?)")
        params.append(country)
    key = "coalesce('g' || CAST(p.geonameid AS VARCHAR), 'n' || substr(md5(lower(p.name)), 1, 12))"
    out = rows(con, f"""WITH ev AS (SELECT article_id, place, count(*) AS n FROM events
                                    WHERE place IS NOT NULL GROUP BY article_id, place)
        SELECT {key} AS id, max(p.name) AS name, max(p.country) AS country, max(p.admin1) AS admin1,
            max(p.kind) AS kind, max(p.geonameid) AS geonameid, avg(p.lat) AS lat, avg(p.lon) AS lon,
            count(*) AS mentions, count(DISTINCT p.article_id) AS articles, coalesce(sum(ev.n), 0) AS events,
            count(*) OVER () AS total
        FROM places p LEFT JOIN ev ON ev.article_id = p.article_id AND ev.place = p.id
        WHERE {' AND '.join(where)} GROUP BY {key}
        ORDER BY articles DESC, mentions DESC, name, id LIMIT ? OFFSET ?""", params + [limit, offset])
    total = _split_total(out, offset)
    for r in out:
        r["events"] = int(r["events"])
    return out, total
