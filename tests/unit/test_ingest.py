"""Every input format, and every kind of bad input: a typed rejection, the batch goes on."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import Options, read_paths
from newsgraph.model import Article, Rejection

HTML = """<html><head><title>Flood waters recede in Semey</title>
<meta property="og:site_name" content="Steppe Daily">
<meta property="article:published_time" content="2019-04-02T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Flood waters recede in Semey</h1>
<p>Flood waters in the city of Semey began to recede on Monday, the regional emergency
department said, after three days of rain that forced about 1,200 residents from their homes.</p>
<p>Officials said schools would reopen next week once the buildings had been inspected and the
water supply had been tested by the sanitary service.</p></article>
<footer>Contact us</footer></body></html>"""


def _read(*paths, **kw):
    return list(read_paths([str(p) for p in paths], Options(**kw)))


def _one(items, cls):
    assert len(items) == 1, items
    assert isinstance(items[0], cls), items[0]
    return items[0]


def test_seed_format_keeps_body_unchanged(seed_path):
    a = _one(_read(seed_path), Article)
    raw = seed_path.read_text()
    assert a.published == "2019-02-24"
    assert a.text.startswith("More than 300 Kazakh citizens")
    assert raw[a.text_offset:] == a.text  # offsets can be mapped back into the file
    assert a.id == _one(_read(seed_path), Article).id  # stable id


def test_plain_txt_takes_published_flag(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("  Ministers met in Astana on Tuesday.\n")
    a = _one(_read(p, published="2020-05-01"), Article)
    assert a.text == "  Ministers met in Astana on Tuesday.\n"  # unchanged, leading space kept
    assert a.published == "2020-05-01"
    assert _one(_read(p), Article).published is None


def test_jsonl_fields_and_bad_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    good = {"id": "x1", "url": "http://e.org/1", "source": "Steppe Daily", "published": "2019-03-01",
            "title": "T", "text": "Police detained two men."}
    p.write_text("\n".join([
        json.dumps(good),
        "{not json",
        json.dumps({"id": "x2", "title": "no text"}),
        json.dumps({"id": "x3", "text": "Fine.", "published": "March the 5th"}),
        json.dumps([1, 2]),
        json.dumps({"id": "x4", "text": "Also fine."}),
    ]) + "\n")
    items = _read(p)
    arts = [i for i in items if isinstance(i, Article)]
    rej = {r.origin: r for r in items if isinstance(r, Rejection)}
    assert [a.id for a in arts] == ["x1", "x4"]
    assert arts[0].url == "http://e.org/1" and arts[0].source == "Steppe Daily" and arts[0].title == "T"
    assert rej[f"{p}:2"].code == "bad-json"
    assert rej[f"{p}:3"].code == "missing-text"
    assert rej[f"{p}:4"].code == "bad-date" and "YYYY-MM-DD" in rej[f"{p}:4"].message
    assert rej[f"{p}:5"].code == "bad-json"


def test_csv_with_quoted_newlines(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,url,source,published,title,text\n'
                 'c1,,Wire,2019-01-02,Title,"Line one.\nLine two, with comma."\n'
                 'c2,,Wire,2019-01-03,Other,\n')
    items = _read(p)
    a = items[0]
    assert isinstance(a, Article) and a.text == "Line one.\nLine two, with comma."
    assert isinstance(items[1], Rejection) and items[1].code == "missing-text"
    assert items[1].origin.startswith(str(p) + ":")


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("id,body\n1,hello\n")
    assert _one(_read(p), Rejection).code == "missing-text"


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML)
    a = _one(_read(p), Article)
    assert "about 1,200 residents" in a.text
    assert "Contact us" not in a.text and "Home | World" not in a.text
    assert a.title == "Flood waters recede in Semey"
    assert a.published == "2019-04-02"
    assert a.source == "Steppe Daily"


def _warc_bytes(pages, gz=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers,
                                   warc_headers_dict={"WARC-Date": "2019-04-03T10:00:00Z"})
        w.write_record(rec)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_warc_each_html_response_is_an_article(tmp_path, gz):
    p = tmp_path / ("c.warc.gz" if gz else "c.warc")
    p.write_bytes(_warc_bytes([("http://steppe.example/a", HTML),
                               ("http://steppe.example/b", HTML.replace("Semey", "Pavlodar"))], gz))
    arts = _read(p)
    assert [a.url for a in arts] == ["http://steppe.example/a", "http://steppe.example/b"]
    assert all(isinstance(a, Article) for a in arts)
    assert "Pavlodar" in arts[1].text


def test_truncated_warc_gz_keeps_earlier_records(tmp_path):
    data = _warc_bytes([("http://e.org/%d" % i, HTML) for i in range(3)])
    p = tmp_path / "t.warc.gz"
    p.write_bytes(data[: int(len(data) * 0.8)])
    items = _read(p)
    arts = [i for i in items if isinstance(i, Article)]
    rej = [i for i in items if isinstance(i, Rejection)]
    assert len(arts) >= 1
    assert [r.code for r in rej] == ["bad-warc"]
    assert str(p) in rej[0].origin


def test_empty_binary_undecodable_and_too_large(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin.txt").write_bytes("Almaty caf\xe9 owners protested.".encode("latin-1"))
    (tmp_path / "big.txt").write_text("word " * 1000)
    (tmp_path / "ok.txt").write_text("date 2019-05-01\nA short, good article.")
    items = _read(tmp_path, max_bytes=2000)
    codes = {i.origin.rsplit("/", 1)[-1]: i.code for i in items if isinstance(i, Rejection)}
    assert codes == {"empty.txt": "empty", "bin.txt": "binary", "latin.txt": "undecodable", "big.txt": "too-large"}
    good = [i for i in items if isinstance(i, Article)]
    assert [a.text for a in good] == ["A short, good article."] and good[0].published == "2019-05-01"


def test_seed_header_with_bad_date(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("date 2019-02-30 Body text here.")
    r = _one(_read(p), Rejection)
    assert r.code == "bad-date" and "2019-02-30" in r.message


def test_folder_is_recursive_and_ordered(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second.")
    (tmp_path / "1.txt").write_text("First.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "notes.md").write_text("Not an input.")
    assert [a.text for a in _read(tmp_path)] == ["First.", "Second."]


def test_unsupported_file_given_explicitly(tmp_path):
    p = tmp_path / "x.pdf"
    p.write_bytes(b"%PDF-1.4")
    assert _one(_read(p), Rejection).code == "unsupported"


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        _read(tmp_path / "nope.txt")


def test_stdin_formats(monkeypatch):
    from newsgraph.ingest import read_bytes

    items = list(read_bytes(b'{"id": "s1", "text": "From stdin."}\n', "<stdin>", Options()))
    assert _one(items, Article).id == "s1"
    items = list(read_bytes(b"date 2021-01-01 Plain stdin.", "<stdin>", Options()))
    assert _one(items, Article).published == "2021-01-01"
    gz = gzip.compress(b"")  # an empty gzip: not a WARC with records, but no crash
    assert all(isinstance(i, (Article, Rejection)) for i in read_bytes(gz, "<stdin>", Options()))
