"""API latency: p50/p95 of entity search and of one article's record over a store of N
articles (default 10,000), with the load generated on loopback, bounded in count and time.

The store is synthesised from real records: the seed and the example articles go through
the real ingest once, then their rows are copied N/len times in SQL with new ids, dates
shifted by whole days, and entity names varied (so the store holds tens of thousands of
distinct entities, not a few hundred). The server is `newsgraph serve` in its own process.

    python benchmarks/api_latency.py [--articles 10000] [--requests 500] [--seconds 120]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "000_eb440fe5f3ef28cf.txt"
FACTS = ("entities", "quotes", "numbers", "times", "places", "events")


def build_store(folder: Path, n_articles: int) -> Path:
    from newsgraph import service
    from newsgraph.store import Store, queries

    base = folder / "base.duckdb"
    service.ingest([str(SEED), str(ROOT / "examples")], str(base), resolve=False)
    db = folder / "bench.duckdb"
    with Store(db) as store:
        con = store.con
        con.execute(f"ATTACH '{base}' AS base (READ_ONLY)")
        n_base = con.execute("SELECT count(*) FROM base.articles").fetchone()[0]
        copies = -(-n_articles // n_base)
        con.execute(f"""CREATE TEMP TABLE pick AS SELECT a.id AS old, k,
            CASE WHEN k = 0 THEN a.id ELSE a.id || '-s' || k END AS new
            FROM base.articles a, range({copies}) t(k) QUALIFY row_number() OVER (ORDER BY k, a.id) <= {n_articles}""")
        con.execute("""INSERT INTO articles SELECT p.new, a.content_hash, a.url, a.source,
            a.published + CAST(p.k AS INTEGER), a.title, a.lang, a.text, a.text_offset, a.stages, a.origin, a.ingested_at
            FROM base.articles a JOIN pick p ON p.old = a.id""")
        for t in FACTS:
            cols = [r[0] for r in con.execute(f"DESCRIBE base.{t}").fetchall()]
            sel = ", ".join("p.new" if c == "article_id" else
                            "CASE WHEN p.k = 0 OR f.type NOT IN ('PERSON', 'ORG') THEN f.name "
                            "ELSE f.name || ' ' || (p.k % 300) END" if (t == "entities" and c == "name") else
                            f'f."{c}"' for c in cols)
            con.execute(f"INSERT INTO {t} SELECT {sel} FROM base.{t} f JOIN pick p ON p.old = f.article_id")
        con.execute("DETACH base")
        queries.rebuild_fts(store)
        con.execute("CHECKPOINT")
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/v1/stats", timeout=5).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start: " + proc.stderr.read().decode()[-2000:])


def measure(conn: http.client.HTTPConnection, urls: list[str], seconds: float) -> dict:
    """Sequential GETs on one keep-alive connection (the standard library's client, so the
    client's own CPU time stays small), until the URLs or the time run out."""
    times, deadline = [], time.monotonic() + seconds
    for u in urls:
        t0 = time.perf_counter()
        conn.request("GET", "/api/v1" + u)
        r = conn.getresponse()
        body = r.read()
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status == 200, (u, r.status, body[:200])
        if time.monotonic() > deadline:
            break
    times.sort()
    q = statistics.quantiles(times, n=100, method="inclusive")
    return {"requests": len(times), "p50_ms": round(q[49], 2), "p95_ms": round(q[94], 2), "p99_ms": round(q[98], 2),
            "mean_ms": round(statistics.fmean(times), 2), "max_ms": round(times[-1], 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=500, help="requests per endpoint (upper bound)")
    ap.add_argument("--seconds", type=float, default=120, help="time limit per endpoint")
    ap.add_argument("--store", help="keep the synthetic store at this path (reused when it exists)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "api_latency.json"))
    a = ap.parse_args()
    rng = random.Random(8)
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        t0 = time.perf_counter()
        if a.store and Path(a.store).exists():
            db = Path(a.store)
        else:
            db = build_store(Path(tmp), a.articles)
            if a.store:
                db = Path(shutil.copyfile(db, a.store))
        build_s = time.perf_counter() - t0
        proc, url = start_server(db)
        try:
            with httpx.Client(base_url=url + "/api/v1", timeout=30) as c:
                stats = c.get("/stats").json()
                names = [e["name"] for e in c.get("/entities", params={"limit": 500}).json()["items"]]
                ids = [x["id"] for x in c.get("/articles", params={"limit": 500}).json()["items"]]
                words = sorted({w for n in names for w in n.split() if len(w) > 3})
                entity_urls = [f"/entities?{urlencode({'q': rng.choice(words)[:rng.randint(4, 8)]})}"
                               f"&limit={rng.choice([10, 20, 50])}" for _ in range(a.requests)]
                record_urls = [f"/articles/{quote(rng.choice(ids))}" for _ in range(a.requests)]
            conn = http.client.HTTPConnection("127.0.0.1", int(url.rsplit(":", 1)[1]), timeout=30)
            measure(conn, entity_urls[:20] + record_urls[:20], 30)  # warm up
            results = {"entity_search": measure(conn, entity_urls, a.seconds),
                       "article_record": measure(conn, record_urls, a.seconds)}
            conn.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    out = {"command": " ".join(["python benchmarks/api_latency.py"] + [shlex.quote(x) for x in sys.argv[1:]]),
           "articles": stats["articles"], "entities": stats["entities"], "store_build_seconds": round(build_s, 1),
           "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
           "client": "http.client, one keep-alive connection on loopback, sequential",
           "load_average": os.getloadavg(), "acceptance_p95_ms": 50,
           **results}
    out["pass"] = all(r["p95_ms"] < 50 for r in results.values())
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
