"""Throughput of `extract` beside a bare spaCy pass of the same model, same articles, same run.

    python benchmarks/throughput.py [--limit N] [--repeat R] [--gold ../shared/gold]

Configurations run in fresh subprocesses, interleaved, R times each: bare spaCy (nlp.pipe)
and the newsgraph pipeline, with 1 and 2 processes. Reports medians of articles/s and
words/s, the ratio newsgraph/spaCy, the 2-process speed-up, seconds per stage (1 process)
and peak memory. Results go to benchmarks/results/throughput.json with the command.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONFIGS = [("spacy", 1), ("newsgraph", 1), ("spacy", 2), ("newsgraph", 2)]


def load_texts(gold: Path, limit: int | None) -> list[str]:
    files = sorted((gold / "quotes" / "polnear" / "train" / "text").glob("*.txt"))[:limit]
    if not files:
        sys.exit(f"no PolNeAR articles under {gold}/quotes/polnear/train/text; pass --gold")
    return [f.read_text(encoding="utf-8") for f in files]


def worker(kind: str, procs: int, gold: Path, limit: int | None) -> dict:
    """Runs in a subprocess: time one configuration after loading the model."""
    import spacy

    from newsgraph import nlp as nlp_mod
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline

    texts = load_texts(gold, limit)
    # the peer is the stock model as spaCy ships it; newsgraph loads its own variant (nlp.py:
    # compiled attribute rules instead of the attribute_ruler Matcher, sentence starts at blank lines)
    nlp = spacy.load(nlp_mod.MODEL) if kind == "spacy" else nlp_mod.load()
    list(nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    stages = {}
    if kind == "spacy":
        for _ in nlp.pipe(texts, batch_size=16, n_process=procs):
            pass
    else:
        pipe = Pipeline()
        arts = [Article(id=str(i), text=t, published="2016-10-01") for i, t in enumerate(texts)]
        n = sum(1 for _ in pipe.run(arts, n_process=procs))
        assert n == len(texts)
        stages = {k: round(v, 3) for k, v in pipe.timings.seconds.items()}
    secs = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"kind": kind, "processes": procs, "articles": len(texts), "words": words,
            "seconds": round(secs, 3), "articles_per_s": round(len(texts) / secs, 2),
            "words_per_s": round(words / secs, 1), "stage_seconds": stages,
            "peak_rss_mb": round(peak_self + (peak_children if procs > 1 else 0), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    ap.add_argument("--limit", type=int, default=None, help="first N articles (default: all 840)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "throughput.json")
    ap.add_argument("--worker", nargs=2, metavar=("KIND", "PROCS"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(worker(a.worker[0], int(a.worker[1]), a.gold, a.limit)))
        return
    runs: dict[tuple[str, int], list[dict]] = {c: [] for c in CONFIGS}
    for r in range(a.repeat):
        for kind, procs in CONFIGS:
            cmd = [sys.executable, __file__, "--worker", kind, str(procs), "--gold", str(a.gold)]
            if a.limit:
                cmd += ["--limit", str(a.limit)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            res = json.loads(out.strip().splitlines()[-1])
            runs[(kind, procs)].append(res)
            print(f"run {r + 1}/{a.repeat} {kind:9s} x{procs}: {res['articles_per_s']:7.2f} articles/s "
                  f"{res['words_per_s']:9.0f} words/s  peak {res['peak_rss_mb']:.0f} MB", file=sys.stderr)
    med = {f"{k}_{p}proc": _median(v) for (k, p), v in runs.items()}
    s1, n1, n2 = med["spacy_1proc"], med["newsgraph_1proc"], med["newsgraph_2proc"]
    stage_total = sum(n1["stage_seconds"].values())
    result = {
        "command": " ".join(["python", "benchmarks/throughput.py"] + sys.argv[1:]),
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "medians": med,
        "cost_ratio_newsgraph_over_spacy_1proc": round(s1["articles_per_s"] / n1["articles_per_s"], 3),
        "speedup_newsgraph_2proc_over_1proc": round(n2["articles_per_s"] / n1["articles_per_s"], 3),
        "stage_share_of_pipeline_1proc": {k: round(v / stage_total, 4) for k, v in n1["stage_seconds"].items()},
        "stage_added_over_spacy_1proc": {
            k: round(v / n1["stage_seconds"].get("spacy", 1), 4)
            for k, v in n1["stage_seconds"].items() if k != "spacy"},
        "runs": {f"{k}_{p}proc": v for (k, p), v in runs.items()},
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: result[k] for k in ("cost_ratio_newsgraph_over_spacy_1proc",
                                             "speedup_newsgraph_2proc_over_1proc",
                                             "stage_added_over_spacy_1proc")}, indent=2))


def _median(results: list[dict]) -> dict:
    best = sorted(results, key=lambda r: r["seconds"])[len(results) // 2]
    out = dict(best)
    out["seconds_all"] = [r["seconds"] for r in results]
    out["articles_per_s"] = round(statistics.median(r["articles_per_s"] for r in results), 2)
    out["words_per_s"] = round(statistics.median(r["words_per_s"] for r in results), 1)
    return out


if __name__ == "__main__":
    main()
