"""Store plumbing for resolve: its schema, which articles are new, fast bulk inserts.

DuckDB's per-row parameter binding is slow (minutes for 100,000 rows), so ``bulk_insert``
writes the rows to a temporary CSV file and loads it with ``read_csv`` in one statement.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from importlib import resources as _res

RESOLVE_VERSION = "resolve.v1"
TABLES = ("resolve_state", "store_entities", "entity_keys", "entity_links", "entity_roles",
          "event_clusters", "event_cluster_members", "series", "series_points",
          "resolve_decisions", "resolve_redirects")


def ensure_schema(con) -> None:
    con.execute(_res.files(__package__).joinpath("schema.sql").read_text())


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _column_types(con, table: str) -> dict[str, str]:
    rows = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                       "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
    return {name: typ for name, typ in rows}


def bulk_insert(con, table: str, columns: list[str], rows: list[tuple], *, ignore: bool = False) -> int:
    """Insert many rows at once (None becomes NULL); ``ignore`` skips rows whose key exists."""
    if not rows:
        return 0
    types = _column_types(con, table)
    fd, path = tempfile.mkstemp(suffix=".csv", prefix="newsgraph-resolve-")
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            for r in rows:
                w.writerow(["\\N" if v is None else v for v in r])
        spec = ", ".join(f"'{c}': '{types[c]}'" for c in columns)
        cols = ", ".join(f'"{c}"' for c in columns)
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        con.execute(f"{verb} INTO {table} ({cols}) SELECT * FROM read_csv(?, header=false, "
                    f"nullstr='\\N', quote='\"', escape='\"', columns={{{spec}}})", [path])
    finally:
        os.unlink(path)
    return len(rows)


def pending_articles(con, limit: int | None = None) -> list[tuple[str, str, object]]:
    """(article_id, content_hash, published) of articles not resolved at their current text,
    oldest first so earlier reports found the clusters and series."""
    sql = ("SELECT a.id, a.content_hash, a.published FROM articles a "
           "LEFT JOIN resolve_state s ON s.article_id = a.id "
           "WHERE s.article_id IS NULL OR s.content_hash <> a.content_hash "
           "ORDER BY a.published NULLS LAST, a.id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return con.execute(sql).fetchall()


def temp_ids(con, name: str, ids: list[str]) -> str:
    """A temporary one-column table of ids to join against; returns its name."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} (id VARCHAR)")
    if ids:
        fd, path = tempfile.mkstemp(suffix=".csv", prefix="newsgraph-ids-")
        try:
            with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                for i in ids:
                    w.writerow([i])
            con.execute(f"INSERT INTO {name} SELECT * FROM read_csv(?, header=false, "
                        "quote='\"', escape='\"', columns={'id': 'VARCHAR'})", [path])
        finally:
            os.unlink(path)
    return name


def forget(con, ids_table: str) -> None:
    """Delete the resolve rows of the articles in ids_table (they are resolved again)."""
    for table in ("entity_links", "entity_roles", "event_cluster_members", "series_points"):
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM {ids_table})")
