"""Score the quotes stage (and textacy's direct quotations) on PolNeAR brat standoff.

Gold layout: ``<gold>/text/<name>.txt`` and ``<gold>/attributions/<name>_<annotator>.ann``;
when several annotators' files exist for one article, the first by file name is used.
An attribution is one ``E`` line (its Content, Cue and Source text-bound ids).

Figures, each for us and for the peer from the same run on the same articles:
- content exact P/R/F1: predicted content characters equal the gold content characters
  (both trimmed of white space and of ``.,;:`` at the ends);
- content overlap P/R/F1: characters shared / characters in the union >= 0.5, pairs
  matched one to one (best ratio first);
- speaker accuracy: on overlap-matched pairs whose gold attribution has a Source, the
  share where our speaker mention, or any mention of our speaker entity, overlaps it;
- docs_per_s: articles per second including the spaCy parse.
Our quotes that share one cue span (a quote split by its cue) count as one attribution
with a discontinuous content, as PolNeAR annotates them.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalError

_ANN_NAME = re.compile(r"^(?P<base>.+)_(?P<annotator>[0-9a-f]+)\.ann$")
_TRIM = " \t\r\n\xa0\u200b.,;:"


@dataclass
class Attribution:
    """One attribution: content character ranges and the speaker ranges that count."""

    content: list[tuple[int, int]]
    sources: list[tuple[int, int]] = field(default_factory=list)
    chars: frozenset[int] = frozenset()
    cue: str | None = None  # gold cue text, for error analysis
    cue_spans: list[tuple[int, int]] = field(default_factory=list)


def _chars(text: str, ranges: list[tuple[int, int]]) -> frozenset[int]:
    """Character indexes of the ranges, trimmed of white space and end punctuation."""
    out: set[int] = set()
    for s, e in ranges:
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        out.update(range(s, e))
    return frozenset(out)


def _parse_ann(path: Path) -> list[tuple[list, list, list]]:
    """(content ranges, source ranges, cue ranges) per attribution of one .ann file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = [tuple(map(int, frag.split())) for frag in offsets.split(";")]
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    out = []
    for roles in events:
        content = [r for k, v in roles.items() if k.startswith("Content") for r in spans.get(v, [])]
        if not content:
            continue
        source = spans.get(roles.get("Source", ""), [])
        out.append((content, source, spans.get(roles.get("Cue", ""), [])))
    return out


def load_gold(gold: str | Path, limit: int | None = None) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, attributions) per article, sorted by name."""
    root = Path(gold)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvalError(f"{root} is not a PolNeAR split: expected text/ and attributions/ inside; "
                        "pass e.g. ../shared/gold/quotes/polnear/dev")
    anns: dict[str, Path] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        m = _ANN_NAME.match(p.name)
        if m and m["base"] not in anns:
            anns[m["base"]] = p
    docs = []
    for txt in sorted(text_dir.glob("*.txt")):
        if txt.stem not in anns:
            continue
        text = txt.read_text(encoding="utf-8")
        atts = [Attribution(c, s, _chars(text, c), " ".join(text[a:b] for a, b in q).lower(), q)
                for c, s, q in _parse_ann(anns[txt.stem])]
        docs.append((txt.stem, text, [a for a in atts if a.chars]))
        if limit is not None and len(docs) >= limit:
            break
    if not docs:
        raise EvalError(f"no article in {text_dir} has an .ann file in {ann_dir}")
    return docs


def _ours(record) -> list[Attribution]:
    """Our quotes as attributions: grouped by cue span; speaker ranges = mention + entity mentions."""
    text = record.article.text
    mentions = {e.id: [tuple(m) for m in e.mentions] for e in record.get("entities")}
    groups: dict[object, Attribution] = {}
    for q in record.get("quotes"):
        key = (q.cue_start, q.cue_end) if q.cue_start is not None else q.id
        att = groups.setdefault(key, Attribution([]))
        att.content.append((q.start, q.end))
        if q.speaker_start is not None:
            att.sources.append((q.speaker_start, q.speaker_end))
        att.sources.extend(mentions.get(q.speaker, []))
    for att in groups.values():
        att.chars = _chars(text, att.content)
    return [a for a in groups.values() if a.chars]


def _textacy(doc) -> list[Attribution]:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy gives up on an odd number of quotation marks
        return []
    out = []
    for t in triples:
        content = [(t.content.start_char, t.content.end_char)]
        sources = [(tok.idx, tok.idx + len(tok)) for tok in t.speaker]
        out.append(Attribution(content, sources, _chars(doc.text, content)))
    return [a for a in out if a.chars]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Tally:
    """Counts for one system over all articles."""

    def __init__(self) -> None:
        self.pred = self.gold = self.exact = self.overlap = 0
        self.spk_total = self.spk_ok = 0
        self.seconds = 0.0

    def add(self, pred: list[Attribution], gold: list[Attribution]) -> None:
        self.pred += len(pred)
        self.gold += len(gold)
        gold_sets = {}
        for g in gold:
            gold_sets.setdefault(g.chars, 0)
            gold_sets[g.chars] += 1
        for p in pred:
            if gold_sets.get(p.chars):
                gold_sets[p.chars] -= 1
                self.exact += 1
        for p, g in _match(pred, gold):
            self.overlap += 1
            if g.sources:
                self.spk_total += 1
                self.spk_ok += any(_overlaps(s, gs) for s in p.sources for gs in g.sources)

    def scores(self, docs: int) -> dict:
        def prf(hit: int) -> dict:
            p = hit / self.pred if self.pred else 0.0
            r = hit / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

        return {
            "content_exact": prf(self.exact),
            "content_overlap": prf(self.overlap),
            "speaker_accuracy": round(self.spk_ok / self.spk_total, 4) if self.spk_total else 0.0,
            "speaker_pairs": self.spk_total,
            "predicted": self.pred,
            "gold": self.gold,
            "docs_per_s": round(docs / self.seconds, 2) if self.seconds else None,
        }


def _match(pred: list[Attribution], gold: list[Attribution]) -> list[tuple[Attribution, Attribution]]:
    """One-to-one pairs with shared/union >= 0.5, best ratio first."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            shared = len(p.chars & g.chars)
            if shared:
                ratio = shared / len(p.chars | g.chars)
                if ratio >= 0.5:
                    cands.append((-ratio, i, j))
    cands.sort()
    used_p, used_g, out = set(), set(), []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((pred[i], gold[j]))
    return out


def evaluate(gold: str | Path, limit: int | None = None, peers: bool = True) -> dict:
    """Scores of quotes.v1 (and textacy when ``peers``) on a PolNeAR split."""
    from .. import nlp as nlp_mod
    from ..model import Article
    from ..pipeline import Pipeline, Timings, select

    docs = load_gold(gold, limit)
    nlp = nlp_mod.load()
    pipe = Pipeline(select(["quotes"]))
    ours, peer = Tally(), Tally()
    t0 = time.perf_counter()
    parsed = list(nlp.pipe((text for _, text, _ in docs), batch_size=16))
    parse_s = time.perf_counter() - t0
    stage_s = 0.0
    for (name, text, atts), doc in zip(docs, parsed):
        t1 = time.perf_counter()
        rec = pipe.process_one(doc, Article(id=name, text=text, lang="en"), Timings())
        stage_s += time.perf_counter() - t1
        if not hasattr(rec, "facts"):
            raise EvalError(f"the pipeline rejected {name}: {rec.message}")
        ours.add(_ours(rec), atts)
        if peers:
            t1 = time.perf_counter()
            pred = _textacy(doc)
            peer.seconds += time.perf_counter() - t1
            peer.add(pred, atts)
    ours.seconds = parse_s + stage_s
    peer.seconds += parse_s
    out = {"stage": "quotes", "version": pipe.stages[-1].version, "gold": str(gold),
           "docs": len(docs), "ours": ours.scores(len(docs))}
    if peers:
        out["peers"] = {"textacy.direct_quotations": peer.scores(len(docs))}
    return out
