"""Quantities: a metric's trigger and a number of the right unit in the same clause."""
from __future__ import annotations

from decimal import Decimal

from ..types import Fact, Mention
from .context import (ENTITY_KINDS, MONEY, Context, attrs, evidence, has_word, lower_bound, market_place, nearest,
                      period_for, reported_by, span, subject_of)
from .patterns import Patterns, words_re


def extract(ctx: Context) -> list[Fact]:
    return quantities(ctx, ctx.patterns)


def quantities(ctx: Context, pats: Patterns) -> list[Fact]:
    if not any(m.kind == "quantity" for m in ctx.mentions):
        return []
    lang = ctx.lang.code
    names = [(m.start, m.end) for m in ctx.mentions if m.kind in ENTITY_KINDS]
    # where each pattern's triggers occur (one scan with a regex of every trigger word; a
    # shorter trigger inside a longer one, 授权 in 授权总量, is found by the patterns' own regexes)
    regex, owners = pats.trigger_re("quantities", lang)
    if regex is None or not regex.search(ctx.sent.text):
        return []
    facts = []
    for pat in pats.quantities:
        context = (pat.get("context") or {}).get(lang)
        if context and not has_word(ctx.sent.text, context, lang):
            continue
        own = words_re(pat["triggers"].get(lang) or [], lang)
        if own is None:
            continue
        for tm in own.finditer(ctx.sent.text):
            ts, te = ctx.sent.start + tm.start(), ctx.sent.start + tm.end()
            if any(ts < b and te > a for a, b in names):
                continue
            fact = _quantity(ctx, pats, pat, ts, te)
            if fact is not None:
                facts.append(fact)
    return facts


def _counted(ctx: Context, pat: dict, cands: list[Mention]) -> list[Mention]:
    """The numbers whose own noun is one of this metric's words: in "188,000 employees and ...
    170 countries", 170 counts countries, whatever its distance to the trigger."""
    lang = ctx.lang.code
    words = list((pat.get("triggers") or {}).get(lang, [])) + list((pat.get("context") or {}).get(lang, []))
    if not words:
        return []
    regex = words_re(words, lang)
    # the noun may be part of the number's own span ("170 countries") or follow it (70多个国家)
    return [m for m in cands if regex.search(m.text)
            or regex.match(ctx.doc.text[m.end:m.end + (6 if lang == "zh" else 14)].lstrip(" 个名家多余的"))]


def _trigger_between(ctx: Context, pat: dict, start: int, end: int) -> bool:
    """Does a trigger or a name stand between ``start`` and ``end``? (then the number is theirs)"""
    text = ctx.doc.text[start:end]
    if any(m.kind in ENTITY_KINDS and start <= m.start < end for m in ctx.mentions):
        return True
    return any(has_word(text, (other.get("triggers") or {}).get(ctx.lang.code), ctx.lang.code)
               for other in ctx.patterns.quantities)


def _unit_ok(q, pat: dict) -> bool:
    return q.unit in pat.get("units", [])


def _quantity(ctx: Context, pats: Patterns, pat: dict, ts: int, te: int) -> Fact | None:
    clause = ctx.clause_of(ts)
    fits = [m for m in ctx.mentions if m.kind == "quantity"
            and (m.start, m.end) not in ctx.consumed and _unit_ok(m.quantity, pat)
            and m.quantity.value >= Decimal(str(pat.get("min_value", 0)))
            and not any(gs <= m.start and m.end <= ge and not achieved for gs, ge, achieved in ctx.goal_spans)]
    # the number is in the trigger's clause, or opens the next one ("营收1146亿元，同比增长67.5%")
    cands = [m for m in fits if ctx.clause_of(m.start) == clause]
    if not cands:
        nxt = [m for m in fits if ctx.clause_of(m.start) == clause + 1]
        cands = nxt[:1] if nxt and not _trigger_between(ctx, pat, ctx.clauses[clause + 1][0], nxt[0].start) else []
    qm = nearest(_counted(ctx, pat, cands), ts) or nearest(cands, ts)
    if qm is None:
        return None
    q = qm.quantity
    unit = q.unit
    if not unit:
        unit = (ctx.doc.currency or "CNY") if any(u in MONEY for u in pat.get("units", [])) else "Count"
    value = q.value
    neg = (pat.get("negative") or {}).get(ctx.lang.code)
    cs, ce = ctx.clauses[clause]
    if neg and has_word(ctx.doc.text[cs:ce], neg, ctx.lang.code) and value > 0:
        value = -value
    bound = lower_bound(ctx, pats, qm, q.bound, pat)
    if pat.get("subject") == "market":
        subj_m, subj = None, "market:" + market_place(ctx, ts)
    else:
        subj_m, subj = subject_of(ctx, pat["subject"], min(ts, qm.start), (), pat.get("default_subject", ""))
    if not subj:
        return None
    period = period_for(ctx, pat.get("period", "nearest"), qm.start)
    scope = ""
    if pat.get("scope") == "place":
        places = [m for m in ctx.entities(["Place"]) if m.entity_id != "world" or pat.get("scope_world")]
        near = nearest(places, qm.start)
        scope = near.entity_id if near else ""
    threshold = threshold_unit = None
    if pat.get("threshold"):
        big = [m for m in ctx.mentions if m.kind == "quantity" and m is not qm and m.quantity.unit in MONEY + ("",)
               and m.quantity.value >= 100_000_000]
        if big:
            threshold = big[0].quantity.value
            threshold_unit = big[0].quantity.unit or ctx.doc.currency or "CNY"
    ctx.consumed.add((qm.start, qm.end))
    ctx.consumed.add((ts, te))
    implied = subj_m is None and pat.get("subject") != "market"
    confidence = float(pat.get("confidence", 0.9)) * (0.9 if implied else 1.0)
    ev = evidence(ctx, [span(subj_m), (ts, te), (qm.start, qm.end)], pat["id"], confidence)
    return Fact("quantity", subj, pat["metric"], "", attrs(
        value=value, unit=unit, bound=bound, period=period, reported_by=reported_by(ctx), scope=scope,
        threshold=threshold, threshold_unit=threshold_unit), (ev,))

