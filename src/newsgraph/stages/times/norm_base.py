"""Shared pieces of TIMEX3 resolution: the ``Norm`` result, word and number readers,
modifier lookups and duration values (``P3Y``, ``PT48H``)."""
from __future__ import annotations

import re
from typing import Callable, NamedTuple


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


def _pmod(g, lex) -> str | None:
    return lex.point_mods.get(_key(g.get("pmod")).rstrip("-")) if g.get("pmod") else None


def _dmod(g, lex) -> str | None:
    return lex.duration_mods.get(_key(g.get("dmod"))) if g.get("dmod") else None


def _num(s: str, lex) -> float | None:
    """A number from digits or words; None for vague ones (several, a few)."""
    k = _key(s)
    if k in lex.vague_numbers:
        return None
    k = k.replace(" 1/2", ".5")
    try:
        return float(k)
    except ValueError:
        pass
    if k in lex.numbers:
        return lex.numbers[k]
    parts = re.split(r"[- ]", k)
    if len(parts) == 2 and parts[0] in lex.numbers and parts[1] in lex.numbers:
        return lex.numbers[parts[0]] + lex.numbers[parts[1]]
    return None


def _unit(s: str, lex) -> tuple[str, int]:
    k = _key(s)
    k = k[:-1] if k.endswith("s") and k[:-1] in lex.units else k
    return lex.units.get(k, ("Y", 1))


def duration_value(n: float | None, unit: str, lex) -> str:
    """``P3Y``, ``PT48H``, ``PXW`` (unknown amount), ``P1.5Y``."""
    letter, mult = _unit(unit, lex)
    if letter == "WE":
        letter, mult = "D", 2
    if n is None:
        amount = "X"
    else:
        n = n * mult
        amount = str(int(n)) if float(n).is_integer() else str(n)
    return f"PT{amount}{letter}" if letter in ("H", "S") or (letter == "M" and _key(unit).startswith(lex.cues["minute"])) else f"P{amount}{letter}"


def _month_num(s: str, lex) -> int:
    return lex.months[_key(s)]


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())
