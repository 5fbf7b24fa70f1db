"""The Russian word lists (the data files beside this module, ``lang/ru/``), read through the
Russian ``Language``: each file is parsed once per process by ``Language.data`` and what is
built from it is cached on the language object (``Language.cached``), not in this module.

``data(name, lang)`` gives the parsed file: ``.txt`` -> set of lines in comparison form
(``key``); ``.tsv`` -> list of rows; ``.json`` -> the object; ``#`` comments and blank lines
dropped. ``lang`` is the article's language (``ctx.lang``); a caller that has none gets the
Russian one. ``key(s)`` is the comparison form of a Russian word or name: lower case, ё as
е, single spaces.
"""
from __future__ import annotations

from .. import Language
from .language import RU


def key(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").replace("\u00a0", " ").split())


def data(name: str, lang: Language | None = None):
    lang = lang or RU
    if name.endswith(".txt"):
        return words(name, lang)
    return lang.data(name)


def words(name: str, lang: Language | None = None) -> set[str]:
    """The lines of the word list ``name`` (a ``.txt`` file) in comparison form."""
    lang = lang or RU
    return lang.cached("ru.words:" + name, lambda: {key(ln) for ln in lang.data(name)})


def acronyms(lang: Language | None = None) -> dict[str, tuple[str, str]]:
    """Acronym (as written) -> (nominative expansion, type)."""
    lang = lang or RU
    return lang.cached("ru.acronyms", lambda: {row[0]: (row[1], row[2]) for row in lang.data("acronyms.tsv")
                                               if len(row) >= 3})


def title_heads(lang: Language | None = None) -> set[str]:
    return words("title_heads.txt", lang)


def title_modifiers(lang: Language | None = None) -> set[str]:
    return words("title_modifiers.txt", lang)


def org_heads(lang: Language | None = None) -> set[str]:
    return words("org_heads.txt", lang)


def org_names(lang: Language | None = None) -> set[str]:
    return words("org_names.txt", lang)


def place_heads(lang: Language | None = None) -> set[str]:
    return words("place_heads.txt", lang)


def org_generic(lang: Language | None = None) -> set[str]:
    return words("org_generic.txt", lang)
