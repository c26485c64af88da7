"""Sources: turn paths, directories, URLs and stdin into Documents, or say why not.

``read_sources`` is the one entry point. It never raises for bad input: a file that cannot be
read is a ``Rejected`` with a reason and a one-line detail, and the rest still come. Only bad
arguments from the caller (an unknown encoding, an override that is not metadata) raise
``UsageError``, at once, before anything is read.
"""

from __future__ import annotations

import codecs
import logging
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from ..config import DEFAULT_MAX_BYTES
from ..errors import Reason, UsageError
from ..model import Document, Rejected
from .files import binary_kind, decode, documents_from_text, format_size, read_path, walk
from .meta import KEY_ALIASES, METADATA_KEYS, merge_metadata, pick_metadata
from .web import is_url, read_url

__all__ = ["DEFAULT_MAX_BYTES", "Document", "Rejected", "read_sources"]

logger = logging.getLogger(__name__)

# The path that means "read standard input".
STDIN_PATH = "-"


def read_sources(paths: Iterable[str | Path], *, overrides: Mapping[str, Any] | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None,
                 stdin: TextIO | None = None) -> Iterator[Document | Rejected]:
    """One Document per article found in ``paths``, or one Rejected per source that has none.

    ``paths`` holds files, directories (walked recursively, sorted by name, hidden files and
    ``*.meta.json`` sidecars skipped), ``-`` for stdin (one plain-text article, source "stdin")
    and http(s) URLs; they are read lazily in the order given. ``overrides`` (title, published,
    outlet, url, language) win over a sidecar, which wins over what the file says. ``encoding``
    decodes files that are not UTF-8.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    if max_bytes <= 0:
        raise UsageError(f"max_bytes must be positive, not {max_bytes}")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError as e:
            raise UsageError(f"unknown encoding {encoding!r}") from e
    outer = _check_overrides(overrides or {})
    return _read_all(paths, outer=outer, max_bytes=max_bytes, encoding=encoding, stdin=stdin)


def _read_all(paths: Iterable[str | Path], *, outer: Mapping[str, str | None], max_bytes: int,
              encoding: str | None, stdin: TextIO | None) -> Iterator[Document | Rejected]:
    options = {"outer": outer, "max_bytes": max_bytes, "encoding": encoding}
    for item in paths:
        if isinstance(item, str) and item == STDIN_PATH:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, **options)
        elif is_url(item):
            yield from read_url(str(item), **options)
        elif Path(item).is_dir():
            for found in walk(Path(item)):
                if isinstance(found, Rejected):
                    yield found
                else:
                    yield from read_path(found, **options)
        else:
            yield from read_path(Path(item), **options)


def _read_stdin(stream: TextIO, *, outer: Mapping[str, str | None], max_bytes: int,
                encoding: str | None) -> Iterator[Document | Rejected]:
    """All of stdin as one plain-text article; bytes are checked like a file's where possible."""
    source = "stdin"
    raw = getattr(stream, "buffer", None)
    try:
        data = raw.read(max_bytes + 1) if raw is not None else stream.read(max_bytes + 1)
    except UnicodeDecodeError:
        yield Rejected(source, Reason.ENCODING, "not UTF-8; re-save as UTF-8 or pass "
                       "--encoding NAME")
        return
    except OSError as e:
        yield Rejected(source, Reason.UNREADABLE, (e.strerror or str(e)).lower())
        return
    if len(data) > max_bytes:
        yield Rejected(source, Reason.TOO_LARGE, f"more than the {format_size(max_bytes)} limit")
        return
    if isinstance(data, bytes):
        binary = binary_kind(data)
        if binary is not None:
            yield Rejected(source, Reason.BINARY, f"binary input ({binary})")
            return
        data = decode(data, source=source, encoding=encoding)
        if isinstance(data, Rejected):
            yield data
            return
    if not data.strip():
        yield Rejected(source, Reason.EMPTY, "nothing on stdin")
        return
    yield from documents_from_text(data, kind="text", source=source, base={}, outer=outer)


def _check_overrides(overrides: Mapping[str, Any]) -> dict[str, str | None]:
    known = set(METADATA_KEYS) | set(KEY_ALIASES)
    unknown = sorted(str(key) for key in overrides if key not in known)
    if unknown:
        raise UsageError(f"unknown metadata {', '.join(unknown)}; expected one of "
                         f"{', '.join(METADATA_KEYS)}")
    picked = pick_metadata({key: value for key, value in overrides.items() if value is not None})
    for key, given in overrides.items():
        key = KEY_ALIASES.get(key, key)
        if key in ("published", "language") and given is not None and picked.get(key) is None:
            example = "2017-10-25" if key == "published" else "en"
            raise UsageError(f"cannot read {key} {given!r}; expected e.g. {example}")
    return merge_metadata(picked)
