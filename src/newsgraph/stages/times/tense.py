"""The tense of the verb that governs a time expression, read from the dependency parse.

From the expression's root token, climb the head chain to the nearest verb; a future
auxiliary (will, shall, 'll), a modal (would, might, may, should) or a
to-infinitive ("plans to leave Thursday") makes it FUTURE; a past form (VBD, or
had/was/did, has/have + participle, a bare participle "announced Wednesday") PAST; a
present finite form PRESENT, unless it reports a past or future clause ("X met Y on Friday,
Trend reports": the clause's tense). An expression that belongs to a noun ("Friday's ruling",
"warnings on Thursday") has no tense (None). A participle
or gerund hands over to the verb it depends on, a few steps up at most. "as soon as" /
"as early as" just before the expression also make it FUTURE.
"""
from __future__ import annotations

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


def verb_tense(v, lex) -> str | None:
    """FUTURE / PAST / PRESENT of one verb token and its auxiliaries, NONFINITE, or None."""
    auxes = [c for c in v.children if c.dep_ in lex.deps.auxiliary]
    words = {a.lower_ for a in auxes}
    tags = {a.tag_ for a in auxes} | {v.tag_}
    if words & lex.future_aux:
        return "FUTURE"
    if words & lex.perfect_aux and ("VBN" in tags):
        return "PAST"
    if words & lex.past_modals:
        return None
    if words & lex.modals:
        return "FUTURE"
    if v.lower_ == lex.cues["going"] and any(c.dep_ in lex.deps.open_complement for c in v.children):
        return "FUTURE"
    if lex.cues["infinitive"] in words and v.tag_ == "VB":
        return "FUTURE"
    if v.tag_ == "VBN" and not auxes:
        return "PAST"  # reduced relative: "the ruling announced Wednesday"
    if "VBD" in tags:
        return "PAST"
    if tags & {"VBZ", "VBP"}:
        return "PRESENT"
    return "NONFINITE"


def tense_of(tok, lex) -> str | None:
    """Tense governing ``tok`` (a token of the time expression): PAST, PRESENT, FUTURE or None."""
    doc = tok.doc
    i = tok.i
    as_ = lex.cues["as"]
    if i >= 3 and doc[i - 3].lower_ == as_ and doc[i - 1].lower_ == as_ and doc[i - 2].lower_ in lex.cues["as_x_as"]:
        return "FUTURE"
    if tok.dep_ in lex.deps.possessive:
        return None  # "Friday's ruling"
    h = tok.head
    if tok.dep_ in lex.deps.prep_object and h.head.i != h.i:
        h = h.head
    if h.i != tok.i and h.pos_ in ("NOUN", "PROPN"):
        return None  # "warnings from Moscow on Thursday": the time belongs to the noun
    v = _nearest_verb(tok)
    for _ in range(_MAX_CLIMB):
        if v is None:
            return None
        t = verb_tense(v, lex)
        if t == "PRESENT":  # "X received Y on Friday, Trend reports": the time the report tells of
            inner = next((verb_tense(c, lex) for c in v.children
                          if c.dep_ in lex.deps.clausal_complement and c.pos_ in _VERBAL), None)
            return inner if inner in ("PAST", "FUTURE") else t
        if t != "NONFINITE":
            return t
        if v.head.i == v.i:
            return None
        v = _nearest_verb(v.head)
    return None
