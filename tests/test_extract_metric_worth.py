"""What a company is worth (valuations in rounds and deals, market value told with 'worth') and sales
told in money. Sentences written for these tests."""
from __future__ import annotations

from helpers import facts, run


def _of(found, metric):
    return {(f[0], f[2], f[3], f[4]) for f in found if f[1] == metric}


def _periods(found, metric):
    return {f[5] for f in found if f[1] == metric}


def test_a_round_or_a_deal_values_the_company_named_after_the_verb():
    # the company between the verb and 'at' is the one valued, not the buyer the sentence opens with
    found = facts("In March 2019 Huawei bought 60% of Supercell, valuing Supercell at about $8.4 billion.", "en",
                  organisation="huawei")
    assert _of(found, "Valuation") == {("supercell", 8.4e9, "USD", "Approximate")}
    assert _periods(found, "Valuation") == {"2019-03"}
    found = facts("Xiaomi raised $600 million in a round that valued the company at more than $12 billion.", "en")
    assert _of(found, "Valuation") == {("xiaomi", 12e9, "USD", "LowerBound")}
    assert _of(facts("The new round values Xiaomi at roughly $30 billion.", "en"), "Valuation") == {("xiaomi", 30e9, "USD", "Approximate")}


def test_a_valuation_told_as_a_noun_in_either_language():
    assert _of(facts("Xiaomi, now valued at $40 billion, is preparing to list.", "en"), "Valuation") == {("xiaomi", 40e9, "USD", "Exact")}
    assert _of(facts("字节跳动本轮融资的投后估值达到2250亿美元。", "zh"), "Valuation") == {("bytedance", 225e9, "USD", "Exact")}


def test_the_worth_of_a_deal_or_a_stake_is_no_valuation():
    # a deal's worth is its price; a stake valued is not the company
    assert not _of(facts("Microsoft agreed to buy Activision in a deal valued at $69 billion.", "en"), "Valuation")
    assert not _of(facts("Analysts valued the stake at $2 billion.", "en"), "Valuation")
    assert not _of(facts("此次交易估值约为69亿美元。", "zh"), "Valuation")
    # 'value' with no figure after 'at' values nothing
    assert not _of(facts("We value our partners at every level, and revenue was $3 billion.", "en"), "Valuation")


def test_a_listed_company_worth_a_sum_is_its_market_value():
    found = facts("Shares closed up 40% on their debut, and Xiaomi was worth nearly $54 billion.", "en")
    assert _of(found, "MarketCapitalisation") == {("xiaomi", 54e9, "USD", "Approximate")}
    # a bound before the figure is no comparison: the time after it dates the figure
    found = facts("Tencent became the first Chinese company to be worth more than $500 billion in November 2017.", "en")
    assert _of(found, "MarketCapitalisation") == {("tencent", 500e9, "USD", "LowerBound")}
    assert _periods(found, "MarketCapitalisation") == {"2017-11"}
    # with no word of the stock market, 'worth' says nothing of shares
    assert not _of(facts("Xiaomi's smart home business is worth $10 billion, one analyst said.", "en"), "MarketCapitalisation")


def test_sales_told_in_money_are_revenue():
    found = facts("Tencent booked sales of RMB 610 billion in 2023, up 10% year on year.", "en")
    assert _of(found, "Revenue") == {("tencent", 610e9, "CNY", "Exact")}
    assert _of(found, "RevenueGrowthYoY") == {("tencent", 10.0, "Percent", "Exact")}
    found = facts("Amazon Web Services alone generated $90 billion in sales in 2023, 13% more than in 2022.", "en")
    assert {(f[0], f[2]) for f in found if f[1] == "Revenue"} == {("aws", 90e9)}
    assert _periods(found, "RevenueGrowthYoY") == {"2023"}  # (the year compared with dates nothing)


def test_sales_in_units_and_the_costs_of_selling_are_no_revenue():
    found = facts("Sales and marketing expenses rose to $3 billion in 2023.", "en")
    assert not _of(found, "Revenue")
    # a growth of sales told alone stays a sales growth
    found = facts("In 2023 BYD's vehicle sales grew 62% year over year.", "en", organisation="byd")
    assert {f[1] for f in found} & {"SalesGrowthYoY", "RevenueGrowthYoY"} == {"SalesGrowthYoY"}


def test_a_chinese_count_right_before_its_noun_is_its_own():
    # 10亿用户 counts the users; the next number counts the merchants
    found = facts("支付宝目前服务超过10亿用户和8000万商家。", "zh")
    assert {(f[2], f[4]) for f in found if f[1] == "Users"} == {(1e9, "LowerBound")}
    # a number after the noun, with none before it, is still the figure
    assert {f[2] for f in facts("公司用户数达到5亿，员工1.2万人。", "zh") if f[1] == "Users"} == {5e8}


def test_a_sentence_that_opens_with_the_whole_year_dates_its_figures_by_the_year():
    text = ("Huawei today announced its results for the fourth quarter and the full year 2017.\n"
            "For the full year, Huawei posted revenue of $92 billion, up 16% year on year.")
    assert _periods(facts(text, "en", organisation="huawei"), "Revenue") == {"2017"}
    # an opening clause that tells a figure of its own is no such opening
    text = ("Huawei today announced its results for the fourth quarter of 2017.\n"
            "In the quarter revenue was $25 billion, and it rose 10%.")
    assert _periods(facts(text, "en", organisation="huawei"), "Revenue") == {"2017-Q4"}


def test_a_valuation_in_a_round_is_the_company_raising_not_its_investor():
    found = facts("腾讯领投了Supercell的新一轮融资，估值约100亿美元。", "zh")
    assert {f[0] for f in found if f[1] == "Valuation"} == {"supercell"}
    # told with no name in its clause, a valuation is still sure enough to state
    assert _of(facts("小米完成新一轮融资，估值约450亿美元。", "zh"), "Valuation") == {("xiaomi", 45e9, "USD", "Approximate")}
    # a word-for-word translation of 投后估值
    found = facts("Xiaomi complete new round financing, after investment estimate value reach 450 hundred million US dollar.", "en")
    assert _of(found, "Valuation") == {("xiaomi", 45e9, "USD", "Exact")}


def test_daily_and_monthly_users_told_side_by_side_do_not_conflict():
    from kg import sources

    x = run("In the third quarter Kuaishou's daily active users reached 400 million, and its monthly active users stood at "
            "700 million.", "en", organisation="kuaishou")
    users = [f for f in x.facts if f.predicate == "Users"]
    assert sorted(f.attr("value") for f in users) == [400e6, 700e6]
    assert sources._told_together(*users)
    # two revenues of one company and period in one sentence still disagree: one was read wrongly
    x = run("In the third quarter Kuaishou's revenue was RMB31 billion; its revenue was RMB1.2 billion.", "en", organisation="kuaishou")
    revenue = [f for f in x.facts if f.predicate == "Revenue"]
    assert len(revenue) == 2 and not sources._told_together(*revenue)


def test_words_that_describe_the_company_name_no_part_of_it():
    # "the Shenzhen-listed company", "the Beijing-based group": the company's own figure, not a part's
    for text in ("The Shenzhen-listed company reported revenue of 92 billion yuan for 2017.",
                 "The Beijing-based group posted revenue of $9 billion for 2017."):
        assert {(f[0], f[5]) for f in facts(text, "en") if f[1] == "Revenue"} == {("xiaomi", "2017")}, text
