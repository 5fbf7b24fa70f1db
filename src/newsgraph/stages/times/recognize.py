"""Recognition of temporal expressions: the rules of ``patterns`` run over the text,
each candidate checked against the parse, overlaps resolved (longest wins).

The sequence:
1. every rule's regex over ``doc.text`` gives candidates ``(start, end, rule, match)``;
2. candidates built on ambiguous words are checked against the tokens (``May`` as a modal,
   ``fall`` as a verb, a four-digit number that counts things rather than names a year);
3. the longest candidate wins an overlap; at equal length, the earlier rule.
"""
from __future__ import annotations

from typing import NamedTuple

from ..text import doc_text, token_at
from .lexicon import Lexicon


class Candidate(NamedTuple):
    start: int
    end: int
    rule: str
    priority: int
    groups: dict


_COUNT_ENTS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}


def _ok_year(doc, c: Candidate, lex: Lexicon) -> bool:
    g = c.groups
    if g.get("pmod") or c.end - c.start > 6:
        return True  # "mid-1998", "fiscal 1989", "the year 2000"
    y = int(g["y"])
    tok = token_at(doc, c.start, c.end)
    if tok is None:
        return False
    if tok.dep_ in lex.deps.numeric_modifier and tok.head.tag_ == "NNS":
        return False  # "1500 soldiers"
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in lex.year_nouns:
        return False  # "2000 people" (even when the parser attaches it elsewhere)
    if tok.ent_type_ == "DATE":
        return True
    if tok.ent_type_ in _COUNT_ENTS and not 1900 <= y <= 2040:
        return False
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return prev in lex.year_cues or (1900 <= y <= 2040 and tok.ent_type_ not in _COUNT_ENTS)


def _ok_month(doc, c: Candidate, lex: Lexicon) -> bool:
    word = c.groups["mon"].rstrip(".").lower()
    if word not in lex.ambiguous_months or c.groups.get("rel") or c.groups.get("pmod"):
        return True
    tok = token_at(doc, c.start, c.end)
    if tok is None:
        return False
    return tok.tag_ != "MD" and tok.pos_ not in ("VERB", "AUX") and tok.ent_type_ not in ("PERSON", "ORG")


def _ok_noun(doc, c: Candidate, key: str) -> bool:
    """The word of group ``key`` is used as a noun (``fall``, ``spring``, ``second``)."""
    m_start = c.groups["_spans"][key][0]
    tok = token_at(doc, m_start, c.groups["_spans"][key][1])
    return tok is not None and tok.pos_ in ("NOUN", "PROPN")


def _ok(doc, text: str, c: Candidate, lex: Lexicon) -> bool:
    if c.rule == "year":
        return _ok_year(doc, c, lex)
    if c.rule == "month":
        return _ok_month(doc, c, lex)
    if c.rule == "season" and not c.groups.get("y"):
        return _ok_noun(doc, c, "s")
    if c.rule in ("duration", "span", "ago") and c.groups["unit"].lower().startswith(lex.cues["ordinal_unit"]):
        return _ok_noun(doc, c, "unit")
    if c.rule == "duration" and c.groups["unit"].lower().startswith(lex.cues["fraction_unit"]):
        return not text.startswith(" " + lex.cues["part_of"], c.end)  # "three-quarters of the vote"
    if c.rule == "set_word" and c.groups["w"].lower() in lex.cues["adverb_set_words"]:
        tok = token_at(doc, c.start, c.end)
        return tok is not None and tok.pos_ == "ADV"
    if c.rule == "fuzzy" and c.groups["w"].lower() in lex.adjective_fuzzy:
        tok = token_at(doc, c.start, c.end)
        return tok is not None and tok.pos_ in ("ADJ", "NOUN")
    return True


def _trim_the(text: str, c: Candidate, lex: Lexicon) -> Candidate:
    """"the third-quarter results": the article belongs to the noun, not to the time."""
    m = lex.adjective_form.match(text[c.start:c.end])
    if m:
        return c._replace(start=c.start + m.end("article"))
    return c


def _candidates(text: str, lex: Lexicon):
    for prio, (name, rx) in enumerate(lex.rules):
        need = lex.needs.get(name)
        if need is not None and need.search(text) is None:
            continue
        for m in rx.finditer(text):
            if m.end() <= m.start():
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            groups["_spans"] = {k: m.span(k) for k in groups}
            yield Candidate(m.start(), m.end(), name, prio, groups)


def recognize(doc, lex: Lexicon) -> list[Candidate]:
    """Non-overlapping candidates in text order."""
    text = doc_text(doc)
    cands = sorted(_candidates(text, lex), key=lambda c: (c.start - c.end, c.priority, c.start))
    taken: list[tuple[int, int]] = []
    out: list[Candidate] = []
    for c in cands:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        if not _ok(doc, text, c, lex):
            continue
        taken.append((c.start, c.end))
        out.append(_trim_the(text, c, lex))
    out.sort(key=lambda c: c.start)
    return out
