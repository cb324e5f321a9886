"""Units, subsidiaries and levels told in ways that were missed on unseen documents, each on sentences
of its own: lists with asides, units grown out of a company, a company named as its owner in a place,
a kind word between 旗下的 and the name, "its U.S. unit", and a level told after its change."""
from __future__ import annotations

import pytest

from helpers import facts, labelled, of, run


def test_units_grown_out_of_a_company_are_its_own():
    got = labelled("小米金融、小米汽车和小米有品均从小米体系孵化而来。", "zh")  # the whole list before the verb
    assert of("hasSubOrganization", got) == {("xiaomi", "hasSubOrganization", "xiaomi-finance"),
                                             ("xiaomi", "hasSubOrganization", "xiaomi-auto"),
                                             ("xiaomi", "hasSubOrganization", "xiaomi-youpin")}, got
    assert of("hasSubOrganization", labelled("京东物流由京东孵化。", "zh")) == {("jd-com", "hasSubOrganization", "jd-logistics")}
    assert not of("hasSubOrganization", labelled("小米金融计划孵化更多创业公司。", "zh"))
    assert not of("hasSubOrganization", labelled("小米孵化器投资了青禾科技。", "zh"))  # an incubator, nothing owned


def test_units_listed_with_asides_after_its_are_asserted():
    x = run("Xiaomi makes phones. Its component arms include Fabrix Energy (batteries), Zentaro Electronics "
            "(air conditioning) and Kolmo Systems.", "en", organisation="xiaomi", speaker="")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    threshold = __import__("kg.extract", fromlist=["load_patterns"]).load_patterns().candidate_threshold
    got = {(names.get(f.subject, f.subject), f.obj) for f in x.facts if f.predicate == "subOrganizationOf"
           and max(e.confidence for e in f.evidence) >= threshold}
    assert got == {("Fabrix Energy", "xiaomi"), ("Zentaro Electronics", "xiaomi"), ("Kolmo Systems", "xiaomi")}, got


def test_a_list_of_two_kinds_stops_at_an_aside():
    # "subsidiaries and brands": past the aside the names may be brands; the list ends there
    got = of("subOrganizationOf", labelled("Subsidiaries and brands include Fabrix, Kolmo (robots), Zentaro Fresh and Vantix.",
                                           "en", organisation="xiaomi"))
    assert {f[0] for f in got} == {"Fabrix", "Kolmo"}, got


def test_a_company_named_as_its_owner_in_a_place():
    got = labelled("小米（印度）有限公司成立于2014年，总部设在班加罗尔。", "zh")
    assert ("小米（印度）有限公司", "subOrganizationOf", "xiaomi") in got, got
    assert not [f for f in got if f[0] == "xiaomi"], got  # what is said of it is not said of the owner
    # an aside that is no place: the owner's own name
    assert not of("subOrganizationOf", labelled("小米（Xiaomi）有限公司成立于2010年。", "zh"))


@pytest.mark.parametrize("text, expected", [
    ("小米集团旗下的金融平台小米金融增长迅速。", ("xiaomi-finance", "subOrganizationOf", "xiaomi")),  # what kind of unit, then its name
    ("京东集团旗下的物流企业京东物流上市了。", ("jd-logistics", "subOrganizationOf", "jd-com")),
])
def test_a_unit_after_what_kind_it_is(text, expected):
    assert of("subOrganizationOf", labelled(text, "zh")) == {expected}


def test_a_kind_before_another_unit_noun_is_no_name():
    # 子公司 tells the name; 智能家居 only says what kind it is
    assert of("subOrganizationOf", labelled("小米旗下的智能家居子公司青禾电子负责生产。", "zh")) == {("青禾电子", "subOrganizationOf", "xiaomi")}


@pytest.mark.parametrize("text", [
    "Xiaomi said its U.S. unit Fabrix would cut jobs.",   # a place written with dots between "its" and the noun
    "Xiaomi makes phones. Its U.S. unit Fabrix hired 200 engineers.",
])
def test_a_unit_told_with_its_and_an_abbreviated_place(text):
    assert ("Fabrix", "subOrganizationOf", "xiaomi") in labelled(text, "en", organisation="xiaomi")


def _levels(text: str, lang: str) -> set[tuple]:
    return {(f[1], f[2]) for f in facts(text, lang, organisation="xiaomi", speaker="") if f[1] in ("Users", "Subscribers")}


@pytest.mark.parametrize("text, lang, expected", [
    ("Xiaomi added 17 million monthly active users in the quarter, to 713 million.", "en", {("Users", 713000000.0)}),
    ("Xiaomi gained 4 million subscribers, reaching 120 million.", "en", {("Subscribers", 120000000.0)}),
    ("本季度新增月活跃用户1700万，达到7.13亿。", "zh", {("Users", 713000000.0)}),
    # a change with no level after it is no figure of the level
    ("Xiaomi added 17 million monthly active users in the quarter.", "en", set()),
    # a level told as it is stays as it was
    ("Monthly active users reached 713 million.", "en", {("Users", 713000000.0)}),
    ("月活跃用户达到7.13亿。", "zh", {("Users", 713000000.0)}),
])
def test_a_level_told_after_its_change(text, lang, expected):
    assert _levels(text, lang) == expected


@pytest.mark.parametrize("text, org, expected", [
    # names made of the company's name and a word, in a list closed by 等 and a word calling them units
    ("公司的“X”是小米医疗、小米教育、星河机器人等几个独立发展的业务。", "xiaomi",
     {("小米医疗", "subOrganizationOf", "xiaomi"), ("小米教育", "subOrganizationOf", "xiaomi")}),
    ("京东旗下还有京东物流、京东健康、海外业务等业务板块。", "lenovo",
     {("jd-logistics", "subOrganizationOf", "jd-com"), ("京东健康", "subOrganizationOf", "jd-com")}),
])
def test_units_listed_before_a_word_for_units(text, org, expected):
    assert of("subOrganizationOf", labelled(text, "zh", organisation=org)) == expected


@pytest.mark.parametrize("text", ["华为、小米等企业的业务增长很快。", "手机、电视等业务增长很快。"])
def test_a_list_of_companies_or_products_is_no_units(text):
    assert not of("subOrganizationOf", labelled(text, "zh", organisation="xiaomi"))


def test_a_time_word_opening_the_clause_is_no_part_of_the_unit():
    assert of("subOrganizationOf", labelled("如今青禾科技是集团的子公司。", "zh", organisation="xiaomi")) == \
        {("青禾科技", "subOrganizationOf", "xiaomi")}
