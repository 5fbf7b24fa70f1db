"""Parquet export and import of every table: the interchange with other tools and Dask.

``export_parquet`` writes one file per table of the store (the per-article tables, the
rejections, the cross-article tables of resolve/ and the user's decisions);
``import_parquet`` is the writer's (``writer.transfer``): see there how an import meets a
store that already holds articles.
"""
from __future__ import annotations

from pathlib import Path

from .writer.transfer import base_tables, import_parquet, lit

__all__ = ["export_parquet", "import_parquet"]


def export_parquet(store, folder: str | Path) -> dict[str, int]:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for t in base_tables(store.con):
        target = out / f"{t}.parquet"
        store.con.execute(f"COPY (SELECT * FROM {t} ORDER BY ALL) TO '{lit(target)}' (FORMAT parquet)")
        counts[t] = store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
    return counts
