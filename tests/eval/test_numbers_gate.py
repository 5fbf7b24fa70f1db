"""CI gate for numbers.v1 on NewsQuant dev (all 295 sentences, peers off: about 30 s on
2 cores). Floors in tests/eval/floors/numbers.json; the full run with quantulum3 beside is
`newsgraph eval numbers --gold ../shared/gold/numbers/newsquant_dev.json`."""
from __future__ import annotations

import json
from pathlib import Path

from newsgraph.evaluate.numbers import evaluate

FLOORS = Path(__file__).resolve().parent / "floors" / "numbers.json"


def test_numbers_gate(gold):
    floors = {k: v for k, v in json.loads(FLOORS.read_text()).items() if not k.startswith("_")}
    scores = evaluate(gold / "numbers" / "newsquant_dev.json", peers=False)["ours"]
    low = {k: (scores[k], floor) for k, floor in floors.items() if scores[k] < floor}
    assert not low, f"numbers scores below their floors (score, floor): {low}"
    assert scores["docs_per_s"] > 2, "numbers evaluation is far slower than expected"
