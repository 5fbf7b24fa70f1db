"""Speed of the Russian NLP (natasha wrapped as spaCy Docs) beside the English spaCy model.

    python benchmarks/ru_nlp.py [--limit N] [--gold ../shared/gold]

Texts: the first N factRuEval-2016 dev documents (Russian) and the first N PolNeAR dev
articles (English), read from the gold folder at run time. Each configuration runs in its
own fresh subprocess: load time, then one timed pass (batch 16) after a two-text warm-up;
articles/s, characters/s and peak memory. ``ru``/``en``: the NLP alone; ``both``: both
pipelines loaded in one process, each language's full record (NLP + its six stages) timed
on its own texts, and the peak memory with both loaded. One short run (the machine is
shared). Results go to benchmarks/results/ru_nlp.json with the command.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def texts(kind: str, gold: Path, limit: int) -> list[str]:
    if kind == "ru":
        files = sorted((gold / "ru" / "factRuEval-2016" / "devset").glob("*.txt"))[:limit]
    else:
        files = sorted((gold / "quotes" / "polnear" / "dev" / "text").glob("*.txt"))[:limit]
    if not files:
        sys.exit(f"no {kind} texts under {gold}; pass --gold")
    return [f.read_text(encoding="utf-8") for f in files]


def worker(kind: str, gold: Path, limit: int) -> dict:
    t0 = time.perf_counter()
    if kind == "ru":
        from newsgraph.lang.ru.nlp import load
    else:
        from newsgraph.nlp import load
    nlp = load()
    load_s = time.perf_counter() - t0
    items = texts(kind, gold, limit)
    list(nlp.pipe(items[:2]))
    t0 = time.perf_counter()
    n_tok = sum(len(d) for d in nlp.pipe(items, batch_size=16))
    secs = time.perf_counter() - t0
    return {"pipeline": kind, "articles": len(items), "chars": sum(map(len, items)), "tokens": n_tok,
            "load_s": round(load_s, 2), "seconds": round(secs, 2),
            "articles_per_s": round(len(items) / secs, 2),
            "chars_per_s": round(sum(map(len, items)) / secs),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def _records(kind: str, items: list[str]) -> float:
    """Seconds for the full record of each text (NLP + the language's stages)."""
    from newsgraph.model import Article, ArticleRecord
    from newsgraph.resources import Context

    if kind == "en":
        from newsgraph.pipeline import Pipeline

        t0 = time.perf_counter()
        list(Pipeline().run(Article(id=str(i), text=t, published="2024-01-01") for i, t in enumerate(items)))
        return time.perf_counter() - t0
    from newsgraph.lang.ru.nlp import load
    from newsgraph.lang import get
    from newsgraph.lang.ru.stages import STAGES

    t0 = time.perf_counter()
    for i, (text, doc) in enumerate(zip(items, load().pipe(items, batch_size=16))):
        rec = ArticleRecord(article=Article(id=str(i), text=text, published="2024-01-01", lang="ru"))
        for st in STAGES:
            rec.facts[st.produces] = st.run(doc, Context(published="2024-01-01", lang=get("ru")), rec)
    return time.perf_counter() - t0


def both(gold: Path, limit: int) -> dict:
    from newsgraph.lang.ru.nlp import load as load_ru
    from newsgraph.nlp import load as load_en

    t0 = time.perf_counter()
    load_ru(), load_en()
    out = {"pipeline": "both (full records)", "load_s": round(time.perf_counter() - t0, 2)}
    for kind in ("ru", "en"):
        items = texts(kind, gold, limit)
        _records(kind, items[:2])
        secs = _records(kind, items)
        out[kind] = {"articles": len(items), "seconds": round(secs, 2), "articles_per_s": round(len(items) / secs, 2),
                     "chars_per_s": round(sum(map(len, items)) / secs)}
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--gold", type=Path, default=HERE.parent.parent / "shared" / "gold")
    ap.add_argument("--worker", choices=["ru", "en", "both"])
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(both(a.gold, a.limit) if a.worker == "both" else worker(a.worker, a.gold, a.limit)))
        return
    runs = []
    for kind in ("ru", "en", "both"):
        out = subprocess.run([sys.executable, __file__, "--worker", kind, "--gold", str(a.gold),
                              "--limit", str(a.limit)], capture_output=True, text=True)
        if out.returncode:
            sys.exit(f"the {kind} run failed:\n{out.stderr[-3000:]}")
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    result = {"command": f"python benchmarks/ru_nlp.py --limit {a.limit}", "machine": platform.platform(),
              "note": "one run per configuration on a shared 2-core machine; Russian = factRuEval dev, "
                      "English = PolNeAR dev; the English articles are longer, compare chars/s too; "
                      "'both' = both pipelines in one process, full records",
              "runs": runs,
              "ru_vs_en_chars_per_s": round(runs[0]["chars_per_s"] / runs[1]["chars_per_s"], 2)}
    (HERE / "results" / "ru_nlp.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
