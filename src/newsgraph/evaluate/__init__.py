"""Gold-set evaluations, one module per stage, each with ``evaluate(gold, limit, peers) -> dict``.

The returned dict holds the system's scores, the peers' scores from the same run, and
articles (or documents) per second. ``tests/eval`` compares them against the floors in
``tests/eval/floors/<stage>.json``.
"""
from __future__ import annotations

import importlib

from ..errors import EvalError

# stage -> module under newsgraph.evaluate (imported only when asked for)
EVALUATIONS = {
    "entities": "entities",
    "entities-ru": "factru",  # factRuEval-2016, Russian
    "quotes": "quotes",
    "numbers": "numbers",
    "times": "times",
    "places": "places",
    "events": "events",
    "resolve": "resolution",
    "regional": "regional",  # issue 13: the "who" on our own Central Asian articles
}


def evaluate(stage: str, gold: str, limit: int | None = None, peers: bool = True) -> dict:
    if stage not in EVALUATIONS:
        raise EvalError(f"no evaluation for {stage!r}; valid: {', '.join(EVALUATIONS)}")
    try:
        mod = importlib.import_module(f"{__name__}.{EVALUATIONS[stage]}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(__name__):
            raise EvalError(f"the {stage} evaluation is not built yet") from exc
        raise
    return mod.evaluate(gold, limit=limit, peers=peers)
