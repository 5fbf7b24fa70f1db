"""Russian: natasha (razdel, slovnet, navec) wrapped as spaCy Docs with UD labels, and six stages.

``RU`` follows the language interface agreed with the ``lang`` seam (``newsgraph.lang.Language``):
the registry adds ``"ru": RU``. Every Russian word list is a data file beside this module (``lang/ru/``); the stage code is
in the family packages (``stages/<family>/ru.py``).
"""
from __future__ import annotations

from pathlib import Path

from .. import Language
from . import nlp


def _stages() -> tuple:
    from .stages import STAGES  # imported on first use: stages import the resources layer

    return STAGES


RU = Language(code="ru", name="Russian", load_nlp=nlp.load, data_dir=Path(__file__).resolve().parent,
              stages=_stages, labels="ud", nlp_version=nlp.VERSION)
