"""Fixtures shared by the web tests (this module holds no tests of its own).

``web`` is a Habeas on a fresh SQLite file with three users (admin, editor, viewer), an API
token each, and two reports stored with hand-made extractions (no spaCy model needed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from habeas.model import Document, EventRecord, Extraction, PersonRecord, Span
from habeas.resolve.article import save_extraction
from habeas.store import accounts, add_article
from habeas.workspace import Habeas

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")
PASSWORD = "correct horse battery"
ROLES = ("admin", "editor", "viewer")
VERSIONS = {"habeas_persons": "habeas.persons.v1", "habeas_events": "habeas.events.v3"}

TEXT_1 = (
    "Akhtem Chiygoz, 52, was sentenced by a Russian court in Simferopol on Sept. 11, 2017 to "
    "eight years in prison for organizing protests. Recep Tayyip Erdoğan raised his case. "
    "Chiygoz was released on Oct. 25, 2017, his lawyer Nikolai Polozov said."
)
TEXT_2 = "Chyigoz was detained in Simferopol in January 2015. Chiygoz, 53, is a Crimean Tatar."


def span(text: str, fragment: str, length: int | None = None) -> Span:
    start = text.index(fragment)
    end = start + (length if length is not None else len(fragment))
    return Span(start=start, end=end, text=text[start:end])


def sentence(text: str, first_words: str) -> Span:
    start = text.index(first_words)
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return Span(start=start, end=end, text=text[start:end])


def extraction_1() -> Extraction:
    t = TEXT_1
    chiygoz = PersonRecord(id="p1", name="Akhtem Chiygoz", aliases=["Chiygoz"], age=52,
                           mentions=[span(t, "Akhtem Chiygoz"), span(t, "Chiygoz was", 7)],
                           evidence={"age": span(t, "52", 2)})
    erdogan = PersonRecord(id="p2", name="Recep Tayyip Erdoğan",
                           mentions=[span(t, "Recep Tayyip Erdoğan")])
    sentence_event = EventRecord(type="sentence", persons=["p1"], date="2017-09-11",
                                 place="Simferopol", agent="a Russian court",
                                 charge="organizing protests", term_months=96,
                                 sources=[sentence(t, "Akhtem Chiygoz, 52")])
    release = EventRecord(type="release", persons=["p1"], date="2017-10-25",
                          attributed_to="Nikolai Polozov", sources=[sentence(t, "Chiygoz was")])
    return Extraction(document={}, persons=[chiygoz, erdogan],
                      events=[sentence_event, release], versions=dict(VERSIONS))


def extraction_2() -> Extraction:
    t = TEXT_2
    chiygoz = PersonRecord(id="p1", name="Chiygoz", aliases=["Chyigoz"], age=53,
                           groups=["Crimean Tatars"],
                           mentions=[span(t, "Chyigoz"), span(t, "Chiygoz")],
                           evidence={"age": span(t, "53", 2)})
    arrest = EventRecord(type="arrest", persons=["p1"], date="2015-01", place="Simferopol",
                         sources=[sentence(t, "Chyigoz was")])
    return Extraction(document={}, persons=[chiygoz], events=[arrest], versions=dict(VERSIONS))


DOC_1 = Document(text=TEXT_1, source="verdict.txt", title="Chiygoz sentenced, then freed",
                 outlet="Peninsula Court Watch", published="2017-10-26")
DOC_2 = Document(text=TEXT_2, source="detained.txt", title="Chyigoz detained",
                 outlet="Black Sea Wire", published="2015-01-30")


@dataclass
class Web:
    habeas: Habeas
    tokens: dict[str, str]

    def headers(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}


def make_web(path) -> Web:
    habeas = Habeas(database_url=f"sqlite:///{path / 'habeas.db'}")
    tokens = {}
    with habeas.session() as session, session.begin():
        for role in ROLES:
            user = accounts.add_user(session=session, name=role, password=PASSWORD, role=role)
            tokens[role] = accounts.create_token(session=session, user=user)
        for document, extraction in ((DOC_1, extraction_1()), (DOC_2, extraction_2())):
            article, _ = add_article(session=session, document=document)
            save_extraction(session=session, article=article, extraction=extraction)
    return Web(habeas, tokens)


@pytest.fixture
def web(tmp_path):
    made = make_web(tmp_path)
    yield made
    made.habeas.close()


@pytest.fixture
def client(web):
    from fastapi.testclient import TestClient

    from habeas.web import make_app

    with TestClient(make_app(web.habeas)) as test_client:
        yield test_client


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def sign_in(client, role: str) -> str:
    """Sign in as ``role``; returns the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"name": role, "password": PASSWORD,
                                           "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/ingest").text)
