"""Reviewing claims (the queue, accept, reject, edit, in bulk), every decision audited. Merge
suggestions are reviewed through ``habeas.resolve.review`` (accepting one is a merge, which is
resolution's work).

Core code: no FastAPI here; keyword arguments after ``*``; the caller owns the transaction.
Nothing is overwritten: accepting or rejecting sets a claim's review status; editing writes a
NEW claim (status ``edited``, ``supersedes_id`` pointing at the old one) and leaves the old
claim as it was, so the history of a fact is kept. ``events`` holds what the claims say for
fast listing: a decision or edit of an event's claim derives the event's listed values and
persons again from its live claims at once (``tally.reviewed``), so what is listed is always
what the claims a reviewer left give; an edit of its type or negation (not derived: what its
reports are matched on) sets that column.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import Conflict, NotFound, UsageError
from ..model import EVENT_TYPES, RELEASE_MODES
from .accounts import User, audit
from .crud import date_precision
from .models import Article, Claim, Event, Person, utcnow
from .tally import reviewed

ACTIONS = ("accept", "reject")
# Claim fields an editor may not edit by hand (persons are changed by merging and splitting).
NOT_EDITABLE = ("persons", "extras")
INT_FIELDS = ("term_months", "age")
BOOL_FIELDS = ("negated", "hedged")
# The event columns an edited claim updates.
EVENT_COLUMNS = ("type", "date", "place", "agent", "charge", "term_months", "release_mode",
                 "negated", "hedged", "attributed_to")
# Of those, the ones an edit sets as it is (an event's type and negation are what its reports
# are matched on, not derived from its claims); the others are derived again from the live
# claims at every decision and edit (``tally.reviewed``).
SET_COLUMNS = ("type", "negated")
# Bulk actions take at most this many claims at once.
MAX_BULK = 500
EDITOR_NAME = "reviewer"
# Hex digits of a claim's version token (``claim_version``).
VERSION_LENGTH = 16


def claim_dict(claim: Claim, *, article: Article | None = None,
               subject: str | None = None) -> dict[str, Any]:
    out = {
        "id": claim.id, "subject_type": claim.subject_type, "subject_id": claim.subject_id,
        "field": claim.field, "value": claim.value, "article_id": claim.article_id,
        "start_char": claim.start_char, "end_char": claim.end_char, "sentence": claim.sentence,
        "attributed_to": claim.attributed_to, "extractor": claim.extractor,
        "extractor_version": claim.extractor_version, "rules_version": claim.rules_version,
        "rules_hash": claim.rules_hash, "confidence": claim.confidence,
        "status": claim.status, "reviewed_by": claim.reviewed_by,
        "reviewed_at": claim.reviewed_at.isoformat() if claim.reviewed_at else None,
        "supersedes_id": claim.supersedes_id, "version": claim_version(claim),
    }
    if article is not None:
        out["article_title"] = article.title
        out["article_published"] = article.published
    if subject is not None:
        out["subject"] = subject
    return out


def _subjects(session: Session, claims: list[Claim]) -> dict[tuple[str, int], str]:
    """A label for each claim's subject: a person's name, or "sentence 2017-09-11"."""
    person_ids = {c.subject_id for c in claims if c.subject_type == "person"}
    event_ids = {c.subject_id for c in claims if c.subject_type == "event"}
    labels: dict[tuple[str, int], str] = {}
    if person_ids:
        for pid, name in session.execute(select(Person.id, Person.name)
                                          .where(Person.id.in_(person_ids))):
            labels[("person", pid)] = name
    if event_ids:
        for eid, type_, date in session.execute(select(Event.id, Event.type, Event.date)
                                                .where(Event.id.in_(event_ids))):
            labels[("event", eid)] = f"{type_} {date or 'undated'}"
    return labels


def list_claims(*, session: Session, status: str | None = None, field: str | None = None,
                subject_type: str | None = None, subject_id: int | None = None,
                article_id: int | None = None, include_superseded: bool = False,
                limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Claims by id with their article and subject label, and how many match in all.

    Superseded claims (an edit replaced them) are left out unless ``include_superseded``.
    """
    query = select(Claim)
    if status is not None:
        query = query.where(Claim.status == status)
    if field is not None:
        query = query.where(Claim.field == field)
    if subject_type is not None:
        query = query.where(Claim.subject_type == subject_type)
    if subject_id is not None:
        query = query.where(Claim.subject_id == subject_id)
    if article_id is not None:
        query = query.where(Claim.article_id == article_id)
    if not include_superseded:
        superseded = select(Claim.supersedes_id).where(Claim.supersedes_id.is_not(None))
        query = query.where(Claim.id.not_in(superseded))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    claims = list(session.scalars(query.order_by(Claim.id).limit(limit).offset(offset)))
    articles = {a.id: a for a in session.scalars(
        select(Article).where(Article.id.in_({c.article_id for c in claims if c.article_id})))}
    labels = _subjects(session, claims)
    rows = [claim_dict(c, article=articles.get(c.article_id or -1),
                       subject=labels.get((c.subject_type, c.subject_id), "(gone)"))
            for c in claims]
    return rows, total


def review_queue(*, session: Session, field: str | None = None,
                 subject_type: str | None = None, article_id: int | None = None,
                 limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """The claims nobody has reviewed yet, oldest first."""
    return list_claims(session=session, status="proposed", field=field,
                       subject_type=subject_type, article_id=article_id, limit=limit,
                       offset=offset)


def get_claim(*, session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"claim {claim_id}")
    return claim


def claim_version(claim: Claim) -> str:
    """The review state a page or an API client saw (status, by whom, when), as a short
    token: a decision sent with it applies only if the claim is still in that state."""
    stamp = claim.reviewed_at.isoformat() if claim.reviewed_at else ""
    state = f"{claim.status}|{claim.reviewed_by or ''}|{stamp}"
    return hashlib.sha256(state.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


def _check_current(session: Session, claim: Claim, version: str | None = None) -> None:
    """Refuse a decision on a claim an edit replaced (409 if the sender saw an older state),
    made on a state the claim is no longer in (``version``), or, without a version, one that
    would overturn a decision already taken: a stale page never silently overturns."""
    newer = session.scalar(select(Claim.id).where(Claim.supersedes_id == claim.id).limit(1))
    if newer is not None:
        error = Conflict if version else UsageError
        raise error(f"claim {claim.id} was replaced by claim {newer}; review that one")
    if version is None and claim.status == "proposed":
        return
    if version != claim_version(claim):
        when = claim.reviewed_at.strftime("%Y-%m-%d %H:%M UTC") if claim.reviewed_at else ""
        seen = "after the page you decided on was loaded" if version else \
            "(send the claim's version to change a decision)"
        raise Conflict(f"claim {claim.id} is {claim.status}"
                       f"{f' by {claim.reviewed_by}' if claim.reviewed_by else ''}"
                       f"{f' since {when}' if when else ''} {seen}; nothing was changed")


def decide(*, session: Session, claim_id: int, action: str, user: User,
           version: str | None = None) -> Claim:
    """Accept or reject one claim seen in state ``version`` (``claim_version``; None: seen
    proposed); the decision goes to the audit log. ``Conflict`` if the claim moved on."""
    if action not in ACTIONS:
        raise UsageError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    claim = get_claim(session=session, claim_id=claim_id)
    _check_current(session, claim, version)
    before = claim_dict(claim)
    was_live = claim.status != "rejected"
    claim.status = "accepted" if action == "accept" else "rejected"
    claim.reviewed_by = user.name
    claim.reviewed_at = utcnow()
    session.flush()
    changed: dict[str, Any] = {}
    if was_live != (claim.status != "rejected"):  # its event counts it, or no longer
        changed = reviewed(session, removed=claim if was_live else None,
                           added=None if was_live else claim)
    audit(session=session, user=user, action=f"claim.{action}", object_type="claim",
          object_id=claim.id, before=before, after=claim_dict(claim))
    _audit_event(session, claim.subject_id if claim.subject_type == "event" else None, changed,
                 user)
    return claim


def decide_many(*, session: Session, claim_ids: list[int], action: str, user: User,
                versions: dict[int, str] | None = None) -> list[Claim]:
    """Accept or reject several claims (one audit entry each), each seen in its state of
    ``versions`` (by id); one that moved on fails the whole batch."""
    if len(claim_ids) > MAX_BULK:
        raise UsageError(f"at most {MAX_BULK} claims at once, not {len(claim_ids)}")
    versions = versions or {}
    return [decide(session=session, claim_id=cid, action=action, user=user,
                   version=versions.get(cid)) for cid in dict.fromkeys(claim_ids)]


def parse_value(field: str, text: Any) -> Any:
    """A claim value from what an editor typed, checked for its field."""
    if field in NOT_EDITABLE:
        raise UsageError(f"the {field} of a claim cannot be edited by hand")
    if not isinstance(text, str):
        value = text
    else:
        text = text.strip()
        if field in INT_FIELDS:
            try:
                value = int(text)
            except ValueError as e:
                raise UsageError(f"{field} must be a whole number, not {text!r}") from e
        elif field in BOOL_FIELDS:
            if text.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise UsageError(f"{field} must be true or false, not {text!r}")
            value = text.lower() in ("true", "yes", "1")
        else:
            value = text or None
    if value is None:
        raise UsageError(f"a value for {field} is needed")
    if field == "date":
        date_precision(value)  # raises StoreError for a bad date
    if field == "type" and value not in EVENT_TYPES:
        raise UsageError(f"unknown event type {value!r}")
    if field == "release_mode" and value not in RELEASE_MODES:
        raise UsageError(f"unknown release mode {value!r}; one of {', '.join(RELEASE_MODES)}")
    return value


def edit_claim(*, session: Session, claim_id: int, value: Any, user: User,
               version: str | None = None) -> Claim:
    """A new claim with ``value`` that supersedes ``claim_id``; the old claim is kept as is.
    ``version`` as for ``decide``."""
    old = get_claim(session=session, claim_id=claim_id)
    _check_current(session, old, version)
    value = parse_value(old.field, value)
    now = utcnow()
    new = Claim(
        subject_type=old.subject_type, subject_id=old.subject_id, field=old.field, value=value,
        article_id=old.article_id, start_char=old.start_char, end_char=old.end_char,
        sentence=old.sentence, attributed_to=old.attributed_to, extractor=EDITOR_NAME,
        extractor_version=f"{EDITOR_NAME}:{user.name}", confidence=1.0, status="edited",
        reviewed_by=user.name, reviewed_at=now, supersedes_id=old.id,
    )
    session.add(new)
    session.flush()
    # the new claim is live, the old one no longer (if it was: not rejected); a derived field's
    # listed value is derived again (``reviewed``), the type and negation are set
    changed = reviewed(session, removed=old if old.status != "rejected" else None, added=new)
    audit(session=session, user=user, action="claim.edit", object_type="claim",
          object_id=old.id, before=claim_dict(old), after=claim_dict(new))
    if old.subject_type == "event" and old.field in SET_COLUMNS:
        event = session.get(Event, old.subject_id)
        if event is not None and getattr(event, old.field) != value:
            changed[old.field] = (getattr(event, old.field), value)
            setattr(event, old.field, value)
            session.flush()
    _audit_event(session, old.subject_id if old.subject_type == "event" else None, changed, user)
    return new


def _audit_event(session: Session, event_id: int | None, changed: dict[str, Any],
                 user: User) -> None:
    """The audit entry of what a review changed in an event's listed values and persons."""
    if event_id is None or not changed:
        return
    audit(session=session, user=user, action="event.update", object_type="event",
          object_id=event_id, before={field: b for field, (b, _) in changed.items()},
          after={field: a for field, (_, a) in changed.items()})


def claim_history(*, session: Session, claim_id: int) -> list[dict[str, Any]]:
    """The chain of claims from the first extracted value to the newest edit."""
    claim = get_claim(session=session, claim_id=claim_id)
    while claim.supersedes_id is not None:
        older = session.get(Claim, claim.supersedes_id)
        if older is None:
            break
        claim = older
    chain = [claim]
    while True:
        newer = session.scalar(select(Claim).where(Claim.supersedes_id == chain[-1].id)
                               .order_by(Claim.id).limit(1))
        if newer is None or len(chain) > 100:
            break
        chain.append(newer)
    return [claim_dict(c) for c in chain]
