"""A Russian article in the page (issue 14): extracted by the real Russian pipeline, stored,
served, and shown in headless Chromium with every fact highlighted on its own characters;
its people have entity pages in Cyrillic. Screenshots: tests/artifacts/article-ru*.png."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from browser import Browser
from test_api_helpers import Server
from newsgraph import service

ARTICLES = Path(__file__).resolve().parents[1] / "golden" / "ru" / "articles.jsonl"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ru-page")
    src = folder / "ru.jsonl"
    src.write_text("".join(ARTICLES.read_text(encoding="utf-8").splitlines(keepends=True)[:4]), encoding="utf-8")
    db = folder / "store.duckdb"
    summary = service.ingest([str(src)], str(db))
    assert summary.inserted == 4 and summary.rejected == 0
    with Server(db) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser(server):
    with Browser() as b:
        yield b


def _get(server, path: str) -> dict:
    with urllib.request.urlopen(server.url + path) as r:
        return json.loads(r.read())


def _text_of(b: Browser, fact_id: str) -> str:
    return b.js(f"[...document.querySelectorAll('#article-text [data-facts]')]"
                f".filter(e => e.dataset.facts.split(' ').includes({json.dumps(fact_id)}))"
                f".map(e => e.textContent).join('')")


def test_a_russian_article_shows_every_fact_on_its_characters(server, browser, artifacts):
    rec = _get(server, "/api/v1/articles/ru01")
    t = rec["text"]
    assert rec["lang"] == "ru" and rec["entities"] and rec["quotes"] and rec["numbers"] and rec["places"]
    browser.open(f"{server.url}/#/article/ru01")
    browser.screenshot(artifacts / "article-ru.png")
    assert browser.js("document.getElementById('article-text').textContent") == t
    for name in ("entities", "numbers", "times", "places"):
        for f in rec[name]:
            spans = f["mentions"] if name == "entities" else [[f["start"], f["end"]]]
            shown = _text_of(browser, f["id"])
            for a, b in spans:
                assert t[a:b] in shown, (f["id"], t[a:b], shown)
    for q in rec["quotes"]:
        assert _text_of(browser, q["id"]).replace("\n", "") == t[q["start"]:q["end"]].replace("\n", ""), q["id"]
    assert not browser.errors(), browser.errors()


def test_a_russian_name_has_its_entity_page_in_cyrillic(server, browser, artifacts):
    people = [e for e in _get(server, "/api/v1/entities?type=PERSON&limit=50")["items"]
              if any("\u0400" <= c <= "\u04ff" for c in e["name"])]
    assert people, "no Cyrillic person in the store"
    person = people[0]
    found = _get(server, "/api/v1/entities?q=" + urllib.parse.quote(person["name"].split()[-1]))["items"]
    assert person["id"] in [e["id"] for e in found]
    browser.open(f"{server.url}/#/entity/{urllib.parse.quote(person['id'])}")
    browser.screenshot(artifacts / "entity-ru.png")
    assert person["name"] in browser.js("document.getElementById('view').textContent")
    assert not browser.errors(), browser.errors()
