"""Search over reports, persons and events, accent-insensitive ("Erdogan" finds "Erdoğan").

No FastAPI here: plain functions over a session, used by the pages and the API alike.

Reports and events are found through the search index (``store.search_index``), which is
written where the record is written (ingest, extraction, an edit, ``habeas index``) and only
read here: a search never writes. Objects deleted since they were indexed are dropped by the
joins. Persons are matched on their name keys (``store.persons.name_key``: ASCII-folded, so
"Chiygöz" finds "Chiygoz").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, false, func, not_, or_, select, text
from sqlalchemy.orm import Session
from unidecode import unidecode

from ..store.models import Article, Event, EventPerson, Person, PersonAlias
from ..store.persons import member_roots, name_key
from ..store.queries import _claimed_status, derive_status, person_role, subject_ids
from ..store.search_index import fold, match, reindex_event, sync_index, terms

__all__ = ["KINDS", "SearchFilters", "SearchResult", "fold", "reindex_event", "search",
           "search_persons", "sync_index"]

log = logging.getLogger(__name__)

KINDS = ("reports", "persons", "events")
# Persons looked at per search before the status filter (a status is derived per person).
PERSON_CANDIDATES = 500
# Words of context either side of a match in a report snippet.
SNIPPET_WORDS = 16
# Characters of a report scanned for the snippet's match.
SNIPPET_SCAN = 20_000


# ----------------------------------------------------------------------------- search

@dataclass
class SearchFilters:
    type: str | None = None        # event type
    since: str | None = None       # ISO date, on or after (events: event date; reports: published)
    until: str | None = None       # ISO date, on or before
    place: str | None = None       # part of an event's place
    status: str | None = None      # a person's derived status


@dataclass
class SearchResult:
    query: str
    reports: list[dict[str, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)


def search(*, session: Session, query: str, kinds: tuple[str, ...] = KINDS,
           filters: SearchFilters | None = None, limit: int = 20,
           offset: int = 0) -> SearchResult:
    """Reports (newest first), persons (by name) and events (newest first) matching ``query``."""
    filters = filters or SearchFilters()
    result = SearchResult(query=query)
    if "reports" in kinds:
        result.reports, result.totals["reports"] = search_reports(
            session=session, query=query, filters=filters, limit=limit, offset=offset)
    if "persons" in kinds:
        result.persons, result.totals["persons"] = search_persons(
            session=session, query=query, status=filters.status, limit=limit, offset=offset)
    if "events" in kinds:
        result.events, result.totals["events"] = search_events(
            session=session, query=query, filters=filters, limit=limit, offset=offset)
    return result


def search_reports(*, session: Session, query: str, filters: SearchFilters, limit: int,
                   offset: int) -> tuple[list[dict[str, Any]], int]:
    found = match(session, "search_articles", query)
    if found is None:
        return [], 0
    sub, params = found
    if filters.since or filters.until:
        sql = f"SELECT id FROM articles WHERE id IN ({sub})"
        if filters.since:
            sql += " AND published >= :since"
            params["since"] = filters.since
        if filters.until:
            sql += " AND published <= :until"
            params["until"] = filters.until
        order = " ORDER BY id DESC"
    else:  # newest first, straight from the index
        sql, order = sub, " ORDER BY rowid DESC"
    total = session.execute(text(f"SELECT count(*) FROM ({sql}) AS m"), params).scalar() or 0
    ids = [r[0] for r in session.execute(
        text(sql + order + " LIMIT :limit OFFSET :offset"),
        {**params, "limit": limit, "offset": offset})]
    articles = {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(ids)))}
    rows = []
    for aid in ids:
        article = articles.get(aid)
        if article is None:  # deleted since it was indexed
            continue
        rows.append({"id": aid, "title": article.title, "outlet": article.outlet,
                     "published": article.published, "status": article.status,
                     "snippet": snippet(article.text, query)})
    return rows, total


def snippet(text_: str, query: str) -> list[tuple[str, bool]]:
    """A short piece of ``text_`` around the first match, as (piece, is_match) pairs; the
    match is found accent-insensitively (folding character by character keeps the offsets)."""
    text_ = text_[:SNIPPET_SCAN]
    folded = "".join((unidecode(c)[:1] or c).lower() for c in text_)
    hits = []
    for word in terms(query):
        w = fold(word)
        for m in re.finditer(r"\b" + re.escape(w), folded):
            hits.append((m.start(), m.start() + len(w)))
    if not hits:
        return [(" ".join(text_.split()[:SNIPPET_WORDS * 2]) + " …", False)]
    hits.sort()
    first = hits[0][0]
    start = max(0, text_.rfind(" ", 0, max(0, first - SNIPPET_WORDS * 6)) + 1)
    end = text_.find(" ", min(len(text_), first + SNIPPET_WORDS * 8))
    end = len(text_) if end < 0 else end
    pieces: list[tuple[str, bool]] = [("… " if start else "", False)]
    pos = start
    for a, b in hits:
        if a < pos or b > end:
            continue
        pieces += [(text_[pos:a], False), (text_[a:b], True)]
        pos = b
    pieces.append((text_[pos:end] + (" …" if end < len(text_) else ""), False))
    return [p for p in pieces if p[0]]


def search_persons(*, session: Session, query: str, status: str | None, limit: int,
                   offset: int, role: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Persons whose name or alias key contains the query's key, with their status and role:
    the persons events happened to first, then those who only speak or act (``role`` keeps
    one kind: ``queries.PERSON_ROLES``)."""
    key = name_key(query or "")
    persons_q = select(Person).where(Person.merged_into_id.is_(None))
    if key:
        like = f"%{key}%"
        persons_q = persons_q.where(or_(
            Person.key.like(like),
            Person.id.in_(select(PersonAlias.person_id).where(PersonAlias.key.like(like)))))
    subjects = subject_ids(session)
    is_subject = Person.id.in_(subjects) if subjects else false()
    if role == "subject":
        persons_q = persons_q.where(is_subject)
    elif role == "speaker":
        persons_q = persons_q.where(not_(is_subject))
    order = (case((is_subject, 0), else_=1), Person.key, Person.id)
    if status is None:
        total = session.scalar(select(func.count()).select_from(persons_q.subquery())) or 0
        page = list(session.scalars(persons_q.order_by(*order).limit(limit).offset(offset)))
        return person_rows(session, page, subjects=subjects), total
    candidates = list(session.scalars(persons_q.order_by(*order).limit(PERSON_CANDIDATES)))
    rows = [r for r in person_rows(session, candidates, subjects=subjects)
            if r["status"] == status]
    return rows[offset:offset + limit], len(rows)


def person_rows(session: Session, persons: list[Person],
                subjects: set[int] | None = None) -> list[dict[str, Any]]:
    """Name, aliases, events, status, role and latest event for a few persons (a page)."""
    if not persons:
        return []
    if subjects is None:
        subjects = subject_ids(session)
    ids = [p.id for p in persons]
    members = member_roots(session, ids)
    aliases: dict[int, list[str]] = {pid: [] for pid in ids}
    for pid, alias in session.execute(select(PersonAlias.person_id, PersonAlias.alias)
                                      .where(PersonAlias.person_id.in_(members))
                                      .order_by(PersonAlias.id)):
        root = members[pid]
        if alias not in aliases[root]:
            aliases[root].append(alias)
    events: dict[int, dict[int, tuple]] = {pid: {} for pid in ids}
    for pid, eid, type_, date, negated, published in session.execute(
        select(EventPerson.person_id, Event.id, Event.type, Event.date, Event.negated,
               Article.published)
        .join(Event, Event.id == EventPerson.event_id)
        .join(Article, Article.id == Event.article_id)
        .where(EventPerson.person_id.in_(members))
    ):
        events[members[pid]][eid] = (type_, date, published, eid, bool(negated))
    claimed = {members[pid]: value
               for pid, value in _claimed_status(session, list(members)).items()}
    rows = []
    for person in persons:
        own = list(events[person.id].values())
        happened = [e for e in own if not e[4]]
        last = max(happened, key=lambda e: (e[1] or e[2] or "", e[3]), default=None)
        status = derive_status(own)
        if status == "unknown":  # the status an imported list gives, as `habeas persons` shows
            status = claimed.get(person.id, status)
        rows.append({"id": person.id, "name": person.name,
                     "aliases": [a for a in aliases[person.id] if a != person.name],
                     "events": len(own), "status": status,
                     "role": person_role(person.id, subjects),
                     "last_event_type": last[0] if last else None,
                     "last_event_date": last[1] if last else None})
    return rows


def search_events(*, session: Session, query: str, filters: SearchFilters, limit: int,
                  offset: int) -> tuple[list[dict[str, Any]], int]:
    from .stats import event_rows

    found = match(session, "search_events", query) if query else None
    if query and found is None:
        return [], 0
    conditions, params = [], {}
    if found is not None:
        conditions.append(f"id IN ({found[0]})")
        params.update(found[1])
    if filters.type:
        conditions.append("type = :type")
        params["type"] = filters.type
    if filters.since:
        conditions.append("date >= :since")
        params["since"] = filters.since
    if filters.until:
        conditions.append("date <= :until")
        params["until"] = filters.until
    if filters.place:
        conditions.append("lower(place) LIKE :place")
        params["place"] = f"%{filters.place.lower()}%"
    where = " AND ".join(conditions) or "1=1"
    total = session.execute(text(f"SELECT count(*) FROM events WHERE {where}"),
                            params).scalar() or 0
    ids = [r[0] for r in session.execute(
        text(f"SELECT id FROM events WHERE {where} ORDER BY date DESC, id DESC "
             "LIMIT :limit OFFSET :offset"), {**params, "limit": limit, "offset": offset})]
    return event_rows(session, ids), total
