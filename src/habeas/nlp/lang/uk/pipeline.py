"""The Ukrainian pipeline, persons only: a name is a run of capitalised words that pymorphy3's
Ukrainian dictionary (``pymorphy3-dicts-uk``, inside the wheel) reads as a given name, surname
or patronymic, put in the nominative ("Ахтема Чийгоза" -> "Ахтем Чийгоз"), every other form as
written kept as an alias; a surname alone ("Чийгозу") is the person named so before. Persons
resolve to the same persons in Russian and English reports through the store's name keys
(transliteration). No events: an article's versions say "no event extraction for uk yet
(persons only)", so the extraction report names it, and no English or Russian rule reads
Ukrainian text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from ....model import Document, Extraction, PersonRecord, Span
from ..ru.forms import same_word

VERSION = "habeas.ukrainian.persons.v1"
# pymorphy3 grammemes of the parts of a person's name.
NAME_PARTS = {"Name", "Surn", "Patr"}
# A capitalised Cyrillic word, hyphenated parts included ("Кара-Мурза").
WORD = re.compile(r"[А-ЯЁІЇЄҐ][а-яёіїєґʼ'’]+(?:-[А-ЯЁІЇЄҐ]?[а-яёіїєґʼ'’]+)*")
# Words between two name parts that still join them: none (a run is unbroken, spaces only).
GAP = re.compile(r"^[ \u00a0]+$")


@functools.cache
def morph():
    """pymorphy3 with the Ukrainian dictionary, loaded once per process (well under a second)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


def versions() -> dict[str, str]:
    from ...language import unsupported_note

    return {"model": "pymorphy3-2.0.6+dicts-uk", "habeas_ukrainian": VERSION,
            "skipped": unsupported_note("uk")}


def process(documents: Iterable[Document]) -> Iterator[tuple[Document, Extraction]]:
    """Each Ukrainian document with its extraction (persons only), in order; a document the
    pipeline fails on comes with an ``ExtractionError`` instead, and the others go on."""
    from ...pipeline import _failure

    for document in documents:
        try:
            yield document, extract(document)
        except Exception as e:  # one bad article must not stop the batch
            yield document, _failure(document, e)


def extract(document: Document) -> Extraction:
    meta = {"id": document.doc_id, "title": document.title, "published": document.published,
            "outlet": document.outlet, "url": document.url, "language": "uk"}
    return Extraction(document=meta, persons=find_persons(document.text), versions=versions())


def _part(word: str):
    """The parse of a word as part of a name (given name, surname, patronymic), or None."""
    for parse in morph().parse(word):
        if NAME_PARTS & set(parse.tag.grammemes):
            return parse
    return None


def find_persons(text: str) -> list[PersonRecord]:
    """The persons a Ukrainian text names: full names first, then surnames alone."""
    persons: list[PersonRecord] = []
    singles = []
    for run in _runs(text):
        parses = [_part(w) for _, _, w in run]
        given = parses[0] is not None and "Name" in parses[0].tag.grammemes
        surname = parses[-1] is not None and parses[-1].tag.grammemes & {"Surn", "Patr"}
        if len(run) >= 2 and (given or surname):  # "Наріман Джелял", "Сервера Мустафаєва"
            _add(persons, _nominative(run, parses), run)
        elif len(run) == 1 and parses[0] is not None and "Surn" in parses[0].tag.grammemes:
            singles.append(run)
    for run in singles:  # "Чийгоза": the person named so in full
        surname = _nominative(run, [_part(run[0][2])])
        person = next((p for p in persons if same_word(p.name.split()[-1], surname)), None)
        if person is not None:
            _alias(person, run)
    for person in persons:
        person.aliases = [a for a in person.aliases if a != person.name]
    return persons


def _runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words separated by spaces only."""
    runs: list[list[tuple[int, int, str]]] = []
    for match in WORD.finditer(text):
        item = (match.start(), match.end(), match.group(0))
        if runs and GAP.match(text[runs[-1][-1][1]:match.start()] or "x"):
            runs[-1].append(item)
        else:
            runs.append([item])
    out = []
    for run in runs:  # a capital that starts a sentence and is no name part is no name
        while run and _part(run[0][2]) is None and not _given_before_surname(text, run):
            run = run[1:]
        while len(run) == 1 and _part(run[-1][2]) is None:
            run = run[:-1]
        if run:
            out.append(run)
    return out


def _given_before_surname(text: str, run: list[tuple[int, int, str]]) -> bool:
    """A word the dictionary lacks as a given name ("Сервера") is one where a surname follows
    and it does not start a sentence."""
    if len(run) < 2 or _part(run[1][2]) is None or "Surn" not in _part(run[1][2]).tag.grammemes:
        return False
    return not re.search(r"(^|[.!?…]\s*)$", text[:run[0][0]])


def _nominative(run: list[tuple[int, int, str]], parses: list) -> str:
    """Each part in the nominative, with the gender the name has ("Ольгу Ясинську" -> "Ольга
    Ясинська"); a part the dictionary lacks as it is written."""
    out = []
    surname = parses[-1]
    oblique = surname is not None and {"masc"} <= surname.tag.grammemes and (
        surname.tag.grammemes & {"gent", "accs"})
    for (_, _, word), parse in zip(run, parses):
        form = parse.inflect({"nomn"}) if parse is not None else None
        if form is not None:
            out.append("-".join(part.capitalize() for part in form.word.split("-")))
        elif oblique and word[-1:] in ("а", "я") and len(word) > 3:  # "Сервера" -> "Сервер"
            out.append(word[:-1] + ("й" if word.endswith("я") else ""))
        else:
            out.append(word)
    return " ".join(out)


def _add(persons: list[PersonRecord], name: str, run: list[tuple[int, int, str]]) -> None:
    tokens = name.split()
    person = next((p for p in persons if same_word(p.name.split()[-1], tokens[-1]) and (
        same_word(p.name.split()[0], tokens[0]))), None)
    if person is None:
        person = PersonRecord(id=f"p{len(persons) + 1}", name=name)
        persons.append(person)
    _alias(person, run)


def _alias(person: PersonRecord, run: list[tuple[int, int, str]]) -> None:
    start, end = run[0][0], run[-1][1]
    surface = " ".join(w for _, _, w in run)
    if surface not in person.aliases:
        person.aliases.append(surface)
    person.mentions.append(Span(start, end, surface))
