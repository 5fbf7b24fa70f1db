"""Russian figures and time expressions on short sentences written for these tests."""
import pytest

from newsgraph.lang import LANGUAGES
from newsgraph.lang.ru.nlp import load
from newsgraph.model import Article, ArticleRecord
from newsgraph.resources import Context
from newsgraph.stages.numbers import ru as numbers
from newsgraph.stages.times import ru as times

PUBLISHED = "2024-03-14"  # a Thursday


def _run(stage, text):
    doc = load()(text)
    rec = ArticleRecord(article=Article(id="t", text=text, published=PUBLISHED, lang="ru"))
    return stage.run(doc, Context(published=PUBLISHED, lang=LANGUAGES["ru"]), rec)


@pytest.mark.parametrize("text,figure,value,approx,unit", [
    ("На площадь вышли около трехсот человек.", "около трехсот", 300, "about", None),
    ("Полиция задержала двое суток назад двоих подозреваемых.", "двоих", 2, "exact", None),
    ("Ущерб оценивается в полтора миллиона тенге.", "полтора миллиона тенге", 1_500_000, "exact", "KZT"),
    ("Бюджет проекта составил 12,5 млрд сомов.", "12,5 млрд сомов", 12_500_000_000, "exact", "KGS"),
    ("В акции участвовали не менее 40 человек.", "не менее 40", 40, "at_least", None),
    ("Пострадали свыше двухсот пятидесяти жителей.", "свыше двухсот пятидесяти", 250, "more_than", None),
    ("Цены выросли на 7%.", "7%", 7, "exact", "percent"),
    ("Кредит выдан на 300 млн рублей.", "300 млн рублей", 300_000_000, "exact", "RUB"),
])
def test_figures(text, figure, value, approx, unit):
    found = [n for n in _run(numbers, text) if n.text == figure]
    assert found, [n.text for n in _run(numbers, text)]
    n = found[0]
    assert (n.value, n.approx, n.unit) == (value, approx, unit)
    assert text[n.start:n.end] == figure


def test_range_with_a_shared_scale():
    n = next(n for n in _run(numbers, "Штраф составит от 5 до 7 млн сумов.") if n.approx == "range")
    assert (n.low, n.high, n.unit, n.value) == (5_000_000, 7_000_000, "UZS", None)


def test_people_counts_get_event_categories():
    out = {n.text: n.category for n in _run(numbers, "В результате обстрела погибли 3 человека, еще 5 человек ранены.")}
    assert out["3"] == "KILLED"
    assert out["5"] == "INJURED"


def test_dates_and_years_are_not_figures():
    assert [n.text for n in _run(numbers, "5 марта 2023 года в Бишкеке прошла встреча.")] == []


@pytest.mark.parametrize("text,expr,kind,value,mod", [
    ("Встреча прошла в понедельник.", "понедельник", "DATE", "2024-03-11", None),
    ("Закон вступит в силу в понедельник.", "понедельник", "DATE", "2024-03-18", None),
    ("Вчера в Оше прошел митинг.", "Вчера", "DATE", "2024-03-13", None),
    ("На прошлой неделе цены выросли.", "прошлой неделе", "DATE", "2024-W10", None),
    ("В прошлом году урожай был выше.", "прошлом году", "DATE", "2023", None),
    ("С 2019 года здесь работает завод.", "2019 года", "DATE", "2019", None),
    ("Стройка продлится в течение трех лет.", "трех лет", "DURATION", "P3Y", None),
    ("В начале января выпал снег.", "начале января", "DATE", "2024-01", "START"),
    ("Саммит пройдет в конце мая.", "конце мая", "DATE", "2024-05", "END"),
    ("Документ подписали 5 марта.", "5 марта", "DATE", "2024-03-05", None),
    ("Выборы состоятся 10 января 2025 года.", "10 января 2025 года", "DATE", "2025-01-10", None),
])
def test_times(text, expr, kind, value, mod):
    found = [t for t in _run(times, text) if t.text == expr]
    assert found, [(t.text, t.value) for t in _run(times, text)]
    assert (found[0].type, found[0].value, found[0].mod) == (kind, value, mod)


def test_a_headline_event_takes_the_leads_date():
    """"В Алматы задержали 48 человек" above "в субботу полиция задержала ...": Saturday."""
    from newsgraph.pipeline import Pipeline

    text = ("В Алматы после митинга задержали 48 человек\n\n"
            "Полиция Алматы в субботу задержала 48 человек после митинга против роста цен.")
    (rec,) = list(Pipeline().run([Article(id="t", text=text, published="2022-03-13", lang="ru")]))
    dates = [(text[e.trigger[0]:e.trigger[1]], e.date, e.date_source) for e in rec.get("events")]
    assert dates == [("задержали", "2022-03-12", "time"), ("задержала", "2022-03-12", "time")]
