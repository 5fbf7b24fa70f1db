"""quotes.v1: direct, indirect and mixed quotations with resolved speakers.

One explicit sequence per article:
1. find quotation-mark spans in the raw text (marks);
2. attribute each to a cue and a speaker token (direct);
3. find reported clauses of cue verbs and `according to` (indirect), skipping
   cues and content the direct quotes already hold; verbs outside the lexicon go to a
   small learned cue model (``model``, trained by ``newsgraph.train.quotes`` on PolNeAR train);
   a cue-less quote paragraph right after a reported speaker is adopted by them; a sentence
   that ends naming its source (", AKIpress reports.") is that source's (``tails``);
4. resolve speakers to entities of the record in text order (speaker), so that a
   pronoun finds the most recent person or speaker;
5. number the quotes Q1.. by their start.
"""
from __future__ import annotations

from ...model import ArticleRecord, Quote
from ...resources import Context
from ..base import Stage
from ..dateline import find_dateline
from .candidate import Candidate
from .cues import lexicon
from .direct import find_colon_lines, find_direct
from .indirect import find_indirect
from .marks import find_mark_spans
from .speaker import Speaker, SpeakerResolver
from ..text import doc_text

_ORPHAN_WORDS = 6


class _DocView:
    """The Doc with its text computed once (``Doc.text`` rebuilds the string on every access)."""

    __slots__ = ("doc", "text")

    def __init__(self, doc, text: str | None = None) -> None:
        self.doc = doc
        last = doc[-1] if len(doc) else None
        same = text is not None and last is not None and last.idx + len(last.text_with_ws) == len(text)
        self.text = text if same else doc_text(doc)

    def __getitem__(self, i):
        return self.doc[i]

    @property
    def sents(self):
        return self.doc.sents

    def __len__(self) -> int:
        return len(self.doc)

    def __iter__(self):
        return iter(self.doc)


def run(doc, ctx: Context, rec: ArticleRecord) -> list[Quote]:
    doc = _DocView(doc, rec.article.text)
    text = doc.text
    marks = find_mark_spans(text)
    lex = lexicon(ctx.lang)
    direct, used, orphans = find_direct(doc, marks, lex)
    quoted = [(m.start, m.end) for m in marks]
    direct += find_colon_lines(doc, [(c.start, c.end) for c in direct], lex.deps)
    names = sorted((s, e) for ent in rec.get("entities") if ent.type in ("ORG", "PERSON") for s, e in ent.mentions)
    indirect = find_indirect(doc, quoted, direct, used, lex, names)
    cands = direct + indirect
    cands += _adopt(text, orphans, cands)
    cands.sort(key=_order)
    dl = find_dateline(text)
    for c in cands:  # the dateline is no part of the first sentence's content
        if dl is not None and c.start < dl.end < c.end:
            c.start = dl.end
    resolver = SpeakerResolver(doc, rec.get("entities"), lex, skip=(dl.start, dl.end) if dl else None)
    resolver.blocked = [(c.start, c.end) for c in direct]
    speakers: dict[int, Speaker | None] = {}
    for c in cands:
        speakers[id(c)] = _speaker(c, resolver, speakers, text)
    quotes = []
    for n, c in enumerate(sorted(cands, key=lambda c: (c.start, c.end)), 1):
        quotes.append(_quote(n, c, speakers[id(c)], text))
    return quotes


def _adopt(text: str, orphans: list, cands: list[Candidate]) -> list[Candidate]:
    """A quote paragraph with no cue, right after a paragraph that reports someone, is theirs."""
    out = []
    for m in orphans:
        para = text.rfind("\n", 0, m.start) + 1
        if text[para:m.start].strip() or len(text[m.start:m.end].split()) < _ORPHAN_WORDS:
            continue
        before = [c for c in cands + out
                  if c.end <= m.start and (c.speaker_tok is not None or c.inherit is not None)]
        if not before:
            continue
        last = max(before, key=lambda c: c.end)
        gap = text[last.end:m.start]
        if gap.count("\n") <= 2 and len(gap) < 200:
            out.append(Candidate(m.start, m.end, "direct", inherit=last, rule="adopted"))
    return out


def _order(c: Candidate) -> int:
    """Resolve in the order a reader meets the speaker (inherited quotes after their source)."""
    if c.inherit is not None:
        return max(c.start, c.inherit.start) + 1
    if c.speaker_tok is not None:
        return c.speaker_tok.idx
    return c.cue_start if c.cue_start is not None else c.start


def _speaker(c: Candidate, resolver: SpeakerResolver, done: dict, text: str) -> Speaker | None:
    if c.inherit is not None:
        src = c.inherit
        while src.inherit is not None:
            src = src.inherit
        c.cue_start, c.cue_end = (src.cue_start, src.cue_end) if "\n" not in text[src.end:c.start] else (None, None)
        return done.get(id(src))
    if c.speaker_tok is not None:
        sp = resolver.resolve(c.speaker_tok)
        if c.rule == "tail-outlet" and sp is not None and sp.entity is not None:
            resolver.outlets.add(sp.entity)  # "..., Kazinform reports": an outlet, never "the ministry"
        return sp
    return None


def _quote(n: int, c: Candidate, sp: Speaker | None, text: str) -> Quote:
    cue = text[c.cue_start:c.cue_end] if c.cue_start is not None else None
    return Quote(
        id=f"Q{n}", start=c.start, end=c.end, text=text[c.start:c.end], kind=c.kind,
        speaker=sp.entity if sp else None,
        speaker_start=sp.start if sp else None, speaker_end=sp.end if sp else None,
        cue=cue, cue_start=c.cue_start, cue_end=c.cue_end,
    )


STAGE = Stage(name="quotes", version="quotes.v4", produces="quotes", run=run, requires=("entities",))
