"""Word tables for temporal expressions: months, weekdays, units, number words, modifiers.

Each table maps a lower-cased word to what the normaliser needs (a month number, an ISO
weekday, a TIMEX3 unit letter, a number); the tables live in the language's
``times_words.json``. ``lexicon(lang)`` reads them once per process per language
(``Language.cached``) into a ``Lexicon``, with the dependency labels the stage looks for
and the recognition patterns compiled from the tables and the grammar ``times_rules.json``
(``patterns.compile_rules``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from ..text import Labels, labels
from .patterns import RULES_FILE, compile_rules

WORDS_FILE = "times_words.json"
TIME_UNITS = {"S", "M", "H"}  # duration letters that sit after "T" in P..T..
SEASON_ORDER = ("WI", "SP", "SU", "FA")  # within one calendar year (winter = its start)


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]  # only capitalised, not as a verb/modal
    weekdays: dict[str, int]
    units: dict[str, tuple]  # unit word (singular) -> (TIMEX3 duration letter, multiplier)
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    point_mods: dict[str, str]  # prefix modifiers of a point in time -> TIMEX3 mod
    duration_mods: dict[str, str]  # prefix modifiers of a duration -> TIMEX3 mod
    fuzzy: dict[str, tuple]  # single words with a fixed TIMEX3 value: word -> (type, value)
    set_words: dict[str, tuple]  # set adverbs: word -> (value, freq)
    # name -> (month, day), or (month, ISO weekday, n, first day of the month counted from) for
    # "the n-th such weekday on or after that day"
    holidays: dict[str, tuple]
    pattern_forms: dict[str, tuple[str, ...]]  # regex alternatives the patterns are built from
    year_cues: frozenset[str]  # words before a bare year that make it a date ("in 1998")
    year_nouns: frozenset[str]
    relative_days: dict[str, int]
    deictic_steps: dict[str, int]
    counts: dict[str, int]
    decade_words: dict[str, int]
    tens: dict[str, int]
    future_aux: frozenset[str]
    modals: frozenset[str]
    past_modals: frozenset[str]
    perfect_aux: frozenset[str]
    past_directions: frozenset[str]
    adjective_fuzzy: frozenset[str]
    anaphoric: dict  # "a day earlier", "the next day": counted from the last date named
    cues: dict  # single words of the rules and handlers (see the data file's _about)
    deps: Labels
    rules: list = field(default_factory=list, compare=False)  # (name, regex) in priority order (patterns.compile_rules)
    needs: dict = field(default_factory=dict, compare=False)  # rule name -> prefilter regex
    adjective_form: re.Pattern | None = field(default=None, compare=False)  # "the third-quarter" (recognize)


def lexicon(lang) -> Lexicon:
    """The times lexicon of ``lang``, built on first use and kept for the process."""
    return lang.cached("times.lexicon", lambda: _build(lang))


def _table(words: dict, name: str) -> dict:
    """A word table with list values as tuples (JSON has no tuples)."""
    return {k: tuple(v) if isinstance(v, list) else v for k, v in words[name].items()}


def _build(lang) -> Lexicon:
    words = lang.data(WORDS_FILE)
    tables = {f.name: frozenset(words[f.name]) if f.type.startswith("frozenset") else _table(words, f.name)
              for f in fields(Lexicon) if f.name in words}  # deps, rules, needs: built below
    lex = Lexicon(**tables, deps=labels(lang))
    grammar = lang.data(RULES_FILE)
    rules, needs = compile_rules(lex, grammar)
    lex.rules.extend(rules)
    lex.needs.update(needs)
    object.__setattr__(lex, "adjective_form", re.compile(grammar["adjective_form"]))
    return lex
