"""Which language an article is in, and which pipeline reads it.

``document.language`` from the source's metadata wins; without it the language is identified from
the text with lingua (its models ship inside the wheel: nothing downloads at run time), among the
few languages the monitored outlets write in. Only languages in ``SUPPORTED`` are extracted; the
rest are stored and reported as "no extraction for LANG yet", never read with another language's
rules.
"""

from __future__ import annotations

import functools

# Languages with an extraction pipeline (habeas.cfg [rules] names their rule sets).
SUPPORTED = ("en", "ru")
# Languages read in part: persons only, no events (their versions carry the note).
PARTIAL = ("uk",)
# The languages identification chooses among (ISO 639-1): the outlets' languages. A closed list
# keeps lingua small and fast; a text in another language comes out as its nearest of these.
CANDIDATES = ("en", "ru", "uk", "be", "de", "fr", "es", "tr", "ka", "kk")
# Below this many letters identification is a guess: the text is taken as English, as before.
MIN_LETTERS = 20


@functools.cache
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in CANDIDATES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def identify(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in ("en" when unsure)."""
    if sum(ch.isalpha() for ch in text[:2000]) < MIN_LETTERS:
        return "en"
    language = _detector().detect_language_of(text[:2000])
    return language.iso_code_639_1.name.lower() if language is not None else "en"


def language_of(text: str, given: str | None) -> str:
    """The language to read an article in: the metadata's where given, else identified."""
    return given or identify(text)


def unsupported_note(language: str) -> str:
    """What Habeas does not read in an article of ``language`` (the extraction report says it)."""
    if language in PARTIAL:
        return f"no event extraction for {language} yet (persons only)"
    return f"no extraction for {language} yet"
