"""TIMEX3 handlers for clock times, sets (every Friday, twice a week, annually), durations
and fuzzy words (now, recently)."""
from __future__ import annotations

import datetime as dt

from . import calendar as cal
from .lexicon import FUZZY, MONTHS, PARTS_OF_DAY, SET_WORDS, WEEKDAYS
from .norm_base import Norm, _day_num, _dmod, _key, _month_num, _num, duration_value
from .norm_relative import RELDAY


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
    return (ref + dt.timedelta(days=RELDAY.get(_key(g.get("rd")), 0))).isoformat()


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
