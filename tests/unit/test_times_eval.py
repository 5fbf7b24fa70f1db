"""The TimeML reader and the TempEval-3 scores of newsgraph.evaluate.times, on an invented
document (no gold data needed)."""
from __future__ import annotations

import pytest

from newsgraph.errors import EvalError
from newsgraph.evaluate.times import TimeDoc, load, read_tml, score

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-02-24" functionInDocument="CREATION_TIME">2019-02-24</TIMEX3></DCT>
<TEXT>
Troops &amp; police <EVENT eid="e1">left</EVENT> the town <TIMEX3 tid="t1" type="DATE" value="2019-02-18">on Monday</TIMEX3>,
after <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_tml_strips_tags_and_keeps_offsets(tmp_path):
    path = tmp_path / "x1.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert doc.dct == "2019-02-24"
    assert "Troops & police left the town on Monday" in doc.text
    assert [(doc.text[s:e], t, v) for s, e, t, v in doc.gold] == [
        ("on Monday", "DATE", "2019-02-18"), ("three years", "DURATION", "P3Y")]
    assert load(tmp_path)[0].id == "x1"


def test_scores_follow_tempeval3():
    text = "Troops left on Monday after three years."
    gold = [(12, 21, "DATE", "2019-02-18"), (28, 39, "DURATION", "P3Y")]
    doc = TimeDoc("d", text, "2019-02-24", gold)
    pred = [(15, 21, "DATE", "2019-02-18"),  # "Monday": relaxed match, right value
            (28, 39, "DURATION", "P2Y"),     # exact span, wrong value
            (0, 6, "DATE", "PRESENT_REF")]   # spurious
    s = score([doc], [pred])
    assert (s["strict_p"], s["strict_r"]) == (round(1 / 3, 4), 0.5)
    assert (s["relaxed_p"], s["relaxed_r"]) == (round(2 / 3, 4), 1.0)
    assert s["relaxed_f1"] == 0.8
    assert s["value_accuracy"] == 0.5
    assert s["value_f1"] == 0.4


def test_week_values_compare_zero_padded():
    doc = TimeDoc("d", "last week", "2000-02-16", [(0, 9, "DATE", "2000-W7")])
    assert score([doc], [[(0, 9, "DATE", "2000-W07")]])["value_accuracy"] == 1.0


def test_missing_gold_folder_says_what_to_do(tmp_path):
    with pytest.raises(EvalError, match="--gold"):
        load(tmp_path / "nowhere")
    with pytest.raises(EvalError, match="no .tml files"):
        load(tmp_path)
