"""The dateline's names (see ``dateline``): its city is a place, its outlet an organisation.

The NER often reads an upper-case dateline city as an organisation ("ALMATY") and misses the
outlet ("Trend:", "/Asia-Plus/"). Here the city becomes a GPE mention, the outlet an ORG
mention, and each later occurrence of the outlet's name ("Trend reports") an ORG mention too.
"""
from __future__ import annotations

from ..dateline import find_dateline
from .orgnames import aligned, occurrences
from .spans import Mention, Tokens


def apply_dateline(mentions: list[Mention], toks: Tokens, source: str) -> list[Mention]:
    d = find_dateline(source)
    if d is None:
        return mentions
    fixed: list[tuple[int, int, str]] = []
    city = aligned(toks, *d.city)
    if city:
        fixed.append((*city, "GPE"))
    if d.outlet is not None:
        name = source[d.outlet[0]:d.outlet[1]]
        spans = occurrences(toks, source, name, 0)
        fixed += [(a, b, "ORG") for a, b in spans]
    if not fixed:
        return mentions
    keep = [m for m in mentions if not any(m.ts < b and a < m.te for a, b, _ in fixed)]
    keep += [Mention(a, b, label) for a, b, label in fixed]
    return sorted(keep, key=lambda m: (m.ts, m.te))
