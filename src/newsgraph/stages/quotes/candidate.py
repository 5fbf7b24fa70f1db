"""A quote found but not yet numbered or resolved, and helpers shared by the finders."""
from __future__ import annotations

import re
from dataclasses import dataclass

_STRIP = " \t\r\n\xa0\u200b,;:—–-"


@dataclass
class Candidate:
    """Content span, kind, cue span and how to find the speaker."""

    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_tok: object = None  # spaCy token heading the speaker mention
    speaker_span: tuple[int, int] | None = None  # a speaker mention found without a token
    inherit: "Candidate | None" = None  # take the speaker (and cue) of an earlier quote
    rule: str = ""  # which finder rule produced it (for error analysis)


def subject_of(verb, d, depth: int = 0):
    """The subject token of a cue verb, climbing from participles and relative clauses
    (``d``: the language's ``Labels``)."""
    for child in verb.children:
        if child.dep_ in d.cue_subject:
            return child
    for child in verb.children:
        if child.dep_ in d.agent:
            for gc in child.children:
                if gc.dep_ in d.prep_object:
                    return gc
    if depth < 3 and verb.dep_ in d.clause_link and verb.head is not verb:
        if verb.dep_ in d.relative_modifier:
            return verb.head
        return subject_of(verb.head, d, depth + 1)
    return None


_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,60}?(?:\([A-Za-z]+\))?\s*[—–]+\s*")


def strip_dateline(text: str, start: int, end: int) -> int:
    """Skip a dateline such as `WASHINGTON (AP) — ` at the start of a content span."""
    m = _DATELINE.match(text[start:min(end, start + 90)])
    if m and (m.group().split()[0].isupper() or "(" in m.group()):
        return start + m.end()
    return start


def trim(text: str, start: int, end: int, strip: str = _STRIP) -> tuple[int, int]:
    """Shrink [start, end) past white space and separators at both ends."""
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip + ".":
        end -= 1
    return start, close_quote(text, start, end)


_CLOSE_AFTER = re.compile(r"[.,!?…]?[”\"’»]")


def close_quote(text: str, start: int, end: int) -> int:
    """Take in the closing mark of a quote the span opened (`is “a great thing.”`)."""
    seg = text[start:end]
    opened = seg.count("“") + seg.count("«") > seg.count("”") + seg.count("»") or seg.count('"') % 2 == 1
    if opened:
        m = _CLOSE_AFTER.match(text, end)
        if m:
            return m.end()
    return end


def cited_source(verb, markers: dict, d):
    """The source a reporter relays, named after the cue: "Trend reports citing the press
    service", "... with reference to the ministry", "Kazinform learnt from Akorda"."""
    for c in verb.children:
        low = c.lower_
        if low in markers.get("citing", ()):
            obj = next((g for g in c.children if g.dep_ in d.object_or_prep_object), None)
            if obj is not None:
                return obj
        if low in markers.get("reference", ()) or (c.dep_ in d.preposition and low in markers.get("with_prep", ())):
            found = _to_object(c, markers, d)
            if found is not None:
                return found
        if c.dep_ in d.preposition and low in markers.get("from_prep", ()) and verb.lemma_.lower() in markers.get("learn_from", ()):
            return next((g for g in c.children if g.dep_ in d.prep_object), None)
    return None


def _to_object(tok, markers: dict, d, depth: int = 0):
    """"with reference to X" / "referring to X": the object of the "to"."""
    for c in tok.children:
        if c.dep_ in d.preposition and c.lower_ in markers.get("to_prep", ()):
            return next((g for g in c.children if g.dep_ in d.prep_object), None)
        if depth < 2 and (c.lower_ in markers.get("reference", ()) or c.dep_ in d.prep_object):
            found = _to_object(c, markers, d, depth + 1)
            if found is not None:
                return found
    return None


def inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


def nominal_head(tok, d):
    """Climb compound/flat links to the head noun of a name (`Nurgali` -> `Bilisbekov`)."""
    while tok.dep_ in d.name_part and tok.head is not tok:
        tok = tok.head
    return tok


def nearby_speaker(doc, cue, lo: int, hi: int, d):
    """A noun or pronoun right after the cue (`said X`) or right before it (`X said`),
    within char range [lo, hi): for cues whose parsed subject is wrong or missing."""
    for i in range(cue.i + 1, min(len(doc), cue.i + 4)):
        t = doc[i]
        if t.idx >= hi or t.is_punct or t.pos_ == "ADP":  # "said on Saturday": no speaker after
            break
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            return nominal_head(t, d)
    i = cue.i - 1
    if i > 0 and doc[i].text == ")":  # "the Ministry of Foreign Affairs (MFA) said": over the acronym
        opening = next((k for k in range(i - 1, max(-1, i - 5), -1) if doc[k].text == "("), None)
        i = opening - 1 if opening is not None else i
    for i in range(i, max(-1, i - 3), -1):
        t = doc[i]
        if t.idx < lo or t.is_punct:
            break
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            return nominal_head(t, d)
    return None
