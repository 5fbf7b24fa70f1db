"""entities.ru.v1 on short Russian texts written for these tests."""
import pytest

from newsgraph.stages.entities import ru as entities
from newsgraph.lang import get
from newsgraph.lang.ru.nlp import load
from newsgraph.model import Article, ArticleRecord
from newsgraph.resources import Context

TEXTS = {
    "luzhkov": "Акция прошла у здания мэрии Москвы. Участники требовали отставки мэра Москвы Юрия Лужкова. "
               "Лужков на критику не ответил.",
    "knb": "Заместитель председателя Комитета национальной безопасности (КНБ) Киргизии Таалай Абдыкеримов "
           "провёл брифинг. По его словам, КНБ задержал трёх человек.",
    "mid": "Глава МИД Казахстана Мурат Нуртлеу встретился в Астане с послом Германии. "
           "Министр внутренних дел Ерлан Тургумбаев доложил о ситуации в Алматы.",
    "latin": "Астронавт Скотт Хоровитц (Scott Horowitz) вернулся на Землю. Хоровитц провёл на орбите две недели.",
}


@pytest.fixture(scope="module")
def records():
    nlp = load()
    out = {}
    for name, text in TEXTS.items():
        doc = nlp(text)
        rec = ArticleRecord(article=Article(id=name, text=text, lang="ru"))
        out[name] = entities.run(doc, Context(published="2024-03-01", lang=get("ru")), rec)
    return out


def by_name(ents):
    return {e.name: e for e in ents}


def test_nominative_name_and_surname_joins(records):
    ents = by_name(records["luzhkov"])
    e = ents["Юрий Лужков"]
    assert e.type == "PERSON"
    text = TEXTS["luzhkov"]
    assert sorted(text[s:t] for s, t in e.mentions) == ["Лужков", "Юрия Лужкова"]


def test_role_before_the_name(records):
    e = by_name(records["luzhkov"])["Юрий Лужков"]
    assert any(r.title.startswith("мэра") for r in e.roles)


def test_org_of_place_and_place_nested(records):
    ents = records["luzhkov"]
    text = TEXTS["luzhkov"]
    orgs = [e for e in ents if e.type == "ORG"]
    assert any(text[s:t] == "мэрии Москвы" for e in orgs for s, t in e.mentions)
    moscow = [e for e in ents if e.type == "GPE" and e.name == "Москва"]
    assert len(moscow) == 1 and len(moscow[0].mentions) >= 2


def test_acronym_joins_its_expansion(records):
    text = TEXTS["knb"]
    orgs = [e for e in records["knb"] if e.type == "ORG"]
    knb = [e for e in orgs if any(text[s:t] == "КНБ" for s, t in e.mentions)]
    assert len(knb) == 1
    assert knb[0].name.startswith("Комитет национальной безопасности")
    assert sum(1 for s, t in knb[0].mentions if text[s:t] == "КНБ") == 2


def test_long_title_role_with_org(records):
    ents = records["knb"]
    person = next(e for e in ents if e.type == "PERSON")
    assert person.roles, person
    role = person.roles[0]
    assert role.title.startswith("Заместитель председателя Комитета национальной безопасности")
    org = next(e for e in ents if e.id == role.org)
    assert org.type == "ORG"


def test_head_of_ministry_and_minister(records):
    ents = by_name(records["mid"])
    text = TEXTS["mid"]
    nurtleu = next(e for n, e in ents.items() if "Нуртлеу" in n)
    assert any(text[r.start:r.end].startswith("Глава МИД") for r in nurtleu.roles)
    tur = next(e for n, e in ents.items() if "Тургумбаев" in n)
    assert any("Министр внутренних дел" in r.title for r in tur.roles)


def test_places_are_gpe_with_case_forms(records):
    ents = by_name(records["mid"])
    assert ents["Астана"].type == "GPE"
    assert ents["Алматы"].type == "GPE"
    assert ents["Казахстан"].type == "GPE"


def test_latin_form_in_brackets_is_the_same_person(records):
    text = TEXTS["latin"]
    people = [e for e in records["latin"] if e.type == "PERSON"]
    assert len(people) == 1
    assert {text[s:t] for s, t in people[0].mentions} == {"Скотт Хоровитц", "Scott Horowitz", "Хоровитц"}
    assert people[0].name == "Скотт Хоровитц"


def test_offsets_point_into_the_text(records):
    for name, ents in records.items():
        for e in ents:
            for s, t in e.mentions:
                assert 0 <= s < t <= len(TEXTS[name])
            ids = [e.id for e in ents]
            assert ids == [f"E{i + 1}" for i in range(len(ents))]
