"""The resolution commands of ``habeas``: import, merge, split, history, suggestions.

A shell, like ``cli.py``: option parsing, one call into ``habeas.resolve``, Rich output. The
lead's ``cli.py`` calls ``register(app)``; it is safe to call more than once.
"""

from typing import Annotated, Optional

import typer
from rich.table import Table

from ..errors import HabeasError, UsageError

DbOption = Annotated[Optional[str], typer.Option(
    "--db", help="Database: a file path for SQLite or a SQLAlchemy URL.", show_default=False)]
# A list this long or shorter is shown row by row; a longer one shows its rejected rows only.
ROWS_SHOWN = 200
By = Annotated[str, typer.Option("--by", help="Who is making this decision (kept in the "
                                             "history).")]


def register(app: typer.Typer) -> None:
    """Add the commands to ``app`` (once)."""
    from .. import cli

    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    if "import" in names:
        return
    from .list_commands import register as register_lists

    register_lists(app)

    @app.command(name="import")
    def import_(
        ctx: typer.Context,
        file: Annotated[str, typer.Argument(help="A list: .csv, .json or .jsonl with columns "
                                                 "name, aliases, birth_year, arrest_date, "
                                                 "charge, sentence, status, notes.")],
        map_: Annotated[Optional[list[str]], typer.Option(
            "--map", help="COLUMN=FIELD for a column named otherwise (repeatable), e.g. "
                          "--map 'ФИО=name' --map yob=birth_year.")] = None,
        delimiter: Annotated[Optional[str], typer.Option(
            help="The CSV delimiter (default: guessed from the file: , ; tab or |).")] = None,
        encoding: Annotated[Optional[str], typer.Option(
            help="The file's encoding (default UTF-8), e.g. cp1251.")] = None,
        list_: Annotated[Optional[str], typer.Option(
            "--list", help="The list's name (default: the file's name). A new version of a "
                           "list imported before updates it in place.")] = None,
        db: DbOption = None,
    ) -> None:
        """Import a list a group already keeps; every row becomes claims sourced to the file.
        Importing a new version of the list again writes only what changed and prints (and
        stores: `habeas imports`) the rows added, removed and changed field by field."""
        from .list_commands import cell, print_diff_tables
        from .lists import import_list, parse_mapping

        habeas = cli.workspace(ctx, db)
        if delimiter in ("\\t", "tab"):
            delimiter = "\t"
        try:
            mapping = parse_mapping(map_ or [])
            with cli.progress_bar() as bar:
                task = bar.add_task("Importing", total=None)
                report = import_list(habeas.transaction, file, mapping=mapping,
                                     delimiter=delimiter, encoding=encoding,
                                     progress=lambda n: bar.advance(task, n), list_name=list_)
        except HabeasError as e:
            cli.fail(e)
        print_tracked_from_list(habeas, file, mapping, delimiter, encoding)
        if report.already:
            cli.console.print(f"{file}: already imported (same content); nothing changed.")
            return
        if not report.first:
            diff = report.diff
            cli.console.print(
                f"[bold]Updated[/bold] the list {cell(report.list_name)} from {cell(file)} (import "
                f"#{report.import_id}): {len(diff['added'])} added, {len(diff['removed'])} "
                f"removed, {len(diff['changed'])} changed, {diff['unchanged']} unchanged, "
                f"{report.count('rejected')} rejected.", highlight=False, soft_wrap=True)
            print_diff_tables(cli.console, diff)
            for row in report.rows:
                if row.status == "rejected":
                    cli.console.print(f"  row {row.row} {cell(row.name) or '(no name)'}: "
                                      f"rejected {cell(row.detail)}", highlight=False,
                                      soft_wrap=True)
            if report.count("rejected") and not (diff["added"] or diff["changed"]
                                                 or diff["unchanged"]):
                raise typer.Exit(1)  # no row of the new version could be read
            return
        resumed = f" (going on after row {report.resumed_at})" if report.resumed_at else ""
        cli.console.print(f"[bold]Imported[/bold] {len(report.rows)} row(s) from {file}"
                          f"{resumed}: {report.count('imported')} new, "
                          f"{report.count('merged')} merged into existing persons, "
                          f"{report.count('rejected')} rejected.",
                          highlight=False, soft_wrap=True)
        every = len(report.rows) <= ROWS_SHOWN
        for row in report.rows:
            if every or row.status == "rejected":
                line = f"  row {row.row} {row.name or '(no name)'}: {row.status}"
                cli.console.print(line + (f" {row.detail}" if row.detail else ""),
                                  highlight=False, soft_wrap=True)
        if report.rows and report.count("rejected") == len(report.rows):
            raise typer.Exit(1)

    @app.command()
    def merge(
        ctx: typer.Context,
        a: Annotated[Optional[str], typer.Argument(help="The person to keep (name or #id).")]
        = None,
        b: Annotated[Optional[str], typer.Argument(help="The person merged into A.")] = None,
        reason: Annotated[Optional[str], typer.Option(help="Why (kept in the history).")]
        = None,
        undo: Annotated[Optional[int], typer.Option(help="Undo the merge with this number "
                                                         "(see habeas history).")] = None,
        by: By = "reviewer",
        db: DbOption = None,
    ) -> None:
        """Merge person B into person A (or --undo N a merge); recorded in the history."""
        from . import persons as resolution

        habeas = cli.workspace(ctx, db)
        try:
            with habeas.session(write=True) as session, session.begin():
                if undo is not None:
                    row = resolution.undo_merge(session, undo, by=by)
                    message = f"Undid merge #{row.id}: {row.person_name} is separate from " \
                              f"{row.into_name} again."
                else:
                    if not a or not b:
                        raise UsageError("name two persons: habeas merge A B")
                    keep, other = resolution.lookup(session, a), resolution.lookup(session, b)
                    row = resolution.merge(session, other, keep, by=by,
                                           reason=reason or "merged by a reviewer")
                    message = f"Merged {row.person_name} (#{row.person_id}) into " \
                              f"{row.into_name} (#{row.into_id}); undo with habeas merge " \
                              f"--undo {row.id}."
        except HabeasError as e:
            cli.fail(e)
        cli.console.print(message, highlight=False)

    @app.command()
    def split(
        ctx: typer.Context,
        person: Annotated[str, typer.Argument(help="The person (name or #id).")],
        alias: Annotated[list[str], typer.Option(
            "--alias", help="A name to take out into its own person (repeatable).")],
        reason: Annotated[Optional[str], typer.Option(help="Why (kept in the history).")]
        = None,
        by: By = "reviewer",
        db: DbOption = None,
    ) -> None:
        """Split names off a person: into a new person with the reports that use them."""
        from . import persons as resolution

        habeas = cli.workspace(ctx, db)
        try:
            with habeas.session(write=True) as session, session.begin():
                root = resolution.canonical(session, resolution.lookup(session, person))
                name = root.name
                new = resolution.split(session, root, alias, by=by, reason=reason)
                message = f"Split {new.name} (#{new.id}) off {name} (#{root.id}); undo with " \
                          f"habeas merge '#{root.id}' '#{new.id}'."
        except HabeasError as e:
            cli.fail(e)
        cli.console.print(message, highlight=False)

    @app.command()
    def history(
        ctx: typer.Context,
        person: Annotated[str, typer.Argument(help="The person (name or #id).")],
        db: DbOption = None,
    ) -> None:
        """Merges, splits and suggestions about a person: who, when, why, with what score."""
        from . import persons as resolution

        habeas = cli.workspace(ctx, db)
        try:
            with habeas.session() as session:
                root = resolution.canonical(session, resolution.lookup(session, person))
                rows = resolution.history(session, root)
                title = f"History of {root.name} (#{root.id})"
        except HabeasError as e:
            cli.fail(e)
        table = Table(title=title)
        for column in ("#", "when", "what", "by", "score", "why"):
            table.add_column(column)
        for row in rows:
            what = f"{row['kind']}: {row['person']} → {row['into']}"
            if row.get("status"):
                what += f" ({row['status']})"
            if row["undone_at"]:
                what += f" (undone {row['undone_at']:%Y-%m-%d} by {row['undone_by']})"
            table.add_row(str(row["id"]), f"{row['when']:%Y-%m-%d %H:%M}", what, row["by"],
                          f"{row['score']:.2f}" if row["score"] is not None else "",
                          row["reason"] or "")
        cli.console.print(table)
        if not rows:
            cli.console.print("No merges, splits or suggestions.")

    @app.command()
    def suggestions(
        ctx: typer.Context,
        accept: Annotated[Optional[list[int]], typer.Option(help="Accept (merge) these.")]
        = None,
        reject: Annotated[Optional[list[int]], typer.Option(help="Reject: keep apart.")]
        = None,
        by: By = "reviewer",
        db: DbOption = None,
    ) -> None:
        """Merge suggestions waiting for review; --accept N merges, --reject N keeps apart."""
        from . import persons as resolution

        habeas = cli.workspace(ctx, db)
        try:
            with habeas.session(write=True) as session, session.begin():
                for number in accept or []:
                    resolution.review_suggestion(session, number, accept=True, by=by)
                for number in reject or []:
                    resolution.review_suggestion(session, number, accept=False, by=by)
                rows = resolution.pending_suggestions(session)
        except HabeasError as e:
            cli.fail(e)
        table = Table(title=f"Suggestions ({len(rows)})")
        for column in ("#", "person", "may be", "score", "why"):
            table.add_column(column)
        for row in rows:
            table.add_row(str(row["id"]), f"{row['person']} (#{row['person_id']})",
                          f"{row['candidate']} (#{row['candidate_id']})", f"{row['score']:.2f}",
                          row["reason"] or "")
        cli.console.print(table)


def print_tracked_from_list(habeas, file, mapping, delimiter, encoding) -> None:
    """Follow the persons the list marks in a ``tracked`` column (``habeas track``)."""
    from .. import cli
    from ..monitor.alerts import track_listed

    tracked, problems = track_listed(habeas.transaction, file, mapping=mapping,
                                     delimiter=delimiter, encoding=encoding)
    if tracked:
        cli.console.print(f"Now tracking {len(tracked)} more person(s) the list marks as "
                          "tracked.",
                          highlight=False)
    for problem in problems:
        cli.console.print(f"  [yellow]not tracked[/yellow] {cli.safe(problem)}", highlight=False,
                          soft_wrap=True)
