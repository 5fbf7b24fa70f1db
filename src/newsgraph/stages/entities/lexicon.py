"""Word lists of the entities stage (title words, group adjectives, organisation heads).

The lists live in the language's data folder (``lang/en/entities_*.txt``: one entry a
line, ``#`` comments, ``[section]`` headers) and build once per process per language
(cached on the ``Language``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ...lang import Language


@dataclass(frozen=True)
class Lexicon:
    """Everything the entities stage looks words up in (all sets hold lower-case keys)."""

    heads: frozenset[str]  # words that end a title: "minister", "chairman"
    modifiers: frozenset[str]  # words that may precede a head inside a title: "deputy"
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word -> multi-word heads, longest first
    capitalized: frozenset[str]  # heads that count only when capitalised: "general"
    honorifics: frozenset[str]  # "mr.", "mrs.", "dr."
    norp: frozenset[str]  # group words and their plurals, lower case: "kazakh", "kazakhs"
    org_heads: frozenset[str]  # "committee", "ministry"
    words: dict[str, frozenset[str]]  # the short lists of entities_words.json, by name
    org_names: tuple[str, ...] = ()  # names always ORG, written with their case: "Jogorku Kenesh"


def read_sections(lines: list[str]) -> dict[str, list[str]]:
    """Entries of a data file's lines by section ("" for entries before any section header)."""
    out: dict[str, list[str]] = {"": []}
    section = ""
    for line in lines:
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            out.setdefault(section, [])
        else:
            out[section].append(line)
    return out


def _plurals(words: list[str], as_is: tuple[str, ...]) -> set[str]:
    """The words and their plurals in -s (not of those ending in ``as_is``: "Chinese")."""
    out = set()
    for w in words:
        lw = w.lower()
        out.add(lw)
        if not lw.endswith(as_is):
            out.add(lw + "s")
    return out


def _phrase_index(phrases: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        words = tuple(p.lower().split())
        index.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def lexicon(lang: Language) -> Lexicon:
    """The stage's word lists of ``lang``, built once per process."""
    return lang.cached("entities.lexicon", lambda: _build(lang))


def _build(lang: Language) -> Lexicon:
    titles = read_sections(lang.data("entities_titles.txt"))
    norp = read_sections(lang.data("entities_norp.txt"))[""]
    org_file = read_sections(lang.data("entities_orgs.txt"))
    orgs = org_file[""]
    short = {k: frozenset(v) for k, v in lang.data("entities_words.json").items() if not k.startswith("_")}
    heads, modifiers = set(titles["heads"]), set(titles["modifiers"])
    for word in titles["heads"]:  # spaCy splits "front-runner": "front" "-" "runner"
        if "-" in word.strip("-"):
            parts = word.split("-")
            modifiers.update(p for p in parts[:-1] if p)
            heads.add(parts[-1])
    return Lexicon(
        heads=frozenset(heads),
        modifiers=frozenset(modifiers),
        phrases=_phrase_index(titles["phrases"]),
        capitalized=frozenset(titles["capitalized"]),
        honorifics=frozenset(titles["honorifics"]),
        norp=frozenset(_plurals(norp, tuple(lang.data("entities_words.json")["plural_as_is_endings"]))),
        org_heads=frozenset(orgs),
        words=short,
        org_names=tuple(org_file.get("names", ())),
    )
