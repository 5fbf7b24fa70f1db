"""events.v1 on sentences written for these tests: types, modes, roles, passives, noun
triggers, statements that are not events, and the factuality of each event."""
from __future__ import annotations

import pytest

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, select


@pytest.fixture(scope="module")
def extract():
    pipe = Pipeline(select(["events"]))

    def run(text: str, published: str | None = "2021-05-10"):
        rec = next(iter(pipe.run([Article(id="t", text=text, published=published)])))
        assert hasattr(rec, "facts"), rec
        return rec

    return run


def _events(rec, typ=None):
    return [e for e in rec.get("events") if typ is None or e.type == typ]


def _trigger(rec, ev) -> str:
    return rec.article.text[ev.trigger[0]:ev.trigger[1]]


def _entity(rec, eid):
    return next((e.name for e in rec.get("entities") if e.id == eid), None)


def test_active_arrest_has_actor_and_target(extract):
    rec = extract("Turkish police arrested 40 students in Ankara on Monday.")
    ev = _events(rec, "COERCE")[0]
    assert ev.mode == "arrest" and _trigger(rec, ev) == "arrested"
    assert "police" in ev.actor_text.lower()
    assert "students" in ev.target_text
    assert ev.factuality == "asserted"
    assert 0.0 <= ev.confidence <= 1.0


def test_passive_by_agent_is_the_actor(extract):
    rec = extract("The opposition leader Ana Ruiz was detained by the Interior Ministry on Tuesday.")
    ev = _events(rec, "COERCE")[0]
    assert ev.mode == "arrest"
    assert "Interior Ministry" in ev.actor_text
    assert _entity(rec, ev.target) == "Ana Ruiz"


def test_passive_without_agent_takes_the_named_authority(extract):
    rec = extract("The State Security Service of Moldova said on Friday that it had finished its inquiry. "
                  "Five men were detained in Chisinau last week.")
    ev = _events(rec, "COERCE")[0]
    assert ev.actor is not None and "Security Service" in _entity(rec, ev.actor)
    assert "men" in ev.target_text


def test_noun_trigger_detention_of(extract):
    rec = extract("Rights groups condemned the detention of three journalists in Minsk.")
    coerce = _events(rec, "COERCE")
    assert coerce and _trigger(rec, coerce[0]) == "detention"
    assert "journalists" in coerce[0].target_text
    accuse = _events(rec, "ACCUSE")
    assert accuse and accuse[0].mode == "disapprove"


def test_noun_trigger_police_firing(extract):
    rec = extract("Two protesters were killed in police firing in the town on Sunday.")
    firing = [e for e in _events(rec, "ASSAULT") if _trigger(rec, e).startswith("firing")]
    assert firing and firing[0].mode == "firearms" and firing[0].actor_text.lower() == "police"
    killed = [e for e in _events(rec, "ASSAULT") if _trigger(rec, e) == "killed"]
    assert killed and killed[0].actor_text.lower() == "police"  # the actor of the firing


def test_said_only_sentences_are_not_events(extract):
    rec = extract('"The situation is calm," the minister told reporters at a meeting in the capital. '
                  "He said the talks were useful.")
    assert _events(rec) == []


def test_meeting_as_the_point_is_consult(extract):
    rec = extract("The foreign ministers of Chile and Peru held talks in Lima on Thursday.")
    assert [e.type for e in _events(rec)] == ["CONSULT"]


@pytest.mark.parametrize("text,fact", [
    ("Soldiers did not attack the village.", "negated"),
    ("Rebels could attack the village.", "hypothetical"),
    ("The army will attack the village.", "future"),
    ("In 1995 soldiers attacked the village.", "historical"),
    ("Soldiers attacked the village yesterday.", "asserted"),
])
def test_factuality(extract, text, fact):
    rec = extract(text)
    ev = next(e for e in _events(rec, "ASSAULT") if _trigger(rec, e).startswith("attack"))
    assert ev.factuality == fact


def test_threat_is_the_act_and_the_attack_hypothetical(extract):
    rec = extract("The militia threatened to attack the airport.")
    threat = _events(rec, "THREATEN")
    assert threat and threat[0].mode == "violence" and threat[0].factuality == "asserted"
    attack = _events(rec, "ASSAULT")[0]
    assert attack.factuality == "hypothetical"
    assert max(rec.get("events"), key=lambda e: e.confidence).type == "THREATEN"


def test_future_cooperation_is_an_agreement(extract):
    rec = extract("Norway will provide emergency food aid to Sudan.")
    top = max(rec.get("events"), key=lambda e: e.confidence)
    assert top.type == "AGREE" and _entity(rec, top.actor) == "Norway"


def test_demand_in_a_statement_is_a_request(extract):
    rec = extract("Germany said on Monday that Russia must release the detained activists.")
    top = max(rec.get("events"), key=lambda e: e.confidence)
    assert top.type == "REQUEST" and _entity(rec, top.actor) == "Germany"


def test_weapon_gives_the_assault_mode(extract):
    rec = extract("Gunmen attacked a bus with rifles near the border.")
    assert _events(rec, "ASSAULT")[0].mode == "firearms"
    rec = extract("A car bomb exploded outside the ministry, killing four people.")
    assert {e.mode for e in _events(rec, "ASSAULT")} == {"explosives"}


def test_event_inside_a_quote_points_at_it(extract):
    rec = extract('"Our forces arrested the smugglers at dawn," the spokesman said.')
    quotes = rec.get("quotes")
    ev = _events(rec, "COERCE")[0]
    assert quotes and ev.quote == quotes[0].id
    assert ev.sentence[0] <= ev.trigger[0] < ev.sentence[1]


@pytest.mark.parametrize("text", [
    "The suspects face up to ten years in prison, according to the release.",
    "The ministry said in a press release that the talks went well.",
    "Details were given in a news release on Monday.",
])
def test_a_release_that_is_a_document_is_no_event(extract, text):
    """"according to the release", "a press release": the source of a sentence, not an act."""
    assert not [e for e in _events(extract(text)) if _trigger(extract(text), e).lower().endswith("release")]


def test_released_prisoners_stay_an_event(extract):
    rec = extract("The authorities released twelve prisoners on Monday.")
    assert [_trigger(rec, e) for e in _events(rec, "RETREAT")] == ["released"]


def test_dateline_after_a_headline_is_no_actor(extract):
    text = "Border guards detain smugglers\n\nBISHKEK – Border guards detained three smugglers on Monday."
    rec = extract(text, "2024-03-05")
    (ev,) = [e for e in _events(rec, "COERCE") if e.trigger[0] > 40]
    assert ev.actor_text == "Border guards" and ev.date == "2024-03-04"


def test_released_statement_is_no_event(extract):
    rec = extract("A statement released by the committee on Friday says the border is calm.")
    assert not [e for e in _events(rec) if e.type == "RETREAT"]


def test_a_time_is_never_a_target(extract):
    rec = extract("Police said gunfire on Monday evening had wounded four civilians.")
    assert all((e.target_text or "").lower() != "monday evening" for e in _events(rec))


def test_place_told_in_a_later_sentence(extract):
    """"... opened fire at Tajik villagers. The incident took place near Isfara.": Isfara."""
    text = ("Kyrgyz border guards opened fire at Tajik villagers on Sunday, the committee said. "
            "The incident took place near the town of Isfara at about 3 pm.")
    rec = extract(text, "2024-10-21")
    places = {p.id: p.text for p in rec.get("places")}
    (ev,) = [e for e in _events(rec, "ASSAULT") if "fire" in _trigger(rec, e)]
    assert places[ev.place] == "Isfara"


def test_this_happened_the_day_before_dates_what_came_before(extract):
    """"This happened the day before": the detention of the sentence before took place on the
    day before publication, though the dating sentence names a shooting of its own."""
    rec = extract("Border guards detained two hunters near the lake. "
                  "This happened the day before during a shooting at the post.", published="2024-03-09")
    (arrest,) = [e for e in _events(rec, "COERCE")]
    assert arrest.date == "2024-03-08" and arrest.date_source == "time"


def test_what_they_say_happened_long_ago_dates_nothing(extract):
    """A relative clause inside a quote ("that happened 40 years ago") is no dating sentence."""
    rec = extract("Police detained the protest leader on Monday. "
                  "Nobody remembers everything that happened 40 years ago, he said.", published="2024-03-09")
    arrest = _events(rec, "COERCE")[0]
    assert arrest.date == "2024-03-04"


def test_a_pronoun_that_happened_is_no_actor(extract):
    rec = extract("This happened during a police raid on the market.")
    assert all((e.actor_text or "").lower() != "this" for e in _events(rec))


def test_headline_event_takes_the_lead_place_over_a_country(extract):
    """"Kyrgyz border guards detain two foreigners" is placed where the lead says, not in the country."""
    rec = extract("Kyrgyz border guards detain two foreigners\n\n"
                  "Border guards of Kyrgyzstan detained two citizens of Uzbekistan in Karakol on Friday.",
                  published="2024-03-09")
    places = {p.id: p.name for p in rec.get("places")}
    head, lead = sorted(_events(rec, "COERCE"), key=lambda e: e.trigger[0])
    assert places.get(lead.place) == "Karakol"
    assert head.place == lead.place and head.date == lead.date == "2024-03-08"


def test_a_total_of_names_who_was_counted(extract):
    rec = extract("A total of six Uzbek citizens were detained at the border on Sunday.")
    (ev,) = _events(rec, "COERCE")
    assert ev.target_text == "six Uzbek citizens"


def test_a_participle_clause_takes_the_subject_of_its_verb(extract):
    """"The court delivered its verdict, sentencing 45 defendants": the court sentenced them."""
    rec = extract("The Almaty city court delivered its verdict on Monday, sentencing 45 defendants to prison.")
    (ev,) = [e for e in _events(rec, "SANCTION") if _trigger(rec, e) == "sentencing"]
    assert "court" in (ev.actor_text or "")


def test_an_authority_named_only_later_did_not_act(extract):
    """A detention with no agent takes no authority the article names only further down."""
    rec = extract("Two party leaders were detained in the capital on Wednesday.\n\n"
                  "Their relatives said they had done nothing wrong.\n\n"
                  "In August the Ministry of Justice banned the party.")
    arrest = next(e for e in _events(rec, "COERCE") if _trigger(rec, e) == "detained")
    assert arrest.actor is None


@pytest.mark.parametrize("text,released", [
    ("The detainees were handed over to investigators of the city police.", False),
    ("The two shepherds were handed over to the Kyrgyz side on Tuesday.", True),
])
def test_handed_over_to_investigators_is_no_release(extract, text, released):
    rec = extract(text)
    assert bool(_events(rec, "RETREAT")) == released
