"""Ids and texts with any character go through the store and the cross-article step, and
later ingests into the same store keep working (issue 16, item 1: the old temporary CSV of
resolve/db.py read "\\N" as NULL and broke on line breaks, poisoning the store for good)."""
from __future__ import annotations

import json

import pytest

from newsgraph import resolve, service
from newsgraph.model import Article, ArticleRecord, Entity, Number
from newsgraph.store import Store, queries, writer

HOSTILE = ["line\nbreak", "carriage\rreturn", "\\N", "tab\there", 'quo"te', "it's", "\\N\n\r\t\"", ",comma,"]


def _rec(aid: str, figure: str, name: str, published: str = "2019-03-05") -> ArticleRecord:
    text = f"{name} said {figure} protesters were detained in Almaty."
    start = text.index(figure)
    a = Article(id=aid, text=text, published=published, source=f"outlet {aid}", title=aid)
    ents = [Entity(id="E1", type="PERSON", name=name, mentions=[[0, len(name)]])]
    nums = [Number(id="N1", start=start, end=start + len(figure), text=figure, value=12.0,
                   counted="protesters\n" + aid, category="ARRESTED", claimant="E1")]
    return ArticleRecord(article=a, stages={"entities": "e.v1", "numbers": "n.v1"},
                         facts={"entities": ents, "numbers": nums})


def test_hostile_ids_and_figures_survive_resolve(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        recs = [_rec(f"id {h}", f"12{h}", f"Aidos {h} Serikbayev") for h in HOSTILE]
        assert writer.write_records(st, recs).inserted == len(HOSTILE)
        out = resolve.run_incremental(st)
        assert out["articles"] == len(HOSTILE)
        con = st.con
        stored = {r[0] for r in con.execute("SELECT article_id FROM resolve_state").fetchall()}
        assert stored == {f"id {h}" for h in HOSTILE}
        texts = {r[0] for r in con.execute("SELECT text FROM series_points").fetchall()}
        assert texts == {f"12{h}" for h in HOSTILE}
        names = {r[0] for r in con.execute("SELECT name FROM entity_links").fetchall()}
        assert names == {f"Aidos {h} Serikbayev" for h in HOSTILE}
        for h in HOSTILE:  # the record reads back exactly
            rec = queries.get_record(st, f"id {h}")
            assert rec["numbers"][0]["text"] == f"12{h}" and rec["entities"][0]["name"] == f"Aidos {h} Serikbayev"
        # a later batch into the same store still resolves, and links to the same people
        later = [_rec(f"later {h}", "7", f"Aidos {h} Serikbayev", "2019-03-06") for h in HOSTILE]
        writer.write_records(st, later)
        assert resolve.run_incremental(st)["articles"] == len(HOSTILE)
        for h in HOSTILE:
            a, b = (con.execute("SELECT store_entity_id FROM entity_links WHERE article_id = ?", [i]).fetchone()[0]
                    for i in (f"id {h}", f"later {h}"))
            assert a == b, h
        # and a rebuild from scratch goes through the same rows
        assert resolve.rebuild(st)["articles"] == 2 * len(HOSTILE)


def test_temp_ids_keep_every_character(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        writer.temp_ids(st.con, "_t", HOSTILE + [""])
        got = [r[0] for r in st.con.execute("SELECT id FROM _t").fetchall()]
        assert sorted(got) == sorted(HOSTILE + [""]) and None not in got


@pytest.mark.parametrize("hostile", ["12\nprotesters", "\\N", "a\r\nb"])
def test_ingest_of_hard_wrapped_jsonl_then_more(tmp_path, hostile):
    """Through the real pipeline: a figure split across a line, ids with line breaks and \\N."""
    src = tmp_path / "in.jsonl"
    rows = [{"id": f"x{hostile}1", "published": "2019-03-05",
             "text": f"Police in Almaty said {hostile} people were detained on Tuesday, officials said."},
            {"id": "\\N", "published": "2019-03-06",
             "text": "Police said 12\nprotesters were detained in Almaty on Wednesday."}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    s = service.ingest([str(src)], db)
    assert (s.inserted, s.rejected) == (2, 0)
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "next", "published": "2019-03-07",
                                "text": "Police said 30 people were detained in Almaty on Thursday."}) + "\n")
    s2 = service.ingest([str(more)], db)
    assert s2.inserted == 1
    with Store(db, read_only=True) as st:
        ids = {r[0] for r in st.con.execute("SELECT article_id FROM resolve_state").fetchall()}
        assert ids == {f"x{hostile}1", "\\N", "next"}
        assert queries.get_record(st, "\\N")["text"].startswith("Police said 12\nprotesters")
