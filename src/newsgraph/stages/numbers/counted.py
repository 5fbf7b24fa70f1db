"""What a figure counts, and the category a user filters by.

``counted(raw, doc, span, num)`` finds the noun phrase a figure counts: the noun it
modifies ("300 Kazakh citizens"), with a relative clause when there is one ("100 persons
who joined the ranks of the militants"), or the phrase after "of" for shares and vague
plurals ("60% of the workers", "thousands of migrants"). ``category`` decides PERSONS,
KILLED, INJURED, ARRESTED, DISPLACED, MISSING, MONEY, PERCENT or OTHER from the unit, the
counted noun and the verb or adjective that governs the figure.
"""
from __future__ import annotations

from .lexicon import Lexicon


def _noun_after(doc, i: int, lex: Lexicon, limit: int = 4):
    """The first noun within ``limit`` tokens from ``i`` (over adjectives and compounds)."""
    for tok in doc[i:min(len(doc), i + limit)]:
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in lex.deps.compound:
            return tok
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM", "ADV") or tok.is_punct:
            return None
    return None


def _of_object(doc, i: int, lex: Lexicon):
    if i < len(doc) and doc[i].lower_ == lex.cues.part_of:
        objs = [c for c in doc[i].children if c.dep_ in lex.deps.prep_object]
        return objs[0] if objs else _noun_after(doc, i + 1, lex)
    return None


def counted(raw, doc, span, num, lex: Lexicon):
    """(text, start, end, head token) of what the figure counts, or None."""
    last = num[-1]
    head = None
    kind = lex.unit_kind(raw.unit)
    if raw.unit is None or raw.unit in lex.percent_units or raw.kind == "vague":
        head = _of_object(doc, span.end, lex)
        if head is not None:
            return _phrase(doc, span.end + 1, head, lex)
    if kind == "money":  # "$2.5bn in aid", "$12.4 million of claims"
        return _money_object(doc, span.end, lex)
    if kind == "measure":  # "48 kilograms of heroin", "20 tonnes of flour": the stuff measured
        head = _of_object(doc, span.end, lex)
        return _phrase(doc, span.end + 1, head, lex) if head is not None else None
    if raw.unit is not None or kind is not None:
        return None
    if last.dep_ in lex.deps.figure_modifier and last.head.i >= span.end \
            and last.head.pos_ in ("NOUN", "PROPN"):
        head = last.head
    else:
        head = _noun_after(doc, span.end, lex)
    return _phrase(doc, span.end, head, lex) if head is not None else None


def _money_object(doc, i: int, lex: Lexicon):
    if i < len(doc) and doc[i].lower_ in lex.cues.money_preps:
        objs = [c for c in doc[i].children if c.dep_ in lex.deps.prep_object and c.pos_ == "NOUN"
                and not c.ent_type_ and c.lower_ not in lex.time_nouns]
        if objs and objs[0].i <= i + 4:
            return _phrase(doc, i + 1, objs[0], lex)
    return None


def _phrase(doc, begin: int, head, lex: Lexicon):
    while begin < head.i and doc[begin].lower_ in lex.skip_left:
        begin += 1
    if doc[begin].text[:1].isdigit() or doc[begin].text[:1] in "$£€¥":
        return None  # "280 million of the 1.5 billion shekels": another figure, not a thing
    end = head.i + 1
    for child in head.rights:  # a restrictive relative clause: "persons who joined ..."
        if child.dep_ in lex.deps.relative_clause and head.i + 1 < len(doc) and doc[head.i + 1].lower_ in lex.relative_pronouns \
                and child.left_edge.i == head.i + 1:
            end = max(end, child.right_edge.i + 1)
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].dep_ in lex.deps.coordinator):
        end -= 1
    if begin >= end:
        return None
    phrase = doc[begin:end]  # Span.text is local; Doc.text rebuilds the whole text
    return phrase.text, phrase.start_char, phrase.end_char, head


def is_person(head, lex: Lexicon) -> bool:
    return head is not None and (head.lower_ in lex.person_nouns or head.lemma_.lower() in lex.person_nouns
                                 or head.ent_type_ == "NORP")


def category(raw, num, head, lex: Lexicon) -> str:
    """The filter category of a figure (see module docstring)."""
    kind = lex.unit_kind(raw.unit)
    if kind == "money" or raw.unit and raw.unit.split("/")[0] in lex.minor_currency:
        return "MONEY"
    if raw.unit in lex.percent_units:
        return "PERCENT"
    if raw.unit not in (None, "person"):
        return "OTHER"
    event = _event(num[-1], head, lex)
    if event == "ARRESTED" and head is not None and raw.unit != "person" and not is_person(head, lex):
        event = None  # "seized about 40 rounds of ammunition": things are seized, not arrested
    if event:
        return event
    return "PERSONS" if raw.unit == "person" or is_person(head, lex) else "OTHER"


def _event(last, head, lex: Lexicon) -> str | None:
    events, deps = lex.event_lemmas, lex.deps
    anchor = head if head is not None else last
    for tok in (anchor, last):
        cat = events.get(tok.lemma_.lower()) or events.get(tok.lower_)
        if cat:
            return cat
    for child in anchor.children:  # "12 people killed", "7 injured people"
        if child.dep_ in deps.noun_clause_modifier and child.i != last.i:
            cat = events.get(child.lemma_.lower()) or events.get(child.lower_)
            if cat:
                return cat
            for grand in child.children:  # "who were killed"/"who died" via the relcl verb
                if grand.dep_ in deps.predicate_complement and grand.lemma_.lower() in events:
                    return events[grand.lemma_.lower()]
    tok = anchor
    for _ in range(3):  # "12 people were killed", "detained 7 foreign nationals"
        if tok.dep_ not in deps.figure_governor or tok.head is tok:
            break
        tok = tok.head
        cat = events.get(tok.lemma_.lower()) or events.get(tok.lower_)
        if cat:
            return cat
        if tok.pos_ in ("VERB", "AUX"):
            for child in tok.children:  # "the death toll rose to 30", "8 remain missing"
                if child.dep_ in deps.subject_or_adjective_complement and child.lemma_.lower() in lex.cues.toll_words:
                    return "KILLED"
                if child.dep_ in deps.state_complement and child.i != anchor.i:
                    cat = events.get(child.lower_) or events.get(child.lemma_.lower())
                    if cat:
                        return cat
            break
    return None
