"""The web app's commands: ``habeas serve``, ``habeas index`` and ``habeas user add|list|token|totp``.

``register(app)`` adds them to the ``habeas`` Typer app; each command parses its options, calls
one core function and prints the result.
"""

from __future__ import annotations

import os
from typing import Annotated, Optional

import typer

from ..errors import HabeasError, UsageError
from ..store import accounts, second_factor

# Default address: this machine only. Serving to a network is a deliberate choice (--host).
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# With --proxy-headers, forwarded headers are believed from this address only (a proxy on the
# same machine) unless --forwarded-allow-ips names others.
DEFAULT_PROXY = "127.0.0.1"
# How ``serve`` tells its worker processes how many they are.
WORKERS_ENV = "HABEAS_SERVE_WORKERS"

user_app = typer.Typer(help="Web app accounts: add users, list them, make API tokens.",
                       no_args_is_help=True)


def _workspace(ctx: typer.Context):
    from ..cli import workspace

    return workspace(ctx)


def _named_user(session, name: str):
    """The user called ``name``, or a one-line error and exit."""
    user = accounts.get_user(session=session, name=name)
    if user is None:
        _fail(HabeasError(f"no user called {name!r}"))
    return user


def _fail(error: HabeasError) -> None:
    from ..cli import fail

    fail(error)


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = DEFAULT_PORT,
    proxy_headers: Annotated[bool, typer.Option(
        "--proxy-headers", help="Behind a reverse proxy with https: trust its X-Forwarded-Proto "
                                "and X-Forwarded-For, so session cookies are Secure and the "
                                "login limit counts real client addresses.")] = False,
    forwarded_allow_ips: Annotated[str, typer.Option(
        help="With --proxy-headers: the proxy addresses trusted (comma-separated, or '*').")
    ] = DEFAULT_PROXY,
    workers: Annotated[int, typer.Option(
        min=1, help="Server processes: more answer more requests at once, one core each (the "
                    "sign-in limits are shared out among them).")] = 1,
) -> None:
    """Serve the web app and the REST API (/api/v1) for this store."""
    import uvicorn

    from .app import make_app

    habeas = _workspace(ctx)
    try:
        app = make_app(habeas)  # migrates and indexes once, before any worker starts
    except HabeasError as e:
        _fail(e)
    typer.echo(f"Habeas on http://{host}:{port}/ with {workers} process"
               f"{'es' if workers > 1 else ''} (Ctrl+C to stop)", err=True)
    options = uvicorn_options(host=host, port=port, proxy_headers=proxy_headers,
                              forwarded_allow_ips=forwarded_allow_ips)
    if workers == 1:
        uvicorn.run(app, **options)
        return
    # each worker process builds its own app on the same store, named by the environment,
    # and keeps its share of the sign-in limits
    os.environ["HABEAS_DATABASE_URL"] = habeas.database_url
    os.environ["HABEAS_MODEL"] = habeas.model
    os.environ[WORKERS_ENV] = str(workers)
    run_workers("habeas.web.app:make_app_from_settings", workers, options)


def run_workers(factory: str, workers: int, options: dict) -> None:
    """``uvicorn.run(factory, factory=True, workers=N)`` on a listening socket that says it is
    TCP (``tcp_listener``)."""
    import uvicorn

    tcp_listener()
    uvicorn.run(factory, factory=True, workers=workers, **options)


def tcp_listener() -> None:
    """Make uvicorn's ``Config.bind_socket`` (the socket its workers share) return a socket
    that says it is TCP. uvicorn leaves its protocol 0, and asyncio turns Nagle's algorithm
    off only on connections of a socket that says so: with workers, each answer on a
    kept-alive connection waited about 40 ms for the client's delayed ACK (uvicorn issue
    3149; a static file took 44 ms with 2 workers, 7 ms with one)."""
    from uvicorn.config import Config

    if getattr(Config.bind_socket, "as_tcp", False):
        return
    bind = Config.bind_socket

    def bind_socket(self: Config):
        return as_tcp(bind(self))

    bind_socket.as_tcp = True  # type: ignore[attr-defined]
    Config.bind_socket = bind_socket  # type: ignore[method-assign]


def as_tcp(sock):
    """``sock`` as a socket whose protocol says TCP (the same descriptor) when it is an IP
    stream socket that says 0; any other socket as it is."""
    import socket

    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM \
            and sock.proto != socket.IPPROTO_TCP:
        return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    return sock


def uvicorn_options(*, host: str, port: int, proxy_headers: bool,
                    forwarded_allow_ips: str) -> dict:
    """What ``serve`` hands uvicorn: forwarded headers are believed only with
    ``--proxy-headers``, and then only from ``forwarded_allow_ips``."""
    options = {"host": host, "port": port, "proxy_headers": proxy_headers,
               "server_header": False}
    if proxy_headers:
        options["forwarded_allow_ips"] = forwarded_allow_ips
    return options


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user's name (to sign in with).")],
    role: Annotated[str, typer.Option(help="admin, editor or viewer.")] = "viewer",
    password: Annotated[Optional[str], typer.Option(
        help="The password (asked for when not given).", show_default=False)] = None,
) -> None:
    """Add a user who can sign in to the web app."""
    if role not in accounts.ROLES:
        _fail(UsageError(f"--role must be one of {', '.join(accounts.ROLES)}, not {role!r}"))
    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    habeas = _workspace(ctx)
    try:
        with habeas.session(write=True) as session, session.begin():
            user = accounts.add_user(session=session, name=name, password=password, role=role)
    except HabeasError as e:
        _fail(e)
    typer.echo(f"Added {user.name} ({user.role}).")


@user_app.command("list")
def user_list(ctx: typer.Context) -> None:
    """List the users and their roles."""
    habeas = _workspace(ctx)
    with habeas.session() as session:
        users = accounts.list_users(session=session)
    if not users:
        typer.echo("No users yet: habeas user add NAME --role admin")
    for user in users:
        typer.echo(f"{user.name}\t{user.role}\t{user.created_at.date().isoformat()}")


@user_app.command("token")
def user_token(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user the token acts as.")],
    label: Annotated[Optional[str], typer.Option(help="A note on what the token is for.")] = None,
) -> None:
    """Make an API token for a user (shown once; only its hash is stored)."""
    habeas = _workspace(ctx)
    with habeas.session(write=True) as session, session.begin():
        token = accounts.create_token(session=session, user=_named_user(session, name),
                                      label=label)
    typer.echo(token)


@user_app.command("end-sessions")
def user_end_sessions(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user to sign out of every browser.")],
) -> None:
    """End every web session of a user: saved cookies stop working at once."""
    habeas = _workspace(ctx)
    with habeas.session(write=True) as session, session.begin():
        ended = accounts.end_sessions(session=session, user=_named_user(session, name))
    typer.echo(f"Ended {ended} session(s) of {name}.")


totp_app = typer.Typer(help="The second factor (TOTP codes from an authenticator app).",
                       no_args_is_help=True)
user_app.add_typer(totp_app, name="totp")


@totp_app.command("enrol")
def totp_enrol(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user who gets a second factor.")],
) -> None:
    """Give a user a second factor now: prints the secret, its otpauth URI and a QR code to
    scan (shown once; hand it over in person). Users can also set one up on /account/totp."""
    habeas = _workspace(ctx)
    try:
        with habeas.session(write=True) as session, session.begin():
            user = _named_user(session, name)
            secret = second_factor.enrol_now(session=session, user=user)
            uri = second_factor.provisioning_uri(user, secret)
    except HabeasError as e:
        _fail(e)
    drawn = second_factor.qr_text(uri)
    if drawn:
        typer.echo(drawn)
    typer.echo(f"secret: {secret}")
    typer.echo(f"uri: {uri}")


@totp_app.command("disable")
def totp_disable(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user whose second factor is removed.")],
) -> None:
    """Remove a user's second factor (a lost phone); they set up a new one after signing in."""
    habeas = _workspace(ctx)
    with habeas.session(write=True) as session, session.begin():
        had = second_factor.disable(session=session, user=_named_user(session, name))
    typer.echo(f"Second factor of {name} removed." if had
               else f"{name} had no second factor.")


@totp_app.command("require")
def totp_require(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="on: editors and admins must have a second "
                                              "factor; off: each user chooses.")],
) -> None:
    """Require a second factor for editors and admins (on) or not (off)."""
    if state not in ("on", "off"):
        _fail(UsageError(f"say on or off, not {state!r}"))
    habeas = _workspace(ctx)
    with habeas.session(write=True) as session, session.begin():
        second_factor.set_required(session=session, value=state == "on")
    typer.echo(f"A second factor is {'now' if state == 'on' else 'no longer'} required for "
               "editors and admins.")


@totp_app.command("status")
def totp_status(ctx: typer.Context) -> None:
    """Whether a second factor is required, and who has one."""
    habeas = _workspace(ctx)
    with habeas.session() as session:
        found = second_factor.status(session=session,
                                     users=accounts.list_users(session=session))
    typer.echo(f"required for editors and admins: {'yes' if found['required'] else 'no'}")
    for row in found["users"]:
        missing = "  (required, not set up)" if row["required"] and not row["totp"] else ""
        typer.echo(f"{row['name']}\t{row['role']}\t{'on' if row['totp'] else 'off'}{missing}")


def index(
    ctx: typer.Context,
    rebuild: Annotated[bool, typer.Option(
        "--rebuild", help="Drop the search index and build it again from the tables.")] = False,
) -> None:
    """Bring the search index up to date (ingest and extraction do it; a search never does)."""
    from ..store import search_index

    habeas = _workspace(ctx)
    try:
        if rebuild:
            with habeas.session() as session:
                added = search_index.rebuild_index(session)
        else:
            added = habeas.index()
    except HabeasError as e:
        _fail(e)
    typer.echo(f"Search index: {added} report(s) and event(s) added.")


def register(app: typer.Typer) -> None:
    """Add ``serve``, ``index`` and the ``user`` commands to the ``habeas`` app."""
    app.command("serve")(serve)
    app.command("index")(index)
    app.add_typer(user_app, name="user")
