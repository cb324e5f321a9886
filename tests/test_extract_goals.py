"""Guidance as goals: a forecast the company states plainly for a quarter or a year is asserted; a range,
a ceiling, a second figure of a list, someone else's expectation or a figure that did not happen stays a
candidate (kg/extract/quantities.py ``_plain_guidance``)."""
from kg import extract

from helpers import run

THRESHOLD = extract.load_patterns().candidate_threshold


def _goals(text: str, lang: str) -> dict[tuple, bool]:
    """(metric, value, unit, bound, deadline) -> asserted?"""
    out = {}
    for f in run(text, lang, currency="CNY" if lang == "zh" else "USD").facts:
        if f.kind == "goal" and f.attr("value") is not None:
            d = f.attr("deadline")
            key = (f.attr("metric"), float(f.attr("value")), f.attr("unit"), f.attr("bound"), d.key if d else None)
            out[key] = max(e.confidence for e in f.evidence) >= THRESHOLD
    return out


def test_plain_guidance_for_a_quarter_is_asserted_zh():
    got = _goals("公司预计2019年第三季度营收约为520亿元，同比增长15%。", "zh")
    assert got == {("Revenue", 52e9, "CNY", "Approximate", "2019-Q3"): True}


def test_plain_guidance_of_a_count_is_asserted_zh():
    got = _goals("公司预计2019年手机出货量将达到1.5亿台。", "zh")
    assert got == {("Shipments", 1.5e8, "Count", "Exact", "2019"): True}


def test_plain_guidance_is_asserted_en():
    got = _goals("For the third quarter of 2019, the company expects revenue of about $7.5 billion.", "en")
    assert got == {("Revenue", 7.5e9, "USD", "Approximate", "2019-Q3"): True}


def test_only_the_first_figure_of_a_forecast_list_is_asserted():
    got = _goals("For fiscal 2019 we forecast net sales of 3,900 billion yen, and operating profit of 350 billion yen.", "en")
    assert got[("Revenue", 3.9e12, "JPY", "Exact", "2019")] is True
    assert got[("OperatingProfit", 3.5e11, "JPY", "Exact", "2019")] is False
    got = _goals("公司预计2019年营收约为1800亿元，净利润约为100亿元。", "zh")
    assert got[("Revenue", 1.8e11, "CNY", "Approximate", "2019")] is True
    assert got[("NetProfit", 1e10, "CNY", "Approximate", "2019")] is False


def test_a_range_stays_a_candidate():
    assert not any(_goals("公司预计2019年全年营收在1700亿元至1800亿元之间。", "zh").values())
    assert not any(_goals("The company expects 2019 revenue between $7.5 billion and $8 billion.", "en").values())


def test_figures_told_respectively_stay_candidates():
    assert not any(_goals("公司预计2019年毛利率分别为40%和42%。", "zh").values())


def test_expectations_of_others_and_figures_that_did_not_happen_stay_candidates():
    assert not any(_goals("公司营收超预期，预计2019年营收约为1800亿元。", "zh").values())
    assert not any(_goals("Analysts expected 2019 revenue of $7.5 billion.", "en").values())
    assert not any(_goals("Without the charge, operating profit in 2017 would have been well over $2 billion.", "en").values())


def test_a_bare_number_in_a_goal_of_users_is_a_count():
    x = run("我们的目标是，到2020年底，让小米手机服务覆盖超过2亿用户。", "zh")
    goals = [f for f in x.facts if f.kind == "goal" and f.attr("value") is not None]
    assert [(float(f.attr("value")), f.attr("unit")) for f in goals] == [(2e8, "Count")]


def _share_goals(text: str, lang: str) -> set[tuple]:
    out = set()
    for f in run(text, lang).facts:
        if f.kind == "goal" and f.attr("unit") == "Percent":
            d = f.attr("deadline")
            out.add((float(f.attr("value")), f.attr("bound"), f.attr("scope") or "", d.key if d else None))
    return out


def test_a_share_aimed_at_is_a_goal_zh():
    assert _share_goals("公司打算到2028年将境外销售收入占比提高到45%以上。", "zh") == {(45.0, "LowerBound", "", "by-2028")}
    assert _share_goals("我们希望在2026年以前把服务收入的比重提升到三成。", "zh") == {(30.0, "Exact", "", "by-2026")}


def test_a_share_aimed_at_is_a_goal_en():
    got = _share_goals("The operator plans to have 80 percent of its network traffic on cloud platforms by the end of 2027.", "en")
    assert got == {(80.0, "Exact", "", "by-2027")}
    got = _share_goals("The group targets overseas sales to account for more than 35% of revenue by 2029.", "en")
    assert got == {(35.0, "LowerBound", "", "by-2029")}


def test_a_stake_or_a_growth_beside_a_plan_is_no_share_goal():
    assert _share_goals("公司计划投资50亿元，持股比例为30%。", "zh") == set()
    assert _share_goals("公司计划2025年营收增长20%。", "zh") == set()
    assert _share_goals("The company plans to raise its stake to 30% by 2025.", "en") == set()
