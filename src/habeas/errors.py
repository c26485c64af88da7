"""The catalogue of Habeas errors and rejection reasons.

Every error a user can see has a code, so that the CLI, the API and the web app say the same
thing in the same words (spaCy's ``errors.py`` is the model). Shells translate ``HabeasError``
into one line and an exit code; the core never prints.
"""

from __future__ import annotations

import enum


class Reason(str, enum.Enum):
    """Why a source was not ingested. A rejected input is a result, not a log line."""

    MISSING = "missing"            # the path does not exist
    UNREADABLE = "unreadable"      # permission denied, a device, an OS error
    BINARY = "binary"              # NUL bytes or an unknown binary format
    EMPTY = "empty"                # no text at all, or only whitespace
    ENCODING = "encoding"          # not UTF-8
    TOO_LARGE = "too_large"        # over the size limit
    MALFORMED = "malformed"        # HTML, XML, JSON that cannot be parsed or holds no text
    UNSUPPORTED = "unsupported"    # a file type Habeas does not read
    DUPLICATE = "duplicate"        # already in the store (same content hash)


class HabeasError(Exception):
    """Base class: ``code`` is stable, ``str(error)`` is one line for a person to read."""

    code = "E000"
    template = "{detail}"

    def __init__(self, detail: str = "", **kwargs: object) -> None:
        self.detail = detail
        self.kwargs = kwargs
        message = self.template.format(detail=detail, **kwargs)
        super().__init__(f"[{self.code}] {message}")


class ConfigError(HabeasError):
    code = "E001"
    template = "Bad setting: {detail}"


class StoreError(HabeasError):
    code = "E002"
    template = "The store failed: {detail}"


class SourceError(HabeasError):
    code = "E003"
    template = "Cannot read {detail}"


class ModelError(HabeasError):
    code = "E004"
    template = "Cannot load the spaCy pipeline: {detail}"


class NotFound(HabeasError):
    code = "E005"
    template = "Not found: {detail}"


class UsageError(HabeasError):
    code = "E006"
    template = "{detail}"


class Conflict(UsageError):
    """A decision that was already taken: reviewing a claim or a suggestion twice."""

    code = "E008"
    template = "Already decided: {detail}"


class ExtractionError(HabeasError):
    """The pipeline failed on one article; the article is marked failed with this reason and the
    others go on (``habeas extract --retry`` tries it again)."""

    code = "E009"
    template = "Cannot extract {detail}"


class GoldError(HabeasError):
    code = "E007"
    template = "Bad gold file: {detail}"


class AuthError(HabeasError):
    code = "E101"
    template = "Not signed in: {detail}"


class Forbidden(HabeasError):
    code = "E102"
    template = "Not allowed: {detail}"


class RateLimited(HabeasError):
    code = "E103"
    template = "Too many attempts: {detail}"
