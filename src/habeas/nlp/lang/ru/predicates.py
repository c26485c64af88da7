"""The named checks of the Russian trigger rows (``when``/``unless`` in triggers.toml). Each
takes the trigger word and its sentence and answers yes or no."""

from __future__ import annotations

import re

from . import RULES
from .syntax import Sentence, Word, case, preposition

ABUSE_NOUNS = RULES.words("abuse_nouns")
CARE = RULES.words("care_nouns")
PROTEST_HOLDERS = RULES.words("protest_holders")
CHARGE_WHOLES = RULES.words("charge_wholes")
CARE_OBJECTS = RULES.words("care_objects")
CARE_DENIED = RULES.words("care_denied")
FACILITIES = RULES.words("facilities")
THREATS = RULES.words("threat_nouns")
WARDS = RULES.words("wards")
DEFENDANT_NOUNS = RULES.words("defendant_nouns")
CELLS = RULES.words("punishment_cells")
ACCUSING = RULES.words("accusing_words")
DROPPING = RULES.words("dropping_verbs")
SCHEDULING = RULES.words("scheduling_verbs")
PROSECUTION_HEADS = RULES.words("prosecution_heads")
IN_FORCE = RULES.words("in_force_verbs")
DOER_SUBJECTS = RULES.words("doer_subjects")
EASED = RULES.words("eased_measures")
FORCE = RULES.words("force_nouns")
FORCE_PAIRS = [set(pair.split()) for pair in RULES.words("force_pairs")]
PRESSURE = RULES.words("pressure_nouns")
DEPRIVATIONS = RULES.words("deprivations")
TIMES = RULES.words("time_nouns")
CONFIRMING = RULES.words("confirming_words")
REFUTING = RULES.words("refuting_verbs")


def _lemmas(sentence: Sentence, word: Word) -> set[str]:
    return {w.lemma for w in sentence.subtree(word)}


def _object_lemmas(sentence: Sentence, word: Word) -> set[str]:
    kids = sentence.children(word, ("obj", "nsubj:pass", "nsubj", "obl"))
    return {w.lemma for kid in kids for w in sentence.subtree(kid)} | {
        k.lemma for kid in kids if kid.lemma == "который" for k in _antecedent_noun(sentence, kid)}


def _antecedent_noun(sentence: Sentence, relative: Word) -> list[Word]:
    """The noun a relative pronoun stands for, wherever the parser hung its clause: of the
    phrase before the comma, the head highest up that has the pronoun's gender and number
    ("Обвинение в финансировании экстремизма, которое ему предъявили": the charge, not the
    financing), else the nearest such noun before it."""
    agrees = [w for w in sentence.words[:relative.i] if w.pos == "NOUN" and all(
        w.feats.get(f) == relative.feats.get(f) for f in ("Gender", "Number"))]
    if not agrees:
        return []
    before = next((w for w in reversed(sentence.words[:relative.i]) if w.pos != "PUNCT"), None)
    chain = [before, *sentence.ancestors(before)] if before is not None else []
    phrase = []
    for w in chain:  # up the nouns of the phrase: "экстремизма" <- "финансировании" <- ...
        if w.pos != "NOUN" or w.i > relative.i:
            break
        phrase.append(w)
    top = [w for w in phrase if w in agrees]
    return top[-1:] or agrees[-1:]


def has_guilty(word: Word, sentence: Sentence) -> bool:
    """"признал виновным", "признан виновной"."""
    return "виновный" in _lemmas(sentence, word) or "виновен" in _lemmas(sentence, word)


def has_political_prisoner(word: Word, sentence: Sentence) -> bool:
    """"признал политзаключённым", "признан политическим заключённым", "узником совести",
    "включил в список политзаключённых"."""
    text = sentence.text.lower()
    return bool(re.search(r"политзаключ|политическ\w+ заключ|узник\w* совести", text))


def has_days(word: Word, sentence: Sentence) -> bool:
    """"арестовал на 13 суток": an administrative arrest is a sentence; not the day it was
    done ("на следующий день суд арестовал её на два месяца": a remand)."""
    return any(w.lemma in ("сутки", "день") and preposition(sentence, w) == "на" and not any(
        k.lemma in ("следующий", "другой", "тот", "этот", "третий", "второй")
        for k in sentence.children(w, ("amod", "det"))) for w in sentence.subtree(word))


def has_term(word: Word, sentence: Sentence) -> bool:
    """"получил три года", "вынес предупреждение"; not the year of a date ("вынесенное в
    апреле 2021 года")."""
    other = {w.i for k in sentence.children(word, ("parataxis",)) if k.pos == "VERB" and any(
        w.text == ":" for w in sentence.words[word.i:k.i]) and sentence.children(k, ("iobj",))
        for w in sentence.subtree(k)}  # not the term of a verb after a colon ("были
    words = [w for w in sentence.subtree(word) if w.i not in other] + sentence.children(  # осуждены
        word, ("obj",)) + _participle_phrase(word, sentence)  # X, Y: им назначили 12 лет")
    lemmas = {w.lemma for w in words if not (w.lemma == "год" and any(
        k.text.isdigit() and len(k.text) == 4 for k in sentence.children(w))) and not (
        w.lemma == "срок" and any(k.lemma == "давность" for k in sentence.children(w)))}
    # not "наказание" alone: "назначили наказание за проступок" in a colony is no court's term
    if lemmas & {"запрет", "запретить"} and not lemmas & {"лишение", "колония", "штраф"}:
        return False  # "и ещё запрет вести блог на два года"
    return bool(lemmas & {"год", "месяц", "штраф", "срок", "лишение", "колония", "час",
                          "работа", "предупреждение", "сутки"})  # "назначил 40 суток ареста"


def _participle_phrase(word: Word, sentence: Sentence) -> list[Word]:
    """The words of a participle's phrase as written, up to its closing comma ("Петров,
    осуждённый весной на три года, вышел": the parser may hang the term on the main verb)."""
    if word.rel not in ("acl", "amod") or word.feats.get("VerbForm") != "Part":
        return []
    phrase = []
    for after in sentence.words[word.i + 1:]:
        if after.text == ",":
            break
        phrase.append(after)
    return phrase


def of_case(word: Word, sentence: Sentence) -> bool:
    """"возбуждение (уголовного) дела против X": the opening of a case (not "возбуждение
    ненависти", a charge's description)."""
    return any(k.lemma in ("дело", "преследование") for k in sentence.children(word, ("nmod",)))


def subjected_to_abuse(word: Word, sentence: Sentence) -> bool:
    """"подвергли пыткам", "подвергали унижающему достоинство обращению": what one is
    subjected to is ill-treatment (not "подвергли критике")."""
    return any(k.lemma in ABUSE_NOUNS for k in sentence.children(
        word, ("obj", "iobj", "obl", "nsubj:pass")))


def object_case(word: Word, sentence: Sentence) -> bool:
    """"возбудили (уголовное) дело", "прекратили уголовное преследование", "переквалифицировали
    обвинение"."""
    return bool({"дело", "преследование"} & _object_lemmas(sentence, word)) or (
        word.lemma == "переквалифицировать" and "обвинение" in _object_lemmas(sentence, word))


def withholds_care(word: Word, sentence: Sentence) -> bool:
    """Medical care withheld: "не выдают лекарства", "отказались вызвать врача", "лишили
    медицинской помощи", or held back ("врача вызвали лишь спустя сутки")."""
    head = sentence.head(word)
    denied = head is not None and head.lemma in CARE_DENIED
    objects = _object_lemmas(sentence, word) | (  # "инсулин ему передавать запрещали": the
        _object_lemmas(sentence, head) if denied else set())  # parser hangs it on the head
    if not objects & CARE_OBJECTS:
        return False
    if word.lemma in ("лишить", "лишать"):
        return True
    negated = any(k.text.lower() in ("не", "ни") for k in sentence.children(word))
    late = any(preposition(sentence, k) in ("через", "спустя") and any(
        a.lemma in ("только", "лишь") for a in sentence.children(k, ("advmod",)))
        for k in sentence.children(word, ("obl",)))  # "скорую вызвали только через три часа"
    return negated or late or denied  # "отказались вызвать врача", "перестали давать
    # лекарства"


def refuses_care(word: Word, sentence: Sentence) -> bool:
    """"отказывают в медицинской помощи", "отказали в госпитализации": care refused."""
    return any(k.lemma in CARE and preposition(sentence, k) in ("в", "во")
               for k in sentence.children(word, ("obl", "nmod", "obj")))


def court_remands(word: Word, sentence: Sentence) -> bool:
    """"Суд отправил в СИЗО", "суд отправил его под арест": a remand in custody by a court;
    so is one told with no subject ("задержали и на следующий день отправили в СИЗО") or with a
    pronoun after a court ("доставили в районный суд, и тот отправил его в СИЗО")."""
    subjects = [k for k in sentence.children(word, ("nsubj",))
                if k.feats.get("Case") in (None, "Nom")]  # not "обоих" the parser took for one
    courts = [w for w in sentence.words[:word.i] if _court_noun(w)]
    court = any(_court_noun(k) or (k.pos in ("PRON", "DET") and courts) for k in subjects) or (
        not subjects and (word.feats.get("Number") == "Plur" or (
            courts and courts[-1].feats.get("Case") == "Nom")))  # a court the parser hung on
    # another verb ("Через два дня суд отправил их в СИЗО, а в июле их этапировали")
    lemmas = _object_lemmas(sentence, word)
    return court and bool(lemmas & {"сизо", "стража", "арест"}) and "домашний" not in lemmas


def _court_noun(word: Word) -> bool:
    return word.lemma in ("суд", "райсуд", "горсуд", "судья") or word.lemma.endswith("суд")


def withheld(word: Word, sentence: Sentence) -> bool:
    """"его не кормили", "не давали есть": withheld, not done."""
    return any(k.text.lower() in ("не", "ни") for k in sentence.children(word, ("advmod",)))


def in_custody(word: Word, sentence: Sentence) -> bool:
    """"Смерть X в колонии", "смерть в СИЗО": a death the sentence places in custody."""
    return bool({w.lemma for w in sentence.words} & (FACILITIES | {"заключение", "стража"}))


def from_cell(word: Word, sentence: Sentence) -> bool:
    """"выпустили из ШИЗО": out of a punishment cell, still in the colony (no release)."""
    return any(k.lemma in CELLS and preposition(sentence, k) == "из"
               for k in sentence.children(word, ("obl", "nmod")))


def custody_measure(word: Word, sentence: Sentence) -> bool:
    """"избрал меру пресечения в виде заключения под стражу": remanded in custody (not "в виде
    домашнего ареста" or "запрета определённых действий")."""
    lemmas = _lemmas(sentence, word)
    return "пресечение" in lemmas and "стража" in lemmas


def measure_eased(word: Word, sentence: Sentence) -> bool:
    """"изменил ей меру пресечения на запрет определённых действий", "мера пресечения изменена
    на домашний арест": out of custody (not "изменена на заключение под стражу")."""
    if "пресечение" not in _lemmas(sentence, word):
        return False
    return any(preposition(sentence, w) == "на" and (w.lemma in EASED or (
        w.lemma == "арест" and any(k.lemma == "домашний" for k in sentence.children(w, ("amod",)))))
        for w in sentence.subtree(word))


def prosecution(word: Word, sentence: Sentence) -> bool:
    """"сторона обвинения", "по версии обвинения", "государственное обвинение запросило": the
    prosecution, no charge."""
    head = sentence.head(word)
    return (head is not None and head.lemma in PROSECUTION_HEADS) or any(
        k.lemma in ("государственный", "гособвинение") for k in sentence.children(word, ("amod",)))


def administrative(word: Word, sentence: Sentence) -> bool:
    """"административный арест": an administrative sentence of days, not a detention."""
    return any(k.lemma == "административный" for k in sentence.children(word, ("amod",)))


def protocol(word: Word, sentence: Sentence) -> bool:
    """"составили протокол": an administrative charge."""
    return "протокол" in _object_lemmas(sentence, word)


def into_custody(word: Word, sentence: Sentence) -> bool:
    """"заключил под стражу", "заключение под стражу": remanded in custody."""
    return any(w.lemma == "стража" for w in sentence.subtree(word))


def in_remand(word: Word, sentence: Sentence) -> bool:
    """"находится в СИЗО", "содержится в ИВС", "находилась в отделе полиции": held on remand,
    before any verdict (not "отбывает срок в колонии", not "находится в колонии")."""
    if word.feats.get("Tense") == "Fut":
        return False
    for kid in sentence.children(word, ("obl",)):
        if preposition(sentence, kid) != "в":
            continue
        lemmas = {w.lemma for w in sentence.subtree(kid)}
        if kid.lemma.startswith("сизо") or kid.lemma == "ивс" or (
                kid.lemma == "изолятор" and "временный" in lemmas) or (
                kid.lemma in ("отдел", "отделение") and lemmas & {"полиция", "милиция"}):
            return True
    return False


def appeal_granted(word: Word, sentence: Sentence) -> bool:
    """"удовлетворил апелляционную жалобу", "удовлетворил апелляционное представление
    прокуратуры": a court of appeal decided (not "удовлетворил ходатайство следствия")."""
    lemmas = _object_lemmas(sentence, word)
    return bool(lemmas & {"апелляция"}) or "апелляционный" in lemmas and bool(
        lemmas & {"жалоба", "представление"})


def extends_custody(word: Word, sentence: Sentence) -> bool:
    """"продлил срок содержания под стражей", "продлили арест", "продление срока заключения под
    стражу": a court keeps the person in custody, a remand again (not "домашний арест", not the
    term of a sentence, "продлил срок заключения" alone)."""
    lemmas = _object_lemmas(sentence, word) if word.pos != "NOUN" else _lemmas(sentence, word)
    return bool(lemmas & {"стража", "арест", "сизо"}) and "домашний" not in lemmas and not (
        lemmas & {"сутки", "день"})


def term_ahead(word: Word, sentence: Sentence) -> bool:
    """"проведёт в колонии восемь лет", "они проведут в колонии 10 и 9 лет соответственно": the
    years a person is to serve in custody, told in the future, are the term of a verdict passed
    (not "провёл в СИЗО год": time served)."""
    if word.feats.get("Tense") != "Fut":
        return False
    lemmas = _lemmas(sentence, word) | _object_lemmas(sentence, word)
    return bool(lemmas & (FACILITIES | {"заключение", "заключении"})) and bool(
        lemmas & {"год", "месяц"})


def becomes_defendant(word: Word, sentence: Sentence) -> bool:
    """"стал фигурантом уголовного дела", "становится обвиняемым по делу": a case against the
    subject, a charge (not "фигурант дела" as a description: "стал поводом")."""
    return any(k.lemma in DEFENDANT_NOUNS and (
        any(d.lemma == "дело" for d in sentence.children(k)) or k.lemma != "фигурант")
        for k in sentence.children(word, ("xcomp", "obl")))


def unknown_place(word: Word, sentence: Sentence) -> bool:
    """"увезли в неизвестном направлении": taken where no one knows, an abduction."""
    return "неизвестный" in _lemmas(sentence, word) and "направление" in _lemmas(sentence, word)


UNMARKED_CAPTORS = RULES.pattern("unmarked_captors")


def taken_by_unmarked(word: Word, sentence: Sentence) -> bool:
    """"к ней пришли люди в форме без опознавательных знаков, надели на голову мешок и увезли",
    "увезли мать с мешком на голове", "Его увезли люди в гражданском": taken by captors no one
    names, to no place told, an abduction ("увезли в здание ФСБ" is a transfer)."""
    if not UNMARKED_CAPTORS.search(sentence.text):
        return False
    return not any(preposition(sentence, k) in ("в", "во", "на") and case(k) == "Acc"
                   for k in sentence.children(word, ("obl",)))


def from_facility(word: Word, sentence: Sentence) -> bool:
    """"вывезли из колонии в неизвестном направлении": a prisoner moved, not abducted."""
    return any(preposition(sentence, k) == "из" and (k.lemma in FACILITIES or k.lemma.split(
        "-")[0] in FACILITIES) for k in sentence.children(word, ("obl", "nmod")))


def object_charge(word: Word, sentence: Sentence) -> bool:
    """"предъявили обвинение"."""
    return "обвинение" in _object_lemmas(sentence, word)


def out_of_charge(word: Word, sentence: Sentence) -> bool:
    """"исключил из обвинения эпизод", "исключили из обвинения статью": part of the charges
    dropped."""
    return any(k.lemma in CHARGE_WHOLES and preposition(sentence, k) == "из"
               for k in sentence.children(word, ("obl", "nmod")))


def dropped(word: Word, sentence: Sentence) -> bool:
    """"сняли обвинения", "сняли часть обвинений", "исключил из обвинения": the charge
    dropped, not laid."""
    near = [w for _, w in zip(range(2), sentence.ancestors(word))]
    return any(w.lemma in DROPPING for w in near)


def object_hunger(word: Word, sentence: Sentence) -> bool:
    return "голодовка" in _object_lemmas(sentence, word)


def object_search(word: Word, sentence: Sentence) -> bool:
    return "обыск" in _object_lemmas(sentence, word)


def object_appeal(word: Word, sentence: Sentence) -> bool:
    """"отклонил апелляцию", "оставил приговор в силе"."""
    lemmas = _object_lemmas(sentence, word)
    return bool(lemmas & {"апелляция", "жалоба"}) or (
        "приговор" in lemmas and "сила" in lemmas)


def object_verdict(word: Word, sentence: Sentence) -> bool:
    """"изменил приговор", "сократил срок", "смягчил наказание"."""
    return bool({"приговор", "срок", "наказание"} & _object_lemmas(sentence, word))


def to_house_arrest(word: Word, sentence: Sentence) -> bool:
    """"перевёл под домашний арест": released from custody to house arrest."""
    lemmas = _object_lemmas(sentence, word)
    return {"домашний", "арест"} <= lemmas


def object_decision(word: Word, sentence: Sentence) -> bool:
    """"оставил без изменения решение (приговор)"."""
    lemmas = _object_lemmas(sentence, word)
    return "изменение" in lemmas and bool(lemmas & {"решение", "приговор"})


def object_picket(word: Word, sentence: Sentence) -> bool:
    """"вышел на пикет", "вышла с плакатом", "стоял с плакатом"."""
    return bool(_object_lemmas(sentence, word) & {"пикет", "акция", "митинг", "плакат",
                                                  "транспарант"})


def object_force(word: Word, sentence: Sentence) -> bool:
    """"применили к нему силу", "физическое воздействие не применяли", "недозволенные методы
    не применялись"."""
    return _force(_object_lemmas(sentence, word))


def _force(lemmas: set[str]) -> bool:
    return bool(lemmas & FORCE) or any(pair <= lemmas for pair in FORCE_PAIRS)


def of_force(word: Word, sentence: Sentence) -> bool:
    """"факты применения физической силы не подтвердились", "доводы о применении насилия":
    the use of force told by its noun, what is used its genitive."""
    if not _force(_lemmas(sentence, word)):  # (the parser may hang what is used anywhere below)
        return False
    verb = next((w for w in sentence.ancestors(word) if w.pos not in ("NOUN", "PROPN")), None)
    return verb is not None and denied_claim(verb, sentence)  # told where it is denied: the
    # noun is the crime's name or a manner elsewhere ("по статье о применении насилия")


def denied_claim(verb: Word, sentence: Sentence) -> bool:
    """The clause of a claim refutes it: "(факты) не подтвердились", "(доводы) проверены и не
    нашли подтверждения" (the verb joined to the claim's own), "(сведения) опровергли"."""
    if verb.lemma in REFUTING:
        return True
    for v in [verb, *sentence.children(verb, ("conj",))]:
        denied = any(k.text.lower() in ("не", "ни") for k in sentence.children(v, ("advmod",)))
        if denied and (v.lemma in CONFIRMING or any(
                k.lemma in CONFIRMING for k in sentence.children(v, ("obj",)))):
            return True
    return False


def held_without(word: Word, sentence: Sentence) -> bool:
    """"продержали ночь без воды и еды", "держали без сна": held deprived of what one needs
    (not "держал голодовку без воды": what one holds oneself)."""
    if any(k.feats.get("Animacy") == "Inan" and k.lemma not in TIMES for k in sentence.children(
            word, ("obj",))):  # (not "продержали ночь", a time)
        return False
    return any(preposition(sentence, k) == "без" and any(
        w.lemma in DEPRIVATIONS for w in sentence.subtree(k)) for k in sentence.children(
            word, ("obl", "nmod", "advcl")))


def object_pressure(word: Word, sentence: Sentence) -> bool:
    """"давление на него не оказывалось", "оказывали на неё давление": the noun itself the
    verb's object or subject ("лекарства от давления" is none)."""
    return any(k.lemma in PRESSURE for k in sentence.children(
        word, ("obj", "nsubj", "nsubj:pass")))


def force_by_subject(word: Word, sentence: Sentence) -> bool:
    """Force told of its subject with no one it was used on ("он не применял насилия", "ни один
    из них не применял насилия"): the subject's own conduct, not force used on them."""
    return any(k.lemma in DOER_SUBJECTS or k.pos == "PROPN" for k in sentence.children(
        word, ("nsubj",))) and not any(preposition(sentence, k) == "к" for k in sentence.children(
            word, ("obl", "iobj", "nmod")))


def in_force(word: Word, sentence: Sentence) -> bool:
    """A verdict entering into force ("приговор вступил в законную силу", "не вступил"): the
    verdict passed before, no new one."""
    head = sentence.head(word)
    return word.rel == "nsubj" and head is not None and head.lemma in IN_FORCE


def threatens_harm(word: Word, sentence: Sentence) -> bool:
    """"угрожали расправой над женой", "угрожали пытками": a threat of violence (not "грозит
    до десяти лет", a penalty the law sets)."""
    return any(kid.lemma in THREATS and kid.feats.get("Case") == "Ins"
               for kid in sentence.children(word, ("obl", "obj", "iobj")))


def refuses_food(word: Word, sentence: Sentence) -> bool:
    """"отказался от еды", "отказывался от пищи": a hunger strike (not "отказался от адвоката")."""
    return any(preposition(sentence, kid) == "от" and (kid.lemma in ("еда", "пища") or (
        kid.lemma == "приём" and "пища" in {w.lemma for w in sentence.subtree(kid)}))
        for kid in sentence.children(word, ("obl",)))


def out_of_custody(word: Word, sentence: Sentence) -> bool:
    """"вышел из колонии", "вышла из СИЗО", "выходит из спецприёмника" (not "вышел из ШИЗО", a
    cell inside the colony)."""
    return any(kid.lemma.split("-")[0] in FACILITIES - CELLS and preposition(sentence, kid) == "из"
               for kid in sentence.children(word, ("obl", "nmod")))  # "из СИЗО-3" too


def freedom(word: Word, sentence: Sentence) -> bool:
    """"вышел на свободу" (not "вышел с плакатом «Свободу ...»")."""
    return any(kid.lemma == "свобода" and preposition(sentence, kid) == "на"
               for kid in sentence.children(word, ("obl", "obj", "nmod")))


def thing_carried(word: Word, sentence: Sentence) -> bool:
    """"привезли лекарства", "ему перевезли вещи": a thing brought, no one moved."""
    objects = sentence.children(word, ("obj",))
    return any(k.feats.get("Animacy") == "Inan" for k in objects) and not any(
        k.feats.get("Animacy") == "Anim" or k.pos == "PRON" for k in objects)


def destination(word: Word, sentence: Sentence) -> bool:
    """A place one is taken to ("повезли в Москву", "повезли на суд"), not luck ("ему не
    повезло")."""
    return any(preposition(sentence, k) in ("в", "во", "на") and case(k) == "Acc"
               for k in sentence.children(word, ("obl",)))


def placed_in(word: Word, sentence: Sentence) -> bool:
    """A placement told by its noun ("против третьего водворения в ШИЗО", "после помещения в
    карцер"): into a cell or facility."""
    return any(preposition(sentence, k) in ("в", "во") and k.lemma in (FACILITIES | WARDS)
               for k in sentence.children(word, ("nmod", "obl")))


def to_facility(word: Word, sentence: Sentence) -> bool:
    """"отправили в колонию", "поместили в СИЗО"."""
    return bool(_object_lemmas(sentence, word) & (FACILITIES | WARDS))


def trial_noun(word: Word, sentence: Sentence) -> bool:
    """"суд над X", "судебное заседание по делу", "процесс над X": a trial is held; not one
    scheduled or put off ("Следующее заседание назначено на 17 октября", "заседание
    отложили"): none held yet."""
    head = sentence.head(word)
    if (head is not None and head.lemma in SCHEDULING) or any(
            k.lemma == "следующий" for k in sentence.children(word, ("amod",))):
        return False
    if any(preposition(sentence, w) in ("над",) for w in sentence.children(word)):
        return True
    if word.lemma == "заседание":
        return True
    head = sentence.head(word)
    return head is not None and head.lemma in ("начаться", "пройти", "проходить", "состояться",
                                               "продолжиться", "рассмотреть")


def has_sentencing_verb(word: Word, sentence: Sentence) -> bool:
    """The noun is the object of a verb that is a trigger itself ("вынес приговор" is kept;
    "изменил приговор", "предъявили обвинение" are the verb's)."""
    head = sentence.head(word)
    return head is not None and head.lemma in (
        "изменить", "предъявить", "оставить", "отменить", "обвинить", "обжаловать", "отклонить",
        "смягчить", "сократить", "пересмотреть", "апелляция", "жалоба", "обжалование")


def moved_to_house_arrest(word: Word, sentence: Sentence) -> bool:
    """"оказалась под домашним арестом", "находится под домашним арестом": out of custody into
    house arrest, a release ("перевели под домашний арест", "отпустили" are their verbs')."""
    head = sentence.head(word)
    return house_arrest(word, sentence) and preposition(sentence, word) == "под" and (
        head is not None and head.lemma in ("оказаться", "находиться"))


def house_arrest(word: Word, sentence: Sentence) -> bool:
    return any(w.lemma == "домашний" for w in sentence.children(word))


def protest_noun(word: Word, sentence: Sentence) -> bool:
    """A protest the report tells someone took part in or held ("вышел на акцию", "участие в
    пикете", "провёл пикет"), or was punished for ("арестовали за акцию")."""
    head = sentence.head(word)
    return head is not None and head.lemma in PROTEST_HOLDERS or for_poster(
        word, sentence)  # "арестовали за акцию 28 января": one held


def for_poster(word: Word, sentence: Sentence) -> bool:
    """"задержали за плакат", "оштрафовали за плакат «Нет войне»": a poster (or a protest)
    one is punished for was held up in public, a protest."""
    return preposition(sentence, word) == "за" and any(  # the parser may hang it on a noun
        w.pos == "VERB" for w in sentence.ancestors(word))  # ("у входа в парк за плакат")


def days_of(word: Word, sentence: Sentence) -> bool:
    """"отбыл 10 суток ареста": an administrative arrest served, a sentence."""
    head = sentence.head(word)
    return head is not None and head.lemma in ("сутки", "день")


def topic_noun(word: Word, sentence: Sentence) -> bool:
    """"по делу о митингах", "статья о протестах": what is spoken of, no protest held; so is
    what one is accused of ("обвинили в организации протестов", "подозревают в участии в
    митинге"): the accusation, no protest told as held."""
    if preposition(sentence, word) in ("о", "об", "обо", "про"):
        return True
    for noun in (word, sentence.head(word)):
        if noun is None or preposition(sentence, noun) != "в":
            continue
        head = sentence.head(noun)
        if head is not None and head.lemma in ACCUSING:
            return True
    return False


def non_past(word: Word, sentence: Sentence) -> bool:
    """A verb of both aspects in the non-past ("обжалует приговор", "защита обжалует"): what is
    to come, no appeal filed (the past, "обжаловал", tells one)."""
    return word.feats.get("Tense") in ("Pres", "Fut") and word.feats.get("VerbForm") == "Fin"


def release_noun(word: Word, sentence: Sentence) -> bool:
    head = sentence.head(word)
    return word.lemma == "обмен" and head is not None and head.lemma in (
        "освободить", "освобождение", "попасть", "включить", "участник", "результат")


PREDICATES = {name: fn for name, fn in globals().items()
              if callable(fn) and not name.startswith("_") and fn.__module__ == __name__
              and name not in ("preposition", "RULES")}
