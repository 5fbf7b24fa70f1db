"""The regional scorer: gold reading, name agreement, and scoring one made-up record."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import EvalError
from newsgraph.evaluate import regional as r

GOLD = Path(__file__).resolve().parents[1] / "golden" / "regional"


def test_gold_has_32_articles_split_odd_even():
    arts = r.read_gold(GOLD)
    assert len(arts) >= 32
    for a in arts:
        assert a["half"] == ("tune" if int(a["id"][1:]) % 2 else "held"), a["id"]
    assert {a["half"] for a in arts} == {"tune", "held"}


def test_gold_covers_every_event_type_of_the_genre():
    types = {e["type"] for a in r.read_gold(GOLD) for e in a["events"]}
    assert {"COERCE", "SANCTION", "MOBILIZE", "AID", "COOPERATE", "ASSAULT", "CONSULT", "PROTEST"} <= types


def test_reader_names_the_file_when_a_span_is_off(tmp_path):
    art = json.loads((GOLD / "r01.json").read_text())
    art["quotes"][0]["start"] += 1
    (tmp_path / "r01.json").write_text(json.dumps(art))
    with pytest.raises(EvalError, match="r01.json"):
        r.read_gold(tmp_path)


@pytest.mark.parametrize("system,gold,ok", [
    (["KNB"], ["National Security Committee", "KNB"], True),
    (["Tokayev"], ["Kassym-Jomart Tokayev"], True),
    (["Kazakhstan's Interior Ministry"], ["Interior Ministry"], True),
    (["the press service of the Interior Ministry"], ["Interior Ministry"], True),
    (["the ministry"], ["Interior Ministry"], False),
    (["Kazakhstan"], ["National Security Committee"], False),
    (["a source"], ["source"], True),
    (["Kostanai region"], ["Kostanai"], True),
    ([], ["KNB"], False),
])
def test_names_match(system, gold, ok):
    assert r.names_match(system, gold) is ok


def test_head_and_title():
    assert r.head("Tajik children") == r.head("child") == "child"
    assert r.head("persons") == r.head("people")
    assert r.head("Tajik citizens who had crossed the border") == "citizen"
    assert r.title_match("Deputy Prime Minister", ["Prime Minister"])
    assert r.title_match("Minister", ["Emergency Situations Minister"])
    assert not r.title_match("lawyer", ["Minister"])


def _record(art):
    text = art["text"]
    i = text.index("National Security Committee")
    j = text.index("Kazinform reports")
    return {"text": text,
            "entities": [{"id": "E1", "type": "ORG", "name": "National Security Committee",
                          "mentions": [[i, i + 27]], "roles": []},
                         {"id": "E2", "type": "PERSON", "name": "Kazinform", "mentions": [[j, j + 9]], "roles": []}],
            "quotes": [{"id": "Q1", "start": art["quotes"][1]["start"], "end": art["quotes"][1]["end"],
                        "speaker": "E2", "speaker_start": None, "speaker_end": None}],
            "numbers": [{"id": "N1", "start": art["figures"][0]["start"], "end": art["figures"][0]["end"],
                         "counted": "members", "unit": None, "claimant": "E2", "quote": None}],
            "places": [], "events": []}


def test_score_article_counts_right_and_wrong():
    art = json.loads((GOLD / "r01.json").read_text())
    s = r.score_article(art, _record(art)).scores()
    assert s["quote_speaker"] == {"accuracy": 0.0, "n": 1}  # Kazinform given for the KNB's words
    assert s["figure_claimant"] == {"accuracy": 1.0, "n": 1}  # "14 members ..., Kazinform reports"
    assert s["figure_counted"]["accuracy"] == 1.0
    assert s["org_f1"]["system"] == 1 and s["org_f1"]["precision"] == 1.0 and s["org_f1"]["recall"] < 0.5
    assert s["event_trigger_f1"]["recall"] == 0.0
