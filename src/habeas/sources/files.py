"""Files and directories: the checks every source passes, and the dispatch to a format
(PDF, Word and e-mail files to ``documents``).

The checks run in a fixed order (missing, unreadable, too large, binary, encoding, empty) and
each failure is a ``Rejected`` with a one-line detail: one bad file among thousands never stops
the rest. ``documents_from_text`` is shared with URLs and stdin: it turns decoded text of a
known kind into Documents.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path

import charset_normalizer

from ..errors import Reason
from ..model import Document, Rejected
from .documents import kind_of, read_document
from .feeds import feed_documents, looks_like_feed
from .guards import declares_entities, load_json, printable
from .html import extract_html
from .meta import make_document, merge_metadata
from .records import (SIDECAR_SUFFIX, json_documents, jsonl_documents, read_sidecar,
                      split_front_matter)

logger = logging.getLogger(__name__)

# Bytes at the start of a file searched for NULs and binary signatures.
SNIFF_BYTES = 8 * 1024
# Bytes given to charset_normalizer to guess the encoding of a file that is not UTF-8.
GUESS_BYTES = 64 * 1024
# Signatures of binary formats people drop in a folder of articles.
BINARY_SIGNATURES = (
    (b"%PDF-", "PDF"), (b"PK\x03\x04", "ZIP, DOCX or EPUB"), (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (DOC, XLS)"), (b"\x7fELF", "executable"),
    (b"Rar!\x1a\x07", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7-Zip"), (b"SQLite format 3\x00", "SQLite"),
)
# Byte order marks of UTF-16 and UTF-32: text, though full of NULs.
WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# The encoding an XML declaration or HTML meta tag names, honoured when the bytes are not UTF-8.
DECLARED_ENCODING = re.compile(
    rb"""<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)|<meta[^>]*?charset\s*=\s*["']?([\w.:-]+)""",
    re.IGNORECASE)
# Format by file extension; other extensions are sniffed.
KINDS_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
MEGABYTE = 1024 * 1024

Metadata = Mapping[str, str | None]

# HTML whose text has fewer words than this is markup debris, not an article.
MIN_HTML_WORDS = 3


def walk(directory: Path) -> Iterator[Path | Rejected]:
    """The files under ``directory``, sorted by name at each level, depth first.

    Hidden files and folders (a leading dot) and sidecars (``*.meta.json``) are skipped; a
    folder that cannot be listed is a Rejected; a symlink loop is followed once.
    """
    yield from _walk(directory, seen=set())


def read_path(path: Path, *, outer: Metadata, max_bytes: int,
              encoding: str | None) -> Iterator[Document | Rejected]:
    """The Documents of one file, or the Rejected saying why it has none."""
    source = printable(path)
    data_or_rejected = read_bytes(path, max_bytes=max_bytes)
    if isinstance(data_or_rejected, Rejected):
        yield data_or_rejected
        return
    document_kind = kind_of(path.suffix, data_or_rejected)
    if document_kind is not None:  # PDF, Word, e-mail: read from the bytes
        sidecar, bad_sidecar = read_sidecar(path)
        if bad_sidecar is not None:
            yield bad_sidecar
        yield from read_document(data_or_rejected, kind=document_kind, source=source,
                                 outer=merge_metadata(sidecar, outer))
        return
    binary = binary_kind(data_or_rejected)
    if binary is not None:
        yield Rejected(source, Reason.BINARY, f"binary file ({binary})")
        return
    text = decode(data_or_rejected, source=source, encoding=encoding)
    if isinstance(text, Rejected):
        yield text
        return
    if not text.strip():
        yield Rejected(source, Reason.EMPTY, "the file is empty" if not text else
                       "the file holds only whitespace")
        return
    sidecar, bad_sidecar = read_sidecar(path)
    if bad_sidecar is not None:
        yield bad_sidecar
    kind = KINDS_BY_SUFFIX.get(path.suffix.lower()) or sniff(text)
    yield from documents_from_text(text, kind=kind, source=source, base={},
                                   outer=merge_metadata(sidecar, outer))


def read_bytes(path: Path, *, max_bytes: int) -> bytes | Rejected:
    """The bytes of a regular file after the missing, unreadable and size checks (the binary
    check is the caller's: a PDF is binary and read all the same)."""
    source = printable(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        detail = "broken symbolic link" if path.is_symlink() else "no such file or directory"
        return Rejected(source, Reason.MISSING, detail)
    except OSError as e:
        return Rejected(source, Reason.UNREADABLE, _os_detail(e))
    if not stat.S_ISREG(info.st_mode):
        return Rejected(source, Reason.UNREADABLE, "not a regular file")
    if info.st_size > max_bytes:
        return Rejected(source, Reason.TOO_LARGE, too_large_detail(info.st_size, max_bytes))
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as e:
        return Rejected(source, Reason.UNREADABLE, _os_detail(e))
    if len(data) > max_bytes:  # it grew after the stat
        return Rejected(source, Reason.TOO_LARGE, too_large_detail(len(data), max_bytes))
    return data


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` looks like, or None if it looks like text."""
    for signature, name in BINARY_SIGNATURES:
        if data.startswith(signature):
            return f"looks like {name}"
    if data.startswith(WIDE_BOMS):
        return None
    if b"\x00" in data[:SNIFF_BYTES]:
        return "NUL bytes in the first 8 KiB"
    nul = data.find(b"\x00")  # text has none anywhere (and PostgreSQL text cannot hold one)
    if nul >= 0:
        return f"a NUL byte at offset {nul:,}"
    return None


def decode(data: bytes, *, source: str, encoding: str | None,
           declared: str | None = None) -> str | Rejected:
    """Text from bytes: UTF-8 (without a BOM), else the given or declared encoding."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith(WIDE_BOMS) and encoding is None:
        name = "UTF-32" if data.startswith(WIDE_BOMS[:2]) else "UTF-16"
        return Rejected(source, Reason.ENCODING, f"{name} text; re-save as UTF-8 or pass "
                        f"--encoding {name.lower()}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name in (encoding, declared or _declared_encoding(data)):
        if name is None:
            continue
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError) as e:
            logger.debug("%s: cannot decode as %s: %s", source, name, e)
            if name == encoding:
                return Rejected(source, Reason.ENCODING, f"neither UTF-8 nor {encoding}")
    guess = guess_encoding(data)
    if guess is None:
        return Rejected(source, Reason.ENCODING, "not UTF-8 (encoding unknown); re-save as "
                        "UTF-8 or pass --encoding NAME")
    return Rejected(source, Reason.ENCODING, f"not UTF-8 (looks like {guess}); re-save as "
                    f"UTF-8 or pass --encoding {guess}")


def guess_encoding(data: bytes) -> str | None:
    """charset_normalizer's best guess at a Python codec name, or None."""
    best = charset_normalizer.from_bytes(data[:GUESS_BYTES]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return best.encoding


def sniff(text: str) -> str:
    """The kind of text with no telling extension: feed, HTML, JSON or plain text."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        return "feed" if looks_like_feed(head) else "html"
    if head.startswith(("{", "[")):
        return "json?"
    return "text"


def documents_from_text(text: str, *, kind: str, source: str, base: Metadata,
                        outer: Metadata) -> Iterator[Document | Rejected]:
    """The Documents in decoded ``text`` of ``kind`` (text, html, json, json?, jsonl, feed).

    Metadata precedence, lowest first: ``base`` (what a fetch knows), the text's own, ``outer``
    (sidecar and overrides). "json?" is sniffed JSON: if it does not parse it is plain text.
    Markup that declares XML entities is refused whatever its kind: they are never expanded.
    """
    if text.lstrip("\ufeff \t\r\n").startswith("<") and declares_entities(text):
        yield Rejected(source, Reason.MALFORMED, "markup whose document type declares entities "
                       "(never expanded); remove the <!DOCTYPE ...> block")
        return
    if kind == "json?":
        kind = "json" if _parses_as_json(text) else "text"
    if kind == "json":
        yield from json_documents(text, source=source, base=base, outer=outer)
    elif kind == "jsonl":
        yield from jsonl_documents(text, source=source, base=base, outer=outer)
    elif kind == "feed":
        yield from feed_documents(text, source=source, outer=outer)
    elif kind == "html":
        body, own = extract_html(text, url=base.get("url"))
        if len(re.findall(r"[^\W\d_]{2,}", body)) < MIN_HTML_WORDS:
            yield Rejected(source, Reason.MALFORMED, "no text found in the HTML")
            return
        yield make_document(body, source=source, metadata=merge_metadata(base, own, outer))
    else:
        body, own = split_front_matter(text)
        yield make_document(body, source=source, metadata=merge_metadata(base, own, outer))


def too_large_detail(size: int, limit: int) -> str:
    return f"{format_size(size)} is over the {format_size(limit)} limit"


def _walk(folder: Path, *, seen: set[Path]) -> Iterator[Path | Rejected]:
    real = folder.resolve()
    if real in seen:
        logger.debug("%s: already walked (symlink loop); skipped", folder)
        return
    seen.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as e:
        yield Rejected(printable(folder), Reason.UNREADABLE, _os_detail(e))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.endswith(SIDECAR_SUFFIX):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(Path(entry.path), seen=seen)
        else:
            yield Path(entry.path)


def _parses_as_json(text: str) -> bool:
    try:
        load_json(text)
    except ValueError:
        return False
    return True


def _declared_encoding(data: bytes) -> str | None:
    match = DECLARED_ENCODING.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _os_detail(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).lower()


def format_size(count: int) -> str:
    if count >= MEGABYTE // 10:
        return f"{count / MEGABYTE:.1f} MB"
    return f"{count:,} bytes"
