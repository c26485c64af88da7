"""The second factor: time-based one-time codes (TOTP, RFC 6238, through ``pyotp``).

Core code: no FastAPI here; keyword arguments after ``*``; the caller owns the transaction.
The secret is kept in the store (``users.totp_secret``), never in a cookie. Enrolment has two
steps: ``begin_enrolment`` makes a secret (shown once as an ``otpauth://`` URI and a QR code),
``confirm_enrolment`` puts it in force when the user types a code from their app, so a secret
that never reached an app cannot lock anybody out. A code is accepted once: the time step it
was made for is kept, and a code of that step or an older one is refused. An admin can require
a second factor for editors and admins (``set_required``); those without one are sent to enrol
after their password. Enrolment, disabling, the setting and every refused code are audited.
"""

from __future__ import annotations

import datetime as dt
import hmac
import re
from typing import Any

import pyotp
from sqlalchemy.orm import Session

from ..errors import UsageError
from .accounts import ROLE_RANK, AppSetting, User, audit
from .models import utcnow

ISSUER = "Habeas"
# Codes of this many time steps (30 s each) before or after now are accepted: clocks drift.
VALID_WINDOW = 1
# The app_settings row saying whether editors and admins must have a second factor.
REQUIRED_SETTING = "require_totp"
# The lowest role the requirement applies to (editors and admins).
REQUIRED_FROM_ROLE = "editor"
_CODE = re.compile(r"\d{6}")


def has_totp(user: User) -> bool:
    """Whether the user's second factor is in force."""
    return bool(user.totp_secret) and user.totp_confirmed_at is not None


def required(*, session: Session) -> bool:
    """Whether an admin requires a second factor for editors and admins."""
    row = session.get(AppSetting, REQUIRED_SETTING)
    return row is not None and row.value == "1"


def set_required(*, session: Session, value: bool, by: User | str | None = None) -> None:
    before = required(session=session)
    row = session.get(AppSetting, REQUIRED_SETTING)
    if row is None:
        session.add(AppSetting(key=REQUIRED_SETTING, value="1" if value else "0"))
    else:
        row.value = "1" if value else "0"
    session.flush()
    audit(session=session, user=by, action="settings.require_totp", object_type="setting",
          object_id=REQUIRED_SETTING, before={"required": before}, after={"required": value})


def required_for(*, session: Session, user: User) -> bool:
    """Whether this user must have a second factor (the setting is on and they are an editor
    or an admin)."""
    return (ROLE_RANK.get(user.role, -1) >= ROLE_RANK[REQUIRED_FROM_ROLE]
            and required(session=session))


def next_step(*, session: Session, user: User) -> str | None:
    """What sign-in asks after a right password: "code", "enrol" or nothing (None)."""
    if has_totp(user):
        return "code"
    if required_for(session=session, user=user):
        return "enrol"
    return None


def begin_enrolment(*, session: Session, user: User) -> str:
    """A new secret for ``user``, kept but not yet in force; returns it (to be shown once).
    A user with a second factor in force must disable it first."""
    if has_totp(user):
        raise UsageError(f"{user.name} already has a second factor; disable it first")
    user.totp_secret = pyotp.random_base32()
    user.totp_confirmed_at = None
    user.totp_last_step = None
    session.flush()
    return user.totp_secret


def pending_secret(user: User) -> str | None:
    """The secret of an enrolment begun and not yet confirmed."""
    return user.totp_secret if user.totp_secret and user.totp_confirmed_at is None else None


def provisioning_uri(user: User, secret: str) -> str:
    """The ``otpauth://totp/...`` URI an authenticator app reads (as text or a QR code)."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.name, issuer_name=ISSUER)


def qr_svg(uri: str) -> str | None:
    """The URI as an SVG QR code (``segno``), or None when segno is not installed."""
    try:
        import segno
    except ImportError:  # the text secret and URI still work
        return None
    return segno.make(uri, error="m").svg_inline(scale=4, omitsize=False)


def qr_text(uri: str) -> str | None:
    """The URI as a QR code drawn with characters, for a terminal, or None without segno."""
    try:
        import io

        import segno
    except ImportError:
        return None
    out = io.StringIO()
    segno.make(uri, error="m").terminal(out=out, compact=True)
    return out.getvalue()


def _matching_step(secret: str, code: str, *, now: dt.datetime) -> int | None:
    """The time step ``code`` was made for, within the window around ``now``, else None."""
    code = "".join(code.split())
    if not _CODE.fullmatch(code):
        return None
    totp = pyotp.TOTP(secret)
    here = totp.timecode(now)
    for step in range(here - VALID_WINDOW, here + VALID_WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _check(session: Session, user: User, secret: str, code: str, *, purpose: str,
           now: dt.datetime | None) -> bool:
    step = _matching_step(secret, code, now=now or utcnow())
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        audit(session=session, user=user, action="user.totp_failed", object_type="user",
              object_id=user.id, before=None,
              after={"purpose": purpose, "reused": step is not None})
        return False
    user.totp_last_step = step
    session.flush()
    return True


def confirm_enrolment(*, session: Session, user: User, code: str,
                      now: dt.datetime | None = None) -> bool:
    """Put the pending secret in force if ``code`` comes from it; False (audited) if not."""
    secret = pending_secret(user)
    if secret is None:
        raise UsageError("no enrolment is waiting for a code: begin one first")
    if not _check(session, user, secret, code, purpose="enrol", now=now):
        return False
    user.totp_confirmed_at = utcnow()
    session.flush()
    audit(session=session, user=user, action="user.totp_enrol", object_type="user",
          object_id=user.id, before={"totp": False}, after={"totp": True})
    return True


def verify(*, session: Session, user: User, code: str, now: dt.datetime | None = None) -> bool:
    """Whether ``code`` is a fresh code of the user's second factor (a refusal is audited)."""
    if not has_totp(user):
        return False
    return _check(session, user, user.totp_secret or "", code, purpose="sign-in", now=now)


def disable(*, session: Session, user: User, by: User | str | None = None) -> bool:
    """Remove the user's second factor (and any pending enrolment); whether there was one."""
    had = has_totp(user)
    user.totp_secret = None
    user.totp_confirmed_at = None
    user.totp_last_step = None
    session.flush()
    audit(session=session, user=by, action="user.totp_disable", object_type="user",
          object_id=user.id, before={"totp": had}, after={"totp": False})
    return had


def enrol_now(*, session: Session, user: User, by: User | str | None = None) -> str:
    """Begin and confirm at once (an admin on the command line hands the secret over)."""
    secret = begin_enrolment(session=session, user=user)
    user.totp_confirmed_at = utcnow()
    session.flush()
    audit(session=session, user=by, action="user.totp_enrol", object_type="user",
          object_id=user.id, before={"totp": False}, after={"totp": True})
    return secret


def status(*, session: Session, users: list[User]) -> dict[str, Any]:
    """The setting and who has a second factor."""
    return {"required": required(session=session),
            "users": [{"name": u.name, "role": u.role, "totp": has_totp(u),
                       "required": required_for(session=session, user=u)} for u in users]}
