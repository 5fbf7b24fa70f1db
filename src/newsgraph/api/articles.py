"""/api/v1/articles: list with filters and full-text search; one article's full record."""
from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Path, Query, Response

from ..store import api_queries as aq
from . import params
from .deps import con
from .errors import not_found

router = APIRouter(tags=["articles"])


@router.get("/articles", summary="Articles, newest first, or best match first with q")
def list_articles(q: str | None = Query(None, description="full-text query over title and text"),
                  date_from: dt.date | None = Query(None, alias="from", description="published on or after (YYYY-MM-DD)"),
                  date_to: dt.date | None = Query(None, alias="to", description="published on or before (YYYY-MM-DD)"),
                  source: str | None = Query(None, description="outlet, exact (case-insensitive)"),
                  limit: int = params.Limit, cursor: str | None = params.Cursor, c=Depends(con)) -> dict:
    q, source = params.text("q", q), params.text("source", source)
    params.dates(date_from, date_to)
    offset = params.offset_of(cursor)
    items, total = aq.articles(c, q, date_from, date_to, source, limit, offset)
    return params.page(items, offset, limit, total)


class _Cur:  # the store's named queries read `store.con`
    def __init__(self, c):
        self.con = c


@router.get("/articles/{article_id}", summary="One article's full record (the contract of DESIGN.md)",
            response_class=Response, responses={200: {"content": {"application/json": {}}}})
def get_article(article_id: str = Path(..., max_length=200), c=Depends(con)) -> Response:
    rec = aq.record_json(c, article_id)
    if rec is None:
        raise not_found("article", article_id)
    return Response(rec, media_type="application/json")


@router.get("/articles/{article_id}/entities", summary="The store-wide entity of each of the article's entities")
def get_article_entities(article_id: str = Path(..., max_length=200), c=Depends(con)) -> dict:
    if not aq.article_exists(c, article_id):
        raise not_found("article", article_id)
    return {"article": article_id, "entities": aq.entity_links(c, article_id)}
