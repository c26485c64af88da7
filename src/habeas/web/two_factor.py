"""The second sign-in step and the second-factor pages: the code after the password
(``/login/code``), enrolment (``/account/totp``: a secret shown as a QR code and as text, put in
force by a first code), disabling it, and the admin's "required for editors and admins".

Each route reads its input and calls ``store.second_factor``; nothing here decides what a valid
code is. A GET never writes: enrolment begins with a POST. Wrong codes count against a limit
per user and per address, like passwords, and are audited by the core.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..errors import AuthError, UsageError
from ..store import accounts, second_factor
from ..store.accounts import User
from .auth import pending_second_step, sign_in
from .deps import check_csrf, get_habeas, page_admin, session_user
from .pages import render, start_web_session

router = APIRouter(include_in_schema=False)


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


def _pending_user(request: Request, step: str) -> User | None:
    pending = pending_second_step(request)
    if pending is None or pending.get("step") != step:
        return None
    with get_habeas(request).session() as session:
        return accounts.get_user(session=session, user_id=pending["uid"])


def _enrolling_user(request: Request) -> tuple[User, bool]:
    """The user setting up a second factor: signed in, or half-way through a sign-in that
    requires enrolment (then True)."""
    user = session_user(request)
    if user is not None:
        return user, False
    user = _pending_user(request, "enrol")
    if user is None:
        raise AuthError("sign in first")
    return user, True


def _finish_sign_in(request: Request, session, user: User, **how) -> tuple[str, str]:
    """Start the session of a user who has just passed the last step; its id and where to."""
    next_path = (pending_second_step(request) or {}).get("next") or "/"
    sid = start_web_session(session, user, _address(request), **how)
    return sid, next_path


# ----------------------------------------------------------------------------- sign-in code

@router.get("/login/code")
def code_form(request: Request) -> Response:
    user = _pending_user(request, "code")
    if user is None:
        return RedirectResponse("/login", status_code=303)
    return render(request, "login_code.html", who=user.name, error=None, user=None)


@router.post("/login/code", dependencies=[Depends(check_csrf)])
def code(request: Request, code: str = Form(...)) -> Response:
    pending = pending_second_step(request)
    if pending is None or pending.get("step") != "code":
        return RedirectResponse("/login", status_code=303)
    limiter = request.app.state.code_limiter
    address = _address(request)
    with get_habeas(request).session(write=True) as session, session.begin():
        user = accounts.get_user(session=session, user_id=pending["uid"])
        if user is None:
            return RedirectResponse("/login", status_code=303)
        limiter.check(user.name, address)
        ok = second_factor.verify(session=session, user=user, code=code)
        if ok:
            sid = start_web_session(session, user, address, second_factor=True)
    if not ok:
        limiter.failed(user.name, address)
        return render(request, "login_code.html", status_code=401, who=user.name,
                      error="Wrong or already used code.", user=None)
    limiter.succeeded(user.name, address)
    sign_in(request, sid)
    return RedirectResponse(pending.get("next") or "/", status_code=303)


# ----------------------------------------------------------------------------- enrolment

@router.get("/account/totp")
def account(request: Request) -> Response:
    try:
        user, signing_in = _enrolling_user(request)
    except AuthError:
        return RedirectResponse("/login", status_code=303)
    with get_habeas(request).session() as session:
        fresh = accounts.get_user(session=session, user_id=user.id)
        must = second_factor.required_for(session=session, user=fresh)
    secret = second_factor.pending_secret(fresh)
    uri = second_factor.provisioning_uri(fresh, secret) if secret else None
    return render(request, "account_totp.html", who=fresh, signing_in=signing_in,
                  enabled=second_factor.has_totp(fresh), must=must, secret=secret, uri=uri,
                  qr=second_factor.qr_svg(uri) if uri else None, error=None,
                  user=None if signing_in else user)


@router.post("/account/totp/begin", dependencies=[Depends(check_csrf)])
def begin(request: Request) -> Response:
    user, _ = _enrolling_user(request)
    with get_habeas(request).session(write=True) as session, session.begin():
        second_factor.begin_enrolment(
            session=session, user=accounts.get_user(session=session, user_id=user.id))
    return RedirectResponse("/account/totp", status_code=303)


@router.post("/account/totp/confirm", dependencies=[Depends(check_csrf)])
def confirm(request: Request, code: str = Form(...)) -> Response:
    user, signing_in = _enrolling_user(request)
    limiter = request.app.state.code_limiter
    address = _address(request)
    limiter.check(user.name, address)
    with get_habeas(request).session(write=True) as session, session.begin():
        fresh = accounts.get_user(session=session, user_id=user.id)
        ok = second_factor.confirm_enrolment(session=session, user=fresh, code=code)
        if ok and signing_in:
            sid, next_path = _finish_sign_in(request, session, fresh, second_factor=True)
    if not ok:
        limiter.failed(user.name, address)
        secret = second_factor.pending_secret(fresh)
        uri = second_factor.provisioning_uri(fresh, secret) if secret else None
        return render(request, "account_totp.html", status_code=401, who=fresh,
                      signing_in=signing_in, enabled=False, must=False, secret=secret, uri=uri,
                      qr=second_factor.qr_svg(uri) if uri else None,
                      error="Wrong or already used code: type the code your app shows now.",
                      user=None if signing_in else user)
    limiter.succeeded(user.name, address)
    if signing_in:
        sign_in(request, sid)
        return RedirectResponse(next_path, status_code=303)
    return RedirectResponse("/account/totp", status_code=303)


@router.post("/account/totp/disable", dependencies=[Depends(check_csrf)])
def disable(request: Request, code: str = Form(...)) -> Response:
    """Turn one's own second factor off, with a current code; refused where it is required."""
    user = session_user(request)
    if user is None:
        return RedirectResponse("/login", status_code=303)
    limiter = request.app.state.code_limiter
    address = _address(request)
    limiter.check(user.name, address)
    with get_habeas(request).session(write=True) as session, session.begin():
        fresh = accounts.get_user(session=session, user_id=user.id)
        if second_factor.required_for(session=session, user=fresh):
            raise UsageError("an admin requires a second factor for editors and admins")
        ok = second_factor.verify(session=session, user=fresh, code=code)
        if ok:
            second_factor.disable(session=session, user=fresh, by=fresh)
    if not ok:
        limiter.failed(user.name, address)
        raise AuthError("wrong or already used code: the second factor stays on")
    return RedirectResponse("/account/totp", status_code=303)


@router.post("/admin/settings/totp", dependencies=[Depends(check_csrf)])
def require(request: Request, required: str = Form(""),
            admin: User = Depends(page_admin)) -> Response:
    """Require (or stop requiring) a second factor for editors and admins."""
    with get_habeas(request).session(write=True) as session, session.begin():
        second_factor.set_required(session=session, value=required == "on", by=admin)
    return RedirectResponse("/admin", status_code=303)
