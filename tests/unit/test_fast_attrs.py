"""The memoised attribute step gives every token exactly what the stock components give."""
from __future__ import annotations

import spacy

from newsgraph import nlp as nlp_mod
from newsgraph.fast_attrs import NAME

OWN = [
    "Deputy Minister Aigul Serikova said on Tuesday that 200 families had been returned.",
    "We're gonna see, let's wait, she told reporters. It ain't over, they'd said.",
    "The KNB  detained him.\n\n  Its officers searched her flat and questioned themselves.",
    "Police said 12\nprotesters were held; I've never seen 'em, he was doin' fine.",
]


def _attrs(doc):
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, str(t.morph), t.lemma_, t.ent_type_, t.ent_iob_)
            for t in doc]


def test_fast_attrs_equals_stock_pipeline(gold):
    fast = nlp_mod.load()
    assert NAME in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    stock = spacy.load(nlp_mod.MODEL)
    texts = OWN + [p.read_text(encoding="utf-8")
                   for p in sorted((gold / "quotes" / "polnear" / "dev" / "text").glob("*.txt"))[:12]]
    for text, a, b in zip(texts, stock.pipe(texts), fast.pipe(texts)):
        assert _attrs(a) == _attrs(b), text[:60]
    # the second pass runs from the memo, and still agrees
    for a, b in zip(stock.pipe(OWN), fast.pipe(OWN)):
        assert _attrs(a) == _attrs(b)
