"""entities.v1 clean-up rules, one test (or more) per rule, on hand-labelled Docs.

Each Doc is built from a spec where ``[words|LABEL]`` marks what the NER "found", so a
rule is tested on exactly the labels it must repair, whatever the statistical model does.
"""
from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.resources import Context
from newsgraph.stages import entities

_VOCAB = spacy.blank("en").vocab
_MARK = re.compile(r"\[([^\]|]+)\|([A-Z_]+)\]|(\S+)")
_PUNCT = {".", ",", "(", ")", ":", ";", "'s", "’s", '"'}
_VERBS = {"informed", "detained", "said"}


def make_doc(spec: str) -> Doc:
    """A Doc from "[Nurgali Bilisbekov|PERSON] told [Bilisbekov|ORG] ." (space-separated tokens)."""
    words, ents = [], []
    for m in _MARK.finditer(spec):
        if m.group(3):
            words.append(m.group(3))
            ents.append("O")
        else:
            toks = m.group(1).split()
            words += toks
            ents += [f"B-{m.group(2)}"] + [f"I-{m.group(2)}"] * (len(toks) - 1)
    spaces = [i + 1 < len(words) and words[i + 1] not in _PUNCT for i in range(len(words))]
    tags = [_tag(w) for w in words]
    return Doc(_VOCAB, words=words, spaces=spaces, ents=ents, tags=tags)


def _tag(word: str) -> str:
    if word in ("'s", "’s"):
        return "POS"
    if word in _PUNCT:
        return "."
    if word.lower() in ("the", "a", "an"):
        return "DT"
    if word in ("of", "for", "in", "at", "to"):
        return "IN"
    if word in ("and", "or"):
        return "CC"
    if word in _VERBS:
        return "VBD"
    return "NNP" if word[:1].isupper() else "NN"


def extract(spec: str):
    doc = make_doc(spec)
    return doc.text, entities.run(doc, Context(published=None), None)


def texts(text, ent) -> list[str]:
    return [text[s:e] for s, e in ent.mentions]


def by_name(ents, name):
    found = [e for e in ents if e.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in ents]
    return found[0]


# --- people -------------------------------------------------------------------------

def test_surname_labelled_org_joins_full_name():
    text, ents = extract("[Nurgali Bilisbekov|PERSON] spoke . Later [Bilisbekov|ORG] said so , "
                         "and [Bilisbekov|PERSON] added more .")
    people = [e for e in ents if e.type == "PERSON"]
    assert len(people) == 1
    assert people[0].name == "Nurgali Bilisbekov"
    assert texts(text, people[0]) == ["Nurgali Bilisbekov", "Bilisbekov", "Bilisbekov"]
    assert not [e for e in ents if e.type == "ORG"]


def test_surname_labelled_gpe_joins_but_not_after_a_place_preposition():
    text, ents = extract("[John Kasich|PERSON] campaigned . [Kasich|GPE] said he was ready . "
                         "He lives in [Kasich|GPE] now .")
    person = by_name(ents, "John Kasich")
    assert texts(text, person) == ["John Kasich", "Kasich"]
    place = [e for e in ents if e.type == "GPE"]
    assert len(place) == 1 and texts(text, place[0]) == ["Kasich"]


def test_unlabelled_surname_is_found_and_joined():
    text, ents = extract("[Matt Borges|PERSON] spoke . Borges said the party was united .")
    person = by_name(ents, "Matt Borges")
    assert texts(text, person) == ["Matt Borges", "Borges"]


def test_honorific_is_trimmed_and_mr_surname_joins():
    text, ents = extract("[Donald J. Trump|PERSON] spoke . [Mr. Trump|PERSON] said it . "
                         "Mr. Trump added more . [Donald Trump|PERSON] left .")
    people = [e for e in ents if e.type == "PERSON"]
    assert len(people) == 1
    assert people[0].name == "Donald J. Trump"
    assert texts(text, people[0]) == ["Donald J. Trump", "Trump", "Trump", "Donald Trump"]


def test_name_after_honorific_is_a_person_even_unlabelled():
    text, ents = extract("The plan was drafted by Mrs. Okonkwo , the report said .")
    assert [(e.type, e.name) for e in ents] == [("PERSON", "Okonkwo")]


def test_ambiguous_surname_joins_no_one():
    text, ents = extract("[Hillary Clinton|PERSON] spoke . [Bill Clinton|PERSON] spoke too . "
                         "[Clinton|PERSON] said she would win . [Clinton|ORG] denied it .")
    hillary, bill = by_name(ents, "Hillary Clinton"), by_name(ents, "Bill Clinton")
    assert texts(text, hillary) == ["Hillary Clinton"]
    assert texts(text, bill) == ["Bill Clinton"]
    short = by_name(ents, "Clinton")
    assert short.type == "PERSON" and texts(text, short) == ["Clinton", "Clinton"]


def test_unique_surname_and_first_name_join():
    text, ents = extract("[Hillary Clinton|PERSON] spoke . [Clinton|PERSON] said it . "
                         "[Hillary|PERSON] waved .")
    assert len(ents) == 1
    assert texts(text, ents[0]) == ["Hillary Clinton", "Clinton", "Hillary"]


def test_junior_does_not_take_the_bare_surname():
    text, ents = extract("[Donald Trump|PERSON] and [Donald Trump Jr.|PERSON] came . "
                         "[Trump|PERSON] spoke .")
    assert texts(text, by_name(ents, "Donald Trump")) == ["Donald Trump", "Trump"]


def test_trailing_possessive_is_trimmed():
    text, ents = extract("[Marco Rubio|PERSON] came . [Rubio ’s|ORG] campaign grew .")
    assert len(ents) == 1 and texts(text, ents[0]) == ["Marco Rubio", "Rubio"]


# --- groups (NORP) ------------------------------------------------------------------

@pytest.mark.parametrize("spec,word", [
    ("More than 300 [Kazakh|ORG] citizens left .", "Kazakh"),
    ("The [Kazakhs|GPE] in the zone were counted .", "Kazakhs"),
    ("They had a [Central Asian|GPE] background .", "Central Asian"),
    ("All [Syrian|LOC] issues are closed .", "Syrian"),
])
def test_group_words_are_norp(spec, word):
    text, ents = extract(spec)
    assert [(e.type, e.name) for e in ents] == [("NORP", word)]


def test_country_name_stays_gpe():
    _, ents = extract("They were prosecuted in [Kazakhstan|GPE] .")
    assert [(e.type, e.name) for e in ents] == [("GPE", "Kazakhstan")]


# --- organisations --------------------------------------------------------------------

def test_org_of_place_is_one_org_and_the_place_stays_a_mention():
    text, ents = extract("the [National Security Committee|ORG] of [Kazakhstan|GPE] said . "
                         "People in [Kazakhstan|GPE] agreed .")
    org = by_name(ents, "National Security Committee of Kazakhstan")
    assert org.type == "ORG"
    place = by_name(ents, "Kazakhstan")
    assert place.type == "GPE" and texts(text, place) == ["Kazakhstan", "Kazakhstan"]


def test_org_of_unlabelled_place_extends_and_labels_known_place():
    text, ents = extract("the [National Security Committee|ORG] of Kazakhstan met . "
                         "They were held in [Kazakhstan|GPE] .")
    by_name(ents, "National Security Committee of Kazakhstan")
    assert len(by_name(ents, "Kazakhstan").mentions) == 2


def test_short_org_name_joins_its_of_place_form():
    text, ents = extract("[the National Security Committee of Kazakhstan|ORG] met . "
                         "[the National Security Committee|ORG] said .")
    org = by_name(ents, "National Security Committee of Kazakhstan")
    assert texts(text, org) == ["National Security Committee of Kazakhstan", "National Security Committee"]


def test_capitalised_head_word_joins_the_one_org_with_that_head_labelled_or_not():
    text, ents = extract("[the National Security Committee|ORG] met . Then [the Committee|ORG] said . "
                         "Later the Committee added .")
    org = by_name(ents, "National Security Committee")
    assert texts(text, org) == ["National Security Committee", "Committee", "Committee"]


def test_head_word_with_two_candidate_orgs_joins_neither():
    text, ents = extract("[the National Security Committee|ORG] met [the Defense Committee|ORG] . "
                         "Then [the Committee|ORG] said .")
    assert texts(text, by_name(ents, "National Security Committee")) == ["National Security Committee"]
    assert texts(text, by_name(ents, "Defense Committee")) == ["Defense Committee"]
    assert by_name(ents, "the Committee").type == "ORG"


def test_defined_acronym_joins_its_full_name():
    text, ents = extract("[the Committee for National Security|ORG] ( KNB ) said . "
                         "The [KNB|ORG] denied it . KNB officers came .")
    assert len(ents) == 1
    assert ents[0].name == "Committee for National Security"
    assert texts(text, ents[0]) == ["Committee for National Security", "KNB", "KNB", "KNB"]


def test_initials_join_the_spelled_out_org():
    text, ents = extract("The [Federal Bureau of Investigation|ORG] looked . The [FBI|ORG] found it .")
    assert len(ents) == 1 and ents[0].name == "Federal Bureau of Investigation"


def test_label_repeated_where_ner_left_it_out():
    text, ents = extract("[Almaty|GPE] was calm . Police in Almaty said so .")
    assert texts(text, ents[0]) == ["Almaty", "Almaty"]


# --- roles ------------------------------------------------------------------------------

SEED_LIKE = ("Deputy Chairman of the [National Security Committee|ORG] of [Kazakhstan|GPE] "
             "[Nurgali Bilisbekov|PERSON] told them . [Bilisbekov|ORG] said so . "
             "The Deputy Chairman of the [National Security Committee of Kazakhstan|ORG] has also talked .")


def test_prenominal_title_with_org_after_of():
    text, ents = extract(SEED_LIKE)
    person = by_name(ents, "Nurgali Bilisbekov")
    org = by_name(ents, "National Security Committee of Kazakhstan")
    assert len(person.roles) == 1
    role = person.roles[0]
    assert (role.title, role.org) == ("Deputy Chairman", org.id)
    assert text[role.start:role.end] == "Deputy Chairman"


def test_title_referring_back_is_a_mention_of_the_person():
    text, ents = extract(SEED_LIKE)
    person = by_name(ents, "Nurgali Bilisbekov")
    assert texts(text, person) == ["Nurgali Bilisbekov", "Bilisbekov",
                                   "Deputy Chairman of the National Security Committee of Kazakhstan"]


def test_lowercase_bare_title_does_not_refer_back():
    text, ents = extract("[Jeb Bush|PERSON] , governor of [Florida|GPE] , came . "
                         "Later the governor signed it .")
    person = by_name(ents, "Jeb Bush")
    assert texts(text, person) == ["Jeb Bush"]


def test_apposition_title():
    text, ents = extract("[Bilisbekov|PERSON] , deputy chairman of the [Security Committee|ORG] , said .")
    person = by_name(ents, "Bilisbekov")
    org = by_name(ents, "Security Committee")
    assert [(r.title, r.org) for r in person.roles] == [("deputy chairman", org.id)]


def test_possessive_org_before_title():
    text, ents = extract("[Kazakhstan|GPE] 's Foreign Minister [Beibut Atamkulov|PERSON] arrived .")
    person = by_name(ents, "Beibut Atamkulov")
    assert [(r.title, r.org) for r in person.roles] == [("Foreign Minister", by_name(ents, "Kazakhstan").id)]


def test_org_premodifier_and_multiword_title():
    text, ents = extract("[FBI|ORG] Director [James Comey|PERSON] and former Secretary of State "
                         "[Hillary Clinton|PERSON] met .")
    assert [(r.title, r.org) for r in by_name(ents, "James Comey").roles] == [("Director", by_name(ents, "FBI").id)]
    assert [(r.title, r.org) for r in by_name(ents, "Hillary Clinton").roles] == [("former Secretary of State", None)]


def test_title_not_next_to_a_name_is_no_role():
    text, ents = extract("The minister said that [Ivan Petrov|PERSON] was wrong .")
    assert by_name(ents, "Ivan Petrov").roles == []


def test_capitalised_only_heads():
    _, ents = extract("In general [Tom Smith|PERSON] agreed , and General [Ann Lee|PERSON] too .")
    assert by_name(ents, "Tom Smith").roles == []
    assert [r.title for r in by_name(ents, "Ann Lee").roles] == ["General"]


# --- the record shape -----------------------------------------------------------------------

def test_ids_in_order_of_first_mention_and_sorted_mentions():
    text, ents = extract("[Syria|GPE] and [Iraq|GPE] . [Iraq|GPE] and [Syria|GPE] .")
    assert [(e.id, e.name) for e in ents] == [("E1", "Syria"), ("E2", "Iraq")]
    for e in ents:
        assert e.mentions == sorted(e.mentions)
        assert all(text[s:t] == e.name for s, t in e.mentions)


# --- more clean-up -----------------------------------------------------------------------

def test_word_of_a_title_phrase_is_no_entity():
    text, ents = extract("former Secretary of [State|ORG] [Hillary Clinton|PERSON] spoke .")
    assert [e.name for e in ents] == ["Hillary Clinton"]
    assert [r.title for r in ents[0].roles] == ["former Secretary of State"]


def test_longer_name_replaces_a_shorter_label_where_it_recurs():
    text, ents = extract("[Islamic State|ORG] fighters fled . [Islamic|NORP] State lost ground .")
    assert [(e.type, e.name, len(e.mentions)) for e in ents] == [("ORG", "Islamic State", 2)]


def test_leading_article_and_quotes_are_trimmed():
    _, ents = extract("He joined [a Professional Golfers Association|ORG] event and [“ Showcase|WORK_OF_ART] .")
    assert [e.name for e in ents] == ["Professional Golfers Association", "Showcase"]


def test_middle_name_of_three_word_name_joins():
    text, ents = extract("[Melba Acosta Febo|PERSON] spoke . [Acosta|PERSON] said so .")
    assert len(ents) == 1 and texts(text, ents[0]) == ["Melba Acosta Febo", "Acosta"]


def test_dotted_initials_join_the_spelled_out_place():
    text, ents = extract("The [United States|GPE] agreed . The [U.S.|GPE] said so .")
    assert len(ents) == 1 and ents[0].name == "United States" and len(ents[0].mentions) == 2


def test_place_inside_an_org_name_is_a_nested_mention_when_named_elsewhere():
    text, ents = extract("[the National Security Committee of Kazakhstan|ORG] met . "
                         "They were held in [Kazakhstan|GPE] .")
    place = by_name(ents, "Kazakhstan")
    assert texts(text, place) == ["Kazakhstan", "Kazakhstan"]
    org = by_name(ents, "National Security Committee of Kazakhstan")
    assert org.mentions[0][1] == place.mentions[0][1]


def test_trailing_function_word_is_trimmed():
    _, ents = extract("[the Committee of|ORG] met .")
    assert [e.name for e in ents] == ["the Committee"]


def test_title_inside_an_org_label_is_cut_off_and_becomes_a_role():
    text, ents = extract("[Deputy Chairman of the National Security Committee|ORG] "
                         "[Nurgali Bilisbekov|PERSON] spoke .")
    org = by_name(ents, "National Security Committee")
    person = by_name(ents, "Nurgali Bilisbekov")
    assert [(r.title, r.org) for r in person.roles] == [("Deputy Chairman", org.id)]


def test_title_words_inside_a_person_label_are_cut_off():
    text, ents = extract("[Foreign Minister Beibut Atamkulov|PERSON] arrived .")
    person = by_name(ents, "Beibut Atamkulov")
    assert [r.title for r in person.roles] == ["Foreign Minister"]


# --- spans the model ran too far, or typed as the wrong kind ------------------------------
def test_a_name_never_runs_into_a_lower_case_verb():
    text, ents = extract("[The Interior Ministry of Tajikistan informed|ORG] [AKIpress|ORG] .")
    assert by_name(ents, "Interior Ministry of Tajikistan").type == "ORG"
    assert not any("informed" in e.name for e in ents)


def test_a_name_before_a_region_word_is_a_place():
    text, ents = extract("Police detained three residents of [Khatlon|ORG] region and [Sughd|PERSON] region .")
    assert by_name(ents, "Khatlon").type == "GPE" and by_name(ents, "Sughd").type == "GPE"
