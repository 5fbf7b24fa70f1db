"""Ctrl-C while DuckDB runs a statement exits 130 like any other interrupt, the store keeps
what was committed before (issue 16 item 9: it used to exit 2 with "internal error ...
please report it")."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from newsgraph.model import Article, ArticleRecord
from newsgraph.store import Store, writer

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _big_export(folder: Path, n: int) -> None:
    """An export of n tiny articles, made by DuckDB itself in a second."""
    folder.mkdir()
    con = duckdb.connect()
    con.execute(f"""COPY (SELECT 'art-' || i AS id, md5(i::VARCHAR) AS content_hash, NULL::VARCHAR AS url,
        'wire' AS source, DATE '2019-01-01' + (i % 1000)::INT AS published, 'title ' || i AS title, 'en' AS lang,
        'Police said ' || i || ' people were detained.' AS text, 0 AS text_offset, '{{}}' AS stages,
        'gen' AS origin, TIMESTAMP '2020-01-01' AS ingested_at FROM range({n}) t(i))
        TO '{folder / "articles.parquet"}' (FORMAT parquet)""")
    con.close()


def _signal_status(pid: int) -> str:
    """The child's signal masks (for the failure message)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return "?"
    return " ".join(x for x in lines if x.startswith(("SigBlk", "SigIgn", "SigCgt")))


def test_ctrl_c_inside_a_duckdb_statement_exits_130_and_keeps_the_store(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as st:  # committed before the interrupted command
        writer.write_records(st, [ArticleRecord(Article(id=f"kept{i}", text=f"kept text {i}"), {}, {})
                                  for i in range(3)])
    _big_export(tmp_path / "pq", 2_000_000)
    size = db.stat().st_size
    # the command starts as from a terminal, Ctrl-C not ignored: a test run in the background
    # of a shell ignores SIGINT, and a child would inherit that
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "import", "--db", str(db),
                             "--parquet", str(tmp_path / "pq")], env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # the INSERT of 2 million rows is running once DuckDB writes its row groups into the file
    # (before the commit): only then is the interrupt sent, whatever the machine's speed
    deadline = time.monotonic() + 120
    while db.stat().st_size < size + (4 << 20) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the import finished before the interrupt; the test proved nothing"
    status = _signal_status(proc.pid)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (err, status)
    assert "interrupted" in err and "internal error" not in err
    with Store(db, read_only=True) as st:
        ids = [r[0] for r in st.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    assert ids == ["kept0", "kept1", "kept2"]  # all of the interrupted import or none: none


def test_an_interrupted_query_is_an_interrupt(tmp_path):
    """The shapes DuckDB gives an interrupt, also when another error wraps it."""
    import threading

    from newsgraph import cli

    con = duckdb.connect()
    threading.Timer(0.5, con.interrupt).start()
    try:
        con.execute("SELECT count(*) FROM range(20000000000) t(x) WHERE hash(x) % 7 = 1").fetchall()
    except Exception as exc:  # noqa: BLE001 - whatever DuckDB raises is what the CLI sees
        caught = exc
    assert cli._is_interrupt(caught)
    try:
        try:
            raise caught
        except Exception as inner:
            raise ValueError("while writing") from inner
    except ValueError as wrapped:
        assert cli._is_interrupt(wrapped)
    assert not cli._is_interrupt(RuntimeError("a real bug"))
