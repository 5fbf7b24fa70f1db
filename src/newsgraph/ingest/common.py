"""What every input format shares: limits, sources and spans, per-record decoding, date
parsing, id normalisation and the article checks."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from ..errors import InputError, rejection_message
from ..lang import normalize_code
from ..model import Article, Rejection, text_id
from ..settings import default as default_setting

DEFAULT_MAX_BYTES = default_setting("max_bytes")
# --max-bytes cannot go above this: past it one article's parse alone needs gigabytes.
HARD_MAX_BYTES = 10_000_000
MAX_ID_CHARS = 512


@dataclass(frozen=True, slots=True)
class Options:
    """How inputs are read; one object passed to every reader."""

    published: str | None = None  # default publication date for inputs without one
    max_bytes: int = DEFAULT_MAX_BYTES  # largest article accepted (UTF-8 bytes of its text)
    source: str | None = None  # default source (outlet) for inputs without one
    lang: str | None = None  # language code for inputs without one (else detected from the text)

    def __post_init__(self) -> None:
        if not 1 <= self.max_bytes <= HARD_MAX_BYTES:
            raise InputError(f"--max-bytes {self.max_bytes:,} is out of range; use 1 to {HARD_MAX_BYTES:,} "
                             "(a longer article cannot be parsed in bounded memory: split it)")

    @property
    def record_cap(self) -> int:
        """Largest raw record (a JSONL line, a CSV row, a WARC body) a streaming reader holds:
        an article's text can grow six-fold as JSON escapes, plus its other fields."""
        return self.max_bytes * 6 + (1 << 20)


@dataclass(frozen=True, slots=True)
class Source:
    """Where records come from: ``name`` as the user gave it (messages, rejections) and
    ``key``, the absolute path that identifies id-less records (None for standard input,
    whose records are identified by their text)."""

    name: str
    key: str | None = None

    def at(self, sep: str, n: int) -> "Source":
        return Source(f"{self.name}{sep}{n}", None if self.key is None else f"{self.key}{sep}{n}")


@dataclass(frozen=True, slots=True)
class Span:
    """A byte range of a multi-record file that starts at a record boundary; ``first`` is
    the number of its first record (a line number for JSONL/CSV, a record number for WARC)."""

    start: int = 0
    end: int | None = None
    first: int = 1


_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ORIGIN_ID = re.compile("o[0-9a-f]{16}")


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


def binary_file(head: bytes) -> bool:
    """A multi-record file that is binary as a whole (an image renamed .jsonl): a NUL and
    many control bytes in its first 8 KB. One stray NUL only rejects its own record."""
    head = head[:8192]
    return len(head) >= 64 and b"\x00" in head and looks_binary(head) and \
        sum(1 for b in head if b < 9 or 13 < b < 32) > 16


def unreadable(data: bytes, origin: str) -> Rejection | None:
    """Why ``data`` cannot be text in any encoding (empty, binary), or None."""
    if not data.strip():
        return reject(origin, "empty")
    if looks_binary(data):
        return reject(origin, "binary")
    return None


def decode(data: bytes, origin: str) -> str | Rejection:
    """Bytes to text (UTF-8, BOM tolerated), or the reason it cannot be text."""
    bad = unreadable(data, origin)
    if bad is not None:
        return bad
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return reject(origin, "undecodable", f"invalid UTF-8 byte at offset {exc.start}")


def decode_record(raw: bytes, origin: str) -> str | Rejection:
    """One record of a multi-record file: a NUL or an invalid byte rejects this record only."""
    if b"\x00" in raw:
        return reject(origin, "binary", f"a NUL byte at offset {raw.index(0)} of the record")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return reject(origin, "undecodable", f"invalid byte at offset {exc.start} of the record")


def clean_surrogates(s: str) -> str:
    """Lone surrogates (JSON's "\\ud800") cannot be encoded or parsed: each becomes U+FFFD,
    one character for one, so every offset into the text stays the same."""
    return _SURROGATE.sub("\ufffd", s) if _SURROGATE.search(s) else s


def normalise_id(value: object) -> str | None:
    """An input id as a string; None when absent or blank; ValueError when it cannot be an id."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"the id is a {'boolean' if isinstance(value, bool) else type(value).__name__} "
                         f"({str(value)[:40]})")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"the id is a fractional number ({value!r})")
        value = int(value)
    s = clean_surrogates(str(value)).strip()
    if len(s) > MAX_ID_CHARS:
        raise ValueError(f"the id has {len(s):,} characters (at most {MAX_ID_CHARS})")
    return s or None


def origin_id(key: str) -> str:
    """The id of a record that has none: its place (absolute path, line or record number),
    so an edited file replaces its old article instead of adding one beside it."""
    return "o" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def is_origin_id(aid: str) -> bool:
    return len(aid) == 17 and _ORIGIN_ID.fullmatch(aid) is not None


def make_article(
    origin: str | Source,
    text: object,
    opts: Options,
    *,
    id: object = None,
    published: object = None,
    url: object = None,
    source: object = None,
    title: object = None,
    lang: object = None,
    text_offset: int = 0,
) -> Article | Rejection:
    """Check one record's fields and build the Article, or say why it cannot be one."""
    src = origin if isinstance(origin, Source) else Source(origin)
    where = src.name
    if text is None or (isinstance(text, str) and not text.strip()):
        return reject(where, "missing-text")
    if not isinstance(text, str):
        return reject(where, "missing-text", f"'text' is a {type(text).__name__}, not a string")
    if len(text) > opts.max_bytes or len(text.encode("utf-8", "surrogatepass")) > opts.max_bytes:
        return reject(where, "too-large", f"{len(text):,} characters over the {opts.max_bytes:,}-byte limit")
    try:
        date = parse_date(published) if published not in (None, "") else parse_date(opts.published)
    except ValueError as exc:
        return reject(where, "bad-date", str(exc))
    try:
        aid = normalise_id(id)
    except ValueError as exc:
        return reject(where, "bad-id", str(exc))
    text = clean_surrogates(text)
    if aid is None:
        aid = origin_id(src.key) if src.key is not None else text_id(text)
    return Article(id=aid, text=text, published=date, url=_opt_str(url), source=_opt_str(source) or opts.source,
                   title=_opt_str(title), lang=normalize_code(lang) or normalize_code(opts.lang), origin=where,
                   text_offset=text_offset)


def _opt_str(v: object) -> str | None:
    if v is None or isinstance(v, (dict, list)):
        return None
    s = clean_surrogates(str(v)).strip()
    return s or None
