"""Second pass over an article's times: values that depend on the other expressions.

"a year earlier" / "a year ago" in a sentence about a quarter ("profit rose in the third
quarter from $5 million a year earlier") means that quarter one year back: when the same
sentence, or the one before, names a quarter (``YYYY-Qn``), a one-year comparison takes
the quarter's granularity.
"""
from __future__ import annotations

import re

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_COMPARISONS = ("ago", "year_ago")


def _sentence_starts(doc) -> list[int]:
    return [s.start_char for s in doc.sents]


def _sent_index(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def refine(doc, times: list, rules: list[str]) -> None:
    """Adjust values in place (``rules[i]`` is the rule that found ``times[i]``)."""
    todo = [i for i, r in enumerate(rules) if r in _COMPARISONS and re.fullmatch(r"\d{4}", times[i].value)]
    if not todo:
        return
    quarters = [(t.start, m) for t, r in zip(times, rules)
                if r not in _COMPARISONS and (m := _QUARTER.match(t.value))]
    if not quarters:
        return
    starts = _sentence_starts(doc)
    for i in todo:
        t = times[i]
        here = _sent_index(starts, t.start)
        near = [(abs(s - t.start), m) for s, m in quarters if here - 1 <= _sent_index(starts, s) <= here]
        if not near:
            continue
        m = min(near, key=lambda x: x[0])[1]
        year = int(m.group(1)) - 1
        if abs(year - int(t.value)) <= 1:
            t.value = f"{year:04d}-Q{m.group(2)}"
