"""Headline-case fragments join the body's person; a bare surname goes to the far more
written-about namesake; relatives stay apart."""
import json

import pytest

from newsgraph import resolve
from newsgraph.store import Store


def _article(con, aid, published, text):
    con.execute("INSERT INTO articles (id, content_hash, published, text, source) VALUES (?, ?, ?, ?, 'o')",
                [aid, f"h-{aid}", published, text])


def _entity(con, aid, eid, name, text, occ=0, typ="PERSON"):
    spans, i = [], -1
    while True:
        i = text.find(name, i + 1)
        if i < 0:
            break
        spans.append([i, i + len(name)])
    spans = spans[occ:occ + 1] if occ >= 0 else spans
    con.execute("INSERT INTO entities (article_id, id, type, name, mentions, roles) VALUES (?, ?, ?, ?, ?, '[]')",
                [aid, eid, typ, name, json.dumps(spans)])


def _sid(con, aid, eid):
    return con.execute("SELECT store_entity_id FROM entity_links WHERE article_id=? AND entity_id=?",
                       [aid, eid]).fetchone()[0]


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "t.duckdb"))
    yield s
    s.close()


def test_headline_fragment_joins_the_full_name_of_the_body(store):
    con = store.con
    t = "Clinton Plan for Taxes Is Expansive.\n\nHillary Clinton proposed a plan. Mrs. Clinton said so.\n"
    _article(con, "a1", "2016-05-01", t)
    _entity(con, "a1", "E1", "Clinton Plan", t)
    _entity(con, "a1", "E2", "Hillary Clinton", t)
    t2 = "Hillary Asking Moderator To Check Facts.\n\nHillary Clinton spoke. Bill Clinton listened.\n"
    _article(con, "a2", "2016-05-02", t2)
    _entity(con, "a2", "E1", "Hillary Asking Moderator", t2)
    _entity(con, "a2", "E2", "Hillary Clinton", t2)
    _entity(con, "a2", "E3", "Bill Clinton", t2)
    resolve.run_incremental(store)
    assert _sid(con, "a1", "E1") == _sid(con, "a1", "E2") == _sid(con, "a2", "E1") == _sid(con, "a2", "E2")
    assert _sid(con, "a2", "E3") != _sid(con, "a2", "E2")


def test_a_name_in_the_headline_that_is_also_in_the_body_is_not_a_fragment(store):
    con = store.con
    t = "Bill Clinton Visits Ohio.\n\nBill Clinton toured a plant. Hillary Clinton stayed home.\n"
    _article(con, "a1", "2016-05-01", t)
    _entity(con, "a1", "E1", "Bill Clinton", t, occ=-1)
    _entity(con, "a1", "E2", "Hillary Clinton", t)
    resolve.run_incremental(store)
    assert _sid(con, "a1", "E1") != _sid(con, "a1", "E2")


def test_bare_surname_goes_to_the_far_more_prominent_namesake(store):
    con = store.con
    for i in range(4):
        t = f"Story {i}.\n\nHillary Clinton campaigned in town {i}.\n"
        _article(con, f"h{i}", f"2016-06-0{i + 1}", t)
        _entity(con, f"h{i}", "E1", "Hillary Clinton", t)
    t = "A speech.\n\nBill Clinton spoke.\n"
    _article(con, "b1", "2016-06-05", t)
    _entity(con, "b1", "E1", "Bill Clinton", t)
    t = "Debate.\n\nClinton attacked her rival.\n"
    _article(con, "c1", "2016-06-01", t)     # published before most of her articles: same batch
    _entity(con, "c1", "E1", "Clinton", t)
    resolve.run_incremental(store)
    assert _sid(con, "c1", "E1") == _sid(con, "h0", "E1")
    ev = json.loads(con.execute("SELECT evidence FROM entity_links WHERE article_id='c1'").fetchone()[0])
    assert ev["prominent"] >= 4


def test_bare_surname_with_two_equally_known_namesakes_stays_apart(store):
    con = store.con
    for i, first in enumerate(["Hillary", "Bill", "Hillary", "Bill"]):
        t = f"Story {i}.\n\n{first} Clinton spoke.\n"
        _article(con, f"a{i}", f"2016-06-0{i + 1}", t)
        _entity(con, f"a{i}", "E1", f"{first} Clinton", t)
    t = "Debate.\n\nClinton spoke.\n"
    _article(con, "c1", "2016-06-09", t)
    _entity(con, "c1", "E1", "Clinton", t)
    resolve.run_incremental(store)
    assert _sid(con, "c1", "E1") not in {_sid(con, "a0", "E1"), _sid(con, "a1", "E1")}
