"""A person's case: the current status with the date it holds since, and days in custody,
derived from their events in date order (the same rules as ``store.queries.derive_status``),
as a dossier shows them.
"""

from __future__ import annotations

import datetime as dt

# What an event says about custody (kept in step with store.queries.STATUS_SETTING).
CUSTODY_STARTS = ("arrest", "abduction")
CUSTODY_HELD = ("sentence", "conviction", "transfer", "hunger_strike", "ill_treatment")
CUSTODY_ENDS = ("release", "acquittal", "charges_dropped", "death_in_custody")

Event = tuple  # (type, date, published, id, negated)


def start_of(date: str) -> dt.date | None:
    """The first day a date at its precision can mean: "2015-01" -> 2015-01-01."""
    try:
        parts = [int(p) for p in date.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1,
                       parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError, AttributeError):
        return None


def days_in_custody(events: list[Event], *, today: dt.date | None = None) -> int | None:
    """Days between each dated arrest (or, with no arrest known, the first dated sign of
    custody) and the release that ended it; an open custody runs to ``today``. None when no
    dated event shows custody."""
    today = today or dt.date.today()
    dated = sorted((e for e in events if e[1] and not e[4]), key=lambda e: (e[1], e[3]))
    total, start, seen = 0, None, False
    for type_, date, *_ in dated:
        day = start_of(date)
        if day is None:
            continue
        # a transfer after a release is a journey home, not a new custody
        if start is None and (type_ in CUSTODY_STARTS or type_ in CUSTODY_HELD and not seen):
            start, seen = day, True
        elif start is not None and type_ in CUSTODY_ENDS:
            total += max(0, (day - start).days)
            start = None
    if start is not None:
        total += max(0, (today - start).days)
    return total if seen else None
