"""Toponym recognition: which spans of an article name places.

Three sources, in order (a later one never overlaps an earlier one):
1. GPE / LOC / FAC mentions of the entities stage (or the Doc's NER when that list is empty),
   and persons or organisations the text calls places ("Issyk-Kul region", "the Dostyk
   checkpoint");
2. demonyms of NORP mentions ("Kazakh", "European"), kept apart: a demonym names a place
   only where it modifies a place noun ("in Kazakh territory"); as a modifier of people or
   organisations ("Kazakh authorities") it stays a NORP entity;
3. capitalised word sequences the NER missed (or put inside an ORG name) that the gazetteer
   knows as a country, a first-level division, a region or a large city.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...resources.gazetteer import Gazetteer, norm
from .lexicon import Lexicon
from ..text import doc_text

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entities inside which gazetteer names are looked for (places embedded in names).
_SCAN_INSIDE = {"ORG", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\s+)$")
_CAPS = re.compile(r"^(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*|[A-Z]{2,}|(?:[A-Z]\.){2,})$")
_SCAN_MIN_POP = 100_000
_SCAN_MIN_POP_ORG = 250_000


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    key: str  # gazetteer lookup key (normalised text)
    source: str  # ner | demonym | scan | weak (a PERSON-tagged town name, kept only if context confirms)
    label: str  # the NER label, or "" for scan matches
    entity: str | None  # the entity id the span belongs to
    placelike: bool = True  # False for a demonym used as a modifier of people/organisations
    dotted: bool = False  # a period follows the span ("Ky." when the NER left the period out)
    named_kind: bool = False  # the text calls it a place ("the village of Kok-Tash", "Medeu district")
    capital: bool = False  # a demonym naming its country's capital ("the Kyrgyz capital")


def _entity_spans(doc, rec) -> list[tuple[int, int, str, str | None]]:
    ents = rec.get("entities") if rec is not None else []
    out = []
    for e in ents or ():
        for s, t in e.mentions:
            out.append((s, t, e.type, e.id))
    if not out:
        out = [(e.start_char, e.end_char, e.label_, None) for e in doc.ents]
    return sorted(out)


def _clean(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Strip a leading 'the ' and a trailing possessive from a span."""
    if text[:4].lower() == "the ":
        text, start = text[4:], start + 4
    m = _POSSESSIVE.search(text)
    if m and m.start() > 0:
        text, end = text[: m.start()], end - (len(text) - m.start())
    return text, start, end


def _demonym_capital(doc, start: int, end: int, lex: Lexicon) -> bool:
    """"the Kyrgyz capital": the demonym stands for its country's capital city."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.head.lower_ in lex.capital_nouns


def _demonym_is_place(doc, start: int, end: int, lex: Lexicon) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    return span.root.dep_ in lex.deps.noun_modifier and head.lower_ in lex.place_nouns


def _ner_mentions(doc, text_all: str, gz: Gazetteer, spans, lex: Lexicon) -> list[Mention]:
    out = []
    person_names = {text_all[s:t] for s, t, label, _ in spans if label == "PERSON"}
    for s, t, label, eid in spans:
        text, s2, t2 = _clean(text_all[s:t], s, t)
        if not text:
            continue
        if label in _PLACE_LABELS and text not in lex.generic:
            out.append(Mention(s2, t2, text, norm(text), "ner", label, eid, dotted=text_all[t2:t2 + 1] == ".",
                               named_kind=named_kind(text_all, s2, t2, lex)))
        elif label == "NORP" and gz.demonym(text) is not None:
            out.append(Mention(s2, t2, text, norm(text), "demonym", label, eid,
                               placelike=_demonym_is_place(doc, s2, t2, lex),
                               capital=_demonym_capital(doc, s2, t2, lex)))
        elif label == "NORP" and _scan_ok(gz, norm(text), False, " " not in text):
            out.append(Mention(s2, t2, text, norm(text), "ner", "GPE", eid))  # "Aleppo" tagged NORP
        elif label in ("PERSON", "ORG") and named_kind(text_all, s2, t2, lex):
            out.append(Mention(s2, t2, text, norm(text), "ner", "GPE", eid, named_kind=True))  # "Issyk-Kul region"
        elif label in _SCAN_INSIDE | {"PERSON"} and _located_town(doc, text_all, gz, text, s2, t2, lex) \
                and not _part_of_longer_name(text, person_names):
            out.append(Mention(s2, t2, text, norm(text), "ner", "GPE", eid))  # "detained in Kerben"
        elif label == "PERSON" and _big_division(gz, norm(text)):
            out.append(Mention(s2, t2, text, norm(text), "ner", "GPE", eid))  # "Tamil Nadu" tagged PERSON
        elif label == "PERSON" and _town(gz, norm(text)) and not _part_of_longer_name(text, person_names):
            out.append(Mention(s2, t2, text, norm(text), "weak", "PERSON", eid))  # "Cairns": checked later
    return out


def named_kind(text_all: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the words around a name say it is a place: a kind word after it ("Medeu
    district", "the Serhetabat area") or "the village / town of" before it."""
    after = text_all[end:end + 16].split(None, 1)
    word = after[0].rstrip(",.;:").lower() if after else ""
    if word in lex.trim_last or word in lex.kind_nouns:
        return True
    before = text_all[max(0, start - 16):start].lower().split()
    return len(before) >= 2 and before[-1] == "of" and before[-2] in lex.place_nouns


def _located_town(doc, text_all: str, gz: Gazetteer, text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A name the NER took for a person, product or organisation that a locative preposition
    governs ("detained 5 people in Kerben") and the gazetteer knows as a town of 5,000 or more."""
    if " " in text or not any(gz.kind(i) == "city" and gz.population(i) >= 5_000 for i in gz.lookup(norm(text))):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or text_all[end:end + 1] in ("'", "\u2019"):  # never doc.text: it rebuilds the string
        return False
    root = span.root
    return root.dep_ in lex.deps.prep_object and root.head.lower_ in lex.town_preps


def _town(gz: Gazetteer, key: str) -> bool:
    """Whether a name is (by its main name) a place of 20,000 people or more."""
    return any(gz.kind(i) == "city" and gz.population(i) >= 20_000 and norm(gz.name(i)) == key
               for i in gz.lookup(key))


def _part_of_longer_name(text: str, names: set[str]) -> bool:
    """'Nelson' when the article also names 'Tom Nelson'."""
    return any(n != text and (n.endswith(" " + text) or n.startswith(text + " ")) for n in names)


def _big_division(gz: Gazetteer, key: str) -> bool:
    """Whether a name is a country, or a first-level division of a million people or more."""
    return any(gz.kind(i) == "country" or (gz.kind(i) == "admin" and gz.population(i) >= 1_000_000)
               for i in gz.lookup(key))


def _scan_ok(gz: Gazetteer, key: str, inside_org: bool, single: bool) -> bool:
    rows = gz.lookup(key)
    floor = _SCAN_MIN_POP_ORG if inside_org else _SCAN_MIN_POP
    for i in rows:
        kind = gz.kind(i)
        if kind in ("country", "continent") or (kind == "region" and not single):
            return True
        if kind == "admin" and (not inside_org or gz.population(i) > 1_000_000):
            return True
        if kind in ("region", "landmark") and not inside_org:
            return True
        if kind == "city" and (gz.population(i) >= floor or gz.is_capital(i)) and norm(gz.name(i)) == key:
            return True
    return False


def _blocked_prefix(starts: list[int], words: list[str], blocked: list[tuple[int, int]], size: int) -> list[int]:
    """Prefix counts of tokens that overlap a blocked character span (entity mentions are
    token-aligned, so a window of tokens overlaps a span exactly when one of its tokens does)."""
    mark = bytearray(size + 1)
    for a, b in blocked:
        mark[a:b] = b"\x01" * (b - a)
    out = [0]
    for st, w in zip(starts, words):
        out.append(out[-1] + (1 if any(mark[st:st + len(w)]) else 0))
    return out


def _scan_mentions(doc, text_all: str, gz: Gazetteer, spans, taken: list[tuple[int, int]],
                   lex: Lexicon) -> list[Mention]:
    """Capitalised sequences outside place/person entities that the gazetteer knows."""
    blocked = [(s, t) for s, t, label, _ in spans if label not in _SCAN_INSIDE]
    inside = [(s, t) for s, t, label, _ in spans if label in _SCAN_INSIDE]
    blocked += taken
    words, starts = [], []
    for t in doc:  # token texts and offsets read once (a Token is built per access)
        words.append(t.text)
        starts.append(t.idx)
    hit = _blocked_prefix(starts, words, blocked, len(text_all))
    caps = [bool(_CAPS.match(w)) for w in words]
    capsdash = [c or w == "-" for c, w in zip(caps, words)]
    out, i, n = [], 0, len(doc)
    while i < n:
        if not caps[i]:
            i += 1
            continue
        tok = doc[i]
        found = None
        for j in range(min(n, i + 4), i, -1):
            if not all(capsdash[i:j]):
                continue
            s, t = starts[i], starts[j - 1] + len(words[j - 1])
            if hit[j] - hit[i]:  # a token of the window lies in a blocked span
                continue
            span = doc[i:j]
            single = j - i == 1
            if single and (tok.text in lex.scan_stop or (tok.is_stop and not tok.is_upper)
                           or tok.pos_ not in ("PROPN", "NOUN" if tok.is_upper else "PROPN")):
                continue
            if single and text_all[t:t + 1] == "." and gz.abbreviation(span.text + "."):
                found = Mention(s, t, span.text, norm(span.text), "scan", "", None, dotted=True)
                break  # "Man.", "Que." (province abbreviations)
            in_org = any(a <= s and t <= b and (a, b) != (s, t) for a, b in inside)
            key = norm(span.text)
            kind = named_kind(text_all, s, t, lex)  # "the Serhetabat area": any town the gazetteer knows
            if gz.has_name(key) and (kind or _scan_ok(gz, key, in_org, single)):
                text, s2, t2 = _clean(span.text, s, t)
                found = Mention(s2, t2, text, key, "scan", "", None, named_kind=kind)
                break
            if single and gz.demonym(span.text) is not None:  # "Russian" inside an ORG name, or untagged
                found = Mention(s, t, span.text, key, "demonym", "", None, placelike=_demonym_is_place(doc, s, t, lex),
                                capital=_demonym_capital(doc, s, t, lex))
                break
        if found:
            out.append(found)
            i = doc.char_span(found.start, found.end, alignment_mode="expand").end
        else:
            i += 1
    return out


def recognise(doc, gz: Gazetteer, lex: Lexicon, rec=None) -> list[Mention]:
    """All toponym mentions of the article, in text order (demonyms included, flagged)."""
    spans = _entity_spans(doc, rec)
    text_all = doc_text(doc)
    ner = _ner_mentions(doc, text_all, gz, spans, lex)
    scanned = _scan_mentions(doc, text_all, gz, spans, [(m.start, m.end) for m in ner], lex)
    return sorted(ner + scanned, key=lambda m: (m.start, m.end))
