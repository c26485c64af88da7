"""URLs: fetched once with urllib and read as a feed, HTML, JSON or plain text (or as a PDF,
Word or e-mail file: ``documents``).

The response passes the same checks as a file (size, binary, encoding, empty); the kind comes
from the Content-Type header and, where that says little, from the content itself.
"""

from __future__ import annotations

import http.client
import logging
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .. import __version__
from ..errors import Reason
from ..model import Document, Rejected
from .documents import kind_of_response, read_document
from .feeds import looks_like_feed
from .files import binary_kind, decode, documents_from_text, format_size, sniff
from .meta import merge_metadata

logger = logging.getLogger(__name__)

# Seconds to wait for a server to connect or send before the URL is rejected.
FETCH_TIMEOUT = 20
USER_AGENT = f"habeas/{__version__} (reads news reports about political prisoners)"
ACCEPT = ("text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, "
          "text/plain;q=0.8, */*;q=0.5")
# HTTP statuses that mean the page is not there (rather than not readable now).
MISSING_STATUSES = frozenset({404, 410})
# Longest server message kept in a Rejected detail.
MAX_DETAIL_CHARS = 200

Metadata = Mapping[str, str | None]


@dataclass
class Response:
    data: bytes
    url: str                  # after redirects
    content_type: str         # "text/html"
    charset: str | None       # from the Content-Type header


def is_url(item: object) -> bool:
    """True for an http:// or https:// address."""
    return isinstance(item, str) and item[:8].lower().startswith(("http://", "https://"))


def read_url(url: str, *, outer: Metadata, max_bytes: int,
             encoding: str | None) -> Iterator[Document | Rejected]:
    """The Documents at ``url``: one page, or one per entry of a feed (``url#N``)."""
    response = fetch(url, max_bytes=max_bytes)
    if isinstance(response, Rejected):
        yield response
        return
    yield from read_response(url, response, outer=outer, encoding=encoding)


def read_response(url: str, response: Response, *, outer: Metadata,
                  encoding: str | None) -> Iterator[Document | Rejected]:
    """The Documents in a fetched body, after the checks a file gets (binary, encoding,
    empty); ``habeas watch`` fetches on its own (conditional requests) and reads here too.
    A PDF, Word or e-mail file is read as such (``documents``)."""
    document_kind = kind_of_response(response.content_type, response.url, response.data)
    if document_kind is not None:
        yield from read_document(response.data, kind=document_kind, source=url,
                                 outer=merge_metadata({"url": response.url}, outer))
        return
    binary = binary_kind(response.data)
    if binary is not None:
        yield Rejected(url, Reason.BINARY, f"binary content ({binary}, {response.content_type})")
        return
    text = decode(response.data, source=url, encoding=encoding, declared=response.charset)
    if isinstance(text, Rejected):
        yield text
        return
    if not text.strip():
        yield Rejected(url, Reason.EMPTY, "the response is empty")
        return
    kind = content_kind(response.content_type, text)
    logger.debug("%s: %s read as %s", url, response.content_type, kind)
    yield from documents_from_text(text, kind=kind, source=url, base={"url": response.url},
                                   outer=outer)


def fetch(url: str, *, max_bytes: int) -> Response | Rejected:
    """The body of ``url`` (at most ``max_bytes``), or why there is none."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as answer:
            length = answer.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                return Rejected(url, Reason.TOO_LARGE, f"{format_size(int(length))} is over "
                                f"the {format_size(max_bytes)} limit")
            data = answer.read(max_bytes + 1)
            if len(data) > max_bytes:
                return Rejected(url, Reason.TOO_LARGE,
                                f"more than the {format_size(max_bytes)} limit")
            return Response(data=data, url=answer.geturl(),
                            content_type=answer.headers.get_content_type(),
                            charset=answer.headers.get_content_charset())
    except urllib.error.HTTPError as e:
        reason = Reason.MISSING if e.code in MISSING_STATUSES else Reason.UNREADABLE
        return Rejected(url, reason, _one_line(f"HTTP {e.code} {e.reason}"))
    except urllib.error.URLError as e:
        return Rejected(url, Reason.UNREADABLE, _one_line(f"cannot fetch: {e.reason}"))
    except TimeoutError:
        return Rejected(url, Reason.UNREADABLE, f"no answer within {FETCH_TIMEOUT} s")
    except (http.client.HTTPException, ValueError, OSError) as e:
        return Rejected(url, Reason.UNREADABLE,
                        _one_line(f"cannot fetch: {type(e).__name__} {e}"))


def content_kind(content_type: str, text: str) -> str:
    """The kind of a response for ``documents_from_text``: the header first, then the content."""
    if "rss" in content_type or "atom" in content_type or looks_like_feed(text):
        return "feed"
    if "html" in content_type:
        return "html"
    if "ndjson" in content_type or "jsonl" in content_type:
        return "jsonl"
    if "json" in content_type:
        return "json"
    if content_type == "text/plain":
        return "text"
    if "xml" in content_type:
        return "feed"
    return sniff(text)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:MAX_DETAIL_CHARS]
