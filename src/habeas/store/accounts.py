"""Accounts: users with argon2-hashed passwords and roles, API tokens, the audit log, and the
web app's secret key.

Core code: no FastAPI here. Every function takes keyword arguments after ``*`` and never
commits; the caller owns the transaction. A token is shown once when made and only its SHA-256
is stored, so a copy of the database gives no working token. The audit log records who did what
to which object, with the object before and after, for every change made through the web app or
the API.

The tables are declared on the same ``Base`` as ``models.py`` and created by the migration
``0002_accounts``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import (CheckConstraint, ForeignKey, Index, Integer, String, Text, delete, func,
                        select)
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..errors import AuthError, Forbidden, HabeasError, UsageError
from .models import NO_REUSE, Base, JSONText, UTCDateTime, _in, utcnow

ROLES = ("admin", "editor", "viewer")
# What each role may do: viewers read, editors review and ingest, admins also see the audit
# log and manage users.
ROLE_RANK = {"viewer": 0, "editor": 1, "admin": 2}
# Shortest password accepted by ``add_user``.
MIN_PASSWORD_LENGTH = 8
# Bytes of randomness in an API token and in a generated secret key.
TOKEN_BYTES = 32
SECRET_KEY_SETTING = "secret_key"
TOKEN_PREFIX = "hb_"
# An API token's last use for a change is written at most this often; a read never writes it.
TOKEN_TOUCH_SECONDS = 60

_hasher = PasswordHasher()


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True, index=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The second factor (``second_factor``, migration ``0005_totp``): the TOTP secret, set when
    # enrolment begins and in force once ``totp_confirmed_at`` is; the last time step a code
    # was accepted for, so a code works once.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    totp_last_step: Mapped[int | None] = mapped_column(Integer)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.name!r} {self.role}>"


class ApiToken(Base):
    __tablename__ = "api_tokens"
    __table_args__ = NO_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    label: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class WebSession(Base):
    """A signed-in browser: the cookie holds the plain id, the store its SHA-256."""
    __tablename__ = "sessions"
    __table_args__ = NO_REUSE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_object", "object_type", "object_id"), NO_REUSE)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_name: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[Any] = mapped_column(JSONText, nullable=True)
    after: Mapped[Any] = mapped_column(JSONText, nullable=True)


class AppSetting(Base):
    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# ----------------------------------------------------------------------------- users

def hash_password(password: str) -> str:
    return _hasher.hash(password)


def add_user(*, session: Session, name: str, password: str, role: str) -> User:
    """A new user; ``UsageError`` for a bad role, a short password or a taken name."""
    name = name.strip()
    if not name:
        raise UsageError("a user needs a name")
    if role not in ROLES:
        raise UsageError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if get_user(session=session, name=name) is not None:
        raise UsageError(f"there is already a user called {name!r}")
    user = User(name=name, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    audit(session=session, user=None, action="user.add", object_type="user",
          object_id=user.id, before=None, after=user_dict(user))
    return user


def get_user(*, session: Session, name: str | None = None,
             user_id: int | None = None) -> User | None:
    if user_id is not None:
        return session.get(User, user_id)
    return session.scalar(select(User).where(User.name == (name or "").strip()))


def list_users(*, session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.name)))


def user_dict(user: User) -> dict[str, Any]:
    return {"id": user.id, "name": user.name, "role": user.role,
            "totp": user.totp_confirmed_at is not None}


def authenticate(*, session: Session, name: str, password: str) -> User | None:
    """The user if ``password`` is theirs, else None (the same answer for an unknown name)."""
    user = get_user(session=session, name=name)
    if user is None:
        # Hash anyway, so an unknown name takes as long as a wrong password.
        _hasher.hash(password)
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def may(user: User | None, role: str) -> bool:
    """Whether ``user`` has at least ``role``."""
    return user is not None and ROLE_RANK.get(user.role, -1) >= ROLE_RANK[role]


def require(user: User | None, role: str, *, what: str = "this") -> User:
    if user is None:
        raise AuthError("sign in first")
    if not may(user, role):
        raise Forbidden(f"{what} needs the {role} role; {user.name} is {user.role}")
    return user


# ----------------------------------------------------------------------------- tokens

def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(*, session: Session, user: User, label: str | None = None) -> str:
    """A new API token for ``user``; the plain token is returned once and never stored."""
    return issue_token(session=session, user=user, label=label, model=ApiToken,
                       prefix=TOKEN_PREFIX, action="token.create")


def issue_token(*, session: Session, user: User, label: str | None, model: type,
                prefix: str, action: str) -> str:
    """A new secret of ``model`` (an API or a feed token) for ``user``: only its SHA-256 is
    kept, the creation is audited, and the plain token is returned once."""
    token = prefix + secrets.token_urlsafe(TOKEN_BYTES)
    row = model(user_id=user.id, token_hash=_digest(token), label=label)
    session.add(row)
    session.flush()
    audit(session=session, user=None, action=action, object_type="user",
          object_id=user.id, before=None, after={"token_id": row.id, "label": label})
    return token


def token_and_user(*, session: Session, token: str) -> tuple[ApiToken, User] | None:
    """The token's row and the user it belongs to, or None for an unknown token. Reads only:
    ``touch_token`` notes the use."""
    if not token:
        return None
    found = session.execute(select(ApiToken, User)  # one statement, not two
                            .join(User, User.id == ApiToken.user_id)
                            .where(ApiToken.token_hash == _digest(token))).first()
    return (found[0], found[1]) if found is not None else None


def needs_touch(row: ApiToken, *, now: dt.datetime | None = None) -> bool:
    """Whether the token's ``last_used_at`` is older than ``TOKEN_TOUCH_SECONDS``."""
    last = row.last_used_at
    return last is None or ((now or utcnow()) - last).total_seconds() >= TOKEN_TOUCH_SECONDS


def touch_token(*, session: Session, token_id: int) -> None:
    row = session.get(ApiToken, token_id)
    if row is not None and needs_touch(row):
        row.last_used_at = utcnow()
        session.flush()


def user_for_token(*, session: Session, token: str) -> User | None:
    """The user a token belongs to, or None for an unknown token (reads only)."""
    found = token_and_user(session=session, token=token)
    return found[1] if found else None


# ----------------------------------------------------------------------------- sessions

def start_session(*, session: Session, user: User, seconds: int) -> str:
    """A new web session for ``user`` lasting ``seconds``; its id is returned once."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(WebSession(token_hash=_digest(token), user_id=user.id,
                           expires_at=utcnow() + dt.timedelta(seconds=seconds)))
    session.flush()
    return token


def session_user(*, session: Session, token: str) -> User | None:
    """The user of a live web session, or None (unknown, ended or expired). Reads only."""
    if not token:
        return None
    row = session.execute(select(User, WebSession.expires_at)  # one statement, not two
                          .join(WebSession, WebSession.user_id == User.id)
                          .where(WebSession.token_hash == _digest(token))).first()
    if row is None or row.expires_at <= utcnow():
        return None
    return row[0]


def end_session(*, session: Session, token: str) -> None:
    session.execute(delete(WebSession).where(WebSession.token_hash == _digest(token)))


def end_sessions(*, session: Session, user: User, by: User | str | None = None) -> int:
    """End every web session of ``user`` (and expired ones of anybody); how many of theirs."""
    ended = session.execute(delete(WebSession).where(WebSession.user_id == user.id)).rowcount
    session.execute(delete(WebSession).where(WebSession.expires_at <= utcnow()))
    audit(session=session, user=by, action="user.sessions_ended", object_type="user",
          object_id=user.id, before=None, after={"sessions": ended})
    return ended


# ----------------------------------------------------------------------------- audit

def audit(*, session: Session, user: User | str | None, action: str, object_type: str,
          object_id: Any, before: Any, after: Any) -> AuditEntry:
    """Record one change. ``user`` is the user, a name, or None for the command line."""
    name = user.name if isinstance(user, User) else (user or "cli")
    entry = AuditEntry(user_name=name, action=action, object_type=object_type,
                       object_id=None if object_id is None else str(object_id),
                       before=before, after=after)
    session.add(entry)
    session.flush()
    return entry


def list_audit(*, session: Session, limit: int = 100, offset: int = 0,
               object_type: str | None = None,
               object_id: Any = None) -> tuple[list[AuditEntry], int]:
    """Audit entries, newest first, and how many there are in all."""
    query = select(AuditEntry)
    if object_type is not None:
        query = query.where(AuditEntry.object_type == object_type)
    if object_id is not None:
        query = query.where(AuditEntry.object_id == str(object_id))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit).offset(offset))
    return list(rows), total


def audit_dict(entry: AuditEntry) -> dict[str, Any]:
    return {"id": entry.id, "at": entry.at.isoformat(), "user": entry.user_name,
            "action": entry.action, "object_type": entry.object_type,
            "object_id": entry.object_id, "before": entry.before, "after": entry.after}


# ----------------------------------------------------------------------------- settings

def secret_key(*, session: Session, environ: dict[str, str] | None = None) -> str:
    """``HABEAS_SECRET_KEY`` if set, else the key stored in the database (made on first use)."""
    import os

    value = (environ if environ is not None else os.environ).get("HABEAS_SECRET_KEY")
    if value:
        return value
    row = session.get(AppSetting, SECRET_KEY_SETTING)
    if row is None:
        row = AppSetting(key=SECRET_KEY_SETTING, value=secrets.token_hex(TOKEN_BYTES))
        session.add(row)
        session.flush()
    return row.value


__all__ = [
    "ROLES", "ApiToken", "AppSetting", "AuditEntry", "AuthError", "Forbidden",
    "RateLimited", "User", "add_user", "audit", "audit_dict", "authenticate", "create_token",
    "get_user", "list_audit", "list_users", "may", "require", "secret_key", "user_dict",
    "user_for_token",
]
