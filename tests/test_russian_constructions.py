"""Russian constructions learnt from real reports (issue 12, third round), each on sentences
written for these tests: where an event happened, who it happened to in a group or an
ellipsis, and what one sentence lends the next."""

from __future__ import annotations

import pytest

from habeas.model import Document


@pytest.fixture(scope="module")
def russian():
    """natasha's models, loaded once per module."""
    from habeas.nlp.lang.ru import pipeline

    pipeline.models()
    return pipeline


def extract(russian, text, published="2022-05-08"):
    return russian.extract(Document(text=text, source="test", published=published,
                                    language="ru"))


def events_of(extraction, kind):
    return [e for e in extraction.events if e.type == kind]


def only(extraction, kind):
    [event] = events_of(extraction, kind)
    return event


def test_a_place_of_a_persons_description_is_no_place_of_the_event(russian):
    extraction = extract(russian, "Суд приговорил бывшего мэра Твери Ивана Петрова, жившего в "
                                  "Сочи, к пяти годам колонии.")
    assert only(extraction, "sentence").place is None


def test_the_place_of_the_clause_and_of_its_court(russian):
    street = extract(russian, "Марию Соколову задержали в Казани у здания университета.")
    assert only(street, "arrest").place == "Казань"
    court = extract(russian, "Кировский районный суд Самары приговорил Ивана Петрова к трём "
                             "годам колонии.")
    assert only(court, "sentence").place == "Самара"
    relative = extract(russian, "В Омске задержали Ивана Петрова, который вышел на пикет.")
    assert only(relative, "protest").place == "Омск"


def test_premises_are_the_place_where_no_city_is_named(russian):
    beaten = extract(russian, "В отделе полиции Ивана Петрова избили.")
    assert only(beaten, "ill_treatment").place == "отдел полиции"
    freed = extract(russian, "Мария Соколова освободилась из колонии «Берёзка» в пятницу.")
    assert only(freed, "release").place == "колония «Берёзка»"
    served = extract(russian, "Суд приговорил Ивана Петрова к шести годам лишения свободы в "
                              "колонии строгого режима.")
    assert only(served, "sentence").place is None  # where a term is served, not the court
