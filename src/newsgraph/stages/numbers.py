"""numbers.v1: not built yet (an open issue fills this stage)."""
from __future__ import annotations

from ..model import ArticleRecord
from ..resources import Context
from .base import Stage


def run(doc, ctx: Context, rec: ArticleRecord) -> list:
    return []


STAGE = Stage(name="numbers", version="numbers.v0", produces="numbers", run=run, requires=("entities","quotes",))
