"""numbers.v1: figures with their qualifier, unit, what they count, category and claimant.

The steps for one article:
1. ``parse.scan`` reads figures from the text (values, scales, currencies, units,
   qualifiers, ranges) and marks dates, clock times and phone numbers;
2. ``filter.drop_reason`` drops years, names with numbers, ages, "one of", scores;
3. ``counted`` finds the counted noun phrase and the category;
4. ``claimant`` finds who asserted the figure (quote speaker, "X said",
   "according to X") from the quotes and entities stages.
"""
from __future__ import annotations

from ...model import ArticleRecord, Number
from ...resources import Context
from . import counted as counting
from ..base import Stage
from ..quotes.cues import lexicon as cue_lexicon
from .claimant import Claimants
from .filter import drop_reason
from .lexicon import lexicon
from .parse import scan
from ..text import doc_text


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Number]:
    text = doc_text(doc)
    lex = lexicon(ctx.lang)
    claimants = None
    out: list[Number] = []
    raws = scan(text, lex)
    for raw, nxt in zip(raws, raws[1:] + [None]):
        raw.next = nxt
    for raw in raws:
        if raw.drop:
            continue
        span = doc.char_span(raw.start, raw.end, alignment_mode="expand")
        num = doc.char_span(raw.num_start, raw.num_end, alignment_mode="expand")
        if span is None or num is None or drop_reason(raw, doc, span, num, lex, text):
            continue
        if claimants is None:
            cues = cue_lexicon(ctx.lang)
            claimants = Claimants(doc, rec, text, lex, cues.org_words | cues.group_speakers)
        out.append(_number(f"N{len(out) + 1}", raw, text, doc, span, num, claimants, lex))
    return out


def _number(nid: str, raw, text: str, doc, span, num, claimants: Claimants, lex) -> Number:
    _share_of(raw, text, lex)
    found = counting.counted(raw, doc, span, num, lex)
    head = found[3] if found else None
    unit = raw.unit
    if unit is None and counting.is_person(head, lex):
        unit = "person"
    raw.unit = unit
    claimant, quote = claimants.find(raw.start, raw.end)
    return Number(
        id=nid, start=raw.start, end=raw.end, text=text[raw.start:raw.end],
        value=raw.value, low=raw.low, high=raw.high, approx=raw.approx, unit=unit,
        counted=found[0] if found else None,
        counted_start=found[1] if found else None,
        counted_end=found[2] if found else None,
        category=counting.category(raw, num, head, lex),
        claimant=claimant, quote=quote,
    )


def _share_of(raw, text: str, lex) -> None:
    """ "raised 280 million of the 1.5 billion shekels": the part takes the whole's unit."""
    if raw.unit is None and raw.next is not None and raw.next.currency and not raw.plain:
        if lex.patterns.share_of.fullmatch(text[raw.end:raw.next.start]):
            raw.unit, raw.currency = raw.next.unit, True


STAGE = Stage(name="numbers", version="numbers.v4", produces="numbers", run=run,
              requires=("entities", "quotes"))
