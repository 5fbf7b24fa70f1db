"""Trigger detection for events.v1: which tokens of a sentence name a PLOVER event.

Three kinds of trigger, each checked against the dependency parse:
- a verb in the lexicon (with the arguments some verbs need, e.g. "talk" only with "with");
- a verb + word phrase ("open fire", "take into custody", "impose curfew");
- an event noun ("the detention of", "police firing"), licensed by its construction: some
  types only count as the object of a light verb or as a subject ("held talks", not
  "told at a meeting").
Reporting verbs ("said", "told") are never triggers.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon

_VERB_TAGS = {"VERB"}
_NOUN_POS = {"NOUN", "PROPN"}


@dataclass
class Trigger:
    tok: object  # spaCy Token (the head word of the trigger)
    start: int
    end: int
    type: str
    mode: str | None
    kind: str  # verb | phrase | noun
    conf: float


def lemma(tok) -> str:
    return tok.lemma_.lower()


def _children_words(tok, lex: Lexicon):
    """(word token) candidates that complete a phrase: particles, objects, complements and
    the objects of prepositions under the verb."""
    prep, pobj, modifier = lex.dep("preposition_or_agent"), lex.dep("prep_object"), lex.dep("noun_modifier")
    for c in tok.children:
        if c.dep_ in prep:
            for g in c.children:
                if g.dep_ in pobj:
                    yield g
                    for gg in g.children:
                        if gg.dep_ in modifier:
                            yield gg
            yield c
        elif c.dep_ in lex.dep("phrase_word"):
            yield c
            if c.dep_ in lex.dep("patient"):
                for g in c.children:
                    if g.dep_ in lex.dep("patient_modifier"):
                        yield g
                        for gg in g.children:
                            if gg.dep_ in pobj:
                                yield gg


def _phrase(tok, lex: Lexicon) -> Trigger | None:
    options = lex.phrases.get(lemma(tok))
    if not options:
        return None
    words = {}
    for w in _children_words(tok, lex):
        words.setdefault(lemma(w), w)
        words.setdefault(w.lower_, w)
    for word, typ, mode in options:
        w = words.get(word)
        if w is not None:
            if f"{lemma(tok)} {word}" in lex.words["custody_phrases"] and _to_custody(tok, lex):
                return None  # "handed over to investigators": custody changes hands, nobody is released
            end = max(tok.idx + len(tok.text), w.idx + len(w.text))
            start = min(tok.idx, w.idx)
            return Trigger(tok, start, end, typ, mode, "phrase", 0.85)
    return None


def _to_custody(tok, lex: Lexicon) -> bool:
    """Whether the verb hands its patient to the police, investigators, a court ..."""
    for c in tok.children:
        if c.dep_ in lex.dep("preposition_or_agent") and c.lower_ in lex.words["custody_preps"]:
            if any(lex.is_("custody_recipients", t.lower_) for g in c.children for t in g.subtree):
                return True
    return False


def _has_dobj(tok, lex: Lexicon) -> object | None:
    for c in tok.children:
        if c.dep_ in lex.dep("object"):
            return c
    for c in tok.children:
        if c.dep_ in lex.dep("dative"):
            return c
    return None


def _subj(tok, lex: Lexicon):
    for c in tok.children:
        if c.dep_ in lex.dep("any_nominal_subject"):
            return c
    return None


def _passive_subject(tok, lex: Lexicon):
    passive = lex.dep("nominal_passive_subject")
    return next((c for c in tok.children if c.dep_ in passive), None)


# requirements of verb_requires that name a clause under the verb -> its role in labels.json
_CLAUSE_REQUIREMENT = {"xcomp": "open_complement", "ccomp": "clausal_complement"}


def _requirement_met(tok, req: list[str], lex: Lexicon) -> bool:
    preps = {lemma(c) for c in tok.children if c.dep_ in lex.dep("preposition_or_agent")}
    obj = _has_dobj(tok, lex)
    passive_subj = _passive_subject(tok, lex)
    patient = obj or passive_subj
    for r in req:
        if r in preps:
            return True
        if r == "dobj" and (obj is not None or passive_subj is not None):
            return True
        if r == "intrans" and obj is None and passive_subj is None and not any(
                c.dep_ in lex.dep("agent") for c in tok.children) and tok.tag_ != "VBN" \
                or (r == "intrans" and tok.dep_ in lex.dep("root") and obj is None):
            return True
        if r == "passive" and passive_subj is not None:
            return True
        if r in _CLAUSE_REQUIREMENT and any(c.dep_ in lex.dep(_CLAUSE_REQUIREMENT[r]) for c in tok.children):
            return True
        if r == "conj_subj":
            s = _subj(tok, lex)
            if s is not None and any(c.dep_ in lex.dep("conjunct") for c in s.children):
                return True
        if r == "plural_subj":
            s = _subj(tok, lex)
            if s is not None and s.tag_ in ("NNS", "NNPS"):
                return True
        if r.endswith("_dobj") and patient is not None:
            kind = r[:-5]
            if _patient_is(patient, kind, lex):
                return True
    return False


def _patient_is(tok, kind: str, lex: Lexicon) -> bool:
    lem = lemma(tok)
    if kind == "person":
        if tok.tag_ == "PRP":
            return not lex.is_("non_person_pronouns", tok.lower_)
        return tok.ent_type_ in ("PERSON", "NORP") or lex.is_("person_nouns", lem)
    return lex.is_(f"{kind}_nouns", lem) or any(lex.is_(f"{kind}_nouns", lemma(c)) for c in tok.children
                                                if c.dep_ in lex.dep("patient_modifier"))


def _verb_trigger(tok, lex: Lexicon) -> Trigger | None:
    lem = lemma(tok)
    opts = lex.verbs.get(lem)
    if not opts:
        return None
    req = lex.verb_requires.get(lem)
    if req and not _requirement_met(tok, req, lex):
        return None
    if lex.is_("phrasal_exception_verbs", lem) and any(c.dep_ in lex.dep("particle") for c in tok.children):  # "held up", "held back"
        return None
    if tok.dep_ in lex.dep("adjectival_modifier"):  # "its long-threatened invasion", "the wanted man": a modifier
        return None
    typ, mode = opts[0]
    patient = _has_dobj(tok, lex) or _passive_subject(tok, lex)
    if patient is None and tok.dep_ in lex.dep("adnominal_clause") and tok.head.i != tok.i:
        patient = tok.head  # "a statement released by the committee"
    for kind, retyped in (lex.retype or {}).get(lem, {}).items():
        if patient is not None and _patient_is(patient, kind, lex):  # "dismissed the police chief"
            if retyped is None:
                return None  # "released a statement": words, not an act
            typ, mode = retyped
            break
    return Trigger(tok, tok.idx, tok.idx + len(tok.text), typ, mode, "verb", 0.75)


def _noun_licensed(tok, typ: str, lex: Lexicon) -> bool:
    need = lex.noun_requires.get(typ)
    head = tok.head
    if tok.dep_ in lex.dep("compound"):  # "police firing" -> "firing" is the trigger, not "police"
        return False
    if nominal_gerund(tok, lex) is not None:  # "in police firing" parsed as police + a verb
        return True
    if need != "light":
        return True
    if tok.dep_ in lex.dep("root"):
        return True
    if tok.dep_ in lex.dep("any_nominal_subject"):  # "talks were held", "the summit began", not "the talks were useful"
        return lex.is_("light_verbs", lemma(head)) or lex.is_("happen_verbs", lemma(head))
    if tok.dep_ in lex.dep("object_attribute_or_predicate") and lex.is_("light_verbs", lemma(head)):
        return True
    if tok.dep_ in lex.dep("prep_object") and head.dep_ in lex.dep("preposition") \
            and lex.is_("light_noun_preps", lemma(head)) and lex.is_("light_verbs", lemma(head.head)):
        return True
    return False


def nominal_gerund(tok, lex: Lexicon):
    """The noun before a gerund the parser took for a verb ("in police firing" parsed as
    police <- firing): that noun is the gerund's actor. None when it is a real verb."""
    if tok.tag_ != "VBG" or tok.i == 0 or tok.dep_ not in lex.dep("gerund_link"):
        return None
    prev = tok.doc[tok.i - 1]
    argument = lex.dep("gerund_argument")
    if prev.pos_ in _NOUN_POS and prev.dep_ in lex.dep("gerund_actor") and \
            not any(c.dep_ in argument and c.pos_ in ("NOUN", "PROPN", "PRON") for c in tok.children):
        return prev
    return None


def _noun_trigger(tok, lex: Lexicon) -> Trigger | None:
    if tok.ent_type_ in ("DATE", "TIME"):  # "March 1", not a march
        return None
    lem = lemma(tok)
    compound = next((c for c in tok.children if c.dep_ in lex.dep("compound")), None)
    amod = lex.dep("adjectival_modifier")
    joint = next((c for c in tok.children if c.dep_ in amod and lex.nouns.get(f"{lemma(c)} {lemma(tok)}")), None)
    compound = compound or joint  # "joint operation": a modifier that makes its own event noun
    entry = None
    if compound is not None:
        mod = lemma(compound)
        entry = lex.nouns.get(f"{mod} {lem}") or lex.nouns.get(f"{mod}-{lem}")
        # "air strike", "hunger strike", "tear gas", "court arrest" (courting arrest is a protest)
        entry = lex.compound_triggers.get(f"{mod} {lem}") or lex.compound_triggers.get(f"{mod} *") or entry
    if compound is not None and lex.is_("document_modifiers", lemma(compound)):
        return None  # "a press release", "the news release": a document, not an act
    if _attribution_source(tok, lex):
        return None  # "according to the release": the source of the sentence, not an event in it
    paired = entry is not None  # "phone conversation", "joint operation": the modifier is part of the trigger
    entry = entry or lex.nouns.get(lem) or lex.nouns.get(tok.lower_)
    if entry is None:
        return None
    if any(lex.is_("medical_modifiers", lemma(c)) for c in tok.children if c.dep_ in lex.dep("noun_modifier")):
        return None  # "cardiac arrest"
    typ, mode = entry
    if typ == "ACCUSE" and lex.is_("protest_lemmas", lem) and not _diplomatic(tok, lex):
        typ, mode = "PROTEST", "demo"  # "joined the protest(s)"; "lodged a protest" stays ACCUSE
    if not _noun_licensed(tok, typ, lex):
        return None
    start = compound.idx if compound is not None and (paired or entry != lex.nouns.get(lem)) else tok.idx
    # a noun carried by a light verb ("staged demonstrations") is as sure as a verb
    light = tok.dep_ in lex.dep("object_or_attribute") and lex.is_("light_verbs", lemma(tok.head))
    return Trigger(tok, start, tok.idx + len(tok.text), typ, mode, "noun", 0.74 if light else 0.6)


def _diplomatic(tok, lex: Lexicon) -> bool:
    """Whether a protest is lodged ("lodged a protest", "handed a note of protest"): its verb,
    reached through at most one "of" phrase, is one of ``diplomatic_protest_verbs``."""
    head = tok.head
    if head.dep_ in lex.dep("preposition") and lex.is_("origin_preps", head.lower_):
        head = head.head.head  # "a note of protest" -> "handed"
    return lex.is_("diplomatic_protest_verbs", lemma(head))


def _attribution_source(tok, lex: Lexicon) -> bool:
    """Whether ``tok`` is what a sentence is attributed to ("according to the statement")."""
    head = tok.head
    return tok.dep_ in lex.dep("prep_object") and head.i != tok.i and \
        lex.is_("attribution_preps", head.head.lower_) and head.head.i != head.i


def find_triggers(sent, lex: Lexicon) -> list[Trigger]:
    """Every trigger in one sentence (a spaCy Span), in text order."""
    out: list[Trigger] = []
    verbs_at: set[int] = set()
    for tok in sent:
        lem = lemma(tok)
        if nominal_gerund(tok, lex) is not None or (tok.tag_ == "VBG" and tok.dep_ in lex.dep("nominal_argument")):
            trig = _noun_trigger(tok, lex)  # "in police firing": a gerund used as a noun
        elif tok.pos_ in _VERB_TAGS or (tok.pos_ == "AUX" and not lex.is_("non_trigger_auxiliaries", lem)):
            if lex.is_("reporting_verbs", lem) and lem not in lex.phrases:
                continue
            trig = _phrase(tok, lex) or _verb_trigger(tok, lex)
        elif tok.pos_ in _NOUN_POS:
            trig = _noun_trigger(tok, lex)
        else:
            trig = None
        if trig is None and tok.pos_ in _VERB_TAGS:
            trig = _must_request(tok, lex)
        if trig is not None:
            out.append(trig)
            if trig.kind != "noun":
                verbs_at.add(tok.i)
    # an event noun that is the object of another trigger is that event's target
    # ("lifted the ban", "violated a ban", "signed an agreement")
    # (verbs of judging or asking keep theirs: "condemned the detention", "demanded the arrest")
    keep = {t.tok.i for t in out if lex.is_("about_event_types", t.type) or lex.is_("ordering_verbs", lemma(t.tok))}
    patient = lex.dep("patient")
    return [t for t in out if not (t.kind == "noun" and t.tok.dep_ in patient
                                   and t.tok.head.i in verbs_at and t.tok.head.i not in keep)]


def _must_request(tok, lex: Lexicon) -> Trigger | None:
    """"X said Y must/should Z": a demand made in a statement (REQUEST)."""
    lem = lemma(tok)
    if not (lex.is_("reporting_verbs", lem) or lex.is_("must_heads", lem)):
        return None
    aux, subjects = lex.dep("auxiliary"), lex.dep("any_nominal_subject")
    for c in tok.children:
        if c.dep_ in lex.dep("clausal_complement") and any(
                a.dep_ in aux and lex.is_("obligation_modals", a.lower_) for a in c.children):
            subj = next((s for s in c.children if s.dep_ in subjects), None)
            if subj is not None and not lex.is_("first_person_subjects", subj.lower_):
                return Trigger(tok, tok.idx, tok.idx + len(tok.text), "REQUEST", None, "verb", 0.75)
    return None
