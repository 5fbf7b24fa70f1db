"""JSON Lines: one object per line with id, url, source, published, title, text."""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..model import Article, Rejection
from .common import Options, decode, make_article, reject

FIELDS = ("id", "url", "source", "published", "title", "text")


def read_jsonl(data: bytes, origin: str, opts: Options) -> Iterator[Article | Rejection]:
    text = decode(data, origin)
    if isinstance(text, Rejection):
        yield text
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield reject(where, "bad-json", exc.msg)
            continue
        if not isinstance(obj, dict):
            yield reject(where, "bad-json", f"a JSON {type(obj).__name__}, not an object")
            continue
        yield from_mapping(obj, where, opts)


def from_mapping(obj: dict, where: str, opts: Options) -> Article | Rejection:
    if "text" not in obj:
        return reject(where, "missing-text", f"fields present: {', '.join(sorted(obj)) or 'none'}")
    return make_article(
        where, obj.get("text"), opts,
        id=obj.get("id"), published=obj.get("published"), url=obj.get("url"),
        source=obj.get("source"), title=obj.get("title"), lang=obj.get("lang"),
    )
