"""Quantities: a metric's trigger and a number of the right unit, and growth rates.

For each metric trigger of a sentence (``quantities:`` in ``data/patterns.yaml``), the value is
the nearest number of a fitting unit in its clause, after the trigger first ("营收1146亿元",
"revenue of $90.8 billion", "revenue rose 35 percent to 365.9 billion yuan"), else just before it
("$90.8 billion in revenue"). A percentage after a growth word binds to the metric named before
it ("营收260.4亿美元，同比增长262%，环比增长18%", "net income ... up 628% year on year"), giving the
metric's own growth metric (year on year or quarter on quarter, ``growth:`` of the pattern).

Who the figure is about: an organisation named before the trigger in the clause, else the
sentence's, else the document's topic. A figure for a part of the business (增值服务收入,
"Services revenue") is about that part: about a product or platform the lexicon knows, or else
it is left out (its subject is not an entity). A place written there is the figure's scope
(海外收入, "revenue from Greater China").

When: the time in the clause, else in the sentence; else, for a flow (revenue in a period) the
last one the previous sentences gave, else the period the document reports on (its title or
lead: "2023年全年业绩", "fiscal 2024 second quarter"); for a state (employees, users, market
value) the document's date ("as of"), except that a state the company reports (``period: stock``:
employees, users) in a results text holds at the end of the period reported on.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from decimal import Decimal

from ..iris import vocab
from ..numbers import UNKNOWN_CURRENCY, period_bounds, period_end
from ..lexicon import load as load_lexicon
from ..types import Fact, Mention, PeriodRef
from .context import ORG, THIS_QUARTER, compared_time, market_just_named, ENTITY_KINDS, MONEY, MONEY_UNITS, Context, attrs, evidence, has_word, market_place, nearest, reported_by, span, trigger_hits
from .patterns import words_re

NOT_SUBJECT = ["StockExchange", "ResearchFirm", "RankingList", "InternalBody"]
REPORT_LAG_DAYS = 190  # results come out within about half a year of the period's end
SEGMENT_ENTITIES = ["Product", "ProductSeries", "Platform", "Brand", "Organisation"]


def extract(ctx: Context) -> list[Fact]:
    if not any(m.kind == "quantity" for m in ctx.mentions):
        return []
    hits = _trigger_hits(ctx)
    if not hits:
        return []
    _reserve_thresholds(ctx, hits)
    facts: list[Fact] = []
    used: list[tuple[int, int, dict]] = []  # triggers that took a value, for growth rates
    told: dict[tuple[int, int], Fact] = {}  # the value fact of each trigger
    paired = _paired_metrics(ctx, hits)
    for ts, te, pats in hits:
        for pat in pats:
            if pat.get("growth_only"):
                continue
            if (ts, te) in paired and not _fits(ctx, pat, paired[(ts, te)]):
                continue
            fact = _value_fact(ctx, _qualified(ctx, pat, ts), ts, te, paired.get((ts, te)))
            if fact is not None:
                facts.append(fact)
                used.append((ts, te, pat))
                told[(ts, te)] = fact
                break
        else:
            used.append((ts, te, pats[0]))  # "收入同比增长15%": a growth rate with no value
            ctx.idle_triggers.add((ts, te))
    facts += _with_own_times(ctx, list(told.values()))
    facts += _listed_parts(ctx, hits, told)
    facts = _per_share_or_total(ctx, facts, told, hits)
    facts = _respectively(ctx, facts, told)
    facts += _conversions(ctx, list(told.values()))
    facts += _shares(ctx, used, told)
    facts += _growth_facts(ctx, used, told)
    facts += _prior_values(ctx, list(told.values()))
    return facts


_BEFORE_FIGURE = re.compile(r"(?:为|达到|达|约为|约|共|合计)+$")


def _listed_parts(ctx: Context, hits, told: dict) -> list[Fact]:
    """Parts of the business listed after one whose figure a trigger took, each with its own figure and
    no trigger of its own (分业务看，移动网络业务全年净销售额76.9亿欧元，网络基础设施业务64.2亿欧元，云与网络服务业务29.7亿欧元):
    the same metric, for each part named. Chinese; each name ends in a word for a part (业务, 板块)."""
    if ctx.lang.code != "zh" or not told:
        return []
    text = ctx.doc.text
    parts_re = words_re(ctx.lang.words.get("part_words") or [], "zh")
    pats = {(ts, te): ps[0] for ts, te, ps in hits}
    out = []
    for (ts, te), f in told.items():
        pat = pats.get((ts, te))
        if pat is None or not pat.get("segments") or not f.subject.startswith("x-") or f.attr("unit") not in MONEY_UNITS:
            continue
        ev = f.evidence[0]
        owner = _owner(ctx, pat, ts, te, "", "part")
        if owner is None:
            continue
        for cs, ce in ctx.clauses[ctx.clause_of(ev.end - 1) + 1:]:
            figures = [m for m in _quantities(ctx) if cs <= m.start < ce]
            if len(figures) != 1 or figures[0].quantity.unit != f.attr("unit") or (figures[0].start, figures[0].end) in ctx.consumed:
                break
            qm = figures[0]
            name = _BEFORE_FIGURE.sub("", text[cs:qm.start].strip())
            if _other_trigger_between(ctx, cs, ce, (-1, -1), qm) or not parts_re or not parts_re.search(name[-3:]) \
                    or any(m.kind in ENTITY_KINDS and cs <= m.start < qm.start and m.entity_id != owner[1] for m in ctx.mentions) \
                    or not _named_part(ctx, name):  # (the owner's own name may open a part's: 诺基亚技术业务)
                break
            ctx.consumed.add((qm.start, qm.end))
            ev2 = evidence(ctx, [(cs, qm.end)], ev.rule, max(e.confidence for e in f.evidence) * 0.95)
            out.append(Fact("quantity", _segment_entity(ctx, owner[1], name), f.predicate, "", attrs(
                **{**dict(f.attrs), "value": qm.quantity.value, "bound": qm.quantity.bound}), (ev2,)))
    return out


_OWN_TIME = re.compile(r"\s*(?:for|in|during)\s+(?:the\s+)?", re.IGNORECASE)


def _with_own_times(ctx: Context, told: list[Fact]) -> list[Fact]:
    """English figures each told with its own time ("gross margin was 18.2% for 2023 and 17.6% in the
    fourth quarter", "$15.0 billion for the year and $7.93 billion for the fourth quarter"): the
    later figure is the same metric's for its time."""
    if ctx.lang.code != "en":
        return []
    text = ctx.doc.text
    out = []
    for f in told:
        ev = f.evidence[0]
        first = next((m for m in _quantities(ctx) if abs(m.quantity.value) == abs(f.attr("value")) and ev.start <= m.start < ev.end), None)
        if first is None or not _OWN_TIME.match(text, first.end):
            continue
        later = [m for m in _quantities(ctx) if first.end < m.start < ctx.sent.end and m.quantity.unit == first.quantity.unit]
        if not later or (later[0].start, later[0].end) in ctx.consumed:
            continue
        m2 = later[0]
        gap = text[first.end:m2.start]
        if not re.search(r"(?:\band|,)\s*$", gap) or len(gap) > 40 or _other_trigger_between(ctx, first.end, m2.start, (-1, -1)):
            continue
        lead = _OWN_TIME.match(text, m2.end)  # the time right after the later figure, its preposition perhaps inside it
        when = next((p for p in ctx.periods() if m2.end <= p.start <= lead.end() and p.end > lead.end()), None) if lead else None
        rp = ctx.report_period
        if when is None:
            # "$10.88 billion for the year and $2.49 billion for the quarter" in a results text: its quarter, its year
            bare = re.match(r"(quarter|year)\b", text[lead.end():lead.end() + 8], re.IGNORECASE) if lead and rp is not None and rp.year else None
            if bare is None or bare.group(1).lower() == "quarter" and not rp.quarter:
                continue
            period = rp if bare.group(1).lower() == "quarter" else PeriodRef(rp.year)
        else:
            period = when.period
            if rp is not None:
                period = _in_report_period(ctx, when, rp) or period
        if not period.year:
            continue
        ctx.consumed.add((m2.start, m2.end))
        ev2 = evidence(ctx, [(ev.start, ev.end), (m2.start, m2.end)], ev.rule, ev.confidence)
        value = -m2.quantity.value if f.attr("value") < 0 else m2.quantity.value
        out.append(Fact("quantity", f.subject, f.predicate, "", attrs(
            **{**dict(f.attrs), "value": value, "bound": m2.quantity.bound, "period": period}), (ev2,)))
    return out


def _per_share_or_total(ctx: Context, facts: list[Fact], told: dict, hits) -> list[Fact]:
    """A per-share amount (每股4.50港元, "$0.25 per share") of a metric whose pattern has ``per_share``
    words, in a sentence that also tells a total (派息总额约410亿港元, "a total payout of 4.1 billion
    euros"): the total is the figure of the company; the per-share amount is left out."""
    lang = ctx.lang.code
    reach = 8 if lang == "zh" else 0
    pats = {(ts, te): pats[0] for ts, te, pats in hits}
    per_share, words = [], []
    for key, f in told.items():
        own = ((pats.get(key) or {}).get("per_share") or {}).get(lang)
        if not own:
            continue
        ev = f.evidence[0]
        value = next((m for m in _quantities(ctx) if abs(m.quantity.value) == abs(f.attr("value")) and ev.start <= m.start < ev.end), None)
        if value is not None and _per_words(ctx, value, own, before=reach):
            per_share.append(f)
            words = own
    if not per_share:
        return facts
    # the total: an amount of money in the sentence of another order (总额约20亿港元), not per share
    told_values = {abs(f.attr("value")) for f in per_share}
    if not any(m.quantity.unit in MONEY_UNITS and m.quantity.value >= 1000 * max(told_values) and not _per_words(ctx, m, words, before=reach)
               for m in _quantities(ctx)):
        return facts
    out = [f for f in facts if f not in per_share]
    for f in per_share:  # 每股派0.46港元，总额约20亿港元: the total no other trigger took is this dividend's
        ev = f.evidence[0]
        total = next((m for m in _quantities(ctx) if m.start >= ev.end and m.quantity.unit == f.attr("unit")
                      and m.quantity.value >= 1000 * abs(f.attr("value")) and (m.start, m.end) not in ctx.consumed
                      and not _other_trigger_between(ctx, ev.end, m.start, (-1, -1))), None)
        if total is None:
            continue
        ctx.consumed.add((total.start, total.end))
        ev2 = evidence(ctx, [(ev.start, ev.end), (total.start, total.end)], ev.rule, ev.confidence)
        out.append(Fact("quantity", f.subject, f.predicate, "", attrs(
            **{**dict(f.attrs), "value": total.quantity.value, "bound": total.quantity.bound}), (ev2,)))
    return out


_LIST_GAP = re.compile(r"\s*(?:、|，|,|和|及|与|and|, and)\s*$")
# joined names of metrics, the second perhaps with a word of its own before its trigger (股票回购和现金股息, "buybacks and cash dividends")
_JOINED = re.compile(r"\s*(?:、|，|,|和|及|与|以及|and|, and)\s*(?:[\u4e00-\u9fff]{1,2}|[A-Za-z-]+\s+)?")
_AND = re.compile(r"\s*(?:、|和|及|与|以及|and)\s*(?:[\u4e00-\u9fff]{1,2}|[A-Za-z-]+\s+)?")


def _paired_metrics(ctx: Context, hits) -> dict[tuple[int, int], Mention]:
    """Metrics listed and then their figures, in the same order (营业收入和净利润分别为52亿元和11亿元,
    "revenue and net income were $5.2 billion and $1.1 billion, respectively"): each metric's figure."""
    if len(hits) < 2:
        return {}
    respectively = has_word(ctx.sent.text, ctx.lang.words.get("respectively") or [], ctx.lang.code)
    text = ctx.doc.text
    joined = _JOINED if respectively else _AND
    group = [hits[0]]
    for hit in hits[1:]:
        if joined.fullmatch(text[group[-1][1]:hit[0]]):
            group.append(hit)
        elif len(group) < 2:
            group = [hit]
        else:
            break
    if len(group) < 2:
        return {}
    values = [m for m in _quantities(ctx) if m.start >= group[-1][1] and (m.start, m.end) not in ctx.consumed]
    if not values or not respectively and values[0].start - group[-1][1] > (12 if ctx.lang.code == "zh" else 30):
        return {}
    if not all(any(_fits(ctx, p, values[0]) for p in pats) for _, _, pats in group):
        return {}  # "paid $1.2 billion in dividends and spent $3.4 billion on buybacks": "spent" names no metric of money
    chain = values[:1]
    for m in values[1:len(group)]:
        if not _JOINED.fullmatch(text[chain[-1].end:m.start]):
            break
        chain.append(m)
    if len(chain) == 1 and chain[0].quantity.unit in MONEY_UNITS and ctx.clause_of(chain[0].start) == ctx.clause_of(group[-1][0]):
        # 以股票回购和现金股息的形式返还了78亿美元, "spent $7.8 billion on buybacks and dividends": the sum, neither's figure
        ctx.consumed.add((chain[0].start, chain[0].end))
        return {}
    if len(chain) != len(group):
        return {}
    return {(ts, te): m for (ts, te, _), m in zip(group, chain)}


def _respectively(ctx: Context, facts: list[Fact], told: dict) -> list[Fact]:
    """Figures listed in the order of a list of times (2021年至2023年的营业收入分别为2.59亿元、3.69亿元和5.56亿元,
    "revenue in 2022 and 2023 was X and Y respectively"): one fact per pair, not the first figure for the last time."""
    words = ctx.lang.words.get("respectively") or []
    if not words or not has_word(ctx.sent.text, words, ctx.lang.code):
        return facts
    text = ctx.doc.text
    out = list(facts)
    for (ts, te), fact in told.items():
        if fact.kind != "quantity" or fact not in out:
            continue
        ev = fact.evidence[0]
        values = [m for m in ctx.mentions if m.kind == "quantity" and ev.start <= m.start < ctx.sent.end
                  and m.quantity.unit == (fact.attr("unit") if fact.attr("unit") != ctx.doc.currency else m.quantity.unit)]
        first = next((i for i, m in enumerate(values) if abs(m.quantity.value) == abs(fact.attr("value"))), None)
        if first is None:
            continue
        chain = [values[first]]
        for m in values[first + 1:]:  # A、B和C: figures joined by list words only
            if not _LIST_GAP.match(text[chain[-1].end:m.start]) and text[chain[-1].end:m.start].strip(" ,，、") not in ("和", "及", "and"):
                break
            chain.append(m)
        if len(chain) < 2:
            continue
        # the times listed before the figures, else after them ("$1.2 billion and $1.5 billion in 2022 and 2023, respectively")
        before = [m for m in ctx.periods() if ctx.sent.start <= m.start < chain[0].start and m.period.year]
        after = [m for m in ctx.periods() if chain[-1].end <= m.start < ctx.sent.end and m.period.year]
        years = next((ys for ys in (_listed_years(ctx, before), _listed_years(ctx, after)) if len(ys) == len(chain)), None)
        if years is None:
            continue
        out.remove(fact)
        for m, p in zip(chain, years):
            value = -m.quantity.value if fact.attr("value") < 0 else m.quantity.value
            ctx.consumed.add((m.start, m.end))
            e2 = evidence(ctx, [(ev.start, min(ev.end, chain[0].start)), (m.start, m.end)], ev.rule, ev.confidence)
            out.append(Fact("quantity", fact.subject, fact.predicate, "", attrs(
                **{**dict(fact.attrs), "value": value, "bound": m.quantity.bound, "period": p.plain()}), (e2,)))
    return out


_RANGE_GAP = re.compile(r"\s*(?:至|到|-|–|—|to|through|until)\s*", re.IGNORECASE)


def _listed_years(ctx: Context, times: list[Mention]) -> list[PeriodRef]:
    """The times a list of figures goes with: those listed, or each year of a range (2021年至2023年,
    "from 2021 to 2023", "between 2021 and 2023", "2021-2023")."""
    text = ctx.doc.text
    if len(times) == 2:
        a, b = times
        gap = text[a.end:b.start]
        lead = text[max(ctx.sent.start, a.start - 10):a.start]
        ranged = _RANGE_GAP.fullmatch(gap) or (gap.strip() == "" and _RANGE_GAP.match(b.text)) \
            or (re.fullmatch(r"\s*and\s*", gap) and re.search(r"\bbetween\s*$", lead, re.IGNORECASE))
        plain = all(not (m.period.quarter or m.period.half or m.period.month) for m in times)
        if ranged and plain and a.period.qualifier in ("", "since") and b.period.qualifier in ("", "by"):
            ya, yb = a.period.year, b.period.year
            return [PeriodRef(y) for y in range(ya, yb + 1)] if 0 < yb - ya < 10 else []
    return [m.period for m in times]


_BRACKET_OPEN = re.compile(r"\s*[(（]\s*(?:about|around|roughly|approximately|or|约合?|折合|合)?\s*")


def _conversions(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """A money figure followed by the same figure in another currency in brackets (66.19 trillion won
    ($45.9 billion), 人民币249.81亿元（约34.2亿美元）): the same fact told in that currency too."""
    out = []
    by_value = {}
    for f in facts:
        if f.kind == "quantity" and f.attr("unit") in MONEY_UNITS and f.evidence:
            by_value.setdefault(f.attr("value"), f)
    if not by_value:
        return out
    money = [m for m in ctx.mentions if m.kind == "quantity" and m.quantity.unit in MONEY_UNITS]
    for m in money:
        f = by_value.get(m.quantity.value) or by_value.get(-m.quantity.value)
        if f is None:
            continue
        opening = _BRACKET_OPEN.match(ctx.doc.text, m.end)
        if opening is None or opening.group().strip() == "":
            continue
        other = next((o for o in money if o.start == opening.end() and o.quantity.unit != m.quantity.unit
                      and (o.start, o.end) not in ctx.consumed), None)
        if other is None:
            continue
        ctx.consumed.add((other.start, other.end))
        value = -other.quantity.value if f.attr("value") < 0 else other.quantity.value
        bound = "Approximate" if re.search(r"about|around|roughly|approx|约", opening.group()) else other.quantity.bound
        ev = f.evidence[0]
        ev2 = evidence(ctx, [(ev.start, ev.end), (other.start, other.end)], ev.rule, ev.confidence)
        out.append(Fact("quantity", f.subject, f.predicate, "", attrs(
            **{**dict(f.attrs), "value": value, "unit": other.quantity.unit, "bound": bound}), (ev2,)))
    return out


def _shares(ctx: Context, used: list, told: dict) -> list[Fact]:
    """A metric's share of revenue told in its sentence (研发投入…，占营业收入的比例为3.53%; "R&D spending of
    $2.1 billion, about 4.1% of revenue"): the pattern's ``share`` metric, for the same company and time."""
    text, lang = ctx.doc.text, ctx.lang.code
    out = []
    for ts, te, pat in used:
        spec = pat.get("share")
        if not spec:
            continue
        before = (spec.get("before") or {}).get(lang) or []
        after = (spec.get("after") or {}).get(lang) or []
        for qm in _quantities(ctx):
            if qm.quantity.unit != "Percent" or (qm.start, qm.end) in ctx.consumed or qm.start < te:
                continue
            lead = re.sub(r"(?:约为|约|为|达到|达|超过|近|about|around|roughly|nearly|some)\s*$", "", text[max(ctx.sent.start, qm.start - (16 if lang == "zh" else 48)):qm.start]).rstrip()
            tail = text[qm.end:qm.end + 24].lstrip()
            said = next((w for w in sorted(before, key=len, reverse=True) if lead.lower().endswith(w.lower())), None)
            if not (any(tail.lower().startswith(w) for w in after) or said):
                continue
            bound = qm.quantity.bound
            if bound == "Exact" and said and _ABOUT_BEFORE.search(lead[: len(lead) - len(said)]):
                bound = "Approximate"  # 约占营收的14%: the share is about that
            value = told.get((ts, te))
            if value is not None:
                subj, period, conf = value.subject, value.attr("period"), max(e.confidence for e in value.evidence)
                subj_m = None
            else:
                subject = _subject(ctx, pat, ts, te)
                if subject is None:
                    continue
                subj_m, subj, _, conf = subject
                period, p_conf = _period(ctx, pat, ts, qm)
                conf *= float(pat.get("confidence", 0.85)) * p_conf
            ctx.consumed.add((qm.start, qm.end))
            ev = evidence(ctx, [span(subj_m), (ts, te), (qm.start, qm.end)], f"{pat['id']}-share", conf)
            out.append(Fact("quantity", subj, spec["metric"], "", attrs(
                value=qm.quantity.value, unit="Percent", bound=bound, period=period), (ev,)))
            break
    return out


_ABOUT_BEFORE = re.compile(r"(?:约|大约|近|about|around|roughly|approximately|nearly)\s*$", re.IGNORECASE)


def _qualified(ctx: Context, pat: dict, ts: int) -> dict:
    """The pattern as its ``qualified`` words before the trigger in its clause make it: "Non-GAAP
    归属于普通股股东的净利润", "non-GAAP net income attributable to" are the adjusted figure."""
    q = pat.get("qualified")
    if not q:
        return pat
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    if not has_word(ctx.doc.text[cs:ts], (q.get("words") or {}).get(ctx.lang.code), ctx.lang.code):
        return pat
    return {**pat, "metric": q["metric"], "id": q.get("id", pat["id"])}


def _prior_values(ctx: Context, told: list[Fact]) -> list[Fact]:
    """The value a year earlier told beside a figure ("revenue of $45.96 billion, compared with
    $51.33 billion a year earlier", 营收1724亿元，上年同期为1552亿元): the same metric and subject
    for the period a year before."""
    growth = ctx.patterns.growth or {}
    spec = growth.get("prior") or {}
    lang = ctx.lang.code
    before_re = words_re((spec.get("before") or {}).get(lang, []), lang)
    ago_re = words_re((spec.get("year_ago") or {}).get(lang, []), lang)
    yoy_re = words_re((growth.get("yoy") or {}).get(lang, []), lang)
    qoq_re = words_re((growth.get("qoq") or {}).get(lang, []), lang)
    if before_re is None or ago_re is None:
        return []
    text = ctx.doc.text
    out = []
    for f in told:
        period = f.attr("period")
        ev = f.evidence[0]
        if not isinstance(period, PeriodRef) or not period.year or period.day or period.qualifier:
            continue
        for qm in _quantities(ctx):
            q = qm.quantity
            if qm.start < ev.end or (qm.start, qm.end) in ctx.consumed or q.value <= 0 \
                    or q.unit != f.attr("unit") and not (q.unit == "" and f.attr("unit") == "Count"):  # ("up from 435,059")
                continue
            lead = text[max(ctx.sent.start, qm.start - (8 if lang == "zh" else 16)):qm.start]
            if not before_re.search(lead) or _other_trigger_between(ctx, ev.end, qm.start, (-1, -1)):
                break
            tail = text[qm.end:qm.end + 30]
            if qoq_re is not None and (qoq_re.search(tail) or qoq_re.search(lead)):
                break  # a quarter earlier, not a year
            said = ago_re.search(lead) if lang == "zh" else re.match(r"\s*(?:in\s+)?" + ago_re.pattern, tail, re.IGNORECASE)
            # 较2023年的175.07亿元: the year before, named before the value
            said = said or (lang == "zh" and any(
                m.period.year == period.year - 1 and not m.period.quarter and not m.period.month and not m.period.qualifier
                and qm.start - len(lead) <= m.start and m.end <= qm.start and re.fullmatch(r"(?:同期)?的?为?", text[m.end:qm.start])
                for m in ctx.periods()))
            # "slipped to 19.44% from 20.21% in 2023": the year before, named
            said = said or any(m.period.year == period.year - 1 and not m.period.quarter and not m.period.month
                               and re.fullmatch(r"\s*(?:in|for)\s+(?:fiscal\s+)?(?:the\s+same\s+(?:quarter|period|month|half)\s+(?:of\s+)?)?",
                                                text[qm.end:m.start], re.IGNORECASE)
                               for m in ctx.periods() if qm.end <= m.start <= qm.end + 30)
            named = _named_earlier(ctx, qm, period) if lang == "en" else None
            if named is False:
                break  # "up 12% from $4.5 billion in the second quarter": an earlier time that is not a year before
            said = said or named
            if not said and not (yoy_re is not None and yoy_re.search(text[ev.end:qm.start])) and not _rate_before(ctx, ev.end, qm.start):
                break
            ctx.consumed.add((qm.start, qm.end))
            # as sure as the figure when the words say it is a year earlier; else a little less
            confidence = max(e.confidence for e in f.evidence) * (1.0 if said else 0.9)
            ev2 = evidence(ctx, [(ev.start, ev.end), (qm.start, qm.end)], f"prior-{ev.rule}", confidence)
            value = -q.value if f.attr("value") < 0 else q.value  # 净亏损28.2亿元，较上年的42.2亿元收窄: a loss too
            out.append(replace(f, attrs=attrs(**{**dict(f.attrs), "value": value, "bound": q.bound,
                                                   "period": named or replace(period, year=period.year - 1, start=0, end=0, text="")}),
                               evidence=(ev2,)))
            break
    return out


def _named_earlier(ctx: Context, qm: Mention, period: PeriodRef):
    """The time named right after an earlier value ("up from 435,059 in the third quarter", "from $7.46 billion in the
    March quarter of 2023"): that time when it is a period of the same length before ``period``; False when a time
    named there is not (a later one, another length, one we cannot place); None when none is named."""
    text = ctx.doc.text
    for m in ctx.periods():
        if not qm.end <= m.start <= qm.end + 14 or not re.fullmatch(r"\s*(?:million|billion|trillion|units|vehicles)?\s*(?:in|for|during)\s+",
                                                                     text[qm.end:m.start], re.IGNORECASE):
            continue
        p = m.period
        rp = ctx.report_period
        if re.search(r"\b(?:previous|prior|preceding|last)\s+quarter\b", m.text, re.IGNORECASE):
            if not period.quarter:
                return False
            # "up from $22.1 billion in the previous quarter": the quarter before the figure's own
            return PeriodRef(period.year - (period.quarter == 1), 4 if period.quarter == 1 else period.quarter - 1)
        if re.search(r"\b(?:previous|prior|preceding|last)\b", m.text, re.IGNORECASE):
            return None  # "the previous year": a year before, as the words say (_prior_values)
        if rp is not None and p.quarter and not re.search(r"\d{4}", m.text):
            p = _in_report_period(ctx, m, rp) or p
        if not p.year or p.day or p.qualifier:
            return False
        if (bool(p.quarter), bool(p.half), bool(p.month)) != (bool(period.quarter), bool(period.half), bool(period.month)):
            return None if not (p.quarter or p.half or p.month) and p.year == period.year - 1 else False
        try:
            if period_bounds(p)[1] >= period_bounds(replace(period, start=0, end=0, text=""))[0]:
                return False
        except ValueError:
            return False
        return replace(p, start=0, end=0, text="")
    return None


def _year_ago(ctx: Context, pat: dict, ts: int, qm: Mention, period):
    """A figure its sentence says is a year earlier (上年同期净亏损为23.6亿元, "against a net loss of 9.14
    trillion won a year earlier"): the time of the sentence's other figures, a year before."""
    spec = (ctx.patterns.growth or {}).get("prior") or {}
    lang = ctx.lang.code
    ago_re = words_re((spec.get("year_before") or {}).get(lang, []), lang)
    if ago_re is None:
        return period
    text = ctx.doc.text
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    if lang == "zh":
        lo = max(cs, ts - 8)
        said = ago_re.search(text, lo, ts)
    else:
        said = re.compile(r"\s*(?:in\s+)?" + ago_re.pattern, re.IGNORECASE).match(text, qm.end, qm.end + 30)
    if not said:
        return period
    own = [m for m in ctx.periods() if ctx.sent.start <= m.start < ctx.sent.end and m.period.year
           and not (m.start < said.end() and said.start() < m.end) and not m.period.qualifier]
    rp = ctx.report_period if _financial(pat) else None
    if own:  # 当季…，上年同期…: the time the sentence names, as a results text means it
        base = (_in_report_period(ctx, own[0], rp) if rp is not None else None) or own[0].period
    else:
        base = ctx.recent_periods[-1] if ctx.recent_periods else rp
    if base is None or not base.year or base.day:
        return None  # a year before a time we do not know
    return replace(base, year=base.year - 1, start=0, end=0, text="")


def _rate_before(ctx: Context, start: int, end: int) -> bool:
    """A growth rate between the two values ("up 14 percent from $20.91 billion"): a change on the year."""
    return any(m.quantity.unit == "Percent" and start <= m.start < end for m in _quantities(ctx))


def _thresholds(ctx: Context, qm: Mention | None = None) -> list[Mention]:
    return [m for m in _quantities(ctx) if m is not qm and m.quantity.unit in MONEY + ("",)
            and m.quantity.value >= 100_000_000]


def _reserve_thresholds(ctx: Context, hits) -> None:
    """营收过千亿，苹果用了20年: the amount is the milestone the years are counted to, nobody's revenue."""
    for ts, te, pats in hits:
        if any(p.get("threshold") and _value_for(ctx, p, ts, te) is not None for p in pats):
            big = _thresholds(ctx)
            if big:
                ctx.consumed.add((big[0].start, big[0].end))
            return


# ---------------------------------------------------------------- triggers


def _trigger_hits(ctx: Context) -> list[tuple[int, int, list[dict]]]:
    """Metric triggers of the sentence, longest first where they overlap (经调整净利润 before 净利润):
    one scan, the alternation being sorted longest first."""
    regex, owners = ctx.patterns.trigger_re("quantities", ctx.lang.code)
    found = []
    for s, e, owned in trigger_hits(ctx, regex, owners, names_inside=True):
        pats = [p for p in owned if _context_ok(ctx, p) and not _followed_by_other(ctx, p, e)]
        if _rank_follows(ctx, e):  # 进入了前5位, "entered the top 10": a rank is reached, no country entered
            pats = [p for p in pats if any(w in ctx.doc.text[s:e].lower() for w in ("前", "top"))]
            if not pats:
                ctx.idle_triggers.add((s, e))
        if pats:
            found.append((s, e, pats))
    return found


def _followed_by_other(ctx: Context, pat: dict, e: int) -> bool:
    """Do the words right after the trigger make it another thing's (``not_followed_by``: "sales and marketing
    expenses", "sales force")?"""
    words = (pat.get("not_followed_by") or {}).get(ctx.lang.code)
    regex = words_re(words, ctx.lang.code) if words else None
    return regex is not None and regex.match(ctx.doc.text, e + len(ctx.doc.text[e:e + 4]) - len(ctx.doc.text[e:e + 4].lstrip())) is not None


_BEFORE_RANK = re.compile(r"\s*(?:了|the|its|their|a)?\s*", re.IGNORECASE)


def _rank_follows(ctx: Context, e: int) -> bool:
    gap = _BEFORE_RANK.match(ctx.doc.text, e).end()
    return any(m.kind == "rank" and m.start == gap for m in ctx.mentions) or \
        bool(re.match(r"前\s*[0-9一二三四五六七八九十]|top\s+(?:[0-9]|one|two|three|five|ten)", ctx.doc.text[gap:gap + 8], re.IGNORECASE))


def _context_ok(ctx: Context, pat: dict) -> bool:
    """Are the pattern's context words in the sentence (or, for ``context_paragraph``, in its paragraph
    up to the sentence's end: "By geography, revenue in the Americas was …. Japan accounted for $6.26 billion")?"""
    words = (pat.get("context") or {}).get(ctx.lang.code)
    if not words:
        return True
    text = ctx.sent.text
    if pat.get("context_paragraph"):
        text = ctx.doc.text[ctx.doc.text.rfind("\n", 0, ctx.sent.start) + 1:ctx.sent.end]
    return has_word(text, words, ctx.lang.code)


# ---------------------------------------------------------------- values


def _fits(ctx: Context, pat: dict, m: Mention) -> bool:
    q = m.quantity
    if q.unit == UNKNOWN_CURRENCY or q.unit not in pat.get("units", []) and not (q.unit == "" and "" in pat.get("units", [])):
        return False
    if (m.start, m.end) in ctx.consumed:
        return False
    if q.unit in MONEY_UNITS and re.match(r"\s*(?:euro\s+|US\s+)?(?:cents?|pence)\b", ctx.doc.text[m.end:m.end + 16], re.IGNORECASE):
        return False  # "9.0 euro cents a share": read as euros, a hundred times too much
    if q.unit in ("", "Count") and _year_like(ctx, m):
        return False  # "in 2012 researchers used our GPUs": a year, not a count
    if q.value < Decimal(str(pat.get("min_value", 0))):
        return False
    if any(gs <= m.start and m.end <= ge for gs, ge, _ in ctx.goal_spans):
        return False  # a target, met or not, is the goal's figure: 完成了300万辆的目标 is no result of its own
    nouns = (pat.get("nouns") or {}).get(ctx.lang.code)
    if nouns and not _noun_follows(ctx, m, nouns):
        return False
    not_nouns = (pat.get("not_nouns") or {}).get(ctx.lang.code)
    if not_nouns and _noun_follows(ctx, m, not_nouns):
        return False
    if _per_words(ctx, m, (pat.get("per_lot") or {}).get(ctx.lang.code), before=24 if ctx.lang.code == "zh" else 60):
        return False  # 每10股派发现金红利25元, "39.74 yuan for every 10 shares": an amount per lot of shares, no figure of the company's
    return True


_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|by|until|from|of)\s+|[在于自到至])$", re.IGNORECASE)


def _year_like(ctx: Context, m: Mention) -> bool:
    """A four-digit number of a year written after a word of time ("in 2012 researchers") or inside a
    time the text names: a year, not a count."""
    if any(p.start <= m.start and m.end <= p.end for p in ctx.periods()):
        return True
    digits = re.match(r"(1[89]|20)\d\d(?![\d,.])", m.text)
    return bool(digits) and bool(_YEAR_BEFORE.search(ctx.doc.text[max(0, m.start - 8):m.start]))


def _per_words(ctx: Context, m: Mention, words, before: int) -> bool:
    """Do these words (每股, "per share") stand right after the number, or before it in its clause
    (``before`` characters at most)?"""
    regex = words_re(words or [], ctx.lang.code)
    if regex is None:
        return False
    text = ctx.doc.text
    cs = ctx.clauses[ctx.clause_of(m.start)][0]
    after = re.match(r"\s*(?:\(\S*\)|（\S*）)?\s*", text[m.end:m.end + 12])
    if regex.match(text, m.end + (after.end() if after else 0)):
        return True
    return bool(regex.search(text[max(cs, m.start - before):m.start]))


def _noun_follows(ctx: Context, m: Mention, nouns: list[str]) -> bool:
    """Is the number one of these things: 302.44万辆, "1.8 million vehicles", "2,485,378 units"?"""
    regex = words_re(nouns, ctx.lang.code)
    after = ctx.doc.text[m.end:m.end + (4 if ctx.lang.code == "zh" else 24)].lstrip(" 个多余")
    if ctx.lang.code == "en":
        # "1.8 million vehicles", "4,272,145 new energy vehicles", "2,485,378 plug-in hybrid passenger cars": up to
        # three lower-case words of the kind may stand before the noun
        gap = len(ctx.doc.text[m.end:m.end + 60]) - len(ctx.doc.text[m.end:m.end + 60].lstrip())
        # "135,000 SU7 cars", "500,000 Model Y vehicles": the name of the product counted may stand before the noun
        named = next((x for x in ctx.mentions if x.start == m.end + gap and x.kind in ENTITY_KINDS and x.cls
                      and vocab().is_a(x.cls, ["Product", "ProductSeries"])), None)
        skip = named.end - m.end - gap if named is not None else 0
        after = ctx.doc.text[m.end:m.end + 60 + skip].lstrip()
        starts = [0] + [w.end() for w in re.finditer(r"[a-z][a-z-]*\s+", after[:re.match(r"(?:[a-z][a-z-]*\s+){0,3}", after).end()])]
        if skip:
            starts.append(skip + len(after[skip:]) - len(after[skip:].lstrip()))
        return bool(regex.search(m.text)) or any(regex.match(after, i) for i in starts)
    return bool(regex.search(m.text)) or bool(regex.match(after))


def _quantities(ctx: Context) -> list[Mention]:
    return [m for m in ctx.mentions if m.kind == "quantity"]


def _other_trigger_between(ctx: Context, start: int, end: int, own: tuple[int, int], value: Mention | None = None) -> bool:
    """Another metric's trigger between the trigger and the number: the number is theirs (unless
    the number names what it counts and that metric cannot take it: "top 5 sales in 16 countries")."""
    regex, owners = ctx.patterns.trigger_re("quantities", ctx.lang.code)
    if regex is not None:
        for m in regex.finditer(ctx.doc.text, start, end):
            if (m.start(), m.end()) == own or own[0] <= m.start() < own[1] or (m.start(), m.end()) in ctx.idle_triggers:
                continue
            if own[1] > 0 and re.fullmatch(r"\s*[（(]\s*", ctx.doc.text[own[1]:m.start()]) and re.match(r"\s*[）)]", ctx.doc.text[m.end():]):
                continue  # "average daily active users (DAUs)", 月活跃用户（MAU）: the trigger's own short name, in brackets
            if not any(_context_ok(ctx, p) for p in owners[m.group().lower()]):
                continue  # "share of the global smartphone market was 20%": a market's change needs a word of change
            if value is not None and not any(_fits(ctx, p, value) for p in owners[m.group().lower()] if not p.get("growth_only")):
                continue
            return True
    return False


def _value_for(ctx: Context, pat: dict, ts: int, te: int) -> Mention | None:
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    fits = [m for m in _quantities(ctx) if _fits(ctx, pat, m)]
    named = (pat.get("nouns") or {}).get(ctx.lang.code)
    if pat.get("value_right_after"):
        # a verb that names no metric ("Japan accounted for $6.26 billion"): only the figure right after it,
        # and not one its next words give to another measure ("generated $2 billion in free cash flow")
        nxt = next((m for m in fits if te <= m.start), None)
        if nxt is None or not re.fullmatch(r"\s{0,2}", ctx.doc.text[te:nxt.start]) or _said_of_other(ctx, pat, nxt):
            return None
        return nxt
    inside = [m for m in fits if m.start < ts < m.end]  # "300,000 employees", 5款|款手机: the number and trigger share a noun
    # "in more than 190 countries": the figure's own bound words end the trigger
    inside += [m for m in fits if ts < m.start < te < m.end]
    if inside and pat.get("level") and _told_as_change(ctx, inside[0], inside[0].end):
        return _level_after(ctx, fits, inside[0].end)  # "gained 4 million subscribers, reaching 120 million"
    if inside:
        return inside[0]
    if pat.get("value_after_words"):
        fits = [m for m in fits if m.start >= te and _after_words(ctx, pat, te, m)]
    after = [m for m in fits if te <= m.start < ce and not _other_trigger_between(ctx, te, m.start, (ts, te), m if named else None)
             and not (ctx.lang.code == "en" and _EN_FROM_FIGURE.search(ctx.doc.text, max(te, m.start - 40), m.start))]
    before = [m for m in fits if cs <= m.start and m.end <= ts and not _other_trigger_between(ctx, m.end, ts, (ts, te), m if named else None)]
    if pat.get("level") and (before and _told_as_change(ctx, before[-1], ts)
                                         or after and after[0].start - te <= 4 and _told_as_change(ctx, None, ts)):
        # "added 17 million monthly active users in the quarter, to 713 million": the level after "to", not
        # the change (a change with no level after it is no figure of the metric)
        return _level_after(ctx, fits, te)
    # a number that names what it counts (在16个国家销量进入了前5位) may stand further off
    reach = (14, 48) if named else (6, 12)
    if before and after and ctx.lang.code == "en" and (
            "Count" in pat.get("units", []) and re.fullmatch(r"\s*(?:[a-z-]+\s+(?:and\s+)?){0,3}", ctx.doc.text[before[-1].end:ts])
            and not (named and _noun_follows(ctx, before[-1], named))
            or re.fullmatch(r"\s*(?:in|of)\s+(?:[a-z-]+\s+)?", ctx.doc.text[before[-1].end:ts])):
        # "330 million mobile and broadband customers and 92,000 employees", "$6.4 billion in dividends and
        # $5.6 billion in repurchases": the figure before its noun, not the next one (but not a figure that has its
        # own noun before a verb of the metric: "produced 49,476 vehicles and delivered 51,579")
        return before[-1]
    if before and after and ctx.lang.code == "zh" and "Count" in pat.get("units", []) \
            and re.fullmatch(r"[名个位家多余]?", ctx.doc.text[before[-1].end:ts]):
        return before[-1]  # 服务超过10亿用户和8000万商家: the number right before its noun counts it, not the next one
    if named and before and not after and ctx.lang.code == "en":
        # "produced 49,476 vehicles and delivered 51,579": the noun told with the figure before, left out after the verb
        bare = _elided_noun_figure(ctx, pat, te, ce)
        if bare is not None:
            return bare
    if after:
        return after[0]
    if before and ts - before[-1].end <= reach[ctx.lang.code != "zh"]:
        return before[-1]  # "$90.8 billion in revenue", 16.4万名全职员工
    # "revenue in 2021, 2022 and 2023 was $1.2 billion, …, respectively": the first of the listed figures
    if has_word(ctx.sent.text, ctx.lang.words.get("respectively"), ctx.lang.code):
        listed = [m for m in fits if te <= m.start < ctx.sent.end and not _other_trigger_between(ctx, te, m.start, (ts, te))]
        if listed:
            return listed[0]
    # "revenue, which rose to $90.8 billion": the value opens the next clause, which names no metric of its own
    nxt = ctx.clause_of(ts) + 1
    if nxt < len(ctx.clauses):
        ns, ne = ctx.clauses[nxt]
        cands = [m for m in fits if ns <= m.start < ne]
        if cands and cands[0].start - ns <= 12 and not _other_trigger_between(ctx, te, ne, (ts, te)):
            return cands[0]
    return None


def _deal_doer(ctx: Context, pat: dict, ts: int) -> bool:
    """Do the words just before the trigger name a deal, a stake or an asset (``not_doer``: "the deal, valued at",
    "a transaction valuing", 交易估值) rather than the company whose worth the figure is?"""
    words = (pat.get("not_doer") or {}).get(ctx.lang.code)
    if not words:
        return False
    if ctx.lang.code == "zh":
        before = ctx.doc.text[max(ctx.sent.start, ts - 6):ts]
    else:  # the last three words before it, over a comma ("the deal, valued at"; not "the deal gives Xiaomi a … valuation")
        before = " ".join(ctx.doc.text[max(ctx.sent.start, ts - 60):ts].split()[-3:])
    return has_word(before, words, ctx.lang.code)


def _named_between(ctx: Context, pat: dict, te: int, qm: Mention):
    """For ``subject_after``: the organisation named between the verb and its figure ("valuing Supercell at
    $10.2 billion"), as (mention, id, scope, factor); else None."""
    if not pat.get("subject_after"):
        return None
    named = [m for m in ctx.entities(pat.get("subject_classes") or ORG, NOT_SUBJECT) if te <= m.start and m.end <= qm.start]
    return (named[0], named[0].entity_id, "", 1.0) if named else None


def _deal_valued(ctx: Context, pat: dict, te: int, qm: Mention) -> bool:
    """For ``subject_after``: do the words between the verb and its figure name a deal or a stake ("valued the stake
    at $2 billion")?"""
    words = (pat.get("not_doer") or {}).get(ctx.lang.code)
    return bool(pat.get("subject_after") and words and has_word(ctx.doc.text[te:qm.start], words, ctx.lang.code))


def _after_words(ctx: Context, pat: dict, te: int, m: Mention) -> bool:
    """For ``value_after_words``: does the figure follow one of them ("valued the company at about $5 billion"),
    with a few words of bound between?"""
    words = (pat.get("value_after_words") or {}).get(ctx.lang.code)
    if not words:
        return True
    regex = words_re(words, ctx.lang.code)
    gap = ctx.doc.text[te:m.start]
    return bool(re.search(r"(?:^|\s)(?:" + regex.pattern + r")\s+(?:[a-z]+\s+){0,3}$", gap, re.IGNORECASE)) and len(gap) <= 60


# "revenue rose 44% from RMB68.8 billion", "up from $7.46 billion", "compared with $51.3 billion": the figure a change
# starts from or a figure is compared with, not the metric's own (_prior_values reads it as the earlier one)
_EN_FROM_FIGURE = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:the\s+)?(?:(?:previous|prior)\s+(?:year|quarter)['’]s\s+)?"
                             r"(?:about|nearly|roughly|around|some|almost|approximately)?\s*$", re.IGNORECASE)


def _unit_doer(ctx: Context, ts: int) -> str:
    """The name of a unit named as one that opens the clause of the verb at ``ts`` as its doer, with no company
    named in it ("the energy storage segment brought in"), else ""."""
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    m = _EN_CLAUSE_UNIT.match(ctx.doc.text, cs) if ctx.lang.code == "en" else None
    if m is None or m.end() > ts or ctx.doc.text[m.end():ts].strip() or any(
            x.kind in ENTITY_KINDS and cs <= x.start < ts and x.cls and vocab().is_a(x.cls, ORG) for x in ctx.mentions):
        return ""
    return m.group(1) or m.group(2)


def _market_figure(ctx: Context, ts: int, seg: tuple) -> bool:
    """Is the figure of a market the words before its trigger name (a place, and nothing else)?"""
    return seg[0] == "place" or (not seg[0] and bool(_own_market(ctx, ts)))


def _elided_noun_figure(ctx: Context, pat: dict, te: int, ce: int) -> Mention | None:
    """A bare figure right after the trigger that ends its phrase ("and delivered 51,579.", "sold 1.1 million in
    2024"): a count of the things a figure before it named."""
    text = ctx.doc.text
    for m in _quantities(ctx):
        if te < m.start < ce and re.fullmatch(r"\s{1,2}", text[te:m.start]) and m.quantity.unit in ("", "Count") \
                and _fits(ctx, {**pat, "nouns": None}, m) \
                and re.match(r"\s*(?:[,.;:)]|$|(?:in|during|last|this|for|by|and|while|compared|up|down)\b)", text[m.end:m.end + 16]):
            return m
    return None


def _said_of_other(ctx: Context, pat: dict, m: Mention) -> bool:
    """Do the words right after the figure give it to another measure (``not_after``: "$2 billion in free cash
    flow", "$1.1 billion of operating profit")?"""
    words = (pat.get("not_after") or {}).get(ctx.lang.code)
    if not words:
        return False
    tail = re.match(r"\s*(?:(?:in|of)\s+)?(?:(?:the|its|their)\s+)?", ctx.doc.text[m.end:m.end + 40])
    rest = ctx.doc.text[m.end + tail.end():m.end + 60].lower()
    return any(rest.startswith(w.lower()) for w in words)


def _told_as_change(ctx: Context, m: Mention | None, ts: int) -> bool:
    """Is the number ``m`` before a level's trigger what it changed by ("added 17 million users")? (``change_words``
    right before the number, nothing but words between it and the trigger.) With no number: do they stand right
    before the trigger, whose number follows (新增月活跃用户1700万)?"""
    words = ctx.lang.words.get("change_words")
    if not words or m is not None and (m.end > ts or re.search(r"[0-9,;，；]", ctx.doc.text[m.end:ts])):
        return False
    at = m.start if m is not None else ts
    lo = max(ctx.clauses[ctx.clause_of(at)][0], at - 24)
    change = words_re(words, ctx.lang.code).pattern
    if re.search(r"(?:" + change + r")\s*(?:a\s+net\s+|another\s+|nearly\s+|about\s+|over\s+|some\s+)?$", ctx.doc.text[lo:at], re.IGNORECASE):
        return True
    # "added 568,000 phone subscribers in the quarter, …, and 308,000 broadband customers": the last of a list of
    # figures the change word opens is a change too
    return m is not None and ctx.lang.code == "en" and bool(re.search(
        r"(?:" + change + r")\s+(?:a\s+net\s+|another\s+|nearly\s+|about\s+|over\s+|some\s+)?\d[^.;]*,?\s+and\s+$",
        ctx.doc.text[ctx.sent.start:at], re.IGNORECASE))


def _level_after(ctx: Context, fits: list[Mention], te: int) -> Mention | None:
    """The level a change brought the figure to, later in the sentence ("…, to 713 million", 达到7亿)."""
    words = ctx.lang.words.get("level_words")
    if not words:
        return None
    for m in fits:
        if te <= m.start < ctx.sent.end and re.search(r"(?:" + words_re(words, ctx.lang.code).pattern + r")\s*(?:about\s+|nearly\s+|over\s+|more\s+than\s+|约)?$",
                                                       ctx.doc.text[max(te, m.start - 24):m.start], re.IGNORECASE):
            return m
    return None


def _value_fact(ctx: Context, pat: dict, ts: int, te: int, qm: Mention | None = None) -> Fact | None:
    if _deal_doer(ctx, pat, ts):
        return None  # "the deal, valued at $69 billion": the worth of a deal, not of a company
    qm = qm or _value_for(ctx, pat, ts, te)
    if qm is None or _deal_valued(ctx, pat, te, qm):
        return None
    # a dividend or buy-back the company declares (将派发, "will return up to €4 billion through buybacks") is its
    # own fact, not a forecast (``declared``)
    future = _future(ctx, ts, qm) and not (pat.get("declared") and _declared(ctx, ts, qm))
    q = qm.quantity
    unit = q.unit
    if not unit:
        if any(u in MONEY for u in pat.get("units", [])) and not ctx.doc.currency and ctx.lang.code != "zh":
            return None  # "net sales of 64.5 billion" in English: the currency is not said (nor need it be the yuan)
        unit = (ctx.doc.currency or "CNY") if any(u in MONEY for u in pat.get("units", [])) else "Count"
    value = q.value
    if _negative(ctx, pat, ts, qm) and value > 0:
        value = -value
    bound = _bound(ctx, pat, qm, q.bound)
    if bound == "LowerBound" and pat.get("period") == "flow" and _milestone(ctx, ts, qm):
        ctx.consumed.add((qm.start, qm.end))
        # 营收首次突破4000亿元, "revenue topped $100 billion for the first time": a milestone, no figure; the figure
        # reached may follow it (首次突破千亿元大关，达到1200亿元, "…, reaching $112 billion")
        reached = _reached_after(ctx, ts, te, qm)
        return _value_fact(ctx, pat, ts, te, reached) if reached is not None else None
    seg = _segment(ctx, ts, te) if pat.get("segments") else _NO_SEGMENT
    doer = _unit_doer(ctx, ts) if pat.get("markets_only") and seg[0] in ("", "part") else ""
    if doer:
        seg = ("part", None, doer)  # "the energy storage segment brought in $1.44 billion": a unit named as one
    elif pat.get("markets_only") and not _market_figure(ctx, ts, seg):
        return None  # "Japan accounted for $6.26 billion": a market's figure; what else a verb's doer is, is unsure
    if seg[0] == "category" and seg[2] and any(u in MONEY_UNITS for u in pat.get("units", [])):
        seg = ("part", seg[1], seg[2])  # a money figure of a category is the figure of the part that sells it
    subject = _named_between(ctx, pat, te, qm) or _subject(ctx, pat, ts, te, seg)
    if subject is None:
        return None
    subj_m, subj, scope, confidence = subject
    if not scope and not seg[0] and pat.get("subject") != "market":
        scope = _own_market(ctx, ts)
    period, p_conf = _period(ctx, pat, ts, qm)
    period = _year_ago(ctx, pat, ts, qm, period)
    if not future and not pat.get("declared") and pat.get("period") == "flow" and _years_ahead(ctx, period):
        future = True  # 2030财年公司总营收达到2250亿美元, said in 2025: a target, not a result
    if future:
        return _forecast(ctx, pat, ts, te, qm, subj_m, subj, value, unit, bound, period, scope, confidence * p_conf)
    if pat.get("scope") == "place" and not scope:
        scope = _scope_place(ctx, pat, ts, qm)
    elif pat.get("scope") == "located" and not scope:
        scope = _located_in(ctx, ts, qm)
    category = _category(ctx, pat, ts, qm) or _segment_category(seg)
    threshold = threshold_unit = None
    if pat.get("threshold"):
        big = _thresholds(ctx, qm)
        if big:
            threshold = big[0].quantity.value
            threshold_unit = big[0].quantity.unit or ctx.doc.currency or "CNY"
    ctx.consumed.add((qm.start, qm.end))
    ctx.consumed.add((ts, te))  # 进入了前5位 counted countries: no rank of its own
    confidence *= float(pat.get("confidence", 0.9)) * p_conf
    # 苹果在纳斯达克上市，…，募集资金约1.01亿美元: a stock exchange between the company and its figure is no rival subject
    ev = evidence(ctx, [span(subj_m), (ts, te), (qm.start, qm.end)], pat["id"], confidence, not_rivals=NOT_SUBJECT)
    return Fact("quantity", subj, pat["metric"], "", attrs(
        value=value, unit=unit, bound=bound, period=period, reported_by=reported_by(ctx), scope=scope,
        category=category, threshold=threshold, threshold_unit=threshold_unit), (ev,))



# A flow whose time starts more than this many days after the text's date is yet to come; a fiscal
# year may run ahead of the calendar by most of a year (Nvidia's fiscal 2025 first quarter ended in April
# 2024), so a nearer time may be a result already told.
_AHEAD_DAYS = 400
_LEAD_CHARS = 300  # where a text names the date it speaks from (dateline, heading, first lines)
_FIRST_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


def _years_ahead(ctx: Context, period) -> bool:
    """Does ``period`` start well after the date the document speaks from (a date the text itself
    names: its year is written in it, in a dateline or a heading)?"""
    date = ctx.doc.date
    if date is None or not isinstance(period, PeriodRef) or not period.year or period.qualifier == "since":
        return False
    first = _FIRST_YEAR.search(ctx.doc.text, 0, _LEAD_CHARS)
    if first is None or int(first.group()) != date.year:
        return False  # a date the text does not open with (a manifest's) may be a filing date long before
    try:
        start, _ = period_bounds(replace(period, qualifier=""))  # (到2030年: by then, still after)
    except ValueError:
        return False
    return start is not None and (start - date).days > _AHEAD_DAYS


_REACHED = re.compile(r"(?:达到了?|达|为|至|reaching|reached|to|at)\s*$", re.IGNORECASE)


def _reached_after(ctx: Context, ts: int, te: int, qm: Mention) -> Mention | None:
    """The figure of the same unit told right after a milestone figure with a verb of reaching, else None."""
    text = ctx.doc.text
    after = [m for m in _quantities(ctx) if qm.end < m.start < ctx.sent.end and m.quantity.unit == qm.quantity.unit
             and (m.start, m.end) not in ctx.consumed]
    if not after:
        return None
    m = after[0]
    between = text[qm.end:m.start]
    if len(between) > (24 if ctx.lang.code == "zh" else 40) or not _REACHED.search(between) or _other_trigger_between(ctx, qm.end, m.start, (ts, te)):
        return None
    return m


def _milestone(ctx: Context, ts: int, qm: Mention) -> bool:
    """Do milestone words (首次突破, "for the first time") stand by the figure, between it and its trigger
    or right after it?"""
    words = ctx.lang.words.get("milestone")
    if not words:
        return False
    text = ctx.doc.text
    lo = max(ctx.clauses[ctx.clause_of(qm.start)][0], min(ts, qm.start - (8 if ctx.lang.code == "zh" else 30)))
    # (the figure's own words may hold the verb: 首次|突破4000亿元)
    return has_word(text[lo:qm.start] + qm.text, words, ctx.lang.code) or has_word(text[qm.end:qm.end + 24], words, ctx.lang.code)


def _forecast(ctx: Context, pat: dict, ts: int, te: int, qm: Mention, subj_m, subj: str, value, unit: str, bound: str,
              period, scope: str, confidence: float) -> Fact | None:
    """A figure that is forecast or planned (预计第二财季营收约为280亿美元, "plans to buy back at least
    HK$80 billion"): a goal of the company, due in the period the sentence names. Held as a
    candidate (confidence below the threshold): guidance is often restated, revised or not meant as a
    goal, and on the blind test split such goals were wrong more often than right."""
    own = [m for m in ctx.periods() if ctx.sent.start <= m.start < ctx.sent.end and m.period.year]
    if not own or period is None:
        return None  # a plan with no time of its own is too vague to state
    ctx.consumed.add((qm.start, qm.end))
    cs, ce = ctx.clauses[ctx.clause_of(min(ts, qm.start))][0], ctx.clauses[ctx.clause_of(max(te, qm.end) - 1)][1]
    # a target the company sets itself (计划回购至少800亿港元, "is targeting sales of 5.5 million") is told as a
    # goal: asserted; so is guidance told plainly for a quarter or a year; other guidance and hopes stay candidates
    told_as_goal = has_word(ctx.doc.text[max(cs, min(ts, qm.start) - 30):max(ts, qm.start)],
                            ctx.lang.words.get("target_words") or [], ctx.lang.code)
    sure = told_as_goal or (not period.day and _plain_guidance(ctx, pat, ts, qm))
    ev = evidence(ctx, [span(subj_m), (ts, te), (qm.start, qm.end)], pat["id"] + "-forecast",
                  confidence * float(pat.get("confidence", 0.9)) * (1.0 if sure else 0.75))
    return Fact("goal", subj, "Goal", "", attrs(
        text=(ctx.doc.text[cs:ce].strip(), ctx.lang.code), metric=pat["metric"], value=value, unit=unit, bound=bound,
        scope=scope, deadline=period), (ev,))


# a figure that is one end of a range (50亿元至70亿元, "between $34.5 billion and $37 billion", 21,000至22,500辆)
_RANGE_AFTER = re.compile(r"\s*(?:[至到~～–—-]|and\b|to\b)\s*(?:US|HK|RMB)?[$€¥£]?\s*[0-9]", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:[0-9][0-9,.]*\s*[万亿千百]?\S{0,3}\s*(?:[至到~～–—-]|\band|\bto)\s*(?:US|HK|RMB)?[$€¥£]?\s*$)|\bbetween\s+(?:US|HK)?[$€¥£]?\s*$",
                           re.IGNORECASE)


def _plain_guidance(ctx: Context, pat: dict, ts: int, qm: Mention) -> bool:
    """Is a forecast figure guidance the company states plainly ("英伟达预计第二财季营收约为280亿美元", "we forecast
    net sales of 4,800 billion yen")? A forecast word opens its own clause's figure, money names its currency, it is
    no range's end nor a ceiling, and no word makes the forecast someone else's or a figure that did not happen
    (超预期, "analysts expected", "would have been"). A range, a ceiling, a figure listed after another or one
    whose currency is assumed stays a candidate."""
    text, lang = ctx.doc.text, ctx.lang.code
    words = ctx.lang.words.get("forecast") or []
    cs = ctx.clauses[ctx.clause_of(min(ts, qm.start))][0]
    before = text[max(cs, min(ts, qm.start) - 30):max(ts, qm.start)]
    if not has_word(before, words, lang) or has_word(text[ctx.sent.start:qm.start], ctx.lang.words.get("not_forecast") or [], lang):
        return False
    if has_word(text[cs:qm.end + 12], ctx.lang.words.get("respectively") or [], lang):
        return False  # 毛利率预计分别为74.8%和75.5%: which figure is which is not told plainly
    q = qm.quantity
    if q.bound == "UpperBound" or (not q.unit and any(u in MONEY for u in pat.get("units", []))):
        return False  # a ceiling (拟募集不超过…), or money whose currency is assumed (预计为553亿)
    if any(cs <= m.start < qm.start and m.end <= qm.start for m in _quantities(ctx)):
        return False  # the second figure of a clause (营收约42亿欧元，营业利润约5.48亿欧元)
    return not (_RANGE_AFTER.match(text, qm.end, ctx.sent.end) or _RANGE_BEFORE.search(text, max(ctx.sent.start, qm.start - 24), qm.start))


_FROM_FIGURE = re.compile(r"(?:由|从|\bfrom)\s*[^\s，,。；;]{0,12}\s*$", re.IGNORECASE)


def _declared(ctx: Context, ts: int, qm: Mention) -> bool:
    """Is a figure to come one the company declares ("will pay a dividend of", 将再回购最多20亿欧元股票)? Not a target
    it sets itself (计划回购至少800亿港元: a goal, ``target_words``), nor the old amount of a change it announces
    (将季度现金股息由每股0.04美元提高至0.10美元)."""
    text = ctx.doc.text
    cs = ctx.clauses[ctx.clause_of(min(ts, qm.start))][0]
    if has_word(text[max(cs, min(ts, qm.start) - 30):max(ts, qm.start)], ctx.lang.words.get("target_words") or [], ctx.lang.code):
        return False
    return not _FROM_FIGURE.search(text[max(cs, qm.start - 16):qm.start])


def _future(ctx: Context, ts: int, qm: Mention) -> bool:
    """"预计第二财季营收约为280亿美元", "expects revenue of about $28 billion", 研发投入将超过100亿元:
    a forecast or a plan, not a result."""
    from .relations import _future as planned

    words = ctx.lang.words.get("forecast") or []
    i = ctx.clause_of(min(ts, qm.start))
    cs = ctx.clauses[i][0]
    if i and ctx.doc.text[cs - 1:cs] in ("：", ":"):
        cs = ctx.clauses[i - 1][0]  # "2025年第一季度指引为：销售收入环比增长6%": what the colon introduces
    lo = max(cs, min(ts, qm.start) - 30)
    if words and has_word(ctx.doc.text[lo:max(ts, qm.start)], words, ctx.lang.code):
        return True
    if words and _listed_after_forecast(ctx, i, words):
        return True
    return planned(ctx, qm.start) or planned(ctx, ts)


def _listed_after_forecast(ctx: Context, i: int, words: list) -> bool:
    """Is clause ``i`` one of a list of figures a forecast opens ("预计月活用户将达到6.78亿，付费订阅用户2.65亿，
    营收约42亿欧元", "we forecast net sales of 4,800 billion yen, up 6.4 percent, and operating profit of
    540 billion yen")? Every clause back to the forecast word holds a figure, and none is a sentence of its own (；)."""
    text = ctx.doc.text
    figures = [m for m in _quantities(ctx)]
    j = i
    while j > 0:
        ps, pe = ctx.clauses[j - 1]
        if text[pe:ctx.clauses[j][0]].strip() in ("；", ";") or text[pe - 1:pe] in ("；", ";"):
            return False
        first = next((m for m in figures if ps <= m.start < pe), None)
        if first is None:
            return False
        if has_word(text[ps:first.start], words, ctx.lang.code):
            return True
        j -= 1
    return False


def _negative(ctx: Context, pat: dict, ts: int, qm: Mention) -> bool:
    """A fall or a loss: 下降3.2%, "down 8 percent", 亏损X, "a net loss of X"."""
    lang = ctx.lang.code
    words = (pat.get("negative") or {}).get(lang) or []
    if not words:
        return False
    window = 8 if lang == "zh" else 30
    lo = max(ctx.sent.start, min(ts, qm.start - window))
    return has_word(ctx.doc.text[lo:qm.start], words, lang) or has_word(ctx.doc.text[ts:ts + (4 if lang == "zh" else 12)], words, lang)


_MARK_AFTER = re.compile(r"\s+(?:mark|threshold|level|barrier|milestone|line)\b", re.IGNORECASE)


def _bound(ctx: Context, pat: dict, qm: Mention, bound: str) -> str:
    if bound != "Exact":
        return bound
    words = (pat.get("lower_bound") or {}).get(ctx.lang.code, [])
    if not words:
        return bound
    window = 4 if ctx.lang.code == "zh" else 26
    before = ctx.doc.text[max(ctx.sent.start, qm.start - window):qm.start]
    if ctx.lang.code == "en":
        # the word must bound this figure: not "year over year" nor a word of another figure told before it
        # ("grew 16% year over year to $39 billion", "up more than 10% to $5 billion")
        last = [m for m in words_re(words, "en").finditer(before)
                if not re.search(r"\b(?:year|quarter|month)\s+$", before[:m.start()], re.IGNORECASE)]
        if not last or re.search(r"\d|%|\bto\b", before[last[-1].end():]):
            return bound
        if before[last[-1].end():].strip().lower() == "the" and not _MARK_AFTER.match(ctx.doc.text, qm.end):
            return bound  # "more than the $97.7 billion that Tesla reported": a figure compared with, told exactly
        return "LowerBound"
    return "LowerBound" if has_word(before, words, ctx.lang.code) else bound


# ---------------------------------------------------------------- subject, segment, scope


def _segment(ctx: Context, ts: int, te: int) -> tuple[str, Mention | None, str]:
    """What the words right before (or "from ..." after) a metric trigger say it is about:
    ("entity", mention) for a product or platform (iPhone revenue, 微信收入), ("place", mention)
    for a market (海外收入, "revenue from Greater China"), ("part", None, words) for another part of
    the business (增值服务收入, "data center revenue"), or ("", None, "") for the whole."""
    text = ctx.doc.text
    lang = ctx.lang.code
    words = ctx.lang.words
    whole = (words.get("whole_words") or []) + (words.get("forecast") or [])  # 预计…营收: no part named 预计
    lo = ctx.clauses[ctx.clause_of(ts)][0]
    if lang == "zh":
        # the noun phrase before the trigger: back to punctuation, a verb-like break or a mention
        aside = re.search(r"[（(][^（）()]{1,40}[）)]\s*$", text[lo:ts])
        if aside and aside.start() > 0:
            ts = lo + aside.start()  # 智能创新类产品（eufy安防、Nebula投影）收入: the name before the aside
        start = _noun_start(text, lo, ts)
        if start > lo + 1 and text[start - 1] == "的" and not _strip_words(text[start:ts], whole, lang, sep="").strip():
            # 美洲的收入, 订阅和支持的收入, 云服务的营收: the figure of what is named before 的 (a name, or nouns:
            # not 我们的收入); 的 is read as a space from here on
            de = start - 1
            before = _noun_start(text, lo, de)
            if before < de and (_noun_words(text[before:de]) or any(
                    m.kind in ENTITY_KINDS and before <= m.start and m.end <= de for m in ctx.mentions)):
                text = text[:de] + " " + text[de + 1:]
                start = before
        if start < ts and start - 1 > lo and text[start - 1] in "和与及":
            # 云计算与安全服务收入, 金融科技及企业服务收入: one part named by two nouns
            wider = _noun_start(text, lo, start - 1)
            named = _LIST_END.sub("", _part_words(ctx, text[wider:ts], wider, ts, []))  # (less a time: 一季度在线营销服务及其他)
            if wider < start - 1 and not any(m.kind in ENTITY_KINDS and wider <= m.start < ts for m in ctx.mentions) \
                    and named and _noun_words(named):
                start = wider
        prefix = text[start:ts]
    else:
        m = re.search(r"((?:[A-Za-z][\w&'’\-]*\s+){0,3})$", text[lo:ts])
        prefix = m.group(1) if m else ""
        start = ts - len(prefix)
        # "revenue from Greater China", "revenue in India"
        after = re.match(r"\s+(?:from|in|for)\s+((?:the\s+)?)", text[te:te + 12])
        if after:  # (the place's name may hold its article: "the Americas")
            places = [p for p in ctx.entities(["Place"]) if p.start in (te + after.end(), te + after.start(1))]
            if places:
                return "place", places[0], ""
        # "revenue from the Gaming segment", "revenue of its cloud division": the unit named after it
        unit = _EN_UNIT_AFTER.match(text[te:te + 80])
        if unit and not any(m.kind in ENTITY_KINDS and te + unit.start(1) <= m.start < te + unit.end(1)
                            and not (m.cls and vocab().is_a(m.cls, ["ProductCategory"])) for m in ctx.mentions):
            return "part", None, unit.group(1)
    inside = [m for m in ctx.mentions if m.kind in ENTITY_KINDS and start <= m.start and m.end <= ts]
    rest = prefix
    for m in sorted(inside, key=lambda m: -m.start):
        rest = rest[: m.start - start] + " " * (m.end - m.start) + rest[m.end - start:]
    for m in ctx.mentions:  # a name only partly in the words ("JD.com reported": the words start at "com")
        if m.kind in ENTITY_KINDS and m.start < start < m.end <= ts:
            rest = " " * (m.end - start) + rest[m.end - start:]
    rest = _part_words(ctx, rest, start, ts, whole)
    if lang == "en" and rest:
        # "consumer business income", "Car intelligent business income": the trigger's own word for a business
        # says the words before it name one
        own = re.match(r"(business|segment|division)\b", text[ts:te], re.IGNORECASE)
        if own and not re.search(r"\b(?:business|segment|division)$", rest, re.IGNORECASE):
            rest = f"{rest} {own.group(1).lower()}"
    v = vocab()
    places = [m for m in inside if m.cls and v.is_a(m.cls, ["Place"]) and m.entity_id != "world"]
    things = [m for m in inside if m.kind == "entity" and m.cls and v.is_a(m.cls, SEGMENT_ENTITIES)
              and not v.is_a(m.cls, ORG)]
    if things and not rest:
        return "entity", things[-1], ""
    cats = [m for m in inside if m.cls and v.is_a(m.cls, ["ProductCategory"])]
    bare = _strip_words(rest, words.get("part_words") or [], lang)  # 游戏业务收入, "gaming segment revenue": a category's business
    if cats and not places and not bare.strip():
        # 智能手机收入, "smartphone revenue": the company's, for one category; the words also name the part
        # of the business that sells it (a money figure is that part's: 汽车销售收入, "Automotive revenue")
        return "category", cats[-1], _part_words(ctx, prefix, start, ts, whole)
    if places and cats and not bare.strip() and places[-1].end <= cats[-1].start:
        # 本土市场游戏收入, 海外游戏收入: a market's business in one kind of product, a part the words name
        named = _part_words(ctx, prefix, start, ts, whole)
        if _part_name(ctx, named):
            return "part", None, named
    if places and not rest:
        return "place", places[-1], ""
    tails = (words.get("part_words") or []) + (words.get("place_tails") or [])
    if places and not _strip_words(rest, tails, lang).strip() and \
            text[places[-1].end:ts].strip() == rest.strip():
        return "place", places[-1], ""  # 海外业务收入, "overseas business revenue": the company's, in that market
    if cats and not places and len(rest.replace(" ", "")) >= 1:
        # 汽车销售收入: a category's word and others name the part (汽车销售), not the others alone
        named = _strip_words(prefix.strip(), whole, lang).strip()
        if len(named) >= 2 and not any(p.kind in ("period", "quantity", "rank") and start <= p.start < ts for p in ctx.mentions):
            return "part", None, named
    if len(rest.replace(" ", "")) >= 2:
        # 京东零售全年收入: the company's name opening the part's name is part of it
        orgs = [m for m in inside if m.kind == "entity" and m.cls and v.is_a(m.cls, ORG) and lang == "zh"
                and text[m.end:ts].startswith(rest)]
        return "part", None, (orgs[0].text + rest) if orgs else rest
    return "", None, ""



_EN_UNIT_AFTER = re.compile(r"\s+(?:from|of|at)\s+(?:the|its|our|their)\s+((?:(?!(?:and|the)\b)[A-Za-z][\w&’'-]*\s+(?:and\s+|&\s+)?){1,4}"
                            r"(?:segment|division|unit|Segment|Division|Unit|Business|Group))\b")


def _noun_start(text: str, lo: int, end: int) -> int:
    """Where the Chinese noun phrase ending at ``end`` starts: back to punctuation or a verb-like
    break (at most 12 characters, not before ``lo``)."""
    start = end
    while start > lo and (text[start - 1] not in "，,。；;：:、（）()“”\"的了和与及为在是" or text[start - 1:start + 1] == "在线") \
            and end - start < 12:  # (在 is a break, but not in 在线, "online")
        start -= 1
    return start


def _own_market(ctx: Context, ts: int) -> str:
    """The market a figure's own words name (海外销量, 海外新能源汽车销量, "overseas deliveries"), or the
    business the clause's subject says it is of ("the overseas business posted an operating profit of"):
    a place right before the trigger, with only kinds of product between, or (English) a word of a part
    of the business and its verb."""
    text = ctx.doc.text
    lo = ctx.clauses[ctx.clause_of(ts)][0]
    places = [m for m in ctx.entities(["Place"]) if lo <= m.start and m.end <= ts]
    if not places or places[-1].entity_id == "world":
        return ""
    place = places[-1]
    gap = text[place.end:ts]
    between = [m for m in ctx.mentions if place.end <= m.start and m.end <= ts]
    v = vocab()
    if any(not (m.kind == "entity" and m.cls and v.is_a(m.cls, ["ProductCategory"])) for m in between):
        return ""
    for m in sorted(between, key=lambda m: -m.start):
        gap = gap[:m.start - place.end] + " " + gap[m.end - place.end:]
    if not gap.strip() and (ctx.lang.code == "zh" or gap.startswith(" ")):
        return place.entity_id
    parts = ctx.lang.words.get("part_words") or []
    if ctx.lang.code == "en" and parts and re.fullmatch(
            r"\s+(?:" + "|".join(map(re.escape, parts)) + r")\s+(?:[a-z-]+\s+){1,4}", gap, re.IGNORECASE):
        return place.entity_id
    return ""


def _part_words(ctx: Context, words: str, start: int, end: int, whole: list) -> str:
    """The words before a metric (from ``start`` to ``end``) less the times and numbers in them ("over 100
    billion revenue") and the words of the whole (全年, "total"), tidied: what they say the figure is of."""
    lang = ctx.lang.code
    for p in ctx.mentions:
        if p.kind in ("period", "quantity", "rank") and p.start < end and p.end > start:
            a, b = max(p.start, start), min(p.end, end)
            words = words[: a - start] + " " * (b - a) + words[b - start:]
    words = _strip_words(words.strip().replace("其他", "\0他").replace("其它", "\0它"), whole, lang).replace("\0", "其")  # (其 alone is a word of the whole, not in 服务及其他)
    if lang == "en":
        words = re.sub(r"^\s*['’]s\b", "", words)  # "Huawei's accommodation reservation revenue": less the owner's 's
    return re.sub(r"(?:['’]s?|\s)+$" if lang == "en" else r"\s+", " ", words).strip()


def _strip_words(text: str, words, lang: str, sep: str = " ") -> str:
    """``text`` without ``words`` (longest first; English ones as whole words, in any case)."""
    for w in sorted(words, key=len, reverse=True):
        text = _word_re(w, lang).sub(sep, text)
    return text


@functools.lru_cache(maxsize=4096)
def _word_re(word: str, lang: str) -> re.Pattern:
    """One word of ``_strip_words`` (made once, not at each figure)."""
    return re.compile(rf"(?<![\w])(?:{re.escape(word)})(?![\w])" if lang == "en" else re.escape(word), re.IGNORECASE)

_NO_SEGMENT = ("", None, "")


def _subject(ctx: Context, pat: dict, ts: int, te: int, seg: tuple = _NO_SEGMENT):
    """(mention, entity id, scope, confidence factor) of a figure, or None when its subject is a
    part of the business that is no entity."""
    if pat.get("subject") == "market":
        return None, "market:" + market_place(ctx, ts), "", 1.0
    scope, head = "", ""
    kind, m, part = seg  # what the words before the trigger say the figure is about (_segment)
    if kind:
        if kind == "entity":
            return m, m.entity_id, "", 1.0
        head = _clause_head_part(ctx, ts) if kind == "part" and m is None else ""
        if head and (not _part_name(ctx, part) or "  " in part):
            part = head  # the words as written ("Value-added services", not less its words of the whole)
        elif kind == "part" and m is None and not _part_name(ctx, part):  # (a category's words name a part)
            return None  # not a name of a part of the business ("strong revenue")
        if kind == "place":
            scope = m.entity_id
    if not kind and ctx.lang.code == "zh" and pat.get("segments"):
        # 增值服务：全年收入为人民币3192亿元: the part of the business a sentence opens with, before a colon
        # (or before 方面: "IoT与生活消费产品业务方面，2023年收入为801亿元")
        opening = re.match(r"\s*(?:在)?([\u4e00-\u9fffA-Za-z0-9]{2,16}?)(?:[：:]|方面[，,：:])", ctx.sent.text)
        whole = ctx.lang.words.get("whole_words") or []
        # (not 财务方面, "as for the accounts"; not before 总收入 or a company the clause names: the whole's figure)
        if opening and ctx.sent.start + opening.end() <= ts and _part_name(ctx, opening.group(1)) and _noun_words(opening.group(1)) \
                and _strip_words(opening.group(1), whole, "zh", sep="").strip() \
                and _strip_words(ctx.doc.text[ts:te], whole, "zh", sep="") == ctx.doc.text[ts:te] and not any(
                m.kind in ENTITY_KINDS and (m.start < ctx.sent.start + opening.end(1) or m.cls and vocab().is_a(m.cls, ORG) and m.end <= ts)
                for m in ctx.mentions if m.start >= ctx.sent.start):
            part = opening.group(1)
    owner = _owner(ctx, pat, ts, te, scope, part, of_category=kind == "category")
    if owner is None or not part or pat.get("subject") == "market":
        return owner
    if _THIS_PART.fullmatch(part):
        # 该板块收入同比下降约8%: the part named last before it, else no one the text names
        told = _last_part(ctx, owner[1], ts)
        return (None, told, owner[2], owner[3] * 0.95) if told else None
    # a part named in so many words (网络业务收入, 运营商网络收入) is the subject the text gives, whoever owns
    # it: not in doubt as the document's company taken for a figure that names no one is
    # (a kind of product's business, 游戏业务, "gaming revenue", is often read as the company's figure for that
    # kind: it keeps the doubt)
    # and so is a part whose name opens the clause as its subject ("Value-added services revenues were")
    sure = max(owner[3], 0.95) if m is None and (_named_part(ctx, part) or head) else owner[3]
    return None, _segment_entity(ctx, owner[1], part), owner[2], sure * 0.95


_THIS_PART = re.compile(r"(?:该|此|这一?|这个|上述|本)(?:业务板块|业务|板块|分部|部门|事业部)|(?:this|that|the)\s+(?:segment|business|division|unit)",
                        re.IGNORECASE)
_PART_REACH = 300  # how far back a part named before may be referred to (characters)


def _last_part(ctx: Context, owner: str, ts: int) -> str:
    """The part of ``owner``'s business whose name stands last before ``ts`` (within a few sentences)."""
    lo = max(0, ts - _PART_REACH)
    window = ctx.doc.text[lo:ts]
    best, at = "", -1
    for eid, info in ctx.new_names.items():
        if not eid.startswith(f"x-{owner}-"):
            continue
        for _, name in info.labels:
            i = window.rfind(name)
            if i > at:
                best, at = eid, i
    return best


_LIST_END = re.compile(r"(?:及|和|与)?(?:其他|其它)$")


def _named_part(ctx: Context, part: str) -> bool:
    """Is ``part`` the name of a part of the business, written out: Chinese nouns of three or more
    characters, or two before a word for a business (网络业务, 服务及其他; not 服务, 该板块, 个月)?"""
    if ctx.lang.code != "zh":
        return (_breakdown(ctx) or bool(re.search(r"\s(?:business|segment|division)$", part))) and _part_name(ctx, part)
    core = _LIST_END.sub("", part)  # 服务及其他: "services and others" names a part
    bare = _strip_words(core, ctx.lang.words.get("part_words") or [], "zh", sep="")
    return bool(core) and _noun_words(core) and len(part) >= 3 and len(bare) >= 2


def _owner(ctx: Context, pat: dict, ts: int, te: int, scope: str, part: str, of_category: bool = False):
    classes = pat.get("subject_classes") or ORG
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    orgs = [m for m in ctx.entities(classes, NOT_SUBJECT) if m.end <= ts and m.start >= ctx.sent.start]
    orgs = [m for m in orgs if not _aside(ctx, m, orgs)]
    same = [m for m in orgs if m.start >= cs]
    if same:
        return same[-1], same[-1].entity_id, scope, 1.0
    if has_word(ctx.doc.text[cs:ts], ctx.lang.words.get("former_latter"), ctx.lang.code):
        return None  # 后者的用户数已降至约2亿: the figure of a name told before, which the words do not say
    if orgs:  # a clause with no subject of its own continues the sentence's ("…, and booked revenue of")
        # but "Tesla, which delivered 1.79 million cars": the name the relative clause follows
        # and a value put on a company is the one named last ("Tencent led Supercell's new round, valuing it at",
        # 腾讯领投了Supercell的新一轮融资，估值约…: ``subject_last``), not the investor the sentence opens with
        pick = orgs[-1] if re.match(r"\s*(?:which|who|that)\b", ctx.doc.text[cs:cs + 8]) or pat.get("subject_last") else orgs[0]
        return pick, pick.entity_id, scope, 0.95
    own = (ctx.lang.words.get("pronouns") or {}).get("organisation") or []
    if ctx.lang.code == "en":
        # "the $97.7 billion in revenue that Tesla reported": the figure of the company the relative clause names
        told = [m for m in ctx.entities(classes, NOT_SUBJECT) if te <= m.start < ctx.clauses[ctx.clause_of(ts)][1]
                and _RELATIVE_TELLER.fullmatch(ctx.doc.text[te:m.start]) and _REPORT_VERB.match(ctx.doc.text, m.end)]
        if told:
            return told[0], told[0].entity_id, scope, 0.95
    if pat.get("market_words") and has_word(ctx.sent.text, (pat["market_words"] or {}).get(ctx.lang.code), ctx.lang.code) \
            and not has_word(ctx.doc.text[ctx.sent.start:ts], own, ctx.lang.code):
        # "global smartphone shipments rose 6.5%"; not 集团智能手机收入为…，全球智能手机出货量为…: the company's own
        return None, "market:" + market_place(ctx, ts), scope, 0.9
    if not part and not of_category and _part_topic(ctx):
        # "金融科技及企业服务：收入为…": the sentence is about a part of the business; its figure is that part's
        # when the part is named as a unit ("The cloud division brought in")
        topic = ctx.doc.organisation or (ctx.recent_orgs[-1] if ctx.recent_orgs else "")
        unit = _opening_unit(ctx, ts) if topic and pat.get("default_subject") == "organisation" and pat.get("segments") else ""
        return (None, _segment_entity(ctx, topic, unit), scope, 0.9) if unit else None
    # "revenue of Xiaomi"; "43,000 people work for Xiaomi": a trigger that ends in its preposition
    own_prep = re.search(r"\b(?:work|working|employed)\s+(?:for|at|by)$", ctx.doc.text[ts:te], re.IGNORECASE) is not None
    after = [m for m in ctx.entities(classes, NOT_SUBJECT) if te <= m.start < ctx.clauses[ctx.clause_of(ts)][1]
             and (ctx.doc.text[te:m.start].strip().lower() in ("of", "的", "for")
                  or own_prep and ctx.doc.text[te:m.start].strip().lower() in ("", "the"))]
    if after:
        return after[0], after[0].entity_id, scope, 1.0
    if own_prep and re.match(r"\s*(?:the|its|our|a|an|this)?\s*[A-Za-z]", ctx.doc.text[te:te + 12], re.IGNORECASE):
        return None  # "5,000 people work at the plant": the staff of what the words name, not of a company the text names
    if pat.get("default_subject") == "organisation":
        topic = ctx.doc.organisation or (ctx.recent_orgs[-1] if ctx.recent_orgs else "")
        unit = _opening_unit(ctx, ts) if topic else ""
        if unit:  # "The Infrastructure Solutions Group (ISG) returned to growth, with revenue up 15 percent"
            return None, _segment_entity(ctx, topic, unit), scope, 0.9
        if topic:
            return None, topic, scope, 0.9
    return None


_RELATIVE_TELLER = re.compile(r"\s+(?:that|which)\s+(?:the\s+)?")
_REPORT_VERB = re.compile(r"\s+(?:reported|posted|booked|recorded|generated|earned|made|announced|disclosed)\b")


def _aside(ctx: Context, m: Mention, names: list[Mention]) -> bool:
    """A name in brackets right after another name, as an aside (海信系（含东芝）电视出货量, "Hisense (including
    Toshiba) shipped"): what the figure includes, not whose it is."""
    text = ctx.doc.text
    before = [n for n in names if n.end <= m.start]
    if not before:
        return False
    gap = text[before[-1].end:m.start]
    return bool(re.fullmatch(r"[^\s，,。；;（(）)]{0,2}\s*[（(]\s*(?:含|包括|包含|including|incl\.|with)?\s*", gap, re.IGNORECASE)) and \
        bool(re.match(r"\s*[）)]", text[m.end:m.end + 4]))


# "The Infrastructure Solutions Group (ISG) …", "Intelligent Devices Group …": a sentence that opens with
# the name of a part of a company
_EN_OPENING_UNIT = re.compile(r"\s*(?:The\s+)?((?:[A-Z][\w&’'-]*\s+(?:and\s+|&\s+)?){1,4}(?:Group|Division|Segment|Business|Unit))\b"
                              r"(?:\s*\([A-Z]{2,6}\))?(?=\s+[a-z])")


# a unit named by ordinary words and a word for a unit, as the subject of the figure's clause ("the cloud division
# brought in", "its energy storage segment generated"): at least one word before the unit's word, and a verb after it
_EN_CLAUSE_UNIT = re.compile(r"\s*(?:(?:and|while|but|whereas)\s+)?(?:[Tt]he|[Ii]ts|[Oo]ur|[Tt]heir)\s+((?:[a-z][\w-]*\s+(?:and\s+)?){1,3}"
                             r"(?:segment|division|business|unit))(?=\s+[a-z])"
                             # ("the Consumer group generated": a name's words, then the unit's word in either case)
                             r"|\s*(?:(?:and|while|but|whereas)\s+)?(?:[Tt]he|[Ii]ts|[Oo]ur|[Tt]heir)\s+((?:(?!(?:The|This|Its|Our)\b)[A-Z][\w&’'-]*\s+(?:and\s+|&\s+)?){1,4}"
                             r"(?:[Gg]roup|[Dd]ivision|[Ss]egment|[Bb]usiness|[Uu]nit))(?:\s*\([A-Z]{2,6}\))?(?=\s+[a-z])")


def _opening_unit(ctx: Context, ts: int | None = None) -> str:
    """The name of a business unit the lexicon lacks that opens an English sentence, or (before ``ts``) the
    clause of the figure ("In the fourth quarter, the Consumer Group generated"), else ""."""
    if ctx.lang.code != "en":
        return ""
    starts = [ctx.sent.start]
    if ts is not None:
        cs = ctx.clauses[ctx.clause_of(ts)][0]
        if cs > ctx.sent.start:
            starts.append(cs)
    whole = {w.lower() for w in ctx.lang.words.get("whole_words") or []}
    for at in starts:
        text = ctx.doc.text[at:ts if ts is not None and ts > at else ctx.sent.end]
        m = _EN_OPENING_UNIT.match(text)
        g = 1
        if m is None:
            m = _EN_CLAUSE_UNIT.match(text)
            g = 1 if m is not None and m.group(1) else 2
            if m is not None and all(w.lower() in whole for w in m.group(g).split()[:-1]):
                m = None  # "the overall business": the whole
        if m is None:
            continue
        s, e = at + m.start(g), at + m.end(g)
        if any(x.start < e and x.end > s for x in ctx.mentions if x.kind in ENTITY_KINDS
               and not (x.cls and vocab().is_a(x.cls, ["ProductCategory"]))):
            return ""  # a name the lexicon knows ("Lenovo Group"), or one with a known name inside (not a kind: "cloud division")
        return m.group(g)
    return ""


def _part_name(ctx: Context, words: str) -> bool:
    """Can these words name a part of the business (增值服务, 本土市场游戏, "Services", "Intelligent
    Devices Group")? Not a number, not a phrase of ordinary lower-case English words."""
    words = words.strip()
    if not words or re.search(r"\d", words):
        return False
    if not _strip_words(words, ctx.lang.words.get("part_words") or [], ctx.lang.code, sep="").strip():
        return False  # 业务收入: "business" alone names no business
    if ctx.lang.code == "zh":
        if any(w in words for w in ctx.lang.words.get("not_part_words") or []):
            return False  # 年化营收规模, 经常性收入: how the figure is counted, not a part of the business
        return 2 <= len(words) <= 12 and bool(re.fullmatch(r"[\u4e00-\u9fffA-Za-z&及与和]+", words))
    if all(w[:1].isupper() or w in ("and", "&", "of") for w in words.split()) and len(words) >= 3:
        return True
    # "By business line, accommodation reservation revenue was …; packaged-tours revenue grew …": ordinary
    # words name the parts of a sentence that says it breaks the business down
    if re.fullmatch(r"(?:[A-Za-z][A-Za-z-]*\s+(?:and\s+)?){1,4}(?:business|segment|division)", words):
        return True  # "consumer business", "energy generation and storage segment"
    return _breakdown(ctx) and bool(re.fullmatch(r"[a-z][a-z-]{2,}(?:\s+(?:and\s+)?[a-z][a-z-]+){0,3}", words))


_CLAUSE_LEAD = re.compile(r"\s*(?:(?:and|while|whereas|but|meanwhile|also|in addition)\b[\s,]*)?", re.IGNORECASE)
_PLAIN_PHRASE = re.compile(r"[A-Za-z][a-z-]+(?:\s+(?:and\s+)?[a-z][a-z-]+){0,2}")


def _clause_head_part(ctx: Context, ts: int) -> str:
    """English: ordinary words naming the thing a metric is of, as the subject that opens its clause ("…, while
    mobile games revenues fell 2%", "Value-added services revenues were", "and subscription and service revenue
    came to"): the name of a part of the business, unless a word says how the figure is counted
    (``not_part_words``: "recurring revenue", "average revenue per user"); else "". The words must stand right
    before the trigger, after at most a joining word and the owner's name ("Bilibili's mobile games revenues")."""
    if ctx.lang.code != "en":
        return ""
    text = ctx.doc.text
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    head = text[cs:ts]
    v = vocab()
    names = [m for m in ctx.mentions if m.kind in ENTITY_KINDS and cs <= m.start and m.end <= ts
             and not (m.cls and v.is_a(m.cls, ["ProductCategory"]))]  # (a kind of product is one of the words: "cloud")
    for m in sorted(names, key=lambda m: -m.start):
        head = head[:m.start - cs] + "\0" + head[m.end - cs:]  # a name, as one mark
    lead = _CLAUSE_LEAD.match(head)
    phrase = re.sub(r"^\0['’]s\s+", "", head[lead.end():]).strip()  # (the owner's name, as a possessive)
    if not _PLAIN_PHRASE.fullmatch(phrase):
        return ""
    not_part = {w.lower() for w in ctx.lang.words.get("not_part_words") or []} | \
        {w.lower() for w in ctx.lang.words.get("whole_words") or [] if w not in ("and", "added")}
    if any(w.lower() in not_part for w in phrase.split()):
        return ""
    return phrase


def _breakdown(ctx: Context) -> bool:
    """Does the sentence open by saying it breaks the business down into its parts (分业务看, "By segment")?"""
    words = ctx.lang.words.get("breakdown_words") or []
    return bool(words) and bool(re.match(r"\s*(?:" + words_re(words, ctx.lang.code).pattern + ")", ctx.sent.text, re.IGNORECASE))


def _segment_entity(ctx: Context, owner: str, part: str) -> str:
    """A part of the business as an entity of its own (an internal body of its owner), so that its
    figures have a subject: 腾讯's 增值服务, Apple's "Services". Minted once per owner and name."""
    from ..iris import slug
    from ..types import EntityInfo

    eid = f"x-{owner}-{slug(part)}"
    if eid not in ctx.new_names:
        # also named with its owner and with the word for a business (智能手机: 小米智能手机业务, "Xiaomi smartphone business")
        lang = ctx.lang.code
        unit_word = "业务" if lang == "zh" else " business"
        info = load_lexicon().info(owner)
        owners = [n for code, n in (info.labels + info.aliases if info else ()) if code == lang][:2]
        sep = "" if lang == "zh" else " "
        base = part[: -len(unit_word.strip())].strip() if part.endswith(unit_word.strip()) and len(part) > len(unit_word) + 1 else part
        if lang == "en":  # "energy storage segment", "Consumer group": also the name without the word for a unit
            base = re.sub(r"\s+(?:segment|division|unit|group)$", "", base, flags=re.IGNORECASE) or base
        names = {base, base + unit_word} | {o + sep + base for o in owners} | {o + sep + base + unit_word for o in owners}
        ctx.new_names[eid] = EntityInfo(eid, "InternalBody", ((lang, part),), tuple((lang, n) for n in sorted(names - {part})))
    return eid


def _part_topic(ctx: Context) -> bool:
    """Does the sentence start from a part of the business, not the company ("其中，数据中心业务收入为…",
    "金融科技及企业服务：收入为…", "Services revenue reached ...")?"""
    text = ctx.sent.text
    lang = ctx.lang.code
    lead = re.match(r"\s*(?:其中|此外|另外|同时|而|In addition|Meanwhile|Also)?[，,\s]*", text)
    rest = text[lead.end():]
    base = ctx.sent.start + lead.end()
    first = [m for m in ctx.mentions if m.start >= base and m.start < base + 2 and m.kind in ENTITY_KINDS]
    if first:
        return False
    words = ctx.lang.words.get("part_words") or []
    if lang == "zh":
        m = re.match(r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?:" + "|".join(re.escape(w) for w in words) + ")", rest) if words else None
        if m:  # 第四季度单季营收889亿元: a time and words of the whole name no part (nor does a market: 海外业务收入)
            head = m.group(1)
            if rest[m.end(1):].startswith("营收"):
                head = re.sub(r"净$", "", head)  # 第四季度净营收: "net" is the figure's own word, not a part
            for p in ctx.periods() + ctx.entities(["Place"]):
                if base <= p.start and p.end <= base + m.end(1):
                    head = head.replace(p.text, "")
            if not _strip_words(head, ctx.lang.words.get("whole_words") or [], lang).strip():
                return False
        return bool(m) or bool(re.match(r"[\u4e00-\u9fff]{2,12}[：:]", rest))
    m = re.match(r"((?:[A-Za-z][\w&\-]*\s+){1,3})(?:" + "|".join(re.escape(w) for w in words) + r")\b", rest, re.IGNORECASE) if words else None
    if not m:
        return False
    whole = {w.lower() for w in ctx.lang.words.get("whole_words") or []}
    return not all(w.lower() in whole for w in m.group(1).split())  # "Total revenue", "Fourth-quarter revenue": the whole


def _scope_place(ctx: Context, pat: dict, ts: int, qm: Mention) -> str:
    places = [m for m in ctx.entities(["Place"]) if m.entity_id != "world" or pat.get("scope_world")]
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    same = [m for m in places if cs <= m.start < ce]
    if not same and any(m.entity_id == "world" and cs <= m.start < ce for m in ctx.entities(["Place"])):
        return ""  # 中芯国际在全球晶圆代工市场的份额, 海信的全球份额: the world's market, not a place told elsewhere
    near = nearest(same, qm.start) or nearest(places, qm.start)
    return near.entity_id if near else market_just_named(ctx, cs, ce)


def _located_in(ctx: Context, ts: int, qm: Mention) -> str:
    """The place a count is located in, told in its clause (在华拥有员工约3.2万名, 在中国有约5万名员工, "employs 5,000
    people in China", "86,000 of them are in Germany"); not the world, nor a place of another kind of words."""
    text = ctx.doc.text
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    lo, hi = min(ts, qm.start), max(ts, qm.end)
    for m in ctx.entities(["Place"]):
        if m.entity_id == "world" or not cs <= m.start < ce:
            continue
        if ctx.lang.code == "zh":
            if m.end <= lo and text[max(cs, m.start - 1):m.start] == "在" and re.fullmatch(r"(?:拥有|有|共有|设有)?", text[m.end:lo].replace("约", "")
                                                                                                 .replace("员工", "")):
                return m.entity_id
        elif m.start >= hi and re.fullmatch(r"\s+(?:[a-z]+\s+){0,3}?(?:in|across)\s+(?:the\s+)?", text[hi:m.start]):
            return m.entity_id
        elif m.start >= hi and m.text.lower().startswith("outside") and re.fullmatch(r"\s+(?:[a-z]+\s+){0,3}", text[hi:m.start]):
            return m.entity_id  # "shipped 417,204 vehicles outside mainland China": the markets abroad
    return ""


def _noun_words(words: str) -> bool:
    """Are the words nouns only, perhaps joined by 及/和/与 (金融科技及企业服务), as a name of a part of the business is?"""
    from ..segment import posseg

    tokens = posseg(words)
    return bool(tokens) and tokens[-1][1].startswith(("n", "vn", "eng", "j")) and not any(
        tag[:1] in "cdprtumqy" and word not in ("及", "和", "与") for word, tag in tokens)


def _segment_category(seg: tuple) -> str:
    kind, m, _ = seg
    return m.entity_id if kind == "category" else ""


def _category(ctx: Context, pat: dict, ts: int, qm: Mention) -> str:
    if not pat.get("category"):
        return ""
    cats = ctx.entities(["ProductCategory"])
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    same = [m for m in cats if cs <= m.start < ce]
    near = nearest(same, ts)
    if pat.get("kind_nouns"):
        from .positions import market_kind

        # the text's own, longer name of a market's kind (AI服务器 for the lexicon's 服务器) wins
        known = near or nearest([m for m in cats if m.end <= ts and m.start >= ctx.sent.start], ts)
        kind = market_kind(ctx, pat, ts, known, earlier=pat.get("category") == "sentence")
        if kind is not None:
            return kind.entity_id
    if near is None and pat.get("category") == "sentence":
        # "the world's number one PC maker, with a global market share of 22.7 percent": the one
        # category the sentence names before the figure
        if not cats:
            return ctx.carried_category()  # "… China's smartphone market. Vivo led with an 18.5 percent share"
        before = {m.entity_id for m in cats if m.end <= ts}
        return before.pop() if len(before) == 1 else ""
    return near.entity_id if near else ""


# ---------------------------------------------------------------- periods


def _period(ctx: Context, pat: dict, ts: int, qm: Mention) -> tuple[PeriodRef | None, float]:
    """The time a figure holds for, and how sure we are of it (1.0 written next to it)."""
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    # "down 0.5% from the previous year": the time compared with dates no figure
    periods = [m for m in ctx.periods() if m.period.year and not _sets_goal(ctx, m) and not compared_time(ctx, m)
               and not (m.period.qualifier == "since" and re.match(r"from\s+(?:the\s+)?(?:previous|prior|preceding|last)\b", m.text, re.IGNORECASE))
               and not (m.period.qualifier == "since" and re.match(r"from\b", m.text, re.IGNORECASE)  # "up 102% from 2023"
                        and re.search(r"(?:%|\bpercent|\d)\s*$", ctx.doc.text[max(ctx.sent.start, m.start - 14):m.start]))]
    if ctx.lang.code == "en":
        # "… posted an operating profit of RMB2.8 million — the first since it began expanding abroad in 2017":
        # a time in a clause of its own after the figure dates that clause, not the figure
        periods = [m for m in periods if m.start < qm.end or not _SUBORDINATE.search(ctx.doc.text, qm.end, m.start)]
    # 以及于去年5月推出的新游戏的贡献: a time that dates a noun (a time, a verb of an event, 的) dates no figure
    dated_noun = _dated_noun_re(tuple(ctx.lang.words.get("dated_noun_verbs") or ())) if ctx.lang.code == "zh" else None
    if dated_noun is not None:
        periods = [m for m in periods if not dated_noun.match(ctx.doc.text, m.end)]
    if pat.get("period") not in ("as_of", "stock", "event") and any(not m.period.day for m in periods):
        periods = [m for m in periods if not m.period.day]  # a flow holds for a quarter or a year, not a day
    if pat.get("period") in ("as_of", "stock"):
        # "Founded in 2006 …, DJI grew into a company with about 14,000 employees": the time of a founding or
        # listing told in a clause of its own dates that event, not the state the sentence ends in
        # (上市首日, "its first day of trading" date what the day of the listing tells: 上市首日…，收盘市值超过700亿元)
        periods = [m for m in periods if cs <= m.start < ce or _DEBUT_DAY.search(m.text) or not _dates_corporate_event(ctx, m)]
    same = [m for m in periods if cs <= m.start < ce]
    end = min(ts, qm.start)
    if pat.get("period") in ("as_of", "stock") and ctx.doc.date is not None and not any(m.start >= end for m in same):
        # 2008年上市，…，目前员工约1.8万人; "set up in 2021 … and now employs 3,400 engineers": a stock told as
        # of now, after the times the sentence names, holds at the document's date
        lo = max([m.end for m in periods if ctx.sent.start <= m.start and m.end <= end] + [ctx.sent.start])
        if has_word(ctx.doc.text[lo:max(ts, qm.start)], ctx.lang.words.get("as_of"), ctx.lang.code):
            d = ctx.doc.date
            return PeriodRef(d.year, None, d.month, d.day, "asof"), 1.0
    # 营业利润…，去年同期则为亏损…；毛利率升至32.2%: "the same period last year" dates only the figure of its own clause
    others = [m for m in periods if cs <= m.start < ce or not _YEAR_AGO_TIME.search(ctx.doc.text, m.start, m.end + 2)]
    # 平均日活跃用户达到3.99亿，第四季度平均月活跃用户是7.36亿: a time in a later clause that tells a figure of its own
    # dates that figure, not this one
    later = [m for m in others if m.start >= max(ce, qm.end) and _own_figure(ctx, m, qm)]
    pick = nearest(same, qm.start) or nearest([m for m in others if m.end <= ts], ts) or nearest([m for m in others if m not in later], qm.start)
    if pick is not None and pat.get("period") in ("as_of", "stock") and (pick.period.quarter or pick.period.half) \
            and not pick.period.month and (pick.period.qualifier == "by" or pick.period.qualifier == "late"):
        # 截至三季度末，员工约19万人: as of the quarter's last day
        end = period_end(pick.period.plain())
        if end is not None:
            return end, 1.0
    if pick is not None and ctx.report_period is not None and THIS_QUARTER[ctx.lang.code].search(pick.text):
        return ctx.report_period, 1.0  # "this quarter" in a results text: the quarter it reports on, for any figure
    rp = ctx.report_period if _financial(pat) else None
    year_after = ctx.lang.code == "en" and re.match(r"\s*(?:for|in)\s+the\s+(?:full\s+|whole\s+)?(?:fiscal\s+)?year\b",
                                                   ctx.doc.text[qm.end:qm.end + 30], re.IGNORECASE)
    # "2024年第四季度及全年财报：全年营收132.7亿美元": a whole-year word in the figure's own clause, which names no time
    # of its own, says the year whatever an earlier clause named
    own_full_year = not same and has_word(ctx.doc.text[cs:max(cs, min(ts, qm.start))], ctx.lang.words.get("full_year_words"), ctx.lang.code)
    if (year_after or own_full_year or not same and not any(ctx.sent.start <= m.start < ts for m in periods)) and pat.get("period") not in ("as_of", "stock") and \
            (year_after or has_word(ctx.doc.text[cs:ce], ctx.lang.words.get("full_year_words"), ctx.lang.code) or _opens_full_year(ctx, cs)
             or _after_full_year_figure(ctx, cs, ce)
             or not any(ctx.sent.start <= m.start < ce and _dates_a_figure(ctx, m) for m in periods) and _part_of_full_year(ctx)):
        # ("$15.0 billion for the year and $7.93 billion for the fourth quarter": the year, whatever else the clause names)
        # 全年收入为…, "full-year revenue": the whole year of the period reported on or just named
        base = rp or (ctx.recent_periods[-1] if ctx.recent_periods else None) or (pick.period if pick else None)
        if own_full_year and not year_after and pick is not None and ctx.sent.start <= pick.start < ts and (
                re.search(r"[0-9]{4}", pick.text) or not (pick.period.quarter or pick.period.half or pick.period.month)):
            # 2019年，…全年营收2058亿元, 回头看去年，…全年营收225亿元: the whole year of the year the sentence named before it
            # (a bare "fourth quarter" points at the period reported on)
            base = pick.period
        if base is not None and base.year and not base.qualifier:
            return PeriodRef(base.year), 1.0
        if base is None and ctx.doc.date is not None:
            return PeriodRef(ctx.doc.date.year - 1), 1.0  # "reported full-year revenue" in January 2025: 2024's, the last year ended
    if pick is not None:
        # 截至22日收盘，市值约为…: a state told on a day holds on that day, not for the period reported on
        # (an IPO's day is its own, not the quarter reported on)
        if rp is not None and not (pat.get("period") in ("as_of", "stock") and pick.period.day) and pat.get("period") != "event":
            in_report = _in_report_period(ctx, pick, rp)
            if in_report is not None:
                return in_report, 1.0
        return pick.period, 1.0
    if pat.get("period") == "stock" and ctx.report_period is not None and ctx.doc.date is not None:
        # "The Company had 24,956 full-time employees" in a third-quarter report: as of the quarter's end,
        # when that end has passed by the document's date and lately (a fiscal quarter that ends later, or
        # a time an interview's lead names, is no period reported on)
        end = period_end(ctx.report_period)
        last = period_bounds(end.plain())[1] if end is not None else None
        if last is not None and 0 <= (ctx.doc.date - last).days <= REPORT_LAG_DAYS:
            return end, 0.95
    if pat.get("period") in ("as_of", "stock"):
        d = ctx.doc.date
        return (PeriodRef(d.year, None, d.month, d.day, "asof"), 0.95) if d else (None, 0.9)
    recent = ctx.recent_periods[-1] if ctx.recent_periods else None
    if rp is not None and (recent is None or (recent.year or 0) < (rp.year or 0) or recent.day
                           or recent.month and not recent.quarter or THIS_QUARTER[ctx.lang.code].search(ctx.sent.text)):
        return rp, 0.95  # a results text: a figure with no time of its own is for the period it reports on
    if recent is not None:
        return recent, 0.95
    if ctx.report_period is not None:
        return ctx.report_period, 0.95
    return None, 0.85


@functools.lru_cache(maxsize=4)
def _dated_noun_re(verbs: tuple) -> re.Pattern | None:
    """What after a Chinese time makes it date a noun: a verb of an event and 的 (推出的, 正式发布的)."""
    if not verbs:
        return None
    return re.compile(r"\s*(?:正式|首次|先后|陆续|相继)?(?:" + "|".join(map(re.escape, verbs)) + r")了?的")


def _own_figure(ctx: Context, m: Mention, qm: Mention) -> bool:
    """Does the clause of the time ``m`` tell a figure of its own (a number of the unit of ``qm``, after the time)?"""
    lo, hi = ctx.clauses[ctx.clause_of(m.start)]
    return any(m.end <= q.start < hi and q.quantity.unit == qm.quantity.unit and q is not qm for q in _quantities(ctx))


def _dates_a_figure(ctx: Context, m: Mention) -> bool:
    """Is the time in a clause that tells a figure (not "于去年5月推出的…", which dates a launch)?"""
    lo, hi = ctx.clauses[ctx.clause_of(m.start)]
    return any(lo <= q.start < hi for q in _quantities(ctx))


def _opens_full_year(ctx: Context, cs: int) -> bool:
    """Does the sentence open with a clause of its own that says it speaks of the whole year, before the figure's
    clause ("For the full year, Logitech posted sales of …", 全年来看，公司实现营收…)? A clause with a figure of its own
    is no such opening."""
    first = ctx.clauses[ctx.clause_of(ctx.sent.start)] if ctx.clauses else None
    if first is None or first[1] > cs or first[1] - first[0] > 30:
        return False
    return has_word(ctx.doc.text[first[0]:first[1]], ctx.lang.words.get("full_year_words"), ctx.lang.code) \
        and not any(first[0] <= q.start < first[1] for q in _quantities(ctx))


def _after_full_year_figure(ctx: Context, cs: int, ce: int) -> bool:
    """Is the clause one of a list of figures the sentence opened as the whole year's, with no time told up to the
    clause's end ("Full-year revenue in the Americas was $25 billion, Europe revenue was $9 billion", 全年美洲收入约为
    250亿美元，欧洲收入约为90亿美元)?"""
    lo = ctx.sent.start
    if cs <= lo or any(lo <= m.start < ce for m in ctx.periods()):
        return False
    first = ctx.clauses[ctx.clause_of(lo)]
    return has_word(ctx.doc.text[first[0]:first[1]], ctx.lang.words.get("full_year_words"), ctx.lang.code) \
        and any(first[0] <= q.start < first[1] for q in _quantities(ctx))


def _part_of_full_year(ctx: Context) -> bool:
    """Does the sentence open with 其中 ("of this") after a sentence that told a whole year's figure
    (全年收入为3192亿元。其中，本土市场游戏收入增长10%至1397亿元)?"""
    lead = ctx.lang.words.get("of_which") or []
    if not lead or not re.match(r"\s*(?:" + words_re(lead, ctx.lang.code).pattern + ")", ctx.sent.text, re.IGNORECASE):
        return False
    before = ctx.doc.text[max(0, ctx.sent.start - 300):ctx.sent.start].rstrip()
    ends = [m.end() for m in re.finditer(r"[。！？!?]|\.\s", before[:-1])]
    previous = before[ends[-1]:] if ends else before
    return has_word(previous, ctx.lang.words.get("full_year_words"), ctx.lang.code)


def _dates_corporate_event(ctx: Context, m: Mention) -> bool:
    lo, hi = ctx.clauses[ctx.clause_of(m.start)]
    words = [w for key in ("founding", "listing") for w in ((ctx.patterns.corporate.get(key) or {}).get("triggers") or {}).get(ctx.lang.code, [])]
    return has_word(ctx.doc.text[lo:hi], words, ctx.lang.code)


_DEBUT_DAY = re.compile(r"首日|first\s+(?:day\s+of\s+trading|trading\s+day)|debut", re.IGNORECASE)
_YEAR_AGO_TIME = re.compile(r"同期|same\s+(?:quarter|period|month|half)|year[\s-]+(?:ago|earlier)", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:since|after|before|when|until|while|whereas)\b|\s[—–]\s", re.IGNORECASE)


def _financial(pat: dict) -> bool:
    """A figure of the accounts (money, or a rate such as a margin or a growth), which a results
    document gives for the period it reports on."""
    units = pat.get("units", [])
    return any(u in MONEY for u in units) or "Percent" in units


def _in_report_period(ctx: Context, pick: Mention, rp: PeriodRef) -> PeriodRef | None:
    """The report period for a time that only points at it in a results text: 本季度, "the quarter",
    a payment date or month, a quarter named without its (fiscal) year (英伟达一季度营收… in a
    report on fiscal 2025's first quarter)."""
    text = ctx.doc.text[pick.start:pick.end]
    p = pick.period
    if THIS_QUARTER[ctx.lang.code].search(text):
        return rp
    if p.day or p.month and not p.quarter:
        return rp if (rp.quarter or rp.half or not rp.month) else None
    if (p.quarter or p.half) and not re.search(r"\d{4}|\d{2}年|去年|上年|明年|last|next|previous|prior", text, re.IGNORECASE):
        if p.quarter and rp.quarter or p.half and rp.half:
            later = (p.quarter or 0) > (rp.quarter or 0) or (p.half or 0) > (rp.half or 0)
            return replace(p, year=rp.year - 1 if later else rp.year)  # 第四季度 in a first-quarter report: last year's
    return None


def _sets_goal(ctx: Context, m: Mention) -> bool:
    return has_word(ctx.doc.text[m.end:m.end + 6], ctx.set_words, ctx.lang.code)


# ---------------------------------------------------------------- growth rates


def _growth_facts(ctx: Context, triggers: list[tuple[int, int, dict]], told: dict | None = None) -> list[Fact]:
    """A percentage after a growth word ("同比增长62.3%", "up 4 percent year over year") is the
    growth of the metric named last before it in the sentence. A rate marked year-on-year (or
    quarter-on-quarter) that follows a value its trigger took ("营收260.4亿美元，同比增长262%") is as
    sure as that value."""
    spec = ctx.patterns.growth
    lang = ctx.lang.code
    if not spec or not triggers:
        return []
    text = ctx.doc.text
    growth_re = words_re((spec.get("words") or {}).get(lang, []), lang)
    yoy_re = words_re((spec.get("yoy") or {}).get(lang, []), lang)
    qoq_re = words_re((spec.get("qoq") or {}).get(lang, []), lang)
    down_re = words_re((spec.get("down") or {}).get(lang, []), lang)
    compound_re = words_re((spec.get("compound") or {}).get(lang, []), lang)
    facts = []
    for qm in _quantities(ctx):
        if qm.quantity.unit != "Percent" or (qm.start, qm.end) in ctx.consumed:
            continue
        window = text[max(ctx.sent.start, qm.start - (10 if lang == "zh" else 40)):qm.start]
        after = text[qm.end:qm.end + (8 if lang == "zh" else 60)]
        if growth_re is None or not (growth_re.search(window) or (lang == "en" and _EN_CHANGE_AFTER.match(after))):
            continue
        if compound_re is not None and (compound_re.search(window) or compound_re.match(after.lstrip(" ("))):
            continue  # 年复合增长率约为46%: a rate over years
        owners = [(ts, te, pat) for ts, te, pat in triggers if te <= qm.start and qm.start - te <= (60 if lang == "zh" else 160)]
        if not owners:
            continue
        ts, te, pat = owners[-1]
        listed = _listed_owner(ctx, qm, owners, told or {})
        if listed is not None:
            # 1月交付…，2月交付…，同比分别增长约2.4倍和2.9倍: each rate, in order, of its own figure, compared as the list says
            (ts, te, pat), head = listed
            window = text[max(ctx.sent.start, head.start - (10 if lang == "zh" else 40)):head.start]
        if _other_subject_between(ctx, te, qm.start) or _future(ctx, ts, qm):
            continue  # another company's rate, or a forecast (指引为：销售收入环比增长6%)
        kinds = pat.get("growth") or {}
        near, tail, qoq, yoy_marked = _comparison(window, after, yoy_re, qoq_re, lang)
        if not yoy_marked:
            # "Sequentially, revenue rose 2%", 环比来看，收入增长8%: the comparison the sentence opens with, before its trigger
            lead = re.match(r"\s*([^,，;；:：]{1,30})[,，]", text[ctx.sent.start:ts])
            if lead:
                y = yoy_re.search(lead.group(1)) if yoy_re is not None else None
                q = qoq_re.search(lead.group(1)) if qoq_re is not None else None
                if y or q:
                    qoq, yoy_marked = bool(q and not y), True
        metric = kinds.get("qoq") if qoq else kinds.get("yoy")
        if not metric:
            continue
        seg = _segment(ctx, ts, te) if pat.get("segments") else _NO_SEGMENT
        if pat.get("markets_only") and not _market_figure(ctx, ts, seg):
            continue  # (as for its value: a market's only)
        subject = _subject(ctx, {**pat, "growth_only": False}, ts, te, seg)
        if subject is None:
            continue
        subj_m, subj, scope, confidence = subject
        if not scope and not seg[0] and pat.get("subject") != "market":
            scope = _own_market(ctx, ts)  # 海外新能源汽车销量…，同比增长334.2%: the growth of the overseas sales
        value = qm.quantity.value
        if value > 0 and (down_re is not None and down_re.search(window[-(8 if lang == "zh" else 30):])
                          or lang == "en" and _EN_LESS_AFTER.match(after)):
            value = -value
        period, p_conf = _period(ctx, {**pat, "period": "flow"}, ts, qm)  # the metric's own rules of time
        value_fact = (told or {}).get((ts, te))
        if listed is not None and value_fact is not None and value_fact.attr("period") is not None:
            period = value_fact.attr("period")
        if value_fact is not None and value_fact.subject == subj and not scope and value_fact.attr("scope"):
            scope = value_fact.attr("scope")  # "shipped 417,204 vehicles outside China, up 71.9%": the rate of those
        if value_fact is not None and value_fact.subject == subj:
            # a rate told with its figure ("fell 17 percent to $5.6 billion"): as sure as the figure;
            # a little less when it does not say what it is compared with, unless the figure is a whole
            # year's, which changes on the year before ("Revenue rose 16.7% to RMB 202.2 billion" in 2024)
            when = value_fact.attr("period")
            yearly = isinstance(when, PeriodRef) and bool(when.year) and not (
                when.quarter or when.half or when.month or when.day or when.qualifier)
            confidence = max(e.confidence for e in value_fact.evidence) * (1.0 if yoy_marked or qoq or yearly else 0.95)
        else:
            confidence *= float(spec.get("confidence", 0.85)) * p_conf * (1.0 if yoy_marked or qoq else 0.9)
        ctx.consumed.add((qm.start, qm.end))
        ev = evidence(ctx, [span(subj_m), (ts, te), (qm.start, qm.end)], f"growth-{pat['id']}", confidence)
        category = value_fact.attr("category", "") if value_fact is not None else _segment_category(seg)
        facts.append(Fact("quantity", subj, metric, "", attrs(
            value=value, unit="Percent", bound=qm.quantity.bound, period=period, scope=scope,
            category=category, reported_by=reported_by(ctx)), (ev,)))
    return facts


def _listed_owner(ctx: Context, qm: Mention, owners: list, told: dict):
    """(The trigger whose figure a rate is of, the list's first rate), when the sentence lists its rates "respectively" (分别增长约2.4倍和2.9倍,
    "revenue … and net profit …, up 12% and 30%, respectively") and as many figures with rates before them: the
    i-th rate is the i-th figure's. None when the sentence does not say so or the counts differ."""
    words = ctx.lang.words.get("respectively") or []
    if not words or not has_word(ctx.sent.text, words, ctx.lang.code):
        return None
    text = ctx.doc.text
    rates = [m for m in _quantities(ctx) if m.quantity.unit == "Percent" and ctx.sent.start <= m.start < ctx.sent.end]
    if qm not in rates:
        return None
    i = rates.index(qm)
    lo = i
    while lo > 0 and text[rates[lo - 1].end:rates[lo].start].strip(" ,，、") in ("和", "及", "与", "and", "", "or"):
        lo -= 1
    hi = i
    while hi + 1 < len(rates) and text[rates[hi].end:rates[hi + 1].start].strip(" ,，、") in ("和", "及", "与", "and", "", "or"):
        hi += 1
    chain = rates[lo:hi + 1]
    figures = [(ts, te, pat) for ts, te, pat in owners if (ts, te) in told and (pat.get("growth") or {})
               and ts >= ctx.sent.start and told[(ts, te)].evidence and told[(ts, te)].evidence[0].end <= chain[0].start]
    if len(chain) < 2 or len(figures) != len(chain):
        return None
    return figures[i - lo], chain[0]


# a change told after the rate: "a 12% increase", "11.4% higher than a year earlier", "8 percent less than in 2023"
_EN_CHANGE_AFTER = re.compile(r"\s*(?:increase|rise|growth|jump|gain|decline|drop|fall|(?:higher|lower|more|less|greater|smaller)\s+than)\b", re.IGNORECASE)
_EN_LESS_AFTER = re.compile(r"\s*(?:decline|drop|fall|(?:lower|less|smaller)\s+than)\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)?", re.IGNORECASE)


_FROM_TAIL = re.compile(r"\s*(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+\S{0,4}\s*$", re.IGNORECASE)


def _comparison(window: str, after: str, yoy_re, qoq_re, lang: str) -> tuple[str, str, bool, bool]:
    """(words before, words after, quarter on quarter?, said what it is compared with?) of a rate: the
    comparison said in its own stretch of words, between the figures before and after it, and in its
    clause. Chinese says it before the rate (in "同比增长262%，环比增长18%" the 环比 is 18%'s), English
    mostly after it (in "up 23% year on year and down 20% quarter on quarter" "year on year" is 23%'s,
    not 20%'s), else before it ("same ratio grow 9.1%", "Sequentially … rose 2%")."""
    near = re.split(r"[，,；;。]", window)[-1]
    cut = list(_FIGURE.finditer(near))
    if cut:
        near = near[cut[-1].end():]
        if lang != "zh":  # "… 23% year on year and down": the words right after a figure are that figure's
            for rx in (yoy_re, qoq_re):
                own = rx.match(near.lstrip()) if rx is not None else None
                if own:
                    near = near.lstrip()[own.end():]
                    break
    tail = _FIGURE.split(re.split(r"[，,；;。]", after)[0], maxsplit=1)[0][:60]
    if lang != "zh" and _FROM_TAIL.match(tail):
        # "up 44% from RMB68.8 billion in the same quarter of 2023": the figure it started from says when that was
        rest = _FIGURE.split(re.split(r"[，；;。]|,(?!\d)|\.(?!\d)", after)[0], maxsplit=1)
        if len(rest) > 1:
            tail += " " + re.sub(r"^\s*(?:million|billion|trillion)\b", "", rest[1])[:50]
    for words in ((tail, near) if lang != "zh" else (near, tail)):
        y = yoy_re.search(words) if yoy_re is not None else None
        q = qoq_re.search(words) if qoq_re is not None else None
        if y or q:
            return near, tail, bool(q and (not y or q.start() < y.start())), True
    return near, tail, False, False


def _other_subject_between(ctx: Context, start: int, end: int) -> bool:
    """"小米营收增长, 华为增长20%": another organisation between the metric and the rate."""
    return any(start <= m.start < end for m in ctx.entities(ORG, NOT_SUBJECT) if m.kind == "entity")
