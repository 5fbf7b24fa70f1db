"""Articles, rejections, and the record every interface shares.

The record's field names are a contract (see DESIGN.md, "The record"): tests, the API,
the store and outside evaluation scripts rely on them. Every ``start``/``end`` is a
Python string index into ``Article.text``. Fact ids are local to one record.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = 1

# The lists a record holds, in pipeline order; each has its own store table.
FACT_LISTS = ("entities", "quotes", "numbers", "times", "places", "events")


@dataclass(slots=True)
class Article:
    """One input article, before any NLP."""

    id: str
    text: str
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    source: str | None = None
    title: str | None = None
    lang: str | None = None  # ISO 639-1 code; None = not given (the pipeline detects it)
    origin: str = ""  # file[:line] it came from, for messages
    text_offset: int = 0  # where `text` starts in the input file (seed format header)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text, self.published, self.title)


@dataclass(slots=True)
class Rejection:
    """An input that could not become an article, with the reason and what to do."""

    origin: str  # file, file:line or file#record
    code: str  # e.g. "empty", "binary", "bad-date"; see errors.REJECTION_CODES
    message: str


@dataclass(slots=True)
class Role:
    title: str
    org: str | None  # entity id of the organisation, when the article names it
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    id: str
    type: str  # PERSON ORG GPE LOC NORP FAC EVENT LAW PRODUCT WORK_OF_ART LANGUAGE
    name: str
    mentions: list[list[int]]
    roles: list[Role] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    id: str
    start: int
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(slots=True)
class Number:
    id: str
    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    approx: str = "exact"  # exact more_than less_than about at_least at_most range
    unit: str | None = None
    counted: str | None = None
    counted_start: int | None = None
    counted_end: int | None = None
    category: str = "OTHER"  # PERSONS KILLED INJURED ARRESTED DISPLACED MISSING MONEY PERCENT OTHER
    claimant: str | None = None
    quote: str | None = None


@dataclass(slots=True)
class Time:
    id: str
    start: int
    end: int
    text: str
    type: str  # DATE TIME DURATION SET
    value: str
    mod: str | None = None
    freq: str | None = None
    quant: str | None = None


@dataclass(slots=True)
class Place:
    id: str
    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    kind: str  # country city admin region other
    score: float
    entity: str | None = None  # the entity id this mention belongs to, if any
    scene: bool = False  # a place where the article's events happen


@dataclass(slots=True)
class Event:
    id: str
    type: str  # PLOVER type
    mode: str | None
    trigger: list[int]
    sentence: list[int]
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    time: str | None = None
    date: str | None = None  # TIMEX3 value
    date_source: str = "published"  # "time" when from a time expression, else "published"
    factuality: str = "asserted"  # asserted negated hypothetical future historical
    quote: str | None = None
    confidence: float = 0.5
    actor_text: str | None = None  # the actor's words when no entity covers them ("police")
    target_text: str | None = None  # the target's words ("foreign nationals")


FACT_TYPES = {
    "entities": Entity,
    "quotes": Quote,
    "numbers": Number,
    "times": Time,
    "places": Place,
    "events": Event,
}


@dataclass(slots=True)
class ArticleRecord:
    """An article with the facts every stage found in it."""

    article: Article
    stages: dict[str, str] = field(default_factory=dict)
    facts: dict[str, list[Any]] = field(default_factory=dict)

    def get(self, name: str) -> list[Any]:
        return self.facts.get(name, [])

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        out: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "id": a.id,
            "url": a.url,
            "source": a.source,
            "published": a.published,
            "title": a.title,
            "lang": a.lang,
            "text": a.text,
            "text_offset": a.text_offset,
            "content_hash": a.content_hash,
            "stages": dict(self.stages),
        }
        for name in FACT_LISTS:
            out[name] = [asdict(f) for f in self.facts.get(name, [])]
        return out


def content_hash(text: str, published: str | None = None, title: str | None = None) -> str:
    h = hashlib.sha256()
    for part in (text, published or "", title or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def text_id(text: str) -> str:
    """A stable article id from the text alone (used when the input has no id)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
