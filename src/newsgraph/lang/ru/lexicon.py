"""The Russian word lists (the data files beside this module, ``lang/ru/``), parsed once per process.

``data(name)`` gives the parsed file: ``.txt`` -> set of lines in comparison form (``key``);
``.tsv`` -> list of rows; ``.json`` -> the object; ``#`` comments and blank lines dropped
(the formats of ``Language.data``, so the stages can move to ``ctx.lang.data`` unchanged).
``key(s)`` is the comparison form of a Russian word or name: lower case, ё as е, single spaces.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def key(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").replace("\u00a0", " ").split())


@functools.lru_cache(maxsize=None)
def data(name: str):
    path = DATA_DIR / name
    text = path.read_text(encoding="utf-8")
    if name.endswith(".json"):
        return json.loads(text)
    lines = [ln.rstrip("\n") for ln in text.splitlines()]
    lines = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if name.endswith(".tsv"):
        return [ln.split("\t") for ln in lines]
    return {key(ln) for ln in lines}


@functools.lru_cache(maxsize=1)
def acronyms() -> dict[str, tuple[str, str]]:
    """Acronym (as written) -> (nominative expansion, type)."""
    return {row[0]: (row[1], row[2]) for row in data("acronyms.tsv") if len(row) >= 3}


def title_heads() -> set[str]:
    return data("title_heads.txt")


def title_modifiers() -> set[str]:
    return data("title_modifiers.txt")


def org_heads() -> set[str]:
    return data("org_heads.txt")


def org_names() -> set[str]:
    return data("org_names.txt")


def place_heads() -> set[str]:
    return data("place_heads.txt")


def org_generic() -> set[str]:
    return data("org_generic.txt")
