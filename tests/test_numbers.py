"""Tests for kg.numbers: quantities, periods, parse_number and period_bounds."""
from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.numbers import find_periods, find_quantities, parse_number, period_bounds
from kg.types import PeriodRef

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
DOC_DATE = datetime.date(2018, 2, 7)

# Sentences copied verbatim from the corpus (test_corpus_sentences_are_verbatim checks it).
ZH_REVENUE = "2017年10月，我们提前实现了年初提出的营收过千亿目标。"
ZH_SEVEN_YEARS = "跨过千亿门槛，小米仅仅用了7年时间。"
ZH_GIANTS = ("我查了一下，营收过千亿，国际科技巨头中，苹果用了20年，Facebook用了12年，Google用了9年，"
             "国内科技公司，阿里用了17年，腾讯用了17年，华为用了21年。")
ZH_Q2 = "从2017年Q2开始，我们的出货量开始了显著提升，市场份额重返了世界前五，连续创造单季出货新高。"
ZH_Q4 = "IDC报告显示，去年Q4我们已经上升到世界第四。"
ZH_MARKET = "在市场整体下滑6.3%的情况下，我们的销量逆势同比增长96.9%，是唯一还在增长的品牌。"
ZH_CHIP = ("去年初，小米发布了首款自主研发的手机芯片澎湃S1并成功量产商用，由此成为全球仅有的四家同时具备"
           "手机芯片和手机整机自主设计、制造能力的企业之一。")
ZH_MIX = ("去年3季度，我们发布了全面屏2.0的小米MIX 2，引领全球业界集体跟进“全面屏”技术，"
          "这是中国消费电子行业第一次掌握全球技术演进方向的主导权。")
ZH_PATENTS = "目前，我们在全球累计专利申请总量已达24000多件，授权总量已达5920件，其中有约一半是全球专利。"
ZH_QUALITY = "2017年初，公司专门成了质量管理委员会，我亲自出任主席，把产品和服务品质当作全公司最重要的任务，不惜一切代价强化产品质量。"
ZH_COUNTRIES = "目前，我们已经进入70多个国家和地区，在16个国家销量进入了前5位。"
ZH_INDIA = "其中，印度市场尤为突出，根据多家调研机构数据，从去年第三季度起，我们在印度市场就稳居市场份额第一。"
ZH_HEADING = "3、国际化迅猛发展，印度连续两个季度第一，全球十六个国家进入前五"
ZH_STAFF = "这是小米18000多名员工齐心协力、共同奋斗的胜利，是千万米粉不离不弃、始终支持的胜利，归根结底是小米模式和价值观的胜利 。"
ZH_TRIPS = "2017年，我去了三趟印度、两趟印尼和一趟越南，所到之处看到的都是巨大的市场机会。"
ZH_DECLINE = "2018年，中国手机市场规模将出现十多年来首次下降的趋势，同时品牌集中度也将进一步加剧，行业竞争将会更加惨烈。"
ZH_2019 = "与此同时，在国内市场我们要全面展开反击，积小胜成大胜，全力备战2019年本土决胜。"
ZH_GOAL = "所以，今年我们要设定一个新目标：10个季度内，国内市场重回第一！"
ZH_SECTION = "一、跨越千亿营收的门槛"

EN_REVENUE = ("On February 7, at the 2018 meeting of Xiaomi Company, Lei Jun, chairman of Xiaomi, made a speech in "
              "Xiaomi's report card made in 2017: millet revenue exceeded 100 billion yuan, handset sales reversed "
              "dramatically and globalization progressed by leaps and bounds.")
EN_BY = ("In his speech, Lei Jun said that by October 2017, millet ahead of schedule to achieve the goal of over "
         "100 billion revenue.")
EN_THRESHOLD = ("Lei Jun proudly said that across the threshold of one billion, millet only spent seven years, and the "
                "international technology giant, Apple spent hundreds of billions spent 20 years, Facebook spent 12 "
                "years, Google spent 9 years, domestic technology Company, Ali spent 17 years, Tencent spent 17 years, "
                "Huawei spent 21 years.")
EN_Q2 = ("Lei Jun said in his speech, from the second quarter of 2017, millet mobile phone shipments began a "
         "significant increase in market share returned to the top five in the world, creating a single quarter "
         "of consecutive shipments.")
EN_Q4 = "IDC report shows that the fourth quarter of last year, millet Mobile phones have risen to the fourth in the world."
EN_MARKET = ("In the overall market decline of 6.3%, Xiaomi mobile phone sales contrarian rose 96.9%, 'is the only "
             "product that is still growing'.")
EN_PATENTS = ("At present, millet cumulative patent applications in the world has reached more than 24,000, the total "
              "authorized amount has reached 5920 About half of them are global patents.")
EN_COUNTRIES = ("Up to now, millet has entered more than 70 countries and regions and has entered the top 5 sales "
                "in 16 countries, of which the Indian market is particularly prominent.")
EN_INDIA = ("According to several surveys Institutional data, from the third quarter of last year, millet in the "
            "Indian market has become the first market share.")
EN_TOP500 = "Not only that, we have a great opportunity this year to enter the world top 500 ranks."
EN_GOAL = "Lei Jun Millet team set a grand goal: 10 quarters, the domestic market back to first place."
EN_2018 = ("Lei Jun said that while continuing to focus on technology innovation and quality improvement, millet will "
           "continue to vigorously explore overseas markets in 2018.")
EN_PREVIOUS = "Based on the previous seven years of establishment, Millet will effectively convert"

ZH_CORPUS = [ZH_REVENUE, ZH_SEVEN_YEARS, ZH_GIANTS, ZH_Q2, ZH_Q4, ZH_MARKET, ZH_CHIP, ZH_MIX, ZH_PATENTS,
             ZH_QUALITY, ZH_COUNTRIES, ZH_INDIA, ZH_HEADING, ZH_STAFF, ZH_TRIPS, ZH_DECLINE, ZH_2019, ZH_GOAL,
             ZH_SECTION]
EN_CORPUS = [EN_REVENUE, EN_BY, EN_THRESHOLD, EN_Q2, EN_Q4, EN_MARKET, EN_PATENTS, EN_COUNTRIES, EN_INDIA,
             EN_TOP500, EN_GOAL, EN_2018, EN_PREVIOUS]


def _corpus_text(lang: str) -> str:
    name = "000_310b85b793bbe89a.txt" if lang == "zh" else "002_045e4e08a119e8e8.txt"
    return (CORPUS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang,sentences", [("zh", ZH_CORPUS), ("en", EN_CORPUS)])
def test_corpus_sentences_are_verbatim(lang, sentences):
    text = _corpus_text(lang)
    for sentence in sentences:
        assert sentence in text, sentence


def _the(found, span_text):
    hits = [x for x in found if x.text == span_text]
    assert hits, f"{span_text!r} not found; got {[x.text for x in found]}"
    return hits[0]


# (sentence, matched text, value, unit, bound)
ZH_QUANTITIES = [
    (ZH_PATENTS, "24000多件", "24000", "Count", "LowerBound"),
    (ZH_PATENTS, "5920件", "5920", "Count", "Exact"),
    (ZH_PATENTS, "约一半", "50", "Percent", "Approximate"),
    (ZH_COUNTRIES, "70多个", "70", "Count", "LowerBound"),
    (ZH_COUNTRIES, "16个", "16", "Count", "Exact"),
    (ZH_MARKET, "6.3%", "6.3", "Percent", "Exact"),
    (ZH_MARKET, "96.9%", "96.9", "Percent", "Exact"),
    (ZH_STAFF, "18000多名", "18000", "Count", "LowerBound"),
    (ZH_REVENUE, "过千亿", "100000000000", "CNY", "LowerBound"),
    (ZH_SEVEN_YEARS, "跨过千亿", "100000000000", "CNY", "LowerBound"),
    (ZH_SECTION, "跨越千亿", "100000000000", "CNY", "LowerBound"),
    (ZH_SEVEN_YEARS, "7年", "7", "Years", "Exact"),
    (ZH_GIANTS, "20年", "20", "Years", "Exact"),
    (ZH_GIANTS, "12年", "12", "Years", "Exact"),
    (ZH_GIANTS, "9年", "9", "Years", "Exact"),
    (ZH_GIANTS, "17年", "17", "Years", "Exact"),
    (ZH_GIANTS, "21年", "21", "Years", "Exact"),
    (ZH_TRIPS, "三趟", "3", "Count", "Exact"),
    (ZH_TRIPS, "两趟", "2", "Count", "Exact"),
    (ZH_TRIPS, "一趟", "1", "Count", "Exact"),
    (ZH_GOAL, "10个季度内", "10", "Quarters", "UpperBound"),
    (ZH_HEADING, "十六个", "16", "Count", "Exact"),
    (ZH_HEADING, "两个季度", "2", "Quarters", "Exact"),
    (ZH_DECLINE, "十多年", "10", "Years", "LowerBound"),
    (ZH_CHIP, "四家", "4", "Count", "Exact"),
    ("营收达到1.2亿元", "1.2亿元", "120000000", "CNY", "Exact"),
    ("全年出货1.2亿台", "1.2亿台", "120000000", "Count", "Exact"),
    ("投资100亿美元", "100亿美元", "10000000000", "USD", "Exact"),
    ("营业收入超过100亿", "超过100亿", "10000000000", "CNY", "LowerBound"),
    ("门店逾千家", "逾千家", "1000", "Count", "LowerBound"),
    ("员工近300人", "近300人", "300", "Count", "Approximate"),
    ("大约5000台", "大约5000台", "5000", "Count", "Approximate"),
    ("100人左右", "100人左右", "100", "Count", "Approximate"),
    ("份额不到10%", "不到10%", "10", "Percent", "UpperBound"),
    ("3年以内完成", "3年以内", "3", "Years", "UpperBound"),
    ("50人以上", "50人以上", "50", "Count", "LowerBound"),
    ("增长百分之三十", "百分之三十", "30", "Percent", "Exact"),
    ("份额超过三成", "超过三成", "30", "Percent", "LowerBound"),
    ("获得5款大奖", "5款", "5", "Count", "Exact"),
    ("进入16个国家", "16个", "16", "Count", "Exact"),
    ("上万人参加", "上万人", "10000", "Count", "LowerBound"),
    ("十多万人", "十多万人", "100000", "Count", "LowerBound"),
    ("人民币100亿元", "人民币100亿元", "10000000000", "CNY", "Exact"),
    ("２４０００件", "２４０００件", "24000", "Count", "Exact"),  # full-width digits keep their offsets
    ("毛利率为22.6%，环比上升2.1个百分点", "2.1个百分点", "2.1", "PercentagePoints", "Exact"),  # a change of a rate
]


@pytest.mark.parametrize("sentence,span_text,value,unit,bound", ZH_QUANTITIES,
                         ids=[f"zh-{c[1]}" for c in ZH_QUANTITIES])
def test_zh_quantity(sentence, span_text, value, unit, bound):
    q = _the(find_quantities(sentence, "zh"), span_text)
    assert (q.value, q.unit, q.bound) == (Decimal(value), unit, bound)
    assert sentence[q.start:q.end] == q.text


EN_QUANTITIES = [
    (EN_REVENUE, "exceeded 100 billion yuan", "100000000000", "CNY", "LowerBound"),
    (EN_BY, "over 100 billion", "100000000000", "CNY", "LowerBound"),
    (EN_THRESHOLD, "one billion", "1000000000", "CNY", "Exact"),
    (EN_THRESHOLD, "seven years", "7", "Years", "Exact"),
    (EN_THRESHOLD, "hundreds of billions", "100000000000", "", "LowerBound"),
    (EN_THRESHOLD, "20 years", "20", "Years", "Exact"),
    (EN_THRESHOLD, "21 years", "21", "Years", "Exact"),
    (EN_PATENTS, "more than 24,000", "24000", "", "LowerBound"),
    (EN_PATENTS, "5920", "5920", "", "Exact"),
    (EN_PATENTS, "About half", "50", "Percent", "Approximate"),
    (EN_COUNTRIES, "more than 70 countries", "70", "Count", "LowerBound"),
    (EN_COUNTRIES, "16 countries", "16", "Count", "Exact"),
    (EN_MARKET, "6.3%", "6.3", "Percent", "Exact"),
    (EN_MARKET, "96.9%", "96.9", "Percent", "Exact"),
    (EN_GOAL, "10 quarters", "10", "Quarters", "Exact"),
    (EN_PREVIOUS, "seven years", "7", "Years", "Exact"),
    ("sales rose 96.9 percent", "96.9 percent", "96.9", "Percent", "Exact"),
    ("raised $1.5 billion", "$1.5 billion", "1500000000", "USD", "Exact"),
    ("raised US$1.5 billion", "US$1.5 billion", "1500000000", "USD", "Exact"),
    ("RMB 100 billion", "RMB 100 billion", "100000000000", "CNY", "Exact"),
    ("he visited India three times", "three times", "3", "Count", "Exact"),
    ("about half of them", "about half", "50", "Percent", "Approximate"),
    ("nearly 300 stores", "nearly 300 stores", "300", "Count", "Approximate"),
    ("less than 10%", "less than 10%", "10", "Percent", "UpperBound"),
    ("twenty-one countries", "twenty-one countries", "21", "Count", "Exact"),
    ("a 20-year history", "20-year", "20", "Years", "Exact"),
    ("2,000 employees", "2,000 employees", "2000", "Count", "Exact"),
    ("gross margin rose 1.2 percentage points to 46.6 percent", "1.2 percentage points", "1.2", "PercentagePoints", "Exact"),
    ("sales first time surpass 50 ten thousand vehicle", "surpass 50 ten thousand", "500000", "", "LowerBound"),  # MT of 突破
    ("Total revenues were RMB31.1 billion.", "RMB31.1 billion", "31100000000", "CNY", "Exact"),  # a code glued to the number
]


@pytest.mark.parametrize("sentence,span_text,value,unit,bound", EN_QUANTITIES,
                         ids=[f"en-{c[1]}" for c in EN_QUANTITIES])
def test_en_quantity(sentence, span_text, value, unit, bound):
    q = _the(find_quantities(sentence, "en"), span_text)
    assert (q.value, q.unit, q.bound) == (Decimal(value), unit, bound)
    assert sentence[q.start:q.end] == q.text


def test_zh_patent_sentence_has_exactly_its_three_quantities():
    found = find_quantities(ZH_PATENTS, "zh")
    assert [(q.text, q.value, q.unit, q.bound) for q in found] == [
        ("24000多件", Decimal(24000), "Count", "LowerBound"),
        ("5920件", Decimal(5920), "Count", "Exact"),
        ("约一半", Decimal(50), "Percent", "Approximate"),
    ]


def test_en_patent_sentence_has_exactly_its_three_quantities():
    found = find_quantities(EN_PATENTS, "en")
    assert [q.text for q in found] == ["more than 24,000", "5920", "About half"]


def test_zh_giants_sentence_durations():
    found = find_quantities(ZH_GIANTS, "zh")
    assert [q.text for q in found] == ["过千亿", "20年", "12年", "9年", "17年", "17年", "21年"]


# Text that must not lie inside any quantity: years, dates, ordinals, ranks, model names.
NOT_QUANTITIES = [
    (ZH_REVENUE, "zh", "2017"),
    (ZH_REVENUE, "zh", "10月"),
    (ZH_Q2, "zh", "2017"),
    (ZH_Q2, "zh", "Q2"),
    (ZH_Q2, "zh", "前五"),
    (ZH_Q4, "zh", "Q4"),
    (ZH_Q4, "zh", "第四"),
    (ZH_COUNTRIES, "zh", "前5位"),
    (ZH_MIX, "zh", "3季度"),
    (ZH_MIX, "zh", "MIX 2"),
    (ZH_CHIP, "zh", "S1"),
    (ZH_2019, "zh", "2019年"),
    ("进入世界500强", "zh", "500"),
    ("这是一次性的投入", "zh", "一次"),
    (EN_REVENUE, "en", "February 7"),
    (EN_REVENUE, "en", "2018"),
    (EN_BY, "en", "2017"),
    (EN_COUNTRIES, "en", "top 5"),
    (EN_TOP500, "en", "500"),
    (EN_Q4, "en", "fourth"),
    ("ranked No. 1 in India", "en", "1"),
    ("the 4th largest", "en", "4th"),
    ("Q3 2017 results", "en", "Q3"),
]


@pytest.mark.parametrize("sentence,lang,fragment", NOT_QUANTITIES, ids=[f"{c[1]}-not-{c[2]}" for c in NOT_QUANTITIES])
def test_not_a_quantity(sentence, lang, fragment):
    at = sentence.index(fragment)
    for q in find_quantities(sentence, lang):
        assert q.end <= at or q.start >= at + len(fragment), f"{q.text!r} covers {fragment!r}"


# (sentence, matched text, period key)
ZH_PERIODS = [
    (ZH_REVENUE, "2017年10月", "2017-10"),
    (ZH_REVENUE, "年初", "2017-early"),  # the year stated earlier in the sentence
    (ZH_QUALITY, "2017年初", "2017-early"),
    (ZH_CHIP, "去年初", "2017-early"),
    (ZH_Q4, "去年Q4", "2017-Q4"),
    (ZH_MIX, "去年3季度", "2017-Q3"),
    (ZH_INDIA, "从去年第三季度起", "since-2017-Q3"),
    (ZH_Q2, "从2017年Q2开始", "since-2017-Q2"),
    (ZH_TRIPS, "2017年", "2017"),
    (ZH_2019, "2019年", "2019"),
    (ZH_GOAL, "今年", "2018"),
    ("2018年2月7日，小米年会", "2018年2月7日", "2018-02-07"),
    ("2017年第二季度", "2017年第二季度", "2017-Q2"),
    ("2017年二季度", "2017年二季度", "2017-Q2"),
    ("明年上市", "明年", "2019"),
    ("去年第四季度", "去年第四季度", "2017-Q4"),
    ("今年年底", "今年年底", "2018-late"),
    ("去年年末", "去年年末", "2017-late"),
    ("自2017年以来", "自2017年以来", "since-2017"),
    ("到2020年", "到2020年", "by-2020"),
    ("二〇一七年", "二〇一七年", "2017"),
    ("今年内完成", "今年内", "within-2018"),
]


@pytest.mark.parametrize("sentence,span_text,key", ZH_PERIODS, ids=[f"zh-{c[1]}" for c in ZH_PERIODS])
def test_zh_period(sentence, span_text, key):
    p = _the(find_periods(sentence, "zh", DOC_DATE), span_text)
    assert p.key == key
    assert sentence[p.start:p.end] == p.text


EN_PERIODS = [
    (EN_REVENUE, "February 7", "2018-02-07"),
    (EN_REVENUE, "2018", "2018"),
    (EN_REVENUE, "2017", "2017"),
    (EN_BY, "by October 2017", "by-2017-10"),
    (EN_Q4, "the fourth quarter of last year", "2017-Q4"),
    (EN_INDIA, "from the third quarter of last year", "since-2017-Q3"),
    (EN_Q2, "from the second quarter of 2017", "since-2017-Q2"),
    (EN_TOP500, "this year", "2018"),
    (EN_2018, "2018", "2018"),
    ("in October 2017", "October 2017", "2017-10"),
    ("results for Q3 2017", "Q3 2017", "2017-Q3"),
    ("the second quarter of 2017", "the second quarter of 2017", "2017-Q2"),
    ("sales fell last year", "last year", "2017"),
    ("launched in early 2017", "in early 2017", "2017-early"),
    ("by the end of 2018", "by the end of 2018", "by-2018"),
    ("at the end of 2018", "at the end of 2018", "2018-late"),
    ("since 2015", "since 2015", "since-2015"),
    ("7 February 2018", "7 February 2018", "2018-02-07"),
    ("next year", "next year", "2019"),
    ("mid-2017", "mid-2017", "2017-mid"),
]


@pytest.mark.parametrize("sentence,span_text,key", EN_PERIODS, ids=[f"en-{c[1]}" for c in EN_PERIODS])
def test_en_period(sentence, span_text, key):
    p = _the(find_periods(sentence, "en", DOC_DATE), span_text)
    assert p.key == key
    assert sentence[p.start:p.end] == p.text


@pytest.mark.parametrize("sentence,year_text", [("今年前三季度营收增长12%", "今年"), ("2017年前三季度营收增长12%", "2017年")])
def test_first_three_quarters_is_the_year_to_date_not_the_third_quarter(sentence, year_text):
    # 前三季度 (January to September) is written at the year's precision, as the gold convention
    # drops parts of a year; it is not 三季度 (the third quarter)
    found = find_periods(sentence, "zh", DOC_DATE)
    assert not any(p.key.endswith("-Q3") for p in found), [p.key for p in found]
    (p,) = [p for p in found if p.text.startswith(year_text)]
    assert p.key in ("2017", "2018")


def test_duration_is_not_a_period():
    # "10个季度内" is a Quantity (10 Quarters, UpperBound); the only period is 今年
    assert [p.text for p in find_periods(ZH_GOAL, "zh", DOC_DATE)] == ["今年"]
    assert [p.text for p in find_periods(EN_GOAL, "en", DOC_DATE)] == []


@pytest.mark.parametrize("sentence,lang", [("去年Q4我们上升到世界第四", "zh"), ("the fourth quarter of last year", "en"),
                                           ("今年", "zh"), ("last year", "en")])
def test_relative_periods_need_a_document_date(sentence, lang):
    assert find_periods(sentence, lang, None) == []


def test_absolute_periods_without_document_date():
    assert [p.key for p in find_periods(ZH_REVENUE, "zh", None)] == ["2017-10", "2017-early"]


@pytest.mark.parametrize("period,bounds", [
    (PeriodRef(2017), ("2017-01-01", "2017-12-31")),
    (PeriodRef(2017, quarter=3), ("2017-07-01", "2017-09-30")),
    (PeriodRef(2017, month=2), ("2017-02-01", "2017-02-28")),
    (PeriodRef(2018, month=2, day=7), ("2018-02-07", "2018-02-07")),
    (PeriodRef(2017, qualifier="early"), ("2017-01-01", "2017-04-30")),
    (PeriodRef(2017, qualifier="late"), ("2017-09-01", "2017-12-31")),
    (PeriodRef(2017, quarter=4, qualifier="late"), ("2017-12-01", "2017-12-31")),
    (PeriodRef(2017, quarter=3, qualifier="since"), ("2017-07-01", None)),
    (PeriodRef(2017, month=10, qualifier="by"), (None, "2017-10-31")),
    (PeriodRef(2018, qualifier="within"), (None, "2018-12-31")),
    (PeriodRef(None), (None, None)),
])
def test_period_bounds(period, bounds):
    expected = tuple(datetime.date.fromisoformat(d) if d else None for d in bounds)
    assert period_bounds(period) == expected


def test_period_bounds_rejects_impossible_dates():
    with pytest.raises(ValueError):
        period_bounds(PeriodRef(2017, month=13))


@pytest.mark.parametrize("text,lang,value", [
    ("24,000", "en", "24000"), ("96.9", "en", "96.9"), ("1.5 billion", "en", "1500000000"),
    ("seven", "en", "7"), ("twenty-one", "en", "21"), ("one hundred and five", "en", "105"),
    ("one million two hundred thousand", "en", "1200000"), ("a billion", "en", "1000000000"),
    ("千亿", "zh", "100000000000"), ("一千亿", "zh", "100000000000"), ("1.2亿", "zh", "120000000"),
    ("十六", "zh", "16"), ("两", "zh", "2"), ("零点零五", "zh", "0.05"), ("负十二点五", "zh", "-12.5"),
    ("二〇一七", "zh", "2017"), ("２４０００", "zh", "24000"),
])
def test_parse_number(text, lang, value):
    assert parse_number(text, lang) == Decimal(value)


@pytest.mark.parametrize("text,lang", [("", "zh"), ("abc", "en"), ("NaN", "en"), ("Infinity", "en"), ("one two", "en"),
                                       ("2017年", "zh"), ("亿万", "zh"), ("1_000", "en"), ("多", "zh")])
def test_parse_number_rejects_non_numbers(text, lang):
    with pytest.raises(ValueError):
        parse_number(text, lang)


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="unsupported language"):
        find_quantities("24000", "fr")


# ---------------------------------------------------------------- properties

@settings(max_examples=300)
@given(st.integers(min_value=-10**15, max_value=10**15))
def test_integers_round_trip(n):
    for text, lang in ((str(n), "zh"), (f"{n:,}", "en"), (cn2an.an2cn(str(n)), "zh")):
        value = parse_number(text, lang)
        assert value == n
        assert parse_number(str(value), lang) == value


@settings(max_examples=300)
@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(d):
    plain = format(d, "f")
    for text, lang in ((plain, "en"), (plain, "zh"), (cn2an.an2cn(plain), "zh")):
        value = parse_number(text, lang)
        assert value == d
        assert parse_number(str(value), lang) == value


NUMBERISH = st.text(alphabet=list("0123456789,.%年月日季度第前去今明从起以来内多余约超过不到亿万千百十一二两三四五六"
                                  "七八九点半成个件家趟Qq $RMByuanbillion ofthequarterlastsinceby February-、。，\n"),
                    max_size=40)


@settings(max_examples=300)
@given(st.one_of(st.text(), NUMBERISH), st.sampled_from(["zh", "en"]), st.one_of(st.none(), st.dates()))
def test_finders_never_raise_and_return_clean_spans(text, lang, doc_date):
    for found in (find_quantities(text, lang), find_periods(text, lang, doc_date)):
        last_end = 0
        for item in found:
            assert last_end <= item.start < item.end <= len(text)
            assert item.text == text[item.start:item.end]
            last_end = item.end
    for p in find_periods(text, lang, doc_date):
        start, end = period_bounds(p)
        assert start is None or end is None or start <= end


def test_a_scale_word_with_no_number_is_no_amount():
    assert find_quantities("the billion-dollar deal", "en") == []


def test_usual_chinese_numerals_are_read_as_cn2an_reads_them():
    """kg reads a numeral spelt the usual way itself (cn2an's import costs more than a small
    build's numbers); on every such spelling it must agree with cn2an, and leave the others to it."""
    import random

    from kg import numbers as N

    rnd = random.Random(12)
    values = list(range(0, 12000)) + [rnd.randrange(10**12) for _ in range(3000)] + \
        [rnd.randrange(1, 10**4) * 10 ** rnd.randrange(9) for _ in range(2000)]
    for n in values:
        spelt = N.zh_spell(n)
        assert N._zh_canonical_value(spelt) == cn2an.cn2an(spelt, "smart") == n, spelt
        spoken = spelt.replace("二", "两")
        assert N._zh_canonical_value(spoken) in (None, cn2an.cn2an(spoken, "smart")), spoken
    for other in ("二〇一七", "一万五", "一百十", "零五", "一十六", "千", "十十"):
        assert N._zh_canonical_value(other) is None, other
    assert N._zh_numeral_value("一万五") == 15000 and N._zh_numeral_value("二〇一七") == 2017


@pytest.mark.parametrize("text, bound", [
    ("housed several hundred thousand workers", "LowerBound"),
    ("opened some 500 stores", "Approximate"),
    ("opened 500 stores", "Exact"),
])
def test_a_vague_word_before_a_count_makes_it_a_bound(text, bound):
    (q,) = find_quantities(text, "en")
    assert q.bound == bound


@pytest.mark.parametrize("text, unit", [
    ("190 hundred million US dollar", "USD"),   # 190亿美元, word by word
    ("537 hundred million Japan yen", "JPY"),   # 537亿日元
    ("2.56 trillion Korea won", "KRW"),         # 2.56万亿韩元
])
def test_a_word_by_word_currency_is_the_currency(text, unit):
    got = [(q.text, q.unit) for q in find_quantities(text, "en")]
    assert got == [(text, unit)], got
