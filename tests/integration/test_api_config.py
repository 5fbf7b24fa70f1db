"""The serve configuration: the map tile URL is optional and checked."""
from __future__ import annotations

import pytest

from newsgraph.api import tile_url
from newsgraph.errors import InputError


def test_tile_url(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_TILE_URL", raising=False)
    assert tile_url() is None
    monkeypatch.setenv("NEWSGRAPH_TILE_URL", "https://t.example/{z}/{x}/{y}.png")
    assert tile_url() == "https://t.example/{z}/{x}/{y}.png"
    monkeypatch.setenv("NEWSGRAPH_TILE_URL", "file:///etc/passwd")
    with pytest.raises(InputError, match="NEWSGRAPH_TILE_URL"):
        tile_url()


def test_serving_a_file_that_is_no_store_says_so(tmp_path):
    import duckdb

    from newsgraph.api import Reader
    from newsgraph.errors import StoreError

    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    with pytest.raises(StoreError, match="junk.duckdb.*not a newsgraph DuckDB store"):
        Reader(junk)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()  # a DuckDB file without newsgraph's tables
    with pytest.raises(StoreError, match="other.duckdb.*not a newsgraph DuckDB store"):
        Reader(other)
    with pytest.raises(StoreError, match="run 'newsgraph ingest"):
        Reader(tmp_path / "missing.duckdb")
