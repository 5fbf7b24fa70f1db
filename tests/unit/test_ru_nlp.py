"""The Russian NLP wrapper: real spaCy Docs aligned character for character to the input."""
import pytest

from newsgraph.lang.ru import nlp

TRICKY = [
    "  Заместитель председателя Комитета национальной безопасности (КНБ) Киргизии Юрия Лужкова"
    "\u00a0заявил: «Мы не допустим»,—\n сказал он 😀.\n\nГлава МИД Казахстана встретился с Токаевым.  ",
    "",
    "   ",
    "Привет\tмир\r\n„Цитата“ — 5\u202fмлн тенге 😀😀 … конец",
    "В Бишкеке  прошёл митинг.\u2003Ещё одно предложение!Без пробела.",
]


@pytest.fixture(scope="module")
def docs():
    return list(nlp.load().pipe(TRICKY, batch_size=2))


def test_load_once():
    assert nlp.load() is nlp.load()


def test_text_and_offsets_equal_the_input(docs):
    assert len(docs) == len(TRICKY)
    for text, doc in zip(TRICKY, docs):
        assert doc.text == text
        for tok in doc:
            assert text[tok.idx:tok.idx + len(tok)] == tok.text
        assert "".join(t.text_with_ws for t in doc) == text


def test_whitespace_other_than_one_space_is_its_own_token(docs):
    doc = docs[0]
    kinds = {t.text: t.pos_ for t in doc if not t.text.strip()}
    assert kinds and set(kinds.values()) == {"SPACE"}
    assert "\u00a0" in kinds and "\n\n" in kinds


def test_morphology_lemmas_and_parse(docs):
    doc = docs[0]
    by_text = {t.text: t for t in doc}
    assert by_text["председателя"].lemma_ == "председатель"
    assert by_text["председателя"].morph.get("Case") == ["Gen"]
    assert by_text["заявил"].pos_ == "VERB"
    assert by_text["Лужкова"].dep_ == "flat:name" and by_text["Лужкова"].head.text == "Юрия"
    for sent in doc.sents:
        assert sum(1 for t in sent if t.head.i == t.i) == 1  # one root per sentence


def test_sentences_from_razdel(docs):
    starts = [s[0].text for s in docs[0].sents if s.text.strip()]
    assert "Глава" in starts
    assert len([s for s in docs[4].sents if s.text.strip()]) >= 2


def test_entities_with_nominative_forms(docs):
    ents = {(e.text, e.label_): e._.normal for e in docs[0].ents}
    assert ents[("Юрия Лужкова", "PERSON")] == "Юрий Лужков"
    assert ents[("Казахстана", "LOC")] == "Казахстан"
    assert ents[("Токаевым", "PERSON")] == "Токаев"
    assert any(label == "ORG" and "Комитета" in text for text, label in ents)


def test_nominative_forms_survive_joining_pieces(docs):
    from spacy.tokens import Doc

    joined = Doc.from_docs([docs[4], docs[0]], ensure_whitespace=False)
    assert joined.text == TRICKY[4] + TRICKY[0]
    assert [(e.text, e._.normal) for e in joined.ents if e.label_ == "PERSON"] == \
        [(e.text, e._.normal) for e in docs[0].ents if e.label_ == "PERSON"]


def test_empty_texts_give_empty_docs(docs):
    assert len(docs[1]) == 0 and list(docs[1].ents) == []
    assert docs[2].text == "   " and list(docs[2].ents) == []


def test_docs_survive_serialisation(docs):
    from spacy.tokens import Doc

    back = Doc(nlp.load().vocab).from_bytes(docs[0].to_bytes())
    assert back.text == docs[0].text
    assert [(e.text, e._.normal) for e in back.ents] == [(e.text, e._.normal) for e in docs[0].ents]
