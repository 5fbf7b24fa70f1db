"""CI gate for entities.v1 on CoNLL++ dev: the first 100 documents (of 216), ours and bare
spaCy in the same run (about 40 s on 2 busy cores). Floors in tests/eval/floors/entities.json;
the full run is `newsgraph eval entities --gold ../shared/gold/ner`."""
from __future__ import annotations

import json
from pathlib import Path

from newsgraph.evaluate.entities import evaluate

FLOORS = Path(__file__).resolve().parent / "floors" / "entities.json"


def test_entities_gate(gold):
    spec = json.loads(FLOORS.read_text())
    result = evaluate(gold / "ner", limit=spec["_limit"], peers=True)
    assert result["docs"] == spec["_limit"]
    ours, spacy = result["ours"], result["peers"]["spacy"]
    floors = {k: v for k, v in spec.items() if not k.startswith("_")}
    low = {k: (ours[k], floor) for k, floor in floors.items() if ours[k] < floor}
    assert not low, f"entities scores below their floors (score, floor): {low}"
    assert ours["f1"] > spacy["f1"], f"entities F1 {ours['f1']} is not above bare spaCy's {spacy['f1']}"
