"""The language rule sets: data files read into one frozen, versioned, hashed object."""

from __future__ import annotations

import dataclasses
import tomllib
from importlib import resources

import pytest

from habeas.model import EVENT_TYPES
from habeas.nlp import dates, discourse, persons, terms
from habeas.nlp.lang import FILES, load_rules


def test_the_english_rules_have_a_version_and_a_hash():
    rules = load_rules("en")
    assert rules.version == "habeas.rules.en.v13"
    assert len(rules.hash) == 12 and int(rules.hash, 16) >= 0
    assert rules.stamp == f"{rules.version}@{rules.hash}"
    assert load_rules("en") is rules  # read once


def test_a_rule_set_is_frozen():
    rules = load_rules("en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.version = "habeas.rules.en.v13"
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


def test_one_table_row_per_lemma_and_part_of_speech():
    rows = [(t.lemma, t.pos) for t in load_rules("en").triggers]
    assert len(rows) == len(set(rows))
    assert {t.pos for t in load_rules("en").triggers} == {"VERB", "NOUN"}


def test_every_check_a_row_names_is_a_predicate():
    from habeas.nlp.lang import predicates

    rules = load_rules("en")
    assert rules.predicate_names() <= set(predicates("en"))
    assert all(r.type in EVENT_TYPES + ("none",) for r in rules.constructions + rules.triggers)
    assert all((r.lemma is None) != (r.word is None) for r in rules.constructions)


def test_the_rows_of_a_word_come_in_the_order_they_are_tried():
    rows = load_rules("en").rows("VERB", "put", "put")
    assert [(r.type, r.when) for r in rows] == [
        ("release", ("to_house_arrest",)), ("arrest", ("into_custody",)),
        ("transfer", ("into_facility",)), ("transfer", ("has_destination",))]
    assert [r.type for r in load_rules("en").rows("VERB", "fine", "fined")] == [
        "sentence", "sentence"]  # the word row "fined", then the table row "fine"


def test_every_module_reads_the_one_number_table():
    numbers = load_rules("en").numbers
    assert terms.NUMBERS["twelve"] == numbers["twelve"] == 12
    assert dates.NUMBER_WORDS["ten"] == discourse.COUNTS["ten"] == numbers["ten"]
    assert persons.AGE_WORDS["forty"] == numbers["forty"]
    assert terms.find_terms("twenty-five years")[0].months == 300


def _doc(words, heads, deps):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_syntax_reads_an_active_clause():
    from habeas.nlp.lang.en import syntax

    doc = _doc(["Police", "detained", "him", "in", "Minsk"], [1, 1, 1, 1, 3],
               ["nsubj", "ROOT", "dobj", "prep", "pobj"])
    verb = doc[1]
    assert [t.text for t in syntax.subjects(verb)] == ["Police"]
    assert [t.text for t in syntax.objects(verb)] == ["him"]
    assert not syntax.is_passive(verb) and not syntax.is_negated(verb)
    assert [t.text for t in syntax.objects_of(verb, "in")] == ["Minsk"]
    assert syntax.objects_of(verb, "to") == []
    assert syntax.prep_object(doc[3]).text == "Minsk"


def test_syntax_reads_a_passive_clause():
    from habeas.nlp.lang.en import syntax

    doc = _doc(["He", "was", "not", "detained", "by", "police"], [3, 3, 3, 3, 3, 4],
               ["nsubjpass", "auxpass", "neg", "ROOT", "agent", "pobj"])
    verb = doc[3]
    assert syntax.is_passive(verb) and syntax.is_negated(verb)
    assert syntax.is_passive_subject(doc[0]) and syntax.is_subject(doc[0])
    assert [t.text for t in syntax.agents(verb)] == ["police"]


def test_a_stored_claim_names_the_rules_that_made_it(nlp, database_url):
    from sqlalchemy import select

    from habeas.model import Document
    from habeas.nlp.pipeline import extract_text
    from habeas.resolve.article import save_extraction
    from habeas.store import add_article, make_engine, make_sessionmaker, migrate, unit_of_work
    from habeas.store.models import Claim

    rules = load_rules("en")
    document = Document(text="Police detained Ilmi Umerov, 60, in Simferopol on Tuesday.",
                        source="t.txt", published="2017-10-25")
    extraction = extract_text(nlp, document)
    assert (extraction.versions["rules"], extraction.versions["rules_hash"]) == (
        "habeas.rules.en.v13", rules.hash)
    engine = make_engine(database_url)
    try:
        migrate(engine)
        sessions = make_sessionmaker(engine)
        with unit_of_work(sessions) as session:
            article, _ = add_article(session=session, document=document)
            save_extraction(session=session, article=article, extraction=extraction)
        with unit_of_work(sessions) as session:
            claims = session.scalars(select(Claim)).all()
            assert {c.subject_type for c in claims} == {"person", "event"}
            assert {(c.rules_version, c.rules_hash) for c in claims} == {
                ("habeas.rules.en.v13", rules.hash)}
    finally:
        engine.dispose()


def test_a_new_trigger_is_a_row(nlp, tmp_path):
    """The worked example of docs/extraction.md: "handcuffed" becomes an arrest by one row."""
    from habeas.nlp.events import find_events, trigger_types
    from habeas.nlp.lang import read_rules

    english = resources.files("habeas.nlp.lang").joinpath("en")
    for name in FILES:
        (tmp_path / name).write_text(english.joinpath(name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    doc = nlp("Police handcuffed Ilmi Umerov in Simferopol on Tuesday.")
    verb = doc[1]
    assert trigger_types(verb) == [] and doc._.events == []

    triggers = tmp_path / "triggers.toml"
    table = triggers.read_text(encoding="utf-8").rstrip().removesuffix("]")
    triggers.write_text(table + '    { lemma = "handcuff", pos = "VERB", type = "arrest" },\n]\n',
                        encoding="utf-8")
    rules = read_rules(tmp_path)
    assert trigger_types(verb, rules) == ["arrest"]
    assert rules.hash != load_rules("en").hash
    [event] = find_events(doc, doc.spans["habeas_persons"], doc._.persons, rules=rules)
    assert (event.type, event.place, event.agent) == ("arrest", "Simferopol", "Police")


def test_the_config_names_the_rule_set_it_ships():
    from habeas.nlp.pipeline import pipeline_config

    assert pipeline_config()["rules"]["en"] == load_rules("en").version


@pytest.mark.parametrize("text, word, types", [
    ("He was fined 20,000 roubles.", "fined", ["sentence"]),
    ("The court handed him ten years.", "handed", ["sentence"]),
    ("He is serving five years.", "serving", ["sentence"]),
    ("He served as a deputy.", "served", []),
    ("I refused food for 16 days.", "refused", ["hunger_strike"]),
    ("He was set free.", "set", ["release"]),
    ("Instead of being set free, he was taken to a deportation centre.", "set", []),
    ("The court found him guilty.", "found", ["conviction"]),
    ("The court did not find him guilty.", "find", ["acquittal"]),
    ("He was not given insulin for three days.", "given", ["ill_treatment"]),
    ("He was jailed for five years.", "jailed", ["sentence"]),
    ("He was jailed on Friday.", "jailed", ["arrest"]),
    ("He was taken to Rostov.", "taken", ["transfer"]),
    ("He was taken into custody in the courtroom.", "taken", ["arrest"]),
    ("He tried to leave.", "tried", []),
    ("Police searched his flat.", "searched", ["search"]),
    ("Police searched the area.", "searched", []),
    ("He was given 15 days of administrative arrest.", "arrest", ["sentence"]),
    ("He spent a month under house arrest.", "arrest", []),
    ("He went on hunger strike.", "strike", ["hunger_strike"]),
    ("Workers went on strike.", "strike", []),
    ("A criminal case was opened against the Lopatins.", "opened", ["charge"]),
    ("He died in the colony.", "died", ["death_in_custody"]),
    ("He died in 2015.", "died", []),
    ("He was placed in pre-trial detention centre No. 3.", "placed", ["transfer"]),
    ("He was held in the detention centre.", "detention", []),
])
def test_trigger_rows_one_by_one(nlp, text, word, types):
    from habeas.nlp.events import trigger_types

    token = next(t for t in nlp(text) if t.text == word)
    assert trigger_types(token) == types
