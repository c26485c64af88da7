"""Names across scripts and spellings: a spelling skeleton, a parsed name, and a pair score.

The skeleton of a name token is what is left when the usual ways of writing a Russian,
Ukrainian or Crimean Tatar sound in Latin letters are folded together: "Чийгоз", "Chiygoz",
"Chyigoz" and "Chiigoz" are all ``Cigoz``; "Dzhelyal", "Dzhelial", "Jelyal" and "Джелял" are
``jelial``; "Umerow" is ``umerov``. A parsed ``Name`` knows which token is the surname (also in
"Aliev Muslim Nuriyevich" and "Umerov Ilmi"), the given name (by its name group, so "Oleksandr"
and "Aleksandr" agree), the patronymic, and the gender the forms carry.

``name_score`` compares two names on their names alone, from 0 to 1. Hard negatives score 0 with
a reason: a man's and a woman's form of one surname (-ov / -ova), two different given names
(brothers), two different patronymics, a patronymic made from the other's given name (father
and son), Jr. and Sr. Evidence beyond the names (ages, affiliations, co-mentions) is weighed in
``habeas.resolve.evidence``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from rapidfuzz.distance import OSA
from unidecode import unidecode

from .lexicon import (
    FEMALE_NAMES,
    FEMALE_PATRONYMIC_ENDINGS,
    FEMALE_SURNAME_ENDINGS,
    GENERATIONS,
    MALE_NAMES,
    MALE_SURNAME_ENDINGS,
    NOT_NAME,
    PATRONYMIC_ENDINGS,
    name_groups,
)

# Two names at or above this score are one person on their names alone (the pair gold set in
# tests/names/pairs.csv is scored at it).
SAME_NAME = 0.85
# Surnames at least this similar (normalised optimal string alignment on skeletons: a swap of two letters is one edit) may be one surname with
# a typo or an unusual transliteration; below it they are different surnames.
SURNAME_SIMILAR = 0.8
# ... and at most this many edits apart: a typo is one slip, two slips make another surname
# ("Bekirulin" and "Bekirudin" are one edit apart and may be one; "Ahmedarski" and "Ahmedinski"
# are two).
MAX_SURNAME_EDITS = 1
# Given names at least this similar, with the same first letter, are one name with a typo.
GIVEN_SIMILAR = 0.8
# Skeletons shorter than this must be equal: "Ali" and "Alu" are different names.
MIN_FUZZY_LENGTH = 5
# What each part weighs in the score of two full names.
SURNAME_WEIGHT, GIVEN_WEIGHT = 0.55, 0.45
# Given-name agreement: the same name (any form), a near spelling, an initial.
GIVEN_SAME, GIVEN_TYPO, GIVEN_INITIAL = 1.0, 0.85, 0.6
# A surname alone against a full name: never enough on names alone.
SURNAME_ONLY_FACTOR = 0.75
PATRONYMIC_BONUS = 0.05
# "Ivan Ivanovich Petrov" and "Ivan Petrov": maybe the man, maybe his father of the same name.
FATHER_OR_SON_CAP = 0.7

# Letters of Crimean Tatar and Turkish Latin that unidecode would fold to the wrong sound.
_PRE = {ord("ç"): "ch", ord("Ç"): "Ch", ord("ş"): "sh", ord("Ş"): "Sh", ord("ı"): "i",
        ord("ğ"): "g", ord("Ğ"): "G", ord("ñ"): "n",
        # Belarusian Łacinka and Czech-style romanisation: "Hurynovič" is "Hurynovich".
        ord("č"): "ch", ord("Č"): "Ch", ord("š"): "sh", ord("Š"): "Sh", ord("ž"): "zh",
        ord("Ž"): "Zh", ord("ć"): "ch", ord("Ć"): "Ch", ord("ŭ"): "u"}
# Ordered rewrites from folded ASCII to a skeleton. Upper-case letters are sounds written with
# several Latin letters: C = ch, S = sh, J = dzh / zh / j, H = kh / h.
_RULES = (
    (re.compile(r"x"), "ks"),
    (re.compile(r"shch|sch|sh"), "S"),
    (re.compile(r"dzh|dzj|dj|zh|j"), "J"),
    (re.compile(r"tsch|tch|tsh|ch"), "C"),
    (re.compile(r"c(?=[eiy])"), "C"),
    (re.compile(r"ck|c|q"), "k"),
    (re.compile(r"kh|h"), "H"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"y"), "i"),
    (re.compile(r"^ie"), "e"),
    (re.compile(r"(?<=[aeou])i(?=e)"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)
_NOT_LETTER = re.compile(r"[^a-z]+")
_TOKEN_SPLIT = re.compile(r"[\s,;()\[\]\"“”«»]+")


def fold(text: str) -> str:
    """Lowercase ASCII, Crimean Tatar letters by their sound: "Çiygoz" -> "chiygoz"."""
    return unidecode(text.translate(_PRE)).lower()


@functools.lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """The spelling skeleton of one name token: "Chyigoz", "Чийгоз" -> "Cigoz"."""
    key = _NOT_LETTER.sub("", fold(token))
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key


def _groups() -> tuple[dict[str, str], dict[str, str]]:
    """skeleton of every listed form -> its group's first form; group -> "m" or "f"."""
    forms: dict[str, str] = {}
    gender: dict[str, str] = {}
    for table, sex in ((MALE_NAMES, "m"), (FEMALE_NAMES, "f")):
        for group in name_groups(table):
            head = skeleton(group[0])
            gender[head] = sex
            for form in group:
                forms.setdefault(skeleton(form), head)
    return forms, gender


GIVEN_FORMS, GIVEN_GENDER = _groups()


@dataclass(frozen=True)
class Name:
    """A person's name taken apart. Every part is a skeleton; ``given`` is the name group."""

    text: str
    surname: str = ""
    given: str = ""
    initial: str = ""
    patronymic: str = ""
    generation: str = ""
    gender: str = ""
    # another reading of a two-token name whose order could not be told ("Osman Ali")
    swapped: Name | None = None

    @property
    def full(self) -> bool:
        return bool(self.surname and self.given)

    def key(self) -> str:
        """The exact-match key: given name group and surname ("ahtem|Cigoz")."""
        return f"{self.given or self.initial}|{self.surname}"


def is_patronymic(folded: str) -> bool:
    return len(folded) > 5 and folded.endswith(PATRONYMIC_ENDINGS)


def surname_gender(surname: str) -> str:
    if surname.endswith(FEMALE_SURNAME_ENDINGS):
        return "f"
    if surname.endswith(MALE_SURNAME_ENDINGS):
        return "m"
    return ""


def _surname_likeness(folded: str) -> int:
    score = 0
    if folded.endswith(MALE_SURNAME_ENDINGS + FEMALE_SURNAME_ENDINGS + ("enko", "uk", "yuk")):
        score += 2
    if skeleton(folded) in GIVEN_FORMS:
        score -= 2
    return score


@functools.lru_cache(maxsize=200_000)
def parse(text: str) -> Name:
    """Take a name apart: "Aliev Muslim Nuriyevich", "Ilmi Umerov", "Umerov Ilmi", "I. Umerov"."""
    raw = [t.strip(".'’-") for t in _TOKEN_SPLIT.split(text) if t.strip(".'’-")]
    generation = ""
    tokens: list[str] = []
    for token in raw:
        folded = fold(token)
        if folded in GENERATIONS:
            generation = GENERATIONS[folded]
        elif folded not in NOT_NAME:
            tokens.append(token)
    folded = [fold(t) for t in tokens]
    patronymic = ""
    surname_at = -1
    if len(tokens) >= 3:
        for i in (len(tokens) - 1, 1):
            if is_patronymic(folded[i]):
                patronymic = folded[i]
                del tokens[i], folded[i]
                # "Aliev Muslim Nuriyevich" (patronymic last: surname first) and "Muslim
                # Nuriyevich Aliev", unless an ending or a known given name says otherwise
                first, last = _surname_likeness(folded[0]), _surname_likeness(folded[-1])
                if first != last:
                    surname_at = 0 if first > last else len(tokens) - 1
                else:
                    surname_at = 0 if i == len(tokens) else len(tokens) - 1
                break
    initials = [i for i, f in enumerate(folded) if len(_NOT_LETTER.sub("", f)) == 1]
    words = [i for i in range(len(tokens)) if i not in initials]
    surname = given = initial = ""
    swapped = None
    if patronymic and words:
        s = surname_at if surname_at in words else words[-1]
        surname = folded[s]
        rest = [i for i in words if i != s]
        given = folded[rest[0]] if rest else ""
    elif len(words) == 1:
        only = folded[words[0]]
        if skeleton(only) in GIVEN_FORMS and not initials:
            given = only  # "Akhtem" alone
        else:
            surname = only
    elif len(words) >= 2:
        first, last = words[0], words[-1]
        if len(words) == 2:
            lf, ll = _surname_likeness(folded[first]), _surname_likeness(folded[last])
        else:
            lf, ll = 0, 1
        s, g = (first, last) if lf > ll else (last, first)
        surname, given = folded[s], folded[g]
        if lf == ll:  # no ending and no known name tells the order: keep the other reading
            swapped = (given, surname)
    if initials and not given:
        initial = _NOT_LETTER.sub("", folded[initials[0]])
    name = _build(text, surname, given, initial, patronymic, generation)
    if swapped:
        name = replace(name, swapped=_build(text, swapped[0], swapped[1], "", patronymic,
                                            generation))
    return name


# Short forms a man and a woman share (Aleksandr and Aleksandra are both "Sasha"): the surname
# or patronymic tells, not the given name.
UNISEX = {skeleton(w) for w in ("Sasha", "Sanya", "Shura", "Zhenya", "Zhenia", "Valya", "Slava")}


def _build(text: str, surname: str, given: str, initial: str, patronymic: str,
           generation: str) -> Name:
    given_skel = skeleton(given) if given else ""
    given_group = GIVEN_FORMS.get(given_skel, given_skel)
    sur = skeleton(surname) if surname else ""
    gender = "" if given_skel in UNISEX else GIVEN_GENDER.get(given_group, "")
    if not gender and given_skel.endswith("a") and given_skel not in UNISEX and \
            GIVEN_GENDER.get(GIVEN_FORMS.get(given_skel[:-1], "")) == "m":
        gender = "f"  # "Stanislava", "Aleksandra", "Yevgenia": a woman's form of a man's name
    if not gender and patronymic:
        gender = "f" if patronymic.endswith(FEMALE_PATRONYMIC_ENDINGS) else "m"
    if not gender:
        gender = surname_gender(sur)
    return Name(text=text, surname=sur, given=given_group,
                initial=initial or (given_group[:1].lower() if given_group else ""),
                patronymic=skeleton(patronymic) if patronymic else "", generation=generation,
                gender=gender)


# ---------------------------------------------------------------------------- comparing

def similar(a: str, b: str, floor: float) -> float:
    """Similarity of two skeletons: 1 when equal, else normalised Levenshtein if at least
    ``floor`` and both long enough, else 0."""
    if a == b:
        return 1.0
    if min(len(a), len(b)) < MIN_FUZZY_LENGTH:
        return 0.0
    score = OSA.normalized_similarity(a, b)
    return score if score >= floor else 0.0


def _stem(surname: str) -> str:
    for ending in sorted(FEMALE_SURNAME_ENDINGS + MALE_SURNAME_ENDINGS, key=len, reverse=True):
        if surname.endswith(ending) and len(surname) > len(ending) + 2:
            return surname[: -len(ending)]
    return surname


def gendered_pair(a: str, b: str) -> bool:
    """ "umerov" / "umerova", "dzhemaledinov" / "dzhemaledinova": a man and a woman of one
    family, not one person spelt two ways."""
    ga, gb = surname_gender(a), surname_gender(b)
    return bool(ga and gb and ga != gb and _stem(a) == _stem(b))


def _patronymic_stem(patronymic: str) -> str:
    for ending in sorted(PATRONYMIC_ENDINGS, key=len, reverse=True):
        ending = skeleton(ending)
        if patronymic.endswith(ending):
            return patronymic[: -len(ending)]
    return patronymic


def father_and_son(a: Name, b: Name) -> bool:
    """One's patronymic is made from the other's given name: "Aliev Muslim Nuriyevich" and
    "Nuri Aliev"."""
    for x, y in ((a, b), (b, a)):
        if x.patronymic and y.given and not y.patronymic:
            stem = _patronymic_stem(x.patronymic)
            if len(stem) >= 3 and (y.given.startswith(stem) or stem.startswith(y.given)):
                return True
    return False


def name_score(a: Name, b: Name) -> tuple[float, str]:
    """How likely two names are one person, on the names alone, and why."""
    best = _score(a, b)
    for x, y in ((a.swapped, b), (a, b.swapped)):
        if x is not None and y is not None:
            other = _score(x, y)
            if other[0] > best[0]:
                best = (other[0], other[1] + " (order swapped)")
    return best


def _score(a: Name, b: Name) -> tuple[float, str]:
    if a.generation and b.generation and a.generation != b.generation:
        return 0.0, "Jr. and Sr."
    if a.gender and b.gender and a.gender != b.gender:
        return 0.0, "a man and a woman"
    if not a.surname or not b.surname:
        if a.given and b.given and not (a.surname or b.surname) and a.given == b.given:
            return 0.5, "given name only"
        return 0.0, "no surname to compare"
    if gendered_pair(a.surname, b.surname):
        return 0.0, "a man's and a woman's form of one surname"
    surname = similar(a.surname, b.surname, SURNAME_SIMILAR)
    if surname < 1 and OSA.distance(a.surname, b.surname) > MAX_SURNAME_EDITS:
        surname = 0.0
    if not surname:
        return 0.0, "different surnames"
    if a.patronymic and b.patronymic and not similar(a.patronymic, b.patronymic, GIVEN_SIMILAR):
        return 0.0, "different patronymics"
    if a.given and b.given:
        if a.given == b.given:
            given, why = GIVEN_SAME, "same given name"
        elif a.given[0] == b.given[0] and similar(a.given, b.given, GIVEN_SIMILAR):
            given, why = GIVEN_TYPO, "given name spelt differently"
        else:
            return 0.0, "father and son" if father_and_son(a, b) else "different given names"
    elif (a.given or a.initial) and (b.given or b.initial):
        if (a.given or a.initial)[0].lower() != (b.given or b.initial)[0].lower():
            return 0.0, "different initials"
        given, why = GIVEN_INITIAL, "initial only"
    else:
        score = SURNAME_ONLY_FACTOR * surname
        return score, "surname only" if surname == 1 else "similar surname only"
    score = SURNAME_WEIGHT * surname + GIVEN_WEIGHT * given
    reason = ("same surname" if surname == 1 else "surname spelt differently") + ", " + why
    if a.patronymic and b.patronymic:
        score = min(1.0, score + PATRONYMIC_BONUS)
        reason += ", same patronymic"
    elif (a.patronymic or b.patronymic) and father_and_son_possible(a, b):
        score = min(score, FATHER_OR_SON_CAP)
        reason += ", may be father and son"
    return round(score, 4), reason


def father_and_son_possible(a: Name, b: Name) -> bool:
    """ "Ivan Ivanovich Petrov" and "Ivan Petrov": the patronymic is made from the given name
    both share, so the other may be his father of the same name."""
    x = a if a.patronymic else b
    stem = _patronymic_stem(x.patronymic)
    return len(stem) >= 3 and x.given.startswith(stem)


def same_name(a: str, b: str) -> bool:
    """Whether two written names are one person on their names alone."""
    return name_score(parse(a), parse(b))[0] >= SAME_NAME


def block_keys(name: Name) -> set[str]:
    """Keys that put names worth comparing into one block: ``s:`` the surname skeleton's first
    four letters (where a surname alone looks for its person), ``i:`` those with the given
    name's initial, and (for a typo early in the surname) ``g:`` the initial with the surname's
    last four letters."""
    keys: set[str] = set()
    for n in (name, name.swapped):
        if n is None or not n.surname:
            continue
        keys.add("s:" + n.surname[:4])
        if n.initial:
            keys.add(f"i:{n.initial}:{n.surname[:4]}")
            keys.add(f"g:{n.initial}:{n.surname[-4:]}")
    return keys
