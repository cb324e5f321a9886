"""Machine translations from Chinese rendered word by word: titles (董事长 "chairman of board", 总经理 "total
manager"), listings ("up market"), headquarters ("headquarters set in"), metric nouns (研发投入 "research and
develop invest", 出货量 "ship amount", 回购 "back purchase", 现金红利 "cash red profit") and dates without their
year ("8 month 27 day"). Sentences of our own, about companies the lexicon knows."""
from __future__ import annotations

import datetime as dt

import pytest

from helpers import facts, labelled, of, run

DAY = dt.date(2024, 6, 20)


@pytest.mark.parametrize("text, rel", [
    ("Lenovo yesterday hold the shareholders big meeting, the chairman of board Yang Yuanqing introduce the strategy.", "chairOf"),
    ("Lenovo board of directors long Yang Yuanqing say the market recover.", "chairOf"),
    ("Lenovo vice chairman of board Yang Yuanqing visit the factory.", "viceChairOf"),
    ("The company total manager Yang Yuanqing is in charge of the brand.", "presidentOf"),
    ("Lenovo chief technique officer Yang Yuanqing say the chip is ready.", "ctoOf"),
    ("Lenovo chief operate officer Yang Yuanqing say the plant is full.", "cooOf"),
])
def test_word_for_word_titles(text, rel):
    got = of(rel, facts(text, "en", organisation="lenovo", speaker="", date=DAY))
    assert got == {("yang-yuanqing", rel, "lenovo")}


def test_word_for_word_founder_title():
    assert ("yang-yuanqing", "founderOf", "lenovo") in labelled("Yang Yuanqing is the Lenovo create start person.", "en")


@pytest.mark.parametrize("text, exchange", [
    ("2004 year 12 month, Lenovo at Shenzhen Securities Exchange up market.", "szse"),
    ("2004 year 12 month, Lenovo in Shanghai Securities Exchange main board hang the card go to market.", "sse"),
])
def test_word_for_word_listing(text, exchange):
    assert of("listedOn", labelled(text, "en", date=DAY)) == {("lenovo", "listedOn", exchange)}


def test_word_for_word_headquarters():
    assert of("headquarteredIn", labelled("Lenovo headquarters set in Beijing city.", "en")) == {("lenovo", "headquarteredIn", "beijing")}


@pytest.mark.parametrize("text, want", [
    ("The company 2023 year research and develop invest 12.5 hundred million yuan.", ("ResearchSpending", 1250000000.0, "CNY", "Exact", "2023")),
    ("The company research and develop personnel more than 2,400 people.", ("ResearchStaff", 2400.0, "Count", "LowerBound", None)),
    ("2023 year company notebook computer whole ship amount about 5.6 ten thousand parts.", ("Shipments", 56000.0, "Count", "Approximate", "2023")),
    ("2023 year, the company server send goods quantity 12 ten thousand.", ("Shipments", 120000.0, "Count", "Exact", "2023")),
    ("Company also in 2023 year spend 4 hundred million yuan back purchase stock.", ("ShareBuyback", 400000000.0, "CNY", "Exact", "2023")),
    ("Every 10 share send cash red profit 3.1 yuan (contain tax), total about 37 hundred million yuan.",
     ("Dividend", 3700000000.0, "CNY", "Approximate", None)),
    ("Cut off to 2023 year bottom, company accumulated apply patents more than 3 ten thousand items.",
     ("PatentApplications", 30000.0, "Count", "LowerBound", "2023")),
])
def test_word_for_word_metric_nouns(text, want):
    got = {f[1:] for f in facts(text, "en", organisation="lenovo", speaker="", date=DAY) if f[1] == want[0]}
    if want[4] is None:
        got = {g[:4] + (None,) for g in got}
    assert got == {want}


def test_a_launch_told_without_its_year_is_of_the_documents_year_and_a_time_after_the_verb_names_no_product():
    got = labelled("This phone in 5 month 14 day on market, on market 48 hours big order exceed 30,000.", "en",
                   organisation="lenovo", date=DAY)
    assert not of("releases", got)   # 'this phone' names none, and '48 hours' is no product
    x = facts("Company in 5 month 14 day again release ThinkPad X9.", "en", organisation="lenovo", speaker="", date=DAY)
    assert [f for f in of("releases", x)] and all(f[2] != "x-48" for f in x)


# ---------------------------------------------------------------- the reverse: English rendered into stilted Chinese
def asserted(text: str, lang: str = "zh", **kw) -> set:
    """Relation facts kg asserts (evidence at or above the candidate threshold), names the lexicon lacks as written."""
    from kg import extract

    kw.setdefault("speaker", "")
    x = run(text, lang, **kw)
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    least = extract.load_patterns().candidate_threshold
    return {(names.get(f.subject, f.subject), f.predicate, names.get(f.obj, f.obj)) for f in x.facts
            if f.kind == "relation" and max(e.confidence for e in f.evidence) >= least}


def test_it_opening_a_sentence_after_one_about_the_company_is_the_company():
    text = "联想已经收购了几家公司。在2014年，它收购了摩托罗拉移动（Motorola Mobility）。"
    assert ("lenovo", "acquired", "motorola") in asserted(text, organisation="lenovo")


def test_it_after_a_sentence_opened_by_another_name_or_they_is_not_the_company():
    text = "华为成立于1987年，总部在深圳。它收购了摩托罗拉移动（Motorola Mobility）。"
    assert not of("acquired", asserted(text, organisation="lenovo"))
    text = "联想已经收购了几家公司。它们收购了摩托罗拉移动（Motorola Mobility）。"  # 它们: "they"
    assert ("lenovo", "acquired", "motorola") not in asserted(text, organisation="lenovo")


@pytest.mark.parametrize("text, want", [
    ("公司是被成立在1984年在北京，中国。", ("lenovo", "foundedOn", "period:1984")),
    ("公司的总部是位于北京，中国。", ("lenovo", "headquarteredIn", "beijing")),
    ("杨元庆是董事会的主席。", ("yang-yuanqing", "chairOf", "lenovo")),
    ("杨元庆是公司的首席执行的官员。", ("yang-yuanqing", "ceoOf", "lenovo")),
])
def test_stilted_chinese_from_english(text, want):
    assert want in asserted(text, organisation="lenovo")
