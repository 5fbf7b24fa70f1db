"""numbers.ru.v1: Russian figures with value, range, approximation, unit, counted noun, claimant.

One explicit sequence per figure (word lists in lang/ru/numbers.json):
1. the figure: digits ("300", "1,5", "15 000", "5-7") or numeral words summed and
   multiplied ("двести пятьдесят", "три тысячи", "полтора", "двое", "трехсот");
2. a scale after it ("тыс.", "млн", "млрд") multiplies it; "от X до Y" and "X-Y" make a range;
3. a modifier before it ("более", "свыше", "около", "порядка", "не менее", "до" ...) sets
   ``approx``; figures followed by a month, "год" or a clock word are left to the times stage;
4. the unit after it (%, тенге, сом, сомони, сум, рублей, долларов, тонн ...), else the
   counted noun ("300 человек", "трех подозреваемых");
5. the category: MONEY and PERCENT from the unit; for people, KILLED/INJURED/ARRESTED/
   DISPLACED/MISSING from an event word governing the figure or its noun, else PERSONS;
6. the claimant: the quote holding the figure and its speaker.
"""
from __future__ import annotations

import re

from ...model import ArticleRecord, Number
from ...resources import Context
from ...lang.ru.lexicon import key
from ..text import labels

VERSION = "numbers.ru.v1"
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
_RANGE = re.compile(r"^(\d+(?:[.,]\d+)?)[-–—](\d+(?:[.,]\d+)?)$")


def lexicon(lang) -> dict:
    """The word tables of ``lang`` (its ``numbers.json``) and its dependency labels, built once
    per process per language."""
    return lang.cached("numbers.ru", lambda: _build(lang))


def _build(lang) -> dict:
    d = lang.data("numbers.json")
    events = {w: cat for cat, words in d["events"].items() for w in words}
    mods = sorted(((tuple(m), a) for m, a in d["modifiers"]), key=lambda x: -len(x[0]))
    return {"words": d["words"], "scales": d["scales"], "mods": mods, "units": d["units"],
            "people": set(d["person_nouns"]), "events": events, "skip": set(d["skip_after"]),
            "change": set(d["change_words"]), "scale_abbr": frozenset(d["scale_abbreviations"]),
            "deps": labels(lang)}


def _num(s: str) -> float:
    return float(s.replace(",", ".").replace("\u00a0", "").replace(" ", ""))


def _figure(doc, i: int, lex: dict) -> tuple[int, float, float | None] | None:
    """(end token, value, high of a range) of a figure starting at token i (``lex``: ``lexicon``)."""
    t = doc[i]
    m = _RANGE.match(t.text)
    if m:
        return i + 1, _num(m.group(1)), _num(m.group(2))
    if _DIGITS.match(t.text):
        value, j = _num(t.text), i + 1
        while j < len(doc) and re.fullmatch(r"\d{3}", doc[j].text) and doc[j - 1].whitespace_:
            value, j = value * 1000 + _num(doc[j].text), j + 1
        return j, value, None
    total, part, j = 0.0, 0.0, i
    while j < len(doc) and key(doc[j].lemma_) in lex["words"]:
        v = lex["words"][key(doc[j].lemma_)]
        if v >= 1000:
            total += (part or 1) * v
            part = 0.0
        else:
            part += v
        j += 1
    if j == i or (j == i + 1 and key(doc[i].lemma_) == "один"):
        return None
    return j, total + part, None


def _scale(doc, j: int, lex: dict) -> tuple[int, float]:
    scales = lex["scales"]
    if j < len(doc) and (doc[j].lower_ in scales or key(doc[j].lemma_) in scales):
        mult = scales.get(doc[j].lower_) or scales[key(doc[j].lemma_)]
        j += 1
        if j < len(doc) and doc[j].text == "." and doc[j - 1].lower_ in lex["scale_abbr"]:
            j += 1
        return j, mult
    return j, 1.0


def _unit(doc, j: int, lex: dict) -> tuple[int, str | None, str | None]:
    units = lex["units"]
    if j < len(doc):
        for k in (doc[j].text, doc[j].lower_, key(doc[j].lemma_)):
            if k in units:
                return j + 1, units[k][0], units[k][1]
    return j, None, None


def _modifier(doc, i: int, sent_start: int, lex: dict) -> tuple[int, str]:
    low = [t.lower_ for t in doc]
    for back in (0, 1):  # "выросли почти на 15%": the preposition between
        k = i - back
        if back and (k <= sent_start or low[k] not in ("на", "в")):
            continue
        for words, approx in lex["mods"]:
            s = k - len(words)
            if s >= sent_start and tuple(low[s:k]) == words:
                if words == ("до",) and any(key(t.lemma_) in lex["change"] for t in doc[max(sent_start, s - 6):s]):
                    return i, "exact"  # "снизить ставку до 14%": a target, not a bound
                return s, approx
    return i, "exact"


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Number]:
    text = rec.article.text if rec is not None else doc.text
    quotes = rec.get("quotes") if rec is not None else []
    lex = lexicon(ctx.lang)
    out: list[Number] = []
    i = 0
    while i < len(doc):
        found = _read(doc, i, lex)
        if found is None:
            i += 1
            continue
        num, i = found
        num.id = f"N{len(out) + 1}"
        num.text = text[num.start:num.end]
        q = next((q for q in quotes if q.start <= num.start and num.end <= q.end), None)
        if q is not None:
            num.quote, num.claimant = q.id, q.speaker
        out.append(num)
    return out


def _read(doc, i: int, lex: dict):
    fig = _figure(doc, i, lex)
    if fig is None:
        return None
    j, value, high = fig
    j, mult = _scale(doc, j, lex)
    low = value * mult
    hi = high * mult if high is not None else None
    start_tok, approx = _modifier(doc, i, doc[i].sent.start, lex)
    if hi is None and j + 1 < len(doc) and doc[j].lower_ == "до" and i > 0 and doc[i - 1].lower_ == "от":
        fig2 = _figure(doc, j + 1, lex)
        if fig2 is not None:
            j2, v2, _ = fig2
            j2, mult2 = _scale(doc, j2, lex)
            if mult == 1.0 and mult2 != 1.0:
                low *= mult2
            hi, j, start_tok = v2 * mult2, j2, i - 1
    if hi is not None:
        approx = "range"
    j, unit, kind = _unit(doc, j, lex)
    if unit is None and j < len(doc) and key(doc[j].lemma_) in lex["skip"] and mult == 1.0:
        return None
    counted = _counted(doc, j, lex) if unit is None else None
    if unit is None and counted is None and mult == 1.0 and re.fullmatch(r"(19|20)\d\d", doc[i].text):
        return None  # a bare year ("в 2023-м")
    end_tok = j
    num = Number(id="", start=doc[start_tok].idx, end=doc[end_tok - 1].idx + len(doc[end_tok - 1]), text="",
                 value=None if hi is not None else low, low=low if hi is not None else None, high=hi,
                 approx=approx, unit=unit)
    if counted is not None:
        num.counted = _counted_word(counted)
        num.counted_start, num.counted_end = counted.idx, counted.idx + len(counted)
    num.category = _category(doc, i, kind, unit, counted, lex)
    return num, j


def _counted(doc, j: int, lex: dict):
    for k in range(j, min(j + 3, len(doc))):
        t = doc[k]
        if t.pos_ in ("NOUN", "PROPN") or key(t.lemma_) in lex["people"] or _participle(t):
            return t
        if t.pos_ not in ("ADJ", "DET"):
            return None
    return None


def _participle(t) -> bool:
    """A participle standing for people: "трех подозреваемых", "двоих задержанных"."""
    return t.pos_ == "VERB" and bool(t.morph.get("Case")) and "Part" in t.morph.get("VerbForm", ["Part"])


def _counted_word(t) -> str:
    return t.lower_ if _participle(t) else t.lemma_


def _category(doc, i: int, kind, unit, counted, lex: dict) -> str:
    if kind == "money":
        return "MONEY"
    if kind == "percent":
        return "PERCENT"
    if unit is not None:
        return "OTHER"
    people = counted is None or key(counted.lemma_) in lex["people"] or _participle(counted)
    if not people:
        return "OTHER"
    anchors = [doc[i]] + ([counted] if counted is not None else [])
    for a in anchors:
        tok = a
        for _ in range(3):
            cat = lex["events"].get(key(tok.lemma_))
            if cat:
                return cat
            for child in tok.children:
                if child.dep_ in lex["deps"].event_word_child and key(child.lemma_) in lex["events"]:
                    return lex["events"][key(child.lemma_)]
            if tok.head.i == tok.i:
                break
            tok = tok.head
    return "PERSONS" if counted is not None else "OTHER"
