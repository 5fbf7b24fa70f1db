"""Text helpers shared by the stage packages: from character offsets to tokens of a Doc."""
from __future__ import annotations

__all__ = ["token_at", "token_index_at"]


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
