"""Shared read-only resources and the per-article context given to every stage.

Resources (gazetteer, lexicons) load lazily, once per process: the gazetteer through a
``functools`` cache in its module, language data through ``Context.lang.data(name)`` (cached
on the ``lang.Language``). ``Context`` only carries what one article needs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources as _res
from pathlib import Path

from ..lang import Language, get as _language


@dataclass(frozen=True, slots=True)
class Context:
    """What a stage may know beyond the Doc: the publication date (or None) and the language
    of the article (its data files; English unless given)."""

    published: str | None  # YYYY-MM-DD
    lang: Language = field(default_factory=lambda: _language("en"))

    @property
    def published_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.published) if self.published else None


def data_path(name: str) -> Path:
    """Path of a bundled data file under ``newsgraph/resources/data``."""
    return Path(str(_res.files("newsgraph.resources") / "data" / name))
