"""Parquet export and import of every table: the interchange with other tools and Dask."""
from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from ..model import FACT_LISTS
from . import TABLES, Store


def export_parquet(store: Store, folder: str | Path) -> dict[str, int]:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for t in TABLES:
        target = out / f"{t}.parquet"
        store.con.execute(f"COPY (SELECT * FROM {t} ORDER BY ALL) TO '{_lit(target)}' (FORMAT parquet)")
        counts[t] = store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
    return counts


def import_parquet(store: Store, folder: str | Path) -> dict[str, int]:
    """Upsert the tables of an export: an imported article replaces the stored one whole."""
    src = Path(folder)
    art = src / "articles.parquet"
    if not art.exists():
        raise StoreError(f"{art}: missing; point 'import --parquet' at a folder made by 'export --parquet'")
    counts = {}
    with store.transaction() as con:
        ids = f"(SELECT id FROM read_parquet('{_lit(art)}'))"
        for t in FACT_LISTS:
            con.execute(f"DELETE FROM {t} WHERE article_id IN {ids}")
        con.execute(f"DELETE FROM articles WHERE id IN {ids}")
        for t in TABLES:
            f = src / f"{t}.parquet"
            if not f.exists():
                continue
            conflict = " ON CONFLICT DO NOTHING" if t == "rejections" else ""
            con.execute(f"INSERT INTO {t} BY NAME SELECT * FROM read_parquet('{_lit(f)}'){conflict}")
            counts[t] = con.execute(f"SELECT count(*) FROM read_parquet('{_lit(f)}')").fetchone()[0]
    return counts


def _lit(p: Path) -> str:
    return str(p).replace("'", "''")
