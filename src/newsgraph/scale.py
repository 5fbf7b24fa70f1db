"""The Dask runner: the same pipeline over partitions of input files on a cluster.

Step by step:
1. list the input files on the client and cut them into partitions of ``files_per_task``;
2. each Dask task reads its files, runs ``Pipeline`` (the model loads once per worker
   process) and writes its records into an in-memory store exported as Parquet shards,
   one folder per partition, under ``work_dir`` (a path every worker can write to);
3. the client imports the shards into the DuckDB store, partition by partition, each in
   its own transaction (``store.parquet.import_parquet``), then re-indexes and resolves.
A failed partition does not lose the others: its files are reported and can be re-run.
"""
from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .ingest import Options, expand_paths, read_paths
from .model import ArticleRecord, Rejection
from .pipeline import Pipeline
from .store import Store, parquet, queries, writer


@dataclass
class DaskSummary:
    db: str
    partitions: int = 0
    articles: int = 0
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


def process_partition(files: list[str], opts: Options, out_dir: str) -> dict:
    """One Dask task: files -> records -> Parquet shards in ``out_dir``. Runs on a worker."""
    pipe = Pipeline()
    records: list[ArticleRecord] = []
    rejections: list[Rejection] = []
    articles = []
    for item in read_paths(files, opts):
        (rejections if isinstance(item, Rejection) else articles).append(item)
    for out in pipe.run(articles):
        (rejections if isinstance(out, Rejection) else records).append(out)
    with Store(":memory:") as st:
        writer.write_records(st, records)
        writer.write_rejections(st, rejections)
        parquet.export_parquet(st, out_dir)
    return {"dir": out_dir, "articles": len(records), "rejected": len(rejections),
            "unsupported": sum(pipe.timings.unsupported.values())}


def ingest_dask(paths: Iterable[str], db: str, opts: Options | None = None, *, scheduler: str = "local",
                n_workers: int = 2, files_per_task: int = 50, work_dir: str | None = None,
                resolve: bool = True) -> DaskSummary:
    """Ingest on a Dask cluster: ``scheduler`` is "local" (a LocalCluster of ``n_workers``
    processes) or the address of a running scheduler (tcp://host:8786)."""
    from dask.distributed import Client, LocalCluster, as_completed

    t0 = time.perf_counter()
    opts = opts or Options()
    files = list_files(paths)
    parts = [files[i:i + files_per_task] for i in range(0, len(files), files_per_task)]
    summary = DaskSummary(db=db, partitions=len(parts))
    tmp = tempfile.TemporaryDirectory(prefix="newsgraph-dask-") if work_dir is None else None
    base = Path(work_dir or tmp.name)
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                           dashboard_address=None) if scheduler == "local" else None
    try:
        with Client(cluster if cluster is not None else scheduler) as client, Store(db) as store:
            summary.workers = len(client.scheduler_info()["workers"])
            futures = {client.submit(process_partition, part, opts, str(base / f"part-{i:06d}"),
                                     pure=False): part for i, part in enumerate(parts)}
            for fut in as_completed(futures):
                try:
                    res = fut.result()
                except Exception as exc:  # one partition's failure keeps the others
                    part = futures[fut]
                    summary.failed_partitions.append(f"{part[0]} .. {part[-1]}: {type(exc).__name__}: {exc}")
                    continue
                parquet.import_parquet(store, res["dir"])
                summary.articles += res["articles"]
                summary.rejected += res["rejected"]
                summary.unsupported += res["unsupported"]
            queries.rebuild_fts(store)
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
