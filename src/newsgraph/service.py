"""The one entry for every interface: the CLI, the API and the Dask runner call these.

    read()     input paths -> Articles and Rejections
    extract()  input paths -> records (dicts, the contract) and Rejections
    ingest()   input paths -> the store, idempotently, a transaction per batch
    search(), stats(), record(), export(), import_()
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .ingest import Options, expand_paths, read_paths
from .model import Article, ArticleRecord, Rejection
from .pipeline import Pipeline, select
from .store import DEFAULT_DB, Store, parquet, queries, writer

__all__ = ["Options", "IngestSummary", "read", "extract", "ingest", "search", "stats", "record",
           "export", "import_"]


def read(paths: Iterable[str], opts: Options | None = None) -> Iterator[Article | Rejection]:
    return read_paths(paths, opts)


def extract(paths: Iterable[str], opts: Options | None = None, *, n_process: int = 1,
            stages: Iterable[str] | None = None) -> Iterator[dict | Rejection]:
    """Records as dicts (the contract), in input order, with Rejections in between."""
    pipe = Pipeline(select(stages))
    rejected: list[Rejection] = []

    def articles() -> Iterator[Article]:
        for item in read_paths(paths, opts):
            if isinstance(item, Rejection):
                rejected.append(item)
            else:
                yield item

    for out in pipe.run(articles(), n_process=n_process):
        while rejected:
            yield rejected.pop(0)
        yield out.to_dict() if isinstance(out, ArticleRecord) else out
    yield from rejected


@dataclass
class IngestSummary:
    db: str
    read: int = 0  # articles read
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    extracted: int = 0  # articles that went through the NLP (new or changed)
    unsupported: int = 0  # stored without facts: their language has no pipeline
    unsupported_langs: dict[str, int] = field(default_factory=dict)  # language code -> articles
    seconds: float = 0.0
    rejections: list[Rejection] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    store: dict = field(default_factory=dict)


Progress = Callable[[IngestSummary], None]


def ingest(paths: Iterable[str], db: str = DEFAULT_DB, opts: Options | None = None, *,
           n_process: int = 1, batch_size: int = 64, progress: Progress | None = None,
           resolve: bool = True) -> IngestSummary:
    """Read, extract and store. Each batch commits on its own: an interrupted run keeps every
    committed article, and running again stores the rest (unchanged articles skip the NLP)."""
    t0 = time.perf_counter()
    summary = IngestSummary(db=str(db))
    pipe = Pipeline()
    with Store(db) as store:
        # a fixed input loses its old rejections: whole-file ones now, record ones chunk by chunk
        writer.clear_rejections(store, [f for f in expand_paths(paths) if f != "-"])

        def fresh() -> Iterator[Article]:
            for chunk in _chunked(read_paths(paths, opts), 256):
                arts = [a for a in chunk if isinstance(a, Article)]
                rejected = [r for r in chunk if isinstance(r, Rejection)]
                writer.clear_rejections(store, [i.origin for i in chunk])
                writer.write_rejections(store, rejected)
                summary.rejections += rejected
                summary.rejected += len(rejected)
                summary.read += len(arts)
                known = writer.stored_keys(store.con, [a.id for a in arts])
                for a in arts:
                    if known.get(a.id) == a.content_hash + "|" + pipe.versions(a):
                        summary.unchanged += 1
                    else:
                        summary.extracted += 1
                        yield a
                if progress:
                    progress(summary)

        batch: list[ArticleRecord] = []
        failed: list[Rejection] = []  # articles a stage failed on
        try:
            for out in pipe.run(fresh(), n_process=n_process):
                if isinstance(out, Rejection):
                    failed.append(out)
                    summary.rejections.append(out)
                    summary.rejected += 1
                    continue
                batch.append(out)
                if len(batch) >= batch_size:
                    _commit(store, batch, summary, progress)
        finally:
            _commit(store, batch, summary, progress)
            writer.write_rejections(store, failed)
        writer.rebuild_fts(store)
        if resolve:
            _resolve_hook(store)
        summary.store = queries.stats(store)
    summary.stage_seconds = {k: round(v, 3) for k, v in pipe.timings.seconds.items()}
    summary.unsupported_langs = dict(sorted(pipe.timings.unsupported.items()))
    summary.unsupported = sum(summary.unsupported_langs.values())
    summary.seconds = round(time.perf_counter() - t0, 3)
    return summary


def _resolve_hook(store: Store) -> None:
    """Cross-article resolution after each ingest and import (resolve/)."""
    from .resolve import run_incremental

    run_incremental(store)


def _chunked(it: Iterable, n: int) -> Iterator[list]:
    it = iter(it)
    while chunk := list(islice(it, n)):
        yield chunk


def _commit(store: Store, batch: list[ArticleRecord], summary: IngestSummary, progress: Progress | None) -> None:
    if not batch:
        return
    res = writer.write_records(store, batch)
    summary.inserted += res.inserted
    summary.replaced += res.replaced
    summary.unchanged += res.unchanged
    batch.clear()
    if progress:
        progress(summary)


def search(db: str, query: str, limit: int = 20) -> list[dict]:
    with Store(db, read_only=True) as store:
        return queries.search(store, query, limit)


def stats(db: str) -> dict:
    with Store(db, read_only=True) as store:
        return queries.stats(store)


def record(db: str, article_id: str) -> dict | None:
    with Store(db, read_only=True) as store:
        return queries.get_record(store, article_id)


def export(db: str, folder: str) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return parquet.export_parquet(store, folder)


def import_(db: str, folder: str) -> dict[str, int]:
    with Store(db) as store:
        counts = parquet.import_parquet(store, folder)
        writer.rebuild_fts(store)
        _resolve_hook(store)  # articles new to this store are linked, every decision replayed
        return counts
