"""entities.v1 with the real spaCy model, on short US-politics and Central Asia texts
written for these tests (the style of the 2016 PolNeAR articles and of the seed)."""
from __future__ import annotations

import pytest

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, select

TRUMP = (
    "Donald J. Trump won the primary on Tuesday. Speaking in Manhattan, Donald Trump thanked "
    "his supporters. Mr. Trump said the campaign would now turn to the general election, and "
    "Trump promised to visit Ohio next week."
)
CLINTONS = (
    "Hillary Clinton campaigned in Iowa on Monday. Former President Bill Clinton joined her "
    "later. Clinton told the crowd that the election would be close."
)
HILLARY_ONLY = (
    "Hillary Clinton campaigned in Iowa on Monday. Clinton told the crowd that the election "
    "would be close, and Mrs. Clinton thanked the volunteers."
)
MINISTER = (
    "Kazakhstan's Foreign Minister Beibut Atamkulov arrived in Tashkent on Friday. "
    "Atamkulov met the Uzbek delegation, the ministry said."
)


@pytest.fixture(scope="module")
def run():
    pipe = Pipeline(select(["entities"]))

    def _run(text: str):
        rec = next(iter(pipe.run([Article(id="t", text=text)])))
        return text, rec.get("entities")

    return _run


def _people(ents):
    return [e for e in ents if e.type == "PERSON"]


def test_trump_forms_are_one_person(run):
    text, ents = run(TRUMP)
    people = _people(ents)
    assert len(people) == 1
    said = [text[s:t] for s, t in people[0].mentions]
    assert said == ["Donald J. Trump", "Donald Trump", "Trump", "Trump"]
    assert people[0].name == "Donald J. Trump"


def test_clinton_with_both_clintons_joins_neither(run):
    text, ents = run(CLINTONS)
    names = {e.name: e for e in _people(ents)}
    assert [text[s:t] for s, t in names["Hillary Clinton"].mentions] == ["Hillary Clinton"]
    assert [text[s:t] for s, t in names["Bill Clinton"].mentions] == ["Bill Clinton"]
    assert [text[s:t] for s, t in names["Clinton"].mentions] == ["Clinton"]
    assert [(r.title, r.org) for r in names["Bill Clinton"].roles] == [("Former President", None)]


def test_clinton_with_one_clinton_joins_her(run):
    text, ents = run(HILLARY_ONLY)
    people = _people(ents)
    assert len(people) == 1
    assert [text[s:t] for s, t in people[0].mentions] == ["Hillary Clinton", "Clinton", "Clinton"]


def test_possessive_country_title(run):
    text, ents = run(MINISTER)
    person = [e for e in _people(ents) if e.name == "Beibut Atamkulov"]
    assert len(person) == 1
    assert len(person[0].mentions) == 2
    country = [e for e in ents if e.name == "Kazakhstan"]
    assert [(r.title, r.org) for r in person[0].roles] == [("Foreign Minister", country[0].id)]
    assert [e.type for e in ents if e.name == "Uzbek"] == ["NORP"]


def test_acronym_defined_in_brackets_joins_its_organisation(run):
    text, ents = run(
        "Officers of the National Security Committee of Kazakhstan (KNB) detained five foreign "
        "nationals in Almaty on Tuesday, the Committee said. The KNB said that a court had placed "
        "the men in detention.")
    orgs = [e for e in ents if e.type == "ORG"]
    assert len(orgs) == 1, [(e.name, e.mentions) for e in orgs]
    assert orgs[0].name == "National Security Committee of Kazakhstan"
    assert [text[s:e] for s, e in orgs[0].mentions].count("KNB") == 2
