"""/api/v1/clusters: one real event per row, however many outlets and languages reported
it; one cluster with every report and, field by field, where the reports disagree."""
from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Path, Query

from ..store import cluster_queries as cq
from . import params
from .deps import con
from .errors import not_found

router = APIRouter(tags=["clusters"])


@router.get("/clusters", summary="Event clusters, newest event first, with report, outlet and language counts")
def list_clusters(type: str | None = Query(None, max_length=20, pattern="^[A-Za-z_]+$",
                                           description="PLOVER type: PROTEST COERCE ASSAULT ..."),
                  date_from: dt.date | None = Query(None, alias="from", description="event date on or after"),
                  date_to: dt.date | None = Query(None, alias="to", description="event date on or before"),
                  place: str | None = Query(None, description="part of the place name, or an ISO country code"),
                  limit: int = params.Limit, cursor: str | None = params.Cursor, c=Depends(con)) -> dict:
    place = params.text("place", place)
    params.dates(date_from, date_to)
    offset = params.offset_of(cursor)
    items, total = cq.clusters(c, type_=type, date_from=date_from, date_to=date_to, place=place,
                               limit=limit, offset=offset)
    return params.page(items, offset, limit, total)


@router.get("/clusters/{cluster_id}", summary="One event cluster: every report, and where they disagree")
def get_cluster(cluster_id: str = Path(..., max_length=100, pattern=r"^[\w.:-]+$"), c=Depends(con)) -> dict:
    out = cq.cluster(c, cluster_id)
    if out is None:
        raise not_found("event cluster", cluster_id)
    return out
