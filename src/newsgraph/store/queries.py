"""Named reads over the store: one article's record, counts, full-text search."""
from __future__ import annotations

import json

import duckdb
from typing import Any

from ..model import FACT_LISTS, SCHEMA_VERSION
from . import TABLES, Store, fts_ru
from .columns import JSON_FIELDS, fact_columns
from .writer.records import rebuild_fts as _writer_rebuild_fts


def _rows(store: Store, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def get_record(store: Store, article_id: str) -> dict[str, Any] | None:
    """The record of one article exactly as `extract` prints it, or None."""
    arts = _rows(store, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not arts:
        return None
    a = arts[0]
    rec: dict[str, Any] = {
        "schema": SCHEMA_VERSION, "id": a["id"], "url": a["url"], "source": a["source"],
        "published": a["published"].isoformat() if a["published"] else None,
        "title": a["title"], "lang": a["lang"], "text": a["text"], "text_offset": a["text_offset"],
        "content_hash": a["content_hash"], "stages": json.loads(a["stages"] or "{}"),
    }
    for name in FACT_LISTS:
        cols = fact_columns(name)[1:-1]
        select = ", ".join(f'"{c}"' for c in cols)
        rows = _rows(store, f"SELECT {select} FROM {name} WHERE article_id = ? "
                            f"ORDER BY try_cast(substr(id, 2) AS INTEGER), id", [article_id])
        for r in rows:
            for c in JSON_FIELDS.intersection(r):
                r[c] = json.loads(r[c]) if r[c] is not None else None
        rec[name] = rows
    return rec


def stats(store: Store) -> dict[str, Any]:
    out: dict[str, Any] = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    out["published_range"] = [
        str(v) if v else None
        for v in store.con.execute("SELECT min(published), max(published) FROM articles").fetchone()
    ]
    out["entities_by_type"] = dict(store.con.execute(
        "SELECT type, count(*) FROM entities GROUP BY type ORDER BY count(*) DESC").fetchall())
    out["rejections_by_code"] = dict(store.con.execute(
        "SELECT code, count(*) FROM rejections GROUP BY code ORDER BY count(*) DESC").fetchall())
    return out


# The full-text index is a write: the writer owns it (kept here under its old name for callers).
rebuild_fts = _writer_rebuild_fts


def search(store: Store, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching a full-text query, best first (BM25), with a snippet."""
    store.load_fts()
    try:
        rows = _rows(store, f"""
            SELECT a.id, published, title, source, s.score, text FROM articles a
            JOIN ({fts_ru.scores_sql(store.con)}) s ON s.id = a.id
            WHERE s.score IS NOT NULL ORDER BY s.score DESC, a.id LIMIT ?""", fts_ru.params(store.con, query) + [limit])
    except duckdb.CatalogException as exc:  # no index yet: the store is empty or was never indexed
        if "fts_main_articles" not in str(exc):
            raise
        rows = []
    for r in rows:
        r["published"] = r["published"].isoformat() if r["published"] else None
        r["snippet"] = snippet(r.pop("text"), query)
    return rows


def snippet(text: str, query: str, width: int = 160) -> str:
    low = text.lower()
    pos = min((p for p in (low.find(w.lower()) for w in query.split()) if p >= 0), default=0)
    start = max(0, pos - width // 3)
    s = text[start:start + width].replace("\n", " ")
    return ("…" if start else "") + s + ("…" if start + width < len(text) else "")
