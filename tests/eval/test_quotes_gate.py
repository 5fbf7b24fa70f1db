"""CI gate: quotes.v1 on PolNeAR dev must stay at or above the floors in floors/quotes.json."""
import json
from pathlib import Path

import pytest

from newsgraph.evaluate.quotes import evaluate

FLOORS = json.loads((Path(__file__).parent / "floors" / "quotes.json").read_text())


@pytest.fixture(scope="module")
def scores(gold):
    return evaluate(gold / "quotes" / "polnear" / "dev", limit=FLOORS.get("limit"), peers=False)


@pytest.mark.parametrize("metric", ["content_exact", "content_overlap"])
def test_content_f1(scores, metric):
    assert scores["ours"][metric]["f1"] >= FLOORS[metric], scores["ours"][metric]


def test_speaker_accuracy(scores):
    assert scores["ours"]["speaker_accuracy"] >= FLOORS["speaker_accuracy"], scores["ours"]


def test_every_article_scored(scores):
    assert scores["docs"] == (FLOORS.get("limit") or 84)
