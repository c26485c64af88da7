"""The list commands of ``habeas`` beside ``import``: ``imports`` (what each import of a list
changed) and ``check-list`` (a list against the store). A shell like ``commands.py``: option
parsing, one call into ``resolve``/``store``, Rich tables or JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from ..errors import HabeasError, NotFound, UsageError
from ..sources.guards import printable

DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="Database: a file path for SQLite or a SQLAlchemy URL.", show_default=False)]
Format = Annotated[str, typer.Option("--format", "-f", help="table (Rich tables and a "
                                                             "summary) or json.")]
# Rows of a difference or a check printed before "... and N more" (json has them all).
SHOWN_ROWS = 200


def register(app: typer.Typer) -> None:
    from .. import cli

    @app.command()
    def imports(
        ctx: typer.Context,
        number: Annotated[Optional[int], typer.Argument(
            help="Show what this import changed: rows added, removed and changed field by "
                 "field.", show_default=False)] = None,
        list_: Annotated[Optional[str], typer.Option(
            "--list", help="Only the imports of this list (its name, or its file).")] = None,
        format: Format = "table",
        db: DbOption = None,
    ) -> None:
        """The imports of lists, oldest first, with what each changed; `habeas imports N` shows
        import N's difference from the version before."""
        from ..store.lists import ListImport, list_imports

        _check_format(cli, format)
        habeas = cli.workspace(ctx, db)
        try:
            with habeas.session() as session:
                if number is not None:
                    record = session.get(ListImport, number)
                    if record is None:
                        raise NotFound(f"no import #{number} (`habeas imports` lists them)")
                    payload = _import_json(record, diff=True)
                else:
                    name = list_name_of(list_) if list_ else None
                    payload = [_import_json(r) for r in list_imports(session, name)]
        except HabeasError as e:
            cli.fail(e)
        if format == "json":
            _print_json(payload)
        elif number is not None:
            print_difference(cli.console, payload)
        else:
            _imports_table(cli.console, payload)

    @app.command(name="check-list")
    def check_list_(
        ctx: typer.Context,
        list_: Annotated[str, typer.Argument(
            metavar="LIST", help="The list: its name (the file name it was imported from, or "
                                 "--list) or the file itself.")],
        months: Annotated[int, typer.Option(
            help="A person on the list with no report for this many months is shown.")] = 6,
        format: Format = "table",
        db: DbOption = None,
    ) -> None:
        """Check a list against the store: persons on it no report has named for --months
        months, and persons reported in custody (arrested, sentenced, transferred, ...) who are
        not on it."""
        from .list_check import check_list

        _check_format(cli, format)
        habeas = cli.workspace(ctx, db)
        try:
            with habeas.session() as session:
                report = check_list(session, list_name_of(list_), months=months)
        except HabeasError as e:
            cli.fail(e)
        if format == "json":
            _print_json(report.as_json())
        else:
            print_check(cli.console, report)


def cell(value: Any) -> str:
    """A value read from a list or a report, shown inert (no Rich markup, no control
    characters), as ``cli.safe`` shows file names."""
    return escape(printable("" if value is None else str(value)))


def list_name_of(text: str) -> str:
    """A list's name from what the user typed: a name, or a path (its file name)."""
    return Path(text).name if ("/" in text or Path(text).is_file()) else text


def _check_format(cli, format: str) -> None:
    if format not in ("table", "json"):
        cli.fail(UsageError(f"--format must be table or json, not {format!r}"))


def _print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1, default=str) + "\n")


def _import_json(record, *, diff: bool = False) -> dict[str, Any]:
    out = {"id": record.id, "list": record.list_name, "source": record.source,
           "article_id": record.article_id, "first": record.first, "complete": record.complete,
           "started_at": record.started_at, "finished_at": record.finished_at,
           "by": record.by, "counts": record.counts or {}}
    if diff:
        out["diff"] = record.diff
    return out


def _imports_table(console, rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"List imports ({len(rows)})")
    for column in ("#", "list", "when", "file", "rows", "added", "removed", "changed",
                   "unchanged", "rejected"):
        table.add_column(column, justify="right" if column in ("#", "rows", "added", "removed",
                                                                "changed", "unchanged",
                                                                "rejected") else "left")
    for row in rows:
        counts = row["counts"]
        when = f"{row['started_at']:%Y-%m-%d %H:%M}" + ("" if row["complete"] else " (stopped)")
        table.add_row(str(row["id"]), cell(row["list"]), when, cell(row["source"]),
                      *(str(counts.get(k, "")) for k in ("rows", "added")),
                      *(("first import", "", "") if row["first"] else
                        (str(counts.get(k, "")) for k in ("removed", "changed", "unchanged"))),
                      str(counts.get("rejected", "")))
    console.print(table)
    if not rows:
        console.print("No list imported yet: `habeas import FILE`.")


def print_difference(console, record: dict[str, Any]) -> None:
    """One import's difference as three tables and a summary line."""
    counts, diff = record["counts"], record.get("diff")
    console.print(f"[bold]Import #{record['id']}[/bold] of {cell(record['list'])} from "
                  f"{cell(record['source'])}: {_summary(counts, first=record['first'])}",
                  highlight=False, soft_wrap=True)
    if record["first"] or not diff:
        return
    print_diff_tables(console, diff)


def print_diff_tables(console, diff: dict[str, Any]) -> None:
    from .list_updates import SHOWN_FIELDS

    for kind, colour in (("added", "green"), ("removed", "red")):
        if diff[kind]:
            table = Table(title=f"[{colour}]{kind.capitalize()}[/{colour}] ({len(diff[kind])})")
            for column in ("row", *SHOWN_FIELDS):
                table.add_column(column)
            for row in diff[kind][:SHOWN_ROWS]:
                table.add_row(str(row["row"]), *(cell(row[f]) for f in SHOWN_FIELDS))
            console.print(table)
            _more(console, diff[kind])
    if diff["changed"]:
        table = Table(title=f"[yellow]Changed[/yellow] ({len(diff['changed'])})")
        for column in ("row", "name", "field", "was", "now"):
            table.add_column(column)
        for row in diff["changed"][:SHOWN_ROWS]:
            for n, (name, (was, now)) in enumerate(row["fields"].items()):
                table.add_row(str(row["row"]) if not n else "", cell(row["name"]) if not n
                              else "", name, cell(was), cell(now))
        console.print(table)
        _more(console, diff["changed"])
    for row in diff.get("kept", []):
        console.print(f"  kept {cell(row['name'])}: the new version's row of that name could not "
                      "be read", highlight=False)


def _more(console, rows: list[Any]) -> None:
    if len(rows) > SHOWN_ROWS:
        console.print(f"... and {len(rows) - SHOWN_ROWS} more (--format json shows all)")


def _summary(counts: dict[str, int], *, first: bool) -> str:
    if first:
        return f"first import, {counts.get('added', 0)} row(s), " \
               f"{counts.get('rejected', 0)} rejected."
    return ", ".join(f"{counts.get(k, 0)} {k}" for k in ("added", "removed", "changed",
                                                          "unchanged", "rejected")) + "."


def print_check(console, report) -> None:
    silent = Table(title=f"On {cell(report.list_name)}, no report for {report.months} month(s) "
                         f"({len(report.silent)})")
    for column in ("person", "born", "last report", "title"):
        silent.add_column(column)
    for row in report.silent[:SHOWN_ROWS]:
        silent.add_row(cell(row.name) + (f" (#{row.person_id})" if row.person_id else ""),
                       str(row.birth_year or ""), row.last_report or "never",
                       cell((row.last_title or "")[:60]))
    console.print(silent)
    _more(console, report.silent)
    missing = Table(title=f"Reported in custody, not on {cell(report.list_name)} "
                          f"({len(report.missing)})")
    for column in ("person", "status", "latest event", "reports"):
        missing.add_column(column)
    for row in report.missing[:SHOWN_ROWS]:
        missing.add_row(f"{cell(row.name)} (#{row.person_id})", row.status, row.latest_event,
                        str(row.reports))
    console.print(missing)
    _more(console, report.missing)
    console.print(f"[bold]{cell(report.list_name)}[/bold]: {report.on_list} person(s) on the list; "
                  f"{len(report.silent)} with no report since "
                  f"{report.months} month(s) before {report.today}; {len(report.missing)} "
                  "reported in custody and not on the list.", highlight=False, soft_wrap=True)
