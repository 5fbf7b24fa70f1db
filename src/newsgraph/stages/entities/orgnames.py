"""Organisation names the NER leaves out.

- a run of capitalised words ending in an organisation head ("Anti-Corruption Agency",
  "Main Border Guard Directorate") that no mention covers is an ORG mention (not in a
  title-case headline, where every word is capitalised);
- the names listed under ``[names]`` in ``entities_orgs.txt`` (written with their case) are
  ORG mentions wherever they stand, replacing a mistyped mention ("Akorda" as PERSON).
"""
from __future__ import annotations

import bisect
import re

from .headline import title_case_end
from .lexicon import Lexicon
from .spans import Mention, Tokens

_JOINERS = frozenset({"-", "–"})


def _capital_run(toks: Tokens, head: int, covered: list[bool]) -> int:
    """Start of the capitalised run that ends at ``head`` (hyphenated parts included)."""
    i = head
    while i - 1 >= 0 and not covered[i - 1] and not toks.sent_start[i]:
        prev = toks.text[i - 1]
        if prev in _JOINERS and i - 2 >= 0 and toks.is_cap(i - 2) and toks.end[i - 2] == toks.start[i - 1]:
            i -= 2
        elif prev[:1].isupper() and prev.lower() != "the":
            i -= 1
        else:
            break
    if toks.sent_start[i] and toks.lower[i] == "the":
        i += 1
    return i


def add_org_names(mentions: list[Mention], toks: Tokens, lex: Lexicon, source: str) -> list[Mention]:
    covered = [False] * toks.n
    for m in mentions:
        for i in range(m.ts, m.te):
            covered[i] = True
    new: list[Mention] = []
    title = title_case_end(toks, source)  # every word capitalised there: no run is a name
    for i in range(title, toks.n):
        if covered[i] or not toks.is_cap(i) or toks.text[i].isupper() or toks.lower[i] not in lex.org_heads:
            continue  # a head in capitals belongs to a headline ("ARMY ...") or an acronym
        s = _capital_run(toks, i, covered)
        if i - s + 1 >= 2:
            new.append(Mention(s, i + 1, "ORG"))
            for k in range(s, i + 1):
                covered[k] = True
    named = _named(toks, lex, source)
    out = [m for m in mentions if not any(m.ts < b and a < m.te for a, b in named)] + new
    out += [Mention(a, b, "ORG") for a, b in named]
    return sorted(out, key=lambda m: (m.ts, m.te))


def _named(toks: Tokens, lex: Lexicon, source: str) -> list[tuple[int, int]]:
    out = []
    for name in lex.org_names:
        out += occurrences(toks, source, name, 0, case=True)
    return out


def aligned(toks: Tokens, s: int, e: int) -> tuple[int, int] | None:
    """The token span whose characters are exactly [s, e), or None."""
    ts = bisect.bisect_left(toks.start, s)
    if ts >= toks.n or toks.start[ts] != s:
        return None
    te = bisect.bisect_left(toks.end, e, lo=ts)
    return (ts, te + 1) if te < toks.n and toks.end[te] == e else None


def occurrences(toks: Tokens, source: str, name: str, after: int, case: bool = False) -> list[tuple[int, int]]:
    """Token spans of ``name`` as a whole word in ``source`` from ``after`` on."""
    pat = re.compile(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-]|\.\w)", 0 if case else re.IGNORECASE)
    return [sp for m in pat.finditer(source, after) if (sp := aligned(toks, m.start(), m.end()))]
