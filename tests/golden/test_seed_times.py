"""Seed acceptance for times.v1: "early January" in the article of 2019-02-24 is 2019-01
(mod START); the counts 300 and 100 make no time expression."""
from __future__ import annotations


def test_seed_early_january(seed_record):
    assert seed_record["stages"]["times"] == "times.v3"
    times = seed_record["times"]
    jan = [t for t in times if t["text"] == "early January"]
    assert len(jan) == 1
    assert (jan[0]["type"], jan[0]["value"], jan[0]["mod"]) == ("DATE", "2019-01", "START")
    text = seed_record["text"]
    assert all(text[t["start"]:t["end"]] == t["text"] for t in times)


def test_seed_numbers_are_not_times(seed_record):
    texts = [t["text"] for t in seed_record["times"]]
    assert not any(ch.isdigit() for x in texts for ch in x), texts
    values = {t["text"].lower(): t["value"] for t in seed_record["times"]}
    assert values.get("now") == "PRESENT_REF"
