"""Column lists of the store's tables, shared by the writer and the named reads."""
from __future__ import annotations

from dataclasses import fields

from ..model import FACT_TYPES

# Fact columns holding JSON text (nested lists of the record).
JSON_FIELDS = {"mentions", "roles", "trigger", "sentence"}

ARTICLE_COLUMNS = ["id", "content_hash", "url", "source", "published", "title", "lang", "text",
                   "text_offset", "stages", "origin", "ingested_at"]


def fact_columns(list_name: str) -> list[str]:
    """Store columns of a fact table, in schema order (the dataclass fields)."""
    return ["article_id"] + [f.name for f in fields(FACT_TYPES[list_name])] + ["stage_version"]
