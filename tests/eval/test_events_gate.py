"""CI gate for events.v1: scores on the PLOVER GSR dev records and on a fixed document
subset of IndiaPoliceEvents must stay at or above the floors in floors/events.json (the full
runs, with the keyword peer, are reported by ``newsgraph eval events``)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.events import evaluate

FLOORS = json.loads((Path(__file__).parent / "floors" / "events.json").read_text())


def test_events_gate_plover_gsr(gold):
    floors = FLOORS["plover-gsr"]
    res = evaluate(gold / "events" / "plover" / "gsr_dev.json", peers=False)
    assert res["docs"] == 161
    for key, floor in floors.items():
        assert res["ours"][key] >= floor, (key, res["ours"])


def test_events_gate_india_police_events(gold):
    floors = dict(FLOORS["india-police-events"])
    limit = floors.pop("limit")
    res = evaluate(gold / "events" / "india-police-events", limit=limit, peers=False)
    assert res["docs"] == limit
    for key, floor in floors.items():
        label, metric = key.split("_")
        assert res["ours"][label][metric] >= floor, (key, res["ours"][label])


def test_events_eval_rejects_an_unknown_gold_path(tmp_path):
    from newsgraph.errors import EvalError

    with pytest.raises(EvalError, match="PLOVER GSR"):
        evaluate(tmp_path, limit=1, peers=False)
