"""The writer's shortcuts give the record the slower way gave: ids made ahead of the INSERT, a
spelling lost within one article, surnames looked up only where someone may carry them, and an
event re-derived from the claims left (the tenth round of docs/scale.md)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from habeas.model import Document, EventRecord, Extraction, PersonRecord, Span
from habeas.resolve.article import save_extraction
from habeas.resolve.bulk import NameIndex
from habeas.resolve.events import refresh
from habeas.store import Person, add_article, unit_of_work
from habeas.store.models import Claim, Event, PersonAlias


def write(session, text, records, events=(), names=None):
    """One article of hand-made records, resolved as the writer resolves a staged one."""
    article, _ = add_article(session=session, document=Document(
        text=text, source=f"{abs(hash(text))}.txt", outlet="Outlet", published="2024-05-01"))
    return save_extraction(session=session, article=article, names=names, extraction=Extraction(
        document={}, persons=records, events=list(events),
        versions={"habeas_events": "habeas.events.v3"}))


def test_ids_made_ahead_are_the_ones_the_insert_would_give(sessions):
    from habeas.store.bulk import Ids

    with unit_of_work(sessions) as session:
        for name in ("Anna Lind", "Boris Kern", "Clara Holt"):
            session.add(Person(name=name, key=name.lower()))
        session.flush()
        session.delete(session.scalars(select(Person).where(Person.key == "clara holt")).one())
    with unit_of_work(sessions) as session:
        ids = Ids(session)
        # the id of a deleted row is not handed out again, on SQLite as on PostgreSQL
        assert [ids(Person.__table__), ids(Person.__table__)] == [4, 5]
        session.add(Person(id=4, name="Dora Vask", key="dora vask"))
        session.add(Person(id=5, name="Emil Roth", key="emil roth"))
    with unit_of_work(sessions) as session:
        session.add(Person(name="Fedor Lutz", key="fedor lutz"))
        session.flush()
        assert session.scalars(select(Person.id).where(Person.key == "fedor lutz")).one() == 6


def test_a_spelling_given_and_lost_in_one_article_is_numbered_as_before(sessions):
    """A person known by a surname is given a full spelling by one record, then takes it as
    its name from the next record of the same article: the spelling was written, then deleted,
    when each person was flushed on its own, so the next spelling's id comes after it."""
    with unit_of_work(sessions) as session:
        write(session, "Marten was fined.", [PersonRecord(id="p1", name="Marten")])
    with unit_of_work(sessions) as session:
        text = "Marten, Oskar Marten's brother-in-law, said Oskar Marten was fined."
        counts = write(session, text, [
            PersonRecord(id="p1", name="Marten", aliases=["Oskar Marten"]),
            PersonRecord(id="p2", name="Oskar Marten")])
        assert counts["persons_matched"] == 2
    with unit_of_work(sessions) as session:
        person = session.scalars(select(Person)).one()
        assert person.name == "Oskar Marten"
        aliases = session.execute(select(PersonAlias.id, PersonAlias.alias)).all()
        assert [tuple(a) for a in aliases] == [(2, "Marten")]


def test_a_surname_another_writer_stored_is_still_looked_up(sessions):
    """The writer's index of names skips the query for a surname nobody carries; a person
    stored by another process since the last article is in it when the next article begins."""
    names = NameIndex()
    with unit_of_work(sessions) as session:
        write(session, "Ilse Brandt was detained.", [PersonRecord(id="p1", name="Ilse Brandt")],
              names=names)
    with unit_of_work(sessions) as session:  # another writer, without the index
        write(session, "Jonas Vogler was detained.", [PersonRecord(id="p1", name="Jonas Vogler")])
    with unit_of_work(sessions) as session:
        counts = write(session, "Vogler was released.", [PersonRecord(id="p1", name="Vogler")],
                       names=names)
    assert counts["persons_matched"] == 1 and counts["persons_new"] == 0


def test_an_event_left_with_its_type_alone_is_derived_from_nothing(sessions):
    """An event whose claims but those of its type and negation were rejected is emptied, as
    when every claim was read to derive it."""
    with unit_of_work(sessions) as session:
        text = "Greta Holm was arrested in Tallinn."
        write(session, text, [PersonRecord(id="p1", name="Greta Holm")],
              [EventRecord(type="arrest", persons=["p1"], place="Tallinn",
                           sources=[Span(0, len(text), text)])])
    with unit_of_work(sessions) as session:
        event = session.scalars(select(Event)).one()
        assert event.place == "Tallinn"
        session.execute(update(Claim).where(Claim.subject_type == "event",
                                            Claim.field.not_in(("type", "negated")))
                        .values(status="rejected"))
        refresh(session, event)
        assert (event.place, event.hedged) == (None, False)
