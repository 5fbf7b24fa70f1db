"""/api/v1/entities: store-wide entities (search by name and type; one with its facts)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query

from ..store import api_queries as aq
from . import params
from .deps import con
from .errors import not_found

router = APIRouter(tags=["entities"])


@router.get("/entities", summary="Store-wide entities, most written-about first")
def list_entities(q: str | None = Query(None, description="part of a name (any variant)"),
                  type: str | None = Query(None, max_length=20, pattern="^[A-Za-z_]+$",
                                           description="PERSON ORG GPE LOC NORP FAC ..."),
                  limit: int = params.Limit, cursor: str | None = params.Cursor, c=Depends(con)) -> dict:
    q = params.text("q", q)
    offset = params.offset_of(cursor)
    items, total = aq.entities(c, q, type, limit, offset)
    return params.page(items, offset, limit, total)


@router.get("/entities/{entity_id}", summary="One entity: name variants, roles, articles, quotes, figures, events")
def get_entity(entity_id: str = Path(..., max_length=100), c=Depends(con)) -> dict:
    e = aq.entity(c, entity_id)
    if e is None:
        raise not_found("entity", entity_id)
    return e
