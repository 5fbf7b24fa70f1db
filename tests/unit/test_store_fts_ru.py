"""Russian full-text search: a query for one case form of a Russian word finds the others;
English search is unchanged beside it."""
from newsgraph.model import Article, ArticleRecord
from newsgraph.store import Store, queries, writer


def _rec(aid, text, lang):
    return ArticleRecord(article=Article(id=aid, text=text, published="2024-03-01", lang=lang))


def test_russian_case_forms_find_each_other(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        writer.write_records(st, [
            _rec("ru1", "В Бишкеке у здания парламента прошёл митинг жителей.", "ru"),
            _rec("ru2", "Паводки в Казахстане: эвакуированы жители Костанайской области.", "ru"),
            _rec("en1", "Police detained two men in Almaty after the rally.", "en"),
        ])
        queries.rebuild_fts(st)
        assert [h["id"] for h in queries.search(st, "Бишкек")] == ["ru1"]       # "в Бишкеке"
        assert [h["id"] for h in queries.search(st, "митинга")] == ["ru1"]      # "митинг"
        assert [h["id"] for h in queries.search(st, "эвакуированных")] == ["ru2"]
        assert sorted(h["id"] for h in queries.search(st, "жителей")) == ["ru1", "ru2"]
        assert [h["id"] for h in queries.search(st, "detain")] == ["en1"]       # English stems as before


def test_no_russian_articles_no_russian_index(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        writer.write_records(st, [_rec("en1", "Police detained two men in Almaty.", "en")])
        queries.rebuild_fts(st)
        assert [h["id"] for h in queries.search(st, "detained")] == ["en1"]
        assert queries.search(st, "Бишкек") == []
