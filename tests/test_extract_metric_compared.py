"""Metric figures told beside the figure they are compared with, and active users: the figure a change starts
from ("rose 44% from RMB68.8 billion") is the earlier one, dated by the time named after it; a comparison the
sentence opens with ("Sequentially, …"); each of two figures told "for the year" and "for the quarter" of a
results text; average active users as a flow over the period. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

from helpers import facts

HEAD = "Acme Robotics reports third quarter 2024 results\n\n"
DATE = dt.date(2024, 11, 20)


def _of(found, metric):
    return {(f[2], f[3], f[5]) for f in found if f[1] == metric}


def _run(body: str, lang: str = "en"):
    return facts(HEAD + body, lang, date=DATE)


def test_the_figure_a_rise_starts_from_is_the_earlier_one():
    found = _run("Xiaomi's revenue rose 31% from $8.2 billion in the same quarter of 2023.")
    assert (8.2e9, "USD", "2024-Q3") not in _of(found, "Revenue")  # not this quarter's revenue
    found = _run("Xiaomi's revenue was $10.7 billion, up 31% from $8.2 billion in the same quarter of 2023.")
    assert _of(found, "Revenue") == {(10.7e9, "USD", "2024-Q3"), (8.2e9, "USD", "2023-Q3")}
    assert _of(found, "RevenueGrowthYoY") == {(31.0, "Percent", "2024-Q3")}


def test_an_earlier_quarter_named_after_the_earlier_figure_dates_it():
    found = _run("Xiaomi delivered 61,200 vehicles in the quarter, up from 48,300 in the second quarter.")
    assert _of(found, "Deliveries") == {(61200.0, "Count", "2024-Q3"), (48300.0, "Count", "2024-Q2")}
    found = _run("Research and development expenses were $1.4 billion, up from $1.1 billion in the third quarter of 2023.")
    assert _of(found, "ResearchSpending") == {(1.4e9, "USD", "2024-Q3"), (1.1e9, "USD", "2023-Q3")}


def test_a_comparison_the_sentence_opens_with():
    found = _run("Sequentially, Xiaomi's revenue rose 6%.")
    assert _of(found, "RevenueGrowthQoQ") == {(6.0, "Percent", "2024-Q3")}
    assert not _of(found, "RevenueGrowthYoY")


def test_figures_for_the_year_and_for_the_quarter():
    found = facts("Acme Robotics reports fourth quarter and full year 2023 results\n\n"
                  "Xiaomi's net income was $4.1 billion for the year and $1.3 billion for the quarter.", "en",
                  date=dt.date(2024, 1, 30))
    assert _of(found, "NetProfit") == {(4.1e9, "USD", "2023"), (1.3e9, "USD", "2023-Q4")}


def test_average_active_users_are_told_for_the_period():
    found = _run("Average monthly active users (MAUs) of Xiaomi's apps reached 312.5 million.")
    assert _of(found, "Users") == {(312.5e6, "Count", "2024-Q3")}
    found = facts("小米2024年业绩说明会\n\n2024年全年，小米总收入是3659亿元。平均日活跃用户达到2.1亿，第四季度平均月活跃用户是5.2亿。",
                  "zh", date=dt.date(2025, 3, 20))
    assert _of(found, "Users") == {(2.1e8, "Count", "2024"), (5.2e8, "Count", "2024-Q4")}


def _with_scope(found, metric):
    return {(f[2], f[5]) for f in found if f[1] == metric}


def test_vehicles_counted_with_words_of_their_kind_and_shipped_abroad():
    from helpers import run

    x = run("Acme Motors 2024 annual results\n\nAcme Motors sold 1,234,567 new energy vehicles last year, an increase of 18.5%. "
            "It shipped 203,400 vehicles outside mainland China in 2024, up 64.2%. Acme also shipped 12.4 million smartphones in 2024.",
            "en", date=dt.date(2025, 3, 20), organisation="byd")
    got = {(f.predicate, float(f.attr("value")), f.attr("scope") or "", f.attr("period").key) for f in x.facts if f.kind == "quantity"}
    assert ("Deliveries", 1234567.0, "", "2024") in got
    assert ("SalesGrowthYoY", 18.5, "", "2024") in got
    assert ("Deliveries", 203400.0, "overseas", "2024") in got
    assert ("SalesGrowthYoY", 64.2, "overseas", "2024") in got
    assert ("Shipments", 12.4e6, "", "2024") in got  # phones shipped stay shipments
    assert not any(p == "ShipmentGrowth" for p, *_ in got)


def test_an_amount_in_hong_kong_dollars_is_no_mention_of_hong_kong():
    found = facts("Acme Robotics listed on the Hong Kong Stock Exchange in 2021, raising close to HK$12 billion.", "en",
                  organisation="kuaishou", date=dt.date(2024, 5, 2))
    assert _of(found, "FundsRaised") == {(12e9, "HKD", "2021")}


def test_a_verb_between_two_metrics_pairs_no_figures():
    found = _run("Xiaomi paid $1.2 billion in dividends and spent $3.4 billion on share repurchases.")
    assert _of(found, "Dividend") == {(1.2e9, "USD", "2024-Q3")}
    assert _of(found, "ShareBuyback") == {(3.4e9, "USD", "2024-Q3")}


def test_people_who_work_for_a_company_are_its_employees():
    found = facts("About 18,500 women and men work for Huawei in Europe.", "en", date=DATE)
    assert {(f[0], f[2]) for f in found if f[1] == "Employees"} == {("huawei", 18500.0)}
    # the staff of a site the words name is no company's headcount
    assert not [f for f in facts("More than 5,000 people work at the plant.", "en", date=DATE) if f[1] == "Employees"]


def test_a_bound_word_that_ends_the_trigger_belongs_to_the_figure():
    found = facts("Around 18,500 women and men work for Huawei in more than 170 countries.", "en", date=DATE)
    assert {(f[0], f[2], f[4]) for f in found if f[1] == "CountriesEntered"} == {("huawei", 170.0, "LowerBound")}
