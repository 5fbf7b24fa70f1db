"""Within one article: group its entities into actors before they meet the store.

A surname ("Bilisbekov", even where the NER called it ORG) joins the one full name in the
article with that surname; "the Committee" joins the one organisation named "... Committee";
an acronym the article defines ("(KNB)") joins its organisation. Each group becomes one
``Actor`` with the keys, given names, titles and mention count the matcher needs.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as _res

from .names import (TYPE_CLASS, clean, country_of, fold, org_keys, org_parts, person_name,
                    place_key)

_TITLE_STOP = {"of", "the", "and", "for", "a", "an", "in", "on", "to"}
_JOINABLE = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


@dataclass
class Actor:
    """One real actor as one article names it (one or more local entities)."""

    article_id: str
    members: list[dict]            # entities rows (id, type, name, mentions, roles)
    type: str                      # NER type of the representative
    tclass: str                    # P O G N F or the raw type
    name: str                      # representative name
    keys: list[str]
    mentions: int
    given: tuple[str, ...] = ()
    initials: tuple[str, ...] = ()
    suffix: str = ""
    surname: str = ""
    titles: set[str] = field(default_factory=set)
    reasons: list[str] = field(default_factory=list)  # why members were grouped

    @property
    def surname_only(self) -> bool:
        return self.tclass == "P" and not (self.given or self.initials)


@lru_cache(maxsize=1)
def _title_words() -> dict[str, str]:
    """Title words of other languages -> the English title word (data/titles.tsv)."""
    text = _res.files(__package__).joinpath("data/titles.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t")[:2] for line in text.splitlines() if line and not line.startswith("#"))


def title_word(word: str) -> str:
    """The folded English title word: 'президент' and 'President' both give 'president'."""
    low = word.lower()
    return fold(_title_words().get(low, low))


def parse_rows(rows: list[tuple]) -> list[dict]:
    """entities rows (id, type, name, mentions JSON, roles JSON[, headline_only]) -> dicts.
    ``headline_only``: every mention lies in the headline and the name never occurs in the body."""
    out = []
    for eid, typ, name, mentions, roles, *rest in rows:
        out.append({"id": eid, "type": typ or "", "name": name or "",
                    "mentions": json.loads(mentions) if mentions else [],
                    "roles": json.loads(roles) if roles else [], "headline_only": bool(rest and rest[0])})
    return out


def article_country(ents: list[dict], place_countries: dict[str, str]) -> str | None:
    """The country the article is mostly about: GPE mentions by country, weighted by count."""
    votes: Counter = Counter()
    for e in ents:
        cc = place_countries.get(e["id"])
        if cc is None and e["type"] in ("GPE", "NORP"):
            cc = country_of(e["name"])
        if cc:
            votes[cc] += len(e["mentions"]) or 1
    return votes.most_common(1)[0][0] if votes else None


def group_article(article_id: str, ents: list[dict], place_countries: dict[str, str] | None = None,
                  place_ids: dict[str, int] | None = None, place_names: set[str] | None = None) -> list[Actor]:
    """Group one article's entities into actors (see the module docstring)."""
    place_countries = place_countries or {}
    country = article_country(ents, place_countries)
    of_country = _of_country(ents, place_countries)
    full_by_surname: dict[str, list[dict]] = {}
    for e in ents:
        if e["type"] == "PERSON" and not e.get("headline_only"):
            pn = person_name(e["name"])
            if pn.full and pn.surname:
                full_by_surname.setdefault(pn.surname, []).append(e)
    parent: dict[str, str] = {}
    reasons: dict[str, str] = {}
    orgs = [e for e in ents if e["type"] == "ORG"]
    for e in ents:
        target, why = _join_target(e, full_by_surname, orgs)
        if target is not None:
            parent[e["id"]] = target["id"]
            reasons[e["id"]] = why
    groups: dict[str, list[dict]] = {}
    for e in ents:
        groups.setdefault(parent.get(e["id"], e["id"]), []).append(e)
    by_id = {e["id"]: e for e in ents}
    actors = []
    for root, members in groups.items():
        rep = by_id[root]
        members.sort(key=lambda m: m["id"] != root)
        actors.append(_actor(article_id, rep, members, of_country.get(root, country), place_ids or {},
                             place_names or set(),
                             [f"{m['id']}->{root}: {reasons[m['id']]}" for m in members if m["id"] in reasons]))
    return actors


def _join_target(e: dict, full_by_surname: dict[str, list[dict]], orgs: list[dict]):
    """The entity this one is a short form of, and why; (None, '') when it stands alone."""
    name = clean(e["name"])
    if e["type"] == "PERSON" and e.get("headline_only") and " " in name:
        target = _headline_target(name, full_by_surname)
        if target is not None and target is not e:
            return target, "headline words around the article's full name"
    if e["type"] == "PERSON" and " " not in name and name:
        target = _given_name_target(fold(name), full_by_surname)
        if target is not None and target is not e:
            return target, "first name of the article's only such full name"
    if e["type"] in _JOINABLE and " " not in name and name:
        pn = person_name(name)
        cands = full_by_surname.get(pn.surname, [])
        if len(cands) == 1 and cands[0] is not e:
            return cands[0], "surname of the article's full name"
    if e["type"] == "PERSON":
        pn = person_name(e["name"])
        if not pn.full and pn.surname:
            cands = full_by_surname.get(pn.surname, [])
            if len(cands) == 1 and cands[0] is not e:
                return cands[0], "surname of the article's full name"
    if e["type"] == "ORG":
        if re.fullmatch(r"[A-Z]{2,6}", name):
            for o in orgs:
                if o is not e and org_parts(o["name"])[2] == name.lower():
                    return o, "acronym the article defines"
        low = name.lower()
        if " " not in low and low:
            longer = [o for o in orgs if o is not e and " " in clean(o["name"])
                      and low in clean(o["name"]).lower().split()]
            if len(longer) == 1:
                return longer[0], "short form of the article's only such organisation"
    return None, ""


def _headline_target(name: str, full_by_surname: dict[str, list[dict]]) -> dict | None:
    """'Clinton Plan', 'Rip Donald Trump', 'Hillary Asking Moderator' (title-case headline
    words the NER took into a name): the article's one full name with that surname, else with
    that first name."""
    words = [w.strip(".,:;'’‘“”\"") for w in name.split()]
    for w in words:
        cands = full_by_surname.get(person_name(w).surname, [])
        if len(cands) == 1:
            return cands[0]
    for w in words:
        target = _given_name_target(fold(w), full_by_surname)
        if target is not None:
            return target
    return None


def _given_name_target(word: str, full_by_surname: dict[str, list[dict]]) -> dict | None:
    """The one full name in the article whose first name is ``word`` ('Hillary' -> Hillary Clinton)."""
    hits = [e for es in full_by_surname.values() for e in es if person_name(e["name"]).given[:1] == (word,)]
    return hits[0] if len(hits) == 1 else None


def _of_country(ents: list[dict], place_countries: dict[str, str]) -> dict[str, str]:
    """ORG id -> country when a country's mention follows one of its mentions by 4-8 characters:
    "Ministry of Foreign Affairs" + " of the " + "Kyrgyz Republic" (the NER split them)."""
    starts: dict[int, str] = {}
    for e in ents:
        cc = place_countries.get(e["id"]) if e["type"] != "GPE" else (country_of(e["name"]) or place_countries.get(e["id"]))
        if cc and e["type"] in ("GPE", "LOC"):
            for s, _ in e["mentions"]:
                starts[s] = cc
    out = {}
    for e in ents:
        if e["type"] == "ORG":
            for _, end in e["mentions"]:
                cc = next((starts[end + gap] for gap in range(4, 9) if end + gap in starts), None)
                if cc:
                    out[e["id"]] = cc
                    break
    return out


def _actor(article_id: str, rep: dict, members: list[dict], country: str | None,
           place_ids: dict[str, int], place_names: set[str], reasons: list[str]) -> Actor:
    typ = rep["type"]
    tclass = TYPE_CLASS.get(typ, typ)
    if tclass != "P" and (any(m["id"] in place_ids for m in members)
                          or (tclass == "O" and clean(rep["name"]).lower() in place_names)):
        tclass = "G"  # the gazetteer found it: a place, whatever the NER called it ("Bishkek" as ORG)
    mentions = sum(len(m["mentions"]) or 1 for m in members)
    titles = {title_word(w) for m in members for r in m["roles"] for w in re.findall(r"[\w-]+", r.get("title") or "")
              if w.lower() not in _TITLE_STOP}
    a = Actor(article_id, members, typ, tclass, rep["name"], [], mentions, titles=titles, reasons=reasons)
    if tclass == "P":
        pn = person_name(rep["name"])
        a.given, a.initials, a.suffix, a.surname = pn.given, pn.initials, pn.suffix, pn.surname
        a.keys = [f"P|{pn.surname}"] if pn.surname else [f"P?|{fold(clean(rep['name']))}"]
    elif tclass == "O":
        keys = []
        for m in members:
            keys += [k for k in org_keys(m["name"], country) if k not in keys]
        a.keys = keys
        word = clean(rep["name"])
        if " " not in word and not word.isupper():
            a.surname = fold(word)  # a lone capitalised word may be a person's surname the NER missed
    elif tclass == "G":
        gid = next((place_ids[m["id"]] for m in members if m["id"] in place_ids), None)
        a.keys = [f"G|{place_key(rep['name'])}"] + ([f"G|gn:{gid}"] if gid else [])
    else:
        a.keys = [f"{tclass}|{fold(clean(rep['name']).lower())}"]
    return a
