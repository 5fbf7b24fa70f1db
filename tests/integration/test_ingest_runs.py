"""Issue 16 across runs: duplicates settle, edits replace, fixed inputs lose their rejection."""
from __future__ import annotations

import json
import subprocess
import sys

import duckdb

from newsgraph import service


def _q(db, sql, *params):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def _write_jsonl(path, *objs):
    path.write_text("".join(json.dumps(o) + "\n" for o in objs))


def test_duplicate_ids_settle_across_runs(tmp_path):
    src = tmp_path / "d.jsonl"
    _write_jsonl(src, {"id": "a", "text": "Police in Taraz detained two men on Monday."},
                 {"id": "b", "text": "The akim of Turkistan region opened a school."},
                 {"id": "a", "text": "Police in Taraz detained two men on Monday."},
                 {"id": "b", "text": "A different story under the same id."})
    db = tmp_path / "s.duckdb"
    s = service.ingest([str(src)], str(db), resolve=False)
    assert (s.inserted, s.rejected, s.extracted) == (2, 1, 2)
    assert [r.code for r in s.rejections] == ["duplicate-id"] and s.rejections[0].origin == f"{src}:4"
    again = service.ingest([str(src)], str(db), resolve=False)
    assert (again.inserted, again.replaced, again.unchanged, again.extracted) == (0, 0, 2, 0)
    assert _q(db, "SELECT text FROM articles WHERE id = 'b'") == [("The akim of Turkistan region opened a school.",)]


def test_edited_txt_replaces_its_article_and_its_facts(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Nursultan Nazarbayev visited Pavlodar on Tuesday.")
    db = tmp_path / "e.duckdb"
    service.ingest([str(p)], str(db), resolve=False)
    assert ("Pavlodar",) in _q(db, "SELECT name FROM entities")
    p.write_text("Kassym-Jomart Tokayev visited Aktobe on Tuesday.")
    s = service.ingest([str(p)], str(db), resolve=False)
    assert (s.inserted, s.replaced) == (0, 1)
    assert _q(db, "SELECT count(*) FROM articles") == [(1,)]
    names = {n for (n,) in _q(db, "SELECT name FROM entities")}
    assert "Aktobe" in names and "Pavlodar" not in names


def test_fixed_input_clears_its_old_rejection(tmp_path):
    j = tmp_path / "f.jsonl"
    j.write_text('{"id": "g", "text": "Good one."}\n{broken\n')
    t = tmp_path / "empty.txt"
    t.write_text("")
    db = tmp_path / "r.duckdb"
    service.ingest([str(tmp_path)], str(db), resolve=False)
    assert sorted(_q(db, "SELECT origin, code FROM rejections")) == [(f"{t}", "empty"), (f"{j}:2", "bad-json")]
    j.write_text('{"id": "g", "text": "Good one."}\n{"id": "h", "text": "Fixed line."}\n')
    t.write_text("Now it has a body.")
    s = service.ingest([str(tmp_path)], str(db), resolve=False)
    assert s.rejected == 0 and _q(db, "SELECT * FROM rejections") == []
    assert _q(db, "SELECT count(*) FROM articles") == [(3,)]


def test_lone_surrogates_never_stop_the_run(tmp_path):
    src = tmp_path / "s.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": f"Report {i} from Oral."}) for i in range(6)]
    lines[2] = '{"id": "bad", "text": "Almaty \\ud800 and Astana \\udc00 met."}'
    src.write_text("\n".join(lines) + "\n")
    db = tmp_path / "u.duckdb"
    s = service.ingest([str(src)], str(db), resolve=False)
    assert (s.inserted, s.rejected) == (6, 0)
    assert _q(db, "SELECT text FROM articles WHERE id = 'bad'") == [("Almaty \ufffd and Astana \ufffd met.",)]


def test_max_bytes_above_the_model_limit(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Flooding closed the road to Semey.")
    ng = [sys.executable, "-m", "newsgraph.cli", "ingest", str(p), "--db", str(tmp_path / "m.duckdb"), "-q"]
    ok = subprocess.run(ng + ["--max-bytes", "9000000"], capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(ng + ["--max-bytes", "50000000"], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "--max-bytes" in bad.stderr and bad.stderr.count("\n") == 1
