"""Relations: a trigger word links a subject mention to object mention(s) of the right classes."""
from __future__ import annotations

import functools
import re

from ..iris import new_entity_id, vocab
from ..types import EntityInfo, Fact, Mention, PeriodRef
from .context import (ENTITY_KINDS, MONEY_UNITS, Context, attrs, event_period, evidence, has_word, near_period, nearest, reported_by, span,
                      subject_of, trigger_hits)
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
            for shorter in pats.shorter_triggers("relations", ctx.lang.code, word):
                found = [f for pat in owners[shorter] for f in _relation(ctx, pat, ts, ts + len(shorter), new_names)]
                if found:
                    break
        if found:
            used.append((ts, te))
        facts.extend(found)
    return facts


def _future(ctx: Context, ts: int) -> bool:
    """"将推出", "will launch", "plans to acquire": a plan, not a fact."""
    words = ctx.lang.words.get("future") or []
    if not words:
        return False
    window = 8 if ctx.lang.code == "zh" else 24
    before = ctx.doc.text[max(ctx.sent.start, ts - window):ts]
    regex = _future_re(tuple(words), ctx.lang.code)
    return bool(regex.search(before))


@functools.lru_cache(maxsize=64)
def _future_re(words: tuple, lang: str):
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if lang == "en":  # case kept: "in May it introduced" is the month, not "may"
        return re.compile(rf"\b(?:{alts})\b(?:\s+[\w'’]+){{0,5}}\s*$")
    return re.compile(rf"(?:{alts})")


def _relation(ctx: Context, pat: dict, ts: int, te: int, new_names: dict) -> list[Fact]:
    if pat.get("no_future") and _future(ctx, ts):
        return []
    not_after = (pat.get("not_after") or {}).get(ctx.lang.code)
    if not_after and re.match(not_after, ctx.doc.text[te:te + 12]):
        return []  # 上市公司 is a listed company, not a launch
    not_before = (pat.get("not_before") or {}).get(ctx.lang.code)
    if not_before and re.search(not_before, ctx.doc.text[ctx.sent.start:ts], re.IGNORECASE):
        return []  # 总部位于: the headquarters, told by their own rule
    side = pat.get("object_side", "any")
    if side == "any":
        return _relation_in_clause(ctx, pat, ts, te, new_names)
    if side == "adopters":
        return _adopters(ctx, pat, ts, te)
    return _relation_by_position(ctx, pat, ts, te)


def _adopters(ctx: Context, pat: dict, ts: int, te: int) -> list[Fact]:
    """Organisations listed before a verb of adoption take up what a company makes, and are its
    partners: "XPENG, Li Auto and ZEEKR have chosen DRIVE Thor", 比亚迪、小鹏等车企将采用英伟达DRIVE Thor平台.
    The maker is an organisation right after the verb or in the product's name, else the
    organisation the document is about (less sure)."""
    text = ctx.doc.text
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    orgs = ctx.entities(pat["object"], pat.get("object_not", ()))
    before = sorted((m for m in orgs if ctx.sent.start <= m.start and m.end <= ts), key=lambda m: m.start)
    if not before or before[-1].start < cs:
        return []
    gap = text[before[-1].end:ts]
    if len(gap) > (24 if ctx.lang.code == "zh" else 40) or any(before[-1].end <= m.start < ts for m in orgs):
        return []
    # the whole list the last name ends: walk back over the joiners
    run = [before[-1]]
    joiner = _JOINERS[ctx.lang.code]
    for m in reversed(before[:-1]):
        if joiner.fullmatch(text[m.end:run[0].start]):
            run.insert(0, m)
        else:
            break
    after_orgs = [m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if te <= m.start <= te + 4 and m.end <= ce]
    things = [m for m in ctx.entities(["Product", "ProductSeries", "Platform", "Brand"]) if te <= m.start < ce]
    if not things and not after_orgs:  # "have chosen Thor": a name the lexicon lacks
        for s, e, hint in ctx.lang.names_after(text[:ce], te, ce, ctx.lang.words)[:1]:
            if ctx.mention_at(s, e) is None and s - te <= 12:
                found = ctx.add_name(s, e, hint if hint and vocab().is_a(hint, ["Product"]) else "Product")
                things = [found] if found else []
    confidence = float(pat.get("confidence", 0.8))
    if after_orgs:
        maker_m, maker = after_orgs[0], after_orgs[0].entity_id
    elif things and _maker_in_name(ctx, {"subject": pat["subject"]}, things[0]):
        maker_m, maker = None, _maker_in_name(ctx, {"subject": pat["subject"]}, things[0])
    elif things and ctx.doc.organisation:
        maker_m, maker, confidence = None, ctx.doc.organisation, confidence * 0.85
    else:
        return []
    chosen = [m for m in run if m.entity_id != maker]
    return _facts(ctx, pat, ts, te, maker_m, maker, chosen, confidence)


def _relation_in_clause(ctx: Context, pat: dict, ts: int, te: int, new_names: dict) -> list[Fact]:
    """Subject and objects anywhere in the trigger's clause, told apart by their classes."""
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
        if chosen and window == {clause}:  # "designs iPhone, iPad and Mac": a list goes on past the comma
            run = _list_run(ctx, objs, chosen[-1].start, ctx.sent.end)
            chosen += [m for m in run[1:] if m not in chosen]
        if pat.get("object_preference") == "ordered":
            v = vocab()
            for cls in pat["object"]:
                preferred = [m for m in chosen if v.is_a(m.cls, [cls])]
                if preferred:
                    chosen = preferred
                    break
    confidence = float(pat.get("confidence", 0.9)) * (1.0 if subj_m is not None else 0.9)
    return _facts(ctx, pat, ts, te, subj_m, subj, chosen, confidence)


CARRIED = 0.9  # a launch dated by the time an earlier sentence gave


def _facts(ctx: Context, pat: dict, ts: int, te: int, subj_m, subj: str, chosen: list[Mention], confidence: float,
           period=None) -> list[Fact]:
    if period is None and "period" in pat.get("qualifiers", []):
        if pat.get("period") == "event":
            cs, ce = ctx.clauses[ctx.clause_of(ts)]
            period = event_period(ctx, cs, ce, ts, te)
        else:
            period = near_period(ctx, ts)
        if period is None and pat.get("period") == "carry" and ctx.recent_periods:
            period = ctx.recent_periods[-1]  # "Apple on Monday unveiled ... . Cook introduced the iPhone 16"
            confidence *= CARRIED  # a time the sentence does not give is less sure
        if period is None and pat.get("period") in ("event", "carry") and ctx.doc.date and _present(ctx, ts, te):
            d = ctx.doc.date  # "We are announcing NVIDIA NIM", 我们今天正式发布: it happens as the text is spoken
            period = PeriodRef(d.year, None, d.month, d.day, "")
        if period is not None and period.qualifier == "since" and pat.get("period") in ("event", "carry"):
            period = period.plain()  # 2008年开始交付: an event happens at its time, it does not hold since
    reported = reported_by(ctx) if "reported_by" in pat.get("qualifiers", []) else ""
    price = _price(ctx, ts, te) if "price" in pat.get("qualifiers", []) and len(chosen) == 1 else None
    value, unit = (price.quantity.value, price.quantity.unit) if price is not None else (None, None)
    facts, seen = [], set()
    for i, obj in enumerate(chosen):
        if obj.entity_id in seen or obj.entity_id == subj or obj.entity_id in pat.get("object_not_ids", ()):
            continue
        seen.add(obj.entity_id)
        count = _count_for(ctx, chosen, i) if "count" in pat.get("qualifiers", []) else None
        obj_id = "market:" + obj.entity_id if pat.get("object_as_market") else obj.entity_id
        ev = evidence(ctx, [span(subj_m), (ts, te), span(obj)], pat["id"], confidence)
        facts.append(Fact("relation", subj, pat["property"], obj_id,
                          attrs(period=period, count=count, reported_by=reported, value=value, unit=unit), (ev,)))
    return facts


_PRESENT = {
    "en": re.compile(r"\b(?:we|i)\s+(?:are|am|'re|’re)\s+(?:also\s+|now\s+|officially\s+)?$|\b(?:we|i)\s+(?:also\s+|now\s+)?$|"
                     r"\b(?:today|now)\s*,?\s*(?:we\s+(?:are\s+)?)?(?:also\s+)?$", re.IGNORECASE),
    "zh": re.compile(r"(?:我们|我)(?:今天|现在|正式|也|还)*$"),
}


def _present(ctx: Context, ts: int, te: int) -> bool:
    """Is the trigger said in the present by the speaker ("we are announcing", "today we launch",
    我们正式发布)? Only then does the text's own date time it."""
    regex = _PRESENT.get(ctx.lang.code)
    before = ctx.doc.text[max(ctx.sent.start, ts - 30):ts]
    word = ctx.doc.text[ts:te].lower()
    if ctx.lang.code == "en" and re.search(r"(?:ed|ought)$", word.split()[0] if word.split() else ""):
        return False  # "we announced": a past event, dated elsewhere
    return bool(regex and regex.search(before))


def _price(ctx: Context, ts: int, te: int):
    """The price of a deal: an amount of money in the trigger's clause (以12.5亿美元收购, "for $6.2 billion")."""
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    money = [m for m in ctx.mentions if m.kind == "quantity" and m.quantity.unit in MONEY_UNITS
             and cs <= m.start < ce and m.quantity.value >= 100000]
    return nearest(money, ts)


# ---------------------------------------------------------------- arguments by their position


def _is_passive(ctx: Context, pat: dict, ts: int, te: int) -> bool:
    """"Beats was acquired by Apple", "the A100, launched in 2020", 库卡被美的收购, 微信2011年推出."""
    text = ctx.doc.text
    words = (pat.get("passive") or {}).get(ctx.lang.code) or []
    if ctx.lang.code == "en":
        before = text[max(ctx.sent.start, ts - 30):ts]
        verb = text[ts:te].lower().split()[0] if text[ts:te].split() else ""  # "working with": the verb is "working"
        participle = not verb.endswith(("ing", "es")) and not verb.endswith("s") or verb.endswith(("ed", "ssed"))
        if participle and re.search(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:(?:[a-z]+ly|also|already|now|still|then|first)\s+)?$", before, re.IGNORECASE):
            return True
        if re.search(r",\s*$", before):
            return True  # "the RTX 20 series, launched in 2018"
        return bool(words) and has_word(text[te:te + 4], words, "en")
    lo = ctx.clauses[ctx.clause_of(ts)][0]
    return bool(words) and has_word(text[lo:ts], words, "zh")


# a clause that opens with these words describes a name before it: "the A100, built on the Ampere
# architecture, was launched", "the H100, based on the Hopper architecture and unveiled in 2022"
_MODIFIER_OPENING = re.compile(r"\s*(?:based|built|powered|running|using|featuring|equipped|made|designed|developed)\b"
                               r"|\s*(?:with|which|that|who)\b", re.IGNORECASE)


def _past_modifiers(ctx: Context, objs: list[Mention], ts: int, before: list[Mention]) -> list[Mention]:
    """The passive's object before the trigger, passing over clauses that only describe it (they
    open with a modifier, _MODIFIER_OPENING): the trigger's own clause when it opens so, and those
    between the trigger's clause and the name."""
    text = ctx.doc.text
    opens = lambda k: ctx.clauses[k][0] >= ctx.sent.start and _MODIFIER_OPENING.match(text, ctx.clauses[k][0])  # noqa: E731
    i = ctx.clause_of(ts)
    skipped = bool(opens(i))
    if not skipped and before:
        return before
    i -= 1
    while i >= 0 and opens(i):
        i -= 1
        skipped = True
    if not skipped or i < 0 or ctx.clauses[i][0] < ctx.sent.start:
        return before
    lo, hi = ctx.clauses[i]
    return [m for m in objs if lo <= m.start and m.end <= hi][-1:]


def _list_run(ctx: Context, cands: list[Mention], start: int, limit: int) -> list[Mention]:
    """The first candidate after ``start`` and those that follow it as a list ("X, Y and Z",
    X、Y和Z), up to ``limit``."""
    joiner = _JOINERS[ctx.lang.code]
    after = sorted((m for m in cands if m.start >= start and m.end <= limit), key=lambda m: m.start)
    if not after:
        return []
    run = [after[0]]
    for m in after[1:]:
        gap = ctx.doc.text[run[-1].end:m.start]
        if not joiner.fullmatch(gap):
            break
        run.append(m)
    return run


_JOINERS = {
    "en": re.compile(r"(?:\s|,|;|\band\b|\bor\b|\bas well as\b|\bplus\b|\bthe\b|\bits\b|\ba\b|\ban\b|\bnew\b|\btwo\b|\bthree\b"
                     r"|\b(?:chip|chips|GPU|GPUs|phone|phones|smartphone|smartphones|models?|cars?|SUV|sedan|brand|series|platform|switches)\b)*"),
    "zh": re.compile(r"(?:[、，,和及与以及或]|其|旗下的?|首款|全新的?|[\u4e00-\u9fff]{0,6}?(?:车型|品牌|芯片|手机|平台|系列|产品|公司))*"),
}


def _add_adjacent_names(ctx: Context, pat: dict, ts: int, te: int, passive: bool) -> None:
    """Names the lexicon lacks right after the trigger ("unveiled the B200 GPU and the GB200
    Superchip", 推出了AI助手“腾讯元宝”) or, in the passive, right before it."""
    text = ctx.doc.text
    slot = pat["object"]
    lang = ctx.lang
    if passive or pat.get("object_side") == "before":
        # take out the time expressions between the name and the trigger: 《王者荣耀》2015年上线
        pos = ts
        for m in reversed(ctx.periods()):
            if m.end <= pos and not text[m.end:pos].strip(" ,，于在已也正式"):
                pos = m.start
        pos_text = text[:pos].rstrip(" ,，于在已也")
        found = lang.name_before(pos_text, len(pos_text), lang.words)
        spans = [found] if found else []
    else:
        limit = ctx.sent.end
        spans = lang.names_after(text[:limit], te, limit, lang.words)
    v = vocab()
    for s, e, hint in spans:
        if s < ctx.sent.start or e > ctx.sent.end or e <= s:
            continue
        if lang.code == "zh":
            s = _past_descriptor(ctx, s, e)
            e += next((len(x) for x in lang.words.get("name_suffixes") or () if ctx.doc.text.startswith(x, e)), 0)  # 三洋+电机
        if ctx.mention_at(s, e) is not None or not _looks_named(ctx, s, e):
            continue
        cls = hint if hint and v.is_a(hint, slot) else slot[0]
        ctx.add_name(s, e, cls)


def _relation_by_position(ctx: Context, pat: dict, ts: int, te: int) -> list[Fact]:
    """Objects on their side of the trigger: after it in the active voice ("Apple launched the
    iPhone 16 and iPhone 16 Plus", 比亚迪发布了仰望U8), before it in the passive or when the
    sentence starts from the object (微信2011年推出, "the A100 was launched in 2020")."""
    if ctx.lang.code == "en" and re.search(r"\bthe\s+$", ctx.doc.text[max(0, ts - 5):ts], re.IGNORECASE) \
            and re.match(r"\s+of\b", ctx.doc.text[te:te + 4]):
        return []  # "the release of ChatGPT": a noun that does not say who released it
    if ctx.lang.code == "en" and ctx.doc.text[ts:te].lower() == "followed" and \
            not re.match(r"\s*(?:in|on|at|soon|shortly|later|a|an|one|two|three|,|\.)\b", ctx.doc.text[te:te + 10]):
        return []  # "the boom that followed the release of ChatGPT", "followed by the H100": not a launch told
    passive = _is_passive(ctx, pat, ts, te)
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    marked = _marked_object(ctx, pat, ts, te)
    if marked is None and pat.get("needs_marker"):
        return []  # 与网易等企业合作: a bare 合作 is a partnership only with its partner marked
    if marked is not None:  # 与Sixt签署合作协议, 完成了对IBM个人电脑业务的收购
        subj_m, subj = subject_of(ctx, pat["subject"], min(ts, marked.start), pat.get("subject_not", ()),
                                  pat.get("default_subject", ""))
        if subj == marked.entity_id:
            return []
        chosen = _marked_list(ctx, pat, marked, ts)
        confidence = float(pat.get("confidence", 0.9)) * (1.0 if subj_m is not None else 0.85)
        return _with_parties(ctx, pat, ts, te, subj_m, subj, chosen, confidence) if subj else []
    if pat.get("find_objects"):
        _add_adjacent_names(ctx, pat, ts, te, passive)
    objs = ctx.entities(pat["object"], pat.get("object_not", ()))
    subj_m = None
    if not passive:
        if ctx.lang.code == "zh":  # 推出了基于混元大模型的AI助手“腾讯元宝”: 混元 only describes what was launched
            objs = [m for m in objs if not ctx.doc.text.startswith("的", m.end) or not _more_after(ctx, m)]
        sellers = (pat.get("sellers") or {}).get(ctx.lang.code) or []
        if sellers:
            objs = [m for m in objs if not re.search(r"\b(?:" + "|".join(re.escape(w) for w in sellers) + r")\s+(?:the\s+)?$"
                                                      if ctx.lang.code == "en" else "(?:" + "|".join(re.escape(w) for w in sellers) + ")$",
                                                      ctx.doc.text[max(ctx.sent.start, m.start - 8):m.start])]
        chosen = _list_run(ctx, objs, te, ctx.sent.end)
        if chosen and ctx.clause_of(chosen[0].start) != ctx.clause_of(ts) and (
                chosen[0].start - te > 40 or pat.get("find_objects") or pat.get("same_clause")):
            chosen = []
        if pat.get("same_clause") and not chosen:
            return []  # 进入"淘汰赛"，海外市场…: what the verb takes is in its own clause, after it
        if pat.get("adjacent_objects") and chosen and not re.fullmatch(r"[\s:：,，]*(?:at|is|are|include|包括|有|如)?[\s:：]*",
                                                                        ctx.doc.text[te:chosen[0].start]):
            return []  # "partners" names them next to it, or it names nobody
        if not chosen:  # the object before the trigger, nothing after: 微信2011年推出, 今年3月发布的Blackwell
            rel = re.match(r"\s*的", ctx.doc.text[te:te + 2]) if ctx.lang.code == "zh" else None
            if rel:
                chosen = _list_run(ctx, objs, te, ce)[:1]
            elif has_word(ctx.doc.text[ts:te], (pat.get("agent_verbs") or {}).get(ctx.lang.code), ctx.lang.code):
                chosen = []  # "Lei first announced": before an active verb of saying stands who says it
            else:
                if pat.get("find_objects"):
                    _add_adjacent_names(ctx, pat, ts, te, True)
                    objs = ctx.entities(pat["object"], pat.get("object_not", ()))
                before = [m for m in objs if cs <= m.start and m.end <= ts]
                if ctx.lang.code == "en":
                    before = _past_modifiers(ctx, objs, ts, before)
                chosen = before[-1:]
                if chosen and any(cs <= m.start < ts for m in ctx.entities(pat["subject"]) if m.start < chosen[0].start):
                    chosen = []  # "Apple's iPhone ... launched": keep to the clear cases
        subj_m, subj = _doer(ctx, pat, ts)
        if subj_m is not None and any(subj_m is m or subj_m.start == m.start for m in chosen):
            subj_m, subj = None, (ctx.doc.organisation or "") if pat.get("default_subject") else ""
        if subj_m is not None and chosen and subj_m.start > chosen[0].start and subj_m.start > te:
            subj_m, subj = None, (ctx.doc.organisation or "") if pat.get("default_subject") else ""
    else:
        # 库卡被美的收购: the object before 被, the agent between 被 and the trigger
        mark = ts
        if ctx.lang.code == "zh":
            words = (pat.get("passive") or {}).get("zh") or []
            mark = max((ctx.doc.text.rfind(w, cs, ts) for w in words), default=-1)
            mark = ts if mark < 0 else mark
        before = [m for m in objs if cs <= m.start and m.end <= mark]
        if ctx.lang.code == "en":
            before = _past_modifiers(ctx, objs, ts, before)
        if not before:  # "the Xiaomi SU7 sedan, was launched": the subject of the sentence, before a comma
            before = [m for m in objs if ctx.sent.start <= m.start and m.end <= ts and ts - m.end <= 60]
            # "The A100, built on the Ampere architecture, was launched": the name that opens the
            # sentence, not the one inside the appositive between commas
            opening = [m for m in before if ctx.clause_of(m.start) == ctx.clause_of(ctx.sent.start)]
            before = opening[:1] or before
        chosen = before[-1:]
        # the agent: "acquired by Apple", 被美的收购
        agents = ctx.entities(pat["subject"], pat.get("subject_not", ()))
        if ctx.lang.code == "en":
            by = [m for m in agents if te <= m.start <= te + 12]
        else:
            by = [m for m in agents if chosen and chosen[0].end <= m.start and m.end <= ts]
        owners = [m for m in agents if chosen and ctx.sent.start <= m.start and m.end <= chosen[0].start
                  and ctx.doc.text.startswith(("'s", "’s"), m.end)] if ctx.lang.code == "en" else []
        if by:
            subj_m, subj = by[0], by[0].entity_id
        elif owners:  # "Xiaomi's first car, the SU7 sedan, was launched in March 2024"
            subj_m, subj = owners[-1], owners[-1].entity_id
        else:
            subj = ctx.doc.organisation if pat.get("default_subject") else ""
    if chosen and (subj_m is None or ctx.clause_of(subj_m.start) != ctx.clause_of(ts)) and pat.get("maker_in_name"):
        maker = _maker_in_name(ctx, pat, chosen[0])
        if maker:  # 今年3月上市的小米SU7, "the Xiaomi SU7 was launched": the maker is in the name
            subj_m, subj = None, maker
    if not subj or not chosen:
        return []
    if chosen and ctx.lang.code == "zh" and pat.get("subject_same_clause") and ctx.doc.text.startswith("的", chosen[0].end):
        after = _named_after_de(ctx, pat, chosen[0].end + 1)  # 位于合肥的联宝科技: what is located follows 的
        if after is not None:
            subj_m, subj = after, after.entity_id
    if pat.get("subject_same_clause") and (subj_m is None or ctx.clause_of(subj_m.start) != ctx.clause_of(ts)):
        return []  # "…建设生产基地，位于泰国": what is located is not named in the clause
    if pat.get("objects", "all") == "nearest":
        chosen = chosen[:1]
    confidence = float(pat.get("confidence", 0.9)) * (1.0 if subj_m is not None else 0.85)
    return _with_parties(ctx, pat, ts, te, subj_m, subj, chosen, confidence)


def _maker_in_name(ctx: Context, pat: dict, obj: Mention) -> str:
    """The company a product's name starts with (小米SU7, "Xiaomi SU7", 华为Mate 60)."""
    v = vocab()
    parts = sorted(obj.parts, key=lambda p: p[0])
    if parts and parts[0][0] == obj.start and parts[0][3] and v.is_a(parts[0][3], pat["subject"]):
        return parts[0][2]
    return ""


def _more_after(ctx: Context, m: Mention) -> bool:
    """Is a name followed by 的 and then another name of the clause (it modifies that one)?"""
    ce = ctx.clauses[ctx.clause_of(m.start)][1]
    return any(o.start > m.end + 1 and o.start < ce for o in ctx.mentions if o.kind in ("entity",)) or bool(
        re.search(r"[“《\"A-Za-z]", ctx.doc.text[m.end + 1:ce]))


def _doer(ctx: Context, pat: dict, ts: int):
    """The subject of an active trigger, passing over a name that only follows 从 (the seller:
    从谷歌手中收购) or 与 (a partner: 联想与NEC组建合资公司，并收购Medion)."""
    subj_m, subj = subject_of(ctx, pat["subject"], ts, pat.get("subject_not", ()), pat.get("default_subject", ""))
    skip = ctx.lang.words.get("not_doer_before") or []
    text = ctx.doc.text
    tries = 0
    while subj_m is not None and skip and tries < 3 and any(
            re.search(r"(?<![\w])" + re.escape(w) + r"\s*$", text[max(ctx.sent.start, subj_m.start - 8):subj_m.start]) or
            re.search(re.escape(w) + r"[\u4e00-\u9fff]{0,3}$", text[max(ctx.sent.start, subj_m.start - 6):subj_m.start])
            for w in skip):
        tries += 1
        subj_m, subj = subject_of(ctx, pat["subject"], subj_m.start, pat.get("subject_not", ()), pat.get("default_subject", ""))
    return subj_m, subj


def _marked_object(ctx: Context, pat: dict, ts: int, te: int) -> Mention | None:
    """An object a word marks before the trigger: the partner after 与 (比亚迪与Sixt签署合作协议),
    the thing bought after 对 in 完成了对IBM个人电脑业务的收购."""
    text = ctx.doc.text
    lang = ctx.lang.code
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    for key, need_de in (("object_marker", False), ("nominal", True)):
        words = (pat.get(key) or {}).get(lang) or []
        if not words:
            continue
        if need_de and not text[max(cs, ts - 2):ts].endswith("的"):
            continue
        best = None
        for w in words:
            k = text.rfind(w, cs, ts)
            if k >= 0 and (best is None or k > best):
                best = k + len(w)
        if best is None:
            continue
        # 对美国供应链软件公司Blue Yonder的收购: a descriptor ending in a kind of company may come first
        reach = lambda s: s - best <= 8 or lang == "zh" and s - best <= 20 and re.search(_ZH_COMPANY_NOUN, text[best:s])  # noqa: E731
        objs = [m for m in ctx.entities(pat["object"], pat.get("object_not", ())) if best <= m.start and reach(m.start) and m.end <= ts]
        if not objs and pat.get("find_objects"):
            for s, e, hint in ctx.lang.names_after(text[:ts], best, ts, ctx.lang.words)[:1]:
                if reach(s) and _looks_named(ctx, s, e):
                    objs = [x for x in [ctx.add_name(s, e, hint if hint and vocab().is_a(hint, pat["object"]) else pat["object"][0])] if x]
        if objs:
            return _unit_of(ctx, pat, objs[0], ts) or objs[0]
    return None


def _named_after_de(ctx: Context, pat: dict, pos: int) -> Mention | None:
    """The name right after 的 (位于合肥的联宝科技), known or one the name finder gives a fitting class."""
    known = [m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if m.start == pos]
    if known:
        return known[0]
    v = vocab()
    for s, e, hint in ctx.lang.names_after(ctx.doc.text[:ctx.sent.end], pos, ctx.sent.end, ctx.lang.words)[:1]:
        if s == pos and hint and v.is_a(hint, pat["subject"]):
            return ctx.add_name(s, e, hint)
    return None


def _past_descriptor(ctx: Context, s: int, e: int) -> int:
    """Where a Chinese name the lexicon lacks starts once the words describing it are passed:
    争议的皮卡Cybertruck and 电动重卡Semi are Cybertruck and Semi; 小米SU7 keeps its maker's name."""
    text = ctx.doc.text
    de = text.rfind("的", s, e)
    if de >= 0:
        s = de + 1
    latin = re.search(r"[A-Za-z0-9]", text[s:e])
    if latin is None or latin.start() == 0:
        return s
    head_end = s + latin.start()
    covered = [m for m in ctx.mentions if m.kind in ENTITY_KINDS and m.start >= s and m.end <= head_end]
    return s if covered else head_end


def _looks_named(ctx: Context, s: int, e: int) -> bool:
    """Could a Chinese span the lexicon lacks be a name? Only with Latin letters or digits (Dojo超级计算机,
    HiOS, 红魔9 Pro), in quotes (“联想小天”, 《王者荣耀》) or spelt by sound (德尔玛克): 持续迭代, 核心芯片,
    中国企业 are ordinary words."""
    text = ctx.doc.text
    if len(text[s:e].strip()) < 2:
        return False  # 领投了公司的A轮融资: a letter is no name
    if ctx.lang.code != "zh":
        return True
    sounds = ctx.lang.words.get("transliteration_chars") or ""
    suffixes = ctx.lang.words.get("name_suffixes") or ()
    if any(text[s:e].endswith(x) and e - s > len(x) for x in suffixes):
        return True  # 北京奥运会, 巴塞罗那足球俱乐部: the ending says what it names
    if re.search(r"[A-Za-z0-9]", text[s:e]) or text[s - 1:s] in ("“", "《", "\"", "「") \
            or text[e:e + 1] in ("”", "》", "\"", "」") or all(ch in sounds for ch in text[s:e]):  # 德尔玛克: spelt by sound
        return True
    base = ctx.sent.start  # 三洋电机: the name model says it is a name
    return any((base + a, base + b) == (s, e) for a, b, _ in ctx.lang.model_names(ctx.sent.text, s - base))


_ZH_COMPANY_NOUN = r"(?:公司|企业|厂商|制造商|集团|运营商|供应商|平台)$"


def _marked_list(ctx: Context, pat: dict, first: Mention, ts: int) -> list[Mention]:
    """The marked object and those coordinated with it (我们和英伟达、微软在混合AI上展开了深度合作)."""
    if pat.get("objects", "all") != "all" or pat.get("business_units"):
        return [first]
    run = _list_run(ctx, ctx.entities(pat["object"], pat.get("object_not", ())), first.start, ts)
    return run if run and run[0] is first else [first]


_ZH_UNIT = re.compile(r"(?:（[^）]{1,20}）)?(的)(?:大部分|全部|部分|大部分的|全部的)?([\u4e00-\u9fffA-Za-z0-9 ]{1,14}?(?:业务|部门|资产))")
_EN_UNIT = re.compile(r"['’]s\s+((?:[a-zA-Z0-9\-]+\s+){0,3}(?:business|unit|division|operations|assets))\b")


def _unit_of(ctx: Context, pat: dict, org: Mention, limit: int) -> Mention | None:
    """收购IBM的个人电脑业务, "Intel's smartphone modem business": the unit of an organisation that
    a deal is about (a new organisation named after both); None when the object is the whole."""
    if not pat.get("business_units"):
        return None
    text = ctx.doc.text
    m = (_ZH_UNIT if ctx.lang.code == "zh" else _EN_UNIT).match(text, org.end, min(ctx.sent.end, org.end + 40))
    if not m:
        return None
    words = m.group(2) if ctx.lang.code == "zh" else m.group(1)
    name = f"{org.text}{words}" if ctx.lang.code == "zh" else f"{org.text} {words}"
    start, end = org.start, m.end()
    known = ctx.mention_at(start, end)
    if known is not None:
        return known
    eid_unit = ctx.add_name(start, end, "Organisation")
    if eid_unit is None:
        return None
    # the new mention's label is the name as written; keep a tidy one (IBM个人电脑业务)
    from ..types import EntityInfo

    info = ctx.new_names[eid_unit.entity_id]
    ctx.new_names[eid_unit.entity_id] = EntityInfo(info.entity_id, info.cls, ((ctx.lang.code, name),), info.aliases)
    ctx.unit_owners[eid_unit.entity_id] = org
    return eid_unit


def _minority_stake(ctx: Context, ts: int, obj: Mention) -> bool:
    """"bought about 5 percent of Tesla", 收购X 20%的股权: less than half of it."""
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    shares = [m for m in ctx.mentions if m.kind == "quantity" and m.quantity.unit == "Percent" and cs <= m.start < ce
              and (abs(m.start - obj.start) < 40 or ts <= m.start < obj.start)]
    return bool(shares) and all(m.quantity.value < 50 for m in shares)


def _with_parties(ctx: Context, pat: dict, ts: int, te: int, subj_m, subj: str, chosen: list[Mention],
                  confidence: float) -> list[Fact]:
    """The facts, plus what a deal says of the other party: the owner of a unit bought and the
    seller ("从谷歌手中收购摩托罗拉移动", "from SoftBank") divested it; the buyer ("sold X to Y") acquired it."""
    chosen = [_unit_of(ctx, pat, m, ctx.sent.end) or m for m in chosen]
    if pat["property"] == "acquired" and len(chosen) == 1 and _minority_stake(ctx, ts, chosen[0]):
        pat = {**pat, "property": "investedIn"}
    facts = _facts(ctx, pat, ts, te, subj_m, subj, chosen, confidence)
    if not facts or len(chosen) != 1:
        return facts
    obj = chosen[0]
    period, attrs_of = facts[0].attr("period"), dict(facts[0].attrs)
    if ctx.unit_owners.get(obj.entity_id) is not None and ctx.unit_owners[obj.entity_id].entity_id == subj:
        return []  # a company's own business is not bought from itself
    text = ctx.doc.text
    lang = ctx.lang.code
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    extra = []
    owner = ctx.unit_owners.get(obj.entity_id)
    sellers = (pat.get("sellers") or {}).get(lang) or []
    if owner is None and sellers:
        for w in sellers:
            for k in [i for i in range(cs, ce) if text.startswith(w, i)]:
                after = [m for m in ctx.entities(pat["subject"]) if k + len(w) <= m.start <= k + len(w) + 6 and m.entity_id not in (subj, obj.entity_id)]
                if after:
                    owner = after[0]
                    break
            if owner is not None:
                break
    if owner is not None and pat["property"] == "acquired":
        ev = evidence(ctx, [span(owner), (ts, te), span(obj)], pat["id"], confidence * 0.95)
        extra.append(Fact("relation", owner.entity_id, "divested", obj.entity_id,
                          attrs(period=period, value=attrs_of.get("value"), unit=attrs_of.get("unit")), (ev,)))
    buyers = (pat.get("buyers") or {}).get(lang) or []
    if pat["property"] == "divested" and buyers:
        for w in buyers:
            k = text.find(w, obj.end, ce)
            if k < 0:
                k = text.find(w, te, ce) if lang == "zh" else -1
            if k >= 0:
                after = [m for m in ctx.entities(pat["subject"]) if k + len(w) <= m.start <= k + len(w) + 6 and m.entity_id != subj]
                if after:
                    ev = evidence(ctx, [span(after[0]), (ts, te), span(obj)], pat["id"], confidence * 0.95)
                    extra.append(Fact("relation", after[0].entity_id, "acquired", obj.entity_id,
                                      attrs(period=period, value=attrs_of.get("value"), unit=attrs_of.get("unit")), (ev,)))
                    break
    return facts + extra


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
        if not all(m.kind == "entity" and s <= m.start and m.end <= e and (m.start, m.end) != (s, e)
                   and v.is_a(m.cls, ["Place"]) for m in inside):
            continue  # a known place named again (印度) stays the known one
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

