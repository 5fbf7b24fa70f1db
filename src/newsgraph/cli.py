"""The newsgraph command: thin argument parsing over ``service``.

Exit codes: 0 success; 1 some inputs were rejected (every good one was kept); 2 an error
(one line on stderr); 130 interrupted (committed batches are kept).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from . import __version__, lang, service, settings
from .errors import NewsgraphError
from .ingest import Options
from .model import Rejection


def _input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt .jsonl .csv .html .warc .warc.gz), folders (read recursively), or - for stdin")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date for inputs that carry none (plain .txt, stdin)")
    p.add_argument("--source", help="source (outlet) for inputs that carry none")
    p.add_argument("--lang", metavar="CODE",
                   help="language (en, ru, ...) for inputs whose records carry no 'lang' field; "
                        "default: detected from each text")
    max_bytes = settings.get("max_bytes")
    p.add_argument("--max-bytes", type=int, default=max_bytes,
                   help=f"reject articles larger than this many bytes (default {max_bytes:,}, NEWSGRAPH_MAX_BYTES)")
    p.add_argument("--processes", "-j", type=int, default=1, help="worker processes for the NLP (default 1)")


def _db_arg(p: argparse.ArgumentParser) -> None:
    db = settings.get("db")
    p.add_argument("--db", default=db, help=f"DuckDB file (default {db}, NEWSGRAPH_DB)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Turn dated news articles into sourced, structured facts.")
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("extract", help="print one JSON record per article (no database)")
    _input_args(p)
    p.add_argument("--pretty", action="store_true", help="indented JSON for people")
    p.add_argument("--stages", help="comma-separated stages to run (default: all)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="extract and store articles in the DuckDB file")
    _input_args(p)
    _db_arg(p)
    batch = settings.get("batch_size")
    p.add_argument("--batch-size", type=int, default=batch,
                   help=f"articles per transaction (default {batch}, NEWSGRAPH_BATCH_SIZE)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--dask", metavar="SCHEDULER",
                   help="run on a Dask cluster: 'local' (a LocalCluster of --processes workers) "
                        "or a scheduler address such as tcp://10.0.0.5:8786")
    p.add_argument("--files-per-task", type=int, default=50, help="input files per Dask task (default 50)")
    p.add_argument("--bytes-per-task", type=int,
                   help="cut JSONL, CSV and WARC files larger than this into byte ranges at record "
                        "boundaries, one Dask task each (default: about four tasks per worker)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("stats", help="counts of what the store holds")
    _db_arg(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("search", help="full-text search over stored articles")
    p.add_argument("query")
    _db_arg(p)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("export", help="write every table as Parquet files into a folder")
    _db_arg(p)
    p.add_argument("--parquet", required=True, metavar="DIR", help="target folder")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="read the Parquet files of an export into the store (upsert)")
    _db_arg(p)
    p.add_argument("--parquet", required=True, metavar="DIR", help="folder made by 'export --parquet'")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("eval", help="score a stage against a gold standard (with peers side by side)")
    p.add_argument("stage", help="entities, entities-ru, quotes, numbers, times, places, events, resolve or regional")
    p.add_argument("--gold", required=True, help="gold-standard file or folder (see ../shared/gold)")
    p.add_argument("--limit", type=int, help="evaluate only the first N documents")
    p.add_argument("--no-peers", action="store_true", help="skip the peer systems")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("serve", help="serve the REST API and the web page")
    _db_arg(p)
    p.add_argument("--host", default=settings.get("host"), help="address to listen on (NEWSGRAPH_HOST)")
    p.add_argument("--port", type=int, default=settings.get("port"), help="port (NEWSGRAPH_PORT)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("resolve", help="cross-article entities, event clusters and series; fix a grouping")
    _db_arg(p)
    p.add_argument("--merge", nargs=2, metavar=("KEEP", "OTHER"),
                   help="merge two entities (ent_), event clusters (evc_) or series (ser_): OTHER joins KEEP")
    p.add_argument("--split", metavar="ID[@ARTICLE]",
                   help="split an entity by name variant, a cluster or series by article; ID@ARTICLE "
                        "detaches one article. Decisions are kept and replayed on every later run")
    p.add_argument("--rebuild", action="store_true", help="resolve the whole store again from scratch")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser("settings", help="every setting: its variable, default, value in effect and meaning")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_settings)
    return parser


def _opts(a) -> Options:
    if a.lang and lang.get(lang.normalize_code(a.lang)) is None:
        print(f"warning: no pipeline for --lang {a.lang!r} (supported: {', '.join(lang.LANGUAGES)}); "
              f"its articles are kept without facts", file=sys.stderr)
    return Options(published=a.published, max_bytes=a.max_bytes, source=a.source, lang=a.lang)


def cmd_extract(a) -> int:
    stages = a.stages.split(",") if a.stages else None
    rejected = 0
    unsupported: dict[str, int] = {}
    for out in service.extract(a.paths, _opts(a), n_process=a.processes, stages=stages):
        if isinstance(out, Rejection):
            rejected += 1
            print(f"rejected {out.origin} [{out.code}]: {out.message}", file=sys.stderr)
            continue
        if lang.get(out["lang"]) is None:
            unsupported[out["lang"]] = unsupported.get(out["lang"], 0) + 1
        print(json.dumps(out, ensure_ascii=False, indent=2 if a.pretty else None))
    if unsupported:
        print(f"{_unsupported_note(unsupported)}: printed without facts", file=sys.stderr)
    return 1 if rejected else 0


def _unsupported_note(by_lang: dict[str, int]) -> str:
    langs = ", ".join(f"{code}: {n}" for code, n in sorted(by_lang.items()))
    return (f"{sum(by_lang.values())} article(s) in languages without a pipeline ({langs}; "
            f"supported: {', '.join(lang.LANGUAGES)})")


def cmd_ingest(a) -> int:
    if a.dask:
        return _ingest_dask(a)
    bar = None
    if not a.quiet and not a.json:
        from tqdm import tqdm
        bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, disable=None)

    def progress(s: service.IngestSummary) -> None:
        if bar is not None:
            done = s.inserted + s.replaced + s.unchanged
            bar.update(done - bar.n)
            bar.set_postfix(read=s.read, rejected=s.rejected, refresh=False)

    try:
        s = service.ingest(a.paths, a.db, _opts(a), n_process=a.processes, batch_size=a.batch_size,
                           progress=progress)
    finally:
        if bar is not None:
            bar.close()
    if a.json:
        d = {k: v for k, v in s.__dict__.items() if k != "rejections"}
        d["rejections"] = [asdict(r) for r in s.rejections]
        print(json.dumps(d, indent=2, default=str))
    else:
        _print_summary(s)
    return 1 if s.rejected else 0


def _ingest_dask(a) -> int:
    from .scale import ingest_dask

    s = ingest_dask(a.paths, a.db, _opts(a), scheduler=a.dask, n_workers=max(1, a.processes),
                    files_per_task=a.files_per_task, bytes_per_task=a.bytes_per_task)
    if a.json:
        print(json.dumps(asdict(s), indent=2))
    else:
        print(f"{s.db}: {s.partitions} partitions on {s.workers} Dask workers in {s.seconds:.1f}s: {s.new} new, "
              f"{s.replaced} replaced, {s.unchanged} unchanged, {s.rejected} rejected, {s.unsupported} unsupported, "
              f"{len(s.failed_partitions)} partitions failed")
        for f in s.failed_partitions:
            print(f"  failed: {f}")
    if s.failed_partitions:
        return 2
    return 1 if s.rejected else 0


def _print_summary(s: service.IngestSummary) -> None:
    st = s.store
    print(f"{s.db}: read {s.read} articles in {s.seconds:.1f}s: {s.inserted} new, {s.replaced} replaced, "
          f"{s.unchanged} unchanged, {s.rejected} rejected, {s.unsupported} unsupported")
    if s.unsupported:
        print(f"  {_unsupported_note(s.unsupported_langs)}: stored without facts")
    for r in s.rejections[:20]:
        print(f"  rejected {r.origin} [{r.code}]: {r.message}")
    if len(s.rejections) > 20:
        print(f"  ... and {len(s.rejections) - 20} more (see the 'rejections' table)")
    print("store: " + ", ".join(f"{st[t]} {t}" for t in
                                ("articles", "entities", "quotes", "numbers", "times", "places", "events")))


def cmd_stats(a) -> int:
    print(json.dumps(service.stats(a.db), indent=2, default=str))
    return 0


def cmd_search(a) -> int:
    hits = service.search(a.db, a.query, a.limit)
    if a.json:
        print(json.dumps(hits, indent=2, default=str, ensure_ascii=False))
        return 0
    print(f"{len(hits)} article(s) match {a.query!r}")
    for h in hits:
        print(f"{h['id']}  {h['published'] or '----------'}  {h['title'] or ''}\n    {h['snippet']}")
    return 0


def cmd_export(a) -> int:
    counts = service.export(a.db, a.parquet)
    print(f"exported to {a.parquet}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    return 0


def cmd_import(a) -> int:
    counts = service.import_(a.db, a.parquet)
    print(f"imported into {a.db}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    return 0


def cmd_eval(a) -> int:
    from .evaluate import evaluate

    print(json.dumps(evaluate(a.stage, a.gold, limit=a.limit, peers=not a.no_peers), indent=2))
    return 0


def cmd_resolve(a) -> int:
    from .resolve import command

    out = command(a.db, merge=a.merge, split=a.split, rebuild_all=a.rebuild)
    if a.json:
        print(json.dumps(out, indent=2, default=str))
    else:
        run, st = out["run"], out["store"]
        print(f"{a.db}: resolved {run.get('articles', 0)} new articles; {st['store_entities']} entities, "
              f"{st['event_clusters']} event clusters, {st['series']} series, {st['resolve_decisions']} decisions")
        if "decision" in out:
            print(f"decision applied: {out['decision'].get('moved', 0)} members moved")
    return 0


def cmd_serve(a) -> int:
    try:
        from .api import serve
    except ImportError as exc:  # a dependency of the server is missing from this environment
        raise NewsgraphError(f"serve needs the package {exc.name or exc}: pip install 'newsgraph' again "
                             "(it brings fastapi, uvicorn, xstatic-leaflet, swagger-ui-bundle)") from exc
    serve(a.db, host=a.host, port=a.port)
    return 0


def cmd_settings(a) -> int:
    rows = settings.table()
    if a.json:
        print(json.dumps(rows, indent=2, default=str))
        return 0
    for r in rows:
        print(f"{r['name']:<14} {r['env']:<24} {str(r['value']):<32} {r['meaning']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except NewsgraphError as exc:  # a setting's variable holds a bad value
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return 2
    try:
        return args.func(args)
    except NewsgraphError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line, the traceback only on request
        if _is_interrupt(exc):  # Ctrl-C while DuckDB ran a statement
            return _interrupted()
        if _debug():
            raise
        print(f"newsgraph: internal error: {type(exc).__name__}: {exc} "
              f"(set NEWSGRAPH_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return 2


def _interrupted() -> int:
    print("newsgraph: interrupted; every committed batch is kept, run the same command again to finish",
          file=sys.stderr)
    return 130


def _is_interrupt(exc: BaseException | None) -> bool:
    """Ctrl-C inside DuckDB surfaces as its InterruptException or a RuntimeError('Query
    interrupted'), possibly as the cause of another error."""
    import duckdb

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, (KeyboardInterrupt, duckdb.InterruptException)) or (
                type(exc) is RuntimeError and "interrupted" in str(exc).lower()):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _debug() -> bool:
    try:
        return settings.get("debug")
    except NewsgraphError:
        return True


if __name__ == "__main__":
    sys.exit(main())
