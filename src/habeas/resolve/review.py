"""A reviewer's decisions on merge suggestions (the web app's review pages and API): the
suggestions waiting, one described, accepted (a merge, through ``resolve.persons``) or rejected,
each decision in the audit log. Resolution's side of reviewing; the claims' side (editing,
accepting, rejecting what a report said) is ``store.review``'s.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFound, UsageError
from ..store.accounts import User, audit
from ..store.models import Person
from ..store.resolution import Merge, Suggestion
from ..store.review import ACTIONS, MAX_BULK
from . import persons as resolution
from .persons import describe_suggestion, suggestion_page


def list_suggestions(*, session: Session, limit: int = 50,
                     offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """The merge suggestions waiting for a reviewer, best first, and how many there are."""
    return suggestion_page(session, limit=limit, offset=offset)


def _get_suggestion(session: Session, suggestion_id: int) -> Suggestion:
    row = session.get(Suggestion, suggestion_id)
    if row is None:
        raise NotFound(f"suggestion {suggestion_id}")
    return row


def get_suggestion(*, session: Session, suggestion_id: int) -> dict[str, Any]:
    """One suggestion, pending or decided, with both persons as they stand now."""
    return describe_suggestion(session, _get_suggestion(session, suggestion_id))


def _person_state(session: Session, person_id: int) -> dict[str, Any]:
    person = session.get(Person, person_id)
    return {"id": person.id, "name": person.name, "merged_into_id": person.merged_into_id}


def _suggestion_state(session: Session, row: Suggestion) -> dict[str, Any]:
    return {"id": row.id, "status": row.status, "score": row.score, "reason": row.reason,
            "reviewed_by": row.reviewed_by,
            "reviewed_at": row.reviewed_at.isoformat() if row.reviewed_at else None,
            "person": _person_state(session, row.person_id),
            "candidate": _person_state(session, row.candidate_id)}


def decide_suggestion(*, session: Session, suggestion_id: int, action: str,
                      user: User) -> dict[str, Any]:
    """Accept (merge the two persons, through ``resolve.persons.review_suggestion``) or reject
    (keep them apart for good) one pending merge suggestion; the decision goes to the audit
    log. Returns the suggestion as the reviewer saw it, its new status, the merge made
    (``merge_id``, ``into_id``: undo with ``habeas merge --undo``) and the other pending
    suggestions the merge settled (``settled``: id -> why)."""
    if action not in ACTIONS:
        raise UsageError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    row = _get_suggestion(session, suggestion_id)
    # review_suggestion refuses a decided or settled suggestion (Conflict, 409)
    shown = resolution.describe_suggestion(session, row)
    before = _suggestion_state(session, row)
    resolution.review_suggestion(session, row.id, accept=action == "accept", by=user.name)
    after = _suggestion_state(session, row)
    merge_id = into_id = None
    settled_now: dict[int, str] = {}
    if action == "accept":
        merge_id, into_id = session.execute(
            select(Merge.id, Merge.into_id).where(
                Merge.action == "merge", Merge.person_id == shown["person_id"],
                Merge.into_id == shown["candidate_id"], Merge.undone_at.is_(None))
            .order_by(Merge.id.desc()).limit(1)).one()
        after["merge_id"] = merge_id
        settled_now = resolution.settled_suggestions(session, session.get(Person, into_id))
    audit(session=session, user=user, action=f"suggestion.{action}", object_type="suggestion",
          object_id=row.id, before=before, after=after)
    return {**shown, "status": row.status, "reviewed_by": row.reviewed_by,
            "reviewed_at": after["reviewed_at"], "merge_id": merge_id, "into_id": into_id,
            "settled": settled_now}


def decide_suggestions(*, session: Session, suggestion_ids: list[int], action: str,
                       user: User) -> list[dict[str, Any]]:
    """Accept or reject several suggestions in turn (one audit entry each). One that an
    earlier one settled cannot be accepted: the whole batch fails and nothing changes."""
    if len(suggestion_ids) > MAX_BULK:
        raise UsageError(f"at most {MAX_BULK} suggestions at once, not {len(suggestion_ids)}")
    return [decide_suggestion(session=session, suggestion_id=sid, action=action, user=user)
            for sid in dict.fromkeys(suggestion_ids)]
