"""The alerts page, its read marks and feed links, the Atom feed of alerts, and the dossier's
Track button.

The page is for signed-in users; each user has their own unread count (``store.monitor``'s
``AlertMark``). The feed is read by a feed reader, which cannot sign in: it carries a feed token
in its URL, one that opens the feed and nothing else, revocable from the page or with
``habeas feed revoke``. A GET never writes: alerts are made by ``habeas watch``, ``habeas
alerts`` and ``habeas digest``.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from jinja2 import pass_context
from sqlalchemy.orm import Session

from ..errors import AuthError, NotFound
from ..monitor import alerts, deliver
from ..store.accounts import User
from ..store.models import Person
from ..store.persons import canonical
from .deps import check_csrf, db, get_habeas, page_editor, page_reader
from .pages import PAGE_SIZE, pager, render

router = APIRouter(include_in_schema=False)


@router.get("/alerts")
def alerts_page(request: Request, offset: int = 0, user: User = Depends(page_reader),
                session: Session = Depends(db)) -> Response:
    return _page(request, session, user, max(0, offset))


def _page(request: Request, session: Session, user: User, offset: int,
          new_token: str | None = None) -> Response:
    rows, total = alerts.list_alerts(session=session, limit=PAGE_SIZE, offset=offset)
    seen = alerts.seen_upto(session=session, user=user)
    items = [{**deliver.alert_dict(a), "unread": a.id > seen} for a in rows]
    return render(request, "alerts.html", user=user, alerts=items,
                  latest=rows[0].id if rows and offset == 0 else None,
                  unread=alerts.unread(session=session, user=user),
                  tokens=alerts.list_feed_tokens(session=session, user=user),
                  new_token=new_token, pager=pager(request, total, offset))


@router.post("/alerts/read", dependencies=[Depends(check_csrf)])
def mark_read(request: Request, upto: int = Form(...),
              user: User = Depends(page_reader)) -> Response:
    """Everything up to alert ``upto`` (the newest the user saw on the page) is read: an
    alert that arrived after the page was shown stays unread."""
    with get_habeas(request).session(write=True) as session, session.begin():
        alerts.mark_read(session=session, user=user, upto=upto)
    return RedirectResponse("/alerts", status_code=303)


@router.post("/alerts/feed-tokens", dependencies=[Depends(check_csrf)])
def make_feed_token(request: Request, label: str = Form(""),
                    user: User = Depends(page_reader)) -> Response:
    """A new feed link, shown once on the page it returns."""
    with get_habeas(request).session(write=True) as session, session.begin():
        token = alerts.create_feed_token(session=session, user=user,
                                         label=label.strip()[:100] or None)
    with get_habeas(request).session() as session:
        return _page(request, session, user, 0,
                     new_token=f"{request.base_url}alerts.atom?token={token}")


@router.post("/alerts/feed-tokens/{token_id}/revoke", dependencies=[Depends(check_csrf)])
def revoke_feed_token(request: Request, token_id: int,
                      user: User = Depends(page_reader)) -> Response:
    with get_habeas(request).session(write=True) as session, session.begin():
        alerts.revoke_feed_token(session=session, token_id=token_id, user=user, by=user)
    return RedirectResponse("/alerts", status_code=303)


@router.post("/persons/{person_id}/track")
def track_person(request: Request, person_id: int, on: int = Form(...),
                 user: User = Depends(page_editor)) -> Response:
    """Track (``on=1``) or stop tracking (``on=0``) a person from their dossier."""
    with get_habeas(request).session(write=True) as session, session.begin():
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(f"person {person_id}")
        person = canonical(session, person)
        if on:
            alerts.track(session=session, name=person.name, person=person, by=user.name)
        elif alerts.is_tracked(session=session, person_id=person.id):
            alerts.untrack(session=session, name=person.name, by=user.name)
    return RedirectResponse(f"/persons/{person.id}", status_code=303)


@router.get("/alerts.atom")
def alerts_feed(request: Request, token: str = "") -> Response:
    """The newest alerts as Atom, for the user whose feed token is in the URL."""
    with get_habeas(request).session() as session:
        if alerts.feed_user(session=session, token=token) is None:
            raise AuthError("the feed token is missing, wrong or revoked")
        rows, _ = alerts.list_alerts(session=session, limit=deliver.FEED_ENTRIES)
        items = [deliver.alert_dict(a) for a in rows]
    body = deliver.atom_feed(items, feed_url=str(request.url), site_url=str(request.base_url))
    # Cache-Control: no-store and Referrer-Policy: no-referrer come with every answer
    # (``auth.SessionMiddleware``): the token in the URL is neither cached nor passed on.
    return Response(body, media_type="application/atom+xml")


def _read(habeas, context, read):
    """``read(session)`` in the route's own session when the page has one: a second session
    per page would hold two pooled connections per request, and 20 parallel clients would
    wait on each other for the pool's last ones."""
    request = context.get("request")
    session = getattr(getattr(request, "state", None), "db", None)
    if session is not None:
        return read(session)
    with habeas.session() as session:
        return read(session)


def tracked_check(habeas):
    """A template function: whether a person is tracked (the dossier's button)."""

    @pass_context
    def check(context, person_id: int) -> bool:
        return _read(habeas, context,
                     lambda session: alerts.is_tracked(session=session, person_id=person_id))

    return check


def unread_count(habeas):
    """A template function: the signed-in user's unread alerts (0 when signed out)."""

    @pass_context
    def count(context, user: User | None) -> int:
        if user is None:
            return 0
        return _read(habeas, context, lambda session: alerts.unread(session=session, user=user))

    return count
