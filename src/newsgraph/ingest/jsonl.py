"""JSON Lines: one object per line with id, url, source, published, title, text, lang.

Streamed line by line (split on ``\\n`` only: U+2028, U+0085 or a form feed inside a string
is valid JSON), each line decoded and checked on its own, so one bad byte, NUL, deep
nesting or broken line rejects that line only."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ..model import Article, Rejection
from .common import Options, Source, Span, decode_record, make_article, reject
from .stream import read_lines

FIELDS = ("id", "url", "source", "published", "title", "text", "lang")
BOM = b"\xef\xbb\xbf"


def read_jsonl(stream: BinaryIO, src: Source, opts: Options, span: Span = Span()) -> Iterator[Article | Rejection]:
    for pos, lineno, raw in read_lines(stream, span, opts.record_cap):
        here = src.at(":", lineno)
        if raw is None:
            yield reject(here.name, "too-large", f"the line is over {opts.record_cap:,} bytes")
            continue
        if pos == 0 and raw.startswith(BOM):
            raw = raw[len(BOM):]
        yield from _line(raw, here, opts)


def _line(raw: bytes, here: Source, opts: Options) -> Iterator[Article | Rejection]:
    if not raw.strip():
        return
    line = decode_record(raw, here.name)
    if isinstance(line, Rejection):
        yield line
        return
    try:
        obj = json.loads(line, strict=False)  # raw control characters inside strings are kept
    except json.JSONDecodeError as exc:
        yield reject(here.name, "bad-json", f"{exc.msg} at column {exc.colno}")
        return
    except ValueError as exc:  # an integer of more than 4,300 digits
        yield reject(here.name, "bad-json", str(exc)[:200])
        return
    except RecursionError:
        yield reject(here.name, "bad-json", "the JSON is nested too deeply")
        return
    if not isinstance(obj, dict):
        yield reject(here.name, "bad-json", f"a JSON {type(obj).__name__}, not an object")
        return
    yield from_mapping(obj, here, opts)


def from_mapping(obj: dict, here: Source, opts: Options) -> Article | Rejection:
    if "text" not in obj:
        names = ", ".join(sorted(map(str, obj)))[:200]
        return reject(here.name, "missing-text", f"fields present: {names or 'none'}")
    return make_article(
        here, obj.get("text"), opts,
        id=obj.get("id"), published=obj.get("published"), url=obj.get("url"),
        source=obj.get("source"), title=obj.get("title"), lang=obj.get("lang"),
    )


def boundaries(stream: BinaryIO, cap: int) -> Iterator[tuple[int, int]]:
    """(byte offset, line number) of every line start: where a Dask range may begin."""
    for pos, lineno, _ in read_lines(stream, Span(), cap):
        yield pos, lineno
