"""places.v1: toponyms resolved to GeoNames places (offline), with the scene of the events.

Steps (each in its own module):
1. ``recognize.recognise``: GPE/LOC/FAC mentions, demonyms, gazetteer matches the
   NER missed;
2. ``resolve.resolve``: one gazetteer row per mention, with the article as context;
3. here: demonyms used as modifiers of people or organisations ("Kazakh authorities") are
   dropped (they stay NORP entities, though they still inform the article's country), the
   rest become ``model.Place`` facts, and ``scene`` marks places where the article's events
   happen ("the special operation in Almaty", "detention ... in Almaty").
``find_places`` is the same sequence with a switch to keep adjectival demonyms, for gold
sets whose annotators count them as toponyms.
"""
from __future__ import annotations

from ...model import ArticleRecord, Place
from ...resources import Context
from ...resources.gazetteer import Gazetteer, load
from ..base import Stage
from .lexicon import Lexicon, lexicon
from ..dateline import find_dateline
from .recognize import recognise
from .resolve import Resolved, resolve
from ..text import doc_text

_DATELINE_CHARS = 60


def _is_scene(doc, text: str, start: int, end: int, lex: Lexicon, dateline=None) -> bool:
    """A place governed by a locative preposition that hangs on an event verb or noun."""
    if dateline is not None and dateline.city[0] <= start < dateline.city[1]:
        return True  # "ASTANA. KAZINFORM -", "BAKU, Azerbaijan, May 15 ... Trend:"
    if start < _DATELINE_CHARS and text[end:end + 40].lstrip(" ,").startswith(("—", "-", "(")):
        return True  # dateline: "ALMATY, Kazakhstan — ..."
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in lex.deps.place_chain and root.head is not root:
        root = root.head
    if root.dep_ not in lex.deps.prep_object or root.head.lower_ not in lex.locative_preps:
        return False
    gov = root.head.head
    if gov.pos_ in ("VERB", "AUX"):
        return gov.lemma_.lower() not in lex.reporting_lemmas
    return gov.pos_ == "NOUN" and gov.lemma_.lower() in lex.event_nouns


def find_places(doc, gz: Gazetteer, lex: Lexicon, rec=None, adjectival_demonyms: bool = False) -> list[Resolved]:
    """Recognised and resolved toponyms, in text order."""
    mentions = recognise(doc, gz, lex, rec)
    resolved, _ = resolve(gz, doc_text(doc), mentions, lex)
    keep = [r for r in resolved if adjectival_demonyms or r.mention.placelike]
    return sorted(keep, key=lambda r: (r.mention.start, r.mention.end))


def _to_place(gz: Gazetteer, k: int, r: Resolved, scene: bool) -> Place:
    m = r.mention
    if r.row is None:
        return Place(f"P{k}", m.start, m.end, m.text, m.text, None, None, None, r.lat, r.lon, "other",
                     r.score, m.entity, scene)
    e = gz.entry(r.row)
    return Place(f"P{k}", m.start, m.end, m.text, e.name, e.geonameid, e.country, e.admin1,
                 round(e.lat, 5), round(e.lon, 5), e.place_kind, r.score, m.entity, scene)


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Place]:
    gz, lex = load(), lexicon(ctx.lang)
    found = [r for r in find_places(doc, gz, lex, rec) if r.row is not None or r.lat is not None]
    text = doc_text(doc)
    dl = find_dateline(rec.article.text if rec is not None else text)
    return [_to_place(gz, k, r, _is_scene(doc, text, r.mention.start, r.mention.end, lex, dl))
            for k, r in enumerate(found, 1)]


STAGE = Stage(name="places", version="places.v4", produces="places", run=run, requires=("entities",))
