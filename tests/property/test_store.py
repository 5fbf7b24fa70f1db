"""The store, any articles: each stored once with its text and id unchanged, writes are
idempotent; and a whole ingest of generated input never crashes the run (issue 16)."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings, strategies as st

from newsgraph import service
from newsgraph.model import Article, ArticleRecord, Rejection
from newsgraph.store import Store, queries, writer

from .strategies import body, jsonl_file

odd_id = st.one_of(st.text(min_size=1, max_size=30), st.sampled_from(["\\N", "a\nb", "a\rb", '"q"', "NULL", "'",
                                                                         "x,y", "\u2028"]))
odd_id = odd_id.map(lambda s: s.encode("utf-8", "replace").decode()).filter(lambda s: s.strip())


@given(st.lists(st.tuples(odd_id, body.map(lambda s: s.encode("utf-8", "replace").decode())), max_size=8,
                unique_by=lambda t: t[0]))
def test_store_round_trips_any_text_and_id(pairs):
    recs = [ArticleRecord(Article(id=i, text=t, published=None, origin=f"f:{n}"), stages={"x": "x.v1"})
            for n, (i, t) in enumerate(pairs)]
    with Store(":memory:") as st_:
        first = writer.write_records(st_, recs)
        assert first.inserted == len(pairs)
        again = writer.write_records(st_, recs)
        assert again.unchanged == len(pairs) and again.inserted == again.replaced == 0
        rows = dict(st_.con.execute("SELECT id, text FROM articles").fetchall())
        assert rows == dict(pairs)
        for i, _ in pairs:
            assert queries.get_record(st_, i)["id"] == i
        writer.write_rejections(st_, [Rejection(origin=i, code="bad-json", message=t) for i, t in pairs])
        assert st_.con.execute("SELECT count(*) FROM rejections").fetchone()[0] == len(pairs)


@settings(max_examples=6)
@given(jsonl_file())
def test_ingest_of_any_jsonl_stores_each_valid_record_once(case):
    data, expect = case
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "in.jsonl"
        src.write_bytes(data)
        db = Path(d) / "s.duckdb"
        s = service.ingest([str(src)], str(db), resolve=False)
        ok = [e for e in expect if e[1] == "ok"]
        bad = {f"{src}:{e[0]}": e[2] for e in expect if e[1] == "bad"}
        failed = [r for r in s.rejections if r.code == "stage-failed"]
        assert not failed, failed
        assert {r.origin: r.code for r in s.rejections} == (bad if data.strip() else {str(src): "empty"})
        with Store(str(db), read_only=True) as st_:
            rows = st_.con.execute("SELECT origin, text FROM articles").fetchall()
        assert sorted(rows) == sorted((f"{src}:{e[0]}", e[3]) for e in ok)
        assert s.inserted == len(ok)
        again = service.ingest([str(src)], str(db), resolve=False)
        assert again.unchanged == len(ok) and again.extracted == 0
        assert json.dumps(sorted(rows))  # every stored text is encodable
