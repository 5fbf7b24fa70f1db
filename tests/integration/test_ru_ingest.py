"""A mixed English + Russian JSONL through ``ingest`` into a real DuckDB file: Russian articles
get lang "ru" (given or detected) and Russian facts; English records are the same as when
English is ingested alone; Russian full-text search finds other case forms."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from newsgraph import service

RU = {json.loads(ln)["id"]: json.loads(ln) for ln in
      (Path(__file__).resolve().parents[1] / "golden" / "ru" / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
EN = [
    {"id": "en1", "published": "2024-03-12", "lang": "en",
     "text": "ALMATY. Police detained three men in Almaty on Monday, the city police department said. "
             "\"The suspects are in custody,\" said police chief Yerlan Satybaldiyev."},
    {"id": "en2", "published": "2024-05-20",
     "text": "Kyrgyz Foreign Minister Azamat Toktogulov held talks in Tashkent on Monday. "
             "The two sides signed an agreement on water, he told reporters."},
]


def _write(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    d = tmp_path_factory.mktemp("ru_ingest")
    ru1 = dict(RU["ru01"], lang="ru")
    ru9 = {k: v for k, v in RU["ru09"].items() if k != "lang"}  # no lang: detected from the text
    mixed = _write(d / "mixed.jsonl", [EN[0], ru1, EN[1], ru9])
    english = _write(d / "english.jsonl", EN)
    service.ingest([mixed], str(d / "mixed.duckdb"), resolve=False)
    service.ingest([english], str(d / "english.duckdb"), resolve=False)
    return d / "mixed.duckdb", d / "english.duckdb"


def _rows(db: Path, sql: str, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_languages_given_and_detected(stores):
    mixed, _ = stores
    assert dict(_rows(mixed, "SELECT id, lang FROM articles")) == {"en1": "en", "en2": "en", "ru01": "ru", "ru09": "ru"}


def test_russian_articles_get_russian_facts(stores):
    mixed, _ = stores
    names = {r[0] for r in _rows(mixed, "SELECT name FROM entities WHERE article_id = 'ru01'")}
    assert "Ерлан Сатыбалдиев" in names
    quotes = _rows(mixed, "SELECT text FROM quotes WHERE article_id = 'ru01'")
    assert any("Задержанные помещены" in q[0] for q in quotes)
    money = _rows(mixed, "SELECT value, unit FROM numbers WHERE article_id = 'ru09' AND category = 'MONEY'")
    assert money and money[0][1] == "KZT"
    places = {r[0] for r in _rows(mixed, "SELECT geonameid FROM places WHERE article_id = 'ru09'")}
    assert 1518980 in places  # Shymkent, the same GeoNames id as in English
    events = {r[0] for r in _rows(mixed, "SELECT type FROM events WHERE article_id = 'ru09'")}
    assert "COERCE" in events


def test_english_records_unchanged_beside_russian(stores):
    mixed, english = stores
    for table in ("entities", "quotes", "numbers", "times", "places", "events"):
        sql = f"SELECT * EXCLUDE (article_id) FROM {table} WHERE article_id = ? ORDER BY id"
        for aid in ("en1", "en2"):
            assert _rows(mixed, sql, [aid]) == _rows(english, sql, [aid]), (table, aid)


def test_russian_search_finds_case_forms(stores):
    mixed, _ = stores
    assert [h["id"] for h in service.search(str(mixed), "Шымкент")] == ["ru09"]   # text: "Шымкента"
    assert "ru01" in [h["id"] for h in service.search(str(mixed), "мошенничество")]  # "в мошенничестве"
    assert [h["id"] for h in service.search(str(mixed), "detain")] == ["en1"]
