"""Organisations by their fuller names: a report that names «Мемориал» names the organisation
it calls "Правозащитный центр «Мемориал»" elsewhere (or that publishes the report)."""

from __future__ import annotations

import re

from ....model import EventRecord
from . import RULES
from .pipeline import models, nominative_phrase

ORGANISATION_NOUNS = RULES.words("organisation_nouns")
# How long a line of the heading block may be to name the outlet.
HEADING = 60
SOURCE_LABEL = re.compile(r"^(?:источник|издание)\s*:\s*", re.IGNORECASE)
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


def own_voice(events: list[EventRecord], text: str, outlet: str | None) -> None:
    """The outlet citing itself ("Халилова, как ранее писало «Агентство», голодала" in a report of
    «Агентство») states the event in its own voice: no source. The outlet is the document's, or
    one of the short lines of the heading block before the first blank line ("13 февраля 2026 /
    «Агентство»")."""
    heading = text.split("\n\n", 1)[0].splitlines()[1:] if "\n\n" in text else []
    own = {_bare(line) for line in [outlet or "", *heading] if 0 < len(line.strip()) <= HEADING}
    own.discard("")
    for event in events if own else ():
        if event.attributed_to and _bare(event.attributed_to) in own:
            event.attributed_to = None


def _bare(name: str) -> str:
    """A name without its quotes, case or a "Источник:" before it."""
    return SOURCE_LABEL.sub("", name.strip()).strip(" «»\"").lower()


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
