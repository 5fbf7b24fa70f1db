"""Name keys used to match entities across articles."""
from newsgraph.resolve.names import country_of, fold, given_compatible, org_keys, person_name, place_key


def test_transliteration_variants_fold_together():
    assert fold("Nazarbayev") == fold("Nazarbaev")
    assert fold("Youssef") == fold("Yusef")
    assert fold("Bilisbekov") != fold("Bilisbaev")


def test_person_name_forms():
    full, rev, init = person_name("Nurgali Bilisbekov"), person_name("Bilisbekov N."), person_name("N. Bilisbekov")
    assert full.surname == rev.surname == init.surname == "bilisbekov"
    assert full.given == ("nurgali",) and rev.given == () and rev.initials == ("n",)
    assert given_compatible(full, rev) == 0.85
    assert person_name("Organiser Aibek Moldokulov").given == ("aibek",)


def test_relatives_and_juniors_do_not_match():
    assert given_compatible(person_name("Hillary Clinton"), person_name("Bill Clinton")) is None
    assert given_compatible(person_name("Donald Trump"), person_name("Donald Trump Jr.")) is None
    assert given_compatible(person_name("Hillary Rodham Clinton"), person_name("Hillary Clinton")) == 1.0
    assert given_compatible(person_name("Clinton"), person_name("Hillary Clinton")) == 0.5


def test_generic_organisations_carry_their_country():
    kz = org_keys("the Ministry of Foreign Affairs", "KZ")[0]
    assert kz == org_keys("the Foreign Ministry", "KZ")[0]
    assert kz != org_keys("the Uzbek Foreign Ministry", "KZ")[0]
    assert org_keys("Ministry of Foreign Affairs of the Kyrgyz Republic")[0].startswith("O|KG|")
    assert "OA|knb" in org_keys("the National Security Committee of Kazakhstan (KNB")
    assert org_keys("Turkish Red Crescent")[0] == org_keys("the Turkish Red Crescent")[0]
    assert org_keys("Turkish Red Crescent")[0].startswith("O|turkish red")


def test_places_and_countries():
    assert place_key("the Kyrgyz Republic") == place_key("Kyrgyzstan") == "cc:kg"
    assert place_key("Bishkek city") == place_key("Bishkek")
    assert country_of("Kazakh") == "KZ" and country_of("Almaty") is None
