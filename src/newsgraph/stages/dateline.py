"""The dateline at the top of an article: its city and the outlet that filed it.

Forms of wire and agency copy (our own examples):
    "ASTANA. KAZINFORM – ..."                 "BISHKEK, March 3 (Reuters) – ..."
    "BISHKEK (AKIpress) - ..."                "BAKU, Azerbaijan, May 15\\n\\nTrend:\\n\\n..."
    "DUSHANBE, 20.06.2025 /Asia-Plus/ – ..."   "TASHKENT, Uzbekistan (UzDaily.com) — ..."
    "TASHKENT — ..."                          "DUSHANBE, September 17, 2015, Asia-Plus - ..."
The dateline is no part of the first sentence's content: its city is the default place of
the events the article reports, its outlet an organisation (the speaker of a sentence only
where the text says so, "Kazinform reports"), and neither is a speaker or an actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CITY = (r"(?P<city>[A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?|[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+)?)"
         r"(?:/[A-Z][A-Za-z'\-]+)?")  # "DUSHANBE/BISHKEK (Reuters)": the first city is the dateline's
_PATTERN = re.compile(
    r"\s*" + _CITY +
    r"(?:,\s*(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[,(/\s]))?"
    r"(?:\.\s+(?P<agency>[A-Z][A-Za-z0-9.\-]+))?"
    r"(?:[,.]\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2} [A-Z][a-z]{2,8}))?"
    r"(?:\s*\((?P<paren>[^()\n]{2,40})\)|\s*/(?P<slash>[^/\n]{2,30})/"
    r"|,\s*(?P<comma>[A-Z][A-Za-z0-9.\-]{1,30})(?=[ \t]*[\u2013\u2014-]+[ \t]))?"
    r"(?:[ \t]*[\u2013\u2014-]+[ \t]+|\s*\n\s*\n\s*(?P<colon>[A-Z][\w.\-]{1,30}):\s*"
    r"|(?<=[A-Z])[ \t]+(?=[A-Z][a-z]))")  # "ASTANA. KAZINFORM The ...": copy that lost its dash
_HEADLINE_WORDS = 25
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # where the article's first sentence begins
    city: tuple[int, int]
    outlet: tuple[int, int] | None

    def covers(self, pos: int) -> bool:
        return self.start <= pos < self.end


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text`` (or its body, after a one-line headline), or None. A
    Title-case city needs a dash, a date or an outlet after it (so "Police detained ..." is no
    dateline)."""
    for pos in _body_starts(text):
        d = _match(text, pos)
        if d is not None:
            return d
    return None


def _body_starts(text: str) -> list[int]:
    """Where a dateline may stand: the start, and after a headline."""
    end = headline_end(text)
    return [0, end] if end else [0]


def headline_end(text: str) -> int:
    """The end of the headline that opens ``text`` (one line of at most ``_HEADLINE_WORDS``
    words, without a final stop, then a blank line), else 0."""
    head_end = text.find("\n")
    if head_end > 0 and _BLANK_LINE.match(text, head_end):
        line = text[:head_end].strip()
        if line and len(line.split()) <= _HEADLINE_WORDS and not line.endswith((".", ":")):
            return head_end
    return 0


def _match(text: str, pos: int) -> Dateline | None:
    m = _PATTERN.match(text, pos)
    if m is None:
        return None
    city = m.group("city")
    outlet = next((g for g in ("agency", "paren", "slash", "comma", "colon") if m.group(g)), None)
    if m.group("agency") and not m.group("agency").isupper() and not text[m.end("agency"):m.end()].strip():
        return None  # "Astana. Police ..." : two sentences, not a city and its agency
    if not (outlet or m.group("date") or m.group("country")):
        nxt = text[m.end():m.end() + 30].split()
        if not city.isupper() or not nxt or nxt[0].isupper():
            return None  # "SOCCER - JAPAN GET LUCKY WIN": a headline, not "TASHKENT — Uzbek officials"
    if outlet == "paren" and not _outlet_like(m.group("paren")):
        return None
    span = m.span(outlet) if outlet else None
    if span and outlet == "paren":
        span = _strip_paren(text, span)
    return Dateline(m.start("city"), m.end(), m.span("city"), span)


def _outlet_like(s: str) -> bool:
    return bool(s) and s[0].isupper() and len(s.split()) <= 4 and not any(c.isdigit() for c in s[:1])


def _strip_paren(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s] in " ":
        s += 1
    while e > s and text[e - 1] in " ":
        e -= 1
    return s, e
