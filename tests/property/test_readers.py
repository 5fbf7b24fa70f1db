"""Every reader, any input: no crash; every valid record exactly once with its text
unchanged; every invalid one a rejection with its place (issue 16)."""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from hypothesis import given, strategies as st

from newsgraph.ingest import Options, read_bytes, read_paths
from newsgraph.ingest.common import origin_id
from newsgraph.model import Article, Rejection

from .strategies import csv_file, jsonl_file


def _read_file(name: str, data: bytes):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        return str(p), list(read_paths([str(p)], Options()))


def _by_origin(items):
    out: dict[str, list] = {}
    for i in items:
        assert isinstance(i, (Article, Rejection))
        out.setdefault(i.origin, []).append(i)
    assert all(len(v) == 1 for v in out.values()), "a place gave two items"
    return {k: v[0] for k, v in out.items()}


def _check_jsonl(items, expect, where, key):
    got = _by_origin(items)
    assert len(got) == len(expect)
    for lineno, kind, a, b in expect:
        item = got[f"{where}:{lineno}"]
        if kind == "ok":
            assert isinstance(item, Article), item
            assert item.text == b
            assert item.id == (a if a is not None else (origin_id(f"{key}:{lineno}") if key else item.id))
        else:
            assert isinstance(item, Rejection) and item.code == a, item


@given(jsonl_file())
def test_jsonl_any_input(case):
    data, expect = case
    path, items = _read_file("in.jsonl", data)
    if not data.strip():
        assert [(i.origin, i.code) for i in items] == [(path, "empty")]
        return
    _check_jsonl(items, expect, path, os.path.abspath(path))


@given(jsonl_file())
def test_jsonl_on_stdin(case):
    data, expect = case
    if not data.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        return  # stdin guesses the format from the first bytes; other first lines read as text
    _check_jsonl(list(read_bytes(data, "<stdin>", Options())), expect, "<stdin>", None)


@given(csv_file())
def test_csv_any_input(case):
    data, expect = case
    path, items = _read_file("in.csv", data)
    got = _by_origin(items)
    assert len(got) == len(expect)
    for line, code, cid, text in expect:
        item = got[f"{path}:{line}"]
        if code is None:
            assert isinstance(item, Article) and item.id == cid and item.text == text
        else:
            assert isinstance(item, Rejection) and item.code == code, item


@given(st.binary(max_size=400), st.sampled_from(["a.jsonl", "a.csv", "a.txt", "a.html", "a.warc", "a.warc.gz"]))
def test_any_bytes_in_any_format_never_crash(data, name):
    path, items = _read_file(name, data)
    _by_origin(items)
    assert all(i.origin.startswith(path) for i in items)
    if name == "a.txt":
        assert len(items) == 1
        text = data.decode("utf-8-sig", "replace")
        if isinstance(items[0], Article):
            assert text.endswith(items[0].text)  # the body unchanged (after a 'date' header)


@given(st.binary(max_size=400))
def test_any_bytes_on_stdin_never_crash(data):
    _by_origin(read_bytes(data, "<stdin>", Options()))


def _warc(pages, gz):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for ctype, payload in pages:
        hdr = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("http://w.example/", "response", payload=io.BytesIO(payload),
                                            http_headers=hdr))
    return buf.getvalue()


page = st.one_of(
    st.builds(lambda t: ("text/html", f"<html><body><article><p>{t}</p></article></body></html>".encode()),
              st.text(min_size=0, max_size=200).map(lambda s: s.encode("utf-8", "replace").decode())),
    st.tuples(st.sampled_from(["text/html", "image/png", "text/html; charset=koi8-r"]), st.binary(max_size=200)),
)


@given(st.lists(page, max_size=6), st.booleans(), st.floats(0.0, 1.0))
def test_warc_any_records_and_any_cut(pages, gz, cut):
    data = _warc(pages, gz)
    truncated = cut < 1.0 and pages
    if truncated:
        data = data[: int(len(data) * cut)]
    path, items = _read_file("c.warc.gz" if gz else "c.warc", data)
    got = _by_origin(items)
    numbers = sorted(int(o.rsplit("#", 1)[1]) for o in got if "#" in o)
    assert all(1 <= n <= len(pages) for n in numbers)
    bad = [i for i in items if isinstance(i, Rejection) and i.code == "bad-warc"]
    assert len(bad) <= 1 and (not bad or items[-1] is bad[0])
    if not truncated:
        html = [n for n, (ctype, _) in enumerate(pages, 1) if "html" in ctype]
        assert numbers == html and not bad
