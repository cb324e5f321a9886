"""Roles and founders of people the lexicon does not know, told in ways other writers tell them
(sentences written for the tests, invented people)."""
from __future__ import annotations

import pytest

from helpers import labelled, of

ROLES = ("ceoOf", "chairOf", "presidentOf", "cfoOf", "ctoOf", "cooOf", "viceChairOf", "executiveOf", "founderOf", "memberOf")


def people(text: str, lang: str, **kw) -> set[tuple]:
    return {f for f in labelled(text, lang, **kw) if f[1] in ROLES}


@pytest.mark.parametrize("text, expected", [
    # the name the lexicon lacks, a copula, then the organisation the lexicon knows and the title
    ("魏思远是高通的首席执行官。", ("魏思远", "ceoOf", "qualcomm")),
    ("韩立新现在是三星电子首席财务官。", ("韩立新", "cfoOf", "samsung")),
    ("拉斐尔·德·席尔瓦是高通的董事长。", ("拉斐尔·德·席尔瓦", "chairOf", "qualcomm")),
])
def test_a_new_name_before_a_copula_and_a_known_organisation(text, expected):
    assert expected in people(text, "zh")


@pytest.mark.parametrize("text, lang, expected", [
    ("高通前首席执行官魏思远已经退休。", "zh", ("魏思远", "ceoOf", "qualcomm")),
    ("三星电子原CFO韩立新加入了一家基金。", "zh", ("韩立新", "cfoOf", "samsung")),
    ("Qualcomm's former chief financial officer Anja Vollmer joined a fund.", "en", ("Anja Vollmer", "cfoOf", "qualcomm")),
])
def test_a_former_post_is_the_post_not_a_unit_called_former(text, lang, expected):
    got = people(text, lang)
    assert expected in got
    assert not of("executiveOf", got)


@pytest.mark.parametrize("text, name", [
    ("魏思远于2021年卸任首席执行官一职。", "魏思远"),
    ("韩立新于2019年出任公司首席财务官。", "韩立新"),
])
def test_a_chinese_name_ends_before_the_filler_after_it(text, name):
    got = people(text, "zh", organisation="qualcomm")
    assert {s for s, _, _ in got} == {name}


def test_a_pronoun_with_its_contraction_is_no_part_of_an_english_name():
    got = people("Hi, I'm Dorian Welk, the chief executive of Qualcomm.", "en")
    assert got == {("Dorian Welk", "ceoOf", "qualcomm")}


@pytest.mark.parametrize("text, lang, expected", [
    ("高通任命魏思远为首席财务官，任命韩立新为首席技术官。", "zh",
     {("魏思远", "cfoOf", "qualcomm"), ("韩立新", "ctoOf", "qualcomm")}),
    ("三星电子董事会选举魏思远为董事长。", "zh", {("魏思远", "chairOf", "samsung")}),
    ("高通宣布任命魏思远为新任首席执行官。", "zh", {("魏思远", "ceoOf", "qualcomm")}),
    ("Qualcomm named Dorian Welk its new chief executive on Monday.", "en", {("Dorian Welk", "ceoOf", "qualcomm")}),
    ("Qualcomm's interim CEO Dorian Welk said the chip would ship.", "en", {("Dorian Welk", "ceoOf", "qualcomm")}),
])
def test_an_appointment_names_the_post_and_the_person_after_the_verb(text, lang, expected):
    got = people(text, lang)
    assert expected <= got
    assert not of("executiveOf", got)  # the verb and the name are no unit of the title


def _with_period(text, lang, **kw):
    from helpers import run
    x = run(text, lang, **{"organisation": "", "speaker": "", **kw})
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    return {(names.get(f.subject, f.subject), f.predicate, names.get(f.obj, f.obj),
             f.attr("period").key if f.attr("period") else None) for f in x.facts if f.predicate in ROLES}


@pytest.mark.parametrize("text, lang, expected", [
    ("Dorian Welk has run Qualcomm since 2021.", "en", ("Dorian Welk", "ceoOf", "qualcomm", "since-2021")),
    ("Dorian Welk took the helm at Qualcomm in 2021.", "en", ("Dorian Welk", "ceoOf", "qualcomm", "2021")),
    ("魏思远自2019年起执掌高通。", "zh", ("魏思远", "ceoOf", "qualcomm", "since-2019")),
    ("魏思远掌舵高通多年。", "zh", ("魏思远", "ceoOf", "qualcomm", None)),
])
def test_running_the_company_is_its_chief_executive_post(text, lang, expected):
    assert expected in _with_period(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Dorian Welk runs Qualcomm's automotive unit.", "en"),
    ("魏思远执掌高通的芯片业务。", "zh"),
])
def test_running_a_unit_of_the_company_is_not_its_top_post(text, lang):
    assert not of("ceoOf", people(text, lang))


@pytest.mark.parametrize("text, lang, org, expected", [
    # the name glued to the first character of the copula
    ("杨振宇担任高通首席执行官。", "zh", "", {("杨振宇", "ceoOf", "qualcomm")}),
    ("公司创始人韩立新任名誉董事长，欧阳晓明任董事长。", "zh", "qualcomm", {("欧阳晓明", "chairOf", "qualcomm")}),
    # the board's chairman chairs the company, however the board is written
    ("高通的董事会的主席是马克·温特。", "zh", "", {("马克·温特", "chairOf", "qualcomm")}),
    ("马克·温特是董事会的主席。", "zh", "qualcomm", {("马克·温特", "chairOf", "qualcomm")}),
    ("Ms. Anja Vollmer serves as vice chairwoman of the board and chief operating officer.", "en", "qualcomm",
     {("Anja Vollmer", "viceChairOf", "qualcomm"), ("Anja Vollmer", "cooOf", "qualcomm")}),
])
def test_titles_of_the_board_and_names_before_copulas(text, lang, org, expected):
    got = people(text, lang, organisation=org)
    assert expected <= got
    assert not {s for s, _, _ in of("executiveOf", got)} & {s for s, _, _ in expected}  # (名誉董事长 is one)


@pytest.mark.parametrize("text, lang, expected", [
    ("Qualcomm was founded by Dorian Welk in 1985. Welk has served as the company's chief executive officer since 2001.",
     "en", ("Dorian Welk", "ceoOf", "qualcomm")),
    ("Qualcomm chief executive Dorian Welk spoke first. Later Welk became chairman of Qualcomm.",
     "en", ("Dorian Welk", "chairOf", "qualcomm")),
    ("高通由马克·温特创立。温特至今担任公司董事长。", "zh", ("马克·温特", "chairOf", "qualcomm")),
])
def test_a_person_named_in_full_before_is_called_by_a_short_form(text, lang, expected):
    got = people(text, lang, organisation="qualcomm")
    assert expected in got
    assert {s for s, _, _ in got} == {expected[0]}  # the short form is no other person


def test_a_short_form_two_people_share_names_neither():
    got = people("Qualcomm was founded by Dorian Welk and Ivo Welk in 1985. Welk is chairman of Qualcomm.", "en")
    assert not of("chairOf", got) or all(s not in ("Dorian Welk", "Ivo Welk") for s, _, _ in of("chairOf", got))


@pytest.mark.parametrize("text, expected", [
    # the top post of a business named after the company: a post in that business, named as written
    ("三星电子中国区总裁韩立新表示。", ("韩立新", "presidentOf", "三星电子中国区")),
    ("高通零售CEO魏思远表示。", ("魏思远", "ceoOf", "高通零售")),
    # worldwide is the company itself
    ("高通全球CEO魏思远表示。", ("魏思远", "ceoOf", "qualcomm")),
])
def test_the_top_post_of_a_business_named_after_the_company(text, expected):
    assert expected in people(text, "zh")


@pytest.mark.parametrize("text, expected", [
    ("高通品牌及公关处总经理魏思远表示。", ("魏思远", "executiveOf", "qualcomm")),   # a department
    ("魏思远现任高通董事局名誉主席。", ("魏思远", "executiveOf", "qualcomm")),       # an honorary post
    ("高通软件工程高级副总裁魏思远表示。", ("魏思远", "executiveOf", "qualcomm")),   # below the top
])
def test_a_department_an_honorary_post_or_a_vice_president_stays_the_companys(text, expected):
    got = people(text, "zh")
    assert expected in got
    assert all(o == "qualcomm" for _, _, o in got)


def test_the_person_after_joined_titles_holds_the_first_title_too():
    got = people("高通全球执行副总裁、高通中国董事长兼总裁为魏思远。", "zh")
    assert ("魏思远", "executiveOf", "qualcomm") in got
    assert {("魏思远", "chairOf", "高通中国"), ("魏思远", "presidentOf", "高通中国")} <= got


def test_a_function_word_before_the_title_is_no_unit():
    got = people("我们与董事长兼首席执行官魏思远进行了交流。", "zh", organisation="qualcomm")
    assert got == {("魏思远", "chairOf", "qualcomm"), ("魏思远", "ceoOf", "qualcomm")}


@pytest.mark.parametrize("text, lang, expected", [
    # an interview's or a panel's labels: the titles (and the organisation) in brackets or after commas
    ("Dorian Welk (CEO, Qualcomm): Thank you for having me.", "en", ("Dorian Welk", "ceoOf", "qualcomm")),
    ("Dorian Welk, chief financial officer, Qualcomm: Thank you.", "en", ("Dorian Welk", "cfoOf", "qualcomm")),
    ("魏思远（高通首席执行官）：谢谢邀请。", "zh", ("魏思远", "ceoOf", "qualcomm")),
])
def test_a_speakers_label_gives_the_title_and_the_organisation(text, lang, expected):
    assert expected in people(text, lang)


@pytest.mark.parametrize("text, expected", [
    ("I am the founder of Xiaomi.", ("lei-jun", "founderOf", "xiaomi")),
    ("I'm the chief executive of Xiaomi.", ("lei-jun", "ceoOf", "xiaomi")),
])
def test_the_speaker_says_what_post_they_hold(text, expected):
    assert expected in people(text, "en", organisation="xiaomi", speaker="lei-jun")


@pytest.mark.parametrize("text, expected", [
    ("首席财务官韩立新2019年加盟高通，此前在一家银行工作。", ("韩立新", "cfoOf", "qualcomm", "2019")),
    ("总裁魏思远于2021年3月加入高通。", ("魏思远", "presidentOf", "qualcomm", "2021-03")),
])
def test_joining_the_company_after_the_title_and_name_dates_the_post(text, expected):
    assert expected in _with_period(text, "zh", organisation="qualcomm")


@pytest.mark.parametrize("text, expected", [
    # an aside on the person between the name and the copula
    ("Anja Vollmer, a former Nokia engineer, is chief technology officer of Qualcomm.", ("Anja Vollmer", "ctoOf", "qualcomm")),
    ("Anja Vollmer, the company's longtime finance chief, became chief executive of Qualcomm in 2023.",
     ("Anja Vollmer", "ceoOf", "qualcomm")),
    # a word-by-word translation: the surname He opening a name; 首席执行官 as 首席执行的官员
    ("Board chairman and chief executive officer He Bright Stone said so.", ("He Bright Stone", "ceoOf", "qualcomm")),
])
def test_asides_and_translated_names(text, expected):
    got = people(text, "en", organisation="qualcomm")
    assert expected in got
    assert not {o for _, _, o in got} - {"qualcomm"}  # the aside's organisation is not the title's


def test_a_stilted_translation_of_the_chief_executive_title():
    assert ("马克·温特", "ceoOf", "qualcomm") in people("马克·温特是高通的首席执行的官员。", "zh")


def test_the_pronoun_he_is_still_no_name():
    assert not people("He is chairman of Qualcomm. CEO He said the results were good.", "en")


@pytest.mark.parametrize("text, lang, expected", [
    ("Anja Vollmer, 54, has been chief executive of Qualcomm since 2021.", "en", ("Anja Vollmer", "ceoOf", "qualcomm")),
    ("韩立新，54岁，现任高通董事长。", "zh", ("韩立新", "chairOf", "qualcomm")),
])
def test_the_persons_age_between_the_name_and_the_title(text, lang, expected):
    assert expected in people(text, lang)


@pytest.mark.parametrize("text, expected", [
    # a verb of taking or leaving the post before "as": the post held at the time the text speaks of
    ("Anja Vollmer took over as chief executive in 2020.", ("Anja Vollmer", "ceoOf", "qualcomm")),
    ("Anja Vollmer stepped down as chairman of Qualcomm last year.", ("Anja Vollmer", "chairOf", "qualcomm")),
    ("Dorian Welk resigned as chief financial officer in May.", ("Dorian Welk", "cfoOf", "qualcomm")),
    ("Dorian Welk was promoted to chief operating officer in 2019.", ("Dorian Welk", "cooOf", "qualcomm")),
])
def test_taking_or_leaving_a_post_as_a_title(text, expected):
    assert expected in people(text, "en", organisation="qualcomm")


@pytest.mark.parametrize("text, lang, expected", [
    # two names the lexicon lacks around a word of succeeding: both held the post
    ("韩立新接替魏思远出任首席执行官。", "zh", {("韩立新", "ceoOf", "qualcomm"), ("魏思远", "ceoOf", "qualcomm")}),
    ("2023年，欧阳晓明接替了林大伟出任董事长。", "zh", {("欧阳晓明", "chairOf", "qualcomm"), ("林大伟", "chairOf", "qualcomm")}),
    ("韩立新在2022年11月成为首席财务官，接替了魏思远。", "zh", {("韩立新", "cfoOf", "qualcomm"), ("魏思远", "cfoOf", "qualcomm")}),
])
def test_a_successor_and_the_one_succeeded(text, lang, expected):
    got = people(text, lang, organisation="qualcomm")
    assert expected <= got
    assert {s for s, _, _ in got} == {s for s, _, _ in expected}  # no name glued to 了 or 在


def test_a_relative_clause_after_the_one_succeeded_is_about_them():
    got = people("Anja Vollmer succeeded Dorian Welk, who became chairman.", "en", organisation="qualcomm")
    assert ("Dorian Welk", "chairOf", "qualcomm") in got
    assert ("Anja Vollmer", "chairOf", "qualcomm") not in got


@pytest.mark.parametrize("text, expected", [
    ("公司财务负责人为韩立新。", ("韩立新", "cfoOf", "qualcomm")),   # the CFO as Chinese filings name the post
    ("公司董事会由董事长韩立新领导。", ("韩立新", "chairOf", "qualcomm")),   # words before a function word qualify no title
    ("高通目前的董事长为魏思远。", ("魏思远", "chairOf", "qualcomm")),   # a filler is no unit
])
def test_chinese_words_before_a_title_that_are_no_unit(text, expected):
    got = people(text, "zh", organisation="qualcomm")
    assert expected in got
    assert not of("executiveOf", got)


def test_a_companys_arm_in_a_place_in_brackets_is_an_organisation():
    got = people("三星（中国）目前的董事长兼首席执行官为魏思远。", "zh", organisation="qualcomm")
    assert got == {("魏思远", "chairOf", "三星（中国）"), ("魏思远", "ceoOf", "三星（中国）")}


@pytest.mark.parametrize("text, expected", [
    # a name the lexicon lacks after "of" in a top title or a founder's is the organisation, not the text's company
    ("Dorian Welk, a co-founder of Brightloop, invested early.", {("Dorian Welk", "founderOf", "Brightloop")}),
    ("Anja Vollmer, president and chief executive of Nordvik Appliances, spoke.",
     {("Anja Vollmer", "presidentOf", "Nordvik Appliances"), ("Anja Vollmer", "ceoOf", "Nordvik Appliances")}),
    ("Dorian Welk is executive chairman of Ant International.", {("Dorian Welk", "chairOf", "Ant International")}),
])
def test_a_new_organisation_after_of(text, expected):
    got = people(text, "en", organisation="qualcomm")
    assert got == expected


@pytest.mark.parametrize("text", [
    "Anja Vollmer is president of Worldwide Sales.",   # a unit's post
    "Anja Vollmer is president of Europe.",            # a region's
])
def test_a_unit_or_a_place_after_of_is_no_organisation(text):
    got = people(text, "en", organisation="qualcomm")
    assert got == {("Anja Vollmer", "executiveOf", "qualcomm")}


@pytest.mark.parametrize("text, lang, expected", [
    ("As chief executive, Anja Vollmer has cut costs.", "en", {("Anja Vollmer", "ceoOf", "qualcomm")}),
    ("As Qualcomm's co-founder, Dorian Welk said the chip would ship.", "en", {("Dorian Welk", "founderOf", "qualcomm")}),
    ("作为高通创始人，韩立新表示，收入增长。", "zh", {("韩立新", "founderOf", "qualcomm")}),
    ("作为公司的首席财务官，魏思远表示。", "zh", {("魏思远", "cfoOf", "qualcomm")}),
])
def test_titles_in_an_opening_as_phrase_and_the_person_after_it(text, lang, expected):
    assert people(text, lang, organisation="qualcomm") == expected


@pytest.mark.parametrize("text", [
    "The firm is a Worldwide Olympic Partner of the Games.",   # capitalised words right before a title are no name
    "As a partner, Qualcomm supports the Games.",
])
def test_no_person_in_a_title_phrase_without_a_name(text):
    assert people(text, "en", organisation="qualcomm") == set()


def test_a_transliterated_name_with_a_hyphen_in_the_surname():
    got = people("首席财务官普拉尚特·马亨德拉-拉贾（Prashanth Mahendra-Rajah）表示，收入增长。", "zh", organisation="qualcomm")
    assert got == {("普拉尚特·马亨德拉-拉贾", "cfoOf", "qualcomm")}


@pytest.mark.parametrize("text, expected", [
    # 其 before the title: the organisation the clause before is about
    ("三星在高通董事会中拥有两个席位，其首席执行官魏思远表示，合作顺利。", ("魏思远", "ceoOf", "samsung")),
    # a Latin name opening the clause, 由, the person, the copula, the title
    ("此外，Brightloop由魏思远担任首席执行官。", ("魏思远", "ceoOf", "Brightloop")),
    # the top post of an organisation the lexicon lacks, named after the copula
    ("杨振宇担任蚂蚁国际首席执行官。", ("杨振宇", "ceoOf", "蚂蚁国际")),
])
def test_the_organisation_of_a_chinese_title_named_elsewhere_than_before_it(text, expected):
    got = people(text, "zh", organisation="qualcomm")
    assert got == {expected}


@pytest.mark.parametrize("text, expected", [
    # 任 of 上任, then words that say something: no unit
    ("上任不满一个月的联席首席执行官克莱·马古（Clay Magu）接受了专访。", ("克莱·马古", "ceoOf", "qualcomm")),
    # a region or a new business after the copula stays a unit of the text's company
    ("魏思远担任华东区总经理。", ("魏思远", "executiveOf", "qualcomm")),
    ("魏思远担任新业务首席执行官。", ("魏思远", "executiveOf", "qualcomm")),
])
def test_words_before_a_chinese_title_that_name_no_organisation(text, expected):
    assert people(text, "zh", organisation="qualcomm") == {expected}


def test_where_the_person_came_from_is_no_organisation_of_the_title():
    # (从谷歌: the origin; 加入作为 is no unit of a business named 谷歌加入作为)
    got = labelled("雪莉·桑德伯格在2008年从谷歌加入作为首席运营官。", "zh", organisation="meta")
    assert {(p, o) for _, p, o in got if p in ROLES} == {("cooOf", "meta")}


@pytest.mark.parametrize("text, expected", [
    ("Anja Vollmer, a former Intel executive, became chief executive of Qualcomm in 2023.",
     {("Anja Vollmer", "executiveOf", "intel"), ("Anja Vollmer", "ceoOf", "qualcomm")}),
    ("Intel executive Dorian Welk said the chip would ship.", {("Dorian Welk", "executiveOf", "intel")}),
    ("The executive team met in May.", set()),
])
def test_an_executive_of_a_company(text, expected):
    assert people(text, "en", organisation="qualcomm") == expected


@pytest.mark.parametrize("text, lang, expected", [
    # the head of the company as the press calls it, in both languages
    ("Qualcomm boss Anja Vollmer said the chip would ship.", "en", {("Anja Vollmer", "ceoOf", "qualcomm")}),
    ("Qualcomm's new boss, Anja Vollmer, said the chip would ship.", "en", {("Anja Vollmer", "ceoOf", "qualcomm")}),
    ("高通掌门人魏思远表示，收入增长。", "zh", {("魏思远", "ceoOf", "qualcomm")}),
    ("作为高通的掌舵人，魏思远表示。", "zh", {("魏思远", "ceoOf", "qualcomm")}),
    # leading or heading the company (not a unit of it)
    ("Anja Vollmer, who has led Qualcomm since 2019, said.", "en", {("Anja Vollmer", "ceoOf", "qualcomm")}),
    ("Anja Vollmer heads Qualcomm's chip unit.", "en", set()),
    # the organisation after the person the titles name
    ("Chief Executive Officer Anja Vollmer of Qualcomm said.", "en", {("Anja Vollmer", "ceoOf", "qualcomm")}),
])
def test_the_head_of_the_company_told_other_ways(text, lang, expected):
    assert people(text, lang, organisation="samsung") == expected


@pytest.mark.parametrize("text", [
    "Qualcomm's software chief executive Anja Vollmer said.",
    "Qualcomm's mobile president Anja Vollmer said.",
])
def test_a_units_words_between_the_owner_and_the_title_make_a_units_post(text):
    assert people(text, "en", organisation="samsung") == {("Anja Vollmer", "executiveOf", "qualcomm")}


@pytest.mark.parametrize("text, expected", [
    # initials in Latin letters before the dot of a transliterated name
    ("高通创始人兼首席执行官JB·斯特劳（JB Strau）表示。", {("JB·斯特劳", "founderOf", "qualcomm"), ("JB·斯特劳", "ceoOf", "qualcomm")}),
])
def test_a_transliterated_name_with_latin_initials(text, expected):
    assert people(text, "zh", organisation="qualcomm") >= expected


def test_a_universitys_name_before_a_title_is_no_person():
    got = people("Company founder Dorian Welk is born in 1991 year, graduate from South Capital University, now serve as "
                 "company board of directors chairman.", "en", organisation="qualcomm")
    assert ("Dorian Welk", "founderOf", "qualcomm") in got
    assert not any(s.endswith("University") for s, _, _ in got)


def test_a_word_by_word_serve_as_is_a_copula():
    assert people("Anja Vollmer now serve as chief executive.", "en", organisation="qualcomm") == {("Anja Vollmer", "ceoOf", "qualcomm")}


def test_the_post_taken_is_not_of_the_company_of_the_post_held_before():
    got = people("今年10月，高通宣布由前三星首席执行官丹·舒尔（Dan Schul）接任首席执行官。", "zh", organisation="verizon")
    assert got == {("丹·舒尔", "ceoOf", "samsung"), ("丹·舒尔", "ceoOf", "qualcomm")}


@pytest.mark.parametrize("text, lang, expected", [
    # a member of the board: the board as written with its company, else the board of directors
    ("丹·舒尔此前已经是高通的董事会成员。", "zh", {("丹·舒尔", "memberOf", "高通的董事会")}),
    ("丹·舒尔是董事会成员。", "zh", {("丹·舒尔", "memberOf", "board-of-directors")}),
    # in English, the company whose board it is
    ("Anja Vollmer is a member of the board of Qualcomm.", "en", {("Anja Vollmer", "memberOf", "qualcomm")}),
])
def test_a_member_of_the_board(text, lang, expected):
    assert people(text, lang, organisation="samsung") == expected


def test_a_pronoun_clause_after_the_name_dates_the_post():
    # 首席财务官为X，她于2023年接替Y出任该职: the clause after the name says when she took the post
    from helpers import run
    x = run("小米首席财务官为林梅，她于2023年接替王强出任该职。", "zh", organisation="xiaomi", speaker="")
    got = {(f.predicate, f.attr("period").key if f.attr("period") else "") for f in x.facts if f.predicate == "cfoOf"}
    assert got == {("cfoOf", "2023")}, got
    # a time in that clause with no word of taking the post dates something else
    x = run("小米首席财务官为林梅，她2019年曾在微软工作。", "zh", organisation="xiaomi", speaker="")
    got = {(f.predicate, f.attr("period").key if f.attr("period") else "") for f in x.facts if f.predicate == "cfoOf"}
    assert got == {("cfoOf", "")}, got


# ---- people named again, posts told twice, names the lexicon lacks (sentences of our own, invented people)

def _dated(text, lang, **kw):
    """(person label, property, organisation label, period key or '') of the posts a text tells."""
    from helpers import run
    x = run(text, lang, **{"organisation": "", "speaker": "", **kw})
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    return {(names.get(f.subject, f.subject), f.predicate, names.get(f.obj, f.obj),
             f.attr("period").key if f.attr("period") else "") for f in x.facts if f.predicate in ROLES}


@pytest.mark.parametrize("text, lang, expected", [
    ("Ren Zhengfei moved to Shenzhen in 1987. He is the founder and chairman of Qualcomm.", "en",
     {("ren-zhengfei", "chairOf", "qualcomm", ""), ("ren-zhengfei", "founderOf", "qualcomm", "")}),
    ("Ren Zhengfei moved to Shenzhen in 1987. In 2019, she became chief executive of Qualcomm.", "en",
     {("ren-zhengfei", "ceoOf", "qualcomm", "2019")}),
    ("任正非1987年来到深圳。他此前是三星的首席执行官。", "zh", {("ren-zhengfei", "ceoOf", "samsung", "")}),
    ("任正非1987年来到深圳。2019年，他出任高通董事长。", "zh", {("ren-zhengfei", "chairOf", "qualcomm", "2019")}),
])
def test_he_or_she_opening_the_next_sentence_is_the_one_person_named_before(text, lang, expected):
    assert _dated(text, lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("Ren Zhengfei met Tim Cook in 1987. He is the chairman of Qualcomm.", "en"),   # two people: which one?
    ("任正非1987年来到深圳。他们是高通的董事。", "zh"),                              # 他们: they
    ("任正非1987年来到深圳。其他人是高通的董事。", "zh"),                            # 其他: others
])
def test_no_pronoun_subject_when_the_text_names_several_or_a_group(text, lang):
    assert not {f for f in _dated(text, lang) if f[0] == "ren-zhengfei"}


def test_a_post_told_undated_and_dated_is_one_dated_fact():
    got = _dated("访谈高通联席CEO韩立新。去年5月，她被任命为联席CEO。", "zh", organisation="qualcomm")
    assert got == {("韩立新", "ceoOf", "qualcomm", "2017-05")}
    got = _dated("Qualcomm CFO Mara Quill spoke. Mara Quill became Qualcomm's chief financial officer in March 2021.", "en")
    assert got == {("Mara Quill", "cfoOf", "qualcomm", "2021-03")}


@pytest.mark.parametrize("text, lang, period", [
    ("高通前任首席执行官魏思远于2012年接任，2019年卸任。", "zh", "2012"),
    ("高通前首席执行官魏思远2019年加盟三星。", "zh", ""),        # the time of joining another company
    ("高通前首席执行官魏思远已经退休。", "zh", ""),
    ("Qualcomm's former chief executive Anja Vollmer, who took over in 2012, retired.", "en", "2012"),
    ("Qualcomm's former chief executive Anja Vollmer joined Samsung in 2019.", "en", ""),
])
def test_a_past_post_is_dated_by_its_start_only(text, lang, period):
    assert {f[3] for f in _dated(text, lang) if f[1] == "ceoOf"} == {period}


def test_a_clause_on_the_person_between_the_name_and_the_title_dates_nothing():
    got = _dated("Mara Quill, who joined Qualcomm in 2015, was named chief executive in August 2019.", "en", organisation="qualcomm")
    assert got == {("Mara Quill", "ceoOf", "qualcomm", "2019-08")}
    got = _dated("Mara Quill, who had run Samsung for 12 years, was named chief executive of Qualcomm in August 2019.", "en")
    assert ("Mara Quill", "ceoOf", "qualcomm", "2019-08") in got and ("Mara Quill", "ceoOf", "samsung", "") in got


@pytest.mark.parametrize("text, lang, expected", [
    ("魏思远之前做过三星的总裁兼首席执行官。", "zh", {("魏思远", "presidentOf", "samsung"), ("魏思远", "ceoOf", "samsung")}),
    ("Mara Quill serves as both chairman and CEO of Qualcomm.", "en", {("Mara Quill", "chairOf", "qualcomm"), ("Mara Quill", "ceoOf", "qualcomm")}),
    ("Mara Quill is still the chairman and the CTO of Qualcomm.", "en", {("Mara Quill", "chairOf", "qualcomm"), ("Mara Quill", "ctoOf", "qualcomm")}),
    # an age after "at" is no unit of the titles
    ("I'm still the chairman and the CTO at seventy years old.", "en", {("lei-jun", "chairOf", "qualcomm"), ("lei-jun", "ctoOf", "qualcomm")}),
])
def test_more_words_between_a_name_and_its_titles(text, lang, expected):
    assert people(text, lang, organisation="qualcomm", speaker="lei-jun") == expected


def test_running_the_companys_unit_is_no_chief_executive_post():
    got = people("Mara Quill now runs our global sales organisation as president.", "en", organisation="qualcomm")
    assert got == {("Mara Quill", "presidentOf", "qualcomm")}
    assert people("Mara Quill now runs our company.", "en", organisation="qualcomm") == {("Mara Quill", "ceoOf", "qualcomm")}


@pytest.mark.parametrize("text, lang, name", [
    ('We spoke with founder and chief executive Robert "Bo" Quill about the truck.', "en", 'Robert "Bo" Quill'),
    ("Qualcomm chief executive William (Bill) Quill said so.", "en", "William (Bill) Quill"),
    ("Qualcomm chief executive Anja van der Quill said so.", "en", "Anja van der Quill"),
    ("高通首席执行官克里斯托弗·R·奎尔表示需求强劲。", "zh", "克里斯托弗·R·奎尔"),
])
def test_names_with_a_nickname_particles_or_an_initial(text, lang, name):
    assert ("ceoOf" in {p for s, p, _ in people(text, lang, organisation="qualcomm") if s == name})


def test_a_nickname_gives_the_name_without_it_and_with_it_as_the_given_name():
    from helpers import run
    x = run('Qualcomm chief executive Robert "Bo" Quill said so.', "en", organisation="", speaker="")
    person = next(e for e in x.entities if e.cls == "Person")
    assert {n for _, n in person.aliases} >= {"Robert Quill", "Bo Quill"}


@pytest.mark.parametrize("text, lang, expected", [
    # the title before the successor's name is not the one succeeded in
    ("高通总裁韩立新接替魏思远出任首席执行官。", "zh",
     {("韩立新", "presidentOf", "qualcomm", ""), ("韩立新", "ceoOf", "qualcomm", ""), ("魏思远", "ceoOf", "qualcomm", "")}),
    # a time before the successor dates the post taken
    ("2020年，韩立新接替魏思远担任高通首席执行官。", "zh", {("韩立新", "ceoOf", "qualcomm", "2020"), ("魏思远", "ceoOf", "qualcomm", "")}),
    ("Mara Quill, who succeeded Anja Vollmer as CEO of Qualcomm in 2020, said demand was strong.", "en",
     {("Mara Quill", "ceoOf", "qualcomm", "2020"), ("Anja Vollmer", "ceoOf", "qualcomm", "")}),
])
def test_the_successor_and_the_one_succeeded(text, lang, expected):
    assert _dated(text, lang, organisation="qualcomm") == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Samsung hired former Qualcomm chief financial officer Mara Quill as its president.", "en",
     {("Mara Quill", "cfoOf", "qualcomm"), ("Mara Quill", "presidentOf", "samsung")}),
    ("三星聘请高通前首席财务官韩立新担任总裁。", "zh", {("韩立新", "cfoOf", "qualcomm"), ("韩立新", "presidentOf", "samsung")}),
    ("三星董事会任命韩立新为总裁。", "zh", {("韩立新", "presidentOf", "samsung")}),
    # the company joined, between the name and the title
    ("Mara Quill joined Samsung in 2015 as chief operating officer.", "en", {("Mara Quill", "cooOf", "samsung")}),
])
def test_the_post_taken_is_of_the_company_that_hires_or_is_joined(text, lang, expected):
    assert people(text, lang, organisation="qualcomm") == expected


@pytest.mark.parametrize("text, period", [
    ("Mara Quill stepped up to the chief executive role in 2019.", "2019"),
    ("Mara Quill assumed the role of chief executive in January 2019.", "2019-01"),
    ("Mara Quill was appointed to the post of chief executive in 2019.", "2019"),
])
def test_the_role_of_a_title_is_the_title(text, period):
    assert _dated(text, "en", organisation="qualcomm") == {("Mara Quill", "ceoOf", "qualcomm", period)}


@pytest.mark.parametrize("text, lang, expected", [
    ("Chief Executive Officer (CEO) Mara Quill said so.", "en", {("Mara Quill", "ceoOf", "qualcomm")}),
    ("首席执行官（CEO）韩立新表示需求强劲。", "zh", {("韩立新", "ceoOf", "qualcomm")}),
    # 首席执行官 as a machine translation orders its words
    ("Samsung chairman and executive chief Mara Quill said so.", "en", {("Mara Quill", "chairOf", "samsung"), ("Mara Quill", "ceoOf", "samsung")}),
])
def test_a_title_with_its_short_form_or_its_words_reversed(text, lang, expected):
    assert people(text, lang, organisation="qualcomm") == expected


def test_the_post_of_a_business_glossed_in_latin_letters_is_not_the_topics():
    # 星河云平台（XCP）: a business the lexicon lacks, glossed; its president is no president of the text's company
    assert people("韩立新此前是星河云平台（XCP）的总裁。", "zh", organisation="qualcomm") == set()
    assert people("韩立新此前是高通的总裁。", "zh", organisation="qualcomm") == {("韩立新", "presidentOf", "qualcomm")}


@pytest.mark.parametrize("text, expected", [
    ("韩立新此前是三星（Samsung）的联合创始人和首席执行官。", {("韩立新", "founderOf", "samsung"), ("韩立新", "ceoOf", "samsung")}),
    ("高通首席执行官韩立新于2017年5月上任，她此前是三星（Samsung）的首席执行官。",
     {("韩立新", "ceoOf", "qualcomm"), ("韩立新", "ceoOf", "samsung")}),
])
def test_an_organisation_glossed_in_latin_letters_before_the_title(text, expected):
    assert people(text, "zh", organisation="qualcomm") == expected


def test_a_title_named_again_in_brackets_is_the_same_post():
    # 总经理（总裁）: one post, not a president of a company called "总经理（"
    got = _dated("2015年起，韩立新担任总经理（总裁），负责日常经营。", "zh", organisation="qualcomm")
    assert got == {("韩立新", "presidentOf", "qualcomm", "since-2015")}


@pytest.mark.parametrize("text, expected", [
    ("韩立新被董事会任命为首席执行官。", {("韩立新", "ceoOf", "qualcomm", "")}),
    ("2019年，韩立新被三星董事会任命为首席执行官。", {("韩立新", "ceoOf", "samsung", "2019")}),
])
def test_appointed_by_the_board_in_a_passive_clause(text, expected):
    assert _dated(text, "zh", organisation="qualcomm") == expected


def test_a_companys_name_and_the_character_after_it_are_no_persons_name():
    got = _dated("韩立新是高通现任首席执行官，也是公司的创始人之一。", "zh", organisation="samsung")
    assert ("韩立新", "ceoOf", "qualcomm", "") in got and {f[0] for f in got} == {"韩立新"}


@pytest.mark.parametrize("text, lang, expected", [
    ("韩立新卸任首席执行官后，由林梅接任。", "zh", {("韩立新", "ceoOf", "qualcomm", ""), ("林梅", "ceoOf", "qualcomm", "")}),
    ("韩立新于2019年卸任三星首席执行官，林梅随即接任该职。", "zh",
     {("韩立新", "ceoOf", "samsung", ""), ("林梅", "ceoOf", "samsung", "2019")}),
    ("Mara Quill stepped down as Samsung's chief executive in 2020 and was succeeded by Anja Vollmer.", "en",
     {("Mara Quill", "ceoOf", "samsung", ""), ("Anja Vollmer", "ceoOf", "samsung", "2020")}),
    # no word of taking over: someone else's work, not the post
    ("韩立新卸任首席执行官后，由林梅负责日常运营。", "zh", {("韩立新", "ceoOf", "qualcomm", "")}),
])
def test_the_one_who_takes_over_a_post_left(text, lang, expected):
    assert _dated(text, lang, organisation="qualcomm") == expected


@pytest.mark.parametrize("text, expected", [
    ("2020年韩立新出任首席执行官。", {("韩立新", "ceoOf", "qualcomm", "2020")}),
    ("2020年林梅卸任首席执行官，由韩立新接任。", {("林梅", "ceoOf", "qualcomm", ""), ("韩立新", "ceoOf", "qualcomm", "2020")}),
])
def test_a_name_right_after_a_date_with_no_comma(text, expected):
    assert _dated(text, "zh", organisation="qualcomm") == expected
