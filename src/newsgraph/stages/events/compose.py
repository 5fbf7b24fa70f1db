"""Composition of events.v1: the act a sentence reports when one event sits inside another.

PLOVER codes the speaker's act, not the embedded one:
- "threatened to arrest / would blockade" -> THREATEN (mode from the embedded event);
- "agreed / promised / will provide aid" -> AGREE (a cooperative act announced or promised);
- "demanded that X release / said X must" -> REQUEST;
- "refused to / will not accept / failed to reach" -> REJECT.
The embedded event is kept (hypothetical or future) with lower confidence.
"""
from __future__ import annotations

from dataclasses import dataclass

from .detect import Trigger, lemma
from .lexicon import Lexicon



@dataclass
class Derived:
    head: object  # token carrying the derived act (may be the embedded trigger itself)
    type: str
    mode: str | None
    base: Trigger  # the embedded trigger


def intent_head(tok, lex: Lexicon):
    """The nearest verb/adjective above ``tok`` that is an intent, request, refusal or threat."""
    t = tok
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in lex.dep("nominal_argument"):
        t = t.head if t.dep_ not in lex.dep("prep_object") else t.head.head
        if _kind(t, lex) and t.i != tok.i:
            return t
    for _ in range(3):
        if t.dep_ not in lex.dep("intent_chain"):
            return None
        t = t.head
        if t.dep_ in lex.dep("preposition"):
            continue
        if _kind(t, lex):
            return t
    return None


def _kind(t, lex: Lexicon) -> str | None:
    lem = lemma(t)
    for kind in ("threaten", "request", "reject", "agree_or_threaten"):
        if lem in lex.intent.get(kind, ()):
            return kind
    return None


def _polarity(typ: str, lex: Lexicon) -> str:
    if lex.is_("cooperative_types", typ):
        return "coop"
    if lex.is_("conflictual_types", typ):
        return "conflict"
    return "verbal"


def threat_mode(trig: Trigger, lex: Lexicon) -> str | None:
    modes = lex.threat_modes.get(trig.type)
    if not modes:
        return None
    return modes.get(trig.mode or "_") or modes.get("_")


def derive(trig: Trigger, fact: str, lex: Lexicon) -> Derived | None:
    """The act a trigger implies through its head or its own modality, if any."""
    pol = _polarity(trig.type, lex)
    head = intent_head(trig.tok, lex)
    if head is not None:
        kind = _kind(head, lex)
        if kind == "threaten":
            return Derived(head, "THREATEN", threat_mode(trig, lex), trig)
        if kind == "request":
            if lex.is_("ordering_verbs", lemma(head)) and pol == "conflict":  # "ordered patrols" is the act itself
                return Derived(head, trig.type, trig.mode, trig)
            return Derived(head, "REQUEST", None, trig)
        if kind == "reject":
            return Derived(head, "REJECT", None, trig)
        if kind == "agree_or_threaten" and trig.kind == "noun" and lex.is_("plotting_verbs", lemma(head)):
            return None  # "preparing attacks" is a plot, not a statement of intent
        if kind == "agree_or_threaten":
            if lex.is_("announce_verbs", lemma(head)):
                if _must(trig.tok, lex):
                    return Derived(head, "REQUEST", None, trig)
                if fact == "negated" and pol == "coop":  # "says it will not accept"
                    return Derived(trig.tok, "REJECT", None, trig)
                if fact not in ("future", "hypothetical"):
                    return None
                head = trig.tok  # "X will do Y, officials said": the act stays on Y, by X
            if pol == "coop":
                return Derived(head, "AGREE", None, trig)
            if pol == "conflict" and lemma(head) == "prepare" and head.pos_ == "VERB" and \
                    trig.tok.dep_ in lex.dep("open_complement") and trig.tok.head.i == head.i:
                return Derived(head, "MOBILIZE", "troops", trig)  # "prepared to resume shelling"
            if pol == "conflict":
                return Derived(head, "THREATEN", threat_mode(trig, lex), trig)
            return None
    if _must(trig.tok, lex) and trig.tok.dep_ in lex.dep("clausal_complement"):
        return Derived(trig.tok.head, "REQUEST", None, trig)
    if fact == "future" or (fact == "hypothetical" and _would(trig.tok, lex)):
        if pol == "coop":
            return Derived(trig.tok, "AGREE", None, trig)
        if pol == "conflict":
            return Derived(trig.tok, "THREATEN", threat_mode(trig, lex), trig)
    if fact == "negated" and pol == "coop" and trig.kind != "noun":
        return Derived(trig.tok, "REJECT", None, trig)
    return None


def _aux(tok, lex: Lexicon) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in lex.dep("any_auxiliary")}


def _must(tok, lex: Lexicon) -> bool:
    return bool(_aux(tok, lex) & lex.words["obligation_modals"])


def _would(tok, lex: Lexicon) -> bool:
    return "would" in _aux(tok, lex)
