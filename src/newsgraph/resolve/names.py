"""Name keys for cross-article matching: person names, organisation names, places.

Everything here is pure string work, so it is cheap enough for 100,000-article stores:

    fold("Nazarbayev")              -> "nazarbaev"   (transliteration variants fold together)
    person_name("Bilisbekov N.")    -> PersonName(surname="bilisbekov", given=(), initials=("n",))
    org_key("the Foreign Ministry", country="KZ") -> "kz|ministry of foreign affairs"
    country_of("Kyrgyz")            -> "KG"
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .translit import skeleton, surname_stem

# Type classes: NER types that may name the same kind of thing across articles.
TYPE_CLASS = {"PERSON": "P", "ORG": "O", "GPE": "G", "LOC": "G", "FAC": "F", "NORP": "N"}

_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"\s+")


def fold(token: str) -> str:
    """Lower-case, accent-free, cross-script key of one word (translit.skeleton): Tokayev,
    Tokaev and Токаев all give "tokaev"."""
    return skeleton(token)


def clean(name: str) -> str:
    """Surface clean-up shared by every type: possessive, leading 'the', brackets, spaces."""
    s = name.replace("\u2019", "'").strip()
    s = re.sub(r"'s$|'$", "", s)
    s = re.sub(r"^(the|The|THE)\s+", "", s)
    return _SPACES.sub(" ", s).strip(" ,.;:-")


# ---------------------------------------------------------------- persons

_HONORIFIC = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "gen", "sen", "rep", "gov", "president",
              "senator", "governor", "secretary", "minister", "judge", "rev", "prof", "lt", "col", "capt",
              "organiser", "organizer", "spokesman", "spokeswoman", "spokesperson", "lawyer", "activist",
              "former", "deputy", "chairman", "chair", "head", "mayor", "akim", "ambassador", "candidate",
              "leader", "speaker", "chief", "director", "commander", "rescuer", "analyst", "professor"}
_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}
_INITIAL = re.compile(r"^(?:[A-ZА-ЯЁ]\.-?){1,3}$|^[A-ZА-ЯЁ]$")


@dataclass(frozen=True, slots=True)
class PersonName:
    surname: str                 # folded surname ("" when the name has no usable word)
    given: tuple[str, ...]       # folded given names in order
    initials: tuple[str, ...]    # initials of the given names (from words or from "N.")
    suffix: str = ""             # jr, sr, ii, ...

    @property
    def full(self) -> bool:
        return bool(self.given or self.initials)


@lru_cache(maxsize=200_000)
def person_name(name: str) -> PersonName:
    """Parse a person's name: 'Nurgali Bilisbekov', 'Bilisbekov N.', 'N. Bilisbekov', 'Donald Trump Jr.'."""
    words = [w for w in clean(name).replace(",", " ").split() if w]
    suffix = ""
    while words and words[-1].lower().strip(".") in _SUFFIX:
        suffix = words.pop().lower().strip(".")
    while len(words) > 1 and words[0].lower().strip(".") in _HONORIFIC:
        words.pop(0)
    initials = [w for w in words if _INITIAL.match(w)]
    names = [w for w in words if not _INITIAL.match(w)]
    if not names:
        return PersonName("", (), tuple(fold(i[0])[:1] for i in initials), suffix)
    surname = surname_stem(fold(names[-1].strip(".")))
    given = tuple(p for w in names[:-1] for p in fold(w.strip(".")).split("-") if p)
    inits = tuple(g[0] for g in given) or tuple(fold(w[0])[:1] for w in initials)
    return PersonName(surname, given, inits, suffix)


def given_compatible(a: PersonName, b: PersonName) -> float | None:
    """How well two parsed names agree beyond the surname: 1.0 same first name, 0.85 initial only,
    0.5 one side has no given name, None when they contradict (two different people)."""
    if a.suffix != b.suffix:
        return None
    if a.given and b.given:
        return 1.0 if set(a.given) & set(b.given) else None
    if a.initials and b.initials:
        return 0.85 if a.initials[0] == b.initials[0] else None
    return 0.5


# ---------------------------------------------------------------- countries

_COUNTRY_WORDS = {
    "KZ": "kazakhstan kazakh kazakhstani",
    "KG": "kyrgyzstan kyrgyz kirghiz kyrgyz-republic",
    "UZ": "uzbekistan uzbek",
    "TJ": "tajikistan tajik",
    "TM": "turkmenistan turkmen",
    "RU": "russia russian russian-federation",
    "TR": "turkey turkish turkiye",
    "SY": "syria syrian",
    "IQ": "iraq iraqi",
    "AF": "afghanistan afghan",
    "IR": "iran iranian",
    "CN": "china chinese",
    "US": "us u.s. usa united-states america american",
    "GB": "uk britain british united-kingdom",
    "DE": "germany german",
    "FR": "france french",
    "UA": "ukraine ukrainian",
    "MX": "mexico mexican",
    "IL": "israel israeli",
    "SA": "saudi-arabia saudi",
}
COUNTRY_OF: dict[str, str] = {w.replace("-", " "): cc for cc, ws in _COUNTRY_WORDS.items() for w in ws.split()}


_COUNTRY_FOLDED: dict[str, str] = {" ".join(skeleton(p) for p in w.split()): cc for w, cc in COUNTRY_OF.items()}


def country_of(name: str) -> str | None:
    """ISO code for a country name or adjective ('Kyrgyz', 'the Kyrgyz Republic'), else None."""
    s = clean(name).lower()
    return (COUNTRY_OF.get(s) or COUNTRY_OF.get(s.removesuffix(" republic"))
            or _COUNTRY_FOLDED.get(" ".join(fold(w) for w in s.split())))


# ---------------------------------------------------------------- organisations

_ORG_SYNONYMS = [
    (re.compile(r"^foreign (affairs )?ministry$|^ministry of foreign affairs$|^foreign office$"),
     "ministry of foreign affairs"),
    (re.compile(r"^interior ministry$|^ministry of (the )?interior$|^ministry of internal affairs$"),
     "ministry of internal affairs"),
    (re.compile(r"^defen[cs]e ministry$|^ministry of defen[cs]e$"), "ministry of defence"),
    (re.compile(r"^justice department$|^department of justice$"), "department of justice"),
    (re.compile(r"^state department$|^department of state$"), "department of state"),
]
_GENERIC = set("""ministry foreign affairs interior internal defence defense committee national security state
service services council police department government parliament court office press army forces armed
general prosecutor prosecutors city district central bank election electoral commission supreme federal
border guard emergency emergencies situations health justice finance economy education agency investigative
intelligence public of the and for on republic military administration presidential president's cabinet
house senate assembly party""".split())
_ACRONYM_DEF = re.compile(r"^(.*?)\s*\(\s*([A-Z]{2,6})\s*\)?\s*$")
_ORG_STOP = {"of", "the", "and", "for", "on", "in"}


def org_parts(name: str) -> tuple[str, str | None, str | None]:
    """(base name folded, country code named in it, acronym defined in it).

    'the National Security Committee of Kazakhstan (KNB' -> ('national security committee', 'KZ', 'knb')
    """
    s = clean(name)
    acronym = None
    m = _ACRONYM_DEF.match(s)
    if m and m.group(1):
        s, acronym = m.group(1).strip(), m.group(2).lower()
    full = s.lower()
    low, country = full, None
    head, cc = _of_country(full)
    if cc:
        low, country = head, cc
    else:
        first, _, rest = full.partition(" ")
        if rest and country_of(first.removesuffix("'s")):
            low, country = rest, country_of(first.removesuffix("'s"))
    for rx, canon in _ORG_SYNONYMS:
        if rx.match(low):
            low = canon
    if not is_generic(low):  # a proper name keeps its country word: "Turkish Red Crescent"
        low, country = full, country
    base = " ".join(w if w in _ORG_STOP else fold(w) for w in low.split())
    return base, country, acronym


def _of_country(s: str) -> tuple[str, str | None]:
    """'ministry of foreign affairs of the kyrgyz republic' -> ('ministry of foreign affairs', 'KG')."""
    head, sep, tail = s.rpartition(" of ")
    if sep:
        cc = country_of(re.sub(r"^the\s+", "", tail))
        if cc:
            return head, cc
    return s, None


def is_generic(low: str) -> bool:
    """True for names any country has ('ministry of foreign affairs', 'police', 'the Committee')."""
    words = low.split()
    return bool(words) and all(w in _GENERIC for w in words)


def _generic_base(name: str) -> bool:
    s = clean(name)
    m = _ACRONYM_DEF.match(s)
    s = (m.group(1) if m and m.group(1) else s).lower()
    s = _of_country(s)[0]
    first, _, rest = s.partition(" ")
    if rest and country_of(first.removesuffix("'s")):
        s = rest
    for rx, canon in _ORG_SYNONYMS:
        if rx.match(s):
            s = canon
    return is_generic(s)


def org_keys(name: str, country: str | None = None) -> list[str]:
    return list(_org_keys(name, country))


@lru_cache(maxsize=200_000)
def _org_keys(name: str, country: str | None) -> tuple[str, ...]:
    """Candidate keys of an organisation name; a generic name is keyed with its country."""
    base, named_country, acronym = org_parts(name)
    keys = []
    if _generic_base(name):
        cc = named_country or country
        if cc:
            keys.append(f"O|{cc}|{base}")
        else:
            keys.append(f"O|?|{base}")
    else:
        keys.append(f"O|{base}")
    if acronym:
        keys.append(f"OA|{acronym}")
    raw = clean(name)
    if re.fullmatch(r"[A-Z]{2,6}", raw):
        keys.append(f"OA|{raw.lower()}")
    elif len(base.split()) >= 2 and not acronym:
        initials = "".join(w[0] for w in base.split() if w not in _ORG_STOP)
        if len(initials) >= 3:
            keys.append(f"OI|{initials}")  # weak: only matches an acronym key, never a name key
    return tuple(keys)


def place_key(name: str) -> str:
    """Key of a place or group name: 'Bishkek city' -> 'bishkek'."""
    s = clean(name).lower()
    s = re.sub(r"\s+(city|town|region|province|oblast)$", "", s)
    cc = country_of(s)
    return f"cc:{cc.lower()}" if cc else " ".join(fold(w) for w in s.split())
