"""Guards against hostile input: names safe to print and store, JSON that cannot blow the stack,
XML whose entities are never expanded.

A folder of reports may hold anything: a file name with bytes that are not UTF-8 or with
terminal escape sequences, JSON nested 10,000 deep or with a 5,000-digit number, XML that
declares an entity expanding to gigabytes ("billion laughs"). Each becomes a one-line
``Rejected`` or a safe name, never an exception that stops the batch.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

# Characters never written raw in a name: C0 and C1 controls (ESC starts a terminal escape
# sequence, a newline would split the one-line report), DEL, and the bidirectional overrides
# that make "txt.exe" read "exe.txt".
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Bytes that are not UTF-8 in a file name: os.fsdecode keeps them as lone surrogates.
LONE_SURROGATE = re.compile("[\udc80-\udcff]")
# Lone surrogates ("\ud800" in JSON): not characters, and not encodable as UTF-8.
SURROGATE = re.compile("[\ud800-\udfff]")
# An XML document type with declarations: entities (expanded by the parser, possibly into
# gigabytes or a local file's contents) are refused before any parser sees the text.
XML_ENTITY = re.compile(r"<!ENTITY\b", re.IGNORECASE)
XML_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def printable(name: str | Path) -> str:
    """``name`` with control characters and undecodable bytes written as ``\\xNN``/``\\uNNNN``:
    safe on a terminal, on one line, and storable as UTF-8 text."""
    text = os.fsdecode(name) if isinstance(name, Path) else name
    text = LONE_SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    return UNPRINTABLE.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def storable(text: str) -> str:
    """``text`` without NULs (never text, and PostgreSQL refuses them: a "\\u0000" in JSON,
    "&#0;" in a feed) and with each lone surrogate replaced by U+FFFD."""
    return SURROGATE.sub("\ufffd", text.replace("\x00", ""))


def load_json(text: str) -> Any:
    """``json.loads``, with every way it fails as ``ValueError``: bad syntax, a number over
    Python's digit limit, nesting deeper than the interpreter's stack."""
    try:
        return json.loads(text)
    except RecursionError as e:
        raise ValueError("invalid JSON: nested too deeply") from e


def json_problem(error: ValueError) -> str:
    """The parser's complaint in one line, without the position when it has none."""
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}"
    message = " ".join(str(error).split())
    if "digits" in message:  # "Exceeds the limit (4300 digits) for integer string conversion"
        return "invalid JSON: a number with too many digits"
    return message if message.startswith("invalid JSON") else f"invalid JSON: {message}"


def declares_entities(text: str) -> bool:
    """True when XML text declares entities or has an internal DTD subset."""
    return XML_ENTITY.search(text) is not None or XML_INTERNAL_SUBSET.search(text) is not None
