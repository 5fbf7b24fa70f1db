"""The store: idempotent upserts, replacement of changed articles, transactions, Parquet."""
from __future__ import annotations

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import Article, ArticleRecord, Entity, FACT_LISTS, Number, Rejection, Role
from newsgraph.store import TABLES, Store, parquet, queries, writer

STAGES = {"entities": "entities.v1", "numbers": "numbers.v1"}


def _rec(aid: str, text: str, n_entities: int = 2) -> ArticleRecord:
    a = Article(id=aid, text=text, published="2019-02-24", title=f"T {aid}", source="Wire")
    ents = [Entity(id=f"E{i + 1}", type="PERSON", name=f"Person {i}", mentions=[[0, 3], [5, 8]],
                   roles=[Role(title="minister", org=None, start=0, end=3)]) for i in range(n_entities)]
    nums = [Number(id="N1", start=0, end=3, text="300", value=300.0, approx="more_than", category="PERSONS")]
    return ArticleRecord(article=a, stages=dict(STAGES), facts={"entities": ents, "numbers": nums})


def _counts(store: Store) -> dict[str, int]:
    return {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_upsert_is_idempotent(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        r1 = writer.write_records(st, [_rec("a", "one text"), _rec("b", "two text")])
        before = _counts(st)
        r2 = writer.write_records(st, [_rec("a", "one text"), _rec("b", "two text")])
        assert (r1.inserted, r2.inserted, r2.unchanged) == (2, 0, 2)
        assert _counts(st) == before == {**before, "articles": 2, "entities": 4, "numbers": 2}


def test_changed_text_replaces_old_facts(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        writer.write_records(st, [_rec("a", "old text", n_entities=3)])
        res = writer.write_records(st, [_rec("a", "new text", n_entities=1)])
        assert res.replaced == 1
        rec = queries.get_record(st, "a")
        assert rec["text"] == "new text" and len(rec["entities"]) == 1


def test_record_round_trips_through_the_store(tmp_path):
    r = _rec("a", "Some text here")
    with Store(tmp_path / "s.duckdb") as st:
        writer.write_records(st, [r])
        got = queries.get_record(st, "a")
    want = r.to_dict()
    for k in ("id", "text", "published", "title", "source", "stages", "content_hash") + FACT_LISTS:
        assert got[k] == want[k], k


def test_failed_batch_leaves_nothing_behind(tmp_path, monkeypatch):
    with Store(tmp_path / "s.duckdb") as st:
        writer.write_records(st, [_rec("keep", "kept text")])
        bad = _rec("x", "new article")
        bad.facts["numbers"][0].value = "not a number"  # the insert fails half-way through the batch
        with pytest.raises(Exception):
            writer.write_records(st, [_rec("y", "fine"), bad])
        assert [r[0] for r in st.con.execute("SELECT id FROM articles ORDER BY id").fetchall()] == ["keep"]
        assert _counts(st)["entities"] == 2


def test_rejections_are_stored_once(tmp_path):
    rej = [Rejection("f.jsonl:3", "bad-json", "fix the line"), Rejection("g.txt", "empty", "fill it")]
    with Store(tmp_path / "s.duckdb") as st:
        writer.write_rejections(st, rej)
        writer.write_rejections(st, rej)
        assert _counts(st)["rejections"] == 2


def test_parquet_round_trip(tmp_path):
    with Store(tmp_path / "a.duckdb") as st:
        writer.write_records(st, [_rec("a", "one"), _rec("b", "two")])
        writer.write_rejections(st, [Rejection("f", "empty", "m")])
        parquet.export_parquet(st, tmp_path / "pq")
        want = _counts(st)
        rec_a = queries.get_record(st, "a")
    with Store(tmp_path / "b.duckdb") as st:
        parquet.import_parquet(st, tmp_path / "pq")
        parquet.import_parquet(st, tmp_path / "pq")  # importing twice changes nothing
        assert _counts(st) == want
        assert queries.get_record(st, "a") == rec_a


def test_fts_search(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        writer.write_records(st, [_rec("a", "Police detained two men in Almaty"), _rec("b", "A flood in Semey")])
        queries.rebuild_fts(st)
        hits = queries.search(st, "detained Almaty")
        assert [h["id"] for h in hits] == ["a"] and "Almaty" in hits[0]["snippet"]


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="ingest"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_not_a_database(tmp_path):
    p = tmp_path / "junk.duckdb"
    p.write_bytes(b"this is not duckdb" * 100)
    with pytest.raises(StoreError):
        Store(p)


def test_fact_columns_match_schema(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        for name in FACT_LISTS:
            cols = [r[0] for r in st.con.execute(f"DESCRIBE {name}").fetchall()]
            assert cols == writer.fact_columns(name), name
