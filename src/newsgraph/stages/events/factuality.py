"""Factuality of an event (PLOVER's auxiliary modes): asserted, negated, hypothetical,
future or historical, from the trigger's clause and the event's date.

- negated: "did not attack", "no arrests", or an event under "refused to"/"failed to";
- hypothetical: a modal ("could attack"), a condition ("if ... attacked"), or an event
  under a verb of wanting, planning, demanding or threatening ("threatened to attack");
- future: "will meet", "is going to", or a date after publication;
- historical: a date clearly before the article's window (more than a year before it).
"""
from __future__ import annotations

import datetime as dt

from .detect import lemma
from .lexicon import Lexicon



def governing(tok, lex: Lexicon):
    """The verb (or adjective) whose tense and modality apply to ``tok``: itself for a verb;
    for an event noun, the verb it is the object or subject of."""
    t = tok
    if t.pos_ in ("NOUN", "PROPN"):
        if t.dep_ in lex.dep("governed_argument"):
            h = t.head if t.dep_ not in lex.dep("prep_object") else t.head.head
            if h.pos_ in ("VERB", "AUX", "ADJ"):
                return h
    return t


def _aux_lemmas(verb, lex: Lexicon) -> set[str]:
    out = set()
    t = verb
    aux = lex.dep("any_auxiliary")
    for _ in range(3):
        out |= {c.lower_ for c in t.children if c.dep_ in aux}
        out |= {lemma(c) for c in t.children if c.dep_ in aux}
        if t.dep_ not in lex.dep("conjunct"):
            break
        t = t.head
    return out




def _negated(tok, verb, lex: Lexicon) -> bool:
    neg, det = lex.dep("negation"), lex.dep("determiner")
    if any(c.dep_ in neg for c in verb.children) or any(c.dep_ in neg for c in tok.children):
        return True
    for c in verb.children:  # "nobody was arrested", "no one was detained"
        if c.dep_ in lex.dep("negatable_argument") and (
                lex.is_("nobody_words", c.lower_) or any(d.dep_ in det and lex.is_("no_determiners", d.lower_) for d in c.children)):
            return True
    if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ in det and c.lower_ == "no" for c in tok.children):
        return True
    return False


def _heads(verb, lex: Lexicon, n: int = 6):
    """Clause heads above ``verb`` through complement and purpose links."""
    t = verb
    chain = lex.dep("intent_chain")
    for _ in range(n):
        if t.dep_ not in chain:
            return
        t = t.head
        yield t


def factuality(tok, lex: Lexicon, date: str | None, published: dt.date | None) -> str:
    verb = governing(tok, lex)
    aux = _aux_lemmas(verb, lex)
    if _negated(tok, verb, lex):
        return "negated"
    if verb.i != tok.i and lex.is_("hypothetical_heads", lemma(verb)):
        return "hypothetical"  # "demanded the arrest of", "preparing attacks"
    for h in _heads(verb, lex):
        if lex.is_("negating_heads", lemma(h)) and verb.dep_ in lex.dep("complement") and h.i == verb.head.i:
            return "negated"
        if lex.is_("hypothetical_heads", lemma(h)) and h.pos_ in ("VERB", "ADJ", "NOUN", "AUX"):
            return "hypothetical"
        if lex.is_("modal_hypothetical", h.lower_):
            return "hypothetical"
    if aux & lex.words["modal_hypothetical"]:
        return "hypothetical"
    if _infinitive_of_noun(verb, lex):
        return "hypothetical"
    if any(c.dep_ in lex.dep("marker") and lex.is_("conditional_marks", c.lower_) for c in verb.children):
        return "hypothetical"
    if aux & lex.words["modal_future"] or _going_to(verb, lex):
        return "future"
    return _by_date(date, published)


def _infinitive_of_noun(verb, lex: Lexicon) -> bool:
    """"orders to arrest", "free to arrest", "a message to detain": not (yet) done."""
    return verb.pos_ == "VERB" and any(c.tag_ == "TO" for c in verb.children) and \
        verb.dep_ in lex.dep("infinitive_clause") and verb.head.pos_ in ("NOUN", "PROPN", "ADJ")


def _going_to(verb, lex: Lexicon) -> bool:
    h = verb.head
    return verb.dep_ in lex.dep("open_complement") and lex.is_("going_words", h.lower_) \
        and any(lex.is_("be_lemmas", c.lemma_) for c in h.children)


def clause_year(tok, lex: Lexicon) -> str | None:
    """A bare year in the trigger's clause ("in 1995 soldiers attacked"), when the times
    stage gave no date."""
    verb = governing(tok, lex)
    link, npadvmod = lex.dep("year_link"), lex.dep("noun_adverbial")
    for c in list(verb.children) + list(tok.children):
        if c.dep_ in link:
            for g in ([c] if c.dep_ in npadvmod else c.children):
                if g.like_num and len(g.text) == 4 and g.text.isdigit() and 1800 < int(g.text) < 2200:
                    return g.text
    return None


def _by_date(date: str | None, published: dt.date | None) -> str:
    if not date or not published or not date[:4].isdigit():
        return "asserted"
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else None
    months_before = (published.year - year) * 12 + (published.month - (month or 12))
    if months_before > 12:
        return "historical"
    start_month = month or 1
    if (year, start_month) > (published.year, published.month) and len(date) >= 7 or year > published.year:
        return "future"
    return "asserted"
