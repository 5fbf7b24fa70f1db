"""The recognition patterns: one compiled regex per expression class, with named groups.

Each rule is ``(name, regex)``; ``normalize.HANDLERS[name]`` turns a match into a
TIMEX3 type/value. Patterns are case-insensitive except month and weekday names, which
must be capitalised (``may``, ``march``, ``sun`` are ordinary words in lower case).
Every pattern starts and ends on a word boundary. ``compile_rules(lex)`` builds them from
the word tables of a ``lexicon.Lexicon`` (once per language, when the lexicon is built).
"""
from __future__ import annotations

import re

DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
TZ = r"(?:\s+(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|EET|local\s+time))?"
AMPM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"


def alt(words, flags_lower: bool = True) -> str:
    """A regex alternation of ``words`` (escaped, longest first, dots in abbreviations optional)."""
    ws = sorted(set(words), key=len, reverse=True)
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in ws]
    return "(?:" + "|".join(parts) + ")"


def _rx(body: str) -> re.Pattern:
    return re.compile(rf"(?<![\w$£€.,-])(?:{body})(?![\w%]|[.,]\d|-(?!\s))", re.I)


def compile_rules(lex) -> tuple[list[tuple[str, re.Pattern]], dict[str, re.Pattern]]:
    """(RULES, NEEDS) of ``lex``: the rules in priority order, and for some rules a fast
    regex of the words they require (most articles have no season, holiday or century, and
    the full patterns are slow to scan)."""
    f = _fragments(lex)
    return _date_rules(f) + _relative_rules(f), _needs(f)


def _fragments(lex) -> dict[str, str]:
    forms = lex.pattern_forms
    mon, wd = "|".join(forms["month"]), "|".join(forms["weekday"])
    f = {"MON": rf"(?-i:{mon})", "WD": rf"(?-i:{wd})", "UNIT": "(?:" + "|".join(forms["unit"]) + ")",
         "DEICTIC": "(?:" + "|".join(forms["deictic"]) + ")", "POINT_MOD": alt(lex.point_mods),
         "PART": alt(lex.parts_of_day), "SEASON": alt(lex.seasons), "ORD": alt(lex.ordinals)}
    f["TENS"], f["DIGITS"] = "|".join(forms["tens"]), "|".join(forms["digits"])
    f["DECADE_WORDS"] = "|".join(lex.decade_words)
    f["NUM"] = (rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{f['TENS']})[- ](?:{f['DIGITS']})"
                rf"|{alt(k for k in lex.numbers)}|{alt(lex.vague_numbers)})")
    f["UNIT_S"] = rf"{f['UNIT']}s?"
    f["PMOD"] = rf"(?:(?P<pmod>{f['POINT_MOD']})(?:-|\s+))?"
    f["DMOD"] = rf"(?:(?P<dmod>{alt(lex.duration_mods)})\s+)?"
    f["CLOCK_DAY"] = (rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{f['WD']})|(?P<rd>today|yesterday|tomorrow)"
                      rf"|(?P<cmon>{f['MON']})\s*(?P<cd>{DAY})))?")
    f["HOLIDAY"], f["SET_WORD"], f["FUZZY"] = alt(lex.holidays), alt(lex.set_words), alt(lex.fuzzy)
    return f


def _needs(f: dict) -> dict[str, re.Pattern]:
    UNIT, SEASON, PART, WD = f["UNIT"], f["SEASON"], f["PART"], f["WD"]
    return {
        **dict.fromkeys(("month_day", "day_month", "month_year", "month"), re.compile(f["MON"])),
        "season": re.compile(SEASON, re.I),
        "holiday": re.compile(r"day|christmas|thanksgiving|halloween|eve\b", re.I),
        "decade": re.compile(r"0'?s\b"),
        "century": re.compile(r"century", re.I),
        "quarter": re.compile(r"quarter|half", re.I),
        **dict.fromkeys(("duration", "span", "deictic_plural"), re.compile(UNIT, re.I)),
        "ago": re.compile(r"ago|earlier|before|later|from\s+now|hence", re.I),
        "set_times": re.compile(r"once|twice|thrice|times", re.I),
        "year": re.compile(r"\d{4}"),
        "relday": re.compile(r"today|tonight|yesterday|tomorrow", re.I),
        "deictic": re.compile(rf"{UNIT}|{SEASON}|{PART}|{WD}", re.I),
    }


def _date_rules(f: dict) -> list[tuple[str, re.Pattern]]:
    """The rules of dates written out (the first in priority)."""
    MON, WD, PMOD, PART, ORD = f["MON"], f["WD"], f["PMOD"], f["PART"], f["ORD"]
    return [
        ("iso_date", _rx(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)")),
        ("us_slash", _rx(r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)")),
        # 05.03.2025 (day first, as Central Asian and European outlets write it)
        ("dotted_dmy", _rx(r"(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)")),
        # "The day before, ..." | the following day (counted from the last date named; not "the day before
        # last Tuesday" or "the day before the vote")
        ("day_rel", _rx(r"the\s+(?:day\s+(?P<dir>before|after)(?=\s*[,.;:])|(?P<fol>following)\s+day)")),
        # Friday, Aug. 7, 1998 | Aug. 7 | August 7th 1998 | early Aug. 7
        ("month_day", _rx(rf"{PMOD}(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MON})\s*(?P<d>{DAY})"
                          rf"(?:(?:,\s*|\s+)(?P<y>{YEAR}))?(?:\s+(?P<part>{PART}))?")),
        # 7 August 1998 | Friday 7 Aug | the 7th of August
        ("day_month", _rx(rf"{PMOD}(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MON})"
                          rf"(?:,?\s+(?P<y>{YEAR}))?")),
        # early January 2019 | January of 1998 | June last year | January this year
        ("month_year", _rx(rf"{PMOD}(?P<mon>{MON}),?\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year)")),
        # early January | last November | this September | January
        ("month", _rx(rf"{PMOD}(?:(?P<rel>this|last|next|this\s+past|that)\s+)?(?P<mon>{MON})")),
        ("holiday", _rx(rf"(?:(?P<rel>this|last|next)\s+)?(?P<hol>{f['HOLIDAY']})(?:,?\s+(?P<y>{YEAR}))?")),
        # the 1990s | the mid-1990s | the '80s | the late 1970s
        ("decade", _rx(rf"(?:the\s+)?{PMOD}(?:(?P<dec>1[5-9]\d0|20\d0)|'(?P<dec2>\d0))'?s")),
        ("century", _rx(rf"(?:the\s+)?{PMOD}(?P<c>\d{{1,2}})(?:st|nd|rd|th)\s+century")),
        # the third quarter of 1998 | fourth-quarter | the fiscal first quarter | Q3 2019
        ("quarter", _rx(rf"(?:the\s+)?(?:(?P<rel>this\s+year's|last\s+year's|year-(?:ago|earlier)|the\s+year-(?:ago|earlier)|latest|current|previous|fiscal)\s+)?"
                        rf"(?:fiscal\s+)?(?P<ord>{ORD})[- ](?P<kind>quarter|half)"
                        rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{YEAR}))?")),
        ("qn", _rx(rf"(?P<kind>[QH])(?P<ord>[1-4])(?:\s+(?:of\s+)?(?P<y>{YEAR}))?")),
        # year: 1998 | fiscal 1989 | mid-1998 | the end of 1990 | nineteen ninety-six
        ("year", _rx(rf"{PMOD}(?:(?:fiscal|calendar|the\s+year|the\s+fiscal\s+year|year)\s+)?(?P<y>{YEAR})")),
        ("year_2000", _rx(rf"the\s+year\s+two\s+thousand(?:\s+and\s+(?P<u>{f['DIGITS']}))?")),
        ("year_words", _rx(rf"(?P<y1>nineteen|twenty)[- ](?P<y2>(?:{f['TENS']})[- ](?:{f['DIGITS']}))")),
    ]


def _relative_rules(f: dict) -> list[tuple[str, re.Pattern]]:
    """The rules of relative expressions, clock times, sets and durations (after the dates)."""
    MON, WD, UNIT, UNIT_S, NUM = f["MON"], f["WD"], f["UNIT"], f["UNIT_S"], f["NUM"]
    PMOD, DMOD, PART, SEASON = f["PMOD"], f["DMOD"], f["PART"], f["SEASON"]
    POINT_MOD, DEICTIC, CLOCK_DAY = f["POINT_MOD"], f["DEICTIC"], f["CLOCK_DAY"]
    return [
        # the past three days | the next few weeks | the first nine months | the last two quarters
        ("span", _rx(rf"{DMOD}(?:the\s+)?(?P<rel>past|last|next|coming|previous|first|final|latest|following|preceding|remaining|same|other)\s+(?P<n>{NUM})\s+(?P<unit>{UNIT_S})")),
        # two years ago | a week or so ago | a year earlier | three days later
        ("ago", _rx(rf"{DMOD}(?P<n>{NUM})\s+(?P<unit>{UNIT_S})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before\s+(?=[,.;])|later|from\s+now|hence)")),
        ("ago_vague", _rx(r"(?P<unit>years|months|weeks|days|decades)\s+(?P<dir>ago|earlier|later)")),
        # today / yesterday morning / tonight / late yesterday
        ("relday", _rx(rf"{PMOD}(?P<rd>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>{PART}))?")),
        # last week | this year | next month | this spring | earlier this year | the coming weeks
        ("deictic", _rx(rf"{PMOD}(?P<rel>{DEICTIC})\s+(?:fiscal\s+)?(?P<what>{UNIT}|{SEASON}|{PART}|(?P<wd>{WD}))")),
        # the end of the year | the beginning of the month (the current one)
        ("pmod_the", _rx(rf"(?P<pmod>{POINT_MOD})(?:-|\s+)the\s+(?P<what>year|month|week|decade|century)")),
        ("deictic_plural", _rx(r"(?:the\s+)?(?P<rel>coming|next|past|last|previous|recent)\s+(?P<unit>years|months|weeks|days|decades)")),
        # Monday | on Monday morning | early Friday | Friday's
        ("weekday", _rx(rf"(?P<wd>{WD})(?:\s+(?P<part>{PART}))?")),
        ("weekend", _rx(r"the\s+weekend")),
        # the quarter | the latest quarter (the one just ended)
        ("the_quarter", _rx(r"the\s+(?:latest\s+|most\s+recent\s+|just-ended\s+|recent\s+)?(?:fiscal\s+)?quarter")),
        # the year-ago quarter | year-earlier
        ("year_ago", _rx(r"(?:the\s+(?=year-\w+\s+(?:quarter|period)))?year-(?:ago|earlier)(?:\s+(?P<what>quarter|period))?")),
        ("decade_words", _rx(rf"the\s+(?:nineteen-?)?(?P<w>{f['DECADE_WORDS']})")),
        # this spring | the summer of 1998 | last winter | spring 2019
        ("season", _rx(rf"{PMOD}(?:the\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?")),
        # 10 a.m. | 10:30 p.m. EDT | noon | midnight | 14:30
        ("clock", _rx(rf"(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM}){TZ}{CLOCK_DAY}")),
        ("clock24", _rx(rf"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d){TZ}")),
        ("noon", _rx(rf"(?P<w>noon|midnight|midday){CLOCK_DAY}")),
        # every Friday | each year | every other week | twice a week | three times a year
        ("set_every", _rx(rf"(?P<q>every|each)\s+(?:other\s+)?(?P<what>{UNIT}|{PART}|(?P<wd>{WD})|(?P<mon>{MON}))")),
        ("set_times", _rx(rf"(?P<f>once|twice|thrice|{NUM}\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{UNIT})")),
        ("set_word", _rx(rf"(?P<w>{f['SET_WORD']})")),
        # durations: three years | 48 hours | more than a decade | two-year | several weeks
        ("duration", _rx(rf"{DMOD}(?:the\s+)?(?P<n>{NUM})(?:\s+|-)(?:more\s+)?(?P<unit>{UNIT_S})(?:-long)?")),
        ("duration_bare", _rx(r"(?<=\bfor\s)(?P<unit>years|months|weeks|decades|hours|days|centuries)")),
        ("fuzzy", _rx(rf"(?P<w>{f['FUZZY']})")),
    ]
