"""The writer's half of Russian full-text search: copy the Russian articles into their own
table and index it with the Russian stemmer (the read side is ``store/fts_ru.py``)."""
from __future__ import annotations

from ..fts_ru import _IGNORE, SCHEMA, TABLE, _indexed


def rebuild(con) -> None:
    """Re-copy and re-index the Russian articles (the fts extension must be loaded)."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    con.execute(f"CREATE OR REPLACE TABLE {TABLE} AS SELECT id, title, text FROM main.articles WHERE lang = 'ru'")
    if con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]:
        con.execute(f"PRAGMA create_fts_index('{TABLE}', 'id', 'title', 'text', stemmer='russian', "
                    f"ignore='{_IGNORE}', strip_accents=0, lower=1, overwrite=1)")
    elif _indexed(con):
        con.execute(f"PRAGMA drop_fts_index('{TABLE}')")
