"""quotes.v1: not built yet (an open issue fills this stage)."""
from __future__ import annotations

from ..model import ArticleRecord
from ..resources import Context
from .base import Stage


def run(doc, ctx: Context, rec: ArticleRecord) -> list:
    return []


STAGE = Stage(name="quotes", version="quotes.v0", produces="quotes", run=run, requires=("entities",))
