"""Roles of an event from the dependency parse: actor, target, place.

- actor: the agent: the subject of an active verb, the "by" agent of a passive, the
  possessor or compound of an event noun ("police firing", "Israel's attack"), the subject
  of a light verb ("students staged protests"); for a passive without agent, the actor of
  an event noun it happened in ("killed in police firing"), else the authority the
  article names (for coercion: "were detained" -> the security committee).
- target: the patient: the object, the passive subject, "of"/"on"/"against" arguments.
- place: a place mention in a locative phrase attached to the trigger or its clause, else
  one in the sentence, else the article's scene place.
Entities are matched by character overlap with the role's phrase.
"""
from __future__ import annotations

from dataclasses import dataclass

from .context import attribution, before_reported_subject, describes_person, locative, neighbour, topic
from .detect import Trigger, lemma, nominal_gerund
from .lexicon import Lexicon



@dataclass
class Role:
    tok: object | None = None  # head token of the phrase
    entity: str | None = None
    text: str | None = None


_TIME_TYPES = ("DATE", "TIME")


class EntityIndex:
    """Entity mentions by character, for overlap look-ups."""

    def __init__(self, entities, lex: Lexicon, skip: tuple[int, int] | None = None, headline: int = 0):
        """``skip``: a span whose mentions take no role (the dateline: "ALMATY, Oct 10 (Reuters) -");
        ``headline``: where the article's headline ends (0: none)."""
        self.lex = lex
        self.headline = headline
        lo, hi = skip or (0, 0)
        self.skip = (lo, hi)
        self.spans = sorted((s, e, ent.id) for ent in entities for s, e in ent.mentions if not (lo <= s < hi))
        self.by_id = {ent.id: ent for ent in entities}

    def in_range(self, start: int, end: int, near: int) -> str | None:
        best = None
        for s, e, eid in self.spans:
            if s >= end:
                break
            if e > start:
                d = 0 if s <= near < e else min(abs(s - near), abs(e - near))
                if best is None or d < best[0]:
                    best = (d, eid)
        return best[1] if best else None

    def titled_in(self, start: int, end: int, head: str) -> str | None:
        """The person named in [start, end) whose title holds the phrase's head word
        ("President of Uzbekistan Shavkat Mirziyoyev": the president, not the country)."""
        for s, e, eid in self.spans:
            if s >= end:
                break
            ent = self.by_id[eid]
            if s >= start and ent.type == "PERSON" and any(head in (r.title or "").lower().split() for r in ent.roles):
                return eid
        return None

    def authority_before(self, pos: int, lex: Lexicon, until: int | None = None) -> str | None:
        """The nearest ORG entity named as an authority (police, committee, ministry...) before
        ``pos``, or after it up to ``until`` (the sentence's end): an authority the article
        names only later did not act here."""
        best = None
        for s, e, eid in self.spans:
            if until is not None and s >= until:
                break
            ent = self.by_id[eid]
            if ent.type not in ("ORG", "NORP", "GPE") or ent.type == "GPE":
                continue
            words = {w.lower() for w in ent.name.replace("-", " ").split()}
            if not any(lex.is_("authority_words", w) for w in words):
                continue
            d = pos - s if s <= pos else (s - pos) * 4  # prefer mentions before the trigger
            if best is None or d < best[0]:
                best = (d, eid)
        return best[1] if best else None


def _np_extent(tok, lex: Lexicon, right_role: str = "noun_phrase_right") -> tuple[int, int]:
    """Token range of a noun phrase without its clauses (relative clauses); with its
    prepositional modifiers by default ("rebels in the Ivory Coast"; ``noun_phrase_core_right``:
    without them)."""
    left = tok.i
    stop = lex.dep("noun_phrase_left_stop")
    for c in tok.lefts:
        if c.dep_ not in stop:
            left = min(left, c.left_edge.i)
    right = tok.i
    right_deps = lex.dep(right_role)
    for c in tok.rights:
        if c.dep_ in right_deps:
            right = max(right, c.right_edge.i)
    return left, right


def _phrase_role(tok, ents: EntityIndex) -> Role:
    """The entity of a role (searched in the phrase with its modifiers) and its core words."""
    doc, lex = tok.doc, ents.lex
    left, right = _np_extent(tok, lex)
    for i in range(left, tok.i - 1):  # "A total of six citizens", parsed as modifiers of "six"
        if lex.is_("quantity_heads", doc[i].lower_) and lex.is_("quantity_preps", doc[i + 1].lower_):
            left = i + 2
    span = doc[left:right + 1]
    start, end = span.start_char, span.end_char
    core = doc[left:_np_extent(tok, lex, "noun_phrase_core_right")[1] + 1]
    inner = ents.in_range(core.start_char, core.end_char, tok.idx)
    eid = inner or ents.titled_in(start, end, tok.lower_) or ents.in_range(start, end, tok.idx)
    if eid is None:
        # conjoined actors ("the United States and Jordan"): the first conjunct's entity
        for c in tok.children:
            if c.dep_ in lex.dep("conjunct"):
                eid = ents.in_range(c.left_edge.idx, c.idx + len(c.text), c.idx)
                if eid:
                    break
    text = core.text
    if core.start_char < ents.skip[1] < core.end_char:  # "KAZINFORM – The Anti-Corruption Agency"
        text = doc.text[ents.skip[1]:core.end_char]
    text = text.strip()
    for det in lex.article_prefixes:
        if text.startswith(det):
            text = text[len(det):]
    return Role(tok, eid, text or None)


def _subject_of(verb, lex: Lexicon):
    """(subject token, passive?) of a verb, inherited through conj/xcomp/relcl."""
    t = verb
    subj, passive, obj = lex.dep("subject"), lex.dep("nominal_passive_subject"), lex.dep("object")
    for _ in range(5):
        subjects = [c for c in t.children if c.dep_ in subj or c.dep_ in passive]
        if subjects:  # two subjects are a parse of a dateline ("BISHKEK – The Ministry ... reported"):
            before = [c for c in subjects if c.i < t.i]  # the one nearest the verb
            c = before[-1] if before else subjects[0]
            return c, c.dep_ in passive
        if t.dep_ in lex.dep("open_complement") and lex.is_("object_control_verbs", lemma(t.head)) \
                and _child(t.head, obj) is not None:
            return _child(t.head, obj), False  # "forced the police to open fire": its object does it
        if t.dep_ in lex.dep("subject_inherited_through") or _purpose_clause(t, lex):
            t = t.head  # "... gathered outside the akimat to protest": the gatherers protest
            continue
        if t.dep_ in lex.dep("clausal_modifier") and lex.is_("instrument_nouns", lemma(t.head)) \
                and t.head.dep_ in lex.dep("object_or_prep_object"):
            t = t.head.head if t.head.dep_ in obj else t.head.head.head  # "signed a decree dismissing X"
            continue
        if t.dep_ in lex.dep("adnominal_clause") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return t.head, any(c.dep_ in lex.dep("passive_auxiliary") for c in t.children) or t.tag_ == "VBN"
        break
    return None, False


def _purpose_clause(verb, lex: Lexicon) -> bool:
    """An infinitive clause of purpose without its own subject ("to protest", "to demand"), or
    a participle clause after its verb."""
    if verb.dep_ not in lex.dep("purpose_clause") or verb.head.i == verb.i:
        return False
    return participle_clause(verb, lex) or \
        any(c.tag_ == "TO" for c in verb.children if c.dep_ in lex.dep("auxiliary"))


def participle_clause(verb, lex: Lexicon) -> bool:
    """A participle clause after its verb, without its own subject ("The court delivered its
    verdict, sentencing 45 defendants"): it takes the verb's subject."""
    return verb.dep_ in lex.dep("purpose_clause") and verb.tag_ == "VBG" and verb.head.pos_ == "VERB" \
        and verb.i > verb.head.i and not any(c.dep_ in lex.dep("subject") for c in verb.children)


def _child(tok, deps):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _prep_obj(tok, preps, lex: Lexicon):
    for c in tok.children:
        if c.dep_ in lex.dep("preposition_or_agent") and lemma(c) in preps:
            p = _child(c, lex.dep("prep_object"))
            if p is not None:
                return p
    return None


def _resolve_pronoun(tok, ents: EntityIndex) -> Role | None:
    if tok.pos_ != "PRON" and tok.tag_ not in ("WP", "WDT"):
        return None
    lex = ents.lex
    if lex.is_("relative_pronouns", tok.lower_) and tok.head.dep_ in lex.dep("relative_clause"):
        return _phrase_role(tok.head.head, ents)  # "the policemen who killed" -> policemen
    clause = tok.head
    while clause.dep_ in lex.dep("subject_inherited_through") and clause.head is not clause:
        clause = clause.head
    if tok.dep_ in lex.dep("nominal_subject") and clause.dep_ in lex.dep("clausal_complement"):
        subj, _ = _subject_of(clause.head, lex)  # "Syria says it will ...": it -> Syria
        if subj is not None and subj.pos_ != "PRON" and _agrees(tok, subj, lex):
            return _phrase_role(subj, ents)
    if not lex.is_("person_pronouns", tok.lower_):
        return None
    best = None
    for s, e, eid in ents.spans:
        if s >= tok.idx:
            break
        if ents.by_id[eid].type == "PERSON":
            best = eid
    return Role(tok, best, ents.by_id[best].name if best else tok.text) if best else None


def _agrees(pron, noun, lex: Lexicon) -> bool:
    """Number and person of a pronoun fit its would-be antecedent."""
    p = pron.lower_
    if lex.is_("plural_pronouns", p):
        return noun.tag_ in ("NNS", "NNPS") or noun.ent_type_ in ("ORG", "NORP", "GPE")
    if lex.is_("neuter_pronouns", p):
        return noun.ent_type_ != "PERSON" and noun.tag_ not in ("NNS", "NNPS")
    if lex.is_("person_subject_pronouns", p):
        return noun.ent_type_ == "PERSON" or noun.tag_ == "NN"
    return False


def _role(tok, ents: EntityIndex) -> Role | None:
    if tok.ent_type_ in _TIME_TYPES:  # "gunfire on Monday evening": when, not whom
        return None
    tok = _counted(tok, ents.lex)
    return _resolve_pronoun(tok, ents) or _phrase_role(tok, ents)


def _counted(tok, lex: Lexicon):
    """"A total of six citizens": the citizens, not the total."""
    if not lex.is_("quantity_heads", tok.lower_):
        return tok
    of = _prep_obj(tok, lex.words["quantity_preps"], lex)
    return of if of is not None else tok


def verb_roles(trig: Trigger, ents: EntityIndex) -> tuple[Role | None, Role | None]:
    v, lex = trig.tok, ents.lex
    subj, passive = _subject_of(v, lex)
    agent = _prep_obj(v, lex.words["agent_preps"], lex) if any(c.dep_ in lex.dep("agent") for c in v.children) else None
    obj = _child(v, lex.dep("object")) or _child(v, lex.dep("dative"))
    actor = target = None
    if not passive and subj is not None and obj is None and v.idx < ents.headline \
            and lex.is_("headline_passive_verbs", lemma(v)) and v.tag_ in ("VBD", "VBN") \
            and not any(c.dep_ in lex.dep("auxiliary") for c in v.children):
        passive = True  # a headline drops its auxiliary: "Seven detained in Almaty"
    if passive:
        target = _role(subj, ents) if subj is not None else None
        if agent is not None:
            actor = _role(agent, ents)
    else:
        actor = _role(subj, ents) if subj is not None else None
        if obj is not None:
            target = _role(obj, ents)
    if target is None:
        p = _prep_obj(v, lex.words["target_preps"], lex)
        if p is not None:
            target = _role(p, ents)
    return actor, target


def _can_act(tok, lex: Lexicon) -> bool:
    """A compound before an event noun that can be its actor ("police firing", "Taliban attack"),
    not a modifier of the event ("phone conversation", "border shooting")."""
    return bool(tok.ent_type_) or tok.pos_ == "PROPN" or lex.is_("authority_compounds", lemma(tok)) \
        or lex.is_("person_nouns", lemma(tok)) or lex.is_("police_words", tok.lower_)


def occurs(verb, lex: Lexicon) -> bool:
    """"happened", "occurred", "took place": its subject is an event, not an actor."""
    lem = lemma(verb)
    if not lex.is_("occurrence_verbs", lem):
        return False
    return lem != "take" or any(c.lower_ == "place" for c in verb.children)


def noun_roles(trig: Trigger, ents: EntityIndex, lex: Lexicon) -> tuple[Role | None, Role | None]:
    n = trig.tok
    actor = target = None
    poss = _child(n, lex.dep("possessive"))
    compound, modifier = lex.dep("compound"), lex.dep("noun_modifier")
    comp = next((c for c in n.children if c.dep_ in compound and c.idx < trig.start and _can_act(c, lex)), None) \
        or next((c for c in n.children if c.dep_ in modifier and (c.ent_type_ or lex.is_("authority_compounds", lemma(c)))), None)
    by = _prep_obj(n, lex.words["agent_preps"], lex)
    gerund_of = nominal_gerund(n, lex)
    if gerund_of is not None:  # "police firing" parsed as police <- firing
        actor = _role(gerund_of, ents)
    elif by is not None:
        actor = _role(by, ents)
    elif poss is not None:
        actor = _role(poss, ents)
    elif comp is not None:
        actor = Role(comp, ents.in_range(comp.idx, comp.idx + len(comp.text), comp.idx), comp.text)
    of = _prep_obj(n, lex.words["noun_target_preps"], lex)
    if of is not None:
        target = _role(of, ents)
    between = _prep_obj(n, lex.words["between_preps"], lex)  # "clashes between Taliban fighters and smugglers"
    if actor is None and between is not None:
        actor = _role(between, ents)
    # "police detained 31 people during a raid": an operation the clause's subject carried out
    # (not an attack: "during the attack, police arrested ..." names no attacker)
    during = n.dep_ in lex.dep("prep_object") and lex.is_("operation_preps", n.head.lower_) \
        and n.head.head.pos_ == "VERB" and lex.is_("same_actor_types", trig.type)
    carried = n.dep_ in lex.dep("object_or_attribute") and n.head.pos_ in ("VERB", "AUX") \
        and (not any(c.dep_ in compound for c in n.children)
             or lex.is_("light_verbs", lemma(n.head)))  # not "police recovered petrol bombs"
    if actor is None and (carried or during):
        verb = n.head.head if during else n.head  # "police detained 31 people during a raid"
        subj, passive = _subject_of(verb, lex)
        if subj is not None and not passive and not occurs(verb, lex):  # not "This happened during a patrol"
            actor = _role(subj, ents)
    return actor, target


def instrument_actor(trig: Trigger, ents: EntityIndex, triggers_by_tok: dict) -> Role | None:
    """A passive without agent: the actor of an event noun it happened in/by/during."""
    lex = ents.lex
    for c in trig.tok.children:
        if c.dep_ in lex.dep("preposition") and lex.is_("instrument_preps", lemma(c)):
            p = _child(c, lex.dep("prep_object"))
            if p is not None and p.i in triggers_by_tok:
                return triggers_by_tok[p.i]
            if p is not None and p.i + 1 in triggers_by_tok and \
                    getattr(nominal_gerund(p.doc[p.i + 1], lex), "i", None) == p.i:  # "killed in police firing"
                return triggers_by_tok[p.i + 1]
    return None


def authority(trig: Trigger, ents: EntityIndex, lex: Lexicon) -> Role | None:
    """The implied authority behind a coercive act with no stated agent."""
    eid = ents.authority_before(trig.start, lex, trig.tok.sent.end_char) if trig.type != "ASSAULT" else None
    if eid is not None:
        return Role(None, eid, ents.by_id[eid].name)
    doc = trig.tok.doc
    sent = trig.tok.sent
    lo = max(0, sent.start - 80)
    for tok in list(doc[lo:sent.end])[::-1]:
        if lex.is_("implied_authority_words", tok.lower_) and tok.i != trig.tok.i \
                and tok.dep_ not in lex.dep("compound"):  # not "the police station"
            return Role(tok, None, tok.text)
    return None


def place_of(trig: Trigger, places, scene, lex: Lexicon, skip: tuple[int, int] | None = None,
             located_only: bool = False) -> str | None:
    """The place id of a locative attached to the trigger or its clause, else in the sentence
    (in a locative phrase first; with ``located_only``, only there), else the article's scene
    place. Places inside ``skip`` (the dateline) are only the scene."""
    lo, hi = skip or (0, 0)
    places = [p for p in places if not (lo <= p.start < hi)]
    if not places:
        return scene
    heads = [trig.tok]
    t = trig.tok
    for _ in range(4):
        if t.dep_ in lex.dep("root"):
            break
        t = t.head
        heads.append(t)
        if t.pos_ == "VERB" and t.dep_ not in lex.dep("place_clause_link"):
            break
    for h in heads:
        for c in h.children:
            if c.dep_ in lex.dep("preposition") and lex.is_("location_preps", lemma(c)):
                pid = _place_in(places, c.idx, c.right_edge.idx + len(c.right_edge.text))
                if pid:
                    return pid
    sent = trig.tok.sent
    inner = embedded(trig.tok, lex) + topic(trig, lex)
    in_sent = [p for p in places if sent.start_char <= p.start < sent.end_char
               and not any(a <= p.start < b for a, b in inner)]
    # a place in a locative phrase ("... Aslan Bekov in Tashkent") before a bare mention
    located = [p for p in in_sent if locative(trig.tok.doc, p, lex)] or ([] if located_only else in_sent)
    if located:
        return min(located, key=lambda p: abs(p.start - trig.start)).id
    return scene


def event_places(doc, text: str, places, entities, lex: Lexicon, dateline) -> list:
    """The places an event can happen at: not the country in an organisation's name
    ("Kyrgyzstan's State Committee", "Committee of Kazakhstan"; a city's or region's office
    does act there: "the Karaganda regional police department"), not where people come from
    ("citizens of Pakistan", "a resident of Talgar"), not the neighbour ("the border with
    Afghanistan"), not whom a person or a statement is of ("Uzbekistan's Prosecutor
    General X", "according to the Tajik side"); the dateline city always."""
    orgs = [m for e in entities if e.type == "ORG" for m in e.mentions]
    people = [m for e in entities if e.type == "PERSON" for m in e.mentions]
    out = []
    for p in places:
        if dateline is not None and dateline.covers(p.start):
            out.append(p)
            continue
        if p.kind == "country" and any(a <= p.start and p.end <= b and (a, b) != (p.start, p.end)
                                       and (a == p.start or text[max(a, p.start - 3):p.start] == "of ")
                                       for a, b in orgs):
            continue  # a city's own office acts there: "the Karaganda regional police department"
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and (_origin(span.root, lex) or describes_person(span.root, people, lex)
                                 or attribution(span.root, lex)):
            continue
        out.append(p)
    return out


def _origin(tok, lex: Lexicon) -> bool:
    prep = tok.head
    if tok.dep_ not in lex.dep("prep_object") or prep.dep_ not in lex.dep("preposition"):
        return False
    owner = prep.head
    if lex.is_("origin_preps", prep.lower_) and lex.is_("origin_nouns", lemma(owner)) or lex.is_("origin_nouns", owner.lower_):
        return True
    return neighbour(tok, lex)


def embedded(tok, lex: Lexicon) -> list[tuple[int, int]]:
    """Character spans of the clauses a trigger embeds ("agreed [to hold a meeting in Tashkent
    in September]"): their places and dates are the embedded act's."""
    complement = lex.dep("complement")
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in tok.children
            if c.dep_ in complement and c.i > tok.i]


def statement_times(doc, times, lex: Lexicon) -> set[str]:
    """Ids of the times that date a statement ("the ministry said on Friday"), not the events
    it reports: their phrase hangs on a reporting verb."""
    out = set()
    link, ccomp = lex.dep("time_phrase_link"), lex.dep("clausal_complement")
    for t in times or ():
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        for _ in range(4):
            if tok.dep_ not in link or tok.head is tok:
                break
            tok = tok.head
        if before_reported_subject(tok, span, lex):
            out.add(t.id)  # "Kazakhstan said on Saturday it had detained ...", parsed under "detained"
        elif tok.pos_ in ("VERB", "AUX") and lex.is_("reporting_verbs", lemma(tok)):
            inside = any(c.left_edge.idx <= t.start < c.right_edge.idx + len(c.right_edge)
                         for c in tok.children if c.dep_ in ccomp)
            # "X met Y on Friday, Trend reports": a report in the present is not dated by a past day
            now = "Pres" in tok.morph.get("Tense") and any(c.dep_ in ccomp for c in tok.children)
            if not inside and not now:  # "said ... that X happened last week" dates the event, not the statement
                out.add(t.id)
    return out


def _place_in(places, start: int, end: int) -> str | None:
    for p in places:
        if p.start >= start and p.end <= end:
            return p.id
    return None
