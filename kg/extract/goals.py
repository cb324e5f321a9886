"""Goals: a goal trigger gives a kg:Goal with its target, deadline and status."""
from __future__ import annotations

from ..iris import vocab
import re
from decimal import Decimal

from ..types import Fact, Mention, PeriodRef, Quantity
from .context import ENTITY_KINDS, MONEY_UNITS, Context, attrs, evidence, has_word, lower_bound, span, subject_of
from .patterns import Patterns, words_re


def extract(ctx: Context) -> list[Fact]:
    return goals(ctx, ctx.patterns)


def goals(ctx: Context, pats: Patterns) -> list[Fact]:
    facts = []
    for pat in pats.goals:
        regex = words_re(pat["triggers"].get(ctx.lang.code) or [], ctx.lang.code)
        if regex is None:
            continue
        for m in regex.finditer(ctx.sent.text):
            facts.extend(_goal(ctx, pats, pat, ctx.sent.start + m.start(), ctx.sent.start + m.end()))
            break  # one goal per sentence
    return facts


def _goal(ctx: Context, pats: Patterns, pat: dict, ts: int, te: int) -> list[Fact]:
    lang = ctx.lang.code
    text = ctx.doc.text
    rest_start = te
    while rest_start < ctx.sent.end and text[rest_start] in " ：:\t“\"'":
        rest_start += 1
    # 完成了300万辆年度销量目标，继续…: a trigger that ends its clause has its goal before it
    ends_clause = rest_start < ctx.sent.end and text[rest_start] in "，,；;。."
    if ctx.sent.end - rest_start > 3 and not ends_clause and not (lang == "en" and text[rest_start:rest_start + 3] == "of "):
        gs, ge = rest_start, ctx.sent.end  # the goal is stated after the trigger
    else:
        gs, ge = ctx.clauses[ctx.clause_of(ts)][0], te  # ... or just before it
        if lang == "en":
            gs, ge = ts, ctx.clauses[ctx.clause_of(ts)][1]
    while ge > gs and text[ge - 1] in "。！!.，, ":
        ge -= 1
    inside = [m for m in ctx.mentions if gs <= m.start and m.end <= ge]
    achieved = has_word(ctx.sent.text, (pat.get("achieved") or {}).get(lang), lang)
    rank = next((m for m in inside if m.kind == "rank"), None)
    if pat.get("rank_only") or pat.get("share_words"):
        if any(a < ge and gs < b for a, b, _ in ctx.goal_spans):
            return []  # 我们的目标是…，力争…: the goal is read once
    if pat.get("rank_only"):
        if rank is None:
            rank = _superlative_rank(ctx, pats, pat, gs, ge)
        if rank is None:
            return []
    target_metric, target_q, target_units = "", None, []
    if pat.get("share_words"):
        rank = None  # a share aimed at (计划将海外收入占比提升至50%以上, "target is overseas income occupy more than 40%")
        target_q = _share(ctx, pat, inside, ts)
        if target_q is None:
            return []
    for qpat in pats.quantities:  # the metric the goal names (销量目标, "a revenue target") and a figure it can take
        if pat.get("rank_only") or pat.get("share_words"):
            break
        if qpat.get("growth_only") or qpat.get("subject") == "market":
            continue
        words = qpat["triggers"].get(lang) or []
        if has_word(text[gs:ge], words, lang):
            units = qpat.get("units") or []
            target_q = next((m for m in inside if m.kind == "quantity" and m.quantity.value >= qpat.get("min_value", 0)
                             and (m.quantity.unit in units or (not m.quantity.unit and "" in units)
                                  or (m.quantity.unit == "Count" and "" in units))), None)
            if target_q is not None:
                target_metric, target_units = qpat["metric"], units
                break
    if rank is None and target_q is None:
        return []
    subj_m, subj = subject_of(ctx, pat["subject"], ts, (), pat.get("default_subject", ""))
    if not subj:
        return []
    set_words = (pat.get("set") or {}).get(lang) or []
    this_year = [w.lower() for w in (pat.get("this_year") or {}).get(lang) or []]
    set_in = achieved_in = None
    set_this_year = False
    for p in ctx.periods():
        if has_word(text[p.end:p.end + 8], set_words, lang):  # 年初提出的目标: when it was set
            set_in = set_in or p.period
        elif gs <= p.start and p.end <= ge:
            continue  # a time inside the goal's own words is its deadline, not when it was set or met
        elif achieved:
            achieved_in = achieved_in or p.period
        else:
            if set_in is None and p.end <= ts and text[p.start:p.end].strip().lower() in this_year:
                set_this_year = True  # 今年，我们的目标是…, "This year our goal is …": a goal for this year
            set_in = set_in or p.period
    if set_in is not None and set_in.year is None and achieved_in is not None:
        set_in = PeriodRef(achieved_in.year, set_in.quarter, set_in.month, set_in.day, set_in.qualifier, set_in.start, set_in.end, set_in.text)
    # 今年的目标是全年销量达到180万辆, "an annual target": a goal for the year it is set in is due at its end
    annual = (set_this_year or has_word(text[gs:ge], (pat.get("annual") or {}).get(lang), lang)) and set_in is not None \
        and not set_in.quarter
    deadline = _deadline(ctx, inside, set_in) or _year_of(set_in if set_in is not None and (set_in.qualifier == "early" or annual)
                                                            else achieved_in if achieved else None)
    scope = ""
    places = [m for m in inside if m.kind in ENTITY_KINDS and vocab().is_a(m.cls, ["Place"])]
    target = target_q or rank
    if target is not None:  # 目标是全年销量达到180万辆，其中海外销量力争70万辆: the place of the target's own clause
        places = [m for m in places if ctx.clause_of(m.start) == ctx.clause_of(target.start)]
    if places and not pat.get("share_words"):  # (海外收入占比: the place names what the share is of, not where)
        scope = places[0].entity_id
    category = ""
    if rank is not None:  # "to remain number one in the PC market", 电视全球出货第一: the kind of product ranked
        cats = [m for m in ctx.mentions if m.kind in ENTITY_KINDS and m.cls and vocab().is_a(m.cls, ["ProductCategory"])
                and ctx.sent.start <= m.start < ctx.sent.end]
        cats = [m for m in cats if gs <= m.start and m.end <= ge] or cats
        near = min(cats, key=lambda m: abs(m.start - rank.start), default=None)
        category = near.entity_id if near is not None else ""
        if not category and pats.positions:  # "one of the world's top five carmakers": the kind of player aimed among
            from .positions import player_kind

            category = player_kind(ctx, pats.positions[0], rank.start, rank.end) or ""
    value = unit = bound = None
    if target_q is not None:
        q = target_q.quantity
        # a bare number is money only for a metric of money (覆盖超过1亿用户: a count of users)
        money = any(u in MONEY_UNITS for u in target_units)
        value, unit, bound = q.value, q.unit or ((ctx.doc.currency or "CNY") if money else "Count"), q.bound
        bound = lower_bound(ctx, pats, target_q, bound)
    ctx.goal_spans.append((gs, ge, achieved))
    if rank is not None:
        ctx.consumed.add((rank.start, rank.end))
    ev = evidence(ctx, [(ts, te), (gs, ge), span(subj_m)], pat["id"], float(pat.get("confidence", 0.85)))
    goal_text = text[gs:ge]
    return [Fact("goal", subj, "Goal", "", attrs(
        text=(goal_text, lang), metric=target_metric, value=value, unit=unit, bound=bound,
        rank=int(rank.quantity.value) if rank is not None else None, scope=scope, category=category,
        deadline=deadline, set_in=set_in, achieved_in=achieved_in if achieved else None), (ev,))]


def _share(ctx: Context, pat: dict, inside: list[Mention], ts: int) -> Mention | None:
    """The percentage a goal's words aim a share at: right after a share word (海外收入占比提升至50%以上, "the
    overseas income occupy more than 40%") or right before a share's tail ("70 percent of its traffic"), in the
    trigger's own clause (计划投资50亿元，持股比例为30%: a stake told beside a plan is no goal)."""
    lang, text = ctx.lang.code, ctx.doc.text
    before = words_re((pat.get("share_words") or {}).get(lang) or [], lang)
    after = (pat.get("share_after") or {}).get(lang) or []
    window = 10 if lang == "zh" else 40
    for m in inside:
        if m.kind != "quantity" or m.quantity.unit != "Percent" or ctx.clause_of(m.start) != ctx.clause_of(ts):
            continue
        lead = text[max(ctx.sent.start, m.start - window):m.start]
        if before is not None and before.search(lead):
            return m
        if after and any(text[m.end:m.end + 20].lower().lstrip().startswith(w.lower() + " ") for w in after):
            return m
    return None


def _superlative_rank(ctx: Context, pats: Patterns, pat: dict, gs: int, ge: int) -> Mention | None:
    """First place told by a superlative before a player noun in a goal's words ("to become the world's largest
    carmaker", 力争成为全球最大的电动车制造商): a rank mention of 1 over the superlative."""
    lang = ctx.lang.code
    regex = words_re((pat.get("superlatives") or {}).get(lang) or [], lang)
    nouns = [n for p in pats.positions for n in (p.get("player_nouns") or {}).get(lang, [])]
    if regex is None or not nouns:
        return None
    text = ctx.doc.text
    for m in regex.finditer(text, gs, ge):
        window = text[m.end():min(ge, m.end() + (12 if lang == "zh" else 40))]
        if has_word(window, nouns, lang) and not re.search(r"之一|\bone of\b|\bamong\b", text[max(gs, m.start() - 20):m.end() + 12]):
            return Mention(m.start(), m.end(), m.group(), "rank", quantity=Quantity(Decimal(1), "", "Exact", m.start(), m.end(), m.group()))
    return None


def _year_of(p: PeriodRef | None) -> PeriodRef | None:
    """A goal set early in a year (年初提出的目标), or met within one, with no deadline of its own is that year's."""
    return PeriodRef(p.year) if p is not None and p.year else None


def _deadline(ctx: Context, inside: list[Mention], set_in: PeriodRef | None) -> PeriodRef | None:
    """"10个季度内" / "within 10 quarters" counted from when the goal was set (or the document date)."""
    for m in inside:
        if m.kind == "period" and m.period.qualifier in ("by", "within"):
            return m.period
        if m.kind == "quantity" and m.quantity.unit in ("Quarters", "Years"):
            if set_in is not None and set_in.year and (set_in.quarter or set_in.month):
                year, quarter = set_in.year, set_in.quarter or (set_in.month - 1) // 3 + 1
            elif ctx.doc.date is not None:
                year, quarter = ctx.doc.date.year, (ctx.doc.date.month - 1) // 3 + 1
            else:
                return None
            n = int(m.quantity.value) * (4 if m.quantity.unit == "Years" else 1)
            last = (year * 4 + quarter - 1) + n - 1
            return PeriodRef(last // 4, last % 4 + 1, qualifier="by")
    # 目标是2024年营收突破3000亿元: the time the goal's own words name is when it is due
    plain = [m.period for m in inside if m.kind == "period" and m.period.year and m.period.qualifier == ""]
    return plain[0] if plain else None

