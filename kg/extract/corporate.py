"""Corporate facts told in one frame: founding (when, where, by whom), listing on a stock
exchange (where, when) and headquarters.

"Xiaomi was founded on 6 April 2010 in Beijing by Lei Jun together with Lin Bin ...";
比亚迪于1995年2月在深圳成立，由王传福创立; 2018年7月9日，小米在香港联交所主板挂牌上市;
"Dallas-based AT&T"; 总部位于美国加利福尼亚州库比蒂诺. Trigger words come from ``founding:``,
``listing:`` and ``headquarters:`` in ``data/patterns.yaml``.
"""
from __future__ import annotations

import functools
import re

from ..gazetteer import is_subdivision
from ..lang.spans import alternation
from ..iris import vocab
from ..types import Fact, Mention, PeriodRef
from . import roles
from .context import ORG, Context, attrs, event_period, evidence, span
from .patterns import has_word, words_re

NOT_FOUNDED = ["StockExchange", "RankingList", "RetailChannel"]
NOT_HEADQUARTERED = ("StockExchange", "RankingList")
PLACE = ["Place"]
PERSON = ["Person"]


def extract(ctx: Context) -> list[Fact]:
    spec = ctx.patterns.corporate
    if not spec:
        return []
    facts = []
    facts += _founding(ctx, spec.get("founding") or {})
    facts += _listing(ctx, spec.get("listing") or {})
    facts += _tickers(ctx, spec.get("listing") or {})
    facts += _listed_compounds(ctx, spec.get("listing") or {})
    facts += _headquarters(ctx, spec.get("headquarters") or {})
    facts += _founder_lists(ctx, spec.get("founding") or {})
    return facts


def _words(spec: dict, key: str, lang: str) -> list[str]:
    return list((spec.get(key) or {}).get(lang, []))


def _stored(spec: dict, key: str, lang: str):
    """The data file's own list of ``key`` words (not a copy: ``words_re`` finds its regex by the list), or ()."""
    return (spec.get(key) or {}).get(lang) or ()


def _hits(ctx: Context, words) -> list[tuple[int, int]]:
    if not words:
        return []
    regex = words_re(words, ctx.lang.code)
    names = [(m.start, m.end) for m in ctx.mentions if m.kind == "entity"]
    out = []
    for m in regex.finditer(ctx.sent.text):
        s, e = ctx.sent.start + m.start(), ctx.sent.start + m.end()
        if not any(s < b and e > a for a, b in names):
            out.append((s, e))
    return out


def _future(ctx: Context, ts: int) -> bool:
    from .relations import _future as future

    return future(ctx, ts)


def _plan_in_clause(ctx: Context, cs: int, ts: int) -> bool:
    from .relations import _future_re

    words = ctx.lang.words.get("future") or []
    return bool(words) and _future_re(tuple(words), ctx.lang.code).search(ctx.doc.text, cs, ts) is not None \
        if ctx.lang.code == "zh" else _future(ctx, ts)


def _plain_period(ctx: Context, lo: int, hi: int, pos: int) -> PeriodRef | None:
    """The time of an event in [lo, hi): a plain date (not "since", not "by"), nearest ``pos``."""
    cands = [m for m in ctx.periods() if lo <= m.start and m.end <= hi and m.period.year
             and m.period.qualifier in ("", "early", "late", "mid")]
    if not cands:
        return None
    return min(cands, key=lambda m: abs(m.start - pos)).period


def _org_before(ctx: Context, ts: int, limit: int = 80, exclude=NOT_FOUNDED) -> Mention | None:
    # 由斯坦福大学的莱昂纳德·波萨克…创办: an organisation that only says whose a person is is no subject
    orgs = [m for m in ctx.entities(ORG, exclude) if m.end <= ts and _distance(ctx, m.end, ts) <= limit and not _whose(ctx, m)]
    return orgs[-1] if orgs else None


# "EZVIZ, which listed separately on", "Quorvia, which was founded in 2015", "…, which is headquartered in": the
# relative pronoun (its auxiliary, an adverb) right before the trigger
_EN_WHICH = re.compile(r"\s*,\s*(?:which|that)\s+(?:(?:was|were|is|are|has|have|had|been|being|also|later|first|then|now|"
                       r"itself|separately|subsequently|eventually|originally|initially|\w+ly)\s+){0,3}$", re.IGNORECASE)


def _which_head(ctx: Context, ts: int, exclude=NOT_FOUNDED) -> Mention | None:
    """The company a relative clause that holds the trigger is about: the name right before ", which"
    ("Huawei also owns EZVIZ, which listed separately on the Shanghai Stock Exchange": EZVIZ listed, not
    Huawei), a name the lexicon lacks too; None when no such clause or the name is no company's."""
    if ctx.lang.code != "en":
        return None
    text = ctx.doc.text
    m = _EN_WHICH.search(text, ctx.sent.start, ts)
    if m is None or m.end() != ts:
        return None
    k = m.start()
    known = [o for o in ctx.mentions if o.kind in ("entity", "pronoun") and o.end == k]
    if known:
        ok = [o for o in known if o.cls and vocab().is_a(o.cls, ORG) and not vocab().is_a(o.cls, exclude)]
        return ok[0] if ok else None
    found = ctx.lang.name_before(text[:k], k, ctx.lang.words)
    if not found or found[0] < ctx.sent.start or not text[found[0]:found[0] + 1].isupper():
        return None
    if any(o.start < found[1] and o.end > found[0] for o in ctx.mentions if o.kind in ("entity", "pronoun")):
        return None  # part of a name already found (a place's, a person's)
    return ctx.add_name(found[0], found[1], "Company")


_EN_AUX_BEFORE = re.compile(r"(?:\s+(?:was|were|has\s+been|had\s+been|is|are|first|originally|officially|formally|also))*\s*$")
_EN_APPOSITIVE_AT_END = re.compile(r",\s*(?:the|a|an|its|their|our)\s[^,;:()]{1,60},?\s*$")


def _new_name_before(ctx: Context, ts: int, exclude=NOT_FOUNDED) -> Mention | None:
    """A company the lexicon lacks, named right before a passive trigger ("Quorvia was co-founded by A, B and C",
    "Quorvia Robotics, founded in 2015 by …"): the name a trigger follows, past its auxiliary; the company named
    there when the lexicon knows it; None when the name there is of another kind."""
    if ctx.lang.code != "en":
        return None
    text = ctx.doc.text
    head = _EN_AUX_BEFORE.sub("", text[ctx.sent.start:ts])
    head = text[:ctx.sent.start] + _EN_APPOSITIVE_AT_END.sub("", head)  # "Haomo.AI, its self-driving spin-off, was founded"
    found = ctx.lang.name_before(head, len(head), ctx.lang.words)
    if not found or found[0] < ctx.sent.start or not text[found[0]:found[0] + 1].isupper():
        return None
    s, e = found[0], found[1]
    over = [o for o in ctx.mentions if o.kind in ("entity", "pronoun") and o.start < e and o.end > s]
    if over:
        whole = [o for o in over if o.end == e and o.cls and vocab().is_a(o.cls, ORG) and not vocab().is_a(o.cls, exclude)]
        return whole[-1] if whole else None
    if any(o.kind not in ("entity", "pronoun") and o.start < e and o.end > s for o in ctx.mentions if o.kind != "sentence"):
        return None  # a time or a number ("In 2015 was founded …")
    return ctx.add_name(s, e, "Company")


# a name glossed in Latin letters: 马丁·艾伯哈德（Martin Eberhard）
_LATIN_GLOSS = re.compile(r"[（(][A-Za-z][A-Za-z .'’·\-]{0,40}[）)]")


def _distance(ctx: Context, start: int, end: int) -> int:
    """The length of the text between two places, less the Latin glosses of Chinese names in it (they say
    nothing more than the names they follow)."""
    gap = ctx.doc.text[start:end]
    return len(_LATIN_GLOSS.sub("", gap)) if ctx.lang.code == "zh" else len(gap)


def _whose(ctx: Context, m: Mention) -> bool:
    """Is ``m`` followed by 的 and a person's name (斯坦福大学的莱昂纳德·波萨克)?"""
    text = ctx.doc.text
    if ctx.lang.code != "zh" or not text.startswith("的", m.end):
        return False
    if any(p.start == m.end + 1 for p in ctx.entities(PERSON)):
        return True
    end = ctx.lang.person_after(text[:ctx.sent.end], m.end + 1, ctx.lang.words)
    return end is not None and end > m.end + 2 and "·" in text[m.end + 1:end]


def _org_after(ctx: Context, te: int, limit: int = 40, exclude=NOT_FOUNDED) -> Mention | None:
    orgs = [m for m in ctx.entities(ORG, exclude) if m.start >= te and m.start - te <= limit]
    if orgs:
        return orgs[0]
    # a company the lexicon lacks: "founded NeXT", 创办了联想
    for s, e, hint in ctx.lang.names_after(ctx.doc.text[:ctx.sent.end], te, ctx.sent.end, ctx.lang.words)[:1]:
        if s - te <= 12:
            cls = hint if hint and vocab().is_a(hint, ORG) else "Company"
            return ctx.add_name(s, e, cls)
    return None


def _orgs_after(ctx: Context, te: int) -> list[Mention]:
    """The organisations a trigger introduces, as a list: 设立弗迪电池、弗迪动力和弗迪科技,
    成立了南京爱立信熊猫通信有限公司, 成立手机合资企业索尼爱立信."""
    text = ctx.doc.text
    out: list[Mention] = []
    pos = te
    v = vocab()
    for _ in range(8):
        found = None
        named = _ORG_NAME.match(text, pos, ctx.sent.end) if ctx.lang.code == "zh" else None
        if named:
            found = ctx.mention_at(named.start(), named.end()) or ctx.add_name(named.start(), named.end(), "Company")
        if found is None:
            spans = ctx.lang.names_after(text[:ctx.sent.end], pos, ctx.sent.end, ctx.lang.words)[:1]
            for s, e, hint in spans:
                if s - pos > 12:
                    break
                known = ctx.mention_at(s, e)
                if known is not None and known.cls and v.is_a(known.cls, ORG):
                    found = known
                elif known is None and ctx.lang.code == "zh" and _zh_generic(text[s:e]):
                    break  # 设立的地区事业公司, 成立卫星通信合资公司: what kind of company, no name
                elif known is None:
                    inner = [m for m in ctx.entities(ORG, NOT_FOUNDED) if m.start == s and m.end <= e]
                    found = ctx.add_name(s, e, hint if hint and v.is_a(hint, ORG) else "Company") if not inner or e > inner[0].end \
                        else inner[0]
        if found is None:
            if not out:
                near = [m for m in ctx.entities(ORG, NOT_FOUNDED) if m.start >= pos and m.start - pos <= 12]
                if near:
                    found = near[0]
        if found is None:
            break
        if ctx.lang.code == "zh" and text.startswith("的", found.end) and _owned_body(ctx, found.end + 1):
            break  # 设立了华为的欧洲研究中心: whose the new body is, not the body founded (not 创办腾讯的时候)
        out.append(found)
        m = re.match(r"\s*(?:、|和|及|与|以及|,|and)\s*", text[found.end:ctx.sent.end])
        if not m:
            break
        pos = found.end + m.end()
    return out


def _owned_body(ctx: Context, pos: int) -> bool:
    """Do the words at ``pos`` name a site or a body (亚太区域总部, 欧洲研究中心, 全资子公司): words ending in a
    site's or a company's word (``facility_nouns``, ``company_suffixes``) before the clause ends?"""
    words = tuple(ctx.lang.words.get("facility_nouns") or ()) + tuple(ctx.lang.words.get("company_suffixes") or ())
    if not words:
        return False
    alts = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.match(r"[\u4e00-\u9fffA-Za-z0-9]{0,8}?(?:" + alts + r")", ctx.doc.text[pos:ctx.sent.end]) is not None


def _zh_generic(words: str) -> bool:
    """Are these words only common nouns (地区事业公司, 卫星通信合资公司): a kind of company, not a name?"""
    from ..segment import posseg

    tags = [tag for _, tag in posseg(words)]
    return bool(tags) and all(tag in ("n", "vn", "an", "a", "b", "f", "s", "l") for tag in tags)


# a Chinese company name ending in a company word: 南京爱立信熊猫通信有限公司, 深圳比亚迪戴姆勒新技术有限公司
_ORG_NAME = re.compile(r"(?:[\u4e00-\u9fffA-Za-z（）()]{2,18}?)(?:股份有限公司|有限责任公司|有限公司|集团公司|控股公司)")


def _people_run(ctx: Context, start: int, end: int) -> list[Mention]:
    """The persons named in [start, end), when they form a list (A、B和C; "A, B and C")."""
    people = [m for m in ctx.entities(PERSON) if start <= m.start and m.end <= end]
    # names the lexicon lacks in the list: "by Jensen Huang, Chris Malachowsky and Curtis Priem",
    # 由柳传志、王树和、张祖祥等11名科研人员
    en = ctx.lang.code == "en"
    joiner = _EN_PEOPLE_JOINER if en else _ZH_PEOPLE_JOINER
    text = ctx.doc.text
    pos = start
    describers = None if en else _describers(ctx)
    while pos < end:
        pos = joiner.match(text, pos, end).end()
        if describers is not None and not any(p.start == pos for p in people):
            d = describers.match(text, pos, end)  # 工程师马丁·艾伯哈德与机械师约翰·哈尔斯克: what each one was, before the name
            if d is not None and d.end() < end and (ctx.lang.person_after(text[:end], d.end(), ctx.lang.words) or 0) > d.end():
                pos = d.end()
        known = next((p for p in people if p.start == pos), None)
        if known is not None:
            pos = known.end
            continue
        e = ctx.lang.person_after(text[:end], pos, ctx.lang.words)
        if (e is None or e <= pos) and en and people:  # "Zhao Dongping and He Li": He is a surname in a list of names
            he = _EN_HE_NAME.match(text, pos, end)
            e = he.end() if he else e
        if (e is None or e <= pos) and not en and people:
            e = _zh_listed_name(text, pos, end)  # 季琦和范敏, 王树和、张祖祥: a list item of a list of persons
        if e is None or e <= pos or not en and e - pos > 12:
            break
        if not en and e - pos > 2 and text[e - 1] == "等":
            e -= 1  # 王五、赵六等人: 等 closes the list, it is no part of the name
        added = ctx.add_name(pos, e, "Person")
        if added is None:  # 斯蒂夫·沃兹尼亚克: a known surname with the given name written before it
            added = next((p for p in people if pos <= p.start and p.end == e), None)
            if added is None:
                break
        people.append(added)
        pos = e
    return sorted(set(people), key=lambda m: m.start)


def _describers(ctx: Context):
    """A regex of the words that say what a founder was, written right before the name (``founding.describers``:
    工程师, 机械师), or None."""
    return _alternation(tuple(_words(ctx.patterns.corporate.get("founding") or {}, "describers", ctx.lang.code)))


@functools.lru_cache(maxsize=64)
def _alternation(words: tuple) -> re.Pattern | None:
    """``words``, longest first, as one case-blind regex (None for none)."""
    return re.compile(alternation(words), re.IGNORECASE) if words else None


def _founder_lists(ctx: Context, spec: dict) -> list[Fact]:
    """Founders named as a list beside the word for them: 小米的联合创始人包括林斌、黎万强和洪锋,
    "Its co-founders were Xu Li, Wang Xiaogang and Xu Bing" (``founder_nouns``, then a ``list_verbs``
    word, then the persons), and 林斌、黎万强和洪锋都是小米的联合创始人, 我和王晓刚、徐冰等几位同事是最早的
    联合创始人 (the persons, a copula, the word; 我 is the speaker). The company: the one named right
    before the word, else the document's."""
    lang = ctx.lang.code
    text = ctx.doc.text
    conf = float(spec.get("confidence", 0.9)) * 0.95
    facts: list[Fact] = []
    hits = _hits(ctx, _stored(spec, "founder_nouns", lang))
    verb = _alternation(tuple(_words(spec, "list_verbs", lang))) if hits else None  # made when a sentence needs it
    for ts, te in hits:
        cs, ce = ctx.clauses[ctx.clause_of(ts)]
        org = _org_before(ctx, ts, limit=12, exclude=NOT_FOUNDED)
        company = org.entity_id if org is not None and org.start >= cs else ctx.doc.organisation
        if not company:
            continue
        lead = len(text[te:ce]) - len(text[te:ce].lstrip())
        after = verb.match(text, te + lead, ce) if verb is not None else None
        if after is None:  # "The company's founders, Daniel Ek and Martin Lorentzon, …": the persons set beside the word
            beside = re.match(r"\s*[,:：]\s*", text[te:ctx.sent.end])
            people = _people_run(ctx, te + beside.end(), ctx.sent.end if lang == "en" else ce) if beside else []
            if people and people[0].start == te + beside.end() and re.match(r"\s*(?:[,.;，。；]|$)", text[people[-1].end:people[-1].end + 2]):
                for person in people:
                    if person.entity_id != company:
                        ev = evidence(ctx, [span(person), (ts, te)], "founder-list", conf)
                        facts.append(Fact("relation", person.entity_id, "founderOf", company, (), (ev,)))
                continue
        if after is not None:  # the word, a list verb, the persons
            # the list may run on past the clause's commas ("co-founders include Xu Li, Wang Xiaogang and Xu Bing")
            people = _people_run(ctx, re.match(r"\s*[:：]?\s*", text[after.end():ce]).end() + after.end(),
                                 ctx.sent.end if lang == "en" else ce)
        else:  # the persons, a copula, the word: only in the word's own clause, before it
            head = text[cs:ts]
            cop = verb.search(head) if verb is not None else None
            if cop is None:
                continue
            start, speaker = cs, None
            first = [m for m in ctx.mentions if m.kind == "pronoun" and m.start == cs and m.entity_id
                     and m.cls and vocab().is_a(m.cls, PERSON)]
            if first:  # 我和王晓刚、徐冰…
                speaker, start = first[0], first[0].end
            else:  # 此后A和B也加入了创始团队: times and adverbs before the persons
                start = _past_fillers(ctx, cs, ts)
            people = _people_run(ctx, start, cs + cop.start())
            if speaker is not None and (people or re.match(r"\s*(?:和|与|and)\b", text[speaker.end:speaker.end + 4])):
                people = [speaker] + people
        for person in people:
            if person.entity_id == company:
                continue
            ev = evidence(ctx, [span(person), (ts, te)], "founder-list", conf)
            facts.append(Fact("relation", person.entity_id, "founderOf", company, (), (ev,)))
    return facts


# what may stand between the founders and the verb: 于2010年在北京联合创立了, 一起创办了
_ZH_FOUNDERS_GAP = re.compile(r"(?:[\s，,于在]|等人|等|共同|联合|一起|合伙|先后|也|还|曾|已)*")


def _only_times_places(ctx: Context, start: int, end: int) -> bool:
    """Are the words between ``start`` and ``end`` only times, places and 在/于?"""
    gap = list(ctx.doc.text[start:end])
    for m in ctx.mentions:
        if start <= m.start and m.end <= end and (m.kind == "period" or m.kind == "entity" and m.cls and vocab().is_a(m.cls, PLACE)):
            gap[m.start - start:m.end - start] = " " * (m.end - m.start)
    return re.fullmatch(r"[\s，,在于的]*", "".join(gap)) is not None


def _zh_new_founders(ctx: Context, cs: int, ts: int) -> list[Mention]:
    """Founders the lexicon lacks opening the clause of a founding verb: 王五和赵六于2010年联合创立了小米
    (the names, then only times, places and adverbs before the verb)."""
    text = ctx.doc.text
    people = _people_run(ctx, _past_fillers(ctx, cs, ts), ts)
    if not people:
        return []
    gap = text[people[-1].end:ts]
    for m in sorted((m for m in ctx.mentions if m.kind in ("period", "entity") and people[-1].end <= m.start and m.end <= ts
                     and (m.kind == "period" or m.cls and vocab().is_a(m.cls, PLACE))), key=lambda m: -m.start):
        gap = gap[:m.start - people[-1].end] + " " + gap[m.end - people[-1].end:]
    return people if _ZH_FOUNDERS_GAP.fullmatch(gap) else []


def _past_fillers(ctx: Context, start: int, end: int) -> int:
    """Where the words after ``start`` stop being times and the roles' ``fillers`` (此后, 目前, "then")."""
    text = ctx.doc.text
    fillers = sorted((ctx.patterns.roles.get("fillers") or {}).get(ctx.lang.code, []), key=len, reverse=True)
    while start < end:
        start += len(text[start:end]) - len(text[start:end].lstrip(" ,，、"))
        dated = next((m.end for m in ctx.periods() if m.start == start), None)
        word = next((w for w in fillers if text.startswith(w, start) and (ctx.lang.code == "zh" or not text[start + len(w):start + len(w) + 1].isalnum())), None)
        if dated is None and word is None:
            return start
        start = dated if dated is not None else start + len(word)
    return start


def _zh_listed_name(text: str, pos: int, end: int) -> int | None:
    """The end of a two- or three-character Han name that stands as an item of a list (up to the next
    、 or 和/与/及; 和 right before 、 ends a name: 王树和、张祖祥), or None."""
    m = re.match(r"[\u4e00-\u9fff]{2,3}?(?=、|，|,|[和与及](?![、，,])|等)", text[pos:min(end, pos + 5)])
    if m is None:
        m = re.match(r"[\u4e00-\u9fff]{1,2}和(?=[、，,])", text[pos:min(end, pos + 5)])
    return pos + m.end() if m is not None and len(m.group()) >= 2 else None


_EN_HE_NAME = re.compile(r"He\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s*(?:,|\band\b|\.|;|$))")
_EN_PEOPLE_JOINER = re.compile(r"\s*(?:,\s*|\band\b\s*|together with\s*|along with\s*)?")
# (a name glossed in Latin letters: JB·斯特劳贝尔（JB Straubel）和伊恩·赖特（Ian Wright）)
_ZH_PEOPLE_JOINER = re.compile(r"(?:\s*[（(][A-Za-z][A-Za-z .'’·\-]{0,40}[）)])?[、，,和与及\s]*")


_UNIT_TAIL = re.compile(r"(?:（[\u4e00-\u9fff]{1,6}）|[\u4e00-\u9fff]{2,4})")


def _zh_unit_name(ctx: Context, org: Mention | None, ts: int) -> Mention | None:
    """大疆车载成立于2016年, 佳能（中国）成立于1997年: a known company's name and a few more words
    (or a bracketed place) right before the founding word name a unit of its own, founded then;
    not its legal form (华为公司成立于), nor a word of time or manner (小米今年成立, 小米正式成立)."""
    if org is None or org.kind != "entity" or org.end >= ts:
        return None
    text = ctx.doc.text
    tail = text[org.end:ts]
    if not _UNIT_TAIL.fullmatch(tail):
        return None
    forms = set(ctx.lang.words.get("legal_forms") or ()) | set(ctx.lang.words.get("company_suffixes") or ())
    others = [m for m in ctx.mentions if m is not org and m.start < ts and m.end > org.end
              and not (tail.startswith("（") and m.kind == "entity" and m.cls and vocab().is_a(m.cls, PLACE))]
    if tail in forms or others \
            or tail[:1] in "于在已也曾就便将则又还正今去明前后初先再均都共" or not (ctx.sent.start <= org.start) \
            or (org.start > ctx.sent.start and text[org.start - 1] not in "，,。；;：:、 "):
        return None
    return ctx.add_name(org.start, ts, "Company")


def _zh_place_of_work(ctx: Context, start: int, end: int) -> int | None:
    """The end of a name the lexicon lacks that ends like an organisation's, before 的
    (斯坦福大学的莱昂纳德·波萨克), or None."""
    suffixes = sorted(set(ctx.lang.words.get("name_suffixes", ())) | set(ctx.lang.words.get("company_suffixes", ())), key=len, reverse=True)
    if not suffixes:
        return None
    m = re.match(r"[\u4e00-\u9fff]{1,10}?(?:" + "|".join(map(re.escape, suffixes)) + r")(?=的)", ctx.doc.text[start:end])
    return start + m.end() if m else None


def _founding(ctx: Context, spec: dict) -> list[Fact]:
    lang = ctx.lang.code
    text = ctx.doc.text
    facts: list[Fact] = []
    agent_words = _words(spec, "agent", lang)
    conf = float(spec.get("confidence", 0.9))
    not_after = re.compile(spec["not_after"][lang]) if (spec.get("not_after") or {}).get(lang) else None
    dated: set[str] = set()  # companies this sentence dates by their predecessor's founding
    for ts, te in _hits(ctx, _stored(spec, "triggers", lang)):
        if _future(ctx, ts) or (not_after is not None and not_after.match(text, te)):
            continue  # 成立十周年, 成立以来: not the founding itself
        cs, ce = ctx.clauses[ctx.clause_of(ts)]
        after_text = text[te:ctx.sent.end]
        founders: list[Mention] = []
        # who: "by A, B and C", 由A创立
        if lang == "en":
            m = re.match(r"[^.;]{0,60}?\bby\s+(?:(?:its|the|their)?\s*(?:[a-z]+\s+)?(?:co-?founders|founders|people|entrepreneurs|engineers)\s*[:,]\s*)?", after_text)
            # not "founded in Qingdao in 1984 and is chaired by Zhou Yunjie": another verb's agent
            other_verb = m is not None and re.search(r"\b(?:and|is|was|are|were|now|been)\s+(?:\w+\s+)?\w+ed\s+by\s*$", m.group())
            if m and not other_verb and not re.match(r"\s*(?:of|the|a)\b", after_text[m.end():]):
                founders = _people_run(ctx, te + m.end(), ctx.sent.end)
                described = _EN_DESCRIPTION.match(after_text, m.end())
                if not founders and described is not None and described.end() > m.end():
                    founders = _people_run(ctx, te + described.end(), ctx.sent.end)  # "by former Google engineer Steven Yang"
        else:
            for aw in agent_words:
                k = text.rfind(aw, cs, ts)
                if k >= 0:
                    start = k + len(aw)
                    titles = sorted(roles.title_table(ctx.patterns, lang), key=len, reverse=True)  # Chinese: no case
                    while True:  # 由董事长竺兆江创立: the title before the name is no part of it
                        t = next((w for w in titles if text.startswith(w, start)), None)
                        if t is None:
                            # 由斯坦福大学的莱昂纳德·波萨克和桑迪·勒纳创办: where the founders were, before 的
                            where = next((m.end for m in ctx.mentions if m.kind == "entity" and m.start == start
                                          and text.startswith("的", m.end)), None)
                            where = where or _zh_place_of_work(ctx, start, ts)
                            if where is None:
                                break
                            start = where + 1
                            continue
                        start += len(t)
                    founders = _people_run(ctx, start, ts)
                    break
                # 公司被建立在1999年由A和B (a translation's order): the agent after the verb, past only times and places
                k = text.find(aw, te, ctx.sent.end)
                if k >= 0 and "被" in text[ts - 1:te] and _only_times_places(ctx, te, k):
                    founders = _people_run(ctx, k + len(aw), ctx.clauses[ctx.clause_of(k)][1])
                    break
        # what was founded
        successor = None
        passive = lang == "en" and not re.match(r"helped|co-?founding", text[ts:te]) and (re.search(r"\b(?:was|were|been|being|is|are)\s+(?:[a-z]+ly\s+)?$", text[max(ctx.sent.start, ts - 20):ts])
                                    or re.search(r",\s*$", text[max(ctx.sent.start, ts - 3):ts]) and not _EN_ACTIVE_OBJECT.match(text, te)
                                    or ts == ctx.sent.start or text[ctx.sent.start:ts].strip() == "")
        org = None
        if lang == "en":
            if passive:
                # "Quorvia was co-founded by A, B and C", "…; Haomo.AI, its spin-off, was founded in 2019": the name
                # right before the verb (a company the lexicon lacks too), else the company named nearest before it
                org = _which_head(ctx, ts) or _new_name_before(ctx, ts) or _org_before(ctx, ts)
                if org is None and text[ctx.sent.start:ts].strip() == "":  # "Founded in 1998, Tencent ..."
                    org = next(iter([m for m in ctx.entities(ORG, NOT_FOUNDED) if m.start > te]), None)
            else:
                org = _org_after(ctx, te)
                if org is not None and re.search(r"[,;:]", text[te:org.start]):
                    org = None  # "Nokia Bell formal establish, Nokia hold 50%": no object across a comma
                the = re.match(r"\s+(?:the|this|his|her|their|our)\s+(?:company|business|firm|group)\b", text[te:te + 30])
                if org is None and the is not None and ctx.doc.organisation:
                    # "Terry Gou started the business on 20 February 1974": the company the text is about
                    org = Mention(te + the.start() + 1, te + the.end(), the.group().strip(), "pronoun",
                                  ctx.doc.organisation, "Company")
                sov = org is None and re.match(r"\s*(?:[.,;]|$)", text[te:te + 3]) is not None
                if org is None and (re.match(r"\s+(?:in|on|at)\b", text[te:te + 5]) or sov):
                    # "Biyadi in 1995 year 2 month established in Shenzhen" (于…成立, as a machine
                    # translates it): no object, so what stands before the verb was founded; a verb that
                    # ends the clause ("iFlytek in Anhui Hefei establish") only after places, times and adverbs
                    before = _org_before(ctx, ts)
                    org = before if before is not None and before.start >= cs else None
                    sov_founders: list[Mention] = []
                    by = _EN_SOV_BY.match(text, org.end, ts) if sov and org is not None else None
                    if by is not None:  # "Zhongxing by Hou Weigui etc. people in 1985 year in Shenzhen found"
                        sov_founders = _people_run(ctx, by.end(), ts)
                        rest = _EN_SOV_OTHERS.match(text, sov_founders[-1].end, ts).end() if sov_founders else org.end
                        if sov_founders and _SOV_GAP.fullmatch(text, rest, ts):
                            founders = sov_founders
                    if sov and org is not None and not founders and not _SOV_GAP.fullmatch(text, org.end, ts):
                        org = None
                if sov and not (org is not None and founders):
                    founders = []
                if org is not None and not founders and not sov:
                    founders = [p for p in ctx.entities(PERSON) if cs <= p.start and p.end <= ts][-3:]
                    founders = _people_run(ctx, founders[0].start, ts) if founders else []
                if org is not None and not founders and not sov:
                    # "Toshio Iue, who later went on to found Sanyo", "My uncle, Takeshi Mitarai, helped found Canon":
                    # the person set off by a comma right before the verb
                    # … or by a description between commas: "Anna Berg, a former Google engineer, founded …"
                    apposed = _EN_DESCRIBED_FOUNDER.search(text, ctx.sent.start, ts) or _EN_APPOSED_FOUNDER.search(text, ctx.sent.start, ts)
                    if apposed is not None:
                        known = [p for p in ctx.entities(PERSON) if p.end == apposed.start()]
                        if known:
                            founders = known
                        else:
                            start = ctx.lang.person_before(text[:apposed.start()], apposed.start(), ctx.lang.words)
                            added = ctx.add_name(start, apposed.start(), "Person") if start is not None and start >= ctx.sent.start else None
                            founders = [added] if added is not None else []
                if org is not None and not founders and not sov:  # "Konosuke Matsushita founded this company": a new name
                    head = text[:ts].rstrip()
                    start = ctx.lang.person_before(head, len(head), ctx.lang.words)
                    if start is not None and start >= cs and re.fullmatch(r"\s*", text[len(head):ts]):
                        added = ctx.add_name(start, len(head), "Person")
                        founders = [added] if added is not None else []
                        # "Werner von Siemens and Johann Georg Halske founded the company": the name before "and" too
                        pair = _EN_NAME_AND.search(text, max(cs, start - 60), start)
                        if added is not None and pair is not None and pair.end() == start:
                            other = ctx.mention_at(pair.start(1), pair.end(1)) or ctx.add_name(pair.start(1), pair.end(1), "Person")
                            if other is not None and other.cls and vocab().is_a(other.cls, PERSON):
                                founders.insert(0, other)
        else:
            tail = text[te:te + 2]
            lead = 1 if tail.startswith(("了", "的")) else 0
            named_after = ctx.lang.names_after(text[:ctx.sent.end], te + lead, ctx.sent.end, ctx.lang.words)[:1]
            cleft = re.match(r"的\s*(?:[，。,；;]|$)", text[te:te + 3]) is not None  # 大疆是2006年由汪滔在深圳创立的
            if cleft:
                org = _org_before(ctx, ts, limit=60)
            # 成立于旧金山: what follows a word ending in 于 is a place or a time, never what was founded
            elif not text[ts:te].endswith("于") and (tail.startswith(("了", "的")) or _org_after(ctx, te, limit=2) is not None or (
                    named_after and named_after[0][0] - te <= 12 and named_after[0][2] in ("Company", ""))):
                earlier = _predecessor(ctx, ts, te) if tail.startswith("的") else None
                founded = [earlier[1]] if earlier else _orgs_after(ctx, te + lead)
                successor = earlier[0] if earlier else None
                org = founded[0] if founded else None
                if len(founded) > 1:  # 先后设立弗迪电池、弗迪动力和弗迪科技
                    period = event_period(ctx, cs, ce, ts, te) or _plain_period(ctx, ctx.sent.start, ts, ts)
                    for other in founded[1:]:
                        if period is not None:
                            ev = evidence(ctx, [(ts, te), span(other)], "founded-on", conf * 0.9)
                            facts.append(Fact("relation", other.entity_id, "foundedOn", "period:" + period.plain().key,
                                              attrs(period=period.plain()), (ev,)))
                if org is not None and not founders:
                    # not a speaker's label: 杨元庆：1984年，柳传志等11位科研人员…创办了联想
                    named = [p for p in ctx.entities(PERSON) if p.end <= ts and not re.match(r"\s*[:：]", text[p.end:p.end + 2])]
                    people = [p for p in named if cs <= p.start] or named
                    founders = _people_run(ctx, people[0].start, ts) if people else _zh_new_founders(ctx, cs, ts)
            else:
                org = _org_before(ctx, ts, limit=60)
                org = _zh_unit_name(ctx, org, ts) or org
                if org is not None and org.start < cs:
                    # 小米汽车由小米集团全资控股，于2021年9月在北京注册成立: a clause without its own
                    # subject continues the sentence's first one, not the name nearest to it
                    first = [m for m in ctx.entities(ORG, NOT_FOUNDED) if ctx.sent.start <= m.start < cs]
                    org = first[0] if first else org
        if org is None or (org.cls and vocab().is_a(org.cls, PERSON)):
            continue
        if founders and lang == "en":
            # "co-founded Oracle in 1977 with Bob Miner and Ed Oates": the partners named after "with"
            # (or in a clause of its own: "…, together with his wife Mumeno and her younger brother Toshio Iue")
            k = ctx.clause_of(ts) + 1
            if k + 1 < len(ctx.clauses) and _EN_ASIDE.match(text, ctx.clauses[k][0], ctx.clauses[k][1]):
                k += 1  # "started by Marc Benioff, a former Oracle executive, together with Parker Harris": past the aside
            nxt = ctx.clauses[k] if k < len(ctx.clauses) else None
            joint = _EN_WITH.search(text, max(te, org.end if org.start >= te else te), ce)
            if joint is None and nxt is not None and _EN_WITH_CLAUSE.match(text, nxt[0]):
                joint, ce = _EN_WITH_CLAUSE.match(text, nxt[0]), nxt[1]
            if joint is not None:
                founders = founders + [p for p in _with_people(ctx, joint.end(), ctx.sent.end) if p not in founders]
        if not founders:
            founders = _speaker_among_we(ctx, org, cs, ts)
        confidence = conf * (1.0 if org.kind == "entity" else 0.9)
        if lang == "en" and text[ts:te].lower() in ("found", "establish"):
            if re.match(r"\s+[A-Z][a-z]", text[org.end:org.end + 3]):
                continue  # "Nokia Bell formal establish": a longer name the lexicon lacks, not the company it starts with
            confidence *= 0.9  # a machine translation's word: less sure than the plain forms it may contradict
        period = event_period(ctx, cs, ce, ts, te)
        if period is not None and org.entity_id not in dated:
            # (海信的前身是1969年成立的青岛无线电二厂，…，1994年组建海信集团: dated by its predecessor, it is not founded again)
            ev = evidence(ctx, [span(org), (ts, te)], "founded-on", confidence)
            key = period.plain().key
            facts.append(Fact("relation", org.entity_id, "foundedOn", "period:" + key, attrs(period=period.plain()), (ev,)))
        place = _founding_place(ctx, org, cs, ce, ts, te)
        if place is not None:
            ev = evidence(ctx, [span(org), (ts, te), span(place)], "founded-in", confidence)
            facts.append(Fact("relation", org.entity_id, "foundedIn", place.entity_id, (), (ev,)))
        for person in founders:
            ev = evidence(ctx, [span(person), (ts, te), span(org)], "founded-by", confidence)
            facts.append(Fact("relation", person.entity_id, "founderOf", org.entity_id, (), (ev,)))
        if successor is not None and period is not None:
            dated.add(successor.entity_id)
            # 长城汽车前身是1984年成立的保定长城工业公司: the company dates its founding from its predecessor's
            ev = evidence(ctx, [span(successor), (ts, te)], "founded-on", confidence * 0.95)  # an inference: less sure
            facts.append(Fact("relation", successor.entity_id, "foundedOn", "period:" + period.plain().key,
                              attrs(period=period.plain()), (ev,)))
    return facts


def _speaker_among_we(ctx: Context, org: Mention, cs: int, ts: int) -> list[Mention]:
    """"In March 2016 we founded Cambricon", 1987年，我们在深圳创办了华为: the speaker of a text that speaks for its
    company is among the "we" who founded that very company ([the speaker], else [])."""
    speaker = ctx.doc.speaker
    if not speaker or org.entity_id != ctx.doc.organisation or org.start < ts:
        return []  # (我们…成立合资公司: "we" is the doer, what was founded is not named)
    words = ctx.lang.words
    we = {w.lower() for w in words.get("first_person") or ()} & {w.lower() for w in (words.get("pronouns") or {}).get("organisation") or ()}
    doers = [m for m in ctx.mentions if m.kind in ("entity", "pronoun") and cs <= m.start and m.end <= ts
             and not (m.cls and vocab().is_a(m.cls, PLACE))]  # (在深圳创办: where, no doer)
    if not doers or doers[-1].kind != "pronoun" or doers[-1].text.lower() not in we or doers[-1].entity_id != org.entity_id:
        return []  # "we" must be the verb's own doer, not "Lei Jun and we" nor a name between
    if any(m.kind == "entity" and m.cls and vocab().is_a(m.cls, PERSON) for m in doers):
        return []
    pron = doers[-1]
    return [Mention(pron.start, pron.end, pron.text, "pronoun", speaker, "Person")]


# the name of a predecessor after 成立的: a few words and what it was (保定长城工业公司, 精机光学研究所, 青岛电冰箱总厂)
_ZH_PREDECESSOR = re.compile(r"(?![一这那该新此本其我])[\u4e00-\u9fff]{3,14}?(?:公司|总厂|工厂|厂|研究所|商店|作坊|商行)")


def _predecessor(ctx: Context, ts: int, te: int) -> tuple[Mention, Mention] | None:
    """X的前身是1984年成立的Y, X前身为…成立的Y: (X, Y) when the name founded after 的 is the
    predecessor of a company named before 前身, else None."""
    text = ctx.doc.text
    k = text.rfind("前身", ctx.sent.start, ts)
    if k < 0 or not re.match(r"(?:是|为)", text[k + 2:k + 3]):
        return None
    successor = _org_before(ctx, k, limit=4)
    named = _ZH_PREDECESSOR.match(text, te + 1, ctx.sent.end)
    if successor is None or named is None:
        return None
    known = ctx.mention_at(named.start(), named.end())
    if known is None and any(m.start < named.end() and m.end > named.start() and not (
            named.start() <= m.start and m.end <= named.end() and m.cls and vocab().is_a(m.cls, PLACE))
            for m in ctx.mentions if m.kind in ("entity", "period")):  # a place inside the name is part of it (北京晨光…)
        known = next((m for m in ctx.entities(ORG, NOT_FOUNDED) if m.start == named.start()), None)
        if known is None:
            return None
    found = known or ctx.add_name(named.start(), named.end(), "Company")
    return (successor, found) if found is not None else None


def _unknown_founding_city(ctx: Context, good: list, places: list, cs: int, ce: int, ts: int) -> Mention | None:
    """A town no list knows, written with the larger place it is in: 在加利福尼亚州洛斯阿尔托斯创立 (the words
    between the state and the trigger), "in Bellevue, Washington" (a name before a known state)."""
    text = ctx.doc.text
    if ctx.lang.code == "zh":
        for m in good:
            gap = text[m.end:ts]
            if re.fullmatch(r"[\u4e00-\u9fff·]{2,6}", gap) and not any(o.start < ts and o.end > m.end for o in ctx.mentions
                                                                       if o.kind in ("entity", "pronoun", "period")):
                from ..segment import posseg

                if any(tag[:1] in "vpdcu" for _, tag in posseg(gap)):
                    continue  # 在印度投资设立: a verb, not a town
                return ctx.add_name(m.end, ts, "City")
        return None
    for m in re.finditer(r"\bin\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+", text[cs:ce]):
        start, end = cs + m.start(1), cs + m.end(1)
        if any(p.start == cs + m.end() for p in places) and not any(o.start < end and o.end > start for o in ctx.mentions
                                                                     if o.kind in ("entity", "pronoun")):
            return ctx.add_name(start, end, "City")
    return None


# a date set off by commas after a founding verb (and what it founded), then "in": "founded on March 8, 1999, in",
# "incorporated the company in July 1994, in"
_EN_DATE_THEN_IN = re.compile(r"(?:\s+(?:the|this|our|its|his|their)\s+(?:company|firm|business|group)|\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})?\s+(?:on|in)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}\s*,\s*(?=in\s+[A-Z])")


def _founding_place(ctx: Context, org: Mention, cs: int, ce: int, ts: int, te: int) -> Mention | None:
    """Where it was founded: a place after "in"/在 near the trigger, the most specific one."""
    text = ctx.doc.text
    dated = _EN_DATE_THEN_IN.match(text, te, ctx.sent.end) if ctx.lang.code == "en" else None
    if dated is not None:  # "founded on March 8, 1999, in San Francisco": the place past the date's commas
        ce = max(ce, ctx.clauses[ctx.clause_of(dated.end())][1])
    places = [m for m in ctx.entities(PLACE) if m.entity_id != "world" and cs <= m.start < ce
              and m.start >= min(org.end, ts) - 30]
    good = []
    for m in places:
        lead = text[max(ctx.sent.start, m.start - 6):m.start]
        if ctx.lang.code == "en" and re.search(r"\bin\s+(?:the\s+)?$", lead) and not re.search(
                r"\b(?:headquartered|headquarters|based|head office)\s+in\s+(?:the\s+)?$", text[max(ctx.sent.start, m.start - 30):m.start]):
            good.append(m)  # "Founded in 2011 and headquartered in Beijing": Beijing is where its headquarters are
        elif ctx.lang.code == "zh" and re.search(r"[在于](?:[\u4e00-\u9fff]{0,4})$", lead) and "总部" not in lead:
            good.append(m)
        elif good and good[-1].end == m.start or good and ctx.lang.code == "en" and re.fullmatch(r"\s*,\s*", text[good[-1].end:m.start]):
            good.append(m)  # 在加利福尼亚州圣卡洛斯: the town named right after the state it is in
    if ctx.lang.code == "en" and not good:  # "returned to Boise, where the company was founded in 1978"
        good = [m for m in ctx.entities(PLACE) if ctx.sent.start <= m.start and m.end <= ts
                and re.fullmatch(r"\s*,\s*where\s+[^,.;]{0,40}?", text[m.end:ts])]
    v = vocab()
    if not any(v.is_a(m.cls, ["City"]) for m in good):
        unknown = _unknown_founding_city(ctx, good, places, cs, ce, ts)
        if unknown is not None:
            return unknown
    if not good:
        return None
    cities = [m for m in good if v.is_a(m.cls, ["City"])]
    if cities:
        return cities[0]
    # "founded in Sweden"; not 美国得克萨斯州… where a place it names follows. A state or a
    # prefecture ("incorporated in California", "in Osaka") when no city is named in it
    for cls in ("Country", "Region"):
        wider = [m for m in good if v.is_a(m.cls, [cls]) and (cls == "Country" or is_subdivision(m.entity_id))]
        if wider and not re.match(r"\s*[\u4e00-\u9fffA-Z]", text[wider[0].end:wider[0].end + 3] or " "):
            return wider[0]
    return None


def _listing(ctx: Context, spec: dict) -> list[Fact]:
    lang = ctx.lang.code
    text = ctx.doc.text
    facts: list[Fact] = []
    place_exchanges = spec.get("place_exchanges") or {}
    not_after = _words(spec, "not_after", lang)
    conf = float(spec.get("confidence", 0.9))
    state = {w.lower() for w in _words(spec, "state_words", lang) + _words(spec, "share_triggers", lang)}
    share_triggers = {w.lower() for w in _words(spec, "share_triggers", lang)}
    plan_re = words_re(_stored(spec, "plan_words", lang), lang) if _words(spec, "plan_words", lang) else None
    hits = _hits(ctx, _stored(spec, "triggers", lang))
    hits += [(s, e) for s, e in _hits(ctx, _stored(spec, "share_triggers", lang)) if not any(a < e and s < b for a, b in hits)]
    for ts, te in sorted(hits):
        if _future(ctx, ts) or any(text.startswith(w, te) for w in not_after):
            continue  # 上市公司: a listed company, not a listing
        cs, ce = ctx.clauses[ctx.clause_of(ts)]
        if _plan_in_clause(ctx, cs, ts) or plan_re is not None and plan_re.search(text, cs, ts):
            continue  # 小米计划明年在港交所进行首次公开募股, 已申请在深交所上市: a plan or an application before it in its clause
        if _SUPERLATIVE.search(text, cs, ts):
            continue  # 是当年全球规模最大的互联网IPO, "the biggest listing in Hong Kong": a comparison, not this listing
        # near the trigger: counted from the exchange's end when it comes first ("on Shenzhen Stock Exchange
        # growth enterprise board hang card on market", 在深圳证券交易所中小企业板挂牌上市)
        exchanges = [m for m in ctx.entities(["StockExchange"]) if ctx.sent.start <= m.start < ctx.sent.end
                     and (ts - m.end if m.end <= ts else m.start - te if m.start >= te else 0) <= 40]
        exch_id, exch_m = "", None
        if exchanges:
            own = [m for m in exchanges if cs <= m.start < ce]  # "…in Shenzhen Stock Exchange listing, … in Hong Kong"
            exch_m = min(own or exchanges, key=lambda m: abs(m.start - ts))
            exch_id = exch_m.entity_id
        else:  # "listed in Hong Kong", 在香港上市: the place's stock exchange
            places = [m for m in ctx.entities(PLACE) if cs <= m.start < ce and m.entity_id in place_exchanges
                      and abs(m.start - ts) <= 20]
            if places:
                exch_m = places[0]
                exch_id = place_exchanges[exch_m.entity_id]
        if not exch_id:
            continue
        if lang == "en" and text[ts:te].lower() == "listing" and not re.search(r"\b(?:in|on|at)\s+(?:the\s+)?$", text[max(cs, exch_m.start - 8):exch_m.start]):
            continue  # "the Shanghai listing, which took 29 days": a listing talked of, not told (but "in Shenzhen Stock Exchange listing")
        # "on the New York Stock Exchange and the Hong Kong Stock Exchange", 在赫尔辛基证券交易所和纽约证券交易所,
        # "listed in Shanghai, Hong Kong and Frankfurt": every market of the list
        pool = ctx.entities(["StockExchange"]) if exch_m.cls and vocab().is_a(exch_m.cls, ["StockExchange"]) else \
            [m for m in ctx.entities(PLACE) if m.entity_id in place_exchanges]
        listed = [(m, m.entity_id if m in exchanges or m.entity_id not in place_exchanges else place_exchanges[m.entity_id])
                  for m in _coordinated(ctx, exch_m, pool)]
        org = _bracketed_owner(ctx, ts) or _listed_one_after(ctx, te) or _which_head(ctx, ts, ["StockExchange", "RankingList", "InternalBody"]) \
            or _its_shares_owner(ctx, cs, ts) \
            or _zh_clause_subject(ctx, cs, ts, ["StockExchange", "RankingList", "InternalBody"], _words(spec, "share_nouns", lang)) \
            or _org_before(ctx, min([ts] + [m.start for m, _ in listed]), limit=80,
                                                        exclude=["StockExchange", "RankingList", "InternalBody"])
        if org is not None and roles.described_person(ctx, org):
            org = None  # "…, a former Google engineer, … and listed on the Nasdaq": Google describes a person
        company = org.entity_id if org is not None else ctx.doc.organisation
        if not company or (lang == "zh" and org is not None and re.search(r"子公司|旗下", text[org.end:ts])):
            continue  # 比亚迪旗下从事手机部件业务的子公司，于2007年12月在香港上市: the subsidiary was listed
        period = event_period(ctx, cs, ce, ts, te) or _time_clause_before(ctx, ts)
        # "has been listed on the Nasdaq since December 2003": listed since then, so listed then
        since = [m for m in ctx.periods() if m.period.qualifier == "since" and te <= m.start <= te + 60 and m.end <= ce]
        if lang == "en" and since and not _hits_between(ctx, spec, te, since[0].start):
            period = since[0].period.plain()
        if text[ts:te].lower() in share_triggers and not any(text.find(w, cs, ts) >= 0 for w in _words(spec, "share_nouns", lang)):
            continue  # 双方在港交所完成了交易: a deal done, not shares traded there
        if text[ts:te].lower() in state:
            period = None  # "shares traded in Hong Kong fell 3% on Monday": not the listing's date
        confidence = conf * (1.0 if org is not None and org.kind == "entity" else 0.85)
        each = _respectively(ctx, spec, org, ts, te, ce) if org is not None else None
        if each:  # 京东健康、京东物流分别于2020年12月和2021年5月在港交所上市: one listing per company, in order
            for one, when in each:
                for m, eid in listed:
                    ev = evidence(ctx, [span(one), (ts, te), span(m)], "listed-on", confidence * 0.95)
                    facts.append(Fact("relation", one.entity_id, "listedOn", eid, attrs(period=when), (ev,)))
            continue
        for m, eid in listed:
            ev = evidence(ctx, [span(org), (ts, te), span(m)], "listed-on", confidence)
            facts.append(Fact("relation", company, "listedOn", eid, attrs(period=period), (ev,)))
    return facts


def _respectively(ctx: Context, spec: dict, org: Mention, ts: int, te: int, ce: int) -> list[tuple[Mention, PeriodRef | None]]:
    """Companies listed as one list before a ``respectively`` word (分别, "respectively") and their times in
    the same order: [(company, time)], or [] when the sentence tells no such thing."""
    text = ctx.doc.text
    words = _words(spec, "respectively", ctx.lang.code)
    if not words or not has_word(text[org.end:ce], words, ctx.lang.code):
        return []
    orgs = _coordinated(ctx, org, ctx.entities(ORG, ["StockExchange", "RankingList", "InternalBody"]))
    # a company's name and a word more before the list's next item (京东健康、京东物流, "JD Health and JD Logistics"):
    # a unit of its own, listed on its own
    joined = _LIST_JOIN.search(text, max(ctx.sent.start, orgs[0].start - 6), orgs[0].start)
    named = next((m for m in ctx.entities(ORG) if joined is not None and m.end < joined.start() and
                  _UNIT_WORD.fullmatch(text, m.end, joined.start())), None) if joined is not None and joined.end() == orgs[0].start else None
    if named is not None:
        added = ctx.add_name(named.start, joined.start(), "Company")
        orgs = [added] + orgs if added is not None else orgs
    if len(orgs) < 2:
        return []
    plain = ("", "early", "late", "mid")
    times = [m.period for m in ctx.periods() if orgs[-1].end <= m.start and m.end <= ce and m.period.year and m.period.qualifier in plain]
    if len(times) != len(orgs):
        times = [None] * len(orgs)
    return list(zip(orgs, times))


def _time_clause_before(ctx: Context, ts: int) -> PeriodRef | None:
    """"Two months later, on May 22, 2014, JD.com listed …": the time of the clause right before the
    trigger's, when that clause is only a time."""
    i = ctx.clause_of(ts)
    if i == 0:
        return None
    ps, pe = ctx.clauses[i - 1]
    dated = [m for m in ctx.periods() if ps <= m.start and m.end <= pe]
    rest = ctx.doc.text[ps:pe]
    for m in dated:
        rest = rest.replace(m.text, "")
    if len(dated) == 1 and dated[0].period.year and dated[0].period.qualifier in ("", "early", "late", "mid") \
            and re.fullmatch(r"[\s,，]*(?:(?:in|on|at|by|during|early|late|于|在)[\s,，]*)*", rest, re.IGNORECASE):
        return dated[0].period
    return None


_LISTED = re.compile(r"-listed\b")
_SUPERLATIVE = re.compile(r"最大|最高|biggest|largest", re.IGNORECASE)
# what stands between a company and an appositive "X-listed" (", a Nasdaq-listed company", "'s Stockholm-listed shares")
_LISTED_APPOSED = re.compile(r"\s*,\s*(?:a|an|the|our|its|their)\s+|['’]s\s+")


def _listed_compounds(ctx: Context, spec: dict) -> list[Fact]:
    """"Hong Kong-listed Xiaomi", "Maxeon, a Nasdaq-listed company", "Ericsson's Stockholm-listed shares",
    "TCL Technology, our Shenzhen-listed company": an exchange (or a place that stands for one) joined
    to "listed" names where the company's shares are listed; a state, so no date."""
    if ctx.lang.code != "en":
        return []
    text = ctx.doc.text
    place_exchanges = spec.get("place_exchanges") or {}
    facts = []
    for m in ctx.entities(["StockExchange"] + PLACE):
        hit = _LISTED.match(text, m.end)
        if hit is None:
            continue
        exch = m.entity_id if m.cls and vocab().is_a(m.cls, ["StockExchange"]) else place_exchanges.get(m.entity_id)
        if not exch:
            continue
        owners = [o for o in ctx.entities(ORG, ["StockExchange", "RankingList"]) if o.start >= hit.end()
                  and re.fullmatch(r"\s+(?:" + _BASED_NOUNS + r"\s+)?", text[hit.end():o.start])]
        if not owners:  # the company the compound describes, named before it
            lead = re.match(r"(?:the|a|an)\s+$", text[max(ctx.sent.start, m.start - 4):m.start])
            start = m.start - (len(lead.group()) if lead else 0)
            owners = [o for o in ctx.entities(ORG, ["StockExchange", "RankingList"]) if ctx.sent.start <= o.start
                      and o.end <= start and _LISTED_APPOSED.fullmatch(text, o.end, start)]
            owners = owners[-1:]
        if not owners:
            continue
        ev = evidence(ctx, [span(owners[0]), span(m)], "listed-on", float(spec.get("confidence", 0.9)))
        facts.append(Fact("relation", owners[0].entity_id, "listedOn", exch, (), (ev,)))
    return facts


# the nouns that may stand between 上市的 and the name (在深交所上市的控股子公司无锡小天鹅电器有限公司)
_ZH_LISTED_NOUNS = re.compile(r"的(?:全资|控股)?(?:子公司|公司|企业)?")


_EN_ITS_SHARES = re.compile(r"\b(?:and\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:shares|stock|ADRs|ADSs|depositary\s+(?:shares|receipts))\s+"
                            r"(?:(?:are|were|is|have\s+been|has\s+been|also|now|still|first)\s+)*$", re.IGNORECASE)


def _its_shares_owner(ctx: Context, cs: int, ts: int) -> Mention | None:
    """"Micron is the third-largest DRAM maker after Samsung and SK Hynix, and its shares trade on the Nasdaq":
    "its" is the company the sentence is about (the name that opens it), not the one named nearest."""
    if ctx.lang.code != "en" or not _EN_ITS_SHARES.search(ctx.doc.text[cs:ts]):
        return None
    text = ctx.doc.text
    first = next(iter(m for m in ctx.mentions if m.kind in ("entity", "pronoun") and ctx.sent.start <= m.start < ts), None)
    if first is None or not (first.cls and vocab().is_a(first.cls, ORG)) or vocab().is_a(first.cls, ["StockExchange"]) \
            or not re.fullmatch(r"\s*(?:(?:In|On|By|Since|As of|At)\s[^,]{1,30},\s*)?(?:the\s+)?", text[ctx.sent.start:first.start]):
        return None  # the sentence does not open with a company: "its" is not known
    return first


# what may open a Chinese clause before its subject: a time (2022年12月，), whose unit it is (其子公司, 旗下的)
_ZH_SUBJECT_LEAD = re.compile(r"[\s，,]*(?:其|该|公司|集团)?(?:旗下的?)?(?:全资|控股)?(?:子公司|孙公司)?(?:前身(?:为|是)?)?")
# … and after it, before the verb: adverbs, a time, a place or an exchange (后于2022年12月在上交所科创板)
_ZH_SUBJECT_NOT_NAME = ("随后", "同年", "次年", "此后", "之后", "当年", "其后", "最终", "目前", "此前", "后来", "先后", "再次",
                        "正式", "成功", "今年", "去年", "本月", "公司", "集团", "企业", "子公司", "股票", "股份", "最早", "最初",
                        "早在", "起初", "当时", "曾经", "一直", "已经", "首次", "再度", "之前", "以前")
_ZH_AFTER_SUBJECT = re.compile(r"(?:后|随后|已经|已|也|则|先后|正式|成功|再次)?(?:于|在|将|已|正式|成功|登陆|赴)")


_ZH_NOT_NAME_START = frozenset("是为并而且还也和与在于首其该这那此本由被从自曾最早")


def _zh_clause_subject(ctx: Context, cs: int, ts: int, exclude=NOT_FOUNDED, shares=()) -> Mention | None:
    """The company that opens a Chinese clause as its subject, a name the lexicon lacks too: 萤石网络后于2022年12月
    在上交所科创板上市, 其子公司澜海电子于2021年在深交所上市, 讯飞医疗科技股份有限公司2016年5月在合肥成立 (the whole
    name with its legal form, not the known company it begins with). None when the clause opens otherwise."""
    if ctx.lang.code != "zh":
        return None
    text = ctx.doc.text
    pos = cs
    for p in ctx.periods():  # 2022年12月，萤石网络…
        if p.start == pos or p.start == pos + len(text[pos:p.start]) - len(text[pos:p.start].lstrip("，, ")):
            if p.start < ts:
                pos = p.end
    pos = _ZH_SUBJECT_LEAD.match(text, pos, ts).end()
    if pos >= ts or "、" in text[pos:ts]:
        return None  # (小米健康、京东物流分别于…上市: a list of companies, each listed on its own, is told elsewhere)
    legal = _ORG_NAME.match(text, pos, ts)
    known = [m for m in ctx.mentions if m.kind in ("entity", "pronoun") and m.start == pos and m.end <= ts]
    if legal is not None:
        s, e = legal.start(), legal.end()
        cut = list(re.finditer(r"旗下的?|下属的?|的", text[s:e]))
        if cut:  # 海康威视旗下的萤石网络科技有限公司: the unit named after its owner
            s += cut[-1].end()
        if text[s] in _ZH_NOT_NAME_START:
            return None  # 由中国电子科技集团公司…: the agent, not the subject
    elif known:
        whole = known[-1]
        if re.match(r"[、和及与]", text[whole.end:whole.end + 1]):
            return None  # 小米健康、京东物流分别于…上市: a list of companies, each listed on its own (told elsewhere)
        return whole if whole.cls and vocab().is_a(whole.cls, ORG) and not vocab().is_a(whole.cls, exclude) else None
    else:
        after = _ZH_AFTER_SUBJECT.search(text, pos + 2, min(ts, pos + 10))
        if after is None:
            return None
        s, e = pos, after.start()
        name = text[s:e]
        if not (2 <= len(name) <= 8) or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", name) \
                or any(w in name for w in _ZH_SUBJECT_NOT_NAME + tuple(shares)) or name[0] in _ZH_NOT_NAME_START:
            return None  # (长城汽车H股于2003年在港交所上市: the shares, of the company named before; 是首家…)
    if any(m.kind not in ("entity", "pronoun") and m.start < e and m.end > s for m in ctx.mentions if m.kind != "sentence"):
        return None  # a time or a number inside: no name
    if re.match(r"[、和及与]", text[e:e + 1]):
        return None  # a list of companies (told elsewhere)
    exact = ctx.mention_at(s, e)
    if exact is not None:
        return exact if exact.cls and vocab().is_a(exact.cls, ORG) and not vocab().is_a(exact.cls, exclude) else None
    return ctx.add_name(s, e, "Company")


_ZH_KIND_AFTER_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:企业|厂商|制造商|供应商|服务商|运营商|公司)(?:之一)?(?=[。，；、,;]|$)")


def _listed_one_after(ctx: Context, te: int) -> Mention | None:
    """在香港联交所上市的TCL电子: the company a Chinese listing clause describes comes after 的."""
    if ctx.lang.code != "zh":
        return None
    lead = _ZH_LISTED_NOUNS.match(ctx.doc.text, te, ctx.sent.end)
    if lead is None:
        return None
    named = _ORG_NAME.match(ctx.doc.text, lead.end(), ctx.sent.end)  # a name with its legal form
    if named:
        return ctx.mention_at(named.start(), named.end()) or ctx.add_name(named.start(), named.end(), "Company")
    known = [m for m in ctx.entities(ORG, ["StockExchange", "RankingList", "InternalBody"]) if m.start == lead.end()]
    if not known:  # not a kind of company (上市的智能语音企业)
        return None
    org = known[0]
    if _ZH_KIND_AFTER_NAME.match(ctx.doc.text, org.end, ctx.sent.end):
        return None  # 首家在A股上市的苹果产业链组装企业之一: a kind of company the name only describes
    # 上市的TCL电子: a known name and a word more, up to the clause's end, is a listed unit of its own
    tail = re.match(r"[\u4e00-\u9fff]{1,4}(?=[。，；、,;]|$)", ctx.doc.text[org.end:ctx.sent.end])
    forms = set(ctx.lang.words.get("legal_forms") or ())
    if org.kind == "entity" and tail and tail.group() not in forms:
        end = org.end + tail.end()
        known = ctx.mention_at(org.start, end)
        if known is not None:
            return known if known.cls and vocab().is_a(known.cls, ORG) else org
        if not any(m.start < end and m.end > org.end for m in ctx.mentions if m is not org):
            return ctx.add_name(org.start, end, "Company") or org
    return org


def _hits_between(ctx: Context, spec: dict, start: int, end: int) -> bool:
    """Is another listing word between start and end (a second listing told after the first)?"""
    return any(start <= s and e <= end for s, e in _hits(ctx, _stored(spec, "triggers", ctx.lang.code)))


def _bracketed_owner(ctx: Context, ts: int) -> Mention | None:
    """海信视像（上交所上市）, "Xiaomi (listed in Hong Kong)": a listing said in brackets right after a
    company's name is that company's."""
    text = ctx.doc.text
    lo = max(text.rfind("（", ctx.sent.start, ts), text.rfind("(", ctx.sent.start, ts))
    if lo < 0 or max(text.rfind("）", lo, ts), text.rfind(")", lo, ts)) >= 0:
        return None
    orgs = [m for m in ctx.entities(ORG, ["StockExchange", "RankingList"]) if m.end <= lo and m.start >= ctx.sent.start]
    if orgs and orgs[-1].end == lo:
        return orgs[-1]
    if ctx.lang.code != "zh":
        return None
    if orgs and re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{1,4}", text[orgs[-1].end:lo]):
        return ctx.add_name(orgs[-1].start, lo, "Company")  # 海信视像（上交所上市）: a name that starts with its group's
    item = re.search(r"(?:^|[、，,和及与])([\u4e00-\u9fffA-Za-z]{2,10})$", text[max(ctx.sent.start, lo - 11):lo])
    if item and ctx.mention_at(lo - len(item.group(1)), lo) is None:
        return ctx.add_name(lo - len(item.group(1)), lo, "Company")  # …和三电控股（东京证券交易所上市）
    return None


_LIST_JOIN = re.compile(r"\s*(?:、|和|及|与|以及|,|，|and|as well as)\s*(?:the\s+|在)?", re.IGNORECASE)


def _coordinated(ctx: Context, m: Mention, pool: list[Mention]) -> list[Mention]:
    """``m`` and the mentions of ``pool`` joined to it as one list (A、B和C, "A, B and C")."""
    text = ctx.doc.text
    pool = sorted(pool, key=lambda x: x.start)
    run = [m]
    for x in (x for x in pool if x.start >= m.end):  # forward
        if not _LIST_JOIN.fullmatch(text, run[-1].end, x.start):
            break
        run.append(x)
    for x in reversed([x for x in pool if x.end <= m.start]):  # backward
        if not _LIST_JOIN.fullmatch(text, x.end, run[0].start):
            break
        run.insert(0, x)
    return run


_UNIT_WORD = re.compile(r"[\u4e00-\u9fff]{2,3}|\s+[A-Z][a-z]+")
_EXCHANGE_JOINER = re.compile(r"\s*(?:、|，|,|/|和|及|与|以及|and|&)\s*")
_TICKER = re.compile(r"\s*(?:[:：]|股份代号|股票代码|证券代码|代码|stock code|ticker)[:：]?\s*[A-Z0-9.]{1,10}", re.IGNORECASE)


def _tickers(ctx: Context, spec: dict) -> list[Fact]:
    """"BYD Company Limited (HKEX: 1211; SZSE: 002594)", 小米集团（香港联交所股份代号：1810）: the
    exchanges a company's ticker names."""
    text = ctx.doc.text
    facts = []
    exchanges = sorted(ctx.entities(["StockExchange"]), key=lambda m: m.start)
    for i, exch in enumerate(exchanges):
        last = exch  # (NYSE, Nasdaq: VZ), 纽约证券交易所、泛欧交易所及意大利证券交易所代码：STM: each exchange of a list before the ticker
        for nxt in exchanges[i + 1:]:
            if _TICKER.match(text, last.end) or not _EXCHANGE_JOINER.fullmatch(text, last.end, nxt.start):
                break
            last = nxt
        if not _TICKER.match(text, last.end):
            continue
        opener = max(text.rfind("(", ctx.sent.start, exch.start), text.rfind("（", ctx.sent.start, exch.start))
        if opener < 0 or exch.start - opener > 30:
            continue
        orgs = [m for m in ctx.entities(ORG, ["StockExchange", "RankingList"]) if m.end <= opener and opener - m.end <= 8]
        if not orgs:
            continue
        ev = evidence(ctx, [span(orgs[-1]), span(exch)], "listed-on", float(spec.get("confidence", 0.9)))
        facts.append(Fact("relation", orgs[-1].entity_id, "listedOn", exch.entity_id, (), (ev,)))
    return facts


# a city no list knows at the end of a headquarters clause: [province 道/省/州/郡 [的]] name [市/县/区]
_ZH_CITY = re.compile(r"的?(?:[\u4e00-\u9fff]{1,6}?(?:省|州|道|郡)的?)?([\u4e00-\u9fff]{2,5}?(?:市|县)?(?=[，。；、,.]|$)|[\u4e00-\u9fff]{1,4}?(?:市|县)(?=的))")
_EN_CITY = re.compile(r"(?:\s*,)?\s*(?:is\s+|are\s+)?(?:in\s+|at\s+|locate[d]?\s+)?([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?=\s*[,.;]|\s*$)")


def _unknown_city(ctx: Context, pos: int) -> Mention | None:
    """The city a headquarters clause ends with when no list knows it: 利川市 in 总部位于韩国京畿道利川市,
    纽伯里 in 总部位于英格兰伯克郡的纽伯里, "Newbury" in "head office is in Newbury, Berkshire"."""
    text = ctx.doc.text
    expr = _ZH_CITY if ctx.lang.code == "zh" else _EN_CITY
    m = expr.match(text, pos, min(ctx.sent.end, pos + (16 if ctx.lang.code == "zh" else 60)))
    if m is None or m.group(1) in ("The", "Its", "It", "Our", "We", "This"):
        return None
    start, end = m.start(1), m.end(1)
    if any(mm.start < end and mm.end > start for mm in ctx.mentions if mm.kind in ("entity", "pronoun")):
        return None
    city = ctx.add_name(start, end, "City")
    if city is not None and ctx.lang.code == "zh" and text[end - 1] in "市县" and end - start >= 3:
        ctx.name_also(city.entity_id, [text[start:end - 1]])  # 利川市 is also 利川
    return city


# the nouns a company is called by after "X-based" ("the Shenzhen-based company")
_BASED_NOUNS = r"(?:company|group|firm|maker|manufacturer|giant|conglomerate|carmaker|automaker|chipmaker|vendor|operator|supplier)"
# between a company and a verb that ends its clause (a machine translation's word order): places, times, adverbs
_SOV_GAP = re.compile(r"(?:\s+(?:(?:in|on|at)\s+[A-Z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*)*|year|month|day|formal|formally|officially|"
                      r"[0-9]+|[A-Z][a-z]+))*\s+")
# after a founding verb set off by a comma: its object ("…, a former Google engineer, founded Xiaomi", "…, founded the
# company"), so the verb is active, not a participle ("Tencent, founded in 1998, …")
_EN_ACTIVE_OBJECT = re.compile(r"\s+(?:(?:the|this|his|her|their|its|a|an)\s+[a-z]|[A-Z])")
# words describing a founder before the name ("by former Google engineer Steven Yang"): lower-case words and
# names followed by one
_EN_DESCRIPTION = re.compile(r"(?:(?:[a-z][\w-]*|[A-Z][\w&.-]*(?=\s+[a-z]))\s+){1,5}")
_EN_WITH = re.compile(r"\b(?:together\s+with|along\s+with|with)\s+")
_EN_WITH_CLAUSE = re.compile(r"[\s,]*(?:together\s+with|along\s+with)\s+")
# an aside on the person named before ("…, a former Oracle executive, …")
_EN_ASIDE = re.compile(r"[\s,]*(?:a|an|the|then|now|formerly|previously|himself|herself)\s+[^,;:]{1,60}[\s,]*$")
# a partner's relation to the founder before the name: "his wife", "her younger brother", "two college friends,"
_EN_KIN = re.compile(r"(?:(?:his|her|their|two|three|four|five|a|an|the)\s+)(?:[A-Za-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*)\s*[,:]?\s+(?=[A-Z])")


def _with_people(ctx: Context, start: int, end: int) -> list[Mention]:
    """The persons after "with": a list (A, B and C), each name possibly after its relation to the founder
    ("his wife Mumeno and her younger brother Toshio Iue")."""
    text = ctx.doc.text
    out: list[Mention] = []
    pos = start
    while pos < end:
        pos = _EN_PEOPLE_JOINER.match(text, pos, end).end()
        kin = _EN_KIN.match(text, pos, end)
        pos = kin.end() if kin else pos
        run = _people_run(ctx, pos, end)
        first = next((p for p in run if p.start == pos), None)
        if first is None and kin is not None:  # "his wife Mumeno": a one-word name after the relation
            name = re.match(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}", text[pos:end])
            first = ctx.add_name(pos, pos + name.end(), "Person") if name else None
        if first is None:
            break
        out.append(first)
        pos = first.end
    return out
# a machine translation's agent before its verb (由…创立 word by word): "by A and B etc. people"
_EN_SOV_BY = re.compile(r"\s+by\s+")
_EN_SOV_OTHERS = re.compile(r"(?:\s*(?:\([^()]{1,40}\)))?(?:\s+(?:etc\.?|and\s+others)(?:\s+(?:people|persons|person))?)?")
_EN_DESCRIBED_FOUNDER = re.compile(r"\s*,\s*(?:a|an|then\s+a|then\s+an)\s+[^,;()]{1,80},\s*$")
_EN_APPOSED_FOUNDER = re.compile(r"\s*,\s*(?:who\s+(?:(?:later|then|also|eventually|\w+ly)\s+)?)?$")
_EN_APPOSED_NAME = re.compile(r"(?<![\w'’-])([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*,\s*(?:a|an)\s+$")
_EN_NAME_AND = re.compile(r"(?<![\w'’])([A-Z][\w'’.-]*(?:\s+(?:von|van|de|der|da|di|[A-Z][\w'’.-]*)){1,3})\s+and\s+")


# an appositive that says what kind of company it is, ending in a lowercase noun of its kind
_EN_KIND_APPOSITIVE = re.compile(r"\s*,?\s*(?:the|a|an)\s+(?:[\w&'’-]+\s+){0,6}?(?:maker|makers|company|firm|group|manufacturer|"
                                 r"carrier|operator|retailer|giant|start-?up|producer|supplier|developer|designer|provider|"
                                 r"chipmaker|automaker|carmaker|conglomerate|platform)\s*")


def _names_other(ctx: Context, spec: dict, start: int, ts: int) -> bool:
    """Does the text between the company (or the clause's start) and a headquarters trigger name
    something else, whose headquarters they are: a name kg does not know (英飞朗总部位于, "Temu总部"),
    or more words of a longer name (西门子（中国）有限公司总部, 诺基亚旗下的贝尔实验室总部, "Nokia Bell
    headquarter")? ``head_words`` are the words that may stand there (的, 公司, 目前; "its", "which is")."""
    gap = ctx.doc.text[start:ts]
    lang = ctx.lang.code
    if lang == "zh":
        for w in sorted(_words(spec, "head_words", lang), key=len, reverse=True):
            gap = gap.replace(w, " ")
        return re.search(r"[\u4e00-\u9fffA-Za-z0-9]", gap) is not None
    # English: a capitalised word, not a place's or a person's (no one else's headquarters), nor an
    # ordinary word capitalised at the start of the sentence ("Founded in 2011 and headquartered in")
    allowed = {w.lower() for w in _words(spec, "head_words", lang)}
    text = ctx.doc.text
    if _EN_KIND_APPOSITIVE.fullmatch(gap):
        return False  # "Rivian, the electric truck and SUV maker based in Irvine": what the company is, then its seat
    for w in re.finditer(r"[A-Za-z][\w&.'’-]*", gap):
        s, e = start + w.start(), start + w.end()
        if not w.group()[0].isupper() or w.group().lower() in allowed:
            continue
        if any(m.start <= s and e <= m.end for m in ctx.entities(PLACE + PERSON)):
            continue
        if s == ctx.sent.start and re.match(r"\s+[a-z]", text[e:e + 2]):
            continue
        if re.fullmatch(r"[A-Z]{2,4}s?", w.group()) and re.match(r"\s+(?:and\s+|or\s+)?[a-z]", text[e:e + 6]) and e < ts - 1:
            continue  # "the electric truck and SUV maker based in": an abbreviation used as a common noun describing the company
        return True
    return False


def _zh_city_headquarters(ctx: Context, ts: int) -> tuple[Mention, Mention] | None:
    """(company, city) of a headquarters named by its city before the word: 中兴通讯深圳总部 (the company,
    the city), 在北京海淀区的快手总部 (在, the city and its district, 的, the company); None else. Only a
    city: 小米印度总部 is a country's office, not the company's headquarters."""
    text = ctx.doc.text
    v = vocab()
    orgs = [m for m in ctx.entities(ORG, ["StockExchange", "RankingList", "InternalBody"]) if ctx.sent.start <= m.start < ts]
    places = [m for m in ctx.entities(PLACE) if ctx.sent.start <= m.start < ts]
    org = orgs[-1] if orgs and orgs[-1].end <= ts else None
    if org is None:
        return None
    city = next((p for p in places if p.start == org.end and p.end == ts), None)
    if city is not None:
        return (org, city) if v.is_a(city.cls, ["City"]) else None
    if org.end != ts or not text.startswith("的", org.start - 1):
        return None  # 在北京海淀区的快手总部
    chain = [p for p in places if p.end <= org.start - 1]
    pos, picked = org.start - 1, []
    for p in reversed(chain):
        gap = text[p.end:pos]
        if not re.fullmatch(r"[\u4e00-\u9fff]{0,4}", gap):  # a district between (海淀区)
            break
        picked.insert(0, p)
        pos = p.start
    cities = [p for p in picked if v.is_a(p.cls, ["City"])]
    if not cities or not text[max(ctx.sent.start, pos - 1):pos] == "在":
        return None
    return org, cities[-1]


def _headquarters(ctx: Context, spec: dict) -> list[Fact]:
    """总部位于美国加利福尼亚州库比蒂诺, "headquartered in Santa Clara, California", "Dallas-based AT&T"."""
    lang = ctx.lang.code
    text = ctx.doc.text
    facts: list[Fact] = []
    conf = float(spec.get("confidence", 0.85))
    v = vocab()
    for ts, te in _hits(ctx, _stored(spec, "triggers", lang)):
        run = []
        pos = te
        for m in sorted((m for m in ctx.entities(PLACE) if m.start >= te and m.entity_id != "world"), key=lambda m: m.start):
            gap = text[pos:m.start]
            if len(gap) > (14 if lang == "zh" else 80) or re.search(r"[，。；;]|\.\s", gap):
                break
            if run and lang == "en" and not re.fullmatch(r"\s*,?\s*(?:(?:province|state|city|prefecture|county|district|region|municipality)\b\s*,?\s*)?(?:(?:in|at)\s+)?(?:the\s+)?", gap, re.IGNORECASE):
                break  # "based in Singapore, to get access to overseas markets": the seat's places follow each other
            run.append(m)
            pos = m.end
        named = _zh_city_headquarters(ctx, ts) if lang == "zh" and not any(m.start - te <= 2 for m in run) else None
        if named is not None:  # 华为深圳总部: no place right after the word (总部参观)
            ev = evidence(ctx, [span(named[0]), span(named[1]), (ts, te)], "headquarters", conf * 0.95)
            facts.append(Fact("relation", named[0].entity_id, "headquarteredIn", named[1].entity_id, (), (ev,)))
            continue
        # 韩国京畿道利川市, "Newbury, Berkshire": a city the gazetteer lacks, when the places named hold none
        unknown = _unknown_city(ctx, pos) if not any(v.is_a(m.cls, ["City"]) for m in run) else None
        if unknown is not None:
            run.append(unknown)
        if not run:
            continue
        cities = [m for m in run if v.is_a(m.cls, ["City"])]
        place = cities[-1] if lang == "zh" and cities else cities[0] if cities else run[-1]
        org = None
        if lang == "zh" and re.match(r"\s*的", text[place.end:place.end + 2]):  # 总部位于美国得克萨斯州奥斯汀的特斯拉
            after = [m for m in ctx.entities(ORG, ["StockExchange", "InternalBody"]) if 0 <= m.start - place.end <= 3]
            org = after[0] if after else None
        if org is None:
            org = _which_head(ctx, ts, ["StockExchange", "RankingList", "InternalBody"]) \
                or _org_before(ctx, ts, limit=60, exclude=["StockExchange", "RankingList", "InternalBody"])
            k = text.rfind("前身", ctx.sent.start, org.start) if org is not None and lang == "zh" else -1
            if k >= 0 and _org_before(ctx, k, limit=4) is not None:
                org = _org_before(ctx, k, limit=4)  # 长城汽车前身是…保定长城工业公司，总部位于河北保定: the company's, not its predecessor's
            ci = ctx.clause_of(ts)
            cs = ctx.clauses[ci][0]
            if lang == "zh" and org is not None and org.start < cs and text[cs:ts].strip("，, ") == "":
                # 中国东北亚公司是松下设立的地区事业公司，总部设在北京: a clause without a subject of its own goes on
                # about what the sentence said X是 of, not the name nearest to it
                first = next(iter(ctx.entities(ORG, ["StockExchange", "RankingList", "InternalBody"])), None)
                if first is not None and first.start >= ctx.sent.start and first is not org \
                        and re.match(r"(?:[（(][^）)]{1,40}[）)])?\s*是", text[first.end:first.end + 45]):
                    org = first
            if _names_other(ctx, spec, max(cs, org.end) if org is not None else cs, ts):
                continue  # 英飞朗总部位于…, 西门子（中国）有限公司总部…, "Nokia Bell headquarter": whose, is not known
            if (org is None or org.end <= cs) and lang == "en" and ci > 0 and ctx.clauses[ci - 1][0] >= ctx.sent.start \
                    and not text[cs:ts].strip() \
                    and _names_other(ctx, spec, max(ctx.clauses[ci - 1][0], org.end if org is not None else 0), cs):
                continue  # "Infinera, headquartered in San Jose,": the name the clause stands beside
        company = org.entity_id if org is not None else ctx.doc.organisation
        if not company:
            continue
        confidence = conf * (1.0 if org is not None and org.kind == "entity" else 0.9)
        # a stock exchange or a ranking list named between (…登陆深圳证券交易所创业板，总部位于长沙) has no headquarters to tell
        ev = evidence(ctx, [span(org), (ts, te), span(place)], "headquarters", confidence, not_rivals=NOT_HEADQUARTERED)
        # 总部迁至, "moved its headquarters to": a move happens at a time, from which the headquarters are there
        moved = re.search(r"迁|moved|relocated", text[max(ctx.sent.start, ts - 20):te]) is not None
        cs, ce = ctx.clauses[ctx.clause_of(ts)]
        period = event_period(ctx, cs, ce, ts, te) if moved else None
        facts.append(Fact("relation", company, "headquarteredIn", place.entity_id,
                          attrs(period=period.plain() if period is not None else None), (ev,)))
    # "Dallas-based AT&T", "Shenzhen-based Huawei"
    if lang == "en":
        for based in re.finditer(r"\b[A-Z][a-z]+(?=-based\s+(?:[a-z][\w-]*\s+){0,2}?" + _BASED_NOUNS + r"\b)", ctx.sent.text):
            s0 = ctx.sent.start + based.start()
            if not any(m.start <= s0 < m.end for m in ctx.mentions if m.kind in ("entity", "pronoun")):
                ctx.add_name(s0, ctx.sent.start + based.end(), "City")  # "The Icheon-based chipmaker": a city by its use
        for place in ctx.entities(PLACE):
            if text.startswith("-based", place.end):
                orgs = [m for m in ctx.entities(ORG, ["StockExchange"]) if 0 <= m.start - (place.end + 6) <= 30]
                named = None if orgs else re.match(r"\s+(?:[a-z][\w-]*\s+){0,2}?" + _BASED_NOUNS + r"\s+((?!The\b|In\b|On\b)[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})",
                                                   text[place.end + 6:ctx.sent.end])
                if named is not None:  # "the London-based payments firm WorldFirst": a name the lexicon lacks after the noun
                    s0 = place.end + 6 + named.start(1)
                    added = ctx.add_name(s0, s0 + len(named.group(1).rstrip(".")), "Company")
                    orgs = [added] if added is not None else []
                if orgs:
                    ev = evidence(ctx, [span(place), span(orgs[0])], "headquarters", conf)
                    facts.append(Fact("relation", orgs[0].entity_id, "headquarteredIn", place.entity_id, (), (ev,)))
                elif noun := re.match(r"\s+((?:[a-z][\w-]*\s+){0,2}?)" + _BASED_NOUNS + r"\b", text[place.end + 6:place.end + 40], re.IGNORECASE):
                    # "the Shenzhen-based company": the company named before it, else the one the text is about;
                    # with words before the noun ("Careem, a Dubai-based ride-hailing company") only the one it is set beside
                    before = [m for m in ctx.entities(ORG, ["StockExchange", "InternalBody"])
                              if ctx.sent.start <= m.start and m.end <= place.start]
                    if noun.group(1):
                        before = [m for m in before[-1:] if _LISTED_APPOSED.fullmatch(text, m.end, place.start)]
                        if not before:  # a name the lexicon lacks set beside it
                            named = _EN_APPOSED_NAME.search(text, ctx.sent.start, place.start)
                            added = ctx.add_name(named.start(1), named.end(1), "Company") if named else None
                            if added is None:
                                continue
                            before = [added]
                    # (not the first name of the sentence before: "…, where Bharti Airtel chose it. …, and the
                    # Stockholm-based company reported": the company the text is about, as "the company" is)
                    company = before[-1].entity_id if before else (ctx.doc.organisation or (ctx.recent_orgs[-1] if ctx.recent_orgs else ""))
                    if company:
                        ev = evidence(ctx, [span(before[-1]) if before else None, span(place)], "headquarters", conf * 0.95)
                        facts.append(Fact("relation", company, "headquarteredIn", place.entity_id, (), (ev,)))
    return facts
