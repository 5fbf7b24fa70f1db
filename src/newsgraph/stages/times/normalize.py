"""TIMEX3 resolution: one handler per recognition rule (``patterns.compile_rules``).

A handler gets the match's groups, the reference date (publication date or None) and a
``tense()`` callable (the governing verb's tense from the parse, computed only when a
handler asks) and the language's ``lexicon.Lexicon`` (its word tables), and returns
``Norm(type, value, mod, freq, quant)``, or None to drop the match.
The handlers live in ``norm_dates`` (dates written out), ``norm_relative``
(relative to the publication date) and ``norm_other`` (clock times, sets,
durations, fuzzy words); ``norm_base`` holds what they share.
"""
from __future__ import annotations

from . import norm_dates, norm_other, norm_relative
from .norm_base import Norm, duration_value

__all__ = ["HANDLERS", "Norm", "duration_value"]

HANDLERS = {
    name[2:]: fn
    for mod in (norm_dates, norm_relative, norm_other)
    for name, fn in vars(mod).items()
    if name.startswith("h_") and callable(fn)
}
