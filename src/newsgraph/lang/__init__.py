"""Languages: each one declared once, with its NLP, label scheme, data folder and stages.

A ``Language`` is a plain declaration; nothing registers itself on import. The registry
is the explicit table ``LANGUAGES`` below: adding a language is one line there (and its
folder ``lang/<code>/``). The pipeline routes every article by ``Article.lang`` to its
language's NLP and stages; a code with no entry (``get`` gives None) is stored without facts.

Language data (word lists, cue lexicons, month and number words, titles, dependency label
sets) lives in files under ``lang/<code>/`` and is read through ``Language.data(name)``,
parsed once per process and cached on the language object.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ResourceError

__all__ = ["Language", "LANGUAGES", "get", "normalize_code"]


@dataclass(frozen=True)
class Language:
    code: str                        # "en", "ru"
    name: str
    load_nlp: Callable[[], Any]      # called once per process; returns an object with
                                     # .pipe(texts, batch_size=...) -> iterator of spaCy Doc
    data_dir: Path                   # lang/<code>/ : every word list of this language
    stages: Callable[[], tuple]      # the Stage objects of this language, in order
    labels: str = "clear"            # dependency label scheme: "clear" (spaCy en) or "ud"
    nlp_version: str = ""            # model and own components; a change re-extracts stored articles
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def nlp(self) -> Any:
        """The language's NLP object, loaded on first use and kept for the process."""
        return self.cached("nlp", self.load_nlp)

    def data(self, name: str) -> Any:
        """The parsed data file ``name`` of this language (``.json`` -> JSON value, ``.tsv`` ->
        list of rows, ``.txt`` -> list of lines; ``#`` comments and blank lines dropped)."""
        return self.cached("data:" + name, lambda: _parse(self.data_dir / name, self.code))

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        """``build()`` once per process for this language (lexicons compiled from its data)."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
            return value

    def deps(self, role: str) -> frozenset[str]:
        """The dependency labels of a syntactic role (``labels.json``: "subject", "object", ...)."""
        return self.cached("deps:" + role, lambda: _deps(self, role))


def _parse(path: Path, code: str) -> Any:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"language data file {path} ({code}) cannot be read: {exc.strerror}; "
                            f"reinstall newsgraph or restore the file") from exc
    if path.suffix == ".json":
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ResourceError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}; fix the file") from exc
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if path.suffix == ".tsv":
        return [row for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return [ln.strip() for ln in lines]


def _deps(lang: Language, role: str) -> frozenset[str]:
    table = lang.data("labels.json")
    if role not in table:
        raise ResourceError(f"{lang.data_dir / 'labels.json'} has no role {role!r}; "
                            f"known: {', '.join(sorted(k for k in table if not k.startswith('_')))}")
    return frozenset(table[role])


def normalize_code(value: object) -> str | None:
    """A language code as the registry spells it: "EN-us" -> "en"; empty -> None."""
    if value is None:
        return None
    s = str(value).strip().lower().replace("_", "-")
    return s.split("-")[0] or None


# The registry: one import and one entry per language (declarations need Language above).
from .en import EN  # noqa: E402
from .ru.language import RU  # noqa: E402

LANGUAGES: dict[str, Language] = {
    "en": EN,
    "ru": RU,
}


def get(code: str | None) -> Language | None:
    """The declared language of ``code``, or None when newsgraph has no pipeline for it."""
    return LANGUAGES.get(code) if code else None
