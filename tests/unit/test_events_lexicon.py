"""The PLOVER trigger lexicon: it covers every type, holds lemmas, and a bad file says what
is wrong."""
from __future__ import annotations

import json

import pytest

from newsgraph.errors import ResourceError
from newsgraph.stages.events import lexicon as events_lexicon
from newsgraph.stages.events.lexicon import PLOVER_TYPES, load


def test_every_plover_type_has_verb_or_noun_triggers():
    lex = load()
    typed = {t for opts in lex.verbs.values() for t, _ in opts} | {t for t, _ in lex.nouns.values()}
    assert typed == set(PLOVER_TYPES)


def test_modes_from_the_manual():
    lex = load()
    assert ("COERCE", "arrest") in lex.verbs["detain"]
    assert lex.nouns["detention"] == ("COERCE", "arrest")
    assert ("ASSAULT", "explosives") in lex.verbs["bomb"]
    assert any(w == "custody" and (t, m) == ("COERCE", "arrest") for w, t, m in lex.phrases["take"])


def test_entries_are_lowercase_lemmas_and_reporting_verbs_are_not_triggers():
    lex = load()
    assert all(k == k.lower() for k in list(lex.verbs) + list(lex.nouns))
    assert not ({"say", "tell"} & set(lex.verbs))
    assert lex.is_("reporting_verbs", "say") and lex.is_("reporting_verbs", "tell")


def test_unknown_type_in_the_data_is_a_clear_error(tmp_path, monkeypatch):
    raw = json.loads(events_lexicon.DATA.read_text())
    raw["verbs"]["FIGHT"] = {"_": ["fight"]}
    bad = tmp_path / "events_lexicon.json"
    bad.write_text(json.dumps(raw))
    monkeypatch.setattr(events_lexicon, "DATA", bad)
    load.cache_clear()
    try:
        with pytest.raises(ResourceError, match="unknown PLOVER type 'FIGHT'"):
            load()
    finally:
        monkeypatch.undo()
        load.cache_clear()


def test_missing_file_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(events_lexicon, "DATA", tmp_path / "nope.json")
    load.cache_clear()
    try:
        with pytest.raises(ResourceError, match="reinstall newsgraph"):
            load()
    finally:
        monkeypatch.undo()
        load.cache_clear()
