"""Records and rejections into the store, idempotently, a batch per transaction.

An article whose content hash and stage versions are unchanged is skipped; a changed one
has every old fact row deleted before the new rows go in, in the same transaction.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import FACT_LISTS, ArticleRecord, Rejection
from ..columns import ARTICLE_COLUMNS, JSON_FIELDS, fact_columns
from . import fts_ru
from .rows import delete_ids, insert_rows


@dataclass
class WriteResult:
    inserted: int = 0  # new articles
    replaced: int = 0  # articles whose text or stage versions changed
    unchanged: int = 0  # skipped: same content hash and stage versions


def _fact_row(article_id: str, fact, version: str, cols: Sequence[str]) -> list:
    row = [article_id]
    for c in cols[1:-1]:
        v = getattr(fact, c)
        if c in JSON_FIELDS:
            v = json.dumps(v if c != "roles" else [_role_dict(r) for r in v])
        row.append(v)
    row.append(version)
    return row


def _role_dict(r) -> dict:
    return r if isinstance(r, dict) else {"title": r.title, "org": r.org, "start": r.start, "end": r.end}


def stored_keys(con, ids: Sequence[str]) -> dict[str, str]:
    """Article id -> "content_hash|stage versions" for the stored ones among ``ids``."""
    return dict(con.execute(
        "SELECT id, content_hash || '|' || stages FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]
    ).fetchall())


def write_records(store, records: Sequence[ArticleRecord]) -> WriteResult:
    """Upsert a batch of records in one transaction."""
    res = WriteResult()
    if not records:
        return res
    ids = [r.article.id for r in records]
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with store.transaction() as con:
        existing = stored_keys(con, ids)
        todo: dict[str, ArticleRecord] = {}
        for rec in records:  # the last copy of a duplicated id in one batch wins
            todo[rec.article.id] = rec
        changed = []
        for aid, rec in todo.items():
            key = rec.article.content_hash + "|" + json.dumps(rec.stages, sort_keys=True)
            if existing.get(aid) == key:
                res.unchanged += 1
                continue
            if aid in existing:
                res.replaced += 1
            else:
                res.inserted += 1
            changed.append(rec)
        if not changed:
            return res
        changed_ids = [r.article.id for r in changed]
        for table in ("articles",) + FACT_LISTS:
            delete_ids(con, table, "id" if table == "articles" else "article_id", changed_ids)
        # a replaced article is resolved again by the next cross-article run
        delete_ids(con, "resolve_state", "article_id", changed_ids)
        insert_rows(con, "articles", ARTICLE_COLUMNS, [_article_row(r, now) for r in changed])
        for name in FACT_LISTS:
            cols = fact_columns(name)
            rows = [_fact_row(r.article.id, f, r.stages.get(name, ""), cols)
                    for r in changed for f in r.get(name)]
            insert_rows(con, name, cols, rows)
    return res


def _article_row(rec: ArticleRecord, now: dt.datetime) -> list:
    a = rec.article
    return [a.id, a.content_hash, a.url, a.source, a.published, a.title, a.lang, a.text,
            a.text_offset, json.dumps(rec.stages, sort_keys=True), a.origin, now]


def write_rejections(store, rejections: Sequence[Rejection]) -> None:
    if not rejections:
        return
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with store.transaction() as con:
        con.executemany(
            "INSERT INTO rejections (origin, code, message, first_seen, last_seen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (origin, code) DO UPDATE SET message = excluded.message, last_seen = excluded.last_seen",
            [[r.origin, r.code, r.message, now, now] for r in rejections],
        )


def clear_rejections(store, origins: Sequence[str]) -> None:
    """A file that now reads cleanly loses its old rejections (re-runs converge)."""
    if origins:
        with store.transaction() as con:
            con.execute("DELETE FROM rejections WHERE origin IN (SELECT unnest(?))", [list(origins)])


def rebuild_fts(store) -> None:
    """Re-index article titles and texts for full-text search (after each ingest or import)."""
    store.load_fts()
    store.con.execute("PRAGMA create_fts_index('articles', 'id', 'title', 'text', overwrite=1)")
    fts_ru.rebuild(store.con)  # the Russian articles' own index (Russian stemmer)
