"""Issue 16: hostile inputs lose no good record; each case is one test."""
from __future__ import annotations

import io
import json
import os

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import Options, read_bytes, read_paths
from newsgraph.ingest.common import HARD_MAX_BYTES, origin_id
from newsgraph.model import Article, Rejection


def _read(*paths, **kw):
    return list(read_paths([str(p) for p in paths], Options(**kw)))


def _split(items):
    arts = [i for i in items if isinstance(i, Article)]
    rej = {r.origin: r for r in items if isinstance(r, Rejection)}
    return arts, rej


def _jsonl(path, *objs):
    path.write_text("".join(json.dumps(o) + "\n" for o in objs))
    return path


def test_lone_surrogate_becomes_replacement_char_with_offsets_kept(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "a", "text": "Bad \\ud800 char, then Almaty.", "title": "T\\udfff"}\n'
                 '{"id": "b", "text": "An emoji \\ud83d\\ude00 pair is fine."}\n')
    a, b = _read(p)
    assert a.text == "Bad \ufffd char, then Almaty." and a.title == "T\ufffd"
    assert a.text.index("Almaty") == len("Bad \ud800 char, then ")  # one character for one
    assert b.text == "An emoji \U0001F600 pair is fine."
    a.text.encode("utf-8")  # encodable: it can reach spaCy and the store


def test_deep_nesting_rejects_one_line_and_the_run_goes_on(tmp_path):
    p = tmp_path / "n.jsonl"
    p.write_text('{"id": "ok1", "text": "First."}\n' + "[" * 100_000 + "\n"
                 + '{"id": "x", "text": "Deep.", "meta": ' + "[" * 100_000 + "]" * 100_000 + '}\n'
                 + '{"id": "ok2", "text": "Last."}\n')
    other = tmp_path / "z.txt"
    other.write_text("Another file.")
    arts, rej = _split(_read(p, other))
    assert [a.id for a in arts[:2]] == ["ok1", "ok2"] and arts[2].text == "Another file."
    assert rej[f"{p}:2"].code == rej[f"{p}:3"].code == "bad-json"
    assert "nested too deeply" in rej[f"{p}:3"].message


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085", "\f", "\x1c", "\x1d", "\x1e", "\r"])
def test_jsonl_splits_on_newline_only(tmp_path, sep):
    p = tmp_path / "u.jsonl"
    text = f"Line one{sep}line two."
    raw = json.dumps({"id": "u1", "text": text}, ensure_ascii=False).replace("\\u001c", "\x1c")
    raw = raw.replace("\\u001d", "\x1d").replace("\\u001e", "\x1e").replace("\\f", "\f").replace("\\r", "\r")
    p.write_bytes((raw + "\n" + '{"id": "u2", "text": "Next."}\n').encode("utf-8"))
    arts, rej = _split(_read(p))
    assert not rej, rej
    assert [a.text for a in arts] == [text, "Next."]
    assert arts[1].origin == f"{p}:2"  # line numbers do not shift


def test_one_nul_or_bad_byte_rejects_only_its_line(tmp_path):
    p = tmp_path / "b.jsonl"
    lines = [json.dumps({"id": f"g{i}", "text": f"Good article {i}."}).encode() for i in range(50)]
    lines.insert(10, b'{"id": "nul", "text": "a\x00b"}')
    lines.insert(30, b'{"id": "latin", "text": "caf\xe9"}')
    p.write_bytes(b"\n".join(lines) + b"\n")
    arts, rej = _split(_read(p))
    assert len(arts) == 50
    assert rej[f"{p}:11"].code == "binary" and rej[f"{p}:31"].code == "undecodable"
    assert len(rej) == 2


def test_binary_file_renamed_jsonl_is_one_rejection(tmp_path):
    p = tmp_path / "img.jsonl"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert [(r.origin, r.code) for r in _read(p)] == [(str(p), "binary")]


def test_duplicate_ids_identical_copies_are_one_and_different_ones_are_rejected(tmp_path):
    p = _jsonl(tmp_path / "d.jsonl", {"id": "a", "text": "Same."}, {"id": "b", "text": "Other."},
               {"id": "a", "text": "Same."}, {"id": "b", "text": "Changed."})
    arts, rej = _split(_read(p))
    assert [(a.id, a.text) for a in arts] == [("a", "Same."), ("b", "Other.")]
    assert list(rej) == [f"{p}:4"] and rej[f"{p}:4"].code == "duplicate-id"
    assert f"{p}:2" in rej[f"{p}:4"].message  # names both places


def test_max_bytes_is_bounded_with_a_clear_error():
    with pytest.raises(InputError, match="--max-bytes"):
        Options(max_bytes=HARD_MAX_BYTES + 1)
    assert Options(max_bytes=HARD_MAX_BYTES).max_bytes == HARD_MAX_BYTES


def test_long_jsonl_line_is_skipped_with_bounded_memory(tmp_path):
    p = tmp_path / "long.jsonl"
    with open(p, "w") as f:
        f.write(json.dumps({"id": "huge", "text": "word " * 300_000}) + "\n")
        f.write(json.dumps({"id": "after", "text": "Still read."}) + "\n")
    arts, rej = _split(_read(p, max_bytes=1000))
    assert [a.id for a in arts] == ["after"] and rej[f"{p}:1"].code == "too-large"


def test_id_less_article_is_identified_by_its_place(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("First version of the story.")
    first = _read(p)[0]
    p.write_text("Edited version of the story.")
    second = _read(p)[0]
    assert first.id == second.id == origin_id(os.path.abspath(p))
    assert first.content_hash != second.content_hash
    j = _jsonl(tmp_path / "n.jsonl", {"text": "One."}, {"text": "One."})
    a, b = _read(j)  # same text on two lines: two articles, one per place
    assert a.id != b.id


@pytest.mark.parametrize("raw,expect", [
    ('"  x1 "', "x1"), ("17", "17"), ("17.0", "17"), ('"   "', None), ("null", None),
    ('["a", "b"]', "bad-id"), ('{"k": 1}', "bad-id"), ("true", "bad-id"), ("1.5", "bad-id"),
])
def test_ids_are_normalised_or_rejected(tmp_path, raw, expect):
    p = tmp_path / "i.jsonl"
    p.write_text('{"id": %s, "text": "Body."}\n' % raw)
    (item,) = _read(p)
    if expect == "bad-id":
        assert isinstance(item, Rejection) and item.code == "bad-id" and item.origin == f"{p}:1"
    elif expect is None:  # blank: the article is identified by its place
        assert item.id == origin_id(os.path.abspath(p) + ":1")
    else:
        assert item.id == expect


def test_lang_field_is_read_when_present(tmp_path):
    p = _jsonl(tmp_path / "l.jsonl", {"id": "r", "text": "Текст.", "lang": "ru"}, {"id": "e", "text": "Text."})
    r, e = _read(p)
    assert r.lang == "ru"
    assert e.lang == Article(id="e", text="x").lang  # the model's default when the input says nothing
    c = tmp_path / "l.csv"
    c.write_text("id,text,lang\nk,Мәтін.,kk\n")
    assert _read(c)[0].lang == "kk"


def test_txt_starting_with_the_word_date_is_a_body(tmp_path):
    p = tmp_path / "palm.txt"
    p.write_text("Date palm growers in the south expect a good harvest.")
    (a,) = _read(p)
    assert isinstance(a, Article) and a.text.startswith("Date palm") and a.published is None


def test_jsonl_with_bom_on_stdin():
    data = b"\xef\xbb\xbf" + b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n'
    assert [a.id for a in read_bytes(data, "<stdin>", Options())] == ["s1", "s2"]


def test_csv_unbalanced_quote_does_not_swallow_the_next_rows(tmp_path):
    p = tmp_path / "q.csv"
    p.write_text('id,title,text\n'
                 'c1,A,"Multi\nline, fine."\n'
                 'c2,B,"never closed\n'
                 'c3,C,Third row.\n'
                 'c4,D,"Fourth ""quoted"" row."\n'
                 'c5,E,bad "quote" inside"x\n'
                 'c6,F,Sixth.\n')
    arts, rej = _split(_read(p))
    assert [(a.id, a.text) for a in arts] == [("c1", "Multi\nline, fine."), ("c3", "Third row."),
                                              ("c4", 'Fourth "quoted" row.'), ("c5", 'bad "quote" inside"x'),
                                              ("c6", "Sixth.")]
    assert list(rej) == [f"{p}:4"] and rej[f"{p}:4"].code == "bad-csv" and "quote" in rej[f"{p}:4"].message


def test_csv_error_does_not_drop_the_rest_of_the_file(tmp_path):
    p = tmp_path / "e.csv"
    p.write_bytes(b'id,text\nr1,"closed"junk\nr2,caf\xe9\nr3,"Good,\nand long."\nr4,too,many\nr5,End.\n')
    arts, rej = _split(_read(p))
    assert [a.id for a in arts] == ["r3", "r5"]
    assert {k.rsplit(":", 1)[1]: r.code for k, r in rej.items()} == {"2": "bad-csv", "3": "undecodable",
                                                                     "6": "bad-csv"}


def test_latin1_html_with_meta_charset(tmp_path):
    p = tmp_path / "l.html"
    body = ("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 closes</title></head><body><article>"
            "<p>The caf\xe9 on the main square of Taraz closed on Friday after forty years, its owner said, "
            "because the rent had doubled since the spring and the customers were fewer.</p>"
            "</article></body></html>")
    p.write_bytes(body.encode("latin-1"))
    (a,) = _read(p)
    assert isinstance(a, Article) and "caf\xe9 on the main square" in a.text


def _warc(n, gz):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(n):
        html = (f"<html><body><article><p>Report {i}: the council of Shymkent met on Tuesday and agreed a "
                f"new budget for the repair of roads and schools in the districts.</p></article></body></html>")
        hdr = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"http://e.example/{i}", "response", payload=io.BytesIO(html.encode()),
                                            http_headers=hdr))
    return buf.getvalue()


@pytest.mark.parametrize("cut", [0.5, 0.8, 0.95])
def test_truncated_plain_warc_reports_its_partial_record(tmp_path, cut):
    data = _warc(3, gz=False)
    p = tmp_path / "t.warc"
    p.write_bytes(data[: int(len(data) * cut)])
    arts, rej = _split(_read(p))
    assert len(arts) + len(rej) == 3 or (len(rej) == 1 and len(arts) >= 1)
    assert [r.code for r in rej.values()] == ["bad-warc"]
    assert list(rej)[0] == f"{p}#{len(arts) + 1}"


def test_plain_warc_missing_only_its_last_record_separator_keeps_every_record(tmp_path):
    p = tmp_path / "s.warc"
    p.write_bytes(_warc(3, gz=False)[:-2])
    arts, rej = _split(_read(p))
    assert len(arts) == 3 and not rej
