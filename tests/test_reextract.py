"""``habeas reextract``: stored articles extracted again keep every decision (accepted,
rejected, edited) and manual merge that still applies, and report those that no longer match,
on SQLite and (with HABEAS_TEST_DATABASE_URL) PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from habeas.cli import app
from habeas.nlp import pipeline as nlp_pipeline
from habeas.resolve import persons as resolution
from habeas.store import accounts, review
from habeas.store.models import Claim, Event, Person
from habeas.workspace import Habeas

from conftest import EXAMPLES

REPORTS = ["chiygoz-detained-2015.txt", "umerov-verdict-2017.txt", "chiygoz-verdict-2017.md"]


@pytest.fixture
def habeas(database_url, nlp):
    habeas = Habeas(database_url=database_url)
    habeas._nlp = nlp  # the session's pipeline, loaded once
    habeas.ingest([EXAMPLES / "reports" / name for name in REPORTS])
    habeas.extract()
    yield habeas
    habeas.close()


def claim(session, field, value, **where):
    query = select(Claim).where(Claim.field == field)
    for name, wanted in where.items():
        query = query.where(getattr(Claim, name) == wanted)
    superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
    found = [c for c in session.scalars(query.where(Claim.id.not_in(superseded))
                                        .order_by(Claim.id)) if c.value == value]
    assert found, (field, value, where)
    return found[0]


def person(session, name):
    return session.scalars(select(Person).where(Person.name == name)).one()


def review_work(habeas):
    """Accept a term, reject a role, edit a date, merge two persons by hand."""
    with habeas.session(write=True) as session, session.begin():
        editor = accounts.add_user(session=session, name="ed", password="long-enough-pass",
                                   role="editor")
        umerov, polozov = person(session, "Ilmi Umerov"), person(session, "Nikolai Polozov")
        accepted = claim(session, "term_months", 24, subject_type="event")
        rejected = claim(session, "roles", "deputy", subject_id=umerov.id)
        dated = claim(session, "date", "2017-09-11", subject_type="event")
        review.decide(session=session, claim_id=accepted.id, action="accept", user=editor)
        review.decide(session=session, claim_id=rejected.id, action="reject", user=editor)
        review.edit_claim(session=session, claim_id=dated.id, value="2017-09-12", user=editor)
        merge = resolution.merge(session, polozov, umerov, by="ed", reason="test")
        # claims made by older rules
        session.execute(update(Claim).values(rules_version="habeas.rules.en.v0",
                                             rules_hash="old"))
        return {"accepted": accepted.article_id, "rejected": rejected.article_id,
                "edited": dated.article_id, "merge": merge.id,
                "persons": {p.name: p.id for p in session.scalars(select(Person))}}


def test_every_decision_edit_and_merge_that_still_applies_is_kept(habeas):
    work = review_work(habeas)
    report = habeas.reextract()
    assert len(report.articles) == 3 and not report.failed
    assert report.total("carried") == 3 and report.total("lost") == 0
    assert report.total("merges_kept") >= 1 and report.total("merges_lost") == 0
    with habeas.session() as session:
        umerov = person(session, "Ilmi Umerov")
        assert claim(session, "term_months", 24, subject_type="event").status == "accepted"
        assert claim(session, "roles", "deputy", subject_id=umerov.id).status == "rejected"
        edit = claim(session, "date", "2017-09-12", subject_type="event")
        assert edit.status == "edited" and edit.reviewed_by == "ed"
        assert session.get(Event, edit.subject_id).date == "2017-09-12"
        history = review.claim_history(session=session, claim_id=edit.id)
        assert [h["value"] for h in history] == ["2017-09-11", "2017-09-12", "2017-09-11",
                                                 "2017-09-12"]
        # persons keep their ids, the manual merge is in force and not undone
        assert {p.name: p.id for p in session.scalars(select(Person))} == work["persons"]
        polozov = person(session, "Nikolai Polozov")
        assert resolution.canonical(session, polozov).id == umerov.id
        merges = [h for h in resolution.history(session, umerov) if h["kind"] == "merge"]
        assert [(m["id"], m["undone_at"]) for m in merges] == [(work["merge"], None)]
        # the new claims say which rules made them; the old ones stay as history
        superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
        live = session.scalars(select(Claim).where(Claim.id.not_in(superseded),
                                                   Claim.extractor != "reviewer")).all()
        assert live and all(c.rules_hash not in (None, "old") for c in live)
        assert session.scalar(select(Claim).where(Claim.rules_hash == "old").limit(1))
    again = habeas.reextract()  # a second run keeps them too
    assert again.total("carried") == 3 and again.total("lost") == 0


def test_a_decision_no_longer_matched_is_reported_not_dropped(habeas, monkeypatch):
    work = review_work(habeas)
    process = nlp_pipeline.process

    def without_the_sentence(nlp, documents, **options):
        """New rules that no longer read the 24-month sentence."""
        for document, extraction in process(nlp, documents, **options):
            extraction.events = [e for e in extraction.events if e.term_months != 24]
            yield document, extraction

    monkeypatch.setattr(nlp_pipeline, "process", without_the_sentence)
    report = habeas.reextract(article_ids=[work["accepted"]])
    assert len(report.articles) == 1
    lost = [item for kept in report.articles for item in kept.lost]
    assert [(item["field"], item["value"], item["status"]) for item in lost] == [
        ("term_months", 24, "accepted")]
    with habeas.session() as session:  # still in the store, as it was
        kept = session.get(Claim, lost[0]["id"])
        assert kept.status == "accepted" and kept.reviewed_by == "ed"


def test_reextract_through_the_cli(habeas, database_url):
    review_work(habeas)
    habeas.close()
    result = CliRunner().invoke(app, ["--db", database_url, "reextract", "--article", "2",
                                      "--article", "99"])
    assert result.exit_code == 0, result.output
    assert "Re-extracted 1 article(s)" in result.output
    assert "skipped article 99: not an extracted article" in result.output
    bad = CliRunner().invoke(app, ["--db", database_url, "reextract", "--since", "2017-13"])
    assert bad.exit_code == 2 and "'2017-13' is not a date" in bad.output
