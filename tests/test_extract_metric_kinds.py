"""Metric kinds told beside others: dividends per share, per lot of shares and in total, and
numbers that are years, not counts. Sentences written for these tests."""
from __future__ import annotations

from helpers import facts, run


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


def test_a_stock_exchange_between_the_company_and_its_proceeds_raises_no_doubt():
    x = run("2019年5月10日，华为在纳斯达克上市，发行价为每股15美元，募集资金约3.5亿美元。", "zh")
    raised = [f for f in x.facts if f.predicate == "FundsRaised"]
    assert [(f.subject, float(f.attr("value")), f.attr("period").key) for f in raised] == [("huawei", 3.5e8, "2019-05-10")]
    assert raised[0].evidence[0].confidence >= 0.75  # asserted, not a candidate


def test_a_stock_told_as_of_now_after_an_earlier_time_holds_at_the_documents_date():
    found = facts("The unit was set up in 2015 and now employs more than 2,600 engineers.", "en")
    assert ("xiaomi", "ResearchStaff", 2600.0, "Count", "LowerBound", "asof-2018-02-07") in found
    found = facts("华为2015年成立了研究院，目前研发人员约1200人。", "zh")
    assert ("huawei", "ResearchStaff", 1200.0, "Count", "Approximate", "asof-2018-02-07") in found


def test_a_figure_of_the_latter_is_not_the_topic_companys():
    assert not _of(facts("目前小米仍持有华米约20%的股份，后者的用户数已降至约3000万。", "zh"), "Users")
    assert _of(facts("华米的用户数已降至约3000万。", "zh"), "Users") == {(3e7, "Count", "Approximate")}


def test_research_share_of_revenue_in_its_several_wordings():
    assert ("huawei", "ResearchSpendingShare", 14.0, "Percent", "Approximate", "2022") in facts(
        "2022年华为研发费用为19.5亿美元，约占营收的14%。", "zh")
    assert ("huawei", "ResearchSpendingShare", 21.0, "Percent", "Exact", "2022") in facts(
        "2022年华为研发投入为1.03亿元，占收入比例为21%。", "zh")
    assert _of(facts("华为每年把营收的10%左右投入研发。", "zh"), "ResearchSpendingShare") == {(10.0, "Percent", "Approximate")}
    mt = facts("2022 year company research development throw into about 241 hundred million yuan, occupy business income 19.9%.", "en")
    assert _of(mt, "ResearchSpending") == {(2.41e10, "CNY", "Approximate")}
    assert _of(mt, "ResearchSpendingShare") == {(19.9, "Percent", "Exact")}


def test_research_engineers_are_research_staff():
    assert ("huawei", "ResearchStaff", 1.1e5, "Count", "LowerBound", "2022") in facts(
        "In 2022 Huawei employed more than 110,000 research and development engineers.", "en")


def test_a_machine_translations_verb_before_revenue_names_no_part_of_the_business():
    found = facts("Report show, 2022 year company realize business income 312.5 hundred million yuan, same ratio grow 6.2%.", "en")
    assert ("xiaomi", "Revenue", 3.125e10, "CNY", "Exact", "2022") in found
    assert ("xiaomi", "RevenueGrowthYoY", 6.2, "Percent", "Exact", "2022") in found


def test_a_figure_said_to_be_a_year_earlier_holds_a_year_before_the_sentences_time():
    zh = facts("2022年第三季度华为当季净亏损5.2亿元，上年同期净亏损为8.4亿元。", "zh")
    assert ("huawei", "NetProfit", -8.4e8, "CNY", "Exact", "2021-Q3") in zh
    assert ("huawei", "NetProfit", -5.2e8, "CNY", "Exact", "2022-Q3") in zh
    en = facts("Net income came to 3.1 trillion won in 2022, against a net loss of 1.2 trillion won a year earlier.", "en")
    assert ("xiaomi", "NetProfit", -1.2e12, "KRW", "Exact", "2021") in en
    # 去年 counts from the document's date (2018): no year before anything
    assert ("xiaomi", "Revenue", 1e11, "CNY", "Exact", "2017") in facts("去年公司营收达到1000亿元。", "zh")


def test_the_earlier_value_of_a_margin_named_with_its_year():
    found = facts("In 2022 gross margin slipped to 19.4% from 21.2% in 2021, as a price war squeezed margins.", "en")
    assert ("xiaomi", "GrossMargin", 19.4, "Percent", "Exact", "2022") in found
    assert ("xiaomi", "GrossMargin", 21.2, "Percent", "Exact", "2021") in found


def _years(found, metric):
    return {(f[2], f[5]) for f in found if f[1] == metric}


def test_english_figures_listed_for_listed_years():
    want = {(1.2e9, "2021"), (1.5e9, "2022"), (1.9e9, "2023")}
    for text in ("Huawei's revenue in 2021, 2022 and 2023 was $1.2 billion, $1.5 billion and $1.9 billion, respectively.",
                 "Huawei's revenue was $1.2 billion, $1.5 billion and $1.9 billion in 2021, 2022 and 2023, respectively.",
                 "From 2021 to 2023, Huawei's revenue was $1.2 billion, $1.5 billion and $1.9 billion respectively."):
        assert _years(facts(text, "en"), "Revenue") == want, text
    found = facts("Between 2022 and 2023, Huawei's net income was $1.2 billion and $1.5 billion respectively.", "en")
    assert _years(found, "NetProfit") == {(1.2e9, "2022"), (1.5e9, "2023")}


def test_listed_metrics_take_their_listed_figures_in_order():
    for text, lang in (("In 2023, Huawei's revenue and net income were $5.2 billion and $1.1 billion, respectively.", "en"),
                       ("In 2023, Huawei's revenue and net income were $5.2 billion and $1.1 billion.", "en"),
                       ("2023年华为营业收入和净利润分别为52亿元和11亿元。", "zh")):
        found = facts(text, lang)
        assert {(f[1], f[2]) for f in found if f[1] in ("Revenue", "NetProfit")} == {("Revenue", 5.2e9), ("NetProfit", 1.1e9)}, text


def test_one_sum_of_two_metrics_is_neither():
    found = facts("2023年华为以股票回购和现金股息的形式向股东返还了60亿美元，其中股票回购约50亿美元，派发现金股息10亿美元。", "zh")
    assert _of(found, "Dividend") == {(1e9, "USD", "Exact")}
    assert _of(found, "ShareBuyback") == {(5e9, "USD", "Approximate")}


def test_profit_figures_of_the_topic_company_are_asserted():
    x = run("Operating income came to $27.9 billion in 2022.", "en")
    op = [f for f in x.facts if f.predicate == "OperatingProfit"]
    assert [(f.subject, float(f.attr("value"))) for f in op] == [("xiaomi", 2.79e10)]
    assert op[0].evidence[0].confidence >= 0.75  # the document's company, not a candidate


def test_share_words_of_chinese_and_its_translation():
    assert _of(facts("2023年传音在全球手机市场的占有率为14.0%。", "zh"), "MarketShare") == {(14.0, "Percent", "Exact")}
    assert _of(facts("Last year Transsion in global mobile phone market of occupy rate is 14.0%.", "en"), "MarketShare") == {
        (14.0, "Percent", "Exact")}
    assert _of(facts("In 2024 the car gross profit rate is 8.6%.", "en"), "GrossMargin") == {(8.6, "Percent", "Exact")}


def test_a_milestone_crossed_is_no_figure_of_the_period():
    assert not _of(facts("2023年海尔集团营收首次突破4000亿元。", "zh"), "Revenue")
    assert not _of(facts("In 2023 Haier's revenue topped $50 billion for the first time.", "en"), "Revenue")
    # the figure told beside the milestone stays, and so does a lower bound that is no milestone
    found = facts("2023年海信集团营业收入达到2017亿元，首次突破2000亿元大关，同比增长9.2%。", "zh")
    assert _of(found, "Revenue") == {(2.017e11, "CNY", "Exact")} and _of(found, "RevenueGrowthYoY") == {(9.2, "Percent", "Exact")}
    assert _of(facts("2023年海信集团营业收入超过2000亿元。", "zh"), "Revenue") == {(2e11, "CNY", "LowerBound")}
    # a market value is a stock: the day it first passes a mark is its figure
    assert _of(facts("2021年10月，特斯拉市值首次突破1万亿美元。", "zh"), "MarketCapitalisation") == {(1e12, "USD", "LowerBound")}


def test_an_english_amount_without_a_currency_is_no_money_figure():
    assert not _of(facts("In 2022 Ericsson's net sales were 64.5 billion.", "en", currency=""), "Revenue")
    assert _of(facts("In 2022 Ericsson's net sales were 64.5 billion.", "en", currency="EUR"), "Revenue") == {(6.45e10, "EUR", "Exact")}
    assert _of(facts("2022年华为营收为645亿。", "zh", currency=""), "Revenue") == {(6.45e10, "CNY", "Exact")}


def test_a_compound_rate_over_years_is_no_growth_on_the_year():
    found = facts("华为2021年至2023年的营业收入分别为2.59亿元、3.69亿元和5.56亿元，年复合增长率约为46%。", "zh")
    assert not _of(found, "RevenueGrowthYoY") and len(_of(found, "Revenue")) == 3
    assert not _of(facts("From 2021 to 2023 Huawei's revenue grew at a compound annual growth rate of 30%.", "en"), "RevenueGrowthYoY")
    assert _of(facts("In 2023 Huawei's revenue grew 30% to $5 billion.", "en"), "RevenueGrowthYoY") == {(30.0, "Percent", "Exact")}


def test_paying_members_are_subscribers_of_the_service():
    found = facts("截至2022年底，腾讯视频的付费会员数为1.13亿。", "zh")
    assert ("tencent-video", "Subscribers", 1.13e8, "Count", "Exact", "by-2022") in found
    assert not _of(found, "Users")


def test_an_english_count_stands_before_its_noun():
    found = facts("We serve over 330 million mobile and broadband customers and employ roughly 92,000 people.", "en")
    assert _of(found, "Subscribers") == {(3.3e8, "Count", "LowerBound")}
    assert _of(found, "Employees") == {(9.2e4, "Count", "Approximate")}


def test_english_figures_each_with_its_own_time():
    found = facts("Total gross margin was 18.2% for 2022 and 17.6% in the fourth quarter of 2022, compared with 25.6% for 2021.", "en")
    assert _years(found, "GrossMargin") == {(18.2, "2022"), (17.6, "2022-Q4"), (25.6, "2021")}
    found = facts("In 2022 net income was $15.0 billion for the year and $7.93 billion for the fourth quarter of 2022.", "en")
    assert _years(found, "NetProfit") == {(1.5e10, "2022"), (7.93e9, "2022-Q4")}
    # another metric's figure is its own
    found = facts("Revenue was $5 billion in 2022 and its market share was 5% in 2021.", "en")
    assert _years(found, "Revenue") == {(5e9, "2022")} and _years(found, "MarketShare") == {(5.0, "2021")}


def test_a_rank_goal_names_the_kind_of_product_ranked():
    goals = [f for f in run("联想的目标是在AI PC时代继续保持全球第一。", "zh").facts if f.kind == "goal"]
    assert [(f.subject, f.attr("rank"), f.attr("category"), f.attr("scope")) for f in goals] == [("lenovo", 1, "cat-pcs", "world")]


def test_an_english_amount_before_in_and_its_noun_is_that_nouns():
    found = facts("Over fiscal 2022 we returned $12.0 billion: $6.4 billion in dividends and $5.6 billion in repurchases.", "en")
    assert _of(found, "Dividend") == {(6.4e9, "USD", "Exact")}
    assert _of(found, "ShareBuyback") == {(5.6e9, "USD", "Exact")}


def test_proceeds_hold_at_the_listing_day_even_in_a_results_text():
    text = ("Huawei reports third quarter 2022 results\n"
            "Huawei listed on the Nasdaq on July 26, 2018, raising US$1.6 billion at US$19 a share.")
    assert _years(facts(text, "en"), "FundsRaised") == {(1.6e9, "2018-07-26")}


def test_an_amount_in_cents_is_not_read_as_whole_euros():
    assert not _of(facts("The total dividend for 2022 is 9.0 euro cents a share.", "en"), "Dividend")
    assert _of(facts("The total dividend for 2022 is 0.09 euros a share.", "en"), "Dividend") == {(0.09, "EUR", "Exact")}
