"""Full-text search of Russian articles: a second index, Snowball's Russian stemmer.

DuckDB's fts index takes one stemmer per table, and the English index (Porter, over
``articles``) must stay as it is; so the Russian articles (``lang = 'ru'``) are copied into
``search_ru.articles`` (id, title, text; its own schema, so the export of the store's tables
leaves this derived copy out) and indexed with ``stemmer='russian'`` and a token
pattern that keeps Cyrillic letters (the default one keeps only a-z). A query for one
case form then finds the others ("митинга" finds "митинг", "жителей" finds "жители").
``scores_sql`` gives one (id, score) per matching article from both indexes, best score kept.
The index is (re)built by the writer (``store/writer/fts_ru.py``); this module only reads.
"""
from __future__ import annotations

SCHEMA = "search_ru"  # not "main": a derived index, so export/import of the store's tables skip it
TABLE = f"{SCHEMA}.articles"
FTS = f"fts_{SCHEMA}_articles"
_IGNORE = r"(\.|[^a-zа-яё0-9])+"


def stale(con) -> bool:
    """Whether the Russian index misses articles (a snapshot taken before the writer re-indexed)."""
    n = con.execute("SELECT count(*) FROM articles WHERE lang = 'ru'").fetchone()[0]
    if not _has_table(con):
        return n > 0
    return n != con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]


def _has_table(con) -> bool:
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? "
                       "AND table_name = 'articles'", [SCHEMA]).fetchone()[0] > 0


def _indexed(con) -> bool:
    return con.execute("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?",
                       [FTS]).fetchone()[0] > 0


def scores_sql(con) -> str:
    """SQL of (id, score) rows for a query bound twice as ``?`` (English, then Russian), or
    once when there is no Russian index."""
    english = "SELECT id, fts_main_articles.match_bm25(id, ?) AS score FROM articles"
    if not _indexed(con):
        return english
    russian = f"SELECT id, {FTS}.match_bm25(id, ?) AS score FROM {TABLE}"
    return f"SELECT id, max(score) AS score FROM ({english} UNION ALL {russian}) GROUP BY id"


def params(con, query: str) -> list[str]:
    return [query, query] if _indexed(con) else [query]
