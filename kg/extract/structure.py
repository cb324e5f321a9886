"""Facts told by how names are written: a place in a museum's name, a product named after
its series, a country standing for its region, a named site and the place it is in."""
from __future__ import annotations

import functools
import re

from ..iris import vocab
from ..types import Fact, Mention
from .context import Context, evidence, nearest, span
from .patterns import words_re


def modifiers(ctx: Context) -> list[Fact]:
    pats = ctx.patterns
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
    ev = evidence(ctx, [span(head), span(mod)], pat["id"], float(pat.get("confidence", 0.9)))
    return Fact("relation", head.entity_id, pat["property"], mod.entity_id, (), (ev,))


def series(ctx: Context) -> list[Fact]:
    pats = ctx.patterns
    """A product named after a series named in the same sentence belongs to it:
    小米MIX 2 and 小米MIX系列; Galaxy S9 and the Galaxy S series."""
    facts = []
    v = vocab()
    for pat in pats.series:
        words = sorted((pat.get("series_words") or {}).get(ctx.lang.code, []), key=len, reverse=True)
        ents = [m for m in ctx.mentions if m.kind == "entity" and m.cls]
        for series in (m for m in ents if v.is_a(m.cls, pat["series"])):
            if not _written_as_series(ctx, series, words):
                continue  # "Redmi K70系列 … Redmi", "Blackwell … Blackwell Ultra": a name shared, no series told
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
                    ev = evidence(ctx, [span(prod), span(series)], pat["id"], float(pat.get("confidence", 0.8)))
                    facts.append(Fact("relation", prod.entity_id, pat["property"], series.entity_id, (), (ev,)))
        facts += _series_lists(ctx, pat)
        facts += _series_member_named(ctx, pat)
    return facts


@functools.lru_cache(maxsize=64)
def _series_member_re(words: tuple, lang: str) -> re.Pattern:
    """The regex of ``_series_member_named`` for its series words."""
    alts = "|".join(re.escape(w) for w in words)
    if lang == "zh":
        return re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9\-]*(?: [A-Za-z0-9\-]+)?|[\u4e00-\u9fff]{2,4})(?:" + alts + r")的?(?:首款|第[一二三四五六七八九十0-9]+款|最新款|新款|旗舰)"
                          r"[\u4e00-\u9fff]{0,4}?(?:车型|机型|产品|型号|手机|芯片|车|款)?\s*(?P<member>[A-Za-z0-9][A-Za-z0-9+\-]*(?:\s?[A-Z0-9][A-Za-z0-9+\-]*){0,3})")
    return re.compile(r"(?P<name>(?!(?:The|Its|Our|This|Their)\b)[A-Z][\w\-]*(?:\s+[A-Z0-9][\w\-]*){0,2})\s+(?:" + alts + r")(?:['’]s?)?\s+(?:(?:first|second|third|fourth|fifth|"
                      r"latest|newest|new|flagship|entry-level|top-end|cheapest)\s+)+(?:[a-z][\w\-]*\s+){0,2}?(?:models?|cars?|phones?|chips?|members?|products?|vehicles?|SUV)"
                      r"\s*,?\s+(?:the\s+)?(?P<member>[A-Z0-9][\w\-+]*(?:\s+[A-Z0-9][\w\-+]*){0,3})")


@functools.lru_cache(maxsize=64)
def _series_copula_re(words: tuple, lang: str) -> re.Pattern:
    """A model said to belong to a series: X属于Y系列, X是Y系列的首款车型, "X is part of the Y series"."""
    alts = "|".join(re.escape(w) for w in words)
    if lang == "zh":
        return re.compile(r"(?P<member>[A-Za-z0-9][A-Za-z0-9+\-]*(?:\s?[A-Z0-9][A-Za-z0-9+\-]*){0,3})(?:[\u4e00-\u9fff]{0,4}?(?:车型|机型|手机|芯片))?"
                          r"(?:也|同样|均)?(?:属于|隶属于|归属于|是)(?P<name>[A-Za-z0-9][A-Za-z0-9\-]*(?: [A-Za-z0-9\-]+)?|[\u4e00-\u9fff]{2,4})(?:" + alts
                          + r")(?:[。，；]|的(?:首款|第[一二三四五六七八九十0-9]+款|最新款|新款|旗舰|一员|成员|一款|入门款|高端款))")
    # "X is part of the Y series", "X, part of the Y line,", "X belongs to the Y family", "X is the latest in the Y series",
    # "X and Z are the newest members of the Y family" (the names before are taken by ``_series_member_named``)
    return re.compile(r"(?P<member>(?!(?:The|It|Its|This|That)\b)[A-Z0-9][\w\-+]*(?:\s+[A-Z0-9][\w\-+]*){0,3})"
                      r"(?:\s+(?:is|was|are|were|became|remains)\s+(?:(?:also|now|still)\s+)?|\s*,\s*|\s+(?=belongs?\b))"
                      r"(?:(?:part|a\s+member|members|one|the\s+(?:first|second|third|fourth|latest|newest|top|flagship|entry-level|cheapest)"
                      r"(?:\s+(?:model|models|member|members|addition|additions|product|products|phone|phones|car|cars|chip|chips))?)\s+(?:of|in|to)"
                      r"|in|belongs?\s+to)\s+(?:the\s+|its\s+|their\s+|our\s+)?"
                      r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z0-9][\w\-]*){0,2})\s+(?:" + alts + r")\b")


def _series_member_named(ctx: Context, pat: dict) -> list[Fact]:
    """A model named right after its series and its place in it: 零跑B系列首款车型B10, X系列的第三款机型Y, "B series first
    model B10", "the Tank series' newest model, the Tank 700": the model belongs to the series (named, as in
    ``_series_lists``, without the series word; a maker's name before it is no part of it)."""
    words = sorted((pat.get("series_words") or {}).get(ctx.lang.code, []), key=len, reverse=True)
    # both regexes below need one of the words as written (no case folding): a sentence without any
    # is not scanned (a name pattern tried at every character was ~3% of Chinese extraction)
    if not words or not any(w in ctx.sent.text for w in words):
        return []
    facts = []
    text = ctx.doc.text
    v = vocab()
    matches = list(_series_member_re(tuple(words), ctx.lang.code).finditer(ctx.sent.text)) + \
        list(_series_copula_re(tuple(words), ctx.lang.code).finditer(ctx.sent.text))
    for m in matches:
        base = ctx.sent.start
        ns, ne = base + m.start("name"), base + m.end("name")
        maker = next((o for o in ctx.mentions if o.kind == "entity" and o.start == ns and o.end < ne and o.cls
                      and v.is_a(o.cls, ["Organisation", "Brand"])), None)
        if maker is not None:  # 零跑B系列: the maker's name, then the series'
            ns = maker.end
            while ns < ne and text[ns] == " ":
                ns += 1
        series = next((x for x in ctx.entities(pat["series"]) if x.start <= ns and x.end >= ne), None)
        if series is None:
            if any(o.start < ne and o.end > ns for o in ctx.mentions if o.kind == "entity") or ne - ns < 1:
                continue
            word = next((w for w in words if text.startswith(w, ne + (ctx.lang.code == "en"))), "")
            # with its series word (B系列, "B series"): a one-letter name alone would name nothing (the graph also
            # names it without the word)
            series = ctx.add_name(ns, ne + (ctx.lang.code == "en") + len(word), pat["series"][0]) if word else None
        ms, me = base + m.start("member"), base + m.end("member")
        for other in _members_before(ctx, pat, ms) if ctx.lang.code == "en" else ():
            if series is not None and other.entity_id != series.entity_id:  # "the X5 and X7 are the newest members of"
                ev = evidence(ctx, [span(other), span(series)], pat["id"], float(pat.get("confidence", 0.8)))
                facts.append(Fact("relation", other.entity_id, pat["property"], series.entity_id, (), (ev,)))
        member = next((x for x in ctx.entities(pat["member"]) if x.start == ms and x.end <= me), None)
        if member is None:
            if any(o.start < me and o.end > ms for o in ctx.mentions if o.kind == "entity"):
                continue
            member = ctx.add_name(ms, me, pat["member"][0])
        if series is None or member is None or member.entity_id == series.entity_id:
            continue
        ev = evidence(ctx, [span(series), span(member)], pat["id"], float(pat.get("confidence", 0.8)))
        facts.append(Fact("relation", member.entity_id, pat["property"], series.entity_id, (), (ev,)))
    return facts


def _members_before(ctx: Context, pat: dict, pos: int) -> list[Mention]:
    """The products listed right before ``pos`` ("the Orbix 5 and Orbix 7 are …": the Orbix 5 before the Orbix 7)."""
    text = ctx.doc.text
    out = []
    while len(out) < 6:
        join = re.search(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$", text[max(ctx.sent.start, pos - 12):pos])
        if join is None:
            break
        end = pos - len(join.group())
        found = ctx.lang.name_before(text[:end], end, ctx.lang.words)
        if not found or found[1] != end or found[0] < ctx.sent.start:
            break
        m = ctx.mention_at(found[0], found[1]) or ctx.add_name(found[0], found[1], pat["member"][0])
        if m is None or not m.cls or not vocab().is_a(m.cls, pat["member"]):
            break
        out.append(m)
        pos = m.start
    return out


def _written_as_series(ctx: Context, series: Mention, words: list[str]) -> bool:
    """Is the series named as one here (小米MIX系列, "the Galaxy S series"), its series word in or right after
    the mention? A brand or platform the lexicon files as a series, named bare, names no series."""
    text = ctx.doc.text
    low = series.text.lower().rstrip()
    after = text[series.end:series.end + 12].lstrip().lower()
    return any(low.endswith(w.lower()) or after.startswith(w.lower()) for w in words)


_ZH_LIST_ITEM = re.compile(r"([A-Za-z0-9][A-Za-z0-9 .\-]{0,15}|[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{0,7}?)\s*(、|和|及|以及|与|等|。|，|；|$)")


@functools.lru_cache(maxsize=64)
def _series_list_re(words: tuple, verbs: tuple, lang: str) -> re.Pattern:
    """The regex of ``_series_lists`` for its words (made once, not at each sentence)."""
    alts = "|".join(re.escape(w) for w in words)
    verb_alts = "|".join(re.escape(w) for w in sorted(verbs, key=len, reverse=True))
    if lang == "zh":
        return re.compile(r"(?P<name>[A-Za-z0-9\u4e00-\u9fff]{1,8}?)(?:" + alts + r")(?:的[\u4e00-\u9fff]{0,6}?(?:车型|产品|机型|型号|款式))?"
                          r"(?:则|还|主要|目前|共|已)?(?:" + verb_alts + r")[:：]?")
    # ("the Orbix family of chips, including the Orbix 5 and Orbix 7": what the series holds, then a comma)
    return re.compile(r"(?:\b(?i:the|its|our|their)\s+|^\s*|[,;]\s+|\b(?:unveiled|launched|introduced|announced)\s+)(?P<name>[A-Z][\w\-]*(?:\s+[A-Z0-9][\w\-]*){0,2})\s+(?:" + alts
                      + r")(?:\s+of\s+[a-z][\w\-]*)?\s*,?\s+(?:" + verb_alts
                      + r")(?:\s+(?:two|three|four|five|several)\s+(?:versions|models|variants|trims))?[\s,:]*(?:the\s+)?")


def _series_lists(ctx: Context, pat: dict) -> list[Fact]:
    """The models a series is said to include: 王朝系列的代表车型包括汉、唐、秦、宋, 海洋系列则包括海豹、海豚、海鸥等,
    "The Romo line comes in three versions, the Romo S, Romo A and Romo P", "the Dynasty series includes Qin,
    Han and Tang". The series is a known one or a name before the series word (named without the word)."""
    words = sorted((pat.get("series_words") or {}).get(ctx.lang.code, []), key=len, reverse=True)
    verbs = (pat.get("list_verbs") or {}).get(ctx.lang.code) or []
    if not words or not verbs:
        return []
    regex = _series_list_re(tuple(words), tuple(verbs), ctx.lang.code)
    facts = []
    for m in regex.finditer(ctx.sent.text):
        base = ctx.sent.start
        ns, ne, end = base + m.start("name"), base + m.end("name"), base + m.end()
        series = next((s for s in ctx.entities(pat["series"]) if s.start <= ns and s.end >= ne), None)
        if series is None:
            inside = [o for o in ctx.mentions if o.kind == "entity" and o.start < ne and o.end > ns]
            if inside and not all(ns <= o.start and o.end <= ne for o in inside):
                continue
            series = ctx.add_name(ns, ne, pat["series"][0])
        if series is None:
            continue
        items = _list_items(ctx, pat, end)
        for item in items:
            if item.entity_id == series.entity_id:
                continue
            # the list is one stretch: the items before this one are no rivals of it
            ev = evidence(ctx, [span(series), (items[0].start, item.end)], pat["id"], float(pat.get("confidence", 0.8)))
            facts.append(Fact("relation", item.entity_id, pat["property"], series.entity_id, (), (ev,)))
    return facts


def _zh_kind_prefix(ctx: Context) -> re.Pattern:
    """Words ending in a kind of product (data/lang/zh.yaml class_nouns) right before a Latin name: 多模态模型Nova Lite."""
    return _kind_prefix_re(tuple(sorted((n for items in (ctx.lang.words.get("class_nouns") or {}).values() for n in items),
                                        key=len, reverse=True)))


@functools.lru_cache(maxsize=4)
def _kind_prefix_re(nouns: tuple) -> re.Pattern:
    return re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + "|".join(map(re.escape, nouns)) + r")(?=[A-Za-z])")


def _list_items(ctx: Context, pat: dict, pos: int) -> list[Mention]:
    """The names listed from ``pos`` (known products, or short names the lexicon lacks), two at least."""
    text = ctx.doc.text
    end = ctx.sent.end
    found, spans = [], []
    if ctx.lang.code == "zh":
        kind = _zh_kind_prefix(ctx)
        while pos < end:
            d = kind.match(text, pos, end)  # 文本模型Nova Micro、折叠屏手机Mate X5: the kind before each name
            pos = d.end() if d else pos
            m = _ZH_LIST_ITEM.match(text, pos, end)
            if m is None:
                return []
            spans.append((m.start(1), m.end(1)))
            pos = m.end()
            if m.group(2) not in ("、", "和", "及", "以及", "与"):
                break
    else:
        for m in re.finditer(r"(?:the\s+)?([A-Z0-9][\w\-]*(?:\s+[A-Z0-9][\w\-]*){0,3})(\s*,\s*(?:and\s+)?|\s+and\s+|)", text[pos:end]):
            if m.start() != (spans[-1][2] if spans else 0):
                break
            spans.append((pos + m.start(1), pos + m.end(1), m.end()))
            if not m.group(2):
                break
        spans = [(a, b) for a, b, _ in spans]
    if len(spans) < 2:
        return []
    for s, e in spans:
        known = ctx.mention_at(s, e, pat["member"])
        if known is None and any(o.start < e and o.end > s for o in ctx.mentions if o.kind == "entity"):
            continue
        found.append(known or ctx.add_name(s, e, pat["member"][0]))
    return [f for f in found if f is not None]


def representatives(ctx: Context) -> list[Fact]:
    pats = ctx.patterns
    facts = []
    for pat in pats.representatives:
        regex = words_re(pat["triggers"].get(ctx.lang.code) or [], ctx.lang.code)
        if regex is None:
            continue
        reps = ctx.entities(pat["representative"])
        regions = ctx.entities(pat["represented"])
        for m in regex.finditer(ctx.sent.text):
            ts, te = ctx.sent.start + m.start(), ctx.sent.start + m.end()
            # the two nearest, one of each type, around the trigger within ~30 characters
            rep = nearest([r for r in reps if abs(r.end - ts) < 30 or abs(r.start - te) < 30], ts)
            reg = nearest([r for r in regions if abs(r.start - te) < 30 or abs(r.end - ts) < 30], te)
            if rep is None or reg is None:
                continue
            # the trigger stands between the two: "以印尼为代表的东盟", "Russia, represented by the Eastern European"
            if not ((rep.end <= ts and reg.start >= te) or (reg.end <= ts and rep.start >= te)):
                continue
            ev = evidence(ctx, [span(rep), (ts, te), span(reg)], pat["id"], float(pat.get("confidence", 0.8)))
            facts.append(Fact("relation", rep.entity_id, pat["property"], "market:" + reg.entity_id, (), (ev,)))
    return facts




def facilities(ctx: Context) -> list[Fact]:
    """A named site and where it is: "the Haier Egypt Eco-Park in 10th of Ramadan City", "Gigafactory
    Texas near Austin", 深圳腾讯滨海大厦 (a place, then a name made of a company's and a site's word).
    The site's words come from ``facility_nouns`` in the language file; the site becomes a place."""
    nouns = tuple(ctx.lang.words.get("facility_nouns") or ())
    places = ctx.entities(["Place"]) if nouns else []
    if not places and not (nouns and ctx.lang.code == "en" and _EN_CAMPUS.search(ctx.sent.text)):
        return []  # (a site on a named campus needs no place the lexicon knows)
    text = ctx.doc.text
    site = _site_re(nouns, ctx.lang.code)
    facts = []
    if ctx.lang.code == "en":
        for m in site.finditer(ctx.sent.text):
            s, e = ctx.sent.start + m.start(1), ctx.sent.start + m.end(1)
            at = ctx.sent.start + m.end()
            where = next((p for p in places if p.start == at), None) or _town_of(ctx, at) or _campus_of(ctx, at)
            if where is None or len(m.group(1).split()) < 2:
                continue  # "a plant in Texas": no name of its own
            found = ctx.mention_at(s, e) or ctx.add_name(s, e, "Place")
            if found is not None and found.entity_id != where.entity_id:
                facts.append(_site_fact(ctx, found, where))
        facts.extend(_kind_after_name(ctx, places))
        facts.extend(_located_at_of(ctx, nouns))
    else:
        orgs = {o.start: o for o in ctx.entities(["Organisation"])}
        for p in places:
            org = orgs.get(p.end)
            m = site.match(text, org.end, ctx.sent.end) if org is not None else None
            if m is None:
                continue
            found = ctx.add_name(org.start, m.end(), "Place")  # 深圳 + 腾讯滨海大厦
            if found is not None:
                facts.append(_site_fact(ctx, found, p))
        facts.extend(_built_in(ctx, site, places, orgs))
    return facts


_ZH_PLACE_AFTER = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:州|省|市|县|府)")


def _built_in(ctx: Context, site: re.Pattern, places: list[Mention], orgs: dict) -> list[Fact]:
    """海尔在美国南卡罗来纳州建设了海尔美国南卡工厂: a site named after a company (its name, a site word),
    built or opened (``site_verbs``) in the place that 在 marks before the verb, in one clause; the
    most specific place of the run after 在."""
    verbs = tuple(ctx.lang.words.get("site_verbs") or ())
    if not verbs:
        return []
    text = ctx.doc.text
    facts = []
    for p in places:
        if text[p.start - 1:p.start] != "在":
            continue
        last = p
        for q in sorted(places, key=lambda m: m.start):
            if q.start == last.end:
                last = q  # 美国南卡罗来纳州: the state, not the country
        cs, ce = ctx.clauses[ctx.clause_of(p.start)]
        more = _ZH_PLACE_AFTER.match(text, last.end, ce)  # 美国南卡罗来纳州: a state the lexicon lacks, told by its ending
        if more is not None and any(o.start < more.end() and o.end > last.end for o in ctx.mentions if o.kind == "entity"):
            more = None
        verb = re.compile(r"(?:" + "|".join(map(re.escape, sorted(verbs, key=len, reverse=True))) + r")了?(?:一座|一家|一个)?").match(
            text, more.end() if more else last.end, ce)
        if verb is None:
            continue
        org = orgs.get(verb.end())
        of = 1 if org is not None and text.startswith("的", org.end) else 0  # 设立了Trip.com的亚太区域总部
        m = site.match(text, org.end + of, ce) if org is not None else None
        if m is None or m.end() - org.end - of < 2 or (of and not re.fullmatch(r"\s*(?:[，。；;,]|$)", text[m.end():m.end() + 1])):
            continue  # with 的, the site words end the clause: not 设立了小米的研发中心负责人
        if of and text[org.end + 1:m.end()] in ctx.lang.words.get("facility_nouns", ()):
            continue  # 华为的研发中心: a kind of site, no name of its own (亚太区域总部, 欧洲研发中心 are)
        if more is not None:
            last = ctx.add_name(last.end, more.end(), "City" if more.group().endswith("市") else "Region") or last
        found = ctx.mention_at(org.start, m.end()) or ctx.add_name(org.start, m.end(), "Place")
        if found is not None:
            if of and found.entity_id in ctx.new_names:
                ctx.name_also(found.entity_id, [text[org.start:org.end] + text[org.end + 1:m.end()]])  # also Trip.com亚太区域总部
            facts.append(_site_fact(ctx, found, last))
    return facts


_EN_CAMPUS = re.compile(r"(?:(?:its|their|our|the)\s+)?((?:[A-Z][\w'’\-]*\s+){0,3}[A-Z][\w'’\-]*)\s+(?:campus|complex|compound)\b")


def _campus_of(ctx: Context, pos: int) -> Mention | None:
    """"the Steve Jobs Theater on its Apple Park campus": a site inside a named campus (the name before the word)."""
    m = _EN_CAMPUS.match(ctx.doc.text, pos, ctx.sent.end)
    if m is None or any(o.start < m.end(1) and o.end > m.start(1) and not (m.start(1) <= o.start and o.end <= m.end(1))
                        for o in ctx.mentions if o.kind == "entity"):
        return None
    return ctx.mention_at(m.start(1), m.end(1)) or ctx.add_name(m.start(1), m.end(1), "Place")


def _kind_after_name(ctx: Context, places: list[Mention]) -> list[Fact]:
    """"its Apple Park campus in Cupertino", "the Toyota Motor Manufacturing Kentucky plant in Georgetown": a name
    of two capitalised words or more, then a lower-case word for a kind of site (``site_kind_nouns``), then where.
    The site is the name; a name that is only a company's or a place's ("the General Motors plant") names no site."""
    kinds = tuple(ctx.lang.words.get("site_kind_nouns") or ())
    if not kinds:
        return []
    facts = []
    for m in _kind_after_name_re(kinds).finditer(ctx.sent.text):
        s, e = ctx.sent.start + m.start(1), ctx.sent.start + m.end(1)
        own = re.search(r"['’]s\s+", ctx.doc.text[s:e])
        if own is not None:  # "GM's Talegaon plant", "LG Display's LCD plant": the owner's, the site named after it
            s += own.end()
            if len(ctx.doc.text[s:e].split()) < 2:
                continue
        pos = ctx.sent.start + m.end()
        where = next((p for p in places if p.start == pos), None) or _town_of(ctx, pos)
        if where is None:
            continue
        inside = [o for o in ctx.mentions if o.kind == "entity" and o.start < e and o.end > s]
        if any(o.start <= s and o.end >= e for o in inside) or any(o.start < s for o in inside):
            continue  # "the General Motors plant", "South Carolina plant": a company's or a place's name, no site's own
        found = ctx.add_name(s, e, "Place")
        if found is not None and found.entity_id != where.entity_id:
            facts.append(_site_fact(ctx, found, where))
    return facts


@functools.lru_cache(maxsize=4)
def _kind_after_name_re(kinds: tuple) -> re.Pattern:
    alts = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    return re.compile(r"(?<![\w'’&\-])((?!(?:The|A|An|Its|Our|Their|This|That|Each|In|At|On|By|For)\s)[A-Z][\w'’&\-]*(?:\s+[A-Z0-9][\w'’&\-]*){1,5})"
                      r"\s+(?:" + alts + r")\s+(?:in|at|near|outside)\s+(?:the\s+)?")


def _located_at_of(ctx: Context, nouns: tuple) -> list[Fact]:
    """A machine translation's word order: "Located at Shanghai Golden Bridge of Nokia Bell Golden Bridge Factory"
    (位于上海金桥的诺基亚贝尔金桥工厂): the place first, then "of", then the named site. The place is the capitalised
    words after "at"/"in" when a known place opens them."""
    facts = []
    text = ctx.doc.text
    for m in _located_of_re(nouns).finditer(ctx.sent.text):
        ps, pe = ctx.sent.start + m.start(1), ctx.sent.start + m.end(1)
        ss, se = ctx.sent.start + m.start(2), ctx.sent.start + m.end(2)
        opening = next((p for p in ctx.entities(["Place"]) if p.start == ps and p.end <= pe), None)
        if opening is None or len(m.group(2).split()) < 2:
            continue
        if any(o.start < pe and o.end > pe for o in ctx.mentions if o.kind == "entity"):
            continue
        where = opening if opening.end == pe else ctx.add_name(ps, pe, "Place")
        site = ctx.mention_at(ss, se) or ctx.add_name(ss, se, "Place")
        if where is not None and site is not None and site.entity_id != where.entity_id and text[ps:pe] != text[ss:se]:
            facts.append(_site_fact(ctx, site, where))
    return facts


@functools.lru_cache(maxsize=4)
def _located_of_re(nouns: tuple) -> re.Pattern:
    alts = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(r"\b(?i:located|situated|locate|locates)\s+(?:at|in)\s+(?:the\s+)?([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,4})\s+of\s+(?:the\s+)?"
                      r"((?:[A-Z0-9][\w'’&\-]*\s+){0,6}(?:" + alts + r"))\b")


@functools.lru_cache(maxsize=8)
def _site_re(nouns: tuple, lang: str) -> re.Pattern:
    alts = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    if lang == "en":  # not "The" opening the sentence; "the BYD Rayong Plant, located in Rayong"
        return re.compile(r"\b((?!(?:The|A|An|Its|Our|Their|This|That|Each)\s)(?:[A-Z0-9][\w'’&\-]*\s+){0,5}(?:" + alts + r")(?:\s+(?:for|of)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?|\s+[A-Z][\w\-]*)?)"
                          r"(?:\s*,?\s+(?:(?:is|are|was|were)\s+)?(?:located|situated|based|sited))?\s+(?:in|at|near|outside|on)\s+(?:the\s+)?")
    return re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{0,6}?(?:" + alts + ")")


_EN_TOWN = re.compile(r"((?:[A-Z][\w'’\-]*|of|de|la|el)(?:\s+(?:[A-Z0-9][\w'’\-]*|of|de|la|el)){0,3}),\s+")


_EN_CITY = re.compile(r"(?:[A-Z0-9][\w'’\-]*\s+(?:(?:of|de|la|el)\s+)?){1,3}City\b")


def _town_of(ctx: Context, pos: int) -> Mention | None:
    """"in Gruenheide, Germany", "in Arlington, Virginia": a town the lexicon lacks, told by the
    region or country written after it; it becomes a city."""
    city = _EN_CITY.match(ctx.doc.text, pos, ctx.sent.end)  # "in 10th of Ramadan City": the word says it is a city
    if city is not None and not any(o.start < city.end() and o.end > pos for o in ctx.mentions if o.kind == "entity"):
        return ctx.add_name(pos, city.end(), "City")
    m = _EN_TOWN.match(ctx.doc.text, pos, ctx.sent.end)
    if m is None or not m.group(1)[0].isupper() or any(o.start < m.end(1) and o.end > pos for o in ctx.mentions if o.kind == "entity"):
        return None
    if not any(p.start == m.end() and vocab().is_a(p.cls, ["Region", "Country"]) for p in ctx.entities(["Place"])):
        return None
    return ctx.add_name(pos, m.end(1), "City")


def _site_fact(ctx: Context, site: Mention, where: Mention) -> Fact:
    ev = evidence(ctx, [span(site), span(where)], "facility-in", 0.8)
    return Fact("relation", site.entity_id, "locatedIn", where.entity_id, (), (ev,))
