"""Relations: a trigger word links a subject mention to object mention(s) of the right classes."""
from __future__ import annotations

from ..iris import new_entity_id, vocab
from ..types import EntityInfo, Fact, Mention
from .context import Context, attrs, evidence, has_word, near_period, nearest, reported_by, span, subject_of, trigger_hits
from .patterns import Patterns


def extract(ctx: Context) -> list[Fact]:
    return relations(ctx, ctx.patterns, ctx.new_names)


def relations(ctx: Context, pats: Patterns, new_names: dict) -> list[Fact]:
    regex, owners = pats.trigger_re("relations", ctx.lang.code)
    hits = trigger_hits(ctx, regex, owners)
    facts, used = [], []
    # longest triggers first; one inside a longer trigger that gave a fact (会长 inside 副会长)
    # gives way to it, but not to one whose argument types did not fit ("acquired by" a museum)
    for ts, te, owners_of in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        if any(a <= ts and te <= b for a, b in used):
            continue
        found = [f for pat in owners_of for f in _relation(ctx, pat, ts, te, new_names)]
        if not found:  # a shorter trigger at the same place: "acquired" inside "acquired by"
            word = ctx.doc.text[ts:te].lower()
            for shorter in sorted((w for w in owners if w != word and word.startswith(w)), key=len, reverse=True):
                found = [f for pat in owners[shorter] for f in _relation(ctx, pat, ts, ts + len(shorter), new_names)]
                if found:
                    break
        if found:
            used.append((ts, te))
        facts.extend(found)
    return facts


def _relation(ctx: Context, pat: dict, ts: int, te: int, new_names: dict) -> list[Fact]:
    subj_m, subj = subject_of(ctx, pat["subject"], ts, pat.get("subject_not", ()), pat.get("default_subject", ""))
    objs = [m for m in ctx.entities(pat["object"]) if m.entity_id != subj]
    if (not subj) != (not objs):  # one side found: the other may be a name the lexicon lacks
        add_names(ctx, pat, new_names)  # a new name may also be the nearer subject
        subj_m, subj = subject_of(ctx, pat["subject"], ts, pat.get("subject_not", ()), pat.get("default_subject", ""))
        objs = [m for m in ctx.entities(pat["object"]) if m.entity_id != subj]
    if not subj or not objs:
        return []
    if pat.get("objects", "all") == "nearest":
        chosen = [nearest(objs, ts)]
        if subj_m is not None and _passive(ctx, pat, subj_m, ts, te):
            subj_m, chosen = chosen[0], [subj_m]
            subj = subj_m.entity_id
    else:
        clause = ctx.clause_of(ts)
        chosen = []
        for window in ({clause}, set(range(clause)), {clause + 1}):
            chosen = [m for m in objs if ctx.clause_of(m.start) in window]
            if chosen:
                break
        if pat.get("object_preference") == "ordered":
            v = vocab()
            for cls in pat["object"]:
                preferred = [m for m in chosen if v.is_a(m.cls, [cls])]
                if preferred:
                    chosen = preferred
                    break
    period = None
    if "period" in pat.get("qualifiers", []):
        period = near_period(ctx, ts)
    reported = reported_by(ctx) if "reported_by" in pat.get("qualifiers", []) else ""
    confidence = float(pat.get("confidence", 0.9)) * (1.0 if subj_m is not None else 0.9)
    facts, seen = [], set()
    for i, obj in enumerate(chosen):
        if obj.entity_id in seen:
            continue
        seen.add(obj.entity_id)
        count = _count_for(ctx, chosen, i) if "count" in pat.get("qualifiers", []) else None
        obj_id = "market:" + obj.entity_id if pat.get("object_as_market") else obj.entity_id
        ev = evidence(ctx, [span(subj_m), (ts, te), span(obj)], pat["id"], confidence)
        facts.append(Fact("relation", subj, pat["property"], obj_id,
                          attrs(period=period, count=count, reported_by=reported), (ev,)))
    return facts


def _passive(ctx: Context, pat: dict, subj_m: Mention, ts: int, te: int) -> bool:
    words = (pat.get("passive") or {}).get(ctx.lang.code)
    if not words:
        return False
    text = ctx.doc.text
    if ctx.lang.code == "en":
        return has_word(text[te:te + 4], words, "en")
    return subj_m.end <= ts and has_word(text[subj_m.end:ts], words, "zh")


def _count_for(ctx: Context, objs: list[Mention], i: int) -> int | None:
    """A count written in the object's own conjunct: 三趟印度、两趟印尼 → 3, 2."""
    lo = objs[i - 1].end if i > 0 else ctx.clauses[ctx.clause_of(objs[i].start)][0]
    hi = objs[i + 1].start if i + 1 < len(objs) else ctx.clauses[ctx.clause_of(objs[i].start)][1]
    counts = [m for m in ctx.mentions if m.kind == "quantity" and m.quantity.unit == "Count" and lo <= m.start and m.end <= hi]
    before = [m for m in counts if m.end <= objs[i].start]
    pick = before[-1] if before else (counts[0] if counts else None)
    return int(pick.quantity.value) if pick is not None else None


def add_names(ctx: Context, pat: dict, new_names: dict) -> None:
    """Names the lexicon does not know become mentions when a pattern needs them."""
    v = vocab()
    text, base = ctx.sent.text, ctx.sent.start
    slots = list(pat.get("object", [])) + list(pat.get("subject", []))
    added = False
    if ctx.names is None:
        ctx.names = ctx.lang.find_names(text, ctx.lang.words)
    for s, e, cls in ctx.names:
        s, e = base + s, base + e
        inside = [m for m in ctx.mentions if m.start < e and m.end > s]
        # a known place may be part of the new name (深圳 in 深圳设计博物馆); anything else blocks it
        if not all(m.kind == "entity" and s <= m.start and m.end <= e and v.is_a(m.cls, ["Place"]) for m in inside):
            continue
        # the more specific of the name's class and the slot's class
        slot = next((c for c in slots if v.is_a(c, [cls]) or v.is_a(cls, [c])), "")
        cls = (slot if v.is_a(slot, [cls]) else cls) if slot else ""
        if not cls:
            continue
        name = ctx.doc.text[s:e].strip()
        eid = new_entity_id(name)
        new_names.setdefault(eid, EntityInfo(eid, cls, ((ctx.lang.code, name),)))
        for m in inside:
            ctx.mentions.remove(m)
        parts = tuple((m.start, m.end, m.entity_id, m.cls) for m in inside)
        ctx.mentions.append(Mention(s, e, name, "entity", eid, new_names[eid].cls, from_lexicon=False, parts=parts))
        added = True
    if added:
        ctx.mentions.sort(key=lambda m: (m.start, m.end))

