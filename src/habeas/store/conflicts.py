"""What the sources disagree on: per event and field, and per person and attribute, the
values several reports give, each with its sources (a dossier's "conflicts"). Reading only: the
store keeps every claim, and resolution (``habeas.resolve.events``) derives an event's values
from them; this says where they differ.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Article, Claim, Event

# Event fields on which two sources can disagree (persons are a union; who said it, and
# hedging, differ by source by nature).
CONFLICT_FIELDS = ("date", "place", "term_months", "release_mode")
PERSON_CONFLICT_FIELDS = ("age", "birth_year", "gender", "nationality", "status")


def birth_year(age: int, published: str | None) -> int | None:
    """The birth year an age implies at a report's date ("60" in 2017 -> 1957)."""
    if not published or not isinstance(age, int | float) or not published[:4].isdigit():
        return None
    return int(published[:4]) - int(age)


def norm(text: str) -> str:
    words = str(text).casefold().replace("the ", " ").split()
    return " ".join(words)


def live_claims(session: Session, subject_type: str, ids: list[int]) -> list[Claim]:
    superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
    return list(session.scalars(
        select(Claim).where(Claim.subject_type == subject_type, Claim.subject_id.in_(ids),
                            Claim.status != "rejected", Claim.id.not_in(superseded))
        .order_by(Claim.id)))


def _source(claim: Claim, article: Article | None) -> dict[str, Any]:
    return {"claim_id": claim.id, "article_id": claim.article_id,
            "title": article.title if article else None,
            "outlet": article.outlet if article else None,
            "published": article.published if article else None,
            "sentence": claim.sentence, "attributed_to": claim.attributed_to}


def _grouped(session: Session, claims: list[Claim], comparable) -> list[dict[str, Any]]:
    """Claims grouped by comparable value: [{"value", "sources"}], first said first."""
    articles = {a.id: a for a in session.scalars(select(Article).where(
        Article.id.in_({c.article_id for c in claims if c.article_id})))}
    groups: dict[Any, dict[str, Any]] = {}
    for claim in claims:
        key = comparable(claim)
        if key is None:
            continue
        entry = groups.setdefault(key, {"value": claim.value, "sources": []})
        entry["sources"].append(_source(claim, articles.get(claim.article_id)))
    return list(groups.values())


def event_conflicts(session: Session, events: list[Event]) -> list[dict[str, Any]]:
    """Per event and field, the values sources disagree on, each with its sources. Dates that
    only differ in precision ("2017-10" and "2017-10-24") do not disagree."""
    out: list[dict[str, Any]] = []
    claims = live_claims(session, "event", [e.id for e in events])
    by_event: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_event[claim.subject_id].append(claim)
    for event in events:
        for field in CONFLICT_FIELDS:
            own = [c for c in by_event[event.id] if c.field == field and c.value is not None]
            if len(own) < 2:  # one source cannot disagree with itself: no query for it
                continue
            values = _grouped(session, own, lambda c: norm(c.value) if isinstance(c.value, str)
                              else c.value)
            if field == "date":
                dates = [v["value"] for v in values]
                values = [v for v in values if not any(
                    d != v["value"] and d.startswith(v["value"]) for d in dates)]
            if len(values) > 1:
                out.append({"subject": "event", "event_id": event.id, "type": event.type,
                            "date": event.date, "field": field, "values": values})
    return out


def person_conflicts(session: Session, members: list[int]) -> list[dict[str, Any]]:
    """Attributes sources disagree on. Ages are compared through the birth dates they allow at
    each report's date (``ages_agree``): 50 in January 2015 and 52 in September 2017 agree (born
    between September 1964 and January 1965), 60 on 2017-09-28 and 59 a month later do not."""
    claims = [c for c in live_claims(session, "person", members)
              if c.field in PERSON_CONFLICT_FIELDS]
    published = dict(session.execute(select(Article.id, Article.published).where(
        Article.id.in_({c.article_id for c in claims if c.article_id}))).all())
    out: list[dict[str, Any]] = []
    for field in PERSON_CONFLICT_FIELDS:
        own = [c for c in claims if c.field == field]
        if field == "age":
            def comparable(c: Claim) -> Any:
                return birth_year(c.value, published.get(c.article_id))
            if ages_agree([(c.value, published.get(c.article_id)) for c in own]):
                continue
        else:
            def comparable(c: Claim) -> Any:
                return norm(c.value) if isinstance(c.value, str) else c.value
        values = _grouped(session, own, comparable)
        if len(values) > 1:
            out.append({"subject": "person", "field": field, "values": values})
    return out


def ages_agree(ages: list[tuple[Any, str | None]]) -> bool:
    """Whether ages said on dates (``(age, "YYYY[-MM[-DD]]")``) fit one birth date: the windows
    of birth dates each allows overlap. The implied birth years are then within a year of each
    other; an age of an undated report is not compared."""
    windows = [w for age, date in ages if (w := birth_window(age, date)) is not None]
    return not windows or max(lo for lo, _ in windows) < min(hi for _, hi in windows)


def birth_window(age: Any, published: str | None) -> tuple[dt.date, dt.date] | None:
    """The birth dates an age allows when said on ``published`` (a day, a month or a year):
    after the first bound, on or before the second."""
    span = _date_span(published)
    if span is None or not isinstance(age, int | float) or isinstance(age, bool):
        return None
    first, last = span
    return _years_before(first, int(age) + 1), _years_before(last, int(age))


def _date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    import calendar

    parts = (value or "").split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return dt.date(year, month, 1), dt.date(year, month,
                                                    calendar.monthrange(year, month)[1])
        day = dt.date(year, month, int(parts[2]))
        return day, day
    except (ValueError, IndexError):
        return None


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)
