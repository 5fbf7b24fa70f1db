"""Dask inside big files (issue 16): byte ranges at record boundaries, unchanged articles skipped."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import duckdb

from newsgraph.ingest import Options, Span, read_file
from newsgraph.scale import byte_ranges, plan

TOWNS = ["Taraz", "Shymkent", "Aktobe", "Oral", "Semey", "Kostanay", "Pavlodar", "Atyrau"]


def _articles(n):
    for i in range(n):
        yield {"id": f"k{i:03d}", "published": "2021-03-04",
               "text": f"Officials in {TOWNS[i % 8]} said {i + 2} buses were repaired."}


def _ids(items):
    return [(i.id if hasattr(i, "id") else "rej", i.origin) for i in items]


def test_ranges_of_every_format_read_each_record_once(tmp_path):
    j = tmp_path / "a.jsonl"
    j.write_text("".join(json.dumps(a) + "\n" for a in _articles(50)) + "{broken\n")
    c = tmp_path / "a.csv"
    c.write_text("id,published,text\n" + "".join(f'{a["id"]},{a["published"]},"{a["text"]}\nsecond line"\n'
                                                 for a in _articles(50)))
    w = tmp_path / "a.warc"
    w.write_bytes(_warc(30))
    for path in (j, c, w):
        whole = _ids(read_file(path, Options()))
        spans = byte_ranges(str(path), Options(), 300)
        assert len(spans) > 3 and spans[0].start == 0 and spans[-1].end is None
        assert all(a.end == b.start for a, b in zip(spans, spans[1:]))
        pieces = [x for s in spans for x in _ids(read_file(path, Options(), s))]
        assert pieces == whole  # same records, same origins (line / record numbers)


def test_plan_splits_big_files_and_groups_small_ones(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps(a) + "\n" for a in _articles(240)))
    smalls = []
    for i in range(5):
        smalls.append(tmp_path / f"s{i}.txt")
        smalls[-1].write_text("A short one.")
    parts = plan([str(big)] + [str(s) for s in smalls], Options(), n_workers=2, files_per_task=4)
    ranged = [p for p in parts if p[0][1] is not None]
    assert len(ranged) >= 2 and all(len(p) == 1 for p in ranged)
    assert [len(p) for p in parts if p[0][1] is None] == [4, 1]


def _warc(n):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    wr = WARCWriter(buf, gzip=False)
    for i in range(n):
        html = f"<html><body><article><p>{TOWNS[i % 8]} council met on Tuesday, report {i}, and agreed " \
               f"to repair the roads of the old town before the winter.</p></article></body></html>"
        hdr = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        wr.write_record(wr.create_warc_record(f"http://x.example/{i}", "response",
                                              payload=io.BytesIO(html.encode()), http_headers=hdr))
    return buf.getvalue()


def test_one_jsonl_keeps_two_workers_busy_and_a_rerun_extracts_nothing(tmp_path):
    src = tmp_path / "k.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in _articles(240)))
    db = tmp_path / "d.duckdb"
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(src), "--db", str(db), "--dask", "local",
           "-j", "2", "--json"]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr
    s1 = json.loads(first.stdout)
    assert s1["partitions"] >= 2 and s1["workers"] == 2
    assert (s1["new"], s1["replaced"], s1["unchanged"], s1["rejected"]) == (240, 0, 0, 0)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (240, 240)
    con.close()
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    s2 = json.loads(second.stdout)
    assert (s2["new"], s2["replaced"], s2["unchanged"], s2["articles"]) == (0, 0, 240, 0)


def test_warc_gz_ranges_start_at_gzip_members_or_not_at_all(tmp_path):
    import gzip

    per_record = tmp_path / "r.warc.gz"
    per_record.write_bytes(_warc_gz(20))  # warcio writes one gzip member per record
    spans = byte_ranges(str(per_record), Options(), 500)
    assert len(spans) > 2
    whole = _ids(read_file(per_record, Options()))
    assert [x for s in spans for x in _ids(read_file(per_record, Options(), s))] == whole
    one_stream = tmp_path / "one.warc.gz"
    one_stream.write_bytes(gzip.compress(_warc(20)))  # one gzip member for the whole file
    assert byte_ranges(str(one_stream), Options(), 500) == [Span(0, None, 1)]
    assert len(_ids(read_file(one_stream, Options()))) == 20


def _warc_gz(n):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    wr = WARCWriter(buf, gzip=True)
    for i in range(n):
        html = f"<html><body><article><p>{TOWNS[i % 8]} council met on Tuesday, report {i}, and agreed " \
               f"to repair the roads of the old town before the winter.</p></article></body></html>"
        hdr = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        wr.write_record(wr.create_warc_record(f"http://x.example/{i}", "response",
                                              payload=io.BytesIO(html.encode()), http_headers=hdr))
    return buf.getvalue()
