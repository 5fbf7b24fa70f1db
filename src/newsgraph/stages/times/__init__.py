"""times.v2: temporal expressions (TIMEX3) normalised against the publication date.

The stage, step by step:
1. ``recognize.recognize`` finds the expressions (rules of ``patterns``,
   checked against the parse, longest match wins);
2. ``normalize.HANDLERS[rule]`` resolves each one's TIMEX3 type, value, mod, freq
   and quant against ``ctx.published`` and the governing verb's tense (``tense``);
   without a publication date, relative values keep ``X`` for what is unknown;
3. ``discourse.refine`` adjusts values that depend on other expressions
   ("a year earlier" beside "the third quarter"); ``discourse.anaphora`` counts "a day
   earlier", "the next day" from the last date the text named;
4. the facts are numbered T1, T2, ... in text order.
"""
from __future__ import annotations

from ...model import ArticleRecord, Time
from ...resources import Context
from ..base import Stage
from .discourse import anaphora, refine
from .lexicon import lexicon
from .normalize import HANDLERS
from .recognize import recognize
from .tense import tense_of
from ..text import doc_text

__all__ = ["STAGE", "run", "extract"]


def _tense_fn(doc, start: int, end: int, lex):
    """A callable giving the tense governing the span (computed on first use only)."""
    memo: list = []

    def tense():
        if not memo:
            span = doc.char_span(start, end, alignment_mode="expand")
            memo.append(tense_of(span.root, lex) if span is not None and len(span) else None)
        return memo[0]

    return tense


def extract(doc, published, lang) -> list[Time]:
    """The time expressions of ``doc`` (in language ``lang``) normalised against ``published``
    (a date or None)."""
    text = doc_text(doc)
    lex = lexicon(lang)
    out: list[Time] = []
    rules: list[str] = []
    groups: list[dict] = []
    for c in recognize(doc, lex):
        norm = HANDLERS[c.rule](c.groups, published, _tense_fn(doc, c.start, c.end, lex), lex)
        if norm is None:
            continue
        rules.append(c.rule)
        groups.append(c.groups)
        out.append(Time(id=f"T{len(out) + 1}", start=c.start, end=c.end, text=text[c.start:c.end],
                        type=norm.type, value=norm.value, mod=norm.mod, freq=norm.freq,
                        quant=norm.quant))
    refine(doc, out, rules)
    anaphora(out, rules, groups, published, lex)
    return out


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Time]:
    return extract(doc, ctx.published_date, ctx.lang)


STAGE = Stage(name="times", version="times.v3", produces="times", run=run, requires=())
