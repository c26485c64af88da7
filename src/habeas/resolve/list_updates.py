"""A list imported again: the new version compared with what the list holds, and only the
difference written.

A list is known by its name (the file's name unless ``--list`` names it). Its rows as the last
import left them are ``store.lists.ListEntry`` rows, one per identity: the key of the row's name
and its birth year. A new version's row is the same row as a stored one when its identity is
the same, or, failing that, when its names resolve to the stored row's person (a spelling
changed) and the birth years do not disagree. Then:

- a row only in the new version is *added*: imported as any row is (``lists._one_row``);
- a row only in the old version is *removed*: the list no longer names the person, so its entry
  goes; what the old version said stays in the store as what it said then;
- a row in both whose values differ is *changed*, field by field: a new spelling becomes an
  alias; a birth year, status or note is claimed again from the new version, the claim naming
  the one it supersedes; the list's own arrest or sentence (an event no report shares) is
  corrected in place, with the new version as one more source; an event a report shares is
  left alone and the new value told as a new event;
- a row in both with the same values is *unchanged*, and nothing is written for it.

A row that cannot be read removes nothing: the stored row of the same name is kept. The
difference is stored with the import (``ListImport.diff``) before anything is written, and the
changes are written ``lists.BATCH_ROWS`` at a time; an import that stops goes on when run
again, since what was written already matches and only the rest still differs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, delete, select
from sqlalchemy.orm import Session

from ..model import EventRecord, Extraction, Span
from ..store import bulk
from ..store.crud import date_precision
from ..store.lists import ListEntry, ListImport, list_articles
from ..store.models import Article, Claim, Event, EventPerson, EventSource, Person
from ..store.persons import add_alias, canonical, member_roots, name_key, persons_by_keys
from .article import _Writer
from .bulk import NameIndex
from .names import SAME_NAME, name_score, parse

# The fields a difference is told in: the list's own columns, as `habeas export -f list` has.
SHOWN_FIELDS = ("name", "aliases", "birth_year", "arrest_date", "charge", "sentence",
                "status", "notes")
# Fields of a row that are claims about its person.
PERSON_FIELDS = ("birth_year", "status", "notes")
# Which of a row's events each field belongs to (charge to both).
EVENT_FIELDS = {"arrest": ("arrest_date", "charge"), "sentence": ("sentence", "charge")}
# A stored row of a list, as ``store.lists.entries`` reads it.
Stored = Row


def identity(values: dict[str, Any]) -> str:
    """A row's identity in its list: its name's key and its birth year."""
    return f"{name_key(values['name'])}|{values.get('birth_year') or ''}"


def shown(values: dict[str, Any]) -> dict[str, Any]:
    """A row's values in the list's columns ("sentence" as a term, aliases joined)."""
    from .lists import format_term

    return {"name": values["name"], "aliases": "; ".join(values.get("aliases") or []),
            "birth_year": values.get("birth_year") or "",
            "arrest_date": values.get("arrest_date") or "", "charge": values.get("charge") or "",
            "sentence": format_term(values.get("term_months")),
            "status": values.get("status") or "", "notes": values.get("notes") or ""}


def changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """field -> [old, new] for each shown field whose value differs."""
    before, after = shown(old), shown(new)
    return {f: [before[f], after[f]] for f in SHOWN_FIELDS if before[f] != after[f]}


class Identities:
    """Identities handed out in one version: a second row of one identity gets "|2"."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.counts: dict[str, int] = {}
        for key in taken:
            base, _, number = key.rpartition("|") if key.count("|") > 1 else (key, "", "1")
            self.counts[base] = max(self.counts.get(base, 0), int(number or 1))

    def next(self, values: dict[str, Any]) -> str:
        base = identity(values)
        count = self.counts.get(base, 0) + 1
        self.counts[base] = count
        return base if count == 1 else f"{base}|{count}"


# ----------------------------------------------------------------------------- first import

@dataclass
class Recorder:
    """Writes a first import's rows as the list's entries, batch by batch (``lists``)."""

    list_name: str
    article_id: int
    identities: Identities
    # row number -> identity, for rows whose identity the difference worked out already
    fixed: dict[int, str] = field(default_factory=dict)

    def record(self, session: Session, results: list[Any]) -> None:
        rows = [(self.list_name, self.fixed.get(r.row) or self.identities.next(r.values),
                 r.person_id, r.row, r.values, self.article_id)
                for r in results if r.status != "rejected" and r.values is not None]
        bulk.insert_rows(session, ListEntry.__table__,
                         ("list_name", "identity", "person_id", "row", "values", "article_id"),
                         rows)


# ----------------------------------------------------------------------------- difference

@dataclass
class Read:
    """A row of the new version as read and checked."""

    number: int
    values: dict[str, Any]
    span: Span
    raw: Any  # the lists.RawRow it was read from
    identity: str = ""


@dataclass
class Difference:
    added: list[Read] = field(default_factory=list)
    removed: list[Stored] = field(default_factory=list)
    changed: list[tuple[Stored, Read, dict[str, list[Any]]]] = field(default_factory=list)
    unchanged: int = 0
    kept: list[Stored] = field(default_factory=list)  # a row that could not be read names it

    def as_json(self) -> dict[str, Any]:
        return {
            "added": [{"row": r.number, **shown(r.values)} for r in self.added],
            "removed": [{"row": e.row, "person_id": e.person_id, **shown(e.values)}
                        for e in self.removed],
            "changed": [{"row": r.number, "person_id": e.person_id, "name": r.values["name"],
                         "fields": fields} for e, r, fields in self.changed],
            "unchanged": self.unchanged,
            "kept": [{"row": e.row, "name": e.values["name"]} for e in self.kept],
        }


def compare(session: Session, stored: dict[str, Stored], rows: list[Read],
            unreadable: set[str]) -> Difference:
    """The difference between a list's stored rows and a new version's (``unreadable``: the
    name keys of rows that could not be read)."""
    identities = Identities()
    for row in rows:
        row.identity = identities.next(row.values)
    diff = Difference()
    left = dict(stored)
    unmatched: list[Read] = []
    for row in rows:
        entry = left.pop(row.identity, None)
        if entry is None:
            unmatched.append(row)
        else:
            _pair(diff, entry, row)
    spellings = _Spellings(left) if unmatched else None
    for row in unmatched:
        entry = _same_person(session, left, row) or spellings.match(left, row)
        if entry is None:
            diff.added.append(row)
        else:
            del left[entry.identity]
            _pair(diff, entry, row)
    for entry in left.values():
        if name_key(entry.values["name"]) in unreadable:
            diff.kept.append(entry)
        else:
            diff.removed.append(entry)
    return diff


def _pair(diff: Difference, entry: Stored, row: Read) -> None:
    if entry.values == row.values:  # most rows of a new version: nothing to compare further
        diff.unchanged += 1
        return
    fields = changes(entry.values, row.values)
    if fields:
        diff.changed.append((entry, row, fields))
    else:
        diff.unchanged += 1


def _agree(entry: Stored, row: Read) -> bool:
    """Whether two rows' birth years do not disagree (equal, or one not given)."""
    born = row.values.get("birth_year")
    return born is None or entry.values.get("birth_year") in (None, born)


class _Spellings:
    """The stored rows not yet paired, indexed by name (``bulk.NameIndex``): a new row whose
    name scores ``SAME_NAME`` or more against one of them (``names.name_score``: "Asanow" and
    "Asanov"), birth years not disagreeing, is that row spelt anew."""

    def __init__(self, left: dict[str, Stored]) -> None:
        self.index = NameIndex()
        self.by_slot: dict[int, Stored] = {}
        for entry in left.values():
            names = [entry.values["name"], *entry.values.get("aliases", [])]
            self.by_slot[self.index.add(names)] = entry

    def match(self, left: dict[str, Stored], row: Read) -> Stored | None:
        names = [row.values["name"], *row.values["aliases"]]
        best, found = SAME_NAME, None
        for slot in sorted(self.index.near(names)):
            entry = self.by_slot[slot]
            if entry.identity not in left or not _agree(entry, row):
                continue
            score = max(name_score(parse(a), parse(b))[0] for a in names
                        for b in (entry.values["name"], *entry.values.get("aliases", [])))
            if score >= best:
                best, found = score, entry
        return found


def _same_person(session: Session, left: dict[str, Stored], row: Read) -> Stored | None:
    """The stored row (not yet paired) whose person the new row's names resolve to (a
    spelling the store knows for them), birth years not disagreeing."""
    if not left:
        return None
    keys = {name_key(t) for t in (row.values["name"], *row.values["aliases"])} - {""}
    persons = {canonical(session, p).id for p in persons_by_keys(session, keys)}
    if not persons:
        return None
    for entry in sorted(left.values(), key=lambda e: e.row):
        person = session.get(Person, entry.person_id) if entry.person_id else None
        if person is not None and canonical(session, person).id in persons and \
                _agree(entry, row):
            return entry
    return None


# ----------------------------------------------------------------------------- writing

def remove(session: Session, ids: list[int]) -> None:
    """The list no longer names these rows: their entries go (what they said stays)."""
    if ids:
        session.execute(delete(ListEntry).where(ListEntry.id.in_(ids)))


def apply_changes(session: Session, writer: _Writer, article: Article, list_name: str,
                  changed: list[tuple[int, Read, dict[str, list[Any]]]]) -> None:
    """Write what each changed row says anew, and move its entry to the new version.

    The lookups (earlier claims, the list's own events) only read what earlier versions
    wrote, never what this batch adds, so they run without flushing the batch first: it is
    written once, at the end (a flush per row was most of an update's time)."""
    sources = list_articles(session, list_name) | {article.id}
    # the batch's entries and persons read at once (then found in the session's identity map)
    stored = {e.id: e for e in session.scalars(
        select(ListEntry).where(ListEntry.id.in_([entry_id for entry_id, _, _ in changed])))}
    persons = {e.person_id for e in stored.values() if e.person_id is not None}
    list(session.scalars(select(Person).where(Person.id.in_(persons))))
    with session.no_autoflush:
        for entry_id, row, fields in changed:
            entry = stored.get(entry_id)
            if entry is not None:  # else gone meanwhile (another import of the list)
                _apply_change(session, writer, article, entry, row, fields, sources=sources)
    session.flush()


def _apply_change(session: Session, writer: _Writer, article: Article, entry: ListEntry,
                  row: Read, fields: dict[str, list[Any]], *, sources: set[int]) -> None:
    person = session.get(Person, entry.person_id) if entry.person_id else None
    if person is not None:
        person = canonical(session, person)
        members = list(member_roots(session, [person.id]))
        if "name" in fields or "aliases" in fields:
            for text in (row.values["name"], *row.values["aliases"]):
                add_alias(session, person, text)
        for key in PERSON_FIELDS:
            if key in fields and row.values.get(key) is not None:
                _claim_again(session, writer, article, "person", person.id, key,
                             row.values[key], row.span, members=members, sources=sources)
        for type_, shown_fields in EVENT_FIELDS.items():
            if any(f in fields for f in shown_fields):
                _event_again(session, writer, article, person, members, type_, row,
                             sources=sources)
    entry.values, entry.row, entry.article_id = row.values, row.number, article.id
    entry.identity = row.identity


def _claim_again(session: Session, writer: _Writer, article: Article, subject_type: str,
                 subject_id: int, key: str, value: Any, span: Span, *, members: list[int],
                 sources: set[int]) -> Claim:
    """A claim from the new version that supersedes the list's latest claim of ``key``."""
    # the subject's claims of the field, filtered by article here: asked for the list's
    # articles, SQLite walks the article's index (a claim for every value of every row)
    earlier = next((cid for cid, aid in session.execute(
        select(Claim.id, Claim.article_id).where(Claim.subject_type == subject_type,
                                                 Claim.subject_id.in_(members),
                                                 Claim.field == key)
        .order_by(Claim.id.desc())) if aid in sources and aid != article.id), None)
    by = writer.person_by if subject_type == "person" else writer.event_by
    located = span.start >= 0
    claim = Claim(subject_type=subject_type, subject_id=subject_id, field=key, value=value,
                  article_id=article.id, start_char=span.start if located else None,
                  end_char=span.end if located else None, sentence=span.text,
                  extractor=by[0], extractor_version=by[1], status="proposed",
                  supersedes_id=earlier)
    session.add(claim)
    return claim


def _event_again(session: Session, writer: _Writer, article: Article, person: Person,
                 members: list[int], type_: str, row: Read, *, sources: set[int]) -> None:
    """The row's arrest or sentence as the new version tells it: the list's own event
    corrected in place, or a new event when a report shares the old one (or there was none)."""
    values = row.values
    record = _record(type_, values, row.span)
    if record is None:
        return
    own = _own_event(session, members, type_, sources)
    if own is None:
        writer.persons[f"r{row.number}"] = person
        record.persons = [f"r{row.number}"]
        writer.event(record, into=None)
        return
    for key, value in (("date", record.date), ("charge", record.charge),
                       ("term_months", record.term_months)):
        if value is not None and getattr(own, key) != value:
            setattr(own, key, value)
            if key == "date":
                own.date_precision = date_precision(value)
            _claim_again(session, writer, article, "event", own.id, key, value, row.span,
                         members=[own.id], sources=sources)
            own.tally = None  # a claim more, one superseded: counted at its next derivation
    located = row.span.start >= 0
    session.add(EventSource(event_id=own.id, article_id=article.id,
                            start_char=row.span.start if located else None,
                            end_char=row.span.end if located else None,
                            sentence=row.span.text))


def _record(type_: str, values: dict[str, Any], span: Span) -> EventRecord | None:
    if type_ == "arrest" and values.get("arrest_date"):
        return EventRecord(type="arrest", persons=[], date=values["arrest_date"],
                           charge=values["charge"], sources=[span])
    if type_ == "sentence" and values.get("term_months"):
        return EventRecord(type="sentence", persons=[], charge=values["charge"],
                           term_months=values["term_months"], sources=[span])
    return None


def _own_event(session: Session, members: list[int], type_: str,
               sources: set[int]) -> Event | None:
    """The person's latest event of ``type_`` that only versions of the list tell."""
    candidates = session.scalars(  # filtered by article here, as in ``_claim_again``
        select(Event).join(EventPerson, EventPerson.event_id == Event.id)
        .where(EventPerson.person_id.in_(members), Event.type == type_)
        .order_by(Event.id.desc()))
    for event in candidates:
        if event.article_id not in sources:
            continue
        told_by = set(session.scalars(select(EventSource.article_id)
                                      .where(EventSource.event_id == event.id)))
        if told_by <= sources:
            return event
    return None


def writer_for(session: Session, article: Article, by: str) -> _Writer:
    return _Writer(session, article, Extraction(document={}, versions={"habeas_import": by}))


def finish(session: Session, record: ListImport, counts: dict[str, int]) -> None:
    record.complete, record.counts = True, counts
    record.finished_at = dt.datetime.now(dt.timezone.utc)


def batches(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]

