"""Lists in and out: a monitor's spreadsheet (CSV, JSON or JSON Lines) read as claims sourced to
the file, and the store written back in the same columns.

The file is stored as one article (its text, source = its path), so every value read from a row
is a claim pointing at that file and at the row's line. Each row is a person (matched to a stored
person by name, or resolved like any new person), an arrest event (arrest date, charge), a
sentence event (term, charge), and person claims for birth year, status and notes. A row that
cannot be read (a bad JSON line, a date not on the calendar, a term below zero or above
``MAX_TERM_YEARS``) is rejected with its reason; the others still go in.

Rows are read as a stream and written in batches of ``BATCH_ROWS``, one transaction each; the
progress is kept with the file's article, so an import that stops half-way goes on from the
next batch when run again. The CSV delimiter is sniffed (``csv.Sniffer``) unless given.

A row whose person an in-memory index of the stored names shows to be new for certain is
written in bulk with its batch (``resolve.bulk``); a row that may be a stored person goes
through the resolver like an article's person, which only looks at the persons the index
finds near. Either way a row ends as the same rows in the store.

A list is known by its name (the file's, or ``list_name``); each import of it is a
``store.lists.ListImport`` and its rows are kept as ``ListEntry`` rows. A new version of a list
imported before is compared with them and only the difference is written (``list_updates``).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import gc
import io
import json
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from ..errors import SourceError, UsageError
from ..model import Document, EventRecord, Extraction, PersonRecord, Span
from ..store.crud import add_article
from ..store.lists import ListImport, entries, latest_import
from ..store.models import Article, Person
from ..store.persons import canonical, name_key
from ..store.queries import person_dossier
from . import list_updates as updates
from .article import _Writer
from .bulk import NameIndex, NewRow, Pending, among
from .evidence import Profile
from .evidence import birth_year as implied_birth_year
from .names import parse
from .persons import record_profile, resolve_person, separate_names, stays_new

IMPORTER = "habeas.import.v1"
FIELDS = ("name", "aliases", "birth_year", "arrest_date", "charge", "sentence", "status",
          "notes")
# Column headings a list often uses for each field (compared lowercased, "_" for spaces).
SYNONYMS = {
    "name": ("name", "full_name", "person", "prisoner", "fio", "имя", "фио"),
    "aliases": ("aliases", "alias", "also_known_as", "other_names", "spellings"),
    "birth_year": ("birth_year", "year_of_birth", "born", "birth", "yob"),
    "arrest_date": ("arrest_date", "arrested", "date_of_arrest", "detained", "detention_date"),
    "charge": ("charge", "charges", "article", "accusation"),
    "sentence": ("sentence", "term", "sentence_term", "punishment"),
    "status": ("status", "current_status", "state"),
    "notes": ("notes", "note", "comment", "comments", "remarks"),
}
STATUS_WORDS = {
    "detained": "detained", "in custody": "detained", "arrested": "detained",
    "custody": "detained", "pre-trial": "detained", "sentenced": "sentenced",
    "convicted": "sentenced", "imprisoned": "sentenced", "serving": "sentenced",
    "released": "released", "free": "released", "freed": "released", "died": "died",
    "dead": "died", "unknown": "unknown", "": "",
}
LIST_SEPARATORS = re.compile(r"\s*[;|]\s*")
TERM = re.compile(r"(\d+(?:[.,]\d+)?)\s*(years?|yrs?|y|months?|mos?|m)\b", re.I)
# One "<number> <unit>" of a term, with what may join it to the next ("3 years, 7 months").
TERM_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(years?|yrs?|y|months?|mos?|m)\.?"
                       r"(?:\s*(?:,|and|и)?\s*)", re.I)
# A term in whole years as most lists write it, read without the general parser.
WHOLE_YEARS = re.compile(r"(\d{1,4}) years?")
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
EARLIEST_BIRTH_YEAR = 1900
# Years of a person's life before a first arrest a list can plausibly record.
YOUNGEST_DETAINEE = 10
# Dates before this are typos in a list of today's prisoners (a year "1015").
EARLIEST_DATE = dt.date(1900, 1, 1)
# Longest term accepted, in years (life sentences are noted, not counted in months).
MAX_TERM_YEARS = 100
# Rows written per transaction: a batch is committed before the next is read.
BATCH_ROWS = 1000
# Characters of a CSV file csv.Sniffer looks at to guess its delimiter.
SNIFF_CHARS = 64 * 1024
DELIMITERS = ",;\t|"
DEFAULT_ENCODING = "utf-8-sig"


@dataclass
class RowResult:
    row: int
    name: str
    status: str  # imported, merged, rejected
    detail: str = ""
    person_id: int | None = None
    values: dict[str, Any] | None = None  # as ``_check`` read them (None when rejected)


@dataclass
class ImportReport:
    source: str
    rows: list[RowResult] = field(default_factory=list)
    already: bool = False
    resumed_at: int = 0  # rows a stopped import had done before this run
    list_name: str = ""
    import_id: int | None = None
    first: bool = True  # no earlier version of the list was known
    # an update's difference (``list_updates.Difference.as_json``), as stored with the import
    diff: dict[str, Any] | None = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


# ----------------------------------------------------------------------------- reading

def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """["ФИО=name", "yob=birth_year"] -> {"фио": "name", "yob": "birth_year"}."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        column, sep, target = pair.partition("=")
        if not sep or not column.strip() or target.strip() not in FIELDS:
            raise UsageError(f"--map takes COLUMN=FIELD with FIELD one of {', '.join(FIELDS)}; "
                             f"got {pair!r}")
        mapping[_heading(column)] = target.strip()
    return mapping


def _heading(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


@dataclass
class RawRow:
    """One row as read: its fields (None when the line could not be read, with ``error``),
    its text and where that text is in the file."""
    number: int
    fields: dict[str, Any] | None
    span: Span
    error: str = ""


def read_rows(text: str, suffix: str, *, delimiter: str | None = None) -> Iterator[RawRow]:
    """The rows of a CSV, JSON or JSON Lines list, one at a time."""
    if suffix == ".csv":
        yield from _csv_rows(text, delimiter)
    elif suffix == ".jsonl":
        yield from _jsonl_rows(text)
    else:
        data = json.loads(text)
        items = (data.get("persons") or data.get("rows") or []) if isinstance(data, dict) \
            else data
        for number, item in enumerate(items if isinstance(items, list) else [], start=1):
            line = json.dumps(item, ensure_ascii=False)
            if isinstance(item, dict):
                yield RawRow(number, item, Span(-1, -1, line))
            else:
                yield RawRow(number, None, Span(-1, -1, line), "not an object")


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the one csv.Sniffer finds among ``DELIMITERS``, else ','."""
    sample = text[:SNIFF_CHARS]
    if "\n" in sample and len(sample) == SNIFF_CHARS:
        sample = sample[:sample.rindex("\n")]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def _csv_rows(text: str, delimiter: str | None) -> Iterator[RawRow]:
    starts = _line_starts(text)
    reader = csv.DictReader(io.StringIO(text, newline=""),
                            delimiter=delimiter or sniff_delimiter(text))
    first = 1  # the header's line; a record spans lines first+1 .. reader.line_num
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            number += 1
            yield RawRow(number, None, Span(-1, -1, ""), f"not CSV: {e}")
            first = reader.line_num
            continue
        number += 1
        begin = starts[min(first, len(starts) - 1)]
        end = starts[min(reader.line_num, len(starts) - 1)]
        line = text[begin:end].rstrip("\r\n")
        first = reader.line_num
        yield RawRow(number, row, Span(begin, begin + len(line), line))


def _jsonl_rows(text: str) -> Iterator[RawRow]:
    offset = 0
    number = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        span = Span(offset, offset + len(line), line)
        offset += len(raw)
        if not line.strip():
            continue
        number += 1
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            yield RawRow(number, None, span, f"not JSON: {e.msg} (column {e.colno})")
            continue
        if isinstance(item, dict):
            yield RawRow(number, item, span)
        else:
            yield RawRow(number, None, span, "not a JSON object")


def map_row(row: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    targets = _targets(tuple(row), tuple(sorted(mapping.items())) if mapping else ())
    return {target: row[column] for column, target in targets}


@functools.lru_cache(maxsize=1024)
def _targets(columns: tuple[Any, ...], mapping: tuple[tuple[str, str], ...]
             ) -> tuple[tuple[str, str], ...]:
    """(column, field) for each heading of ``columns`` that stands for a field (``--map``
    first, then ``SYNONYMS``), the first column of a field winning; worked out once per
    header."""
    found: dict[str, str] = {}
    for column in columns:
        if column is None:
            continue
        target = _target(str(column), mapping)
        if target and target not in found:
            found[target] = column
    return tuple((column, target) for target, column in found.items())


def _target(column: str, mapping: tuple[tuple[str, str], ...]) -> str | None:
    """The field a column heading stands for (``--map`` first, then ``SYNONYMS``)."""
    heading = _heading(column)
    return dict(mapping).get(heading) or next(
        (f for f, words in SYNONYMS.items() if heading in words), None)


def read_date(text: str) -> str | None:
    """An ISO date at its precision from "2015-01-29", "29.01.2015", "2015-01" or "2015";
    ValueError unless it is a real calendar date (no month 13, no 31 April) from
    ``EARLIEST_DATE`` to today."""
    text = str(text).strip()
    today = dt.date.today()
    if ISO_DAY.fullmatch(text):  # the usual shape first, read without strptime
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(text) from None
        if not EARLIEST_DATE <= day <= today:
            raise ValueError(text)
        return text
    if re.fullmatch(r"\d{4}", text):
        if not EARLIEST_DATE.year <= int(text) <= today.year:
            raise ValueError(text)
        return text
    match = re.fullmatch(r"(\d{4})-(\d{2})", text) or re.fullmatch(r"(\d{1,2})[./](\d{4})", text)
    if match:
        year, month = ((match.group(1), match.group(2)) if "-" in text
                       else (match.group(2), match.group(1)))
        day = dt.date(int(year), int(month), 1) if 1 <= int(month) <= 12 else None
        if day is None or not EARLIEST_DATE <= day <= today:
            raise ValueError(text)
        return f"{int(year):04d}-{int(month):02d}"
    for fmt in DATE_FORMATS:
        try:
            day = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if not EARLIEST_DATE <= day <= today:
            raise ValueError(text)
        return day.isoformat()
    raise ValueError(text)


def read_term(text: str) -> int | None:
    """Months from "8 years", "3 years 7 months", "3 years and 7 months", "18 months", "8"
    (years). None when the text is not a term; a term below zero or above ``MAX_TERM_YEARS``
    is not one either."""
    text = str(text).strip()
    if not text:
        return None
    if match := WHOLE_YEARS.fullmatch(text):  # the usual shape, "8 years"
        months = int(match.group(1)) * 12
        return months if 0 < months <= MAX_TERM_YEARS * 12 else None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        months = float(text.replace(",", ".")) * 12
    else:
        parts = list(TERM_PART.finditer(text))
        if not parts or "".join(m.group(0) for m in parts).strip() != text \
                or any(m.start() != parts[i - 1].end() for i, m in enumerate(parts) if i):
            return None
        months = 0.0
        for match in parts:
            value = float(match.group(1).replace(",", "."))
            months += value * 12 if match.group(2).lower().startswith("y") else value
    if not 0 < months <= MAX_TERM_YEARS * 12:
        return None
    return round(months)


def format_term(months: int | None) -> str:
    if not months:
        return ""
    years, rest = divmod(int(months), 12)
    parts = [f"{years} year{'s' if years != 1 else ''}" if years else "",
             f"{rest} month{'s' if rest != 1 else ''}" if rest else ""]
    return " ".join(p for p in parts if p)


# ----------------------------------------------------------------------------- importing

def _value(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value).strip()


def _check(row: dict[str, Any]) -> dict[str, Any]:
    """The row's values, read and checked; ValueError with the reason for a bad one."""
    name = _value(row, "name")
    if not name:
        raise ValueError("no name")
    if not parse(name).surname:
        raise ValueError(f"no surname in {name!r}")
    out: dict[str, Any] = {"name": name,
                           "aliases": [a for a in LIST_SEPARATORS.split(_value(row, "aliases"))
                                       if a]}
    born = _value(row, "birth_year")
    latest_birth = dt.date.today().year - YOUNGEST_DETAINEE
    if born:
        if not born.isdigit() or not EARLIEST_BIRTH_YEAR <= int(born) <= latest_birth:
            raise ValueError(f"birth year {born!r} is not a year from {EARLIEST_BIRTH_YEAR} "
                             f"to {latest_birth}")
        out["birth_year"] = int(born)
    arrested = _value(row, "arrest_date")
    if arrested:
        try:
            out["arrest_date"] = read_date(arrested)
        except ValueError:
            raise ValueError(f"arrest date {arrested!r} is not a date from "
                             f"{EARLIEST_DATE.isoformat()} to today") from None
        if "birth_year" in out and int(out["arrest_date"][:4]) < out["birth_year"]:
            raise ValueError(f"arrest date {arrested!r} is before the birth year {born}")
    status = _value(row, "status").lower()
    if status not in STATUS_WORDS:
        raise ValueError(f"status {status!r} is not one of detained, sentenced, released, "
                         "died, unknown")
    out["status"] = STATUS_WORDS[status] or None
    sentence = _value(row, "sentence")
    out["term_months"] = read_term(sentence) if sentence else None
    if sentence and out["term_months"] is None:
        raise ValueError(f"sentence {sentence!r} is not a term from 1 month to "
                         f"{MAX_TERM_YEARS} years (e.g. \"8 years\", \"3 years 7 months\")")
    out["charge"] = _value(row, "charge") or None
    out["notes"] = _value(row, "notes") or None
    return out


Transaction = Callable[[], AbstractContextManager[Session]]


def import_list(transaction: Transaction, path: str | Path, *,
                mapping: dict[str, str] | None = None, delimiter: str | None = None,
                encoding: str | None = None, by: str = IMPORTER,
                progress: Callable[[int], None] | None = None,
                list_name: str | None = None) -> ImportReport:
    """Read the list at ``path`` into the store, ``BATCH_ROWS`` rows per transaction.

    ``transaction()`` gives a session inside a writer's transaction that commits when the block
    ends. The list is known as ``list_name`` (default: the file's name). A new version of a list
    imported before updates it in place (``list_updates``): only what differs is written, and
    the difference is stored with the import. A version already imported in full is reported
    as ``already``; an import that stopped goes on where it was.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json", ".jsonl"):
        raise UsageError(f"{path.name}: a list must be .csv, .json or .jsonl")
    if delimiter is not None and len(delimiter) != 1:
        raise UsageError(f"--delimiter takes one character, not {delimiter!r}")
    text = _read_text(path, encoding or DEFAULT_ENCODING)
    try:
        rows = read_rows(text, suffix, delimiter=delimiter)
        first = next(rows, None)
    except json.JSONDecodeError as e:
        raise SourceError(f"{path}: not JSON: {e}") from e
    modified = dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    document = Document(text=text, source=str(path), title=f"List {path.name}",
                        outlet=f"list {path.name}", published=modified, language=None)
    name = list_name or path.name
    report = ImportReport(source=str(path), list_name=name)
    with transaction() as session:
        article, created = add_article(session=session, document=document)
        record = _begin(session, name, article, created, source=str(path), by=by)
        if record is None:
            report.already = True
            return report
        report.import_id, report.first = record.id, record.first
        done = (_progress(article) or 0) if record.first and not created else 0
        _set_progress(article, done, complete=False)
        article_id = article.id
        taken = list(entries(session, name)) if record.first else []
    if not report.first:
        return _update(transaction, report, article_id, _chain(first, rows), mapping, by,
                       progress)
    recorder = updates.Recorder(name, article_id, updates.Identities(taken))
    report.resumed_at = done
    # the stored names read into memory once, then what each batch adds: an import asks about
    # every row, where the stored forms would cost a query each (``bulk.NameIndex``)
    index = NameIndex(stored=False)
    batch: list[RawRow] = []
    with _without_cycle_collection():
        for raw in _chain(first, rows):
            if raw.number <= done:
                continue
            batch.append(raw)
            if len(batch) >= BATCH_ROWS:
                report.rows.extend(_write_batch(transaction, article_id, batch, mapping, by,
                                                index, record=recorder.record))
                if progress:
                    progress(len(batch))
                batch = []
        report.rows.extend(_write_batch(transaction, article_id, batch, mapping, by, index,
                                        record=recorder.record))
    if progress and batch:
        progress(len(batch))
    with transaction() as session:
        _finish(session, report)
    return report


def _begin(session: Session, name: str, article: Article, created: bool, *, source: str,
           by: str) -> ListImport | None:
    """The import of this version of list ``name``: a new one, or one that stopped (None when
    this version is imported in full already)."""
    latest = latest_import(session, name)
    if latest is not None and latest.article_id == article.id:
        return None if latest.complete else latest
    if latest is not None and not latest.complete:
        raise UsageError(f"the import of another version of the list {name!r} stopped "
                         f"half-way ({latest.source}); import that file again first")
    if latest is None and not created and _progress(article) is None:
        return None  # imported before lists were kept current, or as another list
    record = ListImport(list_name=name, article_id=article.id, source=source,
                        first=latest is None, by=by)
    session.add(record)
    session.flush()
    return record


def _finish(session: Session, report: ImportReport) -> None:
    record = session.get(ListImport, report.import_id)
    counts = {"rows": len(report.rows) + report.resumed_at,
              "added": report.count("imported") + report.count("merged"),
              "removed": 0, "changed": 0, "unchanged": 0,
              "rejected": report.count("rejected")}
    if report.diff is not None:
        counts.update(removed=len(report.diff["removed"]), changed=len(report.diff["changed"]),
                      unchanged=report.diff["unchanged"], added=len(report.diff["added"]))
        counts["rows"] = counts["added"] + counts["changed"] + counts["unchanged"] + \
            counts["rejected"] + len(report.diff["kept"])
    updates.finish(session, record, counts)
    article = _article(session, record.article_id)
    _set_progress(article, counts["rows"], complete=True)


def _update(transaction: Transaction, report: ImportReport, article_id: int,
            rows: Iterator[RawRow], mapping: dict[str, str] | None, by: str,
            progress: Callable[[int], None] | None) -> ImportReport:
    """A new version of a list imported before: the difference stored, then written."""
    reads, unreadable = [], set()
    for raw in rows:
        if raw.fields is None:
            report.rows.append(RowResult(raw.number, "", "rejected", raw.error))
            continue
        row = map_row(raw.fields, mapping or {})
        try:
            values = _check(row)
        except ValueError as e:
            report.rows.append(RowResult(raw.number, _value(row, "name"), "rejected", str(e)))
            unreadable.add(name_key(_value(row, "name")))
            continue
        reads.append(updates.Read(raw.number, values, raw.span, raw))
    with transaction() as session:
        diff = updates.compare(session, entries(session, report.list_name), reads, unreadable)
        record = session.get(ListImport, report.import_id)
        if record.diff is None:  # kept as first worked out when an import goes on
            record.diff = diff.as_json()
        report.diff = record.diff
        removed = [e.id for e in diff.removed]
        changed = [(e.id, r, fields) for e, r, fields in diff.changed]
    for chunk in updates.batches(removed, BATCH_ROWS):
        with transaction() as session:
            updates.remove(session, chunk)
    for chunk in updates.batches(changed, BATCH_ROWS):
        with transaction() as session:
            article = _article(session, article_id)
            writer = updates.writer_for(session, article, by)
            updates.apply_changes(session, writer, article, report.list_name, chunk)
        report.rows.extend(RowResult(read.number, read.values["name"], "changed",
                                     ", ".join(fields), values=read.values)
                           for _, read, fields in chunk)
        if progress:
            progress(len(chunk))
    if diff.added:
        recorder = updates.Recorder(report.list_name, article_id, updates.Identities(),
                                    fixed={r.number: r.identity for r in diff.added})
        index = NameIndex(stored=False)  # as in import_list
        with _without_cycle_collection():
            for chunk in updates.batches([r.raw for r in diff.added], BATCH_ROWS):
                report.rows.extend(_write_batch(transaction, article_id, chunk, mapping, by,
                                                index, record=recorder.record))
                if progress:
                    progress(len(chunk))
    with transaction() as session:
        _finish(session, report)
    return report


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while a list is imported: the name index grows to
    millions of small lists and tuples, none in a cycle, and each of the collector's full
    passes walks them all (a fifth of a 100,000-row import's CPU). Reference counting still
    frees everything else; the collector runs again, as it was set, when the import ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_text(path: Path, encoding: str) -> str:
    try:
        return path.read_text(encoding=encoding)
    except FileNotFoundError as e:
        raise SourceError(f"{path}: no such file") from e
    except IsADirectoryError as e:
        raise SourceError(f"{path}: a folder, not a list") from e
    except LookupError as e:
        raise UsageError(f"--encoding {encoding!r} is not an encoding Python knows") from e
    except UnicodeDecodeError as e:
        raise SourceError(f"{path}: not {encoding} (byte {e.start}); pass --encoding, e.g. "
                          f"--encoding cp1251") from e


def _chain(first: RawRow | None, rest: Iterator[RawRow]) -> Iterator[RawRow]:
    if first is not None:
        yield first
        yield from rest


def _progress(article: Article) -> int | None:
    """Rows already written for a list's article; None when its import is complete."""
    try:
        state = json.loads(article.extractor or "{}")
    except json.JSONDecodeError:
        return None
    if state.get("complete", True):
        return None
    return int(state.get("rows_done", 0))


def _set_progress(article: Article, rows_done: int, *, complete: bool) -> None:
    article.status, article.extracted_at = "extracted", dt.datetime.now(dt.timezone.utc)
    article.extractor = json.dumps({"habeas_import": IMPORTER, "rows_done": rows_done,
                                    "complete": complete})


def _article(session: Session, article_id: int) -> Article:
    """A list's article without its text (the whole file, read again by every batch else);
    the rare reader of ``article.text`` (a surname alone, ``events._Written``) loads it."""
    return session.get(Article, article_id, options=[defer(Article.text)])


def _write_batch(transaction: Transaction, article_id: int, batch: list[RawRow],
                 mapping: dict[str, str] | None, by: str, index: NameIndex, *,
                 record: Callable[[Session, list[RowResult]], None] | None = None
                 ) -> list[RowResult]:
    """One transaction: the batch's rows, the list's entries for them (``record``), and the
    progress after them (retried whole after a transient database error)."""
    from ..store import db

    def once() -> list[RowResult]:
        results = []
        with transaction() as session:
            index.refresh(session)
            article = _article(session, article_id)
            extraction = Extraction(document={}, versions={"habeas_import": by})
            writer = _Writer(session, article, extraction)
            pending = Pending(article_id, writer.person_by)
            for raw in batch:
                results.append(_one_row(session, writer, article, raw, mapping, index, pending))
            pending.flush(session, index)
            if record is not None:
                record(session, results)
            index.remember(session)
            done = batch[-1].number if batch else _progress(article) or 0
            _set_progress(article, done, complete=False)
            session.flush()
        return results

    return db.retrying(once)


def _one_row(session: Session, writer: _Writer, article: Article, raw: RawRow,
             mapping: dict[str, str] | None, index: NameIndex, pending: Pending) -> RowResult:
    """A row checked, then queued for the bulk write when its person is new for certain, else
    imported through the resolver (after the rows queued before it are written)."""
    if raw.fields is None:
        return RowResult(raw.number, "", "rejected", raw.error)
    row = map_row(raw.fields, mapping or {})
    try:
        values = _check(row)
    except ValueError as e:
        return RowResult(raw.number, _value(row, "name"), "rejected", str(e))
    names = [values["name"], *values["aliases"]]
    keys = [name_key(text) for text in names]  # each name read once, here
    near: set[int] | None = None
    if _one_person(values) and not index.same_key(keys):
        slots = index.near(names, session)
        born = values.get("birth_year")
        if slots and not index.settled_new(slots, values["name"], born):
            if not index.written(slots):
                pending.flush(session, index)
            near = among(session, index, slots)
        if not near or stays_new(session, _profile(_record(raw.number, values), values),
                                 among=near):
            result = RowResult(raw.number, values["name"], "imported", values=values)
            slot = index.add(names, keys=keys)
            if born is not None:
                index.born[slot] = born
            pending.rows.append(NewRow(values, keys, raw.span, slot, result))
            return result
    pending.flush(session, index)
    pending.publish(writer)
    result = _import_row(session, writer, article, raw.number, values, raw.span, among=near,
                         new=near is not None)
    result.values = values
    index.add(names, person_id=result.person_id)
    # the row's person, and whoever it was merged into, have more than one birth year now
    index.forget(session, [result.person_id])
    return result


def _record(number: int, values: dict[str, Any]) -> PersonRecord:
    return PersonRecord(id=f"r{number}", name=values["name"], aliases=values["aliases"])


def _one_person(values: dict[str, Any]) -> bool:
    """Whether a row's names cannot be two persons (``resolve.persons.separate_names``)."""
    return not values["aliases"] or len(separate_names(PersonRecord(
        id="", name=values["name"], aliases=list(values["aliases"])))) == 1


def _profile(record: PersonRecord, values: dict[str, Any]) -> Profile:
    """What a row says of its person, for the resolver."""
    profile = record_profile(record, published=None, comentions=set(), places=set())
    if "birth_year" in values:
        profile.birth_years.add(values["birth_year"])
    return profile


def _import_row(session: Session, writer: _Writer, article: Article, number: int,
                values: dict[str, Any], span: Span, *, among: set[int] | None = None,
                new: bool = False) -> RowResult:
    from . import events as event_resolution

    record = _record(number, values)
    before = len(writer.new)
    person = writer.person(record, new=new)
    by = writer.person_by
    result = RowResult(number, values["name"], "imported", person_id=person.id)
    if len(writer.new) == before:
        root = canonical(session, person)
        result.status, result.detail = "merged", f"into {root.name} (#{root.id}): same name"
    else:
        outcome = resolve_person(session, person, _profile(record, values), among=among)
        if outcome.action == "merged":
            result.status = "merged"
            result.detail = f"into {outcome.into.name} (#{outcome.into.id}), score " \
                            f"{outcome.score:.2f}: {outcome.reason}"
        elif outcome.action == "suggested":
            result.detail = f"possible match {outcome.into.name} (#{outcome.into.id}) waits " \
                            f"for review"
    for key in ("birth_year", "status", "notes"):
        if values.get(key) is not None:
            writer.claim("person", person.id, key, values[key], span, by=by)
    records = []
    if values.get("arrest_date"):
        records.append(EventRecord(type="arrest", persons=[record.id],
                                   date=values["arrest_date"], charge=values["charge"],
                                   sources=[span]))
    if values.get("term_months"):
        records.append(EventRecord(type="sentence", persons=[record.id],
                                   charge=values["charge"], term_months=values["term_months"],
                                   sources=[span]))
    same = event_resolution.plan(session, article=article, records=records,
                                 persons=[writer.known_ids(r) for r in records])
    for index, event in enumerate(records):
        writer.event(event, into=same.get(index))
    return result


# ----------------------------------------------------------------------------- exporting

# The columns of ``export_list``: a list as ``habeas import`` reads it back.
LIST_COLUMNS = FIELDS


def export_list(*, session: Session) -> list[dict[str, Any]]:
    """Every person (not merged away) as one row of a monitor's list, in the columns
    ``habeas import`` reads (``LIST_COLUMNS``): aliases joined by "; ", the birth year a list
    gave (else the one most ages imply), the first arrest, the latest sentence."""
    persons = session.scalars(
        select(Person).where(Person.merged_into_id.is_(None)).order_by(Person.key, Person.id))
    return [list_row(person_dossier(session=session, person=p)) for p in persons]


def list_row(dossier: dict[str, Any]) -> dict[str, Any]:
    """One person's dossier as a row in ``FIELDS`` order (what ``habeas import`` reads)."""
    attributes = dossier["attributes"]
    born = [e["value"] for e in attributes.get("birth_year", [])]
    if not born:
        implied = [implied_birth_year(e["value"], s.get("published"))
                   for e in attributes.get("age", []) for s in e["sources"]]
        implied = [y for y in implied if y]
        born = [max(set(implied), key=implied.count)] if implied else []
    timeline = [e for e in dossier["timeline"] if not e["negated"]]
    arrests = sorted(e["date"] for e in timeline if e["type"] in ("arrest", "abduction")
                     and e["date"])
    sentences = [e for e in timeline if e["type"] in ("sentence", "conviction")]
    charged = [e["charge"] for e in [*sentences[::-1], *timeline] if e.get("charge")]
    terms = [e["term_months"] for e in sentences[::-1] if e.get("term_months")]
    status = dossier["status"] if dossier["status"] != "unknown" else ""
    notes = [e["value"] for e in attributes.get("notes", [])]
    return {
        "name": dossier["name"], "aliases": "; ".join(dossier["aliases"]),
        "birth_year": born[0] if born else "", "arrest_date": arrests[0] if arrests else "",
        "charge": charged[0] if charged else "", "sentence": format_term(terms[0] if terms
                                                                         else None),
        "status": status, "notes": "; ".join(str(n) for n in notes),
    }
