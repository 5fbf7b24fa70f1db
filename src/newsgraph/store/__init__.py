"""The DuckDB store: one file, a table per record list, transactional idempotent writes.

``Store`` owns the connection and creates every table (schema.sql here, resolve/schema.sql
for the cross-article tables); ``writer`` is the only code that writes; ``queries`` and
``api_queries`` hold the named reads; ``parquet`` the export/import of every table.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import duckdb

from ..errors import StoreError

DEFAULT_DB = "newsgraph.duckdb"  # the default of settings "db" (NEWSGRAPH_DB overrides it in the CLI)
FTS_VERSION = "v1.5.5"

# Tables in the order they are exported; "articles" first so imports can key on it.
TABLES = ("articles", "entities", "quotes", "numbers", "times", "places", "events", "rejections")


def fts_extension_path() -> str:
    try:
        import duckdb_extension_fts
    except ImportError as exc:  # pragma: no cover - a broken install
        raise StoreError("full-text search needs the package duckdb-extension-fts==1.5.5; pip install it") from exc
    path = Path(duckdb_extension_fts.__file__).parent / "extensions" / FTS_VERSION / "fts.duckdb_extension"
    if not path.exists():
        raise StoreError(f"{path} is missing; reinstall duckdb-extension-fts==1.5.5 to match duckdb 1.5.5")
    return str(path)


class Store:
    """An open newsgraph database file."""

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database; run 'newsgraph ingest PATH --db {self.path}' first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(
                f"{self.path}: cannot open the database ({exc}); is another newsgraph process writing to it?"
            ) from exc
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a DuckDB database or damaged ({exc})") from exc
        self._fts_loaded = False
        self.con.execute("SET enable_progress_bar = false")  # DuckDB's bar would go into --json output
        if not read_only:
            from .writer.resolve import ensure_store_schema

            ensure_store_schema(self.con)

    def load_fts(self) -> None:
        if not self._fts_loaded:
            self.con.execute(f"LOAD '{fts_extension_path()}'")
            self._fts_loaded = True

    @contextlib.contextmanager
    def transaction(self):
        """All or nothing: a crash or Ctrl-C inside leaves the file as it was before."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            with contextlib.suppress(duckdb.Error):  # an interrupted statement may have ended it already
                self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
