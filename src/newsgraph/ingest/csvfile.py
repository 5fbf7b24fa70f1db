"""CSV with a header row naming id, url, source, published, title, text (optional lang).

Streamed record by record. A record is one physical line, or more while a quoted cell is
open; it is decoded and parsed strictly on its own. A record that cannot be read (a quote
never closed, a stray quote, a bad byte) rejects its first line only and reading goes on
from the next line, so one error never swallows the next row or drops the rest of the file.
"""
from __future__ import annotations

import csv
import io
from collections import deque
from collections.abc import Iterator
from typing import BinaryIO

from ..model import Article, Rejection
from .common import Options, Source, Span, decode_record, reject
from .jsonl import BOM, from_mapping
from .stream import read_lines

csv.field_size_limit(2**31 - 1)

Line = tuple[int, int, bytes | None]  # offset, line number, bytes (None: longer than the cap)
Bad = tuple[str, str]  # a rejection code and what is wrong


def read_csv(stream: BinaryIO, src: Source, opts: Options, span: Span = Span()) -> Iterator[Article | Rejection]:
    cap = opts.record_cap
    stream.seek(0)
    records = _records(stream, Span(0, span.end if span.start == 0 else None), cap)
    header = _header(next(records, None), src)
    if isinstance(header, Rejection):
        yield header
        return
    if span.start > 0:
        records.close()
        stream.seek(span.start)
        records = _records(stream, span, cap)
    for _pos, lineno, row, _clean in records:
        here = src.at(":", lineno)
        if isinstance(row, tuple):
            yield reject(here.name, *row)
        elif row:
            yield _from_row(header, row, here, opts)


def _header(first, src: Source) -> list[str] | Rejection:
    if first is None:
        return reject(src.name, "empty")
    row = first[2]
    if isinstance(row, tuple):
        return reject(src.name, row[0], f"the header cannot be read: {row[1]}")
    names = [c.strip() for c in row]
    if "text" not in names:
        return reject(src.name, "missing-text", f"the header has no 'text' column: {names[:20]}")
    return names


def _from_row(header: list[str], row: list[str], here: Source, opts: Options) -> Article | Rejection:
    if len(row) > len(header):
        return reject(here.name, "bad-csv", f"{len(row)} cells but the header has {len(header)} columns")
    return from_mapping({k: v for k, v in zip(header, row) if k}, here, opts)


def _records(stream: BinaryIO, span: Span, cap: int) -> Iterator[tuple[int, int, list[str] | Bad, bool]]:
    """(offset, first line number, the parsed cells or why not, clean) for every record that
    starts inside ``span``; ``clean`` is False while lines read ahead wait to be re-read
    (a Dask range may only start where it is True)."""
    lines = read_lines(stream, Span(span.start, None, span.first), cap)
    pending: deque[Line] = deque()
    while True:
        first = pending.popleft() if pending else next(lines, None)
        if first is None or (span.end is not None and first[0] >= span.end):
            return
        pos, lineno, raw = first
        if raw is None:
            yield pos, lineno, ("too-large", f"the line is over {cap:,} bytes"), not pending
            continue
        if pos == 0 and raw.startswith(BOM):
            raw = raw[len(BOM):]
        parts, result = _assemble(raw, pending, lines, cap)
        if isinstance(result, tuple) and result[0] == "bad-csv" and len(parts) > 1:
            pending.extendleft(reversed(parts[1:]))  # read on from the next line
        yield pos, lineno, result, not pending


def _assemble(raw: bytes, pending: deque, lines: Iterator[Line], cap: int) -> tuple[list[Line], list[str] | Bad]:
    """One record from its first line and as many more as an open quoted cell needs."""
    first = _parse(raw)
    parts: list[Line] = [(0, 0, raw)]
    if not isinstance(first, tuple) or raw.count(b'"') % 2 == 0:
        return parts, first
    size, quotes = len(raw), raw.count(b'"')
    while quotes % 2:
        nxt = pending.popleft() if pending else next(lines, None)
        if nxt is None or nxt[2] is None or size + len(nxt[2]) > cap:
            if nxt is not None:
                pending.appendleft(nxt)
            why = "the file ends" if nxt is None else f"{cap:,} bytes later"
            return parts, ("bad-csv", f"a quoted cell opened on this line is still open when {why}; close the quote")
        parts.append(nxt)
        size += len(nxt[2])
        quotes += nxt[2].count(b'"')
    result = _parse(b"".join(p[2] for p in parts))
    if isinstance(result, tuple):
        return parts, (result[0], f"a quoted cell opened on this line does not parse when closed ({result[1]})")
    return parts, result


def _parse(raw: bytes) -> list[str] | Bad:
    """The cells of one record, or why it cannot be read: the structure is checked first
    ("bad-csv"), then the bytes ("binary", "undecodable") so a bad byte rejects the whole
    record it sits in."""
    text = raw.decode("utf-8", "surrogateescape")
    try:
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), strict=True) if r]
    except csv.Error as exc:
        return "bad-csv", str(exc)
    if len(rows) > 1:
        return "bad-csv", "more than one row in one record (stray carriage returns?)"
    checked = decode_record(raw, "")
    if isinstance(checked, Rejection):
        return checked.code, checked.message.split(":", 1)[0]
    return rows[0] if rows else []


def boundaries(stream: BinaryIO, cap: int) -> Iterator[tuple[int, int]]:
    """(byte offset, line number) of every record start where a Dask range may begin."""
    clean_before = True
    for pos, lineno, _row, clean in _records(stream, Span(), cap):
        if clean_before and pos > 0:
            yield pos, lineno
        clean_before = clean
