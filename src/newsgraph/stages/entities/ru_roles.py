"""Titles of people as roles, read off the UD parse with the title list (lang/ru/title_heads.txt, title_modifiers.txt).

A title word is a token whose lemma is a title head ("министр", "глава", "председатель") or
a modifier that heads a phrase ("заместитель председателя ..."). It is a role of a person
when
- the person's name hangs on it (``appos``, ``flat``, ``nmod``) and it stands before the
  name: "министр внутренних дел Киргизии Улан Ниязбеков", "глава МИД Сергей Лавров";
- it hangs on the person's name as an apposition after a comma: "Лужков, мэр Москвы, ...".
The role is the title word's phrase (its subtree, cut before the name), and its
organisation the first ORG (else GPE) entity whose mention lies inside the phrase.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...lang import Language
from ...model import Role
from ...lang.ru.lexicon import key, title_heads, title_modifiers


@dataclass(frozen=True)
class _Words:
    """The title lists and the label sets of the roles this module reads (one language)."""

    heads: set[str]
    modifiers: set[str]
    links: frozenset[str]  # how a name hangs on its title ("министр ... Улан Ниязбеков")
    apposition: frozenset[str]
    nmod: frozenset[str]


def _words(lang: Language) -> _Words:
    return lang.cached("entities.ru.roles", lambda: _Words(
        title_heads(lang), title_modifiers(lang), lang.deps("title_link"), lang.deps("apposition"),
        lang.deps("nominal_modifier")))


def _is_title(t, w: _Words) -> bool:
    lemma = key(t.lemma_)
    return t.pos_ in ("NOUN", "PROPN") and (lemma in w.heads or lemma in w.modifiers)


def attach(doc, mentions, groups, ids, lang: Language) -> dict[str, list[Role]]:
    owner: dict[int, str] = {}  # token -> entity id
    types: dict[str, str] = {}
    for g in groups:
        gid = ids[id(g)]
        types[gid] = g.type
        for k in g.members:
            for i in range(mentions[k].ts, mentions[k].te):
                owner.setdefault(i, gid)
    out: dict[str, list[Role]] = {}
    w = _words(lang)
    for g in groups:
        if g.type != "PERSON":
            continue
        gid = ids[id(g)]
        for k in g.members:
            role = _role(doc, mentions[k], owner, types, w)
            if role is not None and all(r.start != role.start for r in out.get(gid, [])):
                out.setdefault(gid, []).append(role)
    return out


def _role(doc, m, owner, types, w: _Words) -> Role | None:
    root = _root(doc, m)
    cand = None
    if root.head.i != root.i and root.head.i < m.ts and _is_title(root.head, w) and root.dep_ in w.links:
        cand = root.head
        top = cand
        while top.head.i != top.i and top.head.i < cand.i and _is_title(top.head, w) and top.dep_ in w.nmod:
            top = top.head  # "заместитель председателя": the phrase starts at the outer title
        start, end = top.left_edge.i, m.ts
    else:
        for child in root.children:
            if child.i >= m.te and child.dep_ in w.apposition and _is_title(child, w) \
                    and doc[child.left_edge.i - 1].text in ",(—–":
                cand = child
                start, end = child.left_edge.i, child.right_edge.i + 1
                break
    if cand is None:
        return None
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or not _word_in_title(doc[start])):
        start += 1
    if end <= start:
        return None
    org = next((owner[i] for i in range(start, end) if i in owner and types.get(owner[i]) == "ORG"), None)
    org = org or next((owner[i] for i in range(start, end) if i in owner and types.get(owner[i]) == "GPE"), None)
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return Role(title=doc.text[s:e], org=org, start=s, end=e)


def _word_in_title(t) -> bool:
    return not t.is_space and t.pos_ not in ("CCONJ", "SCONJ", "PUNCT")


def _root(doc, m):
    for i in range(m.ts, m.te):
        h = doc[i].head.i
        if h < m.ts or h >= m.te or h == i:
            return doc[i]
    return doc[m.ts]
