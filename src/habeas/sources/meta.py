"""Article metadata: the keys a source may give, how layers of it combine, and date normalising.

Metadata comes in layers, lowest precedence first: what the fetch knows (the URL), what the file
says about itself (front matter, JSON fields, HTML meta tags, feed entries), a sidecar
``*.meta.json`` beside the file, and the overrides from CLI flags. ``merge_metadata`` lets a
later layer win wherever it has a value.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
import time
from collections.abc import Mapping
from typing import Any

from ..errors import Reason
from ..model import Document, Rejected
from .guards import storable

logger = logging.getLogger(__name__)

# The Document fields that metadata may set, in the order of Document.
METADATA_KEYS = ("title", "published", "outlet", "url", "language", "doc_id")
# Other spellings accepted in JSON, front matter and sidecars.
KEY_ALIASES = {"id": "doc_id", "date": "published", "lang": "language"}
# dateparser settings: never invent a day, keep the date as written (no timezone shift).
DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
# A date string must name a year: dateparser would otherwise fill in the current one.
YEAR_PATTERN = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
# dateparser periods that mean the day is not known ("October 2017", "2017").
PARTIAL_PERIODS = frozenset({"month", "year", "week"})
# Metadata strings longer than this are not metadata (a whole article pasted into "title").
MAX_VALUE_CHARS = 2000


def pick_metadata(mapping: Mapping[str, Any]) -> dict[str, str | None]:
    """The known metadata keys of ``mapping`` (aliases resolved), as clean strings or None.

    ``published`` is normalised to ``YYYY-MM-DD``; a date that is not a full day becomes None.
    """
    picked: dict[str, str | None] = {}
    for raw_key, value in mapping.items():
        key = KEY_ALIASES.get(str(raw_key).lower(), str(raw_key).lower())
        if key not in METADATA_KEYS or (key in picked and picked[key] is not None):
            continue
        picked[key] = _clean(key, value)
    return picked


def merge_metadata(*layers: Mapping[str, str | None] | None) -> dict[str, str | None]:
    """One metadata dict where each later layer wins over the earlier ones where it has a value."""
    merged: dict[str, str | None] = dict.fromkeys(METADATA_KEYS)
    for layer in layers:
        for key, value in (layer or {}).items():
            if value is not None:
                merged[key] = value
    return merged


def make_document(text: str | None, *, source: str,
                  metadata: Mapping[str, str | None]) -> Document | Rejected:
    """A Document, or ``Rejected(EMPTY)`` when there is no text."""
    text = storable(text) if text else text
    if not text or not text.strip():
        return Rejected(source, Reason.EMPTY, "no text")
    fields = {key: storable(value) if isinstance(value, str) else value
              for key, value in metadata.items() if value is not None}
    if "language" not in fields:  # no metadata says it: identified from the text
        from ..nlp.language import identify

        fields["language"] = identify(text)
    return Document(text=text, source=source, **fields)


def normalise_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` when ``value`` names a full day, else None.

    Accepts ISO 8601 ("2017-10-25T10:00:00+03:00"), RFC 822 ("Wed, 25 Oct 2017 01:00:00 +0300"),
    prose ("October 25, 2017"), ``date``/``datetime`` and ``time.struct_time``. The date is the
    one written, never shifted to another timezone.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return dt.date(*value[:3]).isoformat()
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser_date(text)


def normalise_language(value: Any) -> str | None:
    """The primary language subtag, lowercased: "en-US" -> "en"; None if it is not one."""
    if not isinstance(value, str):
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _dateparser_date(text: str) -> str | None:
    years = YEAR_PATTERN.findall(text)
    if not years:
        logger.debug("date %r names no year; ignored", text)
        return None
    from dateparser.date import DateDataParser  # slow to import; only needed for prose dates

    try:
        data = DateDataParser(settings=DATEPARSER_SETTINGS).get_date_data(text)
    except (ValueError, OverflowError, TypeError) as e:
        logger.debug("dateparser failed on %r: %s", text, e)
        return None
    if data.date_obj is None or data.period in PARTIAL_PERIODS:
        return None
    if str(data.date_obj.year) not in years:
        return None
    return data.date_obj.date().isoformat()


def _clean(key: str, value: Any) -> str | None:
    if key == "published":
        return normalise_date(value)
    if key == "language":
        return normalise_language(value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = " ".join(str(value).split())
    if not text or len(text) > MAX_VALUE_CHARS:
        return None
    return text
