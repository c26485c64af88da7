"""``habeas backup`` and ``habeas restore``: backups taken while a real ``habeas run`` writes
are sound, and restoring one gives back every row. SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from habeas.cli import app
from habeas.store.db import make_engine
from habeas.workspace import Habeas

from test_resume import habeas_run, write_folder


def row_counts(url) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            tables = [t for t in sa.inspect(connection).get_table_names()
                      if t != "alembic_version" and not t.startswith("search_")]
            return {t: connection.execute(sa.text(f'SELECT count(*) FROM "{t}"')).scalar()
                    for t in sorted(tables)}
    finally:
        engine.dispose()


def cli(*args):
    return CliRunner().invoke(app, list(args))


def sqlite_url(path) -> str:
    return f"sqlite:///{path}"


def backups_while_running(url, folder, tmp_path) -> list:
    """Back up again and again while ``habeas run`` writes; the paths written."""
    run = habeas_run(url, folder)
    written = []
    habeas = Habeas(database_url=url)
    try:
        while run.poll() is None or not written:
            target = tmp_path / f"backup-{len(written)}.bak"
            habeas.backup(target)
            written.append(target)
    finally:
        habeas.close()
    _, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    return written


def test_sqlite_backup_while_writing_then_restore(tmp_path):
    folder = tmp_path / "reports"
    write_folder(folder)
    url = sqlite_url(tmp_path / "live.db")
    written = backups_while_running(url, folder, tmp_path)
    for path in written:  # each is a whole store: sound, facts only of finished articles
        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute(
            "SELECT count(*) FROM claims JOIN articles ON articles.id = claims.article_id "
            "WHERE articles.status != 'extracted'").fetchone()[0] == 0
        connection.close()
    final = tmp_path / "final.bak"
    result = cli("--db", url, "backup", str(final))
    assert result.exit_code == 0, result.output
    assert "Backed up to" in result.output and "60 article(s)" in result.output

    restored = sqlite_url(tmp_path / "restored.db")
    result = cli("--db", restored, "restore", str(final))
    assert result.exit_code == 0, result.output
    assert "Restored" in result.output and "60 extracted" in result.output
    assert row_counts(restored) == row_counts(url)

    again = cli("--db", restored, "restore", str(final))
    assert again.exit_code == 2
    assert "the store is not empty; pass --force" in again.output
    assert cli("--db", restored, "restore", str(final), "--force").exit_code == 0
    exists = cli("--db", url, "backup", str(final))
    assert exists.exit_code == 2 and "exists; pass --force" in exists.output


def test_backup_holds_what_is_still_in_the_wal(tmp_path):
    from habeas.model import Document

    path = tmp_path / "live.db"
    habeas = Habeas(database_url=sqlite_url(path))
    try:
        habeas._add_article(Document(text="Newest report.", source="x.txt"))
        assert (tmp_path / "live.db-wal").stat().st_size > 0  # not yet checkpointed
        habeas.backup(tmp_path / "b.bak")
    finally:
        habeas.close()
    connection = sqlite3.connect(tmp_path / "b.bak")
    assert connection.execute("SELECT text FROM articles").fetchall() == [("Newest report.",)]
    connection.close()


@pytest.mark.parametrize("content,message", [
    (b"not a database at all, just text" * 200, "is not an SQLite backup"),
    (None, "no backup file"),
])
def test_restore_rejects_what_is_not_a_backup(tmp_path, content, message):
    source = tmp_path / "x.bak"
    if content is not None:
        source.write_bytes(content)
    result = cli("--db", sqlite_url(tmp_path / "h.db"), "restore", str(source))
    assert result.exit_code != 0 and message in result.output
    assert "Traceback" not in result.output


def test_postgresql_backup_while_writing_then_restore(tmp_path, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("the SQLite path is tested above")
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not on PATH")
    folder = tmp_path / "reports"
    write_folder(folder)
    written = backups_while_running(database_url, folder, tmp_path)
    before = row_counts(database_url)
    final = tmp_path / "final.dump"
    assert cli("--db", database_url, "backup", str(final)).exit_code == 0

    refused = cli("--db", database_url, "restore", str(final))
    assert refused.exit_code == 2 and "not empty" in refused.output
    engine = make_engine(database_url)  # empty the store: every table dropped
    with engine.begin() as connection:
        schema = connection.execute(sa.text("SELECT current_schema()")).scalar()
        connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    result = cli("--db", database_url, "restore", str(final))
    assert result.exit_code == 0, result.output
    assert row_counts(database_url) == before
    assert written and all(p.stat().st_size > 0 for p in written)
