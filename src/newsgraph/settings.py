"""Every setting of newsgraph, its default and meaning, read in one place.

A setting comes from its environment variable when that is set (and not empty), else from
its default; command-line options win over both where a command has one. Nothing else in
``newsgraph`` reads ``os.environ`` (a test checks). ``newsgraph settings`` prints the table
with the values in effect.

    name            variable                 default                     meaning
    db              NEWSGRAPH_DB             newsgraph.duckdb            the DuckDB store file of every command
    cache_dir       NEWSGRAPH_CACHE          $XDG_CACHE_HOME/newsgraph   built indexes (gazetteer), retrained peer models
                                             (~/.cache/newsgraph)
    gold_dir        NEWSGRAPH_GOLD           ../shared/gold (of a checkout)  gold standards for `eval` and the gates
    debug           NEWSGRAPH_DEBUG          off                         print the traceback of an internal error
    max_bytes       NEWSGRAPH_MAX_BYTES      2000000                     largest article accepted (UTF-8 bytes)
    batch_size      NEWSGRAPH_BATCH_SIZE     64                          articles per ingest transaction
    host            NEWSGRAPH_HOST           127.0.0.1                   address `serve` listens on
    port            NEWSGRAPH_PORT           8000                        port `serve` listens on
    tile_url        NEWSGRAPH_TILE_URL       (none: offline map)         map tile URL template {z}/{x}/{y}
    snapshot_poll   NEWSGRAPH_SNAPSHOT_POLL  1.0                         seconds between `serve`'s checks of the file
    page_limit      NEWSGRAPH_PAGE_LIMIT     500                         most items one API page may ask for
    cqe_python      NEWSGRAPH_CQE_PYTHON     /tmp/cqe-venv/bin/python    interpreter of the CQE peer (`eval numbers`)
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

__all__ = ["Setting", "SETTINGS", "default", "get", "table"]


def _cache_default() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsgraph"


def _gold_default() -> Path:
    return Path(__file__).resolve().parents[3] / "shared" / "gold"


def _flag(raw: str) -> bool:
    low = raw.strip().lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise ValueError("give 1 or 0")


def _positive_int(raw: str) -> int:
    v = int(raw)
    if v < 1:
        raise ValueError("give a whole number of at least 1")
    return v


def _port(raw: str) -> int:
    v = int(raw)
    if not 0 < v < 65536:
        raise ValueError("give a port between 1 and 65535")
    return v


def _seconds(raw: str) -> float:
    v = float(raw)
    if not 0.05 <= v <= 3600:
        raise ValueError("give seconds between 0.05 and 3600")
    return v


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: Callable[[], Any]
    parse: Callable[[str], Any]
    meaning: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "NEWSGRAPH_DB", lambda: "newsgraph.duckdb", str, "the DuckDB store file of every command"),
    Setting("cache_dir", "NEWSGRAPH_CACHE", _cache_default, Path,
            "built indexes (gazetteer) and retrained peer models"),
    Setting("gold_dir", "NEWSGRAPH_GOLD", _gold_default, Path, "gold standards for `eval` and the gates"),
    Setting("debug", "NEWSGRAPH_DEBUG", lambda: False, _flag, "print the traceback of an internal error"),
    Setting("max_bytes", "NEWSGRAPH_MAX_BYTES", lambda: 2_000_000, _positive_int,
            "largest article accepted (UTF-8 bytes of its text)"),
    Setting("batch_size", "NEWSGRAPH_BATCH_SIZE", lambda: 64, _positive_int, "articles per ingest transaction"),
    Setting("host", "NEWSGRAPH_HOST", lambda: "127.0.0.1", str, "address `serve` listens on"),
    Setting("port", "NEWSGRAPH_PORT", lambda: 8000, _port, "port `serve` listens on"),
    Setting("tile_url", "NEWSGRAPH_TILE_URL", lambda: None, str,
            "map tile URL template with {z} {x} {y}; unset: the offline map of country shapes"),
    Setting("snapshot_poll", "NEWSGRAPH_SNAPSHOT_POLL", lambda: 1.0, _seconds,
            "seconds between `serve`'s checks for new writes to the store"),
    Setting("page_limit", "NEWSGRAPH_PAGE_LIMIT", lambda: 500, _positive_int,
            "most items one API list page may ask for (`limit`)"),
    Setting("cqe_python", "NEWSGRAPH_CQE_PYTHON", lambda: Path("/tmp/cqe-venv/bin/python"), Path,
            "Python interpreter that has the CQE peer installed (`eval numbers`)"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def default(name: str) -> Any:
    """The default of setting ``name`` (whatever the environment says)."""
    return _BY_NAME[name].default()


def get(name: str) -> Any:
    """The value in effect of setting ``name`` (read now: a changed variable counts)."""
    s = _BY_NAME[name]
    raw = os.environ.get(s.env)
    if raw is None or raw == "":
        return s.default()
    try:
        return s.parse(raw)
    except ValueError as exc:
        raise InputError(f"{s.env}={raw!r}: {exc} ({s.meaning}); fix or unset it") from exc


def table() -> list[dict[str, Any]]:
    """Every setting with its variable, default, value in effect and meaning."""
    return [{"name": s.name, "env": s.env, "default": s.default(), "value": get(s.name), "meaning": s.meaning}
            for s in SETTINGS]
