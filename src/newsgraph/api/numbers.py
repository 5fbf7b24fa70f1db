"""/api/v1/numbers: figures by category, counted phrase, claimant and date."""
from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Query

from ..store import api_queries as aq
from . import params
from .deps import con

router = APIRouter(tags=["numbers"])


@router.get("/numbers", summary="Figures, newest first")
def list_numbers(category: str | None = Query(None, max_length=30, pattern="^[A-Za-z_]+$",
                                              description="PERSONS KILLED INJURED ARRESTED DISPLACED MONEY ..."),
                 counted: str | None = Query(None, description="part of the counted phrase"),
                 claimant: str | None = Query(None, description="store-wide entity id or part of a name"),
                 date_from: dt.date | None = Query(None, alias="from", description="published on or after"),
                 date_to: dt.date | None = Query(None, alias="to", description="published on or before"),
                 limit: int = params.Limit, cursor: str | None = params.Cursor, c=Depends(con)) -> dict:
    counted, claimant = params.text("counted", counted), params.text("claimant", claimant)
    params.dates(date_from, date_to)
    offset = params.offset_of(cursor)
    items, total = aq.numbers(c, category=category, counted=counted, claimant=claimant,
                              date_from=date_from, date_to=date_to, limit=limit, offset=offset)
    return params.page(items, offset, limit, total)
