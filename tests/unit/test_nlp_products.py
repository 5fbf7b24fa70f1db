"""The model's matrix products run through numpy's BLAS (nlp._numpy_products) and give the
stock pipeline's annotations; while a batch is parsed, BLAS runs in one thread."""
from __future__ import annotations

import numpy as np

from newsgraph import nlp as nlp_mod

COLUMNS = ["TAG", "POS", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "SENT_START"]


def test_every_model_node_multiplies_with_numpy():
    english = nlp_mod.load()
    nodes = [node for _, c in english.pipeline if hasattr(getattr(c, "model", None), "walk")
             for node in c.model.walk()]
    assert len(nodes) > 50
    assert all(getattr(node.ops, "use_blis", True) is False for node in nodes)


def test_same_annotations_as_the_stock_pipeline(gold):
    import spacy

    from conftest import EXAMPLES

    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((gold / "quotes/polnear/dev/text").glob("*.txt"))[:30]]
    ours = nlp_mod.load()  # registers line_breaks
    stock = spacy.load(nlp_mod.MODEL)
    stock.add_pipe("line_breaks", before="parser")  # our one component that changes the parse
    with nlp_mod.one_blas_thread():
        pairs = list(zip(stock.pipe(texts, batch_size=16), ours.pipe(texts, batch_size=16)))
    assert sum(len(a) for a, _ in pairs) > 15_000
    for a, b in pairs:
        assert np.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS)), a.text[:80]


def test_one_blas_thread_inside_the_parse_only():
    from threadpoolctl import threadpool_info

    nlp_mod.load()
    blas = lambda: [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]  # noqa: E731
    before = blas()
    assert before, "numpy's BLAS is loaded"
    with nlp_mod.one_blas_thread():
        assert set(blas()) == {1}
    assert blas() == before


def test_fast_ner_finds_the_stock_entities(gold):
    """nlp_ner.FastNER decodes the stock NER's moves for the whole batch: same entities, same
    IOB on every token, over news, empty and white-space texts."""
    from conftest import EXAMPLES

    english = nlp_mod.load()
    assert "fast_ner" in english.pipe_names and "ner" not in english.pipe_names
    fast = english.get_pipe("fast_ner")
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((gold / "quotes/polnear/dev/text").glob("*.txt"))[:40]]
    texts += ["", " ", "Obama", "\n\nObama  Putin\n\n", "Talks in Astana.\n\nThe UN said so."]
    with nlp_mod.one_blas_thread():
        docs = list(english.pipe(texts, disable=["fast_ner"]))
        stock = list(fast.stock.pipe([d.copy() for d in docs], batch_size=16))
        ours = list(fast.pipe([d.copy() for d in docs], batch_size=16))
    assert sum(len(d.ents) for d in stock) > 2_000
    for a, b in zip(stock, ours):
        assert [(e.start, e.end, e.label) for e in a.ents] == [(e.start, e.end, e.label) for e in b.ents], a.text[:80]
        assert np.array_equal(a.to_array(["ENT_IOB", "ENT_TYPE"]), b.to_array(["ENT_IOB", "ENT_TYPE"]))


def test_fast_ner_leaves_preset_entities_to_the_stock_component():
    from spacy.tokens import Span

    english = nlp_mod.load()
    doc = english("Mr Smith flew from Bishkek to Osh on Monday.", disable=["fast_ner"])
    doc.set_ents([Span(doc, 1, 2, label="PRODUCT")], default="unmodified")  # "Smith", preset
    out = english.get_pipe("fast_ner")(doc)
    assert (out[1].ent_type_, out[1].ent_iob_) == ("PRODUCT", "B")
    assert any(e.text == "Bishkek" for e in out.ents)
