"""Shared fixtures. Gold data is read from ../shared/gold (NEWSGRAPH_GOLD overrides); a
missing gold folder fails the evaluation tests rather than skipping them."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph import settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
GOLD = settings.get("gold_dir")  # NEWSGRAPH_GOLD, else ../shared/gold of the checkout
SEED = SHARED / "corpus" / "000_eb440fe5f3ef28cf.txt"
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def gold() -> Path:
    assert GOLD.is_dir(), f"gold data not found at {GOLD}; set NEWSGRAPH_GOLD"
    return GOLD


@pytest.fixture(scope="session")
def seed_path() -> Path:
    assert SEED.is_file(), f"seed article not found at {SEED}; set NEWSGRAPH_SHARED"
    return SEED


@pytest.fixture(scope="session")
def seed_record(seed_path):
    from newsgraph import service

    recs = [r for r in service.extract([str(seed_path)]) if isinstance(r, dict)]
    assert len(recs) == 1
    return recs[0]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
