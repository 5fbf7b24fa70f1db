"""Evaluation of events.v1 on two gold sets, chosen by path.

- PLOVER GSR (``.../plover/gsr_dev.json``): one sentence per record; the event type of
  our most confident event against the gold type (PLOVER 0.5 names mapped: DEMAND ->
  REQUEST, DISAPPROVE/INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT), and whether our actor
  (target) entity's name or a mention matches a gold source (target) actorText.
- IndiaPoliceEvents (``.../india-police-events``): documents run whole, events mapped to
  the labelled sentences; sentence-level precision/recall/F1 for KILL (an ASSAULT by
  police with deaths), ARREST (COERCE arrest) and FORCE (ASSAULT by police: the set's FORCE
  is killing or other force, so arrests, curfews and seizures, coercion without force, are not).
The peer is a keyword baseline (the lexicon's trigger words matched in the raw sentence,
no parse), so the scores show what the parse and roles add.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

from ..errors import EvalError

PLOVER_05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
LABELS = ("KILL", "ARREST", "FORCE")
_OK_FACT = {"asserted", "historical"}
_DEATH = re.compile(r"\b(kill\w*|dead|death\w*|died|dies|die|dying|succumb\w*|bod(y|ies)|toll|perish\w*|"
                    r"lives|life|casualt\w*|shot dead|fell to)\b")
_NORM = re.compile(r"[^a-z0-9 ]+")


def evaluate(gold: str | Path, limit: int | None = None, peers: bool = True) -> dict:
    path = Path(gold)
    if path.is_file() and path.suffix == ".json":
        return evaluate_gsr(path, limit, peers)
    if path.is_dir() and (path / "sents.jsonl").is_file():
        return evaluate_india(path, limit, peers)
    raise EvalError(f"{gold} is neither a PLOVER GSR .json file nor an IndiaPoliceEvents folder "
                    "(with sents.jsonl and docs.jsonl); pass one of those")


def _run(articles):
    """Records for articles, with the seconds the whole pipeline and the events stage took."""
    from ..pipeline import Pipeline, select

    pipe = Pipeline(select(["events"]))
    t0 = time.perf_counter()
    recs = list(pipe.run(articles))
    secs = time.perf_counter() - t0
    for r in recs:
        if not hasattr(r, "facts"):
            raise EvalError(f"the pipeline rejected {r.origin}: {r.message}")
    return recs, secs, pipe


def _norm(s: str) -> str:
    s = _NORM.sub(" ", s.lower())
    return " ".join(w for w in s.split() if w not in ("the", "a", "an", "of"))


def _match(gold_texts: list[str], ours: list[str]) -> bool:
    for g in map(_norm, gold_texts):
        for o in map(_norm, ours):
            if g and len(o) >= 2 and (o == g or f" {o} " in f" {g} " or f" {g} " in f" {o} "):
                return True
    return False


def _names(rec, eid: str | None) -> list[str]:
    if eid is None:
        return []
    text = rec.article.text
    for e in rec.get("entities"):
        if e.id == eid:
            return [e.name] + [text[s:t] for s, t in e.mentions]
    return []


def _actors(x, key: str) -> list[str]:
    v = x.get(key)
    if isinstance(v, str):
        return [v] if v.strip() else []
    return [a.get("actorText", "") for a in (v or []) if a.get("actorText")]


def load_gsr(path: Path, limit: int | None) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"cannot read PLOVER records from {path}: {exc}") from exc
    return data[:limit] if limit else data


def evaluate_gsr(path: Path, limit: int | None = None, peers: bool = True) -> dict:
    from ..model import Article

    data = load_gsr(path, limit)
    # the records' "date" is a placeholder (2000-01-01), not the publication date: leave it unknown
    arts = [Article(id=x["id"], text=x["text"], published=None) for x in data]
    recs, secs, pipe = _run(arts)
    tally = {"type": [0, 0], "actor": [0, 0], "target": [0, 0]}
    peer = [0, 0]
    for x, rec in zip(data, recs):
        gold_type = PLOVER_05.get(x["event"], x["event"])
        evs = sorted(rec.get("events"), key=lambda e: -e.confidence)
        top = evs[0] if evs else None
        _add(tally["type"], top is not None and top.type == gold_type)
        src, tgt = _actors(x, "source"), _actors(x, "target")
        if src:
            _add(tally["actor"], top is not None and _match(src, _names(rec, top.actor)))
        if tgt:
            _add(tally["target"], top is not None and _match(tgt, _names(rec, top.target)))
        if peers:
            _add(peer, keyword_type(x["text"]) == gold_type)
    out = {"stage": "events", "version": pipe.stages[-1].version, "gold": str(path), "set": "plover-gsr",
           "docs": len(data),
           "ours": {f"{k}_accuracy": round(v[0] / v[1], 4) if v[1] else 0.0 for k, v in tally.items()}
           | {"n": {k: v[1] for k, v in tally.items()}, "docs_per_second": round(len(data) / secs, 2)}}
    if peers:
        out["peers"] = {"keyword-baseline": {"type_accuracy": round(peer[0] / max(1, peer[1]), 4)}}
    return out


def _add(cell: list[int], ok: bool) -> None:
    cell[0] += int(bool(ok))
    cell[1] += 1


# -- IndiaPoliceEvents ----------------------------------------------------------------------

def load_india(path: Path, limit: int | None):
    """(docs, sentences): docs as (doc_id, text, date); sentences as (doc_id, start, end, labels)."""
    dates = {}
    for line in (path / "metadata.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        dates[m["doc_id"]] = m.get("date")
    docs = []
    for line in (path / "docs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        docs.append((d["doc_id"], d["doc_text"], dates.get(d["doc_id"])))
        if limit and len(docs) >= limit:
            break
    texts = {d: t for d, t, _ in docs}
    sents, cursor = [], {}
    for line in (path / "sents.jsonl").open(encoding="utf-8"):
        s = json.loads(line)
        doc_id = s["doc_id"]
        if doc_id not in texts:
            continue
        text, st = texts[doc_id], s["sent_text"]
        pos = text.find(st.strip(), cursor.get(doc_id, 0))
        if pos < 0:
            pos = text.find(st.strip())
        start = max(pos, 0)
        end = start + len(st.strip()) if pos >= 0 else start
        cursor[doc_id] = end if pos >= 0 else cursor.get(doc_id, 0)
        sents.append((doc_id, start, end, set(s["sent_labels"]), st))
    return docs, sents


def _police(ev, rec, words) -> bool:
    names = [ev.actor_text or ""] + _names(rec, ev.actor)
    return any(w in words for n in names for w in _norm(n).split())


def event_labels(ev, rec, sent_text: str, words) -> set[str]:
    """The IndiaPoliceEvents labels one of our events stands for."""
    out = set()
    if ev.factuality not in _OK_FACT:
        return out
    if ev.type == "COERCE" and ev.mode == "arrest":
        out.add("ARREST")
    by_police = _police(ev, rec, words)
    if ev.type == "ASSAULT" and by_police:
        out.add("FORCE")
        if _DEATH.search(sent_text.lower()):
            out.add("KILL")
    return out


def evaluate_india(path: Path, limit: int | None = None, peers: bool = True) -> dict:
    from ..model import Article
    from ..stages.events.lexicon import load

    docs, sents = load_india(path, limit)
    arts = [Article(id=str(d), text=t, published=date) for d, t, date in docs]
    recs, secs, pipe = _run(arts)
    words = load().words["police_words"]
    by_doc = {int(r.article.id): r for r in recs}
    ours = {lab: [0, 0, 0] for lab in LABELS}  # tp, fp, fn
    peer = {lab: [0, 0, 0] for lab in LABELS}
    for doc_id, start, end, gold, st in sents:
        rec = by_doc[doc_id]
        pred = set()
        for ev in rec.get("events"):
            if start <= ev.trigger[0] < end:
                pred |= event_labels(ev, rec, st, words)
        _count(ours, pred, gold)
        if peers:
            _count(peer, keyword_labels(st), gold)
    out = {"stage": "events", "version": pipe.stages[-1].version, "gold": str(path),
           "set": "india-police-events", "docs": len(docs), "sentences": len(sents),
           "ours": _prf(ours) | {"docs_per_second": round(len(docs) / secs, 2),
                                 "events_stage_share": _share(pipe)}}
    if peers:
        out["peers"] = {"keyword-baseline": _prf(peer)}
    return out


def _share(pipe) -> float:
    s = pipe.timings.seconds
    total = sum(s.values())
    return round(s.get("events", 0.0) / total, 4) if total else 0.0


def _count(tab, pred: set, gold: set) -> None:
    for lab in LABELS:
        p, g = lab in pred, lab in gold
        tab[lab][0] += p and g
        tab[lab][1] += p and not g
        tab[lab][2] += g and not p


def _prf(tab) -> dict:
    out = {}
    for lab, (tp, fp, fn) in tab.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[lab] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}
    return out


# -- the keyword baseline (peer) ------------------------------------------------------------

_KW_ARREST = re.compile(r"\b(arrest\w*|detain\w*|nabbed|custody)\b")
_KW_KILL = re.compile(r"\b(killed|shot dead|died)\b")
_KW_FORCE = re.compile(r"\b(fir(ed|ing)|lathi|tear ?gas|beat\w*|shot)\b")
_KW_POLICE = re.compile(r"\bpolice\w*\b")


def keyword_labels(sent: str) -> set[str]:
    s = sent.lower()
    out = set()
    if _KW_ARREST.search(s):
        out.add("ARREST")
    if _KW_POLICE.search(s) and _KW_KILL.search(s):
        out.add("KILL")
    if _KW_POLICE.search(s) and (_KW_FORCE.search(s) or _KW_KILL.search(s)):
        out.add("FORCE")
    return out


def keyword_type(sent: str) -> str | None:
    """The type of the first lexicon verb found as a plain word (no parse, no roles)."""
    from ..stages.events.lexicon import load

    lex = load()
    for w in re.findall(r"[a-z]+", sent.lower()):
        for cand in (w, w[:-1], w[:-2], w[:-3], w[:-2] + "e" if w.endswith("ed") else w):
            if cand in lex.verbs:
                return lex.verbs[cand][0][0]
    return None
