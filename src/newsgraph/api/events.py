"""/api/v1/events: events by type, actor, place and event date; JSON or GeoJSON."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import APIRouter, Depends, Query

from ..store import api_queries as aq
from . import geojson, params
from .deps import con

router = APIRouter(tags=["events"])


@router.get("/events", summary="Events, latest event date first")
def list_events(type: str | None = Query(None, max_length=30, pattern="^[A-Za-z_]+$",
                                         description="PLOVER type: PROTEST ASSAULT ACCUSE ..."),
                actor: str | None = Query(None, description="store-wide entity id or part of the actor's name"),
                place: str | None = Query(None, description="part of a place name, or a GeoNames id"),
                date_from: dt.date | None = Query(None, alias="from", description="event date on or after"),
                date_to: dt.date | None = Query(None, alias="to", description="event date on or before"),
                format: Literal["json", "geojson"] = Query("json"),
                limit: int = params.Limit, cursor: str | None = params.Cursor, c=Depends(con)) -> dict:
    actor, place = params.text("actor", actor), params.text("place", place)
    params.dates(date_from, date_to)
    offset = params.offset_of(cursor)
    items, total = aq.events(c, type_=type, actor=actor, place=place, date_from=date_from, date_to=date_to,
                             limit=limit, offset=offset)
    out = params.page(items, offset, limit, total)
    if format == "geojson":
        return geojson.collection(items, out["next"], total)
    return out
