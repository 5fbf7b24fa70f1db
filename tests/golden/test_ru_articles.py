"""The Russian stages on 22 test articles written for newsgraph (tests/golden/ru/): every
expected fact of tests/golden/ru/expected.json must be in the record. The stages run in
their declared order (lang.ru.stages), as the pipeline runs them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "ru"
ARTICLES = [json.loads(ln) for ln in (HERE / "articles.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def records():
    from newsgraph.lang.ru.nlp import load
    from newsgraph.lang.ru.stages import STAGES
    from newsgraph.model import Article, ArticleRecord
    from newsgraph.lang import LANGUAGES
    from newsgraph.resources import Context

    out = {}
    docs = load().pipe([a["text"] for a in ARTICLES])
    for a, doc in zip(ARTICLES, docs):
        rec = ArticleRecord(article=Article(id=a["id"], text=a["text"], published=a["published"], lang="ru"))
        ctx = Context(published=a["published"], lang=LANGUAGES["ru"])
        for st in STAGES:
            rec.facts[st.produces] = st.run(doc, ctx, rec)
            rec.stages[st.name] = st.version
        out[a["id"]] = rec
    return out


def _cases(kind):
    return [(aid, i, fact) for aid, exp in EXPECTED.items() if not aid.startswith("_")
            for i, fact in enumerate(exp.get(kind, []))]


def test_at_least_twenty_articles_with_expectations():
    assert len(ARTICLES) >= 20
    assert {a["id"] for a in ARTICLES} == {k for k in EXPECTED if not k.startswith("_")}


def _names(rec):
    return {e.id: e.name for e in rec.get("entities")}


@pytest.mark.parametrize("aid,i,fact", _cases("entities"))
def test_entities(records, aid, i, fact):
    kind, name = fact
    assert any(e.type == kind and e.name == name for e in records[aid].get("entities")), \
        [(e.type, e.name) for e in records[aid].get("entities")]


@pytest.mark.parametrize("aid,i,fact", _cases("quotes"))
def test_quotes(records, aid, i, fact):
    rec = records[aid]
    names = _names(rec)
    found = [q for q in rec.get("quotes") if fact["contains"] in q.text]
    assert found, [q.text for q in rec.get("quotes")]
    q = found[0]
    assert q.kind == fact["kind"]
    assert q.text == rec.article.text[q.start:q.end]
    if "speaker" in fact:
        assert names.get(q.speaker) == fact["speaker"], (q.speaker, names)


@pytest.mark.parametrize("aid,i,fact", _cases("numbers"))
def test_numbers(records, aid, i, fact):
    rec = records[aid]
    found = [n for n in rec.get("numbers") if n.text == fact["text"]]
    assert found, [n.text for n in rec.get("numbers")]
    n = found[0]
    for field in ("value", "low", "high", "approx", "unit", "category"):
        if field in fact:
            assert getattr(n, field) == fact[field], (field, n)
    if "counted" in fact:
        assert n.counted == fact["counted"] and rec.article.text[n.counted_start:n.counted_end]


@pytest.mark.parametrize("aid,i,fact", _cases("times"))
def test_times(records, aid, i, fact):
    found = [t for t in records[aid].get("times") if t.text == fact["text"]]
    assert found, [(t.text, t.value) for t in records[aid].get("times")]
    t = found[0]
    assert (t.type, t.value, t.mod) == (fact["type"], fact["value"], fact.get("mod"))


@pytest.mark.parametrize("aid,i,fact", _cases("places"))
def test_places(records, aid, i, fact):
    found = [p for p in records[aid].get("places") if p.text == fact["text"]]
    assert found, [(p.text, p.geonameid) for p in records[aid].get("places")]
    assert found[0].geonameid == fact["geonameid"]


@pytest.mark.parametrize("aid,i,fact", _cases("events"))
def test_events(records, aid, i, fact):
    rec = records[aid]
    names = _names(rec)
    text = rec.article.text
    found = [v for v in rec.get("events") if v.type == fact["type"] and text[v.trigger[0]:v.trigger[1]] == fact["trigger"]]
    assert found, [(v.type, text[v.trigger[0]:v.trigger[1]]) for v in rec.get("events")]
    v = found[0]
    if "actor" in fact:
        assert names.get(v.actor) == fact["actor"]
    if "factuality" in fact:
        assert v.factuality == fact["factuality"]
    assert v.date is not None
