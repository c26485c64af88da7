"""Lists in bulk (``resolve.bulk``): rows written with one INSERT per table and batch end as the
same store as rows resolved one by one, on SQLite and (with HABEAS_TEST_DATABASE_URL)
PostgreSQL; the name index says "maybe" for every name a stored person could be."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from habeas.resolve import bulk, lists
from habeas.resolve.bulk import NameIndex, surname_forms
from habeas.store.models import Claim, Event, EventPerson, EventSource, Person, PersonAlias
from habeas.store.resolution import Merge, PersonKey, Suggestion
from habeas.workspace import Habeas

ROWS = """name,aliases,birth_year,arrest_date,charge,sentence,status,notes
Server Mustafayev,Сервер Мустафаев,1986,2018-05-21,terrorism,14 years,sentenced,
Edem Smailov,,1970,2015-13-45,,,,
Remzi Bekirov,,1985,2019-03-27,terrorism,19 years,sentenced,an appeal pending
Server Mustafaev,,1986,,,,detained,
Marlen Asanov,,1977,2016-05-12,,,unknown,
Marlen Asanow,,1950,,,,,
Emir Kuku,,1976,2016-02-11,terrorism,12 years,sentenced,
Remzi Bekirov,,1985,,,,,
Zarema Bekirova,,1988,,,,released,
Emir Kuku,,,,,,,
Remzi Bekirow,,1985,2019-03-27,,,,
"""


def store_content(habeas: Habeas) -> dict:
    """The store without ids or timestamps: what a reader can tell apart."""
    with habeas.session() as session:
        names = {p.id: p.name for p in session.scalars(select(Person))}
        events = {e.id: e for e in session.scalars(select(Event))}

        def subject(claim):
            if claim.subject_type == "person":
                return names[claim.subject_id]
            event = events[claim.subject_id]
            return (event.type, event.date, event.term_months)

        return {
            "persons": _sorted((p.name, p.key, names.get(p.merged_into_id))
                              for p in session.scalars(select(Person))),
            "aliases": _sorted((names[a.person_id], a.alias, a.key)
                              for a in session.scalars(select(PersonAlias))),
            "keys": _sorted((names[k.person_id], k.key) for k in session.scalars(select(PersonKey))),
            "events": _sorted((e.type, e.date, e.date_precision, e.charge, e.term_months,
                              e.negated, e.hedged) for e in events.values()),
            "links": _sorted((events[link.event_id].type, names[link.person_id])
                            for link in session.scalars(select(EventPerson))),
            "sources": _sorted((events[s.event_id].type, s.start_char, s.end_char, s.sentence)
                              for s in session.scalars(select(EventSource))),
            "claims": _sorted((c.subject_type, str(subject(c)), c.field,
                              repr(sorted(names[i] for i in c.value) if c.field == "persons"
                                   else c.value),
                              c.start_char, c.end_char, c.sentence, c.extractor,
                              c.extractor_version, c.status)
                             for c in session.scalars(select(Claim))),
            "merges": _sorted((m.person_name, m.into_name, m.action)
                             for m in session.scalars(select(Merge))),
            "suggestions": _sorted((names[s.person_id], names[s.candidate_id], s.status)
                                  for s in session.scalars(select(Suggestion))),
        }


def _sorted(rows) -> list:
    return sorted(rows, key=repr)


def imported(database_url: str, path, monkeypatch=None, *, one_by_one: bool = False):
    habeas = Habeas(database_url=database_url)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(lists, "BATCH_ROWS", 4)
            if one_by_one:  # every row through the resolver, as before the bulk path
                patch.setattr(NameIndex, "same_key", lambda self, texts: True)
            report = lists.import_list(habeas.transaction, path)
        return report, store_content(habeas)
    finally:
        habeas.close()


def test_bulk_rows_end_as_the_rows_resolved_one_by_one(database_url, tmp_path, monkeypatch):
    path = tmp_path / "list.csv"
    path.write_text(ROWS, encoding="utf-8")
    report, content = imported(database_url, path, monkeypatch)
    reference, expected = imported(f"sqlite:///{tmp_path / 'ref.db'}", path, monkeypatch,
                                   one_by_one=True)
    assert [(r.row, r.status) for r in report.rows] == [(r.row, r.status)
                                                        for r in reference.rows]
    statuses = {r.row: r.status for r in report.rows}
    assert statuses[2] == "rejected" and statuses[8] == "merged"  # a name met in this list
    assert content == expected
    assert len(content["claims"]) > 40 and content["merges"]


def test_a_list_imported_again_changes_nothing(database_url, tmp_path, monkeypatch):
    path = tmp_path / "list.csv"
    path.write_text(ROWS, encoding="utf-8")
    _, before = imported(database_url, path, monkeypatch)
    habeas = Habeas(database_url=database_url)
    try:
        assert lists.import_list(habeas.transaction, path).already
        assert store_content(habeas) == before
    finally:
        habeas.close()


@pytest.mark.parametrize("a,b,near", [
    ("Akhtem Chiygoz", "Akhtem Chiygos", True),     # one letter changed
    ("Akhtem Chiygoz", "Akhtem Chiygooz", True),    # one letter added
    ("Akhtem Chiygoz", "Akhtem Chyigoz", True),     # a spelling of the same skeleton
    ("Akhtem Chiygoz", "Ahtem Chiygoz", True),      # the given name spelt otherwise
    ("Akhtem Chiygoz", "A. Chiygoz", True),         # an initial
    ("Akhtem Chiygoz", "Chiygoz", True),            # the surname alone
    ("Akhtem Chiygoz", "Ilmi Chiygoz", False),      # another given name
    ("Akhtem Chiygoz", "Akhtem Umerov", False),     # another surname
])
def test_the_index_finds_every_name_the_resolver_could_score(a, b, near):
    index = NameIndex()
    index.add([a], person_id=1)
    assert bool(index.near([b])) == near
    assert bulk.name_score(bulk.parse(a), bulk.parse(b))[0] > 0 or not near


def test_surname_forms_share_one_for_one_edit():
    for a, b in (("cigoz", "cigos"), ("cigoz", "ciogz"), ("cigoz", "cigooz")):
        assert surname_forms(a) & surname_forms(b)
    assert surname_forms("ali") == {"ali"}
