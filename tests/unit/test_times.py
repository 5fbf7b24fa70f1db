"""times.v1 on invented sentences: each expression class of the issue, with fixed
publication dates (2019-02-24 is a Sunday), and without a publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from newsgraph import nlp
from newsgraph.lang import LANGUAGES
from newsgraph.stages.times import extract

EN = LANGUAGES["en"]

PUB = dt.date(2019, 2, 24)


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


def found(parse, text, published=PUB):
    return {t.text: (t.type, t.value, t.mod) for t in extract(parse(text), published, EN)}


@pytest.mark.parametrize("text, expr, expected", [
    # absolute
    ("The treaty was signed on 24 February 2019 in Geneva.", "24 February 2019", ("DATE", "2019-02-24", None)),
    ("The vote took place on Feb. 20, officials said.", "Feb. 20", ("DATE", "2019-02-20", None)),
    ("The law was passed in 2019 by parliament.", "2019", ("DATE", "2019", None)),
    ("The war of the 1990s left deep scars.", "the 1990s", ("DATE", "199", None)),
    ("He was born on March 5, 1950 in Almaty.", "March 5, 1950", ("DATE", "1950-03-05", None)),
    # relative to the publication date
    ("Police arrested two men yesterday.", "yesterday", ("DATE", "2019-02-23", None)),
    ("The minister resigned last week.", "last week", ("DATE", "2019-W07", None)),
    ("A group was detained in early January in Almaty.", "early January", ("DATE", "2019-01", "START")),
    ("The plant closed two years ago.", "two years ago", ("DATE", "2017", None)),
    ("The rebels left six weeks ago.", "six weeks ago", ("DATE", "2019-W02", None)),
    ("The rebels left ten days ago.", "ten days ago", ("DATE", "2019-02-14", None)),
    ("Elections will be held next month.", "next month", ("DATE", "2019-03", None)),
    ("Fighting continued over the past three days.", "the past three days", ("DURATION", "P3D", None)),
    ("The talks resume this spring.", "this spring", ("DATE", "2019-SP", None)),
    ("Profits fell sharply in Q3.", "Q3", ("DATE", "2018-Q3", None)),
    ("Sales rose in the third quarter.", "the third quarter", ("DATE", "2018-Q3", None)),
    ("The rebels will attack tonight.", "tonight", ("TIME", "2019-02-24TNI", None)),
    ("Prices rose late last year.", "late last year", ("DATE", "2018", "END")),
    ("Troops will leave by the end of the year.", "the end of the year", ("DATE", "2019", "END")),
    ("Clashes erupted in mid-January.", "mid-January", ("DATE", "2019-01", "MID")),
    ("He left on Christmas Day.", "Christmas Day", ("DATE", "2018-12-25", None)),
    ("The strike started at 10:30 a.m. on Friday.", "10:30 a.m. on Friday", ("TIME", "2019-02-22T10:30", None)),
    # fuzzy
    ("Now over 300 persons are in the zones.", "Now", ("DATE", "PRESENT_REF", None)),
    ("He has recently returned home.", "recently", ("DATE", "PAST_REF", None)),
    ("He spoke about the recent special operation in Almaty.", "recent", ("DATE", "PAST_REF", None)),
    ("The army is currently deployed in the north.", "currently", ("DATE", "PRESENT_REF", None)),
    # durations
    ("He spent three years in prison.", "three years", ("DURATION", "P3Y", None)),
    ("The curfew lasted 48 hours.", "48 hours", ("DURATION", "PT48H", None)),
    ("The siege lasted more than a decade.", "more than a decade", ("DURATION", "P1DE", "MORE_THAN")),
])
def test_expression_classes(parse, text, expr, expected):
    got = found(parse, text)
    assert got.get(expr) == expected, got


def test_weekday_follows_the_tense_of_its_verb(parse):
    past = found(parse, "Troops attacked the town on Monday.")
    future = found(parse, "The parliament will vote on Monday.")
    planned = found(parse, "The team planned to leave Nairobi on Thursday.")
    assert past["Monday"][1] == "2019-02-18"
    assert future["Monday"][1] == "2019-02-25"
    assert planned["Thursday"][1] == "2019-02-28"


def test_month_without_year_follows_the_tense(parse):
    assert found(parse, "The two leaders met on March 3.")["March 3"][1] == "2018-03-03"
    assert found(parse, "The two leaders will meet on March 3.")["March 3"][1] == "2019-03-03"
    assert found(parse, "Ministers will gather in November.")["November"][1] == "2019-11"
    assert found(parse, "Ministers gathered in November.")["November"][1] == "2018-11"


def test_sets_carry_quant_and_freq(parse):
    times = {t.text: t for t in extract(parse("Protesters gather every Friday and the board meets "
                                              "annually, twice a week in summer."), PUB, EN)}
    assert (times["every Friday"].type, times["every Friday"].value, times["every Friday"].quant) == \
        ("SET", "XXXX-WXX-5", "EVERY")
    assert (times["annually"].type, times["annually"].value) == ("SET", "P1Y")
    assert (times["twice a week"].value, times["twice a week"].freq) == ("P1W", "2X")


def test_no_publication_date_keeps_unknown_anchor(parse):
    got = found(parse, "A group was detained in early January and released on Monday; "
                       "the minister resigned last week, and two men were arrested yesterday.",
                published=None)
    assert got["early January"] == ("DATE", "XXXX-01", "START")
    assert got["Monday"][1] == "XXXX-WXX-1"
    assert got["last week"][1] == "XXXX-WXX"
    assert got["yesterday"][1] == "XXXX-XX-XX"


@pytest.mark.parametrize("text", [
    "More than 300 citizens are in the zones, including 100 persons.",
    "About 2000 people fled the fighting.",
    "It may rain, and the soldiers march north.",
    "He earned $1,500 and scored 1,999 points.",
    "Leaves fall in the park.",
])
def test_numbers_and_common_words_are_not_times(parse, text):
    assert extract(parse(text), PUB, EN) == []


def test_ids_offsets_and_order(parse):
    text = "On Monday troops entered; by Friday they had left, officials said yesterday."
    times = extract(parse(text), PUB, EN)
    assert [t.id for t in times] == ["T1", "T2", "T3"]
    assert all(text[t.start:t.end] == t.text for t in times)
    assert [t.text for t in times] == ["Monday", "Friday", "yesterday"]
