"""The Dask runner: the same pipeline over partitions of the input on a cluster.

Step by step:
1. plan on the client: small files are grouped ``files_per_task`` to a partition; a large
   JSONL, CSV or WARC file is cut into byte ranges of about ``bytes_per_task`` at record
   boundaries (a line, a CSV record, a WARC record), so one big file keeps every worker busy;
2. the client snapshots the stored articles' keys (id -> content hash and stage versions)
   as Parquet under ``work_dir`` (a path every worker can read and write); the workers read
   it, never the store (DuckDB has one writer: the client);
3. each Dask task reads its files or range, skips unchanged articles against the snapshot,
   runs ``Pipeline`` on the rest (the model loads once per worker process) and writes the
   records into an in-memory store exported as Parquet shards, one folder per partition;
4. the client takes the partitions in order: a duplicate id from an earlier partition is
   dropped from the shard (identical) or rejected (different), old rejections of what was
   read are cleared, and the shard is imported in its own transaction; then it re-indexes
   and resolves.
A failed partition does not lose the others: its files are reported and can be re-run.
"""
from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from itertools import chain, islice
from pathlib import Path

from .errors import InputError
from .ingest import Options, Span, dedupe, expand_paths, read_file, record_boundaries, splittable
from .ingest.common import is_origin_id, reject
from .model import Article, Rejection
from .pipeline import Pipeline
from .store import Store, parquet, writer

MIN_RANGE = 4096  # bytes: below this a range costs more in overhead than it saves
MAX_RANGE = 32 * 2**20  # bytes: what one task holds of one file at most

Part = list[tuple[str, dict | None]]  # (file, span as a dict or None for the whole file)


@dataclass
class DaskSummary:
    db: str
    partitions: int = 0
    articles: int = 0  # articles extracted in this run (new + replaced)
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    unsupported: int = 0  # stored without facts: their language has no pipeline
    failed_partitions: list[str] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 0


def list_files(paths: Iterable[str]) -> list[str]:
    """Every input file under the given paths, in a stable order (no standard input)."""
    files = expand_paths(paths)
    if "-" in files:
        raise InputError("the Dask runner cannot read standard input; pass files or folders")
    return files


def byte_ranges(path: str, opts: Options, target: int) -> list[Span]:
    """Spans of about ``target`` bytes that start and end at record boundaries."""
    spans, start, first = [], 0, 1
    for pos, number in record_boundaries(path, opts):
        if pos - start >= target:
            spans.append(Span(start, pos, first))
            start, first = pos, number
    spans.append(Span(start, None, first))
    return spans


def plan(files: list[str], opts: Options, *, n_workers: int, files_per_task: int,
         bytes_per_task: int | None = None) -> list[Part]:
    sizes = {f: os.path.getsize(f) for f in files}
    if bytes_per_task is None:  # about four tasks per worker, within bounds
        bytes_per_task = max(MIN_RANGE, min(MAX_RANGE, sum(sizes.values()) // max(1, 4 * n_workers)))
    parts: list[Part] = []
    group: Part = []
    for f in files:
        if splittable(f) and sizes[f] > bytes_per_task:
            parts += [[(f, asdict(s))] for s in byte_ranges(f, opts, bytes_per_task)]
            continue
        group.append((f, None))
        if len(group) >= files_per_task:
            parts.append(group)
            group = []
    return parts + ([group] if group else [])


def _unchanged(known_path: str, arts: list[Article], pipe: Pipeline) -> set[str]:
    """Ids among ``arts`` stored with the same content hash and stage versions (read from the
    client's snapshot of the store's keys; the store itself stays with the client)."""
    import duckdb

    if not arts:
        return set()
    with duckdb.connect() as con:
        keys = dict(con.execute("SELECT id, key FROM read_parquet(?) WHERE id IN (SELECT unnest(?))",
                                [known_path, [a.id for a in arts]]).fetchall())
    return {a.id for a in arts if keys.get(a.id) == a.content_hash + "|" + pipe.versions(a)}


def process_partition(part: Part, opts: Options, out_dir: str, known_path: str, batch_size: int = 64) -> dict:
    """One Dask task: files or a byte range -> records -> Parquet shards in ``out_dir``."""
    pipe = Pipeline()
    seen: list[tuple[str, str, str, bool]] = []  # (id, content hash, origin, extracted) per article
    origins: list[str] = []
    rejections: list[Rejection] = []

    def fresh():
        items = dedupe(chain.from_iterable(read_file(Path(f), opts, Span(**s) if s else None) for f, s in part))
        while chunk := list(islice(items, 1024)):  # one look-up in the snapshot per chunk
            origins.extend(i.origin for i in chunk)
            rejections.extend(i for i in chunk if isinstance(i, Rejection))
            arts = [a for a in chunk if isinstance(a, Article)]
            same = _unchanged(known_path, arts, pipe)
            for a in arts:
                seen.append((a.id, a.content_hash, a.origin, a.id not in same))
                if a.id not in same:
                    yield a

    stored = 0
    with Store(":memory:") as st:
        batch = []
        for out in chain(pipe.run(fresh()), [None]):
            if isinstance(out, Rejection):
                rejections.append(out)
            elif out is not None:
                batch.append(out)
            if batch and (out is None or len(batch) >= batch_size):
                stored += len(batch)
                writer.write_records(st, batch)
                batch = []
        writer.write_rejections(st, rejections)
        parquet.export_parquet(st, out_dir)
    return {"dir": out_dir, "articles": stored, "rejected": len(rejections), "seen": seen, "origins": origins,
            "unsupported": sum(pipe.timings.unsupported.values())}


def ingest_dask(paths: Iterable[str], db: str, opts: Options | None = None, *, scheduler: str = "local",
                n_workers: int = 2, files_per_task: int = 50, bytes_per_task: int | None = None,
                work_dir: str | None = None, resolve: bool = True) -> DaskSummary:
    """Ingest on a Dask cluster: ``scheduler`` is "local" (a LocalCluster of ``n_workers``
    processes) or the address of a running scheduler (tcp://host:8786)."""
    from dask.distributed import Client, LocalCluster

    t0 = time.perf_counter()
    opts = opts or Options()
    files = list_files(paths)
    parts = plan(files, opts, n_workers=n_workers, files_per_task=files_per_task, bytes_per_task=bytes_per_task)
    summary = DaskSummary(db=db, partitions=len(parts))
    tmp = tempfile.TemporaryDirectory(prefix="newsgraph-dask-") if work_dir is None else None
    base = Path(work_dir or tmp.name)
    base.mkdir(parents=True, exist_ok=True)
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                           dashboard_address=None) if scheduler == "local" else None
    try:
        with Client(cluster if cluster is not None else scheduler) as client, Store(db) as store:
            summary.workers = len(client.scheduler_info()["workers"])
            known = str(base / "known.parquet")
            store.con.execute("COPY (SELECT id, content_hash || '|' || stages AS key FROM articles) TO "
                              f"'{known.replace(chr(39), chr(39) * 2)}' (FORMAT parquet)")
            writer.clear_rejections(store, files)
            futures = [client.submit(process_partition, part, opts, str(base / f"part-{i:06d}"), known,
                                     pure=False) for i, part in enumerate(parts)]
            _collect(store, parts, futures, summary)
            writer.rebuild_fts(store)
            if resolve:
                from .service import _resolve_hook
                _resolve_hook(store)
    finally:
        if cluster is not None:
            cluster.close()
        if tmp is not None:
            tmp.cleanup()
    summary.seconds = round(time.perf_counter() - t0, 3)
    return summary


def _collect(store: Store, parts: list[Part], futures: list, summary: DaskSummary) -> None:
    """Import the partitions in order (the first copy of a duplicated id wins, as locally)."""
    first: dict[str, tuple[str, str]] = {}  # id -> (content hash, origin) over the whole run
    for part, fut in zip(parts, futures):
        try:
            res = fut.result()
        except Exception as exc:  # one partition's failure keeps the others
            summary.failed_partitions.append(f"{part[0][0]} .. {part[-1][0]}: {type(exc).__name__}: {exc}")
            continue
        kept, drop, dup = _settle(res["seen"], first, summary)
        if drop:
            _drop_from_shard(store, res["dir"], drop)
        replaced = len(writer.stored_keys(store.con, kept))
        summary.replaced += replaced
        summary.new += len(kept) - replaced
        summary.articles += len(kept)
        writer.clear_rejections(store, res["origins"])
        parquet.import_parquet(store, res["dir"])
        writer.write_rejections(store, dup)
        summary.rejected += res["rejected"] + len(dup)
        summary.unsupported += res["unsupported"]


def _settle(seen: list, first: dict, summary: DaskSummary) -> tuple[list[str], list[str], list[Rejection]]:
    """The extracted ids to import, the ids to drop (read earlier in this run) and the
    rejections of copies whose text differs from the first one."""
    kept, drop, dup = [], [], []
    for aid, chash, origin, extracted in seen:
        prior = None if is_origin_id(aid) else first.setdefault(aid, (chash, origin))
        if prior is not None and prior[1] != origin:
            if extracted:
                drop.append(aid)
            if prior[0] != chash:
                dup.append(reject(origin, "duplicate-id", f"id {aid[:80]!r} was read first at {prior[1]} "
                                  "with a different text or date; this copy is not stored"))
        elif extracted:
            kept.append(aid)
        else:
            summary.unchanged += 1
    return kept, drop, dup


def _drop_from_shard(store: Store, folder: str, ids: list[str]) -> None:
    """Rewrite a shard without the given articles (copies of ids an earlier partition had)."""
    for f in Path(folder).glob("*.parquet"):
        if f.stem == "rejections":
            continue
        col = "id" if f.stem == "articles" else "article_id"
        tmp = f.with_suffix(".tmp")
        store.con.execute(f"COPY (SELECT * FROM read_parquet(?) WHERE {col} NOT IN (SELECT unnest(?))) "
                          f"TO '{str(tmp).replace(chr(39), chr(39) * 2)}' (FORMAT parquet)", [str(f), ids])
        tmp.replace(f)
