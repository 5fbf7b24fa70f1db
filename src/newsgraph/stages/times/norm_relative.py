"""TIMEX3 handlers for expressions relative to the publication date: today/yesterday,
this/last/next UNIT, N UNITs ago, weekdays, seasons, the weekend, the quarter, year-ago."""
from __future__ import annotations

import datetime as dt

from . import calendar as cal
from .lexicon import ANAPHORIC, PARTS_OF_DAY, SEASONS, WEEKDAYS
from .norm_base import Norm, _dmod, _key, _num, _pmod, _unit, duration_value


# --- relative to the publication date ------------------------------------------------------

RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
           "the day before yesterday": -2, "the day after tomorrow": 2}


def h_relday(g, ref, tense):
    rd = _key(g["rd"])
    part = PARTS_OF_DAY.get(_key(g.get("part")))
    if rd == "tonight":
        part = "NI"
    v = "XXXX-XX-XX" if ref is None else (ref + dt.timedelta(days=RELDAY[rd])).isoformat()
    if part:
        return Norm("TIME", f"{v}T{part}", _pmod(g))
    return Norm("DATE", v, _pmod(g))


_STEP = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1,
         "the previous": -1, "the past": -1, "the last": -1, "this past": -1,
         "the latest": -1, "the most recent": -1, "the preceding": -1, "the prior": -1,
         "next": 1, "coming": 1, "the next": 1, "the coming": 1}


def _shifted(ref: dt.date | None, unit: str, step: int) -> str | None:
    """The calendar unit containing ``ref`` shifted by ``step`` units."""
    letter = _unit(unit)[0]
    if ref is None:
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX",
                "Q": "XXXX-QX", "DE": "XXX", "CE": "XX", "WE": "XXXX-WXX-WE"}.get(letter)
    if letter == "Y":
        return f"{ref.year + step:04d}"
    if letter == "M":
        return cal.month_value(*cal.shift_months(ref.year, ref.month, step))
    if letter == "W":
        return cal.week_value(ref + dt.timedelta(weeks=step))
    if letter == "WE":
        return cal.week_value(ref + dt.timedelta(weeks=step)) + "-WE"
    if letter == "D":
        return (ref + dt.timedelta(days=step)).isoformat()
    if letter == "Q":
        y, m = cal.shift_months(ref.year, ref.month, 3 * step)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if letter == "DE":
        return f"{(ref.year // 10 + step):03d}"
    if letter == "CE":
        return f"{(ref.year // 100 + step):02d}"
    return None


def h_deictic(g, ref, tense):
    rel = _key(g["rel"])
    step = _STEP.get(rel)
    if step is None:
        return None
    what = _key(g["what"])
    mod = _pmod(g)
    if g.get("wd"):
        wd = WEEKDAYS[what]
        r = {-1: "last", 1: "next"}.get(step)
        return Norm("DATE", cal.weekday_date(ref, wd, tense(), r), mod)
    if what in SEASONS:
        s = SEASONS[what]
        return Norm("DATE", f"{cal.year_str(cal.season_year(ref, s, step, tense()))}-{s}", mod)
    if what in PARTS_OF_DAY:
        day = "XXXX-XX-XX" if ref is None else (ref + dt.timedelta(days=min(step, 0) if what == "night" else step)).isoformat()
        return Norm("TIME", f"{day}T{PARTS_OF_DAY[what]}", mod)
    if _key(g.get("pmod")) in ("earlier", "later") and step == 0:
        mod = "START" if _key(g["pmod"]) == "earlier" else "END"
    v = _shifted(ref, what, step)
    return Norm("DATE", v, mod) if v else None


def h_pmod_the(g, ref, tense):
    v = _shifted(ref, g["what"], 0)
    return Norm("DATE", v, _pmod(g)) if v else None


def h_deictic_plural(g, ref, tense):
    rel = _key(g["rel"])
    letter = _unit(g["unit"])[0]
    if rel == "recent":
        return Norm("DATE", "PAST_REF")
    return Norm("DURATION", f"PX{letter}")


def h_span(g, ref, tense):
    n = _num(g["n"])
    return Norm("DURATION", duration_value(n, g["unit"]), _dmod(g))


def h_ago(g, ref, tense):
    n = _num(g["n"])
    direction = -1 if _key(g["dir"]) in ("ago", "earlier", "before") else 1
    letter, mult = _unit(g["unit"])
    if n is None or ref is None or not float(n).is_integer():
        return Norm("DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "DE": "XXX"}.get(letter, "XXXX-XX-XX") if n is not None or ref is None else ("PAST_REF" if direction < 0 else "FUTURE_REF"), _dmod(g))
    k = int(n) * mult * direction
    if letter == "Y":
        v = f"{ref.year + k:04d}"
    elif letter == "DE":
        v = f"{ref.year + 10 * k:04d}"
    elif letter == "M":
        v = cal.month_value(*cal.shift_months(ref.year, ref.month, k))
    elif letter == "Q":
        y, m = cal.shift_months(ref.year, ref.month, 3 * k)
        v = f"{y:04d}-Q{(m - 1) // 3 + 1}"
    elif letter == "W":
        v = cal.week_value(ref + dt.timedelta(weeks=k))
    elif letter == "D":
        v = (ref + dt.timedelta(days=k)).isoformat()
    else:
        v = ref.isoformat()
    return Norm("DATE", v, _dmod(g))


def h_ago_vague(g, ref, tense):
    return Norm("DATE", "PAST_REF" if _key(g["dir"]) in ("ago", "earlier") else "FUTURE_REF")


def h_weekday(g, ref, tense):
    wd = WEEKDAYS[_key(g["wd"])]
    t = tense()
    v = cal.weekday_date(ref, wd, "FUTURE" if t == "PRESENT" else t)  # "meet Monday"
    part = PARTS_OF_DAY.get(_key(g.get("part")))
    if part:
        return Norm("TIME", f"{v}T{part}", _pmod(g))
    return Norm("DATE", v, _pmod(g))


def h_season(g, ref, tense):
    s = SEASONS[_key(g["s"])]
    if g.get("y"):
        return Norm("DATE", f"{g['y']}-{s}", _pmod(g))
    t = tense()
    step = -1 if t == "PAST" else 1 if t == "FUTURE" else 0
    y = cal.season_year(ref, s, step, t)
    if ref is not None and step == -1 and s == cal.season_of(ref):
        y = ref.year
    return Norm("DATE", f"{cal.year_str(y)}-{s}", _pmod(g))


def h_weekend(g, ref, tense):
    if ref is None:
        return Norm("DATE", "XXXX-WXX-WE")
    t = tense()
    if ref.isoweekday() >= 6 or t in ("FUTURE", "PRESENT"):
        return Norm("DATE", cal.week_value(ref) + "-WE")
    return Norm("DATE", cal.week_value(ref - dt.timedelta(weeks=1)) + "-WE")


def _prev_quarter(ref: dt.date, years_back: int = 0) -> str:
    y, m = cal.shift_months(ref.year - years_back, ref.month, -3)
    return f"{y:04d}-Q{(m - 1) // 3 + 1}"


def h_the_quarter(g, ref, tense):
    """"the quarter" of an earnings report: the one that ended last (the current one when
    spoken of in the future)."""
    if ref is None:
        return Norm("DATE", "XXXX-QX")
    if tense() == "FUTURE":
        return Norm("DATE", f"{ref.year:04d}-Q{cal.quarter_of(ref)}")
    return Norm("DATE", _prev_quarter(ref))


def h_year_ago(g, ref, tense):
    if ref is None:
        return Norm("DATE", "XXXX")
    if g.get("what"):
        return Norm("DATE", _prev_quarter(ref, years_back=1))
    return Norm("DATE", f"{ref.year - 1:04d}")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def h_decade_words(g, ref, tense):
    return Norm("DATE", f"19{_DECADE_WORDS[_key(g['w'])]}")


def h_day_rel(g, ref, tense):
    """"the day before", "the following day": a day from the publication date until the
    discourse pass counts it from the last date the text named."""
    sign = ANAPHORIC["dirs"].get(_key(g.get("dir") or g.get("fol")))
    if sign is None:
        return None
    v = "XXXX-XX-XX" if ref is None else (ref + dt.timedelta(days=sign)).isoformat()
    return Norm("DATE", v)
