"""Stage 3: turn the mentions of each sentence into facts, using the patterns in
``data/patterns.yaml`` (trigger words plus the ontology classes of the arguments).

Nothing here knows a particular entity, number or sentence: triggers come from the
pattern file, argument types from the lexicon and the ontology, numbers and dates
from the numbers stage.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from . import resources
from .errors import data_error
from .iris import new_entity_id, vocab
from .lang import Language
from .types import Document, EntityInfo, Evidence, Extraction, Fact, Mention, PeriodRef, Sentence

ENTITY_KINDS = ("entity", "pronoun")
MONEY = ("CNY", "USD")


@dataclass
class Patterns:
    path: Path
    relations: list[dict]
    modifiers: list[dict]
    representatives: list[dict]
    series: list[dict]
    quantities: list[dict]
    positions: list[dict]
    goals: list[dict]
    reported_by: dict
    _trigger_res: dict = field(default_factory=dict)

    def trigger_re(self, group: str, lang: str) -> tuple[re.Pattern | None, dict]:
        """One regex over the triggers of a pattern group; maps a trigger (folded) to its patterns."""
        key = (group, lang)
        if key not in self._trigger_res:
            owners: dict[str, list[dict]] = {}
            for pat in getattr(self, group):
                for word in (pat.get("triggers") or {}).get(lang, []):
                    owners.setdefault(word.lower(), []).append(pat)
            self._trigger_res[key] = (_words_re(list(owners), lang), owners)
        return self._trigger_res[key]


def _words_re(words, lang: str) -> re.Pattern | None:
    return _compiled_words(tuple(words), lang) if words else None


@functools.lru_cache(maxsize=1024)
def _compiled_words(words: tuple, lang: str) -> re.Pattern | None:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if lang == "en":
        return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)
    return re.compile(alts, re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def load_patterns(path: Path | None = None) -> Patterns:
    """Read and check the pattern file against the ontology."""
    path = path or resources.patterns_path()
    data = resources.load_yaml(path)
    if not isinstance(data, dict):
        raise data_error(path, "expected a mapping with 'relations', 'quantities', ...", "See the header of the file")
    v = vocab()
    groups = {}
    for group in ("relations", "modifiers", "representatives", "series", "quantities", "positions", "goals"):
        items = data.get(group) or []
        if not isinstance(items, list):
            raise data_error(path, f"'{group}' should be a list", f"Write '{group}:' followed by '- id: ...' entries")
        ids = set()
        for n, pat in enumerate(items, 1):
            pid = resources.require(pat, "id", path, f"{group} #{n}", str)
            if pid in ids:
                raise data_error(path, f"{group}: duplicate pattern id '{pid}'", "Give each pattern a unique id")
            ids.add(pid)
            where = f"{group} '{pid}'"
            for key in ("property",):
                if key in pat and pat[key] not in v.terms:
                    raise data_error(path, f"{where}: property '{pat[key]}' is not in the ontology", "Use a property declared in ontology/kg.ttl")
            if group == "quantities":
                metric = resources.require(pat, "metric", path, where, str)
                if metric not in v.terms:
                    raise data_error(path, f"{where}: metric '{metric}' is not in the ontology", "Use a kg:Metric individual from ontology/kg.ttl")
            for key in ("subject", "object", "subject_not", "modifier", "head", "representative", "represented",
                        "series", "member"):
                classes = pat.get(key)
                if classes is None or classes == "market":
                    continue
                if not isinstance(classes, list):
                    raise data_error(path, f"{where}: '{key}' should be a list of classes", f"Write {key}: [ClassName, ...]")
                for cls in classes:
                    if cls not in v.classes:
                        raise data_error(path, f"{where}: '{cls}' in '{key}' is not an ontology class", "Use a class declared in ontology/kg.ttl")
            if group in ("relations", "quantities", "goals", "representatives"):
                resources.require(pat, "triggers", path, where, dict)
        groups[group] = items
    reported = data.get("reported_by") or {}
    return Patterns(path, reported_by=reported, **groups)


# --------------------------------------------------------------------------- helpers


@dataclass
class _Ctx:
    """Per-sentence working state."""

    doc: Document
    lang: Language
    sent: Sentence
    mentions: list[Mention]
    clauses: list[tuple[int, int]]  # document offsets
    recent_periods: list[PeriodRef]  # from the previous sentences, most recent last
    recent_places: list[str]
    recent_orgs: list[str] = field(default_factory=list)  # organisations the previous sentences named
    set_words: tuple = ()  # words that mark the setting of a goal (提出, set)
    consumed: set = field(default_factory=set)  # (start, end) of used quantities/ranks/triggers
    goal_spans: list = field(default_factory=list)  # (start, end, achieved)
    names: list | None = None  # names outside the lexicon, found once per sentence when needed
    quantity_patterns: list = field(default_factory=list)

    def clause_of(self, pos: int) -> int:
        for i, (s, e) in enumerate(self.clauses):
            if s <= pos < e:
                return i
        return len(self.clauses) - 1

    def entities(self, classes, exclude=()) -> list[Mention]:
        v = vocab()
        return [m for m in self.mentions if m.kind in ENTITY_KINDS and m.cls
                and v.is_a(m.cls, classes) and not (exclude and v.is_a(m.cls, exclude))]

    def periods(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "period"]


def _triggers(ctx: _Ctx, regex, owners) -> list[tuple[int, int, list[dict]]]:
    """Trigger hits in the sentence (document offsets), skipping those inside entity names."""
    if regex is None:
        return []
    out = []
    names = [(m.start, m.end) for m in ctx.mentions if m.kind in ENTITY_KINDS]
    for m in regex.finditer(ctx.sent.text):
        s, e = ctx.sent.start + m.start(), ctx.sent.start + m.end()
        if any(s < b and e > a for a, b in names):
            continue
        out.append((s, e, owners[m.group().lower()]))
    return out


def _has_word(text: str, words, lang: str) -> bool:
    if not words:
        return False
    return bool(_words_re(words, lang).search(text))


def _evidence(ctx: _Ctx, spans, rule: str, confidence: float) -> Evidence:
    spans = [s for s in spans if s is not None]
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    return Evidence(ctx.doc.doc_id, ctx.sent.index, start, end, ctx.doc.text[start:end], rule, round(confidence, 3))


def _span(m: Mention | None):
    return (m.start, m.end) if m is not None else None


def _nearest(cands: list[Mention], pos: int) -> Mention | None:
    return min(cands, key=lambda m: min(abs(m.start - pos), abs(m.end - pos)), default=None)


def _subject(ctx: _Ctx, classes, pos: int, exclude=(), default: str = "") -> tuple[Mention | None, str]:
    """The subject of a trigger at ``pos``: the nearest fitting mention before it in the
    sentence (same clause first), else after it in the same clause, else the document's
    organisation when the pattern allows. Returns (mention or None, entity id)."""
    cands = ctx.entities(classes, exclude)
    before = [m for m in cands if m.end <= pos]
    clause = ctx.clause_of(pos)
    same = [m for m in before if ctx.clause_of(m.start) == clause]
    pick = (same or before)[-1] if (same or before) else None
    if pick is None:
        after = [m for m in cands if m.start >= pos and ctx.clause_of(m.start) in (clause, clause + 1)]
        if after and (ctx.clause_of(after[0].start) == clause or _opens_clause(ctx, after[0])):
            pick = after[0]
    if pick is not None:
        return pick, pick.entity_id
    if default == "organisation":
        topic = ctx.doc.organisation or (ctx.recent_orgs[-1] if ctx.recent_orgs else "")
        return None, topic
    return None, ""


def _opens_clause(ctx: _Ctx, m: Mention) -> bool:
    """Is ``m`` the first mention of its clause?"""
    start = ctx.clauses[ctx.clause_of(m.start)][0]
    return not any(o.kind in ENTITY_KINDS and start <= o.start < m.start for o in ctx.mentions)


def _statement_periods(ctx: _Ctx) -> list[Mention]:
    """Time expressions of the sentence, less those that date the setting of a goal
    (年初提出的目标: 年初 is when the goal was set, not when the statement holds)."""
    return [m for m in ctx.periods() if not _has_word(ctx.doc.text[m.end:m.end + 6], ctx.set_words, ctx.lang.code)]


def _near_period(ctx: _Ctx, pos: int) -> PeriodRef | None:
    near = _nearest(_statement_periods(ctx), pos)
    return near.period if near else None


def _period(ctx: _Ctx, mode: str, pos: int) -> PeriodRef | None:
    p = _near_period(ctx, pos)
    if p is not None:
        return p
    if mode == "previous" and ctx.recent_periods:
        return ctx.recent_periods[-1]
    if mode in ("as_of", "previous") and ctx.doc.date:
        d = ctx.doc.date
        return PeriodRef(d.year, None, d.month, d.day, "asof")
    return None


def _reported_by(ctx: _Ctx) -> str:
    firms = ctx.entities(["ResearchFirm"])
    return firms[0].entity_id if firms else ""


def _market_place(ctx: _Ctx, pos: int) -> str:
    """The place a market statement at ``pos`` is about: a place in its clause, else in
    the sentence, else the last place of the previous sentences, else the world."""
    places = ctx.entities(["Place"])
    clause = ctx.clause_of(pos)
    same = [m for m in places if ctx.clause_of(m.start) == clause]
    pick = _nearest(same, pos) or _nearest(places, pos)
    if pick is not None:
        return pick.entity_id
    if ctx.recent_places:
        return ctx.recent_places[-1]
    return "world"


def _attrs(**kw) -> tuple:
    return tuple(sorted((k, v) for k, v in kw.items() if v not in (None, "")))


# --------------------------------------------------------------------------- relations


def _relations(ctx: _Ctx, pats: Patterns, new_names: dict) -> list[Fact]:
    regex, owners = pats.trigger_re("relations", ctx.lang.code)
    hits = _triggers(ctx, regex, owners)
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


def _relation(ctx: _Ctx, pat: dict, ts: int, te: int, new_names: dict) -> list[Fact]:
    subj_m, subj = _subject(ctx, pat["subject"], ts, pat.get("subject_not", ()), pat.get("default_subject", ""))
    objs = [m for m in ctx.entities(pat["object"]) if m.entity_id != subj]
    if (not subj) != (not objs):  # one side found: the other may be a name the lexicon lacks
        _add_names(ctx, pat, new_names)  # a new name may also be the nearer subject
        subj_m, subj = _subject(ctx, pat["subject"], ts, pat.get("subject_not", ()), pat.get("default_subject", ""))
        objs = [m for m in ctx.entities(pat["object"]) if m.entity_id != subj]
    if not subj or not objs:
        return []
    if pat.get("objects", "all") == "nearest":
        chosen = [_nearest(objs, ts)]
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
        period = _near_period(ctx, ts)
    reported = _reported_by(ctx) if "reported_by" in pat.get("qualifiers", []) else ""
    confidence = float(pat.get("confidence", 0.9)) * (1.0 if subj_m is not None else 0.9)
    facts, seen = [], set()
    for i, obj in enumerate(chosen):
        if obj.entity_id in seen:
            continue
        seen.add(obj.entity_id)
        count = _count_for(ctx, chosen, i) if "count" in pat.get("qualifiers", []) else None
        obj_id = "market:" + obj.entity_id if pat.get("object_as_market") else obj.entity_id
        ev = _evidence(ctx, [_span(subj_m), (ts, te), _span(obj)], pat["id"], confidence)
        facts.append(Fact("relation", subj, pat["property"], obj_id,
                          _attrs(period=period, count=count, reported_by=reported), (ev,)))
    return facts


def _passive(ctx: _Ctx, pat: dict, subj_m: Mention, ts: int, te: int) -> bool:
    words = (pat.get("passive") or {}).get(ctx.lang.code)
    if not words:
        return False
    text = ctx.doc.text
    if ctx.lang.code == "en":
        return _has_word(text[te:te + 4], words, "en")
    return subj_m.end <= ts and _has_word(text[subj_m.end:ts], words, "zh")


def _count_for(ctx: _Ctx, objs: list[Mention], i: int) -> int | None:
    """A count written in the object's own conjunct: 三趟印度、两趟印尼 → 3, 2."""
    lo = objs[i - 1].end if i > 0 else ctx.clauses[ctx.clause_of(objs[i].start)][0]
    hi = objs[i + 1].start if i + 1 < len(objs) else ctx.clauses[ctx.clause_of(objs[i].start)][1]
    counts = [m for m in ctx.mentions if m.kind == "quantity" and m.quantity.unit == "Count" and lo <= m.start and m.end <= hi]
    before = [m for m in counts if m.end <= objs[i].start]
    pick = before[-1] if before else (counts[0] if counts else None)
    return int(pick.quantity.value) if pick is not None else None


def _add_names(ctx: _Ctx, pat: dict, new_names: dict) -> None:
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


# --------------------------------------------------------------------------- modifiers


def _modifiers(ctx: _Ctx, pats: Patterns) -> list[Fact]:
    facts = []
    ents = [m for m in ctx.mentions if m.kind == "entity" and m.cls]
    v = vocab()
    for pat in pats.modifiers:
        gap = (pat.get("max_gap") or {}).get(ctx.lang.code, 0)
        after = [w.lower() for w in (pat.get("after_words") or {}).get(ctx.lang.code, [])]
        for a, b in zip(ents, ents[1:]):
            between = ctx.doc.text[a.end:b.start]
            # "法国蓬皮杜艺术中心": place, then the thing it qualifies
            if v.is_a(a.cls, pat["modifier"]) and v.is_a(b.cls, pat["head"]) and len(between.strip()) == 0 and len(between) <= gap:
                facts.append(_modifier_fact(ctx, pat, b, a))
            # "the Centre Pompidou in France"
            elif after and v.is_a(a.cls, pat["head"]) and v.is_a(b.cls, pat["modifier"]) and between.strip().lower() in after:
                facts.append(_modifier_fact(ctx, pat, a, b))
        # a place written as part of the name: 德国慕尼黑国际设计博物馆
        for head in ents:
            if not v.is_a(head.cls, pat["head"]):
                continue
            for s, e, eid, cls in head.parts:
                if v.is_a(cls, pat["modifier"]) and (s == head.start or ctx.lang.code == "zh"):
                    part = Mention(s, e, ctx.doc.text[s:e], "entity", eid, cls)
                    facts.append(_modifier_fact(ctx, pat, head, part))
                    break
    return facts


def _modifier_fact(ctx, pat, head: Mention, mod: Mention) -> Fact:
    ev = _evidence(ctx, [_span(head), _span(mod)], pat["id"], float(pat.get("confidence", 0.9)))
    return Fact("relation", head.entity_id, pat["property"], mod.entity_id, (), (ev,))


def _series(ctx: _Ctx, pats: Patterns) -> list[Fact]:
    """A product named after a series named in the same sentence belongs to it:
    小米MIX 2 and 小米MIX系列; Galaxy S9 and the Galaxy S series."""
    facts = []
    v = vocab()
    for pat in pats.series:
        words = sorted((pat.get("series_words") or {}).get(ctx.lang.code, []), key=len, reverse=True)
        ents = [m for m in ctx.mentions if m.kind == "entity" and m.cls]
        for series in (m for m in ents if v.is_a(m.cls, pat["series"])):
            stem = series.text.lower()
            for w in words:
                stem = stem.replace(w.lower(), "")
            stem = stem.strip()
            if len(stem) < 2:
                continue
            for prod in ents:
                if prod is series or not v.is_a(prod.cls, pat["member"]):
                    continue
                if prod.text.lower().startswith(stem) or (ctx.lang.code == "en" and stem in prod.text.lower()):
                    ev = _evidence(ctx, [_span(prod), _span(series)], pat["id"], float(pat.get("confidence", 0.8)))
                    facts.append(Fact("relation", prod.entity_id, pat["property"], series.entity_id, (), (ev,)))
    return facts


def _representatives(ctx: _Ctx, pats: Patterns) -> list[Fact]:
    facts = []
    for pat in pats.representatives:
        regex = _words_re(pat["triggers"].get(ctx.lang.code) or [], ctx.lang.code)
        if regex is None:
            continue
        reps = ctx.entities(pat["representative"])
        regions = ctx.entities(pat["represented"])
        for m in regex.finditer(ctx.sent.text):
            ts, te = ctx.sent.start + m.start(), ctx.sent.start + m.end()
            # the two nearest, one of each type, around the trigger within ~30 characters
            rep = _nearest([r for r in reps if abs(r.end - ts) < 30 or abs(r.start - te) < 30], ts)
            reg = _nearest([r for r in regions if abs(r.start - te) < 30 or abs(r.end - ts) < 30], te)
            if rep is None or reg is None:
                continue
            # the trigger stands between the two: "以印尼为代表的东盟", "Russia, represented by the Eastern European"
            if not ((rep.end <= ts and reg.start >= te) or (reg.end <= ts and rep.start >= te)):
                continue
            ev = _evidence(ctx, [_span(rep), (ts, te), _span(reg)], pat["id"], float(pat.get("confidence", 0.8)))
            facts.append(Fact("relation", rep.entity_id, pat["property"], "market:" + reg.entity_id, (), (ev,)))
    return facts


# --------------------------------------------------------------------------- goals


def _goals(ctx: _Ctx, pats: Patterns) -> list[Fact]:
    facts = []
    for pat in pats.goals:
        regex = _words_re(pat["triggers"].get(ctx.lang.code) or [], ctx.lang.code)
        if regex is None:
            continue
        for m in regex.finditer(ctx.sent.text):
            facts.extend(_goal(ctx, pats, pat, ctx.sent.start + m.start(), ctx.sent.start + m.end()))
            break  # one goal per sentence
    return facts


def _goal(ctx: _Ctx, pats: Patterns, pat: dict, ts: int, te: int) -> list[Fact]:
    lang = ctx.lang.code
    text = ctx.doc.text
    rest_start = te
    while rest_start < ctx.sent.end and text[rest_start] in " ：:\t“\"'":
        rest_start += 1
    if ctx.sent.end - rest_start > 3 and not (lang == "en" and text[rest_start:rest_start + 3] == "of "):
        gs, ge = rest_start, ctx.sent.end  # the goal is stated after the trigger
    else:
        gs, ge = ctx.clauses[ctx.clause_of(ts)][0], te  # ... or just before it
        if lang == "en":
            gs, ge = ts, ctx.clauses[ctx.clause_of(ts)][1]
    while ge > gs and text[ge - 1] in "。！!.，, ":
        ge -= 1
    inside = [m for m in ctx.mentions if gs <= m.start and m.end <= ge]
    achieved = _has_word(ctx.sent.text, (pat.get("achieved") or {}).get(lang), lang)
    rank = next((m for m in inside if m.kind == "rank"), None)
    target_metric, target_q = "", None
    for qpat in pats.quantities:
        if qpat.get("metric") != "Revenue":
            continue
        words = qpat["triggers"].get(lang) or []
        if _has_word(text[gs:ge], words, lang):
            target_q = next((m for m in inside if m.kind == "quantity" and m.quantity.value >= qpat.get("min_value", 0)), None)
            if target_q is not None:
                target_metric = qpat["metric"]
    if rank is None and target_q is None:
        return []
    subj_m, subj = _subject(ctx, pat["subject"], ts, (), pat.get("default_subject", ""))
    if not subj:
        return []
    set_words = (pat.get("set") or {}).get(lang) or []
    set_in = achieved_in = None
    for p in ctx.periods():
        if _has_word(text[p.end:p.end + 8], set_words, lang):  # 年初提出的目标: when it was set
            set_in = set_in or p.period
        elif gs <= p.start and p.end <= ge:
            continue  # a time inside the goal's own words is its deadline, not when it was set or met
        elif achieved:
            achieved_in = achieved_in or p.period
        else:
            set_in = set_in or p.period
    if set_in is not None and set_in.year is None and achieved_in is not None:
        set_in = PeriodRef(achieved_in.year, set_in.quarter, set_in.month, set_in.day, set_in.qualifier, set_in.start, set_in.end, set_in.text)
    deadline = _deadline(ctx, inside, set_in)
    scope = ""
    places = [m for m in inside if m.kind in ENTITY_KINDS and vocab().is_a(m.cls, ["Place"])]
    if places:
        scope = places[0].entity_id
    value = unit = bound = None
    if target_q is not None:
        q = target_q.quantity
        value, unit, bound = q.value, q.unit or ctx.doc.currency or "CNY", q.bound
        bound = _lower_bound(ctx, pats, target_q, bound)
    ctx.goal_spans.append((gs, ge, achieved))
    if rank is not None:
        ctx.consumed.add((rank.start, rank.end))
    ev = _evidence(ctx, [(ts, te), (gs, ge), _span(subj_m)], pat["id"], float(pat.get("confidence", 0.85)))
    goal_text = text[gs:ge]
    return [Fact("goal", subj, "Goal", "", _attrs(
        text=(goal_text, lang), metric=target_metric, value=value, unit=unit, bound=bound,
        rank=int(rank.quantity.value) if rank is not None else None, scope=scope,
        deadline=deadline, set_in=set_in, achieved_in=achieved_in if achieved else None), (ev,))]


def _deadline(ctx: _Ctx, inside: list[Mention], set_in: PeriodRef | None) -> PeriodRef | None:
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
    return None


# --------------------------------------------------------------------------- quantities


def _lower_bound(ctx: _Ctx, pats: Patterns, qm: Mention, bound: str, pat: dict | None = None) -> str:
    if bound != "Exact":
        return bound
    words = []
    for qpat in ([pat] if pat else pats.quantities):
        words += (qpat.get("lower_bound") or {}).get(ctx.lang.code, [])
    if not words:
        return bound
    window = 4 if ctx.lang.code == "zh" else 26
    before = ctx.doc.text[max(ctx.sent.start, qm.start - window):qm.start]
    return "LowerBound" if _has_word(before, words, ctx.lang.code) else bound


def _quantities(ctx: _Ctx, pats: Patterns) -> list[Fact]:
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
        if context and not _has_word(ctx.sent.text, context, lang):
            continue
        own = _words_re(pat["triggers"].get(lang) or [], lang)
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


def _counted(ctx: _Ctx, pat: dict, cands: list[Mention]) -> list[Mention]:
    """The numbers whose own noun is one of this metric's words: in "188,000 employees and ...
    170 countries", 170 counts countries, whatever its distance to the trigger."""
    lang = ctx.lang.code
    words = list((pat.get("triggers") or {}).get(lang, [])) + list((pat.get("context") or {}).get(lang, []))
    if not words:
        return []
    regex = _words_re(words, lang)
    # the noun may be part of the number's own span ("170 countries") or follow it (70多个国家)
    return [m for m in cands if regex.search(m.text)
            or regex.match(ctx.doc.text[m.end:m.end + (6 if lang == "zh" else 14)].lstrip(" 个名家多余的"))]


def _trigger_between(ctx: _Ctx, pat: dict, start: int, end: int) -> bool:
    """Does a trigger or a name stand between ``start`` and ``end``? (then the number is theirs)"""
    text = ctx.doc.text[start:end]
    if any(m.kind in ENTITY_KINDS and start <= m.start < end for m in ctx.mentions):
        return True
    return any(_has_word(text, (other.get("triggers") or {}).get(ctx.lang.code), ctx.lang.code)
               for other in ctx.quantity_patterns)


def _unit_ok(q, pat: dict) -> bool:
    return q.unit in pat.get("units", [])


def _quantity(ctx: _Ctx, pats: Patterns, pat: dict, ts: int, te: int) -> Fact | None:
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
    qm = _nearest(_counted(ctx, pat, cands), ts) or _nearest(cands, ts)
    if qm is None:
        return None
    q = qm.quantity
    unit = q.unit
    if not unit:
        unit = (ctx.doc.currency or "CNY") if any(u in MONEY for u in pat.get("units", [])) else "Count"
    value = q.value
    neg = (pat.get("negative") or {}).get(ctx.lang.code)
    cs, ce = ctx.clauses[clause]
    if neg and _has_word(ctx.doc.text[cs:ce], neg, ctx.lang.code) and value > 0:
        value = -value
    bound = _lower_bound(ctx, pats, qm, q.bound, pat)
    if pat.get("subject") == "market":
        subj_m, subj = None, "market:" + _market_place(ctx, ts)
    else:
        subj_m, subj = _subject(ctx, pat["subject"], min(ts, qm.start), (), pat.get("default_subject", ""))
    if not subj:
        return None
    period = _period(ctx, pat.get("period", "nearest"), qm.start)
    scope = ""
    if pat.get("scope") == "place":
        places = [m for m in ctx.entities(["Place"]) if m.entity_id != "world" or pat.get("scope_world")]
        near = _nearest(places, qm.start)
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
    ev = _evidence(ctx, [_span(subj_m), (ts, te), (qm.start, qm.end)], pat["id"], confidence)
    return Fact("quantity", subj, pat["metric"], "", _attrs(
        value=value, unit=unit, bound=bound, period=period, reported_by=_reported_by(ctx), scope=scope,
        threshold=threshold, threshold_unit=threshold_unit), (ev,))


# --------------------------------------------------------------------------- positions


def _positions(ctx: _Ctx, pats: Patterns) -> list[Fact]:
    facts = []
    lang = ctx.lang.code
    for pat in pats.positions:
        context = (pat.get("context") or {}).get(lang)
        if context and not _has_word(ctx.sent.text, context, lang):
            continue
        for rm in [m for m in ctx.mentions if m.kind == "rank"]:
            if any(rm.start < b and rm.end > a for a, b in ctx.consumed):
                continue
            rank = int(rm.quantity.value)
            if rank > int(pat.get("max_rank", 20)):
                continue
            period = _near_period(ctx, rm.start)
            if period is None and pat.get("require_period"):
                continue
            subj_m, subj = _subject(ctx, pat["subject"], rm.start, (), pat.get("default_subject", ""))
            if not subj:
                continue
            place = _market_place(ctx, rm.start)
            confidence = float(pat.get("confidence", 0.9)) * (1.0 if subj_m is not None else 0.9)
            ev = _evidence(ctx, [_span(subj_m), (rm.start, rm.end)], pat["id"], confidence)
            ctx.consumed.add((rm.start, rm.end))
            facts.append(Fact("position", subj, "MarketPosition", "", _attrs(
                rank=rank, bound=rm.quantity.bound, scope=place, period=period,
                reported_by=_reported_by(ctx)), (ev,)))
    return facts


# --------------------------------------------------------------------------- stage


def extract(annotated: Extraction, lang: Language, patterns: Patterns) -> Extraction:
    """Facts for one document, from its sentences and mentions."""
    doc = annotated.document
    by_sentence: dict[int, list[Mention]] = {}
    starts = [s.start for s in annotated.sentences]
    for m in annotated.mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        by_sentence.setdefault(i, []).append(m)
    facts: list[Fact] = []
    new_names: dict[str, EntityInfo] = {}
    recent_periods: list[PeriodRef] = []
    recent_places: list[str] = []
    recent_orgs: list[str] = []
    history: list[tuple[list, list]] = []
    set_words = tuple(w for g in patterns.goals for w in (g.get("set") or {}).get(lang.code, []))
    for sent in annotated.sentences:
        mentions = list(by_sentence.get(sent.index, []))
        clauses = [(sent.start + s, sent.start + e) for s, e in lang.clauses(sent.text)]
        window = history[-2:]
        ctx = _Ctx(doc, lang, sent, mentions, clauses,
                   [p for ps, _ in window for p in ps], [p for _, pl in window for p in pl], set_words=set_words,
                   quantity_patterns=patterns.quantities, recent_orgs=recent_orgs[-1:])
        # goals first: they consume their ranks and keep unmet targets from becoming facts
        facts += _goals(ctx, patterns)
        facts += _quantities(ctx, patterns)
        facts += _positions(ctx, patterns)
        facts += _relations(ctx, patterns, new_names)
        facts += _modifiers(ctx, patterns)
        facts += _representatives(ctx, patterns)
        facts += _series(ctx, patterns)
        v = vocab()
        orgs = [m.entity_id for m in ctx.mentions if m.kind in ENTITY_KINDS and m.cls and v.is_a(m.cls, ["Company"])]
        if orgs:
            recent_orgs.append(orgs[0])  # the first company named is what the sentence is about
        history.append(([m.period for m in _statement_periods(ctx) if m.period.year][:1],
                         [m.entity_id for m in ctx.mentions if m.kind in ENTITY_KINDS and m.cls and v.is_a(m.cls, ["Place"])]))
        by_sentence[sent.index] = ctx.mentions  # with the names found along the way
    all_mentions = tuple(m for i in sorted(by_sentence) for m in by_sentence[i])
    return Extraction(doc, annotated.sentences, all_mentions, tuple(facts), tuple(new_names.values()))
