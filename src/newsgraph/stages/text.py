"""Helpers shared by the stage packages: from character offsets to tokens of a Doc, and the
dependency labels of the article's language by role, and the regex templates of the
language's rule files (``fill``)."""
from __future__ import annotations

import re

from ..errors import ResourceError

__all__ = ["Labels", "fill", "labels", "token_at", "token_index_at"]

_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")


def fill(template: str, frags: dict[str, str], source: str) -> str:
    """The regex source ``template`` (from the data file ``source``) with every ``{NAME}``
    replaced by ``frags[NAME]``; regex quantifiers (``{2}``, ``{1,3}``) are left alone."""
    def one(m: re.Match) -> str:
        try:
            return frags[m.group(1)]
        except KeyError:
            raise ResourceError(f"{source}: unknown placeholder {m.group(0)} in {template!r}; "
                                f"known: {', '.join(sorted(frags))}; fix the file") from None
    return _PLACEHOLDER.sub(one, template)


_TEXT_KEY = "newsgraph.text"


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text on each access, which
    cost the stages more than a second per 80 articles when each read it for itself."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def token_at(doc, start: int, end: int):
    """The first token of the characters ``start:end`` (expanded to whole tokens), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def token_index_at(doc, char: int) -> int:
    """Index of the first token starting at or after ``char`` (``len(doc)`` when none does)."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return lo


class Labels:
    """The dependency labels of a language by syntactic role (``lang/<code>/labels.json``):
    ``labels(lang).prep_object`` is ``lang.deps("prep_object")``, looked up on first use and
    then kept as a plain attribute (no lookup per token)."""

    def __init__(self, lang) -> None:
        self._lang = lang

    def __getattr__(self, role: str) -> frozenset[str]:
        if role.startswith("_"):
            raise AttributeError(role)
        value = self._lang.deps(role)
        setattr(self, role, value)
        return value


def labels(lang) -> Labels:
    """The role -> labels table of ``lang``, one per process per language."""
    return lang.cached("stages.labels", lambda: Labels(lang))
