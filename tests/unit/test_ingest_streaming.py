"""Multi-record readers stream (issue 16 item 8): memory stays bounded whatever the file size."""
from __future__ import annotations

import csv
import io
import json
import tracemalloc

from newsgraph.ingest import Options, read_paths, read_stream
from newsgraph.ingest.common import Source
from newsgraph.model import Article

TEXT = ("The akimat of Kostanay region said on Wednesday that 14 new buses had arrived and that the "
        "old depot would close after the inspection. ") * 12  # about 1.3 KB


def _peak_while_reading(path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        n = sum(isinstance(i, Article) for i in read_paths([str(path)], Options()))
        return n, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_jsonl_of_8_mb_reads_in_under_2_mb_of_python_memory(tmp_path):
    p = tmp_path / "big.jsonl"
    with open(p, "w") as f:
        for i in range(6000):
            f.write(json.dumps({"text": f"{i}. {TEXT}", "published": "2020-02-02"}) + "\n")
    assert p.stat().st_size > 8_000_000
    n, peak = _peak_while_reading(p)
    assert n == 6000 and peak < 2_000_000, peak


def test_csv_of_8_mb_reads_in_under_2_mb_of_python_memory(tmp_path):
    p = tmp_path / "big.csv"
    with open(p, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["published", "text"])
        for i in range(6000):
            w.writerow(["2020-02-02", f"{i}.\n{TEXT}"])  # multi-line quoted cells
    n, peak = _peak_while_reading(p)
    assert n == 6000 and peak < 2_000_000, peak


class _Counting(io.RawIOBase):
    """A pipe-like stream that counts what was read from it."""

    def __init__(self, data: bytes):
        self._src = io.BytesIO(data)
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self._src.readinto(b)
        self.read_bytes += n
        return n


def test_stdin_jsonl_yields_records_before_the_input_ends():
    data = b"".join(json.dumps({"id": f"s{i}", "text": TEXT}).encode() + b"\n" for i in range(3000))
    raw = _Counting(data)
    items = read_stream(io.BufferedReader(raw), Source("<stdin>"), Options())
    first = next(items)
    assert isinstance(first, Article) and first.id == "s0"
    assert raw.read_bytes < 300_000 < len(data)  # a little read ahead, not the whole input
    assert sum(1 for _ in items) == 2999


def test_warc_reads_record_by_record(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "big.warc"
    with open(p, "wb") as f:
        w = WARCWriter(f, gzip=False)
        for i in range(120):
            html = f"<html><body><article><p>{i}. {TEXT}</p></article></body></html>" + "<!-- pad -->" * 1500
            hdr = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"http://k.example/{i}", "response",
                                                payload=io.BytesIO(html.encode()), http_headers=hdr))
    size = p.stat().st_size
    opened = []
    real_open = open

    def spy_open(*a, **kw):
        f = real_open(*a, **kw)
        opened.append(f)
        return f

    import builtins

    builtins.open, saved = spy_open, builtins.open
    try:
        items = read_paths([str(p)], Options())
        first = next(items)
        pos = next(f for f in opened if getattr(f, "name", None) == str(p)).tell()
    finally:
        builtins.open = saved
    assert isinstance(first, Article) and first.text.startswith("0. ")
    assert pos < size / 4, (pos, size)  # the first article comes before most of the file is read
    assert sum(isinstance(i, Article) for i in items) == 119
