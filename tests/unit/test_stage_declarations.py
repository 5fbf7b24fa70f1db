"""The stage declarations of every language, frozen: a change to a stage's name, version,
requires or produces (or to a language's stage list) must update the stored snapshot
tests/data/stage_declarations.json in the same commit (bump the version when output changes)."""
from __future__ import annotations

import json
from pathlib import Path

from newsgraph import lang
from newsgraph.pipeline import check_stages

SNAPSHOT = Path(__file__).resolve().parents[1] / "data" / "stage_declarations.json"


def declarations() -> dict:
    return {code: [{"name": s.name, "version": s.version, "requires": list(s.requires), "produces": s.produces}
                   for s in language.stages()]
            for code, language in sorted(lang.LANGUAGES.items())}


def test_declarations_match_the_snapshot():
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = declarations()
    assert now == stored, ("stage declarations changed; if intended, write this into "
                           f"{SNAPSHOT}:\n{json.dumps(now, indent=2)}")


def test_every_language_declares_a_valid_order():
    for language in lang.LANGUAGES.values():
        check_stages(language.stages())
        assert language.data_dir.is_dir() and language.data_dir.name == language.code
