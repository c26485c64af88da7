"""A list's rows in bulk: an index of every stored name, kept in memory for one import, tells
the rows whose person cannot be anyone in the store (written in one ``executemany`` per table)
from those who may be someone (resolved one by one, as an article's persons are).

The index is a filter that only ever says "maybe" too often, never too rarely. A name may be a
stored person only if (``store.persons.match_person``) its key or its surname's key is one a
stored name has, or (``resolve.persons.candidates``) some stored name scores above zero against
it, which ``resolve.names`` allows only for surname skeletons at most ``MAX_SURNAME_EDITS`` (one)
edit apart. Two skeletons one edit apart (a letter changed, added, dropped or two swapped) share
a form with one letter deleted, so every deletion form of every stored surname is indexed with
the initial of its given name (two full names whose given names start with different letters
score zero) and the name it comes from; the names found that way are scored (``name_score``),
and a row none of whose names scores above zero against any of them is new for certain, and
written without asking the resolver.

A row near a person this import wrote itself can be settled in memory too: such a person has
one birth year, the row's, and nothing else (until a merge, or another writer, touches the
store: then the index forgets it). A row with a full name and a birth year more than
``AGE_TOLERANCE_YEARS`` from the birth year of every person it is near scores at most
1 - ``AGE_MISMATCH_PENALTY``, below ``SUGGEST``, against each: it stays new (``settled_new``).
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from dataclasses import dataclass, field
from typing import Any

from json.encoder import encode_basestring

from sqlalchemy import bindparam, func, literal, null, select, union, union_all
from sqlalchemy.orm import Session

from ..model import EVENT_FIELDS, EventRecord, Span
from ..store import bulk, name_forms
from ..store.crud import date_precision
from ..store.db import tuples
from ..store.models import _encode_json as encode_json
from ..store.models import (
    Article,
    Claim,
    Event,
    EventPerson,
    EventSource,
    Person,
    PersonAlias,
    last_token,
)
from ..store.persons import (
    canonical,
    members_at_once,
    name_key,
    people_of,
    root_in,
    surname_of,
)
from ..store.resolution import Merge, PersonKey
from .article import _Writer
from .evidence import AGE_MISMATCH_PENALTY, AGE_TOLERANCE_YEARS
from .names import MIN_FUZZY_LENGTH, Name, block_keys, name_score, parse
from .persons import SUGGEST

# A stored name under one of its surname forms: (its person's slot, the name read).
Entry = tuple[int, Name]


@functools.lru_cache(maxsize=200_000)
def surname_forms(skeleton: str) -> frozenset[str]:
    """A surname skeleton and every form of it with one letter deleted (skeletons shorter than
    ``MIN_FUZZY_LENGTH`` only match when equal, so they index as themselves)."""
    if len(skeleton) < MIN_FUZZY_LENGTH:
        return frozenset((skeleton,))
    return frozenset((skeleton, *(skeleton[:i] + skeleton[i + 1:]
                                  for i in range(len(skeleton)))))


def _readings(text: str) -> list[Name]:
    name = parse(text)
    return [n for n in (name, name.swapped) if n is not None]


@dataclass
class NameIndex:
    """Every stored name: keys, surname keys, surname forms (with the person they belong to)
    and given-name-only names. A person is a slot, whose id is known once it is written.

    ``stored`` (the default): the stored names' surname forms are not held here but looked up
    in the store's table of them (``store.name_forms``) by the forms of each name asked about
    (``near`` with a session), so a writer's start reads only the stored keys and surname keys,
    not every name parsed; what ``add`` is given is held here as before. ``stored=False``: every
    stored name read and parsed into memory at the first ``refresh`` (the way before the
    table; the same answers)."""

    keys: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    # initial ("" for a name with no given name or initial) -> surname form -> entries
    forms: dict[str, dict[str, list[Entry]]] = field(default_factory=dict)
    given_only: dict[str, list[int]] = field(default_factory=dict)
    ids: list[int | None] = field(default_factory=list)
    slots: dict[int, int] = field(default_factory=dict)  # person id -> slot
    seen_person: int = 0
    seen_alias: int = 0
    # slot -> birth year, for the persons this import wrote whose profile is that year alone
    born: dict[int, int] = field(default_factory=dict)
    # the last claim, merge and article ids this import saw at the end of its last batch
    mark: tuple[int, int, int] | None = None
    stored: bool = True
    # the stored keys read too (``same_key``, the list importer's); a writer asks only whether
    # someone carries a surname (``surnames``), whose distinct values its start reads alone
    keyed: bool = True
    # the store's table of forms checked (its triggers there) and read from: ``near`` asks it
    in_store: bool = False

    def refresh(self, session: Session) -> None:
        """Add the persons and spellings stored since the last look (by any writer); forget
        what ``born`` knows when another writer has written claims or merges since."""
        if self.mark is not None and self._marks(session) != self.mark:
            self.born.clear()
        # the names queued since the last look written to the store's forms, whichever way
        # this index answers (so the table stays current for the other writers)
        if not self.in_store:
            name_forms.ensure(session)
            self.in_store = True
        self.write_forms(session)
        if self.stored:
            if not self.keyed and not (self.seen_person or self.seen_alias):
                # the first look, of a writer (which asks for surnames alone): the distinct
                # surname keys, read from their indexes, and the last ids, in one statement
                for kind, person, alias, surname in tuples(session, _surnames_at_start()):
                    if kind == 0:
                        self.seen_person, self.seen_alias = person or 0, alias or 0
                    elif surname:
                        self.surnames.add(surname)
                return
            # the keys and surname keys as stored (what ``match_person`` looks up), by id
            for alias, row_id, pid, key, surname in tuples(session, _keys_after(), {
                    "person": self.seen_person, "alias": self.seen_alias}):
                if key:
                    if self.keyed:
                        self.keys.add(key)
                    self.surnames.add(surname if surname is not None else surname_of(key))
                if alias:
                    self.seen_alias = max(self.seen_alias, row_id)
                else:
                    self.seen_person = max(self.seen_person, pid)
            return
        # the persons first, then the spellings, each by id, in one statement
        for alias, row_id, pid, text in tuples(session, _names_after(), {
                "person": self.seen_person, "alias": self.seen_alias}):
            if not alias:
                if pid not in self.slots:  # not one this import wrote (and indexed) itself
                    self.add([text], person_id=pid)
                self.seen_person = max(self.seen_person, pid)
            else:
                self.add([text], person_id=pid)
                self.seen_alias = max(self.seen_alias, row_id)

    @staticmethod
    def write_forms(session: Session) -> int:
        """The forms of the names queued since the last look (by the store's triggers, for any
        writer) written to the store's table; how many names."""
        names: list[tuple[str, str, int, str]] = []
        taken = name_forms.take_queue(session)
        for pid, text in taken:
            if not name_key(text):
                continue
            for name in _readings(text):
                if name.surname:
                    names.append((name.surname, name.initial, pid, text))
                elif name.given:
                    names.append((name.given, name_forms.GIVEN_ONLY, pid, text))
        # a skeleton's forms are written with its first name only: most names written carry
        # a surname the store has (one lookup for all, not a dozen ignored rows each)
        skeletons = {skeleton for skeleton, *_ in names}
        new = skeletons - name_forms.known(session, skeletons)
        forms = [(form, skeleton) for skeleton in new for form in surname_forms(skeleton)]
        name_forms.write_forms(session, names, forms)
        return len(taken)

    def add(self, texts: list[str], *, keys: list[str] | None = None,
            person_id: int | None = None) -> int:
        """Index ``texts`` (whose ``name_key``s are ``keys``, when the caller has them) as
        names of one person (known by id, or a new slot); its slot."""
        slot = self.slots.get(person_id) if person_id is not None else None
        if slot is None:
            slot = len(self.ids)
            self.ids.append(person_id)
            if person_id is not None:
                self.slots[person_id] = slot
        for text, key in zip(texts, keys or [name_key(text) for text in texts]):
            if not key:
                continue
            self.keys.add(key)
            self.surnames.add(surname_of(key))
            for name in _readings(text):
                if name.surname:
                    by_form = self.forms.setdefault(name.initial, {})
                    entry = (slot, name)
                    for form in surname_forms(name.surname):
                        entries = by_form.get(form)
                        if entries is None:
                            by_form[form] = [entry]
                        else:
                            entries.append(entry)
                elif name.given:
                    self.given_only.setdefault(name.given, []).append(slot)
        return slot

    def remember(self, session: Session) -> None:
        """Note the store as this import leaves it at the end of a batch (see ``refresh``)."""
        self.mark = self._marks(session)

    @staticmethod
    def _marks(session: Session) -> tuple[int, int, int]:
        return tuple(session.scalar(select(func.coalesce(func.max(table.id), 0)))
                     for table in (Claim, Merge, Article))

    def settled_new(self, slots: set[int], name: str, birth_year: int | None) -> bool:
        """Whether a row with a full ``name`` born ``birth_year`` cannot come near enough any
        person of ``slots`` to be merged or suggested (all written by this import, with birth
        years too far apart)."""
        if birth_year is None or not parse(name).full or \
                1 - AGE_MISMATCH_PENALTY >= SUGGEST:
            return False
        return all(slot in self.born and abs(self.born[slot] - birth_year) >
                   AGE_TOLERANCE_YEARS for slot in slots)

    def forget(self, session: Session, person_ids: list[int | None]) -> None:
        """Whatever ``born`` knows of these persons and of those they were merged into."""
        for pid in person_ids:
            person = session.get(Person, pid) if pid is not None else None
            if person is not None:
                for member in (person, canonical(session, person)):
                    self.born.pop(self.slots.get(member.id, -1), None)

    def bind(self, slot: int, person_id: int) -> None:
        self.ids[slot] = person_id
        self.slots[person_id] = slot

    def same_key(self, keys: list[str]) -> bool:
        """Whether ``store.persons.match_person`` may find a stored person for names with
        these ``name_key``s (a key, or a surname's key, that a stored name has)."""
        if not self.keyed:
            raise ValueError("a NameIndex(keyed=False) does not read the stored keys")
        for key in keys:
            if key and (key in self.keys or surname_of(key) in self.surnames):
                return True
        return False

    def written(self, slots: set[int]) -> bool:
        """Whether every person of ``slots`` is in the store (not queued for a bulk write)."""
        return all(self.ids[slot] is not None for slot in slots)

    def near(self, texts: list[str], session: Session | None = None) -> set[int]:
        """The slots of the persons some name of whom scores above zero against ``texts``
        (with ``session``, the stored names too: see ``stored``)."""
        found: set[int] = set()
        for text in texts:
            for name in _readings(text):
                if not name.surname:
                    found.update(self.given_only.get(name.given, ()) if name.given else ())
                    continue
                # two initials that differ score zero: a name looks under its own and under
                # none; one with no initial under every initial
                tables = [self.forms[i] for i in ("", name.initial) if i in self.forms] \
                    if name.initial else list(self.forms.values())
                # a name shares several forms with a surname like its own: scored once
                scored: set[int] = set()
                for form in surname_forms(name.surname):
                    for by_form in tables:
                        for entry in by_form.get(form, ()):
                            slot = entry[0]
                            if slot in found or id(entry) in scored:
                                continue
                            scored.add(id(entry))
                            if name_score(name, entry[1])[0] > 0:
                                found.add(slot)
        if session is not None and self.stored and self.in_store:
            found |= self._near_stored(session, texts)
        return found

    def _near_stored(self, session: Session, texts: list[str]) -> set[int]:
        """``near`` among the stored names: the rows under the names' forms (one query), each
        of whose readings is then looked at as ``near`` looks at an entry held here."""
        asked = [name for text in texts for name in _readings(text)]
        forms: set[str] = set()
        for name in asked:
            if name.surname:
                forms |= surname_forms(name.surname)
            elif name.given:
                forms.add(name.given)
        if not forms:
            return set()
        found: set[int] = set()
        for pid, text in tuples(session, name_forms.named_under(), {"forms": sorted(forms)}):
            if pid in self.slots and self.slots[pid] in found:
                continue
            for entry in _readings(text):
                if self._scores(asked, entry):
                    slot = self.slots.get(pid)
                    if slot is None:
                        slot = self.slots[pid] = len(self.ids)
                        self.ids.append(pid)
                    found.add(slot)
                    break
        return found

    @staticmethod
    def _scores(asked: list[Name], entry: Name) -> bool:
        """Whether ``near`` would find ``entry`` (a stored name's reading) for one of ``asked``
        (an entry is found under a surname form it shares with the name, under the name's
        initial or none, and then scored; a given name alone under that given name)."""
        for name in asked:
            if not name.surname:
                if name.given and not entry.surname and entry.given == name.given:
                    return True
                continue
            if not entry.surname or name.initial and entry.initial not in ("", name.initial):
                continue
            if surname_forms(name.surname).isdisjoint(surname_forms(entry.surname)):
                continue
            if name_score(name, entry)[0] > 0:
                return True
        return False


# Statements a writer sends for every article, built once (see ``store.persons``).
@functools.cache
def _names_after():
    """The persons stored after ``:person`` and the spellings after ``:alias``: (0, id, id,
    name) then (1, id, person id, spelling), each by id."""
    persons = select(literal(0).label("alias"), Person.id.label("row_id"),
                     Person.id.label("person_id"), Person.name.label("text")).where(
        Person.id > bindparam("person"))
    aliases = select(literal(1), PersonAlias.id, PersonAlias.person_id, PersonAlias.alias).where(
        PersonAlias.id > bindparam("alias"))
    both = union_all(persons, aliases).subquery()
    return select(both.c.alias, both.c.row_id, both.c.person_id, both.c.text).order_by(
        both.c.alias, both.c.row_id)


@functools.cache
def _keys_after():
    """The keys (and surname keys) of the persons stored after ``:person`` and of the
    spellings after ``:alias``: (0, id, id, key, surname) then (1, id, person id, key,
    surname)."""
    persons = select(literal(0).label("alias"), Person.id.label("row_id"),
                     Person.id.label("person_id"), Person.key.label("key"),
                     Person.surname.label("surname")).where(Person.id > bindparam("person"))
    aliases = select(literal(1), PersonAlias.id, PersonAlias.person_id, PersonAlias.key,
                     PersonAlias.surname).where(PersonAlias.id > bindparam("alias"))
    both = union_all(persons, aliases).subquery()
    return select(both.c.alias, both.c.row_id, both.c.person_id, both.c.key,
                  both.c.surname)


@functools.cache
def _surnames_at_start():
    """(0, the last person id, the last spelling id, None), then (1, None, None, surname) for
    every distinct surname key of a person or spelling (read from their indexes): one
    statement, so the ids and the surnames are of one moment on PostgreSQL too."""
    last = select(literal(0).label("kind"),
                  select(func.max(Person.id)).scalar_subquery().label("person"),
                  select(func.max(PersonAlias.id)).scalar_subquery().label("alias"),
                  null().label("surname"))
    surnames = union(select(Person.surname), select(PersonAlias.surname)).subquery()
    every = select(literal(1), null(), null(), surnames.c.surname)
    return union_all(last, every)


def among(session: Session, index: NameIndex, slots: set[int]) -> set[int]:
    """Every person id the resolver need look at for names near the persons of ``slots``: all
    members of every person they were merged with (``resolve.persons.candidates(among=...)``)."""
    near = {pid for slot in slots if (pid := index.ids[slot]) is not None}
    if not near:
        return set()
    people = people_of(session, near)  # their merges as columns, not ORM objects
    roots = {root_in(people, pid) for pid in near if pid in people}
    return set(members_at_once(session, roots))


@dataclass
class NewRow:
    """A row whose person is new for certain, waiting to be written with its batch."""

    values: dict[str, Any]  # as ``lists._check`` read them
    keys: list[str]  # the ``name_key`` of its name and of each alias
    span: Span
    slot: int
    result: Any  # the row's RowResult, given its person id when written


# What a row says of its person, as ``lists._import_row`` claims it.
PERSON_CLAIMS = ("birth_year", "status", "notes")


@dataclass
class Pending:
    """New rows queued for one bulk write; ``flush`` writes them as ``article._Writer`` would,
    ``publish`` tells the batch's writer what they said (for a row the resolver sees next)."""

    article_id: int
    by: tuple[str | None, str | None]
    rows: list[NewRow] = field(default_factory=list)
    # rows written but not yet told to the writer: (person id, values, [(event id, record)])
    unpublished: list[tuple[int, dict[str, Any], list[tuple[int, EventRecord]]]] = \
        field(default_factory=list)

    def flush(self, session: Session, index: NameIndex) -> None:
        """Write the queued rows: every table's rows made in one pass, each value as the
        driver takes it (JSON encoded as the claim is made), then one INSERT per table."""
        if not self.rows:
            return
        rows, self.rows = self.rows, []
        records = [_events(row.values) for row in rows]
        person_ids = bulk.reserve_ids(session, Person.__table__, len(rows))
        event_ids = iter(bulk.reserve_ids(session, Event.__table__,
                                          sum(map(len, records))))
        persons, aliases, keys, events, links, sources, claims = [], [], [], [], [], [], []
        for row, pid, told in zip(rows, person_ids, records):
            index.bind(row.slot, pid)
            row.result.person_id = pid
            values = row.values
            name = values["name"].strip()
            persons.append((pid, name, row.keys[0], last_token(row.keys[0])))
            aliases += [(pid, alias, key, last_token(key))
                        for alias, key in _aliases(values, row.keys)]
            blocks: set[str] = set()
            for text in (name, *values["aliases"]):
                blocks |= block_keys(parse(text))
            keys += [(pid, key) for key in sorted({k[:64] for k in blocks})]
            span = row.span
            located = span.start >= 0
            where = (self.article_id, span.start if located else None,
                     span.end if located else None, span.text, *self.by)
            claims += [("person", pid, key, _json(values[key])) + where
                       for key in PERSON_CLAIMS if values.get(key) is not None]
            made = [(next(event_ids), record) for record in told]
            for event_id, record in made:
                events.append((event_id, record.type, record.date,
                               date_precision(record.date), record.charge,
                               record.term_months, self.article_id))
                links.append((event_id, pid))
                sources.append((event_id, *where[:4]))
                claims += [("event", event_id, field_, _json(value)) + where
                           for field_, value in _event_values(record, pid)
                           if value is not None]
            self.unpublished.append((pid, values, made))
        now = dt.datetime.now(dt.timezone.utc)
        bulk.insert_rows(session, Person.__table__, ("id", "name", "key", "surname"), persons,
                         same={"created_at": now})
        bulk.insert_rows(session, PersonAlias.__table__, ("person_id", "alias", "key", "surname"),
                         aliases)
        bulk.insert_rows(session, PersonKey.__table__, ("person_id", "key"), keys)
        bulk.insert_rows(session, Event.__table__, EVENT_COLUMNS, events,
                         same={"negated": False, "hedged": False, "created_at": now})
        bulk.insert_rows(session, EventPerson.__table__, ("event_id", "person_id"), links)
        bulk.insert_rows(session, EventSource.__table__, SOURCE_COLUMNS, sources)
        bulk.insert_rows(session, Claim.__table__, CLAIM_COLUMNS, claims,
                         same={"created_at": now, "status": "proposed"}, bound=("value",))

    def publish(self, writer: _Writer) -> None:
        """Tell ``writer`` (the batch's, for the rows the resolver sees) the claims and events
        of the rows written so far, as if it had written them (it leaves out a claim said
        twice in one batch, and a row's event the batch told already)."""
        for pid, values, made in self.unpublished:
            said = [("person", pid, key, values[key]) for key in PERSON_CLAIMS
                    if values.get(key) is not None]
            for event_id, record in made:
                writer.created.append((record, event_id, {pid}))
                said += [("event", event_id, field_, value)
                         for field_, value in _event_values(record, pid) if value is not None]
            for subject_type, subject_id, field_, value in said:
                writer.bulk_claimed.setdefault((subject_type, subject_id), []).append(
                    (field_, value))
        self.unpublished = []


CLAIM_COLUMNS = ("subject_type", "subject_id", "field", "value", "article_id", "start_char",
                 "end_char", "sentence", "extractor", "extractor_version")
EVENT_COLUMNS = ("id", "type", "date", "date_precision", "charge", "term_months",
                 "article_id")
SOURCE_COLUMNS = ("event_id", "article_id", "start_char", "end_char", "sentence")


_EVENT_VALUES = operator.attrgetter(*EVENT_FIELDS)


def _event_values(record: EventRecord, person_id: int) -> list[tuple[str, Any]]:
    """An event's claims (field, value), as ``article._Writer`` makes them, None values too."""
    return [("type", record.type), ("persons", [person_id]),
            *zip(EVENT_FIELDS, _EVENT_VALUES(record))]


def _json(value: Any) -> str:
    """``value`` as ``JSONText`` writes it, the usual kinds without the encoder's overhead."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return str(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is list and all(type(v) is int for v in value):  # an event's person ids
        return f"[{', '.join(map(str, value))}]"
    return encode_json(value)


def _aliases(values: dict[str, Any], keys: list[str]) -> list[tuple[str, str]]:
    """The spellings ``store.persons.add_alias`` would keep for a new person, with their
    keys (``keys`` those of the name and of each alias)."""
    kept: list[tuple[str, str]] = []
    seen = {values["name"].strip().casefold()}
    for alias, key in zip((values["name"], *values["aliases"]), keys):
        text = alias.strip()
        if not key or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        kept.append((text, key))
    return kept


def _events(values: dict[str, Any]) -> list[EventRecord]:
    """A row's arrest and sentence (as ``lists._import_row`` makes them)."""
    records = []
    if values.get("arrest_date"):
        records.append(EventRecord(type="arrest", persons=["r"], date=values["arrest_date"],
                                   charge=values["charge"]))
    if values.get("term_months"):
        records.append(EventRecord(type="sentence", persons=["r"], charge=values["charge"],
                                   term_months=values["term_months"]))
    return records
