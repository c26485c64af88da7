"""Dependencies shared by the pages and the API: the workspace, a session, the signed-in user.

Users are looked up in a short transaction of their own and come back detached (sessions keep
loaded objects after commit), so a route's own transaction holds only its work.
"""

from __future__ import annotations

from collections.abc import Iterator

import logging

from fastapi import Depends, HTTPException, Request
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..store import accounts, second_factor
from ..errors import AuthError, HabeasError
from ..store.accounts import User
from ..workspace import Habeas
from .auth import SAFE_METHODS, csrf_ok, session_of

log = logging.getLogger(__name__)


def get_habeas(request: Request) -> Habeas:
    return request.app.state.habeas


def db(request: Request) -> Iterator[Session]:
    """A session for the route; writes go in ``with session.begin():``. A GET reads only, so
    its session takes no lock; a POST's takes the write lock when its transaction begins."""
    write = request.method not in SAFE_METHODS
    with get_habeas(request).session(write=write) as session:
        request.state.db = session  # the page's template functions read in it too
        try:
            yield session
        finally:
            request.state.db = None


def session_user(request: Request) -> User | None:
    """The user of the signed session cookie, or None."""
    if hasattr(request.state, "user"):
        return request.state.user
    sid = session_of(request).get("sid")
    user = None
    if isinstance(sid, str):
        with get_habeas(request).session() as session:
            user = accounts.session_user(session=session, token=sid)
    request.state.user = user
    return user


def token_user(request: Request) -> User:
    """The user of the ``Authorization: Bearer`` token; 401 without a valid one."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("send an API token as 'Authorization: Bearer TOKEN'")
    habeas = get_habeas(request)
    with habeas.session() as session, session.begin():
        found = accounts.token_and_user(session=session, token=token.strip())
    if found is None:
        raise AuthError("the API token is not valid")
    row, user = found
    if request.method not in SAFE_METHODS and accounts.needs_touch(row):
        _touch(habeas, row.id)  # only a change notes the use: a read never writes
    request.state.user = user
    return user


def _touch(habeas: Habeas, token_id: int) -> None:
    """Note when a token was last used to change the record: at most once a minute per
    token, and never at the cost of the request (a busy store just skips it)."""
    try:
        with habeas.session(write=True) as session, session.begin():
            accounts.touch_token(session=session, token_id=token_id)
    except (HabeasError, SQLAlchemyError) as e:
        log.info("last use of token %s not recorded: %s", token_id, e)


def api_reader(user: User = Depends(token_user)) -> User:
    return accounts.require(user, "viewer", what="reading")


def api_editor(user: User = Depends(token_user)) -> User:
    return accounts.require(user, "editor", what="changing the record")


def api_admin(user: User = Depends(token_user)) -> User:
    return accounts.require(user, "admin", what="the audit log")


def page_reader(request: Request) -> User:
    """The signed-in user; to the login form without one, and to ``/account/totp`` when an
    admin requires a second factor they have not set up (sessions opened before the
    requirement included)."""
    from .app import LoginRequired, SecondFactorRequired

    user = session_user(request)
    if user is None:
        raise LoginRequired()
    if not second_factor.has_totp(user):
        with get_habeas(request).session() as session:
            if second_factor.required_for(session=session, user=user):
                raise SecondFactorRequired()
    return user


async def check_csrf(request: Request) -> None:
    if not await csrf_ok(request):
        raise HTTPException(403, "The form's CSRF token is missing or wrong: reload the page "
                                 "and try again.")


def page_editor(request: Request, _: None = Depends(check_csrf)) -> User:
    return accounts.require(page_reader(request), "editor", what="changing the record")


def page_admin(request: Request) -> User:
    return accounts.require(page_reader(request), "admin", what="this page")
