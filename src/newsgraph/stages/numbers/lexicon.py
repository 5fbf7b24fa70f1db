"""Word lists for the numbers stage: number words, qualifiers, currencies, units.

Everything here is loaded once per process (``functools.lru_cache``); the unit table
lives in ``stages/data/numbers_units.tsv`` (surface, normalised unit, case rule, kind).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ...errors import ResourceError

UNITS_FILE = Path(__file__).resolve().parent.parent / "data" / "numbers_units.tsv"

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7,
    "billion": 1e9, "trillion": 1e12, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9,
    "tn": 1e12,
}
DOZEN = {"dozen": 12}
# "hundreds of", "tens of thousands of": a vague plural of magnitude M spans [M, 10*M]
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
         "billions": 1e9, "tens": 10}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}

# qualifier phrase (lower case) -> approx value; matched right before the figure
QUALIFIERS = {
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "in excess of": "more_than", "upwards of": "more_than", "upward of": "more_than",
    "well over": "more_than", "just over": "more_than", "greater than": "more_than",
    "over than": "more_than", "north of": "more_than", "exceeding": "more_than",
    "higher than": "more_than",
    "less than": "less_than", "under": "less_than", "below": "less_than",
    "fewer than": "less_than", "just under": "less_than", "just below": "less_than",
    "shy of": "less_than", "lower than": "less_than", "sub-": "less_than",
    "about": "about", "around": "about", "some": "about", "nearly": "about",
    "almost": "about", "roughly": "about", "approximately": "about",
    "an estimated": "about", "estimated": "about", "close to": "about", "circa": "about",
    "~": "about", "≈": "about", "approx.": "about", "just about": "about",
    "an approximate": "about", "the best part of": "about",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "not less than": "at_least",
    "up to": "at_most", "no more than": "at_most", "at most": "at_most",
    "as many as": "at_most", "as much as": "at_most", "a maximum of": "at_most",
    "not more than": "at_most", "a maximum": "at_most",
}

# currency written before the figure -> ISO code
CURRENCY_PREFIX = {
    "$": "USD", "US$": "USD", "US $": "USD", "U.S.$": "USD", "$US": "USD", "USD": "USD",
    "A$": "AUD", "AU$": "AUD", "$A": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD",
    "CAD": "CAD", "NZ$": "NZD", "HK$": "HKD", "HK $": "HKD", "HKD": "HKD", "S$": "SGD",
    "NT$": "TWD", "R$": "BRL", "£": "GBP", "GBP": "GBP", "PS": "GBP", "€": "EUR",
    "EUR": "EUR", "¥": "JPY", "Y=": "JPY", "JPY": "JPY", "₹": "INR", "Rs": "INR",
    "Rs.": "INR", "INR": "INR", "₽": "RUB", "RUB": "RUB", "₸": "KZT", "KZT": "KZT",
    "RM": "MYR", "CHF": "CHF", "CNY": "CNY", "RMB": "CNY", "₩": "KRW", "₺": "TRY",
    "₦": "NGN", "₴": "UAH", "₪": "ILS", "NIS": "ILS",
}

PERSON_NOUNS = frozenset("""
people person persons individual individuals citizen citizens resident residents civilian
civilians soldier soldiers troop troops fighter fighters militant militants rebel rebels
child children kid kids woman women man men girl girls boy boys adult adults student students
worker workers employee employees staff member members official officials officer officers
policeman policemen police protester protesters demonstrator demonstrators migrant migrants
refugee refugees immigrant immigrants asylum-seeker asylum-seekers passenger passengers
patient patients victim victims survivor survivors suspect suspects prisoner prisoners
detainee detainees hostage hostages journalist journalists doctor doctors nurse nurses
teacher teachers voter voters farmer farmers miner miners villager villagers inhabitant
inhabitants national nationals foreigner foreigners tourist tourists pilgrim pilgrims
activist activists terrorist terrorists jihadist jihadists insurgent insurgents gunman gunmen
attacker attackers player players fan fans user users customer customers pensioner pensioners
fisherman fishermen americans kazakhs russians citizens' persons' evacuee evacuees
diplomat diplomats politician politicians lawmaker lawmakers legislator legislators senator
senators minister ministers judge judges lawyer lawyers priest priests monk monks athlete
athletes candidate candidates delegate delegates envoy envoys ambassador ambassadors
spy spies agent agents guard guards sailor sailors pilot pilots crew crewmen marine marines
peacekeeper peacekeepers volunteer volunteers parent parents baby babies infant infants
teenager teenagers youth youths elder elders retiree retirees veteran veterans mourner mourners
worshipper worshippers shopper shoppers spectator spectators rioter rioters looter looters
smuggler smugglers trafficker traffickers dissident dissidents opponent opponents supporter
supporters follower followers recruit recruits conscript conscripts defector defectors
inmate inmates convict convicts offender offenders criminal criminals bystander bystanders
pedestrian pedestrians driver drivers motorist motorists commuter commuters traveller
travellers traveler travelers visitor visitors guest guests resident's applicant applicants
displaced dead wounded injured casualty casualties fatality fatalities body bodies
""".split())


@dataclass(frozen=True, slots=True)
class UnitEntry:
    surface: str
    unit: str
    kind: str  # money percent measure time age


@functools.lru_cache(maxsize=1)
def units() -> tuple[dict[str, UnitEntry], dict[str, UnitEntry]]:
    """(case-sensitive surfaces, lower-cased surfaces) -> UnitEntry, read once per process."""
    try:
        lines = UNITS_FILE.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"unit table {UNITS_FILE} is missing; reinstall newsgraph") from exc
    exact: dict[str, UnitEntry] = {}
    lower: dict[str, UnitEntry] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        surface, unit, case, kind = line.split("\t")
        entry = UnitEntry(surface, unit, kind)
        if case == "s":
            exact[surface] = entry
        else:
            lower[surface.lower()] = entry
    return exact, lower


@functools.lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    kinds = {code: "money" for code in CURRENCY_PREFIX.values()}
    for table in units():
        for e in table.values():
            kinds.setdefault(e.unit, e.kind)
    return kinds


def unit_kind(unit: str | None) -> str | None:
    """The kind (money, percent, measure, time, age) of a normalised unit, or None."""
    if unit is None:
        return None
    return _kinds().get(unit.split("/")[0])
