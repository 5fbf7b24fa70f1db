"""Token-level checks that drop what only looks like a figure.

Given a ``parse.Raw`` and the spaCy Doc, ``drop_reason`` says why the span is not
a quantity, or returns None to keep it: years, names with a number ("Article 5",
"Section 427", "iPhone 11", "FTSE 100"), ages in apposition ("Maddon, 66,"), "one of the
...", "one" used as a pronoun, and game scores ("2-0").
"""
from __future__ import annotations

import re

from .lexicon import Lexicon


def raw_text(raw, span) -> str:
    return span.text[raw.num_start - span.start_char:]


_SPLIT = re.compile(r"^(\d{1,3})[-–](\d{1,3})$")
_YEAR_NOUN_OK = ("NNS", "NNPS")


_DOMAIN = re.compile(r"\.[a-z]{2,}\b")


def _bare(raw) -> bool:
    return raw.unit is None and not raw.currency and raw.approx in ("exact", "range")


def drop_reason(raw, doc, span, num, lex: Lexicon, text: str) -> str | None:
    """Why ``raw`` (tokens ``span``, numeral tokens ``num``) is not a quantity, or None
    (``text``: the article's text; ``doc.text`` would rebuild it on every call)."""
    if raw.drop:
        return raw.drop
    if _DOMAIN.match(text, raw.num_end):
        return "name"  # "24.kg", "5.tv": the numeral of a site's name
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    last = num[-1]
    if raw.unit and lex.unit_kind(raw.unit) == "time" and "-" in raw_text(raw, span) \
            and nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN", "NUM", "SYM"):
        return "modifier"  # "a five-year $700000 award", "a two-month contract"
    if raw.kind == "word":
        reason = _word(raw, num, nxt, lex)
        if reason:
            return reason
    if raw.kind == "digit" and _year(raw, doc, num, nxt):
        return "year"
    if _bare(raw) or (raw.kind == "digit" and raw.unit is None and not raw.currency):
        if prev is not None and (prev.lower_ in lex.name_labels or prev.text == "#"):
            return "name"
    if _bare(raw) and raw.kind in ("digit", "range"):
        reason = _name_or_age(raw, span, prev, nxt, last, lex)
        if reason:
            return reason
    return None


def _word(raw, num, nxt, lex: Lexicon) -> str | None:
    first = num[0].lower_
    before = num[0].nbor(-1).lower_ if num[0].i > 0 else ""
    if _bare(raw) and before in lex.pronoun_determiners and num[-1].dep_ not in lex.deps.numeric_modifier \
            and (nxt is None or nxt.pos_ not in ("NOUN", "ADJ")):
        return "pronoun"  # "the two raised $350 million"
    if first == lex.cues.one and len(num) == 1:
        if nxt is not None and nxt.lower_ == lex.cues.part_of:
            return "one-of"
        if _bare(raw) and num[0].dep_ not in lex.deps.numeric_modifier:
            return "pronoun"
    return None


def _year(raw, doc, num, nxt) -> bool:
    if not raw.plain or not 1000 <= raw.value <= 2199 or raw.value != int(raw.value):
        return False
    if raw.currency or raw.unit is not None:
        return False
    if nxt is not None and nxt.tag_ in _YEAR_NOUN_OK and not 1900 <= raw.value <= 2100:
        return False
    return True


def _name_or_age(raw, span, prev, nxt, last, lex: Lexicon) -> str | None:
    sent_start = span.sent.start
    counts_noun = last.dep_ in lex.deps.numeric_modifier and last.head.i > last.i and last.head.pos_ == "NOUN"
    if prev is not None and (prev.i != sent_start or prev.pos_ == "PROPN") and prev.is_alpha and prev.text not in lex.cues.country_forms \
            and (prev.text[0].isupper() or prev.pos_ == "PROPN" or not prev.text.islower()):
        return "name"  # "Article 5", "Lang 20", "iPhone 11"
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not counts_noun \
            and nxt.ent_type_ != "NORP" and nxt.tag_ != "NNPS":
        return "name"  # "787 Dreamliner", "9 E 71st St"; not "300 Kazakh citizens"
    if raw.kind == "digit" and raw.plain and raw.value <= 120 and prev is not None \
            and prev.text == "," and prev.i > 0 and prev.nbor(-1).pos_ == "PROPN" \
            and (nxt is None or nxt.text in (",", ")")):
        return "age"
    m = _SPLIT.match(span.text)
    if m and int(m.group(2)) <= int(m.group(1)):
        return "score"  # "a 5-4 decision", "tied at 89-89"
    if raw.kind == "range" and "-" in span.text and not counts_noun \
            and (nxt is None or nxt.pos_ not in ("NOUN",)):
        return "score"
    return None
