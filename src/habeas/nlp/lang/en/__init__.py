"""English: the rule set of ``lang/en/``, registered for the config under its version
(``habeas.rules.en.v13``, from ``rules.toml``).

The word lists are the English rule set's, read once; modules import ``RULES`` from here and read
their lists through it, so that each list exists once (in ``words.toml``)."""

from __future__ import annotations

from spacy.util import registry

from .. import RuleSet, load_rules

RULES = load_rules("en")


def english_rules() -> RuleSet:
    """The English rule set, as habeas.cfg names it."""
    return RULES


registry.misc.register(RULES.version, func=english_rules)
