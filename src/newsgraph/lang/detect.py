"""Offline language identification of an article's text (when the input gives no ``lang``).

The steps:
1. texts with fewer than ``MIN_LETTERS`` letters are too short to judge: "en", unless
   their letters are mostly Cyrillic ("ru");
2. CLD2 (``pycld2``, a small compiled model inside the wheel) over the first
   ``MAX_CHARS`` characters; a reliable guess wins ("en", "ru", "kk", "de", ...);
3. when CLD2 is unsure, the script decides: mostly Cyrillic letters -> "ru", else "en".
An explicit language (the input's ``lang`` field, ``--lang``) is never overridden by this.
"""
from __future__ import annotations

from ..errors import ResourceError

__all__ = ["detect", "DEFAULT"]

DEFAULT = "en"
MIN_LETTERS = 20
MAX_CHARS = 20_000  # enough to judge; CLD2's time grows with the text


def detect(text: str) -> str:
    """The language code of ``text`` (ISO 639-1 as CLD2 spells it)."""
    sample = text[:MAX_CHARS]
    cyrillic, letters = _script_counts(sample)
    if letters < MIN_LETTERS:
        return _by_script(cyrillic, letters)
    code = _cld2(sample)
    return code if code is not None else _by_script(cyrillic, letters)


def _script_counts(text: str) -> tuple[int, int]:
    cyrillic = letters = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if "\u0400" <= ch <= "\u04ff":
                cyrillic += 1
    return cyrillic, letters


def _by_script(cyrillic: int, letters: int) -> str:
    return "ru" if letters and cyrillic * 2 > letters else DEFAULT


def _cld2(text: str) -> str | None:
    try:
        import pycld2
    except ImportError as exc:
        raise ResourceError("language detection needs pycld2: pip install pycld2 "
                            "(or give each article's language: a 'lang' field or --lang)") from exc
    clean = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates make CLD2 raise
    try:
        reliable, _, details = pycld2.detect(clean)
    except pycld2.error:
        return None
    code = details[0][1] if details else "un"
    if not reliable or code in ("un", "xxx"):
        return None
    return code.split("-")[0].lower()
