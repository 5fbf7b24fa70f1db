"""Second pass over an article's times: values that depend on the other expressions.

"a year earlier" / "a year ago" in a sentence about a quarter ("profit rose in the third
quarter from $5 million a year earlier") means that quarter one year back: when the same
sentence, or the one before, names a quarter (``YYYY-Qn``), a one-year comparison takes
the quarter's granularity.

"A day earlier", "two days later", "the next day" count from the last day the text named
("detained on Thursday ... A day earlier, officers searched ..."), not from the publication
date; with no such day before them (or only the publication date) they keep their value.
"""
from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .norm_base import _key, _num, _unit

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
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


def _anaphoric_shift(rule: str, g: dict, lex) -> tuple[str, int] | None:
    """(unit letter, signed count) of an expression counted from a named date, or None."""
    anaphoric = lex.anaphoric
    if rule == "ago":
        sign = anaphoric["dirs"].get(_key(g.get("dir")).strip())
        n = _num(g.get("n") or "", lex)
        if sign is None or n is None or not float(n).is_integer():
            return None
        letter, mult = _unit(g["unit"], lex)
        return letter, int(n) * mult * sign
    if rule == "day_rel":
        return "D", anaphoric["dirs"][_key(g.get("dir") or g.get("fol"))]
    if rule == "deictic" and not g.get("wd"):
        sign = anaphoric["rels"].get(_key(g.get("rel")).strip())
        if sign is None:
            return None
        letter, mult = _unit(g["what"], lex)
        return letter, mult * sign
    return None


def anaphora(times: list, rules: list[str], groups: list[dict], published, lex) -> None:
    """Re-anchor relative days and weeks on the last day named before them (in place)."""
    last: dt.date | None = None
    for t, rule, g in zip(times, rules, groups):
        shift = _anaphoric_shift(rule, g, lex)
        if shift is not None and last is not None and last != published and shift[0] in ("D", "W"):
            letter, k = shift
            d = last + dt.timedelta(days=k if letter == "D" else 7 * k)
            t.value = d.isoformat() if letter == "D" else cal.week_value(d)
        if t.type == "DATE" and _DAY.match(t.value or ""):
            last = dt.date.fromisoformat(t.value)
