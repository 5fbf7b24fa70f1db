"""The Russian NLP: natasha (razdel, slovnet morphology/syntax/NER, navec) as real spaCy Docs.

``load()`` builds one ``RussianNLP`` per process (about 2 s; every model is inside the
natasha wheel, nothing downloads). ``RussianNLP.pipe(texts, batch_size)`` yields spaCy
``Doc``s, one per text, built in one explicit sequence per batch:
1. razdel tokens and sentences (natasha ``Segmenter``), per text;
2. slovnet morphology and syntax over the sentences of the whole batch (one ``map`` call
   each, so the models see full batches), NER over the batch's texts;
3. lemmas (natasha's pymorphy-based lemmatiser, guided by the tagged POS and features);
   each NER span's nominative normal form (natasha ``normalize``);
4. the Doc: words and spaces aligned to the original text (a gap that is not one plain
   space becomes a whitespace token, so ``token.idx`` and ``doc.text`` equal the input),
   UD pos/morph/lemma/heads/deps, sentence starts, ``doc.ents`` labelled PERSON/ORG/LOC.

A name's nominative form is ``span._.normal`` on ``doc.ents`` (a settable extension, kept by
``Doc.to_bytes`` and by ``Doc.from_docs``, which joins the pieces of a long text):
"Юрия Лужкова" -> "Юрий Лужков".
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from ...errors import ResourceError

VERSION = "natasha-1.6+paragraphs.1"  # bump when natasha's models or this module's output change
LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}  # slovnet's labels -> the record's types


@functools.lru_cache(maxsize=1)
def load() -> "RussianNLP":
    """The Russian pipeline, loaded once per process; later calls return the same object."""
    return RussianNLP()


class RussianNLP:
    """natasha's models behind a spaCy-like ``pipe``."""

    lang = "ru"

    def __init__(self) -> None:
        try:
            import spacy
            from natasha import (MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                                 NewsSyntaxParser, Segmenter)
        except ImportError as exc:
            raise ResourceError(f"the Russian pipeline needs natasha ({exc.name} is missing); "
                                "run: pip install natasha==1.6.0") from exc
        from spacy.tokens import Span

        emb = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        self.morph = NewsMorphTagger(emb)
        self.syntax = NewsSyntaxParser(emb)
        self.ner = NewsNERTagger(emb)
        self.vocab = spacy.blank("ru").vocab
        if not Span.has_extension("normal"):
            Span.set_extension("normal", default=None)

    def __call__(self, text: str):
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator:
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, texts: list[str]) -> list:
        from natasha import Doc as NDoc
        from natasha.doc import adapt_spans, inject_morph, inject_syntax, offset_syntax

        ndocs = []
        for text in texts:
            nd = NDoc(text)
            segment(nd, self.segmenter)
            ndocs.append(nd)
        sents = [s for nd in ndocs for s in nd.sents]
        chunk = [[t.text for t in s.tokens] for s in sents]
        for sent, markup in zip(sents, self.morph.map(chunk)):
            inject_morph(sent.tokens, markup.tokens)
        for sent, markup in zip(sents, self.syntax.map(chunk)):
            inject_syntax(sent.tokens, markup.tokens)
        for nd in ndocs:
            for sent_id, sent in enumerate(nd.sents, 1):
                offset_syntax(sent_id, sent.tokens)
        live = [i for i, nd in enumerate(ndocs) if nd.text.strip()]
        for i, markup in zip(live, self.ner.map([ndocs[i].text for i in live])):
            nd = ndocs[i]
            nd.spans = list(adapt_spans(nd, markup.spans))
            nd.envelop_span_tokens()
        out = []
        for nd in ndocs:
            for t in nd.tokens:
                t.lemmatize(self.morph_vocab)
            for sp in nd.spans or ():
                sp.normalize(self.morph_vocab)
            out.append(build_doc(self.vocab, nd))
        return out


def segment(nd, segmenter) -> None:
    """razdel tokens and sentences, a sentence never running across a blank line: a headline
    without a final stop, the dateline paragraph and the body are separate sentences. A single
    line break may be a hard wrap inside a sentence and is left to razdel."""
    from natasha.doc import DocSent, DocToken

    text = nd.text
    nd.tokens = [DocToken(t.start, t.stop, t.text) for t in segmenter.tokenize(text)]
    nd.sents = [DocSent(a, b, text[a:b]) for s in segmenter.sentenize(text) for a, b in _lines(text, s.start, s.stop)]
    nd.envelop_sent_tokens()


def _lines(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """The paragraphs of text[start:stop] (split at blank lines), as (start, stop), edges stripped."""
    for piece in re.finditer(r"(?:[^\n]|\n(?![ \t\r]*\n))+", text[start:stop]):
        a, b = start + piece.start(), start + piece.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            yield a, b


def _morph(feats: dict | None) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted((feats or {}).items()))


def build_doc(vocab, nd):
    """A spaCy Doc of a processed natasha Doc, words aligned to ``nd.text`` character for character."""
    from spacy.tokens import Doc

    text = nd.text
    words, spaces, rows = [], [], []  # rows: (natasha token or None, sentence start)
    first_of_sent = {s.tokens[0].start for s in nd.sents if s.tokens}
    pos = 0

    def gap(until: int) -> None:
        g = text[pos:until]
        if not g:
            return
        if g == " " and words:
            spaces[-1] = True
            return
        if g[0] == " " and words and not spaces[-1]:
            spaces[-1] = True
            g = g[1:]
        words.append(g)  # white space (or a character razdel skipped) as its own token
        spaces.append(False)
        rows.append((None, not words[:-1]))

    for t in nd.tokens:
        gap(t.start)
        words.append(text[t.start:t.stop])
        spaces.append(False)
        rows.append((t, t.start in first_of_sent or not rows))
        pos = t.stop
    gap(len(text))
    heads, deps = _heads(rows)
    doc = Doc(vocab, words=words, spaces=spaces,
              pos=[(t.pos if t is not None and t.pos else ("SPACE" if not w.strip() else "X"))
                   for (t, _), w in zip(rows, words)],
              morphs=[_morph(t.feats) if t is not None else "" for t, _ in rows],
              lemmas=[(t.lemma or t.text.lower()) if t is not None else w for (t, _), w in zip(rows, words)],
              heads=heads, deps=deps)
    ents, normal = [], []
    for sp in nd.spans or ():
        span = doc.char_span(sp.start, sp.stop, label=LABELS.get(sp.type, sp.type), alignment_mode="expand")
        if span is None or (ents and span.start < ents[-1].end):
            continue
        ents.append(span)
        normal.append(sp.normal or sp.text)
    doc.ents = ents
    for span, form in zip(doc.ents, normal):
        span._.normal = form
    return doc


def _heads(rows: list) -> tuple[list[int], list[str]]:
    """Absolute head indexes and relations; a white-space token hangs on its neighbour, a
    token whose head is missing (or would close a cycle) becomes its sentence's root."""
    index = {t.id: i for i, (t, _) in enumerate(rows) if t is not None}
    heads, deps = [], []
    for i, (t, _) in enumerate(rows):
        if t is None:
            heads.append(i - 1 if i else min(i + 1, len(rows) - 1))
            deps.append("dep")
            continue
        h = index.get(t.head_id)
        heads.append(i if h is None else h)
        deps.append("ROOT" if h is None or h == i else (t.rel or "dep"))
    sent_of = _sentence_ids(rows)
    root: dict[int, int] = {}
    for i in range(len(rows)):
        if heads[i] == i and rows[i][0] is not None:
            root.setdefault(sent_of[i], i)
    for i in range(len(rows)):
        if heads[i] != i and (sent_of[heads[i]] != sent_of[i] or _cycles(heads, i)):
            r = root.get(sent_of[i], i)
            heads[i], deps[i] = (r, "dep") if r != i else (i, "ROOT")
            root.setdefault(sent_of[i], i)
        elif heads[i] == i and root.get(sent_of[i], i) != i:
            heads[i], deps[i] = root[sent_of[i]], "dep"  # one root per sentence
    return heads, deps


def _sentence_ids(rows: list) -> list[int]:
    out, n = [], -1
    for t, start in rows:
        if start and t is not None:
            n += 1
        out.append(max(n, 0))
    return out


def _cycles(heads: list[int], i: int) -> bool:
    seen = {i}
    j = heads[i]
    while heads[j] != j:
        if j in seen:
            return True
        seen.add(j)
        j = heads[j]
    return False
