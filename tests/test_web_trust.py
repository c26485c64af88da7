"""Web quick fixes through the real app: spreadsheet-safe CSV exports, ids and offsets above
2^63-1 and non-dates refused with 4xx, no-store on signed-in pages and the API, the login limit
per normalised name and per address, failed sign-ins in the audit log."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from habeas.exports import safe_cell
from habeas.store import accounts
from tests.test_web_fixtures import PASSWORD, client, csrf_of, sign_in, web  # noqa: F401

BIG = str(2**63)


@pytest.mark.parametrize("value,expected", [
    ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
    ("+7 912", "'+7 912"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("Simferopol", "Simferopol"), (5, 5), (None, None),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def formula_event(web):
    from sqlalchemy import update

    from habeas.store.models import Event

    with web.habeas.session(write=True) as session, session.begin():
        session.execute(update(Event).values(place='=HYPERLINK("http://evil","x")'))


def test_csv_exports_neutralise_formulas(client, web, tmp_path):
    formula_event(web)
    api = client.get("/api/v1/export?format=csv", headers=web.headers("viewer"))
    sign_in(client, "viewer")
    page = client.get("/export.csv")
    from habeas.cli import app

    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["--db", web.habeas.database_url, "export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    for text in (api.text, page.text, out.read_text(encoding="utf-8")):
        places = {row["place"] for row in csv.DictReader(io.StringIO(text))}
        assert '\'=HYPERLINK("http://evil","x")' in places
        assert not any(p.startswith("=") for p in places if p)


@pytest.mark.parametrize("path", [
    f"/api/v1/persons/{BIG}", f"/api/v1/reports/{BIG}", f"/api/v1/claims/{BIG}",
    f"/api/v1/persons?offset={BIG}", f"/api/v1/events?limit={BIG}",
    f"/api/v1/events?person_id={BIG}", "/api/v1/events?since=notadate",
    "/api/v1/events?since=2015-13-45",
])
def test_api_refuses_bad_numbers_and_dates(client, web, path):
    response = client.get(path, headers=web.headers("viewer"))
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    assert response.json()["error"]["message"]


@pytest.mark.parametrize("path", [f"/persons/{BIG}", f"/reports/{BIG}", f"/persons?offset={BIG}",
                                  "/events?since=notadate", "/search?q=x&since=yesterday"])
def test_pages_refuse_bad_numbers_and_dates(client, path):
    sign_in(client, "viewer")
    response = client.get(path)
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])


def test_no_store_on_pages_and_api(client, web):
    assert client.get("/api/v1/persons", headers=web.headers("viewer")).headers[
        "cache-control"] == "no-store"
    sign_in(client, "viewer")
    assert client.get("/persons").headers["cache-control"] == "no-store"


def test_login_limit_per_normalised_name_and_per_address(client, web):
    token = csrf_of(client.get("/login").text)
    for name in ("editor", " editor", "EDITOR", "Editor ", "eDitor"):
        response = client.post("/login", data={"name": name, "password": "wrong",
                                               "csrf_token": token})
        assert response.status_code == 401
    response = client.post("/login", data={"name": " EDITOR ", "password": PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 429
    limiter = client.app.state.limiter
    for n in range(limiter.max_per_address):
        limiter.failed(f"name-{n}", "testclient")
    response = client.post("/login", data={"name": "viewer", "password": PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 429 and "from this address" in response.text


def test_failed_sign_ins_are_audited(client, web):
    token = csrf_of(client.get("/login").text)
    client.post("/login", data={"name": "nobody", "password": "wrong", "csrf_token": token})
    with web.habeas.session() as session:
        entries, _ = accounts.list_audit(session=session)
    failed = [e for e in entries if e.action == "user.login_failed"]
    assert len(failed) == 1 and failed[0].after == {"name": "nobody", "address": "testclient"}
    assert failed[0].user_name == "anonymous"


def test_logout_ends_the_session_for_a_saved_cookie(client):
    token = sign_in(client, "viewer")
    saved = client.cookies.get("habeas_session")
    assert client.get("/persons", follow_redirects=False).status_code == 200
    client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    client.cookies.set("habeas_session", saved)  # someone kept a copy of the cookie
    response = client.get("/persons", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_an_admin_ends_every_session_of_a_user(web):
    from fastapi.testclient import TestClient

    from habeas.web import make_app

    app = make_app(web.habeas)
    with TestClient(app) as laptop, TestClient(app) as phone, TestClient(app) as admin:
        sign_in(laptop, "editor")
        sign_in(phone, "editor")
        token = sign_in(admin, "admin")
        with web.habeas.session() as session:
            editor = accounts.get_user(session=session, name="editor")
        assert "End sessions" in admin.get("/admin").text
        response = admin.post(f"/admin/users/{editor.id}/end-sessions",
                              data={"csrf_token": token}, follow_redirects=False)
        assert response.status_code == 303
        for browser in (laptop, phone):
            assert browser.get("/persons", follow_redirects=False).status_code == 303
        assert admin.get("/persons", follow_redirects=False).status_code == 200
        with web.habeas.session() as session:
            entries, _ = accounts.list_audit(session=session)
        assert any(e.action == "user.sessions_ended" and e.after == {"sessions": 2}
                   for e in entries)


def test_end_sessions_on_the_command_line(client, web):
    from habeas.cli import app

    sign_in(client, "viewer")
    result = CliRunner().invoke(app, ["--db", web.habeas.database_url, "user", "end-sessions",
                                      "viewer"])
    assert result.exit_code == 0 and "Ended 1 session(s) of viewer." in result.output
    assert client.get("/persons", follow_redirects=False).status_code == 303
    missing = CliRunner().invoke(app, ["--db", web.habeas.database_url, "user",
                                       "end-sessions", "nobody"])
    assert missing.exit_code != 0 and "no user called 'nobody'" in missing.output
