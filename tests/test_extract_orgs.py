"""Organisations the lexicon lacks as the other party of a deal or a unit (fictional companies)."""
from __future__ import annotations

from kg import lexicon, profile
from kg.lang import get
from kg.types import EntityInfo

from tests.helpers import labelled, of

TOPIC = {"zh": (EntityInfo("topic", "Company", (("zh", "澜海智能"),)),), "en": (EntityInfo("topic", "Company", (("en", "Veltrane"),)),)}


def _got(text, lang):
    return labelled(text, lang, organisation="topic", names=TOPIC[lang])


def test_zh_name_after_a_noun_of_its_kind():
    assert ("澜海智能", "acquired", "苏州恒驰电子") in _got("澜海智能收购了电机控制器厂商苏州恒驰电子。", "zh")
    assert ("澜海智能", "investedIn", "北极栅新能源") in _got("澜海智能入股了储能初创企业北极栅新能源。", "zh")
    assert ("澜海智能", "partnerOf", "凯斯勒物流") in _got("澜海智能与德国物流企业凯斯勒物流签署了战略合作协议。", "zh")
    # a kind with no name after it names nothing
    assert not of("acquired", _got("澜海智能收购了一家德国企业。", "zh"))
    assert not of("partnerOf", _got("澜海智能与多家企业合作。", "zh"))


def test_zh_investors_listed_before_a_kind_and_after_you():
    got = _got("澜海智能获得了红岭创投、启明星辰资本等机构的投资。", "zh")
    assert {("红岭创投", "investedIn", "澜海智能"), ("启明星辰资本", "investedIn", "澜海智能")} <= got
    assert ("鼎峰基金", "investedIn", "澜海智能") in _got("澜海智能的C轮融资由鼎峰基金领投。", "zh")
    assert not of("investedIn", _got("该项目由鼎峰基金领投。", "zh"))  # no round of a company told


def test_a_unit_the_company_sets_up():
    assert ("澜海智能", "hasSubOrganization", "澜海汽车有限公司") in _got("2022年，澜海智能成立澜海汽车有限公司。", "zh")
    assert ("Veltrane", "hasSubOrganization", "Orvex Automotive") in _got("In 2022 Veltrane set up Orvex Automotive.", "en")
    # a joint venture with a partner, a founding of its own: no unit
    assert not of("hasSubOrganization", _got("澜海智能与裕隆汽车合资成立了鸿华先进科技。", "zh"))
    assert not of("hasSubOrganization", _got("澜海智能于2012年在杭州成立。", "zh"))
    assert not of("hasSubOrganization", _got("Veltrane and Sony formed a joint venture, Carizon, in 2023.", "en"))


def test_english_topic_named_short_and_in_full():
    lex, en = lexicon.load(), get("en")
    text = ("Halvard Systems: company profile\n\nHalvard Systems AB is a Swedish maker of sensors. It was founded in 2009.\n\n"
            "In 2018 Halvard acquired Nordlys Data. Halvard also sold a unit. Halvard employs 900 people.")
    topic, names = profile.infer_topic_names(text, lex, en, ())
    assert topic and {"Halvard", "Halvard Systems"} <= {n for info in names for _, n in info.labels + info.aliases}
    text = ("Veltrane buys Corvina Labs\n\nOSLO — Veltrane Robotics, an Oslo-based maker of robots, said it had acquired "
            "Corvina Labs.\n\nVeltrane said the deal closed. Veltrane announced more. Veltrane reported growth.")
    topic, names = profile.infer_topic_names(text, lex, en, ())
    assert "Veltrane Robotics" in {n for info in names for _, n in info.labels + info.aliases}


def test_a_list_closed_by_a_kind_reads_latin_names_whole_and_in_linear_time():
    got = of("partnerOf", _got("澜海智能与Orvex Robotics、Nebula Prime等机构合作。", "zh"))
    assert got == {("澜海智能", "partnerOf", "Orvex Robotics"), ("澜海智能", "partnerOf", "Nebula Prime")}
    # a long stretch of Latin words before 等机构: each run of letters is one unit of the list's regex, which
    # used to cut it every possible way (this call did not return)
    got = of("partnerOf", _got("澜海智能与Orvex Robotics Nebula Prime Systems Holdings Worldwide Partners Group等机构合作。", "zh"))
    assert got and all(o.startswith("Orvex Robotics") for _, _, o in got)
