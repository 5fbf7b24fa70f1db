"""The reporting-cue lexicon of quotes.v1 (data/reporting_cues.json), loaded once per process."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from ...errors import ResourceError

CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "reporting_cues.json"


@dataclass(frozen=True)
class Lexicon:
    """Lemma sets and multi-word phrases of the cue file (all lower case)."""

    speech: frozenset[str]
    cognition: frozenset[str]
    object_cues: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    titles: frozenset[str]
    org_words: frozenset[str]
    generic_speakers: frozenset[str]
    proxy_speakers: frozenset[str] = frozenset()
    institution_words: frozenset[str] = frozenset()
    source_markers: dict = None  # kind -> frozenset of words

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.cognition


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon; raises ResourceError when the bundled file is missing or malformed."""
    try:
        raw = json.loads(CUES_FILE.read_text(encoding="utf-8"))
        return Lexicon(
            speech=frozenset(w.lower() for w in raw["speech"]),
            cognition=frozenset(w.lower() for w in raw["cognition"]),
            object_cues=frozenset(w.lower() for w in raw["object_cues"]),
            phrases=tuple(tuple(w.lower() for w in p) for p in raw["phrases"]),
            titles=frozenset(w.lower() for w in raw["titles"]),
            org_words=frozenset(w.lower() for w in raw["org_words"]),
            generic_speakers=frozenset(w.lower() for w in raw["generic_speakers"]),
            proxy_speakers=frozenset(w.lower() for w in raw.get("proxy_speakers", ())),
            institution_words=frozenset(w.lower() for w in raw.get("institution_words", ())),
            source_markers={k: frozenset(v) for k, v in raw.get("source_markers", {}).items() if k != "_about"},
        )
    except (OSError, ValueError, KeyError) as exc:
        raise ResourceError(
            f"the reporting-cue lexicon {CUES_FILE} is missing or malformed ({exc}); "
            "reinstall newsgraph or restore the file from the repository"
        ) from exc
