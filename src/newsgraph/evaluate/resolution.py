"""Cross-article resolution scored against our gold set (tests/data/resolve_gold).

The gold set groups mentions into real entities and real events; each mention is
{"doc", "text", "occ"} = the occ-th occurrence of text in that article. ``doc`` is
"examples/<file name | record id | URL>" or "polnear/<path under the PolNeAR folder>".

The articles are run through the pipeline into a temporary store, resolved with
``newsgraph.resolve``, and each gold mention is mapped to the store entity (or event
cluster) whose span covers it. Scores: pairwise precision/recall/F1 over mention pairs and
B-cubed, for entities and events. The peer is an exact-name baseline (same cleaned name ->
same entity; same event type and date -> same event), computed in the same run.
Events are scored over the gold event mentions the events stage extracted (clustering
quality); ``events_found`` reports how many gold event mentions were extracted at all.
"""
from __future__ import annotations

import json
import tempfile
import time
from itertools import combinations
from pathlib import Path

from .. import settings
from ..errors import EvalError

REPO = Path(__file__).resolve().parents[3]
ENTITY_FILES = ("examples_entities.json", "polnear_entities.json")
EVENT_FILES = ("examples_events.json",)


def evaluate(gold: str, limit: int | None = None, peers: bool = True, db: str | None = None) -> dict:
    """Score entity and event resolution; ``gold`` is the resolve gold folder (or ../shared/gold,
    in which case the repo's tests/data/resolve_gold is used with PolNeAR read from there).
    ``db`` keeps the store the evaluation built (tests look into it); default: a temporary one."""
    gold_dir, polnear = _locate(gold)
    ent_clusters = _load(gold_dir, ENTITY_FILES, limit)
    ev_clusters = _load(gold_dir, EVENT_FILES, None)
    docs = sorted({m["doc"] for c in ent_clusters + ev_clusters for m in c["mentions"]})
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsgraph-eval-resolve-") as tmp:
        from ..store import Store
        store = Store(db or str(Path(tmp) / "eval.duckdb"))
        try:
            articles = _build_store(store, docs, polnear)
            from ..resolve import run_incremental
            run_incremental(store)
            secs = time.perf_counter() - t0
            ent = _score_entities(store, articles, ent_clusters, peers)
            ev = _score_events(store, articles, ev_clusters, peers)
        finally:
            store.close()
    out = {"entities": ent, "events": ev, "docs": len(docs),
           "docs_per_second": round(len(docs) / secs, 2) if secs else None,
           "entity_pairs": ent["pairs"], "event_pairs": ev["pairs"]}
    out["entity_pairwise_f1"] = ent["ours"]["pairwise"]["f1"]
    out["entity_bcubed_f1"] = ent["ours"]["bcubed"]["f1"]
    out["event_pairwise_f1"] = ev["ours"]["pairwise"]["f1"]
    out["event_bcubed_f1"] = ev["ours"]["bcubed"]["f1"]
    return out


# ---------------------------------------------------------------- gold and documents

def _locate(gold: str) -> tuple[Path, Path]:
    p = Path(gold)
    if (p / ENTITY_FILES[0]).exists():
        gold_dir = p
        shared = Path(settings.get("gold_dir"))  # NEWSGRAPH_GOLD, else ../shared/gold of the checkout
    elif (p / "quotes" / "polnear").exists():
        gold_dir, shared = REPO / "tests" / "data" / "resolve_gold", p
    else:
        raise EvalError(f"{gold}: give the resolve gold folder (tests/data/resolve_gold) or ../shared/gold")
    polnear = shared / "quotes" / "polnear"
    if not polnear.exists():
        raise EvalError(f"{polnear}: PolNeAR is missing; the resolve gold set reads its articles from "
                        "there (set NEWSGRAPH_GOLD to the folder that holds quotes/polnear)")
    return gold_dir, polnear


def _load(gold_dir: Path, files: tuple[str, ...], limit: int | None) -> list[dict]:
    clusters = []
    for f in files:
        path = gold_dir / f
        if path.exists():
            clusters += json.loads(path.read_text(encoding="utf-8"))["clusters"]
    if limit:  # keep whole clusters; `limit` bounds the number of documents
        kept, docs = [], set()
        for c in clusters:
            new = {m["doc"] for m in c["mentions"]} - docs
            if len(docs | new) > limit and kept:
                continue
            kept.append(c)
            docs |= new
        clusters = kept
    return clusters


def _build_store(store, docs: list[str], polnear: Path) -> dict:
    """Read the documents, run the pipeline, write them; returns doc key -> (article id, text)."""
    from ..ingest import Options, read_paths
    from ..model import Article, Rejection
    from ..pipeline import Pipeline, select
    from ..store import writer

    wanted = set(docs)
    arts: dict[str, Article] = {}
    if any(d.startswith("examples/") for d in docs):
        for a in read_paths([str(REPO / "examples")], Options()):
            if isinstance(a, Rejection):
                continue
            base = Path(a.origin.split("#")[0].split(":")[0]).name
            for key in (base, a.id, a.url):
                if key and f"examples/{key}" in wanted:
                    arts[f"examples/{key}"] = a
    dates = _polnear_dates(polnear)
    for d in docs:
        if d.startswith("polnear/"):
            rel = d.removeprefix("polnear/")
            text = (polnear / rel).read_text(encoding="utf-8")
            stem = Path(rel).stem
            arts[d] = Article(id=stem, text=text, published=dates.get(stem), source=stem.split("_")[0],
                              origin=str(polnear / rel), lang="en")
    missing = [d for d in docs if d not in arts]
    if missing:
        raise EvalError(f"gold documents not found: {missing[:3]}; check tests/data/resolve_gold")
    # Examples get every stage (events, numbers); PolNeAR articles only what entities need.
    full = {a.id: a for k, a in arts.items() if k.startswith("examples/")}
    light = {a.id: a for k, a in arts.items() if not k.startswith("examples/")}
    for pipe, batch in ((Pipeline(), full), (Pipeline(select(["entities", "places"])), light)):
        if batch:
            records = [r for r in pipe.run(list(batch.values())) if not isinstance(r, Rejection)]
            writer.write_records(store, records)
    return {k: (a.id, a.text) for k, a in arts.items()}


def _polnear_dates(polnear: Path) -> dict[str, str]:
    meta = polnear / "metadata.tsv"
    out = {}
    if meta.exists():
        lines = meta.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        fi, di = head.index("filename"), head.index("publication_date")
        for line in lines[1:]:
            cells = line.split("\t")
            if len(cells) > max(fi, di):
                out[cells[fi]] = cells[di]
    return out


def _offset(text: str, s: str, occ: int) -> int | None:
    i = -1
    for _ in range(occ + 1):
        i = text.find(s, i + 1)
        if i < 0:
            return None
    return i


# ---------------------------------------------------------------- entities

def _score_entities(store, articles: dict, clusters: list[dict], peers: bool) -> dict:
    from ..resolve.names import clean
    spans = _entity_spans(store)
    gold, ours, peer = {}, {}, {}
    for ci, c in enumerate(clusters):
        for mi, m in enumerate(c["mentions"]):
            key = (ci, mi)
            gold[key] = ci
            aid, text = articles[m["doc"]]
            start = _offset(text, m["text"], m["occ"])
            hit = _cover(spans.get(aid, []), start, start + len(m["text"])) if start is not None else None
            ours[key] = hit[0] if hit else f"missing:{key}"
            peer[key] = f"{hit[2]}|{clean(hit[1]).lower()}" if hit else f"missing:{key}"
    res = {"mentions": len(gold), "found": sum(1 for k in ours if not str(ours[k]).startswith("missing")),
           "pairs": len(gold) * (len(gold) - 1) // 2,
           "same_pairs": sum(1 for a, b in combinations(gold, 2) if gold[a] == gold[b]),
           "ours": _scores(gold, ours)}
    if peers:
        res["exact_name_baseline"] = _scores(gold, peer)
    res["confusions"] = _confusions(gold, ours, clusters)
    return res


def _entity_spans(store) -> dict[str, list[tuple]]:
    rows = store.con.execute(
        "SELECT e.article_id, e.mentions, l.store_entity_id, e.name, e.type FROM entities e "
        "JOIN entity_links l ON l.article_id = e.article_id AND l.entity_id = e.id").fetchall()
    out: dict[str, list[tuple]] = {}
    for aid, mentions, sid, name, typ in rows:
        for s, e in json.loads(mentions or "[]"):
            out.setdefault(aid, []).append((s, e, sid, name, typ))
    return out


def _cover(spans: list[tuple], start: int, end: int):
    """The store entity (id, name, type) whose mention overlaps [start, end) the most."""
    best, best_ov = None, 0
    for s, e, sid, name, typ in spans:
        ov = min(e, end) - max(s, start)
        if ov > best_ov:
            best, best_ov = (sid, name, typ), ov
    return best


# ---------------------------------------------------------------- events

def _score_events(store, articles: dict, clusters: list[dict], peers: bool) -> dict:
    rows = store.con.execute(
        "SELECT e.article_id, e.id, e.trigger, e.sentence, e.type, e.date, m.cluster_id FROM events e "
        "LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.event_id = e.id").fetchall()
    by_art: dict[str, list[tuple]] = {}
    for aid, eid, trig, sent, typ, date, cid in rows:
        by_art.setdefault(aid, []).append((json.loads(trig or "[0,0]"), json.loads(sent or "[0,0]"),
                                           cid or f"{aid}/{eid}", f"{typ}|{date}"))
    gold, ours, peer = {}, {}, {}
    total = 0
    for ci, c in enumerate(clusters):
        for mi, m in enumerate(c["mentions"]):
            total += 1
            aid, text = articles[m["doc"]]
            start = _offset(text, m["text"], m["occ"])
            hit = _event_at(by_art.get(aid, []), start, start + len(m["text"])) if start is not None else None
            if hit is None:
                continue
            gold[(ci, mi)] = ci
            ours[(ci, mi)], peer[(ci, mi)] = hit
    res = {"mentions": total, "events_found": len(gold), "pairs": len(gold) * (len(gold) - 1) // 2,
           "gold_pairs": total * (total - 1) // 2, "ours": _scores(gold, ours)}
    if peers:
        res["type_date_baseline"] = _scores(gold, peer)
    res["confusions"] = _confusions(gold, ours, clusters)
    return res


def _event_at(events: list[tuple], start: int, end: int):
    """The event whose trigger overlaps the gold trigger, else one in the same sentence."""
    for trig, _, cid, base in events:
        if min(trig[1], end) > max(trig[0], start):
            return cid, base
    for trig, sent, cid, base in events:
        if sent[0] <= start < sent[1]:
            return cid, base
    return None


# ---------------------------------------------------------------- scores

def _scores(gold: dict, pred: dict) -> dict:
    keys = list(gold)
    tp = fp = fn = 0
    for a, b in combinations(keys, 2):
        g, p = gold[a] == gold[b], pred[a] == pred[b]
        tp += g and p
        fp += p and not g
        fn += g and not p
    pw = _prf(tp, tp + fp, tp + fn)
    pw.update({"tp": tp, "fp": fp, "fn": fn})
    return {"pairwise": pw, "bcubed": _bcubed(gold, pred)}


def _bcubed(gold: dict, pred: dict) -> dict:
    if not gold:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    gsets: dict = {}
    psets: dict = {}
    for k in gold:
        gsets.setdefault(gold[k], set()).add(k)
        psets.setdefault(pred[k], set()).add(k)
    p = sum(len(psets[pred[k]] & gsets[gold[k]]) / len(psets[pred[k]]) for k in gold) / len(gold)
    r = sum(len(psets[pred[k]] & gsets[gold[k]]) / len(gsets[gold[k]]) for k in gold) / len(gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _prf(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _confusions(gold: dict, pred: dict, clusters: list[dict], n: int = 12) -> list[str]:
    """A few wrong pairs, readable: 'split: Hillary Clinton: "Clinton" (doc) / ...'."""
    out = []
    for a, b in combinations(list(gold), 2):
        g, p = gold[a] == gold[b], pred[a] == pred[b]
        if g == p:
            continue
        ma, mb = clusters[a[0]]["mentions"][a[1]], clusters[b[0]]["mentions"][b[1]]
        kind = "split" if g else "merged"
        out.append(f"{kind}: {_label(clusters[a[0]])} {ma['text']!r} ({ma['doc'][-40:]}) / "
                   f"{_label(clusters[b[0]])} {mb['text']!r} ({mb['doc'][-40:]})")
        if len(out) >= n:
            break
    return out


def _label(cluster: dict) -> str:
    return cluster.get("entity") or cluster.get("event") or "?"
