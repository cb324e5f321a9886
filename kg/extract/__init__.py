"""Stage 3: turn the mentions of each sentence into facts.

Extraction is a set of extractors, one module per kind, behind one small interface: an
extractor is a function that takes the :class:`~kg.extract.context.Context` of a sentence
(its mentions, clauses, the document and what the previous sentences said) and returns
facts. ``EXTRACTORS`` lists them in the order they run; goals run first, because they
consume their ranks and keep unmet targets from becoming facts.

Nothing here knows a particular entity, number or sentence: triggers come from the
pattern file (``data/patterns.yaml``), argument types from the lexicon and the ontology,
numbers and dates from the mentions stage.
"""
from __future__ import annotations

import re

import bisect
import dataclasses
import os
from typing import Callable

from ..iris import vocab
from ..lang import Language
from ..numbers import period_bounds
from ..types import EntityInfo, Extraction, Fact, Mention, PeriodRef
from . import corporate, goals, nominal, positions, quantities, relations, roles, structure
from .context import ENTITY_KINDS, THIS_QUARTER, Context, compared_time, has_word, statement_periods
from .patterns import Patterns, load_patterns

Extractor = Callable[[Context], "list[Fact]"]

EXTRACTORS: tuple[Extractor, ...] = (
    nominal.regional_units,  # first: a name that holds its owner's (小米（印度）有限公司) is the others' to read
    goals.extract,
    quantities.extract,
    positions.extract,
    roles.extract,
    corporate.extract,
    nominal.extract,
    relations.extract,
    structure.modifiers,
    structure.representatives,
    structure.series,
    structure.facilities,
)

__all__ = ["EXTRACTORS", "Extractor", "Patterns", "dated_posts", "extract", "first_time_only", "load_patterns"]


def extract(annotated: Extraction, lang: Language, patterns: Patterns, carry: dict | None = None) -> Extraction:
    """Facts for one document, from its sentences and mentions.

    ``carry`` holds what the sentences hand on to the next ones (names found outside the
    lexicon, the last companies, periods and places, the period a results text reports on);
    the pipeline passes the same dict to the consecutive blocks of a long document."""
    doc = annotated.document
    by_sentence: dict[int, list[Mention]] = {}
    starts = [s.start for s in annotated.sentences]
    for m in annotated.mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        by_sentence.setdefault(i, []).append(m)
    facts: list[Fact] = []
    blocked = carry is not None
    carry = {} if carry is None else carry
    new_names: dict[str, EntityInfo] = carry.setdefault("new_names", {})
    for info in doc.names:  # the profile's names the lexicon lacks
        new_names.setdefault(info.entity_id, info)
    recent_orgs: list[str] = carry.setdefault("recent_orgs", [])
    history: list[tuple[list, list]] = carry.setdefault("history", [])
    errors: list[str] = carry.setdefault("errors", [])
    set_words = tuple(w for g in patterns.goals for w in (g.get("set") or {}).get(lang.code, []))
    if "report_period" not in carry:
        carry["report_period"] = _report_period(annotated, lang)
    report_period = carry["report_period"]
    for sent in annotated.sentences:
        mentions = list(by_sentence.get(sent.index, []))
        clauses = [(sent.start + s, sent.start + e) for s, e in lang.clauses(sent.text)]
        window = history[-2:]
        ctx = Context(doc, lang, sent, mentions, clauses,
                      [p for ps, _ in window for p in ps], [p for _, pl in window for p in pl], patterns, new_names,
                      set_words=set_words, recent_orgs=recent_orgs[-1:], report_period=report_period,
                      recent_parties=carry.get("recent_parties", ()),
                      recent_categories=carry.get("recent_categories", []), recent_lists=carry.get("recent_lists", []),
                      short_names=carry.setdefault("short_names", {}),
                      recent_people=carry.get("recent_people", ((), 0))[0])
        told = len(facts)
        for extractor in EXTRACTORS:
            try:
                facts += extractor(ctx)
            except Exception as exc:  # one rule's bug on one sentence must not lose the whole build
                if os.environ.get("KG_STRICT_EXTRACT") == "1":
                    raise
                errors.append(f"{doc.doc_id}: sentence {sent.index}: {extractor.__module__.rsplit('.', 1)[-1]}."
                              f"{extractor.__name__}: {type(exc).__name__}: {exc}")
        v = vocab()
        _short_forms(ctx, carry["short_names"])
        orgs = [m.entity_id for m in ctx.mentions if m.kind in ENTITY_KINDS and m.cls and v.is_a(m.cls, ["Company"])]
        if orgs:
            recent_orgs.append(orgs[0])  # the first company named is what the sentence is about
        # the two parties 双方 / "the two companies" of the next sentence point back at (none when it names fewer)
        carry["recent_parties"] = tuple(dict.fromkeys(orgs))[:2]
        # the people a "he" or "she" opening one of the next two sentences may stand for
        people = tuple(dict.fromkeys(m.entity_id for m in ctx.mentions if m.kind == "entity" and m.cls == "Person"))
        before, age = carry.get("recent_people", ((), 0))
        carry["recent_people"] = (people, 0) if people else ((before, age + 1) if age < 1 else ((), 0))
        # the market the next sentence may go on about ("… China's smartphone market. Vivo led the market …")
        carry["recent_categories"] = sorted({m.entity_id for m in ctx.mentions if m.kind == "entity" and m.cls and v.is_a(m.cls, ["ProductCategory"])})
        # the ranking list the next sentence may go on about ("… entered the Fortune Global 500. It was ranked 360th …")
        carry["recent_lists"] = sorted({m.entity_id for m in ctx.mentions if m.kind == "entity" and m.cls and v.is_a(m.cls, ["RankingList"])})
        carried = _carried([m for m in statement_periods(ctx) if not compared_time(ctx, m) and not _today(m, doc)
                            and not _planned(ctx, m) and not _aside(ctx, m) and not _year_ago(ctx, m)], facts[told:])
        if report_period is not None:  # "This quarter net loss …. Gross margin rose to 15.3%": the quarter reported on
            carried = [report_period if THIS_QUARTER[lang.code].search(p.text or "") else p for p in carried]
        if not carried and has_word(sent.text, lang.words.get("full_year_words"), lang.code):
            carried = _whole_years(facts[told:])  # "Gross margin for the year was 81%.": the year of its figures
        history.append((carried,
                         [m.entity_id for m in ctx.mentions if m.kind in ENTITY_KINDS and m.cls and v.is_a(m.cls, ["Place"])]))
        by_sentence[sent.index] = ctx.mentions  # with the names found along the way
    all_mentions = tuple(m for i in sorted(by_sentence) for m in by_sentence[i])
    if not blocked:  # a long document's blocks are settled together, once all are read (kg/blocks.py)
        facts = dated_posts(first_time_only(facts, patterns), patterns)
    return Extraction(doc, annotated.sentences, all_mentions, tuple(facts), tuple(new_names.values()), tuple(errors))


def _short_forms(ctx, short: dict) -> None:
    """The short forms a later sentence may call a person the text has named in full: a word of an
    English name ("Huang" or "Chang" of Huang Chang, "Welk" of Dorian Welk), the last part of a name
    written with a dot (伍德曼 of 尼克·伍德曼). A form two people share names neither (None)."""
    for m in ctx.mentions:
        if m.kind != "entity" or m.cls != "Person":
            continue
        if ctx.lang.code == "en":
            forms = [w for w in re.findall(r"[A-Z][\w'’-]*", m.text) if len(w) > 1 and not w.endswith(".")]
            forms = forms if len(forms) >= 2 else []
        else:
            parts = re.split(r"[·•]", m.text)
            forms = [parts[-1]] if len(parts) >= 2 and len(parts[-1]) >= 2 else []
        for form in forms:
            if short.get(form, m.entity_id) != m.entity_id:
                short[form] = None
            else:
                short[form] = m.entity_id


def first_time_only(facts: list[Fact], patterns: Patterns) -> list[Fact]:
    """A product is launched once: when a document dates the same launch twice (unveiled in
    January, on sale in June, first deliveries a year later), the earliest time is the launch and
    the later ones are other events of the product, whoever the sentence names as its maker
    (relations whose pattern says ``once``)."""
    once = {pat["property"] for pat in patterns.relations if pat.get("once")}
    bounds = {}
    for i, f in enumerate(facts):
        p = f.attr("period") if f.kind == "relation" and f.predicate in once else None
        b = _bounds(p) if isinstance(p, PeriodRef) and p.year is not None and not p.qualifier else None
        if b is not None:
            bounds[i] = b
    first: dict[tuple, tuple] = {}
    for i, b in bounds.items():
        key = (facts[i].predicate, facts[i].obj)
        first[key] = min(first.get(key, b), b)
    for i, b in bounds.items():  # 2023年…的推出 and 2023年12月28日亮相: the day inside the year is the same launch, told precisely
        key = (facts[i].predicate, facts[i].obj)
        best = first[key]
        if best[0] <= b[0] and b[1] <= best[1] and b[1] - b[0] < best[1] - best[0]:
            first[key] = b
    out = []
    for i, f in enumerate(facts):
        if i in bounds and bounds[i] != first[(f.predicate, f.obj)]:
            continue
        out.append(f)
    return out


def dated_posts(facts: list[Fact], patterns: Patterns) -> list[Fact]:
    """A post a document names twice, once with the time it was taken ("became chief executive in 2023") and once
    without ("chief executive Anja Vollmer said"), is one fact: the dated one, with the undated one's evidence."""
    posts = {t["property"] for t in (patterns.roles or {}).get("titles") or []} - {"founderOf"}
    dated: dict[tuple, int] = {}
    for i, f in enumerate(facts):
        p = f.attr("period") if f.kind == "relation" and f.predicate in posts else None
        if isinstance(p, PeriodRef) and p.year is not None:
            dated.setdefault((f.subject, f.predicate, f.obj), i)
    if not dated:
        return facts
    extra: dict[int, list] = {}
    out_of: set[int] = set()
    for i, f in enumerate(facts):
        if f.kind == "relation" and f.predicate in posts and f.attr("period") is None:
            j = dated.get((f.subject, f.predicate, f.obj))
            if j is not None:
                extra.setdefault(j, []).extend(f.evidence)
                out_of.add(i)
    return [dataclasses.replace(f, evidence=f.evidence + tuple(extra[i])) if i in extra else f
            for i, f in enumerate(facts) if i not in out_of]


def _bounds(p: PeriodRef):
    """The first and last day of a period (numbers.period_bounds), to tell which of two comes first; None
    for one that names no real day."""
    try:
        return tuple(period_bounds(p)[:2])
    except ValueError:
        return None




def _report_period(annotated: Extraction, lang: Language):
    """The period a results document reports on: the first quarter, half or year its title or
    lead names ("小米集团公布2023年全年业绩", "second quarter results"), when they speak of results."""
    from .patterns import words_re

    words = lang.words.get("results_words") or []
    text = annotated.document.text
    paragraphs = [p for p in text.split("\n") if p.strip()][:3]
    if len(paragraphs) == 3 and len(paragraphs[1]) > 60:
        paragraphs = paragraphs[:2]  # the lead is the second paragraph, unless that is a dateline
    head_end = text.find(paragraphs[-1]) + len(paragraphs[-1]) if paragraphs else 0
    if not words or not words_re(words, lang.code).search(text[:head_end]):
        return None
    # "results for the year to 31 March 2024", 截至2024年3月31日止年度: the fiscal year that ends that day
    ends = lang.words.get("year_end_words") or []
    ends_before = re.compile(r"(?:" + "|".join(map(re.escape, ends)) + r")\s*(?:on\s+)?$", re.IGNORECASE) if ends else None
    for m in annotated.mentions:
        if m.start >= head_end:
            break
        p = m.period if m.kind == "period" else None
        if p is not None and p.year and p.month and ends and (
                lang.code == "en" and ends_before.search(text[max(0, m.start - 30):m.start])
                or lang.code == "zh" and any(text.startswith(w, m.end) for w in ends)):
            return PeriodRef(p.year)
    found = []
    for m in annotated.mentions:
        if m.start >= head_end:
            break
        p = m.period if m.kind == "period" else None
        if p is not None and p.year and p.month == 6 and p.day == 30 and _HALF_AFTER.match(text, m.end):
            return PeriodRef(p.year, half=1)  # 截至2025年6月30日止六个月, "up to 2025 year 6 month 30 day the half year"
        if p is not None and p.year and not p.day and not p.month and p.qualifier in ("", "asof") \
                and not _COMPARED_AFTER.match(text, m.end):  # 较去年同期, "compare last year same period"
            found.append(m)
    # a title's bare 一季度 takes its year from the date; the lead's 2025财年第一季度 says it
    written = [m for m in found if re.search(r"\d{4}", m.text)]
    # "fourth quarter and full fiscal year 2025 results", 第四季度及2025财年业绩: a bare quarter or half is one of the
    # fiscal year the title names (not the calendar's, which the text's date would give it)
    bare = next((m.period for m in found if m not in written and (m.period.quarter or m.period.half)), None)
    fiscal = [m for m in written if _FISCAL.search(text[max(0, m.start - 20):m.end]) and not (m.period.quarter or m.period.half or m.period.month)]
    if bare is not None and (bare.quarter or bare.half) and fiscal:
        return PeriodRef(fiscal[0].period.year, quarter=bare.quarter, half=bare.half)
    if written and found and (written[0].period.quarter or written[0].period.half) == (found[0].period.quarter or found[0].period.half):
        return written[0].period
    return found[0].period if found else None


_FISCAL = re.compile(r"fiscal|financial\s+year|\bFY|财年|财政年度|会计年度", re.IGNORECASE)
_HALF_AFTER = re.compile(r"\s*(?:止?(?:六个月|半年度?|中期)|(?:the\s+)?(?:half[\s-]year|six\s+months|interim))", re.IGNORECASE)
_COMPARED_AFTER = re.compile(r"\s*(?:同期|the\s+same\s+(?:period|quarter|half)|same\s+(?:period|quarter|half))", re.IGNORECASE)


def _whole_years(told: list) -> list:
    """The whole year the figures of a sentence that names no time of its own were told for, when they
    agree on one (a sentence that says "for the year" hands it on)."""
    years = [f.attr("period") for f in told if f.kind == "quantity" and isinstance(f.attr("period"), PeriodRef)]
    plain = {p.plain() for p in years if not p.qualifier}
    if len(plain) == 1:
        (p,) = plain
        if p.year and not (p.quarter or p.half or p.month or p.day or p.qualifier):
            return [p]
    return []


def _planned(ctx: Context, m: Mention) -> bool:
    """A time told in a clause about what is still to come ("a new plant, which will begin operations this
    year", 介绍了今年的新车计划): the time of a plan, not of what the next sentences report."""
    i = ctx.clause_of(m.start)
    cs, ce = ctx.clauses[i]
    text = ctx.doc.text
    if not re.sub(r"[\W_]+", "", text[cs:m.start] + text[m.end:ce]) and i + 1 < len(ctx.clauses):
        ce = ctx.clauses[i + 1][1]  # 2018年，中国手机市场规模将出现…: a time that stands alone opens the clause after it
    return has_word(text[cs:ce], ctx.lang.words.get("future") or [], ctx.lang.code)


_RELATIVE_CLAUSE = re.compile(r"\s*(?:which|who|whose)\b", re.IGNORECASE)


def _aside(ctx: Context, m: Mention) -> bool:
    """A time told in a relative clause after a comma ("the impairment at Canon Medical, which we booked in the
    fourth quarter, …"): it dates the thing the clause describes, not what the next sentences report."""
    cs, _ = ctx.clauses[ctx.clause_of(m.start)]
    return cs > ctx.sent.start and _RELATIVE_CLAUSE.match(ctx.doc.text, cs) is not None


def _today(m: Mention, doc) -> bool:
    """今天, "today" (a day word without digits that is the document's own date): the time of the text,
    which every sentence has anyway, not a time the next sentences go on about ("How big is Vodafone
    today? … We were 247th in the last Fortune Global 500")."""
    d, p = doc.date, m.period
    return d is not None and (p.year, p.month, p.day) == (d.year, d.month, d.day) and not re.search(r"[0-9]", m.text)


def _year_ago(ctx: Context, m: Mention) -> bool:
    """上年同期, "the same quarter a year earlier": the time of a figure told only to compare with
    (归属于母公司的净利润为3.41亿美元，上年同期为10.76亿美元), which the next sentences do not go on about."""
    return quantities._YEAR_AGO_TIME.search(ctx.doc.text, m.start, m.end + 2) is not None


def _carried(periods: list, told: list | None = None) -> list:
    """The period a sentence hands on to the next ones ("2023年…。第四季度…"): the last of its times
    that dated a figure it told ("For fiscal 2023, revenue was …, reflecting weakness in the first
    half. Net income was …": the year, not the half); else its quarter or half, else its month, else its
    year, and only when it names nothing else a day, the last it names ("Apple on Monday unveiled ..."
    for the launches the next sentences tell)."""
    dated = [m.period for m in periods if m.period.year and m.period.qualifier in ("", "early", "late", "mid")]
    used = {f.attr("period").key for f in told or () if f.kind == "quantity" and isinstance(f.attr("period"), PeriodRef)}
    figures = [p for p in dated if p.key in used]
    if figures:
        return figures[-1:]
    for test in (lambda p: (p.quarter or p.half) and not p.day, lambda p: p.month and not p.day,
                 lambda p: not p.day):
        found = [p for p in dated if test(p)]
        if found:
            return found[:1]
    # of several days, the last told: （2024年6月19日 上海）美东时间18日，… is a dateline, then the day of the news
    return dated[-1:]
