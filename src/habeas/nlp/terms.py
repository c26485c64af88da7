"""Prison terms in months: "eight years" = 96, "3 years and 7 months" = 43,
"12 and a half years" = 150, "a 10-year sentence" = 120, "18 months" = 18."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lang.en import RULES

NUMBERS = {**dict.fromkeys(RULES.lists["articles"], 1), **RULES.number_words(1, 30)}
_NUM = r"(\d+(?:\.\d+)?|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
TERM = re.compile(
    rf"\b{_NUM}(?P<half>[\s-]+and[\s-]+(?:a[\s-]+)?half)?[\s-]+(?P<unit>years?|months?|yrs?)\b"
    r"(?![\s-]+(?:old|later|ago|earlier)\b)"  # "a 22-year-old" is an age, "two years later" a date
    rf"(?:\s*,?\s+(?:and\s+)?{_NUM}[\s-]+months?)?",  # "3 years and 9 months", "13 years, 9 months"
    re.I)
SUSPENDED = RULES.pattern("suspended")
LIFE = RULES.pattern("life")
FINE = RULES.pattern("fine")
HOUSE_ARREST = RULES.pattern("house_arrest")
APPROXIMATE = RULES.pattern("approximate")


@dataclass
class Term:
    months: int
    start: int      # character offsets within the text searched
    end: int


def number(text: str) -> float | None:
    text = text.lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return NUMBERS.get(text)


def find_terms(text: str) -> list[Term]:
    """Every term expression in ``text``, in order."""
    terms = []
    for match in TERM.finditer(text):
        amount = number(match.group(1))
        if amount is None:
            continue
        if match.group("half"):
            amount += 0.5
        months = amount * 12 if match.group("unit").lower().startswith("y") else amount
        if match.group(4):
            extra = number(match.group(4))
            months += extra or 0
        terms.append(Term(int(round(months)), match.start(), match.end()))
    return terms

