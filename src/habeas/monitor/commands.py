"""The monitor's commands: ``watch``, ``sources``, ``unwatch``, ``track``, ``untrack``,
``tracked``, ``alerts``, ``digest`` and ``feed token|list|revoke``.

``register(app)`` adds them to the ``habeas`` Typer app; each parses its options, calls the core
(``monitor.watch``, ``monitor.alerts``, ``monitor.deliver``) and prints the result with Rich.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from ..errors import HabeasError, UsageError
from . import alerts, deliver, watch

DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(s|m|h|d)?", re.IGNORECASE)
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# The shortest --every accepted: a source is not a thing to hammer.
MIN_EVERY = 10

feed_app = typer.Typer(help="The Atom feed of alerts: make, list and revoke its tokens.",
                       no_args_is_help=True)

Smtp = Annotated[Optional[str], typer.Option(
    help="E-mail alerts through this SMTP server, HOST:PORT (login from HABEAS_SMTP_USER and "
         "HABEAS_SMTP_PASSWORD when set).", show_default=False)]
MailTo = Annotated[Optional[list[str]], typer.Option(
    "--mail-to", help="Recipient of the e-mail (repeatable).", show_default=False)]
MailFrom = Annotated[Optional[str], typer.Option(
    "--mail-from", help=f"Sender address (default {deliver.DEFAULT_SENDER}).",
    show_default=False)]
StartTls = Annotated[bool, typer.Option("--starttls", help="Use STARTTLS with --smtp.")]
# As ``cli.DbOption`` (not imported: cli imports this module while it loads).
DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="Database: a file path for SQLite or a SQLAlchemy URL (as `habeas --db`).",
    show_default=False)]


def _cli():
    from .. import cli

    return cli


def parse_duration(text: str) -> float:
    """Seconds in "15m", "1h", "90s", "2d" or a plain number of seconds."""
    match = DURATION.fullmatch(text.strip())
    if not match:
        raise UsageError(f"--every must be a duration like 15m, 1h or 90s, not {text!r}")
    seconds = float(match.group(1)) * UNIT_SECONDS[(match.group(2) or "s").lower()]
    if seconds < MIN_EVERY:
        raise UsageError(f"--every must be at least {MIN_EVERY} s")
    return seconds


def _mailer(smtp, mail_to, mail_from, starttls) -> deliver.Mailer | None:
    if smtp is None:
        if mail_to:
            raise UsageError("--mail-to needs --smtp HOST:PORT")
        return None
    return deliver.Mailer.parse(smtp, mail_to, mail_from, starttls)


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


# ----------------------------------------------------------------------------- watch

def watch_command(
    ctx: typer.Context,
    sources: Annotated[Optional[list[str]], typer.Argument(
        help="RSS/Atom feed or page URLs, and folders: watched from now on, and polled. "
             "Without any, every watched source is polled.", show_default=False)] = None,
    every: Annotated[str, typer.Option(help="Time between polls: 15m, 1h, 90s.")] = "15m",
    once: Annotated[bool, typer.Option(
        "--once", help="Poll once and exit (for cron or a systemd timer); exit 1 when a "
                       "source failed.")] = False,
    timeout: Annotated[float, typer.Option(
        help="Seconds to wait for a server before the source counts as failed.")
    ] = watch.DEFAULT_TIMEOUT,
    smtp: Smtp = None, mail_to: MailTo = None, mail_from: MailFrom = None,
    starttls: StartTls = False,
    db: DbOption = None,
) -> None:
    """Poll feeds, pages and folders for new reports, read as `habeas run` reads them.

    New events about tracked persons, and custody events about anyone, make alerts."""
    cli = _cli()
    habeas = cli.workspace(ctx, db)
    try:
        seconds = parse_duration(every)
        mailer = _mailer(smtp, mail_to, mail_from, starttls)
        if timeout <= 0:
            raise UsageError("--timeout must be positive")
        if sources:
            watch.add_sources(habeas, sources)
        if not watch.health(habeas):
            raise UsageError("nothing to watch: give feed or page URLs, or folders")
    except HabeasError as e:
        cli.fail(e)
    while True:
        try:
            cycle = _one_cycle(habeas, sources or None, seconds, timeout, mailer)
        except HabeasError as e:
            cli.fail(e)
        print_cycle(cycle)
        if once:
            raise typer.Exit(1 if cycle.failed else 0)
        then = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=seconds)
        cli.err.print(f"Next poll at {_when(then)} UTC (Ctrl+C to stop).", highlight=False)
        try:
            time.sleep(seconds)
        except KeyboardInterrupt:
            raise typer.Exit(0) from None


def _one_cycle(habeas, sources, seconds: float, timeout: float, mailer) -> watch.Cycle:
    cli = _cli()
    count = len(sources) if sources else len(watch.health(habeas))
    with cli.progress_bar() as bar:
        task = bar.add_task("Polling", total=count)
        return watch.run_cycle(habeas, sources, every=seconds, timeout=timeout, mail=mailer,
                               progress=lambda _: bar.advance(task),
                               extract=lambda h: cli.do_extract(h, None))


def print_cycle(cycle: watch.Cycle) -> None:
    cli = _cli()
    safe = cli.safe
    new = sum(p.new for p in cycle.polled)
    counts = {o: sum(p.outcome == o for p in cycle.polled)
              for o in ("new", "unchanged", "failed", "waiting")}
    cli.console.print(
        f"[bold]Polled[/bold] {len(cycle.polled) - counts['waiting']} source(s): {new} new "
        f"article(s) from {counts['new']}, {counts['unchanged']} unchanged, {counts['failed']} "
        f"failed, {counts['waiting']} waiting after failures.", highlight=False)
    for polled in cycle.polled:
        where = safe(polled.location)
        if polled.outcome == "new":
            already = f" ({polled.already} already stored)" if polled.already else ""
            cli.console.print(f"  [green]new[/green] {where}: {polled.new} article(s){already}",
                              highlight=False, soft_wrap=True)
        elif polled.outcome == "failed":
            cli.console.print(f"  [red]failed[/red] {where}: {safe(polled.error or '')} "
                              f"({polled.failures} in a row; next try after "
                              f"{_when(polled.next_try_at)} UTC)", highlight=False,
                              soft_wrap=True)
        elif polled.outcome == "waiting":
            cli.console.print(f"  [yellow]waiting[/yellow] {where} until "
                              f"{_when(polled.next_try_at)} UTC after {polled.failures} "
                              "failure(s)", highlight=False, soft_wrap=True)
        for item in polled.skipped:
            cli.console.print(f"  [yellow]skipped[/yellow] {safe(item.line())}",
                              highlight=False, soft_wrap=True)
    if cycle.extracted is not None:
        cli.print_extract(cycle.extracted)
    cli.console.print(f"[bold]Alerts[/bold]: {len(cycle.alerts)} new.", highlight=False)
    for item in cycle.alerts:
        cli.console.print(f"  [magenta]{item['reason']}[/magenta] {safe(item['summary'])}: "
                          f"{safe(item['sentence'] or '')}", highlight=False, soft_wrap=True)
    if cycle.mailed:
        cli.console.print(f"E-mailed {cycle.mailed} alert(s).")
    if cycle.mail_error:
        cli.err.print(f"[red]e-mail failed[/red] {safe(cycle.mail_error)} (sent next time)",
                      highlight=False)


def sources_command(
    ctx: typer.Context,
    db: DbOption = None,
) -> None:
    """List the watched sources and their health.

    ok; failing (backing off); dead (failed 5 times in a row); new (never polled)."""
    cli = _cli()
    rows = watch.health(cli.workspace(ctx, db))
    table = Table(title=f"Watched sources ({len(rows)})")
    for column in ("#", "source", "kind", "health", "articles", "last success", "checked",
                   "last error", "next try"):
        table.add_column(column)
    colour = {"ok": "green", "failing": "yellow", "dead": "red", "new": "cyan"}
    for row in rows:
        state = row.state + (f" ({row.failures}×)" if row.failures else "")
        table.add_row(str(row.id), cli.safe(row.location), row.kind,
                      f"[{colour[row.state]}]{state}[/{colour[row.state]}]", str(row.articles),
                      _when(row.last_success_at), _when(row.last_checked_at),
                      cli.safe(row.last_error or ""), _when(row.next_try_at))
    cli.console.print(table)


def unwatch_command(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="A watched URL or folder, or its number in "
                                               "`habeas sources`.")],
    db: DbOption = None,
) -> None:
    """Stop watching a source (the articles read from it stay)."""
    cli = _cli()
    try:
        watch.remove_source(cli.workspace(ctx, db), source)
    except HabeasError as e:
        cli.fail(e)
    cli.console.print(f"No longer watching {cli.safe(source)}.", highlight=False)


# ----------------------------------------------------------------------------- tracking

def track_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A person's name (need not be in the store "
                                             "yet: a later report naming them matches).")],
    db: DbOption = None,
) -> None:
    """Follow a person: every new event about them makes an alert."""
    cli = _cli()
    try:
        with cli.workspace(ctx, db).transaction() as session:
            tracked, created = alerts.track(session=session, name=name)
    except HabeasError as e:
        cli.fail(e)
    where = f"stored as {tracked.person}" if tracked.person else "not in the store yet"
    verb = "Tracking" if created else "Already tracking"
    cli.console.print(f"{verb} {cli.safe(tracked.name)} ({cli.safe(where)}).",
                      highlight=False)


def untrack_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A tracked name.")],
    db: DbOption = None,
) -> None:
    """Stop following a person (their alerts stay)."""
    cli = _cli()
    try:
        with cli.workspace(ctx, db).transaction() as session:
            gone = alerts.untrack(session=session, name=name)
    except HabeasError as e:
        cli.fail(e)
    cli.console.print(f"No longer tracking {cli.safe(gone.name)}.", highlight=False)


def tracked_command(ctx: typer.Context, db: DbOption = None) -> None:
    """List the tracked persons."""
    cli = _cli()
    with cli.workspace(ctx, db).session() as session:
        rows = alerts.list_tracked(session=session)
    table = Table(title=f"Tracked persons ({len(rows)})")
    for column in ("name", "stored as"):
        table.add_column(column)
    for row in rows:
        table.add_row(cli.safe(row.name), cli.safe(row.person or "(not in the store yet)"))
    cli.console.print(table)


# ----------------------------------------------------------------------------- alerts

def alerts_command(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 50,
    db: DbOption = None,
) -> None:
    """List the alerts, newest first, each with its sentence and source."""
    cli = _cli()
    with cli.workspace(ctx, db).transaction() as session:
        alerts.collect(session=session)
        rows, total = alerts.list_alerts(session=session, limit=limit)
        items = [deliver.alert_dict(a) for a in rows]
    table = Table(title=f"Alerts ({len(items)} of {total})")
    for column in ("#", "made", "why", "event", "sentence", "source"):
        table.add_column(column)
    for item in items:
        source = (item["title"] or f"report {item['article_id']}") + \
            (f" ({item['outlet']})" if item["outlet"] else "")
        table.add_row(str(item["id"]), item["created_at"][:16].replace("T", " "),
                      item["reason"], cli.safe(item["summary"]),
                      cli.safe(item["sentence"] or ""), cli.safe(source))
    cli.console.print(table)


def digest_command(
    ctx: typer.Context,
    day: Annotated[Optional[str], typer.Option(
        help="The day (YYYY-MM-DD, UTC) whose alerts to gather; default today.")] = None,
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Folder for habeas-digest-DAY.md and .html.")] = Path("."),
    smtp: Smtp = None, mail_to: MailTo = None, mail_from: MailFrom = None,
    starttls: StartTls = False,
    db: DbOption = None,
) -> None:
    """Write the day's alerts as a digest in Markdown and HTML (and e-mail it with --smtp)."""
    cli = _cli()
    try:
        when = dt.date.fromisoformat(day) if day else dt.datetime.now(dt.timezone.utc).date()
    except ValueError:
        cli.fail(UsageError(f"--day must be a date like 2026-12-06, not {day!r}"))
    try:
        mailer = _mailer(smtp, mail_to, mail_from, starttls)
        result = deliver.digest(cli.workspace(ctx, db), when)
        paths = deliver.write_digest(result, output)
        if mailer is not None:
            deliver.send_digest(result, mailer)
    except HabeasError as e:
        cli.fail(e)
    cli.console.print(f"Digest for {when.isoformat()}: {len(result.alerts)} alert(s); wrote "
                      + ", ".join(str(p) for p in paths)
                      + (f"; e-mailed to {', '.join(mailer.to)}" if mailer else "") + ".",
                      highlight=False, soft_wrap=True)


# ----------------------------------------------------------------------------- feed tokens

@feed_app.command("token")
def feed_token(
    ctx: typer.Context,
    user: Annotated[str, typer.Argument(help="The web app user the token reads for.")],
    label: Annotated[Optional[str], typer.Option(help="A note: which feed reader.")] = None,
) -> None:
    """Make a token for the alerts feed; its URL is printed once (it reads alerts only)."""
    from ..store import accounts

    cli = _cli()
    try:
        with cli.workspace(ctx).transaction() as session:
            found = accounts.get_user(session=session, name=user)
            if found is None:
                raise HabeasError(f"no user called {user!r}")
            token = alerts.create_feed_token(session=session, user=found, label=label)
    except HabeasError as e:
        cli.fail(e)
    cli.console.print(f"Feed URL (shown once; `habeas feed revoke` ends it):\n"
                      f"  http://HOST:PORT/alerts.atom?token={token}", highlight=False,
                      soft_wrap=True)


@feed_app.command("list")
def feed_list(ctx: typer.Context) -> None:
    """List the feed tokens (never the tokens themselves)."""
    from ..store import accounts

    cli = _cli()
    with cli.workspace(ctx).session() as session:
        rows = alerts.list_feed_tokens(session=session)
        names = {u.id: u.name for u in accounts.list_users(session=session)}
    table = Table(title=f"Feed tokens ({len(rows)})")
    for column in ("#", "user", "label", "made"):
        table.add_column(column)
    for row in rows:
        table.add_row(str(row.id), names.get(row.user_id, "?"), cli.safe(row.label or ""),
                      _when(row.created_at))
    cli.console.print(table)


@feed_app.command("revoke")
def feed_revoke(ctx: typer.Context,
                token_id: Annotated[int, typer.Argument(help="The number `feed list` shows.")]
                ) -> None:
    """Revoke a feed token: its URL stops working at once."""
    cli = _cli()
    try:
        with cli.workspace(ctx).transaction() as session:
            alerts.revoke_feed_token(session=session, token_id=token_id)
    except HabeasError as e:
        cli.fail(e)
    cli.console.print(f"Revoked feed token {token_id}.")


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_command)
    app.command("sources")(sources_command)
    app.command("unwatch")(unwatch_command)
    app.command("track")(track_command)
    app.command("untrack")(untrack_command)
    app.command("tracked")(tracked_command)
    app.command("alerts")(alerts_command)
    app.command("digest")(digest_command)
    app.add_typer(feed_app, name="feed")
