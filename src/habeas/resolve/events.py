"""Event resolution: the same event told by several reports becomes one event with several
sources, and what the reports disagree on stays as conflicting claims, flagged.

Two events are one when they have the same type and negation, share a person (after person
merges), and their dates and terms fit: equal, one a coarser form of the other ("2017-10" and
"2017-10-24"), or days at most ``MAX_DATE_GAP_DAYS`` apart (released on Oct 24 by one account
and on Oct 25 by another). An event's listed values are derived from its claims (``refresh``):
the value most sources give, the finer date where dates only differ in precision.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from typing import Any

from sqlalchemy import Text, bindparam, delete, select, type_coerce, update
from sqlalchemy.orm import Session

from ..model import EventRecord
from ..store.models import Article, Event, EventPerson, EventSource, Mention, Person
from ..store.db import tuples
from ..store.persons import canonical, members_at_once, people_of, person_by_id, root_in
from ..store.conflicts import (  # noqa: F401  (moved to the store: a dossier reads them)
    CONFLICT_FIELDS,
    PERSON_CONFLICT_FIELDS,
    ages_agree,
    birth_window,
    event_conflicts,
    live_claims,
    person_conflicts,
)
from ..store.tally import (  # noqa: F401  (``choose`` and the fields: the store's, since a
    DERIVED_FIELDS,         # reviewer's decision updates an event's tally there)
    REFRESHED,
    Tally,
    choose,
    derive as refresh_many,  # moved to the store: a reviewer's decision re-derives its event
    tally_from_claims,
)
from .evidence import norm
from .names import GIVEN_FORMS, Name, parse, skeleton

# Two day-precise dates this close are one event reported with a wrong day.
MAX_DATE_GAP_DAYS = 2
# Characters of a report searched for the full names a surname alone stands for.
MAX_NAME_SCAN = 200_000
_FULL_NAME = re.compile(r"\b([A-ZА-ЯЁ][\w'’-]+)\s+([A-ZА-ЯЁ][\w'’-]+)")


# ----------------------------------------------------------------------------- matching

def _day(date: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date) if len(date) == 10 else None
    except ValueError:
        return None


def date_fit(a: str | None, b: str | None) -> int | None:
    """How well two event dates fit: 3 equal, 2 one refines the other, 1 a few days apart,
    0 one or both undated; None when they cannot be one event."""
    if not a or not b:
        return 0
    if a == b:
        return 3
    if a.startswith(b) or b.startswith(a):
        return 2
    da, db = _day(a), _day(b)
    if da and db and abs((da - db).days) <= MAX_DATE_GAP_DAYS:
        return 1
    return None


def match_rank(record: EventRecord, event: Event, published: str | None,
               shared: int) -> tuple[int, int, int] | None:
    fit = date_fit(record.date, event.date)
    if fit is None:
        return None
    if fit == 0:
        dated = record.date or event.date
        if dated and published and dated > published:  # background cannot tell a later event
            return None
    if record.term_months is not None and event.term_months is not None and \
            record.term_months != event.term_months and fit != 3:
        return None
    place = 0
    if record.place and event.place:
        place = 2 if norm(record.place) == norm(event.place) else -1
    return fit, place, shared


class EventRow:
    """A stored event's columns, read without an ORM object (``plan(rows=True)``): what the
    plan compares, and what ``refresh_many`` derives (it writes a change with an UPDATE)."""

    __slots__ = ("id", "type", "negated", "article_id", "date_precision", "hedged",
                 *DERIVED_FIELDS, "tally")

    def __init__(self, values: tuple) -> None:
        # ``tally``: the stored tally's JSON text, as read (most events read are not merged
        # into, so it is decoded only for those that are: ``Tally.load``)
        for name, value in zip(self.__slots__, values):
            setattr(self, name, value)


def plan(session: Session, *, article: Article, records: list[EventRecord],
         persons: list[list[int]], chosen_persons: dict[int, set[int]] | None = None,
         mentions: dict[int, list[str]] | None = None, rows: bool = False
         ) -> dict[int, Event | EventRow]:
    """Which stored event each of an article's event records is (record index -> event).

    Best fits are taken first and each stored event takes at most one record of the article,
    so "flown via Anapa to Ankara" and "via Krasnodar to Ankara" pair Ankara with Ankara and
    leave Anapa against Krasnodar as a conflict. ``chosen_persons``, when given, receives the
    person ids linked to each chosen event, as read (the writer need not read them again).
    ``mentions``, when given, are the article's mentions (person id -> their texts), all of
    them: the writer that wrote them need not have them read back. ``rows``: the stored events
    as ``EventRow``s, not ORM objects (a writer reads a few for every record, and merges the
    article into fewer than half of them)."""
    options: list[tuple[tuple[int, int, int], int, Event]] = []
    # person id -> the names of the person and of its root, worked out once for the article
    # (a person linked to many candidate events is asked for once per event)
    named: dict[int, frozenset[str]] = {}
    written_by = _Written(session, article, mentions)
    links = _Links(session, article.id)
    # what records naming the same persons share, read once (plan writes nothing)
    events_of: dict[frozenset[int], tuple[set[int], set[int], list[Event]]] = {}
    # every person of the article: its root, and everyone merged into those (one query or
    # two for all, not for each group of persons a record names)
    root_of = {pid: canonical(session, person_by_id(session, pid)).id
               for ids in persons for pid in ids}
    member_of = members_at_once(session, set(root_of.values()))
    # The events of every group of persons a record names, for all the groups at once: the
    # events of all their members, of every type, filtered by group and type below (a type in
    # the query lets SQLite walk every event of the type, all the sentences of a 100,000-row
    # list, instead of the persons' few). Two queries for the article, not one per group.
    groups = {frozenset(ids) for ids in persons if ids}
    events_by_member: defaultdict[int, set[int]] = defaultdict(set)
    if groups:
        for event_id, person_id in tuples(session, _events_of_persons(),
                                        {"persons": sorted(member_of)}):
            events_by_member[person_id].add(event_id)
    wanted = {e for linked in events_by_member.values() for e in linked}
    if not wanted:
        every = []
    elif rows:
        every = [EventRow(row) for row in tuples(session, _event_rows(), {
            "events": sorted(wanted)})]
    else:
        every = list(session.scalars(_events_by_id(), {"events": sorted(wanted)}))
    for group in groups:
        roots = {root_of[pid] for pid in group}
        members = {m for m, r in member_of.items() if r in roots}
        linked = {e for m in members for e in events_by_member.get(m, ())}
        events_of[group] = roots, members, [e for e in every if e.id in linked]
    links.read([e.id for e in every])  # for every record naming these persons
    for index, (record, ids) in enumerate(zip(records, persons)):
        if not ids:
            continue
        written = written_by.names(ids)
        roots, members, theirs = events_of[frozenset(ids)]
        found = [e for e in theirs
                 if e.type == record.type and e.negated == bool(record.negated)]
        # the candidates' sources and persons, read for all of them at once
        sources_of, persons_of = links.read([e.id for e in found])
        mine: list[tuple[tuple[int, int, int], int, Event]] = []
        for event in found:
            if event.id in sources_of or event.article_id == article.id:
                continue
            linked = persons_of[event.id]
            if not given_names_fit(written, _names_of(linked, links.people, named)):
                continue  # "Eldar Osmanov was detained" is not Enver Osmanov's arrest
            shared = len(roots & {_root(p, root_of, links.people) for p in set(linked)})
            rank = match_rank(record, event, article.published, shared)
            if rank is not None:
                mine.append((rank, index, event))
        dated = [m for m in mine if m[0][0] > 0]
        undated = [m for m in mine if m[0][0] == 0]
        # an undated report fits a dated event only where it can be no other
        mine = dated or (undated if len(undated) == 1 else [])
        options += mine
    chosen: dict[int, Event] = {}
    taken: dict[int, int] = {}  # event id -> the record index that took it
    for _, index, event in sorted(options, key=lambda o: (o[0], -o[1]), reverse=True):
        if index in chosen:
            continue
        if event.id in taken and not subsumed(records[index], records[taken[event.id]]):
            continue
        chosen[index] = event
        taken.setdefault(event.id, index)
    if chosen_persons is not None:
        for event in chosen.values():
            chosen_persons[event.id] = set(links.persons[event.id])
    return chosen


# The statements ``plan`` sends for every article, built once (see ``store.persons``).
@functools.cache
def _events_of_persons():
    """The (event id, person id) links of the persons ``:persons``."""
    return select(EventPerson.event_id, EventPerson.person_id).where(
        EventPerson.person_id.in_(bindparam("persons", expanding=True)))


@functools.cache
def _events_by_id():
    """The events ``:events``, by id."""
    return select(Event).where(Event.id.in_(bindparam("events", expanding=True))
                               ).order_by(Event.id)


@functools.cache
def _event_rows():
    """The columns of ``EventRow`` of the events ``:events``, by id (the tally as text)."""
    columns = [getattr(Event, name) for name in EventRow.__slots__ if name != "tally"]
    return select(*columns, type_coerce(Event.tally, Text)).where(
        Event.id.in_(bindparam("events", expanding=True))).order_by(Event.id)


@functools.cache
def _sources_of():
    """Which of the events ``:events`` the article ``:article`` is a source of (not every
    source of each: an event told by a thousand reports has a thousand)."""
    return select(EventSource.event_id).where(
        EventSource.article_id == bindparam("article"),
        EventSource.event_id.in_(bindparam("events", expanding=True)))


@functools.cache
def _persons_of():
    return select(EventPerson.event_id, EventPerson.person_id).where(
        EventPerson.event_id.in_(bindparam("events", expanding=True)))


@functools.cache
def _persons_by_id():
    return select(Person).where(Person.id.in_(bindparam("persons", expanding=True)))


class _Links:
    """Per stored event: whether the article is one of its sources, and its person ids (and
    the persons); read three queries at a time for the events not read yet (``plan`` writes
    nothing)."""

    def __init__(self, session: Session, article_id: int) -> None:
        self.session = session
        self.article_id = article_id
        self.sources: set[int] = set()  # the events read the article is a source of
        self.persons: defaultdict[int, list[int]] = defaultdict(list)
        self.seen: set[int] = set()
        # person id -> (name, merged_into_id), of the linked persons and those they were
        # merged into (``store.persons.people_of``)
        self.people: dict[int, tuple[str, int | None]] = {}

    def read(self, event_ids: list[int]) -> tuple[set[int], defaultdict[int, list[int]]]:
        missing = [i for i in event_ids if i not in self.seen]
        if missing:
            self.seen.update(missing)
            self.sources.update(event_id for event_id, in tuples(
                self.session, _sources_of(), {"article": self.article_id, "events": missing}))
            linked = set()
            for event_id, person_id in tuples(self.session, _persons_of(), {"events": missing}):
                self.persons[event_id].append(person_id)
                linked.add(person_id)
            # the persons' names and merges, which ``plan`` compares, read as columns for all
            # of them, not one query (or one ORM object) each
            people_of(self.session, linked, self.people)
        return self.sources, self.persons


class _Written:
    """The full names (given name and surname) an article uses for some of its persons: their
    mentions in it, else their stored names; a surname alone ("Osmanov") stands for the full
    names with that surname the article's text gives ("Eldar Osmanov"). The article's mentions
    are read once, the full names of its text found once, for all its records."""

    def __init__(self, session: Session, article: Article,
                 mentions: dict[int, list[str]] | None = None) -> None:
        self.session = session
        self.article = article
        self.mentions = mentions
        self.full: list[Name] | None = None

    def names(self, ids: list[int]) -> list[Name]:
        if self.mentions is None:
            self.mentions = defaultdict(list)
            for person_id, text in self.session.execute(
                    select(Mention.person_id, Mention.text)
                    .where(Mention.article_id == self.article.id)):
                self.mentions[person_id].append(text)
        texts = [t for pid in set(ids) for t in self.mentions.get(pid, ())]
        return _full_names(self.session, texts, ids, self._full_in_text)

    def _full_in_text(self) -> list[Name]:
        if self.full is None:
            self.full = full_names_in(self.article.text or "")
        return self.full


def _full_names(session: Session, texts: list[str], ids: list[int], in_text) -> list[Name]:
    """The full names of ``texts`` (else of the persons' stored names), and for a surname
    alone those of the text with that surname (``in_text()``)."""
    if not texts:
        texts = [p.name for p in (session.get(Person, pid) for pid in ids) if p is not None]
    names = [parse(t) for t in texts]
    full = [n for n in names if n.full]
    for surname in {n.surname for n in names if not n.full and n.surname}:
        full += [n for n in in_text() if n.surname == surname]
    return full


def full_names_in(text: str) -> list[Name]:
    """Names of a known given name followed by a capitalised word ("Eldar Osmanov")."""
    found = []
    for given, surname in _FULL_NAME.findall(text[:MAX_NAME_SCAN]):
        if skeleton(given.casefold()) in GIVEN_FORMS:
            name = parse(f"{given} {surname}")
            if name.full:
                found.append(name)
    return found


def _names_of(ids: list[int], people: dict[int, tuple[str, int | None]],
              named: dict[int, frozenset[str]]) -> list[Name]:
    """The names of these persons, and of the persons they are (``people``: their names and
    merges, ``store.persons.people_of``; ``named``: those worked out before, by person id,
    kept up to date; ``plan`` writes nothing)."""
    names: set[str] = set()
    for pid in ids:
        found = named.get(pid)
        if found is None:
            found = named[pid] = frozenset() if pid not in people else \
                frozenset((people[pid][0], people[root_in(people, pid)][0]))
        names |= found
    return [parse(n) for n in names]


def _root(pid: int, root_of: dict[int, int], people: dict[int, tuple[str, int | None]]) -> int:
    """The id of the person ``pid`` was merged into (itself if never merged), kept in
    ``root_of`` (``people``: see ``_names_of``)."""
    root = root_of.get(pid)
    if root is None:
        root = root_of[pid] = root_in(people, pid)
    return root


def given_names_fit(written: list[Name], stored: list[Name]) -> bool:
    """False when a name the report uses has a surname the event's persons have but a given
    name none of them has: Eldar Osmanov's detention is not Enver Osmanov's."""
    for name in written:
        same = [n for n in stored if n.surname == name.surname]
        if same and not any(not n.given or n.given == name.given for n in same):
            return False
    return True


def subsumed(a: EventRecord, b: EventRecord) -> bool:
    """Two records of one article that can only be one event told twice: same type and
    negation, and nothing one says contradicts the other (an undated "was released" beside
    "was released on October 25")."""
    if a.type != b.type or bool(a.negated) != bool(b.negated):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    for field in ("place", "term_months", "release_mode", "charge"):
        x, y = getattr(a, field), getattr(b, field)
        if x is not None and y is not None and norm(str(x)) != norm(str(y)):
            return False
    return True


# ----------------------------------------------------------------------------- deriving

def refresh(session: Session, event: Event) -> None:
    """Derive an event's values and persons from its remaining claims (read again)."""
    refresh_many(session, [event])
