"""Writing to the store: articles in, one article's extraction saved as one unit of work.

Every function takes keyword arguments after ``*`` and never commits: the caller owns the
transaction (``db.unit_of_work``), so a crash leaves either all of an article's facts or none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, exists, func, or_, select, union, update
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..model import EVENT_FIELDS, Document
from .db import tuples
from .models import (
    ARTICLE_STATUSES,
    Article,
    Claim,
    Event,
    EventPerson,
    EventSource,
    Mention,
    Person,
    PersonAlias,
    StatisticRow,
    utcnow,
)
from .resolution import Merge, PersonKey, Suggestion  # noqa: F401  (in Base.metadata)

# The key a list's article carries in its ``extractor`` (``resolve.lists``): read, not extracted.
LIST_IMPORTER = "habeas_import"
# Which entry of ``Extraction.versions`` vouches for a claim: the first component whose name
# contains one of these words (e.g. "habeas_events" -> "habeas.events.v1").
EVENT_COMPONENT_HINTS = ("event",)
PERSON_COMPONENT_HINTS = ("attribute", "person", "coref")
# Person fields holding one value, and those holding a list (one claim per element).
PERSON_SCALAR_FIELDS = ("age", "gender", "nationality")
PERSON_LIST_FIELDS = ("groups", "affiliations", "roles")
# The event fields written as claims besides "type" and "persons".
EVENT_CLAIM_FIELDS = EVENT_FIELDS
DATE_SHAPES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}$"), "year"),
)


# ----------------------------------------------------------------------------- articles

def add_article(*, session: Session, document: Document) -> tuple[Article, bool]:
    """Store ``document`` as a pending article; ``(existing, False)`` if its text is stored."""
    digest = document.content_hash
    existing = session.scalar(select(Article).where(Article.content_hash == digest))
    if existing is not None:
        return existing, False
    article = _new_article(document, digest)
    session.add(article)
    session.flush()
    return article, True


def add_articles(*, session: Session, documents: list[Document]) -> list[bool]:
    """``add_article`` for several documents, in order, with one query for the texts stored
    and one flush: whether each was stored now (False: its text was stored already, also by
    an earlier one of ``documents``). The articles get the ids ``add_article`` one by one
    would have given them."""
    digests = [document.content_hash for document in documents]
    stored = set(session.scalars(select(Article.content_hash).where(
        Article.content_hash.in_(sorted(set(digests))))))
    created = []
    for document, digest in zip(documents, digests):
        created.append(digest not in stored)
        if digest not in stored:
            stored.add(digest)
            session.add(_new_article(document, digest))
    session.flush()
    return created


def _new_article(document: Document, digest: str) -> Article:
    return Article(
        content_hash=digest, doc_id=document.doc_id, title=document.title,
        outlet=document.outlet, url=document.url, published=document.published,
        language=document.language, text=document.text, source=document.source,
        status="pending",
    )


def get_article(*, session: Session, article_id: int) -> Article | None:
    """The article (its staged Extraction, deferred, is read by ``staged_article``)."""
    return session.get(Article, article_id)


@dataclass
class StagedArticle:
    """What resolution reads of an article whose Extraction is staged (``staged_article``),
    as columns rather than an ORM object; ``mark_extracted`` writes its status."""
    id: int
    status: str
    text: str
    published: str | None
    extraction: Any | None  # the staged Extraction's record (JSON read)
    facts: bool  # whether any fact read from it is stored already (``any_fact``)


def staged_article(*, session: Session, article_id: int) -> StagedArticle | None:
    """The article ``article_id`` with its staged Extraction and whether facts read from it
    are stored, in one statement (a writer asks for every article it resolves: an ORM object
    and a second query for its facts were a tenth of resolution's CPU)."""
    found = tuples(session, _staged(), {"article": article_id})
    return StagedArticle(*found[0][:5], bool(found[0][5])) if found else None


def mark_extracted(*, session: Session, article: Article | StagedArticle,
                   extractor: str) -> None:
    """The article's record is written: its status, when, and by which components (an ORM
    article through its attributes, a ``StagedArticle`` in one UPDATE)."""
    if isinstance(article, Article):
        article.status = "extracted"
        article.extracted_at = utcnow()
        article.extractor = extractor
        article.error = None
        return
    session.connection().execute(_extracted(), {
        "article": article.id, "extracted_at": utcnow(), "extractor": extractor})
    article.status = "extracted"


@functools.cache
def any_fact():
    """Whether a fact read from the article ``:article`` is stored (built once: see
    ``store.persons``)."""
    article = bindparam("article")
    return select(or_(*(exists().where(table.article_id == article)
                        for table in (Claim, EventSource, StatisticRow, Mention, Event))))


@functools.cache
def _staged():
    return select(Article.id, Article.status, Article.text, Article.published,
                  Article.extraction, any_fact().scalar_subquery()
                  ).where(Article.id == bindparam("article"))


@functools.cache
def _extracted():
    table = Article.__table__
    return update(table).where(table.c.id == bindparam("article")).values(
        status="extracted", extracted_at=bindparam("extracted_at"),
        extractor=bindparam("extractor"), error=None)


def pending_articles(*, session: Session, limit: int | None = None,
                     after: int = 0) -> list[Article]:
    """Articles the NLP has not read yet, oldest first (those with an id above ``after``)."""
    query = (select(Article).where(Article.status == "pending", Article.extraction.is_(None),
                                   Article.id > after)
             .order_by(Article.id))
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def staged_articles(*, session: Session, limit: int | None = None,
                    after: int = 0) -> list[int]:
    """The ids of the articles whose Extraction is stored but not yet resolved into the
    record (``resolve.article.resolve_staged``), oldest first."""
    query = (select(Article.id).where(Article.status == "pending",
                                      Article.extraction.is_not(None), Article.id > after)
             .order_by(Article.id))
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count_staged(*, session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Article).where(
        Article.status == "pending", Article.extraction.is_not(None)))


def store_extractions(*, session: Session, extractions: dict[int, dict[str, Any]]
                      ) -> list[int]:
    """Keep each article's Extraction (``Extraction.to_record``) for resolution, in one
    statement for the batch; returns the ids kept. An article another process extracted
    meanwhile (no longer pending, or its Extraction already kept) is left alone."""
    if not extractions:
        return []
    ids = list(session.scalars(select(Article.id).where(
        Article.id.in_(list(extractions)), Article.status == "pending",
        Article.extraction.is_(None)).order_by(Article.id)))
    if ids:
        session.execute(update(Article), [{"id": i, "extraction": extractions[i]} for i in ids])
    return ids


def extracted_articles(*, session: Session, since: str | None = None,
                       article_ids: Collection[int] | None = None) -> list[int]:
    """The ids of the articles extraction wrote (not the lists ``habeas import`` read), by id:
    those published on or after ``since`` (an ISO date), or those of ``article_ids``."""
    query = select(Article.id).where(
        Article.status == "extracted",
        or_(Article.extractor.is_(None), Article.extractor.not_like(f"%{LIST_IMPORTER}%")))
    if since is not None:
        query = query.where(Article.published >= since)
    if article_ids is not None:
        query = query.where(Article.id.in_(list(article_ids)))
    return list(session.scalars(query.order_by(Article.id)))


def count_articles(*, session: Session) -> dict[str, int]:
    """Articles per status, every status present: {"pending": 2, "extracted": 5, "failed": 0}."""
    counts = dict.fromkeys(ARTICLE_STATUSES, 0)
    rows = session.execute(select(Article.status, func.count()).group_by(Article.status))
    for status, n in rows:
        counts[status] = n
    return counts


def mark_failed(*, session: Session, article: Article, error: str) -> None:
    """Record that extraction failed (call in a fresh transaction after rolling back)."""
    article.status = "failed"
    article.error = error
    session.flush()


def fail_pending(*, session: Session, article_id: int, error: str) -> bool:
    """Mark an article the NLP failed on, unless another process extracted it meanwhile;
    whether it was marked."""
    article = session.get(Article, article_id)
    if article is None or article.status != "pending" or article.extraction is not None:
        return False
    mark_failed(session=session, article=article, error=error)
    return True


def article_names(*, session: Session, article_ids: Collection[int]) -> list[tuple[int, str]]:
    """(id, title, else source) of these articles: how reports name them."""
    rows = session.execute(select(Article.id, Article.title, Article.source)
                           .where(Article.id.in_(list(article_ids))))
    return [(i, title or source) for i, title, source in rows]


def reset_failed(*, session: Session) -> int:
    """Make every failed article pending again (``habeas extract --retry``); how many."""
    failed = list(session.scalars(select(Article).where(Article.status == "failed")))
    for article in failed:
        article.status = "pending"
        article.error = None
        article.extraction = None  # read again by the NLP
    session.flush()
    return len(failed)


# ----------------------------------------------------------------------------- facts
# What resolution (``resolve.article``) uses to clear an article's facts.

def delete_orphans(session: Session, person_ids: set[int], *, merged: bool) -> None:
    """Delete the persons of ``person_ids`` nothing points at (with ``merged`` False, not those
    merged into another person: the merge is a reviewer's or the resolver's record)."""
    sync = {"synchronize_session": "fetch"}
    session.flush()
    for person_id in sorted(person_ids):
        if is_referenced(session, person_id):
            continue
        if not merged and session.scalar(select(Person.merged_into_id)
                                         .where(Person.id == person_id)) is not None:
            continue
        session.execute(delete(PersonAlias).where(PersonAlias.person_id == person_id),
                        execution_options=sync)
        session.execute(delete(Person).where(Person.id == person_id), execution_options=sync)


def persons_of_article(session: Session, article_id: int) -> set[int]:
    rows = session.scalars(union(
        select(Mention.person_id).where(Mention.article_id == article_id,
                                        Mention.person_id.is_not(None)),
        select(Claim.subject_id).where(Claim.article_id == article_id,
                                       Claim.subject_type == "person"),
        select(EventPerson.person_id).join(Event, Event.id == EventPerson.event_id)
        .where(Event.article_id == article_id),
    ))
    return {r for r in rows if r is not None}


def delete_event(session: Session, event_id: int, *, keep: Collection[int] = ()) -> None:
    sync = {"synchronize_session": "fetch"}
    query = delete(Claim).where(Claim.subject_type == "event", Claim.subject_id == event_id)
    if keep:
        query = query.where(Claim.id.not_in(list(keep)))
    session.execute(query, execution_options=sync)
    session.execute(delete(EventPerson).where(EventPerson.event_id == event_id),
                    execution_options=sync)
    session.execute(delete(Event).where(Event.id == event_id), execution_options=sync)


def is_referenced(session: Session, person_id: int) -> bool:
    checks = (
        select(Mention.id).where(Mention.person_id == person_id),
        select(Claim.id).where(Claim.subject_type == "person", Claim.subject_id == person_id),
        select(EventPerson.event_id).where(EventPerson.person_id == person_id),
        select(Person.id).where(Person.merged_into_id == person_id),
    )
    return any(session.execute(q.limit(1)).first() is not None for q in checks)


def date_precision(date: str | None) -> str | None:
    """"2017-10-24" -> "day", "2015-01" -> "month", "2014" -> "year", None -> None."""
    if date is None:
        return None
    for pattern, precision in DATE_SHAPES:
        if pattern.match(date):
            return precision
    raise StoreError(f"the date {date!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")


def pick_component(
    versions: dict[str, str], hints: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """The (component, versioned name) that vouches for a kind of claim."""
    for hint in hints:
        for component, version in versions.items():
            if hint in component.lower():
                return component, version
    return next(iter(versions.items()), (None, None))
