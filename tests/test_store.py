"""The store on a fresh database per test: SQLite always, PostgreSQL when
HABEAS_TEST_DATABASE_URL is set (each test in its own schema, dropped afterwards)."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select

from habeas.errors import StoreError
from habeas.model import Document, EventRecord, Extraction, PersonRecord, Span, Statistic
from habeas.resolve.article import save_extraction
from habeas.store import (
    Article,
    Base,
    Claim,
    Event,
    EventPerson,
    EventSource,
    Mention,
    Person,
    PersonAlias,
    StatisticRow,
    add_article,
    count_articles,
    current_revision,
    export_persons,
    export_rows,
    find_persons,
    head_revision,
    list_events,
    list_persons,
    make_engine,
    make_sessionmaker,
    mark_failed,
    migrate,
    pending_articles,
    person_dossier,
    unit_of_work,
)
from habeas.store.persons import add_alias
from habeas.store.search_index import is_index_table, modelled

PG_URL = os.environ.get("HABEAS_TEST_DATABASE_URL")
FACT_TABLES = (Person, PersonAlias, Mention, Event, EventPerson, EventSource, Claim, StatisticRow)
VERSIONS = {"habeas_persons": "habeas.persons.v1", "habeas_attributes": "habeas.attributes.v2",
            "habeas_events": "habeas.events.v3"}

TEXT_1 = (
    "Akhtem Chiygoz and Ilmi Umerov were released on Oct. 25, 2017 and flown to Ankara. "
    "Chiygoz, 52, was sentenced by a Russian court in September 2017 to eight years in prison "
    "for organizing protests. "
    "Umerov, 60, was not arrested in 2016, according to Crimea-SOS. "
    "At least 355 human rights violations were documented in Crimea, human rights groups said."
)
TEXT_2 = (
    "Chyigoz was detained in January 2015. Chiygoz, 53, went on hunger strike in prison."
)


def span(text: str, fragment: str) -> Span:
    """The span of ``fragment`` in ``text``; "Chiygoz, 52" gives just "Chiygoz" there."""
    start = text.index(fragment)
    word = fragment.split(",")[0] if fragment[-1].isdigit() else fragment
    return Span(start=start, end=start + len(word), text=word)


def sentence(text: str, first_words: str) -> Span:
    start = text.index(first_words)
    end = text.index(". ", start) + 1 if ". " in text[start:] else len(text)
    return Span(start=start, end=end, text=text[start:end])


def extraction_1() -> Extraction:
    t = TEXT_1
    chiygoz = PersonRecord(
        id="p1", name="Akhtem Chiygoz", aliases=["Chiygoz", "Chyigoz"], age=52, gender="male",
        groups=["Crimean Tatars"], affiliations=["Mejlis"], roles=["deputy head of the Mejlis"],
        mentions=[span(t, "Akhtem Chiygoz"), span(t, "Chiygoz, 52")],
        evidence={"age": span(t, "Chiygoz, 52,")},
    )
    umerov = PersonRecord(id="p2", name="Ilmi Umerov", aliases=["Umerov"], age=60,
                          roles=["deputy head of the Mejlis"],
                          mentions=[span(t, "Ilmi Umerov"), span(t, "Umerov, 60")])
    release = EventRecord(
        type="release", persons=["p1", "p2"], date="2017-10-25", place="Ankara",
        release_mode="negotiated", sources=[sentence(t, "Akhtem Chiygoz and")],
        evidence=sentence(t, "Akhtem Chiygoz and").text,
    )
    sentenced = EventRecord(
        type="sentence", persons=["p1"], date="2017-09", place="Crimea", agent="a Russian court",
        charge="organizing protests", term_months=96, sources=[sentence(t, "Chiygoz, 52")],
        evidence=sentence(t, "Chiygoz, 52").text,
    )
    not_arrested = EventRecord(  # evidence only: the store must locate it in the text
        type="arrest", persons=["p2"], date="2016", negated=True, attributed_to="Crimea-SOS",
        evidence="Umerov, 60, was not arrested in 2016, according to Crimea-SOS.",
    )
    statistic = Statistic(what="human rights violations documented in Crimea", value=355,
                          qualifier="at least", attributed_to="human rights groups",
                          evidence=sentence(t, "At least 355"))
    return Extraction(document={"title": "Freed"}, persons=[chiygoz, umerov],
                      events=[release, sentenced, not_arrested], statistics=[statistic],
                      versions=dict(VERSIONS))


def extraction_2() -> Extraction:
    t = TEXT_2
    chiygoz = PersonRecord(id="p1", name="Chiygoz", aliases=["Chyigoz"], age=53,
                           mentions=[span(t, "Chyigoz"), span(t, "Chiygoz")],
                           evidence={"age": span(t, "Chiygoz, 53,")})
    arrest = EventRecord(type="arrest", persons=["p1"], date="2015-01",
                         sources=[sentence(t, "Chyigoz was")])
    strike = EventRecord(type="hunger_strike", persons=["p1"], sources=[sentence(t, "Chiygoz, 53")])
    return Extraction(document={}, persons=[chiygoz], events=[arrest, strike],
                      versions={"habeas_events": "habeas.events.v3"})


DOC_1 = Document(text=TEXT_1, source="kp.html", title="Chiygoz and Umerov freed",
                 outlet="Kyiv Post", url="https://example.org/kp", published="2017-10-26")
DOC_2 = Document(text=TEXT_2, source="rferl.html", title="Chiygoz detained",
                 outlet="RFE/RL", published="2015-01-27")


# ----------------------------------------------------------------------------- fixtures

@pytest.fixture(params=[
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(
        not PG_URL, reason="set HABEAS_TEST_DATABASE_URL to run the store tests on PostgreSQL")),
])
def engine(request, tmp_path):
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'habeas.db'}")
        try:
            migrate(engine)
            yield engine
        finally:
            engine.dispose()
        return
    schema = f"habeas_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        migrate(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def sessions(engine):
    return make_sessionmaker(engine)


def counts(session) -> dict[str, int]:
    return {m.__tablename__: session.scalar(select(func.count()).select_from(m))
            for m in (Article, *FACT_TABLES)}


def ingest(sessions, document: Document, extraction: Extraction) -> dict[str, int]:
    with unit_of_work(sessions) as session:
        article, _ = add_article(session=session, document=document)
        return save_extraction(session=session, article=article, extraction=extraction)


def person_named(session, name: str) -> Person:
    return session.scalars(select(Person).where(Person.name == name)).one()


# ----------------------------------------------------------------------------- schema

def test_migrations_create_every_table_matching_the_models(engine):
    tables = {t for t in inspect(engine).get_table_names() if not is_index_table(t)}
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    assert current_revision(engine) == head_revision()  # every branch head applied
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": modelled})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert migrate(engine) == head_revision()  # a second run changes nothing
    if engine.dialect.name == "sqlite":  # switched off for the migration, back on after
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_store_at_every_head_is_known_without_alembic(engine):
    """``migrate`` skips Alembic for a store at every head (the writer's start): the heads read
    from the scripts are Alembic's, and a store behind them still runs the migrations."""
    from habeas.store.db import script_heads

    assert ",".join(sorted(script_heads())) == head_revision()
    from habeas.store.name_forms import drop_statements

    with engine.begin() as connection:  # the store as 0009 left it
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0009_lean_indexes' "
                                   "WHERE version_num = '0010_name_forms'")
        for statement in drop_statements(engine.dialect.name):
            connection.exec_driver_sql(statement)
        for table in ("name_surnames", "surname_forms", "name_form_queue"):
            connection.exec_driver_sql(f"DROP TABLE {table}")
    assert current_revision(engine) != head_revision()
    assert migrate(engine) == head_revision()
    assert {"name_surnames", "surname_forms", "name_form_queue"} <= set(
        inspect(engine).get_table_names())


def test_migration_0009_makes_two_indexes_lean_and_keeps_every_row(database_url):
    """A store of the previous head (0008) upgraded: ``ix_person_keys_person_id`` gone (the
    unique index of (person_id, key) answers by person), ``ix_claims_supersedes_id`` of the
    replaced claims alone; every row kept; the lookups by person and by replaced claim, and a
    claim's deletion (its foreign key), answer as before. Down and up again (SQLite and
    PostgreSQL)."""
    from alembic import command

    from habeas.store.db import alembic_config

    engine = make_engine(database_url)

    def indexes(table: str) -> dict[str, str | None]:
        found = inspect(engine).get_indexes(table)
        where = [(i.get("dialect_options") or {}).get(f"{engine.dialect.name}_where")
                 for i in found]
        return {i["name"]: None if w is None else str(w) for i, w in zip(found, where)}

    def answers() -> tuple:
        with engine.connect() as connection:
            return (connection.exec_driver_sql(
                        "SELECT key FROM person_keys WHERE person_id = 1 ORDER BY key").all(),
                    connection.exec_driver_sql(
                        "SELECT id FROM claims WHERE supersedes_id = 1").all(),
                    connection.exec_driver_sql(
                        "SELECT id FROM claims WHERE supersedes_id IS NOT NULL").all(),
                    connection.exec_driver_sql("SELECT count(*) FROM claims").scalar())

    try:
        migrate(engine, revision="0008_event_tally")  # the two heads before 0009
        migrate(engine, revision="0004_claim_rules")
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO persons (id, name, key, created_at) VALUES "
                "(1, 'Greta Holm', 'greta holm', '2025-01-01'), "
                "(2, 'Ivo Holm', 'ivo holm', '2025-01-01')")
            connection.exec_driver_sql(
                "INSERT INTO person_keys (person_id, key) VALUES (1, 'holm'), (1, 'g holm'), "
                "(2, 'holm')")
            connection.exec_driver_sql(
                "INSERT INTO claims (id, subject_type, subject_id, field, value, status, "
                "created_at, supersedes_id) VALUES "
                "(1, 'person', 1, 'age', '30', 'proposed', '2025-01-01', NULL), "
                "(2, 'person', 1, 'age', '31', 'edited', '2025-01-01', 1), "
                "(3, 'person', 2, 'age', '40', 'proposed', '2025-01-01', NULL)")
        before = answers()
        assert "ix_person_keys_person_id" in indexes("person_keys")
        assert indexes("claims")["ix_claims_supersedes_id"] is None
        migrate(engine)
        assert "ix_person_keys_person_id" not in indexes("person_keys")
        assert "supersedes_id IS NOT NULL" in indexes("claims")["ix_claims_supersedes_id"]
        assert answers() == before == ([("g holm",), ("holm",)], [(2,)], [(2,)], 3)
        if engine.dialect.name == "sqlite":  # the lookups read the partial index
            with engine.connect() as connection:
                plan = " ".join(r[-1] for r in connection.exec_driver_sql(
                    "EXPLAIN QUERY PLAN SELECT id FROM claims WHERE supersedes_id = 1"))
            assert "ix_claims_supersedes_id" in plan
        with engine.begin() as connection:  # ON DELETE SET NULL through the partial index
            connection.exec_driver_sql("DELETE FROM claims WHERE id = 1")
            assert connection.exec_driver_sql(
                "SELECT supersedes_id FROM claims WHERE id = 2").scalar() is None
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0008_event_tally")
        assert "ix_person_keys_person_id" in indexes("person_keys")
        assert indexes("claims")["ix_claims_supersedes_id"] is None
        migrate(engine)
        assert "ix_person_keys_person_id" not in indexes("person_keys")
    finally:
        engine.dispose()


def test_upgrading_keeps_aliases_and_allows_two_spellings_of_one_key(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        migrate(engine, revision="0002_resolution")  # a store from before 0003
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO persons (name, key, created_at) VALUES "
                "('Akhtem Chiygoz', 'akhtem chiygoz', '2025-01-01')")
            connection.exec_driver_sql(
                "INSERT INTO person_aliases (person_id, alias, key) VALUES "
                "(1, 'Ахтем Чийгоз', 'akhtem chiigoz')")
        migrate(engine)
        with make_sessionmaker(engine)() as session:
            person = session.get(Person, 1)
            assert add_alias(session, person, "Akhtem Chiigoz") is not None  # same key
            assert add_alias(session, person, "akhtem chiigoz") is None  # same spelling
            session.commit()
            assert [a.alias for a in person.aliases] == ["Ахтем Чийгоз", "Akhtem Chiigoz"]
    finally:
        engine.dispose()


def test_sqlite_pragmas_and_folder(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'a' / 'b' / 'h.db'}")
    try:
        with engine.connect() as connection:
            values = [connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in (
                "journal_mode", "foreign_keys", "synchronous", "busy_timeout")]
        assert values == ["wal", 1, 1, 10_000]
        assert (tmp_path / "a" / "b").is_dir()
    finally:
        engine.dispose()


def test_unreachable_database_is_one_line_store_error_without_password():
    engine = make_engine("postgresql+psycopg://habeas:s3cret@127.0.0.1:1/nowhere",
                         connect_args={"connect_timeout": 2})
    with pytest.raises(StoreError) as caught:
        migrate(engine)
    message = str(caught.value)
    assert message.startswith("[E002] The store failed: cannot connect to the database "
                              "postgresql+psycopg://habeas:***@127.0.0.1:1/nowhere")
    assert "s3cret" not in message and "\n" not in message


def test_sqlite_folder_that_cannot_be_made_is_store_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        make_engine(f"sqlite:///{tmp_path / 'file' / 'sub' / 'h.db'}")


# ----------------------------------------------------------------------------- articles

def test_add_article_is_idempotent_by_content_hash(sessions):
    with unit_of_work(sessions) as session:
        first, created = add_article(session=session, document=DOC_1)
        assert created and first.status == "pending" and first.outlet == "Kyiv Post"
    again = Document(text=TEXT_1 + "\n\n", source="copy.html", title="Another title")
    with unit_of_work(sessions) as session:
        second, created = add_article(session=session, document=again)
        assert not created and second.id == first.id
        assert second.title == "Chiygoz and Umerov freed" and second.source == "kp.html"
        assert counts(session)["articles"] == 1
        assert second.ingested_at.tzinfo is not None
        assert second.ingested_at.utcoffset() == dt.timedelta(0)


def test_pending_count_and_mark_failed(sessions):
    with unit_of_work(sessions) as session:
        a, _ = add_article(session=session, document=DOC_1)
        b, _ = add_article(session=session, document=DOC_2)
    with unit_of_work(sessions) as session:
        assert [x.id for x in pending_articles(session=session)] == [a.id, b.id]
        assert [x.id for x in pending_articles(session=session, limit=1)] == [a.id]
        mark_failed(session=session, article=session.get(Article, b.id), error="E004 no model")
    with unit_of_work(sessions) as session:
        assert count_articles(session=session) == {"pending": 1, "extracted": 0, "failed": 1}
        assert session.get(Article, b.id).error == "E004 no model"


# ----------------------------------------------------------------------------- extraction

def test_save_extraction_writes_rows_and_claims(sessions):
    result = ingest(sessions, DOC_1, extraction_1())
    assert result == {"persons_new": 2, "persons_matched": 0, "events": 3, "claims": 29,
                      "statistics": 1}
    with unit_of_work(sessions) as session:
        assert counts(session) == {
            "articles": 1, "persons": 2, "person_aliases": 3, "mentions": 4, "events": 3,
            "event_persons": 4, "event_sources": 3, "claims": 29, "statistics": 1}
        article = session.scalars(select(Article)).one()
        assert article.status == "extracted" and article.extracted_at is not None
        assert article.extractor == (
            '{"habeas_attributes": "habeas.attributes.v2", "habeas_events": "habeas.events.v3", '
            '"habeas_persons": "habeas.persons.v1"}')
        chiygoz = person_named(session, "Akhtem Chiygoz")
        assert chiygoz.key == "akhtem chiygoz"
        assert [(a.alias, a.key) for a in chiygoz.aliases] == [
            ("Chiygoz", "chiygoz"), ("Chyigoz", "chyigoz")]
        claims = session.scalars(select(Claim).where(
            Claim.subject_type == "person", Claim.subject_id == chiygoz.id).order_by(Claim.id))
        assert [(c.field, c.value) for c in claims] == [
            ("age", 52), ("gender", "male"), ("groups", "Crimean Tatars"),
            ("affiliations", "Mejlis"), ("roles", "deputy head of the Mejlis")]
        age = session.scalars(select(Claim).where(Claim.field == "age",
                                                  Claim.subject_id == chiygoz.id)).one()
        assert (age.sentence, TEXT_1[age.start_char:age.end_char]) == ("Chiygoz, 52,",) * 2
        assert (age.extractor, age.extractor_version, age.status) == (
            "habeas_attributes", "habeas.attributes.v2", "proposed")

        sentenced = session.scalars(select(Event).where(Event.type == "sentence")).one()
        assert (sentenced.date, sentenced.date_precision, sentenced.term_months) == (
            "2017-09", "month", 96)
        fields = {c.field: c for c in session.scalars(select(Claim).where(
            Claim.subject_type == "event", Claim.subject_id == sentenced.id))}
        assert sorted(fields) == ["agent", "charge", "date", "hedged", "negated", "persons",
                                  "place", "term_months", "type"]
        assert fields["persons"].value == [chiygoz.id]
        assert fields["term_months"].value == 96 and fields["negated"].value is False
        assert fields["charge"].extractor_version == "habeas.events.v3"
        assert fields["charge"].sentence.startswith("Chiygoz, 52, was sentenced")

        arrest = session.scalars(select(Event).where(Event.type == "arrest")).one()
        assert (arrest.negated, arrest.date_precision, arrest.attributed_to) == (
            True, "year", "Crimea-SOS")
        source = session.scalars(select(EventSource).where(EventSource.event_id == arrest.id)).one()
        assert TEXT_1[source.start_char:source.end_char] == source.sentence
        attributed = session.scalars(select(Claim.attributed_to).where(
            Claim.subject_type == "event", Claim.subject_id == arrest.id)).all()
        assert set(attributed) == {"Crimea-SOS"}

        release = session.scalars(select(Event).where(Event.type == "release")).one()
        assert sorted(session.scalars(select(EventPerson.person_id).where(
            EventPerson.event_id == release.id))) == sorted(
            [chiygoz.id, person_named(session, "Ilmi Umerov").id])
        statistic = session.scalars(select(StatisticRow)).one()
        assert (statistic.value, statistic.qualifier, statistic.attributed_to) == (
            355, "at least", "human rights groups")
        assert {m.person_id for m in session.scalars(select(Mention))} == {
            chiygoz.id, person_named(session, "Ilmi Umerov").id}


def test_reextraction_replaces_facts(sessions):
    ingest(sessions, DOC_1, extraction_1())
    with unit_of_work(sessions) as session:
        before = counts(session)
        old_ids = [set(session.scalars(select(m.id))) for m in (Person, Event, Claim)]
    with unit_of_work(sessions) as session:
        article = session.scalars(select(Article)).one()
        again = save_extraction(session=session, article=article, extraction=extraction_1())
    assert again == {"persons_new": 2, "persons_matched": 0, "events": 3, "claims": 29,
                     "statistics": 1}
    with unit_of_work(sessions) as session:
        assert counts(session) == before
        assert sorted(session.scalars(select(Person.name))) == ["Akhtem Chiygoz", "Ilmi Umerov"]
        new_ids = [set(session.scalars(select(m.id))) for m in (Person, Event, Claim)]
        assert not any(old & new for old, new in zip(old_ids, new_ids))  # ids are never reused

    smaller = extraction_1()
    smaller.persons, smaller.events, smaller.statistics = smaller.persons[:1], [], []
    with unit_of_work(sessions) as session:
        article = session.scalars(select(Article)).one()
        save_extraction(session=session, article=article, extraction=smaller)
    with unit_of_work(sessions) as session:
        assert counts(session) == {
            "articles": 1, "persons": 1, "person_aliases": 2, "mentions": 2, "events": 0,
            "event_persons": 0, "event_sources": 0, "claims": 5, "statistics": 0}


def test_surname_only_resolves_to_the_one_person_with_that_surname(sessions):
    ingest(sessions, DOC_1, extraction_1())
    result = ingest(sessions, DOC_2, extraction_2())
    assert (result["persons_new"], result["persons_matched"]) == (0, 1)
    with unit_of_work(sessions) as session:
        chiygoz = person_named(session, "Akhtem Chiygoz")
        assert session.scalar(select(func.count()).select_from(Person)) == 2
        article_2 = session.scalars(select(Article).where(Article.outlet == "RFE/RL")).one()
        mentions = session.scalars(select(Mention).where(Mention.article_id == article_2.id))
        assert {m.person_id for m in mentions} == {chiygoz.id}
        assert [p.name for p in find_persons(session=session, name="chiygöz")] == [
            "Akhtem Chiygoz"]
        assert [p.name for p in find_persons(session=session, name="umer")] == ["Ilmi Umerov"]

    # Two persons named Chiygoz: a surname alone no longer says which, so it is a new person.
    elmira = Document(text="Elmira Chiygoz spoke to reporters.", source="x.txt")
    ingest(sessions, elmira, Extraction(document={}, persons=[
        PersonRecord(id="p1", name="Elmira Chiygoz")]))
    third = ingest(sessions, Document(text="Chiygoz was searched.", source="y.txt"),
                   Extraction(document={}, persons=[PersonRecord(id="p1", name="Chiygoz")]))
    assert (third["persons_new"], third["persons_matched"]) == (1, 0)
    with unit_of_work(sessions) as session:
        assert sorted(p.name for p in find_persons(session=session, name="Chiygoz")) == [
            "Akhtem Chiygoz", "Chiygoz"]


def test_failure_mid_article_leaves_no_partial_rows(sessions):
    with pytest.raises(RuntimeError, match="worker died"):
        with sessions() as session, session.begin():
            article, _ = add_article(session=session, document=DOC_1)
            save_extraction(session=session, article=article, extraction=extraction_1())
            assert counts(session)["claims"] == 29
            raise RuntimeError("worker died")
    bad = extraction_1()
    bad.events.append(EventRecord(type="trial", persons=["p9"]))
    with pytest.raises(StoreError, match="unknown person id 'p9'"):
        ingest(sessions, DOC_1, bad)
    with unit_of_work(sessions) as session:
        assert set(counts(session).values()) == {0}


# ----------------------------------------------------------------------------- queries

def test_person_dossier_has_sorted_timeline_and_sources(sessions):
    ingest(sessions, DOC_1, extraction_1())
    ingest(sessions, DOC_2, extraction_2())
    with unit_of_work(sessions) as session:
        dossier = person_dossier(session=session, person=person_named(session, "Akhtem Chiygoz"))
    assert dossier["name"] == "Akhtem Chiygoz" and dossier["aliases"] == ["Chiygoz", "Chyigoz"]
    assert [(e["date"], e["type"]) for e in dossier["timeline"]] == [
        ("2015-01", "arrest"), ("2017-09", "sentence"), ("2017-10-25", "release"),
        (None, "hunger_strike")]
    release = dossier["timeline"][2]
    assert release["persons"] == ["Akhtem Chiygoz", "Ilmi Umerov"]
    assert release["release_mode"] == "negotiated"
    [source] = release["sources"]
    assert (source["title"], source["outlet"], source["published"]) == (
        "Chiygoz and Umerov freed", "Kyiv Post", "2017-10-26")
    assert source["sentence"].startswith("Akhtem Chiygoz and Ilmi Umerov were released")
    assert dossier["timeline"][0]["sources"][0]["outlet"] == "RFE/RL"
    ages = dossier["attributes"]["age"]
    assert [a["value"] for a in ages] == [52, 53]  # conflicts shown, not hidden
    assert [(s["outlet"], s["sentence"], s["status"]) for s in ages[1]["sources"]] == [
        ("RFE/RL", "Chiygoz, 53,", "proposed")]
    assert list(dossier["attributes"]) == ["age", "gender", "groups", "affiliations", "roles"]
    assert dossier["articles"] == 2 and dossier["status"] == "released"


def test_list_persons_counts_and_status(sessions):
    ingest(sessions, DOC_1, extraction_1())
    ingest(sessions, DOC_2, extraction_2())
    with unit_of_work(sessions) as session:
        rows = list_persons(session=session)
        assert [(r.name, r.events, r.articles, r.last_event_date, r.last_event_type, r.status)
                for r in rows] == [
            ("Akhtem Chiygoz", 4, 2, "2017-10-25", "release", "released"),
            ("Ilmi Umerov", 2, 1, "2017-10-25", "release", "released")]
        assert rows[0].aliases == ["Chiygoz", "Chyigoz"]
        assert [r.name for r in list_persons(session=session, query="umerov")] == ["Ilmi Umerov"]
        assert list_persons(session=session, status="detained") == []
        assert len(list_persons(session=session, limit=1)) == 1


def test_list_events_filters(sessions):
    ingest(sessions, DOC_1, extraction_1())
    ingest(sessions, DOC_2, extraction_2())
    with unit_of_work(sessions) as session:
        every = list_events(session=session)
        assert [(e.date, e.type) for e in every] == [
            ("2015-01", "arrest"), ("2016", "arrest"), ("2017-09", "sentence"),
            ("2017-10-25", "release"), (None, "hunger_strike")]
        arrests = list_events(session=session, type="arrest")
        assert [(e.date, e.negated, e.persons) for e in arrests] == [
            ("2015-01", False, ["Akhtem Chiygoz"]), ("2016", True, ["Ilmi Umerov"])]
        assert [e.date for e in list_events(session=session, since="2016-06-01")] == [
            "2016", "2017-09", "2017-10-25"]
        assert [e.type for e in list_events(session=session, since=dt.date(2017, 10, 1))] == [
            "release"]
        umerov = person_named(session, "Ilmi Umerov")
        assert [e.type for e in list_events(session=session, person=umerov)] == [
            "arrest", "release"]
        by_name = list_events(session=session, person="Chiygoz", type="release")
        assert [(e.date, e.outlet, e.sources) for e in by_name] == [
            ("2017-10-25", "Kyiv Post", 1)]
        assert list_events(session=session, person="Nobody") == []


def test_export_rows_one_per_event_and_person(sessions):
    ingest(sessions, DOC_1, extraction_1())
    with unit_of_work(sessions) as session:
        rows = export_rows(session=session)
    assert [(r["type"], r["person"]) for r in rows] == [
        ("arrest", "Ilmi Umerov"), ("sentence", "Akhtem Chiygoz"),
        ("release", "Akhtem Chiygoz"), ("release", "Ilmi Umerov")]
    sentence_row = rows[1]
    del sentence_row["event_id"], sentence_row["person_id"]
    assert sentence_row == {
        "person": "Akhtem Chiygoz", "type": "sentence", "date": "2017-09",
        "date_precision": "month", "place": "Crimea", "agent": "a Russian court",
        "charge": "organizing protests", "term_months": 96, "release_mode": None,
        "negated": False, "hedged": False, "attributed_to": None,
        "article_title": "Chiygoz and Umerov freed", "article_outlet": "Kyiv Post",
        "article_url": "https://example.org/kp", "article_published": "2017-10-26",
        "evidence": "Chiygoz, 52, was sentenced by a Russian court in September 2017 to eight "
                    "years in prison for organizing protests.",
    }
    assert rows[0]["negated"] is True and rows[0]["attributed_to"] == "Crimea-SOS"


def test_export_persons_are_dossiers(sessions):
    ingest(sessions, DOC_1, extraction_1())
    with unit_of_work(sessions) as session:
        persons = export_persons(session=session)
    assert [(p["name"], p["aliases"]) for p in persons] == [
        ("Akhtem Chiygoz", ["Chiygoz", "Chyigoz"]), ("Ilmi Umerov", ["Umerov"])]
    umerov = persons[1]
    assert umerov["attributes"]["age"][0]["value"] == 60
    assert [(e["type"], e["negated"]) for e in umerov["timeline"]] == [
        ("arrest", True), ("release", False)]
    assert umerov["timeline"][0]["sources"][0]["sentence"] == (
        "Umerov, 60, was not arrested in 2016, according to Crimea-SOS.")


def test_merged_person_is_shown_within_the_person_it_was_merged_into(sessions):
    ingest(sessions, DOC_1, extraction_1())
    text = "Ahtem Ciygoz was searched in Bakhchysarai in 2014."
    ingest(sessions, Document(text=text, source="z.txt", outlet="Crimea-SOS"), Extraction(
        document={}, persons=[PersonRecord(id="p1", name="Ahtem Ciygoz", aliases=["Ciygoz"])],
        events=[EventRecord(type="search", persons=["p1"], date="2014", place="Bakhchysarai",
                            sources=[Span(start=0, end=len(text), text=text)])]))
    with unit_of_work(sessions) as session:
        person_named(session, "Ahtem Ciygoz").merged_into_id = person_named(
            session, "Akhtem Chiygoz").id
    with unit_of_work(sessions) as session:
        rows = list_persons(session=session)
        assert [(r.name, r.events, r.articles) for r in rows] == [
            ("Akhtem Chiygoz", 3, 2), ("Ilmi Umerov", 2, 1)]
        assert rows[0].aliases == ["Chiygoz", "Chyigoz", "Ahtem Ciygoz", "Ciygoz"]
        [found] = find_persons(session=session, name="Ahtem Ciygoz")
        assert found.name == "Akhtem Chiygoz"
        dossier = person_dossier(session=session, person=person_named(session, "Ahtem Ciygoz"))
        assert dossier["name"] == "Akhtem Chiygoz"
        assert [e["type"] for e in dossier["timeline"]] == ["search", "sentence", "release"]
        assert [e.persons for e in list_events(session=session, type="search")] == [
            ["Akhtem Chiygoz"]]


def test_the_store_never_imports_resolution():
    """Resolution calls the store, never the other way round (issue 11): no module of
    ``habeas.store`` imports ``habeas.resolve``, at its top or inside a function."""
    import ast
    from pathlib import Path

    import habeas.store

    found = []
    for path in sorted(Path(habeas.store.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
                names += [f"{names[0]}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            if any(n.startswith(("..resolve", "habeas.resolve")) for n in names):
                found.append(f"{path.name}:{node.lineno}")
    assert not found, found
    assert len(list(Path(habeas.store.__file__).parent.glob("*.py"))) > 10  # the files were read


# ----------------------------------------------------------------------------- the writer's
# lookups by article (docs/scale.md, sixth round): the same answers as one query at a time

def test_add_articles_stores_in_order_once_per_text(sessions):
    from habeas.store.crud import add_articles

    texts = [f"Report number {n}: a teacher was held overnight in the town of Dolyna." for n in
             range(5)]
    documents = [Document(text=t, source=f"r{n}.txt") for n, t in enumerate(texts)]
    with unit_of_work(sessions) as session:
        add_article(session=session, document=documents[1])
    repeated = [documents[0], documents[1], documents[2],
                Document(text=texts[0] + "\n", source="again.txt"), documents[3]]
    with unit_of_work(sessions) as session:
        assert add_articles(session=session, documents=repeated) == [True, False, True, False,
                                                                     True]
        stored = session.execute(select(Article.id, Article.source).order_by(Article.id)).all()
    assert [s for _, s in stored] == ["r1.txt", "r0.txt", "r2.txt", "r3.txt"]


def test_ingest_in_chunks_counts_each_text_once(tmp_path, monkeypatch):
    from habeas import workspace

    monkeypatch.setattr(workspace, "INGEST_CHUNK", 3)
    habeas = workspace.Habeas(database_url=f"sqlite:///{tmp_path / 'chunks.db'}")
    try:
        texts = [f"A journalist, number {n}, was fined in Kherson for a post." for n in range(7)]
        items = [Document(text=t, source=f"j{n}.txt") for n, t in enumerate(texts)]
        items.insert(4, Document(text=texts[1], source="copy.txt"))
        seen = []
        report = habeas.ingest_documents(items, progress=seen.append)
        assert report.ingested == 7 and report.already == ["copy.txt"] and len(seen) == 8
        with habeas.session() as session, session.begin():
            sources = list(session.scalars(select(Article.source).order_by(Article.id)))
        assert sources == [f"j{n}.txt" for n in range(7)]
    finally:
        habeas.close()


def test_members_at_once_are_member_roots(sessions):
    from habeas.store.persons import member_roots, members_at_once

    with unit_of_work(sessions) as session:
        people = [Person(name=n, key=n.lower()) for n in
                  ("Oleh Marchenko", "O. Marchenko", "Marchenko", "Iryna Danylenko", "Danylenko")]
        session.add_all(people)
        session.flush()
        people[1].merged_into_id = people[0].id
        people[2].merged_into_id = people[1].id  # two levels
        people[4].merged_into_id = people[3].id
        session.flush()
        roots = [people[0].id, people[3].id]
        assert members_at_once(session, roots) == member_roots(session, roots)
        assert members_at_once(session, []) == {}


def test_persons_with_keys_answers_as_the_query(sessions):
    from habeas.store.persons import (
        name_key,
        persons_by_keys,
        persons_keyed,
        persons_with_keys,
    )

    with unit_of_work(sessions) as session:
        first = Person(name="Serhiy Tkach", key="serhiy tkach", aliases=[])
        second = Person(name="Sergei Tkach", key="sergei tkach", aliases=[])
        session.add_all([first, second])
        session.flush()
        add_alias(session, second, "Serhiy Tkach")
        third = Person(name="S. Tkach", key="s tkach", merged_into_id=first.id)
        session.add(third)
        session.flush()
        keys = {"serhiy tkach", "sergei tkach", "s tkach", "nobody here"}
        pool = persons_keyed(session, keys)
        for asked in ({"serhiy tkach"}, {"sergei tkach"}, {"s tkach"}, {"nobody here"}, keys):
            assert persons_with_keys(session, pool, asked) == persons_by_keys(session, asked)
        # a spelling given after the pool was read: the writer adds the person it touched
        add_alias(session, first, "Serge Tkach")
        session.flush()
        asked = {name_key("Serge Tkach")}
        assert persons_with_keys(session, pool, asked) == persons_by_keys(session, asked)


def test_tuples_are_the_rows_sqlalchemy_gives(sessions):
    """``db.tuples`` sends a built-once statement to the driver itself: the same rows as
    SQLAlchemy's execution (``db.rows``) for lists of every length, empty included, a value of
    the statement's own, a value given twice and a JSON column; the engine's listeners see it;
    a driver error is SQLAlchemy's."""
    from sqlalchemy import bindparam, event, exc, or_, text

    from habeas.store.db import rows, tuples

    by_ids = select(Claim.subject_id, Claim.field, Claim.value).where(
        Claim.subject_type == "person", Claim.subject_id.in_(bindparam("ids", expanding=True)),
        Claim.field.in_(("age", "groups", "nationality")),  # a list of the statement's own
        Claim.status != "rejected").order_by(Claim.id)
    twice = select(Person.id, Person.name).where(or_(
        Person.key == bindparam("key"), Person.surname == bindparam("key"),
        Person.id.in_(bindparam("ids", expanding=True)))).order_by(Person.id)
    ingest(sessions, DOC_1, extraction_1())
    ingest(sessions, DOC_2, extraction_2())
    with unit_of_work(sessions) as session:
        ids = sorted(session.scalars(select(Person.id)))
        assert len(ids) >= 2
        for asked in ([], ids[:1], ids, ids * 3):
            found = tuples(session, by_ids, {"ids": asked})
            assert found == [tuple(r) for r in rows(session, by_ids, {"ids": asked})]
            assert all(type(row) is tuple for row in found)
            if asked:
                assert found and any(isinstance(v, (list, int)) for _, _, v in found)
            for key in ("umerov", "nobody"):
                params = {"key": key, "ids": asked[:1]}
                assert tuples(session, twice, params) == \
                    [tuple(r) for r in rows(session, twice, params)]
        seen = []

        def counted(_connection, _cursor, statement, *_):
            seen.append(statement)

        event.listen(session.get_bind(), "before_cursor_execute", counted)
        try:
            tuples(session, by_ids, {"ids": ids})
        finally:
            event.remove(session.get_bind(), "before_cursor_execute", counted)
        assert len(seen) == 1 and "FROM claims" in seen[0]
    broken = select(Person.id).where(Person.id == bindparam("id")).where(
        text("no_such_column = 1"))
    with unit_of_work(sessions) as session:  # a failed statement ends its transaction
        with pytest.raises(exc.DBAPIError) as failed:
            tuples(session, broken, {"id": 1})
        assert not failed.value.connection_invalidated
        session.rollback()
    with sessions() as session:  # a connection lost: invalidated, and the error is transient
        from habeas.store.db import is_transient

        dialect = session.get_bind().dialect
        lost = type(dialect).is_disconnect
        try:
            type(dialect).is_disconnect = lambda *_: True
            with pytest.raises(exc.DBAPIError) as failed:
                tuples(session, broken, {"id": 1})
            assert failed.value.connection_invalidated and is_transient(failed.value)
        finally:
            type(dialect).is_disconnect = lost
        session.rollback()
        assert tuples(session, select(Person.id).where(Person.id == bindparam("id")),
                      {"id": ids[0]}) == [(ids[0],)]  # on a new connection


def test_bulk_rows_set_the_change_mark(sessions):
    """Rows written by ``bulk.insert_rows`` (the driver's cursor, not SQLAlchemy's execution)
    set the store's change mark as SQLAlchemy's statements do."""
    from habeas.store import bulk, changes

    with unit_of_work(sessions) as session:
        article, _ = add_article(session=session, document=DOC_1)
    with unit_of_work(sessions) as session:
        before = changes.mark(session)
    with unit_of_work(sessions) as session:
        assert changes.marked(session)
        bulk.insert_rows(session, Mention.__table__,
                         ("article_id", "label", "text", "start_char", "end_char"),
                         [(article.id, "PERSON", "Umerov", 0, 6)])
        assert not changes.marked(session)  # this transaction has written
    with unit_of_work(sessions) as session:
        assert changes.mark(session) not in ("", before)
        assert session.scalar(select(func.count()).select_from(Mention)) == 1


def test_a_staged_article_is_resolved_as_the_orm_article_is(sessions):
    """``resolve_staged`` reads the staged article as columns (``crud.staged_article``) and
    writes its status in one UPDATE: the same article row and record as ``save_extraction``
    given the ORM article; the facts flag is ``has_facts``."""
    from habeas.resolve.article import has_facts, resolve_staged
    from habeas.store import crud

    def article_row(session, article_id):
        a = session.get(Article, article_id)
        return a.status, a.extractor, a.error, a.extracted_at is not None

    extraction = extraction_1()
    with unit_of_work(sessions) as session:
        staged, _ = add_article(session=session, document=DOC_1)
        other, _ = add_article(session=session, document=DOC_2)
        crud.store_extractions(session=session, extractions={
            staged.id: extraction.to_record()})
    with unit_of_work(sessions) as session:
        found = crud.staged_article(session=session, article_id=staged.id)
        assert (found.id, found.status, found.text, found.published) == (
            staged.id, "pending", DOC_1.text, DOC_1.published)
        assert Extraction.from_record(found.extraction) == Extraction.from_record(
            extraction.to_record())
        assert found.facts is False is has_facts(session, staged.id)
        assert crud.staged_article(session=session, article_id=10_000) is None
        counts, _ = resolve_staged(session=session, article_id=staged.id)
    with unit_of_work(sessions) as session:
        assert crud.staged_article(session=session, article_id=staged.id).facts is True
        by_columns = article_row(session, staged.id)
        record = counts_of(session)
    # the same extraction through the ORM article, on a fresh store's twin: the other article
    with unit_of_work(sessions) as session:
        article = session.get(Article, other.id)
        save_extraction(session=session, article=article, extraction=extraction)
    with unit_of_work(sessions) as session:
        assert article_row(session, other.id) == by_columns
        assert by_columns[0] == "extracted" and by_columns[2] is None and by_columns[3]
        assert "habeas.events.v3" in by_columns[1]
        assert counts["claims"] > 0 and record["claims"] > 0


def counts_of(session) -> dict[str, int]:
    return {m.__tablename__: session.scalar(select(func.count()).select_from(m))
            for m in FACT_TABLES}


def test_json_values_kept_decoded_are_only_those_that_cannot_change():
    """``JSONText`` keeps decoded the short JSON texts of strings, numbers, booleans and null
    (a writer reads the same claim values again and again); a list or dict is decoded afresh
    at each read, so a reader changing one changes no other's."""
    from habeas.store.models import JSONText

    column = JSONText()
    for text, value in (('"arrest"', "arrest"), ("12", 12), ("1.5", 1.5), ("true", True),
                        ("null", None), ('"12"', "12")):
        for _ in range(2):
            got = column.process_result_value(text, None)
            assert got == value and type(got) is type(value)
    first = column.process_result_value('{"persons": [1, 2]}', None)
    first["persons"].append(3)
    assert column.process_result_value('{"persons": [1, 2]}', None) == {"persons": [1, 2]}
    listed = column.process_result_value("[1, 2]", None)
    assert listed is not column.process_result_value("[1, 2]", None)


def test_person_by_id_is_session_get_from_the_identity_map(sessions, monkeypatch):
    """``person_by_id`` answers from the session's identity map (no ``Session.get``) what
    ``Session.get`` would: the person held, a person not loaded yet, one expired, none."""
    from sqlalchemy.orm import Session

    from habeas.store.persons import person_by_id

    ingest(sessions, DOC_1, extraction_1())
    with unit_of_work(sessions) as session:
        ids = sorted(session.scalars(select(Person.id)))
        held = session.scalars(select(Person).where(Person.id == ids[0])).one()
        asked = []
        get = Session.get
        monkeypatch.setattr(Session, "get", lambda self, *a, **k: asked.append(a) or
                            get(self, *a, **k))
        assert person_by_id(session, ids[0]) is held and not asked  # from the identity map
        for pid in ids:
            assert person_by_id(session, pid) is get(session, Person, pid)
        session.expire(held)
        assert person_by_id(session, ids[0]) is held and asked  # expired: Session.get
        assert held.name  # loaded again
        assert person_by_id(session, 10_000) is None
