"""The language rule sets: data files read into one frozen, versioned, hashed object."""

from __future__ import annotations

import dataclasses
import tomllib
from importlib import resources

import pytest

from habeas.nlp import dates, discourse, persons, terms
from habeas.nlp.lang import FILES, load_rules


def test_the_english_rules_have_a_version_and_a_hash():
    rules = load_rules("en")
    assert rules.version == "habeas.rules.en.v1"
    assert len(rules.hash) == 12 and int(rules.hash, 16) >= 0
    assert rules.stamp == f"{rules.version}@{rules.hash}"
    assert load_rules("en") is rules  # read once


def test_a_rule_set_is_frozen():
    rules = load_rules("en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.version = "habeas.rules.en.v2"
    with pytest.raises(TypeError):
        rules.tables["months"]["smarch"] = 13


def test_the_data_files_ship_with_the_package():
    folder = resources.files("habeas.nlp.lang").joinpath("en")
    for name in FILES:
        tomllib.loads(folder.joinpath(name).read_text(encoding="utf-8"))


def test_a_language_without_rules_is_an_error():
    from habeas.errors import ModelError

    with pytest.raises(ModelError):
        load_rules("xx")


def test_one_trigger_row_per_lemma_and_part_of_speech():
    rows = [(t.lemma, t.pos) for t in load_rules("en").triggers]
    assert len(rows) == len(set(rows))
    assert {t.pos for t in load_rules("en").triggers} == {"VERB", "NOUN"}


def test_every_module_reads_the_one_number_table():
    numbers = load_rules("en").numbers
    assert terms.NUMBERS["twelve"] == numbers["twelve"] == 12
    assert dates.NUMBER_WORDS["ten"] == discourse.COUNTS["ten"] == numbers["ten"]
    assert persons.AGE_WORDS["forty"] == numbers["forty"]
    assert terms.find_terms("twenty-five years")[0].months == 300
