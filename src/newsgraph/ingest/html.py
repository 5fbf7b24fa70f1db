"""HTML pages: main text and metadata through trafilatura.

Decoding: UTF-8 first (valid UTF-8 is almost never anything else), then the charset the
HTTP header or a ``<meta charset>`` declares (a Latin-1 page says so in its head)."""
from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator

from ..model import Article, Rejection
from .common import Options, Source, decode, make_article, reject

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_html(data: bytes, src: Source, opts: Options) -> Iterator[Article | Rejection]:
    html = decode_html(data, src.name)
    if isinstance(html, Rejection):
        yield html
        return
    yield from_html(html, src, opts)


def decode_html(data: bytes, origin: str, declared: str | None = None) -> str | Rejection:
    """An HTML page's bytes as text, or why they cannot be: UTF-8 first (``common.decode``),
    then the charset the caller or the page's ``<meta>`` declares."""
    text = decode(data, origin)
    if not (isinstance(text, Rejection) and text.code == "undecodable"):
        return text
    meta = _META_CHARSET.search(data[:8192])
    for charset in (declared, meta.group(1).decode("ascii") if meta else None):
        if not charset or _is_utf8(charset):
            continue
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            continue
    return reject(origin, "undecodable", f"{text.message} and no usable declared charset")


def _is_utf8(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False


def from_html(html: str, src: Source, opts: Options, *, url: str | None = None,
              fallback_date: str | None = None) -> Article | Rejection:
    import trafilatura  # heavy import, only when HTML is read

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        return reject(src.name, "bad-html")
    published = getattr(doc, "date", None) or fallback_date
    return make_article(
        src, doc.text, opts,
        published=published, url=getattr(doc, "url", None) or url,
        source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        title=getattr(doc, "title", None),
    )
