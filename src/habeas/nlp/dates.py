"""Date expressions resolved against the article's published date, at their precision.

"on Oct. 24" in an article of 2017-10-25 is 2017-10-24; "in January 2015" is 2015-01; "in 2014"
is 2014; "on Tuesday" is the Tuesday before publication; "last month" is the month before.
Common English forms are parsed here with regular expressions (fast); dateparser handles the rest.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from .lang.en import RULES
from .lexicon import MONTHS

WEEKDAYS = list(RULES.lists["weekdays"])
NUMBER_WORDS = {**dict.fromkeys(RULES.lists["articles"], 1), **RULES.number_words(1, 10),
                **dict.fromkeys(RULES.lists["vague"])}
# An undated month name more than this many days after publication means the previous year
# ("in December", written in January).
FUTURE_SLACK_DAYS = 31

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b", re.I),
    re.compile(rf"\b{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?\b"),
    # "12.03.2023", as European pages write the day first (never "03/12/2023": which first?)
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})\b"),
]
# Expressions that count from an earlier date of the article, not from publication.
# A day written in figures with full stops: the small model takes it for a number.
NUMERIC_DAY = re.compile(r"\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}")
ANCHORED = re.compile(r"\b(later|after|same\s+(day|week|month|year|morning|afternoon|evening|night)"
                      r"|next\s+day|following\s+day|that\s+(day|morning|afternoon|evening|night))\b",
                      re.I)
_RELATIVE = re.compile(
    r"\b(?P<n>\d+|an?|" + "|".join(w for w, n in NUMBER_WORDS.items() if n) + r")\s+"
    r"(?P<unit>day|week|month|year)s?\s+(?P<dir>later|after|earlier|ago|before)\b", re.I)


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def fmt(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")[:3]]


SEASONS = {season: tuple(months) for season, months in RULES.table("seasons").items()}


def _season(lowered: str, published: dt.date | None) -> str | None:
    """ "last spring", "in the summer", "this autumn", "the summer of 2021": the year."""
    match = re.fullmatch(r"(?:(last|this|in\s+the|the|in|during\s+the|over\s+the)\s+)?"
                         r"(spring|summer|autumn|fall)(?:\s+of\s+((?:19|20)\d{2}))?", lowered)
    if match is None or published is None:
        return None
    if match[3]:
        return match[3]
    start, end = SEASONS[match[2]]
    if match[1] == "last":
        return fmt(published.year if published.month > end else published.year - 1)
    if match[1] is None:
        return None  # a bare "summer" may be any summer
    return fmt(published.year if published.month >= start else published.year - 1)


# "since 2017-2018", "in 2019–20": a span of years dates nothing at a year's precision.
YEAR_SPAN = re.compile(r"\b(?:19|20)\d\d\s*[-–—/]\s*(?:(?:19|20)\d\d|(?P<short>\d\d))\b(?![-–/]\d)")


def resolve(text: str, published: dt.date | None, anchor: str | None = None) -> str | None:
    """ISO date at the precision the expression allows, or None."""
    lowered = text.lower().strip()
    span = YEAR_SPAN.search(text)
    if span and not (span.group("short") and int(span.group("short")) <= 12):
        return None  # (not "2017-05", a month)
    relative = _resolve_relative(lowered, published, anchor)
    if relative is not None:
        return relative
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["year"]) if parts.get("year") else None
        month = _month_number(parts["month"]) if parts.get("month") else None
        day = int(parts["day"]) if parts.get("day") else None
        if day is not None and not 1 <= day <= 31:
            continue
        if year is None:
            if published is None:
                return None
            year = published.year
            candidate = dt.date(year, month or 1, min(day or 1, 28))
            if (candidate - published).days > FUTURE_SLACK_DAYS:
                year -= 1
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            return None
        return fmt(year, month, day)
    return _dateparser(text, published)


# "early last year", "late last month", "in mid-2019": the part of a period is the period at
# its precision.
PART_OF = re.compile(r"^(?:in\s+)?(?:(?:early|late|mid)\s+|mid-|the\s+(?:beginning|end|middle)"
                     r"\s+of\s+)")


def _resolve_relative(lowered: str, published: dt.date | None, anchor: str | None) -> str | None:
    if published is None:
        return None
    lowered = PART_OF.sub("", lowered)
    if anchor and re.search(r"\bsame\s+day\b", lowered):
        return anchor
    if anchor and len(anchor) == 10 and re.fullmatch(
            r"(?:a\s+few\s+|several\s+|some\s+|\d+\s+|two\s+|three\s+)?(?:hours|minutes|moments)"
            r"\s+later|later\s+that\s+(?:day|morning|afternoon|evening|night)", lowered):
        return anchor  # "Hours later she was flown to Cologne"
    that_year = re.fullmatch(r"(?:in\s+)?(?:(\w+)\.?\s+(?:of\s+)?)?(?:that|the\s+same)\s+year|"
                             r"later\s+that\s+year", lowered)
    if anchor and that_year:  # "in September (of) that year", after "on 3 May 2022"
        month = MONTHS.get((that_year.group(1) or "").rstrip(".")[:3]) if that_year.group(1) \
            else None
        return fmt(int(anchor[:4]), month) if month else anchor[:4]
    of_year = re.fullmatch(r"(?:in\s+)?(?:early\s+|late\s+|mid-?)?(\w+)\.?\s+(?:of\s+)?(last|this|"
                           r"the\s+previous|the\s+past|the\s+current)\s+year", lowered)
    if of_year and of_year.group(1)[:3] in MONTHS:  # "in April of last year", "March last year"
        back = 0 if of_year.group(2) in ("this", "the current") else 1
        return fmt(published.year - back, MONTHS[of_year.group(1)[:3]])
    last_month = re.fullmatch(r"(?:in\s+)?last\s+(\w+)\.?", lowered)
    if last_month and last_month.group(1)[:3] in MONTHS:
        # "last March": the last March before the month of publication
        month = MONTHS[last_month.group(1)[:3]]
        return fmt(published.year - (month >= published.month), month)
    season = _season(lowered, published)
    if season is not None:
        return season
    if anchor and len(anchor) == 10 and re.fullmatch(
            r"(?:that|the\s+same|the)\s+(?:day|morning|afternoon|evening|night)", lowered):
        return anchor  # "was detained that afternoon", "in the morning" after "On April 11"
    if anchor and re.search(r"\bsame\s+month\b", lowered):
        return anchor[:7]
    if anchor and re.search(r"\bsame\s+year\b", lowered):
        return anchor[:4]
    if anchor and len(anchor) == 10 and re.search(r"\b(next|following)\s+day\b", lowered):
        return (dt.date.fromisoformat(anchor) + dt.timedelta(days=1)).isoformat()
    if lowered in ("today", "now", "this morning", "tonight", "this evening"):
        return published.isoformat()
    if lowered == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat()
    for number, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", lowered) and not re.search(r"\d", lowered):
            back = (published.weekday() - number) % 7 or (0 if "last" not in lowered else 7)
            if "next" in lowered:
                return None
            return (published - dt.timedelta(days=back)).isoformat()
    week = re.fullmatch(r"(?:(?:earlier|later)\s+)?(this|last|the\s+previous)\s+week", lowered)
    if week:
        # the month of that week, where the whole week lies in one month
        monday = published - dt.timedelta(days=published.weekday() + (
            0 if week[1] == "this" else 7))
        sunday = monday + dt.timedelta(days=6)
        return fmt(monday.year, monday.month) if monday.month == sunday.month else None
    if re.match(r"(?:the\s+)?(?:last|previous|past)\s+month\b", lowered):
        first = published.replace(day=1) - dt.timedelta(days=1)
        return fmt(first.year, first.month)
    if re.fullmatch(r"this\s+month|(?:earlier|later)\s+this\s+month", lowered):
        return fmt(published.year, published.month)
    if re.match(r"(?:the\s+)?(?:last|previous|past)\s+year\b", lowered):
        return fmt(published.year - 1)
    if re.fullmatch(r"this\s+year|(?:earlier|later)\s+this\s+year", lowered):
        return fmt(published.year)
    match = _RELATIVE.search(lowered)
    if match:
        count = 1 if match["n"] in ("a", "an") else NUMBER_WORDS.get(match["n"], None) \
            if not match["n"].isdigit() else int(match["n"])
        if count is None:
            return None
        unit = {"day": 1, "week": 7, "month": 30, "year": 365}[match["unit"]]
        if match["dir"] == "before" and lowered[match.end():].strip(" .,"):
            return None  # "two days before the trial": before what it names, not the last day
        if match["dir"] in ("earlier", "before"):
            # "detained two weeks earlier": before the day the report told last
            count = -count
        if match["dir"] in ("later", "after", "earlier", "before"):
            base = parse_published(anchor) if anchor and len(anchor) == 10 else None
            if base is None and anchor and match["unit"] in ("month", "year"):
                # "convicted in March 2022 ... rejected two months later": May 2022
                year, month = int(anchor[:4]), int(anchor[5:7]) if len(anchor) >= 7 else None
                if match["unit"] == "year":
                    return fmt(year + count) if month is None else fmt(year + count, month)
                if month is None:
                    return None
                total = year * 12 + month - 1 + count
                return fmt(total // 12, total % 12 + 1)
            if base is None:
                return None
            return _at_unit(base + dt.timedelta(days=count * unit), match["unit"])
        if match["dir"] == "ago":
            return _at_unit(published - dt.timedelta(days=count * unit), match["unit"])
    return None


def _at_unit(day: dt.date, unit: str) -> str:
    """A day counted in units, at the precision of the unit: "three years ago" is a year."""
    if unit in ("day", "week"):
        return day.isoformat()
    return fmt(day.year, day.month) if unit == "month" else fmt(day.year)


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, published: dt.date | None) -> str | None:
    """The slow path, for forms the patterns above do not know."""
    if not re.search(r"\b(?:19|20)\d\d\b", text):
        return None  # without a year, dateparser guesses ("eight years" -> eight years ago)
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["year"]}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date().isoformat()[:4] if parsed else None


def agrees(predicted: str | None, gold: str | None) -> bool:
    """True when the prediction agrees with the gold date at the gold precision."""
    if not predicted or not gold:
        return predicted == gold
    return predicted[: len(gold)] == gold


_CALENDAR = re.compile(r"\b(?:19|20)\d\d\b|" + _MONTH.replace("(?P<month>", "(?:") +
                       r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
                       r"|\b(?:last|this|next|previous|past)\s+(?:year|month|week)\b", re.I)


def is_duration(text: str) -> bool:
    """ "eight years" is a term; "14 November, eight months into ..." is still a date."""
    from .terms import find_terms

    return bool(find_terms(text)) and not _CALENDAR.search(text)
