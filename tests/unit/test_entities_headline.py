"""Title-case headlines: a person's name run into the headline's capitalised words is cut
back to the name (and joins the body's person); capitalised common words are no person."""
import pytest

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, select

CASES = [
    ("Clinton Plan for Taxes Is Expansive but Complex.\n\nHillary Clinton proposed new taxes on Tuesday. "
     "Clinton said the plan was fair.\n", ["Hillary Clinton"]),
    ("Obama Seeks More Muslim Refugees As He Recognizes Major Islamic Holiday.\n\nPresident Barack Obama "
     "said on Monday that the country seeks to help.\n", ["Barack Obama"]),
    ("A Curious Plan to Fight Climate Change: Buy Mines, Sell Coal.\n\nInvestors want to buy coal mines "
     "and sell less coal, said John Smith.\n", ["John Smith"]),
    ("Black Lawmakers Rip Donald Trump As A Disgusting Fraud.\n\nDonald Trump was criticized by lawmakers. "
     "Trump did not reply.\n", ["Donald Trump"]),
]


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(select(["entities"]))


def _people(pipe, text):
    rec = next(iter(pipe.run([Article(id="t", text=text, published="2016-05-01")])))
    return sorted(e.name for e in rec.facts["entities"] if e.type == "PERSON"), rec


@pytest.mark.parametrize("text,people", CASES)
def test_headline_fragments_are_no_people(pipe, text, people):
    got, rec = _people(pipe, text)
    assert got == people
    person = next(e for e in rec.facts["entities"] if e.type == "PERSON")
    head_end = text.index("\n")
    if any(w in text[:head_end] for w in person.name.split()):  # the headline's name is a mention of it
        assert any(s < head_end for s, _ in person.mentions)


def test_real_names_in_headlines_and_sentence_case_titles_stay(pipe):
    got, _ = _people(pipe, "Bill Clinton Visits Ohio.\n\nBill Clinton toured a plant. Hillary Clinton stayed home.\n")
    assert got == ["Bill Clinton", "Hillary Clinton"]
    got, _ = _people(pipe, "Police say Aibek Moldokulov was detained\n\nAibek Moldokulov, an organiser, was held.\n")
    assert got == ["Aibek Moldokulov"]
    # a first line that is a sentence, not a title-case headline, keeps its full name
    got, _ = _people(pipe, "Officials met on Monday, Interior Minister Lena Hoffmann told reporters.\n\n"
                           "The border stays closed, said Hoffmann.")
    assert got == ["Lena Hoffmann"]


def test_headline_words_are_no_organisation(pipe):
    """"Calls Opposition Group" in a title-case headline: words the body writes in lower case."""
    text = ("Interior Minister Calls Opposition Group 'Criminals'\n\nThe interior minister said on Tuesday "
            "that the opposition group calls for unrest. The group denied it.\n")
    rec = next(iter(pipe.run([Article(id="t", text=text, published="2016-05-01")])))
    assert not any("Calls" in e.name or "Opposition" in e.name for e in rec.facts["entities"])
