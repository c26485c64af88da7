"""Person mentions, within-article coreference and person attributes.

Names come from the model's PERSON entities, cleaned of titles and group words and checked against
the gazetteers. Each name is linked to a cluster by its surname (exactly or with a small edit
distance, for headline variants such as "Chyigoz" / "Chiygoz"); a second pass then finds the
surnames the model tagged as something else ("Umerov" as a place, "Umerov and Chiygoz" as an
organisation). Attributes are read from appositions and modifiers around the mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from rapidfuzz.distance import DamerauLevenshtein, Levenshtein
from spacy.attrs import DEP, ORTH, POS
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from ..model import PersonRecord
from ..resolve import names
from ..resolve.lexicon import GENERATIONS
from ..model import Span as TextSpan
from .lang.en import RULES, syntax
from .lexicon import GROUPS, NOT_NAME_WORDS, REPORTING_VERBS, TITLES, fold, orgs, places
from .spans import doc_text, entities, entity_at

# Two surnames this similar (normalised Levenshtein) are one name spelt two ways.
SURNAME_SIMILARITY = 0.8
# Shorter surnames must match exactly: "Ali" and "Alu" are different people.
MIN_FUZZY_LENGTH = 5
# Org names this similar to a single-token "person" make it an organisation ("Mejelis").
ORG_SIMILARITY = 0.8
# A patronymic: a Slavic one's ending, or a Turkic patronymic word standing alone ("Ilgar Eldar
# oglu", "Makhabat Tazhibek kyzy"). Inside a word "-oglu" ends a Turkish surname ("Terkoglu").
PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ich)$|^(?:ogly|oglu|ogli|kyzy|kizi|qizi|gizi|"
                        r"uulu)$")
# The Turkic patronymic words, lower case after the father's name: part of the name.
PATRONYMIC_WORDS = frozenset(RULES.words("patronymic_words"))
NAME_PARTICLES = RULES.words("name_particles")
AGE_WORDS = {w: v for w, v in RULES.number_words(20, 90).items() if v % 10 == 0}
UNITS = RULES.number_words(1, 9)
# "52-year-old", "fifty-two-year-old", and the short "19-y.o." some outlets write
YEAR_OLD = r"(?:[- ]year[- ]old\b|-?\s?y\.\s?o\.)"
YEAR_OLD_IN = re.compile(r"\b([A-Za-z]+(?:-[a-z]+)?|\d{1,3})" + YEAR_OLD, re.I)
MIN_AGE, MAX_AGE = 12, 110


# A given name of two syllables joined by a hyphen, the second in lower case, after the family
# name: "Chun-hei", "Cheuk-ting", "Jong-un" (not "Kara-Murza" or "al-Qahtani").
EAST_ASIAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


@dataclass
class Cluster:
    """One person within one article."""

    id: str
    spans: list[Span] = field(default_factory=list)

    _cache: tuple[int, Span, str] | None = None
    # What is known of the spans seen so far (a person may be named a thousand times in a long
    # article): each form as written -> [count, fullness, first span outside a headline], and
    # the folded forms. Spans are added, and sorted once: a changed order starts again.
    _known: list[Span] = field(default_factory=list, compare=False, repr=False)
    _texts: dict[str, list] = field(default_factory=dict, compare=False, repr=False)
    _forms: set[str] = field(default_factory=set, compare=False, repr=False)
    # ``_cache`` when ``name_words`` was last read, and what it was; the same for
    # ``second_surnames``.
    _words: tuple | None = field(default=None, compare=False, repr=False)
    _seconds: tuple | None = field(default=None, compare=False, repr=False)

    def _update(self) -> tuple[int, Span, str]:
        if self._cache is None or self._cache[0] != len(self.spans):
            # The fullest form (initials do not count), a full given name before a diminutive
            # ("Yevgenia" before "Zhenya"), then the most used ("Yevgenia Shatalova" in the
            # body over the headline's "Evgenia Shatalova"), then the first.
            self._catch_up()
            name = max(self._texts.values(), key=lambda e: (
                e[1], names.skeleton(e[2][0].text) not in names.UNISEX, e[0],
                not in_headline(e[2]), -e[2].start))[2]
            surname = surname_of([fold(t.text) for t in name])
            words = name.text.split()
            if len(words) >= 2 and EAST_ASIAN_GIVEN.fullmatch(words[-1]):
                surname = fold(words[-2])  # "Kelvin Ng Chun-hei", "Lam Cheuk-ting": Ng, Lam
            self._cache = (len(self.spans), name, surname)
        return self._cache

    def _catch_up(self) -> None:
        seen = len(self._known)
        if seen > len(self.spans) or self.spans[:seen] != self._known:
            self._known, self._texts, self._forms, seen = [], {}, set(), 0
        for span in self.spans[seen:]:
            self._known.append(span)
            self._forms.add(fold(span.text))
            self._forms.update(fold(form) for form in nickname_forms(span))
            entry = self._texts.get(span.text)
            if entry is None:
                # (a name in another language, in brackets, is no fuller a name)
                self._texts[span.text] = [1, 0 if in_another_language(span) is not None else sum(
                    not INITIAL.fullmatch(fold(t.text)) and t.text != "." for t in span), span]
                continue
            entry[0] += 1
            if (not in_headline(span), -span.start) > (not in_headline(entry[2]),
                                                       -entry[2].start):
                entry[2] = span

    @property
    def name_span(self) -> Span:
        return self._update()[1]

    @property
    def surname(self) -> str:
        return self._update()[2]

    @property
    def given(self) -> str | None:
        """The first name of a full name ("pavel" of "Pavel Vorontsov"), else None."""
        tokens = self.name_words()
        return tokens[0] if len(tokens) > 1 else None

    def name_words(self) -> list[str]:
        """``name_tokens`` of the name (not to be changed), kept until the name changes."""
        cache = self._update()
        if self._words is None or self._words[0] is not cache:
            self._words = (cache, name_tokens([fold(t.text) for t in cache[1]]))
        return self._words[1]

    def forms(self) -> set[str]:
        self._catch_up()
        return self._forms

    def second_surnames(self) -> set[str]:
        """The last words of the person's shorter names, when the fullest has more words:
        "perdomo" of "Yoandry Perdomo Ruiz", also named "Yoandry Perdomo" (a father's and a
        mother's surname, as Spanish and Portuguese names have them); kept until a span is
        added (asked for every capitalised word of a report)."""
        cache = self._update()
        if self._seconds is None or self._seconds[0] is not cache:
            words = self.name_words()
            self._seconds = (cache, {f.split()[-1] for f in self.forms()
                                     if 2 <= len(f.split()) < len(words)} - {self.surname})
        return self._seconds[1]


def in_headline(span: Span) -> bool:
    """In the article's first line, when that line is a headline (no closing full stop)."""
    data = span.doc.user_data
    if "habeas_headline_end" not in data:
        text = doc_text(span.doc)
        end = text.find("\n")
        data["habeas_headline_end"] = end if end > 0 and not text[:end].rstrip().endswith(
            ".") else -1
    return span.start_char < data["habeas_headline_end"]


BYLINE = RULES.patterns["byline"]
CREDIT = RULES.patterns["photo_credit"]
CREDIT_IN_LINE = RULES.patterns["credit"]
CREDIT_BEFORE = RULES.patterns["credit_before"]
OUTLET_CALL = RULES.patterns["outlet_call"]
WRITES_AUTHOR = RULES.patterns["writes_author"]
# A byline is a short line: "By A and B, CNN", not a sentence that starts with "By 2020".
BYLINE_WORDS = 25
# What comes between "by" and an author's name in a longer byline: other authors' names.
BYLINE_NAMES = re.compile(r"\s*(?:(?:[A-Z][\w.'’-]*\s+){1,4}(?:and|&|,)\s*)*")


# A desk or outlet line between an author's name and the time filed: "BBC Russian".
BYLINE_DESK_WORDS = 4
# When a page says an article was filed: "17 February 2021, 13:29", "May 3, 2024", "03.05.2024".
# A weekday may open it and a clock time with its zone close it: "Wed 28 Jan 2026 17.40 GMT",
# "October 23, 2025 2:15PM EDT", "May 3, 2024 at 7:40 a.m. EDT", "3 March 2026 • 1:45pm",
# "Wednesday 4 March 2026 11:29, UK".
FILED = re.compile(r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
                   r"(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|"
                   r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"
                   r"(?:(?:,?\s+|\s*[|·•–—-]\s*)(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?"
                   r"(?:,?\s*[A-Z]{2,4})?)?")
# A line holding only a name and when it was filed: "A B 17 February 2021, 13:29".
DATED_BYLINE = re.compile(r"\s*(?:[A-Z][\w'’.-]+\s+){1,3}?[A-Z][\w'’.-]+\s*[,|·•–—-]?\s*"
                          + FILED.pattern + r"\s*$")
# The lines between an author's name and the time filed: her desk, post, town, outlet.
BYLINE_LINES = 4
# A name under the time filed is the author's only among the page's first lines (a headline,
# a standfirst, the time).
BYLINE_HEAD_LINES = 4
# "5 hours ago", "Updated 2 days ago", and the reading time a page puts beside the time filed
# ("Mar 3, 2026 · 4 min read") or alone ("3 min read").
_AGO = r"\d{1,2}\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago"
_READ = r"\d{1,2}\s*(?:-\s*)?min(?:ute)?s?\s+read"
# The clock first or the date in ISO form: "14:20, 3 March 2026", "2026-03-03 14:20".
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?"
_OTHER_FILED = (rf"{_CLOCK}\s*[,|·•–—-]?\s*{FILED.pattern}|"
                rf"\d{{4}}-\d{{2}}-\d{{2}}(?:[ T,]+{_CLOCK})?")
FILED_LINE = re.compile(r"(?:(?:published|updated|posted|last\s+updated|date)\s*:?\s*(?:on\s+)?)?"
                        rf"(?:{FILED.pattern}|{_AGO}|{_OTHER_FILED})(?:\s*[|·•–—-]\s*{_READ})?|"
                        rf"{_READ}", re.I)
# "Max Hollis in Riga and Petra Lind in Berlin", "Tom Brandt, Vilnius": authors and their towns.
_AUTHOR = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_TOWN = r"(?:,\s*|\s+in\s+)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?"
AUTHOR_LINE = re.compile(rf"\s*{_AUTHOR}(?:{_TOWN})?(?:\s*(?:,|and|&)\s*{_AUTHOR}(?:{_TOWN})?)*\s*")
# "Tom Brandt | Rudaw", "Tom Brandt / RFE/RL": an author and the outlet, on a line alone.
PIPE_BYLINE = re.compile(rf"\s*{_AUTHOR}\s*[|/]\s*[A-Z][\w'’./-]*(?:\s+[A-Z][\w'’./-]*){{0,3}}\s*")
# At the page's head the author and the outlet or town may stand apart by a dot or a dash too:
# "Tom Brandt · Vilnius", "Tom Brandt — Eastbound Review".
HEAD_BYLINE = re.compile(rf"\s*{_AUTHOR}\s*[|/·•—–]\s*[A-Z][\w'’./-]*"
                         rf"(?:\s+[A-Z][\w'’./-]*){{0,3}}\s*")
# The time filed, then the author: "3 March 2026 | Tom Brandt".
FILED_BYLINE = re.compile(rf"\s*(?:{FILED.pattern}|{_OTHER_FILED})\s*[|·•–—-]\s*{_AUTHOR}\s*")
# A line holding only an account's handle: "@tombrandt" under the author's name.
HANDLE_LINE = re.compile(r"\s*@\w{2,}\s*")
# The head of a column or a comment, with its author: "Opinion | Tom Brandt".
COLUMN_BYLINE = re.compile(rf"\s*(?:opinion|analysis|comment|commentary|column|essay|perspective|"
                           rf"op-ed|blog)\s*[|:—–-]\s*{_AUTHOR}\s*", re.I)
# Who to call for more: "For more information, please contact: A (+41 ...)", "Media contacts".
CONTACT_CUE = re.compile(r"\bfor\s+(?:more|further)\s+information\b.*\bcontact\b|"
                         r"\b(?:media|press)\s+(?:contacts?|enquiries|inquiries)\b", re.I)
CONTACT_DETAILS = re.compile(r"\+?\d[\d ()./-]{6,}\d|[\w.-]+@[\w-]+\.\w|\s@\w{2,}")
# How far above a contact line its cue may stand.
CONTACT_LINES = 3
# A field line of a note's header ("Spokesperson: A", "Location: Geneva") and its date field.
HEADER_FIELD = re.compile(r"\s*[A-Z][\w ,'’-]{2,80}:\s+\S.*")
HEADER_DATE = re.compile(r"\s*(?:date|location|place|subject)\s*:\s+\S", re.I)
# A menu's items are words, not sentences: "Nagorno Karabakh", "Central Asia".
MENU_WORDS = 3
# The line under an author's name that says her post: "Senior Researcher, Europe and Central
# Asia Division" (a role noun or a word of a newsroom, no full stop).
BYLINE_POST_WORDS = 12
NEWSROOM_WORDS = RULES.words("newsroom_words")
# The closing line of the authors and where each wrote from: "A reported from Washington and B
# from Istanbul.", "C contributed reporting from Kyiv.", "D contributed to this report."
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_PLACE = r"[A-Z][\w'’.-]*(?:,?\s+[A-Z][\w'’.-]*){0,2}"
CONTRIBUTORS = re.compile(
    rf"\s*(?i:editor['’]s\s+note\s*:\s*)?"  # "Editor's note: D contributed to this report."
    rf"{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*\s+(?:reported\s+from\s+{_PLACE}|contributed"
    rf"(?:\s+reporting)?(?:\s+from\s+{_PLACE})?(?:\s+to\s+this\s+(?:report|article|story))?)"
    rf"(?:\s*(?:,|;|and)\s*(?:and\s+)?{_NAME}\s+(?:(?:reported|contributed\s+reporting)\s+)?"
    rf"from\s+{_PLACE})*\s*\.?\s*")
# The fields of a page's head on one line, the time filed among them: "Local | A | 22 Jan 2026
# 4:05 PM", "Press Releases | PLENARY SESSION | 26-11-2026 - 13:18".
FIELD_BREAK = re.compile(r"\s+\|\s+")
# A wire's or a paper's dateline opening a paragraph: "Addis Abeba – Police detained ...".
DATELINE_DASH = re.compile(r"\s+[–—]\s+\S|\s+-\s+[A-Z]")
# An author's name and her town closing the page: "Olena Koval, Kharkiv".
SIGN_OFF = re.compile(rf"\s*{_AUTHOR},\s*([A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+)?)\s*")
# A line of the page's tags or topics: "Tags: Belarus, political prisoners, Jane Harwood".
TAGS_LINE = re.compile(r"\s*(?:tags?|topics?|keywords?|filed\s+under)\s*[:|]", re.I)
# "[A B/Al Jazeera]", "(A B/Mada Masr)": a name, a slash and an outlet closing its brackets.
SLASH_CREDIT = re.compile(r"\s*/\s*[A-Z][\w.'’ -]*(?:/[\w.'’ -]+)*[\])]")


def in_furniture(span: Span) -> bool:
    """A name in a byline ("By A and B, CNN") or a photo credit ("(AP Photo/A)", "[File:
    A/AFP]", "A/AFP via Getty Images") names no person of the report."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start: end if end >= 0 else len(text)]
    if BYLINE.match(line) and (len(line.split()) <= BYLINE_WORDS or BYLINE_NAMES.fullmatch(
            text[start: span.start_char][BYLINE.match(line).end():])):
        return True  # "By A and B, CNN"; "by A and B and C and D and the news desk ..."
    before = text[start: span.start_char]
    if OUTLET_CALL.search(before) or WRITES_AUTHOR.search(before) and not line[
            span.end_char - start:].strip():
        return True  # "Subscribe to Vot Tak on Telegram"; "..., writes Hanna Lowry" (her line)
    if any(BYLINE_NAMES.fullmatch(before[m.end():]) for m in CREDIT_IN_LINE.finditer(before)) \
            or CREDIT_IN_LINE.match(text[span.start_char: span.end_char + 4]):
        return True  # "(Reporting by A in Kyiv; Editing by B)", "Translation by A.", and
        # "Story" of "Story by the news desk" names nobody
    if author_line(text, start, end, span):
        return True
    fields = FIELD_BREAK.split(line.strip())
    if len(fields) >= 3 and any(filed(f) for f in fields):
        return True  # "Local | A | 22 Jan 2026 4:05 PM"
    if not before.strip() and DATELINE_DASH.match(line, span.end_char - start) and \
            not any(known_given(t) for t in span):
        return True  # "Addis Abeba – Police detained ..."
    sign_off = SIGN_OFF.fullmatch(line)
    if sign_off and not text[start + sign_off.end():].strip() and \
            fold(sign_off.group(1)) in places():
        return True  # "Olena Koval, Kharkiv" closing the page
    if CONTRIBUTORS.fullmatch(line) or TAGS_LINE.match(line):
        return True  # "A reported from Washington and B from Istanbul."; "Tags: A, Belarus"
    if in_menu(text, start, end, span) or in_header_fields(text, start, end, span):
        return True
    if COLUMN_BYLINE.fullmatch(line) or in_contacts(text, start, span):
        return True  # "Opinion | A"; "For more information, please contact: A (+41 ...)"
    opener = max(text.rfind("(", start, span.start_char), text.rfind("[", start, span.start_char))
    # the brackets closed on the name's line: a credit lines below ("(Photo: A/AFP)") is no
    # credit of a name after "ISTANBUL (Reuters) -"
    line_end = end if end >= 0 else len(text)
    if opener >= 0:
        closer = min((i for i in (text.find(")", span.end_char, line_end),
                                  text.find("]", span.end_char, line_end)) if i >= 0),
                     default=line_end)
        if CREDIT.search(text[opener: closer + 1]):
            return True  # "(AP Photo/Pavel Bednyakov)", "[File: Khaled Desouki/AFP]"
    if opener >= 0 and not text[opener + 1: span.start_char].strip() and (SLASH_CREDIT.match(
            text, span.end_char, line_end) or CREDIT_BEFORE.match(text[span.end_char: line_end])):
        return True  # "[Nadia Kamel/Al Jazeera]": whatever the outlet; "(Ming Pao photo)"
    return bool(CREDIT.match(text[span.end_char: span.end_char + 12]))  # "A/AFP via Getty"


def author_line(text: str, start: int, end: int, span: Span) -> bool:
    """The line of the page's authors near the time filed: "Anna Orlova 3 March 2022, 10:15";
    "Anna Orlova" above her desk, post or town and the time ("BBC Russian", "Senior Researcher,
    Europe Division", "Belgrade / BIRN / March 3, 2026 / 09:45") or below the time at the page's
    head; "A in Riga and B in Berlin", "A, Vilnius" so; "A | Rudaw" alone."""
    line = text[start: end if end >= 0 else len(text)]
    first = not text[start: span.start_char].strip()
    alone = first and not line[span.end_char - start:].strip()
    head = [x.strip() for x in text[:start].split("\n") if x.strip()]
    at_head = 0 < len(head) <= BYLINE_HEAD_LINES
    if first and DATED_BYLINE.match(line) or first and PIPE_BYLINE.fullmatch(line) or \
            at_head and first and HEAD_BYLINE.fullmatch(line) or FILED_BYLINE.fullmatch(line):
        return True
    if not alone and not AUTHOR_LINE.fullmatch(line) or end < 0 and not alone:
        return False
    below = [x.strip() for x in text[end + 1: end + 300].split("\n") if x.strip()][
        :BYLINE_LINES] if end >= 0 else []
    if alone and below and HANDLE_LINE.fullmatch(below[0]):
        return True  # "Tom Brandt" over "@tombrandt"
    if alone and at_head and below and len(below[0].split()) <= BYLINE_DESK_WORDS and \
            byline_post(below[0]):
        return True  # "Tom Brandt" over "Staff writer" under the headline
    for x in below:
        if filed(x):
            return True
        if len(x.split()) > BYLINE_DESK_WORDS and not byline_post(x) and \
                not HANDLE_LINE.fullmatch(x):
            break
    return at_head and filed(head[-1])


def in_menu(text: str, start: int, end: int, span: Span) -> bool:
    """ "Abkhazia / Nagorno Karabakh / South Ossetia": a name alone on its line between two
    short lines, one of them a known place alone, is an item of a page's menu of places."""
    line = text[start: end if end >= 0 else len(text)]
    if end < 0 or start < 2 or line.strip() != span.text:
        return False
    above = text[text.rfind("\n", 0, start - 1) + 1: start - 1].strip()
    below_end = text.find("\n", end + 1)
    below = text[end + 1: below_end if below_end >= 0 else len(text)].strip()
    neighbours = (above, below)
    return all(x and len(x.split()) <= MENU_WORDS and x[-1] not in ".:!?" for x in neighbours) \
        and any(fold(x) in places() for x in neighbours)


def in_header_fields(text: str, start: int, end: int, span: Span) -> bool:
    """ "Spokesperson for the High Commissioner: Elena Dorfman / Location: Geneva / Date: 6 March
    2026": a name closing a field line among the fields of a note's header is its sender."""
    line = text[start: end if end >= 0 else len(text)]
    if not HEADER_FIELD.fullmatch(line) or line[span.end_char - start:].strip():
        return False
    near = text[max(0, start - 200): end + 200 if end >= 0 else len(text)].split("\n")
    return any(HEADER_DATE.match(x) for x in near)


def in_contacts(text: str, start: int, span: Span) -> bool:
    """ "For more information, please contact: A (+41 22 917 0000 / a@example.org)", "Media
    contacts" over "B, +44 20 ...": whom a page gives to call is no person of the report."""
    if CONTACT_CUE.search(text, start, span.start_char):
        return True
    end = text.find("\n", span.end_char)
    after = text.find("\n", end + 1) if end >= 0 else -1
    lines = text[start: (after if after >= 0 else len(text)) if end >= 0 else len(text)]
    if not CONTACT_DETAILS.search(lines):  # the name's line or the next: "A\n+44 20 ..."
        return False
    above = text[:start].rstrip("\n").split("\n")[-CONTACT_LINES:]
    return any(CONTACT_CUE.search(x) for x in above)


def filed(line: str) -> bool:
    """ "May 3, 2024", "Published On 26 Aug 2026", "Updated March 3, 2026 at 7:40 a.m. EST"."""
    return bool(FILED_LINE.fullmatch(line))


def byline_post(line: str) -> bool:
    """ "Senior Researcher, Europe and Central Asia Division", "Moscow correspondent": a short
    line without a full stop that names a post."""
    words = [w.strip(",.;:()").lower() for w in line.split()]
    return len(words) <= BYLINE_POST_WORDS and not line.endswith(".") and any(
        w in ROLE_FORMS or w in NEWSROOM_WORDS for w in words)


def name_tokens(tokens: list[str]) -> list[str]:
    """Folded name tokens with hyphenated parts joined and initials ("A.", "T.") dropped."""
    joined: list[str] = []
    for token in tokens:
        if token == "-" and joined:
            joined[-1] += "-"
        elif joined and joined[-1].endswith("-"):
            joined[-1] += token
        else:
            joined.append(token)
    joined = [t for t in joined if any(c.isalnum() for c in t)]  # no quotes of a nickname
    # "Ramil Aliyev Jr.": a generation is no part of the surname
    joined = [t for t in joined if t.rstrip(".") not in GENERATIONS] or joined
    return [t for t in joined if not INITIAL.fullmatch(t)] or joined


def generation(name: Span) -> str | None:
    """ "jr" of "Manukian Jr.", "sr" of "Manukian Sr.", else None."""
    last = fold(name[-1].text) if name[-1].text != "." or len(name) < 2 else fold(name[-2].text)
    return GENERATIONS.get(last.rstrip("."))


def name_length(name: Span) -> int:
    """Tokens of a name, its generation word and that word's full stop not counted: "Manukian
    Jr." is as long as "Manukian"."""
    return len(name) - (generation(name) is not None) * (1 + (name[-1].text == "."))


# "A.", "T", and the Russian two-letter initials "Ye.", "Yu.", "Zh."
INITIAL = re.compile(r"\w\.?|(?:ye|yu|ya|yo|zh|sh|ch|kh|ts)\.?")


def surname_of(tokens: list[str]) -> str:
    """The surname of a folded name: the last token, or the first in "Aliev Muslim Nuriyevich"
    and in "Ermekova A. T."."""
    full = tokens
    tokens = name_tokens(tokens)
    if len(tokens) >= 2 and tokens[-1] in PATRONYMIC_WORDS:
        # "Makhabat Tazhibek kyzy": the father's name is what she is called by ("Tazhibek
        # kyzy"); "Mammadov Ilgar Eldar oglu", written surname first, keeps the first word
        tokens = tokens[:-1]
        return tokens[0] if len(tokens) >= 3 else tokens[-1]
    if len(tokens) >= 3 and PATRONYMIC.search(tokens[-1]):
        return tokens[0]
    if len(tokens) == 1 and len(full) > 1:
        return tokens[0]
    return tokens[-1] if tokens else ""


def one_given_name(a: str, b: str) -> bool:
    """ "Yevgenia" and "Evgenia", "Mykola" and "Nikolai": one given name, strictly; and a
    diminutive that both sexes use with a woman's form of its name ("Sasha" and "Aleksandra",
    "Zhenya" and "Yevgenia")."""
    ka, kb = names.skeleton(a), names.skeleton(b)
    if ka == kb or ka in names.GIVEN_FORMS and names.GIVEN_FORMS[ka] == names.GIVEN_FORMS.get(kb):
        return True
    if kb in names.UNISEX:
        ka, kb = kb, ka
    return ka in names.UNISEX and kb.endswith("a") and kb not in names.GIVEN_FORMS and \
        names.GIVEN_FORMS.get(kb[:-1], "") == names.GIVEN_FORMS[ka]


def same_given_name(a: str, b: str) -> bool:
    """ "Mykola" and "Nikolai", "Paviel" and "Pavel": one given name (``resolve.lexicon``), or
    one spelt two ways; an initial stands for any name with its letter. "Aziz" and "Asan
    Akhtemov" are brothers, not one man."""
    if min(len(a.rstrip(".")), len(b.rstrip("."))) <= 1:
        return a[0] == b[0]
    if one_given_name(a, b):
        return True
    ka, kb = names.skeleton(a), names.skeleton(b)
    return ka[:1] == kb[:1] and DamerauLevenshtein.normalized_similarity(ka, kb) >= \
        SURNAME_SIMILARITY


def without_particle(surname: str) -> str:
    """A hyphenated surname without its leading particle: "el-baqer" -> "baqer"."""
    particle, dash, rest = surname.partition("-")
    return rest if dash and rest and particle in NAME_PARTICLES else surname


def similar_surname(a: str, b: str) -> bool:
    """One surname spelt two ways: equal skeletons, or one or two edits apart ("Chyigoz" /
    "Chiygoz", "Hrytsenko" / "Gritsenko"), but never a man's and a woman's form."""
    if a == b or without_particle(a) == without_particle(b):
        return True  # "Baqer" is "El-Baqer", "Sisi" is "el-Sisi"
    ka, kb = names.skeleton(a), names.skeleton(b)
    if min(len(a), len(b)) < MIN_FUZZY_LENGTH and ka != kb:
        return False  # (a short one spelt two ways, "Duma" and "Douma", is still one)
    if ka != kb:
        # Ukrainian and Belarusian h stands for Russian g: the first letters may differ only so.
        # Azerbaijani Q is the G of English spellings ("Qasimli", "Gasimli").
        if ka[:1].lower().replace("h", "g") != kb[:1].lower().replace("h", "g") and \
                {a[:1], b[:1]} != {"q", "g"}:
            return False
        if DamerauLevenshtein.normalized_similarity(ka, kb) < SURNAME_SIMILARITY:
            return False
    # alike in spelling (asked last, being the dearest): not a man's and a woman's form
    return not names.gendered_pair(a, b)


def is_name_token(token: Token) -> bool:
    text = token.text
    if text == "-" and not token.whitespace_ and token.i > 0 and \
            not token.doc[token.i - 1].whitespace_ and token.i + 1 < len(token.doc) and \
            token.doc[token.i + 1].text[:1].isupper():
        return True  # "Kara-Murza"
    if re.fullmatch(r"[A-Z][a-z]?\.?", text) and token.i > 0 and \
            token.doc[token.i - 1].text[:1].isupper() and (text.endswith(".") or (
                token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ".")):
        return True  # "Zhaksybekov N. S.", "Lopatina Ye."
    folded = fold(text)
    if folded in NAME_PARTICLES:
        return True
    # not a title, a demonym, nor a plural role noun ("[Students] Ankara": a group)
    return (text[:1].isupper() and (token.is_alpha or "-" in text or INNER_APOSTROPHE.fullmatch(
        text))) and folded not in TITLES and folded not in NOT_NAME_WORDS and \
        folded not in ROLE_PLURALS


# "Chin'ono", "Ma'mun", "Sa'id": an apostrophe between letters, inside one word of a name
INNER_APOSTROPHE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")


def is_org_or_place(text: str) -> bool:
    folded = fold(text)
    if folded in places() or folded in orgs():
        return True
    if " " not in folded and len(folded) >= MIN_FUZZY_LENGTH:
        return any(o[:1] == folded[:1] and
                   Levenshtein.normalized_similarity(folded, o) >= ORG_SIMILARITY
                   for o in orgs())
    return False


MAX_ABBREVIATION = 4


def nickname_quote(token: Token) -> bool:
    """A quote mark around one capitalised word inside a name: Mohamed "Oxygen" Ibrahim."""
    doc = token.doc
    if not token.is_quote:
        return False
    inner = doc[token.i + 1] if token.i + 2 < len(doc) and doc[token.i + 2].is_quote else \
        doc[token.i - 1] if token.i >= 2 and doc[token.i - 2].is_quote else None
    return inner is not None and inner.text[:1].isupper() and inner.is_alpha


def nickname_forms(span: Span) -> list[str]:
    """The short forms of a name with a nickname: "Mohamed Ibrahim", "Mohamed Oxygen"."""
    quotes = [t.i for t in span if t.is_quote]
    if len(quotes) != 2 or quotes[1] != quotes[0] + 2:
        return []
    words = [t.text for t in span if not t.is_quote]
    nickname = span.doc[quotes[0] + 1].text
    plain = [w for w in words if w != nickname]
    return [" ".join(plain), " ".join([plain[0], nickname])] if plain else []


def clean_name(span: Span) -> list[Span]:
    """Strip titles and group words from a PERSON entity; split "A and B" into two names."""
    parts: list[list[Token]] = [[]]
    for token in span:
        if token.lower_ in ("and", "&") or token.text == ",":
            parts.append([])
        elif token.text in ("'s", "’s", "'", "’"):
            break
        else:
            parts[-1].append(token)
    names = []
    for tokens in parts:
        while tokens and not is_name_token(tokens[0]) or len(tokens) > 2 and \
                fold(tokens[0].text) in OPENING_ROLES or len(tokens) > 1 and calls_reader(
                    tokens[0]):
            tokens = tokens[1:]  # "Videographer Ko Thet Paing Oo" opening a sentence
        while tokens and (not is_name_token(tokens[-1]) or fold(tokens[-1].text) in NAME_PARTICLES):
            tokens = tokens[:-1]
        if tokens and all(is_name_token(t) or nickname_quote(t) for t in tokens):
            names.append(span.doc[tokens[0].i: tokens[-1].i + 1])
    # "RL" of "RFE/RL", "OMON": an abbreviation alone names a body, not a person
    return [n for n in names if (not is_org_or_place(n.text) or given_not_place(n)) and
            len(n.text) > 1 and not (len(n) == 1 and n.text.isupper() and
                                     len(n.text) <= MAX_ABBREVIATION)]


CALL_VERBS = RULES.words("call_verbs")


def calls_reader(token: Token) -> bool:
    """ "Take action: Tell Kazakhstan to stop deporting critics", "Free Nabeel Rajab": a verb
    of a page's call to act, opening its clause, is no word of the name after it."""
    doc = token.doc
    return token.lower_ in CALL_VERBS and token.text[:1].isupper() and (
        token.i == token.sent.start or doc[token.i - 1].is_space or
        doc[token.i - 1].text in (":", "-", "–", "—", "\n"))


def given_not_place(name: Span) -> bool:
    """ "his wife Anna": a given name the model calls a person is one, though a town bears it,
    unless a preposition of place governs it ("in Anna")."""
    return len(name) == 1 and known_given(name[0]) and not syntax.is_prep_object(name.root) \
        and fold(name.text) not in orgs()


# Words before a name that say a person follows: "his wife Natallia Pinchuk", "ombudsperson X".
ROLE_NOUNS = TITLES | RULES.words("role_nouns")
# The role nouns that may open a sentence before a name the model takes them into; not those
# that are also surnames ("Son", "Trade").
OPENING_ROLES = RULES.words("role_nouns") - {"son", "trade", "partner", "friend"}


def plural(noun: str) -> str:
    """ "journalist" -> "journalists", "witness" -> "witnesses", "wife" -> "wives",
    "cameraman" -> "cameramen"."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("fe"):
        return noun[:-2] + "ves"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")


# A role noun before a name, singular or plural: "journalists Fatih Yilmaz and Elif Kaya".
ROLE_PLURALS = frozenset(plural(w) for w in ROLE_NOUNS if w.isalpha() and len(w) > 3 and
                         not (w.endswith("s") and w[:-1] in ROLE_NOUNS)) - ROLE_NOUNS
ROLE_FORMS = ROLE_NOUNS | ROLE_PLURALS
KIN_NOUNS = RULES.words("kin_nouns")
KIN_FORMS = KIN_NOUNS | {plural(w) for w in KIN_NOUNS}
SURNAME_ENDINGS = tuple(RULES.lists["surname_endings"])
ORG_WORDS = RULES.words("org_words")


KIN_NOUNS = RULES.words("kin_nouns")
POSSESSIVES = frozenset({"his", "her", "their", "my", "our"})


def kin_named(span: Span) -> bool:
    """ "his sister Patimat", "her mother Halina": one capitalised word right after a
    relative of someone ("his", "her"), a name whether the model knows it or not; or set off
    by commas after the relative of a possessive or of a named person ("His daughter, Yelena,
    said", "Rustamov's younger brother, Bakhtiyor, was detained")."""
    doc = span.doc
    if not span[0].is_title or span.start < 2:
        return False
    if doc[span.start - 1].text == ",":
        return kin_apposition(span)
    return doc[span.start - 1].lower_ in KIN_NOUNS and \
        doc[span.start - 2].lower_ in POSSESSIVES and (
            span.end == len(doc) or not doc[span.end].is_title or doc[span.end].is_sent_start)


# Words that may stand between a possessive and a relative: "his younger brother", "her late
# husband".
KIN_ADJECTIVES = frozenset({"younger", "older", "elder", "eldest", "youngest", "late", "own",
                            "only", "adult", "teenage", "little", "big", "former"})


def kin_apposition(span: Span) -> bool:
    """ "Rustamov's mother, Tamara, said", "Al-Mutairi's younger brother, Turki, was
    detained": a named person's relative, named between commas. (Not after "his", "her": see
    docs/extraction.md, round 13.)"""
    doc = span.doc
    if span.start < 3 or doc[span.start - 2].lower_ not in KIN_NOUNS or span.end < len(doc) and \
            doc[span.end].text not in (",", ".", ";"):
        return False
    i = span.start - 3
    while i >= 0 and doc[i].lower_ in KIN_ADJECTIVES:
        i -= 1
    return i > 0 and doc[i].text in ("'s", "’s") and doc[i - 1].text[:1].isupper()


def title_word(token: Token) -> bool:
    """A capitalised common noun of a post's or a body's name ("Commissioner", "Human",
    "Rights", "Affairs"), not a known given name."""
    return token.text[:1].isupper() and not known_given(token) and (
        common_noun(token) or token.lower_ in ROLE_FORMS)


def after_title_words(doc: Doc, i: int, taken: set[int]) -> int:
    """ "Commissioner for Human Rights Dmytro Lubinets", "the Supreme Court Ivan Petrov": where
    capitalised common nouns of a title or a body run on into a known given name and another
    capitalised word, the name starts at the given name."""
    j = i
    while j < len(doc) and j not in taken and title_word(doc[j]) and doc[j].pos_ == "PROPN":
        j += 1
    if j == i or j + 1 >= len(doc) or j in taken or not known_given(doc[j]) or \
            doc[j + 1].pos_ != "PROPN" or not is_name_token(doc[j + 1]) or j + 1 in taken:
        return i
    return j


def role_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Names the model tagged as places or organisations, or missed: two or three capitalised
    words after a role noun ("his lawyer Yevgenia Rybakova") or ending like a surname."""
    found = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.i in taken or token.pos_ != "PROPN" and not known_given(token) or \
                not is_name_token(token) or token.ent_type_ in ("PERSON", "DATE") or \
                token.ent_type_ == "NORP" and not opens_a_name(token) and not (
                    i > 0 and doc[i - 1].lower_ in ROLE_FORMS and i + 1 < len(doc) and
                    doc[i + 1].pos_ == "PROPN" and is_name_token(doc[i + 1])) and not (
                    kin_named(doc[i: i + 1])) or \
                token.lower_ in ROLE_FORMS:  # "Cameraman Tural Hasanov": the role is no name
            i += 1
            continue
        i = after_title_words(doc, i, taken)
        end = i
        while end + 1 < len(doc) and end + 1 - i < 3 and doc[end + 1].pos_ == "PROPN" and \
                is_name_token(doc[end + 1]) and doc[end + 1].i not in taken:
            end += 1
        span = doc[i: end + 1]
        i = end + 1
        # "Anatoly Gubkin": a known given name first makes a name of it, whatever town
        # shares the surname; so does a given name of another language, or a family name that
        # comes first ("Hakan Yilmaz", "Pham Doan Trang"), when the name ends there
        given_first = names.skeleton(fold(span[0].text)) in names.GIVEN_FORMS or \
            opens_a_name(span[0]) and ends_a_name(span)
        previous = doc[span.start - 1] if span.start > 0 else None
        after_role = previous is not None and previous.lower_ in ROLE_FORMS or \
            span.root.dep_ == "appos" and span.root.head.lower_ in ROLE_FORMS or any(
                c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS and c.i > span.end
                for c in span.root.children)  # "Nasrin Sotoudeh, a lawyer who ..."
        # after a plural ("Journalists Associated Press ..."), not the model's organisation
        if after_role and not given_first and (previous is None or previous.lower_ not in
                                               ROLE_NOUNS) and span[-1].ent_type_ == "ORG":
            after_role = span.root.dep_ == "appos" and span.root.head.lower_ in ROLE_NOUNS
        if len(span) == 1 and kin_named(span) and not is_org_or_place(span.text):
            found.append(span)  # "according to his sister Patimat": a relative's given name
            continue
        # a word of the name like a body's name ("Tural" like "Turan") does not outweigh a
        # role noun before the name or a known given name in it
        if len(span) < 2 or any(fold(t.text) in NAME_ENDS_A_BODY for t in span) or \
                is_org_or_place(span.text) or not given_first and not after_role and any(
                    is_org_or_place(t.text) for t in span):
            continue
        # "the UN Special Rapporteur on ..., Nils Muižnieks,"
        surname_like = fold(span[-1].text).endswith(SURNAME_ENDINGS)
        if after_role or given_first and span[-1].pos_ == "PROPN" or surname_like and \
                span[-1].dep_ in ("appos", "nsubj", "nsubjpass", "pobj", "dobj", "dative",
                                  "conj", "attr"):
            found.append(span)
    return found


# The events whose verb takes a person as its object ("detained X") or passive subject ("X was
# convicted"): what stands there, capitalised, is a person whatever the model labelled it.
PERSON_EVENTS = frozenset({"arrest", "release", "sentence", "abduction", "charge", "trial",
                           "conviction", "acquittal", "ill_treatment"})
PERSON_VERBS = frozenset(lemma for lemma, etype in RULES.trigger_table("VERB").items()
                         if etype in PERSON_EVENTS) - RULES.words("object_not_person_verbs")
PERSON_ONLY_VERBS = RULES.words("person_only_verbs")
# The nouns of those events whose "of" names the person: "the arrest of X", "the trial of X".
PERSON_NOUNS = frozenset(lemma for lemma, etype in RULES.trigger_table("NOUN").items()
                         if etype in PERSON_EVENTS) - RULES.words("object_not_person_verbs") - \
    RULES.words("grant_nouns")
PERSON_ONLY = PERSON_ONLY_VERBS | RULES.words("person_only_nouns")
PEOPLE_NOUNS = RULES.words("people_nouns") | RULES.words("plural_nouns")
# The model's labels that may stand on a name in an argument position ("[Murat Demir]" an
# organisation, "[Demir to two years]" a date); a place or nationality only on part of it.
ARGUMENT_LABELS = frozenset({"", "ORG", "DATE", "CARDINAL", "WORK_OF_ART", "PRODUCT"})
# The model's places and buildings that a whole name may be read as where only a person fits.
MISREAD_PLACES = frozenset({"LOC", "FAC"})


def argument_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Two or three capitalised words the model did not call a person, in a place only a person
    fills: the object of an active verb of custody or trial or the subject of a passive one
    ("The court sentenced Baran Keskin to two years", "Tuan Minh was detained"), or the head of
    a list that goes on with a group ("Kaan Ertas and four other lawyers")."""
    found = []
    # the proper nouns read from spaCy's column; the cheap tests of place first
    for i in numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist():
        if i in taken:
            continue
        token = doc[i]
        head = token.head
        argument = head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in PERSON_VERBS and (
            syntax.is_direct_object(token) and not syntax.is_passive(head) or
            syntax.is_passive_subject(token))
        # "ordered the arrest of Furkan Karabay": the noun of such an event, with "of"
        if not argument and syntax.is_prep_object(token) and head.lower_ == "of" and \
                head.head.pos_ == "NOUN" and head.head.lemma_.lower() in PERSON_NOUNS:
            argument, head = True, head.head
        # "Afgan Sadigov's wife": whose relative someone is, is a person
        kin = not argument and token.dep_ == "poss" and head.lower_ in KIN_FORMS
        # two or three proper nouns the model left unlabelled where persons are usual: who
        # speaks ("Arash Sadeghi said"), whose family, friends or lawyer ("the family of X")
        unlabelled = not argument and not kin and token.ent_type_ == "" and (
            token.dep_ == "nsubj" and head.lemma_ in REPORTING_VERBS or
            syntax.is_prep_object(token) and head.lower_ in ("of", "for") and
            head.head.lower_ in PEOPLE_AROUND)
        with_group = any(
            syntax.is_conjunct(c) and c.pos_ == "NOUN" and c.lower_ in PEOPLE_NOUNS and any(
                m.lower_ == "other" or m.like_num for m in c.children) for c in token.children)
        if not argument and not with_group and not kin and not unlabelled or not (
                is_name_token(token) or last_syllable(token)):
            continue
        # a verb or noun only persons undergo ("detained", "the arrest of"): the model's
        # place or building of a whole name there is a name too ("detained [Fatih Yilmaz]")
        person_only = argument and (head.lemma_.lower() in PERSON_ONLY or freed_from_custody(
            head)) or kin
        misread = MISREAD_PLACES if person_only else frozenset()
        span = name_before(token)
        if span is None or taken.intersection(range(span.start, span.end)):
            continue
        if person_only and not span[-1].lower_.endswith("s"):
            misread = misread | {"NORP"}  # "[Sepideh Gholian] was arrested"; not a group
            # ("Shia Muslims")
        words = [t for t in span if t.text != "-" and t.text[:1].isupper()]
        # where only a person fits, a town's name that opens two words is a given name too
        # ("the detention of [Fatih] Yilmaz", "Sinan")
        placed = words[1:] if person_only and len(words) == 2 else words
        labels = {t.ent_type_ for t in span}
        whole = entity_at(span[0])
        opener = known_given(span[0]) or opens_a_name(span[0])
        before = doc[span.start - 1] if span.start > span.sent.start else None
        if unlabelled and (labels != {""} or span.start > 0 and doc[span.start - 1].pos_ == "DET"
                           or len(span) > 2 and token.dep_ == "nsubj"):
            continue  # "the Voluntad Popular": a name with an article is no person's; nor a
            # speaker of three words the model knows nothing of ("Press Freedom Index said")
        if not 2 <= len(words) <= 3 or not labels <= ARGUMENT_LABELS | {"GPE", "NORP"} | \
                misread or any(t.lower_ in BODY_WORDS for t in span) or \
                is_org_or_place(span.text) or names_a_place(span) or \
                labels - ARGUMENT_LABELS - misread and whole is not None and (
                    whole.start, whole.end) == (span.start, span.end) or not opener and any(
                    is_org_or_place(t.text) for t in placed) or before is not None and \
                before.text[:1].isupper() and before.is_alpha and before.i != span.sent.start:
            continue  # "[Human] Rights Watch": the end of a longer name is no name
        # the model's organisation is a person only with more to say so: a verb only persons
        # take, a given name first, a surname's ending, or a group after it ("Kaan Ertas and
        # four other lawyers"); "charged Meta Platforms" names a company
        if "ORG" in labels and not (
                person_only or opener or with_group
                or fold(words[-1].text).endswith(SURNAME_ENDINGS)):
            continue
        found.append(span)
    return found



# Those whose "of" or "for" names a person: "supporters of X", "the family of X", "lawyers for X".
# Not the titles ("leader of", "member of", "head of" name bodies), nor supporters (of a party).
AROUND_NOUNS = RULES.words("person_of_nouns")
PEOPLE_AROUND = KIN_FORMS | AROUND_NOUNS | {plural(w) for w in AROUND_NOUNS}
CUSTODY_WORDS = RULES.words("custody_words")
BAIL_WORDS = RULES.words("bail_words")


def freed_from_custody(verb: Token) -> bool:
    """ "released X from prison", "freed X on bail": a release out of custody frees only
    persons ("released a statement" does not)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RELEASE_VERBS:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "on"):
            for obj in prep.children:
                if syntax.is_prep_object(obj) and obj.lemma_.lower() in (
                        CUSTODY_WORDS if prep.lower_ == "from" else BAIL_WORDS):
                    return True
    return False


RELEASE_VERBS = frozenset(lemma for lemma, etype in RULES.trigger_table("VERB").items()
                          if etype == "release")


def named_before(doc: Doc, found: list[Span]) -> list[Span]:
    """ "Soulaimane Raissouni went on hunger strike. Raissouni was sentenced ...": a surname
    alone where a person is (the model's person, or the object or passive subject of a verb of
    custody or trial) makes a person of the two or three capitalised words that ended with it
    before, whatever the model labelled them; the name must end there ("Raissouni Street" does
    not) and be no known place or body."""
    taken = {t.i for n in found for t in n}
    surnames = {n[0].text for n in found if len(n) == 1}
    surnames.update(doc[i].text for i in numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist()
                    if i not in taken and person_position(doc[i]))
    if not surnames:
        return []
    added: list[Span] = []
    orth = doc.to_array(ORTH)  # where each surname stands, read from spaCy's column
    for surname in sorted(surnames):
        for i in numpy.flatnonzero(orth == doc.vocab.strings[surname]).tolist():
            token = doc[i]
            if i in taken or i == 0 or i - 1 in taken or not doc[i - 1].text[:1].isupper():
                continue
            span = name_before(token)
            if span is None or len(span) < 2:
                continue
            words = [t for t in span if t.text != "-" and t.text[:1].isupper()]
            whole = entity_at(span[0])
            before = doc[span.start - 1] if span.start > span.sent.start else None
            if 2 <= len(words) <= 3 and ends_a_name(span) and not taken.intersection(
                    range(span.start, span.end)) and not any(
                    t.lower_ in BODY_WORDS or t.ent_type_ == "PERSON" for t in span) and \
                    not is_org_or_place(span.text) and not names_a_place(span) and not (
                    whole is not None and whole.label_ in ("GPE", "LOC", "DATE") and (
                        whole.start, whole.end) == (span.start, span.end)) and not (
                    before is not None and (before.pos_ == "DET" or before.text[:1].isupper()
                                            and before.is_alpha)):
                added.append(span)
                taken.update(range(span.start, span.end))
            break  # the first mention only
    return added


def person_position(token: Token) -> bool:
    """The object of an active verb of custody or trial, or the subject of a passive one."""
    head = token.head
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in PERSON_VERBS and (
        syntax.is_direct_object(token) and not syntax.is_passive(head) or
        syntax.is_passive_subject(token)) and token.text[:1].isupper() and token.is_alpha and \
        not any(c.dep_ in ("compound", "flat") for c in token.children)


def name_before(token: Token) -> Span | None:
    """The capitalised words that modify ``token`` right before it, with it: "Baran Keskin";
    a hyphenated given name whose last syllable is lower case ("Kwan Siu-ming") in one."""
    doc = token.doc
    start = token.i
    if token.text[:1].islower() and not last_syllable(token):
        return None
    while start > token.sent.start:
        before = doc[start - 1]
        if before.text == "-" and not before.whitespace_ and start - 2 >= token.sent.start and \
                not doc[start - 2].whitespace_:
            start -= 1
            continue
        # "Golrokh Ebrahimi Iraee": a compound may hang from the word after it
        if not start <= before.head.i <= token.i or before.dep_ not in ("compound", "flat") or \
                not is_name_token(before) or not name_pos(before) or \
                before.lower_ in ROLE_FORMS:  # "[Journalists] Hatice Kamer"
            break
        start -= 1
    end = token.i + 1
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
            not doc[end].whitespace_ and doc[end + 1].is_lower and doc[end + 1].is_alpha and \
            len(doc[end + 1]) <= MAX_SYLLABLE and doc[end + 1].lower_ not in COMPOUND_WORDS:
        end += 2  # "Kwan Siu-ming" with "Siu" the object
    return doc[start: end]


def last_syllable(token: Token) -> bool:
    """ "ming" of "Siu-ming": a short lower-case syllable joined by a hyphen to a capitalised
    word."""
    doc = token.doc
    return token.i >= 2 and token.is_lower and token.is_alpha and len(token) <= MAX_SYLLABLE \
        and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and \
        not doc[token.i - 2].whitespace_ and doc[token.i - 2].text[:1].isupper() and \
        token.lower_ not in COMPOUND_WORDS


def pair_modifier(name: Span) -> bool:
    """ "Erdoğan-Putin talks": two persons named elsewhere, joined to describe a thing."""
    words = [t.text for t in name]
    if "-" not in words:
        return False
    halves = name.text.split("-")
    data = name.doc.user_data
    if "habeas_surname_starts" not in data:  # surname -> where its names start, built once
        data["habeas_surname_starts"] = starts = {}
        for e in entities(name.doc):
            if e.label_ == "PERSON" and "-" not in e.text:
                starts.setdefault(e[-1].text, set()).add(e.start)
    starts = data["habeas_surname_starts"]
    return len(halves) == 2 and all(starts.get(h.strip(), set()) - {name.start} for h in halves)


WORLD_GIVEN = RULES.words("world_given_names")
FAMILY_FIRST = RULES.words("family_names_first")


def opens_a_name(token: Token) -> bool:
    """A capitalised word that a name of another language opens with: a given name ("Hakan",
    "Dilshod", "Reza") or a family name written first ("Pham", "Leung")."""
    return token.text[:1].isupper() and token.is_alpha and (
        fold(token.text) in WORLD_GIVEN or fold(token.text) in FAMILY_FIRST)


def ends_a_name(span: Span) -> bool:
    """No capitalised word or word of a body's or a place's name follows: "Omar Farouk" is a
    name, "Omar Farouk Street" and "Salah Eddine Al Ayoubi Mosque" are not."""
    doc = span.doc
    if span.end >= len(doc):
        return True
    after = doc[span.end]
    return not (after.text[:1].isupper() and after.is_alpha) and \
        after.lower_ not in ORG_WORDS | PLACE_NOUNS | LANDMARKS | ORG_HEADS


def known_given(token: Token) -> bool:
    """A capitalised word that is a known given name, whatever the tagger made of it ("Igor"
    read as a noun)."""
    return token.text[:1].isupper() and token.is_alpha and \
        names.skeleton(fold(token.text)) in names.GIVEN_FORMS


def extend_left(name: Span) -> Span:
    """ "Alexei" + "Gorinov": a known given name the model left out of the name after it."""
    doc = name.doc
    if name.start > 0 and known_given(doc[name.start - 1]) and \
            not known_given(doc[name.start]) and doc[name.start - 1].ent_type_ in ("", "PERSON") \
            and not is_org_or_place(doc[name.start - 1].text):
        return doc[name.start - 1: name.end]
    if len(name) == 1 and name.start > 0 and unknown_given(doc[name.start - 1], name[0]):
        return doc[name.start - 1: name.end]
    if len(name) <= 3 and name.start > 0 and doc[name.start - 1].pos_ == "AUX" and \
            name_pos(doc[name.start - 1]) and doc[name.start - 1].head.i in range(
                name.start, name.end):
        return doc[name.start - 1: name.end]  # "Do" + "Nam Trung"
    if len(name) == 3 and name[1].text == "-" and not name[0].whitespace_ and \
            not name[1].whitespace_ and name.start > 0 and \
            unknown_given(doc[name.start - 1], name[2]):
        return doc[name.start - 1: name.end]  # "Nazanin" + "Zaghari-Ratcliffe"
    if len(name) == 2 and name.start > 0 and family_first(doc[name.start - 1]) and \
            not family_first(name[0]):
        return doc[name.start - 1: name.end]  # "Vu" + "Quoc Ngu": the family name written first
    return name


def family_first(token: Token) -> bool:
    """A family name written before the given names ("Pham", "Leung"), capitalised, a proper
    noun and no place's or body's word."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha and \
        fold(token.text) in FAMILY_FIRST and token.ent_type_ in ("", "PERSON", "ORG") and \
        not (token.ent_type_ and token.ent_iob_ == "I")


def unknown_given(token: Token, surname: Token) -> bool:
    """ "Mzia" of "Mzia Amaglobeli", the model's PERSON only the surname: a capitalised proper
    noun that modifies the surname and is no title, group word, body or place, with no other
    capitalised word before it."""
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    # the model's place, body or nationality of this one word ("for [Tofig] Yagublu") is
    # no evidence against it when it is no place or body we know
    alone = token.ent_type_ in ("", "PERSON") or token.ent_type_ in MISREAD_GIVEN and \
        token.ent_iob_ == "B" and (token.i + 1 >= len(token.doc) or
                                   token.doc[token.i + 1].ent_iob_ != "I")
    return name_pos(token) and token.dep_ == "compound" and token.head == surname and \
        token.is_alpha and token.is_title and alone and \
        fold(token.text) not in TITLES and fold(token.text) not in NOT_NAME_WORDS and \
        not is_org_or_place(token.text) and not (before is not None and before.is_title and
                                                  before.i != token.sent.start and
                                                  before.lower_ not in ROLE_FORMS and
                                                  before.ent_type_ != "NORP")


# The labels the model puts on a given name alone before a surname it calls a person.
MISREAD_GIVEN = ("GPE", "ORG", "NORP")


def name_pos(token: Token) -> bool:
    """A proper noun, or a capitalised auxiliary inside a sentence ("Do Nam Trung", "Can Thi
    Theu": Vietnamese family names the tagger reads as English verbs)."""
    return token.pos_ == "PROPN" or token.pos_ == "AUX" and token.i > token.sent.start and \
        token.is_title and token.dep_ == "compound"


def compound_chain(name: Span) -> Span:
    """ "[Ma Hnin] Ei Phyu", "[Ko Min] [Wai Yan]", "[Hmu Yadanar] [Khet Moh Moh Tun]",
    "[Thet Naing] Oo": a name whose last word qualifies a capitalised word after it, through
    capitalised words that all qualify that word too, runs on to it (Burmese names, of four to
    six words and no surname, the model cuts in pieces). Not into a body's, a place's or a
    post's word, nor on a line of capitalised words (a headline: "Ivan Petrov Freed")."""
    doc = name.doc
    last = name[-1]
    head = last.head
    if last.dep_ != "compound" or head.i <= last.i:
        return name
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "Khet" of "Khet Moh Moh Tun" qualifies "Tun"
    if head.i - name.end > 5:
        return name
    for token in doc[name.end: head.i + 1]:
        if not (token.is_alpha and token.text[:1].isupper() and token.text[1:].islower()) or \
                token.ent_type_ not in ("", "PERSON") or \
                token.i == head.i and is_org_or_place(token.text) or \
                token.lower_ in BODY_WORDS | ROLE_FORMS | KIN_FORMS or \
                token.pos_ not in ("PROPN", "NOUN") or \
                token.i < head.i and (token.dep_ != "compound" or
                                      not name.end <= token.head.i <= head.i):
            return name
    text = doc_text(doc)
    start = text.rfind("\n", 0, name.start_char) + 1
    end = text.find("\n", name.end_char)
    words = [w for w in text[start: end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    if not words or sum(w[:1].isupper() for w in words) > len(words) * 0.6:
        return name
    return doc[name.start: head.i + 1]


def extend_right(name: Span) -> Span:
    """ "Halina" + "Hurynovič": a given name the model tagged alone, with its surname; "Lam
    Cheuk" + "-ting": a hyphenated given name the model cut."""
    doc = name.doc
    chained = compound_chain(name)
    if len(chained) > len(name):
        return chained
    end = name.end
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
            not doc[end].whitespace_ and doc[end + 1].is_lower and doc[end + 1].is_alpha and \
            len(doc[end + 1]) <= MAX_SYLLABLE and doc[end + 1].lower_ not in COMPOUND_WORDS:
        return doc[name.start: end + 2]
    if len(name) >= 2 and end < len(doc) and doc[end].is_lower and \
            doc[end].lower_ in PATRONYMIC_WORDS:
        return doc[name.start: end + 1]  # "Makhabat Tazhibek" + "kyzy": a Turkic patronymic
    # "Ermekova" + "Aigerim Talgatovna": surname first, then given name and patronymic.
    if len(name) == 1 and end + 1 < len(doc) and all(
            doc[k].pos_ == "PROPN" and is_name_token(doc[k]) for k in (end, end + 1)) and \
            PATRONYMIC.search(fold(doc[end + 1].text)):
        return doc[name.start: end + 2]
    if end < len(doc) and doc[end].pos_ == "PROPN" and is_name_token(doc[end]) and \
            not is_org_or_place(doc[end].text) and (
                len(name) == 1 and doc[end].ent_type_ not in ("PERSON", "DATE", "GPE") or
                not doc[end].ent_type_ and (doc[end].head.i in range(name.start, end) or
                                            name.root.head.i == end)):
        return doc[name.start: end + 1]  # "Hoang Thi Minh" + "Hong": a long name cut short
    return name


# "Cheuk-ting", "Ka-ming": the lower-case syllable of a hyphenated given name is short, and
# no word that makes an adjective of a name ("Putin-era", "Kremlin-backed").
MAX_SYLLABLE = 5
COMPOUND_WORDS = RULES.words("name_compound_words")

PLACE_NOUNS = RULES.words("place_nouns")


ORG_HEADS = RULES.words("org_heads")
LANDMARKS = RULES.words("landmark_nouns")
PLACE_NAMING = PLACE_NOUNS | LANDMARKS
# Words that end the names of bodies, places and buildings ("Meydan TV", "Lenin Street").
BODY_WORDS = ORG_WORDS | PLACE_NOUNS | ORG_HEADS | LANDMARKS
# Of those, the ones that make a run of capitalised words after a role noun no name ("Mother
# Teresa Street"); the outlets' words (`org_heads`: "Daily", "Service") are left out there
# (docs/extraction.md, round 8b).
NAME_ENDS_A_BODY = ORG_WORDS | PLACE_NOUNS | LANDMARKS


def named_landmarks(doc: Doc) -> set[str]:
    """ "the Komi Republic", "the Gldani prison", "the Kamenny Log crossing": names the doc
    gives places and buildings, which then name no person where they stand alone ("in Komi",
    "At Gldani")."""
    # the head a noun, or parsed as one though tagged a verb ("to the Kamenny Loh crossing")
    compound = (doc.to_array(POS) == PROPN) & (doc.to_array(DEP) == doc.vocab.strings["compound"])
    return {fold(doc[t.left_edge.i if t.left_edge.pos_ == "PROPN" else t.i: t.i + 1].text)
            for t in (doc[i] for i in numpy.flatnonzero(compound).tolist()) if (
                t.head.pos_ in ("NOUN", "PROPN") and t.head.lemma_.lower() in PLACE_NAMING or
                t.head.dep_ in NOMINAL_DEPS and t.head.lower_ in PLACE_NAMING)}


NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "appos"})


def names_a_place(name: Span) -> bool:
    """ "the villages of Stalne and Vilne", "the Roshtqala district", "the outlet Xalq Səsi"."""
    root = name.root
    while syntax.is_conjunct(root) and root.head.i != root.i:
        root = root.head
    head = root.head.lemma_.lower()
    start = name.start
    while start > 0 and name.doc[start - 1].is_quote:
        start -= 1  # "the website 'Nashe Mneniye'"
    before = name.doc[start - 1].lemma_.lower() if start > 0 else ""
    return syntax.is_prep_object(root) and root.head.lower_ == "of" and \
        root.head.head.lemma_.lower() in PLACE_NOUNS | ORG_HEADS | LANDMARKS or \
        root.dep_ == "compound" and head in PLACE_NOUNS | LANDMARKS or \
        root.dep_ == "appos" and head in ORG_HEADS or before in ORG_HEADS or \
        start > 0 and named_body(name.doc[start - 1]) or listed_with_places(name)


# "the free speech foundation Adil Soz", "the rights centre Zmina": a body's common noun in
# lower case right before a capitalised name makes it the body's name.
NAMING_BODIES = RULES.words("naming_bodies")
PLACE_PREPOSITIONS = RULES.words("place_prepositions") | {"from", "to"}


def named_body(noun: Token) -> bool:
    """ "the free speech foundation [Adil Soz]": the body's common noun with no name of its own
    before it (not "the Memorial human rights centre [Oleg Orlov]", its head) and no role's
    "of" ("co-chair of the rights centre [Oleg Orlov]")."""
    if noun.lemma_.lower() not in NAMING_BODIES or not noun.text.islower() or \
            syntax.is_prep_object(noun) and noun.head.lower_ == "of":
        return False
    return not any(t.text[:1].isupper() for t in noun.doc[noun.left_edge.i: noun.i]
                   if t.i > noun.sent.start)


def listed_with_places(name: Span) -> bool:
    """ "left colonies in Mazyr and Shklou", "in Horki, Mazyr and Shklou": a name listed with
    places after a preposition of place is a place."""
    root = name.root
    if len(name) > 1 or known_given(name[0]) or any(
            syntax.is_preposition(c) or c.dep_ == "appos" for c in root.children):
        return False  # "in Minsk and Anna Sidorova in Hrodna"
    first = root
    while syntax.is_conjunct(first) and first.head.i != first.i:
        first = first.head
    if first.i == root.i or not syntax.is_prep_object(first) or \
            first.head.lower_ not in PLACE_PREPOSITIONS:
        return False
    listed = [first] + [t for t in first.subtree if syntax.is_conjunct(t) and t.i != root.i]
    return any(t.ent_type_ in ("GPE", "LOC") or fold(t.text) in places() for t in listed
               if not name.start <= t.i < name.end)


DESCRIBED_NOUNS = ROLE_NOUNS | RULES.words("subject_descriptions") | RULES.words("people_nouns")


NAMED_THING_HEADS = RULES.words("named_thing_heads")
# Words of official names ("National", "State", "Supreme"): no person's name ends with one.
OFFICIAL_WORDS = RULES.words("body_words")
STATUTE_HEADS = RULES.words("statute_heads")


def names_a_thing(name: Span) -> bool:
    """ "Stanley Prison", "Lai Chi Kok Reception Centre", "the Counter-Terrorism Law": a place
    of custody, a body or a law the model took for a person."""
    last = name[-1].lower_
    if len(name) < 2 or not name[-1].text[:1].isupper():
        return False
    if last in NAMED_THING_HEADS | PLACE_NOUNS | LANDMARKS | ORG_HEADS or \
            last in OFFICIAL_WORDS and name.end < len(name.doc) and \
            name.doc[name.end].text[:1].isupper():
        return True  # "Taras Shevchenko National [University]": cut before the body's noun
    before = name.doc[name.start - 1].lower_ if name.start > 0 else ""
    return last in STATUTE_HEADS and (before == "the" or any("-" in t.text for t in name))


WORK_NOUNS = RULES.words("work_nouns")


def in_a_title(name: Span) -> bool:
    """ 'the book "Letters to Anna Karenina"', 'his poem "Ode to Ivan"': a name inside the
    quoted title of a work, the quotes right after the work's noun, with other words in them,
    names no person of the report."""
    doc = name.doc
    sent = name.sent
    opener = next((t for t in reversed(doc[sent.start: name.start]) if t.is_quote), None)
    if opener is None or opener.i < 1 or doc[opener.i - 1].lemma_.lower() not in WORK_NOUNS:
        return False
    closer = next((t for t in doc[name.end: sent.end] if t.is_quote), None)
    return closer is not None and closer.i - opener.i - 1 > len(name) and \
        not any(t.is_quote for t in doc[opener.i + 1: name.start])


def describes_a_role(name: Span) -> bool:
    """ "a prominent Uighur scholar", "Exiled Belarusian opposition leader": one capitalised
    word that modifies a role noun describes the person, it does not name one."""
    root = name.root
    return len(name) == 1 and root.dep_ in ("amod", "compound") and root.head.pos_ == "NOUN" \
        and root.head.lemma_.lower() in DESCRIBED_NOUNS and root.head.i > root.i


def imperative(name: Span) -> bool:
    """ "Gift a membership to a friend", "Support our work": one word opening a sentence and
    followed by an article or a possessive is a verb of the page, not a name."""
    doc = name.doc
    return len(name) == 1 and name.start == name.sent.start and name.end < len(doc) and \
        doc[name.end].lower_ in ("a", "an", "the", "your", "our", "this")


def place_and_role(name: Span) -> bool:
    """ "Novosibirsk Librarian" of the headline "Jailed Novosibirsk Librarian Ends Hunger
    Strike", "Tomsk Student": a town and a role noun after it name a kind of person, no one."""
    if len(name) < 2 or known_given(name[0]):
        return False
    after = name.doc[name.end] if name.end < len(name.doc) else None
    # (or "Jailed Novosibirsk" of the same headline: the town ends the name, the role after it)
    return fold(name[0].text) in places() and any(t.lower_ in ROLE_FORMS for t in name[1:]) or \
        fold(name[-1].text) in places() and after is not None and after.lower_ in ROLE_FORMS


def find_clusters(doc: Doc) -> list[Cluster]:
    """Link every person mention in the doc to one cluster."""
    candidates = [n for ent in doc.ents if ent.label_ == "PERSON" for n in clean_name(ent)]
    candidates += [n for ent in doc.ents if ent.label_ in GLUED_LABELS
                   for n in [name_inside(ent)] if n is not None]
    # "the news site Nashe Slovo ... Nashe Slovo was closed": a body wherever it is named
    bodies = {fold(n.text) for n in candidates if names_a_place(n)} | named_landmarks(doc)
    names = [extend_left(extend_right(n)) for n in candidates if not pair_modifier(n) and
             fold(n.text) not in bodies and not describes_a_role(n) and not imperative(n)
             and n[0].pos_ not in FUNCTION_WORDS]
    names = [n for n in names if not names_a_thing(n) and not place_and_role(n) and
             not in_a_title(n)]
    names += [n for n in role_names(doc, {t.i for n in names for t in n}) if not names_a_thing(n)]
    # "a sentence under Section 52 of the Counter-Terrorism Law": a law or a prison, whichever
    # place found it
    names += [n for n in argument_names(doc, {t.i for n in names for t in n})
              if not names_a_thing(n)]
    names += named_before(doc, names)
    names = [n for n in names if not in_furniture(n) and not heading_of_words(n) and
             not title_case_words(n)]
    clusters: list[Cluster] = []
    taken: set[int] = set()
    # Longest names first, so that surnames attach to full names; the full names the model
    # missed in a list of names it found before the surnames alone too ("Aider Mamutov and
    # Lenur Yagyayev ... Mamutov", with his wife Elvina Mamutova named).
    ordered = sorted(names, key=lambda s: (-name_length(s), s.start))
    for single in (False, True):
        if single:
            add_coordinated_names(doc, clusters, taken)
        for name in ordered:
            if (name_length(name) == 1) == single and \
                    not taken.intersection(range(name.start, name.end)):
                _add_name(clusters, name, taken)
    add_missed_surnames(doc, clusters, taken)
    add_coordinated_names(doc, clusters, taken)
    clusters = merge_stated_aliases(doc, clusters)
    clusters = merge_other_language_names(clusters)
    clusters = merge_display_spellings(clusters)
    clusters = [c for c in merge_bracketed_names(doc, clusters) if not all(
        is_label(s) for s in c.spans)]
    # "the newsroom of Xalq Səsi" (an organisation to the model too): the whole name is a body
    clusters = [c for c in clusters if not any(
        names_a_place(s) and s.root.ent_type_ in ("ORG", "GPE", "FAC") for s in c.spans)]
    # "..., his lawyer told Al-Monitor.": the outlet wherever named only so
    clusters = [c for c in clusters if not all(told_outlet(s) for s in c.spans)]
    # "a white Lada Priora", colony No. 3 "Zolotye Polya": a thing or a facility wherever named
    clusters = [c for c in clusters if not all(
        after_indefinite_article(s) or quoted_facility(s) for s in c.spans)]
    # "..., Ekho Moskvy reported.", "according to Netgazeti": named only as a source
    clusters = [c for c in clusters if not only_a_source(c)]
    # "Caucasus Monitor is an independent information platform": a body wherever named
    clusters = [c for c in clusters if not any(described_as_body(s) for s in c.spans)]
    # "Headquarters" named alone and in "the Coordination Headquarters": the whole a body
    clusters = [c for c in clusters if not names_a_thing(c.name_span)]
    # "Jane Harwood is a freelance journalist based in Tbilisi." closing the page: its author
    clusters = [c for c in clusters if not author_note(c)]
    # "Verdict in one of the last big trials ...": a word of the page opening a line
    clusters = [c for c in clusters if not common_word(c)]
    # "the Bashkir language activist", "the Gülen movement", "Photo: Rudaw ... told Rudaw
    # English": a people's word, a name only before a noun, the page's credited outlet
    credited = credited_names(doc)
    clusters = [c for c in clusters if not people_word(c) and not only_modifies(c) and
                not credited_outlet(c, credited) and not only_a_place(c) and not masthead(c)
                and not place_article(c)]
    for cluster in clusters:
        cluster.spans.sort(key=lambda s: s.start)
    clusters.sort(key=lambda c: c.spans[0].start)
    for number, cluster in enumerate(clusters, start=1):
        cluster.id = f"p{number}"
    return clusters


# A name never opens with a preposition, an article or a conjunction: "[Without Borders]" of
# "Reporters Without Borders" is the end of a body's name.
FUNCTION_WORDS = frozenset({"ADP", "DET", "CCONJ", "SCONJ"})
GLUED_LABELS = ("ORG", "GPE", "NORP", "FAC", "DATE")
BREAKS = frozenset({":", ";", ","})


def name_inside(ent: Span) -> Span | None:
    """A person's name the small model glued into a place, a body or a date: "President of
    [Ukraine Volodymyr Zelenskyy]" (ORG), "detained on [May 3: Ilya Petrov]" (DATE). A known
    given name outranks the label when it starts the last two or three capitalised words and
    a place, a break (colon, comma) or nothing comes before it."""
    for start in range(ent.start, ent.end - 1):
        tail = ent.doc[start: ent.end]
        if len(tail) > 3 or names.skeleton(ent.doc[start].text) not in names.GIVEN_FORMS:
            continue
        if all(t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() and
               fold(t.text) not in ORG_WORDS for t in tail) and (
                start == ent.start or ent.doc[start - 1].text in BREAKS or
                is_org_or_place(ent.doc[ent.start: start].text) or
                len(tail) >= 2 and title_word(ent.doc[start - 1])):  # "the Supreme Court [A B]"
            return tail
    return None


def match_cluster(clusters: list[Cluster], name: Span) -> Cluster | None:
    tokens = name_tokens([fold(t.text) for t in name])
    surname = surname_of(tokens)
    if len(tokens) == 1 or len(tokens) == 2 and PATRONYMIC.search(tokens[1]):
        # "Pavel" after "Pavel Vorontsov": a given name alone means the one person who has it;
        # so does a given name with a patronymic ("Yevgenia Andreyevna", as pupils say).
        given = [c for c in clusters if len(c.name_words()) > 1
                 and one_given_name(c.name_words()[0], tokens[0])
                 and not similar_surname(tokens[0], c.surname)]
        if len(given) > 1:
            # "Volha" after "Volha Kazhamiaka (Olga Kozhemyako)": the name as written first
            given = [c for c in given if c.name_words()[0] == tokens[0]]
        if len(given) == 1:
            return given[0]
    if len(tokens) >= 2:
        # "Yoandry Perdomo" after "Yoandry Perdomo Ruiz": a given name and the first of two
        # surnames (the father's, as Spanish and Portuguese names have it) is the same man
        longer = [c for c in clusters if len(c.name_words()) > len(tokens)
                  and c.name_words()[:len(tokens)] == tokens]
        if len(longer) == 1 and not any(c.name_words()[-len(tokens):] == tokens
                                        for c in clusters):  # (not "Abdel Fattah" when
            # "Alaa Abdel Fattah" is named too: the end of his name as much)
            return longer[0]
    candidates = []
    joined = joined_form(name.text) if len(tokens) >= 2 else None
    for cluster in clusters:
        if fold(name.text) in cluster.forms():
            return cluster
        if joined and any(joined_form(" ".join(f.split()[i:])) == joined
                          for f in cluster.forms() for i in range(len(f.split()))):
            return cluster  # "Samira Benammar" is "Samira Ben Ammar", "Abdel Fattah" the
            # end of "Alaa Abd El-Fattah"
        if len(tokens) == 2 and cluster.name_words()[::-1] == tokens:
            return cluster  # "Gao Zhen" and "Zhen Gao": the family name first or last
        if not similar_surname(surname, cluster.surname) and not (
                len(tokens) == 1 and tokens[0] in cluster.second_surnames()) and not (
                len(tokens) >= 2 and len(cluster.name_words()) >= 2 and
                one_given_name(tokens[0], cluster.name_words()[0]) and
                russified(surname, cluster.surname)):
            continue  # (a bare "Perdomo" is he who was also called "Yoandry Perdomo")
        given = [t for t in tokens if t != surname]
        full = cluster.name_words()
        cluster_given = [t for t in full if t != cluster.surname]
        if given and cluster_given and not same_given_name(given[0], cluster_given[0]) and \
                tokens != full[-len(tokens):] and not same_given_name(
                    *(slavic_ascii(s[0]) for s in (name, cluster.name_span))):
            continue  # "Nariman Dzhelyal" and "Edem Dzhelyal" are two people; "Abdel Fattah"
            # is the end of "Alaa Abdel Fattah" (a surname of two words)
        candidates.append(cluster)
    if len(candidates) > 1:
        # "Manukian Jr." is the son of the two Manukians, a bare "Manukian" then the father
        junior = [c for c in candidates if is_junior(c)]
        wanted = generation(name)
        if wanted == "jr" and len(junior) == 1:
            return junior[0]
        if wanted != "jr" and any(generation(s) == "jr" for c in junior for s in c.spans):
            candidates = [c for c in candidates if c not in junior] or candidates
    if len(candidates) == 1:
        return candidates[0]
    if candidates:  # two people share the surname: a bare surname means the one named first,
        # the article's subject ("Hrytsenko" after "Mykola Hrytsenko ... his wife Olena")
        full = [c for c in candidates if len(c.name_span) > 1]
        return min(full or candidates, key=lambda c: min(s.start for s in c.spans))
    return None


# The Russian endings a surname takes or drops: "Umer" / "Umerov", "Imomali" / "Imomaliev".
RUSSIAN_ENDINGS = ("ov", "ev", "yev", "iev", "in")


def russified(a: str, b: str) -> bool:
    """One surname with and without its Russian ending, as Crimean Tatar, Tajik or Uzbek
    names are written both ways ("Ilmi Umer" and "Ilmi Umerov", "Dilmurod Sayyid" and
    "Dilmurod Saidov"): asked only of two names with one given name."""
    return any(len(short) >= 3 and long_.endswith(end) and
               names.skeleton(long_[:-len(end)]) == names.skeleton(short)
               for short, long_ in ((a, b), (b, a)) for end in RUSSIAN_ENDINGS)


def joined_form(text: str) -> str:
    """A name with its words run together: "Samira Ben Ammar" and "Samira Benammar", "Abdel
    Fattah" and "Abdelfattah" are written so."""
    return re.sub(r"[\s'’-]+", "", fold(text))


def slavic_ascii(token: Token) -> str:
    """The folded word with South Slavic "đ" as English spellings write it, "dj" ("Đorđe" and
    "Djordje"; Vietnamese "Đặng" is "Dang", as ``fold`` has it)."""
    return fold(token.text.replace("đ", "dj").replace("Đ", "Dj"))


def is_junior(cluster: Cluster) -> bool:
    """Named "X Jr." or introduced as a son ("his son Taron Manukian", "Manukian's son
    Taron")."""
    return any(generation(s) == "jr" or any(t.lower_ in SON_WORDS for t in s.doc[
        max(s.start - 2, s.sent.start): s.start]) for s in cluster.spans)


SON_WORDS = frozenset({"son", "sons"})


# "his name is spelled Dmitry Gavrilchik", "writes under the name Elvin Guliyev": another
# name of a person already named.
ALIAS_STATEMENT = re.compile(
    r"(?:name is (?:also |often |sometimes )?(?:spelled|spelt|written|transliterated|given as)"
    r"|under the (?:name|pen name|pseudonym)|(?:also |better |widely )?known as|a\.k\.a\.|"
    r"also spelled|also spelt)"
    r"\s*$", re.I)


def merge_stated_aliases(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A cluster every mention of which is stated as another name of someone named before is
    that someone."""
    kept = []
    for cluster in clusters:
        owners = []
        for span in cluster.spans:
            before = doc[span.sent.start: span.start].text
            if not ALIAS_STATEMENT.search(before):
                break
            owner = stated_owner(cluster, span, clusters, before)
            if owner is None:
                break
            owners.append(owner)
        else:
            if owners and len({id(o) for o in owners}) == 1:
                owners[0].spans.extend(cluster.spans)
                continue
        kept.append(cluster)
    return kept


def bracketed_after(span: Span) -> Token | None:
    """The word before "(" when ``span`` is all that stands in the brackets: "Abbasova" in
    "Sevinj Abbasova (Vagifgizi)"."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or \
            doc[span.end].text != ")":
        return None
    return doc[span.start - 2]


def merge_bracketed_names(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A one-word name in brackets right after a name is another name of the one before it: a
    pen name or a maiden name ("Sevinj Abbasova (Vagifgizi)"); after an organisation's name,
    the organisation's ("Kavkazsky Uzel (Caucasian Knot)"), no person."""
    owner_at = {t: c for c in clusters for s in c.spans for t in range(s.start, s.end)}
    kept = []
    for cluster in clusters:
        before = [b for s in cluster.spans if (b := bracketed_after(s)) is not None and
                  b.text[:1].isupper()]
        owners = {id(owner_at[b.i]): owner_at[b.i] for b in before if b.i in owner_at} if \
            all(len(s) == 1 for s in cluster.spans) else {}
        if len(owners) == 1:
            next(iter(owners.values())).spans.extend(cluster.spans)
        elif not before or len(before) < len(cluster.spans) or owners:
            kept.append(cluster)
    return kept


LANGUAGE_NAMES = RULES.words("language_names")
# What may follow the language's name: "(Russian spelling: ...)", "(Chinese name: ...)".
SPELLING_WORDS = frozenset({"spelling", "transliteration", "name", "form", "script", "pinyin"})


def in_another_language(span: Span) -> Token | None:
    """The word before "(" when ``span`` is, in those brackets, a name in another language or
    script: "Tsering (Chinese: Ciren Dunzhu)", "Galiev (in Tatar, Ğäliev)", "Dolkun Isa (Uyghur
    spelling: Dolqun Eysa)", and with the language after it: "Kazloŭski (Kozlovsky in
    Russian-language papers)"; that name is the person's before the bracket."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == "(" and span.end + 1 < len(doc) and \
            doc[span.end].lower_ == "in" and doc[span.end + 1].lower_ in LANGUAGE_NAMES:
        return doc[span.start - 2]
    if span.end >= len(doc) or doc[span.end].text not in (")", ";", ","):
        return None
    i = span.start - 1
    if i < 0 or doc[i].text not in (":", ",", "-", "–", "—"):
        return None
    i -= 1
    while i >= 0 and doc[i].lower_ in SPELLING_WORDS:
        i -= 1
    if i < 0 or doc[i].lower_ not in LANGUAGE_NAMES:
        return None
    while i > 0 and doc[i - 1].lower_ in LANGUAGE_NAMES:
        i -= 1  # "Crimean Tatar"
    if i > 0 and doc[i - 1].lower_ == "in":
        i -= 1
    if i < 2 or doc[i - 1].text != "(":
        return None
    return doc[i - 2]


# How alike a headline's or a caption's name must be to a name of the body to be its spelling.
DISPLAY_SURNAME_SIMILARITY = 0.6
DISPLAY_GIVEN_SIMILARITY = 0.5


def on_display_line(span: Span) -> bool:
    """In the headline, or on a photo's caption line ("Photo: A at the court", "A in 2021.
    (Photo: B/AFP)")."""
    if in_headline(span):
        return True
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start: end if end >= 0 else len(text)]
    return bool(CAPTION_LINE.match(line) or CREDIT.search(line))


CAPTION_LINE = re.compile(r"\s*(?:photo(?:graph)?|image|picture|pictured)\s*:", re.I)


def merge_display_spellings(clusters: list[Cluster]) -> list[Cluster]:
    """A full name found only in the headline or a photo's caption, and spelt there as no name
    of the body is, is the body's person whose name it most resembles: "Siarhei Tsikhanouski"
    over a report on "Sergei Tikhanovsky", "Sepideh Qoliyan" in the caption of "Sepideh
    Gholian" (pages spell a name one way in their display lines, another in the text)."""
    body = [c for c in clusters if any(not on_display_line(s) for s in c.spans)]
    kept = []
    for cluster in clusters:
        words = cluster.name_words()
        if cluster in body or len(words) < 2:
            kept.append(cluster)
            continue
        scored = []
        for other in body:
            theirs = other.name_words()
            if len(theirs) < 2:
                continue
            surname = DamerauLevenshtein.normalized_similarity(
                names.skeleton(cluster.surname), names.skeleton(other.surname))
            given = same_given_name(words[0], theirs[0]) or \
                DamerauLevenshtein.normalized_similarity(
                    names.skeleton(words[0]), names.skeleton(theirs[0])) >= \
                DISPLAY_GIVEN_SIMILARITY
            if surname >= DISPLAY_SURNAME_SIMILARITY and given and \
                    not names.gendered_pair(cluster.surname, other.surname):
                scored.append((surname, other))
        scored.sort(key=lambda x: -x[0])
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            scored[0][1].spans.extend(cluster.spans)
        else:
            kept.append(cluster)
    return kept


def merge_other_language_names(clusters: list[Cluster]) -> list[Cluster]:
    """A cluster named once in brackets as another language's form of the name just before
    them ("Tsultrim (Chinese: Luosang Cicheng)") is the person of that name."""
    owner_at = {t: c for c in clusters for s in c.spans for t in range(s.start, s.end)}
    kept = []
    for cluster in clusters:
        owners = {id(o): o for s in cluster.spans if (b := in_another_language(s)) is not None
                  and (o := owner_at.get(b.i)) is not None and o is not cluster}
        if len(owners) == 1:
            next(iter(owners.values())).spans.extend(cluster.spans)
        else:
            kept.append(cluster)
    return kept


def told_outlet(span: Span) -> bool:
    """ "Police detained him in March, his lawyer told Al-Monitor.", "'He was beaten,' his
    sister told Vlast by phone": the one told what was reported before, with nothing told
    after it, is the outlet the report was given to (not "told Fathy to sign", "told Fathy
    that")."""
    root = span.root
    verb = root.head
    if len(span) > 1 and known_given(span[0]):
        return False  # "..., Viasna told Anna Sidorova."
    if root.dep_ not in (syntax.DIRECT_OBJECT, "dative") or verb.lemma_ != "tell" or \
            verb.i > root.i:
        return False
    told_before = any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children) \
        or any(t.is_quote for t in span.doc[span.sent.start: verb.i])
    told_after = any(c.i >= span.end and (c.dep_ in ("ccomp", "xcomp", "dative", "advcl") or
                                          syntax.is_object(c) or c.lower_ in ("about", "of"))
                     for c in verb.children)
    return told_before and not told_after


def after_indefinite_article(span: Span) -> bool:
    """ "a white Lada Priora", "an old Volga": "a" or "an" and adjectives only before a name say
    it names a thing of a kind (a car, a brand). A person so introduced ("a smiling X") is
    named again without the article."""
    doc = span.doc
    i = span.start - 1
    while i >= span.sent.start and doc[i].pos_ == "ADJ" and doc[i].is_alpha:
        i -= 1
    return i >= span.sent.start and doc[i].lower_ in ("a", "an")


def quoted_facility(span: Span) -> bool:
    """ "colony No. 22 "Zolotye Polya"", "the prison 'Belaya Lebed'": a name in quotes right
    after a facility or its number names the facility."""
    doc = span.doc
    start, end = span.start, span.end
    if start < 2 or end >= len(doc) or not doc[start - 1].is_quote or not doc[end].is_quote:
        return False
    before = doc[max(start - 5, 0): start - 1]
    return bool(len(before)) and (before[-1].like_num or before[-1].lemma_.lower() in
                                  LANDMARKS | PLACE_NOUNS) and any(
        t.lemma_.lower() in LANDMARKS | PLACE_NOUNS for t in before)


# The common nouns of a body that a page says something is: "X is an independent outlet".
BODY_NOUNS = (ORG_HEADS | NAMING_BODIES | RULES.words("org_nouns") | NAMED_THING_HEADS) - {
    "group", "monitor", "service", "station", "store", "shop"}


def described_as_body(span: Span) -> bool:
    """ "Caucasus Monitor is an independent information platform on ...", "Eastbound, an
    independent news outlet, reported": a name the page says is an outlet, a platform or a
    group's kind of body names the body, wherever it is named. The head of the predicate
    decides: "X is a journalist at the outlet" is a person."""
    root = span.root
    if root.dep_ == "nsubj" and root.head.lemma_ == "be" and root.head.i > root.i:
        return any(c.dep_ == "attr" and c.pos_ == "NOUN" and c.lemma_.lower() in BODY_NOUNS
                   for c in root.head.children)
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in BODY_NOUNS and
               c.i > root.i and any(t.lower_ in ("a", "an") or t.dep_ == "poss" for t in c.lefts)
               for c in root.children)  # "X, the judiciary's news agency, said"


# What a note on a page's author says she is: "X is a freelance journalist", "X is the
# editor of Y", "X is a PhD candidate at Z".
AUTHOR_NOUNS = frozenset({
    "journalist", "reporter", "correspondent", "editor", "writer", "researcher", "analyst",
    "fellow", "author", "photographer", "photojournalist", "columnist", "contributor",
    "freelancer", "producer", "candidate", "lecturer", "professor", "scholar", "student",
    "pseudonym",
})
# The last lines of a page that may hold the note on its author.
AUTHOR_NOTE_LINES = 3


def author_note(cluster: Cluster) -> bool:
    """ "Jane Harwood is a freelance journalist based in Tbilisi." on one of the page's last
    lines (under her name alone, or not): a person named there and nowhere before, in a
    sentence that says what she is (a journalist, an editor, a researcher), is its author."""
    doc = cluster.spans[0].doc
    text = doc_text(doc)
    lines = [m.start() for m in re.finditer(r"(?m)^(?=\S)", text.rstrip())]
    if len(lines) < 2:
        return False
    for span in cluster.spans:
        if not says_what_author_is(span):
            continue
        start = text.rfind("\n", 0, span.start_char) + 1
        above = text.rfind("\n", 0, max(start - 1, 0)) + 1
        if start and text[above: start].strip() == cluster.spans[0].text and \
                cluster.spans[0].start_char >= above:
            start = above  # "Jane Harwood" alone over her note
        if start > 0 and start >= lines[-AUTHOR_NOTE_LINES if len(lines) > AUTHOR_NOTE_LINES
                                        else 1] and cluster.spans[0].start_char >= start:
            return True
    return False


# What an outlet does that a source person is rarely said to: "X reported", "X published".
SOURCE_VERBS = frozenset({"report", "publish"})


def source_position(span: Span) -> bool:
    """ "..., X reported.", "X published the footage", "according to X", "in an interview
    with X": where an outlet is named as the source of what is told."""
    root = span.root
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_ in SOURCE_VERBS and head.i > root.i:
        return True
    if root.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 and \
            span.doc[head.i - 1].lower_ == "according":
        return True
    return root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ == "interview"


def only_a_source(cluster: Cluster) -> bool:
    """ "Police detained him, Ekho Moskvy reported.", "According to Netgazeti, ...": a name
    that opens with no known given name, never follows a role or kin noun, and is named only
    as the source of what is told, is the outlet that told it."""
    for span in cluster.spans:
        if any(known_given(t) for t in span) or len(span) > 2 or not source_position(span):
            return False
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.lower_ in ROLE_FORMS | KIN_FORMS:
            return False
    return True


def says_what_author_is(span: Span) -> bool:
    """ "X is a freelance journalist", "X is Eastbound's Central Asia editor", "X is a
    journalist and researcher covering ...": the name opens the sentence."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be" or span.start != span.sent.start:
        return False
    attrs = [c for c in root.head.children if c.dep_ == "attr"]
    return any(t.lemma_.lower() in AUTHOR_NOUNS for a in attrs for t in a.subtree
               if t.pos_ == "NOUN" and (t is a or t.head is a or t.head.head is a))


# A line pointing to another article: "Read more:", "Related:", "See also:".
POINTER_LINE = RULES.pattern("furniture")
# The model's word list of English common nouns (its lemmatizer's index), read once when the
# pipeline is made (``learn_common_nouns``).
COMMON_NOUNS: set[str] = set()


# Its English words of every part of speech (nouns, verbs, adjectives, adverbs).
DICTIONARY_WORDS: set[str] = set()


def learn_common_nouns(nlp) -> None:
    """Keep the English common nouns the model's lemmatizer knows (WordNet's index), and its
    words of every part of speech."""
    if COMMON_NOUNS or "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is not None and lookups.has_table("lemma_index"):
        index = lookups.get_table("lemma_index")
        COMMON_NOUNS.update(index.get("noun", ()))
        for part in ("noun", "verb", "adj", "adv"):
            DICTIONARY_WORDS.update(index.get(part, ()))


def dictionary_word(token: Token) -> bool:
    """An English word of the dictionary, in any of its forms ("Thousands", "Flee", "Sends")."""
    lower = token.lower_
    return lower in STOP_WORDS or lower in DICTIONARY_WORDS or token.lemma_.lower() in \
        DICTIONARY_WORDS or lower.endswith("s") and lower[:-1] in DICTIONARY_WORDS or \
        lower.endswith("es") and lower[:-2] in DICTIONARY_WORDS


# How many of a line's longer words are capitalised when it is written in title case.
TITLE_CASE_SHARE = 0.6


def title_case_words(name: Span) -> bool:
    """ "Read more: Students Escape to Thai Border": on a line pointing to another article,
    written in title case, a name made of dictionary words only, none a known given name, is
    words of the other article's headline."""
    text = doc_text(name.doc)
    start = text.rfind("\n", 0, name.start_char) + 1
    end = text.find("\n", name.end_char)
    line = text[start: end if end >= 0 else len(text)]
    prefix = POINTER_LINE.match(line)
    if not prefix or any(known_given(t) for t in name) or not all(
            dictionary_word(t) for t in name):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", line[prefix.end():]) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def common_noun(token: Token) -> bool:
    lower = token.lower_
    return lower in COMMON_NOUNS or lower.endswith("s") and lower[:-1] in COMMON_NOUNS


def heading_of_words(name: Span) -> bool:
    """ "Hunger Strike", "Torture Allegations" alone on their line: a subheading of the page,
    its words English common nouns, none a known given name, names no one."""
    text = doc_text(name.doc)
    start = text.rfind("\n", 0, name.start_char) + 1
    end = text.find("\n", name.end_char)
    line = text[start: end if end >= 0 else len(text)]
    if any(known_given(t) for t in name):
        return False
    if line.strip() == name.text and all(common_noun(t) for t in name) and (
            len(name) >= 2 or line_apart(text, start, end)):
        return True  # "Hunger Strike"; "Background" alone between paragraphs
    # "ACTIVISTS AT RISK": a line in capitals of common words
    words = [w for w in re.findall(r"[^\W\d_]+", line)]
    return bool(words) and line.isupper() and all(
        w.lower() in STOP_WORDS or w.lower() in COMMON_NOUNS or
        w.lower().endswith("s") and w.lower()[:-1] in COMMON_NOUNS for w in words)


def line_apart(text: str, start: int, end: int) -> bool:
    """A line with an empty line (or the page's edge) above and below it."""
    above = text[:start].endswith("\n\n") or not text[:start].strip()
    below = end < 0 or text[end: end + 2] == "\n\n" or not text[end:].strip()
    return above and below


def common_word(cluster: Cluster) -> bool:
    """ "Verdict in one of the last big national security trials ...", "Crackdown on dissent
    continues": a one-word name found only opening a sentence, a common noun before a
    preposition, or a word the page also writes in lower case ("the verdict"), is that word,
    unless it is a known given name."""
    spans = cluster.spans
    if any(len(s) != 1 or s.start != s.sent.start for s in spans) or known_given(spans[0][0]):
        return False
    doc = spans[0].doc
    word = spans[0].text
    lower = word.lower()
    if lower == word:
        return False
    after = doc[spans[0].end] if spans[0].end < len(doc) else None
    return any(t.text == lower for t in doc) or len(spans) == 1 and lower in COMMON_NOUNS and \
        after is not None and after.pos_ == "ADP" and after.is_lower


# Prepositions after which a one-word name is where something is: "in Homiel", "near Mosul".
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside"})


def only_a_place(cluster: Cluster) -> bool:
    """ "the colony in Homiel", "a prison near Hlybokaje", "the prison in Dong Nai", "their
    homes in Bole and Kolfe Keranio": a name of one or two words, no known given name, found
    only after "in" or "near" or joined to what is (a town or district the gazetteer lacks,
    as a local spelling writes it), is that place."""
    for span in cluster.spans:
        root = span.root
        while syntax.is_conjunct(root) and root.head.i < root.i:
            root = root.head  # "in Bole and [Kolfe Keranio]"
        head = root
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        if head is not root and head.lemma_.lower() in PLACE_NOUNS and \
                not any(known_given(t) for t in span):
            continue  # "police in Dong Thap province"
        if len(span) > 2 or any(known_given(t) for t in span) or root.dep_ != "pobj" or \
                root.head.lower_ not in LOCATIVE_PREPOSITIONS or \
                span.end < len(span.doc) and span.doc[span.end].text in ("'s", "’s"):
            return False
    return True


PLACE_ARTICLES = RULES.words("place_articles")


def place_article(cluster: Cluster) -> bool:
    """ "they moved me to La Modelo", "held in El Rodeo": a name opening with a Spanish article,
    no known given name, only ever after a preposition, is a prison's or a place's."""
    return all(len(s) >= 2 and s[0].lower_ in PLACE_ARTICLES and s[0].text[:1].isupper() and
               not any(known_given(t) for t in s[1:]) and syntax.is_prep_object(s.root)
               for s in cluster.spans)


def people_word(cluster: Cluster) -> bool:
    """ "the Bashkir language activist", "Uyghur detainees": the name of a people or its
    language, alone, names no one."""
    return all(len(s) == 1 and s[0].lower_ in LANGUAGE_NAMES for s in cluster.spans)


# How a one-word name hangs on the noun it qualifies: "the Gülen movement", "Gülen-linked".
MODIFIER_DEPS = frozenset({"compound", "npadvmod", "amod", "nmod"})


def only_modifies(cluster: Cluster) -> bool:
    """ "the Tiananmen crackdown", "alleged links to the Gülen movement", "a Gülen-linked
    bank": a one-word name that only ever qualifies a common noun after it (a movement, an
    event, a case named after it) is no person of the report; "Navalny's team", "Navalny
    said" are his."""
    for span in cluster.spans:
        root = span.root
        head = root.head
        if len(span) != 1 or root.dep_ not in MODIFIER_DEPS or head.i <= root.i or \
                not head.is_lower or head.pos_ not in ("NOUN", "VERB", "ADJ"):
            return False
        if any(t.text[:1].isupper() for t in span.doc[root.i + 1: head.i]):
            return False  # "the Ivan Petrov case" is no such name
    return True


# A credit on the page: "Photo: Rudaw", "© Rudaw Media Network", "Copyright 2026 Eastbound".
_HOLDER_WORD = r"[A-Z][\w'’-]*(?:\.\w+)*"  # "Rudaw", "Kun.uz", not "Safarli." ending a sentence
CREDIT_HOLDER = re.compile(r"(?:\b(?:photo(?:graph)?s?|image|picture|source)\s*:|©|\bcopyright\b)"
                           rf"[ \t]*(?:©[ \t]*)?(?:\d{{4}}[ \t]+)?((?-i:{_HOLDER_WORD}"
                           rf"(?:[ \t]+{_HOLDER_WORD})*))[ \t]*(?=$|[)\]/|,;])", re.I | re.M)


def credited_names(doc: Doc) -> set[str]:
    """The first words of the names a page's credits give as their holders: its outlet, an
    agency ("Photo: Rudaw", "Copyright © Rudaw Media Network")."""
    found = set()
    for match in CREDIT_HOLDER.finditer(doc_text(doc)):
        words = match.group(1).split()
        # one word ("Photo: Rudaw"), or a body's name ("© Rudaw Media Network"), not a
        # photographer's name
        if len(words) == 1 or any(fold(w) in ORG_WORDS | ORG_HEADS for w in words[1:]):
            if names.skeleton(fold(words[0])) not in names.GIVEN_FORMS:
                found.add(fold(words[0]))
    return found


def credited_outlet(cluster: Cluster, credited: set[str]) -> bool:
    """ "Photo: Rudaw" over the page and "... his brother told Rudaw English": a name opening
    with a credit holder's word and no known given name is that outlet."""
    name = cluster.name_span
    return bool(credited) and fold(name[0].text) in credited and \
        not any(known_given(t) for t in name)


# The page's masthead and the section under it: "Steppe Chronicles" over "Politics" over the
# headline; how many words each may have.
MASTHEAD_WORDS = 4
SECTION_WORDS = 3


def head_lines(doc: Doc) -> list[tuple[int, int]]:
    """Where the page's masthead line and the section line under it stand: the first line,
    when short, and the second, when short too and followed by more (the headline)."""
    text = doc_text(doc)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if len(lines) < 2 or len(text[slice(*lines[0])].split()) > MASTHEAD_WORDS:
        return []
    second = text[slice(*lines[1])].strip()
    if len(lines) >= 3 and len(second.split()) <= SECTION_WORDS and second[-1] not in ".!?:":
        return lines[:2]
    return lines[:1]


def masthead(cluster: Cluster) -> bool:
    """ "Steppe Chronicles" alone on the page's first line, over its section ("Politics") and
    the headline, is the outlet wherever named ("..., colleagues told Steppe Chronicles"), and
    a section's name ("Explainer") no one: names with no known given name."""
    if any(known_given(t) for t in cluster.name_span):
        return False
    doc = cluster.spans[0].doc
    lines = head_lines(doc)
    text = doc_text(doc)
    if lines and fold(text[slice(*lines[0])].strip()) in {fold(s.text) for s in cluster.spans}:
        return True  # the masthead, named on its line or not
    return len(lines) == 2 and all(
        lines[1][0] <= s.start_char and s.end_char <= lines[1][1] and
        text[slice(*lines[1])].strip() == s.text for s in cluster.spans)


def is_label(span: Span) -> bool:
    """ "Background:", "Date:" at the start of a line: a heading, not a person."""
    doc = span.doc
    text = doc_text(doc)
    return len(span) == 1 and span.end < len(doc) and doc[span.end].text == ":" and \
        not text[text.rfind("\n", 0, span.start_char) + 1: span.start_char].strip()


# How alike two surnames' skeletons must be for "his name is spelled X" to mean him.
STATED_ALIAS_SIMILARITY = 0.5


def stated_owner(cluster: Cluster, span: Span, clusters: list[Cluster],
                 before: str) -> Cluster | None:
    """Whose other name ``span`` is: "X, who writes under the name Y" is X's; "his name is
    spelled Y" is the earlier person whose surname Y most resembles."""
    earlier = [(s.start, c) for c in clusters if c is not cluster for s in c.spans
               if s.start < span.start]
    if not earlier:
        return None
    if re.search(r"\b(?:who|whose)\b|,\s*(?:also |better |widely )?known as\s*$", before, re.I):
        # "X, who writes under the name Y", "X, known as Y": the person just named
        return max(earlier, key=lambda x: x[0])[1]
    mine = names.skeleton(cluster.surname)
    scored = [(DamerauLevenshtein.normalized_similarity(mine, names.skeleton(c.surname)), c)
              for c in {id(c): c for _, c in earlier}.values()]
    score, best = max(scored, key=lambda x: x[0])
    return best if score >= STATED_ALIAS_SIMILARITY else None


def add_missed_surnames(doc: Doc, clusters: list[Cluster], taken: set[int]) -> None:
    """Find surnames of known persons that the model tagged as places or organisations."""
    similar: dict[tuple[str, str], bool] = {}  # (word, surname) -> similar_surname: a word recurs
    for token in doc:
        if token.i in taken or not token.text[:1].isupper() or not token.is_alpha:
            continue
        if token.ent_type_ == "PERSON":
            continue  # already considered (and rejected) as a name
        if token.ent_type_ in ("GPE", "LOC", "FAC") and token.ent_iob_ == "I" or \
                inside_a_body(token):
            continue  # "Minh" of "Ho Chi Minh City", "Heydar Aliyev International Airport"
        folded = fold(token.text)
        matches = []
        for c in clusters:
            key = (folded, c.surname)
            alike = similar.get(key)
            if alike is None:
                alike = similar[key] = similar_surname(folded, key[1])
            if alike or folded in c.second_surnames():
                matches.append(c)  # (a bare "Perdomo" of "Yoandry Perdomo Ruiz")
        if not matches and token.pos_ == "PROPN":
            given = [c for c in clusters if c.given == folded]
            if len(given) == 1:  # "Pavel was arrested" in a report about Pavel Vorontsov
                given[0].spans.append(doc[token.i: token.i + 1])
                taken.add(token.i)
        if not matches:
            continue
        start = token.i
        while start > 0 and start - 1 not in taken and is_name_token(doc[start - 1]) \
                and not is_org_or_place(doc[start - 1].text) and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].ent_type_ not in ("GPE", "NORP", "DATE"):
            start -= 1
        span = doc[start: token.i + 1]
        cluster = match_cluster(matches, span)
        if cluster is None and len(span) > 1:
            # "Leyla Yunus and her husband Arif Yunus": another given name, another person
            cluster = Cluster(id=f"p{len(clusters) + 1}")
            clusters.append(cluster)
        cluster = cluster or matches[0]
        cluster.spans.append(span)
        taken.update(range(span.start, span.end))


def inside_a_body(token: Token) -> bool:
    """A word of a place's or body's name that ends in a word such names end in ("Heydar
    Aliyev International Airport")."""
    if not token.ent_type_:
        return False
    end = token.i
    while end + 1 < len(token.doc) and token.doc[end + 1].ent_iob_ == "I":
        end += 1
    return any(fold(t.text) in ORG_WORDS for t in token.doc[token.i + 1: end + 1])



def add_coordinated_names(doc: Doc, clusters: list[Cluster], taken: set[int]) -> None:
    """ "Edem Smailov to 13 and Remzi Bekirov to 19": a name the model missed, in a list of
    names it found, is a name too."""
    # the columns read once (a long text has many tokens); labels as the vocabulary stores them
    pos, deps = doc.to_array(POS), doc.to_array(DEP)
    conj = doc.vocab.strings["conj"]
    listing = {conj, doc.vocab.strings["appos"]}
    for i in numpy.flatnonzero(pos == PROPN).tolist():
        if i in taken:
            continue
        token = doc[i]
        # "A and B" with B found: A, the head of the list, too
        head = next((c for c in token.children if c.dep_ == "conj" and c.i in taken), None)
        if head is None and int(deps[i]) not in listing:
            continue
        head = head if head is not None else token.head
        # "journalists Omar Radi and Soulaimane Raissouni", "journalists Kyaw Soe Oo and Wa
        # Lone": a list after a role noun, with a name of it found, names persons whatever
        # the model labelled them
        role_list = int(deps[i]) == conj and after_role_noun(head, taken)
        if not role_list and head.i not in taken and not any(
                t.i in taken for t in head.children if t.dep_ in ("compound", "flat")):
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in (
                "compound", "flat") and start - 1 not in taken:
            start -= 1
        span = doc[start: token.i + 1]
        # a name the model called an organisation when it ends like a surname ("Aider
        # Mamutov and Lenur Yagyayev")
        labels = ("GPE", "NORP", "LOC", "FAC") if fold(span[-1].text).endswith(
            SURNAME_ENDINGS) else ("GPE", "ORG", "NORP", "LOC", "FAC")
        whole = entity_at(span[0])
        if role_list and any(t.ent_type_ in labels for t in span):
            # there only a place the model found whole, an outlet or a body's word is no name
            labels = ()
            if whole is not None and whole.label_ in ("GPE", "LOC") and (
                    whole.start, whole.end) == (span.start, span.end) or len(span) > 4 or \
                    any(fold(t.text) in NAME_ENDS_A_BODY for t in span) or \
                    fold(span[0].text) in NAME_PARTICLES or any(  # "Al Jazeera", "BBC
                        t.is_upper and len(t) > 1 for t in span):  # Persian": outlets
                continue
        if len(span) < 2 or not all(is_name_token(t) for t in span) or \
                is_org_or_place(span.text) or names_a_place(span) or any(
                    t.ent_type_ in labels for t in span):
            continue
        _add_name(clusters, span, taken)
    # "A, his brother B, C D and E": a run of capitalised words between the commas and "and" of
    # a list of names found on both sides, however the parser hung it
    for comma in numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings[","]).tolist():
        start = end = comma + 1
        if start >= len(doc) or start in taken or pos[start] != PROPN or comma - 1 not in taken:
            continue
        while end < len(doc) and pos[end] == PROPN and end not in taken:
            end += 1
        span = doc[start: end]
        if end + 1 < len(doc) and doc[end].lower_ in (",", "and") and end + 1 in taken and \
                len(span) >= 2 and all(is_name_token(t) for t in span) and \
                not is_org_or_place(span.text) and not any(
                    t.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC") for t in span):
            _add_name(clusters, span, taken)


def after_role_noun(head: Token, taken: set[int]) -> bool:
    """The list ``head`` belongs to follows a role noun, or stands where only persons do, and
    one of its names is found: the first name in apposition to the noun ("reporters Ferhat
    Celik, Aydin Keser and ...") or the noun before it ("Journalists Ferhat Celik, ..."), or
    the noun itself the first conjunct, with a name in apposition ("journalists Kyaw Soe Oo and
    Wa Lone"); the first name the object of "detained" ("detained A B and C D")."""
    doc = head.doc
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head.lower_ in ROLE_FORMS:
        return any(c.dep_ == "appos" and c.i in taken for c in head.children)
    if head.i not in taken:
        return False
    start = head.left_edge.i
    while start < head.i and start not in taken:
        start += 1  # the name's first word
    return head.dep_ == "appos" and head.head.lower_ in ROLE_FORMS or \
        start > 0 and doc[start - 1].lower_ in ROLE_FORMS or person_only_place(head)


def person_only_place(token: Token) -> bool:
    """ "detained [X]", "[X] was jailed", "the arrest of [X]": the object of an active verb or
    the subject of a passive one, or the "of" of a noun, of an event only persons undergo."""
    head = token.head
    if syntax.is_prep_object(token) and head.lower_ == "of":
        return head.head.pos_ == "NOUN" and head.head.lemma_.lower() in PERSON_ONLY
    return head.pos_ == "VERB" and head.lemma_.lower() in PERSON_ONLY and (
        syntax.is_direct_object(token) and not syntax.is_passive(head) or
        syntax.is_passive_subject(token))


def _add_name(clusters: list[Cluster], span: Span, taken: set[int]) -> None:
    cluster = match_cluster(clusters, span)
    if cluster is None:
        cluster = Cluster(id=f"p{len(clusters) + 1}")
        clusters.append(cluster)
    cluster.spans.append(span)
    taken.update(range(span.start, span.end))


# ---------------------------------------------------------------- attributes


def word_number(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    tens, _, unit = text.partition("-")
    if tens in AGE_WORDS and (not unit or unit in UNITS):
        return AGE_WORDS[tens] + UNITS.get(unit, 0)
    return None


# "X, who is 58", "X, now 55,", "X, then 30,", "X, who turned 61 in prison"
AGE_CLAUSE = re.compile(r"\s*,\s*(?:who\s+(?:is|was)\s+(?:now\s+|then\s+)?|now\s+|then\s+|"
                        r"who\s+(?:has\s+)?(?:just\s+)?turned\s+|who\s+turns\s+)(\d{1,3})\b")
# "Now 55, X ..."
AGE_LEAD = re.compile(r"\b(?:now|then)\s+(\d{1,3})\s*,\s*$", re.I)
# "X is 36.", "X is 36 years old": a copula with the age alone
AGE_COPULA = re.compile(r"\s*,?\s*(?:is|was)\s+(\d{1,3})(?:\s+years?\s+old)?\s*[.,;]")


def read_age(span: Span) -> tuple[int, Span] | None:
    """ "Chiygoz, 52," / "Chiygoz (52)" / "aged 39" / "the 52-year-old Chiygoz"."""
    doc = span.doc
    end = span.end
    if end < len(doc) and doc[end].text == "(":  # "Lenur Seitumerov (Ленур Сеитумеров), 38"
        close = next((t.i for t in doc[end: end + 8] if t.text == ")"), None)
        if close is not None and not any(t.like_num for t in doc[end: close]):
            end = close + 1
    after = doc[end: end + 4]
    who = AGE_CLAUSE.match(doc[end: end + 7].text)
    if who and MIN_AGE <= int(who.group(1)) <= MAX_AGE:  # "Alim Emirsaliyev, who is 58"
        return int(who.group(1)), doc[end: end + 7]
    copula = AGE_COPULA.match(doc[end: end + 5].text)
    if copula and MIN_AGE <= int(copula.group(1)) <= MAX_AGE:  # "Ivan Petrov is 36."
        return int(copula.group(1)), doc[end: end + 5]
    lead = AGE_LEAD.search(doc[max(span.start - 4, span.sent.start): span.start].text)
    if lead and MIN_AGE <= int(lead.group(1)) <= MAX_AGE:  # "Now 55, Server Mustafayev ..."
        return int(lead.group(1)), doc[max(span.start - 4, span.sent.start): span.start]
    if len(after) >= 2 and after[0].text in (",", "(") and after[1].like_num:
        closer = after[2].text if len(after) > 2 else ""
        if closer in (",", ")", ".", ";", "") or closer.lower() in ("who", "and"):
            age = word_number(after[1].text)
            if age and MIN_AGE <= age <= MAX_AGE:
                return age, after[1:2]
    for i, token in enumerate(after[:3]):
        if token.lower_ == "aged" and i + 1 < len(after) and after[i + 1].like_num:
            age = word_number(after[i + 1].text)
            if age and MIN_AGE <= age <= MAX_AGE:
                return age, after[i: i + 2]
    before = doc[max(span.start - 10, span.sent.start): span.start]
    text = before.text
    # "the 52-year-old Chiygoz", "a 61-year-old retired teacher Vasil Sushko"; never across a
    # comma or "and" ("24-year-old Riza Yagyayev, and Alim Emirsaliyev")
    match = re.search(r"(\b[A-Za-z]+(?:-[a-z]+)?|\d{1,3})" + YEAR_OLD +
                      r"(?:\s+(?!and\b)[\w'’-]+){0,3}\s*$", text)
    if match:
        age = word_number(match.group(1))
        if age and MIN_AGE <= age <= MAX_AGE:
            return age, before
    if span.root.dep_ == "appos" and span.root.head.i < span.start and \
            doc[span.start - 1].text == ",":
        # "A 67-year-old pensioner, Galina Kovalenko, was fined": the described noun before
        head = span.root.head
        m = YEAR_OLD_IN.search(doc[head.left_edge.i: head.i + 1].text)
        if m:
            age = word_number(m.group(1))
            if age and MIN_AGE <= age <= MAX_AGE:
                return age, doc[head.left_edge.i: head.i + 1]
    appos = [c for c in span.root.children if c.dep_ == "appos"]
    for child in appos:
        phrase = doc[child.left_edge.i: child.right_edge.i + 1]
        m = YEAR_OLD_IN.search(phrase.text) or APPOS_TURNED.search(phrase.text)
        if m:
            age = word_number(m.group(1))
            if age and MIN_AGE <= age <= MAX_AGE:
                return age, phrase
    return None


# "X, a former engineer who turned 61 in prison": the age in the apposition's clause.
APPOS_TURNED = re.compile(r"\bwho\s+(?:has\s+)?(?:just\s+)?turn(?:ed|s)\s+(\d{1,3})\b"
                          r"(?!\s*(?:years|%))")


def role_phrase(node: Token) -> Span:
    """The phrase under an apposition or attribute, cut before nested clauses."""
    doc = node.doc
    tokens = [node]
    for token in node.subtree:
        if token.i == node.i:
            continue
        chain, ok = token, True
        while chain.i != node.i:
            if chain.dep_ in ("appos", "relcl", "acl", "punct", "cc", "conj") and \
                    chain.head.i == node.i or chain.dep_ == "relcl":
                ok = False
                break
            chain = chain.head
        if ok:
            tokens.append(token)
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    while start < end and doc[start].dep_ in ("det", "punct") or \
            start < end and doc[start].lower_ in ("also", "now"):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]




def read_roles(span: Span) -> list[Span]:
    """Titles before a name and appositions or "who is ..." after it."""
    doc, roles = span.doc, []
    start = span.start
    while start > span.sent.start and (doc[start - 1].lower_ in TITLES or
                                       doc[start - 1].ent_type_ == "NORP" and start < span.start):
        start -= 1
    if start < span.start and any(doc[i].lower_ in TITLES for i in range(start, span.start)):
        roles.append(doc[start: span.start])
    kin = doc[span.start - 1] if span.start > span.sent.start else None
    if kin is not None and kin.lower_ in KIN_NOUNS and kin.lower_ not in TITLES and any(
            c.dep_ == "poss" for c in kin.children) | (span.start > 1 and doc[
                span.start - 2].tag_ in ("PRP$", "POS")):
        roles.append(doc[kin.i: kin.i + 1])  # "his sister Mona Seif": whose "his sister" is
    root = span.root
    head = root.head
    if root.dep_ == "appos" and head.i < span.start and head.lower_ in KIN_NOUNS | ROLE_NOUNS \
            and any(c.dep_ == "poss" for c in head.children):
        roles.append(doc[head.i: head.i + 1])  # "His wife, Olga Kozlova, said": his wife
    appos = [c for c in root.children if c.dep_ == "appos" and c.i > span.end - 1]
    if appos and appos[0].pos_ in ("NOUN", "PROPN") and appos[0].ent_type_ not in (
            "PERSON", "DATE", "CARDINAL"):
        # "the co - founder of X": the parser splits hyphenated nouns into several appositions.
        first = last = appos[0]
        for nxt in appos[1:]:
            if nxt.i - last.i <= 2 and all(doc[k].text == "-" or doc[k].dep_ == "appos"
                                           for k in range(last.i + 1, nxt.i + 1)):
                last = nxt
            else:
                break
        phrase = role_phrase(last)
        roles.append(doc[min(first.i, phrase.start): phrase.end])
    for child in root.children:
        if child.dep_ == "relcl" and child.lemma_ == "be":
            roles.extend(role_phrase(c) for c in child.children if c.dep_ == "attr")
    return [r for r in roles if 0 < len(r) <= 12 and not r[0].like_num]


# Each group phrase as it may end the words before a name, compiled once.
GROUP_PATTERNS = tuple((phrase, re.compile(rf"\b{re.escape(phrase)}$"), group)
                       for phrase, group in GROUPS.items())


def read_groups(span: Span) -> list[str]:
    doc = span.doc
    before = fold(doc[max(span.sent.start, span.start - 3): span.start].text)
    found = []
    for phrase, pattern, group in GROUP_PATTERNS:
        if phrase in before and pattern.search(before) and group not in found:
            found.append(group)
    return found


def shared_surname(name: Span) -> str | None:
    """ "Ivan and Oleg Gorin": a given name alone, coordinated with a full name, shares its
    surname."""
    root = name.root
    if len(name) != 1 or names.skeleton(root.text) not in names.GIVEN_FORMS:
        return None
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ != "PROPN":
            continue
        given = [c for c in conj.children if c.dep_ == "compound" and c.i < conj.i]
        if len(given) == 1 and names.skeleton(given[0].text) in names.GIVEN_FORMS and \
                names.skeleton(conj.text) not in names.GIVEN_FORMS and conj.i == given[0].i + 1:
            return conj.text
    return None


def describe(doc: Doc, clusters: list[Cluster]) -> list[PersonRecord]:
    """One PersonRecord per cluster, with attributes read around its mentions."""
    records = []
    person_tokens = {t.i for c in clusters for s in c.spans for t in s}
    for cluster in clusters:
        name = cluster.name_span
        record = PersonRecord(id=cluster.id, name=name.text)
        if (surname := shared_surname(name)) is not None:
            record.name = f"{name.text} {surname}"  # "the brothers Ivan and Oleg Gorin"
            record.aliases.append(name.text)
        seen = {fold(name.text)}
        for span in cluster.spans:
            record.mentions.append(TextSpan(span.start_char, span.end_char, span.text))
            if fold(span.text) not in seen or span.text not in [name.text, *record.aliases]:
                if span.text != name.text and span.text not in record.aliases:
                    record.aliases.append(span.text)
                seen.add(fold(span.text))
            if record.age is None and (age := read_age(span)):
                record.age = age[0]
                record.evidence["age"] = TextSpan(age[1].start_char, age[1].end_char, age[1].text)
            for role in read_roles(span):
                text = role.text
                if text not in record.roles:
                    record.roles.append(text)
                    # one evidence span per role: the store reads "roles:<value>"
                    record.evidence[f"roles:{text}"] = TextSpan(role.start_char, role.end_char,
                                                                text)
                for token in role:
                    ent = entity_at(token)
                    if token.i in person_tokens or token.ent_type_ == "ORG" and \
                            person_tokens.intersection(range(ent.start, ent.end)):
                        continue
                    if token.ent_type_ == "NORP" and record.nationality is None:
                        record.nationality = token.text
                    if fold(token.text) in orgs() or token.ent_type_ == "ORG":
                        org = token.text if token.ent_type_ != "ORG" else ent.text
                        if org not in record.affiliations:
                            record.affiliations.append(org)
            for group in read_groups(span):
                if group not in record.groups:
                    record.groups.append(group)
        records.append(record)
    described_ages(doc, clusters, records)
    return records


def speaks(token: Token) -> bool:
    """The name is the subject of a reporting verb ("Li said")."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "nsubj" and token.head.lemma_ in REPORTING_VERBS


# How many sentences back "the 33-year-old" may mean a person named (a quote may stand between).
AGE_WINDOW = 3


def beside_a_subject(token: Token) -> bool:
    """ "the imam from Henichesk, Ayder Seitumerov, is held": a name set off by a comma in the
    subject's phrase (in apposition, or as the parser hangs it on "from"), told as the
    subject."""
    doc = token.doc
    first = token.i
    while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN":
        first -= 1
    if token.dep_ not in ("appos", "pobj") or first == 0 or doc[first - 1].text != ",":
        return False
    head = token.head
    while head.dep_ in ("pobj", "prep", "appos", "compound", "nmod") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def described_ages(doc: Doc, clusters: list[Cluster], records: list[PersonRecord]) -> None:
    """ "... Darya Korneyeva still wakes up at six. 'I keep thinking ...,' the 33-year-old
    artist said": an age given to a description of the person just named."""
    named = {t.i for c in clusters for s in c.spans for t in s}
    mentions = sorted((s.root.i, c.id) for c in clusters for s in c.spans)
    by_id = {r.id: r for r in records}
    sents = list(doc.sents)
    index = {s.start: n for n, s in enumerate(sents)}
    for match in YEAR_OLD_IN.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        while head.dep_ in ("amod", "compound", "npadvmod", "nummod") and head.head.i != head.i:
            head = head.head
        if head.i in named or any(t.i in named for t in head.subtree) or \
                not any(c.lower_ == "the" for c in head.children) or head.pos_ != "NOUN" and \
                head.dep_ not in ("nsubj", "nsubjpass"):
            continue  # "the 41-year-old artist said", "The 41-year-old was jailed"
        age = word_number(match.group(1))
        first = sents[max(index[head.sent.start] - AGE_WINDOW, 0)].start
        # not a speaker: "..., his lawyer said. The 44-year-old defendant ..."
        before = [(i, cid) for i, cid in mentions if first <= i < head.i and not speaks(doc[i])]
        if not age or not MIN_AGE <= age <= MAX_AGE or not before:
            continue
        # a subject, or a name set beside one: "..., the imam from Henichesk, Ayder Seitumerov,
        # is held. The 44-year-old was taken ..."
        subjects = [(i, cid) for i, cid in before if doc[i].dep_ in ("nsubj", "nsubjpass") or
                    beside_a_subject(doc[i])]
        record = by_id[(subjects or before)[-1][1]]
        if record.age is None:
            record.age = age
            record.evidence["age"] = TextSpan(span.start_char, span.end_char, span.text)
