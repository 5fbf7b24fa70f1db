"""Speaker mentions and their resolution to entities of the record.

A speaker is found from the subject of a cue (a token); its local mention is the entity
mention under it or its noun phrase. Resolution order: an entity mention (a bare surname
maps to the full-name PERSON entity), a pronoun (the most recent person or speaker
before it), a title ("the deputy chairman": the person introduced with that title or
role), an organisation word ("the ministry": the organisation named with that word),
a generic word ("the speaker": the last speaker). Otherwise the entity stays None.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from .cues import Lexicon

_TYPE_RANK = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3}


@dataclass(frozen=True, order=True)
class Mention:
    start: int
    end: int
    entity: str
    type: str


@dataclass
class Speaker:
    entity: str | None
    start: int
    end: int


class SpeakerResolver:
    """Resolves speaker tokens of one article, in text order (it remembers speakers)."""

    def __init__(self, doc, entities: list, lex: Lexicon, skip: tuple[int, int] | None = None) -> None:
        """``skip``: a span whose mentions never speak (the dateline)."""
        self.doc = doc
        self.lex = lex
        self.deps = lex.deps
        self.text = doc.text
        self.types = {e.id: e.type for e in entities}
        self.entities = {e.id: e for e in entities}
        lo, hi = skip or (0, 0)
        self.skip = (lo, hi)
        self.outlets = {e.id for e in entities for m in e.mentions if lo <= m[0] < hi and e.type == "ORG"}
        self.mentions = sorted(Mention(m[0], m[1], e.id, e.type) for e in entities for m in e.mentions
                               if not (lo <= m[0] < hi))
        self.starts = [m.start for m in self.mentions]
        self.surnames = _surname_map(entities)
        self.spoken: list[tuple[int, str]] = []  # (position, entity) of resolved speakers
        self.blocked: list[tuple[int, int]] = []  # quoted content: no antecedents inside

    def canonical(self, entity_id: str) -> str:
        """A bare surname entity maps to the full-name PERSON entity that ends with it."""
        e = self.entities[entity_id]
        if e.type in ("PERSON", "ORG", "NORP", "GPE") and " " not in e.name.strip():
            return self.surnames.get(e.name.strip().lower(), entity_id)
        return entity_id

    def resolve(self, head) -> Speaker:
        """The speaker whose subject head token is ``head``."""
        if self.skip[0] <= head.idx < self.skip[1]:  # the dateline ("BISHKEK – The Ministry ... reported")
            head = next((c for c in head.head.children if c.dep_ in self.deps.nominal_subject_or_passive
                         and c.idx >= self.skip[1]), None)
            if head is None:
                return None
        if head.lower_ in self.lex.relative_pronouns and head.head.dep_ in self.deps.relative_modifier:
            sp = self.resolve(head.head.head)  # `Smith, who said ...`: the mention is `who`
            return Speaker(sp.entity if sp else None, head.idx, head.idx + len(head))
        s, e = noun_phrase(head, self.deps)
        sp = self._by_apposition(head) or self._by_mention(s, e, head) or self._by_proxy(head, s, e)
        sp = sp or self._by_pronoun(head) or self._by_surname(head, s, e) or self._by_words(head, s, e)
        if sp is None:
            self.spoken.append((s, None))
            return Speaker(None, s, e)
        self.spoken.append((sp.start, sp.entity))
        return sp

    def _by_apposition(self, head) -> Speaker | None:
        """"the head of the press service, Elmira Sadykova, said": the person named beside."""
        for c in head.children:
            if c.dep_ in self.deps.apposition:
                hits = [m for m in self._mentions_in(c.left_edge.idx, c.idx + len(c)) if m.type == "PERSON"]
                if hits:
                    return Speaker(self.canonical(hits[-1].entity), hits[-1].start, hits[-1].end)
        return None

    def _by_proxy(self, head, s: int, e: int) -> Speaker | None:
        """"the press service of the Interior Ministry", "the agency's press service", "the
        ministry's statement": the owner speaks; a bare "the press service" or "the statement"
        is the institution that spoke last."""
        d = self.deps
        words = [c.lower_ for c in head.lefts if c.dep_ in d.noun_modifier] + [head.lower_]
        if " ".join(words[-2:]) not in self.lex.proxy_speakers and head.lower_ not in self.lex.document_speakers:
            return None
        owner = next((c for c in head.children if c.dep_ in d.possessive), None)
        if owner is None:
            owners = {self.lex.rule_words["of"], self.lex.rule_words.get("from")}  # "a statement from X"
            of = next((c for c in head.children if c.dep_ in d.preposition and c.lower_ in owners), None)
            owner = next((c for c in of.children if c.dep_ in d.prep_object), None) if of is not None else None
        if owner is None:  # "a statement released by the committee"
            owner = next((g for c in head.children if c.dep_ in d.adnominal_clause
                          for a in c.children if a.dep_ in d.agent
                          for g in a.children if g.dep_ in d.prep_object), None)
        if owner is None and any(c.dep_ in d.adjective_modifier for c in head.lefts):
            return None  # "the presidential press service": named by its adjective, not a back-reference
        if owner is not None:
            n = len(self.spoken)
            sp = self.resolve(owner)
            del self.spoken[n:]
            if sp is not None and sp.entity is not None:
                return Speaker(sp.entity, s, e)
        ent = self._last_institution(s)
        return Speaker(ent, s, e) if ent else None

    def _last_institution(self, pos: int) -> str | None:
        """The organisation that spoke last before ``pos``, else the one named last (outside
        quotes; never an outlet: the dateline's, or one a sentence is attributed to)."""
        for p, ent in reversed(self.spoken):
            if p < pos and ent is not None and self.types.get(ent) == "ORG" and ent not in self.outlets:
                return ent
        i = bisect.bisect_left(self.starts, pos)
        for m in reversed(self.mentions[:i]):
            if m.type == "ORG" and m.end <= pos and not self._is_blocked(m.start) and m.entity not in self.outlets:
                return m.entity
        return None

    def _mentions_in(self, s: int, e: int) -> list[Mention]:
        """Entity mentions overlapping [s, e)."""
        out = []
        for m in self.mentions[bisect.bisect_left(self.starts, s - 200):]:
            if m.start >= e:
                break
            if m.end > s:
                out.append(m)
        return out

    def _by_mention(self, s: int, e: int, head=None) -> Speaker | None:
        """The mention of the speaker's phrase: the one holding its head word ("Kyrgyz news
        agency Kabar"), else by type (a person before an organisation before a people or
        place). A people or place only modifying an institution word ("the Kyrgyz border
        service", "Tajik police") is not the speaker: the organisation that word names is,
        else the phrase itself (no entity)."""
        cands = [m for m in self._mentions_in(s, e) if m.type in _TYPE_RANK]
        if not cands:
            return None
        on_head = [m for m in cands if head is not None and m.start <= head.idx < m.end]
        m = min(on_head or cands, key=lambda m: (_TYPE_RANK[m.type], m.start))
        if not on_head and head is not None and m.type in ("NORP", "GPE") and head.lower_ in self.lex.org_words:
            # "Tajik police said": the institution speaks, not the country; named when the
            # article names it, else the phrase without an entity
            return Speaker(self._by_org(head.lower_, s), s, e)
        if not on_head and head is not None and m.type in ("NORP", "GPE") and head.lower_ in self.lex.group_speakers:
            return Speaker(None, s, e)  # "Kyrgyz officials say": people of the country, unnamed
        if not on_head and head is not None and m.type in ("NORP", "GPE") and \
                (head.lower_ in self.lex.titles or head.lower_ in self.lex.generic_speakers):
            return None  # "Tajikistan's top police official", "the Kazakh president": the title resolves
        return Speaker(self.canonical(m.entity), m.start, m.end)

    def _by_surname(self, head, s: int, e: int) -> Speaker | None:
        for tok in self.doc[head.left_edge.i: head.i + 1]:
            ent = self.surnames.get(tok.lower_)
            if ent and tok.pos_ == "PROPN":
                return Speaker(ent, tok.idx, tok.idx + len(tok))
        return None

    def _by_pronoun(self, head) -> Speaker | None:
        low = head.lower_
        if low in self.lex.person_pronouns:
            ent = self._recent(head.idx, {"PERSON"})
        elif low in self.lex.group_pronouns:
            last = next(((p, x) for p, x in reversed(self.spoken) if p < head.idx), None)
            if last is not None and head.idx - last[0] <= 600 and (last[1] is None or self.types.get(last[1]) != "PERSON"):
                ent = last[1]  # "..., the press service said. It added ...": the last speaker
                if ent is None:
                    return None
            else:
                ent = self._recent(head.idx, {"ORG", "NORP", "GPE"}, window=600)
        else:
            return None
        return Speaker(ent, head.idx, head.idx + len(head)) if ent else None

    def _by_words(self, head, s: int, e: int) -> Speaker | None:
        lex = self.lex
        words = [t.lower_ for t in self.doc[head.left_edge.i: head.i + 1]]
        if head.lower_ in lex.generic_speakers and self.spoken:
            prior = [x for x in self.spoken if x[0] < s and x[1] is not None]
            if prior:
                return Speaker(prior[-1][1], s, e)
        titles = [w for w in words if w in lex.titles]
        if titles:
            ent = self._by_title(titles, s)
            if ent:
                return Speaker(ent, s, e)
        if head.lower_ in lex.org_words:
            ent = self._by_org(head.lower_, s)
            if ent is None and head.lower_ in lex.institution_words:
                ent = self._last_institution(s)  # "the agency said" after the State Security Service spoke
                if ent is not None and not self._names_it(head, ent):
                    ent = None  # "the regional prosecutor's office said": another institution
            if ent:
                return Speaker(ent, s, e)
        return None

    def _names_it(self, head, ent: str) -> bool:
        """Whether the nouns that specify an institution word ("prosecutor's office", "border
        service") are in the name of ``ent``; a bare "the agency" refers to any."""
        nouns = [c.lower_ for c in head.children if c.pos_ in ("NOUN", "PROPN")
                 and (c.dep_ in self.deps.possessive or c.dep_ in self.deps.compound)]
        name = self.entities[ent].name.lower()
        return all(n in name for n in nouns)

    def _recent(self, pos: int, types: set[str], window: int = 100_000) -> str | None:
        """The latest entity of ``types`` mentioned (outside quotes) or speaking before pos."""
        best: tuple[int, str] | None = None
        i = bisect.bisect_left(self.starts, pos)
        for m in reversed(self.mentions[:i]):
            if pos - m.start > window:
                break
            if m.type in types and m.end <= pos and not self._is_blocked(m.start):
                best = (m.start, self.canonical(m.entity))
                break
        for p, ent in reversed(self.spoken):
            if p < pos and self.types.get(ent) in types and pos - p <= window:
                if best is None or p > best[0]:
                    best = (p, ent)
                break
        return best[1] if best else None

    def _is_blocked(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.blocked)

    def _by_title(self, titles: list[str], pos: int) -> str | None:
        for e in self.entities.values():
            if e.type == "PERSON" and any(w in r.title.lower() for r in e.roles for w in titles):
                return self.canonical(e.id)
        found = None
        for m in self.mentions:
            if m.type != "PERSON" or m.start >= pos:
                continue
            before = self.text[max(0, m.start - 120): m.start].lower()
            if all(w in before for w in titles):
                found = self.canonical(m.entity)
        return found

    def _by_org(self, word: str, pos: int) -> str | None:
        found = None
        for m in self.mentions:
            if m.type == "ORG" and word in self.text[m.start:m.end].lower():
                found = m.entity
                if m.start >= pos:
                    break
        return found


def _surname_map(entities: list) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in sorted(entities, key=lambda e: -len(e.name)):
        parts = e.name.split()
        if e.type == "PERSON" and len(parts) >= 2:
            out.setdefault(parts[-1].lower().strip(".,'’s"), e.id)
    return out


def noun_phrase(head, d) -> tuple[int, int]:
    """Char span of the noun phrase headed by ``head`` (no relative clauses or appositions)."""
    left = head
    for child in head.lefts:
        if child.dep_ in d.noun_phrase_part or child.dep_ in d.possessive:
            left = child.left_edge if child.left_edge.i < left.i else left
            break
    right = head
    for child in head.rights:
        if child.dep_ in d.name_part:
            right = child
    return left.idx, right.idx + len(right)
