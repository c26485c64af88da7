"""Russian reports: the language of each article, the natasha pipeline on short sentences written
for these tests, and one person across a Russian and an English report."""

from __future__ import annotations

import pytest

from habeas.model import Document
from habeas.nlp.dispatch import process_documents
from habeas.nlp.language import identify, language_of


from conftest import extract_ru as extract


def only(extraction, kind):
    [event] = [e for e in extraction.events if e.type == kind]
    return event


def test_the_language_is_the_metadata_else_identified():
    assert identify("Суд в Симферополе арестовал крымского татарина на два месяца.") == "ru"
    assert identify("A court in Simferopol remanded a Crimean Tatar in custody.") == "en"
    assert identify("Суд у Сімферополі заарештував кримського татарина на два місяці.") == "uk"
    assert language_of("Суд арестовал активиста на два месяца.", "en") == "en"


def test_an_unsupported_language_is_stored_and_reported_never_read_as_english():
    document = Document(text="Суд у Мінску асудзіў журналістку Ганну Іванову на тры гады "
                             "калоніі.", source="be", language=None)
    [(_, extraction)] = process_documents(lambda: pytest.fail("English rules ran"), [document])
    assert document.language == "be"
    assert extraction.events == [] and extraction.persons == []
    assert extraction.versions["skipped"] == "no extraction for be yet"


def test_names_in_the_nominative_with_every_inflected_form_an_alias(russian):
    extraction = extract(russian, "Суд арестовал Ахтема Чийгоза. Чийгозу предъявили обвинение. "
                                  "Адвокат Чийгоза обжаловал арест.")
    [person] = extraction.persons
    assert person.name == "Ахтем Чийгоз"
    assert {"Ахтема Чийгоза", "Чийгозу", "Чийгоза"} <= set(person.aliases)
    assert person.gender == "male"


def test_ages_before_and_after_the_name(russian):
    extraction = extract(russian, "52-летнего Ивана Петрова задержали. Мария Соколова (34 года) "
                                  "объявила голодовку.")
    ages = {p.name: p.age for p in extraction.persons}
    assert ages == {"Иван Петров": 52, "Мария Соколова": 34}


def test_a_sentence_with_its_term_in_months_and_its_article_of_law(russian):
    extraction = extract(russian, "Суд приговорил Ивана Петрова к 3 годам 7 месяцам колонии "
                                  "общего режима по ч. 2 ст. 205.5 УК РФ.")
    event = only(extraction, "sentence")
    assert event.term_months == 43 and "205.5" in event.charge
    assert extraction.person(event.persons[0]).name == "Иван Петров"


def test_number_words_and_a_described_charge(russian):
    extraction = extract(russian, "Марию Соколову приговорили к шести годам колонии по делу о "
                                  "реабилитации нацизма.")
    event = only(extraction, "sentence")
    assert event.term_months == 72 and event.charge.startswith("реабилитация нацизма")


def test_an_administrative_arrest_in_days_is_a_sentence_without_a_term(russian):
    extraction = extract(russian, "Суд 7 мая арестовал активиста Ивана Петрова на 13 суток.")
    event = only(extraction, "sentence")
    assert event.term_months is None and event.date == "2022-05-07"


def test_a_conviction_is_found_guilty(russian):
    extraction = extract(russian, "Суд признал Ивана Петрова виновным в организации протестов.")
    assert only(extraction, "conviction").charge == "организация протестов"


def test_negation_hedge_and_attribution(russian):
    extraction = extract(russian, "Ивана Петрова не освободили. По версии следствия, Мария "
                                  "Соколова якобы избила полицейского. Марию Соколову задержали "
                                  "в Симферополе, сообщила «Крымская солидарность».")
    assert only(extraction, "release").negated
    arrest = only(extraction, "arrest")
    assert arrest.place == "Симферополь"
    assert "Крымская солидарность" in arrest.attributed_to


def test_a_pronoun_means_the_person_the_report_is_about(russian):
    extraction = extract(russian, "В Крыму задержали Сервера Мустафаева. Его этапировали в "
                                  "Ростов-на-Дону. Он объявил голодовку.")
    assert {e.type for e in extraction.events} >= {"arrest", "transfer", "hunger_strike"}
    assert all(extraction.person(e.persons[0]).name == "Сервер Мустафаев"
               for e in extraction.events)


def test_a_russian_and_an_english_report_of_one_release_are_one_person(russian, tmp_path):
    from habeas.store import queries
    from habeas.workspace import Habeas

    (tmp_path / "ru.txt").write_text(
        "Заместителя председателя Меджлиса Ахтема Чийгоза освободили 25 октября 2017 года. "
        "52-летнего Чийгоза вывезли в Анкару.", encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        "Akhtem Chiygoz, 52, deputy head of the Mejlis, was released on October 25, 2017 and "
        "flown to Ankara.", encoding="utf-8")
    habeas = Habeas(database_url=f"sqlite:///{tmp_path / 'x.db'}")
    try:
        habeas.ingest([tmp_path / "ru.txt"], overrides={"published": "2017-10-26"})
        habeas.ingest([tmp_path / "en.txt"], overrides={"published": "2017-10-26"})
        report = habeas.extract()
        assert report.articles == 2 and not report.unsupported
        with habeas.session() as session:
            rows = queries.list_persons(session=session)
            [row] = [r for r in rows if "Chiygoz" in r.name or "Чийгоз" in r.name]
            assert row.articles == 2
    finally:
        habeas.close()


def events_of(extraction, kind):
    return [e for e in extraction.events if e.type == kind]


def name_of(extraction, event):
    return extraction.person(event.persons[0]).name


def test_a_year_is_no_term_and_a_range_no_single_term(russian):
    extraction = extract(russian, "В 2021 году суд приговорил Ивана Петрова к 13 годам колонии. "
                                  "Марию Соколову приговорили к 8,5 годам колонии.")
    terms = {name_of(extraction, e): e.term_months for e in events_of(extraction, "sentence")}
    assert terms == {"Иван Петров": 156, "Мария Соколова": 102}
    ranged = extract(russian, "Суд приговорил Ивана Петрова и Марию Соколову к срокам от 11 до "
                              "18 лет.")
    assert [e.term_months for e in events_of(ranged, "sentence")] == [None]


def test_each_person_their_term_when_the_report_says_respectively(russian):
    extraction = extract(russian, "Суд приговорил Ивана Петрова и Марию Соколову соответственно к "
                                  "5 и 3 годам колонии.")
    terms = {name_of(extraction, e): e.term_months for e in events_of(extraction, "sentence")}
    assert terms == {"Иван Петров": 60, "Мария Соколова": 36}


def test_a_quoted_name_stays_in_the_charge_and_the_case_lends_it_to_the_sentence(russian):
    extraction = extract(russian, "Суд приговорил Ивана Петрова к пяти годам колонии. Его признали "
                                  "виновным в участии в «Хизб ут-Тахрир».")
    assert only(extraction, "conviction").charge == "участие в «Хизб ут-Тахрир»"
    assert only(extraction, "sentence").charge == "участие в «Хизб ут-Тахрир»"
    fakes = extract(russian, "Марию Соколову приговорили к 8,5 годам колонии за «фейки» об армии.")
    assert only(fakes, "sentence").charge == "«фейки» об армии"


def test_each_event_takes_the_date_nearest_its_trigger(russian):
    extraction = extract(russian, "Ивана Петрова задержали в феврале 2019 года, а в ноябре 2022 "
                                  "года суд приговорил его к 11 годам колонии.")
    assert only(extraction, "arrest").date == "2019-02"
    assert only(extraction, "sentence").date == "2022-11"
    relative = extract(russian, "Дело против Ивана Петрова возбудили в марте прошлого года.",
                       published="2024-02-07")
    assert only(relative, "charge").date == "2023-03"


def test_a_detention_and_a_remand_in_custody_are_two_arrests(russian):
    extraction = extract(russian, "Ивана Петрова задержали 2 ноября. 4 ноября Киевский районный "
                                  "суд Симферополя заключил его под стражу.")
    arrests = events_of(extraction, "arrest")
    assert [e.date for e in arrests] == ["2021-11-02", "2021-11-04"]  # before publication
    assert arrests[1].agent.startswith("Киевский районный суд") and arrests[0].agent is None


def test_a_refusal_and_a_negated_request_are_negated_events(russian):
    refused = extract(russian, "Суд отказался освободить Ивана Петрова условно-досрочно.")
    assert only(refused, "release").negated
    unasked = extract(russian, "Иван Петров не подписывал прошения о помиловании.")
    release = only(unasked, "release")
    assert release.negated and release.release_mode == "pardon"


def test_a_relative_clause_tells_of_the_noun_it_hangs_from(russian):
    extraction = extract(russian, "В Москве задержали Марию Соколову, которая стояла в одиночном "
                                  "пикете.")
    assert name_of(extraction, only(extraction, "protest")) == "Мария Соколова"


def test_a_womans_name_in_the_nominative(russian):
    extraction = extract(russian, "Суд приговорил Катерину Андрееву и Дарью Чульцову к двум годам "
                                  "колонии.")
    assert {p.name for p in extraction.persons} == {"Катерина Андреева", "Дарья Чульцова"}
    assert {p.gender for p in extraction.persons} == {"female"}


def test_a_case_closed_an_abduction_and_a_term_cut(russian):
    closed = extract(russian, "Следственный комитет прекратил уголовное дело против Ивана Петрова.")
    assert only(closed, "charges_dropped").agent == "Следственный комитет"
    taken = extract(russian, "Силовики увезли Ивана Петрова в неизвестном направлении.")
    assert only(taken, "abduction").agent == "Силовики"
    cut = extract(russian, "Ивана Петрова приговорили к трём годам колонии. В феврале Мосгорсуд "
                           "сократил срок до полутора лет.")
    assert only(cut, "appeal").agent == "Мосгорсуд"
    assert sorted(e.term_months for e in events_of(cut, "sentence")) == [18, 36]


def test_one_event_told_in_english_and_russian_is_one_event_with_two_sources(russian, tmp_path):
    from habeas.store import queries
    from habeas.workspace import Habeas

    (tmp_path / "en.txt").write_text(
        "The Southern District Military Court on March 14 sentenced Crimean Tatar activist "
        "Server Mustafayev to 14 years in a strict-regime colony.", encoding="utf-8")
    (tmp_path / "ru.txt").write_text(
        "Южный окружной военный суд 14 марта приговорил крымскотатарского активиста Сервера "
        "Мустафаева к 14 годам колонии строгого режима.", encoding="utf-8")
    habeas = Habeas(database_url=f"sqlite:///{tmp_path / 'x.db'}")
    try:
        for name in ("en.txt", "ru.txt"):
            habeas.ingest([tmp_path / name], overrides={"published": "2022-03-15"})
        assert habeas.extract().articles == 2
        with habeas.session() as session:
            [person] = [r for r in queries.list_persons(session=session)
                        if "Mustafayev" in r.name or "Мустафаев" in r.name]
            [event] = queries.list_events(session=session, type="sentence")
        assert person.articles == 2
        assert event.sources == 2 and event.date == "2022-03-14" and event.term_months == 168
        assert len(event.persons) == 1
    finally:
        habeas.close()


def test_the_future_is_no_event_and_withheld_care_is_ill_treatment(russian):
    future = extract(russian, "Суд рассмотрит жалобу Ивана Петрова. Его будут судить в Москве.")
    assert future.events == []
    withheld = extract(russian, "Ивану Петрову в колонии не выдают лекарства от диабета. "
                                "Администрация отказалась вызвать Марии Соколовой врача.")
    events = events_of(withheld, "ill_treatment")
    assert {name_of(withheld, e) for e in events} == {"Иван Петров", "Мария Соколова"}
    assert not any(e.negated for e in events)


def test_a_protocol_is_a_charge_and_a_search_is_of_the_one_detained_after_it(russian):
    extraction = extract(russian, "На Ивана Петрова составили протокол о дискредитации армии.")
    assert only(extraction, "charge").charge == "дискредитация армии"
    searched = extract(russian, "Марию Соколову задержали после обыска в её доме в Бахчисарае.")
    assert name_of(searched, only(searched, "search")) == "Мария Соколова"


def test_a_transfer_goes_to_the_place_it_names(russian):
    extraction = extract(russian, "Ивана Петрова поместили в штрафной изолятор. Марию Соколову "
                                  "этапировали из СИЗО в колонию в Мордовии.")
    places = {name_of(extraction, e): e.place for e in events_of(extraction, "transfer")}
    assert places == {"Иван Петров": "штрафной изолятор", "Мария Соколова": "Мордовия"}


def test_the_court_is_the_one_the_report_named(russian):
    extraction = extract(russian, "Иван Петров обжаловал приговор в Смоленском областном суде. "
                                  "Ранее Сычёвский районный суд приговорил его к шести годам "
                                  "колонии. Суд признал Ивана Петрова виновным в экстремизме. "
                                  "Его задержали в Смоленске.")
    assert only(extraction, "conviction").agent.replace("ё", "е") == "Сычевский районный суд"
    assert only(extraction, "arrest").agent is None  # police detain; no court is said to


def test_a_claim_is_the_speakers_not_the_person_they_are_named_after(russian):
    supporters = extract(russian, "Сторонники Ивана Петрова пишут, что его задержали у вокзала.")
    assert only(supporters, "arrest").attributed_to == "Сторонники Ивана Петрова"
    told = extract(russian, "Как сообщил «ОВД-Инфо» Иван Петров, его задержали у вокзала.")
    assert only(told, "arrest").attributed_to == "Иван Петров"


def test_titles_credits_and_families_are_no_persons(russian):
    extraction = extract(russian, "Ивана Петрова задержали у дома Мустафаевых с плакатом «Кот "
                                  "Леопольд».\nФото: Мария Соколова / «Газета»")
    assert [p.name for p in extraction.persons] == ["Иван Петров"]


def test_out_of_custody_into_house_arrest_is_a_release(russian):
    extraction = extract(russian, "Марию Соколову арестовали в марте, позже она оказалась под "
                                  "домашним арестом.")
    assert only(extraction, "release").release_mode == "house_arrest"
    assert only(extraction, "arrest").date == "2022-03"


def test_a_parse_with_a_cycle_ends_every_climb():
    """natasha's parser may hang two words on each other ("appos" both ways); the climbs up a
    name or a chain of verbs end instead of going round for ever."""
    from habeas.nlp.lang.ru.events import _without_officials
    from habeas.nlp.lang.ru.pipeline import Parsed
    from habeas.nlp.lang.ru.syntax import Sentence, Word

    def word(i, text, head, rel):
        return Word(i=i, text=text, lemma=text.lower(), pos="PROPN", feats={}, head=head,
                    rel=rel, start=i * 6, end=i * 6 + len(text))

    sentence = Sentence(text="Иван Петров", start=0, words=[
        word(0, "Иван", 1, "appos"), word(1, "Петров", 0, "appos")])
    parsed = Parsed(text="Иван Петров", sentences=[sentence], spans=[])
    assert sentence.climb(sentence.words[0], ("appos",)).i == 1
    assert _without_officials(parsed, {(0, 0): "p1"}) == {(0, 0): "p1"}


def test_kept_lemmas_are_natashas_own():
    """pipeline.natasha_lemma keeps natasha's lemma of (word, part of speech, features): the
    same as the token's own lemmatize, asked once per combination."""
    from natasha import Doc

    from habeas.nlp.lang.ru.pipeline import models, natasha_lemma

    m = models()
    doc = Doc("Суд арестовал активистов, задержанных в Симферополе после обысков.")
    doc.segment(m.segmenter)
    doc.tag_morph(m.morph)
    natasha_lemma.cache_clear()
    for token in doc.tokens:
        kept = natasha_lemma(token.text, token.pos, tuple(sorted((token.feats or {}).items())))
        token.lemmatize(m.morph_vocab)
        assert kept == token.lemma
    hits = natasha_lemma.cache_info().hits
    token = doc.tokens[0]
    natasha_lemma(token.text, token.pos, tuple(sorted((token.feats or {}).items())))
    assert natasha_lemma.cache_info().hits == hits + 1
