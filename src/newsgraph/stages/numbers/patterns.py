"""The regular expressions of ``parse``, compiled once per language (``compile_patterns``,
called by ``lexicon.lexicon``) from the language's ``numbers_rules.json``: regex sources
with ``{NAME}`` placeholders for the alternations built here from the word lists (months,
number words, qualifiers, scales, units)."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

from ...errors import ResourceError
from ..text import fill

RULES_FILE = "numbers_rules.json"
PHONE_DIGITS = 7


def _alts(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Patterns:
    not_figure: tuple[re.Pattern, re.Pattern, re.Pattern]  # dates, clock times, phone numbers
    atom: re.Pattern
    qual_before: re.Pattern
    scale_words: re.Pattern  # "million" (any spacing) or "bn" (at most one space) after a figure
    unit_cs: re.Pattern
    unit_ci: re.Pattern
    scale_letter: re.Pattern  # "5m", "$2B"
    cur_before: re.Pattern
    us_after: re.Pattern
    sign_before: re.Pattern
    qual_after: re.Pattern
    per: re.Pattern
    range_sep: re.Pattern
    between: re.Pattern  # "between" / "from" right before a range
    between_and: re.Pattern  # "between" right before "X and Y"
    by: re.Pattern
    and_a_half: re.Pattern
    ratio: re.Pattern
    share_of: re.Pattern


def _fragments(lex) -> dict[str, str]:
    """The alternations built from the word lists of ``lex``, by placeholder name."""
    return {"MONTH": _alts(lex.months), "ONES": _alts(lex.ones),
            "WORDS": _alts(list(lex.ones) + list(lex.bare_scales)),
            "SMALL_WORDS": "|".join(w for w, v in lex.ones.items() if 1 <= v <= 10),
            "QUALIFIERS": _alts(lex.qualifiers),
            "SCALE_WORDS": "|".join(re.escape(w) for w in lex.scales if w not in lex.scale_abbreviations),
            "SCALE_SHORT": "|".join(re.escape(w) for w in lex.scale_abbreviations),
            "UNITS_CS": _alts(lex.units[0]), "UNITS_CI": _alts(lex.units[1])}


def compile_patterns(lex, rules: dict) -> Patterns:
    """The patterns of ``lex`` (a ``lexicon.Lexicon``) and the parsed ``rules``
    (``numbers_rules.json``)."""
    f = _fragments(lex)
    for frag in rules["fragments"]:
        f[frag["name"]] = fill(frag["pattern"], f, RULES_FILE)
    table = rules["patterns"]

    def rx(name: str) -> re.Pattern:
        if name not in table:
            raise ResourceError(f"{RULES_FILE} has no pattern {name!r}; add it (see the file's _about)")
        spec = table[name]
        return re.compile(fill(spec["pattern"], f, RULES_FILE), re.I if "i" in spec.get("flags", "") else 0)

    names = [fl.name for fl in fields(Patterns) if fl.name != "not_figure"]
    return Patterns(not_figure=(rx("not_date"), rx("not_clock"), rx("not_phone")), **{n: rx(n) for n in names})
