"""Tracked persons and alerts.

An alert is made for each new event about a tracked person, and for each new custody event
(arrest, abduction, transfer, sentence, death in custody) about anyone, unless the text says it
did not happen. "New" means stored after monitoring began: the first ``habeas track`` or
``habeas watch`` notes the highest event id then, and each ``collect`` looks only above the last
one it read, so a store of old reports does not flood the page. Events read from a list
(``habeas import``) are the monitor's own record, not news, and raise none.

Core code: every function takes keyword arguments after ``*`` and never commits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..errors import UsageError
from ..store.accounts import AppSetting, User, _digest, audit, issue_token
from ..store.crud import LIST_IMPORTER
from ..store.models import Article, Event, EventPerson, EventSource, Person
from ..store.monitor import Alert, AlertMark, FeedToken, TrackedPerson
from ..store.persons import canonical, find_persons, name_key, persons_by_keys

# Events that change whether or where someone is held (FORMAT.md's vocabulary).
CUSTODY_TYPES = ("arrest", "abduction", "transfer", "sentence", "death_in_custody")
# The app setting holding the highest event id already looked at.
WATERMARK = "alerts.after_event"
# Events read per round of ``collect``: bounds the IN lists after a large extraction.
CHUNK = 500
FEED_TOKEN_PREFIX = "hbf_"
# A list's column saying whether to follow a person, and the values that say yes.
TRACKED_HEADINGS = ("tracked", "track", "follow", "followed", "watch", "watched")
TRACKED_YES = {"yes", "y", "true", "1", "x", "+", "да"}


# ----------------------------------------------------------------------------- tracking

@dataclass
class Tracked:
    id: int
    name: str
    person: str | None  # the stored person the name is, if any yet
    person_id: int | None


def start(*, session: Session) -> int:
    """Begin monitoring if it has not begun: events stored until now raise no alert. Returns
    the highest event id already looked at."""
    row = session.get(AppSetting, WATERMARK)
    if row is None:
        row = AppSetting(key=WATERMARK, value=str(session.scalar(select(func.max(Event.id))) or 0))
        session.add(row)
        session.flush()
    return int(row.value)


def track(*, session: Session, name: str, by: str = "cli",
          person: Person | None = None) -> tuple[Tracked, bool]:
    """Follow ``name`` (the stored ``person`` when given: a dossier's button); ``(tracked,
    False)`` when it was followed already. A name that matches several stored persons must be
    written in full."""
    key = name_key(name)
    if not key:
        raise UsageError("give a name to track")
    start(session=session)
    existing = session.scalar(select(TrackedPerson).where(TrackedPerson.key == key))
    if existing is not None:
        return _tracked(session, existing), False
    if person is None:
        found = {canonical(session, p).id: canonical(session, p) for p in
                 find_persons(session=session, name=name)}
        if len(found) > 1:
            names = "; ".join(sorted(p.name for p in found.values()))
            raise UsageError(f"{len(found)} persons match {name!r} ({names}); give the full "
                             "name")
        person = next(iter(found.values()), None)
    row = TrackedPerson(name=" ".join(name.split()), key=key,
                        person_id=person.id if person else None, added_by=by)
    session.add(row)
    session.flush()
    audit(session=session, user=by, action="person.track", object_type="tracked",
          object_id=row.id, before=None, after={"name": row.name, "person_id": row.person_id})
    return _tracked(session, row), True


def untrack(*, session: Session, name: str, by: str = "cli") -> Tracked:
    """Stop following ``name`` (as tracked, or any name of the person it was tracked as)."""
    row = session.scalar(select(TrackedPerson).where(TrackedPerson.key == name_key(name)))
    if row is None:
        ids = {canonical(session, p).id for p in find_persons(session=session, name=name)}
        rows = [r for r in session.scalars(select(TrackedPerson))
                if getattr(_person_of(session, r), "id", None) in ids]
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        raise UsageError(f"{name!r} is not tracked (`habeas tracked` lists who is)")
    gone = _tracked(session, row)
    session.delete(row)
    audit(session=session, user=by, action="person.untrack", object_type="tracked",
          object_id=gone.id, before={"name": gone.name}, after=None)
    return gone


def list_tracked(*, session: Session) -> list[Tracked]:
    return [_tracked(session, row) for row in
            session.scalars(select(TrackedPerson).order_by(TrackedPerson.name))]


def _tracked(session: Session, row: TrackedPerson) -> Tracked:
    person = _person_of(session, row)
    return Tracked(id=row.id, name=row.name, person=person.name if person else None,
                   person_id=person.id if person else None)


def _person_of(session: Session, row: TrackedPerson) -> Person | None:
    """The stored person a tracked name is: the one tracked, else the one its key names."""
    person = session.get(Person, row.person_id) if row.person_id else None
    if person is None:
        person = min(persons_by_keys(session, {row.key}), key=lambda p: p.id, default=None)
    return canonical(session, person) if person is not None else None


def track_listed(transaction, path, *, mapping: dict[str, str] | None = None,
                 delimiter: str | None = None, encoding: str | None = None
                 ) -> tuple[list[Tracked], list[str]]:
    """Track the persons a list marks in its ``tracked`` column (yes, true, 1, x); run after
    ``habeas import`` has stored them. Returns those newly tracked and, per name that could
    not be, why."""
    from pathlib import Path

    from ..resolve.lists import map_row, read_rows

    path = Path(path)
    try:
        text = path.read_text(encoding=encoding or "utf-8-sig")
        rows = list(read_rows(text, path.suffix.lower(), delimiter=delimiter))
    except (OSError, UnicodeDecodeError, ValueError):
        return [], []  # the import said what is wrong with the file
    names = []
    for row in rows:
        if row.fields is None:
            continue
        flag = next((value for column, value in row.fields.items()
                     if column and str(column).strip().lower() in TRACKED_HEADINGS), None)
        name = str(map_row(row.fields, mapping or {}).get("name") or "").strip()
        if name and str(flag).strip().lower() in TRACKED_YES:
            names.append(name)
    tracked, problems = [], []
    for name in dict.fromkeys(names):
        try:
            with transaction() as session:
                found, created = track(session=session, name=name, by="habeas import")
            if created:
                tracked.append(found)
        except UsageError as e:
            problems.append(f"{name}: {e}")
    return tracked, problems


def is_tracked(*, session: Session, person_id: int) -> bool:
    person = session.get(Person, person_id)
    return person is not None and canonical(session, person).id in tracked_roots(session)


def tracked_roots(session: Session) -> set[int]:
    """The ids of the persons followed, after merges: those tracked, and every person one of
    whose names has a tracked name's key."""
    rows = list(session.scalars(select(TrackedPerson)))
    found = [session.get(Person, r.person_id) for r in rows if r.person_id]
    found += persons_by_keys(session, {r.key for r in rows})
    return {canonical(session, p).id for p in found if p is not None}


# ----------------------------------------------------------------------------- alerts

def collect(*, session: Session) -> list[Alert]:
    """Make the alerts of the events stored since the last call; the new alerts, oldest first.
    Nothing before monitoring began (``start``)."""
    row = session.get(AppSetting, WATERMARK)
    if row is None:
        return []
    tracked = tracked_roots(session)
    made: list[Alert] = []
    while True:
        after = int(row.value)
        events = list(session.scalars(select(Event).where(Event.id > after)
                                      .order_by(Event.id).limit(CHUNK)))
        if not events:
            return made
        made += _alerts_of(session, events, tracked)
        row.value = str(events[-1].id)
        session.flush()


def _alerts_of(session: Session, events: list[Event], tracked: set[int]) -> list[Alert]:
    ids = [e.id for e in events]
    persons: dict[int, list[Person]] = {}
    for event_id, person in session.execute(
            select(EventPerson.event_id, Person).join(Person, Person.id == EventPerson.person_id)
            .where(EventPerson.event_id.in_(ids)).order_by(Person.id)):
        persons.setdefault(event_id, []).append(canonical(session, person))
    sources: dict[int, tuple[EventSource, Article]] = {}
    for source, article in session.execute(
            select(EventSource, Article).join(Article, Article.id == EventSource.article_id)
            .where(EventSource.event_id.in_(ids)).order_by(EventSource.id)):
        sources.setdefault(source.event_id, (source, article))
    made = []
    for event in events:
        who = persons.get(event.id, [])
        reason = ("tracked" if any(p.id in tracked for p in who) else
                  "custody" if event.type in CUSTODY_TYPES and not event.negated else None)
        source, article = sources.get(event.id) or (None, session.get(Article, event.article_id))
        if reason is None or article is None or LIST_IMPORTER in (article.extractor or ""):
            continue
        alert = _add_alert(session, event, reason, who, source, article)
        if alert is not None:
            made.append(alert)
    return made


def _add_alert(session: Session, event: Event, reason: str, who: list[Person],
               source: EventSource | None, article: Article) -> Alert | None:
    names = "; ".join(dict.fromkeys(p.name for p in who)) or "(no person named)"
    sentence = source.sentence if source is not None else None
    key = hashlib.sha256("\x1f".join((article.content_hash, event.type, names, sentence or ""))
                         .encode("utf-8")).hexdigest()
    if session.scalar(select(Alert.id).where(Alert.key == key)) is not None:
        return None  # the same report's event, re-extracted
    alert = Alert(key=key, reason=reason, event_id=event.id, event_type=event.type,
                  event_date=event.date, negated=bool(event.negated), hedged=bool(event.hedged),
                  persons=names, sentence=sentence, article_id=article.id, title=article.title,
                  outlet=article.outlet, url=article.url)
    session.add(alert)
    session.flush()
    return alert


def list_alerts(*, session: Session, limit: int = 100, offset: int = 0,
                since=None, until=None) -> tuple[list[Alert], int]:
    """Alerts, newest first, and how many there are (``since``/``until``: created within)."""
    query = select(Alert)
    if since is not None:
        query = query.where(Alert.created_at >= since)
    if until is not None:
        query = query.where(Alert.created_at < until)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Alert.id.desc()).limit(limit).offset(offset))
    return list(rows), total


def unsent(*, session: Session) -> list[Alert]:
    """Alerts not yet e-mailed, oldest first."""
    return list(session.scalars(select(Alert).where(Alert.emailed_at.is_(None))
                                .order_by(Alert.id)))


def describe(alert: Alert) -> str:
    """One line: "arrest of Jane Roe (2026-12-01), alleged"."""
    kind = alert.event_type.replace("_", " ")
    flags = [f for f, on in (("did not happen", alert.negated), ("alleged", alert.hedged)) if on]
    date = f" ({alert.event_date})" if alert.event_date else ""
    return f"{kind} of {alert.persons}{date}" + (", " + ", ".join(flags) if flags else "")


# ----------------------------------------------------------------------------- read marks

def unread(*, session: Session, user: User) -> int:
    seen = (select(AlertMark.seen_upto).where(AlertMark.user_id == user.id)
            .scalar_subquery())
    return session.scalar(select(func.count()).select_from(Alert).where(
        Alert.id > func.coalesce(seen, 0))) or 0  # one statement: a page's header asks it


def seen_upto(*, session: Session, user: User) -> int:
    mark = session.get(AlertMark, user.id)
    return mark.seen_upto if mark else 0


def mark_read(*, session: Session, user: User, upto: int) -> None:
    """Every alert up to id ``upto`` is read by ``user`` (never moves back)."""
    mark = session.get(AlertMark, user.id)
    if mark is None:
        session.add(AlertMark(user_id=user.id, seen_upto=upto))
    elif upto > mark.seen_upto:
        mark.seen_upto = upto
    session.flush()


# ----------------------------------------------------------------------------- feed tokens

def create_feed_token(*, session: Session, user: User, label: str | None = None) -> str:
    """A token that reads the alerts feed only; returned once, only its SHA-256 is kept."""
    return issue_token(session=session, user=user, label=label, model=FeedToken,
                       prefix=FEED_TOKEN_PREFIX, action="feed_token.create")


def feed_user(*, session: Session, token: str) -> User | None:
    """The user a feed token belongs to, or None (unknown or revoked)."""
    if not token:
        return None
    row = session.scalar(select(FeedToken).where(FeedToken.token_hash == _digest(token)))
    return session.get(User, row.user_id) if row is not None else None


def list_feed_tokens(*, session: Session, user: User | None = None) -> list[FeedToken]:
    query = select(FeedToken).order_by(FeedToken.id)
    if user is not None:
        query = query.where(FeedToken.user_id == user.id)
    return list(session.scalars(query))


def revoke_feed_token(*, session: Session, token_id: int, user: User | None = None,
                      by: User | str | None = None) -> None:
    """Delete a feed token (only one of ``user``'s when given): its URL stops working."""
    query = delete(FeedToken).where(FeedToken.id == token_id)
    if user is not None:
        query = query.where(FeedToken.user_id == user.id)
    if not session.execute(query).rowcount:
        raise UsageError(f"no feed token {token_id}")
    audit(session=session, user=by, action="feed_token.revoke", object_type="feed_token",
          object_id=token_id, before=None, after=None)


__all__ = ["CUSTODY_TYPES", "collect", "create_feed_token", "describe", "feed_user",
           "list_alerts", "list_tracked", "mark_read", "revoke_feed_token", "start",
           "track", "unread", "unsent", "untrack"]
