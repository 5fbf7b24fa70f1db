"""TIMEX3 handlers for clock times, sets (every Friday, twice a week, annually), durations
and fuzzy words (now, recently)."""
from __future__ import annotations

import datetime as dt

from . import calendar as cal
from .norm_base import Norm, _day_num, _dmod, _key, _month_num, _num, duration_value


# --- clock times -------------------------------------------------------------------------

def _clock_day(g, ref, tense, lex) -> str:
    """The day a clock time belongs to: its weekday or today/yesterday, else ``ref``."""
    if g.get("wd"):
        t = tense()
        return cal.weekday_date(ref, lex.weekdays[_key(g["wd"])], "FUTURE" if t == "PRESENT" else t)
    if g.get("cmon"):
        return cal.month_day(ref, _month_num(g["cmon"], lex), _day_num(g["cd"]), tense())
    if ref is None:
        return "XXXX-XX-XX"
    return (ref + dt.timedelta(days=lex.relative_days.get(_key(g.get("rd")), 0))).isoformat()


def _clock(h: int, mi: int, day: str) -> str:
    return f"{day}T{h:02d}:{mi:02d}"


def h_clock(g, ref, tense, lex):
    h, mi = int(g["h"]), int(g.get("mi") or 0)
    ap = _key(g["ap"]).replace(".", "")
    if h > 12 or h == 0:
        return None
    h = (h % 12) + (12 if ap.startswith(lex.cues["pm_initial"]) else 0)
    return Norm("TIME", _clock(h, mi, _clock_day(g, ref, tense, lex)))


def h_clock24(g, ref, tense, lex):
    return Norm("TIME", _clock(int(g["h"]), int(g["mi"]), _clock_day(g, ref, tense, lex)))


def h_noon(g, ref, tense, lex):
    w = _key(g["w"])
    day = _clock_day(g, ref, tense, lex)
    return Norm("TIME", _clock(0, 0, day) if w == lex.cues["midnight"] else _clock(12, 0, day))


# --- sets, durations, fuzzy ----------------------------------------------------------------

def h_set_every(g, ref, tense, lex):
    what = _key(g["what"])
    quant = _key(g["q"]).upper()
    if g.get("wd"):
        return Norm("SET", f"XXXX-WXX-{lex.weekdays[what]}", quant=quant)
    if g.get("mon"):
        return Norm("SET", f"XXXX-{lex.months[what]:02d}", quant=quant)
    if what in lex.parts_of_day:
        return Norm("SET", f"XXXX-XX-XXT{lex.parts_of_day[what]}", quant=quant)
    return Norm("SET", duration_value(1, what, lex), quant=quant)


def h_set_times(g, ref, tense, lex):
    f = _key(g["f"])
    n = lex.counts.get(f) or _num(f.replace(" times", ""), lex)
    freq = f"{int(n)}X" if n else None
    return Norm("SET", duration_value(1, g["unit"], lex), freq=freq)


def h_set_word(g, ref, tense, lex):
    value, freq = lex.set_words[_key(g["w"])]
    return Norm("SET", value, freq=freq)


def h_duration(g, ref, tense, lex):
    n = _num(g["n"], lex)
    return Norm("DURATION", duration_value(n, g["unit"], lex), _dmod(g, lex))


def h_duration_bare(g, ref, tense, lex):
    return Norm("DURATION", duration_value(None, g["unit"], lex))


def h_fuzzy(g, ref, tense, lex):
    typ, value = lex.fuzzy[_key(g["w"])]
    return Norm(typ, value)
