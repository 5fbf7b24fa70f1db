"""The NewsQuant scorer: gold values and ranges, unit mapping, one-to-one pairing."""
from __future__ import annotations

import json

import pytest

from newsgraph.evaluate import numbers as ev


def test_gold_values_and_ranges():
    assert ev._gold_value("300.0") == 300.0
    assert ev._gold_value("252.0-287.0") == (252.0, 287.0)
    assert ev._gold_value("-5.0") == -5.0
    assert ev._gold_value("1.99E-29") == pytest.approx(1.99e-29)


@pytest.mark.parametrize("unit,name", [
    ("USD", "dollar"), ("percent", "percentage"), ("km/h", "kilometre per hour"),
    ("USD/barrel", "dollar per barrel"), ("USD/sq_ft", "dollar per square foot"),
    ("lb", "pound-mass"), ("GBP", "pound sterling"), ("A/cm2", "ampere per square centimetre"),
])
def test_unit_names(unit, name):
    assert name in ev.unit_names(unit)


@pytest.mark.parametrize("pred,gold,ok", [
    ({"unit": "person", "counted": "people"}, "people", True),
    ({"unit": "person", "counted": "first-team players"}, "first-team player", True),
    ({"unit": None, "counted": "viruses"}, "virus", True),
    ({"unit": None, "counted": "persons who joined the ranks"}, "person", True),
    ({"unit": None, "counted": None}, "-", True),
    ({"unit": None, "counted": "games"}, "-", False),
    ({"unit": "fraction", "counted": None}, "% germans", True),
    ({"unit": "USD", "counted": None}, "euro", False),
])
def test_our_unit_agreement(pred, gold, ok):
    assert ev._ours_unit_ok(pred, gold) is ok


def test_pairs_are_one_to_one():
    golds = [ev.Quantity(300.0, "people"), ev.Quantity(300.0, "percentage")]
    preds = [{"value": 300.0, "unit": "percent", "counted": None}]
    assert ev._pairs(preds, golds, ev._ours_unit_ok, midpoint=False) == (1, 1)
    preds = [{"value": (200.0, 300.0), "unit": None, "counted": None}]
    assert ev._pairs(preds, [ev.Quantity((300.0, 200.0), "-")], ev._ours_unit_ok, False) == (1, 1)
    assert ev._pairs(preds, [ev.Quantity(250.0, "-")], ev._ours_unit_ok, False) == (0, 0)


def test_evaluate_small_file(tmp_path):
    path = tmp_path / "nq.json"
    path.write_text(json.dumps([
        {"text": "More than 300 people fled, and prices rose 5%.",
         "quantities": [{"value": "300", "normalized_unit": "people"},
                        {"value": "5", "normalized_unit": "percentage"}]},
        {"text": "The meeting was on March 29, 2019.", "quantities": []},
    ]))
    out = ev.evaluate(path, peers=False)
    assert out["docs"] == 2
    assert out["ours"]["value_f1"] == 1.0 and out["ours"]["value_unit_f1"] == 1.0
    assert "peers" not in out


def test_missing_gold_is_a_clear_error(tmp_path):
    from newsgraph.errors import EvalError

    with pytest.raises(EvalError, match="NewsQuant gold not found"):
        ev.evaluate(tmp_path / "nope.json", peers=False)
