"""An event's live claims counted by value (``events.tally``): what its listed values are
derived from, kept with the event and brought up to date when a claim joins it or a reviewer
decides or edits one, so that deriving them never reads the event's claims again.

An event's listed values (date, place, agent, charge, term, release mode, attribution, extras,
hedging, persons) are chosen from its *live* claims: not rejected, not superseded by an edit
(``choose``: the value most claims give, the earliest claim's value on a tie; for dates, the
value the most claims agree with, coarser forms counting for the finer). Reading every live
claim at every merge made the cost of a merge grow with the reports an event has. ``Tally``
holds, per field, each distinct value (by ``repr``, as ``choose`` counts them) with how many
live claims give it and the id of the earliest; the persons named with how many claims name
each; how many hedged claims and how many of them say "not hedged"; and how many live claims
the event has in all. ``derived`` gives from it what ``choose`` gives from the claims
(``tests/test_tally.py`` compares them over sequences of claims and reviews).

The stored tally is either exact or NULL: NULL (an event from before migration 0008, or one a
list import wrote in bulk) means "not known", and the next derivation reads the claims and
stores it (``tally_from_claims``). No module of the store imports resolution: the derivation
itself (``derive``) is here, since a reviewer's decision or edit (``store.review``) updates
the tally and derives the event again at once (``reviewed``), as a re-extraction that carries
decisions onto new claims does (``resolve.keep``): an event's listed values are always what
its live claims give.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from .db import tuples
from .models import Claim, Event, EventPerson, _encode_json

# The claims' fields an event's values are derived from (each by ``choose``).
DERIVED_FIELDS = ("date", "place", "agent", "charge", "term_months", "release_mode",
                  "attributed_to", "extras")
# Every field a derivation reads: those, its hedging and its persons.
REFRESHED = (*DERIVED_FIELDS, "hedged", "persons")


def choose(field: str, values: list[Any]) -> Any:
    """The value to list for a field from its claims' values, oldest claim first."""
    if not values:
        return None
    if field == "date":
        support = {v: sum(1 for w in values if v.startswith(w)) for v in values}
        return max(values, key=lambda v: (support[v], len(v), -values.index(v)))
    counts = Counter(repr(v) for v in values)
    return max(values, key=lambda v: (counts[repr(v)], -values.index(v)))


def as_read(value: Any) -> Any:
    """``value`` as a claim's column gives it back (a dict's keys sorted, a tuple a list):
    ``choose`` counts values by ``repr``."""
    if value is None or isinstance(value, str | int | float):
        return value
    return json.loads(_encode_json(value))


class Tally:
    """The live claims of one event, counted (see the module)."""

    __slots__ = ("fields", "keys", "hedged", "unhedged", "persons", "total")

    def __init__(self) -> None:
        # field -> [[value, claims giving it, id of the earliest], ...], earliest first
        self.fields: dict[str, list[list[Any]]] = {}
        # (field, repr of a value) -> its entry in ``fields``
        self.keys: dict[tuple[str, str], list[Any]] = {}
        self.hedged = 0  # live claims of "hedged"
        self.unhedged = 0  # of those, the ones whose value is false
        self.persons: dict[int, int] = {}  # person id -> live "persons" claims naming them
        self.total = 0  # live claims of every field

    # -- stored form
    def dump(self) -> dict[str, Any]:
        return {"n": self.total, "h": [self.hedged, self.unhedged],
                "p": {str(pid): count for pid, count in sorted(self.persons.items())},
                "f": {field: entries for field, entries in self.fields.items() if entries}}

    @classmethod
    def load(cls, data: dict[str, Any] | str | None) -> Tally | None:
        if data is None:
            return None
        if isinstance(data, str):
            data = json.loads(data)
        tally = cls()
        tally.total = data["n"]
        tally.hedged, tally.unhedged = data["h"]
        tally.persons = {int(pid): count for pid, count in data["p"].items()}
        for field, entries in data["f"].items():
            # copies: the caller's value (an event's column) stays as it was read, so that the
            # ORM sees the tally dumped after a change as a change
            entries = tally.fields[field] = [list(entry) for entry in entries]
            for entry in entries:
                tally.keys[field, repr(entry[0])] = entry
        return tally

    # -- claims joining and leaving
    def add(self, claim_id: int, field: str, value: Any) -> None:
        """A live claim more (its value as the caller has it: see ``as_read``)."""
        self.total += 1
        if field in DERIVED_FIELDS:  # a null value counts too, as ``choose`` counts it
            value = as_read(value)
            entry = self.keys.get((field, repr(value)))
            if entry is None:
                entry = self.keys[field, repr(value)] = [value, 1, claim_id]
                entries = self.fields.setdefault(field, [])
                entries.append(entry)
                if len(entries) > 1 and entries[-2][2] > claim_id:  # an older claim again
                    entries.sort(key=lambda e: e[2])
            else:
                entry[1] += 1
                if claim_id < entry[2]:
                    entry[0], entry[2] = value, claim_id
                    self.fields[field].sort(key=lambda e: e[2])
        elif field == "hedged":
            self.hedged += 1
            self.unhedged += not value
        elif field == "persons":
            for pid in set(value or ()):
                self.persons[pid] = self.persons.get(pid, 0) + 1

    def remove(self, claim_id: int, field: str, value: Any) -> bool:
        """A live claim less. False when what is left of its field is not known here: it was
        the earliest of its value and other claims give that value too (the caller reads the
        field's claims again: ``refill``)."""
        self.total -= 1
        if field in DERIVED_FIELDS:
            key = (field, repr(as_read(value)))
            entry = self.keys.get(key)
            if entry is None:
                return False
            entry[1] -= 1
            if entry[1] == 0:
                del self.keys[key]
                self.fields[field].remove(entry)
            elif entry[2] == claim_id:
                return False
        elif field == "hedged":
            self.hedged -= 1
            self.unhedged -= not value
        elif field == "persons":
            for pid in set(value or ()):
                left = self.persons.get(pid, 0) - 1
                if left > 0:
                    self.persons[pid] = left
                else:
                    self.persons.pop(pid, None)
        return True

    def refill(self, field: str, claims: list[tuple[int, Any]]) -> None:
        """A derived field's entries made again from its live claims ((id, value), oldest
        first)."""
        for key in [k for k in self.keys if k[0] == field]:
            del self.keys[key]
        self.fields[field] = []
        total = self.total
        for claim_id, value in claims:
            self.add(claim_id, field, value)
        self.total = total

    # -- what is derived
    def present(self) -> bool:
        """Whether the event has any live claim (with none, a derivation changes nothing)."""
        return self.total > 0

    def derived(self) -> dict[str, Any]:
        """The values ``choose`` gives from the live claims, and the hedging (every hedged
        claim says so, and there is one)."""
        out = {field: self._chosen(field) for field in DERIVED_FIELDS}
        out["hedged"] = self.hedged > 0 and self.unhedged == 0
        return out

    def named(self) -> set[int]:
        """The persons the live claims name."""
        return set(self.persons)

    def _chosen(self, field: str) -> Any:
        entries = self.fields.get(field)
        if not entries:
            return None
        if field == "date":  # the claims agreeing with a date: itself and its coarser forms
            support = {e[0]: sum(w[1] for w in entries if e[0].startswith(w[0]))
                       for e in entries}
            return max(entries, key=lambda e: (support[e[0]], len(e[0]), -e[2]))[0]
        # ``choose``'s tie: the earliest claim whose value equals (==) this one
        return max(entries, key=lambda e: (e[1], -min(w[2] for w in entries if w[0] == e[0]))
                   )[0]


@functools.cache
def _live_claims():
    """The live claims (id, event id, field, value) of the events ``:events``, oldest first."""
    superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
    return select(Claim.id, Claim.subject_id, Claim.field, Claim.value).where(
        Claim.subject_type == "event", Claim.subject_id.in_(bindparam("events", expanding=True)),
        Claim.status != "rejected", Claim.id.not_in(superseded)).order_by(Claim.id)


@functools.cache
def _live_claims_of_field():
    superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
    return select(Claim.id, Claim.value).where(
        Claim.subject_type == "event", Claim.subject_id == bindparam("event"),
        Claim.field == bindparam("field"), Claim.status != "rejected",
        Claim.id.not_in(superseded)).order_by(Claim.id)


def tally_from_claims(session: Session, event_ids: list[int]) -> dict[int, Tally]:
    """The tally of each of ``event_ids`` made from its live claims, read in one query: a
    full derivation's reading."""
    tallies = {event_id: Tally() for event_id in event_ids}
    if event_ids:
        for claim_id, event_id, field, value in tuples(session, _live_claims(),
                                                       {"events": list(event_ids)}):
            tallies[event_id].add(claim_id, field, value)
    return tallies


def refill(session: Session, tally: Tally, event_id: int, field: str) -> None:
    """``Tally.refill`` of one field from the claims (``Tally.remove`` returned False)."""
    if field in DERIVED_FIELDS:
        tally.refill(field, tuples(session, _live_claims_of_field(),
                                   {"event": event_id, "field": field}))


@functools.cache
def _set_tally():
    """The UPDATE of an event's tally alone (executemany: the events a writer merged an
    article into whose values stay as they were, most of them)."""
    table = Event.__table__
    return update(table).where(table.c.id == bindparam("event_id")).values(
        tally=bindparam("tally"))


@functools.cache
def _persons_of():
    return select(EventPerson.event_id, EventPerson.person_id).where(
        EventPerson.event_id.in_(bindparam("events", expanding=True)))


def derive(session: Session, events: list[Any], linked: dict[int, set[int]] | None = None,
           tallies: dict[int, Tally | None] | None = None) -> dict[int, dict[str, Any]]:
    """Derive each of ``events`` (distinct: ORM ``Event``s, or rows of their columns such as
    ``resolve.events.EventRow``) from its live claims' tally, which is stored with it: its
    listed values and its persons (``resolve.events.refresh_many``, a reviewer's decision).
    ``tallies``: those the caller has kept up to date (the writer: each stored one with the
    claims the article added); the others are made from the claims, read in one query for all
    (what a derivation read before tallies were kept). ``linked``: the person ids linked to
    each of them, stored, when the caller knows them (the writer that wrote the links): not
    read again. A row's values that change are written in an UPDATE of their own, its tally
    with the others' in one (the ORM's flush writes an Event's). Returns, by event id, what
    changed: field -> (before, after), ``persons`` the linked ids before and after."""
    from .crud import date_precision
    from .persons import person_by_id

    ids = [event.id for event in events]
    known = {i: t for i, t in (tallies or {}).items() if t is not None}
    unknown = [i for i in ids if i not in known]
    if unknown:
        session.flush()
        known.update(tally_from_claims(session, unknown))
    links: dict[int, set[int]] = {event_id: set() for event_id in ids}
    if linked is not None:
        links.update((event_id, set(linked[event_id])) for event_id in ids)
    else:
        for event_id, person_id in tuples(session, _persons_of(), {"events": ids}):
            links[event_id].add(person_id)
    only_tally: list[dict[str, Any]] = []
    changes: dict[int, dict[str, Any]] = {}
    for event in events:
        tally = known[event.id]
        stored = tally.dump()
        if not tally.present():  # no live claim at all: its values stay
            changed: dict[str, Any] = {}
        else:
            # set only where it changes: most merges leave an event's values as they were,
            # and a value set, even to what it was, makes the flush compare every column
            derived = tally.derived()
            derived["date_precision"] = date_precision(derived["date"])
            changed = {field: value for field, value in derived.items()
                       if getattr(event, field) != value}
            if changed:
                changes[event.id] = {field: (getattr(event, field), value)
                                     for field, value in changed.items()}
            for field, value in changed.items():
                setattr(event, field, value)
        if not isinstance(event, Event):
            event.tally = None  # its text as read is out of date
            if changed:
                session.execute(update(Event.__table__).where(Event.__table__.c.id == event.id)
                                .values({**changed, "tally": stored}))
            else:
                only_tally.append({"event_id": event.id, "tally": stored})
        else:
            event.tally = stored
        persons = tally.named()
        if persons:
            linked_now = links[event.id]
            added = [pid for pid in sorted(persons - linked_now)
                     if person_by_id(session, pid) is not None]
            for pid in added:
                session.add(EventPerson(event_id=event.id, person_id=pid))
            if linked_now - persons:
                session.execute(delete(EventPerson).where(
                    EventPerson.event_id == event.id,
                    EventPerson.person_id.in_(linked_now - persons)),
                    execution_options={"synchronize_session": "fetch"})
            if added or linked_now - persons:
                changes.setdefault(event.id, {})["persons"] = (
                    sorted(linked_now), sorted((linked_now & persons) | set(added)))
    if only_tally:
        session.execute(_set_tally(), only_tally)
    session.flush()
    return changes


def reviewed(session: Session, *, removed: Claim | None = None, added: Claim | None = None
             ) -> dict[str, Any]:
    """A reviewer's decision or edit: ``removed`` is no longer live (rejected, or superseded
    by an edit), ``added`` is live now (accepted after a rejection, or an edit); the tally of
    their event counts them so (the claims' changes flushed or pending in ``session``), and
    the event is derived again from it (``derive``): its listed values and persons are at
    once what its live claims give. A claim that was the earliest of its value, when others
    give it too, is the one case that reads claims: that field's of the event; an event whose
    tally is not known is counted from all its claims. Returns what changed in the event
    (``derive``'s field -> (before, after)), empty when nothing did."""
    claim = removed or added
    if claim is None or claim.subject_type != "event":
        return {}
    event = session.get(Event, claim.subject_id)
    if event is None:
        return {}
    if event.tally is None:  # not known: counted from the claims, this decision's included
        session.flush()
        return derive(session, [event]).get(event.id, {})
    tally = Tally.load(event.tally)
    if removed is not None and not tally.remove(removed.id, removed.field, removed.value):
        session.flush()
        refill(session, tally, event.id, removed.field)
        if added is not None and added.field == removed.field:  # read with the field's
            tally.total += 1  # claims (an edit's, flushed): counted, its value too
            added = None
    if added is not None:
        tally.add(added.id, added.field, added.value)
    return derive(session, [event], tallies={event.id: tally}).get(event.id, {})
