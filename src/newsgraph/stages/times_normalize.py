"""TIMEX3 resolution: one handler per recognition rule (``times_patterns.RULES``).

A handler gets the match's groups, the reference date (publication date or None) and a
``tense()`` callable (the governing verb's tense from the parse, computed only when a
handler asks) and returns ``Norm(type, value, mod, freq, quant)``, or None to drop the match.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, NamedTuple

from . import times_calendar as cal
from .times_lexicon import (DURATION_MODS, FUZZY, HOLIDAYS, MONTHS, NUMBERS, ORDINALS,
                            PARTS_OF_DAY, POINT_MODS, SEASONS, SET_WORDS, UNITS, VAGUE_NUMBERS,
                            WEEKDAYS)


class Norm(NamedTuple):
    type: str
    value: str
    mod: str | None = None
    freq: str | None = None
    quant: str | None = None


Tense = Callable[[], "str | None"]
_WS = re.compile(r"\s+")


def _key(s: str | None) -> str:
    return _WS.sub(" ", s.lower().rstrip(".")) if s else ""


def _pmod(g) -> str | None:
    return POINT_MODS.get(_key(g.get("pmod")).rstrip("-")) if g.get("pmod") else None


def _dmod(g) -> str | None:
    return DURATION_MODS.get(_key(g.get("dmod"))) if g.get("dmod") else None


def _num(s: str) -> float | None:
    """A number from digits or words; None for vague ones (several, a few)."""
    k = _key(s)
    if k in VAGUE_NUMBERS:
        return None
    k = k.replace(" 1/2", ".5")
    try:
        return float(k)
    except ValueError:
        pass
    if k in NUMBERS:
        return NUMBERS[k]
    parts = re.split(r"[- ]", k)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def _unit(s: str) -> tuple[str, int]:
    k = _key(s)
    k = k[:-1] if k.endswith("s") and k[:-1] in UNITS else k
    return UNITS.get(k, ("Y", 1))


def duration_value(n: float | None, unit: str) -> str:
    """``P3Y``, ``PT48H``, ``PXW`` (unknown amount), ``P1.5Y``."""
    letter, mult = _unit(unit)
    if letter == "WE":
        letter, mult = "D", 2
    if n is None:
        amount = "X"
    else:
        n = n * mult
        amount = str(int(n)) if float(n).is_integer() else str(n)
    return f"PT{amount}{letter}" if letter in ("H", "S") or (letter == "M" and _key(unit).startswith("minute")) else f"P{amount}{letter}"


def _ref_tense(tense: Tense) -> str | None:
    return tense()


# --- absolute dates ----------------------------------------------------------------------

def h_iso_date(g, ref, tense):
    try:
        d = dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    return Norm("DATE", d.isoformat())


def h_us_slash(g, ref, tense):
    y = int(g["y"])
    y = y + (1900 if y >= 50 else 2000) if y < 100 else y
    try:
        return Norm("DATE", dt.date(y, int(g["m"]), int(g["d"])).isoformat())
    except ValueError:
        return None


def _month_num(s: str) -> int:
    return MONTHS[_key(s)]


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _md(g, ref, tense):
    m, d = _month_num(g["mon"]), _day_num(g["d"])
    if g.get("y"):
        try:
            value = dt.date(int(g["y"]), m, d).isoformat()
        except ValueError:
            return None
    else:
        if not 1 <= d <= 31:
            return None
        value = cal.month_day(ref, m, d, tense())
    part = PARTS_OF_DAY.get(_key(g.get("part")))
    if part:
        return Norm("TIME", f"{value}T{part}", _pmod(g))
    return Norm("DATE", value, _pmod(g))


h_month_day = _md
h_day_month = _md


def h_month_year(g, ref, tense):
    m = _month_num(g["mon"])
    if g.get("y"):
        y = int(g["y"])
    else:
        y = None if ref is None else ref.year + {"this": 0, "last": -1, "next": 1}[_key(g["rel"])]
    return Norm("DATE", cal.month_value(y, m), _pmod(g))


def h_month(g, ref, tense):
    m = _month_num(g["mon"])
    rel = _key(g.get("rel"))
    if ref is None:
        y = None
    elif rel in ("last", "this past"):
        y = ref.year if m < ref.month else ref.year - 1
    elif rel == "next":
        y = ref.year if m > ref.month else ref.year + 1
    elif rel == "this":
        y = ref.year
    else:
        y = cal.month_year(ref, m, tense())
    return Norm("DATE", cal.month_value(y, m), _pmod(g))


def h_holiday(g, ref, tense):
    spec = HOLIDAYS[_key(g["hol"])]
    if g.get("y"):
        return Norm("DATE", cal.holiday(spec, int(g["y"])).isoformat())
    rel = _key(g.get("rel"))
    t = {"last": "PAST", "next": "FUTURE"}.get(rel) or tense()
    v = cal.pick_year(ref, lambda y: cal.holiday(spec, y), t)
    if v is None:
        v = f"XXXX-{spec[0]:02d}-{spec[1]:02d}" if len(spec) == 2 else f"XXXX-{spec[0]:02d}-XX"
    return Norm("DATE", v)


def h_decade(g, ref, tense):
    if g.get("dec"):
        v = g["dec"][:3]
    else:
        d2 = int(g["dec2"][0])
        v = f"19{d2}" if ref is None or d2 * 10 > ref.year % 100 else f"20{d2}"
    return Norm("DATE", v, _pmod(g))


def h_century(g, ref, tense):
    c = int(g["c"])
    return Norm("DATE", f"{c - 1:02d}", _pmod(g)) if 1 <= c <= 21 else None


def h_year(g, ref, tense):
    return Norm("DATE", g["y"], _pmod(g))


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def h_year_words(g, ref, tense):
    century = 19 if _key(g["y1"]) == "nineteen" else 20
    tens, unit = re.split(r"[- ]", _key(g["y2"]))
    return Norm("DATE", f"{century}{_TENS[tens] + NUMBERS[unit]:02d}")


def h_year_2000(g, ref, tense):
    return Norm("DATE", f"{2000 + NUMBERS.get(_key(g.get('u')), 0):04d}")


# --- quarters, halves --------------------------------------------------------------------

def _quarter_value(y: int | None, kind: str, n: int) -> str:
    return f"{cal.year_str(y)}-{'Q' if kind == 'Q' else 'H'}{n}"


def h_quarter(g, ref, tense):
    kind = "Q" if _key(g["kind"]) == "quarter" else "H"
    n = ORDINALS[_key(g["ord"])]
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
        if t != "FUTURE" and n > cur and "this year" not in rel:
            y -= 1
        if rel.startswith(("last year", "year-", "the year-")):
            y -= 1
    return Norm("DATE", _quarter_value(y, kind, n))


def h_qn(g, ref, tense):
    y = int(g["y"]) if g.get("y") else None
    if y is None and ref is not None:
        n = int(g["ord"])
        cur = cal.quarter_of(ref) if g["kind"].upper() == "Q" else (1 if ref.month <= 6 else 2)
        y = ref.year - 1 if (n > cur and tense() != "FUTURE") else ref.year
    return Norm("DATE", _quarter_value(y, g["kind"].upper(), int(g["ord"])))


# --- relative to the publication date ------------------------------------------------------

_RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
           "the day before yesterday": -2, "the day after tomorrow": 2}


def h_relday(g, ref, tense):
    rd = _key(g["rd"])
    part = PARTS_OF_DAY.get(_key(g.get("part")))
    if rd == "tonight":
        part = "NI"
    v = "XXXX-XX-XX" if ref is None else (ref + dt.timedelta(days=_RELDAY[rd])).isoformat()
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


# --- clock times -------------------------------------------------------------------------

def _clock_day(g, ref, tense) -> str:
    """The day a clock time belongs to: its weekday or today/yesterday, else ``ref``."""
    if g.get("wd"):
        t = tense()
        return cal.weekday_date(ref, WEEKDAYS[_key(g["wd"])], "FUTURE" if t == "PRESENT" else t)
    if g.get("cmon"):
        return cal.month_day(ref, _month_num(g["cmon"]), _day_num(g["cd"]), tense())
    if ref is None:
        return "XXXX-XX-XX"
    return (ref + dt.timedelta(days=_RELDAY.get(_key(g.get("rd")), 0))).isoformat()


def _clock(h: int, mi: int, day: str) -> str:
    return f"{day}T{h:02d}:{mi:02d}"


def h_clock(g, ref, tense):
    h, mi = int(g["h"]), int(g.get("mi") or 0)
    ap = _key(g["ap"]).replace(".", "")
    if h > 12 or h == 0:
        return None
    h = (h % 12) + (12 if ap.startswith("p") else 0)
    return Norm("TIME", _clock(h, mi, _clock_day(g, ref, tense)))


def h_clock24(g, ref, tense):
    return Norm("TIME", _clock(int(g["h"]), int(g["mi"]), _clock_day(g, ref, tense)))


def h_noon(g, ref, tense):
    w = _key(g["w"])
    day = _clock_day(g, ref, tense)
    return Norm("TIME", _clock(0, 0, day) if w == "midnight" else _clock(12, 0, day))


# --- sets, durations, fuzzy ----------------------------------------------------------------

def h_set_every(g, ref, tense):
    what = _key(g["what"])
    quant = _key(g["q"]).upper()
    if g.get("wd"):
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[what]}", quant=quant)
    if g.get("mon"):
        return Norm("SET", f"XXXX-{MONTHS[what]:02d}", quant=quant)
    if what in PARTS_OF_DAY:
        return Norm("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}", quant=quant)
    return Norm("SET", duration_value(1, what), quant=quant)


_TIMES = {"once": 1, "twice": 2, "thrice": 3}


def h_set_times(g, ref, tense):
    f = _key(g["f"])
    n = _TIMES.get(f) or _num(f.replace(" times", ""))
    freq = f"{int(n)}X" if n else None
    return Norm("SET", duration_value(1, g["unit"]), freq=freq)


def h_set_word(g, ref, tense):
    value, freq = SET_WORDS[_key(g["w"])]
    return Norm("SET", value, freq=freq)


def h_duration(g, ref, tense):
    n = _num(g["n"])
    return Norm("DURATION", duration_value(n, g["unit"]), _dmod(g))


def h_duration_bare(g, ref, tense):
    return Norm("DURATION", duration_value(None, g["unit"]))


def h_fuzzy(g, ref, tense):
    typ, value = FUZZY[_key(g["w"])]
    return Norm(typ, value)


HANDLERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("h_")}
