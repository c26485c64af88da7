"""The REST API through FastAPI's TestClient: every endpoint, the role matrix, bad tokens,
pagination, review (an edit is a new claim), search without accents, the audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from habeas.store.accounts import AuditEntry
from habeas.store.models import Claim, Event
from tests.test_web_fixtures import ROLES, client, web  # noqa: F401  (fixtures)

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

READS = ["/api/v1/me", "/api/v1/persons", "/api/v1/persons/1", "/api/v1/events",
         "/api/v1/reports", "/api/v1/reports/1", "/api/v1/claims", "/api/v1/claims/1",
         "/api/v1/search?q=chiygoz", "/api/v1/export?format=csv", "/api/v1/export"]


def first_claim(web, **where) -> Claim:
    with web.habeas.session() as session:
        query = select(Claim).order_by(Claim.id)
        for key, value in where.items():
            query = query.where(getattr(Claim, key) == value)
        return session.scalars(query).first()


def test_openapi_lists_every_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    for path in ("/api/v1/persons", "/api/v1/persons/{person_id}", "/api/v1/events",
                 "/api/v1/reports", "/api/v1/reports/{article_id}", "/api/v1/claims",
                 "/api/v1/claims/{claim_id}", "/api/v1/claims/{claim_id}/review",
                 "/api/v1/claims/review", "/api/v1/search", "/api/v1/ingest",
                 "/api/v1/export", "/api/v1/audit", "/api/v1/me"):
        assert path in paths
    assert not any(p.startswith("/review") or p == "/" for p in paths)  # pages stay out


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic YWRtaW46eA=="},
    {"Authorization": "Bearer "},
])
def test_bad_or_missing_tokens_get_401(client, headers):
    response = client.get("/api/v1/persons", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "E101"


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix_read(client, web, role):
    for path in READS:
        response = client.get(path, headers=web.headers(role))
        assert response.status_code == 200, (role, path, response.text)


@pytest.mark.parametrize("role,allowed", [("viewer", False), ("editor", True), ("admin", True)])
def test_role_matrix_write(client, web, role, allowed):
    claim = first_claim(web, status="proposed")
    other = first_claim(web, status="proposed", field="place")  # a decided one needs a version
    writes = [
        ("/api/v1/claims/%d/review" % claim.id, {"action": "accept"}),
        ("/api/v1/claims/review", {"ids": [other.id], "action": "reject"}),
        ("/api/v1/ingest", {"items": [{"text": f"A report written by the {role}."}],
                            "extract": False}),
    ]
    for path, body in writes:
        response = client.post(path, json=body, headers=web.headers(role))
        assert response.status_code == (200 if allowed else 403), (role, path, response.text)
        if not allowed:
            assert response.json()["error"]["code"] == "E102"
    audit = client.get("/api/v1/audit", headers=web.headers(role))
    assert audit.status_code == (200 if role == "admin" else 403)


def test_persons_paginate_and_filter(client, web):
    h = web.headers("viewer")
    everyone = client.get("/api/v1/persons", headers=h).json()
    assert everyone["total"] == 2 and len(everyone["items"]) == 2
    page = client.get("/api/v1/persons?limit=1&offset=1", headers=h).json()
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (2, 1, 1, 1)
    assert page["items"][0]["id"] == everyone["items"][1]["id"]
    released = client.get("/api/v1/persons?status=released", headers=h).json()
    assert [p["name"] for p in released["items"]] == ["Akhtem Chiygoz"]
    assert client.get("/api/v1/persons?limit=0", headers=h).status_code == 422
    assert client.get("/api/v1/persons?status=bogus", headers=h).status_code == 422


def test_person_dossier_and_404(client, web):
    h = web.headers("viewer")
    dossier = client.get("/api/v1/persons/1", headers=h).json()
    assert dossier["name"] == "Akhtem Chiygoz" and dossier["status"] == "released"
    assert [v["value"] for v in dossier["attributes"]["age"]] == [52, 53]  # the conflict
    assert [e["type"] for e in dossier["timeline"]] == ["arrest", "sentence", "release"]
    missing = client.get("/api/v1/persons/999", headers=h)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E005"


def test_events_reports_claims(client, web):
    h = web.headers("viewer")
    events = client.get("/api/v1/events", headers=h).json()
    assert events["total"] == 3
    assert [e["date"] for e in events["items"]] == ["2017-10-25", "2017-09-11", "2015-01"]
    sentences = client.get("/api/v1/events?type=sentence", headers=h).json()
    assert sentences["total"] == 1 and sentences["items"][0]["term_months"] == 96
    assert client.get("/api/v1/events?place=simfer&limit=1", headers=h).json()["total"] == 2
    reports = client.get("/api/v1/reports", headers=h).json()
    assert reports["total"] == 2 and "text" not in reports["items"][0]
    report = client.get("/api/v1/reports/1", headers=h).json()
    assert report["text"].startswith("Akhtem Chiygoz") and report["claims"]
    assert {m["text"] for m in report["mentions"]} >= {"Akhtem Chiygoz", "Recep Tayyip Erdoğan"}
    assert client.get("/api/v1/reports/99", headers=h).status_code == 404
    claims = client.get("/api/v1/claims?status=proposed&subject_type=person", headers=h).json()
    assert claims["total"] >= 3 and all(c["subject_type"] == "person" for c in claims["items"])
    one = client.get(f"/api/v1/claims/{claims['items'][0]['id']}", headers=h).json()
    assert len(one["history"]) == 1


def test_review_accept_reject_and_edit_makes_a_new_claim(client, web):
    h = web.headers("editor")
    age = first_claim(web, field="age")
    accepted = client.post(f"/api/v1/claims/{age.id}/review", json={"action": "accept"},
                           headers=h).json()
    assert accepted["status"] == "accepted" and accepted["reviewed_by"] == "editor"

    place = first_claim(web, field="place")
    edited = client.post(f"/api/v1/claims/{place.id}/review",
                         json={"action": "edit", "value": "Bakhchysarai"}, headers=h)
    assert edited.status_code == 200, edited.text
    new = edited.json()
    assert new["id"] != place.id and new["supersedes_id"] == place.id
    assert (new["value"], new["status"]) == ("Bakhchysarai", "edited")
    old = client.get(f"/api/v1/claims/{place.id}", headers=h).json()
    assert old["value"] == "Simferopol" and old["status"] == "proposed"  # kept as it was
    assert [c["value"] for c in old["history"]] == ["Simferopol", "Bakhchysarai"]
    with web.habeas.session() as session:
        assert session.get(Event, place.subject_id).place == "Bakhchysarai"
    # the replaced claim cannot be reviewed any more, and a bad value is refused
    again = client.post(f"/api/v1/claims/{place.id}/review", json={"action": "accept"},
                        headers=h)
    assert again.status_code == 400 and "replaced" in again.json()["error"]["message"]
    term = first_claim(web, field="term_months")
    bad = client.post(f"/api/v1/claims/{term.id}/review",
                      json={"action": "edit", "value": "eight"}, headers=h)
    assert bad.status_code == 400 and "whole number" in bad.json()["error"]["message"]

    ids = [c["id"] for c in client.get("/api/v1/claims?status=proposed&limit=3",
                                       headers=h).json()["items"]]
    bulk = client.post("/api/v1/claims/review", json={"ids": ids, "action": "reject"},
                       headers=h).json()
    assert bulk["reviewed"] == 3 and {c["status"] for c in bulk["items"]} == {"rejected"}

    log = client.get("/api/v1/audit?limit=100", headers=web.headers("admin")).json()
    actions = [e["action"] for e in log["items"]]
    assert actions.count("claim.reject") == 3 and "claim.edit" in actions
    assert "claim.accept" in actions and "event.update" in actions
    edit = next(e for e in log["items"] if e["action"] == "claim.edit")
    assert edit["user"] == "editor" and edit["before"]["value"] == "Simferopol"
    assert edit["after"]["value"] == "Bakhchysarai"


def test_search_is_accent_insensitive_with_filters(client, web):
    h = web.headers("viewer")
    found = client.get("/api/v1/search?q=Erdogan", headers=h).json()
    assert found["total"]["reports"] == 1 and found["reports"][0]["id"] == 1
    assert "Erdoğan" in found["reports"][0]["snippet"]
    assert [p["name"] for p in found["persons"]] == ["Recep Tayyip Erdoğan"]
    events = client.get("/api/v1/search?q=simferopol&kind=events&type=arrest",
                        headers=h).json()
    assert events["total"] == {"events": 1} and events["events"][0]["type"] == "arrest"
    dated = client.get("/api/v1/search?q=chiygoz&kind=reports&since=2016-01-01",
                       headers=h).json()
    assert [r["id"] for r in dated["reports"]] == [1]
    assert client.get("/api/v1/search?q=nothing-like-this", headers=h).json()["total"] == {
        "reports": 0, "persons": 0, "events": 0}


def test_ingest_stores_each_item_with_its_status(client, web):
    h = web.headers("editor")
    body = {"items": [{"text": "Ilmi Umerov was detained in Bakhchysarai.", "title": "Umerov",
                       "published": "2016-05-12"},
                      {"text": "Ilmi Umerov was detained in Bakhchysarai."}],
            "extract": False}
    result = client.post("/api/v1/ingest", json=body, headers=h).json()
    assert [i["status"] for i in result["items"]] == ["ingested", "already"]
    assert result["items"][0]["article_ids"] == result["items"][1]["article_ids"]
    report = client.get(f"/api/v1/reports/{result['items'][0]['article_ids'][0]}",
                        headers=h).json()
    assert (report["title"], report["published"], report["status"]) == (
        "Umerov", "2016-05-12", "pending")
    assert report["source"] == "upload:item-0.txt"
    with web.habeas.session() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "article.ingest")).one()
        assert entry.user_name == "editor" and entry.after["title"] == "Umerov"
    bad = client.post("/api/v1/ingest", json={"items": []}, headers=h)
    assert bad.status_code == 422


def test_exports(client, web):
    h = web.headers("viewer")
    csv_text = client.get("/api/v1/export?format=csv", headers=h).text
    assert csv_text.splitlines()[0].startswith("event_id,person_id,person,type")
    assert len(csv_text.strip().splitlines()) == 4
    rows = client.get("/api/v1/export?format=json", headers=h).json()
    assert {r["type"] for r in rows} == {"arrest", "sentence", "release"}


def test_tokens_are_stored_hashed(web):
    from habeas.store.accounts import ApiToken

    with web.habeas.session() as session:
        stored = set(session.scalars(select(ApiToken.token_hash)))
    assert not stored & set(web.tokens.values()) and len(stored) == 3


def test_a_persons_events_include_those_of_everyone_merged_into_them(tmp_path):
    from habeas.model import Document, EventRecord, Extraction, PersonRecord, Span
    from habeas.resolve.persons import merge
    from habeas.resolve.article import save_extraction
    from habeas.store import Person, add_article
    from habeas.web.search import person_rows
    from habeas.web.stats import page_events
    from habeas.workspace import Habeas

    habeas = Habeas(database_url=f"sqlite:///{tmp_path / 'm.db'}")
    stored = {}
    with habeas.session() as session, session.begin():
        for n, (name, etype) in enumerate((("Enver Ametov", "arrest"),
                                           ("Rustem Vaitov", "sentence"))):
            text = f"{name} was held."
            person = PersonRecord(id="p1", name=name, mentions=[Span(0, len(name), name)])
            event = EventRecord(type=etype, persons=["p1"], sources=[Span(0, len(text), text)])
            article, _ = add_article(session=session, document=Document(
                text=text, source=f"{n}.txt", published="2020-01-01"))
            save_extraction(session=session, article=article, extraction=Extraction(
                document={}, persons=[person], events=[event]))
        people = {p.name: p for p in session.query(Person)}
        merge(session, people["Rustem Vaitov"], people["Enver Ametov"], by="test")
        stored = people["Enver Ametov"].id
    with habeas.session() as session:
        rows, total = page_events(session=session, person_id=stored)
        assert total == 2 and {r["type"] for r in rows} == {"arrest", "sentence"}
        (row,) = person_rows(session, [session.get(Person, stored)])
        assert row["events"] == 2
    habeas.close()


def test_a_decision_derives_and_reindexes_its_event(client, web):
    """Rejecting every claim that gives an event its place (a bulk decision) derives the
    event again at once and indexes it again: a search for that place no longer finds it
    (the twelfth round of docs/scale.md)."""
    from sqlalchemy import select

    from habeas.store.models import Claim, Event

    h = web.headers("editor")
    found = client.get("/api/v1/search?q=simferopol&kind=events&type=arrest", headers=h).json()
    event_id = found["events"][0]["event_id"]
    with web.habeas.session() as session:
        ids = list(session.scalars(select(Claim.id).where(
            Claim.subject_type == "event", Claim.subject_id == event_id, Claim.field == "place",
            Claim.status != "rejected")))
        values = set(session.scalars(select(Claim.value).where(Claim.id.in_(ids))))
    assert ids and values == {"Simferopol"}
    done = client.post("/api/v1/claims/review", headers=h, json={"action": "reject", "ids": ids})
    assert done.status_code == 200, done.text
    with web.habeas.session() as session:
        assert session.get(Event, event_id).place is None
    after = client.get("/api/v1/search?q=simferopol&kind=events&type=arrest", headers=h).json()
    assert event_id not in [e["event_id"] for e in after["events"]]
