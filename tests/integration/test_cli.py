"""The command line, run as a user runs it: a real process, a real DuckDB file."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from newsgraph.store import TABLES

NG = [sys.executable, "-m", "newsgraph.cli"]


def ng(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(NG + [str(a) for a in args], capture_output=True, text=True, timeout=600, **kw)


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


@pytest.fixture(scope="module")
def polnear_dir(gold, tmp_path_factory) -> Path:
    src = sorted((gold / "quotes" / "polnear" / "train" / "text").glob("*.txt"))[:60]
    assert len(src) == 60
    d = tmp_path_factory.mktemp("polnear")
    for f in src:
        shutil.copy(f, d / f.name)
    return d


def test_extract_seed_prints_one_record(seed_path):
    r = ng("extract", seed_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["published"] == "2019-02-24" and rec["schema"] == 1
    for ent in rec["entities"]:
        for s, e in ent["mentions"]:
            assert rec["text"][s:e].strip()


def test_help_for_every_command():
    for cmd in ("extract", "ingest", "stats", "search", "export", "import", "eval", "serve"):
        r = ng(cmd, "--help")
        assert r.returncode == 0 and "usage: newsgraph " + cmd in r.stdout


def test_errors_are_one_line(tmp_path):
    r = ng("ingest", tmp_path / "missing", "--db", tmp_path / "x.duckdb")
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "no such file" in r.stderr and "Traceback" not in r.stderr
    r = ng("stats", "--db", tmp_path / "none.duckdb")
    assert r.returncode == 2 and "newsgraph ingest" in r.stderr and "Traceback" not in r.stderr


def test_ingest_reports_rejections_and_keeps_good(tmp_path, seed_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(seed_path, d / "seed.txt")
    (d / "bad.jsonl").write_text('{"id": "j1", "text": "Troops left the town on Monday."}\n{broken\n')
    (d / "empty.txt").write_text("")
    db = tmp_path / "s.duckdb"
    r = ng("ingest", d, "--db", db, "-q")
    assert r.returncode == 1, r.stderr  # something was rejected
    assert "2 rejected" in r.stdout and "bad.jsonl:2" in r.stdout and "empty.txt" in r.stdout
    c = counts(db)
    assert c["articles"] == 2 and c["rejections"] == 2
    r2 = ng("ingest", d, "--db", db, "-q")
    assert "2 unchanged" in r2.stdout and counts(db) == c
    s = ng("search", "Bilisbekov", "--db", db)
    assert s.returncode == 0 and "1 article(s)" in s.stdout


def test_ingest_twice_and_export_import(tmp_path, polnear_dir):
    db = tmp_path / "p.duckdb"
    r = ng("ingest", polnear_dir, "--db", db, "-q", "--json")
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["inserted"] == 60 and summary["rejected"] == 0
    first = counts(db)
    r = ng("ingest", polnear_dir, "--db", db, "-q", "--json")
    assert json.loads(r.stdout)["unchanged"] == 60
    assert counts(db) == first
    assert ng("export", "--db", db, "--parquet", tmp_path / "pq").returncode == 0
    db2 = tmp_path / "q.duckdb"
    assert ng("import", "--db", db2, "--parquet", tmp_path / "pq").returncode == 0
    assert counts(db2) == first


@pytest.fixture(scope="module")
def polnear_jsonl(polnear_dir, tmp_path_factory) -> Path:
    """The same 60 articles as one JSONL without ids: each is identified by its line."""
    p = tmp_path_factory.mktemp("polnear_jsonl") / "all.jsonl"
    with open(p, "w") as f:
        for t in sorted(polnear_dir.glob("*.txt")):
            f.write(json.dumps({"text": t.read_text(), "published": "2016-06-01"}) + "\n")
    return p


@pytest.mark.parametrize("kind", ["folder", "jsonl"])
def test_kill_9_mid_ingest_then_rerun(tmp_path, polnear_dir, polnear_jsonl, kind):
    src = polnear_dir if kind == "folder" else polnear_jsonl
    db = tmp_path / "k.duckdb"
    proc = subprocess.Popen(NG + ["ingest", str(src), "--db", str(db), "-q", "--batch-size", "3"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not db.exists():
        time.sleep(0.2)
    time.sleep(4)  # the model loads, a few batches commit
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    mid = counts(db)
    assert mid["articles"] < 60, "the ingest finished before it was killed; the test proved nothing"
    con = duckdb.connect(str(db), read_only=True)  # no half article: facts only for stored articles
    for t in ("entities", "quotes", "numbers", "times", "places", "events"):
        orphans = con.execute(f"SELECT count(*) FROM {t} WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans.fetchone()[0] == 0
    con.close()
    r = ng("ingest", src, "--db", db, "-q", "--json")
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["unchanged"] == mid["articles"] and s["inserted"] == 60 - mid["articles"]
    assert s["extracted"] == 60 - mid["articles"]  # committed articles are not parsed again
    clean = tmp_path / "clean.duckdb"
    ng("ingest", src, "--db", clean, "-q")
    assert counts(db) == counts(clean)
