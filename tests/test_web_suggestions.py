"""Merge suggestions in the review queue and the REST API: listed with both persons, decided
by editors and admins only (viewers get 403), through the page form, htmx and the API, each
decision audited; a merge made by accepting redirects the merged-away dossier; deciding twice,
an unknown id and a bad token are refused.

The suggestions are real: two brothers are stored from two reports, then a third report names
only "Akhtemow", which the resolver cannot give to either, so it suggests both.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from habeas.model import Document, Extraction, PersonRecord
from habeas.resolve.article import save_extraction
from habeas.store import Person, add_article
from habeas.store.accounts import AuditEntry
from habeas.store.resolution import Merge, Suggestion
from tests.test_web_fixtures import VERSIONS, client, sign_in, span, web  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

REPORTS = (("Asan Akhtemov was detained in Simferopol.", "2021-09-05", "Asan Akhtemov"),
           ("Aziz Akhtemov was detained in Simferopol.", "2021-09-06", "Aziz Akhtemov"),
           ("Akhtemow was moved to another prison.", "2022-11-01", "Akhtemow"))


@dataclass
class Pair:
    """The persons by name and the suggestion ids by candidate ("Asan", "Aziz")."""

    persons: dict[str, int]
    suggestions: dict[str, int]


@pytest.fixture
def pair(web) -> Pair:
    for text, published, name in REPORTS:
        with web.habeas.session() as session, session.begin():
            article, _ = add_article(session=session, document=Document(
                text=text, source=f"{published}.txt", title=name, published=published))
            person = PersonRecord(id="p1", name=name, mentions=[span(text, name)])
            save_extraction(session=session, article=article, extraction=Extraction(
                document={}, persons=[person], events=[], versions=dict(VERSIONS)))
    with web.habeas.session() as session:
        persons = {p.name: p.id for p in session.scalars(select(Person))}
        by_id = {v: k for k, v in persons.items()}
        suggestions = {by_id[s.candidate_id].split()[0]: s.id
                       for s in session.scalars(select(Suggestion))}
    assert sorted(suggestions) == ["Asan", "Aziz"]
    return Pair(persons, suggestions)


def status_of(web, suggestion_id: int) -> str:
    with web.habeas.session() as session:
        return session.get(Suggestion, suggestion_id).status


def audit_entries(web, action: str) -> list[AuditEntry]:
    with web.habeas.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_the_queue_lists_them_and_viewers_may_not_decide(client, web, pair):
    token = sign_in(client, "viewer")
    html = client.get("/review").text
    for who in ("Akhtemow", "Asan Akhtemov", "Aziz Akhtemov"):
        assert f'href="/persons/{pair.persons[who]}">{who}</a>' in html
    for suggestion_id in pair.suggestions.values():
        assert f'id="suggestion-row-{suggestion_id}"' in html
    assert "the only person" not in html and "Akhtemow / " in html  # the reasons
    assert "suggestion-bulk-accept" not in html  # no buttons for a viewer
    asan = pair.suggestions["Asan"]
    for path, data in ((f"/review/suggestions/{asan}", {"action": "accept"}),
                       ("/review/suggestions/bulk", {"suggestion_ids": str(asan),
                                                     "action": "accept"})):
        refused = client.post(path, data={**data, "csrf_token": token})
        assert refused.status_code == 403 and "E102" in refused.text, path
    api = client.post(f"/api/v1/suggestions/{asan}/accept", headers=web.headers("viewer"))
    assert api.status_code == 403 and api.json()["error"]["code"] == "E102"
    assert status_of(web, asan) == "pending"


def test_an_editor_accepts_through_the_form_and_the_persons_merge(client, web, pair):
    token = sign_in(client, "editor")
    aziz = pair.suggestions["Aziz"]
    assert 'data-bulk="accept" id="suggestion-bulk-accept"' in client.get("/review").text
    forged = client.post("/review/suggestions/bulk", data={"single": f"{aziz}:accept"})
    assert forged.status_code == 403 and status_of(web, aziz) == "pending"
    done = client.post("/review/suggestions/bulk",
                       data={"single": f"{aziz}:accept", "csrf_token": token},
                       follow_redirects=False)
    assert done.status_code == 303, done.text
    assert status_of(web, aziz) == "accepted"
    # the merged-away dossier shows the survivor, which carries the name now
    gone, survivor = pair.persons["Akhtemow"], pair.persons["Aziz Akhtemov"]
    moved = client.get(f"/persons/{gone}", follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == f"/persons/{survivor}"
    assert "Akhtemow" in client.get(f"/persons/{survivor}").text
    with web.habeas.session() as session:
        merge = session.scalars(select(Merge)).one()
        assert (merge.person_id, merge.into_id, merge.by) == (gone, survivor, "editor")
    [entry] = audit_entries(web, "suggestion.accept")
    assert (entry.user_name, entry.object_type, entry.object_id) == (
        "editor", "suggestion", str(aziz))
    assert entry.before["status"] == "pending" and entry.before["person"]["merged_into_id"] is None
    assert entry.after["status"] == "accepted" and entry.after["merge_id"] == merge.id
    assert entry.after["person"]["merged_into_id"] == survivor
    # the brother's suggestion is settled by the merge: gone from the queue
    html = client.get("/review").text
    assert f'id="suggestion-row-{pair.suggestions["Asan"]}"' not in html
    assert "No merge suggestions waiting." in html


def test_htmx_decisions_answer_the_row_and_settle_the_sibling(client, web, pair):
    token = sign_in(client, "admin")
    asan, aziz = pair.suggestions["Asan"], pair.suggestions["Aziz"]
    headers = {"X-CSRF-Token": token, "HX-Request": "true"}
    response = client.post(f"/review/suggestions/{asan}", data={"action": "accept"},
                           headers=headers)
    assert response.status_code == 200, response.text
    row, _, rest = response.text.partition("<template>")
    assert f'id="suggestion-row-{asan}"' in row and 'data-status="accepted"' in row
    assert "habeas merge --undo" in row
    assert f'href="/persons/{pair.persons["Asan Akhtemov"]}"' in row
    assert f'id="suggestion-row-{aziz}"' in rest and 'hx-swap-oob="true"' in rest
    assert 'data-status="settled"' in rest and "cannot be one person" in rest
    # the settled one cannot be accepted (that would merge the brothers), only closed
    again = client.post(f"/review/suggestions/{aziz}", data={"action": "accept"},
                        headers=headers)
    assert again.status_code == 409 and "cannot be accepted" in again.text
    closed = client.post(f"/review/suggestions/{aziz}", data={"action": "reject"},
                         headers=headers)
    assert closed.status_code == 200 and 'data-status="rejected"' in closed.text
    assert [status_of(web, asan), status_of(web, aziz)] == ["accepted", "rejected"]
    assert len(audit_entries(web, "suggestion.reject")) == 1


def test_the_api_lists_accepts_rejects_and_refuses(client, web, pair):
    viewer, editor = web.headers("viewer"), web.headers("editor")
    listed = client.get("/api/v1/suggestions", headers=viewer).json()
    assert (listed["total"], listed["limit"], listed["offset"]) == (2, 50, 0)
    first = listed["items"][0]
    assert first["person"] == "Akhtemow" and first["person_id"] == pair.persons["Akhtemow"]
    assert first["candidate"] in ("Asan Akhtemov", "Aziz Akhtemov") and first["reasons"]
    assert 0.6 <= first["score"] < 0.88 and first["status"] == "pending"
    second = client.get("/api/v1/suggestions?limit=1&offset=1", headers=viewer).json()
    assert second["total"] == 2 and [s["id"] for s in second["items"]] == [
        listed["items"][1]["id"]]

    asan, aziz = pair.suggestions["Asan"], pair.suggestions["Aziz"]
    rejected = client.post(f"/api/v1/suggestions/{asan}/reject", headers=editor)
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    accepted = client.post(f"/api/v1/suggestions/{aziz}/accept", headers=editor).json()
    assert (accepted["status"], accepted["reviewed_by"]) == ("accepted", "editor")
    assert accepted["into_id"] == pair.persons["Aziz Akhtemov"] and accepted["merge_id"]
    assert client.get("/api/v1/suggestions", headers=viewer).json()["total"] == 0
    one = client.get(f"/api/v1/suggestions/{asan}", headers=viewer).json()
    assert one["status"] == "rejected" and one["reviewed_by"] == "editor"

    twice = client.post(f"/api/v1/suggestions/{aziz}/reject", headers=editor)
    assert twice.status_code == 409
    assert twice.json()["error"] == {
        "code": "E008",
        "message": f"[E008] Already decided: suggestion {aziz} was already accepted by editor"}
    unknown = client.post("/api/v1/suggestions/999/accept", headers=editor)
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "E005"
    assert client.get("/api/v1/suggestions/999", headers=viewer).status_code == 404
    for path in ("/api/v1/suggestions", f"/api/v1/suggestions/{asan}/accept"):
        bad = client.request("GET" if path.endswith("s") else "POST", path,
                             headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 401 and bad.json()["error"]["code"] == "E101"

    log = client.get("/api/v1/audit?object_type=suggestion", headers=web.headers("admin"))
    actions = sorted((e["action"], e["user"]) for e in log.json()["items"])
    assert actions == [("suggestion.accept", "editor"), ("suggestion.reject", "editor")]


def test_bulk_decisions_are_all_or_nothing(client, web, pair):
    editor = web.headers("editor")
    ids = sorted(pair.suggestions.values())
    # accepting both would merge the brothers: refused, and nothing changes
    both = client.post("/api/v1/suggestions/review", json={"ids": ids, "action": "accept"},
                       headers=editor)
    assert both.status_code == 409 and "cannot be accepted" in both.json()["error"]["message"]
    assert [status_of(web, i) for i in ids] == ["pending", "pending"]
    assert audit_entries(web, "suggestion.accept") == []
    token = sign_in(client, "editor")
    done = client.post("/review/suggestions/bulk",
                       data={"suggestion_ids": [str(i) for i in ids], "action": "reject",
                             "csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303
    assert [status_of(web, i) for i in ids] == ["rejected", "rejected"]
    assert len(audit_entries(web, "suggestion.reject")) == 2
    empty = client.post("/review/suggestions/bulk", data={"action": "reject",
                                                          "csrf_token": token})
    assert empty.status_code == 400 and "select at least one" in empty.text


def test_openapi_lists_the_suggestion_endpoints(client):
    paths = set(client.get("/api/v1/openapi.json").json()["paths"])
    assert {"/api/v1/suggestions", "/api/v1/suggestions/{suggestion_id}",
            "/api/v1/suggestions/{suggestion_id}/accept",
            "/api/v1/suggestions/{suggestion_id}/reject",
            "/api/v1/suggestions/review"} <= paths


def test_the_cli_refuses_a_sibling_merge_too(web, pair):
    """`habeas suggestions --accept` goes through the same core check as the web app."""
    from typer.testing import CliRunner

    from habeas.cli import app

    db = web.habeas.database_url
    first = CliRunner().invoke(app, ["--db", db, "suggestions", "--accept",
                                     str(pair.suggestions["Asan"])])
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(app, ["--db", db, "suggestions", "--accept",
                                      str(pair.suggestions["Aziz"])])
    assert second.exit_code != 0
    assert "cannot be accepted" in second.output
    assert status_of(web, pair.suggestions["Aziz"]) == "pending"
