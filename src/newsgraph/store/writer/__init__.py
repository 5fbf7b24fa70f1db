"""The one writer: every write to the store goes through these functions.

    records.py   ArticleRecords and Rejections, idempotently, a batch per transaction
    resolve.py   the cross-article tables that resolve/ computes, and the user's decisions
    transfer.py  the import of a Parquet export (every table, decisions included)
    rows.py      the plumbing: typed bulk inserts from Python values, temporary id tables

Nothing else runs INSERT, UPDATE, DELETE or DROP on the store (a test greps for it); the
API's own helper tables live in the server's private snapshot (``store.snapshot``).
"""
from __future__ import annotations

from ..columns import ARTICLE_COLUMNS, JSON_FIELDS, fact_columns
from .records import WriteResult, clear_rejections, rebuild_fts, stored_keys, write_records, write_rejections
from .rows import delete_ids, delete_in, insert_rows, temp_ids, temp_table
from .transfer import import_parquet

__all__ = ["ARTICLE_COLUMNS", "JSON_FIELDS", "fact_columns", "WriteResult", "clear_rejections", "rebuild_fts", "stored_keys",
           "write_records", "write_rejections", "delete_ids", "delete_in", "insert_rows", "temp_ids",
           "temp_table", "import_parquet"]
