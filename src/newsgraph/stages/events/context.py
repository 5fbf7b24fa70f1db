"""What of a sentence is no event's place or time: a country that says whom a person is
("Uzbekistan's Prosecutor General X"), the source of a statement ("according to the Tajik
side"), the country across a border (a place only when the sentence has no other), the
topic of talks ("discussed water sharing in the Fergana Valley"), a statement's own time
("said on Saturday it had detained"); and whether a place stands in a locative phrase.
"""
from __future__ import annotations

from .detect import Trigger, lemma
from .lexicon import Lexicon

def describes_person(tok, people: list, lex: Lexicon) -> bool:
    """A place that modifies a person's name ("Uzbekistan's Prosecutor General Nigmatilla
    Yuldashev", "Kyrgyzstan's Foreign Minister X") says whom, not where."""
    for _ in range(3):
        if tok.dep_ not in lex.dep("possessor") | lex.dep("noun_modifier") or tok.head is tok:
            return False
        tok = tok.head
        if any(a <= tok.idx < b for a, b in people):
            return True
    return False


def attribution(tok, lex: Lexicon) -> bool:
    """A place in the source of a statement ("according to the Tajik side") is none of the event's."""
    for _ in range(4):
        if tok.head is tok:
            return False
        tok = tok.head
        if lex.is_("attribution_preps", tok.lower_):
            return True
    return False


def neighbour(tok, lex: Lexicon) -> bool:
    """The country across a border ("the border with Afghanistan"): an event's place only
    when its sentence names no other (``place_of`` is asked again with these alone)."""
    prep = tok.head
    return tok.dep_ in lex.dep("prep_object") and lex.is_("neighbour_preps", prep.lower_) and lex.is_("neighbour_words", lemma(prep.head))


def neighbour_places(doc, places, lex: Lexicon) -> list:
    out = []
    for p in places:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and neighbour(span.root, lex):
            out.append(p)
    return out


def topic(trig: Trigger, lex: Lexicon) -> list[tuple[int, int]]:
    """What talks are about ("discussed water sharing in the Fergana Valley"): the object of a
    verb of discussing holds its topic, not where the talks take place."""
    if trig.kind == "noun" or not lex.is_("topic_verbs", lemma(trig.tok)):
        return []
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in trig.tok.children
            if c.dep_ in lex.dep("object")]


def locative(doc, place, lex: Lexicon) -> bool:
    """Whether a place stands in a locative phrase ("in Tashkent", "the village of Kok-Tash")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ in lex.dep("noun_modifier") and tok.head is not tok:  # "Kostanai region"
        tok = tok.head
    if tok.dep_ in lex.dep("prep_object") and lex.is_("location_preps", lemma(tok.head)):
        return True
    if tok.dep_ in lex.dep("prep_object") and tok.head.dep_ in lex.dep("preposition") and tok.head.head.dep_ in lex.dep("prep_object"):
        tok = tok.head.head  # "the village of Kok-Tash", "the city of Osh"
    return tok.dep_ in lex.dep("prep_object") and lex.is_("location_preps", lemma(tok.head))


def before_reported_subject(verb, span, lex: Lexicon) -> bool:
    """A time between a reporting verb and the subject of the clause it reports ("said on
    Saturday it had detained"): the statement's time, wherever the parser hung it."""
    if verb.dep_ not in lex.dep("clausal_complement") or not lex.is_("reporting_verbs", lemma(verb.head)):
        return False
    subj = next((c for c in verb.children if c.dep_ in lex.dep("subject") | lex.dep("passive_subject")), None)
    return subj is not None and verb.head.i < span.start and span.end <= subj.left_edge.i


def place_word_here(trig: Trigger, lex: Lexicon) -> bool:
    """A locative phrase on the trigger's clause with a place word and no name ("in the
    region", "in the city"): it refers back to the last such place the text named."""
    t = trig.tok
    for _ in range(3):
        for c in t.children:
            if c.dep_ in lex.dep("preposition") and lex.is_("location_preps", lemma(c)):
                obj = next((o for o in c.children if o.dep_ in lex.dep("prep_object")), None)
                if obj is not None and lex.is_("anaphoric_place_nouns", obj.lower_) \
                        and any(d.dep_ in lex.dep("determiner") for d in obj.children):
                    return True
        if t.head is t:
            break
        t = t.head
    return False
