"""Financial figures named by words other writers use: net revenue (净营收) after a time, operating profit
named by what it comes from ("income from operations"), and a percentage told as the change of a figure
that has no growth metric of its own ("operating profit rose 18.2% to ..."), which is no sign of a garble.
Sentences written for these tests."""
from __future__ import annotations

from helpers import asserted_quantities, run


def _metrics(text: str, lang: str, **kw) -> set[tuple]:
    return asserted_quantities(text, lang, ("value", "period"), **kw)


def test_net_revenue_after_a_time_is_the_company_revenue():
    got = _metrics("第二季度净营收为41.5亿美元，同比下降9.1%，环比增长3.2%。", "zh")
    assert ("xiaomi", "Revenue", 4.15e9, "2017-Q2") in got
    assert ("xiaomi", "RevenueGrowthYoY", -9.1, "2017-Q2") in got
    assert ("xiaomi", "RevenueGrowthQoQ", 3.2, "2017-Q2") in got
    assert ("xiaomi", "Revenue", 1.62e10, "2017") in _metrics("全年净营收为162亿美元。", "zh")
    # a part of the business whose name holds the word stays the part's
    x = run("其中，净水设备业务收入为12亿元。", "zh")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    assert {names.get(f.subject, f.subject) for f in x.facts if f.predicate == "Revenue"} == {"净水设备业务"}


def test_income_from_operations_is_operating_profit():
    got = _metrics("In 2016 the group earned an income from operations of $2.3 billion on revenue of $41.8 billion.", "en")
    assert ("xiaomi", "OperatingProfit", 2.3e9, "2016") in got
    assert ("xiaomi", "Revenue", 4.18e10, "2016") in got
    got = _metrics("The company posted a loss from operations of $310 million in 2016.", "en")
    assert ("xiaomi", "OperatingProfit", -3.1e8, "2016") in got


def _confidences(tmp_path, text: str, metric: str) -> list[float]:
    from kg import pipeline

    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    build = pipeline.build([tmp_path])
    return [max(e.confidence for e in f.evidence) for f in build.resolved.facts if f.predicate == metric]


def test_the_change_of_a_figure_told_with_it_is_no_sign_of_noise(tmp_path):
    text = ("Kyoto Tools reported results for fiscal 2023.\n\n"
            "Xiaomi said operating profit rose 11.4% to 212.5 billion yen in fiscal 2023.\n")
    assert _confidences(tmp_path, text, "OperatingProfit") == [0.9]
    zh = "小米公布2023年业绩。\n\n2023年，小米毛利同比增长15.7%至170亿元。\n"
    assert _confidences(tmp_path, zh, "GrossProfit") == [0.9]
    # a percentage not linked to the figure is still a number the extraction did not read
    other = ("Kyoto Tools reported results for fiscal 2023.\n\n"
             "Xiaomi said operating profit was 212.5 billion yen in fiscal 2023 as 11.4% of staff left.\n")
    assert _confidences(tmp_path, other, "OperatingProfit") == [0.72]


def test_net_profit_less_one_off_items_is_the_adjusted_figure():
    got = _metrics("2016年，公司实现归属于上市公司股东的净利润12.4亿元；扣除非经常性损益后的净利润10.9亿元。", "zh")
    assert ("xiaomi", "NetProfit", 1.24e9, "2016") in got
    assert ("xiaomi", "AdjustedNetProfit", 1.09e9, "2016") in got
    assert not [f for f in got if f[1] == "NetProfit" and f[2] == 1.09e9]
    got = _metrics("2016年公司扣非净利润为3.2亿元。", "zh")
    assert {(m, v) for _, m, v, _ in got} == {("AdjustedNetProfit", 3.2e8)}


def _subjects(text: str, metric: str) -> set:
    x = run(text, "en")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    return {(names.get(f.subject, f.subject), float(f.attr("value"))) for f in x.facts if f.predicate == metric}


def test_a_unit_named_as_the_subject_of_the_clause_has_the_figure():
    assert _subjects("In 2016, the cloud division brought in $7.5 billion in revenue.", "Revenue") == {("cloud division", 7.5e9)}
    assert _subjects("The Consumer group generated $27.4 billion of revenue in 2016.", "Revenue") == {("Consumer group", 2.74e10)}
    assert _subjects("In the fourth quarter of 2016, revenue from the Gaming segment was $2.9 billion.", "Revenue") == {
        ("Gaming segment", 2.9e9)}
    # the company, or the whole business, keeps its figure
    assert _subjects("In 2016, the company brought in $7.5 billion in revenue.", "Revenue") == {("xiaomi", 7.5e9)}
    assert _subjects("In 2016, revenue of the group was $5 billion.", "Revenue") == {("xiaomi", 5e9)}


def test_a_quarter_of_the_companys_own_fiscal_year():
    got = _metrics("In the first quarter of our 2017 fiscal year, revenue rose 7% to $13.3 billion.", "en")
    assert ("xiaomi", "Revenue", 1.33e10, "2017-Q1") in got
    got = _metrics("In the third quarter of its fiscal 2016, revenue was $4.1 billion.", "en")
    assert ("xiaomi", "Revenue", 4.1e9, "2016-Q3") in got
    # "our" elsewhere still names the company
    assert ("xiaomi", "Revenue", 5e9, "2016") in _metrics("In 2016 our revenue was $5 billion.", "en")


def test_a_bound_word_bounds_only_the_figure_it_stands_before():
    x = _bounds("In 2016, revenue grew 16% year over year to $39 billion.")
    assert x == {("Revenue", "Exact"), ("RevenueGrowthYoY", "Exact")}
    x = _bounds("In 2016, revenue rose more than 10% to $5 billion.")
    assert x == {("Revenue", "Exact"), ("RevenueGrowthYoY", "LowerBound")}
    assert _bounds("In 2016, revenue rose to over $5 billion.") == {("Revenue", "LowerBound")}


def _bounds(text: str) -> set:
    return {(m, b) for _, m, _, b in asserted_quantities(text, "en", ("value", "bound"))}


def test_translated_net_income_attributable_to_the_company_is_net_profit():
    got = _metrics("在2016年，净收入被归属于公司的是21.3亿美元，上升12%年比年。", "zh")
    assert ("xiaomi", "NetProfit", 2.13e9, "2016") in got
    assert ("xiaomi", "NetProfitGrowthYoY", 12.0, "2016") in got
    assert not [f for f in got if f[1] == "Revenue"]
    # net income alone, which a translation also writes for net revenue, is not taken as the company's revenue
    # after a time (as net revenue, 净营收, is)
    assert not _metrics("第四季度净收入为33.2亿美元。", "zh")


def test_the_figure_reached_after_a_milestone():
    got = _metrics("2016年，公司全年营收首次突破千亿元大关，达到1200亿元。", "zh")
    assert {(m, v) for _, m, v, _ in got} == {("Revenue", 1.2e11)}
    got = _metrics("In 2016, revenue topped $100 billion for the first time, reaching $112 billion.", "en")
    assert {(m, v) for _, m, v, _ in got} == {("Revenue", 1.12e11)}
    # a milestone alone is still no figure
    assert not _metrics("2016年，公司营收首次突破1000亿元。", "zh")


def test_how_a_figure_is_counted_names_no_part_in_chinese():
    for text in ["2016年，该云业务的年化营收规模已超过110亿美元。",
                 "2016年第一季度，公司年度经常性收入（ARR）为31亿美元，同比增长22%。",
                 "2016年，公司递延收入为5亿元。"]:
        x = run(text, "zh")
        assert not [f for f in x.facts if f.predicate.startswith("Revenue")], text
    # a part of the business named so keeps its figure
    x = run("2016年，云业务收入为31亿美元。", "zh")
    assert [f.attr("value") for f in x.facts if f.predicate == "Revenue"] == [3_100_000_000]


def test_the_company_a_relative_clause_names_has_the_figure():
    x = run("That is more than the $81.5 billion in revenue that Tesla reported for 2016.", "en", organisation="byd")
    got = {(f.subject, f.predicate, float(f.attr("value")), f.attr("bound")) for f in x.facts if f.kind == "quantity"}
    assert got == {("tesla", "Revenue", 8.15e10, "Exact")}
    # the mark a figure passes is still a bound
    assert _bounds("In 2016, revenue exceeded the $5 billion mark.") == {("Revenue", "LowerBound")}


def test_colleagues_counted_by_a_speaker_are_the_staff():
    x = run("我们在全球一共有大约2.3万名同事。", "zh")
    assert [(f.predicate, f.attr("value")) for f in x.facts if f.kind == "quantity"] == [("Employees", 23000)]
    x = run("我和3名同事一起去了工厂。", "zh")
    assert not [f for f in x.facts if f.predicate == "Employees"]


def test_a_unit_named_as_the_doer_of_a_revenue_verb():
    text = "By segment, the energy generation and storage segment brought in $1.44 billion in the fourth quarter of 2016."
    assert _subjects(text, "Revenue") == {("energy generation and storage segment", 1.44e9)}
    x = run(text, "en")
    unit = next(e for e in x.entities if e.labels[0][1] == "energy generation and storage segment")
    assert ("en", "energy generation and storage") in unit.aliases  # the name without the word for a unit too
    # a doer that is no unit and no market stays unsure: no figure
    assert not _subjects("By segment, the company brought in $1.44 billion in the fourth quarter of 2016.", "Revenue")
