"""Every route with an id in its path, and every list's offset, limit and filters, answers 4xx
for a bad value (too large for the database, negative, not a number, not a date), never 500.
The routes are read from the routers, so a new route is checked without editing this file."""

from __future__ import annotations

import pytest

from tests.test_web_fixtures import make_web, sign_in

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

BIG = str(2**63)
MAX = str(2**63 - 1)
BAD_IDS = [BIG, MAX, "-1", "0", "abc", "1e3", "9" * 40, "%00", "1.5"]


def routes_with_an_id() -> list[tuple[str, str, str]]:
    from habeas.web import api, pages, review_pages, two_factor

    found = []
    for prefix, module in (("/api/v1", api), ("", pages), ("", review_pages), ("", two_factor)):
        for route in module.router.routes:
            if "{" in route.path:
                found += [(method, prefix + route.path, "api" if prefix else "page")
                          for method in sorted(route.methods) if method != "HEAD"]
    return found


ROUTES = routes_with_an_id()


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    """One store for the module: nothing here changes it (every request is refused)."""
    made = make_web(tmp_path_factory.mktemp("validation"))
    yield made
    made.habeas.close()


@pytest.fixture(scope="module")
def signed_in(web):
    """A browser signed in as the admin, and its CSRF token."""
    from fastapi.testclient import TestClient

    from habeas.web import make_app

    with TestClient(make_app(web.habeas)) as browser:
        yield browser, sign_in(browser, "admin")


@pytest.fixture
def client(signed_in):
    return signed_in[0]


def test_the_routes_are_found():
    paths = {path for _, path, _ in ROUTES}
    assert {"/api/v1/persons/{person_id}", "/review/{claim_id}",
            "/admin/users/{user_id}/end-sessions"} <= paths


def fill(path: str, value: str) -> str:
    import re

    return re.sub(r"\{[^}]+\}", value, path)


@pytest.mark.parametrize("method,path,kind", ROUTES)
@pytest.mark.parametrize("value", BAD_IDS)
def test_bad_ids_are_4xx(client, signed_in, web, method, path, kind, value):
    url = fill(path, value)
    if kind == "api":
        response = client.request(method, url, headers=web.headers("admin"),
                                  json={"action": "accept"} if method == "POST" else None)
    else:
        token = signed_in[1]
        response = client.request(method, url, data={"csrf_token": token, "action": "accept"}
                                  if method == "POST" else None, follow_redirects=False)
    assert 400 <= response.status_code < 500, (method, url, response.status_code,
                                                response.text[:300])
    if kind == "api":
        assert response.json()["error"]["message"]


API_LISTS = ["/api/v1/persons", "/api/v1/events", "/api/v1/reports", "/api/v1/claims",
             "/api/v1/suggestions", "/api/v1/search?q=x", "/api/v1/audit"]


@pytest.mark.parametrize("path", API_LISTS)
@pytest.mark.parametrize("query", [f"offset={BIG}", "offset=-1", "offset=abc", "limit=0",
                                   f"limit={BIG}", f"limit={MAX}", "limit=501", "limit=x"])
def test_api_bad_offsets_and_limits_are_4xx(client, web, path, query):
    url = path + ("&" if "?" in path else "?") + query
    response = client.get(url, headers=web.headers("admin"))
    assert 400 <= response.status_code < 500, (url, response.status_code, response.text[:300])


@pytest.mark.parametrize("query", [
    "since=notadate", "until=notadate", "since=2015-13-45", "until=2017-02-30",
    "since=%00", "since=" + "9" * 30,
])
@pytest.mark.parametrize("path", ["/api/v1/events", "/api/v1/search?q=x", "/events",
                                  "/search?q=x"])
def test_not_a_date_is_422(client, web, path, query):
    url = path + ("&" if "?" in path else "?") + query
    if path.startswith("/api/"):
        response = client.get(url, headers=web.headers("viewer"))
    else:
        response = client.get(url)
    assert response.status_code == 422, (url, response.status_code, response.text[:300])


@pytest.mark.parametrize("url", [
    "/api/v1/events?type=bogus", "/api/v1/persons?status=bogus", "/api/v1/reports?status=x",
    "/api/v1/claims?status=x", "/api/v1/claims?subject_type=x",
    f"/api/v1/claims?subject_id={BIG}", f"/api/v1/claims?article_id={BIG}",
    "/api/v1/claims?subject_id=abc", f"/api/v1/events?person_id={BIG}",
    "/api/v1/events?person_id=-5", "/api/v1/search?q=x&kind=bogus",
    "/api/v1/export?format=xml", f"/api/v1/audit?object_id={BIG}",
])
def test_api_bad_filters_are_4xx_or_empty(client, web, url):
    response = client.get(url, headers=web.headers("admin"))
    assert response.status_code < 500, (url, response.status_code, response.text[:300])
    if response.status_code == 200:  # a filter that matches nothing is not an error
        assert response.json()["total"] == 0


@pytest.mark.parametrize("url", [
    f"/persons?offset={BIG}", f"/persons?offset={MAX}", "/persons?offset=-1",
    "/persons?status=bogus", f"/events?offset={MAX}", "/events?type=bogus",
    f"/reports?offset={BIG}", f"/review?offset={BIG}", f"/review?soffset={MAX}",
    f"/review?article_id={BIG}", f"/admin?offset={BIG}", "/search?q=x&kind=bogus",
    f"/search?q=x&offset={MAX}",
])
def test_pages_bad_filters_never_500(client, url):
    response = client.get(url, follow_redirects=False)
    assert response.status_code < 500, (url, response.status_code, response.text[:300])
