"""Stage 2a: what a document is about, when its manifest does not say.

Real documents rarely come with a manifest. From the text alone this stage infers the
document's date (a dateline, a dated heading, "今天是…", "as of …"), its topic
organisation (the company the text is about: named in the title or lead, and named most
often), its speaker (a person named at the top of a first-person text: a speech or an
interview), its context (cue words, ``data/contexts.yaml``) and, for Chinese, the home
country that 国内 means. What the manifest gives is never overridden.
"""
from __future__ import annotations

import dataclasses
import functools
import datetime as dt
import re
from collections import Counter
from pathlib import Path

from . import numbers, resources
from .lang import Language
from .lang.spans import alternation, name_spans, stop_after, stop_before
from .lexicon import Lexicon
from .types import Document, EntityInfo

# Only the top of a document carries its own date: a dated heading or a dateline, before
# the first paragraph of running text (a sentence of 40 characters or more) that is not dated.
HEAD_LINES = 6
_BODY_LINE = re.compile(r"^.{40,}[。.!?！？]\s*$")
# A date is a dateline when it opens its line, or follows a place ("BEIJING, March 26, 2024",
# "CUPERTINO, California, Sept 9, 2024", "【香港，2024年3月19日】", a translation's "[Shenzhen, 2024 year 12 month 4 day]",
# "ACME ROBOTICS (December 4, 2024) –", 证券时报网讯（2025年3月20日）, a translation's 帕洛阿尔托，加利福尼亚州，2024年11月26日) or a news agency's mark ("新华社北京电").
# A Chinese lead ending in a preposition or verb (小米成立于, 公司在) begins a sentence, not a dateline.
_DATELINE_LEAD = re.compile(
    r"^[\s\W]{0,3}$"
    r"|^[\[【(（]?[A-Z][A-Za-z .'/-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30}){0,3}\s*(?:\([A-Za-z. ]+\))?\s*[,—–-]\s*$"
    r"|^[A-Z][A-Za-z .'/-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30}){0,3}\s*[(（]\s*$"
    r"|^[\s\W]{0,3}(?:[\u4e00-\u9fff]{2,8}(?<![于在是为到至自从])[，,]\s*){0,2}[\u4e00-\u9fff]{2,8}(?<![于在是为到至自从])[，,]?\s*$"
    r"|^.{0,40}(?:电|讯|消息|\b(?:message|news|reports?|dispatch))[：:,，（(]?\s*$")


def _dated_heading(line: str, p) -> bool:
    """A heading that ends with its date ("Panasonic Holdings Group Strategy Briefing, Tokyo, May 9,
    2025", "（2024年3月29日，深圳）" aside): short, no sentence in it, the date after a comma or a dash."""
    rest = line[p.end:].strip(" )）】]")
    return len(line) <= 120 and not rest and re.search(r"[,，—–-]\s*$", line[:p.start]) is not None \
        and not re.search(r"[.。!?！？]\s", line[:p.start])


# a clock time after a date, with its half of the day and its zone ("10:32 a.m. ET", "08:30")
_CLOCK_AFTER = re.compile(r"(?:at\s+)?[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,4})?", re.IGNORECASE)


def _byline(line: str, p, lang: Language) -> bool:
    """A short line at the top ending with its date after a byline or note word (本报记者 上海报道
    2024年5月24日, "Company profile — updated 14 March 2025")."""
    before = re.sub(r"(?:至|到|于|as\s+of|on)$", "", line[:p.start].rstrip(" :：,，（(")).rstrip()  # 资料更新至…, "updated on …"
    before = re.sub(r"\s+(?:in|at)\s+[A-Z][A-Za-z .'-]{1,30}$", "", before)  # "issued in Shenzhen on …"
    words = lang.words.get("dateline_words") or []
    if p.qualifier not in ("", "by", "asof") or len(line) > 80 or re.search(r"[.。!?！？]\s", before):
        return False
    after = line[p.end:].strip(" )）】]")
    if not after or _CLOCK_AFTER.fullmatch(after):  # "Updated Dec. 4, 2024 10:32 a.m. ET"
        return any(before.lower().endswith(w.lower()) for w in words)
    # 特斯拉公司简介（2024年4月15日更新）, "(March 3, 2025, updated)": the word after the date, in its brackets
    return re.search(r"[（(]\s*$", line[:p.start]) is not None and after.strip(" ,，").lower() in {w.lower() for w in words}


def _date_line(line: str, p) -> bool:
    """A short line at the top where a whole date stands apart between a byline and a place (记者 周楠
    2025年4月20日 北京, 记者｜本刊  2024年11月20日 上海): no sentence, no other number, the date set off by spaces."""
    before, after = line[:p.start], line[p.end:]
    rest = (before + " " + after).strip()
    return len(rest) <= 24 and not re.search(r"[0-9.。!?！？，,;；:：]", rest.replace("｜", "").replace("|", "")) \
        and (not before.strip() or re.search(r"\s$", before) is not None) and (not after.strip() or re.match(r"\s", after) is not None)


def _lead(line: str, p, lang: Language) -> bool:
    """A date right after a word that opens a text's note on itself (编者按：2025年4月22日，…接受了本刊专访;
    "Editor's note: On March 3, 2025, …"): the day the text was made."""
    before = line[:p.start].strip(" ：:,，—–-").lower()
    before = re.sub(r"\s*(?:on|于)$", "", before).strip(" ：:,，—–-")
    return not p.qualifier and bool(before) and before in {w.lower() for w in lang.words.get("dateline_leads") or []}


def _note(line: str, p, lang: Language) -> bool:
    """A note on the text at its top, in brackets, whose last clause says when it was issued ("(Machine
    translation of the company's introduction, issued in Shenzhen on 2025 year 3 month 20 day)", （本文译自公司
    介绍材料，2025年3月20日发布于深圳）): a dateline word in the clause of the date, the note closing after it."""
    head, tail = line[:p.start], line[p.end:]
    if p.qualifier or not re.match(r"\s*[(（\[【]", line) or not re.fullmatch(r"[^()（）\[\]【】]{0,16}[)）\]】]\s*", tail):
        return False
    clause = re.split(r"[,，;；:：(（\[【]", head)[-1] + " " + re.sub(r"[)）\]】]\s*$", "", tail)
    words = lang.words.get("dateline_words") or []
    edge = r"(?<![A-Za-z])" if lang.code == "en" else ""
    return len(clause) <= 60 and any(re.search(edge + re.escape(w) + (r"(?![A-Za-z])" if edge else ""), clause, re.IGNORECASE)
                                     for w in words)


def _dispatch(line: str, p) -> bool:
    """A news agency's dispatch line, translated word for word or not: "Shanghai 2024 year 11 month 6 day
    electricity (reporter …)", "This newspaper Shenzhen 12 month 4 day news" (本报深圳12月4日讯), 上海11月6日电."""
    return re.fullmatch(r"\s*[A-Z][A-Za-z.'-]*(?:\s+[A-Za-z.'-]+){0,3}\s*|[\u4e00-\u9fff]{2,14}", line[:p.start]) is not None \
        and re.match(r"\s*(?:electricity|electric|dispatch|message|news|report|电|讯)", line[p.end:p.end + 16], re.IGNORECASE) is not None


# a date written in figures, year first (2025-03-20, 2025/3/20, 2025.03.20), and a clock time beside it (10:30)
_NUMERIC_DATE = re.compile(r"(?<![0-9./-])((?:19|20)[0-9]{2})([-/.])([01]?[0-9])\2([0-3]?[0-9])(?![0-9]|[./-][0-9])")
_CLOCK = re.compile(r"(?<![0-9])[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?(?![0-9])")


def _numeric_date_line(line: str) -> dt.date | None:
    """The date of a short line at the top that gives one in figures (发布时间：2025-03-20 10:00, "Date: 2025/3/20",
    来源：证券时报 2025.03.20): no sentence in the line, one date in it."""
    found = list(_NUMERIC_DATE.finditer(line))
    if len(found) != 1:
        return None
    m = found[0]
    rest = _CLOCK.sub("", line[:m.start()] + " " + line[m.end():]).strip()
    if len(rest) > 40 or re.search(r"[。！？!?]|[.;；]\s", rest) or re.search(r"[0-9]{3,}", rest):
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None


def _dateline(lines: list[str], lang: Language, year_end: dt.date | None) -> dt.date | None:
    """The date of a dateline or a dated heading in the top lines; with ``year_end``, a date
    without a year (12月4日电, "June 14 —") is of that year."""
    for line in lines:
        for p in numbers.find_periods(line[:200], lang.code, year_end):
            if year_end is not None and not re.search(r"[0-9]", p.text):
                continue  # 今天, "yesterday": nothing to do with the year of the lead
            if p.day and p.month and (not p.qualifier and (_DATELINE_LEAD.match(line[:p.start]) or _dated_heading(line, p)
                                                           or _dispatch(line, p) or _date_line(line, p)) or _byline(line, p, lang)
                                   or _lead(line, p, lang) or _note(line, p, lang)):
                return dt.date(p.year, p.month, p.day)
        if year_end is None and _numeric_date_line(line) is not None:
            return _numeric_date_line(line)
        if _BODY_LINE.match(line):
            break  # the body has begun: a date further down is something that happened
    return None


def _reported_end(head: str, periods: list, lang: Language) -> dt.date | None:
    """The last day of the latest period (of ``periods``, found in ``head``) whose results the head of a
    text reports (2024年度业绩, 2024年第四季度及全年财报, "fourth-quarter 2024 results"): a period
    followed closely by a results word."""
    words = [w.lower() for w in lang.words.get("results_words") or []]
    end = None
    for p in periods:
        after = head[p.end:p.end + (12 if lang.code == "zh" else 30)].lower()
        if p.year is None or p.qualifier or not any(w in after for w in words):
            continue
        try:
            last = numbers.period_bounds(p)[1]
        except ValueError:
            continue
        if last is not None and (end is None or last > end):
            end = last
    return end


def _recent_day(periods: list, day: dt.date) -> bool:
    """Is one of ``periods`` a whole date in the year up to ``day`` (截至2025年3月31日的2025财年业绩: a
    fiscal year that ended before the dateline, so the dateline's year is right)?"""
    return any(p.year and p.month and p.day and day - dt.timedelta(days=366) <= dt.date(p.year, p.month, p.day) <= day
               for p in periods)


def _next_year(day: dt.date) -> dt.date:
    return day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29) else dt.date(day.year + 1, 2, 28)


# words before a year that make it a plan or a target (计划2026年量产, 到2030年, "will ... in 2026", "by 2030")
_PLANNED = {
    "zh": re.compile(r"(?:将|将于|将在|计划|预计|有望|目标|力争|争取|到|至|拟|明年|未来)[^，。；]{0,4}$"),
    "en": re.compile(r"\b(?:will|plans?|planned|expects?|expected|aims?|targets?|by|until|through|to|forecast|outlook)\b[^,.;]{0,24}$",
                     re.IGNORECASE),
}


def _told_periods(text: str, lang: Language) -> list:
    """The periods the text names with a year in digits as a time already reached (not a plan, a target or a
    time 'by' which something is due)."""
    # a document without a date asks this of its whole text three or four times (its date, its year, its
    # mentions' year): the last text's periods are kept
    key = (text, lang.code)
    if _TOLD.get("key") != key:
        _TOLD.update(key=key, told=tuple(_find_told_periods(text, lang)))
    return list(_TOLD["told"])


_TOLD: dict = {}  # "key": (the last text, its language), "told": its told periods


def _find_told_periods(text: str, lang: Language) -> list:
    planned = _PLANNED.get(lang.code)
    told = []
    for p in numbers.find_periods(text, lang.code, None):
        if p.year is None or p.qualifier not in ("", "early", "late", "mid", "since") or not re.search(r"[0-9]{4}", p.text or ""):
            continue
        if planned is not None and planned.search(text, max(0, p.start - 30), p.start):
            continue
        told.append(p)
    return told


def latest_told_year(text: str, lang: Language) -> int | None:
    """The latest year the text names with its digits as a time already reached; None when it names none."""
    years = [p.year for p in _told_periods(text, lang)]
    return max(years) if years else None


def _year_after_told(text: str, lang: Language) -> int | None:
    """The year of a text whose dateline leaves the year out and whose head names none: the year after the
    latest year it tells as a whole year gone by (2023年，全年营收…: a calendar year, not a fiscal one, a full-year word right after it) when it also speaks of "this year" (今年上半年)
    as a time apart from the years it numbers. None when the text does not tell both: better no date than a guess."""
    told = _told_periods(text, lang)
    if not told:
        return None
    latest = max(p.year for p in told)
    full = [w.lower() for w in lang.words.get("full_year_words") or []]
    reach = 12 if lang.code == "zh" else 30
    whole = any(p.year == latest and re.fullmatch(r"(?:19|20)[0-9]{2}\s*年?", p.text.strip()) and not p.qualifier
                and any(w in text[p.end:p.end + reach].lower() for w in full) for p in told)
    words = lang.words.get("this_year") or []
    pattern = "|".join(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])" for w in words)
    if not whole or not pattern or not re.search(pattern, text, re.IGNORECASE):
        return None
    return latest + 1


def infer_date(text: str, lang: Language) -> dt.date | None:
    """The date the document gives for itself, or None.

    >>> from kg.lang import get
    >>> infer_date("BEIJING, March 26, 2024 — BYD said on Tuesday ...", get("en"))
    datetime.date(2024, 3, 26)
    >>> infer_date("小米集团\\n\\n2020年8月11日晚，雷军在北京发表演讲。", get("zh"))
    datetime.date(2020, 8, 11)
    >>> infer_date("GTC keynote\\nSAP Center, San Jose, California - March 18, 2024\\n", get("en"))
    datetime.date(2024, 3, 18)
    >>> infer_date("Xiaomi was founded on 6 April 2010 in Beijing.", get("en")) is None
    True
    """
    lines = [ln for ln in text.split("\n") if ln.strip()][:HEAD_LINES]
    found = _dateline(lines, lang, None)
    if found is not None:
        return found
    # a dateline may leave out the year its title or lead names (新华财经拉斯维加斯12月4日电 … 2024亚马逊云科技re:Invent大会)
    year = re.search(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", "\n".join(lines[:3]))
    if year:
        # a report is written after what it tells: no earlier than the latest year it names as past (本报香港10月24日电
        # … 2015年7月创立 … 2024年上半年营收: 2024, not the founding year of the lead). With no year in the head the
        # year stays unknown: the latest year a text names may be last year's (2023年市场规模…，今年…)
        # (a leap year stands in for the year while looking for a dateline without one: 2月29日电)
        yearless = _dateline(lines, lang, dt.date(2024, 12, 31)) is not None
        told = max(latest_told_year(text, lang) or 0, _year_after_told(text, lang) or 0) if yearless else None
        found = _dateline(lines, lang, dt.date(max(int(year.group()), told or 0), 12, 31))
        if found is not None:
            # results are told after their period ends: 3月28日电 … 发布2024年度业绩 is 28 March 2025
            head = "\n".join(lines[:3])
            periods = numbers.find_periods(head, lang.code, None)
            end = _reported_end(head, periods, lang)
            if end is not None and found <= end and not _recent_day(periods, found):
                found = _next_year(found)
            return found
    elif _dateline(lines, lang, dt.date(2024, 12, 31)) is not None:
        # a dateline without its year (香港12月30日电) and no year in the head: the year after the last whole year told
        after = _year_after_told(text, lang)
        if after is not None:
            return _dateline(lines, lang, dt.date(after, 12, 31))
    # "今天是2020年8月11日", "Today is March 26, 2024", "as of June 30, 2024" anywhere in the text
    today = lang.words.get("today", [])
    for m in re.finditer("|".join(re.escape(w) for w in today) or r"(?!)", text, re.IGNORECASE):
        for p in numbers.find_periods(text[m.end():m.end() + 30], lang.code, None):
            if p.start <= 2 and p.day and p.month:
                return dt.date(p.year, p.month, p.day)
            break
    return None


def _companies(text: str, lexicon: Lexicon, lang: Language, context) -> list[tuple[int, str]]:
    from .iris import vocab

    v = vocab()
    return [(s, eid) for s, e, eid in lexicon.match(text, context, lang.is_boundary)
            if v.is_a(lexicon.cls(eid), ["Company"]) and not v.is_a(lexicon.cls(eid), ["ResearchFirm"])]


def infer_topic(text: str, lexicon: Lexicon, lang: Language, context) -> str:
    """The company the document is about: the one named most, counting a mention in the
    title three times and in the first paragraph twice; '' when none stands out."""
    return infer_topic_names(text, lexicon, lang, context)[0]


def _head(text: str) -> tuple[str, int]:
    """The title (a first paragraph of at most 120 characters, else '') and where the lead ends."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if not paragraphs:
        return "", 0
    title = paragraphs[0] if len(paragraphs[0]) <= 120 else ""
    lead_end = text.find(paragraphs[1]) + len(paragraphs[1]) if len(paragraphs) > 1 else len(text)
    return title, lead_end


# the shape of a company's name: capitalised words and a company word ("Beautiful Group Stock Limited
# Company", "Acme Technologies"); 某某集团, 某某股份有限公司
_EN_COMPANY = re.compile(r"\b((?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*\s+(?:Co\.,?\s*Ltd\.|Group|Corporation|Corp\.|Company|Inc\.|Ltd\.|Limited|"
                         r"Holdings|Technologies|Technology|Electronics|Motors|Systems|Networks|Electric|Industries|Telecom))(?![\w])")  # (not \b: "Inc." ends with a dot)
_EN_COMPANY_WORDS = re.compile(r"(?:\s+(?:Group|Corporation|Corp\.|Company|Inc\.|Ltd\.|Limited|Holdings|Stock|Shares?|Co\.))+$")
_ZH_COMPANY = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:集团股份有限公司|股份有限公司|有限公司|集团|公司|控股))")
_ZH_COMPANY_WORDS = re.compile(r"(?:集团股份有限公司|股份有限公司|有限公司|集团|公司|控股)$")
# the short name a text gives itself: (below short called "Beautiful"), (hereinafter "Acme"), （以下简称“美的”）
_SHORT_NAME = re.compile(r"[(（]\s*(?:hereinafter|hereafter|henceforth|below|以下|下文|下称|简称)[^)）]{0,30}?[“\"「]([^”\"」]{2,30})[”\"」]")
# the same in any form, quoted or not, that ends its bracket: （下称“地平线”）, （简称地平线）, (hereinafter referred to as "Acme")
_DECLARED_SHORT = re.compile(r"[(（]\s*(?:hereinafter|hereafter|henceforth|below|以下简称|以下称|下文简称|下文称|下称|简称)"
                             r"[^)）“\"「]{0,30}?[“\"「]?([^”\"」)）,，;；、]{2,30}?)[”\"」]?\s*[)）]")
# an English name declared with its short name, word for word or not: "Branch Wo Si Robot Stock Share Limited
# Company (below called "Branch Wo Si")", "Acme Robotics Ltd. (hereinafter "Acme")"
# (a name may join its words with "and", "of", "&": "Shadow Stone Innovation Science and Technology Stock Limited Company")
_EN_DECLARED = re.compile(r"((?:[A-Z][\w&'’.-]*\s+(?:(?:and|of|&)\s+(?=[A-Z]))?){1,9}[A-Z][\w&'’.-]*)\s*(?=[(（]\s*(?:hereinafter|hereafter|below)\b)")
_NOT_A_NAME = re.compile(r"(?i)^(?:the|this|our|a|an)\b|公司$|^本|^该")
# what stands before 公司 without naming one: a count or a pointing word (一个公司, 这家公司, 我们公司)
_ZH_NO_NAME = re.compile(r"^(?:[一二两三四五六七八九十几数多每各某这那此其哪][个家间所座种]|[这那该本某其此我你他她它])")


def _head_weight(start: int, title: str, lead_end: int) -> int:
    """How much a mention counts for the topic: three times in the title, twice in the lead."""
    return 3 if start < len(title) else 2 if start < lead_end else 1


def _unknown_company(text: str, lexicon: Lexicon, lang: Language, context, title: str, lead_end: int, title_known: bool):
    """The company the title names that the lexicon lacks, or the one the lead names with the short
    name the text will call it by (讯飞医疗科技股份有限公司（以下简称"讯飞医疗"）), with its short names,
    weight (as ``infer_topic`` counts them, less the known names inside its own) and whether the text declares
    it with a short name; or None.
    ``title_known``: the title names a company the lexicon knows (then no repeated name is taken)."""
    from .iris import new_entity_id, vocab
    from .types import EntityInfo

    expr = _ZH_COMPANY if lang.code == "zh" else _EN_COMPANY
    v = vocab()
    # (name, where it ends, declared with a short name)
    found = [(m.group(1), m.end(), False) for m in expr.finditer(title)] if title else []
    found += [(m.group(1), m.end(), True) for m in expr.finditer(text, len(title), lead_end) if _SHORT_NAME.match(text, m.end())]
    if lang.code == "en":
        # a dateline may stand between the title and the paragraph that declares the name
        paragraphs = [p for p in text[len(title):].split("\n") if p.strip()][:3]
        declared_end = max(lead_end, text.find(paragraphs[-1]) + len(paragraphs[-1])) if paragraphs else lead_end
        for m in _EN_DECLARED.finditer(text, len(title), declared_end):
            words = m.group(1).split()
            while words and words[0] in _EN_NOT_NAME_WORDS:
                words = words[1:]
            if len(words) >= 2:
                found.append((" ".join(words), m.end(1), True))
    if not title_known:  # names the text repeats from its top
        found += [(n, 0, False) for n in _frequent_names(text, lexicon, lang, context, title, lead_end)[:3]]
    best = None
    for name, end, declared in found:
        name = name.strip()
        if declared:
            name = re.sub(r"^.*?(?:旗下|下属|控股的|子公司|企业|公司)(?=[\u4e00-\u9fff]{4})", "", name) if lang.code == "zh" else name
        # a known name opening it ("Lenovo Group") or all of it; a word inside a rendering word by word
        # ("Pearl Sea Lattice Force Electric": Lattice) is no known company
        known = [eid for s, e, eid in lexicon.match(name, context, lang.is_boundary) if v.is_a(lexicon.cls(eid), ["Organisation"])
                 and (e - s == len(name) or not declared and s == 0)]
        if known:
            continue  # "Lenovo Group": a company the lexicon knows
        core = (_ZH_COMPANY_WORDS if lang.code == "zh" else _EN_COMPANY_WORDS).sub("", name).strip()
        if lang.code == "zh" and _ZH_NO_NAME.match(core):
            continue  # 元平台公司：一个公司的概况: "a company" names none
        aliases = {core} if core != name and len(core) >= (2 if lang.code == "zh" else 4) else set()
        short = _SHORT_NAME.findall(text[end:end + 60]) if declared else _SHORT_NAME.findall(text[:lead_end])
        aliases |= {a.strip() for a in short if not _NOT_A_NAME.search(a.strip())}
        if declared and any(e - s == len(a) and v.is_a(lexicon.cls(eid), ["Organisation"])
                            for a in aliases for s, e, eid in lexicon.match(a, context, lang.is_boundary)):
            continue  # 安克创新科技股份有限公司（以下简称“安克创新”）: the short name is a company the lexicon knows
        full = _EN_COMPANY.search(text, len(title)) if lang.code == "en" and not declared else None
        if full and full.group(1).startswith(name) and full.group(1) != name:
            aliases.add(full.group(1).strip())  # the title's "Beautiful Group", the lead's "Beautiful Group Stock Limited Company"
        if lang.code == "en" and not declared:
            aliases |= _fuller_names(text[:lead_end], name, lang)  # "Veltrane" of the title, "Veltrane Robotics" of the lead
        if lang.code == "en":
            aliases |= _shorter_name(text, core, lang)  # "Halvard Systems AB" of the lead, "Halvard" of the rest
        aliases |= _full_names(text[:lead_end], {name} | aliases)  # 云帆数科（全称：杭州云帆数字科技股份有限公司）
        if lang.code == "zh":  # the legal name the top of the text gives it: 澜舟 of 澜舟精密工业股份有限公司昨晚发布年报
            aliases |= {m.group() for m in re.finditer(re.escape(name) + r"[\u4e00-\u9fff]{0,8}?(?:股份有限公司|有限责任公司|有限公司)",
                                                     text[:lead_end])}
        if lang.code == "zh" and not end and any(name in other.strip() for other, at, _ in found
                                                 if at and other.strip() != name and not _ZH_NO_NAME.match(other.strip())):
            continue  # 云帆 inside the title's 云帆数科公司: a part of a fuller name the text gives, not a name of its own
        weight = sum(_head_weight(start, title, lead_end) for start, _ in name_spans(text, {name} | aliases, lang.code))
        info = EntityInfo(new_entity_id(name), "Company", ((lang.code, name),),
                          tuple((lang.code, a) for a in sorted(aliases - {name})))
        if best is None or weight > best[1]:
            best = (info, weight, declared)
    return best


# the full name a text gives in brackets after the name it uses: 云帆数科（全称：杭州云帆数字科技股份有限公司）,
# "Halvard (full name: Halvard Systems AB)"
_FULL_NAME = re.compile(r"\s*[（(]\s*(?:全称|公司全称|中文全称|英文全称|英文名称|英文名|full\s+name|registered\s+name|legal\s+name)\s*[：:,，]?\s*"
                        r"([^（）()，,；;：:]{2,60}?)\s*[）)]", re.IGNORECASE)


def _full_names(head: str, names: set[str]) -> set[str]:
    """The full names the head of a text gives in brackets right after one of ``names``."""
    out = set()
    for name in names:
        for m in re.finditer(re.escape(name), head):
            full = _FULL_NAME.match(head, m.end())
            if full:
                out.add(full.group(1).strip())
    return out


def _shorter_name(text: str, name: str, lang: Language) -> set[str]:
    """The short name the text calls an English company by: its name less the company words that end it
    ("Halvard" of "Halvard Systems"), when the text writes it alone at least twice and never as a common
    word in lower case."""
    suffixes = {w.lower().rstrip(".") for w in lang.words.get("company_suffixes") or []}
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in suffixes:
        words.pop()
    short = " ".join(words)
    if short == name or len(short) < 4 or not short[:1].isupper() or short in _EN_NOT_NAME_WORDS \
            or short.lower() in _lowercase_words(text):
        return set()
    alone = re.findall(rf"(?<![\w'’.-]){re.escape(short)}(?![\w-])(?!\s+{re.escape(name[len(short):].strip().split()[0])})", text)
    return {short} if len(alone) >= 2 else set()


def _fuller_names(text: str, name: str, lang: Language) -> set[str]:
    """The fuller forms the text writes of an English company's short name: the name and one or two
    capitalised words the last of which ends a company's name (``company_suffixes``: "Veltrane
    Robotics", "Veltrane Robotics Inc.", "Orvanta Technologies Group"), the legal form left out."""
    suffixes = lang.words.get("company_suffixes") or []
    if not suffixes:
        return set()
    ends = alternation(suffixes)
    legal = {w.lower().rstrip(".") for w in lang.words.get("legal_forms") or []} | {"llc", "plc", "ag", "se", "ab", "gmbh", "as", "n.v"}
    out = set()
    for m in re.finditer(rf"(?<![\w'’.-]){re.escape(name)}((?:\s+[A-Z][\w&'’-]*){{0,1}}\s+(?:{ends}))(?![\w-])", text):
        words = (name + m.group(1)).split()
        while len(words) > 1 and words[-1].lower().rstrip(".") in legal:
            words.pop()
        if len(words) > len(name.split()):
            out.add(" ".join(words))
    return out


# a run of capitalised words (a name the lexicon may lack): "Aerivo", "Quantel Semiconductor"
_EN_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][a-z][\w&'’.-]*(?:\s+[A-Z][a-z][\w&'’.-]*){0,3}")
# capitalised words that open a title or a sentence rather than a name
_EN_NOT_NAME_WORDS = frozenset("""The This That These Those A An In On At By For From With Without To Of And Or But As It Its
He She We They Our Their His Her Who What Why How When Where Which After Before Over Under Into Inside Behind
Interview Exclusive Report Update Analysis Profile Opinion Breaking Watch Live Q&A Company Group Inc. Inc Ltd.
Corp. Co. Chief Executive Officer President Chairman Founder Mr. Ms. Dr. Today Yesterday Now New First Annual
Quarterly Results Revenue Net Profit Shares Stock""".split())


def _whole_han_name(text: str, name: str, most: int = 2) -> str:
    """A Chinese name the name model cut short (云帆 of 云帆数科) grown by the characters that follow it every
    time the text writes it (at least three times, at most ``most`` characters more)."""
    grown = name
    for _ in range(most):
        after = [text[m.end():m.end() + 1] for m in re.finditer(re.escape(grown), text)]
        if len(after) < 3 or len(set(after)) != 1 or not re.fullmatch(r"[\u4e00-\u9fff]", after[0]):
            break
        grown += after[0]
    return grown


def _frequent_names(text: str, lexicon: Lexicon, lang: Language, context, title: str, lead_end: int) -> list[str]:
    """Names the lexicon lacks that the title or the lead writes and the text repeats: capitalised
    words in English ("Aerivo takes its drone know-how indoors"), the organisations the Chinese name
    model finds (维拉科技, 宽泰半导体). Most repeated first."""
    head = text[:lead_end]
    marks = lang.words.get("translation_marks")
    if marks and len(re.findall(marks, text)) >= 3:
        return []  # a word-for-word translation renders names word for word ("Sea Letter" for 海信): none to take
    if lang.code == "en":
        names = set()
        for m in _EN_NAME_RUN.finditer(head):
            words = m.group().split()
            while words and words[0].rstrip(".,:;") in _EN_NOT_NAME_WORDS:
                words = words[1:]
            while words and words[-1].rstrip(".,:;") in _EN_NOT_NAME_WORDS:
                words = words[:-1]
            if words:
                names.add(" ".join(words).rstrip(".,:;'’"))
    else:
        from .lang import zh_ner

        names = set()
        for para in [p for p in head.split("\n") if p.strip()][:2]:
            for a, b, cls in zh_ner.names(para[:300]):
                name = para[a:b].strip()
                if cls in ("Company", "Organisation"):
                    names.add(_whole_han_name(text, name))
                elif cls == "Person":  # the model takes some companies' names for persons: 泰万 of 泰万通讯
                    named = re.search(re.escape(name) + zh_ner.COMPANY_WORD.pattern, text)
                    if named:
                        names.add(named.group())
    out = []
    for name in names:
        if len(name) < (2 if lang.code == "zh" else 3) or any(
                e - s == len(name) for s, e, _ in lexicon.match(name, context, lang.is_boundary)):
            continue  # a name the lexicon knows: counted as itself
        count = len(name_spans(text, {name}, lang.code))
        if count >= 3 and (lang.code == "zh" or _acts_as_company(text, name, lang)):
            out.append((count, name))
    return [name for _, name in sorted(out, key=lambda x: (-x[0], x[1]))]


def _acts_as_company(text: str, name: str, lang: Language) -> bool:
    """Does the text write ``name`` as a company's at least once: doing what companies do ("Orvanta
    said", "Orvanta reported"), or with what a company has ("Orvanta's chief executive", "Orvanta
    shares")? A product or a place the title names does neither ("the Galaxy Ring lasts a week")."""
    verbs, nouns = lang.words.get("company_verbs") or [], lang.words.get("company_nouns") or []
    if not verbs and not nouns:
        return True
    alts = alternation(verbs + nouns)
    if lang.code == "zh":  # Zelqo（泽库）4日公布, Zelqo全年营收: the word right after the name or its gloss
        return re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}(?:[（(][^（）()]{{1,20}}[）)])?(?:[0-9]{{1,2}}日|全年|今年|去年|旗下)?(?:{alts})", text) is not None
    return re.search(rf"(?<![\w-]){re.escape(name)}(?:['’]s)?\s+(?:[a-z]+ly\s+)?(?:{alts})\b", text) is not None


# a machine translation's literal rendering of a name, glossed with the real one in brackets:
# "Small Peng Automobile (Xpeng)", "Science Big News Fly Share Limited Company (iFLYTEK)"
_GLOSSED_ORG = re.compile(r"((?:[A-Z][\w&'’.-]*\s+){1,7}[A-Z][\w&'’.-]*)\s*[(（]\s*([^()（）,，;]{2,40}?)\s*(?:[,，;][^()（）]{0,160})?[)）]")


def glossed_names(text: str, lexicon: Lexicon, lang: Language, context) -> tuple:
    """Literal renderings of known organisations' names that the text glosses with the name itself in
    brackets: the lexicon entity with the rendering as an alias (for this document only)."""
    from .iris import vocab
    from .types import EntityInfo

    if lang.code != "en":
        return ()
    v = vocab()
    found: dict[str, set] = {}
    for m in _GLOSSED_ORG.finditer(text):
        literal, inner = m.group(1).strip(), m.group(2).strip()
        hits = lexicon.match(inner, context, lang.is_boundary)
        if len(hits) != 1 or (hits[0][0], hits[0][1]) != (0, len(inner)):
            continue  # the brackets hold one known name, wholly
        eid = hits[0][2]
        if not v.is_a(lexicon.cls(eid), ["Organisation"]) or any(
                v.is_a(lexicon.cls(e), ["Organisation", "Person"]) for _, _, e in lexicon.match(literal, context, lang.is_boundary)):
            continue  # a literal rendering names no organisation or person the lexicon knows
        words = literal.split()
        while words and words[0] in ("The", "A", "An"):
            words = words[1:]
        if len(words) >= 2:
            name = " ".join(words)
            core = _EN_COMPANY_WORDS.sub("", name).strip()  # "Science Big News Fly Share Limited Company" -> "Science Big News Fly"
            found.setdefault(eid, set()).update({name} | ({core} if len(core.split()) >= 2 else set()))
    return tuple(EntityInfo(eid, lexicon.cls(eid), (), tuple(("en", a) for a in sorted(names))) for eid, names in sorted(found.items()))


# a Chinese name glossed with its name in Latin letters: 瓦里安（Varian）, 凯颂（Joe Kaeser）, 基立福（Grifols）
_LATIN = r"[^\W\d_\u3000-\u9fff]"
_ZH_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[（(]\s*([A-Z0-9]{_LATIN}*[\w&'’.\-]*(?:\s+[\w&'’.\-]+){{0,5}})\s*(?=[)）,，;；、])")
# the model's tags of a name's words: a person, an organisation, a proper noun, a work's name, a place
_NAME_TAGS = ("PER", "ORG", "nz", "nw", "LOC")


# a person's name in Latin letters: "Joe Kaeser", "Ralf P. Thomas", "Jean-François van Boxmeer"
_LATIN_PERSON = re.compile(r"[A-Z][^\W\d_]+(?:[-'’][A-Za-z][^\W\d_]*)?(?:\s+(?:[A-Z]\.|(?:van|von|de|der|da|di|du|bin|al)\b|"
                           r"[A-Z][^\W\d_]+(?:[-'’][A-Za-z][^\W\d_]*)?)){1,3}")


def _gloss_class(name: str, gloss: str, tag: str, tail: bool, before: str, lang: Language) -> str:
    """The class of a Chinese name glossed in Latin letters: the gloss's ending ("Engineering",
    "Investor AB"), else the class noun written before the name (设备商瓦里安, 品牌斐雪派克), else the
    name model's tag; a person's gloss is a person's name in Latin letters ("Joe Kaeser"). '' when
    nothing tells."""
    from .lang import en, zh_ner

    spelled = next((c for rx, c in en._SUFFIX_CLASS if rx.search(gloss)), "")
    if spelled:
        return spelled
    nouns = lang.words.get("class_nouns") or {}
    told = next((c for n, c in sorted(((n, c) for c in ("Company", "Brand") for n in nouns.get(c, [])), key=lambda x: -len(x[0]))
                 if before.endswith(n)), "Company" if before.endswith("商") else "")
    if told:
        return told
    if any(d in name for d in ("·", "•", "・")) or tag == "PER" and not tail:
        return "Person" if _LATIN_PERSON.fullmatch(gloss) else ""
    if tag == "ORG" or tail and tag == "PER":
        return "Organisation" if zh_ner._NOT_COMPANY_END.search(name) else "Company"
    return ""


def _class_noun_before(before: str, lang: Language) -> bool:
    """Do the words before a bracketed name end with a class noun of a company or a brand (制造商, 品牌)?"""
    nouns = lang.words.get("class_nouns") or {}
    return before.endswith("商") or any(before.endswith(n) for c in ("Company", "Brand") for n in nouns.get(c, []))


def bracketed_names(text: str, lexicon: Lexicon, lang: Language, context) -> tuple:
    """Names the lexicon lacks that a Chinese text writes with their name in Latin letters in
    brackets (美国放疗设备商瓦里安（Varian）, 接替凯颂（Joe Kaeser）): the span the name model tags as
    a name right before the bracket, typed by the gloss, the model's tag and the class noun before it;
    the gloss is its alias. A name or gloss the lexicon knows gives that entity the other as an alias."""
    from .iris import new_entity_id, vocab
    from .lang import zh_ner
    from .types import EntityInfo

    if lang.code != "zh" or not zh_ner.available():
        return ()
    v = vocab()
    found: dict[str, tuple[str, list[tuple[str, str]], list[tuple[str, str]]]] = {}
    for m in _ZH_GLOSS.finditer(text):
        p = m.start()
        start, end = stop_before(text, p, "。！？!?\n"), stop_after(text, p, "。！？!?\n")
        toks = [(start + a, start + b, t) for a, b, t in zh_ner.tokens(text[start:end])]
        k = next((i for i, (a, b, t) in enumerate(toks) if b == p), None)
        if k is None:
            continue
        a, b, tag = toks[k]
        tail = False
        if tag == "n" and b - a <= 3 and k > 0 and toks[k - 1][2] in ("PER", "ORG", "nz", "nw") \
                and toks[k - 1][1] - toks[k - 1][0] >= 2:
            a, tag, tail = toks[k - 1][0], toks[k - 1][2], True  # 格罗曼 + 工程（Grohmann Engineering）
        joined = next((x for x, y, _ in toks if y == a - 1 and re.fullmatch(r"[\u4e00-\u9fff]{1,4}", text[x:y])), None)
        if joined is not None and text[a - 1:a] in ("-", "‐") and any(d in text[a:p] for d in ("·", "•", "・")):
            a = joined  # 让-马克·谢里（Jean-Marc Chery）: a given name joined by a hyphen is the name's
        name, gloss = text[a:p].strip(), m.group(1).strip()
        if tag not in _NAME_TAGS and 2 <= b - a <= 6 and _class_noun_before(text[max(start, a - 6):a], lang) \
                and re.fullmatch(r"[\u4e00-\u9fff]+", name):
            tag = "nz"  # 电动汽车制造商里维安（Rivian）: the class noun before says it is a name, whatever the model read (里: "in")
        if tag not in _NAME_TAGS or len(name) < 2 or not re.fullmatch(r"[\u4e00-\u9fff·•・][\u4e00-\u9fff·•・\-‐]*", name) \
                or name in lang.words.get("not_names", ()):
            continue
        cls = _gloss_class(name, gloss, tag, tail, text[max(start, a - 6):a], lang)
        known = {}
        for written in (name, gloss):
            hits = [eid for s, e, eid in lexicon.match(written, context, lang.is_boundary) if (s, e) == (0, len(written))]
            if hits:
                known[written] = hits[0]
        if name in known and gloss in known:
            continue
        if known:  # 声田（Spotify）: the other is the known one's name in this text
            (written, eid), = known.items()
            other = gloss if written == name else name
            kcls = lexicon.cls(eid)
            if not v.is_a(kcls, ["Organisation", "Person", "Brand"]) or cls and not v.is_a(kcls, [cls]) and not v.is_a(cls, [kcls]):
                continue
            entry = found.setdefault(eid, (kcls, [], []))
            entry[2].append(("en" if other == gloss else "zh", other))
            continue
        if not cls:
            continue
        eid = new_entity_id(name)
        entry = found.setdefault(eid, (cls, [("zh", name)], []))
        entry[2].append(("en", gloss))
    return tuple(EntityInfo(eid, cls, tuple(labels), tuple(dict.fromkeys(aliases)))
                 for eid, (cls, labels, aliases) in sorted(found.items()))


def declared_names(text: str, lexicon: Lexicon, lang: Language, context) -> tuple:
    """Short names a text declares for companies the lexicon knows (智能驾驶芯片公司地平线机器人（下称“地平线”）,
    "Acme Robotics Inc. (hereinafter "Acme")"): the known name right before the bracket gets the short name as
    an alias in this text, unless the lexicon reads the short name as a name already."""
    from .iris import vocab
    from .types import EntityInfo

    v = vocab()
    found: dict[str, list[tuple[str, str]]] = {}
    for m in _DECLARED_SHORT.finditer(text):
        short = m.group(1).strip()
        if _NOT_A_NAME.search(short) or lexicon.match(short, context, lang.is_boundary):
            continue  # (以下简称“公司”), a name the lexicon knows
        window = text[max(0, m.start() - 40):m.start()].rstrip()
        before = [eid for s, e, eid in lexicon.match(window, context, lang.is_boundary)
                  if e == len(window) and v.is_a(lexicon.cls(eid), ["Organisation"])]
        if before:
            found.setdefault(before[-1], []).append((lang.code, short))
    return tuple(EntityInfo(eid, lexicon.cls(eid), (), tuple(dict.fromkeys(aliases))) for eid, aliases in sorted(found.items()))


def _lowercase_words(text: str) -> frozenset:
    return frozenset(re.findall(r"(?<![\w'’-])[a-z][a-z-]+", text))


def subsidiary_names(text: str, lexicon: Lexicon, lang: Language, context) -> tuple:
    """Units a Chinese text names with their parent's name and a word (京东健康, 佳能特机, 大疆农业): a known
    company followed by two characters, written so at least twice, that the name model takes for one
    organisation with the company -- not a legal form (小米集团) nor a class noun (小米手机); and persons
    whose name begins with a company's (松下幸之助), where the name model takes the whole for a person."""
    from .iris import new_entity_id, vocab
    from .lang import zh_ner
    from .types import EntityInfo

    if lang.code != "zh" or not zh_ner.available():
        return ()
    v = vocab()
    not_tail = tuple(lang.words.get("legal_forms") or []) + tuple(lang.words.get("company_suffixes") or []) + tuple(
        lang.words.get("part_words") or []) + tuple(n for ns in (lang.words.get("class_nouns") or {}).values() for n in ns)
    from .lang.zh import _AFTER_NAME_CHARS

    seen: dict[str, list[int]] = {}
    out, people = [], {}
    for s, e, eid in lexicon.match(text, context, lang.is_boundary):
        tail = text[e:e + 2]
        if not v.is_a(lexicon.cls(eid), ["Company"]) or not _HAN2.fullmatch(tail) or tail.startswith(not_tail) \
                or tail in (lang.words.get("not_names") or ()) or tail[0] in _AFTER_NAME_CHARS:
            continue
        seen.setdefault(text[s:e + 2], []).append(s)
        if e - s > 4 or not _HAN_NAME_HEAD.fullmatch(text, s, e):
            continue  # no person of at most five Chinese characters holds this company's name and more
        # a person whose name begins with a company's (松下幸之助, 本田宗一郎): the model's person starting there
        a, b = stop_before(text, s, "。！？!?\n，,；;"), stop_after(text, s, "。！？!?\n，,；;")
        end = None  # the model's person words from the company's start on (本田 + 宗一郎 are both its words)
        for x, y, tag in zh_ner.tokens(text[a:b]):
            if a + x == (s if end is None else end) and tag == "PER":
                end = a + y
            elif a + x >= s:
                break
        person = text[s:end] if end is not None and e < end <= s + 5 and _HAN_NAME.fullmatch(text[s:end]) else None
        if person and person not in people:
            people[person] = EntityInfo(new_entity_id(person), "Person", ((lang.code, person),))
    for name, starts in sorted(seen.items()):
        if len(starts) < 2 or any((a, b) == (0, len(name)) for a, b, _ in lexicon.match(name, context, lang.is_boundary)):
            continue
        s = starts[0]
        a, b = stop_before(text, s, "。！？!?\n"), stop_after(text, s, "。！？!?\n")
        org = next((cls for x, y, cls in zh_ner.names(text[a:b]) if a + x == s and a + y in (s + len(name),)
                    or a + x == s and zh_ner.COMPANY_WORD.fullmatch(text, s + len(name), a + y)), None)
        if org in ("Company", "Organisation"):
            out.append(EntityInfo(new_entity_id(name), org, ((lang.code, name),)))
    return tuple(out) + tuple(people[p] for p in sorted(people))


def latin_names(text: str, lexicon: Lexicon, lang: Language, context) -> tuple:
    """Companies the lexicon lacks that a Chinese text names in Latin letters: with a company word
    after the name (Sumo集团) or an English one ending it (Maxwell Technologies, as the English
    ``company_suffixes`` list), or after a noun of a company's kind (开发商Findaway, 代工厂Key Foundry)."""
    from .iris import new_entity_id, vocab
    from .lang import get
    from .types import EntityInfo

    if lang.code != "zh":
        return ()
    v = vocab()
    zh_ends = [w for w in lang.words.get("company_suffixes") or [] if w not in ("科技", "电子", "电机")]
    en_ends = {w.lower() for w in get("en").words.get("company_suffixes") or []}
    kinds = tuple((lang.words.get("class_nouns") or {}).get("Company", [])) + ("商", "厂")
    ends = alternation(zh_ends) or "(?!)"
    found: dict[str, EntityInfo] = {}
    letter = r"[A-Za-z0-9&.'’\-\u00c0-\u024f]"
    for m in re.finditer(rf"(?<![A-Za-z0-9&.'’-])([A-Z]{letter}*(?: [A-Z0-9]{letter}*){{0,4}})({ends})?", text):
        latin, word = m.group(1).rstrip(".'’-"), m.group(2) or ""
        last = latin.split()[-1].lower()
        after_kind = text[:m.start()].endswith(kinds)
        short = len(latin) <= 4 and latin.isupper()  # AI公司, 公司CEO, GMV: an abbreviation, a kind or a title
        if word and not short:
            name = latin + word  # Sumo集团
        elif len(latin.split()) >= 2 and last in en_ends or after_kind and len(latin) >= 3 and not short:
            name = latin
        else:
            continue
        forms = {name, latin}
        hits = lexicon.match(name, context, lang.is_boundary)
        if any(name[a:b] in forms for a, b, _ in hits) or any(a == 0 and v.is_a(lexicon.cls(eid), ["Organisation", "Person", "Place"])
                                                                for a, b, eid in hits):
            continue  # a known company, with or without its company word
        eid = new_entity_id(name)
        if eid not in found:
            found[eid] = EntityInfo(eid, _company_kind(latin), ((lang.code, name),), (("en", latin),) if latin != name else ())
    return tuple(found[k] for k in sorted(found))


# the legal ending of a company's full name
# a company's legal name's ending ("... Stock Limited Company", "Acme Robotics Co., Ltd.", "Orbitex Inc.")
_EN_LEGAL = re.compile(r"(?:Limited\s+Company|Co\.,?\s*Ltd\.?|Inc\.|Incorporated|Corporation|Corp\.|Ltd\.|Limited|PLC|plc|AG|S\.A\.|N\.V\.)$")
_ZH_LEGAL = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|株式会社|集团公司|总公司)")


def legal_names(text: str, lexicon: Lexicon, lang: Language, context) -> tuple:
    """Companies the lexicon lacks that a Chinese text names in full, with a legal ending (西安秦川汽车有限
    责任公司, 中国邮电工业总公司): the name model's organisation ending there. A known organisation
    opening the name (安克创新科技股份有限公司) may be that company itself: no new name then."""
    from .iris import new_entity_id, vocab
    from .lang import zh_ner
    from .types import EntityInfo

    if lang.code != "zh" or not zh_ner.available():
        return ()
    v = vocab()
    found: dict[str, EntityInfo] = {}
    for m in _ZH_LEGAL.finditer(text):
        a, b = stop_before(text, m.start(), "。！？!?\n"), stop_after(text, m.end(), "。！？!?\n")
        span = next(((a + x, a + y, cls) for x, y, cls in zh_ner.names(text[a:b]) if a + y == m.end() and a + x < m.start()), None)
        if span is None or span[2] not in ("Company", "Organisation"):
            continue
        name = text[span[0]:span[1]]
        if not re.fullmatch(r"[\u4e00-\u9fff·]+", name) or len(name) - len(m.group()) < 2:
            continue
        hits = lexicon.match(name, context, lang.is_boundary)
        if any(x == 0 and (y == len(name) or v.is_a(lexicon.cls(eid), ["Organisation"])) for x, y, eid in hits):
            continue  # known, or opened by a known organisation's name
        eid = new_entity_id(name)
        found.setdefault(eid, EntityInfo(eid, span[2], ((lang.code, name),)))
    return tuple(found[k] for k in sorted(found))


_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{3,5}")
_HAN_NAME_HEAD = re.compile(r"[\u4e00-\u9fff]+")  # the company's part of such a name


def _title_cased(text: str, pos: int) -> bool:
    """Is the line holding ``pos`` a title-cased heading ("Nvidia Unveils New Robotics Platform")?"""
    line = text[text.rfind("\n", 0, pos) + 1:(text.find("\n", pos) + 1 or len(text) + 1) - 1]
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _company_kind(name: str) -> str:
    """Company, or ResearchFirm when a word of the English name says so (``research_words``)."""
    from .lang import get

    words = set(get("en").words.get("research_words") or ())
    return "ResearchFirm" if words & set(name.split()) else "Company"


def english_names(text: str, lexicon: Lexicon, lang: Language, context) -> tuple:
    """Companies the lexicon lacks that an English text names with a company's last word
    (``company_suffixes``: "Lordstown Motors", "KPS Capital Partners") or as the owner of a company's
    chief or shares (``company_nouns``: "Splunk's CEO"), as entities of the whole document; an
    abbreviation in brackets after the name ("Foxconn Interconnect Technology (FIT)") is its alias.
    A name's first word is one the text never writes in lower case ("New Robotics" in a title is no
    name), and a known company with a legal ending ("Xiaomi Group") stays the known one."""
    from .iris import new_entity_id, vocab
    from .types import EntityInfo

    suffixes = lang.words.get("company_suffixes") or []
    marks = lang.words.get("translation_marks")
    if lang.code != "en" or not suffixes or marks and len(re.findall(marks, text)) >= 3:
        return ()  # a word-for-word translation renders names word for word: none to take
    v = vocab()
    lower = _lowercase_words(text)
    legal = {w.lower() for w in lang.words.get("legal_forms") or []}
    stop = _EN_NOT_NAME_WORDS | {"Our", "Its", "Their", "His", "Her", "Former", "Rival", "Both", "Each"}
    alts = alternation(suffixes)
    found: dict[str, EntityInfo] = {}

    months = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"}

    def add(words: list[str], at: int, least: int = 2) -> None:
        owner = max((i for i, w in enumerate(words) if w.endswith(("'s", "’s"))), default=-1)
        words = words[owner + 1:]  # "Lenovo's Infrastructure Solutions Group": the owner is no part of the name
        while words and (words[0] in stop or words[0] in months or not words[0][:1].isalpha()):
            words = words[1:]
        if len(words) < least or not words[0][:1].isupper() or words[0].lower() in lower:
            return  # a company's last word alone, or after a common word ("the Information Technology department")
        name = " ".join(words).rstrip(",;:")
        forms = [name]
        core_words = list(words)
        while len(core_words) > 1 and core_words[-1].lower().rstrip(".") in {w.rstrip(".") for w in legal}:
            core_words.pop()
            forms.append(" ".join(core_words))
        start = at - len(name)
        window = text[max(0, start - 60):at + 60]
        off = max(0, start - 60)
        for s_, e_, eid in lexicon.match(window, context, lang.is_boundary):
            s_, e_ = s_ + off, e_ + off
            if e_ <= start or s_ >= at:
                continue
            if not (start <= s_ and e_ <= at) or s_ > start or text[s_:e_] in forms:
                return  # a known name runs across it, sits inside it, or is it with a legal ending ("Tencent Holdings")
            if v.is_a(lexicon.cls(eid), ["Person", "Place"]):
                return  # a person's or a place's name opening it
        legal_end = core_words != words and words[-1].rstrip(".").lower() in ("inc", "corp", "ltd", "co", "llc", "plc", "ag", "se")
        aliases = {" ".join(core_words)} if legal_end else set()
        abbr = re.match(r"\s*\(([A-Z]{2,6})\)", text[at:])
        if abbr and abbr.group(1) == "".join(w[0] for w in core_words if w[:1].isupper())[:len(abbr.group(1))]:
            aliases.add(abbr.group(1))
        eid = new_entity_id(name)
        if eid not in found:
            found[eid] = EntityInfo(eid, _company_kind(name), (("en", name),), tuple(("en", a) for a in sorted(aliases)))

    word = r"(?:[A-Z][\w'’.-]*|&)"
    for m in re.finditer(rf"(?<![\w'’.-])((?:{word}[ \t]+){{1,4}}(?:{alts}))(?![\w-])", text):
        words = m.group(1).split()
        if len(words) >= 2 and not _title_cased(text, m.start()):
            add(words, m.end())
    nouns = lang.words.get("company_nouns") or []
    if nouns:
        owner = re.compile(rf"(?<![\w'’.-])([A-Z][a-z][\w-]*)['’]s\s+(?:{alternation(nouns)})\b")
        for m in owner.finditer(text):
            name = m.group(1)
            if name in stop or name.lower() in lower or re.search(rf"[A-Z][a-z]+\s+{re.escape(name)}\b", text) \
                    or lexicon.match(name, context, lang.is_boundary):
                continue  # a surname ("Cook's chief of staff"), a known name
            add([name], m.end(1), least=1)
    return tuple(found[k] for k in sorted(found))


# a bracket after a name that gives its listing ("(Nasdaq: LOGI)", "(SIX: LOGN)", （纳斯达克：GPRO）, （688036.SH）,
# "(Chinese: 澜舟精密; Shenzhen: 002999)"): the part before the colon is an exchange or a ticker word
_LISTING_BRACKET = re.compile(r"\s*[(（]((?:[^()（）]{0,60}?[;；,，]\s*)?([^()（）;；,，:：]{2,30}?)\s*[:：]\s*[A-Z0-9][A-Z0-9.\-]{0,9}"
                              r"|\s*[0-9]{4,6}\.(?:SH|SZ|SS|HK|KS|T))\b")
# a short name declared anywhere in a bracket: "(688999.SH, hereinafter "Marlow")", （股票代码：002999，下称“澜舟”）
_DECLARED_ANYWHERE = re.compile(r"[(（][^()（）]{0,40}?(?:hereinafter|hereafter|henceforth|以下简称|下文简称|下称|简称)"
                                r"(?:\s+(?:referred\s+to\s+as|called|as))?\s*[“\"「]([^”\"」()（）]{2,30}?)[”\"」]")
# what opens a Chinese interview's or profile's title before the name: 专访, 对话, 独家专访
_ZH_TITLE_LEADS = re.compile(r"^(?:[「“\"][^」”\"]{0,40}[」”\"][—\-–:：\s]*)?(?:独家)?(?:专访|对话|访谈|走进|解读|揭秘)?")


def _role_titles(lang: Language, verbs: bool = False) -> list[str]:
    """The heads' titles of data/patterns.yaml (founder, chair, chief executive, president), longest first;
    with ``verbs``, their verbs too ("has run", 执掌)."""
    data = resources.load_yaml(resources.patterns_path(), cached=True)
    out = []
    for entry in ((data.get("roles") or {}).get("titles") or []) if isinstance(data, dict) else []:
        if entry.get("property") in ("founderOf", "chairOf", "ceoOf", "presidentOf"):
            out += (entry.get(lang.code) or []) + (((entry.get("verbs") or {}).get(lang.code) or []) if verbs else [])
    return sorted(set(out), key=len, reverse=True)


def _cued_companies(text: str, lexicon: Lexicon, lang: Language, context, title: str, lead_end: int) -> list[tuple[str, set]]:
    """Names the lexicon lacks that the top of a text writes as a company's: with its listing in brackets
    ("Quelvor International (Nasdaq: QLVR)", Zelqo公司（纳斯达克：ZLQO）), as the subject of the sentence
    that says what kind of company it is ("Acme is a Swiss maker of …", 澜舟国际是一家瑞士的公司), before a
    head's title in the title (专访某某科技创始人张三, "An Interview with Acme's Jane Doe"), or, in Chinese,
    with a short name in brackets made of its own characters (北京石头世纪科技股份有限公司（石头科技）).
    (name, other names the text gives it) pairs, first found first."""
    from .iris import vocab

    v = vocab()
    zh = lang.code == "zh"
    head_end = min(len(text), max(lead_end, 1500))
    paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text[:head_end]) if m.group().strip()][:5]
    found: dict[str, set] = {}

    every_context = tuple(context) + tuple((load_contexts().get("contexts") or {}))

    def known(name: str) -> bool:
        # (in any context: 地平线, an ordinary word, names Horizon Robotics only in a text on technology)
        return any(v.is_a(lexicon.cls(eid), ["Organisation", "Place", "Person"]) and (e - s == len(name) or s == 0)
                   for s, e, eid in lexicon.match(name, every_context, lang.is_boundary))

    def add(name: str, aliases=()) -> None:
        name = name.strip(" ,，、:：\"'“”‘’「」")
        if zh:
            name = re.sub(r"^.*?(?:的|是|和|与|及|、|，|,)(?=\S{2})", "", name) if len(name) > 12 else name
        else:
            words = name.split()
            while words and words[0] in _EN_NOT_NAME_WORDS:
                words = words[1:]
            name = " ".join(words)
        generic = set(lang.words.get("not_names") or []) | {n for ns in (lang.words.get("class_nouns") or {}).values() for n in ns}
        if len(name) < 2 or name in generic or known(name) or (zh and _ZH_NO_NAME.match(name)) or _NOT_A_NAME.search(name) and not zh:
            return
        found.setdefault(name, set()).update(a for a in aliases if a and a != name and not known(a))

    name_before = (r"((?:[A-Z][\w&'’.-]*[ ,]+){0,5}[A-Z][\w&'’.-]*)$" if not zh else
                   r"([A-Za-z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3}|[\u4e00-\u9fff·A-Za-z0-9]{2,16})$")
    for m in _LISTING_BRACKET.finditer(text, 0, head_end):
        where = m.group(2)
        if where is not None and not (lexicon.match(where, context, lang.is_boundary) and any(
                v.is_a(lexicon.cls(eid), ["StockExchange"]) for _, _, eid in lexicon.match(where, context, lang.is_boundary))
                or any(w in where.lower() for w in lang.words.get("ticker_words") or [])):
            continue
        before = re.search(name_before, text[max(0, m.start() - 60):m.start()].rstrip())
        if before:
            name = before.group(1).rstrip(" ,")
            if zh and not re.search(r"[A-Za-z]", name):
                name = _ZH_COMPANY_WORDS.sub("", name) if len(name) > 4 else name
                cut = [a for a, b, cls in _zh_names(name) if b == len(name) and cls in ("Company", "Organisation")]
                name = name[cut[0]:] if cut else name
            add(name)
    for m in _DECLARED_ANYWHERE.finditer(text, 0, head_end):
        window = text[max(0, m.start() - 40):m.start()].rstrip()
        if any(e == len(window) and v.is_a(lexicon.cls(eid), ["Organisation"]) for s, e, eid in lexicon.match(window, every_context, lang.is_boundary)):
            continue  # 地平线机器人（下称“地平线”）: a known company's short name (``declared_names``)
        add(m.group(1))  # "Marlow holding (688999.SH, hereinafter "Marlow")": the name the text will use
    kinds = lang.words.get("company_kinds") or []
    if kinds:
        alts = alternation(kinds)
        if zh:
            expr = re.compile(rf"^([\u4e00-\u9fff·A-Za-z0-9&.\- ]{{2,30}}?)(?:[（(][^（）()]{{0,60}}[）)])*(?:是|为)(?:一家|一个|全球|中国|国内|目前)[^。！？\n]{{0,60}}?(?:{alts})")
        else:
            expr = re.compile(rf"^(?:[A-Z]{{3,}}(?:,\s+[A-Z][a-z]+)*,?\s+[A-Z][a-z]{{2}}\s+[0-9]{{1,2}},\s+[0-9]{{4}}\s+[-—–]+\s+)?"  # a dateline
                              rf"((?:[A-Z][\w&'’.-]*,?\s+){{0,6}}?[A-Z][\w&'’.-]*)(?:\s*\([^()]{{0,80}}\))*(?:,?\s+(?:is|was)|,)\s+(?:a|an|one of the|the)\s"
                              rf"[^.\n]{{0,120}}?\b(?:{alts})\b")
        for start, para in paragraphs:
            m = expr.match(para.strip())
            if m:
                add(m.group(1).strip().rstrip(","))
    if title:
        if zh:
            roles = alternation(_role_titles(lang))
            body = title[_ZH_TITLE_LEADS.match(title).end():]
            m = re.match(rf"([\u4e00-\u9fff·A-Za-z0-9]{{2,12}}?)(?:联席|执行|轮值|兼)?(?:{roles})", body) if roles else None
            if m:
                add(m.group(1))
            m = re.match(r"([\u4e00-\u9fff·A-Za-z0-9]{2,8})[:：]", title)
            if m and not (roles and re.search(roles, m.group(1))) and not _ZH_TITLE_LEADS.match(m.group(1)).end():
                add(m.group(1))  # 澜舟国际：一家公司的介绍
            for latin in re.findall(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&.\-]*[a-z][A-Za-z0-9&.\-]*(?![A-Za-z0-9])", title):
                alone = re.findall(rf"(?<![A-Za-z0-9] )(?<![A-Za-z0-9]){re.escape(latin)}(?![A-Za-z0-9])", text)
                if len(alone) >= 3 and _acts_as_company(text, latin, lang):
                    add(latin)  # Zelqo首次实现全年盈利: a name in Latin letters the text repeats (not a product after its maker's name)
        else:
            nouns = alternation(lang.words.get("company_nouns") or []) or "(?!)"
            for m in re.finditer(rf"((?:[A-Z][\w&.-]*\s+){{0,2}}[A-Z][\w&.-]*)['’]s\s+(?=[A-Z]|(?:{nouns})\b)", title):
                add(m.group(1))  # "An Interview with Brantic's Wen Hao"
            first = re.match(r"[\"“]?([A-Z][\w&.-]*[a-z][\w&.-]*|[A-Z]{3,})\s+(?:[A-Z]|[a-z]+s\b)", title)
            if first and first.group(1) not in _EN_NOT_NAME_WORDS and not known(title[first.start(1):].split(":")[0]) \
                    and _acts_as_company(text, first.group(1), lang):
                add(first.group(1))  # "Quelvor Reports Fiscal Year 2025 Results"
    if not zh:
        # a word-for-word rendering of a company's name glossed with its name: "Science Big News Fly Share Limited
        # Company (iFLYTEK)"
        for m in _GLOSSED_ORG.finditer(text, 0, head_end):
            literal, inner = m.group(1).strip(), m.group(2).strip()
            if _EN_COMPANY_WORDS.search(literal) and re.fullmatch(r"[A-Za-z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,2}", inner):
                core = _EN_COMPANY_WORDS.sub("", literal).strip()  # "Science Big News Fly", as the text goes on
                add(inner, [literal] + ([core] if len(core.split()) >= 2 else []))
    if zh:
        # the company before its head's title in the lead (快手科技联合创始人、董事会主席兼首席执行官程一笑)
        roles = alternation(_role_titles(lang))
        for m in re.finditer(rf"([\u4e00-\u9fff]{{2,10}}?)(?:联合|联席|执行|轮值)?(?:{roles})", text[len(title):lead_end]) if roles else ():
            name = m.group(1)
            cut = [a for a, b, cls in _zh_names(name) if b == len(name) and cls in ("Company", "Organisation")]
            add(name[cut[0]:] if cut else name[_ZH_TITLE_LEADS.match(name).end():])
        # a legal name in the lead (澜舟精密工业股份有限公司昨晚发布年报)
        for m in _ZH_COMPANY.finditer(text, len(title), lead_end):
            full = m.group(1)
            if _ZH_LEGAL.search(full):
                full = re.sub(r"^.*?(?:旗下|下属|控股的|子公司|企业|公司)(?=[\u4e00-\u9fff]{4})", "", full)  # 旗下医疗企业X: X
                add(full[next((a for a, b, cls in _zh_names(full) if b == len(full)), 0):])
        # 北京石头世纪科技股份有限公司（石头科技）: a short name of the full name's own characters, in order
        for m in _ZH_COMPANY.finditer(text, 0, head_end):
            short = re.match(r"[（(]([\u4e00-\u9fffA-Za-z0-9]{2,8})[）)]", text[m.end():m.end() + 12])
            if short and _in_order(short.group(1), m.group(1)):
                full = m.group(1)
                full = full[next((a for a, b, cls in _zh_names(full) if b == len(full)), 0):]
                add(short.group(1), [full])
    # a name that opens another candidate's fuller form is that candidate ("Cloud Sail", declared short, of
    # "Cloud Sail Number Branch Stock Limited Company (Yunvar, hereinafter "Cloud Sail")": Yunvar)
    for name in list(found):
        forms = {name} | found[name]
        host = next((other for other in found if other != name and not any(f.startswith(other) for f in forms)
                     and any(f != name and f.startswith(name) for f in {other} | found[other])), None)
        if host is not None:
            found[host] |= forms
            del found[name]
    return [(name, aliases) for name, aliases in found.items()]


def _cued_topic(text: str, lexicon: Lexicon, lang: Language, context, title: str, lead_end: int):
    """The most named of ``_cued_companies``, as ``_unknown_company`` gives its pick (a cue counts as a
    declaration), or None."""
    from .iris import new_entity_id
    from .types import EntityInfo

    best = None
    for name, aliases in _cued_companies(text, lexicon, lang, context, title, lead_end):
        aliases = set(aliases)
        if lang.code == "en":
            aliases |= _fuller_names(text[:max(lead_end, 1500)], name, lang) | _shorter_name(text, name, lang)
        aliases |= _full_names(text[:lead_end], {name} | aliases)
        if title.strip() and name.startswith(title.strip()) and name != title.strip():
            aliases.add(title.strip())  # a profile's title "Quelvor" over "Quelvor SA is a Swiss maker of …"
        info = _with_short_forms(text, EntityInfo(new_entity_id(name), "Company", ((lang.code, name),),
                                                  tuple((lang.code, a) for a in sorted(aliases - {name}))), lang)
        weight = sum(_head_weight(start, title, lead_end) for start, _ in name_spans(text, {n for _, n in info.labels + info.aliases}, lang.code))
        if weight < 3:
            continue
        if best is None or weight > best[1]:
            best = (info, weight, True)
    return best


# the words that end a Chinese company's name and that the text drops when it names the company again
# (澜舟 of 澜舟国际, 澜舟 of 澜舟精密): its legal forms (``legal_forms``) and these
_ZH_NAME_TAILS = ("国际", "科技", "技术", "电子", "网络", "智能", "精密", "实业", "工业", "数码", "通讯", "通信")


def _with_short_forms(text: str, info, lang: Language):
    """``info`` with the short names a Chinese text calls it by: a name less a word that ends it (澜舟 of
    澜舟国际), when the text writes the short name alone at least twice (not inside the full name)."""
    if lang.code != "zh":
        return info
    tails = sorted(set(_ZH_NAME_TAILS) | {w for w in lang.words.get("legal_forms") or [] if len(w) >= 2}, key=len, reverse=True)
    names = {n for _, n in info.labels + info.aliases}
    extra = []
    for name in sorted(names):
        while True:  # 澜舟精密工业股份有限公司 -> 澜舟精密工业 -> 澜舟精密
            tail = next((t for t in tails if name.endswith(t) and len(name) - len(t) >= 2), None)
            if tail is None:
                break
            name = name[:-len(tail)]
            if name not in names and name not in extra and len(name_spans(text, {name}, "zh", name_spans(text, {n for n in names if len(n) > len(name)}, "zh"))) >= 2:
                extra.append(name)
    return dataclasses.replace(info, aliases=info.aliases + tuple(("zh", a) for a in extra)) if extra else info


def _in_order(short: str, full: str) -> bool:
    """Are the characters of ``short`` those of ``full``, in order (石岩智造 of 上海石岩智能制造科技股份有限公司)?"""
    it = iter(full)
    return len(short) < len(full) and all(ch in it for ch in short)


def _zh_names(sentence: str) -> tuple:
    from .lang import zh_ner

    return zh_ner.names(sentence) if zh_ner.available() else ()


def infer_topic_names(text: str, lexicon: Lexicon, lang: Language, context, glossed: tuple = ()):
    """(topic id, entities the lexicon lacks that the topic needs): the topic may be a company
    the lexicon does not know, named in the title and then throughout ("Beautiful Group 2024
    Annual Performance Express …", a translation of 美的集团) -- it wins over a known company
    only when it is named more."""
    title, lead_end = _head(text)
    if not title and not lead_end:
        return "", ()
    weights: Counter = Counter()
    hits = _companies(text, lexicon, lang, context)
    for start, eid in hits:
        weights[eid] += _head_weight(start, title, lead_end)
    for info in glossed:  # "Small Peng Automobile (Xpeng)": the rendering counts for the company it renders
        for start, _ in name_spans(text, {a for _, a in info.aliases}, lang.code):
            weights[info.entity_id] += _head_weight(start, title, lead_end)
    in_title = {eid for start, eid in hits if start < len(title)}
    unknown = _unknown_company(text, lexicon, lang, context, title, lead_end, bool(in_title))
    cued = _cued_topic(text, lexicon, lang, context, title, lead_end)
    if cued is not None and (unknown is None or cued[1] > unknown[1]):
        unknown = cued
    if unknown is not None:
        info, n, declared = unknown
        info = _with_short_forms(text, info, lang)
        inside = name_spans(text, {name for _, name in info.labels + info.aliases}, lang.code)
        for start, eid in hits:  # 讯飞 inside 讯飞医疗 is not 讯飞
            if any(a <= start < b for a, b in inside):
                weights[eid] -= _head_weight(start, title, lead_end)
        weights = +weights
        best_known = weights.most_common(1)[0][1] if weights else 0
        headline = title and any(start < len(title) for start, _ in inside)  # the title names it too: as a known one would
        if n >= 6 and (n > 1.5 * best_known or headline and 2 * n >= best_known):
            return info.entity_id, (info,)
        if unknown is cued and headline and n > best_known:
            return info.entity_id, (info,)  # the title names it, and the top of the text says it is a company
        legal = any((_ZH_LEGAL if lang.code == "zh" else _EN_LEGAL).search(name) for _, name in info.labels)
        if (declared or legal) and headline and n > 1.5 * best_known:
            # the title names it, and the lead declares it with the short name the text will use or the title
            # gives its legal name (杭州云帆数字科技股份有限公司2024年年度报告摘要), the text then saying "the company"
            # (公司) throughout: the topic, though named once or twice
            return info.entity_id, (info,)
    if not weights:
        return "", ()
    in_lead = {eid for start, eid in hits if len(title) <= start < lead_end}
    if len(in_title) == 1 and in_title <= in_lead:
        (headline,) = in_title  # "Haier Smart Home posts record profit" / "QINGDAO -- Haier Smart Home Co., Ltd. …"
        if weights[headline] >= 6 and 2 * weights[headline] >= weights.most_common(1)[0][1]:
            return headline, ()
    (best, n), *rest = weights.most_common() + [("", 0)]
    total = sum(weights.values())
    # named most, and clearly more than any other (a keynote names dozens of partners once or twice)
    if n >= 3 and (n / total >= 0.3 or n >= 1.5 * rest[0][1]) and n > rest[0][1]:
        return best, ()
    return "", ()


def short_names(topic: str, lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    """Other companies whose bare name begins the topic's name (Haier for Haier Smart Home,
    海信 for 海信视像): in a document about that company, the bare name is its short name.
    (id, topic id) pairs."""
    info = lexicon.info(topic)
    if info is None:
        return ()
    out = set()
    for _, name in info.labels + info.aliases:
        for eid in lexicon.named_inside(name, frozenset({"Company"})):
            other = lexicon.info(eid)
            if eid != topic and other is not None and any(
                    name.lower().startswith(label.lower()) for _, label in other.labels):
                out.add((eid, topic))
    return tuple(sorted(out))


def _first_person(text: str, lang: Language) -> bool:
    """Does the text speak in the first person (three first-person words or more)?"""
    pattern = "|".join(re.escape(w) for w in lang.words.get("first_person", []))
    if not pattern:
        return False
    flags = re.IGNORECASE if lang.code == "en" else 0
    bounded = rf"(?<![\w-])(?:{pattern})(?![\w-])" if lang.code == "en" else pattern
    return len(re.findall(bounded, text, flags)) >= 3


def infer_speaker(text: str, lexicon: Lexicon, lang: Language, context) -> str:
    """The person who says 我/"I" in a first-person text: named at its top ("我是雷军",
    a heading or a lead naming the speaker); '' for a text not in the first person."""
    from .iris import vocab

    if not _first_person(text, lang):
        return ""
    v = vocab()
    head = "\n".join([p for p in text.split("\n") if p.strip()][:3])
    people = [eid for s, e, eid in lexicon.match(head, context, lang.is_boundary) if v.is_a(lexicon.cls(eid), ["Person"])]
    return people[0] if people else ""


# a person's name as an English heading or label writes it: two to four capitalised words, a title before it left out
_EN_PERSON = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir)\.?\s+)?([A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][\w'’-]+){1,3})"
_EN_LABEL = r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
_ZH_LABEL = r"([\u4e00-\u9fff·]{2,8})"


def _speech_title_speaker(title: str, lang: Language) -> str | None:
    """The speaker a speech's title names: 某某科技董事长兼CEO张三在……发布会上的讲话, "Transcript: Jane Doe keynote,
    Acme World 2024", "Jane Doe's remarks at …" (``speech_words``: what a title calls a speech)."""
    words = lang.words.get("speech_words") or []
    if not words:
        return None
    alts = alternation(words)
    if lang.code == "zh":
        roles = alternation(_role_titles(lang))
        m = re.search(rf"(?:{roles})([\u4e00-\u9fff·]{{2,8}}?)(?:在|于)[^。]{{0,60}}?(?:{alts})", title) if roles else None
    else:
        m = re.search(rf"(?:^|:\s*|—\s*|-\s+){_EN_PERSON}(?:['’]s)?\s+(?:{alts})\b", title)
    return re.sub(r"['’]s$", "", m.group(1)) if m else None


def _interviewee(lines: list[str], lang: Language) -> str | None:
    """The person a Q&A transcript's lead names after an interview word ("we spoke with Jane Doe, chief
    executive of …", 本报记者专访了…总裁张三), when its answers go under a bare answer label (A:, 答：)."""
    answers = lang.words.get("answer_labels") or []
    leads = lang.words.get("interview_leads") or []
    if not answers or not leads:
        return None
    label = re.compile(rf"(?:{'|'.join(re.escape(w) for w in answers)})\s*[:：]", re.IGNORECASE)
    if sum(1 for line in lines if label.match(line)) < 2:
        return None
    cue = re.compile(alternation(leads), re.IGNORECASE)
    for line in lines[:4]:
        m = cue.search(line)
        if m is None or label.match(line):
            continue
        if lang.code == "en":  # the person right after the words: "sat down with Jane Doe, …"
            person = re.match(rf"\s+{_EN_PERSON}(?=\s*(?:[,(—–.]|$))", line[m.end():])
            if person:
                return person.group(1)
            continue
        from .lang import zh_ner

        rest = re.split(r"[。！？!?；;，,（(]", line[m.end():])[0]  # the person closes the clause: 专访了…总裁张三。
        person = next((rest[a:b] for a, b, cls in zh_ner.names(rest) if cls == "Person" and b == len(rest)), None)
        if person and re.fullmatch(r"[\u4e00-\u9fff·]{2,10}", person):
            return person
    return None


def unknown_speaker(text: str, lexicon: Lexicon, lang: Language, context) -> EntityInfo | None:
    """The speaker of a first-person text whose name the lexicon lacks, as a person of this document:
    named by a speech heading at the top ("Remarks by Jane Doe, Chief Executive Officer", "演讲人：张三"),
    else the label of the answers of an interview transcript ("张三：…" lines, most often, the asker's
    label -- 记者, Q -- left out), given in full where the text writes the name longer (克莱·马古约克 for
    the label 马古约克). None when neither is there or the name is one the lexicon knows as something else."""
    from .iris import new_entity_id

    lines = [p.strip() for p in text.split("\n") if p.strip()]
    heads = lang.words.get("speaker_heads") or []
    name = short = None
    if heads:
        words = alternation(heads)
        if lang.code == "en":
            found = re.compile(rf"(?:^|[\s—–-])(?:{words})\s*:?\s+{_EN_PERSON}(?=\s*(?:[,(—–]|$|\bat\b|\bon\b))",
                               re.IGNORECASE)
        else:
            found = re.compile(rf"(?:{words})\s*[:：]\s*{_ZH_LABEL}(?=[，,（(、\s]|$)")
        for line in lines[:3]:
            m = found.search(line)
            if m and (lang.code == "zh" or m.group(1)[0].isupper()):
                name = m.group(1)
                break
    if name is None and lines:
        name = _speech_title_speaker(lines[0], lang)
    if name is None:
        name = _interviewee(lines, lang)
    if name is None:
        asker = {w.lower() for w in lang.words.get("interviewer_labels") or []}
        label = re.compile(rf"{_EN_LABEL if lang.code == 'en' else _ZH_LABEL}\s*[:：]")
        counts = Counter()
        for line in lines[1:]:
            m = label.match(line)
            if m and m.group(1).lower() not in asker and not any(m.group(1).startswith(a) for a in asker if len(a) > 1):
                counts[m.group(1)] += 1
        if not counts:
            return None
        (short, n), *rest = counts.most_common() + [("", 0)]
        if n < 3 or n < 2 * rest[0][1]:
            return None  # answers under one label, clearly more than any other's
        # the name in full where the lead writes it longer: 克莱·马古约克 for 马古约克, "Clay Magouyrk" for "Magouyrk"
        sound = re.escape(lang.words.get("transliteration_chars") or "") or "\u4e00-\u9fff"  # 克莱·, not 总裁克莱·
        longer = (rf"(?:[{sound}]{{1,6}}·)+{re.escape(short)}" if lang.code == "zh"
                  else rf"(?<![\w'’-])((?:[A-Z][\w-]*[a-z][\w-]*\s+){{1,2}}){re.escape(short)}\b")
        m = re.search(longer, text)
        if m is None and lang.code == "en":  # a Chinese name in English, the family name first: "Chen" of "Chen Tianshi"
            m = re.search(rf"(?<![\w'’-]){re.escape(short)}\s+[A-Z][a-z]+(?:-[a-z]+)?(?![\w'’-])", text)
        name = m.group(0) if m else short
        if lang.code == "zh" and not m and not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", short):
            return None
        if lang.code == "en" and " " not in name:
            return None  # a bare "Smith:" or "Acme:" is not known to be a person
    spans = lexicon.match(name, context, lang.is_boundary)
    if any(cls != "Person" for cls in (lexicon.cls(eid) for _, _, eid in spans)):
        return None  # a company's or a place's name, not a person's
    aliases = ((lang.code, short),) if short and short != name else ()
    return EntityInfo(new_entity_id(name), "Person", ((lang.code, name),), aliases)


@functools.lru_cache(maxsize=1)
def load_contexts(path: Path | None = None) -> dict:
    """``data/contexts.yaml``, checked: min_cues a whole number, each context a list of cue words."""
    from . import schema

    path = path or resources.data_dir() / "contexts.yaml"
    data = resources.load_yaml(path, cached=True)
    schema.check(data, schema.CONTEXTS, path, "top level")
    for name, spec in data["contexts"].items():
        schema.check(spec, schema.CONTEXT, path, f"context '{name}'", (f"{name}:",))
    return data


def document_context(doc: Document, cues: dict | None = None) -> tuple[str, ...]:
    """The document's context from the manifest, else inferred from cue words."""
    if doc.context:
        return doc.context
    data = cues or load_contexts()
    need = int(data.get("min_cues", 3))
    lowered = doc.text.lower()
    found = []
    for name, spec in (data.get("contexts") or {}).items():
        hits = sum(1 for cue in spec.get("cues", []) if cue.lower() in lowered)
        if hits >= need:
            found.append(name)
    return tuple(found)


def profile(doc: Document, lang: Language, lexicon: Lexicon) -> Document:
    """The document with what its manifest left out filled in from its text."""
    changes: dict = {}
    context = document_context(doc)
    if context != doc.context:
        changes["context"] = context
    if doc.date is None:
        date = infer_date(doc.text, lang)
        if date is not None:
            changes["date"] = date
    glossed = glossed_names(doc.text, lexicon, lang, context)
    bracketed = bracketed_names(doc.text, lexicon, lang, context) + english_names(doc.text, lexicon, lang, context) \
        + subsidiary_names(doc.text, lexicon, lang, context) + latin_names(doc.text, lexicon, lang, context) \
        + legal_names(doc.text, lexicon, lang, context) + declared_names(doc.text, lexicon, lang, context)
    bracketed = tuple(info for info in bracketed if info.entity_id not in {n.entity_id for n in doc.names + glossed})
    if glossed or bracketed:
        changes["names"] = doc.names + glossed + bracketed
    if not doc.organisation:
        # (a known company's other name that a bracket gives, 里维安（Rivian）, counts for it as a rendering does)
        # (not when the lexicon reads another name in it: 元平台公司（Meta Platforms…）)
        renderings = glossed + tuple(info for info in bracketed if not info.labels and info.cls in ("Company", "Organisation")
                                     and not any(lexicon.match(a, context, lang.is_boundary) for _, a in info.aliases))
        topic, names = infer_topic_names(doc.text, lexicon, lang, context, renderings)
        if topic:
            changes["organisation"] = topic
            if names:
                # "Veltrane Robotics", found as a company of its own, is the topic's fuller name
                forms = {n.lower() for info in names for _, n in info.labels + info.aliases}
                kept = tuple(info for info in changes.get("names", doc.names) if info in doc.names
                             or not {n.lower() for _, n in info.labels} & forms)
                changes["names"] = kept + names
    organisation = changes.get("organisation", doc.organisation)
    if organisation and not doc.short_names:
        short = short_names(organisation, lexicon)
        if short:
            changes["short_names"] = short
    if not doc.speaker:
        speaker = infer_speaker(doc.text, lexicon, lang, context)
        if speaker:
            changes["speaker"] = speaker
        elif _first_person(doc.text, lang):
            info = unknown_speaker(doc.text, lexicon, lang, context)
            if info is not None:
                names = changes.get("names", doc.names)
                changes["speaker"] = info.entity_id
                if info.entity_id not in {n.entity_id for n in names}:
                    changes["names"] = names + (info,)
    speaker = changes.get("speaker", doc.speaker)
    if speaker and not doc.organisation and changes.get("organisation"):
        # an interview or a speech speaks for the company its lead says the speaker heads ("Jane Doe has run Acme
        # since 2014"), though the text names a subsidiary or a customer more
        names = {n.entity_id: n for n in changes.get("names", doc.names)}
        info = names.get(speaker) or lexicon.info(speaker)
        headed = _speaker_company(doc.text, info, lexicon, lang, context) if info else None
        if headed and headed != changes["organisation"]:
            changes["organisation"] = headed
            changes.pop("short_names", None)
            short = short_names(headed, lexicon)
            if short and not doc.short_names:
                changes["short_names"] = short
    if not doc.home_country and lang.words.get("home_country") and lexicon.info(lang.words["home_country"]):
        changes["home_country"] = lang.words["home_country"]
    return dataclasses.replace(doc, **changes) if changes else doc


def _speaker_company(text: str, info, lexicon: Lexicon, lang: Language, context) -> str | None:
    """The known company the lead of a text says its speaker heads: the first sentence of the top three
    paragraphs that names the speaker and a head's title or verb (chief executive, has run, 董事长, 执掌) names
    one company the lexicon knows; None otherwise."""
    from .iris import vocab

    words = _role_titles(lang, verbs=True)
    if not words:
        return None
    role = re.compile((r"(?i)(?<![\w-])(?:" if lang.code == "en" else "(?:") + alternation(words)
                      + (r")(?![\w-])" if lang.code == "en" else ")"))
    forms = {n for _, n in info.labels + info.aliases}
    v = vocab()
    head = "\n".join([p for p in text.split("\n") if p.strip()][:3])
    for sentence in re.split(r"(?<=[.!?。！？])\s+|\n", head):
        if not name_spans(sentence, forms, lang.code) or not role.search(sentence):
            continue
        near = 30 if lang.code == "en" else 8  # the company next to the title or verb: "has run Acme", "Acme's chief"
        roles = [m.span() for m in role.finditer(sentence)]
        companies = {eid for s, e, eid in lexicon.match(sentence, context, lang.is_boundary)
                     if v.is_a(lexicon.cls(eid), ["Company"]) and not v.is_a(lexicon.cls(eid), ["ResearchFirm"])
                     and any(a - near <= e and s <= b + near for a, b in roles)}
        return next(iter(companies)) if len(companies) == 1 else None
    return None
