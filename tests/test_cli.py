"""The CLI through its real interface: Typer's CliRunner, exit codes and the exact lines."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from habeas.cli import app

runner = CliRunner()

REPORT = ("Emil Kurbedinov said that FSB officers detained Server Mustafayev, 34, in "
          "Bakhchysarai on Tuesday. His home was searched for four hours.\n")


def habeas(*args, db=None):
    full = (["--db", db] if db else []) + [str(a) for a in args]
    return runner.invoke(app, full, catch_exceptions=False)


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "store.db")


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "cyrillic.txt").write_bytes("Ахтем Чийгоз был задержан в январе.".encode("cp1251"))
    with open(folder / "huge.txt", "wb") as f:
        f.write(b"text")
        f.truncate(50 * 1024 * 1024)
    (folder / "broken.html").write_text("<html><body><div><<<</div>", encoding="utf-8")
    (folder / "broken.xml").write_text("<rss><channel><item><title>x</ite", encoding="utf-8")
    return folder


def test_help_explains_every_command():
    result = habeas("--help")
    assert result.exit_code == 0
    for command in ("ingest", "extract", "run", "persons", "person", "events", "export"):
        assert command in result.output


def test_bad_input_is_reported_and_the_good_is_ingested(db, bad_folder, tmp_path):
    result = habeas("ingest", bad_folder, tmp_path / "missing.txt", db=db)
    assert result.exit_code == 0
    assert "Ingested 1 new article(s)" in result.output
    lines = result.output
    assert "photo.png: binary:" in lines
    assert "empty.txt: empty:" in lines
    assert "cyrillic.txt: encoding: not UTF-8" in lines
    assert "huge.txt: too_large: 50.0 MB is over the 20.0 MB limit" in lines
    assert "missing.txt: missing:" in lines
    assert "broken.html: malformed: no text found in the HTML" in lines
    assert re.search(r"broken\.xml(#1)?: (malformed|empty):", lines)


def test_nothing_readable_exits_1(db, tmp_path):
    result = habeas("ingest", tmp_path / "missing.txt", db=db)
    assert result.exit_code == 1
    assert "Ingested 0 new article(s)" in result.output


def test_usage_errors_exit_2(db):
    assert habeas("ingest", db=db).exit_code == 2
    result = habeas("events", "--type", "teleportation", db=db)
    assert result.exit_code == 2
    assert "unknown event type 'teleportation'" in result.output


def test_ingesting_twice_changes_nothing(db, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert "Ingested 1 new" in habeas("ingest", path, db=db).output
    again = habeas("ingest", path, db=db)
    assert again.exit_code == 0
    assert "Ingested 0 new article(s); 1 already in store" in again.output


def test_run_then_read_the_record(db, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = habeas("run", path, "--published", "2019-03-28", "--outlet", "Crimean Solidarity",
                    db=db)
    assert result.exit_code == 0, result.output
    assert "Extracted 1 article(s)" in result.output
    assert "arrest" in result.output
    people = habeas("persons", db=db)
    assert "Server Mustafayev" in people.output
    dossier = habeas("person", "Mustafayev", db=db)
    assert dossier.exit_code == 0
    assert "2019-03-26" in dossier.output          # "on Tuesday" before 2019-03-28
    assert "Emil Kurbedinov" in dossier.output      # who said so
    listed = habeas("events", "--type", "arrest", "--since", "2019", db=db)
    assert "Bakhchysarai" in listed.output
    assert habeas("person", "Nobody", db=db).exit_code == 1


def test_export_formats(db, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    habeas("run", path, "--published", "2019-03-28", db=db)
    rows = list(csv.DictReader(io.StringIO(habeas("export", "--format", "csv", db=db).output)))
    arrest = next(r for r in rows if r["type"] == "arrest")
    assert arrest["person"] == "Server Mustafayev"
    assert arrest["date"] == "2019-03-26"
    data = json.loads(habeas("export", "--format", "json", db=db).output)
    assert {r["type"] for r in data} >= {"arrest"}
    lines = habeas("export", "--format", "jsonl", db=db).output.strip().splitlines()
    assert any(json.loads(line)["name"] == "Server Mustafayev" for line in lines)


def test_extract_file_prints_extraction_json_and_stores_nothing(db, seed_gold, tmp_path):
    from tests.conftest import SEED

    result = runner.invoke(app, ["--db", db, "extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"document", "persons", "events", "statistics"}
    assert data["document"]["id"] == "kp-2017-umerov-chiygoz"
    assert {"type", "persons", "date", "negated", "evidence"} <= set(data["events"][0])
    assert "Akhtem Chiygoz" in {p["name"] for p in data["persons"]}
    assert "Persons (0)" in habeas("persons", db=db).output


def test_stdin_is_an_article(db):
    result = runner.invoke(app, ["--db", db, "run", "-", "--published", "2020-09-01"],
                           input=REPORT)
    assert result.exit_code == 0, result.output
    assert "Ingested 1 new article(s)" in result.output
