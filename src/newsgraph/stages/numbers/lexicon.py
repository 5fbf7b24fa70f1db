"""Word lists for the numbers stage: number words, qualifiers, currencies, units.

The word tables live in ``lang/en/numbers_words.json`` and the unit table in
``lang/en/numbers_units.tsv`` (surface, normalised unit, case rule, kind), read through the
English ``Language``. Still English-bound: ``parse`` compiles its
regular expressions from these lists at import, so the stage is not yet per-language.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...lang import get as _language

_WORDS = _language("en").data("numbers_words.json")
ONES = _WORDS["ones"]
SCALES = _WORDS["scales"]
DOZEN = _WORDS["dozen"]
# "hundreds of", "tens of thousands of": a vague plural of magnitude M spans [M, 10*M]
VAGUE = _WORDS["vague"]
FRACTIONS = _WORDS["fractions"]
QUALIFIERS = _WORDS["qualifiers"]  # qualifier phrase (lower case) -> approx value; right before the figure
CURRENCY_PREFIX = _WORDS["currency_prefix"]  # currency written before the figure -> ISO code
PERSON_NOUNS = frozenset(_WORDS["person_nouns"])


@dataclass(frozen=True, slots=True)
class UnitEntry:
    surface: str
    unit: str
    kind: str  # money percent measure time age


def units() -> tuple[dict[str, UnitEntry], dict[str, UnitEntry]]:
    """(case-sensitive surfaces, lower-cased surfaces) -> UnitEntry, read once per process."""
    return _language("en").cached("numbers.units", _units)


def _units() -> tuple[dict[str, UnitEntry], dict[str, UnitEntry]]:
    exact: dict[str, UnitEntry] = {}
    lower: dict[str, UnitEntry] = {}
    for surface, unit, case, kind in _language("en").data("numbers_units.tsv"):
        entry = UnitEntry(surface, unit, kind)
        if case == "s":
            exact[surface] = entry
        else:
            lower[surface.lower()] = entry
    return exact, lower


def _kinds() -> dict[str, str]:
    return _language("en").cached("numbers.unit_kinds", _unit_kinds)


def _unit_kinds() -> dict[str, str]:
    kinds = {code: "money" for code in CURRENCY_PREFIX.values()}
    for table in units():
        for e in table.values():
            kinds.setdefault(e.unit, e.kind)
    return kinds


def unit_kind(unit: str | None) -> str | None:
    """The kind (money, percent, measure, time, age) of a normalised unit, or None."""
    if unit is None:
        return None
    return _kinds().get(unit.split("/")[0])
