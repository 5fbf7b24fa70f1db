"""Read input paths into Articles and Rejections, whatever their format.

``read_paths`` is the one entry: files, folders (recursively) and ``-`` (standard input).
Multi-record formats (JSONL, CSV, WARC) stream record by record from an open file, so
memory stays bounded whatever the file size; ``read_file`` can read one byte range of
such a file (the Dask runner's partitions). A bad file or record becomes a ``Rejection``;
it never stops the batch. Within one run an id read twice is one article when both
copies are the same, and a ``duplicate-id`` rejection naming both places when not.
"""
from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Article, Rejection
from .common import DEFAULT_MAX_BYTES, HARD_MAX_BYTES, Options, Source, Span, binary_file, is_origin_id, reject
from .csvfile import boundaries as csv_boundaries, read_csv
from .html import read_html
from .jsonl import BOM, boundaries as jsonl_boundaries, read_jsonl
from .stream import peek_head
from .text import read_text
from .warc import boundaries as warc_boundaries, read_warc

__all__ = ["Options", "Span", "DEFAULT_MAX_BYTES", "HARD_MAX_BYTES", "expand_paths", "read_paths",
           "read_file", "read_stream", "read_bytes", "record_boundaries", "splittable", "dedupe", "READERS"]

Reader = Callable[..., Iterator[Article | Rejection]]

# File suffix -> reader. Longest suffix first so ".warc.gz" wins over ".gz".
READERS: dict[str, Reader] = {
    ".warc.gz": read_warc,
    ".warc": read_warc,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
    ".txt": read_text,
}
# Streaming readers (an open binary file, any size) and where their records start.
MULTI: dict[Reader, Callable] = {read_jsonl: jsonl_boundaries, read_csv: csv_boundaries,
                                 read_warc: warc_boundaries}

# Single-record files above this are not read into memory at all (a 50 MB "article").
_FILE_CEILING_FACTOR = 4


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for suffix, reader in READERS.items():
        if name.endswith(suffix):
            return reader
    return None


def splittable(path: str) -> bool:
    """True for a format whose files the Dask runner may cut into byte ranges."""
    return reader_for(Path(path)) in MULTI


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Input files in a stable order: folders walked recursively (hidden and unknown files
    skipped), files kept as given, ``-`` kept for standard input."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p == "-" or (path.exists() and not path.is_dir()):
            out.append(p)
        elif path.is_dir():
            out += [str(f) for f in sorted(path.rglob("*")) if f.is_file() and reader_for(f)
                    and not any(part.startswith(".") for part in f.relative_to(path).parts)]
        else:
            raise InputError(f"{p}: no such file or folder; check the path")
    return out


def read_paths(paths: Iterable[str], opts: Options | None = None) -> Iterator[Article | Rejection]:
    """Yield an Article or a Rejection for every record in every path, in a stable order."""
    opts = opts or Options()
    return dedupe(_read_all(expand_paths(paths), opts))


def _read_all(files: list[str], opts: Options) -> Iterator[Article | Rejection]:
    for p in files:
        if p == "-":
            yield from read_stream(sys.stdin.buffer, Source("<stdin>"), opts)
        else:
            yield from read_file(Path(p), opts)


def read_file(path: Path, opts: Options, span: Span | None = None) -> Iterator[Article | Rejection]:
    """Every record of one file, or of the byte range ``span`` of a multi-record file."""
    src = Source(str(path), os.path.abspath(path))
    reader = reader_for(path)
    if reader is None:
        yield reject(src.name, "unsupported", f"suffix {path.suffix or '(none)'!r}")
        return
    try:
        with open(path, "rb") as f:
            if reader in MULTI:
                yield from _multi(reader, f, src, opts, span or Span())
                return
            if os.fstat(f.fileno()).st_size > opts.max_bytes * _FILE_CEILING_FACTOR:
                yield reject(src.name, "too-large", f"the file is {os.fstat(f.fileno()).st_size:,} bytes")
                return
            data = f.read()
    except OSError as exc:
        yield reject(src.name, "unreadable", exc.strerror or str(exc))
        return
    yield from reader(data, src, opts)


def _multi(reader: Reader, f: BinaryIO, src: Source, opts: Options, span: Span) -> Iterator[Article | Rejection]:
    head = f.read(8192)  # the file's head, whatever the span: a binary file is one rejection
    if not head.strip() or (reader is not read_warc and binary_file(head)):
        if span.start == 0:
            yield reject(src.name, "binary" if head.strip() else "empty")
        return
    f.seek(span.start)  # a reader starts where its span does (CSV reads its header first)
    yield from reader(f, src, opts, span)


def read_stream(stream: BinaryIO, src: Source, opts: Options) -> Iterator[Article | Rejection]:
    """Standard input: guess the format from the first bytes, then stream it (JSONL, WARC)
    or read it whole up to the size ceiling (one text or HTML article)."""
    head, stream = peek_head(stream)
    lead = head.removeprefix(BOM).lstrip()[:16]
    if lead.startswith(b"{"):
        yield from read_jsonl(stream, src, opts)
        return
    if lead.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):
        with tempfile.TemporaryFile(prefix="newsgraph-stdin-") as spool:  # fastwarc seeks
            shutil.copyfileobj(stream, spool, 1 << 20)
            spool.seek(0)
            yield from read_warc(spool, src, opts)
        return
    ceiling = opts.max_bytes * _FILE_CEILING_FACTOR
    data = stream.read(ceiling + 1)
    if len(data) > ceiling:
        yield reject(src.name, "too-large", f"standard input holds more than {ceiling:,} bytes")
        return
    yield from (read_html if lead.startswith(b"<") else read_text)(data, src, opts)


def read_bytes(data: bytes, origin: str, opts: Options) -> Iterator[Article | Rejection]:
    """Bytes held in memory (a request body, a test) read as standard input would be."""
    return read_stream(io.BytesIO(data), Source(origin), opts)


def record_boundaries(path: str, opts: Options) -> Iterator[tuple[int, int]]:
    """(byte offset, record number) where a byte range of a multi-record file may start."""
    reader = reader_for(Path(path))
    with open(path, "rb") as f:
        yield from MULTI[reader](f, opts.record_cap)


def dedupe(items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
    """Drop a second identical copy of an id; reject a second copy with different text.
    Only ids given by the input are remembered (about 200 bytes each): an id made from the
    record's place cannot repeat unless the same file is read twice, and then it is the same."""
    seen: dict[str, tuple[str, str]] = {}
    for item in items:
        if isinstance(item, Article) and not is_origin_id(item.id):
            first = seen.get(item.id)
            if first is None:
                seen[item.id] = (item.content_hash, item.origin)
            elif first[0] == item.content_hash:
                continue
            else:
                yield reject(item.origin, "duplicate-id",
                             f"id {item.id[:80]!r} was read first at {first[1]} with a different text or "
                             "date; this copy is not stored")
                continue
        yield item
