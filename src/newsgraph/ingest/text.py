"""Plain text: the seed format (``date YYYY-MM-DD`` then the body) or a bare .txt."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Article, Rejection
from .common import Options, Source, decode, make_article, reject

# The header is "date" and something shaped like a date; "Date palm growers ..." is a body.
_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{1,2}-\d{1,2}\S*)(?=\s|\Z)[ \t]*\n?[ \t]*", re.IGNORECASE)


def read_text(data: bytes, src: Source, opts: Options) -> Iterator[Article | Rejection]:
    text = decode(data, src.name)
    if isinstance(text, Rejection):
        yield text
        return
    m = _HEADER.match(text)
    if m is None:
        # A bare .txt: the text is the input unchanged; the date comes from --published.
        yield make_article(src, text, opts)
        return
    body = text[m.end():]
    if not body.strip():
        yield reject(src.name, "missing-text", "nothing after the 'date' line")
        return
    yield make_article(src, body, opts, published=m.group(1), text_offset=m.end())
