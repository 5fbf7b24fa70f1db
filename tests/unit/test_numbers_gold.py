"""Our own written news sentences (tests/data/numbers_gold.jsonl) scored against floors:
figures found, and per found figure its approx, unit, counted phrase, category, claimant."""
from __future__ import annotations

from pathlib import Path

from newsgraph.evaluate.numbers import evaluate_own

GOLD = Path(__file__).resolve().parents[1] / "data" / "numbers_gold.jsonl"
FLOORS = {"figure_f1": 0.95, "value_acc": 0.98, "approx_acc": 0.95, "unit_acc": 0.95,
          "counted_acc": 0.92, "category_acc": 0.92, "claimant_acc": 0.92, "quote_acc": 0.90}


def test_own_gold_has_enough_sentences():
    lines = [x for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(lines) >= 60


def test_own_gold_floors():
    scores = evaluate_own(GOLD)
    low = {k: (scores[k], floor) for k, floor in FLOORS.items() if scores[k] < floor}
    assert not low, f"below floor: {low}; misses: {scores['misses']}"
