"""The web app: ``make_app(habeas)`` builds it around one ``Habeas`` (the shell owns nothing
else). Pages are server-rendered Jinja2 with htmx; the REST API lives under ``/api/v1``.

Errors are translated here only: a ``HabeasError`` becomes an HTML page or a JSON error with a
status (404 not found, 400 bad input, 401 not signed in, 403 not allowed, 429 too many
attempts), in the words of the error catalogue.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import Conflict, HabeasError, NotFound, StoreError, UsageError
from ..store import accounts
from ..errors import AuthError, Forbidden, RateLimited
from ..workspace import Habeas
from . import search
from .auth import CODE_MAX_FAILURES, LoginLimiter, SessionMiddleware, csrf_token

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
API_PREFIX = "/api/v1"
# Largest integer a database column holds (SQLite and PostgreSQL BIGINT): a larger id, offset or
# limit in a URL is refused with 400 before any query runs.
MAX_INT = 2**63 - 1
# Query parameters that must be a date (YYYY, YYYY-MM or YYYY-MM-DD on the calendar).
DATE_PARAMS = ("since", "until")
_NUMBER = re.compile(r"[+-]?\d+")
STATUS_OF = ((NotFound, 404), (AuthError, 401), (Forbidden, 403), (RateLimited, 429),
             (Conflict, 409), (UsageError, 400), (StoreError, 400))


class LoginRequired(Exception):
    """A page needs a signed-in user: redirect to the login form."""


class SecondFactorRequired(Exception):
    """An admin requires a second factor of this signed-in user, who has none: set it up."""


def status_of(error: HabeasError) -> int:
    return next((status for kind, status in STATUS_OF if isinstance(error, kind)), 500)


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.autoescape = True
    env.globals["version"] = __version__
    env.filters["months"] = months_label
    env.filters["label"] = lambda value: str(value).replace("_", " ") if value else ""
    env.filters["is_web_url"] = lambda url: str(url or "").lower().startswith(("http://",
                                                                               "https://"))
    return templates


def months_label(months: int | None) -> str:
    if not months:
        return ""
    years, rest = divmod(int(months), 12)
    return " ".join(x for x in (f"{years} y" if years else "", f"{rest} m" if rest else "") if x)


def make_app(habeas: Habeas, processes: int = 1) -> FastAPI:
    """The FastAPI app serving ``habeas``'s store, as one of ``processes`` server processes
    (each keeps its share of the sign-in limits)."""
    with habeas.session(write=True) as session, session.begin():
        secret = accounts.secret_key(session=session)
    habeas.index()  # catch up on what other tools stored: no request writes it later
    search.keep_answers(habeas.engine, habeas.settings.search_cache)
    app = FastAPI(title="Habeas", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url=f"{API_PREFIX}/openapi.json",
                  description="Persons, events, reports and claims read from reports about "
                              "political prisoners. Bearer-token auth: `habeas user token NAME`.")
    app.state.habeas = habeas
    app.state.limiter = LoginLimiter().shared(processes)
    app.state.code_limiter = LoginLimiter(max_failures=CODE_MAX_FAILURES).shared(processes)
    app.state.templates = make_templates()
    app.add_middleware(ParameterCheck)  # inside the session middleware: it renders
    app.add_middleware(SessionMiddleware, secret_key=secret)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    from . import alerts, api, pages, review_pages, two_factor

    app.state.templates.env.globals["unread_alerts"] = alerts.unread_count(habeas)
    app.state.templates.env.globals["is_tracked"] = alerts.tracked_check(habeas)
    app.include_router(api.router, prefix=API_PREFIX)
    app.include_router(alerts.router)
    app.include_router(pages.router)
    app.include_router(review_pages.router)
    app.include_router(two_factor.router)
    _handlers(app)
    return app


def make_app_from_settings() -> FastAPI:
    """The app for the store the environment names (``HABEAS_DATABASE_URL``, read now, not
    from the cached settings): what each worker process of ``habeas serve --workers N``
    builds, with its share of the sign-in limits (``HABEAS_SERVE_WORKERS``: how many there
    are)."""
    import os

    from ..config import Settings
    from .commands import WORKERS_ENV

    return make_app(Habeas(Settings()), processes=max(1, int(os.environ.get(WORKERS_ENV, 1))))


def bad_parameter(request: Request) -> str | None:
    """Why a path segment or query parameter is refused: a number too large for the database,
    or a ``since``/``until`` that is not a date. None when all are fine."""
    values = [(f"path segment {part[:20]!r}", part) for part in request.url.path.split("/")]
    values += [(name, value) for name, value in request.query_params.multi_items()]
    for name, value in values:
        if _NUMBER.fullmatch(value.strip()) and abs(int(value)) > MAX_INT:
            return f"{name}: {value[:30]} is too large (at most {MAX_INT})"
    for name in DATE_PARAMS:
        value = (request.query_params.get(name) or "").strip()
        if value and not is_date(value):
            return f"{name}: {value[:30]!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    return None


def is_date(value: str) -> bool:
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            dt.datetime.strptime(value, pattern)
            return True
        except ValueError:
            continue
    return False


class ParameterCheck:
    """Refuses a request whose parameters ``bad_parameter`` finds wrong (422) before any
    route runs; a plain ASGI middleware (see ``auth.SessionMiddleware``)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            request = Request(scope)
            problem = bad_parameter(request)
            if problem is not None:
                await error_response(request, 422, problem, "HTTP422")(scope, receive, send)
                return
        await self.app(scope, receive, send)


def is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def error_response(request: Request, status: int, message: str, code: str,
                   headers: dict[str, str] | None = None) -> Response:
    if is_api(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                            headers=headers)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "code": code,
                                "user": getattr(request.state, "user", None),
                                "csrf": csrf_token(request), "path": request.url.path},
        status_code=status, headers=headers)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(HabeasError)
    async def habeas_error(request: Request, error: HabeasError) -> Response:
        status = status_of(error)
        if status == 500:
            log.exception("unexpected error on %s", request.url.path, exc_info=error)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 and is_api(request) else None
        return error_response(request, status, str(error), error.code, headers)

    @app.exception_handler(OverflowError)
    async def too_large(request: Request, error: OverflowError) -> Response:
        return error_response(request, 400, f"a number is too large: {error}", "HTTP400")

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(SecondFactorRequired)
    async def second_factor_required(request: Request, _: SecondFactorRequired) -> Response:
        return RedirectResponse("/account/totp", status_code=303)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return error_response(request, error.status_code, str(error.detail),
                              f"HTTP{error.status_code}", getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, error: RequestValidationError) -> Response:
        first: dict[str, Any] = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(request, 422, f"{where}: {first.get('msg', 'invalid input')}",
                              "HTTP422")
