"""The English model's entity recogniser, decoded with numpy over the whole batch at once.

spaCy's NER is a greedy transition system: one move per token (Begin, In, Last, Unit or Out,
with a label), chosen by a small network from three tokens of the state: the next word, the
first word of the open entity and the word before the next. spaCy decodes it in C state by
state, and in this build every step of that loop takes and releases the interpreter lock
(perf showed 19% of the whole pipeline in the lock's mutex calls). Because every move consumes
exactly one token, all documents of a batch advance in step: at step t each unfinished
document reads its token t. ``FastNER`` therefore runs the stock model's own layers (tok2vec,
the precomputed lower layer, the output layer: same weights, nothing retrained) and makes the
greedy choice for the whole batch in a few numpy operations per step, with the stock rules for
which moves are valid (no entity across a sentence start, none starting on white space, In and
Last only continue the open entity's label). A batch that carries entities set before the NER
(preset ``ent_iob``) is handed to the stock component, which honours them. The unit test
compares the entities with the stock component's on news articles.
"""
from __future__ import annotations

import numpy

_BEGIN, _IN, _LAST, _UNIT, _OUT = range(5)
_CODES = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}


class FastNER:
    """Wraps the stock ``ner`` component ``stock`` (greedy, three state features, an output layer)."""

    def __init__(self, stock) -> None:
        model = stock.model
        if stock.cfg.get("beam_width", 1) != 1 or model.attrs.get("unseen_classes"):
            raise ValueError("FastNER decodes a greedy NER with every class seen")
        if not model.attrs.get("has_upper") or len(model.layers) != 3:
            raise ValueError("FastNER needs the tok2vec, lower and upper layers")
        tok2vec, lower, upper = model.layers
        if lower.get_dim("nF") != 3:
            raise ValueError("FastNER reads three state tokens (the NER feature set)")
        self.stock, self.model, self.tok2vec, self.lower = stock, model, tok2vec, lower
        self.W, self.b = upper.get_param("W"), upper.get_param("b")
        names = [stock.moves.get_class_name(i) for i in range(stock.moves.n_moves)]
        self.move = numpy.array([_CODES[n.split("-", 1)[0]] for n in names])
        self.label = numpy.array([stock.vocab.strings.add(n.split("-", 1)[1]) if "-" in n else 0
                                  for n in names], dtype="uint64")
        if set(self.move.tolist()) - set(_CODES.values()):
            raise ValueError("FastNER knows the moves B, I, L, U and O only")

    def __call__(self, doc):
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 128):
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            if any(t.ent_iob for d in batch for t in d):
                yield from self.stock.pipe(batch, batch_size=len(batch))
                continue
            for doc, spans in zip(batch, self.decode(batch)):
                _set(doc, spans)
                yield doc

    def decode(self, docs) -> list[list[tuple[int, int, int]]]:
        """(start, end, label) of every entity of each Doc, by the stock model's greedy moves."""
        lengths = numpy.array([len(d) for d in docs])
        out: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        if not lengths.sum():
            return out
        full = [d for d in docs if len(d)]
        cached = self.lower.predict(self.tok2vec.predict(full))  # (tokens + 1, 3, nO, nP); row 0 pads
        bias = self.lower.get_param("b")
        offsets = numpy.zeros(len(docs), dtype="int64")
        offsets[1:] = numpy.cumsum(lengths)[:-1]
        sent_next = numpy.zeros(int(lengths.sum()) + 1, dtype=bool)  # token t+1 starts a sentence
        space = numpy.zeros(int(lengths.sum()), dtype=bool)
        for doc, off in zip(docs, offsets):
            if len(doc):
                starts = doc.to_array("SENT_START")
                sent_next[off:off + len(doc) - 1] = starts[1:] == 1
                space[off:off + len(doc)] = doc.to_array("IS_SPACE").astype(bool)
        is_b, is_i, is_l, is_u, is_o = (self.move == m for m in range(5))
        labelled = self.label != 0
        opened = numpy.zeros(len(docs), dtype=bool)
        first = numpy.zeros(len(docs), dtype="int64")
        open_label = numpy.zeros(len(docs), dtype="uint64")
        for t in range(int(lengths.max())):
            live = numpy.flatnonzero(lengths > t)
            g = offsets[live] + t  # the next word, as a row of the batch
            op = opened[live]
            rows1 = numpy.where(op, offsets[live] + first[live] + 1, 0)
            rows2 = numpy.where(op, g, 0)  # the word before the next (g - 1, shifted by the pad row)
            h = cached[g + 1, 0] + cached[rows1, 1]
            h += cached[rows2, 2]
            h += bias
            scores = h.max(axis=-1) @ self.W.T
            scores += self.b
            two_left = (lengths[live] - t) >= 2
            nxt, sp = sent_next[g], space[g]
            same = self.label[None, :] == open_label[live][:, None]
            o, lo = op[:, None], labelled[None, :]
            valid = ((is_b & lo & ~o & (two_left & ~nxt & ~sp)[:, None])
                     | (is_i & lo & o & same & (two_left & ~nxt)[:, None])
                     | (is_l & lo & o & same)
                     | (is_u & lo & ~o & ~sp[:, None])
                     | (is_o & ~o))
            scores[~valid] = -numpy.inf
            guess = scores.argmax(axis=1)
            moves, labels = self.move[guess], self.label[guess]
            for k in numpy.flatnonzero((moves == _LAST) | (moves == _UNIT)).tolist():
                d = live[k]
                start = int(first[d]) if moves[k] == _LAST else t
                out[d].append((start, t + 1, int(labels[k])))
            began = moves == _BEGIN
            opened[live] = (op & (moves == _IN)) | began
            first[live[began]] = t
            open_label[live[began]] = labels[began]
        return out


def _set(doc, spans) -> None:
    """As the stock component: these entities, every other token outside one."""
    from spacy.tokens import Span

    doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in spans], default="outside")
