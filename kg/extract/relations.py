"""Relations: a trigger word links a subject mention to object mention(s) of the right classes."""
from __future__ import annotations

import dataclasses
import functools
import re

from .. import lexicon
from ..iris import new_entity_id, vocab
from ..lang.spans import sub_end
from ..numbers import (period_bounds, EN_RELATIVE_MONTHS, EN_RELATIVE_QUARTERS, EN_RELATIVE_YEARS, ZH_RELATIVE_MONTHS, ZH_RELATIVE_QUARTERS,
                       ZH_RELATIVE_YEARS)
from ..types import EntityInfo, Fact, Mention, PeriodRef
from .context import (GLOSS, ENTITY_KINDS, MONEY_UNITS, Context, attrs, event_period, evidence, has_word, later_clause, near_period, nearest, reported_by, span,
                      statement_periods, subject_of, trigger_hits)
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
        # a trigger of another relation may lie inside ("developed" in "developed together with": develops and partnerOf)
        props = {pat["property"] for pat in owners_of}
        if any(a <= ts and te <= b and props & ps for a, b, ps in used):
            continue
        found = [f for pat in owners_of for f in _relation(ctx, pat, ts, te, new_names)]
        if not found:  # a shorter trigger at the same place: "acquired" inside "acquired by"
            word = ctx.doc.text[ts:te].lower()
            for shorter in pats.shorter_triggers("relations", ctx.lang.code, word):
                found = [f for pat in owners[shorter] for f in _relation(ctx, pat, ts, ts + len(shorter), new_names)]
                if found:
                    break
            for shorter in () if found else _joint_ends(pats, ctx.lang.code, word):
                # 联合发布了X with no partner named, "jointly announced": what was made together was still made
                found = [f for pat in owners[shorter] if pat.get("joint_words") or pat.get("joint_reading")
                         for f in _relation(ctx, pat, te - len(shorter), te, new_names)]
                if found:
                    break
        if found:
            used.append((ts, te, {f.predicate for f in found} | props))
            # "developed together with Krafton": the shorter trigger at the same place tells another relation too
            word = ctx.doc.text[ts:te].lower()
            for shorter in pats.triggers_within("relations", ctx.lang.code, word, "start"):
                others = [pat for pat in owners[shorter] if pat["property"] not in props | {f.predicate for f in found}]
                more = [f for pat in others for f in _relation(ctx, pat, ts, ts + len(shorter), new_names)]
                if more:
                    found = found + more
                    used.append((ts, ts + len(shorter), {f.predicate for f in more}))
                    break
            # 联合研发: a trigger of another relation ends the word (研发: develops, with 联合: partnerOf)
            for shorter in _joint_ends(pats, ctx.lang.code, word):
                others = [pat for pat in owners[shorter] if pat["property"] not in props | {f.predicate for f in found}
                          and (pat.get("joint_words") or pat.get("joint_reading"))]  # only a verb that says it was made together
                more = [f for pat in others for f in _relation(ctx, pat, te - len(shorter), te, new_names)]
                if more:
                    found = found + more
                    used.append((te - len(shorter), te, {f.predicate for f in more}))
                    break
        facts.extend(found)
    return facts


def _joint_ends(pats: Patterns, lang: str, word: str) -> tuple[str, ...]:
    """The triggers that end a trigger of joining (研发 of 联合研发, "announced" of "jointly announced": a whole word)."""
    return tuple(w for w in pats.triggers_within("relations", lang, word, "end") if lang == "zh" or word.endswith(" " + w))


def _marker_not_future(ctx: Context, pat: dict, ts: int) -> bool:
    """将西班牙业务出售给…: 将 marks the thing sold (a noun phrase between it and the verb), not a plan (将出售, 将于明年出售)."""
    markers = [w for w in (pat.get("object_marker") or {}).get(ctx.lang.code) or [] if w in ("将", "把")]
    if not markers:
        return False
    before = ctx.doc.text[max(ctx.sent.start, ts - 16):ts]
    k = max(before.rfind(w) for w in markers)
    if k < 0:
        return False
    between = before[k + 1:]
    return len(between) >= 2 and not re.match(r"(?:于|在|会|要|继续|进一步|逐步|陆续|全面|正式|把|尽快)", between)


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


_NEXT_SENTENCE = re.compile(r"[\s”\"]*[^.。!?！？]{1,300}")


def _relation(ctx: Context, pat: dict, ts: int, te: int, new_names: dict) -> list[Fact]:
    if pat.get("no_future") and _future(ctx, ts) and not _marker_not_future(ctx, pat, ts):
        return []
    plans = (pat.get("plan_words") or {}).get(ctx.lang.code)
    if plans and _future_re(tuple(plans), ctx.lang.code).search(ctx.doc.text, max(ctx.sent.start, ts - (8 if ctx.lang.code == "zh" else 24)), ts):
        return []  # "is in talks to acquire", 寻求收购: a deal sought, not made
    cancels = (pat.get("cancel_words") or {}).get(ctx.lang.code)
    if cancels and _trigger_words_re(tuple(cancels), ctx.lang.code).search(ctx.doc.text, te, ctx.sent.end):
        return []  # "an agreement to buy iRobot was abandoned", 收购…最终告吹: a deal called off, not made
    back = (pat.get("deal_back") or {}).get(ctx.lang.code)
    if cancels and back:  # "… agreed to buy Arm … . The transaction faced opposition …, and the two companies abandoned it"
        nxt = _NEXT_SENTENCE.match(ctx.doc.text, ctx.sent.end)
        if nxt and _trigger_words_re(tuple(back), ctx.lang.code).search(nxt.group()) and _trigger_words_re(tuple(cancels), ctx.lang.code).search(nxt.group()):
            return []
    not_after = (pat.get("not_after") or {}).get(ctx.lang.code)
    we = te
    while ctx.lang.code == "en" and we < len(ctx.doc.text) and ctx.doc.text[we].isalpha():
        we += 1  # a stem ("announce" in "announced that"): what follows is after the whole word
    if not_after and re.compile(not_after).match(ctx.doc.text, we, we + 40):
        return []  # 上市公司 is a listed company, not a launch (a look-behind sees the trigger: (?<=协议))
    not_before = (pat.get("not_before") or {}).get(ctx.lang.code)
    if not_before and re.search(not_before, ctx.doc.text[ctx.sent.start:ts], re.IGNORECASE):
        return []  # 总部位于: the headquarters, told by their own rule
    before = (pat.get("context_before") or {}).get(ctx.lang.code)
    if before and not has_word(ctx.doc.text[max(0, ctx.sent.start - 200):ts], before, ctx.lang.code):
        return []  # "第一款是X" tells a launch only after the speaker said new products are shown
    if _sale_abroad(ctx, pat, ts, te):
        return []  # 在日本开售ATTO 3: the product enters another country's market, launched before
    found = _by_side(ctx, pat, ts, te, new_names)
    if found and pat.get("joint_words"):
        found += _co_makers(ctx, pat, ts, te, found)
    if found and pat.get("brand_nouns"):
        found += _launched_brands(ctx, pat, te, found)
    if pat.get("timeline_lists") and ctx.lang.code == "en":
        found += _timeline(ctx, pat, ts, te, found)
    return found


# "Zorvex Eats launched in 2014, and Zorvex Freight, which matches truckers with shippers, in 2017", "It was followed by
# Zorvex 3 in 2020 and Zorvex 5 in 2021": names in a row after a launch, each with its own time and no verb of its own
_EN_TIMELINE_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|then\s+)?|\s+and\s+(?:then\s+)?|;\s*(?:and\s+)?)(?:the\s+)?")
_EN_TIMELINE_ASIDE = re.compile(r"\s*,\s*(?:which|that|a|an|the|its|our|their)\s[^,;:()]{1,70},")
_EN_TIMELINE_TIME = re.compile(r"\s+(?:in|on)\s+")
_EN_TIMELINE_PLAIN = re.compile(r"[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}\s+(?:in|on)\s+")
_EN_FOLLOWED_BY = re.compile(r"\s+by\s+(?:the\s+)?")


def _timeline_item(ctx: Context, pat: dict, pos: int) -> tuple[Mention, Mention] | None:
    """A name (perhaps with an aside between commas) and then "in"/"on" and a time, at ``pos``; the time must end
    its part of the list (a comma, "and", the sentence's end): (name, time)."""
    text, words = ctx.doc.text, ctx.lang.words
    spans = ctx.lang.names_after(text[:ctx.sent.end], pos, ctx.sent.end, words)[:1]
    if not spans or not re.fullmatch(r"(?:[a-z][\w-]*\s+){0,4}", text[pos:spans[0][0]]):
        return None  # "the short-video feature Zorvex Channels in 2020": words for its kind may come first
    s, e, hint = spans[0]
    aside = _EN_TIMELINE_ASIDE.match(text, e, ctx.sent.end)
    at = _EN_TIMELINE_TIME.match(text, aside.end() if aside else e, ctx.sent.end)
    if at is None:
        return None
    time = next((p for p in ctx.periods() if p.start == at.end() and p.period.year), None)
    if time is None or not re.match(r"\s*(?:,|;|\.|\band\b|$)", text[time.end:time.end + 6]):
        return None
    name = ctx.mention_at(s, e)
    if name is None:
        v = vocab()
        cls = hint if hint and v.is_a(hint, pat["object"]) else pat["object"][0]
        name = ctx.add_name(s, e, cls) if _looks_named(ctx, s, e) else None  # ("Uber Freight" holds the maker's name)
    if name is None or not name.cls or not vocab().is_a(name.cls, pat["object"]):
        return None
    return name, time


def _timeline(ctx: Context, pat: dict, ts: int, te: int, found: list[Fact]) -> list[Fact]:
    """Launches told in a row after one verb, each name with its own time: "Zorvex Eats launched in 2014, and Zorvex
    Freight in 2017"; "It was followed by Zorvex 3 in 2020 and Zorvex 5 in 2021" (``timeline_lists``)."""
    text = ctx.doc.text
    followed = text[ts:te].lower() == "followed" and _EN_FOLLOWED_BY.match(text, te, ctx.sent.end)
    if followed:  # what followed an earlier product is launched at its own time, by the text's company
        subj, subj_m, pos = ctx.doc.organisation or "", None, followed.end()
        items = []
    else:
        if not found:
            return []
        subj = found[0].subject
        subj_m = None
        # the last launch the verb told, dated by the time right after it ("launched in 2014")
        after = _EN_TIMELINE_TIME.match(text, te, ctx.sent.end)
        time = next((p for p in ctx.periods() if after and p.start == after.end()), None)
        if time is None:
            ends = [p for p in ctx.periods() if p.start >= te and ctx.clause_of(p.start) == ctx.clause_of(ts)
                    and _EN_TIMELINE_TIME.fullmatch(text, max(te, p.start - 4), p.start)]
            time = ends[0] if ends and not re.search(r"[,;]", text[te:ends[0].start]) else None
        if time is None:
            return []
        pos, items = time.end, []
        nxt = _EN_TIMELINE_JOIN.match(text, pos, ctx.sent.end)
        if nxt is None:
            return []
        pos = nxt.end()
    if not subj:
        return []
    while len(items) < 8:
        item = _timeline_item(ctx, pat, pos)
        plain = _EN_TIMELINE_PLAIN.match(text, pos, ctx.sent.end) if item is None else None
        if plain is not None:  # "…, mini programs in January 2017 and …": a thing with no name in the row, passed over
            time = next((p for p in ctx.periods() if p.start == plain.end() and p.period.year), None)
            if time is None:
                break
            end = time.end
        elif item is None:
            break
        else:
            items.append(item)
            end = item[1].end
        nxt = _EN_TIMELINE_JOIN.match(text, end, ctx.sent.end)
        if nxt is None:
            break
        pos = nxt.end()
    if followed and not items:
        return []
    have = {f.obj for f in found}
    confidence = float(pat.get("confidence", 0.9)) * 0.85
    out = []
    for name, time in items:
        if name.entity_id in have or name.entity_id == subj:
            continue
        have.add(name.entity_id)
        period = time.period.plain() if time.period.qualifier == "since" else time.period
        if pat.get("past_only") and _after_text_date(ctx, period):
            continue
        ev = evidence(ctx, [span(subj_m), (ts, te), span(name), (time.start, time.end)], pat["id"], confidence, ())
        out.append(Fact("relation", subj, pat["property"], name.entity_id, attrs(period=period), (ev,)))
    return out


_EN_MAKER_POSSESSIVE = re.compile(r"['’]s\s+(?:(?:new|latest|flagship|first|own|next-generation|new-generation|entry-level|top-end|high-end|"
                                  r"premium|budget|upcoming|long-awaited|much-anticipated)\s+){0,2}")


# 华为的Zorvex X1芯片正式量产: the maker's product, then its verb
_ZH_MAKER_POSSESSIVE = re.compile(r"(?:旗下)?的?\s*(?:(?:新款|最新|首款|全新|旗舰|新一代|第[一二三四五六七八九十]代)的?)?")
_MAKER_POSSESSIVE = {"en": _EN_MAKER_POSSESSIVE, "zh": _ZH_MAKER_POSSESSIVE}


def _launched_brands(ctx: Context, pat: dict, te: int, found: list[Fact]) -> list[Fact]:
    """推出高端生活电器品牌“添可”, "launched the premium brand Tinra": what a brand noun right before the launched name
    calls a brand belongs to the launcher (``brand_nouns``; the words that describe the brand may stand before the noun)."""
    nouns = (pat.get("brand_nouns") or {}).get(ctx.lang.code)
    if not nouns:
        return []
    text = ctx.doc.text
    alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    before = re.compile(r"(?:" + alt + r")\s*[“「\"《]?\s*$" if ctx.lang.code == "zh" else r"\b(?:" + alt + r")\s*[“\"]?\s*$", re.IGNORECASE)
    out = []
    for f in found:
        if f.predicate != pat["property"] or not f.evidence:
            continue
        obj = next((m for m in ctx.mentions if m.kind == "entity" and m.entity_id == f.obj and te <= m.start < ctx.sent.end), None)
        if obj is None or ctx.clause_of(obj.start) != ctx.clause_of(te) or not before.search(text, max(te, obj.start - 12), obj.start):
            continue
        ev = dataclasses.replace(f.evidence[0], rule=pat["id"] + "-brand")
        out.append(Fact("relation", f.obj, "brandOf", f.subject, (), (ev,)))
    return out


def _by_side(ctx: Context, pat: dict, ts: int, te: int, new_names: dict) -> list[Fact]:
    side = pat.get("object_side", "any")
    if side == "any":
        return _relation_in_clause(ctx, pat, ts, te, new_names)
    if side == "adopters":
        return _adopters(ctx, pat, ts, te)
    if side == "copula":
        return _copula(ctx, pat, ts, te)
    if side == "held":
        return _held(ctx, pat, ts, te)
    if side == "pair":
        return _pair(ctx, pat, ts, te)
    if side == "parties":
        return _parties(ctx, pat, ts, te)
    return _relation_by_position(ctx, pat, ts, te)


def _sale_abroad(ctx: Context, pat: dict, ts: int, te: int) -> bool:
    """Does a sale verb (``market_sale_verbs``) have a country other than the text's home country in its clause
    (only when the text has one)?"""
    verbs = (pat.get("market_sale_verbs") or {}).get(ctx.lang.code)
    word = ctx.doc.text[ts:te].lower()
    if not ctx.doc.home_country:
        return False  # "Vision Pro went on sale in the United States": with no home country known, perhaps its first market
    if not verbs or not any(word == v.lower() or word.startswith(v.lower()) for v in verbs):
        return False
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    return any(m.kind == "entity" and cs <= m.start and m.end <= ce and m.cls and vocab().is_a(m.cls, ["Country"])
               and m.entity_id != ctx.doc.home_country for m in ctx.mentions)


_ZH_SHARE_AFTER = re.compile(r"(?:比例)?(?:为|约|近|超过|逾|达到?|增至|升至|提高至|提升至|增加至|降至|减至|仍为|的股份)?\s*[约近]?\s*\d")
_ZH_HOLDER = re.compile(r"\s*(?:则|也|还|仍)?(?:将所持|所持|持股|持有)")  # another holder, not the company held
_ZH_RAISED_TO = re.compile(r"(?:增至|升至|提高至|提升至|增加至)")


def _held(ctx: Context, pat: dict, ts: int, te: int) -> list[Fact]:
    """合资公司泰星能源，丰田持股51%，松下持股49%; 比亚迪持股增至90%: a holder and its share, told after the
    company held, which an earlier clause of the sentence names (not another holder). A stake of more than
    half makes the company its unit (or, raised to it, a purchase); less, an investment."""
    text = ctx.doc.text
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    if not _ZH_SHARE_AFTER.match(text, te, ce):
        return []
    orgs = ctx.entities(pat["subject"], pat.get("subject_not", ()))
    holder = next((m for m in orgs if cs <= m.start and 0 <= ts - m.end <= 1), None)
    if holder is None:
        return []
    held = [m for m in ctx.entities(pat["object"], pat.get("object_not", ())) if ctx.sent.start <= m.start and m.end <= cs
            and m.entity_id != holder.entity_id and not _ZH_HOLDER.match(text, m.end) and not re.search(r"[与和同跟]$", text[max(0, m.start - 1):m.start])
            and not _ASIDE_OPEN.search(text, max(ctx.sent.start, m.start - 3), m.start)]  # 零跑国际（Leapmotor International）: a gloss
    if not held:
        return []
    obj = held[-1]
    share = next((m for m in ctx.mentions if m.kind == "quantity" and m.quantity.unit == "Percent" and te <= m.start < ce), None)
    confidence = float(pat.get("confidence", 0.8))
    if share is not None and share.quantity.value > 50 and _ZH_RAISED_TO.search(text, te, share.start):
        return _facts(ctx, {**pat, "property": "acquired"}, ts, te, holder, holder.entity_id, [obj], confidence)
    facts = _facts(ctx, pat, ts, te, holder, holder.entity_id, [obj], confidence)
    if share is not None and share.quantity.value > 50:
        ev = evidence(ctx, [span(holder), (ts, te), span(obj)], pat["id"], confidence)
        facts.append(Fact("relation", obj.entity_id, "subOrganizationOf", holder.entity_id, (), (ev,)))
    return facts


# a name in brackets right after another name glosses it (零跑国际（Leapmotor International）), it names nothing more
_ASIDE_OPEN = re.compile(r"[（(]\s*$")


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


_PAIR_JOINER = {"en": re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:and|&)\s+(?:the\s+)?"),
                "zh": re.compile(r"\s*(?:[(（][^()（）]{1,40}[)）]\s*)?[与和同]\s*")}


def _co_makers(ctx: Context, pat: dict, ts: int, te: int, found: list[Fact]) -> list[Fact]:
    """What was made together was made by each maker: 丰田与特斯拉联合开发了X, 两家公司还联合开发了X, "X, which
    we developed together with Microsoft", "Together with AWS we are building X": the partner develops X too."""
    text, lang = ctx.doc.text, ctx.lang.code
    joint = (pat.get("joint_words") or {}).get(lang) or []
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    orgs = ctx.entities(pat["subject"], pat.get("subject_not", ()))
    makers: list[Mention] = []
    if lang == "zh":
        near = text[max(cs, ts - 4):ts]
        if not any(near.endswith(w) or near[:-1].endswith(w) for w in joint):
            return []  # 与华为签约后研发了X: made after a deal, not together (了 may stand between: 联合了开发)
        makers = [m for m in orgs if cs <= m.start and m.end <= ts and re.search(r"[与和同跟]\s*$", text[max(cs, m.start - 2):m.start])
                  and not re.search(r"[，,；;。]", text[m.end:ts])]
    else:
        words = "|".join(re.escape(w) for w in sorted(joint, key=len, reverse=True))
        for m in orgs:
            if not cs <= m.start < ce:
                continue
            gap_before = text[max(cs, m.start - 20):m.start]
            if re.search(r"\b(?:" + words + r")\s+(?:the\s+)?$", gap_before, re.IGNORECASE) and \
                    (m.start >= te and not re.search(r"[,;]", text[te:m.start]) or m.end <= ts):
                makers.append(m)
    ids = [m.entity_id for m in makers]
    parties = (pat.get("parties_words") or {}).get(lang) or []
    if not ids and parties and _trigger_words_re(tuple(parties), lang).search(text, max(cs, ts - 12), ts):
        before = list(dict.fromkeys(m.entity_id for m in orgs if ctx.sent.start <= m.start and m.end <= ts))
        ids = before[:2] if len(before) >= 2 else list(ctx.recent_parties) if not before and len(ctx.recent_parties) == 2 else []
    out = []
    for f in found:
        if f.kind != "relation" or f.predicate != pat["property"]:
            continue
        out += [Fact(f.kind, i, f.predicate, f.obj, f.attrs, f.evidence) for i in dict.fromkeys(ids) if i not in (f.subject, f.obj)]
    return out


def _pair(ctx: Context, pat: dict, ts: int, te: int) -> list[Fact]:
    """Two parties named together before a verb of agreeing and the noun of what they agreed: "Hon Hai
    and Nvidia announced a partnership", "Nokia Bell and China Mobile signed a cooperation memorandum":
    each is the other's partner. Only two: "A, B and C signed" names no pair."""
    text = ctx.doc.text
    lang = ctx.lang.code
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    verbs = (pat.get("pair_verbs") or {}).get(lang) or []
    if not verbs:
        return []
    orgs = sorted((m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if cs <= m.start and m.end <= ts),
                  key=lambda m: m.start)
    if len(orgs) < 2:
        return []
    a, b = orgs[-2], orgs[-1]
    between = text[b.end:ts]
    words = between.split() if lang == "en" else [between]
    alone = (pat.get("pair_alone") or {}).get(lang) or []
    if alone and text[ts:te].lower() in alone:  # "Sony and Nokia teamed up", 索尼和诺基亚联手: the trigger is the verb
        if len(words) > 3 or len(between) > 20:
            return []
    elif len(words) > 7 or len(between) > 50 or not _trigger_words_re(tuple(verbs), lang).search(between):
        return []
    if re.search(r"[,;，；。]", between) or not _PAIR_JOINER[lang].fullmatch(text, a.end, b.start):
        return []
    if a.entity_id == b.entity_id or any(m.kind in ENTITY_KINDS and re.fullmatch(r"\s*[,，、]\s*", text[m.end:a.start])
                                         for m in ctx.mentions if ctx.sent.start <= m.start and m.end <= a.start):
        return []  # "Dell, Cisco and HPE announced": a list, not a pair
    confidence = float(pat.get("confidence", 0.8))
    return _facts(ctx, pat, ts, te, a, a.entity_id, [b], confidence)


def _parties(ctx: Context, pat: dict, ts: int, te: int) -> list[Fact]:
    """Both parties of a deal told just before, named by a word that points back at them: 双方随后在电池方面展开合作,
    两家公司还联合开发了…, "the two companies also agreed a strategic partnership". The parties are the first two
    organisations the sentence names before that word, else the first two of the previous sentence."""
    text = ctx.doc.text
    words = (pat.get("parties_words") or {}).get(ctx.lang.code) or []
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    hit = None
    for m in _trigger_words_re(tuple(words), ctx.lang.code).finditer(text, cs, ts):
        hit = m
    if hit is None or ts - hit.end() > (24 if ctx.lang.code == "zh" else 60):
        return []
    gap = text[hit.end():ts]
    if re.search(r"[,;，；]", gap) or any(hit.end() <= m.start and m.end <= ts for m in ctx.entities(["Organisation"])):
        return []  # 双方与华为合作: another partner named between
    orgs = [m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if ctx.sent.start <= m.start and m.end <= hit.start()]
    first: dict[str, Mention] = {}
    for m in sorted(orgs, key=lambda m: m.start):
        first.setdefault(m.entity_id, m)
    if len(first) >= 2:
        (a, am), (_, bm) = list(first.items())[:2]
    elif not first and len(ctx.recent_parties) == 2:  # the word stands for the previous sentence's two parties
        a, am = ctx.recent_parties[0], None
        bm = Mention(hit.start(), hit.end(), hit.group(), "pronoun", ctx.recent_parties[1], "Company")
    else:
        return []
    period = None
    if am is None and "period" in pat.get("qualifiers", []):  # the time of the deal told before, when this one gives none
        cs, ce = ctx.clauses[ctx.clause_of(ts)]
        period = event_period(ctx, cs, ce, ts, te) or (ctx.recent_periods[-1] if ctx.recent_periods else None)
    return _facts(ctx, pat, ts, te, am, a, [bm], float(pat.get("confidence", 0.8)), period)


_ZH_COPULA = re.compile(r"(?:(?:因此|由此|从而|随即|还|也|仍|一直|已|已经|目前|现在|如今|正式)?(?:是|作为|为|成为|成了)(?:了)?)\s*(?:上一代|上代|前一代|前代|初代|第一代)?\s*$")
_EN_COPULA = re.compile(r"(?:,|\b(?:is|was|are|were|has been|have been|had been|became|becomes|remains|remained))\s*(?:(?:also|now|still|long)\s+)?"
                        r"(?:a|an|the)?\s*$", re.IGNORECASE)
_EN_OWNED = re.compile(r"['’]s\s+(?:(?:long-?time|long-?standing|longest-?standing|main|key|biggest|largest|first|strategic|"
                       r"exclusive|preferred|primary|[a-z]+-?[a-z]*)\s+){0,2}$")


_APPOSITIVE = re.compile(r"\s*(?:led|headed|run|owned|founded|based|built|backed|which|who|whose|a|an|the|its|now|formerly)\b", re.IGNORECASE)


def _copula(ctx: Context, pat: dict, ts: int, te: int) -> list[Fact]:
    """A noun that says what one thing is to another: FP5是上一代FP4的继任者, 松下能源是特斯拉的长期合作伙伴,
    "Panasonic Energy has been Tesla's battery partner": the thing before the copula is the subject,
    the one before 的 or "'s" the object; 小米SU7的继任者YU7: the subject after the noun."""
    text = ctx.doc.text
    lang = ctx.lang.code
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    objs = ctx.entities(pat["object"], pat.get("object_not", ()))
    if lang == "zh":
        end = ts - 1 if text[ts - 1:ts] == "的" else ts
        if end == ts and not text.startswith("的", ts):
            return []
    elif re.match(r"of\s", text[ts:te], re.IGNORECASE):
        # a machine translation's word order, X的下一代 word for word: "X4 is X3 of next generation": the name before "of"
        end = len(text[:ts].rstrip())
    else:
        own = _EN_OWNED.search(text, max(cs, ts - 40), ts)
        if own is None:
            return []
        end = own.start()
    obj = next((m for m in objs if m.end == end and m.start >= cs), None)
    if obj is None and pat.get("find_objects"):
        latin = re.search(r"[A-Za-z][A-Za-z0-9\-.]*(?: [A-Za-z0-9][A-Za-z0-9\-.]*){0,3}$", text[cs:end]) if lang == "zh" else None
        found = (end - len(latin.group()), end, "") if latin else ctx.lang.name_before(text[:end], end, ctx.lang.words)
        after_link = re.search(r"(?:是|为|成为|成了|作为)(?:上一代|上代|前代|初代)?([^，。、；：是为的\s]{2,16})$", text[cs:end]) if lang == "zh" else None
        if not latin and after_link:  # 成为澳大利亚网球公开赛的官方合作伙伴: the words between the copula and 的
            found = (cs + after_link.start(1), end, "")
        if found and found[0] >= cs and found[1] == end and (lang == "en" or _looks_named(ctx, found[0], found[1])):
            country = next((m for m in ctx.entities(["Country"]) if m.start == found[0] and found[1] - m.end >= 3), None)
            obj = ctx.mention_at(found[0], found[1]) or ctx.add_name(found[0], found[1], pat["object"][0])
            if obj is not None and country is not None and obj.entity_id in ctx.new_names:
                ctx.name_also(obj.entity_id, [text[country.end:found[1]]])  # 西班牙巴塞罗那足球俱乐部: also 巴塞罗那足球俱乐部
    if obj is None or not (obj.cls and vocab().is_a(obj.cls, pat["object"])):
        return []  # 小米SU7是小米的下一代产品: the company is no earlier product
    head = text[cs:obj.start]
    link = (_ZH_COPULA if lang == "zh" else _EN_COPULA).search(head)
    subj_m = None
    if link is not None:
        stop = cs + link.start()
        nouns = tuple(w for ws in (ctx.lang.words.get("class_nouns") or {}).values() for w in ws)
        # FP5网络处理器是…: a known name and the words for its kind
        subj_m = next((m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if m.start >= cs and (
            m.end == stop or lang == "zh" and re.fullmatch(r"[\u4e00-\u9fff]{0,6}", text[m.end:stop]) and text[m.end:stop].endswith(nouns)
            and text[m.end:stop])), None)
        if subj_m is None and stop > cs and pat.get("find_objects"):
            found = ctx.lang.name_before(text[:stop], stop, ctx.lang.words)
            latin = re.search(r"([A-Za-z0-9][A-Za-z0-9\-. ]*?)\s*([\u4e00-\u9fff]{0,6})$", text[cs:stop]) if lang == "zh" else None
            if found is None and latin and (not latin.group(2) or latin.group(2).endswith(nouns)):
                # FP5网络处理器是…: a Latin name, less the words for its kind
                found = (cs + latin.start(1), cs + latin.end(1), "")
            if found is None and lang == "zh":  # 松下能源是…: the clause's opening words, when they look like a name
                lo = cs + len(text[cs:stop]) - len(text[cs:stop].lstrip(" “"))
                found = (lo, stop, "") if 2 <= stop - lo <= 12 and _looks_named(ctx, lo, stop) else None
            if found and found[0] >= cs and found[1] <= stop:
                subj_m = ctx.mention_at(found[0], found[1]) or ctx.add_name(found[0], found[1], pat["subject"][0])
        if subj_m is None and lang == "en" and not text[cs:stop].strip(" ,"):
            # "Panasonic Energy, led by its CEO …, has been Tesla's partner": past the clauses describing the subject
            ci = ctx.clause_of(ts)
            i = ci - 1
            while i >= 0 and ctx.clauses[i][0] >= ctx.sent.start and _APPOSITIVE.match(text, ctx.clauses[i][0]):
                i -= 1
            tries = [i] if i < ci - 1 else []
            if pat["property"] == "successorOf":  # (or none: "released Insta360 X4, is X3 of next generation product")
                tries.append(ci - 1)
            for i in tries:
                if i < 0 or ctx.clauses[i][0] < ctx.sent.start or subj_m is not None:
                    continue
                lo, hi = ctx.clauses[i]
                hi = lo + len(text[lo:hi].rstrip(" ,"))
                subj_m = next((m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if m.end == hi and m.start >= lo), None)
                if subj_m is None and i == ci - 1 and pat.get("find_objects"):
                    named = ctx.lang.name_before(text[:hi], hi, ctx.lang.words)  # a model name the lexicon lacks ends it
                    if named and named[0] >= lo and re.search(r"[0-9]", text[named[0]:named[1]]):
                        subj_m = ctx.mention_at(named[0], named[1]) or ctx.add_name(named[0], named[1], pat["subject"][0])
    elif lang == "zh":  # 小米SU7的继任者YU7
        subj_m = next((m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if te <= m.start <= te + 2 and m.end <= ce), None)
        if subj_m is None and pat.get("find_objects"):  # Z3的后继机型Z4: a model name the lexicon lacks right after the noun
            after = ctx.lang.names_after(text[:ce], te, ce, ctx.lang.words)[:1]
            for s, e, _ in after:
                if s <= te + 2 and re.search(r"[A-Za-z0-9]", text[s:e]) and not any(
                        m.start < e and m.end > s for m in ctx.mentions if m.kind in ENTITY_KINDS):
                    subj_m = ctx.add_name(s, e, pat["subject"][0])
    if subj_m is None or subj_m.entity_id == obj.entity_id:
        return []
    return _facts(ctx, pat, ts, te, subj_m, subj_m.entity_id, [obj], float(pat.get("confidence", 0.8)))


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
            # "in Europe, Latin America, Middle East and so on market all grow fast": ... and began before it
            while True:
                prev = [m for m in objs if m.end <= chosen[0].start and m not in chosen
                        and _LIST_GAP.fullmatch(ctx.doc.text, m.end, chosen[0].start)]
                if not prev:
                    break
                chosen.insert(0, prev[-1])
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
_YEAR_IN_LEAD = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_LIST_GAP = re.compile(r"\s*[,，、]\s*")


def _unresolved_time(ctx: Context) -> bool:
    """Does the sentence tell its own time relative to a date the text does not give (去年, "last year", with no
    dateline)? Then it is no time an earlier sentence gave: the sentence stays undated rather than carry one."""
    return ctx.doc.date is None and bool(_RELATIVE_TIME[ctx.lang.code == "en"].search(ctx.sent.text))


def _after_text_date(ctx: Context, period) -> bool:
    """Does ``period`` start after the date the text speaks from (a time yet to come when it was written)? Only a
    date the text itself opens with (a dateline, a heading) is trusted so: one from elsewhere may be long after."""
    if ctx.doc.date is None or not isinstance(period, PeriodRef) or period.qualifier not in ("", "early", "mid", "late"):
        return False  # (明年底, "late next year": a part of a year to come is to come too)
    first = _YEAR_IN_LEAD.search(ctx.doc.text, 0, 300)
    if first is None or int(first.group()) != ctx.doc.date.year:
        return False
    try:
        start, _ = period_bounds(period)
    except ValueError:
        return False
    return start is not None and start > ctx.doc.date


_RELATIVE_TIME = tuple(re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), flags)
                       for words, flags in (({**ZH_RELATIVE_YEARS, **ZH_RELATIVE_QUARTERS, **ZH_RELATIVE_MONTHS}, 0),
                                            ({**EN_RELATIVE_YEARS, **EN_RELATIVE_QUARTERS, **EN_RELATIVE_MONTHS}, re.IGNORECASE)))


def _period_of_part(ctx: Context, ts: int, own_clause: bool = False) -> PeriodRef | None:
    """The time nearest the trigger in its part of the sentence (2022年12月，Semi开始交付；2023年11月，
    Cybertruck正式交付: a semicolon parts two events, each with its own time), else in the sentence. With
    ``own_clause``, a time in the trigger's own clause first ("Qualcomm, a chipmaker founded in 1985, launched the
    X1 in 2020": 2020, not the nearer 1985 of the clause that describes the company)."""
    text = ctx.doc.text
    if own_clause:
        k = ctx.clause_of(ts)
        mine = [m for m in statement_periods(ctx) if ctx.clause_of(m.start) == k
                and not re.search(r"[,，;；]", text[min(m.end, ts):max(m.start, ts)])]  # (not across a comma between digits)
        if mine:
            return nearest(mine, ts).period
    same = [m for m in statement_periods(ctx) if not re.search(r"[；;]", text[min(m.end, ts):max(m.start, ts)])]
    near = nearest(same, ts)
    return near.period if near is not None else near_period(ctx, ts)


def _held_since(ctx: Context, ts: int) -> PeriodRef | None:
    """A tie that holds from a time on ("has been Tesla's battery partner since 2010", 自2015年起赞助…): the
    "since" time of the trigger's sentence, when the sentence gives no plain time (which would date an event)."""
    periods = [m for m in ctx.periods() if m.period.year]
    if any(m.period.qualifier in ("", "early", "late", "mid") for m in periods):
        return None
    if ctx.lang.code == "zh" and "以来" in ctx.doc.text[ts:ctx.clauses[ctx.clause_of(ts)][1]]:
        return None  # 自2013年进入中国以来: "since" wraps the event told after it, which the time dates
    since = nearest([m for m in periods if m.period.qualifier == "since"], ts)
    return since.period if since is not None else None


def _facts(ctx: Context, pat: dict, ts: int, te: int, subj_m, subj: str, chosen: list[Mention], confidence: float,
           period=None) -> list[Fact]:
    between = (pat.get("not_between") or {}).get(ctx.lang.code)
    if between and subj_m is not None and subj_m.end <= ts and re.search(between, ctx.doc.text[subj_m.end:ts], re.IGNORECASE):
        return []  # "Cisco Investments' $1 billion AI fund, which has backed Cohere": the fund invested, not Cisco
    if period is None and pat.get("holds_since") and "period" in pat.get("qualifiers", []):
        period = _held_since(ctx, ts)
    if period is None and "period" in pat.get("qualifiers", []) and not later_clause(ctx, ts):
        if pat.get("period") == "event":
            cs, ce = ctx.clauses[ctx.clause_of(ts)]
            period = event_period(ctx, cs, ce, ts, te)
        else:
            period = _period_of_part(ctx, ts, own_clause=bool(pat.get("once")))
        # before a time an earlier sentence gave: "We are announcing NVIDIA NIM", 今天我们在现场发布: it happens
        # as the text is spoken
        if period is None and pat.get("period") in ("event", "carry") and ctx.doc.date and _present(ctx, ts, te):
            d = ctx.doc.date
            period = PeriodRef(d.year, None, d.month, d.day, "")
        if period is None and pat.get("shown_now") and ctx.doc.speaker and ctx.doc.date:
            d = ctx.doc.date  # 第一款是X in a speech: shown as the speaker speaks, on the text's date
            period = PeriodRef(d.year, None, d.month, d.day, "")
        if period is None and pat.get("period") == "carry" and ctx.recent_periods and not _unresolved_time(ctx):
            period = ctx.recent_periods[-1]  # "Apple on Monday unveiled ... . Cook introduced the iPhone 16"
            confidence *= CARRIED  # a time the sentence does not give is less sure
        if period is not None and period.qualifier == "since" and pat.get("period") in ("event", "carry") and not pat.get("holds_since"):
            period = period.plain()  # 2008年开始交付: an event happens at its time, it does not hold since
        period = _completed_period(ctx, pat, ts) or period
    if pat.get("past_only") and _after_text_date(ctx, period):
        return []  # 2025年推出升级版, said in June 2024: a plan told by its time, not a launch
    reported = reported_by(ctx) if "reported_by" in pat.get("qualifiers", []) else ""
    priced = "price" in pat.get("qualifiers", [])
    price = _price(ctx, ts, te, pat) if priced and len(chosen) == 1 else None
    if priced and len(chosen) > 1 and ctx.lang.code == "zh":
        # 以约1.05亿美元收购了Replay和Splice: one price paid for the deal before its verb, the deal's for each
        whole = _price(ctx, ts, te, pat)
        price = whole if whole is not None and whole.end <= ts and re.search(r"以(?:约|大约|近|逾|超过)?\s*$", ctx.doc.text[max(0, whole.start - 4):whole.start]) else None
    facts, seen = [], set()
    text = ctx.doc.text
    chosen = [_owned_one(ctx, pat, obj) for obj in chosen]
    for i, obj in enumerate(chosen):
        if obj.entity_id in seen or obj.entity_id == subj or obj.entity_id in pat.get("object_not_ids", ()):
            continue
        if not obj.from_lexicon and any(o is not obj and o.kind == "entity" and o.from_lexicon and o.start >= obj.end
                                        and not text[obj.end:o.start].strip() for o in chosen):
            continue  # 旗舰纯电MPV小鹏X9: a word for the kind of thing before its name
        seen.add(obj.entity_id)
        count = _count_for(ctx, chosen, i) if "count" in pat.get("qualifiers", []) else None
        obj_id = "market:" + obj.entity_id if pat.get("object_as_market") else obj.entity_id
        own = _own_time(ctx, obj, listed=len(chosen) > 1 and obj.start >= te) \
            if period is not None or "period" in pat.get("qualifiers", []) else None
        if own is None and period is None and "period" in pat.get("qualifiers", []):
            own = _year_in_event_name(obj)  # 赞助2008年北京奥运会: the event's year is when it happened
        undated = float(pat.get("undated", 1.0)) if not (own or period) else 1.0  # an event told with no time at all
        paid = price if len(chosen) == 1 or ctx.lang.code == "zh" else None
        if priced and len(chosen) > 1 and obj.start >= te and ctx.lang.code == "en":
            paid = _own_time_and_price(ctx, obj)[1]  # "acquired A in 2016 for $50 million, B in 2017 for $85 million"
        value, unit = (paid.quantity.value, paid.quantity.unit) if paid is not None else (None, None)
        ev = evidence(ctx, [span(subj_m), (ts, te), span(obj)], pat["id"], confidence * undated, _earlier_objects(ctx, pat, subj_m, ts))
        s_id, o_id = (obj_id, subj) if pat.get("swap_roles") else (subj, obj_id)  # "funding from Sequoia": Sequoia invested
        facts.append(Fact("relation", s_id, pat["property"], o_id,
                          attrs(period=own or period, count=count, reported_by=reported, value=value, unit=unit), (ev,)))
    return facts


def _earlier_objects(ctx: Context, pat: dict, subj_m, ts: int) -> tuple:
    """Names between the subject and the trigger that an earlier trigger of the same pattern takes in
    their own clause (佳能…：2007年收购Tokki；2014年收购Milestone Systems, "Spotify bought Gimlet, and
    in 2020 bought Megaphone"): the subject's earlier deals, no rival for its role."""
    if subj_m is None or subj_m.end > ts:
        return ()
    words = ((pat.get("triggers") or {}).get(ctx.lang.code)) or []
    if not words:
        return ()
    regex = _trigger_words_re(tuple(words), ctx.lang.code)
    out = []
    for m in ctx.mentions:
        if m.kind in ENTITY_KINDS and subj_m.end <= m.start and m.end <= ts and ctx.clause_of(m.start) != ctx.clause_of(ts):
            cs = ctx.clauses[ctx.clause_of(m.start)][0]
            if regex.search(ctx.doc.text, max(cs, subj_m.end), m.start):
                out.append((m.start, m.end))
    return tuple(out)


@functools.lru_cache(maxsize=64)
def _trigger_words_re(words: tuple, lang: str):
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b" if lang == "en" else alts, re.IGNORECASE)


_OWNED = re.compile(r"(?:旗下|下属|控股)的?")


def _owned_one(ctx: Context, pat: dict, obj: Mention) -> Mention:
    """和沙特公共投资基金旗下的Alat公司达成战略合作: the party is the company named after 旗下, not its owner."""
    if ctx.lang.code != "zh":
        return obj
    m = _OWNED.match(ctx.doc.text, obj.end)
    if m is None:
        return obj
    if not any(o.start == m.end() for o in ctx.mentions if o.kind == "entity"):  # a name the lexicon lacks
        spans = ctx.lang.names_after(ctx.doc.text[:ctx.sent.end], m.end(), ctx.sent.end, ctx.lang.words)
        for s, e, hint in spans[:1]:
            if s == m.end():
                ctx.add_name(s, e, pat["object"][0] if pat.get("object") else "Organisation")
    after = [o for o in ctx.entities(pat.get("object") or ["Organisation"]) if o.start == m.end()]
    return after[0] if after else obj


_OWN_TIME = re.compile(r"\s*[(（]")


def _year_in_event_name(obj: Mention) -> PeriodRef | None:
    """The year an event's name opens or ends with (2008年北京奥运会, "UEFA Euro 2024"), as its time."""
    if not (obj.cls and vocab().is_a(obj.cls, ["Event"])):
        return None
    m = re.match(r"((?:19|20)\d{2})\s*年?", obj.text) or re.search(r"\b((?:19|20)\d{2})$", obj.text)
    return PeriodRef(int(m.group(1)), None, None, None, "") if m else None


def _own_time(ctx: Context, obj: Mention, listed: bool = False) -> PeriodRef | None:
    """A time in brackets right after one name of a list (推出了Model X（2015年9月）、Model 3（2017年7月）):
    that name's own; in English, of a list after the verb, also the time right after the name."""
    m = _OWN_TIME.match(ctx.doc.text, obj.end)
    if m is None and ctx.lang.code == "en" and listed:  # "the MLU270 in 2019 and the MLU290, our first training chip, in 2020"
        p = _own_time_and_price(ctx, obj)[0]
        return None if p is None else p.period.plain() if p.period.qualifier == "since" else p.period
    if m is None:
        return None
    for p in ctx.periods():
        if p.start == m.end() and p.period.year and re.match(r"[^)）]{0,12}[)）]", ctx.doc.text[p.end:p.end + 14]):
            return p.period.plain() if p.period.qualifier == "since" else p.period
    return None


_PRESENT = {
    "en": re.compile(r"\b(?:we|i)\s+(?:are|am|'re|’re)\s+(?:also\s+|now\s+|officially\s+)?$|\b(?:we|i)\s+(?:also\s+|now\s+)?$|"
                     r"\b(?:today|now)\s*,?\s*(?:we\s+(?:are\s+)?)?(?:also\s+)?$|"
                     # "Let me introduce", "we are excited to announce", "I'm proud to introduce"
                     r"\blet(?:\s+me|\s+us|['’]s)\s+(?:now\s+)?$|"
                     r"\b(?:we|i)\s*(?:am|are|'m|'re|’m|’re)\s+(?:so\s+|very\s+|really\s+)?(?:proud|excited|pleased|happy|thrilled|delighted)\s+to\s+$",
                     re.IGNORECASE),
    # 我们正式发布, 今天我们在现场发布: the speaker, maybe where they stand, then the verb
    # (今晚我们还要给大家看: tonight, as the speaker speaks)
    "zh": re.compile(r"(?:我们|我)(?:今天|今晚|现在|正式|也|还)*(?:在(?:现场|这里|此|台上|大会上|发布会上))?(?:正式|也|还)*$"),
}


def _present(ctx: Context, ts: int, te: int) -> bool:
    """Is the trigger said in the present by the speaker ("we are announcing", "today we launch",
    我们正式发布)? Only then does the text's own date time it."""
    regex = _PRESENT.get(ctx.lang.code)
    before = ctx.doc.text[max(ctx.sent.start, ts - 30):ts]
    word = ctx.doc.text[ts:te].lower()
    if ctx.lang.code == "en" and re.search(r"(?:ed|ought)$", word.split()[0] if word.split() else ""):
        return False  # "we announced": a past event, dated elsewhere
    if ctx.lang.code == "zh" and word.startswith("给大家") and before.endswith("要"):
        before = before[:-1]  # 我们还要给大家看: shown now (要推出 alone may be a plan)
    return bool(regex and regex.search(before))


def _price(ctx: Context, ts: int, te: int, pat: dict | None = None):
    """The price of a deal: an amount of money in the trigger's clause (以12.5亿美元收购, "for $6.2 billion"),
    else in a clause after it that opens with a word of price (…的收购，作价30亿美元; "…, paying $214.7 million")."""
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    money = [m for m in ctx.mentions if m.kind == "quantity" and m.quantity.unit in MONEY_UNITS and m.quantity.value >= 100000]
    in_clause = [m for m in money if cs <= m.start < ce]
    if ctx.lang.code == "zh":  # 营收138亿美元 收购Splunk: a figure of another kind is no price
        in_clause = [m for m in in_clause if m.start > ts or not _ZH_FIGURE_BEFORE.search(ctx.doc.text, max(cs, m.start - 8), m.start)]
    found = nearest(in_clause, ts)
    words = ((pat or {}).get("price_words") or {}).get(ctx.lang.code) or []
    i = ctx.clause_of(ts) + 1
    while found is None and words and i < len(ctx.clauses) and i <= ctx.clause_of(ts) + 2 and ctx.clauses[i][0] < ctx.sent.end:
        lo, hi = ctx.clauses[i]
        head = ctx.doc.text[lo:lo + 12].lstrip(" ,，")
        if any(w in head[:len(w) + 4] for w in words):
            found = next((m for m in money if lo <= m.start < hi), None)
        i += 1
    if found is None and ctx.lang.code == "en" and "for" in words:
        # "sold Innomotics, our large-drives business, to KPS Capital Partners for 3.5 billion euros": past the asides
        for m in money:
            # (not past ", and": "acquired Ageia, …, in 2008, and Icera in 2011 for $367 million" is Icera's price)
            if te <= m.start <= te + 160 and m.end <= ctx.sent.end and _EN_FOR_PRICE.search(ctx.doc.text, te, m.start) \
                    and not re.search(r",\s*and\b", ctx.doc.text[te:m.start]):
                found = m
                break
    return found


_ZH_FIGURE_BEFORE = re.compile(r"(?:营收|收入|营业额|利润|净利|销售额|市值|估值|现金流|毛利)[^，,；;以]{0,4}$")
_EN_FOR_PRICE = re.compile(r"\bfor\s+(?:about|around|roughly|approximately|nearly|almost|some|a\s+reported|an\s+estimated|"
                           r"a\s+total\s+of|up\s+to|more\s+than|over)?\s*$", re.IGNORECASE)


# ---------------------------------------------------------------- arguments by their position



_EN_DETERMINED = re.compile(r"\b(?:its|their|his|her|our|the|a|an)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_EN_NOUN_APPOSITIVE = re.compile(r"\s+[a-z][^,;:.()]{0,40},\s*(?:the\s+)?")
_NAME_APPOSITIVE = {
    # "launched its first self-developed chipset, the Surge S1": a noun phrase, a comma, its name
    # "launching two new switches, Quantum-X800 and Spectrum-X800": a number of things, then their names
    "en": re.compile(r"\s+(?:its|their|his|her|our|the|a|an|two|three|four|five|six|several|something|[2-9])\s[^,;:.()]{0,60}[,:]\s*(?:the\s+)?", re.IGNORECASE),
    # 推出了首款汽车——小米SU7, 发布了旗下首款芯片：澎湃S1
    "zh": re.compile(r"了?[^，。；,;]{0,20}(?:——|—|：|:)\s*"),
}


_EN_RELATIVE = re.compile(r"(?:(?:,\s*|\s+)(?:that|which)\s+(?:(?P<pron>it|we|they|the company|the group)|(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}))"
                          r"|\s+(?P<bare>it|we|they))\s+(?:has\s+|have\s+|had\s+)?$")


_EN_ZERO_RELATIVE = re.compile(r",\s*(?:the|a|an)\s+(?:[\w.-]+\s+){0,6}?(?P<pron>it|we|they|the company|the group)\s+(?:has\s+|have\s+|had\s+)?$")
_EN_NO_OBJECT = re.compile(r"\s*(?:[,.;]|(?:for|in|from|at|on|last|this|earlier)\b)")


def _relative_object(ctx: Context, pat: dict, ts: int, te: int):
    """(maker mention or None for the text's company, thing): "Kling, the video-generation model that
    Kuaishou built itself", "ChatRhino, a large language model it developed", "our Silicon One chips,
    which we design ourselves": the name before the relative clause is what its verb made."""
    if ctx.lang.code != "en":
        return None
    text = ctx.doc.text
    if re.search(r"\b(?:with|to|from|in|into)$", text[ts:te], re.IGNORECASE):
        return None  # "the X1, which Sony developed together with Nokia": the word's own object follows it
    cs = ctx.sent.start
    m = _EN_RELATIVE.search(text, cs, ts)
    if m is None or m.end() != ts:
        # "Skyscanner, the metasearch engine the group bought in 2016": no "that", and the verb takes no object
        m = _EN_ZERO_RELATIVE.search(text, cs, ts)
        if m is None or m.end() != ts or not _EN_NO_OBJECT.match(text, te):
            return None
    who = None
    if m.groupdict().get("name"):
        who = next((o for o in ctx.entities(pat["subject"], pat.get("subject_not", ())) if o.start == m.start("name")), None)
        if who is None:
            return None
    head = sub_end(_EN_TRAILING_APPOSITIVE, text[:m.start()].rstrip(" ,"), _NOT_EN_TRAILING_APPOSITIVE)
    head = sub_end(_EN_TRAILING_WORDS, head, _NOT_EN_TRAILING_WORDS) if not head[-1:].isupper() and not head[-1:].isdigit() else head
    found = ctx.lang.name_before(head, len(head), ctx.lang.words)
    if not found or found[0] < cs:
        return None
    known = ctx.mention_at(found[0], found[1])
    thing = known if known is not None else (None if any(o.start < found[1] and o.end > found[0] for o in ctx.mentions
                                                         if o.kind in ENTITY_KINDS) else ctx.add_name(found[0], found[1], pat["object"][0]))
    if thing is None or not (thing.cls and vocab().is_a(thing.cls, pat["object"])):
        return None
    return who, thing


def _copula_subject(ctx: Context, pat: dict, ts: int) -> list[Mention]:
    """可灵是我们完全自研的视频生成模型, 卡奥斯COSMOPlat是海尔自主研发的工业互联网平台: the name that opens the
    clause before 是 is what the verb describes."""
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    m = re.match(r"\s*([^，。；,;是]{2,16}?)是", ctx.doc.text[cs:ts])
    if m is None:
        return []
    s, e = cs + m.start(1), cs + m.end(1)
    known = ctx.mention_at(s, e)
    if known is not None:
        return [known] if known.cls and vocab().is_a(known.cls, pat["object"]) else []
    if ctx.lang.code == "zh":  # 我们的第一款车R1T皮卡是在2021年9月开始交付的: the model's name, less its kind and what describes it
        text = ctx.doc.text
        kind = next((n for n in _zh_kind_nouns(ctx.lang.words) if text.endswith(n, s, e) and re.search(r"[A-Za-z0-9]$", text[s:e - len(n)])), "")
        last = next((o for o in ctx.entities(pat["object"]) if o.end == e - len(kind) and o.start >= s), None)
        if last is not None and (kind or last.start > s):
            return [last]
        found = ctx.lang.name_before(text[:e - len(kind)], e - len(kind), ctx.lang.words) if kind or re.search(r"[A-Za-z0-9]$", text[s:e]) else None
        if found is not None and s <= found[0] < found[1] and (kind or found[0] > s):
            s, e = found[0], found[1]
            known = ctx.mention_at(s, e)
            if known is not None:
                return [known] if known.cls and vocab().is_a(known.cls, pat["object"]) else []
    if any(o.start < e and o.end > s for o in ctx.mentions if o.kind in ENTITY_KINDS) or not _looks_named(ctx, s, e):
        return []
    added = ctx.add_name(s, e, pat["object"][0])
    return [added] if added is not None else []


def _appositive(ctx: Context, te: int, obj: Mention, ts: int | None = None) -> bool:
    """Is ``obj`` the name that an appositive gives to the noun phrase right after the verb (or, for a
    trigger inside the noun phrase, "its first self-developed mobile chipset, the Surge S1", to that phrase)?"""
    expr = _NAME_APPOSITIVE.get(ctx.lang.code)
    if expr is None or ctx.clause_of(obj.start) > ctx.clause_of(te) + 1:
        return False
    if ctx.lang.code == "en" and ts is not None and _EN_DETERMINED.search(ctx.doc.text, max(ctx.sent.start, ts - 40), ts):
        expr = _EN_NOUN_APPOSITIVE
    between = expr.fullmatch(ctx.doc.text, te, obj.start)
    kinds = [m for m in ctx.mentions if m.kind in ENTITY_KINDS and te <= m.start < obj.start]
    return between is not None and all(m.cls and vocab().is_a(m.cls, ["ProductCategory"]) for m in kinds)


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
        if re.search(r",\s*$", before) and re.search(r"(?:ed|en|wn|ght|lt|ld|ut|-house)$", verb) \
                and (text[ts:te].lower().endswith(" by") or not _EN_ACTIVE_OBJECT.match(text, te)):
            return True  # "the RTX 20 series, launched in 2018", ", followed by"; not "the Mavic 4 Pro, successor to the Mavic 3 Pro"
        return bool(words) and has_word(text[te:te + 4], words, "en")
    lo = ctx.clauses[ctx.clause_of(ts)][0]
    if "由" in words and _ZH_RELATIVE_NAME.match(text, te) and not re.search(r"被", text[lo:ts]):
        return False  # 该车由公司自研的扶摇架构打造: 由 marks who builds the car; the verb before 的 tells of the name after it
    return bool(words) and has_word(text[lo:ts], words, "zh")


# 的 and then a name: a quoted one, one in Latin letters or digits, or Chinese words ending in a kind noun before the verb
_ZH_RELATIVE_NAME = re.compile(r"的\s*(?:[“「《\"]|[A-Za-z0-9]|[\u4e00-\u9fff]{2,8}(?:架构|平台|系统|大模型|模型|芯片|电池)[\u4e00-\u9fff])")


# "Naspers, through its unit MIH, bought a 46.5 percent stake": the verb takes an object, it is active
_EN_ACTIVE_OBJECT = re.compile(r"\s+(?:a|an|the|its|their|his|her|our|all|most|control|majority|[A-Z][\w&.-]*)\b(?<!\bIn)(?<!\bOn)(?<!\bAt)")


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
    aside = False
    after = sorted((m for m in cands if m.start >= start and m.end <= limit), key=lambda m: m.start)
    if not after:
        return []
    run = [after[0]]
    for m in after[1:]:
        if m.start == run[-1].end and not run[-1].from_lexicon and _DESCRIBES.search(run[-1].text):
            run[-1] = m  # 芯片设计软件公司明导国际: the kind of company, then its name
            continue
        aside = _ASIDE.match(ctx.doc.text, run[-1].end)
        if aside is not None and m.start < aside.end():
            continue  # “西门子工业副驾”（Industrial Copilot）: a name inside the brackets glosses the one before
        if ctx.lang.code == "en":  # "the Y architecture, the successor to Hopper, together with the Z200": Hopper is in the aside
            along = _EN_KIND_BEFORE_ALONG.match(ctx.doc.text[run[-1].end:run[-1].end + 120])
            if along is not None and m.start < run[-1].end + along.end():
                continue
        gap = _ASIDE.sub("", ctx.doc.text[run[-1].end:m.start], count=1)  # Model X（2015年9月）、Model 3
        if ctx.lang.code == "en":  # "the X and X Plus, priced from $799, and the X Pro": a price aside, then the list goes on
            gap = _EN_PRICE_ASIDE.sub(" and ", gap, count=1)
            # "the MLU100 in 2018, the MLU270 in 2019 and the MLU290, our first training chip, in 2020", "the X, a
            # next-generation AI PC for business, and the Y": each name's own time and an aside describing it
            stripped = _en_list_gap(ctx, run[-1].end, gap)
            aside, gap = stripped != gap and _EN_GAP_APPOSITIVE.match(gap) is not None, stripped
        if ctx.lang.code == "zh":  # “蚂小宝”和AI金融管家“蚂小财”: between quoted names, the second one's description
            quoted = _ZH_QUOTED_GAP.fullmatch(gap)
            gap = quoted.group(1) if quoted else gap
        if ctx.lang.code == "en":  # "the Y architecture, together with the Y200 GPU": past the first one's kind in lower case
            gap = _EN_KIND_BEFORE_ALONG.sub("", gap, count=1)
        if ctx.lang.code == "en" and _EN_ALONG.fullmatch(gap) and all(x.cls and vocab().is_a(x.cls, _PRODUCT_SLOTS) for x in (run[-1], m)):
            gap = " and "  # "unveiled R2 in March 2024, together with R3 and R3X": products shown with it are in the list
        if not joiner.fullmatch(gap) and not (ctx.lang.code == "en" and _en_kind_joiner(ctx.lang.words).fullmatch(gap)):
            break  # (…"GO 3S and network camera Link 2": a joiner, then the next name's kind in lower case)
        if (_OWN_CLAUSE_GAP[ctx.lang.code].fullmatch(gap) or ctx.lang.code == "en" and aside) and _OWN_VERB[ctx.lang.code].match(ctx.doc.text, m.end):
            break  # "released A, B will follow next month", 发布了A，B将于月底发布: after a bare comma (in English, also
            # after an aside and "and": "announcing Earth-2, a digital twin, and the Weather Company is among the first"),
            # a name with its own verb
        run.append(m)
    return run


_EN_KIND_BEFORE_ALONG = re.compile(r"^(?:\s+[a-z][\w-]*){1,2}(?:\s*,\s*(?:a|an|the|its|our|their)\s[^,;:()]{1,60}?(?=,))?"
                                   r"(?=\s*,?\s*(?:together\s+with|along\s+with|alongside)\b)")
_EN_ALONG = re.compile(r"\s*,?\s*(?:together\s+with|along\s+with|alongside)\s+(?:the\s+|its\s+)?")
_ZH_QUOTED_GAP = re.compile(r"[”》」\"]\s*[^，。；、,;“”《》「」()（）\"]{0,8}?(、|和|及|以及|与)(?:[^，。；、,;“”《》「」()（）\"]{0,12}[“《「\"])?")
@functools.lru_cache(maxsize=4)
def _en_kind_re(nouns: tuple) -> re.Pattern:
    alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(r"(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s+as\s+well\s+as\s+)(?:(?:the|a|an|its|their)\s+)?"
                      r"(?:[a-z][\w\-]*\s+){0,2}(?:" + alt + r")\s+")


def _en_kind_joiner(words: dict) -> re.Pattern:
    """A list mark, then words in lower case ending in a kind of product ("and network camera"): the next name's
    description ("push out thumb camera GO 3S and network camera Link 2")."""
    kinds = words.get("class_nouns") or {}
    return _en_kind_re(tuple(sorted(n for cls, ns in kinds.items() if cls not in ("Company", "Brand") for n in ns if n[:1].islower())))


_EN_GAP_APPOSITIVE = re.compile(r"\s*,\s*(?:a|an|the|our|its|their)\s[^,;:()]{1,60}?(?=,)")
_EN_GAP_TIME = re.compile(r"\s*,?\s+(?:in|on)\s+")
_EN_GAP_PRICE = re.compile(r"\s*,?\s+for(\s+)(?:(?:about|around|roughly|approximately|nearly|almost|some|a\s+reported|"
                           r"an\s+estimated|more\s+than|over|under|just\s+over|just\s+under)\s+)?")


def _en_list_gap(ctx: Context, pos: int, gap: str) -> str:
    """The words between two names of an English list less an aside that describes the first (", our first
    training chip"), the first's own time ("in 2019") and its own price ("in 2016 for $50 million", "for
    $2.8 billion in 2016"): what is left joins the list or not."""
    aside = _EN_GAP_APPOSITIVE.match(gap)
    if aside is not None:  # a name of the list inside it would stand between the two
        gap, pos = gap[aside.end():], pos + aside.end()
    for _ in range(2):  # the time and the price, in either order
        time = _EN_GAP_TIME.match(gap)
        p = next((p for p in ctx.periods() if p.start == pos + time.end()), None) if time is not None else None
        if p is None:
            price = _EN_GAP_PRICE.match(gap)
            p = next((m for m in _money(ctx) if m.start - pos in (price.end(), price.end(1))), None) if price is not None else None
        if p is None:
            break
        gap, pos = gap[p.end - pos:], p.end
    return gap


def _money(ctx: Context) -> list[Mention]:
    """The amounts of money of the sentence that may be a deal's price."""
    return [m for m in ctx.mentions if m.kind == "quantity" and m.quantity.unit in MONEY_UNITS and m.quantity.value >= 100000
            and ctx.sent.start <= m.start < ctx.sent.end]


def _own_time_and_price(ctx: Context, obj: Mention) -> tuple:
    """(time mention or None, money mention or None) right after one name of an English list, past an aside that
    describes it, when a list mark or the end follows them: "acquired Jaybird in 2016 for $50 million, Astro Gaming
    in 2017 for $85 million", "Demandware for $2.8 billion in 2016", "the MLU290, our first training chip, in 2020"
    (each name its own time and price)."""
    text, pos = ctx.doc.text, obj.end
    aside = _EN_GAP_APPOSITIVE.match(text, pos, ctx.sent.end)
    if aside is not None:
        pos = aside.end()
    time = price = None
    for _ in range(2):
        if time is None:
            t = _EN_GAP_TIME.match(text, pos, ctx.sent.end)
            time = next((p for p in ctx.periods() if p.start == t.end() and p.period.year), None) if t is not None else None
            if time is not None:
                pos = time.end
                continue
        if price is None:
            f = _EN_GAP_PRICE.match(text, pos, ctx.sent.end)  # (the amount's own mention may hold "about")
            price = next((m for m in _money(ctx) if m.start in (f.end(), f.end(1))), None) if f is not None else None
            if price is not None:
                pos = price.end
                continue
        break
    if aside is not None and not text.startswith(",", aside.end()) or not _EN_LIST_END.match(text, pos):
        return None, None
    return time, price


_EN_LIST_END = re.compile(r"\s*(?:,|\band\b|\.|;|$)")


_OWN_CLAUSE_GAP = {"en": re.compile(r"\s*[,;]\s*"), "zh": re.compile(r"\s*[，,；;]\s*")}
_OWN_VERB = {"en": re.compile(r"\s+(?:will|would|is|are|was|were|has|have|had|also|then|shall|could|may|might)\b"),
             "zh": re.compile(r"\s*(?:将|也|还|则|已|会|随后|预计|计划)")}


_ZH_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9&.\-]*(?: [A-Z0-9][A-Za-z0-9&.\-]*){0,3}")


def _named_after_kind(ctx: Context, pat: dict, m: Mention) -> Mention:
    """出售了所持印度铁塔公司Indus Towers的股份: a name that only says a kind of company (…公司, …企业), right
    before a name in Latin letters, describes that name; the Latin name is the party."""
    if not _DESCRIBES.search(m.text):
        return m
    latin = _ZH_LATIN_NAME.match(ctx.doc.text, m.end, ctx.sent.end)
    if latin is None:
        return m
    known = ctx.mention_at(latin.start(), latin.end())
    if known is not None:
        return known if known.cls and vocab().is_a(known.cls, pat["object"]) else m
    if any(o.start < latin.end() and o.end > latin.start() for o in ctx.mentions if o.kind in ENTITY_KINDS):
        return m
    return ctx.add_name(latin.start(), latin.end(), pat["object"][0]) or m


# the words between a name and a later one that make the later a part or feature of the first, or what it is made from
# ("MIUI, a customised version of Android released in 2010")
_EN_WITH_PART = re.compile(r"\b(?:with|featuring|including|using|running|powered\s+by|built\s+on|based\s+on|(?:version|edition|variant|fork)\s+of)"
                           r"\s+(?:(?:the|a|an|its|their)\s+)?"
                           r"(?:[a-z][\w\-]*\s+){0,3}$")
_EN_PRICE_ASIDE = re.compile(r"^\s*,\s*(?:priced|starting|costing|selling|retailing)\s+(?:at|from)\s+[^,;()]{1,40},\s*and\b")
@functools.lru_cache(maxsize=4)
def _zh_kind_tuple(pairs: tuple) -> tuple:
    return tuple(sorted((n for cls, ns in pairs if cls != "Company" for n in ns), key=len, reverse=True))


def _zh_kind_nouns(words: dict) -> tuple:
    """The Chinese nouns of kinds of products (皮卡, 手机, 芯片), longest first."""
    return _zh_kind_tuple(tuple((cls, tuple(ns)) for cls, ns in (words.get("class_nouns") or {}).items()))


_EN_TRAILING_RELATIVE = re.compile(r",\s*(?:which|that|who)\s[^,;:()]{1,80},?$")
_EN_TRAILING_APPOSITIVE = re.compile(r",\s*(?:the|a|an|its|our|their)\s[^,;:()]{1,60}$")
_NOT_EN_TRAILING_APPOSITIVE = re.compile(r"[,;:()]")  # what _EN_TRAILING_APPOSITIVE holds only as its first character
_EN_TRAILING_WORDS = re.compile(r"\s+(?:[a-z][\w-]*\s*){1,2}$")
_NOT_EN_TRAILING_WORDS = re.compile(r"[^\w\s-]")  # what _EN_TRAILING_WORDS cannot hold
_DESCRIBES = re.compile(r"(?:公司|企业|厂商|制造商|生产商|供应商|设计商|运营商)$")


_ASIDE = re.compile(r"^\s*[(（][^()（）]{1,30}[)）]")


_JOINERS = {
    "en": re.compile(r"(?:\s|,|;|\band\b|\bor\b|\bas well as\b|\bplus\b|\bthe\b|\bits\b|\ba\b|\ban\b|\bnew\b|\btwo\b|\bthree\b"
                     r"|\b(?:chip|chips|GPU|GPUs|phone|phones|smartphone|smartphones|models?|cars?|SUV|sedan|brand|series|platform|switches)\b)*"),
    "zh": re.compile(r"(?:[、，,和及与以及或]|其|旗下的?|首款|全新的?|[\u4e00-\u9fff]{0,6}?(?:车型|品牌|芯片|手机|平台|系列|产品|公司))*"),
}


def _suffix_names(ctx: Context, pat: dict, te: int) -> None:
    """赞助F1红牛车队和澳大利亚网球公开赛, 赞助英超利物浦足球俱乐部: the names listed right after the verb that end with
    a word of their kind (``name_suffixes``: 车队, 俱乐部, 公开赛), known names inside them included; the words
    after a known name that opens one are also its name (利物浦足球俱乐部)."""
    if ctx.lang.code != "zh":
        return
    suffixes = sorted(ctx.lang.words.get("name_suffixes") or (), key=len, reverse=True)
    if not suffixes:
        return
    text = ctx.doc.text
    ce = ctx.clauses[ctx.clause_of(te)][1]
    unit = re.compile(r"(?:[\u4e00-\u9fffA-Za-z0-9·](?<![和与及、])){1,16}?(?:" + "|".join(map(re.escape, suffixes)) + ")")
    pos = te + len(text[te:ce]) - len(text[te:ce].lstrip(" 了"))
    while pos < ce:
        m = re.compile(r"(?:" + unit.pattern + r")+").match(text, pos, ce)
        if m is None:
            return
        s, e = m.span()
        if not any(o.start < e and o.end > s and not (s <= o.start and o.end <= e) for o in ctx.mentions if o.kind in ENTITY_KINDS) \
                and ctx.mention_at(s, e) is None and _looks_named(ctx, s, e):
            opening = next((o for o in ctx.mentions if o.kind in ENTITY_KINDS and o.start == s and o.end < e
                            and not (o.cls and vocab().is_a(o.cls, ["Place"]))), None)
            found = ctx.add_name(s, e, "Event" if "Event" in pat["object"] else pat["object"][0])  # 公开赛, 车队: mostly events and teams
            if found is not None and opening is not None and e - opening.end >= 3:
                ctx.name_also(found.entity_id, [text[opening.end:e]])  # 英超利物浦足球俱乐部: also 利物浦足球俱乐部
        j = re.match(r"[和与及、]", text[e:e + 1])
        if j is None:
            return
        pos = e + 1


def _add_adjacent_names(ctx: Context, pat: dict, ts: int, te: int, passive: bool) -> None:
    """Names the lexicon lacks right after the trigger ("unveiled the B200 GPU and the GB200
    Superchip", 推出了AI助手“腾讯元宝”) or, in the passive, right before it."""
    text = ctx.doc.text
    slot = pat["object"]
    lang = ctx.lang
    read_by_model = set()  # spans the name model read as names (no Latin letters or quotes to tell them)
    if passive or pat.get("object_side") == "before":
        # take out the time expressions between the name and the trigger: 《王者荣耀》2015年上线
        pos = ts
        for m in reversed(ctx.periods()):
            if m.end <= pos and not text[m.end:pos].strip(" ,，于在已也正式"):
                pos = m.start
        pos_text = text[:pos].rstrip(" ,，于在已也")
        if lang.code == "zh":  # Zorro X1正式开售, 已经上线: the adverbs before the verb are no part of the name
            pos_text = re.sub(r"(?:正式|已经|开始|率先|首次|同时|随后|也|已|自主|独立|联合|共同)+$", "", pos_text).rstrip(" ,，于在")
            agent = re.search(r"(?:由|被)([^，。；由被]{1,16})$", pos_text)
            if passive and agent and any(m.start == len(pos_text) - len(agent.group(1)) and m.end == len(pos_text)
                                         for m in ctx.entities(["Organisation"])):
                pos_text = pos_text[:agent.start()]  # Zorro X1芯片由联想研发: the name before the agent
        if lang.code == "zh" and pos_text.endswith("是") and pos < ts:  # R1T皮卡是在2021年9月开始交付的: 是…的 around the time
            pos_text = pos_text[:-1]
        if lang.code == "zh":  # R1T皮卡于…: the kind written after a model's name is no part of it
            kind = next((n for n in _zh_kind_nouns(lang.words) if pos_text.endswith(n) and re.search(r"[A-Za-z0-9]$", pos_text[:-len(n)])), None)
            pos_text = pos_text[:-len(kind)] if kind else pos_text
        if lang.code == "en":  # "Fabrix Labs, the shoe seller, was acquired by": past the verb's auxiliary
            pos_text = sub_end(_EN_AUXILIARY, pos_text, _NOT_EN_AUXILIARY)
            rel = _EN_TRAILING_RELATIVE.search(pos_text)
            if rel is not None:  # "The X4, which succeeds the X3, launched": the name before the relative clause
                pos_text = pos_text[:rel.start()]
            # "the Zorvex 970, which was launched", "the Zorvex X1, built on the Ampere architecture, was launched":
            # the name before the relative pronoun or the clause that describes it
            described = _EN_TRAILING_DESCRIBER.search(pos_text, max(0, len(pos_text) - 160))
            if described is not None:
                pos_text = pos_text[:described.start()]
        found = lang.name_before(pos_text, len(pos_text), lang.words)
        if found and lang.code == "en" and _BARE_INITIALS.fullmatch(text, found[0], found[1]):
            found = None  # "Orbix Genie, an AI assistant launched": initials in a description, no name
        if not found and lang.code == "en":  # "the Zorvex Q7 sport utility vehicle, was launched": the kind after the name
            kind = _EN_TRAILING_KIND.search(pos_text, max(0, len(pos_text) - 60))
            if kind is not None and _is_kind_phrase(lang.words, kind.group(1)):
                bare = pos_text[:kind.start()]
                found = lang.name_before(bare, len(bare), lang.words)
                found = found if found and _model_like(text[found[0]:found[1]]) else None
        if not found and lang.code == "en":  # "Zappos, the online shoe seller, acquired in 2009": the name before its appositive
            bare = sub_end(_EN_TRAILING_APPOSITIVE, pos_text, _NOT_EN_TRAILING_APPOSITIVE)
            found = lang.name_before(bare, len(bare), lang.words) if bare != pos_text else None
        spans = [found] if found else []
        if not spans and lang.code == "zh" and pat.get("model_names"):  # 抖抖于2016年9月上线: a plain Chinese name before
            plain = _zh_model_name_before(ctx, len(pos_text))
            spans = [plain] if plain else []
            read_by_model = {plain[:2]} if plain else read_by_model
    else:
        limit = ctx.sent.end
        start = te
        if lang.code == "en" and v_is_org(slot):  # "acquired the Israeli AI workload management start-up Run:ai"
            nouns = list((lang.words.get("class_nouns") or {}).get("Company") or []) + list(_EN_DESCRIPTOR_NOUNS)
            # "bought Germany's Mannesmann", "took over Britain's largest chip designer Arm": the place whose company
            # it is comes first (with its own possessive), then the name (or its descriptor)
            whose = _EN_PLACE_POSSESSIVE.match(text, te, limit)
            if whose and ctx.mention_at(whose.start(1), whose.end(1), ["Place"]) is not None:
                start = whose.end()
            # … or no article before a people's word: "a joint venture with Taiwanese carmaker Yulon Motor"
            desc = re.match(r"\s+(?:(?:the|a|an|its|their)\s+(?:[A-Z][a-z]+(?:-[A-Za-z]+)?\s+)?|[A-Z][a-z]+(?:ese|[ie]an|can|ish|i|ch)\s+)"
                            r"(?:[A-Za-z0-9][\w\-]*\s+){0,5}?(?:"
                            + "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)) + r")\s+(?=[A-Z0-9])", text[start:limit])
            if desc:
                start += desc.end()
            # (a stake's rules only: "owns 33% of Ant" tells no subsidiary)
            share = _EN_SHARE_OF.match(text, start, limit) if pat["property"] in ("investedIn", "acquired") else None
            if share:
                start = share.end()
            paid = _EN_AMOUNT_IN.match(text, start, limit)  # "invested $500 million in Fabrix Labs": the name after the amount
            if paid:
                start = paid.end()
                # "put $4 billion into the AI start-up Anthropic": past the words for its kind
                kind = re.match(r"(?:[A-Za-z0-9][\w\-]*\s+){0,4}?(?:" + "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
                                + r")\s+(?=[A-Z0-9])", text[start:limit])
                if kind:
                    start += kind.end()
        if lang.code == "zh" and v_is_org(slot):
            # 收购了超级电容器和干电极技术企业Maxwell Technologies, 收购体育与流行文化播客网络The Ringer: a descriptor
            # ending in a kind of company (和/与 inside it joins its words), then a name in Latin letters
            desc = _ZH_KIND_BEFORE_LATIN.match(text, te, limit)
            if desc:
                start = desc.end()
        mod = _zh_modifier(ctx, pat, start) if lang.code == "zh" else None
        if mod is not None:  # 发布了基于LEAP 3.0架构的C16: the words up to 的 describe what was launched, named after them
            start = mod[1]
        if pat.get("modifies_next") and lang.code == "zh":  # 自研X芯片的Y实例: the name before the 的 is what the word says
            lead = len(text[start:limit]) - len(text[start:limit].lstrip(" 了的"))
            de = text.find("的", start + lead, limit)
            if de > start + lead and not re.search(r"[“「《\"，,。]", text[start + lead:de]) \
                    and not any(m.start <= de < m.end for m in ctx.mentions if m.kind in ENTITY_KINDS):
                limit = de
        if lang.code == "en" and not v_is_org(slot):
            _en_stem_models(ctx, pat, te)
        spans = lang.names_after(text[:limit], start, limit, lang.words)
        colon = _COLON_LEAD[lang.code].match(text, start, limit) if not spans and (pat.get("list_nouns") or {}).get(lang.code) else None
        lead = text[start:colon.end()].rstrip(" :：") if colon is not None else ""
        if colon is not None and has_word(lead[-20:], pat["list_nouns"][lang.code], lang.code) and \
                any(lead.lower().endswith(n.lower()) for n in pat["list_nouns"][lang.code]) and \
                not any(m.kind in ENTITY_KINDS and start <= m.start < colon.end() for m in ctx.mentions):
            # "launched three new products: the X1, the X2 and the X3", 发布了三款新品：X1、X2和X3: the names after the colon
            spans = lang.names_after(text[:limit], colon.end(), limit, lang.words)
        if lang.code == "en" and not v_is_org(slot):
            spans += _en_more_names(ctx, spans, limit)
        if lang.code == "zh" and v_is_org(slot) and not any(_looks_named(ctx, a, b) and ctx.mention_at(a, b, ["Place"]) is None
                                                            for a, b, _ in spans):
            _zh_glossed_name(ctx, slot, te, limit)  # 全资收购台湾的华亚科技（Inotera）
        if lang.code == "zh" and not v_is_org(slot):
            spans = _zh_in_house_span(ctx, start, limit) + spans
            if not spans:  # 推出面向制造业的生成式人工智能助手“西门子工业副驾”: a long description, then the quoted name
                q = _ZH_QUOTED_AFTER.match(text, start, ctx.clauses[ctx.clause_of(start)][1])
                spans = [(q.start(1), q.end(1), "")] if q else []
                if not spans and pat.get("model_names"):  # 推出了余额宝，…: a name in plain Chinese, as the name model reads it
                    spans = _zh_model_products(ctx, start, limit)
                    read_by_model = {(a, b) for a, b, _ in spans}
            else:  # 推出了AI助手“小天”: words with Latin letters right before a quoted name describe it, the quote names it
                ce = ctx.clauses[ctx.clause_of(start)][1]
                q = _ZH_QUOTE_RIGHT_AFTER.match(text, spans[0][1], ce)
                quoted, end = [], -1
                if q and ctx.mention_at(spans[0][0], spans[0][1]) is None and (
                        q.group(1) or _BARE_INITIALS.fullmatch(text, spans[0][0], spans[0][1])):
                    quoted, end = [(q.start(2), q.end(2), spans[0][2])], q.end()
                elif text[spans[0][0] - 1:spans[0][0]] in ("“", "《", "「", "\"") and text[spans[0][1]:spans[0][1] + 1] in ("”", "》", "」", "\""):
                    quoted, end = [spans[0]], spans[0][1] + 1
                while quoted:  # …和AI金融管家“蚂小财”: more of them, each with its description
                    more = _ZH_MORE_QUOTED.match(text, end, ce)
                    if more is None:
                        break
                    quoted.append((more.start(1), more.end(1), ""))
                    end = more.end()
                if quoted:
                    spans = quoted + [sp for sp in spans[1:] if sp[0] >= end]
    v = vocab()
    for s, e, hint in spans:
        if s < ctx.sent.start or e > ctx.sent.end or e <= s:
            continue
        share = re.search(r"\s*[0-9][0-9.]*$", text[s:e]) if text.startswith(("%", "％"), e) else None
        if share is not None:  # 收购Orvex 80%的股权, 收购Orvex100%股权: the number is the stake's, not the name's
            e = s + share.start()
            if e <= s:
                continue
        if lang.code == "zh":
            s = _past_descriptor(ctx, s, e)
            e += next((len(x) for x in lang.words.get("name_suffixes") or () if ctx.doc.text.startswith(x, e)), 0)  # 三洋+电机
        if not v_is_org(slot):  # "X955 Max Mini LED电视": a kind of product the lexicon knows ends no name
            e = _without_kind(ctx, s, e)
            if e <= s:
                continue
        if ctx.mention_at(s, e) is not None or not (_looks_named(ctx, s, e) or _in_house_name(ctx, pat, s, e, hint)
                                                     or (s, e) in read_by_model):
            continue
        if lang.code == "zh" and any(m.kind in ENTITY_KINDS and s < m.start and m.end == e and m.cls and v.is_a(m.cls, slot)
                                     for m in ctx.mentions):
            continue  # 软件商阿尔塔维（Altavia）: the name is already found inside the span; its kind word is no part of it
        if lang.code == "zh" and v_is_org(slot) and _ZH_FIELD.match(text, e):
            continue  # 通过并购向B2B领域扩张: a field of business, not a company
        if not v_is_org(slot) and (_BARE_INITIALS.fullmatch(text, s, e) or _initials_and_kind(ctx, text[s:e])):
            continue  # 推出的AI工厂, 发布第五代DM技术, 首批AI PC: capitals and a kind are a technology or category, no name
        if not v_is_org(slot) and any(text[s:e].endswith(n) and e - s > len(n) for n in _org_nouns(ctx)):
            continue  # 上市的控股子公司: its own noun says it is a company, not what was launched
        cls = hint if hint and v.is_a(hint, slot) else slot[0]
        maker = _maker_before(ctx, s) if lang.code == "zh" and not v_is_org(slot) else None
        if maker is not None:  # 努比亚Flip 5G: the brand written onto the name is part of it; also named without it
            found = ctx.add_name(maker.start, e, cls)
            if found is not None:
                ctx.name_also(found.entity_id, [text[s:e].strip()])
                continue
        ctx.add_name(s, e, cls)


# a name's description between it and a participle that tells of it: ", our AI travel assistant " (launched in 2023)
_EN_DESCRIBED_BEFORE = re.compile(r"\s*,\s*(?:a|an|the|its|our|their)\s[^,;:()]{1,60}?\s+")


# what may stand between a launched name and its passive verb and only describes it: a relative pronoun ("the Zorvex 970,
# which was launched"), a participle clause ("the Zorvex X1, built on the Ampere architecture, was launched")
_EN_TRAILING_DESCRIBER = re.compile(r"\s*,\s*(?:which|that)\s*$|\s*,\s*(?:based|built|powered|running|using|featuring|equipped|made|"
                                    r"designed|developed|aimed|targeted|priced)\b[^,;:()]{1,80},?\s*$")
# lower-case words after a name that end in a kind of product ("the Zorvex Q7 sport utility vehicle", "the first Zorvex e-reader")
_EN_TRAILING_KIND = re.compile(r"\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s*$")


def _is_kind_phrase(words: dict, phrase: str) -> bool:
    """Does a phrase of lower-case words end in a noun for a kind of product (class_nouns, not a company's)?"""
    nouns = {n.lower() for cls, ns in (words.get("class_nouns") or {}).items() if cls not in ("Company", "Brand") for n in ns}
    toks = phrase.lower().split()
    return any(" ".join(toks[k:]) in nouns for k in range(len(toks))) or toks[-1].endswith(("-reader", "-player"))


def _model_like(name: str) -> bool:
    """A name the lexicon lacks found only through the kind after it: a model name (letters with digits, or capitals
    inside a word: "Zorvex Q7", "ZorPods"), or a single capitalised word ("Kindle")."""
    return bool(re.search(r"[0-9]|[a-z][A-Z]", name)) or bool(re.fullmatch(r"[A-Z][a-z]+", name))


# a noun phrase for what was launched, then a colon and their names: "three new products: the X1, the X2 and the X3",
# 三款新品：X1、X2和X3
_COLON_LEAD = {"en": re.compile(r"\s+(?:its|their|our|the|a|an|two|three|four|five|six|several|new|something|one|[2-9])\b[^,;:.()]{0,50}:\s*"),
               "zh": re.compile(r"了?[^，。；,;：:“”《》]{1,16}[：:]\s*")}


# what may follow a name of a list after the verb before the list goes on: a price (", priced from $799 and $899, and"),
# an aside (", the thinnest watch to date, and"), the name's own time (" in 2019 and"), "together with"
_EN_MORE_PRICE = re.compile(r"\s*,\s*(?:priced|starting|costing|selling|retailing)\s+(?:at|from)\s+[^,;()]{1,40}(?=,)")
_EN_MORE_JOIN = re.compile(r"\s*(?:,\s*and|,\s*as\s+well\s+as|\s+and|\s+as\s+well\s+as|,?\s*(?:together\s+with|along\s+with|alongside))\s+")


def _en_more_names(ctx: Context, spans: list, limit: int) -> list:
    """Names of a list after the verb that goes on past a price, an aside or a time ("introduced the X and X Plus,
    priced from $799 and $899, and the X Pro and X Pro Max", "announced the Y architecture, together with the Y200
    GPU"): the names after each such break, as ``names_after`` finds them."""
    text, words = ctx.doc.text, ctx.lang.words
    out = []
    while spans and len(out) < 8:
        pos = spans[-1][1]
        price = _EN_MORE_PRICE.match(text, pos, limit)
        gap = text[pos:price.end()] if price else _en_list_gap(ctx, pos, text[pos:min(limit, pos + 80)])
        pos = price.end() if price else pos + (min(limit, pos + 80) - pos - len(gap))
        if pos == spans[-1][1]:  # "the Y architecture, together with": the name's kind in lower case (and an aside)
            kind = _EN_KIND_BEFORE_ALONG.match(text[pos:limit])
            pos += kind.end() if kind else 0
        join = _EN_MORE_JOIN.match(text, pos, limit)
        if join is None or pos == spans[-1][1] and not re.match(r"\s*,?\s*(?:together|along|alongside)", text[pos:limit]):
            break  # (a plain "and" right after a name names_after has followed already)
        more = ctx.lang.names_after(text[:limit], join.end(), limit, words)
        if not more or not re.fullmatch(r"(?:[a-z][\w-]*,?\s+){0,6}", text[join.end():more[0][0]]):
            break  # "and a new generation of earbuds, ZorPods 4": words for what it is may come first
        out += more
        spans = more
    return out


# what may stand between a launch verb and a plain Chinese name: 了, adverbs, words that say it is new or first
_ZH_PLAIN_LEAD = re.compile(r"(?:了|又|还|也|全新的?|新一代的?|首款|首个|旗下的?|自己的|我们的|自研的)*")
_ZH_PLAIN_END = re.compile(r"\s*(?:[，。；、,;：:！!？?]|和|及|以及|与|$)")
_ZH_PLAIN_JOIN = re.compile(r"\s*(?:、|和|及|以及|与)\s*")


def _zh_model_name_before(ctx: Context, end: int) -> tuple[int, int, str] | None:
    """A plain Chinese name ending at ``end`` that opens its clause (抖抖于2016年9月上线, 百亿补贴是…推出的), as the name
    model reads it (a proper noun or an organisation's name)."""
    from ..lang import zh_ner

    if not zh_ner.available() or end <= ctx.sent.start:
        return None
    base = ctx.sent.start
    tok = next(((base + a, base + b, tag) for a, b, tag in zh_ner.tokens(ctx.sent.text) if base + b == end), None)
    if tok is None or tok[2] not in ("nz", "ORG") or not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", ctx.doc.text[tok[0]:tok[1]]):
        return None
    cs = ctx.clauses[ctx.clause_of(tok[0])][0]
    return (tok[0], tok[1], "") if not ctx.doc.text[cs:tok[0]].strip(" 　") else None


def _zh_model_products(ctx: Context, start: int, limit: int) -> list[tuple[int, int, str]]:
    """Plain Chinese names right after a launch verb that the name model reads as proper nouns (nz) or organisations'
    names (a product is often read so: 芝麻信用), each a whole object (推出了余额宝，…; 推出了芝麻信用和花呗): a word the
    model reads so that goes on with a kind (折叠屏手机) only describes it. Asked only when the rules found no name."""
    from ..lang import zh_ner

    text = ctx.doc.text
    if not zh_ner.available():
        return []
    lead = _ZH_PLAIN_LEAD.match(text, start, limit)
    pos = lead.end() if lead else start
    base = ctx.sent.start
    toks = [(base + a, base + b, tag) for a, b, tag in zh_ner.tokens(ctx.sent.text)]
    out = []
    while len(out) < 6:
        tok = next((t for t in toks if t[0] == pos), None)
        if tok is None or tok[2] not in ("nz", "ORG") or tok[1] > limit or not _ZH_PLAIN_END.match(text, tok[1], limit) \
                or not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", text[tok[0]:tok[1]]):
            break
        out.append((tok[0], tok[1], ""))
        join = _ZH_PLAIN_JOIN.match(text, tok[1], limit)
        if join is None:
            break
        pos = join.end()
    return out


# the model words after a maker's or a line's name: "millet 15 series" (Xiaomi 15), "red rice Note 14", "Ernie 5":
# capitalised words and numbers, one with a digit; a number of things or of time is not one
_EN_MODEL_TAIL = re.compile(r"(?:\s+(?!(?:19|20)[0-9]{2}\b)(?:[0-9]+(?:\.[0-9]+)*[A-Za-z+]*|[A-Z][A-Za-z0-9+\-]*)"
                            r"(?!\s*(?:%|percent|per\s*cent|million|billion|thousand|hundred|units?|years?|months?|days?|yuan|dollars|"
                            r"euros|times|people|stores|countries|markets)\b)){1,4}(?:\s+series\b)?")
_MODEL_STEMS = ["Company", "Brand", "Product", "ProductSeries"]


def _en_stem_models(ctx: Context, pat: dict, te: int) -> None:
    """"millet release millet 15 series mobile phone", "release red rice Note 14 series": a maker, brand or line the
    lexicon knows, written in lower case as a word-by-word translation does, then model words with a number, names
    a model of its own after the verb (also named with the maker's own label: Xiaomi 15 series)."""
    text = ctx.doc.text
    ce = ctx.sent.end
    pos = te
    v = vocab()
    for m in [m for m in ctx.mentions if m.kind == "entity" and te <= m.start < ce and m.from_lexicon]:
        if not _JOINERS["en"].fullmatch(text, pos, m.start) or not m.text[:1].islower() or not (m.cls and v.is_a(m.cls, _MODEL_STEMS)):
            continue
        tail = _EN_MODEL_TAIL.match(text, m.end, ce)
        if tail is None or not re.search(r"[0-9]", tail.group()):
            continue
        found = ctx.add_name(m.start, tail.end(), pat["object"][0])
        if found is None:
            continue
        info = lexicon.load().info(m.entity_id)
        own = next((n for lang, n in (info.labels if info else ()) if lang == "en"), "")
        if own:
            ctx.name_also(found.entity_id, [own + tail.group()])
        pos = tail.end()


_EN_PLACE_POSSESSIVE = re.compile(r"\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['’]s(?=\s)")


_ZH_KIND_IN_NAME = re.compile(r"(?:企业|公司|平台|集团|品牌|机构|(?<=[\u4e00-\u9fff])商)")
_ZH_BEFORE_GLOSS = re.compile(r"了?[^，。；,;：:（）()“”《》]{0,20}?([\u4e00-\u9fff]{2,10})(?=[（(][A-Z])")


def _zh_glossed_name(ctx: Context, slot, lo: int, hi: int) -> Mention | None:
    """全资收购台湾的华亚科技（Inotera）, 对破产重整中的日本尔必达（Elpida Memory）的收购: the Chinese words right
    before a gloss in Latin letters name it, less the descriptor before 的 and a place before the name."""
    text = ctx.doc.text
    m = _ZH_BEFORE_GLOSS.match(text, lo, hi)
    if m is None or not GLOSS.match(text, m.end(1)):
        return None
    s, e = m.start(1), m.end(1)
    s = max(s, text.rfind("的", s, e) + 1)
    kinds = [k.end() for k in _ZH_KIND_IN_NAME.finditer(text, s, e) if k.end() <= e - 2 and k.start() > s]
    s = kinds[-1] if kinds else s  # 动图平台吉菲: the kind before the name
    place = next((p for p in ctx.entities(["Place"]) if p.start == s and p.end < e - 1), None)
    if place is not None:
        s = place.end
    if e - s < 2 or any(x.start < e and x.end > s for x in ctx.mentions if x.kind in ENTITY_KINDS and not (x.start >= s and x.end <= e)):
        return None
    known = ctx.mention_at(s, e)
    return known or ctx.add_name(s, e, slot[0])


_ZH_KIND_BEFORE_LATIN = re.compile(r"了?[^\s，。；,;：:（）()“”《》A-Za-z]{1,20}?(?:企业|公司|代工厂|工厂|厂商|制造商|网络|平台|集团|品牌|机构|"
                                   r"服务商|运营商|供应商|开发商|设计商|初创公司|创业公司)(?=[A-Z])")
# 基于LEAP 3.0技术架构的, 完全建在OCI上的, 搭载麒麟9000的: a phrase ending in 的 that says what a launched thing is
# built on; the thing is named after it
_ZH_BASIS = re.compile(r"[\s了]*(?:一款|全新的?|新一代的?|首款)?(?:完全|全面|首次)?"
                       r"(?:基于|基於|依托于?|建立在|构建在|建在|运行在|搭载了?|采用了?)[^，。；、“”《》,;]{1,30}?的(?=\S)")


def _zh_modifier(ctx: Context, pat: dict, pos: int) -> tuple[int, int] | None:
    """The span of a phrase right after a launch verb that says what the launched thing is based on
    (发布了基于LEAP 3.0技术架构的C16): its names describe, they were not launched."""
    if v_is_org(pat["object"]):
        return None
    m = _ZH_BASIS.match(ctx.doc.text, pos, ctx.clauses[ctx.clause_of(pos)][1])
    return (pos, m.end()) if m else None


def _without_kind(ctx: Context, s: int, e: int) -> int:
    """Where a new name ends once a kind of product the lexicon knows, written in Latin letters after it,
    is cut off (X955 Max Mini LED → X955 Max; QD-Mini LED → QD-, which names nothing)."""
    text = ctx.doc.text
    for m in ctx.mentions:
        if m.kind == "entity" and s < m.start and m.end == e and re.match(r"[A-Za-z]", m.text) and m.cls \
                and vocab().is_a(m.cls, ["ProductCategory"]):  # 刀片电池 keeps its Chinese kind word
            e = m.start
            while e > s and text[e - 1] in " -–":
                e -= 1
            if e - s < 2 or _BARE_INITIALS.fullmatch(text, s, e):
                return s
            if ctx.lang.code == "en" and m.text[:1].isupper() and not re.search(r"[0-9]", text[s:e]):
                return m.end  # "Orbix Cloud", "Orbix Studio Display": a capitalised kind after a word is part of the name
            return e
    return e


# (straight quotes too: 发布了国产算力平台"飞星一号"; after a quoted name its kind may come before the next one: “格力明珠”系列高端空调和新一代的“零碳源”空调)
_ZH_MORE_QUOTED = re.compile(r"[^，。；、,;“”《》「」()（）\"]{0,8}?(?:、|和|及|以及|与)[^，。；、,;“”《》「」()（）\"]{0,12}?[“《「\"]([^“”《》「」，。\"]{2,30})[”》」\"]")
_ZH_QUOTE_RIGHT_AFTER = re.compile(r"([\u4e00-\u9fff]{0,8})[“《「\"]([^“”《》「」，。\"]{2,30})[”》」\"]")
_ZH_QUOTED_AFTER = re.compile(r"[^，。；、,;“”《》「」()（）\"]{0,30}?[“《「\"]([^“”《》「」，。\"]{2,30})[”》」\"]")
_ZH_IN_HOUSE = re.compile(r"(?:自研|自主研发|自主开发|自主设计|独立研发)(?:的|了)?\s*$")


def _in_house_name(ctx: Context, pat: dict, s: int, e: int, hint: str) -> bool:
    """自研的言犀大模型, 自主研发的刀片电池: words the text says were developed in-house, ending in a kind of
    product (the name finder's class), name that product even in plain Chinese."""
    if ctx.lang.code != "zh" or not hint or not vocab().is_a(hint, _PRODUCT_SLOTS) or e - s < 4:
        return False
    if not _ZH_IN_HOUSE.search(ctx.doc.text, max(ctx.sent.start, s - 8), s):
        return False
    if "是" in ctx.doc.text[ctx.clauses[ctx.clause_of(s)][0]:s]:
        return False  # 可灵是我们完全自研的视频生成模型: the words after 的 say what kind of thing the name before 是 is
    head = ctx.doc.text[s:e]
    return not any(head.startswith(w) for w in ctx.lang.words.get("not_names") or ())


_PRODUCT_SLOTS = ["Product", "ProductSeries"]


def _zh_kind_of_copula(ctx: Context, ts: int, obj: Mention) -> bool:
    """X是…推出的“Y”Z，: after a copula, a name followed by a kind noun that ends the clause only describes
    the kind of thing X is."""
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    if not re.search(r"是", ctx.doc.text[cs:ts]) or obj.start < ts:
        return False
    rest = ctx.doc.text[obj.end:ce].lstrip("”」》\"")
    return bool(rest) and rest.rstrip("，。；,;") in _kind_words()


def _zh_in_house_span(ctx: Context, start: int, limit: int) -> list[tuple[int, int, str]]:
    """自研的扶摇架构打造: right after in-house words and 的, Chinese words ending in a kind of product, even
    when a verb follows (the name finder reads the kind as a descriptor of what comes next)."""
    text = ctx.doc.text
    m = re.compile(r"(?:自研|自主研发|自主开发|自主设计|独立研发)的").search(text, max(ctx.sent.start, start - 8), min(limit, start + 8))
    if m is None:
        return []
    nouns = sorted(((n, cls) for cls, items in (ctx.lang.words.get("class_nouns") or {}).items() for n in items
                    if vocab().is_a(cls, _PRODUCT_SLOTS)), key=lambda x: -len(x[0]))
    pos = m.end()
    for k in range(2, 7):
        if pos + k >= limit or not re.match(r"[\u4e00-\u9fff]", text[pos + k - 1]):
            break
        noun, cls = next(((n, c) for n, c in nouns if text.startswith(n, pos + k)), ("", ""))
        if noun:
            if re.match(r"[\u4e00-\u9fff]{0,3}[A-Za-z0-9“「《\"]", text[pos + k + len(noun):limit]) or \
                    any(text.startswith(w, pos) for w in ctx.lang.words.get("name_lead_words") or ()):
                return []  # 自主研发的新一代基础模型系列Amazon Nova: words that describe the name after them
            return [(pos, pos + k + len(noun), cls)]
    return []


def _maker_before(ctx: Context, s: int) -> Mention | None:
    """A company or brand written right onto a new Latin name (努比亚Flip 5G, 荣耀Magic6), after the trigger."""
    if not re.match(r"[A-Za-z]", ctx.doc.text[s:s + 1]):
        return None
    return next((m for m in ctx.mentions if m.kind == "entity" and m.end == s and m.start >= ctx.sent.start and m.cls
                 and vocab().is_a(m.cls, ["Company", "Brand"]) and re.search(r"[\u4e00-\u9fff]$", m.text)), None)


_BARE_INITIALS = re.compile(r"[A-Z]{1,2}")
_ZH_FIELD = re.compile(r"(?:领域|行业|赛道|方面|方向|市场)")


def _initials_and_kind(ctx: Context, name: str) -> bool:
    """"AI PC", "5G手机": one or two capitals (or 5G) and a kind of product, a category rather than a name."""
    m = re.fullmatch(r"(?:[A-Z]{1,2}|[0-9][A-Z])\s*(\S.*)", name)
    if m is None:
        return False
    kinds = _kind_words()
    return m.group(1).lower() in kinds or m.group(1).lower().rstrip("s") in kinds


def _org_nouns(ctx: Context) -> tuple:
    """The nouns of the language that say a name is a company's (子公司, 集团, "subsidiary")."""
    nouns = ctx.lang.words.get("class_nouns") or {}
    return tuple(n for cls in ("Company", "Organisation") for n in nouns.get(cls) or ())


@functools.lru_cache(maxsize=1)
def _kind_words() -> frozenset:
    """The class nouns of every language, lower case: a Chinese text writes "AI PC" too."""
    from ..lang import get

    return frozenset(n.lower() for code in ("zh", "en") for items in (get(code).words.get("class_nouns") or {}).values()
                     for n in items)
_EN_OBJECT_PHRASE = re.compile(r"\w*\s+(?:its|their|our|his|her|the|a|an)\s+(?!(?:same|following|next|previous|last|year|month|quarter|week|day|decade|few|couple)\b)[a-z]")


_EN_AUXILIARY = re.compile(r"(?:\s*,)?\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|got)(?:\s+(?:later|then|also|eventually|finally|subsequently))?$")
_NOT_EN_AUXILIARY = re.compile(r"[^\s,a-z]")  # what _EN_AUXILIARY cannot hold
_EN_AMOUNT_IN = re.compile(r"\s+(?:(?:about|around|roughly|nearly|some|another|a\s+further|an\s+additional|more\s+than|over|up\s+to)\s+)?"
                           r"(?:(?:US|HK|NT)?[$€£¥][\d.,]+(?:\s*(?:million|billion|trillion|bn|m)\b)?|[\d.,]+\s*(?:million|billion|trillion)\s+"
                           r"(?:U\.S\.\s+|US\s+|Hong\s+Kong\s+)?(?:dollars|euros|pounds|yen|yuan|won|kronor|crowns))"
                           r"\s+(?:in|into|for|on)\s+(?:the\s+)?(?=[A-Za-z0-9])")
# "owns about 33% of Ant", "agreed to buy 50.1 percent of Leoni": a share of the company, named after "of"
_EN_SHARE_OF = re.compile(r"\s+(?:(?:about|around|roughly|nearly|some|almost|approximately|another|a\s+further|more\s+than|over|"
                          r"just\s+over|just\s+under|less\s+than|up\s+to)\s+)?[\d.]+\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?"
                          r"(?=[A-Z0-9])")
_EN_DESCRIPTOR_NOUNS = ("designer", "rival", "specialist", "group", "provider", "supplier", "retailer", "producer", "business")


def v_is_org(classes) -> bool:
    return any(vocab().is_a(c, ["Organisation"]) for c in classes)


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
    agentless = False
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    if pat.get("buyers") and _sale_passive(ctx, ts, te, passive):
        return _sold_to(ctx, pat, ts, te)
    marked = _marked_object(ctx, pat, ts, te)
    if marked is None and pat.get("needs_marker") and (pat.get("object_marker") or {}).get(ctx.lang.code):
        return []  # 与网易等企业合作: a bare 合作 is a partnership only with its partner marked
    if marked is None and ctx.lang.code == "zh" and pat["property"] == "partnerOf" and _ZH_VENTURE.match(ctx.doc.text, te) \
            and ctx.doc.text[ts:te].endswith("合资"):
        return []  # 通过合资公司诺基亚贝尔开展业务: the name after 合资公司 is the venture, and no partner is marked
    after_words = (pat.get("object_after") or {}).get(ctx.lang.code)
    if after_words and marked is None:
        return _object_after_word(ctx, pat, ts, te, after_words)
    if marked is not None:  # 与Sixt签署合作协议, 完成了对IBM个人电脑业务的收购
        subj_m, subj = subject_of(ctx, pat["subject"], min(ts, marked.start), pat.get("subject_not", ()),
                                  pat.get("default_subject", ""))
        if subj == marked.entity_id:
            return []
        chosen = _marked_list(ctx, pat, marked, ts)
        if pat["property"] == "partnerOf":  # 与华为在鸿蒙生态、与百度在…方面展开合作: a name after the marker is a partner too
            markers = tuple((pat.get("object_marker") or {}).get(ctx.lang.code) or ())
            for _ in range(3):
                if subj_m is None or not markers or ctx.clause_of(subj_m.start) != ctx.clause_of(marked.start) or \
                        not ctx.doc.text[max(ctx.sent.start, subj_m.start - 3):subj_m.start].rstrip().endswith(markers):
                    break
                chosen = [subj_m] + [m for m in chosen if m.entity_id != subj_m.entity_id]
                subj_m, subj = subject_of(ctx, pat["subject"], subj_m.start, pat.get("subject_not", ()), pat.get("default_subject", ""))
        confidence = float(pat.get("confidence", 0.9)) * (1.0 if subj_m is not None else 0.85)
        return _each_subject(ctx, pat, ts, te, subj_m, subj, chosen, confidence) if subj else []
    relative = _relative_object(ctx, pat, ts, te) if not passive and pat.get("find_objects") else None
    if relative is not None:  # "Kling, the video-generation model that Kuaishou built itself"
        who, obj = relative
        subj = who.entity_id if who is not None else ctx.doc.organisation
        if subj and subj != obj.entity_id:
            confidence = float(pat.get("confidence", 0.9)) * (1.0 if who is not None else 0.9)
            if pat["property"] in ("acquired", "divested"):  # "GE Appliances, which Haier bought from General Electric"
                return _with_parties(ctx, pat, ts, te, who, subj, [obj], confidence)
            return _facts(ctx, pat, ts, te, who, subj, [obj], confidence)
    if pat.get("find_objects"):
        if pat.get("suffix_names") and not passive:
            _suffix_names(ctx, pat, te)
        _add_adjacent_names(ctx, pat, ts, te, passive)
    objs = ctx.entities(pat["object"], pat.get("object_not", ()))
    subj_m = None
    if not passive:
        mod = _zh_modifier(ctx, pat, te) if ctx.lang.code == "zh" and pat.get("find_objects") else None
        if mod is not None:  # 发布了基于LEAP 3.0架构的C16: LEAP 3.0 only describes what was launched
            objs = [m for m in objs if not mod[0] <= m.start < mod[1]]
        if ctx.lang.code == "zh" and not pat.get("site_names"):  # 推出了基于混元大模型的AI助手“腾讯元宝”: 混元 only describes what was launched
            objs = [m for m in objs if not ctx.doc.text.startswith("的", m.end) or not _more_after(ctx, m)
                    or pat.get("business_units") and _ZH_UNIT.match(ctx.doc.text, m.end, ctx.sent.end)  # 收购英特尔的…业务
                    or pat.get("modifies_next") and not ctx.doc.text[te:m.start].strip(" 了的")]  # 自研X芯片的Y: X is in-house
        sellers = (pat.get("sellers") or {}).get(ctx.lang.code) or []
        if sellers:
            objs = [m for m in objs if not re.search(r"\b(?:" + "|".join(re.escape(w) for w in sellers) + r")\s+(?:the\s+)?$"
                                                      if ctx.lang.code == "en" else "(?:" + "|".join(re.escape(w) for w in sellers) + ")$",
                                                      ctx.doc.text[max(ctx.sent.start, m.start - 8):m.start])]
        buyer_words = (pat.get("buyers") or {}).get(ctx.lang.code) or []
        if buyer_words:  # "sold its Chinese operations to Didi", 出售给瑞士电信: the name after "to" (给) bought it
            ends = any(ctx.doc.text[ts:te].endswith(w) for w in buyer_words)
            to = re.compile(r"\b(?:" + "|".join(map(re.escape, buyer_words)) + r")\b" if ctx.lang.code == "en"
                            else "|".join(map(re.escape, buyer_words)))
            objs = [m for m in objs if m.start < te or not ends and not to.search(ctx.doc.text, te, m.start)]
        chosen = _list_run(ctx, objs, te, ctx.sent.end)
        if chosen and ctx.lang.code == "en" and pat["property"] in _DEALS and \
                _EN_NEXT_VERB.search(ctx.doc.text, te, chosen[0].start):
            chosen = []  # "bought Thomson's TV business and formed a joint venture with Alcatel": another verb's object
        if ctx.lang.code == "zh" and pat.get("find_objects"):
            chosen = [_named_after_kind(ctx, pat, m) for m in chosen]
        if chosen and ctx.clause_of(chosen[0].start) != ctx.clause_of(ts) and (
                chosen[0].start - te > 40 or pat.get("find_objects") or pat.get("same_clause")) \
                and not _appositive(ctx, te, chosen[0], ts):
            chosen = []
        if chosen and ctx.lang.code == "zh" and pat.get("find_objects") and _zh_kind_of_copula(ctx, ts, chosen[0]):
            chosen = _copula_subject(ctx, pat, ts)  # 澎湃OS是集团自研的“人车家全生态”操作系统: the quoted words describe the 操作系统 that 澎湃OS is
        if not chosen and pat.get("site_names") and ctx.lang.code == "zh":
            chosen = _zh_new_place(ctx, te)  # 位于塞格德市: a city the lexicon lacks, told by its ending
        if pat.get("same_clause") and not chosen:
            return []  # 进入"淘汰赛"，海外市场…: what the verb takes is in its own clause, after it
        if pat.get("adjacent_objects") and chosen and not re.fullmatch(r"[\s:：,，]*(?:at|is|are|include|包括|有|如)?[\s:：]*",
                                                                        ctx.doc.text[te:chosen[0].start]):
            return []  # "partners" names them next to it, or it names nobody
        if not chosen:  # the object before the trigger, nothing after: 微信2011年推出, 今年3月发布的Blackwell
            rel = re.match(r"\s*的", ctx.doc.text[te:te + 2]) if ctx.lang.code == "zh" else None
            if rel:
                chosen = _list_run(ctx, objs, te, ce)[:1] or _copula_subject(ctx, pat, ts)
            elif has_word(ctx.doc.text[ts:te], (pat.get("agent_verbs") or {}).get(ctx.lang.code), ctx.lang.code):
                chosen = []  # "Lei first announced": before an active verb of saying stands who says it
            elif ctx.lang.code == "en" and pat.get("find_objects") and _EN_OBJECT_PHRASE.match(ctx.doc.text, te, ce):
                chosen = []  # "AWS launched its first offerings": the verb takes what follows, the name before it is its doer
            else:
                if pat.get("find_objects"):
                    _add_adjacent_names(ctx, pat, ts, te, True)
                    objs = ctx.entities(pat["object"], pat.get("object_not", ()))
                before = [m for m in objs if cs <= m.start and m.end <= ts]
                if ctx.lang.code == "en":
                    before = _past_modifiers(ctx, objs, ts, before)
                    if not before:  # "Orbix Genie, our AI travel assistant launched in 2023": the name before its description
                        before = [m for m in objs if ctx.sent.start <= m.start and _EN_DESCRIBED_BEFORE.fullmatch(ctx.doc.text, m.end, ts)][-1:]
                    while len(before) > 1 and _EN_WITH_PART.search(ctx.doc.text, before[-2].end, before[-1].start):
                        before.pop()  # "the Echo smart speaker with the voice assistant Alexa followed": the Echo followed
                    part = _EN_WITH_PART.search(ctx.doc.text, cs, before[0].start) if len(before) == 1 and pat.get("find_objects") else None
                    if part is not None:  # … and the Echo is a name the lexicon lacks
                        head = re.sub(r"(?:\s*,\s*(?:a|an|the)\b)?(?:\s+[a-z][\w\-]*){0,3}\s*$", "", ctx.doc.text[:part.start()])  # its kind: "smart speaker"
                        found = ctx.lang.name_before(head, len(head), ctx.lang.words)
                        whole = (ctx.mention_at(found[0], found[1]) or ctx.add_name(found[0], found[1], pat["object"][0])) \
                            if found and found[0] >= ctx.sent.start else None
                        before = [whole] if whole is not None and whole.cls and vocab().is_a(whole.cls, pat["object"]) else before
                chosen = before[-1:]
                makers = [m for m in ctx.entities(pat["subject"]) if cs <= m.start < ts and m.start < chosen[0].start] if chosen else []
                if makers and not (len(makers) == 1 and pat.get("find_objects")
                                   and _MAKER_POSSESSIVE[ctx.lang.code].fullmatch(ctx.doc.text, makers[0].end, chosen[0].start)):
                    chosen = []  # "Apple's iPhone ... launched" with more names about: keep to the clear cases
                    # ("GoPro's flagship HERO13 Black went on sale": the one maker right before it launched it)
        subj_m, subj = _doer(ctx, pat, ts)
        named = _name_right_before(ctx, pat, ts) if pat.get("doer_names") else None
        if named is not None and not any(named.start == m.start for m in chosen):
            subj_m, subj = named, named.entity_id  # "venture firm Accel invested": a doer the lexicon lacks
        elif named is None and pat.get("doer_names") and ctx.lang.code == "en" and _EN_NOUN_LEAD.search(ctx.doc.text, ctx.sent.start, ts):
            subj_m, subj = None, ""  # "BYD, the world's largest maker of …": the noun's doer is the name before, or none
        if subj_m is not None and any(subj_m is m or subj_m.start == m.start for m in chosen):
            subj_m, subj = None, (ctx.doc.organisation or "") if pat.get("default_subject") else ""
        if subj_m is not None and chosen and subj_m.start > chosen[0].start and subj_m.start > te:
            subj_m, subj = None, (ctx.doc.organisation or "") if pat.get("default_subject") else ""
        if subj_m is not None and subj_m.end <= ts and pat.get("find_subjects") and ctx.clause_of(subj_m.start) != ctx.clause_of(ts):
            # 推出下一代AI平台Rubin，取代Blackwell: the thing named last before the clause, not the sentence's first
            last = [m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if ctx.sent.start <= m.start and m.end <= ts
                    and m not in chosen and m.entity_id not in {c.entity_id for c in chosen}]
            subj_m, subj = (last[-1], last[-1].entity_id) if last else (None, "")
        if (subj_m is None or subj_m.start > ts) and chosen and pat.get("find_subjects"):
            found = _subject_before(ctx, pat, ts)  # "The FP5 is the successor to the FP4": a name the lexicon lacks
            if found is not None:
                subj_m, subj = found, found.entity_id
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
        glossed = _participle_after_name(ctx, cs, ts) if not before and ctx.lang.code == "en" else None
        if glossed is not None:  # "… with Three UK, owned by CK Hutchison": the name the participle follows, or nothing
            before = [m for m in objs if (m.start, m.end) == (glossed.start, glossed.end)]
            if not before:
                return []
        if not before:  # "the Xiaomi SU7 sedan, was launched": the subject of the sentence, before a comma
            # a clause that only describes a name ("the A100, built on the Ampere architecture, was launched … followed
            # by the H100") holds no argument, and its length does not count
            modifiers = [(lo, hi) for lo, hi in ctx.clauses if lo >= ctx.sent.start and hi <= ts
                         and _MODIFIER_OPENING.match(ctx.doc.text, lo)] if ctx.lang.code == "en" else []
            before = [m for m in objs if ctx.sent.start <= m.start and m.end <= ts
                      and not any(lo <= m.start < hi for lo, hi in modifiers)
                      and ts - m.end - sum(hi - lo for lo, hi in modifiers if lo >= m.end) <= 60]
            # "The A100, built on the Ampere architecture, was launched": the name that opens the
            # sentence, not the one inside the appositive between commas
            opening = [m for m in before if ctx.clause_of(m.start) == ctx.clause_of(ctx.sent.start)]
            before = opening[:1] or before
        chosen = before[-1:]
        if chosen and pat.get("objects") == "all":
            chosen = _list_before(ctx, before, chosen[0])  # 蜂巢能源、曼德和诺博均从长城孵化而来: the whole list
        # the agent: "acquired by Apple", 被美的收购
        agents = ctx.entities(pat["subject"], pat.get("subject_not", ()))
        if ctx.lang.code == "en":
            by = [m for m in agents if te <= m.start <= te + 12]
        else:
            by = [m for m in agents if chosen and chosen[-1].end <= m.start and m.end <= ts]
            if not by and chosen and mark < ts and pat.get("find_objects"):
                by = _zh_agents(ctx, pat, mark, ts)  # 由鼎峰基金领投, 被远川资本收购: agents the lexicon lacks
        owners = [m for m in agents if chosen and ctx.sent.start <= m.start and m.end <= chosen[0].start
                  and ctx.doc.text.startswith(("'s", "’s"), m.end)] if ctx.lang.code == "en" else []
        if by:
            subj_m, subj = by[0], by[0].entity_id
        elif owners:  # "Xiaomi's first car, the SU7 sedan, was launched in March 2024"
            subj_m, subj = owners[-1], owners[-1].entity_id
        else:
            subj = ctx.doc.organisation if pat.get("default_subject") else ""
            # "Zappos, the online shoe seller, acquired in 2009": a purchase told with no buyer named and
            # no rival doer before it is the text's company's (an active verb may have a doer the lexicon lacks)
            agentless = pat["property"] == "acquired" and bool(subj)
    if chosen and (subj_m is None or ctx.clause_of(subj_m.start) != ctx.clause_of(ts)) and pat.get("maker_in_name"):
        maker = _maker_in_name(ctx, pat, chosen[0])
        if maker:  # 今年3月上市的小米SU7, "the Xiaomi SU7 was launched": the maker is in the name
            subj_m, subj = None, maker
    if chosen and ctx.lang.code == "zh" and pat.get("site_names"):
        chosen, subj_m, subj = _zh_site(ctx, pat, ts, chosen, subj_m, subj)
    if chosen and ctx.lang.code == "en" and pat.get("site_names") and subj_m is not None and subj_m.end <= ts:
        subj_m = _en_site(ctx, subj_m, ts)  # "the Apple Park campus is located in": the campus, not Apple
        subj = subj_m.entity_id if subj_m is not None else ""
    if chosen and ctx.lang.code == "zh" and pat.get("subject_same_clause") and ctx.doc.text.startswith("的", chosen[0].end):
        after = _named_after_de(ctx, pat, chosen[0].end + 1)  # 位于合肥的联宝科技: what is located follows 的
        if after is not None:
            subj_m, subj = after, after.entity_id
        elif pat.get("site_names") and re.match(r"[\u4e00-\u9fff]", ctx.doc.text[chosen[0].end + 1:chosen[0].end + 2]):
            return []  # 松下位于大阪的电视机工厂: what is located is the factory, which has no name
    if not subj or not chosen:
        return []
    if pat.get("subject_same_clause") and (subj_m is None or ctx.clause_of(subj_m.start) != ctx.clause_of(ts)):
        return []  # "…建设生产基地，位于泰国": what is located is not named in the clause
    if pat.get("objects", "all") == "nearest":
        chosen = chosen[:1]
    confidence = float(pat.get("confidence", 0.9)) * (1.0 if subj_m is not None else 0.9 if agentless else 0.85)
    return _each_subject(ctx, pat, ts, te, subj_m, subj, chosen, confidence)


_DEALS = ("acquired", "divested", "investedIn")
_EN_NEXT_VERB = re.compile(r"\b(?:and|but|then|while)\s+(?:also\s+|later\s+|then\s+)?(?!(?:a|an|the|its|our|their)\b)[a-z]+ed\b")


# words between a Chinese passive's agent and its verb (由A和B联合领投)
_ZH_AGENT_TAIL = re.compile(r"(?:共同|联合|一起|独家|牵头|合计|分别|先后|也|还|已|曾|此前)+$")


def _zh_agents(ctx: Context, pat: dict, mark: int, ts: int) -> list[Mention]:
    """The agents a Chinese passive names between 被/由 and the verb that the lexicon lacks (由鼎峰基金领投,
    由远川资本和鼎峰基金联合领投): each name of the list that its ending, the name model or a noun of its kind
    says is a name; [] unless every item is one."""
    text = ctx.doc.text
    start = mark + 1
    head = _ZH_AGENT_TAIL.sub("", text[start:ts])
    items, pos = [], start
    for part in re.split(r"(、|和|及|与)", head):
        if part in ("、", "和", "及", "与"):
            pos += len(part)
            continue
        a, b = pos, pos + len(part)
        pos = b
        if not 2 <= b - a <= 12 or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9&. ]+", part):
            return []
        known = ctx.mention_at(a, b, pat["subject"])
        if known is None and (any(m.start < b and m.end > a for m in ctx.mentions if m.kind in ENTITY_KINDS and
                                  not (m.cls and vocab().is_a(m.cls, ["Place"])))
                              or not _looks_named(ctx, a, b)):
            return []
        items.append(known or ctx.add_name(a, b, pat["subject"][0]))
    return [m for m in items if m is not None] if all(items) else []


def _participle_after_name(ctx: Context, cs: int, ts: int) -> Mention | None:
    """The name a participle opening its clause right after a comma describes ("… merged with Three UK,
    owned by CK Hutchison", "the RTX 20 series, launched in 2018"): the name that ends at the comma."""
    text = ctx.doc.text
    if cs < ctx.sent.start or text[cs:ts].strip():
        return None
    comma = re.search(r"\S(?=\s*,\s*$)", text[ctx.sent.start:ts])
    if comma is None:
        return None
    end = ctx.sent.start + comma.end()
    return next((m for m in ctx.mentions if m.kind == "entity" and m.end == end), None)


def _sale_passive(ctx: Context, ts: int, te: int, passive: bool) -> bool:
    """"Motorola Mobility was sold to Lenovo", 摩托罗拉移动被出售给联想: what was sold stands before the verb."""
    if ctx.lang.code == "en":
        return passive
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    return "被" in ctx.doc.text[cs:ts]


def _sold_to(ctx: Context, pat: dict, ts: int, te: int) -> list[Fact]:
    """A sale told in the passive: the buyer after "to" (给) acquired what was sold, the thing named
    before the verb; the seller, when named ("by Google", 被谷歌出售给…), divested it."""
    text = ctx.doc.text
    lang = ctx.lang.code
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    orgs = ctx.entities(pat["subject"], pat.get("subject_not", ()))
    if pat.get("find_objects"):
        _add_adjacent_names(ctx, pat, ts, te, True)
    things = ctx.entities(pat["object"], pat.get("object_not", ()))
    mark = text.rfind("被", cs, ts) if lang == "zh" else ts
    if lang == "en":  # "Uber's Southeast Asian operations were sold to Grab": whose business, not what was sold
        things = [m for m in things if not text.startswith(("'s", "’s"), m.end)]
    before = [m for m in things if cs <= m.start and m.end <= mark]
    if lang == "en":
        before = _past_modifiers(ctx, things, ts, before)
    if not before:
        before = [m for m in things if ctx.sent.start <= m.start and m.end <= mark and mark - m.end <= 60]
        opening = [m for m in before if ctx.clause_of(m.start) == ctx.clause_of(ctx.sent.start)]
        before = opening[:1] or before
    if not before:
        return []
    thing = before[-1]
    words = (pat.get("buyers") or {}).get(lang) or []
    buyer = None
    for w in words:
        k = te if text[ts:te].endswith(w) else text.find(w, te, ce)
        if k < 0:
            continue
        k += 0 if k == te else len(w)
        buyer = _buyer_at(ctx, pat, k, ce, {thing.entity_id})
        if buyer is not None:
            break
    if lang == "en":
        by = re.search(r"\bby\s+(?:the\s+)?", text[te:ce])
        sellers = [m for m in orgs if by and m.start == te + by.end()]
    else:
        sellers = [m for m in orgs if mark < m.start and m.end <= ts]
    facts = []
    confidence = float(pat.get("confidence", 0.8))
    if buyer is not None:
        facts += _facts(ctx, {**pat, "property": "acquired"}, ts, te, buyer, buyer.entity_id, [thing], confidence)
    if sellers and sellers[0].entity_id not in (thing.entity_id, buyer.entity_id if buyer else ""):
        facts += _facts(ctx, pat, ts, te, sellers[0], sellers[0].entity_id, [thing], confidence)
    return facts


# what may stand between "sold … to" (出售给) and the buyer's name: "its rival", "funds managed by", "the
# British investor", 台湾的, 美国私募基金, 图片公司 (a descriptor ending in a kind of company)
_EN_BUYER_LEAD = re.compile(r"\s*(?:(?:its|their|our|his|her|the|a|an)\s+)?(?:(?:[a-z][\w'’-]*|[A-Z][a-z]+(?:an|ish|ese|ian|ch)|U\.S\.|UK|US)\s+){0,5}")
_ZH_BUYER_LEAD = re.compile(r"\s*了?\s*(?:[\u4e00-\u9fff]{0,10}?(?:的|公司|企业|基金|集团|巨头|平台|机构|银行|厂商|运营商|投资者|投资方))?")


def _buyer_at(ctx: Context, pat: dict, k: int, ce: int, exclude: set) -> Mention | None:
    """The buyer named after a sale's "to" (给) at ``k``, past the words that describe it, known or
    a name the lexicon lacks ("sold Vodafone Spain to Zegona", 出售给美国私募基金KPS资本)."""
    text = ctx.doc.text
    lead = (_EN_BUYER_LEAD if ctx.lang.code == "en" else _ZH_BUYER_LEAD).match(text, k, ce)
    starts = {k + len(text[k:ce]) - len(text[k:ce].lstrip())}
    if lead is not None:
        starts.add(lead.end())
        if ctx.lang.code == "en":  # "its rival Didi Chuxing": each word of the lead may be where the name starts
            starts |= {k + w.start() for w in re.finditer(r"(?<=\s)\S", text[k:lead.end()])}
    orgs = [m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if m.start in starts and m.end <= ce
            and m.entity_id not in exclude]
    if orgs:
        return min(orgs, key=lambda m: m.start)
    if not pat.get("find_objects") or lead is None:
        return None
    for s, e, hint in ctx.lang.names_after(text[:ce], lead.end(), ce, ctx.lang.words)[:1]:
        if ctx.lang.code == "zh":  # KPS资本: a name's ending that says what it names belongs to it
            e += next((len(x) for x in sorted(ctx.lang.words.get("name_suffixes") or (), key=len, reverse=True)
                       if text.startswith(x, e) and e + len(x) <= ce), 0)
        if s == lead.end() and ctx.mention_at(s, e) is None and _looks_named(ctx, s, e) and \
                (ctx.lang.code == "zh" or text[s:s + 1].isupper()):
            made = ctx.add_name(s, e, hint if hint and vocab().is_a(hint, pat["subject"]) else "Organisation")
            if made is not None and made.entity_id not in exclude:
                return made
    return None


def _longer_name(ctx: Context, pat: dict, m: Mention) -> Mention:
    """A known name that only opens a longer one of capitalised words the lexicon lacks ("Intel Capital",
    "Alibaba Ventures"): the longer name, when the text gives it as one."""
    if ctx.lang.code != "en" or not pat.get("find_objects"):
        return m
    more = re.match(r"(?:\s+[A-Z][a-z]+){1,2}\b(?!\s*[A-Z])", ctx.doc.text[m.end:ctx.sent.end])
    if more is None or any(o is not m and o.start < m.end + more.end() and o.end > m.end for o in ctx.mentions if o.kind in ENTITY_KINDS):
        return m
    return ctx.add_name(m.start, m.end + more.end(), pat["object"][0]) or m


def _object_after_word(ctx: Context, pat: dict, ts: int, te: int, words: list[str]) -> list[Fact]:
    """Objects after a word that follows the trigger in its clause: "to supply cylindrical batteries to
    Mazda and to Subaru" (the customers after "to")."""
    text = ctx.doc.text
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    ends = any(text[ts:te].lower().endswith(" " + w) for w in words)  # "funding from": the word ends the trigger
    last = next((w for w in sorted(words, key=len, reverse=True) if text[ts:te].lower().endswith(" " + w)), "")
    mark = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+(?:the\s+)?").search(text, te - len(last) if ends else te, ce)
    if ends and mark is not None and mark.start() >= te:
        mark = None
    if mark is None or mark.start() - te > 60:
        return []
    objs = ctx.entities(pat["object"], pat.get("object_not", ()))
    first = next((m for m in objs if m.start == mark.end()), None)
    if first is None:
        for s, e, hint in ctx.lang.names_after(text[:ce], mark.end(), ce, ctx.lang.words)[:1]:
            if s == mark.end() and ctx.mention_at(s, e) is None:
                first = ctx.add_name(s, e, hint if hint and vocab().is_a(hint, pat["object"]) else pat["object"][0])
    if first is None:
        return []
    invest = pat["property"] == "investedIn" and ctx.lang.code == "en"
    if invest:  # "a round led by Volkswagen's software unit CARIAD": the unit invested
        first = _unit_named(ctx, pat, first) or first
    chosen = [_longer_name(ctx, pat, first)]
    # "a round led by Tencent and with Sequoia": an investor's list goes on after "and with"
    joiner = re.compile(r"\s*(?:,\s*)?(?:and|as well as|,)\s*(?:(?:" + "|".join(map(re.escape, list(words) + (["with"] if invest else [])))
                        + r")\s+)?(?:the\s+)?")
    end = ctx.sent.end if ctx.lang.code == "en" else ce  # "investors including A, B, C and D": a list runs past its commas
    joins = []
    while True:
        j = joiner.match(text, chosen[-1].end, end)
        if not j or not j.group().strip():
            break
        nxt = next((m for m in objs if m.start == j.end()), None)
        if nxt is None and pat.get("find_objects"):  # "from Sequoia Capital and Sutter Hill Ventures": a name the lexicon lacks
            for s, e, hint in ctx.lang.names_after(text[:end], j.end(), end, ctx.lang.words)[:1]:
                if s == j.end() and ctx.mention_at(s, e) is None:
                    nxt = ctx.add_name(s, e, hint if hint and vocab().is_a(hint, pat["object"]) else pat["object"][0])
        if nxt is None:
            break
        if invest:
            nxt = _unit_named(ctx, pat, nxt) or nxt
        chosen.append(_longer_name(ctx, pat, nxt))
        joins.append(j.group())
    if any(m.start >= ce for m in chosen) and (len(chosen) < 3 or not re.search(r"\band\b", joins[-1])
                                               or any(m.kind == "pronoun" for m in chosen)):
        chosen = [m for m in chosen if m.start < ce]  # past the clause's comma only a list of three or more closed by "and"
    subj_m, subj = _doer(ctx, pat, ts)
    if subj_m is not None and subj_m.start > ts:  # the supplier comes before the verb, known or not
        head = text[:ts].rstrip()
        found = ctx.lang.name_before(head, len(head), ctx.lang.words)
        added = ctx.add_name(found[0], found[1], pat["subject"][0]) if found and found[0] >= cs and ctx.mention_at(found[0], found[1]) is None else None
        subj_m, subj = (added, added.entity_id) if added is not None else (None, ctx.doc.organisation if pat.get("default_subject") else "")
    described = _EN_DESCRIBED.search(text, ctx.sent.start, ts) if ctx.lang.code == "en" else None
    if described is not None and described.end() == ts and (subj_m is None or subj_m.end <= described.start()):
        head = text[:described.start()]
        found = ctx.lang.name_before(head, len(head), ctx.lang.words)
        known = ctx.mention_at(found[0], found[1], pat["subject"]) if found and found[0] >= ctx.sent.start else None
        if known is None:
            return []  # "…in Austin, a consortium backed by the University of Texas": the thing described, not the text's company
        subj_m, subj = known, known.entity_id  # "Nokia, a start-up backed by Google"  # "…, a consortium backed by the University of Texas": the thing described, not the text's company
    chosen = [m for m in chosen if m.entity_id != subj]
    if not subj or not chosen:
        return []
    confidence = float(pat.get("confidence", 0.9)) * (1.0 if subj_m is not None else 0.85)
    return _facts(ctx, pat, ts, te, subj_m, subj, chosen, confidence)


_EN_DESCRIBED = re.compile(r"(?:,\s*(?:a|an)\s+(?:[\w-]+\s+){1,3}|\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Oo]ur)\s+(?:[\w-]+\s+){0,2}[a-z][\w-]*,\s*)$")


def _subject_before(ctx: Context, pat: dict, ts: int) -> Mention | None:
    """The name before a copula or a comma that opens a trigger's clause ("The FP5 is the successor to",
    "the Mavic 4 Pro, successor to"), known or not."""
    text = ctx.doc.text
    head = re.sub(r"(?:\s*,)?\s*(?:(?:is|was|are|were|became|becomes|remains)\s+)?(?:(?:the|a|an)\s+)?(?:(?:direct|latest|new|natural)\s+)?$",
                  "", text[ctx.sent.start:ts], flags=re.IGNORECASE) if ctx.lang.code == "en" else ""
    if not head or len(head) == ts - ctx.sent.start:
        return None
    end = ctx.sent.start + len(head)
    known = [m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if m.end == end]
    if known:
        return known[0]
    found = ctx.lang.name_before(text[:end], end, ctx.lang.words)
    if not found or found[0] < ctx.sent.start or found[1] != end:
        return None
    hint = found[2] if found[2] and vocab().is_a(found[2], pat["subject"]) else pat["subject"][0]
    return ctx.add_name(found[0], found[1], hint)


_EN_AUX_BEFORE = re.compile(r"(?:\s+(?:has|have|had|also|later|then|first|itself|jointly|together|reportedly|previously|already))*\s*$",
                            re.IGNORECASE)
# "Epic Games, the Los Angeles developer of", "Sony is the creator of": the appositive or copula before a noun of who did it
_EN_NOUN_LEAD = re.compile(r"(?:\s*,|\s+(?:is|was|are|were|has\s+been|became|remains))\s*(?:the|a|an|its)\s+(?:[\w'’.-]+\s+){0,4}$", re.IGNORECASE)
_ZH_AUX_BEFORE = re.compile(r"(?:也|还|已|曾|又|则|先后|分别|共|再次|首次|此前|随后|同时|已经|曾经)*\s*$")


def _name_right_before(ctx: Context, pat: dict, ts: int) -> Mention | None:
    """The name that stands right before a verb, known or not ("venture firm Accel invested", 合肥产投认购), or
    before the appositive or copula of a noun ("Epic Games, the developer of"): its doer."""
    text = ctx.doc.text
    lo = ctx.sent.start
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    head = text[lo:ts]
    lead = _EN_NOUN_LEAD.search(head) if ctx.lang.code == "en" else None
    if lead is not None:
        head = head[:lead.start()]
        cs = ctx.clauses[ctx.clause_of(lo + len(head) - 1)][0] if head else cs  # the name opens the appositive's clause
    head = (_EN_AUX_BEFORE if ctx.lang.code == "en" else _ZH_AUX_BEFORE).sub("", head, count=1)
    end = lo + len(head)
    if end <= cs:
        return None
    known = [m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if m.end == end]
    if known:
        return known[-1]
    if any(m.start < end <= m.end for m in ctx.mentions):
        return None  # the word before is part of another mention (a time, a place, an amount)
    found = ctx.lang.name_before(text[:end], end, ctx.lang.words)
    if not found or found[0] < cs or found[1] != end:
        return None
    if found[2] and not vocab().is_a(found[2], pat["subject"]):
        return None
    m = ctx.add_name(found[0], found[1], found[2] or "Organisation")
    return m if m is not None and m.cls and vocab().is_a(m.cls, pat["subject"]) else None


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


@functools.lru_cache(maxsize=1024)
def _word_ends(word: str) -> tuple[re.Pattern, re.Pattern]:
    """``word`` ending a text (after no word character, spaces after it), and ``word`` ending it but for up to three
    Chinese characters: made once per word, not at each subject tried."""
    return re.compile(r"(?<![\w])" + re.escape(word) + r"\s*$"), re.compile(re.escape(word) + r"[\u4e00-\u9fff]{0,3}$")


def _doer(ctx: Context, pat: dict, ts: int):
    """The subject of an active trigger, passing over a name that only follows 从 (the seller:
    从谷歌手中收购) or 与 (a partner: 联想与NEC组建合资公司，并收购Medion)."""
    subj_m, subj = subject_of(ctx, pat["subject"], ts, pat.get("subject_not", ()), pat.get("default_subject", ""))
    skip = list(ctx.lang.words.get("not_doer_before") or []) + list((pat.get("not_doer_before") or {}).get(ctx.lang.code) or [])
    text = ctx.doc.text
    tries = 0
    while subj_m is not None and skip and tries < 3 and any(
            _word_ends(w)[0].search(text[max(ctx.sent.start, subj_m.start - 8):subj_m.start]) or
            _word_ends(w)[1].search(text[max(ctx.sent.start, subj_m.start - 6):subj_m.start])
            for w in skip):
        tries += 1
        passed = subj_m
        subj_m, subj = subject_of(ctx, pat["subject"], subj_m.start, pat.get("subject_not", ()), pat.get("default_subject", ""))
        if subj_m is not None and subj_m.start >= passed.start and pat.get("not_doer_before"):
            # iPhone通过中国联通进入…: no doer before the channel; not the channel again, the text's company
            subj_m, subj = None, (ctx.doc.organisation or "") if pat.get("default_subject") else ""
    return subj_m, subj


_ZH_VENTURE = re.compile(r"(?:企业|公司)")


def _marked_object(ctx: Context, pat: dict, ts: int, te: int) -> Mention | None:
    """An object a word marks before the trigger: the partner after 与 (比亚迪与Sixt签署合作协议),
    the thing bought after 对 in 完成了对IBM个人电脑业务的收购."""
    text = ctx.doc.text
    lang = ctx.lang.code
    cs = ctx.clauses[ctx.clause_of(ts)][0]
    if lang == "zh" and _ZH_VENTURE.match(text, te) and re.search(r"(?:成立|组建|设立|建立|创办)了?[\u4e00-\u9fff]{0,6}$", text[cs:ts]):
        cs = ctx.sent.start  # 爱立信与索尼各出资50%，成立合资企业索尼爱立信: the partner before, not the venture named after
    for key, need_de in (("object_marker", False), ("nominal", True)):
        words = (pat.get(key) or {}).get(lang) or []
        if not words:
            continue
        if need_de and not text[max(cs, ts - 2):ts].endswith("的"):
            continue
        # the nearest marker first; one inside a name (和 in 协和医院) gives no object, and the one before it is tried
        marks = sorted({k + len(w) for w in words for k in _all_at(text, w, cs, ts)}, reverse=True)[:3]
        if not marks:
            continue
        objs, best = [], marks[0]
        for best in marks:
            # 对美国供应链软件公司Blue Yonder的收购: a descriptor ending in a kind of company may come first
            reach = lambda s, b=best: s - b <= 8 or lang == "zh" and s - b <= 20 and re.search(_ZH_COMPANY_NOUN, text[b:s])  # noqa: E731
            objs = [m for m in ctx.entities(pat["object"], pat.get("object_not", ())) if best <= m.start and reach(m.start) and m.end <= ts]
            if not objs and pat.get("find_objects"):
                for s, e, hint in ctx.lang.names_after(text[:ts], best, ts, ctx.lang.words)[:1]:
                    if reach(s) and _looks_named(ctx, s, e):
                        objs = [x for x in [ctx.add_name(s, e, hint if hint and vocab().is_a(hint, pat["object"]) else pat["object"][0])] if x]
            if not objs and pat.get("find_objects") and lang == "zh" and v_is_org(pat["object"]):
                # 对破产重整中的日本尔必达（Elpida Memory）的收购: the words before a Latin gloss
                objs = [x for x in [_zh_glossed_name(ctx, pat["object"], best, ts)] if x is not None]
            if not objs and pat.get("find_objects") and lang == "zh":
                # 对预付费运营商TracFone的收购: a name in Latin letters after a descriptor of its kind, up to 的
                latin = _ZH_KIND_THEN_LATIN.match(text, best, ts)
                if latin is not None and not any(m.start < latin.end(1) and m.end > latin.start(1) for m in ctx.mentions if m.kind in ENTITY_KINDS):
                    objs = [x for x in [ctx.add_name(latin.start(1), latin.end(1), pat["object"][0])] if x is not None]
            if objs:
                break
        else:
            best = marks[0]
        if objs:
            return _unit_of(ctx, pat, objs[0], ts) or _held_whole(ctx, objs[0], ts) or objs[0]
        if lang == "zh" and pat.get("business_units"):
            # 将西班牙业务出售给…: the subject's own business in a place (or of a kind), named by its words
            unit = re.match(r"(?:所持的?|其)?([\u4e00-\u9fffA-Za-z0-9]{1,10}?(?:业务|部门))", text[best:ts])
            if unit is not None and not any(m.start < best + unit.end(1) and m.end > best + unit.start(1)
                                            for m in ctx.mentions if m.kind == "entity" and not vocab().is_a(m.cls, ["Place", "ProductCategory"])):
                made = ctx.add_name(best + unit.start(1), best + unit.end(1), "Organisation")
                if made is not None:
                    return made
    return None


@functools.lru_cache(maxsize=4)
def _suffix_name_re(suffixes: tuple) -> re.Pattern:
    alts = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True))) or "(?!)"
    return re.compile(rf"[\u4e00-\u9fffA-Za-z0-9](?:(?![、和及与等])[\u4e00-\u9fffA-Za-z0-9]){{1,10}}?(?:{alts})(?=[、和及与等，。；,;]|$)")


def _all_at(text: str, word: str, lo: int, hi: int) -> list[int]:
    """Where ``word`` starts in text[lo:hi]."""
    out, k = [], text.find(word, lo, hi)
    while k >= 0:
        out.append(k)
        k = text.find(word, k + 1, hi)
    return out


_ZH_HELD_REST = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,12}?)(?=（[^）]{1,20}）|的|股份|股权)")
_ZH_SHARES = re.compile(r"股份|股权|股票")


def _held_whole(ctx: Context, obj: Mention, ts: int) -> Mention | None:
    """将所持诺基亚西门子通信的50%股份出售: the shares are of the whole name up to 的, of which a known
    name (诺基亚) is only the start: a joint venture named after its owners."""
    if ctx.lang.code != "zh":
        return None
    m = _ZH_HELD_REST.match(ctx.doc.text, obj.end, ts)
    if m is None or not _ZH_SHARES.search(ctx.doc.text, m.end(), ts):
        return None
    return ctx.add_name(obj.start, m.end(1), "Organisation")


def _named_after_de(ctx: Context, pat: dict, pos: int) -> Mention | None:
    """The name right after 的 (位于合肥的联宝科技), known or one the name finder gives a fitting class;
    past a word that is no name (位于圣何塞的子公司Solidigm: the name after 子公司, else none)."""
    text = ctx.doc.text
    noun = next((w for w in sorted(ctx.lang.words.get("not_names") or (), key=len, reverse=True) if text.startswith(w, pos)), "")
    if noun:
        if any(m.start == pos and m.end > pos + len(noun) for m in ctx.mentions if m.kind in ENTITY_KINDS):
            noun = ""  # a known name that starts with the word
        elif not re.match(r"[A-Za-z0-9\u4e00-\u9fff]", text[pos + len(noun):pos + len(noun) + 1]):
            return None
    pos += len(noun)
    known = [m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if m.start == pos]
    site = _zh_site_name(ctx, pos, ctx.sent.end) if pat.get("site_names") else None
    if site is not None and (not known or site[1] > known[0].end):
        return ctx.add_name(site[0], site[1], site[2])  # 位于沈阳的海尔沈阳冰箱互联工厂: the whole site, not 海尔
    if known:
        return known[0]
    v = vocab()
    for s, e, hint in ctx.lang.names_after(ctx.doc.text[:ctx.sent.end], pos, ctx.sent.end, ctx.lang.words)[:1]:
        if s == pos and hint and v.is_a(hint, pat["subject"]):
            return ctx.add_name(s, e, hint)
        if s == pos and noun and not hint and _looks_named(ctx, s, e):
            return ctx.add_name(s, e, "Organisation")  # 子公司Solidigm: the noun says it is an organisation
    return None


@functools.lru_cache(maxsize=8)
def _site_end_re(nouns: tuple, suffixes: tuple) -> re.Pattern:
    alts = "|".join(re.escape(w) for w in sorted(set(nouns) | set(suffixes), key=len, reverse=True))
    return re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{1,14}?(?<!的)(?:" + alts + ")")


def _zh_site_name(ctx: Context, pos: int, limit: int) -> tuple[int, int, str] | None:
    """A Chinese name at ``pos`` that its last word says is a site or a company (海尔沈阳冰箱互联工厂,
    大疆天空之城大厦, 联宝科技): (start, end, class), the shortest such name up to 15 characters."""
    nouns = tuple(ctx.lang.words.get("facility_nouns") or ())
    suffixes = tuple(ctx.lang.words.get("company_suffixes") or ())
    if not nouns:
        return None
    m = _site_end_re(nouns, suffixes).match(ctx.doc.text, pos, limit)
    if m is None:
        return None
    end = m.end()
    word = next((w for w in sorted(nouns, key=len, reverse=True) if ctx.doc.text.endswith(w, pos, end)), "")
    generic = ctx.lang.words.get("generic_name_words") or ()
    named = any(o.start == pos and o.end < end for o in ctx.mentions if o.kind in ENTITY_KINDS
                and not (o.cls and vocab().is_a(o.cls, ["ProductCategory"])))  # 电视机工厂 is named by no one
    named = named or bool(re.match(r"[A-Za-z][A-Za-z0-9\-]{2,}[\u4e00-\u9fff]", ctx.doc.text[pos:end]))  # Fabrix研发中心: a Latin name (not AI, 5G)
    if "的" in ctx.doc.text[pos:end] or not named and ctx.doc.text[pos] in generic or end - pos - len(word) < 2 or any(o.start < end < o.end for o in ctx.mentions if o.kind in ENTITY_KINDS):
        return None  # 联想的工厂 is no name; nor is an ending that cuts a known name in two
    if word and not named:
        return None  # a site's name starts with its company's or place's (海尔沈阳冰箱互联工厂); 电视机工厂 names none
    return pos, end, "Place" if word else "Company"


_EN_SITE_TAIL = re.compile(r"((?:\s+[\w'’&\-]+){1,4}?)\s*,?\s+(?:(?:is|are|was|were|has been|have been)\s+)?(?:also\s+)?$")


def _en_site(ctx: Context, subj_m: Mention, ts: int) -> Mention | None:
    """"The Apple Park campus is located in Cupertino": words after the organisation's name say
    what is located; a site when they end with a word for a site (``facility_nouns``), else nothing
    named ("Apple's new office is located in ...")."""
    text = ctx.doc.text
    if not text[subj_m.end:ts].strip(" ,"):
        return subj_m
    if text.startswith(("'s", "’s"), subj_m.end):
        return None
    m = _EN_SITE_TAIL.fullmatch(text, subj_m.end, ts)
    nouns = {n.lower() for n in ctx.lang.words.get("facility_nouns") or ()}
    if m is None:
        return None
    words = m.group(1).split()
    if words[-1].lower() not in nouns or not any(w[:1].isupper() for w in words) or any(o.start < subj_m.end + len(m.group(1)) and o.end > subj_m.end for o in ctx.mentions if o.kind == "entity"):
        return None
    return ctx.add_name(subj_m.start, subj_m.end + len(m.group(1)), "Place")


_ZH_NEW_PLACE = re.compile(r"\s*([\u4e00-\u9fff]{2,5}?)(市|州|省|县|府)(?=[的，。；、,;\s]|$)")


def _zh_new_place(ctx: Context, te: int) -> list[Mention]:
    """位于塞格德市, 坐落于罗勇府: right after the verb, a name the lexicon lacks whose ending says it is a
    city (市) or a region (州, 省, 县, 府); a known country or region before it stays its own name."""
    text = ctx.doc.text
    pos = te
    before = next((m for m in ctx.entities(["Country", "Region"]) if m.start == te + len(text[te:m.start]) - len(text[te:m.start].lstrip())
                   and m.start - te <= 1), None)
    if before is not None:
        pos = before.end
    m = _ZH_NEW_PLACE.match(text, pos, ctx.sent.end)
    if m is None or any(o.start < m.end() and o.end > m.start(1) for o in ctx.mentions if o.kind in ENTITY_KINDS):
        return []
    found = ctx.add_name(m.start(1), m.end(), "City" if m.group(2) == "市" else "Region")
    return [found] if found is not None else []


_ZH_DISTRICT = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:新区|区|县|镇|乡|街道)")


def _zh_site(ctx: Context, pat: dict, ts: int, chosen: list[Mention], subj_m, subj: str):
    """位于芬兰奥卢的诺基亚奥卢工厂, 位于深圳南山区的大疆天空之城大厦, 海尔中央研究院位于青岛海尔工业园: the
    most specific place of the run after 位于 (a city the lexicon lacks after its country, a district
    with its city, a site after its city), and a site named before the trigger, not the company its
    name starts with."""
    text = ctx.doc.text
    ce = ctx.clauses[ctx.clause_of(ts)][1]
    last = chosen[0]
    for m in sorted(ctx.entities(pat["object"]), key=lambda m: m.start):
        if m.start == last.end:
            last = m
    place = last
    de = text.find("的", last.end, min(ce, last.end + 6))
    stop = de if de >= 0 else last.end + len(text[last.end:ce].rstrip("，,。；;！？!? "))
    gap = text[last.end:stop]
    if 2 <= len(gap) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", gap) and not re.search(r"[是在为和与的有]", gap):
        site = _zh_site_name(ctx, last.start if de < 0 else last.end, stop) if de < 0 else None
        if site is not None and site[1] == stop:  # 青岛海尔工业园: a site in the city
            place = ctx.add_name(last.start, stop, "Place") or last
        elif de >= 0 and _ZH_DISTRICT.fullmatch(gap):  # 深圳南山区: a district goes with its city
            place = ctx.add_name(last.start, stop, "City") or last
        elif de >= 0 and not any(last.end <= o.start < stop for o in ctx.mentions if o.kind in ENTITY_KINDS):
            place = ctx.add_name(last.end, stop, "City") or last  # 芬兰奥卢: the city after its country
    if subj_m is not None and subj_m.end < ts and text.startswith("的", subj_m.end):
        return [], None, ""  # 联想的工厂位于合肥: what is located is the company's, not the company
    if subj_m is None or subj_m.end <= ctx.clauses[ctx.clause_of(ts)][0]:  # 联宝科技位于合肥: a name the lexicon lacks
        cs = ctx.clauses[ctx.clause_of(ts)][0]
        starts = [cs + len(text[cs:ts]) - len(text[cs:ts].lstrip(" \u3000“"))] + \
            [o.start for o in ctx.mentions if o.kind in ENTITY_KINDS and cs <= o.start < ts]
        for k in starts:
            site = _zh_site_name(ctx, k, ts)
            if site is not None and site[1] == ts:
                found = ctx.add_name(*site)
                if found is not None:
                    return [place], found, found.entity_id
    if subj_m is not None and subj_m.end <= ts:
        site = _zh_site_name(ctx, subj_m.start, ts)
        if site is not None and site[1] == ts and site[2] == "Place":  # 海尔中央研究院位于…: the site, not 海尔
            found = ctx.add_name(site[0], site[1], site[2])
            if found is not None:
                subj_m, subj = found, found.entity_id
    return [place], subj_m, subj


def _past_descriptor(ctx: Context, s: int, e: int) -> int:
    """Where a Chinese name the lexicon lacks starts once the words describing it are passed:
    争议的皮卡Cybertruck and 电动重卡Semi are Cybertruck and Semi; 小米SU7 keeps its maker's name."""
    text = ctx.doc.text
    de = text.rfind("的", s, e)
    quoted = text[s - 1:s] in ("“", "《", "\"", "「") and text[e:e + 1] in ("”", "》", "\"", "」")
    if de >= 0 and not quoted and not any(m.start <= de < m.end for m in ctx.mentions if m.kind in ENTITY_KINDS):
        s = de + 1  # 争议的皮卡Cybertruck; not “美的美言”, whose 的 is the maker's name inside the quoted name
    latin = re.search(r"[A-Za-z0-9]", text[s:e])
    if latin is None or latin.start() == 0:
        return s
    head_end = s + latin.start()
    if latin.group().isdigit():  # 星火4.0, 红魔9: a number names nothing without the name before it
        known = [m.start for m in ctx.mentions if m.kind in ENTITY_KINDS and s <= m.start < head_end and m.end <= e]
        if known:
            return min(known)  # 被麒麟9010: the known name, not the word before it
        while s < head_end and text[s] in _ZH_NOT_NAME_START:
            s += 1
        return s
    covered = [m for m in ctx.mentions if m.kind in ENTITY_KINDS and m.start >= s and m.end <= head_end]
    if covered:
        return s
    return s if _series_stem(ctx, s, head_end) else head_end


def _series_stem(ctx: Context, s: int, e: int) -> bool:
    """地宝X8 PRO, 畅行S9, 芙万Stretch: two Chinese characters written onto a Latin model name are its line's name,
    unless they are a kind of product (皮卡Cybertruck, 手机X9), a word that leads a name (旗舰, 新款) or a common
    word no name is (公司); longer Chinese words before the model describe it (电动重卡Semi)."""
    head = ctx.doc.text[s:e]
    if not re.fullmatch(r"[\u4e00-\u9fff]{2}", head) or any(ch in _ZH_NOT_IN_STEM for ch in head):
        return False
    words = ctx.lang.words
    if head in (words.get("name_lead_words") or ()) or head in (words.get("not_names") or ()) or head in _kind_words():
        return False
    return not any(m.kind in ENTITY_KINDS and m.start < e and m.end > s for m in ctx.mentions)


_ZH_NOT_NAME_START = set("被将由把让对向在于和与及的了是为已也")
_ZH_NOT_IN_STEM = _ZH_NOT_NAME_START | set("年月日号随个其中这该此那每各款代")  # 年随HERO6: a time and a preposition, no line's name


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
    if GLOSS.match(text, e):
        return True  # 天巡（Skyscanner）: the text spells it in Latin letters too
    if re.search(r"[A-Za-z0-9]", text[s:e]) or text[s - 1:s] in ("“", "《", "\"", "「") \
            or text[e:e + 1] in ("”", "》", "\"", "」") or all(ch in sounds for ch in text[s:e]):  # 德尔玛克: spelt by sound
        return True
    from ..lang import zh

    if zh.kind_name_end(text, s, ctx.sent.end, ctx.lang.words) == e or zh.in_kind_list(text, s, e, ctx.lang.words):
        return True  # 厂商苏州恒驰电子, 红岭创投、启明星辰资本等机构: a noun of its kind says it is an organisation's name
    base = ctx.sent.start  # 三洋电机: the name model says it is a name
    return any((base + a, base + b) == (s, e) for a, b, _ in ctx.lang.model_names(ctx.sent.text, s - base))


_ZH_COMPANY_NOUN = r"(?:公司|企业|商|集团|平台|品牌|机构)$"
_ZH_KIND_THEN_LATIN = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:公司|企业|商|集团|平台|品牌|机构)([A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+){0,3})(?=\s*的)")


def _marked_list(ctx: Context, pat: dict, first: Mention, ts: int) -> list[Mention]:
    """The marked object and those coordinated with it (我们和英伟达、微软在混合AI上展开了深度合作)."""
    if pat.get("objects", "all") != "all" or pat.get("business_units"):
        return [first]
    run = _list_run(ctx, ctx.entities(pat["object"], pat.get("object_not", ())), first.start, ts)
    run = run if run and run[0] is first else [first]
    if ctx.lang.code == "zh" and pat.get("find_objects"):  # 与安徽省立医院、北京协和医院等机构合作: names the lexicon lacks
        text, pos = ctx.doc.text, run[-1].end
        while len(run) < 8:
            j = re.match(r"(?:、|以及|和|及|与)", text[pos:ts])
            if j is None:
                break
            spans = ctx.lang.names_after(text[:ts], pos + j.end(), ts, ctx.lang.words)[:1]
            if not spans or spans[0][0] != pos + j.end():  # 上海瑞华医院: a name its ending tells, jieba splitting it
                ending = _suffix_name_re(tuple(ctx.lang.words.get("name_suffixes") or ())).match(text, pos + j.end(), ts)
                spans = [(ending.start(), ending.end(), "")] if ending else []
            if not spans or spans[0][0] != pos + j.end():
                break
            s, e, hint = spans[0]
            found = ctx.mention_at(s, e) or (ctx.add_name(s, e, hint if hint and vocab().is_a(hint, pat["object"]) else pat["object"][0])
                                             if _looks_named(ctx, s, e) else None)
            if found is None or not (found.cls and vocab().is_a(found.cls, pat["object"])):
                break
            run.append(found)
            pos = e
    return run


_ZH_UNIT = re.compile(r"(?:（[^）]{1,20}）)?(的|旗下的?|)(?:大部分|全部|部分|大部分的|全部的)?((?:[A-Za-z0-9\u4e00-\u9fff]+[和与及][A-Za-z0-9\u4e00-\u9fff]+|(?![的和与及])[\u4e00-\u9fffA-Za-z0-9 ]){1,14}?(?:业务|部门|资产))"
                      r"(?:（([A-Za-z][A-Za-z0-9 .\-]{1,20})）|\s*([A-Z][A-Za-z0-9&\-]*(?: [A-Z][A-Za-z0-9&\-]*){0,3}))?")
# a company's name less the place before it and the company word after it (英国马可尼公司 -> 马可尼)
_ZH_ORG_CORE = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|集团)$")
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
    if ctx.lang.code == "zh":
        core = _ZH_ORG_CORE.sub("", org.text)
        place = next((p for p in ctx.entities(["Place"]) if p.start == org.start and p.end < org.end), None) or \
            next((p for s, e, eid, cls in org.parts if s == org.start and e < org.end and vocab().is_a(cls, ["Place"])
                  for p in [Mention(s, e, text[s:e], "entity", eid, cls)]), None)
        if place is not None and not (org.from_lexicon and org.entity_id != place.entity_id):
            # 英国马可尼公司 -> 马可尼; not 德州仪器 (a known name whose first word is a place: 德州 + 仪器)
            core = core[len(place.text):] if core.startswith(place.text) else core
        head = core or org.text
        sep = " " if re.match(r"[A-Za-z0-9]", words) and re.search(r"[A-Za-z0-9]$", head) else ""
        name = f"{head}{sep}{words}"  # 英国马可尼公司的电信业务 -> 马可尼电信业务; IBM的x86服务器业务 -> IBM x86服务器业务
        own = m.group(3) or m.group(4)
        if own:  # 富士通旗下个人电脑业务（FCCL）, 通用电气旗下的家电业务GE Appliances: the unit's own name
            name, start, end = own, m.start(3) if m.group(3) else m.start(4), m.end(3) if m.group(3) else m.end(4)
    written = f"{org.text}{m.group(1)}{words}" if ctx.lang.code == "zh" and m.group(1) and not (m.group(3) or m.group(4)) else ""
    known = ctx.mention_at(start, end)
    if known is not None:
        return known
    v = vocab()
    for c in [c for c in ctx.mentions if start <= c.start and c.end <= end and c.cls and v.is_a(c.cls, ["ProductCategory"])]:
        ctx.mentions.remove(c)  # IBM的个人电脑业务: the category is a word of the unit's name
    eid_unit = ctx.add_name(start, end, "Organisation")
    if eid_unit is None:
        return None
    # the new mention's label is the name as written; keep a tidy one (IBM个人电脑业务), also known by the
    # unit's words alone (智能汽车开发业务, "NAND and solid-state-drive business") and, in English, as written
    # with the owner's "'s"
    bare = words.strip()
    also = [bare] if len(bare.split()) >= 2 or ctx.lang.code == "zh" and len(bare) >= 4 else []
    if ctx.lang.code == "en":
        also.append(text[org.start:m.end(1)])
    elif written:  # and as written, less a gloss: 德州仪器的存储器业务, 滴滴出行旗下的…业务
        also.append(written)
    ctx.name_also(eid_unit.entity_id, also, label=name)
    ctx.unit_owners[eid_unit.entity_id] = org
    return eid_unit


_SHARE_CLASS = re.compile(r"[ABHN]股|股份|股权|股票|[A-F]\+*轮")  # 诺基亚B轮融资: the round, not a name "诺基亚B"


# "a round led by Volkswagen's software unit CARIAD": the company's unit named after its own noun
_EN_UNIT_NAMED = re.compile(r"[''’]s?\s+(?:[\w-]+\s+){0,3}?(?:unit|subsidiary|arm|division|affiliate)\s*,?\s+(?:the\s+)?", re.IGNORECASE)


def _unit_named(ctx: Context, pat: dict, obj: Mention) -> Mention | None:
    """The unit that invested, named after its parent's possessive and a word for a unit ("Volkswagen's
    software unit CARIAD", "Sony's venture arm Orvex"), not the parent; none when no name follows."""
    m = _EN_UNIT_NAMED.match(ctx.doc.text, obj.end, ctx.sent.end)
    if m is None:
        return None
    found = next((u for u in ctx.entities(pat["object"], pat.get("object_not", ())) if u.start == m.end()), None)
    if found is None:  # a name the lexicon lacks
        for s, e, _ in ctx.lang.names_after(ctx.doc.text[:ctx.sent.end], m.end(), ctx.sent.end, ctx.lang.words)[:1]:
            if s == m.end() and _looks_named(ctx, s, e):
                found = ctx.add_name(s, e, pat["object"][0])
    return found


def _share_class(ctx: Context, obj: Mention) -> Mention:
    """减持比亚迪H股, 谷歌持有的华为股份: the company whose shares are dealt in, not a name "比亚迪H" or "华为股份"."""
    if obj.from_lexicon or ctx.lang.code != "zh":
        return obj
    for cut in (1, 2):
        if len(obj.text) > cut and _SHARE_CLASS.match(ctx.doc.text, obj.end - cut) and \
                _SHARE_CLASS.match(ctx.doc.text, obj.end - cut).end() >= obj.end:
            end = obj.end - cut
            part = next((Mention(s, e, ctx.doc.text[s:e], "entity", eid, cls) for s, e, eid, cls in obj.parts
                         if s == obj.start and e == end), None)
            found = ctx.mention_at(obj.start, end) or part
            if found is not None:
                return found
    return obj


_ZH_AGENT = re.compile(r"(?:(?<=[，,；;：:])|(?<=并|则|再|改))由(?=[^，。；由]{1,20}$)")  # not 路由器, 理由
_ZH_HELD_BY = re.compile(r"(?:[（(][^（）()]{1,30}[)）])?(?:所持有|所持|持有|手里|手中|手上)的?")  # 基立福（Grifols）所持有的: past the gloss; 沃达丰手里的: in its hands
_EN_STAKE_IN = re.compile(r"\b(?:a|an)\s+(?:minority\s+|small\s+|[\d.]+\s*(?:%|percent)\s+)?(?:stake|shareholding|interest)\s+in\s+(?:the\s+)?$", re.IGNORECASE)


def _asset_re(pat: dict, lang: str) -> re.Pattern | None:
    nouns = (pat.get("asset_nouns") or {}).get(lang) or []
    if not nouns:
        return None
    alt = "|".join(re.escape(w) for w in sorted(nouns, key=len, reverse=True))
    if lang == "zh":  # 通用汽车位于泰国罗勇府的整车工厂, 梅赛德斯-奔驰在巴西的工厂, 对英特尔业务的收购
        return re.compile(rf"(?:(?:位于|在)[^，。；,;]{{1,16}}?的|的|)(?:{alt})")
    # "General Motors' Rayong plant", "the Iracemápolis plant in Brazil"
    return re.compile(rf"(?:['’]s?)?\s+(?:[A-Z][\w.-]*\s+){{0,3}}(?:{alt})\b")


def _asset_of(ctx: Context, pat: dict, obj: Mention) -> bool:
    """"acquired General Motors' Rayong plant", 买下梅赛德斯-奔驰在巴西的工厂: the deal is about a site or
    assets of the company named, not the company (nor is the company the seller of itself)."""
    regex = _asset_re(pat, ctx.lang.code)
    return regex is not None and ctx.unit_owners.get(obj.entity_id) is None and \
        regex.match(ctx.doc.text, obj.end, ctx.sent.end) is not None


def _completed_period(ctx: Context, pat: dict, ts: int) -> PeriodRef | None:
    """"宣布以62亿美元收购Vonage，交易于2022年7月完成", "agreed in March 2019 … and completed in April 2020":
    a deal's time is when it was completed, told after the trigger in the same sentence."""
    words = (pat.get("completion_words") or {}).get(ctx.lang.code) or []
    if not words:
        return None
    text = ctx.doc.text
    for m in ctx.periods():
        if m.start < ts or m.end > ctx.sent.end or not m.period.year:
            continue
        if _future(ctx, m.start):
            continue  # 预计于2025年完成, "expected to close in 2025": not yet
        if ctx.lang.code == "zh":
            # the deal is the one completed (交易于…完成), not the next one told (2022年又完成了对…的收购)
            cs = ctx.clauses[ctx.clause_of(m.start)][0]
            nouns = (pat.get("deal_nouns") or {}).get("zh") or []
            if any(text.startswith(w, k) for k in range(m.end, min(m.end + 3, ctx.sent.end)) for w in words) and \
                    any(w in text[cs:m.start] for w in nouns):
                return m.period.plain()
        else:
            before = text[max(ts, m.start - 30):m.start]
            # "completed in April 2020", "took over in July 2021", "closed the deal on March 18"
            if re.search(r"\b(?:%s)(?:\s+(?:the|its|this|that)\s+(?:deal|purchase|acquisition|takeover|transaction|merger))?\s+(?:in|on|at)\s+$"
                         % "|".join(re.escape(w) for w in words), before):
                return m.period.plain()
    return None


def _minority_stake(ctx: Context, ts: int, obj: Mention) -> bool:
    """"bought about 5 percent of Tesla", 收购X 20%的股权: less than half of it."""
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    shares = [m for m in ctx.mentions if m.kind == "quantity" and m.quantity.unit == "Percent" and cs <= m.start < ce
              and (abs(m.start - obj.start) < 40 or ts <= m.start < obj.start)]
    return bool(shares) and all(m.quantity.value < 50 for m in shares)


_MAJORITY = {"en": re.compile(r"\b(?:majority|controlling)\s+(?:stake|interest|shareholding)\b", re.IGNORECASE),
             "zh": re.compile(r"控股权|控制权|多数股权|绝对控股")}


def _majority_stake(ctx: Context, ts: int, te: int, obj: Mention) -> bool:
    """"took a majority stake in Riot Games", 取得控股权, 持股51%: more than half of it."""
    cs, ce = ctx.clauses[ctx.clause_of(ts)]
    regex = _MAJORITY.get(ctx.lang.code)
    if regex is not None and regex.search(ctx.doc.text, max(cs, ts - 20), min(ce, te + 20)):
        return True
    shares = [m for m in ctx.mentions if m.kind == "quantity" and m.quantity.unit == "Percent" and cs <= m.start < ce
              and (abs(m.start - obj.start) < 40 or ts <= m.start < obj.start)]
    return bool(shares) and all(m.quantity.value > 50 for m in shares)


# the joiners of a list of doers (A、B和C投资了X, "Tencent, Alibaba and Baidu invested"): not the Chinese comma,
# which ends a clause of its own (收购了A，B投资了C)
_SUBJECT_JOINER = re.compile(r"\s*(?:（[^）]{1,20}）|\([^)]{1,20}\))?\s*(?:、|和|及|以及|,\s*and|,|and)\s*")


def _each_subject(ctx: Context, pat: dict, ts: int, te: int, subj_m, subj: str, chosen: list[Mention],
                  confidence: float) -> list[Fact]:
    """The facts of every doer listed before the trigger when the pattern says ``subjects: all``
    (上汽、比亚迪和长城汽车等车企均曾投资地平线, "Tencent, Alibaba and Baidu invested in Lenovo"), else of the one."""
    if pat.get("subjects") != "all" or subj_m is None or subj_m.end > ts:
        return _with_parties(ctx, pat, ts, te, subj_m, subj, chosen, confidence)
    taken = {m.entity_id for m in chosen}
    pool = [m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if ctx.sent.start <= m.start and m.end <= subj_m.start
            and m.entity_id not in taken]
    run = [subj_m]
    for m in reversed(pool):
        if m.end > run[0].start or not _SUBJECT_JOINER.fullmatch(ctx.doc.text, m.end, run[0].start):
            break
        run.insert(0, m)
    # … and after it (腾讯、阿里巴巴和百度等均曾投资: the doer was taken before 和, which may mark a partner)
    for m in sorted((m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if subj_m.end <= m.start and m.end <= ts
                     and m.entity_id not in taken), key=lambda m: m.start):
        if m.start < run[-1].end or not _SUBJECT_JOINER.fullmatch(ctx.doc.text, run[-1].end, m.start):
            break
        run.append(m)
    if len(run) == 2 and "," in ctx.doc.text[run[0].end:run[1].start]:
        run = [subj_m]  # "Lenovo bought Motorola, and Tencent invested": two clauses, not a list of two
    out: list[Fact] = []
    for m in run:
        out += _with_parties(ctx, pat, ts, te, m, m.entity_id, chosen, confidence)
    return out


def _with_parties(ctx: Context, pat: dict, ts: int, te: int, subj_m, subj: str, chosen: list[Mention],
                  confidence: float) -> list[Fact]:
    """The facts, plus what a deal says of the other party: the owner of a unit bought and the
    seller ("从谷歌手中收购摩托罗拉移动", "from SoftBank") divested it; the buyer ("sold X to Y") acquired it."""
    chosen = [_unit_of(ctx, pat, m, ctx.sent.end) or m for m in chosen]
    chosen = [m for m in chosen if not _asset_of(ctx, pat, m)]
    if ctx.lang.code == "en":  # "Uber's Southeast Asian operations were sold to Grab": before the verb, a possessive
        # names whose business was sold, not what was sold
        chosen = [m for m in chosen if m.start >= ts or not ctx.doc.text.startswith(("'s", "’s"), m.end)]
    then_not = (pat.get("object_then_not") or {}).get(ctx.lang.code)
    if then_not:  # 持有诺基亚的专利, 投资了诺基亚的子公司: the name only describes what the verb takes
        chosen = [m for m in chosen if not re.match(then_not, ctx.doc.text[m.end:ctx.sent.end])]
    gap_not = (pat.get("object_gap_not") or {}).get(ctx.lang.code)
    if gap_not and chosen:  # "investing in AI together with partners like Nokia": not what was invested in
        first = min(chosen, key=lambda m: m.start)
        lo, hi = (te, first.start) if first.start >= te else (first.end, ts)
        if re.search(gap_not, ctx.doc.text[lo:hi]):
            return []
    chosen = [_share_class(ctx, m) for m in chosen]
    if pat["property"] == "investedIn" and ctx.lang.code == "en":
        chosen = [_unit_named(ctx, pat, m) or m for m in chosen]
    held_by = None
    if ctx.lang.code == "zh" and len(chosen) == 2 and chosen[0].end == chosen[1].start and not chosen[1].from_lexicon:
        whole = ctx.add_name(chosen[0].start, chosen[1].end, "Organisation")  # 收购东芝映像解决方案公司: one name, not two
        chosen = [whole] if whole is not None else chosen
    agent = _ZH_AGENT.search(ctx.doc.text, max(ctx.sent.start, ts - 30), ts) if ctx.lang.code == "zh" and \
        pat["property"] == "acquired" else None
    if agent is not None:
        # 诺基亚与法国政府达成协议，由法国政府收购其子公司ASN: the buyer follows 由; the subject named before sells
        buyer = next((m for m in ctx.entities(pat["subject"], pat.get("subject_not", ())) if m.start == agent.end()
                      and re.fullmatch(r"\s*", ctx.doc.text[m.end:ts])), None)
        if buyer is None:
            return []
        if buyer.entity_id != subj:
            held_by = subj_m if subj_m is not None and subj_m.entity_id == subj else None
            subj_m, subj = buyer, buyer.entity_id
    if ctx.lang.code == "zh" and pat["property"] == "acquired" and len(chosen) == 1 and _ZH_HELD_BY.match(ctx.doc.text, chosen[0].end):
        # 收购谷歌持有的华为股份: 谷歌 held what was bought; the thing bought is the name after
        after = _ZH_HELD_BY.match(ctx.doc.text, chosen[0].end).end()
        nxt = next((m for m in ctx.entities(pat["object"], pat.get("object_not", ())) if after <= m.start <= after + 2), None)
        if nxt is None and pat.get("find_objects"):  # 所持有的上海莱士20%股份: a name the lexicon lacks, up to the stake
            for s, e, _ in ctx.lang.names_after(ctx.doc.text[:ctx.sent.end], after, ctx.sent.end, ctx.lang.words)[:1]:
                share = re.search(r"\s*[0-9][0-9.]*$", ctx.doc.text[s:e]) if ctx.doc.text.startswith(("%", "％"), e) else None
                e = s + share.start() if share is not None else e
                if s <= after + 2 and e > s and _looks_named(ctx, s, e):
                    nxt = ctx.add_name(s, e, pat["object"][0])
        if nxt is None:
            return []
        held_by, chosen = chosen[0], [_share_class(ctx, nxt)]
    if not chosen:
        return []
    if pat["property"] == "acquired" and len(chosen) == 1 and (_minority_stake(ctx, ts, chosen[0]) or ctx.lang.code == "en"
                                                                 and _EN_STAKE_IN.search(ctx.doc.text, te, chosen[0].start)
                                                                 and not _majority_stake(ctx, ts, te, chosen[0])):
        pat = {**pat, "property": "investedIn"}  # "acquired a stake in Google": a stake, not the company
    elif pat["property"] == "investedIn" and len(chosen) == 1 and _majority_stake(ctx, ts, te, chosen[0]):
        pat = {**pat, "property": "acquired"}  # "took a majority stake in Riot Games", 取得控股权: it bought the company
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
    owner = ctx.unit_owners.get(obj.entity_id) or held_by
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
    # … and a stake bought from its holder (受让基立福所持有的上海莱士20%股份): the holder sold it
    if owner is not None and (pat["property"] == "acquired" or pat["property"] == "investedIn" and owner is held_by):
        ev = evidence(ctx, [span(owner), (ts, te), span(obj)], pat["id"], confidence * 0.95)
        extra.append(Fact("relation", owner.entity_id, "divested", obj.entity_id,
                          attrs(period=period, value=attrs_of.get("value"), unit=attrs_of.get("unit")), (ev,)))
    buyers = (pat.get("buyers") or {}).get(lang) or []
    if pat["property"] == "divested" and buyers:
        for w in buyers:
            k = text.find(w, obj.end, ce)
            if k < 0:
                k = text.find(w, te, ce) if lang == "zh" else -1
            if k < 0 and lang == "en":  # "sold Innomotics, its large-drives business, to KPS": past the appositive
                apposed = _EN_APPOSED_TO.match(text, obj.end, ctx.sent.end)
                k = apposed.end() - len(w) - 1 if apposed and apposed.group(1) == w else -1
            if k >= 0:
                # 诺基亚西门子通信…出售给诺基亚: not itself
                after = [x for x in [_buyer_at(ctx, pat, k + len(w), max(ce, ctx.clauses[ctx.clause_of(k)][1]), {subj, obj.entity_id})]
                         if x is not None]
                if after:
                    ev = evidence(ctx, [span(after[0]), (ts, te), span(obj)], pat["id"], confidence * 0.95)
                    extra.append(Fact("relation", after[0].entity_id, "acquired", obj.entity_id,
                                      attrs(period=period, value=attrs_of.get("value"), unit=attrs_of.get("unit")), (ev,)))
                    break
    return facts + extra


_EN_APPOSED_TO = re.compile(r"\s*,(?:\s*(?:its|a|an|the|our|their)\b[^,.;]{0,60},)?\s*(to)\s")
_BACK_JOINER = re.compile(r"\s*(?:（[^）]{1,20}）|\([^)]{1,20}\))?\s*(?:、|，|,|和|及|与|以及|and|, and)\s*")


def _list_before(ctx: Context, before: list[Mention], last: Mention) -> list[Mention]:
    """The names of a list that ends at ``last`` (A、B和C, "A, B and C"), each joined to the next by a
    list's joiner with nothing else between, in the order written."""
    run = [last]
    for m in reversed([m for m in before if m.end <= last.start]):
        if m.end > run[0].start or not _BACK_JOINER.fullmatch(ctx.doc.text, m.end, run[0].start):
            break
        run.insert(0, m)
    return run


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
        if slot and pat.get("new_names") == "typed" and not v.is_a(cls, [slot]):
            continue  # the name's own words must give the slot's class (委员会, "Committee"), not the pattern
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

