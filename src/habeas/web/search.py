"""Search over reports, persons and events, accent-insensitive ("Erdogan" finds "Erdoğan").

No FastAPI here: plain functions over a session, used by the pages and the API alike.

Reports and events are found through the search index (``store.search_index``), which is
written where the record is written (ingest, extraction, an edit, ``habeas index``) and only
read here: a search never writes. Objects deleted since they were indexed are dropped by the
joins. Persons are matched on their name keys (``store.persons.name_key``: ASCII-folded, so
"Chiygöz" finds "Chiygoz").
"""

from __future__ import annotations

import functools
import json
import logging
import re
import threading
import weakref
from collections import OrderedDict
from dataclasses import astuple, dataclass, field
from typing import Any

from sqlalchemy import bindparam, case, func, not_, select, text
from sqlalchemy.orm import Session
from unidecode import unidecode

from ..store import changes
from ..store.db import rows as read_rows
from ..store.models import Article, Event, EventPerson, Person, PersonAlias
from ..store.persons import member_roots, name_key
from ..store.queries import _claimed_status, derive_status, is_subject
from ..store.search_index import (CYRILLIC_WORD, among_owners, fold, match, match_condition,
                                  name_owner_ids,
                                  reindex_event, reindex_reviewed, stem_term, sync_index, terms)

__all__ = ["KINDS", "SearchFilters", "SearchResult", "fold", "keep_answers", "reindex_event",
           "reindex_reviewed", "search", "search_persons", "sync_index"]

log = logging.getLogger(__name__)

KINDS = ("reports", "persons", "events")
# Matching reports or events counted at most (or as far as the page asked for): a total beyond
# it is shown as "5000+" (``SearchResult.more``). Beyond it matches are dense enough (1 event
# in 40) for a walk by date to find a page soon; below it they are read and sorted.
COUNT_CAP = 5000
# Persons looked at per search before the status filter (a status is derived per person).
PERSON_CANDIDATES = 500
# Persons matching a name past which a page is found by walking the persons in name order
# (``walk_subjects``), not by sorting every match: then 1 person in 80 or more matches, and a
# page of 25 is met within a few thousand keys.
PERSON_WALK_MIN = 500
# Seconds a search waits for the same question's answer another thread is finding, before
# it searches itself.
ANSWER_WAIT_S = 5.0
# Words of context either side of a match in a report snippet.
SNIPPET_WORDS = 16
# Characters of a report scanned for the snippet's match.
SNIPPET_SCAN = 20_000


class _FoldOne(dict):
    """``str.translate`` table folding each character to one lowercase character ("ğ" -> "g"),
    so a snippet's offsets stay those of the text; filled as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = folded = (unidecode(char)[:1] or char).lower()[:1]
        return folded


_FOLD_ONE = _FoldOne()


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
    # kinds with more matches than their total (counted up to ``most_counted``)
    more: list[str] = field(default_factory=list)


class Answers:
    """The last ``size`` search answers of one store, by the store's change mark and the
    question (least recently asked out first); shared by a process's threads. A question
    being answered is answered once: the threads asking it meanwhile wait for that answer
    (20 clients asking the same common word at once would search 20 times)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[tuple, SearchResult] = OrderedDict()
        self._asked: dict[tuple, threading.Event] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple) -> SearchResult | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def claim(self, key: tuple) -> tuple[SearchResult | None, threading.Event | None]:
        """The answer if kept; else None and the event this thread sets once it has answered
        (it answers), or None and None after another thread's answer did not come (it
        answers too, without keeping others waiting)."""
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found, None
            other = self._asked.get(key)
            if other is None:
                self._asked[key] = mine = threading.Event()
                return None, mine
        other.wait(ANSWER_WAIT_S)
        return self.get(key), None

    def put(self, key: tuple, result: SearchResult | None, asked: threading.Event | None
            ) -> None:
        """Keep ``result`` (None: nothing to keep) and let the threads waiting for it go."""
        with self._lock:
            if result is not None:
                self._kept[key] = result
                self._kept.move_to_end(key)
                while len(self._kept) > self.size:
                    self._kept.popitem(last=False)
            if asked is not None and self._asked.get(key) is asked:
                del self._asked[key]
        if asked is not None:
            asked.set()


# The answers kept per store (its engine's pool), for the stores ``keep_answers`` named.
_answers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def keep_answers(engine, size: int) -> None:
    """Keep the last ``size`` answers of ``search`` on ``engine``'s store in this process (0:
    none), each under the store's change mark (``store.changes``): a write to the store by any
    process changes the mark, and every answer kept before it is asked again. The web app
    keeps ``Settings.search_cache`` of them."""
    if size > 0:
        _answers[engine.pool] = Answers(size)
    else:
        _answers.pop(engine.pool, None)


def search(*, session: Session, query: str, kinds: tuple[str, ...] = KINDS,
           filters: SearchFilters | None = None, limit: int = 20,
           offset: int = 0) -> SearchResult:
    """Reports (newest first), persons (by name) and events (newest first) matching ``query``.
    The totals of reports and events are counted up to ``most_counted``: a kind in
    ``result.more`` has more matches than its total says. On a store whose answers are kept
    (``keep_answers``) the same question asked again before any write is answered from
    memory: the result is shared, not to be changed by the caller. The answers do not depend
    on who asks (any reader sees every report, person and event)."""
    filters = filters or SearchFilters()
    answers = _answers.get(changes.pool_of(session)) if _answers else None
    if answers is None or not changes.marked(session):
        return _search(session=session, query=query, kinds=kinds, filters=filters,
                       limit=limit, offset=offset)
    mark = changes.mark(session)  # read first: what the search reads is at least this new
    key = (mark, query, tuple(kinds), astuple(filters), limit, offset)
    found, asked = answers.claim(key)
    if found is not None:
        return found
    kept = None
    try:
        result = _search(session=session, query=query, kinds=kinds, filters=filters,
                         limit=limit, offset=offset)
        # PostgreSQL reads each statement at its own moment: a write committed meanwhile may
        # be in the answer or not, so it is kept only if the mark did not move (SQLite's read
        # transaction sees one moment throughout)
        if session.get_bind().dialect.name == "sqlite" or changes.mark(session) == mark:
            kept = result
    finally:
        answers.put(key, kept, asked)
    return result


def _search(*, session: Session, query: str, kinds: tuple[str, ...], filters: SearchFilters,
            limit: int, offset: int) -> SearchResult:
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
    most = most_counted(limit, offset)
    result.more = [kind for kind in ("reports", "events") if result.totals.get(kind, 0) > most]
    for kind in result.more:
        result.totals[kind] = most
    return result


def most_counted(limit: int, offset: int) -> int:
    """How far a total is counted: ``COUNT_CAP``, or further to show the page asked for."""
    return max(COUNT_CAP, offset + limit)


def count_upto(session: Session, rows_sql: str, params: dict[str, Any], *, limit: int,
               offset: int) -> int:
    """How many rows ``rows_sql`` gives, counted up to one past ``most_counted``."""
    return read_rows(session, text(f"SELECT count(*) FROM ({rows_sql} LIMIT :most) AS counted"),
                     {**params, "most": most_counted(limit, offset) + 1})[0][0] or 0


def matched_ids(session: Session, sub: str, params: dict[str, Any], *, limit: int,
                offset: int) -> list[int] | None:
    """Every row id ``sub`` matches, or None when there are more than ``most_counted``: one
    read of the index, which gives the total and the ids to sort (counting every one of
    10,000 matches costs PostgreSQL a visit to each row, tens of milliseconds, for a figure
    nobody pages through)."""
    most = most_counted(limit, offset)
    if session.get_bind().dialect.name == "sqlite":
        if count_upto(session, sub, params, limit=limit, offset=offset) > most:
            return None  # FTS5 counts from its doclists: cheaper than carrying 5,000 ids here
        ids = [r[0] for r in read_rows(session, text(f"SELECT rowid FROM ({sub}) AS found "
                                                     "LIMIT :most"), {**params, "most": most + 1})]
    else:  # one array, not a row per id: 5,001 rows cost the server 2 to 4 ms of Python
        ids = read_rows(session, text(f"SELECT array_agg(rowid) FROM (SELECT rowid FROM "
                                      f"({sub}) AS found LIMIT :most) AS few"),
                        {**params, "most": most + 1})[0][0] or []
    return None if len(ids) > most else ids


def among(session: Session, ids: list[int]) -> tuple[str, dict[str, Any]]:
    """SQL for "``id`` is one of ``ids``" with one parameter, however many ids."""
    if session.get_bind().dialect.name == "sqlite":
        return "id IN (SELECT value FROM json_each(:ids))", {"ids": json.dumps(ids)}
    # a set to join, not "= ANY(array)": PostgreSQL then walked every event by date
    return "id IN (SELECT unnest(CAST(:ids AS INTEGER[])))", {"ids": ids}


def page_sql(session: Session, sql: str, params: dict[str, Any], *, limit: int,
             offset: int) -> list[int]:
    return [r[0] for r in read_rows(session, text(f"{sql} LIMIT :limit OFFSET :offset"),
                                    {**params, "limit": limit, "offset": offset})]


def counted_page(session: Session, rest: str, order: str, params: dict[str, Any], *,
                 limit: int, offset: int) -> tuple[list[int], int]:
    """A page of ``SELECT id rest order`` and how many rows ``rest`` has in all, in one query
    (a window count); a count of its own only for a page past the end."""
    rows = read_rows(session, text(f"SELECT id, count(*) OVER () {rest} {order} "
                                   "LIMIT :limit OFFSET :offset"),
                     {**params, "limit": limit, "offset": offset})
    if rows or not offset:
        return [r[0] for r in rows], rows[0][1] if rows else 0
    return [], session.execute(text(f"SELECT count(*) {rest}"), params).scalar() or 0


def search_reports(*, session: Session, query: str, filters: SearchFilters, limit: int,
                   offset: int) -> tuple[list[dict[str, Any]], int]:
    """Reports matching ``query``, newest (by id) first, and their total, counted up to one
    past ``most_counted``. The matches are read once: few, they are the total and are sorted
    here; many, the newest reports are walked until a page is found (PostgreSQL's planner
    guesses a word's matches poorly, so their number decides, not the planner)."""
    found = match(session, "search_articles", query)
    if found is None:
        return [], 0
    sub, params = found
    dates = ""
    if filters.since:
        dates += " AND published >= :since"
        params["since"] = filters.since
    if filters.until:
        dates += " AND published <= :until"
        params["until"] = filters.until
    ids = matched_ids(session, sub, params, limit=limit, offset=offset)
    if ids is not None and not dates:
        total, ids = len(ids), sorted(ids, reverse=True)[offset:offset + limit]
    elif ids is not None:
        condition, listed = among(session, ids)
        ids, total = counted_page(session, f"FROM articles WHERE {condition}{dates}",
                                  "ORDER BY id DESC", {**params, **listed}, limit=limit,
                                  offset=offset)
    elif dates:
        rest = f"FROM articles WHERE id IN ({sub}){dates}"
        total = count_upto(session, f"SELECT 1 {rest}", params, limit=limit, offset=offset)
        ids = page_sql(session, f"SELECT id {rest} ORDER BY id DESC", params, limit=limit,
                       offset=offset)
    else:  # newest first straight from the index (FTS5 reads it backwards by rowid)
        total = most_counted(limit, offset) + 1
        ids = page_sql(session, f"{sub} ORDER BY rowid DESC", params, limit=limit,
                       offset=offset)
    # the columns shown, and of the text only the part a snippet is looked for in
    articles = {a.id: a for a in read_rows(session, _reports_shown(), {"ids": list(ids)})}
    rows = []
    for aid in ids:
        article = articles.get(aid)
        if article is None:  # deleted since it was indexed
            continue
        rows.append({"id": aid, "title": article.title, "outlet": article.outlet,
                     "published": article.published, "status": article.status,
                     "snippet": snippet(article.text, query)})
    return rows, total


@functools.cache  # built once: a page's reads are many small statements
def _reports_shown():
    return select(Article.id, Article.title, Article.outlet, Article.published, Article.status,
                  func.substr(Article.text, 1, SNIPPET_SCAN).label("text")).where(
        Article.id.in_(bindparam("ids", expanding=True)))


def snippet(text_: str, query: str) -> list[tuple[str, bool]]:
    """A short piece of ``text_`` around the first match, as (piece, is_match) pairs; the
    match is found accent-insensitively (folding character by character keeps the offsets), a
    Russian word by its stem ("Чийгоза" marks "Чийгозу")."""
    text_ = text_[:SNIPPET_SCAN]
    folded = _fold_chars(text_)
    hits = []
    for word in terms(query):
        stem = stem_term(word)
        w = _fold_chars(stem)
        rest = r"\w*" if CYRILLIC_WORD.fullmatch(word) else ""  # a stem marks its whole word
        for m in re.finditer(r"\b" + re.escape(w) + rest, folded):
            hits.append((m.start(), m.end()))
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


def _fold_chars(value: str) -> str:
    """Each character folded to one (offsets kept): "Erdoğan" -> "erdogan", "Чийгоз" -> "ciigoz"."""
    return value.translate(_FOLD_ONE)


def search_persons(*, session: Session, query: str, status: str | None, limit: int,
                   offset: int, role: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Persons whose name or alias key contains the query's key, with their status and role:
    the persons events happened to first, then those who only speak or act (``role`` keeps
    one kind: ``queries.PERSON_ROLES``)."""
    key = name_key(query or "")
    persons_q = select(Person.id, Person.name).where(Person.merged_into_id.is_(None))
    if key:  # a trigram index answers, once
        owners = name_owner_ids(session, key)
        if status is None and role is None and len(owners) > PERSON_WALK_MIN:
            walked = walk_subjects(session, owners, limit=limit, offset=offset)
            if walked is not None:
                return person_rows(session, walked[0]), walked[1]
        persons_q = persons_q.where(among_owners(session, owners, Person.id))
    subject = is_subject(few=bool(key))
    if role == "subject":
        persons_q = persons_q.where(subject)
    elif role == "speaker":
        persons_q = persons_q.where(not_(subject))
    order = (case((subject, 0), else_=1), Person.key, Person.id)
    if status is None:  # the page and the count in one query, as page_ids does
        rows = read_rows(session, persons_q.add_columns(func.count().over()).order_by(*order)
                         .limit(limit).offset(offset))
        total = rows[0][-1] if rows else 0
        if not rows and offset:
            total = session.scalar(select(func.count()).select_from(persons_q.subquery())) or 0
        return person_rows(session, rows), total
    candidates = session.execute(persons_q.order_by(*order).limit(PERSON_CANDIDATES)).all()
    rows = [r for r in person_rows(session, candidates) if r["status"] == status]
    return rows[offset:offset + limit], len(rows)


def walk_subjects(session: Session, owners: list[int], *, limit: int, offset: int
                  ) -> tuple[list[Any], int] | None:
    """A page of the persons among ``owners`` that are subjects, in name order, found by
    walking the persons by their key (a common root: sorting its thousands of matches and
    checking each for events cost more than the walk), and the total of ``owners`` not merged
    away (their number less the merged ones among them, which the ``merged_into_id`` index
    finds). None when subjects do not fill the page: today's sort answers it."""
    merged = Person.merged_into_id
    if session.get_bind().dialect.name == "sqlite":  # "+": no index but the key's
        not_merged = text("+persons.merged_into_id IS NULL")
    else:
        not_merged = merged.is_(None)
    page = read_rows(session, select(Person.id, Person.name)
                     .where(not_merged, among_owners(session, owners, Person.id, probe=True),
                            is_subject(few=True))
                     .order_by(Person.key, Person.id).limit(limit).offset(offset))
    if len(page) < limit:
        return None
    gone = read_rows(session, select(func.count()).select_from(Person).where(
        merged.is_not(None), among_owners(session, owners, Person.id, probe=True)))[0][0]
    return page, len(owners) - gone


def person_rows(session: Session, persons) -> list[dict[str, Any]]:
    """Name, aliases, events, status, role and latest event for a few persons (a page; each
    a ``Person`` or a row with its ``id`` and ``name``): a person with events (its own or its
    merged members') is a subject, as ``subject_ids`` says, read from the page's own events."""
    if not persons:
        return []
    ids = [p.id for p in persons]
    members = member_roots(session, ids)
    aliases: dict[int, list[str]] = {pid: [] for pid in ids}
    for pid, alias in read_rows(session, _aliases_of(), {"ids": list(members)}):
        root = members[pid]
        if alias not in aliases[root]:
            aliases[root].append(alias)
    events: dict[int, dict[int, tuple]] = {pid: {} for pid in ids}
    for pid, eid, type_, date, negated, published in read_rows(
            session, _events_of(), {"ids": list(members)}):
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
                     "role": "subject" if own else "speaker",
                     "last_event_type": last[0] if last else None,
                     "last_event_date": last[1] if last else None})
    return rows


@functools.cache  # built once: a page's reads are many small statements
def _aliases_of():
    return (select(PersonAlias.person_id, PersonAlias.alias)
            .where(PersonAlias.person_id.in_(bindparam("ids", expanding=True)))
            .order_by(PersonAlias.id))


@functools.cache
def _events_of():
    return (select(EventPerson.person_id, Event.id, Event.type, Event.date, Event.negated,
                   Article.published)
            .join(Event, Event.id == EventPerson.event_id)
            .join(Article, Article.id == Event.article_id)
            .where(EventPerson.person_id.in_(bindparam("ids", expanding=True))))


def search_events(*, session: Session, query: str, filters: SearchFilters, limit: int,
                  offset: int) -> tuple[list[dict[str, Any]], int]:
    """Events matching ``query`` and the filters, newest first, and their total, counted up
    to one past ``most_counted``. As for reports the matches are read once: few, they are
    sorted by date; many, the events are walked by date (the ``events.date`` index) until a
    page of matches is found."""
    from .stats import event_rows

    found = match(session, "search_events", query) if query else None
    if query and found is None:
        return [], 0
    conditions, params = event_conditions(filters)
    order = "ORDER BY date DESC, id DESC"
    ids = None if found is None else matched_ids(session, found[0], found[1], limit=limit,
                                                 offset=offset)
    if ids is not None:  # the matches, then their dates
        condition, listed = among(session, ids)
        where = " AND ".join([condition, *conditions])
        page, total = counted_page(session, f"FROM events WHERE {where}", order,
                                   {**params, **listed}, limit=limit, offset=offset)
        return event_rows(session, page), total
    if found is not None:
        condition, more_params = walk_condition(session, query)
        conditions.insert(0, condition)
        params.update(more_params)
    walk = " AND ".join(conditions) or "1=1"
    total = (count_upto(session, f"SELECT 1 FROM events WHERE {walk}", params, limit=limit,
                        offset=offset)
             if len(conditions) > (found is not None) or found is None
             else most_counted(limit, offset) + 1)
    page = page_sql(session, f"SELECT id FROM events WHERE {walk} {order}", params,
                    limit=limit, offset=offset) if total > offset else []
    return event_rows(session, page), total


def event_conditions(filters: SearchFilters) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on ``events`` for the filters, and their parameters."""
    conditions, params = [], {}
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
    return conditions, params


def walk_condition(session: Session, query: str) -> tuple[str, dict[str, Any]]:
    """The condition that an event matches ``query``, for a walk of the events by date: SQLite
    probes the matches' list ("+id": not by the key, so the date index leads), PostgreSQL the
    index by the event's key (no list of every match)."""
    condition, params = match_condition(session, "search_events", query)
    if session.get_bind().dialect.name == "sqlite":
        return f"+id IN (SELECT rowid FROM search_events WHERE {condition})", params
    return (f"EXISTS (SELECT 1 FROM search_events WHERE search_events.rowid = events.id "
            f"AND {condition})", params)
