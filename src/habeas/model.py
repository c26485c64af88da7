"""The plain records that flow between sources, the NLP pipeline and the store.

``Document`` is what a source yields; ``Extraction`` is what the pipeline finds in one document.
``Extraction.to_json()`` is Extraction JSON v1 (``shared/gold/FORMAT.md``); the extra fields
(character spans, versions) are what the store turns into claims.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any

from .errors import Reason

EVENT_TYPES = (
    "arrest", "search", "abduction", "charge", "trial", "conviction", "sentence", "acquittal",
    "appeal", "charges_dropped", "release", "transfer", "ill_treatment", "death_in_custody",
    "hunger_strike", "designation", "protest",
)
RELEASE_MODES = (
    "pardon", "exchange", "end_of_term", "acquittal", "bail", "house_arrest", "negotiated",
)
# The event fields a claim can hold, in the order of FORMAT.md.
EVENT_FIELDS = (
    "date", "place", "agent", "charge", "term_months", "release_mode", "negated", "hedged",
    "attributed_to",
)
PERSON_FIELDS = ("age", "gender", "groups", "nationality", "affiliations", "roles")


def normalise_text(text: str) -> str:
    """The text as stored and hashed: NFC, Unix newlines, no trailing blanks on lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def content_hash(text: str) -> str:
    """The identity of an article: the SHA-256 of its normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One article read from a source, before it is stored."""

    text: str
    source: str                      # path, URL, "stdin", or "path#N" for the Nth record
    title: str | None = None
    published: str | None = None     # ISO date (YYYY-MM-DD) where known
    outlet: str | None = None
    url: str | None = None
    language: str | None = "en"
    doc_id: str | None = None        # an id the source itself gives (gold files, feeds)

    def __post_init__(self) -> None:
        self.text = normalise_text(self.text)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass
class Rejected:
    """A source that was not ingested, and why: shown to the user in the summary."""

    source: str
    reason: Reason
    detail: str

    def line(self) -> str:
        return f"{self.source}: {self.reason.value}: {self.detail}"


@dataclass
class Span:
    """Where a fact came from in the article text."""

    start: int
    end: int
    text: str


@dataclass
class PersonRecord:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    age: int | None = None
    gender: str | None = None
    groups: list[str] = field(default_factory=list)
    nationality: str | None = None
    affiliations: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    # field name -> the span the value was read from (age, roles, ...)
    evidence: dict[str, Span] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "aliases": list(self.aliases), "age": self.age,
            "gender": self.gender, "groups": list(self.groups), "nationality": self.nationality,
            "affiliations": list(self.affiliations), "roles": list(self.roles),
        }


@dataclass
class EventRecord:
    type: str
    persons: list[str]
    date: str | None = None
    place: str | None = None
    agent: str | None = None
    charge: str | None = None
    term_months: int | None = None
    release_mode: str | None = None
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    evidence: str = ""
    # Every sentence this event was read from (within-article duplicates are merged).
    sources: list[Span] = field(default_factory=list)
    trigger: Span | None = None
    # Set when the sentence type is a fine (term_months stays null) or the term is suspended.
    extras: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type, "persons": list(self.persons), "date": self.date,
            "place": self.place, "agent": self.agent, "charge": self.charge,
            "term_months": self.term_months, "release_mode": self.release_mode,
            "negated": self.negated, "hedged": self.hedged,
            "attributed_to": self.attributed_to, "evidence": self.evidence,
        }


@dataclass
class Statistic:
    what: str
    value: int
    qualifier: str | None = None
    attributed_to: str | None = None
    evidence: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {"what": self.what, "value": self.value, "qualifier": self.qualifier,
                "attributed_to": self.attributed_to}


@dataclass
class Extraction:
    """What the pipeline found in one document."""

    document: dict[str, Any]
    persons: list[PersonRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    # Events about people the article does not name ("protesters were detained"): kept apart,
    # since Extraction JSON v1 events are about persons.
    group_events: list[EventRecord] = field(default_factory=list)
    # component name -> versioned factory name, e.g. {"habeas_events": "habeas.events.v1"}
    versions: dict[str, str] = field(default_factory=dict)

    def person(self, person_id: str) -> PersonRecord:
        return next(p for p in self.persons if p.id == person_id)

    def to_record(self) -> dict[str, Any]:
        """Everything, spans included, as plain JSON values: what a worker process or a cluster
        node sends back to the writer, and what the store keeps for resolution. The inverse of
        ``from_record``: ``Extraction.from_record(e.to_record()) == e``."""
        return {
            # pairs: their order says which component vouches for a claim, and a JSON object's
            # keys may come back sorted
            "document": dict(self.document), "versions": [list(v) for v in self.versions.items()],
            "persons": [_plain(p) for p in self.persons],
            "events": [_plain(e) for e in self.events],
            "statistics": [_plain(s) for s in self.statistics],
            "group_events": [_plain(e) for e in self.group_events],
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Extraction:
        return cls(
            document=dict(record["document"]), versions=dict(map(tuple, record["versions"])),
            persons=[_person(p) for p in record["persons"]],
            events=[_event(e) for e in record["events"]],
            statistics=[Statistic(**{**s, "evidence": _span(s["evidence"])})
                        for s in record["statistics"]],
            group_events=[_event(e) for e in record["group_events"]],
        )

    def to_json(self) -> dict[str, Any]:
        """Extraction JSON v1."""
        return {
            "document": dict(self.document),
            "persons": [p.to_json() for p in self.persons],
            "events": [e.to_json() for e in self.events],
            "statistics": [s.to_json() for s in self.statistics],
        }



def _plain(record) -> dict[str, Any]:
    """A record's fields as JSON values; a span as [start, end, text] (records hold many)."""
    return {f.name: _value(getattr(record, f.name)) for f in fields(record)}


def _value(value: Any) -> Any:
    if isinstance(value, Span):
        return [value.start, value.end, value.text]
    if isinstance(value, (list, tuple)):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    return value


def _span(value: list | None) -> Span | None:
    return None if value is None else Span(*value)


def _person(record: dict[str, Any]) -> PersonRecord:
    return PersonRecord(**{**record, "mentions": [_span(m) for m in record["mentions"]],
                           "evidence": {k: _span(v) for k, v in record["evidence"].items()}})


def _event(record: dict[str, Any]) -> EventRecord:
    return EventRecord(**{**record, "sources": [_span(s) for s in record["sources"]],
                          "trigger": _span(record["trigger"])})
