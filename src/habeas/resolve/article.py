"""Resolution of one article: its Extraction written into the record, its persons and events
resolved against those other reports told.

The NLP makes an ``Extraction`` from a text and knows nothing of the store; the writer keeps it
with its article (``store.crud.store_extractions``); this module turns it into persons, events
and claims, matching each person and event against the stored ones (``resolve.persons``,
``resolve.events``). It calls the store, never the other way round, so resolution can run
without the NLP (``habeas resolve``: ``resolve_staged``, called by ``Habeas.resolve``).

Keyword arguments after ``*``; the caller owns the transaction: a crash leaves either all of an
article's facts or none.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, union, update
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..model import EVENT_TYPES, RELEASE_MODES, EventRecord, Extraction, PersonRecord, Span
from ..store import bulk, crud
from ..store.crud import (
    EVENT_CLAIM_FIELDS,
    EVENT_COMPONENT_HINTS,
    PERSON_COMPONENT_HINTS,
    PERSON_LIST_FIELDS,
    PERSON_SCALAR_FIELDS,
    StagedArticle,
    date_precision,
    pick_component,
)
from ..store.models import (
    Article,
    Claim,
    Event,
    EventPerson,
    EventSource,
    Mention,
    Person,
    StatisticRow,
    utcnow,
)
from ..store.persons import (
    add_alias,
    canonical,
    is_single_token,
    match_person,
    name_key,
    persons_keyed,
    promote_name,
    promotes,
    surname_of,
)
from ..store.resolution import PersonKey
from ..store.tally import Tally
from . import events as event_resolution
from .events import EventRow, refresh, refresh_many, subsumed
from .persons import (
    index_person,
    person_block_keys,
    record_profile,
    resolve_person,
    separate_names,
    stored_keys_of,
)

if TYPE_CHECKING:
    from .bulk import NameIndex

# The columns of the rows a buffered ``_Writer`` keeps, in their order.
CLAIM_COLUMNS = ("subject_type", "subject_id", "field", "value", "article_id", "start_char",
                 "end_char", "sentence", "attributed_to", "extractor", "extractor_version",
                 "rules_version", "rules_hash")
SOURCE_COLUMNS = ("event_id", "article_id", "start_char", "end_char", "sentence")
MENTION_COLUMNS = ("article_id", "person_id", "label", "text", "start_char", "end_char")
STATISTIC_COLUMNS = ("article_id", "what", "value", "qualifier", "attributed_to", "sentence",
                     "start_char", "end_char")


def resolve_staged(*, session: Session, article_id: int, names: NameIndex | None = None
                   ) -> tuple[dict[str, int], Extraction] | None:
    """Write the record of an article whose Extraction the writer kept
    (``crud.store_extractions``): its counts and the Extraction; None when there is nothing to
    do (the article was resolved meanwhile, by another process, or is gone). ``names``: see
    ``save_extraction``."""
    article = crud.staged_article(session=session, article_id=article_id)
    if article is None or article.status != "pending" or article.extraction is None:
        return None
    extraction = Extraction.from_record(article.extraction)
    return save_extraction(session=session, article=article, extraction=extraction,
                           names=names), extraction


def save_extraction(
    *, session: Session, article: Article | StagedArticle, extraction: Extraction,
    keep: Collection[int] | None = None, names: NameIndex | None = None,
) -> dict[str, int]:
    """Replace ``article``'s facts with ``extraction``'s; returns what was written.

    Counts: persons_new, persons_matched, events, claims, statistics; and, when it happens,
    persons_merged (a new person resolved into one already stored), suggestions (a possible
    match left for review), events_merged (an event another report already told).

    ``keep`` (a re-extraction, ``resolve.keep``): the claims, by id, that stay as history instead
    of being deleted; and the article's persons stay until the new facts are written, so a
    person named again keeps its id, its merges and the decisions about it. Those left with
    nothing pointing at them are deleted then, unless merged into another (a merge is history).

    ``names``: the stored names, kept in memory by a writer across articles
    (``resolve.bulk.NameIndex``, brought up to date here). A new person is then compared with
    only the persons whose names can score above zero, not with every person sharing a loose
    blocking key, a block that grows with the store; the outcome is the same.
    """
    again = keep is not None
    persons_before: set[int] = set()
    facts = article.facts if isinstance(article, StagedArticle) else has_facts(session, article.id)
    if again or facts:  # a first extraction has nothing to clear
        persons_before = clear_extraction(session=session, article=article, keep=keep or (),
                                          persons=not again)
    writer = _Writer(session, article, extraction, names, buffered=True)
    writer.read_persons(extraction.persons)
    for record in extraction.persons:
        writer.person(record)
    writer.flush()  # the candidates' stored profiles read the claims made so far
    if names is not None:  # this article's persons and spellings are candidates too
        names.refresh(session)
        for person in writer.renamed:
            names.add([person.name], person_id=person.id)
    writer.resolve_new_persons(extraction)
    same = event_resolution.plan(session, article=article, records=extraction.events,
                                 persons=[writer.known_ids(r) for r in extraction.events],
                                 chosen_persons=writer.linked, mentions=writer.mentioned,
                                 rows=True)
    for index, record in enumerate(extraction.events):
        writer.event(record, into=same.get(index))
    # nothing reads the statistics' ids: one statement for all, with the flush before the
    # merged events are re-derived
    for statistic in extraction.statistics:
        span = statistic.evidence
        writer.statistic_rows.append((
            article.id, statistic.what, statistic.value, statistic.qualifier,
            statistic.attributed_to, span.text if span else None,
            span.start if span else None, span.end if span else None))
        writer.counts["statistics"] += 1
    writer.refresh_merged()
    crud.mark_extracted(session=session, article=article,
                        extractor=json.dumps(extraction.versions, sort_keys=True))
    writer.flush()
    if again:
        crud.delete_orphans(session, persons_before, merged=False)
    return dict(writer.counts)


def has_facts(session: Session, article_id: int) -> bool:
    """Whether any fact read from the article is stored (one query)."""
    return bool(session.scalar(crud.any_fact(), {"article": article_id}))


def clear_extraction(*, session: Session, article: Article, keep: Collection[int] = (),
                     persons: bool = True) -> set[int]:
    """Delete every fact read from ``article``: mentions, claims (but those in ``keep``),
    statistics, its event sources, events left with no source, and (with ``persons``) persons
    left with nothing pointing at them. Returns the ids of the article's persons before."""
    aid = article.id
    session.flush()
    before = crud.persons_of_article(session, aid)
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
            crud.delete_event(session, event_id, keep=keep)
        else:
            session.execute(update(Event).where(Event.id == event_id, Event.article_id == aid)
                            .values(article_id=first), execution_options=sync)
            _refresh_event(session, event_id)
    if persons:
        crud.delete_orphans(session, before, merged=True)
    session.expire_all()
    return before



def _refresh_event(session: Session, event_id: int) -> None:
    """Re-derive an event other reports still tell from the claims left (resolve.events)."""
    event = session.get(Event, event_id)
    if event is not None:
        refresh(session, event)


class _Writer:
    """Writes one extraction's persons and events; keeps the local-id map and the counts."""

    def __init__(self, session: Session, article: Article, extraction: Extraction,
                 names: NameIndex | None = None, *, buffered: bool = False) -> None:
        self.session = session
        # ``buffered``: the claims, mentions, blocking keys, event sources, event persons and
        # statistics made wait in these rows (of CLAIM_COLUMNS, MENTION_COLUMNS, ...) until
        # ``flush`` writes them, one statement a table. The ORM writes each in a statement of
        # its own on SQLite (it needs every new id back): most of an article's statements.
        # Nothing reads their ids, which come out the same, in the order they were made; the
        # caller flushes before reading those tables. Without it (the list importers), the
        # ORM writes them.
        self.buffered = buffered
        # (buffered) the ids of new persons and events, given when they are made (the ids the
        # INSERT would have given them): they are written at the next flush, with the rest,
        # not flushed one by one to learn their ids
        self.ids = bulk.Ids(session) if buffered else None
        self.claim_rows: list[tuple[Any, ...]] = []
        self.mention_rows: list[tuple[Any, ...]] = []
        self.key_rows: list[tuple[int, str]] = []
        self.source_rows: list[tuple[Any, ...]] = []
        self.link_rows: list[tuple[int, int]] = []  # event_persons: (event id, person id)
        self.statistic_rows: list[tuple[Any, ...]] = []
        # person id -> the texts of its mentions in this article (buffered: every mention the
        # article has, since a first extraction or ``clear_extraction`` leaves it none)
        self.mentioned: dict[int, list[str]] | None = {} if buffered else None
        # person id -> its blocking keys, stored or waiting (read once per person and article)
        self.keyed: dict[int, set[str]] = {}
        # (person id, its blocking keys) as ``_index`` saw them, to compare with the stored
        # keys at ``flush``
        self.unkeyed: list[tuple[int, set[str]]] = []
        self.names = names
        # the surnames of every name and spelling of the records written so far (``_may_carry``)
        self.surnames: set[str] = set()
        self.names_read = False  # ``names`` brought up to date in this article
        # stored persons this article gave a fuller name (``promote_name``)
        self.renamed: list[Person] = []
        self.article = article
        # (``read_persons``) the stored persons the article's full names and spellings may
        # be, read in one query, and every person written since, by id: ``match_person``
        # looks among them instead of sending a query per name
        self.pool: dict[int, Person] | None = None
        self.persons: dict[str, Person] = {}
        # a record that held two people (brothers named together) -> the other persons
        self.also: dict[str, list[Person]] = {}
        self.new: list[tuple[Person, PersonRecord]] = []
        # events written so far (an Event, or the id of one written in bulk: resolve.bulk)
        self.created: list[tuple[EventRecord, Event | int, set[int]]] = []
        # events this article was merged into, by id, to re-derive (``refresh_merged``)
        self.merged: dict[int, Event | EventRow] = {}
        # (buffered) event id -> its live claims' tally (``store.tally``), kept up to date as
        # the article's claims are written: the events it made (counted from nothing) and
        # those it was merged into (their stored tally; None: not known, counted from the
        # claims when re-derived)
        self.tallies: dict[int, Tally | None] = {}
        # (buffered) the events made and not written yet: their tally goes with their INSERT
        self.fresh: list[Event] = []
        # stored event id -> the person ids linked to it (as ``events.plan`` read them, with
        # those this article links), so a merge need not read them
        self.linked: dict[int, set[int]] = {}
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
    def read_persons(self, records: list[PersonRecord]) -> None:
        """Read, in one query, every stored person one of ``records``' full names or spellings
        is a name or spelling of (what ``match_person`` would look for, name by name); the
        persons this writer makes, renames or gives spellings are added as it goes, so each
        name finds what the query would have found then."""
        keys = {key for record in records for text in [record.name, *record.aliases]
                if (key := name_key(text)) and not is_single_token(key)}
        self.pool = {p.id: p for p in persons_keyed(self.session, keys)}

    def person(self, record: PersonRecord, *, new: bool = False) -> Person:
        """Store ``record``'s person (``new``: the caller knows no stored person has its
        names, ``resolve.bulk``, so they are not looked up)."""

        if not name_key(record.name):
            raise StoreError(f"person {record.id!r} has no name")
        main, *others = separate_names(record)
        person = self._person(main, new=new)
        self.also[record.id] = [self._person(other) for other in others]
        return person

    def _person(self, record: PersonRecord, *, new: bool = False) -> Person:

        person = None if new else match_person(
            self.session, name=record.name, aliases=record.aliases,
            pool=None if self.pool is None else self.pool.values(),
            carried=None if self.names is None or not self.buffered else self._may_carry)
        created = person is None
        if person is None:
            # a new person has no aliases yet: said here, they are not read back (a query)
            person = Person(name=record.name.strip(), key=name_key(record.name), aliases=[])
            if self.ids is not None:
                person.id = self.ids(Person.__table__)
            self.session.add(person)
            self.counts["persons_new"] += 1
            self.new.append((person, record))
        else:
            person = canonical(self.session, person)
            before = person.key
            if self.ids is not None and promotes(person, record.name) and self.session.new:
                # a spelling it was given in this article and is about to lose is written
                # first, then deleted, as when every person was flushed on its own (its id
                # is used up, and the spellings after it are numbered past it)
                self.session.flush()
            promote_name(self.session, person, record.name)
            if person.key != before:
                self.renamed.append(person)
            self.counts["persons_matched"] += 1
        for alias in [record.name, *record.aliases]:
            add_alias(self.session, person, alias)
            self.surnames.add(surname_of(name_key(alias)))
        if self.ids is None:
            self.session.flush()
        if self.pool is not None:  # a name or spelling it now has may be the next one's
            self.pool[person.id] = person
        self._index(person, created)
        self.persons[record.id] = person
        for span in record.mentions:
            if self.buffered:
                self.mention_rows.append((self.article.id, person.id, "PERSON", span.text,
                                          span.start, span.end))
                self.mentioned.setdefault(person.id, []).append(span.text)
                continue
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

    def _may_carry(self, surname: str) -> bool:
        """Whether a person in the store may carry ``surname``: one the writer's index of the
        stored names has (``names``; where it has not, brought up to date first, once in the
        article: another writer may have stored names since the last article), or one of a
        name this article has written (``surnames``: every name and spelling of its records
        so far, more than were written, never fewer)."""
        if surname in self.surnames or surname in self.names.surnames:
            return True
        if not self.names_read:
            self.names_read = True
            self.names.refresh(self.session)
            return surname in self.names.surnames
        return False

    def resolve_new_persons(self, extraction: Extraction) -> None:
        """Merge each new person into the stored person they are, or leave a suggestion."""

        for person, record in self.new:
            others = {canonical(self.session, p).id for p in self.persons.values()
                      if p.id != person.id}
            places = {e.place for e in extraction.events if record.id in e.persons and e.place}
            profile = record_profile(record, published=self.article.published,
                                     comentions=others, places=places)
            near = None
            if self.names is not None:
                from .bulk import among  # resolve.bulk builds on this module

                near = among(self.session, self.names,
                             self.names.near(profile.names, self.session))
            outcome = resolve_person(self.session, person, profile, among=near)
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
    def event(self, record: EventRecord, *, into: Event | EventRow | None = None
              ) -> Event | EventRow:
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
        if self.ids is not None:
            event.id = self.ids(Event.__table__)
            self.session.add(event)
        else:
            self.session.add(event)
            self.session.flush()
        self.counts["events"] += 1
        for person_id in person_ids:
            if self.buffered:
                self.link_rows.append((event.id, person_id))
            else:
                self.session.add(EventPerson(event_id=event.id, person_id=person_id))
        if self.buffered:  # a later record merged into it adds to these
            self.linked[event.id] = set(person_ids)
            self.tallies[event.id] = Tally()
            self.fresh.append(event)
        self._sources_and_claims(record, event, person_ids)
        self.created.append((record, event, set(person_ids)))
        return event

    def _told_before(self, record: EventRecord, person_ids: list[int]) -> Event | None:
        """An event of this article the record only repeats (same persons in part, nothing
        contradicting: see ``resolve.events.subsumed``)."""

        for earlier, event, persons in self.created:
            if persons & set(person_ids) and subsumed(record, earlier):
                return event if isinstance(event, Event) else self.session.get(Event, event)
        return None

    def _merge_event(self, record: EventRecord, event: Event | EventRow,
                     person_ids: list[int]) -> Event | EventRow:
        """Add this article as one more source of an event another report told."""

        self.counts["events"] += 1
        self.counts["events_merged"] += 1
        if self.buffered and event.id not in self.tallies:  # the stored tally, if known
            self.tallies[event.id] = Tally.load(event.tally) \
                if isinstance(event, EventRow) else None
        linked = self.linked.get(event.id)
        if linked is None:
            if self.buffered:
                self.flush()  # the links waiting are read too
            linked = set(self.session.scalars(select(EventPerson.person_id)
                                              .where(EventPerson.event_id == event.id)))
            if self.buffered:  # kept up to date below, as the plan's are
                self.linked[event.id] = linked
        for person_id in person_ids:
            if person_id not in linked:
                if self.buffered:
                    self.link_rows.append((event.id, person_id))
                else:
                    self.session.add(EventPerson(event_id=event.id, person_id=person_id))
                linked.add(person_id)
        self._sources_and_claims(record, event, person_ids)
        if not self.buffered:  # re-derived now, as the list importers expect
            self.session.flush()
            refresh(self.session, event)
        else:
            self.merged.setdefault(event.id, event)
        return event

    def refresh_merged(self) -> None:
        """Re-derive each event this article was merged into from all its claims, once (the
        outcome depends only on the claims, so once at the end is as after each merge)."""
        self.flush()
        merged, self.merged = self.merged, {}
        if merged:  # their links as this writer read and wrote them, not read again
            known = {i: self.linked[i] for i in merged if i in self.linked}
            refresh_many(self.session, list(merged.values()),
                         linked=known if len(known) == len(merged) else None,
                         tallies=self.tallies)

    def _sources_and_claims(self, record: EventRecord, event: Event | EventRow,
                            person_ids: list[int]) -> None:
        sources = self._sources(record)
        for span in sources:
            located = span.start >= 0
            if self.buffered:
                self.source_rows.append((event.id, self.article.id,
                                         span.start if located else None,
                                         span.end if located else None, span.text))
                continue
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
        self.counts["claims"] += 1
        if self.buffered:
            self.claim_rows.append((
                subject_type, subject_id, field, value, self.article.id,
                span.start if located else None, span.end if located else None,
                span.text if span is not None else None, attributed_to, by[0], by[1],
                self.rules[0], self.rules[1]))
            return
        self.session.add(Claim(
            subject_type=subject_type, subject_id=subject_id, field=field, value=value,
            article_id=self.article.id,
            start_char=span.start if located else None, end_char=span.end if located else None,
            sentence=span.text if span is not None else None, attributed_to=attributed_to,
            extractor=by[0], extractor_version=by[1], rules_version=self.rules[0],
            rules_hash=self.rules[1], status="proposed",
        ))

    def flush(self) -> None:
        """Write what is pending: the session's objects, then the rows waiting."""
        claims, self.claim_rows = self.claim_rows, []
        claim_columns: tuple[str, ...] = CLAIM_COLUMNS
        if self.buffered and any(row[0] == "event" for row in claims):
            # the claims' ids, the ids their INSERT would give them (``bulk.ids_ahead``),
            # counted in their events' tallies; a new event's tally goes with its INSERT
            ids = bulk.ids_ahead(self.session, Claim.__table__, len(claims))
            for claim_id, row in zip(ids, claims):
                if row[0] == "event" and (tally := self.tallies.get(row[1])) is not None:
                    tally.add(claim_id, row[2], row[3])
            claims = [(claim_id, *row) for claim_id, row in zip(ids, claims)]
            claim_columns = ("id", *CLAIM_COLUMNS)
        fresh, self.fresh = self.fresh, []
        for event in fresh:
            event.tally = self.tallies[event.id].dump()
        self.session.flush()
        self._keys()
        mentions, self.mention_rows = self.mention_rows, []
        keys, self.key_rows = self.key_rows, []
        sources, self.source_rows = self.source_rows, []
        links, self.link_rows = self.link_rows, []
        statistics, self.statistic_rows = self.statistic_rows, []
        bulk.insert_rows(self.session, Mention.__table__, MENTION_COLUMNS, mentions)
        bulk.insert_rows(self.session, EventPerson.__table__, ("event_id", "person_id"), links)
        bulk.insert_rows(self.session, PersonKey.__table__, ("person_id", "key"), keys)
        bulk.insert_rows(self.session, EventSource.__table__, SOURCE_COLUMNS, sources)
        bulk.insert_rows(self.session, Claim.__table__, claim_columns, claims,
                         same={"status": "proposed", "created_at": utcnow()})
        bulk.insert_rows(self.session, StatisticRow.__table__, STATISTIC_COLUMNS, statistics)

    def _index(self, person: Person, created: bool) -> None:
        """``resolve.persons.index_person``, the keys waiting with the other rows."""
        if not self.buffered:
            index_person(self.session, person)
            return
        if created:
            self.keyed.setdefault(person.id, set())
        self.unkeyed.append((person.id, person_block_keys(person)))

    def _keys(self) -> None:
        """The blocking keys waiting (``_index``) not stored yet, in the order the persons came;
        the stored keys of the persons matched read in one query for all of them. (Nothing
        writes a person's keys between ``_index`` and here, so this reads what ``_index``
        would have.)"""
        waiting, self.unkeyed = self.unkeyed, []
        unread = {pid for pid, _ in waiting if pid not in self.keyed}
        if unread:
            stored = stored_keys_of(self.session, unread)
            for pid in unread:
                self.keyed[pid] = stored.get(pid, set())
        for pid, keys in waiting:
            known = self.keyed[pid]
            for key in sorted(keys - known):
                known.add(key)
                self.key_rows.append((pid, key[:64]))
