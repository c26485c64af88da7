"""Where a Russian event happened: a named place of the trigger's own clause (not one that
describes a person or belongs to another clause), else the premises the clause names ("в
отделе полиции"); a transfer's destination."""

from __future__ import annotations

import re

from . import RULES
from . import arguments as args
from .pipeline import Parsed, inflect, inflect_as, models, nominative_phrase
from .syntax import Sentence, Word, before_or_after, case, preposition, word_class

HOLDS = frozenset(RULES.lists["holds"])
# A named body that is a court ("Мосгорсуд", "Суд Ленинского района", "коллегия").
COURT = RULES.pattern("court_body")
COUNTRY_OF_LAW = RULES.words("country_of_law")
# A numbered facility right before "в" and a city: "колонии общего режима № 3 в", "ИК-4 в".
NUMBERED_FACILITY = RULES.pattern("numbered_facility")
# A supreme court is named after its region ("Верховный суд Крыма"); the words of a region.
REGION_COURTS = RULES.words("region_courts")
REGIONS = tuple(sorted(RULES.words("region_stems")))
# Premises an event happens in where no named place is given ("в отделе полиции").
PREMISES = RULES.words("premises")
HOMES = RULES.words("homes")
# Buildings a street may be told with ("здание управления ФСБ на улице Франко").
BUILDINGS = RULES.words("buildings")
SITED = RULES.words("sited_buildings")
# Places of custody named with their town ("колония в Шклове", "изолятор в Барановичах"), not
# with a region or country ("колония в Мордовии"): the reports name the region alone then.
CUSTODY_SITES = RULES.words("custody_sites")
NOT_TOWNS = tuple(RULES.words("region_names"))
NUMBERED = re.compile(r"-\d+$")  # "ИК-2": a facility's number
TIME_NOUNS = RULES.words("time_nouns") | set(RULES.table("weekdays")) | set(RULES.table("months"))
WHERE = RULES.words("where_words")
RELEASE_VERBS = RULES.words("release_verbs")
# Not for what a court decides: "к пяти годам в колонии строгого режима" is where a term is
# served, not where the court sat.
PREMISES_TYPES = {"arrest", "search", "abduction", "release", "transfer", "ill_treatment",
                  "death_in_custody", "hunger_strike", "protest"}
# What a premises phrase keeps: "колонии «Витьба»", "отделе полиции", "редакции газеты".
PREMISES_PARTS = frozenset({"nmod", "amod", "flat", "flat:name", "appos", "nummod", "case",
                            "nummod:entity"})
TOPIC_PREPOSITIONS = RULES.words("topic_prepositions")
# Words whose "в" names the accusation ("обвиняемого в организации шествий против закрытия
# больницы в Твери"): a place inside it is what the charge is about.
ACCUSING = RULES.words("accusing_words")
QUOTES = {"«", "»", '"'}
# Events that happen where the person is held; verbs that tell where one is held.
IN_CUSTODY = {"hunger_strike", "ill_treatment", "death_in_custody"}
HELD_VERBS = RULES.words("held_verbs")
# Relations on the way from a place up to its event's clause ("в суде Симферополя").
PLACE_PATH = {"obl", "nmod", "conj", "appos", "flat", "flat:name", "advmod"}



def spans_in(parsed: Parsed, sentence: Sentence, kind: str) -> list[tuple[int, int, str]]:
    end = sentence.start + len(sentence.text)
    return [(s, e, normal) for t, s, e, normal in parsed.spans
            if t == kind and sentence.start <= s < end]


# Squares and streets named after someone or something ("площадь Ленина", "улица Франко").
LANDMARKS = RULES.words("landmarks")


def find_place(sentence: Sentence, parsed: Parsed, trigger: Word, kind: str) -> str | None:
    """The first place of the trigger's own clause, in the nominative ("в Крыму" -> "Крым"); not
    the country of a code of law ("УК РФ"), not a place that says where a person is from or a
    participle's ("министра Ингушетии", "живших в Крыму"), and a city before a district ("Суд
    Ленинского района Гродно" -> "Гродно")."""
    where = _where_of(sentence, trigger)
    if where is not None:  # "увезли в Грозный, где его избили": Грозный
        for start, end, normal in spans_in(parsed, sentence, "LOC"):
            inside = [w for w in sentence.words if start <= w.start < end]
            if any(w.i == where.i for w in inside):
                return place_name(inside, normal)
        if where.lemma in PREMISES and kind in PREMISES_TYPES:
            return _premises_phrase(sentence, where)
    laws = [m.span() for m in args.RULES.pattern("article").finditer(sentence.text)]
    places, landmarks = [], []
    for start, end, normal in spans_in(parsed, sentence, "LOC"):
        offset = start - sentence.start
        if any(a <= offset < b for a, b in laws):
            continue
        inside = [w for w in sentence.words if start <= w.start < end]
        top = _top(sentence, inside, start, end) if inside else None
        if top is None or not _in_clause(sentence, top, trigger):
            continue
        if _regional_court(sentence, top, normal):
            continue  # "Верховный суд Крыма изменил", "суд в Самарской области отказал"
        if len(inside) == 1 and inside[0].text.lower() in PREMISES:
            continue  # "в СИЗО" tagged as a place: premises, not a city
        facility = _numbered_facility(sentence, top) or (
            _facility_before(sentence, start, end)) or _sited(sentence, top)
        if facility is not None and kind in PREMISES_TYPES:
            return facility  # "отбывает срок в колонии общего режима № 3 в Перми"
        landmark = _landmark(sentence, inside)
        if landmark is not None and kind in PREMISES_TYPES:
            street = _premises_on_street(sentence, inside)
            if street is not None:  # "в квартире Соколовых на улице Пушкина"
                return street
        if landmark is not None:  # "на площадь Ленина": where no city is named
            landmarks.append(landmark)
            continue
        normal = _feminine(sentence, inside) or place_name(inside, normal)
        if normal.lower() not in COUNTRY_OF_LAW and "\n" not in parsed.text[start:end]:
            places.append(normal)
    cities = [p for p in places if "район" not in p.lower()]
    if cities or places or landmarks:
        return (cities or places or landmarks)[0]
    held = _held_at(sentence, parsed, trigger) if kind in IN_CUSTODY else None
    if held is not None or kind not in PREMISES_TYPES:
        return held
    return _premises(sentence, trigger, numbered=kind != "transfer",  # a transfer's place is
                     homes=kind != "search")  # where it went, not a numbered stop on the way
    # ("по пути его держали в СИЗО-1"); a search's is no home searched ("обыски в домах")


def _landmark(sentence: Sentence, inside: list[Word]) -> str | None:
    """A name in the genitive of a square or street ("на площадь Ленина", "на улице Франко"):
    the square or street named so, its noun in the nominative ("площадь Ленина")."""
    top = next((w for w in inside if w.head is None or sentence.words[w.head] not in inside), None)
    head = sentence.head(top) if top is not None else None
    if head is None or head.lemma not in LANDMARKS or top.rel not in ("nmod", "appos") or (
            case(top) != "Gen") or head.i != inside[0].i - 1:
        return None
    return inflect(head.text) + " " + sentence.span_text(inside)


def _premises_on_street(sentence: Sentence, inside: list[Word]) -> str | None:
    """Premises with the street they are on ("в квартире Соколовых на улице Пушкина"): the
    premises, in the nominative, and their street as written."""
    street = sentence.head(inside[0])
    owner = sentence.head(street) if street is not None else None
    if owner is None or not (_is_premises(owner) or owner.lemma in BUILDINGS) or (
            preposition(sentence, street) != "на") or owner.i > street.i:
        return None
    text = sentence.span_text(sentence.words[owner.i:inside[-1].i + 1])
    return text.replace(owner.text, inflect(owner.text), 1)


def _held_at(sentence: Sentence, parsed: Parsed, trigger: Word) -> str | None:
    """Where the clause's person is held, told in a relative clause or a participle of theirs
    ("Иван Петров, который отбывает срок в колонии в Коми, объявил голодовку", "находящегося в
    СИЗО-1 X избили"): an event of custody happens there. Not where one lives or comes from
    ("жившего в Сочи", "мэра Твери")."""
    clause = clause_words(sentence, trigger)
    for verb in sentence.words:
        person = sentence.head(verb)
        if verb.lemma not in HELD_VERBS or verb.rel not in ("acl:relcl", "acl", "amod") or (
                person is None or person.pos not in ("NOUN", "PROPN")) or not any(
                    w.i in clause for w in sentence.ancestors(verb)):
            continue
        inside = {w.i for w in sentence.subtree(verb)}
        for start, end, normal in spans_in(parsed, sentence, "LOC"):
            words = [w for w in sentence.words if start <= w.start < end and w.i in inside]
            if words:
                top = _top(sentence, words, start, end)
                return _numbered_facility(sentence, top) or _facility_before(
                    sentence, start, end) or _sited(sentence, top) or place_name(words, normal)
        for kid in sentence.subtree(verb):
            if _is_premises(kid) and preposition(sentence, kid) in ("в", "во") and (
                    case(kid) == "Loc"):
                return _numbered_facility(sentence, kid) or _premises_phrase(sentence, kid)
    return None


def picketed(sentence: Sentence, trigger: Word) -> str | None:
    """What a protest verb's object names is where it took place ("пикетировали здание
    правительства" -> "здание правительства")."""
    if word_class(trigger) != "VERB":
        return None
    for thing in sentence.children(trigger, ("obj",)):
        if thing.pos == "NOUN" and thing.feats.get("Animacy") == "Inan":
            return _premises_phrase(sentence, thing)
    return None


def _where_of(sentence: Sentence, trigger: Word) -> Word | None:
    """The noun a "где" clause of the trigger hangs from ("доставили в отдел, где избили и
    удерживали": отдел), through verbs joined to the trigger's."""
    verb = trigger if word_class(trigger) == "VERB" else sentence.head(trigger)
    verb = sentence.climb(verb, ("conj",)) if verb is not None else None
    if verb is None or verb.rel != "acl:relcl" or not any(
            k.lemma in WHERE for k in sentence.children(verb, ("advmod",))):
        return None
    return sentence.head(verb)


def _numbered_facility(sentence: Sentence, word: Word) -> str | None:
    """A city that says where a numbered facility is ("в колонии общего режима № 3 в Перми",
    "в ИК-4 в городе Рузаевка"): the facility with its number and city is the place, in
    the nominative."""
    head = sentence.head(word)
    if head is not None and head.lemma == "город" and word.rel in ("appos", "flat", "flat:name"):
        word, head = head, sentence.head(head)  # "в городе Рузаевка"
    if head is None or not _is_premises(head) or word.rel != "nmod" or not (
            preposition(sentence, word) in ("в", "во") or (
                preposition(sentence, word) is None and case(word) == "Gen" and word.i > head.i)):
        return None  # "в колонии № 3 в Перми", "в СИЗО-1 Новочеркасска"
    numbered = any(w.text == "№" or (w.pos == "NUM" and w.rel in ("nummod", "appos"))
                   for w in sentence.subtree(head) if w.i < word.i) or "-" in head.text
    if not numbered:
        return None
    words = [w for w in sentence.subtree(head) if not (w.rel == "case" and w.head == head.i)]
    last = max(x.i for x in sentence.subtree(word, PREMISES_PARTS))  # not "в Шклове, где он
    words = [w for w in words if head.i <= w.i <= last]  # отбывал наказание": the city alone
    text = sentence.span_text(words).strip(" ,")  # its adjectives in the nominative, below
    return _with_adjectives(sentence, head, text.replace(head.text, inflect(head.text), 1))


def _sited(sentence: Sentence, word: Word) -> str | None:
    """A building with the city it stands in ("у здания правительства в Магасе", "на базе полка
    ППС в Грозном", "в больницу в Киеве"), a colony or jail with its town ("в колонии в
    Минусинске"): the building, in the nominative, with its city, as the reports name the most
    specific place."""
    if preposition(sentence, word) not in ("в", "во") or word.rel != "nmod":
        return None
    head = sentence.head(word)
    town = not any(x in word.lemma for x in (*REGIONS, *NOT_TOWNS))
    for _ in range(3):
        if head is None or head.pos != "NOUN":
            return None
        if head.lemma in SITED or (head.lemma in CUSTODY_SITES and town):
            break  # "в колонии в Минусинске", not "в колонии в Мордовии": a region's
        head = sentence.head(head) if head.rel == "nmod" else None
    else:
        return None
    if head is None:
        return None
    last = max(x.i for x in sentence.subtree(word, PREMISES_PARTS))
    words = [w for w in sentence.words[head.i:last + 1]]
    if any(w.text in (",", ";", "(", "—") for w in words):
        return None
    text = sentence.span_text(words).strip(" ,")
    return _with_adjectives(sentence, head, text.replace(head.text, inflect(head.text), 1))


def _with_adjectives(sentence: Sentence, noun: Word, text: str) -> str:
    """The phrase of premises with the adjectives told before its noun, in the nominative
    ("в екатеринбургском СИЗО-1" -> "екатеринбургский СИЗО-1", "из гомельской женской колонии
    № 4" -> "гомельская женская колония № 4"): the real reports name the facility so."""
    adjectives = [k for k in sentence.children(noun, ("amod",)) if k.i < noun.i and (
        k.pos == "ADJ") and k.text[:1].islower()]
    if not adjectives or [k.i for k in adjectives] != list(range(adjectives[0].i, noun.i)):
        return text
    gender = "Masc" if noun.text[:1].isupper() else None  # "СИЗО", "ИК": изолятор, колония
    words = [k.text for k in adjectives]
    if gender is None:
        phrase = nominative_phrase([*words, noun.text])[:len(words)]
    else:
        phrase = [inflect_as(w, {"Nom", "Sing", "Masc"}) for w in words]
    return " ".join(phrase) + " " + text


def _facility_before(sentence: Sentence, start: int, end: int) -> str | None:
    """The same, read from the words where the parser hung the number or the city elsewhere:
    a facility noun, its number and "в" right before the city."""
    before = sentence.text[:start - sentence.start]
    match = NUMBERED_FACILITY.search(before)
    if match is None:
        return None
    facility = match.group("facility")
    first = facility.split()[0]
    written = sentence.text[match.start("facility"):end - sentence.start]
    return written.replace(first, inflect(first), 1).strip(" ,")


def _regional_court(sentence: Sentence, word: Word, normal: str) -> bool:
    """The place names the court that is the subject, and the court is a region's: a supreme
    court named after its region ("Верховный суд Крыма") or a court of a region ("суд в
    Самарской области"): its jurisdiction, not where the event happened."""
    for head in sentence.ancestors(word):
        if head.rel == "nsubj" and COURT.match(head.lemma):
            return any(k.lemma in REGION_COURTS for k in sentence.children(head, ("amod",))) or (
                any(x in normal.lower() for x in REGIONS))
        if word_class(head) == "VERB":
            return False
    return False


def _is_premises(word: Word) -> bool:
    """Premises by their noun, also a numbered one ("ИК-2", "СИЗО-1")."""
    return word.lemma in PREMISES or NUMBERED.sub("", word.lemma) in PREMISES


def _premises(sentence: Sentence, trigger: Word, numbered: bool = True,
              homes: bool = True) -> str | None:
    """Where no named place is in the clause, the premises the trigger's clause names ("в
    отделе полиции", "на квартире", "освободился из колонии «Витьба»"), in the nominative;
    without ``homes``, not a home (what a search searched is no place of it)."""
    clause = clause_words(sentence, trigger)
    for i in sorted(clause):
        for kid in sentence.children(sentence.words[i], ("obl", "nmod")):
            if not (_is_premises(kid) if numbered else kid.lemma in PREMISES) or kid.i in clause:
                continue
            if not homes and kid.lemma in HOMES:
                continue
            at = preposition(sentence, kid) in ("в", "во", "на") and case(kid) == "Loc"
            if at or (preposition(sentence, kid) == "из" and trigger.lemma in RELEASE_VERBS):
                text = _premises_phrase(sentence, kid)
                if text:
                    return text
    return None


def _top(sentence: Sentence, inside: list[Word], start: int, end: int) -> Word:
    """The word of a span whose head is outside it."""
    return next((w for w in inside if w.head is None or not start <= sentence.words[
        w.head].start < end), inside[0])


def _in_clause(sentence: Sentence, word: Word, trigger: Word) -> bool:
    """The word hangs from the trigger's clause through obliques and nominal modifiers only
    ("в суде Симферополя"), or through the court that is its subject ("Суд Ленинского района
    Гродно приговорил"), or through a relative clause of a participant ("Лаптев, который
    отбывает срок в колонии в Мордовии, объявил голодовку"): no other verb or participle ("живших
    в Крыму"), no person ("министру Ингушетии") on the way up."""
    clause = clause_words(sentence, trigger)
    current, relative, person = word, False, False
    for head in sentence.ancestors(word):
        court = current.rel == "nsubj" and COURT.match(current.lemma)
        if current.rel not in PLACE_PATH and not court and not (
                relative and current.rel in HOLDS) and not (person and head.i in clause):
            return False
        if preposition(sentence, current) in TOPIC_PREPOSITIONS:
            return False  # "осудили за пост об ударе по театру в Мариуполе": what was said
        if current is not word and head.lemma in ACCUSING and preposition(
                sentence, current) in ("в", "во"):
            return False  # "обвинили в организации протестов в Москве": what is charged
        if head.i in clause:
            return True
        relative = current.rel == "acl:relcl"
        if (word_class(head) == "VERB" and head.rel != "acl:relcl") or (
                head.feats.get("Animacy") == "Anim" and not relative and not _located(
                    sentence, current)):
            return False  # "министру Ингушетии"; not "задержали активиста X в Москве"
        person = head.feats.get("Animacy") == "Anim" and _located(sentence, current)
        current = head
    return False


def _located(sentence: Sentence, word: Word) -> bool:
    """A place in the locative behind "в" or "на" ("задержали активиста Ивана Петрова в Москве",
    "дело против адвоката X в Крыму"): where the person was when it happened, which the parser
    hangs on the person; not a genitive of where one is from or holds office ("мэра Твери")."""
    return preposition(sentence, word) in ("в", "во", "на") and word.feats.get("Case") == "Loc"


def clause_words(sentence: Sentence, trigger: Word) -> set[int]:
    """The trigger, the verb a noun trigger hangs from, verbs joined to it ("задержали и
    избили"; not a verb with a subject of its own: "был под стражей, почти год он сидел
    в СИЗО"), and for a relative clause of a person the verb of the clause it hangs in
    ("задержали студента, который вышел на пикет"; not of a thing: "в Крыму стал поводом пост,
    за который его арестовали")."""
    found = {trigger.i}
    head = sentence.head(trigger)
    if head is not None and (word_class(trigger) == "NOUN" or trigger.rel in ("conj", "xcomp")) and (
            not before_or_after(sentence, trigger)):  # "После приговора его этапировали в ..."
        found.add(head.i)
    found |= {k.i for k in sentence.children(trigger, ("conj", "xcomp"))
              if not sentence.children(k, ("nsubj", "nsubj:pass"))}  # "..., он провёл в СИЗО"
    for i in list(found):
        clause = sentence.words[i]
        noun = sentence.head(clause)
        if (clause.rel == "acl:relcl" or clause.rel == "acl" and clause.feats.get(
                "VerbForm") == "Part") and noun is not None and (  # "X, вышедшего с плакатом"
                noun.feats.get("Animacy") != "Inan"):  # not "пост, за который его арестовали"
            main = next((w for w in sentence.ancestors(clause) if word_class(w) == "VERB"), None)
            if main is not None:
                found.add(main.i)
    return found


def _premises_phrase(sentence: Sentence, noun: Word) -> str | None:
    """"отделе полиции" -> "отдел полиции", "колонии «Витьба»" -> "колония «Витьба»": the noun
    and the words after it that qualify it (genitives, adjectives, a name in quotes; not a
    person: "в отделе полиции Ивана Петрова избили" is his beating); None for
    "колонии общего режима", the kind of a term, not a place."""
    if any(k.lemma == "режим" for k in sentence.children(noun)):
        return None
    run = [noun]
    for word in sentence.words[noun.i + 1:]:
        if word.text in QUOTES:
            run.append(word)
            continue
        if word.head is None or sentence.words[word.head] not in run or (
                word.rel not in PREMISES_PARTS) or word.feats.get("Animacy") == "Anim" or (
                    word.rel == "nmod" and case(word) in ("Nom", "Acc")
                    and word.text[:1].islower()):
            break
        run.append(word)
    while run[-1].text == "«":
        run.pop()
    text = sentence.span_text(run).split("\n")[0].strip(" ,")
    return _with_adjectives(sentence, noun, text.replace(noun.text, inflect(noun.text), 1))


def destination(sentence: Sentence, word: Word, parsed: Parsed) -> str | None:
    """Where a transfer went: the "в"/"на" + accusative of the trigger. A place it names as its
    head or with its own "в" is the destination ("в Москву", "в колонию в Башкортостане" ->
    "Башкортостан"); else the phrase in the nominative ("в штрафной изолятор", "в ОВД
    «Тверской»", "в ШИЗО колонии № 6 Челябинской области")."""
    kids = sentence.children(word, ("obl",))  # one after the verb first: "в медчасти ему
    kids = [k for k in kids if k.i > word.i] + [k for k in kids if k.i < word.i]  # отказывали,
    for kid in kids:  # а его отправляли в ШИЗО", where the parser hung both on the second verb
        accusative = kid.feats.get("Case") == "Acc" or (  # "в медчасть" the tagger read as a
            kid.text.lower() == kid.lemma and kid.feats.get("Animacy") == "Inan")  # locative
        if preposition(sentence, kid) not in ("в", "во", "на") or not accusative:
            continue
        if kid.lemma in TIME_NOUNS:
            continue  # "на следующий день", "в среду утром": when, not where
        for city in sentence.children(kid, ("nmod",)):  # "в исправительную колонию № 16 в
            numbered = _numbered_facility(sentence, city) or _sited(  # Салавате": the
                sentence, city)  # numbered facility (a building) with its city, as where one
            if numbered is not None:  # is held
                return numbered
        words = [w for w in sentence.subtree(kid) if not (w.rel == "case" and w.head == kid.i)]
        first, last = words[0].start, words[-1].end
        for start, end, normal in spans_in(parsed, sentence, "LOC"):
            if not first <= start < last:
                continue
            inside = [w for w in words if start <= w.start < end]
            top = next((w for w in inside if w.head is None or not start <= sentence.words[
                w.head].start < end), inside[0]) if inside else None
            if top is not None and (top.i == kid.i or preposition(sentence, top) in ("в", "во")):
                return place_name(inside, normal)
        clause = {c.i for w in words if w.rel == "acl:relcl" or (w.head == kid.i and w.pos == (
            "PROPN") and w.feats.get("Animacy") == "Anim") for c in sentence.subtree(w)}
        words = [w for w in words if w.i not in clause]  # "в ОВД «Тверской», где составили ...";
        # not the person the parser hung on it ("доставила в отдел Олега Смирнова")
        while len(words) > 1 and words[-1].pos == "PUNCT" and words[-1].text not in "»\")":
            words.pop()
        text = sentence.span_text(words)
        amods = [w for w in sentence.children(kid, ("amod",)) if w.i < kid.i]
        run = [*amods, kid]
        if kid.feats.get("Case") == "Acc" and kid.text[:1].islower() and amods and all(
                w.text[:1].islower() for w in run) and [w.i for w in run] == list(
                range(run[0].i, kid.i + 1)):  # "в городской суд": adjectives agreeing
            said = " ".join(w.text for w in run)
            return text.replace(said, " ".join(nominative_phrase([w.text for w in run])), 1
                                ).strip(" ,")
        for w in [kid, *sentence.children(kid, ("amod",))]:
            if w.feats.get("Case") == "Acc" and w.text[:1].islower():
                text = text.replace(w.text, inflect(w.text), 1)
        return text.strip(" ,")
    return None


def _feminine(sentence: Sentence, words: list[Word]) -> str | None:
    """A town in -а the tagger read as a man's name ("в подмосковной Власихе" -> "Власих"):
    the adjective that agrees with it is feminine, so is its nominative ("Власиха")."""
    if len(words) != 1 or words[0].pos != "PROPN":
        return None
    word = words[0]
    feminine = any(k.feats.get("Gender") == "Fem" for k in sentence.children(word, ("amod",)))
    if feminine and word.text.lower().endswith("е") and word.lemma[-1:] not in "аяь" and (
            word.text.lower()[:-1] == word.lemma):
        return word.text[:-1] + "а"
    return None


def place_name(words: list[Word], normal: str) -> str:
    """A place in the nominative: one proper noun by its lemma ("Крыму" -> "Крым"), else
    natasha's normal form."""
    if len(words) == 1 and words[0].pos == "PROPN":
        plural = _plural_town(words[0]) if words[0].feats.get("Number") == "Plur" else None
        if plural is not None:  # "в Сумах" -> "Сумы" (natasha's lemma: "сума")
            return plural
        return words[0].lemma.capitalize() if words[0].lemma.islower() else words[0].lemma
    return normal


def _plural_town(word: Word) -> str | None:
    """A town whose name is a plural ("Сумы", "Мытищи"), as the dictionary names it."""
    town = next((p for p in models().morph_vocab.parse(word.text) if "Geox" in str(p.tag) and (
        "plur" in str(p.tag))), None)
    return town.normal.capitalize() if town is not None else None
