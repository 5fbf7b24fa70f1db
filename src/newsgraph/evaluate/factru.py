"""Evaluation of the Russian entities stage on factRuEval-2016 (dev collection).

Gold: each ``.objects`` line (Person, Org, Location, LocOrg) is one mention whose extent
runs from its first span's first character to its last span's last character (``.spans``
gives character offsets into the ``.txt``). Types: Person -> PER, Org -> ORG, Location and
LocOrg -> LOC; other objects (Project) are dropped.

Two systems on the same texts in the same run:
- ``ours``: the Russian NLP + ``stages.entities.ru``; every name mention of the record
  (PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC), not role mentions;
- ``natasha``: slovnet's raw NER spans (``doc.ents`` of the same Docs; PER/ORG/LOC).
A prediction matches a gold mention of the same type when their character ranges overlap
by at least half of their union (intersection / union >= 0.5); matching is one to one,
best overlap first. Micro precision/recall/F1 per type and overall.

The collection is split by sorted document number: even positions are the ``tune`` half
(rules and word lists were tuned looking at it), odd positions the ``held_out`` half.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

from ..errors import EvalError
from .entities import _prf

GOLD_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
OURS_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
PEER_TYPES = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC"}
MIN_OVERLAP = 0.5

Span = tuple[int, int, str]


def documents(gold: str | Path) -> list[tuple[str, str, list[Span]]]:
    """(document id, text, gold mentions), sorted by document number."""
    folder = Path(gold)
    if not folder.is_dir() or not list(folder.glob("*.objects")):
        raise EvalError(f"no factRuEval-2016 documents (*.txt + *.spans + *.objects) in {folder}; "
                        "pass --gold ../shared/gold/ru/factRuEval-2016/devset")
    out = []
    for obj in sorted(folder.glob("*.objects"), key=_doc_number):
        doc_id = obj.stem
        text = obj.with_suffix(".txt").read_text(encoding="utf-8")
        out.append((doc_id, text, _gold_mentions(obj, text)))
    return out


def _doc_number(p: Path) -> tuple[int, str]:
    m = re.search(r"(\d+)$", p.stem)
    return (int(m.group(1)) if m else 0, p.stem)


def _gold_mentions(obj: Path, text: str) -> list[Span]:
    spans: dict[str, tuple[int, int]] = {}
    for line in obj.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        cols = line.split("#")[0].split()
        if len(cols) >= 4:
            start = int(cols[2])
            spans[cols[0]] = (start, start + int(cols[3]))
    out = []
    for n, line in enumerate(obj.read_text(encoding="utf-8").splitlines(), 1):
        cols = line.split("#")[0].split()
        if len(cols) < 3 or cols[1] not in GOLD_TYPES:
            continue
        try:
            parts = [spans[s] for s in cols[2:]]
        except KeyError as exc:
            raise EvalError(f"{obj}:{n} names span {exc} that {obj.with_suffix('.spans').name} lacks") from exc
        out.append((min(p[0] for p in parts), max(p[1] for p in parts), GOLD_TYPES[cols[1]]))
    return out


def _overlap(a: Span, b: Span) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def match(gold: list[Span], pred: list[Span]) -> int:
    """Matches of one document: same type, overlap >= 0.5, one to one, best overlap first."""
    pairs = sorted(((_overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if g[2] == p[2] and _overlap(g, p) >= MIN_OVERLAP), reverse=True)
    used_g, used_p, n = set(), set(), 0
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            n += 1
    return n


def score(gold: list[list[Span]], pred: list[list[Span]]) -> dict:
    counts: dict[str, Counter] = {}
    for g, p in zip(gold, pred):
        for kind in ("PER", "ORG", "LOC"):
            gk = [s for s in g if s[2] == kind]
            pk = [s for s in p if s[2] == kind]
            c = counts.setdefault(kind, Counter())
            c["tp"] += match(gk, pk)
            c["gold"] += len(gk)
            c["pred"] += len(pk)
    total = sum(counts.values(), Counter())
    out = _prf(total["tp"], total["gold"], total["pred"])
    out["by_type"] = {k: _prf(c["tp"], c["gold"], c["pred"]) for k, c in counts.items()}
    return out


def ours_spans(entities) -> list[Span]:
    out = set()
    for e in entities:
        kind = OURS_TYPES.get(e.type)
        if kind is not None:
            out.update((s, t, kind) for s, t in e.mentions)
    return sorted(out)


def peer_spans(doc) -> list[Span]:
    return [(e.start_char, e.end_char, PEER_TYPES[e.label_]) for e in doc.ents if e.label_ in PEER_TYPES]


def _halves(n: int) -> dict[str, list[int]]:
    return {"tune": list(range(0, n, 2)), "held_out": list(range(1, n, 2))}


def evaluate(gold: str | Path, limit: int | None = None, peers: bool = True) -> dict:
    """Scores of ours and natasha on the dev collection, on each half and overall."""
    from ..stages.entities import ru as entities
    from ..lang.ru.nlp import load
    from ..model import Article, ArticleRecord
    from ..lang import get
    from ..resources import Context

    docs = documents(gold)[:limit]
    nlp = load()
    t0 = time.perf_counter()
    parsed = list(nlp.pipe([t for _, t, _ in docs], batch_size=16))
    nlp_secs = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = []
    for (doc_id, text, _), doc in zip(docs, parsed):
        rec = ArticleRecord(article=Article(id=doc_id, text=text, lang="ru"))
        ours.append(ours_spans(entities.run(doc, Context(published=None, lang=get("ru")), rec)))
    stage_secs = time.perf_counter() - t0
    systems = {"ours": ours}
    if peers:
        systems["natasha"] = [peer_spans(d) for d in parsed]
    gold_spans = [g for _, _, g in docs]
    result = {"gold": str(gold), "docs": len(docs), "metric": "overlap >= 0.5 (IoU of characters), type agrees, micro",
              "split": "documents sorted by number: even positions = tune half, odd = held_out half",
              "docs_per_s": {"nlp": round(len(docs) / nlp_secs, 2),
                             "ours_stage": round(len(docs) / max(stage_secs, 1e-9), 1)}}
    for half, idx in {"all": list(range(len(docs))), **_halves(len(docs))}.items():
        result[half] = {name: score([gold_spans[i] for i in idx], [pred[i] for i in idx])
                        for name, pred in systems.items()}
    return result
