"""One detention told by four outlets in two languages (tests/data/story): the cluster with
every report, the disagreements outlet by outlet, the claim ledger's conflicts and the quote
lineage, through the real API over a real DuckDB file. Expectations: expected.json."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import duckdb
import httpx
import pytest

from test_api_helpers import Server

API = "/api/v1"
STORY = Path(__file__).resolve().parents[1] / "data" / "story"
EXPECTED = json.loads((STORY / "expected.json").read_text(encoding="utf-8"))


def _build(db: Path) -> Path:
    spec = importlib.util.spec_from_file_location("story_build", STORY / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.build(str(db))
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("story") / "story.duckdb")


@pytest.fixture(scope="module")
def client(db):
    with Server(db) as srv, httpx.Client(base_url=srv.url + API, timeout=20) as c:
        yield c


def _detention(client) -> dict:
    items = client.get("/clusters", params={"type": "COERCE", "limit": 50}).json()["items"]
    best = max(items, key=lambda c: c["reports"])
    return client.get(f"/clusters/{best['id']}").json()


def test_the_same_people_are_one_entity_across_scripts_and_cases(db):
    con = duckdb.connect(str(db), read_only=True)
    for names in EXPECTED["same_people"]:
        ids = {r[0] for r in con.execute("SELECT DISTINCT store_entity_id FROM entity_links WHERE name IN "
                                         f"({', '.join('?' * len(names))})", names).fetchall()}
        assert len(ids) == 1, names
    con.close()


def test_one_cluster_keeps_every_report_of_four_outlets_in_two_languages(client):
    exp = EXPECTED["detention_cluster"]
    c = _detention(client)
    assert c["type"] == exp["type"] and c["place"] == exp["place"]
    assert sorted({r["article"] for r in c["reports"]}) == exp["articles"]
    assert sorted(c["sources"]) == sorted(exp["sources"]) and c["langs"] == exp["langs"]
    for r in c["reports"]:
        assert set(r) >= {"article", "source", "lang", "published", "date", "place", "figures", "trigger"}
        assert r["trigger"]["text"] and r["trigger"]["end"] > r["trigger"]["start"]
    listed = client.get("/clusters", params={"type": "COERCE", "place": "Almaty"}).json()["items"]
    row = next(i for i in listed if i["id"] == c["id"])
    assert row["reports"] == len(c["reports"]) and sorted(row["langs"]) == ["en", "ru"]
    assert set(row["disagreements"]) == {"date", "figures"}


def test_disagreements_on_date_and_figures_outlet_by_outlet(client):
    exp = EXPECTED["detention_cluster"]
    c = _detention(client)
    by_field = {d["field"]: d for d in c["disagreements"]}
    assert "place" not in by_field  # everyone says Almaty
    dates = {v["value"]: {r.split("/")[0] for r in v["reports"]} for v in by_field["date"]["values"]}
    assert sorted(dates) == exp["date_values"]
    assert sorted(dates["2022-03-13"]) == exp["date_2022-03-13_articles"]
    # "detained 50 people on Saturday" in an article of Sunday 13 March: the 12th, as the Russian reports say
    assert {"story-en-steppe", "story-ru-vremya", "story-ru-vestnik"} <= dates["2022-03-12"]
    figs = by_field["figures"]
    assert figs["category"] == "ARRESTED"
    assert sorted(v["value"] for v in figs["values"]) == exp["arrested_values"]
    about = next(v for v in figs["values"] if v["value"] == 120)
    assert about["approx"] == "about"
    assert {r.split("/")[0] for r in about["reports"]} == {"story-en-daily", "story-ru-vestnik"}


def test_claim_ledger_flags_the_police_and_activist_figures(client):
    exp = EXPECTED["ledger"]
    series = client.get("/series", params={"category": "ARRESTED"}).json()["items"]
    sid = max(series, key=lambda s: len(s["points"]))["id"]
    s = client.get(f"/series/{sid}").json()
    assert len(s["points"]) == exp["points"]
    assert len(s["conflicts"]) == exp["conflicts"]
    for k in s["conflicts"]:
        assert set(k) == {"date_range", "values", "claimants"} and k["date_range"][0] <= k["date_range"][1]
        joined = " ".join(k["claimants"])
        assert all(any(part in joined for part in (w, _cyr(w))) for w in exp["conflict_claimant_pairs"][0])
        pair = sorted(v["article"] for v in k["values"])
        assert pair not in [sorted(p) for p in exp["never_in_conflict"]]


def _cyr(latin: str) -> str:
    return {"Abdikarimov": "Абдикаримов", "Bekova": "Бекова"}[latin]


def test_quote_lineage_across_outlets_and_languages(client):
    exp = EXPECTED["lineage"]
    article, words = exp["origin"]
    quotes = client.get("/quotes", params={"q": "released identities", "limit": 50}).json()["items"]
    origin = next(q for q in quotes if q["article"] == article and words in q["text"])
    got = client.get(f"/quotes/{article}:{origin['id']}/lineage").json()
    assert got["quote"]["article"] == article
    others = {r["article"]: r for r in got["reports"][1:]}
    for art, attribution in exp["reports"].items():
        assert others[art]["attribution"] == attribution
    assert not set(exp["not"]) & set(others)
    assert others["story-en-daily"]["wording"] > 0        # "will be" -> "would be": the wording drifted
    assert others["story-ru-vremya"]["lang"] == "ru" and others["story-ru-vremya"]["wording"] is None


def test_unknown_ids_and_bad_parameters_have_the_error_shape(client):
    for path in ("/clusters/evc_nope", "/series/ser_nope", "/quotes/nope:Q1/lineage"):
        r = client.get(path)
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    for path, params, param in (("/clusters", {"limit": 0}, "limit"), ("/clusters", {"from": "someday"}, "from"),
                                ("/clusters", {"from": "2022-03-14", "to": "2022-03-01"}, "from"),
                                ("/clusters", {"type": "CO ERCE"}, "type"), ("/clusters", {"cursor": "zz"}, "cursor"),
                                ("/clusters", {"place": "x" * 300}, "place"), ("/quotes/noquote/lineage", {}, "id")):
        r = client.get(path, params=params)
        assert r.status_code == 400, (path, params)
        assert r.json()["error"]["param"] == param
