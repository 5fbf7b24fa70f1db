"""A stage: a pure function of (spaCy Doc, Context, record so far) -> list of facts."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model import ArticleRecord
from ..resources import Context

StageFunc = Callable[[Any, Context, ArticleRecord], list]


@dataclass(frozen=True)
class Stage:
    """Declares a stage: its name, version, what it needs and the record list it fills."""

    name: str  # e.g. "quotes"
    version: str  # e.g. "quotes.v1"; stamped on the record and on stored rows
    produces: str  # the record list it fills (one of model.FACT_LISTS)
    run: StageFunc
    requires: tuple[str, ...] = field(default=())  # record lists that must be filled first
