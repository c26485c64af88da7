"""The stored surname forms (``store.name_forms``, migration 0010) answer as the name index read
into memory did: the same persons near every name, the same record resolved from real reports,
a store upgraded from 0009 included; and they are kept by the store's triggers whatever writes a
name (the writer, a bulk write, a rename, a spelling moved, SQL by hand)."""

from __future__ import annotations

import random
import shutil

import pytest
from sqlalchemy import select, update

from habeas.model import Document, PersonRecord, Rejected
from habeas.resolve.bulk import NameIndex, among
from habeas.resolve.names import name_score, parse
from habeas.resolve.persons import merge
from habeas.store import Person, make_engine, migrate, unit_of_work
from habeas.store.models import PersonAlias
from habeas.workspace import Habeas
from tests.conftest import EXAMPLES, ROOT
from tests.store_content import store_content
from tests.test_writer_ids import write

NAMES = ["Greta Holm", "G. Holm", "Holm", "Ivo Holmes", "Ivo Kolm", "Anna Lindqvist",
         "Lindkvist Anna", "Akhtem Chiygoz", "Ахтем Чийгоз", "Akhtem", "Osman Ali", "Ali Osman",
         "Emir Useinov", "Emir-Usein Kuku", "Server Mustafayev", "Mustafaev", "Nariman Dzhelyal",
         "Dzhelial", "Ilmi Umerov", "Umerov Ilmi", "I. Umerov", "Refat Chubarov"]


def near_both(session, names: list[str]) -> list[tuple[set[int], set[int]]]:
    """For each name: the persons the index in memory and the stored one find near it."""
    memory, stored = NameIndex(stored=False), NameIndex()
    memory.refresh(session)
    stored.refresh(session)
    return [(among(session, memory, memory.near([n])),
             among(session, stored, stored.near([n], session))) for n in names]


def probes(rng: random.Random) -> list[str]:
    """The names, and each with a letter changed, dropped or doubled."""
    out = list(NAMES)
    for name in NAMES:
        i = rng.randrange(1, len(name))
        out += [name[:i] + name[i + 1:], name[:i] + "e" + name[i:], name[:i] + name[i] + name[i:]]
    return out


def test_the_stored_forms_find_what_the_index_in_memory_finds(sessions):
    """Persons written by the writer (one renamed, spellings given), by SQL by hand, a spelling
    moved to another person and a merge: every probe finds the same persons either way."""
    with unit_of_work(sessions) as session:
        write(session, "Holm was detained.", [PersonRecord(id="p1", name="Holm")])
        write(session, "Greta Holm and Anna Lindqvist.", [
            PersonRecord(id="p1", name="Greta Holm"),
            PersonRecord(id="p2", name="Anna Lindqvist", aliases=["Lindkvist Anna"])])
        write(session, "Akhtem Chiygoz, Ilmi Umerov, Osman Ali.", [
            PersonRecord(id="p1", name="Akhtem Chiygoz", aliases=["Ахтем Чийгоз"]),
            PersonRecord(id="p2", name="Ilmi Umerov"), PersonRecord(id="p3", name="Osman Ali"),
            PersonRecord(id="p4", name="Akhtem")])
    with unit_of_work(sessions) as session:  # written outside the writer
        session.connection().exec_driver_sql(
            "INSERT INTO persons (name, key, surname, created_at) VALUES "
            "('Nariman Dzhelyal', 'nariman dzhelyal', 'dzhelyal', '2025-01-01')")
        pid = session.scalar(select(Person.id).where(Person.key == "nariman dzhelyal"))
        session.connection().exec_driver_sql(
            f"INSERT INTO person_aliases (person_id, alias, key, surname) VALUES "
            f"({pid}, 'Server Mustafayev', 'server mustafayev', 'mustafayev')")
    with unit_of_work(sessions) as session:  # a spelling moved, a person renamed, a merge
        umerov = session.scalar(select(Person.id).where(Person.key == "ilmi umerov"))
        session.execute(update(PersonAlias).where(PersonAlias.alias == "Server Mustafayev")
                        .values(person_id=umerov))
        session.execute(update(Person).where(Person.key == "osman ali")
                        .values(name="Emir Useinov", key="emir useinov"))
        holm, greta = (session.scalar(select(Person).where(Person.key == k))
                       for k in ("holm", "greta holm"))
        if holm is not None and greta is not None and holm.id != greta.id:
            merge(session, holm, greta, by="test")
    with unit_of_work(sessions) as session:
        asked = probes(random.Random(3))
        found = near_both(session, asked)
        # the stored forms find every person the index in memory finds; more only where a
        # name was changed or a spelling moved (its old forms stay: "maybe" too often, never
        # too rarely), persons none of whose present names scores above zero
        for name, (memory, stored) in zip(asked, found):
            assert memory <= stored, name
            for pid in stored - memory:
                person = session.get(Person, pid)
                present = [person.name, *(a.alias for a in person.aliases)]
                assert all(name_score(r, parse(t))[0] <= 0 for t in present
                           for r in (parse(name), parse(name).swapped) if r is not None), name
        assert sum(1 for memory, _ in found if memory) >= len(NAMES)  # the probes find people
        # the names nothing changed: the same persons
        for name, (memory, stored) in zip(asked, found):
            if name in ("Ахтем Чийгоз", "Akhtem Chiygoz", "Anna Lindqvist", "I. Umerov"):
                assert memory == stored and memory, name


def test_triggers_made_again_when_gone_and_every_name_queued(sessions):
    """A table rebuilt (SQLite's batch migrations drop its triggers): the next name index
    makes them again and queues every stored name, so nothing written meanwhile is missed."""
    from habeas.store import name_forms

    with unit_of_work(sessions) as session:
        write(session, "Greta Holm was detained.", [PersonRecord(id="p1", name="Greta Holm")])
        NameIndex().refresh(session)
        for statement in name_forms.drop_statements(session.connection().dialect.name):
            session.connection().exec_driver_sql(statement)
        write(session, "Ivo Kolm was detained.", [PersonRecord(id="p1", name="Ivo Kolm")])
        assert not set(name_forms.TRIGGERS) & name_forms.present_triggers(session.connection())
    with unit_of_work(sessions) as session:
        index = NameIndex()
        index.refresh(session)
        assert set(name_forms.TRIGGERS) <= name_forms.present_triggers(session.connection())
        kolm = session.scalar(select(Person.id).where(Person.key == "ivo kolm"))
        assert among(session, index, index.near(["Ivo Kolm"], session)) == {kolm}


# ------------------------------------------------------------------- real reports resolved

@pytest.fixture(scope="module")
def extracted(nlp) -> list[tuple[Document, dict]]:
    """The example reports and tests/gold (English and Russian), each told twice (the second
    time with a sentence more), with their Extractions made by the NLP once."""
    from habeas.config import DEFAULT_MODEL
    from habeas.nlp.workers import extract_batch
    from habeas.sources import read_sources

    documents = [d for d in read_sources([str(EXAMPLES / "reports"), str(ROOT / "tests" / "gold")])
                 if not isinstance(d, Rejected)]
    for n, document in enumerate(documents):
        document.source = f"report:{n}"
    results = extract_batch(DEFAULT_MODEL, 32, documents, lambda: nlp)
    told = [(d, r.record) for d, r in zip(documents, results) if r.record is not None]
    again = [(Document(text=d.text + "\n\nTold again.", source=f"{d.source}:again",
                       title=d.title, language=d.language, published=d.published), record)
             for d, record in told]
    return told + again


def stage_and_resolve(url: str, articles, *, stored: bool) -> None:
    """Stage ``articles`` with their Extractions, then resolve them as ``habeas resolve`` does,
    with the name index stored or read into memory."""
    from habeas.store import crud

    habeas = Habeas(database_url=url)
    try:
        with habeas.transaction() as session:
            ids = [crud.add_article(session=session, document=d)[0].id for d, _ in articles]
            crud.store_extractions(session=session, extractions={
                i: record for i, (_, record) in zip(ids, articles)})
        habeas._names = NameIndex(stored=stored, keyed=not stored)  # as Habeas makes it
        report = habeas.resolve()
        assert report.articles == len(articles) and not report.failed
    finally:
        habeas.close()


def test_the_record_resolved_is_the_same_with_and_without_the_stored_forms(
        database_url, tmp_path, extracted):
    """Every row of the record (persons, spellings, merges, suggestions, events, claims, by id)
    the same when the name index reads every name into memory (SQLite) and when it asks the
    stored forms (SQLite and PostgreSQL)."""
    memory = f"sqlite:///{tmp_path / 'memory.db'}"
    stage_and_resolve(memory, extracted, stored=False)
    stage_and_resolve(database_url, extracted, stored=True)
    expected, got = store_content(memory), store_content(database_url)
    assert expected["persons"] and expected["merges"] + expected["merge_suggestions"]
    assert got == expected


def test_a_store_at_0009_upgraded_keeps_its_data_and_resolves_the_same(
        database_url, tmp_path, extracted):
    """Half the reports resolved, the store taken back to 0009 (the forms' tables and triggers
    gone) and a person written there by SQL; upgraded to 0010: every row kept, every name queued,
    and the other half resolves into the same record as with the index read into memory."""
    from alembic import command

    from habeas.store.db import alembic_config

    half = len(extracted) // 2
    first, second = extracted[:half], extracted[half:]
    person = ("INSERT INTO persons (name, key, surname, created_at) VALUES "
              "('Emir-Usein Kuku', 'emir usein kuku', 'kuku', '2025-01-01')")

    def at_0009(url: str) -> dict:
        stage_and_resolve(url, first, stored=True)
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                command.downgrade(alembic_config(connection), "0009_lean_indexes")
                connection.exec_driver_sql(person)
            return store_content(url)
        finally:
            engine.dispose()

    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    before = at_0009(reference)
    assert at_0009(database_url) == before
    shutil.copy(tmp_path / "reference.db", tmp_path / "memory.db")
    memory = f"sqlite:///{tmp_path / 'memory.db'}"
    engine = make_engine(database_url)
    try:
        migrate(engine)
        with engine.connect() as connection:
            queued = connection.exec_driver_sql("SELECT count(*) FROM name_form_queue").scalar()
            names = connection.exec_driver_sql(
                "SELECT (SELECT count(*) FROM persons) + (SELECT count(*) FROM person_aliases)"
            ).scalar()
        assert queued == names > 0
        assert store_content(database_url) == before  # the upgrade keeps every row
    finally:
        engine.dispose()
    stage_and_resolve(memory, second, stored=False)
    stage_and_resolve(database_url, second, stored=True)
    assert store_content(database_url) == store_content(memory)
