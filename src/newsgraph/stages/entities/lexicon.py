"""Word lists of the entities stage (title words, group adjectives, organisation heads).

The lists live in ``stages/data/entities_*.txt`` (one entry a line, ``#`` comments,
``[section]`` headers) and load once per process.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ...errors import ResourceError

_DATA = Path(__file__).resolve().parent.parent / "data"


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
    org_names: tuple[str, ...] = ()  # names always ORG, written with their case: "Jogorku Kenesh"


def read_sections(name: str) -> dict[str, list[str]]:
    """Entries of a data file by section ("" for entries before any section header)."""
    path = _DATA / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"entities word list {path} is missing; reinstall newsgraph") from exc
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


def _plurals(words: list[str]) -> set[str]:
    out = set()
    for w in words:
        lw = w.lower()
        out.add(lw)
        if not lw.endswith(("s", "ese", "sh", "ch", "z")):
            out.add(lw + "s")
    return out


def _phrase_index(phrases: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        words = tuple(p.lower().split())
        index.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The stage's word lists, read once per process."""
    titles = read_sections("entities_titles.txt")
    norp = read_sections("entities_norp.txt")[""]
    org_file = read_sections("entities_orgs.txt")
    orgs = org_file[""]
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
        norp=frozenset(_plurals(norp)),
        org_heads=frozenset(orgs),
        org_names=tuple(org_file.get("names", ())),
    )
