"""The HTML pages: sign-in, dashboard, search, persons and dossiers, reports, events,
statistics, ingest, exports and the admin page. Each route reads its input, calls the core and
renders a template; the review queue is in ``review_pages``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from ..errors import NotFound, UsageError
from ..model import EVENT_TYPES
from ..store import accounts, queries, review
from ..store.accounts import User
from ..store.models import Person
from ..store.queries import PERSON_ROLES, STATUSES
from . import charts, search as search_mod, stats
from .api import export_response
from ..store import second_factor
from .auth import SESSION_MAX_AGE, await_second_step, csrf_token, sign_in, sign_out
from .deps import check_csrf, db, get_habeas, page_admin, page_editor, page_reader, session_user
from .highlight import highlight, marks_for
from .ingest import Upload, ingest_items

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
# Persons listed as "currently detained" on the dashboard.
DETAINED_SHOWN = 12


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    templates = request.app.state.templates
    context.setdefault("user", session_user(request))
    context["csrf"] = csrf_token(request)
    context["path"] = request.url.path
    context["may_edit"] = accounts.may(context["user"], "editor")
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def pager(request: Request, total: int, offset: int, limit: int = PAGE_SIZE,
          param: str = "offset") -> dict[str, Any]:
    """Links to the previous and next pages; ``param`` is the query parameter of the offset
    (a page with two lists pages each by its own)."""
    params = {k: v for k, v in request.query_params.items() if k != param and v}

    def link(at: int) -> str:
        return f"{request.url.path}?{urlencode({**params, param: at})}"

    return {"total": total, "offset": offset, "limit": limit,
            "first": offset + 1 if total else 0, "last": min(offset + limit, total),
            "prev": link(max(0, offset - limit)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None}


def clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


# ----------------------------------------------------------------------------- sign-in

@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:  # noqa: A002
    return render(request, "login.html", next=safe_next(next), error=None)


def safe_next(target: str) -> str:
    """Only a path on this site (no "//host", no scheme): no open redirect."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.post("/login", dependencies=[Depends(check_csrf)])
def login(request: Request, name: str = Form(...), password: str = Form(...),
          next: str = Form("/")) -> Response:  # noqa: A002
    habeas = get_habeas(request)
    limiter = request.app.state.limiter
    address = request.client.host if request.client else "?"
    limiter.check(name, address)
    step = None
    with habeas.session(write=True) as session, session.begin():
        user = accounts.authenticate(session=session, name=name, password=password)
        if user is not None:
            step = second_factor.next_step(session=session, user=user)
            if step is None:
                sid = start_web_session(session, user, address)
        else:  # who tried which name from where: the admin page shows it
            accounts.audit(session=session, user="anonymous", action="user.login_failed",
                           object_type="user", object_id=None, before=None,
                           after={"name": name[:100], "address": address})
    if user is None:
        limiter.failed(name, address)
        return render(request, "login.html", status_code=401, next=safe_next(next),
                      error="Wrong name or password.", user=None)
    limiter.succeeded(name, address)
    if step is not None:  # the password was right; now the code, or enrolment
        await_second_step(request, user, step, safe_next(next))
        return RedirectResponse("/login/code" if step == "code" else "/account/totp",
                                status_code=303)
    sign_in(request, sid)
    return RedirectResponse(safe_next(next), status_code=303)


def start_web_session(session: Session, user: User, address: str, **how: Any) -> str:
    """Store a new web session for a user who has passed every step; audited."""
    sid = accounts.start_session(session=session, user=user, seconds=SESSION_MAX_AGE)
    accounts.audit(session=session, user=user, action="user.login", object_type="user",
                   object_id=user.id, before=None, after={"address": address, **how})
    return sid


@router.post("/logout", dependencies=[Depends(check_csrf)])
def logout(request: Request) -> Response:
    sid = sign_out(request)
    if sid:
        with get_habeas(request).session(write=True) as session, session.begin():
            accounts.end_session(session=session, token=sid)
    return RedirectResponse("/login", status_code=303)


# ----------------------------------------------------------------------------- reading

@router.get("/")
def dashboard(request: Request, user: User = Depends(page_reader),
              session: Session = Depends(db)) -> Response:
    detained = queries.list_persons(session=session, status="detained")
    by_month = stats.events_by_month(session)
    return render(request, "dashboard.html", counts=stats.counts(session),
                  detained=detained[:DETAINED_SHOWN], detained_total=len(detained),
                  newest=stats.newest_events(session),
                  month_chart=charts.column_chart(by_month, title="Events per month"))


@router.get("/search")
def search(request: Request, q: str = "", kind: str = "", type: str = "",  # noqa: A002
           since: str = "", until: str = "", place: str = "", status: str = "",
           offset: int = 0, user: User = Depends(page_reader),
           session: Session = Depends(db)) -> Response:
    filters = search_mod.SearchFilters(type=clean(type) if type in EVENT_TYPES else None,
                                       since=clean(since), until=clean(until),
                                       place=clean(place),
                                       status=status if status in STATUSES else None)
    kinds = (kind,) if kind in search_mod.KINDS else search_mod.KINDS
    result = None
    if q.strip() or filters.type or filters.place:
        result = search_mod.search(session=session, query=q, kinds=kinds, filters=filters,
                                   limit=PAGE_SIZE, offset=max(0, offset))
    biggest = max(result.totals.values(), default=0) if result else 0
    paging = pager(request, biggest, max(0, offset), limit=PAGE_SIZE)
    # a total counted only so far ("5000+"): there are pages beyond it
    paging["more"] = bool(result and any(result.totals[k] == biggest for k in result.more))
    if paging["more"]:
        paging["next"] = pager(request, biggest + PAGE_SIZE, max(0, offset),
                               limit=PAGE_SIZE)["next"]
    return render(request, "search.html", q=q, kind=kind, filters=filters, result=result,
                  event_types=EVENT_TYPES, statuses=STATUSES, pager=paging)


@router.get("/persons")
def persons(request: Request, q: str = "", status: str = "", role: str = "", offset: int = 0,
            user: User = Depends(page_reader), session: Session = Depends(db)) -> Response:
    rows, total = search_mod.search_persons(
        session=session, query=q, status=status if status in STATUSES else None,
        role=role if role in PERSON_ROLES else None, limit=PAGE_SIZE, offset=max(0, offset))
    return render(request, "persons.html", rows=rows, q=q, status=status, statuses=STATUSES,
                  role=role, roles=PERSON_ROLES, pager=pager(request, total, max(0, offset)))


@router.get("/persons/{person_id}")
def person(request: Request, person_id: int, user: User = Depends(page_reader),
           session: Session = Depends(db)) -> Response:
    found = session.get(Person, person_id)
    if found is None:
        raise NotFound(f"person {person_id}")
    dossier = queries.person_dossier(session=session, person=found)
    if dossier["id"] != person_id:  # merged into another: show that one
        return RedirectResponse(f"/persons/{dossier['id']}", status_code=303)
    # what the sources really disagree on (ages compared as birth years), not every field
    # with two values
    conflicts = {c["field"]: c["values"] for c in dossier["conflicts"]
                 if c["subject"] == "person"}
    return render(request, "person.html", d=dossier, conflicts=conflicts,
                  timeline=charts.timeline_chart(dossier["timeline"],
                                                 title=f"Timeline of {dossier['name']}"))


@router.get("/reports")
def reports(request: Request, status: str = "", offset: int = 0,
            user: User = Depends(page_reader), session: Session = Depends(db)) -> Response:
    rows, total = stats.page_reports(session=session, status=clean(status), limit=PAGE_SIZE,
                                     offset=max(0, offset))
    return render(request, "reports.html", rows=rows, status=status,
                  pager=pager(request, total, max(0, offset)))


@router.get("/reports/{article_id}")
def report(request: Request, article_id: int, user: User = Depends(page_reader),
           session: Session = Depends(db)) -> Response:
    detail = stats.report_detail(session=session, article_id=article_id)
    if detail is None:
        raise NotFound(f"report {article_id}")
    claims, _ = review.list_claims(session=session, article_id=article_id, limit=2000)
    body = highlight(detail["text"], marks_for(mentions=detail["mentions"], claims=claims))
    return render(request, "report.html", r=detail, body=body, claims=claims)


@router.get("/events")
def events(request: Request, type: str = "", since: str = "", until: str = "",  # noqa: A002
           place: str = "", offset: int = 0, user: User = Depends(page_reader),
           session: Session = Depends(db)) -> Response:
    rows, total = stats.page_events(session=session,
                                    type=type if type in EVENT_TYPES else None,
                                    since=clean(since), until=clean(until), place=clean(place),
                                    limit=PAGE_SIZE, offset=max(0, offset))
    return render(request, "events.html", rows=rows, type=type, since=since, until=until,
                  place=place, event_types=EVENT_TYPES,
                  pager=pager(request, total, max(0, offset)))


@router.get("/statistics")
def statistics(request: Request, user: User = Depends(page_reader),
               session: Session = Depends(db)) -> Response:
    numbers = stats.statistics(session)
    return render(request, "statistics.html", numbers=numbers, charts={
        "by_type": charts.bar_chart(numbers["by_type"], title="Events by type"),
        "by_month": charts.column_chart(numbers["by_month"], title="Events per month"),
        "sentence_lengths": charts.bar_chart(numbers["sentence_lengths"],
                                             title="Sentence lengths"),
        "by_place": charts.bar_chart(numbers["by_place"], title="Events by place"),
        "by_charge": charts.bar_chart(numbers["by_charge"], title="Events by charge"),
    })


@router.get("/export.{format}")
def export(format: str, user: User = Depends(page_reader),  # noqa: A002
           session: Session = Depends(db)) -> Response:
    if format not in ("csv", "json"):
        raise NotFound(f"export format {format!r}")
    return export_response(session, format)


# ----------------------------------------------------------------------------- ingest

@router.get("/ingest")
def ingest_form(request: Request, user: User = Depends(page_reader)) -> Response:
    return render(request, "ingest.html", result=None)


@router.post("/ingest")
async def ingest(request: Request, user: User = Depends(page_editor)) -> Response:
    form = await request.form()
    uploads = []
    for item in form.getlist("files"):
        if isinstance(item, UploadFile) or hasattr(item, "read"):
            data = await item.read()
            if item.filename or data:
                uploads.append(Upload(name=item.filename or "upload.txt", data=data))
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        overrides = {k: v.strip() for k in ("title", "published", "outlet", "url")
                     if isinstance(v := form.get(k), str) and v.strip()}
        uploads.append(Upload(name="pasted.txt", data=text.encode("utf-8"),
                              overrides=overrides))
    from starlette.concurrency import run_in_threadpool

    result = await run_in_threadpool(ingest_items, get_habeas(request), uploads=uploads,
                                     user=user)
    template = "_ingest_result.html" if request.headers.get("hx-request") else "ingest.html"
    return render(request, template, result=result, user=user)


# ----------------------------------------------------------------------------- admin

@router.get("/admin")
def admin(request: Request, offset: int = 0, user: User = Depends(page_admin),
          session: Session = Depends(db)) -> Response:
    entries, total = accounts.list_audit(session=session, limit=PAGE_SIZE, offset=max(0, offset))
    return render(request, "admin.html", users=accounts.list_users(session=session),
                  totp_required=second_factor.required(session=session),
                  has_totp=second_factor.has_totp,
                  entries=entries, pager=pager(request, total, max(0, offset)))


@router.post("/admin/users/{user_id}/end-sessions", dependencies=[Depends(check_csrf)])
def end_user_sessions(request: Request, user_id: int, admin: User = Depends(page_admin),
                      session: Session = Depends(db)) -> Response:
    """Sign a user out everywhere (a lost laptop, a person who left)."""
    with session.begin():
        target = accounts.get_user(session=session, user_id=user_id)
        if target is None:
            raise NotFound(f"user #{user_id}")
        if target.id == admin.id:
            raise UsageError("end your own session with Sign out")
        accounts.end_sessions(session=session, user=target, by=admin)
    return RedirectResponse("/admin", status_code=303)
