"""The arguments of a Russian event read from its sentence: dates (resolved against the
published date), terms in months, charges (the described accusation in the nominative, else the
article of law), release modes, hedges."""

from __future__ import annotations

import datetime as dt
import functools
import re

from ...dates import fmt, parse_published
from . import RULES
from .pipeline import inflect, lemma_of, models, nominative_phrase

MONTHS = RULES.table("months")
WEEKDAYS = RULES.table("weekdays")
RELATIVE_DAYS = RULES.table("relative_days")
NUMBERS = RULES.numbers
DATE_PATTERNS = [RULES.pattern(name) for name in
                 ("date_numeric", "date_day", "date_month", "date_year", "date_season")]
# A year as a date states it: "2018 года", "в 2019 году", "2020-го".
YEAR_MENTIONS = RULES.pattern("year_mention")
RELATIVE_YEARS = RULES.table("relative_years")
WEEKDAY_BEFORE = RULES.pattern("weekday_before")
# How far after a day or a month its year may follow ("в феврале этого года").
YEAR_AFTER = 20
PERSON_NOUNS = RULES.words("person_nouns")
# The months after one year told without a number: "к году и восьми месяцам".
YEAR_AND_MONTHS = RULES.pattern("year_and_months")
# Words that end a described charge early ("за участие в акции, после которой ...").
CHARGE_MAX_WORDS = 8
# An age told as an adjective ("40-летнего"): the person after a charge, no part of it.
AGE_WORD = RULES.pattern("age_before")


def number(text: str) -> float | None:
    """"3" 3, "восьми" 8, "8,5" 8.5, "полутора" 1.5."""
    if text.replace(",", "").replace(".", "").isdigit():
        return float(text.replace(",", "."))
    return NUMBERS.get(lemma_of(text))


def month_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return MONTHS.get(lemma_of(text)) or next(
        (n for name, n in MONTHS.items() if text.lower().startswith(name[:3])), None)


def find_date(sentence: str, published: str | None, at: int | None = None,
              told_year: int | tuple[int, int, int] | None = None) -> str | None:
    """The date the sentence gives for the event whose trigger stands at offset ``at``: the
    nearest date mention (a sentence may tell two events at two dates: "задержали в феврале 2019
    года, а в ноябре 2022-го приговорили"), else the first at the finest precision. A day or
    month without a year is in the year that follows it ("в феврале этого года"), else the
    year the story is being told in (``told_year``, the year that frames the sentence before:
    "В 2019 году его задерживали. Последний раз - 10 августа"), else in the year of
    publication (the year before, if that would be after publication). A full date told just
    before (``told_year`` as year, month, day) gives its year to a day and month on or after it
    ("10 августа 2020 года ... 22 августа"), as one told earlier in the sentence does."""
    today = parse_published(published)
    mentions = date_mentions(sentence)
    told_days = [(int(p["year"]), month_number(p["month"]) or 0, int(p["day"]), s)
                 for s, _, p in mentions if p.get("year") and p.get("day")]
    if at is not None:
        mentions.sort(key=lambda m: (min(abs(at - m[0]), abs(at - m[1])), m[0]))
    for _, end, parts in mentions:
        year = int(parts["year"]) if parts.get("year") else None
        month = month_number(parts["month"]) if parts.get("month") else None
        day = int(parts["day"]) if parts.get("day") else None
        if year is None:
            year = stated_year(sentence[end:end + YEAR_AFTER], published, at_start=True) or (
                _year_told(month, day, told_year, [t[:3] for t in told_days if t[3] < end]))
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


def _year_told(month: int | None, day: int | None,
               told: int | tuple[int, int, int] | None,
               before: list[tuple[int, int, int]]) -> int | None:
    """The year a day or month without one is in: of the full date told before it in the
    sentence, or of the sentence before, where it is not before that date; the year framing the
    sentence."""
    for year, told_month, told_day in [*before[-1:], *([told] if isinstance(told, tuple)
                                                      else [])]:
        if month is not None and (month, day or 31) >= (told_month, told_day):
            return year
        return None
    return told if isinstance(told, int) else None


def stated_year(text: str, published: str | None, *, at_start: bool = False) -> int | None:
    """The last year the text states ("3 марта 2017 года", "в 2016 году", "в мае прошлого
    года"), or None; with ``at_start``, only a year the text starts with."""
    found = [(m.start(), int(m.group("year"))) for m in YEAR_MENTIONS.finditer(text)]
    today = parse_published(published)
    if today is not None:
        found += [(m.start(), today.year - RELATIVE_YEARS.get(m.group("which").lower(), 0))
                  for m in RULES.pattern("relative_year").finditer(text)]
    if at_start:
        found = [(start, year) for start, year in found if not text[:start].strip()]
    return max(found)[1] if found else None


def date_mentions(sentence: str) -> list[tuple[int, int, dict]]:
    """Every date mention (start, end, parts), finest pattern first where two overlap, in the
    order the patterns are tried; a new list (its parts new dicts) of the ones found once per
    text (the rules ask them of a sentence for every event it tells)."""
    return [(start, end, dict(parts)) for start, end, parts in _date_mentions(sentence)]


@functools.lru_cache(maxsize=4096)
def _date_mentions(sentence: str) -> tuple[tuple[int, int, tuple], ...]:
    found: list[tuple[int, int, dict]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(sentence):
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), match.groupdict()))
    return tuple((start, end, tuple(parts.items())) for start, end, parts in found)


def _relative_date(sentence: str, today: dt.date | None) -> str | None:
    if today is None:
        return None
    match = RULES.pattern("relative_year").search(sentence)
    if match:
        back = RELATIVE_YEARS.get(match.group("which").lower(), 0)
        before = re.search(r"([а-яё]+)\s+$", sentence[:match.start()], re.I)  # "в марте"
        month = month_number(before.group(1)) if before else None
        return fmt(today.year - back, month if month and month <= 12 else None)
    if RULES.pattern("last_week").search(sentence):  # "на прошлой неделе": its month
        day = today - dt.timedelta(days=7)
        return fmt(day.year, day.month)
    if RULES.pattern("this_day").search(sentence):  # "за день задержали троих"
        return fmt(today.year, today.month, today.day)
    words = re.findall(r"[а-яё]+", sentence.lower())
    for k, word in enumerate(words):
        if word in RELATIVE_DAYS and not _preposition_of_time(word, words[k + 1:k + 2]):
            day = today - dt.timedelta(days=RELATIVE_DAYS[word])
            return fmt(day.year, day.month, day.day)
        lemma = word if word in WEEKDAYS else lemma_of(word) if len(word) > 4 else word
        if lemma in WEEKDAYS and any(  # "в пятницу", "в минувшую пятницу", "в ночь на
                WEEKDAY_BEFORE.search(sentence.lower()[:m.start()])  # воскресенье"
                for m in re.finditer(rf"\b{word}\b", sentence.lower())):
            back = (today.weekday() - WEEKDAYS[lemma]) % 7
            day = today - dt.timedelta(days=back)
            return fmt(day.year, day.month, day.day)
    return None


def find_term(sentence: str) -> int | None:
    """A prison term in months: "к 3 годам 7 месяцам" 43, "шести годам" 72, "8,5 годам" 102,
    "8 месяцев" 8; None for days, hours, fines, a range ("от 11 до 18 лет") and a year ("в 2021
    году" is no term)."""
    for match in RULES.pattern("term").finditer(sentence):
        years = number(match.group("years"))
        if years is not None and match.group("half"):
            years += 0.5  # "к двум с половиной годам": 30 months
        months = number(match.group("months")) if match.group("months") else 0
        if years is None or months is None or years >= 50:
            continue
        if RULES.pattern("term_range").search(sentence[:match.start()]):
            return None
        return round(years * 12 + months)
    match = RULES.pattern("one_year").search(sentence)
    if match:  # "приговорили к году колонии", "к году и восьми месяцам", "год и 8 месяцев"
        more = YEAR_AND_MONTHS.match(sentence[match.end():])
        months = number(more.group("months")) if more else None
        return 12 + round(months) if months is not None and months < 12 else 12
    match = RULES.pattern("term_months").search(sentence)
    if match:
        months = number(match.group("months"))
        if months is not None and months < 60:
            return round(months)
    return None


def reduced_to(sentence: str) -> int | None:
    """The term a sentence was changed to: "сократил срок до полутора лет" 18."""
    match = RULES.pattern("reduced_to").search(sentence)
    return find_term(sentence[match.end():]) if match else None


def respective_terms(sentence: str) -> list[int]:
    """"соответственно к 20 и 10 годам", "проведут в колонии 20 и 10 лет соответственно" ->
    [240, 120]; [] where the sentence gives no such list."""
    if not RULES.pattern("respectively").search(sentence):
        return []
    for match in RULES.pattern("term_list").finditer(sentence):
        numbers = [number(x) for x in re.split(r",\s*|\s+и\s+", match.group("list"))]
        if not any(x is None or x >= 50 for x in numbers):
            return [round(x * 12) for x in numbers]
    return []


def is_article(charge: str) -> bool:
    """The charge is an article of law as written ("ч. 2 ст. 205.5 УК РФ"), not described."""
    return bool(RULES.pattern("article").fullmatch(charge.strip()))


def is_suspended(sentence: str) -> bool:
    return bool(RULES.pattern("suspended").search(sentence))


def find_charge(sentence: str) -> str | None:
    """The accusation: described ("по делу о реабилитации нацизма" -> "реабилитация нацизма",
    "за «фейки» об армии", "по ч. 2 ст. 280 УК (публичные призывы ...)") where the sentence describes
    it, each of a list ("по статьям о X, а также об Y и о Z" -> "X; Y; Z"), else the article of
    law as written."""
    match = RULES.pattern("accused_that").search(sentence)
    if match:  # "обвинили в том, что он якобы бросил камень": what he is said to have done
        return match.group("what").strip(" ,")
    match = RULES.pattern("reason").search(sentence) or RULES.pattern("described").search(
        sentence)  # "Поводом для возбуждения дела стал пост": the post
    if match:
        words = _charge_words(match.group("what"))
        if words and not words[0][:1].isdigit() and lemma_of(words[0]) not in MONTHS:
            # not "признал виновным в январе 2024 года": a month is when, not what
            found = [_described(words)]
            rest = sentence[match.end():]
            while (more := RULES.pattern("charge_more").match(rest)) is not None:
                found.append(_described(_charge_words(more.group("what"))))
                rest = rest[more.end():]
            return "; ".join(found)
    match = RULES.pattern("article_described").search(sentence)
    if match:  # "по статье 20.2 КоАП (за участие в ...)": the description, not its "за";
        # "по ч. 2 ст. 205.5 УК РФ — участие в деятельности ...": the words after the dash
        what = match.group("what") or match.group("dashed")
        words = re.sub(r"^(?:за|о|об)\s+", "", what.strip()).split()
        return _described(words) if words else None
    match = RULES.pattern("article").search(sentence)
    return match.group(0) if match else None


def _charge_words(what: str) -> list[str]:
    """The words of a described charge, up to the next clause's verb ("виновной в
    распространении «фейков» и назначил ей штраф") or a name in the nominative ("Обвиняемая в
    госизмене Светлана Давыдова отпущена"), which the charge runs into without a comma."""
    words = what.split()[:CHARGE_MAX_WORDS]
    vocab = models().morph_vocab
    for k, word in enumerate(words[1:], 1):
        if word.startswith("«") or (k > 1 and "«" in " ".join(words[:k]) and "»" not in (
                " ".join(words[:k]))):
            continue  # a name in quotes is part of the charge
        parses = vocab.parse(word)
        tag = str(parses[0].tag) if parses else ""
        verb = any(x in tag for x in ("VERB", "PRTS")) or (words[k - 1] == "и" and any(
            x in tag for x in ("INFN", "GRND")))
        name = word[:1].isupper() and ("Name" in tag or "Surn" in tag) and (
            "nomn" in tag)  # not "за оскорбление Путина": whom the charge is about
        role = parses and parses[0].normal_form in PERSON_NOUNS and k + 1 < len(words) and (
            words[k + 1][:1].isupper())  # "в госизмене учёного Петра Зуева"
        age = AGE_WORD.match(word)  # "по делу о госизмене 40-летнего инженера X": whose
        if verb or name or role or age:
            return words[:k - 1] if verb and words[k - 1] == "и" else words[:k]
    return words


def _described(words: list[str]) -> str:
    """A described charge with its first words in the nominative."""
    if words[0].strip("«»")[:1].islower():
        return " ".join(_quoted_as_written(words, nominative_phrase(
            [w.strip("«»") for w in words])))
    return " ".join([_nominative(words[0]), *words[1:]])


def _quoted_as_written(written: list[str], words: list[str]) -> list[str]:
    """The quotation marks of the written words put back on the words that replace them
    ("«государственной измене»" -> "«государственная измена»")."""
    return [w.replace(w.strip("«»"), new, 1) if w.strip("«»") else w
            for w, new in zip(written, words)]


def _nominative(word: str) -> str:
    """The first word of a described charge in the nominative; a name in quotes as written."""
    inner = word.strip("«»")
    if not inner[:1].islower():
        return word
    return word.replace(inner, inflect(inner), 1)


def release_mode(sentence: str) -> str | None:
    for mode, pattern in RULES.release_modes:
        if pattern.search(sentence):
            return mode
    return None


def is_hedged(sentence: str) -> bool:
    return bool(RULES.pattern("hedge").search(sentence))


def _preposition_of_time(word: str, after: list[str]) -> bool:
    """"накануне освобождения", "накануне суда": a preposition before a noun in the genitive
    (the eve of another event), not the adverb "накануне" (the day before the report)."""
    if word != "накануне" or not after:
        return False
    parses = models().morph_vocab.parse(after[0])
    return bool(parses) and "NOUN" in str(parses[0].tag) and "gent" in str(parses[0].tag)
