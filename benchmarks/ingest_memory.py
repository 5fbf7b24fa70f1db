"""Peak memory of reading (and optionally ingesting) a large JSONL: does the reader stream?

1. Generate a JSONL (or CSV, or WARC) of --mb megabytes of short synthetic articles (about
   2.5 KB each, own words, ids and dates) in a temporary folder (or --file, reused).
2. In a fresh process, read every record with ``ingest.read_paths`` (decoding, checks,
   duplicate-id bookkeeping included) and sample the resident memory every 10% of the file;
   report the peak (VmHWM). A reader that streams stays flat; one that reads the whole file
   grows by about the file size (the issue measured 0.4 -> 3.6 GB for 1 GB before this).
   The duplicate-id check keeps about 300 bytes per distinct input id: that slope is the
   only growth (about 25 MB per 200 MB of 2.5 KB articles).
3. With --ingest N (JSONL), in another fresh process, ingest the first N articles into a new store
   with the full pipeline (model loaded) and report that peak too.

    python benchmarks/ingest_memory.py --mb 200 [--format jsonl|csv|warc] [--ingest 300] [--out FILE.json]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("the regional akimat said on Monday that flood water reached the outskirts of the city and about "
         "families were moved to schools while police detained men near the market after a protest over "
         "prices officials promised new buses roads and heating before the winter").split()
TOWNS = ["Taraz", "Shymkent", "Aktobe", "Oral", "Semey", "Kostanay", "Pavlodar", "Atyrau", "Turkistan"]


def _article(rnd: random.Random, n: int) -> dict:
    sents = []
    for _ in range(rnd.randint(12, 30)):  # about 2.5 KB, a short news article
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(10, 18))]
        sents.append(f"{rnd.choice(TOWNS)} " + " ".join(words) + f" {rnd.randint(2, 900)}.")
    return {"id": f"m{n:08d}", "published": f"2021-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            "source": "Synthetic Wire", "text": " ".join(sents)}


def generate(path: Path, mb: int, fmt: str, seed: int = 0) -> int:
    """Write about ``mb`` MB of JSONL, CSV or WARC; returns the number of articles."""
    rnd = random.Random(seed)
    target, n = mb * 1_000_000, 0
    with open(path, "wb") as f:
        if fmt == "csv":
            f.write(b"id,published,source,text\r\n")
        writer = _warc_writer(f) if fmt == "warc" else None
        while f.tell() < target:
            a = _article(rnd, n)
            if fmt == "jsonl":
                f.write((json.dumps(a) + "\n").encode())
            elif fmt == "csv":
                buf = io.StringIO()
                csv.writer(buf).writerow([a["id"], a["published"], a["source"], a["text"].replace(". ", ".\n", 3)])
                f.write(buf.getvalue().encode())
            else:
                _warc_page(writer, a)
            n += 1
    return n


def _warc_writer(f):
    from warcio.warcwriter import WARCWriter

    return WARCWriter(f, gzip=False)


def _warc_page(writer, a: dict) -> None:
    from warcio.statusandheaders import StatusAndHeaders

    html = f"<html><head><title>{a['id']}</title></head><body><article><p>{a['text']}</p></article></body></html>"
    hdr = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(f"http://synthetic.example/{a['id']}", "response",
                                                  payload=io.BytesIO(html.encode()), http_headers=hdr))


def _rss_mb(field: str = "VmRSS") -> float:
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def child_read(path: str, expected: int) -> dict:
    from newsgraph.ingest import Options, read_paths
    from newsgraph.model import Article

    base = _rss_mb()
    t0 = time.perf_counter()
    samples, n, rejected = [], 0, 0
    step = max(1, expected // 10)
    for item in read_paths([path], Options()):
        n += isinstance(item, Article)
        rejected += not isinstance(item, Article)
        if (n + rejected) % step == 0:
            samples.append(_rss_mb())
    return {"articles": n, "rejected": rejected, "seconds": round(time.perf_counter() - t0, 1),
            "rss_after_imports_mb": base, "rss_every_10pct_mb": samples, "peak_rss_mb": _rss_mb("VmHWM")}


def child_ingest(path: str, n: int) -> dict:
    from newsgraph import service

    part = Path(path).with_name(f"first-{n}.jsonl")  # JSONL: the first n lines
    with open(path, "rb") as src, open(part, "wb") as dst:
        for _ in range(n):
            dst.write(src.readline())
    with tempfile.TemporaryDirectory() as d:
        t0 = time.perf_counter()
        s = service.ingest([str(part)], str(Path(d) / "m.duckdb"), resolve=False)
        secs = time.perf_counter() - t0
    return {"articles": s.inserted, "rejected": s.rejected, "seconds": round(secs, 1),
            "articles_per_second": round(s.inserted / secs, 2), "peak_rss_mb": _rss_mb("VmHWM")}


def _in_child(*args: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=int, default=200, help="size of the generated JSONL in MB (default 200)")
    ap.add_argument("--format", choices=["jsonl", "csv", "warc"], default="jsonl")
    ap.add_argument("--file", help="where to write the input (default: a temporary folder; reused if it exists)")
    ap.add_argument("--ingest", type=int, default=0, help="also ingest the first N articles (full pipeline)")
    ap.add_argument("--out", help="write the JSON result here")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        fn = child_read if a.child[0] == "read" else child_ingest
        res = fn(a.child[1], int(a.child[2]))
        print(json.dumps(res))
        return 0
    with tempfile.TemporaryDirectory(prefix="newsgraph-mem-") as d:
        path = Path(a.file or Path(d) / f"big.{a.format}")
        made = generate(path, a.mb, a.format) if not path.exists() else 0
        result = {"command": "python benchmarks/ingest_memory.py " + " ".join(argv if argv is not None else sys.argv[1:]),
                  "format": a.format, "file_mb": round(path.stat().st_size / 1e6, 1), "generated_articles": made,
                  "read": _in_child("read", str(path), str(made or 1))}
        if a.ingest:
            result["ingest"] = _in_child("ingest", str(path), str(a.ingest))
    text = json.dumps(result, indent=2)
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
