"""Russian: the rule set of ``lang/ru/`` (``habeas.rules.ru.v6``), read once, and the natasha
pipeline that applies it (``lang.ru.pipeline``)."""

from __future__ import annotations

from spacy.util import registry

from .. import RuleSet, load_rules

RULES = load_rules("ru")


def russian_rules() -> RuleSet:
    """The Russian rule set, as habeas.cfg names it."""
    return RULES


registry.misc.register(RULES.version, func=russian_rules)
