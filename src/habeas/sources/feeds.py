"""RSS and Atom feeds: each entry is one article (source ``path#N``, N from 1).

feedparser reads the feed from a byte stream it is handed, so it never opens a file or a URL
itself. Entry HTML (content or summary) is turned into text with lxml.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

import feedparser

from ..errors import Reason
from ..model import Document, Rejected
from .html import html_to_text
from .meta import make_document, merge_metadata, normalise_date, normalise_language

logger = logging.getLogger(__name__)

# Characters at the start of a document searched for a feed's root element.
SNIFF_CHARS = 2048
# The root element of RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom.
FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
# The text is already decoded; this header stops feedparser from decoding it again by the
# encoding its XML declaration names.
UTF8_HEADERS = {"content-type": "application/xml; charset=utf-8"}
# Longest parser message kept in a Rejected detail.
MAX_DETAIL_CHARS = 200

Metadata = Mapping[str, str | None]


def looks_like_feed(text: str) -> bool:
    """True when the text starts like an RSS or Atom document."""
    head = text.lstrip("\ufeff \t\r\n")[:SNIFF_CHARS]
    return head.startswith("<") and FEED_ROOT.search(head) is not None


def feed_documents(text: str, *, source: str,
                   outer: Metadata) -> Iterator[Document | Rejected]:
    """One Document per entry; a feed with no entries is one Rejected."""
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers=UTF8_HEADERS,
                              resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        yield _no_entries(parsed, source)
        return
    if parsed.get("bozo"):
        logger.debug("%s: feed is not well-formed (%s); read %d entries anyway",
                      source, parsed.get("bozo_exception"), len(entries))
    channel = parsed.get("feed") or {}
    feed_metadata = {
        "outlet": _plain(channel.get("title_detail")) or None,
        "language": normalise_language(channel.get("language")),
    }
    for number, entry in enumerate(entries, start=1):
        metadata = merge_metadata(feed_metadata, _entry_metadata(entry), outer)
        yield make_document(_entry_text(entry), source=f"{source}#{number}", metadata=metadata)


def _no_entries(parsed: Any, source: str) -> Rejected:
    if parsed.get("bozo"):
        message = _parser_message(parsed.get("bozo_exception"))
        detail = f"not a readable RSS or Atom feed: {message}" if message else \
            "not a readable RSS or Atom feed"
        return Rejected(source, Reason.MALFORMED, detail[:MAX_DETAIL_CHARS])
    if not parsed.get("version"):
        return Rejected(source, Reason.UNSUPPORTED, "XML, but not an RSS or Atom feed")
    return Rejected(source, Reason.EMPTY, "the feed has no entries")


def _parser_message(error: Any) -> str:
    """The parser's complaint in one line.

    No position: feedparser rewrites the XML declaration before parsing, so the line and column
    a SAX error gives do not match the file.
    """
    message = error.getMessage() if hasattr(error, "getMessage") else str(error or "")
    return " ".join(message.split())


def _entry_metadata(entry: Any) -> dict[str, str | None]:
    published = None
    for key in ("published", "updated", "created"):
        # The date as written: *_parsed is shifted to UTC and may fall on another day.
        published = normalise_date(entry.get(key))
        if published is None and entry.get(f"{key}_parsed"):
            published = normalise_date(entry.get(f"{key}_parsed"))
        if published is not None:
            break
    title = _plain(entry.get("title_detail")) or entry.get("title")
    return {
        "title": " ".join(title.split()) if title else None,
        "published": published,
        "url": entry.get("link") or None,
        "doc_id": entry.get("id") or None,
        "language": normalise_language((entry.get("content") or [{}])[0].get("language")),
    }


def _entry_text(entry: Any) -> str:
    for detail in entry.get("content") or []:
        text = _plain(detail)
        if text:
            return text
    return _plain(entry.get("summary_detail")) or ""


def _plain(detail: Any) -> str:
    """The text of a feedparser text construct (a dict with ``value`` and ``type``)."""
    if not detail:
        return ""
    value = detail.get("value") or ""
    if "html" in (detail.get("type") or ""):
        return html_to_text(value)
    return value.strip()
