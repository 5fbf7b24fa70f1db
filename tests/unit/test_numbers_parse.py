"""numbers_parse: values, scales, currencies, units, qualifiers and ranges from text."""
from __future__ import annotations

import pytest

from newsgraph.lang import LANGUAGES
from newsgraph.stages.numbers.lexicon import lexicon
from newsgraph.stages.numbers.parse import scan, words_value

LEX = lexicon(LANGUAGES["en"])


def _kept(text):
    return [(text[r.start:r.end], r) for r in scan(text, LEX) if not r.drop]


@pytest.mark.parametrize("words,value", [
    ("three hundred", 300), ("twenty-five", 25), ("a dozen", 12), ("two dozen", 24),
    ("four hundred million", 4e8), ("one hundred and fifty", 150), ("a million", 1e6),
])
def test_words_value(words, value):
    assert words_value(words, LEX) == value


@pytest.mark.parametrize("text,value,unit", [
    ("it cost $4.5bn", 4.5e9, "USD"),
    ("a fine of 1,200 people", 1200, None),
    ("worth 2.5 million euros", 2.5e6, "EUR"),
    ("paid PS2.7m last year", 2.7e6, "GBP"),
    ("sold for HK $216,925", 216925, "HKD"),
    ("a 12% rise", 12, "percent"),
    ("at US $58.24 per barrel", 58.24, "USD/barrel"),
    ("grew 4.2 per cent", 4.2, "percent"),
    ("budget of 4.5 billion tenge", 4.5e9, "KZT"),
    ("a 37m tower", 37, "m"),
    ("ran 5 kilometres", 5, "km"),
    ("down to minus-5 yards", -5, "yard"),
])
def test_value_and_unit(text, value, unit):
    (surface, raw), = _kept(text)
    assert raw.value == pytest.approx(value)
    assert raw.unit == unit


@pytest.mark.parametrize("text,approx", [
    ("more than 300 people", "more_than"), ("over 300 persons", "more_than"),
    ("in excess of 40 tonnes", "more_than"), ("less than 10%", "less_than"),
    ("about 19 per cent", "about"), ("nearly 57%", "about"), ("an estimated 1,000", "about"),
    ("at least 12", "at_least"), ("up to 400 jobs", "at_most"), ("no more than 50", "at_most"),
    ("300 people", "exact"),
])
def test_qualifiers(text, approx):
    (surface, raw), = _kept(text)
    assert raw.approx == approx


@pytest.mark.parametrize("text,low,high,unit", [
    ("between 200 and 300 people", 200, 300, None),
    ("200-300 people", 200, 300, None),
    ("1 to 1.5 degrees Celsius", 1, 1.5, "celsius"),
    ("1 to 2 thousand people", 1000, 2000, None),
    ("from $370,000 to $5.5 million", 370000, 5.5e6, "USD"),
    ("hundreds of people", 100, 1000, None),
    ("tens of thousands of students", 1e4, 1e5, None),
])
def test_ranges(text, low, high, unit):
    (surface, raw), = _kept(text)
    assert (raw.low, raw.high) == (pytest.approx(low), pytest.approx(high))
    assert raw.unit == unit


def test_change_by_then_to_is_two_figures():
    kept = _kept("the deficit increased by $43.6 billion to $419.2 billion")
    assert [r.value for _, r in kept] == [pytest.approx(43.6e9), pytest.approx(419.2e9)]


def test_and_a_half():
    (surface, raw), = _kept("during his seven and a half years in office")
    assert raw.value == 7.5 and raw.unit == "year"


@pytest.mark.parametrize("text,value", [
    ("one of every nine voters", 1 / 9), ("nearly eight of 10 voters", 0.8),
    ("half of the voters", 0.5), ("two-thirds of respondents", 2 / 3), ("one in five adults", 0.2),
])
def test_fractions(text, value):
    (surface, raw), = _kept(text)
    assert raw.unit == "fraction" and raw.value == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "on February 24, 2019", "at 10:27 PM", "call 555-123-4567", "by 5am", "the 96th minute",
    "a 5G network", "the TA-35 index", "on 2019-02-24", "a baker's dozen", "a 52-count complaint",
    "on 4 Dec. 2019", "the 9/11 attacks", "open 24/7", "a four-way race", "from Sept. 19 to 22",
])
def test_not_figures(text):
    assert _kept(text) == []
