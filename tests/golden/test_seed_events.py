"""events.v1 on the seed article: the Almaty detention is a COERCE arrest, placed in Almaty,
dated January 2019 from "early January", with the detained foreign nationals as target;
the bare "said"/"told" statements are not events."""
from __future__ import annotations

import re


def _text(rec, span):
    return rec["text"][span[0]:span[1]]


def _place_name(rec, pid):
    return next((p["name"] for p in rec["places"] if p["id"] == pid), None)


def _arrests(rec):
    return [e for e in rec["events"] if e["type"] == "COERCE" and e["mode"] == "arrest"]


def test_seed_detention_is_a_coerce_arrest_in_almaty_in_january(seed_record):
    rec = seed_record
    assert rec["stages"]["events"] == "events.v5"
    arrests = _arrests(rec)
    assert {_text(rec, e["trigger"]).lower() for e in arrests} & {"detained", "detention"}
    good = [e for e in arrests
            if _place_name(rec, e["place"]) == "Almaty"
            and e["date"] == "2019-01" and e["date_source"] == "time"
            and "foreign nationals" in (e.get("target_text") or "")
            and e["factuality"] == "asserted"]
    assert good, arrests
    ev = good[0]
    time = next(t for t in rec["times"] if t["id"] == ev["time"])
    assert time["text"] == "early January"
    assert ev["actor"] is not None  # the security committee the article names
    actor = next(e for e in rec["entities"] if e["id"] == ev["actor"])
    assert "Security Committee" in actor["name"]
    assert 0.0 <= ev["confidence"] <= 1.0


def test_seed_event_in_the_quote_points_at_it(seed_record):
    rec = seed_record
    detention = next(e for e in _arrests(rec) if _text(rec, e["trigger"]) == "detention")
    quote = next(q for q in rec["quotes"] if q["id"] == detention["quote"])
    assert quote["start"] <= detention["trigger"][0] < quote["end"]


def test_seed_said_and_told_sentences_have_no_event(seed_record):
    rec = seed_record
    bare = [
        re.search(r"More than 300 Kazakh citizens.*?Committee\.", rec["text"], re.S),
        re.search(r"Now over 300 persons.*?Bilisbekov\.", rec["text"], re.S),
        re.search(r"As the speaker has said.*?possible\.", rec["text"], re.S),
    ]
    for m in bare:
        assert m is not None
        inside = [e for e in rec["events"] if m.start() <= e["trigger"][0] < m.end()]
        assert inside == [], (m.group(0), inside)
