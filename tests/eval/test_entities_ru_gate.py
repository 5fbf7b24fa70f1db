"""CI gate for entities.ru.v1 on factRuEval-2016 dev: the first 60 documents by number (of
122), ours and natasha's raw NER in the same run (about a minute on 2 busy cores). Floors in
tests/eval/floors/entities_ru.json; the full run, with both halves, is
`newsgraph eval entities-ru --gold ../shared/gold/ru/factRuEval-2016/devset`."""
from __future__ import annotations

import json
from pathlib import Path

from newsgraph.evaluate.factru import evaluate

FLOORS = Path(__file__).resolve().parent / "floors" / "entities_ru.json"


def test_entities_ru_gate(gold):
    spec = json.loads(FLOORS.read_text())
    result = evaluate(gold / "ru" / "factRuEval-2016" / "devset", limit=spec["_limit"], peers=True)
    assert result["docs"] == spec["_limit"]
    ours, peer = result["all"]["ours"], result["all"]["natasha"]
    scores = {**{k: ours[k] for k in ("precision", "recall", "f1")},
              **{f"f1_{t}": v["f1"] for t, v in ours["by_type"].items()}}
    floors = {k: v for k, v in spec.items() if not k.startswith("_")}
    low = {k: (scores[k], floor) for k, floor in floors.items() if scores[k] < floor}
    assert not low, f"Russian entity scores below their floors (score, floor): {low}"
    assert ours["f1"] > peer["f1"], f"Russian entities F1 {ours['f1']} is not above natasha's {peer['f1']}"


def test_halves_cover_the_collection(gold):
    from newsgraph.evaluate.factru import _halves, documents

    docs = documents(gold / "ru" / "factRuEval-2016" / "devset")
    halves = _halves(len(docs))
    assert sorted(halves["tune"] + halves["held_out"]) == list(range(len(docs)))
    assert not set(halves["tune"]) & set(halves["held_out"])


def test_every_russian_stage_runs_on_real_news(gold):
    """All six Russian stages on 20 factRuEval documents: no failure, every offset in the text."""
    from newsgraph.evaluate.factru import documents
    from newsgraph.lang.ru.nlp import load
    from newsgraph.lang.ru.stages import STAGES
    from newsgraph.model import Article, ArticleRecord
    from newsgraph.lang import LANGUAGES
    from newsgraph.resources import Context

    docs = documents(gold / "ru" / "factRuEval-2016" / "devset")[:20]
    for (doc_id, text, _), doc in zip(docs, load().pipe([t for _, t, _ in docs])):
        rec = ArticleRecord(article=Article(id=doc_id, text=text, published="2010-06-30", lang="ru"))
        for st in STAGES:
            rec.facts[st.produces] = st.run(doc, Context(published="2010-06-30", lang=LANGUAGES["ru"]), rec)
        for name in ("quotes", "numbers", "times", "places"):
            for f in rec.get(name):
                assert 0 <= f.start < f.end <= len(text) and f.text == text[f.start:f.end], (doc_id, f)
        assert rec.get("entities") and rec.get("places")
