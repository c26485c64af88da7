"""Lists in and out: a monitor's spreadsheet (CSV, JSON or JSON Lines) read as claims sourced to
the file, and the store written back in the same columns.

The file is stored as one article (its text, source = its path), so every value read from a row
is a claim pointing at that file and at the row's line. Each row is a person (matched to a stored
person by name, or resolved like any new person), an arrest event (arrest date, charge), a
sentence event (term, charge), and person claims for birth year, status and notes. A row that
cannot be read is rejected with its reason; the others still go in.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ..errors import SourceError, UsageError
from ..model import Document, EventRecord, Extraction, PersonRecord, Span
from ..store.crud import _Writer, add_article
from ..store.models import Article
from ..store.persons import canonical
from .evidence import birth_year as implied_birth_year
from .names import parse
from .persons import record_profile, resolve_person

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
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d")
EARLIEST_BIRTH_YEAR = 1900


@dataclass
class RowResult:
    row: int
    name: str
    status: str  # imported, merged, rejected
    detail: str = ""
    person_id: int | None = None


@dataclass
class ImportReport:
    source: str
    rows: list[RowResult] = field(default_factory=list)
    already: bool = False

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


def read_rows(text: str, suffix: str) -> list[tuple[dict[str, Any], str]]:
    """(row, the row's own text for evidence) for a CSV, JSON or JSON Lines list."""
    if suffix == ".csv":
        lines = text.splitlines()
        reader = csv.DictReader(io.StringIO(text))
        rows = []
        for row in reader:
            line = lines[reader.line_num - 1] if reader.line_num - 1 < len(lines) else ""
            rows.append((row, line))
        return rows
    if suffix == ".jsonl":
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        data = json.loads(text)
        items = (data.get("persons") or data.get("rows") or []) if isinstance(data, dict) \
            else data
    return [(item, json.dumps(item, ensure_ascii=False)) for item in items
            if isinstance(item, dict)]


def map_row(row: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column, value in row.items():
        if column is None:
            continue
        heading = _heading(str(column))
        target = mapping.get(heading) or next(
            (f for f, words in SYNONYMS.items() if heading in words), None)
        if target and target not in out:
            out[target] = value
    return out


def read_date(text: str) -> str | None:
    """An ISO date at its precision from "2015-01-29", "29.01.2015", "2015-01" or "2015"."""
    text = str(text).strip()
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
        return text
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    match = re.fullmatch(r"(\d{1,2})[./](\d{4})", text)
    if match:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    raise ValueError(text)


def read_term(text: str) -> int | None:
    """Months from "8 years", "3 years 7 months", "18 months", "8" (years)."""
    text = str(text).strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return round(float(text.replace(",", ".")) * 12)
    months = 0.0
    for number, unit in TERM.findall(text):
        value = float(number.replace(",", "."))
        months += value * 12 if unit.lower().startswith("y") else value
    return round(months) if months else None


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
    if born:
        if not born.isdigit() or not EARLIEST_BIRTH_YEAR <= int(born) <= dt.date.today().year:
            raise ValueError(f"birth year {born!r} is not a year")
        out["birth_year"] = int(born)
    arrested = _value(row, "arrest_date")
    if arrested:
        try:
            out["arrest_date"] = read_date(arrested)
        except ValueError:
            raise ValueError(f"arrest date {arrested!r} is not a date") from None
    status = _value(row, "status").lower()
    if status not in STATUS_WORDS:
        raise ValueError(f"status {status!r} is not one of detained, sentenced, released, "
                         "died, unknown")
    out["status"] = STATUS_WORDS[status] or None
    sentence = _value(row, "sentence")
    out["term_months"] = read_term(sentence) if sentence else None
    if sentence and out["term_months"] is None:
        raise ValueError(f"sentence {sentence!r} is not a term (e.g. \"8 years\")")
    out["charge"] = _value(row, "charge") or None
    out["notes"] = _value(row, "notes") or None
    return out


def import_list(session: Session, path: str | Path, *, mapping: dict[str, str] | None = None,
                by: str = IMPORTER) -> ImportReport:
    """Read the list at ``path`` into the store (the caller owns the transaction)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json", ".jsonl"):
        raise UsageError(f"{path.name}: a list must be .csv, .json or .jsonl")
    try:
        text = path.read_text(encoding="utf-8-sig")
        rows = read_rows(text, suffix)
    except FileNotFoundError as e:
        raise SourceError(f"{path}: no such file") from e
    except (UnicodeDecodeError, json.JSONDecodeError, csv.Error) as e:
        raise SourceError(f"{path}: {e}") from e
    modified = dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    document = Document(text=text, source=str(path), title=f"List {path.name}",
                        outlet=f"list {path.name}", published=modified, language=None)
    article, created = add_article(session=session, document=document)
    report = ImportReport(source=str(path))
    if not created:
        report.already = True
        return report
    article.status, article.extracted_at = "extracted", dt.datetime.now(dt.timezone.utc)
    article.extractor = json.dumps({"habeas_import": IMPORTER})
    extraction = Extraction(document={}, versions={"habeas_import": IMPORTER})
    writer = _Writer(session, article, extraction)
    for number, (raw, line) in enumerate(rows, start=1):
        row = map_row(raw, mapping or {})
        try:
            values = _check(row)
        except ValueError as e:
            report.rows.append(RowResult(number, _value(row, "name"), "rejected", str(e)))
            continue
        report.rows.append(_import_row(session, writer, article, number, values, line))
    session.flush()
    return report


def _import_row(session: Session, writer: _Writer, article: Article, number: int,
                values: dict[str, Any], line: str) -> RowResult:
    from . import events as event_resolution

    start = article.text.find(line) if line else -1
    span = Span(start, start + len(line), line) if start >= 0 else Span(-1, -1, line)
    record = PersonRecord(id=f"r{number}", name=values["name"], aliases=values["aliases"])
    before = len(writer.new)
    person = writer.person(record)
    by = writer.person_by
    result = RowResult(number, values["name"], "imported", person_id=person.id)
    if len(writer.new) == before:
        root = canonical(session, person)
        result.status, result.detail = "merged", f"into {root.name} (#{root.id}): same name"
    else:
        profile = record_profile(record, published=None, comentions=set(), places=set())
        if "birth_year" in values:
            profile.birth_years.add(values["birth_year"])
        outcome = resolve_person(session, person, profile)
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
