"""A small learned cue model: which verbs outside the lexicon introduce an attribution.

Logistic regression over sparse features of a (verb, content) pair, trained on PolNeAR train
by ``newsgraph.train.quotes``; the weights ship as ``lang/en/quotes_cue_model.json`` and
scoring is a dictionary sum (no ML library at run time). The file is part of the install: a
missing file is a ResourceError (``Language.data``), never a silently disabled model.
"""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class CueModel:
    """Feature weights, bias and acceptance threshold of the logistic cue model."""

    weights: dict[str, float]
    bias: float
    threshold: float

    @classmethod
    def from_json(cls, raw: dict) -> "CueModel":
        return cls(raw["weights"], raw["bias"], raw["threshold"])

    def score(self, feats: list[str]) -> float:
        """The probability that the (verb, content) pair of ``feats`` is an attribution."""
        z = self.bias + sum(self.weights.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def content_heads(verb, d):
    """(kind, head token) pairs for the possible contents of a verb (``d``: the language's
    ``Labels``; the content heads a verb can govern are its ``reported_content`` labels)."""
    out = []
    for child in verb.children:
        if child.dep_ in d.reported_content and not (child.dep_ in d.object and child.pos_ == "PRON"):
            out.append((child.dep_, child))
        elif child.dep_ in d.preposition:
            obj = next((g for g in child.children if g.dep_ in d.prep_complement), None)
            if obj is not None:
                out.append(("prep:" + child.lower_, obj))
    return out


def features(verb, kind: str, head, subj, d) -> list[str]:
    lemma = verb.lemma_.lower()
    base = kind.split(":")[0]
    f = [f"l={lemma}", f"k={kind}", f"lk={lemma}|{kind}", f"kb={base}", f"d={verb.dep_}",
         f"t={verb.tag_}", f"hp={head.pos_}", f"kd={base}|{verb.dep_}",
         f"s={subj.pos_ if subj is not None else 'none'}",
         f"se={subj.ent_type_ if subj is not None and subj.ent_type_ else '-'}",
         f"n={min(len(list(head.subtree)), 12) // 3}", f"ht={head.tag_}"]
    if any(c.dep_ in d.marker and c.lower_ == "that" for c in head.children):
        f.append("that")
    if any(c.dep_ in d.negation for c in verb.children):
        f.append("neg")
    return f

