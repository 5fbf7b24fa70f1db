"""The seed article's entities (issue 2 acceptance): one Nurgali Bilisbekov holding every
"Bilisbekov", his role linked to the National Security Committee's entity, Kazakh as NORP,
the five places as GPE."""
from __future__ import annotations

import re


def _entities(record, etype=None):
    return [e for e in record["entities"] if etype is None or e["type"] == etype]


def test_published(seed_record):
    assert seed_record["published"] == "2019-02-24"
    assert seed_record["stages"]["entities"] == "entities.v5"


def test_one_person_holds_every_bilisbekov(seed_record):
    text = seed_record["text"]
    people = _entities(seed_record, "PERSON")
    assert [p["name"] for p in people] == ["Nurgali Bilisbekov"]
    person = people[0]
    held = [m for m in person["mentions"] if text[m[0]:m[1]].endswith("Bilisbekov")]
    occurrences = [[m.start(), m.end()] for m in re.finditer(r"Bilisbekov", text)]
    assert len(occurrences) == 4
    assert [[e - len("Bilisbekov"), e] for _, e in held] == occurrences
    assert person["mentions"] == sorted(person["mentions"])
    others = [e for e in _entities(seed_record) if e is not person]
    assert not any("Bilisbekov" in text[s:t] for e in others for s, t in e["mentions"])


def test_role_linked_to_the_committee(seed_record):
    text = seed_record["text"]
    person = _entities(seed_record, "PERSON")[0]
    orgs = {e["id"]: e for e in _entities(seed_record, "ORG")}
    committee = [e for e in orgs.values() if e["name"] == "National Security Committee of Kazakhstan"]
    assert len(committee) == 1
    assert len(committee[0]["mentions"]) == 2
    roles = [r for r in person["roles"] if r["title"] == "Deputy Chairman"]
    assert len(roles) == 1
    assert roles[0]["org"] == committee[0]["id"]
    assert text[roles[0]["start"]:roles[0]["end"]] == "Deputy Chairman"


def test_the_deputy_chairman_refers_back_to_him(seed_record):
    text = seed_record["text"]
    person = _entities(seed_record, "PERSON")[0]
    said = [text[s:t] for s, t in person["mentions"]]
    assert "Deputy Chairman of the National Security Committee of Kazakhstan" in said


def test_groups_and_places(seed_record):
    types = {}
    for e in _entities(seed_record):
        types.setdefault(e["name"], set()).add(e["type"])
    assert types["Kazakh"] == {"NORP"}
    assert types["Central Asian"] == {"NORP"}
    assert types["Syrian"] == {"NORP"}
    for place in ("Kazakhstan", "Almaty", "Syria", "Iraq", "Afghanistan"):
        assert types[place] == {"GPE"}, place
    assert not any(t & {"ORG", "GPE"} for n, t in types.items() if n.startswith("Kazakh") and n != "Kazakhstan")


def test_every_mention_is_in_the_text(seed_record):
    text = seed_record["text"]
    for e in _entities(seed_record):
        assert e["mentions"], e
        for s, t in e["mentions"]:
            assert 0 <= s < t <= len(text) and text[s:t].strip() == text[s:t]
