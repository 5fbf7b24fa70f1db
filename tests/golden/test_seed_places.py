"""The seed article's places (issue 6 acceptance): Almaty -> GeoNames 1526384 in KZ and a
scene of the events; Kazakhstan, Syria, Iraq, Afghanistan -> their countries; "the Middle
East" -> a region with a centroid; "Kazakh citizens" stays a NORP entity, not a place."""
from __future__ import annotations


def _places(record, text):
    return [p for p in record["places"] if p["text"] == text]


def test_stage_version(seed_record):
    assert seed_record["stages"]["places"] == "places.v4"


def test_almaty(seed_record):
    almaty = _places(seed_record, "Almaty")
    assert len(almaty) == 2
    for p in almaty:
        assert p["geonameid"] == 1526384 and p["country"] == "KZ" and p["kind"] == "city"
        assert abs(p["lat"] - 43.25) < 0.01 and abs(p["lon"] - 76.91) < 0.01
        assert seed_record["text"][p["start"]:p["end"]] == "Almaty"
    assert all(p["scene"] for p in almaty)  # "special operation in Almaty", "detention ... in Almaty"


def test_countries(seed_record):
    for name, iso in [("Kazakhstan", "KZ"), ("Syria", "SY"), ("Iraq", "IQ"), ("Afghanistan", "AF")]:
        found = _places(seed_record, name)
        assert found, name
        assert all(p["kind"] == "country" and p["country"] == iso for p in found), found


def test_middle_east_region(seed_record):
    (me,) = [p for p in seed_record["places"] if p["name"] == "Middle East"]
    assert me["kind"] == "region" and me["lat"] is not None and me["lon"] is not None
    assert 20 < me["lat"] < 40 and 30 < me["lon"] < 55
    assert not me["scene"]


def test_places_link_entities_and_ids(seed_record):
    ids = {e["id"] for e in seed_record["entities"]}
    places = seed_record["places"]
    assert [p["id"] for p in places] == [f"P{k}" for k in range(1, len(places) + 1)]
    assert all(p["entity"] is None or p["entity"] in ids for p in places)
    assert all(0.0 <= p["score"] <= 1.0 for p in places)


def test_kazakh_citizens_is_not_a_place(seed_record):
    text = seed_record["text"]
    assert not [p for p in seed_record["places"] if text[p["start"]:p["end"]].startswith("Kazakh ")]
    assert not [p for p in seed_record["places"] if p["text"] in ("Kazakh", "Kazakhs", "Syrian")]
