"""The PLOVER trigger lexicon: it covers every type, holds lemmas, and a bad file says what
is wrong."""
from __future__ import annotations

import dataclasses
import json

import pytest

from newsgraph.errors import ResourceError
from newsgraph.lang import get
from newsgraph.stages.events.lexicon import DATA, PLOVER_TYPES, load

EN = get("en")


def test_every_plover_type_has_verb_or_noun_triggers():
    lex = load(EN)
    typed = {t for opts in lex.verbs.values() for t, _ in opts} | {t for t, _ in lex.nouns.values()}
    assert typed == set(PLOVER_TYPES)


def test_modes_from_the_manual():
    lex = load(EN)
    assert ("COERCE", "arrest") in lex.verbs["detain"]
    assert lex.nouns["detention"] == ("COERCE", "arrest")
    assert ("ASSAULT", "explosives") in lex.verbs["bomb"]
    assert any(w == "custody" and (t, m) == ("COERCE", "arrest") for w, t, m in lex.phrases["take"])


def test_entries_are_lowercase_lemmas_and_reporting_verbs_are_not_triggers():
    lex = load(EN)
    assert all(k == k.lower() for k in list(lex.verbs) + list(lex.nouns))
    assert not ({"say", "tell"} & set(lex.verbs))
    assert lex.is_("reporting_verbs", "say") and lex.is_("reporting_verbs", "tell")


def _language_with(tmp_path, raw: dict | None):
    """English with its events lexicon replaced (or missing) in a folder of its own."""
    if raw is not None:
        (tmp_path / DATA).write_text(json.dumps(raw))
    return dataclasses.replace(EN, data_dir=tmp_path)


def test_unknown_type_in_the_data_is_a_clear_error(tmp_path):
    raw = json.loads((EN.data_dir / DATA).read_text())
    raw["verbs"]["FIGHT"] = {"_": ["fight"]}
    with pytest.raises(ResourceError, match="unknown PLOVER type 'FIGHT'"):
        load(_language_with(tmp_path, raw))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ResourceError, match="reinstall newsgraph"):
        load(_language_with(tmp_path, None))


def test_loaded_once_per_language():
    assert load(EN) is load(EN)
