"""Build the story store: the English and the Russian articles through the real pipeline
(service.ingest, each article read by its language's pipeline), then resolve. Used by the
story tests (resolve, API, browser)."""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def build(db: str) -> str:
    from newsgraph import service

    service.ingest([str(HERE / "articles_en.jsonl"), str(HERE / "articles_ru.jsonl")], db=db, resolve=True)
    return db
