"""Figures in plain text: values from digits and words, scales, currencies, units, ranges.

``scan(text, lex)`` works on the article text alone (regexes of ``patterns``, compiled once
per language from the ``lexicon``) and returns
``Raw`` candidates in text order; ``filter`` then drops what is not a quantity
using the spaCy tokens. The steps, in order:
1. mark spans that are dates, clock times and phone numbers (never figures);
2. find numeral atoms (ratios, fractions, vague plurals, number words, digits);
3. around each atom read currency / sign / qualifier to the left, scale / unit to the right;
4. join neighbouring atoms into ranges ("between 200 and 300", "200-300", "1 to 1.5").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import PHONE_DIGITS


@dataclass(slots=True)
class Raw:
    """A figure found in the text, before the token-level checks."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    kind: str = "digit"  # digit word vague fraction
    low: float | None = None
    high: float | None = None
    approx: str = "exact"
    unit: str | None = None
    currency: bool = False
    scale: float = 1.0
    plain: bool = True  # digits without comma, decimal, scale, unit or currency
    qualifier: str | None = None  # the qualifier word(s) as written, lower case
    qual_len: int = 0
    next: "Raw | None" = None  # the figure after this one (set by the stage)
    drop: str | None = None  # why it is not a quantity




def _unit_at(text: str, pos: int, lex):
    """The longest unit written at ``pos``: (UnitEntry, end) or None."""
    best = None
    exact, lower = lex.units
    for rx, table, key in ((lex.patterns.unit_cs, exact, str), (lex.patterns.unit_ci, lower, str.lower)):
        m = rx.match(text, pos)
        if m and (best is None or m.end() > best[1]):
            best = (table[key(m.group(1))], m.end())
    return best


def words_value(text: str, lex) -> float | None:
    """Value of number words: "three hundred" 300, "twenty-five" 25, "a dozen" 12."""
    total, current = 0.0, 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.lower()):
        if w in lex.cues.number_fillers:
            current = current or (1.0 if w == lex.cues.article else current)
            continue
        if w in lex.ones:
            current += lex.ones[w]
        elif w in lex.dozen:
            current = (current or 1) * lex.dozen[w]
        elif w == lex.cues.multiplier:
            current = (current or 1) * lex.scales[w]
        elif w in lex.scales:
            total += (current or 1) * lex.scales[w]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _vague(text: str, lex) -> tuple[float, float]:
    low = 1.0
    for w in re.split(r"\s+of\s+", text.lower()):
        low *= lex.vague[w]
    return low, low * 10


def _fraction(text: str, lex) -> float:
    parts = re.split(r"[\s-]+", text.lower())
    if len(parts) == 1:
        return 0.5
    num = 1 if parts[0] == lex.cues.article else lex.ones[parts[0]]
    return num / lex.fractions[parts[1]]


def _ratio(text: str, lex) -> float | None:
    m = lex.patterns.ratio.match(text)
    a, b = (float(x) if x.isdigit() else lex.ones.get(x.lower()) for x in m.groups())
    return a / b if a is not None and b else None


def _atom(m: re.Match, lex) -> Raw | None:
    kind = m.lastgroup if m.lastgroup != "lcur" else "digit"
    if m.group("digit") is not None:
        kind = "digit"
    s, e = m.span(kind)
    text = m.group(kind)
    raw = Raw(start=m.start(), end=e, num_start=s, num_end=e, value=0.0, kind=kind)
    if kind == "digit":
        raw.value = float(text.replace(",", ""))
        raw.plain = "," not in text and "." not in text
        if m.group("lcur"):
            raw.unit, raw.currency = lex.currency_prefix[m.group("lcur").rstrip(".")], True
    elif kind == "word":
        value = words_value(text, lex)
        if value is None or text.lower() in lex.bare_scales:
            return None  # "a baker's dozen", "several hundred": no figure
        raw.value, raw.plain = value, False
    elif kind == "vague":
        raw.low, raw.high = _vague(text, lex)
        raw.value, raw.approx, raw.plain = raw.low, "range", False
    elif kind == "frac":
        raw.value, raw.unit, raw.plain, raw.kind = _fraction(text, lex), "fraction", False, "fraction"
    elif kind == "dfrac":
        a, b = (float(x) for x in re.split(r"\s?[/⁄]\s?", text))
        if not b or a >= b:
            return None
        raw.value, raw.unit, raw.plain, raw.kind = a / b, "fraction", False, "fraction"
    elif kind == "ratio":
        value = _ratio(text, lex)
        if value is None:
            return None
        raw.value, raw.unit, raw.plain, raw.kind = value, "fraction", False, "fraction"
    return raw


def _left(text: str, raw: Raw, lex) -> None:
    """Currency, sign and qualifier written before the numeral."""
    window = text[max(0, raw.start - 8):raw.start]
    if not raw.currency and raw.kind in ("digit", "word"):
        m = lex.patterns.cur_before.search(window)
        if m:
            code = lex.currency_prefix.get(m.group(1).replace(" ", "").rstrip("."))
            code = code or lex.currency_prefix.get(m.group(1).rstrip("."), "USD")
            raw.unit, raw.currency = code, True
            raw.start -= len(m.group(0))
            if m.group(2):
                raw.value = -raw.value
    if raw.kind == "digit" and not raw.currency:
        m = lex.patterns.sign_before.search(text[max(0, raw.start - 7):raw.start])
        if m and not text[max(0, raw.start - 20):raw.start].lower().rstrip(" -").endswith(lex.cues.plus_minus):
            raw.value, raw.start = -raw.value, raw.start - len(m.group(0))
    m = lex.patterns.qual_before.search(text[max(0, raw.start - 22):raw.start])
    if m:
        raw.approx = lex.qualifiers[m.group(1).lower()]
        raw.start -= len(m.group(0))
        raw.qualifier, raw.qual_len = m.group(1).lower(), len(m.group(0))


def _scale(text: str, raw: Raw, lex) -> None:
    m = lex.patterns.and_a_half.match(text, raw.end)
    if m:  # "seven and a half years", "two and a half million"
        raw.value, raw.end, raw.num_end, raw.plain = raw.value + 0.5, m.end(), m.end(), False
    pos = raw.end
    while True:
        m = lex.patterns.scale_words.match(text, pos)
        if not m:
            break
        word = (m.group(1) or m.group(2)).lower()
        raw.scale *= lex.scales[word]
        pos = m.end()
    if pos == raw.end and raw.kind == "digit":
        m = lex.patterns.scale_letter.match(text, pos)
        if m:
            letter = m.group(1)
            factor = {"M": 1e6, "B": 1e9, "m": 1e6, "b": 1e9, "k": 1e3, "K": 1e3}[letter]
            if raw.currency or letter in "MB":
                raw.scale, pos = factor, m.end()
    if raw.scale != 1.0:
        raw.value *= raw.scale
        raw.plain = False
        if raw.low is not None:
            raw.low, raw.high = raw.low * raw.scale, raw.high * raw.scale
    raw.end = pos


def _right(text: str, raw: Raw, lex) -> None:
    """Scale, unit, "per X" and trailing qualifiers written after the numeral."""
    if raw.kind in ("digit", "word"):
        _scale(text, raw, lex)
    if raw.currency:
        m = lex.patterns.us_after.match(text, raw.end)
        if m:
            raw.end = m.end()
    elif raw.kind != "fraction":
        found = _unit_at(text, raw.end, lex)
        if found:
            entry, raw.end = found
            raw.unit, raw.plain, raw.currency = entry.unit, False, entry.kind == "money"
    if raw.unit and lex.unit_kind(raw.unit) in ("money", "measure"):
        _per(text, raw, lex)
    if raw.qualifier == lex.cues.during and lex.unit_kind(raw.unit) == "time":
        raw.approx = "exact"  # "laundered €40 million over two years": during, not more than
        raw.start += raw.qual_len
    m = lex.patterns.qual_after.match(text, raw.end)
    if m and raw.approx == "exact":
        raw.approx = lex.qualifiers_after[m.group(0).strip(" -").split()[-1].lower()]
        raw.end = m.end()


def _per(text: str, raw: Raw, lex) -> None:
    m = lex.patterns.per.match(text, raw.end)
    if not m:
        return
    den = m.group(1)
    exact, lower = lex.units
    entry = exact.get(den) or lower.get(den.lower())
    if entry and entry.kind in ("time", "measure"):
        raw.unit, raw.end = f"{raw.unit}/{entry.unit}", m.end()
    elif den.lower() in lex.per_nouns:
        raw.unit, raw.end = f"{raw.unit}/{den.lower().rstrip('s')}", m.end()


def _excluded(text: str, lex) -> list[tuple[int, int]]:
    spans = [m.span() for rx in lex.patterns.not_figure[:2] for m in rx.finditer(text)]
    for m in lex.patterns.not_figure[2].finditer(text):
        g = m.group(0)
        if sum(c.isdigit() for c in g) < PHONE_DIGITS or not re.search(r"[-.()+]", g):
            continue  # "200 300 400 people" is not a phone number
        spans.append(m.span())
    return spans


def _can_join(text: str, a: Raw, b: Raw, lex) -> bool:
    p, cues = lex.patterns, lex.cues
    sep = text[a.end:b.start]
    if not p.range_sep.match(sep) or a.kind in ("vague", "fraction") or b.kind in ("vague", "fraction"):
        return False
    if a.drop or b.drop or a.low is not None or a.approx not in ("exact", "about"):
        return False
    if _yearlike(a) or _yearlike(b):
        return False
    word = sep.strip().strip("-").lower()
    before = text[max(0, a.start - 9):a.start]
    if word == cues.range_and:
        return bool(p.between_and.search(before))
    if word == cues.range_or:
        return a.unit is None and a.kind == b.kind
    if word == cues.range_to or sep.strip() in (f"-{cues.range_to}-", f"{cues.range_to}-"):
        if p.by.search(before) and a.unit is not None:
            return False  # "increased by $43.6 billion to $419.2 billion": two figures
        if p.between.search(before):
            return a.unit is None or b.unit is None or a.unit.split("/")[0] == b.unit.split("/")[0]
        return a.unit is None or a.unit == b.unit
    return a.unit is None or b.unit is None or a.unit == b.unit  # hyphen or dash


def _yearlike(raw: Raw) -> bool:
    return raw.plain and raw.kind == "digit" and 1000 <= raw.value <= 2199 and raw.value == int(raw.value)


def _join(text: str, a: Raw, b: Raw, p) -> Raw:
    if b.scale != 1.0 and a.scale == 1.0 and a.value * b.scale <= b.value * 1.0001:
        a.value *= b.scale
    lo, hi = sorted((a.value, b.value))
    m = p.between.search(text[max(0, a.start - 9):a.start])
    start = a.start - len(m.group(0)) if m else a.start
    approx = a.approx if a.approx != "exact" else "range"
    return Raw(start=start, end=b.end, num_start=a.num_start, num_end=b.num_end, value=lo,
               kind="range", low=lo, high=hi, approx=approx, unit=a.unit if a.unit and "/" in a.unit else (b.unit or a.unit),
               currency=a.currency or b.currency, plain=False)


def scan(text: str, lex) -> list[Raw]:
    """Every figure-like span of ``text``; ``Raw.drop`` says why one is not a quantity."""
    excluded = _excluded(text, lex)
    atoms: list[Raw] = []
    for m in lex.patterns.atom.finditer(text):
        if atoms and m.start() < atoms[-1].end:
            continue  # a scale or unit word already read with the previous figure
        raw = _atom(m, lex)
        if raw is None:
            continue
        if any(s < raw.num_end and raw.num_start < e for s, e in excluded):
            raw.drop = "date-time-phone"
        _left(text, raw, lex)
        _right(text, raw, lex)
        _glued(text, raw, lex.cues)
        atoms.append(raw)
    return _ranges(text, atoms, lex)


def _glued(text: str, raw: Raw, cues) -> None:
    """Digits glued to letters or to a name ("5G", "96th", "TA-35", "1990s") are not figures."""
    if raw.drop or raw.kind not in ("digit", "word"):
        return
    nxt = text[raw.end:raw.end + 2]
    if raw.kind == "word":
        if raw.unit is None and nxt[:1] == "-" and nxt[1:].isalpha():
            raw.drop = "glued"  # "a four-way race", "the middle one-fifth"
        return
    if re.match(r"/\d", nxt) or text[max(0, raw.num_start - 1):raw.num_start] == "/":
        raw.drop = "glued"  # "9/11", "24/7"
    if raw.unit is None and raw.end == raw.num_end and (nxt[:1].isalpha() or nxt[:1] == "'"
                                                         or (nxt[:1] == "-" and nxt[1:].isalpha())):
        raw.drop = "glued"  # "5G", "96th", "1990s", "a 52-count complaint"
    prev = text[max(0, raw.num_start - 2):raw.num_start]
    if len(prev) == 2 and prev[1] == "-" and prev[0].isalpha() and raw.start == raw.num_start \
            and text[max(0, raw.num_start - len(cues.range_to) - 2):raw.num_start].lower() != f" {cues.range_to}-":
        sub = len(cues.less_prefix)
        if text[max(0, raw.num_start - sub):raw.num_start].lower() == cues.less_prefix:
            raw.approx, raw.start = "less_than", raw.num_start - sub
        else:
            raw.drop = "name"


def _ranges(text: str, atoms: list[Raw], lex) -> list[Raw]:
    out: list[Raw] = []
    for raw in atoms:
        if out and _can_join(text, out[-1], raw, lex):
            out[-1] = _join(text, out[-1], raw, lex.patterns)
        else:
            out.append(raw)
    return out
