"""The tense of the verb that governs a time expression, read from the dependency parse.

From the expression's root token, climb the head chain to the nearest verb; a future
auxiliary (will, shall, 'll) makes it FUTURE, a past form (VBD, or had/was/did, or
has/have + participle) PAST, a present finite form PRESENT. Non-finite verbs (infinitive,
participle, gerund) hand over to the verb they depend on, a few steps up at most.
"""
from __future__ import annotations

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
_PERFECT_AUX = {"has", "have", "'ve", "'s"}
_VERBAL = {"VERB", "AUX"}
_MAX_CLIMB = 4


def _nearest_verb(tok):
    t = tok
    for _ in range(12):
        if t.pos_ in _VERBAL:
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def verb_tense(v) -> str | None:
    """FUTURE / PAST / PRESENT of one verb token and its auxiliaries, or None (non-finite)."""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "FUTURE"
    if "going" in words or (v.lower_ == "going" and any(c.dep_ == "xcomp" for c in v.children)):
        return "FUTURE"
    tags = {a.tag_ for a in auxes} | {v.tag_}
    if "VBD" in tags:
        return "PAST"
    if v.tag_ == "VBN" and words & _PERFECT_AUX:
        return "PAST"
    if tags & {"VBZ", "VBP"}:
        return "PRESENT"
    if "MD" in tags:
        return None if not words & {"would", "could", "might"} else "PAST" if "could" in words else None
    return "NONFINITE"


def tense_of(tok) -> str | None:
    """Tense governing ``tok`` (a token of the time expression): PAST, PRESENT, FUTURE or None."""
    v = _nearest_verb(tok)
    for _ in range(_MAX_CLIMB):
        if v is None:
            return None
        t = verb_tense(v)
        if t != "NONFINITE":
            return t
        if v.head.i == v.i:
            return None
        v = _nearest_verb(v.head)
    return None
