"""Mentions grouped into entities, each named by its fullest nominative form.

- people: a one-word mention (surname, or first name) joins the one fuller name whose
  nominative words contain it ("Лужкова" -> "Юрий Лужков"); equal full names join;
- organisations: equal nominative forms join; an acronym joins the organisation it was
  defined for ("Комитет национальной безопасности (КНБ)"), whose initials it spells, or
  whose name the acronym list gives; an acronym alone is named by the list's expansion
  only when the article never spells it out (the acronym stays a mention);
- places: the same gazetteer row, else the same nominative form.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .ru_spans import Mention
from ...lang import Language
from ...lang.ru.lexicon import acronyms, key, words


@dataclass
class Group:
    type: str
    members: list[int] = field(default_factory=list)
    name: str = ""


def initials(name: str, lang: Language) -> str:
    stop = words("acronym_stop.txt", lang)
    kept = [w for w in name.replace("-", " ").split() if key(w) not in stop]
    return "".join(w[0] for w in kept).upper()


def group(mentions: list[Mention], doc, lang: Language) -> list[Group]:
    groups: list[Group] = []
    by_key: dict[tuple[str, str], Group] = {}
    order = sorted(range(len(mentions)), key=lambda k: (-(mentions[k].te - mentions[k].ts), mentions[k].start))
    for k in order:
        m = mentions[k]
        g = _find(m, mentions, by_key, doc)
        if g is None:
            g = Group(type=_family(m.label))
            groups.append(g)
        g.members.append(k)
        for gk in _keys(m, doc, lang):
            by_key.setdefault(gk, g)
    for g in groups:
        g.type = _type(g, mentions)
        g.name = _name(g, mentions, lang)
    return groups


def _family(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else label


def _keys(m: Mention, doc, lang: Language) -> list[tuple[str, str]]:
    fam = _family(m.label)
    if fam == "PLACE":
        return [(fam, f"row:{m.place}")] if m.place is not None else [(fam, key(m.normal))]
    if fam == "PERSON":
        words = key(m.normal).split()
        out = [(fam, " ".join(words))]
        if len(words) >= 2:
            out += [(fam, "w:" + w) for w in (words[0], words[-1])]
        return out
    out = [(fam, key(m.normal))]
    if m.kind == "acronym":
        return out
    out.append((fam, "acr:" + initials(m.normal, lang)))
    nxt = m.te
    if nxt + 2 < len(doc) and doc[nxt].text == "(" and doc[nxt + 2].text == ")":
        out.append((fam, "acr:" + doc[nxt + 1].text))
    for acr, (expansion, _) in acronyms(lang).items():
        if key(expansion) == key(m.normal) or key(expansion) in key(m.normal):
            out.append((fam, "acr:" + acr))
    return out


def _find(m: Mention, mentions, by_key, doc) -> Group | None:
    fam = _family(m.label)
    if fam == "PERSON":
        words = key(m.normal).split()
        if len(words) == 1:
            return by_key.get((fam, "w:" + words[0])) or by_key.get((fam, words[0]))
        return by_key.get((fam, " ".join(words)))
    if m.kind == "acronym" and fam == "ORG":
        return by_key.get((fam, "acr:" + m.normal)) or by_key.get((fam, key(m.normal)))
    if fam == "PLACE" and m.place is not None:
        return by_key.get((fam, f"row:{m.place}")) or by_key.get((fam, key(m.normal)))
    return by_key.get((fam, key(m.normal)))


def _type(g: Group, mentions) -> str:
    labels = [mentions[k].label for k in g.members]
    if g.type != "PLACE":
        return g.type
    return "GPE" if "GPE" in labels else "LOC"


def _name(g: Group, mentions, lang: Language) -> str:
    names = [mentions[k] for k in g.members if mentions[k].kind == "name"]
    if not names:
        acr = mentions[g.members[0]].normal
        expansion = acronyms(lang).get(acr, (acr, ""))[0]
        return expansion
    best = max(names, key=lambda m: (not m.normal.isupper(), len(m.normal.split()), len(m.normal), -m.start))
    return _clean(best.normal)


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if name[:1].islower():
        name = name[:1].upper() + name[1:]
    return name
