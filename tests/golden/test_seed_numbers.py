"""The seed article's figures (issue acceptance): 300 Kazakh citizens (more than), the
quoted "over 300 persons" claimed by Nurgali Bilisbekov in his quote, 100 persons who
joined the militants, and no figure made from the date."""
from __future__ import annotations


def _numbers(rec):
    return rec["numbers"]


def test_more_than_300_kazakh_citizens(seed_record):
    hits = [n for n in _numbers(seed_record) if n["counted"] == "Kazakh citizens"]
    assert len(hits) == 1
    n = hits[0]
    assert n["value"] == 300 and n["approx"] == "more_than" and n["category"] == "PERSONS"
    text = seed_record["text"]
    assert text[n["counted_start"]:n["counted_end"]] == "Kazakh citizens"


def test_quoted_over_300_persons_claimed_by_bilisbekov(seed_record):
    text = seed_record["text"]
    hits = [n for n in _numbers(seed_record) if text[n["start"]:n["end"]] == "over 300"]
    assert len(hits) == 1
    n = hits[0]
    assert n["value"] == 300 and n["approx"] == "more_than"
    entities = {e["id"]: e for e in seed_record["entities"]}
    assert n["claimant"] in entities and "Bilisbekov" in entities[n["claimant"]]["name"]
    assert entities[n["claimant"]]["name"] == "Nurgali Bilisbekov"
    quote = next(q for q in seed_record["quotes"] if q["id"] == n["quote"])
    assert quote["start"] <= n["start"] and n["end"] <= quote["end"]
    assert quote["speaker"] == n["claimant"]


def test_100_persons_who_joined_the_militants(seed_record):
    hits = [n for n in _numbers(seed_record) if n["value"] == 100]
    assert len(hits) == 1
    assert hits[0]["counted"] == "persons who joined the ranks of the militants"


def test_no_number_from_the_date(seed_record):
    for n in _numbers(seed_record):
        assert n["value"] not in (2019, 24, 2), n
    assert len(_numbers(seed_record)) == 3
