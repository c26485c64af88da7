"""Watching sources and alerting, against real servers: a local HTTP server (http.server in a
thread) whose feed changes between polls, answers 304 to conditional requests, fails with 500,
serves a malformed feed and answers too slowly; a local SMTP server (aiosmtpd) receiving the
alerts. Each "restart" is a new Habeas on the same store file.

The reports are short texts written for these tests.
"""

from __future__ import annotations

import datetime as dt
import email
import socket
import threading
import time
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from habeas.cli import app
from habeas.model import Document, EventRecord, Extraction, PersonRecord
from habeas.monitor import alerts, deliver, watch
from habeas.resolve.article import save_extraction
from habeas.store import accounts, add_article
from habeas.store.models import Article, Event
from habeas.store.monitor import Alert, SeenItem
from habeas.workspace import Habeas
from tests.test_web_fixtures import PASSWORD, client, csrf_of, sign_in, span, web  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

KAZAN_ARREST = ("Police in Kazan detained the blogger Ilnur Safin on 3 November, his lawyer "
                "said. Safin had criticised the city authorities online.")
KAZAN_CHARGE = ("Investigators charged Ilnur Safin with calling for extremism on 20 November, "
                "his lawyer said. Safin denies the accusation.")
GOMEL_SENTENCE = ("A court in Gomel sentenced the trade unionist Olga Brodskaya to four years in "
                  "prison on 10 November. She was convicted of organising a strike.")
TREASON_CHARGE = ("Prosecutors charged the engineer Pavel Gromov with treason on 12 November. "
                  "Gromov remains free while the case is examined.")
OMSK_TRANSFER = ("The journalist Timur Nazarov was transferred to a penal colony in Omsk, the "
                 "rights group Open Door said on 15 November.")

ENTRIES = {
    "kzn-1": ("Blogger detained in Kazan", KAZAN_ARREST, "Tue, 03 Nov 2026 18:00:00 GMT"),
    "kzn-2": ("Kazan blogger charged", KAZAN_CHARGE, "Fri, 20 Nov 2026 12:00:00 GMT"),
    "gml-1": ("Unionist sentenced in Gomel", GOMEL_SENTENCE, "Tue, 10 Nov 2026 15:00:00 GMT"),
    "trs-1": ("Engineer charged with treason", TREASON_CHARGE, "Thu, 12 Nov 2026 09:00:00 GMT"),
}
T0 = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.timezone.utc)
EVERY = 15 * 60
TIMEOUT = 0.3


def rss(*ids: str, title: str = "Volga Rights Monitor") -> bytes:
    items = "".join(
        f"<item><guid>{i}</guid><title>{ENTRIES[i][0]}</title><pubDate>{ENTRIES[i][2]}"
        f"</pubDate><description>{ENTRIES[i][1]}</description></item>" for i in ids)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://example.org/</link>{items}</channel></rss>"
            ).encode("utf-8")


PAGE = (f"<html><head><title>Journalist moved to Omsk colony</title></head><body><article>"
        f"<h1>Journalist moved to Omsk colony</h1><p>{OMSK_TRANSFER}</p></article></body></html>"
        ).encode("utf-8")
MALFORMED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></oops></rss>'


# ----------------------------------------------------------------------------- servers

class FeedServer:
    """Routes whose answers a test changes between polls; every request is recorded."""

    def __init__(self) -> None:
        self.routes: dict[str, dict] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                owner.requests.append((self.path, dict(self.headers)))
                route = owner.routes.get(self.path, {"status": 404, "body": b"not here"})
                time.sleep(route.get("delay", 0))
                etag, modified = route.get("etag"), route.get("last_modified")
                if (etag and self.headers.get("If-None-Match") == etag) or \
                        (modified and self.headers.get("If-Modified-Since") == modified):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.get("status", 200))
                self.send_header("Content-Type", route.get("type", "application/rss+xml"))
                for name, value in (("ETag", etag), ("Last-Modified", modified)):
                    if value:
                        self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(route.get("body", b""))
                except OSError:
                    pass  # the client gave up (the slow route)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def asked(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]


@pytest.fixture
def server():
    made = FeedServer()
    made.thread.start()
    yield made
    made.server.shutdown()
    made.server.server_close()


class Inbox:
    """aiosmtpd's handler: keeps every message it is sent."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, f"127.0.0.1:{port}"
    controller.stop()


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def store(tmp_path: Path) -> Habeas:
    """A Habeas on the test's store file: a new one is a restart."""
    return Habeas(database_url=f"sqlite:///{tmp_path / 'watch.db'}")


def count(habeas: Habeas, model) -> int:
    with habeas.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def cycle(tmp_path: Path, minutes: int, **options) -> tuple[watch.Cycle, Habeas]:
    """One poll cycle by a freshly started Habeas, ``minutes`` after T0."""
    habeas = store(tmp_path)
    result = watch.run_cycle(habeas, every=EVERY, timeout=TIMEOUT,
                             now=T0 + dt.timedelta(minutes=minutes), **options)
    return result, habeas


def by_location(result: watch.Cycle, server: FeedServer) -> dict[str, watch.Polled]:
    return {p.location.replace(server.url(""), ""): p for p in result.polled}


# ----------------------------------------------------------------------------- watching

def test_feed_that_changes_between_polls(tmp_path, server):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "treason.txt").write_text(TREASON_CHARGE, encoding="utf-8")
    server.routes = {
        "/feed.xml": {"body": rss("kzn-1", "gml-1"), "etag": '"v1"'},
        "/page.html": {"body": PAGE, "type": "text/html; charset=utf-8",
                       "last_modified": "Mon, 23 Nov 2026 10:00:00 GMT"},
        "/broken.xml": {"status": 500, "body": b"oops"},
        "/bad.xml": {"body": MALFORMED},
        "/slow.xml": {"body": rss("trs-1"), "delay": 1.0},
    }
    habeas = store(tmp_path)
    watch.add_sources(habeas, [server.url(p) for p in server.routes] + [str(folder)])
    habeas.close()

    first, habeas = cycle(tmp_path, 0)
    polled = by_location(first, server)
    assert {k: (p.outcome, p.new) for k, p in polled.items() if k != str(folder)} == {
        "/feed.xml": ("new", 2), "/page.html": ("new", 1), "/broken.xml": ("failed", 0),
        "/bad.xml": ("failed", 0), "/slow.xml": ("failed", 0)}
    assert polled[str(folder)].new == 1
    assert polled["/broken.xml"].error == "HTTP 500 Internal Server Error"
    assert polled["/bad.xml"].error.startswith("malformed: not a readable RSS or Atom feed")
    assert polled["/slow.xml"].error == f"no answer within {TIMEOUT} s"
    assert count(habeas, Article) == 4
    # The same path as `habeas run`: extracted, and the custody events made alerts.
    assert first.extracted.articles == 4
    assert sorted((a["event_type"], a["persons"]) for a in first.alerts) == [
        ("arrest", "Ilnur Safin"), ("sentence", "Olga Brodskaya"),
        ("transfer", "Timur Nazarov")]  # the treason charge is no custody event
    events = count(habeas, Event)
    habeas.close()

    # Restarted, a period later: conditional requests, answered 304; the broken stay broken.
    second, habeas = cycle(tmp_path, 15)
    polled = by_location(second, server)
    assert server.asked("/feed.xml")[-1]["If-None-Match"] == '"v1"'
    assert server.asked("/page.html")[-1]["If-Modified-Since"] == "Mon, 23 Nov 2026 10:00:00 GMT"
    assert [p.outcome for k, p in polled.items() if k in ("/feed.xml", "/page.html")] == \
        ["unchanged", "unchanged"]
    assert polled[str(folder)].outcome == "unchanged"
    assert polled["/broken.xml"].failures == 2
    assert (count(habeas, Article), count(habeas, Event), second.alerts) == (4, events, [])
    habeas.close()

    # The feed gains an entry: exactly that one is read; the broken source waits (backoff).
    server.routes["/feed.xml"] = {"body": rss("kzn-2", "kzn-1", "gml-1"), "etag": '"v2"'}
    third, habeas = cycle(tmp_path, 30)
    polled = by_location(third, server)
    assert (polled["/feed.xml"].outcome, polled["/feed.xml"].new) == ("new", 1)
    assert polled["/broken.xml"].outcome == "waiting"
    assert len(server.asked("/broken.xml")) == 2
    assert count(habeas, Article) == 5
    assert third.extracted.articles == 1 and third.alerts == []  # a charge, no one tracked
    habeas.close()

    # A server that ignores the validators: the entries are known by their ids, none twice.
    server.routes["/feed.xml"] = {"body": rss("kzn-2", "kzn-1", "gml-1"), "etag": '"v3"'}
    fourth, habeas = cycle(tmp_path, 45)
    polled = by_location(fourth, server)
    assert server.asked("/feed.xml")[-1]["If-None-Match"] == '"v2"'
    assert (polled["/feed.xml"].outcome, polled["/feed.xml"].new,
            polled["/feed.xml"].already) == ("unchanged", 0, 0)
    assert count(habeas, Article) == 5
    with habeas.session() as session:
        arrests = session.scalar(select(func.count()).select_from(Event)
                                 .where(Event.type == "arrest"))
    assert arrests == 1

    health = {h.location.replace(server.url(""), ""): h for h in watch.health(habeas)}
    assert (health["/feed.xml"].state, health["/feed.xml"].articles) == ("ok", 3)
    assert (health["/broken.xml"].state, health["/broken.xml"].last_error) == \
        ("failing", "HTTP 500 Internal Server Error")
    assert health["/broken.xml"].next_try_at > T0 + dt.timedelta(minutes=45)
    habeas.close()


def test_a_source_back_after_failures_is_healthy_again(tmp_path, server):
    server.routes = {"/feed.xml": {"status": 503, "body": b"down"}}
    habeas = store(tmp_path)
    watch.add_sources(habeas, [server.url("/feed.xml")])
    for minutes in (0, 15, 45, 105, 225):  # each try at the end of its wait
        result = watch.poll(habeas, every=EVERY, timeout=TIMEOUT,
                            now=T0 + dt.timedelta(minutes=minutes))
        assert result[0].outcome == "failed", minutes
    assert watch.health(habeas)[0].state == "dead"
    assert [p.outcome for p in watch.poll(habeas, every=EVERY, now=T0 + dt.timedelta(
        minutes=240))] == ["waiting"]
    server.routes["/feed.xml"] = {"body": rss("trs-1"), "etag": '"e1"'}
    result = watch.poll(habeas, every=EVERY, now=T0 + dt.timedelta(minutes=465))
    assert (result[0].outcome, result[0].new) == ("new", 1)
    health = watch.health(habeas)[0]
    assert (health.state, health.failures, health.last_error, health.next_try_at) == \
        ("ok", 0, None, None)
    # The server stops sending an ETag: the old one is sent once more, then no longer.
    server.routes["/feed.xml"] = {"body": rss("trs-1")}
    for minutes, sent in ((480, '"e1"'), (495, None)):
        assert watch.poll(habeas, every=EVERY, now=T0 + dt.timedelta(minutes=minutes)
                          )[0].outcome == "unchanged"
        assert server.asked("/feed.xml")[-1].get("If-None-Match") == sent
    habeas.close()


def test_polling_state_survives_restarts_on_both_stores(database_url, server, tmp_path):
    """Without extraction: what is stored and seen, on SQLite and PostgreSQL."""
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "one.txt").write_text(OMSK_TRANSFER, encoding="utf-8")
    server.routes = {"/feed.xml": {"body": rss("kzn-1", "gml-1")}}  # no validators at all
    for round_ in range(2):
        habeas = Habeas(database_url=database_url)
        watch.add_sources(habeas, [server.url("/feed.xml"), str(folder)])
        polled = watch.poll(habeas, every=EVERY, now=T0 + dt.timedelta(minutes=15 * round_))
        assert [p.new for p in polled] == ([2, 1] if round_ == 0 else [0, 0])
        assert (count(habeas, Article), count(habeas, SeenItem)) == (3, 3)
        habeas.close()
    (folder / "one.txt").write_text(OMSK_TRANSFER + " Relatives were not told.", "utf-8")
    (folder / "two.txt").write_text(KAZAN_CHARGE, encoding="utf-8")
    habeas = Habeas(database_url=database_url)
    polled = watch.poll(habeas, every=EVERY, now=T0 + dt.timedelta(minutes=30))
    assert [p.new for p in polled] == [0, 2]  # a changed file is a new item, like a new one
    watch.remove_source(habeas, str(folder))
    assert [h.kind for h in watch.health(habeas)] == ["url"]
    assert count(habeas, SeenItem) == 2  # the folder's items went with it
    habeas.close()


# ----------------------------------------------------------------------------- alerts

def test_tracked_persons_event_reaches_smtp_feed_and_digest(tmp_path, server, smtp):
    inbox, address = smtp
    mail = deliver.Mailer.parse(address, ["monitor@example.org"])
    habeas = store(tmp_path)
    with habeas.transaction() as session:
        tracked, created = alerts.track(session=session, name="Ilnur Safin")
        accounts.add_user(session=session, name="monitor", password=PASSWORD, role="viewer")
    assert created and tracked.person is None  # not in the store yet
    server.routes = {"/feed.xml": {"body": rss("kzn-1", "trs-1"), "etag": '"a"'}}
    watch.add_sources(habeas, [server.url("/feed.xml")])
    habeas.close()

    first, habeas = cycle(tmp_path, 0, mail=mail)
    assert [(a["reason"], a["event_type"], a["persons"]) for a in first.alerts] == [
        ("tracked", "arrest", "Ilnur Safin")]  # Gromov's charge: not tracked, not custody
    assert first.mailed == 1 and len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["Subject"] == "Habeas alert: arrest of Ilnur Safin (2026-11-03)"
    assert message["To"] == "monitor@example.org"
    body = text_of(message)
    assert "Police in Kazan detained the blogger Ilnur Safin on 3 November, his lawyer said." \
        in body
    assert "Source: Blogger detained in Kazan (Volga Rights Monitor)" in body
    habeas.close()

    # A new event about him that is no custody event still alerts: he is tracked.
    server.routes["/feed.xml"] = {"body": rss("kzn-2", "kzn-1", "trs-1"), "etag": '"b"'}
    second, habeas = cycle(tmp_path, 15, mail=mail)
    assert [(a["reason"], a["event_type"]) for a in second.alerts] == [("tracked", "charge")]
    assert len(inbox.messages) == 2
    assert "Investigators charged Ilnur Safin with calling for extremism" in \
        text_of(inbox.messages[1])
    habeas.close()

    # Restarted: the alerts are there, and none is sent again.
    third, habeas = cycle(tmp_path, 30, mail=mail)
    assert (third.alerts, third.mailed, len(inbox.messages)) == ([], 0, 2)
    with habeas.session() as session:
        kept, total = alerts.list_alerts(session=session)
    assert total == 2 and all(a.emailed_at is not None for a in kept)

    # The Atom feed, for a feed reader holding a token; revoked, it reads nothing.
    from fastapi.testclient import TestClient

    from habeas.web import make_app

    with habeas.transaction() as session:
        user = accounts.get_user(session=session, name="monitor")
        token = alerts.create_feed_token(session=session, user=user, label="reader")
    with TestClient(make_app(habeas)) as web_client:
        answer = web_client.get(f"/alerts.atom?token={token}")
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/atom+xml")
        assert (answer.headers["cache-control"], answer.headers["referrer-policy"]) == \
            ("no-store", "no-referrer")
        feed = feedparser.parse(answer.content)
        assert [e.title for e in feed.entries] == [  # no date is read for the charge
            "charge of Ilnur Safin", "arrest of Ilnur Safin (2026-11-03)"]
        content = feed.entries[1].content[0].value
        assert "detained the blogger Ilnur Safin on 3 November" in content
        assert "Source: Blogger detained in Kazan (Volga Rights Monitor)" in content
        assert web_client.get("/alerts.atom?token=hbf_wrong").status_code == 401
        assert web_client.get("/alerts.atom").status_code == 401
        with habeas.transaction() as session:
            (row,) = alerts.list_feed_tokens(session=session)
            alerts.revoke_feed_token(session=session, token_id=row.id)
        assert web_client.get(f"/alerts.atom?token={token}").status_code == 401

    # The day's digest, in Markdown and HTML.
    today = dt.datetime.now(dt.timezone.utc).date()
    result = deliver.digest(habeas, today)
    paths = deliver.write_digest(result, tmp_path / "digests")
    assert [p.name for p in paths] == [f"habeas-digest-{today}.md", f"habeas-digest-{today}.html"]
    markdown = paths[0].read_text(encoding="utf-8")
    assert markdown.startswith(f"# Habeas digest for {today}: 2 alert(s)\n")
    assert markdown.index("## arrest of Ilnur Safin") < markdown.index("## charge of Ilnur")
    assert "> Investigators charged Ilnur Safin with calling for extremism on 20 November" \
        in markdown
    html = paths[1].read_text(encoding="utf-8")
    assert "<h2>arrest of Ilnur Safin (2026-11-03)</h2>" in html
    assert "Source: Kazan blogger charged (Volga Rights Monitor)" in html
    habeas.close()


def test_alerts_page_counts_unread_per_user_and_escapes(client, web):  # noqa: F811
    """The web fixture's store (no spaCy): a tracked person's new report, stored after
    monitoring began, with a title written to break out of the page."""
    habeas = web.habeas
    with habeas.transaction() as session:
        alerts.track(session=session, name="Akhtem Chiygoz")
    text = "Chiygoz was charged again on 2 December, his lawyer said."
    extraction = Extraction(
        document={}, persons=[PersonRecord(id="p1", name="Chiygoz",
                                           mentions=[span(text, "Chiygoz")])],
        events=[EventRecord(type="charge", persons=["p1"], date="2026-12-02",
                            sources=[span(text, text)])],
        versions={"habeas_persons": "habeas.persons.v1", "habeas_events": "habeas.events.v3"})
    with habeas.transaction() as session:
        article, _ = add_article(session=session, document=Document(
            text=text, source="new.txt", title="<script>alert(1)</script> New charge"))
        save_extraction(session=session, article=article, extraction=extraction)
        made = alerts.collect(session=session)
    assert [(a.reason, a.persons) for a in made] == [("tracked", "Akhtem Chiygoz")]

    sign_in(client, "viewer")
    page = client.get("/alerts")
    assert page.status_code == 200
    assert "(1 unread)" in page.text and 'title="unread alerts">1</span>' in page.text
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; New charge" in page.text
    assert "Chiygoz was charged again on 2 December, his lawyer said." in page.text
    csrf = csrf_of(page.text)
    assert client.post("/alerts/read", data={"upto": made[0].id}).status_code == 403  # no CSRF
    client.post("/alerts/read", data={"upto": made[0].id, "csrf_token": csrf})
    assert "unread" not in client.get("/alerts").text.split("<main>")[1].split("<table")[0]

    # The feed link made on the page works, until it is revoked there.
    page = client.post("/alerts/feed-tokens", data={"label": "phone", "csrf_token": csrf})
    link = page.text.split('<code class="feed-link">')[1].split("</code>")[0]
    path = link.split("://", 1)[1].split("/", 1)[1].replace("&amp;", "&")
    assert client.get("/" + path).status_code == 200
    with habeas.session() as session:
        (row,) = alerts.list_feed_tokens(session=session)
    client.post(f"/alerts/feed-tokens/{row.id}/revoke", data={"csrf_token": csrf})
    assert client.get("/" + path).status_code == 401

    client.post("/logout", data={"csrf_token": csrf})
    sign_in(client, "editor")  # another user: still unread for them
    assert "(1 unread)" in client.get("/alerts").text


def test_old_events_and_lists_raise_no_alert(tmp_path):
    """Monitoring starts with the first track or watch: events stored before raise none."""
    from tests.test_web_fixtures import make_web

    made = make_web(tmp_path)
    with made.habeas.transaction() as session:
        assert alerts.collect(session=session) == []  # not started: nothing
        alerts.start(session=session)
        assert alerts.collect(session=session) == []  # started after the two reports
        assert session.scalar(select(func.count()).select_from(Alert)) == 0
    made.habeas.close()


# ----------------------------------------------------------------------------- the CLI

runner = CliRunner()


def test_cli_watch_once_sources_and_bad_input(tmp_path, server):
    db = str(tmp_path / "cli.db")
    server.routes = {"/feed.xml": {"body": rss("trs-1")}, "/gone.xml": {"status": 404}}
    result = runner.invoke(app, ["--db", db, "watch", "--once", "--every", "20m",
                                 server.url("/feed.xml"), server.url("/gone.xml")])
    assert result.exit_code == 1, result.output  # a source failed; the other was read
    assert "Polled 2 source(s): 1 new article(s) from 1, 0 unchanged, 1 failed" in result.output
    assert f"failed {server.url('/gone.xml')}: HTTP 404 Not Found (1 in a row" in result.output
    assert f"new {server.url('/feed.xml')}: 1 article(s)\n" in result.output
    assert "Extracted 1 article(s)" in result.output

    listing = runner.invoke(app, ["--db", db, "sources"])
    assert listing.exit_code == 0
    assert "Watched sources (2)" in listing.output and "failing (1×)" in listing.output

    for args, message in (
            (["watch", "--once", str(tmp_path / "nowhere")], "is neither an http(s) URL nor"),
            (["watch", "--once", "http://example.org/" + "x" * 2000], "longer than 2000 bytes"),
            (["watch", "--once", "--every", "1s"], "--every must be at least 10 s"),
            (["watch", "--once", "--every", "soon"], "--every must be a duration"),
            (["watch", "--once", "--smtp", "mailhost"], "--smtp must be HOST:PORT"),
            (["watch", "--once", "--smtp", "localhost:25"], "--smtp needs --mail-to"),
            (["untrack", "Nobody Here"], "'Nobody Here' is not tracked"),
            (["digest", "--day", "yesterday"], "--day must be a date")):
        result = runner.invoke(app, ["--db", db, *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1, result.output

    tracked = runner.invoke(app, ["--db", db, "track", "Pavel Gromov"])
    assert tracked.output.strip() == "Tracking Pavel Gromov (stored as Pavel Gromov)."
    assert runner.invoke(app, ["--db", db, "track", "pavel  gromov"]).output.startswith(
        "Already tracking Pavel Gromov")
    assert "No longer tracking Pavel Gromov." in runner.invoke(
        app, ["--db", db, "untrack", "Pavel Gromov"]).output
    digest = runner.invoke(app, ["--db", db, "digest", "-o", str(tmp_path / "d")])
    assert digest.exit_code == 0 and "0 alert(s); wrote" in digest.output


def test_import_tracks_the_persons_a_list_marks(tmp_path):
    listed = tmp_path / "list.csv"
    listed.write_text("name,birth_year,status,Tracked\nZarema Bekova,1980,detained,yes\n"
                      "Ruslan Tagirov,1975,sentenced,\nAnna Lis,1990,detained,no\n",
                      encoding="utf-8")
    db = str(tmp_path / "list.db")
    first = runner.invoke(app, ["--db", db, "import", str(listed)])
    assert first.exit_code == 0, first.output
    assert "Now tracking 1 more person(s) the list marks as tracked." in first.output
    listing = runner.invoke(app, ["--db", db, "tracked"])
    assert "Tracked persons (1)" in listing.output and "Zarema Bekova" in listing.output
    again = runner.invoke(app, ["--db", db, "import", str(listed)])
    assert "Now tracking" not in again.output


def report(habeas: Habeas, text: str, events: list[tuple[str, str, bool]],
           versions: dict | None = None) -> None:
    """Store a report with a hand-made extraction: (type, person, negated) per event, each
    read from the whole text."""
    names = list(dict.fromkeys(name for _, name, _ in events))
    persons = [PersonRecord(id=f"p{i}", name=n, mentions=[span(text, n)])
               for i, n in enumerate(names)]
    extraction = Extraction(
        document={}, persons=persons,
        events=[EventRecord(type=kind, persons=[f"p{names.index(name)}"], negated=negated,
                            sources=[span(text, text)]) for kind, name, negated in events],
        versions=versions or {"habeas_persons": "habeas.persons.v1",
                              "habeas_events": "habeas.events.v3"})
    with habeas.transaction() as session:
        article, _ = add_article(session=session, document=Document(text=text, source="t"))
        save_extraction(session=session, article=article, extraction=extraction)


def test_which_events_alert_on_both_stores(database_url):
    habeas = Habeas(database_url=database_url)
    report(habeas, "Mira Holt was arrested in 2019.", [("arrest", "Mira Holt", False)])
    with habeas.transaction() as session:
        alerts.track(session=session, name="Akhtem Chiygoz")  # monitoring begins here
        user = accounts.add_user(session=session, name="desk", password=PASSWORD, role="viewer")
    report(habeas, "Akhtem Chiygoz was released. Lena Park was transferred to Omsk. "
                   "Ivan Dor was charged. Lena Park was not arrested.",
           [("release", "Akhtem Chiygoz", False), ("transfer", "Lena Park", False),
            ("charge", "Ivan Dor", False), ("arrest", "Lena Park", True)])
    report(habeas, "name,status\nRoza Tal,detained\n", [("arrest", "Roza Tal", False)],
           versions={"habeas_import": "habeas.import.v1", "rows_done": 1})
    with habeas.transaction() as session:
        made = [(a.reason, a.event_type, a.persons, a.negated)
                for a in alerts.collect(session=session)]
        assert alerts.collect(session=session) == []  # each event looked at once
        assert alerts.unread(session=session, user=user) == 2
        newest = alerts.list_alerts(session=session)[0][0].id
        alerts.mark_read(session=session, user=user, upto=newest)
        token = alerts.create_feed_token(session=session, user=user)
    assert made == [("tracked", "release", "Akhtem Chiygoz", False),
                    ("custody", "transfer", "Lena Park", False)]
    habeas.close()

    habeas = Habeas(database_url=database_url)  # restarted: alerts, marks and tokens kept
    with habeas.transaction() as session:
        user = accounts.get_user(session=session, name="desk")
        assert alerts.unread(session=session, user=user) == 0
        assert alerts.list_alerts(session=session)[1] == 2
        assert alerts.feed_user(session=session, token=token).name == "desk"
        (row,) = alerts.list_feed_tokens(session=session, user=user)
        alerts.revoke_feed_token(session=session, token_id=row.id, user=user)
        assert alerts.feed_user(session=session, token=token) is None
        assert [t.name for t in alerts.list_tracked(session=session)] == ["Akhtem Chiygoz"]
        alerts.untrack(session=session, name="Chiygoz")  # any name of the person tracked
        assert alerts.list_tracked(session=session) == []
    habeas.close()


def test_the_dossier_tracks_and_untracks_for_editors_only(client, web):  # noqa: F811
    csrf = sign_in(client, "viewer")
    assert client.post("/persons/1/track", data={"on": 1, "csrf_token": csrf}).status_code \
        == 403
    assert 'id="track"' not in client.get("/persons/1").text  # not tracked, no button
    client.post("/logout", data={"csrf_token": csrf})

    csrf = sign_in(client, "editor")
    answer = client.post("/persons/1/track", data={"on": 1, "csrf_token": csrf},
                         follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/persons/1")
    with web.habeas.session() as session:
        assert [(t.name, t.person_id) for t in alerts.list_tracked(session=session)] == [
            ("Akhtem Chiygoz", 1)]
    assert ">Untrack</button>" in client.get("/persons/1").text
    client.post("/persons/1/track", data={"on": 0, "csrf_token": csrf})
    with web.habeas.session() as session:
        assert alerts.list_tracked(session=session) == []
    assert ">Track</button>" in client.get("/persons/1").text
    assert client.post("/persons/999/track", data={"on": 1, "csrf_token": csrf}
                       ).status_code == 404
