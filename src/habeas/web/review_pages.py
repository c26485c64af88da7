"""The review queue: merge suggestions waiting for a reviewer (accept merges the two persons,
reject keeps them apart) and claims nobody has reviewed yet (accept, reject, edit), one by one
(in place, with htmx) or in bulk, with keyboard shortcuts (``static/review.js``). Works without
script too: every button submits its list's form. Every decision goes to the audit log.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from ..errors import Conflict, UsageError
from ..resolve import review as merge_review
from ..store import review
from ..store.accounts import User
from . import search as search_mod
from .deps import db, page_editor, page_reader
from .pages import PAGE_SIZE, clean, pager, render

router = APIRouter(include_in_schema=False)
# Merge suggestions shown at the head of the queue, per page.
SUGGESTIONS_SHOWN = 10


@router.get("/review")
def queue(request: Request, field: str = "", subject_type: str = "", article_id: str = "",
          offset: int = 0, soffset: int = 0, user: User = Depends(page_reader),
          session: Session = Depends(db)) -> Response:
    article = int(article_id) if article_id.isdigit() else None
    rows, total = review.review_queue(
        session=session, field=clean(field),
        subject_type=subject_type if subject_type in ("person", "event") else None,
        article_id=article, limit=PAGE_SIZE, offset=max(0, offset))
    suggestions, suggestions_total = merge_review.list_suggestions(
        session=session, limit=SUGGESTIONS_SHOWN, offset=max(0, soffset))
    return render(request, "review.html", rows=rows, field=field, subject_type=subject_type,
                  article_id=article_id, pager=pager(request, total, max(0, offset)),
                  suggestions=suggestions,
                  suggestion_pager=pager(request, suggestions_total, max(0, soffset),
                                         limit=SUGGESTIONS_SHOWN, param="soffset"),
                  message=None)


def _back(request: Request) -> Response:
    """Back to the page the form was on (this site's only), else the queue."""
    back = request.headers.get("referer") or "/review"
    return RedirectResponse(back if back.startswith(str(request.base_url)) else "/review",
                            status_code=303)


def _apply(session: Session, claim_id: int, action: str, value: str | None,
           user: User, version: str | None) -> review.Claim:
    """One decision, made on the claim's state the page showed (``version``)."""
    with session.begin():
        if action == "edit":
            claim = review.edit_claim(session=session, claim_id=claim_id, value=value,
                                      user=user, version=version)
        else:
            claim = review.decide(session=session, claim_id=claim_id, action=action, user=user,
                                  version=version)
        search_mod.reindex_reviewed(session, [claim])  # its event derived again
        return claim


def _text(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) and value else None


def _versions(form: Any, ids: list[int]) -> dict[int, str]:
    """The version of each claim the page showed (hidden ``version-ID`` fields)."""
    return {cid: v for cid in ids if (v := _text(form, f"version-{cid}")) is not None}


@router.post("/review/bulk")
async def bulk(request: Request, user: User = Depends(page_editor),
               session: Session = Depends(db)) -> Response:
    form = await request.form()
    single = str(form.get("single") or "")
    if single:  # one row's button, without script
        claim_id, _, action = single.partition(":")
        if not claim_id.isdigit():
            raise UsageError("bad claim id")
        _apply(session, int(claim_id), action, _text(form, f"value-{claim_id}"), user,
               _text(form, f"version-{claim_id}"))
    else:
        ids = [int(v) for v in form.getlist("ids") if isinstance(v, str) and v.isdigit()]
        if not ids:
            raise UsageError("select at least one claim")
        with session.begin():
            done = review.decide_many(session=session, claim_ids=ids,
                                      action=str(form.get("action")), user=user,
                                      versions=_versions(form, ids))
            search_mod.reindex_reviewed(session, done)
    return _back(request)


@router.post("/review/suggestions/bulk")
async def suggestions_bulk(request: Request, user: User = Depends(page_editor),
                           session: Session = Depends(db)) -> Response:
    """The suggestions form: one row's button (``single=ID:action``) or the selected rows."""
    form = await request.form()
    single = str(form.get("single") or "")
    if single:
        suggestion_id, _, action = single.partition(":")
        ids = [int(suggestion_id)] if suggestion_id.isdigit() else []
    else:
        action = str(form.get("action") or "")
        ids = [int(v) for v in form.getlist("suggestion_ids")
               if isinstance(v, str) and v.isdigit()]
    if not ids:
        raise UsageError("select at least one merge suggestion")
    with session.begin():
        merge_review.decide_suggestions(session=session, suggestion_ids=ids, action=action,
                                  user=user)
    return _back(request)


@router.post("/review/suggestions/{suggestion_id}")
async def decide_suggestion(request: Request, suggestion_id: int,
                            user: User = Depends(page_editor),
                            session: Session = Depends(db)) -> Response:
    """One suggestion, answered with its decided row, and the rows of the suggestions the
    merge settled swapped out of band (htmx)."""
    form = await request.form()
    with session.begin():
        done = merge_review.decide_suggestion(session=session, suggestion_id=suggestion_id,
                                        action=str(form.get("action") or ""), user=user)
        settled = []
        for other_id, why in done["settled"].items():
            other = merge_review.get_suggestion(session=session, suggestion_id=other_id)
            settled.append({**other, "status": "settled", "settled_why": why})
    return render(request, "_suggestion_row.html", s=done, done=True, settled=settled,
                  user=user)


@router.post("/review/{claim_id}")
async def decide(request: Request, claim_id: int, user: User = Depends(page_editor),
                 session: Session = Depends(db)) -> Response:
    """One claim, answered with its updated row (htmx swaps it in)."""
    form = await request.form()
    action = str(form.get("action") or "")
    value = _text(form, f"value-{claim_id}") or _text(form, "value")
    version = _text(form, f"version-{claim_id}") or _text(form, "version")
    try:
        claim = _apply(session, claim_id, action, value, user, version)
    except Conflict as e:
        if not request.headers.get("hx-request"):
            raise  # a page with the message
        # htmx: the row as it stands now, with the message, in place (status 409)
        return render(request, "_claim_row.html", status_code=409, user=user,
                      c=_row(session, review.get_claim(session=session, claim_id=claim_id)),
                      done=False, conflict=str(e))
    return render(request, "_claim_row.html", c=_row(session, claim), done=True, user=user)


def _row(session: Session, claim: review.Claim) -> dict[str, Any]:
    """A claim as a queue row (with its article and subject)."""
    rows, _ = review.list_claims(session=session, subject_type=claim.subject_type,
                                 subject_id=claim.subject_id, field=claim.field,
                                 include_superseded=True, limit=200)
    return next((r for r in rows if r["id"] == claim.id), review.claim_dict(claim))
