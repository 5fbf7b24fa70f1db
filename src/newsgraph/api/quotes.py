"""/api/v1/quotes: full-text search over quotes, by speaker, by publication date."""
from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Query

from ..store import api_queries as aq
from . import params
from .deps import con

router = APIRouter(tags=["quotes"])


@router.get("/quotes", summary="Quotes, newest first, or best match first with q")
def list_quotes(q: str | None = Query(None, description="full-text query over the quoted text"),
                speaker: str | None = Query(None, description="store-wide entity id or part of the speaker's name"),
                date_from: dt.date | None = Query(None, alias="from", description="published on or after"),
                date_to: dt.date | None = Query(None, alias="to", description="published on or before"),
                limit: int = params.Limit, cursor: str | None = params.Cursor, c=Depends(con)) -> dict:
    q, speaker = params.text("q", q), params.text("speaker", speaker)
    params.dates(date_from, date_to)
    offset = params.offset_of(cursor)
    items, total = aq.quotes(c, q=q, speaker=speaker, date_from=date_from, date_to=date_to,
                             limit=limit, offset=offset)
    return params.page(items, offset, limit, total)
