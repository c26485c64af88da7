"""Alerts leaving the store: the daily digest (Markdown and HTML), the Atom feed, e-mail.

Each alert carries the event, the sentence it was read from and its source, in every form. The
HTML is rendered by Jinja2 with autoescaping and the Markdown with its markup characters
escaped, so a report's text never becomes markup; the Atom feed is written by feedgen, which
escapes for itself. E-mail goes through the SMTP server the user names, with smtplib.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import update

from ..errors import HabeasError, UsageError
from ..store.models import utcnow
from ..store.monitor import Alert
from ..workspace import Habeas
from . import alerts

if TYPE_CHECKING:  # imported when a digest is rendered, not by every command of the CLI
    from jinja2 import Environment

TEMPLATES = Path(__file__).parent / "templates"
REASON_LABELS = {"tracked": "tracked person", "custody": "custody event"}
# Characters that are markup in Markdown (and HTML, which Markdown passes through).
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#])")
DEFAULT_SENDER = "habeas@localhost"
SMTP_TIMEOUT = 30
# Alerts in the Atom feed.
FEED_ENTRIES = 100


class MailError(HabeasError):
    """The SMTP server could not be reached or refused the message."""


def alert_dict(alert: Alert) -> dict[str, Any]:
    return {"id": alert.id, "reason": alert.reason,
            "reason_label": REASON_LABELS.get(alert.reason, alert.reason),
            "summary": alerts.describe(alert), "created_at": alert.created_at.isoformat(),
            "event_id": alert.event_id, "event_type": alert.event_type,
            "event_date": alert.event_date, "negated": alert.negated, "hedged": alert.hedged,
            "persons": alert.persons, "sentence": alert.sentence,
            "article_id": alert.article_id, "title": alert.title, "outlet": alert.outlet,
            "url": alert.url}


# ----------------------------------------------------------------------------- rendering

def _environment(autoescape: bool) -> Environment:
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=autoescape,
                      keep_trailing_newline=True)
    env.filters["md"] = lambda text: MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    env.filters["is_web_url"] = lambda url: str(url or "").lower().startswith(("http://",
                                                                               "https://"))
    return env


def render(items: list[dict[str, Any]], title: str) -> tuple[str, str]:
    """The alerts as ``(markdown, html)``."""
    markdown = _environment(False).get_template("digest.md").render(alerts=items, title=title)
    html = _environment(True).get_template("digest.html").render(alerts=items, title=title)
    return markdown, html


@dataclass
class Digest:
    day: dt.date
    alerts: list[dict[str, Any]]
    markdown: str
    html: str
    files: list[Path] = field(default_factory=list)


def digest(habeas: Habeas, day: dt.date) -> Digest:
    """The alerts made on ``day`` (UTC), collected first, rendered."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)
    with habeas.transaction() as session:
        alerts.collect(session=session)
        rows, _ = alerts.list_alerts(session=session, since=start,
                                     until=start + dt.timedelta(days=1), limit=100_000)
        items = [alert_dict(a) for a in reversed(rows)]  # oldest first, as the day went
    title = f"Habeas digest for {day.isoformat()}: {len(items)} alert(s)"
    markdown, html = render(items, title)
    return Digest(day=day, alerts=items, markdown=markdown, html=html)


def write_digest(result: Digest, folder: Path) -> list[Path]:
    """``habeas-digest-DAY.md`` and ``.html`` in ``folder`` (made if missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for suffix, text in (("md", result.markdown), ("html", result.html)):
            path = folder / f"habeas-digest-{result.day.isoformat()}.{suffix}"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    except OSError as e:
        raise UsageError(f"cannot write the digest in {folder}: {e.strerror or e}") from e
    result.files = paths
    return paths


def atom_feed(items: list[dict[str, Any]], *, feed_url: str, site_url: str) -> bytes:
    """An Atom document of the alerts, newest first."""
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(feed_url.split("?")[0])
    feed.title("Habeas alerts")
    feed.subtitle("New events about tracked persons, and custody events about anyone")
    feed.link(href=site_url + "alerts", rel="alternate")
    feed.updated(items[0]["created_at"] if items else utcnow())
    for item in reversed(items):  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(f"{site_url}alerts#{item['id']}")
        entry.title(item["summary"])
        entry.updated(item["created_at"])
        link = item["url"] if str(item["url"] or "").startswith(("http://", "https://")) \
            else f"{site_url}reports/{item['article_id']}" if item["article_id"] else None
        if link:
            entry.link(href=link)
        source = item["title"] or f"report {item['article_id']}"
        if item["outlet"]:
            source += f" ({item['outlet']})"
        entry.content(f"{REASON_LABELS[item['reason']]}: {item['sentence'] or ''}\n"
                      f"Source: {source}", type="text")
    return feed.atom_str(pretty=True)


# ----------------------------------------------------------------------------- e-mail

@dataclass
class Mailer:
    """Where and to whom e-mail goes. Credentials come from HABEAS_SMTP_USER and
    HABEAS_SMTP_PASSWORD, never from the command line (it shows in ``ps``)."""

    host: str
    port: int
    to: list[str]
    sender: str = DEFAULT_SENDER
    starttls: bool = False

    @classmethod
    def parse(cls, smtp: str, to: list[str] | None, sender: str | None = None,
              starttls: bool = False) -> Mailer:
        host, _, port = smtp.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise UsageError(f"--smtp must be HOST:PORT (e.g. localhost:25), not {smtp!r}")
        if not to:
            raise UsageError("--smtp needs --mail-to ADDRESS")
        return cls(host=host.strip("[]"), port=int(port), to=list(to),
                   sender=sender or DEFAULT_SENDER, starttls=starttls)

    def send(self, subject: str, text: str, html: str | None = None) -> None:
        message = EmailMessage()
        message["Subject"] = subject
        message["From"] = self.sender
        message["To"] = ", ".join(self.to)
        message["Message-ID"] = make_msgid(domain="habeas.local")
        message.set_content(text)
        if html is not None:
            message.add_alternative(html, subtype="html")
        user, password = os.environ.get("HABEAS_SMTP_USER"), \
            os.environ.get("HABEAS_SMTP_PASSWORD")
        try:
            with smtplib.SMTP(self.host, self.port, timeout=SMTP_TIMEOUT) as server:
                if self.starttls:
                    server.starttls()
                if user:
                    server.login(user, password or "")
                server.send_message(message)
        except (smtplib.SMTPException, OSError) as e:
            raise MailError(f"cannot send e-mail through {self.host}:{self.port}: "
                            f"{' '.join(str(e).split()) or type(e).__name__}") from e


def send_unsent(habeas: Habeas, mailer: Mailer) -> int:
    """E-mail every alert not sent yet, in one message; how many. They are marked sent only
    after the server took the message, so a failure sends them next time."""
    with habeas.session() as session:
        rows = alerts.unsent(session=session)
        items = [alert_dict(a) for a in rows]
    if not items:
        return 0
    subject = (f"Habeas alert: {items[0]['summary']}" if len(items) == 1
               else f"Habeas: {len(items)} new alerts")
    markdown, html = render(items, subject)
    mailer.send(subject, markdown, html)
    ids = [i["id"] for i in items]
    with habeas.transaction() as session:
        for start in range(0, len(ids), alerts.CHUNK):
            session.execute(update(Alert).where(Alert.id.in_(ids[start:start + alerts.CHUNK]))
                            .values(emailed_at=utcnow()))
    return len(items)


def send_digest(result: Digest, mailer: Mailer) -> None:
    mailer.send(f"Habeas digest {result.day.isoformat()}: {len(result.alerts)} alert(s)",
                result.markdown, result.html)
