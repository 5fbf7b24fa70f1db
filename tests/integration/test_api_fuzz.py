"""API fuzz test (issue 16 item 10): every GET endpoint of the OpenAPI schema, every
parameter, hostile values (huge cursors, odd dates, control characters, broken percent
escapes, long texts): always a JSON answer, 4xx with the one error shape, never a 500.

Endpoints and parameters are read from the app's own OpenAPI schema, so a new endpoint is
fuzzed without touching this file. A bounded number of examples keeps it well under a minute.
"""
from __future__ import annotations

import base64
import json
import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_api_helpers import add_records, crafted_record

HUGE = [2**31, 2**53 + 1, 2**63, 2**63 - 1, 2**64, -(2**63), 10**30, -1]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from newsgraph.api import Reader, create_app

    db = tmp_path_factory.mktemp("fuzz") / "store.duckdb"
    add_records(db, [crafted_record()])
    app = create_app(Reader(db, poll=60), close_reader=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


_SPEC: dict = {}


def _endpoints(client) -> list[tuple[str, list[dict]]]:
    spec = _SPEC.setdefault("spec", client.get("/openapi.json").json())
    out = []
    for path, ops in sorted(spec["paths"].items()):
        if "get" in ops and path.startswith("/api/"):
            out.append((path, ops["get"].get("parameters", [])))
    return out


def _cursor(value) -> str:
    raw = json.dumps({"o": value} if not isinstance(value, bytes) else value.decode("latin-1")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
numbers = st.one_of(st.sampled_from(HUGE), st.integers(), st.floats(allow_nan=True)).map(str)
dates = st.one_of(st.sampled_from(["0001-01-01", "9999-12-31", "10000-01-01", "2019-02-29", "2019-1-1",
                                   "-2019-01-01", "2019-01-01T00:00", "20190101", "1e9", ""]),
                  st.dates().map(str))
cursors = st.one_of(st.sampled_from(HUGE + [1.5, "10", None, [], {}, True, 2.0**70]).map(_cursor),
                    st.integers().map(_cursor), texts)
words = st.sampled_from(["json", "geojson", "PERSON", "KILLED", "E1", "crafted-0001", "KZ", "Shymkent",
                         "%", "%ZZ", "%FF%FE", "\x00", "..", "../../etc/passwd", "'; DROP TABLE articles; --",
                         "*", "\"", "\\", "NULL", "null", "undefined", "<script>"])
values = st.one_of(texts, numbers, dates, cursors, words)


def _encode(v: str, raw: bool) -> str:
    # raw: pass the string as it is (broken percent escapes reach the server); else escape it
    return v if raw else quote(v.encode("utf-8", "surrogatepass"), safe="")


def assert_json_answer(r, where: str) -> None:
    assert r.status_code < 500, (where, r.status_code, r.text[:300])
    body = r.json()
    if r.status_code >= 400:
        assert list(body) == ["error"], (where, body)
        err = body["error"]
        assert sorted(err) == ["code", "message", "param"] and isinstance(err["message"], str), (where, body)
        assert isinstance(err["code"], str) and (err["param"] is None or isinstance(err["param"], str))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_no_parameter_gives_a_500(client, data):
    endpoints = _endpoints(client)
    path, params = data.draw(st.sampled_from(endpoints), label="endpoint")
    url = path
    query = []
    for p in params:
        if p["in"] == "path":
            v = data.draw(values, label=p["name"])
            url = url.replace("{" + p["name"] + "}", _encode(v, False) or "x")
        elif data.draw(st.booleans(), label=f"use {p['name']}"):
            v = data.draw(values, label=p["name"])
            raw = data.draw(st.booleans(), label="raw") and re.fullmatch(r"[\x21-\x7e]*", v) is not None
            query.append(f"{p['name']}={_encode(v, raw)}")
    full = url + ("?" + "&".join(query) if query else "")
    assert_json_answer(client.get(full), full)


@pytest.mark.parametrize("value", HUGE + [2.0**70, "1e400", 1.5, None, "x", [], True])
def test_every_list_endpoint_bounds_its_cursor(client, value):
    for path, params in _endpoints(client):
        if any(p["name"] == "cursor" for p in params) and "{" not in path:
            r = client.get(path, params={"cursor": _cursor(value)})
            assert_json_answer(r, f"{path} cursor={value!r}")
            assert r.status_code == 400 or (isinstance(value, int) and 0 <= value < 2**31), (path, value, r.text)
            if r.status_code == 400:
                assert r.json()["error"]["param"] == "cursor"


def test_fuzzing_reaches_every_endpoint(client):
    paths = [p for p, _ in _endpoints(client)]
    for want in ("/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/entities", "/api/v1/quotes",
                 "/api/v1/numbers", "/api/v1/series", "/api/v1/events", "/api/v1/places"):
        assert want in paths
