"""The second factor (TOTP) through the real app and the CLI, and Secure cookies behind a proxy
(``habeas serve --proxy-headers``)."""

from __future__ import annotations

import re

import pyotp
import pytest
from typer.testing import CliRunner

from habeas.store import accounts, second_factor
from tests.test_web_fixtures import PASSWORD, client, csrf_of, sign_in, web  # noqa: F401


def audit_actions(web) -> list[str]:
    with web.habeas.session() as session:
        entries, _ = accounts.list_audit(session=session, limit=500)
    return [e.action for e in entries]


def enrol(web, name: str) -> pyotp.TOTP:
    with web.habeas.session() as session, session.begin():
        user = accounts.get_user(session=session, name=name)
        secret = second_factor.enrol_now(session=session, user=user)
    return pyotp.TOTP(secret)


def password_step(client, name: str, next_path: str = "/") -> object:
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token,
                                       "next": next_path}, follow_redirects=False)


def post_code(client, path: str, code: str):
    page = client.get(path if path != "/account/totp/confirm" else "/account/totp")
    return client.post(path, data={"code": code, "csrf_token": csrf_of(page.text)},
                       follow_redirects=False)


def previous_code(totp: pyotp.TOTP) -> str:
    import time

    return totp.at(time.time() - 30)


def test_sign_in_asks_for_the_code_after_the_password(client, web):
    totp = enrol(web, "editor")
    response = password_step(client, "editor", "/review")
    assert response.status_code == 303 and response.headers["location"] == "/login/code"
    # the password alone signs nobody in
    assert client.get("/persons", follow_redirects=False).status_code == 303
    wrong = post_code(client, "/login/code", "000000" if totp.now() != "000000" else "111111")
    assert wrong.status_code == 401 and "Wrong or already used code" in wrong.text
    right = post_code(client, "/login/code", totp.now())
    assert right.status_code == 303 and right.headers["location"] == "/review"
    assert client.get("/persons", follow_redirects=False).status_code == 200
    actions = audit_actions(web)
    assert "user.totp_failed" in actions and "user.login" in actions


def test_a_code_works_once(web):
    totp = enrol(web, "viewer")
    code = totp.now()
    with web.habeas.session() as session, session.begin():
        user = accounts.get_user(session=session, name="viewer")
        assert second_factor.verify(session=session, user=user, code=code)
        assert not second_factor.verify(session=session, user=user, code=code)
        assert not second_factor.verify(session=session, user=user, code=previous_code(totp))


def test_wrong_codes_are_rate_limited(client, web):
    totp = enrol(web, "editor")
    password_step(client, "editor")
    wrong = "123456" if totp.now() != "123456" else "654321"
    for _ in range(client.app.state.code_limiter.max_failures):
        assert post_code(client, "/login/code", wrong).status_code == 401
    assert post_code(client, "/login/code", totp.now()).status_code == 429


def test_enrol_in_the_browser_then_disable(client, web):
    token = sign_in(client, "viewer")
    page = client.get("/account/totp")
    assert "off" in page.text and "Set up a second factor" in page.text
    client.post("/account/totp/begin", data={"csrf_token": token})
    page = client.get("/account/totp")
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page.text).group(1)
    assert "otpauth://totp/Habeas:viewer?secret=" + secret in page.text
    assert "<svg" in page.text  # the QR code (segno)
    totp = pyotp.TOTP(secret)
    assert post_code(client, "/account/totp/confirm", "99999x").status_code == 401
    assert post_code(client, "/account/totp/confirm", totp.now()).status_code == 303
    with web.habeas.session() as session:
        user = accounts.get_user(session=session, name="viewer")
        assert second_factor.has_totp(user) and user.totp_secret == secret  # kept server-side
    assert secret not in (client.cookies.get("habeas_session") or "")
    # turning it off needs a fresh code (the one just used is spent)
    response = client.post("/account/totp/disable", data={"code": totp.now(),
                                                          "csrf_token": token})
    assert response.status_code == 401
    assert "user.totp_enrol" in audit_actions(web)


def test_required_for_editors_sends_them_to_enrol(client, web):
    admin = CliRunner().invoke(_cli(), ["--db", web.habeas.database_url, "user", "totp",
                                        "require", "on"])
    assert admin.exit_code == 0, admin.output
    response = password_step(client, "editor", "/review")
    assert response.headers["location"] == "/account/totp"
    assert client.get("/persons", follow_redirects=False).status_code == 303  # not signed in
    page = client.get("/account/totp")
    assert "requires a second factor" in page.text
    client.post("/account/totp/begin", data={"csrf_token": csrf_of(page.text)})
    page = client.get("/account/totp")
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page.text).group(1)
    done = post_code(client, "/account/totp/confirm", pyotp.TOTP(secret).now())
    assert done.status_code == 303 and done.headers["location"] == "/review"
    assert client.get("/persons", follow_redirects=False).status_code == 200
    # a viewer is not concerned
    client.cookies.clear()
    assert password_step(client, "viewer").headers["location"] == "/"


def test_the_admin_page_sets_the_requirement(client, web):
    totp = enrol(web, "admin")
    password_step(client, "admin")
    assert post_code(client, "/login/code", totp.now()).status_code == 303
    page = client.get("/admin").text
    assert "Require a second factor" in page
    token = csrf_of(page)
    client.post("/admin/settings/totp", data={"required": "on", "csrf_token": token})
    with web.habeas.session() as session:
        assert second_factor.required(session=session)
    client.post("/admin/settings/totp", data={"csrf_token": token})
    with web.habeas.session() as session:
        assert not second_factor.required(session=session)
    assert audit_actions(web).count("settings.require_totp") == 2


def test_open_sessions_are_sent_to_enrol_when_it_becomes_required(web):
    from fastapi.testclient import TestClient

    from habeas.web import make_app

    app = make_app(web.habeas)
    with TestClient(app) as editor, TestClient(app) as viewer:
        sign_in(editor, "editor")
        sign_in(viewer, "viewer")
        assert editor.get("/persons", follow_redirects=False).status_code == 200
        with web.habeas.session() as session, session.begin():
            second_factor.set_required(session=session, value=True)
        response = editor.get("/persons", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/account/totp"
        assert "Set up a second factor" in editor.get("/account/totp").text
        assert viewer.get("/persons", follow_redirects=False).status_code == 200


def test_a_viewer_cannot_set_the_requirement(client, web):
    token = sign_in(client, "viewer")
    response = client.post("/admin/settings/totp", data={"required": "on", "csrf_token": token})
    assert response.status_code == 403


def _cli():
    from habeas.cli import app

    return app


def test_totp_commands(web):
    url = web.habeas.database_url
    enrolled = CliRunner().invoke(_cli(), ["--db", url, "user", "totp", "enrol", "editor"])
    assert enrolled.exit_code == 0, enrolled.output
    assert "otpauth://totp/Habeas:editor?secret=" in enrolled.output
    status = CliRunner().invoke(_cli(), ["--db", url, "user", "totp", "status"])
    assert "editor\teditor\ton" in status.output and "required for editors and admins: no" \
        in status.output
    again = CliRunner().invoke(_cli(), ["--db", url, "user", "totp", "enrol", "editor"])
    assert again.exit_code != 0 and "already has a second factor" in again.output
    disabled = CliRunner().invoke(_cli(), ["--db", url, "user", "totp", "disable", "editor"])
    assert "Second factor of editor removed." in disabled.output
    bad = CliRunner().invoke(_cli(), ["--db", url, "user", "totp", "require", "maybe"])
    assert bad.exit_code != 0
    actions = audit_actions(web)
    assert "user.totp_enrol" in actions and "user.totp_disable" in actions


def test_api_tokens_are_not_affected(client, web):
    enrol(web, "viewer")
    assert client.get("/api/v1/me", headers=web.headers("viewer")).json()["totp"] is True


# ----------------------------------------------------------------------------- proxy

@pytest.mark.parametrize("trusted,secure", [(True, True), (False, False)])
def test_secure_cookie_behind_a_proxy(web, trusted, secure):
    from fastapi.testclient import TestClient
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    from habeas.web import make_app

    app = make_app(web.habeas)
    asgi = ProxyHeadersMiddleware(app, trusted_hosts="*") if trusted else app
    with TestClient(asgi) as browser:
        response = browser.get("/login", headers={"X-Forwarded-Proto": "https"})
    cookie = response.headers["set-cookie"]
    assert ("; secure" in cookie.lower()) is secure


def test_serve_proxy_headers_option(monkeypatch, tmp_path):
    seen = {}
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    db = str(tmp_path / "h.db")
    plain = CliRunner().invoke(_cli(), ["--db", db, "serve"])
    assert plain.exit_code == 0, plain.output
    assert seen["proxy_headers"] is False and "forwarded_allow_ips" not in seen
    proxied = CliRunner().invoke(_cli(), ["--db", db, "serve", "--proxy-headers",
                                          "--forwarded-allow-ips", "10.0.0.2"])
    assert proxied.exit_code == 0, proxied.output
    assert seen["proxy_headers"] is True and seen["forwarded_allow_ips"] == "10.0.0.2"


@pytest.mark.parametrize("flag,secure", [(True, True), (False, False)])
def test_a_real_serve_behind_a_proxy(tmp_path, flag, secure):
    """``habeas serve`` in its own process, asked through a proxy on this machine that says
    the client came over https: the cookie is Secure with --proxy-headers only."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"sqlite:///{tmp_path / 'h.db'}"
    args = [sys.executable, "-m", "habeas", "--db", url, "serve", "--port", str(port)]
    server = subprocess.Popen(args + (["--proxy-headers"] if flag else []),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, response = time.monotonic() + 30, None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/login", timeout=2, headers={
                    "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"})
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        assert response is not None and response.status_code == 200
        assert ("; secure" in response.headers["set-cookie"].lower()) is secure
    finally:
        server.terminate()
        server.wait(timeout=10)
