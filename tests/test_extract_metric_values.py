"""Metric values told in ways that were missed or misread on unseen documents: trillions written 兆
(Taiwanese and Japanese amounts), English number words with a decimal point, a Chinese figure of the
year before named by its year (较2023年的…), a word-for-word translation's "income", and a flow figure
of a time years after the text (a target, not a result). Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

from helpers import facts
from kg.numbers import find_quantities


def _q(text: str, lang: str) -> set[tuple]:
    return {(float(q.value), q.unit, q.bound) for q in find_quantities(text, lang)}


def _of(found, metric):
    return {(f[2], f[3], f[5]) for f in found if f[1] == metric}


def test_zhao_before_a_currency_is_a_trillion():
    assert _q("台积电全年营收约2.89兆新台币", "zh") == {(2.89e12, "TWD", "Approximate")}
    assert _q("丰田合并营业收入为45兆950亿日元", "zh") == {(45.095e12, "JPY", "Exact")}
    # a unit of measure: 兆 is a million there, and no amount of money
    assert _q("光伏电站装机容量80兆瓦", "zh") == {(80.0, "", "Exact")}


def test_yuan_before_another_currency_names_no_yuan():
    assert _q("十月单月营收为2,601亿元新台币", "zh") == {(260.1e9, "TWD", "Exact")}


def test_english_number_words_with_a_decimal_point_and_a_scale():
    assert _q("sales rose to twenty-one point four billion euros", "en") == {(21.4e9, "EUR", "Exact")}
    assert _q("about one point five percent of the market", "en") == {(1.5, "Percent", "Approximate")}
    # a count has no fraction: "point" here is a moment, no number
    assert (1.3, "Count", "Exact") not in _q("at one point three suppliers walked away", "en")


def test_revenue_in_number_words():
    found = facts("In fiscal 2023, Samsung's revenue came to two hundred and fifty point six billion dollars.", "en",
                  date=dt.date(2024, 1, 31))
    assert _of(found, "Revenue") == {(250.6e9, "USD", "2023")}


def test_chinese_value_of_the_year_before_named_by_its_year():
    found = facts("2022年，华为实现营业收入6423亿元，较2021年的6368亿元增长0.9%。", "zh")
    assert _of(found, "Revenue") == {(642.3e9, "CNY", "2022"), (636.8e9, "CNY", "2021")}
    # a loss narrowing: the earlier figure is a loss too
    found = facts("2022年，蔚来归母净亏损为144亿元，较上年的40亿元扩大。", "zh")
    assert _of(found, "NetProfit") == {(-14.4e9, "CNY", "2022"), (-4e9, "CNY", "2021")}
    # a year that is not the one before tells no prior figure
    found = facts("2022年，华为实现营业收入6423亿元，较2019年的8588亿元有所下降。", "zh")
    assert _of(found, "Revenue") == {(642.3e9, "CNY", "2022")}


def test_a_translations_income_alone_is_revenue():
    found = facts("2022 year, Huawei realize income 6423 hundred million yuan, same ratio grow 0.9%.", "en")
    assert _of(found, "Revenue") == {(642.3e9, "CNY", "2022")}
    assert _of(found, "RevenueGrowthYoY") == {(0.9, "Percent", "2022")}
    # plain English "income" alone is not read as revenue
    assert not _of(facts("In 2022 Huawei earned interest income of 2 billion dollars.", "en"), "Revenue")
    # the longer trigger still wins in a translation
    found = facts("2022 year, Huawei net income 356 hundred million yuan.", "en")
    assert not _of(found, "Revenue") and _of(found, "NetProfit") == {(35.6e9, "CNY", "2022")}


def test_a_flow_figure_years_after_the_text_is_a_target():
    text = "2024年5月1日，华为表示，到2030年公司营收达到2万亿元。"
    found = facts(text, "zh", date=dt.date(2024, 5, 1))
    assert not _of(found, "Revenue")
    # a fiscal quarter named ahead of the calendar is still a result
    found = facts("英伟达2025财年第一季度营收为260亿美元。", "zh", date=dt.date(2024, 5, 23))
    assert _of(found, "Revenue") == {(26e9, "USD", "2025-Q1")}


def _scoped(text: str, lang: str, **kw) -> set[tuple]:
    from helpers import run

    return {(f.predicate, float(f.attr("value")), f.attr("scope")) for f in run(text, lang, **kw).facts
            if f.kind == "quantity" and f.predicate == "Revenue" and max(e.confidence for e in f.evidence) >= 0.75}


def test_a_market_told_with_a_verb_in_a_paragraph_about_revenue():
    text = ("In the first quarter of 2017, Samsung's revenue was $50.5 billion. By region, South Korea "
            "contributed $8.1 billion, and India accounted for $4.2 billion.")
    got = _scoped(text, "en", organisation="samsung", speaker="")
    assert ("Revenue", 8.1e9, "south-korea") in got and ("Revenue", 4.2e9, "india") in got


def test_a_verb_with_no_word_for_revenue_reads_no_other_figure():
    # a paragraph not about revenue, a figure the next words give to another measure, and a doer that is no market
    assert not {f for f in _scoped("In 2017 India contributed $4.2 billion to the fund.", "en") if f[2] == "india"}
    text = "Samsung's revenue rose in 2017. India generated $1.1 billion in operating profit."
    assert not {f for f in _scoped(text, "en") if f[2] == "india"}
    text = "Samsung's revenue rose in 2017. The memory chip unit, which makes DRAM, brought in $9.2 billion."
    assert (9.2e9) not in {f[1] for f in _scoped(text, "en")}
