"""Issue 12: one writer, one read path, one settings module, checked over the source tree."""
from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "newsgraph"
WRITES = re.compile(r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|DROP\s+TABLE|ALTER\s+TABLE|"
                    r"CREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+)?TABLE|create_fts_index|executemany)\b", re.I)
# The API server's helper tables live in its private snapshot copy, never in the user's file.
SNAPSHOT = SRC / "store" / "snapshot.py"
# Writes into private scratch databases that are not the store: (module, the statement's start).
SCRATCH = {("scale.py", 'con.execute("CREATE TABLE known AS SELECT * FROM read_parquet(?)"'):
           "a Dask worker's in-memory copy of the stored keys (duckdb.connect() without a file)"}


def _modules():
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def test_only_the_writer_writes_to_the_store():
    writer = SRC / "store" / "writer"
    offenders = []
    for p in _modules():
        if writer in p.parents or p == SNAPSHOT:
            continue
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            rel = str(p.relative_to(SRC))
            if WRITES.search(line) and not any(rel == m and line.strip().startswith(t) for m, t in SCRATCH):
                offenders.append(f"{p.relative_to(SRC)}:{n}: {line.strip()}")
    assert not offenders, "writes outside store/writer:\n" + "\n".join(offenders)


def test_the_writer_check_finds_a_write():
    assert WRITES.search('con.execute("DELETE FROM series WHERE id = ?")')
    assert WRITES.search("con.execute(f'INSERT OR IGNORE INTO {t} VALUES (?)')")
    assert not WRITES.search('con.execute("SELECT * FROM deleted_things")')


def test_the_api_reads_through_named_queries_only():
    """api/ imports no writer and runs no SQL of its own (it calls store.queries/api_queries)."""
    offenders = []
    for p in sorted((SRC / "api").glob("*.py")):
        text = p.read_text(encoding="utf-8")
        if re.search(r"store\.writer|from \.\.store import .*writer|\bSELECT\b", text):
            offenders.append(str(p.relative_to(SRC)))
    assert not offenders, offenders


def test_writer_modules_stay_small():
    for p in sorted((SRC / "store").rglob("*.py")):
        assert len(p.read_text(encoding="utf-8").splitlines()) < 400, p
