"""The English model's rule lemmatizer, called once per distinct word form instead of per token.

spaCy's ``lemmatizer`` walks every token in Python, builds a ``Token`` for it and asks the rules
for its lemma; its own cache is keyed by (form, coarse POS, morphology) but is reached only
after that per-token work, and forms it takes for base forms are never cached. ``FastLemmas``
reads the four columns it needs with one ``Doc.to_array``, asks the *stock* component (the same
rules and tables, nothing copied) only for a (form, POS, morphology) it has not seen, and
writes the lemmas back with one ``Doc.from_array``. A token that already has a lemma (set by
the attribute rules) keeps it, as in spaCy. The output is the stock component's, token for
token: the unit test compares both over news articles.
"""
from __future__ import annotations

_MAX_CACHE = 500_000  # distinct (form, POS, morphology) keys kept per process


class FastLemmas:
    """Wraps the stock rule lemmatizer ``stock`` (mode "rule", not overwriting)."""

    def __init__(self, stock) -> None:
        if getattr(stock, "mode", None) != "rule" or getattr(stock, "overwrite", False):
            raise ValueError("FastLemmas wraps a rule lemmatizer that does not overwrite lemmas")
        self.stock = stock
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc):
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        cols = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = cols[:, 3].copy()
        strings, cache = doc.vocab.strings, self.cache
        for i, (orth, pos, morph, lemma) in enumerate(cols.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = strings.add(self.stock.lemmatize(doc[i])[0])
                if len(cache) < _MAX_CACHE:
                    cache[key] = value
            lemmas[i] = value
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))
        return doc
