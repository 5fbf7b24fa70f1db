"""Parameters shared by the list endpoints: limit, an opaque cursor, and text checks."""
from __future__ import annotations

import base64
import json

from fastapi import Query

from .. import settings
from .errors import bad_parameter

MAX_LIMIT = settings.get("page_limit")  # read once, when the API is imported
MAX_TEXT = 200
MAX_OFFSET = 2**31 - 1  # no store pages this far; DuckDB's OFFSET overflows past 2^63

Limit = Query(20, ge=1, le=MAX_LIMIT, description=f"items per page (1-{MAX_LIMIT})")
Cursor = Query(None, max_length=200, description="the `next` value of the previous page")


def offset_of(cursor: str | None) -> int:
    """Decode a cursor made by ``next_cursor``; 400 naming `cursor` if it is not one."""
    if not cursor:
        return 0
    try:
        pad = "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(cursor + pad))
        offset = data["o"]
    except (ValueError, TypeError, KeyError):
        raise bad_parameter("cursor", "not a cursor this API made; pass the `next` value of the previous page")
    if type(offset) is not int or not 0 <= offset <= MAX_OFFSET:
        raise bad_parameter("cursor", "not a cursor this API made; pass the `next` value of the previous page")
    return offset


def next_cursor(offset: int, limit: int, got: int, total: int | None) -> str | None:
    end = offset + got
    if got < limit or (total is not None and end >= total):
        return None
    raw = json.dumps({"o": end}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def text(name: str, value: str | None) -> str | None:
    """A free-text parameter: trimmed; 400 if it holds control characters or is too long."""
    if value is None:
        return None
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise bad_parameter(name, f"at most {MAX_TEXT} characters")
    if any(ord(c) < 32 for c in value):
        raise bad_parameter(name, "control characters are not allowed")
    return value or None


def dates(date_from, date_to) -> None:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise bad_parameter("from", f"{date_from} is after to={date_to}")


def page(items: list, offset: int, limit: int, total: int | None) -> dict:
    return {"items": items, "total": total, "next": next_cursor(offset, limit, len(items), total)}
