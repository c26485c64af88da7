"""Organisations by their fuller names: a report that names «Мемориал» names the organisation
it calls "Правозащитный центр «Мемориал»" elsewhere (or that publishes the report)."""

from __future__ import annotations

import re

from ....model import EventRecord
from . import RULES
from .pipeline import models, nominative_phrase

ORGANISATION_NOUNS = RULES.words("organisation_nouns")
# Up to two adjectives and a noun before a name in quotes: "правозащитного центра «Весна»".
FULLER = re.compile(r"(?<![\w-])((?:[А-ЯЁа-яё-]+\s+){0,2}[А-ЯЁа-яё]+)\s+(«[^«»\n]{2,60}»)")


def fuller_names(events: list[EventRecord], text: str, outlet: str | None) -> None:
    """An agent or source named by the short name in quotes takes the organisation's fuller
    name: the outlet's, where the outlet is that organisation, else the one fuller name the
    report gives it ("«Мемориал» признал ... Правозащитный центр «Мемориал» считает")."""
    short = {v.strip("«»\"").lower() for e in events for v in (e.agent, e.attributed_to) if v}
    if not short:
        return
    names: dict[str, set[str]] = {}
    if outlet and (found := FULLER.search(outlet)) is not None and found.end() == len(outlet):
        names[found.group(2).strip("«»").lower()] = {outlet}  # the organisation itself
    for match in FULLER.finditer(text):
        name = match.group(2).strip("«»").lower()
        if name not in short or name in names and outlet in names[name]:
            continue
        words = _organisation(match.group(1).split())
        if words:
            names.setdefault(name, set()).add(" ".join(nominative_phrase(words)) + " "
                                              + match.group(2))
    for event in events:
        for field in ("agent", "attributed_to"):
            value = getattr(event, field)
            fuller = names.get((value or "").strip("«»\"").lower(), set())
            if len({n.lower() for n in fuller}) == 1:
                setattr(event, field, fuller.pop())


def _organisation(words: list[str]) -> list[str]:
    """The words of a fuller name: a noun of organisation, with the adjectives before it."""
    if not words or not any(words[-1].lower().startswith(n[:max(3, len(n) - 1)])
                            for n in ORGANISATION_NOUNS):
        return []
    at = len(words) - 1
    while at > 0 and any("ADJF" in str(p.tag) for p in models().morph_vocab.parse(
            words[at - 1])):
        at -= 1
    return words[at:]
