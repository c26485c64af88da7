"""The pieces of the pipeline that need no model: dates, terms, name keys; and small texts."""

from __future__ import annotations

import datetime as dt

import pytest

from habeas.model import Document
from habeas.nlp import dates, terms
from habeas.nlp.pipeline import extract_text
from habeas.nlp.persons import similar_surname

PUBLISHED = dt.date(2017, 10, 25)  # a Wednesday


@pytest.mark.parametrize("text, expected", [
    ("Oct. 24", "2017-10-24"),
    ("October 24, 2016", "2016-10-24"),
    ("24 October", "2017-10-24"),
    ("January 2015", "2015-01"),
    ("in March 2015", "2015-03"),
    ("2014", "2014"),
    ("December", "2016-12"),          # a month ahead of publication is last year's
    ("Tuesday", "2017-10-24"),
    ("last month", "2017-09"),
    ("last year", "2016"),
    ("yesterday", "2017-10-24"),
    ("two weeks ago", "2017-10-11"),
    ("eight years", None),            # a term, not a date
])
def test_dates_resolve_against_the_published_date(text, expected):
    assert dates.resolve(text, PUBLISHED) == expected


def test_relative_date_needs_an_anchor():
    assert dates.resolve("two weeks later", PUBLISHED, anchor="2017-09-01") == "2017-09-15"
    assert dates.resolve("two weeks later", PUBLISHED) is None


def test_date_agreement_is_at_gold_precision():
    assert dates.agrees("2017-10-24", "2017-10")
    assert not dates.agrees("2017-09-30", "2017-10")
    from habeas.store import date_precision

    assert date_precision("2015-01") == "month"


@pytest.mark.parametrize("text, months", [
    ("eight years in prison", 96),
    ("3 years and 7 months", 43),
    ("12 and a half years", 150),
    ("19 years in a strict-regime colony", 228),
    ("a 10-year sentence", 120),
    ("18 months", 18),
    ("two years", 24),
])
def test_terms_in_months(text, months):
    assert terms.find_terms(text)[0].months == months


@pytest.mark.parametrize("a, b, same", [
    ("chiygoz", "chyigoz", True),
    ("chiygoz", "chiigoz", True),
    ("dzhelyal", "jelyal", True),
    ("umerov", "umerow", True),
    ("umerov", "asanov", False),
    ("ali", "alu", False),
    ("abdullaev", "abdullaeva", False),       # son and mother
    ("dzhemaledinov", "dzhemaledinova", False),
    ("hrytsenko", "gritsenko", True),
    ("petrov", "vetrov", False),
])
def test_surname_variants(a, b, same):
    assert similar_surname(a, b) is same


def test_cyrillic_and_latin_surnames_are_one():
    assert similar_surname("чийгоз", "chiygoz")
    assert similar_surname("hurynovič", "gurinovich")


def extract(nlp, text, published="2021-03-10"):
    return extract_text(nlp, Document(text=text, source="test", published=published)).to_json()


def test_several_persons_with_different_terms(nlp):
    result = extract(nlp, "A court in Rostov-on-Don sentenced the men on Tuesday. Server "
                          "Mustafayev was sentenced to 14 years, Edem Smailov to 13 and "
                          "Remzi Bekirov to 19.")
    names = {p["id"]: p["name"] for p in result["persons"]}
    got = {names[e["persons"][0]]: e["term_months"] for e in result["events"]
           if e["type"] == "sentence" and len(e["persons"]) == 1}
    assert got == {"Server Mustafayev": 168, "Edem Smailov": 156, "Remzi Bekirov": 228}


def test_a_demand_is_not_a_sentence(nlp):
    result = extract(nlp, "Prosecutors asked for 23 years for Marlen Asanov.")
    assert not [e for e in result["events"] if e["type"] == "sentence"]


def test_hedge_and_attribution(nlp):
    result = extract(nlp, "Emir Kuku was arrested in Yalta, according to Crimean Solidarity. "
                          "He allegedly belonged to Hizb ut-Tahrir.")
    (arrest,) = [e for e in result["events"] if e["type"] == "arrest"]
    assert arrest["place"] == "Yalta"
    assert arrest["attributed_to"] == "Crimean Solidarity"
