"""Word tables for temporal expressions: months, weekdays, units, number words, modifiers.

Each table maps a lower-cased word to what the normaliser needs (a month number, an ISO
weekday, a TIMEX3 unit letter, a number); the tables live in ``lang/en/times_words.json``,
read through the English ``Language``. Still English-bound: ``patterns`` compiles its
regular expressions from them at import, so the stage is not yet per-language.
``alt(...)`` turns a table into a regex alternation, longest words first, so the patterns
in ``patterns`` stay readable.
"""
from __future__ import annotations

import re

from ...lang import get as _language

_WORDS = _language("en").data("times_words.json")


def _table(name: str) -> dict:
    """A word table with list values as tuples (JSON has no tuples)."""
    return {k: tuple(v) if isinstance(v, list) else v for k, v in _WORDS[name].items()}


MONTHS = _table("months")
AMBIGUOUS_MONTHS = set(_WORDS["ambiguous_months"])  # only capitalised, not as a verb/modal
WEEKDAYS = _table("weekdays")
UNITS = _table("units")  # unit word (singular) -> (TIMEX3 duration letter, multiplier)
TIME_UNITS = {"S", "M", "H"}  # duration letters that sit after "T" in P..T..
NUMBERS = _table("numbers")
VAGUE_NUMBERS = set(_WORDS["vague_numbers"])
ORDINALS = _table("ordinals")
SEASONS = _table("seasons")
SEASON_ORDER = ("WI", "SP", "SU", "FA")  # within one calendar year (winter = its start)
PARTS_OF_DAY = _table("parts_of_day")
POINT_MODS = _table("point_mods")  # prefix modifiers of a point in time -> TIMEX3 mod
DURATION_MODS = _table("duration_mods")  # prefix modifiers of a duration -> TIMEX3 mod
FUZZY = _table("fuzzy")  # single words with a fixed TIMEX3 value: word -> (type, value)
SET_WORDS = _table("set_words")  # set adverbs: word -> (value, freq)
# name -> (month, day), or (month, ISO weekday, n, first day of the month counted from) for
# "the n-th such weekday on or after that day"
HOLIDAYS = _table("holidays")
ANAPHORIC = _table("anaphoric")  # "a day earlier", "the next day": counted from the last date named


def alt(words, flags_lower: bool = True) -> str:
    """A regex alternation of ``words`` (escaped, longest first, dots in abbreviations optional)."""
    ws = sorted(set(words), key=len, reverse=True)
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in ws]
    return "(?:" + "|".join(parts) + ")"
