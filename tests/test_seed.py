"""The seed article: each fact the "Habeas core" issue says Habeas must find in it."""

from __future__ import annotations

import pytest

from habeas.model import Document
from habeas.nlp.lexicon import fold
from habeas.nlp.pipeline import extract_text


@pytest.fixture(scope="module")
def seed(nlp, seed_gold):
    meta = seed_gold["document"]
    document = Document(text=seed_gold["text"], source="seed", title=meta["title"],
                        published=meta["published"], outlet=meta["outlet"], doc_id=meta["id"])
    return extract_text(nlp, document).to_json()


def person(result, surname):
    found = [p for p in result["persons"]
             if any(fold(n).endswith(fold(surname)) for n in [p["name"], *p["aliases"]])]
    assert len(found) == 1, f"expected one person called {surname}, got {found}"
    return found[0]


def events(result, etype, *surnames, negated=False):
    ids = {person(result, s)["id"] for s in surnames}
    return [e for e in result["events"]
            if e["type"] == etype and ids <= set(e["persons"]) and e["negated"] == negated]


def test_exactly_the_persons_of_the_article(seed):
    names = sorted(fold(p["name"]) for p in seed["persons"])
    assert names == sorted(fold(n) for n in (
        "Akhtem Chiygoz", "Ilmi Umerov", "Petro Poroshenko", "Recep Tayyip Erdoğan",
        "Alim Aliev", "Nikolai Polozov", "Vladimir Putin"))


def test_chiygoz_headline_spelling_is_the_same_man(seed):
    chiygoz = person(seed, "Chiygoz")
    assert chiygoz["name"] == "Akhtem Chiygoz"
    assert "Chyigoz" in chiygoz["aliases"]
    assert chiygoz["age"] == 52


def test_umerov_age_and_role(seed):
    umerov = person(seed, "Umerov")
    assert umerov["age"] == 59
    assert "deputy head of the Mejlis" in umerov["roles"]
    assert "Mejlis" in umerov["affiliations"]


def test_release_of_both_in_october_2017_according_to_poroshenko(seed):
    (release,) = events(seed, "release", "Chiygoz", "Umerov")
    assert release["date"].startswith("2017-10")
    assert release["attributed_to"] == "Petro Poroshenko"
    assert release["agent"] == "Russia"


def test_sentences_of_eight_and_two_years(seed):
    (chiygoz,) = events(seed, "sentence", "Chiygoz")
    assert chiygoz["term_months"] == 96
    assert chiygoz["charge"] == "organizing protests"
    assert not chiygoz["hedged"]
    (umerov,) = events(seed, "sentence", "Umerov")
    assert umerov["term_months"] == 24
    assert umerov["hedged"] is True


def test_arrest_of_chiygoz_in_january_2015(seed):
    (arrest,) = events(seed, "arrest", "Chiygoz")
    assert arrest["date"] == "2015-01"
    assert arrest["agent"] == "Russian authorities"


def test_charges_dropped_according_to_polozov(seed):
    (dropped,) = events(seed, "charges_dropped", "Chiygoz", "Umerov")
    assert dropped["attributed_to"] == "Nikolai Polozov"


def test_pardon_request_is_negated(seed):
    (pardon,) = events(seed, "release", "Chiygoz", "Umerov", negated=True)
    assert pardon["release_mode"] == "pardon"
    assert pardon["attributed_to"] == "Nikolai Polozov"


def test_transfers_end_in_ankara_and_krasnodar(seed):
    places = {e["place"] for e in events(seed, "transfer", "Chiygoz", "Umerov")}
    assert {"Ankara", "Krasnodar"} <= places


def test_no_event_happens_to_a_speaker(seed):
    speakers = {person(seed, s)["id"] for s in ("Poroshenko", "Polozov", "Aliev", "Putin")}
    assert not any(speakers & set(e["persons"]) for e in seed["events"])


def test_statistics(seed):
    values = {(s["value"], s["qualifier"]) for s in seed["statistics"]}
    assert (355, "at least") in values
    assert (40, "more than") in values
