"""TIMEX3 handlers for dates written out: ISO and slashed dates, month and day, month and
year, months, holidays, years, decades, centuries, quarters and halves."""
from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .norm_base import Norm, _day_num, _key, _month_num, _pmod


# --- absolute dates ----------------------------------------------------------------------

def h_iso_date(g, ref, tense, lex):
    try:
        d = dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    return Norm("DATE", d.isoformat())


def h_us_slash(g, ref, tense, lex):
    y = int(g["y"])
    y = y + (1900 if y >= 50 else 2000) if y < 100 else y
    try:
        return Norm("DATE", dt.date(y, int(g["m"]), int(g["d"])).isoformat())
    except ValueError:
        return None


def h_dotted_dmy(g, ref, tense, lex):
    """05.03.2025: day, month, year."""
    return h_us_slash(g, ref, tense, lex)


def _md(g, ref, tense, lex):
    m, d = _month_num(g["mon"], lex), _day_num(g["d"])
    if g.get("y"):
        try:
            value = dt.date(int(g["y"]), m, d).isoformat()
        except ValueError:
            return None
    else:
        if not 1 <= d <= 31:
            return None
        value = cal.month_day(ref, m, d, tense())
    part = lex.parts_of_day.get(_key(g.get("part")))
    if part:
        return Norm("TIME", f"{value}T{part}", _pmod(g, lex))
    return Norm("DATE", value, _pmod(g, lex))


h_month_day = _md
h_day_month = _md


def h_month_year(g, ref, tense, lex):
    m = _month_num(g["mon"], lex)
    if g.get("y"):
        y = int(g["y"])
    else:
        y = None if ref is None else ref.year + lex.deictic_steps[_key(g["rel"])]
    return Norm("DATE", cal.month_value(y, m), _pmod(g, lex))


def h_month(g, ref, tense, lex):
    m = _month_num(g["mon"], lex)
    rel = _key(g.get("rel"))
    if ref is None:
        y = None
    elif lex.deictic_steps.get(rel) == -1:  # last, this past
        y = ref.year if m < ref.month else ref.year - 1
    elif lex.deictic_steps.get(rel) == 1:  # next
        y = ref.year if m > ref.month else ref.year + 1
    elif lex.deictic_steps.get(rel) == 0:  # this
        y = ref.year
    else:
        y = cal.month_year(ref, m, tense())
    return Norm("DATE", cal.month_value(y, m), _pmod(g, lex))


def h_holiday(g, ref, tense, lex):
    spec = lex.holidays[_key(g["hol"])]
    if g.get("y"):
        return Norm("DATE", cal.holiday(spec, int(g["y"])).isoformat())
    rel = _key(g.get("rel"))
    t = {-1: "PAST", 1: "FUTURE"}.get(lex.deictic_steps.get(rel)) or tense()
    v = cal.pick_year(ref, lambda y: cal.holiday(spec, y), t)
    if v is None:
        v = f"XXXX-{spec[0]:02d}-{spec[1]:02d}" if len(spec) == 2 else f"XXXX-{spec[0]:02d}-XX"
    return Norm("DATE", v)


def h_decade(g, ref, tense, lex):
    if g.get("dec"):
        v = g["dec"][:3]
    else:
        d2 = int(g["dec2"][0])
        v = f"19{d2}" if ref is None or d2 * 10 > ref.year % 100 else f"20{d2}"
    return Norm("DATE", v, _pmod(g, lex))


def h_century(g, ref, tense, lex):
    c = int(g["c"])
    return Norm("DATE", f"{c - 1:02d}", _pmod(g, lex)) if 1 <= c <= 21 else None


def h_year(g, ref, tense, lex):
    return Norm("DATE", g["y"], _pmod(g, lex))


def h_year_words(g, ref, tense, lex):
    century = lex.numbers[_key(g["y1"])]  # nineteen, twenty
    tens, unit = re.split(r"[- ]", _key(g["y2"]))
    return Norm("DATE", f"{century}{lex.tens[tens] + lex.numbers[unit]:02d}")


def h_year_2000(g, ref, tense, lex):
    return Norm("DATE", f"{2000 + lex.numbers.get(_key(g.get('u')), 0):04d}")


# --- quarters, halves --------------------------------------------------------------------

def _quarter_value(y: int | None, kind: str, n: int) -> str:
    return f"{cal.year_str(y)}-{'Q' if kind == 'Q' else 'H'}{n}"


def h_quarter(g, ref, tense, lex):
    kind = "Q" if _key(g["kind"]) == lex.cues["quarter"] else "H"
    n = lex.ordinals[_key(g["ord"])]
    if kind == "H" and n > 2:
        n = 2
    rel = _key(g.get("rel"))
    if g.get("y"):
        y = int(g["y"])
    elif ref is None:
        y = None
    else:
        cur = cal.quarter_of(ref) if kind == "Q" else (1 if ref.month <= 6 else 2)
        y = ref.year
        t = tense()
        if t != "FUTURE" and n > cur and lex.cues["this_year"] not in rel:
            y -= 1
        if rel.startswith(lex.cues["last_year_rels"]):
            y -= 1
    return Norm("DATE", _quarter_value(y, kind, n))


def h_qn(g, ref, tense, lex):
    y = int(g["y"]) if g.get("y") else None
    if y is None and ref is not None:
        n = int(g["ord"])
        cur = cal.quarter_of(ref) if g["kind"].upper() == "Q" else (1 if ref.month <= 6 else 2)
        y = ref.year - 1 if (n > cur and tense() != "FUTURE") else ref.year
    return Norm("DATE", _quarter_value(y, g["kind"].upper(), int(g["ord"])))
