"""The case corpus (tests/cases/): twelve reports about the same few people, written for this
test in the voices of different outlets, run through the real pipeline and store. Resolution
must give exactly the expected people, the merged events and the conflicts between reports."""

from __future__ import annotations

import json

import pytest

from habeas.store import queries
from habeas.workspace import Habeas
from tests.conftest import ROOT

CASES = ROOT / "tests" / "cases"
EXPECTED = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def case_store(database_url, nlp):
    habeas = Habeas(database_url=database_url)
    habeas._nlp = nlp  # the session's loaded pipeline
    report = habeas.ingest(sorted(CASES.glob("c*.json")))
    assert report.ingested == 12 and not report.rejected
    extracted = habeas.extract()
    assert extracted.articles == 12 and not extracted.failed
    yield habeas
    habeas.close()


def dossiers(habeas):
    with habeas.session() as session:
        return {d["name"]: d for d in queries.export_persons(session=session)}


def test_cases_give_exactly_the_people(case_store):
    found = dossiers(case_store)
    assert sorted(found) == EXPECTED["persons"]
    for name, aliases in EXPECTED["aliases"].items():  # each spelling, alone or in a name
        for alias in aliases:
            assert any(alias in a for a in found[name]["aliases"]), (name, alias)


def test_cases_merge_events_across_reports(case_store):
    found = dossiers(case_store)
    for want in EXPECTED["events"]:
        timeline = found[want["persons"][0]]["timeline"]
        matches = [e for e in timeline if e["type"] == want["type"] and e["date"] == want["date"]
                   and all(e.get(k) == want[k] for k in ("place", "term_months") if k in want)]
        assert len(matches) == 1, want
        [event] = matches
        assert sorted(event["persons"]) == sorted(want["persons"]), want
        outlets = {s["article_id"] for s in event["sources"]}
        assert len(outlets) >= want["min_sources"], (want, event["sources"])


def test_cases_flag_conflicts_and_keep_every_value(case_store):
    found = dossiers(case_store)
    for want in EXPECTED["conflicts"]:
        conflicts = [c for c in found[want["person"]]["conflicts"] if c["field"] == want["field"]
                     and c.get("type") == want["type"]]
        assert conflicts, want
        values = sorted(v["value"] for v in conflicts[0]["values"])
        assert values == want["values"]
        assert all(v["sources"] for v in conflicts[0]["values"])


def test_cases_status_since_and_custody(case_store):
    found = dossiers(case_store)
    for name, (status, since) in EXPECTED["status"].items():
        assert (found[name]["status"], found[name]["since"]) == (status, since)
    chiygoz = found["Akhtem Chiygoz"]
    # arrested 2015-01-29, released 2017-10-25
    assert chiygoz["days_in_custody"] == 1000
