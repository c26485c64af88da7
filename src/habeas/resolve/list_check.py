"""A list checked against the store (``habeas check-list``): the two gaps a monitor looks for.

- *Silent*: a person on the list no report has mentioned for ``months`` months (or ever): the
  list may be out of date about them, or nobody is watching them.
- *Missing*: a person the store shows in custody (the latest status derived from their events,
  ``store.queries.derive_status``: arrested, sentenced, transferred, ...) who is not on the list.

A report is any stored article that is not a version of a list; its date is its published date
(else the day it was stored). A person is on the list when a row of the list resolved to them
or to someone merged with them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from ..errors import NotFound, UsageError
from ..store.crud import LIST_IMPORTER
from ..store.lists import ListImport, entries
from ..store.models import Article, Claim, Event, EventPerson, EventSource, Mention, Person
from ..store.queries import _roots, list_persons

# Statuses that mean a person is held now.
IN_CUSTODY = ("detained", "sentenced")
DEFAULT_MONTHS = 6


@dataclass
class Silent:
    person_id: int | None
    name: str
    birth_year: int | None
    last_report: str | None  # ISO date, None when no report names them
    last_title: str | None


@dataclass
class Missing:
    person_id: int
    name: str
    status: str
    latest_event: str  # "2024-03-01 sentence"
    reports: int


@dataclass
class CheckReport:
    list_name: str
    months: int
    today: str
    on_list: int
    silent: list[Silent] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day if shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has a 28th


def check_list(session: Session, list_name: str, *, months: int = DEFAULT_MONTHS,
               today: dt.date | None = None) -> CheckReport:
    """The silent and missing persons of list ``list_name`` (see the module's docstring)."""
    if months < 0:
        raise UsageError(f"--months must be 0 or more, not {months}")
    rows = entries(session, list_name)
    if not rows and session.scalar(select(ListImport.id)
                                   .where(ListImport.list_name == list_name).limit(1)) is None:
        raise NotFound(f"no list called {list_name!r} in the store (`habeas imports` lists "
                       "them)")
    today = today or dt.date.today()
    cutoff = months_before(today, months).isoformat()
    roots = _roots(session)
    latest = _latest_reports(session, roots)
    names = dict(session.execute(select(Person.id, Person.name)).all())  # one read, not one a row
    on_list: set[int] = set()
    report = CheckReport(list_name, months, today.isoformat(), len(rows))
    for entry in sorted(rows.values(), key=lambda e: e.row):
        root = roots.get(entry.person_id) if entry.person_id is not None else None
        if root is not None:
            on_list.add(root)
        when, title = latest.get(root, (None, None)) if root is not None else (None, None)
        if when is None or when < cutoff:
            name = names[root] if root is not None else entry.values["name"]
            report.silent.append(Silent(root, name, entry.values.get("birth_year"), when,
                                        title))
    for person in list_persons(session=session):
        if person.status in IN_CUSTODY and person.id not in on_list:
            latest_event = " ".join(x for x in (person.last_event_date, person.last_event_type)
                                    if x)
            report.missing.append(Missing(person.id, person.name, person.status, latest_event,
                                          person.articles))
    return report


def _latest_reports(session: Session, roots: dict[int, int]
                    ) -> dict[int, tuple[str, str | None]]:
    """root person id -> (date, title) of the latest report (not a list) that names them: in an
    event, a mention or a claim about them."""
    lists = set(session.scalars(select(ListImport.article_id)))
    reports = {aid: ((published or stored.date().isoformat()), title)
               for aid, published, stored, title, extractor in session.execute(
                   select(Article.id, Article.published, Article.ingested_at, Article.title,
                          Article.extractor))
               if aid not in lists and LIST_IMPORTER not in (extractor or "")}
    named = session.execute(union(
        select(EventPerson.person_id, EventSource.article_id)
        .join(EventSource, EventSource.event_id == EventPerson.event_id),
        select(Mention.person_id, Mention.article_id).where(Mention.person_id.is_not(None)),
        select(EventPerson.person_id, Event.article_id)
        .join(Event, Event.id == EventPerson.event_id),
        select(Claim.subject_id, Claim.article_id).where(Claim.subject_type == "person")))
    latest: dict[int, tuple[str, str | None]] = {}
    for pid, aid in named:
        if aid not in reports:
            continue
        root = roots.get(pid, pid)
        if root not in latest or reports[aid][0] > latest[root][0]:
            latest[root] = reports[aid]
    return latest
