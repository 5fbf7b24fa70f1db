"""Claim ledger: where claims about one quantity conflict.

A claim is a series point (one figure, its hedge, its date, its claimant). Two claims
conflict when they have different claimants (the claimant entity, else the outlet), their
dates fall in the same period (day ranges within ``PERIOD_DAYS`` of each other) and their
values are incompatible once the hedges are read as intervals:

    exact 50 -> [50, 50]      about 50 -> [45, 55]      more_than 50 -> (50, inf)
    at_least 50 -> [50, inf)  less_than / at_most 50 -> [0, 50]   range -> [low, high]

so "more than 40" and "50" agree, "about 100" and "300" do not.
"""
from __future__ import annotations

import math

PERIOD_DAYS = 7
ABOUT = 0.1  # "about 50" covers 45-55
MAX_CONFLICTS = 100


def interval(value: float | None, approx: str | None, low: float | None = None,
             high: float | None = None) -> tuple[float, float] | None:
    """The values a hedged figure allows (open ends as +-1e-9 nudges)."""
    if value is None and low is None:
        return None
    a = (approx or "exact").lower()
    v = float(value if value is not None else low)
    if a == "range" and low is not None and high is not None:
        return float(low), float(high)
    if a in ("about", "approximately", "nearly", "almost"):
        return v * (1 - ABOUT), v * (1 + ABOUT)
    if a == "more_than":
        return v + 1e-9, math.inf
    if a == "at_least":
        return v, math.inf
    if a == "less_than":
        return 0.0, v - 1e-9
    if a == "at_most":
        return 0.0, v
    return v, v


def compatible(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def _days(date: str | None) -> tuple[int, int] | None:
    from .events import day_range
    return day_range(date, "time", None) if date else None


def same_period(a: str | None, b: str | None) -> bool:
    ra, rb = _days(a), _days(b)
    if ra is None or rb is None:
        return False
    return ra[0] <= rb[1] + PERIOD_DAYS and rb[0] <= ra[1] + PERIOD_DAYS


def claimant_of(p: dict) -> str:
    """Who makes the claim: the claimant entity, else its name, else the outlet."""
    return p.get("claimant_id") or p.get("claimant") or f"source:{p.get('source') or p.get('article')}"


def conflicts(points: list[dict]) -> list[dict]:
    """``[{date_range, values, claimants}]`` for each pair of conflicting claims.

    A point is {date, value, approx, low?, high?, claimant?, claimant_id?, source?, article, number}."""
    out: list[dict] = []
    pts = sorted(points, key=lambda p: (p.get("date") or "", p.get("article") or "", p.get("number") or ""))
    for i, a in enumerate(pts):
        for b in pts[i + 1:]:
            if claimant_of(a) == claimant_of(b) or not same_period(a.get("date"), b.get("date")):
                continue
            if compatible(interval(a.get("value"), a.get("approx"), a.get("low"), a.get("high")),
                          interval(b.get("value"), b.get("approx"), b.get("low"), b.get("high"))):
                continue
            out.append({"date_range": [min(a["date"], b["date"]), max(a["date"], b["date"])],
                        "values": [_claim(a), _claim(b)],
                        "claimants": [_claimant_label(a), _claimant_label(b)]})
            if len(out) >= MAX_CONFLICTS:
                return out
    return out


def _claim(p: dict) -> dict:
    return {"value": p.get("value"), "approx": p.get("approx"), "text": p.get("text"), "date": p.get("date"),
            "claimant": _claimant_label(p), "claimant_id": p.get("claimant_id"), "article": p.get("article"),
            "number": p.get("number"), "start": p.get("start"), "end": p.get("end")}


def _claimant_label(p: dict) -> str:
    return p.get("claimant") or p.get("source") or p.get("article") or "?"
