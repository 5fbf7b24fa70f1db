"""Import of a Parquet export (``newsgraph import``): every table, the user's decisions included.

Into a store whose cross-article tables are empty (a new file, or one never resolved) the
export's resolve tables are copied as they are, so the store-wide entities, clusters, series
and decisions are exactly the exporter's. Into a store that has its own resolve results, the
imported articles are marked for resolving again (``resolve_state`` rows dropped), the
exporter's decisions are appended after the store's own (same action and ids: kept once),
and the next cross-article run (``service.import_`` starts it) links the new articles and
replays every decision.
"""
from __future__ import annotations

from pathlib import Path

from ...errors import StoreError
from ...model import FACT_LISTS
from .resolve import ensure_resolve_schema

RECORD_TABLES = ("articles",) + FACT_LISTS
DECISIONS = "resolve_decisions"
# Tables whose rows are keyed on their own and merge with what the store holds.
_UPSERT = {"rejections": " ON CONFLICT DO NOTHING", "meta": " ON CONFLICT DO UPDATE SET value = excluded.value"}


def lit(p: Path) -> str:
    return str(p).replace("'", "''")


def base_tables(con) -> list[str]:
    """Every table of the store (the main schema of this database), articles first."""
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                       "AND table_type = 'BASE TABLE' AND table_catalog = current_database()").fetchall()
    names = sorted(r[0] for r in rows)
    return sorted(names, key=lambda t: (t != "articles", t))


def import_parquet(store, folder: str | Path) -> dict[str, int]:
    """Upsert the tables of an export: an imported article replaces the stored one whole."""
    src = Path(folder)
    art = src / "articles.parquet"
    if not art.exists():
        raise StoreError(f"{art}: missing; point 'import --parquet' at a folder made by 'export --parquet'")
    con = store.con
    ensure_resolve_schema(con)
    files = {p.stem: p for p in sorted(src.glob("*.parquet"))}
    known = set(base_tables(con))
    unknown = sorted(set(files) - known)
    if unknown:
        raise StoreError(f"{src}: {', '.join(u + '.parquet' for u in unknown)} is no table of this store; "
                         "import an export made by the same newsgraph version, or remove those files")
    counts: dict[str, int] = {}
    with store.transaction():
        derived = [t for t in files if t not in RECORD_TABLES and t not in _UPSERT and t != DECISIONS]
        copy_derived = "resolve_state" in files and all(_count(con, t) == 0 for t in derived)
        ids = f"(SELECT id FROM read_parquet('{lit(art)}'))"
        for t in FACT_LISTS:
            con.execute(f"DELETE FROM {t} WHERE article_id IN {ids}")
        con.execute(f"DELETE FROM articles WHERE id IN {ids}")
        for t in [t for t in files if t in RECORD_TABLES or t in _UPSERT]:
            counts[t] = _insert(con, t, files[t], _UPSERT.get(t, ""))
        if copy_derived:
            for t in derived:
                counts[t] = _insert(con, t, files[t])
        else:  # the store's own resolve results stay; the imported articles are resolved again
            con.execute(f"DELETE FROM resolve_state WHERE article_id IN {ids}")
        if DECISIONS in files:
            counts[DECISIONS] = _import_decisions(con, files[DECISIONS])
    return counts


def _count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _insert(con, table: str, path: Path, conflict: str = "") -> int:
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet('{lit(path)}'){conflict}")
    return con.execute(f"SELECT count(*) FROM read_parquet('{lit(path)}')").fetchone()[0]


def _import_decisions(con, path: Path) -> int:
    """Decisions of the export after the store's own, in their order; one already held (same
    action and ids) is not added twice. Into an empty table they keep their numbers."""
    src = f"read_parquet('{lit(path)}')"
    if _count(con, DECISIONS) == 0:
        return _insert(con, DECISIONS, path)
    con.execute(f"""INSERT INTO {DECISIONS} (seq, action, a, b, created_at)
        SELECT (SELECT max(seq) FROM {DECISIONS}) + row_number() OVER (ORDER BY d.seq), d.action, d.a, d.b,
               d.created_at
        FROM {src} d WHERE NOT EXISTS (SELECT 1 FROM {DECISIONS} o WHERE o.action = d.action AND o.a = d.a
                                       AND o.b IS NOT DISTINCT FROM d.b)""")
    return con.execute(f"SELECT count(*) FROM {src}").fetchone()[0]
