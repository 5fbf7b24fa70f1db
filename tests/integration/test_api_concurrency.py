"""`serve` keeps answering while `ingest` writes the same DuckDB file from another process,
`ingest` never fails because of the server, and committed articles appear in the API."""
from __future__ import annotations

import subprocess
import sys
import time

import httpx

from newsgraph.store import Store, writer
from test_api_helpers import Server, add_records, crafted_record


def _wait_for_articles(url: str, n: int, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        st = httpx.get(url + "/api/v1/stats", timeout=10).json()
        if st["articles"] == n:
            return st
        time.sleep(0.2)
    raise AssertionError(f"the server did not show {n} articles within {timeout} s")


def test_ingest_from_another_process_while_serving(tmp_path, seed_path):
    db = tmp_path / "store.duckdb"
    add_records(db, [crafted_record()])
    with Server(db) as srv:
        before = httpx.get(srv.url + "/api/v1/stats").json()
        proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "ingest", str(seed_path), "--db", str(db), "-q"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        answers = []
        while proc.poll() is None:  # reads go on while the writer works
            answers.append(httpx.get(srv.url + "/api/v1/articles", params={"limit": 5}, timeout=10).status_code)
            time.sleep(0.05)
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        assert answers and set(answers) == {200}
        st = _wait_for_articles(srv.url, 2)
        assert st["snapshot"]["version"] != before["snapshot"]["version"]
        deadline = time.monotonic() + 30  # the full-text index follows with the next snapshot at the latest
        while not httpx.get(srv.url + "/api/v1/articles", params={"q": "Bilisbekov"}).json()["items"]:
            assert time.monotonic() < deadline, "the new article never became searchable"
            time.sleep(0.2)


def test_a_writer_holding_the_file_open_does_not_stop_reads(tmp_path):
    db = tmp_path / "store.duckdb"
    add_records(db, [crafted_record()])
    with Server(db) as srv:
        with Store(db) as store:  # a writer holds the file (read-write lock) for a while
            rec = crafted_record()
            rec.article.id = "crafted-0002"
            writer.write_records(store, [rec])
            for _ in range(10):
                assert httpx.get(srv.url + "/api/v1/articles/crafted-0001", timeout=10).status_code == 200
            # a committed batch shows up even before the writer closes the file
            _wait_for_articles(srv.url, 2)
        assert httpx.get(srv.url + "/api/v1/articles/crafted-0002", timeout=10).status_code == 200
