"""Store plumbing for resolve: which articles are new; the writes go through ``store.writer``.

``bulk_insert`` and ``temp_ids`` are the writer's typed inserts (one JSON document per
statement, never a CSV file: any character in an id or a figure's text survives).
"""
from __future__ import annotations

import json

from ..store.writer import insert_rows, temp_ids
from ..store.writer.resolve import ensure_resolve_schema, forget_articles

RESOLVE_VERSION = "resolve.v1"
TABLES = ("resolve_state", "store_entities", "entity_keys", "entity_links", "entity_roles",
          "event_clusters", "event_cluster_members", "series", "series_points",
          "resolve_decisions", "resolve_redirects")

__all__ = ["RESOLVE_VERSION", "TABLES", "bulk_insert", "dumps", "ensure_schema", "forget", "pending_articles",
           "temp_ids"]

ensure_schema = ensure_resolve_schema
forget = forget_articles


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def bulk_insert(con, table: str, columns: list[str], rows: list[tuple], *, ignore: bool = False) -> int:
    """Insert many rows at once (None becomes NULL); ``ignore`` skips rows whose key exists."""
    return insert_rows(con, table, columns, rows, ignore=ignore)


def pending_articles(con, limit: int | None = None) -> list[tuple[str, str, object]]:
    """(article_id, content_hash, published) of articles not resolved at their current text,
    oldest first so earlier reports found the clusters and series."""
    sql = ("SELECT a.id, a.content_hash, a.published FROM articles a "
           "LEFT JOIN resolve_state s ON s.article_id = a.id "
           "WHERE s.article_id IS NULL OR s.content_hash <> a.content_hash "
           "ORDER BY a.published NULLS LAST, a.id")
    params: list = []
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    return con.execute(sql, params).fetchall()
