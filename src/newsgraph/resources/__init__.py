"""Shared read-only resources and the per-article context given to every stage.

Resources (gazetteer, lexicons) load lazily, once per process, through ``functools``
caches in the modules that own them; ``Context`` only carries what one article needs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources as _res
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Context:
    """What a stage may know beyond the Doc: the publication date (or None)."""

    published: str | None  # YYYY-MM-DD

    @property
    def published_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.published) if self.published else None


def data_path(name: str) -> Path:
    """Path of a bundled data file under ``newsgraph/resources/data``."""
    return Path(str(_res.files("newsgraph.resources") / "data" / name))
