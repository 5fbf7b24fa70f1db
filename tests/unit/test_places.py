"""places.v1 on short texts: containers, context, demonyms, scene, the record's fields."""
from __future__ import annotations

import pytest

from newsgraph.model import Article, ArticleRecord
from newsgraph.resources import Context
from newsgraph.stages import entities, places


@pytest.fixture(scope="module")
def nlp():
    from newsgraph import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="module")
def extract(nlp):
    def run(text):
        doc = nlp(text)
        rec = ArticleRecord(article=Article(id="t", text=text))
        ctx = Context(published="2019-02-24")
        rec.facts["entities"] = entities.run(doc, ctx, rec)
        return places.run(doc, ctx, rec)

    return run


def _one(found, text):
    hits = [p for p in found if p.text == text]
    assert len(hits) == 1, (text, found)
    return hits[0]


def test_stage_declaration():
    assert places.STAGE.version == "places.v4"
    assert places.STAGE.requires == ("entities",) and places.STAGE.produces == "places"


def test_city_with_country_container(extract):
    found = extract("Police detained five men in Almaty, Kazakhstan, on Monday.")
    almaty = _one(found, "Almaty")
    assert (almaty.geonameid, almaty.country, almaty.kind) == (1526384, "KZ", "city")
    kz = _one(found, "Kazakhstan")
    assert kz.kind == "country" and kz.country == "KZ"


def test_paris_texas_and_alexandria_la(extract):
    found = extract("The fair moved from Paris, Texas, to Alexandria, La., last year.")
    paris = _one(found, "Paris")
    assert (paris.country, paris.admin1) == ("US", "TX")
    alexandria = _one(found, "Alexandria")
    assert (alexandria.country, alexandria.admin1) == ("US", "LA")
    la = [p for p in found if p.text.startswith("La")]
    assert la and la[0].kind == "admin" and la[0].name == "Louisiana"


def test_paris_alone_is_france(extract):
    paris = _one(extract("Thousands marched in Paris on Saturday against the reform."), "Paris")
    assert paris.country == "FR" and paris.geonameid == 2988507


def test_context_of_other_places_picks_london_ontario(extract):
    text = ("Police in London said the crash closed Highway 401 near St. Thomas and Woodstock. "
            "London police asked drivers in Middlesex County to avoid the area.")
    london = [p for p in extract(text) if p.text == "London"]
    assert london and all(p.country == "CA" for p in london), london


def test_demonym_modifier_is_not_a_place(extract):
    found = extract("Kazakh authorities detained the suspects on Monday.")
    assert not [p for p in found if p.text == "Kazakh"]


def test_demonym_of_a_place_noun_is_a_place(extract):
    found = extract("The drones flew over Kazakh territory for an hour.")
    kz = _one(found, "Kazakh")
    assert kz.country == "KZ" and kz.kind == "country"


def test_region_the_middle_east(extract):
    found = extract("Tensions are rising across the Middle East and in Central Asia.")
    me = [p for p in found if p.name == "Middle East"]
    assert me and me[0].kind == "region" and me[0].lat is not None
    assert any(p.name == "Central Asia" and p.kind == "region" for p in found)


def test_scene_versus_mention(extract):
    text = ("Security forces carried out a special operation in Almaty on Friday. "
            "The minister, who was born in Moscow, said Russia supports the effort.")
    found = extract(text)
    assert _one(found, "Almaty").scene is True
    assert _one(found, "Russia").scene is False


def test_offsets_and_entity_links(extract):
    text = "Protesters gathered outside the embassy in Ankara, Turkey."
    found = extract(text)
    assert found and [p.id for p in found] == [f"P{k}" for k in range(1, len(found) + 1)]
    for p in found:
        assert text[p.start:p.end] == p.text
        assert 0.0 <= p.score <= 1.0
    assert _one(found, "Ankara").entity is not None


def test_deterministic(extract):
    text = "Fighting resumed near Aleppo and Idlib in northern Syria."
    assert extract(text) == extract(text)
