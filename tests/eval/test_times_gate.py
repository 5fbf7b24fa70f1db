"""CI gate for times.v1 on TempEval-3 TBAQ (all 257 TimeML documents, peers off: about
1-2 min on 2 cores). Floors in tests/eval/floors/times.json; the full run with HeidelTime
beside is `newsgraph eval times --gold ../shared/gold/time/tbaq`."""
from __future__ import annotations

import json
from pathlib import Path

from newsgraph.evaluate.times import evaluate

FLOORS = Path(__file__).resolve().parent / "floors" / "times.json"


def test_times_gate(gold):
    floors = {k: v for k, v in json.loads(FLOORS.read_text()).items() if not k.startswith("_")}
    result = evaluate(gold / "time" / "tbaq", peers=False)
    assert result["docs"] >= 250, f"expected the 257 TBAQ documents, read {result['docs']}"
    scores = result["ours"]
    low = {k: (scores[k], floor) for k, floor in floors.items() if scores[k] < floor}
    assert not low, f"times scores below their floors (score, floor): {low}"
    assert scores["stage_share"] < 0.25, "the times stage takes far more of the pipeline than expected"
