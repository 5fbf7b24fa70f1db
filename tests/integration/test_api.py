"""The REST API against a real uvicorn server on a loopback port, over a store built by
the real ingest (the seed, a few examples, a hostile article) plus one hand-made record."""
from __future__ import annotations

import httpx
import pytest

from newsgraph.model import FACT_LISTS
from test_api_helpers import HOSTILE, Server, build_store

API = "/api/v1"


@pytest.fixture(scope="module")
def store(tmp_path_factory, seed_path):
    from conftest import EXAMPLES

    return build_store(tmp_path_factory.mktemp("api"), seed_path, EXAMPLES)


@pytest.fixture(scope="module")
def server(store):
    with Server(store) as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url + API, timeout=20) as c:
        yield c


def test_article_list_pages_cover_everything_once_in_a_stable_order(client):
    everything = client.get("/articles", params={"limit": 500}).json()
    assert everything["next"] is None and everything["total"] == len(everything["items"]) >= 6
    ids, cursor = [], None
    while True:
        page = client.get("/articles", params={"limit": 2, "cursor": cursor}).json()
        ids += [a["id"] for a in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert ids == [a["id"] for a in everything["items"]]
    dates = [a["published"] for a in everything["items"] if a["published"]]
    assert dates == sorted(dates, reverse=True)


def test_article_filters(client):
    got = client.get("/articles", params={"from": "2019-03-06", "to": "2019-03-06"}).json()["items"]
    assert "crafted-0001" in [a["id"] for a in got]
    assert all(a["published"] == "2019-03-06" for a in got)
    got = client.get("/articles", params={"source": "test wire"}).json()["items"]
    assert [a["id"] for a in got] == ["crafted-0001"]


def test_search_finds_the_seed_article(client, seed_record):
    res = client.get("/articles", params={"q": "Bilisbekov"}).json()
    hit = [a for a in res["items"] if a["id"] == seed_record["id"]]
    assert hit and "Bilisbekov" in hit[0]["snippet"]


def test_article_record_is_the_extracted_record(client, seed_record):
    rec = client.get(f"/articles/{seed_record['id']}").json()
    assert rec["text"] == seed_record["text"] and rec["published"] == "2019-02-24"
    for name in FACT_LISTS:
        assert rec[name] == seed_record[name], name


def test_every_record_is_what_the_store_holds(client, store):
    from newsgraph.store import Store, queries

    with Store(store, read_only=True) as s:
        ids = [r[0] for r in s.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        assert len(ids) >= 6
        for i in ids:
            assert client.get(f"/articles/{i}").json() == queries.get_record(s, i), i


def test_entity_search_and_page(client):
    items = client.get("/entities", params={"q": "bilisbekov"}).json()["items"]
    people = [e for e in items if e["type"] == "PERSON"]
    assert people, items
    e = client.get(f"/entities/{people[0]['id']}").json()
    assert set(e) >= {"id", "name", "type", "aliases", "roles", "articles", "quotes", "numbers", "events"}
    assert "bilisbekov" in e["name"].lower() and e["articles"]
    assert all(q["speaker_id"] == e["id"] for q in e["quotes"])
    crafted = client.get("/entities", params={"q": "Turgumbayev", "type": "person"}).json()["items"][0]
    e = client.get(f"/entities/{crafted['id']}").json()
    assert [r["title"] for r in e["roles"]] == ["Interior Minister"]
    assert [q["id"] for q in e["quotes"]] == ["Q1"] and [n["id"] for n in e["numbers"]] == ["N1"]


def test_quotes_numbers_series(client):
    q = client.get("/quotes", params={"q": "detained", "speaker": "Turgumbayev"}).json()["items"]
    assert [(x["article"], x["id"]) for x in q] == [("crafted-0001", "Q1")]
    n = client.get("/numbers", params={"category": "arrested", "claimant": "Turgumbayev"}).json()["items"]
    assert [(x["article"], x["value"], x["claimant_name"]) for x in n] == [("crafted-0001", 45.0, "Erlan Turgumbayev")]
    series = client.get("/series", params={"limit": 500}).json()["items"]
    assert series, "the store holds figures with a counted phrase, so at least one series"
    for s in series:
        assert set(s) >= {"id", "category", "counted", "points"}
        dates = [p["date"] for p in s["points"] if p["date"]]
        assert dates == sorted(dates)
        for p in s["points"]:
            rec = client.get(f"/articles/{p['article']}").json()
            assert p["value"] in [n["value"] for n in rec["numbers"]]


def test_events_and_places_as_geojson(client):
    ev = client.get("/events", params={"format": "geojson", "type": "COERCE", "limit": 500}).json()
    mine = [f for f in ev["features"] if f["id"] == "crafted-0001:V1"]
    assert ev["type"] == "FeatureCollection" and mine
    assert mine[0]["geometry"]["coordinates"] == [69.6, 42.3]
    assert mine[0]["properties"]["trigger_text"] == "detained" and "cluster" in mine[0]["properties"]
    inside = client.get("/events", params={"from": "2019-03-01", "to": "2019-03-04", "limit": 500}).json()["items"]
    after = client.get("/events", params={"from": "2019-03-05", "limit": 500}).json()["items"]
    assert ("crafted-0001", "V1") in [(v["article"], v["id"]) for v in inside]
    assert ("crafted-0001", "V1") not in [(v["article"], v["id"]) for v in after]
    places = client.get("/places", params={"format": "geojson"}).json()
    names = {f["properties"]["name"]: f for f in places["features"]}
    assert "Shymkent" in names and names["Shymkent"]["properties"]["events"] >= 1
    countries = client.get("/countries").json()
    assert len(countries["features"]) > 150


def test_hostile_article_is_stored_verbatim_and_harms_nothing(client):
    before = client.get("/stats").json()["articles"]
    hits = client.get("/articles", params={"q": "DROP TABLE articles"}).json()["items"]
    rec = client.get(f"/articles/{hits[0]['id']}").json()
    assert "<script>alert(1)</script>" in rec["text"] and "'; DROP TABLE articles; --" in rec["text"]
    assert rec["text"] == HOSTILE.split("\n", 1)[1]
    evil = "'; DROP TABLE articles; --"
    for path, param in [("/articles", "q"), ("/articles", "source"), ("/entities", "q"), ("/quotes", "speaker"),
                        ("/numbers", "counted"), ("/numbers", "claimant"), ("/events", "actor"),
                        ("/events", "place"), ("/places", "q"), ("/series", "q")]:
        r = client.get(path, params={param: evil})
        assert r.status_code == 200, (path, param, r.text)
    assert client.get("/articles/" + httpx.URL(evil).path).status_code == 404
    assert client.get("/stats").json()["articles"] == before


def test_cache_headers_and_conditional_get(client):
    r = client.get("/entities", params={"q": "bilisbekov"})
    assert r.headers["etag"] and r.headers["last-modified"]
    again = client.get("/entities", params={"q": "bilisbekov"}, headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304
    other = client.get("/entities", params={"q": "almaty"}, headers={"If-None-Match": r.headers["etag"]})
    assert other.status_code == 200


def test_docs_work_offline(server):
    with httpx.Client(base_url=server.url, timeout=20) as c:
        page = c.get("/docs").text
        assert "/vendor/swagger/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
        assert c.get("/vendor/swagger/swagger-ui-bundle.js").status_code == 200
        assert c.get("/vendor/leaflet/leaflet.js").status_code == 200
        spec = c.get("/openapi.json").json()
        assert {API + p for p in ("/articles", "/articles/{article_id}", "/entities", "/entities/{entity_id}",
                                  "/quotes", "/numbers", "/series", "/events", "/places")} <= set(spec["paths"])
        index = c.get("/").text
        assert "/static/js/app.js" in index


@pytest.mark.parametrize("path,params", [("/articles", {}), ("/articles", {"q": "Kazakhstan"}), ("/entities", {}),
                                         ("/quotes", {}), ("/numbers", {}), ("/events", {}), ("/places", {}),
                                         ("/series", {})])
def test_every_list_pages_in_a_stable_order(client, path, params):
    whole = client.get(path, params={**params, "limit": 500}).json()
    assert whole["next"] is None and whole["total"] == len(whole["items"])
    got, cursor = [], None
    while True:
        page = client.get(path, params={**params, "limit": 3, "cursor": cursor}).json()
        got += page["items"]
        cursor = page["next"]
        if cursor is None:
            break
    assert got == whole["items"]


def test_article_entity_links(client, seed_record):
    links = client.get(f"/articles/{seed_record['id']}/entities").json()["entities"]
    assert set(links) == {e["id"] for e in seed_record["entities"]}
    person = next(e for e in seed_record["entities"] if e["type"] == "PERSON")
    page = client.get(f"/entities/{links[person['id']]}").json()
    assert seed_record["id"] in [a["id"] for a in page["articles"]]
    assert client.get("/articles/nope/entities").status_code == 404
