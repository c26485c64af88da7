"""Lists kept current: a new version of a list updates it in place and stores the exact
difference (added, removed, changed field by field), writing nothing else; an update that stops
goes on; ``habeas check-list`` finds the persons a list is silent about and those it misses."""

from __future__ import annotations

import datetime as dt
import json
from contextlib import contextmanager

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from habeas.cli import app
from habeas.model import Document, EventRecord, Extraction, PersonRecord, Span
from habeas.resolve import lists
from habeas.resolve.list_check import check_list, months_before
from habeas.resolve.lists import import_list
from habeas.resolve.article import save_extraction
from habeas.store.crud import add_article
from habeas.store.lists import ListEntry, ListImport
from habeas.store.models import Claim, Event, EventPerson, EventSource, Person, PersonAlias
from habeas.workspace import Habeas

HEADER = "name,birth_year,arrest_date,charge,sentence,status,notes\n"
FIRST = HEADER + (
    "Server Mustafayev,1986,2018-05-21,terrorism,14 years,sentenced,\n"
    "Edem Smailov,1970,2019-03-27,extremism,,detained,\n"
    "Remzi Bekirov,1985,2019-03-27,terrorism,19 years,sentenced,\n"
    "Olga Kolesnikova,1982,2020-09-07,conspiracy,11 years,sentenced,\n"
    "Marlen Asanov,1977,2016-05-12,sabotage,,detained,in the remand prison\n")
# Mustafayev unchanged; Smailov's arrest date, sentence, status and note changed; Bekirov
# removed; Kolesnikova released; Asanov spelt anew (same person, same birth year); Losik added.
SECOND = HEADER + (
    "Server Mustafayev,1986,2018-05-21,terrorism,14 years,sentenced,\n"
    "Edem Smailov,1970,2019-03-28,extremism,13 years,sentenced,moved to a colony\n"
    "Olga Kolesnikova,1982,2020-09-07,conspiracy,11 years,released,\n"
    "Marlen Asanov,1977,2016-05-12,sabotage,,detained,in the remand prison\n"
    "Ihar Losik,1992,2020-06-25,mass riots,15 years,sentenced,\n")


@pytest.fixture
def habeas(database_url):
    workspace = Habeas(database_url=database_url)
    yield workspace
    workspace.close()


def write(tmp_path, text: str, folder: str = "v1"):
    path = tmp_path / folder / "prisoners.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(habeas) -> dict:
    """Every row the import writes to, by table, as comparable tuples."""
    with habeas.session() as session:
        return {
            "claims": {c.id: (c.subject_type, c.subject_id, c.field, json.dumps(c.value),
                              c.article_id, c.status, c.supersedes_id)
                       for c in session.scalars(select(Claim))},
            "events": {e.id: (e.type, e.date, e.charge, e.term_months, e.article_id)
                       for e in session.scalars(select(Event))},
            "sources": {s.id: (s.event_id, s.article_id, s.sentence)
                        for s in session.scalars(select(EventSource))},
            "links": set(session.execute(select(EventPerson.event_id, EventPerson.person_id))),
            "persons": {p.id: (p.name, p.merged_into_id) for p in session.scalars(select(Person))},
            "aliases": {a.id: (a.person_id, a.alias) for a in session.scalars(select(PersonAlias))},
        }


def person_id(habeas, name: str) -> int:
    with habeas.session() as session:
        return session.scalar(select(Person.id).where(Person.name == name))


def test_a_new_version_writes_exactly_its_difference(habeas, tmp_path):
    first = import_list(habeas.transaction, write(tmp_path, FIRST))
    assert first.first and first.count("imported") == 5
    from habeas.resolve.events import refresh

    with habeas.transaction() as session:  # each event's tally counted (a report merged in)
        for event in session.scalars(select(Event)).all():
            refresh(session, event)
    before = snapshot(habeas)
    renamed = SECOND.replace("Marlen Asanov,1977", "Marlen Asanow,1977")
    report = import_list(habeas.transaction, write(tmp_path, renamed, "v2"))
    assert not report.first and report.list_name == "prisoners.csv"
    empty = {"aliases": "", "notes": ""}
    assert report.diff == {
        "added": [{"row": 5, "name": "Ihar Losik", "birth_year": 1992,
                   "arrest_date": "2020-06-25", "charge": "mass riots", "sentence": "15 years",
                   "status": "sentenced", **empty}],
        "removed": [{"row": 3, "person_id": person_id(habeas, "Remzi Bekirov"),
                     "name": "Remzi Bekirov", "birth_year": 1985, "arrest_date": "2019-03-27",
                     "charge": "terrorism", "sentence": "19 years", "status": "sentenced",
                     **empty}],
        "changed": [
            {"row": 2, "person_id": person_id(habeas, "Edem Smailov"), "name": "Edem Smailov",
             "fields": {"arrest_date": ["2019-03-27", "2019-03-28"], "sentence": ["", "13 years"],
                        "status": ["detained", "sentenced"],
                        "notes": ["", "moved to a colony"]}},
            {"row": 3, "person_id": person_id(habeas, "Olga Kolesnikova"),
             "name": "Olga Kolesnikova", "fields": {"status": ["sentenced", "released"]}},
            {"row": 4, "person_id": person_id(habeas, "Marlen Asanov"), "name": "Marlen Asanow",
             "fields": {"name": ["Marlen Asanov", "Marlen Asanow"]}},
        ],
        "unchanged": 1, "kept": [],
    }
    after = snapshot(habeas)
    # nothing that was there changed, except the one arrest corrected in place
    smailov, kolesnikova = person_id(habeas, "Edem Smailov"), person_id(habeas, "Olga Kolesnikova")
    for table in ("claims", "sources", "persons", "aliases"):
        assert {k: v for k, v in after[table].items() if k in before[table]} == before[table]
    changed_events = {k for k in before["events"] if after["events"][k] != before["events"][k]}
    assert [after["events"][k][:2] for k in changed_events] == [("arrest", "2019-03-28")]
    assert before["links"] <= after["links"]
    # what is new: Losik; Smailov's and Kolesnikova's changed fields; Asanow as a spelling
    new_claims = [after["claims"][k] for k in after["claims"].keys() - before["claims"].keys()]
    losik = person_id(habeas, "Ihar Losik")
    by_person = {(c[1], c[2]): c for c in new_claims if c[0] == "person"}
    assert set(by_person) == {(smailov, "status"), (smailov, "notes"),
                              (kolesnikova, "status"), (losik, "birth_year"),
                              (losik, "status")}
    assert by_person[(kolesnikova, "status")][3] == '"released"'
    superseded = before["claims"][by_person[(kolesnikova, "status")][6]]
    assert superseded[1:4] == (kolesnikova, "status", '"sentenced"')
    new_events = [after["events"][k] for k in after["events"].keys() - before["events"].keys()]
    assert sorted((e[0], e[3]) for e in new_events) == [
        ("arrest", None), ("sentence", 156), ("sentence", 180)]
    new_aliases = [after["aliases"][k] for k in after["aliases"].keys() - before["aliases"].keys()]
    assert new_aliases == [(person_id(habeas, "Marlen Asanov"), "Marlen Asanow")]
    assert set(after["persons"]) - set(before["persons"]) == {losik}
    # the list now holds the new version's rows
    with habeas.session() as session:
        held = session.scalars(select(ListEntry.values).order_by(ListEntry.row)).all()
    assert sorted(v["name"] for v in held) == ["Edem Smailov", "Ihar Losik", "Marlen Asanow",
                                               "Olga Kolesnikova", "Server Mustafayev"]
    again = import_list(habeas.transaction, write(tmp_path, renamed, "v2"))
    assert again.already and snapshot(habeas) == after
    # every event's tally (``store.tally``) is the one its claims give, or not known (the
    # arrest corrected in place: a claim more, one superseded; counted before the update)
    from habeas.store.tally import tally_from_claims

    with habeas.session() as session:
        stored = dict(session.execute(select(Event.id, Event.tally)).all())
        counted = tally_from_claims(session, list(stored))
    assert all(t is None or t == counted[i].dump() for i, t in stored.items())


def test_the_cli_prints_and_keeps_each_difference(tmp_path):
    db = str(tmp_path / "h.db")
    runner = CliRunner()
    runner.invoke(app, ["--db", db, "import", str(write(tmp_path, FIRST))])
    result = runner.invoke(app, ["--db", db, "import", str(write(tmp_path, SECOND, "v2"))])
    assert result.exit_code == 0, result.output
    assert "Updated the list prisoners.csv" in result.output
    assert "1 added, 1 removed, 2 changed, 2 unchanged, 0 rejected." in result.output
    for line in ("│ 2   │ Edem Smailov     │ arrest_date │ 2019-03-27 │ 2019-03-28",
                 "│     │                  │ notes       │            │ moved to a colony",
                 "│ 3   │ Olga Kolesnikova │ status      │ sentenced  │ released"):
        assert line in result.output
    listed = runner.invoke(app, ["--db", db, "imports"])
    assert listed.exit_code == 0 and "first import" in listed.output
    shown = runner.invoke(app, ["--db", db, "imports", "2", "--format", "json"])
    payload = json.loads(shown.output)
    assert payload["counts"] == {"rows": 5, "added": 1, "removed": 1, "changed": 2,
                                 "unchanged": 2, "rejected": 0}
    assert [r["name"] for r in payload["diff"]["removed"]] == ["Remzi Bekirov"]
    missing = runner.invoke(app, ["--db", db, "imports", "9"])
    assert missing.exit_code == 1 and "no import #9" in missing.output


def test_an_unreadable_row_removes_nothing(habeas, tmp_path):
    import_list(habeas.transaction, write(tmp_path, FIRST))
    broken = FIRST.replace("Remzi Bekirov,1985,2019-03-27", "Remzi Bekirov,1985,2019-13-45")
    report = import_list(habeas.transaction, write(tmp_path, broken, "v2"))
    assert report.diff["removed"] == [] and report.diff["kept"] == [
        {"row": 3, "name": "Remzi Bekirov"}]
    assert [r.row for r in report.rows if r.status == "rejected"] == [3]


def test_an_update_that_stops_goes_on_with_the_same_difference(tmp_path, monkeypatch):
    monkeypatch.setattr(lists, "BATCH_ROWS", 1)  # one change per transaction
    clean = Habeas(database_url=f"sqlite:///{tmp_path / 'clean.db'}")
    stopped = Habeas(database_url=f"sqlite:///{tmp_path / 'stopped.db'}")
    for habeas in (clean, stopped):
        import_list(habeas.transaction, write(tmp_path, FIRST))
    full = import_list(clean.transaction, write(tmp_path, SECOND, "v2"))

    calls = {"n": 0}

    @contextmanager
    def failing():
        calls["n"] += 1
        if calls["n"] == 4:  # after the difference, the removal and one change
            raise KeyboardInterrupt
        with stopped.transaction() as session:
            yield session

    with pytest.raises(KeyboardInterrupt):
        import_list(failing, write(tmp_path, SECOND, "v2"))
    resumed = import_list(stopped.transaction, write(tmp_path, SECOND, "v2"))
    assert resumed.diff == full.diff

    def held(habeas):
        with habeas.session() as session:
            entries = sorted((e.identity, json.dumps(e.values, sort_keys=True))
                             for e in session.scalars(select(ListEntry)))
            done = [(i.complete, i.counts) for i in session.scalars(select(ListImport))]
            claims = sorted((c.subject_type, c.field, json.dumps(c.value))
                            for c in session.scalars(select(Claim)))
        return entries, done, claims

    assert held(stopped) == held(clean)
    clean.close()
    stopped.close()


# ----------------------------------------------------------------------------- check-list

def report(habeas, text: str, published: str, events: list[EventRecord],
           persons: list[PersonRecord]) -> None:
    """A stored report with the given persons and events (as extraction writes them)."""
    with habeas.transaction() as session:
        article, _ = add_article(session=session, document=Document(
            text=text, source=f"report-{published}-{len(text)}", published=published))
        save_extraction(session=session, article=article, extraction=Extraction(
            document={}, persons=persons, events=events))


def test_check_list_finds_the_planted_gaps(habeas, tmp_path):
    import_list(habeas.transaction, write(tmp_path, FIRST))
    today = dt.date.today()
    recent, old = (today - dt.timedelta(days=20)).isoformat(), "2019-01-10"
    # on the list and in a recent report: not silent
    report(habeas, "Server Mustafayev was moved to another prison.", recent,
           [EventRecord(type="transfer", persons=["p1"], date=recent)],
           [PersonRecord(id="p1", name="Server Mustafayev")])
    # on the list, last in a report years ago: silent since then
    report(habeas, "Edem Smailov was questioned.", old, [],
           [PersonRecord(id="p1", name="Edem Smailov",
                         mentions=[Span(0, 12, "Edem Smailov")])])
    # in custody per a report, not on the list: missing
    report(habeas, "Police detained Ivan Fedorov in Minsk.", recent,
           [EventRecord(type="arrest", persons=["p1"], date=recent)],
           [PersonRecord(id="p1", name="Ivan Fedorov")])
    # released per a report, not on the list: not missing
    report(habeas, "Petr Sidorov was released.", recent,
           [EventRecord(type="release", persons=["p1"], date=recent)],
           [PersonRecord(id="p1", name="Petr Sidorov")])
    with habeas.session() as session:
        result = check_list(session, "prisoners.csv", months=6)
    silent = {s.name: s.last_report for s in result.silent}
    assert silent == {"Edem Smailov": old, "Remzi Bekirov": None, "Olga Kolesnikova": None,
                      "Marlen Asanov": None}
    assert [(m.name, m.status) for m in result.missing] == [("Ivan Fedorov", "detained")]
    assert result.on_list == 5
    with habeas.session() as session:  # a longer window: Smailov's old report is in it
        wide = check_list(session, "prisoners.csv", months=12 * (today.year - 2018))
    assert "Edem Smailov" not in {s.name for s in wide.silent}


def test_check_list_cli_json_and_errors(tmp_path):
    db = str(tmp_path / "h.db")
    runner = CliRunner()
    path = write(tmp_path, FIRST)
    runner.invoke(app, ["--db", db, "import", str(path)])
    table = runner.invoke(app, ["--db", db, "check-list", str(path)])
    assert table.exit_code == 0, table.output
    assert "prisoners.csv: 5 person(s) on the list; 5 with no report since 6 month(s)" \
        in table.output
    payload = json.loads(runner.invoke(app, ["--db", db, "check-list", "prisoners.csv",
                                             "--format", "json", "--months", "3"]).output)
    assert payload["months"] == 3 and len(payload["silent"]) == 5 and payload["missing"] == []
    unknown = runner.invoke(app, ["--db", db, "check-list", "other.csv"])
    assert unknown.exit_code == 1 and "no list called 'other.csv'" in unknown.output
    bad = runner.invoke(app, ["--db", db, "check-list", "prisoners.csv", "--format", "xml"])
    assert bad.exit_code == 2


@pytest.mark.parametrize("day,months,expected", [
    ("2024-03-31", 1, "2024-02-29"), ("2024-01-15", 2, "2023-11-15"), ("2024-05-10", 0,
                                                                        "2024-05-10")])
def test_months_before(day, months, expected):
    assert months_before(dt.date.fromisoformat(day), months).isoformat() == expected


def test_a_first_import_that_stops_keeps_every_row_once(tmp_path, monkeypatch):
    monkeypatch.setattr(lists, "BATCH_ROWS", 2)
    habeas = Habeas(database_url=f"sqlite:///{tmp_path / 'h.db'}")
    calls = {"n": 0}

    @contextmanager
    def failing():
        calls["n"] += 1
        if calls["n"] == 3:  # after the article and the first batch of two rows
            raise KeyboardInterrupt
        with habeas.transaction() as session:
            yield session

    path = write(tmp_path, FIRST)
    with pytest.raises(KeyboardInterrupt):
        import_list(failing, path)
    resumed = import_list(habeas.transaction, path)
    assert resumed.resumed_at == 2 and len(resumed.rows) == 3
    with habeas.session() as session:
        rows = session.execute(select(ListEntry.row, ListEntry.identity)
                               .order_by(ListEntry.row)).all()
        [record] = session.scalars(select(ListImport)).all()
    assert rows == [(1, "server mustafayev|1986"), (2, "edem smailov|1970"),
                    (3, "remzi bekirov|1985"), (4, "olga kolesnikova|1982"),
                    (5, "marlen asanov|1977")]
    assert record.complete and record.first and record.counts["rows"] == 5
    habeas.close()


def test_a_list_named_on_the_command_line(tmp_path):
    db = str(tmp_path / "h.db")
    runner = CliRunner()
    runner.invoke(app, ["--db", db, "import", str(write(tmp_path, FIRST)), "--list", "crimea"])
    weekly = tmp_path / "weekly-2024-10.csv"
    weekly.write_text(SECOND, encoding="utf-8")
    result = runner.invoke(app, ["--db", db, "import", str(weekly), "--list", "crimea"])
    assert "Updated the list crimea" in result.output
    payload = json.loads(runner.invoke(app, ["--db", db, "imports", "--list", "crimea",
                                             "--format", "json"]).output)
    assert [(i["first"], i["source"]) for i in payload] == [
        (True, str(tmp_path / "v1" / "prisoners.csv")), (False, str(weekly))]


def test_names_with_markup_are_printed_as_written(tmp_path):
    db = str(tmp_path / "h.db")
    runner = CliRunner()
    runner.invoke(app, ["--db", db, "import", str(write(tmp_path, FIRST))])
    marked = FIRST + "Ivan [/red] Petrov,1990,,,,,\n"
    result = runner.invoke(app, ["--db", db, "import", str(write(tmp_path, marked, "v2"))])
    assert result.exit_code == 0, result.output
    assert "Ivan [/red] Petrov" in result.output
    shown = runner.invoke(app, ["--db", db, "imports", "2"])
    assert shown.exit_code == 0 and "Ivan [/red] Petrov" in shown.output
