"""The arguments of a Russian event read from its sentence: dates (resolved against the
published date), terms in months, charges (the described accusation in the nominative, else the
article of law), release modes, hedges."""

from __future__ import annotations

import datetime as dt
import re

from ...dates import fmt, parse_published
from . import RULES
from .pipeline import inflect, lemma_of

MONTHS = RULES.table("months")
WEEKDAYS = RULES.table("weekdays")
RELATIVE_DAYS = RULES.table("relative_days")
NUMBERS = RULES.numbers
DATE_PATTERNS = [RULES.pattern(name) for name in
                 ("date_numeric", "date_day", "date_month", "date_year")]
# Words that end a described charge early ("за участие в акции, после которой ...").
CHARGE_MAX_WORDS = 8


def number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return NUMBERS.get(lemma_of(text))


def month_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return MONTHS.get(lemma_of(text)) or next(
        (n for name, n in MONTHS.items() if text.lower().startswith(name[:3])), None)


def find_date(sentence: str, published: str | None) -> str | None:
    """The first date the sentence gives, at its precision; a day or month without a year is in
    the year of publication (the year before, if that would be after publication)."""
    today = parse_published(published)
    for pattern in DATE_PATTERNS:
        match = pattern.search(sentence)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["year"]) if parts.get("year") else None
        month = month_number(parts["month"]) if parts.get("month") else None
        day = int(parts["day"]) if parts.get("day") else None
        if year is None and today is None:
            if month is None:
                continue
            return None
        if year is None:
            year = today.year
            if month and (month, day or 1) > (today.month, today.day):
                year -= 1
        return fmt(year, month, day if month else None)
    return _relative_date(sentence, today)


def _relative_date(sentence: str, today: dt.date | None) -> str | None:
    if today is None:
        return None
    for word in re.findall(r"[а-яё]+", sentence.lower()):
        if word in RELATIVE_DAYS:
            day = today - dt.timedelta(days=RELATIVE_DAYS[word])
            return fmt(day.year, day.month, day.day)
        lemma = lemma_of(word) if len(word) > 4 else word
        if lemma in WEEKDAYS and re.search(rf"\bв(?:о)?\s+{word}\b", sentence.lower()):
            back = (today.weekday() - WEEKDAYS[lemma]) % 7
            day = today - dt.timedelta(days=back)
            return fmt(day.year, day.month, day.day)
    return None


def find_term(sentence: str) -> int | None:
    """A prison term in months: "к 3 годам 7 месяцам" 43, "шести годам" 72, "8 месяцев" 8;
    None for days, hours and fines."""
    match = RULES.pattern("term").search(sentence)
    if match:
        years = number(match.group("years"))
        months = number(match.group("months")) if match.group("months") else 0
        if years is not None and years < 50 and months is not None:
            return years * 12 + months
    match = RULES.pattern("term_months").search(sentence)
    if match:
        months = number(match.group("months"))
        if months is not None and months < 60:
            return months
    return None


def is_suspended(sentence: str) -> bool:
    return bool(RULES.pattern("suspended").search(sentence))


def find_charge(sentence: str) -> str | None:
    """The accusation: described ("по делу о реабилитации нацизма" -> "реабилитация нацизма")
    where the sentence describes it, else the article of law as written."""
    match = RULES.pattern("described").search(sentence)
    if match:
        words = match.group("what").split()[:CHARGE_MAX_WORDS]
        if words and not words[0][:1].isdigit():
            return " ".join([inflect(words[0]), *words[1:]])
    match = RULES.pattern("article").search(sentence)
    return match.group(0) if match else None


def release_mode(sentence: str) -> str | None:
    for mode, pattern in RULES.release_modes:
        if pattern.search(sentence):
            return mode
    return None


def is_hedged(sentence: str) -> bool:
    return bool(RULES.pattern("hedge").search(sentence))
