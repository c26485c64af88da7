"""The numbers behind the dashboard, the statistics page and the paged lists of the API.

No FastAPI here: plain functions over a session. Lists are paged in SQL (``limit``, ``offset``,
and the ``total`` that matched), so a store of 100,000 reports answers a page as fast as a store
of ten.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ..store import crud
from ..store.db import rows as read_rows
from ..store.models import Article, Claim, Event, EventPerson, Mention, Person
from ..store.persons import canonical, member_roots
from ..store.queries import EVENT_FIELDS, _event_persons, _event_sources, event_dict

# Bars shown on a "by place" or "by charge" chart.
TOP_N = 15
# Sentence lengths are counted in these bins (months, upper bound inclusive).
TERM_BINS = ((12, "≤ 1 y"), (36, "1–3 y"), (60, "3–5 y"), (120, "5–10 y"), (240, "10–20 y"),
             (10_000, "> 20 y"))
SENTENCE_TYPES = ("sentence", "conviction")
# Newest events shown on the dashboard.
NEWEST = 10


def event_rows(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    """Events with their persons, first article and source count, in the order of ``ids``."""
    if not ids:
        return []
    # rows of the columns shown, each event with its report's: not objects, nor a report's
    # text for its title
    events = {e.id: e for e in read_rows(session, _events_shown(), {"ids": list(ids)})}
    ids = [i for i in ids if i in events]
    names, person_ids = _event_persons(session, ids)
    sources = _event_sources(session, ids)
    return [{**event_dict(event), "persons": names[event_id],
             "person_ids": person_ids.get(event_id, []), "article_id": event.article_id,
             "title": event.title, "outlet": event.outlet, "published": event.published,
             "sources": sources[event_id]}
            for event_id in ids for event in (events[event_id],)]


@functools.cache  # built once: a page's reads are many small statements
def _events_shown():
    return (select(*EVENT_FIELDS, Article.title, Article.outlet, Article.published)
            .outerjoin(Article, Article.id == Event.article_id)
            .where(Event.id.in_(bindparam("ids", expanding=True))))


def page_reports(*, session: Session, status: str | None = None, limit: int = 50,
                 offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Reports newest first (by id), without their text."""
    query = select(Article.id, Article.title, Article.outlet, Article.published, Article.url,
                   Article.status, Article.source)
    count = select(func.count(Article.id))
    if status:
        query = query.where(Article.status == status)
        count = count.where(Article.status == status)
    total = session.scalar(count) or 0
    rows = [dict(r._mapping) for r in session.execute(
        query.order_by(Article.id.desc()).limit(limit).offset(offset))]
    return rows, total


def report_detail(*, session: Session, article_id: int) -> dict[str, Any] | None:
    """A report with its text, the person mentions and the claims read from it."""
    article = crud.get_article(session=session, article_id=article_id)
    if article is None:
        return None
    mentions = [{"id": m.id, "label": m.label, "text": m.text, "start_char": m.start_char,
                 "end_char": m.end_char, "person_id": m.person_id}
                for m in session.scalars(select(Mention).where(Mention.article_id == article_id)
                                         .order_by(Mention.start_char, Mention.id))]
    event_ids = list(session.scalars(
        select(Event.id).where(Event.article_id == article_id).order_by(Event.id)))
    return {
        "id": article.id, "title": article.title, "outlet": article.outlet, "url": article.url,
        "published": article.published, "language": article.language, "status": article.status,
        "source": article.source, "error": article.error, "text": article.text,
        "mentions": mentions, "events": event_rows(session, event_ids),
    }


def page_events(*, session: Session, type: str | None = None,  # noqa: A002
                since: str | None = None, until: str | None = None, place: str | None = None,
                person_id: int | None = None, limit: int = 50,
                offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Events newest first (undated last), filtered."""
    query = select(Event.id)
    if type:
        query = query.where(Event.type == type)
    if since:
        query = query.where(Event.date >= since)
    if until:
        query = query.where(Event.date <= until)
    if place:
        query = query.where(func.lower(Event.place).like(f"%{place.lower()}%"))
    if person_id is not None:  # the person with everyone merged into them
        person = session.get(Person, person_id)
        members = list(member_roots(session, [canonical(session, person).id])) if person else [
            person_id]
        query = query.where(Event.id.in_(
            select(EventPerson.event_id).where(EventPerson.person_id.in_(members))))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    ids = list(session.scalars(query.order_by(Event.date.is_(None), Event.date.desc(),
                                              Event.id.desc()).limit(limit).offset(offset)))
    return event_rows(session, ids), total


def counts(session: Session) -> dict[str, int]:
    articles = crud.count_articles(session=session)
    return {
        "reports": sum(articles.values()), "pending": articles.get("pending", 0),
        "failed": articles.get("failed", 0),
        "persons": session.scalar(select(func.count(Person.id))
                                  .where(Person.merged_into_id.is_(None))) or 0,
        "events": session.scalar(select(func.count(Event.id))) or 0,
        "claims": session.scalar(select(func.count(Claim.id))) or 0,
        "to_review": session.scalar(select(func.count(Claim.id))
                                    .where(Claim.status == "proposed")) or 0,
    }


def events_by_month(session: Session, *, type: str | None = None  # noqa: A002
                    ) -> list[tuple[str, int]]:
    """(YYYY-MM, n) for events dated to a month or a day, in date order."""
    month = func.substr(Event.date, 1, 7)
    query = (select(month, func.count()).where(Event.date_precision.in_(("day", "month")),
                                               Event.negated.is_(False))
             .group_by(month).order_by(month))
    if type:
        query = query.where(Event.type == type)
    return [(m, n) for m, n in session.execute(query)]


def events_by_type(session: Session) -> list[tuple[str, int]]:
    return [(t, n) for t, n in session.execute(
        select(Event.type, func.count()).where(Event.negated.is_(False))
        .group_by(Event.type).order_by(func.count().desc(), Event.type))]


def top_values(session: Session, column: Any) -> list[tuple[str, int]]:
    return [(v, n) for v, n in session.execute(
        select(column, func.count()).where(column.is_not(None), Event.negated.is_(False))
        .group_by(column).order_by(func.count().desc(), column).limit(TOP_N))]


def sentence_lengths(session: Session) -> list[tuple[str, int]]:
    counter: Counter[str] = Counter()
    for (months,) in session.execute(
        select(Event.term_months).where(Event.type.in_(SENTENCE_TYPES),
                                        Event.term_months.is_not(None),
                                        Event.negated.is_(False))
    ):
        label = next(label for bound, label in TERM_BINS if months <= bound)
        counter[label] += 1
    return [(label, counter[label]) for _, label in TERM_BINS]


def statistics(session: Session) -> dict[str, list[tuple[str, int]]]:
    return {
        "by_type": events_by_type(session), "by_month": events_by_month(session),
        "sentence_lengths": sentence_lengths(session),
        "by_place": top_values(session, Event.place),
        "by_charge": top_values(session, Event.charge),
    }


def newest_events(session: Session, limit: int = NEWEST) -> list[dict[str, Any]]:
    ids = list(session.scalars(select(Event.id).where(Event.date.is_not(None))
                               .order_by(Event.date.desc(), Event.id.desc()).limit(limit)))
    return event_rows(session, ids)
