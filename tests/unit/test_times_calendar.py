"""Calendar arithmetic behind TIMEX3 values (times_calendar, duration values)."""
from __future__ import annotations

import datetime as dt

from newsgraph.stages.times import calendar as cal
from newsgraph.lang import LANGUAGES
from newsgraph.stages.times.lexicon import lexicon
from newsgraph.stages.times.normalize import duration_value

LEX = lexicon(LANGUAGES["en"])

SUN = dt.date(2019, 2, 24)


def test_weekday_date_past_future_and_relative():
    assert cal.weekday_date(SUN, 1, "PAST") == "2019-02-18"
    assert cal.weekday_date(SUN, 1, "FUTURE") == "2019-02-25"
    assert cal.weekday_date(SUN, 7, "PAST") == "2019-02-24"  # the day itself
    assert cal.weekday_date(SUN, 7, None, rel="last") == "2019-02-17"
    assert cal.weekday_date(SUN, 7, None, rel="next") == "2019-03-03"
    assert cal.weekday_date(None, 5, "PAST") == "XXXX-WXX-5"


def test_month_year_by_tense_and_nearest():
    assert cal.month_year(SUN, 1, "PAST") == 2019
    assert cal.month_year(SUN, 3, "PAST") == 2018
    assert cal.month_year(SUN, 1, "FUTURE") == 2020
    assert cal.month_year(SUN, 3, None) == 2019  # one month ahead beats eleven back
    assert cal.month_year(SUN, 10, None) == 2018
    assert cal.month_year(None, 1, None) is None


def test_month_day_and_weeks():
    assert cal.month_day(SUN, 2, 20, None) == "2019-02-20"
    assert cal.month_day(SUN, 12, 30, None) == "2018-12-30"
    assert cal.month_day(None, 1, 5, None) == "XXXX-01-05"
    assert cal.week_value(SUN) == "2019-W08"
    assert cal.week_value(dt.date(2021, 1, 1)) == "2020-W53"
    assert cal.shift_months(2019, 1, -1) == (2018, 12)


def test_holidays():
    assert cal.holiday((11, 4, 4, 1), 1999) == dt.date(1999, 11, 25)  # Thanksgiving
    assert cal.holiday((11, 2, 1, 2), 1998) == dt.date(1998, 11, 3)  # US election day
    assert cal.holiday((5, 1, -1, 1), 2019) == dt.date(2019, 5, 27)  # Memorial Day


def test_duration_values():
    assert duration_value(3, "years", LEX) == "P3Y"
    assert duration_value(48, "hours", LEX) == "PT48H"
    assert duration_value(10, "minutes", LEX) == "PT10M"
    assert duration_value(6, "months", LEX) == "P6M"
    assert duration_value(None, "weeks", LEX) == "PXW"
    assert duration_value(2.5, "years", LEX) == "P2.5Y"
