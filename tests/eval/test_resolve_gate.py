"""Gate: cross-article resolution on our gold set (tests/data/resolve_gold), and the example
story lines: the figure reported over time is one series, the detention reported by three
outlets is one event cluster. Floors in tests/eval/floors/resolve.json.

CI runs a fixed subset (the examples and the first PolNeAR clusters, LIMIT documents) without
peers; the full run with peers is `newsgraph eval resolve --gold tests/data/resolve_gold`.
"""
import json
from pathlib import Path

import duckdb
import pytest

from newsgraph.evaluate.resolution import evaluate

ROOT = Path(__file__).resolve().parents[2]
FLOORS = json.loads((ROOT / "tests" / "eval" / "floors" / "resolve.json").read_text())
LIMIT = FLOORS.pop("_limit_docs")


@pytest.fixture(scope="module")
def run(tmp_path_factory, gold):
    db = str(tmp_path_factory.mktemp("resolve") / "gate.duckdb")
    return evaluate(str(ROOT / "tests" / "data" / "resolve_gold"), limit=LIMIT, peers=False, db=db), db


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(run, metric):
    result, _ = run
    assert result[metric] >= FLOORS[metric], f"{metric} {result[metric]} fell under its floor {FLOORS[metric]}"


def test_gold_is_big_enough(run):
    result, _ = run
    assert result["entities"]["same_pairs"] >= 150 and result["event_pairs"] >= 60


def _article(con, like):
    return con.execute("SELECT id FROM articles WHERE origin LIKE ? OR id = ? OR url = ?",
                       [f"%{like}%", like, like]).fetchone()[0]


def test_figure_over_time_is_one_series(run):
    _, db = run
    con = duckdb.connect(db, read_only=True)
    feb = _article(con, "01_steppe_herald")
    may = _article(con, "03_steppe_herald")
    jul = _article(con, "https://steppeherald.example/2019/07/10/bilisbekov-nearly-400")
    rows = con.execute("SELECT article_id, value, series_id FROM series_points WHERE article_id IN (?, ?, ?) "
                       "AND value IN (300, 350, 400)", [feb, may, jul]).fetchall()
    by_article = {a: s for a, _, s in rows}
    assert {feb, may, jul} <= set(by_article), rows
    assert len({by_article[feb], by_article[may], by_article[jul]}) == 1
    values = {v for _, v, s in rows if s == by_article[feb]}
    assert {300, 350, 400} <= values


def test_detention_by_three_outlets_is_one_cluster(run):
    _, db = run
    con = duckdb.connect(db, read_only=True)
    arts = [_article(con, "02_steppe_herald"), "caw-2019-03-08-almaty", "tst-2019-03-12-almaty-kyrgyz"]
    rows = con.execute("SELECT m.cluster_id, m.article_id FROM event_cluster_members m JOIN event_clusters c "
                       "ON c.id = m.cluster_id WHERE c.type = 'COERCE' AND m.article_id IN (?, ?, ?)", arts).fetchall()
    clusters = {}
    for cid, aid in rows:
        clusters.setdefault(cid, set()).add(aid)
    assert any(members == set(arts) for members in clusters.values()), clusters
    istanbul = _article(con, "08_bosphorus_daily")
    cid = next(c for c, m in clusters.items() if m == set(arts))
    assert not con.execute("SELECT 1 FROM event_cluster_members WHERE cluster_id = ? AND article_id = ?",
                           [cid, istanbul]).fetchone()
