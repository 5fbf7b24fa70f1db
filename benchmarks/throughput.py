"""Throughput of `extract` beside a bare pass of the same models, same articles, same run.

    python benchmarks/throughput.py [--lang en|ru] [--limit N] [--repeat R] [--gold ../shared/gold]

Configurations run in fresh subprocesses, interleaved, R times each, with 1 and 2 processes:
English (PolNeAR train texts): the bare spaCy model as spaCy ships it (``nlp.pipe``), the same
bare pass with its matrix products on numpy's BLAS as newsgraph runs them ("spacy_numpy", one
process: the cost of the model alone at parity), and the newsgraph pipeline. Russian
(factRuEval dev texts): natasha's own full pass (segment, morphology, syntax, NER per Doc) and
the newsgraph pipeline. BLAS runs in one thread in every process. Reports medians of articles/s and words/s, the ratio newsgraph/peer,
the 2-process speed-ups, seconds per stage (1 process) and peak memory. Results go to
benchmarks/results/throughput.json (throughput_ru.json for Russian) with the command.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONFIGS = {"en": [("spacy", 1), ("spacy_numpy", 1), ("newsgraph", 1), ("spacy", 2), ("newsgraph", 2)],
           "ru": [("natasha", 1), ("newsgraph", 1), ("natasha", 2), ("newsgraph", 2)]}
PEER = {"en": "spacy", "ru": "natasha"}
# every configuration and every process it starts runs numpy's BLAS in one thread, as newsgraph
# parses: unlimited, natasha's bare pass used 5.8 s of CPU in 2.9 s on two cores
ONE_THREAD = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def load_texts(gold: Path, limit: int | None, lang: str = "en") -> list[str]:
    folder = (gold / "quotes" / "polnear" / "train" / "text" if lang == "en"
              else gold / "ru" / "factRuEval-2016" / "devset")
    files = sorted(folder.glob("*.txt"))[:limit]
    if not files:
        sys.exit(f"no articles under {folder}; pass --gold")
    return [f.read_text(encoding="utf-8") for f in files]


def worker(kind: str, procs: int, gold: Path, limit: int | None, lang: str = "en") -> dict:
    """Runs in a subprocess: time one configuration after loading the models."""
    texts = load_texts(gold, limit, lang)
    stages = {}
    if kind == "newsgraph":
        from newsgraph import lang as lang_mod
        from newsgraph.model import Article
        from newsgraph.pipeline import Pipeline

        nlp = lang_mod.get(lang).nlp()
        list(nlp.pipe(texts[:2]))  # warm up
        t0 = time.perf_counter()
        pipe = Pipeline()
        arts = [Article(id=str(i), text=t, published="2016-10-01", lang=lang) for i, t in enumerate(texts)]
        n = sum(1 for _ in pipe.run(arts, n_process=procs))
        assert n == len(texts)
        stages = {k: round(v, 3) for k, v in pipe.timings.seconds.items()}
    elif kind == "natasha":
        _natasha_pass(texts[:2])  # warm up
        t0 = time.perf_counter()
        if procs == 1:
            _natasha_pass(texts)
        else:
            import multiprocessing

            with multiprocessing.get_context("spawn").Pool(procs) as pool:
                pool.map(_natasha_pass, [texts[i::procs * 4] for i in range(procs * 4)])
    else:
        nlp = _bare_spacy(numpy_products=kind == "spacy_numpy")
        list(nlp.pipe(texts[:2]))  # warm up
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16, n_process=procs):
            pass
    secs = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"kind": kind, "processes": procs, "articles": len(texts), "words": words,
            "seconds": round(secs, 3), "articles_per_s": round(len(texts) / secs, 2),
            "words_per_s": round(words / secs, 1), "stage_seconds": stages,
            "peak_rss_mb": round(peak_self + (peak_children if procs > 1 else 0), 1)}


def _bare_spacy(numpy_products: bool):
    """The stock English model as spaCy ships it; with ``numpy_products`` its matrix products go
    to numpy's BLAS in one thread, as newsgraph runs them (nlp._numpy_products)."""
    import spacy

    from newsgraph import nlp as nlp_mod

    nlp = spacy.load(nlp_mod.MODEL)
    if numpy_products:
        from threadpoolctl import threadpool_limits

        nlp_mod._numpy_products(nlp)
        threadpool_limits(1, user_api="blas")  # as newsgraph parses (also set by ONE_THREAD)
    return nlp


_NATASHA: tuple | None = None


def _natasha_pass(texts: list[str]) -> int:
    """natasha's documented full pass, one Doc per text: segment, morphology, syntax, NER."""
    global _NATASHA
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    if _NATASHA is None:
        emb = NewsEmbedding()
        _NATASHA = (Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb))
    seg, morph, syntax, ner = _NATASHA
    for text in texts:
        doc = Doc(text)
        doc.segment(seg)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
    return len(texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    ap.add_argument("--lang", choices=sorted(CONFIGS), default="en")
    ap.add_argument("--limit", type=int, default=None, help="first N articles (default: all 840)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None, help="default: results/throughput[_ru].json")
    ap.add_argument("--worker", nargs=2, metavar=("KIND", "PROCS"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(worker(a.worker[0], int(a.worker[1]), a.gold, a.limit, a.lang)))
        return
    out_path = a.out or HERE / "results" / ("throughput.json" if a.lang == "en" else f"throughput_{a.lang}.json")
    configs = CONFIGS[a.lang]
    runs: dict[tuple[str, int], list[dict]] = {c: [] for c in configs}
    for r in range(a.repeat):
        for kind, procs in configs:
            cmd = [sys.executable, __file__, "--worker", kind, str(procs), "--gold", str(a.gold),
                   "--lang", a.lang]
            if a.limit:
                cmd += ["--limit", str(a.limit)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=ONE_THREAD).stdout
            res = json.loads(out.strip().splitlines()[-1])
            runs[(kind, procs)].append(res)
            print(f"run {r + 1}/{a.repeat} {kind:11s} x{procs}: {res['articles_per_s']:7.2f} articles/s "
                  f"{res['words_per_s']:9.0f} words/s  peak {res['peak_rss_mb']:.0f} MB", file=sys.stderr)
    med = {f"{k}_{p}proc": _median(v) for (k, p), v in runs.items()}
    peer = PEER[a.lang]
    s1, n1, n2 = med[f"{peer}_1proc"], med["newsgraph_1proc"], med["newsgraph_2proc"]
    stage_total = sum(n1["stage_seconds"].values())
    ratio = lambda p: round(p["articles_per_s"] / n1["articles_per_s"], 3)  # noqa: E731
    result = {
        "command": " ".join(["python", "benchmarks/throughput.py"] + sys.argv[1:]),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "blas_threads": 1},
        "medians": med,
        f"cost_ratio_newsgraph_over_{peer}_1proc": ratio(s1),
        **({"cost_ratio_newsgraph_over_spacy_numpy_1proc": ratio(med["spacy_numpy_1proc"])}
           if "spacy_numpy_1proc" in med else {}),
        "speedup_newsgraph_2proc_over_1proc": round(n2["articles_per_s"] / n1["articles_per_s"], 3),
        f"speedup_{peer}_2proc_over_1proc": round(med[f"{peer}_2proc"]["articles_per_s"] / s1["articles_per_s"], 3),
        "stage_share_of_pipeline_1proc": {k: round(v / stage_total, 4) for k, v in n1["stage_seconds"].items()},
        "stage_added_over_spacy_1proc": {
            k: round(v / n1["stage_seconds"].get("spacy", 1), 4)  # "spacy" = the language's NLP
            for k, v in n1["stage_seconds"].items() if k != "spacy"},
        "runs": {f"{k}_{p}proc": v for (k, p), v in runs.items()},
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k.startswith(("cost_", "speedup_", "stage_added"))},
                     indent=2))


def _median(results: list[dict]) -> dict:
    best = sorted(results, key=lambda r: r["seconds"])[len(results) // 2]
    out = dict(best)
    out["seconds_all"] = [r["seconds"] for r in results]
    out["articles_per_s"] = round(statistics.median(r["articles_per_s"] for r in results), 2)
    out["words_per_s"] = round(statistics.median(r["words_per_s"] for r in results), 1)
    return out


if __name__ == "__main__":
    main()
