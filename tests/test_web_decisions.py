"""Decisions carry the version they were made on: a stale page or API client gets 409 with a
message and never silently overturns a newer decision (pages, htmx and the API)."""

from __future__ import annotations

import re

from sqlalchemy import select

from habeas.store.models import Claim
from tests.test_web_fixtures import client, sign_in, web  # noqa: F401


def proposed(web, field: str = "age") -> int:
    with web.habeas.session() as session:
        return session.scalar(select(Claim.id).where(Claim.status == "proposed",
                                                     Claim.field == field).order_by(Claim.id))


def status(web, claim_id: int) -> tuple[str, str | None]:
    with web.habeas.session() as session:
        claim = session.get(Claim, claim_id)
        return claim.status, claim.reviewed_by


def version_in(html: str, claim_id: int) -> str:
    found = re.search(rf'name="version-{claim_id}" value="([0-9a-f]+)"', html)
    assert found, f"no version for claim {claim_id} in the page"
    return found.group(1)


def test_api_stale_version_is_409_and_changes_nothing(client, web):
    claim_id = proposed(web)
    seen = client.get(f"/api/v1/claims/{claim_id}", headers=web.headers("viewer")).json()
    first = client.post(f"/api/v1/claims/{claim_id}/review", headers=web.headers("editor"),
                        json={"action": "accept", "version": seen["version"]})
    assert first.status_code == 200 and first.json()["version"] != seen["version"]
    stale = client.post(f"/api/v1/claims/{claim_id}/review", headers=web.headers("admin"),
                        json={"action": "reject", "version": seen["version"]})
    assert stale.status_code == 409
    error = stale.json()["error"]
    assert error["code"] == "E008" and "accepted by editor" in error["message"]
    assert status(web, claim_id) == ("accepted", "editor")
    # without a version a decided claim is not overturned either
    blind = client.post(f"/api/v1/claims/{claim_id}/review", headers=web.headers("admin"),
                        json={"action": "reject"})
    assert blind.status_code == 409 and status(web, claim_id) == ("accepted", "editor")
    # with the current version it is a deliberate change
    current = first.json()["version"]
    changed = client.post(f"/api/v1/claims/{claim_id}/review", headers=web.headers("admin"),
                          json={"action": "reject", "version": current})
    assert changed.status_code == 200 and status(web, claim_id) == ("rejected", "admin")


def test_api_stale_edit_and_bulk_are_409(client, web):
    h = web.headers("editor")
    place = proposed(web, "place")
    seen = client.get(f"/api/v1/claims/{place}", headers=h).json()["version"]
    assert client.post(f"/api/v1/claims/{place}/review", headers=h,
                       json={"action": "edit", "value": "Kyiv", "version": seen}).status_code == 200
    again = client.post(f"/api/v1/claims/{place}/review", headers=h,
                        json={"action": "edit", "value": "Lviv", "version": seen})
    assert again.status_code == 409 and "replaced by claim" in again.json()["error"]["message"]
    age = proposed(web)
    old = client.get(f"/api/v1/claims/{age}", headers=h).json()["version"]
    client.post(f"/api/v1/claims/{age}/review", headers=h, json={"action": "reject"})
    other = proposed(web, "term_months")
    bulk = client.post("/api/v1/claims/review", headers=h,
                       json={"ids": [other, age], "action": "accept",
                             "versions": {str(age): old}})
    assert bulk.status_code == 409
    assert status(web, other)[0] == "proposed"  # all or nothing
    assert status(web, age)[0] == "rejected"


def test_stale_htmx_decision_shows_the_message_in_the_row(web):
    from fastapi.testclient import TestClient

    from habeas.web import make_app

    app = make_app(web.habeas)
    claim_id = proposed(web)
    with TestClient(app) as ayla, TestClient(app) as bora:
        token_a = sign_in(ayla, "editor")
        token_b = sign_in(bora, "admin")
        page_a = ayla.get("/review").text
        page_b = bora.get("/review").text
        version_a, version_b = version_in(page_a, claim_id), version_in(page_b, claim_id)
        assert version_a == version_b
        done = ayla.post(f"/review/{claim_id}", data={"action": "accept",
                                                      f"version-{claim_id}": version_a},
                         headers={"X-CSRF-Token": token_a, "HX-Request": "true"})
        assert done.status_code == 200 and 'data-status="accepted"' in done.text
        stale = bora.post(f"/review/{claim_id}", data={"action": "reject",
                                                       f"version-{claim_id}": version_b},
                          headers={"X-CSRF-Token": token_b, "HX-Request": "true"})
        assert stale.status_code == 409
        assert 'role="alert"' in stale.text and "accepted by editor" in stale.text
        assert f'id="claim-row-{claim_id}"' in stale.text
        assert status(web, claim_id) == ("accepted", "editor")
        # the row now carries the current version: deciding again is deliberate
        fresh = version_in(stale.text, claim_id)
        again = bora.post(f"/review/{claim_id}", data={"action": "reject",
                                                       f"version-{claim_id}": fresh},
                          headers={"X-CSRF-Token": token_b, "HX-Request": "true"})
        assert again.status_code == 200 and status(web, claim_id) == ("rejected", "admin")


def test_stale_form_post_without_script_is_a_409_page(web):
    from fastapi.testclient import TestClient

    from habeas.web import make_app

    app = make_app(web.habeas)
    claim_id = proposed(web)
    with TestClient(app) as ayla, TestClient(app) as bora:
        token_a, token_b = sign_in(ayla, "editor"), sign_in(bora, "editor")
        version = version_in(bora.get("/review").text, claim_id)
        ayla.post("/review/bulk", data={"ids": str(claim_id), "action": "reject",
                                        "csrf_token": token_a})
        stale = bora.post("/review/bulk", data={"single": f"{claim_id}:accept",
                                                f"version-{claim_id}": version,
                                                "csrf_token": token_b})
        assert stale.status_code == 409 and "rejected by editor" in stale.text
        bulk = bora.post("/review/bulk", data={"ids": str(claim_id), "action": "accept",
                                               f"version-{claim_id}": version,
                                               "csrf_token": token_b})
        assert bulk.status_code == 409
        assert status(web, claim_id)[0] == "rejected"
