"""A small learned cue model: which verbs outside the lexicon introduce an attribution.

Logistic regression over sparse features of a (verb, content) pair, trained on PolNeAR train
by ``newsgraph.train.quotes``; the weights ship as data/quotes_cue_model.json and scoring
is a dictionary sum (no ML library at run time). Without the file the model is off.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "quotes_cue_model.json"
# content heads a verb can govern, by dependency label
_HEADS = ("ccomp", "xcomp", "dobj")


@functools.lru_cache(maxsize=1)
def weights() -> tuple[dict[str, float], float, float] | None:
    """(feature weights, bias, threshold), or None when no model is bundled."""
    if not MODEL_FILE.is_file():
        return None
    raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return raw["weights"], raw["bias"], raw["threshold"]


def content_heads(verb):
    """(kind, head token) pairs for the possible contents of a verb."""
    out = []
    for child in verb.children:
        if child.dep_ in _HEADS and not (child.dep_ == "dobj" and child.pos_ == "PRON"):
            out.append((child.dep_, child))
        elif child.dep_ == "prep":
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                out.append(("prep:" + child.lower_, obj))
    return out


def features(verb, kind: str, head, subj) -> list[str]:
    lemma = verb.lemma_.lower()
    base = kind.split(":")[0]
    f = [f"l={lemma}", f"k={kind}", f"lk={lemma}|{kind}", f"kb={base}", f"d={verb.dep_}",
         f"t={verb.tag_}", f"hp={head.pos_}", f"kd={base}|{verb.dep_}",
         f"s={subj.pos_ if subj is not None else 'none'}",
         f"se={subj.ent_type_ if subj is not None and subj.ent_type_ else '-'}",
         f"n={min(len(list(head.subtree)), 12) // 3}", f"ht={head.tag_}"]
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
        f.append("that")
    if any(c.dep_ == "neg" for c in verb.children):
        f.append("neg")
    return f


def score(feats: list[str]) -> float:
    w = weights()
    if w is None:
        return 0.0
    table, bias, _ = w
    z = bias + sum(table.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def threshold() -> float:
    w = weights()
    return w[2] if w else 1.0
