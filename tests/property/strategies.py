"""Generated inputs for the property suite: valid records with hostile text, and invalid ones
whose expected rejection is known in advance."""
from __future__ import annotations

import csv
import io
import json

from hypothesis import strategies as st

from newsgraph.ingest.common import clean_surrogates

ODD = ["\u2028", "\u2029", "\x85", "\f", "\x1c", "\x1d", "\x1e", "\r", "\n", "\t", "\v", "\u00a0", "\ufeff",
       "\U0001F600", "e\u0301", "\u200f", "\u0627\u0644", "\\N", '"', "'", ",", "\\", "\ufffd", "\x7f"]

plain_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)
odd_text = st.lists(st.one_of(st.sampled_from(ODD), st.text("abc xyz.", min_size=1, max_size=8)),
                    min_size=1, max_size=12).map("".join)
body = st.one_of(plain_text, odd_text).filter(lambda t: t.strip())
with_surrogate = st.tuples(body, st.sampled_from(["\ud800", "\udfff", "\udc80"])).map(lambda p: p[0] + p[1] + "x")
date = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)


@st.composite
def jsonl_file(draw):
    """(bytes of a JSONL file, the expected outcome per line: ("ok", id, text) or ("bad", code))."""
    lines, expect = [], []
    for i in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["ok", "ok", "ok", "surrogate", "noid", "badjson", "badbyte", "nul",
                                     "notext", "baddate", "array", "blank", "deep"]))
        lineno = len(lines) + 1
        if kind in ("ok", "surrogate", "noid"):
            text = draw(with_surrogate if kind == "surrogate" else body)
            obj = {"text": text, "published": draw(st.none() | date)}
            if kind != "noid":
                obj["id"] = f"r{i}"
            ascii_ = kind == "surrogate" or draw(st.booleans())
            lines.append(json.dumps(obj, ensure_ascii=ascii_).encode("utf-8"))
            expect.append((lineno, "ok", obj.get("id"), clean_surrogates(text)))
        elif kind == "blank":
            lines.append(draw(st.sampled_from([b"", b"  ", b"\t", b"\r"])))
        else:
            raw, code = {
                "badjson": (b'{"id": "x", "text": ', "bad-json"),
                "badbyte": (b'{"id": "b", "text": "caf\xe9"}', "undecodable"),
                "nul": (b'{"id": "n", "text": "a\x00b"}', "binary"),
                "notext": (b'{"id": "t", "title": "no body"}', "missing-text"),
                "baddate": (b'{"id": "d", "text": "Body.", "published": "spring"}', "bad-date"),
                "array": (b'[1, 2, 3]', "bad-json"),
                "deep": (b"[" * 50_000, "bad-json"),
            }[kind]
            lines.append(raw)
            expect.append((lineno, "bad", code, None))
    data = b"\n".join(lines) + (b"\n" if draw(st.booleans()) else b"")
    if draw(st.booleans()) and data:
        data = b"\xef\xbb\xbf" + data
    return data, expect


csv_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
csv_body = csv_cell.filter(lambda t: t.strip())


@st.composite
def csv_file(draw):
    """(bytes of a CSV file, expected outcomes keyed by the record's first line number)."""
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")  # so cells with \r or \n are quoted
    w.writerow(["id", "published", "text"])
    chunks, expect = [out.getvalue().encode()], []
    line = 2
    for i in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(["ok", "ok", "ok", "extra", "badbyte", "notext", "baddate"]))
        out = io.StringIO(newline="")
        w = csv.writer(out, lineterminator="\r\n")
        text = draw(csv_body)
        if kind == "extra":
            w.writerow([f"c{i}", "", text, "one too many"])
        elif kind == "notext":
            w.writerow([f"c{i}", "", " "])
        elif kind == "baddate":
            w.writerow([f"c{i}", "sometime", text])
        else:
            w.writerow([f"c{i}", "", text])
        raw = out.getvalue().encode()
        if kind == "badbyte":
            raw = f"c{i},,caf".encode() + b"\xe9\n"
        code = {"ok": None, "extra": "bad-csv", "badbyte": "undecodable", "notext": "missing-text",
                "baddate": "bad-date"}[kind]
        expect.append((line, code, f"c{i}", text))
        line += raw.count(b"\n")
        chunks.append(raw)
    if draw(st.booleans()):  # an unclosed quote on the last line: that line only is lost
        chunks.append(b'z,,"never closed\n')
        expect.append((line, "bad-csv", "z", None))
    return b"".join(chunks), expect
