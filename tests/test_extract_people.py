"""Roles and founders of people the lexicon does not know, told in ways other writers tell them
(sentences written for the tests, invented people)."""
from __future__ import annotations

import pytest

from helpers import labelled, of

ROLES = ("ceoOf", "chairOf", "presidentOf", "cfoOf", "ctoOf", "cooOf", "viceChairOf", "executiveOf", "founderOf")


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
