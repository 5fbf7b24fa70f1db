"""The once-per-form lemmatizer (nlp_lemmas.FastLemmas) gives exactly the lemmas of spaCy's
own rule lemmatizer, token for token, on news articles; lemmas set before it are kept."""
from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import LEMMA
from spacy.tokens import Doc

from newsgraph import nlp as nlp_mod
from newsgraph.nlp_lemmas import FastLemmas

TRICKY = ("There are people who say it isn't so, and y'all gon na hear it: I told you it is.\n\n"
          "The detained were freed; the freed men's lawyers said they'd been detaining them. "
          "Was he? He was. ASTANA. KAZINFORM The NSC's press-service reported 12 cases.")


def test_the_pipeline_uses_it(gold):
    english = nlp_mod.load()
    assert "fast_lemmas" in english.pipe_names and "lemmatizer" not in english.pipe_names


def test_same_lemmas_as_the_stock_lemmatizer_on_news(gold):
    import spacy

    from conftest import EXAMPLES

    stock_nlp = spacy.load(nlp_mod.MODEL)
    stock = stock_nlp.get_pipe("lemmatizer")
    fast = FastLemmas(stock)
    after = stock_nlp.pipe_names[stock_nlp.pipe_names.index("lemmatizer"):]
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((gold / "quotes/polnear/dev/text").glob("*.txt"))[:40]]
    docs = list(stock_nlp.pipe(texts + [TRICKY, ""], disable=after))
    assert sum(len(d) for d in docs) > 20_000
    preset = 0
    for d in docs:
        preset += sum(1 for t in d if t.lemma)  # lemmas the attribute rules set: kept by both
        a = stock(Doc(stock_nlp.vocab).from_bytes(d.to_bytes()))
        b = fast(Doc(stock_nlp.vocab).from_bytes(d.to_bytes()))
        assert np.array_equal(a.to_array([LEMMA]), b.to_array([LEMMA])), d.text[:80]
    assert preset > 0


def test_an_overwriting_lemmatizer_is_refused():
    class Stock:
        mode, overwrite = "rule", True

    with pytest.raises(ValueError):
        FastLemmas(Stock())
