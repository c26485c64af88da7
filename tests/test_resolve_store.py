"""Resolution in the store, on SQLite and (with HABEAS_TEST_DATABASE_URL) PostgreSQL: merges
recorded and undone, suggestions, splits, history, events merged across articles and
re-extraction, lists imported and exported, and the commands through Typer's CliRunner."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

import habeas.cli
from habeas.model import Document, EventRecord, Extraction, PersonRecord, Span
from habeas.resolve import lists
from habeas.resolve import persons as resolution
from habeas.resolve.article import save_extraction
from habeas.resolve.commands import register
from habeas.store import (
    Article,
    Person,
    add_article,
    person_dossier,
    queries,
    unit_of_work,
)
from habeas.store.persons import name_key
from habeas.store.resolution import Merge, Suggestion

register(habeas.cli.app)
runner = CliRunner()


def report(sessions, text, published, persons, events=()):
    """Store one article with hand-made persons and events (no model needed)."""
    records = [PersonRecord(id=f"p{i}", name=name, age=age) for i, (name, age) in
               enumerate(persons, start=1)]
    sentence = Span(0, len(text), text)
    event_records = [EventRecord(type=t, persons=[f"p{i}" for i in who], date=date, place=place,
                                 sources=[sentence]) for t, who, date, place in events]
    with unit_of_work(sessions) as session:
        article, _ = add_article(session=session, document=Document(
            text=text, source=f"{published}.txt", outlet=f"Outlet {published}",
            published=published))
        return save_extraction(session=session, article=article, extraction=Extraction(
            document={}, persons=records, events=event_records,
            versions={"habeas_events": "habeas.events.v3"}))


def named(session, name):
    return session.scalars(select(Person).where(Person.name == name)).one()


def test_spellings_merge_with_a_recorded_undoable_merge(sessions):
    report(sessions, "Akhtem Chiygoz was released.", "2017-10-25",
           [("Akhtem Chiygoz", 52)], [("release", [1], "2017-10-25", "Ankara")])
    counts = report(sessions, "Ахтем Чийгоз освобожден.", "2017-10-26",
                    [("Ахтем Чийгоз", 52)], [("release", [1], "2017-10-24", "Ankara")])
    assert counts["persons_merged"] == 1 and counts["events_merged"] == 1
    with unit_of_work(sessions) as session:
        [row] = queries.list_persons(session=session)
        assert (row.name, row.events, row.articles) == ("Akhtem Chiygoz", 1, 2)
        merge = session.scalars(select(Merge)).one()
        assert (merge.person_name, merge.into_name, merge.by) == (
            "Ахтем Чийгоз", "Akhtem Chiygoz", "habeas.resolve.v1")
        assert merge.score >= resolution.AUTO_MERGE and "same given name" in merge.reason
        dossier = person_dossier(session=session, person=named(session, "Akhtem Chiygoz"))
        [conflict] = dossier["conflicts"]
        assert (conflict["field"], sorted(v["value"] for v in conflict["values"])) == (
            "date", ["2017-10-24", "2017-10-25"])
        resolution.undo_merge(session, merge.id, by="tester")
    with unit_of_work(sessions) as session:
        assert len(queries.list_persons(session=session)) == 2
        [entry] = [h for h in resolution.history(session, named(session, "Akhtem Chiygoz"))
                   if h["kind"] == "merge"]
        assert entry["undone_by"] == "tester"


def test_brothers_father_and_son_and_gendered_forms_stay_apart(sessions):
    report(sessions, "Asan Akhtemov was detained.", "2021-09-05", [("Asan Akhtemov", 35)])
    report(sessions, "Aziz Akhtemov was detained.", "2021-09-06", [("Aziz Akhtemov", 29)])
    report(sessions, "Lenie Umerova spoke.", "2017-10-26", [("Lenie Umerova", None)])
    report(sessions, "Ilmi Umerov was released.", "2017-10-26", [("Ilmi Umerov", 60)])
    report(sessions, "Ilmi Umerov, 30, spoke.", "2017-10-27", [("Ilmi Umerov Jr.", 30)])
    with unit_of_work(sessions) as session:
        assert len(queries.list_persons(session=session)) == 5
        assert session.scalars(select(Merge)).all() == []


def test_ages_that_do_not_fit_keep_a_namesake_apart(sessions):
    report(sessions, "Ilmi Umerov, 60, was released.", "2017-10-26", [("Ilmi Umerov", 60)])
    counts = report(sessions, "Ilmi Umerow, 25, was fined.", "2017-11-01", [("Ilmi Umerow", 25)])
    assert "persons_merged" not in counts
    with unit_of_work(sessions) as session:
        assert len(queries.list_persons(session=session)) == 2


def test_surname_alone_with_two_candidates_waits_for_review(sessions):
    report(sessions, "Asan Akhtemov was detained.", "2021-09-05", [("Asan Akhtemov", None)])
    report(sessions, "Aziz Akhtemov was detained.", "2021-09-06", [("Aziz Akhtemov", None)])
    counts = report(sessions, "Akhtemow was moved.", "2022-11-01", [("Akhtemow", None)])
    assert counts["suggestions"] == 1
    with unit_of_work(sessions) as session:
        pending = resolution.pending_suggestions(session)
        assert sorted(p["candidate"] for p in pending) == ["Asan Akhtemov", "Aziz Akhtemov"]
        accept = next(p for p in pending if p["candidate"] == "Aziz Akhtemov")
        resolution.review_suggestion(session, accept["id"], accept=True, by="reviewer")
    with unit_of_work(sessions) as session:
        assert resolution.pending_suggestions(session) == []
        dossier = person_dossier(session=session, person=named(session, "Aziz Akhtemov"))
        assert "Akhtemow" in dossier["aliases"]
        statuses = sorted(s.status for s in session.scalars(select(Suggestion)))
        assert statuses == ["accepted", "pending"]  # the other waits, hidden once resolved


def test_split_moves_the_articles_of_a_name_and_is_remembered(sessions):
    with unit_of_work(sessions) as session:  # one person wrongly holding two names
        article, _ = add_article(session=session, document=Document(
            text="Edem Bekirov and Remzi Bekirov were detained.", source="a.txt",
            published="2019-03-27"))
        save_extraction(session=session, article=article, extraction=Extraction(
            document={}, persons=[PersonRecord(id="p1", name="Edem Bekirov",
                                               mentions=[Span(0, 12, "Edem Bekirov")])],
            events=[EventRecord(type="arrest", persons=["p1"], date="2019-03-27")]))
        other, _ = add_article(session=session, document=Document(
            text="Remzi Bekirov was sentenced.", source="b.txt", published="2020-09-16"))
        save_extraction(session=session, article=other, extraction=Extraction(
            document={}, persons=[PersonRecord(id="p1", name="Remzi Bekirov",
                                               mentions=[Span(0, 13, "Remzi Bekirov")])]))
        edem = named(session, "Edem Bekirov")
        remzi = named(session, "Remzi Bekirov")
        remzi.aliases.clear()
        resolution.merge(session, remzi, edem, by="hasty reviewer", reason="same surname")
    with unit_of_work(sessions) as session:
        new = resolution.split(session, named(session, "Edem Bekirov"), ["Remzi Bekirov"],
                               by="reviewer", reason="brothers")
        assert new.name == "Remzi Bekirov" and new.merged_into_id is None
    with unit_of_work(sessions) as session:
        kinds = [(h["kind"], h["by"]) for h in
                 resolution.history(session, named(session, "Edem Bekirov"))]
        assert kinds == [("merge", "hasty reviewer"), ("split", "reviewer")]
        assert len(queries.list_persons(session=session)) == 2
    # a later article naming Remzi is not merged back into Edem
    report(sessions, "Remzi Bekirov appealed.", "2021-01-10", [("Remzi Bekirov", None)])
    with unit_of_work(sessions) as session:
        assert sorted(r.name for r in queries.list_persons(session=session)) == [
            "Edem Bekirov", "Remzi Bekirov"]


def test_reextracting_one_source_keeps_the_event_the_other_tells(sessions):
    report(sessions, "Chiygoz was freed via Anapa.", "2017-10-26",
           [("Akhtem Chiygoz", None)], [("transfer", [1], "2017-10-25", "Anapa")])
    report(sessions, "Chiygoz was freed via Krasnodar.", "2017-10-27",
           [("Akhtem Chiygoz", None)], [("transfer", [1], "2017-10-25", "Krasnodar")])
    with unit_of_work(sessions) as session:
        [event] = queries.list_events(session=session)
        assert (event.place, event.sources) == ("Anapa", 2)
        first = session.scalars(select(Article).order_by(Article.id)).first()
        save_extraction(session=session, article=first, extraction=Extraction(
            document={}, persons=[PersonRecord(id="p1", name="Akhtem Chiygoz")]))
    with unit_of_work(sessions) as session:
        [event] = queries.list_events(session=session)
        assert (event.place, event.sources) == ("Krasnodar", 1)


LIST = """name,other names,born,arrested,charge,sentence,status,notes
Akhtem Chiygoz,Ахтем Чийгоз; Chyigoz,1964,2015-01-29,mass riots,8 years,released,Mejlis deputy
Nariman Dzhelyal,Джелял,1980,04.09.2021,sabotage,17 years,sentenced,
Asan Akhtemov,,1987,2021-09,sabotage,15,sentenced,brother of Aziz
,,1990,,,,,no name here
Aziz Akhtemov,,19x4,,,,sentenced,
Server Mustafayev,,1986,2018-05-21,,,in custody,
"""


def test_import_a_list_with_a_mapping_then_export_it(sessions, tmp_path):
    report(sessions, "Akhtem Chiygoz was released.", "2017-10-25", [("Akhtem Chiygoz", 52)],
           [("release", [1], "2017-10-25", None)])
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    from habeas.resolve.lists import import_list, parse_mapping

    def transaction():
        return unit_of_work(sessions)

    result = import_list(transaction, path, mapping=parse_mapping(
        ["other names=aliases", "born=birth_year", "arrested=arrest_date"]))
    assert [(r.row, r.status) for r in result.rows] == [
        (1, "merged"), (2, "imported"), (3, "imported"), (4, "rejected"), (5, "rejected"),
        (6, "imported")]
    assert result.rows[3].detail == "no name"
    assert result.rows[4].detail.startswith("birth year '19x4' is not a year from 1900 to ")
    again = import_list(transaction, path)
    assert again.already
    with unit_of_work(sessions) as session:
        rows = {r["name"]: r for r in lists.export_list(session=session)}
    assert list(rows["Akhtem Chiygoz"]) == list(lists.LIST_COLUMNS)
    assert rows["Akhtem Chiygoz"] == {
        "name": "Akhtem Chiygoz", "aliases": "Ахтем Чийгоз, Chyigoz".replace(", ", "; "),
        "birth_year": 1964, "arrest_date": "2015-01-29", "charge": "mass riots",
        "sentence": "8 years", "status": "released", "notes": "Mejlis deputy"}
    assert rows["Nariman Dzhelyal"]["arrest_date"] == "2021-09-04"
    assert rows["Asan Akhtemov"]["sentence"] == "15 years"
    assert rows["Server Mustafayev"]["status"] == "detained"
    # written back, the list reads in again with no mapping and the same columns
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=lists.LIST_COLUMNS)
    writer.writeheader()
    writer.writerows(rows.values())
    back = tmp_path / "back.csv"
    back.write_text(out.getvalue(), encoding="utf-8")
    second = import_list(transaction, back)
    assert {r.status for r in second.rows} == {"merged"}


def cli(*args, db):
    return runner.invoke(habeas.cli.app, ["--db", db, *map(str, args)], catch_exceptions=False)


def test_commands_through_the_cli(sessions, database_url, tmp_path):
    report(sessions, "Asan Akhtemov was detained.", "2021-09-05", [("Asan Akhtemov", None)])
    report(sessions, "Aziz Akhtemov was detained.", "2021-09-06", [("Aziz Akhtemov", None)])
    path = tmp_path / "list.json"
    path.write_text('[{"ФИО": "Akhtemov", "status": "sentenced"}, {"ФИО": ""}]',
                    encoding="utf-8")
    result = cli("import", path, "--map", "ФИО=name", db=database_url)
    assert result.exit_code == 0, result.output
    assert "Imported 2 row(s)" in result.output and "1 rejected" in result.output
    assert "row 1 Akhtemov: imported possible match" in result.output
    assert "row 2 (no name): rejected no name" in result.output
    result = cli("suggestions", db=database_url)
    assert "Suggestions (2)" in result.output
    result = cli("merge", "Asan Akhtemov", "Aziz Akhtemov", "--reason", "test", db=database_url)
    assert result.exit_code == 0 and "Merged Aziz Akhtemov" in result.output
    merge_id = result.output.split("--undo ")[1].split(".")[0]
    assert cli("merge", "--undo", merge_id, db=database_url).exit_code == 0
    result = cli("history", "Asan Akhtemov", db=database_url)
    assert "History of Asan Akhtemov" in result.output
    assert all(word in result.output for word in ("merge:", "Aziz", "undone", "reviewer"))
    assert cli("merge", "Nobody", "Asan Akhtemov", db=database_url).exit_code == 1
    bad = cli("import", path, "--map", "x=nothing", db=database_url)
    assert bad.exit_code == 2 and "--map takes COLUMN=FIELD" in bad.output


def test_candidates_among_the_near_persons_are_those_of_the_whole_blocks(sessions,
                                                                          monkeypatch):
    """A writer's ``candidates(among=...)`` looks up the near persons' own blocking keys
    (the twelfth round of docs/scale.md): the same candidates as reading every person of the
    blocks and keeping those among them, a merged person's members included."""
    from habeas.resolve import persons as resolution
    from habeas.resolve.evidence import Profile

    with unit_of_work(sessions) as session:
        stored = []
        for name in ("Greta Holm", "G. Holm", "Ivo Holm", "Greta Holmberg", "Ansis Holm",
                     "Greta Olm"):
            person = Person(name=name, key=name_key(name), aliases=[])
            session.add(person)
            session.flush()
            resolution.index_person(session, person)
            stored.append(person)
        stored[1].merged_into_id = stored[0].id
        session.flush()
        profile = Profile(names=["Greta Holm"])
        ids = [p.id for p in stored]
        for among in (set(ids), set(ids[:2]), {ids[2], ids[3]}, {ids[5]}, set()):
            looked_up = resolution.candidates(session, None, profile, among=among)
            monkeypatch.setattr(resolution, "AMONG_LOOKUPS", -1)  # the whole blocks read
            whole = resolution.candidates(session, None, profile, among=among)
            monkeypatch.undo()
            assert [(c.person.id, c.score) for c in looked_up] == \
                [(c.person.id, c.score) for c in whole], among
        assert resolution.candidates(session, None, profile, among=set(ids))  # some found
