"""The web app's commands: ``habeas serve`` and ``habeas user add|list|token``.

``register(app)`` adds them to the ``habeas`` Typer app; each command parses its options, calls
one core function and prints the result.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..errors import HabeasError, UsageError
from ..store import accounts

# Default address: this machine only. Serving to a network is a deliberate choice (--host).
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

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
) -> None:
    """Serve the web app and the REST API (/api/v1) for this store."""
    import uvicorn

    from .app import make_app

    try:
        app = make_app(_workspace(ctx))
    except HabeasError as e:
        _fail(e)
    typer.echo(f"Habeas on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, proxy_headers=False, server_header=False)


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


def register(app: typer.Typer) -> None:
    """Add ``serve`` and the ``user`` commands to the ``habeas`` app."""
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")
