"""Financial figures of a company, its segments and regions, told in ways that were missed on unseen
documents: growth rates told after the figure, several rates with their own comparisons, a rate
told with its figure for a whole year, and segments named before their revenue. Sentences written
for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from helpers import asserted_quantities, run


def _metrics(text: str, lang: str, **kw) -> set[tuple]:
    """(subject label, metric, value, period) of the asserted quantity facts."""
    return asserted_quantities(text, lang, **kw)


def test_each_rate_takes_the_comparison_told_with_it():
    # English says the comparison after the rate: "year on year" is the first rate's, not the second's
    got = _metrics("For the fourth quarter of 2023, Huawei's revenue was RMB12.7 billion, up 23% year on year "
                   "and down 20% quarter on quarter.", "en")
    assert ("huawei", "RevenueGrowthYoY", 23.0, "2023-Q4") in got
    assert ("huawei", "RevenueGrowthQoQ", -20.0, "2023-Q4") in got
    assert not {f for f in got if f[2] in (23.0, -20.0)} - {("huawei", "RevenueGrowthYoY", 23.0, "2023-Q4"),
                                                           ("huawei", "RevenueGrowthQoQ", -20.0, "2023-Q4")}
    got = _metrics("Huawei's revenue rose 35.3% year on year and 7.8% from the previous quarter to $904.9 million "
                   "in the first quarter of 2023.", "en")
    assert {("huawei", "RevenueGrowthYoY", 35.3, "2023-Q1"), ("huawei", "RevenueGrowthQoQ", 7.8, "2023-Q1"),
            ("huawei", "Revenue", 904.9e6, "2023-Q1")} <= got
    # Chinese says it before the rate
    got = _metrics("2023年第一季度，华为营收260.4亿美元，同比增长262%，环比增长18%。", "zh")
    assert {("huawei", "RevenueGrowthYoY", 262.0, "2023-Q1"), ("huawei", "RevenueGrowthQoQ", 18.0, "2023-Q1")} <= got


@pytest.mark.parametrize("text, rate", [
    ("Huawei's revenue was $16.37 billion in the first quarter of 2023, 8 percent less than a year earlier.", -8.0),
    ("Huawei posted revenue of RMB31.1 billion in the third quarter of 2023, 11.4% higher than in the same quarter of last year.", 11.4),
    ("In 2023 Huawei's revenue came to 8,458.2 billion yen, down 0.5% from the previous year.", -0.5),
])
def test_a_rate_told_after_the_figure_as_higher_or_lower_than_before(text, rate):
    assert {f[2] for f in _metrics(text, "en") if f[1] == "RevenueGrowthYoY"} == {rate}


def test_a_rate_told_with_a_whole_years_figure_is_on_the_year_before():
    # no topic company named in the sentence: the figure is the document's company's, and so is its rate
    got = _metrics("In 2023, revenue rose 16.7% to RMB 202.2 billion.", "en")
    assert {("xiaomi", "Revenue", 202.2e9, "2023"), ("xiaomi", "RevenueGrowthYoY", 16.7, "2023")} <= got
    # a quarter's rate that does not say what it is compared with stays a candidate
    got = _metrics("In the third quarter of 2023, revenue rose 2% to RMB 99.4 billion.", "en", organisation="")
    assert not {f for f in got if f[1].startswith("RevenueGrowth")}


def test_a_year_on_year_rate_is_no_garbled_repetition():
    # "year on year" repeats "year": an idiom, which keeps the facts of the clause asserted in a build
    from kg import sources

    spec = sources.load_noise().languages["en"]["repeated_word"]
    assert sources._repeated_word("revenue rose 9.5 percent year on year to US$13.8 billion", spec) == ""


def test_chinese_words_of_a_sharp_rise_or_fall():
    got = _metrics("2023年第一季度，华为安全业务收入20.2亿美元，同比大增100%；云业务收入2.6亿美元，同比下跌4%。", "zh")
    assert ("安全业务", "RevenueGrowthYoY", 100.0, "2023-Q1") in got
    assert ("云业务", "RevenueGrowthYoY", -4.0, "2023-Q1") in got


def test_a_segment_named_before_its_revenue_is_the_subject():
    text = ("2023年第三季度，华为实现营收138亿美元。分业务看，物流业务收入67.5亿美元，同比下降23%；"
            "广告业务收入20.2亿美元，同比增长41%。")
    got = _metrics(text, "zh")
    assert {("物流业务", "Revenue", 6.75e9, "2023-Q3"), ("物流业务", "RevenueGrowthYoY", -23.0, "2023-Q3"),
            ("广告业务", "Revenue", 2.02e9, "2023-Q3"), ("广告业务", "RevenueGrowthYoY", 41.0, "2023-Q3")} <= got
    assert ("huawei", "Revenue", 1.38e10, "2023-Q3") in got
    assert not {f for f in got if f[0] == "huawei" and f[2] in (6.75e9, 2.02e9)}


def test_a_segment_before_an_aside_or_before_fang_mian():
    got = _metrics("2023年，华为智能穿戴类产品（手表、手环与耳机）收入69.1亿元，增幅37.4%。", "zh")
    assert {("智能穿戴类产品", "Revenue", 6.91e9, "2023"), ("智能穿戴类产品", "RevenueGrowthYoY", 37.4, "2023")} <= got
    got = _metrics("物流与供应链服务方面，2023年收入达到301亿元，创历史新高。", "zh")
    assert ("物流与供应链服务", "Revenue", 3.01e10, "2023") in got
    # 财务方面 ("as for the accounts") and a company named after it: the company's own figure
    got = _metrics("财务方面，2023年华为总收入为2,710亿元，同比下降3.2%。", "zh")
    assert {("huawei", "Revenue", 2.71e11, "2023"), ("huawei", "RevenueGrowthYoY", -3.2, "2023")} <= got


def test_this_segment_is_the_one_named_before():
    got = _metrics("2023年，华为的企业网络收入约770.6亿元，整体保持稳定；该板块收入同比下降约8%。", "zh")
    assert ("企业网络", "RevenueGrowthYoY", -8.0, "2023") in got
    # none named before: no one's figure
    got = _metrics("2023年，华为的业务继续调整，该板块收入同比下降约8%。", "zh")
    assert not {f for f in got if f[1] == "RevenueGrowthYoY"}


def test_a_markets_business_in_one_kind_of_product_is_a_part():
    got = _metrics("2023年，华为海外市场手机收入增长10%至人民币1397亿元。", "zh")
    assert {("海外市场手机", "Revenue", 1.397e11, "2023"), ("海外市场手机", "RevenueGrowthYoY", 10.0, "2023")} <= got
    # a market alone is the scope of the company's figure
    x = run("2023年，华为海外市场收入增长10%至人民币1397亿元。", "zh")
    assert {(f.subject, f.attr("scope")) for f in x.facts if f.predicate == "Revenue"} == {("huawei", "overseas")}


def test_figures_listed_after_a_forecast_are_all_forecast():
    for text, lang in [("2024年第一季度，华为预计月活用户将达到6.78亿，付费用户2.65亿，营收约42亿欧元，营业利润约5.48亿欧元。", "zh"),
                       ("For 2025 we forecast net sales of 4,800 billion yen, up 6.4 percent, and operating profit of 540 billion yen.", "en")]:
        assert not {f for f in _metrics(text, lang) if f[1] in ("Revenue", "OperatingProfit")}
    # the figures of a clause before the forecast are results
    got = _metrics("2023年华为营收约42亿欧元；公司预计2024年营业利润约5.48亿欧元。", "zh")
    assert ("huawei", "Revenue", 4.2e9, "2023") in got and not {f for f in got if f[1] == "OperatingProfit"}


def test_a_part_told_after_a_whole_years_figure_is_the_years():
    # a report on a quarter and the year: 其中 goes on with the year the sentence before told
    text = ("华为公布2023年第四季度及全年业绩\n\n增值服务：全年收入为人民币3192亿元，同比增长7%。"
            "其中，海外市场手机收入增长10%至人民币1397亿元，主要得益于去年5月推出的新机。\n")
    x = run(text, "zh", date=dt.date(2024, 3, 20))
    got = {(float(f.attr("value")), f.attr("period").key) for f in x.facts if f.predicate == "Revenue"}
    assert got == {(3.192e11, "2023"), (1.397e11, "2023")}


def test_a_sentence_that_breaks_the_business_down_names_its_parts_in_ordinary_words():
    text = ("By business line, Huawei's hotel booking revenue was RMB22.0 billion in 2023, up 23%; "
            "consumer devices revenue rose 12% to RMB19.1 billion; and mobile payments revenue reached RMB2.6 billion, up 10%.")
    got = _metrics(text, "en")
    assert {("hotel booking", "Revenue", 2.2e10, "2023"), ("consumer devices", "RevenueGrowthYoY", 12.0, "2023"),
            ("mobile payments", "Revenue", 2.6e9, "2023"), ("mobile payments", "RevenueGrowthYoY", 10.0, "2023")} <= got
    # without the words that say so, ordinary words name no part
    got = _metrics("In 2023, strong revenue reached RMB2.6 billion, up 10%.", "en")
    assert ("xiaomi", "Revenue", 2.6e9, "2023") in got


def test_a_sentence_for_the_year_hands_its_year_on():
    # a report on a quarter and the year: the figures after "for the year" are the year's
    text = ("Huawei Reports Fourth Quarter and Full Year 2023 Results\n\n"
            "Gross margin for the year was 41%.\n\nBy business line, hotel booking revenue was RMB22.0 billion, up 23%.\n")
    x = run(text, "en", date=dt.date(2024, 2, 25))
    got = {(f.predicate, float(f.attr("value")), f.attr("period").key) for f in x.facts if f.predicate.startswith("Revenue")}
    assert got == {("Revenue", 2.2e10, "2023"), ("RevenueGrowthYoY", 23.0, "2023")}


@pytest.mark.parametrize("text, part", [
    ("2023年第四季度，华为总收入为130.5亿元；服务及其他收入为5.8亿元，同比增长74.8%。", "服务及其他"),
    ("2023年一季度，华为在线广告服务及其他收入为424.6亿元，同比增长56%。", "在线广告服务及其他"),
])
def test_a_part_named_as_services_and_others(text, part):
    got = _metrics(text, "zh")
    assert {f[0] for f in got if f[2] in (5.8e8, 4.246e10)} == {part}


def test_a_markets_business_opening_the_sentence_is_the_companys_figure_there():
    x = run("2023年海外业务收入约42亿元，同比增长超过100%。", "zh")
    got = {(f.subject, f.predicate, f.attr("scope")) for f in x.facts}
    assert got == {("xiaomi", "Revenue", "overseas"), ("xiaomi", "RevenueGrowthYoY", "overseas")}


def test_parts_listed_after_one_with_the_trigger_take_its_metric():
    text = ("2023年，华为实现营收2220亿元。分业务看，移动网络业务全年净销售额769亿元，"
            "网络基础设施业务642亿元，云与网络服务业务297亿元。")
    got = _metrics(text, "zh")
    assert {("移动网络业务", "Revenue", 7.69e10, "2023"), ("网络基础设施业务", "Revenue", 6.42e10, "2023"),
            ("云与网络服务业务", "Revenue", 2.97e10, "2023")} <= got
    # a figure of another kind after the part's is no part's revenue
    got = _metrics("2023年，华为移动网络业务收入769亿元，员工约2万人。", "zh")
    assert {f for f in got if f[1] == "Revenue"} == {("移动网络业务", "Revenue", 7.69e10, "2023")}


def test_words_before_a_business_revenue_name_the_business():
    # a machine translation: "business income" is 业务收入, the words before it the business
    got = _metrics("In 2023, consumer business income about 307.4 hundred million yuan, compare same period down 12.7%.", "en")
    assert {("consumer business", "Revenue", 3.074e10, "2023"), ("consumer business", "RevenueGrowthYoY", -12.7, "2023")} <= got
    # words of the whole, not a business
    for text in ("In 2023 our business revenue was $1.44 billion.", "In 2023 new business revenue was $1.44 billion.",
                 "Fourth quarter of 2023 single season business income 100.13 hundred million yuan."):
        assert {f[0] for f in _metrics(text, "en") if f[1] == "Revenue"} <= {"xiaomi"}
