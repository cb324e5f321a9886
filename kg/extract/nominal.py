"""Relations told by a noun between two names: a subsidiary, unit or brand of a company, its
parent, its shareholder.

The shapes (nouns, their properties and directions come from ``nominal:`` in
``data/patterns.yaml``):

* owner, noun, name: 比亚迪旗下子公司比亚迪电子, 比亚迪的品牌仰望, "Xiaomi's car unit, Xiaomi EV",
  "Fujitsu and its 1Finity unit";
* name, owner, noun: 摩托罗拉是联想的全资子公司, "Motorola, Lenovo's smartphone business";
* name, noun of owner: "FinDreams, the battery unit of BYD", "Y, a subsidiary of Z";
* owner with a list of names: 比亚迪形成了比亚迪、腾势、仰望、方程豹四大品牌, "brands such as A, B and C".
"""
from __future__ import annotations

import dataclasses
import functools
import re

from .. import lexicon
from ..iris import vocab
from ..types import Fact, Mention
from .context import ORG, ENTITY_KINDS, Context, attrs, event_period, evidence, span
from .patterns import words_re

# between the names of a list, an aside in brackets allowed (拯救者（Legion）、YOGA); after the list, 四大 / 等
_LIST_JOINER = re.compile(r"\s*(?:（[^）]{1,20}）|\([^)]{1,20}\))?\s*(?:、|,|，|和|及|与|and|or|, and)\s*")
# after "A与B": a verb of joint action makes B A's partner, not one more name of a list
_JOINT_ACT = re.compile(r"\s*(?:[(（][^)）]{1,20}[)）])?\s*(?:在[^，。；]{0,12}?|正式|已|已经|还|也|共同|今年|去年)?(?:合作|签署|签订|签约|达成|联合|携手|共同|成立|组建|合资|结成|建立|开展|展开|推出|宣布)"
                        r"|\s+(?:signed|agreed|formed|partnered|teamed|announced|set up|will|have|has|jointly)\b")
_LIST_TAIL = re.compile(r"\s*(?:等)?(?:[一二三四五六七八九十两0-9]+\s*(?:大|个|家|款)[\u4e00-\u9fff]{0,4}"
                        r"|[一二三四五六七八九十两0-9]+|several|four|three|five)?\s*")
NOT_OWNER = ["StockExchange", "RankingList", "ResearchFirm"]


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for entry in ctx.patterns.nominal:
        if (entry.get("list_nouns") or {}).get(ctx.lang.code) and ctx.lang.code == "zh":
            facts += _units_listed(ctx, entry)
        if entry.get("unit_names"):
            facts += _unit_names(ctx, entry)
        if entry.get("parent_named"):
            facts += _parent_named(ctx, entry)
        if (entry.get("compounds") or {}).get(ctx.lang.code):
            facts += _compounds(ctx, entry)
        facts += _entry(ctx, entry)
        if ctx.doc.organisation and ctx.sent.start > 0 and ctx.doc.text[ctx.sent.start - 1] == "\n":
            facts += _heading_list(ctx, entry)
        if ctx.lang.code == "en" and (entry.get("unit_names") or {}).get("en"):
            facts += _en_unit_names(ctx, entry)
        if ctx.lang.code == "en" and entry.get("named_list"):
            facts += _named_list(ctx, entry)
            facts += _en_counted_list(ctx, entry)
            facts += _en_open_list(ctx, entry)
    return _formed(ctx, facts)


def _formed(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """Units the sentence says were formed (``formed`` words: 联想集团将业务整合为三大业务集团：A、B和C, 组建了子公司X,
    "set up its grocery arm X") are dated by that event's time, as any event is."""
    lang = ctx.lang.code
    words = next((e["formed"][lang] for e in ctx.patterns.nominal if (e.get("formed") or {}).get(lang)), None)
    if not words or not facts:
        return facts
    text = ctx.doc.text
    out = []
    for f in facts:
        verb = None
        if f.predicate == "subOrganizationOf" and f.attr("period") is None and f.evidence:
            ev = f.evidence[0]  # the verb in the clause that names the unit: not 小米2010年成立，旗下子公司X
            unit = [m for m in ctx.mentions if m.entity_id == f.subject and ev.start <= m.start and m.end <= ev.end]
            us, ue = (unit[-1].start, unit[-1].end) if unit else (ev.start, ev.end)
            lo = max([ctx.sent.start] + [text.rfind(c, ctx.sent.start, us) + 1 for c in "，,；;"])
            hi = min([ctx.sent.end] + [i for i in (text.find(c, ue, ctx.sent.end) for c in "，,；;") if i >= 0])
            verb = next(iter(words_re(words, lang).finditer(text, lo, hi)), None)
        period = event_period(ctx, ctx.sent.start, ctx.sent.end, verb.start(), verb.end()) if verb is not None else None
        out.append(dataclasses.replace(f, attrs=attrs(period=period)) if period is not None else f)
    return out


@functools.lru_cache(maxsize=16)
def _heading_re(nouns: tuple) -> re.Pattern:
    alts = "|".join(map(re.escape, sorted(nouns, key=len, reverse=True)))
    return re.compile(r"[【\[#*\s]*(?:(?:主要|旗下|核心|重要)(?:的)?|(?:Main|Major|Key|Principal|Our|Its)\s+)?(?:" + alts + r")[】\]*:：\s]*",
                      re.IGNORECASE)


def _heading_list(ctx: Context, entry: dict) -> list[Fact]:
    """A list of names right under a heading that is the noun (【主要子公司】, "Subsidiaries", 旗下品牌：): in a profile,
    the text's company's units or brands. Every item must look like a name, at least two."""
    text = ctx.doc.text
    lang = ctx.lang.code
    nouns = (entry.get("nouns") or {}).get(lang) or []
    if not nouns or entry.get("owner_is") or entry.get("defers"):
        return []
    line = text[max(0, ctx.sent.start - 80):ctx.sent.start].rstrip().rsplit("\n", 1)[-1].strip()
    if not line or not _heading_re(tuple(nouns)).fullmatch(line):
        return []
    end = ctx.sent.end
    while end > ctx.sent.start and text[end - 1] in "。.；; \n":
        end -= 1
    if text.endswith("等", ctx.sent.start, end) or text.endswith("etc", ctx.sent.start, end):
        end -= 1 if lang == "zh" else 3
    start = _SPACE.match(text, ctx.sent.start).end()
    if lang == "zh":
        items = _split_items(ctx, start, end, "、|以及|和|及")
    else:
        items, pos = [], start
        for part in re.split(r"(\s*,\s*and\s+|\s*,\s*|\s+and\s+)", text[start:end]):
            if re.fullmatch(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+", part):
                pos += len(part)
                continue
            e = pos + len(re.split(r"\s*\(", part)[0])
            if not re.fullmatch(r"[A-Z0-9][\w.&'’\-]*(?:\s+[A-Za-z0-9][\w.&'’\-]*){0,4}", text[pos:e]):
                return []
            items.append((pos, e))
            pos += len(part)
    if len(items) < 2:
        return []
    owner = _implied(start, ctx.doc.organisation)
    classes = entry.get("named") or ORG
    out = []
    for a, b in items:
        thing = ctx.mention_at(a, b) or (ctx.add_name(a, b, classes[0]) if not any(  # 佳能医疗系统 holds 佳能: a unit's name
            o.start < b and o.end > a and not (a <= o.start and o.end <= b) for o in ctx.mentions if o.kind in ENTITY_KINDS) else None)
        if thing is None or thing.entity_id == owner.entity_id or thing.cls and not vocab().is_a(thing.cls, classes):
            continue
        ev = evidence(ctx, [(a, b)], f"nominal-{entry['property']}", _confidence(entry, owner))
        out.append(Fact("relation", thing.entity_id, entry["property"], owner.entity_id, (), (ev,)))
    return out


@functools.lru_cache(maxsize=8)
def _regional_re(ends: tuple) -> re.Pattern:
    return re.compile(r"[（(]([^（()）]{1,10})[）)](?:" + "|".join(map(re.escape, sorted(ends, key=len, reverse=True))) + ")")


def regional_units(ctx: Context) -> list[Fact]:
    """A company named as its owner with a place in brackets and a company ending (小米（印度）有限公司,
    松下电器（中国）有限公司): the owner's company in that place, a name of its own (made before the other
    extractors read the sentence, so that what is said of it is not said of the owner)."""
    entry = next((e for e in ctx.patterns.nominal if (e.get("name_ends") or {}).get(ctx.lang.code)), None)
    if entry is None:
        return []
    if "（" not in ctx.sent.text and "(" not in ctx.sent.text:
        return []
    named = _regional_re(tuple(entry["name_ends"][ctx.lang.code]))
    v = vocab()
    out = []
    for owner in ctx.entities(ORG, NOT_OWNER):
        if owner.kind != "entity" or owner.start < ctx.sent.start:
            continue
        m = named.match(ctx.doc.text, owner.end)
        if m is None or not any(p.kind == "entity" and p.cls and v.is_a(p.cls, ["Place"]) and (p.start, p.end) == m.span(1)
                                for p in ctx.mentions):
            continue  # 小米（Xiaomi）有限公司: an aside, not a place
        thing = ctx.add_name(owner.start, m.end(), "Company")
        if thing is None or thing.entity_id == owner.entity_id:
            continue
        ev = evidence(ctx, [span(thing)], f"nominal-{entry['property']}", float(entry.get("confidence", 0.8)))
        out.append(Fact("relation", thing.entity_id, entry["property"], owner.entity_id, (), (ev,)))
    return out


def _parent_named(ctx: Context, entry: dict) -> list[Fact]:
    """A unit named with its parent's name and a word or two (JD Logistics, Amazon Robotics, 京东零售,
    特斯拉能源) in a text about the parent: the company the text is about, which opens the name, owns it
    (another company's name so built, in passing, may be a product or a brand). Not when the rest names
    another company or a place (Sony Ericsson, Vodafone Spain), is a word of a company's legal form or
    another ``parent_named.not_tails`` word (Haier Group, 小米生态链), or when the name is the company's
    own (a former name the lexicon lists, as Hyundai Electronics of SK Hynix)."""
    spec = entry["parent_named"]
    lang = ctx.lang.code
    v = vocab()
    not_tails = tuple(w.lower() for w in (spec.get("not_tails") or {}).get(lang) or ()) + \
        tuple(w.lower() for w in ctx.lang.words.get("legal_forms") or ())
    not_classes = spec.get("not_classes") or []
    text = ctx.doc.text
    out = []
    for unit in ctx.entities(ORG, NOT_OWNER + list(not_classes)):
        if unit.kind != "entity" or unit.start < ctx.sent.start or not unit.parts:
            continue
        head = min(unit.parts, key=lambda p: (p[0], -p[1]))
        s, e, parent, cls = head
        if s != unit.start or parent == unit.entity_id or parent != ctx.doc.organisation or parent in ctx.new_names \
                or not cls or not v.is_a(cls, ["Company"]):
            continue
        if any(p is not head and p[0] >= e for p in unit.parts):
            continue  # Sony Ericsson, Vodafone Spain: the rest names another company or a place
        tail = text[e:unit.end]
        words = (re.fullmatch(r"\s+([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,2})", tail) if lang == "en"
                 else re.fullmatch(r"([\u4e00-\u9fff]{2,5})", tail))
        if words is None or words.group(1).lower().startswith(not_tails) or \
                any(w.lower() in not_tails for w in words.group(1).split()):
            continue
        if unit.entity_id in ctx.new_names:
            labels = ctx.new_names[unit.entity_id].labels
        else:
            info = lexicon.load().info(unit.entity_id)
            labels = info.labels if info is not None else ()
        if not any(label.startswith(text[s:e]) for _, label in labels):
            continue  # Hyundai Electronics: a former name of SK Hynix, not a unit of Hyundai
        ev = evidence(ctx, [span(unit)], f"nominal-{entry['property']}", _confidence(entry, unit) * 0.9)
        out.append(Fact("relation", unit.entity_id, entry["property"], parent, (), (ev,)))
    return out


def _units_listed(ctx: Context, entry: dict) -> list[Fact]:
    """A list closed by 等 and a word calling them units (商汤医疗、商汤绝影等几个独立发展的业务, 旗下还有讯飞智元、
    讯飞教育等业务板块): each name made of a company's name and one word more (or a company the lexicon
    knows that holds it: 京东物流) is that company's unit; other names are left (元萝卜家庭机器人)."""
    text = ctx.doc.text
    if "等" not in ctx.sent.text:
        return []
    nouns = "|".join(map(re.escape, sorted(entry["list_nouns"]["zh"], key=len, reverse=True)))
    out = []
    for m in re.finditer(r"等(?:[一二三四五六七八九十几两多0-9]+\s*(?:个|大|家|项))?[\u4e00-\u9fff]{0,8}?(?:" + nouns + ")", ctx.sent.text):
        closed = ctx.sent.start + m.start()
        lo = _clause_start(ctx, closed)
        parts, pos = [], lo
        for part in re.split(r"(、|以及|和|及)", text[lo:closed]):
            if part not in ("、", "以及", "和", "及"):
                parts.append((pos, pos + len(re.split(r"\s*[（(]", part)[0])))
            pos += len(part)
        if len(parts) < 2:
            continue
        found = []
        for i, (a, b) in enumerate(parts):
            # the first name may follow the clause's other words (旗下还有讯飞智元): the company's name that opens it
            starts = [o.start for o in ctx.entities(ORG, NOT_OWNER) if a <= o.start < b and o.kind == "entity"] if i == 0 else [a]
            thing = own = None
            for st in reversed(starts):
                known = ctx.mention_at(st, b, ORG)
                if known is not None:  # 京东物流: a unit the lexicon knows, named after a company named before it
                    own = next((o for o in reversed(ctx.entities(ORG, NOT_OWNER)) if ctx.sent.start <= o.start and o.end <= st
                                and o.kind == "entity" and len(o.text) < len(known.text) and known.text.startswith(o.text)), None)
                    thing = known if own is not None and own.entity_id != known.entity_id else None
                    break
                own = next((o for o in ctx.entities(ORG, NOT_OWNER) if o.start == st and o.end < b and o.kind == "entity"), None)
                # the list's joiners end the name: the company's name and a word of one to four characters (商汤医疗,
                # 讯飞智元), no kind of product in it (小米电视 is a television)
                if own is not None and re.fullmatch(r"[\u4e00-\u9fff]{1,4}|\s?[A-Za-z][\w\-]*", text[own.end:b]) \
                        and text[own.end:b] not in _nouns(ctx) and not text[own.end:b].startswith(_stops(ctx)) \
                        and not any(own.end <= o.start < b and o.kind in ENTITY_KINDS and not (o.cls and vocab().is_a(o.cls, ORG))
                                    for o in ctx.mentions):
                    thing = ctx.add_name(st, b, "Organisation")
                    break
            if thing is not None and own is not None:
                found.append((thing, own))
        if len(found) < 2:
            continue  # one name of a unit in a list of other things: leave it
        for thing, own in found:
            ev = evidence(ctx, [span(own), span(thing), (closed, closed + m.end() - m.start())], f"nominal-{entry['property']}",
                          _confidence(entry, own) * 0.95)
            out.append(Fact("relation", thing.entity_id, entry["property"], own.entity_id, (), (ev,)))
    return out


def _compounds(ctx: Context, entry: dict) -> list[Fact]:
    """A name joined to a participle before another name: "Huawei-owned HiSilicon" (the second
    belongs to the first), "Tencent-backed NIO" (with ``owner_is: subject``, the first holds the relation)."""
    text = ctx.doc.text
    words = entry["compounds"][ctx.lang.code]
    orgs = ctx.entities(entry.get("named") or ORG, NOT_OWNER)
    owners = ctx.entities(ORG, NOT_OWNER)
    out = []
    for a in owners:
        m = re.match(r"-(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:(?:the|a|an)\s+)?", text[a.end:a.end + 40], re.IGNORECASE)
        if m is None:
            continue
        b = next((o for o in orgs if o.start == a.end + m.end() and o.entity_id != a.entity_id), None)
        if b is None:
            continue
        ev = evidence(ctx, [span(a), span(b)], f"nominal-{entry['property']}", _confidence(entry, a))
        s_id, o_id = (a.entity_id, b.entity_id) if entry.get("owner_is") == "subject" else (b.entity_id, a.entity_id)
        out.append(Fact("relation", s_id, entry["property"], o_id, (), (ev,)))
    return out


_COUNT = re.compile(r"[一二三四五六七八九十两0-9]+\s*(?:大|个|家)")
_ASIDE_NAME = re.compile(r"[\u4e00-\u9fff·]{2,12}\s*[（(][A-Za-z][A-Za-z0-9 .&\-]{0,30}[）)]")  # 阿尔卡特海底网络（ASN）
_UNIT_WORD_TAGS = ("n", "vn", "eng", "j", "b")  # nouns (nz, ns, nr, nt too), verbal nouns, letters, abbreviations


def _unit_names(ctx: Context, entry: dict) -> list[Fact]:
    """A unit named by words and a unit noun (英特尔数据中心与人工智能事业部, 网络基础设施业务集团下的光网络部门,
    汤道生负责的云与智慧产业事业群): the unit is the words with the noun, without the name of its company
    written before them; it belongs to that company, to the unit before 下的, or, for the nouns that
    name a company's own units (``unit_names.own``), to the company the sentence or the text is about."""
    from ..segment import posseg

    spec = (entry.get("unit_names") or {}).get(ctx.lang.code) or {}
    nouns = list(spec.get("nouns") or [])
    own_nouns = set(spec.get("own") or [])
    keep = set(spec.get("keep_owner") or [])
    if not nouns:
        return []
    text = ctx.doc.text
    out = []
    made: dict[int, Mention] = {}  # end of a unit made here -> its mention
    # the data's own list (not the copy): words_re finds its regex by the list
    for m in words_re(spec.get("nouns") or nouns, ctx.lang.code).finditer(ctx.sent.text):
        ns, ne = ctx.sent.start + m.start(), ctx.sent.start + m.end()
        if any(o.start < ne and o.end > ns for o in ctx.mentions if o.kind in ENTITY_KINDS and (o.start, o.end) not in
               [(u.start, u.end) for u in made.values()]):
            continue  # part of a known name
        lo = max(ctx.sent.start, ns - 14)
        orgs = {o.end: o for o in ctx.entities(ORG, NOT_OWNER) if lo <= o.end <= ns and o.start >= ctx.sent.start}
        start, owner, pos = ns, None, ns
        for word, tag in reversed(posseg(text[lo:ns])):
            if pos in orgs and pos < ns:
                owner = orgs[pos]
                break
            if word in _nouns(ctx):
                break  # 思科旗下风险投资部门: 旗下 says whose the unit is, it is no part of its name
            if tag.startswith(_UNIT_WORD_TAGS) or word in ("与", "和", "及") and start < ns:
                pos -= len(word)
                start = pos if word not in ("与", "和", "及") else start
                continue
            break
        if pos in orgs and owner is None and pos < ns:
            owner = orgs[pos]
        if ns - start < 2 or re.match(r"[与和及]", text[start]) or _COUNT.match(text, start, ns):
            continue  # 四大业务集团: how many units, not the name of one
        if any(o.start == ne for o in ctx.entities(ORG, NOT_OWNER)) or _ASIDE_NAME.match(text, ne, ctx.sent.end):
            continue  # 风险投资部门思科投资（Cisco Investments）: the noun describes the name after it
        words = posseg(text[start:ns])
        if len(words) == 1 and words[0][1] in ("vn", "v"):
            continue  # 研发部门, 销售部门: what the unit does, not its name
        if owner is None:
            chain = re.search(r"(?:旗下|下属|下设|下)的?$", text[max(ctx.sent.start, start - 3):start])
            if chain and start - len(chain.group()) in made:
                owner = made[start - len(chain.group())]
            elif not chain and text[start - 1:start] == "的" and any(
                    o.end == start - 1 for o in ctx.entities(ORG, NOT_OWNER)):
                continue  # 华为海思是华为的芯片设计部门: words after a company's 的 describe a unit, they do not name one
        noun = text[ns:ne]
        if owner is not None and owner.kind != "entity" and noun not in own_nouns:
            continue  # 公司研发部门: a department of "the company" is no named unit
        if owner is None and noun in own_nouns:
            before = [o for o in ctx.entities(ORG, NOT_OWNER + ["InternalBody"]) if ctx.sent.start <= o.start and o.end <= start]
            owner = before[0] if before else (_implied(start, ctx.doc.organisation) if ctx.doc.organisation else None)
        if owner is not None and owner.kind == "entity" and owner.end == start and noun in keep:
            start = owner.start  # 海尔中央研究院, 诺基亚贝尔实验室: the company's name is part of the unit's
        unit = ctx.mention_at(start, ne) or ctx.add_name(start, ne, "InternalBody")
        if unit is None:
            continue
        made[ne] = unit
        if owner is None or owner.entity_id == unit.entity_id:
            continue
        ev = evidence(ctx, [span(owner), span(unit)], f"nominal-{entry['property']}", _confidence(entry, owner))
        out.append(Fact("relation", unit.entity_id, entry["property"], owner.entity_id, (), (ev,)))
    return out


_SPACE = re.compile(r"\s*")
_EN_NAME = r"[A-Z][\w\-]*(?:\s+[A-Z0-9][\w\-]*){0,2}"


def _named_list(ctx: Context, entry: dict) -> list[Fact]:
    """English names listed before the noun ("its Osmo and Ronin camera brands", "under the Candy, Hoover
    and Haier names", "owns the Nubia brand"): each belongs to the company whose they are, the one named
    before them in the sentence (or before "'s"), else the text's company."""
    text = ctx.doc.text
    out = []
    for m in _named_list_re(tuple(entry["named_list"])).finditer(ctx.sent.text):
        base = ctx.sent.start
        if re.search(r"\blicen[cs](?:e|es|ed|ing)\s+(?:[a-z]+\s+)?$", text[max(base, base + m.start() - 24):base + m.start()]):
            continue  # "which licensed the Nokia name": the name is another's, lent
        orgs = [o for o in ctx.entities(ORG, NOT_OWNER) if ctx.sent.start <= o.start and o.end <= base + m.start("list")]
        owner = orgs[-1] if orgs else None
        if owner is None and ctx.doc.organisation:
            owner = _implied(base + m.start(), ctx.doc.organisation)
        if owner is None:
            continue
        pos = base + m.start("list")
        for part in re.split(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+", m.group("list")):
            part = re.sub(r"\s*\([^()]*\)$", "", part)
            s = text.find(part, pos)
            e = s + len(part)
            pos = e
            thing = ctx.mention_at(s, e) or ctx.add_name(s, e, (entry.get("named") or ORG)[0])
            if thing is None or thing.entity_id == owner.entity_id:
                continue
            if thing.from_lexicon and thing.cls and vocab().is_a(thing.cls, ["Place"]):
                continue  # "acquired the Italian appliance brand Fornelli": the place the brand comes from
            if owner.kind != "entity" and thing.from_lexicon and thing.cls and vocab().is_a(thing.cls, ORG) \
                    and not vocab().is_a(thing.cls, ["Brand"]):
                continue  # "the Apple brand" in a text about another company: Apple's own
            ev = evidence(ctx, [span(owner), (base + m.start(), base + m.end()), span(thing)], f"nominal-{entry['property']}",
                          _confidence(entry, owner))
            out.append(Fact("relation", thing.entity_id, entry["property"], owner.entity_id, (), (ev,)))
    return out


def _en_unit_names(ctx: Context, entry: dict) -> list[Fact]:
    """A unit named by capitalised words and a unit noun with its initials in brackets after it ("The
    Infrastructure Solutions Group (ISG)", "the Solutions and Services Group (SSG)"): a unit of the company
    named before it with "'s", else of the text's company. The initials must be the words' (and/of/the left out)."""
    nouns = (entry.get("unit_names") or {}).get("en", {}).get("nouns") or []
    text = ctx.doc.text
    out = []
    pattern = r"\b((?:[A-Z][\w\-]*\s+(?:(?:and|of|&)\s+)?){1,5}(?:" + "|".join(map(re.escape, nouns)) + r"))\s*\(([A-Z]{2,6})\)"
    for m in re.finditer(pattern, ctx.sent.text):
        s, e = ctx.sent.start + m.start(1), ctx.sent.start + m.end(1)
        words = [w for w in re.split(r"[\s\-]+", m.group(1)) if w[:1].isupper()]
        if words[0] == "The":  # "The Infrastructure Solutions Group (ISG)" opening a sentence
            words, s = words[1:], s + 4
        if "".join(w[0] for w in words) != m.group(2):
            continue  # no initials of its words: the brackets say something else
        if any(o.start < e and o.end > s for o in ctx.mentions if o.kind in ENTITY_KINDS and o.cls and vocab().is_a(o.cls, ["Organisation", "Place"])
               and not vocab().is_a(o.cls, ["InternalBody"])):
            continue  # a company's or a place's name inside: "Alibaba Group", "the Boston Consulting Group"
        owners = [o for o in ctx.entities(ORG, NOT_OWNER) if ctx.sent.start <= o.start and o.end <= s and re.fullmatch(r"['’]s\s+(?:the\s+)?", text[o.end:s])]
        owner = owners[-1] if owners else _implied(s, ctx.doc.organisation) if ctx.doc.organisation else None
        unit = ctx.mention_at(s, e) or ctx.add_name(s, e, "InternalBody")
        if owner is None or unit is None or unit.entity_id == owner.entity_id:
            continue
        ev = evidence(ctx, [span(owner), span(unit)], f"nominal-{entry['property']}", _confidence(entry, owner))
        out.append(Fact("relation", unit.entity_id, entry["property"], owner.entity_id, (), (ev,)))
    return out


_EN_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_EN_ITEM = re.compile(r"[A-Za-z0-9][\w\-&]*(?:\s+[A-Z0-9][\w\-&]*){0,2}")


def _en_counted_list(ctx: Context, entry: dict) -> list[Fact]:
    """Names listed and counted before the noun ("owns BYD, Denza, Yangwang and Fangchengbao, four brands",
    "TECNO, itel, Infinix three big mobile phone brand"): as many names as the count, each a name the
    lexicon knows or one with a capital letter; they belong to the company named before the list, else the
    text's."""
    text = ctx.doc.text
    out = []
    nouns = "|".join(map(re.escape, entry["named_list"]))
    for m in re.finditer(r",?\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:[a-z][\w\-]*\s+){0,3}?(?:" + nouns + r")\b",
                         ctx.sent.text):
        n = _EN_COUNTS.get(m.group("n"), int(m.group("n")) if m.group("n").isdigit() else 0)
        end = ctx.sent.start + m.start()
        items: list[tuple[int, int]] = []
        for _ in range(n):
            got = _en_item_before(ctx, end, items)
            if got is None:
                break
            s, stop, first = got
            s += first.end() if first and len(items) == n - 1 else 0  # "besides TECNO": a word before the first name
            items.insert(0, (s, stop))
            end = s
        if len(items) != n or re.search(r"[\w)]\s*,\s*(?:and\s+)?$|\sand\s+$", text[ctx.sent.start:items[0][0]]):
            continue  # fewer names than the count, or more names before them: no counted list
        out += _listed_facts(ctx, entry, items, (ctx.sent.start + m.start(), ctx.sent.start + m.end()))
    return out


def _en_item_before(ctx: Context, end: int, items: list) -> tuple[int, int, re.Match | None] | None:
    """The name of a list that ends at ``end`` (after the joiner before the names already read,
    ``items``): a known one, or one with a capital letter; its start, its end, and a lower-case word
    that opens it (a verb or preposition before the list's first name), or None."""
    text = ctx.doc.text
    sep = re.search(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$", text[ctx.sent.start:end]) if items else None
    if items and sep is None:
        return None
    stop = end - (len(sep.group()) if sep else 0)
    known = [o for o in ctx.mentions if o.kind in ENTITY_KINDS and o.end == stop and o.start >= ctx.sent.start]
    if known:
        return known[-1].start, stop, None
    name = re.search(r"(?:^|(?<=\s))" + _EN_ITEM.pattern + "$", text[ctx.sent.start:stop])
    if name and re.search(r"[A-Z]", name.group()):
        s = ctx.sent.start + name.start()
        return s, stop, re.match(r"[a-z][\w\-]*\s+", text[s:stop])
    return None


def _listed_facts(ctx: Context, entry: dict, items: list[tuple[int, int]], noun: tuple[int, int]) -> list[Fact]:
    """The facts of names listed before their noun (``noun``: its span): each belongs to the company named
    before the list, else the text's."""
    owners = [o for o in ctx.entities(ORG, NOT_OWNER) if ctx.sent.start <= o.start and o.end <= items[0][0]]
    owner = owners[-1] if owners else _implied(items[0][0], ctx.doc.organisation) if ctx.doc.organisation else None
    if owner is None:
        return []
    classes = entry.get("named") or ORG
    out = []
    for a, b in items:
        thing = ctx.mention_at(a, b) or ctx.add_name(a, b, classes[0])
        if thing is None or thing.entity_id == owner.entity_id:
            continue
        ev = evidence(ctx, [span(owner), (a, b), noun], f"nominal-{entry['property']}", _confidence(entry, owner))
        out.append(Fact("relation", thing.entity_id, entry["property"], owner.entity_id, (), (ev,)))
    return out


def _en_open_list(ctx: Context, entry: dict) -> list[Fact]:
    """Names listed and left open before the noun ("owns Little Swan, COLMO, Hualing and other brands", word-by-word
    等品牌: "has A, B, C etc. brand"): every name of the list (known, or with a capital letter), back to the first
    with no joiner before it; at least two; they belong to the company named before the list, else the text's."""
    out = []
    nouns = "|".join(map(re.escape, entry["named_list"]))
    for m in re.finditer(r"(?:,?\s+and\s+(?:many\s+)?other|,?\s+etc\.?|,?\s+and\s+so\s+on)\s+(?:[a-z][\w\-]*\s+){0,2}?(?:" + nouns + r")\b",
                         ctx.sent.text):
        end = ctx.sent.start + m.start()
        items: list[tuple[int, int]] = []
        while True:
            got = _en_item_before(ctx, end, items)
            if got is None:
                break
            s, stop, first = got
            if first:  # "has Beautiful": the verb before the first name
                items.insert(0, (s + first.end(), stop))
                break
            items.insert(0, (s, stop))
            end = s
        if len(items) < 2:
            continue
        out += _listed_facts(ctx, entry, items, (ctx.sent.start + m.start(), ctx.sent.start + m.end()))
    return out


@functools.lru_cache(maxsize=8)
def _named_list_re(nouns: tuple) -> re.Pattern:
    item = _EN_NAME + r"(?:\s*\([^()]{1,30}\))?"  # "the Great Wall Pickup (Poer) name": an aside after a name
    return re.compile(r"\b(?:its|their|our|the|the\s+(?:company|group|firm)['’]s|(?P<own>" + _EN_NAME + r")['’]s)\s+(?P<list>" + item + r"(?:\s*,\s*" + item
                      + r")*(?:,?\s+and\s+" + item + r")?)\s+(?:[a-z][\w\-]*\s+){0,2}(?:" + "|".join(map(re.escape, nouns)) + r")\b")


def _implied(pos: int, entity_id: str) -> Mention:
    """The company a noun belongs to when the text does not name it there (the text's, or the one
    named last): a mention without words."""
    return Mention(pos, pos, "", "pronoun", entity_id, "Company")


def _confidence(entry: dict, owner: Mention) -> float:
    """The entry's confidence, less when the owner is not named: "Its music unit" may point back to
    any company the text named last (x0.9), an owner the text implies otherwise (x0.95)."""
    factor = 1.0 if owner.kind == "entity" else 0.9 if owner.text in ("Its", "Their") else 0.95
    return float(entry.get("confidence", 0.8)) * factor


def _entry(ctx: Context, entry: dict) -> list[Fact]:
    lang = ctx.lang.code
    nouns = (entry.get("nouns") or {}).get(lang) or []
    if not nouns:
        return []
    out = []
    names = not_after = None  # looked up at the first noun: most sentences have none
    for m in words_re(nouns, lang).finditer(ctx.sent.text):
        ns, ne = ctx.sent.start + m.start(), ctx.sent.start + m.end()
        if names is None:
            names = [(m.start, m.end) for m in ctx.mentions if m.kind in ENTITY_KINDS]
            not_after = re.compile((entry.get("not_after") or {}).get(lang) or r"(?!)")
        inside = _brand_named_with_noun(ctx, entry, ns, ne) if entry.get("text_owner") and lang == "zh" else None
        if inside is None and any(ns < b and ne > a for a, b in names) or not_after.match(ctx.doc.text, ne):
            continue  # 品牌代言人, 品牌价值: the noun begins another word
        if any(len(w) > ne - ns and ctx.doc.text.endswith(w, max(0, ne - len(w)), ne) for w in _nouns(ctx)):
            continue  # 控股股东 holds 股东: the longer noun (another entry's) tells what it is
        if entry.get("defers") and _later_noun(ctx, entry, ne):
            continue  # 大疆旗下的农业无人机品牌, 旗下品牌英睿达: the noun after 旗下 tells what the name is
        if lang == "zh" and _ZH_INCLUDE.match(ctx.doc.text, ne) and \
                "等" not in ctx.doc.text[ne:ctx.clauses[ctx.clause_of(ne)][1]]:
            included = _included(ctx, entry, ns, ne, _ZH_INCLUDE.match(ctx.doc.text, ne).end())
            if included:  # 旗下品牌包括A、B和C, 公司的子公司有A、B: the list after the noun (unless read as a list closed by 等)
                out += included
                continue
        if entry.get("text_owner") and lang == "zh":
            # 联想旗下品牌Zorro: a noun that opens with 旗下 has its owner before it, the brand after it
            before = inside or (None if ctx.doc.text.startswith("旗下", ns) else _named_before_noun(ctx, entry, ns))
            if before is not None:  # 旗下努比亚品牌, Redmi品牌方面: the name the noun follows
                owner = _owner(ctx, before.start, before.start)
                if owner is None and ctx.doc.organisation:
                    first = [o for o in ctx.entities(ORG, NOT_OWNER) if ctx.sent.start <= o.start and o.end <= before.start]
                    # 我们还展出了…，以及旗下Technics品牌: "we" named before is the text's company itself
                    owner = None if [o for o in first if o.kind == "entity"] else first[-1] if first else \
                        _implied(before.start, ctx.doc.organisation)
                if owner is not None and owner.entity_id != before.entity_id:
                    ev = evidence(ctx, [span(owner), span(before), (ns, ne)], f"nominal-{entry['property']}", _confidence(entry, owner))
                    out.append(Fact("relation", before.entity_id, entry["property"], owner.entity_id, (), (ev,)))
                continue
        include = _EN_INCLUDE.match(ctx.doc.text, ne) if lang == "en" else None
        if include and re.search(r"\band\s+$", ctx.doc.text[max(ctx.sent.start, ns - 5):ns]):
            continue  # "Subsidiaries and brands include …": the first noun says what they are
        included = _included(ctx, entry, ns, ne, include.end()) if include else []
        if included:  # "Subsidiaries and brands include Audible, IMDb, Goodreads and Zoox"
            out += included
            continue
        owner, listed = _zh_lists(ctx, entry, ns, ne) if lang == "zh" else (None, [])
        if not listed:
            owner = _owner(ctx, ns, ne)
        if owner is None:  # 比亚迪形成了比亚迪、腾势、仰望、方程豹四大品牌: the owner before the list
            owner, listed = _owner_of_list(ctx, entry, ns)
        implied = False
        joint = ctx.doc.text[ns:ne] in ((entry.get("joint_nouns") or {}).get(lang) or ())
        if owner is None and lang == "zh" and not joint and not entry.get("text_owner") and ctx.doc.organisation and \
                not any(ctx.sent.start <= o.start and o.end <= ns for o in ctx.entities(ORG, NOT_OWNER)):
            # 由子公司某某微电子研发的, 主要由德国子公司库卡（KUKA）贡献: no company named before, the text's; only a
            # name sure to be one right after the noun
            thing = _zh_new_name(ctx, entry, ne)
            if thing is not None and thing.entity_id != ctx.doc.organisation:
                owner, listed = _implied(ns, ctx.doc.organisation), [thing]
        if owner is None and entry.get("text_owner") and ctx.doc.organisation and \
                not any(ctx.sent.start <= o.start and o.end <= ns for o in ctx.entities(ORG, NOT_OWNER)):
            owner, implied = _implied(ns, ctx.doc.organisation), True  # "the premium brand Casarte": the text's company's
        if joint and lang == "zh" and (owner is None or owner.kind != "entity") and _zh_new_name(ctx, entry, ne) is None:
            # 合资公司青禾能源，丰田持股60%: named here, up to the comma; the stakes after it tell who owns it
            venture = _ZH_NAME_TO_COMMA.match(ctx.doc.text, ne, ctx.sent.end)
            if venture and not _ZH_DESCRIPTOR.fullmatch(venture.group()) and ctx.mention_at(*venture.span()) is None \
                    and not any(m.start < venture.end() and m.end > ne for m in ctx.mentions if m.kind in ENTITY_KINDS):
                ctx.add_name(*venture.span(), (entry.get("named") or ORG)[0])
        if owner is None or joint and owner.kind != "entity":
            continue  # 合资公司X opening a sentence: owned together, not by the company the text is about
        named = listed or _named(ctx, entry, ns, ne, owner)
        if implied:  # after the noun, and a name for sure: 品牌与产品 names nothing
            named = [t for t in named if t.start >= ne and (t.from_lexicon or re.search(r"[A-Za-z]", t.text))]
        elif owner.kind != "entity" and lang == "zh":  # 品牌推广方面，…: an implied owner, a name the lexicon lacks
            from .relations import _looks_named
            named = [t for t in named if t.from_lexicon or t.parts or _looks_named(ctx, t.start, t.end)]
        products = [t for t in named if t.cls and vocab().is_a(t.cls, ["Product"])] if entry.get("products_as") else []
        for thing in named:
            if thing.entity_id == owner.entity_id:
                continue
            _bracket_alias(ctx, thing)
            _named_again(ctx, thing)
            prop = entry["property"]
            if products and (thing in products or not thing.from_lexicon):
                # 腾讯旗下微信、QQ和腾讯会议: apps and services it runs (and a name listed with them) are its brands, not units
                prop = entry["products_as"]
            ev = evidence(ctx, [span(owner), (ns, ne), span(thing)], f"nominal-{prop}", _confidence(entry, owner))
            if entry.get("owner_is") == "subject":  # 谷歌母公司Alphabet: the owner belongs to the thing named
                out.append(Fact("relation", owner.entity_id, prop, thing.entity_id, (), (ev,)))
            else:
                out.append(Fact("relation", thing.entity_id, prop, owner.entity_id, (), (ev,)))
    return out


def _later_noun(ctx: Context, entry: dict, ne: int) -> bool:
    """Does another entry's noun follow in the same phrase, before any name or punctuation (旗下的农业无人机品牌)?"""
    own = set((entry.get("nouns") or {}).get(ctx.lang.code) or [])
    stop = min([m.start for m in ctx.mentions if m.kind in ENTITY_KINDS and m.start >= ne
                and not (m.cls and vocab().is_a(m.cls, ["ProductCategory", "Place", "Market"]))] + [ctx.sent.end, ne + 14])
    phrase = re.split(r"[，,。；;：:、（(“”\"]", ctx.doc.text[ne:stop])[0]
    return any(w in phrase for w in _nouns(ctx) - own)


_EN_OWNS_THE = re.compile(r"\s+(?:also\s+|now\s+|still\s+|later\s+)?(?:owns|owned|has|had|acquired|bought|added|operates|operated|runs|ran|"
                          r"created|launched|introduced|set\s+up)\s+(?:the|its|a|an)\s+(?:[A-Z][a-z]+(?:ese|[ie]?an|ish|ch|i)\s+)?"
                          r"(?:[a-z][\w\-]*\s+){0,3}")  # "acquired the Italian appliance brand": a people's word may say whence
_ZH_INCLUDE = re.compile(r"(?:主要|还|则|均)?(?:包括|包含|涵盖|有)[：:]?\s*")
_EN_INCLUDE = re.compile(r"(?:\s+and\s+[a-z]+)?\s+(?:include|includes|included|including|such as)\s+", re.IGNORECASE)


_ASIDE_THEN_JOINER = re.compile(r"\s*\([^()]{1,40}\)\s*(?:,\s*and\s+|,\s*|and\s+)")


def _included(ctx: Context, entry: dict, ns: int, ne: int, start: int) -> list[Fact]:
    """The names a list after "include" gives, each belonging to the owner of the noun (or the text's
    company): at least two names, or none."""
    owner = _owner(ctx, ns, ne)
    if owner is None and ctx.doc.organisation and not any(
            ctx.sent.start <= o.start and o.end <= ns for o in ctx.entities(ORG, NOT_OWNER)):
        owner = _implied(ns, ctx.doc.organisation)
    if owner is None:
        return []
    classes = entry.get("named") or ORG
    end = ctx.clauses[ctx.clause_of(start)][1] if ctx.doc.text[start:ctx.sent.end].count(",") == 0 else ctx.sent.end
    spans = ctx.lang.names_after(ctx.doc.text[:end], start, end, ctx.lang.words)
    # "Its arms include SVOLT Energy (batteries), Mind Electronics (air conditioning) and …": past an aside in
    # brackets the list goes on; not after two kinds ("Subsidiaries and brands include"), whose later names may be the other's
    while spans and not re.match(r"\s+and\s", ctx.doc.text[ne:ne + 6]):
        aside = _ASIDE_THEN_JOINER.match(ctx.doc.text, spans[-1][1], end)
        more = ctx.lang.names_after(ctx.doc.text[:end], aside.end(), end, ctx.lang.words) if aside else []
        if not more:
            break
        spans += more
    free = [(s, e) for s, e, _ in spans if ctx.mention_at(s, e) is not None
            or not any(o.start < e and o.end > s for o in ctx.mentions if o.kind in ENTITY_KINDS)]
    if len(free) < 2:
        return []  # no list of names here: leave the sentence as it was
    things = []
    for s, e, _ in spans:
        thing = ctx.mention_at(s, e) or ctx.add_name(s, e, classes[0])
        if thing is not None and thing.cls and vocab().is_a(thing.cls, classes) and thing.entity_id != owner.entity_id:
            things.append(thing)
    if len(things) < 2:
        return []
    out = []
    for thing in things:
        ev = evidence(ctx, [span(owner), (ns, ne), span(thing)], f"nominal-{entry['property']}", _confidence(entry, owner) * 0.95)
        out.append(Fact("relation", thing.entity_id, entry["property"], owner.entity_id, (), (ev,)))
    return out


def _brand_named_with_noun(ctx: Context, entry: dict, ns: int, ne: int) -> Mention | None:
    """A brand the lexicon knows by a name that ends in the noun (坦克品牌, MONA品牌): the name the noun follows."""
    return next((m for m in ctx.entities(["Brand", "ProductSeries"], NOT_OWNER) if m.kind == "entity" and m.start < ns
                 and m.end == ne and m.start >= ctx.sent.start), None)


def _named_before_noun(ctx: Context, entry: dict, ns: int) -> Mention | None:
    """The name right before a Chinese noun (努比亚品牌, Technics品牌): known and of a class the entry
    names, or Latin letters the lexicon lacks."""
    classes = entry.get("named") or ORG
    known = [m for m in ctx.entities(classes, NOT_OWNER) if m.end == ns and m.start >= ctx.sent.start]
    if known:
        return known[-1]
    latin = re.search(r"[A-Za-z][A-Za-z0-9\-]*(?: [A-Za-z0-9][A-Za-z0-9\-]*)?$", ctx.doc.text[max(ctx.sent.start, ns - 24):ns])
    if latin is None or any(o.start < ns and o.end > ns - len(latin.group()) for o in ctx.mentions if o.kind in ENTITY_KINDS):
        return None
    return ctx.add_name(ns - len(latin.group()), ns, classes[0])


def _owner(ctx: Context, ns: int, ne: int) -> Mention | None:
    """The company a noun belongs to: written before it (比亚迪旗下子公司, 联想的全资子公司, "Xiaomi's
    car unit", "its music unit") or after it ("the battery unit of BYD")."""
    text = ctx.doc.text
    lang = ctx.lang.code
    cands = [m for m in ctx.entities(ORG, NOT_OWNER) if m.end <= ns and m.start >= ctx.sent.start]
    if lang == "en" and cands and re.search(r"\b(?:its|their|our)\s+$", text[ctx.sent.start:cands[-1].start]) \
            and re.fullmatch(r"\s*", text[cands[-1].end:ns]):
        cands = cands[:-1]  # "developed by its Annapurna Labs unit": the name between "its" and the noun is the unit
    if cands:
        m = cands[-1]
        gap = text[m.end:ns]
        noun = text[ns:ne]
        if lang == "zh" and noun in gap and re.search(r"(?:、|和|及|以及)[\u4e00-\u9fff]{0,6}$", gap) and not re.search(r"[，。；]", gap):
            gap = gap[:gap.index(noun)]  # the owner of the list's first item owns the rest
            gap = re.sub(r"[\u4e00-\u9fff]{0,6}$", "", gap)
        for p in ctx.periods():  # 比亚迪去年1月发布高端品牌仰望: the time says nothing of the owner
            if m.end <= p.start and p.end <= ns:
                gap = gap.replace(text[p.start:p.end], "")
        if lang == "zh":  # 诺基亚在美国组建了子公司X: nor the place where it was done
            for p in ctx.entities(["Place"]):
                if m.end < p.start and p.end <= ns and text[p.start - 1] == "在":
                    gap = gap.replace("在" + text[p.start:p.end], "")
        if lang == "zh" and re.fullmatch(r"\s*(?:旗下|的|旗下的|集团的|公司的|集团旗下的?)?"
                                         r"(?:(?:先后|又|还|正式|也|以此|由此|随后|并)?(?:发布|推出|创立|成立|设立|拥有|组建|打造)了?"
                                         r"(?:(?:位于|面向|针对)[^，。；、]{1,16}?的)?)?"  # 组建了位于美国加州圣何塞的子公司X, 推出了面向…市场的新品牌X
                                         r"(?:全资|控股|主要|核心|第一大|最大|重要)?[\u4e00-\u9fffA-Za-z0-9]{0,6}?", gap) \
                and not re.search(r"[，。；、和与及是为在对]", gap) \
                and not re.match(r"等?[一二三四五六七八九十两0-9]+\s*(?:大|个|家|款)", gap):  # A、B和C三大品牌: C is listed
            return m
        if lang == "zh" and re.search(r"其[\u4e00-\u9fff]{0,8}$", gap) and cands[0].kind == "entity" \
                and not re.search(r"[。；]", text[cands[0].end:ns]):
            return cands[0]  # 诺基亚与法国政府达成协议，由法国政府收购其海底光缆子公司…: 其 is the sentence's subject
        # "Tencent is its largest shareholder": the name before the copula is the thing, "its" the company
        # the text went on about before (not Tencent itself)
        copula = re.fullmatch(r"\s+(?:is|was|became|remains|remained)\s+(?:now\s+|also\s+|still\s+)?(its|their)\s+(?:[a-z][\w\-]*\s+){0,3}", gap) \
            if lang == "en" else None
        if copula:
            topic = (ctx.recent_orgs[-1] if ctx.recent_orgs else "") or ctx.doc.organisation
            if not topic or topic == m.entity_id:
                return None
            s = m.end + copula.start(1)
            return Mention(s, s + len(copula.group(1)), copula.group(1), "pronoun", topic, "Company")
        if lang == "en" and _EN_OWNS_THE.fullmatch(gap):
            return m  # "Haier also owns the premium brand Casarte", "Lenovo acquired the consumer PC unit"
        of_after = re.match(r"\s+of\s+(?:the\s+)?", text[ne:ne + 12]) if lang == "en" else None
        if lang == "en" and re.fullmatch(r"(?:['’]s)?\s*(?:[a-z][a-z\-]*\s+){0,3}", gap) and not (
                re.search(r"\b(?:is|was|are|were|became|remains|remained)\b", gap) and of_after
                and any(o.start == ne + of_after.end() for o in ctx.entities(ORG, NOT_OWNER))):
            return m  # "Xiaomi's car unit"; not "HiSilicon is a subsidiary of Huawei", whose owner follows
        if lang == "en" and re.fullmatch(r"['’]s\s+(?:[A-Z0-9][\w\-]*\s+){1,3}", gap):
            return m  # "Xiaomi's Redmi brand": the name between is what the owner has
        # "Fujitsu and its 1Finity unit", "Naspers, through its unit MIH": its = the company named before
        # ("its U.S. unit Solidigm": a word with dots, no sentence's end)
        if lang == "en" and re.search(r"\b(?:its|their)\s+(?:[A-Za-z0-9][\w.\-]*\s+){0,3}$", gap) \
                and not re.search(r";|(?<!\b[A-Z])\.", gap) and len(gap) <= 60:
            return m
    if lang == "zh" and cands:
        # 比亚迪去年1月发布高端品牌仰望…，8月又推出个性化品牌方程豹: a clause with no subject of its own goes on
        # about the sentence's, the company that opens a clause before it
        cs = max([ctx.sent.start] + [text.rfind(c, ctx.sent.start, ns) + 1 for c in "，,；;"])
        if not [m for m in cands if m.start >= cs] and _GOES_ON.fullmatch(text, cs, ns):
            subject = _clause_subject(ctx, cands)
            if subject is not None:
                return subject
    if lang == "zh":
        # 京东集团还是达达集团的控股股东: after the copula, a company's name the lexicon lacks, with a company ending
        ends = "|".join(map(re.escape, sorted(ctx.lang.words.get("company_suffixes") or [], key=len, reverse=True)))
        m = re.search(r"(?:是|为)([\u4e00-\u9fffA-Za-z0-9·]{1,10}(?:" + ends + r"))的(?:全资|控股)?$", text[ctx.sent.start:ns]) if ends else None
        if m and not any(o.start < ctx.sent.start + m.end(1) and o.end > ctx.sent.start + m.start(1) for o in ctx.mentions
                         if o.kind in ENTITY_KINDS):
            found = ctx.add_name(ctx.sent.start + m.start(1), ctx.sent.start + m.end(1), "Company")
            if found is not None:
                return found
    # "Its car unit, Xiaomi EV" opening a sentence: its = what the text is about
    topic = (ctx.recent_orgs[-1] if ctx.recent_orgs else "") or ctx.doc.organisation
    # 旗下京东健康…, 控股子公司京东健康… opening a sentence or a clause: the sentence's subject, else the topic
    opening = re.fullmatch(r"[\s“”]*(?:此外|另外|同时|其中|而)?[，,]?(?:公司|集团)?(?P<under>旗下的?|下属的?)?", text[ctx.clauses[ctx.clause_of(ns)][0]:ns]) \
        if lang == "zh" else None
    cs = ctx.clauses[ctx.clause_of(ns)][0]
    if opening and opening.group("under") and (cs <= ctx.sent.start or text[cs - 1] not in "，,"):
        opening = None  # 旗下子公司X after a comma goes on about the sentence's subject; not past a semicolon
    if opening:
        if cands:
            return cands[0]
        own = ctx.doc.organisation or topic
        if own and ctx.clause_of(ns) == 0:
            return _implied(ns, own)
    lead = re.fullmatch(r"(\s*)(Its|Their|Our|Other|The company's|The group's)\s+(?:(?:[a-z][\w\-]*|[A-Z](?:\.[A-Z])+\.?)\s+){0,3}",
                        text[ctx.sent.start:ns]) if lang == "en" else None  # "Its U.S. unit, X"
    if lead and topic and not cands:
        s = ctx.sent.start + lead.end(1)
        # "Its" points back to the company named last; "Our", "Other", "The company's" to the text's own
        own = topic if lead.group(2) in ("Its", "Their") else (ctx.doc.organisation or topic)
        return Mention(s, s + len(lead.group(2)), lead.group(2), "pronoun", own, "Company")
    if lang == "en":
        of = re.match(r"\s+of\s+(?:the\s+)?", text[ne:ne + 12])
        if of:
            after = [m for m in ctx.entities(ORG, NOT_OWNER) if m.start == ne + of.end()]
            if after:
                return after[0]
            if not re.match(r"\s+of\s+(?:the|this|our)\s+(?:group|company)\b", text[ne:ne + 24]):
                return None  # "a unit of a Japanese group": an owner the text does not name here
        own = ctx.doc.organisation or topic
        # "run by its subsidiary X", "revenue at its US unit": its = the company the text is about
        its = re.search(r"\b(its|their)\s+(?:[A-Za-z][\w.\-]*\s+){0,3}$", text[ctx.sent.start:ns])  # "its U.S. unit X"
        if its and cands and cands[-1].kind != "entity":
            s = ctx.sent.start + its.start(1)  # "The company would spend …, run by its subsidiary X": its = the company said before
            return Mention(s, s + len(its.group(1)), its.group(1), "pronoun", cands[-1].entity_id, "Company")
        if its and topic and not cands:
            s = ctx.sent.start + its.start(1)
            return Mention(s, s + len(its.group(1)), its.group(1), "pronoun", topic, "Company")
        # "made by subsidiary company Fudi Power", "by the holding subsidiary X (Y)": a unit the text's company has
        if (own or cands) and re.search(r"\b(?:by|through|via|from)\s+(?:the\s+|a\s+)?(?:[a-z][\w\-]*\s+){0,2}$", text[ctx.sent.start:ns]) \
                and re.match(r"\s+(?:company\s+)?[A-Z]", text[ne:ne + 12]):
            return cands[-1] if cands else _implied(ns, own)  # the company named last in the sentence, else the text's
        # "JD Health, the online pharmacy arm", "JD Retail is the core unit": a unit of the company the text is about
        if own and re.search(r"[A-Za-z0-9)]\s*(?:,|\bis|\bwas|\bremains)\s+the\s+(?:[a-z][\w\-]*\s+){0,5}$", text[ctx.sent.start:ns]):
            return _implied(ns, own)
    return None


_GOES_ON = re.compile(r"[\s0-9年月日初底末今去明前后]*(?:并以此|以此|又|还|也|再|随后|此后|之后|同时|并|顺带|由此|从而)?"
                      r"(?:在[\u4e00-\u9fffA-Za-z]{1,10}?)?"  # 在美国组建了子公司X: where it was formed
                      r"(?:推出|发布|创立|成立|设立|组建|打造|收购|获得|拥有)了?"
                      r"(?:(?:位于|面向|针对)[^，。；、]{1,16}?的)?"  # 组建了位于美国加州圣何塞的子公司X
                      r"[\u4e00-\u9fffA-Za-z0-9]{0,6}?")


def _named(ctx: Context, entry: dict, ns: int, ne: int, owner: Mention) -> list[Mention]:
    """The names the noun describes: after it (子公司比亚迪电子, "brand Redmi", a list of brands), or
    before it with a copula or a comma (摩托罗拉是联想的全资子公司, "FinDreams, the battery unit of BYD")."""
    text = ctx.doc.text
    lang = ctx.lang.code
    classes = entry.get("named") or ORG
    v = vocab()
    pos = ne
    gap = re.match(r"[\s,，:：]*(?:的|(?:包括|包含|拥有|有)了?|如|例如|including|include|includes|are|such as|like|(?:name\s+)?(?:is|was)(?=\s+[\"“]))?[\s:：]*(?:the\s+|its\s+)?[\"“]?", text[pos:pos + 16])
    if lang == "zh" and gap and re.fullmatch(r"\s*[,，]\s*", gap.group()):
        gap = None  # 成立合资公司，小米持股60%: the name after a comma opens a new clause, it is not the noun's
    start = pos + (gap.end() if gap else 0)
    # the owner's own name opening a longer one ("Tencent's games unit, Tencent Interactive
    # Entertainment") is no name of the thing: look for the longer name
    after = [m for m in ctx.entities(classes, NOT_OWNER) if m.start == start and m.entity_id != owner.entity_id]
    if v.is_a("Organisation", classes):
        pref = _prefixed_name(ctx, start)  # 京东集团旗下京东健康: a unit named after its owner
        after = [pref] if pref is not None else after
    desc = _ZH_DESCRIPTOR.match(text, start) if lang == "zh" and not after else None
    if desc and not any(n in desc.group() for n in _nouns(ctx)):
        # 旗下的国际平台Trip.com, 旗下的出行业务滴滴: what kind of unit it is, then a name the lexicon knows
        # (not 旗下的游戏子公司X: 子公司 is another noun, which tells it itself)
        after = [m for m in ctx.entities(classes, NOT_OWNER) if m.start == desc.end() and m.entity_id != owner.entity_id
                 and m.from_lexicon][:1]
    counted = lang == "zh" and _COUNTED_NOUN.search(text, max(ctx.sent.start, ns - 10), ns)
    if counted:  # 四大业务集团构成…: a count before the noun, its names are a list (before it, or after a colon)
        after, gap = [], None
    if not after and not counted and lang == "zh" and v.is_a("Organisation", classes) and start == ne:
        after = [m for m in [_zh_new_name(ctx, entry, start)] if m is not None]
    if not after and not counted:
        # from the noun itself, which then reads as a descriptor (高端品牌仰望: a short name follows it)
        spans = ctx.lang.names_after(text[:ctx.sent.end], ns if lang == "zh" else start, ctx.sent.end, ctx.lang.words)[:1]
        for s, e, hint in spans:
            if lang == "zh" and _ZH_DESCRIPTOR.fullmatch(text, s, e) and not any(s <= o.start and o.end <= e for o in ctx.mentions
                                                                                 if o.kind in ENTITY_KINDS):
                continue  # 旗下的核心上市公司, 全资子公司: what kind of company, not its name
            if lang == "zh" and any(text.startswith(n, e) for n in _nouns(ctx) - set((entry.get("nouns") or {}).get(lang) or [])):
                continue  # 旗下的智能家居子公司云米: what kind of unit; 子公司 (another entry's noun) tells its name
            if 0 <= s - (start if gap and gap.group().endswith(("\"", "“")) else pos) <= 4 and (entry.get("new_names") != "typed" or hint and v.is_a(hint, classes)):
                cls = hint if hint and v.is_a(hint, classes) else classes[0]
                added = ctx.add_name(s, e, cls)
                if added is not None:
                    after = [added]
    if gap and gap.group().strip(" ,，:：的") and lang == "zh":
        if _counted_for_other(ctx, entry, start):
            return []  # 旗下拥有A、B和C三大品牌: the list is what the later noun counts, brands, not units
        listed = _listed_names(ctx, entry, start)  # 品牌包括ThinkPad、拯救者（Legion）、YOGA和小新等
        if listed:
            return listed
    if after:
        run = [after[0]]
        while True:
            joiner = _LIST_JOINER.match(text, run[-1].end, ctx.sent.end)
            if not joiner:
                break
            nxt = next((m for m in ctx.entities(classes, NOT_OWNER) if m.start == joiner.end()
                        and m.entity_id != owner.entity_id), None)
            if nxt is None and v.is_a("Organisation", classes):
                nxt = _prefixed_name(ctx, joiner.end())  # 旗下京东健康、京东物流
            if nxt is None or joiner.group().strip() in ("与", "和", "同", "and", "with") and _JOINT_ACT.match(text, nxt.end, ctx.sent.end):
                break  # 旗下小米金融与联想合作: the name after 与 is a partner, not another unit
            run.append(nxt)
        if lang == "zh" and _counted_for_other(ctx, entry, run[0].start):
            return []
        if entry.get("owner_is") == "subject":
            return run[:1]  # 谷歌母公司Alphabet和亚马逊: one parent; the names after it are the sentence's other subjects
        return run
    # "Fujitsu and its 1Finity unit": the name between "its" and the noun
    # … and "Xiaomi's Redmi brand": the name between the owner's 's and the noun
    its = re.search(r"(?:\b(?:its|their)|^['’]s)\s+((?:[A-Z0-9][\w\-]*\s+){1,3})$", text[owner.end:ns]) if lang == "en" and owner.end <= ns else None
    if its is None and lang == "en" and owner.kind == "pronoun" and owner.text.lower() in ("its", "their") and owner.end <= ns:
        its = re.search(r"^\s+((?:[A-Z0-9][\w\-]*\s+){1,3})$", text[owner.end:ns])  # the owner is the "its" itself
    if its:
        s, e = owner.end + its.start(1), owner.end + its.end(1)
        e -= len(text[s:e]) - len(text[s:e].rstrip())
        found = ctx.mention_at(s, e) or ctx.add_name(s, e, classes[0])
        if found is not None and v.is_a(found.cls, classes):
            return [found]
    listed = _listed_before_copula(ctx, entry, ns, owner)
    if listed:  # "HyperX and Poly are now brands of HP", A和B都是Z旗下的品牌: every name of the list
        return listed
    # before: "Y是Z的N", "Y, Z's N", "Y, the N of Z", and a list before the noun (A、B、C四大品牌)
    before = [m for m in ctx.entities(classes, NOT_OWNER) if m.end <= min(ns, owner.start) and m.start >= ctx.sent.start
              and m.entity_id != owner.entity_id]
    if v.is_a("Organisation", classes):
        # "TSMC Arizona is a wholly owned subsidiary of TSMC": a unit named after its company opens the clause
        first = _SPACE.match(text, ctx.clauses[ctx.clause_of(ns)][0]).end()  # the clause's first word
        opening = next((m for m in ctx.entities(ORG, NOT_OWNER) if m.start == first), None)
        pref = _prefixed_name(ctx, opening.start) if opening is not None and opening.end <= min(ns, owner.start) else None
        if pref is not None and pref.entity_id != owner.entity_id:
            before = [m for m in before if m.end <= pref.start] + [pref]
    if before:
        m = before[-1]
        link = re.sub(r"^\s*(?:（[^）]{1,20}）|\([^)]{1,20}\)|[）)])", "", text[m.end:min(ns, owner.start)])  # "The Intelligent Devices Group (IDG), Lenovo's"
        if re.fullmatch(r"\s*(?:(?:还|也|仍|仍然|就|便|已|已经|目前|现在|如今|现已|随之|从此|由此)?(?:是|成了|成为了|成为|变成了|变成)|为|作为|,|，|(?:is|was|became)(?:\s+(?:a|an|the))?|, a|, the|, an|as)?\s*", link) or (
                lang == "en" and re.fullmatch(r",\s*(?:a|an|the)?\s*(?:[a-z][\w\-]*\s+){0,5}", link)) or (
                lang == "en" and owner.start >= ns and owner.kind == "entity"
                and re.fullmatch(r"\s+(?:is|was|became|remains)\s+(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,3}", link)):
            return [m]  # "HiSilicon is a wholly owned subsidiary of Huawei": an owner named after the noun
    if v.is_a("Organisation", classes):
        # "The Intelligent Devices Group (IDG), Lenovo's largest business", GE家电是海尔智家的全资子公司: a name the
        # lexicon lacks before the link
        head = re.sub(r"\s*(?:\([^)]{1,20}\))?\s*(?:,|\bis|\bwas|\bremains|\bas)\s*(?:(?:a|an|the)\s+)?(?:[a-z][\w\-]*\s+){0,5}$"
                      if lang == "en" else r"(?:（[^）]{1,20}）)?(?:(?:还|也|仍|就|便|已|目前|现在|如今|现已|随之|从此|由此)?(?:是|成了|成为了|成为|变成了|变成)|为)$", "",
                      text[ctx.sent.start:min(ns, owner.start)])
        found = None
        if len(head) < len(text[ctx.sent.start:min(ns, owner.start)]):
            found = ctx.lang.name_before(text[:ctx.sent.start + len(head)], ctx.sent.start + len(head), ctx.lang.words)
            if found is None and lang == "zh":  # 汇天科技是小鹏汽车的子公司: the clause's opening words, when they look like a name
                from .relations import _looks_named
                cs = ctx.clauses[ctx.clause_of(ns)][0]
                cs += len(text[cs:ctx.sent.start + len(head)]) - len(text[cs:ctx.sent.start + len(head)].lstrip(" “"))
                end = ctx.sent.start + len(head)
                now = words_re(ctx.lang.words.get("as_of") or (), "zh")
                lead = now.match(text, cs, end) if now else None
                cs = lead.end() if lead else cs  # 如今青禾科技是集团的子公司: the time is no part of the name
                if 2 <= end - cs <= 12 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9·&\- ]+", text[cs:end]) and _looks_named(ctx, cs, end):
                    found = (cs, end, "")
        if found and found[0] >= ctx.sent.start and found[1] == ctx.sent.start + len(head) and \
                not [o for o in ctx.mentions if o.kind in ENTITY_KINDS and found[0] < o.end and o.start < found[1]
                     and not (found[0] <= o.start and o.end <= found[1])]:
            added = ctx.mention_at(found[0], found[1]) or ctx.add_name(found[0], found[1], classes[0])
            if added is not None and added.entity_id != owner.entity_id and (not added.cls or v.is_a(added.cls, classes)):
                return [added]
    lst = [m for m in ctx.entities(classes, NOT_OWNER) if owner.end <= m.start and m.end <= ns]
    if len(lst) >= 2 and all(re.fullmatch(r"\s*(?:、|,|，|和|及|与|and)\s*", text[a.end:b.start]) for a, b in zip(lst, lst[1:])):
        tail = text[lst[-1].end:ns]
        if _LIST_TAIL.fullmatch(tail):
            return [m for m in lst if m.entity_id != owner.entity_id]
    return []


# the copula after a list of names that the noun describes ("A and B are now brands of Z", A和B都是Z旗下的品牌), with
# the words between it and the noun or its owner (an article, a count, adjectives)
_LIST_COPULA = {
    "en": re.compile(r"\s+(?:are|were|remain|became|have\s+become)\s+(?:(?:now|also|still|both|all|each)\s+)*"
                     r"(?:(?:the|its|their|two|three|four|five|six)\s+)?(?:[a-z][\w\-]*\s+){0,3}$"),
    "zh": re.compile(r"(?:都|均|也|还|目前|现在|如今|同样|全部)*(?:是|为|属于)(?:[一二三四五六七八九十两]+(?:个|大))?$"),
}
_LIST_SPLIT = {"en": re.compile(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+"), "zh": re.compile(r"、|以及|和|及|与")}
_EN_LIST_NAME = re.compile(r"[A-Z0-9][\w.&'’+\-]*(?:\s+[A-Za-z0-9][\w.&'’+\-]*){0,3}")


def _listed_before_copula(ctx: Context, entry: dict, ns: int, owner: Mention) -> list[Mention]:
    """Names listed before a plural copula that the noun then describes ("HyperX and Poly are now brands of HP",
    "Zorro, Vexa and Nimbus were Lenovo's brands", 晶弘和大松都是格力旗下的品牌): each of the list. The owner must
    be named; the list opens its clause (a time before it is passed over) and every item must be a name of the
    noun's classes (known) or look like one (new): two items at least, else nothing."""
    if owner.kind != "entity":
        return []
    lang = ctx.lang.code
    text = ctx.doc.text
    end = min(ns, owner.start) if owner.start >= ctx.sent.start else ns
    cop = _LIST_COPULA[lang].search(text, ctx.sent.start, end)
    if cop is None or cop.end() != end:
        return []
    start = ctx.clauses[ctx.clause_of(cop.start())][0] if lang == "zh" else ctx.sent.start
    for p in ctx.periods():  # "In 2019, A and B became brands of Z": the time before the list opens no item
        if start <= p.start < cop.start() and not text[start:p.start].strip(" ,，在于"):
            start = p.end
    start += len(text[start:cop.start()]) - len(text[start:cop.start()].lstrip(" ,，\u3000"))
    stretch = text[start:cop.start()]
    if not stretch:
        return []
    classes = entry.get("named") or ORG
    v = vocab()
    items, pos = [], start
    for part in _LIST_SPLIT[lang].split(stretch):
        s, e = pos, pos + len(part)
        pos = e + len(_LIST_SPLIT[lang].match(text, e).group()) if _LIST_SPLIT[lang].match(text, e) else e
        while e > s and text[e - 1] in " ）)" and "(" not in text[s:e - 1] and "（" not in text[s:e - 1]:
            e -= 1
        aside = re.search(r"\s*(?:\([^()]{1,20}\)|（[^（）]{1,20}）)$", text[s:e])  # 保利（Poly）: the gloss is no part
        e = s + aside.start() if aside else e
        items.append((s, e))
    if len(items) < 2:
        return []
    from .relations import _looks_named
    found = []
    for s, e in items:
        known = ctx.mention_at(s, e)
        if known is not None:
            if not (known.cls and v.is_a(known.cls, classes)) or known.entity_id == owner.entity_id:
                return []
            found.append(known)
            continue
        if any(o.start < e and o.end > s for o in ctx.mentions if o.kind in ENTITY_KINDS):
            return []  # a place, a person or a longer name overlaps it
        ok = _EN_LIST_NAME.fullmatch(text, s, e) if lang == "en" else \
            2 <= e - s <= 12 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9·&\- ]+", text[s:e]) and _looks_named(ctx, s, e)
        if not ok:
            return []
        found.append((s, e))
    out = []
    for item in found:
        m = item if isinstance(item, Mention) else ctx.add_name(item[0], item[1], classes[0])
        if m is not None:
            out.append(m)
    return out if len(out) >= 2 else []


_COUNTED_NOUN = re.compile(r"(?P<n>[一二三四五六七八九十两2-9])\s*(?:大|个|家|款)[\u4e00-\u9fff]{0,4}$")
_QUOTED_LIST = re.compile(r"(?:[“「][^”」]{1,12}[”」]\s*(?:、|和|及|与)?\s*){2,}(?:等)?$")
_COLON = re.compile(r"\s*(?:构成|组成|分别是|分别为|是|为|包括)?\s*[:：]\s*")
_AND_LIST = re.compile(r'等(?:[“"「][^”"」]{1,8}[”"」])?[\u4e00-\u9fff]{0,4}$')
_LIST_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 .&\-]{1,11}")


def _zh_lists(ctx: Context, entry: dict, ns: int, ne: int) -> tuple[Mention | None, list[Mention]]:
    """Names listed after a counted noun and a colon (西门子由四大业务集团构成：A、B、C以及持股75%的D; the count
    must match), or before the noun and closed by 等 after one of ``list_verbs`` (先后设立A、B和C等“某系”子公司):
    each the company's named last before the list, else the text's company."""
    text = ctx.doc.text
    counted = _COUNTED_NOUN.search(text, max(ctx.sent.start, ns - 10), ns)
    quoted = _QUOTED_LIST.search(text, ctx.sent.start, counted.start()) if counted else None
    if quoted:  # 获得“科龙”“容声”两个品牌: quoted names, counted
        import cn2an

        items = [(quoted.start() + q.start(1), quoted.start() + q.end(1)) for q in re.finditer(r"[“「]([^”」]{1,12})[”」]", quoted.group())]
        if len(items) == int(cn2an.cn2an(counted.group("n"), "smart")):
            return _list_owner(ctx, entry, quoted.start(), items)
    colon = _COLON.match(text, ne, ctx.sent.end) if counted else None
    if colon:
        first = colon.end()
        last = ctx.clauses[ctx.clause_of(first)][1]
        import cn2an  # here, when a list was found: its import costs more than a small build's extraction

        n = int(cn2an.cn2an(counted.group("n"), "smart"))
        # 互动娱乐、云与智慧产业以及…: 与 may join the words of one name; the count tells
        items = next((x for x in (_split_items(ctx, first, last), _split_items(ctx, first, last, "、|以及")) if len(x) == n), [])
        if not items:
            return None, []
        return _list_owner(ctx, entry, counted.start(), items)
    verbs = (entry.get("list_verbs") or {}).get("zh") or []
    closed = _AND_LIST.search(text, ctx.clauses[ctx.clause_of(ns)][0], ns) if verbs else None
    if closed is None:
        return None, []
    cs = ctx.clauses[ctx.clause_of(ns)][0]
    verb = max(((text.rfind(w, cs, closed.start()), w) for w in verbs), key=lambda x: x[0])
    if verb[0] < 0:
        return None, []
    items = _split_items(ctx, verb[0] + len(verb[1]), closed.start())
    if len(items) < 2:
        return None, []
    return _list_owner(ctx, entry, verb[0], items)


def _split_items(ctx: Context, start: int, end: int, joiners: str = "、|以及|和|及|与") -> list[tuple[int, int]]:
    """The names of a list from ``start`` to ``end`` (、 和 及 与 以及 between, an aside in brackets after
    a name, the words before 的 dropped): all must look like names, or none is taken."""
    text = ctx.doc.text
    while end > start and text[end - 1] in "。！？!?；;，,. ":
        end -= 1
    items, pos = [], start
    for part in re.split("(" + joiners + ")", text[start:end]):
        s, e = pos, pos + len(part)
        pos = e
        if part in joiners.split("|"):
            continue
        e = s + len(re.split(r"\s*[（(]", part)[0])  # 海信视像（上交所上市）
        if "的" in text[s:e]:
            s += text[s:e].rindex("的") + 1  # 持股约75%的西门子医疗
        if not _LIST_ITEM.fullmatch(text, s, e):
            return []
        items.append((s, e))
    return items


def _clause_start(ctx: Context, pos: int) -> int:
    text = ctx.doc.text
    return max([ctx.sent.start] + [text.rfind(c, ctx.sent.start, pos) + 1 for c in "，,；;"])


def _clause_subject(ctx: Context, cands: list[Mention]) -> Mention | None:
    """The last of ``cands`` that opens its clause (after a time at most): the subject later clauses go on about."""
    return next((m for m in reversed(cands) if m.kind == "entity" and re.fullmatch(
        r"[\s“”0-9年月日初底末今去明前后]*", ctx.doc.text[_clause_start(ctx, m.start):m.start])), None)


def _list_owner(ctx: Context, entry: dict, pos: int, items: list) -> tuple[Mention | None, list[Mention]]:
    """The company a list belongs to: named before it in its clause, else the subject of an earlier clause
    (海信以约9亿元入主广东科龙电器，获得“科龙”“容声”两个品牌), else the one named last, else the text's."""
    owners = [o for o in ctx.entities(ORG, NOT_OWNER) if ctx.sent.start <= o.start and o.end <= pos and o.kind == "entity"]
    near = [o for o in owners if o.start >= _clause_start(ctx, pos)]
    owner = near[-1] if near else _clause_subject(ctx, owners) or (owners[-1] if owners else None)
    if owner is None and ctx.doc.organisation:
        owner = _implied(pos, ctx.doc.organisation)
    if owner is None:
        return None, []
    classes = entry.get("named") or ORG
    found = [ctx.mention_at(a, b, classes) or ctx.add_name(a, b, classes[0]) for a, b in items]
    return owner, [x for x in found if x is not None and x.entity_id != owner.entity_id]


def _counted_for_other(ctx: Context, entry: dict, pos: int) -> bool:
    """Is the list going on at ``pos`` closed by another entry's noun, counted or after 等 (A、B和C三大手机品牌)?"""
    own = set((entry.get("nouns") or {}).get(ctx.lang.code) or [])
    others = sorted(_nouns(ctx) - own, key=lambda w: (-len(w), w))  # longest first; one order, one pattern run after run
    return bool(others) and re.compile(r"[\w\s&·、（）()\-]*?(?:等|[一二三四五六七八九十两0-9]+\s*(?:大|个|家|款))"
                                       r"[\u4e00-\u9fff]{0,6}?(?:" + "|".join(map(re.escape, others)) + ")").match(ctx.doc.text, pos, ctx.sent.end) is not None


_BRACKET = re.compile(r"\s*[（(]([A-Za-z][A-Za-z0-9 .&\-]{0,30}?)[）)]")


def _bracket_alias(ctx: Context, thing: Mention) -> None:
    """A new name with a short one in brackets after it ("Semiconductor Manufacturing South China
    Corporation (SMIC South)", 阿尔卡特海底网络（ASN）): the short one is another name of the same entity."""
    m = _BRACKET.match(ctx.doc.text, thing.end, ctx.sent.end)
    info = ctx.new_names.get(thing.entity_id) if m and not thing.from_lexicon else None
    if info is None or any(a == m.group(1) for _, a in info.labels + info.aliases):
        return
    import dataclasses

    ctx.new_names[thing.entity_id] = dataclasses.replace(info, aliases=info.aliases + (("en", m.group(1)),))


def _named_again(ctx: Context, thing: Mention) -> None:
    """A name the lexicon lacks, found here, named again later in the sentence (沙特公共投资基金旗下的Alat公司…，
    Alat通过认购可转换债券向联想投资): the later words name the same entity, for the extractors after this one."""
    if thing.from_lexicon or len(thing.text) < 2 or re.fullmatch(r"[A-Za-z]{1,2}", thing.text):
        return
    word = r"(?<![A-Za-z0-9])" + re.escape(thing.text) + r"(?![A-Za-z0-9])"
    for m in re.finditer(word, ctx.doc.text[thing.end:ctx.sent.end]):
        s = thing.end + m.start()
        if not any(o.start < s + len(thing.text) and o.end > s for o in ctx.mentions):
            ctx.add_name(s, s + len(thing.text), thing.cls)


def _zh_new_name(ctx: Context, entry: dict, start: int) -> Mention | None:
    """A company's name the lexicon lacks right after the noun, where its end is sure: a company
    ending (控股子公司无锡某某电器有限公司, ``name_ends``), an aside in Latin letters after it
    (子公司阿尔卡特海底网络（ASN）), or a verb it is the subject of (合资公司某某贝尔开展业务, 由子公司某某微电子研发的,
    ``name_stops``). Only the first with ``new_names: typed`` (the ending says it is a company)."""
    text = ctx.doc.text
    end = min(ctx.sent.end, start + 30)
    ends = (entry.get("name_ends") or {}).get("zh") or []
    span = None
    if ends:
        m = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·（）()]{2,20}?(?:" + "|".join(map(re.escape, ends)) + ")").match(text, start, end)
        span = (m.start(), m.end()) if m else None
    if span is None and entry.get("new_names") != "typed":
        m = _ASIDE_NAME.match(text, start, end)
        if m:
            span = (m.start(), m.start() + len(re.split(r"\s*[（(]", m.group())[0]))
        else:
            stops = (entry.get("name_stops") or {}).get("zh") or []
            m = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{2,10}?(?=" + "|".join(map(re.escape, stops)) + ")").match(text, start, end) if stops else None
            span = m.span() if m else None
    if span is None or _ZH_DESCRIPTOR.fullmatch(text, *span) or text[span[0]:span[1]] in ctx.lang.words.get("not_names", ()):
        return None
    return ctx.mention_at(*span) or ctx.add_name(*span, (entry.get("named") or ORG)[0])


_ZH_NAME_TO_COMMA = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{2,8}(?=[，,])")
_ZH_DESCRIPTOR = re.compile(r"[\u4e00-\u9fff]{0,4}(?:公司|企业|集团|品牌|厂商|平台|业务)")


def _nouns(ctx: Context) -> set[str]:
    """The nouns of every nominal entry (子公司, 品牌, 股东...): no part of a unit's name."""
    return {w for e in ctx.patterns.nominal for w in (e.get("nouns") or {}).get(ctx.lang.code) or []}


def _stops(ctx: Context) -> tuple[str, ...]:
    """The verbs that end a name (``name_stops`` of every nominal entry): 开展, 研发..."""
    return tuple(w for e in ctx.patterns.nominal for w in (e.get("name_stops") or {}).get(ctx.lang.code) or [])


_NOT_NAME_POS = ("v", "d", "p", "c", "u", "m", "r", "q", "f", "x", "y", "e", "o", "t")


_ZH_COMPANY_END = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,12}?(?:股份有限公司|有限责任公司|有限公司|公司)")


def _prefixed_name(ctx: Context, pos: int) -> Mention | None:
    """A unit named after its company, the lexicon not knowing it: a company's name at ``pos`` and
    one word more (京东健康 after 京东集团旗下, 中芯京城, "Panasonic Energy", "JD Health")."""
    text = ctx.doc.text
    own = next((m for m in ctx.entities(ORG, NOT_OWNER) if m.start == pos and m.kind == "entity"), None)
    if own is None or vocab().is_a(own.cls, ["InternalBody"]):
        return None  # 贝尔实验室总部: a unit's name takes no word more
    if ctx.lang.code == "zh":
        from ..segment import posseg

        whole = _ZH_COMPANY_END.match(text, own.end, min(own.end + 14, ctx.sent.end))
        if whole is not None and not any(own.end <= m.start < whole.end() or m.start == pos and m.end > own.end
                                         for m in ctx.mentions if m.kind in ENTITY_KINDS):
            return ctx.add_name(pos, whole.end(), "Organisation")  # 小米系统集成电路公司: up to the company word
        words = posseg(text[own.end:min(own.end + 8, ctx.sent.end)])
        if not words:
            return None
        word, tag = words[0]
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", word) or tag.startswith(_NOT_NAME_POS) or word in _nouns(ctx) \
                or word.startswith(_stops(ctx)):
            return None  # 上海贝尔开展业务: a verb after the name is no part of it
        end = own.end + len(word)
    else:
        more = re.match(r"(?:\s+[A-Z][\w\-]*){1,2}", text[own.end:ctx.sent.end])
        if not more:
            return None
        end = own.end + more.end()
    if any(m.start < end and m.end > own.end and not (m.cls and vocab().is_a(m.cls, ["Place"])) for m in ctx.mentions if m is not own):
        return None  # a place may be part of the name (TSMC Arizona), any other name may not
    return ctx.add_name(pos, end, "Organisation")


_ZH_ITEM = re.compile(r"([\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 .\-]{0,11}?)\s*(?:（[^）]{1,20}）|\([^)]{1,20}\))?\s*(、|和|及|与|以及|等|。|，|；|$)")


def _listed_names(ctx: Context, entry: dict, start: int) -> list[Mention]:
    """The names a list after 包括 gives, known or not (ThinkPad、拯救者（Legion）、YOGA和小新等): each
    item up to 12 characters, the list ending at 等 or the end of the clause; a list of at least
    two, or nothing."""
    text = ctx.doc.text
    classes = entry.get("named") or ORG
    end = ctx.clauses[ctx.clause_of(start)][1]
    items, pos = [], start
    while pos < end:
        m = _ZH_ITEM.match(text, pos, end)
        if m is None:
            return []
        items.append((m.start(1), m.end(1)))
        pos = m.end()
        if m.group(2) != "、" and m.group(2) not in ("和", "及", "与", "以及"):
            break
    if len(items) < 2:
        return []
    found = []
    for s, e in items:
        known = ctx.mention_at(s, e, classes)
        found.append(known or ctx.add_name(s, e, classes[0]))
    return [m for m in found if m is not None]


def _owner_of_list(ctx: Context, entry: dict, ns: int) -> tuple[Mention | None, list[Mention]]:
    """A list of names right before the noun (A、B、C四大品牌) and the company named before the list,
    with only a verb phrase between (比亚迪汽车业务目前形成了…, 联想拥有…)."""
    text = ctx.doc.text
    classes = entry.get("named") or ORG
    things = sorted((m for m in ctx.entities(classes, NOT_OWNER) if ctx.sent.start <= m.start and m.end <= ns),
                    key=lambda m: m.start)
    if ctx.lang.code == "zh":  # 旗下拥有海尔、卡萨帝、Leader、Fisher & Paykel和Candy七大品牌: a counted list first
        owner, listed = _counted_list(ctx, entry, ns)
        if owner is not None and listed:
            return owner, listed
    if not things or not _LIST_TAIL.fullmatch(text[things[-1].end:ns]):
        return None, []
    run = [things[-1]]
    for m in reversed(things[:-1]):
        if _LIST_JOINER.fullmatch(text[m.end:run[0].start]):
            run.insert(0, m)
        else:
            break
    if len(run) < 2:
        return None, []
    owners = [m for m in ctx.entities(ORG, NOT_OWNER) if ctx.sent.start <= m.start and m.end <= run[0].start]
    if not owners:
        return None, []
    owner = owners[-1]
    if not re.fullmatch(r"[\u4e00-\u9fff]{0,12}", text[owner.end:run[0].start]):
        return None, []  # only a verb phrase between the company and its list
    return owner, [m for m in run if m.entity_id != owner.entity_id]


# 传音旗下拥有TECNO、itel和Infinix三大手机品牌: after the owner, a verb; then the list; then its count
_COUNTED = re.compile(r"(?:旗下|的)?(?:(?:还|也|共|目前|现已)?(?:拥有|有|包括|形成了|推出了|打造了|运营着?|经营着?))?"
                      r"(?P<list>.+?)(?:等)?(?P<n>[一二三四五六七八九十两2-9])(?:大|个|家|款)[\u4e00-\u9fff]{0,4}")
_ITEM = re.compile(r"[A-Za-z][\w\-& ]{0,20}|[\u4e00-\u9fff]{2,6}")


def _counted_list(ctx: Context, entry: dict, ns: int) -> tuple[Mention | None, list[Mention]]:
    """A list the lexicon does not know, right before the noun and counted (A、B和C三大品牌), after
    the company that has them: taken only when the count matches the items."""
    text = ctx.doc.text
    owners = [m for m in ctx.entities(ORG, NOT_OWNER) if ctx.sent.start <= m.start and m.end <= ns]
    # the company the list follows (the names in the list may be companies too)
    owner, m = next(((o, found) for o in owners if (found := _COUNTED.fullmatch(text, o.end, ns)) is not None), (None, None))
    if m is None and not owners and ctx.doc.organisation and entry.get("text_owner"):
        # 手持影像方面有Osmo灵眸和Ronin如影两个品牌: no company named, the text's
        cs = ctx.clauses[ctx.clause_of(ns)][0]
        verb = max((text.rfind(w, cs, ns) for w in ("拥有", "有", "包括")), default=-1)
        if verb >= 0:
            m = _COUNTED.fullmatch(text, verb, ns)
            owner = _implied(verb, ctx.doc.organisation) if m is not None else None
    if m is None:
        return None, []
    pos, items = m.start("list"), []
    for part in re.split(r"(、|以及|和|及|与)", m.group("list")):
        if part in ("、", "以及", "和", "及", "与"):
            pos += len(part)
            continue
        if not _ITEM.fullmatch(part):
            return None, []
        latin = re.fullmatch(r"([A-Za-z][A-Za-z0-9\-& ]*?)\s*[\u4e00-\u9fff]{2,4}", part)
        # Osmo灵眸: a Latin name and its Chinese name; the Latin one is the brand's
        items.append((pos, pos + len(latin.group(1)) if latin else pos + len(part)))
        pos += len(part)
    import cn2an  # here, when a list was found: its import costs more than a small build's extraction

    if len(items) < 2 or len(items) != int(cn2an.cn2an(m.group("n"), "smart")):
        return None, []
    classes = entry.get("named") or ORG
    found = [ctx.mention_at(a, b, classes) or ctx.add_name(a, b, classes[0]) for a, b in items]
    return owner, [x for x in found if x is not None and x.entity_id != owner.entity_id]
