"""Parse long texts in pieces, so one pathological article costs linear time and bounded memory.

Memory grows with the characters spaCy parses in one call (about 3.5 MB per 1,000 characters
with en_core_web_sm, measured), so pieces are small and each ``nlp.pipe`` call gets at most
``BATCH_CHARS`` characters: a 300,000-character single-line article peaked at 1.1 GB parsed
in one batch and at 0.28 GB this way, in the same time. A text longer than ``MAX_CHUNK``
characters is cut, each cut as late as possible within the
piece and at the best boundary found there: a blank line (paragraph), then a line break,
then a sentence end, then any white space, else a hard cut. The pieces go through
``nlp.pipe`` with the other texts of the batch and are joined back with
``Doc.from_docs(ensure_whitespace=False)``: the joined Doc's text is the original text,
character for character, so every offset a stage computes is exact.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain

MAX_CHUNK = 20_000
BATCH_CHARS = 100_000

_SENTENCE_END = re.compile(r"[.!?\u3002][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


def split_points(text: str, max_chars: int = MAX_CHUNK) -> list[int]:
    """Offsets 0 = c0 < c1 < ... < cn = len(text) with every piece at most ``max_chars``."""
    cuts, start = [0], 0
    while len(text) - start > max_chars:
        start = _cut(text, start, start + max_chars)
        cuts.append(start)
    cuts.append(len(text))
    return cuts


def _cut(text: str, lo: int, hi: int) -> int:
    """The best place to end the piece that starts at ``lo``, no later than ``hi``."""
    floor = lo + (hi - lo) // 2  # never a piece of less than half the maximum, unless forced
    for sep in ("\n\n", "\n"):
        i = text.rfind(sep, floor, hi)
        if i >= 0:  # past the whole white-space run: the next piece starts with a word
            end = _SPACE.match(text, i, hi)
            return end.end() if end else i + len(sep)
    for pattern in (_SENTENCE_END, _SPACE):
        last = None
        for last in pattern.finditer(text, floor, hi):
            pass
        if last is not None:
            return last.end()
    return hi


def pieces(text: str, max_chars: int = MAX_CHUNK) -> list[str]:
    cuts = split_points(text, max_chars)
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


def pipe(nlp, texts: Iterable[str], batch_size: int = 16, max_chars: int = MAX_CHUNK) -> Iterator:
    """``nlp.pipe`` over texts of any length: one Doc per text, in order."""
    from spacy.tokens import Doc

    owners: list[int] = []
    flat: list[str] = []
    for i, text in enumerate(texts):
        parts = [text] if len(text) <= max_chars else pieces(text, max_chars)
        flat += parts
        owners += [i] * len(parts)
    group: list = []
    docs = chain.from_iterable(nlp.pipe(run, batch_size=batch_size) for run in _runs(flat, BATCH_CHARS))
    for k, doc in enumerate(docs):
        group.append(doc)
        if k + 1 == len(flat) or owners[k + 1] != owners[k]:
            yield group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False,
                                                                 exclude=["tensor"])
            group = []


def _runs(texts: list[str], budget: int) -> Iterator[list[str]]:
    """Consecutive texts in groups of at most ``budget`` characters (a longer text alone)."""
    run: list[str] = []
    size = 0
    for t in texts:
        if run and size + len(t) > budget:
            yield run
            run, size = [], 0
        run.append(t)
        size += len(t)
    if run:
        yield run
