"""CI gate for the "who" on our own Central Asian articles (tests/golden/regional): both halves
(tune = odd articles, held = even, held out) must stay at or above floors/regional.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.regional import evaluate

FLOORS = json.loads((Path(__file__).parent / "floors" / "regional.json").read_text())
GOLD = Path(__file__).resolve().parents[1] / "golden" / "regional"


@pytest.fixture(scope="module")
def scores():
    return evaluate(str(GOLD))


@pytest.mark.parametrize("half", ["tune", "held"])
def test_regional_gate(scores, half):
    got = scores[half]
    for measure, floor in FLOORS[half].items():  # "_comment" is outside the halves
        value = got[measure].get("accuracy", got[measure].get("f1"))
        assert value >= floor, (half, measure, got[measure])
