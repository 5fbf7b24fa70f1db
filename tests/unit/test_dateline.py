"""The dateline of wire and agency copy (issue 13), on invented openings."""
import pytest

from newsgraph.stages.dateline import find_dateline


@pytest.mark.parametrize("text,city,outlet,rest", [
    ("ASTANA. KAZINFORM – The committee said", "ASTANA", "KAZINFORM", "The committee"),
    ("BISHKEK, March 3 (Reuters) – Police said", "BISHKEK", "Reuters", "Police"),
    ("OSH (AKIpress) - Residents blocked", "OSH", "AKIpress", "Residents"),
    ("BAKU, Azerbaijan, May 15\n\nTrend:\n\nUnknown persons", "BAKU", "Trend", "Unknown"),
    ("DUSHANBE, 20.06.2025 /Asia-Plus/ – A flight", "DUSHANBE", "Asia-Plus", "A flight"),
    ("Tashkent, Uzbekistan (UzDaily.com) — The court", "Tashkent", "UzDaily.com", "The court"),
    ("TASHKENT — Uzbek officials", "TASHKENT", None, "Uzbek"),
    ("ASTANA. KAZINFORM The committee said", "ASTANA", "KAZINFORM", "The committee"),  # dash lost
    ("DUSHANBE/BISHKEK (Reuters) - Two men", "DUSHANBE", "Reuters", "Two men"),  # two cities
    ("ALMATY. July 6 (Interfax) - Dozens of people", "ALMATY", "Interfax", "Dozens"),  # a stop, then the date
    ("KHUJAND, May 4, 2024, Asia-Plus - Two men were", "KHUJAND", "Asia-Plus", "Two men"),  # year, outlet after a comma
])
def test_forms(text, city, outlet, rest):
    d = find_dateline(text)
    assert text[d.city[0]:d.city[1]] == city
    assert (text[d.outlet[0]:d.outlet[1]] if d.outlet else None) == outlet
    assert text[d.end:].startswith(rest) and d.covers(0) and not d.covers(d.end)


@pytest.mark.parametrize("headline", ["Border guards detain two smugglers", "Court jails ex-mayor for ten years"])
def test_after_a_headline(headline):
    """Copy taken from a page starts with its headline; the dateline opens the body."""
    text = f"{headline}\n\nBISHKEK (AKIpress) - Border guards detained two men on Monday."
    d = find_dateline(text)
    assert text[d.city[0]:d.city[1]] == "BISHKEK" and text[d.outlet[0]:d.outlet[1]] == "AKIpress"
    assert text[d.end:].startswith("Border guards") and not d.covers(0)


@pytest.mark.parametrize("text", [
    "Police detained two men.\n\nBISHKEK – The court said",  # a first sentence, not a headline
    "Border guards detain two smugglers\nBISHKEK – The court said",  # no blank line after it
    "Astana. Police officers said on Monday",  # a city that is a sentence of its own
])
def test_no_dateline_after_a_sentence(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize("text", ["Police detained 31 people - many of them students.",
                                  "Kyrgyzstan's Ministry of Emergency Situations said",
                                  "The Interior Ministry (MVD) said on Friday"])
def test_no_dateline(text):
    assert find_dateline(text) is None
