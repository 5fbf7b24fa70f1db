"""The web page in headless Chromium over a store with the seed article: search, the
article view with every fact highlighted, the entity page, the map, figures and the
timeline. Screenshots go to tests/artifacts/ (look at them)."""
from __future__ import annotations

import json

import httpx
import pytest

from browser import Browser
from test_api_helpers import Server, build_store


@pytest.fixture(scope="module")
def server(tmp_path_factory, seed_path):
    from conftest import EXAMPLES

    with Server(build_store(tmp_path_factory.mktemp("web"), seed_path, EXAMPLES)) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser(server):
    with Browser() as b:
        yield b
    assert not b.errors(), b.errors()


def api(server, path, **params):
    r = httpx.get(f"{server.url}/api/v1/{path}", params=params, timeout=20)
    assert r.status_code == 200, r.text
    return r.json()


def assert_clean(b: Browser) -> None:
    """Nothing on the page is a stringified object or a missing value."""
    text = b.js("document.getElementById('view').textContent")
    for bad in ("[object", "undefined", "NaN"):
        assert bad not in text, (bad, text[:500])


def count(b: Browser, selector: str) -> int:
    return b.js(f"document.querySelectorAll({json.dumps(selector)}).length")


def texts(b: Browser, selector: str) -> list[str]:
    return b.js(f"[...document.querySelectorAll({json.dumps(selector)})].map(e => e.textContent)")


def test_search_finds_the_seed(server, browser, seed_record, artifacts):
    browser.open(server.url + "/")
    browser.js("document.getElementById('search-input').focus()")
    browser.call("Input.insertText", text="Bilisbekov")
    browser.js("document.querySelector('#search-form button').click()")
    browser.wait_for("location.hash.includes('Bilisbekov') && document.body.dataset.ready === '1'")
    browser.screenshot(artifacts / "search.png")
    assert_clean(browser)
    assert count(browser, f"#article-results li[data-id='{seed_record['id']}']") == 1
    assert int(browser.js("document.getElementById('article-count').textContent")) >= 1
    assert "Bilisbekov" in texts(browser, "#article-results mark")
    quotes = api(server, "quotes", q="Bilisbekov")
    assert int(browser.js("document.getElementById('quote-count').textContent")) == quotes["total"]


def _spans_of(b: Browser, fact_id: str) -> list[str]:
    return b.js(f"[...document.querySelectorAll('#article-text [data-facts]')]"
                f".filter(e => e.dataset.facts.split(' ').includes({json.dumps(fact_id)})).map(e => e.className)")


def test_article_view_highlights_every_fact(server, browser, seed_record, artifacts):
    rec = api(server, f"articles/{seed_record['id']}")
    browser.open(f"{server.url}/#/article/{seed_record['id']}")
    browser.screenshot(artifacts / "article.png")
    assert_clean(browser)
    assert browser.js("document.getElementById('article-text').textContent") == rec["text"]
    people = [e for e in rec["entities"] if e["type"] == "PERSON"]
    assert any("Bilisbekov" in e["name"] for e in people)
    for e in people:
        assert all("hl-person" in c for c in _spans_of(browser, e["id"])) and _spans_of(browser, e["id"])
    kinds = {"quotes": "hl-quote", "numbers": "hl-number", "times": "hl-time", "places": "hl-place"}
    for list_name, cls in kinds.items():
        for f in rec[list_name]:
            classes = _spans_of(browser, f["id"])
            assert classes and all(cls in c for c in classes), (list_name, f)
    for v in rec["events"]:
        assert any("hl-event" in c for c in _spans_of(browser, v["id"])), v
    numbers = " ".join(texts(browser, "#article-text .hl-number"))
    for n in rec["numbers"]:
        if n["value"] in (300, 100):
            assert n["text"] in numbers
    # clicking a figure shows its fields
    if rec["numbers"]:
        n = rec["numbers"][0]
        browser.js(f"document.querySelector('#fact-panel button[data-fact={json.dumps(n['id'])}]').click()")
        assert browser.js("document.getElementById('fact-details').dataset.fact") == n["id"]
        assert "value" in texts(browser, "#fact-details th")
    # the article's places with coordinates are on its map
    located = {p["name"] for p in rec["places"] if p["lat"] is not None}
    if located:
        browser.wait_for("document.querySelectorAll('#article-map .leaflet-marker-icon').length > 0")
        titles = set(browser.js("[...document.querySelectorAll('#article-map .leaflet-marker-icon')].map(e => e.title)"))
        assert located <= titles
    browser.screenshot(artifacts / "article-clicked.png")


def test_crafted_article_shows_every_kind_and_its_map(server, browser, artifacts):
    browser.open(f"{server.url}/#/article/crafted-0001")
    for cls in ("hl-person", "hl-org", "hl-place", "hl-time", "hl-number", "hl-quote", "hl-event"):
        assert count(browser, f"#article-text .{cls}") >= 1, cls
    browser.js("[...document.querySelectorAll('#article-text .hl-number')][0].click()")
    assert browser.js("document.getElementById('fact-details').dataset.fact") == "N1"
    browser.wait_for("document.querySelector('#article-map .leaflet-marker-icon[title=\"Shymkent\"]') !== null")
    # "<b>overnight</b>" in the text stays text
    assert count(browser, "#article-text b") == 0 and "<b>overnight</b>" in browser.js(
        "document.getElementById('article-text').textContent")
    browser.screenshot(artifacts / "article-crafted.png")


def test_hostile_article_is_shown_as_text(server, browser, artifacts):
    hit = api(server, "articles", q="DROP TABLE articles")["items"][0]
    browser.open(f"{server.url}/#/search?q=script")
    browser.open(f"{server.url}/#/article/{hit['id']}")
    body = browser.js("document.getElementById('article-text').textContent")
    assert "<script>alert(1)</script>" in body and "'; DROP TABLE articles; --" in body
    assert count(browser, "#view script") == 0
    assert not [e for e in browser.errors() if e.startswith("dialog")]
    browser.screenshot(artifacts / "article-hostile.png")


def test_entity_page(server, browser, artifacts):
    person = [e for e in api(server, "entities", q="Bilisbekov", type="PERSON")["items"]][0]
    full = api(server, f"entities/{person['id']}")
    browser.open(f"{server.url}/#/entity/{person['id']}")
    browser.screenshot(artifacts / "entity.png")
    assert_clean(browser)
    assert f"{full['article_count']} article(s)" in browser.js("document.querySelector('#view .meta').textContent")
    assert person["name"] in browser.js("document.getElementById('entity-name').textContent")
    assert count(browser, "table.quotes tbody tr") == len(full["quotes"])
    assert count(browser, "table.numbers tbody tr") == len(full["numbers"])
    assert count(browser, "table.events tbody tr") == len(full["events"])


def test_map_shows_places_and_events(server, browser, artifacts):
    browser.open(f"{server.url}/#/map")
    places = api(server, "places", format="geojson", limit=500)["features"]
    events = api(server, "events", format="geojson", limit=500)["features"]
    browser.wait_for("document.querySelectorAll('#world-map path.leaflet-interactive, #world-map svg path').length > 100")
    titles = browser.js("[...document.querySelectorAll('#world-map .leaflet-marker-icon')].map(e => e.title)")
    assert len(titles) == len(places) + len(events)
    assert {f["properties"]["name"] for f in places} <= set(titles)
    assert "Shymkent" in titles
    browser.screenshot(artifacts / "map.png", full_page=False)
    assert_clean(browser)


def test_figures_and_timeline(server, browser, artifacts):
    series = api(server, "series", limit=20)
    browser.open(f"{server.url}/#/figures")
    browser.screenshot(artifacts / "figures.png")
    assert_clean(browser)
    assert count(browser, "section.series") == len(series["items"])
    drawn = sum(1 for s in series["items"] for p in s["points"] if p["date"] and p["value"] is not None)
    assert count(browser, "section.series svg circle") == drawn
    clusters = api(server, "clusters", limit=300)["items"]
    browser.open(f"{server.url}/#/timeline")
    browser.screenshot(artifacts / "timeline.png")
    assert_clean(browser)
    assert count(browser, "g.cluster-row") == len([c for c in clusters if c["date"] or c["first_published"]])


def test_api_docs_render_offline(server, browser, artifacts):
    browser.call("Page.navigate", url=server.url + "/docs")
    browser.wait_for("document.querySelectorAll('.swagger-ui .opblock').length >= 9", timeout=30)
    browser.screenshot(artifacts / "docs.png", full_page=False)
    paths = browser.js("[...document.querySelectorAll('.opblock-summary-path')].map(e => e.textContent)")
    assert any("/api/v1/entities" in p for p in paths)


def test_from_a_person_in_the_article_to_their_entity_page(server, browser, seed_record, artifacts):
    person = next(e for e in seed_record["entities"] if e["type"] == "PERSON" and "Bilisbekov" in e["name"])
    browser.open(f"{server.url}/#/article/{seed_record['id']}")
    browser.js(f"[...document.querySelectorAll('#article-text .hl-person')]"
               f".find(e => e.dataset.facts.split(' ').includes({json.dumps(person['id'])})).click()")
    assert browser.js("document.getElementById('fact-details').dataset.fact") == person["id"]
    browser.js("document.body.dataset.ready = '0'; document.getElementById('entity-page-link').click()")
    browser.wait_ready()
    assert browser.js("location.hash").startswith("#/entity/")
    assert "Bilisbekov" in browser.js("document.getElementById('entity-name').textContent")
    assert_clean(browser)
