"""The REST API under ``/api/v1``: bearer tokens, JSON, ``limit``/``offset`` with ``total``.

Each route parses its input, calls one core function and returns its result. Viewers read;
editors also review claims and merge suggestions and ingest; admins also read the audit log.
Every change is audited.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from ..exports import safe_rows

from ..errors import NotFound
from ..model import EVENT_TYPES
from ..resolve import review as merge_review
from ..store import accounts, queries, review
from ..store.accounts import User
from ..store.models import Person
from ..store.queries import STATUSES
from . import search as search_mod
from . import stats
from .deps import api_admin, api_editor, api_reader, db, get_habeas
from .ingest import Upload, ingest_items

router = APIRouter(tags=["habeas"])
# Page sizes: the default and the most one request may ask for.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500

Limit = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")
Offset = Query(0, ge=0, description="Items to skip.")


class Page(BaseModel):
    total: int = Field(description="How many items match in all.")
    limit: int
    offset: int
    items: list[dict[str, Any]]


class ReviewIn(BaseModel):
    action: Literal["accept", "reject", "edit"]
    value: Any = Field(None, description="The new value, for an edit (a new claim superseding "
                                         "this one).")
    version: str | None = Field(None, max_length=64, description=(
        "The claim's `version` as you saw it: the decision applies only if the claim is still "
        "in that state, else 409. Without it only a proposed claim can be decided."))


class BulkReviewIn(BaseModel):
    ids: list[int] = Field(min_length=1, max_length=review.MAX_BULK)
    action: Literal["accept", "reject"]
    versions: dict[int, str] | None = Field(None, description="Claim id -> the `version` seen.")


class BulkSuggestionsIn(BaseModel):
    ids: list[int] = Field(min_length=1, max_length=review.MAX_BULK)
    action: Literal["accept", "reject"]


class IngestItem(BaseModel):
    text: str = Field(min_length=1)
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    outlet: str | None = None
    url: str | None = None


class IngestIn(BaseModel):
    items: list[IngestItem] = Field(min_length=1, max_length=50)
    extract: bool = True


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/me")
def me(user: User = Depends(api_reader)) -> dict[str, Any]:
    return accounts.user_dict(user)


@router.get("/persons", response_model=Page)
def persons(q: str | None = None,
            status: Literal[STATUSES] | None = None,  # type: ignore[valid-type]
            role: Literal["subject", "speaker", "all"] = Query(
                "all", description="subject: persons events happened to; speaker: those who "
                                   "only speak or act (lawyers, officials); all: both, "
                                   "subjects first."),
            limit: int = Limit, offset: int = Offset, _: User = Depends(api_reader),
            session: Session = Depends(db)) -> dict[str, Any]:
    rows, total = search_mod.search_persons(session=session, query=q or "", status=status,
                                            limit=limit, offset=offset,
                                            role=None if role == "all" else role)
    return page(rows, total, limit, offset)


@router.get("/persons/{person_id}")
def person(person_id: int, include_rejected: bool = False, _: User = Depends(api_reader),
           session: Session = Depends(db)) -> dict[str, Any]:
    found = session.get(Person, person_id)
    if found is None:
        raise NotFound(f"person {person_id}")
    return queries.person_dossier(session=session, person=found,
                                  include_rejected=include_rejected)


@router.get("/events", response_model=Page)
def events(type: Literal[EVENT_TYPES] | None = None,  # type: ignore[valid-type]  # noqa: A002
           since: str | None = None, until: str | None = None, place: str | None = None,
           person_id: int | None = None, limit: int = Limit, offset: int = Offset,
           _: User = Depends(api_reader), session: Session = Depends(db)) -> dict[str, Any]:
    rows, total = stats.page_events(session=session, type=type, since=since, until=until,
                                    place=place, person_id=person_id, limit=limit,
                                    offset=offset)
    return page(rows, total, limit, offset)


@router.get("/reports", response_model=Page)
def reports(status: Literal["pending", "extracted", "failed"] | None = None,
            limit: int = Limit, offset: int = Offset, _: User = Depends(api_reader),
            session: Session = Depends(db)) -> dict[str, Any]:
    rows, total = stats.page_reports(session=session, status=status, limit=limit,
                                     offset=offset)
    return page(rows, total, limit, offset)


@router.get("/reports/{article_id}")
def report(article_id: int, _: User = Depends(api_reader),
           session: Session = Depends(db)) -> dict[str, Any]:
    detail = stats.report_detail(session=session, article_id=article_id)
    if detail is None:
        raise NotFound(f"report {article_id}")
    detail["claims"], _total = review.list_claims(session=session, article_id=article_id,
                                                  limit=MAX_LIMIT)
    return detail


@router.get("/claims", response_model=Page)
def claims(status: Literal["proposed", "accepted", "rejected", "edited"] | None = None,
           field: str | None = None, subject_type: Literal["person", "event"] | None = None,
           subject_id: int | None = None, article_id: int | None = None,
           limit: int = Limit, offset: int = Offset, _: User = Depends(api_reader),
           session: Session = Depends(db)) -> dict[str, Any]:
    rows, total = review.list_claims(session=session, status=status, field=field,
                                     subject_type=subject_type, subject_id=subject_id,
                                     article_id=article_id, limit=limit, offset=offset)
    return page(rows, total, limit, offset)


@router.get("/claims/{claim_id}")
def claim(claim_id: int, _: User = Depends(api_reader),
          session: Session = Depends(db)) -> dict[str, Any]:
    found = review.get_claim(session=session, claim_id=claim_id)
    return {**review.claim_dict(found),
            "history": review.claim_history(session=session, claim_id=claim_id)}


@router.post("/claims/{claim_id}/review")
def review_claim(claim_id: int, body: ReviewIn, user: User = Depends(api_editor),
                 session: Session = Depends(db)) -> dict[str, Any]:
    with session.begin():
        if body.action == "edit":
            result = review.edit_claim(session=session, claim_id=claim_id, value=body.value,
                                       user=user, version=body.version)
        else:
            result = review.decide(session=session, claim_id=claim_id, action=body.action,
                                   user=user, version=body.version)
        search_mod.reindex_reviewed(session, [result])  # its event derived again
        return review.claim_dict(result)


@router.post("/claims/review")
def review_claims(body: BulkReviewIn, user: User = Depends(api_editor),
                  session: Session = Depends(db)) -> dict[str, Any]:
    with session.begin():
        done = review.decide_many(session=session, claim_ids=body.ids, action=body.action,
                                  user=user, versions=body.versions)
        search_mod.reindex_reviewed(session, done)
        return {"reviewed": len(done), "items": [review.claim_dict(c) for c in done]}


@router.get("/suggestions", response_model=Page)
def suggestions(limit: int = Limit, offset: int = Offset, _: User = Depends(api_reader),
                session: Session = Depends(db)) -> dict[str, Any]:
    """Merge suggestions waiting for review, best first."""
    rows, total = merge_review.list_suggestions(session=session, limit=limit, offset=offset)
    return page(rows, total, limit, offset)


@router.get("/suggestions/{suggestion_id}")
def suggestion(suggestion_id: int, _: User = Depends(api_reader),
               session: Session = Depends(db)) -> dict[str, Any]:
    """One suggestion, pending or decided, with both persons as they stand now."""
    return merge_review.get_suggestion(session=session, suggestion_id=suggestion_id)


@router.post("/suggestions/review")
def review_suggestions(body: BulkSuggestionsIn, user: User = Depends(api_editor),
                       session: Session = Depends(db)) -> dict[str, Any]:
    """Bulk: accept or reject several suggestions; one that fails leaves all undecided."""
    with session.begin():
        done = merge_review.decide_suggestions(session=session, suggestion_ids=body.ids,
                                         action=body.action, user=user)
        return {"reviewed": len(done), "items": done}


@router.post("/suggestions/{suggestion_id}/accept")
def accept_suggestion(suggestion_id: int, user: User = Depends(api_editor),
                      session: Session = Depends(db)) -> dict[str, Any]:
    """Merge the suggestion's person into its candidate (undo: `habeas merge --undo`)."""
    with session.begin():
        return merge_review.decide_suggestion(session=session, suggestion_id=suggestion_id,
                                        action="accept", user=user)


@router.post("/suggestions/{suggestion_id}/reject")
def reject_suggestion(suggestion_id: int, user: User = Depends(api_editor),
                      session: Session = Depends(db)) -> dict[str, Any]:
    """Keep the two persons apart for good."""
    with session.begin():
        return merge_review.decide_suggestion(session=session, suggestion_id=suggestion_id,
                                        action="reject", user=user)


@router.get("/search")
def search(q: str = Query(..., min_length=1),
           kind: Literal["reports", "persons", "events"] | None = None,
           type: Literal[EVENT_TYPES] | None = None,  # type: ignore[valid-type]  # noqa: A002
           since: str | None = None, until: str | None = None, place: str | None = None,
           status: Literal[STATUSES] | None = None,  # type: ignore[valid-type]
           limit: int = Query(20, ge=1, le=MAX_LIMIT), offset: int = Offset,
           _: User = Depends(api_reader), session: Session = Depends(db)) -> dict[str, Any]:
    filters = search_mod.SearchFilters(type=type, since=since, until=until, place=place,
                                       status=status)
    result = search_mod.search(session=session, query=q, filters=filters, limit=limit,
                               offset=offset, kinds=(kind,) if kind else search_mod.KINDS)
    reports = [{**r, "snippet": "".join(piece for piece, _ in r["snippet"])}
               for r in result.reports]
    return {"query": q, "limit": limit, "offset": offset, "total": result.totals,
            "more": result.more, "reports": reports, "persons": result.persons,
            "events": result.events}


@router.post("/ingest")
def ingest(body: IngestIn, user: User = Depends(api_editor),
           habeas=Depends(get_habeas)) -> dict[str, Any]:
    uploads = [Upload(name=f"item-{i}.txt", data=item.text.encode("utf-8"),
                      overrides={k: v for k, v in item.model_dump().items()
                                 if k != "text" and v is not None})
               for i, item in enumerate(body.items)]
    return ingest_items(habeas, uploads=uploads, user=user, extract=body.extract).as_dict()


@router.get("/export")
def export(format: Literal["csv", "json"] = "json",  # noqa: A002
           _: User = Depends(api_reader), session: Session = Depends(db)) -> Response:
    return export_response(session, format)


def export_response(session: Session, format: str) -> Response:  # noqa: A002
    rows = queries.export_rows(session=session)
    if format == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(queries.EXPORT_COLUMNS))
        writer.writeheader()
        writer.writerows(safe_rows(rows))
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": 'attachment; filename="habeas-events.csv"'})
    return Response(json.dumps(rows, ensure_ascii=False, indent=1, default=str),
                    media_type="application/json", headers={
                        "Content-Disposition": 'attachment; filename="habeas-events.json"'})


@router.get("/audit", response_model=Page)
def audit_log(object_type: str | None = None, object_id: str | None = None,
              limit: int = Limit, offset: int = Offset, _: User = Depends(api_admin),
              session: Session = Depends(db)) -> dict[str, Any]:
    rows, total = accounts.list_audit(session=session, object_type=object_type,
                                      object_id=object_id, limit=limit, offset=offset)
    return page([accounts.audit_dict(r) for r in rows], total, limit, offset)
