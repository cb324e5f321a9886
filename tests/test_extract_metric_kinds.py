"""Metric kinds told beside others: dividends per share, per lot of shares and in total, and
numbers that are years, not counts. Sentences written for these tests."""
from __future__ import annotations

from helpers import facts


def _of(found, metric):
    return {(f[2], f[3], f[4]) for f in found if f[1] == metric}


def test_a_dividend_per_lot_of_shares_is_no_dividend_figure():
    zh = facts("2022年，华为向全体股东每10股派发现金红利12元（含税），合计派发现金红利约30亿元。", "zh")
    assert _of(zh, "Dividend") == {(3e9, "CNY", "Approximate")}
    en = facts("In 2022, Huawei proposed a cash dividend of 12.5 yuan for every 10 shares.", "en")
    assert _of(en, "Dividend") == set()


def test_a_per_share_dividend_gives_way_to_the_total_told_beside_it():
    # the total no trigger of its own took is the dividend
    zh = facts("2022年，华为董事会批准了年度现金股息，每股派0.35港元，总额约25亿港元。", "zh")
    assert _of(zh, "Dividend") == {(2.5e9, "HKD", "Approximate")}
    # a total with its own trigger: that one, and no per-share fact
    en = facts("In 2022 Samsung declared a dividend of $0.31 per share, a total payout of about $2.2 billion.", "en")
    assert _of(en, "Dividend") == {(2.2e9, "USD", "Approximate")}


def test_a_per_share_dividend_alone_is_kept():
    assert _of(facts("2022年，华为董事会建议派发每股1.20港元的末期股息。", "zh"), "Dividend") == {(1.2, "HKD", "Exact")}
    assert _of(facts("In 2022 Samsung declared a cash dividend of $0.31 per share.", "en"), "Dividend") == {(0.31, "USD", "Exact")}


def test_a_year_after_a_word_of_time_is_not_a_count():
    assert not _of(facts("Back in 2015 engineers at Huawei built the first prototype.", "en"), "ResearchStaff")
    assert _of(facts("Huawei employs 2015 engineers in its Munich lab.", "en"), "ResearchStaff") == {(2015.0, "Count", "Exact")}


def test_first_time_is_no_following_year():
    # 首次年度: 次 counts times; 次年 after a year is the year after it
    found = facts("2019年，华为董事会首次年度派息，总额约25亿港元。", "zh")
    assert {f[5] for f in found if f[1] == "Dividend"} == {"2019"}
    assert ("huawei", "Revenue", 1e9, "CNY", "Exact", "2009") in facts("2008年华为上市，次年营收达到10亿元。", "zh")
