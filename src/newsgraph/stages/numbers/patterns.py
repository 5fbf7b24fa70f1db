"""The regular expressions of ``parse``: fixed ones, and those compiled from the language's
word lists (months, number words, qualifiers, units) once per language (``compile_patterns``,
called by ``lexicon.lexicon``)."""
from __future__ import annotations

import re
from dataclasses import dataclass


def _alts(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DAYS_TO = r"(?:\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"
PHONE_DIGITS = 7
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+)(?:\.\d+)?(?!\.\d)|\.\d+"
_LCUR = r"USD|AUD|CAD|HKD|GBP|EUR|JPY|INR|RUB|KZT|CHF|CNY|RMB|PS|RM|Rs\.?|\$US|\$A|\$AU"
SCALE_LETTER = re.compile(r"([mMbBkK])(?![\w])")
CUR_BEFORE = re.compile(
    r"(US ?\$|U\.S\.\$|\$ ?US|A\$|AU\$|C\$|CA\$|NZ\$|HK ?\$|S\$|NT\$|R\$|\$|£|€|¥|Y=|₹|₽|₸|₩|₺|₦|₴|₪|"
    r"\b(?:USD|AUD|CAD|HKD|GBP|EUR|JPY|INR|RUB|KZT|CHF|CNY|RMB|NIS|Rs\.?)) ?(-?)$"
)
US_AFTER = re.compile(r" (?:US|U\.S\.)(?![\w.])|(?<=\.) ?US(?![\w])")
SIGN_BEFORE = re.compile(r"(?i:minus)[\s-]?$|(?:^|(?<=[\s(]))[−-]$")
QUAL_AFTER = re.compile(r"\+|\s?-?plus\b|\s+or\s+(?:more|so|less|fewer)\b", re.I)
PER = re.compile(r"(?:\s?/\s?|\s+per\s+|[\s-]an?[\s-]|\s+each\s+)((?:square |sq\.? |cubic )?[A-Za-zμµ][\w]*)"
                  r"(?!\s+(?:earlier|ago|before|later|prior)\b)")
RANGE_SEP = re.compile(r"^(?:\s?[-–—]\s?|\s+(?:to|and|or)\s+|\s?-?to-?\s?)$")
BETWEEN = re.compile(r"(?i:between|from)\s+$")
BY = re.compile(r"(?i:\bby)\s+$")


@dataclass(frozen=True)
class Patterns:
    not_figure: tuple[re.Pattern, re.Pattern, re.Pattern]  # dates, clock times, phone numbers
    atom: re.Pattern
    qual_before: re.Pattern
    scale_words: re.Pattern  # "million" (any spacing) or "bn" (at most one space) after a figure
    unit_cs: re.Pattern
    unit_ci: re.Pattern


def compile_patterns(lex) -> Patterns:
    """The patterns built from the word lists of ``lex`` (a ``lexicon.Lexicon``)."""
    return Patterns(not_figure=_not_figure(lex), atom=_atom(lex),
                    qual_before=re.compile(rf"(?<![\w])({_alts(lex.qualifiers)})\s*$", re.I),
                    scale_words=_scale_words(lex),
                    unit_cs=re.compile(rf"[ \u00a0-]?({_alts(lex.units[0])})(?![A-Za-z0-9])"),
                    unit_ci=re.compile(rf"[ \u00a0-]?({_alts(lex.units[1])})(?![A-Za-z0-9])", re.I))


def _not_figure(lex) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    month = rf"(?:{_alts(lex.months)})\b\.?"
    return (
        re.compile(
            rf"\b{month}\s+\d{{1,2}}(?:st|nd|rd|th)?{_DAYS_TO}(?:,?\s+\d{{4}})?\b"  # March 29, Sept. 19 to 22
            rf"|\b{month}\s+(?:of\s+)?\d{{4}}\b",  # June of 2018
            re.IGNORECASE),
        re.compile(
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?{_DAYS_TO}\s+(?:of\s+)?{month}(?:,?\s+\d{{4}})?"  # 29 March 2019
            r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 2019-02-24, 24/02/2019
            r"|\b\d{1,2}(?::\d{2})+(?:\s*[ap]\.?m\.?\b)?"  # 10:27, 5:00 AM
            r"|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?",  # 5am, 1.56pm
            re.IGNORECASE),
        re.compile(  # phone numbers
            r"(?:\+\d{1,3}[\s.-]?|(?<![\w.,+]))(?:\(\d{2,5}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,}(?!\w|[.,]\d)"),
    )


def _atom(lex) -> re.Pattern:
    words = _alts(list(lex.ones) + list(lex.bare_scales))
    ones = _alts(lex.ones)
    small = "|".join(w for w, v in lex.ones.items() if 1 <= v <= 10) + r"|\d+"
    return re.compile(
        rf"(?P<ratio>\b(?i:{small})\s+(?i:in|out\s+of|of(?=\s+every)|of(?=\s+(?:10|ten|100)\b))\s+(?i:every\s+)?(?i:{small})\b)"
        rf"|(?P<frac>\b(?i:a|one|two|three|four)[\s-]+(?i:halves|half|thirds?|quarters?|fifths?|tenths?)\b(?=\s+of\b)"
        r"|\b(?i:half)\b(?=\s+(?:of|the)\b))"
        r"|(?P<dfrac>(?<![\w.,/])\d+\s?[/⁄]\s?\d+(?![\d/])(?=\s+of\b))"
        r"|(?P<vague>\b(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|scores|hundreds|thousands|millions|billions)\b"
        r"(?=\s+(?:of|were|have|had|are|more|fled|died|gathered|marched|protested)\b))"
        rf"|(?P<word>\b(?i:a\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?i:{words})"
        rf"(?:[\s-]+(?i:{words})|(?:(?<=hundred)|(?<=thousand))\s+and\s+(?i:{ones}))*\b)"
        rf"|(?:(?P<lcur>(?<![\w$])(?:{_LCUR})(?=\d))|(?<![\w.,]))(?P<digit>{_NUM})"
    )


def _scale_words(lex) -> re.Pattern:
    words = "|".join(re.escape(w) for w in lex.scales if w not in lex.scale_abbreviations)
    short = "|".join(re.escape(w) for w in lex.scale_abbreviations)
    return re.compile(rf"(?:\s*({words})\b|\s?({short})\b)", re.I)
