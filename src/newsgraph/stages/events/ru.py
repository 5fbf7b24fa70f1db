"""events.ru.v2: PLOVER events from Russian trigger lemmas over the UD parse.

One explicit sequence per sentence (lexicon in lang/ru/events.json):
1. triggers: a verb+object phrase ("подписали соглашение", "провели переговоры", "ввели
   режим ЧП") or a trigger lemma ("задержали", "обстреляли", "митинг"); a noun that is the
   object of a phrase already taken, or of a trigger verb, is not a second event;
2. actor and target from the parse: the subject (nsubj) is the actor and the object (obj)
   the target; for a passive or a noun, the subject of the passive (nsubj:pass) or the
   genitive dependent is the target; each resolves to the entity whose mention covers
   the head word, else its words are kept (``actor_text``/``target_text``);
3. place and time: the first place and the first time expression of the sentence; the
   date is the time's value, else the publication date;
4. factuality: negated ("не задержали"), hypothetical ("планирует", "может", "намерен"
   governing the trigger), future (future tense, "будет"), historical ("ранее").
"""
from __future__ import annotations

from ...lang import Language
from ..dateline import headline_end
from ...model import ArticleRecord, Event
from ...resources import Context
from ...lang.ru.lexicon import key

VERSION = "events.ru.v2"


def _lex(lang: Language) -> dict:
    """The trigger lexicon of ``lang`` (its events.json) and the label sets of its roles, built once."""
    return lang.cached("events.ru.lexicon", lambda: _build(lang))


def _build(lang: Language) -> dict:
    d = lang.data("events.json")
    triggers = {w: (t, None if m == "_" else m) for t, modes in d["triggers"].items() for m, ws in modes.items() for w in ws}
    phrases = {(v, o): (t, None if m == "_" else m) for v, o, t, m in d["phrases"]}
    return {"triggers": triggers, "phrases": phrases, "hyp": set(d["hypothetical"]), "future": set(d["future"]),
            "hist": set(d["historical"]), "neg": set(d["negation"]), "animate": set(d["animate_target_modes"]),
            "partner": set(d["partner_preps"]), "deps": _deps(lang)}


def _deps(lang: Language) -> dict[str, frozenset[str]]:
    """Every role of the language's labels.json -> its labels."""
    return {r: lang.deps(r) for r, v in lang.data("labels.json").items() if not r.startswith("_") and isinstance(v, list)}


def _lem(t) -> str:
    return key(t.lemma_)


def _find(sent, lex: dict) -> list[tuple[object, str, str | None, float]]:
    deps = lex["deps"]
    found, taken = [], set()
    for t in sent:
        if t.pos_ != "VERB":
            continue
        for c in t.children:
            hit = lex["phrases"].get((_lem(t), _lem(c)))
            if hit and c.dep_ in deps["phrase_object"]:
                found.append((t, hit[0], hit[1], 0.7, c))
                taken.update({t.i, c.i})
                break
    for t in sent:
        if t.i in taken or t.pos_ not in ("VERB", "NOUN") or _nominal_participle(t, deps):
            continue
        hit = lex["triggers"].get(_lem(t))
        if hit is None:
            continue
        if t.pos_ == "NOUN" and (t.head.i in taken or (t.head.i != t.i and _lem(t.head) in lex["triggers"]
                                                       and t.head.pos_ == "VERB")):
            continue
        found.append((t, hit[0], hit[1], 0.6 if t.pos_ == "VERB" else 0.5, None))
        taken.add(t.i)
    return sorted(found, key=lambda x: x[0].i)


def _nominal_participle(t, deps: dict) -> bool:
    """'Задержанные помещены ...', 'среди задержанных': a participle standing for people is
    no event. An animate noun is one too (the tagger calls 'задержанных' a NOUN with the
    verb's lemma): the nouns of events ('арест', 'задержание') are inanimate."""
    if t.pos_ == "NOUN":
        return t.morph.get("Animacy") == ["Anim"]
    if "Part" not in t.morph.get("VerbForm"):
        return False
    return t.dep_ in deps["nominal_argument"] or any(c.pos_ == "ADP" for c in t.children)


def _factuality(t, lex: dict) -> str:
    near = list(t.children) + ([t.head] if t.head.i != t.i else [])
    if any(_lem(c) in lex["neg"] for c in t.children):
        return "negated"
    if any(_lem(c) in lex["hyp"] or c.lower_ in lex["hyp"] for c in near):
        return "hypothetical"
    if t.morph.get("Tense") == ["Fut"] or any(c.lower_ in lex["future"] for c in t.children):
        return "future"
    if any(_lem(c) in lex["hist"] for c in t.children):
        return "historical"
    return "asserted"


def _arg(t, deps):
    return next((c for c in t.children if c.dep_ in deps), None)


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Event]:
    lex = _lex(ctx.lang)
    deps = lex["deps"]
    text = rec.article.text if rec is not None else doc.text
    owner = {}
    for e in rec.get("entities"):
        for s, t in e.mentions:
            for i in range(s, t):
                owner.setdefault(i, e.id)
    kinds = {e.id: e.type for e in rec.get("entities")}
    places, times, quotes = rec.get("places"), rec.get("times"), rec.get("quotes")
    out: list[Event] = []
    for sent in doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        for t, kind, mode, conf, obj in _find(sent, lex):
            passive = t.pos_ == "VERB" and ("Pass" in t.morph.get("Voice")
                                            or _arg(t, deps["nominal_passive_subject"]) is not None)
            actor = None if passive or t.pos_ == "NOUN" else _arg(t, deps["nominal_subject"])
            target = _arg(t, deps["nominal_passive_subject"] if passive else deps["object"] if t.pos_ == "VERB"
                          else deps["nominal_modifier"])
            if obj is not None:  # "провели переговоры с X": the partner, not the talks
                target = next((c for c in list(obj.children) + list(t.children)
                               if c.dep_ in deps["oblique_or_nominal_modifier"]
                               and any(g.lower_ in lex["partner"] for g in c.children)), None)
            if mode in lex["animate"] and target is not None and target.morph.get("Animacy") == ["Inan"]:
                continue
            place = next((p for p in places if s0 <= p.start < s1), None)
            when = next((x for x in times if s0 <= x.start < s1 and x.type == "DATE"), None)
            quote = next((q for q in quotes if q.start <= t.idx < q.end), None)
            ev = Event(id=f"V{len(out) + 1}", type=kind, mode=mode, trigger=[t.idx, t.idx + len(t)],
                       sentence=[s0, s1], place=place.id if place else None, time=when.id if when else None,
                       date=when.value if when else ctx.published, date_source="time" if when else "published",
                       factuality=_factuality(t, lex), quote=quote.id if quote else None, confidence=conf)
            ev.actor, ev.actor_text = _who(actor, owner, text, kinds)
            ev.target, ev.target_text = _who(target, owner, text, kinds)
            out.append(ev)
    _headline_dates(out, headline_end(text))
    return out


def _headline_dates(events: list[Event], end: int) -> None:
    """Headline events without a date of their own take the date of the first body event of
    the same type and mode that has one ("В Алматы задержали 48 человек" above "в субботу
    полиция задержала ..."), as in the English stage (corefer.headline)."""
    if not end:
        return
    body = [e for e in events if e.trigger[0] >= end and e.date_source == "time"]
    for ev in events:
        if ev.trigger[0] >= end or ev.date_source == "time":
            continue
        lead = next((b for b in body if (b.type, b.mode, b.factuality) == (ev.type, ev.mode, ev.factuality)), None)
        if lead is not None:
            ev.time, ev.date, ev.date_source = lead.time, lead.date, "time"


def _who(tok, owner, text, types=None):
    """The entity of a role word: the one at its head word, else a person, an organisation
    or any entity inside its phrase (the phrase's words when none)."""
    if tok is None:
        return None, None
    ent = owner.get(tok.idx)
    if ent is not None:
        return ent, None
    left, right = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    inside = [owner[i] for i in range(left, right) if i in owner]
    kinds = types or {}
    for want in ("PERSON", "ORG"):
        pick = next((e for e in inside if kinds.get(e) == want), None)
        if pick is not None:
            return pick, text[left:right].strip()
    return (inside[0] if inside else None), text[left:right].strip()
