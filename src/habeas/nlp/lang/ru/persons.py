"""Persons in a Russian article: natasha's PER spans, named in the nominative (natasha's
``normalize``: "Ахтема Чийгоза" -> "Ахтем Чийгоз"), every other form as written kept as an
alias, merged by surname stem ("Чийгоза", "Чийгозу", "Чийгоз" are one person) unless the given
names differ; ages from "52-летний" before the name or "(52 года)" after it."""

from __future__ import annotations

import re

from ....model import PersonRecord, Span
from . import RULES
from .forms import same_word
from .pipeline import DOTTED_NAME, Parsed, models
from .syntax import INFINITIVE, Sentence

# How far before a name an age adjective may stand ("23-летнего крановщика Андрея").
AGE_WINDOW = 40

AGE_BEFORE = re.compile(RULES.pattern("age_before").pattern + r"(?:\s+[а-яё-]+){0,2}\s+$", re.I)
AGE_AFTER = RULES.pattern("age_after")
AGE_WORD = re.compile(RULES.pattern("age_before").pattern, re.I)
BYLINES = RULES.words("bylines")
SAYING = RULES.words("attribution_verbs")
DIVINE_NAMES = RULES.words("divine_names")
HOLY_BOOKS = RULES.words("holy_books")
PERSON_NOUNS = RULES.words("person_nouns")
RELATION_NOUNS = RULES.words("relation_nouns")
# Nouns told with the genitive of the one they belong to before their own name ("мать X
# Ирина Y", "адвокат X Кирилл Y").
OWNED_NOUNS = RELATION_NOUNS | RULES.words("lawyer_nouns")
# A woman's surname in an oblique case: "Андрееву", "Андреевой", "Ясинскую", "Ясинской".
FEMALE_OBLIQUE = re.compile(r"(ов|ев|ёв|ин|ын|ск|цк)(у|ую|ой)$")
CYRILLIC_WORD = re.compile(r"[А-ЯЁа-яё-]+")
# Role nouns of either gender ("глава", "коллега"): they tell no woman.
COMMON_GENDER = RULES.words("common_gender_nouns")
# A man's surname in the genitive or accusative ("Бекирова", "Сафина").
MASC_GENITIVE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)а$")
# A man's surname in the dative ("Сеитову"; a woman's "Андрееву" is told apart before).
MASC_DATIVE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)у$")


# A surname in brackets right after a name: the person's other surname.
OTHER_SURNAME = re.compile(r"\s*\(([А-ЯЁ][а-яё-]+)\)")

# How many first letters two spellings of one surname share (with the same given name).
MISSPELT_PREFIX = 7

# Names as official texts write them: "Шилову Егору Андреевичу", "Ковалёва Д.И.".
PATRONYMIC = RULES.pattern("patronymic")
INITIALS = RULES.pattern("initials")


def sentence_of(parsed: Parsed, start: int) -> tuple[int, Sentence] | None:
    for n, sentence in enumerate(parsed.sentences):
        if sentence.start <= start < sentence.start + len(sentence.text):
            return n, sentence
    return None


def find_persons(parsed: Parsed) -> tuple[list[PersonRecord], dict[tuple[int, int], str]]:
    """The persons, and which person each word of a name belongs to ((sentence, word) -> id)."""
    persons: list[PersonRecord] = []
    mentions: dict[tuple[int, int], str] = {}
    _join_cut_names(parsed)
    for kind, start, end, normal in parsed.spans:
        if kind != "PER" or _is_byline(parsed.text, start) or _is_no_person(parsed.text, start,
                                                                              end):
            continue
        cut = parsed.text.find(" (", start, end)
        if cut > start:  # "Веру Котову (Лаврову": the other surname in brackets is no part
            normal = " ".join(normal.split()[:len(parsed.text[start:cut].split())])
            end = cut
        surface = parsed.text[start:end]
        located = sentence_of(parsed, start)
        words = [w for w in located[1].words if start <= w.start < end] if located else []
        if located and _outlet_told(located[1], words):
            continue  # "Об этом X-у сообщил адвокат": the outlet told
        role = _role_noun(located[1], words) if located else None
        normal = _nominative(normal, words, role)
        if len(words) > 2 and _owner_before_name(located[1], words):
            # "Мама Павла Светлана Ермолович": the son's given name is no part of hers
            start, words, normal = words[1].start, words[1:], " ".join(normal.split()[1:])
            surface = parsed.text[start:end]
        while words and len(words) > 1 and (words[0].lemma in PERSON_NOUNS or (
                INFINITIVE.search(words[0].lemma) and words[0].text.lower().endswith(
                    ("ого", "ому", "ый", "ая", "ую", "ой")))):
            # "Журналистка Катерина": a role noun the tagger took into the name; "Осуждённого
            # Зуева": a participle
            start, words, normal = words[1].start, words[1:], " ".join(normal.split()[1:])
            surface = parsed.text[start:end]
        surface, normal = surface.strip(" )(«»\""), normal.strip(" )(«»\"")
        if len(words) == 1 and (words[0].lemma in PERSON_NOUNS or INFINITIVE.search(
                words[0].lemma)):
            continue  # "Журналистка" alone; a participle ("Уставшая, она ...") is no name
        if not normal or (words and all(w.feats.get("Number") == "Plur" for w in words)):
            continue  # "Мустафаевых": a family, no person
        tokens = _given_first(normal.split())
        normal = " ".join(tokens)
        person = _match(persons, tokens)
        if person is None:
            person = PersonRecord(id=f"p{len(persons) + 1}", name=normal)
            persons.append(person)
        elif len(tokens) > len(person.name.split()):
            _add_alias(person, person.name)
            person.name = normal
        _add_alias(person, surface)
        person.mentions.append(Span(start, end, surface))
        if located is not None:
            n, sentence = located
            for word in words:
                mentions[(n, word.i)] = person.id
            _read_attributes(person, sentence, words, parsed.text, start, end)
    _surnames_read_as_places(parsed, persons, mentions)
    persons = _other_surnames(parsed, persons, mentions)
    _given_names_alone(parsed, persons, mentions)
    for person in persons:
        person.aliases = [a for a in person.aliases if a != person.name]
    return persons, mentions


def _owner_before_name(sentence: Sentence, words: list) -> bool:
    """A relation noun or a lawyer's, the genitive of its owner's name and the relative's or
    lawyer's own name in another case, read as one name ("Мама Павла Светлана Ермолович",
    "адвокат Иванова Олег Смирнов")."""
    first, rest = words[0], words[1:]
    before = sentence.words[first.i - 1] if first.i else None
    cases = {w.feats.get("Case") for w in rest}
    return before is not None and before.lemma in OWNED_NOUNS and first.feats.get(
        "Case") == "Gen" and len(cases) == 1 and first.feats.get("Case") not in cases


def _owner_before_other(sentence: Sentence, word, other: str | None,
                        person: PersonRecord) -> bool:
    """A given name in the genitive after a relation noun and before the relative's own name
    ("Мама Павла Светлана Ермолович", "Жена Олега Мария рассказала"): the owner's name, a
    mention of its own though a name follows it."""
    before = sentence.words[word.i - 1] if word.i else None
    return other is not None and other != person.id and before is not None and (
        before.lemma in RELATION_NOUNS) and word.feats.get("Case") == "Gen"


def _given_names_alone(parsed: Parsed, persons: list[PersonRecord],
                       mentions: dict[tuple[int, int], str]) -> None:
    """A given name alone the tagger left untagged ("Виктора задержали" after "Виктора
    Ладыгина"): a mention of the one person named so in full, where no other has that name."""
    given: dict[str, list[PersonRecord]] = {}
    for person in persons:
        if len(person.name.split()) > 1:
            given.setdefault(person.name.split()[0].lower(), []).append(person)
    for n, sentence in enumerate(parsed.sentences):
        for word in sentence.words:
            named = given.get(word.lemma, [])
            if (n, word.i) in mentions or len(named) != 1 or not word.text[:1].isupper() or (
                    word.pos not in ("PROPN", "NOUN")):
                continue
            nxt = sentence.words[word.i + 1] if word.i + 1 < len(sentence.words) else None
            if nxt is not None and nxt.text[:1].isupper() and nxt.pos == "PROPN" and not (
                    _owner_before_other(sentence, word, mentions.get((n, nxt.i)), named[0])):
                continue  # a full name of someone else ("Виктор Петров")
            person = named[0]
            _add_alias(person, word.text)
            person.mentions.append(Span(word.start, word.end, word.text))
            mentions[(n, word.i)] = person.id


def _surnames_read_as_places(parsed: Parsed, persons: list[PersonRecord],
                             mentions: dict[tuple[int, int], str]) -> None:
    """A surname alone the tagger read as a place ("протокол составили на Смирнову", "на
    Петрова — о пикете"): a mention of the person the report named so in full, and no place."""
    for at, (kind, start, end, normal) in enumerate(parsed.spans):
        surface = parsed.text[start:end]
        if kind != "LOC" or " " in surface or not surface[:1].isupper():
            continue
        person = next((p for p in persons if len(p.name.split()) > 1 and any(
            same_word(surface, a.split()[-1]) for a in [p.name, *p.aliases])), None)
        located = sentence_of(parsed, start)
        if person is None or located is None:
            continue
        n, sentence = located
        words = [w for w in sentence.words if start <= w.start < end]
        if not words or words[0].pos != "PROPN":
            continue
        _add_alias(person, surface)
        person.mentions.append(Span(start, end, surface))
        mentions[(n, words[0].i)] = person.id
        parsed.spans[at] = ("PER", start, end, normal)


def _other_surnames(parsed: Parsed, persons: list[PersonRecord],
                    mentions: dict[tuple[int, int], str]) -> list[PersonRecord]:
    """A surname in brackets right after a name ("Катерина Андреева (Бахвалова)", "Мария
    Иванова (Петрова)"): the same person's other surname, a pen or a maiden name; a person
    named with it and the same given name elsewhere is one person, the one named first."""
    gone: dict[str, PersonRecord] = {}
    for person in persons:
        for span in person.mentions:
            bracket = OTHER_SURNAME.match(parsed.text, span.end)
            if bracket is None or person.id in gone:
                continue
            given = person.name.split()[0]
            other = next((o for o in persons if o is not person and o.id not in gone and len(
                o.name.split()) > 1 and o.name.split()[0] == given and same_word(
                    o.name.split()[-1], bracket.group(1))), None)
            if other is None:
                continue
            keep, drop = (person, other) if persons.index(person) < persons.index(other) else (
                other, person)
            for form in [drop.name, *drop.aliases]:
                _add_alias(keep, form)
            keep.mentions.extend(drop.mentions)
            keep.age = keep.age or drop.age
            gone[drop.id] = keep
    if not gone:
        return persons
    for key, pid in mentions.items():
        if pid in gone:
            mentions[key] = gone[pid].id
    return [p for p in persons if p.id not in gone]


def _match(persons: list[PersonRecord], tokens: list[str]) -> PersonRecord | None:
    """The person these name tokens belong to: the same surname stem, and no other given name;
    one word alone matches a surname or a given name."""
    for person in persons:
        known = person.name.split()
        forms = [w for a in person.aliases for w in a.split()]
        if len(tokens) == 1:
            if any(same_word(tokens[0], w) for w in known + forms):
                return person
            continue
        if len(known) == 1 and any(same_word(t, known[0]) for t in tokens):
            return person  # known so far by one name: "Катерина", then "Катерина Андреева"
        if not same_word(tokens[-1], known[-1]) and not (
                len(known) > 1 and same_word(tokens[0], known[0])
                and _misspelt(tokens[-1], known[-1])):
            continue
        if len(known) > 1 and not _same_given(tokens[0], known[0]):
            continue  # brothers: one surname, two given names
        return person
    return None


def _same_given(a: str, b: str) -> bool:
    """One given name, written out or as an initial ("Антон", "А.С.")."""
    if INITIALS.match(a) or INITIALS.match(b):
        return a[:1].upper() == b[:1].upper()
    return same_word(a, b)


def _is_given_name(word: str) -> bool:
    return any("Name" in str(parse.tag) for parse in models().morph_vocab.parse(word))


def _given_first(tokens: list[str]) -> list[str]:
    """A name in the order given name, patronymic, surname, however written: "Шилов Егор
    Андреевич" (an official text's order) -> "Егор Андреевич Шилов", "Жуков А.С." -> "А.С.
    Жуков" (a surname in -ович, "Виктор Гуринович", stays where it is)."""
    if len(tokens) == 3 and PATRONYMIC.search(tokens[2]) and _is_given_name(tokens[1]) and (
            not _is_given_name(tokens[0])):
        return [tokens[1], tokens[2], tokens[0]]
    if len(tokens) > 1 and not INITIALS.match(tokens[0]) and all(
            INITIALS.match(t) for t in tokens[1:]):
        return ["".join(tokens[1:]), tokens[0]]
    return tokens


def _join_cut_names(parsed: Parsed) -> None:
    """A name the tagger cut in two: a surname before a given name with its patronymic
    ("в отношении Жукова | Антона Сергеевича") or before initials ("Ковалёва | Д.И."), one name;
    initials alone are no one's name."""
    spans: list[tuple[str, int, int, str]] = []
    for kind, start, end, normal in parsed.spans:
        surface = parsed.text[start:end]
        last = spans[-1] if spans else None
        cut = kind == "PER" and last is not None and last[0] == "PER" and (
            parsed.text[last[2]:start] == " ") and " " not in parsed.text[last[1]:last[2]]
        if cut and (INITIALS.match(surface) or (
                len(normal.split()) == 2 and PATRONYMIC.search(normal.split()[1])
                and _is_given_name(normal.split()[0]))):
            spans[-1] = ("PER", last[1], end, f"{last[3]} {normal}")
            continue
        if kind == "PER" and INITIALS.match(surface):
            continue
        spans.append((kind, start, end, normal))
    parsed.spans[:] = spans


def _misspelt(surname: str, other: str) -> bool:
    """Two spellings of one surname with one given name (a caption's "Мария Пономарева" for the
    body's "Мария Пономаренко"): they share their first seven letters."""
    return len(surname) >= MISSPELT_PREFIX and surname[:MISSPELT_PREFIX].lower() == (
        other[:MISSPELT_PREFIX].lower())


def _role_noun(sentence: Sentence, words: list):
    """The noun a name stands in apposition to ("Жительницу Петербурга Александру ...",
    "активистку Марию"), which tells a woman where the name's own forms do not."""
    head = sentence.head(words[0]) if words else None
    if head is not None and words[0].rel == "appos" and head.pos == "NOUN" and (
            head.feats.get("Animacy") == "Anim"):
        return head
    return None


def _nominative(normal: str, words: list, role=None) -> str:
    """natasha's nominative, with the names its dictionary lacks put in the nominative too: a
    man's given name in the genitive or accusative ending in -а/-я ("Сервера", "Эдема") drops
    it; a woman's name keeps her forms ("Катерину Андрееву" -> "Катерина Андреева", where natasha
    may give a man's "Андреев")."""
    tokens = normal.split()
    if len(tokens) != len(words):
        return normal
    if _is_female(words, role):
        return " ".join(_female_nominative(token, word.text, given=n == 0)
                        for n, (token, word) in enumerate(zip(tokens, words)))
    out = []
    first = words[0].feats.get("Case")
    for n, (token, word) in enumerate(zip(tokens, words)):
        oblique = word.feats.get("Case") in ("Gen", "Acc") and word.feats.get("Gender") == "Masc"
        told = n == 0 and len(words) > 1 and MASC_GENITIVE_SURNAME.search(words[-1].text) and (
            not tokens[-1].endswith("а"))  # natasha put the surname in the nominative
        if n and n == len(words) - 1 and _surname_in_iya(token, word.text):
            token = word.text[:-2] + "ия"  # "Георгия Гогия", "Гогию": Гогия, not "Гогий"
        elif (oblique or told) and token == word.text and token[-1:] in ("а", "я") and len(token) > 3:
            token = token[:-1] + ("й" if token.endswith("я") else "")
        elif n and first in ("Gen", "Acc") and words[0].feats.get("Gender") == "Masc" and (
                token == word.text and MASC_GENITIVE_SURNAME.search(token)):
            token = token[:-1]  # "по делу Ремзи Бекирова": the given name does not decline
        elif n == 0 and len(words) > 1 and MASC_GENITIVE_SURNAME.search(words[-1].text) and (
                token == word.text and token.endswith("у") and len(token) > 3):
            token = token[:-1] + "а"  # "Ризу Изетова": Риза, a man's name in -а
        elif len(words) > 1 and MASC_DATIVE_SURNAME.search(words[-1].text) and (
                token == word.text and token.endswith("у") and len(token) > 4) and (
                n == 0 or MASC_DATIVE_SURNAME.search(token)):
            token = token[:-1]  # "Энверу Сеитову": a given name natasha does not know
        out.append(token)
    return " ".join(out)


def _surname_in_iya(token: str, surface: str) -> bool:
    """A man's surname in -ия ("Гогия", "Шенгелия", "Данелия"), written as is or declined
    ("Гогию"), which natasha reads as a form of a name in -ий ("Гогий"); not a given name
    after a surname ("Петрова Георгия")."""
    if not (surface.lower().endswith(("ия", "ию")) and token.lower().endswith(("ий", "ию", "ия"))
            and surface[:1].isupper() and len(surface) > 4):
        return False
    given = surface[:-2].lower() + "ий"
    vocab = models().morph_vocab
    return not (vocab.word_is_known(given) and any(
        all(x in str(parse.tag) for x in ("Name", "masc", "nomn")) and parse.normal_form == given
        for parse in vocab.parse(given)))


def _is_female(words: list, role=None) -> bool:
    """A woman's name: a surname in a woman's oblique form ("Андреевой", "Андрееву" as an
    object, "Ясинской"), or a given name pymorphy knows only as a woman's ("Катерину")."""
    last = words[-1]
    match = FEMALE_OBLIQUE.search(last.text.lower())
    if match and (match.group(2) not in ("у", "ую") or last.feats.get("Case") == "Acc"):
        return True
    if len(words) > 1 and words[0].text.lower().endswith(("у", "ю")) and (
            MASC_GENITIVE_SURNAME.search(last.text)):
        return False  # "Ризу Изетова": a man's accusative (a woman's is "Изетову")
    if role is not None and role.feats.get("Gender") in ("Fem", "Masc"):
        if role.feats.get("Gender") == "Fem" and role.lemma not in COMMON_GENDER:
            return True  # "журналистку Александру Скочиленко"
    parses = models().morph_vocab.parse(words[0].text)
    if len(words) > 1 and words[0].feats.get("Case") == "Acc" and any(
            parse.feats.get("Gender") == "Fem" and parse.feats.get("Case") == "Acc"
            and "Name" in str(parse.tag) for parse in parses):
        return True  # "Александру Скочиленко" as an object: a man's accusative is "Александра"
    if len(words) < 2 and not all("Name" in str(parse.tag) for parse in parses):
        return False  # a surname alone says nothing; a given name alone ("Ларису") does
    return {parse.feats.get("Gender") for parse in parses} == {"Fem"}


def _female_nominative(token: str, surface: str, given: bool = False) -> str:
    """"Андреев"/"Андрееву"/"Андреевой" -> "Андреева", "Ясинскую" -> "Ясинская", "Марию" ->
    "Мария"."""
    if not CYRILLIC_WORD.fullmatch(token) or len(token) < 3:
        return token
    if given and surface[:1].isupper():  # "Анне" -> "Анна", "Александру" -> "Александра"
        name = next((p for p in models().morph_vocab.parse(surface) if all(
            x in str(p.tag) for x in ("Name", "femn")) and "Fixd" not in str(p.tag)), None)
        if name is not None:
            return name.normal_form.capitalize()
    if re.search(r"(ов|ев|ёв|ин|ын)(у|ой|а)?$", token):
        return re.sub(r"(ов|ев|ёв|ин|ын)(у|ой|а)?$", r"\1а", token)
    if re.search(r"(ск|цк)(ую|ой|ая)$", token):
        return re.sub(r"(ую|ой|ая)$", "ая", token)
    if token == surface and token[-1] in "ую":
        return token[:-1] + ("а" if token[-1] == "у" else "я")
    return token


def _add_alias(person: PersonRecord, form: str) -> None:
    if form not in person.aliases:
        person.aliases.append(form)


def _is_no_person(text: str, start: int, end: int) -> bool:
    """A name that is no person of the report: a title or an outlet in quotes («Медиазона»,
    «Кот Леопольд»), a credit ("Видео: Давид Френкель / Медиазона", "Алексей Ивашкевич|Антон
    Мардилович", "— Медиазона (@mediazzzona)"), a family in the plural ("дома Мустафаевых")."""
    surface = text[start:end]
    if text[max(0, start - 1):start] == "«" or text[end:end + 1] == "»":
        return True
    if DOTTED_NAME.search(surface):
        return True  # an outlet: "Крым.Реалии"
    if "|" in (text[max(0, start - 1):start] + text[end:end + 1]) or text[end:end + 3] == " (@":
        return True
    line = text[text.rfind("\n", 0, start) + 1:start].lower()
    if any(re.match(rf"\s*{word}\w*\s*:", line) for word in BYLINES):
        return True
    if surface.split() and any(surface.split()[-1].lower().startswith(stem)
                               for stem in DIVINE_NAMES):
        return True  # "Свидетеля Иеговы", "Иисуса Христа": a faith, no person
    if " " not in surface and any(surface.lower().startswith(stem) and (
            len(surface) - len(stem) <= 2) for stem in HOLY_BOOKS):
        return True  # "изъятый Коран", "Библию": a holy book
    return " " not in surface and bool(re.search(r"[ыи]х$", surface))


def _outlet_told(sentence: Sentence, words: list) -> bool:
    """A name of one word that is the outlet told, not a person: the addressee of a verb of
    saying with no preposition ("Об этом X-у сообщил адвокат", "рассказала X его жена") that
    the dictionary knows as no surname or given name."""
    if len(words) != 1:
        return False
    word = words[0]
    head = sentence.words[word.head] if word.head is not None else None
    told = head is not None and head.lemma in SAYING and (word.rel == "iobj" or (
        word.rel == "obl" and word.feats.get("Case") in ("Dat", None))) and not any(
        sentence.words[k].rel == "case" for k in sentence.kids.get(word.i, ()))
    return told and not any(  # not a surname or given name told to ("Об этом Смирнову
        "Surn" in p.tag or "Name" in p.tag for p in models().morph_vocab.parse(word.text))


def _is_byline(text: str, start: int) -> bool:
    """A credit: "Фото: X", "Автор: X", or the credit word opening its line ("Фото Ивана
    Петрова"); not a role in a sentence ("задержали фотографа Алеся X", "редактора X")."""
    before = text[max(0, start - 20):start].lower()
    return any(re.search(rf"\b{word}\w*\s*:\s*$", before) or re.search(
        rf"(?:^|\n)\s*{word}\w*\s*$", before) for word in BYLINES)


def role_age(sentence: Sentence, word) -> int | None:
    """The age told on the noun a name stands beside ("34-летний программист из Гомеля Андрей
    ...", "19-летний модератор канала «...» X") or on a noun of a person named nowhere else in
    the sentence ("приговорил 62-летнего общественного деятеля"): the age word is the noun's,
    however many words stand between it and the name."""
    noun = sentence.head(word) if word.rel == "appos" else word
    if noun is None or noun.pos != "NOUN":
        return None
    for kid in sentence.children(noun, ("amod", "nummod", "nummod:gov")):
        match = AGE_WORD.fullmatch(kid.text)
        if match:
            return int(match.group("age"))
    return None


def _read_attributes(person: PersonRecord, sentence: Sentence, words: list, text: str,
                     start: int, end: int) -> None:
    if person.age is None:
        match = AGE_BEFORE.search(text[max(0, start - AGE_WINDOW):start]) or AGE_AFTER.search(
            text[end:end + 20])
        if match:
            person.age = int(match.group("age"))
    if person.age is None and words:
        person.age = role_age(sentence, words[0])  # "34-летний программист из Гомеля X"
    if words and person.gender is None:
        gender = "Fem" if _is_female(words, _role_noun(sentence, words)) else words[0].feats.get("Gender")
        person.gender = {"Masc": "male", "Fem": "female"}.get(gender)
    if words:
        head = sentence.head(words[0])
        if words[0].rel == "appos" and head is not None and head.lemma in PERSON_NOUNS:
            if head.lemma not in person.roles:
                person.roles.append(head.lemma)
