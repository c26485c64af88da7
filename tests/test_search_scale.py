"""The search at scale: SQLite's trigram index of name keys stays exact through every kind of
change to persons and aliases, comes back when a store lacks it, and the capped totals of
reports and events choose a plan without changing what a page shows."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from habeas.store import search_index
from habeas.store.models import Person, PersonAlias
from habeas.store.search_index import NAMES, name_owners, names_ready, sync_index
from habeas.web import search as search_mod
from habeas.web.search import SearchFilters, search, search_events, search_reports
from habeas.workspace import Habeas

from test_web_fixtures import client, web  # noqa: F401  (the web app fixtures)
from test_web_search_backends import backends, fill  # noqa: F401  (the two-store fixture)

FRAGMENTS = ["chiy", "chiygoz", "akhtem chiy", "oglu", "mustafa", "vaa", "zz", "ay"]


def owners_by_like(session, fragment: str) -> set[int]:
    """The persons a name or alias key of which contains ``fragment``, read row by row."""
    like = f"%{fragment}%"
    return set(session.scalars(sa.union(
        sa.select(Person.id).where(Person.key.like(like)),
        sa.select(PersonAlias.person_id).where(PersonAlias.key.like(like)))))


def owners_by_index(session, fragment: str) -> set[int]:
    return set(session.scalars(sa.select(sa.literal_column("*")).select_from(
        name_owners(session, fragment).subquery())))


def same_as_like(habeas: Habeas) -> None:
    with habeas.session() as session:
        assert set(NAMES) <= search_index.present(session)
        for fragment in FRAGMENTS:
            assert owners_by_index(session, fragment) == owners_by_like(session, fragment), \
                fragment


@pytest.fixture
def store(tmp_path):
    habeas = Habeas(database_url=f"sqlite:///{tmp_path / 'names.db'}")
    habeas.index()  # creates the index, its triggers, fills it (nothing yet)
    yield habeas
    habeas.close()


def add_person(session, name: str, *aliases: str) -> Person:
    person = Person(name=name, key=name.lower(), created_at=dt.datetime.now(dt.timezone.utc))
    session.add(person)
    session.flush()
    for alias in aliases:
        session.add(PersonAlias(person_id=person.id, alias=alias, key=alias.lower()))
    session.flush()
    return person


def test_the_name_index_follows_every_change(store):
    with store.session(write=True) as session, session.begin():
        akhtem = add_person(session, "Akhtem Chiygoz", "Akhtem Chiygoz", "Chiygoz")
        nariman = add_person(session, "Nariman Dzhelyal", "Dzhelyal")
        add_person(session, "Server Mustafayev")
    same_as_like(store)
    with store.session() as session:
        assert owners_by_index(session, "chiygoz") == {akhtem.id}
    with store.session(write=True) as session, session.begin():  # a rename
        session.get(Person, nariman.id).key = "nariman chiygozoglu"
    same_as_like(store)
    with store.session(write=True) as session, session.begin():  # an alias moves (a merge)
        alias = session.scalar(sa.select(PersonAlias).where(PersonAlias.key == "chiygoz"))
        alias.person_id = nariman.id
        session.get(Person, akhtem.id).merged_into_id = nariman.id
    same_as_like(store)
    with store.session(write=True) as session, session.begin():  # deletions
        session.execute(sa.delete(PersonAlias).where(PersonAlias.person_id == akhtem.id))
        session.execute(sa.delete(Person).where(Person.id == akhtem.id))
    same_as_like(store)
    with store.session() as session:
        assert owners_by_index(session, "akhtem chiy") == set()
        assert owners_by_index(session, "chiygoz") == {nariman.id}
        rows, total = search_mod.search_persons(session=session, query="Chiygöz", status=None,
                                                limit=10, offset=0)
        assert (total, [r["id"] for r in rows]) == (1, [nariman.id])


def test_a_store_without_the_name_index_gets_it_filled(store):
    """A store from before the index, and one whose triggers a migration dropped (SQLite's
    batch mode rebuilds a table without them): the next catch-up makes it whole again."""
    with store.session(write=True) as session, session.begin():
        add_person(session, "Ilmi Umerov", "Umerov")
    for broken in (f"DROP TABLE {NAMES[0]}", f"DROP TRIGGER {NAMES[1]}_ai"):
        with store.engine.begin() as connection:
            connection.exec_driver_sql(broken)
            assert not names_ready(connection)
        if broken.startswith("DROP TRIGGER"):  # written while the trigger was gone
            with store.session(write=True) as session, session.begin():
                add_person(session, "Emil Kurbedinov", "Kurbedinov")
        with store.session() as session:
            sync_index(session)
        with store.engine.connect() as connection:
            assert names_ready(connection)
        same_as_like(store)
    with store.session() as session:
        assert owners_by_index(session, "kurbedin") != set()


def test_a_rebuild_leaves_no_trigger_without_its_table(store):
    """``habeas index --rebuild`` drops the name index with its triggers and builds both again:
    a person written in between is stored, and found after."""
    with store.session(write=True) as session, session.begin():
        add_person(session, "Nariman Dzhelyal", "Dzhelyal")
    with store.session() as session:
        search_index.rebuild_index(session)
    same_as_like(store)
    with store.engine.begin() as connection:  # what rebuild_index does before it fills again
        for name in search_index._name_triggers():
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        for table in NAMES:
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
    with store.session(write=True) as session, session.begin():
        add_person(session, "Server Mustafayev", "Mustafayev")  # no trigger to fail
    with store.session() as session:
        sync_index(session)
    same_as_like(store)


def test_the_person_search_reads_the_name_index(store):
    with store.session(write=True) as session, session.begin():
        add_person(session, "Refat Chubarov", "Chubarov")
    with store.session() as session:
        sql = str(name_owners(session, "chubar").compile(
            session.get_bind(), compile_kwargs={"literal_binds": True}))
        plan = " ".join(r[-1] for r in session.connection().exec_driver_sql(
            f"EXPLAIN QUERY PLAN {sql}"))
        assert f"SCAN {NAMES[0]} VIRTUAL TABLE" in plan and "SCAN person_aliases" not in plan


def pages(habeas: Habeas, query: str, filters: SearchFilters) -> list:
    """The first pages of reports and events, with their totals."""
    out = []
    with habeas.session() as session:
        for offset in (0, 25, 50):
            out.append((search_reports(session=session, query=query, filters=filters, limit=25,
                                       offset=offset),
                        search_events(session=session, query=query, filters=filters, limit=25,
                                      offset=offset)))
    return out


def test_a_capped_count_shows_the_same_pages(tmp_path, monkeypatch):
    """Counted up to the cap, a common word's pages come from the walk by date (or id); they
    are the pages the full sort gives, and the total says "at least"."""
    habeas = fill(f"sqlite:///{tmp_path / 'capped.db'}")
    try:
        cases = [("umerov", SearchFilters()), ("sevastopol", SearchFilters(type="arrest")),
                 ("erdogan", SearchFilters(since="2016-01-01")), ("celebi kerch", SearchFilters())]
        exact = {q: pages(habeas, q, f) for q, f in cases}
        monkeypatch.setattr(search_mod, "COUNT_CAP", 10)
        for query, filters in cases:
            capped = pages(habeas, query, filters)
            for (reports, events), (full_reports, full_events) in zip(capped, exact[query]):
                assert reports[0] == full_reports[0] and events[0] == full_events[0], query
            with habeas.session() as session:
                result = search(session=session, query=query, filters=filters, limit=5)
            for kind in ("reports", "events"):
                full = exact[query][0][0 if kind == "reports" else 1][1]
                assert (kind in result.more) == (full > 10), (query, kind)
                assert result.totals[kind] == min(full, 10), (query, kind)
    finally:
        habeas.close()


def test_postgresql_pages_the_capped_way_too(backends, monkeypatch):  # noqa: F811
    monkeypatch.setattr(search_mod, "COUNT_CAP", 10)
    for query in ("umerov", "erdogan", "celebi", "Чийгоз"):
        on_sqlite, on_postgres = (pages(backends[b], query, SearchFilters())
                                  for b in ("sqlite", "postgresql"))
        assert on_postgres == on_sqlite, query


def test_a_capped_total_says_more_on_the_page_and_in_the_api(client, web, monkeypatch):
    """Both reports name Chiygoz: counted up to one, the API lists reports in ``more`` and the
    page shows "1+" with a link to the next page."""
    from habeas.web import pages

    from test_web_fixtures import sign_in

    monkeypatch.setattr(search_mod, "COUNT_CAP", 0)
    found = client.get("/api/v1/search?q=chiygoz&kind=reports&limit=1",
                       headers=web.headers("viewer")).json()
    assert (found["total"], found["more"], len(found["reports"])) == ({"reports": 1},
                                                                       ["reports"], 1)
    whole = client.get("/api/v1/search?q=chiygoz&kind=reports&limit=2",
                       headers=web.headers("viewer")).json()
    assert (whole["total"], whole["more"]) == ({"reports": 2}, [])
    monkeypatch.setattr(pages, "PAGE_SIZE", 1)
    sign_in(client, "viewer")
    html = client.get("/search?q=chiygoz&kind=reports").text
    assert "<h2>Reports <small>(1+)</small></h2>" in html and "of 1+</span>" in html
    assert 'rel="next"' in html
    last = client.get("/search?q=chiygoz&kind=reports&offset=1").text
    assert "<h2>Reports <small>(2)</small></h2>" in last and 'rel="next"' not in last


def test_a_walk_finds_the_same_persons_as_the_sort(backends, monkeypatch):
    """Persons of a common root are found by walking the persons in name order
    (``walk_subjects``) instead of sorting every match: the same pages, subjects first, and
    the same totals as the sort, merged persons left out, at every offset, on both
    backends (``PERSON_WALK_MIN`` lowered so a small store takes the walk)."""
    for habeas in backends.values():
        with habeas.session(write=True) as session, session.begin():
            owners = session.scalars(sa.select(Person).where(Person.key.like("%umerov%"))
                                     .order_by(Person.id)).all()
            for merged, into in zip(owners[:6:2], owners[1:6:2]):  # three merges
                merged.merged_into_id = into.id
    for query in ("umerov", "erdogan", "celebi", "a", "kuku"):
        for habeas in backends.values():
            pages = {}
            for walk_min in (10**9, 0):
                monkeypatch.setattr(search_mod, "PERSON_WALK_MIN", walk_min)
                with habeas.session() as session:
                    pages[walk_min] = [search_mod.search_persons(
                        session=session, query=query, status=None, limit=5, offset=offset)
                        for offset in range(0, 60, 5)]
            assert pages[0] == pages[10**9], query
            assert pages[0][0][0], query
            if query in ("umerov", "a"):  # pages past the first, the merged left out
                assert pages[0][0][1] > 5 and pages[0][1][0], query
            shown = [row["role"] for rows, _ in pages[0] for row in rows]
            assert shown == sorted(shown, key=("subject", "speaker").index), query


def test_a_store_with_the_earlier_name_index_gets_the_new_one(store):
    """A store whose spellings are indexed as one row per person (``search_alias_keys``, its
    rowid the person's: before the twelfth round of docs/scale.md) gets the index of one row
    per spelling at its next catch-up, the earlier table and its triggers dropped; the
    search finds what a LIKE finds, before and after more spellings are written."""
    with store.session(write=True) as session, session.begin():
        add_person(session, "Akhtem Chiygoz", "Akhtem Chiygoz", "Chiygoz")
    with store.engine.begin() as connection:  # the earlier layout, as its triggers kept it
        for name in search_index._name_triggers():
            if name.startswith(NAMES[1]):
                connection.exec_driver_sql(f"DROP TRIGGER {name}")
        connection.exec_driver_sql(f"DROP TABLE {NAMES[1]}")
        connection.exec_driver_sql("CREATE VIRTUAL TABLE search_alias_keys USING fts5(keys, "
                                   "tokenize = 'trigram')")
        connection.exec_driver_sql("INSERT INTO search_alias_keys (rowid, keys) SELECT "
                                   "person_id, group_concat(key, '|') FROM person_aliases "
                                   "GROUP BY person_id")
        connection.exec_driver_sql(
            "CREATE TRIGGER search_alias_keys_ai AFTER INSERT ON person_aliases BEGIN "
            "DELETE FROM search_alias_keys WHERE rowid = NEW.person_id; END")
        assert not names_ready(connection)
    with store.session() as session:
        sync_index(session)
    with store.engine.connect() as connection:
        assert names_ready(connection)
        left = {name for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE 'search_alias_keys%'")}
        assert left == set()
    same_as_like(store)
    with store.session(write=True) as session, session.begin():
        add_person(session, "Nariman Dzhelyal", "Dzhelyal", "Chiygozoglu")
    same_as_like(store)
