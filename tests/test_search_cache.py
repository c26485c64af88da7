"""The web app's search answers, kept per process under the store's change mark
(``store.changes``): asked again, a question is answered without a search; a write by another
process (here: another ``Habeas`` on the same store, with an engine of its own) changes the mark,
and the next search finds what it wrote. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from habeas.model import Document
from habeas.store import accounts, changes
from habeas.store.crud import add_article
from habeas.web import search as search_mod
from habeas.workspace import Habeas

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

PASSWORD = "cache-test-password"


def add_report(habeas: Habeas, text: str, source: str) -> None:
    """A report stored and indexed as ``habeas ingest`` would (another process's write)."""
    with habeas.session(write=True) as session, session.begin():
        add_article(session=session, document=Document(text=text, source=source,
                                                       title=source))
    habeas.index()


@pytest.fixture
def stores(database_url):
    writer, server = Habeas(database_url=database_url), Habeas(database_url=database_url)
    with writer.session(write=True) as session, session.begin():
        user = accounts.add_user(session=session, name="reader", password=PASSWORD,
                                 role="viewer")
        token = accounts.create_token(session=session, user=user)
    add_report(writer, "Zarina Tolqynova was detained in Kerch on a Tuesday.", "one.txt")
    yield writer, server, {"Authorization": f"Bearer {token}"}
    writer.close()
    server.close()


def searches(habeas: Habeas) -> list[str]:
    """The statements of ``habeas``'s engine that read the report index, as they run."""
    seen: list[str] = []

    @event.listens_for(habeas.engine, "before_cursor_execute")
    def _count(_connection, _cursor, statement, *_):
        if "search_articles" in statement:
            seen.append(statement)

    return seen


def test_an_answer_is_kept_until_another_process_writes(stores):
    from fastapi.testclient import TestClient

    from habeas.web import make_app

    writer, server, headers = stores
    with TestClient(make_app(server)) as client:
        seen = searches(server)
        first = client.get("/api/v1/search?q=tolqynova", headers=headers).json()
        assert [r["title"] for r in first["reports"]] == ["one.txt"]
        asked = len(seen)
        assert asked > 0
        again = client.get("/api/v1/search?q=tolqynova", headers=headers).json()
        assert again == first and len(seen) == asked  # from memory: the index not read

        add_report(writer, "Tolqynova's lawyer was barred from the hearing.", "two.txt")
        after = client.get("/api/v1/search?q=tolqynova", headers=headers).json()
        assert after["total"]["reports"] == 2 and len(seen) > asked
        assert {r["title"] for r in after["reports"]} == {"one.txt", "two.txt"}


def test_a_sign_in_leaves_the_mark_a_report_changes_it(stores):
    writer, server, _ = stores
    with server.session() as session, session.begin():
        before = changes.mark(session)
    assert before
    with writer.session(write=True) as session, session.begin():  # a quiet table only
        user = accounts.get_user(session=session, name="reader")
        accounts.create_token(session=session, user=user)
    with server.session() as session, session.begin():
        assert changes.mark(session) == before
    add_report(writer, "Another report about Kerch.", "three.txt")
    with server.session() as session, session.begin():
        assert changes.mark(session) != before


def test_a_session_that_wrote_is_not_answered_from_memory(stores):
    writer, server, _ = stores
    search_mod.keep_answers(server.engine, 16)
    try:
        with server.session() as session, session.begin():
            assert changes.marked(session)
            kept = search_mod.search(session=session, query="tolqynova", kinds=("reports",))
        assert kept.totals["reports"] == 1
        with server.session(write=True) as session:
            with session.begin():
                add_article(session=session, document=Document(
                    text="Tolqynova was moved to another prison.", source="four.txt"))
                session.flush()
                assert not changes.marked(session)  # its own write: not what others see
                search_mod.search(session=session, query="tolqynova", kinds=("reports",))
                session.rollback()
        with server.session() as session, session.begin():
            again = search_mod.search(session=session, query="tolqynova", kinds=("reports",))
        assert again is kept  # the rolled-back write changed nothing
    finally:
        search_mod.keep_answers(server.engine, 0)


@pytest.mark.parametrize("statement,changes_store", [
    ("INSERT INTO articles (id) VALUES (1)", True),
    ("  insert or replace into persons (id) values (1)", True),
    ('UPDATE "events" SET place = 1', True),
    ("DELETE FROM search_articles WHERE rowid = 1", True),
    ("CREATE VIRTUAL TABLE IF NOT EXISTS search_events USING fts5(title)", True),
    ("WITH gone AS (SELECT 1) DELETE FROM claims WHERE id IN (SELECT * FROM gone)", True),
    ("INSERT INTO sessions (id) VALUES (1)", False),
    ("UPDATE api_tokens SET last_used_at = 1", False),
    ("SELECT * FROM articles", False),
    ("WITH RECURSIVE up(id) AS (SELECT 1) SELECT id FROM up", False),
    ("BEGIN IMMEDIATE", False),
])
def test_which_statements_change_the_mark(statement, changes_store):
    assert changes.changes_store(statement) is changes_store


def test_a_question_asked_at_once_by_many_is_searched_once(stores):
    import threading

    _, server, _ = stores
    search_mod.keep_answers(server.engine, 16)
    seen = searches(server)
    start, results = threading.Barrier(6), []

    def ask() -> None:
        with server.session() as session, session.begin():
            start.wait()
            results.append(search_mod.search(session=session, query="kerch",
                                             kinds=("reports",)))

    try:
        threads = [threading.Thread(target=ask) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with server.session() as session, session.begin():
            search_mod.keep_answers(server.engine, 0)
            alone = len(seen)
            search_mod.search(session=session, query="kerch", kinds=("reports",))
        assert len(seen) - alone == alone > 0  # six askers, one search's statements
        assert len(results) == 6 and all(r is results[0] for r in results)
    finally:
        search_mod.keep_answers(server.engine, 0)


def test_a_restore_changes_the_mark(tmp_path):
    habeas = Habeas(database_url=f"sqlite:///{tmp_path / 'store.db'}")
    try:
        add_report(habeas, "A report kept in the backup.", "kept.txt")
        habeas.backup(tmp_path / "copy.db")
        with habeas.session() as session, session.begin():
            before = changes.mark(session)
        habeas.restore(tmp_path / "copy.db", force=True)
        with habeas.session() as session, session.begin():
            assert changes.mark(session) not in ("", before)
    finally:
        habeas.close()
