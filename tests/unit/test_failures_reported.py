"""Failures are not swallowed: a missing dependency is a hard error saying what to install."""
from __future__ import annotations

import sys

import pytest

from newsgraph import cli, service


def test_serve_without_its_dependencies_says_what_to_install(monkeypatch, capsys, tmp_path):
    for name in [m for m in sys.modules if m == "newsgraph.api" or m.startswith("newsgraph.api.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "fastapi", None)  # as if fastapi were not installed
    assert cli.main(["serve", "--db", str(tmp_path / "x.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "fastapi" in err and "pip install" in err and "not built yet" not in err


def test_a_broken_resolve_step_is_not_skipped(monkeypatch, tmp_path):
    from newsgraph.store import Store

    with Store(tmp_path / "s.duckdb") as st:
        monkeypatch.setitem(sys.modules, "newsgraph.resolve", None)  # as if resolve/ failed to import
        with pytest.raises(ImportError):
            service._resolve_hook(st)
