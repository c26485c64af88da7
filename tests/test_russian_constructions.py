"""Russian constructions learnt from real reports (issue 12, third round), each on sentences
written for these tests: where an event happened, who it happened to in a group or an
ellipsis, and what one sentence lends the next."""

from __future__ import annotations

import pytest

from habeas.model import Document


from conftest import extract_ru as extract


def events_of(extraction, kind):
    return [e for e in extraction.events if e.type == kind]


def only(extraction, kind):
    [event] = events_of(extraction, kind)
    return event


def test_a_place_of_a_persons_description_is_no_place_of_the_event(russian):
    extraction = extract(russian, "Суд приговорил бывшего мэра Твери Ивана Петрова, жившего в "
                                  "Сочи, к пяти годам колонии.")
    assert only(extraction, "sentence").place is None


def test_the_place_of_the_clause_and_of_its_court(russian):
    street = extract(russian, "Марию Соколову задержали в Казани у здания университета.")
    assert only(street, "arrest").place == "Казань"
    court = extract(russian, "Кировский районный суд Самары приговорил Ивана Петрова к трём "
                             "годам колонии.")
    assert only(court, "sentence").place == "Самара"
    relative = extract(russian, "В Омске задержали Ивана Петрова, который вышел на пикет.")
    assert only(relative, "protest").place == "Омск"


def test_premises_are_the_place_where_no_city_is_named(russian):
    beaten = extract(russian, "В отделе полиции Ивана Петрова избили.")
    assert only(beaten, "ill_treatment").place == "отдел полиции"
    freed = extract(russian, "Мария Соколова освободилась из колонии «Берёзка» в пятницу.")
    assert only(freed, "release").place == "колония «Берёзка»"
    served = extract(russian, "Суд приговорил Ивана Петрова к шести годам заключения в "
                              "колонии строгого режима.")
    assert only(served, "sentence").place is None  # where a term is served, not the court


def test_a_judge_acts_on_the_case_and_nothing_happens_to_him(russian):
    extraction = extract(russian, "Ивана Петрова приговорили к четырём годам колонии. Судья "
                                  "Олег Смирнов исключил из обвинения один эпизод. Позже срок "
                                  "сократили до трёх лет.")
    judge = next(p.id for p in extraction.persons if p.name == "Олег Смирнов")
    assert all(judge not in e.persons for e in extraction.events)
    assert {e.term_months for e in events_of(extraction, "sentence")} == {48, 36}


def test_the_owner_of_a_thing_is_no_participant(russian):
    extraction = extract(russian, "В Казани задержали Марию Соколову, волонтёра штаба политика "
                                  "Ивана Петрова.")
    assert [extraction.person(pid).name for pid in only(extraction, "arrest").persons] == [
        "Мария Соколова"]


def test_a_headline_without_a_full_stop_is_a_sentence_of_its_own(russian):
    extraction = extract(russian, "Активистку из Казани арестовали на 10 суток\n12 мая 2022\n"
                                  "Суд в Казани арестовал на 10 суток Марию Соколову.")
    [event] = events_of(extraction, "sentence")
    assert extraction.person(event.persons[0]).name == "Мария Соколова"
    # the headline alone is one source of the event (the text's sentence, which tells it in
    # full, its evidence)
    assert [src.text for src in event.sources] == [
        "Суд в Казани арестовал на 10 суток Марию Соколову.",
        "Активистку из Казани арестовали на 10 суток"]


def test_before_anyone_is_named_the_event_is_of_the_person_named_next(russian):
    extraction = extract(russian, "Бывшего депутата приговорили к девяти годам колонии. "
                                  "Ленинский суд вынес приговор Ивану Петрову в пятницу.")
    [event] = events_of(extraction, "sentence")
    assert extraction.person(event.persons[0]).name == "Иван Петров"
    assert event.term_months == 108
    counted = extract(russian, "В Казани задержали пятерых активистов. Иван Петров рассказал "
                               "об этом журналистам.")
    assert events_of(counted, "arrest") == []


def test_a_day_without_a_year_is_in_the_year_the_sentence_before_is_set_in(russian):
    framed = extract(russian, "В 2019 году полиция несколько раз задерживала Ивана Петрова. В "
                              "последний раз его задержали 3 сентября.", published="2021-02-01")
    assert "2019-09-03" in {e.date for e in events_of(framed, "arrest")}
    relative = extract(russian, "Марию Соколову, которую в 2019 году оштрафовали, задержали "
                                "снова. Её отпустили 3 января.", published="2021-02-01")
    assert only(relative, "release").date == "2021-01-03"  # 2019 frames no sentence
    this_year = extract(russian, "В 2019 году Ивана Петрова осудили. В феврале этого года суд "
                                 "освободил его.", published="2021-05-01")
    assert only(this_year, "release").date == "2021-02"


def test_a_sentence_without_its_verb_takes_the_verb_before(russian):
    extraction = extract(russian, "Утром у вокзала в Казани задержали двух активистов. Ивана "
                                  "Петрова — за пикет с плакатом «Мир». Марию Соколову — за "
                                  "листовки. На Петрова составили протокол о неповиновении. На "
                                  "Соколову — о мелком хулиганстве.")
    arrested = {extraction.person(e.persons[0]).name: e.place
                for e in events_of(extraction, "arrest")}
    assert arrested == {"Иван Петров": "Казань", "Мария Соколова": "Казань"}
    [protest] = events_of(extraction, "protest")
    assert extraction.person(protest.persons[0]).name == "Иван Петров"
    charges = {extraction.person(e.persons[0]).name: e.charge
               for e in events_of(extraction, "charge")}
    assert charges["Мария Соколова"].startswith("мелкое хулиганство")


def test_a_described_charge_in_the_nominative_adjectives_agreeing(russian):
    quoted = extract(russian, "Ивана Петрова приговорили к 12 годам за «государственную "
                              "измену».")
    assert only(quoted, "sentence").charge == "«государственная измена»"
    plain = extract(russian, "Марию Соколову обвинили в незаконном пересечении границы.")
    assert only(plain, "charge").charge == "незаконное пересечение границы"


def test_a_counted_group_after_named_persons_is_theirs(russian):
    extraction = extract(russian, "У здания суда задержали Ивана Петрова и Марию Соколову. "
                                  "Всех двоих доставили в отдел полиции. Судья вынес всем "
                                  "задержанным предупреждение.")
    [transfer] = events_of(extraction, "transfer")
    assert {extraction.person(pid).name for pid in transfer.persons} == {
        "Иван Петров", "Мария Соколова"}
    assert only(extraction, "sentence").persons == transfer.persons
    rough = extract(russian, "У здания суда задержали Ивана Петрова. Всего в городе "
                             "задержали не менее 200 человек.")
    assert len(events_of(rough, "arrest")) == 1 and only(rough, "arrest").date is None


def test_the_agent_of_an_infinitive_and_a_counted_agent(russian):
    refused = extract(russian, "В марте суд в Твери отказался освободить Ивана Петрова.")
    event = only(refused, "release")
    assert event.negated and event.agent == "суд в Твери"
    counted = extract(russian, "Марию Соколову задерживали трое полицейских.")
    assert only(counted, "arrest").agent == "трое полицейских"


def test_events_told_in_one_sentence_share_its_dated_occasion(russian):
    extraction = extract(russian, "Стали известны подробности задержания Ивана Петрова 3 мая. "
                                  "Его задерживали трое полицейских, они избили его.")
    assert only(extraction, "ill_treatment").date == "2022-05-03"


def test_that_day_is_the_day_the_report_gave_last(russian):
    extraction = extract(russian, "Ивана Петрова задержали 12 марта. В тот же день у него дома "
                                  "провели обыск.")
    assert only(extraction, "search").date == "2022-03-12"


def test_a_hunger_strike_for_someone_is_not_theirs_and_after_it_it_took_place(russian):
    extraction = extract(russian, "Ивана Петрова осудили на пять лет. По словам матери, он так и "
                                  "не оправился после голодовки в поддержку журналиста Олега "
                                  "Смирнова.")
    strike = only(extraction, "hunger_strike")
    assert not strike.negated
    assert [extraction.person(pid).name for pid in strike.persons] == ["Иван Петров"]


def test_he_is_not_the_woman_named_before(russian):
    extraction = extract(russian, "Ивана Петрова осудили на пять лет. Его мать Мария Петрова "
                                  "сообщила, что он так и не оправился после голодовки.")
    strike = only(extraction, "hunger_strike")
    assert [extraction.person(pid).name for pid in strike.persons] == ["Иван Петров"]
    mother = extract(russian, "Журналисты говорили с Ларисой. Ларису задержали у суда.")
    assert mother.persons[0].gender == "female"


def test_the_court_that_passed_a_verdict_is_no_participant_and_days_served_are_a_sentence(
        russian):
    verdict = extract(russian, "Ивана Петрова задержали в мае. Приговор ему вынес Кировский "
                               "районный суд Самары в пятницу.")
    event = only(verdict, "sentence")
    assert verdict.person(event.persons[0]).name == "Иван Петров" and event.date == "2022-05-06"
    served = extract(russian, "Марию Соколову отпустили 2 мая, после того как она отбыла 10 "
                              "суток ареста.")
    assert only(served, "release").release_mode == "end_of_term"
    assert events_of(served, "arrest") == [] and len(events_of(served, "sentence")) == 1


def test_a_relative_clause_is_background_not_the_speakers_claim(russian):
    extraction = extract(russian, "Активист Иван Петров, которого в мае приговорили к трём "
                                  "годам колонии, рассказал в письме, что его избили.")
    assert only(extraction, "sentence").attributed_to is None
    assert only(extraction, "ill_treatment").attributed_to == "Иван Петров"


def test_each_charge_of_a_list(russian):
    extraction = extract(russian, "Ивана Петрова обвинили в хулиганстве и в незаконном "
                                  "пересечении границы.")
    assert only(extraction, "charge").charge == "хулиганство; незаконное пересечение границы"


def test_a_misspelt_surname_with_the_same_given_name_is_one_person(russian):
    extraction = extract(russian, "Суд приговорил Светлану Кондратенко к двум годам.\n"
                                  "Светлана Кондратьева у здания суда.\nЕё задержали в марте.")
    assert [p.name for p in extraction.persons] == ["Светлана Кондратенко"]
    brothers = extract(russian, "Ивана Петрова и Олега Петрова задержали.")
    assert len(brothers.persons) == 2


def test_protesters_are_the_subject_and_a_lead_group_is_of_those_named_next(russian):
    extraction = extract(russian, "Суд отпустил всех задержанных жильцов. Накануне, 7 мая, они "
                                  "пикетировали мэрию. Протокол составили на Ивана Петрова по "
                                  "статье 20.2 КоАП (за организацию пикета).")
    protest = only(extraction, "protest")
    assert protest.date == "2022-05-07"
    assert extraction.person(protest.persons[0]).name == "Иван Петров"
    assert only(extraction, "charge").charge == "организация пикета"


def test_in_custody_since_a_month_is_an_arrest_then(russian):
    extraction = extract(russian, "Иван Петров находится под стражей с марта 2021 года.")
    assert only(extraction, "arrest").date == "2021-03"


def test_a_date_of_another_clause_is_not_this_events(russian):
    extraction = extract(russian, "Напомним, 7 октября 2020 года у Ивана Петрова провели обыск. "
                                  "В тот же день его задержали, а 9 октября суд арестовал его.")
    dates = {e.date for e in events_of(extraction, "arrest")}
    assert dates == {"2020-10-07", "2020-10-09"}


def test_a_closing_attribution_covers_the_relative_clause_of_the_claim(russian):
    extraction = extract(russian, "Суд назначил десять суток ареста Ивану Петрову, которого "
                                  "полиция задержала утром на улице, сообщает «Штаб Петрова».")
    assert only(extraction, "sentence").attributed_to == "Штаб Петрова"
    assert only(extraction, "arrest").attributed_to == "Штаб Петрова"


def test_an_event_of_the_speakers_relative_clause_is_not_the_claim(russian):
    extraction = extract(russian, "Иван Петров, которого осудили на год за одиночные пикеты у "
                                  "мэрии, рассказал адвокату об избиениях в СИЗО.")
    assert only(extraction, "protest").attributed_to is None
    assert only(extraction, "ill_treatment").attributed_to == "Иван Петров"
    participle = extract(russian, "Мария Соколова, получившая год колонии за неоднократное "
                                  "участие в пикетах, рассказала адвокату об избиениях в СИЗО.")
    assert only(participle, "protest").attributed_to is None


def test_the_cited_source_holds_the_claim_not_the_outlet(russian):
    extraction = extract(russian, "Марию Соколову задержали в Казани. Об этом пишет «Зеркало» "
                                  "со ссылкой на её адвоката Олега Смирнова.")
    assert only(extraction, "arrest").attributed_to == "Олег Смирнов"


def test_a_repeat_by_a_source_leaves_the_reports_own_account_unattributed(russian):
    extraction = extract(russian, "Ивана Петрова в мае 2021 года перевели в колонию в Омске. "
                                  "Как рассказал его адвокат Олег Смирнов, в колонию его "
                                  "перевели на поезде.")
    assert only(extraction, "transfer").attributed_to is None
    dated = extract(russian, "Ивана Петрова перевели в колонию в Омске. Как рассказал его "
                             "адвокат Олег Смирнов, Петрова перевели туда 3 мая.")
    assert only(dated, "transfer").attributed_to == "Олег Смирнов"


def test_a_sentence_opening_on_a_pronoun_goes_on_with_the_date_before(russian):
    extraction = extract(russian, "В марте суд приговорил Ивана Петрова к пяти годам колонии. "
                                  "Его признали виновным в хулиганстве.")
    assert only(extraction, "conviction").date == "2022-03"
    charged = extract(russian, "В начале апреля 2021 года следователи возбудили дело против "
                               "Марии Соколовой. Её обвинили в клевете.")
    assert only(charged, "charge").date == "2021-04"
    refused = extract(russian, "В марте суд приговорил Ивана Петрова к пяти годам колонии. "
                               "Он не просил о помиловании.")
    assert all(e.date is None for e in refused.events if e.negated)
    later = extract(russian, "В марте суд приговорил Ивана Петрова к пяти годам колонии. "
                             "Позже Петрова перевели в колонию в Омске.")
    assert only(later, "transfer").date is None


def test_an_abbreviation_in_capitals_does_not_decline(russian):
    extraction = extract(russian, "Иван Петров с марта 2021 года находился под стражей в "
                                  "СИЗО.")
    assert only(extraction, "arrest").place == "СИЗО"


def test_over_the_day_is_the_day_of_the_report(russian):
    extraction = extract(russian, "В Казани за день задержали Ивана Петрова и Марию Соколову.")
    assert {e.date for e in events_of(extraction, "arrest")} == {"2022-05-08"}
    during = extract(russian, "В течение дня полиция задержала Ивана Петрова у мэрии.")
    assert only(during, "arrest").date == "2022-05-08"
    before = extract(russian, "Ивана Петрова задержали за день до суда.")
    assert only(before, "arrest").date is None


def test_a_subject_pronoun_does_what_the_noun_before_it_named(russian):
    extraction = extract(russian, "Ивана Петрова задержали сотрудники ФСБ, они избили его в "
                                  "машине.")
    assert only(extraction, "ill_treatment").agent == "сотрудники ФСБ"
    counted = extract(russian, "Марию Соколову задержали двое полицейских, они избили её в "
                               "автозаке.")
    assert only(counted, "ill_treatment").agent == "двое полицейских"


def test_the_instrumental_of_a_passive_is_its_agent(russian):
    extraction = extract(russian, "Иван Петров был задержан сотрудниками ФСБ в Казани.")
    assert only(extraction, "arrest").agent == "сотрудники ФСБ"


def test_a_place_inside_the_accusation_is_not_where_it_happened(russian):
    charged = extract(russian, "Суд приговорил Ивана Петрова, обвиняемого в организации "
                               "шествий против закрытия больницы в Твери, к штрафу.")
    assert only(charged, "charge").place is None
    there = extract(russian, "В Москве Ивана Петрова обвинили в хулиганстве.")
    assert only(there, "charge").place == "Москва"


def test_what_a_court_decided_took_place_in_the_city_of_the_court(russian):
    later = extract(russian, "Ленинский суд Твери начал процесс над Иваном Петровым. Через "
                             "месяц Ленинский райсуд рассмотрел его дело. Судья вынес Ивану "
                             "Петрову штраф.")
    assert {e.place for e in events_of(later, "trial")} == {"Тверь"}
    assert only(later, "sentence").place == "Тверь"
    kind_only = extract(russian, "Суд в Омске вынес приговор. Марию Соколову приговорил к двум "
                                 "годам колонии Кировский районный суд.")
    assert only(kind_only, "sentence").place == "Омск"
    other = extract(russian, "Тверской суд Москвы приговорил Ивана Петрова к трём годам колонии. "
                             "В мае Мосгорсуд сократил срок до двух лет.")
    assert only(other, "appeal").place is None  # another court, its city not named
    region = extract(russian, "Защита Ивана Петрова обратилась в Верховный суд Крыма. В мае "
                              "суд отклонил апелляцию Петрова.")
    assert only(region, "appeal").place is None  # a supreme court is named after its region


def test_the_text_tells_in_full_what_its_headline_tells(russian):
    extraction = extract(russian, "Блогера Ивана Петрова осудили на четыре года за ролик о "
                                  "мобилизации\nКировский районный суд Самары приговорил "
                                  "блогера Ивана Петрова к четырём годам заключения по делу о "
                                  "«фейках» об армии, сообщает «Медиазона».")
    sentence = only(extraction, "sentence")
    assert sentence.evidence.startswith("Кировский районный суд Самары")
    assert sentence.attributed_to == "Медиазона"
    assert sentence.charge == "«фейки» об армии"
    assert sentence.agent == "Кировский районный суд Самары"
    assert len(sentence.sources) == 2  # the headline is a source of the same event


def test_what_happens_to_a_group_just_detained_is_on_that_occasion(russian):
    extraction = extract(russian, "3 марта в Самаре задержали Ивана Петрова и Марию Соколову. "
                                  "Обоих увезли в отдел полиции «Южный». Поздно вечером их "
                                  "отпустили из отдела.")
    assert only(extraction, "transfer").date == "2022-03-03"
    assert only(extraction, "release").date == "2022-03-03"
    counted = extract(russian, "Накануне, 5 апреля, Иван Петров и Мария Соколова вышли на "
                               "пикет у мэрии. В отдел полиции доставили девять человек.")
    assert only(counted, "transfer").date == "2022-04-05"
    alone = extract(russian, "3 марта в Самаре задержали Ивана Петрова. Петрова увезли в "
                             "отдел полиции.")
    assert only(alone, "transfer").date is None  # one person named again: no group told of


def test_an_occasion_lends_only_the_date_its_own_sentence_gave(russian):
    extraction = extract(russian, "Активист Иван Петров, который получил два года колонии за "
                                  "неоднократное участие в пикетах, в письме к жене сообщил об "
                                  "избиениях в колонии. В частности, 5 мая сотрудники колонии "
                                  "избили его.")
    assert only(extraction, "ill_treatment").date == "2022-05-05"
    assert only(extraction, "protest").date is None  # the beating's date, told after
    same = extract(russian, "Ивана Петрова задержали 5 мая, после задержания его доставили в "
                            "отдел полиции.")
    assert only(same, "transfer").date == "2022-05-05"


def test_a_pronoun_that_speaks_is_the_person_named_before(russian):
    extraction = extract(russian, "Адвокат Анна Смирнова навестила Ивана Петрова в СИЗО. По её "
                                  "словам, в камере его избили.")
    assert only(extraction, "ill_treatment").attributed_to == "Анна Смирнова"
    his = extract(russian, "Ивана Петрова навестил адвокат Олег Смирнов. По его словам, "
                           "Петрова избили в камере.")
    assert only(his, "ill_treatment").attributed_to == "Олег Смирнов"


def test_the_account_a_speaker_passed_on_follows_him(russian):
    extraction = extract(russian, "Стали известны подробности задержания Ивана Петрова 3 мая. "
                                  "Он передал эти сведения правозащитникам через адвоката.\n"
                                  "Петрова задерживали трое полицейских, они избили его.\n"
                                  "После задержания его доставили в отдел полиции.")
    assert only(extraction, "ill_treatment").attributed_to == "Иван Петров"
    assert only(extraction, "transfer").attributed_to == "Иван Петров"
    organisation = extract(russian, "Вечером «ОВД-Инфо» написало о новых задержаниях. Ивана "
                                    "Петрова задержали у мэрии.")
    assert only(organisation, "arrest").attributed_to is None  # no person's account


def test_the_court_of_one_verdict_did_not_give_an_earlier_one(russian):
    extraction = extract(russian, "Ленинский районный суд Омска приговорил Ивана Петрова к пяти "
                                  "годам колонии. Напомним, в марте 2019 года Петрова "
                                  "приговорили к двум годам условно.")
    agents = {e.term_months: e.agent for e in events_of(extraction, "sentence")}
    assert agents == {60: "Ленинский районный суд Омска", 24: None}
    charged = extract(russian, "Ленинский районный суд Омска приговорил Ивана Петрова к пяти "
                               "годам колонии. Его обвиняли в призывах к экстремизму. "
                               "Напомним, в марте 2019 года Петрова приговорили к двум годам.")
    charges = {e.term_months: e.charge for e in events_of(charged, "sentence")}
    assert charges == {60: "призывы к экстремизму", 24: None}
    same = extract(russian, "Ленинский районный суд Омска вынес приговор Ивану Петрову. Суд "
                            "приговорил Петрова к пяти годам колонии.")
    assert {e.agent for e in events_of(same, "sentence")} == {"Ленинский районный суд"}


def test_a_regions_court_names_its_jurisdiction_not_the_place(russian):
    supreme = extract(russian, "15 мая Верховный суд Татарстана изменил приговор Ивану Петрову.")
    assert only(supreme, "appeal").place is None
    region = extract(russian, "В мае суд в Самарской области отказался освободить Ивана Петрова "
                              "условно-досрочно.")
    assert only(region, "release").place is None
    city = extract(russian, "Кировский районный суд Самары оставил в силе приговор Ивану "
                            "Петрову.")
    assert only(city, "appeal").place == "Самара"


def test_another_clause_gives_no_place(russian):
    own = extract(russian, "Иван Петров находился под стражей с марта 2021 года, почти год он "
                           "сидел в СИЗО.")
    assert only(own, "arrest").place is None
    thing = extract(russian, "Поводом для возбуждения дела против Ивана Петрова в Казани стал "
                             "пост, за который его уже арестовали.")
    assert only(thing, "arrest").place is None
    person = extract(russian, "В Омске задержали Ивана Петрова, который вышел на пикет.")
    assert only(person, "protest").place == "Омск"
    joined = extract(russian, "В Омске Ивана Петрова задержали и избили.")
    assert only(joined, "ill_treatment").place == "Омск"


def test_a_verdict_told_after_its_hearing_is_of_that_day(russian):
    extraction = extract(russian, "Сегодня, 12 марта, Кировский райсуд рассмотрел дело Ивана "
                                  "Петрова. Заседание длилось пять часов. Судья назначил Петрову "
                                  "штраф.")
    assert only(extraction, "sentence").date == "2022-03-12"
    convicted = extract(russian, "Приговор Ивану Петрову вынес Кировский суд Самары 4 апреля. "
                                 "Петрова признали виновным в хулиганстве.")
    assert only(convicted, "conviction").date == "2022-04-04"
    later = extract(russian, "Кировский райсуд 12 марта рассмотрел дело Ивана Петрова. Прошло "
                             "два месяца. Адвокаты подали жалобу. Иван Петров был признан "
                             "виновным.")
    assert only(later, "conviction").date is None  # too far on to be that day's


def test_a_numbered_facility_in_a_city_is_the_place(russian):
    moved = extract(russian, "Политик Иван Петров, которого в мае этапировали из СИЗО-2, "
                             "находится в колонии строгого режима № 3 в Перми.")
    assert only(moved, "transfer").place == "колония строгого режима № 3 в Перми"
    freed = extract(russian, "Мария Соколова освободилась из ИК-4 в Мордовии.")
    assert only(freed, "release").place == "ИК-4 в Мордовии"
    city = extract(russian, "Ивана Петрова этапировали в Пермь.")
    assert only(city, "transfer").place == "Пермь"


def test_the_years_of_a_ban_are_no_prison_term(russian):
    extraction = extract(russian, "Суд приговорил Ивана Петрова к четырём годам колонии. Ему "
                                  "также назначено наказание в форме запрета заниматься "
                                  "журналистикой на два года.")
    assert [e.term_months for e in events_of(extraction, "sentence")] == [48]


def test_each_of_a_coordinated_verdict_is_its_persons(russian):
    extraction = extract(russian, "Суд признал Марию Петрову и Анну Смирнову виновными в "
                                  "хулиганстве и приговорил каждую к пяти годам колонии.")
    [event] = events_of(extraction, "sentence")
    assert len(event.persons) == 2 and event.term_months == 60


def test_a_court_named_again_is_the_court_named_in_full_before(russian):
    extraction = extract(russian, "Кировский суд Самары начал рассматривать дело Ивана Петрова. "
                                  "Кировский райсуд заслушал свидетелей. Судья назначил Петрову "
                                  "штраф.")
    assert only(extraction, "sentence").agent == "Кировский суд Самары"


def test_a_word_typed_in_two_alphabets_is_read_in_one(russian):
    # "Cуд" below opens with a Latin C
    extraction = extract(russian, "Cуд приговорил Ивана Петрова к пяти годам колонии.")
    sentence = only(extraction, "sentence")
    assert sentence.term_months == 60
    assert sentence.evidence.startswith("Cуд")  # quoted as written


# Sixth round (rules habeas.rules.ru.v6)

def test_a_participle_the_tagger_reads_as_a_noun_tells_its_verdict(russian):
    extraction = extract(russian, "Блогер Иван Петров, осуждённый в марте 2021 года на три года "
                                  "колонии по обвинению в оправдании терроризма, освободился в "
                                  "понедельник. Его приговорили к трём годам в 2021 году.",
                         published="2023-05-10")
    sentence = only(extraction, "sentence")  # the later, vaguer telling is the same verdict
    assert (sentence.date, sentence.term_months) == ("2021-03", 36)
    assert sentence.charge == "оправдание терроризма"
    release = only(extraction, "release")
    assert (release.date, release.agent) == ("2023-05-08", None)  # not the verdict's month


def test_two_verdicts_of_one_year_are_not_made_one(russian):
    extraction = extract(russian, "В мае 2019 года Ивана Петрова приговорили к трём годам "
                                  "колонии. В 2019 году его также приговорили к двум годам условно.")
    assert sorted(e.term_months for e in events_of(extraction, "sentence")) == [24, 36]


def test_a_surname_read_as_a_place_is_the_person_named_before(russian):
    # natasha tags the second "Галиеву" as a place
    extraction = extract(russian, "Утром в Казани задержали Лейлу Галиеву и Петра Зуева. На "
                                  "Зуева составили протокол о неповиновении полиции. В тот же "
                                  "день на Галиеву составили протокол о дискредитации армии.")
    names = {p.id: p.name for p in extraction.persons}
    charges = {names[e.persons[0]]: e for e in events_of(extraction, "charge")}
    assert set(charges) == {"Лейла Галиева", "Петр Зуев"}
    assert charges["Лейла Галиева"].charge == "дискредитация армии"
    assert charges["Лейла Галиева"].place is None  # the surname is no place


def test_a_closing_source_reaches_an_ellipsis_and_the_sentence_it_borrows_from(russian):
    extraction = extract(russian, "Утром задержали Ольгу Мельникову и Петра Зуева. На Зуева "
                                  "составили протокол о неповиновении полиции. На Мельникову — "
                                  "о дискредитации армии. Об этом сообщает «Штаб».")
    charges = events_of(extraction, "charge")
    assert len(charges) == 2 and {e.attributed_to for e in charges} == {"Штаб"}


def test_each_person_of_a_list_of_charges_takes_the_one_told_after_the_name(russian):
    extraction = extract(russian, "На девятерых задержанных составили протоколы по статье 20.2 "
                                  "КоАП (за участие в шествии), на Ивана Петрова — по статье "
                                  "20.2 КоАП (за организацию шествия).")
    assert only(extraction, "charge").charge == "организация шествия"
    single = extract(russian, "На Ивана Петрова составили протокол по статье 20.2 КоАП (за "
                              "организацию шествия).")
    assert only(single, "charge").charge == "организация шествия"


def test_a_court_session_told_in_the_present_is_on_the_reports_day(russian):
    now = extract(russian, "Заседание по делу Ивана Петрова проходит в Ленинском районном суде "
                           "Омска.", published="2023-05-10")
    assert only(now, "trial").date == "2023-05-10"
    past = extract(russian, "Заседание по делу Ивана Петрова прошло в Ленинском районном суде "
                            "Омска.", published="2023-05-10")
    assert only(past, "trial").date is None  # the publication date alone dates nothing


def test_the_first_person_of_a_quotation_is_the_one_quoted(russian):
    extraction = extract(russian, "Активист Иван Петров рассказал адвокату о побоях в колонии. "
                                  "10 мая его избил начальник отряда Олег Сидоров. «Потом меня "
                                  "долго не выпускали из карцера, — рассказал он. — 12 мая "
                                  "пришли охранники, сковали мне руки и подвесили за наручники. "
                                  "Так я провисел час».", published="2023-06-01")
    names = {p.id: p.name for p in extraction.persons}
    beatings = sorted(events_of(extraction, "ill_treatment"), key=lambda e: e.date)
    assert [e.date for e in beatings] == ["2023-05-10", "2023-05-12"]
    hanged = beatings[1]
    assert [names[pid] for pid in hanged.persons] == ["Иван Петров"]
    assert hanged.agent == "охранники"  # the subject of the verb it is coordinated with
    assert hanged.attributed_to == "Иван Петров"  # "он" who speaks: not the official



def test_where_a_released_person_served_told_next_is_the_place_left(russian):
    extraction = extract(russian, "Активистка Анна Смирнова вышла на свободу в пятницу. Она "
                                  "отбывала срок в ИК-4 в Мордовии.", published="2023-06-02")
    assert only(extraction, "release").place == "ИК-4 в Мордовии"
    other = extract(russian, "Активистка Анна Смирнова вышла на свободу в пятницу. Её муж "
                             "Олег Смирнов отбывает срок в ИК-4 в Мордовии.",
                    published="2023-06-02")
    assert only(other, "release").place is None  # another person's colony


def test_an_organisation_named_short_takes_its_fuller_name(russian):
    from habeas.model import Document

    text = ("«Гражданский щит» признал Ивана Петрова политзаключённым. Ранее правозащитное "
            "объединение «Гражданский щит» требовало его освободить.")
    told = extract(russian, text)
    assert only(told, "designation").agent == "правозащитное объединение «Гражданский щит»"
    own = russian.extract(Document(text="«Гражданский щит» признал Ивана Петрова "
                                        "политзаключённым.", source="test",
                                   published="2022-05-08", language="ru",
                                   outlet="Правозащитный центр «Гражданский щит»"))
    assert only(own, "designation").agent == "Правозащитный центр «Гражданский щит»"
    two = extract(russian, "«Гражданский щит» признал Ивана Петрова политзаключённым. Фонд "
                           "«Гражданский щит» и движение «Гражданский щит» - разные группы.")
    assert only(two, "designation").agent == "Гражданский щит"  # which one is not said


def test_a_verdict_nouns_dative_is_the_one_sentenced(russian):
    extraction = extract(russian, "Анна Смирнова видела Ольгу Белову в СИЗО дважды: 3 мая — "
                                  "перед вынесением приговора самой Анне.", published="2023-06-02")
    names = {p.id: p.name for p in extraction.persons}
    assert [names[pid] for pid in only(extraction, "sentence").persons] == ["Анна Смирнова"]


def test_a_participle_tagged_as_a_name_is_no_person(russian):
    # natasha tags the opening participle as a name
    extraction = extract(russian, "Похудевшая, но спокойная. Такой вышла из колонии Анна "
                                  "Смирнова.")
    assert [p.name for p in extraction.persons] == ["Анна Смирнова"]


def test_subjected_to_abuse_where_a_relative_clause_says(russian):
    extraction = extract(russian, "Ивана Петрова похитили в Москве. После похищения его увезли "
                                  "в Грозный, где удерживали и подвергали унижающему "
                                  "достоинство обращению.")
    abuse = only(extraction, "ill_treatment")
    assert abuse.place == "Грозный"  # the place the "где" clause hangs from
    criticised = extract(russian, "Депутаты подвергли критике решение суда по делу Ивана "
                                  "Петрова.")
    assert events_of(criticised, "ill_treatment") == []


def test_detentions_after_dated_searches_are_of_that_day(russian):
    extraction = extract(russian, "5 марта 2020 года сотрудники ФСБ провели обыски у Ивана "
                                  "Петрова и Олега Смирнова. Петров и Смирнов были задержаны, а "
                                  "7 марта арестованы.", published="2021-01-10")
    arrests = sorted(events_of(extraction, "arrest"), key=lambda e: e.extras.get("custody", 0))
    assert [e.date for e in arrests] == ["2020-03-05", "2020-03-07"]
    later = extract(russian, "5 марта 2020 года у Ивана Петрова прошли обыски. Через месяц его "
                             "задержали.", published="2021-01-10")
    assert only(later, "arrest").date is None  # time has passed: another day


def test_a_place_told_again_carries_the_narratives_date(russian):
    extraction = extract(russian, "Анна Смирнова давно помогала беженцам. В 2021 году она "
                                  "поехала на российско-казахстанскую границу с гуманитарным "
                                  "грузом. Что она везла, неизвестно. Но на границе её "
                                  "задержали.", published="2023-05-05")
    arrest = only(extraction, "arrest")
    assert (arrest.date, arrest.place) == ("2021", "российско-казахстанская граница")
    far = extract(russian, "Анна Смирнова давно помогала беженцам. В 2021 году она поехала на "
                           "границу. Она везла лекарства. Её муж остался дома. Дети болели. "
                           "На границе её задержали.", published="2023-05-05")
    assert only(far, "arrest").date is None  # too far on to be the same journey


def test_a_verdict_spoken_of_as_passed_dates_the_verdict_told_next(russian):
    extraction = extract(russian, "12 мая 2022 года областной суд оставил без изменения "
                                  "приговор, вынесенный Ленинским районным судом в феврале 2022 "
                                  "года. Суд признал Ивана Петрова виновным и приговорил его к "
                                  "двум годам колонии.", published="2022-06-01")
    assert only(extraction, "appeal").date == "2022-05-12"
    assert only(extraction, "sentence").date == "2022-02"
    assert only(extraction, "conviction").date == "2022-02"


def test_the_opening_of_a_case_as_a_noun_and_its_reason(russian):
    extraction = extract(russian, "Поводом для возбуждения уголовного дела против журналиста "
                                  "Ивана Петрова в Самаре стала статья о войне, за которую его "
                                  "уже штрафовали.")
    charge = only(extraction, "charge")
    assert (charge.charge, charge.place) == ("статья о войне", "Самара")
    hatred = extract(russian, "Ивану Петрову грозит срок за возбуждение ненависти.")
    assert all(e.charge == "возбуждение ненависти" for e in events_of(hatred, "charge"))


def test_what_protesters_picketed_is_where(russian):
    extraction = extract(russian, "Вчера Иван Петров и Олег Смирнов пикетировали здание "
                                  "правительства Дагестана.", published="2022-06-01")
    protest = only(extraction, "protest")
    assert (protest.date, protest.place) == ("2022-05-31", "здание правительства Дагестана")


def test_a_transfers_destination_stops_before_its_relative_clause(russian):
    extraction = extract(russian, "Анну Смирнову задержали 5 марта. Её доставили в ОВД "
                                  "«Тверской», где составили протокол о дискредитации армии. "
                                  "Ивана Петрова этапировали в колонию, которая находится в "
                                  "Мордовии.", published="2024-03-10")
    places = {e.place for e in events_of(extraction, "transfer")}
    assert places == {"ОВД «Тверской»", "Мордовия"}


def test_the_next_day_is_the_day_after_the_one_told(russian):
    extraction = extract(russian, "Анну Смирнову задержали 5 марта. На следующий день Тверской "
                                  "районный суд арестовал её на 10 суток.", published="2024-03-20")
    assert only(extraction, "arrest").date == "2024-03-05"
    assert only(extraction, "sentence").date == "2024-03-06"


# Seventh round (rules habeas.rules.ru.v7)

def names_of(extraction, event):
    return [extraction.person(pid).name for pid in event.persons]


def test_terms_told_person_by_person_after_the_verb(russian):
    extraction = extract(russian, "Ивану Петрову назначили шесть лет колонии, Олегу Смирнову — "
                                  "пять лет, Анне Зуевой — три года условно.")
    terms = {names_of(extraction, e)[0]: e.term_months for e in events_of(extraction, "sentence")}
    assert terms == {"Иван Петров": 72, "Олег Смирнов": 60, "Анна Зуева": 36}
    brothers = extract(russian, "Суд приговорил Марата Ахметова к восьми годам, а его брата "
                                "Рената Ахметова — к шести годам.")
    terms = {names_of(brothers, e)[0]: e.term_months for e in events_of(brothers, "sentence")}
    assert terms == {"Марат Ахметов": 96, "Ренат Ахметов": 72}
    apposition = extract(russian, "Суд приговорил Ивана Петрова — бывшего главу района — к пяти "
                                  "годам.")
    assert only(apposition, "sentence").term_months == 60


def test_a_verdict_told_of_a_group_before_the_terms_is_each_persons(russian):
    extraction = extract(russian, "Приговор фигурантам дела огласили 14 марта. Алексей Орлов "
                                  "получил семь лет колонии, Игорь Соколов — шесть лет.")
    verdicts = events_of(extraction, "sentence")  # no third verdict of both without a term
    assert sorted((names_of(extraction, e)[0], e.term_months, e.date) for e in verdicts) == [
        ("Алексей Орлов", 84, "2022-03-14"), ("Игорь Соколов", 72, "2022-03-14")]
    court = extract(russian, "Суд приговорил Сергея Кузнецова и Павла Лебедева по делу о "
                             "хулиганстве. Кузнецов получил пять лет колонии, Лебедев — три года "
                             "условно.")
    verdicts = events_of(court, "sentence")
    assert sorted((names_of(court, e)[0], e.term_months) for e in verdicts) == [
        ("Павел Лебедев", 36), ("Сергей Кузнецов", 60)]
    assert {(e.agent, e.charge) for e in verdicts} == {("Суд", "хулиганство")}


def test_a_status_participle_used_as_a_noun_tells_what_happened(russian):
    extraction = extract(russian, "Осуждённый по делу «Хизб ут-Тахрир» Эрнест Ибрагимов "
                                  "объявил голодовку.")
    conviction = only(extraction, "conviction")
    assert (names_of(extraction, conviction), conviction.charge) == (
        ["Эрнест Ибрагимов"], "«Хизб ут-Тахрир»")
    mother = extract(russian, "Иван Петров отбывает срок в Коми. 5 мая мать осуждённого "
                              "рассказала, что его избили.")
    conviction = only(mother, "conviction")
    assert names_of(mother, conviction) == ["Иван Петров"] and conviction.date is None
    accused = extract(russian, "Обвиняемого в госизмене учёного Петра Зуева перевели в "
                               "больницу.")
    assert only(accused, "charge").charge == "госизмена"
    group = extract(russian, "Ивана Петрова задержали в Омске. Старшему из осуждённых по этому "
                             "делу 40 лет.")
    assert events_of(group, "conviction") == [] and events_of(group, "sentence") == []


def test_the_named_members_of_a_counted_group(russian):
    among = extract(russian, "Вчера в Гомеле задержали 12 человек, среди них Павел Савицкий.")
    assert names_of(among, only(among, "arrest")) == ["Павел Савицкий"]
    including = extract(russian, "В Минске силовики задержали пятерых журналистов, в том числе "
                                 "Анну Петрову и Олега Зуева.")
    assert names_of(including, only(including, "arrest")) == ["Анна Петрова", "Олег Зуев"]
    dash = extract(russian, "Полицейские задержали двоих участников акции — Марию Ким и Дениса "
                            "Орлова. Задержанных отпустили около полуночи.")
    assert names_of(dash, only(dash, "arrest")) == ["Мария Ким", "Денис Орлов"]
    assert names_of(dash, only(dash, "release")) == ["Мария Ким", "Денис Орлов"]


def test_the_genitive_of_an_event_noun_is_its_person(russian):
    extraction = extract(russian, "После приговора Игоря Волкова этапировали в Красноярский "
                                  "край.")
    transfer = only(extraction, "transfer")
    assert (names_of(extraction, transfer), transfer.place) == (["Игорь Волков"],
                                                                "Красноярский край")
    assert only(extraction, "sentence").place is None  # the verb's place, not the verdict's
    defence = extract(russian, "Иван Петров получил три года. Защита Кузнецова обжаловала "
                               "приговор.")
    assert names_of(defence, only(defence, "appeal")) == ["Кузнецов"]


def test_verbs_of_the_other_aspect_and_of_missing_events(russian):
    extraction = extract(russian, "Юрия Павленко судили заочно. Ранее Павленко дважды "
                                  "штрафовали за пикеты, у него обыскивали квартиру. Судя по "
                                  "всему, он уехал.")
    assert {e.type for e in extraction.events} >= {"trial", "sentence", "search"}
    assert len(events_of(extraction, "trial")) == 1
    care = extract(russian, "Эдема Бекирова, страдающего диабетом, не пускают к врачу. В колонии "
                            "Бекирову отказывают в медицинской помощи.")
    assert [e.negated for e in events_of(care, "ill_treatment")] == [False]
    overturned = extract(russian, "Кассационный суд отменил приговор Петру Кравцову.")
    assert only(overturned, "appeal").agent == "Кассационный суд"


def test_a_measure_of_restraint_is_a_remand_in_custody(russian):
    extraction = extract(russian, "Киевский районный суд Симферополя избрал Энверу Сеитову меру "
                                  "пресечения в виде заключения под стражу.")
    arrest = only(extraction, "arrest")
    assert names_of(extraction, arrest) == ["Энвер Сеитов"]
    assert arrest.agent.startswith("Киевский районный суд")


def test_what_is_no_event_here(russian):
    prosecution = extract(russian, "Сторона обвинения запросила для Кузнецова восемь лет.")
    assert prosecution.events == []
    cell = extract(russian, "Ивана Петрова выпустили из ШИЗО через неделю.")
    assert events_of(cell, "release") == []
    order = extract(russian, "Суд арестовал Рустама Назарова на 10 суток и постановил выдворить "
                             "его из страны.")
    assert events_of(order, "transfer") == []
    served = extract(russian, "Михаила Лобанова отпустили после отбытия административного "
                              "ареста.")
    assert events_of(served, "arrest") == [] and len(events_of(served, "sentence")) == 1


def test_a_described_charge_stops_where_the_next_clause_starts(russian):
    verdict = extract(russian, "Суд признал Ирину Белову виновной в распространении «фейков» об "
                               "армии и назначил ей штраф.")
    assert only(verdict, "conviction").charge == "распространение «фейков» об армии"
    freed = extract(russian, "Обвиняемая в госизмене Светлана Давыдова отпущена из СИЗО.")
    assert only(freed, "charge").charge == "госизмена"
    opened = extract(russian, "Против Ивана Сидорова возбудили уголовное дело о повторной "
                              "«дискредитации» армии.")
    assert only(opened, "charge").charge == "повторная «дискредитация» армии"


def test_justifying_terrorism_is_no_acquittal_and_the_eve_is_no_day(russian):
    extraction = extract(russian, "Накануне освобождения против Азата Мифтахова возбудили новое "
                                  "дело об оправдании терроризма.")
    charge = only(extraction, "charge")
    assert (charge.charge, charge.date) == ("оправдание терроризма", None)
    assert all(e.release_mode != "acquittal" for e in extraction.events)


def test_names_in_the_nominative_where_natasha_keeps_the_case(russian):
    extraction = extract(russian, "Жительницу Петербурга Александру Скочиленко приговорили к "
                                  "семи годам. В Киевском суде продолжился процесс по делу Ремзи "
                                  "Бекирова. Суд продлил арест Энверу Сеитову.")
    assert {p.name for p in extraction.persons} == {"Александра Скочиленко", "Ремзи Бекиров",
                                                    "Энвер Сеитов"}
    assert extraction.persons[0].gender == "female"


def test_an_agent_in_quotes_is_closed(russian):
    extraction = extract(russian, "Правозащитный центр «Весна» признал политзаключённой Ольгу "
                                  "Маркевич.")
    assert only(extraction, "designation").agent == "Правозащитный центр «Весна»"


def test_out_of_a_colony_is_a_release_and_a_participles_date_is_its_own(russian):
    extraction = extract(russian, "Жительница Брянска Анна Кольцова, осуждённая в 2021 году на "
                                  "два года колонии, вышла на свободу. Азат Мифтахов вышел из "
                                  "колонии 2 сентября.")
    releases = {names_of(extraction, e)[0]: e for e in events_of(extraction, "release")}
    assert releases["Анна Кольцова"].date is None  # not the verdict's year
    assert (releases["Азат Мифтахов"].date, releases["Азат Мифтахов"].place) == (
        "2021-09-02", "колония")


def test_an_ordinal_tells_another_occurrence(russian):
    extraction = extract(russian, "«Меня били три дня», — рассказал Петр Волков. После третьего "
                                  "избиения ему сломали руку прямо в камере изолятора.")
    beatings = events_of(extraction, "ill_treatment")
    assert len(beatings) == 2
    assert beatings[1].place == "камера изолятора"


def test_a_term_of_one_year_told_without_a_number(russian):
    extraction = extract(russian, "Пенсионерку Нину Бахтину приговорили к году колонии.")
    assert only(extraction, "sentence").term_months == 12


def test_sources_told_as_known_to_or_said_in_a_body(russian):
    known = extract(russian, "Как стало известно «Крымской солидарности», 14 марта в Джанкое "
                             "задержали Асана Ахтемова.")
    assert only(known, "arrest").attributed_to == "Крымская солидарность"
    office = extract(russian, "Ивана Петрова не задерживали, сообщили в пресс-службе МВД.")
    assert only(office, "arrest").attributed_to == "пресс-служба МВД"
    channel = extract(russian, "Ивана Петрова избили в колонии, написали в телеграм-канале.")
    assert only(channel, "ill_treatment").attributed_to is None


def test_a_court_that_sends_to_a_remand_prison_remands(russian):
    extraction = extract(russian, "В Новосибирске суд отправил в СИЗО лидера местного штаба "
                                  "Сергея Бойко.")
    arrest = only(extraction, "arrest")
    assert (arrest.place, arrest.agent) == ("Новосибирск", "суд")
    assert events_of(extraction, "transfer") == []


def test_how_an_event_came_is_no_event_of_its_own(russian):
    extraction = extract(russian, "Журналист Андрей Кузнечик был освобождён 22 сентября по "
                                  "помилованию Лукашенко.")
    release = only(extraction, "release")
    assert (names_of(extraction, release), release.release_mode) == (["Андрей Кузнечик"],
                                                                     "pardon")


def test_a_lighter_punishment_on_appeal_and_food_withheld(russian):
    lighter = extract(russian, "Апелляционный суд смягчил наказание Ивану Петрову до пяти лет.")
    assert only(lighter, "appeal").agent == "Апелляционный суд"
    assert only(lighter, "sentence").term_months == 60
    hungry = extract(russian, "Олег Зуев сообщил, что в ИВС его не кормили.")
    beaten = only(hungry, "ill_treatment")
    assert (beaten.negated, beaten.place) == (False, "ИВС")


def test_a_participle_opening_a_sentence_is_no_part_of_the_name(russian):
    extraction = extract(russian, "Осуждённого Зуева перевели из колонии в Коми в тюрьму во "
                                  "Владимире.")
    assert [p.name for p in extraction.persons] == ["Зуев"]
    assert only(extraction, "transfer").place == "тюрьма во Владимире"  # with its town (v14)


def test_among_the_detained_is_of_the_detention_told_before(russian):
    extraction = extract(russian, "В Москве 21 апреля задержали 40 человек. Среди задержанных — "
                                  "журналист Иван Петров.")
    arrest = only(extraction, "arrest")
    assert (arrest.date, arrest.place) == ("2022-04-21", "Москва")


def test_grounds_for_closing_a_case_are_no_charge_and_limitation_no_term(russian):
    extraction = extract(russian, "Асан Ахтемов не был осуждён: дело прекратили за истечением "
                                  "срока давности.")
    conviction = only(extraction, "conviction")
    assert conviction.negated and events_of(extraction, "sentence") == []
    assert only(extraction, "charges_dropped").charge is None


def test_a_noun_of_the_verbs_own_event_is_how_it_came(russian):
    extraction = extract(russian, "Илья Яшин, Владимир Кара-Мурза и Андрей Пивоваров вышли на "
                                  "свободу в результате обмена.")
    release = only(extraction, "release")
    assert (len(release.persons), release.release_mode) == (3, "exchange")


def test_a_former_official_is_a_person_things_happen_to(russian):
    extraction = extract(russian, "Бывшего полицейского из Бахчисарая Дилявера Гафарова "
                                  "приговорили к 13 годам.")
    assert names_of(extraction, only(extraction, "sentence")) == ["Дилявер Гафаров"]


def test_a_mans_given_name_in_a_and_his_surname_in_the_accusative(russian):
    extraction = extract(russian, "В Крыму задержали троих — Эскендера Бариева, Ризу Изетова и "
                                  "Шевкета Асанова.")
    assert [p.name for p in extraction.persons] == ["Эскендер Бариев", "Риза Изетов",
                                                    "Шевкет Асанов"]


def test_being_held_is_custody_dated_by_its_own_words(russian):
    extraction = extract(russian, "Суд над Анной Ивановой начался в мае, а всего в заключении "
                                  "Анна удерживается почти год.")
    assert only(extraction, "arrest").date is None
    assert only(extraction, "trial").date == "2022-05"
    where = extract(russian, "После похищения Ивана Петрова доставили в Грозный, где его "
                             "удерживали две недели.")
    assert only(where, "arrest").place == "Грозный"


def test_a_bracketed_word_is_no_object_of_a_verb_outside_the_brackets(russian):
    # the parse as slovnet gave it for a report's sentence: "химию", in brackets, hung on the
    # verb after them as its object (built by hand: the parser does this on some texts only)
    from habeas.nlp.lang.ru.events import participants
    from habeas.nlp.lang.ru.syntax import Sentence, Word

    text = "Её осудили (так называемую химию), после чего освободили."
    rows = [("Её", "она", "PRON", 1, "obj"), ("осудили", "осудить", "VERB", None, "root"),
            ("(", "(", "PUNCT", 4, "punct"), ("так", "так", "ADV", 4, "advmod"),
            ("называемую", "называть", "VERB", 5, "acl"), ("химию", "химия", "NOUN", 9, "obj"),
            (")", ")", "PUNCT", 5, "punct"), (",", ",", "PUNCT", 9, "punct"),
            ("после", "после", "ADP", 9, "case"), ("освободили", "освободить", "VERB", 1,
                                                    "parataxis"), (".", ".", "PUNCT", 1, "punct")]
    words, at = [], 0
    for i, (form, lemma, pos, head, rel) in enumerate(rows):
        start = text.index(form, at)
        at = start + len(form)
        feats = {"Animacy": "Inan", "Case": "Acc"} if form == "химию" else {}
        words.append(Word(i=i, text=form, lemma=lemma, pos=pos, feats=feats, head=head, rel=rel,
                          start=start, end=at))
    sentence = Sentence(text=text, start=0, words=words)
    # the object in brackets would make the release one of no person (None); without it, the
    # release is of the report's person ([])
    assert participants(sentence, words[9], "release", 0, {}) == []


def test_a_verb_whose_object_is_left_out_and_a_term_after_k(russian):
    extraction = extract(russian, "Марию Пономаренко задержали в Петербурге в апреле 2021 года, "
                                  "а в феврале 2022 года приговорили к шести годам.")
    verdict = only(extraction, "sentence")
    assert (names_of(extraction, verdict), verdict.date, verdict.term_months) == (
        ["Мария Пономаренко"], "2022-02", 72)


def test_an_outlet_with_a_dot_in_its_name(russian):
    extraction = extract(russian, "Как сообщает Крым.Реалии, в среду в Армянске задержали "
                                  "местного жителя Олега Прихода.")
    assert [p.name for p in extraction.persons] == ["Олег Приход"]
    assert only(extraction, "arrest").attributed_to == "Крым.Реалии"


def test_a_named_body_said_in_and_a_second_destination(russian):
    said = extract(russian, "В ОВД-Инфо сообщили, что задержанного Петра Зуева избивали в "
                            "отделе полиции.")
    assert only(said, "ill_treatment").attributed_to == "ОВД-Инфо"
    moved = extract(russian, "Эдема Бекирова этапировали в Ростов-на-Дону, а затем в "
                             "Новочеркасск.")
    assert [e.place for e in events_of(moved, "transfer")] == ["Ростов-на-Дону", "Новочеркасск"]


def test_a_death_the_sentence_places_in_custody(russian):
    extraction = extract(russian, "Смерть Эдема Бекирова в колонии подтвердили в ФСИН.")
    death = only(extraction, "death_in_custody")
    assert (death.place, death.attributed_to) == ("колония", "ФСИН")
    free = extract(russian, "Смерть Эдема Бекирова на свободе потрясла его друзей.")
    assert events_of(free, "death_in_custody") == []


def test_terms_person_by_person_with_the_unit_or_the_term_left_out(russian):
    extraction = extract(russian, "Сервер Мустафаев получил 14 лет, Эдем Смаилов — 13, Ремзи "
                                  "Бекиров — 19.")
    terms = sorted(e.term_months for e in events_of(extraction, "sentence"))
    assert terms == [156, 168, 228]
    fined = extract(russian, "Ивану Петрову дали шесть лет, Олегу Зуеву — штраф.")
    verdicts = {names_of(fined, e)[0]: e.term_months for e in events_of(fined, "sentence")}
    assert verdicts == {"Иван Петров": 72, "Олег Зуев": None}


def test_days_of_arrest_a_court_gives_and_a_given_name_in_a(russian):
    extraction = extract(russian, "Суд в Петербурге назначил Сергею Волкову 40 суток ареста за "
                                  "пост в соцсетях.")
    verdict = only(extraction, "sentence")
    assert (names_of(extraction, verdict), verdict.charge) == (["Сергей Волков"],
                                                               "пост в соцсетях")
    named = extract(russian, "Адвокат сообщил, что его подзащитных Ремзи Куку и Сейрана "
                             "Хайбуллаева этапировали в колонию в Оренбургской области.")
    assert "Сейран Хайбуллаев" in {p.name for p in named.persons}


def test_other_occasions_told_by_how_often_stay_apart(russian):
    extraction = extract(russian, "В Екатеринбурге суд приговорил к двум годам колонии поселения "
                                  "активиста Антона Буланова. Ранее Буланова дважды штрафовали за "
                                  "пикеты.")
    verdict, fines = events_of(extraction, "sentence")
    assert (verdict.term_months, verdict.charge) == (24, None)  # not the fines' charge
    assert (fines.term_months, fines.charge) == (None, "пикеты")


def test_a_source_in_quotes_is_closed_and_keeps_its_capitals(russian):
    extraction = extract(russian, "Правозащитники «Весны» сообщают о задержании в Гомеле "
                                  "пенсионера Виктора Зуева.")
    assert only(extraction, "arrest").attributed_to == "Правозащитники «Весны»"
    data = extract(russian, "По данным «ОВД-Инфо», Петра Волкова били дубинками.")
    assert only(data, "ill_treatment").attributed_to == "ОВД-Инфо"


# Eighth round (rules habeas.rules.ru.v8)

def test_a_custody_extended_is_a_remand_dated_by_its_own_day(russian):
    extended = extract(russian, "10 марта Октябрьский районный суд продлил срок содержания под "
                                "стражей Глебу Ершову и Марату Лапину до 9 июня.")
    remand = only(extended, "arrest")
    assert sorted(names_of(extended, remand)) == ["Глеб Ершов", "Марат Лапин"]
    assert (remand.date, remand.agent) == ("2022-03-10", "Октябрьский районный суд")
    assert remand.extras.get("custody")
    passive = extract(russian, "Срок ареста журналистки Веры Котовой продлён до 1 августа.")
    assert only(passive, "arrest").date is None  # the day it runs to is no day of the event
    kept = extract(russian, "Срок содержания под стражей Глеба Ершова продлён ещё на два месяца.")
    assert names_of(kept, only(kept, "arrest")) == ["Глеб Ершов"]
    home = extract(russian, "Суд продлил домашний арест Вере Котовой.")
    assert home.events == []  # kept at home: no custody


def test_years_to_be_served_told_in_the_future_are_the_term(russian):
    one = extract(russian, "Игоря Белова признали виновным в госизмене. Он проведёт в колонии "
                           "строгого режима 14 лет.")
    assert only(one, "sentence").term_months == 168
    both = extract(russian, "Лев Гусев получил четыре года, а самые большие сроки — у Ильи Зотова "
                            "и Яна Мухина: они проведут в колонии 11 и 12 лет соответственно.")
    terms = {names_of(both, e)[0]: e.term_months for e in events_of(both, "sentence")}
    assert terms == {"Лев Гусев": 48, "Илья Зотов": 132, "Ян Мухин": 144}
    served = extract(russian, "Игорь Белов провёл в СИЗО два года и вышел на свободу.")
    assert events_of(served, "sentence") == []


def test_where_a_person_is_held_is_where_an_event_of_custody_happens(russian):
    strike = extract(russian, "Политзаключённый Тимур Ахмедов, который сидит в колонии в "
                              "Кирове, объявил сухую голодовку.")
    assert only(strike, "hunger_strike").place == "колония в Кирове"  # with its town (v14)
    lived = extract(russian, "Тимура Ахмедова, жившего в Вологде, осудили на три года.")
    assert only(lived, "sentence").place is None  # where one lives is no place of a verdict
    located = extract(russian, "Сотрудники ФСБ задержали студентку Дину Лаврову в Смоленске.")
    assert only(located, "arrest").place == "Смоленск"  # hung on the person by the parser


def test_in_absentia_and_an_object_told_after_where_it_is_sent(russian):
    absentia = extract(russian, "Мещанский суд заочно заключил под стражу блогера Романа "
                                "Зайцева. Позже Эльвиру Ганиеву арестовали заочно.")
    arrests = events_of(absentia, "arrest")
    assert sorted(names_of(absentia, e)[0] for e in arrests) == ["Роман Зайцев",
                                                                  "Эльвира Ганиева"]
    assert arrests[0].agent == "Мещанский суд"
    after = extract(russian, "Суд заочно заключил под стражу Романа Зайцева.")
    assert names_of(after, only(after, "arrest")) == ["Роман Зайцев"]
    moved = extract(russian, "Полицейские доставили в отдел Романа Зайцева.")
    transfer = only(moved, "transfer")
    assert (names_of(moved, transfer), transfer.place) == (["Роман Зайцев"], "отдел")


def test_a_mans_surname_in_iya_keeps_it(russian):
    extraction = extract(russian, "Полиция задержала Автандила Квирия и Левана Шенгелию. Суд "
                                  "арестовал Петрова Георгия.")
    assert {p.name for p in extraction.persons} == {"Автандил Квирия", "Леван Шенгелия",
                                                    "Петров Георгий"}


def test_an_appeal_has_the_charge_of_its_own_words_only(russian):
    own = extract(russian, "Апелляционный суд отклонил жалобу блогера Кирилла Ершова на приговор "
                           "по делу о «дискредитации» армии.")
    assert only(own, "appeal").charge == "«дискредитация» армии"
    told = extract(russian, "Кирилла Ершова осудили на пять лет за участие в шествиях. В мае "
                            "апелляционный суд снизил срок до четырёх лет.")
    assert only(told, "appeal").charge is None
    assert {e.charge for e in events_of(told, "sentence")} == {"участие в шествиях"}


def test_terms_listed_without_a_verb_after_the_verdict(russian):
    listed = extract(russian, "Областной суд вынес приговор троим студентам. Сроки: Павел Шубин — "
                              "семь лет, Антон Ерин — пять, Денис Глазов — два года условно.")
    terms = {names_of(listed, e)[0]: e.term_months for e in events_of(listed, "sentence")}
    assert terms == {"Павел Шубин": 84, "Антон Ерин": 60, "Денис Глазов": 24}
    before = extract(russian, "Суд огласил приговоры. Семь лет — Павлу Шубину, пять — Антону "
                              "Ерину.")
    terms = {names_of(before, e)[0]: e.term_months for e in events_of(before, "sentence")}
    assert terms == {"Павел Шубин": 84, "Антон Ерин": 60}
    prepositions = extract(russian, "Суд приговорил Павла Шубина — к семи годам, Антона Ерина — к "
                                    "пяти.")
    terms = {names_of(prepositions, e)[0]: e.term_months
             for e in events_of(prepositions, "sentence")}
    assert terms == {"Павел Шубин": 84, "Антон Ерин": 60}


def test_becoming_a_defendant_is_a_charge_and_house_arrest_no_remand(russian):
    became = extract(russian, "Весной поэт Марк Ильин стал фигурантом уголовного дела о "
                              "«дискредитации» армии.")
    charge = only(became, "charge")
    assert (names_of(became, charge), charge.charge) == (["Марк Ильин"], "«дискредитация» армии")
    home = extract(russian, "Суд отправил Марка Ильина под домашний арест.")
    assert events_of(home, "arrest") == []


def test_the_day_a_remand_runs_to_dates_nothing(russian):
    extraction = extract(russian, "Суд отправил под арест Ахмеда Юнусова до 3 сентября. Его "
                                  "обвиняют в госизмене.")
    assert only(extraction, "arrest").date is None
    assert only(extraction, "charge").date is None


def test_a_body_named_by_its_abbreviation_is_the_agent(russian):
    national = extract(russian, "ФСБ России задержала в Херсоне волонтёра Тараса Гуменюка.")
    assert only(national, "arrest").agent == "ФСБ России"
    bare = extract(russian, "ЦПЭ задержал Тараса Гуменюка. Его отвезли в ИВС.")
    assert only(bare, "arrest").agent == "ЦПЭ"
    assert only(bare, "transfer").place == "ИВС"


def test_dates_of_a_season_a_weekday_with_its_adjective_and_an_ordinal_day(russian):
    season = extract(russian, "Эмиля Ганиева задержали летом 2020 года.", published="2022-05-08")
    assert only(season, "arrest").date == "2020"
    weekday = extract(russian, "В минувшую пятницу Эмиля Ганиева оштрафовали.",
                      published="2022-05-08")
    assert only(weekday, "sentence").date == "2022-05-06"
    ordinal = extract(russian, "Эмиля Ганиева задержали 7-го апреля.", published="2022-05-08")
    assert only(ordinal, "arrest").date == "2022-04-07"


def test_the_doers_named_after_the_verb_are_the_agent(russian):
    extraction = extract(russian, "Тимура Хасаншина, по словам его матери, избили конвоиры.")
    assert only(extraction, "ill_treatment").agent == "конвоиры"


def test_a_pardoner_named_after_the_verb_and_numbered_premises(russian):
    pardon = extract(russian, "Игоря Ласточкина помиловал Лукашенко.")
    release = only(pardon, "release")
    assert (names_of(pardon, release), release.agent) == (["Игорь Ласточкин"], "Лукашенко")
    death = extract(russian, "В ИК-5 умер политзаключённый Игорь Ласточкин.")
    assert only(death, "death_in_custody").place == "ИК-5"


def test_an_age_told_on_the_noun_beside_the_name_or_instead_of_it(russian):
    beside = extract(russian, "Среди помилованных — 41-летний инженер из Бреста Виталий Гордеев.")
    assert beside.persons[0].age == 41
    instead = extract(russian, "Вадима Корнеева судили в Пскове. Суд приговорил 58-летнего "
                               "учёного к пяти годам колонии.")
    assert instead.persons[0].age == 58


def test_a_persons_occupation_stands_for_the_person(russian):
    extraction = extract(russian, "Игоря Лаптева задержали в Рязани. В пятницу суд арестовал "
                                  "краеведа на два месяца.")
    arrests = events_of(extraction, "arrest")
    assert len(arrests) == 2 and all(names_of(extraction, e) == ["Игорь Лаптев"]
                                     for e in arrests)


def test_a_protest_told_in_a_participle_of_the_detained_takes_the_clauses_place(russian):
    extraction = extract(russian, "В Твери задержали Глеба Сорокина, вышедшего на пикет с "
                                  "листовками.")
    assert only(extraction, "protest").place == "Тверь"


def test_a_year_and_some_months_told_without_a_number_of_years(russian):
    verdict = extract(russian, "Суд приговорил Артура Беляева к году и девяти месяцам колонии.")
    assert only(verdict, "sentence").term_months == 21
    given = extract(russian, "Артур Беляев получил год и 2 месяца колонии-поселения.")
    assert only(given, "sentence").term_months == 14


# Ninth round (rules habeas.rules.ru.v9)

def test_a_relative_of_a_named_person_is_not_that_person(russian):
    supporter = extract(russian, "В Ярославле полиция задержала сторонников Олега Белова.")
    assert supporter.events == []  # his supporters, not named: no event of his
    son = extract(russian, "В Твери задержали Глеба Ершова, сына Марата Ершова.")
    assert names_of(son, only(son, "arrest")) == ["Глеб Ершов"]
    sister = extract(russian, "В Омске задержали сестру Веры Котовой.")
    assert sister.events == []
    own = extract(russian, "Задержали Нину Лосеву и её сына Тимура.")
    assert len(only(own, "arrest").persons) == 2  # "её сына Тимура": his own name
    brother = extract(russian, "Олег Белов объявил голодовку. Вчера полиция задержала его брата.")
    assert events_of(brother, "arrest") == []


def test_an_appeal_told_in_the_non_past_is_not_filed(russian):
    will = extract(russian, "Суд оправдал Глеба Ершова. Прокуратура заявила, что обжалует "
                            "приговор.")
    assert events_of(will, "appeal") == []
    done = extract(russian, "Суд оправдал Глеба Ершова. Прокуратура обжаловала приговор.")
    assert len(events_of(done, "appeal")) == 1


def test_a_protest_one_is_accused_of_is_no_protest_held(russian):
    accused = extract(russian, "Веру Котову задержали дома и обвинили в организации "
                               "массовых протестов.")
    assert events_of(accused, "protest") == []
    assert only(accused, "charge").charge == "организация массовых протестов"


def test_those_complicit_in_an_event_are_its_agent(russian):
    extraction = extract(russian, "Правозащитники уверены, что к похищению Тимура Ахмедова "
                                  "причастны сотрудники полиции.")
    assert only(extraction, "abduction").agent == "сотрудники полиции"


def test_an_event_of_the_headline_dated_in_the_text_lends_no_date_to_the_headline(russian):
    extraction = extract(russian, "Правозащитники признали политзаключённым похищенного Тимура "
                                  "Ахмедова\n\n23-летний модератор телеграм-канала был похищен "
                                  "в начале марта 2021 года.")
    assert only(extraction, "abduction").date == "2021-03"
    assert only(extraction, "designation").date is None
    assert extraction.persons[0].age == 23  # a moderator: the report's person


def test_the_speaker_named_after_the_outlet_told_and_a_poster_punished(russian):
    told = extract(russian, "Как сообщил «ОВД-Инфо» Степан Лавров, его задержали у входа в "
                            "парк за плакат «Миру мир».")
    assert {e.type for e in told.events} == {"arrest", "protest"}
    assert {e.attributed_to for e in told.events} == {"Степан Лавров"}
    fined = extract(russian, "Суд оштрафовал Веру Котову за плакат «Нет войне».")
    assert len(events_of(fined, "protest")) == 1


def test_an_outlet_in_quotes_and_the_name_after_its_comma(russian):
    extraction = extract(russian, "Как сообщила «Крымская солидарность», Эдема Бекирова "
                                  "задержали в Джанкое.")
    assert only(extraction, "arrest").attributed_to == "Крымская солидарность"


def test_a_march_taken_part_in_is_a_protest(russian):
    extraction = extract(russian, "Полиция утверждала, что Степан Лавров участвовал в "
                                  "несогласованном шествии.")
    assert only(extraction, "protest").attributed_to == "Полиция"
    topic = extract(russian, "По делу о шествии задержали Степана Лаврова.")
    assert events_of(topic, "protest") == []


def test_the_eve_is_the_day_before_the_day_just_told(russian):
    extraction = extract(russian, "Ленинский районный суд 9 апреля арестовал Степана Лаврова. "
                                  "Его задержали накануне во время обыска в офисе.")
    held = [e for e in events_of(extraction, "arrest") if not e.extras.get("custody")]
    assert [e.date for e in held] == ["2022-04-08"]
    assert only(extraction, "search").date == "2022-04-08"
    alone = extract(russian, "Степана Лаврова задержали накануне.")
    assert only(alone, "arrest").date == "2022-05-07"  # the day before the report


def test_a_protest_named_by_its_day_and_punished_later(russian):
    fined = extract(russian, "Степана Лаврова 3 мая оштрафовали за участие в митинге 12 апреля.")
    assert only(fined, "protest").date == "2022-04-12"
    assert only(fined, "sentence").date == "2022-05-03"
    undated = extract(russian, "Степана Лаврова оштрафовали за участие в шествии 12 апреля.")
    assert only(undated, "sentence").date is None  # the fine's day is not the march's
    held = extract(russian, "Веру Котову арестовали на десять суток за акцию 23 января.")
    assert only(held, "protest").date == "2022-01-23"
    there = extract(russian, "Веру Котову задержали на митинге 12 апреля.")
    assert {e.date for e in there.events} == {"2022-04-12"}  # detained at it: its day


def test_a_search_of_homes_is_placed_in_the_town_of_that_day(russian):
    homes = extract(russian, "Полицейские провели обыск в квартире Эдема Бекирова.")
    assert only(homes, "search").place is None  # the home searched is no place of it
    town = extract(russian, "Сотрудники ФСБ провели обыск в квартире Эдема Бекирова в Керчи.")
    assert only(town, "search").place == "Керчь"
    that_day = extract(russian, "2 марта в Керчи задержали Эдема Бекирова. В тот же день "
                                "силовики провели у него обыск.")
    assert (only(that_day, "search").date, only(that_day, "search").place) == (
        "2022-03-02", "Керчь")
    premises = extract(russian, "2 марта Эдема Бекирова задержали в отделе полиции. В этот "
                                "день силовики провели у него обыск.")
    assert only(premises, "search").place is None  # a town only, not the premises


def test_the_day_something_was_told_does_not_date_what_it_came_after(russian):
    told = extract(russian, "12 марта жена Тимура Ахмедова сообщила, что он ослаб после "
                            "голодовки.")
    assert only(told, "hunger_strike").date is None
    after = extract(russian, "Тимура Ахмедова задержали в марте 2021 года после обыска.")
    assert only(after, "search").date == "2021-03"  # one occasion: its month


def test_charges_dropped_in_part_or_whole(russian):
    part = extract(russian, "Тимура Ахмедова осудили на четыре года. Судья исключил из "
                            "обвинения эпизод о хранении оружия.")
    assert len(events_of(part, "charges_dropped")) == 1
    whole = extract(russian, "Следователи сняли обвинения с Тимура Ахмедова.")
    dropped = only(whole, "charges_dropped")
    assert (names_of(whole, dropped), dropped.agent) == (["Тимур Ахмедов"], "Следователи")
    assert events_of(whole, "charge") == []  # the charge noun dropped is none laid
    flight = extract(russian, "Тимура Ахмедова сняли с рейса и задержали.")
    assert events_of(flight, "charges_dropped") == []


def test_the_name_of_a_role_noun_in_anothers_description(russian):
    staff = extract(russian, "Суд арестовал Глеба Ершова, сотрудника фонда политика Марата "
                             "Лапина.")
    assert names_of(staff, only(staff, "arrest")) == ["Глеб Ершов"]  # the politician owns it
    plain = extract(russian, "Полиция задержала журналиста Марата Лапина.")
    assert names_of(plain, only(plain, "arrest")) == ["Марат Лапин"]


def test_one_more_person_counted_is_the_one_named_next(russian):
    fourth = extract(russian, "В Омске задержали Глеба Ершова. Вечером правозащитники "
                              "сообщили о задержании третьего пикетчика. Марат Лапин стоял "
                              "с плакатом у театра.")
    arrests = {tuple(names_of(fourth, e)) for e in events_of(fourth, "arrest")}
    assert arrests == {("Глеб Ершов",), ("Марат Лапин",)}
    unnamed = extract(russian, "В Омске задержали Глеба Ершова. Позже задержали ещё одного "
                               "активиста.")
    assert len(events_of(unnamed, "arrest")) == 1  # one more, named nowhere: not Ершов again


def test_a_surname_in_brackets_is_the_persons_other_surname(russian):
    extraction = extract(russian, "Суд приговорил журналистку Нину Лосеву (Гусеву) к двум "
                                  "годам колонии. Нина Гусева работала в газете.")
    [person] = extraction.persons
    assert person.name == "Нина Лосева" and "Нина Гусева" in person.aliases
    town = extract(russian, "Суд приговорил Тимура Ахмедова (Уфа) к году колонии.")
    assert [p.name for p in town.persons] == ["Тимур Ахмедов"]


def test_a_protest_punished_is_of_the_one_punished(russian):
    extraction = extract(russian, "Друзья Глеба Ершова пишут, что ему снова назначили "
                                  "наказание за акцию 23 января.")
    protest = only(extraction, "protest")
    assert (names_of(extraction, protest), protest.date) == (["Глеб Ершов"], "2022-01-23")
    assert protest.attributed_to == "Друзья Глеба Ершова"


def test_a_hearing_set_or_put_off_is_none_held(russian):
    held = extract(russian, "Суд над Тимуром Ахмедовым начался в апреле. Следующее заседание "
                            "назначено на 3 июня.")
    assert [e.date for e in events_of(held, "trial")] == ["2022-04"]
    put_off = extract(russian, "Заседание по делу Тимура Ахмедова отложили до 9 июня.")
    assert events_of(put_off, "trial") == []


def test_care_held_back_is_ill_treatment(russian):
    late = extract(russian, "В изоляторе Степану Лаврову стало плохо, но врача вызвали лишь "
                            "спустя сутки.")
    assert names_of(late, only(late, "ill_treatment")) == ["Степан Лавров"]
    soon = extract(russian, "Степану Лаврову стало плохо, врача вызвали через десять минут.")
    assert events_of(soon, "ill_treatment") == []


# Tenth round (rules habeas.rules.ru.v10)

def test_a_name_alone_on_its_line_heads_the_entry_that_follows(russian):
    extraction = extract(russian, "Правозащитники признали политзаключёнными Олега Белова и "
                                  "Веру Котову и Артура Беляева.\n\nОлег Белов\n45-летнего "
                                  "инженера задержали 3 мая 2022 года.\n\nВера Котова\nВ июне "
                                  "2023 года её оштрафовали за пикет.")
    assert names_of(extraction, only(extraction, "arrest")) == ["Олег Белов"]
    assert {p.name: p.age for p in extraction.persons}["Олег Белов"] == 45
    assert names_of(extraction, only(extraction, "sentence")) == ["Вера Котова"]


def test_the_subject_of_a_sentence_without_an_event_is_whom_the_next_one_tells_of(russian):
    extraction = extract(russian, "Глеба Ершова освободили. Вместе с ним освободили "
                                  "Артура Беляева. Ершов работал в местной газете. Сотрудники ФСБ задержали его в "
                                  "Омске в 2022 году.")
    assert names_of(extraction, only(extraction, "arrest")) == ["Глеб Ершов"]


def test_a_verdict_told_as_guilt_and_a_penalty_is_of_one_day(russian):
    extraction = extract(russian, "В мае 2021 года Веру Котову оштрафовали за пикет. 12 марта "
                                  "2024 года районный суд признал её виновной и назначил штраф "
                                  "в 50 тысяч рублей.")
    assert sorted(e.date for e in events_of(extraction, "sentence")) == ["2021-05", "2024-03-12"]


def test_a_time_is_no_place_one_is_taken_to(russian):
    extraction = extract(russian, "По словам адвоката, в четверг вечером Ивана Петрова "
                                  "доставили в районный суд.")
    assert only(extraction, "transfer").place == "районный суд"
    next_day = extract(russian, "Олега Смирнова задержали в Туле, на следующий день его "
                                "этапировали в Москву.")
    assert only(next_day, "transfer").place == "Москва"


def test_sent_to_a_remand_prison_without_a_court_named_is_a_remand(russian):
    unnamed = extract(russian, "Глеба Ершова задержали 3 мая и на следующий день отправили в "
                               "СИЗО.")
    assert sorted(e.date for e in events_of(unnamed, "arrest")) == ["2022-05-03", "2022-05-04"]
    assert events_of(unnamed, "transfer") == []
    court = extract(russian, "Артура Беляева доставили в городской суд, и тот отправил его в "
                             "СИЗО на два месяца.")
    assert len(events_of(court, "arrest")) == 1
    assert only(court, "transfer").place == "городской суд"
    colony = extract(russian, "Осуждённого Глеба Ершова отправили в колонию в Коми.")
    assert events_of(colony, "arrest") == []


def test_days_later_and_a_clause_of_its_own(russian):
    extraction = extract(russian, "Ивана Петрова и Олега Смирнова задержали в Омске 12 марта "
                                  "2020 года. Через два дня Ленинский районный суд Омска "
                                  "отправил их в СИЗО, а в июле обоих этапировали в Москву.")
    custody = [e for e in events_of(extraction, "arrest") if e.agent]
    assert [e.date for e in custody] == ["2020-03-14"]
    assert only(extraction, "transfer").date != "2020-03-14"


def test_a_lead_of_two_sentences_is_told_by_the_one_named_after_it(russian):
    extraction = extract(russian, "Областной суд приговорил Глеба Ершова к шести годам колонии. "
                                  "Его друг Артур Беляев получил два года условно. Об этом "
                                  "сообщила адвокат Вера Котова.")
    assert {e.attributed_to for e in events_of(extraction, "sentence")} == {"Вера Котова"}
    death = extract(russian, "В СИЗО умер Глеб Ершов. О смерти подзащитного сообщил его "
                             "адвокат Артур Беляев.")
    assert only(death, "death_in_custody").attributed_to == "Артур Беляев"


def test_a_paragraph_opened_by_whose_account_it_is_is_that_account(russian):
    extraction = extract(russian, "Глеба Ершова задержали в Омске, рассказала его мать Вера "
                                  "Котова.\n\nПо её словам, силовики пришли утром. В квартире "
                                  "провели обыск. Потом Глеба увезли в отдел полиции.\n\nСуд "
                                  "арестовал Ершова на два месяца.")
    assert only(extraction, "search").attributed_to == "Вера Котова"
    assert only(extraction, "transfer").attributed_to == "Вера Котова"
    assert [e.attributed_to for e in events_of(extraction, "arrest") if e.agent] == [None]


def test_the_speaker_after_a_relative_noun_and_its_owner(russian):
    extraction = extract(russian, "Ивана Петрова освободили из колонии в понедельник, "
                                  "рассказала «Вёрстке» дочь Олега Смирнова Мария.")
    assert only(extraction, "release").attributed_to == "Мария"


def test_a_role_noun_alone_speaks_for_the_one_named_with_it(russian):
    extraction = extract(russian, "Глеба Ершова защищает адвокат Артур Беляев. По словам "
                                  "адвоката, Ершова избили в ИВС.")
    assert only(extraction, "ill_treatment").attributed_to == "Артур Беляев"


def test_a_facility_is_named_with_its_adjectives_number_and_city(russian):
    died = extract(russian, "В понедельник в новосибирском СИЗО-1 умер Глеб Ершов.")
    assert only(died, "death_in_custody").place == "новосибирский СИЗО-1"
    beaten = extract(russian, "Ивана Петрова избили в СИЗО-2 Тамбова.")
    assert only(beaten, "ill_treatment").place == "СИЗО-2 Тамбова"
    freed = extract(russian, "Марию Соколову освободили из можайской женской колонии № 5.")
    assert only(freed, "release").place == "можайская женская колония № 5"


def test_a_town_in_a_takes_its_gender_from_its_adjective(russian):
    extraction = extract(russian, "Военный суд в подмосковной Власихе сократил срок Ивану "
                                  "Петрову.")
    assert only(extraction, "appeal").place == "Власиха"


def test_detained_on_an_accusation_is_accused_then(russian):
    extraction = extract(russian, "Ивана Петрова задержали 3 марта по обвинению в поджоге "
                                  "военкомата.")
    assert only(extraction, "charge").charge == "поджог военкомата"
    assert only(extraction, "charge").date == only(extraction, "arrest").date
    verdict = extract(russian, "Суд приговорил Ивана Петрова по обвинению в поджоге к трём "
                               "годам колонии.")
    assert events_of(verdict, "charge") == []


def test_a_name_of_god_in_a_faith_is_no_person(russian):
    extraction = extract(russian, "В Омске Свидетеля Иеговы Глеба Ершова приговорили к шести "
                                  "годам колонии.")
    assert [p.name for p in extraction.persons] == ["Глеб Ершов"]
    headline = extract(russian, "В Омске Свидетеля Иеговы приговорили к шести годам колонии\n\n"
                                "Суд приговорил Глеба Ершова к шести годам колонии.")
    assert [p.name for p in headline.persons] == ["Глеб Ершов"]


def test_sent_to_house_arrest_is_a_release_to_it(russian):
    extraction = extract(russian, "Ивана Петрова задержали в мае, после чего суд отправил его "
                                  "под домашний арест.")
    assert only(extraction, "release").release_mode == "house_arrest"
    assert len(events_of(extraction, "arrest")) == 1


def test_a_given_name_alone_is_the_person_named_so_in_full(russian):
    extraction = extract(russian, "Суд приговорил Виктора Белова к трём годам колонии. Его "
                                  "жену Веру Белову суд оправдал.\n\nДело против супругов "
                                  "возбудили в мае 2021 года. Виктора задержали и двое суток "
                                  "держали в изоляторе временного содержания.")
    arrest = only(extraction, "arrest")
    assert names_of(extraction, arrest) == ["Виктор Белов"]


def test_taken_into_custody_after_the_verdict_is_another_arrest(russian):
    extraction = extract(russian, "Олега Белова задержали и двое суток держали в ИВС. Суд "
                                  "приговорил его к трём годам колонии. После оглашения "
                                  "приговора Белова взяли под стражу в зале суда.")
    assert len(events_of(extraction, "arrest")) == 2


def test_terms_with_a_half_and_a_year_with_months_served(russian):
    half = extract(russian, "Суд приговорил Глеба Ершова к двум с половиной годам колонии.")
    assert only(half, "sentence").term_months == 30
    served = extract(russian, "Суд приговорил Олега Белова к году и двум месяцам колонии. "
                              "Белов провёл за решёткой год и два месяца.")
    assert {e.term_months for e in events_of(served, "sentence")} == {14}
    assert all(e.charge is None for e in served.events)  # "за решёткой": behind bars, no charge


def test_a_name_in_quotes_with_a_full_stop_inside_is_one_sentence(russian):
    extraction = extract(russian, "Проект «Защита узников. Право» признал политзаключённым "
                                  "Олега Белова.")
    assert only(extraction, "designation").evidence.startswith("Проект «Защита узников.")


def test_persons_listed_with_their_role_nouns_are_all_designated(russian):
    extraction = extract(russian, "Правозащитники признали политическими заключёнными жителя "
                                  "Перми Олега Белова, учительницу из Кирова Веру Котову и "
                                  "пенсионера из Самары Глеба Ершова.")
    assert sorted(names_of(extraction, only(extraction, "designation"))) == [
        "Вера Котова", "Глеб Ершов", "Олег Белов"]


def test_a_court_the_parser_hung_on_the_next_verb_still_remands(russian):
    extraction = extract(russian, "Ивана Петрова и Олега Смирнова задержали в Омске 12 марта "
                                  "2020 года после обысков в их домах. Через два дня Киевский "
                                  "районный суд Симферополя отправил их в СИЗО, а в июле 2020 "
                                  "года обоих этапировали в Ростов-на-Дону, где и проходил "
                                  "процесс.")
    assert len(events_of(extraction, "arrest")) == 2


def test_more_occupations_stand_for_the_reports_person(russian):
    extraction = extract(russian, "Веру Котову задержали в октябре 2022 года. В марте 2023 года "
                                  "областной суд осудил бухгалтера на три года колонии.")
    assert names_of(extraction, only(extraction, "sentence")) == ["Вера Котова"]


def test_a_relatives_own_name_after_the_owners_given_name():
    from habeas.nlp.lang.ru.persons import _owner_before_name
    from habeas.nlp.lang.ru.syntax import Sentence, Word

    def word(i, text, lemma, case, head, rel):  # "Мама Олега Светлана Белова рассказала"
        return Word(i=i, text=text, lemma=lemma, pos="NOUN" if i == 0 else "PROPN",
                    feats={"Case": case}, head=head, rel=rel, start=i * 10, end=i * 10 + 6)
    words = [word(0, "Мама", "мама", "Nom", 4, "nsubj"), word(1, "Олега", "олег", "Gen", 0,
                                                              "nmod"),
             word(2, "Светлана", "светлана", "Nom", 0, "appos"),
             word(3, "Белова", "белова", "Nom", 2, "flat:name"),
             Word(i=4, text="рассказала", lemma="рассказать", pos="VERB", feats={}, head=None,
                  rel="root", start=40, end=50)]
    sentence = Sentence(text="Мама Олега Светлана Белова рассказала", start=0, words=words)
    assert _owner_before_name(sentence, words[1:4])  # natasha's span of the three names
    assert not _owner_before_name(sentence, words[2:4])


def test_taken_out_of_a_colony_to_no_one_knows_where_is_a_transfer(russian):
    moved = extract(russian, "Олег Белов отбывал срок в колонии. «В понедельник его вывезли из "
                             "колонии в неизвестном направлении», — рассказала жена.")
    assert [e.type for e in moved.events] == ["transfer"]
    taken = extract(russian, "Ивана Петрова вывезли в неизвестном направлении.")
    assert [e.type for e in taken.events] == ["abduction"]


def test_what_no_one_knows_of_and_those_detained_before_are_no_events(russian):
    extraction = extract(russian, "Ивана Петрова задержали в Казани. В отделе полиции родным "
                                  "ответили, что о задержании Петрова им ничего не известно. У "
                                  "задержанных трое детей.")
    assert [(e.type, e.negated) for e in extraction.events] == [("arrest", False)]


def test_moved_to_a_ward_or_back_to_a_cell_is_a_transfer(russian):
    extraction = extract(russian, "По словам адвоката, Глеба Ершова перевели в медчасть, а "
                                  "затем вернули в общую камеру. В июле Веру Котову на месяц "
                                  "поместили в психиатрический стационар.")
    assert sorted(e.place for e in events_of(extraction, "transfer")) == [
        "медчасть", "общая камера", "психиатрический стационар"]


def test_more_relative_dates(russian):
    sunday = extract(russian, "В воскресенье районный суд арестовал Ивана Петрова.",
                     published="2024-03-11")
    assert only(sunday, "arrest").date == "2024-03-10"
    week = extract(russian, "На прошлой неделе Олега Белова этапировали в Москву.",
                   published="2024-07-03")
    assert only(week, "transfer").date == "2024-06"
    then = extract(russian, "Дело против Веры Котовой возбудили в сентябре 2021 года. Тогда в "
                            "Омске у неё прошёл обыск.")
    assert only(then, "search").date == "2021-09"
    month = extract(russian, "Глеба Ершова задержали в ноябре 2022 года. На следующий день "
                             "районный суд заключил его под стражу.")
    assert {e.date for e in events_of(month, "arrest")} == {"2022-11"}


def test_an_accusation_told_as_a_clause_and_a_month_after_guilty(russian):
    clause = extract(russian, "Олега Белова задержали 3 мая: его обвинили в том, что он якобы "
                              "бросил бутылку в полицейского.")
    assert only(clause, "charge").charge == "он якобы бросил бутылку в полицейского"
    month = extract(russian, "Областной суд признал Веру Котову виновной в январе 2024 года.")
    assert only(month, "conviction").charge is None


def test_channels_that_wrote_with_no_author_named_are_the_source(russian):
    extraction = extract(russian, "Олега Белова этапировали в колонию. В некоторых "
                                  "телеграм-каналах писали, что на этапе Олега избили.")
    assert only(extraction, "ill_treatment").attributed_to == "телеграм-каналы"
    own = extract(russian, "Олег Белов написал в своём телеграм-канале, что его избили.")
    assert only(own, "ill_treatment").attributed_to == "Олег Белов"


# Eleventh round (rules habeas.rules.ru.v11)

def test_sent_to_a_punishment_cell_again_and_again_is_a_transfer(russian):
    often = extract(russian, "Брат Олега Белова рассказал, что в колонии его трижды "
                             "отправляли в ШИЗО за мелкие нарушения.")
    assert only(often, "transfer").place == "ШИЗО"
    put = extract(russian, "В марте Ивана Петрова водворили в штрафной изолятор на 15 суток.")
    assert only(put, "transfer").place == "штрафной изолятор"


def test_the_destination_after_the_verb_is_the_one_gone_to(russian):
    extraction = extract(russian, "Сестра Ивана Петрова рассказала, что в медчасти ему "
                                  "отказывали в осмотре, а в мае его дважды отправляли в ШИЗО.")
    assert only(extraction, "transfer").place == "ШИЗО"
    assert len(events_of(extraction, "ill_treatment")) == 1  # care refused: "в осмотре"


def test_a_blow_is_ill_treatment(russian):
    extraction = extract(russian, "По словам адвоката, во время обыска Глеба Ершова повалили "
                                  "к стене и дважды ударили кулаком.")
    assert names_of(extraction, only(extraction, "ill_treatment")) == ["Глеб Ершов"]


def test_let_go_without_being_charged_is_a_charge_denied(russian):
    extraction = extract(russian, "Олега Белова обвиняют в призывах к экстремизму. Вместе с ним "
                                  "задержали Веру Котову, но вечером её отпустили без "
                                  "предъявления обвинения.")
    denied = [e for e in events_of(extraction, "charge") if e.negated]
    assert [names_of(extraction, e) for e in denied] == [["Вера Котова"]]
    assert denied[0].charge is None  # the other's accusation is not hers


def test_held_on_remand_is_custody(russian):
    held = extract(russian, "Дело против Глеба Ершова возбудили в марте. Сейчас он находится "
                            "в СИЗО-2 Омска.")
    assert only(held, "arrest").place is not None
    since = extract(russian, "Ивана Петрова задержали в январе, с тех пор он содержится в "
                             "СИЗО.", published="2024-05-08")
    custody = only(since, "arrest")
    assert (custody.date, custody.place) == ("2024-01", None)  # the detention, told on
    colony = extract(russian, "Олег Белов находится в колонии в Коми.")
    assert events_of(colony, "arrest") == []


def test_an_appeal_granted_is_an_appeal(russian):
    extraction = extract(russian, "Краевой суд удовлетворил апелляционное представление "
                                  "обвинения и дал Вере Котовой четыре года колонии.")
    assert names_of(extraction, only(extraction, "appeal")) == ["Вера Котова"]
    assert only(extraction, "sentence").term_months == 48


def test_a_plural_noun_or_a_fronted_their_is_the_group_before(russian):
    men = extract(russian, "Ивана Петрова и Олега Смирнова задержали 5 марта. Мужчин "
                           "доставили в отдел полиции.")
    assert sorted(names_of(men, only(men, "transfer"))) == ["Иван Петров", "Олег Смирнов"]
    their = extract(russian, "Вместе с Верой Котовой на скамье подсудимых были Олег Белов и "
                             "Глеб Ершов. Их суд приговорил к шести годам колонии каждого.")
    verdict = only(their, "sentence")
    assert sorted(names_of(their, verdict)) == ["Глеб Ершов", "Олег Белов"]
    assert verdict.agent == "суд"


def test_minutes_later_is_the_same_day(russian):
    extraction = extract(russian, "В воскресенье Вера Котова вышла с пикетом к зданию мэрии. "
                                  "Минут через пять её задержали.", published="2024-03-13")
    assert only(extraction, "arrest").date == "2024-03-10"
    took = extract(russian, "5 марта Ивана Петрова доставили в отдел полиции. Там ему стало "
                            "плохо, но врача вызвали только через три часа.")
    assert all(e.date is None for e in events_of(took, "ill_treatment"))


def test_a_relative_without_a_name_in_a_relatives_account(russian):
    extraction = extract(russian, "Олег Белов и Иван Петров вышли на пикет. Жена Ивана "
                                  "Петрова Мария рассказала, что в отделе мужа ударили по "
                                  "голове.")
    assert names_of(extraction, only(extraction, "ill_treatment")) == ["Иван Петров"]
    cell = extract(russian, "Мать Олега Белова Анна Белова сообщила правозащитникам, что в "
                            "лагере сына трижды водворяли в ШИЗО.")
    assert names_of(cell, only(cell, "transfer")) == ["Олег Белов"]


def test_members_named_after_among_them_share_the_groups_event(russian):
    extraction = extract(russian, "В колонии умер Олег Белов. Правозащитники признали "
                                  "политзаключёнными ещё 15 человек. Среди них — учительница "
                                  "Вера Котова и инженер Глеб Ершов.")
    designation = only(extraction, "designation")
    assert sorted(names_of(extraction, designation)) == ["Вера Котова", "Глеб Ершов"]
    detained = extract(russian, "В Гомеле 5 мая задержали 15 человек. Среди них — учительница "
                                "Вера Котова и инженер Глеб Ершов.")
    arrest = only(detained, "arrest")
    assert sorted(names_of(detained, arrest)) == ["Вера Котова", "Глеб Ершов"]
    assert (arrest.date, arrest.place) == ("2022-05-05", "Гомель")


def test_a_relative_clause_hangs_on_the_name_before_it(russian):
    extraction = extract(russian, "Среди них — учительница Вера Котова, которую в мае "
                                  "задержали в Гомеле, и инженер Глеб Ершов, которого осудили "
                                  "на три года за пикет.")
    assert names_of(extraction, only(extraction, "arrest")) == ["Вера Котова"]


def test_a_verdict_told_without_a_court_takes_no_court_of_another_case(russian):
    extraction = extract(russian, "В четверг Ленинский районный суд Омска приговорил Олега "
                                  "Белова к пяти годам колонии. В понедельник вышла на свободу "
                                  "Вера Котова, приговорённая к двум годам колонии за пикет.")
    verdicts = {names_of(extraction, e)[0]: e.agent for e in events_of(extraction, "sentence")}
    assert verdicts["Олег Белов"] == "Ленинский районный суд Омска"
    assert verdicts["Вера Котова"] is None
    same = extract(russian, "Ленинский районный суд Омска приговорил Олега Белова к пяти годам "
                            "колонии. Его жену Веру Котову суд оправдал.")
    assert only(same, "acquittal").agent == "Ленинский районный суд Омска"
    case = extract(russian, "Ленинский районный суд Омска приговорил Олега Белова к пяти годам "
                            "колонии. Вера Котова, обвинявшаяся по тому же делу, получила два "
                            "года условно.")
    verdicts = {names_of(case, e)[0]: e.agent for e in events_of(case, "sentence")}
    assert verdicts["Вера Котова"] == "Ленинский районный суд Омска"


def test_years_given_are_no_group_of_people(russian):
    extraction = extract(russian, "Краеведа Ивана Петрова доставили на допрос. В четверг "
                                  "областной суд признал студента Олега Белова виновным и "
                                  "назначил ему шесть лет лишения свободы.")
    assert names_of(extraction, only(extraction, "sentence")) == ["Олег Белов"]


def test_a_case_opened_with_zavesti_is_a_charge(russian):
    extraction = extract(russian, "На Олега Белова завели уголовное дело о самовольном "
                                  "оставлении части (ст. 337 УК РФ).")
    assert only(extraction, "charge").charge == "самовольное оставление части"


def test_refusing_food_is_a_hunger_strike(russian):
    extraction = extract(russian, "В прошлом году Олег Белов девять дней отказывался от еды.")
    assert only(extraction, "hunger_strike").date == "2021"
    lawyer = extract(russian, "Олег Белов отказался от адвоката по назначению.")
    assert events_of(lawyer, "hunger_strike") == []


def test_methods_or_pressure_denied_by_officials(russian):
    extraction = extract(russian, "Олега Белова задержали 5 мая. В ГУ МВД заявили, что к "
                                  "задержанному «недозволенные методы» не применялись.")
    denied = only(extraction, "ill_treatment")
    assert denied.negated and names_of(extraction, denied) == ["Олег Белов"]


def test_the_detained_are_those_of_the_last_detention(russian):
    extraction = extract(russian, "В Омске задержали Олега Белова, Ивана Петрова и Глеба "
                                  "Ершова. Вечером Веру Котову допросили и отпустили. Как сообщил "
                                  "адвокат, обвинение всем троим задержанным предъявлено по ч. 1 "
                                  "ст. 280 УК РФ — призывы к экстремистской деятельности.")
    charge = only(extraction, "charge")
    assert sorted(names_of(extraction, charge)) == ["Глеб Ершов", "Иван Петров", "Олег Белов"]
    assert charge.charge == "призывы к экстремистской деятельности"


def test_a_pronoun_after_for_is_no_accusation(russian):
    extraction = extract(russian, "В марте Олег Белов вышел с пикетом на площадь, и за это его "
                                  "оштрафовали на 15 тысяч.")
    assert only(extraction, "sentence").charge is None


def test_a_numbered_facility_with_its_city_is_the_destination(russian):
    extraction = extract(russian, "Олега Белова этапировали в исправительную колонию № 4 в "
                                  "Кирове.")
    assert only(extraction, "transfer").place == "исправительная колония № 4 в Кирове"
    region = extract(russian, "Олега Белова этапировали в колонию в Башкортостане.")
    assert only(region, "transfer").place == "Башкортостан"


def test_a_square_named_after_someone_is_the_square(russian):
    square = extract(russian, "Вера Котова вышла с пикетом на площадь Ленина.")
    assert only(square, "protest").place == "площадь Ленина"
    city = extract(russian, "Олега Белова задержали на улице Франко в Симферополе.")
    assert only(city, "arrest").place == "Симферополь"


def test_a_role_noun_stands_for_the_person_introduced_with_it(russian):
    extraction = extract(russian, "В Ярославле задержали журналистку Веру Котову. Тем же "
                                  "утром в Москве задержали студента Олега Белова. Коллеги "
                                  "утверждают, что в отделе журналистку избили.")
    assert names_of(extraction, only(extraction, "ill_treatment")) == ["Вера Котова"]


def test_a_credit_word_inside_a_sentence_is_a_role_not_a_byline(russian):
    extraction = extract(russian, "В Гродно задержали фотографа Алеся Мартынова и редактора "
                                  "Олега Белова.\nФото: Иван Петров")
    assert sorted(p.name for p in extraction.persons) == ["Алесь Мартынов", "Олег Белов"]


def test_convicted_together_a_list_after_a_dash_and_them_after_a_colon(russian):
    extraction = extract(russian, "3 июня 2019 года областной суд в Самаре приговорил Олега "
                                  "Белова к девяти годам. Вместе с ним были осуждены ещё двое "
                                  "обвиняемых — Иван Петров и Глеб Ершов: им назначили от шести "
                                  "до восьми лет.")
    three = ["Глеб Ершов", "Иван Петров"]
    conviction = next(e for e in events_of(extraction, "conviction")
                      if sorted(names_of(extraction, e)) == three)
    assert (conviction.date, conviction.place) == ("2019-06-03", "Самара")
    verdict = next(e for e in events_of(extraction, "sentence")
                   if sorted(names_of(extraction, e)) == three)
    assert verdict.term_months is None


def test_searches_brought_and_a_charge_requalified(russian):
    came = extract(russian, "В среду утром к Олегу Белову пришли с обыском.",
                   published="2024-11-15")
    assert only(came, "search").date == "2024-11-13"
    requalified = extract(russian, "Через полгода следователи переквалифицировали обвинение "
                                   "Олегу Белову на организацию деятельности запрещённой "
                                   "организации.")
    assert only(requalified, "charge").charge == ("организация деятельности запрещённой "
                                                  "организации")


def test_medicine_not_handed_over_is_care_withheld(russian):
    extraction = extract(russian, "Третью неделю Олегу Белову не передают препараты, которые "
                                  "привозит жена.")
    withheld = only(extraction, "ill_treatment")
    assert not withheld.negated
    handed = extract(russian, "Адвокат передал Олегу Белову лекарства.")
    assert events_of(handed, "ill_treatment") == []


def test_a_search_told_after_a_dated_detention_is_of_its_day(russian):
    extraction = extract(russian, "Олега Белова задержали 5 марта в Омске. В его квартире "
                                  "провели обыск.")
    assert only(extraction, "search").date == "2022-03-05"
    later = extract(russian, "Олега Белова задержали 5 марта в Омске. Через месяц у него "
                             "провели обыск.")
    assert only(later, "search").date is None


def test_charges_each_with_its_article_in_brackets(russian):
    extraction = extract(russian, "Областной суд признал Веру Котову виновной в клевете на "
                                  "судью (ст. 298.1 УК) и оскорблении представителя власти (ст. "
                                  "319 УК), назначив ей штраф.")
    assert only(extraction, "conviction").charge == ("клевета на судью; оскорбление "
                                                     "представителя власти")
    one = extract(russian, "Районный суд признал Олега Белова виновным в оскорблении судьи "
                           "(ст. 297 УК) и приговорил к штрафу.")
    assert only(one, "conviction").charge == "оскорбление судьи"


def test_unconfirmed_reports_are_hedged(russian):
    extraction = extract(russian, "По неподтверждённым данным, Олега Белова избили в отделе "
                                  "полиции.")
    assert only(extraction, "ill_treatment").hedged


def test_threats_of_violence_are_ill_treatment_told_by_the_one_threatened(russian):
    extraction = extract(russian, "Олега Белова задержали в мае. Адвокату Белов рассказал, что "
                                  "в первую ночь оперативники угрожали ему расправой над семьёй.")
    threat = only(extraction, "ill_treatment")
    assert (threat.agent, threat.attributed_to) == ("оперативники", "Олег Белов")
    case = extract(russian, "Следователь угрожал Олегу Белову новым делом.")
    assert events_of(case, "ill_treatment") == []


def test_the_court_lent_to_an_event_does_not_depend_on_the_hash_seed():
    """Two names of one court of one length ("Южный окружной ..." as written, "... окружный
    ..." put in the nominative) were picked from a set, so Python's hash seed chose between
    them from run to run; they are now taken in the order told."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    report = sorted((Path(__file__).parent / "heldout-ru" / "dev").glob("r04-*.json"))[0]
    script = ("import json, sys; from habeas.evaluate import gold_documents; "
              "from habeas.workspace import Habeas; _, docs = gold_documents([sys.argv[1]]); "
              "print(json.dumps([e['agent'] for x in Habeas().extract_documents(docs) "
              "for e in x.to_json()['events']], ensure_ascii=False))")
    agents = {subprocess.run([sys.executable, "-c", script, str(report)], check=True,
                             capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}).stdout
              for seed in ("0", "1")}
    assert len(agents) == 1


# Twelfth round (rules habeas.rules.ru.v12): what the third batch of written reports taught
# (each test failing at the round's start). Precision first: what is told as a count, a
# possibility, a verdict's force or the prosecution's version is no event.


def test_the_prosecutions_version_is_a_hedge_not_a_charge(russian):
    extraction = extract(russian, "По версии обвинения, Олег Белов переводил деньги фонду.")
    assert events_of(extraction, "charge") == []
    stance = extract(russian, "По мнению обвинения, Мария Соколова писала посты в канал.")
    assert events_of(stance, "charge") == []


def test_a_count_of_cases_or_people_is_no_ones_event(russian):
    cases = extract(russian, "С 2020 года в стране возбудили более 90 дел по этой статье. "
                             "Олега Белова задержали 3 марта.")
    assert events_of(cases, "charge") == []
    taken = extract(russian, "Правозащитники насчитали не менее 15 похищений жителей района. "
                             "Олега Белова задержали 3 марта.")
    assert events_of(taken, "abduction") == []
    held = extract(russian, "Власти удерживают не менее 300 жителей полуострова. Олега Белова "
                            "задержали 3 марта.")
    assert [e.type for e in held.events] == ["arrest"]
    term = extract(russian, "Олегу Белову дали 12 лет колонии.")  # years, no count
    assert only(term, "sentence").term_months == 144


def test_a_verdict_entering_into_force_or_open_to_appeal_is_no_new_event(russian):
    extraction = extract(russian, "Суд приговорил Олега Белова к двум годам колонии. Приговор "
                                  "пока не вступил в законную силу и может быть обжалован в "
                                  "течение десяти суток.")
    assert [(e.type, e.negated) for e in extraction.events] == [("sentence", False)]
    due = extract(russian, "По закону Мария Соколова должна быть освобождена.")
    assert events_of(due, "release") == []


def test_force_its_subject_did_not_use_is_no_ill_treatment(russian):
    extraction = extract(russian, "Мы уверены, что Олега Белова преследуют незаконно: он "
                                  "никогда не применял насилия.")
    assert events_of(extraction, "ill_treatment") == []
    used = extract(russian, "Полицейские применили к Олегу Белову силу.")
    assert only(used, "ill_treatment").agent == "Полицейские"


def test_an_imperative_of_writing_attributes_nothing(russian):
    extraction = extract(russian, "Олега Белова задержали 3 марта.\n\nКак помочь: пишите "
                                  "письма политзаключённым и поддержите проект.")
    assert only(extraction, "arrest").attributed_to is None


def test_a_source_told_by_its_noun_alone_is_the_one_told_before(russian):
    extraction = extract(russian, "Об аресте Олега Белова рассказал сосед семьи, попросивший "
                                  "не называть его имени.\n\nПо словам соседа, Белова избили "
                                  "в отделе полиции.")
    assert only(extraction, "ill_treatment").attributed_to == "сосед семьи"


def test_those_a_plural_participle_names_after_a_noun_tell_no_event(russian):
    extraction = extract(russian, "Олега Белова и Ивана Петрова задержали 3 марта. Вечером к "
                                  "зданию ФСБ приехали родственники задержанных и журналисты.")
    assert [sorted(p.name for p in extraction.persons if p.id in e.persons)
            for e in extraction.events] == [["Иван Петров", "Олег Белов"]]


def test_a_condition_a_demand_or_a_fear_tells_no_event(russian):
    for text in ("Если суд признает Олега Белова виновным, ему грозит до десяти лет.",
                 "Иначе Олега Белова бы арестовали.",
                 "Олег Белов рискует получить реальный срок.",
                 "В случае обвинительного приговора Олегу Белову грозит до пяти лет.",
                 "Олег Белов боится ареста.",
                 "Мы требуем освобождения Олега Белова."):
        assert extract(russian, text).events == [], text
    done = extract(russian, "Родные добились освобождения Олега Белова.")
    assert [e.type for e in done.events] == ["release"]
    told = extract(russian, "Если раньше Олега Белова штрафовали, то теперь его арестовали.")
    assert {e.type for e in told.events} == {"sentence", "arrest"}


# Twelfth round, second part: the same batch read again (each test failing before it).


def test_a_name_written_surname_first_with_patronymic_or_initials_is_one_person(russian):
    extraction = extract(russian, "Суд вынес приговор в отношении Белова Олега Петровича и "
                                  "Соколовой Марии Ивановны. Суд признал Белова О.П. виновным "
                                  "и назначил ему три года колонии. Соколова М.И. признана "
                                  "виновной, ей назначен штраф.")
    names = sorted(p.name for p in extraction.persons)
    assert names == ["Мария Ивановна Соколова", "Олег Петрович Белов"], names
    assert {len(e.persons) for e in extraction.events} == {1}
    letter = extract(russian, "Ивана Смирнова задержали 3 марта. Пишите ему: СИЗО-1 г. Москвы, "
                              "Смирнову Ивану Сергеевичу, 1990 г. р.")
    assert [p.name for p in letter.persons] == ["Иван Сергеевич Смирнов"]
    kept = extract(russian, "Белоруса Виктора Гуриновича задержали 3 марта.")
    assert [p.name for p in kept.persons] == ["Виктор Гуринович"]


def test_leaving_a_numbered_facility_or_a_remand_eased_is_a_release(russian):
    numbered = extract(russian, "Вечером Олег Белов вышел из ИК-5, его встречали друзья.")
    assert only(numbered, "release").place == "ИК-5"
    eased = extract(russian, "Олега Белова задержали 3 марта. 19 апреля суд изменил ему меру "
                             "пресечения на запрет определённых действий.")
    assert only(eased, "release").date == "2022-04-19"
    home = extract(russian, "Марию Соколову задержали 3 марта. В апреле суд изменил ей меру "
                            "пресечения на домашний арест.")
    assert only(home, "release").release_mode == "house_arrest"
    worse = extract(russian, "Мера пресечения Олегу Белову в виде домашнего ареста изменена "
                             "на заключение под стражу.")
    assert [e.type for e in worse.events] == ["arrest"]


def test_taken_away_by_unmarked_captors_is_an_abduction(russian):
    masked = extract(russian, "Марию Соколову забрали из дома в Херсоне в сентябре 2022 года: к "
                              "ней пришли вооружённые люди в форме без опознавательных знаков, "
                              "надели на голову мешок и увезли.")
    assert [e.type for e in masked.events] == ["abduction"]
    assert masked.events[0].date == "2022-09"
    bag = extract(russian, "По словам сына, к ним пришли люди в камуфляже, перевернули всю "
                           "квартиру и увезли Марию Соколову с мешком на голове.")
    assert [e.type for e in bag.events] == ["abduction"]
    taken = extract(russian, "Олега Белова задержали, надели ему на голову мешок и увезли в "
                             "здание ФСБ.")
    assert only(taken, "transfer").place == "здание ФСБ"
    assert events_of(taken, "abduction") == []


def test_writing_as_ones_work_or_a_closing_quotation_opens_no_account(russian):
    work = extract(russian, "Олег Белов писал как фрилансер для нескольких районных газет. "
                            "Полицейские задержали его в Туле в мае 2022 года.")
    assert only(work, "arrest").attributed_to is None
    quoted = extract(russian, "Ивану Петрову дали три года колонии, рассказала его жена Мария. "
                              "«Он не будет просить о помиловании», — передала она.\n\n"
                              "Кроме того, в июне прокуратура прекратила дело против студента "
                              "Олега Белова.")
    assert only(quoted, "charges_dropped").attributed_to is None


def test_a_complaint_the_writer_filed_is_the_clients_appeal(russian):
    extraction = extract(russian, "Адвокат Мария Соколова\n6 июня 2022\n\nСегодня областной суд "
                                  "удовлетворил нашу апелляционную жалобу и изменил Олегу Белову "
                                  "меру пресечения: вместо содержания под стражей — залог.")
    appeal = only(extraction, "appeal")
    assert [p.name for p in extraction.persons if p.id in appeal.persons] == ["Олег Белов"]


def test_a_headline_asking_how_something_is_done_tells_no_event(russian):
    extraction = extract(russian, "Олега Белова задержали в Омске 3 марта.\n\nКак в Сибири "
                                  "судят Свидетелей Иеговы\n\nЕго адвокат обжаловал арест.")
    assert events_of(extraction, "trial") == []
    named = extract(russian, "Как задерживали Олега Белова\n\nОлега Белова задержали 3 марта.")
    assert [e.type for e in named.events] == ["arrest"]


def test_the_agency_is_the_agency_named_before(russian):
    extraction = extract(russian, "Позже МВД Татарстана сообщило, что Олег Белов задержан. По "
                                  "данным ведомства, против него возбуждено уголовное дело по "
                                  "ч. 1 ст. 222 УК.")
    assert only(extraction, "charge").attributed_to == "МВД Татарстана"


def test_taken_into_custody_in_the_courtroom_on_the_day_of_the_verdict(russian):
    extraction = extract(russian, "Суд 12 апреля приговорил Олега Белова к трём годам колонии. "
                                  "Белова взяли под стражу прямо в зале суда.")
    assert only(extraction, "arrest").date == "2022-04-12"
    freed = extract(russian, "Суд 12 апреля оправдал Марию Соколову. Соколову, которая полгода "
                             "провела в СИЗО, освободили в зале суда.")
    assert only(freed, "release").date == "2022-04-12"


def test_an_hour_of_the_day_told_next_is_of_the_day_told_before(russian):
    noon = extract(russian, "Олега Белова задержали 3 марта у дома. Около полудня его увезли в "
                            "здание Следственного комитета.")
    assert only(noon, "transfer").date == "2022-03-03"
    evening = extract(russian, "Олега Белова и Ивана Петрова задержали 3 марта. Петрова "
                               "отпустили в тот же вечер.")
    assert only(evening, "release").date == "2022-03-03"


def test_premises_are_told_with_the_street_they_are_on(russian):
    flat = extract(russian, "Олега Белова задержали в мае. Накануне в квартире Беловых на "
                            "улице Пушкина прошёл обыск.")
    assert only(flat, "search").place == "квартира Беловых на улице Пушкина"
    home = extract(russian, "Олега Белова задержали у подъезда его дома на улице Ленина.")
    assert only(home, "arrest").place == "дом на улице Ленина"


# Thirteenth round (rules habeas.rules.ru.v13): what the fourth batch of written reports taught
# (each test failing at the round's start). Precision on new voices first.


def test_a_line_linking_to_another_story_names_no_one_and_tells_nothing(russian):
    extraction = extract(russian, "Олега Белова задержали 3 марта в Омске.\n\nЧитайте также: "
                                  "В Твери Анну Смирнову оштрафовали за листовку\n\nВ апреле "
                                  "суд отправил Белова в СИЗО.")
    assert [p.name for p in extraction.persons] == ["Олег Белов"]
    assert events_of(extraction, "sentence") == []
    alone = extract(russian, "Олега Белова задержали 3 марта.\n\nСмотрите также\nКак Ивана "
                             "Петрова приговорили к пяти годам\n\nБелова отпустили вечером.")
    assert [p.name for p in alone.persons] == ["Олег Белов"]
    assert events_of(alone, "sentence") == []


def test_searches_told_in_the_plural_are_the_groups(russian):
    extraction = extract(russian, "Олега Белова уже приговаривали в 2019 году. Утром 3 марта "
                                  "полицейские "
                                  "провели обыски в шести домах верующих. Задержаны Иван "
                                  "Петров, Мария Соколова и Анна Смирнова.")
    searches = events_of(extraction, "search")
    names = {p.id: p.name for p in extraction.persons}
    assert [sorted(names[p] for p in e.persons) for e in searches] == [
        ["Анна Смирнова", "Иван Петров", "Мария Соколова"]]


def test_a_headline_that_names_no_one_tells_the_events_of_the_text(russian):
    extraction = extract(russian, "Итоги недели: обыски в Омске, голодовка в Тюмени\n\nВо "
                                  "вторник полицейские провели обыск у Олега Белова. В СИЗО "
                                  "Тюмени голодовку объявил Иван Петров.")
    names = {p.id: p.name for p in extraction.persons}
    assert sorted((e.type, names[p]) for e in extraction.events for p in e.persons) == [
        ("hunger_strike", "Иван Петров"), ("search", "Олег Белов")]


def test_the_outlet_told_in_quotes_before_the_speaker_is_no_source(russian):
    extraction = extract(russian, "Олега Белова задержали 3 марта у дома. Об этом «Омск.Реалиям» "
                                  "рассказала его сестра Анна Белова, приехавшая к отделу.")
    assert only(extraction, "arrest").attributed_to == "Анна Белова"


def test_an_answer_of_a_body_is_its_claim(russian):
    extraction = extract(russian, "Мать Олега Белова обратилась в полицию. В МВД Омска ей "
                                  "ответили, что Белов задержан за мелкое хулиганство.")
    assert only(extraction, "arrest").attributed_to == "МВД Омска"


def test_a_status_told_by_a_participle_is_not_the_speakers_claim(russian):
    extraction = extract(russian, "Олега Белова задержали в Омске.\n\n5 марта в полиции "
                                  "адвокату сообщили, что к задержанному не применялось "
                                  "насилие.")
    assert only(extraction, "arrest").attributed_to is None


def test_the_outlet_citing_itself_speaks_in_its_own_voice(russian):
    extraction = extract(russian, "В Омске осудили активиста\n12 мая 2022\n«Омский вестник»\n\n"
                                  "Олег Белов, как ранее писал «Омский вестник», в СИЗО объявил "
                                  "голодовку.")
    assert only(extraction, "hunger_strike").attributed_to is None
    other = extract(russian, "В Омске осудили активиста\n12 мая 2022\n«Омский вестник»\n\n"
                             "Олег Белов, как ранее писала «Новая газета», в СИЗО объявил "
                             "голодовку.")
    assert only(other, "hunger_strike").attributed_to == "Новая газета"


def test_a_holy_book_is_no_person(russian):
    extraction = extract(russian, "Олег Белов требует, чтобы ему вернули изъятый при обыске "
                                  "Коран.")
    assert [p.name for p in extraction.persons] == ["Олег Белов"]


def test_an_arrest_served_is_no_new_arrest(russian):
    extraction = extract(russian, "В субботу Олег Белов вышел из спецприёмника, отбыв арест "
                                  "полностью.")
    assert events_of(extraction, "arrest") == []
    assert [e.type for e in extraction.events] == ["release"]


def test_a_name_after_the_verb_read_as_a_second_subject_is_its_object(russian):
    extraction = extract(russian, "В среду задержали инженера Олега Кречетова.\n\nЕго подругу, "
                                  "Марию Зуеву, тоже доставили туда, но после допроса "
                                  "отпустили.\n\nНа следующий день Ленинский районный суд Омска "
                                  "заключил Кречетова под стражу на два месяца.")
    names = {p.id: p.name for p in extraction.persons}
    assert [[names[p] for p in e.persons] for e in events_of(extraction, "arrest")] == [
        ["Олег Кречетов"], ["Олег Кречетов"]]


def test_an_appeal_the_lawyer_filed_is_the_clients(russian):
    extraction = extract(russian, "Олега Белова приговорили к восьми годам колонии. Апелляцию, "
                                  "которую подала адвокат Мария Соколова, областной суд отклонил "
                                  "5 августа.")
    appeal = only(extraction, "appeal")
    assert [p.name for p in extraction.persons if p.id in appeal.persons] == ["Олег Белов"]


def test_the_pronoun_of_a_verb_is_the_person_of_the_verb_joined_to_it(russian):
    extraction = extract(russian, "В ходе обмена вернулась учительница Мария Соколова. Вместе с "
                                  "ней вернулся Иван Петров. По словам Ивана Петрова, его "
                                  "держали в подвале и неделю не давали лекарств.")
    treated = only(extraction, "ill_treatment")
    assert [p.name for p in extraction.persons if p.id in treated.persons] == ["Иван Петров"]


def test_a_town_named_in_the_plural_keeps_its_plural(russian):
    extraction = extract(russian, "Олега Белова задержали в Сумах 3 марта.")
    assert only(extraction, "arrest").place == "Сумы"


def test_how_one_was_freed_told_by_the_acquittal_the_exchange_or_the_arrest_served(russian):
    acquitted = extract(russian, "В пятницу суд в Омске оправдал Олега Белова. Белова "
                                 "освободили в зале суда.")
    assert only(acquitted, "release").release_mode == "acquittal"
    exchanged = extract(russian, "В среду в ходе обмена Россия передала Украине 40 гражданских. "
                                 "Среди освобождённых — учительница Мария Соколова.")
    assert only(exchanged, "release").release_mode == "exchange"
    served = extract(russian, "10 мая Ивана Петрова арестовали на 10 суток. 20 мая Петров "
                              "вышел из спецприёмника.")
    assert only(served, "release").release_mode == "end_of_term"


def test_a_pronoun_after_za_is_no_charge(russian):
    extraction = extract(russian, "Суд оправдал Олега Белова по ч. 1 ст. 280.3 УК РФ, за ним "
                                  "признано право на реабилитацию.")
    assert only(extraction, "acquittal").charge == "ч. 1 ст. 280.3 УК РФ"


def test_a_building_is_told_with_the_city_it_stands_in(russian):
    protest = extract(russian, "В сентябре Олег Белов вышел на акцию у здания правительства в "
                               "Магасе.")
    assert only(protest, "protest").place == "здание правительства в Магасе"
    taken = extract(russian, "5 октября Олега Белова доставили в больницу в Киеве.")
    assert only(taken, "transfer").place == "больница в Киеве"
    died = extract(russian, "Иван Петров умер 7 февраля в исправительной колонии № 17 в "
                            "Шклове, где отбывал наказание.")
    assert only(died, "death_in_custody").place == "исправительная колония № 17 в Шклове"


def test_what_one_says_or_supposes_is_their_claim(russian):
    supposed = extract(russian, "Родственники предполагают, что Олега Белова избили в отделе "
                                "полиции.")
    assert only(supposed, "ill_treatment").attributed_to == "Родственники"
    said = extract(russian, "Правозащитники считают, что Олега Белова пытали в отделе полиции.")
    assert only(said, "ill_treatment").attributed_to == "Правозащитники"
    told = extract(russian, "Сосед говорит, что Олега Белова избили при задержании.")
    assert only(told, "ill_treatment").attributed_to == "Сосед"


def test_what_a_bodys_message_says_is_the_bodys_claim(russian):
    extraction = extract(russian, "Олега Белова приговорили к пяти годам колонии, говорится в "
                                  "сообщении прокуратуры Омской области.")
    assert only(extraction, "sentence").attributed_to == "прокуратура Омской области"
    told = extract(russian, "Олега Белова задержали 3 марта. Об этом сказано в заявлении "
                            "пресс-службы суда.")
    assert only(told, "arrest").attributed_to == "пресс-служба суда"
    noted = extract(russian, "Как отметил адвокат Иван Петров, Олега Белова задержали 3 марта.")
    assert only(noted, "arrest").attributed_to == "Иван Петров"


def test_the_others_of_a_group_tell_no_event(russian):
    extraction = extract(russian, "Олега Белова и Ивана Петрова задержали 3 марта. Олег Белов, "
                                  "как и остальные задержанные, вину не признаёт.")
    assert len(events_of(extraction, "arrest")) == 1


def test_what_one_wrote_about_is_no_event_and_no_claim(russian):
    extraction = extract(russian, "Олега Белова задержали 3 марта. Дело завели из-за двух "
                                  "записей во «ВКонтакте», где Белов писал о погибших жителях "
                                  "Мариуполя.")
    assert events_of(extraction, "death_in_custody") == []
    assert only(extraction, "charge").attributed_to is None


# Fourteenth round (rules habeas.rules.ru.v14): what the fifth batch of written reports taught


def test_the_owner_named_before_a_relatives_name_is_the_one_told_of(russian):
    extraction = extract(russian, "Павла Смирнова задержали в Казани в мае. Мама Павла Светлана "
                                  "Смирнова рассказала «Новой газете», что в колонии сына "
                                  "дважды отправляли в ШИЗО — за «незастёгнутую пуговицу».")
    son = next(p.id for p in extraction.persons if p.name == "Павел Смирнов")
    assert only(extraction, "transfer").persons == [son]


def test_an_event_noun_with_its_role_noun_is_not_the_subjects(russian):
    extraction = extract(russian, "Уличного художника Матвея Орлова задержали в четверг. После "
                                  "задержания художника отвезли в 78-й отдел полиции, где, как "
                                  "рассказала «Фонтанке» его мать Ирина Орлова, его якобы "
                                  "продержали ночь без воды и еды.")
    mother = next(p.id for p in extraction.persons if p.name == "Ирина Орлова")
    assert all(mother not in e.persons for e in extraction.events)


def test_a_lawyers_client_is_the_one_the_lawyer_was_introduced_for(russian):
    extraction = extract(russian, "Суд приговорил Кирилла Осипова и Илью Бардина к 12 и 10 годам "
                         "колонии. Их задержали 6 октября. Об этом рассказал адвокат Осипова "
                         "Евгений Лаптев. Лаптев рассказал, что в первые часы после задержания "
                         "его подзащитного держали в подвале, били по почкам и пытали током.",
                         published="2023-06-22")
    client = next(p.id for p in extraction.persons if p.name == "Кирилл Осипов")
    assert only(extraction, "ill_treatment").persons == [client]
    assert len(events_of(extraction, "arrest")) == 1  # "после задержания": theirs, told before


def test_a_lawyers_own_name_after_the_clients_genitive(russian):
    extraction = extract(russian, "Суд отпустил Матвея Орлова под запрет определённых действий. "
                                  "Об этом рассказал адвокат Орлова Кирилл Данилевич.")
    assert {p.name for p in extraction.persons} == {"Матвей Орлов", "Кирилл Данилевич"}


def test_the_next_day_told_in_the_second_clause(russian):
    extraction = extract(russian, "Ивана Петрова задержали 14 июля 2021 года после обыска в "
                                  "доме в Казани, а на следующий день Советский районный суд "
                                  "Казани отправил его в СИЗО.")
    assert sorted(e.date for e in events_of(extraction, "arrest")) == ["2021-07-14",
                                                                      "2021-07-15"]


def test_a_colony_named_with_its_town(russian):
    held = extract(russian, "Политзаключённый Иван Петров, отбывающий 17 лет в колонии в "
                            "Минусинске, с 25 марта держит голодовку.")
    assert only(held, "hunger_strike").place == "колония в Минусинске"
    freed = extract(russian, "Мария Соколова вышла на свободу из колонии в Шклове.")
    assert only(freed, "release").place == "колония в Шклове"
    region = extract(russian, "Ивана Петрова этапировали в колонию в Башкортостане.")
    assert only(region, "transfer").place == "Башкортостан"


def test_the_one_who_pardons_is_no_one_the_report_is_about(russian):
    extraction = extract(russian, "Александр Лукашенко в четверг помиловал 52 человека, "
                                  "осуждённых по «протестным» статьям. Освобождённых в тот же "
                                  "день вывезли на автобусах к литовской границе.\n\nСреди "
                                  "освобождённых — электрик из Мозыря Игорь Степанюк.",
                         published="2025-09-12")
    ruler = next(p.id for p in extraction.persons if p.name == "Александр Лукашенко")
    assert all(ruler not in e.persons for e in extraction.events)


def test_brought_and_moved_are_transfers_not_a_thing_brought(russian):
    back = extract(russian, "Задержан Иван Петров. В пятницу вечером Ивана привезли обратно в "
                            "Казань.")
    assert only(back, "transfer").place == "Казань"
    moved = extract(russian, "Задержана Анна Козлова. Позже выяснилось, что женщину держали в "
                             "ИВС Херсона, а затем перевезли в СИЗО-2 Симферополя.")
    assert only(moved, "transfer").place == "СИЗО-2 Симферополя"
    thing = extract(russian, "Задержан Иван Петров. Ему привезли лекарства и тёплые вещи.")
    assert events_of(thing, "transfer") == []


def test_remanded_on_the_next_day_for_months_is_no_sentence(russian):
    extraction = extract(russian, "Марию Петрову задержали 3 мая. На следующий день Басманный "
                                  "суд Москвы арестовал её на два месяца.")
    assert events_of(extraction, "sentence") == []
    assert sorted(e.date for e in events_of(extraction, "arrest")) == ["2022-05-03",
                                                                      "2022-05-04"]
    days = extract(russian, "Марию Петрову задержали 3 мая. На следующий день судья арестовала "
                            "Петрову на 12 суток.")
    assert only(days, "sentence").date == "2022-05-04"


def test_an_outlet_in_straight_quotes_is_told_and_bail_paid_frees(russian):
    extraction = extract(russian, "Суд изменил меру пресечения журналистке Марии Петровой. Как "
                                  "сообщил \"Интерфаксу\" адвокат Петровой Олег Смирнов, залог "
                                  "уже внесен, и вечером журналистка вышла из СИЗО-6.")
    release = only(extraction, "release")
    assert release.attributed_to == "Олег Смирнов"
    assert release.release_mode == "bail"


def test_said_before_the_verb_of_saying_passes_on_nothing(russian):
    extraction = extract(russian, "Как рассказал адвокат Олег Смирнов, Марию Петрову отпустили "
                                  "под залог. Вину она не признаёт, и защита будет добиваться "
                                  "прекращения дела, добавил адвокат.\n\nПетрова была задержана "
                                  "28 апреля после публикации поста.")
    assert only(extraction, "arrest").attributed_to is None


def test_after_the_detention_of_one_of_a_group_is_the_groups_detention(russian):
    extraction = extract(russian, "Суд приговорил Кирилла Осипова и Илью Бардина к 12 и 10 годам "
                                  "колонии. Их задержали 6 октября. Осипов рассказал, что после "
                                  "задержания его держали в подвале и били.",
                         published="2023-06-22")
    assert len(events_of(extraction, "arrest")) == 1
    assert only(extraction, "ill_treatment").date == "2022-10-06"


def test_a_name_the_tagger_ran_across_a_line_break_is_the_last_lines(russian):
    extraction = extract(russian, "Ивана Петрова приговорили к 14 годам\n9 декабря 2022\n"
                                  "Крым.Реалии\n\nИван Петров в зале суда в Ростове-на-Дону. "
                                  "Фото: «Крымская солидарность»\n\nЮжный окружной военный суд "
                                  "в Ростове-на-Дону в четверг приговорил Ивана Петрова к 14 "
                                  "годам. Суд признал Петрова виновным в организации ячейки.")
    assert {e.agent for e in extraction.events} == {"Южный окружной военный суд"}


# Fifteenth round (rules habeas.rules.ru.v15): what the sixth batch of written reports taught


def test_the_object_told_after_a_verdicts_grounds(russian):
    extraction = extract(russian, "Анну Белову задержали в марте. В мае районный суд признал "
                                  "виновным по той же статье 30-летнего инженера Павла Орлова, "
                                  "написавшего пост в сети, и приговорил его к трём годам "
                                  "колонии.")
    engineer = next(p.id for p in extraction.persons if p.name == "Павел Орлов")
    assert only(extraction, "conviction").persons == [engineer]
    assert only(extraction, "sentence").persons == [engineer]
    other = extract(russian, "Анну Белову задержали в марте. Ранее областной суд признал "
                             "виновным по делу о шпионаже жителя Омска Олега Смирнова.")
    resident = next(p.id for p in other.persons if p.name == "Олег Смирнов")
    assert only(other, "conviction").persons == [resident]
    guilty = extract(russian, "Анну Белову задержали в марте. В мае суд признал виновной в "
                              "госизмене 40-летнюю Ольгу Котову.")
    assert only(guilty, "conviction").charge == "госизмена"  # not "госизмена 40-летнего"
    assert [p.name for p in guilty.persons if p.id in only(guilty, "conviction").persons] == [
        "Ольга Котова"]


def test_the_case_named_by_a_person_is_no_object(russian):
    extraction = extract(russian, "Анну Белову задержали в марте. В мае суд осудил её по делу "
                                  "Павла Орлова.")
    anna = next(p.id for p in extraction.persons if p.name == "Анна Белова")
    assert only(extraction, "conviction").persons == [anna]


def test_marches_and_a_dispersed_rally_are_protests(russian):
    marches = extract(russian, "В августе 2020 года Иван Петров выходил на марши в Омске, за "
                               "что его оштрафовали.")
    assert only(marches, "protest").date == "2020-08"
    dispersed = extract(russian, "Ивана Петрова задержали во время разгона акции на площади "
                                 "Ленина.")
    assert only(dispersed, "protest").persons == only(dispersed, "arrest").persons
    told = extract(russian, "Иван Петров рассказал о марше в Омске.")
    assert events_of(told, "protest") == []


def test_a_night_told_by_the_day_it_ends_in(russian):
    extraction = extract(russian, "В колонии в ночь на воскресенье умер политзаключённый Иван "
                                  "Петров.", published="2025-01-14")
    assert only(extraction, "death_in_custody").date == "2025-01-12"
    both = extract(russian, "Ивана Петрова в ночь с субботы на воскресенье избили в изоляторе.",
                   published="2025-01-14")
    assert only(both, "ill_treatment").date == "2025-01-12"


def test_care_forbidden_stopped_or_refused(russian):
    forbidden = extract(russian, "Ивана Петрова задержали в мае. Он болел диабетом, но инсулин "
                                 "ему передавать запрещали.")
    assert len(events_of(forbidden, "ill_treatment")) == 1
    refused = extract(russian, "Ивана Петрова задержали в мае. Врачи отказывались направить "
                               "его на обследование.")
    assert len(events_of(refused, "ill_treatment")) == 1
    given = extract(russian, "Ивана Петрова задержали в мае. Иван долго жаловался на боли, но "
                             "ему отказывались дать лекарства.")
    assert only(given, "ill_treatment").agent is None  # not the one who complained
    assert events_of(extract(russian, "Ивана Петрова задержали в мае. Следователь отказался "
                                      "передать дело в суд."), "ill_treatment") == []


def test_taken_to_a_place_by_a_verb_of_carrying(russian):
    extraction = extract(russian, "Ивана Петрова задержали в мае. Через неделю его вывели из "
                                  "камеры и повезли в Москву.")
    assert only(extraction, "transfer").place == "Москва"
    assert events_of(extract(russian, "Ивана Петрова задержали в мае. Ему не повезло."),
                     "transfer") == []
    assert events_of(extract(russian, "Ивана Петрова задержали в мае. Родные повезли ему "
                                      "передачу в СИЗО."), "transfer") == []


def test_withheld_treatment_and_parcels_of_medicine(russian):
    chemo = extract(russian, "Ивана Петрова задержали в мае. В изоляторе ему несколько месяцев "
                             "не проводили назначенную химиотерапию.")
    assert len(events_of(chemo, "ill_treatment")) == 1
    parcels = extract(russian, "Ивана Петрова задержали в мае. Почти месяц администрация не "
                               "пропускала передачи с лекарствами.")
    assert only(parcels, "ill_treatment").agent == "администрация"
    dialysis = extract(russian, "Ивана Петрова задержали в мае. Администрация колонии больше "
                                "года не направляла его на гемодиализ.")
    assert len(events_of(dialysis, "ill_treatment")) == 1
    searched = extract(russian, "Ивана Петрова задержали в мае. Врачи провели ему операцию.")
    assert events_of(searched, "ill_treatment") == []


def test_a_verb_that_tells_the_event_is_no_verb_of_saying(russian):
    extraction = extract(russian, "Ивана Петрова задержали в мае. В СИЗО ему не передавали "
                                  "лекарства.")
    assert only(extraction, "ill_treatment").attributed_to is None
    said = extract(russian, "Ивана Петрова задержали в мае. В МВД передали, что его отпустили.")
    assert only(said, "release").attributed_to == "МВД"


def test_a_placement_told_by_its_noun(russian):
    extraction = extract(russian, "Ивана Петрова задержали в мае. Так он протестует против "
                                  "третьего подряд водворения в ШИЗО.")
    assert only(extraction, "transfer").place == "ШИЗО"
    assert events_of(extract(russian, "Ивана Петрова задержали в мае. В помещении суда было "
                                      "тесно."), "transfer") == []


def test_a_day_without_a_year_after_a_full_date(russian):
    extraction = extract(russian, "Ивана Петрова впервые задержали 10 августа 2020 года в "
                                  "Гомеле. Через трое суток его отпустили, но 22 августа снова "
                                  "задержали.")
    assert sorted(e.date for e in events_of(extraction, "arrest")) == ["2020-08-10",
                                                                        "2020-08-22"]
    remand = extract(russian, "Ивана Петрова задержали 3 марта 2021 года. 5 марта суд отправил "
                              "его в СИЗО.")
    assert sorted(e.date for e in events_of(remand, "arrest")) == ["2021-03-03", "2021-03-05"]
    earlier = extract(russian, "Ивана Петрова задержали 3 марта 2021 года. 5 февраля суд "
                               "отправил его в СИЗО.")  # before that day: the year told of
    assert sorted(e.date for e in events_of(earlier, "arrest")) == ["2021-03-03", "2022-02-05"]


def test_a_pronoun_opening_the_sentence_after_one_introduced(russian):
    friend = extract(russian, "Ивана Петрова приговорили к пяти годам колонии. Вместе с ним в "
                              "машине был его друг, студент Олег Смирнов. Его задержали в "
                              "пятницу.")
    student = next(p.id for p in friend.persons if p.name == "Олег Смирнов")
    assert only(friend, "arrest").persons == [student]
    second = extract(russian, "Ивана Петрова приговорили к пяти годам колонии. В деле есть и "
                              "второй фигурант — инженер Олег Смирнов. Его арестовали в марте.")
    engineer = next(p.id for p in second.persons if p.name == "Олег Смирнов")
    assert only(second, "arrest").persons == [engineer]
    told = extract(russian, "Ивана Петрова приговорили к пяти годам колонии. Об этом рассказал "
                            "его брат Олег Петров. Его задержали в марте.")
    ivan = next(p.id for p in told.persons if p.name == "Иван Петров")
    assert only(told, "arrest").persons == [ivan]  # one who speaks is no one introduced


def test_charges_dropped_in_respect_of_one_or_taken_out_of_a_verdict(russian):
    respect = extract(russian, "Ивана Петрова задержали в мае. В отношении третьего фигуранта, "
                               "45-летнего фотографа Олега Смирнова, следователь в мае прекратил "
                               "уголовное преследование.")
    photographer = next(p.id for p in respect.persons if p.name == "Олег Смирнов")
    assert only(respect, "charges_dropped").persons == [photographer]
    verdict = extract(russian, "Ивана Петрова осудили в мае. Судебная коллегия исключила из "
                               "осуждения Петрова квалифицирующий признак «по мотивам "
                               "политической ненависти».")
    assert len(events_of(verdict, "charges_dropped")) == 1


def test_a_charge_told_in_a_relative_clause_of_its_noun(russian):
    extraction = extract(russian, "Ивана Петрова задержали в мае. Обвинение в финансировании "
                                  "экстремизма, которое Петрову предъявили в июле, прокурор в "
                                  "суде снял.", published="2024-10-03")
    charge = only(extraction, "charge")
    assert (charge.date, charge.charge) == ("2024-07", "финансирование экстремизма")
    assert only(extraction, "charges_dropped").date is None  # not the month of the charge


# Sixteenth round (rules habeas.rules.ru.v16): what the seventh batch of written reports taught


def test_force_and_pressure_denied_by_an_agency(russian):
    means = extract(russian, "Ивана Петрова задержали в мае. В полиции заявили, что "
                             "спецсредства к нему не применялись.")
    assert only(means, "ill_treatment").negated
    pressure = extract(russian, "Ивана Петрова задержали в мае. В полиции заявили, что "
                                "давление на него не оказывалось.")
    denied = only(pressure, "ill_treatment")
    assert denied.negated and denied.agent is None  # what is exerted is no one who acts
    exerted = extract(russian, "Ивана Петрова задержали в мае. Следователи оказывали на него "
                               "давление.")
    assert only(exerted, "ill_treatment").agent == "Следователи"
    blood = extract(russian, "Ивана Петрова задержали в мае. Сначала он жаловался на давление.")
    assert not events_of(blood, "ill_treatment")


def test_the_use_of_force_told_by_its_noun_where_a_claim_is_refuted(russian):
    facts = extract(russian, "Ивана Петрова осудили в мае. По данным ведомства, факты "
                             "применения физической силы в отношении осуждённого не "
                             "подтвердились.")
    ivan = next(p.id for p in facts.persons if p.name == "Иван Петров")
    denied = only(facts, "ill_treatment")
    assert denied.negated and denied.persons == [ivan]
    crime = extract(russian, "Ивана Петрова осудили за применение насилия к полицейскому.")
    assert not events_of(crime, "ill_treatment")  # the crime he was tried for


def test_a_refutation_denies_and_its_agency_speaks(russian):
    refuted = extract(russian, "Ивана Петрова осудили в мае. В ФСИН опровергли, что его "
                               "избивали.")
    beaten = only(refuted, "ill_treatment")
    assert beaten.negated and beaten.attributed_to == "ФСИН"
    this = extract(russian, "Ивана Петрова осудили в мае. В УФСИН это опровергли: по их "
                            "словам, давление на него не оказывалось.")
    assert only(this, "ill_treatment").attributed_to == "УФСИН"  # not "это"


def test_the_agency_meant_by_its_anaphor_is_no_office(russian):
    extraction = extract(russian, "Ивана Петрова осудили в мае. ФСИН ответила на запрос "
                                  "журналистов. Об избиении Петрова сообщил Уполномоченный по "
                                  "правам человека. По данным ведомства, силу к нему не "
                                  "применяли.")
    denied = next(e for e in events_of(extraction, "ill_treatment") if e.negated)
    assert denied.attributed_to == "ФСИН"


def test_marks_of_beating_deprivation_and_being_thrown_down(russian):
    marks = extract(russian, "Ивана Петрова задержали в мае. Брат говорит, что на теле Ивана "
                             "видны следы побоев.")
    assert len(events_of(marks, "ill_treatment")) == 1
    water = extract(russian, "Ивана Петрова задержали в мае. В отделе ему не давали воды и "
                             "еды.")
    assert len(events_of(water, "ill_treatment")) == 1
    night = extract(russian, "Ивана Петрова задержали в мае. Его продержали ночь без воды и "
                             "еды.")
    assert len(events_of(night, "ill_treatment")) == 1
    thrown = extract(russian, "Ивана Петрова задержали в мае. Полицейский повалил его на пол.")
    assert only(thrown, "ill_treatment").agent == "Полицейский"
    strike = extract(russian, "Ивана Петрова задержали в мае. В СИЗО он держал голодовку без "
                              "воды.")
    assert not events_of(strike, "ill_treatment")  # what one holds oneself


def test_the_outlet_told_is_no_person(russian):
    told = extract(russian, "Ивана Петрова освободили. Об этом Туркменпорталу сообщил адвокат "
                            "Олег Смирнов.")
    assert sorted(p.name for p in told.persons) == ["Иван Петров", "Олег Смирнов"]
    person = extract(russian, "Ивана Петрова задержали. Об этом Смирнову рассказал его брат.")
    assert sorted(p.name for p in person.persons) == ["Иван Петров", "Смирнов"]  # told to


def test_what_one_tells_of_oneself_is_ones_own_account(russian):
    interview = extract(russian, "Иван Петров провёл в СИЗО год. Прошения о помиловании я не "
                                 "писал.")
    assert only(interview, "release").attributed_to == "Иван Петров"
    slogan = extract(russian, "Ивана Петрова задержали за пикет с плакатом «Я против войны».")
    assert only(slogan, "arrest").attributed_to is None  # the placard's "я"
