"""WARC / WARC.gz crawls: every HTML response record is an article.

Streamed record by record through fastwarc (a record's body is read up to the size cap,
never the whole file). A record cut short by the end of the file is reported, not dropped.
Records are numbered among the response records of the file: ``crawl.warc.gz#12``."""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..model import Article, Rejection
from .common import Options, Source, Span, reject
from .html import decode_html, from_html

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _records(stream: BinaryIO, span: Span):
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    if span.start:
        stream.seek(span.start)
    n = span.first - 1
    for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=False):
        if span.end is not None and record.stream_pos >= span.end:
            return
        n += 1
        yield n, record


def read_warc(stream: BinaryIO, src: Source, opts: Options, span: Span = Span()) -> Iterator[Article | Rejection]:
    n = span.first - 1
    try:
        for n, record in _records(stream, span):
            item = _record(record, src.at("#", n), opts)
            if item is not None:
                yield item
    except BaseException as exc:  # fastwarc raises plain exceptions (or panics) on damaged input
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        yield reject(src.at("#", n + 1).name, "bad-warc", f"{type(exc).__name__}: {exc}"[:200])


def _record(record, here: Source, opts: Options) -> Article | Rejection | None:
    declared = record.headers.get("Content-Length")
    block = record.reader.read(opts.record_cap + 1)
    if len(block) > opts.record_cap:
        return reject(here.name, "too-large", f"the record is over {opts.record_cap:,} bytes")
    if declared is None or not declared.strip().isdigit() or len(block) < int(declared):
        return reject(here.name, "bad-warc", f"the record is cut short ({len(block):,} of {declared or '?'} bytes)")
    url = record.headers.get("WARC-Target-URI")
    head, _, body = block.partition(b"\r\n\r\n")
    headers = _http_headers(head)
    ctype = headers.get("content-type", "")
    if "html" not in ctype.lower():
        return None  # an image, a script, a robots.txt: not an article
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    m = _CHARSET.search(ctype)
    html = decode_html(body, here.name, m.group(1) if m else None)
    if isinstance(html, Rejection):
        return html
    warc_date = (record.headers.get("WARC-Date") or "")[:10] or None
    return from_html(html, here, opts, url=url, fallback_date=warc_date)


def _http_headers(head: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in head.decode("latin-1").split("\r\n")[1:]:
        name, sep, value = line.partition(":")
        if sep:
            out[name.strip().lower()] = value.strip()
    return out


def _dechunk(body: bytes) -> bytes:
    out, pos = bytearray(), 0
    while True:
        eol = body.find(b"\r\n", pos)
        try:
            size = int(body[pos:eol].split(b";")[0], 16) if eol >= 0 else 0
        except ValueError:
            return body  # not really chunked: keep the bytes as they are
        if size == 0:
            return bytes(out)
        out += body[eol + 2:eol + 2 + size]
        pos = eol + 2 + size + 2


def boundaries(stream: BinaryIO, cap: int) -> Iterator[tuple[int, int]]:
    """(byte offset, record number) of every response record: where a Dask range may begin."""
    gz = os.pread(stream.fileno(), 2, 0) == b"\x1f\x8b"
    for n, record in _records(stream, Span()):
        if gz and os.pread(stream.fileno(), 2, record.stream_pos) != b"\x1f\x8b":
            return  # one gzip stream for many records: no offset to seek to, the rest stays whole
        yield record.stream_pos, n
