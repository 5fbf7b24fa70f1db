"""CSV with a header row naming id, url, source, published, title, text."""
from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from ..model import Article, Rejection
from .common import Options, decode, reject
from .jsonl import from_mapping

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_csv(data: bytes, origin: str, opts: Options) -> Iterator[Article | Rejection]:
    text = decode(data, origin)
    if isinstance(text, Rejection):
        yield text
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        yield reject(origin, "missing-text", f"the header has no 'text' column: {reader.fieldnames}")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reject(f"{origin}:{reader.line_num}", "bad-csv", str(exc))
            return
        where = f"{origin}:{reader.line_num}"
        if None in row:  # more cells than header columns
            yield reject(where, "bad-csv", "more cells than the header has columns")
            continue
        yield from_mapping({k.strip(): v for k, v in row.items() if k}, where, opts)
