"""Quotation-mark spans in raw text, paragraph by paragraph (no NLP).

Handles straight, curly and guillemet double marks, top-level single marks, a closing
mark with no opening one (the quote runs from the paragraph start), and a quote that
continues over paragraphs (opening mark, no closing mark, next paragraph reopens).
Each span includes its marks, as PolNeAR annotates direct content.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PARA = re.compile(r"[^\n]+")
_DOUBLE = re.compile(r"[\"“”«»„]")
_SINGLE = re.compile(r"['‘’‹›]")
_OPENERS = "“«„‘‹"
_CLOSERS = "”»’›"
_BEFORE_OPEN = " \t\xa0([{—–-/:;"


@dataclass
class MarkSpan:
    """A quoted stretch of text: [start, end) including its marks."""

    start: int
    end: int
    opened: bool = True  # False: closing mark with no opening one
    closed: bool = True  # False: ran to the end of the paragraph


def _is_open(text: str, i: int, para_start: int, inside: bool = False) -> bool:
    """Whether the mark at ``i`` opens a quote (a straight mark closes one that is open)."""
    ch = text[i]
    if ch in _OPENERS:
        return True
    if ch in _CLOSERS:
        return False
    if inside:
        return False
    return i == para_start or text[i - 1] in _BEFORE_OPEN


def _single_ok(text: str, i: int, para_start: int, opening: bool) -> bool:
    """A single mark counts only at a word edge (not an apostrophe as in don't or Jones')."""
    if opening:
        return (i == para_start or not text[i - 1].isalnum()) and i + 1 < len(text) and text[i + 1].isalpha()
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not nxt.isalnum() and not text[i - 1].isspace()


def _paragraph(text: str, s: int, e: int, pending: MarkSpan | None) -> tuple[list[MarkSpan], MarkSpan | None]:
    """Spans of one paragraph; ``pending`` is a quote left open by the previous paragraph."""
    out: list[MarkSpan] = []
    marks = list(_DOUBLE.finditer(text, s, e))
    single = not marks
    if single:
        marks = [m for m in _SINGLE.finditer(text, s, e)
                 if _single_ok(text, m.start(), s, text[m.start()] in "‘‹" or (
                     text[m.start()] == "'" and (m.start() == s or text[m.start() - 1] in _BEFORE_OPEN)))]
    open_at: int | None = None
    first = True
    for m in marks:
        i = m.start()
        if _is_open(text, i, s, inside=open_at is not None):
            if pending is not None and first and text[s:i].strip() == "":
                open_at = pending.start  # the quote goes on from the previous paragraph
            elif pending is not None:
                out.append(pending)
                open_at = i
            else:
                open_at = i
            pending = None
        elif open_at is not None:
            out.append(MarkSpan(open_at, i + 1))
            open_at = None
        elif not out and pending is None and not single:
            lead = s + len(text[s:e]) - len(text[s:e].lstrip())
            out.append(MarkSpan(lead, i + 1, opened=False))
        first = False
    if pending is not None:
        out.append(pending)
    if open_at is not None:
        return out, MarkSpan(open_at, e, closed=False)
    return out, None


def find_mark_spans(text: str) -> list[MarkSpan]:
    """Every quoted stretch of the text, in order."""
    out: list[MarkSpan] = []
    pending: MarkSpan | None = None
    for para in _PARA.finditer(text):
        if not para.group().strip():
            continue
        spans, pending = _paragraph(text, para.start(), para.end(), pending)
        out.extend(spans)
    if pending is not None:
        out.append(pending)
    return out
