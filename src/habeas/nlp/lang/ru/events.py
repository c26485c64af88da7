"""Events in a Russian article: trigger words by lemma (``triggers.toml``), their participants
through the UD parse (the object of an active verb, the subject of a passive one or of the event
types told of their subject), a pronoun or a role noun ("активиста") standing for the person the
report is about so far; then agent, place, date, term, charge, negation, hedge and attribution
from the sentence. One event per type and person set in an article (repeats add arguments)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ....model import EventRecord, PersonRecord, Span
from ...sharing import another_verdict
from .. import predicates as predicate_table
from . import RULES
from . import arguments as args
from .persons import role_age
from .pipeline import Parsed, inflect, nominative_phrase
from .places import (COURT, REGION_COURTS, REGIONS, destination, find_place, picketed,
                     place_name, spans_in)
from .syntax import (INFINITIVE, STATUS_PARTICIPLES, Sentence, Word, before_or_after, case,
                     is_passive, preposition, timing, word_class)

PATIENT_ACTIVE = frozenset(RULES.lists["patient_active"])
PATIENT_PASSIVE = frozenset(RULES.lists["patient_passive"])
SUBJECT = frozenset(RULES.lists["subject"])
HOLDS = frozenset(RULES.lists["holds"])
SUBJECT_TYPES = RULES.words("subject_types")
SUBJECT_VERBS = RULES.words("subject_verbs")
DOER_TYPES = RULES.words("doer_types")
PRONOUNS = RULES.words("pronouns")
FIRST_PERSON = RULES.words("first_person")
SERVED_VERBS = RULES.words("served_verbs")
SERVING = RULES.words("serving_verbs")
PATIENT_PREPOSITIONS = RULES.words("patient_prepositions")
CHARGE_PREPOSITIONS = RULES.words("charge_prepositions")
DROPPED_PREPOSITIONS = RULES.words("dropped_prepositions")
CARE_VERBS = RULES.words("care_verbs")
RELATIVES = RULES.words("relatives")
UNREAL_HEADS = RULES.words("unreal_heads")
PERSON_NOUNS = RULES.words("person_nouns")
RELATION_NOUNS = RULES.words("relation_nouns")
COMPLICITY = RULES.table("complicity")
CASE_NOUNS = RULES.words("case_nouns")
# Prepositions of a verdict's grounds ("по статье", "по делу о ...", "за шпионаж").
GROUND_PREPOSITIONS = RULES.words("ground_prepositions")
NEGATIONS = RULES.words("negations")
KNOWING = RULES.words("knowing_words")
REFUSALS = RULES.words("refusals")
# What is used or exerted ("давление не оказывалось", the parser's subject) is no one who acts.
USED = RULES.words("force_nouns") | RULES.words("pressure_nouns")
ATTRIBUTION_VERBS = RULES.words("attribution_verbs")
MESSAGE_VERBS = RULES.words("message_verbs")
MESSAGE_NOUNS = RULES.words("message_nouns")
ATTRIBUTION_NOUNS = RULES.words("attribution_nouns")
CITING_NOUNS = RULES.words("citing_nouns")
PREDICATES = predicate_table("ru")
ABOUT_PREVIOUS = RULES.pattern("about_previous")
ABOUT_EVENT = RULES.pattern("about_event")
ACCOUNT_OPENS = RULES.pattern("account_opens")
SAME_DAY = RULES.pattern("same_day")
CONTINUES = RULES.pattern("continues")
LATER = RULES.pattern("later")
NEXT_DAY = RULES.pattern("next_day")
DAYS_LATER = RULES.pattern("days_later")
RAID_STEPS = {"search", "arrest"}  # what one morning's raid tells, step by step (a transfer
# after it is left undated, as `tests/gold-ru` and `real-ru` annotate it)
TOGETHER = RULES.pattern("together")
# Event types a court decides: an ORG of the sentence is their agent when no subject says.
COURT_TYPES = {"sentence", "conviction", "acquittal", "appeal", "trial", "arrest"}
# A named body that is a court ("Мосгорсуд", "Суд Ленинского района", "коллегия").
# Event types that carry an accusation.
CHARGED_TYPES = {"charge", "sentence", "conviction", "acquittal", "charges_dropped", "appeal"}
CUSTODY = RULES.words("custody_triggers")
EXTENDING = RULES.words("extending_words")
DEADLINE = RULES.pattern("deadline")
# Relations inside one person's name and apposition ("адвокат Иван Петров").
NAME_PARTS = frozenset({"flat", "flat:name", "flat:foreign", "appos"})
FLAT = ("flat", "flat:name", "flat:foreign")
GENERIC_COURTS = RULES.words("generic_courts")
COURT_NOUN = RULES.pattern("court_noun")
SAME_CASE = RULES.pattern("same_case")
# "по той же статье": the accusation of the one told before.
SAME_ARTICLE = RULES.pattern("same_article")
COURT_WORD = RULES.pattern("court_word")
# A district, region or republic is no court's city (nor a supreme court's region).
NOT_CITIES = ("район", *REGIONS)
OFFICIALS = RULES.words("officials")
# What names members of a group: "среди них", "в том числе", "в их числе".
MEMBERS = RULES.pattern("members")
DEFENCE_NOUNS = RULES.words("defence_nouns")
LAWYER_NOUNS = RULES.words("lawyer_nouns")
CLIENT_NOUNS = RULES.words("client_nouns")
STATE_NOUNS = RULES.words("state_nouns")
HELD = RULES.words("held_states")
REMAND_STATES = RULES.words("remand_states")
FORMER = RULES.words("former_words")
ORDINALS = RULES.table("ordinals")
COUNTING = RULES.words("counting_ordinals")
FINE = RULES.pattern("fine")
INSTITUTIONS = RULES.words("institutions")
MEDIA = RULES.words("media_nouns")
CHANNELS = RULES.words("channels")
# What an agent's phrase keeps ("сотрудники ФСБ", "трое сотрудников", "суд и прокуратура").
AGENT_PARTS = frozenset({"amod", "nmod", "flat", "flat:name", "appos", "case", "det", "conj",
                         "cc", "nummod:gov"})
# The dash of an ellipsis, and the words a gapped sentence has before it.
DASHES = {"—", "–", "-"}
ABBREVIATION = re.compile(r"[А-ЯЁ]{2,}")  # "ФСБ", "МВД", "СК": capitals that do not decline
GAPPED_POS = {"PROPN", "ADP", "CCONJ", "PUNCT"}
PROTEST_NOUNS = RULES.words("protest_nouns")
ROUGH_COUNTS = RULES.words("rough_counts")
BENEFICIARY_NOUNS = RULES.words("beneficiary_nouns")
# How a sentence of the text ends (a headline has no full stop).
HEADLINE_END = re.compile(r"[.!?…][»\"”)]*\s*$")
# What happens to those just detained, told of them as a group ("Обоих увезли в отдел
# полиции", "В отдел доставили девятерых", "их отпустили"): on the occasion told before.
SAME_OCCASION = {"transfer", "release"}
# A verdict told without a date right after the hearing or the verdict it came of ("Райсуд
# 12 марта рассмотрел дело. ... Судья назначил штраф"; "Приговор вынесли в среду. Его
# признали виновным"): that day, up to two sentences on.
VERDICTS = {"sentence", "conviction"}
SESSIONS = {"trial", "sentence", "conviction"}
SESSION_REACH = 2
PRONOUN_GENDERS = RULES.table("pronoun_genders")
# How many sentences after "Он передал эти сведения правозащитникам" are his account.
ACCOUNT_LENGTH = 3
# "писал для нескольких изданий", "писал как фрилансер": writing as one's work, no account.
WORK_PREPOSITIONS = RULES.words("work_prepositions")
# Nouns that stand for the agency a report named before ("по данным ведомства").
AGENCY_ANAPHORS = RULES.words("agency_anaphors")
# Verbs of being and presence that introduce a person after them ("В деле есть и второй
# фигурант — X"): the one the next sentences tell of.
PRESENCE_VERBS = RULES.words("presence_verbs")
# Told in the courtroom: on the day of the verdict.
COURTROOM = RULES.pattern("courtroom")
EXCHANGE = dict(RULES.release_modes)["exchange"]
# A headline that asks how or why something is done ("Как судят ...", "За что сажают ...").
HEADLINE_QUESTION = RULES.pattern("headline_question")
# The writer's own ("наша жалоба", "моя апелляция").
FIRST_PERSON_POSSESSIVES = RULES.words("first_person_possessives")
# A sentence opening on a quotation: what was said is in it.
OPENING_QUOTES = ("«", '"', "„", "—", "–")
# "по её словам", "по его данным": whose words.
POSSESSIVE_GENDERS = RULES.table("possessive_genders")
# How many sentences on a place told again ("на границе") carries the date of the dated
# sentence that named it ("В 2022 году он поехал на границу").
NARRATIVE_REACH = 2
VERDICT_NOUNS = RULES.words("verdict_nouns")
NOBODY = RULES.words("nobody_words")
CONTRAST = RULES.words("contrast_conjunctions")
DETAINED_WORDS = RULES.words("detained_words")
ANOTHER = RULES.words("another_words")
OTHERS = RULES.words("others_words")
TOPIC = ("о", "об", "обо")  # "писала о ...": what one writes or speaks about
GROUP_PRONOUNS = RULES.words("group_pronouns")
GROUP_DETERMINERS = RULES.words("group_determiners")
WISHED = RULES.words("wished_heads")
CONDITIONAL = RULES.words("conditional_words")
CONDITION = RULES.words("condition_words")
# How many sentences ahead a headline's or lead's unnamed person may be named.
LOOK_AHEAD = 5
# From how many events or cases a count is a tally of many people's ("возбудили 80 дел",
# "12 похищений"), not one person's.
TALLY = 10
def trigger_type(word: Word, sentence: Sentence) -> str | None:
    """The event type the word triggers here, or None; asked once per word (the rules ask it
    of the same words again and again: two fifths of their time)."""
    known = sentence.triggers
    if word.i not in known:
        known[word.i] = _trigger_type(word, sentence)
    return known[word.i]


def _trigger_type(word: Word, sentence: Sentence) -> str | None:
    pos = word_class(word)
    if pos == "OTHER":
        return None
    head = sentence.head(word)
    if head is not None and head.lemma in UNREAL_HEADS and (word.feats.get("VerbForm") == "Inf" or (
            _infinitive_passive(word, sentence))):
        return None  # demanded, intended, threatened, possible ("может быть обжалован", "должен
        # быть освобождён"): not told as done
    if pos == "NOUN" and head is not None and head.lemma in WISHED:
        return None  # "требуем освобождения", "боится ареста", "в случае приговора"
    if _hypothetical(word, sentence):
        return None  # "его бы арестовали", "если суд признает его виновным"
    if _future(word, sentence) and not PREDICATES["term_ahead"](word, sentence) or (
            pos == "NOUN" and head is not None and _future(head, sentence)):
        return None  # "суд рассмотрит жалобу", "его будут судить": not yet done (but "он
        # проведёт в колонии восемь лет" tells the term of a verdict passed)
    if pos == "NOUN" and _unknown(word, sentence):
        return None  # "о задержании X им ничего не известно": no one told of it
    if pos == "NOUN" and word.rel == "obj" and head is not None and head.lemma in SERVING:
        return None  # "вышел из спецприёмника, отбыв арест": the arrest served, told before
    if word.feats.get("Substantive") and preposition(sentence, word) == "у":
        return None  # "У задержанных 11 детей": those detained, told of before
    if word.feats.get("VerbForm") == "Part" and word.feats.get("Number") == "Plur" and (
            word.rel == "nmod" and preposition(sentence, word) is None and head is not None
            and word_class(head) == "NOUN"):
        return None  # "родственники задержанных", "семьи освобождённых", "в списках
        # задержанных": those the plural names, told of before or never, no event told
    if word.feats.get("VerbForm") == "Part" and word.feats.get("Number") == "Plur" and (
            word.rel == "amod" and head is not None and _about(sentence, head) and (
                sentence.head(head) is not None) and sentence.head(head).lemma in (
                ATTRIBUTION_VERBS)):
        return None  # "писала о погибших жителях Мариуполя": those written about, no event
    if word.feats.get("VerbForm") == "Part" and word.feats.get("Number") == "Plur" and any(
            k.lemma in OTHERS for k in sentence.children(word, ("amod", "det"))):
        return None  # "X, как и остальные задержанные, вину не признаёт", "другие осуждённые":
        # the others of a group, told of before
    verb = next((w for w in sentence.ancestors(word) if word_class(w) == "VERB"), None
                ) if pos == "NOUN" and (preposition(sentence, word) or (
                    head is not None and preposition(sentence, head))) else None
    if verb is not None and _how_it_came(word, verb, sentence):
        return None  # "освобождён по помилованию X", "вышли на свободу в результате обмена"
    for row in RULES.rows(pos, word.lemma, word.text.lower()):
        if all(PREDICATES[name](word, sentence) for name in row.when) and not any(
                PREDICATES[name](word, sentence) for name in row.unless):
            return None if row.type == "none" else row.type
    return None


def _source_told(source: str, told: list[str]) -> str:
    """A source told by its noun alone ("по словам знакомого", "родственники") is the source
    told before with that noun and more words ("рассказал знакомый семьи")."""
    if " " in source:
        return source
    if source.lower() in AGENCY_ANAPHORS:  # "МВД Чечни сообщило ... По данным ведомства": the
        named = [s for s in told if s[:1].isupper()]  # agency named, one by an abbreviation or
        agencies = [s for s in named if any(  # an institution's noun before an office
            (w.isupper() and len(w) > 1) or w.lower() in INSTITUTIONS for w in s.split())]
        return (agencies or named or [source])[-1]  # ("Уполномоченный по правам человека")
    return next((s for s in reversed(told) if s.split()[0].lower() == source.lower()
                 and " " in s), source)


def _hypothetical(word: Word, sentence: Sentence) -> bool:
    """The event's clause is conditional ("его бы арестовали", "могли бы задержать") or a
    condition in the non-past ("если суд признает его виновным"; not "если в 2020 году его
    оштрафовали", told as done)."""
    verb = word if word_class(word) == "VERB" else next(
        (w for w in sentence.ancestors(word) if word_class(w) == "VERB"), None)
    if verb is None:
        return False
    near = [verb, *(sentence.ancestors(verb)[:1] if verb.rel == "xcomp" else [])]
    kids = [k for v in near for k in sentence.children(v, ("aux", "mark", "advmod", "discourse"))]
    return any(k.lemma in CONDITIONAL for k in kids) or (
        any(k.lemma in CONDITION for k in kids) and verb.feats.get("Tense") in ("Pres", "Fut"))


def _infinitive_passive(word: Word, sentence: Sentence) -> bool:
    """A passive participle with the infinitive "быть" ("может быть обжалован")."""
    return word.feats.get("VerbForm") == "Part" and any(
        k.lemma == "быть" and k.feats.get("VerbForm") == "Inf"
        for k in sentence.children(word, ("aux", "aux:pass")))


def _unknown(noun: Word, sentence: Sentence) -> bool:
    """An event noun behind "о"/"об" on a word of knowing that is denied ("о задержании
    Ивана Петрова ничего не известно", "не знали об аресте")."""
    head = sentence.head(noun)
    if head is None or preposition(sentence, noun) not in ("о", "об") or (
            head.lemma not in KNOWING):
        return False
    return any(k.lemma in NEGATIONS or k.lemma in NOBODY for k in sentence.children(
        head))


def _how_it_came(noun: Word, verb: Word, sentence: Sentence) -> bool:
    """A noun of the same event type as the verb it hangs from, behind a preposition ("освобождён
    по помилованию X", "вышли на свободу в результате обмена"), or any behind "по" right under
    a trigger verb ("приговорил по обвинению в ..."): how the verb's event came, not another
    event (whose genitive, "помилованию Лукашенко", would be its person)."""
    if preposition(sentence, noun) == "по" and noun.head == verb.i:
        # "приговорил по обвинению в ...": the verdict's charge, no charge told; but one
        # detained "по обвинению в поджоге" is accused of it then
        return not (noun.lemma == "обвинение" and trigger_type(verb, sentence) == "arrest")
    if verb.feats.get("VerbForm") == "Part" and verb.feats.get("Variant") != "Short":
        return False  # "трёх человек, стоявших в пикетах": the noun tells it for the group
    own = next((row.type for row in RULES.rows("NOUN", noun.lemma, noun.text.lower())
                if row.type != "none"), None)
    return own is not None and own == trigger_type(verb, sentence)


def _future(word: Word, sentence: Sentence) -> bool:
    """A verb in the future: perfective non-past ("арестуют") or with "будет" ("будут
    судить", "будет этапирован")."""
    if word.feats.get("Tense") == "Fut":
        return True
    return any(k.text.lower().startswith("буд") for k in sentence.children(word, ("aux",
                                                                                   "aux:pass")))


def find_events(parsed: Parsed, persons: list[PersonRecord],
                mentions: dict[tuple[int, int], str], *, published: str | None
                ) -> list[EventRecord]:
    events: list[EventRecord] = []
    focus: list[str] = []   # the persons the report is about so far, the latest last
    previous: list[EventRecord] = []
    last_date: str | None = None  # the last date the report stated
    previous_date: str | None = None  # the date the sentence before stated
    account: tuple[str, int] | None = None  # a speaker whose account follows, to which sentence
    sessions: list[tuple[int, EventRecord]] = []  # dated hearings and verdicts, by sentence
    genders = {p.id: p.gender for p in persons}
    person_names = {p.name for p in persons}
    elided: list = []  # the events the last sentence with a verb told: type, verb, sentence
    told_with: list[EventRecord] = []  # the events of the last sentence and its ellipses
    freed: list[EventRecord] = []  # the releases the sentence before told without a place
    searches: list[EventRecord] = []  # the dated searches the sentence before told
    raids: list[tuple[int, EventRecord]] = []  # dated searches and detentions of the paragraph
    places_told: dict[str, tuple[int, str, str]] = {}  # a place of a dated sentence: where told
    speakers = mentions
    mentions = _without_officials(parsed, mentions)  # a judge is no one an event happens to
    ids = {p.name: p.id for p in persons}
    by_id = {p.id: p for p in persons}
    quoted: str | None = None  # the person whose quotation goes on into this sentence
    unnamed: dict[str, tuple[int, EventRecord]] = {}  # an event of persons not named, by type
    paragraph: list[EventRecord] = []  # the events of the paragraph so far
    sources_told: list[str] = []  # the sources no name names, as told so far
    exchanged = False  # the sentence before told an exchange
    acting = {n: _doers(sentence, n, mentions) for n, sentence in enumerate(parsed.sentences)}
    patients = {key: pid for key, pid in mentions.items() if pid not in acting[key[0]]}
    # (the one named next is not one who pardons or detains others: "Среди помилованных — двое
    # жителей Гомеля. Лукашенко помиловал 52 человека")
    for n, sentence in enumerate(parsed.sentences):
        found = []
        attribution = attributed_to(sentence, persons, n, speakers, actors=mentions)
        if attribution is not None and attribution not in person_names:  # "рассказал знакомый
            attribution = _source_told(attribution, sources_told)  # семьи ... По словам
            sources_told.append(attribution)  # знакомого": the one told of before
        quoted, quoting = _quotation(sentence, ids.get(attribution or ""), quoted)
        if attribution is None and quoting:  # "— Потом пришли сотрудники ...»": still quoted
            attribution = next(p.name for p in persons if p.id == quoting)
        told_year = (_framing_year(parsed.sentences[n - 1], published) or _day_told(
            parsed, n)) if n else None
        named = [pid for (s, i), pid in mentions.items()  # not "штаба Навального"
                 if s == n and not _possessor(sentence, sentence.words[i])]
        sources = _source_persons(sentence, n, speakers)  # "по словам адвоката X": not X
        previous_found = previous
        told: dict[int, list[str]] = {}  # trigger index -> its persons, in this sentence
        kinds: list[tuple[str, Word, Sentence]] = []  # the verbs' events, for an ellipsis
        asks = not named and _headline(sentence) and HEADLINE_QUESTION.match(sentence.text)
        for word in sentence.words:
            kind = trigger_type(word, sentence)
            if kind is None or asks:  # "Как в Поволжье судят Свидетелей Иеговы": a kind of
                continue  # thing done, asked about in a headline, no one's event
            if word_class(word) == "VERB" and kind not in [k for k, _, _ in kinds]:
                kinds.append((kind, word, sentence))
            who = participants(sentence, word, kind, n, mentions)
            if not who and _another(sentence, word, kind):  # "о задержании четвёртого
                seen = {pid for (s, _), pid in mentions.items() if s <= n}  # пикетчика. X ..."
                who = [pid for pid in _named_next(patients, n) if pid not in seen]
                if not who:
                    continue  # one more, not named: not the report's person
            if not who and (who is None or _counted(sentence, word)):
                who = _members(sentence, word, n, mentions) or who  # "12 человек, среди них X"
            group = _group(sentence, word, named_next=n + 1 < len(parsed.sentences) and bool(
                MEMBERS.match(parsed.sentences[n + 1].text.lower()))) if not who else None
            back: list[EventRecord] = []  # the events a group or "их" refers back to
            if group:  # theirs; all of them ("всех задержанных"): those named next
                known = _the_detained(sentence, word, events) or list(dict.fromkeys(
                    pid for e in previous_found for pid in e.persons))
                back = previous_found if known else []
                who = known or ([] if focus or group != "whole" else _named_next(patients, n)
                                ) or who
            plural = _group_before(parsed, n, mentions, previous_found) if (
                _plural_nouns(sentence, word) or _their_fronted(sentence, word)) else []
            if who is None and plural:  # "X и Y приговорили. Супругов задержали в январе":
                who = []  # those two (below)
            if who is None:  # the participants are no persons ("задержали 13 человек")
                unnamed[kind] = (n, _event(kind, [], word, sentence, parsed, published,
                                           told_year))
                continue
            if not who and word.rel == "conj" and word.head in told:
                who = list(told[word.head])  # "признал X виновными и приговорил каждую"
            if not who and _they(sentence, word):  # "X и Y, они проведут в колонии 18 и 16
                who = _named_together(sentence, word, n, mentions, sources)  # лет": X and Y
            here = [p for i, p in told.items() if i < word.i and len(p) > 1]  # "X, Y и Z
            if not who and _means_group(sentence, word) and here:  # были осуждены: им
                who = list(here[-1])  # назначили ...": those this sentence told of
            if not who and (_means_group(sentence, word) or _those(word)) and previous_found:
                who = list(previous_found[-1].persons)  # "обоих политиков", "их"
                back = previous_found
            if not who and plural:  # "X и Y задержали. Мужчин доставили в отдел", "На скамье
                who = plural  # были X и Y. Их суд приговорил к 11 годам": those two
                back = previous_found
            if not who and not named and _raids(sentence, word, kind):  # "Силовики пришли
                together = _named_next(patients, n)  # с обысками в девять домов верующих.
                who = together if len(together) > 1 else _group_before(  # Задержаны X, Y и
                    parsed, n, mentions, previous_found)  # Z": all of them
            if not who:  # "Жена X рассказала, что мужа ударили": X
                who = _kin_of_speaker(parsed, sentence, word, n, mentions)
            if not who:  # "задержали журналистку X и редактора Y ... к журналистке применили
                who = _introduced_as(parsed, sentence, word, n, mentions)  # силу": X
            if not who and quoting and _first_person(sentence, word):
                who = [quoting]  # "«Мне сковали руки», — рассказал он": the one quoted
            if not who and _ours(sentence, word):  # "удовлетворил нашу жалобу и изменил X
                who = [p for p in named if p not in sources][:1]  # меру пресечения": X's
            if not who:  # "Как сообщил Кирилл Карманов, его задержали": the name before
                fits = _fits_pronoun(sentence, word, genders)
                before = [pid for (s, i), pid in sorted(mentions.items())
                          if s == n and i < word.i and pid not in sources and fits(pid)
                          and not _possessor(sentence, sentence.words[i]) and not (
                              kind == "appeal" and _lawyer(by_id[pid]))]  # "Апелляцию,
                # которую подала адвокат X, суд отклонил": the client's appeal
                who = before[-1:] or [p for p in focus if fits(p)][-1:] or named[:1] or (
                    [] if _counted(sentence, word) else _named_next(patients, n))
            if not who:
                continue
            if timing(sentence, word):  # "Их задержали 6 октября. ... в первые часы после
                whole = next((e.persons for e in reversed(events) if e.type == kind and (  # за-
                    not e.negated) and set(who) < set(e.persons)), None)  # держания его под-
                who = list(whole) if whole else who  # защитного": that detention, of them all
            told[word.i] = who
            event = _event(kind, who, word, sentence, parsed, published, told_year)
            among = unnamed.get(kind)
            if among and n - among[0] <= 1 and word.i and (
                    sentence.words[word.i - 1].lemma == "среди"):
                event.date = event.date or among[1].date  # "Задержали 40 человек. Среди
                event.place = event.place or among[1].place  # задержанных оказался X"
            if kind in CHARGED_TYPES and event.charge:
                event.charge = _own_charge(sentence, who, n, mentions) or event.charge
            if len(who) == 1 and by_id[who[0]].age is None:  # "приговорил 62-летнего деятеля"
                by_id[who[0]].age = _nameless_age(sentence, word, n, mentions)
            if back and kind in SAME_OCCASION:
                event.extras["occasion"] = {e.date for e in back if e.date and set(
                    e.persons) & set(who)}
            for one in _respectively(event, sentence):
                found.extend(_own_terms(one, sentence, n, mentions))
            found.extend(_new_term(event, sentence))
            found.extend(_then_to(event, word, sentence, parsed))
        if MEMBERS.match(sentence.text.lower()):  # "Задержали 15 человек. Среди них — X и Y"
            for kind, (m, among) in list(unnamed.items()):
                members = _members_named(sentence, n, mentions)
                if m == n - 1 and members and not any(e.type == kind for e in found):
                    found.append(replace(among, persons=members, sources=list(among.sources),
                                         extras=dict(among.extras)))
        if TOGETHER.match(sentence.text):  # "X приговорили 26 августа. Вместе с ним были
            for event in found:  # осуждены Y и Z": the same occasion, its day, place, court
                if event.type not in VERDICTS | {"arrest", "search"} or _background(
                        sentence, event):  # not "Y, осуждённого на восемь лет" in passing
                    continue
                kinds_of = VERDICTS if event.type in VERDICTS else {event.type}
                base = next((e for e in reversed(previous_found) if e.type in kinds_of), None)
                for name in ("date", "place", "agent") if base is not None else ():
                    setattr(event, name, getattr(event, name) or getattr(base, name))
        same_day = SAME_DAY.search(sentence.text) is not None
        later = LATER.search(sentence.text) is not None
        days_later = _days_later(sentence.text)
        if same_day:  # "В этот день провели обыски": the day before
            towns = {e.place for e in previous_found if e.place and e.place[:1].isupper() and (
                e.date and e.date == last_date)}  # and the town that day's events were in
            for event in found:
                event.date = event.date or last_date
                if len(towns) == 1 and event.date == last_date:
                    event.place = event.place or next(iter(towns))
        elif days_later:
            days, said = days_later, sentence.start + _days_later_at(sentence.text)
            stated = [sentence.start + m[0] for m in args.date_mentions(sentence.text)]
            first = args.find_date(sentence.text[:said - sentence.start], published,
                                   told_year=told_year) if stated and max(stated) < said else None
            for event in found:  # "задержали 14 июля, а на следующий день суд арестовал его":
                if first and event.date is None and event.trigger.start < said and not (
                        event.negated):  # the day is the first clause's (the parser may hang
                    event.date = first  # it on the verb after the marker)
            dated = [(e.trigger.start, e.date) for e in found if e.date and len(e.date) == 10]
            for event in found:  # "5 марта её задержали. На следующий день суд арестовал её",
                told = [d for at, d in dated if at < said]  # "задержали 3 мая и через два дня
                base = told[-1] if told else last_date  # отправили в СИЗО"; not "а в июле их
                if base and len(base) >= 7 and not event.negated and (  # этапировали"
                        event.date is None or base.startswith(event.date)) and (
                        event.trigger.start > said) and not _clause_of_its_own(
                            sentence, event, said):
                    event.date = (dt.date.fromisoformat(base) + dt.timedelta(days=days)
                                  ).isoformat() if len(base) == 10 else base  # a month: its
                    # month ("задержали в ноябре. На следующий день суд арестовал его")
        elif _eve(sentence) and previous_date and len(previous_date) == 10 and not (
                args.date_mentions(sentence.text)):  # "14 июня суд арестовал её. Её задержали
            before = (dt.date.fromisoformat(previous_date) - dt.timedelta(days=1)).isoformat()
            for event in found:  # накануне": the day before the day just told
                if not event.negated and event.date == _eve_of(published):
                    event.date = before
        elif CONTINUES.search(sentence.text):  # "Его признали виновным": the verdict before
            for event in found:
                if not event.negated and not _background(sentence, event):
                    event.date = event.date or previous_date
        if COURTROOM.search(sentence.text):  # "Его взяли под стражу прямо в зале суда",
            verdict = next((e.date for e in reversed(events) if e.date and (  # "освободили в
                e.type in VERDICTS | {"acquittal"})), None)  # зале суда": the verdict's day
            for event in found:
                if event.type in ("arrest", "release") and event.date is None and (
                        not event.negated):
                    event.date = verdict
                acquitted = next((e for e in reversed(events) if e.type in VERDICTS | {
                    "acquittal"} and set(e.persons) & set(event.persons)), None)
                if event.type == "release" and event.release_mode is None and (
                        acquitted is not None and acquitted.type == "acquittal"):
                    event.release_mode = "acquittal"  # "суд оправдал X. Его освободили в зале
                    # суда": freed by the acquittal
        if exchanged and found:  # "В среду в ходе обмена Россия передала Украине 175 человек.
            for event in found:  # Среди освобождённых — X": the exchange's release
                if event.type == "release" and event.release_mode is None and not event.negated:
                    event.release_mode = "exchange"
        exchanged = EXCHANGE.search(sentence.text) is not None
        previous_date = args.find_date(_without_deadlines(sentence.text), published)  # not
        # "арестовал до 15 июля": the next sentence ("Их обвиняют ...") is not of that day
        for event in found:  # "Обоих увезли в отдел", "Ночью их отпустили"
            occasion = event.extras.pop("occasion", set())
            if previous_date is None and event.date is None and len(occasion) == 1:
                event.date = occasion.pop()
            if previous_date is None and event.date is None and event.type in VERDICTS and (
                    not event.negated):  # "Райсуд 12 марта рассмотрел дело. ... Судья назначил"
                session = [e for m, e in sessions if n - m <= SESSION_REACH and set(
                    e.persons) & set(event.persons)]
                event.date = session[-1].date if session else None
        if later:  # "Через месяц его задержали": another day
            searches, places_told = [], {}
        for event in found:  # "7 октября провели обыски. X и Y были задержаны": that day
            if event.type == "arrest" and event.date is None and not event.negated and not (
                    event.extras.get("custody")):
                dated = [e for e in searches if set(e.persons) & set(event.persons)]
                event.date = dated[-1].date if dated else None
        opens = n == 0 or "\n" in parsed.text[parsed.sentences[n - 1].start + len(
            parsed.sentences[n - 1].text):sentence.start]  # the first sentence of a paragraph
        if opens:
            raids = []  # a new paragraph: another story
        if later or same_day:
            raids = [] if later else raids
        else:  # "5 марта его задержали. В квартире провели обыск. Около полудня его увезли в
            for event in found:  # СК": the raid's day, for its search, detention and transfer
                if event.type not in RAID_STEPS or event.date is not None or event.negated or (
                        event.extras.get("custody")) or _background(sentence, event):
                    continue
                dated = [e for m, e in raids if n - m <= NARRATIVE_REACH and set(
                    e.persons) & set(event.persons)]
                event.date = dated[-1].date if dated else None
        raids = raids + [(n, e) for e in found if e.type in ("search", "arrest") and e.date and (
            not e.negated and not e.extras.get("custody"))]
        searches = [e for e in found if e.type == "search" and e.date and not e.negated]
        for event in found:  # "В 2022 году он поехал на границу. ... На границе его задержали"
            went = places_told.get((event.place or "").lower())
            if event.date is None and went and n - went[0] <= NARRATIVE_REACH and not (
                    event.negated or event.extras.get("background")):
                event.date = event.date or went[1]
                event.place = went[2]
        if previous_date is not None:
            places_told.update(_places_told(sentence, n, previous_date))
        sessions.extend((n, e) for e in found if e.type in SESSIONS and e.date and not e.negated)
        passed = _verdict_passed(sentence, published, told_year)
        if passed and found:  # "оставил без изменения приговор, вынесенный в апреле 2021 года"
            sessions.append((n, EventRecord(type="sentence", persons=list(dict.fromkeys(
                pid for e in found for pid in e.persons)), date=passed)))
        last_date = previous_date or last_date
        gapped = _gapped(sentence, n, mentions)
        told_before, elliptic = told_with, bool(gapped and not found)
        listed = _listed_terms(sentence, n, mentions) if not found else []
        group = unnamed.get("sentence")  # "вынес приговор троим студентам"
        verdict = next((e for e in reversed(told_with) if e.type == "sentence"), None) or (
            group[1] if group and n - group[0] == 1 else None) or next(
            (_event(k, [], v, t, parsed, published) for k, v, t in elided if k == "sentence"),
            None) if listed else None
        if verdict is not None:  # "Сроки: X — восемь лет, Y — шесть": the verdict before
            dash = next(w for w in sentence.words if w.text in DASHES)
            for pid, term, suspended in listed:
                event = _event("sentence", [pid], dash, sentence, parsed, published, told_year)
                for name in ("date", "place", "agent", "charge"):
                    setattr(event, name, getattr(event, name) or getattr(verdict, name))
                event.term_months = term
                event.extras.pop("suspended", None)
                if suspended:
                    event.extras["suspended"] = True
                found.append(event)
            told_with = told_with + found
        elif elliptic:  # "Александра Тарасова — за пикет": the verb before
            found = _elided_events(elided, gapped, sentence, parsed, published, told_year)
            told_with = told_with + found  # "Об этом сообщает X": of the verb's sentence too
        elif kinds:
            elided = kinds
        if opens:
            paragraph = []
        repeats = bool(found) and ABOUT_EVENT.search(sentence.text) is not None and all(any(
            e.type == b.type and set(e.persons) == set(b.persons) for b in told_before)
            for e in found)  # "В СИЗО умер X. О смерти сообщил его адвокат"
        if attribution and (ABOUT_PREVIOUS.search(sentence.text) or ABOUT_EVENT.search(
                sentence.text)) and not found or (attribution and repeats):
            for event in told_before + paragraph:  # the lead of the paragraph, told by X
                event.attributed_to = event.attributed_to or attribution
        elif attribution and opens and ACCOUNT_OPENS.search(sentence.text):
            account = (attribution, _paragraph_end(parsed, n))  # "По её словам, ...": the
            # paragraph is her account
        elif attribution in person_names and not found and _passes_on(sentence):
            account = (attribution, n + ACCOUNT_LENGTH)  # what follows is the speaker's account
        elif attribution is None and account is not None and n <= account[1]:
            attribution = account[0]
        if attribution is not None and account is not None and attribution != account[0]:
            account = None
        speaker = _speaker_words(sentence) if attribution else set()
        headline = _headline(sentence)
        for event in found:
            event.extras["background"] = _background(sentence, event)
            if headline:
                event.extras["headline"] = True
                event.extras["unnamed"] = ("digest" if _digest(sentence) else True) if (
                    not named) else False
            event.attributed_to = None if event.trigger is None or (
                event.trigger.start in speaker) or _status(sentence, event) else attribution
            if event.attributed_to is None and len(event.persons) == 1 and (
                    event.trigger is not None) and _told_of_oneself(sentence, event) and not (
                    _status(sentence, event)):
                event.attributed_to = by_id[event.persons[0]].name  # "меня били током",
                # "прошения я не писал": the one who tells it of himself
            for pid in event.persons:
                if pid in focus:
                    focus.remove(pid)
                focus.append(pid)
        if not found and named:
            topic = _topic(sentence, n, mentions)
            doers = acting[n]
            for pid in named:
                if pid not in focus and pid not in doers:
                    focus.insert(0, pid)
            if topic is not None and topic not in doers:  # "Степан Воробьёв" as a heading, "Заречный писал для
                focus.remove(topic)  # изданий": the one the next sentences are about
                focus.append(topic)
        if found and not elliptic:
            told_with = found
        paragraph.extend(found)
        for event in freed:  # "Он вышел на свободу утром. Срок он отбывал в ИК-2 в Покрове."
            event.place = event.place or _served_in(sentence, n, event, parsed, mentions)
        freed = [e for e in found if e.type == "release" and e.place is None and not e.negated]
        previous = found or previous
        events.extend(found)
    _name_courts(events, parsed)
    _court_cities(events, parsed)
    return _merge(events)


def _served_in(sentence: Sentence, n: int, event: EventRecord, parsed: Parsed,
               mentions: dict[tuple[int, int], str]) -> str | None:
    """Where the person of a release was held, told in the next sentence ("Срок он отбывал в
    ИК-2 в Покрове", "Петров содержался в СИЗО-1"): the place released from."""
    for word in sentence.words:
        if word.lemma not in SERVED_VERBS or word_class(word) != "VERB":
            continue
        subjects = sentence.children(word, SUBJECT)
        if all(s.lemma in PRONOUN_GENDERS or mentions.get((n, s.i)) in event.persons
               for s in subjects):
            return find_place(sentence, parsed, word, "release")
    return None


def _quotation(sentence: Sentence, speaker: str | None, carried: str | None
               ) -> tuple[str | None, str | None]:
    """Who is quoted in this sentence, and whose quotation goes on after it: the person a
    sentence with a quotation attributes it to ("«После допроса меня избили, — рассказал он."),
    for the sentences up to the closing quotation mark ("— Потом мне сковали руки. ...»")."""
    opened, closed = sentence.text.count("«"), sentence.text.count("»")
    quoting = speaker if opened or closed else None
    quoting = quoting or carried
    if opened > closed:
        return quoting, quoting
    if closed > opened:
        return None, quoting
    return carried, quoting


def _told_of_oneself(sentence: Sentence, event: EventRecord) -> bool:
    """"«Меня били током»", "«Прошения о помиловании я не писал»": "я" a word of the trigger or
    of the verb it hangs from (not "пикет с плакатом «Я против войны»", a slogan)."""
    word = next((w for w in sentence.words if w.start == event.trigger.start), None)
    if word is None:
        return False
    near = [word]
    for head in sentence.ancestors(word) if word_class(word) == "NOUN" else []:
        near.append(head)  # "прошения о помиловании я не писал": the verb the nouns hang from
        if word_class(head) != "NOUN":
            break
    return any(k.lemma in FIRST_PERSON for w in near for k in sentence.children(w))


def _first_person(sentence: Sentence, word: Word) -> bool:
    """The event happened to "я" ("меня задержали", "сковали мне руки", "я был избит")."""
    rels = PATIENT_PASSIVE if is_passive(word) else PATIENT_ACTIVE
    head = sentence.head(word)
    kids = sentence.children(word, rels) or (
        sentence.children(head, PATIENT_ACTIVE) if head is not None and word.rel == "conj"
        else [])
    return any(k.lemma in FIRST_PERSON for k in kids)


def _own_charge(sentence: Sentence, who: list[str], n: int,
                mentions: dict[tuple[int, int], str]) -> str | None:
    """Each person's own charge where a sentence lists several ("протоколы составили на
    десятерых — за участие в акции, на Петрова — за её организацию"): the described charge
    told after the person is named, where another was told before the name."""
    at = min((sentence.words[i].start for (s, i), pid in mentions.items()
              if s == n and pid in who), default=None)
    if at is None:
        return None
    offset = at - sentence.start
    own = args.find_charge(sentence.text[offset:])
    if own is None or args.is_article(own) or args.find_charge(sentence.text[:offset]) is None:
        return None
    return own


def _ours(sentence: Sentence, word: Word) -> bool:
    """A complaint the writer filed ("удовлетворил нашу апелляционную жалобу", "мою жалобу
    отклонили"): the writer's for the client, whose event it is."""
    objects = [word] if word_class(word) == "NOUN" else sentence.children(
        word, ("obj", "nsubj:pass"))
    return any(k.lemma in FIRST_PERSON_POSSESSIVES for o in objects
               for k in sentence.children(o, ("det", "amod")))


def _passes_on(sentence: Sentence) -> bool:
    """A sentence that tells only who passed on what follows ("Он передал эти подробности через
    знакомых", "Об избиении она рассказала в письме жене"): a verb of saying with no clause of
    what was said."""
    if sentence.text.lstrip()[:1] in OPENING_QUOTES:
        return False  # "«...», — передала она": the quotation is what was said
    for word in sentence.words:
        if word.lemma in ATTRIBUTION_VERBS and word_class(word) == "VERB":
            if any(preposition(sentence, k) in WORK_PREPOSITIONS
                   for k in sentence.children(word, ("obl", "advcl", "nmod"))):
                return False  # "писал как фрилансер для нескольких изданий": his work
            head = sentence.head(word)
            if word.rel in ("parataxis", "conj") and head is not None and head.i < word.i and (
                    word_class(head) == "VERB"):
                return False  # "Вину она не признаёт, добавил адвокат": said before the verb
            return not any(k.rel in ("ccomp", "parataxis") or (k.rel == "obj" and word_class(
                k) == "VERB") for k in sentence.children(word))
    return False


def _paragraph_end(parsed: Parsed, n: int) -> int:
    """The index of the last sentence of the paragraph sentence ``n`` is in."""
    end = n
    while end + 1 < len(parsed.sentences) and "\n" not in parsed.text[
            parsed.sentences[end].start + len(parsed.sentences[end].text):
            parsed.sentences[end + 1].start]:
        end += 1
    return end


def _days_later(text: str) -> int:
    """How many days after the day told before the sentence says it is ("На следующий день",
    "Через два дня", "спустя трое суток"); 0 where it says none."""
    if NEXT_DAY.search(text):
        return 1
    match = DAYS_LATER.search(text)
    days = args.number(match.group(1)) if match else None
    return int(days) if days and days == int(days) else 0


def _days_later_at(text: str) -> int:
    """Where the sentence says how many days later it is."""
    match = NEXT_DAY.search(text) or DAYS_LATER.search(text)
    return match.start() if match else 0


def _clause_of_its_own(sentence: Sentence, event: EventRecord, said: int | None = None
                       ) -> bool:
    """The event's verb opens a clause of its own with "а" or "но" ("Через два дня суд отправил
    их в СИЗО, а в июле их этапировали"): what the sentence says before is not its time; but
    what its own clause says is ("задержали 14 июля, а на следующий день суд отправил его в
    СИЗО": the day after, ``said`` where the clause says it)."""
    word = next((w for w in sentence.words if event.trigger is not None
                 and w.start == event.trigger.start), None)
    return word is not None and word.rel == "conj" and any(
        k.lemma in CONTRAST and (said is None or k.start > said)
        for k in sentence.children(word, ("cc",)))


def _topic(sentence: Sentence, n: int, mentions: dict[tuple[int, int], str]) -> str | None:
    """The person a sentence with no event is about: a name alone on its line (the heading of
    an entry in a list: "Степан Воробьёв") or the subject of the sentence's main verb
    ("Заречный писал для независимых изданий"); what the next sentences tell with a pronoun or
    a noun ("Сотрудники ФСБ задержали его") is theirs."""
    named = {pid for (s, _), pid in mentions.items() if s == n}
    words = [w for w in sentence.words if w.pos != "PUNCT"]
    if len(named) == 1 and words and all((n, w.i) in mentions for w in words):
        return next(iter(named))
    root = next((w for w in sentence.words if w.head is None), None)
    if root is None:
        return None
    copula = next((k for k in sentence.children(root, ("cop",)) if k.lemma == "быть"), None)
    if word_class(root) == "VERB":
        for subject in sentence.children(root, ("nsubj",)):
            top = sentence.climb(subject, FLAT)
            pid = mentions.get((n, top.i)) or mentions.get((n, subject.i))
            if pid is not None and top.i < root.i:
                return pid
    if root.lemma not in PRESENCE_VERBS and copula is None:
        return None
    verb = copula or root  # one introduced after a verb of being ("В машине был его друг,
    for subject in sentence.children(root, ("nsubj",)):  # студент X", "В деле есть и второй
        if subject.i < verb.i:  # фигурант — инженер X", "По делу проходит также X"): the
            continue  # one the next sentence's "Его задержали" is about
        phrase = sentence.subtree(subject, frozenset({"appos", "conj", "flat", "flat:name"}))
        introduced = {mentions[(n, w.i)] for w in phrase if (n, w.i) in mentions}
        if len(introduced) == 1:
            return next(iter(introduced))
    return None


def _headline(sentence: Sentence) -> bool:
    """A headline, a subheading or a caption: a line without a full stop at its end."""
    return not HEADLINE_END.search(sentence.text)


def _fits_pronoun(sentence: Sentence, word: Word, genders: dict[str, str | None]):
    """Which persons the pronoun of the event can stand for: "он" a man, "она" a woman ("Лариса
    Кольченко сообщила, что он не восстановился после голодовки": not her)."""
    head = sentence.head(word)
    near = sentence.children(word) + (sentence.children(head) if head is not None and (
        word_class(word) == "NOUN" or (word.rel == "conj" and not any(
            k.feats.get("Animacy") != "Inan" for k in sentence.children(
                word, PATIENT_ACTIVE | PATIENT_PASSIVE)))) else [])  # "его держали в подвале
    # и не давали лекарств": the pronoun of the first verb is the second's person too
    gender = next((PRONOUN_GENDERS[k.lemma] for k in near if k.lemma in PRONOUN_GENDERS), None)
    if word.feats.get("Substantive"):  # "Мать осуждённого": a man
        gender = {"Masc": "male", "Fem": "female"}.get(word.feats.get("Gender"))
    return lambda pid: gender is None or genders.get(pid) in (None, gender)


def _lawyer(person: PersonRecord) -> bool:
    """A person the report names as a lawyer ("адвокат X", "защитник X")."""
    return any(role.split()[:1] and role.split()[0] in LAWYER_NOUNS for role in person.roles)


def _status(sentence: Sentence, event: EventRecord) -> bool:
    """An event told by a participle used as a noun ("В УФСБ ответили, что к задержанному не
    применялось насилие", "жена осуждённого рассказала"): the person's status, known before,
    not what the one who speaks tells."""
    return any(w.start == event.trigger.start and (w.feats.get("Substantive") or (
        w.feats.get("VerbForm") == "Part" and w.rel in ("obl", "obj", "iobj", "nmod")))
               for w in sentence.words) if event.trigger is not None else False


def _background(sentence: Sentence, event: EventRecord) -> bool:
    """An event told in a relative clause or a participle of a noun ("Петров, который получил два
    года, рассказал ...") is the report's background, not the speaker's claim."""
    trigger = next((w for w in sentence.words if event.trigger is not None
                    and w.start == event.trigger.start), None)
    if trigger is None:
        return False
    if trigger.feats.get("Substantive"):  # "мать осуждённого": a status, told in passing
        return True
    return any(w.rel == "acl" or (w.rel == "amod" and w.feats.get("VerbForm") == "Part") or (
        w.rel == "acl:relcl" and any(  # not "..., что его избили"
        k.lemma in RELATIVES for k in sentence.children(w))) for w in [trigger, *sentence.ancestors(
            trigger)])


def _speaker_words(sentence: Sentence) -> set[int]:
    """The start offsets of the words that tell who speaks: an event told of the speaker
    ("Иван, которого осудили на год, рассказал ...") is background, while one told in a
    relative clause of what is said is part of the claim ("Суд арестовал Ивана, которого
    задержали утром, сообщает «Штаб»"). A relative clause of the speaker runs to its closing
    comma, whatever the parser hung on another word."""
    words: set[int] = set()
    for word in sentence.words:
        verb = word_class(word) == "VERB"
        holders = _message_owners(sentence, word) if verb and word.lemma in MESSAGE_VERBS else []
        if not holders:  # (first the body whose message says it: "говорится в сообщении X")
            saying = verb and word.lemma in ATTRIBUTION_VERBS and (
                trigger_type(word, sentence) is None)  # not "В СИЗО ему не передавали
            holders = _speakers(sentence, word) if saying else (  # лекарства": the care
                _holders_of_noun(sentence, word))  # withheld, no one's words
        for holder in holders:
            tree = _speaker_tree(sentence, holder)
            words.update(w.start for w in tree)
            if any(w.rel in ("acl", "acl:relcl") for w in tree):
                last = max(w.i for w in tree if w.pos != "PUNCT")  # not its closing comma
                for after in sentence.words[last + 1:]:
                    if after.text == "," or after.i == word.i:
                        break
                    words.add(after.start)
    return words


def _speaker_tree(sentence: Sentence, holder: Word) -> list[Word]:
    """The speaker's words, less a clause of what is said that the parser hung on the speaker
    as a relative clause though no relative word opens it ("Иван, которого осудили, рассказал,
    что его избили")."""
    tree = sentence.subtree(holder)
    said = {w.i for k in tree if k.rel == "acl:relcl" and not any(
        c.lemma in RELATIVES for c in sentence.children(k)) for w in sentence.subtree(k)}
    return [w for w in tree if w.i not in said]


def _gapped(sentence: Sentence, n: int, mentions: dict[tuple[int, int], str]) -> list[str]:
    """The persons of a sentence whose verb is left out, understood from the sentence before:
    names (with a preposition) and a dash, no verb ("Задержали троих. Ивана Петрова — за
    пикет. На Петрова — о дискредитации армии")."""
    dash = next((w for w in sentence.words if w.text in DASHES), None)
    if dash is None:
        return []
    before = sentence.words[:dash.i]
    if not before or any(w.pos not in GAPPED_POS for w in before):
        return []
    return list(dict.fromkeys(mentions[(n, w.i)] for w in before if (n, w.i) in mentions))


def _listed_terms(sentence: Sentence, n: int, mentions: dict[tuple[int, int], str]
                  ) -> list[tuple[str, int | None, bool]]:
    """A sentence without a verb that lists terms person by person, a name, a dash and a term
    or a term, a dash and a name in each clause ("Сроки: X — восемь лет, Y — шесть", "Восемь
    лет — X, шесть — Y"): (person, months, suspended) in order; [] for any other sentence. A
    bare number is in the unit of the term before it."""
    words = sentence.words
    if not any(w.text in DASHES for w in words) or any(
            w.feats.get("VerbForm") == "Fin" or w.feats.get("Variant") == "Short" for w in words):
        return []
    clauses, current = [], []
    for word in words:
        if word.text in (",", ";", ":", ".") and not (word.text == "," and current and (
                n, current[-1].i) in mentions and (n, word.i + 1) in mentions):
            clauses.append(current)
            current = []
        else:
            current.append(word)
    clauses.append(current)
    found: list[tuple[str, int | None, bool]] = []
    years = False
    for clause in clauses:
        dash = next((k for k, w in enumerate(clause) if w.text in DASHES), None)
        if dash is None:
            continue
        for names, told in ((clause[:dash], clause[dash + 1:]), (clause[dash + 1:], clause[:dash])):
            pids = list(dict.fromkeys(mentions[(n, w.i)] for w in names if (n, w.i) in mentions))
            if not pids or any(w.pos not in GAPPED_POS for w in names) or not told:
                continue
            text = sentence.span_text(told)
            term = args.find_term(text)
            bare = [w for w in told if w.pos not in ("PUNCT", "ADP")]
            if term is None and len(bare) == 1 and years:  # "шесть — Y": years as before
                count = args.number(bare[0].text)
                term = round(count * 12) if count and count < 50 else None
            if term is None and not args.is_suspended(text) and not FINE.search(text):
                continue
            years = term is not None and term % 12 == 0
            found += [(pid, term, args.is_suspended(text)) for pid in pids]
            break
    return found


def _elided_events(elided: list[tuple[str, Word, Sentence]], who: list[str],
                   sentence: Sentence, parsed: Parsed, published: str | None,
                   told_year: int | None) -> list[EventRecord]:
    """The events of a sentence whose verb is left out: those the verb before told, with its
    date and place where this sentence gives none, and a protest where the reason is one ("—
    за пикет с плакатом")."""
    dash = next(w for w in sentence.words if w.text in DASHES)
    after = sentence.words[dash.i + 1] if dash.i + 1 < len(sentence.words) else dash
    found = []
    for kind, verb, told in elided:
        event = _event(kind, who, after, sentence, parsed, published, told_year)
        base = _event(kind, who, verb, told, parsed, published)
        event.date, event.place = event.date or base.date, event.place or base.place
        if kind in CHARGED_TYPES and event.charge is None and after.lemma in ("о", "об"):
            event.charge = args.find_charge("по делу " + sentence.text[
                after.start - sentence.start:])
        found.append(event)
    if any(w.lemma in PROTEST_NOUNS and preposition(sentence, w) == "за"
           for w in sentence.words[dash.i:]) and "protest" not in [k for k, _, _ in elided]:
        found.append(_event("protest", who, after, sentence, parsed, published, told_year))
        found[-1].place = found[-1].place or (found[0].place if found else None)
    return found


def _group(sentence: Sentence, word: Word, named_next: bool = False) -> str | None:
    """"whole" or "counted" where the event happened to a group ("всем задержанным", "13
    человек", "всех троих"): after events of named persons, the group is theirs; not a rough
    count ("не менее 200 человек", a figure of its own), nor "ещё 11 человек" whose members
    the next sentence names ("Среди них — X и Y")."""
    for kid in sentence.children(word, PATIENT_ACTIVE | PATIENT_PASSIVE):
        whole = any(k.lemma == "весь" for k in sentence.children(kid, ("det", "amod")))
        counted = kid.pos == "NUM" or (kid.pos == "NOUN" and sentence.children(
            kid, ("nummod", "nummod:gov")) and kid.feats.get("Animacy") != "Inan")  # not
        # "назначил ему пять лет": years, no group of people
        if any(w.lemma in ROUGH_COUNTS for w in sentence.subtree(kid)):
            continue
        if counted and named_next and any(w.lemma == "еще" for w in sentence.subtree(kid)):
            continue  # "признали политзаключёнными ещё 11 человек. Среди них — X и Y": others
            # than those before, named next
        if whole or counted:
            return "whole" if whole else "counted"
    return None


def _members(sentence: Sentence, word: Word, n: int,
             mentions: dict[tuple[int, int], str]) -> list[str]:
    """The persons a sentence names as members of the counted group the event happened to
    ("задержали 12 человек, среди них Павел Савицкий", "... пятерых, в том числе журналистку
    Анну Петрову"): after "среди них/которых", "в том числе", "в их числе", or the names alone
    after a dash that close the sentence ("задержали двоих — Марию Ким и Дениса Орлова")."""
    text = sentence.text.lower()
    marker = MEMBERS.search(text, word.end - sentence.start)
    if marker is None:  # "задержали двоих участников акции — Марию Ким и Дениса Орлова."
        dash = next((w for w in sentence.words[word.i + 1:] if w.text in DASHES), None)
        names = sentence.words[dash.i + 1:] if dash is not None else []
        stop = next((w.i for w in names if w.text in (":", ";")), None)  # "— X, Y и Z: им
        names = [w for w in names if stop is None or w.i < stop]  # назначили ...": to the colon
        if not names or not all((n, w.i) in mentions or w.pos in ("CCONJ", "PUNCT")
                                for w in names):
            return []
        return list(dict.fromkeys(mentions[(n, w.i)] for w in names if (n, w.i) in mentions))
    at = sentence.start + marker.end()
    return list(dict.fromkeys(pid for (s, i), pid in sorted(mentions.items())
                              if s == n and sentence.words[i].start >= at))


def _tally(sentence: Sentence, noun: Word, rough_only: bool = False) -> bool:
    """A count of many events, cases or people told as a figure ("не менее 12 похищений",
    "возбудили 80 дел", "десятки задержаний", "удерживает более 200 жителей"), no one person's;
    of people, only a rough one (a plain number is a group the report may go on to name)."""
    if noun.feats.get("Number") != "Plur":
        return False
    counts = sentence.children(noun, ("nummod", "nummod:gov", "advmod", "amod"))
    near = counts + [k for c in counts for k in sentence.children(c, ("advmod",))]
    head = sentence.head(noun)
    if any(w.lemma in ROUGH_COUNTS for w in near) or (
            head is not None and head.lemma in ROUGH_COUNTS and noun.rel in ("nmod", "obl")):
        return True
    return not rough_only and any(k.pos == "NUM" and (args.number(k.text) or 0) >= TALLY
                                  for k in counts)


def _counted(sentence: Sentence, word: Word) -> bool:
    """The event happened to a number of people ("задержали минимум троих активистов"), not
    to one the report goes on to name."""
    rels = PATIENT_PASSIVE if is_passive(word) else PATIENT_ACTIVE  # not "сотрудники провели"
    return any(k.pos == "NOUN" and k.feats.get("Animacy") == "Anim" and (
        k.feats.get("Number") == "Plur" or sentence.children(k, ("nummod", "nummod:gov")))
        for k in sentence.children(word, rels))


def _framing_year(sentence: Sentence, published: str | None) -> int | None:
    """The year a sentence is set in: one stated before its first verb ("В 2019 году полиция
    задерживала его", "Напомним, 7 октября 2018 года ... провели"), not one of a clause further
    on ("Козлович, которого в 2021 году приговорили", "Соколову, которую в 2019 году оштрафовали,
    задержали")."""
    verb = next((w for w in sentence.words if word_class(w) == "VERB"
                 and w.lemma not in ATTRIBUTION_VERBS and not any(
                     a.rel.startswith("acl") for a in [w, *sentence.ancestors(w)])), None)
    if verb is None:
        return None
    text = sentence.text[:verb.start - sentence.start]
    for clause in sentence.words[:verb.i]:
        if clause.rel.startswith("acl"):
            words = sentence.subtree(clause)
            start, end = words[0].start - sentence.start, words[-1].end - sentence.start
            text = text[:start] + " " * (end - start) + text[end:]
    return args.stated_year(text[:verb.start - sentence.start], published)


def _day_told(parsed: Parsed, n: int) -> tuple[int, int, int] | None:
    """The last full date told in the sentence before ``n``, or in the one before that where the
    sentence between tells none, in the same paragraph ("задержали 10 августа 2020 года. Через
    трое суток отпустили, но 22 августа снова задержали": 22 August is of 2020, the story told
    on from that day, as long as it does not go back before it)."""
    for back in (n - 1, n - 2):
        if back < 0 or _paragraph_end(parsed, back) < n:
            return None
        mentions = args.date_mentions(parsed.sentences[back].text)
        full = [parts for _, _, parts in mentions if parts.get("year") and parts.get("day")]
        if full:
            last = full[-1]
            return (int(last["year"]), args.month_number(last["month"]) or 0, int(last["day"]))
        if mentions:
            return None
    return None


def _named_next(mentions: dict[tuple[int, int], str], n: int) -> list[str]:
    """Before anyone is named, the report's person is the one named next ("Экс-главу МВД
    приговорили к 9 годам" in a headline, the name in the text below)."""
    ahead = sorted((key, pid) for key, pid in mentions.items() if n < key[0] <= n + LOOK_AHEAD)
    if not ahead:
        return []
    first = ahead[0][0][0]  # every person of the first sentence that names one
    return list(dict.fromkeys(pid for (s, _), pid in ahead if s == first))


def _without_officials(parsed: Parsed, mentions: dict[tuple[int, int], str]
                       ) -> dict[tuple[int, int], str]:
    """The mentions of persons other than officials: a person the report names once as a judge,
    prosecutor or investigator ("Судья Тимур Сльозко исключил ...") acts on the case and is
    never the one it happens to."""
    officials = set()
    for (n, i), pid in mentions.items():
        sentence = parsed.sentences[n]
        word = sentence.words[i]
        seen = {word.i}
        while word.rel in NAME_PARTS and word.head is not None and word.head not in seen:
            word = sentence.words[word.head]
            seen.add(word.i)  # a parse may hold a cycle
            if word.lemma in OFFICIALS and not any(  # not "бывшего полицейского"
                    k.lemma in FORMER for k in sentence.children(word, ("amod",))):
                officials.add(pid)
                break
    return {key: pid for key, pid in mentions.items() if pid not in officials}


def _name_courts(events: list[EventRecord], parsed: Parsed) -> None:
    """"Суд признал его виновным": the court is the one the report named last before (or its
    only court); a bare "суд" says no more than that."""
    places = {start: end for kind, start, end, _ in parsed.spans if kind == "LOC"}
    courts = []
    for kind, start, end, normal in parsed.spans:
        if kind == "ORG" and COURT.search(parsed.text[start:end]) and "\n" not in normal:
            city = places.get(end + 1) if parsed.text[end:end + 1] == " " else None
            courts.append((start, normal + parsed.text[end:city] if city else normal))
    if not courts:
        return
    verdicts = [e for e in events if e.type == "sentence" and e.agent and (
        e.agent.lower() not in GENERIC_COURTS)]  # a court named in the verdict's own sentence
    for verdict in verdicts:
        verdict.extras["verdict"] = True
    # (in the order told: the longest of two names of one length is then the first told,
    # whatever the hash seed)
    named = list(dict.fromkeys(name for _, name in courts))
    for event in events:
        if event.type not in COURT_TYPES - {"arrest"} or (
                event.agent and event.agent.lower() not in GENERIC_COURTS):
            continue
        at = event.sources[0].start if event.sources else 0
        unnamed = not (event.sources and (COURT_WORD.search(event.sources[0].text) or (
            SAME_CASE.search(event.sources[0].text))))  # "проходившая по тому же делу": its court
        others = {name for name in named if _others_court(name, event, events)} if unnamed \
            else set()  # (asked once per name, of the events as they stand now)
        before = [name for start, name in courts if start < at and name not in others]
        only = [name for name in named if name not in others]
        court = before[-1] if before else (only[0] if len(named) == 1 and only else None)
        if court is not None:  # "Советский райсуд" is the "Советский суд Махачкалы" named before
            court = max((name for name in named if name.split()[0] == court.split()[0]),
                        key=len, default=court)
        if court is not None and not any(_other_case(event, v) for v in verdicts
                                         if v.agent.lower().startswith(court.lower())):
            event.agent = court


def _others_court(court: str, event: EventRecord, events: list[EventRecord]) -> bool:
    """The court is named as the agent of events of other persons only (a digest: "Областной
    суд признал X виновным ... Y, приговорённого к двум годам, освободили"): not the court of
    Y's verdict told with no court at all (one told "суд оправдал" is the court just named)."""
    own = [e for e in events if e is not event and e.agent and e.agent.lower().startswith(
        court.lower())]
    return bool(own) and not any(set(e.persons) & set(event.persons) for e in own)


def _other_case(event: EventRecord, verdict: EventRecord) -> bool:
    """The event is a sentence of the same person as the verdict but of another term or date:
    another case, not decided by the verdict's court ("Суд приговорил его к пяти годам. Напомним,
    в 2021 году его приговорили к трём годам")."""
    return event.type == "sentence" and event is not verdict and another_verdict(event, verdict)


def court_cities(parsed: Parsed) -> list[tuple[int, str, str]]:
    """The courts the report names with their city ("Советский суд Махачкалы", "суд в Пензе",
    "Суд Фрунзенского района Минска"): (offset, the court's words, the city). Not a supreme
    court, named after its region ("Верховный суд Крыма"), and not a district or region."""
    found = []
    for sentence in parsed.sentences:
        courts = [w for w in sentence.words if COURT_NOUN.fullmatch(w.lemma) and not any(
            k.lemma in REGION_COURTS for k in sentence.children(w, ("amod",)))]
        if not courts:
            continue
        for start, end, normal in spans_in(parsed, sentence, "LOC"):
            inside = [w for w in sentence.words if start <= w.start < end]
            if not inside or any(x in normal.lower() for x in NOT_CITIES):
                continue
            top = next((w for w in inside if w.head is None or not start <= sentence.words[
                w.head].start < end), inside[0])
            for court in courts:
                path = [top, *sentence.ancestors(top)]
                at = next((n for n, w in enumerate(path) if w.i == court.i), None)
                if at is not None and all(w.rel in ("nmod", "flat", "flat:name")
                                          for w in path[:at]):
                    words = [court, *sentence.children(court, ("amod",))]
                    found.append((court.start, sentence.span_text(sorted(
                        words, key=lambda w: w.i)), place_name(inside, normal)))
                    break
    return found


def _court_cities(events: list[EventRecord], parsed: Parsed) -> None:
    """What a court decided without a place of its own took place in the city of its court, as
    the report named it ("Кировский суд Самары ... Кировский райсуд заслушал свидетелей";
    "Суд в Омске огласил приговор ... три года получил X"): the court named last
    before, or the only one, where the event's agent is that court, or a court where the city's
    court is named by its kind only ("суд в Пензе")."""
    courts = court_cities(parsed)
    if not courts:
        return
    for event in events:
        if event.type not in COURT_TYPES - {"arrest"} or event.place is not None:
            continue
        at = event.sources[0].start + len(event.evidence or "") if event.sources else 0
        before = [c for c in courts if c[0] < at]
        if before:
            court = before[-1]
        elif len({c[2] for c in courts}) == 1:
            court = courts[0]
        else:
            continue
        agent = (event.agent or "").lower().split()
        if not agent or (agent[0] not in GENERIC_COURTS and court[1].lower() not in (
                GENERIC_COURTS) and agent[0] not in court[1].lower()):
            continue  # another court ("Мосгорсуд" after "Тверской суд Москвы")
        event.place = court[2]


def participants(sentence: Sentence, word: Word, kind: str, n: int,
                 mentions: dict[tuple[int, int], str]) -> list[str] | None:
    """The ids of the persons the event happened to; [] when the report's person is meant (a
    pronoun, a role noun, no participant); None when they are no persons."""
    if kind == "protest" and word_class(word) == "NOUN" and "за" in (
            preposition(sentence, word), preposition(sentence, sentence.head(word) or word)):
        verb = next((w for w in sentence.ancestors(word) if word_class(w) == "VERB"), None)
        kind_of_verb = (trigger_type(verb, sentence) or "sentence") if verb is not None else None
        if kind_of_verb is not None and kind_of_verb != "protest":  # "задержали у входа за
            return participants(sentence, verb, kind_of_verb, n, mentions)  # плакат": theirs,
            # and "ему назначили наказание за акцию": the one punished
    if word_class(word) == "NOUN" and _tally(sentence, word):
        return None  # "зафиксировали не менее 12 похищений": a count, no one's event
    if word_class(word) == "NOUN":
        holders = sentence.children(word, ("nmod", "obl", "appos", "conj", "iobj"))  # "приговор Ивану"
        head = sentence.head(word)
        own = [h for h in holders if h.lemma in PERSON_NOUNS and h.lemma not in (
            RELATION_NOUNS) and h.rel == "nmod" and case(h) == "Gen" and h.i > word.i]
        if not _persons_in(sentence, holders, n, mentions) and head is not None and (
                word.rel in ("obj", "nsubj", "obl")) and not (own and word.rel == "obl"):
            # not where the noun names its own ("После задержания художника отвезли ...,
            # как рассказала его мать X": the artist's, not the subject the parser found)
            rels = SUBJECT | PATIENT_PASSIVE | {"iobj"} | (PATIENT_ACTIVE if word.rel == "obl"
                                                          else frozenset())
            if word.rel == "obj" and kind not in SUBJECT_TYPES and head.lemma not in (
                    SUBJECT_VERBS):
                rels = rels - SUBJECT  # "суд вынес приговор": the court did it
            holders = holders + [k for k in sentence.children(head, rels) if k.i != word.i]
    elif word.feats.get("Substantive"):  # "Осуждённый по делу X Эрнест Ибрагимов объявил"
        head = sentence.head(word)  # the parser's sibling of the same relation: one phrase
        holders = [k for k in sentence.children(head, (word.rel,)) if k.i > word.i
                   ] if head is not None else []
    elif word.feats.get("VerbForm") == "Part" and word.rel in ("amod", "acl") and (
            sentence.head(word) is not None):
        holders = [sentence.head(word)]
    elif is_passive(word) or (word.lemma in SUBJECT_VERBS and kind not in DOER_TYPES) or (
            kind in SUBJECT_TYPES and (not sentence.children(word, PATIENT_ACTIVE) or (
                sentence.children(word, SUBJECT)))):  # "они пикетировали правительство"
        holders = sentence.children(word, PATIENT_PASSIVE)
    else:
        doers = _body_before(sentence, word)  # "X помиловал Лукашенко": no second person
        named = [k for x in sentence.children(word, ("xcomp",))  # "признал заключённым X"
                 for k in sentence.children(x, ("obj", "nmod"))]
        holders = [k for k in sentence.children(word, PATIENT_ACTIVE) if k not in doers]
        holders = holders + [k for k in named if k.feats.get("Animacy") == "Anim"] if (
            holders) else named  # "признали заключёнными жителя Перми X, учительницу Y и
        # пенсионера Z": the parser hangs the first on the complement, the others on the verb
        holders = holders + [k for h in holders if h.lemma in CASE_NOUNS  # "продлил срок
                             for k in sentence.subtree(h) if k.rel == "iobj"]  # ареста Ивану"
        holders = holders or _object_after_destination(sentence, word) or (
            _object_after_grounds(sentence, word)) or _second_subject(sentence, word)
        if word.rel == "xcomp" or word.rel == "conj":  # "решил задержать", "задержали и избили"
            head = sentence.head(word)
            if not holders and head is not None:
                holders = sentence.children(head, PATIENT_ACTIVE)
    holders = [_antecedent(sentence, h) for h in holders if not _aside(sentence, h, word)]
    found = _persons_in(sentence, holders, n, mentions)
    if found:
        return found
    # "обыски у активистов", "дело против Фомина": the person behind a preposition, of the
    # trigger or of its object
    objects = [word, *sentence.children(word, ("obj", "nsubj:pass"))]
    prepositions = PATIENT_PREPOSITIONS | (CHARGE_PREPOSITIONS if kind == "charge" else set()) | (
        DROPPED_PREPOSITIONS if kind == "charges_dropped" else set())  # "сняли обвинения с X"
    marked = [k for o in objects for k in sentence.children(o, ("obl", "iobj", "nmod"))
              if _marker(sentence, k) in prepositions]
    found = _persons_in(sentence, marked, n, mentions)
    if found:
        return found
    holders = holders + [k for k in marked if k.feats.get("Animacy") != "Inan" or _status_noun(
        k)]  # "применили к нему силу": the pronoun is the person; not "к шести
    # годам" of a verb whose object is left out ("а в феврале приговорили к шести годам")
    holders = holders or [k for c in sentence.children(word, PATIENT_ACTIVE | SUBJECT)
                          if c.lemma in ROUGH_COUNTS for k in sentence.children(c, ("nmod", "obl"))
                          ]  # "возбудили более 90 дел", the parser's "более" the subject
    if not holders:
        return []
    if any(_tally(sentence, h, rough_only=h.feats.get("Animacy") == "Anim") for h in holders if (
            h.feats.get("Animacy") == "Anim" or h.lemma in CASE_NOUNS or trigger_type(
                h, sentence) is not None)):  # (not "дали 17 лет": years)
        return None  # "возбудили не менее 80 дел", "удерживает более 200 жителей": a count
    if all(_related(sentence, h, n, mentions) for h in holders):
        return None  # "задержали сторонника Навального": another's relative, not named
    if kind == "ill_treatment" and all(h.feats.get("Animacy") == "Inan" for h in holders):
        return []  # "сковали руки", "подвергали унижающему достоинство обращению": the person's
    heads = {h.lemma for h in holders}
    if heads & (PRONOUNS | FIRST_PERSON | PERSON_NOUNS | CASE_NOUNS | RELATIVES) or any(
            h.pos == "PROPN" or _those(h) or _one_who(h) or (
                _status_noun(h) and _marker(sentence, h) in PATIENT_PREPOSITIONS)
            for h in holders):
        return []  # "сократил срок", "оставил без изменения решение": the report's person
    return None


def _status_noun(word: Word) -> bool:
    """A participle of a status used as a noun, lemmatised to its verb ("к осуждённому", "к
    заключенному", "в отношении обвиняемого"): behind a preposition of the one an act is done
    to, the one the report is about."""
    if word.feats.get("Number") == "Plur":
        return False
    return bool(word.feats.get("Substantive")) or (
        word.pos == "NOUN" and word.feats.get("Animacy") == "Anim" and INFINITIVE.search(
            word.lemma) is not None) or (  # the tagger's participle with no noun it describes
        word.feats.get("VerbForm") == "Part" and word.rel in ("nmod", "obl", "iobj") and (
            word.lemma in STATUS_PARTICIPLES))


def _marker(sentence: Sentence, word: Word) -> str | None:
    """A nominal's preposition, a compound one whole ("в отношении X": "прекратил
    преследование в отношении X", the one it was done to)."""
    for kid in sentence.children(word, ("case",)):
        fixed = " ".join(k.text.lower() for k in sentence.children(kid, ("fixed",)))
        return f"{kid.text.lower()} {fixed}" if fixed else kid.text.lower()
    return None


def _related(sentence: Sentence, holder: Word, n: int,
             mentions: dict[tuple[int, int], str]) -> bool:
    """A noun of one's relation to a person named after it ("сторонника Навального", "мать
    Ивана Петрова", "соратников X") or by a possessive ("его брата"): someone not named, not
    the person named nor the report's person."""
    return holder.lemma in RELATION_NOUNS and (any(
        (n, k.i) in mentions and _owner_of_relation(sentence, k)
        for k in sentence.children(holder, ("nmod", "appos"))) or _possessive(sentence, holder))


def _owner_of_relation(sentence: Sentence, name: Word) -> bool:
    """A name in the genitive after a relation noun ("сына Олега Петрова", "сторонников
    Ивана Петрова"), which the parser may take for the noun's apposition: a man's accusative
    has the genitive's form, and a relation noun names its person's own name only with a
    possessive ("её сына Константина") or in its own case and gender ("сестру Марию")."""
    top = sentence.climb(name, FLAT)
    noun = sentence.head(top)
    if noun is None or noun.lemma not in RELATION_NOUNS or top.i < noun.i or (
            top.rel not in ("nmod", "appos")) or preposition(sentence, top) is not None:
        return False
    if _possessive(sentence, noun):
        return False  # "её сына Константина", "своего брата Ивана": his own name
    plural = noun.feats.get("Number") == "Plur" and top.feats.get("Number") == "Sing"
    return plural or case(top) == "Gen" or (case(top) == "Acc" and top.feats.get(
        "Gender") == "Masc" and case(noun) in ("Acc", "Gen"))


def _possessive(sentence: Sentence, noun: Word) -> bool:
    """The noun has a possessive before it ("его брата", "её сына", "своего отца")."""
    return any(k.i < noun.i and (k.text.lower() in POSSESSIVE_GENDERS or k.lemma in (
        "их", "свой", "мой", "наш")) for k in sentence.children(noun, ("det", "nmod")))


def _object_after_destination(sentence: Sentence, word: Word) -> list[Word]:
    """The object told after where it is sent ("заключил под стражу Олега Смирнова", "отправил
    в СИЗО Ивана Петрова"): the parser hangs a man's accusative, which has the genitive's form,
    on the destination; not a genitive of a place where ("в квартире Ивана Петрова")."""
    found = []
    for place in sentence.children(word, ("obl",)):
        if preposition(sentence, place) not in ("в", "во", "под", "на") or (
                case(place) != "Acc"):
            continue
        found += [k for k in sentence.children(place, ("nmod",)) if k.i > place.i and (
            k.pos == "PROPN" or k.feats.get("Animacy") == "Anim") and case(k) in ("Gen", "Acc")
            and preposition(sentence, k) is None]
    return found


def _object_after_grounds(sentence: Sentence, word: Word) -> list[Word]:
    """The object told after the grounds of a verdict ("признал виновным по той же статье
    курьера X", "осудил по делу о госизмене жителя Омска X", "приговорил по статье о фейках
    пенсионерку X"): the parser hangs the person, a man's accusative in the genitive's form, on
    the article or on what the case is about; not a name the case itself is named by ("по делу
    X": his case, not him)."""
    guilty = bool(sentence.children(word, ("xcomp",)))  # "признал виновной в госизмене X"
    grounds = []
    for k in sentence.words[word.i + 1:]:  # by place: the parser may hang the grounds on a
        if k.feats.get("VerbForm") == "Fin":  # participle of the person's ("..., написавшего
            break  # пост"), a loop that never reaches the verb
        if k.pos == "NOUN" and k.rel in ("obl", "nmod") and (
                preposition(sentence, k) in GROUND_PREPOSITIONS or (
                    guilty and preposition(sentence, k) in ("в", "во"))):
            grounds.append(k)
    for place in grounds:
        for noun in sentence.words[place.i + 1:]:  # within the grounds' phrase
            if noun.text in (",", ";", "(") or noun.feats.get("VerbForm") == "Fin":
                break
            head = sentence.head(noun)
            if head is None or head.i < place.i or preposition(sentence, noun) is not None or (
                    noun.rel != "nmod" and not (noun.rel == "obj" and head.i > noun.i)):
                continue  # (an object of a word after it: the parser's loop through the
                # person's participle, "курьера X, написавшего ...")
            if noun.feats.get("Animacy") == "Anim" and case(noun) in ("Gen", "Acc") and (
                    noun.pos == "PROPN" or noun.lemma in PERSON_NOUNS or any(
                        k.pos == "PROPN" for k in sentence.children(noun, ("appos",)))) and (
                    head.lemma not in CASE_NOUNS) and head.feats.get("Animacy") != "Anim":
                return [noun]
    return []


def _second_subject(sentence: Sentence, word: Word) -> list[Word]:
    """A name after the verb that the parser made a second subject ("суд заключил Кречетова
    под стражу": a man's accusative in -а read as a woman's nominative), where the subject
    before the verb agrees with it: the object."""
    subjects = sentence.children(word, SUBJECT)
    if len(subjects) < 2 or not any(k.i < word.i and _agrees(word, k, sentence)
                                    for k in subjects):
        return []
    return [k for k in subjects if k.i > word.i and k.pos == "PROPN" and k.feats.get(
        "Animacy") == "Anim" and k.text.lower().endswith(("а", "я"))]


def _aside(sentence: Sentence, word: Word, trigger: Word) -> bool:
    """The word stands in brackets the trigger is outside of ("её осудили (так называемую
    «химию»), затем отпустили": the parser may hang a bracketed word on the next verb as its
    object)."""
    opened = [w.i for w in sentence.words[:word.i] if w.text == "("]
    closed = [w.i for w in sentence.words[word.i:] if w.text == ")"]
    if not opened or not closed:
        return False
    start, end = opened[-1], closed[0]
    if any(w.text == ")" for w in sentence.words[start:word.i]):
        return False  # the last bracket before the word is closed before it
    return not start < trigger.i < end


def _antecedent(sentence: Sentence, word: Word) -> Word:
    """What a pronoun of the clause stands for: "который" the noun its clause hangs from
    ("Белову, которая стояла в пикете"), "себя" its verb's subject; any other word itself."""
    if word.lemma in RELATIVES:
        for clause in sentence.ancestors(word):
            if clause.rel.startswith("acl") and clause.head is not None:
                if clause.head < word.i:
                    return sentence.head(clause)
                return _noun_before(sentence, word) or sentence.head(clause)  # a clause
                # the parser hung on a noun after it: "X, которую задержали в мае, и Y"
    if word.lemma == "себя" and word.head is not None:
        verb = sentence.head(word)
        for subject in sentence.children(verb, SUBJECT) or sentence.children(
                sentence.head(verb) or verb, SUBJECT):
            return subject
    return word


def _members_named(sentence: Sentence, n: int, mentions: dict[tuple[int, int], str]
                   ) -> list[str]:
    """The persons a sentence that opens on "Среди них" names, less those named inside a
    relative clause of theirs ("Среди них — X, которую задержали вместе с Y, и Z": X and Z)."""
    inside = {w.i for w in sentence.words if w.rel.startswith("acl")
              for w in sentence.subtree(w)}
    return list(dict.fromkeys(pid for (s, i), pid in sorted(mentions.items())
                              if s == n and i not in inside))


def _noun_before(sentence: Sentence, relative: Word) -> Word | None:
    """The noun or name right before a relative pronoun's comma that agrees with it in gender
    and number ("учительница Вера Котова, которую ...")."""
    for w in reversed(sentence.words[:relative.i]):
        if w.pos == "PUNCT":
            continue
        if w.pos not in ("NOUN", "PROPN"):
            return None
        if all(w.feats.get(f) == relative.feats.get(f) for f in ("Gender", "Number") if (
                w.feats.get(f) and relative.feats.get(f))):
            return w
        return None
    return None


def _the_detained(sentence: Sentence, word: Word, events: list[EventRecord]) -> list[str]:
    """A group told as the detained ("всем троим задержанным предъявлено обвинение", "всех
    задержанных"): the persons of the last detention of two or more told before, not those of
    whatever event came last."""
    if not any(w.lemma in DETAINED_WORDS for k in sentence.children(
            word, PATIENT_ACTIVE | PATIENT_PASSIVE) for w in sentence.subtree(k)):
        return []
    detained = [e for e in events if e.type == "arrest" and len(e.persons) > 1 and not (
        e.negated or e.extras.get("custody"))]
    return list(detained[-1].persons) if detained else []


def _one_who(word: Word) -> bool:
    """A participle in the singular used as a noun behind a preposition ("к задержанному не
    применяли силу", "у осуждённого"): the one the report tells of."""
    return word.feats.get("VerbForm") == "Part" and word.feats.get("Number") == "Sing" and (
        word.rel == "obl") and word.feats.get("Case") in ("Dat", "Gen", "Acc", "Ins", "Loc")


def _those(word: Word) -> bool:
    """A participle in the plural used as a noun ("Задержанных отпустили", "задержанных
    доставили в отдел"): those the event before happened to."""
    return word.feats.get("VerbForm") == "Part" and word.feats.get("Number") == "Plur" and (
        word.rel in ("obj", "nsubj", "nsubj:pass", "iobj"))


def _nameless_age(sentence: Sentence, word: Word, n: int,
                  mentions: dict[tuple[int, int], str]) -> int | None:
    """The age on the noun of the person an event happened to, named by no name there ("суд
    приговорил 62-летнего общественного деятеля"): the age of the person it stands for."""
    for noun in sentence.children(word, PATIENT_ACTIVE | PATIENT_PASSIVE):
        if noun.feats.get("Animacy") == "Anim" and not any(
                (n, w.i) in mentions for w in sentence.subtree(noun)):
            age = role_age(sentence, noun)
            if age is not None:
                return age
    return None


def _another(sentence: Sentence, word: Word, kind: str) -> bool:
    """The participant is one more person, counted by an ordinal or "ещё один" ("о задержании
    четвёртого пикетчика", "задержали ещё одного активиста"): not the person told of before."""
    rels = ("nmod",) if word_class(word) == "NOUN" else (
        PATIENT_PASSIVE if is_passive(word) or kind in SUBJECT_TYPES else PATIENT_ACTIVE)
    for noun in sentence.children(word, rels):
        if noun.pos != "NOUN" or noun.feats.get("Animacy") != "Anim" or preposition(
                sentence, noun) is not None:
            continue
        for k in sentence.children(noun, ("amod", "nummod", "det")):
            if k.pos == "ADJ" and ORDINALS.get(k.lemma, 0) > 1 and k.lemma in COUNTING:
                return True
            if k.lemma in ANOTHER and (k.lemma == "другой" or any(
                    a.lemma == "еще" for a in sentence.children(k, ("advmod",)))):
                return True
    return False


def _they(sentence: Sentence, word: Word) -> bool:
    """The trigger's subject is "они"."""
    return any(k.lemma == "они" for k in sentence.children(word, SUBJECT))


def _named_together(sentence: Sentence, word: Word, n: int, mentions: dict[tuple[int, int], str],
                    sources: set[str]) -> list[str]:
    """The persons named last before the word, two or more joined by "и" or commas ("а самые
    длительные — X и Y, они проведут ..."): those "они" stands for; [] where one is named."""
    run: list[str] = []
    for i in range(word.i - 1, -1, -1):
        pid = mentions.get((n, i))
        w = sentence.words[i]
        if pid is not None and pid not in sources:
            if pid not in run:
                run.insert(0, pid)
        elif run and not (w.text.lower() == "и" or w.text == "," and mentions.get((n, i - 1))):
            break  # the run of names ends
    return run if len(run) > 1 else []


def _means_group(sentence: Sentence, word: Word) -> bool:
    """The participant is "both" or "they", or those just told of ("Задержанных отпустили"):
    the persons of the event before."""
    for kid in sentence.children(word, PATIENT_ACTIVE | PATIENT_PASSIVE):
        if kid.lemma in GROUP_PRONOUNS or _those(kid) or any(
                k.lemma in GROUP_DETERMINERS for k in sentence.children(kid)):
            return True
    return False


def _introduced_as(parsed: Parsed, sentence: Sentence, word: Word, n: int,
                   mentions: dict[tuple[int, int], str]) -> list[str]:
    """A role noun with no name that the event happened to ("к журналистке применили силу")
    stands for the person the report introduced with that noun ("журналистку Полину X"), the
    latest so introduced, where another person was introduced with another role."""
    roles = {k.lemma for k in sentence.children(word, ("obj", "nsubj:pass", "obl", "iobj"))
             if k.lemma in PERSON_NOUNS and k.lemma not in RELATION_NOUNS and not any(
                 (n, w.i) in mentions for w in sentence.subtree(k))}
    if len(roles) != 1:
        return []
    role = roles.pop()
    found, others = [], set()
    for (s, i), pid in sorted(mentions.items()):
        if s > n:
            break
        told = parsed.sentences[s]
        first = told.climb(told.words[i], FLAT)
        before = told.words[first.i - 1] if first.i else None
        head = told.head(first) if first.rel == "appos" else None
        said = {w.lemma for w in (before, head) if w is not None and w.lemma in PERSON_NOUNS}
        if role in said:
            found.append(pid)
        elif said:
            others.add(pid)
    return found[-1:] if found and others - set(found) else []


def _kin_of_speaker(parsed: Parsed, sentence: Sentence, word: Word, n: int,
                    mentions: dict[tuple[int, int], str]) -> list[str]:
    """The one a relative who speaks is kin to, where what is said tells of a relative with no
    name ("Жена X рассказала, что мужа ударили", "Мама X рассказала, что сына отправляли в
    ШИЗО"), or a client of a lawyer ("Адвокат X Олег Y рассказал, что его подзащитного
    избили"): X, not the speaker."""
    rels = PATIENT_PASSIVE if is_passive(word) else PATIENT_ACTIVE
    head = sentence.head(word)
    if word.rel == "conj" and head is not None and not any(
            k.feats.get("Animacy") == "Anim" for k in sentence.children(word, rels)):
        word = head  # "уложили мужа лицом в пол и ударили ногой": the husband, of both
    patients = sentence.children(word, rels) + [  # "в колонии сына отправляли": an object
        g for k in sentence.children(word, ("obl",))  # the parser hung on the phrase before
        for g in sentence.children(k, ("nmod",)) if case(g) == "Acc"]
    client = any(w.lemma in CLIENT_NOUNS for w in sentence.words)  # one word, whatever the
    # parser hung it on ("после задержания его подзащитного держали в подвале, били")
    if not client and not any(k.lemma in RELATION_NOUNS and not any(
            (n, w.i) in mentions for w in sentence.subtree(k)) for k in patients):
        return []
    for verb in sentence.words:
        if verb.lemma not in ATTRIBUTION_VERBS or word_class(verb) != "VERB":
            continue
        for speaker in sentence.children(verb, SUBJECT) or _subject_cut_off(sentence, verb):
            if speaker.lemma not in RELATION_NOUNS | (LAWYER_NOUNS if client else set()):
                owner = _introduced_owner(parsed, mentions.get((n, speaker.i)), n, mentions)
                if owner is not None:  # "адвокат X Олег Y ... Y рассказал, что его
                    return [owner]  # подзащитного избили": X
                continue
            owners = [mentions[(n, k.i)] for k in sentence.children(speaker, ("nmod",))
                      if (n, k.i) in mentions and case(k) == "Gen"]
            if len(owners) == 1:
                return owners
    return []


def _introduced_owner(parsed: Parsed, pid: str | None, n: int,
                      mentions: dict[tuple[int, int], str]) -> str | None:
    """The one a person was introduced as the lawyer or relative of, by the genitive of a name
    between the noun and the person's own name ("адвокат Сотникова Евгений Лаптев", "мать
    Ильи Петрова Анна"), in this sentence or before."""
    if pid is None:
        return None
    for (s, i), who in sorted(mentions.items()):
        if s > n or who != pid or i < 2 or mentions.get((s, i - 1)) == pid:
            continue
        words = parsed.sentences[s].words
        j = i - 1
        owner = mentions.get((s, j))
        while owner is not None and j > 0 and mentions.get((s, j - 1)) == owner:
            j -= 1
        if owner is not None and owner != pid and case(words[j]) == "Gen" and (
                words[j - 1].lemma in RELATION_NOUNS | LAWYER_NOUNS):
            return owner
    return None


def _doers(sentence: Sentence, n: int, mentions: dict[tuple[int, int], str]) -> set[str]:
    """The persons who do an event to others, the subject of its active verb with an object
    ("Лукашенко помиловал 52 человека", "Судья X арестовал участников"): no one the report
    is about, whom the next sentence's event could have happened to."""
    found: set[str] = set()
    for verb in sentence.words:
        kind = trigger_type(verb, sentence)
        if kind is None or word_class(verb) != "VERB" or is_passive(verb) or (
                kind in SUBJECT_TYPES) or verb.lemma in SUBJECT_VERBS or not any(
                    k.feats.get("Animacy") == "Anim" for k in sentence.children(verb, ("obj",))):
            continue
        for subject in sentence.children(verb, SUBJECT):
            found.update(mentions[(n, w.i)] for w in sentence.subtree(subject, NAME_PARTS)
                         if (n, w.i) in mentions)
    return found


def _subject_cut_off(sentence: Sentence, verb: Word) -> list[Word]:
    """The subject right before a verb with none that the parser gave to the verb of the
    clause after it ("Мама X Светлана Y рассказала, что ... отправляли": the mother made the
    subject of "отправляли"): the words between it and the verb are all its own."""
    for word in sentence.words[:verb.i]:
        if word.rel in SUBJECT and word.head is not None and word.head > verb.i and all(
                w.i in {x.i for x in sentence.subtree(word)} for w in sentence.words[
                    word.i:verb.i]):
            return [word]
    return []


def _group_before(parsed: Parsed, n: int, mentions: dict[tuple[int, int], str],
                  previous_found: list[EventRecord]) -> list[str]:
    """The group a plural noun or "их" stands for: the last two or more persons the sentence
    before names together ("были X и Y"), else those of the last event told, where it has two
    or more."""
    if n:
        before = parsed.sentences[n - 1]
        named = _named_together(before, before.words[-1], n - 1, mentions, set())
        if len(named) > 1:
            return named
    if previous_found and len(previous_found[-1].persons) > 1:
        return list(previous_found[-1].persons)
    return []


def _held_since(sentence: Sentence, word: Word) -> bool:
    """A state of custody joined to the detention it follows ("Их задержали в январе, с тех пор
    они находятся в СИЗО"): the detention told on, not another event."""
    head = sentence.head(word)
    return word.rel == "conj" and head is not None and trigger_type(head, sentence) == "arrest"


def _their_fronted(sentence: Sentence, word: Word) -> bool:
    """A verb with no object after "Их" that opens the sentence, which the parser read as the
    subject's possessive ("Их суд приговорил к 11 годам", "Их суд арестовал на два месяца"):
    "их" is the object, those told of before."""
    first = sentence.words[0] if sentence.words else None
    return first is not None and first.text.lower() == "их" and first.rel == "det" and (
        not sentence.children(word, PATIENT_ACTIVE)) and any(
        k.i == first.head for k in sentence.children(word, SUBJECT))


def _digest(sentence: Sentence) -> bool:
    """A headline that lists events of several kinds by their nouns ("обыски в Бахчисарае,
    похищение в Джанкойском районе, голодовка в Новочеркасске"): the stories of a digest."""
    return len({trigger_type(w, sentence) for w in sentence.words if w.pos == "NOUN"} - {
        None}) > 1


def _raids(sentence: Sentence, word: Word, kind: str) -> bool:
    """Searches told in the plural by their noun ("провели обыски в пяти домах", "пришли с
    обысками"): a raid on several homes, the group's, not the last person's told of."""
    return kind == "search" and any(w.pos == "NOUN" and w.feats.get("Number") == "Plur" and (
        trigger_type(w, sentence) == "search") for w in [word, *sentence.children(word, ("obj",))])


def _plural_nouns(sentence: Sentence, word: Word) -> bool:
    """The participant is a plural noun of people with no name and no number ("Мужчин
    доставили в отдел", "парней задержали через два дня", "супругов отпустили"): the group
    the event before happened to."""
    rels = PATIENT_PASSIVE if is_passive(word) else PATIENT_ACTIVE
    return any(k.pos == "NOUN" and k.feats.get("Animacy") == "Anim" and k.feats.get(
        "Number") == "Plur" and not any(w.pos in ("PROPN", "NUM") or w.lemma in ROUGH_COUNTS
                                        for w in sentence.subtree(k))
               for k in sentence.children(word, rels))


def _source_persons(sentence: Sentence, n: int, mentions: dict[tuple[int, int], str]
                    ) -> set[str]:
    """The persons a sentence's claim is attributed to (the speaker is not the one it
    happened to)."""
    holders = []
    for word in sentence.words:
        if word.lemma in ATTRIBUTION_VERBS and word_class(word) == "VERB":
            holders += sentence.children(word, SUBJECT)
        else:
            holders += _holders_of_noun(sentence, word)
    return set(_persons_in(sentence, holders, n, mentions))


def _holders_of_noun(sentence: Sentence, word: Word) -> list[Word]:
    """The holder of a prepositional phrase of attribution: "по словам X", "по данным X", the
    source cited by "со ссылкой на X", and the one told in "Как стало известно «X»"."""
    if word.lemma in ATTRIBUTION_NOUNS and preposition(sentence, word) == "по":
        return sentence.children(word, ("nmod",)) or [  # "по её словам"
            k for k in sentence.children(word, ("det", "amod"))
            if k.text.lower() in POSSESSIVE_GENDERS]
    if word.lemma in CITING_NOUNS and preposition(sentence, word) in ("с", "со"):
        return [k for k in sentence.children(word, ("nmod", "obl"))
                if preposition(sentence, k) == "на"]
    head = sentence.head(word)
    if word.lemma == "известный" and word.feats.get("Variant") == "Short" and (
            head is not None and head.lemma == "стать"):  # "Как стало известно «X», ..."
        return [k for k in sentence.children(word, ("iobj", "obl", "nmod"))
                if preposition(sentence, k) is None and k.pos in ("NOUN", "PROPN")]
    return []


def _persons_in(sentence: Sentence, holders: list[Word], n: int,
                mentions: dict[tuple[int, int], str]) -> list[str]:
    found: list[str] = []
    for holder in holders:
        for word in sentence.subtree(holder, HOLDS):
            if _possessor(sentence, word, holder) or _beneficiary(sentence, word, holder) or (
                    _relative_of(sentence, word, holder)):
                continue
            pid = mentions.get((n, word.i))
            if pid and pid not in found:
                found.append(pid)
    return found


def _relative_of(sentence: Sentence, word: Word, holder: Word) -> bool:
    """A name in the genitive of a relation noun inside the holder's phrase ("Ивана Петрова,
    сына Олега Петрова": Олег is not the one it happened to)."""
    return word.i != holder.i and _owner_of_relation(sentence, word)


def _beneficiary(sentence: Sentence, word: Word, holder: Word) -> bool:
    """A name the event is for, not of ("голодовка в поддержку Олега Сенцова", "акция памяти
    Романа Бондаренко")."""
    for head in sentence.ancestors(word):
        if head.lemma in BENEFICIARY_NOUNS:
            return True
        if head.i == holder.i:
            return False
    return False


def _possessor(sentence: Sentence, word: Word, holder: Word | None = None) -> bool:
    """A name in the genitive of a thing ("координатора штаба Навального", "сотрудника фонда
    Ивана Петрова"): the owner, not a participant (unless it is the participant found). Not
    the genitive of an event ("После приговора Игоря Волкова этапировали": his verdict, he is
    the one moved) or of one's defence ("Защита Кузнецова обжаловала приговор")."""
    top = holder.i if holder is not None else -1
    first = sentence.climb(word, FLAT)
    role = sentence.words[first.i - 1] if first.i else None
    if role is not None and role.i != top and role.lemma in PERSON_NOUNS and (
            role.rel == "nmod" and {case(role), case(first)} <= {"Gen", "Acc"}) and (
            role.i != first.head):  # a man's genitive may be tagged as his accusative
        word = role  # "штаба политика Алексея Навального": the name is the role noun's, where
        # the parser hung it elsewhere
    word = sentence.climb(word, NAME_PARTS, stop=top)
    head = sentence.head(word)
    return word.i != top and word.rel == "nmod" and preposition(sentence, word) is None and (
        head is not None and head.i != top and head.pos == "NOUN"
        and head.feats.get("Animacy") == "Inan" and head.lemma not in PERSON_NOUNS
        and head.lemma not in DEFENCE_NOUNS and head.lemma not in STATE_NOUNS
        and trigger_type(head, sentence) is None)


def _event(kind: str, who: list[str], word: Word, sentence: Sentence, parsed: Parsed,
           published: str | None, told_year: int | None = None) -> EventRecord:
    text = sentence.text
    event = EventRecord(type=kind, persons=who, evidence=text,
                        sources=[Span(sentence.start, sentence.start + len(text), text)],
                        trigger=Span(word.start, word.end, word.text))
    since = word.lemma in REMAND_STATES and _held_since(sentence, word)  # a custody told on
    dates = _own_dates(sentence, word, since)
    if args.date_mentions(text) and not args.date_mentions(dates) and _contrasted(sentence, word):
        event.extras["apart"] = True  # "суд отправил их в СИЗО, а в июле их этапировали": the
        # sentence dates another clause only, not this one's occasion
    if any(w.lemma in EXTENDING for w in [word, *sentence.ancestors(word)]) or (
            kind == "arrest" and word.lemma in CUSTODY):
        # "продлил арест до 12 мая", "отправил под арест до 15 июля": the day the custody runs
        # to, not the day it was ordered
        dates = _without_deadlines(dates)
    if word.feats.get("Substantive"):  # "Мать осуждённого рассказала 5 мая, что ...": a status,
        text = sentence.span_text(sentence.subtree(word))  # told by its own words only
        dates = text
        event.extras["status"] = True
    elif word.lemma in HELD or (kind == "arrest" and word.lemma in REMAND_STATES and not since):
        # "Суд начался в апреле, а в заключении она удерживается два
        dates = sentence.span_text(sentence.subtree(word))  # года": a state, its own words
        event.extras["held"] = True
    event.date = args.find_date(dates, published, at=None if word.feats.get("Substantive") else (
        word.start - sentence.start), told_year=told_year)
    if event.date is None and kind in SESSIONS and published and _present(sentence, word):
        event.date = published[:10]  # "заседание проходит", "суд оглашает приговор": today
    event.place = (destination(sentence, word, parsed) if kind == "transfer" else None) or (
        picketed(sentence, word) if kind == "protest" else None) or (
        find_place(sentence, parsed, word, kind))
    if kind == "arrest" and since:
        event.place = None  # "задержали в январе, с тех пор они находились в СИЗО": the
        # detention, of its day; where one is held since is no place of it
    event.agent = _agent(sentence, word, parsed, kind)
    if event.agent and _their_fronted(sentence, word):
        event.agent = event.agent.split(" ", 1)[-1]  # "Их суд": the court
    if kind in CHARGED_TYPES:  # an appeal's own words only ("апелляцию на приговор по делу о
        event.charge = args.find_charge(text)  # ..."): it takes no charge told elsewhere
    if kind == "arrest" and word.lemma in CUSTODY:
        event.extras["custody"] = True  # remanded by a court, not only detained
    occurrence = next((ORDINALS[k.lemma] for k in sentence.children(word, ("amod", "advmod"))
                       if k.lemma in ORDINALS), None)
    if occurrence:  # "После третьего избиения": another beating than the one told before
        event.extras["occurrence"] = occurrence
    if kind == "sentence":
        if not args.RULES.pattern("days").search(text):
            event.term_months = args.find_term(text)
        if args.is_suspended(text):
            event.extras["suspended"] = True
    if kind == "release":
        event.release_mode = args.release_mode(text)
    # "не выдают лекарства", "отказались вызвать врача": withheld care happened
    event.negated = _negated(sentence, word) and not (
        kind == "ill_treatment" and word.lemma in CARE_VERBS)
    event.hedged = args.is_hedged(text)
    return event


def _contrasted(sentence: Sentence, word: Word) -> bool:
    """The trigger and another verb are joined by "а" or "но" ("суд отправил их в СИЗО, а в
    июле их этапировали"): two occasions, the other clause's date is not this one's."""
    head = sentence.head(word)
    joined = sentence.children(word, ("conj",)) + ([head] if head is not None and (
        word.rel == "conj") else [])
    return word_class(word) == "VERB" and any(
        k.lemma in CONTRAST for v in joined + [word] for k in sentence.children(v, ("cc",)))


def _eve(sentence: Sentence) -> bool:
    """The sentence says "накануне" as an adverb ("Её задержали накануне"), not "накануне
    суда" (the eve of an event it names)."""
    return any(w.text.lower() == "накануне" and w.rel != "case" for w in sentence.words)


def _eve_of(published: str | None) -> str | None:
    """The day before publication, what "накануне" alone resolves to."""
    try:
        return (dt.date.fromisoformat((published or "")[:10]) - dt.timedelta(days=1)).isoformat()
    except ValueError:
        return None


def _present(sentence: Sentence, trigger: Word) -> bool:
    """The trigger's verb (or the verb a noun trigger is the subject of) is in the present
    tense: a court session a report tells as going on happens on the report's day."""
    verb = trigger if word_class(trigger) == "VERB" else (
        sentence.head(trigger) if trigger.rel == "nsubj" else None)
    return verb is not None and verb.feats.get("Tense") == "Pres" and (
        verb.feats.get("VerbForm") == "Fin") and not any(  # not "суд, который идёт год"
            w.rel.startswith("acl") for w in [verb, *sentence.ancestors(verb)])


def _own_dates(sentence: Sentence, trigger: Word, since: bool) -> str:
    """The sentence with the dates of other events' clauses blanked out ("были задержаны, а 9
    октября арестованы": the 9th is the remand's, not the detention's)."""
    text = sentence.text
    clause = {trigger.i} | ({trigger.head} if word_class(trigger) == "NOUN" and not (
        before_or_after(sentence, trigger)) else set())
    head = sentence.head(trigger)
    if head is not None and trigger.rel == "conj" and trigger_type(trigger, sentence) in (
            VERDICTS) and trigger_type(head, sentence) in VERDICTS:
        clause.add(head.i)  # "30 августа суд признал её виновной и назначил штраф": one verdict
    if since:  # (_held_since, asked once by the caller)
        clause.add(head.i)  # "задержали в январе, с тех пор находятся в СИЗО": one custody
    own = {w.i for w in sentence.subtree(trigger)} if timing(sentence, trigger) else None
    for start, end, _ in args.date_mentions(text):
        word = next((w for w in sentence.words if w.start - sentence.start >= start), None)
        if own is not None and word is not None and word.i not in own and any(
                w.lemma in ATTRIBUTION_VERBS for w in sentence.ancestors(word)
                if word_class(w) == "VERB"):  # "3 мая мать сообщила, что он не восстановился
            text = text[:start] + " " * (end - start) + text[end:]  # после голодовки": the
            continue  # day it was told, not the day of what it came after
        verb = next((w for w in sentence.ancestors(word) if word_class(w) == "VERB"), None
                    ) if word is not None else None
        protest = _protest_dated(sentence, word) if word is not None else None
        if protest is not None and protest.i == trigger.i:
            continue  # the protest's own day
        if verb is not None and verb.i not in clause and trigger_type(verb, sentence) or (
                protest is not None):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _protest_dated(sentence: Sentence, word: Word) -> Word | None:
    """The protest a date names ("за акцию 28 января", "после митинга 5 мая"): the date right
    after a protest noun, or hung on one, is the protest's day, not the day of the arrest or
    fine it is told with."""
    before = sentence.words[word.i - 1] if word.i else None
    if before is not None and before.lemma in PROTEST_NOUNS:
        return before
    head = sentence.head(word)
    return head if head is not None and head.lemma in PROTEST_NOUNS else None


def _without_deadlines(text: str) -> str:
    """The text with the dates after "до" blanked out (the day a custody runs to)."""
    if "до " not in text:
        return text
    for start, end, _ in args.date_mentions(text):
        if DEADLINE.search(text[:start]):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _negated(sentence: Sentence, word: Word) -> bool:
    """"не задержали", "не был освобождён"; a noun's negation is the verb it hangs from ("не
    объявлял голодовку", "не подписывал прошения о помиловании"); a refusal negates too ("суд
    отказался освободить его", "отказали в освобождении")."""
    target: Word | None = word
    if timing(sentence, word):
        return False  # "не восстановился после голодовки": the hunger strike took place
    if word_class(word) == "NOUN":
        if any(preposition(sentence, w) == "без" for w in [word] + [
                a for a in sentence.ancestors(word)[:1] if word_class(a) == "NOUN"]):
            return True  # "отпустили без предъявления обвинения": no one was charged
        target = next((w for w in sentence.ancestors(word) if word_class(w) != "NOUN"), None)
        if target is not None and PREDICATES["denied_claim"](target, sentence):
            return True  # "факты применения силы не подтвердились"
    elif word.rel == "ccomp" and sentence.head(word) is not None and PREDICATES["denied_claim"](
            sentence.head(word), sentence):
        return True  # "в ФСИН опровергли, что его избивали"
    for verb in (target, sentence.head(target) if target is not None else None):
        if verb is None:
            continue
        if any(k.text.lower() in NEGATIONS for k in sentence.children(verb, ("advmod", "dep"))):
            return True
        if verb is not word and verb.lemma in REFUSALS:
            return True
        if word_class(verb) != "VERB" or verb.rel != "xcomp":
            break
    return False


def _agent(sentence: Sentence, word: Word, parsed: Parsed, kind: str) -> str | None:
    """Who did it: the subject of an active trigger (or of the verb its infinitive hangs from:
    "суд отказался освободить") when it is in the nominative and names no person the event
    happened to ("суд", "сотрудники ФСБ", "трое сотрудников"), else, for what a court decides, the
    court the sentence names (not a newspaper, a colony or the outlet that tells it)."""
    doer = word.lemma not in SUBJECT_VERBS or kind in DOER_TYPES
    if word_class(word) == "VERB" and not is_passive(word) and doer and kind not in SUBJECT_TYPES:
        misparsed = _body_before(sentence, word)
        subjects = sentence.children(word, SUBJECT) or misparsed
        verb = word  # "суд отказался освободить его"; "пришли двое, сковали ему руки и избили"
        climbed = {verb.i}
        path = [word]  # the verbs climbed through: each agrees with the subject found ("отец
        # жаловался, но ему отказывались дать лекарства": not the father's refusal)
        while not subjects and verb.rel in ("xcomp", "conj") and verb.head is not None and \
                verb.head not in climbed:
            verb = sentence.head(verb)
            path.append(verb)
            climbed.add(verb.i)  # a parse may hold a cycle
            if word_class(verb) != "VERB" or is_passive(verb):
                break
            subjects = sentence.children(verb, SUBJECT)
        for subject in subjects:
            subject = _pronoun_doer(sentence, subject) if subject.lemma in (
                "он", "она", "они") else subject
            counted = bool(sentence.children(subject, ("nummod:gov",)))  # "трое сотрудников"
            nominative = subject.feats.get("Case") in (None, "Nom") or counted or (
                ABBREVIATION.fullmatch(subject.text)) or (  # "ФСБ задержала": no case of its
                subject in misparsed)  # own; "X помиловал Лукашенко"
            if subject.pos in ("NOUN", "PROPN") and subject.lemma not in PRONOUNS and (
                    subject.lemma not in USED) and (
                    nominative and all(_agrees(v, subject, sentence) for v in path)):
                words = sentence.subtree(subject, AGENT_PARTS)
                return _closed(sentence.span_text(words))
    if word_class(word) == "VERB" and is_passive(word):  # "был задержан сотрудниками ФСБ"
        for doer in sentence.children(word, ("obl:agent",)):
            if doer.pos in ("NOUN", "PROPN") and doer.lemma not in PRONOUNS:
                words = sentence.subtree(doer, AGENT_PARTS)
                return " ".join(nominative_phrase([w.text for w in words])).strip(" ,")
    head = sentence.head(word)
    if word_class(word) == "NOUN" and head is not None and preposition(sentence, word) and (
            COMPLICITY.get(head.lemma) == preposition(sentence, word)):
        for doer in sentence.children(head, SUBJECT):  # "к похищению причастны силовики"
            if doer.pos in ("NOUN", "PROPN") and doer.lemma not in PRONOUNS:
                return _closed(sentence.span_text(sentence.subtree(doer, AGENT_PARTS)))
    if kind in COURT_TYPES and (kind != "arrest" or word.lemma in CUSTODY):  # not "задержали"
        for start, end, normal in spans_in(parsed, sentence, "ORG"):
            if COURT.search(parsed.text[start:end]):
                return normal
    return None


def _body_before(sentence: Sentence, verb: Word) -> list[Word]:
    """A subject the parser took for a second object: an abbreviation before the verb, with
    the object after it ("ФСБ задержала X"), or an animate noun in the nominative after it,
    with the object before it ("Ивана Петрова избили конвоиры": the nominative of a living
    thing is not its accusative)."""
    objects = sentence.children(verb, ("obj",))
    if len(objects) < 2:
        return []
    before = [k for k in objects if k.i < verb.i]
    return [o for o in objects if (o.i < verb.i and ABBREVIATION.fullmatch(o.text)) or (
        o.i > verb.i and before and (
            o.pos == "NOUN" and o.feats.get("Animacy") == "Anim" and o.feats.get("Case") == "Nom"
            or o.pos == "PROPN" and o.text.lower() == o.lemma and verb.feats.get(
                "Number") == "Sing" and all(k.pos == "PROPN" and k.text.lower() != k.lemma
                                            for k in before)))]  # "X помиловал Лукашенко"


def _closed(text: str) -> str:
    """A name in quotes closed where the phrase stops before its closing mark ("Правозащитный
    центр «Весна»")."""
    return text + "»" * (text.count("«") - text.count("»"))


def _pronoun_doer(sentence: Sentence, pronoun: Word) -> Word:
    """What a subject pronoun stands for: the nearest common-noun subject before it in the
    sentence, of its number ("Её задержали двое полицейских, они избили её в автозаке": the
    police); else the pronoun itself."""
    for word in reversed(sentence.words[:pronoun.i]):
        if word.rel == "nsubj" and word.pos == "NOUN" and (
                word.feats.get("Number") == pronoun.feats.get("Number")):
            return word
    return pronoun


def _agrees(verb: Word, subject: Word, sentence: Sentence) -> bool:
    """A finite plural verb ("задержали") takes no singular subject unless it is coordinated
    ("суд и прокуратура")."""
    if verb.feats.get("Number") != "Plur" or subject.feats.get("Number") != "Sing":
        return True
    return bool(sentence.children(subject, ("conj",)))


def attributed_to(sentence: Sentence, persons: list[PersonRecord], n: int,
                  mentions: dict[tuple[int, int], str], *,
                  actors: dict[tuple[int, int], str] | None = None) -> str | None:
    """Whose claim the sentence is: the subject of "сообщил", "рассказала", "пишет"; the holder
    of "по словам", "по данным". A person where the holder is the person or their role noun
    ("адвокат Иван Петров"); the phrase where the person only qualifies it ("Сторонники
    Михайлова пишут"). A pronoun that speaks is one of the ``actors`` (the mentions less the
    officials) where one fits ("начальник колонии Сидоров бил его ... — рассказал он": not
    the official)."""
    names = {p.id: p.name for p in persons}
    cited_first = sorted(sentence.words, key=lambda w: w.lemma not in CITING_NOUNS)
    for word in cited_first:  # "пишет издание со ссылкой на мать": the mother's claim
        verb = word_class(word) == "VERB"
        holders = _message_owners(sentence, word) if verb and word.lemma in MESSAGE_VERBS else []
        if not holders:  # (first the body whose message says it: "говорится в сообщении X")
            saying = verb and word.lemma in ATTRIBUTION_VERBS and (
                trigger_type(word, sentence) is None)  # not "В СИЗО ему не передавали
            holders = _speakers(sentence, word) if saying else (  # лекарства": the care
                _holders_of_noun(sentence, word))  # withheld, no one's words
        for holder in holders:
            if holder.lemma in PRONOUN_GENDERS or holder.text.lower() in POSSESSIVE_GENDERS:
                said = _pronoun_speaker(holder, persons, n, actors or mentions) or (
                    _pronoun_speaker(holder, persons, n, mentions))
                if said is not None:
                    return said
                continue
            if holder.lemma in PRONOUNS:
                continue
            subtree = sentence.subtree(holder, frozenset({"amod", "nmod", "flat", "flat:name",
                                                          "appos", "conj", "cc"}))
            unlike = {w.i for k in sentence.children(holder, ("conj",)) if _unlike(holder, k)
                      for w in sentence.subtree(k)}  # "«Крымская солидарность», Ивана
            subtree = [w for w in subtree if w.i not in unlike]  # Петрова задержали": no pair
            person = [holder, *sentence.children(holder, NAME_PARTS)] + [
                k for k in sentence.children(holder, ("nmod",))  # "адвоката Ольги Тимофеевой"
                if holder.lemma in PERSON_NOUNS and holder.feats.get("Number") != "Plur"
                and k.feats.get("Case") == holder.feats.get("Case")]
            person = [w for p in person for w in sentence.subtree(p, NAME_PARTS)]
            if holder.lemma in RELATION_NOUNS:  # "дочь Олега Смирнова Мария": not the owner
                person = [w for w in person if (n, w.i) not in mentions or not (
                    _owner_of_relation(sentence, w))]
            pid = next((mentions[(n, w.i)] for w in person if (n, w.i) in mentions), None)
            if pid is not None:
                return names[pid]
            if holder.lemma in RELATION_NOUNS and any(
                    (n, h.i) in mentions and h.i > holder.i for h in holders):
                continue  # "рассказала дочь Олега Смирнова Мария": the name after speaks
            text = _closed(sentence.span_text(subtree).strip("«»\""))
            if holder.feats.get("Case") not in (None, "Nom"):
                text = _nominative_name(sentence, holder, text)
            return _role_holder(holder, text, persons) or text or None
    return None


def _message_owners(sentence: Sentence, verb: Word) -> list[Word]:
    """Whose message says it ("..., говорится в сообщении прокуратуры Омской области", "сказано
    в заявлении пресс-службы суда", "как отмечается в релизе ведомства"): the body in the
    genitive of the message noun."""
    return [owner for kid in sentence.children(verb, ("obl",)) if kid.lemma in MESSAGE_NOUNS
            and preposition(sentence, kid) in ("в", "во")
            for owner in sentence.children(kid, ("nmod",)) if case(owner) == "Gen"][:1]


def _role_holder(holder: Word, text: str, persons: list[PersonRecord]) -> str | None:
    """The one person of the report named with the role noun that speaks alone ("По словам
    адвоката" after "его адвокат Константин Ряполов"): that person."""
    if holder.lemma not in PERSON_NOUNS or holder.feats.get("Number") == "Plur" or (
            len(text.split()) > 1):
        return None
    named = [p for p in persons if any(r.split()[:1] == [holder.lemma] for r in p.roles)]
    return named[0].name if len(named) == 1 else None


def _unlike(holder: Word, other: Word) -> bool:
    """Two words the parser joined that stand in different cases: no pair of speakers."""
    one, two = holder.feats.get("Case"), other.feats.get("Case")
    return one is not None and two is not None and one != two


def _nominative_name(sentence: Sentence, holder: Word, text: str) -> str:
    """A holder named in an oblique case, in the nominative with its adjectives ("пресс-службе
    МВД" -> "пресс-служба МВД", "«Крымской солидарности»" -> "Крымская солидарность"), capitals
    kept."""
    words = [w for w in sentence.children(holder, ("amod",)) if w.i < holder.i] + [holder]
    words.sort(key=lambda w: w.i)
    if [w.i for w in words] != list(range(words[0].i, holder.i + 1)) and len(words) > 1:
        words = [holder]
    written = sentence.span_text(words).strip("«»\"")
    if not written or written not in text:
        return text.replace(holder.text, inflect(holder.text), 1)
    nominative = nominative_phrase(written.split())
    nominative = [old if any(c.isupper() for c in old[1:]) else (  # "ОВД-Инфо", "ФСИН"
        new.capitalize() if old[:1].isupper() else new)
        for old, new in zip(written.split(), nominative)]
    return text.replace(written, " ".join(nominative), 1)


def _pronoun_speaker(pronoun: Word, persons: list[PersonRecord], n: int,
                     mentions: dict[tuple[int, int], str]) -> str | None:
    """Who "он" or "она" who speaks is ("Он передал эти подробности через знакомых", "По её
    словам, ..."): the person of that gender named last in the sentences before."""
    gender = PRONOUN_GENDERS.get(pronoun.lemma) or POSSESSIVE_GENDERS.get(pronoun.text.lower())
    by_id = {p.id: p for p in persons}
    before = [pid for (s, _), pid in sorted(mentions.items()) if s < n]
    for pid in reversed(before):
        person = by_id.get(pid)
        if person is not None and person.gender == gender:
            return person.name
    return None


def _speakers(sentence: Sentence, verb: Word) -> list[Word]:
    """The subject of a verb of saying; before it, a nominative name or noun the parser hung on
    a verb it cannot be the subject of ("Как сообщил «ОВД-Инфо» Иван Смирнов, её
    задержали", "Ивана задержали, сообщает «Команда Петрова»"). An imperative asks the reader
    ("пишите письма политзаключённым"): no one said anything."""
    if verb.feats.get("Mood") == "Imp" or verb.feats.get("Person") == "2" or (
            verb.feats.get("VerbForm") == "Fin" and "Tense" not in verb.feats):
        return []  # (the tagger leaves some imperatives without a mood, never with a tense)
    if verb.rel == "acl:relcl" and _topic_only(sentence, verb):
        return []  # "из-за записей, где она писала о погибших жителях": what the posts were
        # about, no claim of the sentence
    subjects = [w for w in sentence.children(verb, SUBJECT) if w.pos not in ("PRON", "DET") or (
        w.lemma in PRONOUN_GENDERS)]  # "В УФСБ это опровергли": what is refuted, the parser's
    # subject; the agency speaks
    if any(w.feats.get("Animacy") == "Anim" for w in subjects):  # "Об этом «Север.Реалиям»
        subjects = [w for w in subjects if not _quoted(sentence, w)]  # рассказала его девушка
        # X": the outlet in quotes is the one told (its dative read as a subject), she speaks
    named = _name_after_addressee(sentence, verb)
    if named is not None:  # "Как сообщил «ОВД-Инфо» Иван Смирнов": the outlet is told to
        return [named]
    stray = [w for w in sentence.words if w.rel == "nsubj" and w.pos in ("PROPN", "NOUN") and (
        w.feats.get("Case") == "Nom") and w.head is not None and w.head != verb.i and not (
        _agrees(sentence.words[w.head], w, sentence)) and _agrees(verb, w, sentence)]
    if not subjects:  # "Адвокату Белов рассказал": the name the parser hung on the addressee
        subjects = [w for k in sentence.children(verb, ("iobj", "obl")) if case(k) == "Dat"
                    for w in sentence.children(k, ("appos",)) if w.pos == "PROPN" and (
                        w.feats.get("Case") == "Nom") and _agrees(verb, w, sentence)]
    return stray + (subjects or _inverted_subject(sentence, verb) or _impersonal_source(
        sentence, verb))


def _topic_only(sentence: Sentence, verb: Word) -> bool:
    """The verb of saying tells only what was said about ("писала о погибших жителях"): a topic
    "о" + a noun that is no event, and no clause of what was said."""
    if sentence.children(verb, ("ccomp", "parataxis", "xcomp")):
        return False
    topics = [k for k in sentence.children(verb, ("obl",)) if _about(sentence, k) and (
        k.pos == "NOUN")]
    return bool(topics) and all(trigger_type(k, sentence) is None for k in topics)


def _about(sentence: Sentence, noun: Word) -> bool:
    """The noun is a topic: "о"/"об" before its phrase (the parser may hang the preposition
    elsewhere: "записей, где она писала о погибших жителях")."""
    first = sentence.subtree(noun)[0]
    return preposition(sentence, noun) in TOPIC or (
        first.i > 0 and sentence.words[first.i - 1].text.lower() in TOPIC)


def _quoted(sentence: Sentence, word: Word) -> bool:
    """A word right after an opening quote: a name in quotes («Север.Реалиям»); a straight
    quote opens where an even number of them stand before it (not the closing one of "Как
    сообщил "Интерфаксу" адвокат X": the lawyer speaks)."""
    if word.i == 0:
        return False
    before = sentence.words[word.i - 1].text
    if before == "\"":
        return sum(w.text == "\"" for w in sentence.words[:word.i - 1]) % 2 == 0
    return before in ("«", "„")


def _name_after_addressee(sentence: Sentence, verb: Word) -> Word | None:
    """A name in the nominative right after a verb of saying and a name in quotes ("Как
    сообщил «ОВД-Инфо» Иван Смирнов, ...", "рассказала «Медиазоне» Анна Лосева"): the quoted
    name does not decline and is the one told (the dative), the person is who speaks, however
    the parser hangs the two."""
    i = verb.i + 1
    if i >= len(sentence.words) or sentence.words[i].text not in ("«", "\"", "„"):
        return None
    close = next((w.i for w in sentence.words[i + 1:] if w.text in ("»", "\"", "“")), None)
    if close is None or close + 1 >= len(sentence.words):
        return None
    after = sentence.words[close + 1]
    if after.pos == "PROPN" and after.feats.get("Case") == "Nom" and after.feats.get(
            "Animacy") == "Anim":
        return after
    return None


def _impersonal_source(sentence: Sentence, verb: Word) -> list[Word]:
    """"..., сообщили в пресс-службе МВД", "рассказали в «Мемориале»": a plural verb of saying
    with no subject, and the body it was said in (not "написал в телеграм-канале")."""
    if verb.feats.get("Number") != "Plur":
        return []
    def media(k: Word) -> bool:  # "В некоторых телеграм-каналах писали": channels, no one
        return k.lemma.split("-")[-1] in MEDIA and k.feats.get("Number") == "Plur"  # named

    return [k for k in sentence.children(verb, ("obl",)) if preposition(sentence, k) in (
        "в", "во") and (k.lemma in INSTITUTIONS or k.pos == "PROPN" or (
            k.text[:1].isupper() and k.i > 0) or media(k)) and (
        k.lemma not in CHANNELS or media(k)) and not any(
        c in "abcdefghijklmnopqrstuvwxyz" for c in k.text.lower())]


def _inverted_subject(sentence: Sentence, verb: Word) -> list[Word]:
    """A nominative right after a verb of saying that has no subject is its subject, the order
    of a closing attribution ("..., сообщает «Команда Петрова»"), even where the parser hung it
    on the verb of the claim."""
    for after in sentence.words[verb.i + 1:]:
        if after.pos == "PUNCT" and after.text in "«\"„":
            continue
        if after.rel == "nsubj" and after.feats.get("Case") == "Nom" and (
                after.pos in ("PROPN", "NOUN")):
            return [after]
        return []
    return []


def _merge(events: list[EventRecord]) -> list[EventRecord]:
    """One event per type, person set and polarity; a repeat fills the first one's gaps. Not
    merged: two dates, two terms, transfers to two places, and a detention with a remand in
    custody ("задержали", then "суд арестовал") - these are two events."""
    kept: dict[tuple, EventRecord] = {}
    out = []
    events = _headlines_told(events)
    for event in events:
        key = (event.type, tuple(sorted(event.persons)), event.negated,
               event.extras.get("custody", False))
        first = kept.get(key)
        if first is None or _conflict(first, event):
            kept[key] = event
            out.append(event)
            continue
        if first.extras.get("headline") and not event.extras.get("headline"):
            # the headline's event told again in the text: the text's sentence says it in full
            # (its court, its source, the case by its name), the headline fills its gaps
            out[out.index(first)] = kept[key] = event
            event.sources = [*event.sources, *first.sources]
            first, event = event, first
            if first.date is not None:  # the text's day, not one of the headline's occasion
                first.extras["dated_in"] = first.sources[0].start
            for name in ("date", "place", "agent", "charge", "term_months", "release_mode"):
                if getattr(first, name) is None:
                    setattr(first, name, getattr(event, name))
            continue
        if _same_verdict(first, event) and len(event.date) > len(first.date):
            first.date = event.date  # "в мае 2019 года" says more than "в 2019 году"
        if first.date is None and event.date is not None:  # the dated account, its source
            first.attributed_to = first.attributed_to or event.attributed_to
            first.extras["dated_in"] = event.sources[0].start if event.sources else None
        for name in ("date", "place", "agent", "charge", "term_months", "release_mode"):
            if getattr(first, name) is None and not (name == "place" and (
                    event.extras.get("held") or first.extras.get("held"))):
                setattr(first, name, getattr(event, name))  # a source only as above: told in
                # its own voice; a state of custody tells where one is, not where one was taken
        first.sources.extend(event.sources)
    for event in out:
        event.extras.pop("headline", None)
        event.extras.pop("unnamed", None)
    return _share_occasion(_share_charges(_group_verdicts(out)))


def _headlines_told(events: list[EventRecord]) -> list[EventRecord]:
    """A headline that names no one tells the event the text tells of some of the persons named
    first ("Прошли обыски у верующих", then of X, Y and Z: the text's event, the headline one
    of its sources), and a digest's headline ("Итоги недели: обыски в Бахчисарае, голодовка в
    ...") the text's event of that kind, whoever it happened to."""
    told = [e for e in events if not e.extras.get("headline")]
    kept = []
    for event in events:
        unnamed = event.extras.get("unnamed")
        same = [t for t in told if (t.type, t.negated) == (event.type, event.negated)] if (
            unnamed) else []
        shared = [t for t in same if set(t.persons) & set(event.persons)]
        if shared:
            shared[0].sources.extend(event.sources)
        elif not (same and unnamed == "digest"):
            kept.append(event)
    return kept


def _group_verdicts(events: list[EventRecord]) -> list[EventRecord]:
    """A verdict told of a group without terms ("Приговор фигурантам дела огласили 14 марта",
    "Суд приговорил X и Y по делу о ...") and then person by person with their terms ("X получил
    семь лет, Y — шесть"): one verdict per person, each with the group's date, place, court and
    charge where its own sentence gives none; the group's telling is not another verdict of
    those (it stays the verdict of the others, whose terms the report does not give)."""
    out = []
    for event in events:
        if event.type != "sentence" or event.term_months is not None or len(
                event.persons) < 2 or event.negated or event.extras.get("suspended"):
            out.append(event)
            continue
        own = {pid: [e for e in events if e is not event and e.type == "sentence"
                     and e.persons == [pid] and e.term_months is not None and not e.negated
                     and not (e.date and event.date and not (
                         e.date.startswith(event.date) or event.date.startswith(e.date)))]
               for pid in event.persons}
        for each in own.values():
            for e in each:
                for name in ("date", "place", "agent", "charge"):
                    if getattr(e, name) is None:
                        setattr(e, name, getattr(event, name))
                e.sources.extend(s for s in event.sources if s not in e.sources)
        event.persons = [pid for pid in event.persons if not own[pid]]
        if event.persons:  # those the report gives no term of their own
            out.append(event)
    return out


def _share_occasion(events: list[EventRecord]) -> list[EventRecord]:
    """An event without a date told in one sentence with another event of the same persons
    happened on its occasion ("Его задержали трое сотрудников, они надели на него наручники",
    "После задержания его доставили к прокурору"): it takes that event's date, where that
    sentence gave it ("X, осуждённый за пикеты, сообщил об избиениях. 5 мая его избили": the
    beating's date is told later, not the protest's), and not the date of a participle or a
    relative clause ("X, осуждённая в 2022 году на два года, вышла на свободу")."""
    for event in events:
        if event.date is not None or not event.sources or event.extras.get("background") or (
                event.extras.get("held")) or event.extras.get("apart"):
            continue  # "Петров, который получил два года, рассказал, что 3 мая ..."
        told = event.sources[0].start
        dates = {e.date for e in events if e is not event and e.date and set(e.persons) & set(
            event.persons) and any(src.start == told for src in e.sources) and e.extras.get(
                "dated_in", told) == told  # not a date a repeat in another sentence gave
            and not _two_steps(event, e) and not e.extras.get("background")}
        if len(dates) == 1:
            event.date = dates.pop()
    for event in events:
        event.extras.pop("dated_in", None)
        event.extras.pop("held", None)
        event.extras.pop("apart", None)
    return events


def _verdict_passed(sentence: Sentence, published: str | None,
                    told_year: int | None) -> str | None:
    """The date a verdict the sentence speaks of was passed ("оставил в силе приговор,
    вынесенный районным судом в апреле 2021 года"): a verdict told next without a date is of
    that day."""
    for word in sentence.words:
        head = sentence.head(word)
        if word.lemma == "вынести" and word.rel == "acl" and head is not None and (
                head.lemma in VERDICT_NOUNS):
            words = sentence.subtree(word)
            return args.find_date(sentence.span_text(words), published, told_year=told_year)
    return None


def _places_told(sentence: Sentence, n: int, date: str) -> dict[str, tuple[int, str, str]]:
    """The places a dated sentence names by a common noun after "в" or "на" ("поехал на
    российско-казахстанскую границу"), by the noun in the nominative: (the sentence, its date,
    the place with its adjectives)."""
    told = {}
    for word in sentence.words:
        if word.pos != "NOUN" or word.rel not in ("obl", "nmod") or preposition(
                sentence, word) not in ("в", "во", "на"):
            continue
        words = [*sentence.children(word, ("amod",)), word]
        words.sort(key=lambda w: w.i)
        if words[-1] is not word:
            continue
        phrase = " ".join(nominative_phrase([w.text for w in words]))
        told[phrase.split()[-1].lower()] = (n, date, phrase)
    return told


def _two_steps(event: EventRecord, other: EventRecord) -> bool:
    """A detention and a remand in custody are two steps on two occasions ("были задержаны, а
    9 октября арестованы"), and so are a protest and the case or fine for it: one does not
    lend the other its date."""
    kinds = {event.type, other.type}
    if "protest" in kinds and (kinds & (CHARGED_TYPES | {"trial"}) or any(
            e.extras.get("custody") for e in (event, other))):
        return True  # "оштрафовали за участие в митинге 5 мая": the fine came on another day
    return event.type == other.type == "arrest" and (
        bool(event.extras.get("custody")) != bool(other.extras.get("custody")))


def _conflict(first: EventRecord, event: EventRecord) -> bool:
    def differ(name: str) -> bool:
        a, b = getattr(first, name), getattr(event, name)
        return a is not None and b is not None and a != b
    if _same_verdict(first, event):
        return False
    one_sentence = bool(first.sources and event.sources) and (
        first.sources[0].start == event.sources[0].start)  # "повалили и дважды ударили": one
    if first.extras.get("occurrence") != event.extras.get("occurrence") and not one_sentence:
        return True  # "Меня били ... После третьего избиения ...": two beatings
    return differ("date") or differ("term_months") or (first.type == "transfer" and differ("place"))


def _same_verdict(first: EventRecord, event: EventRecord) -> bool:
    """One verdict told twice, once less precisely ("Петров, осуждённый в мае 2019 года на три
    года, ... Его приговорили к трём годам в 2019 году"): a sentence of the same term on dates
    of which one holds the other (not two arrests: "в 2019 году его задерживали ... последний
    раз 10 августа")."""
    a, b = first.date, event.date
    return first.type == "sentence" and first.term_months is not None and (
        first.term_months == event.term_months) and a is not None and b is not None and (
        a.startswith(b) or b.startswith(a))


def _share_charges(events: list[EventRecord]) -> list[EventRecord]:
    """A sentence, conviction or charge without a described accusation takes the one the
    article gives for the same person's case, where the article gives one only (FORMAT.md: the
    charge of the same case of the same person; the article of law only where nothing else).
    A status told in passing ("Обвиняемого по делу X ...", "мать осуждённого") neither lends
    nor takes one, and other occasions ("Ранее его дважды штрафовали за пикеты") lend none."""
    described: dict[str, set[str]] = {}
    for event in events:  # not a status told in passing ("Обвиняемого по делу X ...")
        if event.type in CHARGED_TYPES and event.charge and not args.is_article(event.charge) and (
                not event.extras.get("status") and not event.extras.get("occurrence")):
            for pid in event.persons:
                described.setdefault(pid, set()).add(event.charge)
    verdicts = [e for e in events if e.extras.get("verdict")]
    for event in events:
        if event.type not in CHARGED_TYPES or event.type == "appeal" or event.extras.get(
                "status") or (event.charge and not args.is_article(event.charge)) or (
                event.negated):  # "отпустили без предъявления обвинения": of nothing
            continue
        if not event.extras.get("reduced") and any(_other_case(event, v) for v in verdicts):
            continue  # an earlier case: its accusation is not the one the article describes
        charges = {c for pid in event.persons for c in described.get(pid, ())}
        if len(charges) == 1:
            event.charge = charges.pop()
        elif not charges and event.sources and SAME_ARTICLE.search(event.sources[0].text):
            event.charge = next((  # "признал виновным по той же статье X": the accusation of
                e.charge for e in reversed(events[:events.index(event)])  # the one told
                if e.type in CHARGED_TYPES and e.charge and not args.is_article(e.charge)
                and not set(e.persons) & set(event.persons)), event.charge)  # before
    for event in events:
        event.extras.pop("verdict", None)
        event.extras.pop("reduced", None)
        event.extras.pop("status", None)
        event.extras.pop("occurrence", None)
    return events


def _then_to(event: EventRecord, trigger: Word, sentence: Sentence, parsed: Parsed
             ) -> list[EventRecord]:
    """"этапировали в Ростов-на-Дону, а затем в Новочеркасск": a second destination joined to
    the first is a second transfer."""
    if event.type != "transfer" or word_class(trigger) != "VERB":
        return []
    found = []
    for kid in sentence.children(trigger, ("obl",)):
        if preposition(sentence, kid) not in ("в", "во", "на") or kid.feats.get("Case") != "Acc":
            continue
        for then in sentence.children(kid, ("conj",)):
            if preposition(sentence, then) not in ("в", "во", "на"):
                continue
            place = next((place_name([w for w in sentence.words if s <= w.start < e], normal)
                          for s, e, normal in spans_in(parsed, sentence, "LOC")
                          if s <= then.start < e), None) or inflect(then.text)
            if place != event.place:
                found.append(replace(event, place=place, sources=list(event.sources),
                                     extras=dict(event.extras)))
        break
    return found


def _new_term(event: EventRecord, sentence: Sentence) -> list[EventRecord]:
    """"Мосгорсуд сократил срок до полутора лет": the appeal gives a new sentence, with its
    term."""
    if event.type != "appeal":
        return []
    term = args.reduced_to(sentence.text)
    if term is None:
        return []
    return [replace(event, type="sentence", term_months=term, sources=list(event.sources),
                    extras={"reduced": True})]


def _own_terms(event: EventRecord, sentence: Sentence, n: int,
               mentions: dict[tuple[int, int], str]) -> list[EventRecord]:
    """Terms told person by person after the verb, each in a clause of a name, a dash and a
    term with the verb left out ("X получил пять лет колонии, Y — три года условно";
    "приговорил X к восьми годам, а Y — к шести"): each such person a sentence of their own
    term; the verb's own persons the term told before the first of them."""
    if event.type != "sentence" or event.trigger is None or len(event.persons) > 1 and (
            len(args.respective_terms(sentence.text)) == len(event.persons)):
        return [event]
    words = sentence.words
    own: dict[str, tuple[int, int, bool]] = {}  # person -> (where named, term, suspended)
    for i, word in enumerate(words[:-1]):
        pid = mentions.get((n, i))
        if pid is None or word.start < event.trigger.end or mentions.get((n, i + 1)) == pid:
            continue
        if words[i + 1].text not in DASHES:
            continue
        end = next((w for w in words[i + 2:] if w.text in (",", ";") or w.i in [
            k for (s, k), other in mentions.items() if s == n and other != pid]), None)
        clause = words[i + 2:end.i if end is not None else len(words)]
        if not clause or any(w.feats.get("VerbForm") == "Fin" for w in clause):
            continue  # "X — его защита обжаловала приговор": a clause of its own
        text = sentence.span_text(clause)
        term = args.find_term(text)
        bare = [w for w in clause if w.pos not in ("PUNCT", "ADP")]  # "Y — к шести"
        if term is None and len(bare) == 1 and event.term_months:  # "Y — 13": the unit
            count = args.number(bare[0].text)  # of the term told before, in years
            term = round(count * 12) if count and count < 50 and event.term_months % 12 == 0 else (
                None)
        if term is None and not args.is_suspended(text) and not FINE.search(text):
            continue  # "Y — штраф": a fine, a sentence without a term
        first = i
        while first > 0 and mentions.get((n, first - 1)) == pid:
            first -= 1
        own[pid] = (words[first].start, term, args.is_suspended(text))
    if not own:
        return [event]
    first_gap = min(at for at, _, _ in own.values())
    before = sentence.text[:first_gap - sentence.start]
    found = []
    rest = [pid for pid in event.persons if pid not in own]
    def extras(suspended: bool) -> dict:
        kept = {k: v for k, v in event.extras.items() if k != "suspended"}
        return {**kept, "suspended": True} if suspended else kept
    if rest:
        found.append(replace(event, persons=rest, term_months=args.find_term(before) or (
            event.term_months), sources=list(event.sources), extras=extras(
                args.is_suspended(before))))
    for pid, (_, term, suspended) in own.items():
        found.append(replace(event, persons=[pid], term_months=term, sources=list(
            event.sources), extras=extras(suspended)))
    return found


def _respectively(event: EventRecord, sentence: Sentence) -> list[EventRecord]:
    """"приговорили X и Y соответственно к 20 и 10 годам": one sentence per person, each with
    its term, in the order the persons are named."""
    terms = args.respective_terms(sentence.text)
    if event.type != "sentence" or len(event.persons) < 2 or len(terms) != len(event.persons):
        return [event]
    return [replace(event, persons=[pid], term_months=term, sources=list(event.sources),
                    extras=dict(event.extras)) for pid, term in zip(event.persons, terms)]
