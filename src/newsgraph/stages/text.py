"""Helpers shared by the stage packages: from character offsets to tokens of a Doc, and the
dependency labels of the article's language by role."""
from __future__ import annotations

__all__ = ["Labels", "labels", "token_at", "token_index_at"]


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
