"""Periods of figures: which time a figure or event holds for (data/eval/README.md "Periods")."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.numbers import period_end
from kg.types import PeriodRef

from helpers import facts, run


def _of(got: set, metric: str) -> list[tuple]:
    return [f for f in got if f[1] == metric]


def test_period_end_at_the_precision_of_a_state():
    assert period_end(PeriodRef(2024, quarter=3)).key == "asof-2024-09-30"
    assert period_end(PeriodRef(2024, half=1)).key == "asof-2024-06-30"
    assert period_end(PeriodRef(2024, quarter=4)).key == "asof-2024"  # a year's end is the year
    assert period_end(PeriodRef(2023)).key == "asof-2023"
    assert period_end(PeriodRef(2024, month=2)).key == "asof-2024-02-29"
    assert period_end(PeriodRef(2024, qualifier="since")) is None


_QUARTER_REPORT_EN = ("Samsung Electronics announces third quarter 2024 results\n"
                      "Revenue rose 17% to 79 trillion won in the quarter.\n"
                      "The company had 125,000 full-time employees.\n")


def test_headcount_in_a_results_text_is_as_of_the_end_of_the_quarter_reported_on():
    got = facts(_QUARTER_REPORT_EN, "en", organisation="samsung", date=dt.date(2024, 11, 5))
    assert [f[5] for f in _of(got, "Employees")] == ["asof-2024-09-30"], got


def test_headcount_in_a_full_year_results_text_is_as_of_the_year():
    text = ("华为公布2023年全年业绩\n"
            "公司全年收入为7000亿元。\n"
            "公司拥有员工约20万人。\n")
    got = facts(text, "zh", organisation="huawei", date=dt.date(2024, 3, 20))
    assert [f[5] for f in _of(got, "Employees")] == ["asof-2023"], got


def test_headcount_keeps_the_document_date_when_the_period_is_not_just_reported():
    # a fiscal quarter that ends after the document's date, or a time long past, is no period just reported on
    got = facts(_QUARTER_REPORT_EN, "en", organisation="samsung", date=dt.date(2024, 8, 20))
    assert [f[5] for f in _of(got, "Employees")] == ["asof-2024-08-20"], got
    got = facts(_QUARTER_REPORT_EN, "en", organisation="samsung", date=dt.date(2026, 5, 2))
    assert [f[5] for f in _of(got, "Employees")] == ["asof-2026-05-02"], got


def test_market_value_in_a_results_text_is_of_the_day():
    text = _QUARTER_REPORT_EN + "Its market value is about $300 billion.\n"
    got = facts(text, "en", organisation="samsung", date=dt.date(2024, 11, 5))
    assert [f[5] for f in _of(got, "MarketCapitalisation")] == ["asof-2024-11-05"], got


def test_a_time_compared_with_is_not_carried_to_the_next_sentence():
    text = ("Samsung said on Thursday that it earned more in 2024 than in any year before.\n"
            "Its operating profit of 30 trillion won beat the previous record set in 2018. "
            "Net income came to 25 trillion won.\n")
    got = facts(text, "en", organisation="samsung", date=dt.date(2025, 1, 30))
    assert [f[5] for f in _of(got, "NetProfit")] == ["2024"], got


def test_a_time_compared_with_in_chinese_is_not_carried_either():
    text = "华为2024年表现强劲。营业利润较2019年增长一倍。净利润为600亿元。"
    got = facts(text, "zh", organisation="huawei", date=dt.date(2025, 3, 1))
    assert [f[5] for f in _of(got, "NetProfit")] == ["2024"], got


def test_a_bare_quarter_after_the_dateline_is_the_last_one_before_it():
    text = ("Remarks at the Fiscal 2024 Results Briefing\nTokyo, January 30, 2025\n\n"
            "In the fourth quarter alone, net sales were 1,250.7 billion yen.\n")
    got = facts(text, "en", organisation="samsung", date=dt.date(2025, 1, 30))
    assert [f[5] for f in _of(got, "Revenue")] == ["2024-Q4"], got


def test_a_half_named_in_passing_is_not_carried_over_the_year_that_dated_the_figures():
    text = ("For fiscal year 2023, Samsung reported revenue of US$60 billion, reflecting weak demand in the first half. "
            "Net income was US$2.0 billion.\n")
    got = facts(text, "en", organisation="samsung", date=dt.date(2024, 5, 23))
    assert [f[5] for f in _of(got, "NetProfit")] == ["2023"], got


def test_a_quarter_that_dates_the_figures_is_still_carried():
    text = "华为2023年第四季度收入为1000亿元。净利润为100亿元。"
    got = facts(text, "zh", organisation="huawei", date=dt.date(2024, 3, 1))
    assert [f[5] for f in _of(got, "NetProfit")] == ["2023-Q4"], got


def test_a_time_compared_with_after_the_figure_is_not_its_time():
    text = ("Samsung reported net income of RMB2.2 billion (US$303 million), compared with RMB1.3 billion "
            "in the same period of 2023.\n")
    got = facts(text, "en", organisation="samsung", date=dt.date(2025, 2, 25))
    assert "2023" not in [f[5] for f in _of(got, "NetProfit")], got
    text = "For the year 2024, Samsung reported revenue of $638.0 billion, up 11% on 2023, and net income of $59.2 billion."
    got = facts(text, "en", organisation="samsung", date=dt.date(2025, 2, 25))
    assert [f[5] for f in _of(got, "NetProfit")] == ["2024"], got


def test_a_state_as_of_a_quarter_end_is_that_day():
    text = "截至三季度末，华为在全球拥有员工约20万人。"
    got = facts(text, "zh", organisation="huawei", date=dt.date(2024, 10, 30))
    assert [f[5] for f in _of(got, "Employees")] == ["asof-2024-09-30"], got


def test_the_same_period_last_year_dates_only_its_own_clause():
    text = "第四季度，华为营收400亿元；营业利润40亿元，去年同期则为亏损5亿元；毛利率升至32.2%。"
    got = facts(text, "zh", organisation="huawei", date=dt.date(2025, 2, 5))
    assert [f[5] for f in _of(got, "GrossMargin")] == ["2024-Q4"], got


def test_a_named_quarter_compared_with_is_not_the_figures():
    text = ("Samsung posted revenue of $90.75 billion for the fiscal second quarter 2024. "
            "Research and development expenses were $7.90 billion, up from $7.46 billion in the March quarter of 2023.\n")
    got = facts(text, "en", organisation="samsung", date=dt.date(2024, 5, 2))
    assert [f[5] for f in _of(got, "ResearchSpending")] == ["2024-Q2"], got


def test_an_event_begun_at_a_time_takes_that_time():
    from helpers import run
    x = run("比亚迪的汽车于2021年率先进入挪威，2022年起陆续进入日本、印度。", "zh", date=dt.date(2024, 6, 1))
    when = {f.obj: f.attr("period").key for f in x.facts if f.predicate == "enteredMarket" and f.attr("period")}
    assert when.get("market:japan") == "2022" and when.get("market:india") == "2022", when


def test_a_founding_time_does_not_date_a_headcount():
    text = ("Founded in 2006 by a student, Samsung grew from a small workshop into a company with about "
            "14,000 employees.\n")
    got = facts(text, "en", organisation="samsung", date=dt.date(2025, 8, 6))
    assert [f[5] for f in _of(got, "Employees")] == ["asof-2025-08-06"], got
    text = "By 2023, Samsung had about 14,000 employees.\n"  # a time told for the state itself still dates it
    got = facts(text, "en", organisation="samsung", date=dt.date(2025, 8, 6))
    assert [f[5] for f in _of(got, "Employees")] == ["by-2023"], got


def test_a_market_value_on_that_day_takes_the_day_told_in_an_earlier_sentence():
    text = ("新华社2月5日电 华为4日公布2024年全年业绩。全年营收7000亿元。"
            "受此消息提振，华为股价当日上涨12.7%，市值突破1200亿美元。")
    got = facts(text, "zh", organisation="huawei", date=dt.date(2025, 2, 5))
    assert [f[5] for f in _of(got, "MarketCapitalisation")] == ["2025-02-04"], got


def _relation_periods(text: str, lang: str, predicate: str, **kw) -> list:
    from helpers import run
    return sorted(str(f.attr("period").key if f.attr("period") else None)
                  for f in run(text, lang, **kw).facts if f.kind == "relation" and f.predicate == predicate)


def test_an_event_told_years_before_the_text_is_dated_back_from_its_date():
    # a speech: "three years ago today we launched …", 两年前，我们与…签署合作协议
    got = _relation_periods("三年前的今天，华为在这里发布了Mate 40。", "zh", "releases",
                            organisation="huawei", date=dt.date(2023, 10, 22))
    assert got == ["2020-10-22"], got
    got = _relation_periods("Two years ago, Huawei launched the Mate 40.", "en", "releases",
                            organisation="huawei", date=dt.date(2023, 10, 22))
    assert got == ["2021"], got


def test_a_deal_of_last_week_is_dated_by_its_month():
    got = _relation_periods("Last week Huawei agreed to acquire Nokia.", "en", "acquired",
                            organisation="huawei", date=dt.date(2025, 11, 12))
    assert got == ["2025-11"], got
    got = _relation_periods("上周，华为宣布收购诺基亚。", "zh", "acquired", organisation="huawei", date=dt.date(2025, 11, 12))
    assert got == ["2025-11"], got


def test_today_in_one_sentence_does_not_date_the_next():
    # "today" is the text's own time; the rank of the next sentence is told without a time
    text = "Q: How big is Huawei today?\nA: We were 111th in the last Fortune Global 500.\n"
    got = facts(text, "en", organisation="huawei", date=dt.date(2024, 5, 14))
    assert [f[5] for f in got if f[1] == "rank"] == [None], got


def test_the_time_of_a_plan_is_not_carried_to_the_next_sentence():
    text = "华为去年营收为7000亿元。总裁介绍了今年的新车计划。董事会建议派发末期股息合计约25.7亿元。"
    got = facts(text, "zh", organisation="huawei", date=dt.date(2025, 3, 28))
    assert [f[5] for f in _of(got, "Dividend")] == ["2024"], got
    # a time standing alone before the clause of the plan (2025年，公司将推出…)
    text = "华为去年营收为7000亿元。2025年，公司将推出十款新车。董事会建议派发末期股息合计约25.7亿元。"
    got = facts(text, "zh", organisation="huawei", date=dt.date(2025, 3, 28))
    assert [f[5] for f in _of(got, "Dividend")] == ["2024"], got
    text = ("Huawei reported revenue of 700 billion yuan for 2024. It is building a plant in Dongguan, which will begin "
            "operations this year. Its printing arm launched the Mate 70 series.")
    assert "2025" not in _relation_periods(text, "en", "releases", organisation="huawei", date=dt.date(2025, 1, 30))


def test_an_english_sentence_that_opens_with_its_time_dates_its_events_up_to_a_semicolon():
    text = "In 2019 Huawei set up Harmony Motors, a joint venture with Seres, to build electric cars."
    assert _relation_periods(text, "en", "partnerOf", organisation="huawei", date=dt.date(2024, 5, 1)) == ["2019"]
    text = ("In 2019 Huawei formed Harmony Motors, a joint venture with Seres, to build cars in Chongqing; "
            "the venture started production in 2022.")
    assert _relation_periods(text, "en", "partnerOf", organisation="huawei", date=dt.date(2024, 5, 1)) == ["2019"]
    # a time of the event's own still wins
    text = "In 2019 Huawei opened a lab, and it formed a joint venture with Seres in 2021."
    assert _relation_periods(text, "en", "partnerOf", organisation="huawei", date=dt.date(2024, 5, 1)) == ["2021"]


def test_the_time_a_record_is_measured_from_is_not_the_figures():
    text = "第二季度，公司营收达到1000亿元；营业利润500亿元，为2018年第三季度以来的最高水平；净利润400亿元。"
    got = facts(text, "zh", organisation="huawei", date=dt.date(2024, 8, 1))
    assert [f[5] for f in _of(got, "NetProfit")] == ["2024-Q2"], got
    text = "In 2024 Huawei sold 1.2 million cars, almost unchanged from 2023, and revenue rose 16.7% to 200 billion yuan."
    got = facts(text, "en", organisation="huawei", date=dt.date(2025, 3, 1))
    assert not any(str(f[5]).startswith("since") for f in got if len(f) > 5), got


def test_a_time_in_a_relative_clause_is_not_carried():
    text = ("Huawei's operating profit was 279.8 billion yen in 2024. Without the impairment at its medical unit, "
            "which we booked in the fourth quarter, operating profit would have been higher. "
            "Net income came to 160.0 billion yen.")
    got = facts(text, "en", organisation="huawei", date=dt.date(2025, 1, 30))
    assert "2024-Q4" not in [f[5] for f in _of(got, "NetProfit")], got


def test_the_first_three_quarters_in_english_are_told_at_the_years_precision():
    text = "Before three quarters research and development investment is 19.01 hundred million yuan."
    got = facts(text, "en", organisation="huawei", date=dt.date(2025, 10, 28))
    assert [f[5] for f in _of(got, "ResearchSpending")] == ["2025"], got


def test_this_quarter_hands_on_the_quarter_a_results_text_reports_on():
    # a report of the third quarter, dated in the fourth: "this quarter" is the third, in the next sentence too
    text = ("Huawei third quarter results: income reaches 10.1 billion yuan\n\n"
            "Huawei reported revenue of 10.1 billion yuan for the third quarter. This quarter net loss is 1.8 billion yuan. "
            "Gross margin climbed to 15.3%.\n")
    got = facts(text, "en", organisation="huawei", date=dt.date(2024, 11, 20))
    assert [f[5] for f in _of(got, "GrossMargin")] == ["2024-Q3"], got


def test_a_time_to_come_after_a_chinese_trigger_does_not_date_the_event():
    text = "华为完成收购诺基亚 新任CEO将于4月上任\n\n华为今天宣布完成收购。\n"
    got = _relation_periods(text, "zh", "acquired", organisation="huawei", date=dt.date(2025, 2, 28))
    assert "2025-04" not in got and "2024-04" not in got, got


def _periods_of(text: str, lang: str, prop: str, **kw) -> dict:
    """{(subject, object): period key} of one relation, the text's topic and speaker unset."""
    from helpers import run

    kw.setdefault("organisation", "")
    kw.setdefault("speaker", "")
    out = {}
    for f in run(text, lang, **kw).facts:
        if f.kind == "relation" and f.predicate == prop:
            p = f.attr("period")
            out[(f.subject, f.obj)] = p.key if p else None
    return out


def test_a_month_after_the_same_year_is_of_that_year():
    from kg.numbers import find_periods

    # 同年, "later that year" point back at the year told before; the month that follows is of that year too
    got = [p.key for p in find_periods("1994年，联想进入欧洲。同年3月，公司又进入美国。", "zh", dt.date(2024, 5, 1))]
    assert got == ["1994", "1994", "1994-03"], got
    got = [p.key for p in find_periods("In 2011 Nokia cut jobs. Later that year, in October, it opened a plant.", "en",
                                       dt.date(2024, 5, 1))]
    assert got == ["2011", "2011", "2011-10"], got
    got = [p.key for p in find_periods("次年3月，公司上市。", "zh", dt.date(2024, 5, 1), context_year=2012)]
    assert got == ["2013", "2013-03"], got


def test_a_post_given_by_whoever_chose_the_person_is_dated_by_that_choice():
    # the word of choosing stands before the person: the board or the company that named them
    assert _periods_of("Microsoft named Satya Nadella its CEO in February 2014.", "en", "ceoOf") == \
        {("satya-nadella", "microsoft"): "2014-02"}
    assert _periods_of("In 2022, the board elected Jane Fraser chair of Citigroup.", "en", "chairOf") == \
        {("x-jane-fraser", "citigroup"): "2022"}
    assert _periods_of("卢伟冰2023年当选小米董事长。", "zh", "chairOf") == {("lu-weibing", "xiaomi"): "2023"}
    # a post merely held, beside a time of something else, takes no time
    assert _periods_of("Lei Jun, who founded Xiaomi in 2010, is its chairman.", "en", "chairOf") == \
        {("lei-jun", "xiaomi"): None}


def test_a_tie_held_since_a_time_keeps_its_since():
    assert _periods_of("Panasonic has been Tesla's battery partner since 2010.", "en", "partnerOf") == \
        {("panasonic", "tesla"): "since-2010"}
    assert _periods_of("自2019年起，小米与徕卡建立合作关系。", "zh", "partnerOf") == {("xiaomi", "leica"): "since-2019"}
    # a plain time in the sentence dates the event; a "since" there belongs to something else
    assert _periods_of("Sony partnered with Honda in 2022, and has sold cameras since 1990.", "en", "partnerOf") == \
        {("sony", "honda"): "2022"}


def test_an_interim_report_and_a_calendar_quarter_are_their_half_and_quarter():
    from kg.numbers import find_periods

    day = dt.date(2025, 8, 27)
    keys = lambda text, lang="zh": [p.key for p in find_periods(text, lang, day)]  # noqa: E731
    assert keys("云图科技2025年半年度业绩公告") == ["2025-H1"]
    assert keys("云图科技发布2025年中期业绩") == ["2025-H1"]
    assert keys("2025年半年报显示") == ["2025-H1"]
    assert keys("2025年中期目标") == ["2025"]  # a mid-term target is no half
    assert keys("云图在2024年第三日历季度中排名第二") == ["2024-Q3"]  # a word-for-word translation's "calendar quarter"
    assert keys("2024年第三个日历季度") == ["2024-Q3"]
    assert keys("in the third calendar quarter of 2024", "en") == ["2024-Q3"]


def test_figures_of_an_interim_report_are_of_the_first_half():
    text = ("云图科技2025年半年度业绩公告\n"
            "公司实现营业收入28亿元。报告期内公司毛利率为55.9%。\n")
    got = facts(text, "zh", organisation="xiaomi", date=dt.date(2025, 8, 27))
    assert {f[5] for f in _of(got, "Revenue")} == {"2025-H1"}, got
    assert {f[5] for f in _of(got, "GrossMargin")} == {"2025-H1"}, got


def test_last_fiscal_year_is_a_year_before_the_text():
    text = ("In November 2015 we separated into two companies. "
            "Last fiscal year we generated revenue of 53.7 billion dollars with around 58,000 employees.")
    got = facts(text, "en", organisation="xiaomi", date=dt.date(2024, 9, 24))
    assert {f[5] for f in _of(got, "Employees")} == {"2023"}, got  # not the month of the sentence before


def test_a_record_measured_since_a_time_is_not_the_figure_s_time():
    # the "since" dates the record the figure sets, with a few words naming what is measured between
    got = facts("公司此次募资总额约54亿港元，是今年以来香港规模最大的科技企业IPO。", "zh", organisation="xiaomi",
                date=dt.date(2024, 10, 24))
    assert [f[5] for f in _of(got, "FundsRaised")] == [None], got
    got = facts("The listing raised about HK$5.4 billion, the largest tech IPO in Hong Kong since 2021.", "en",
                organisation="xiaomi", date=dt.date(2024, 10, 24))
    assert [f[5] for f in _of(got, "FundsRaised")] == [None], got


def _periods_by_object(text: str, lang: str, predicate: str, **kw) -> dict[str, str]:
    from helpers import run
    kw = {"organisation": "", "speaker": "", **kw}
    x = run(text, lang, **kw)
    return {f.obj: (f.attr("period").key if f.attr("period") else "") for f in x.facts if f.predicate == predicate}


def test_an_event_dated_the_same_month_as_the_sentence_before():
    # 同月 / "the same month" in a later sentence: the month the sentence before told
    zh = _periods_by_object("2021年9月，联想在墨西哥开设新工厂。同月，联想还与英特尔签署了合作协议。", "zh", "partnerOf")
    assert zh == {"intel": "2021-09"}, zh
    en = _periods_by_object("In September 2021 Lenovo opened a plant in Mexico. The same month, Lenovo signed a "
                           "partnership agreement with Intel.", "en", "partnerOf")
    assert en == {"intel": "2021-09"}, en


def test_a_figure_after_a_sentence_that_opens_with_its_year():
    # "In 2023 travellers booked …" dates what the next sentence tells
    text = "In 2023 travellers booked 300 million nights on Airbnb. Our revenue was 9.9 billion dollars."
    got = facts(text, "en", organisation="airbnb", speaker="", date=dt.date(2024, 5, 2))
    assert [f[5] for f in _of(got, "Revenue")] == ["2023"], got


def test_a_year_ago_figure_does_not_date_the_next_sentences():
    # 上年同期为… tells last year's figure to compare with; the segments of the next sentence are of the quarter reported on
    # (a fourth-quarter report of January: 上年 is the year of the quarter)
    text = ("华为公布2024年第四季度业绩\n"
            "第四季度营收为2000亿元。净利润为300亿元，上年同期为250亿元。\n"
            "按部门划分，终端部门营收为900亿元；云计算部门营收为200亿元。\n")
    got = facts(text, "zh", organisation="huawei", date=dt.date(2025, 1, 30))
    assert sorted(f[5] for f in _of(got, "Revenue")) == ["2024-Q4"] * 3, got


def test_a_whole_year_word_in_the_figures_clause_says_the_year():
    # the title names the quarter and the year; 全年营收 in its own clause is the year's
    text = ("联想公布2023年第四季度及全年业绩：全年营收4000亿元\n"
            "2024年2月22日，北京——联想今日公布业绩。\n")
    got = facts(text, "zh", organisation="lenovo", date=dt.date(2024, 2, 22))
    assert [f[5] for f in _of(got, "Revenue")] == ["2023"], got
    # a year named earlier in the sentence, written or relative, is the year of 全年
    got = facts("回头看去年，联想全年营收4000亿元。", "zh", organisation="lenovo", date=dt.date(2024, 11, 20))
    assert [f[5] for f in _of(got, "Revenue")] == ["2023"], got


def test_a_state_on_the_first_day_of_trading_is_of_the_listing_day():
    text = "蔚来科技昨日在港交所挂牌上市。上市首日股价大涨，收盘市值超过500亿港元。"
    got = facts(text, "zh", organisation="", speaker="", date=dt.date(2025, 6, 12))
    assert [f[5] for f in _of(got, "MarketCapitalisation")] == ["2025-06-11"], got


def test_a_translated_interim_report_dates_its_figures_by_the_half():
    # a word-by-word translation of 2023年中期业绩 and 较上年同期: the half reported on, not the year compared with
    text = ("Meituan half year performance announce\n\n"
            "Beijing, 2023 year 8 month 25 day news. Meituan on 24 day evening publish 2023 year middle year performance. "
            "Report period inside, company total income 1200 hundred million yuan, compare last year same period increase 30%.\n")
    got = facts(text, "en", organisation="meituan", speaker="", date=dt.date(2023, 8, 25))
    assert [f[5] for f in _of(got, "Revenue")] == ["2023-H1"], got


def test_a_time_that_dates_a_launch_in_the_sentence_does_not_date_its_figures():
    # 于去年5月推出的新游戏: the month dates the game, the figures after it are of the year the sentence before told
    text = ("腾讯公布2024年第四季度及全年业绩\n"
            "2025年3月19日，香港——腾讯今日公布业绩。\n"
            "全年收入为人民币3000亿元，同比增长7%。其中，游戏收入增长10%至人民币1300亿元，主要得益于去年5月推出的新游戏的贡献；"
            "广告收入增长9%至人民币500亿元。\n")
    got = facts(text, "zh", organisation="tencent", speaker="", date=dt.date(2025, 3, 19))
    assert sorted(f[5] for f in _of(got, "Revenue")) == ["2024"] * 3, got


def test_a_translated_listing_is_dated_by_its_day_not_by_a_record_since():
    text = ("2019 year 6 month 10 day, the company H shares in Hong Kong Stock Exchange main board hang card listing, "
            "total raise fund about 300 hundred million Hong Kong dollars, is 2015 year since Hong Kong biggest IPO.")
    got = _periods_by_object(text, "en", "listedOn", organisation="midea", date=dt.date(2020, 3, 31))
    assert set(got.values()) == {"2019-06-10"}, got


@pytest.mark.parametrize("text, lang", [
    ("Brightcore Optics made revenue of 9 billion yuan in 2024. It makes lenses for phones. "
     "Brightcore Optics was founded in 1997 in Hangzhou. In the third quarter, revenue was 1.2 billion yuan.", "en"),
    ("明芯光学2024年营收90亿元。公司生产手机镜头。明芯光学1997年成立于杭州。第三季度，公司营收12亿元。", "zh"),
])
def test_with_no_document_date_a_bare_quarter_takes_no_year_long_before_the_latest_the_text_tells(text, lang):
    x = run(text, lang, date=None)
    assert {m.period.key for m in x.mentions if m.kind == "period"} == {"2024", "1997"}  # not 1997-Q3


@pytest.mark.parametrize("text, lang", [
    ("Brightcore Optics reported its results for 2024. In the third quarter, revenue was 1.2 billion yuan.", "en"),
    ("明芯光学公布2024年业绩。第三季度，公司营收12亿元。", "zh"),
])
def test_with_no_document_date_a_bare_quarter_takes_the_year_told_just_before(text, lang):
    x = run(text, lang, date=None)
    assert "2024-Q3" in {m.period.key for m in x.mentions if m.kind == "period"}


@pytest.mark.parametrize("text, lang, rel, want", [
    # 成为, 接替, 提拔为: words of taking a post, so the time next to them dates it
    ("卢伟冰在2022年11月成为小米总裁。", "zh", "presidentOf", "2022-11"),
    ("2019年，卢伟冰接替王翔出任小米总裁。", "zh", "presidentOf", "2019"),
    ("卢伟冰于2021年被提拔为小米总裁。", "zh", "presidentOf", "2021"),
    ("In 2021, Lu Weibing stepped up as president of Xiaomi.", "en", "presidentOf", "2021"),
    ("卢伟冰于2023年获任小米总裁。", "zh", "presidentOf", "2023"),
    ("In 2023 Lu Weibing returned as president of Xiaomi.", "en", "presidentOf", "2023"),
])
def test_a_word_of_taking_a_post_dates_it(text, lang, rel, want):
    assert _periods_of(text, lang, rel).get(("lu-weibing", "xiaomi")) == want


def test_a_post_merely_held_beside_another_becoming_takes_no_time():
    # 成为 dates the post only in the title's own clause: here it is another event
    assert _periods_of("雷军是小米董事长，他在2020年成为全球最富有的人之一。", "zh", "chairOf") == {("lei-jun", "xiaomi"): None}


@pytest.mark.parametrize("text, want", [
    ("Brightcore Optics had 4,120 employees at the end of the year.", ["2023-late"]),
    ("At the end of the year, headcount stood at 4,120.", ["2023-late"]),
    # still to come: the end of the year the text is written in
    ("Brightcore Optics will have 5,000 employees at the end of the year.", ["2024-late"]),
])
def test_a_state_told_in_the_past_at_the_end_of_the_year_is_at_the_last_year_end(text, want):
    from kg.numbers import find_periods

    assert [p.key for p in find_periods(text, "en", dt.date(2024, 3, 7))] == want


@pytest.mark.parametrize("text, lang", [
    ("小米集团2024年年度业绩公告\n\n公告日期：2025年3月20日\n\n在全球智能手机市场，公司出货量排名第三。\n", "zh"),
    ("Xiaomi announces 2024 annual results\n\nMarch 20, 2025\n\nThe company ranked third in the global smartphone market by shipments.\n", "en"),
])
def test_a_rank_in_a_results_text_that_tells_no_time_is_for_the_period_reported_on(text, lang):
    x = run(text, lang, speaker="", date=dt.date(2025, 3, 20))
    ranks = [f for f in x.facts if f.kind == "position"]
    assert ranks and all(f.attr("period") is not None and f.attr("period").key == "2024" for f in ranks), ranks


def test_a_rank_outside_a_results_text_takes_no_report_period():
    x = run("在全球智能手机市场，小米出货量排名第三。", "zh", speaker="", date=dt.date(2025, 3, 20))
    ranks = [f for f in x.facts if f.kind == "position"]
    assert ranks and all(f.attr("period") is None for f in ranks), ranks


def test_a_bare_fiscal_quarter_in_chinese_is_a_quarter_of_the_period_reported_on():
    # 第三财季, 第二个财季: a quarter named as the company's fiscal one, without its year
    from kg.numbers import find_periods

    got = [p.key for p in find_periods("第二个财季，营收增长。", "zh", dt.date(2025, 2, 6), context_year=2025)]
    assert got == ["2025-Q2"], got
    text = "英伟达公布2025财年第三季度业绩\n\n2024年11月20日\n\n第三财季，英伟达营收为350亿美元。\n"
    got = facts(text, "zh", organisation="nvidia", speaker="", date=dt.date(2024, 11, 20))
    assert [f[5] for f in _of(got, "Revenue")] == ["2025-Q3"], got


def test_a_translations_bare_same_year_points_back_at_the_year_told():
    # 同年 rendered word by word: "Same year …" is the year told before, not the month told with it
    from kg.numbers import find_periods

    got = [p.key for p in find_periods("2024 year 10 month, the company release X. Same year the company also push out Y.",
                                       "en", dt.date(2025, 3, 1))]
    assert got == ["2024-10", "2024"], got


def test_replacing_someone_in_a_post_dates_taking_it():
    assert _periods_of("In February 2022, Rene Haas replaced Simon Segars as chief executive of Xiaomi.", "en", "ceoOf") \
        .get(("rene-haas", "xiaomi")) == "2022-02"


@pytest.mark.parametrize("text, want", [
    # a market entered from a time on, told as such (起), keeps its since (data/eval/README.md "Periods")
    ("小米自2014年起进入印度市场。", "since-2014"),
    ("2014年起，小米陆续进入印度、印尼等市场。", "since-2014"),
    # "since" that wraps the entry (自…进入…以来) dates the entry itself; so does a plain time
    ("小米自2014年进入印度市场以来，销量大增。", "2014"),
    ("小米于2014年进入印度市场。", "2014"),
])
def test_a_market_entered_from_a_time_on_keeps_its_since(text, want):
    assert _periods_of(text, "zh", "enteredMarket", organisation="xiaomi").get(("xiaomi", "market:india")) == want


@pytest.mark.parametrize("text, lang", [
    ("Xiaomi announces fourth quarter and full year 2024 results\n\nBeijing, February 26, 2025\n\n"
     "Fourth quarter revenue was $10.0 billion. Full-year revenue in the Americas was about $25 billion, "
     "revenue in Europe was about $9 billion and revenue in Asia Pacific was about $3.9 billion.\n", "en"),
    ("小米公布2024年第四季度及全年业绩\n\n2025年2月26日\n\n第四季度营收为100亿美元。全年美洲收入约为250亿美元，欧洲收入约为90亿美元，"
     "亚太收入约为39亿美元。\n", "zh"),
])
def test_figures_listed_after_a_whole_years_figure_are_the_years(text, lang):
    got = facts(text, lang, organisation="xiaomi", speaker="", date=dt.date(2025, 2, 26))
    assert sorted((f[2], f[5]) for f in _of(got, "Revenue")) == \
        [(3.9e9, "2024"), (9e9, "2024"), (1e10, "2024-Q4"), (2.5e10, "2024")], got
    # a time of its own in a later clause still dates that figure
    got = facts("小米公布2024年第四季度及全年业绩\n\n2025年2月26日\n\n全年营收为300亿美元，第四季度营收为100亿美元。\n", "zh",
                organisation="xiaomi", speaker="", date=dt.date(2025, 2, 26))
    assert sorted((f[2], f[5]) for f in _of(got, "Revenue")) == [(1e10, "2024-Q4"), (3e10, "2024")], got


def test_a_year_before_the_word_results_is_a_year_not_a_count():
    from kg.numbers import find_periods, find_quantities

    for text in ("Xiaomi reports 2024 results", "Fiscal 2025 earnings beat forecasts"):
        assert [p.key for p in find_periods(text, "en", dt.date(2025, 3, 1))] in (["2024"], ["2025"]), text
        assert find_quantities(text, "en") == [], text


def test_a_bare_quarter_in_a_title_with_a_fiscal_year_is_that_fiscal_years_quarter():
    # in May 2025 a bare "fourth quarter" would be the calendar's 2024-Q4; the title says it is fiscal 2025's
    text = ("Xiaomi announces fourth quarter and full fiscal year 2025 results\n\nBeijing, May 6, 2025\n\n"
            "Fourth-quarter revenue was $1.01 billion.\n")
    got = facts(text, "en", organisation="xiaomi", speaker="", date=dt.date(2025, 5, 6))
    assert [f[5] for f in _of(got, "Revenue")] == ["2025-Q4"], got
    # a calendar year in the title leaves the quarter the calendar's
    text = "Xiaomi announces fourth quarter and full year 2024 results\n\nBeijing, February 26, 2025\n\nFourth-quarter revenue was $1.01 billion.\n"
    got = facts(text, "en", organisation="xiaomi", speaker="", date=dt.date(2025, 2, 26))
    assert [f[5] for f in _of(got, "Revenue")] == ["2024-Q4"], got


@pytest.mark.parametrize("tail", ["down from 2024", "up from the 2024 level"])
def test_the_time_a_figure_moved_from_does_not_date_it(tail):
    text = f"Xiaomi reports first quarter 2025 results\n\nBeijing, May 20, 2025\n\nRevenue was $10.0 billion, {tail}.\n"
    got = facts(text, "en", organisation="xiaomi", speaker="", date=dt.date(2025, 5, 20))
    assert [f[5] for f in _of(got, "Revenue")] == ["2025-Q1"], got
