"""``habeas serve`` and ``habeas user ...`` through Typer's CliRunner, on an app that
``register`` was called on (the way cli.py adds them)."""

from __future__ import annotations

import os

import pytest
import typer
from typer.testing import CliRunner

from habeas.errors import RateLimited
from habeas.web.auth import CODE_MAX_FAILURES, LoginLimiter
from habeas.web.commands import WORKERS_ENV, as_tcp, register, tcp_listener


@pytest.fixture
def app():
    from habeas.cli import main_options

    app = typer.Typer()
    app.callback()(main_options)
    register(app)
    return app


def run(app, db, *args, input=None):  # noqa: A002
    return CliRunner().invoke(app, ["--db", str(db), *args], input=input)


def test_user_add_list_token(app, tmp_path):
    db = tmp_path / "h.db"
    added = run(app, db, "user", "add", "ayla", "--role", "editor", "--password", "longenough")
    assert added.exit_code == 0, added.output
    assert "Added ayla (editor)." in added.output
    prompted = run(app, db, "user", "add", "bo", "--role", "viewer",
                   input="another-pass\nanother-pass\n")
    assert prompted.exit_code == 0, prompted.output
    listed = run(app, db, "user", "list")
    assert [line.split("\t")[:2] for line in listed.output.splitlines()] == [
        ["ayla", "editor"], ["bo", "viewer"]]
    token = run(app, db, "user", "token", "ayla")
    assert token.exit_code == 0 and token.output.strip().startswith("hb_")

    from habeas.store import accounts
    from habeas.workspace import Habeas

    habeas = Habeas(database_url=f"sqlite:///{db}")
    with habeas.session() as session:
        user = accounts.user_for_token(session=session, token=token.output.strip())
        assert user is not None and user.name == "ayla"
        assert accounts.authenticate(session=session, name="bo", password="another-pass")
    habeas.close()


@pytest.mark.parametrize("args,message", [
    (["user", "add", "x", "--role", "boss", "--password", "longenough"], "--role must be one of"),
    (["user", "add", "x", "--password", "short"], "at least 8 characters"),
    (["user", "token", "nobody"], "no user called 'nobody'"),
])
def test_user_errors(app, tmp_path, args, message):
    result = run(app, tmp_path / "h.db", *args)
    assert result.exit_code != 0 and message in result.output


def test_duplicate_user_is_refused(app, tmp_path):
    db = tmp_path / "h.db"
    run(app, db, "user", "add", "ayla", "--password", "longenough")
    again = run(app, db, "user", "add", "ayla", "--password", "longenough")
    assert again.exit_code == 2 and "already a user called 'ayla'" in again.output


def test_serve_runs_uvicorn_on_the_app(app, tmp_path, monkeypatch):
    seen = {}

    def fake_run(asgi, host, port, **kwargs):
        seen.update(app=asgi, host=host, port=port)

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    result = run(app, tmp_path / "h.db", "serve", "--port", "8123")
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert seen["app"].title == "Habeas"


def test_serve_with_workers_hands_uvicorn_a_factory_for_the_same_store(app, tmp_path,
                                                                       monkeypatch):
    seen = {}

    def fake_run(target, **kwargs):
        seen.update(target=target, **kwargs)

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    for name in ("HABEAS_DATABASE_URL", "HABEAS_MODEL", WORKERS_ENV):  # serve sets them
        monkeypatch.delenv(name, raising=False)
    result = run(app, tmp_path / "h.db", "serve", "--workers", "2")
    assert result.exit_code == 0, result.output
    assert (seen["target"], seen["factory"], seen["workers"]) == (
        "habeas.web.app:make_app_from_settings", True, 2)
    monkeypatch.setenv("HABEAS_DATABASE_URL", os.environ["HABEAS_DATABASE_URL"])
    from habeas.web.app import make_app_from_settings

    worker_app = make_app_from_settings()  # what a worker builds: the same store
    assert worker_app.state.habeas.database_url == f"sqlite:///{tmp_path / 'h.db'}"
    # and half the sign-in limits: the two processes together allow what one would
    one = LoginLimiter()
    assert (worker_app.state.limiter.max_failures, worker_app.state.limiter.max_per_address,
            worker_app.state.code_limiter.max_failures) == (
        one.max_failures // 2, one.max_per_address // 2, CODE_MAX_FAILURES // 2)
    worker_app.state.habeas.close()


def test_the_workers_socket_says_it_is_tcp():
    """uvicorn's own bound socket says protocol 0, so asyncio would leave Nagle's algorithm on
    for every connection of the workers; the socket serve hands them says TCP."""
    import socket

    import uvicorn

    tcp_listener()
    tcp_listener()  # once is enough: a second call changes nothing
    sock = uvicorn.Config("habeas.web.app:make_app_from_settings", port=0).bind_socket()
    try:
        assert (sock.family, sock.type, sock.proto) == (
            socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        assert sock.getsockname()[1] > 0  # the same bound socket
    finally:
        sock.close()
    other = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    assert as_tcp(other) is other
    other.close()


def test_a_share_of_the_sign_in_limit_is_enforced_per_process():
    limiter = LoginLimiter(max_failures=5, max_per_address=20).shared(2)
    for _ in range(2):
        limiter.check("Ayla", "10.0.0.1")
        limiter.failed(" ayla", "10.0.0.1")
    with pytest.raises(RateLimited):
        limiter.check("AYLA", "10.0.0.1")
    assert LoginLimiter(max_failures=5).shared(8).max_failures == 1  # never zero
