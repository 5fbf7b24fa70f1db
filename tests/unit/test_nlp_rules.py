"""The compiled attribute rules (nlp_rules.FastAttributes) give exactly what spaCy's own
attribute_ruler gives, column for column, on news articles; what they cannot compile is
refused at load so that the stock ruler is kept."""
from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.tokens import Doc

from newsgraph import nlp as nlp_mod
from newsgraph.nlp_rules import FastAttributes, Unsupported

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, SENT_START]
TRICKY = ("There are people who say it isn't so, and y'all gon na hear it: I told you it is.\n\n"
          "If there were more, they'd have had to do it. Let's go, c'mon! Nothin' was said to me, "
          "but she got ta know it.  \n  Whether or not he has, the police do.")


@pytest.fixture(scope="module")
def english():
    return nlp_mod.load()


def _texts(gold, examples):
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((gold / "quotes/polnear/dev/text").glob("*.txt"))[:40]]
    return texts + [TRICKY]


def test_the_pipeline_uses_the_compiled_rules(english):
    assert "fast_attributes" in english.pipe_names and "attribute_ruler" not in english.pipe_names


def test_same_columns_as_the_stock_ruler_on_news(gold):
    import spacy

    from conftest import EXAMPLES

    stock_nlp = spacy.load(nlp_mod.MODEL)  # the model as shipped, its own attribute_ruler inside
    stock = stock_nlp.get_pipe("attribute_ruler")
    fast = FastAttributes(stock)
    after = stock_nlp.pipe_names[stock_nlp.pipe_names.index("attribute_ruler"):]
    docs = list(stock_nlp.pipe(_texts(gold, EXAMPLES), disable=after))
    assert sum(len(d) for d in docs) > 20_000
    for d in docs:
        a = stock(Doc(stock_nlp.vocab).from_bytes(d.to_bytes()))
        b = fast(Doc(stock_nlp.vocab).from_bytes(d.to_bytes()))
        assert np.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS)), d.text[:80]
    b = fast(Doc(stock_nlp.vocab).from_bytes(docs[-1].to_bytes()))
    assert {t.lower_: t.lemma_ for t in b if t.lemma_}.get("n't") == "not"  # a rule's lemma was set


def test_a_pattern_it_cannot_compile_is_refused(english):
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(english.vocab)
    ruler.add([[{"TAG": "NN", "LENGTH": {">": 3}}]], {"POS": "NOUN"})
    with pytest.raises(Unsupported):
        FastAttributes(ruler)
    ruler = AttributeRuler(english.vocab)
    ruler.add([[{"LOWER": {"FUZZY": "police"}}]], {"POS": "NOUN"})
    with pytest.raises(Unsupported):
        FastAttributes(ruler)
