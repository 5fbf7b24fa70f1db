"""CI gate: places.v1 on the first articles of TR-News and GeoWebNews must stay at or above
the floors in floors/places.json ("ours": geoparsing convention, adjectival demonyms
counted as toponyms; "ours_record": exactly the record's places)."""
import json
from pathlib import Path

import pytest

from newsgraph.evaluate.places import evaluate

FLOORS = json.loads((Path(__file__).parent / "floors" / "places.json").read_text())
SETS = [k for k in FLOORS if k.endswith(".xml")]


@pytest.fixture(scope="module")
def scores(gold):
    return {name: evaluate(gold / "geo" / name, limit=FLOORS["limit"], peers=False) for name in SETS}


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("system", ["ours", "ours_record"])
def test_floors(scores, name, system):
    got = scores[name][system]
    for metric, floor in FLOORS[name][system].items():
        assert got[metric] >= floor, (name, system, metric, got)


@pytest.mark.parametrize("name", SETS)
def test_every_article_scored(scores, name):
    assert scores[name]["articles"] == FLOORS["limit"]
    assert scores[name]["ours"]["gold"] > 100
