"""Quotation-mark spans found in raw text (no NLP)."""
from newsgraph.stages.quotes.marks import find_mark_spans


def spans(text):
    return [text[s.start:s.end] for s in find_mark_spans(text)]


def test_straight_and_curly_marks():
    text = 'He said "the bridge is closed," and then “we will reopen it soon.”'
    assert spans(text) == ['"the bridge is closed,"', "“we will reopen it soon.”"]


def test_guillemets_and_single_marks():
    assert spans("Elle a dit «nous partons demain» hier.") == ["«nous partons demain»"]
    assert spans("‘We are ready to talk’, the envoy said.") == ["‘We are ready to talk’"]
    assert spans("'We are not leaving,' the mayor said.") == ["'We are not leaving,'"]


def test_apostrophes_are_not_quotes():
    assert spans("The farmers' union won't sign the mayor's plan.") == []


def test_closing_mark_without_opening_runs_from_paragraph_start():
    text = 'Intro line.\n\nThe harvest failed this year. Prices will rise," said Okonjo.'
    assert spans(text) == ['The harvest failed this year. Prices will rise,"']


def test_quote_continues_over_paragraphs():
    text = "She said: “The first part goes on.\n\n“And the second part ends here,” she added."
    got = find_mark_spans(text)
    assert len(got) == 1
    assert text[got[0].start:got[0].end] == "“The first part goes on.\n\n“And the second part ends here,”"


def test_unclosed_quote_stops_at_paragraph_end():
    text = "“An opening mark with no end\n\nA plain paragraph follows."
    got = find_mark_spans(text)
    assert [text[s.start:s.end] for s in got] == ["“An opening mark with no end"]
    assert got[0].closed is False
