"""Recognition and resolution details: abbreviations, the baseline, mentions the NER missed."""
from __future__ import annotations

import pytest

from newsgraph.resources.gazetteer import load
from newsgraph.stages.places import find_places
from newsgraph.stages.places.recognize import recognise
from newsgraph.stages.places.resolve import population_only


@pytest.fixture(scope="module")
def nlp():
    from newsgraph import nlp as nlp_mod

    return nlp_mod.load()


def _resolved(nlp, text, adjectival=False):
    gz = load()
    return gz, find_places(nlp(text), gz, None, adjectival_demonyms=adjectival)


def test_population_only_baseline_takes_the_biggest():
    gz = load()
    assert gz.entry(population_only(gz, "Paris")).country == "FR"
    assert gz.entry(population_only(gz, "Almaty")).geonameid == 1526384
    assert population_only(gz, "Nowhereville Xq") is None


def test_province_abbreviation_after_comma(nlp):
    gz, found = _resolved(nlp, "She grew up in Gatineau, Que., and moved to Brandon, Man., in 2010.")
    names = {r.mention.text: gz.entry(r.row) for r in found if r.row is not None}
    assert names["Gatineau"].country == "CA"
    assert names["Brandon"].country == "CA" and names["Brandon"].admin1 == gz.entry(gz.lookup("Manitoba")[0]).admin1
    assert any(e.name == "Quebec" and e.kind == "admin" for e in names.values())


def test_adjectival_demonyms_only_in_geoparsing_mode(nlp):
    text = "A Turkish policeman shot the ambassador in Ankara."
    _, record = _resolved(nlp, text)
    gz, geoparse = _resolved(nlp, text, adjectival=True)
    assert "Turkish" not in [r.mention.text for r in record]
    turkish = [r for r in geoparse if r.mention.text == "Turkish"]
    assert turkish and gz.entry(turkish[0].row).country == "TR"


def test_gazetteer_finds_country_inside_an_organisation_name(nlp):
    gz = load()
    doc = nlp("Deputy Chairman of the National Security Committee of Kazakhstan spoke on Monday.")
    mentions = recognise(doc, gz)
    assert [m.text for m in mentions] == ["Kazakhstan"]
    assert doc.text[mentions[0].start:mentions[0].end] == "Kazakhstan"


def test_one_sense_per_article(nlp):
    gz, found = _resolved(nlp, "Paris, Texas, is small. Paris has one school. Paris grew in 2010.")
    paris = [gz.entry(r.row) for r in found if r.mention.text == "Paris"]
    assert len(paris) == 3 and {(p.country, p.admin1) for p in paris} == {("US", "TX")}


def _with_entities(text, ents):
    from newsgraph.model import Article, ArticleRecord, Entity

    rec = ArticleRecord(article=Article(id="t", text=text))
    rec.facts["entities"] = [Entity(f"E{k}", label, name, [[text.index(name), text.index(name) + len(name)]])
                             for k, (label, name) in enumerate(ents, 1)]
    return rec


def test_person_tagged_town_needs_confirming_context(nlp):
    gz = load()
    text = "Floods cut roads near Townsville in Queensland, and Cairns was cut off too."
    rec = _with_entities(text, [("GPE", "Townsville"), ("GPE", "Queensland"), ("PERSON", "Cairns")])
    found = {r.mention.text: r for r in find_places(nlp(text), gz, rec)}
    assert gz.entry(found["Cairns"].row).country == "AU"
    alone = "Cairns was cut off on Monday, the mayor said."
    rec = _with_entities(alone, [("PERSON", "Cairns")])
    assert [r.mention.text for r in find_places(nlp(alone), gz, rec)] == []
