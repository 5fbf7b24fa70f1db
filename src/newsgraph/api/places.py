"""/api/v1/places: places with coordinates and counts (JSON or GeoJSON); country shapes."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from ..store import api_queries as aq
from . import geojson, params
from .deps import con

router = APIRouter(tags=["places"])


@router.get("/places", summary="Places named in the articles, most written-about first")
def list_places(q: str | None = Query(None, description="part of a place name"),
                country: str | None = Query(None, max_length=3, pattern="^[A-Za-z]+$", description="ISO country code"),
                format: Literal["json", "geojson"] = Query("json"),
                limit: int = Query(100, ge=1, le=params.MAX_LIMIT), cursor: str | None = params.Cursor,
                c=Depends(con)) -> dict:
    q = params.text("q", q)
    offset = params.offset_of(cursor)
    items, total = aq.places(c, q=q, country=country, limit=limit, offset=offset)
    out = params.page(items, offset, limit, total)
    if format == "geojson":
        return geojson.collection(items, out["next"], total)
    return out


@router.get("/countries", summary="Country shapes (GeoJSON, from countryinfo) for an offline map",
            response_class=Response)
def countries(request: Request) -> Response:
    return Response(geojson.countries(), media_type="application/geo+json",
                    headers={"Cache-Control": "public, max-age=86400"})
