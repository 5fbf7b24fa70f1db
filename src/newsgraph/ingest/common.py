"""What every input format shares: limits, decoding, date parsing, article checks."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import rejection_message
from ..model import Article, Rejection, text_id
from ..settings import default as default_setting

DEFAULT_MAX_BYTES = default_setting("max_bytes")


@dataclass(frozen=True, slots=True)
class Options:
    """How inputs are read; one object passed to every reader."""

    published: str | None = None  # default publication date for inputs without one
    max_bytes: int = DEFAULT_MAX_BYTES  # largest article accepted (UTF-8 bytes of its text)
    source: str | None = None  # default source (outlet) for inputs without one


_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*$")


def parse_date(value: object) -> str | None:
    """Normalise a publication date to YYYY-MM-DD; None for empty; ValueError if unparseable."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    s = str(value).strip()
    if not s:
        return None
    m = _DATE_RE.match(s)
    if not m:
        raise ValueError(f"unparseable date {s[:40]!r}")
    y, mo, d = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError as exc:  # 2019-02-30
        raise ValueError(f"impossible date {s[:40]!r} ({exc})") from None


def reject(origin: str, code: str, detail: str = "") -> Rejection:
    return Rejection(origin=origin, code=code, message=rejection_message(code, detail))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    # Many control bytes other than whitespace: an image, archive or executable.
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return len(head) > 0 and ctrl / len(head) > 0.05


def decode(data: bytes, origin: str) -> str | Rejection:
    """Bytes to text (UTF-8, BOM tolerated), or the reason it cannot be text."""
    if not data.strip():
        return reject(origin, "empty")
    if looks_binary(data):
        return reject(origin, "binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return reject(origin, "undecodable", f"invalid byte at offset {exc.start}")


def make_article(
    origin: str,
    text: object,
    opts: Options,
    *,
    id: object = None,
    published: object = None,
    url: object = None,
    source: object = None,
    title: object = None,
    text_offset: int = 0,
) -> Article | Rejection:
    """Check one record's fields and build the Article, or say why it cannot be one."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return reject(origin, "missing-text")
    if not isinstance(text, str):
        return reject(origin, "missing-text", f"'text' is a {type(text).__name__}, not a string")
    if len(text.encode("utf-8", "surrogatepass")) > opts.max_bytes:
        return reject(origin, "too-large", f"{len(text):,} characters over the {opts.max_bytes:,}-byte limit")
    try:
        date = parse_date(published) if published not in (None, "") else parse_date(opts.published)
    except ValueError as exc:
        return reject(origin, "bad-date", str(exc))
    return Article(
        id=str(id).strip() if id not in (None, "") else text_id(text),
        text=text,
        published=date,
        url=_opt_str(url),
        source=_opt_str(source) or opts.source,
        title=_opt_str(title),
        origin=origin,
        text_offset=text_offset,
    )


def _opt_str(v: object) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None
