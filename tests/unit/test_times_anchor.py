"""event_date: the time expression governing an event's verb, else the publication date."""
from __future__ import annotations


import pytest

from newsgraph import nlp
from newsgraph.resources import Context
from newsgraph.stages.anchor import event_date
from newsgraph.stages.times import extract

CTX = Context(published="2019-02-24")


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


def _trigger(doc, word):
    return next(t for t in doc if t.text == word)


def test_time_governing_the_verb(parse):
    doc = parse("Police detained a group in early January in Almaty. Troops will attack on Monday.")
    times = extract(doc, CTX.published_date, CTX.lang)
    tid, value, source = event_date(_trigger(doc, "detained"), times, CTX)
    assert (value, source) == ("2019-01", "time")
    assert tid == next(t.id for t in times if t.text == "early January")
    assert event_date(_trigger(doc, "attack"), times, CTX)[1:] == ("2019-02-25", "time")


def test_falls_back_to_the_publication_date(parse):
    doc = parse("Police detained a group in Almaty. The talks lasted three years.")
    times = extract(doc, CTX.published_date, CTX.lang)
    assert event_date(_trigger(doc, "detained"), times, CTX) == (None, "2019-02-24", "published")
    # a duration is not a date
    assert event_date(_trigger(doc, "lasted"), times, CTX) == (None, "2019-02-24", "published")
    assert event_date(_trigger(doc, "detained"), times, Context(published=None)) == (None, None, "published")


def test_vague_times_do_not_date_an_event(parse):
    doc = parse("Militants recently attacked the base.")
    times = extract(doc, CTX.published_date, CTX.lang)
    assert [t.value for t in times] == ["PAST_REF"]
    assert event_date(_trigger(doc, "attacked"), times, CTX)[2] == "published"


def test_time_of_the_right_clause(parse):
    doc = parse("On Friday the minister said that soldiers had killed ten people.")
    times = extract(doc, CTX.published_date, CTX.lang)
    tid, value, source = event_date(_trigger(doc, "said"), times, CTX)
    assert (value, source) == ("2019-02-22", "time")
    assert event_date(_trigger(doc, "killed"), times, CTX)[2] == "time"  # nearest date in the sentence
