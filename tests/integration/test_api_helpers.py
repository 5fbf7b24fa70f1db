"""Helpers for the API and browser tests (no tests here): a store built by the real
ingest, one hand-made record holding every kind of fact, and a uvicorn server on a free
loopback port in a thread."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import httpx

from newsgraph.model import Article, ArticleRecord, Entity, Event, Number, Place, Quote, Role, Time
from newsgraph.store import Store, queries, writer

HOSTILE = ("date 2019-03-01\nA reader wrote <script>alert(1)</script> into the comment box of the "
           "Steppe Herald, and another tried '; DROP TABLE articles; -- in the search form. "
           "Police in Almaty said nobody was harmed.\n")

# One article whose record holds every kind of fact (built by hand, so the page's
# highlighting is tested whatever the extraction stages find today).
CRAFTED_TEXT = ('Interior Minister Erlan Turgumbayev said on Monday that "at least 45 people were detained '
                'in Shymkent <b>overnight</b>", and the ministry reported 12 injured.')


def _span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def crafted_record() -> ArticleRecord:
    t = CRAFTED_TEXT
    s = _span
    person, minister, ministry = s(t, "Erlan Turgumbayev"), s(t, "Interior Minister"), s(t, "the ministry")
    quote = s(t, "at least 45 people were detained in Shymkent <b>overnight</b>")
    n45, n12 = s(t, "at least 45"), s(t, "12")
    city, day, said, detained = s(t, "Shymkent"), s(t, "Monday"), s(t, "said"), s(t, "detained")
    art = Article(id="crafted-0001", text=t, published="2019-03-06", title="Crafted: detentions in Shymkent",
                  source="Test Wire", origin="test")
    facts = {
        "entities": [Entity("E1", "PERSON", "Erlan Turgumbayev", [list(person)],
                            [Role("Interior Minister", None, *minister)]),
                     Entity("E2", "ORG", "the ministry", [list(ministry)]),
                     Entity("E3", "GPE", "Shymkent", [list(city)])],
        "quotes": [Quote("Q1", *quote, t[quote[0]:quote[1]], "direct", "E1", *person, "said", *said)],
        "numbers": [Number("N1", *n45, "at least 45", 45, 45, None, "at_least", None, "people",
                           *s(t, "people"), "ARRESTED", "E1", "Q1"),
                    Number("N2", *n12, "12", 12, None, None, "exact", None, "injured", *s(t, "injured"),
                           "INJURED", "E2", None)],
        "times": [Time("T1", *day, "Monday", "DATE", "2019-03-04")],
        "places": [Place("P1", *city, "Shymkent", "Shymkent", 1518980, "KZ", "10", 42.3, 69.6, "city", 0.9,
                         "E3", True)],
        "events": [Event("V1", "COERCE", "ARREST", list(detained), [0, len(t)], "E2", None, "P1", "T1",
                         "2019-03-04", "time", "asserted", "Q1", 0.8)],
    }
    return ArticleRecord(article=art, stages={k: f"{k}.test" for k in facts}, facts=facts)


def add_records(db: Path, records: list[ArticleRecord]) -> None:
    """Store records as ingest does (writer, full-text index, then cross-article resolution)."""
    from newsgraph import service

    with Store(db) as store:
        writer.write_records(store, records)
        queries.rebuild_fts(store)
        service._resolve_hook(store)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`newsgraph serve` in a thread: the real app under a real uvicorn on loopback."""

    def __init__(self, db: Path, poll: float = 0.2):
        import uvicorn

        from newsgraph.api import Reader, create_app

        self.reader = Reader(db, poll=poll)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        app = create_app(self.reader, close_reader=True)
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/api/v1/stats", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the test server did not start within 20 s")

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def build_store(folder: Path, seed: Path, examples: Path, n_examples: int = 3) -> Path:
    """A store made by the real ingest: the seed, a few examples, the hostile article; plus
    the hand-made record. Returns the database path."""
    from newsgraph import service

    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    paths = [str(seed), str(hostile)] + [str(p) for p in sorted(examples.glob("*.txt"))[:n_examples]]
    db = folder / "store.duckdb"
    summary = service.ingest(paths, str(db))
    assert summary.rejected == 0, summary.rejections
    add_records(db, [crafted_record()])
    return db
