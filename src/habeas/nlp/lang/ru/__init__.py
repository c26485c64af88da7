"""Russian: the rule set of ``lang/ru/`` (``habeas.rules.ru.v16``), read once, and the natasha
pipeline that applies it (``lang.ru.pipeline``)."""

from __future__ import annotations

from .. import RuleSet, load_rules

RULES = load_rules("ru")


def russian_rules() -> RuleSet:
    """The Russian rule set, as habeas.cfg names it."""
    return RULES


def register() -> None:
    """Name the rule set in spaCy's registry, for the config (``nlp.components`` does it, as it
    imports spaCy anyway: the resolver reads ``lang.ru.forms`` without importing spaCy)."""
    from spacy.util import registry

    registry.misc.register(RULES.version, func=russian_rules)
