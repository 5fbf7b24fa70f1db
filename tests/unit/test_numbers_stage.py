"""numbers.v1 on parsed sentences: filters, counted phrase, category, claimant."""
from __future__ import annotations

import pytest

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, select


@pytest.fixture(scope="module")
def extract():
    pipe = Pipeline(select(["numbers"]))

    def run(text):
        rec, = pipe.run([Article(id="t", text=text, published="2024-01-01")])
        return rec

    return run


def test_seed_like_sentence(extract):
    rec = extract("More than 300 Kazakh citizens are in the conflict zones, officials said.")
    n, = rec.get("numbers")
    assert (n.value, n.approx, n.counted, n.category) == (300, "more_than", "Kazakh citizens", "PERSONS")
    assert rec.article.text[n.counted_start:n.counted_end] == "Kazakh citizens"
    assert rec.article.text[n.start:n.end] == n.text == "More than 300"


@pytest.mark.parametrize("text", [
    "Article 5 of the treaty applies.", "Section 427 of the code was amended.",
    "He was born in 1965.", "Kazakhstan is one of the largest producers.",
    "Call 555-123-4567 today.", "Flight 370 disappeared.", "The meeting is on March 29.",
    "Maddon, 66, has used the downtime.", "The game ended 2-0.",
    "The court made a surprise 5-4 decision.", "Federal officials said the two had fled abroad.",
    "The news was first published by 24.kg on Monday.",
])
def test_non_quantities(extract, text):
    assert extract(text).get("numbers") == []


@pytest.mark.parametrize("text,category", [
    ("At least 12 people were killed in the blast.", "KILLED"),
    ("Security forces detained 7 foreign nationals.", "ARRESTED"),
    ("Four police officers were wounded.", "INJURED"),
    ("Around 150 migrants are still missing.", "MISSING"),
    ("More than 2,000 residents fled their homes.", "DISPLACED"),
    ("The death toll rose to 45.", "KILLED"),
    ("Aid worth $20 million arrived.", "MONEY"),
    ("Turnout was 61%.", "PERCENT"),
    ("Over 500 people attended the funeral.", "PERSONS"),
    ("The convoy travelled 120 km.", "OTHER"),
    ("Investigators seized about 40 rounds of ammunition.", "OTHER"),
])
def test_category(extract, text, category):
    n, = extract(text).get("numbers")
    assert n.category == category


def test_relative_clause_is_counted(extract):
    rec = extract("The rebels released 9 hostages who had been held for months.")
    n, = rec.get("numbers")
    assert n.counted == "hostages who had been held for months"


def test_claimant_according_to(extract):
    rec = extract("According to Human Rights Watch, 14 prisoners died in custody last year.")
    n, = rec.get("numbers")
    names = {e.id: e.name for e in rec.get("entities")}
    assert names[n.claimant] == "Human Rights Watch"


def test_claimant_in_own_voice_is_null(extract):
    n, = extract("The storm left about 20,000 homes without power.").get("numbers")
    assert n.claimant is None and n.quote is None


def test_ids_and_version(extract):
    rec = extract("Exports grew by 3.4% to $12 billion, and 40 firms closed.")
    assert [n.id for n in rec.get("numbers")] == ["N1", "N2", "N3"]
    assert rec.stages["numbers"] == "numbers.v4"


def test_outlet_tail_claims_the_figure(extract):
    rec = extract("Border guards detained three smugglers near the border, reports 24.kg news agency.")
    (n,) = rec.get("numbers")
    ents = {e.id: e.name for e in rec.get("entities")}
    assert n.text == "three" and ents[n.claimant] == "24.kg"


def test_the_country_inside_an_institution_claims_nothing(extract):
    rec = extract("Tajik police said gunfire had wounded four civilians.")
    (n,) = rec.get("numbers")
    assert n.text == "four" and n.claimant is None
