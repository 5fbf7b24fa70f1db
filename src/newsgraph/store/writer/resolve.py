"""Writes of the cross-article tables (resolve/ computes the rows, these functions write them).

The tables are declared in ``newsgraph/resolve/schema.sql``; every function runs inside the
caller's transaction (``run_incremental`` and ``resolve --merge/--split`` open one).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources as _res

from .rows import delete_in, insert_rows

# Rows a re-resolved article owns in the derived tables.
ARTICLE_ROWS = ("entity_links", "entity_roles", "event_cluster_members", "series_points")


def ensure_store_schema(con) -> None:
    """Create the tables of the store (store/schema.sql) and of resolve/ that do not exist yet."""
    con.execute(_res.files("newsgraph.store").joinpath("schema.sql").read_text())
    ensure_resolve_schema(con)


def ensure_resolve_schema(con) -> None:
    """Create the resolve tables that do not exist yet."""
    con.execute(_res.files("newsgraph.resolve").joinpath("schema.sql").read_text())


def drop_tables(con, tables: Iterable[str]) -> None:
    """Drop derived tables (``resolve --rebuild``); ``ensure_resolve_schema`` makes them again."""
    for t in tables:
        con.execute(f"DROP TABLE IF EXISTS {t}")


def forget_articles(con, ids_table: str) -> None:
    """Delete the resolve rows of the articles in ``ids_table`` (they are resolved again)."""
    for table in ARTICLE_ROWS:
        delete_in(con, table, "article_id", ids_table)


def replace_rows(con, table: str, ids_table: str, columns: Sequence[str], rows: Iterable[Sequence],
                 *, key: str = "id") -> int:
    """The rows of ``table`` whose ``key`` is in ``ids_table`` become ``rows``."""
    delete_in(con, table, key, ids_table)
    return insert_rows(con, table, columns, rows)


def mark_resolved(con, ids_table: str, rows: Iterable[Sequence]) -> None:
    """resolve_state rows (article_id, content_hash, published, version, resolved_at)."""
    replace_rows(con, "resolve_state", ids_table,
                 ["article_id", "content_hash", "published", "version", "resolved_at"], rows, key="article_id")


# --- the user's decisions ----------------------------------------------------------------------
def add_decision(con, action: str, a: str, b: str | None) -> int:
    """Append a decision to resolve_decisions; returns its sequence number."""
    seq = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM resolve_decisions").fetchone()[0]
    con.execute("INSERT INTO resolve_decisions VALUES (?, ?, ?, ?, now())", [seq, action, a, b])
    return seq


def reassign(con, table: str, column: str, new: str, old: str, *, articles_table: str | None = None,
             names: Sequence[str] | None = None) -> int:
    """Set ``column`` from ``old`` to ``new`` in ``table`` (only for the articles in
    ``articles_table`` and the local ``names`` when given); returns how many rows moved."""
    sql, params = f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [new, old]
    if articles_table:
        sql += f" AND article_id IN (SELECT id FROM {articles_table})"
    if names is not None:
        sql += " AND name IN (SELECT unnest(?))"
        params.append(list(names))
    return con.execute(sql, params).fetchone()[0]


def merge_entity_rows(con, keep: str, other: str) -> int:
    """Every row naming store entity ``other`` names ``keep`` instead; returns the links moved."""
    n = reassign(con, "entity_links", "store_entity_id", keep, other)
    reassign(con, "entity_roles", "store_entity_id", keep, other)
    reassign(con, "entity_roles", "org", keep, other)
    con.execute("INSERT OR IGNORE INTO entity_keys SELECT key, ? FROM entity_keys WHERE store_entity_id = ?",
                [keep, other])
    con.execute("DELETE FROM entity_keys WHERE store_entity_id = ?", [other])
    return n


def redirect(con, old: str, new: str) -> None:
    """A merged id now points at the id that holds its members."""
    con.execute("INSERT OR REPLACE INTO resolve_redirects VALUES (?, ?)", [old, new])
