"""Word tables for temporal expressions: months, weekdays, units, number words, modifiers.

Each table maps a lower-cased word to what the normaliser needs (a month number, an ISO
weekday, a TIMEX3 unit letter, a number). ``alt(...)`` turns a table into a regex
alternation, longest words first, so the patterns in ``patterns`` stay readable.
"""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Month names that are also common words: only taken capitalised and not as a verb/modal.
AMBIGUOUS_MONTHS = {"may", "march", "june", "jan", "mar"}

WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
    "fri": 5, "sat": 6, "sun": 7,
}

# unit word (singular, lower case) -> (TIMEX3 duration letter, multiplier)
UNITS = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1),
    "night": ("D", 1), "week": ("W", 1), "weekend": ("WE", 1), "fortnight": ("W", 2),
    "month": ("M", 1), "quarter": ("Q", 1), "year": ("Y", 1), "decade": ("DE", 1),
    "century": ("CE", 1), "centurie": ("CE", 1), "millennium": ("Y", 1000),
}
TIME_UNITS = {"S", "M", "H"}  # duration letters that sit after "T" in P..T..

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}
VAGUE_NUMBERS = {"several", "few", "a few", "some", "many", "a number of", "numerous", "the few"}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "final": 4,
    "last": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_ORDER = ("WI", "SP", "SU", "FA")  # within one calendar year (winter = its start)

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI"}

# Prefix modifiers of a point in time -> TIMEX3 mod
POINT_MODS = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "beginning of": "START", "the first half of": "START", "the dawn of": "START",
    "late": "END", "later": "END", "the end of": "END", "end of": "END",
    "the close of": "END", "the second half of": "END",
    "mid": "MID", "middle": "MID", "the middle of": "MID", "the mid": "MID", "mid-": "MID",
}
# Prefix modifiers of a duration -> TIMEX3 mod
DURATION_MODS = {
    "more than": "MORE_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "nearly": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
}

# Single words with a fixed TIMEX3 value: word -> (type, value)
FUZZY = {
    "now": ("DATE", "PRESENT_REF"), "currently": ("DATE", "PRESENT_REF"),
    "current": ("DATE", "PRESENT_REF"), "nowadays": ("DATE", "PRESENT_REF"),
    "these days": ("DATE", "PRESENT_REF"), "at present": ("DATE", "PRESENT_REF"),
    "at the moment": ("DATE", "PRESENT_REF"),
    "presently": ("DATE", "PRESENT_REF"), "the present": ("DATE", "PRESENT_REF"),
    "recently": ("DATE", "PAST_REF"), "recent": ("DATE", "PAST_REF"),
    "lately": ("DATE", "PAST_REF"),
    "formerly": ("DATE", "PAST_REF"), "the past": ("DATE", "PAST_REF"),
    "recent years": ("DATE", "PAST_REF"), "recent months": ("DATE", "PAST_REF"),
    "recent weeks": ("DATE", "PAST_REF"), "recent days": ("DATE", "PAST_REF"),
    "the future": ("DATE", "FUTURE_REF"),
    "the near future": ("DATE", "FUTURE_REF"), "someday": ("DATE", "FUTURE_REF"),
}

# Set adverbs: word -> (value, freq)
SET_WORDS = {
    "hourly": ("PT1H", None), "daily": ("P1D", None), "nightly": ("P1D", None),
    "weekly": ("P1W", None), "biweekly": ("P2W", None), "monthly": ("P1M", None),
    "quarterly": ("P3M", None), "annually": ("P1Y", None), "yearly": ("P1Y", None),
    "biannually": ("P6M", None), "semiannually": ("P6M", None),
}

# Holidays: name -> (month, day) at a fixed day, or (month, ISO weekday, n, first day of
# the month counted from) for "the n-th such weekday on or after that day".
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "valentine's day": (2, 14), "halloween": (10, 31), "boxing day": (12, 26),
    "labor day": (9, 1, 1, 1), "thanksgiving": (11, 4, 4, 1), "thanksgiving day": (11, 4, 4, 1),
    "election day": (11, 2, 1, 2), "memorial day": (5, 1, -1, 1),
}


def alt(words, flags_lower: bool = True) -> str:
    """A regex alternation of ``words`` (escaped, longest first, dots in abbreviations optional)."""
    ws = sorted(set(words), key=len, reverse=True)
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in ws]
    return "(?:" + "|".join(parts) + ")"
