"""Ukrainian reports: identified, read for persons only (pymorphy3 with its Ukrainian
dictionary), never by the English or Russian rules; a Ukrainian name resolves to the same person
in English and Russian reports."""

from __future__ import annotations

import pytest

from habeas.model import Document
from habeas.nlp.dispatch import process_documents

TEXT = ("Суд у Сімферополі заарештував кримського татарина Івана Петренка на два місяці. "
        "Адвокат Ольга Ясинська повідомила про затримання Сервера Мустафаєва. Мустафаєва "
        "етапували до Ростова. Наріман Джелял вийшов на волю.")


def test_persons_in_the_nominative_and_no_events():
    document = Document(text=TEXT, source="uk", language=None)
    [(_, extraction)] = process_documents(lambda: pytest.fail("English rules ran"), [document])
    assert document.language == "uk"
    names = {p.name: p.aliases for p in extraction.persons}
    assert names == {"Іван Петренко": ["Івана Петренка"], "Ольга Ясинська": [],
                     "Сервер Мустафаєв": ["Сервера Мустафаєва", "Мустафаєва"],
                     "Наріман Джелял": []}
    assert extraction.events == []
    assert extraction.versions["skipped"] == "no event extraction for uk yet (persons only)"


def test_a_ukrainian_name_is_the_person_of_english_and_russian_reports(tmp_path):
    from habeas.store import queries
    from habeas.workspace import Habeas

    reports = {
        "uk.txt": "Заступника голови Меджлісу Ахтема Чийгоза звільнили 25 жовтня 2017 року. "
                  "Чийгоза вивезли до Анкари.",
        "ru.txt": "Заместителя председателя Меджлиса Ахтема Чийгоза освободили 25 октября "
                  "2017 года.",
        "en.txt": "Akhtem Chiygoz, deputy head of the Mejlis, was released on October 25, 2017.",
    }
    for name, text in reports.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    habeas = Habeas(database_url=f"sqlite:///{tmp_path / 'x.db'}")
    try:
        for name in reports:
            habeas.ingest([tmp_path / name], overrides={"published": "2017-10-26"})
        report = habeas.extract()
        assert report.articles == 3 and dict(report.unsupported) == {"uk": 1}
        with habeas.session() as session:
            rows = [r for r in queries.list_persons(session=session) if "Chiygoz" in r.name
                    or "Чийгоз" in r.name]
        assert len(rows) == 1 and rows[0].articles == 3
    finally:
        habeas.close()
