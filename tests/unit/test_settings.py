"""settings.py is the one place that reads the environment, and it lists every setting."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsgraph import cli, settings
from newsgraph.errors import InputError

SRC = Path(__file__).resolve().parents[2] / "src" / "newsgraph"
ENV_READ = re.compile(r"\bos\.environ\b|\bgetenv\s*\(|\benviron\.get\b|from os import .*environ")


def test_no_other_module_reads_the_environment():
    offenders = []
    for p in sorted(SRC.rglob("*.py")):
        if p.name == "settings.py" and p.parent == SRC:
            continue
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if ENV_READ.search(line):
                offenders.append(f"{p.relative_to(SRC)}:{n}: {line.strip()}")
    assert not offenders, "read the setting through newsgraph.settings:\n" + "\n".join(offenders)


def test_the_check_finds_an_environment_read():
    assert ENV_READ.search('x = os.environ.get("NEWSGRAPH_X")') and ENV_READ.search("os.getenv('A')")


def test_every_variable_named_in_the_code_is_a_listed_setting():
    listed = {s.env for s in settings.SETTINGS}
    named = set()
    for p in SRC.rglob("*.py"):
        named |= set(re.findall(r"\bNEWSGRAPH_[A-Z_]+\b", p.read_text(encoding="utf-8")))
    assert named <= listed, named - listed
    doc = settings.__doc__
    for s in settings.SETTINGS:  # the table in the docstring names each one
        assert re.search(rf"^\s+{s.name}\s+{s.env}\s", doc, re.M), s.name


def test_environment_wins_over_the_default_and_bad_values_say_what_to_fix(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSGRAPH_PORT", raising=False)
    assert settings.get("port") == 8000
    monkeypatch.setenv("NEWSGRAPH_PORT", "8123")
    assert settings.get("port") == 8123
    monkeypatch.setenv("NEWSGRAPH_PORT", "http")
    with pytest.raises(InputError, match="NEWSGRAPH_PORT='http'"):
        settings.get("port")
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path))
    from newsgraph.resources.gazetteer import cache_dir
    assert cache_dir() == tmp_path


def test_cli_defaults_come_from_settings(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("NEWSGRAPH_DB", str(tmp_path / "env.duckdb"))
    monkeypatch.setenv("NEWSGRAPH_BATCH_SIZE", "7")
    a = cli.build_parser().parse_args(["ingest", "x.txt"])
    assert a.db == str(tmp_path / "env.duckdb") and a.batch_size == 7
    assert cli.main(["settings", "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(rows) == {s.name for s in settings.SETTINGS} and rows["batch_size"]["value"] == 7
    monkeypatch.setenv("NEWSGRAPH_BATCH_SIZE", "0")
    assert cli.main(["stats"]) == 2
    assert "NEWSGRAPH_BATCH_SIZE='0'" in capsys.readouterr().err
