"""A toy language plugged in through the language seam, for this test only: a mixed batch
(English, toy, a language with no pipeline) goes through service.ingest into a DuckDB file
and each article gets its own language's facts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import lang, service
from newsgraph.lang import Language
from newsgraph.model import Entity
from newsgraph.stages.base import Stage

TOY_DIR = Path(__file__).resolve().parents[1] / "data" / "toy_lang"


def _toy_nlp():
    import spacy

    return spacy.blank("xx")


def _capitalised(doc, ctx, rec) -> list[Entity]:
    """Every capitalised word not in the language's ``not_names.txt`` is an entity."""
    skip = set(ctx.lang.data("not_names.txt"))
    out: list[Entity] = []
    for tok in doc:
        if tok.text[:1].isupper() and tok.text not in skip:
            out.append(Entity(id=f"E{len(out) + 1}", type="MISC", name=tok.text,
                              mentions=[[tok.idx, tok.idx + len(tok.text)]]))
    return out


TOY_STAGE = Stage("entities", "toy-entities.v1", "entities", _capitalised)
TOY = Language(code="xx", name="Toy", load_nlp=_toy_nlp, data_dir=TOY_DIR, stages=lambda: (TOY_STAGE,),
               labels="ud")

ENGLISH = ("Police detained three activists in Almaty on Friday, the Interior Ministry said. "
           "\"We acted within the law,\" ministry spokesman Yerlan Abdrakhmanov told reporters.")
TOYISH = "The Zorbel of Quantaria met Vesh Morrow at Glimmerport today."
OTHER = "Yesterday Dalen Ost spoke in Pralk."


@pytest.fixture
def toy_registered(monkeypatch):
    monkeypatch.setitem(lang.LANGUAGES, "xx", TOY)
    return TOY


def _write(tmp_path: Path) -> Path:
    rows = [{"id": "en-1", "published": "2019-03-01", "text": ENGLISH},  # no lang: detected
            {"id": "xx-1", "published": "2019-03-01", "lang": "xx", "text": TOYISH},
            {"id": "zz-1", "published": "2019-03-01", "lang": "zz", "text": OTHER}]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_toy_is_not_registered_outside_the_test():
    assert lang.get("xx") is None and lang.get("en") is lang.LANGUAGES["en"]


def test_mixed_batch_gets_each_languages_facts(tmp_path, toy_registered):
    db = str(tmp_path / "mixed.duckdb")
    summary = service.ingest([str(_write(tmp_path))], db)
    assert (summary.read, summary.inserted, summary.rejected) == (3, 3, 0)
    assert (summary.unsupported, summary.unsupported_langs) == (1, {"zz": 1})

    en = service.record(db, "en-1")
    assert en["lang"] == "en"
    assert en["stages"] == {**{s.name: s.version for s in lang.get("en").stages()}, "nlp": lang.get("en").nlp_version}
    assert any(e["name"] == "Yerlan Abdrakhmanov" and e["type"] == "PERSON" for e in en["entities"])
    assert '"We acted within the law,"' in [q["text"] for q in en["quotes"]]

    toy = service.record(db, "xx-1")
    assert toy["lang"] == "xx" and toy["stages"] == {"entities": "toy-entities.v1"}
    assert [e["name"] for e in toy["entities"]] == ["Zorbel", "Quantaria", "Vesh", "Morrow", "Glimmerport"]
    for e in toy["entities"]:
        (s, t), = e["mentions"]
        assert toy["text"][s:t] == e["name"]
    assert not any(toy[name] for name in ("quotes", "numbers", "times", "places", "events"))

    other = service.record(db, "zz-1")
    assert other["lang"] == "zz" and other["text"] == OTHER and other["published"] == "2019-03-01"
    assert other["stages"] == {}
    assert not any(other[name] for name in ("entities", "quotes", "numbers", "times", "places", "events"))


def test_reingest_of_a_mixed_batch_is_unchanged(tmp_path, toy_registered):
    db = str(tmp_path / "mixed.duckdb")
    path = _write(tmp_path)
    service.ingest([str(path)], db)
    again = service.ingest([str(path)], db)
    assert (again.inserted, again.replaced, again.unchanged) == (0, 0, 3)


def test_toy_data_is_read_once_per_language(toy_registered):
    first = TOY.data("not_names.txt")
    assert first == ["The", "Today", "Yesterday"] and TOY.data("not_names.txt") is first


def test_a_new_nlp_version_re_extracts_and_the_same_one_does_not(tmp_path, monkeypatch):
    import dataclasses

    path, db = tmp_path / "toy.jsonl", str(tmp_path / "toy.duckdb")
    path.write_text(json.dumps({"id": "xx-1", "published": "2019-03-01", "lang": "xx", "text": TOYISH}) + "\n",
                    encoding="utf-8")
    monkeypatch.setitem(lang.LANGUAGES, "xx", dataclasses.replace(TOY, nlp_version="toy-nlp.1"))
    first = service.ingest([str(path)], db)
    again = service.ingest([str(path)], db)
    assert (first.extracted, again.extracted, again.unchanged) == (1, 0, 1)
    assert service.record(db, "xx-1")["stages"] == {"entities": "toy-entities.v1", "nlp": "toy-nlp.1"}
    monkeypatch.setitem(lang.LANGUAGES, "xx", dataclasses.replace(TOY, nlp_version="toy-nlp.2"))
    upgraded = service.ingest([str(path)], db)
    assert (upgraded.extracted, upgraded.unchanged) == (1, 0)
    assert service.record(db, "xx-1")["stages"]["nlp"] == "toy-nlp.2"
