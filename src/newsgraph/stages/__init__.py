"""The stages, in the order the pipeline runs them (each after what it requires)."""
from __future__ import annotations

from .base import Stage
from .entities import STAGE as ENTITIES
from .events import STAGE as EVENTS
from .numbers import STAGE as NUMBERS
from .places import STAGE as PLACES
from .quotes import STAGE as QUOTES
from .times import STAGE as TIMES

STAGES: tuple[Stage, ...] = (ENTITIES, TIMES, PLACES, QUOTES, NUMBERS, EVENTS)

__all__ = ["Stage", "STAGES"]
