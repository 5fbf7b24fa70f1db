"""The story in the browser: the timeline shows the detention once (six reports, four
outlets, two languages, marked as disputed), its cluster view lists every report and the
disagreements, a disagreement's outlet opens that report's sentence in the article view;
the figures view rings the conflicting claims and its labels never overlap; the entity
page lists the names in both scripts. Screenshots: tests/artifacts/story-*.png."""
from __future__ import annotations

import json

import httpx
import pytest

from browser import Browser
from test_api_helpers import Server
from test_story import _build


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with Server(_build(tmp_path_factory.mktemp("story-web") / "story.duckdb")) as srv:
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


def js(b, expr):
    return b.js(expr)


def test_timeline_cluster_disagreement_and_sentence(server, browser, artifacts):
    clusters = api(server, "clusters", limit=300)["items"]
    det = max(clusters, key=lambda c: c["reports"])
    detail = api(server, f"clusters/{det['id']}")
    n, outlets = len(detail["reports"]), len({r["source"] for r in detail["reports"]})
    assert n >= 6 and outlets == 4  # two reports or more per outlet in the story: headline and body
    browser.open(f"{server.url}/#/timeline")
    browser.screenshot(artifacts / "story-timeline.png")
    assert js(browser, "document.querySelectorAll('g.cluster-row').length") == len(clusters)
    row = f"g.cluster-row[data-cluster={json.dumps(det['id'])}]"
    label = js(browser, f"document.querySelector('{row} .row-label').textContent")
    assert f"{n} reports, {outlets} outlets" in label and "en/ru" in label
    assert "date" in js(browser, f"document.querySelector('{row} .disagree-mark').textContent")
    # the row opens the cluster
    browser.js(f"document.body.dataset.ready = '0'; document.querySelector('{row}')"
               ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    browser.wait_ready()
    assert js(browser, "location.hash") == f"#/cluster/{det['id']}"
    browser.screenshot(artifacts / "story-cluster.png")
    assert js(browser, "document.querySelectorAll('table.reports tbody tr').length") == n
    fields = js(browser, "[...document.querySelectorAll('.disagreement')].map(e => e.dataset.field)")
    assert sorted(fields) == ["date", "figures"]
    outlets = js(browser, "[...document.querySelectorAll('.disagreement[data-field=figures] .dis-report')].map(e => e.textContent)")
    assert "Степной вестник (ru)" in outlets and "Steppe Wire (en)" in outlets
    # one report's sentence: the Russian outlet that says "about 120"
    link = ".disagreement[data-field=figures] .dis-report[data-report^='story-ru-vestnik']"
    report = js(browser, f"document.querySelector({json.dumps(link)}).dataset.report")
    article, event = report.split("/")
    trigger = next(r["trigger"]["text"] for r in detail["reports"] if r["id"] == report)
    browser.js(f"document.body.dataset.ready = '0'; document.querySelector({json.dumps(link)}).click()")
    browser.wait_ready()
    assert js(browser, "location.hash").startswith(f"#/article/story-ru-vestnik?fact={event}")
    assert js(browser, "document.getElementById('fact-details').dataset.fact") == event
    picked = js(browser, "[...document.querySelectorAll('#article-text .selected')].map(e => e.textContent).join('')")
    assert picked == trigger and picked.startswith("задержа")
    browser.screenshot(artifacts / "story-sentence.png")


def test_figures_mark_conflicts_and_labels_never_overlap(server, browser, artifacts):
    browser.open(f"{server.url}/#/figures")
    browser.screenshot(artifacts / "story-figures.png")
    assert js(browser, "document.querySelectorAll('section.series svg circle.conflict').length") == 4
    assert js(browser, "document.querySelectorAll('ul.conflicts li').length") == 4
    boxes = js(browser, "[...document.querySelectorAll('section.series svg text.label')].map(e => {"
                        "const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })")
    assert len(boxes) >= 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_entity_page_lists_names_in_both_scripts(server, browser, artifacts):
    person = api(server, "entities", q="Abdikarimov", type="PERSON")["items"][0]
    browser.open(f"{server.url}/#/entity/{person['id']}")
    browser.screenshot(artifacts / "story-entity.png")
    latin = js(browser, "document.querySelector('#names-by-script dd[data-script=Latin]').textContent")
    cyr = js(browser, "document.querySelector('#names-by-script dd[data-script=Cyrillic]').textContent")
    assert "Yerlan Abdikarimov" in latin and "Ерлан Абдикаримов" in cyr


def test_crowded_point_labels_are_moved_apart(server, browser):
    """Eight claims at one date and nearly one value (the old chart printed them over each other)."""
    browser.open(f"{server.url}/#/figures")
    boxes = browser.js("""(async () => {
      const m = await import('/static/js/figures.js');
      const ns = 'http://www.w3.org/2000/svg';
      const labels = Array.from({length: 8}, (_, i) => ({x: 100 + (i % 2) * 30, y: 120 + (i % 3),
                                                         text: `${100 + i} · claimant number ${i}`}));
      const s = document.createElementNS(ns, 'svg');
      s.setAttribute('class', 'chart'); s.setAttribute('width', 800); s.setAttribute('height', 400);
      document.getElementById('view').append(s);
      const out = m.placeLabels(labels, 10, 390).map((l) => {
        const t = document.createElementNS(ns, 'text');
        t.setAttribute('x', l.x + 9); t.setAttribute('y', l.ly); t.setAttribute('class', 'label');
        t.textContent = l.text; s.append(t);
        const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];
      });
      s.remove();
      return out;
    })()""")
    assert len(boxes) == 8
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
