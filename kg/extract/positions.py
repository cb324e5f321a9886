"""Market positions: rank expressions (第四, 前五, fourth, top five) near a market."""
from __future__ import annotations

from ..types import Fact
from .context import Context, attrs, evidence, has_word, market_place, near_period, reported_by, span, subject_of
from .patterns import Patterns


def extract(ctx: Context) -> list[Fact]:
    return positions(ctx, ctx.patterns)


def positions(ctx: Context, pats: Patterns) -> list[Fact]:
    facts = []
    lang = ctx.lang.code
    for pat in pats.positions:
        context = (pat.get("context") or {}).get(lang)
        if context and not has_word(ctx.sent.text, context, lang):
            continue
        for rm in [m for m in ctx.mentions if m.kind == "rank"]:
            if any(rm.start < b and rm.end > a for a, b in ctx.consumed):
                continue
            rank = int(rm.quantity.value)
            if rank > int(pat.get("max_rank", 20)):
                continue
            period = near_period(ctx, rm.start)
            if period is None and pat.get("require_period"):
                continue
            subj_m, subj = subject_of(ctx, pat["subject"], rm.start, (), pat.get("default_subject", ""))
            if not subj:
                continue
            place = market_place(ctx, rm.start)
            confidence = float(pat.get("confidence", 0.9)) * (1.0 if subj_m is not None else 0.9)
            ev = evidence(ctx, [span(subj_m), (rm.start, rm.end)], pat["id"], confidence)
            ctx.consumed.add((rm.start, rm.end))
            facts.append(Fact("position", subj, "MarketPosition", "", attrs(
                rank=rank, bound=rm.quantity.bound, scope=place, period=period,
                reported_by=reported_by(ctx)), (ev,)))
    return facts

