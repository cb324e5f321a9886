"""What every extractor sees of a sentence (``Context``) and the helpers they share:
finding a subject, a period, a market, and building evidence."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..iris import new_entity_id, vocab
from ..lang import Language
from ..types import Document, EntityInfo, Evidence, Mention, PeriodRef, Sentence
from .patterns import Patterns, has_word

ENTITY_KINDS = ("entity", "pronoun")
MONEY_UNITS = ("CNY", "USD", "HKD", "EUR", "GBP", "JPY", "KRW", "TWD", "INR")
_PRODUCTS = ["Product", "ProductSeries", "Brand"]
MONEY = ("CNY", "USD")


ORG = ["Organisation"]  # the classes that can own, found, list or report

# 本季度, "this quarter": in a results text, the quarter it reports on
THIS_QUARTER = {
    "zh": re.compile(r"本季度|本财季|当季|本期|报告期"),
    "en": re.compile(r"\b(?:this|the)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
                     r"November|December)\s+)?quarter\b|\bquarterly\b", re.IGNORECASE),
}


@dataclass
class Context:
    """What an extractor sees of one sentence, and the per-sentence working state."""

    doc: Document
    lang: Language
    sent: Sentence
    mentions: list[Mention]
    clauses: list[tuple[int, int]]  # document offsets
    recent_periods: list[PeriodRef]  # from the previous sentences, most recent last
    recent_places: list[str]
    patterns: Patterns
    new_names: dict  # entity id -> EntityInfo of names found outside the lexicon (shared by the document)
    recent_orgs: list[str] = field(default_factory=list)  # organisations the previous sentences named
    recent_parties: tuple = ()  # the first two organisations the previous sentence named (双方, "the two companies")
    set_words: tuple = ()  # words that mark the setting of a goal (提出, set)
    consumed: set = field(default_factory=set)  # (start, end) of used quantities/ranks/triggers
    goal_spans: list = field(default_factory=list)  # (start, end, achieved)
    idle_triggers: set = field(default_factory=set)  # (start, end) of metric triggers that took no value
    names: list | None = None  # names outside the lexicon, found once per sentence when needed
    report_period: PeriodRef | None = None  # the period a results document reports on (its title or lead)
    unit_owners: dict = field(default_factory=dict)  # entity id of a business unit -> the mention of its owner
    recent_categories: list = field(default_factory=list)  # product categories the previous sentence named
    recent_lists: list = field(default_factory=list)  # ranking lists the previous sentence named
    short_names: dict = field(default_factory=dict)  # a person's short form ("Huang", 伍德曼) -> entity id (None: two people share it)
    recent_people: tuple = ()  # the people the last sentence naming any named (entity ids, in order), within two sentences
    _entity_cache: dict = field(default_factory=dict)

    def carried_category(self) -> str:
        """The product category the previous sentence named, when it named just one."""
        return self.recent_categories[0] if len(self.recent_categories) == 1 else ""

    def clause_of(self, pos: int) -> int:
        for i, (s, e) in enumerate(self.clauses):
            if s <= pos < e:
                return i
        return len(self.clauses) - 1

    def entities(self, classes, exclude=()) -> list[Mention]:
        """The entity and pronoun mentions of the sentence of the given classes (less ``exclude``)."""
        version = (len(self.mentions), id(self.mentions[-1]) if self.mentions else 0)
        key = (tuple(classes), tuple(exclude or ()), version)
        cached = self._entity_cache.get(key)
        if cached is None:
            # the sentence's names with their classes' ancestors, once per state of its mentions
            named = self._entity_cache.get(version)
            if named is None:
                v = vocab()
                named = self._entity_cache[version] = [(m, v.ancestors(m.cls)) for m in self.mentions
                                                       if m.kind in ENTITY_KINDS and m.cls]
            cached = self._entity_cache[key] = [m for m, up in named if not up.isdisjoint(classes)
                                                and not (exclude and not up.isdisjoint(exclude))]
        return list(cached)

    def periods(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "period"]

    def mention_at(self, start: int, end: int, classes=None) -> Mention | None:
        """The entity mention covering exactly (start, end), if any (of the given classes)."""
        v = vocab()
        for m in self.mentions:
            if m.kind in ENTITY_KINDS and m.start == start and m.end == end and (
                    classes is None or (m.cls and v.is_a(m.cls, classes))):
                return m
        return None

    def name_also(self, entity_id: str, names, label: str = "", lang: str = "") -> None:
        """A name minted in this document is also known by ``names`` (and, given ``label``, written so), names
        of the document's language unless ``lang`` says which."""
        info = self.new_names[entity_id]
        labels = ((self.lang.code, label),) if label else info.labels
        code = lang or self.lang.code
        aliases = info.aliases + tuple((code, n) for n in names if n and (code, n) not in labels)
        self.new_names[entity_id] = EntityInfo(info.entity_id, info.cls, labels, tuple(dict.fromkeys(aliases)))

    def add_name(self, start: int, end: int, cls: str) -> Mention | None:
        """A name the lexicon does not know becomes an entity mention of class ``cls`` (minted
        once per document); None when the span overlaps a mention that is not inside it. A place
        may be inside it (深圳设计博物馆), and so may a company, brand or product the longer name
        is made from ("iPhone 16 Pro" holds "iPhone 16", "Xiaomi SU7" holds "Xiaomi")."""
        v = vocab()
        inside = [m for m in self.mentions if m.start < end and m.end > start]
        # a new name may hold a place (深圳设计博物馆), a company ("Xiaomi SU7", "Xiaomi EV", 南京爱立信熊猫通信有限公司,
        # the person "Lars Magnus Ericsson") or a product it is made from ("iPhone 16 Pro")
        product = v.is_a(cls, _PRODUCTS)
        # … and a kind of product (海尔沈阳冰箱互联工厂, 光网络部门, "GE Appliances")
        within = ["Place"] + (["Organisation", "Product", "ProductSeries", "Brand", "ProductCategory"]
                              if v.is_a(cls, _PRODUCTS + ["Organisation"])
                              else ["Organisation"] if cls == "Person"
                              else ["ProductCategory", "Organisation", "Brand", "Product", "ProductSeries"]
                              if cls == "ProductCategory"  # 激光电视 holds 电视, "iPhone assemblers" an iPhone
                              else ["Organisation", "ProductCategory", "Person"] if v.is_a(cls, ["Place"])  # 腾讯滨海大厦, 海尔冰箱互联工厂, "Steve Jobs Theater"
                              else ["Place", "Organisation", "ProductCategory"] if cls == "RankingList"  # 中国民营企业500强
                              else ["Place", "Organisation"] if v.is_a(cls, ["Event"]) else [])  # 2008年北京奥运会, 国际足联世俱杯
        listing = cls == "RankingList"  # (its number and year: 2024胡润全球独角兽榜, 全球安防50强)
        event = v.is_a(cls, ["Event"])  # (its year, no count: 2008年北京奥运会, not 一支车队)
        # 小米手机1代: a product's name may hold its maker, a category word and a number
        if not all(start <= m.start and m.end <= end and (m.start, m.end) != (start, end) and (
                m.kind == "entity" and m.cls and v.is_a(m.cls, within) or (product or listing) and m.kind == "quantity"
                or listing and m.kind in ("period", "rank") or event and m.kind == "period")
                for m in inside):
            return None
        name = self.doc.text[start:end].strip()
        if not name:
            return None
        known = self.short_names.get(name) if cls == "Person" else None
        if known:  # 伍德曼 after 尼克·伍德曼, "Huang" after Huang Chang: the person named in full before
            for m in inside:
                self.mentions.remove(m)
            self._entity_cache.clear()
            mention = Mention(start, end, name, "entity", known, "Person", from_lexicon=False)
            self.mentions.append(mention)
            self.mentions.sort(key=lambda m: (m.start, m.end))
            return mention
        eid = new_entity_id(name)
        info = self.new_names.setdefault(eid, EntityInfo(eid, cls, ((self.lang.code, name),)))
        for m in inside:
            self.mentions.remove(m)
        self._entity_cache.clear()  # the new name replaces the mentions it holds
        parts = tuple((m.start, m.end, m.entity_id, m.cls) for m in inside)
        bare = _without_country(self.doc.text, start, end, inside) if v.is_a(cls, ["Organisation"]) else ""
        if bare and bare != name:  # 德国曼内斯曼公司, "Switzerland Arbonia": also known without the country it is from
            self.name_also(eid, [bare])
        gloss = GLOSS.match(self.doc.text, end) if self.lang.code == "zh" else None
        if gloss is not None:  # 瓦里安（Varian）: the name in Latin letters the text gives in brackets
            self.name_also(eid, [gloss.group(1).strip()])
        mention = Mention(start, end, name, "entity", eid, info.cls, from_lexicon=False, parts=parts)
        self.mentions.append(mention)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return mention


# a name glossed in brackets with its Latin spelling: 天巡（Skyscanner）, 格罗曼工程（Grohmann Engineering）
GLOSS = re.compile(r"\s*[（(]\s*([A-Z][A-Za-z0-9&.'’\- ]{1,40}?)\s*[)）]")


def _without_country(text: str, start: int, end: int, inside: list[Mention]) -> str:
    """The rest of a new organisation's name after the country that opens it (德国曼内斯曼公司 → 曼内斯曼公司,
    "Switzerland Arbonia" → "Arbonia"), when that rest still reads as a name; else ""."""
    first = next((m for m in inside if m.start == start and m.kind == "entity"), None)
    if first is None or not first.cls or not vocab().is_a(first.cls, ["Country"]):
        return ""
    rest = text[first.end:end].strip()
    if re.match(r"[A-Za-z]", rest):
        # "Australian Open", "Japanese Display": a word of the country's people makes part of the name
        return rest if (rest[:1].isupper() or rest[:1].isdigit()) and not _DEMONYM.search(first.text) else ""
    # 中国政府, 日本公司: two characters after the country are a common noun, not the rest of a name
    return rest if re.match(r"[\u4e00-\u9fff]{3}|[\u4e00-\u9fff]{1,2}[A-Za-z0-9]", rest) and not re.fullmatch(r"(?:股份)?(?:有限)?(?:公司|集团|企业)", rest) else ""


_DEMONYM = re.compile(r"(?:[ie]an|can|ese|ish|ch|i)$")


def trigger_hits(ctx: Context, regex, owners, names_inside: bool = False) -> list[tuple[int, int, list[dict]]]:
    """Trigger hits in the sentence (document offsets), skipping those inside entity names (with
    ``names_inside``, a trigger that holds a whole name still counts: 款手机 holds 手机; a pronoun
    between a trigger's first and last words is one of its words)."""
    if regex is None:
        return []
    out = []
    names = [(m.start, m.end, m.kind == "pronoun") for m in ctx.mentions if m.kind in ENTITY_KINDS]
    for m in regex.finditer(ctx.sent.text):
        s, e = ctx.sent.start + m.start(), ctx.sent.start + m.end()
        # a pronoun inside the trigger's words is one of them ("reduced our stake in", "sold our stake in")
        if any(s < b and e > a and not (names_inside and s <= a and b <= e) and not (pronoun and s < a and b < e)
               for a, b, pronoun in names):
            continue
        out.append((s, e, owners[m.group().lower()]))
    return out


CROSS_CLAUSE = 0.85  # arguments clauses apart, with another name of the subject's kind between them


def evidence(ctx: Context, spans, rule: str, confidence: float, not_rivals=()) -> Evidence:
    """The evidence of a fact: the sentence's text from its first to its last argument. A fact
    whose arguments do not share a clause is less sure (and may fall below the candidate threshold),
    unless the names between are ``not_rivals``: spans the extractor knows are not its subject, or
    classes whose names cannot take the first argument's role."""
    spans = [s for s in spans if s is not None]
    if len(spans) >= 2 and _rival_between(ctx, spans[0], spans[-1], not_rivals):
        confidence *= CROSS_CLAUSE
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    return Evidence(ctx.doc.doc_id, ctx.sent.index, start, end, ctx.doc.text[start:end], rule, round(confidence, 3))


_FAMILIES = ("Organisation", "Person", "Product", "ProductSeries", "Place")


def _rival_between(ctx: Context, first, last, not_rivals=()) -> bool:
    """Do the first and last arguments sit clauses apart with another name of the first one's kind
    between them (比亚迪…，华为…，总部位于深圳: whose headquarters)? A clause that only goes on about
    the same subject (比亚迪成立于1995年，由王传福创立，总部位于深圳) is no doubt."""
    if abs(ctx.clause_of(first[0]) - ctx.clause_of(last[0])) < 2:
        return False
    if last[0] > first[0]:  # a list's later names are as near as its first ("stakes in JD.com, Meituan and …")
        listed = _list_before(ctx, last[0])
        if listed:
            last = min(listed)
            if abs(ctx.clause_of(first[0]) - ctx.clause_of(last[0])) < 2:
                return False
    a = next((m for m in ctx.mentions if (m.start, m.end) == tuple(first) and m.cls), None)
    if a is None:
        return False
    v = vocab()
    family = next((f for f in _FAMILIES if v.is_a(a.cls, [f])), None)
    lo, hi = min(first[1], last[1]), max(first[0], last[0])
    spans_out = {x for x in not_rivals if isinstance(x, tuple)}
    classes_out = [x for x in not_rivals if isinstance(x, str)]
    return family is not None and any(lo <= m.start and m.end <= hi and m.kind in ENTITY_KINDS and m.cls
                                      and m.entity_id != a.entity_id and v.is_a(m.cls, [family])
                                      and (m.start, m.end) not in spans_out
                                      and not (classes_out and v.is_a(m.cls, classes_out)) for m in ctx.mentions)


_LIST_GAP = re.compile(r"\s*(?:,|，|、|和|及|与|以及|and|, and|or)\s*")
# … and in English, past the earlier name's own time and price: "acquired Jaybird in 2016 for $50 million, Astro
# Gaming in 2017 for $85 million and Streamlabs in 2019"
_EN_OWN_LIST_GAP = re.compile(r"(?:\s+(?:in|on)\s+(?:[A-Z][a-z]+\.?\s+)?(?:[0-9]{1,2},?\s+)?(?:19|20)[0-9]{2}"
                              r"|\s+for\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|approximately\s+)?"
                              r"(?:US|HK|NT|A|C)?[$€£¥]?[0-9][0-9.,]*\s*(?:million|billion|trillion|bn|m)?"
                              r"(?:\s+(?:dollars|euros|yuan|yen|pounds|won))?){1,2}\s*(?:,|and|, and)\s*")


def _list_before(ctx: Context, pos: int) -> set[tuple[int, int]]:
    """The names listed before the one at ``pos`` ("stakes in JD.com, Meituan and Pinduoduo"): one
    list, not rival names between a fact's arguments."""
    names = sorted((m for m in ctx.mentions if m.kind in ENTITY_KINDS and m.end <= pos), key=lambda m: m.start)
    out, edge = set(), pos
    for m in reversed(names):
        gap = ctx.doc.text[m.end:edge]
        if not _LIST_GAP.fullmatch(gap) and not (ctx.lang.code == "en" and _EN_OWN_LIST_GAP.fullmatch(gap)):
            break
        out.add((m.start, m.end))
        edge = m.start
    return out


def span(m: Mention | None):
    return (m.start, m.end) if m is not None else None


def nearest(cands: list[Mention], pos: int) -> Mention | None:
    return min(cands, key=lambda m: min(abs(m.start - pos), abs(m.end - pos)), default=None)


def subject_of(ctx: Context, classes, pos: int, exclude=(), default: str = "") -> tuple[Mention | None, str]:
    """The subject of a trigger at ``pos``: the nearest fitting mention before it in the
    sentence (same clause first), else after it in the same clause, else the document's
    organisation when the pattern allows. Returns (mention or None, entity id)."""
    cands = ctx.entities(classes, exclude)
    before = [m for m in cands if m.end <= pos]
    clause = ctx.clause_of(pos)
    same = [m for m in before if ctx.clause_of(m.start) == clause]
    # a clause with no subject of its own continues the sentence's: 比亚迪电子…的子公司，于2007年在香港上市
    # (not a transcript's label opening the line: "张三：1978年，邓小平访问日本" is no visit of 张三's)
    carried = [m for m in before if not answer_label(ctx, m)]
    pick = same[-1] if same else carried[0] if carried else None
    if pick is None:
        after = [m for m in cands if m.start >= pos and ctx.clause_of(m.start) in (clause, clause + 1)]
        if after and (ctx.clause_of(after[0].start) == clause or opens_clause(ctx, after[0])):
            pick = after[0]
    if pick is not None:
        return pick, pick.entity_id
    if default == "organisation":
        topic = ctx.doc.organisation or (ctx.recent_orgs[-1] if ctx.recent_orgs else "")
        return None, topic
    return None, ""


def answer_label(ctx: Context, m: Mention) -> bool:
    """Is ``m`` the label a transcript opens a line with ("张三：", "Jane Doe:"), naming who speaks?"""
    text = ctx.doc.text
    return text[m.end:m.end + 1] in (":", "：") and (m.start == 0 or text[m.start - 1] == "\n")


def opens_clause(ctx: Context, m: Mention) -> bool:
    """Is ``m`` the first mention of its clause?"""
    start = ctx.clauses[ctx.clause_of(m.start)][0]
    return not any(o.kind in ENTITY_KINDS and start <= o.start < m.start for o in ctx.mentions)


# 较去年同期增长9.6%, 与上年相比, "compared with 2023": a time a figure is compared with is not its own
_COMPARED = {"zh": (re.compile(r"(?:较|比|与|和|对比|相较于?|相比)\s*$"),
                    # 是去年同期的三倍多: the figure of the time compared with, as a multiple
                    re.compile(r"^\s*(?:相比|同期|比较|增长|下降|下滑|减少|提升|上升|的?[0-9一二两三四五六七八九十.]+倍)")),
             # (a translation's "compare last year same period", 较上年同期: the time compared with)
             "en": (re.compile(r"\b(?:compared\s+(?:with|to)|compare(?:\s+(?:with|to))?|versus|vs\.?|than(?!\s+(?:about\s+|nearly\s+|some\s+)?(?:[A-Z]{0,3}\$|RMB|€|£|¥|[0-9])))\b(?:[^,.;]|[,.](?=[0-9])){0,30}$"
                               r"|[0-9]\s*(?:%|percent|per\s+cent)\s+(?:on|over|from)\s+(?:the\s+)?(?:same\s+(?:quarter|period|month|half|year)\s+(?:of\s+)?)?$"  # "up 11% on 2023", "20% from 2023"
                               r"|\b(?:record|peak|high|low)\s+(?:set|reached|hit|posted)\s+(?:in|during)\s+(?:the\s+)?$"  # "the record set in 2018"
                               r"|\b(?:up|down|rising|falling|rose|fell|grew|increased|decreased|declined)\s+from\s+(?:the\s+|its\s+)?$"  # "up from the 2024 level"
                               r"|\b(?:double|triple|twice|half)\s+(?:the\s+)?(?:figure|level|amount|total)\s+(?:for|of|in)\s+(?:the\s+)?$"
                               r"|\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:[A-Z]{0,3}\$?|RMB|US\$|€|£|¥)?\s*[0-9][0-9,.]*\s*"
                               r"(?:million|billion|trillion|%|percent)?(?:\s*\([^()]{0,30}\))?\s+(?:(?:in|for)\s+)?"  # "against RMB9.9 billion last year"
                               r"(?:the\s+)?(?:(?:same|[A-Za-z]+)\s+(?:quarter|period|month|half|year)\s+(?:of\s+)?)?$",  # "the March quarter of 2023"
                               re.IGNORECASE), None)}  # "up 44% from RMB68,840.4 million in the same quarter of 2023"


# a time a record is measured from (为2018年第三季度以来的最高水平, "the highest since 2018") or a figure is
# unchanged from ("almost unchanged from 2023"): the time compared with, not one the figure holds since
_RECORD_SINCE = {
    # (a few words may name what is measured: 今年以来香港规模最大的科技企业IPO)
    "zh": lambda text, m: re.match(r"的?(?:[^，。；、,;\d]{0,6}?最[\u4e00-\u9fff]|新高|新低|首次)", text[m.end:m.end + 10]) is not None,
    "en": lambda text, m: re.search(r"\b(?:highest|lowest|best|worst|strongest|weakest|fastest|slowest|biggest|largest|"
                                    r"unchanged|flat|steady|little\s+changed)\b(?:\s+(?:level|quarter|year|month|result|figure))?\s*$"
                                    # "the largest tech IPO in Hong Kong since 2015": a few words name what is measured
                                    r"|\b(?:highest|lowest|best|worst|strongest|weakest|fastest|slowest|biggest|largest)\b[^,.;:!?]{0,36}$",
                                    text[max(0, m.start - 48):m.start], re.IGNORECASE) is not None,
}


_MOVED = re.compile(r"\b(?:up|down|rising|falling|rose|fell|grew|increased|decreased|declined)\s+$", re.IGNORECASE)


def compared_time(ctx: Context, m: Mention) -> bool:
    """A time a figure is compared with (较去年同期, "compared with 2023", "the record set in 2018"):
    not the time of the figure, nor one the next sentences go on about."""
    before, after = _COMPARED.get(ctx.lang.code, (None, None))
    text = ctx.doc.text
    if before is not None and before.search(text[max(ctx.sent.start, m.start - 64):m.start]):
        return True
    if m.period.qualifier == "since" and _RECORD_SINCE[ctx.lang.code](text, m):
        return True
    if ctx.lang.code == "en" and re.match(r"from\b", m.text, re.IGNORECASE) and _MOVED.search(text, max(ctx.sent.start, m.start - 24), m.start):
        return True  # "down from 2024": the time a figure moved from ("from" read as a start)
    if after is None:
        return False
    tail = text[m.end:m.end + 8]
    if "同期" not in m.text:  # 去年 + 同期的三倍
        if not tail.startswith("同期"):
            return False
        tail = tail[2:]
    return after.match(tail) is not None


def statement_periods(ctx: Context) -> list[Mention]:
    """Time expressions of the sentence, less those that date the setting of a goal
    (年初提出的目标: 年初 is when the goal was set, not when the statement holds)."""
    return [m for m in ctx.periods() if not has_word(ctx.doc.text[m.end:m.end + 6], ctx.set_words, ctx.lang.code)]


def near_period(ctx: Context, pos: int) -> PeriodRef | None:
    near = nearest(statement_periods(ctx), pos)
    return near.period if near else None


def period_for(ctx: Context, mode: str, pos: int) -> PeriodRef | None:
    p = near_period(ctx, pos)
    if p is not None:
        return p
    if mode == "previous" and ctx.recent_periods:
        return ctx.recent_periods[-1]
    if mode in ("as_of", "previous") and ctx.doc.date:
        d = ctx.doc.date
        return PeriodRef(d.year, None, d.month, d.day, "asof")
    return None


def event_period(ctx: Context, cs: int, ce: int, ts: int, te: int) -> PeriodRef | None:
    """The time of the event a trigger names: in English after it ("listed in Hong Kong in 2018",
    "founded ... in 1876"), in Chinese before it (2018年7月9日，小米…上市), else the nearest in the clause."""
    cands = [m for m in ctx.periods() if cs <= m.start and m.end <= ce and m.period.year
             and m.period.qualifier in ("", "early", "late", "mid")]
    if ctx.lang.code == "en":
        after = [m for m in cands if m.start >= te]
        if after:
            return after[0].period
    else:
        # 2022年起陆续进入德国: the event began then (the time's 起 marks no state held since)
        begun = [m for m in ctx.periods() if cs <= m.start and m.end <= ts and m.period.year and m.period.qualifier == "since"]
        before = sorted([m for m in cands if m.end <= ts] + begun, key=lambda m: m.start)
        if before:
            return before[-1].period.plain() if before[-1].period.qualifier == "since" else before[-1].period
    if ctx.lang.code == "en":
        # an English sentence dates each event in its own clause or the next two ("Founded in 1984 in
        # Beijing, Lenovo … is listed on the Hong Kong Stock Exchange": 1984 is not the listing's)
        i = ctx.clause_of(ts)
        found = _nearest_plain(ctx, cs, ce, te)
        for lo, hi in ctx.clauses[i + 1:i + 3]:  # "acquired Ageia, the developer of PhysX, in 2008"
            if ";" in ctx.doc.text[te:lo]:
                break  # "…, a joint venture with BMW, to build MINIs; the venture started production in 2023": another event
            if found is None:
                found = _nearest_plain(ctx, lo, hi, te)
        if found is None:  # "In September 2020, Nvidia agreed to buy Arm": an opening clause that is only a time
            fs, fe = ctx.clauses[0]
            opening = [m for m in ctx.periods() if fs <= m.start and m.end <= fe]
            rest = ctx.doc.text[fs:fe]
            for m in opening:
                rest = rest.replace(m.text, "")
            if opening and re.fullmatch(r"\s*(?:in|on|at|by|since|during|later|earlier|early|late|that|the|of|year|\s)*\s*", rest, re.IGNORECASE):
                found = _nearest_plain(ctx, fs, fe, te)
            # "In 2020 Hon Hai set up Foxtron, a joint venture with Yulon Motor": a sentence that opens with its
            # time dates the events it tells, up to a semicolon, when none has a time of its own
            elif opening and ";" not in ctx.doc.text[fs:ts] and re.fullmatch(
                    r"\s*(?:in|on|during|by|at\s+the\s+end\s+of|early\s+in|late\s+in)\s*", ctx.doc.text[fs:opening[0].start], re.IGNORECASE) \
                    and not any(m.period.year and m.start >= fe and m.end <= ts for m in ctx.periods()):
                found = opening[0].period if opening[0].period.year and opening[0].period.qualifier in ("", "early", "late", "mid") else None
        return found
    own = _nearest_plain(ctx, cs, ce, te)
    if own is None and later_clause(ctx, ts):
        return None
    # 2020年8月27日，小鹏汽车登陆纽交所；2022年7月7日…: a Chinese sentence dates an event by the time told before it
    return own or _nearest_plain(ctx, ctx.sent.start, ts, ts) or _nearest_plain(ctx, ctx.sent.start, ctx.sent.end, te)


def later_clause(ctx: Context, pos: int) -> bool:
    """Does the clause of ``pos`` open with a word of sequence and give no time of its own (2018年12月G3上市，
    此后陆续推出P7): what it tells happened later, not at the time of the clause before."""
    cs, ce = ctx.clauses[ctx.clause_of(pos)]
    opening = ctx.doc.text[cs:ce].lstrip("，,、 ")
    return any(opening.startswith(w) for w in ctx.lang.words.get("sequence_words") or []) and \
        not any(cs <= m.start and m.end <= ce for m in ctx.periods())


def _nearest_plain(ctx: Context, lo: int, hi: int, pos: int) -> PeriodRef | None:
    # 诺基亚完成收购英飞朗 新任CEO将于4月上任: a Chinese time told as to come after the trigger dates a later plan, not the event
    cands = [m for m in ctx.periods() if lo <= m.start and m.end <= hi and m.period.year
             and m.period.qualifier in ("", "early", "late", "mid")
             and not (m.start >= pos and ctx.lang.code == "zh" and _to_come_before(ctx, m))]
    pick = nearest(cands, pos)
    return pick.period if pick else None


def _to_come_before(ctx: Context, m: Mention) -> bool:
    """Is ``m`` right after a word of the future (将于4月, 计划在2026年)?"""
    words = ctx.lang.words.get("future") or []
    before = ctx.doc.text[max(ctx.sent.start, m.start - 6):m.start]
    return bool(words) and re.search(r"(?:" + "|".join(map(re.escape, words)) + r")\s*(?:于|在|从|自)?\s*$", before) is not None


def reported_by(ctx: Context) -> str:
    firms = ctx.entities(["ResearchFirm"])
    return firms[0].entity_id if firms else ""


def market_place(ctx: Context, pos: int) -> str:
    """The place a market statement at ``pos`` is about: a place in its clause, else in
    the sentence, else the last place of the previous sentences, else the world."""
    places = ctx.entities(["Place"])
    clause = ctx.clause_of(pos)
    same = [m for m in places if ctx.clause_of(m.start) == clause]
    pick = nearest(same, pos) or nearest(places, pos)
    if pick is not None:
        return pick.entity_id
    if ctx.recent_places:
        return ctx.recent_places[-1]
    return "world"


_THE_MARKET = {"en": re.compile(r"\bthe\s+market\b", re.IGNORECASE), "zh": re.compile(r"该市场|这一市场|这个市场|当地市场")}


def market_just_named(ctx: Context, cs: int, ce: int) -> str:
    """The place of "the market" in the clause cs..ce when the sentences before named one place
    ("… China's smartphone market. Vivo led the market"), and this sentence names no world."""
    named = set(ctx.recent_places) - {"world"}
    expr = _THE_MARKET.get(ctx.lang.code)
    if len(named) != 1 or expr is None or not expr.search(ctx.doc.text, cs, ce):
        return ""
    if has_word(ctx.sent.text, ctx.lang.words.get("world") or [], ctx.lang.code):
        return ""
    return named.pop()


def attrs(**kw) -> tuple:
    return tuple(sorted((k, v) for k, v in kw.items() if v not in (None, "")))




def lower_bound(ctx: Context, pats: Patterns, qm: Mention, bound: str, pat: dict | None = None) -> str:
    if bound != "Exact":
        return bound
    words = []
    for qpat in ([pat] if pat else pats.quantities):
        words += (qpat.get("lower_bound") or {}).get(ctx.lang.code, [])
    if not words:
        return bound
    window = 4 if ctx.lang.code == "zh" else 26
    before = ctx.doc.text[max(ctx.sent.start, qm.start - window):qm.start]
    return "LowerBound" if has_word(before, words, ctx.lang.code) else bound

