"""The scale-out path on a real Dask LocalCluster gives the same store as a local ingest."""
from __future__ import annotations

import shutil

import duckdb

from newsgraph import service
from newsgraph.scale import ingest_dask
from newsgraph.store import TABLES


def _dump(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        ents = con.execute("SELECT article_id, id, type, name, mentions FROM entities ORDER BY ALL").fetchall()
        return counts, ents
    finally:
        con.close()


def test_local_cluster_matches_local_ingest(tmp_path, gold, seed_path):
    d = tmp_path / "in"
    d.mkdir()
    for f in sorted((gold / "quotes" / "polnear" / "dev" / "text").glob("*.txt"))[:11]:
        shutil.copy(f, d / f.name)
    shutil.copy(seed_path, d / "seed.txt")
    (d / "broken.jsonl").write_text("{nope\n")
    s = ingest_dask([str(d)], str(tmp_path / "dask.duckdb"), scheduler="local", n_workers=2, files_per_task=4)
    assert s.workers == 2 and s.partitions == 4 and not s.failed_partitions
    assert s.articles == 12 and s.rejected == 1
    service.ingest([str(d)], str(tmp_path / "local.duckdb"))
    assert _dump(tmp_path / "dask.duckdb") == _dump(tmp_path / "local.duckdb")
    # running it again changes nothing
    ingest_dask([str(d)], str(tmp_path / "dask.duckdb"), scheduler="local", n_workers=2, files_per_task=4)
    assert _dump(tmp_path / "dask.duckdb") == _dump(tmp_path / "local.duckdb")
