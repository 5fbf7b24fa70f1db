"""Language data: parsed by file type, cached on the language, errors that say what to do."""
from __future__ import annotations

import dataclasses

import pytest

from newsgraph.errors import ResourceError
from newsgraph.lang import get
from newsgraph.stages.events.lexicon import load

EN = get("en")


def _lang(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return dataclasses.replace(EN, data_dir=tmp_path)


def test_files_parse_by_type_and_drop_comments(tmp_path):
    lang = _lang(tmp_path, {"a.txt": "# note\nfirst\n\n  second  \n", "b.tsv": "# h\tx\nkm\tkilometre\n",
                            "c.json": '{"k": [1, 2]}'})
    assert lang.data("a.txt") == ["first", "second"]
    assert lang.data("b.tsv") == [["km", "kilometre"]]
    assert lang.data("c.json") == {"k": [1, 2]}
    assert lang.data("c.json") is lang.data("c.json")


def test_the_cache_belongs_to_the_language_object(tmp_path):
    lang = _lang(tmp_path, {"c.json": '{"k": 1}'})
    assert lang.data("c.json") == {"k": 1}
    (tmp_path / "c.json").write_text('{"k": 2}')
    assert lang.data("c.json") == {"k": 1}  # read once per process
    assert dataclasses.replace(lang).data("c.json") == {"k": 2}  # another language object reads anew


def test_bad_json_names_the_file_and_line(tmp_path):
    with pytest.raises(ResourceError, match=r"bad\.json: invalid JSON at line 2"):
        _lang(tmp_path, {"bad.json": '{"a": 1,\n oops}'}).data("bad.json")


def test_label_roles_of_the_english_scheme():
    assert EN.labels == "clear" and EN.data("labels.json")["scheme"] == "clear"
    assert EN.deps("passive_subject") >= {"nsubjpass"} and "dobj" in EN.deps("object")
    with pytest.raises(ResourceError, match="no role 'subjekt'"):
        EN.deps("subjekt")


def test_a_misspelt_event_word_set_is_an_error_not_false():
    lex = load(EN)
    assert lex.is_("reporting_verbs", "say")
    with pytest.raises(ResourceError, match="no word set 'reporting_verb'"):
        lex.is_("reporting_verb", "say")
