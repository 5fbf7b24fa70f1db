"""/api/v1/stats: what the store holds, and which snapshot of it is being served."""
from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request

from ..store import queries
from .articles import _Cur
from .deps import con

router = APIRouter(tags=["stats"])


@router.get("/stats", summary="Counts per table, date range, entity types, rejections")
def get_stats(request: Request, c=Depends(con)) -> dict:
    out = queries.stats(_Cur(c))
    snap = request.state.snapshot
    out["snapshot"] = {"version": snap.version,
                       "modified": dt.datetime.fromtimestamp(snap.modified, dt.timezone.utc).isoformat()}
    out["config"] = {"tiles": request.app.state.tiles}
    return out
