"""The recognition patterns: one compiled regex per expression class, with named groups.

Each rule is ``(name, regex)``; ``normalize.HANDLERS[name]`` turns a match into a
TIMEX3 type/value. Patterns are case-insensitive except month and weekday names, which
must be capitalised (``may``, ``march``, ``sun`` are ordinary words in lower case).
Every pattern starts and ends on a word boundary. The grammar (the rules in priority order,
their fragments and prefilters) is the language's ``times_rules.json``: regex sources with
``{NAME}`` placeholders for the word alternations built here from the word tables of a
``lexicon.Lexicon``. ``compile_rules(lex, grammar)`` fills and compiles them once per
language, when the lexicon is built.
"""
from __future__ import annotations

import re

from ..text import fill

RULES_FILE = "times_rules.json"


def alt(words, flags_lower: bool = True) -> str:
    """A regex alternation of ``words`` (escaped, longest first, dots in abbreviations optional)."""
    ws = sorted(set(words), key=len, reverse=True)
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in ws]
    return "(?:" + "|".join(parts) + ")"


def _rx(body: str) -> re.Pattern:
    return re.compile(rf"(?<![\w$£€.,-])(?:{body})(?![\w%]|[.,]\d|-(?!\s))", re.I)


def compile_rules(lex, grammar: dict) -> tuple[list[tuple[str, re.Pattern]], dict[str, re.Pattern]]:
    """(RULES, NEEDS) of ``lex`` and the parsed ``grammar`` (``times_rules.json``): the rules
    in priority order, and for some rules a fast regex of the words they require (most
    articles have no season, holiday or century, and the full patterns are slow to scan)."""
    f = _fragments(lex)
    for frag in grammar["fragments"]:
        f[frag["name"]] = fill(frag["pattern"], f, RULES_FILE)
    rules = [(r["name"], _rx(fill(r["pattern"], f, RULES_FILE))) for r in grammar["rules"]]
    needs = {}
    for need in grammar["needs"]:
        rx = re.compile(fill(need["pattern"], f, RULES_FILE), re.I if need.get("ignore_case", True) else 0)
        needs.update(dict.fromkeys(need["rules"], rx))
    return rules, needs


def _fragments(lex) -> dict[str, str]:
    """The alternations built from the word tables, by placeholder name."""
    forms = lex.pattern_forms
    mon, wd = "|".join(forms["month"]), "|".join(forms["weekday"])
    return {"MON": rf"(?-i:{mon})", "WD": rf"(?-i:{wd})", "UNIT": "(?:" + "|".join(forms["unit"]) + ")",
            "DEICTIC": "(?:" + "|".join(forms["deictic"]) + ")", "POINT_MOD": alt(lex.point_mods),
            "PART": alt(lex.parts_of_day), "SEASON": alt(lex.seasons), "ORD": alt(lex.ordinals),
            "TENS": "|".join(forms["tens"]), "DIGITS": "|".join(forms["digits"]),
            "DECADE_WORDS": "|".join(lex.decade_words), "NUMBER_WORDS": alt(k for k in lex.numbers),
            "VAGUE_NUMBERS": alt(lex.vague_numbers), "DURATION_MOD": alt(lex.duration_mods),
            "HOLIDAY": alt(lex.holidays), "SET_WORD": alt(lex.set_words), "FUZZY": alt(lex.fuzzy)}
