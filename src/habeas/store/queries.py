"""Reading the store: person lists, dossiers, event lists and exports for the CLI, API and web.

Read-only; every function takes keyword arguments after ``*``. Persons merged into another are
shown as part of the person they were merged into. A person's status is derived here from their
events in date order (undated events placed at their article's publication date):
``detained``, ``sentenced``, ``released``, ``died`` or ``unknown``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, bindparam, exists, literal, or_, select
from sqlalchemy.orm import Session, aliased

from ..model import PERSON_FIELDS
from .cases import days_in_custody
from .db import rows as read_rows
from .conflicts import event_conflicts, person_conflicts
from .models import Article, Claim, Event, EventPerson, EventSource, Mention, Person, PersonAlias
from .persons import canonical, find_persons, member_roots, name_key, persons_by_substring

STATUSES = ("detained", "sentenced", "released", "died", "unknown")
# What a person is to the record: "subject", someone events happened to (an arrest, a
# sentence...), or "speaker", someone who is only named, speaks or acts (a lawyer, a
# president, an official). Lists show both, subjects first; ``role`` filters.
PERSON_ROLES = ("subject", "speaker")
# What an event says about custody. "custody" events (a transfer, a hunger strike) show a
# person is held, but do not undo a sentence or a release (a transfer after a release is a
# journey home); events not listed (search, charge, trial, appeal,
# designation, protest) leave the status as it was.
STATUS_SETTING = {
    "arrest": "detained", "abduction": "detained",
    "conviction": "sentenced", "sentence": "sentenced",
    "release": "released", "acquittal": "released", "charges_dropped": "released",
    "death_in_custody": "died",
}
CUSTODY_EVENTS = ("transfer", "hunger_strike", "ill_treatment")
# Claim statuses hidden from dossiers unless asked for.
HIDDEN_CLAIM_STATUSES = ("rejected",)


@dataclass
class PersonRow:
    id: int
    name: str
    aliases: list[str]
    events: int
    articles: int
    last_event_date: str | None
    last_event_type: str | None
    status: str
    role: str = "subject"  # PERSON_ROLES


@dataclass
class EventRow:
    id: int
    type: str
    date: str | None
    date_precision: str | None
    place: str | None
    agent: str | None
    charge: str | None
    term_months: int | None
    release_mode: str | None
    negated: bool
    hedged: bool
    attributed_to: str | None
    persons: list[str] = field(default_factory=list)
    article_id: int | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    sources: int = 0


# ----------------------------------------------------------------------------- helpers

def _roots(session: Session) -> dict[int, int]:
    """person id -> the id of the person it is (after merges), for every person."""
    parent = dict(session.execute(select(Person.id, Person.merged_into_id)).all())
    roots: dict[int, int] = {}
    for pid in parent:
        node, hops = pid, 0
        while parent.get(node) is not None and hops < len(parent):
            node, hops = parent[node], hops + 1  # type: ignore[assignment]
        roots[pid] = node
    return roots


def subject_ids(session: Session) -> set[int]:
    """The (root) persons events happened to: linked to at least one event, after merges.
    Everyone else only speaks or acts in the reports (role "speaker")."""
    linked = set(session.scalars(select(EventPerson.person_id).distinct()))
    if not linked:
        return set()
    roots = _roots(session)
    return {roots.get(pid, pid) for pid in linked}


@functools.cache  # a statement's part, built once: building it cost a search 3 ms of CPU
def is_subject(*, few: bool = False) -> ColumnElement[bool]:
    """SQL for "a person events happened to" (``subject_ids`` as a condition on ``Person``):
    it has an event, or a person merged into it, at any depth, has one. Checked row by row
    through the index on ``event_persons.person_id``, so a page of persons costs a page's
    worth of lookups, not a read of every person and link. ``few``: the persons asked about
    are a search's matches, a few thousand at most; PostgreSQL answers an EXISTS under OR by
    hashing every event link (200,000: tens of ms), which pays only for the whole list.
    """
    merged, parent = aliased(Person), aliased(Person)
    up = select(merged.merged_into_id.label("id")).where(
        merged.merged_into_id.is_not(None),
        exists().where(EventPerson.person_id == merged.id)).cte("subject_up", recursive=True)
    up = up.union(select(parent.merged_into_id).join(up, parent.id == up.c.id)
                  .where(parent.merged_into_id.is_not(None)))
    if few:  # a scalar subquery with LIMIT is looked up row by row on both backends
        linked = (select(literal(1)).where(EventPerson.person_id == Person.id).limit(1)
                  .scalar_subquery().is_not(None))
    else:
        linked = exists().where(EventPerson.person_id == Person.id)
    return or_(linked, Person.id.in_(select(up.c.id)))


def person_role(person_id: int, subjects: set[int]) -> str:
    return "subject" if person_id in subjects else "speaker"


def _members(session: Session, person: Person) -> list[int]:
    """The ids that make up ``person``: itself and everyone merged into it, at any depth."""
    return sorted(member_roots(session, [canonical(session, person).id]))


def _aliases(session: Session, roots: dict[int, int]) -> dict[int, list[str]]:
    """root id -> its other names: its aliases, then the names and aliases of the persons
    merged into it, each spelling once. ``roots`` maps the person ids to consider to roots."""
    ids = sorted(roots)
    names = {pid: (name, key) for pid, name, key in session.execute(
        select(Person.id, Person.name, Person.key).where(Person.id.in_(ids)))}
    # (root, order, alias, key); order: the root's own aliases, then each merged person's
    # name followed by its aliases
    found: list[tuple[int, tuple[int, ...], str, str]] = [
        (roots[pid], (0, 0, 1, aid) if roots[pid] == pid else (1, pid, 1, aid), alias, key)
        for aid, pid, alias, key in session.execute(
            select(PersonAlias.id, PersonAlias.person_id, PersonAlias.alias, PersonAlias.key)
            .where(PersonAlias.person_id.in_(ids)))
    ]
    found += [(root, (1, pid, 0, 0), *names[pid]) for pid, root in roots.items() if pid != root]
    out: dict[int, list[str]] = defaultdict(list)
    # a spelling is shown once per script: "Джелял" is shown beside "Dzhelial", its key twin
    seen: set[tuple[int, str, bool]] = {(root, names[root][1], names[root][0].isascii())
                                        for root in set(roots.values()) if root in names}
    for root, _, alias, key in sorted(found, key=lambda f: (f[0], f[1])):
        if (root, key, alias.isascii()) not in seen:
            seen.add((root, key, alias.isascii()))
            out[root].append(alias)
    return out


def _order_key(date: str | None, published: str | None, event_id: int) -> tuple[str, int]:
    return (date or published or "", event_id)


def derive_status(events: list[tuple[str, str | None, str | None, int, bool]]) -> str:
    """Status from (type, date, published, id, negated) tuples, in any order.

    Dated events decide, in date order. An undated event is background ("was sentenced to
    eight years" in a report of his release) and only speaks when no dated event does.
    """
    return derive_status_since(events)[0]


def derive_status_since(events: list[tuple[str, str | None, str | None, int, bool]]
                        ) -> tuple[str, str | None]:
    """``derive_status`` and the date of the event the status holds since (None when the
    deciding event is undated, or the status unknown)."""
    status, since = "unknown", None
    dated = [e for e in events if e[1]]
    undated = [e for e in events if not e[1]]
    for group in (dated, undated):
        if group is undated and status != "unknown":
            break
        for type_, date, published, event_id, negated in sorted(
            group, key=lambda e: _order_key(e[1], e[2], e[3])
        ):
            if negated:
                continue
            if type_ in STATUS_SETTING:
                if STATUS_SETTING[type_] != status:
                    since = date
                status = STATUS_SETTING[type_]
            elif type_ in CUSTODY_EVENTS and status == "unknown":
                status, since = "detained", date
    return status, since


def _claimed_status(session: Session, members: list[int] | None = None) -> dict[int, str]:
    """person id -> the status a list imported with ``habeas import`` gives (latest claim),
    used where the events say nothing."""
    if members is None:
        found = session.execute(_claimed_statuses())
    else:
        found = read_rows(session, _claimed_statuses(of_some=True), {"ids": list(members)})
    return {pid: value for pid, value in found if value in STATUSES}


@functools.cache  # built once: a page's reads are many small statements
def _claimed_statuses(*, of_some: bool = False):
    query = select(Claim.subject_id, Claim.value).where(
        Claim.subject_type == "person", Claim.field == "status",
        Claim.status.not_in(HIDDEN_CLAIM_STATUSES)).order_by(Claim.id)
    if of_some:
        query = query.where(Claim.subject_id.in_(bindparam("ids", expanding=True)))
    return query


def _article_ref(article: Any) -> dict[str, Any]:
    """The reference to a report an event's source gives: an ``Article``, or a row of the
    columns ``ARTICLE_REF`` names."""
    return {"article_id": article.id, "title": article.title, "outlet": article.outlet,
            "published": article.published, "url": article.url}


# The columns of a report its references show (not its text: a page of sources would read
# tens of kilobytes per report for a title).
ARTICLE_REF = (Article.id, Article.title, Article.outlet, Article.published, Article.url)


def _event_sources(session: Session, event_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not event_ids:
        return out
    for row in read_rows(session, _sources_of_events(), {"ids": list(event_ids)}):
        out[row.event_id].append({
            **_article_ref(row), "sentence": row.sentence,
            "start_char": row.start_char, "end_char": row.end_char,
        })
    return out


@functools.cache
def _sources_of_events():
    return (select(EventSource.event_id, EventSource.sentence, EventSource.start_char,
                   EventSource.end_char, *ARTICLE_REF)
            .join(Article, Article.id == EventSource.article_id)
            .where(EventSource.event_id.in_(bindparam("ids", expanding=True)))
            .order_by(EventSource.id))


def _event_person_names(session: Session, event_ids: list[int]) -> dict[int, list[str]]:
    return _event_persons(session, event_ids)[0]


def _event_persons(session: Session, event_ids: list[int]
                   ) -> tuple[dict[int, list[str]], dict[int, list[int]]]:
    """event id -> the names of its persons (each once, merges followed), and -> their ids
    (by id), in one query: the links and the persons' names together."""
    names: dict[int, list[str]] = defaultdict(list)
    ids: dict[int, list[int]] = {}
    if not event_ids:
        return names, ids
    rows = read_rows(session, _persons_of_events(), {"ids": list(event_ids)})
    shown: dict[int, str] = {}
    for event_id, person_id, name, merged_into in rows:
        if person_id not in shown:  # the person itself unless merged away
            shown[person_id] = (name if merged_into is None else
                                canonical(session, session.get(Person, person_id)).name)
        if shown[person_id] not in names[event_id]:
            names[event_id].append(shown[person_id])
        ids.setdefault(event_id, []).append(person_id)
    return names, ids


@functools.cache
def _persons_of_events():
    return (select(EventPerson.event_id, EventPerson.person_id, Person.name,
                   Person.merged_into_id)
            .join(Person, Person.id == EventPerson.person_id)
            .where(EventPerson.event_id.in_(bindparam("ids", expanding=True)))
            .order_by(EventPerson.person_id))


# The columns of an event ``event_dict`` reads, and its report's id: a page of events reads
# these as rows, not as objects.
EVENT_FIELDS = (Event.id, Event.type, Event.date, Event.date_precision, Event.place, Event.agent,
                Event.charge, Event.term_months, Event.release_mode, Event.negated, Event.hedged,
                Event.attributed_to, Event.extras, Event.article_id)


def event_dict(event: Any) -> dict[str, Any]:
    """An event's fields: an ``Event``, or a row of the columns ``EVENT_FIELDS`` names."""
    return {
        "event_id": event.id, "type": event.type, "date": event.date,
        "date_precision": event.date_precision, "place": event.place, "agent": event.agent,
        "charge": event.charge, "term_months": event.term_months,
        "release_mode": event.release_mode, "negated": event.negated, "hedged": event.hedged,
        "attributed_to": event.attributed_to, "extras": event.extras,
    }


def _timeline_key(event: Event) -> tuple[bool, str, int]:
    """Dated events by date (a year sorts before its days), undated last."""
    return (event.date is None, event.date or "", event.id)


# ----------------------------------------------------------------------------- persons

def list_persons(*, session: Session, status: str | None = None, query: str | None = None,
                 limit: int | None = None, role: str | None = None) -> list[PersonRow]:
    """Persons (not merged away), by name, with their counts, last event, status and role
    (``PERSON_ROLES``; ``role`` keeps only that one)."""
    roots = _roots(session)
    persons = list(session.scalars(
        select(Person).where(Person.merged_into_id.is_(None)).order_by(Person.key, Person.id)))
    subjects = subject_ids(session)
    if role is not None:
        persons = [p for p in persons if person_role(p.id, subjects) == role]
    if query:
        wanted = {p.id for p in persons_by_substring(session, name_key(query))}
        persons = [p for p in persons if p.id in wanted]

    aliases = _aliases(session, roots)

    events: dict[int, dict[int, tuple[str, str | None, str | None, int, bool]]] = defaultdict(dict)
    for pid, eid, type_, date, negated, published in session.execute(
        select(EventPerson.person_id, Event.id, Event.type, Event.date, Event.negated,
               Article.published)
        .join(Event, Event.id == EventPerson.event_id)
        .join(Article, Article.id == Event.article_id)
    ):
        events[roots.get(pid, pid)][eid] = (type_, date, published, eid, bool(negated))

    articles: dict[int, set[int]] = defaultdict(set)
    for pid, aid in session.execute(
        select(Mention.person_id, Mention.article_id).where(Mention.person_id.is_not(None))
        .union(select(EventPerson.person_id, EventSource.article_id)
               .join(EventSource, EventSource.event_id == EventPerson.event_id))
    ):
        articles[roots.get(pid, pid)].add(aid)

    claimed = {roots.get(pid, pid): value for pid, value in _claimed_status(session).items()}
    rows: list[PersonRow] = []
    for person in persons:
        own = list(events[person.id].values())
        happened = [e for e in own if not e[4]]
        last = max(happened, key=lambda e: _order_key(e[1], e[2], e[3]), default=None)
        row = PersonRow(
            id=person.id, name=person.name, aliases=aliases[person.id], events=len(own),
            articles=len(articles[person.id]), last_event_date=last[1] if last else None,
            last_event_type=last[0] if last else None, status=derive_status(own),
            role=person_role(person.id, subjects),
        )
        if row.status == "unknown" and person.id in claimed:
            row.status = claimed[person.id]
        if status is None or row.status == status:
            rows.append(row)
    return rows[:limit] if limit is not None else rows


def person_dossier(*, session: Session, person: Person,
                   include_rejected: bool = False) -> dict[str, Any]:
    """Everything known about a person, each value with the sources that say it.

    ``attributes``: field -> [{"value", "sources": [{article..., sentence, attributed_to,
    status, ...}]}], conflicting values side by side. ``timeline``: events by date, undated
    last, each with its sources and persons. Superseded claims are left out, rejected ones too
    unless ``include_rejected``.
    """
    person = canonical(session, person)
    members = _members(session, person)
    aliases = _aliases(session, {m: person.id for m in members})[person.id]

    superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
    claims_q = (
        select(Claim, Article).outerjoin(Article, Article.id == Claim.article_id)
        .where(Claim.subject_type == "person", Claim.subject_id.in_(members),
               Claim.id.not_in(superseded))
        .order_by(Claim.id)
    )
    if not include_rejected:
        claims_q = claims_q.where(Claim.status.not_in(HIDDEN_CLAIM_STATUSES))
    attributes: dict[str, list[dict[str, Any]]] = {}
    for claim, article in session.execute(claims_q):
        values = attributes.setdefault(claim.field, [])
        entry = next((v for v in values if v["value"] == claim.value), None)
        if entry is None:
            entry = {"value": claim.value, "sources": []}
            values.append(entry)
        entry["sources"].append({
            **(_article_ref(article) if article else {"article_id": None}),
            "claim_id": claim.id, "sentence": claim.sentence, "start_char": claim.start_char,
            "end_char": claim.end_char, "attributed_to": claim.attributed_to,
            "status": claim.status, "extractor_version": claim.extractor_version,
        })
    order = {f: i for i, f in enumerate(PERSON_FIELDS)}
    attributes = dict(sorted(attributes.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])))

    events = sorted(session.scalars(
        select(Event).join(EventPerson, EventPerson.event_id == Event.id)
        .where(EventPerson.person_id.in_(members)).distinct()
    ), key=_timeline_key)
    ids = [e.id for e in events]
    sources = _event_sources(session, ids)
    names = _event_person_names(session, ids)
    published = {e.id: (sources[e.id][0]["published"] if sources[e.id] else None) for e in events}
    timeline = [{**event_dict(e), "persons": names[e.id], "sources": sources[e.id]}
                for e in events]
    article_ids = {s["article_id"] for e in ids for s in sources[e]}
    article_ids |= set(session.scalars(select(Mention.article_id)
                                       .where(Mention.person_id.in_(members))))
    article_ids |= {s["article_id"] for v in attributes.values() for e in v
                    for s in e["sources"] if s.get("article_id")}
    case = [(e.type, e.date, published[e.id], e.id, e.negated) for e in events]
    status, since = derive_status_since(case)
    if status == "unknown":
        claimed = _claimed_status(session, members)
        status = next(reversed(claimed.values()), status) if claimed else status
    return {
        "id": person.id, "name": person.name, "aliases": aliases,
        "status": status, "since": since, "days_in_custody": days_in_custody(case),
        "merged": [m for m in members if m != person.id],
        "articles": len(article_ids), "attributes": attributes, "timeline": timeline,
        "conflicts": person_conflicts(session, members) + event_conflicts(session, events),
    }


# ----------------------------------------------------------------------------- events

def list_events(*, session: Session, type: str | None = None,  # noqa: A002 (CLI word)
                since: str | dt.date | None = None, person: Person | str | None = None,
                limit: int | None = None) -> list[EventRow]:
    """Events by date (undated last), optionally of one ``type``, on or after ``since`` (an
    ISO date; a year-only event date counts if its year is not before), about ``person`` (a
    Person or a name looked up with ``find_persons``)."""
    query = select(Event, Article).join(Article, Article.id == Event.article_id)
    if type is not None:
        query = query.where(Event.type == type)
    if person is not None:
        found = find_persons(session=session, name=person) if isinstance(person, str) else [person]
        members = sorted({m for p in found for m in _members(session, p)})
        if not members:
            return []
        query = query.where(Event.id.in_(
            select(EventPerson.event_id).where(EventPerson.person_id.in_(members))))
    since_text = since.isoformat() if isinstance(since, dt.date) else since
    if since_text:
        query = query.where(Event.date.is_not(None), Event.date >= since_text[:4])
    pairs = [(e, a) for e, a in session.execute(query)
             if not since_text or e.date >= since_text[:len(e.date)]]
    pairs.sort(key=lambda pair: _timeline_key(pair[0]))
    if limit is not None:
        pairs = pairs[:limit]
    ids = [e.id for e, _ in pairs]
    names = _event_person_names(session, ids)
    sources = _event_sources(session, ids)
    return [
        EventRow(
            id=e.id, type=e.type, date=e.date, date_precision=e.date_precision, place=e.place,
            agent=e.agent, charge=e.charge, term_months=e.term_months,
            release_mode=e.release_mode, negated=e.negated, hedged=e.hedged,
            attributed_to=e.attributed_to, persons=names[e.id], article_id=a.id,
            title=a.title, outlet=a.outlet, published=a.published, sources=len(sources[e.id]),
        )
        for e, a in pairs
    ]


# ----------------------------------------------------------------------------- exports

EXPORT_COLUMNS = (
    "event_id", "person_id", "person", "type", "date", "date_precision", "place", "agent",
    "charge", "term_months", "release_mode", "negated", "hedged", "attributed_to",
    "article_title", "article_outlet", "article_url", "article_published", "evidence",
)


def export_rows(*, session: Session) -> list[dict[str, Any]]:
    """One flat row per event and person (``EXPORT_COLUMNS``), by date then event; an event
    with no person gives one row with an empty person. Evidence is the event's first sentence
    from its first article."""
    roots = _roots(session)
    names = dict(session.execute(select(Person.id, Person.name)).all())
    events = sorted(session.scalars(select(Event)), key=_timeline_key)
    ids = [e.id for e in events]
    sources = _event_sources(session, ids)
    persons: dict[int, list[int]] = defaultdict(list)
    for event_id, person_id in session.execute(
        select(EventPerson.event_id, EventPerson.person_id).order_by(EventPerson.person_id)
    ):
        root = roots.get(person_id, person_id)
        if root not in persons[event_id]:
            persons[event_id].append(root)
    articles = {a.id: a for a in session.scalars(
        select(Article).where(Article.id.in_({e.article_id for e in events})))}
    rows: list[dict[str, Any]] = []
    for event in events:
        article = articles[event.article_id]
        first = next((s for s in sources[event.id] if s["article_id"] == article.id), None)
        base = event_dict(event)
        base.pop("extras")
        for person_id in persons[event.id] or [None]:
            rows.append({
                **base, "person_id": person_id,
                "person": names[person_id] if person_id is not None else None,
                "article_title": article.title, "article_outlet": article.outlet,
                "article_url": article.url, "article_published": article.published,
                "evidence": first["sentence"] if first else None,
            })
    return [{column: row[column] for column in EXPORT_COLUMNS} for row in rows]


def export_persons(*, session: Session) -> list[dict[str, Any]]:
    """Every person (not merged away) as a dossier: aliases, attributes with sources, events
    with sources; one JSON Lines record each, by id."""
    persons = session.scalars(
        select(Person).where(Person.merged_into_id.is_(None)).order_by(Person.id))
    return [person_dossier(session=session, person=p) for p in persons]
