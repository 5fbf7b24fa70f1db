"""HTML pages: main text and metadata through trafilatura."""
from __future__ import annotations

import logging
from collections.abc import Iterator

from ..model import Article, Rejection
from .common import Options, decode, make_article, reject

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def read_html(data: bytes, origin: str, opts: Options) -> Iterator[Article | Rejection]:
    html = decode(data, origin)
    if isinstance(html, Rejection):
        yield html
        return
    yield from_html(html, origin, opts)


def from_html(html: str, origin: str, opts: Options, *, url: str | None = None,
              fallback_date: str | None = None) -> Article | Rejection:
    import trafilatura  # heavy import, only when HTML is read

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        return reject(origin, "bad-html")
    published = getattr(doc, "date", None) or fallback_date
    return make_article(
        origin, doc.text, opts,
        published=published, url=getattr(doc, "url", None) or url,
        source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        title=getattr(doc, "title", None),
    )
