"""Language data: each language's words, number words and trigger rows live as data files in
``lang/<code>/``, and are read once into a frozen ``RuleSet`` with a version and a content hash
(stored with every claim, so a reviewer knows which rules said what).

The files of a rule set are TOML: ``rules.toml`` (version), ``words.toml`` (word lists and
tables), ``numbers.toml`` (the number words), ``triggers.toml`` (the trigger rows),
``patterns.toml`` (phrase patterns, regular expressions matched ignoring case). The checks a
trigger row names are the functions of ``lang/<code>/predicates.py`` (``predicates(code)``).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any, Callable, Mapping

from ...errors import ModelError

FILES = ("rules.toml", "words.toml", "numbers.toml", "triggers.toml", "patterns.toml")
# The Python file of a language's named checks, hashed with the data.
CHECKS = "predicates.py"
# How many hex digits of the sha256 a rule set's hash keeps.
HASH_LENGTH = 12


@dataclass(frozen=True)
class Trigger:
    """One trigger row: a word (by lemma, or by its lowercased text) of a part of speech is a
    trigger of an event type when the checks named in ``when`` hold and none in ``unless`` does.
    The type "none" says the word is no event there."""

    pos: str                        # "VERB", "NOUN" or "OTHER" (syntax.word_class)
    type: str
    lemma: str | None = None
    word: str | None = None
    when: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Trigger":
        return cls(**{**row, "when": tuple(row.get("when", ())),
                      "unless": tuple(row.get("unless", ()))})


@dataclass(frozen=True, eq=False)
class RuleSet:
    language: str
    version: str      # "habeas.rules.en.v1"
    hash: str         # sha256 of the data files, first HASH_LENGTH hex digits
    lists: Mapping[str, tuple[str, ...]]
    tables: Mapping[str, Mapping[str, Any]]
    numbers: Mapping[str, int]
    patterns: Mapping[str, re.Pattern]                # patterns.toml [cues]
    release_modes: tuple[tuple[str, re.Pattern], ...]  # patterns.toml [release_modes], in order
    constructions: tuple[Trigger, ...]                # tried first, in order
    triggers: tuple[Trigger, ...]                     # the table: one row per lemma and pos
    trigger_tables: Mapping[str, Mapping[str, str]]   # pos -> lemma -> event type (the table)
    index: Mapping[tuple[str, str, str], tuple[tuple[int, Trigger], ...]]  # see _index

    def words(self, name: str) -> frozenset[str]:
        """A word list as a set."""
        return frozenset(self.lists[name])

    def table(self, name: str) -> Mapping[str, Any]:
        return self.tables[name]

    def pattern(self, name: str) -> re.Pattern:
        return self.patterns[name]

    def trigger_table(self, pos: str) -> Mapping[str, str]:
        """lemma -> event type for one part of speech ("VERB", "NOUN")."""
        return self.trigger_tables[pos]

    def rows(self, pos: str, lemma: str, word: str) -> list[Trigger]:
        """The rows that may match a word, in the order they are tried: the constructions for
        its lemma or its text, then its table row."""
        found = self.index.get((pos, "lemma", lemma), ()) + self.index.get((pos, "word", word), ())
        return [row for _, row in sorted(found, key=lambda pair: pair[0])] + [
            row for _, row in self.index.get((pos, "table", lemma), ())]

    def predicate_names(self) -> set[str]:
        return {name for row in self.constructions + self.triggers
                for name in row.when + row.unless}

    def lemmas_checked_by(self, predicate: str) -> frozenset[str]:
        """The lemmas of the rows that ask ``predicate``: "care_summoned" -> {"call", "summon"}."""
        return frozenset(row.lemma for row in self.constructions + self.triggers
                         if predicate in row.when and row.lemma)

    def number_words(self, low: int, high: int) -> dict[str, int]:
        """The number words whose value is between ``low`` and ``high``, inclusive."""
        return {w: v for w, v in self.numbers.items() if low <= v <= high}

    @property
    def stamp(self) -> str:
        """The version and hash in one string: "habeas.rules.en.v1@3f2a9c01b7de"."""
        return f"{self.version}@{self.hash}"


@functools.cache
def load_rules(language: str) -> RuleSet:
    """The rule set of ``language`` ("en"), read once from the package's data files."""
    return read_rules(resources.files(__package__).joinpath(language))


def read_rules(folder: Traversable) -> RuleSet:
    """A rule set from a folder of the data files (a copy of ``lang/en`` to try a change on)."""
    try:
        texts = {name: folder.joinpath(name).read_text(encoding="utf-8") for name in FILES}
    except FileNotFoundError as e:
        raise ModelError(f"no rules in {folder} ({e.filename})") from e
    digest = hashlib.sha256()
    for name in FILES:
        digest.update(name.encode() + b"\0" + texts[name].encode() + b"\0")
    checks = folder.joinpath(CHECKS)
    if checks.is_file():  # the named checks the rows call are part of the rules too
        digest.update(CHECKS.encode() + b"\0" + checks.read_bytes())
    data = {name: tomllib.loads(text) for name, text in texts.items()}
    words = data["words.toml"]
    lists = {k: tuple(v) for k, v in words.items() if isinstance(v, list)}
    tables = {k: MappingProxyType(v) for k, v in words.items() if isinstance(v, dict)}
    numbers = data["numbers.toml"]
    lists.update({k: tuple(v) for k, v in numbers.items() if isinstance(v, list)})
    patterns = data["patterns.toml"]
    cues = {name: re.compile(text, re.I) for name, text in patterns["cues"].items()}
    modes = tuple((mode, re.compile(text, re.I))
                  for mode, text in patterns["release_modes"].items())
    constructions = tuple(Trigger.from_row(row) for row in data["triggers.toml"]["constructions"])
    triggers = tuple(Trigger.from_row(row) for row in data["triggers.toml"]["table"])
    tables_by_pos = {pos: MappingProxyType({t.lemma: t.type for t in triggers if t.pos == pos})
                     for pos in sorted({t.pos for t in triggers})}
    return RuleSet(language=data["rules.toml"]["language"], version=data["rules.toml"]["version"],
                   hash=digest.hexdigest()[:HASH_LENGTH], lists=MappingProxyType(lists),
                   tables=MappingProxyType(tables), numbers=MappingProxyType(numbers["numbers"]),
                   patterns=MappingProxyType(cues), release_modes=modes,
                   constructions=constructions, triggers=triggers,
                   trigger_tables=MappingProxyType(tables_by_pos),
                   index=MappingProxyType(_index(constructions, triggers)))


def _index(constructions: tuple[Trigger, ...], triggers: tuple[Trigger, ...]) -> dict:
    """(pos, "lemma" or "word" or "table", text) -> [(order, row)]"""
    index: dict[tuple[str, str, str], list[tuple[int, Trigger]]] = {}
    for n, row in enumerate(constructions):
        key = (row.pos, "lemma", row.lemma) if row.lemma is not None else (
            row.pos, "word", row.word)
        index.setdefault(key, []).append((n, row))
    for n, row in enumerate(triggers, start=len(constructions)):
        index.setdefault((row.pos, "table", row.lemma), []).append((n, row))
    return {key: tuple(rows) for key, rows in index.items()}


@functools.cache
def predicates(language: str) -> Mapping[str, Callable]:
    """The named checks of a language's trigger rows: ``lang/<language>/predicates.py``."""
    module = importlib.import_module(f"{__name__}.{language}.predicates")
    return MappingProxyType(module.PREDICATES)
