"""Financial and count metrics told in ways other writers use: a part of the business named by ordinary
words opening its clause, an upper bound written 最高, members of a service counted as subscribers, a
count of stores in a place, and reported figures (buy-backs, subscribers) asserted, not left as
candidates. Sentences written for these tests."""
from __future__ import annotations

from helpers import asserted_quantities, run


def _metrics(text: str, lang: str, **kw) -> set[tuple]:
    """(subject label, metric, value, bound, period, scope) of the asserted quantity facts."""
    return asserted_quantities(text, lang, ("value", "bound", "period", "scope"), **kw)


def _of(got: set, metric: str) -> set:
    return {(s, v) for s, m, v, *_ in got if m == metric}


def test_ordinary_words_opening_the_clause_name_the_part():
    got = _metrics("In the second quarter of 2025, music streaming revenue dropped 4% year on year to RMB3.3 billion.", "en")
    assert _of(got, "Revenue") == {("music streaming", 3.3e9)}
    assert _of(got, "RevenueGrowthYoY") == {("music streaming", -4.0)}
    got = _metrics("Hardware sales rose 8%, while cloud and licensing revenues grew 30% year on year to $910 million "
                   "in the third quarter of 2024.", "en")
    assert _of(got, "Revenue") == {("cloud and licensing", 9.1e8)}
    # a hyphenated word keeps its whole form (not less "added", a word of the whole elsewhere)
    got = _metrics("Value-added telecom revenues were $1.2 billion in 2023, up 6%.", "en")
    assert _of(got, "Revenue") == {("Value-added telecom", 1.2e9)}


def test_words_of_how_a_figure_is_counted_name_no_part():
    for text in ["In the second quarter of 2025, annualized recurring revenue reached $2.1 billion.",
                 "In 2024, deferred revenue stood at $900 million.",
                 "In 2024, average revenue per user was $12."]:
        assert not _of(_metrics(text, "en"), "Revenue"), text
    # nor does a pronoun and its verb ("we expect")
    assert not _of(_metrics("In 2026, we expect revenue of $5 billion.", "en"), "Revenue")
    # the whole's revenue stays the company's
    got = _metrics("In 2024, the company's revenue rose 5% to $5 billion.", "en")
    assert _of(got, "Revenue") == {("xiaomi", 5e9)}


def test_zuigao_is_an_upper_bound():
    got = _metrics("2024年3月，董事会批准了一项最高30亿美元的股份回购计划。", "zh")
    assert ("xiaomi", "ShareBuyback", 3e9, "UpperBound", "2024-03", None) in got


def test_buybacks_and_subscribers_of_the_document_company_are_asserted():
    # figures the company reports, with no name in the sentence: the document's company, asserted
    got = _metrics("In 2023, the company spent $4.2 billion on share repurchases.", "en")
    assert _of(got, "ShareBuyback") == {("xiaomi", 4.2e9)}
    got = _metrics("Paid subscribers rose 9% to 84 million in the second quarter of 2025.", "en")
    assert _of(got, "Subscribers") == {("xiaomi", 8.4e7)}


def test_members_of_a_service_are_its_subscribers():
    got = _metrics("截至2024年6月底，会员人数超过4500万。", "zh")
    assert _of(got, "Subscribers") == {("xiaomi", 4.5e7)}
    assert not _of(_metrics("2024年，董事会成员人数为9人。", "zh"), "Subscribers")


def test_stores_in_a_place_have_that_scope():
    got = _metrics("截至2024年底，小米在印度拥有约1200家门店。", "zh")
    assert {(f[0], f[2], f[5]) for f in got if f[1] == "Stores"} == {("xiaomi", 1200.0, "india")}


def test_chinese_figure_of_what_is_named_before_de():
    # 美洲的收入: a market's revenue, the company's figure in that market; 云服务的收入: a part's
    x = run("2024年，美洲的收入为250亿美元，云服务的收入为79亿美元，同比增长12%。", "zh")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    got = {(names.get(f.subject, f.subject), f.predicate, float(f.attr("value")), f.attr("scope") or None)
           for f in x.facts if f.kind == "quantity" and max(e.confidence for e in f.evidence) >= 0.75}
    assert ("xiaomi", "Revenue", 2.5e10, "americas") in got
    assert ("云服务", "Revenue", 7.9e9, None) in got
    assert not {f for f in got if f[0] == "xiaomi" and f[3] is None}
    # a pronoun or the company's own name before 的 names no part
    assert _of(_metrics("2024年，我们的收入是379亿美元。", "zh"), "Revenue") == {("xiaomi", 3.79e10)}
    assert _of(_metrics("2024年，小米的收入为379亿美元。", "zh"), "Revenue") == {("xiaomi", 3.79e10)}


def test_a_count_whose_noun_is_left_out_after_its_verb():
    # the noun told once, with the figure of another verb before: the bare figure after the metric's verb is its own
    got = _metrics("In 2024 the company built 61,200 vehicles and delivered 58,400.", "en")
    assert _of(got, "Deliveries") == {("xiaomi", 58400.0)}
    got = _metrics("In 2024 the company built 61,200 vehicles and delivered 58,400 vehicles.", "en")
    assert _of(got, "Deliveries") == {("xiaomi", 58400.0)}
    # a figure of something else after the verb is not the count
    assert _of(_metrics("In 2024 the company delivered 58,400 vehicles and sold 300 of its stores.", "en"), "Deliveries") == \
        {("xiaomi", 58400.0)}


def test_a_declared_dividend_or_buyback_is_a_fact_not_a_forecast():
    got = _metrics("In March 2024 the board said it will return up to $6 billion through share buybacks.", "en")
    assert ("xiaomi", "ShareBuyback", 6e9, "UpperBound", "2024-03", None) in got
    got = _metrics("2025年3月，公司宣布将再回购最多30亿港元股票。", "zh")
    assert _of(got, "ShareBuyback") == {("xiaomi", 3e9)}
    # a target the company sets itself stays a goal; the old amount of a raised dividend is no dividend
    assert not _of(_metrics("2018年，公司计划回购至少30亿港元股票。", "zh"), "ShareBuyback")
    assert not _of(_metrics("2018年2月，公司宣布将季度股息由每股0.05美元提高至每股0.12美元。", "zh"), "Dividend") - {("xiaomi", 0.12)}
    # a forecast of another metric is still no result
    assert not _of(_metrics("In 2018 the company expects revenue of $5 billion.", "en"), "Revenue")


def test_a_place_followed_by_market_or_region_is_that_market():
    got = _metrics("In 2023, Europe region revenue rose 11% to 59.3 billion yuan.", "en")
    assert {(f[0], f[2], f[5]) for f in got if f[1] == "Revenue"} == {("xiaomi", 5.93e10, "europe")}
    got = _metrics("2023年，美洲大区营收为59.3亿元。", "zh")
    assert {(f[0], f[2], f[5]) for f in got if f[1] == "Revenue"} == {("xiaomi", 5.93e9, "americas")}


def test_a_rise_told_in_multiples_is_a_percentage():
    # 增长1.4倍 is a rise of 140% (the gold convention); 一倍多 more than 100%
    got = _metrics("2024年，公司营收为85亿元，同比增长约1.6倍。", "zh")
    assert ("xiaomi", "RevenueGrowthYoY", 160.0, "Approximate", "2024", None) in got
    got = _metrics("2023年，公司营收约为12亿美元，比2022年增长了一倍多。", "zh")
    assert ("xiaomi", "RevenueGrowthYoY", 100.0, "LowerBound", "2023", None) in got
    # a multiple that is no rise (是去年的2倍) is no figure
    assert not {f for f in _metrics("2024年，公司营收是去年的2倍。", "zh") if f[1] == "RevenueGrowthYoY"}


def test_multiples_as_quantities():
    from kg.numbers import find_quantities
    got = {(q.value, q.unit, q.bound) for q in find_quantities("交付量同比分别增长约2.4倍和2.9倍", "zh")}
    assert {(240, "Percent", "Approximate"), (290, "Percent", "Approximate")} <= {(float(v), u, b) for v, u, b in got}
    assert not [q for q in find_quantities("营收是去年的3倍", "zh") if q.unit == "Percent"]


def test_rates_listed_respectively_go_to_their_figures_in_order():
    got = _metrics("2025年3月交付31,200辆，4月交付33,900辆，同比分别增长约1.8倍和2.1倍。", "zh")
    assert {(f[2], f[3], f[4]) for f in got if f[1] == "SalesGrowthYoY"} == {(180.0, "Approximate", "2025-03"),
                                                                           (210.0, "Approximate", "2025-04")}
    got = _metrics("In 2024, revenue was $7.3 billion and net profit was $1.6 billion, up 14% and 41% year on year, respectively.", "en")
    assert {(f[1], f[2]) for f in got if "Growth" in f[1]} == {("RevenueGrowthYoY", 14.0), ("NetProfitGrowthYoY", 41.0)}


def test_active_buyers_and_consumers_are_users():
    got = _metrics("Annual active buyers rose 8% to 640 million in 2024.", "en")
    assert _of(got, "Users") == {("xiaomi", 6.4e8)}
    got = _metrics("2024年第四季度，月活跃平台消费者达到1.2亿。", "zh")
    assert _of(got, "Users") == {("xiaomi", 1.2e8)}


def test_the_last_of_a_list_of_additions_is_no_level():
    got = _metrics("In 2024 the operator added 410,000 postpaid phone subscribers in the fourth quarter, its best quarter "
                   "in years, and 290,000 broadband customers.", "en")
    assert not _of(got, "Subscribers")
    # a level told after the additions is the figure
    got = _metrics("In 2024 the operator added 410,000 subscribers in the quarter, and 290,000 broadband customers, "
                   "bringing the total to 31 million.", "en")
    assert _of(got, "Subscribers") <= {("xiaomi", 3.1e7)}
