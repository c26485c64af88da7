"""Evidence beyond the names: ages that fit the report dates, affiliations, co-mentioned persons
and places. A ``Profile`` is what is known of one person (a new one from one article, or one in
the store from all of theirs); ``weigh`` turns two profiles into a score adjustment and reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store.conflicts import birth_year, norm  # noqa: F401  (read here by resolution)

# Two implied birth years further apart than this are two people (a father and son share a
# name more often than a reporter gets an age wrong by three years).
AGE_TOLERANCE_YEARS = 2
AGE_MISMATCH_PENALTY = 0.5
AGE_FIT_BONUS = 0.04
AFFILIATION_BONUS = 0.04
COMENTION_BONUS = 0.05
PLACE_BONUS = 0.03
MAX_BONUS = 0.12


@dataclass
class Profile:
    names: list[str] = field(default_factory=list)
    birth_years: set[int] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)
    comentions: set[int] = field(default_factory=set)  # root person ids
    places: set[str] = field(default_factory=set)


def weigh(a: Profile, b: Profile) -> tuple[float, list[str]]:
    """Score adjustment (negative when the evidence says two people) and its reasons."""
    reasons: list[str] = []
    bonus = 0.0
    if a.birth_years and b.birth_years:
        gap = min(abs(x - y) for x in a.birth_years for y in b.birth_years)
        if gap > AGE_TOLERANCE_YEARS:
            return -AGE_MISMATCH_PENALTY, [
                f"ages do not fit (born about {min(a.birth_years)} and {min(b.birth_years)})"]
        bonus += AGE_FIT_BONUS
        reasons.append(f"ages fit (born about {min(a.birth_years)})")
    shared = a.affiliations & b.affiliations
    if shared:
        bonus += AFFILIATION_BONUS
        reasons.append("both " + ", ".join(sorted(shared)[:2]))
    if a.comentions & b.comentions:
        bonus += COMENTION_BONUS
        reasons.append(f"named with the same {len(a.comentions & b.comentions)} person(s)")
    if a.places & b.places:
        bonus += PLACE_BONUS
        reasons.append("same place " + sorted(a.places & b.places)[0])
    return min(bonus, MAX_BONUS), reasons
