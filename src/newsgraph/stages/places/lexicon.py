"""Word lists of the places stage (the language's ``places_words.json``) and the dependency
labels it looks for, built once per process per language."""
from __future__ import annotations

from dataclasses import dataclass

from ...lang import Language
from ..text import Labels, labels

DATA = "places_words.json"


@dataclass(frozen=True)
class Lexicon:
    locative_preps: frozenset[str]  # "in", "at": govern the scene of an event
    reporting_lemmas: frozenset[str]  # verbs whose place is no event's scene
    event_nouns: frozenset[str]  # "operation", "detention" (with their singular forms)
    place_nouns: frozenset[str]  # "territory": after a demonym it names the place
    scan_stop: frozenset[str]  # capitalised words the gazetteer scan never takes alone
    generic: frozenset[str]  # "West", "Valley": no one place
    trim_first: frozenset[str]  # dropped from a name's start before lookup ("Far North ...")
    trim_last: frozenset[str]  # dropped from a name's end before lookup ("... County")
    deps: Labels  # the language's dependency labels by role
    kind_nouns: frozenset[str] = frozenset()  # after a name, say it is a place ("the Dostyk checkpoint")
    capital_nouns: frozenset[str] = frozenset()  # after a demonym, name the country's capital ("the Kyrgyz capital")
    town_preps: frozenset[str] = frozenset()  # before a mislabelled name, make a known town of it ("in Kerben")


def lexicon(lang: Language) -> Lexicon:
    return lang.cached("places.lexicon", lambda: _build(lang.data(DATA), labels(lang)))


def _build(raw: dict, deps: Labels) -> Lexicon:
    words = {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
    words["event_nouns"] = words["event_nouns"] | {n.rstrip("s") for n in words["event_nouns"]}
    return Lexicon(**words, deps=deps)
