"""events.v1: PLOVER political events -- who did what to whom, where, when, and whether.

The sequence, per sentence of the parsed article:
1. find triggers (``detect``): lexicon verbs, verb phrases, licensed event nouns;
2. fill roles (``roles``): actor and target entities (or their words), the place;
3. date the event from the times stage's facts (``stages.anchor.event_date``), else from a
   later sentence that only dates it (``dating``: "the operation was carried out last
   week"), else from the discourse before it, else the publication date;
4. judge factuality (``factuality``) and the quote the trigger sits in;
5. derive the act the sentence reports when one event sits inside another
   (``compose``: "threatened to arrest" -> THREATEN, "will provide aid" -> AGREE);
6. let two mentions of one event share date and target (``corefer``), and a definite later
   mention ("the detentions took place in Osh") give its place to the earlier ones;
7. score confidence and number the events V1, V2, ... in text order.
Sentences with reporting verbs alone are statements (the quotes stage), not events.
"""
from __future__ import annotations

import bisect

from ...model import ArticleRecord, Event
from ...resources import Context
from ..anchor import event_date
from ..base import Stage
from ..dateline import find_dateline, headline_end
from . import context, roles
from .compose import derive
from .corefer import headline, place_back, share
from .dating import placed_later, told_later
from .detect import Trigger, find_triggers, lemma
from .factuality import clause_year, factuality
from .lexicon import Lexicon, load


def _depth(tok, lex: Lexicon) -> int:
    d, t = 0, tok
    root, clausal = lex.dep("root"), lex.dep("clause_link")
    while t.dep_ not in root and d < 8:
        if t.dep_ in clausal:
            d += 1
        t = t.head
    return d


def _refine_mode(trig: Trigger, target: roles.Role | None, lex: Lexicon) -> None:
    """Weapon cues give an ASSAULT its mode; expelling individuals is COERCE deport."""
    if trig.type == "ASSAULT" and trig.mode in (None, "destroy"):
        words = {lemma(t) for t in trig.tok.sent} | {t.lower_ for t in trig.tok.sent}
        for mode, cues in lex.weapon_cues.items():
            if words & cues:
                trig.mode = mode
                break
    if trig.type == "SANCTION" and trig.mode == "expel" and target is not None and target.tok is not None:
        if not lex.is_("diplomat_nouns", lemma(target.tok)) and target.tok.ent_type_ not in ("ORG",):
            trig.type, trig.mode = "COERCE", "deport"


class _Article:
    """What one article's events need from the record, indexed once."""

    def __init__(self, doc, ctx: Context, rec: ArticleRecord, lex: Lexicon):
        self.doc, self.ctx, self.lex = doc, ctx, lex
        self.text = rec.article.text
        dl = find_dateline(rec.article.text)
        self.dateline = (dl.start, dl.end) if dl else None
        self.headline_end = headline_end(self.text)
        self.ents = roles.EntityIndex(rec.get("entities"), lex, skip=self.dateline, headline=self.headline_end)
        # the dateline's date ("BISHKEK, Sept 6 (Reuters) -") is when the copy was filed, not an event's
        self.times = [t for t in rec.get("times") if not (dl and dl.covers(t.start))]
        self.places = rec.get("places")
        self.quotes = sorted(rec.get("quotes"), key=lambda q: q.start)
        # a place inside an organisation's name ("Kyrgyzstan's State Committee ...") is no event place
        self.event_places = roles.event_places(doc, self.text, self.places, rec.get("entities"), lex, dl)
        self.neighbours = context.neighbour_places(doc, self.places, lex)
        self.statement_times = roles.statement_times(doc, self.times, lex)
        scenes = [p for p in self.places if getattr(p, "scene", False)]
        city = [p for p in self.places if dl and dl.city[0] <= p.start < dl.city[1]]
        self.scene = (city or scenes)[0].id if city or scenes else None  # the dateline city first

    def quote_at(self, pos: int) -> str | None:
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q.id
        return None

    def in_dateline(self, pos: int) -> bool:
        return self.dateline is not None and self.dateline[0] <= pos < self.dateline[1]


def _roles(trig: Trigger, art: _Article, by_tok: dict) -> tuple:
    if trig.kind == "noun":
        actor, target = roles.noun_roles(trig, art.ents, art.lex)
    else:
        actor, target = roles.verb_roles(trig, art.ents)
    if actor is None and trig.kind != "noun":
        inner = roles.instrument_actor(trig, art.ents, by_tok)
        if inner is not None:
            actor = inner.get("actor")
    # shots with no shooter named: the police nearby, if any
    if actor is None and (art.lex.is_("coercive_implied_types", trig.type) or art.lex.is_("force_modes", trig.mode)):
        actor = roles.authority(trig, art.ents, art.lex)
    return actor, target


def _make(trig: Trigger, typ: str, mode, actor, target, art: _Article, conf: float) -> dict:
    tok = trig.tok
    sent = tok.sent
    inner = roles.embedded(tok, art.lex)
    times = [t for t in art.times if t.id not in art.statement_times and not any(a <= t.start < b for a, b in inner)]
    time_id, date, source = event_date(tok, times, art.ctx)
    fact_date = date if source == "time" else clause_year(tok, art.lex)
    fact = factuality(tok, art.lex, fact_date, art.ctx.published_date)
    return {
        "trig": trig, "type": typ, "mode": mode, "actor": actor, "target": target,
        "time": time_id, "date": date, "date_source": source, "fact": fact,
        "place": _place(trig, mode, actor, target, art),
        "quote": art.quote_at(trig.start), "conf": conf,
        "sentence": [sent.start_char, sent.start_char + len(sent.text.rstrip())],
    }


def _place(trig: Trigger, mode, actor, target, art: _Article) -> str | None:
    """The event's place in its sentence: one in a locative phrase ("in Surkhandarya region"),
    else the country across a border ("its border with Afghanistan"), else any other; "in the
    region" with no name is the last region, city or village the text named."""
    target = None if mode == "visit" else target
    here = _not_a_party(art.event_places, actor, target)
    for places, located in ((here, True), (art.neighbours, False), (here, False)):
        pid = roles.place_of(trig, places, None, art.lex, art.dateline, located_only=located)
        if pid is not None:
            return pid
    if context.place_word_here(trig, art.lex):  # "40 houses were destroyed in the region"
        before = [p for p in art.event_places if p.end <= trig.tok.sent.start_char and p.kind != "country"]
        return before[-1].id if before else None
    return None


def _not_a_party(places, actor, target) -> list:
    """A country that acts or is acted on ("Turkmenistan sent troops", "accused Bishkek") is a
    party to the event, not where it happens (a visited city is: its target is not passed)."""
    heads = [r.tok.idx for r in (actor, target) if r is not None and r.tok is not None]
    return [p for p in places if not any(p.start <= h < p.end for h in heads)]


def _purpose(tok, lex: Lexicon) -> bool:
    """An infinitive of purpose under another verb ("staged protests to demand reforms")."""
    return tok.dep_ in lex.dep("purpose_clause") and tok.head.pos_ == "VERB" and any(c.tag_ == "TO" for c in tok.children)


def _score(trig: Trigger, actor, target, lex: Lexicon) -> float:
    purpose = _purpose(trig.tok, lex)
    c = trig.conf - 0.06 * _depth(trig.tok, lex) - (0.08 if purpose else 0.0)
    if actor is not None and not purpose and not roles.participle_clause(trig.tok, lex):
        c += 0.08 if actor.entity else 0.04  # an inherited actor (purpose, participle) is its head verb's
    if target is not None:
        c += 0.04
    return c


def _sentence_events(sent, art: _Article) -> list[dict]:
    trigs = find_triggers(sent, art.lex)
    out: list[dict] = []
    by_tok: dict[int, dict] = {}
    for trig in trigs:
        actor, target = _roles(trig, art, by_tok)
        _refine_mode(trig, target, art.lex)
        ev = _make(trig, trig.type, trig.mode, actor, target, art, _score(trig, actor, target, art.lex))
        if ev["fact"] == "hypothetical":
            ev["conf"] -= 0.1
        by_tok[trig.tok.i] = ev
        out.append(ev)
    for trig in trigs:  # a second pass: nouns first seen after the verb that needs them
        ev = by_tok[trig.tok.i]
        if ev["actor"] is None and trig.kind != "noun":
            inner = roles.instrument_actor(trig, art.ents, by_tok)
            if inner is not None and inner["actor"] is not None:
                ev["actor"] = inner["actor"]
    out.extend(_derived(out, by_tok, art))
    return out


def _derived(events: list[dict], by_tok: dict, art: _Article) -> list[dict]:
    new: list[dict] = []
    for ev in list(events):
        d = derive(ev["trig"], ev["fact"], art.lex)
        if d is None:
            continue
        ev["conf"] -= 0.15
        existing = by_tok.get(d.head.i)
        if existing is not None and existing is not ev and existing["type"] == d.type:
            existing["mode"] = existing["mode"] or d.mode
            existing["target"] = existing["target"] or ev["target"]
            existing["conf"] += 0.1
            continue
        if d.head.i == ev["trig"].tok.i:
            head_trig = ev["trig"]
            actor, target = ev["actor"], ev["target"]
        else:
            head_trig = Trigger(d.head, d.head.idx, d.head.idx + len(d.head.text), d.type, d.mode, "verb", 0.75)
            actor, target = roles.verb_roles(head_trig, art.ents)
            target = target or ev["target"]
            if actor is None:
                actor = ev["actor"]
        h = _make(head_trig, d.type, d.mode, actor, target, art, ev["conf"] + 0.25)
        if d.head.i == ev["trig"].tok.i and h["fact"] in ("future", "hypothetical"):
            h["fact"] = "asserted"
        if d.type == "REJECT" and h["fact"] == "negated":
            h["fact"] = "asserted"
        new.append(h)
    return new


def _discourse(events: list[dict], art: _Article) -> None:
    """What the sentence leaves out, from the article (in place, in text order):
    - a place: the place of the last event of the two sentences before (or one named between),
      else that of an earlier event of the same kind, else the dateline city;
    - "the same day": the last date the text named before the sentence."""
    starts = [s.start_char for s in art.doc.sents]
    last: tuple[int, str] | None = None  # (sentence index, place id)
    dated: dict | None = None
    busy = {bisect.bisect_right(starts, ev["trig"].start) - 1 for ev in events}  # sentences with events
    kinds: dict[tuple, str] = {}  # (type, mode) -> the place of the first real event of that kind
    for ev in events:
        k = bisect.bisect_right(starts, ev["trig"].start) - 1
        ev["_sent"] = k
        real = art.lex.is_("real_factuality", ev["fact"])
        if ev["place"] is not None:
            last = (k, ev["place"]) if real else last
            if real:
                kinds.setdefault((ev["type"], ev["mode"]), ev["place"])
        else:
            told = _place_told(art, starts, k, last, busy)
            # else where the article's earlier event of the same kind happened ("the detentions")
            told = told if told is not None else kinds.get((ev["type"], ev["mode"]))
            ev["place"] = told if told is not None else art.scene
        if ev["date_source"] != "time" and _same_day(art, ev["sentence"][0], ev["sentence"][1]):
            prior = [t for t in art.times if t.end <= ev["sentence"][0] and t.type == "DATE"
                     and len(t.value) == 10 and t.value[:4].isdigit()]
            if prior:
                t = max(prior, key=lambda t: t.end)
                ev["time"], ev["date"], ev["date_source"] = t.id, t.value, "time"
            continue
        if ev["date_source"] == "time":
            dated = ev if real else dated
        elif dated is not None and 0 < k - dated["_sent"] and real:
            ev["time"], ev["date"], ev["date_source"] = dated["time"], dated["date"], "time"
        elif dated is None and real:  # "X received Y on Friday. ... The delegation also met Z."
            told = _told_before(art, ev["sentence"][0])
            if told is not None:
                ev["time"], ev["date"], ev["date_source"] = told.id, told.value, "time"


def _place_told(art: _Article, starts: list[int], k: int, last: tuple | None, busy: set[int]) -> str | None:
    """The place the two sentences before sentence k leave the story at: the last real event's
    own place, or a place in a locative phrase named after it in a sentence without events
    ("The returnees arrived at Dushanbe airport. They were met by ..."), else None."""
    event = last if last is not None and k - last[0] <= 2 else None
    lo = starts[max(0, k - 2)]
    lo = max(lo, starts[event[0] + 1] if event is not None and event[0] + 1 < len(starts) else lo)
    named = [p for p in art.event_places if lo <= p.start < starts[k] and not art.in_dateline(p.start)
             and bisect.bisect_right(starts, p.start) - 1 not in busy and context.locative(art.doc, p, art.lex)]
    if named:
        return max(named, key=lambda p: p.start).id
    return event[1] if event is not None else None


def _told_before(art: _Article, pos: int):
    """The last day or week the text named before ``pos`` that dates no statement, or None."""
    prior = [t for t in art.times if t.end <= pos and t.type == "DATE" and t.id not in art.statement_times
             and len(t.value) >= 8 and t.value[:4].isdigit()]
    return max(prior, key=lambda t: t.end) if prior else None


def _same_day(art: _Article, start: int, end: int) -> bool:
    sent = art.text[start:end].lower()
    return any(p in sent for p in art.lex.words.get("same_day_phrases", ()))


def _to_event(i: int, ev: dict) -> Event:
    trig, actor, target = ev["trig"], ev["actor"], ev["target"]
    return Event(
        id=f"V{i}", type=ev["type"], mode=ev["mode"], trigger=[trig.start, trig.end],
        sentence=ev["sentence"], actor=actor.entity if actor else None,
        target=target.entity if target else None, place=ev["place"], time=ev["time"],
        date=ev["date"], date_source=ev["date_source"], factuality=ev["fact"], quote=ev["quote"],
        confidence=round(min(0.99, max(0.05, ev["conf"])), 3),
        actor_text=actor.text if actor else None, target_text=target.text if target else None,
    )


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Event]:
    art = _Article(doc, ctx, rec, load(ctx.lang))
    found: list[dict] = []
    for sent in doc.sents:
        found.extend(_sentence_events(sent, art))
    seen: set[tuple] = set()
    unique = []
    for ev in sorted(found, key=lambda e: (e["trig"].start, -e["conf"])):
        key = (ev["trig"].start, ev["type"])
        if key not in seen:
            seen.add(key)
            unique.append(ev)
    told_later(unique, doc, art.times, art.statement_times, art.lex)
    place_back(unique, art.lex)
    placed_later(unique, doc, art.places, art.lex)
    _discourse(unique, art)
    share(unique, {p.id: p.name for p in art.places}, art.lex)
    headline(unique, art.headline_end, {p.id for p in art.places if p.kind == "country"})
    return [_to_event(i, ev) for i, ev in enumerate(unique, 1)]


STAGE = Stage(name="events", version="events.v5", produces="events", run=run,
              requires=("entities", "times", "places", "quotes"))
