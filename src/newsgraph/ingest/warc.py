"""WARC / WARC.gz crawls: every HTML response record is an article."""
from __future__ import annotations

import io
from collections.abc import Iterator

from ..model import Article, Rejection
from .common import Options, reject
from .html import from_html


def read_warc(data: bytes, origin: str, opts: Options) -> Iterator[Article | Rejection]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    stream = io.BytesIO(data)
    n = 0
    try:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            n += 1
            where = f"{origin}#{n}"
            ctype = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            url = record.headers.get("WARC-Target-URI")
            warc_date = (record.headers.get("WARC-Date") or "")[:10] or None
            body = record.reader.read()
            html = _decode_body(body, ctype)
            if html is None:
                yield reject(where, "undecodable", url or "")
                continue
            yield from_html(html, where, opts, url=url, fallback_date=warc_date)
    except Exception as exc:  # fastwarc raises plain exceptions on truncated gzip
        yield reject(f"{origin}#{n + 1}", "bad-warc", f"{type(exc).__name__}: {exc}"[:200])
        return
    if _truncated_gzip(data):
        yield reject(f"{origin}#{n + 1}", "bad-warc", "the gzip stream ends early")


def _decode_body(body: bytes, ctype: str) -> str | None:
    charset = "utf-8"
    if "charset=" in ctype.lower():
        charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip() or "utf-8"
    for enc in (charset, "utf-8"):
        try:
            return body.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _truncated_gzip(data: bytes) -> bool:
    """True when a gzip stream ends early (fastwarc stops at the damage without a word)."""
    if data[:2] != b"\x1f\x8b":
        return False
    import gzip

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            while f.read(1 << 20):
                pass
    except (EOFError, OSError):
        return True
    return False
