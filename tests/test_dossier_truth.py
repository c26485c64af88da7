"""Dossier truth: ages that agree are not conflicts, events of persons whose given names differ
are never merged, and the persons list tells the people events happened to from those who only
speak or act (CLI, web page, API), on the demo's reports and on hand-made ones."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from habeas.model import Document, EventRecord, Extraction, PersonRecord, Span
from habeas.resolve.events import ages_agree, birth_window, given_names_fit
from habeas.resolve.names import parse
from habeas.resolve.article import save_extraction
from habeas.store import accounts, add_article, queries
from habeas.resolve import events as event_resolution
from habeas.store.models import Event, EventSource, Mention, Person
from habeas.workspace import Habeas
from tests.conftest import EXAMPLES

VERSIONS = {"habeas_persons": "habeas.persons.v1", "habeas_events": "habeas.events.v3"}
PASSWORD = "correct horse battery"


@pytest.mark.parametrize("ages,agree", [
    ([(50, "2015-01-30"), (52, "2017-09-12")], True),   # the demo's Chiygoz
    ([(50, "2015"), (52, "2017")], True),
    ([(59, "2020-06-01"), (60, "2020-06-08")], True),   # a birthday that week
    ([(60, "2017-09-28"), (59, "2017-10-26")], False),  # younger a month later: Umerov
    ([(50, "2015"), (53, "2015")], False),
    ([(52, "2017-10-26"), (53, "2015-01-30")], False),
    ([(50, None), (70, "2015")], True),                 # an undated age is not compared
    ([(40, "2016-02-29"), (41, "2017-03-01")], True),
])
def test_ages_agree(ages, agree):
    assert ages_agree(ages) is agree


def test_birth_window_of_a_month():
    low, high = birth_window(52, "2017-09")
    assert (low.isoformat(), high.isoformat()) == ("1964-09-01", "1965-09-30")


def test_given_names_fit():
    enver, eldar, bare = parse("Enver Osmanov"), parse("Eldar Osmanov"), parse("Osmanov")
    assert not given_names_fit([eldar], [enver])
    assert given_names_fit([enver], [enver, eldar])      # brothers arrested together
    assert given_names_fit([eldar], [bare])               # a surname alone fits anyone
    assert given_names_fit([eldar], [parse("Ilmi Umerov")])


# ----------------------------------------------------------------------------- events

def span(text: str, fragment: str) -> Span:
    start = text.index(fragment)
    return Span(start=start, end=start + len(fragment), text=fragment)


def store(habeas: Habeas, text: str, source: str, published: str,
          persons: list[PersonRecord], events: list[EventRecord]) -> dict[str, int]:
    with habeas.session(write=True) as session, session.begin():
        article, _ = add_article(session=session, document=Document(
            text=text, source=source, title=source, published=published))
        return save_extraction(session=session, article=article, extraction=Extraction(
            document={}, persons=persons, events=events, versions=dict(VERSIONS)))


def arrest(text: str, who: str) -> EventRecord:
    return EventRecord(type="arrest", persons=[who], date="2019-03-27", place="Simferopol",
                       sources=[span(text, text[:40])])


@pytest.fixture
def habeas(tmp_path):
    made = Habeas(database_url=f"sqlite:///{tmp_path / 'h.db'}")
    yield made
    made.close()


ENVER = "Enver Osmanov was detained in Simferopol on March 27, 2019."


def store_enver(habeas: Habeas) -> None:
    store(habeas, ENVER, "a.txt", "2019-03-28",
          [PersonRecord(id="p1", name="Enver Osmanov", mentions=[span(ENVER, "Enver Osmanov")])],
          [arrest(ENVER, "p1")])


def test_eldar_osmanovs_arrest_is_not_envers(habeas):
    store_enver(habeas)
    # the second report names Eldar; its extraction kept only the surname for the arrest
    text = "Eldar Osmanov, a builder, spoke out. On March 27, 2019 Osmanov was detained."
    counts = store(habeas, text, "b.txt", "2019-03-29",
                   [PersonRecord(id="p1", name="Osmanov", mentions=[span(text, "Osmanov was")])],
                   [EventRecord(type="arrest", persons=["p1"], date="2019-03-27",
                                place="Simferopol", sources=[span(text, "On March 27")])])
    assert "events_merged" not in counts
    with habeas.session() as session:
        enver_arrest = session.scalars(select(Event).order_by(Event.id)).first()
        sources = session.scalars(select(EventSource.article_id)
                                  .where(EventSource.event_id == enver_arrest.id)).all()
        assert sources == [enver_arrest.article_id]  # only Enver's own report


def test_the_same_person_told_twice_still_merges(habeas):
    store_enver(habeas)
    text = "Police detained Enver Osmanov in Simferopol on March 27, 2019, his lawyer said."
    counts = store(habeas, text, "c.txt", "2019-03-30",
                   [PersonRecord(id="p1", name="Enver Osmanov",
                                 mentions=[span(text, "Enver Osmanov")])],
                   [arrest(text, "p1")])
    assert counts.get("events_merged") == 1


def test_a_manual_merge_does_not_merge_events_of_different_given_names(habeas):
    store_enver(habeas)
    with habeas.session(write=True) as session, session.begin():
        enver = session.scalars(select(Person)).one()
        eldar = Person(name="Eldar Osmanov", key="eldar osmanov", merged_into_id=enver.id)
        session.add(eldar)
        session.flush()
        eldar_id = eldar.id
    text = "Eldar Osmanov was detained in Simferopol on March 27, 2019."
    with habeas.session(write=True) as session, session.begin():
        article, _ = add_article(session=session, document=Document(
            text=text, source="d.txt", title="d", published="2019-03-29"))
        session.add(Mention(article_id=article.id, person_id=eldar_id, label="PERSON",
                            text="Eldar Osmanov", start_char=0, end_char=13))
        session.flush()
        same = event_resolution.plan(session, article=article, records=[arrest(text, "p1")],
                                     persons=[[eldar_id]])
        assert same == {}


# ----------------------------------------------------------------------------- the demo

@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo's reports (examples/reports) run through the real pipeline, once."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    habeas = Habeas(database_url=f"sqlite:///{path}")
    habeas.ingest([EXAMPLES / "reports"])
    habeas.extract()
    with habeas.session(write=True) as session, session.begin():
        accounts.add_user(session=session, name="ayla", password=PASSWORD, role="viewer")
        token = accounts.create_token(session=session,
                                      user=accounts.get_user(session=session, name="ayla"))
    yield habeas, token
    habeas.close()


def test_demo_chiygoz_ages_agree(demo):
    habeas, _ = demo
    with habeas.session() as session:
        [chiygoz] = queries.find_persons(session=session, name="Akhtem Chiygoz")
        dossier = queries.person_dossier(session=session, person=chiygoz)
    ages = sorted(v["value"] for v in dossier["attributes"]["age"])
    assert ages == [50, 52]  # both kept, with their sources
    assert not [c for c in dossier["conflicts"] if c["field"] == "age"]


def test_demo_dossier_page_shows_no_age_conflict(demo):
    from fastapi.testclient import TestClient

    from habeas.web import make_app
    from tests.test_web_fixtures import csrf_of

    habeas, _ = demo
    with habeas.session() as session:
        [chiygoz] = queries.find_persons(session=session, name="Akhtem Chiygoz")
    with TestClient(make_app(habeas)) as browser:
        token = csrf_of(browser.get("/login").text)
        browser.post("/login", data={"name": "ayla", "password": PASSWORD,
                                     "csrf_token": token})
        page = browser.get(f"/persons/{chiygoz.id}").text
    assert "50" in page and "52" in page
    assert "Conflicts between sources" not in page or "<strong>age</strong>" not in page


SUBJECTS = {"Akhtem Chiygoz", "Ilmi Umerov"}
SPEAKERS = {"Nikolai Polozov", "Vladimir Putin", "Recep Tayyip Erdoğan"}


def test_demo_roles_in_the_core(demo):
    habeas, _ = demo
    with habeas.session() as session:
        rows = queries.list_persons(session=session)
        subjects = {r.name for r in queries.list_persons(session=session, role="subject")}
        speakers = {r.name for r in queries.list_persons(session=session, role="speaker")}
    assert SUBJECTS <= subjects and not SPEAKERS & subjects
    assert SPEAKERS <= speakers and not SUBJECTS & speakers
    assert subjects | speakers == {r.name for r in rows}  # a filter, nobody deleted


def test_demo_roles_on_the_command_line(demo):
    from habeas.cli import app

    habeas, _ = demo
    url = habeas.database_url
    everyone = CliRunner().invoke(app, ["--db", url, "persons"])
    assert everyone.exit_code == 0, everyone.output
    lines = [line for line in everyone.output.splitlines()  # not a wrapped row's next line
             if "│" in line and ("subject" in line or "speaker" in line)]
    roles = [("subject" if "subject" in line else "speaker") for line in lines]
    assert roles == sorted(roles, key=lambda r: r != "subject")  # subjects first
    assert "Nikolai Polozov" in everyone.output  # still listed
    only = CliRunner().invoke(app, ["--db", url, "persons", "--role", "subject"])
    assert "Akhtem Chiygoz" in only.output and "Polozov" not in only.output
    speakers = CliRunner().invoke(app, ["--db", url, "persons", "--role", "speaker"])
    assert "Polozov" in speakers.output and "Chiygoz" not in speakers.output
    bad = CliRunner().invoke(app, ["--db", url, "persons", "--role", "victim"])
    assert bad.exit_code == 2 and "--role must be subject, speaker or all" in bad.output


def test_demo_roles_in_the_api_and_page(demo):
    from fastapi.testclient import TestClient

    from habeas.web import make_app
    from tests.test_web_fixtures import csrf_of

    habeas, token = demo
    h = {"Authorization": f"Bearer {token}"}
    with TestClient(make_app(habeas)) as client:
        everyone = client.get("/api/v1/persons?limit=500", headers=h).json()["items"]
        roles = [p["role"] for p in everyone]
        assert roles == sorted(roles, key=lambda r: r != "subject")
        subjects = client.get("/api/v1/persons?role=subject&limit=500", headers=h).json()
        speakers = client.get("/api/v1/persons?role=speaker&limit=500", headers=h).json()
        assert SUBJECTS <= {p["name"] for p in subjects["items"]}
        assert not SPEAKERS & {p["name"] for p in subjects["items"]}
        assert SPEAKERS <= {p["name"] for p in speakers["items"]}
        assert subjects["total"] + speakers["total"] == len(everyone)
        assert client.get("/api/v1/persons?role=victim", headers=h).status_code == 422
        login = csrf_of(client.get("/login").text)
        client.post("/login", data={"name": "ayla", "password": PASSWORD, "csrf_token": login})
        page = client.get("/persons?role=speaker").text
        assert "Nikolai Polozov" in page and "Akhtem Chiygoz" not in page
        assert "speaks or acts" in page
