"""Calendar arithmetic for TIMEX3 values: shifting months, ISO weeks, choosing the year of a
month or weekday from the reference date and the verb's tense.

``ref`` is the publication date (``datetime.date``) or None; with None every function that
needs it returns a value with ``X`` for the unknown parts (TIMEX3 allows ``XXXX-01``).
Tense is ``"PAST"``, ``"FUTURE"``, ``"PRESENT"`` or None.
"""
from __future__ import annotations

import datetime as dt

SEASON_MONTH = {"WI": 1, "SP": 4, "SU": 7, "FA": 10}
# Without a tense, news speaks of the past more than of the future: a future candidate
# counts this many times its distance when choosing the nearest.
FUTURE_WEIGHT = 2


def year_str(y: int | None) -> str:
    return "XXXX" if y is None else f"{y:04d}"


def month_value(y: int | None, m: int) -> str:
    return f"{year_str(y)}-{m:02d}"


def day_value(d: dt.date) -> str:
    return d.isoformat()


def shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def add_months(d: dt.date, k: int) -> dt.date:
    y, m = shift_months(d.year, d.month, k)
    day = min(d.day, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)
    return dt.date(y, m, day)


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: dt.date) -> str:
    if d.month in (12, 1, 2):
        return "WI"
    return ("SP", "SU", "FA")[(d.month - 3) // 3]


def month_year(ref: dt.date | None, month: int, tense: str | None) -> int | None:
    """The year of a month named without one: the last one for the past, the next for the
    future, else the nearest one to ``ref`` (future distances weighted)."""
    if ref is None:
        return None
    if tense == "PAST":
        return ref.year if month <= ref.month else ref.year - 1
    if tense == "FUTURE":
        return ref.year if month >= ref.month else ref.year + 1
    past = ref.year if month <= ref.month else ref.year - 1
    fut = ref.year if month >= ref.month else ref.year + 1
    d_past = (ref.year - past) * 12 + ref.month - month
    d_fut = (fut - ref.year) * 12 + month - ref.month
    return fut if FUTURE_WEIGHT * d_fut < d_past else past


def month_day(ref: dt.date | None, month: int, day: int, tense: str | None) -> str:
    """``YYYY-MM-DD`` of a month and day named without a year."""
    if ref is None:
        return f"XXXX-{month:02d}-{day:02d}"
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not cands:
        return f"{ref.year:04d}-{month:02d}-{day:02d}"
    if tense == "PAST":
        past = [c for c in cands if c <= ref]
        if past:
            return max(past).isoformat()
    if tense == "FUTURE":
        fut = [c for c in cands if c >= ref]
        if fut:
            return min(fut).isoformat()
    return min(cands, key=lambda c: (c - ref).days * FUTURE_WEIGHT if c > ref else (ref - c).days).isoformat()


def weekday_date(ref: dt.date | None, wd: int, tense: str | None, rel: str | None = None) -> str:
    """The date of an ISO weekday (1 = Monday) named without a date.

    Past tense (or none): the latest such day on or before ``ref``; future: the first on or
    after it. ``rel`` "last"/"next" exclude ``ref`` itself.
    """
    if ref is None:
        return f"XXXX-WXX-{wd}"
    back = (ref.isoweekday() - wd) % 7
    fwd = (wd - ref.isoweekday()) % 7
    if rel == "last":
        return (ref - dt.timedelta(days=back or 7)).isoformat()
    if rel == "next":
        return (ref + dt.timedelta(days=fwd or 7)).isoformat()
    if tense == "FUTURE":
        return (ref + dt.timedelta(days=fwd)).isoformat()
    return (ref - dt.timedelta(days=back)).isoformat()


def season_year(ref: dt.date | None, season: str, step: int, tense: str | None) -> int | None:
    """Year of a season: ``step`` -1 last, +1 next, 0 this (tense decides when ambiguous)."""
    if ref is None:
        return None
    cur = season_of(ref)
    order = ("WI", "SP", "SU", "FA")
    if step == 0:
        return ref.year
    if step < 0:
        return ref.year if order.index(season) < order.index(cur) else ref.year - 1
    return ref.year if order.index(season) > order.index(cur) else ref.year + 1


def nth_weekday(year: int, month: int, wd: int, n: int, first: int = 1) -> dt.date:
    """The n-th ISO weekday ``wd`` of a month on or after day ``first`` (n = -1: the last)."""
    if n < 0:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)
    d = dt.date(year, month, first)
    d += dt.timedelta(days=(wd - d.isoweekday()) % 7)
    return d + dt.timedelta(weeks=n - 1)


def holiday(spec: tuple, year: int) -> dt.date:
    if len(spec) == 2:
        return dt.date(year, *spec)
    month, wd, n, first = spec
    return nth_weekday(year, month, wd, n, first)


def pick_year(ref: dt.date | None, make, tense: str | None) -> str | None:
    """Of ``make(year)`` for the years around ``ref``, the one the tense points to
    (past: the last on or before ``ref``; future: the first on or after; else the nearest,
    future distances weighted)."""
    if ref is None:
        return None
    cands = [make(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if tense == "PAST":
        return max(c for c in cands if c <= ref).isoformat()
    if tense == "FUTURE":
        return min(c for c in cands if c >= ref).isoformat()
    return min(cands, key=lambda c: (c - ref).days * FUTURE_WEIGHT if c > ref else (ref - c).days).isoformat()
