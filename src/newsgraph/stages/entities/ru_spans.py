"""Name mentions of a Russian Doc: slovnet's NER, checked and completed.

Steps of ``collect`` in order:
1. each ``doc.ents`` span becomes a mention with its nominative form; an organisation
   span ending in "(ACRONYM)" is split into the name and the acronym;
2. types: a LOC or PER mention that starts with an organisation word ("министерство") is
   an ORG; an ORG mention that is wholly a gazetteer place ("России") is a place; a
   place the gazetteer knows is GPE (country, city, division), else LOC;
3. "<organisation word> <place>" ("мэрии Москвы", "правительство Киргизии") adds the
   organisation, the place staying a nested mention;
4. acronyms not yet covered ("КНБ", "МВД"): those of the acronym list, those defined in
   parentheses and those of an organisation already named become ORG (or GPE) mentions;
5. unlabelled repeats of a name already found (a surname, a one-word organisation or
   place, compared by lemma) become mentions of the same type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lang import Language
from ...resources import gazetteer_ru as places_index
from ...lang.ru.lexicon import acronyms, key, org_generic, org_heads, org_names, place_heads

_ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё]?[A-ZА-ЯЁ]{1,5}$")


@dataclass(slots=True)
class Mention:
    start: int  # characters
    end: int
    ts: int  # tokens [ts, te)
    te: int
    label: str  # PERSON ORG GPE LOC
    normal: str  # nominative form
    kind: str = "name"  # name | acronym | descriptor
    place: int | None = None  # gazetteer row of a place


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word)) and sum(ch.isupper() for ch in word) >= 2


def collect(doc, text: str, lang: Language) -> list[Mention]:
    mentions = _from_ner(doc)
    for m in mentions:
        _check_type(doc, m, lang)
    mentions += _org_of_place(doc, mentions, lang)
    _extend_descriptors(doc, mentions, lang)
    mentions += _org_with_place(doc, mentions)
    _extend_adjectives(doc, mentions)
    mentions += _acronyms(doc, mentions, lang)
    mentions += _generic_orgs(doc, mentions, lang)
    mentions += _repeats(doc, mentions, lang)
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def _mention(doc, ts: int, te: int, label: str, normal: str, kind: str = "name") -> Mention:
    return Mention(doc[ts].idx, doc[te - 1].idx + len(doc[te - 1]), ts, te, label, normal, kind)


def _from_ner(doc) -> list[Mention]:
    out = []
    for e in doc.ents:
        ts, te = e.start, e.end
        normal = e._.normal or e.text
        paren = next((i for i in range(ts + 1, te - 1) if doc[i].text == "("), None)
        if paren is not None:
            # "Комитет национальной безопасности (КНБ)", "Скотт Хоровитц (Scott Horowitz)":
            # the name, then the form in brackets as another mention of it
            inner_end = te - 1 if doc[te - 1].text == ")" else te
            normal = normal[:normal.find("(")].strip() if "(" in normal else normal
            if inner_end > paren + 1:
                inner = doc[paren + 1:inner_end].text
                acr = inner_end - paren == 2 and is_acronym(inner)
                out.append(_mention(doc, paren + 1, inner_end, e.label_, inner if acr else normal,
                                    "acronym" if acr else "name"))
            te = paren
        while te > ts and doc[te - 1].is_punct:
            te -= 1
        while ts < te and doc[ts].is_punct and doc[ts].text not in "«\"„":
            ts += 1
        if te > ts:
            out.append(_mention(doc, ts, te, e.label_, normal))
    return out


def _check_type(doc, m: Mention, lang: Language) -> None:
    first = doc[m.ts].lemma_
    known = acronyms(lang).get(m.normal) or acronyms(lang).get(doc[m.ts:m.te].text)
    if known and known[1] in ("ORG", "GPE"):
        m.label = known[1]
    names, heads = org_names(lang), org_heads(lang)
    if key(m.normal) in names or key(" ".join(t.lemma_ for t in doc[m.ts:m.te])) in names:
        m.label = "ORG"
        return
    if m.label in ("LOC", "PERSON") and key(first) in heads and m.te - m.ts > 1:
        m.label = "ORG"
        return
    if m.label == "PERSON":
        return
    rows = places_index.lookup(m.normal) or places_index.lookup(" ".join(t.lemma_ for t in doc[m.ts:m.te]))
    if m.label == "ORG":
        if rows and not any(key(t.lemma_) in heads for t in doc[m.ts:m.te]):
            m.label, m.place = "GPE", rows[0]
        return
    if rows:
        m.place = rows[0]
        from ...resources import gazetteer
        m.label = "GPE" if gazetteer.load().kind(rows[0]) in gazetteer.GPE_KINDS else "LOC"


def _org_of_place(doc, mentions: list[Mention], lang: Language) -> list[Mention]:
    out = []
    starts = {m.ts for m in mentions}
    heads = org_heads(lang)
    for m in mentions:
        if m.label not in ("GPE", "LOC") or m.ts == 0:
            continue
        head = doc[m.ts - 1]
        if key(head.lemma_) in heads and head.pos_ == "NOUN" and (m.ts - 1) not in starts:
            ts = m.ts - 1
            while ts > 0 and doc[ts - 1].pos_ == "ADJ" and doc[ts - 1].head.i == head.i:
                ts -= 1
            normal = _nominative_phrase(doc, ts, m.ts) + " " + doc[m.ts:m.te].text
            out.append(_mention(doc, ts, m.te, "ORG", normal))
    return out


def _extend_descriptors(doc, mentions: list[Mention], lang: Language) -> None:
    """'еженедельника «Пермский обозреватель»', 'города Минска': the kind word (and its
    adjectives) joins the name it stands before."""
    cov = _covered(mentions, len(doc))
    for m in mentions:
        if m.kind != "name" or m.ts == 0:
            continue
        i = m.ts - 1
        if doc[m.ts].text in "«\"„" or doc[i].text in "«\"„":
            i = m.ts - 1 if doc[m.ts].text in "«\"„" else m.ts - 2
        if i < 0:
            continue
        head = doc[i]
        heads = org_heads(lang) if m.label == "ORG" else place_heads(lang) if m.label in ("GPE", "LOC") else ()
        listed = key(head.lemma_) in heads
        capital_ok = head.text[:1].islower() or head.is_sent_start
        if head.pos_ != "NOUN" or not listed or not capital_ok or cov[i]:
            continue
        ts = i
        while ts > 0 and doc[ts - 1].pos_ == "ADJ" and doc[ts - 1].head.i == head.i:
            ts -= 1
        m.ts, m.start = ts, doc[ts].idx


def _extend_adjectives(doc, mentions: list[Mention]) -> None:
    """'японском МИДе', 'мюнхенской Баварии': lower-case adjectives of an organisation's name join it."""
    cov = _covered(mentions, len(doc))
    for m in mentions:
        if m.label != "ORG" or m.kind == "acronym" and m.te - m.ts > 1:
            continue
        ts = m.ts
        while ts > 0 and not cov[ts - 1] and doc[ts - 1].pos_ == "ADJ" and doc[ts - 1].text[:1].islower() \
                and m.ts <= doc[ts - 1].head.i < m.te:
            ts -= 1
        m.ts, m.start = ts, doc[ts].idx


def _generic_orgs(doc, mentions: list[Mention], lang: Language) -> list[Mention]:
    """'правительство', 'Кипрское правительство', 'власти Таиланда': an organisation named by its kind."""
    cov = _covered(mentions, len(doc))
    out = []
    generic = org_generic(lang)
    for t in doc:
        if cov[t.i] or t.pos_ != "NOUN" or key(t.lemma_) not in generic:
            continue
        if key(t.lemma_) == "власть" and t.morph.get("Number") != ["Plur"]:
            continue
        ts = t.i
        while ts > 0 and not cov[ts - 1] and doc[ts - 1].pos_ == "ADJ" and doc[ts - 1].head.i == t.i:
            ts -= 1
        te = t.i + 1
        for m in mentions:  # "власти Таиланда": the place it belongs to
            if m.ts == te and m.label in ("GPE", "LOC") and doc[m.ts].head.i == t.i:
                te = m.te
        out.append(_mention(doc, ts, te, "ORG", doc[ts:te].text, "descriptor"))
    return out


def _org_with_place(doc, mentions: list[Mention]) -> list[Mention]:
    """'МЧС России', 'МИД Грузии': an organisation and the country it belongs to."""
    by_start = {m.ts: m for m in mentions if m.label in ("GPE", "LOC")}
    out = []
    for m in mentions:
        p = by_start.get(m.te)
        if m.label == "ORG" and p is not None and p.te - p.ts == 1 and doc[p.ts].morph.get("Case") == ["Gen"] \
                and m.ts <= doc[p.ts].head.i < m.te:
            out.append(_mention(doc, m.ts, p.te, "ORG", f"{m.normal} {doc[p.ts].text}", m.kind))
    return out


def _nominative_phrase(doc, ts: int, te: int) -> str:
    """Lemmas of the head noun and its adjectives, agreeing in gender (simple, no inflection)."""
    head = doc[te - 1]
    words = [t.lemma_ for t in doc[ts:te - 1]] + [head.lemma_]
    return " ".join(words)


def _covered(mentions: list[Mention], n: int) -> list[bool]:
    cov = [False] * n
    for m in mentions:
        for i in range(m.ts, m.te):
            cov[i] = True
    return cov


def _acronyms(doc, mentions: list[Mention], lang: Language) -> list[Mention]:
    cov = _covered(mentions, len(doc))
    known = acronyms(lang)
    named = {m.normal for m in mentions if m.kind == "acronym"} | {doc[m.ts].text for m in mentions if m.te - m.ts == 1}
    out = []
    for t in doc:
        if cov[t.i] or not is_acronym(t.text):
            continue
        label = None
        if t.text in known:
            label = known[t.text][1]
        elif t.text in named or _defined(doc, t):
            label = "ORG"
        if label in ("ORG", "GPE"):
            out.append(_mention(doc, t.i, t.i + 1, label, t.text, "acronym"))
    return out


def _defined(doc, t) -> bool:
    """'(КНБ)' right after a name."""
    return 0 < t.i < len(doc) - 1 and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")"


def _repeats(doc, mentions: list[Mention], lang: Language) -> list[Mention]:
    cov = _covered(mentions, len(doc))
    by_lemma: dict[str, str] = {}
    for m in mentions:
        if m.kind != "name":
            continue
        if m.label == "PERSON" and m.te - m.ts >= 2:
            by_lemma.setdefault(key(doc[m.te - 1].lemma_), "PERSON")
        elif m.te - m.ts == 1 and m.label != "PERSON":
            by_lemma.setdefault(key(doc[m.ts].lemma_), m.label)
    out = []
    for t in doc:
        if cov[t.i] or not t.text[:1].isupper() or len(t.text) < 3:
            continue
        label = by_lemma.get(key(t.lemma_))
        if label is not None and t.pos_ in ("PROPN", "NOUN", "ADJ"):
            m = _mention(doc, t.i, t.i + 1, label, _normal_word(t))
            if label in ("GPE", "LOC"):
                _check_type(doc, m, lang)
            out.append(m)
    return out


def _normal_word(t) -> str:
    lemma = t.lemma_
    return lemma[:1].upper() + lemma[1:] if t.text[:1].isupper() else lemma
