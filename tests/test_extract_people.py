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
