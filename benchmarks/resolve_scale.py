"""Resolve 1,000 new articles into a store of 100,000: how long does the increment take?

1. Real records: the example articles and some PolNeAR articles go through the pipeline
   once (the only NLP in this benchmark) into a seed store.
2. Synthetic store: the seed's rows are copied with bulk SQL (INSERT ... SELECT over
   range()) into --base articles, each copy with a new id, its dates shifted by whole weeks,
   and person/organisation names given one of --variants suffixes so the store holds many
   distinct entities, not one Trump a hundred thousand times.
3. The base is resolved once (timed, reported as the full build), then --new more copies
   are added and ``run_incremental`` resolves them (timed: the number that matters).

    python benchmarks/resolve_scale.py [--base 99000] [--new 1000] [--polnear 40] [--mixed]

``--keep DIR`` saves the seed and the resolved base store in DIR; ``--reuse DIR`` starts from
them (no NLP, no full build), so the increment can be timed or profiled again in minutes.

``--mixed``: every other copy is a Russian article (``lang = 'ru'``) whose person, organisation
and place names are written in Cyrillic (a rough Latin-to-Cyrillic spelling, ``to_cyrillic``),
so the increment resolves English and Russian articles whose names only meet through the
cross-script keys.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "gold" / "quotes" / "polnear" / "train" / "text"
FACT_TABLES = ("entities", "quotes", "numbers", "times", "places", "events")


def seed_store(path: str, polnear: int) -> int:
    """Run the pipeline over the examples and `polnear` PolNeAR articles into `path`."""
    from newsgraph import service
    paths = [str(ROOT / "examples")] + [str(p) for p in sorted(POLNEAR.glob("*.txt"))[:polnear]]
    s = service.ingest(paths, path, service.Options(published="2016-06-01"), resolve=False)
    return s.inserted + s.unchanged


_CYR = [("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ya", "я"), ("yu", "ю"),
        ("yo", "ё"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"),
        ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"),
        ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "й"), ("z", "з")]


def to_cyrillic(name: str) -> str:
    """A rough Cyrillic spelling of a Latin name ('Tokayev' -> 'Токайев'), capitals kept."""
    out, i, low = [], 0, name.lower()
    while i < len(name):
        if low[i] == "y" and (i + 1 == len(low) or not low[i + 1].isalpha()):
            out.append("и")  # Hillary -> Хиллари
            i += 1
            continue
        for lat, cyr in _CYR:
            if low.startswith(lat, i):
                out.append(cyr.capitalize() if name[i].isupper() else cyr)
                i += len(lat)
                break
        else:
            out.append(name[i])
            i += 1
    return "".join(out)


def russify(con) -> None:
    """Odd copies become Russian articles with Cyrillic names (see --mixed)."""
    import duckdb
    try:
        con.create_function("to_cyrillic", to_cyrillic, ["VARCHAR"], "VARCHAR")
    except duckdb.NotImplementedException:  # registered by the base build already
        pass
    con.execute("CREATE OR REPLACE TEMP TABLE ru AS SELECT nid FROM pick WHERE k % 2 = 1")
    con.execute("UPDATE articles SET lang = 'ru' WHERE id IN (SELECT nid FROM ru)")
    con.execute("UPDATE entities SET name = to_cyrillic(name) WHERE article_id IN (SELECT nid FROM ru) "
                "AND type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP')")


def replicate(con, seed_db: str, start: int, copies: int, variants: int, mixed: bool = False) -> int:
    """Append `copies` articles, copies number start, start+1, ... of the seed; returns the next number."""
    con.execute(f"ATTACH '{seed_db}' AS seed (READ_ONLY)")
    n_seed = con.execute("SELECT count(*) FROM seed.articles").fetchone()[0]
    stop = start + -(-copies // n_seed)
    con.execute(f"CREATE OR REPLACE TEMP TABLE k AS SELECT range AS k FROM range({start}, {stop})")
    # copy k of article i: id '<id>~k', published + 7*(k % 520) days; only as many as needed
    con.execute(f"""CREATE OR REPLACE TEMP TABLE pick AS
        SELECT a.id AS src, k.k, a.id || '~' || k.k::VARCHAR AS nid,
               row_number() OVER (ORDER BY k.k, a.id) AS rn
        FROM seed.articles a, k""")
    con.execute(f"DELETE FROM pick WHERE rn > {copies}")  # `copies` articles in all, not copies * seed
    con.execute("""INSERT INTO articles SELECT p.nid, a.content_hash || p.k::VARCHAR, a.url, a.source,
                   coalesce(a.published, DATE '2016-06-01') + INTERVAL (7 * (p.k % 520)) DAY, a.title, a.lang, a.text,
                   a.text_offset, a.stages, a.origin, a.ingested_at
                   FROM pick p JOIN seed.articles a ON a.id = p.src""")
    suffix = f"CASE WHEN e.type IN ('PERSON', 'ORG') AND p.k % {variants} <> 0 THEN '-' || (p.k % {variants})::VARCHAR ELSE '' END"
    for t in FACT_TABLES:
        cols = [r[0] for r in con.execute(f"SELECT column_name FROM information_schema.columns "
                                          f"WHERE table_name = '{t}' AND table_catalog = 'seed' "
                                          f"ORDER BY ordinal_position").fetchall()]
        sel = []
        for c in cols:
            if c == "article_id":
                sel.append("p.nid")
            elif t == "entities" and c == "name":
                sel.append(f"e.name || {suffix}")
            elif t == "events" and c == "date":
                sel.append("coalesce(strftime(TRY_CAST(e.date AS DATE) + INTERVAL (7 * (p.k % 520)) DAY, '%Y-%m-%d'), e.date)")
            else:
                sel.append(f'e."{c}"')
        con.execute(f"INSERT INTO {t} ({', '.join(chr(34) + c + chr(34) for c in cols)}) "
                    f"SELECT {', '.join(sel)} FROM pick p JOIN seed.{t} e ON e.article_id = p.src")
    if mixed:
        russify(con)
    con.execute("DETACH seed")
    return stop


def save_base(keep: Path, seed_db: str, db: str, meta: dict) -> None:
    """Copy the seed and the resolved base store into `keep` (see --keep)."""
    import shutil
    keep.mkdir(parents=True, exist_ok=True)
    shutil.copy(seed_db, keep / "seed.duckdb")
    shutil.copy(db, keep / "base.duckdb")
    (keep / "base.json").write_text(json.dumps(meta, default=str))


def load_base(keep: Path, seed_db: str, db: str):
    """The saved seed and base store, copied to the working paths, and how they were made."""
    import shutil
    meta = json.loads((keep / "base.json").read_text())
    shutil.copy(keep / "seed.duckdb", seed_db)
    shutil.copy(keep / "base.duckdb", db)
    return meta["n_seed"], meta["nxt"], meta["t_seed"], meta["t_build"], meta["t_full"], meta["full"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=int, default=99_000, help="articles already resolved in the store")
    ap.add_argument("--new", type=int, default=1_000, help="new articles to resolve")
    ap.add_argument("--polnear", type=int, default=40, help="PolNeAR articles in the seed")
    ap.add_argument("--variants", type=int, default=200, help="name variants per person/organisation")
    ap.add_argument("--mixed", action="store_true", help="every other copy Russian, names in Cyrillic")
    ap.add_argument("--out", default=None, help="default: results/resolve_scale[_mixed].json")
    ap.add_argument("--keep", default=None, metavar="DIR", help="save the seed and the resolved base store here")
    ap.add_argument("--reuse", default=None, metavar="DIR", help="start from a store saved with --keep")
    a = ap.parse_args(argv)
    from newsgraph import resolve
    from newsgraph.store import Store
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-resolve-") as tmp:
        seed_db, db = str(Path(tmp) / "seed.duckdb"), str(Path(tmp) / "big.duckdb")
        if a.reuse:
            n_seed, nxt, t_seed, t_build, t_full, full = load_base(Path(a.reuse), seed_db, db)
            store = Store(db)
        else:
            t0 = time.perf_counter()
            n_seed = seed_store(seed_db, a.polnear)
            t_seed = time.perf_counter() - t0
            store = Store(db)
            t0 = time.perf_counter()
            nxt = replicate(store.con, seed_db, 0, a.base, a.variants, a.mixed)
            t_build = time.perf_counter() - t0
            t0 = time.perf_counter()
            full = resolve.run_incremental(store)
            t_full = time.perf_counter() - t0
            if a.keep:
                store.close()
                save_base(Path(a.keep), seed_db, db, dict(n_seed=n_seed, nxt=nxt, t_seed=t_seed, t_build=t_build,
                                                          t_full=t_full, full=full))
                store = Store(db)
        replicate(store.con, seed_db, nxt, a.new, a.variants, a.mixed)
        t0 = time.perf_counter()
        inc = resolve.run_incremental(store)
        t_inc = time.perf_counter() - t0
        mix = dict(store.con.execute("SELECT coalesce(lang, '?'), count(*) FROM articles GROUP BY 1").fetchall())
        counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "entities", "events", "numbers", "store_entities", "entity_links",
                            "event_clusters", "series")}
        store.close()
    result = {
        "command": "python benchmarks/resolve_scale.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "seed_articles": n_seed, "seed_nlp_seconds": round(t_seed, 1),
        "synthetic_build_seconds": round(t_build, 1),
        "base_articles": a.base, "full_resolve_seconds": round(t_full, 1), "full_resolve": full,
        "new_articles": a.new, "incremental_resolve_seconds": round(t_inc, 2), "incremental": inc,
        "under_a_minute": t_inc < 60, "store": counts, "languages": mix,
    }
    out = Path(a.out or ROOT / "benchmarks" / "results" / f"resolve_scale{'_mixed' if a.mixed else ''}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
