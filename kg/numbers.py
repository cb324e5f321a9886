"""Numbers and time expressions: find them in one sentence and normalise them.

Two public finders (``find_quantities``, ``find_periods``) scan a sentence of
Chinese ("zh") or English ("en") text and return frozen ``Quantity`` /
``PeriodRef`` values whose offsets index into the text they were given (end
exclusive). ``parse_number`` turns one numeral into a ``Decimal`` and
``period_bounds`` gives the dates a ``PeriodRef`` covers.

Chinese numerals are read with cn2an. English number words are read with the
small table below: word2number (the PyPI package) was tried and gets compound
numbers wrong ("one million two hundred thousand" -> 1201200), so it is not used.

Word tables are module-level dicts grouped per language so they can later move
to data files without touching the logic.
"""
from __future__ import annotations

import calendar
import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional

from kg.types import PeriodRef, Quantity

LANGS = ("zh", "en")

LOWER = "LowerBound"
UPPER = "UpperBound"
APPROX = "Approximate"
EXACT = "Exact"

# A bare four-digit number in this range reads as a year, never as an amount.
BARE_YEAR_RANGE = (1900, 2099)

# ============================================================ Chinese tables

ZH_DIGIT_CHARS = "零〇一二两三四五六七八九"
ZH_DIGIT_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                   "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Magnitudes that may follow Arabic digits ("1.2亿", "100亿") or stand alone ("千亿").
ZH_MAGNITUDES = {
    "十": 10, "百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6,
    "千万": 10**7, "亿": 10**8, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12,
}
# Only these magnitudes make a bare number an amount of money in a revenue clause.
ZH_MONEY_MAGNITUDE_CHARS = "万亿"
# 兆 is a trillion in Taiwanese and Japanese amounts (6.16兆新台币, 4兆5098亿日元) but a million in
# units (兆瓦, 兆字节): it is read as a magnitude only when a currency (or 亿 and a currency) follows.
ZH_TRILLION = "兆"

# Words right after the number (after 多/余 and any magnitude). None = the number is
# part of a date or a duration the ontology has no unit for: not a quantity.
ZH_UNIT_WORDS: dict[str, Optional[str]] = {
    "%": "Percent", "个百分点": "PercentagePoints", "百分点": "PercentagePoints",
    "美元": "USD", "美金": "USD",
    "元人民币": "CNY", "元": "CNY", "人民币": "CNY", "块钱": "CNY",
    "元新台币": "TWD", "元港币": "HKD", "元日元": "JPY",  # 7,301亿元新台币: the 元 names no yuan
    "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP", "韩元": "KRW", "新台币": "TWD",
    "台币": "TWD", "印度卢比": "INR", "卢比": "INR", "瑞典克朗": "Currency?", "克朗": "Currency?", "卢布": "Currency?",
    "瑞士法郎": "Currency?", "加元": "Currency?", "澳元": "Currency?", "新加坡元": "Currency?", "雷亚尔": "Currency?",
    "成": "Percent",  # 三成 = 30%, see ZH_TENTHS
    "年": "Years", "个季度": "Quarters",
    # a bare "N季度" (no 个) names a quarter of a year: a period, see find_periods
    "季度": None, "季": None,
    "个月": None, "个多月": None, "个半月": None, "月": None, "日": None, "号": None,
    "天": None, "周年": None, "周": None, "星期": None, "小时": None, "个小时": None,
    "分钟": None, "秒": None, "岁": None, "倍": None,
    # measure words: the number counts things
    "个": "Count", "趟": "Count", "次": "Count", "家": "Count", "款": "Count", "位": "Count",
    "名": "Count", "件": "Count", "项": "Count", "台": "Count", "部": "Count", "人": "Count",
    "人次": "Count", "种": "Count", "座": "Count", "场": "Count", "只": "Count", "张": "Count",
    "篇": "Count", "届": "Count", "所": "Count", "支": "Count", "辆": "Count", "套": "Count",
    "批": "Count", "份": "Count", "轮": "Count",
}
# 倍 after a word of growth counts the rise in whole multiples (增长1.4倍 = up 140%); elsewhere (是去年的2倍) it is
# no quantity. After 倍和/倍、 a second multiple of a list (分别增长约2.4倍和2.9倍).
ZH_TIMES = "倍"
ZH_GROWTH_BEFORE_TIMES = re.compile(r"(?:(?:同比|环比)?(?:增长|增加|提升|上升|上涨|提高|猛增|激增|大增)了?|倍[和、与])"
                                    r"(?:约|近|将近|超过|逾|达|大约)?$")
ZH_TIMES_LISTED_APPROX = re.compile(r"(?:约|近|大约)[0-9.一二三四五六七八九十两]+倍[和、与]$")
# 成 counts tenths; after a numeral these characters make it a word (一成立, 三成为).
ZH_TENTHS = "成"
ZH_TENTHS_BLOCKERS = "立为功长本果绩交员熟型都不"
ZH_CURRENCY_PREFIXES = {"人民币": "CNY", "￥": "CNY", "¥": "CNY", "US$": "USD", "$": "USD", "美元": "USD",
                        "HK$": "HKD", "港币": "HKD", "港元": "HKD", "€": "EUR", "£": "GBP", "₩": "KRW", "₹": "INR",
                        "NT$": "TWD"}
# A currency kg has no unit for: the amount is read (so it is not taken for yuan) but gives no fact.
UNKNOWN_CURRENCY = "Currency?"
# Between the number and its unit: "24000多件", "100余家".
ZH_BOUND_INFIXES = {"多": LOWER, "余": LOWER}
# (bound, only_before_a_magnitude). None shadows a longer word that merely ends in
# a bound character ("最近3年" is "the last 3 years", not "nearly 3 years").
ZH_BOUND_PREFIXES: dict[str, Optional[tuple[str, bool]]] = {
    "超过": (LOWER, False), "超出": (LOWER, False), "超": (LOWER, False), "逾": (LOWER, False),
    "多于": (LOWER, False), "至少": (LOWER, False), "不少于": (LOWER, False), "不低于": (LOWER, False),
    "高于": (LOWER, False), "大于": (LOWER, False), "突破": (LOWER, False), "跨越": (LOWER, False),
    "跨过": (LOWER, False),
    # "过千亿", "破亿", "上万", "数千", "几十": only in front of a magnitude
    "过": (LOWER, True), "破": (LOWER, True), "上": (LOWER, True), "数": (LOWER, True), "几": (LOWER, True),
    "约": (APPROX, False), "约为": (APPROX, False), "大约": (APPROX, False), "大概": (APPROX, False),
    "约有": (APPROX, False), "大约有": (APPROX, False), "大约是": (APPROX, False), "大概是": (APPROX, False), "超过了": (LOWER, False), "拥有超过": (LOWER, False),
    "近": (APPROX, False), "将近": (APPROX, False), "接近": (APPROX, False), "差不多": (APPROX, False),
    "不到": (UPPER, False), "不足": (UPPER, False), "少于": (UPPER, False), "低于": (UPPER, False),
    "不超过": (UPPER, False), "最多": (UPPER, False), "至多": (UPPER, False), "小于": (UPPER, False),
    "最高": (UPPER, False),  # 最高50亿美元的股份回购计划: "up to"
    "最近": None, "附近": None, "经过": None, "通过": None, "不过": None, "去过": None, "到过": None,
    "来过": None, "卖过": None, "有过": None, "用过": None, "做过": None, "人数": None, "总数": None,
    "次数": None, "个数": None,
}
# After the unit. "内" only closes a duration ("10个季度内" = within 10 quarters).
ZH_BOUND_SUFFIXES = {"以上": LOWER, "有余": LOWER, "多": LOWER, "左右": APPROX,
                     "以内": UPPER, "之内": UPPER, "以下": UPPER, "内": UPPER}
ZH_DURATION_ONLY_SUFFIXES = ("内",)
ZH_HALF_WORDS = {"一半": EXACT, "半数": EXACT, "过半": LOWER, "大半": LOWER}
ZH_PERCENT_PREFIXES = {"百分之": Decimal(1), "千分之": Decimal("0.1")}
ZH_MONEY_CONTEXT = ("营收", "营业收入", "收入", "营业额", "销售额", "利润", "净利润", "市值",
                    "融资", "估值", "门槛")
ZH_ORDINAL_PREFIX = "第"
# "前五" is a rank (top five) unless 前 ends a longer word ("之前7年" = the previous 7 years).
ZH_TOP_PREFIX = "前"
ZH_TOP_BLOCKERS = "之以此提目当眼空向面跟事生"
ZH_RANK_SUFFIXES = ("强",)  # 世界500强
# 一 used as an indefinite article: "是一家公司", "的一年", "每一个".
ZH_INDEFINITE_BEFORE_ONE = "的是这那有每"
# Numerals that begin idioms, with the characters that complete them.
ZH_IDIOMS = {"一": ("次性", "成不变"), "千万": ("不", "别", "要", "记")}

ZH_RELATIVE_YEARS = {"前年": -2, "去年": -1, "上年": -1, "今年": 0, "本年": 0, "明年": 1, "后年": 2,
                     "上个财年": -1, "上一财年": -1, "上财年": -1, "本财年": 0, "这个财年": 0, "下个财年": 1}
ZH_RELATIVE_QUARTERS = {"上个季度": -1, "上一季度": -1, "上季度": -1, "本季度": 0, "这个季度": 0,
                        "下个季度": 1, "下一季度": 1, "下季度": 1}
# days relative to the document date; a weekday is the latest one on or before it
ZH_RELATIVE_DAYS = {"今天": 0, "今日": 0, "当天": 0, "当日": 0, "同日": 0, "同一天": 0, "昨天": -1, "昨日": -1, "前天": -2}
# 当天, 同日: the day just told (去年12月22日，比亚迪宣布…。部长当天表示…), else the document's
ZH_SAME_DAYS = ("当天", "当日", "同日", "同一天")
ZH_WEEKDAYS = {"周一": 0, "周二": 1, "周三": 2, "周四": 3, "周五": 4, "周六": 5, "周日": 6, "周天": 6,
               "星期一": 0, "星期二": 1, "星期三": 2, "星期四": 3, "星期五": 4, "星期六": 5, "星期日": 6, "星期天": 6}
ZH_RELATIVE_MONTHS = {"上个月": -1, "上月": -1, "本月": 0, "这个月": 0, "下个月": 1, "下月": 1}
ZH_QUARTER_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ZH_PART_WORDS = {"初": "early", "年初": "early", "底": "late", "年底": "late", "末": "late", "年末": "late",
                 "上旬": "early", "中旬": "mid", "下旬": "late"}
ZH_PERIOD_PREFIXES: dict[str, Optional[str]] = {
    "从": "since", "自从": "since", "自": "since",
    "截至": "by", "截止": "by", "截止到": "by", "到": "by", "至": "by", "直到": "by", "直至": "by",
    # verbs ending in 到/至/自 are not deadlines or starts
    "达到": None, "得到": None, "受到": None, "看到": None, "做到": None, "感到": None, "提到": None,
    "遇到": None, "回到": None, "来到": None, "收到": None, "找到": None, "想到": None, "听到": None,
    "拿到": None, "甚至": None, "以至": None, "乃至": None, "来自": None, "各自": None, "亲自": None,
}
ZH_PERIOD_SUFFIXES = {"以来": "since", "起": "since", "开始": "since", "至今": "since",
                      "之前": "by", "以前": "by", "之内": "within", "以内": "within", "内": "within"}
# 内 followed by these is part of a word (内地 = mainland), not "within".
ZH_WITHIN_BLOCKERS = "地部容在外心涵"

# ============================================================ English tables

EN_SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}
EN_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
EN_SCALE_ABBREVIATIONS = {"bn": 10**9, "mn": 10**6, "tn": 10**12}
# two-word scales, as machine translations of 亿 and 万 write them ("925.1 hundred million yuan")
EN_COMPOUND_SCALES = {"hundred million": 10**8, "ten thousand": 10**4, "hundred thousand": 10**5, "ten million": 10**7,
                      "ten billion": 10**10, "hundred billion": 10**11}
# "hundreds of billions": at least the named amount.
EN_VAGUE_SCALES = {"tens": 10, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9}
# Only amounts this large are read as money in a revenue clause.
EN_MONEY_MIN_SCALE = 10**6
EN_UNIT_WORDS: dict[str, Optional[str]] = {
    "%": "Percent", "percent": "Percent", "per cent": "Percent", "percentage points": "PercentagePoints",
    "percentage point": "PercentagePoints", "pct": "Percent",
    "years": "Years", "year": "Years", "-year": "Years", "quarters": "Quarters", "quarter": "Quarters",
    "-quarter": "Quarters",
    "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "cny": "CNY",
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD",
    "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pounds sterling": "GBP", "hong kong dollars": "HKD",
    "hong kong dollar": "HKD", "yen": "JPY", "won": "KRW", "rupees": "INR", "rupee": "INR",
    "new taiwan dollars": "TWD", "taiwan dollars": "TWD", "kronor": "Currency?", "krona": "Currency?",
    # a word-by-word translation's currencies (美元 "US dollar", 日元 "Japan yen", 韩元 "Korea won")
    "us dollar": "USD", "u.s. dollar": "USD", "american dollars": "USD", "japan yen": "JPY", "japanese yen": "JPY",
    "korea won": "KRW", "korean won": "KRW", "south korean won": "KRW", "pound": "GBP", "british pounds": "GBP",
    "new taiwan dollar": "TWD", "taiwan dollar": "TWD", "hongkong dollar": "HKD", "hongkong dollars": "HKD",
    "swedish kronor": "Currency?", "roubles": "Currency?", "rubles": "Currency?", "reais": "Currency?",
    "times": "Count",
    "months": None, "month": None, "-month": None, "days": None, "day": None, "-day": None,
    "weeks": None, "week": None, "hours": None, "hour": None, "minutes": None, "-fold": None, "fold": None,
}
EN_CURRENCY_PREFIXES = {"us$": "USD", "us $": "USD", "$": "USD", "usd": "USD", "rmb": "CNY", "cny": "CNY",
                        "¥": "CNY", "￥": "CNY", "hk$": "HKD", "hkd": "HKD", "€": "EUR", "eur": "EUR", "£": "GBP",
                        "gbp": "GBP", "₩": "KRW", "krw": "KRW", "jpy": "JPY", "nt$": "TWD", "twd": "TWD", "₹": "INR",
                        "inr": "INR", "rs.": "INR", "sek": "Currency?", "s$": "Currency?", "a$": "Currency?",
                        "c$": "Currency?", "chf": "Currency?", "r$": "Currency?"}
EN_COUNT_NOUNS = {
    "countries", "country", "regions", "region", "markets", "market", "people", "person", "employees",
    "employee", "staff", "engineers", "patents", "patent", "products", "product", "models", "phones",
    "smartphones", "handsets", "devices", "units", "stores", "store", "shops", "users", "customers",
    "companies", "company", "brands", "brand", "cities", "city", "awards", "award", "members", "visits",
    "trips", "cofounders", "co-founders", "applications", "items", "pieces", "times",
}
# Words ending in "s" that are not plural nouns.
EN_NOT_PLURAL = {"this", "thus", "plus", "its", "his", "has", "was", "does", "across", "towards",
                 "always", "perhaps", "besides", "whereas", "unless", "versus", "yes", "less", "news",
                 "afterwards", "onwards", "towards", "backwards", "forwards", "sometimes"}
# plural nouns that name what a period's report holds ("2024 results", "fiscal 2025 earnings"): after a
# year-like number they count nothing, so the number is the year
EN_REPORT_NOUNS = {"results", "earnings", "financials", "highlights"}
EN_BOUND_PREFIXES = {
    "more than": LOWER, "over": LOWER, "above": LOWER, "exceeding": LOWER, "exceeded": LOWER,
    "exceeds": LOWER, "exceed": LOWER, "surpassed": LOWER, "surpassing": LOWER, "surpass": LOWER, "surpasses": LOWER,
    "topped": LOWER, "break through": LOWER, "breaks through": LOWER, "broke past": LOWER,
    "broke": LOWER, "broke through": LOWER, "crossed": LOWER, "in excess of": LOWER, "at least": LOWER,
    "upwards of": LOWER, "no less than": LOWER, "not less than": LOWER, "no fewer than": LOWER,
    "about": APPROX, "around": APPROX, "approximately": APPROX, "approx.": APPROX, "roughly": APPROX,
    "nearly": APPROX, "almost": APPROX, "close to": APPROX, "an estimated": APPROX, "circa": APPROX,
    "~": APPROX,
    "less than": UPPER, "fewer than": UPPER, "under": UPPER, "below": UPPER, "up to": UPPER,
    "at most": UPPER, "no more than": UPPER, "not more than": UPPER, "within": UPPER,
}
EN_BOUND_SUFFIXES = {"or more": LOWER, "plus": LOWER, "+": LOWER, "and above": LOWER, "or above": LOWER,
                     "or so": APPROX, "or less": UPPER, "or fewer": UPPER}
EN_MONEY_CONTEXT = ("revenue", "revenues", "income", "turnover", "profit", "profits", "threshold")
# A translation that states no currency keeps the source's: the corpus reports on
# Chinese companies, so an unnamed currency in a revenue clause is yuan.
EN_DEFAULT_CURRENCY = "CNY"
EN_RANK_PREFIX_RE = r"(?:\btop|\bno\.?|\bnumber|#|\brank(?:ed|ing)?)\s*-?\s*$"
EN_HALF_BLOCKERS = ("first", "second", "latter", "other", "1st", "2nd", "a")

EN_MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
             "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
             "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
             "sept": 9, "oct": 10, "nov": 11, "dec": 12}
EN_ORDINAL_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                       "fourth": 4, "4th": 4}
EN_RELATIVE_YEARS = {"last year": -1, "this year": 0, "next year": 1, "the previous year": -1,
                     "the current year": 0,
                     # as 上一财年/本财年: "Last fiscal year we generated …" (the fiscal year told as the calendar's)
                     "last fiscal year": -1, "this fiscal year": 0, "next fiscal year": 1, "the previous fiscal year": -1,
                     "the current fiscal year": 0, "last financial year": -1, "this financial year": 0,
                     "next financial year": 1, "the previous financial year": -1, "the current financial year": 0}
# years counted from the year the text was just about (2008年…。次年, "in 2008 … the following year")
ZH_FOLLOWING_YEARS = {"次年": 1, "第二年": 1, "翌年": 1, "转年": 1, "同年": 0, "当年": 0}
EN_FOLLOWING_YEARS = {"the following year": 1, "the next year": 1, "a year later": 1, "the same year": 0, "same year": 0,
                      "that same year": 0, "later that year": 0, "that year": 0,
                      "during the year": 0}  # "During the year Logitech launched …": the year the text is about
EN_RELATIVE_QUARTERS = {"last quarter": -1, "this quarter": 0, "next quarter": 1,
                        "the previous quarter": -1, "the current quarter": 0}
EN_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "this morning": 0, "tonight": 0, "this evening": 0}
EN_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
EN_RELATIVE_MONTHS = {"last month": -1, "this month": 0, "next month": 1}
EN_PART_WORDS = {"beginning": "early", "start": "early", "end": "late", "close": "late", "middle": "mid"}
# A bare month name is a period only after one of these words ("in October").
EN_MONTH_LEADERS = ("in", "since", "by", "from", "until", "during", "before", "after", "of", "early",
                    "late", "mid", "last", "this")
EN_PERIOD_PREFIXES = {
    "early": "early", "early in": "early", "in early": "early", "the beginning of": "early",
    "beginning of": "early", "at the beginning of": "early", "the start of": "early",
    "start of": "early", "at the start of": "early",
    "late": "late", "late in": "late", "in late": "late", "the end of": "late", "end of": "late",
    "at the end of": "late", "the close of": "late",
    "mid": "mid", "mid-": "mid", "in mid": "mid", "in mid-": "mid", "the middle of": "mid",
    "middle of": "mid",
    "since": "since", "ever since": "since", "from": "since", "starting from": "since",
    "starting in": "since", "starting": "since", "beginning in": "since", "as from": "since",
    "by": "by", "by the end of": "by", "as of": "by", "no later than": "by",
    "within": "within",
}
EN_PERIOD_SUFFIXES = {"onwards": "since", "onward": "since", "and beyond": "since"}

# ============================================================ shared helpers

_TEMPORAL_QUALIFIERS = ("since", "by", "within")
_PART_QUALIFIERS = ("early", "mid", "late")
# Full-width digits map one-to-one onto ASCII, so offsets survive the translation.
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_PLAIN_NUMBER_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_GROUPING_COMMA_RE = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
_CLAUSE_BREAK_RE = re.compile(r"[。；;！？!?：:|\n，、]|[,.](?![0-9])")


_MAX_DIGITS = 100  # a number of more digits (1E+999999999) is no amount: parse_number refuses it


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGS)}")


def _clean(value: Decimal) -> Decimal:
    """Integral values without a trailing '.0' so equal amounts print alike."""
    if value.is_zero():
        return Decimal(0)
    # int() of 1E+999999999 would spell out a billion digits; no amount is that large
    if value.is_finite() and abs(value.adjusted()) <= _MAX_DIGITS and value == value.to_integral_value():
        return Decimal(int(value))
    return value


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _sorted_keys(table: dict) -> list[str]:
    return sorted(table, key=len, reverse=True)


_BY_EDGE: dict = {}


def _by_edge(keys: list[str], last: bool) -> dict:
    """The keys (longest first) by their first (or last) character, lower-cased: a word
    lookup then tries only the keys that can match."""
    k = (id(keys), last)
    found = _BY_EDGE.get(k)
    if found is None:
        index: dict = {}
        for key in keys:
            if key:
                index.setdefault(key[-1 if last else 0].lower(), []).append(key)
        found = _BY_EDGE[k] = (keys, index)
    return found[1]


def _word_prefix(text: str, pos: int, table: dict, keys: list[str], spaced: bool):
    """Longest table key ending just before ``pos`` (spaces allowed between).

    ``spaced`` keys are English words: they must start at a word boundary.
    Returns (key_start, value) or None.
    """
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0\u3000":
        i -= 1
    if i == 0:
        return None
    for key in _by_edge(keys, True).get(text[i - 1].lower(), ()):
        k = i - len(key)
        if k < 0 or text[k:i].lower() != key:
            continue
        if spaced and _is_ascii_letter(key[0]) and k > 0 and _is_ascii_letter(text[k - 1]):
            continue
        if spaced and _is_ascii_letter(key[-1]) and i == pos and pos < len(text) and _is_ascii_letter(text[pos]):
            continue
        return k, table[key]
    return None


def _word_suffix(text: str, pos: int, table: dict, keys: list[str], spaced: bool):
    """Longest table key starting at ``pos`` (English: after optional spaces).

    Returns (key_end, value) or None.
    """
    i = pos
    if spaced:
        while i < len(text) and text[i] in " \t\u00a0":
            i += 1
    if i >= len(text):
        return None
    for key in _by_edge(keys, False).get(text[i].lower(), ()):
        j = i + len(key)
        if text[i:j].lower() != key:
            continue
        if spaced and _is_ascii_letter(key[0]) and i == pos and pos > 0 and _is_ascii_letter(text[pos - 1]):
            continue
        if spaced and _is_ascii_letter(key[-1]) and j < len(text) and _is_ascii_letter(text[j]):
            continue
        return j, table[key]
    return None


def _clause(text: str, start: int, end: int) -> str:
    """The clause around text[start:end]: between the nearest breaks either side."""
    left = 0
    for m in _CLAUSE_BREAK_RE.finditer(text, 0, start):
        left = m.end()
    right_match = _CLAUSE_BREAK_RE.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:right]


def _merge_bound(*bounds: Optional[str]) -> str:
    for b in bounds:
        if b and b != EXACT:
            return b
    return EXACT


def _non_overlapping(items: list, key=lambda x: (x.start, x.end)) -> list:
    """Keep the longest of overlapping spans; return them sorted by start."""
    chosen: list = []
    for item in sorted(items, key=lambda x: (-(key(x)[1] - key(x)[0]), key(x)[0])):
        s, e = key(item)
        if all(e <= key(c)[0] or s >= key(c)[1] for c in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda x: key(x)[0])


# ============================================================ parse_number


_ZH_SPELL_DIGITS = "零一二三四五六七八九"
_ZH_GROUP_UNITS = {"千": 1000, "百": 100, "十": 10}


def _zh_canonical_value(s: str) -> int | None:
    """The value of a whole Chinese numeral below 一万亿 written the usual way (十六, 一百零五,
    一千亿, 两千: the spelling ``zh_spell`` gives, with 两 for 二), else None. Any reader agrees
    on these, so kg reads them itself and leaves the other spellings (二〇一七, 一万五) to cn2an,
    whose import costs more than a small build's reading of numbers."""
    plain = s.replace("两", "二")
    value, rest = 0, plain
    for unit, scale in (("亿", 10**8), ("万", 10**4)):
        head, sep, rest2 = rest.partition(unit)
        if sep:
            value += _zh_group_value(head) * scale
            rest = rest2
    value += _zh_group_value(rest)
    return value if zh_spell(value) == plain else None


def _zh_group_value(s: str) -> int:
    """A group below 一万 (一千零一十), read leniently: the spelling check above rejects the rest."""
    value, digit = 0, None
    for ch in s:
        if ch in _ZH_GROUP_UNITS:
            value += (1 if digit is None else digit) * _ZH_GROUP_UNITS[ch]
            digit = None
        else:
            digit = _ZH_SPELL_DIGITS.find(ch)
            if digit < 0:
                return -1
    return value + (digit or 0)


def zh_spell(n: int) -> str:
    """The usual Chinese spelling of a whole number below 一万亿: 十六, 一百零五, 一万零五百."""
    if n == 0:
        return "零"
    out, gap = "", False
    for value, unit in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if value == 0:
            gap = gap or bool(out)
            continue
        if out and (gap or value < 1000):
            out += "零"
        out += _zh_spell_group(value) + unit
        gap = False
    return out[1:] if out.startswith("一十") else out


def _zh_spell_group(n: int) -> str:
    out, zero = "", False
    for digit, unit in ((n // 1000, "千"), (n // 100 % 10, "百"), (n // 10 % 10, "十"), (n % 10, "")):
        if digit == 0:
            zero = zero or bool(out)
            continue
        out += ("零" if zero else "") + _ZH_SPELL_DIGITS[digit] + unit
        zero = False
    return out


@functools.lru_cache(maxsize=4096)
def _zh_numeral_value(s: str) -> Decimal:
    """Value of a Chinese numeral such as 十六, 千亿, 一千亿, 二〇一七, 零点五, 负五 (remembered: the
    same few numerals come again and again, and cn2an takes ~0.1 ms each)."""
    sign = 1
    if s.startswith("负"):
        sign, s = -1, s[1:]
    if not s:
        raise ValueError("empty Chinese numeral")
    if s in ("半", "一半"):
        return Decimal("0.5") * sign
    whole, _, frac = s.partition("点")
    if "点" in s:
        if not frac or any(c not in ZH_DIGIT_VALUES or c == "两" for c in frac):
            raise ValueError(f"{s!r} has no valid decimal digits after 点")
    if not whole or any(c not in ZH_DIGIT_VALUES and c not in "十百千万亿" for c in whole):
        raise ValueError(f"{s!r} is not a Chinese numeral")
    # cn2an rejects a numeral that starts with a unit (千亿); spoken Chinese drops the 一
    if whole[0] in "百千万亿":
        whole = "一" + whole
    # cn2an stops below 一万亿 (its own an2cn writes 一百三十八万三千九百八十一亿…): take the
    # 亿 groups apart, each part below 一亿亿
    head, sep, tail = whole.rpartition("亿")
    if sep and "亿" not in tail and ("万" in head or "亿" in head):
        high = _zh_numeral_value(head)
        tail = tail.lstrip("零")  # 一万亿零五: the 零 only marks the gap
        low = _zh_numeral_value(tail) if tail else Decimal(0)
        result = high * Decimal(100_000_000) + low
        if frac:
            result += _zh_numeral_value("零点" + frac)
        return result * sign
    number = _zh_canonical_value(whole)
    if number is None:
        import cn2an  # here: its import compiles its patterns (~0.2 s), needless for most numerals

        try:
            number = cn2an.cn2an(whole, "smart")
        except Exception as exc:  # cn2an reports malformed input with assorted exception types
            raise ValueError(f"{s!r} is not a well-formed Chinese numeral: {exc}") from exc
    value = Decimal(str(number))
    if frac:
        value = Decimal(f"{int(value)}.{''.join(str(ZH_DIGIT_VALUES[c]) for c in frac)}")
    return _clean(value * sign)


def _en_words_value(s: str) -> Decimal:
    """Value of English number words: "seven", "twenty-one", "one hundred and five", "a billion"."""
    tokens = [t for t in re.split(r"[\s-]+", s.strip().lower()) if t]
    if not tokens:
        raise ValueError("empty number phrase")
    sign = 1
    if tokens[0] in ("minus", "negative"):
        sign, tokens = -1, tokens[1:]
    frac_digits = ""
    if "point" in tokens:
        i = tokens.index("point")
        tokens, frac = tokens[:i], tokens[i + 1:]
        digits = [t for t in frac if t in EN_SMALL and EN_SMALL[t] <= 9]
        scales = frac[len(digits):]
        if not digits or frac[:len(digits)] != digits or any(t not in EN_SCALES or t == "hundred" for t in scales):
            raise ValueError(f"{s!r}: 'point' must be followed by digit words (and a scale)")
        if scales:  # "thirteen point three billion": the whole decimal times the scale
            whole = _en_words_value(" ".join(tokens) or "zero")
            if whole != int(whole) or any(t in EN_SCALES and t != "hundred" for t in tokens):
                raise ValueError(f"{s!r}: a scale before 'point'")
            value = Decimal(f"{int(whole)}.{''.join(str(EN_SMALL[t]) for t in digits)}")
            for t in scales:
                value *= EN_SCALES[t]
            return _clean(value * sign)
        frac_digits = "".join(str(EN_SMALL[t]) for t in frac)
        if not tokens:
            tokens = ["zero"]
    if tokens and tokens[0] == "a":
        if len(tokens) < 2 or tokens[1] not in EN_SCALES:
            raise ValueError(f"{s!r} is not a number")
        tokens[0] = "one"
    total, current, prev, last_scale = 0, 0, None, None
    for i, tok in enumerate(tokens):
        if tok == "and":
            if prev not in ("hundred", "scale") or i == len(tokens) - 1:
                raise ValueError(f"{s!r}: misplaced 'and'")
            continue
        if tok in EN_SMALL:
            v = EN_SMALL[tok]
            allowed = prev in (None, "hundred", "scale") or (prev == "tens" and v < 10)
            if not allowed:
                raise ValueError(f"{s!r}: '{tok}' cannot follow the previous word")
            current += v
            prev = "small"
        elif tok in EN_TENS:
            if prev not in (None, "hundred", "scale"):
                raise ValueError(f"{s!r}: '{tok}' cannot follow the previous word")
            current += EN_TENS[tok]
            prev = "tens"
        elif tok == "hundred":
            if current >= 100 or (prev is not None and prev not in ("small", "tens")):
                raise ValueError(f"{s!r}: misplaced 'hundred'")
            current = (current or 1) * 100
            prev = "hundred"
        elif tok in EN_SCALES:
            scale = EN_SCALES[tok]
            if last_scale is not None and scale >= last_scale:
                raise ValueError(f"{s!r}: scales must decrease ('{tok}')")
            if prev == "scale":
                raise ValueError(f"{s!r}: two scale words in a row")
            total += (current or 1) * scale
            current, prev, last_scale = 0, "scale", scale
        else:
            raise ValueError(f"{s!r}: '{tok}' is not a number word")
    value = Decimal(total + current)
    if frac_digits:
        value = Decimal(f"{total + current}.{frac_digits}")
    return _clean(value * sign)


def parse_number(s: str, lang: str) -> Decimal:
    """Read one numeral as a Decimal; raise ValueError when ``s`` is not a number.

    Accepted in either language: Arabic numerals with optional sign, grouping commas,
    decimals and exponent ("24,000", "-1.5", "1E+3"), optionally followed by a
    magnitude ("1.2亿", "1.5 billion", "100bn"). Chinese (lang "zh"): Chinese
    numerals (十六, 千亿, 二〇一七, 零点五, 负五). English (lang "en"): number words
    ("seven", "twenty-one", "one hundred and five", "a billion").
    """
    _check_lang(lang)
    if not isinstance(s, str):
        raise ValueError(f"expected a string, got {type(s).__name__}")
    t = unicodedata.normalize("NFKC", s).strip()
    if not t:
        raise ValueError("an empty string is not a number")
    t = _GROUPING_COMMA_RE.sub("", t)
    if _PLAIN_NUMBER_RE.fullmatch(t):
        try:
            value = Decimal(t)
        except InvalidOperation as exc:  # exponent beyond Decimal's range
            raise ValueError(f"{s!r} is out of range") from exc
        if value and abs(value.adjusted()) > _MAX_DIGITS:
            raise ValueError(f"{s!r} is out of range (more than {_MAX_DIGITS} digits)")
        return _clean(value)
    m = re.fullmatch(r"([+-]?[0-9]+(?:\.[0-9]+)?)\s*(\S.*)", t)
    if m:
        scale_word = m.group(2).lower()
        scale = ZH_MAGNITUDES.get(scale_word) or EN_SCALES.get(scale_word) or EN_SCALE_ABBREVIATIONS.get(scale_word)
        if scale:
            return _clean(Decimal(m.group(1)) * scale)
        raise ValueError(f"{s!r} is not a number: unknown magnitude {m.group(2)!r}")
    if lang == "zh":
        return _zh_numeral_value(t)
    return _en_words_value(t)


# ============================================================ find_quantities


@dataclass
class _Q:
    start: int
    end: int
    value: Decimal
    unit: str
    bound: str


_ZH_NUMBER_RE = re.compile(
    r"(?P<arabic>(?<![0-9.,])[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)"
    r"(?P<mag>千亿|万亿|百亿|十亿|千万|百万|十万|亿|万|千|百)?"
    # a numeral that starts with a magnitude keeps only magnitudes: 千亿, not 万一
    r"|(?P<lead>[百千万亿][十百千万亿]*)"
    r"|(?P<cn>[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?)"
)
_ZH_PERCENT_RE = re.compile(
    "(?P<p>" + "|".join(ZH_PERCENT_PREFIXES) + r")(?P<n>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百点]+)"
)
_ZH_HALF_RE = re.compile("|".join(_sorted_keys(ZH_HALF_WORDS)))
# 三分之一, 四分之一, 五分之二: a fraction is a share (a denominator of ten at most; 百分之/千分之 are percents)
_ZH_FRACTION_RE = re.compile(r"(?<![百千万])(?P<d>[二三四五六七八九十])分之(?P<n>[一二三四五六七八九])")

_ZH_UNIT_KEYS = _sorted_keys(ZH_UNIT_WORDS)
_ZH_MAG_KEYS = _sorted_keys(ZH_MAGNITUDES)
_ZH_INFIX_KEYS = _sorted_keys(ZH_BOUND_INFIXES)
_ZH_SUFFIX_KEYS = _sorted_keys(ZH_BOUND_SUFFIXES)
_ZH_PREFIX_KEYS = _sorted_keys(ZH_BOUND_PREFIXES)
_ZH_CURRENCY_KEYS = [k.lower() for k in _sorted_keys(ZH_CURRENCY_PREFIXES)]
_ZH_CURRENCY_TABLE = {k.lower(): v for k, v in ZH_CURRENCY_PREFIXES.items()}


def _zh_prefix_bound(text: str, left: int, core_has_magnitude: bool):
    """(new_left, bound) for a bound word before ``left``; shadows give no bound."""
    hit = _word_prefix(text, left, ZH_BOUND_PREFIXES, _ZH_PREFIX_KEYS, spaced=False)
    if not hit or hit[1] is None:
        return left, None
    bound, needs_magnitude = hit[1]
    if needs_magnitude and not core_has_magnitude:
        return left, None
    return hit[0], bound


def _zh_suffix_bound(text: str, pos: int, unit: str):
    hit = _word_suffix(text, pos, ZH_BOUND_SUFFIXES, _ZH_SUFFIX_KEYS, spaced=False)
    if not hit:
        return pos, None
    end, bound = hit
    word = text[pos:end]
    if word in ZH_DURATION_ONLY_SUFFIXES and unit not in ("Years", "Quarters"):
        return pos, None
    return end, bound


def _zh_number(text: str, m: re.Match) -> Optional[_Q]:
    start, pos = m.start(), m.end()
    core = m.group()
    arabic = m.group("arabic")
    if arabic:
        digits = arabic.replace(",", "")
        value = Decimal(digits)
        mag = m.group("mag")
        if mag:
            value *= ZH_MAGNITUDES[mag]
        big = bool(mag) and any(c in "百千万亿" for c in mag)
        money_scale = bool(mag) and any(c in ZH_MONEY_MAGNITUDE_CHARS for c in mag)
        year_like = not mag and re.fullmatch(r"[0-9]{4}", digits) is not None
        if not mag and text.startswith(ZH_TRILLION, pos):
            trillions = _zh_trillions(text, pos + 1)
            if trillions is not None:
                rest, pos = trillions
                value = value * 10**12 + rest
                big = money_scale = True
                year_like = False
    else:
        cn = m.group("lead") or m.group("cn")
        digit_run = all(c in ZH_DIGIT_CHARS for c in cn)
        year_like = digit_run and len(cn) == 4
        if digit_run and len(cn) > 1 and not year_like:
            return None  # "三四" is a range, not 34
        try:
            value = _zh_numeral_value(cn)
        except ValueError:
            return None
        big = any(c in "百千万亿" for c in cn)
        money_scale = any(c in ZH_MONEY_MAGNITUDE_CHARS for c in cn)

    before = text[start - 1] if start else ""
    if before == ZH_ORDINAL_PREFIX:
        return None
    for idiom_follow in ZH_IDIOMS.get(core, ()):
        if text.startswith(idiom_follow, pos):
            return None

    infix_bound = None
    hit = _word_suffix(text, pos, ZH_BOUND_INFIXES, _ZH_INFIX_KEYS, spaced=False)
    if hit:
        pos, infix_bound = hit
        mag_hit = _word_suffix(text, pos, ZH_MAGNITUDES, _ZH_MAG_KEYS, spaced=False)
        if mag_hit:  # "十多万": more than 100,000
            value *= ZH_MAGNITUDES[text[pos:mag_hit[0]]]
            big = True
            money_scale = money_scale or any(c in ZH_MONEY_MAGNITUDE_CHARS for c in text[pos:mag_hit[0]])
            pos = mag_hit[0]

    unit = ""
    hit = _word_suffix(text, pos, ZH_UNIT_WORDS, _ZH_UNIT_KEYS, spaced=False)
    if hit and text[pos:hit[0]] == ZH_TENTHS and text[hit[0]:hit[0] + 1] in tuple(ZH_TENTHS_BLOCKERS):
        hit = None
    times_bound = None
    if hit and hit[1] is None and text[pos:hit[0]] == ZH_TIMES and ZH_GROWTH_BEFORE_TIMES.search(text, max(0, start - 8), start):
        value *= 100  # 同比增长约1.4倍, 增长了一倍多: a rise of 140%, of more than 100%
        hit = (hit[0], "Percent")
        if ZH_TIMES_LISTED_APPROX.search(text, max(0, start - 16), start):
            times_bound = APPROX  # 分别增长约2.4倍和2.9倍: the 约 is said of both
    if hit:
        if hit[1] is None:
            return None
        if text[pos:hit[0]] == ZH_TENTHS:
            value *= 10
        pos, unit = hit
        if year_like and unit == "Years":
            return None  # 2017年 is a year
    elif pos < len(text) and _is_ascii_letter(text[pos]):
        return None  # "5G", "2B"
    elif text.startswith(ZH_RANK_SUFFIXES, pos):
        return None
    pos, suffix_bound = _zh_suffix_bound(text, pos, unit)

    if before == ZH_TOP_PREFIX and (start < 2 or text[start - 2] not in ZH_TOP_BLOCKERS) \
            and unit not in ("Years", "Quarters"):
        return None  # 前五: a rank

    left = start
    currency = ""
    cur = _word_prefix(text, left, _ZH_CURRENCY_TABLE, _ZH_CURRENCY_KEYS, spaced=False)
    if cur and unit in ("", cur[1]):
        left, currency = cur
    elif _is_ascii_alnum(before) or before == ".":
        return None  # S1, Q2, version numbers
    left, prefix_bound = _zh_prefix_bound(text, left, big or money_scale)
    bound = _merge_bound(prefix_bound, infix_bound, suffix_bound)
    if times_bound and bound == EXACT:
        bound = times_bound
    unit = unit or currency

    if unit == "":
        if arabic is None and bound == EXACT and not (big and len(core) >= 2):
            return None  # a lone 一/十六 with no measure word is rarely an amount
        # a bare year stays a year even after 超过; 多/以上 right after it make it an amount
        attached = infix_bound or suffix_bound
        if year_like and not attached and (arabic is None or BARE_YEAR_RANGE[0] <= value <= BARE_YEAR_RANGE[1]):
            return None
        if arabic and bound == EXACT:
            if text.startswith(("、", "．"), pos) or (text.startswith(".", pos) and not text[pos + 1:pos + 2].isdigit()):
                line_start = text.rfind("\n", 0, start) + 1
                if not text[line_start:start].strip():
                    return None  # "1、": a list number
            if re.search(r"[A-Za-z]+[ \u00a0]$", text[max(0, start - 40):start]):
                return None  # "小米MIX 2": part of a product name
        if money_scale and any(w in _clause(text, start, pos) for w in ZH_MONEY_CONTEXT):
            unit = "CNY"
    if core == "一" and bound == EXACT and before and before in ZH_INDEFINITE_BEFORE_ONE:
        return None
    return _Q(left, pos, value, unit, bound)


_ZH_CURRENCIES = {u for u in ZH_UNIT_WORDS.values() if u and (u == "Currency?" or re.fullmatch("[A-Z]{3}", u))}
_ZH_AFTER_TRILLION_RE = re.compile(r"(?:零)?(?P<n>[0-9]+(?:\.[0-9]+)?)亿")


def _zh_trillions(text: str, pos: int) -> Optional[tuple[Decimal, int]]:
    """After N兆: (the 亿 part that follows, where the number ends) when a currency follows
    (1.85兆新台币, 4兆5098亿日元); None when 兆 is no trillion (50兆瓦)."""
    rest = Decimal(0)
    m = _ZH_AFTER_TRILLION_RE.match(text, pos)
    if m:
        rest, pos = Decimal(m.group("n")) * 10**8, m.end()
    hit = _word_suffix(text, pos, ZH_UNIT_WORDS, _ZH_UNIT_KEYS, spaced=False)
    if not hit or hit[1] not in _ZH_CURRENCIES:
        return None
    return rest, pos


def _zh_percent(text: str, m: re.Match) -> Optional[_Q]:
    number = m.group("n")
    try:
        value = parse_number(number, "zh") * ZH_PERCENT_PREFIXES[m.group("p")]
    except ValueError:
        return None
    pos, suffix_bound = _zh_suffix_bound(text, m.end(), "Percent")
    left, prefix_bound = _zh_prefix_bound(text, m.start(), False)
    return _Q(left, pos, value, "Percent", _merge_bound(prefix_bound, suffix_bound))


def _zh_half(text: str, m: re.Match) -> Optional[_Q]:
    pos, suffix_bound = _zh_suffix_bound(text, m.end(), "Percent")
    left, prefix_bound = _zh_prefix_bound(text, m.start(), False)
    bound = _merge_bound(prefix_bound, ZH_HALF_WORDS[m.group()], suffix_bound)
    return _Q(left, pos, Decimal(50), "Percent", bound)


def _zh_fraction(text: str, m: re.Match) -> Optional[_Q]:
    den, num = parse_number(m.group("d"), "zh"), parse_number(m.group("n"), "zh")
    if num >= den:
        return None
    pos, suffix_bound = _zh_suffix_bound(text, m.end(), "Percent")
    left, prefix_bound = _zh_prefix_bound(text, m.start(), False)
    value = (num * 100 / den).quantize(Decimal("0.1")).normalize()
    return _Q(left, pos, value, "Percent", _merge_bound(prefix_bound, suffix_bound))


def _zh_quantities(text: str) -> list[_Q]:
    found = []
    for regex, handler in ((_ZH_PERCENT_RE, _zh_percent), (_ZH_HALF_RE, _zh_half), (_ZH_FRACTION_RE, _zh_fraction),
                           (_ZH_NUMBER_RE, _zh_number)):
        for m in regex.finditer(text):
            q = handler(text, m)
            if q is not None:
                found.append(q)
    return found


_EN_WORD = "(?:" + "|".join(sorted(list(EN_SMALL) + list(EN_TENS) + list(EN_SCALES), key=len, reverse=True)) + r")\b"
_EN_SCALE_ALT = "|".join(EN_SCALES)
_EN_NUMBER_RE = re.compile(
    r"(?P<vague>\b(?:" + "|".join(EN_VAGUE_SCALES) + r")(?:\s+of\s+(?:thousands|millions|billions))?\b)"
    # a number, or one glued to a currency code ("RMB31.1 billion")
    r"|(?:(?<![\w.])|" + "|".join(f"(?<={k})" for k, unit in EN_CURRENCY_PREFIXES.items()
                                   if re.fullmatch("[a-z]{3}", k) and unit != "Currency?") + ")"
    r"(?P<arabic>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)(?![0-9])"
    r"(?:\s*(?P<mag>" + "|".join(EN_COMPOUND_SCALES) + "|" + _EN_SCALE_ALT + "|" + "|".join(EN_SCALE_ABBREVIATIONS) + r")\b)?"
    r"|(?P<words>\b(?:a(?=\s+(?:" + _EN_SCALE_ALT + r")\b)|" + _EN_WORD + r")"
    r"(?:(?:\s+|-)(?:and\s+|point\s+)?" + _EN_WORD + r")*)"
    r"|(?P<half>\bhalf\b)",
    re.IGNORECASE,
)
_EN_MONTH_NAMES = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
# "may" is far more often the verb: only with a day or a year is it the month
_EN_MONTH_NAMES_NO_MAY = "|".join(m for m in sorted(EN_MONTHS, key=len, reverse=True) if m != "may")
_EN_MONTH_BEFORE_RE = re.compile(r"\b(?:" + _EN_MONTH_NAMES + r")\.?\s+$", re.IGNORECASE)
_EN_MONTH_AFTER_RE = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _EN_MONTH_NAMES + r")\b", re.IGNORECASE)
_EN_RANK_BEFORE_RE = re.compile(EN_RANK_PREFIX_RE, re.IGNORECASE)
_EN_UNIT_KEYS = _sorted_keys(EN_UNIT_WORDS)
_EN_SUFFIX_KEYS = _sorted_keys(EN_BOUND_SUFFIXES)
_EN_PREFIX_KEYS = _sorted_keys(EN_BOUND_PREFIXES)
_EN_CURRENCY_KEYS = _sorted_keys(EN_CURRENCY_PREFIXES)
_EN_MONEY_RE = re.compile(r"\b(?:" + "|".join(EN_MONEY_CONTEXT) + r")\b", re.IGNORECASE)


def _en_is_count_noun(word: str) -> bool:
    w = word.lower()
    if w in EN_COUNT_NOUNS:
        return True
    return (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
            and w not in EN_NOT_PLURAL and w not in EN_REPORT_NOUNS)


def _en_unit_after(text: str, pos: int, allow_of: bool = False):
    """(end, unit) for the unit after a number; unit None = not a quantity; None = no unit."""
    hit = _word_suffix(text, pos, EN_UNIT_WORDS, _EN_UNIT_KEYS, spaced=True)
    if hit:
        return hit
    pattern = r"\s+(?:of\s+)?([A-Za-z][A-Za-z-]*)" if allow_of else r"\s+([A-Za-z][A-Za-z-]*)"
    m = re.match(pattern, text[pos:pos + 60])
    if m and _en_is_count_noun(m.group(1)):
        return pos + m.end(), "Count"
    return None


def _en_number(text: str, m: re.Match) -> Optional[_Q]:
    start, pos = m.start(), m.end()
    year_like = False
    money_scale = False
    wordy = False
    core_bound = None
    if m.group("vague"):
        words = m.group("vague").lower().split()
        value = Decimal(EN_VAGUE_SCALES[words[0]])
        if len(words) == 3:
            value *= EN_VAGUE_SCALES[words[2]]
        money_scale = value >= EN_MONEY_MIN_SCALE
        core_bound = LOWER
    elif m.group("arabic"):
        digits = m.group("arabic").replace(",", "")
        value = Decimal(digits)
        mag = re.sub(r"\s+", " ", (m.group("mag") or "").lower())
        if mag:
            scale = EN_COMPOUND_SCALES.get(mag) or EN_SCALES.get(mag) or EN_SCALE_ABBREVIATIONS[mag]
            value *= scale
            money_scale = scale >= EN_MONEY_MIN_SCALE
        else:
            if re.match(r"(?:st|nd|rd|th)\b", text[pos:pos + 3], re.IGNORECASE):
                return None  # 4th: an ordinal
            year_like = re.fullmatch(r"[0-9]{4}", digits) is not None
            if year_like and _en_opening_year(text, start, m.group("arabic")):
                return None  # "In 2024 guests booked …": the year the sentence opens with, not 2024 guests
    elif m.group("words"):
        try:
            value = _en_words_value(m.group("words"))
        except ValueError:
            return None
        words = m.group("words").lower()
        if re.match(r"-[a-z]*(?:th|st|nd|rd)\b", text[pos:pos + 12], re.IGNORECASE):
            return None  # twenty-fourth
        money_scale = any(w in words for w in ("million", "billion", "trillion"))
        wordy = not any(w in words for w in EN_SCALES)
    else:
        before_words = text[max(0, start - 12):start].lower().split()
        if before_words and before_words[-1] in EN_HALF_BLOCKERS:
            return None  # "the first half" is a period; "a half" is 0.5 of something
        if text.startswith("-", pos):
            return None  # half-year
        value = Decimal(50)
        hit = _word_suffix(text, pos, EN_BOUND_SUFFIXES, _EN_SUFFIX_KEYS, spaced=True)
        end, suffix_bound = hit if hit else (pos, None)
        left_hit = _word_prefix(text, start, EN_BOUND_PREFIXES, _EN_PREFIX_KEYS, spaced=True)
        left, prefix_bound = left_hit if left_hit else (start, None)
        return _Q(left, end, value, "Percent", _merge_bound(prefix_bound, suffix_bound))

    head = text[max(0, start - 40):start]
    if _EN_MONTH_BEFORE_RE.search(head) or _EN_MONTH_AFTER_RE.match(text, pos):
        return None  # February 7 / 7 February: a date
    if _EN_RANK_BEFORE_RE.search(head):
        return None  # top 5, No. 1

    unit = ""
    hit = _en_unit_after(text, pos, allow_of=bool(m.group("vague")))
    if hit:
        if hit[1] is None:
            return None
        pos, unit = hit
    elif pos < len(text) and _is_ascii_letter(text[pos]):
        return None  # 5G
    hit = _word_suffix(text, pos, EN_BOUND_SUFFIXES, _EN_SUFFIX_KEYS, spaced=True)
    suffix_bound = None
    if hit:
        pos, suffix_bound = hit
        if not unit:  # "50 or more stores"
            noun = _en_unit_after(text, pos)
            if noun and noun[1] is not None:
                pos, unit = noun

    left = start
    currency = ""
    cur = _word_prefix(text, left, EN_CURRENCY_PREFIXES, _EN_CURRENCY_KEYS, spaced=True)
    if cur and unit in ("", cur[1]):
        left, currency = cur
    left_hit = _word_prefix(text, left, EN_BOUND_PREFIXES, _EN_PREFIX_KEYS, spaced=True)
    prefix_bound = None
    if left_hit:
        left, prefix_bound = left_hit
    bound = _merge_bound(prefix_bound, core_bound, suffix_bound)
    unit = unit or currency

    if unit == "Count" and m.group("words") and value != int(value):
        return None  # "at one point three companies": no count has a fraction
    if unit == "":
        if wordy and bound == EXACT:
            return None  # "one of them"
        if year_like and not suffix_bound and BARE_YEAR_RANGE[0] <= value <= BARE_YEAR_RANGE[1]:
            return None  # a year, see find_periods
        if m.group("arabic") and bound == EXACT and not m.group("mag") \
                and re.search(r"\b[A-Za-z]*[A-Z][A-Za-z]*[ \u00a0]$", head):
            return None  # "MIX 2", "Best 100": part of a name
        if money_scale and _EN_MONEY_RE.search(_clause(text, start, pos)):
            unit = EN_DEFAULT_CURRENCY
    return _Q(left, pos, value, unit, bound)


# "2024 year": a machine translation of 2024年, a year and not a duration of 2024 years (also a period, "mt_year")
_EN_MT_YEAR = r"(?P<y>(?:19|20)[0-9]{2})\s+year\b(?![-’']|\s+old\b)"
_EN_MT_YEAR_RE = re.compile(_EN_MT_YEAR)


# "a third of", "two-thirds of", "a quarter of the market": a fraction of something is a share (only before "of":
# "a quarter earlier" is a time)
_EN_FRACTION_RE = re.compile(r"\b(?P<n>a|one|two|three|four)[\s-]+(?P<d>thirds?|quarters?|fifths?)(?=\s+of\s+(?!(?:fiscal\s+|FY)?\d))", re.IGNORECASE)
_EN_DENOMINATORS = {"third": 3, "quarter": 4, "fifth": 5}


def _en_fraction(text: str, m: re.Match) -> Optional[_Q]:
    num = 1 if m.group("n").lower() in ("a", "one") else EN_SMALL[m.group("n").lower()]
    den = _EN_DENOMINATORS[m.group("d").lower().rstrip("s")]
    if num >= den or (num > 1) != m.group("d").lower().endswith("s"):
        return None  # "four thirds", "two third": no share
    left_hit = _word_prefix(text, m.start(), EN_BOUND_PREFIXES, _EN_PREFIX_KEYS, spaced=True)
    left, bound = left_hit if left_hit else (m.start(), None)
    return _Q(left, m.end(), (Decimal(num * 100) / den).quantize(Decimal("0.1")).normalize(), "Percent", _merge_bound(bound))


def _en_quantities(text: str) -> list[_Q]:
    found = [q for q in (_en_fraction(text, m) for m in _EN_FRACTION_RE.finditer(text)) if q is not None]
    for m in _EN_NUMBER_RE.finditer(text):
        if m.group("words") and m.group("words").lower() in ("thousand", "million", "billion", "trillion"):
            continue  # "billion-dollar", "the billion users": a scale with no number is no amount
        q = _en_number(text, m)
        if q is not None and not (q.unit == "Years" and _EN_MT_YEAR_RE.fullmatch(text, q.start, q.end)):
            found.append(q)
    return found


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Amounts, percentages, counts and durations in ``text``, sorted and non-overlapping.

    Years, dates, ordinals and ranks ("第四", "前五", "top 5") are not quantities.
    """
    _check_lang(lang)
    scan = text.translate(_FULLWIDTH)
    found = _zh_quantities(scan) if lang == "zh" else _en_quantities(scan)
    return [Quantity(value=_clean(q.value), unit=q.unit,
                     bound=_vague_bound(scan, q) if lang == "en" else q.bound,
                     start=q.start, end=q.end, text=text[q.start:q.end])
            for q in _non_overlapping(found)]


# "several hundred thousand workers": at least the magnitude the words name, not exactly it; "some 500": about
_VAGUE_BEFORE = re.compile(r"\b(?:(?P<some>some)|several|a\s+few|many)\s+$", re.IGNORECASE)


def _vague_bound(scan: str, q) -> str:
    m = _VAGUE_BEFORE.search(scan, max(0, q.start - 12), q.start) if q.bound == "Exact" else None
    if m is None:
        return q.bound
    return "Approximate" if m.group("some") else "LowerBound"


# ============================================================ find_periods


@dataclass
class _P:
    """A time expression before resolution against the document date."""

    start: int
    end: int
    year: Optional[int] = None
    rel_year: Optional[int] = None
    rel_quarter: Optional[int] = None
    rel_month: Optional[int] = None
    rel_day: Optional[int] = None  # days from the document date
    same_day: bool = False  # 当天, 同日: the day told before it, else the document's
    same_month: bool = False  # 同月, "later that month": the month told before it (unknown without one)
    weekday: Optional[int] = None  # the latest such weekday on or before the document date
    week: Optional[int] = None  # with weekday: that day of this (0) or last (-1) Monday-to-Sunday week (本周五, 上周五)
    quarter: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    half: Optional[int] = None
    part: str = ""
    qualifier: str = ""
    year_end: Optional[tuple] = None  # "the fiscal year that ended on March 31": (month, day), the year unsaid
    following: Optional[int] = None  # 次年, "the following year": years after the year the text was about
    bare_day: bool = False  # a day of the month told without its month (18日): the latest such day by the document date
    same_date: bool = False  # with rel_year: that day of the document's date, years before (两年前的今天)
    month_only: bool = False  # with rel_day: told at the month's precision (上周, "last week")
    to_come: bool = False  # told as yet to come (将于4月1日, 自4月1日起生效, "effective April 1"): not last year's


def _range_period(p: "_P", first: int, last: int) -> bool:
    """Months first..last as a quarter or a half (October-December = Q4, 1至6月 = H1); False otherwise."""
    if (first - 1) % 3 == 0 and last == first + 2:
        p.quarter = (first - 1) // 3 + 1
        return True
    if first in (1, 7) and last == first + 5:
        p.half = 1 if first == 1 else 2
        return True
    return False


def _zh_small_number(s: str) -> Optional[int]:
    """1..31 from Arabic or Chinese digits; None when it is not one."""
    if s.isdigit():
        return int(s)
    try:
        return int(_zh_numeral_value(s))
    except ValueError:
        return None


def _zh_year_value(s: str) -> int:
    if s.isdigit():
        return int(s)
    return int("".join(str(ZH_DIGIT_VALUES[c]) for c in s))


_ZH_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_ZH_DAY = r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
_ZH_NOT_EARLY = "(?![次步心衷期])"
_ZH_REL_YEAR_ALT = "|".join(_sorted_keys(ZH_RELATIVE_YEARS))
_ZH_PERIOD_RES = {
    "anchored": re.compile(
        r"(?:(?P<y>[0-9]{4}|[〇零一二三四五六七八九]{4})\s*(?:财政年度|财年|年度|年)|(?P<rel>" + _ZH_REL_YEAR_ALT + r"))"
        r"(?:\s*(?:[Qq](?P<qa>[1-4])(?![0-9])|第?(?P<qb>[一二三四1-4])(?:个?(?:日历|自然)季度|财季|季度?))(?P<qpart>末|初" + _ZH_NOT_EARLY + r")?"
        r"|\s*(?P<m>" + _ZH_MONTH + r")月份?(?:(?P<d>" + _ZH_DAY + r")[日号]"
        r"|(?P<mpart>初" + _ZH_NOT_EARLY + r"|底|末|上旬|中旬|下旬))?"
        r"|(?P<part>年?(?:初" + _ZH_NOT_EARLY + r"|底|末))"
        r"|\s*(?P<h>[上下])半年|(?P<hy>半年度|半年报|中期(?=业绩|报告|财报|报|经营|业务|利润|营收|收入)))?"
    ),
    "half": re.compile(r"(?<![年一二三四五六七八九十0-9])(?P<h>[上下])半年"),
    # 7-9月, 2024年7月至9月, 今年7月到9月: a quarter or a half
    "month_range": re.compile(r"(?:(?P<y>[0-9]{4})年|(?P<rel>" + _ZH_REL_YEAR_ALT + r"))?(?P<m1>1[0-2]|[1-9])月?份?\s*[-–—至到~]\s*"
                              r"(?P<m2>1[0-2]|[1-9])月份?"),
    # 截至2023年12月31日止年度: the year that ends on the day
    "year_ended": re.compile(r"截至(?P<y>[0-9]{4})年(?:12|十二)月(?:31|三十一)日止(?:年度|财年|的年度|全年)"),
    "year_part": re.compile(r"年初" + _ZH_NOT_EARLY + r"|年底|年末"),
    # 前三季度, 2024年前两个季度: the months of the year so far, told at the year's precision (not its third quarter)
    "year_to_date": re.compile(r"(?:(?P<y>[0-9]{4})年|(?P<rel>" + _ZH_REL_YEAR_ALT + r"))?前[一二三两1-3]个?季度"),
    "quarter": re.compile(
        r"第(?P<qb>[一二三四1-4])(?:个?(?:日历|自然)季度|个?财季|季度?)|(?<![0-9个两十第同前])(?P<qc>[一二三四1-4])季度"
        r"|(?<![A-Za-z0-9])[Qq](?P<qa>[1-4])(?![0-9A-Za-z])"
    ),
    "month": re.compile(r"(?<![0-9])(?P<m>" + _ZH_MONTH + r")月份?(?:(?P<d>" + _ZH_DAY + r")[日号])?(?![0-9])"),
    "rel_quarter": re.compile("|".join(_sorted_keys(ZH_RELATIVE_QUARTERS))),
    # 首次年度现金股息, 多次年度: 次 counts times there, no following year
    "following_year": re.compile("|".join("(?<![首每多再屡几一两])" + k if k.startswith("次") else k for k in _sorted_keys(ZH_FOLLOWING_YEARS))),
    # 本月5日, 上月17日, and a day told without its month (美东时间18日, 股价3日收涨): of the document's month
    "month_day": re.compile(r"(?:(?P<rm>" + "|".join(_sorted_keys(ZH_RELATIVE_MONTHS)) + r")|(?<![0-9〇零一二三四五六七八九十月年.第近前后续每去])"
                            r")(?P<d>(?:3[01]|[12][0-9]|0?[1-9]))[日号](?![内以均起前后间])"),
    "rel_month": re.compile("|".join(_sorted_keys(ZH_RELATIVE_MONTHS))),
    # 同月, 当月: the month just told (2024年4月，…。同月，公司还与…签署协议); not 去年同月, a month compared with
    "same_month": re.compile(r"(?<![去上前本今明]年)(?:同月|当月|同一个月|同一月)(?!份?[0-9一二三四五六七八九十])"),
    # 上市首日, 挂牌首日: the day of the listing just told (昨日在科创板挂牌上市。…上市首日…收盘市值…), else the document's
    "debut_day": re.compile(r"(?<=上市|挂牌|交易|登陆)首日"),
    # 两年前, 十年前的今天: years before the document's date (not 2020年前, 多年前, 三年前三季度)
    "years_ago": re.compile(r"(?<![0-9〇零一二三四五六七八九十百千几多数近])(?P<n>[1-9][0-9]?|[一两二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十)"
                            r"年前(?![一二三两四1-4]个?季度|[一二三四五六七八九十0-9]+个?月)(?:的(?P<today>今天|今日|这一天|同一天))?"),
    # 上周, 上个星期, 一周前, 两周前: the week(s) before the document's, told at the month's precision
    "last_week": re.compile(r"上一?个?(?:周|星期|礼拜)(?![一二三四五六日天末])|(?<![0-9一二三四五六七八九十几多数])(?P<wk>[一两二三1-3])个?(?:周|星期|礼拜)(?:前|之前)"),
    "rel_day": re.compile(r"(?:" + "|".join(_sorted_keys(ZH_RELATIVE_DAYS)) + r")(?![达送])|(?<![一二三四五六七八九十0-9])(?:上|本|这)?(?:" + "|".join(_sorted_keys(ZH_WEEKDAYS)) + ")"),
    "bare_year": re.compile(r"(?<![0-9A-Za-z.,])(?P<y>(?:19|20)[0-9]{2})(?![0-9.%,年])"),
    "year_quarter": re.compile(r"(?<![0-9A-Za-z])(?P<y>(?:19|20)[0-9]{2})\s*[Qq](?P<qa>[1-4])(?![0-9])"),
}



def _needs(marks: tuple[str, ...], words=()) -> tuple[str, ...]:
    """``marks`` and the ``words`` that hold none of them."""
    return marks + tuple(w for w in words if not any(m in w for m in marks))


# What a sentence must hold for a period expression to be in it: one of these strings, each a
# part every match of the expression has (年 for 2023年, 今年 and 本财年). A sentence with none of them
# is not scanned by that expression; the alternations of plain words are fast enough without.
_ZH_PERIOD_NEEDS = {
    "anchored": _needs(("年",), ZH_RELATIVE_YEARS),
    "half": ("半年",),
    "month_range": ("月",),
    "year_part": ("年",),
    "quarter": ("季", "Q", "q"),
    "year_to_date": ("季",),
    "month": ("月",),
    "rel_day": _needs(("天", "日", "周", "星期"), list(ZH_RELATIVE_DAYS) + list(ZH_WEEKDAYS)),
    "years_ago": ("年前",),
    "last_week": ("上", "周", "星期", "礼拜"),
    "month_day": ("日", "号"),
    "same_month": ("月",),
    "debut_day": ("首日",),
    "bare_year": ("19", "20"),
    "year_quarter": ("Q", "q"),
}


def _zh_cores(text: str) -> list[_P]:
    cores: list[_P] = []
    for kind, regex in _ZH_PERIOD_RES.items():
        needs = _ZH_PERIOD_NEEDS.get(kind)
        if needs and not any(w in text for w in needs):
            continue
        for m in regex.finditer(text):
            p = _P(m.start(), m.end())
            g = m.groupdict()
            if g.get("y"):
                p.year = _zh_year_value(g["y"])
            if g.get("rel"):
                p.rel_year = ZH_RELATIVE_YEARS[g["rel"]]
            q = g.get("qa") or g.get("qb") or g.get("qc")
            if q:
                p.quarter = ZH_QUARTER_NUMBERS[q]
            if g.get("h"):
                p.half = 1 if g["h"] == "上" else 2
            if g.get("hy"):  # 2025年半年度报告, 中期业绩: the interim report is of the first half
                p.half = 1
            if kind == "month_range" and not _range_period(p, int(g["m1"]), int(g["m2"])):
                continue
            if g.get("m"):
                p.month = _zh_small_number(g["m"])
                if g.get("d"):
                    p.day = _zh_small_number(g["d"])
            part = g.get("part") or g.get("mpart") or g.get("qpart")
            if kind == "year_part":
                part = m.group()
            if part:
                p.part = ZH_PART_WORDS.get(part) or ZH_PART_WORDS.get(part[-1], "")
            if kind == "rel_quarter":
                p.rel_quarter = ZH_RELATIVE_QUARTERS[m.group()]
            if kind == "following_year":
                p.following = ZH_FOLLOWING_YEARS[m.group()]
            if kind == "rel_month":
                p.rel_month = ZH_RELATIVE_MONTHS[m.group()]
            if kind == "same_month":
                p.same_month = True
            if kind == "debut_day":
                p.rel_day, p.same_day = 0, True
            if kind == "month_day":
                p.rel_month = ZH_RELATIVE_MONTHS[g["rm"]] if g.get("rm") else 0
                p.day = int(g["d"])
                p.bare_day = not g.get("rm")
            if kind == "rel_day":
                word = m.group()
                if word in ZH_RELATIVE_DAYS:
                    p.rel_day = ZH_RELATIVE_DAYS[word]
                    p.same_day = word in ZH_SAME_DAYS
                else:
                    p.weekday = ZH_WEEKDAYS[word.lstrip("上本这")]
                    p.rel_day = 0
                    if word[0] in "上本这":
                        p.week = -1 if word[0] == "上" else 0
            if kind == "years_ago":
                p.rel_year = -int(_zh_numeral_value(g["n"])) if not g["n"].isdigit() else -int(g["n"])
                p.same_date = bool(g.get("today"))
            if kind == "last_week":
                weeks = int(_zh_numeral_value(g["wk"])) if g.get("wk") and not g["wk"].isdigit() else int(g.get("wk") or 1)
                p.rel_day, p.month_only = -7 * weeks, True
            if kind == "bare_year" and _zh_unit_follows(text, m.end()):
                continue  # 2000件 is a count
            cores.append(p)
    return cores


def _zh_unit_follows(text: str, pos: int) -> bool:
    """"2000件", "2000多", "2000以上", "2058亿元": the number counts something, it is not a year."""
    if pos < len(text) and text[pos] in "万亿千百":
        return True
    if _word_suffix(text, pos, ZH_UNIT_WORDS, _ZH_UNIT_KEYS, spaced=False):
        return True
    if _word_suffix(text, pos, ZH_BOUND_SUFFIXES, _ZH_SUFFIX_KEYS, spaced=False):
        return True
    return text.startswith(tuple(ZH_BOUND_INFIXES), pos)


_ZH_PERIOD_PREFIX_KEYS = _sorted_keys(ZH_PERIOD_PREFIXES)
_ZH_PERIOD_SUFFIX_KEYS = _sorted_keys(ZH_PERIOD_SUFFIXES)


def _zh_qualify(text: str, p: _P, left_limit: int, right_limit: int) -> None:
    hit = _word_prefix(text, p.start, ZH_PERIOD_PREFIXES, _ZH_PERIOD_PREFIX_KEYS, spaced=False)
    prefix = None
    if hit and hit[1] is not None and hit[0] >= left_limit:
        p.start, prefix = hit
    hit = _word_suffix(text, p.end, ZH_PERIOD_SUFFIXES, _ZH_PERIOD_SUFFIX_KEYS, spaced=False)
    suffix = None
    if hit and hit[0] <= right_limit:
        word = text[p.end:hit[0]]
        blocked = word.endswith("内") and text[hit[0]:hit[0] + 1] in tuple(ZH_WITHIN_BLOCKERS)
        if not blocked:
            p.end, suffix = hit
    p.qualifier = prefix or suffix or ""


_EN_YEARREF = r"(?:(?P<y>(?:18|19|20)[0-9]{2})(?![0-9])|(?P<rel>" + "|".join(_sorted_keys(EN_RELATIVE_YEARS)) + r")\b)"
_EN_ORD_Q = "|".join(EN_ORDINAL_QUARTERS)
_EN_MONTH_ALT = r"(?P<mon>" + _EN_MONTH_NAMES + r")\b\.?"
_EN_PERIOD_RES = {
    "ordinal_quarter": re.compile(
        r"\b(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?P<q>" + _EN_ORD_Q + r")(?:\s+fiscal|\s+calendar)?[\s-]+quarter\b(?:\s+(?:of|in)\s+"
        # ("the first quarter of our 2025 fiscal year", "of its fiscal 2025")
        r"(?:(?:the|our|its|their)\s+(?=(?:fiscal\s+|financial\s+)?\d))?(?:the\s+year\s+|(?:fiscal|financial)\s+(?:year\s+)?)?"
        + _EN_YEARREF + r"(?:\s+(?:fiscal|financial)\s+year\b)?)?", re.IGNORECASE),
    "month_range": re.compile(
        r"\b(?:the\s+|from\s+)?(?P<mon1>" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\s*(?:[-–—]|\s(?:to|through)\s)\s*(?P<mon2>"
        + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\b(?:\s+(?:period|quarter|half))?(?:\s+(?:of\s+)?(?P<y>(?:19|20)[0-9]{2}))?",
        re.IGNORECASE),
    "ordinal_half": re.compile(
        r"\b(?:the\s+)?(?P<h>first|second|1st|2nd)[\s-]+half\b(?:\s+(?:of|in)\s+(?:the\s+year\s+|fiscal\s+(?:year\s+)?)?"
        + _EN_YEARREF + ")?", re.IGNORECASE),
    # the interim report is of the first half: "2025 interim results", "half-year results for 2025", a translation's
    # "2025 year middle year performance" (2025年中期业绩), "the six months ended June 30, 2025"
    "interim": re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?:\s+year)?\s+(?P<hi>interim|half[\s-]year(?:ly)?|semi[\s-]annual|middle[\s-]year|mid[\s-]year)"
                          r"(?=\s+(?:results|report|performance|earnings|financial\s+(?:results|report)|achievement)\b)", re.IGNORECASE),
    "interim_after": re.compile(r"\b(?P<hi>interim|half[\s-]year(?:ly)?|semi[\s-]annual)\s+(?:results|report|earnings|financial\s+results)\s+(?:for|of)\s+"
                                r"(?:the\s+year\s+|fiscal\s+(?:year\s+)?)?(?P<y>(?:19|20)[0-9]{2})(?![0-9])", re.IGNORECASE),
    "six_months": re.compile(r"\b(?:the\s+)?(?P<hi>six|6)\s+months\s+(?:ended|ending|to|through)\s+(?:on\s+)?(?:June\s+30|30\s+June),?\s+"
                             r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])", re.IGNORECASE),
    "h_form": re.compile(
        r"(?<![A-Za-z0-9])(?:H(?P<ha>[12])|(?P<hb>[12])H)(?![0-9A-Za-z])(?:\s*(?:of\s+)?" + _EN_YEARREF + ")?"),
    # a machine translation of 2024年11月18日, 去年11月
    "mt_date": re.compile(r"(?:(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s+year|\b(?P<rel>last\s+year|this\s+year|next\s+year))\s+(?P<mm>1[0-2]|0?[1-9])\s+month"
                          r"(?:\s+(?P<d>3[01]|[12][0-9]|0?[1-9])\s+(?:day|date|number)\b)?", re.IGNORECASE),
    # … of 8月27日 and 10月 told without their year ("in 8 month 27 day", "10 month single month deliver"): a day or a
    # month of the document's year; a month alone only after a word of time or at a clause's start (not "3 month period")
    "mt_month_day": re.compile(r"(?<![0-9.,])(?<!year )(?P<mm>1[0-2]|0?[1-9])\s+month\s+(?P<d>3[01]|[12][0-9]|0?[1-9])\s+(?:day|date|number)\b",
                               re.IGNORECASE),
    "mt_month": re.compile(r"(?:(?<=\bin )|(?<=\bat )|(?<=\bsince )|(?<=\buntil )|(?<=\bthis year )|(?<=^)|(?<=[,;:.] )|(?<=\n))"
                           r"(?P<mm>1[0-2]|0?[1-9])\s+month\b(?!s|\s+[0-9])", re.IGNORECASE),
    # 2010年4月 rendered "2010 April": a year then a month's name (capitalised: "2010 may" is no month)
    "year_month_name": re.compile(r"(?<![\w$.,#])(?P<y>(?:19|20)[0-9]{2})\s+(?P<mon>"
                                  + "|".join(sorted((m.capitalize() for m in EN_MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
                                  + r")\b(?!\s+[0-9])"),
    # … of 2024年第三季度, 2024年上半年, 2024年: "2024 year third quarter", "2024 year upper half year", "2024 year"
    "mt_quarter": re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s+year\s+(?:the\s+)?(?P<q>" + _EN_ORD_Q + r")\s+quarter\b", re.IGNORECASE),
    "mt_half": re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s+year\s+(?:the\s+)?(?P<h>first|second|upper|lower)\s+half(?:\s+year)?\b",
                          re.IGNORECASE),
    "mt_year": re.compile(r"(?<![\w$.,#])" + _EN_MT_YEAR),
    "year_ended": re.compile(r"\b(?:the\s+)?(?:full\s+|fiscal\s+|financial\s+)?year\s+(?:that\s+|which\s+)?(?:ended|ending)\s+(?:on\s+)?"
                             r"(?:" + _EN_MONTH_NAMES + r")\.?\s+[0-9]{1,2},?\s+(?P<y>(?:19|20)[0-9]{2})(?![0-9])", re.IGNORECASE),
    # "the fiscal year that ended on March 31": the year of the latest such day on or before the document's date
    "year_ended_undated": re.compile(r"\b(?:the\s+)?(?:full\s+|fiscal\s+|financial\s+)?year\s+(?:that\s+|which\s+)?(?:ended|ending)\s+"
                                     r"(?:on\s+)?(?P<yem>" + _EN_MONTH_NAMES + r")\.?\s+(?P<yed>[0-9]{1,2})\b(?!,?\s+(?:19|20)[0-9]{2})",
                                     re.IGNORECASE),
    # "the quarter ended June 30, 2024", "the three months ended March 31, 2024": the calendar quarter the date ends
    "quarter_ended": re.compile(r"\b(?:the\s+)?(?:fiscal\s+|financial\s+)?(?:quarter|three[\s-]+months?)\s+(?:that\s+|which\s+)?"
                                r"(?:ended|ending)\s+(?:on\s+)?(?P<qend>" + _EN_MONTH_NAMES + r")\.?\s+[0-9]{1,2},?\s+"
                                r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])", re.IGNORECASE),
    "fiscal_year": re.compile(r"(?<![A-Za-z0-9])FY\s?(?:(?P<y>(?:19|20)[0-9]{2})|(?P<yy>[0-9]{2}))(?![0-9])"),
    "possessive_quarter": re.compile(
        _EN_YEARREF + r"'s\s+(?P<q>" + _EN_ORD_Q + r")\s+quarter\b", re.IGNORECASE),
    "q_form": re.compile(
        r"(?<![A-Za-z0-9])Q(?P<qa>[1-4])(?![0-9A-Za-z])(?:\s*(?:of\s+)?" + _EN_YEARREF + ")?", re.IGNORECASE),
    "year_q": re.compile(r"(?<![0-9A-Za-z])(?P<y>(?:19|20)[0-9]{2})\s*Q(?P<qa>[1-4])(?![0-9])", re.IGNORECASE),
    "month_day": re.compile(
        r"\b" + _EN_MONTH_ALT + r"\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9])(?:,?\s*(?P<y>(?:18|19|20)[0-9]{2})(?![0-9]))?",
        re.IGNORECASE),
    "day_month": re.compile(
        r"(?<![0-9A-Za-z.])(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN_MONTH_ALT
        + r"(?:,?\s*(?P<y>(?:18|19|20)[0-9]{2})(?![0-9]))?", re.IGNORECASE),
    "month_year": re.compile(r"\b" + _EN_MONTH_ALT + r",?\s+(?:of\s+)?" + _EN_YEARREF, re.IGNORECASE),
    "month": re.compile(
        r"\b(?:" + "|".join(EN_MONTH_LEADERS) + r")\s+(?P<mon>" + _EN_MONTH_NAMES_NO_MAY + r")\b",
        re.IGNORECASE),
    # "in May" with a capital M is the month ("in may" would be the verb): case kept
    "month_may": re.compile(r"\b(?:" + "|".join(w for lead in EN_MONTH_LEADERS for w in (lead, lead.capitalize()))
                            + r")\s+(?P<mon>May)\b"),
    # a year of the 1800s only after "in" or "since" ("founded in 1876"): alone, 1850 is more often a count
    "year": re.compile(r"(?<![\w$.,#])(?P<y>(?:19|20)[0-9]{2}|(?:(?<=\bin )|(?<=\bsince ))18[0-9]{2})(?![0-9]|\.[0-9]|,[0-9]{3}|%|[A-Za-z])"),
    "rel_year": re.compile(r"\b(?P<rel>" + "|".join(_sorted_keys(EN_RELATIVE_YEARS)) + r")\b", re.IGNORECASE),
    "rel_quarter": re.compile(r"\b(?:" + "|".join(_sorted_keys(EN_RELATIVE_QUARTERS)) + r")\b", re.IGNORECASE),
    "following_year": re.compile(r"\b(?:" + "|".join(_sorted_keys(EN_FOLLOWING_YEARS)) + r")\b", re.IGNORECASE),
    "rel_month": re.compile(r"\b(?:" + "|".join(_sorted_keys(EN_RELATIVE_MONTHS)) + r")\b", re.IGNORECASE),
    # "the same month", "later that month": the month just told; not "the same month last year", a month compared with
    # "its first day of trading", "the stock's market debut": the day of the listing just told, else the document's
    "debut_day": re.compile(r"\b(?:first\s+day\s+of\s+trading|first\s+trading\s+day|(?:trading|market|stock[\s-]market)\s+debut)\b",
                           re.IGNORECASE),
    "same_month": re.compile(r"\b(?:(?:later|earlier)\s+that|that\s+same|the\s+same|that)\s+month\b"
                             r"(?!\s+(?:a\s+year|last\s+year|of\s+(?:the\s+)?(?:last|previous|prior)|the\s+(?:previous|prior)|in\s+20[0-9]{2}))",
                             re.IGNORECASE),
    "rel_day": re.compile(r"\b(?:" + "|".join(_sorted_keys(EN_RELATIVE_DAYS)) + r")\b|\b(?<=on )(?:"
                          + "|".join(EN_WEEKDAYS) + r")\b|\b(?:" + "|".join(EN_WEEKDAYS) + r")(?='s\b)", re.IGNORECASE),
    # "two years ago", "five years ago today": years before the document's date ("a year ago" is mostly a comparison)
    "years_ago": re.compile(r"\b(?P<n>(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)|[2-9]|[1-9][0-9])"
                            r"\s+years\s+ago\b(?P<today>\s+today\b)?", re.IGNORECASE),
    "last_week": re.compile(r"\blast\s+week\b|\b(?P<wk>a|one|two|three|[1-3])\s+weeks?\s+ago\b", re.IGNORECASE),
    # "the first three quarters", a translation's "before three quarters" (前三季度): the year so far, at the year's precision
    "year_to_date": re.compile(r"\b(?:the\s+)?(?:first|before|front)\s+(?:two|three|2|3)\s+quarters\b"
                               r"(?:\s+of\s+(?:the\s+year\s+|fiscal\s+(?:year\s+)?)?" + _EN_YEARREF + ")?", re.IGNORECASE),
    "year_part": re.compile(
        r"\b(?:the\s+)?(?P<part>" + "|".join(EN_PART_WORDS) + r")\s+of\s+the\s+year\b", re.IGNORECASE),
}


def _en_cores(text: str) -> list[_P]:
    cores: list[_P] = []
    for kind, regex in _EN_PERIOD_RES.items():
        for m in regex.finditer(text):
            g = m.groupdict()
            span = m.span("mon") if kind in ("month", "month_may") else m.span()
            p = _P(*span)
            if g.get("y"):
                p.year = int(g["y"])
            if g.get("rel"):
                p.rel_year = EN_RELATIVE_YEARS[re.sub(r"\s+", " ", g["rel"].lower())]
            if g.get("yy"):
                p.year = 2000 + int(g["yy"])
            if kind == "month_range" and not _range_period(p, EN_MONTHS[g["mon1"].lower()], EN_MONTHS[g["mon2"].lower()]):
                continue
            if g.get("mm"):
                p.month = int(g["mm"])
            if g.get("hi"):
                p.half = 1
            if g.get("h") or g.get("ha") or g.get("hb"):
                p.half = 1 if (g.get("h") or g.get("ha") or g.get("hb")).lower() in ("first", "1st", "1", "upper") else 2
            if g.get("q"):
                p.quarter = EN_ORDINAL_QUARTERS[g["q"].lower()]
            if g.get("qa"):
                p.quarter = int(g["qa"])
            if g.get("mon"):
                if g["mon"].lower() == "may" and g["mon"][0] != "M":
                    continue  # "we may 5": the verb
                p.month = EN_MONTHS[g["mon"].lower()]
            if g.get("d"):
                p.day = int(g["d"])
            if g.get("part"):
                p.part = EN_PART_WORDS[g["part"].lower()]
            if kind == "rel_quarter":
                p.rel_quarter = EN_RELATIVE_QUARTERS[re.sub(r"\s+", " ", m.group().lower())]
            if kind == "following_year":
                p.following = EN_FOLLOWING_YEARS[re.sub(r"\s+", " ", m.group().lower())]
            if kind == "rel_month":
                p.rel_month = EN_RELATIVE_MONTHS[re.sub(r"\s+", " ", m.group().lower())]
            if kind == "same_month":
                p.same_month = True
            if kind == "debut_day":
                p.rel_day, p.same_day = 0, True
            if kind == "rel_day":
                word = re.sub(r"\s+", " ", m.group().lower())
                if word in EN_WEEKDAYS:
                    p.weekday, p.rel_day = EN_WEEKDAYS[word], 0
                else:
                    p.rel_day = EN_RELATIVE_DAYS[word]
            if kind == "year_ended_undated":
                p.year_end = (EN_MONTHS[g["yem"].lower()], int(g["yed"]))
            if kind == "quarter_ended":
                month = EN_MONTHS[g["qend"].lower()]
                if month % 3 or re.search(r"\b(?:" + _EN_ORD_Q + r")(?:\s+fiscal)?\s+$", text[:m.start()], re.IGNORECASE):
                    continue  # a fiscal quarter ending mid-quarter, or "the fourth quarter ended …" (see _merge_ended)
                p.quarter = month // 3
            if kind == "years_ago":
                n = g["n"].lower()
                p.rel_year = -(int(n) if n.isdigit() else EN_SMALL.get(n) or EN_TENS[n])
                p.same_date = bool(g.get("today"))
            if kind == "last_week":
                wk = (g.get("wk") or "one").lower()
                p.rel_day, p.month_only = -7 * (int(wk) if wk.isdigit() else 1 if wk == "a" else EN_SMALL[wk]), True
            if kind == "year" and _en_year_is_amount(text, m.start(), m.end()):
                continue
            cores.append(p)
    return cores


_EN_SCALE_AFTER_RE = re.compile(r"\s*(?:" + "|".join(_sorted_keys({**EN_COMPOUND_SCALES, **EN_SCALES, **EN_SCALE_ABBREVIATIONS}))
                                + r")(?![\w-])", re.IGNORECASE)


# a time word that opens a sentence or a line ("In 2024 guests booked …", "During 2023 users …")
_EN_OPENING_TIME_WORD = re.compile(r"(?:^|[.!?;\n][\"'’”)]?\s+|\n)(?:In|During|Since|By|Throughout|Until|Through)\s+$")


def _en_opening_year(text: str, start: int, digits: str) -> bool:
    """Is the number ``digits`` at ``start`` a year a sentence opens with, after a time word ("In 2024 guests
    booked 491 million nights")? Then a plural noun after it does not make it a count."""
    return re.fullmatch(r"[0-9]{4}", digits) is not None and BARE_YEAR_RANGE[0] <= int(digits) <= BARE_YEAR_RANGE[1] \
        and _EN_OPENING_TIME_WORD.search(text, max(0, start - 16), start) is not None


def _en_year_is_amount(text: str, start: int, end: int) -> bool:
    """"2000 employees", "2000 or more", "RMB 2000", "top 2000", "2058 hundred million yuan": not a year."""
    if _EN_SCALE_AFTER_RE.match(text, end):
        return True
    if _en_opening_year(text, start, text[start:end]):
        return False  # "In 2024 guests booked …", "During 2023 customers …": a sentence that opens with its time
    if _en_unit_after(text, end) is not None:
        return True
    if _word_suffix(text, end, EN_BOUND_SUFFIXES, _EN_SUFFIX_KEYS, spaced=True):
        return True
    if _word_prefix(text, start, EN_CURRENCY_PREFIXES, _EN_CURRENCY_KEYS, spaced=True):
        return True
    return bool(_EN_RANK_BEFORE_RE.search(text[max(0, start - 20):start]))


_EN_PERIOD_PREFIX_KEYS = _sorted_keys(EN_PERIOD_PREFIXES)
_EN_PERIOD_SUFFIX_KEYS = _sorted_keys(EN_PERIOD_SUFFIXES)


_EN_MT_SINCE = re.compile(r"\s+(?:since|up\s+to\s+now|so\s+far)\b(?!\s+(?:then|that))", re.IGNORECASE)


def _en_qualify(text: str, p: _P, left_limit: int, right_limit: int) -> None:
    prefix = None
    # up to two words: "since early 2017" = since + early
    for _ in range(2):
        hit = _word_prefix(text, p.start, EN_PERIOD_PREFIXES, _EN_PERIOD_PREFIX_KEYS, spaced=True)
        if not hit or hit[0] < left_limit:
            break
        p.start = hit[0]
        if hit[1] in _PART_QUALIFIERS and not p.part:
            p.part = hit[1]
        elif hit[1] in _TEMPORAL_QUALIFIERS:
            prefix = hit[1]
            break
    hit = _word_suffix(text, p.end, EN_PERIOD_SUFFIXES, _EN_PERIOD_SUFFIX_KEYS, spaced=True)
    suffix = None
    if hit and hit[0] <= right_limit:
        p.end, suffix = hit
    elif not prefix:
        # a translation's "2021 year since", "2021 year 3 month since" (自2021年以来): since then, in Chinese order
        mt = _EN_MT_SINCE.match(text, p.end)
        if mt and re.search(r"\b(?:year|month|day)$", text[p.start:p.end], re.IGNORECASE) and mt.end() <= right_limit:
            p.end, suffix = mt.end(), "since"
    p.qualifier = prefix or suffix or ""


def _shift(year: int, index: int, offset: int, per_year: int) -> tuple[int, int]:
    """(year, n) after moving ``offset`` quarters/months from (year, index), 1-based."""
    total = year * per_year + (index - 1) + offset
    return total // per_year, total % per_year + 1


def _resolve(p: _P, doc_date: Optional[datetime.date], context_year: Optional[int], own_context: bool = True,
             stale: bool = False) -> Optional[_P]:
    """Fill in the year; None when it cannot be known (relative without a document date)."""
    if p.year is not None:
        return p
    if p.rel_year is not None:
        if doc_date is None:
            return None
        p.year = doc_date.year + p.rel_year
        if p.same_date and not (p.month or p.quarter or p.half):  # 两年前的今天: that day, years before
            p.month, p.day = doc_date.month, doc_date.day
    elif p.rel_quarter is not None:
        if doc_date is None:
            return None
        p.year, p.quarter = _shift(doc_date.year, (doc_date.month - 1) // 3 + 1, p.rel_quarter, 4)
    elif p.rel_month is not None:
        if doc_date is None:
            return None
        back = -1 if p.bare_day and p.day is not None and p.day > doc_date.day else 0
        p.year, p.month = _shift(doc_date.year, doc_date.month, p.rel_month + back, 12)
    elif p.rel_day is not None:
        if doc_date is None:
            return None
        day = doc_date + datetime.timedelta(days=p.rel_day)
        if p.weekday is not None and p.week is not None:  # 上周五: the Friday of the week before the document's
            day += datetime.timedelta(days=7 * p.week + p.weekday - day.weekday())
        elif p.weekday is not None:  # "on Monday": the latest Monday on or before the day
            day -= datetime.timedelta(days=(day.weekday() - p.weekday) % 7)
        p.year, p.month, p.day = day.year, day.month, (None if p.month_only else day.day)
    elif p.following is not None:
        if context_year is None:
            return None  # 次年 with no year before it: unknown
        p.year = context_year + p.following
    elif p.year_end is not None:
        if doc_date is None:
            return None
        p.year = doc_date.year if p.year_end <= (doc_date.month, doc_date.day) else doc_date.year - 1
    elif context_year is not None and (own_context or p.quarter or p.half) and not stale:
        p.year = context_year
    elif doc_date is not None:
        p.year = doc_date.year
        # "the fourth quarter" in a report of January 2024 is the one that ended, 2023's; so is
        # "unveiled in September" or "on November 30" (a time yet to come takes its year explicitly)
        first_month = p.month or ((p.quarter - 1) * 3 + 1 if p.quarter else (p.half - 1) * 6 + 1 if p.half else None)
        if first_month is not None and (first_month, p.day or 1) > (doc_date.month, doc_date.day) and not p.to_come:
            p.year -= 1
    else:
        return None
    return p


_STATE_REACHED = re.compile(r"(?:截至|截止|as\s+of\b)", re.IGNORECASE)


def _state_at_year_end(text: str, p: _P) -> bool:
    """A bare year's end (年底, 年末, "the end of the year") after 截至 or "as of": a state already
    reached, told without its year (到年底, "by the end of the year" may be still to come)."""
    if p.part != "late" or p.month or p.quarter or p.half or p.day or p.rel_month is not None or p.rel_day is not None \
            or p.rel_quarter is not None or p.following is not None or p.year_end is not None:
        return False
    if p.qualifier == "by":
        return _STATE_REACHED.match(text, p.start) is not None
    # "The Company had 8,801 employees at the end of the year": a state told in the past at a year's end is at
    # the last one already reached, not at the end of the year the text is written in
    before = text[max(0, p.start - 80):p.start]
    clause = re.split(r"[,;:.!?]\s", before)[-1]
    if p.qualifier or re.search(r"\bat\s+$", clause, re.IGNORECASE) is None:
        return False
    after = re.split(r"[,;:.!?](?:\s|$)", text[p.end:p.end + 80].lstrip(" ,"))[0]  # "At the end of the year, it had …"
    return _PAST_STATE.search(clause) is not None or (not clause[:-3].strip() and _PAST_STATE.search(after) is not None)


_PAST_STATE = re.compile(r"\b(?:had|was|were|stood|employed|counted|numbered|totall?ed)\b", re.IGNORECASE)


def _valid(p: _P) -> bool:
    if p.year is None or not 1 <= p.year <= 9999:
        return False
    if p.quarter is not None and not 1 <= p.quarter <= 4:
        return False
    if p.month is not None:
        if not 1 <= p.month <= 12:
            return False
        if p.day is not None and not 1 <= p.day <= calendar.monthrange(p.year, p.month)[1]:
            return False
    elif p.day is not None:
        return False
    return True


_ENDED_RE = re.compile(r"\s*,?\s*(?:which\s+|that\s+)?(?:ended|ending)\s+(?:on\s+|in\s+)?$|\s*(?:截至|截止)$", re.IGNORECASE)


def _merge_ended(text: str, cores: list[_P]) -> list[_P]:
    """"the fourth quarter ended December 31, 2023": a quarter or half without a year takes the
    year of the date that ends it, and the two are one expression."""
    out: list[_P] = []
    skip = False
    for i, p in enumerate(cores):
        if skip:
            skip = False
            continue
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        if (nxt is not None and p.year is None and p.rel_year is None and (p.quarter or p.half)
                and (nxt.year is not None or nxt.month) and _ENDED_RE.match(text[p.end:nxt.start]) is not None):
            p.year, p.end = nxt.year, nxt.end
            skip = True
        elif (nxt is not None and p.month and p.year is None and p.rel_year is None and p.following is None and not p.day
                and (nxt.following is not None or nxt.rel_year is not None) and nxt.month is None and nxt.quarter is None
                and re.fullmatch(r"\s+of\s+", text[p.end:nxt.start])):
            # "in December of that year", "in March of last year": the month of the year the words point to
            p.following, p.rel_year, p.end = nxt.following, nxt.rel_year, nxt.end
            skip = True
        elif (nxt is not None and (p.quarter or p.half) and (nxt.quarter or nxt.half) and nxt.year is not None
                and re.fullmatch(r",?\s*[(（]\s*", text[p.end:nxt.start])):
            # "the fourth quarter (January to March 2024)": a fiscal quarter, told in calendar months
            nxt.start = p.start
            p = nxt
            skip = True
        out.append(p)
    return out


# words that tell a time as still to come, before it and after it: 将于4月1日, 自4月1日起生效, "effective April 1",
# "will step down on April 1" (a month told without its year is then not last year's)
_TO_COME = {
    "zh": (re.compile(r"(?:将|将于|将在|将从|将自|预计于|预计在|计划于|计划在|拟于|拟在|定于|有望于|即将于)\s*$"), re.compile(r"\s*起?(?:正式)?生效")),
    "en": (re.compile(r"\b(?:effective|will\s+(?:\w+\s+){0,5}(?:on|in|from)|scheduled\s+(?:for|on)|due\s+(?:on|in)|set\s+for)\s*$",
                      re.IGNORECASE), re.compile(r"(?!)")),
}


def find_periods(text: str, lang: str, doc_date: datetime.date | None,
                 context_year: Optional[int] = None, context_stale: bool = False,
                 context_day: datetime.date | None = None, context_month: tuple[int, int] | None = None) -> list[PeriodRef]:
    """Time expressions in ``text`` resolved against ``doc_date``, sorted and non-overlapping.

    Expressions without a year ("年初", "February 7", "Q3") take the latest year stated
    earlier in the same text, else ``context_year`` (the year the text before it was about),
    else the document date's year; a ``context_stale`` year (long before the document date, or in a text with no date long before the
    latest year it tells) dates
    only what points back to it ("later that year", 同年), not a bare quarter. 当天 and 同日 are
    the last day told before them in the text, else ``context_day``, else the document's; 同月 and "that month"
    the last month told before them, else ``context_month`` (a year and a month), else unknown. Relative expressions
    (去年, "last year") need ``doc_date``; without it they are skipped.
    """
    _check_lang(lang)
    scan = text.translate(_FULLWIDTH)
    cores = _merge_ended(scan, _non_overlapping(_zh_cores(scan) if lang == "zh" else _en_cores(scan)))
    qualify = _zh_qualify if lang == "zh" else _en_qualify
    out: list[PeriodRef] = []
    own = False  # a year from the text before (``context_year``) only dates quarters and halves
    for i, p in enumerate(cores):
        left_limit = cores[i - 1].end if i else 0
        right_limit = cores[i + 1].start if i + 1 < len(cores) else len(scan)
        qualify(scan, p, left_limit, right_limit)
        p.to_come = _TO_COME[lang][0].search(scan, max(0, p.start - 40), p.start) is not None \
            or _TO_COME[lang][1].match(scan, p.end) is not None
        has_own_year = p.year is not None or p.rel_year is not None
        if not has_own_year and not own and _state_at_year_end(scan, p):
            p.year_end = (12, 31)  # 截至年底, "as of the end of the year": the last year's end by the document's date
        if p.same_day and context_day is not None:
            p.year, p.month, p.day, p.rel_day = context_day.year, context_day.month, context_day.day, None
        if p.same_month:
            if context_month is None:
                continue  # 同月 with no month told before it: unknown
            p.year, p.month = context_month
        resolved = _resolve(p, doc_date, context_year, own, context_stale and not own)
        if resolved is None or not _valid(resolved):
            continue
        if resolved.day and resolved.month and not p.qualifier:
            context_day = datetime.date(resolved.year, resolved.month, resolved.day)
        if resolved.month:
            context_month = (resolved.year, resolved.month)
        # 同年3月, "later that year, in March": the year a following-year word points to dates what comes after it
        if has_own_year or p.following is not None:
            context_year, own = resolved.year, True
        qualifier = p.qualifier if p.qualifier in _TEMPORAL_QUALIFIERS else p.part
        out.append(PeriodRef(year=p.year, quarter=p.quarter, month=p.month, day=p.day, qualifier=qualifier,
                             start=p.start, end=p.end, text=text[p.start:p.end], half=p.half))
    return out


# ============================================================ period_bounds


def _span(p: PeriodRef) -> tuple[datetime.date, datetime.date]:
    y = p.year
    if p.month:
        if p.day:
            d = datetime.date(y, p.month, p.day)
            return d, d
        return datetime.date(y, p.month, 1), datetime.date(y, p.month, calendar.monthrange(y, p.month)[1])
    if p.quarter:
        first = 3 * (p.quarter - 1) + 1
        return datetime.date(y, first, 1), datetime.date(y, first + 2, calendar.monthrange(y, first + 2)[1])
    if p.half:
        return (datetime.date(y, 1, 1), datetime.date(y, 6, 30)) if p.half == 1 else (datetime.date(y, 7, 1), datetime.date(y, 12, 31))
    return datetime.date(y, 1, 1), datetime.date(y, 12, 31)


def _part_span(p: PeriodRef, start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Early/mid/late thirds: months of a year (Jan–Apr, May–Aug, Sep–Dec) or of a
    quarter, days of a month (1–10, 11–20, 21–end). A single day has no parts."""
    third = _PART_QUALIFIERS.index(p.qualifier)
    if p.day:
        return start, end
    if p.month:
        first_day = 1 + 10 * third
        last_day = end.day if third == 2 else first_day + 9
        return start.replace(day=first_day), start.replace(day=last_day)
    months_per_third = 1 if p.quarter else 4
    first_month = start.month + third * months_per_third
    last_month = first_month + months_per_third - 1
    return (datetime.date(p.year, first_month, 1),
            datetime.date(p.year, last_month, calendar.monthrange(p.year, last_month)[1]))


def period_bounds(p: PeriodRef) -> tuple[datetime.date | None, datetime.date | None]:
    """First and last day (inclusive) of the period; open-ended for since/by/within.

    "since" -> (start, None); "by"/"within" -> (None, end); a period without a year
    -> (None, None). Raises ValueError for a PeriodRef that names no real date.
    """
    if p.year is None:
        return None, None
    try:
        start, end = _span(p)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"period {p.key!r} does not name a real date: {exc}") from exc
    if p.qualifier == "since":
        return start, None
    if p.qualifier in ("by", "within"):
        return None, end
    if p.qualifier in _PART_QUALIFIERS:
        return _part_span(p, start, end)
    if p.qualifier:
        raise ValueError(f"unknown period qualifier {p.qualifier!r} in {p.key!r}")
    return start, end


def period_end(p: PeriodRef) -> PeriodRef | None:
    """The time "as of the end" of a period, at the precision the README gives a state: a year's
    end is the year itself (截至2023年底 → 2023), a quarter's, half's or month's is its last day
    ("as of September 30, 2024"). None for a period without a year or with a qualifier."""
    if p.year is None or p.qualifier:
        return None
    if not (p.quarter or p.half or p.month) or p.day:
        return PeriodRef(p.year, None, p.month, p.day, "asof")
    _, last = _span(p)
    if (last.month, last.day) == (12, 31):
        return PeriodRef(last.year, qualifier="asof")  # a fourth quarter's or second half's end: the year's end
    return PeriodRef(last.year, None, last.month, last.day, "asof")
