"""TIMEX3 handlers for expressions relative to the publication date: today/yesterday,
this/last/next UNIT, N UNITs ago, weekdays, seasons, the weekend, the quarter, year-ago."""
from __future__ import annotations

import datetime as dt

from . import calendar as cal
from .norm_base import Norm, _dmod, _key, _num, _pmod, _unit, duration_value


# --- relative to the publication date ------------------------------------------------------

def h_relday(g, ref, tense, lex):
    rd = _key(g["rd"])
    part = lex.parts_of_day.get(_key(g.get("part")))
    if rd == lex.cues["tonight"]:
        part = "NI"
    v = "XXXX-XX-XX" if ref is None else (ref + dt.timedelta(days=lex.relative_days[rd])).isoformat()
    if part:
        return Norm("TIME", f"{v}T{part}", _pmod(g, lex))
    return Norm("DATE", v, _pmod(g, lex))


def _shifted(ref: dt.date | None, unit: str, step: int, lex) -> str | None:
    """The calendar unit containing ``ref`` shifted by ``step`` units."""
    letter = _unit(unit, lex)[0]
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


def h_deictic(g, ref, tense, lex):
    rel = _key(g["rel"])
    step = lex.deictic_steps.get(rel)
    if step is None:
        return None
    what = _key(g["what"])
    mod = _pmod(g, lex)
    if g.get("wd"):
        wd = lex.weekdays[what]
        r = {-1: "last", 1: "next"}.get(step)
        return Norm("DATE", cal.weekday_date(ref, wd, tense(), r), mod)
    if what in lex.seasons:
        s = lex.seasons[what]
        return Norm("DATE", f"{cal.year_str(cal.season_year(ref, s, step, tense()))}-{s}", mod)
    if what in lex.parts_of_day:
        day = "XXXX-XX-XX" if ref is None else (ref + dt.timedelta(days=min(step, 0) if what == lex.cues["night"] else step)).isoformat()
        return Norm("TIME", f"{day}T{lex.parts_of_day[what]}", mod)
    if _key(g.get("pmod")) in lex.cues["relative_pmods"] and step == 0:
        mod = lex.point_mods[_key(g["pmod"])]  # earlier: START, later: END
    v = _shifted(ref, what, step, lex)
    return Norm("DATE", v, mod) if v else None


def h_pmod_the(g, ref, tense, lex):
    v = _shifted(ref, g["what"], 0, lex)
    return Norm("DATE", v, _pmod(g, lex)) if v else None


def h_deictic_plural(g, ref, tense, lex):
    rel = _key(g["rel"])
    letter = _unit(g["unit"], lex)[0]
    if rel == lex.cues["recent"]:
        return Norm("DATE", "PAST_REF")
    return Norm("DURATION", f"PX{letter}")


def h_span(g, ref, tense, lex):
    n = _num(g["n"], lex)
    return Norm("DURATION", duration_value(n, g["unit"], lex), _dmod(g, lex))


def h_ago(g, ref, tense, lex):
    n = _num(g["n"], lex)
    direction = -1 if _key(g["dir"]) in lex.past_directions else 1
    letter, mult = _unit(g["unit"], lex)
    if n is None or ref is None or not float(n).is_integer():
        return Norm("DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "DE": "XXX"}.get(letter, "XXXX-XX-XX") if n is not None or ref is None else ("PAST_REF" if direction < 0 else "FUTURE_REF"), _dmod(g, lex))
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
    return Norm("DATE", v, _dmod(g, lex))


def h_ago_vague(g, ref, tense, lex):
    return Norm("DATE", "PAST_REF" if _key(g["dir"]) in lex.past_directions else "FUTURE_REF")


def h_weekday(g, ref, tense, lex):
    wd = lex.weekdays[_key(g["wd"])]
    t = tense()
    v = cal.weekday_date(ref, wd, "FUTURE" if t == "PRESENT" else t)  # "meet Monday"
    part = lex.parts_of_day.get(_key(g.get("part")))
    if part:
        return Norm("TIME", f"{v}T{part}", _pmod(g, lex))
    return Norm("DATE", v, _pmod(g, lex))


def h_season(g, ref, tense, lex):
    s = lex.seasons[_key(g["s"])]
    if g.get("y"):
        return Norm("DATE", f"{g['y']}-{s}", _pmod(g, lex))
    t = tense()
    step = -1 if t == "PAST" else 1 if t == "FUTURE" else 0
    y = cal.season_year(ref, s, step, t)
    if ref is not None and step == -1 and s == cal.season_of(ref):
        y = ref.year
    return Norm("DATE", f"{cal.year_str(y)}-{s}", _pmod(g, lex))


def h_weekend(g, ref, tense, lex):
    if ref is None:
        return Norm("DATE", "XXXX-WXX-WE")
    t = tense()
    if ref.isoweekday() >= 6 or t in ("FUTURE", "PRESENT"):
        return Norm("DATE", cal.week_value(ref) + "-WE")
    return Norm("DATE", cal.week_value(ref - dt.timedelta(weeks=1)) + "-WE")


def _prev_quarter(ref: dt.date, years_back: int = 0) -> str:
    y, m = cal.shift_months(ref.year - years_back, ref.month, -3)
    return f"{y:04d}-Q{(m - 1) // 3 + 1}"


def h_the_quarter(g, ref, tense, lex):
    """"the quarter" of an earnings report: the one that ended last (the current one when
    spoken of in the future)."""
    if ref is None:
        return Norm("DATE", "XXXX-QX")
    if tense() == "FUTURE":
        return Norm("DATE", f"{ref.year:04d}-Q{cal.quarter_of(ref)}")
    return Norm("DATE", _prev_quarter(ref))


def h_year_ago(g, ref, tense, lex):
    if ref is None:
        return Norm("DATE", "XXXX")
    if g.get("what"):
        return Norm("DATE", _prev_quarter(ref, years_back=1))
    return Norm("DATE", f"{ref.year - 1:04d}")


def h_decade_words(g, ref, tense, lex):
    return Norm("DATE", f"19{lex.decade_words[_key(g['w'])]}")


def h_day_rel(g, ref, tense, lex):
    """"the day before", "the following day": a day from the publication date until the
    discourse pass counts it from the last date the text named."""
    sign = lex.anaphoric["dirs"].get(_key(g.get("dir") or g.get("fol")))
    if sign is None:
        return None
    v = "XXXX-XX-XX" if ref is None else (ref + dt.timedelta(days=sign)).isoformat()
    return Norm("DATE", v)
