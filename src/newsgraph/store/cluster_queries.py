"""Named reads for the cross-article views: event clusters with their reports and
disagreements, one claim series with its conflicts, one quote's lineage.

They read resolve/'s tables (event_clusters, event_cluster_members, series, series_points)
and the server's helper tables (api_quotes, api_entity_map; see newsgraph.api.tables).
Each function takes a DuckDB cursor and binds every value; the comparisons themselves are
the pure functions of resolve.reports, resolve.ledger and resolve.lineage.
"""
from __future__ import annotations


from ..resolve import ledger, lineage, reports
from .api_queries import has_table, rows

_EVENT_DAY = "coalesce(c.date, CAST(c.earliest_published AS VARCHAR))"
MAX_REPORTS = 500
LINEAGE_CANDIDATES = 400


def _iso(v):
    return v.isoformat() if hasattr(v, "isoformat") else v


def _resolved(con) -> bool:
    return has_table(con, "event_clusters") and has_table(con, "event_cluster_members")


# --- clusters -------------------------------------------------------------------------------
def clusters(con, type_=None, date_from=None, date_to=None, place=None, limit=20, offset=0):
    """One row per cluster: type, best date and place, how many reports, outlets, languages,
    and which fields its reports disagree on. Newest event first."""
    if not _resolved(con):
        return [], 0
    where, params = ["TRUE"], []
    if type_:
        where.append("c.type = ?")
        params.append(type_.upper())
    if place:
        where.append("(c.place ILIKE ? ESCAPE '\\' OR c.country = upper(?))")
        params += ["%" + place.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", place]
    if date_from is not None:
        where.append(f"{_EVENT_DAY} >= substr(?, 1, length({_EVENT_DAY}))")
        params.append(date_from.isoformat())
    if date_to is not None:
        where.append(f"substr({_EVENT_DAY}, 1, 10) <= ?")
        params.append(date_to.isoformat())
    out = rows(con, f"""
        SELECT c.id, c.type, c.date, c.place, c.country, c.lat, c.lon, c.earliest_published AS first_published,
               count(*) OVER () AS total
        FROM event_clusters c WHERE {' AND '.join(where)}
        ORDER BY {_EVENT_DAY} DESC NULLS LAST, c.articles DESC, c.id LIMIT ? OFFSET ?""", params + [limit, offset])
    total = out[0].pop("total") if out else (0 if offset == 0 else None)
    for r in out[1:]:
        r.pop("total")
    found = cluster_reports(con, [r["id"] for r in out])
    for r in out:
        reps = found.get(r["id"], [])
        r["first_published"] = _iso(r["first_published"])
        r["reports"] = len(reps)
        r["articles"] = len({x["article"] for x in reps})
        r["sources"] = list(dict.fromkeys(x["source"] for x in reps))
        r["langs"] = sorted({x["lang"] for x in reps})
        r["disagreements"] = [d["field"] for d in reports.disagreements(reps)]
    return out, total


def cluster(con, cluster_id: str) -> dict | None:
    """One cluster with every report and the disagreements between them (a merged-away id
    answers with the cluster that holds its reports now)."""
    if not _resolved(con):
        return None
    if has_table(con, "resolve_redirects"):
        row = con.execute("SELECT new_id FROM resolve_redirects WHERE old_id = ?", [cluster_id]).fetchone()
        cluster_id = row[0] if row else cluster_id
    head = rows(con, """SELECT id, type, date, place, country, lat, lon, earliest AS first_article,
                        earliest_published AS first_published FROM event_clusters WHERE id = ?""", [cluster_id])
    if not head:
        return None
    out = head[0]
    out["first_published"] = _iso(out["first_published"])
    reps = cluster_reports(con, [cluster_id]).get(cluster_id, [])
    out["reports"] = reps
    out["sources"] = list(dict.fromkeys(r["source"] for r in reps))
    out["langs"] = sorted({r["lang"] for r in reps})
    out["disagreements"] = reports.disagreements(reps)
    return out


def cluster_reports(con, ids: list[str]) -> dict[str, list[dict]]:
    """Cluster id -> its reports, earliest published first, each with its figures."""
    if not ids:
        return {}
    reps = rows(con, f"""
        SELECT m.cluster_id, m.article_id AS article, m.event_id AS event, coalesce(a.source, a.id) AS source,
               coalesce(a.lang, 'und') AS lang, a.published, a.title, m.type, m.mode, e.date, e.date_source,
               m.place, m.country, m.lat, m.lon, CASE WHEN p.name = m.place THEN p.kind END AS place_kind, m.score,
               json_extract(e.trigger, '$[0]')::INT AS t0, json_extract(e.trigger, '$[1]')::INT AS t1,
               json_extract(e.sentence, '$[0]')::INT AS sentence_start,
               json_extract(e.sentence, '$[1]')::INT AS sentence_end,
               substr(a.text, json_extract(e.trigger, '$[0]')::INT + 1,
                      json_extract(e.trigger, '$[1]')::INT - json_extract(e.trigger, '$[0]')::INT) AS trigger_text,
               substr(a.text, json_extract(e.sentence, '$[0]')::INT + 1,
                      json_extract(e.sentence, '$[1]')::INT - json_extract(e.sentence, '$[0]')::INT) AS sentence
        FROM event_cluster_members m JOIN articles a ON a.id = m.article_id
        LEFT JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
        LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
        WHERE m.cluster_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY m.cluster_id, a.published NULLS LAST, m.article_id, TRY_CAST(substr(m.event_id, 2) AS INT)
        LIMIT ?""", [list(ids), MAX_REPORTS * len(ids)])
    nums = _numbers(con, sorted({r["article"] for r in reps}))
    out: dict[str, list[dict]] = {}
    for r in reps:
        cid = r.pop("cluster_id")
        r["id"] = f"{r['article']}/{r['event']}"
        r["published"] = _iso(r["published"])
        r["date"] = r["date"] if r["date_source"] == "time" else None
        r["trigger"] = {"start": r.pop("t0"), "end": r.pop("t1"), "text": r.pop("trigger_text")}
        r["figures"] = reports.figures_of(r, nums.get(r["article"], []))
        out.setdefault(cid, []).append(r)
    return out


def _numbers(con, articles: list[str]) -> dict[str, list[dict]]:
    if not articles:
        return {}
    got = rows(con, """SELECT article_id AS article, id AS number, "start", "end", value, low, high, approx, text,
                       category, counted FROM numbers WHERE article_id IN (SELECT unnest(?::VARCHAR[]))
                       AND value IS NOT NULL ORDER BY article_id, "start" """, [articles])
    out: dict[str, list[dict]] = {}
    for n in got:
        out.setdefault(n["article"], []).append(n)
    return out


# --- one series with its conflicts ---------------------------------------------------------------
def series_one(con, series_id: str) -> dict | None:
    if not (has_table(con, "series") and has_table(con, "series_points")):
        return None
    head = rows(con, """SELECT id, category, counted, coalesce(label, counted) AS label, country, first_date,
                        last_date FROM series WHERE id = ?""", [series_id])
    if not head:
        return None
    out = head[0]
    pts = rows(con, """SELECT p.date, p.value, n.low, n.high, p.approx, p.claimant_name AS claimant,
                       p.claimant AS claimant_id, p.article_id AS article, p.number_id AS number, p.text,
                       p."start", p."end", coalesce(a.source, a.id) AS source, coalesce(a.lang, 'und') AS lang,
                       a.published
                FROM series_points p JOIN articles a ON a.id = p.article_id
                LEFT JOIN numbers n ON n.article_id = p.article_id AND n.id = p.number_id
                WHERE p.series_id = ? ORDER BY p.date NULLS LAST, p.article_id, p.number_id""", [series_id])
    for p in pts:
        p["published"] = _iso(p["published"])
    out["points"] = pts
    out["conflicts"] = ledger.conflicts(pts)
    return out


# --- quote lineage --------------------------------------------------------------------------
_QUOTE_COLS = """q.article, q.id, q.start, q."end", q.text, q.kind, q.speaker_id, q.speaker_name AS speaker,
    q.published, coalesce(a.source, a.id) AS source, coalesce(a.lang, 'und') AS lang"""


def quote_lineage(con, article: str, quote_id: str) -> dict | None:
    """The reports of one quote's statement across outlets and languages."""
    cols = _QUOTE_COLS + (", (SELECT list(DISTINCT m.cluster_id) FROM event_cluster_members m "
                          "WHERE m.article_id = q.article) AS clusters" if _resolved(con) else "")
    found = rows(con, f"SELECT {cols} FROM api_quotes q JOIN articles a ON a.id = q.article "
                      "WHERE q.article = ? AND q.id = ?", [article, quote_id])
    if not found:
        return None
    origin = found[0]
    window = lineage.WINDOW_DAYS
    cands = rows(con, f"""SELECT {cols} FROM api_quotes q JOIN articles a ON a.id = q.article
        WHERE (? IS NULL OR q.published IS NULL OR q.published BETWEEN CAST(? AS DATE) - {window}
                                                              AND CAST(? AS DATE) + {window})
        ORDER BY (q.speaker_id = ?) DESC NULLS LAST, q.published, q.article, q.id LIMIT ?""",
                 [origin["published"]] * 3 + [origin["speaker_id"], LINEAGE_CANDIDATES])
    reps = lineage.lineage(origin, cands)
    return {"quote": reps[0], "reports": reps,
            "sources": list(dict.fromkeys(r["source"] for r in reps)), "langs": sorted({r["lang"] for r in reps})}
