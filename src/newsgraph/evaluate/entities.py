"""Evaluation of the entities stage on CoNLL-2003 (CoNLL++ release), English dev.

Each -DOCSTART- document becomes one article: tokens joined by one space, sentences by a
newline. Two systems run on the same texts in the same process:
- ``ours``: the pipeline with the entities stage only (spaCy + entities.v1), scoring every
  name mention of the record (not descriptive title mentions such as "the Deputy
  Chairman", not a place nested in an organisation's name);
- ``spacy``: the bare spaCy model's ``doc.ents``.
Types map to CoNLL's: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP/EVENT/LAW/PRODUCT/
WORK_OF_ART/LANGUAGE->MISC; dates, numbers and the like are dropped. A prediction counts
when its character span and type equal a gold entity's (micro precision/recall/F1).
``docs_per_s`` times each system end to end (spaCy included).
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from ..errors import EvalError
from ..model import Article

TYPE_MAP = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
    "LANGUAGE": "MISC",
}
DEV_FILE = "conllpp_dev.txt"

Span = tuple[int, int, str]


def gold_file(gold: str | Path) -> Path:
    p = Path(gold)
    if p.is_dir():
        p = p / DEV_FILE
    if not p.is_file():
        raise EvalError(f"CoNLL gold file not found at {p}; pass --gold the folder holding {DEV_FILE} "
                        "(../shared/gold/ner) or the file itself")
    return p


def read_conll(path: str | Path, limit: int | None = None) -> list[tuple[str, list[Span]]]:
    """(text, gold spans) per document, text rebuilt from the tokens."""
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []
    for line in gold_file(path).read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols:
            if sent and docs:
                docs[-1].append(sent)
            sent = []
        elif cols[0] == "-DOCSTART-":
            docs.append([])
        else:
            if len(cols) < 2:
                raise EvalError(f"malformed CoNLL line {line!r} in {path}: expected 'token ... tag'")
            sent.append((cols[0], cols[-1]))
        if limit is not None and len(docs) > limit:
            break
    if sent and docs:
        docs[-1].append(sent)
    docs = [d for d in docs if d][:limit]
    return [_document(d) for d in docs]


def _document(sents: list[list[tuple[str, str]]]) -> tuple[str, list[Span]]:
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    for s_index, sent in enumerate(sents):
        if s_index:
            parts.append("\n")
            pos += 1
        open_: list | None = None
        for t_index, (tok, tag) in enumerate(sent):
            if t_index:
                parts.append(" ")
                pos += 1
            start, end = pos, pos + len(tok)
            parts.append(tok)
            pos = end
            kind = tag[2:] if tag != "O" else None
            if kind and open_ is not None and open_[2] == kind and not tag.startswith("B-"):
                open_[1] = end
                continue
            if open_ is not None:
                spans.append(tuple(open_))
            open_ = [start, end, kind] if kind else None
        if open_ is not None:
            spans.append(tuple(open_))
    return "".join(parts), spans


def ours_spans(record) -> list[Span]:
    """The record's name mentions in CoNLL types (no title mentions, no nested places)."""
    from ..stages.entities.roles import is_title_mention

    text = record.article.text
    found: list[Span] = []
    for e in record.get("entities"):
        kind = TYPE_MAP.get(e.type)
        if kind is None:
            continue
        for s, t in e.mentions:
            if e.type == "PERSON" and is_title_mention(text[s:t]):
                continue
            found.append((s, t, kind))
    return _outermost(found)


def _outermost(spans: list[Span]) -> list[Span]:
    spans = sorted(set(spans), key=lambda x: (x[0], -x[1]))
    out: list[Span] = []
    for sp in spans:
        if out and sp[0] >= out[-1][0] and sp[1] <= out[-1][1]:
            continue
        out.append(sp)
    return out


def spacy_spans(doc) -> list[Span]:
    return [(e.start_char, e.end_char, TYPE_MAP[e.label_]) for e in doc.ents if e.label_ in TYPE_MAP]


def score(gold: list[list[Span]], pred: list[list[Span]]) -> dict:
    tp = n_gold = n_pred = 0
    by_type: dict[str, Counter] = {}
    for g, p in zip(gold, pred):
        gs, ps = set(g), set(p)
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
        for kind, n in (("tp", gs & ps), ("gold", gs), ("pred", ps)):
            for sp in n:
                by_type.setdefault(sp[2], Counter())[kind] += 1
    out = _prf(tp, n_gold, n_pred)
    out["by_type"] = {k: _prf(c["tp"], c["gold"], c["pred"]) for k, c in sorted(by_type.items())}
    return out


def _prf(tp: int, n_gold: int, n_pred: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "gold": n_gold, "predicted": n_pred}


def run_ours(texts: list[str]) -> tuple[list[list[Span]], float]:
    from ..model import Rejection
    from ..pipeline import Pipeline, select

    pipe = Pipeline(select(["entities"]))
    arts = [Article(id=f"conll-{i}", text=t) for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    out = []
    for rec in pipe.run(arts):
        if isinstance(rec, Rejection):
            raise EvalError(f"the entities stage failed on {rec.origin}: {rec.message}")
        out.append(ours_spans(rec))
    return out, time.perf_counter() - t0


def run_spacy(texts: list[str]) -> tuple[list[list[Span]], float]:
    from .. import nlp as nlp_mod

    nlp = nlp_mod.load()
    t0 = time.perf_counter()
    out = [spacy_spans(doc) for doc in nlp.pipe(texts, batch_size=16)]
    return out, time.perf_counter() - t0


def evaluate(gold: str | Path, limit: int | None = None, peers: bool = True) -> dict:
    """Scores of ours (and of bare spaCy when ``peers``) on CoNLL++ dev, with docs/s."""
    docs = read_conll(gold, limit)
    texts = [t for t, _ in docs]
    gold_spans = [g for _, g in docs]
    from .. import nlp as nlp_mod

    list(nlp_mod.load().pipe(texts[:2]))  # loading and warming up the model is no system's time
    pred, secs = run_ours(texts)
    result = {"gold": str(gold_file(gold)), "docs": len(docs), "metric": "exact span and type, micro",
              "ours": {**score(gold_spans, pred), "docs_per_s": round(len(docs) / secs, 2)}}
    if peers:
        pred, secs = run_spacy(texts)
        result["peers"] = {"spacy": {**score(gold_spans, pred), "docs_per_s": round(len(docs) / secs, 2)}}
    return result
