"""Cross-article resolution: store-wide entities, event clusters and claim series.

``run_incremental(store)`` runs after every ingest (service.ingest calls it). It resolves only
the articles that are new or whose text changed (``resolve_state``), in one transaction:

    1. entities.py  each article's entities -> store-wide entities (entity_links, store_entities)
    2. events.py    events of compatible type, date, place and actors -> event_clusters
    3. series.py    figures with the same category, counted phrase and country -> series
    4. decisions.py the user's --merge / --split decisions, replayed so they survive re-runs

The tables are documented in schema.sql; every grouping row carries its score and evidence.
Names meet across scripts through translit.py (Cyrillic and Latin spellings to one key).
Read-side comparisons, pure functions used by the API (store/cluster_queries.py):
    reports.py  a cluster's reports and where they disagree (date, place, figures)
    ledger.py   conflicting claims of a series (two claimants, same period, incompatible values)
    lineage.py  the reports of one quote's statement across outlets and languages
"""
from __future__ import annotations

import time

from ..store.writer.resolve import drop_tables, mark_resolved
from .db import RESOLVE_VERSION, ensure_schema, forget, pending_articles, temp_ids

__all__ = ["run_incremental", "rebuild", "command", "RESOLVE_VERSION"]

_DERIVED = ("resolve_state", "store_entities", "entity_keys", "entity_links", "entity_roles",
            "event_clusters", "event_cluster_members", "series", "series_points", "resolve_redirects")


def run_incremental(store, *, limit: int | None = None) -> dict:
    """Resolve the articles not yet resolved at their current text; returns a summary dict."""
    from . import decisions, entities, events, series

    t0 = time.perf_counter()
    con = store.con
    ensure_schema(con)
    pending = pending_articles(con, limit)
    summary: dict = {"articles": len(pending)}
    if not pending:
        return summary
    published = {aid: pub for aid, _, pub in pending}
    with store.transaction():
        temp_ids(con, "_resolve_pending", list(published))
        stale = _stale_entities(con)
        forget(con, "_resolve_pending")
        summary["entities"] = entities.resolve_entities(con, "_resolve_pending", published, stale)
        summary["events"] = events.resolve_events(con, "_resolve_pending")
        summary["series"] = series.resolve_series(con, "_resolve_pending")
        summary["decisions"] = decisions.replay(con)
        mark_resolved(con, "_resolve_pending", [(aid, h, pub, RESOLVE_VERSION, _now()) for aid, h, pub in pending])
    summary["seconds"] = round(time.perf_counter() - t0, 3)
    return summary


def rebuild(store) -> dict:
    """Drop every derived table (not the decisions) and resolve the whole store again."""
    con = store.con
    with store.transaction():
        drop_tables(con, _DERIVED)
    ensure_schema(con)
    return run_incremental(store)


def command(db: str, *, merge: list[str] | None = None, split: str | None = None,
            rebuild_all: bool = False) -> dict:
    """`newsgraph resolve`: resolve what is pending (or everything), then apply a decision."""
    from ..store import Store
    from . import decisions

    with Store(db) as store:
        out = {"db": db}
        out["run"] = rebuild(store) if rebuild_all else run_incremental(store)
        if merge or split:
            with store.transaction():
                out["decision"] = (decisions.record(store.con, "merge", merge[0], merge[1]) if merge
                                   else decisions.record(store.con, "split", split))
        out["store"] = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                        for t in ("store_entities", "event_clusters", "series", "resolve_decisions")}
    return out


def _stale_entities(con) -> set[str]:
    """Store entities linked from articles about to be resolved again (their counts change)."""
    rows = con.execute("SELECT DISTINCT store_entity_id FROM entity_links "
                       "WHERE article_id IN (SELECT id FROM _resolve_pending)").fetchall()
    return {r[0] for r in rows}


def _now() -> str:
    import datetime as dt
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")
