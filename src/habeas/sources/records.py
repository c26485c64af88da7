"""Articles given as records: JSON objects, JSON lists, JSON Lines, front matter and sidecars.

A record is an object with the text under ``text`` (or ``content`` or ``body``) and metadata
either at the top level or under ``document``, which is how gold files hold it
(``shared/gold/FORMAT.md``). A file of several records yields one Document per record, with
source ``path#N`` (N from 1: the list index, or the line number in JSON Lines).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import Reason
from ..model import Document, Rejected
from .guards import json_problem, load_json, printable
from .meta import make_document, merge_metadata, pick_metadata

logger = logging.getLogger(__name__)

# Where a record may hold its text, in order of preference.
TEXT_KEYS = ("text", "content", "body")
# The suffix of a sidecar: report.meta.json or report.txt.meta.json beside report.txt.
SIDECAR_SUFFIX = ".meta.json"
# Longest front matter read, in lines; a longer block is taken to be text, not metadata.
MAX_FRONT_MATTER_LINES = 50
# A front matter line: "key: value".
FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
# Longest parser message kept in a Rejected detail.
MAX_DETAIL_CHARS = 200

Metadata = Mapping[str, str | None]


def json_documents(text: str, *, source: str, base: Metadata,
                   outer: Metadata) -> Iterator[Document | Rejected]:
    """The records of a JSON file: one object, or a list of objects (``path#N``)."""
    try:
        data = load_json(text)
    except ValueError as e:
        yield Rejected(source, Reason.MALFORMED, json_error(e))
        return
    if isinstance(data, list):
        if not data:
            yield Rejected(source, Reason.EMPTY, "an empty JSON list")
        for number, item in enumerate(data, start=1):
            yield record_document(item, source=f"{source}#{number}", base=base, outer=outer)
    else:
        yield record_document(data, source=source, base=base, outer=outer)


def jsonl_documents(text: str, *, source: str, base: Metadata,
                    outer: Metadata) -> Iterator[Document | Rejected]:
    """One record per line (``path#N``, N the line number); a bad line spoils only itself."""
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        found = True
        line_source = f"{source}#{number}"
        try:
            data = load_json(line)
        except ValueError as e:
            yield Rejected(line_source, Reason.MALFORMED, json_error(e))
            continue
        yield record_document(data, source=line_source, base=base, outer=outer)
    if not found:
        yield Rejected(source, Reason.EMPTY, "no text")


def record_document(data: Any, *, source: str, base: Metadata,
                    outer: Metadata) -> Document | Rejected:
    """One record as a Document: ``document`` metadata, then top-level metadata, then ``outer``."""
    if not isinstance(data, dict):
        return Rejected(source, Reason.MALFORMED,
                        f"expected a JSON object, found {_json_type(data)}")
    key = next((k for k in TEXT_KEYS if data.get(k) is not None), None)
    if key is None:
        return Rejected(source, Reason.MALFORMED,
                        "the JSON object has no 'text', 'content' or 'body' field")
    if not isinstance(data[key], str):
        return Rejected(source, Reason.MALFORMED,
                        f"'{key}' is {_json_type(data[key])}, not a string")
    nested = data.get("document")
    nested_metadata = pick_metadata(nested) if isinstance(nested, dict) else {}
    metadata = merge_metadata(base, nested_metadata, pick_metadata(data), outer)
    return make_document(data[key], source=source, metadata=metadata)


def split_front_matter(text: str) -> tuple[str, dict[str, str | None]]:
    """The text without its front matter, and the metadata the front matter gave.

    Front matter is a block of ``key: value`` lines between two ``---`` lines at the very start.
    A block that is not that (a Markdown rule, prose) is left in the text.
    """
    if not text.startswith("---"):
        return text, {}
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return text, {}
    fields: dict[str, str] = {}
    for index, line in enumerate(lines[1:MAX_FRONT_MATTER_LINES + 2], start=1):
        stripped = line.strip()
        if stripped in ("---", "..."):
            return "\n".join(lines[index + 1:]), pick_metadata(fields)
        if not stripped or stripped.startswith("#"):
            continue
        match = FRONT_MATTER_LINE.match(stripped)
        if match is None:
            return text, {}
        fields[match.group(1)] = _unquote(match.group(2))
    return text, {}


def find_sidecar(path: Path) -> Path | None:
    """``report.txt.meta.json`` or else ``report.meta.json`` beside ``report.txt``, if either is."""
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX),
                      path.with_name(path.stem + SIDECAR_SUFFIX)):
        try:
            if candidate != path and candidate.is_file():
                return candidate
        except OSError:  # the name would be too long: there is no such sidecar
            continue
    return None


def read_sidecar(path: Path) -> tuple[dict[str, str | None], Rejected | None]:
    """The metadata of the sidecar of ``path``; a bad sidecar is a Rejected, not an exception."""
    sidecar = find_sidecar(path)
    if sidecar is None:
        return {}, None
    name = printable(sidecar)
    try:
        data = load_json(sidecar.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return {}, Rejected(name, Reason.ENCODING, "sidecar is not UTF-8")
    except ValueError as e:
        return {}, Rejected(name, Reason.MALFORMED, json_error(e))
    except OSError as e:
        return {}, Rejected(name, Reason.UNREADABLE, e.strerror or str(e))
    if not isinstance(data, dict):
        return {}, Rejected(name, Reason.MALFORMED,
                            f"expected a JSON object, found {_json_type(data)}")
    nested = data.get("document")
    nested_metadata = pick_metadata(nested) if isinstance(nested, dict) else {}
    return merge_metadata(nested_metadata, pick_metadata(data)), None


def json_error(error: ValueError) -> str:
    """The parser's complaint in one short line."""
    return " ".join(json_problem(error).split())[:MAX_DETAIL_CHARS]


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
