"""Search in Russian: inflected forms of a word find each other ("Чийгоз" finds "Чийгоза" and
the other way round) on SQLite (FTS5) and on PostgreSQL, through the Snowball stems the index
holds beside every Cyrillic word; and those stems are the ones of PostgreSQL's ``russian``
text search configuration."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from habeas.model import Document
from habeas.store import add_article
from habeas.store.search_index import stem_term, stemmed, sync_index
from habeas.web.search import search, snippet
from habeas.workspace import Habeas

REPORTS = {
    "ru": "Суд в Симферополе арестовал Ахтема Чийгоза, заместителя председателя Меджлиса.",
    "en": "Akhtem Chiygoz, deputy head of the Mejlis, was released on October 25, 2017.",
}


@pytest.fixture
def store(database_url):
    habeas = Habeas(database_url=database_url)
    with habeas.session() as session, session.begin():
        for name, text in REPORTS.items():
            add_article(session=session, document=Document(text=text, source=f"{name}.txt",
                                                           title=name))
    with habeas.session() as session:
        sync_index(session)
    yield habeas
    habeas.close()


def titles(habeas, query):
    with habeas.session() as session:
        found = search(session=session, query=query, kinds=("reports",))
    return sorted(r["title"] for r in found.reports)


def test_inflected_forms_find_each_other(store):
    assert titles(store, "Чийгоз") == ["ru"]
    assert titles(store, "Чийгозу") == ["ru"]        # a form the report does not use
    assert titles(store, "председатель Меджлис") == ["ru"]
    assert titles(store, "арестованный") == ["ru"]   # "арестовал": one stem
    assert titles(store, "Chiygoz") == ["en"]        # Latin words as before
    assert titles(store, "Чийгозом Симферополь") == ["ru"]
    assert titles(store, "Чийгоз Анкара") == []      # every word must match


def test_the_snippet_marks_an_inflected_form():
    pieces = snippet(REPORTS["ru"], "Чийгозу")
    assert ("Чийгоза", True) in pieces


def test_stems_are_added_once_beside_the_words():
    assert stem_term("Чийгоза") == stem_term("Чийгозу") == "чийгоз"
    assert stem_term("Chiygoz") == "Chiygoz"
    text = stemmed("Ахтема Чийгоза и Чийгозу")
    assert text.startswith("Ахтема Чийгоза и Чийгозу ") and text.split().count("чийгоз") == 1


def test_the_stems_are_postgresqls_russian_configuration():
    url = os.environ.get("HABEAS_TEST_DATABASE_URL")
    if not url:
        pytest.skip("HABEAS_TEST_DATABASE_URL is not set: PostgreSQL tests skipped")
    words = ["Чийгоза", "задержали", "приговорён", "политзаключённых", "Симферополе",
             "помилования", "этапировали"]
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            lexemes = [connection.execute(sa.text("SELECT ts_lexize('russian_stem', :w)"),
                                          {"w": w.lower()}).scalar()[0] for w in words]
            vector = connection.execute(sa.text(
                "SELECT to_tsvector('russian', :t) @@ plainto_tsquery('russian', :q)"),
                {"t": stemmed(REPORTS["ru"]), "q": "Чийгозу"}).scalar()
    finally:
        engine.dispose()
    assert lexemes == [stem_term(w) for w in words]
    assert vector  # the indexed text, read with the russian configuration, finds a new form
