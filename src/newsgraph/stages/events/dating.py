"""A date told after the event: "During the operation, 9 suspects were detained ... They added
that the operation was carried out last week."

A sentence that reports no event of its own but dates one already named ("the operation",
"the detentions": its subject is an event noun, a word that refers to one (events_lexicon.json
event_reference_nouns), or the head word of an earlier trigger) gives
that date to the real (asserted or historical) events before it that no time expression dates;
so does a pronoun's occurrence ("This happened the day before"), even in a sentence that names
the event again ("... during a shootout").
``placed_later`` does the same for a place: "Kyrgyz border guards opened fire at Tajik
villagers ... The incident took place near the village of Khoja Alo" places the shooting in
Khoja Alo, over no place or only a country's.
"""
from __future__ import annotations

import bisect

from .detect import lemma
from .lexicon import Lexicon
from .roles import occurs

_VERBAL = ("VERB", "AUX")


def _verb_of(tok):
    t = tok
    while t.pos_ not in _VERBAL and t.head.i != t.i:
        t = t.head
    return t if t.pos_ in _VERBAL else None


def _dating_clause(doc, t, lex: Lexicon, heads: set[str]) -> str | None:
    """What the time's clause dates: "noun" for an event noun ("the operation was carried out
    last week"), "back" for a pronoun's occurrence as the sentence's main verb ("This happened
    the day before", "It took place on Monday"; not "what they say happened 50 years ago"),
    else None."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    verb = _verb_of(span.root) if span is not None and len(span) else None
    if verb is None:
        return None
    subjects = lex.dep("subject") | lex.dep("passive_subject")
    subj = next((c for c in verb.children if c.dep_ in subjects), None)
    if subj is None:
        return None
    if lemma(subj) in lex.nouns or lemma(subj) in heads or lex.is_("event_reference_nouns", lemma(subj)):
        return "noun"
    if subj.lower_ in lex.words["back_reference_pronouns"] and verb.head.i == verb.i and occurs(verb, lex):
        return "back"
    return None


def told_later(events: list[dict], doc, times, statement_times: set[str], lex: Lexicon) -> None:
    """Date undated events from a later sentence that only dates them (in place)."""
    starts = [s.start_char for s in doc.sents]

    def sent_of(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    busy = {sent_of(ev["trig"].start) for ev in events}
    for t in times:
        if t.id in statement_times or t.type != "DATE" or not t.value[:1].isdigit():
            continue
        k = sent_of(t.start)
        before = [ev for ev in events if sent_of(ev["trig"].start) < k]
        heads = {lemma(ev["trig"].tok) for ev in before}
        kind = _dating_clause(doc, t, lex, heads) if before else None
        if kind is None or (k in busy and kind != "back"):  # "This happened ... during a shootout"
            continue
        for ev in before:
            if ev["date_source"] != "time" and lex.is_("real_factuality", ev["fact"]):
                ev["time"], ev["date"], ev["date_source"] = t.id, t.value, "time"


def placed_later(events: list[dict], doc, places, lex: Lexicon) -> None:
    """Place earlier events from the first later sentence that only places them (in place)."""
    starts = [s.start_char for s in doc.sents]

    def sent_of(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    busy = {sent_of(ev["trig"].start) for ev in events}
    by_id = {p.id: p for p in places}
    for p in sorted(places, key=lambda p: p.start):
        k = sent_of(p.start)
        before = [ev for ev in events if sent_of(ev["trig"].start) < k]
        if k in busy or not before or p.kind == "country" or getattr(p, "scene", False):
            continue
        if _dating_clause(doc, p, lex, {lemma(ev["trig"].tok) for ev in before}) != "noun":
            continue
        for ev in before:
            cur = by_id.get(ev["place"]) if ev["place"] else None
            vague = cur is None or cur.kind == "country"  # a country (often the actor's) yields to the place told
            if vague and lex.is_("real_factuality", ev["fact"]):
                ev["place"] = p.id
        return
