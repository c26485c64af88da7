"""Sessions, CSRF tokens, the login rate limit and the security headers.

A session is a cookie signed with the secret key (itsdangerous): a session id and a CSRF token,
nothing else. The id names a row of the ``sessions`` table (``accounts.start_session``), so
signing out deletes the row and a saved copy of the cookie no longer signs anybody in. It is HttpOnly, SameSite=Lax, and Secure when the request came over https. Every
visitor gets a CSRF token (the login form has one too); every form POST must send it back, as
the field ``csrf_token`` or the ``X-CSRF-Token`` header (htmx), or gets 403. The API takes no
cookies: it is authenticated by bearer tokens only, so it needs no CSRF token.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response

from ..errors import RateLimited

SESSION_COOKIE = "habeas_session"
# A session lasts this long after the last request that renewed it.
SESSION_MAX_AGE = 12 * 3600
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
# Login failures allowed per name (stripped, casefolded: " ed" and "ED" are "ed") and per client
# address within the window before 429.
LOGIN_MAX_FAILURES = 5
LOGIN_MAX_FAILURES_PER_ADDRESS = 20
LOGIN_WINDOW_SECONDS = 60
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# After a right password, the code (or enrolment) must follow within this time.
SECOND_STEP_SECONDS = 300
# Wrong second-factor codes allowed per user within LOGIN_WINDOW_SECONDS before 429.
CODE_MAX_FAILURES = 5

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SessionMiddleware:
    """Loads the signed session into ``request.state.session``; writes it back when changed;
    adds the security headers to every response. A plain ASGI middleware: Starlette's
    ``BaseHTTPMiddleware`` runs the app in a task of its own and streams the answer through a
    channel, which cost every request about half a millisecond of the server's CPU."""

    def __init__(self, app: Any, *, secret_key: str) -> None:
        self.app = app
        self.serializer = URLSafeTimedSerializer(secret_key, salt="habeas.session")

    def load(self, cookie: str | None) -> dict[str, Any]:
        if cookie:
            try:
                data = self.serializer.loads(cookie, max_age=SESSION_MAX_AGE)
                if isinstance(data, dict) and isinstance(data.get("csrf"), str):
                    return data
            except BadSignature:
                pass
        return {"csrf": secrets.token_urlsafe(24)}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        raw = request.cookies.get(SESSION_COOKIE)
        session = self.load(raw)
        request.state.session = session
        snapshot = dict(session)
        url = request.url

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if not url.path.startswith(("/api/", "/static/")) and (
                        session != snapshot or raw is None):
                    cookie = Response()
                    cookie.set_cookie(
                        SESSION_COOKIE, self.serializer.dumps(session),
                        max_age=SESSION_MAX_AGE, httponly=True, samesite="lax",
                        secure=url.scheme == "https", path="/")
                    headers.append("set-cookie", cookie.headers["set-cookie"])
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if not url.path.startswith("/static/"):  # pages of the record, API answers
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def session_of(request: Request) -> dict[str, Any]:
    return request.state.session


def csrf_token(request: Request) -> str:
    return session_of(request)["csrf"]


async def csrf_ok(request: Request) -> bool:
    """Whether a state-changing request carries the session's CSRF token."""
    if request.method in SAFE_METHODS:
        return True
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    return bool(sent) and secrets.compare_digest(sent, csrf_token(request))


def sign_in(request: Request, session_id: str) -> None:
    """A fresh cookie for a stored session (a new CSRF token too: no fixation)."""
    session = session_of(request)
    session.clear()
    session.update({"sid": session_id, "csrf": secrets.token_urlsafe(24)})


def await_second_step(request: Request, user: Any, step: str, next_path: str) -> None:
    """After a right password: the cookie remembers whose code (or enrolment) is awaited, for
    ``SECOND_STEP_SECONDS``; nobody is signed in yet."""
    session = session_of(request)
    session.pop("sid", None)
    session["pending"] = {"uid": user.id, "step": step, "next": next_path,
                          "at": int(time.time())}


def pending_second_step(request: Request) -> dict[str, Any] | None:
    """The awaited second step (``uid``, ``step``, ``next``), or None (none, or too old)."""
    pending = session_of(request).get("pending")
    if not isinstance(pending, dict) or not isinstance(pending.get("uid"), int):
        return None
    if time.time() - float(pending.get("at", 0)) > SECOND_STEP_SECONDS:
        return None
    return pending


def sign_out(request: Request) -> str | None:
    """Forget the session in the cookie; returns its id, for the caller to delete the row."""
    session = session_of(request)
    sid = session.get("sid")
    session.clear()
    session["csrf"] = secrets.token_urlsafe(24)
    return sid if isinstance(sid, str) else None


def login_key(name: str) -> str:
    """The name as the rate limit counts it: " Ed", "ED" and "ed" are one name."""
    return " ".join(name.split()).casefold()


class LoginLimiter:
    """At most ``max_failures`` failed logins per name (``login_key``) and
    ``max_per_address`` per client address in ``window`` seconds."""

    def __init__(self, max_failures: int = LOGIN_MAX_FAILURES,
                 window: float = LOGIN_WINDOW_SECONDS,
                 max_per_address: int = LOGIN_MAX_FAILURES_PER_ADDRESS) -> None:
        self.max_failures = max_failures
        self.max_per_address = max_per_address
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def shared(self, processes: int) -> "LoginLimiter":
        """This limiter's share when ``processes`` server processes each keep their own: each
        allows 1/N of the failures (at least one), so all of them together never allow more
        than this one does."""
        return LoginLimiter(max_failures=max(1, self.max_failures // processes),
                            window=self.window,
                            max_per_address=max(1, self.max_per_address // processes))

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        now = time.monotonic()
        failures = self._failures[key]
        while failures and now - failures[0] > self.window:
            failures.popleft()
        return failures

    def check(self, name: str, address: str) -> None:
        with self._lock:
            if len(self._recent(("name", login_key(name)))) >= self.max_failures:
                raise RateLimited(f"{self.max_failures} failed sign-ins for {name.strip()!r} in "
                                  f"the last {int(self.window)} s; wait a minute")
            if len(self._recent(("address", address))) >= self.max_per_address:
                raise RateLimited(f"{self.max_per_address} failed sign-ins from this address "
                                  f"in the last {int(self.window)} s; wait a minute")

    def failed(self, name: str, address: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._recent(("name", login_key(name))).append(now)
            self._recent(("address", address)).append(now)

    def succeeded(self, name: str, address: str) -> None:
        with self._lock:
            self._failures.pop(("name", login_key(name)), None)
