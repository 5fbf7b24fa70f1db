"""Word lists for the numbers stage: number words, qualifiers, currencies, units, cue words.

The word tables live in the language's ``numbers_words.json`` and the unit table in
``numbers_units.tsv`` (surface, normalised unit, case rule, kind); ``lexicon(lang)`` reads
them once per process per language (``Language.cached``) into a ``Lexicon``, together with
the dependency labels the stage looks for (``Labels``) and the regular expressions
``patterns`` compiles from the lists and the language's ``numbers_rules.json``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from ...errors import ResourceError
from ..text import Labels, labels
from .patterns import RULES_FILE, Patterns, compile_patterns

WORDS_FILE = "numbers_words.json"
UNITS_FILE = "numbers_units.tsv"


@dataclass(frozen=True, slots=True)
class UnitEntry:
    surface: str
    unit: str
    kind: str  # money percent measure time age


@dataclass(frozen=True)
class Cues:
    """Single words of the stage's rules (``numbers_words.json`` "cues", see its _about)."""
    source_cue: tuple[str, ...]  # "according to"
    part_of: str
    money_preps: frozenset[str]
    toll_words: frozenset[str]
    one: str
    number_fillers: frozenset[str]
    article: str
    multiplier: str  # "three hundred thousand": multiplies what comes before, then a scale
    plus_minus: str
    during: str
    range_and: str
    range_or: str
    range_to: str
    less_prefix: str
    country_forms: frozenset[str]


def _cues(table: dict) -> Cues:
    kinds = {f.name: f.type for f in fields(Cues)}
    if set(kinds) - set(table):
        raise ResourceError(f"{WORDS_FILE}: cues lacks {', '.join(sorted(set(kinds) - set(table)))}; add them")
    return Cues(**{k: tuple(v) if kinds[k].startswith("tuple") else frozenset(v) if kinds[k].startswith("frozenset") else v
                   for k, v in table.items() if k in kinds})


@dataclass(frozen=True)
class Lexicon:
    ones: dict[str, int]
    scales: dict[str, float]
    dozen: dict[str, int]
    vague: dict[str, float]  # "hundreds of": a vague plural of magnitude M spans [M, 10*M]
    fractions: dict[str, int]
    qualifiers: dict[str, str]  # qualifier phrase (lower case) -> approx value; right before the figure
    qualifiers_after: dict[str, str]  # "+", "or more" ... after the figure -> approx value
    currency_prefix: dict[str, str]  # currency written before the figure -> ISO code
    person_nouns: frozenset[str]
    name_labels: frozenset[str]
    pronoun_determiners: frozenset[str]
    say_lemmas: frozenset[str]
    pronoun_types: dict[str, str | None]
    event_lemmas: dict[str, str]  # lemma -> KILLED, INJURED, ...
    percent_units: frozenset[str]
    minor_currency: frozenset[str]
    skip_left: frozenset[str]
    time_nouns: frozenset[str]
    relative_pronouns: frozenset[str]
    per_nouns: frozenset[str]
    scale_abbreviations: tuple[str, ...]  # "bn", "mn": scales written short
    bare_scales: tuple[str, ...]  # scale words that alone are no figure ("a baker's dozen")
    months: tuple[str, ...]
    units: tuple[dict[str, UnitEntry], dict[str, UnitEntry]]  # (case-sensitive, lower-cased)
    kinds: dict[str, str]  # normalised unit -> kind
    deps: Labels
    cues: Cues
    patterns: Patterns | None = field(default=None, compare=False)  # compiled from the lists above

    def unit_kind(self, unit: str | None) -> str | None:
        """The kind (money, percent, measure, time, age) of a normalised unit, or None."""
        if unit is None:
            return None
        return self.kinds.get(unit.split("/")[0])


def lexicon(lang) -> Lexicon:
    """The numbers lexicon of ``lang``, built on first use and kept for the process."""
    return lang.cached("numbers.lexicon", lambda: _build(lang))


def _units(rows) -> tuple[dict[str, UnitEntry], dict[str, UnitEntry]]:
    exact: dict[str, UnitEntry] = {}
    lower: dict[str, UnitEntry] = {}
    for surface, unit, case, kind in rows:
        entry = UnitEntry(surface, unit, kind)
        if case == "s":
            exact[surface] = entry
        else:
            lower[surface.lower()] = entry
    return exact, lower


def _unit_kinds(currency_prefix: dict, units) -> dict[str, str]:
    kinds = {code: "money" for code in currency_prefix.values()}
    for table in units:
        for e in table.values():
            kinds.setdefault(e.unit, e.kind)
    return kinds


def _build(lang) -> Lexicon:
    w = lang.data(WORDS_FILE)
    units = _units(lang.data(UNITS_FILE))
    sets = {k: frozenset(w[k]) for k in ("person_nouns", "name_labels", "pronoun_determiners", "say_lemmas",
                                         "percent_units", "minor_currency", "skip_left", "time_nouns",
                                         "relative_pronouns", "per_nouns")}
    lex = Lexicon(
        **{k: w[k] for k in ("ones", "scales", "dozen", "vague", "fractions", "qualifiers",
                             "qualifiers_after", "currency_prefix", "pronoun_types")},
        **sets,
        event_lemmas={word: cat for cat, words in w["events"].items() for word in words},
        bare_scales=tuple(w["bare_scales"]), scale_abbreviations=tuple(w["scale_abbreviations"]), months=tuple(w["months"]), units=units, kinds=_unit_kinds(w["currency_prefix"], units),
        deps=labels(lang), cues=_cues(w["cues"]),
    )
    object.__setattr__(lex, "patterns", compile_patterns(lex, lang.data(RULES_FILE)))
    return lex
