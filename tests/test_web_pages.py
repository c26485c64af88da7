"""The pages through TestClient: sign-in, sessions, CSRF, roles, rate limit, security
headers, escaping of untrusted report text, and each page rendering."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from habeas.store.accounts import AppSetting, AuditEntry
from habeas.store.models import Claim
from tests.test_web_fixtures import PASSWORD, client, csrf_of, sign_in, web  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

PAGES = ["/", "/search?q=Erdogan", "/search?q=&type=arrest", "/persons",
         "/persons?status=released", "/persons/1", "/events?type=sentence", "/reports",
         "/reports/1", "/review", "/review?subject_type=person", "/ingest", "/statistics",
         "/export.csv", "/export.json", "/alerts"]


def test_pages_need_a_signed_in_user(client):
    response = client.get("/persons/1", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fpersons%2F1"


@pytest.mark.parametrize("role", ["viewer", "admin"])
def test_every_page_renders(client, role):
    sign_in(client, role)
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
    assert client.get("/admin").status_code == (200 if role == "admin" else 403)
    assert client.get("/persons/999").status_code == 404


def test_security_headers_on_every_response(client):
    for path in ("/login", "/static/style.css", "/api/v1/persons"):
        headers = client.get(path).headers
        assert headers["content-security-policy"].startswith(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; frame-ancestors 'none'")
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_session_cookie_flags(client):
    over_https = client.__class__(client.app, base_url="https://testserver")
    header = over_https.get("/login").headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=lax" in header and "secure" in header
    plain = client.get("/login").headers["set-cookie"].lower()
    assert "httponly" in plain and "samesite=lax" in plain and "secure" not in plain


def test_login_without_csrf_token_is_403(client):
    client.get("/login")
    response = client.post("/login", data={"name": "editor", "password": PASSWORD})
    assert response.status_code == 403
    assert "CSRF" in response.text


def test_form_without_csrf_token_is_403_and_changes_nothing(client, web):
    token = sign_in(client, "editor")
    claim_id = str(_proposed(web))
    refused = client.post("/review/bulk", data={"ids": claim_id, "action": "accept"})
    assert refused.status_code == 403
    wrong = client.post("/review/bulk", data={"ids": claim_id, "action": "accept",
                                              "csrf_token": "forged"})
    assert wrong.status_code == 403
    assert _status(web, claim_id) == "proposed"
    ok = client.post("/review/bulk", data={"ids": claim_id, "action": "accept",
                                           "csrf_token": token}, follow_redirects=False)
    assert ok.status_code == 303
    assert _status(web, claim_id) == "accepted"


def test_htmx_review_sends_the_token_as_a_header(client, web):
    token = sign_in(client, "editor")
    claim_id = _proposed(web)
    response = client.post(f"/review/{claim_id}", data={"action": "reject"},
                           headers={"X-CSRF-Token": token, "HX-Request": "true"})
    assert response.status_code == 200
    assert f'id="claim-row-{claim_id}"' in response.text and 'data-status="rejected"' in response.text
    place = _proposed(web, field="place")
    edited = client.post(f"/review/{place}", data={"action": "edit", "value": "Simferopol"},
                         headers={"X-CSRF-Token": token})
    assert edited.status_code == 200
    with web.habeas.session() as session:
        new = session.scalar(select(Claim).where(Claim.supersedes_id == place))
        assert (new.value, new.status) == ("Simferopol", "edited")


def test_viewers_can_change_nothing(client, web):
    token = sign_in(client, "viewer")
    claim_id = str(_proposed(web))
    for path, data in (("/review/bulk", {"ids": claim_id, "action": "accept"}),
                       (f"/review/{claim_id}", {"action": "accept"}),
                       ("/ingest", {"text": "Someone was detained."})):
        response = client.post(path, data={**data, "csrf_token": token})
        assert response.status_code == 403, path
        assert "E102" in response.text
    assert _status(web, claim_id) == "proposed"


def test_login_rate_limit(client):
    token = csrf_of(client.get("/login").text)
    for _ in range(5):
        response = client.post("/login", data={"name": "editor", "password": "wrong",
                                               "csrf_token": token})
        assert response.status_code == 401
    response = client.post("/login", data={"name": "editor", "password": PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 429 and "E103" in response.text
    # another name from the same address is not locked out
    other = client.post("/login", data={"name": "viewer", "password": PASSWORD,
                                        "csrf_token": token}, follow_redirects=False)
    assert other.status_code == 303


def test_login_redirects_only_within_the_site(client):
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"name": "viewer", "password": PASSWORD,
                                           "csrf_token": token, "next": "//evil.example/x"},
                           follow_redirects=False)
    assert response.headers["location"] == "/"


def test_logout_ends_the_session(client):
    token = sign_in(client, "viewer")
    assert client.post("/logout", data={"csrf_token": token},
                       follow_redirects=False).status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303


def test_report_text_is_escaped_and_highlighted(client, web):
    token = sign_in(client, "editor")
    payload = ('Ilmi Umerov was detained. <script>window.pwned = 1</script> '
               '<img src=x onerror="window.pwned = 2"> <a href="javascript:alert(1)">x</a>')
    result = client.post("/ingest", data={"text": payload, "title": "<b>bold</b> title",
                                          "csrf_token": token})
    assert result.status_code == 200
    article_id = int(re.search(r'href="/reports/(\d+)"', result.text).group(1))
    html = client.get(f"/reports/{article_id}").text
    assert "<script>window.pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt; title" in html
    assert '<a href="javascript:' not in html
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts and all(re.fullmatch(r'<script src="/static/[a-z.]+\.js" defer>', s)
                           for s in scripts)
    assert " on" not in "".join(re.findall(r"<[a-z]+ [^>]*>", html)).replace(" one", "")
    highlighted = client.get("/reports/1").text
    assert 'class="hl hl-person" href="/persons/1"' in highlighted
    assert re.search(r'class="hl hl-event" href="#claim-\d+"', highlighted)


def test_audit_log_page_shows_decisions(client, web):
    token = sign_in(client, "admin")
    claim_id = _proposed(web)
    client.post(f"/review/{claim_id}", data={"action": "accept", "csrf_token": token})
    page = client.get("/admin").text
    assert "claim.accept" in page and "user.login" in page
    with web.habeas.session() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "claim.accept")).one()
    assert entry.before["status"] == "proposed" and entry.after["status"] == "accepted"


def test_secret_key_from_environment_or_stored_once(web, monkeypatch):
    from habeas.web import make_app

    make_app(web.habeas)
    make_app(web.habeas)
    with web.habeas.session() as session:
        stored = session.scalars(select(AppSetting).where(AppSetting.key == "secret_key")).all()
    assert len(stored) == 1 and len(stored[0].value) == 64
    monkeypatch.setenv("HABEAS_SECRET_KEY", "from-the-environment")
    from habeas.store import accounts

    with web.habeas.session() as session:
        assert accounts.secret_key(session=session) == "from-the-environment"


def _proposed(web, field: str | None = None) -> int:
    with web.habeas.session() as session:
        query = select(Claim.id).where(Claim.status == "proposed", Claim.field != "persons")
        if field is not None:
            query = query.where(Claim.field == field)
        return session.scalar(query.order_by(Claim.id))


def _status(web, claim_id) -> str:
    with web.habeas.session() as session:
        return session.get(Claim, int(claim_id)).status
