#!/usr/bin/env python3
"""Build examples/example_crawl.warc.gz from the HTML pages in examples/warc_src/.

Each ``NAME.html.in`` page becomes one WARC response record (with a request record before
it, as a crawler writes them). The target URI comes from the page's canonical link and the
WARC-Date from its ``article:published_time`` meta tag, so ``newsgraph ingest`` finds the
same URL and date whether it reads the page or the crawl. Needs ``warcio``.

    python scripts/make_example_warc.py [--src examples/warc_src] [--out examples/example_crawl.warc.gz]
"""
from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
_PUBLISHED = re.compile(r'<meta property="article:published_time" content="([^"]+)"')


def page_meta(html: str, name: str) -> tuple[str, str]:
    """The page's URL and its WARC-Date (ISO 8601, UTC) from its own markup."""
    url = _CANONICAL.search(html)
    date = _PUBLISHED.search(html)
    if not url or not date:
        sys.exit(f"{name}: needs a canonical link and an article:published_time meta tag")
    stamp = date.group(1)[:19] + "Z" if "T" in date.group(1) else date.group(1) + "T00:00:00Z"
    return url.group(1), stamp


def write_warc(pages: list[Path], out: Path) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with out.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for page in pages:
            html = page.read_text(encoding="utf-8")
            url, stamp = page_meta(html, page.name)
            body = html.encode("utf-8")
            req = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])],
                                              is_http_request=True),
                warc_headers_dict={"WARC-Date": stamp})
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))],
                                       protocol="HTTP/1.1")
            resp = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                             http_headers=headers,
                                             warc_headers_dict={"WARC-Date": stamp})
            writer.write_record(resp)
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=ROOT / "examples" / "warc_src")
    ap.add_argument("--out", type=Path, default=ROOT / "examples" / "example_crawl.warc.gz")
    args = ap.parse_args(argv)
    pages = sorted(args.src.glob("*.html.in"))
    if not pages:
        sys.exit(f"no *.html.in pages in {args.src}")
    n = write_warc(pages, args.out)
    print(f"wrote {n} pages to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
