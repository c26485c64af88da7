"""``habeas import`` of lists: every value checked with a reason per row, the CSV delimiter
sniffed or given, an encoding given, a bad JSON line rejected alone, rows in batches."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from habeas.cli import app
from habeas.resolve import lists
from habeas.resolve.lists import read_date, read_term
from habeas.workspace import Habeas


@pytest.mark.parametrize("text,expected", [
    ("2015-01-29", "2015-01-29"), ("29.01.2015", "2015-01-29"), ("2015-01", "2015-01"),
    ("01.2015", "2015-01"), ("2015", "2015"),
])
def test_dates_read(text, expected):
    assert read_date(text) == expected


@pytest.mark.parametrize("text", ["2015-13-45", "2015-02-30", "31.04.2016", "2015-13",
                                  "1015-01-01", "2999-01-01", "yesterday", "0000"])
def test_dates_not_on_the_calendar_are_refused(text):
    with pytest.raises(ValueError):
        read_date(text)


@pytest.mark.parametrize("text,months", [
    ("8 years", 96), ("3 years 7 months", 43), ("3 years and 7 months", 43),
    ("3 years, 7 months", 43), ("18 months", 18), ("8", 96), ("2.5 years", 30),
    ("-5 years", None), ("999999999999 years", None), ("101 years", None), ("0 years", None),
    ("-5", None), ("8 years old", None), ("five years", None),
])
def test_terms(text, months):
    assert read_term(text) == months


def cli(db, *args):
    return CliRunner().invoke(app, ["--db", str(db), "import", *map(str, args)])


def test_every_value_checked_with_a_reason(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(
        "name,birth_year,arrest_date,sentence\n"
        "Server Mustafayev,1986,2018-05-21,14 years\n"
        "Edem Smailov,1970,2015-13-45,\n"
        "Remzi Bekirov,1985,2019-03-27,-5 years\n"
        "Marlen Asanov,1977,2016-05-12,999999999999 years\n"
        "Emir Kuku,1876,2016-02-11,\n"
        "Enver Bekirov,1990,1985-01-01,\n", encoding="utf-8")
    result = cli(tmp_path / "h.db", path)
    assert result.exit_code == 0, result.output
    assert "6 row(s)" in result.output and "1 new" in result.output
    assert "5 rejected" in result.output
    for reason in ("row 2 Edem Smailov: rejected arrest date '2015-13-45' is not a date",
                   "row 3 Remzi Bekirov: rejected sentence '-5 years' is not a term",
                   "row 4 Marlen Asanov: rejected sentence '999999999999 years' is not a term",
                   "row 5 Emir Kuku: rejected birth year '1876' is not a year from 1900",
                   "row 6 Enver Bekirov: rejected arrest date '1985-01-01' is before the birth "
                   "year 1990"):
        assert reason in result.output


def test_semicolon_csv_is_sniffed_or_given(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("name;birth_year;charge\nServer Mustafayev;1986;terrorism, so-called\n"
                    "Edem Smailov;1970;extremism\n", encoding="utf-8")
    sniffed = cli(tmp_path / "a.db", path)
    assert sniffed.exit_code == 0, sniffed.output
    assert "2 new" in sniffed.output and "no name" not in sniffed.output
    given = cli(tmp_path / "b.db", path, "--delimiter", ";")
    assert given.exit_code == 0 and "2 new" in given.output
    wrong = cli(tmp_path / "c.db", path, "--delimiter", "::")
    assert wrong.exit_code == 2 and "--delimiter takes one character" in wrong.output


def test_encoding_given_or_a_one_line_error(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("ФИО,год\nАхтем Чийгоз,1964\n".encode("cp1251"))
    refused = cli(tmp_path / "a.db", path, "--map", "ФИО=name")
    assert refused.exit_code == 1 and "pass --encoding" in refused.output
    assert "Traceback" not in refused.output
    read = cli(tmp_path / "b.db", path, "--map", "ФИО=name", "--encoding", "cp1251")
    assert read.exit_code == 0 and "1 new" in read.output, read.output
    unknown = cli(tmp_path / "c.db", path, "--encoding", "klingon")
    assert unknown.exit_code == 2 and "not an encoding" in unknown.output


def test_a_bad_jsonl_line_rejects_that_line_only(tmp_path):
    path = tmp_path / "list.jsonl"
    path.write_text(json.dumps({"name": "Server Mustafayev"}) + "\n{not json\n[1, 2]\n"
                    + json.dumps({"name": "Edem Smailov"}) + "\n", encoding="utf-8")
    result = cli(tmp_path / "h.db", path)
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output and "2 rejected" in result.output
    assert "row 2 (no name): rejected not JSON" in result.output
    assert "row 3 (no name): rejected not a JSON object" in result.output


def test_rows_are_written_in_batches_and_sourced_to_their_line(tmp_path, monkeypatch):
    monkeypatch.setattr(lists, "BATCH_ROWS", 2)
    path = tmp_path / "list.csv"
    names = ["Server Mustafayev", "Edem Smailov", "Remzi Bekirov", "Marlen Asanov", "Emir Kuku"]
    path.write_text("name,birth_year\n" + "".join(f"{n},1980\n" for n in names),
                    encoding="utf-8")
    habeas = Habeas(database_url=f"sqlite:///{tmp_path / 'h.db'}")
    try:
        batches = []
        report = lists.import_list(habeas.transaction, path, progress=batches.append)
        assert batches == [2, 2, 1]
        assert [r.status for r in report.rows] == ["imported"] * 5
        assert lists.import_list(habeas.transaction, path).already
        from sqlalchemy import text

        with habeas.session() as session:
            article_text = session.execute(text("SELECT text FROM articles")).scalar()
            spans = session.execute(text(
                "SELECT start_char, end_char FROM claims WHERE field = 'birth_year' "
                "ORDER BY id")).all()
        assert [article_text[a:b] for a, b in spans] == [f"{n},1980" for n in names]
    finally:
        habeas.close()
