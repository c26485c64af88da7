"""Language data: each language's words, number words and trigger table live as data files in
``lang/<code>/``, and are read once into a frozen ``RuleSet`` with a version and a content hash
(stored with every claim, so a reviewer knows which rules said what).

The files of a rule set are TOML: ``rules.toml`` (version), ``words.toml`` (word lists and
tables), ``numbers.toml`` (the number words), ``triggers.toml`` (one row per trigger word).
"""

from __future__ import annotations

import functools
import hashlib
import tomllib
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

from ...errors import ModelError

FILES = ("rules.toml", "words.toml", "numbers.toml", "triggers.toml")
# How many hex digits of the sha256 a rule set's hash keeps.
HASH_LENGTH = 12


@dataclass(frozen=True)
class Trigger:
    """One row of the trigger table: a lemma of a part of speech is a trigger of an event type."""

    lemma: str
    pos: str          # "VERB" or "NOUN"
    type: str


@dataclass(frozen=True)
class RuleSet:
    language: str
    version: str      # "habeas.rules.en.v1"
    hash: str         # sha256 of the data files, first HASH_LENGTH hex digits
    lists: Mapping[str, tuple[str, ...]]
    tables: Mapping[str, Mapping[str, Any]]
    numbers: Mapping[str, int]
    triggers: tuple[Trigger, ...]
    trigger_tables: Mapping[str, Mapping[str, str]]   # pos -> lemma -> event type

    def words(self, name: str) -> frozenset[str]:
        """A word list as a set."""
        return frozenset(self.lists[name])

    def table(self, name: str) -> Mapping[str, Any]:
        return self.tables[name]

    def trigger_table(self, pos: str) -> Mapping[str, str]:
        """lemma -> event type for one part of speech ("VERB", "NOUN")."""
        return self.trigger_tables[pos]

    def number_words(self, low: int, high: int) -> dict[str, int]:
        """The number words whose value is between ``low`` and ``high``, inclusive."""
        return {w: v for w, v in self.numbers.items() if low <= v <= high}

    @property
    def stamp(self) -> str:
        """The version and hash in one string: "habeas.rules.en.v1@3f2a9c01b7de"."""
        return f"{self.version}@{self.hash}"


@functools.cache
def load_rules(language: str) -> RuleSet:
    """The rule set of ``language`` ("en"), read from the package's data files."""
    folder = resources.files(__package__).joinpath(language)
    try:
        texts = {name: folder.joinpath(name).read_text(encoding="utf-8") for name in FILES}
    except FileNotFoundError as e:
        raise ModelError(f"no rules for the language {language!r} ({e.filename})") from e
    digest = hashlib.sha256()
    for name in FILES:
        digest.update(name.encode() + b"\0" + texts[name].encode() + b"\0")
    data = {name: tomllib.loads(text) for name, text in texts.items()}
    words = data["words.toml"]
    lists = {k: tuple(v) for k, v in words.items() if isinstance(v, list)}
    tables = {k: MappingProxyType(v) for k, v in words.items() if isinstance(v, dict)}
    numbers = data["numbers.toml"]
    lists.update({k: tuple(v) for k, v in numbers.items() if isinstance(v, list)})
    triggers = tuple(Trigger(**row) for row in data["triggers.toml"]["rows"])
    tables_by_pos = {pos: MappingProxyType({t.lemma: t.type for t in triggers if t.pos == pos})
                     for pos in sorted({t.pos for t in triggers})}
    return RuleSet(language=data["rules.toml"]["language"], version=data["rules.toml"]["version"],
                   hash=digest.hexdigest()[:HASH_LENGTH], lists=MappingProxyType(lists),
                   tables=MappingProxyType(tables), numbers=MappingProxyType(numbers["numbers"]),
                   triggers=triggers, trigger_tables=MappingProxyType(tables_by_pos))
