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
