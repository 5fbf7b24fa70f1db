"""Name keys across scripts: one Latin skeleton for Cyrillic and Latin spellings of a name.

    skeleton("Токаев") == skeleton("Tokayev") == skeleton("Tokaev")        == "tokaev"
    skeleton("Жапаров") == skeleton("Japarov") == skeleton("Zhaparov")     == "japarov"
    skeleton("Мирзиёев") == skeleton("Mirziyoyev") == skeleton("Mirziyoev") == "mirzioev"
    surname_stem("tokaeva") == surname_stem("tokaevu") == "tokaev"          (Russian case forms)

Cyrillic letters go to one BGN/PCGN-like spelling by the table in ``data/translit.json`` (we
tried normality's ``latinize_text``: it gives ISO 9 letters - ŝ, â, û, ž - that would need a
second table to meet BGN spellings, so the table maps straight to ours). Latin spellings are
then folded by the same file's rules: zh/dzh/j -> j, kh -> h, y -> i, c -> k (s before e, i),
an i between vowels dropped (Tokayev -> tokaev), doubled letters single (Kassym -> kasim). Whatever non-ASCII is
left (Turkic or West European accents) goes through ``normality.ascii_text``.
The key is for finding candidates only; given names, titles and context still decide.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources as _res

_VOWEL_I = re.compile(r"(?<=[aeiou])i(?=[aeiou])")
_START_I = re.compile(r"^i(?=[aeiou])")
_DOUBLE = re.compile(r"(.)\1+")
_SKY = re.compile(r"sk(?:ogo|omu|im|om|oi|a|u)$")
_SOFT_C = re.compile(r"c(?!h)(?=[eiy])")  # Cecilia -> sesilia (Сесилия)
_HARD_C = re.compile(r"c(?!h)")            # Clinton -> klinton (Клинтон)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(_res.files(__package__).joinpath("data/translit.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, list, re.Pattern]:
    d = _data()
    letters = {**d["cyrillic"], **d["latin_letters"]}
    rules = [tuple(r) for r in d["latin_rules"]]
    ends = d["surname_case_endings"]
    stem = re.compile(rf"({'|'.join(ends['after'])})(?:{'|'.join(sorted(ends['latin_endings'], key=len, reverse=True))})$")
    return letters, rules, stem


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


@lru_cache(maxsize=200_000)
def latin(text: str) -> str:
    """Lower-case Latin spelling of ``text`` (Cyrillic by the table, accents stripped)."""
    from normality import ascii_text

    letters = _tables()[0]
    s = "".join(letters.get(c, c) for c in text.lower())
    return s if s.isascii() else (ascii_text(s) or "").lower()


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The cross-script key of one word (see the module docstring)."""
    s = latin(word)
    for a, b in _tables()[1]:
        s = s.replace(a, b)
    s = _HARD_C.sub("k", _SOFT_C.sub("s", s))
    s = _START_I.sub("", _VOWEL_I.sub("", s))
    return _DOUBLE.sub(r"\1", s)


def surname_stem(key: str) -> str:
    """A surname key without the Russian oblique-case ending: tokaeva/tokaevu/tokaevim -> tokaev."""
    if len(key) < 5:
        return key
    s = _tables()[2].sub(r"\1", key)
    return _SKY.sub("ski", s) if s == key else s
