"""Build the story store: the English articles through the real pipeline (service.ingest),
the Russian ones as hand-built records (russian.py) until the Russian pipeline lands, then
resolve. Used by the story tests (resolve, API, browser)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).parent


def _russian():
    spec = importlib.util.spec_from_file_location("story_russian", HERE / "russian.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build(db: str) -> str:
    from newsgraph import resolve, service
    from newsgraph.store import Store, queries, writer

    service.ingest([str(HERE / "articles_en.jsonl")], db=db, resolve=False)
    with Store(db) as store:
        writer.write_records(store, _russian().records())
        queries.rebuild_fts(store)
        resolve.run_incremental(store)
    return db
