"""Search on both backends: PostgreSQL answers through its tsvector and GIN index and finds
what SQLite's FTS5 finds, accents and case folded; and the person search's subjects (persons
events happened to, merges followed) are those ``subject_ids`` names."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import uuid

import pytest
import sqlalchemy as sa

from habeas.store.models import Article, Event, EventPerson, Person
from habeas.store.queries import subject_ids
from habeas.store.search_index import match, sync_index
from habeas.web.search import SearchFilters, search_events, search_persons, search_reports
from habeas.workspace import Habeas

from conftest import ROOT

REPORTS = 300
# Typed as a user would: without accents, in another case, two words, a prefix, Cyrillic.
QUERIES = ["erdogan", "Erdoğan", "ERDOGAN", "celebi", "Çelebi", "umerov sevastopol",
           "yesil", "zekiye asanov", "Rostov", "hizb", "Чийгоз", "Чийгоза", "walesa",
           "nobody-here", "sentence", '"Erdoğan', "NEAR(celebi)", "ŉ & | ! (report) :*"]
# Reports beyond the synthetic ones: Cyrillic, and Latin letters FTS5 keeps as they are.
EXTRA = ["Ахтем Чийгоз задержан в Симферополе.", "Lech Wałęsa spoke for Çelebi in court."]


def load_bench():
    """bench/web.py, whose filler writes synthetic reports straight into the tables."""
    spec = importlib.util.spec_from_file_location("bench_web", ROOT / "bench" / "web.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fill(url: str) -> Habeas:
    habeas = Habeas(database_url=url)
    load_bench().fill(habeas, REPORTS)
    now = dt.datetime.now(dt.timezone.utc)
    with habeas.engine.begin() as connection:
        connection.execute(sa.insert(Article.__table__), [
            {"id": REPORTS + 1 + n, "content_hash": f"extra-{n}", "title": None,
             "published": "2020-01-01", "language": "ru" if n == 0 else "en", "text": text,
             "source": f"extra:{n}", "ingested_at": now, "status": "extracted"}
            for n, text in enumerate(EXTRA)])
    with habeas.session() as session:
        sync_index(session)
    return habeas


@pytest.fixture
def backends(tmp_path):
    base = os.environ.get("HABEAS_TEST_DATABASE_URL")
    if not base:
        pytest.skip("HABEAS_TEST_DATABASE_URL is not set: the PostgreSQL search is not compared")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    stores = {"sqlite": fill(f"sqlite:///{tmp_path / 'search.db'}"),
              "postgresql": fill(f"{base}{separator}options=-csearch_path%3D{schema}")}
    yield stores
    for habeas in stores.values():
        habeas.close()
    with admin.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def found(habeas: Habeas, query: str) -> dict:
    with habeas.session() as session:
        reports, n_reports = search_reports(session=session, query=query,
                                            filters=SearchFilters(), limit=500, offset=0)
        events, n_events = search_events(session=session, query=query,
                                         filters=SearchFilters(), limit=500, offset=0)
    return {"reports": [r["id"] for r in reports], "report_total": n_reports,
            "events": [e["event_id"] for e in events], "event_total": n_events}


def test_postgresql_finds_what_sqlite_finds(backends):
    for query in QUERIES:
        on_sqlite, on_postgres = (found(backends[b], query) for b in ("sqlite", "postgresql"))
        assert on_postgres == on_sqlite, query
    # the queries do find things: accents and case folded, words as prefixes, Cyrillic kept
    hits = found(backends["postgresql"], "ERDOGAN")
    assert hits["report_total"] == len(hits["reports"]) > 10
    assert found(backends["postgresql"], "Çelebi")["reports"][0] == REPORTS + 2
    assert found(backends["postgresql"], "Чийгоз")["reports"] == [REPORTS + 1]
    assert found(backends["postgresql"], "nobody-here")["report_total"] == 0


def test_postgresql_search_goes_through_the_gin_index(backends):
    habeas = backends["postgresql"]
    with habeas.session() as session, session.begin():
        session.execute(sa.text("SET LOCAL enable_seqscan = off"))  # a small table: be sure
        for table in ("search_articles", "search_events"):
            sql, params = match(session, table, "Erdoğan sevastopol")
            plan = "\n".join(r[0] for r in session.execute(sa.text(f"EXPLAIN {sql}"), params))
            assert f"Bitmap Index Scan on ix_{table}_tsv" in plan, plan


def test_subjects_of_the_person_search_follow_merges(tmp_path):
    """A person events happened to only through persons merged into it, two levels down, is a
    subject; one with no events at all is a speaker; the search orders subjects first."""
    habeas = Habeas(database_url=f"sqlite:///{tmp_path / 'merged.db'}")
    now = dt.datetime.now(dt.timezone.utc)
    with habeas.session(write=True) as session, session.begin():
        names = ["Enver Ametov", "Enver Ametoff", "Enver A. Ametov", "Enver Amet"]
        people = [Person(name=n, key=n.lower(), created_at=now) for n in names]
        session.add_all(people)
        article = Article(content_hash="m", text="Enver Ametov was held.", source="m.txt",
                          ingested_at=now, status="extracted")
        session.add(article)
        session.flush()
        event = Event(type="arrest", article_id=article.id, negated=False, hedged=False,
                      created_at=now)
        session.add(event)
        session.flush()
        session.add(EventPerson(event_id=event.id, person_id=people[0].id))
        people[0].merged_into_id = people[1].id  # 0 -> 1 -> 2: the events reach 2
        people[1].merged_into_id = people[2].id
    with habeas.session() as session:
        rows, total = search_persons(session=session, query="enver", status=None, limit=10,
                                     offset=0)
        assert total == 2
        assert [(r["name"], r["role"]) for r in rows] == [("Enver A. Ametov", "subject"),
                                                         ("Enver Amet", "speaker")]
        assert {r["id"] for r in rows if r["role"] == "subject"} == subject_ids(session)
        subjects, _ = search_persons(session=session, query="", status=None, limit=10,
                                     offset=0, role="subject")
        assert [r["name"] for r in subjects] == ["Enver A. Ametov"]
    habeas.close()


def test_odd_queries_are_words_not_syntax(tmp_path):
    """Quotes, operators and letters that fold to punctuation are searched as the words they
    contain (FTS5 MATCH and to_tsquery never see them as syntax)."""
    habeas = fill(f"sqlite:///{tmp_path / 'odd.db'}")
    try:
        for odd, plain in [('"Erdoğan', "erdogan"), ("NEAR(celebi)", "near celebi"),
                           ("ŉ & | ! (report) :*", "n report"), ("erdogan' OR 1", "erdogan or 1")]:
            assert found(habeas, odd) == found(habeas, plain), odd
        assert found(habeas, '"Erdoğan')["report_total"] > 0
    finally:
        habeas.close()
