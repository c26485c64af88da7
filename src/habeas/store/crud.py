"""Writing to the store: articles in, one article's extraction saved as one unit of work.

Every function takes keyword arguments after ``*`` and never commits: the caller owns the
transaction (``db.unit_of_work``), so a crash leaves either all of an article's facts or none.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection
from typing import Any

from sqlalchemy import delete, func, or_, select, union, update
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..model import (
    EVENT_FIELDS,
    EVENT_TYPES,
    RELEASE_MODES,
    Document,
    EventRecord,
    Extraction,
    PersonRecord,
    Span,
)
from .models import (
    ARTICLE_STATUSES,
    Article,
    Claim,
    Event,
    EventPerson,
    EventSource,
    Mention,
    Person,
    PersonAlias,
    StatisticRow,
    utcnow,
)
from .persons import add_alias, canonical, match_person, name_key, promote_name
from .resolution import Merge, PersonKey, Suggestion  # noqa: F401  (in Base.metadata)

# The key a list's article carries in its ``extractor`` (``resolve.lists``): read, not extracted.
LIST_IMPORTER = "habeas_import"
# Which entry of ``Extraction.versions`` vouches for a claim: the first component whose name
# contains one of these words (e.g. "habeas_events" -> "habeas.events.v1").
EVENT_COMPONENT_HINTS = ("event",)
PERSON_COMPONENT_HINTS = ("attribute", "person", "coref")
# Person fields holding one value, and those holding a list (one claim per element).
PERSON_SCALAR_FIELDS = ("age", "gender", "nationality")
PERSON_LIST_FIELDS = ("groups", "affiliations", "roles")
# The event fields written as claims besides "type" and "persons".
EVENT_CLAIM_FIELDS = EVENT_FIELDS
DATE_SHAPES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}$"), "year"),
)


# ----------------------------------------------------------------------------- articles

def add_article(*, session: Session, document: Document) -> tuple[Article, bool]:
    """Store ``document`` as a pending article; ``(existing, False)`` if its text is stored."""
    digest = document.content_hash
    existing = session.scalar(select(Article).where(Article.content_hash == digest))
    if existing is not None:
        return existing, False
    article = Article(
        content_hash=digest, doc_id=document.doc_id, title=document.title,
        outlet=document.outlet, url=document.url, published=document.published,
        language=document.language, text=document.text, source=document.source,
        status="pending",
    )
    session.add(article)
    session.flush()
    return article, True


def get_article(*, session: Session, article_id: int) -> Article | None:
    return session.get(Article, article_id)


def pending_articles(*, session: Session, limit: int | None = None,
                     after: int = 0) -> list[Article]:
    """Articles not yet extracted, oldest first (those with an id above ``after``)."""
    query = (select(Article).where(Article.status == "pending", Article.id > after)
             .order_by(Article.id))
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def extracted_articles(*, session: Session, since: str | None = None,
                       article_ids: Collection[int] | None = None) -> list[int]:
    """The ids of the articles extraction wrote (not the lists ``habeas import`` read), by id:
    those published on or after ``since`` (an ISO date), or those of ``article_ids``."""
    query = select(Article.id).where(
        Article.status == "extracted",
        or_(Article.extractor.is_(None), Article.extractor.not_like(f"%{LIST_IMPORTER}%")))
    if since is not None:
        query = query.where(Article.published >= since)
    if article_ids is not None:
        query = query.where(Article.id.in_(list(article_ids)))
    return list(session.scalars(query.order_by(Article.id)))


def count_articles(*, session: Session) -> dict[str, int]:
    """Articles per status, every status present: {"pending": 2, "extracted": 5, "failed": 0}."""
    counts = dict.fromkeys(ARTICLE_STATUSES, 0)
    rows = session.execute(select(Article.status, func.count()).group_by(Article.status))
    for status, n in rows:
        counts[status] = n
    return counts


def mark_failed(*, session: Session, article: Article, error: str) -> None:
    """Record that extraction failed (call in a fresh transaction after rolling back)."""
    article.status = "failed"
    article.error = error
    session.flush()


def reset_failed(*, session: Session) -> int:
    """Make every failed article pending again (``habeas extract --retry``); how many."""
    failed = list(session.scalars(select(Article).where(Article.status == "failed")))
    for article in failed:
        article.status = "pending"
        article.error = None
    session.flush()
    return len(failed)


# ----------------------------------------------------------------------------- extraction

def save_extraction(
    *, session: Session, article: Article, extraction: Extraction,
    keep: Collection[int] | None = None,
) -> dict[str, int]:
    """Replace ``article``'s facts with ``extraction``'s; returns what was written.

    Counts: persons_new, persons_matched, events, claims, statistics; and, when it happens,
    persons_merged (a new person resolved into one already stored), suggestions (a possible
    match left for review), events_merged (an event another report already told).

    ``keep`` (a re-extraction, ``store.keep``): the claims, by id, that stay as history instead
    of being deleted; and the article's persons stay until the new facts are written, so a
    person named again keeps its id, its merges and the decisions about it. Those left with
    nothing pointing at them are deleted then, unless merged into another (a merge is history).
    """
    from ..resolve import events as event_resolution

    again = keep is not None
    persons_before = clear_extraction(session=session, article=article, keep=keep or (),
                                      persons=not again)
    writer = _Writer(session, article, extraction)
    for record in extraction.persons:
        writer.person(record)
    writer.resolve_new_persons(extraction)
    same = event_resolution.plan(session, article=article, records=extraction.events,
                                 persons=[writer.known_ids(r) for r in extraction.events])
    for index, record in enumerate(extraction.events):
        writer.event(record, into=same.get(index))
    for statistic in extraction.statistics:
        span = statistic.evidence
        session.add(StatisticRow(
            article_id=article.id, what=statistic.what, value=statistic.value,
            qualifier=statistic.qualifier, attributed_to=statistic.attributed_to,
            sentence=span.text if span else None, start_char=span.start if span else None,
            end_char=span.end if span else None,
        ))
        writer.counts["statistics"] += 1
    article.status = "extracted"
    article.extracted_at = utcnow()
    article.extractor = json.dumps(extraction.versions, sort_keys=True)
    article.error = None
    session.flush()
    if again:
        _delete_orphans(session, persons_before, merged=False)
    return dict(writer.counts)


def clear_extraction(*, session: Session, article: Article, keep: Collection[int] = (),
                     persons: bool = True) -> set[int]:
    """Delete every fact read from ``article``: mentions, claims (but those in ``keep``),
    statistics, its event sources, events left with no source, and (with ``persons``) persons
    left with nothing pointing at them. Returns the ids of the article's persons before."""
    aid = article.id
    session.flush()
    before = _persons_of_article(session, aid)
    events = set(session.scalars(union(
        select(EventSource.event_id).where(EventSource.article_id == aid),
        select(Event.id).where(Event.article_id == aid),
    )))
    sync = {"synchronize_session": "fetch"}
    kept = Claim.id.not_in(list(keep)) if keep else None
    for table in (Claim, EventSource, StatisticRow, Mention):
        query = delete(table).where(table.article_id == aid)
        if table is Claim and kept is not None:
            query = query.where(kept)
        session.execute(query, execution_options=sync)
    for event_id in sorted(events):
        first = session.scalar(
            select(func.min(EventSource.article_id)).where(EventSource.event_id == event_id)
        )
        if first is None:
            _delete_event(session, event_id, keep=keep)
        else:
            session.execute(update(Event).where(Event.id == event_id, Event.article_id == aid)
                            .values(article_id=first), execution_options=sync)
            _refresh_event(session, event_id)
    if persons:
        _delete_orphans(session, before, merged=True)
    session.expire_all()
    return before


def _delete_orphans(session: Session, person_ids: set[int], *, merged: bool) -> None:
    """Delete the persons of ``person_ids`` nothing points at (with ``merged`` False, not those
    merged into another person: the merge is a reviewer's or the resolver's record)."""
    sync = {"synchronize_session": "fetch"}
    session.flush()
    for person_id in sorted(person_ids):
        if _is_referenced(session, person_id):
            continue
        if not merged and session.scalar(select(Person.merged_into_id)
                                         .where(Person.id == person_id)) is not None:
            continue
        session.execute(delete(PersonAlias).where(PersonAlias.person_id == person_id),
                        execution_options=sync)
        session.execute(delete(Person).where(Person.id == person_id), execution_options=sync)


def _refresh_event(session: Session, event_id: int) -> None:
    """Re-derive an event other reports still tell from the claims left (resolve.events)."""
    from ..resolve.events import refresh

    event = session.get(Event, event_id)
    if event is not None:
        refresh(session, event)


def _persons_of_article(session: Session, article_id: int) -> set[int]:
    rows = session.scalars(union(
        select(Mention.person_id).where(Mention.article_id == article_id,
                                        Mention.person_id.is_not(None)),
        select(Claim.subject_id).where(Claim.article_id == article_id,
                                       Claim.subject_type == "person"),
        select(EventPerson.person_id).join(Event, Event.id == EventPerson.event_id)
        .where(Event.article_id == article_id),
    ))
    return {r for r in rows if r is not None}


def _delete_event(session: Session, event_id: int, *, keep: Collection[int] = ()) -> None:
    sync = {"synchronize_session": "fetch"}
    query = delete(Claim).where(Claim.subject_type == "event", Claim.subject_id == event_id)
    if keep:
        query = query.where(Claim.id.not_in(list(keep)))
    session.execute(query, execution_options=sync)
    session.execute(delete(EventPerson).where(EventPerson.event_id == event_id),
                    execution_options=sync)
    session.execute(delete(Event).where(Event.id == event_id), execution_options=sync)


def _is_referenced(session: Session, person_id: int) -> bool:
    checks = (
        select(Mention.id).where(Mention.person_id == person_id),
        select(Claim.id).where(Claim.subject_type == "person", Claim.subject_id == person_id),
        select(EventPerson.event_id).where(EventPerson.person_id == person_id),
        select(Person.id).where(Person.merged_into_id == person_id),
    )
    return any(session.execute(q.limit(1)).first() is not None for q in checks)


def date_precision(date: str | None) -> str | None:
    """"2017-10-24" -> "day", "2015-01" -> "month", "2014" -> "year", None -> None."""
    if date is None:
        return None
    for pattern, precision in DATE_SHAPES:
        if pattern.match(date):
            return precision
    raise StoreError(f"the date {date!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")


def pick_component(
    versions: dict[str, str], hints: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """The (component, versioned name) that vouches for a kind of claim."""
    for hint in hints:
        for component, version in versions.items():
            if hint in component.lower():
                return component, version
    return next(iter(versions.items()), (None, None))


class _Writer:
    """Writes one extraction's persons and events; keeps the local-id map and the counts."""

    def __init__(self, session: Session, article: Article, extraction: Extraction) -> None:
        self.session = session
        self.article = article
        self.persons: dict[str, Person] = {}
        # a record that held two people (brothers named together) -> the other persons
        self.also: dict[str, list[Person]] = {}
        self.new: list[tuple[Person, PersonRecord]] = []
        # events written so far (an Event, or the id of one written in bulk: resolve.bulk)
        self.created: list[tuple[EventRecord, Event | int, set[int]]] = []
        self.counts: Counter[str] = Counter(
            dict.fromkeys(("persons_new", "persons_matched", "events", "claims", "statistics"), 0)
        )
        self.event_by = pick_component(extraction.versions, EVENT_COMPONENT_HINTS)
        self.person_by = pick_component(extraction.versions, PERSON_COMPONENT_HINTS)
        self.rules = (extraction.versions.get("rules"), extraction.versions.get("rules_hash"))
        self._claimed: set[tuple[str, int, str, str]] = set()
        # (subject type, id) -> [(field, value)] of the claims written in bulk in this unit
        self.bulk_claimed: dict[tuple[str, int], list[tuple[str, Any]]] = {}

    # -- persons
    def person(self, record: PersonRecord, *, new: bool = False) -> Person:
        """Store ``record``'s person (``new``: the caller knows no stored person has its
        names, ``resolve.bulk``, so they are not looked up)."""
        from ..resolve.persons import separate_names

        if not name_key(record.name):
            raise StoreError(f"person {record.id!r} has no name")
        main, *others = separate_names(record)
        person = self._person(main, new=new)
        self.also[record.id] = [self._person(other) for other in others]
        return person

    def _person(self, record: PersonRecord, *, new: bool = False) -> Person:
        from ..resolve.persons import index_person

        person = None if new else match_person(self.session, name=record.name,
                                               aliases=record.aliases)
        if person is None:
            person = Person(name=record.name.strip(), key=name_key(record.name))
            self.session.add(person)
            self.counts["persons_new"] += 1
            self.new.append((person, record))
        else:
            person = canonical(self.session, person)
            promote_name(self.session, person, record.name)
            self.counts["persons_matched"] += 1
        for alias in [record.name, *record.aliases]:
            add_alias(self.session, person, alias)
        self.session.flush()
        index_person(self.session, person)
        self.persons[record.id] = person
        for span in record.mentions:
            self.session.add(Mention(
                article_id=self.article.id, person_id=person.id, label="PERSON",
                text=span.text, start_char=span.start, end_char=span.end,
            ))
        for field in PERSON_SCALAR_FIELDS:
            value = getattr(record, field)
            if value is not None and value != "":
                self.claim("person", person.id, field, value, record.evidence.get(field),
                           by=self.person_by)
        for field in PERSON_LIST_FIELDS:
            for value in getattr(record, field):
                span = record.evidence.get(f"{field}:{value}") or record.evidence.get(field)
                self.claim("person", person.id, field, value, span, by=self.person_by)
        return person

    def resolve_new_persons(self, extraction: Extraction) -> None:
        """Merge each new person into the stored person they are, or leave a suggestion."""
        from ..resolve.persons import record_profile, resolve_person

        for person, record in self.new:
            others = {canonical(self.session, p).id for p in self.persons.values()
                      if p.id != person.id}
            places = {e.place for e in extraction.events if record.id in e.persons and e.place}
            profile = record_profile(record, published=self.article.published,
                                     comentions=others, places=places)
            outcome = resolve_person(self.session, person, profile)
            if outcome.action == "merged":
                self.counts["persons_merged"] += 1
            elif outcome.action == "suggested":
                self.counts["suggestions"] += 1

    def known_ids(self, record: EventRecord) -> list[int]:
        """The person ids of an event record (unknown local ids left to ``event`` to report)."""
        ids: list[int] = []
        for local_id in record.persons:
            for person in [self.persons.get(local_id), *self.also.get(local_id, [])]:
                if person is not None and person.id not in ids:
                    ids.append(person.id)
        return ids

    # -- events
    def event(self, record: EventRecord, *, into: Event | None = None) -> Event:
        if record.type not in EVENT_TYPES:
            raise StoreError(f"unknown event type {record.type!r}")
        if record.release_mode is not None and record.release_mode not in RELEASE_MODES:
            raise StoreError(f"unknown release mode {record.release_mode!r}")
        unknown = [local_id for local_id in record.persons if local_id not in self.persons]
        if unknown:
            raise StoreError(f"a {record.type} event names an unknown person id {unknown[0]!r}")
        person_ids = self.known_ids(record)
        if into is None:
            into = self._told_before(record, person_ids)
        if into is not None:
            return self._merge_event(record, into, person_ids)
        event = Event(
            type=record.type, date=record.date, date_precision=date_precision(record.date),
            place=record.place, agent=record.agent, charge=record.charge,
            term_months=record.term_months, release_mode=record.release_mode,
            negated=bool(record.negated), hedged=bool(record.hedged),
            attributed_to=record.attributed_to, extras=dict(record.extras) or None,
            article_id=self.article.id,
        )
        self.session.add(event)
        self.session.flush()
        self.counts["events"] += 1
        for person_id in person_ids:
            self.session.add(EventPerson(event_id=event.id, person_id=person_id))
        self._sources_and_claims(record, event, person_ids)
        self.created.append((record, event, set(person_ids)))
        return event

    def _told_before(self, record: EventRecord, person_ids: list[int]) -> Event | None:
        """An event of this article the record only repeats (same persons in part, nothing
        contradicting: see ``resolve.events.subsumed``)."""
        from ..resolve.events import subsumed

        for earlier, event, persons in self.created:
            if persons & set(person_ids) and subsumed(record, earlier):
                return event if isinstance(event, Event) else self.session.get(Event, event)
        return None

    def _merge_event(self, record: EventRecord, event: Event, person_ids: list[int]) -> Event:
        """Add this article as one more source of an event another report told."""
        from ..resolve.events import refresh

        self.counts["events"] += 1
        self.counts["events_merged"] += 1
        linked = set(self.session.scalars(select(EventPerson.person_id)
                                          .where(EventPerson.event_id == event.id)))
        for person_id in person_ids:
            if person_id not in linked:
                self.session.add(EventPerson(event_id=event.id, person_id=person_id))
        self._sources_and_claims(record, event, person_ids)
        self.session.flush()
        refresh(self.session, event)
        return event

    def _sources_and_claims(self, record: EventRecord, event: Event,
                            person_ids: list[int]) -> None:
        sources = self._sources(record)
        for span in sources:
            located = span.start >= 0
            self.session.add(EventSource(
                event_id=event.id, article_id=self.article.id,
                start_char=span.start if located else None,
                end_char=span.end if located else None, sentence=span.text,
            ))
        evidence = sources[0] if sources else None
        values: list[tuple[str, Any]] = [("type", record.type), ("persons", person_ids)]
        values += [(f, getattr(record, f)) for f in EVENT_CLAIM_FIELDS]
        if record.extras:
            values.append(("extras", dict(record.extras)))
        for field, value in values:
            if value is not None:
                self.claim("event", event.id, field, value, evidence, by=self.event_by,
                           attributed_to=record.attributed_to)

    def _sources(self, record: EventRecord) -> list[Span]:
        """The record's sentences; else its evidence text, located in the article if it can be."""
        if record.sources:
            return list(record.sources)
        if not record.evidence:
            return []
        start = self.article.text.find(record.evidence)
        if start < 0:  # not located: kept as text, with no offsets
            return [Span(start=-1, end=-1, text=record.evidence)]
        return [Span(start=start, end=start + len(record.evidence), text=record.evidence)]

    # -- claims
    def claim(self, subject_type: str, subject_id: int, field: str, value: Any,
              span: Span | None, *, by: tuple[str | None, str | None],
              attributed_to: str | None = None) -> None:
        seen = (subject_type, subject_id, field, json.dumps(value, sort_keys=True))
        if seen in self._claimed or \
                (field, value) in self.bulk_claimed.get((subject_type, subject_id), ()):
            return
        self._claimed.add(seen)
        located = span is not None and span.start >= 0
        self.session.add(Claim(
            subject_type=subject_type, subject_id=subject_id, field=field, value=value,
            article_id=self.article.id,
            start_char=span.start if located else None, end_char=span.end if located else None,
            sentence=span.text if span is not None else None, attributed_to=attributed_to,
            extractor=by[0], extractor_version=by[1], rules_version=self.rules[0],
            rules_hash=self.rules[1], status="proposed",
        ))
        self.counts["claims"] += 1
