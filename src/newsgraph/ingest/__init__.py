"""Read input paths into Articles and Rejections, whatever their format.

``read_paths`` is the one entry: files, folders (recursively) and ``-`` (standard input).
A bad file or record becomes a ``Rejection``; it never stops the batch.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article, Rejection
from .common import DEFAULT_MAX_BYTES, Options, reject
from .csvfile import read_csv
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text
from .warc import read_warc

__all__ = ["Options", "DEFAULT_MAX_BYTES", "expand_paths", "read_paths", "read_bytes", "READERS"]

Reader = Callable[[bytes, str, Options], Iterator[Article | Rejection]]

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

# Whole files above this are not read into memory at all (a 50 MB "article").
_FILE_CEILING_FACTOR = 4


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for suffix, reader in READERS.items():
        if name.endswith(suffix):
            return reader
    return None


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
    for p in expand_paths(paths):
        if p == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", opts)
        else:
            yield from read_file(Path(p), opts)


def read_file(path: Path, opts: Options) -> Iterator[Article | Rejection]:
    origin = str(path)
    reader = reader_for(path)
    if reader is None:
        yield reject(origin, "unsupported", f"suffix {path.suffix or '(none)'!r}")
        return
    try:
        size = path.stat().st_size
        multi = reader in (read_jsonl, read_csv, read_warc)
        if not multi and size > opts.max_bytes * _FILE_CEILING_FACTOR:
            yield reject(origin, "too-large", f"the file is {size:,} bytes")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield reject(origin, "unreadable", exc.strerror or str(exc))
        return
    yield from reader(data, origin, opts)


def read_bytes(data: bytes, origin: str, opts: Options) -> Iterator[Article | Rejection]:
    """Standard input: guess the format from the first bytes."""
    head = data.lstrip()[:16]
    if head.startswith(b"{"):
        reader: Reader = read_jsonl
    elif head.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):
        reader = read_warc
    elif head.startswith(b"<"):
        reader = read_html
    else:
        reader = read_text
    yield from reader(data, origin, opts)
