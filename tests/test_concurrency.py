"""Many writers on one store: two real ``habeas run`` processes on the same folder while 20
threads read the API of a real ``habeas serve``. Nothing fails, nothing is lost, every article
is extracted exactly once. Runs on SQLite and PostgreSQL (the ``database_url`` fixture)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
import sqlalchemy as sa

from habeas.store import accounts, crud, db
from habeas.workspace import Habeas

from test_resume import ARTICLES, write_folder

READERS = 20
READ_PATHS = ("/api/v1/persons", "/api/v1/events", "/api/v1/reports", "/api/v1/me",
              "/api/v1/search?q=Simferopol")
SERVE_STARTUP_S = 30
RUN_TIMEOUT_S = 150


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def habeas_command(url, *args):
    return [sys.executable, "-m", "habeas", "--db", url, *args]


def start(url, *args, log=None):
    """``habeas ARGS`` in a process; output to ``log`` (a file: the server logs every request,
    which would fill a pipe nobody reads) or to pipes."""
    env = {**os.environ, "HABEAS_BATCH_SIZE": "4"}
    out = log or subprocess.PIPE
    return subprocess.Popen(habeas_command(url, *args), env=env, stdout=out,
                            stderr=subprocess.STDOUT if log else subprocess.PIPE, text=True)


def make_token(url) -> str:
    habeas = Habeas(database_url=url)
    try:
        with habeas.session(write=True) as session, session.begin():
            user = accounts.add_user(session=session, name="reader", password="long-enough",
                                     role="viewer")
            return accounts.create_token(session=session, user=user)
    finally:
        habeas.close()


def wait_for_server(base, headers, server):
    deadline = time.monotonic() + SERVE_STARTUP_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"habeas serve exited with {server.returncode}")
        try:
            if httpx.get(base + "/api/v1/me", headers=headers, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail("habeas serve did not answer in time")


def test_two_runs_and_readers(tmp_path, database_url):
    folder = tmp_path / "reports"
    write_folder(folder)
    token = make_token(database_url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {token}"}
    server_log = open(tmp_path / "serve.log", "w")
    server = start(database_url, "serve", "--port", str(port), log=server_log)
    statuses: list[int] = []
    errors: list[str] = []
    stop = threading.Event()

    def read(n: int) -> None:
        with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
            i = n
            while not stop.is_set():
                try:
                    response = client.get(READ_PATHS[i % len(READ_PATHS)])
                    statuses.append(response.status_code)
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {response.text[:200]}")
                except httpx.HTTPError as e:
                    errors.append(repr(e))
                i += 1

    try:
        wait_for_server(base, headers, server)
        readers = [threading.Thread(target=read, args=(n,)) for n in range(READERS)]
        for thread in readers:
            thread.start()
        runs = [start(database_url, "run", str(folder)) for _ in range(2)]
        outputs = [run.communicate(timeout=RUN_TIMEOUT_S) for run in runs]
        stop.set()
        for thread in readers:
            thread.join()
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=10)
        server_log.close()

    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        assert "Traceback" not in err and "failed" not in out, out + err
    extracted = [int(re.search(r"Extracted (\d+) article", out).group(1)) for out, _ in outputs]
    assert sum(extracted) == ARTICLES, outputs  # each article by exactly one of the runs
    assert errors == [], errors[:5]
    assert len(statuses) > READERS
    habeas = Habeas(database_url=database_url)
    try:
        with habeas.session() as session:
            assert crud.count_articles(session=session) == {
                "pending": 0, "extracted": ARTICLES, "failed": 0}
            per_article = session.execute(sa.text(
                "select count(distinct article_id) from claims")).scalar()
            assert per_article == ARTICLES
    finally:
        habeas.close()


def test_lock_leaves_article_pending_then_retry(tmp_path, nlp, monkeypatch):
    """A lock held past every retry leaves the article pending (not failed); an article that
    did fail comes back with ``retry_failed`` (``habeas extract --retry``)."""
    import sqlite3

    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(db, "RETRY_ATTEMPTS", 2)
    monkeypatch.setattr(db, "RETRY_FIRST_WAIT_S", 0.01)
    path = tmp_path / "h.db"
    folder = tmp_path / "reports"
    write_folder(folder)
    habeas = Habeas(database_url=f"sqlite:///{path}")
    habeas._nlp = nlp
    try:
        habeas.ingest([folder / "report-000.txt", folder / "report-001.txt"])
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock throughout
        try:
            report = habeas.extract()
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert report.articles == 0 and report.failed == [] and len(report.busy) == 2
        assert "locked" in report.busy[0][1]
        with habeas.session() as session:
            assert crud.count_articles(session=session)["pending"] == 2
        assert habeas.extract().articles == 2

        with habeas.session(write=True) as session, session.begin():
            crud.mark_failed(session=session, article=crud.get_article(
                session=session, article_id=1), error="a bug, since fixed")
        assert habeas.retry_failed() == 1
        assert habeas.extract().articles == 1
        with habeas.session() as session:
            assert crud.count_articles(session=session) == {
                "pending": 0, "extracted": 2, "failed": 0}
    finally:
        habeas.close()
