"""The page in headless Chromium (issue 16 item 13, issue 13's "who" part):
highlights land on the right characters in texts with emoji (the record counts code
points, JavaScript UTF-16 units), a malformed % in the URL never stops a view, the search
page never prints "null", and a selected figure or event shows its claimant / actor with
the mention marked in the text and the span it came from. Screenshots: tests/artifacts/."""
from __future__ import annotations

import json

import pytest

from browser import Browser
from test_api_helpers import Server, add_records, crafted_record
from newsgraph.model import Article, ArticleRecord, Entity, Event, Number, Place, Quote, Time

EMOJI_TEXT = ("🇰🇿 Interior Minister Erlan Turgumbayev 👮 said on Monday that 😀 at least 45 people were detained "
              "in Shymkent 🏙️ overnight. 🚨 Police reported 12 injured, a spokesman 𝒜𝒷 said. "
              "The road stays shut, Tajik police 🚓 said.")


def _at(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def emoji_record() -> ArticleRecord:
    t = EMOJI_TEXT
    person, police, city = _at(t, "Erlan Turgumbayev"), _at(t, "Police"), _at(t, "Shymkent")
    first = (0, t.index("overnight.") + len("overnight."))
    facts = {
        "entities": [Entity("E1", "PERSON", "Erlan Turgumbayev", [list(person)]),
                     Entity("E2", "ORG", "Police", [list(police)]),
                     Entity("E3", "GPE", "Shymkent", [list(city)])],
        "quotes": [Quote("Q1", *_at(t, "Police reported 12 injured"), "Police reported 12 injured", "indirect",
                         "E2", *police, "said", *_at(t, "said", 1)),
                   Quote("Q2", *_at(t, "The road stays shut"), "The road stays shut", "indirect",
                         None, *_at(t, "Tajik police"), "said", *_at(t, "said", 2))],
        "numbers": [Number("N1", *_at(t, "at least 45"), "at least 45", 45, 45, None, "at_least", None, "people",
                           *_at(t, "people"), "ARRESTED", "E1", None),
                    Number("N2", *_at(t, "12"), "12", 12, None, None, "exact", None, "injured",
                           *_at(t, "injured"), "INJURED", "E2", "Q1")],
        "times": [Time("T1", *_at(t, "Monday"), "Monday", "DATE", "2019-03-04")],
        "places": [Place("P1", *city, "Shymkent", "Shymkent", 1518980, "KZ", "10", 42.3, 69.6, "city", 0.9,
                         "E3", True)],
        "events": [Event("V1", "COERCE", "ARREST", list(_at(t, "detained")), list(first), "E1", None, "P1", "T1",
                         "2019-03-04", "time", "asserted", None, 0.8)],
    }
    art = Article(id="emoji-0001", text=t, published="2019-03-05", title="Emoji 🚨 detentions", source="Test Wire")
    return ArticleRecord(article=art, stages={k: f"{k}.test" for k in facts}, facts=facts)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("page") / "store.duckdb"
    add_records(db, [crafted_record(), emoji_record()])
    with Server(db) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser(server):
    with Browser() as b:
        yield b


def _text_of(b: Browser, fact_id: str) -> str:
    return b.js(f"[...document.querySelectorAll('#article-text [data-facts]')]"
                f".filter(e => e.dataset.facts.split(' ').includes({json.dumps(fact_id)}))"
                f".map(e => e.textContent).join('')")


def _marked(b: Browser, cls: str) -> str:
    return b.js(f"[...document.querySelectorAll('#article-text .{cls}')].map(e => e.textContent).join('')")


def test_highlights_land_on_the_right_characters_with_emoji(server, browser, artifacts):
    rec = emoji_record()
    t = rec.article.text
    browser.open(f"{server.url}/#/article/emoji-0001")
    browser.screenshot(artifacts / "article-emoji.png")
    assert browser.js("document.getElementById('article-text').textContent") == t
    for name in ("entities", "numbers", "times", "places", "quotes"):
        for f in rec.get(name):
            if name == "entities":
                want = "".join(t[a:b] for a, b in f.mentions)
            else:
                want = t[f.start:f.end]
            if name == "quotes":  # the quote's pieces hold the figure and the name inside it
                assert _text_of(browser, f.id) == want, f.id
            else:
                assert _text_of(browser, f.id) == want, (f.id, want)
    assert _text_of(browser, "V1") == "detained"
    assert not browser.errors(), browser.errors()


@pytest.mark.parametrize("hash_", ["#/article/%", "#/article/%E0%A4%A", "#/entity/%ZZ", "#/search?q=%",
                                   "#/search?q=%E0%A4%A", "#/%/x", "#/figures?q=%"])
def test_a_malformed_percent_in_the_hash_still_renders(server, browser, hash_):
    browser.events.clear()
    browser.open(f"{server.url}/{hash_}")  # waits for the view to say it is rendered
    text = browser.js("document.getElementById('view').textContent")
    assert text and "Loading…" not in text
    assert not [e for e in browser.errors() if e.startswith("exception")], browser.errors()


@pytest.mark.parametrize("q", ["zzzz-nothing", "Shymkent", "", "null-free"])
def test_search_page_never_prints_null(server, browser, artifacts, q):
    browser.open(f"{server.url}/#/search?q={q}")
    text = browser.js("document.getElementById('view').textContent")
    assert "null" not in text.replace("null-free", ""), text[:300]
    if q == "zzzz-nothing":
        assert "No article matches." in text
        browser.screenshot(artifacts / "search-empty.png")


def test_selecting_a_figure_shows_its_claimant_and_marks_the_mention(server, browser, artifacts):
    t = EMOJI_TEXT
    browser.open(f"{server.url}/#/search?q=")
    browser.open(f"{server.url}/#/article/emoji-0001")
    browser.js("document.querySelector('#fact-panel button[data-fact=\"N1\"]').click()")
    assert browser.js("document.getElementById('fact-details').dataset.fact") == "N1"
    row = browser.js("document.querySelector('#fact-who [data-role=claimant]').textContent")
    assert "Claimed by" in row and "Erlan Turgumbayev" in row
    assert _marked(browser, "who") == "Erlan Turgumbayev"
    assert _marked(browser, "selected") == "at least 45"
    # a figure inside a quote: its claimant and the quote it came from
    browser.js("document.querySelector('#fact-panel button[data-fact=\"N2\"]').click()")
    assert _marked(browser, "who") == "Police"
    assert _marked(browser, "src") == "Police reported 12 injured"
    assert "Police reported 12 injured" in browser.js("document.querySelector('#fact-who .who-source').textContent")
    browser.screenshot(artifacts / "article-who-figure.png", full_page=False)
    # one click on the name brings its mention into view and flashes it
    browser.js("document.querySelector('#fact-who .who-link').click()")
    assert _marked(browser, "flash") == "Police"
    assert t.count("Police") == 1


def test_a_speaker_phrase_without_an_entity_is_shown_and_marked(server, browser, artifacts):
    """"Tajik police said": no entity speaks (not Tajikistan), the phrase is the speaker."""
    browser.open(f"{server.url}/#/search?q=")
    browser.open(f"{server.url}/#/article/emoji-0001")
    assert "Tajik police" in browser.js("document.querySelector('#fact-panel [data-list=Quotes]').textContent")
    browser.js("document.querySelector('#fact-panel button[data-fact=\"Q2\"]').click()")
    row = browser.js("document.querySelector('#fact-who [data-role=speaker]').textContent")
    assert "Said by" in row and "Tajik police" in row
    assert _marked(browser, "who") == "Tajik police"
    browser.screenshot(artifacts / "article-who-phrase.png", full_page=False)


def test_selecting_an_event_shows_its_actor_and_sentence(server, browser, artifacts):
    t = EMOJI_TEXT
    browser.open(f"{server.url}/#/search?q=")  # another view first: the same hash would not re-render
    browser.open(f"{server.url}/#/article/emoji-0001")
    browser.js("[...document.querySelectorAll('#article-text .hl-event')][0].click()")
    assert browser.js("document.getElementById('fact-details').dataset.fact") == "V1"
    row = browser.js("document.querySelector('#fact-who [data-role=actor]').textContent")
    assert "Actor" in row and "Erlan Turgumbayev" in row
    assert _marked(browser, "who") == "Erlan Turgumbayev"
    sentence = t[:t.index("overnight.") + len("overnight.")]
    assert _marked(browser, "src") == sentence
    assert sentence in browser.js("document.querySelector('#fact-who .who-source').textContent")
    browser.screenshot(artifacts / "article-who-event.png", full_page=False)
    # selecting something else clears the marks
    browser.js("document.querySelector('#fact-panel button[data-fact=\"T1\"]').click()")
    assert _marked(browser, "who") == "" and _marked(browser, "src") == ""
    assert not [e for e in browser.errors() if e.startswith("exception")], browser.errors()
