"""An event's values kept up to date incrementally (``store.tally``: its live claims counted by
value, brought up to date as claims join it and reviewers decide or edit them) are those a full
derivation from all its live claims gives (the eleventh round of docs/scale.md)."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select, update

from habeas.model import Document, EventRecord, Extraction, PersonRecord, Span
from habeas.resolve.article import save_extraction
from habeas.resolve.events import refresh
from habeas.store import add_article, make_engine, migrate, unit_of_work
from habeas.store.accounts import add_user
from habeas.store.models import Article, Claim, Event, EventPerson
from habeas.store.review import claim_version, decide, edit_claim
from habeas.store.tally import DERIVED_FIELDS, Tally, as_read, choose, tally_from_claims


# ----------------------------------------------------------------------------- the counting

def derived_in_full(claims: list[tuple[int, str, object]]) -> tuple[dict, set, bool]:
    """What ``refresh`` derived by reading every live claim ((id, field, value)): the values,
    the persons, whether there is a live claim at all."""
    by_field: dict[str, list] = {}
    for _, field, value in sorted(claims, key=lambda c: c[0]):
        by_field.setdefault(field, []).append(as_read(value))  # as the column gives it back
    values = {field: choose(field, by_field.get(field, [])) for field in DERIVED_FIELDS}
    values["hedged"] = bool(by_field.get("hedged")) and all(by_field["hedged"])
    persons = {pid for value in by_field.get("persons", []) for pid in value}
    return values, persons, bool(claims)


def counted(claims: list[tuple[int, str, object]]) -> Tally:
    tally = Tally()
    for claim in sorted(claims, key=lambda c: c[0]):
        tally.add(*claim)
    return tally


VALUES = {
    "date": ["2024", "2024-03", "2024-03-05", "2024-03-06", "2023-11-30"],
    "place": ["Tallinn", "Tartu", "Narva"],
    "term_months": [6, 12, 18],
    # the same dict with its keys in another order: one value as a claim's column gives it
    # back (keys sorted), as the tally counts it
    "extras": [{"fine": 100, "suspended": True}, {"suspended": True, "fine": 100}, {"fine": 5}],
    "hedged": [True, False],
    "persons": [[1], [1, 2], [3], []],
    "type": ["arrest"],
    "release_mode": ["bail", None],
}


@pytest.mark.parametrize("seed", range(40))
def test_incremental_tally_derives_what_every_claim_derives(seed):
    """Claims join, are rejected (the earliest of a value too), accepted again and edited, in
    a random order; after each step the tally kept up to date derives what all the live claims
    derive, and is the tally counted afresh from them."""
    rng = random.Random(seed)
    live: list[tuple[int, str, object]] = []
    gone: list[tuple[int, str, object]] = []  # rejected: may be accepted again
    tally = Tally()
    next_id = 1
    for _ in range(120):
        step = rng.random()
        if step < 0.55 or not live:
            field = rng.choice(list(VALUES))
            claim = (next_id, field, rng.choice(VALUES[field]))
            next_id += 1
            live.append(claim)
            tally.add(*claim)
        elif step < 0.8:  # rejected, or superseded by an edit (a new claim, the newest id)
            claim = live.pop(rng.randrange(len(live)))
            if not tally.remove(*claim):
                tally.refill(claim[1], [(i, v) for i, f, v in sorted(live) if f == claim[1]])
            if rng.random() < 0.5:
                edit = (next_id, claim[1], rng.choice(VALUES[claim[1]]))
                next_id += 1
                live.append(edit)
                tally.add(*edit)
            else:
                gone.append(claim)
        elif gone:  # a rejected claim accepted again: an old id rejoins
            claim = gone.pop(rng.randrange(len(gone)))
            live.append(claim)
            tally.add(*claim)
        values, persons, present = derived_in_full(live)
        assert tally.present() == present
        if present:
            assert tally.derived() == values
        assert tally.named() == persons
        assert tally.dump() == counted(live).dump()
        assert Tally.load(tally.dump()).dump() == tally.dump()


def test_ties_go_to_the_earliest_claim_as_choose_has_them():
    claims = [(5, "place", "Tartu"), (2, "place", "Tallinn"), (9, "place", "Tartu"),
              (7, "place", "Tallinn"), (1, "date", "2024-03"), (3, "date", "2024-03-05"),
              (4, "date", "2024-03-06")]
    tally = Tally()
    for claim in claims:  # in any order: an old claim accepted again comes late
        tally.add(*claim)
    assert tally.derived()["place"] == "Tallinn"
    assert tally.derived()["date"] == derived_in_full(claims)[0]["date"]


# ----------------------------------------------------------------------------- in the store

def write(session, text, records, events):
    article, _ = add_article(session=session, document=Document(
        text=text, source=f"{abs(hash(text))}.txt", outlet="Outlet", published="2024-05-01"))
    return save_extraction(session=session, article=article, extraction=Extraction(
        document={}, persons=records, events=list(events),
        versions={"habeas_events": "habeas.events.v3"}))


def told(n: int, **values) -> tuple[str, list, list]:
    text = f"Report {n}: Greta Holm was arrested."
    return text, [PersonRecord(id="p1", name="Greta Holm")], [EventRecord(
        type="arrest", persons=["p1"], sources=[Span(0, len(text), text)], **values)]


def report(session, n: int, **values):
    return write(session, *told(n, **values))


def fresh_tally(session, event_id: int) -> dict:
    return tally_from_claims(session, [event_id])[event_id].dump()


def check(session, event_id: int, *, values: bool = True) -> None:
    """The stored tally is the one counted from the live claims; with ``values``, the event's
    values are those a full derivation gives (after a merge, and after a reviewer's decision
    or edit, which derives the event at once: the twelfth round of docs/scale.md)."""
    session.flush()
    event = session.get(Event, event_id)
    session.refresh(event)
    assert event.tally == fresh_tally(session, event_id)
    if values:
        claims = session.execute(select(Claim.id, Claim.field, Claim.value).where(
            Claim.subject_type == "event", Claim.subject_id == event_id,
            Claim.status != "rejected",
            Claim.id.not_in(select(Claim.supersedes_id).where(
                Claim.supersedes_id.is_not(None))))).all()
        derived, persons, _ = derived_in_full([tuple(c) for c in claims])
        for field, value in derived.items():
            assert getattr(event, field) == value, field
        linked = set(session.scalars(select(EventPerson.person_id)
                                     .where(EventPerson.event_id == event_id)))
        if persons:  # with no live claim naming anyone, a derivation leaves the links
            assert linked == persons


def test_merges_and_reviews_keep_the_stored_tally_exact(sessions):
    """Reports join an event, reviewers reject, accept again and edit its claims (the earliest
    claim of a value others give too, an edit of one), more reports join: the stored tally is
    always the one counted from the claims, and after each merge the event's values are those
    a full derivation from all its live claims gives."""
    with unit_of_work(sessions) as session:
        reviewer = add_user(session=session, name="rita", password="a long password",
                            role="editor")
        report(session, 1, date="2024-03", place="Tallinn", hedged=True)
        event_id = session.scalars(select(Event.id)).one()
        check(session, event_id)
    plan = [dict(date="2024-03-05", place="Tallinn", term_months=12),
            dict(date="2024-03-05", place="Tartu", hedged=False),
            dict(date="2024-03-06", place="Tartu", extras={"fine": 100, "suspended": True})]
    for n, values in enumerate(plan, 2):
        with unit_of_work(sessions) as session:
            counts = report(session, n, **values)
            assert counts["events_merged"] == 1
            check(session, event_id)
    with unit_of_work(sessions) as session:
        reviewer = session.merge(reviewer)
        places = session.scalars(select(Claim).where(
            Claim.subject_id == event_id, Claim.field == "place").order_by(Claim.id)).all()
        first = places[0]  # the earliest "Tallinn", another claim gives it too
        decide(session=session, claim_id=first.id, action="reject", user=reviewer)
        check(session, event_id)
        decide(session=session, claim_id=first.id, action="accept", user=reviewer,
               version=claim_version(first))
        check(session, event_id)
        dates = session.scalars(select(Claim).where(
            Claim.subject_id == event_id, Claim.field == "date").order_by(Claim.id)).all()
        edited = edit_claim(session=session, claim_id=dates[0].id, value="2024-03-06",
                            user=reviewer)
        check(session, event_id)
        edit_claim(session=session, claim_id=edited.id, value="2024-03-05", user=reviewer,
                   version=claim_version(edited))
        check(session, event_id)
        persons = session.scalars(select(Claim).where(
            Claim.subject_id == event_id, Claim.field == "persons")).all()
        for claim in persons:
            decide(session=session, claim_id=claim.id, action="reject", user=reviewer)
        check(session, event_id)
        decide(session=session, claim_id=persons[0].id, action="accept", user=reviewer,
               version=claim_version(persons[0]))
        check(session, event_id)
    for n, values in enumerate([dict(date="2024-03-06", place="Narva")], 5):
        with unit_of_work(sessions) as session:
            report(session, n, **values)
            check(session, event_id)


def test_an_event_of_unknown_tally_is_counted_from_its_claims(sessions):
    """An event stored before tallies were kept (or whose tally a re-extraction set aside) is
    counted from its claims at its next derivation, and its tally is kept from then on."""
    with unit_of_work(sessions) as session:
        report(session, 1, date="2024-03", place="Tallinn")
        report(session, 2, date="2024-03-05", place="Tartu")
        event_id = session.scalars(select(Event.id)).one()
        session.execute(update(Event).values(tally=None))
    with unit_of_work(sessions) as session:
        report(session, 3, date="2024-03-05", place="Tartu")
        check(session, event_id)
    with unit_of_work(sessions) as session:
        session.execute(update(Event).values(tally=None))
        event = session.get(Event, event_id)
        refresh(session, event)
        check(session, event_id)


def test_migration_0008_adds_the_tally_and_takes_it_away(database_url):
    """Events stored before 0008 get a NULL tally (counted at their next derivation); the
    downgrade drops the column and keeps the events."""
    from alembic import command
    from sqlalchemy import inspect

    from habeas.store.db import alembic_config

    engine = make_engine(database_url)
    try:
        migrate(engine, revision="0007_one_head")
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO articles (id, content_hash, text, source, ingested_at, status) "
                "VALUES (1, 'h', 'Greta Holm was arrested.', 'a.txt', '2024-05-01', "
                "'extracted')")
            connection.exec_driver_sql(
                "INSERT INTO events (id, type, negated, hedged, article_id, created_at) "
                "VALUES (1, 'arrest', false, false, 1, '2024-05-01')")
        migrate(engine)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT tally FROM events").all() == [(None,)]
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0007_one_head")
        assert "tally" not in {c["name"] for c in inspect(engine).get_columns("events")}
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT id FROM events").all() == [(1,)]
        migrate(engine)
        assert "tally" in {c["name"] for c in inspect(engine).get_columns("events")}
    finally:
        engine.dispose()


def test_a_reextraction_carrying_decisions_derives_the_event_again(sessions):
    """A re-extraction carries reviewers' decisions onto the new claims (they supersede the
    old ones after the record is written): their event is derived again from its live claims
    at once (its tally exact), and the next report derives it as a full derivation would."""
    from habeas.resolve.keep import reextract

    values = dict(date="2024-03-05", place="Tartu")
    with unit_of_work(sessions) as session:
        reviewer = add_user(session=session, name="rita", password="a long password",
                            role="editor")
        report(session, 1, date="2024-03", place="Tallinn")
        report(session, 2, **values)
        event_id = session.scalars(select(Event.id)).one()
        second = session.scalars(select(Article.id).order_by(Article.id.desc())).first()
        place, date = (session.scalars(select(Claim).where(
            Claim.article_id == second, Claim.subject_type == "event", Claim.field == field))
            .one() for field in ("place", "date"))
        decide(session=session, claim_id=place.id, action="reject", user=reviewer)
        edit_claim(session=session, claim_id=date.id, value="2024-03-06", user=reviewer)
        check(session, event_id)
    with unit_of_work(sessions) as session:
        text, persons, events = told(2, **values)
        kept = reextract(session=session, article=session.get(Article, second),
                         extraction=Extraction(document={}, persons=persons, events=events,
                                               versions={"habeas_events": "habeas.events.v3"}))
        assert len(kept.carried) == 2
        session.flush()
        # the events a decision was carried onto are derived again at once, as a review does
        check(session, event_id)
    with unit_of_work(sessions) as session:
        report(session, 3, date="2024-03-06", place="Narva")
        check(session, event_id)


def test_a_review_derives_the_event_at_once(sessions):
    """A reviewer's rejection, acceptance and edit derive the event's listed values and persons
    at once from the live claims (not at the next report), audited as an ``event.update``
    when they change; an edit outvoted by other reports' claims does not set its column; an
    edit of the type (not derived) sets it; an event of unknown tally is counted from its
    claims by the decision."""
    from habeas.store.accounts import AuditEntry

    def updates(session):
        return [(e.before, e.after) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action == "event.update")
            .order_by(AuditEntry.id))]

    with unit_of_work(sessions) as session:
        reviewer = add_user(session=session, name="rita", password="a long password",
                            role="editor")
        report(session, 1, date="2024-03-05", place="Tallinn")
        report(session, 2, date="2024-03-05", place="Tartu")
        report(session, 3, date="2024-03-06")
        event_id = session.scalars(select(Event.id)).one()
        event = session.get(Event, event_id)
        assert (event.place, event.date) == ("Tallinn", "2024-03-05")  # a tie: the earliest
        place = session.scalars(select(Claim).where(
            Claim.subject_id == event_id, Claim.field == "place").order_by(Claim.id)).first()
        decide(session=session, claim_id=place.id, action="reject", user=reviewer)
        assert session.get(Event, event_id).place == "Tartu"
        check(session, event_id)
        assert updates(session) == [({"place": "Tallinn"}, {"place": "Tartu"})]
        decide(session=session, claim_id=place.id, action="accept", user=reviewer,
               version=claim_version(place))
        assert session.get(Event, event_id).place == "Tallinn"
        check(session, event_id)
        last = session.scalars(select(Claim).where(
            Claim.subject_id == event_id, Claim.field == "date").order_by(Claim.id.desc())
        ).first()
        edit_claim(session=session, claim_id=last.id, value="2024-03-07", user=reviewer)
        assert session.get(Event, event_id).date == "2024-03-05"  # two reports say so
        check(session, event_id)
        assert len(updates(session)) == 2  # the date listed did not change
        kind = session.scalars(select(Claim).where(
            Claim.subject_id == event_id, Claim.field == "type")).first()
        edit_claim(session=session, claim_id=kind.id, value="search", user=reviewer)
        assert session.get(Event, event_id).type == "search"
        assert updates(session)[-1] == ({"type": "arrest"}, {"type": "search"})
    with unit_of_work(sessions) as session:
        reviewer = session.merge(reviewer)
        session.execute(update(Event).values(tally=None))
        dates = session.scalars(select(Claim).where(
            Claim.subject_id == event_id, Claim.field == "date", Claim.status == "proposed")
            .order_by(Claim.id)).all()
        for claim in dates[:2]:  # both "2024-03-05": the edit's "2024-03-07" is left
            decide(session=session, claim_id=claim.id, action="reject", user=reviewer)
        assert session.get(Event, event_id).date == "2024-03-07"
        check(session, event_id)
