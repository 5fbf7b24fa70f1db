"""resolve over a small hand-made store: linking, incrementality, stable ids, decisions."""
import json

import pytest

from newsgraph import resolve
from newsgraph.store import Store


def _article(con, aid, published, text="x", h=None):
    con.execute("INSERT INTO articles (id, content_hash, published, text, source) VALUES (?, ?, ?, ?, ?)",
                [aid, h or f"h-{aid}", published, text, f"outlet-{aid}"])


def _entity(con, aid, eid, typ, name, n=1):
    con.execute("INSERT INTO entities (article_id, id, type, name, mentions, roles) VALUES (?, ?, ?, ?, ?, '[]')",
                [aid, eid, typ, name, json.dumps([[i * 10, i * 10 + len(name)] for i in range(n)])])


def _place(con, aid, pid, name, lat, lon, cc, entity=None):
    con.execute("INSERT INTO places (article_id, id, name, text, lat, lon, country, kind, entity) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 'city', ?)", [aid, pid, name, name, lat, lon, cc, entity])


def _event(con, aid, vid, typ, date, place, actor=None, actor_text=None):
    con.execute("INSERT INTO events (article_id, id, type, mode, trigger, sentence, actor, place, date, date_source, "
                "factuality, actor_text) VALUES (?, ?, ?, 'arrest', '[0,1]', '[0,10]', ?, ?, ?, 'time', 'asserted', ?)",
                [aid, vid, typ, actor, place, date, actor_text])


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "t.duckdb"))
    yield s
    s.close()


def _sid(con, aid, eid):
    return con.execute("SELECT store_entity_id FROM entity_links WHERE article_id=? AND entity_id=?",
                       [aid, eid]).fetchone()[0]


def test_name_variants_link_and_relatives_stay_apart(store):
    con = store.con
    _article(con, "a1", "2019-02-21")
    _entity(con, "a1", "E1", "PERSON", "Nurgali Bilisbekov")
    _entity(con, "a1", "E2", "ORG", "Bilisbekov", 2)          # NER called the surname an ORG
    _entity(con, "a1", "E3", "GPE", "Kazakhstan")
    _article(con, "a2", "2019-03-19")
    _entity(con, "a2", "E1", "PERSON", "Bilisbekov N.")
    _entity(con, "a2", "E2", "GPE", "Kazakhstan")
    _article(con, "a3", "2019-04-01")
    _entity(con, "a3", "E1", "PERSON", "Hillary Clinton")
    _article(con, "a4", "2019-04-02")
    _entity(con, "a4", "E1", "PERSON", "Bill Clinton")
    out = resolve.run_incremental(store)
    assert out["articles"] == 4
    assert _sid(con, "a1", "E1") == _sid(con, "a1", "E2") == _sid(con, "a2", "E1")
    assert _sid(con, "a3", "E1") != _sid(con, "a4", "E1")
    ev = json.loads(con.execute("SELECT evidence FROM entity_links WHERE article_id='a2' AND entity_id='E1'")
                    .fetchone()[0])
    assert ev["rule"] == "match" and ev["name"] == 0.85
    name, arts, mentions = con.execute("SELECT name, articles, mentions FROM store_entities WHERE id=?",
                                       [_sid(con, "a1", "E1")]).fetchone()
    assert (name, arts, mentions) == ("Nurgali Bilisbekov", 2, 4)


def test_incremental_and_stable_ids(store):
    con = store.con
    _article(con, "a1", "2019-02-21")
    _entity(con, "a1", "E1", "PERSON", "Temirbek Asanaliev")
    resolve.run_incremental(store)
    first = _sid(con, "a1", "E1")
    assert resolve.run_incremental(store)["articles"] == 0      # nothing new: nothing done
    _article(con, "a2", "2019-04-12")
    _entity(con, "a2", "E1", "PERSON", "Temirbek Asanaliev")
    assert resolve.run_incremental(store)["articles"] == 1      # only the new article
    assert _sid(con, "a2", "E1") == first
    resolve.rebuild(store)
    assert _sid(con, "a1", "E1") == first                       # same id after a rebuild
    con.execute("UPDATE articles SET content_hash='changed' WHERE id='a1'")
    assert resolve.run_incremental(store)["articles"] == 1      # a changed text is resolved again
    assert con.execute("SELECT count(*) FROM entity_links").fetchone()[0] == 2


def test_event_clusters_need_compatible_place_and_date(store):
    con = store.con
    for aid, day, place, lat, lon, cc in [("b1", "2019-03-07", "Almaty", 43.25, 76.92, "KZ"),
                                          ("b2", "2019-03-08", "Almaty", 43.26, 76.93, "KZ"),
                                          ("b3", "2019-03-06", "Istanbul", 41.01, 28.97, "TR")]:
        _article(con, aid, day)
        _place(con, aid, "P1", place, lat, lon, cc)
        _event(con, aid, "V1", "COERCE", "2019-03-05", "P1", actor_text="security officers")
    _article(con, "b4", "2019-03-12")
    _place(con, "b4", "P1", "Almaty", 43.25, 76.92, "KZ")
    _event(con, "b4", "V1", "COERCE", "2019-03", "P1", actor_text="Kazakh security officers")  # "in early March"
    _article(con, "b5", "2019-01-10")
    _place(con, "b5", "P1", "Almaty", 43.25, 76.92, "KZ")
    _event(con, "b5", "V1", "COERCE", "2019-01-08", "P1", actor_text="security officers")  # another, in January
    resolve.run_incremental(store)
    rows = dict(con.execute("SELECT article_id, cluster_id FROM event_cluster_members").fetchall())
    assert rows["b1"] == rows["b2"] == rows["b4"]
    assert rows["b3"] != rows["b1"] and rows["b5"] != rows["b1"]
    date, arts, sources = con.execute("SELECT date, articles, sources FROM event_clusters WHERE id=?",
                                      [rows["b1"]]).fetchone()
    assert date == "2019-03-05" and arts == 3 and len(json.loads(sources)) == 3


def test_decisions_survive_rebuild(store):
    con = store.con
    _article(con, "c1", "2019-04-16")
    _entity(con, "c1", "E1", "PERSON", "Nursultan Nazarbayev")
    _article(con, "c2", "2019-04-17")
    _entity(con, "c2", "E1", "PERSON", "Nursultan Nazarbaev")
    _article(con, "c3", "2019-04-18")
    _entity(con, "c3", "E1", "PERSON", "Gabidulla Abdrakhimov")
    resolve.run_incremental(store)
    naz, other = _sid(con, "c1", "E1"), _sid(con, "c3", "E1")
    assert _sid(con, "c2", "E1") == naz
    from newsgraph.resolve import decisions
    decisions.record(con, "split", naz)
    assert _sid(con, "c2", "E1") != naz
    decisions.record(con, "merge", naz, other)
    assert _sid(con, "c3", "E1") == naz
    resolve.rebuild(store)
    assert _sid(con, "c2", "E1") != naz and _sid(con, "c3", "E1") == naz
    with pytest.raises(decisions.DecisionError):
        decisions.record(con, "merge", naz, "evc_000000000000")
