"""Language of an article: detected offline from its text unless the input gives it."""
from __future__ import annotations

import pytest

from newsgraph import lang
from newsgraph.errors import ResourceError
from newsgraph.ingest import Options, read_paths
from newsgraph.lang.detect import detect
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, route

EN = ("The regional governor said on Tuesday that the new bridge over the river would open "
      "before winter, after two years of delays blamed on the contractor.")
RU = ("Губернатор области заявил во вторник, что новый мост через реку откроют до зимы, "
      "после двух лет задержек, в которых обвинили подрядчика.")
KK = "Облыс әкімі сейсенбіде өзен үстіндегі жаңа көпір қысқа дейін ашылатынын мәлімдеді."


def test_english_and_russian_paragraphs():
    assert detect(EN) == "en"
    assert detect(RU) == "ru"


def test_another_cyrillic_language_is_not_taken_for_russian():
    assert detect(KK) == "kk"


@pytest.mark.parametrize("text", ["", "   \n", "OK.", "Almaty", "12 345 - 17:00"])
def test_short_or_empty_texts_default_to_english(text):
    assert detect(text) == "en"


def test_short_cyrillic_text_goes_by_script():
    assert detect("Срочно: взрыв") == "ru"


def test_lone_surrogates_do_not_break_detection():
    assert detect(EN + "\udcff") == "en"


def test_explicit_lang_wins_over_detection():
    art = Article(id="a", text=RU, lang="EN")  # given (any case, any region suffix)
    assert route(art) == "en" and art.lang == "en"
    undetected = Article(id="b", text=RU)
    assert route(undetected) == "ru" and undetected.lang == "ru"


def test_lang_field_then_option_then_detection(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(f'{{"id": "f", "lang": "ru", "text": "{EN}"}}\n{{"id": "o", "text": "{EN}"}}\n',
                    encoding="utf-8")
    by_field, by_default = read_paths([str(path)])
    assert (by_field.lang, by_default.lang) == ("ru", None)
    with_option = list(read_paths([str(path)], Options(lang="kk")))
    assert [a.lang for a in with_option] == ["ru", "kk"]  # the record's own field wins over --lang


def test_detected_language_is_on_the_record():
    rec, = Pipeline(["entities"]).run([Article(id="r", text=KK)])  # Kazakh: no pipeline
    assert rec.to_dict()["lang"] == "kk" and rec.stages == {} and rec.get("entities") == []


def test_normalize_code():
    assert lang.normalize_code(" EN_us ") == "en"
    assert lang.normalize_code("") is None and lang.normalize_code(None) is None


def test_missing_language_data_file_says_what_to_do():
    with pytest.raises(ResourceError, match="no-such-file.txt"):
        lang.get("en").data("no-such-file.txt")
