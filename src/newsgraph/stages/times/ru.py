"""times.ru.v1: Russian time expressions normalised against the publication date (TIMEX3).

Patterns over lemmas (lang/ru/times.json), tried at each token in this order:
1. "5 марта [2024 года]" -> a day; "[в начале] января [2025 года]" -> a month (mod START/MID/END);
2. "в 2023 году", "с 2019 года", "в конце 2022 года" -> a year;
3. "в понедельник" -> the weekday's date; "вчера", "сегодня", "завтра" -> days around it;
4. "на прошлой неделе", "в прошлом году", "в этом месяце", "до конца недели" -> the period;
5. "в течение трех лет", "на два месяца", "за последний месяц" -> durations (P3Y, P2M, P1M).
A date named without a year takes the year nearest to publication, or the last one for
past tense and the next for future tense (the calendar code of the English times stage).
"""
from __future__ import annotations

import datetime as dt
import re

from ...model import ArticleRecord, Time
from ...resources import Context
from . import calendar as cal
from ...lang.ru.lexicon import key
from ..numbers.ru import _figure
from ..numbers.ru import lexicon as numbers_lexicon

VERSION = "times.ru.v1"


def lexicon(lang) -> dict:
    """The word tables of ``lang`` (its ``times.json``, and the figures of ``numbers.ru`` for
    durations), built once per process per language."""
    return lang.cached("times.ru", lambda: {**lang.data("times.json"), "figures": numbers_lexicon(lang)})


def _lem(t) -> str:
    return key(t.lemma_)


def _month(t, lex: dict) -> int | None:
    m = lex["months"]
    return m.get(_lem(t)) or m.get(t.lower_)


def _tense(doc, i: int) -> str | None:
    """PAST or FUTURE from the verb governing token i (or the sentence's root)."""
    tok = doc[i]
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    tense = tok.morph.get("Tense")
    if any(c.lemma_ == "быть" and c.morph.get("Tense") == ["Fut"] for c in tok.children):
        return "FUTURE"
    return {"Past": "PAST", "Fut": "FUTURE"}.get(tense[0] if tense else "", None)


def _year_after(doc, j: int) -> tuple[int, int | None]:
    """'2024 года' / '2024 г.' at j: (next token, year)."""
    if j + 1 < len(doc) and re.fullmatch(r"(1[89]|20)\d\d", doc[j].text) and (
            _lem(doc[j + 1]) == "год" or doc[j + 1].lower_ in ("г", "г.")):
        k = j + 2
        if doc[j + 1].lower_ == "г" and k < len(doc) and doc[k].text == ".":
            k += 1
        return k, int(doc[j].text)
    return j, None


def _part(doc, i: int, lex: dict) -> tuple[int, str | None]:
    """'в начале января': (start token of the part word, mod)."""
    parts = lex["parts"]
    if i > 0 and _lem(doc[i - 1]) in parts:
        return i - 1, parts[_lem(doc[i - 1])]
    return i, None


def _match(doc, i: int, ref: dt.date | None, lex: dict):
    """(start, end token, type, value, mod) of an expression at token i, or None."""
    t = doc[i]
    # 1. day + month [+ year]
    if re.fullmatch(r"\d{1,2}", t.text) and i + 1 < len(doc) and _month(doc[i + 1], lex):
        day, month = int(t.text), _month(doc[i + 1], lex)
        end, year = _year_after(doc, i + 2)
        if 1 <= day <= 31:
            if year is not None:
                try:
                    return i, end, "DATE", dt.date(year, month, day).isoformat(), None
                except ValueError:
                    return None
            return i, end, "DATE", cal.month_day(ref, month, day, _tense(doc, i)), None
    # 1b. [part] month [+ year]
    if _month(t, lex) and t.pos_ in ("NOUN", "PROPN") and not (i > 0 and re.fullmatch(r"\d{1,2}", doc[i - 1].text)):
        start, mod = _part(doc, i, lex)
        end, year = _year_after(doc, i + 1)
        if year is None:
            year = cal.month_year(ref, _month(t, lex), _tense(doc, i))
        return start, end, "DATE", cal.month_value(year, _month(t, lex)), mod
    # 2. year
    end, year = _year_after(doc, i)
    if year is not None:
        start, mod = _part(doc, i, lex)
        return start, end, "DATE", f"{year:04d}", mod
    # 3. weekday, deictic days
    wd = lex["weekdays"].get(_lem(t)) or lex["weekdays"].get(t.lower_)
    if wd:
        return i, i + 1, "DATE", cal.weekday_date(ref, wd, _tense(doc, i)), None
    if t.lower_ in lex["days"]:
        if ref is None:
            return i, i + 1, "DATE", "XXXX-XX-XX", None
        return i, i + 1, "DATE", (ref + dt.timedelta(days=lex["days"][t.lower_])).isoformat(), None
    return _relative(doc, i, ref, lex) or _duration(doc, i, lex)


def _period_value(ref: dt.date | None, unit: str, step: int) -> str | None:
    if ref is None:
        return None
    if unit == "Y":
        return f"{ref.year + step:04d}"
    if unit == "M":
        y, m = cal.shift_months(ref.year, ref.month, step)
        return cal.month_value(y, m)
    if unit == "W":
        return cal.week_value(ref + dt.timedelta(days=7 * step))
    if unit == "D":
        return (ref + dt.timedelta(days=step)).isoformat()
    return None


def _relative(doc, i: int, ref, lex: dict):
    t = doc[i]
    if _lem(t) in lex["shifts"] and i + 1 < len(doc) and _lem(doc[i + 1]) in lex["periods"]:
        unit = lex["periods"][_lem(doc[i + 1])]
        prev = doc[i - 1].lower_ if i > 0 else ""
        if _lem(t) == "последний" and prev == "за":
            return i - 1, i + 2, "DURATION", f"P1{unit}", None  # "за последний месяц"
        value = _period_value(ref, unit, lex["shifts"][_lem(t)])
        if value is not None:
            return i, i + 2, "DATE", value, None
    if _lem(t) in lex["parts"] and i + 1 < len(doc) and _lem(doc[i + 1]) in lex["periods"] \
            and doc[i + 1].morph.get("Case") == ["Gen"] and not (i + 2 < len(doc) and _year_after(doc, i + 2)[1]):
        value = _period_value(ref, lex["periods"][_lem(doc[i + 1])], 0)  # "до конца недели"
        if value is not None:
            return i, i + 2, "DATE", value, lex["parts"][_lem(t)]
    return None


def _duration(doc, i: int, lex: dict):
    fig = _figure(doc, i, lex["figures"])
    if fig is None:
        return None
    j, value, _ = fig
    if j < len(doc) and _lem(doc[j]) in lex["periods"]:
        unit = lex["periods"][_lem(doc[j])]
        amount = str(int(value)) if float(value).is_integer() else str(value)
        letter = "TM" if unit == "MIN" else ("T" + unit if unit == "H" else unit)
        return i, j + 1, "DURATION", f"P{amount}{letter}", None
    return None


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Time]:
    text = rec.article.text if rec is not None else doc.text
    ref = ctx.published_date
    lex = lexicon(ctx.lang)
    out: list[Time] = []
    i = 0
    while i < len(doc):
        m = _match(doc, i, ref, lex)
        if m is None:
            i += 1
            continue
        start, end, kind, value, mod = m
        s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        if not out or s >= out[-1].end:
            out.append(Time(id=f"T{len(out) + 1}", start=s, end=e, text=text[s:e], type=kind, value=value, mod=mod))
        i = max(end, i + 1)
    return out
