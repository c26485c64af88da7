"""Reads never write: no GET of any page or API route writes to the store (no INSERT, UPDATE,
DELETE, DDL, nor a write lock), the search index is written by ingest, extraction and
``habeas index`` only, and an API token's last use is noted by changes only."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from habeas.model import Document
from habeas.store import add_article
from habeas.store.accounts import ApiToken
from tests.test_web_fixtures import client, sign_in, web  # noqa: F401

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|REPLACE|BEGIN IMMEDIATE)",
                   re.IGNORECASE)
PAGES = ["/", "/search?q=chiygoz", "/search?q=x&type=arrest", "/persons", "/persons/1",
         "/events", "/events?since=2015", "/reports", "/reports/1", "/review", "/ingest",
         "/statistics", "/export.csv", "/export.json", "/admin", "/account/totp", "/login"]
API = ["/api/v1/me", "/api/v1/persons", "/api/v1/persons/1", "/api/v1/events",
       "/api/v1/reports", "/api/v1/reports/1", "/api/v1/claims", "/api/v1/claims/1",
       "/api/v1/suggestions", "/api/v1/search?q=chiygoz", "/api/v1/search?q=Erdogan",
       "/api/v1/export?format=csv", "/api/v1/audit", "/api/v1/openapi.json"]


@pytest.fixture
def writes():
    seen: list[str] = []

    def note(conn, cursor, statement, parameters, context, executemany):
        if WRITE.match(statement):
            seen.append(statement.split("\n")[0][:120])

    event.listen(Engine, "before_cursor_execute", note)
    yield seen
    event.remove(Engine, "before_cursor_execute", note)


def test_no_get_writes(client, web, writes):
    sign_in(client, "admin")
    client.get("/api/v1/me", headers=web.headers("admin"))
    writes.clear()
    for path in PAGES:
        assert client.get(path).status_code == 200, path
    for path in API:
        assert client.get(path, headers=web.headers("admin")).status_code == 200, path
    assert writes == []


def test_search_finds_what_ingest_indexed(client, web, writes):
    """A report stored by another tool is found once that tool (or ``habeas index``) indexed
    it; the search itself writes nothing."""
    h = web.headers("viewer")
    with web.habeas.session() as session, session.begin():
        add_article(session=session, document=Document(
            text="Server Mustafayev was detained in Bakhchysarai.", source="new.txt",
            title="Mustafayev detained"))
    writes.clear()
    assert client.get("/api/v1/search?q=Mustafayev&kind=reports", headers=h).json()[
        "total"]["reports"] == 0  # not indexed yet: the read did not index it
    assert writes == []
    from habeas.cli import app

    result = CliRunner().invoke(app, ["--db", web.habeas.database_url, "index"])
    assert result.exit_code == 0 and "1 report(s) and event(s) added" in result.output
    found = client.get("/api/v1/search?q=Mustafayev&kind=reports", headers=h).json()
    assert found["total"]["reports"] == 1
    rebuilt = CliRunner().invoke(app, ["--db", web.habeas.database_url, "index", "--rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert client.get("/api/v1/search?q=Mustafayev&kind=reports", headers=h).json()[
        "total"]["reports"] == 1


def test_ingest_indexes(client, web):
    h = web.headers("editor")
    response = client.post("/api/v1/ingest", headers=h, json={
        "items": [{"text": "Nariman Dzhelyal was detained in Simferopol.", "title": "NDz"}],
        "extract": False})
    assert response.status_code == 200, response.text
    found = client.get("/api/v1/search?q=Dzhelyal&kind=reports", headers=h).json()
    assert found["total"]["reports"] == 1


def test_token_last_use_is_noted_by_changes_only(client, web):
    def last_used():
        with web.habeas.session() as session:
            return session.scalars(select(ApiToken.last_used_at).order_by(ApiToken.id)).all()

    before = last_used()
    client.get("/api/v1/persons", headers=web.headers("editor"))
    assert last_used() == before
    client.post("/api/v1/claims/review", headers=web.headers("editor"),
                json={"ids": [10**6], "action": "accept"})  # refused, but a change was tried
    after = last_used()
    assert after != before and sum(a is not None for a in after) == 1


# ----------------------------------------------------------------------------- cheaper reads

def test_expired_web_session_signs_nobody_in(client, web):
    """The signed-in user is read with the session's row in one statement; a session past its
    expiry signs nobody in (the page sends to the login form), an unknown API token neither."""
    from habeas.store.accounts import WebSession, utcnow

    sign_in(client, "viewer")
    assert client.get("/search?q=x", follow_redirects=False).status_code == 200
    with web.habeas.session(write=True) as session, session.begin():
        for row in session.scalars(select(WebSession)):
            row.expires_at = utcnow()
    assert client.get("/search?q=x", follow_redirects=False).status_code == 303
    assert client.get("/api/v1/search?q=x",
                      headers={"Authorization": "Bearer hb_not_a_token"}).status_code == 401
    assert client.get("/api/v1/search?q=x", headers=web.headers("viewer")).status_code == 200


def test_rows_sees_what_the_session_has_not_flushed(database_url):
    """``db.rows`` reads on the session's connection, past the ORM, yet sees the session's
    pending changes as the session's own ``execute`` would (it flushes them first), and
    gives its rows at once."""
    from habeas.store import db
    from habeas.store.models import Person
    from habeas.workspace import Habeas

    habeas = Habeas(database_url=database_url)
    try:
        statement = select(Person.id, Person.name).where(Person.key == "ayse kaya")
        with habeas.session(write=True) as session:
            session.add(Person(name="Ayşe Kaya", key="ayse kaya"))
            found = db.rows(session, statement)
            assert isinstance(found, list) and [r.name for r in found] == ["Ayşe Kaya"]
            session.rollback()
        with habeas.session() as session:
            assert db.rows(session, statement) == []
    finally:
        habeas.close()


def test_a_store_keeps_a_pool_for_parallel_requests(tmp_path):
    """A file store keeps ``POOL_SIZE`` connections open, not SQLAlchemy's 5: with 20 parallel
    clients the server closed and reopened one for about every third request."""
    from habeas.store import db

    engine = db.make_engine(f"sqlite:///{tmp_path / 'pool.db'}")
    try:
        assert engine.pool.size() == db.POOL_SIZE >= 20
    finally:
        engine.dispose()
