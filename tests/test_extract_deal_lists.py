"""Deals told as a list, each with its own time and price ("acquired A in 2016 for $50 million, B in 2017 for
$85 million"), and corporate facts whose subject is "it" opening a clause after a colon or semicolon."""
from __future__ import annotations

from decimal import Decimal

import pytest

from helpers import run


def _deals(text: str, lang: str = "en", rel: str = "acquired", organisation: str = "") -> set[tuple]:
    """(buyer, what was bought, period, price, unit, asserted) of the text's deals."""
    x = run(text, lang, organisation=organisation, speaker="")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    out = set()
    for f in x.facts:
        if f.predicate == rel:
            p = f.attr("period")
            v = f.attr("value")
            out.add((names.get(f.subject, f.subject), names.get(f.obj, f.obj), p.key if p else None,
                     Decimal(v) if v is not None else None, f.attr("unit"),
                     max(e.confidence for e in f.evidence) >= 0.75))
    return out


@pytest.mark.parametrize("text", [
    "Huawei acquired Zentrix in 2015 for $40 million, Valtor Audio in 2017 for $95 million and Brightwave in 2019 for $120 million.",
    # the price before the time, "and" after a comma, a word of approximation in the price
    "Huawei bought Zentrix for $40 million in 2015, Valtor Audio for about $95 million in 2017, and Brightwave for $120 million in 2019.",
])
def test_each_name_of_a_list_of_deals_takes_its_own_time_and_price(text):
    got = {(o, p, v) for _, o, p, v, _, sure in _deals(text) if sure}
    assert got == {("Zentrix", "2015", Decimal("40000000")), ("Valtor Audio", "2017", Decimal("95000000")),
                   ("Brightwave", "2019", Decimal("120000000"))}, _deals(text)


def test_a_price_in_another_currency_in_a_list():
    got = {(o, v, u) for _, o, _, v, u, _ in _deals(
        "Huawei bought Zentrix for 40 million euros in 2015 and Valtor Audio for 95 million euros in 2017.")}
    assert got == {("Zentrix", Decimal("40000000"), "EUR"), ("Valtor Audio", Decimal("95000000"), "EUR")}


def test_a_list_with_times_only_has_no_price():
    got = {(o, p, v) for _, o, p, v, _, _ in _deals("Huawei acquired Zentrix in 2015, Valtor Audio in 2017 and Brightwave in 2019.")}
    assert got == {("Zentrix", "2015", None), ("Valtor Audio", "2017", None), ("Brightwave", "2019", None)}


def test_the_price_of_a_later_conjunct_is_not_the_first_deals():
    # "…, in 2008, and … Brightwave in 2011 for $367 million": the price is Brightwave's
    got = _deals("Huawei acquired Zentrix, the developer of a physics engine, in 2008, and the British modem designer "
                 "Brightwave in 2011 for $367 million.")
    assert ("huawei", "Zentrix", "2008", None, None, True) in got, got
    assert not [d for d in got if d[1] == "Zentrix" and d[3] is not None], got


def test_an_aside_after_a_single_deal_is_no_second_deal():
    got = _deals("In January 2020 Huawei completed the purchase of Zentrix, a Dubai-based ride-hailing company, for $3.1 billion.")
    assert {d[1] for d in got} == {"Zentrix"}, got
    assert {d[3] for d in got} == {Decimal("3100000000")}


@pytest.mark.parametrize("text", [
    "Over the past decade it has grown by buying brands: it acquired Zentrix in 2016 for $50 million.",
    "The company kept growing; it acquired Zentrix in 2016 for $50 million.",
])
def test_it_opening_a_clause_after_a_colon_is_the_texts_company(text):
    assert ("huawei", "Zentrix", "2016", Decimal("50000000"), "USD", True) in _deals(text, organisation="huawei")


def test_it_inside_a_clause_is_not_taken_for_the_company():
    # "it" after a verb is no subject opening a clause: no deal of the text's company
    assert not _deals("Analysts said that buying it: a risky bet for Zentrix.", organisation="huawei")


@pytest.mark.parametrize("text, fact", [
    ("Huawei also owns Quorvia, which listed separately on the Nasdaq in December 2022.", ("Quorvia", "listedOn")),
    ("The deal for Quorvia, which was listed in Frankfurt in 2018, closed last week.", ("Quorvia", "listedOn")),
    ("Huawei sold part of Quorvia, which was founded in 2015 by Jane Marlow.", ("Quorvia", "foundedOn")),
    ("Huawei bought Quorvia, which is headquartered in Oslo.", ("Quorvia", "headquarteredIn")),
])
def test_a_relative_clause_tells_of_the_name_before_which(text, fact):
    x = run(text, "en", organisation="huawei", speaker="")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    got = {(names.get(f.subject, f.subject), f.predicate) for f in x.facts}
    assert fact in got, got
    assert ("huawei", fact[1]) not in got, got  # not the company named earlier in the sentence
    assert ("Huawei", fact[1]) not in got, got


def test_which_after_the_founded_company_itself_keeps_it():
    x = run("Huawei, which was founded in 1987, is headquartered in Shenzhen.", "en", organisation="", speaker="")
    assert {(f.subject, f.predicate) for f in x.facts} >= {("huawei", "foundedOn"), ("huawei", "headquarteredIn")}


@pytest.mark.parametrize("text, founded, founders", [
    ("Quorvia was co-founded by Zhang Wei, Li Na and Wang Bo in 2015.", "Quorvia", {"Zhang Wei", "Li Na", "Wang Bo"}),
    ("Quorvia Robotics was founded in 2015 by Zhang Wei.", "Quorvia Robotics", {"Zhang Wei"}),
    ("Quorvia, founded in 2015 by Zhang Wei, makes robots.", "Quorvia", {"Zhang Wei"}),
    ("Quorvia Labs, its autonomous-driving spin-off, was founded in 2015.", "Quorvia Labs", set()),
])
def test_a_company_the_lexicon_lacks_before_a_passive_founding(text, founded, founders):
    x = run(text, "en", organisation="", speaker="")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    got = {(names.get(f.subject, f.subject), f.predicate, names.get(f.obj, f.obj)) for f in x.facts}
    assert (founded, "foundedOn", "period:2015") in got, got
    assert {s for s, p, o in got if p == "founderOf" and o == founded} == founders, got


@pytest.mark.parametrize("text", ["In 2015 the company was founded in Oslo.", "Its Oslo office was established in 2015."])
def test_no_name_before_a_passive_founding_founds_nothing_new(text):
    assert not [f for f in run(text, "en", organisation="", speaker="").facts if f.predicate == "foundedOn"]


@pytest.mark.parametrize("text, lang", [
    ("In March 1987 we founded Huawei in Shenzhen.", "en"),
    ("We started the company in 1987.", "en"),
    ("1987年，我们在深圳创办了华为。", "zh"),
])
def test_the_speaker_is_among_we_who_founded_the_company(text, lang):
    x = run(text, lang, organisation="huawei", speaker="ren-zhengfei")
    assert ("ren-zhengfei", "founderOf", "huawei") in {(f.subject, f.predicate, f.obj) for f in x.facts}


@pytest.mark.parametrize("text, lang, speaker", [
    ("We founded Quorvia Labs in 2019 to build chips.", "en", "ren-zhengfei"),   # a unit the company set up
    ("我们在去年收购了诺基亚的股权，成立合资公司。", "zh", "ren-zhengfei"),          # what was founded is not named
    ("In March 1987 we founded Huawei in Shenzhen.", "en", ""),                    # no speaker
])
def test_we_founding_something_else_makes_no_founder(text, lang, speaker):
    x = run(text, lang, organisation="huawei", speaker=speaker)
    assert not [f for f in x.facts if f.predicate == "founderOf"]


def test_a_name_ending_in_capitals_after_a_dot_is_one_name_not_two_sentences():
    from kg.lang.en import split_sentences
    text = "In 2023 we acquired Quorvia.AI, a start-up. It grew."
    assert [text[a:b] for a, b in split_sentences(text)] == ["In 2023 we acquired Quorvia.AI, a start-up.", "It grew."]
    glued = "It rose.In 2020 it fell."  # a word that opens a sentence glued on still opens one
    assert [glued[a:b] for a, b in split_sentences(glued)] == ["It rose.", "In 2020 it fell."]
    assert _deals(text, organisation="huawei") == {("huawei", "Quorvia.AI", "2023", None, None, True)}


def test_the_name_right_before_a_passive_founding_beats_a_company_named_earlier():
    x = run("Its arms include Nokia and Quorvia Energy; Quorvia Labs, its driving spin-off, was founded in 2019.", "en",
            organisation="", speaker="")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    assert {names.get(f.subject, f.subject) for f in x.facts if f.predicate == "foundedOn"} == {"Quorvia Labs"}


def _listed(text: str, lang: str, organisation: str = "") -> set[tuple[str, str]]:
    x = run(text, lang, organisation=organisation, speaker="")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    return {(names.get(f.subject, f.subject), f.obj) for f in x.facts if f.predicate == "listedOn"}


def test_its_shares_are_the_shares_of_the_company_the_sentence_opens_with():
    got = _listed("Huawei is the third-largest DRAM maker after Samsung Electronics and SK Hynix, and its shares trade "
                  "on the Nasdaq under the ticker HW.", "en")
    assert {s for s, _ in got} == {"huawei"}, got


@pytest.mark.parametrize("text", ["当天，中信证券的代表和多家投资机构的合伙人出席了在上海举行的上市仪式。",
                                  "公司去年向港交所递交了上市申请，中信证券担任保荐人。"])
def test_a_listing_ceremony_or_application_lists_no_one(text):
    assert not _listed(text, "zh"), _listed(text, "zh")


def test_a_kind_of_company_a_name_describes_is_not_that_company_listed():
    got = _listed("公司2010年9月在深圳证券交易所中小板上市，是首家在A股上市的苹果产业链组装企业之一。", "zh", organisation="huawei")
    assert {s for s, _ in got} == {"huawei"}, got
    assert _listed("在香港联交所上市的TCL电子，去年营收增长。", "zh") == {("TCL电子", "hkex")}


@pytest.mark.parametrize("text, listed", [
    ("萤石网络后于2022年12月在上海证券交易所科创板上市。", "萤石网络"),
    ("其子公司澜海电子于2021年在深交所上市。", "澜海电子"),
    ("海康威视旗下的澜海网络科技有限公司于2022年12月在上海证券交易所科创板上市。", "澜海网络科技有限公司"),
])
def test_a_chinese_clause_opening_with_a_new_name_lists_that_name(text, listed):
    got = _listed(text, "zh", organisation="huawei")
    assert {s for s, _ in got} == {listed}, got


@pytest.mark.parametrize("text", ["长城汽车H股于2003年12月在香港联交所上市。", "随后于2019年在港交所上市。", "公司于2019年在港交所上市。",
                                  "最早于2019年在港交所上市。"])
def test_shares_adverbs_and_pronouns_opening_the_clause_are_no_new_name(text):
    got = _listed(text, "zh", organisation="huawei")
    assert got and not [s for s, _ in got if s not in ("huawei", "great-wall-motor")], got


def test_one_price_before_a_chinese_verb_is_each_deals_of_the_list():
    got = _deals("2016年3月，华为以约1.05亿美元收购了两家视频编辑应用开发商Replay和Splice。", "zh")
    assert {(o, v) for _, o, _, v, _, _ in got} == {("Replay", Decimal("105000000")), ("Splice", Decimal("105000000"))}, got
    # a figure of another kind in the sentence is no price
    got = _deals("华为收购了Replay和Splice，营收达到10亿美元。", "zh")
    assert {(o, v) for _, o, _, v, _, _ in got} == {("Replay", None), ("Splice", None)}, got
