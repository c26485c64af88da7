"""English: the rule set of ``lang/en/`` and its spaCy registry name, ``habeas.rules.en.v1``.

The word lists below are the English rule set's, read once; modules import them from here so
that each list exists once (in ``words.toml``)."""

from __future__ import annotations

from spacy.util import registry

from .. import RuleSet, load_rules

RULES = load_rules("en")


@registry.misc("habeas.rules.en.v1")
def english_rules() -> RuleSet:
    """The English rule set, as named in habeas.cfg."""
    return RULES
