"""The Russian side of the story, as the Russian pipeline should extract it (built by hand
until that pipeline lands): every span is found in our own Russian texts (articles_ru.jsonl)."""
from __future__ import annotations

import json
from pathlib import Path

from newsgraph.model import Article, ArticleRecord, Entity, Event, Number, Place, Quote, Role

HERE = Path(__file__).parent
ALMATY = dict(name="Almaty", geonameid=1526384, country="KZ", admin1="02", lat=43.25667, lon=76.92861,
              kind="city", score=0.9)


def _span(text: str, s: str, occ: int = 0) -> list[int]:
    i = -1
    for _ in range(occ + 1):
        i = text.index(s, i + 1)
    return [i, i + len(s)]


def _sentence(text: str, s: str) -> list[int]:
    a, b = _span(text, s)
    start = max(text.rfind("\n", 0, a) + 1, 0)
    end = text.find("\n", b)
    return [start, end if end >= 0 else len(text)]


def articles() -> list[Article]:
    out = []
    for line in (HERE / "articles_ru.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        out.append(Article(id=d["id"], text=d["text"], published=d["published"], source=d["source"],
                           title=d["title"], lang="ru", origin=str(HERE / "articles_ru.jsonl")))
    return out


def records() -> list[ArticleRecord]:
    a1, a2 = articles()
    return [_vremya(a1), _vestnik(a2)]


def _vremya(a: Article) -> ArticleRecord:
    t = a.text
    person = Entity("E1", "PERSON", "Ерлан Абдикаримов", [_span(t, "Ерлан Абдикаримов")],
                    [Role("представитель полиции", None, *_span(t, "представитель полиции"))])
    short = Entity("E2", "PERSON", "Абдикаримов", [_span(t, "Абдикаримов", 1)])
    city = Entity("E3", "GPE", "Алматы", [_span(t, "Алматы", 0), _span(t, "Алматы", 1)])
    q1 = Quote("Q1", *_span(t, "Задержанных отпустят после установления личности"),
               "Задержанных отпустят после установления личности", "direct", "E2", *_span(t, "Абдикаримов", 1),
               "сказал", *_span(t, "сказал"))
    n = Number("N1", *_span(t, "48", 1), "48", 48.0, counted="человек", counted_start=_span(t, "человек", 1)[0],
               counted_end=_span(t, "человек", 1)[1], category="ARRESTED", claimant="E1")
    p = Place("P1", *_span(t, "Алматы", 1), "Алматы", **ALMATY, entity="E3", scene=True)
    v = Event("V1", "COERCE", "arrest", _span(t, "задержала"), _sentence(t, "задержала"), place="P1",
              date="2022-03-12", date_source="time", actor_text="Полиция Алматы", confidence=0.8)
    return _record(a, [person, short, city], [q1], [n], [p], [v])


def _vestnik(a: Article) -> ArticleRecord:
    t = a.text
    person = Entity("E1", "PERSON", "Айгерим Бекова", [_span(t, "Айгерим Бекова")],
                    [Role("правозащитница", None, *_span(t, "правозащитница"))])
    short = Entity("E2", "PERSON", "Бековой", [_span(t, "Бековой")])
    city = Entity("E3", "GPE", "Алматы", [_span(t, "Алматы", 0), _span(t, "Алматы", 1)])
    q1 = Quote("Q1", *_span(t, "среди задержанных много студентов"), "среди задержанных много студентов",
               "indirect", "E2", *_span(t, "Бековой"), "По словам", *_span(t, "По словам"))
    n = Number("N1", *_span(t, "около 120", 1), "около 120", 120.0, approx="about", counted="участников",
               category="ARRESTED", claimant="E1")
    p = Place("P1", *_span(t, "Алматы", 1), "Алматы", **ALMATY, entity="E3", scene=True)
    v = Event("V1", "COERCE", "arrest", _span(t, "задержала"), _sentence(t, "задержала"), place="P1",
              date="2022-03-12", date_source="time", actor_text="полиция", confidence=0.8)
    return _record(a, [person, short, city], [q1], [n], [p], [v])


def _record(a, ents, quotes, numbers, places, events) -> ArticleRecord:
    return ArticleRecord(article=a, stages={"entities": "ru.test", "quotes": "ru.test", "numbers": "ru.test",
                                            "places": "ru.test", "events": "ru.test"},
                         facts={"entities": ents, "quotes": quotes, "numbers": numbers, "times": [],
                                "places": places, "events": events})
