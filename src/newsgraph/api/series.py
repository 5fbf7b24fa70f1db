"""/api/v1/series: a counted phrase over time, each point with its claimant and article."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ..store import api_queries as aq
from . import params
from .deps import con

router = APIRouter(tags=["series"])


@router.get("/series", summary="Figures grouped by category and counted phrase, points in date order")
def list_series(q: str | None = Query(None, description="part of the counted phrase, or a category"),
                category: str | None = Query(None, max_length=30, pattern="^[A-Za-z_]+$"),
                limit: int = params.Limit, cursor: str | None = params.Cursor, c=Depends(con)) -> dict:
    q = params.text("q", q)
    offset = params.offset_of(cursor)
    items, total = aq.series(c, q=q, category=category, limit=limit, offset=offset)
    return params.page(items, offset, limit, total)
