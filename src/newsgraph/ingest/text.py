"""Plain text: the seed format (``date YYYY-MM-DD`` then the body) or a bare .txt."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Article, Rejection
from .common import Options, decode, make_article, reject

_HEADER = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*\n?[ \t]*", re.IGNORECASE)


def read_text(data: bytes, origin: str, opts: Options) -> Iterator[Article | Rejection]:
    text = decode(data, origin)
    if isinstance(text, Rejection):
        yield text
        return
    m = _HEADER.match(text)
    if m is None:
        # A bare .txt: the text is the input unchanged; the date comes from --published.
        yield make_article(origin, text, opts)
        return
    body = text[m.end():]
    if not body.strip():
        yield reject(origin, "missing-text", "nothing after the 'date' line")
        return
    yield make_article(origin, body, opts, published=m.group(1), text_offset=m.end())
