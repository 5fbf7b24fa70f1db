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


def _children_words(tok):
    """(word token) candidates that complete a phrase: particles, objects, complements and
    the objects of prepositions under the verb."""
    for c in tok.children:
        if c.dep_ == "prep" or c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    yield g
                    for gg in g.children:
                        if gg.dep_ in ("compound", "amod"):
                            yield gg
            yield c
        elif c.dep_ in ("prt", "dobj", "acomp", "oprd", "advmod", "npadvmod", "nsubjpass", "xcomp", "ccomp", "dative"):
            yield c
            if c.dep_ in ("dobj", "nsubjpass"):
                for g in c.children:
                    if g.dep_ in ("compound", "amod", "prep"):
                        yield g
                        for gg in g.children:
                            if gg.dep_ == "pobj":
                                yield gg


def _phrase(tok, lex: Lexicon) -> Trigger | None:
    options = lex.phrases.get(lemma(tok))
    if not options:
        return None
    words = {}
    for w in _children_words(tok):
        words.setdefault(lemma(w), w)
        words.setdefault(w.lower_, w)
    for word, typ, mode in options:
        w = words.get(word)
        if w is not None:
            end = max(tok.idx + len(tok.text), w.idx + len(w.text))
            start = min(tok.idx, w.idx)
            return Trigger(tok, start, end, typ, mode, "phrase", 0.85)
    return None


def _has_dobj(tok) -> object | None:
    for c in tok.children:
        if c.dep_ == "dobj":
            return c
    for c in tok.children:
        if c.dep_ == "dative":
            return c
    return None


def _subj(tok):
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def _requirement_met(tok, req: list[str], lex: Lexicon) -> bool:
    preps = {lemma(c) for c in tok.children if c.dep_ in ("prep", "agent")}
    obj = _has_dobj(tok)
    passive_subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    patient = obj or passive_subj
    for r in req:
        if r in preps:
            return True
        if r == "dobj" and (obj is not None or passive_subj is not None):
            return True
        if r == "intrans" and obj is None and passive_subj is None and not any(
                c.dep_ == "agent" for c in tok.children) and tok.tag_ != "VBN" or (r == "intrans" and tok.dep_ == "ROOT" and obj is None):
            return True
        if r == "passive" and passive_subj is not None:
            return True
        if r in ("xcomp", "ccomp") and any(c.dep_ == r for c in tok.children):
            return True
        if r == "conj_subj":
            s = _subj(tok)
            if s is not None and any(c.dep_ == "conj" for c in s.children):
                return True
        if r == "plural_subj":
            s = _subj(tok)
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
            return tok.lower_ not in ("it", "everyone", "themselves", "himself", "herself", "itself")
        return tok.ent_type_ in ("PERSON", "NORP") or lex.is_("person_nouns", lem)
    return lex.is_(f"{kind}_nouns", lem) or any(lex.is_(f"{kind}_nouns", lemma(c)) for c in tok.children
                                                if c.dep_ in ("compound", "amod", "prep"))


def _verb_trigger(tok, lex: Lexicon) -> Trigger | None:
    lem = lemma(tok)
    opts = lex.verbs.get(lem)
    if not opts:
        return None
    req = lex.verb_requires.get(lem)
    if req and not _requirement_met(tok, req, lex):
        return None
    if lem == "hold" and any(c.dep_ == "prt" for c in tok.children):  # "held up", "held back"
        return None
    if tok.dep_ == "amod":  # "its long-threatened invasion", "the wanted man": a modifier, not an act
        return None
    typ, mode = opts[0]
    patient = _has_dobj(tok) or next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    for kind, (t, m) in (lex.retype or {}).get(lem, {}).items():
        if patient is not None and _patient_is(patient, kind, lex):  # "dismissed the police chief"
            typ, mode = t, m
            break
    return Trigger(tok, tok.idx, tok.idx + len(tok.text), typ, mode, "verb", 0.75)


def _noun_licensed(tok, typ: str, lex: Lexicon) -> bool:
    need = lex.noun_requires.get(typ)
    head = tok.head
    if tok.dep_ == "compound":  # "police firing" -> "firing" is the trigger, not "police"
        return False
    if nominal_gerund(tok) is not None:  # "in police firing" parsed as police + a verb
        return True
    if need != "light":
        return True
    if tok.dep_ == "ROOT":
        return True
    if tok.dep_ in ("nsubj", "nsubjpass"):  # "talks were held", "the summit began", not "the talks were useful"
        return lex.is_("light_verbs", lemma(head)) or lex.is_("happen_verbs", lemma(head))
    if tok.dep_ in ("dobj", "attr", "oprd") and lex.is_("light_verbs", lemma(head)):
        return True
    if tok.dep_ == "pobj" and head.dep_ == "prep" and lemma(head) in ("for", "in", "into") and \
            lex.is_("light_verbs", lemma(head.head)):
        return True
    return False


def nominal_gerund(tok):
    """The noun before a gerund the parser took for a verb ("in police firing" parsed as
    police <- firing): that noun is the gerund's actor. None when it is a real verb."""
    if tok.tag_ != "VBG" or tok.i == 0 or tok.dep_ not in ("acl", "advcl", "pcomp", "xcomp", "conj"):
        return None
    prev = tok.doc[tok.i - 1]
    if prev.pos_ in _NOUN_POS and prev.dep_ in ("pobj", "compound", "nsubj", "dobj", "conj") and \
            not any(c.dep_ in ("dobj", "nsubj") and c.pos_ in ("NOUN", "PROPN", "PRON") for c in tok.children):
        return prev
    return None


def _noun_trigger(tok, lex: Lexicon) -> Trigger | None:
    if tok.ent_type_ in ("DATE", "TIME"):  # "March 1", not a march
        return None
    lem = lemma(tok)
    compound = next((c for c in tok.children if c.dep_ == "compound"), None)
    joint = next((c for c in tok.children if c.dep_ == "amod" and lex.nouns.get(f"{lemma(c)} {lemma(tok)}")), None)
    compound = compound or joint  # "joint operation": a modifier that makes its own event noun
    entry = None
    if compound is not None:
        entry = lex.nouns.get(f"{lemma(compound)} {lem}") or lex.nouns.get(f"{lemma(compound)}-{lem}")
        if lemma(compound) in ("air", "drone", "missile") and lem in ("strike", "raid", "attack"):
            entry = ("ASSAULT", "aerial" if lemma(compound) == "air" else "drone")
        elif lemma(compound) in ("hunger",) and lem == "strike":
            entry = ("PROTEST", "hunger")
        elif lemma(compound) == "suicide":
            entry = ("ASSAULT", "suicide-attack")
        elif lemma(compound) == "tear" and lem == "gas":
            entry = ("ASSAULT", "crowd-control")
        elif lemma(compound) == "court" and lem == "arrest":  # courting arrest is a protest
            entry = ("PROTEST", "demo")
        elif lemma(compound) == "flag" and lem == "march":
            entry = ("MOBILIZE", "police")
    paired = entry is not None  # "phone conversation", "joint operation": the modifier is part of the trigger
    entry = entry or lex.nouns.get(lem) or lex.nouns.get(tok.lower_)
    if entry is None:
        return None
    if any(lex.is_("medical_modifiers", lemma(c)) for c in tok.children if c.dep_ in ("amod", "compound")):
        return None  # "cardiac arrest"
    typ, mode = entry
    if typ == "ACCUSE" and lem == "protest" and not lex.is_("diplomatic_protest_verbs", lemma(tok.head)):
        typ, mode = "PROTEST", "demo"  # "joined the protest(s)"; "lodged a protest" stays ACCUSE
    if not _noun_licensed(tok, typ, lex):
        return None
    start = compound.idx if compound is not None and (paired or entry != lex.nouns.get(lem)) else tok.idx
    # a noun carried by a light verb ("staged demonstrations") is as sure as a verb
    light = tok.dep_ in ("dobj", "attr") and lex.is_("light_verbs", lemma(tok.head))
    return Trigger(tok, start, tok.idx + len(tok.text), typ, mode, "noun", 0.74 if light else 0.6)


def find_triggers(sent, lex: Lexicon) -> list[Trigger]:
    """Every trigger in one sentence (a spaCy Span), in text order."""
    out: list[Trigger] = []
    verbs_at: set[int] = set()
    for tok in sent:
        lem = lemma(tok)
        if nominal_gerund(tok) is not None or (tok.tag_ == "VBG" and tok.dep_ in lex.dep("nominal_argument")):
            trig = _noun_trigger(tok, lex)  # "in police firing": a gerund used as a noun
        elif tok.pos_ in _VERB_TAGS or (tok.pos_ == "AUX" and lem not in ("be", "have", "do")):
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
    keep = {t.tok.i for t in out if t.type in _ABOUT_EVENTS} | {t.tok.i for t in out if lemma(t.tok) == "order"}
    return [t for t in out if not (t.kind == "noun" and t.tok.dep_ in ("dobj", "nsubjpass")
                                   and t.tok.head.i in verbs_at and t.tok.head.i not in keep)]


_ABOUT_EVENTS = {"ACCUSE", "REQUEST", "SUPPORT", "THREATEN"}




def _must_request(tok, lex: Lexicon) -> Trigger | None:
    """"X said Y must/should Z": a demand made in a statement (REQUEST)."""
    lem = lemma(tok)
    if not (lex.is_("reporting_verbs", lem) or lex.is_("must_heads", lem)):
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children):
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ not in ("we", "i"):
                return Trigger(tok, tok.idx, tok.idx + len(tok.text), "REQUEST", None, "verb", 0.75)
    return None
