"""English: spaCy's ``en_core_web_sm`` (ClearNLP dependency labels) and the six stages.

The data files beside this module hold every English word list the stages read
(through ``ctx.lang.data(name)``).
"""
from __future__ import annotations

from pathlib import Path

from ... import nlp
from .. import Language


def _stages() -> tuple:
    from ...stages import STAGES  # imported on first use: stages import the resources layer

    return STAGES


EN = Language(code="en", name="English", load_nlp=nlp.load, data_dir=Path(__file__).resolve().parent,
              stages=_stages, labels="clear", nlp_version=nlp.VERSION)
