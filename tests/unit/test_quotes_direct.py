"""quotes.v1 on direct quotations: every form of the issue, with invented sentences."""
import pytest

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, Timings, select


@pytest.fixture(scope="module")
def extract():
    pipe = Pipeline(select(["quotes"]))

    def run(text):
        from newsgraph import nlp

        rec = pipe.process_one(nlp.load()(text), Article(id="t", text=text), Timings())
        ents = {e.id: e for e in rec.get("entities")}
        return rec.get("quotes"), ents

    return run


def speaker_name(q, ents):
    return ents[q.speaker].name if q.speaker else None


def test_said_after_quote(extract):
    text = '"The river has flooded three villages," said Amara Okonjo, the district governor.'
    (q,), ents = extract(text)
    assert q.text == '"The river has flooded three villages,"' == text[q.start:q.end]
    assert q.kind == "direct" and q.cue == "said"
    assert "Okonjo" in speaker_name(q, ents)
    assert text[q.speaker_start:q.speaker_end] == "Amara Okonjo"


def test_speaker_before_colon(extract):
    text = 'Peter Lindqvist said: "We will not sign this agreement."'
    (q,), ents = extract(text)
    assert q.text == '"We will not sign this agreement."'
    assert q.cue == "said" and speaker_name(q, ents) == "Peter Lindqvist"


def test_quote_with_adding(extract):
    text = ('“The talks were useful,” Maria Santos said, adding “but nothing is settled yet.”')
    qs, ents = extract(text)
    assert [q.text for q in qs] == ["“The talks were useful,”", "“but nothing is settled yet.”"]
    assert {speaker_name(q, ents) for q in qs} == {"Maria Santos"}
    assert [q.cue for q in qs] == ["said", "adding"]


def test_quote_split_by_its_cue(extract):
    text = '"Now the road is open," said Kwame Mensah. "And the trucks can finally move."'
    qs, ents = extract(text)
    assert len(qs) == 2
    assert all(speaker_name(q, ents) == "Kwame Mensah" for q in qs)
    assert qs[0].cue_start == qs[1].cue_start  # one cue, one split quote


def test_closing_mark_only_and_surname(extract):
    text = ('Officials met on Monday, Interior Minister Lena Hoffmann told reporters.\n\n'
            'The border stays closed. Nobody will cross it this week," said Hoffmann.')
    qs, ents = extract(text)
    q = next(q for q in qs if q.kind == "direct")
    assert q.text == 'The border stays closed. Nobody will cross it this week,"'
    assert speaker_name(q, ents) == "Lena Hoffmann"
    assert text[q.speaker_start:q.speaker_end] == "Hoffmann"


def test_quote_over_two_paragraphs(extract):
    text = ('Ahmed Karimi said: “The first convoy arrived at noon.\n\n'
            '“The second one is still waiting at the border.”')
    qs, ents = extract(text)
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].text.endswith("border.”")
    assert speaker_name(direct[0], ents) == "Ahmed Karimi"


def test_guillemets_and_single_marks(extract):
    qs, ents = extract("«We have enough food for a week,» said Jean Dupont.")
    assert qs[0].text == "«We have enough food for a week,»" and speaker_name(qs[0], ents) == "Jean Dupont"
    qs, ents = extract("‘The vote was fair and open,’ said Sarah Whitfield.")
    assert qs[0].text == "‘The vote was fair and open,’" and speaker_name(qs[0], ents) == "Sarah Whitfield"


def test_dash_attribution(extract):
    text = "“Peace is the only road left for this country.” — Nelson Abara"
    (q,), ents = extract(text)
    assert q.cue == "—" and speaker_name(q, ents) == "Nelson Abara"


def test_colon_introduction_without_verb(extract):
    text = "Her answer to the committee: “We did everything the law allows.”"
    (q,), _ = extract(text)
    assert q.text == "“We did everything the law allows.”" and q.cue == ":"
