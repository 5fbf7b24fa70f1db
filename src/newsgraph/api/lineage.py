"""/api/v1/quotes/{id}/lineage and /api/v1/series/{id}: one statement as every outlet and
language reported it; one claim series with its conflicting claims.

A quote id is ``ARTICLE:Qn`` (the article id, a colon, the quote's id in its record)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Path

from ..store import cluster_queries as cq
from .deps import con
from .errors import bad_parameter, not_found

router = APIRouter(tags=["lineage"])


@router.get("/quotes/{quote_id:path}/lineage", summary="The reports of one statement, with wording and attribution drift")
def quote_lineage(quote_id: str = Path(..., max_length=300), c=Depends(con)) -> dict:
    article, sep, qid = quote_id.rpartition(":")
    if not sep or not article or not qid or any(ord(ch) < 32 for ch in quote_id):
        raise bad_parameter("id", "a quote id is ARTICLE:Qn, e.g. 'a1:Q2' (article id, colon, quote id)")
    out = cq.quote_lineage(c, article, qid)
    if out is None:
        raise not_found("quote", quote_id)
    return out


@router.get("/series/{series_id}", summary="One claim series: its points and the conflicts between claimants")
def get_series(series_id: str = Path(..., max_length=100, pattern=r"^[\w.:-]+$"), c=Depends(con)) -> dict:
    out = cq.series_one(c, series_id)
    if out is None:
        raise not_found("series", series_id)
    return out
