"""Every error of the API has one JSON shape, {"error": {"code", "message", "param"}}:
400 naming the bad parameter, 404 for unknown ids and paths, never a 500 for user input."""
from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

from test_api_helpers import Server, add_records, crafted_record

CASES = [  # path, params, status, code, param
    ("/api/v1/articles", {"limit": "0"}, 400, "bad_parameter", "limit"),
    ("/api/v1/articles", {"limit": "100000"}, 400, "bad_parameter", "limit"),
    ("/api/v1/articles", {"limit": "ten"}, 400, "bad_parameter", "limit"),
    ("/api/v1/articles", {"from": "2019-13-01"}, 400, "bad_parameter", "from"),
    ("/api/v1/articles", {"to": "yesterday"}, 400, "bad_parameter", "to"),
    ("/api/v1/articles", {"from": "2019-05-01", "to": "2019-01-01"}, 400, "bad_parameter", "from"),
    ("/api/v1/articles", {"cursor": "not-a-cursor"}, 400, "bad_parameter", "cursor"),
    ("/api/v1/articles", {"cursor": "eyJvIjotNX0"}, 400, "bad_parameter", "cursor"),  # {"o":-5}
    ("/api/v1/articles", {"q": "x" * 1000}, 400, "bad_parameter", "q"),
    ("/api/v1/articles", {"q": "a\x00b"}, 400, "bad_parameter", "q"),
    ("/api/v1/entities", {"type": "'; DROP TABLE entities; --"}, 400, "bad_parameter", "type"),
    ("/api/v1/events", {"format": "xml"}, 400, "bad_parameter", "format"),
    ("/api/v1/places", {"country": "Kazakhstan"}, 400, "bad_parameter", "country"),
    ("/api/v1/numbers", {"category": "PERSONS)"}, 400, "bad_parameter", "category"),
    ("/api/v1/quotes", {"from": "2019-02-30"}, 400, "bad_parameter", "from"),
    ("/api/v1/articles/no-such-article", {}, 404, "not_found", None),
    ("/api/v1/entities/e000000000000", {}, 404, "not_found", None),
    ("/api/v1/nothing-here", {}, 404, "not_found", None),
    ("/static/nothing.js", {}, 404, "not_found", None),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("errors") / "store.duckdb"
    add_records(db, [crafted_record()])
    with Server(db) as srv:
        yield srv


def assert_error_shape(r: httpx.Response, status: int, code: str, param: str | None) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert list(body) == ["error"] and sorted(body["error"]) == ["code", "message", "param"]
    assert body["error"]["code"] == code and body["error"]["param"] == param
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


@pytest.mark.parametrize("path,params,status,code,param", CASES)
def test_error_shape(server, path, params, status, code, param):
    r = httpx.get(server.url + path, params=params, timeout=20)
    assert_error_shape(r, status, code, param)
    if param:
        assert param in r.json()["error"]["message"]


def test_wrong_method_has_the_same_shape(server):
    assert_error_shape(httpx.post(server.url + "/api/v1/articles", timeout=20), 405, "method_not_allowed", None)


ODD = ["", " ", "%", "_", "\\", "'", '"', "*", "(", ")", "AND OR NOT", "ñandú 北京", "<script>", "--", ";",
       "' OR 1=1 --", "\u202e", "a" * 200, "🙂", "NULL"]


@pytest.mark.parametrize("value", ODD)
def test_odd_text_never_makes_a_500(server, value):
    for path, name in [("articles", "q"), ("articles", "source"), ("entities", "q"), ("quotes", "q"),
                       ("quotes", "speaker"), ("numbers", "counted"), ("numbers", "claimant"), ("series", "q"),
                       ("events", "actor"), ("events", "place"), ("places", "q")]:
        r = httpx.get(f"{server.url}/api/v1/{path}", params={name: value}, timeout=20)
        assert r.status_code == 200, (path, name, value, r.text)
        assert "items" in r.json()
    for path in ("articles", "entities"):
        r = httpx.get(f"{server.url}/api/v1/{path}/{quote(value, safe='') or '%20'}", timeout=20)
        assert r.status_code in (400, 404), (path, value, r.text)
        assert set(r.json()["error"]) == {"code", "message", "param"}
