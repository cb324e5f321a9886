"""Market positions: a rank (第四, 前五, "ranked third", "No. 1", "the world's largest") of an
organisation or product in a market, a product category or a published ranking list.

Each rank binds to its own clause: "first in China, fifth worldwide" gives two positions. The
scope is the place written in the clause (several coordinated places give one position each:
在欧洲和拉丁美洲均排名第三), else the ranking list the sentence names (《财富》世界500强, "Fortune
Global 500"), else the world. The category is the product category of the clause (智能手机,
"PC"). "Second to X" / 仅次于X also says that X is first.
"""
from __future__ import annotations

import re

from ..types import Fact, Mention, PeriodRef
from .context import ENTITY_KINDS, ORG, THIS_QUARTER, Context, market_just_named, attrs, evidence, has_word, nearest, reported_by, span
from ..iris import vocab
from ..lexicon import load as load_lexicon
from ..numbers import EN_SMALL
from .patterns import words_re

ENTITY_CLASSES_RANKED = ["Organisation", "Product", "ProductSeries", "Brand"]
NOT_SUBJECT = ["ResearchFirm", "RankingList", "StockExchange", "InternalBody", "Place", "ProductCategory"]


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for pat in ctx.patterns.positions:
        facts += _positions(ctx, pat)
        facts += _shares_of_market(ctx, pat)
    return facts


# "holds around 40% of the global AI server market", "with an estimated 31% of the market"
_OF_MARKET = re.compile(r"\s+of\s+(?:the\s+|its\s+)?((?:[\w'’.-]+\s+){0,5}?)(market|industry|sector)\b(?!\s+(?:value|cap|capitali[sz]ation))",
                        re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"\b(?:grew|grow|grows|rose|rise|rises|fell|fall|falls|up|down|increased?|decreased?|declined?|growth|"
                            r"jumped|dropped|climbed|gained|lost|by)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?$", re.IGNORECASE)


def _list_of_another(ctx: Context, lst: Mention, s: int, e: int, ranks: list) -> bool:
    """A ranking list outside the rank's own clause when that clause names its own place (在《财富》世界500强中
    排名第28位，在台湾企业中排第一: the second rank is among Taiwan's companies; "… the Fortune Global 500, and in
    Europe we are the largest operator"), or past a semicolon. Not a list's ranks told year by year (榜单，2023年
    排名升至第212位，2024年再升至第143位)."""
    lo, hi = (lst.end, s) if lst.end <= s else (e, lst.start)
    if re.search(r"[;；]", ctx.doc.text[lo:hi]):
        return True
    cs, ce = ctx.clauses[ctx.clause_of(s)]
    if cs <= lst.start < ce:
        return False
    return any(cs <= m.start < ce and m.entity_id != "world" and not _owned_place(ctx, m) for m in ctx.entities(["Place"]))


# "14% of global smartphone shipments", "a fifth of China's EV sales": what a whole market counts
_OF_COUNTS = re.compile(r"\s+of\s+(?:the\s+)?((?:(?:global|worldwide|world|the world['’]s|world['’]s)\s+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?['’]s\s+)"
                        r"(?:[\w'’.-]+\s+){0,3}?)(shipments|sales|deliveries)\b", re.IGNORECASE)


def _of_market_counts(ctx: Context, end: int):
    """A percentage "of global … shipments" or "of <place>'s … sales": the whole market's count, so a share of it.
    Not "of Apple's sales" (a company's own sales)."""
    m = _OF_COUNTS.match(ctx.doc.text, end, ctx.sent.end)
    if m is None:
        return None
    if re.match(r"(?:global|worldwide|world|the world|world['’]s)\b", m.group(1), re.IGNORECASE):
        return m
    places = [p for p in ctx.entities(["Place"]) if p.start == m.start(1)]
    return m if places else None


def _shares_of_market(ctx: Context, pat: dict) -> list[Fact]:
    """A percentage "of the … market" (English) no metric took: the share of that market held by the
    subject of its clause, scoped to the place its words name, of the kind they name."""
    if ctx.lang.code != "en" or not _words(pat, "kind_nouns", "en"):
        return []
    text = ctx.doc.text
    out = []
    for q in ctx.mentions:
        if q.kind != "quantity" or q.quantity is None or q.quantity.unit != "Percent" or (q.start, q.end) in ctx.consumed \
                or not ctx.sent.start <= q.start < ctx.sent.end:
            continue
        m = _OF_MARKET.match(text, q.end, ctx.sent.end) or _of_market_counts(ctx, q.end)
        if m is None or re.search(r"[,;]", m.group(1)):
            continue
        cs, _ = ctx.clauses[ctx.clause_of(q.start)]
        if _CHANGE_BEFORE.search(text[max(cs, q.start - 30):q.start]):
            continue  # "sales rose 20% of …": a change, not a share
        if has_word(text[max(ctx.sent.start, q.start - 60):q.start], _words(pat, "joint_words", "en"), "en"):
            continue  # "A and B together hold close to half of …": the share of several, no one's own
        subj_m, subj, conf = _subject(ctx, pat, q.start, q.end)
        if not subj or subj_m is not None and subj_m.cls and not vocab().is_a(subj_m.cls, ORG + ["Product", "ProductSeries", "Brand"]):
            continue
        places = [p for p in ctx.entities(["Place"]) if m.start() <= p.start and p.end <= m.end()]
        category = _category(ctx, m.start(2), subj_m, pat)
        # the time of its own part of the sentence ("…Fortune Global 500; … holds 40% of the market": not the list's year)
        part = max(text.rfind(";", ctx.sent.start, q.start), ctx.sent.start)
        times = [t for t in ctx.periods() if t.period.year and part <= t.start < ctx.sent.end]
        period = _period(ctx, q.start) if times else None
        ctx.consumed.add((q.start, q.end))
        ev = evidence(ctx, [span(subj_m), (q.start, m.end())], "market-share-of", float(pat.get("confidence", 0.85)) * conf)
        out.append(Fact("quantity", subj, "MarketShare", "", attrs(
            value=q.quantity.value, unit="Percent", bound=q.quantity.bound, scope=places[0].entity_id if places else "",
            period=period, category=category, reported_by=reported_by(ctx)), (ev,)))
    return out


def _words(pat: dict, key: str, lang: str) -> list[str]:
    return list((pat.get(key) or {}).get(lang, []))


_ZH_ORDINAL_COUNT = re.compile(r"多?个?(?:年|季度|月|周|天|次|届|代|批|期)")
_ABOUT_AFTER = re.compile(r"位?\s*(?:左右|上下)")
_ABOUT_BEFORE = re.compile(r"(?:约|大约|大概|\babout|\baround|\broughly|\bapproximately)\s*(?:the\s+|第)?$", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-9]|20)\s+$", re.IGNORECASE)
_AMONG_BEFORE = re.compile(r"\b(?:among|one of)\s+(?:the\s+)?(?:(?:world|nation|country|globe|[A-Z][\w.]*)['’]s\s+)?(?:very\s+)?$",
                           re.IGNORECASE)
_ORDINAL_SUPERLATIVE = re.compile(r"[-\s](?:largest|biggest|most\s+valuable|best-selling|top-selling|bestselling)\b", re.IGNORECASE)


def _ranks(ctx: Context, pat: dict) -> list[tuple[int, int, int, str]]:
    """(start, end, rank, bound) of the rank expressions of the sentence."""
    lang = ctx.lang.code
    out = []
    for m in ctx.mentions:
        if m.kind == "rank" and not any(m.start < b and m.end > a for a, b in ctx.consumed):
            # "the second-largest", "the 3rd biggest": the ordinal and its superlative are one rank
            tail = _ORDINAL_SUPERLATIVE.match(ctx.doc.text, m.end, ctx.sent.end) if lang == "en" else None
            if lang == "zh" and _ZH_ORDINAL_COUNT.match(ctx.doc.text, m.end):
                continue  # 连续第十多年保持增长, 第三年, 第一代: an ordinal of years or generations, no place
            bound = m.quantity.bound
            if bound == "Exact" and (_ABOUT_AFTER.match(ctx.doc.text, m.end) or _ABOUT_BEFORE.search(ctx.doc.text, max(ctx.sent.start, m.start - 12), m.start)):
                bound = "Approximate"  # 排在第491位左右, "around 490th"
            out.append((m.start, tail.end() if tail else m.end, int(m.quantity.value), bound))
    for value, words in (pat.get("superlatives") or {}).get(lang, {}).items():
        regex = words_re(words, lang)
        for m in regex.finditer(ctx.sent.text):
            s, e = ctx.sent.start + m.start(), ctx.sent.start + m.end()
            if any(s < b and e > a for a, b, _, _ in out) or any(s < b and e > a for a, b in ctx.consumed):
                continue
            if any(s < mm.end and e > mm.start for mm in ctx.mentions if mm.kind in ENTITY_KINDS):
                continue
            if not _ranks_a_player(ctx, pat, s, e):
                continue  # "its largest deal", 最大的客户: not a position in a market
            if lang == "en" and re.search(r"\b(?:ranking|rankings|list|index|table)\s+of\s+(?:the\s+)?$", ctx.doc.text[max(ctx.sent.start, s - 30):s],
                                          re.IGNORECASE):
                continue  # "the BrandZ ranking of the most valuable global brands": the list's name
            # "among the world's five largest smartphone makers": a count before the superlative makes it the top N
            many = _COUNT_BEFORE.search(ctx.doc.text, max(ctx.sent.start, s - 12), s) if lang == "en" and int(value) == 1 else None
            if many is not None:
                n = many.group(1).lower()
                out.append((many.start(1), e, int(n) if n.isdigit() else EN_SMALL[n], "UpperBound"))
                continue
            if lang == "en" and _AMONG_BEFORE.search(ctx.doc.text, max(ctx.sent.start, s - 30), s):
                continue  # "it ranks among the largest companies in the United States": one of many, no place
            out.append((s, e, int(value), "Exact"))
    if lang == "en":  # "led the global PC market", "topped China's smartphone market"; "the top PC vendor", "the top seller of"
        nouns = [n for n in _words(pat, "player_nouns", lang) if n != "market" and not re.search(r"[^s]s$", n)]
        regexes = [(_LED_MARKET, 0)] + ([(re.compile(r"\b(?:the|its|their|\w+['’]s)\s+(top)\s+(?:[\w'’-]+\s+){0,3}?(?:"
                                                     + "|".join(map(re.escape, nouns)) + r")\b(?!-)", re.IGNORECASE), 1)]
                                        if nouns else [])
        for regex, group in regexes:
            for m in regex.finditer(ctx.sent.text):
                s, e = ctx.sent.start + m.start(group), ctx.sent.start + m.end(group)
                if any(s < b and e > a for a, b, _, _ in out) or any(s < b and e > a for a, b in ctx.consumed):
                    continue
                out.append((s, e, 1, "Exact"))
    if lang == "en":  # "one of the three largest mobile operators": among the top three
        for m in _ONE_OF_THE_N.finditer(ctx.sent.text):
            s, e = ctx.sent.start + m.start(), ctx.sent.start + m.end()
            if any(s < b and e > a for a, b, _, _ in out):
                continue
            nouns = _words(pat, "player_nouns", lang)
            window = ctx.doc.text[e:min(ctx.sent.end, e + 50)]
            stop = re.search(r"[,;.]|\b(?:in|of|by|with|since)\b", window)
            if nouns and has_word(window[:stop.start()] if stop else window, nouns, lang):
                n = m.group(1).lower()
                out.append((s, e, int(n) if n.isdigit() else EN_SMALL[n], "UpperBound"))
    return sorted(out)


def _ranks_a_product(ctx: Context, pat: dict, s: int, e: int) -> bool:
    """A superlative of sales before a noun of products, in a market the text names ("the world's
    best-selling smartphone model", "China's best-selling SUV", "the best-selling vehicle … in the
    world", 全球最畅销的车型): a product's rank among its kind. Not a company's own best-seller
    ("Xiaomi's best-selling model", 小米最畅销的机型): the market must be a place or the world."""
    lang = ctx.lang.code
    text = ctx.doc.text
    sales = _words(pat, "sales_superlatives", lang)
    nouns = _words(pat, "product_nouns", lang)
    if not sales or not nouns or not words_re((pat.get("sales_superlatives") or {}).get(lang), lang).fullmatch(text[s:e]):
        return False
    after = text[e:min(ctx.sent.end, e + 40)]
    stop = re.search(r"[，,。；;]" if lang == "zh" else r"[,;.]|\b(?:in|of|by|with|since|for|and)\b", after)
    head = after[:stop.start()] if stop else after
    cats = [m for m in ctx.entities(list(_CATEGORY_CLASSES)) if e <= m.start < e + len(head)]
    if not (has_word(head, nouns, lang) or cats) or has_word(head, _words(pat, "player_nouns", lang), lang):
        return False  # "the best-selling car brand" ranks a player, not a product
    world = ctx.lang.words.get("world") or []
    places = ctx.entities(["Place"])
    if lang == "zh":
        lead = text[max(ctx.sent.start, s - 8):s]
        return bool(re.search(r"(?:" + "|".join(map(re.escape, world + ["国内"])) + r")的?$", lead)) or any(
            re.fullmatch(r"(?:市场)?的?", text[m.end:s]) for m in places if m.end <= s)
    lead = text[max(ctx.sent.start, s - 30):s]
    if re.search(r"\b(?:world|nation|country|globe)['’]s\s+$", lead, re.IGNORECASE) or any(
            re.fullmatch(r"['’]s\s+", text[m.end:s]) for m in places if m.end <= s):
        return True  # "the world's", "China's"
    names = ["world"] + [re.escape(text[m.start:m.end]) for m in places if m.start >= e]
    return bool(re.match(r"[^,;.]{0,40}?\bin\s+(?:the\s+)?(?:" + "|".join(names) + r")\b", text[e:ctx.sent.end]))


def _product_kind(ctx: Context, pat: dict, e: int) -> str:
    """The kind a product's sales rank is among: the category its own noun names ("the best-selling
    smartphone model", "China's best-selling SUV"), none for a noun of no kind (全球最畅销的车型);
    never the kind of a clause before (…纯电动汽车销量第一；其中Model Y成为全球最畅销的车型)."""
    cats = [m for m in ctx.entities(list(_CATEGORY_CLASSES)) if e <= m.start < min(ctx.sent.end, e + 30)
            and not re.search(r"[，,。；;]", ctx.doc.text[e:m.start])]
    return cats[0].entity_id if cats else ""


def _measured(ctx: Context, pat: dict, s: int, e: int) -> bool:
    """A noun of first place right after what it is measured by or the field it is held in (全球新能源汽车
    销量冠军, 纯电动车领域的头把交椅): a rank, with no player noun after it. Not a title won (公开赛冠军)."""
    text = ctx.doc.text
    lang = ctx.lang.code
    measures = _words(pat, "measure_words", lang)
    nouns = _words(pat, "rank_nouns", lang)
    if text[s:e] in _words(pat, "placed_nouns", lang):
        return _placed(ctx, pat, s, e)
    if not measures or not nouns or text[s:e] not in nouns or "之一" in text[e:e + 4]:
        return False
    if _placed(ctx, pat, s, e):
        return True  # 在印度市场稳居榜首, 连续三年位居榜首: a verb of placing before it, at its clause's end
    return bool(re.search(r"(?:" + "|".join(map(re.escape, measures)) + r")(?:的|上的|中的)?\s*$", text[max(ctx.sent.start, s - 8):s]))


def _ranks_a_holder(ctx: Context, pat: dict, e: int) -> bool:
    """第一大股东, 第二大客户, "the largest shareholder": a place among a company's holders or clients."""
    holders = _words(pat, "holder_nouns", ctx.lang.code)
    if not holders:
        return False
    alt = "|".join(re.escape(w) for w in sorted(holders, key=len, reverse=True))
    if ctx.lang.code == "zh":
        return bool(re.match(r"大?的?(?:" + alt + ")", ctx.doc.text[e:e + 8]))
    return bool(re.match(r"(?:-(?:largest|biggest))?(?:\s+[A-Za-z][\w-]*){0,2}?\s+(?:" + alt + r")\b", ctx.doc.text[e:e + 50],
                         re.IGNORECASE))


def _bare_market(ctx: Context, pat: dict, s: int, e: int) -> bool:
    """A superlative right before the bare word for a market, with no word of the world before it (北美仍是最大市场,
    "Europe remained the largest market"): the largest of a company's own markets, not a rank in one."""
    markets = _words(pat, "market_nouns", ctx.lang.code)
    text = ctx.doc.text
    if not markets:
        return False
    alt = "|".join(re.escape(w) for w in markets)
    world = ctx.lang.words.get("world") or []
    if ctx.lang.code == "zh":
        if not re.match(r"的?(?:" + alt + ")(?!份额|占有率|占比)", text[e:e + 8]):
            return False
        return not re.search(r"(?:" + "|".join(map(re.escape, world)) + r")的?\s*$", text[max(ctx.sent.start, s - 6):s]) if world else True
    if not re.match(r"\s+(?:" + alt + r")s?\b(?!\s+share)", text[e:e + 30], re.IGNORECASE):  # "the first market share" is a rank
        return False
    return not re.search(r"\b(?:world|globe|" + "|".join(map(re.escape, world)) + r")(?:['’]s)?\s+(?:the\s+)?$",
                         text[max(ctx.sent.start, s - 30):s], re.IGNORECASE)


def _placed(ctx: Context, pat: dict, s: int, e: int) -> bool:
    """A noun of first place that ends its clause after a verb of placing (位居国内零售企业首位, 排名行业首位,
    连续多年居首位): a rank. Not a first of a kind (品牌首位代言人, 首位女性董事长)."""
    text = ctx.doc.text
    if re.match(r"[\u4e00-\u9fffA-Za-z0-9]", text[e:e + 1]):
        return False
    cs, _ = ctx.clauses[ctx.clause_of(s)]
    verbs = _words(pat, "placing_verbs", ctx.lang.code)
    return bool(verbs) and has_word(text[cs:s], verbs, ctx.lang.code)


def _own_market(ctx: Context, pat: dict, s: int, e: int, subj_m: Mention | None) -> bool:
    """A rank of a market right after the company whose market it is (中国为西门子第二大海外市场, 德国是沃达丰最大的
    市场, "Germany is Vodafone's largest market"): the company's own market, not the company's position."""
    if subj_m is None:
        return False
    text = ctx.doc.text
    markets = _words(pat, "market_nouns", ctx.lang.code)
    if not markets:
        return False
    alt = "|".join(map(re.escape, markets))
    if ctx.lang.code == "zh":
        return text[subj_m.end:s] in ("", "的") and bool(re.match(r"大?的?[\u4e00-\u9fff]{0,4}?(?:" + alt + ")", text[e:e + 12]))
    return bool(re.fullmatch(r"['’]s\s+(?:the\s+)?", text[subj_m.end:s])) and bool(
        re.match(r"\s*(?:[\w-]+\s+){0,2}(?:" + alt + r")s?\b", text[e:e + 40], re.IGNORECASE))


# (not "led the stock market higher": a price move)
_LED_MARKET = re.compile(r"\b(?:led|leads|topped|tops|headed|heads)\s+(?:the\s+)?(?!(?:[\w'’-]+\s+){0,4}?(?:stock|equity|bond|share)s?\s+market)"
                         r"(?:[\w'’-]+\s+){0,4}?market\b(?!\s+(?:value|cap|share|higher|lower|up|down|rally|gains|losses))", re.IGNORECASE)
_ONE_OF_THE_N = re.compile(r"\bone of the (?:top\s+)?([2-9]|10|two|three|four|five|six|seven|eight|nine|ten)\s+"
                           r"(?:largest|biggest|leading|top|best-selling|most valuable)\b", re.IGNORECASE)


def _ranks_a_player(ctx: Context, pat: dict, s: int, e: int) -> bool:
    """A superlative ranks a market player when a player noun follows it ("the world's largest
    smartphone maker", 全球最大的纯电动汽车生产商) and it is not "one of" several (之一)."""
    text = ctx.doc.text
    lang = ctx.lang.code
    if _ranks_a_product(ctx, pat, s, e):
        return True
    if _measured(ctx, pat, s, e):
        return True
    nouns = _words(pat, "player_nouns", lang)
    if nouns and has_word(text[s:e], nouns, lang):
        return True  # "market leader", "led the market": the superlative names the market itself
    window = text[e:min(ctx.sent.end, e + (16 if lang == "zh" else 60))]
    if lang == "zh":
        stop = re.search(r"[，,。；;]", window)
        window = window[:stop.start()] if stop else window
        if "之一" in window:
            return False
    else:
        stop = re.search(r"[,;.]|\b(?:in|of|by|with|and|since|after)\b", window)
        window = window[:stop.start() + (len(stop.group()) if stop and stop.group() == "of" else 0)] if stop else window
        if re.search(r"\bone of\s+(?:the\s+)?(?:[\w'’]+\s+){0,3}$", text[max(ctx.sent.start, s - 40):s]) and \
                not re.match(r"top\b", text[s:e], re.IGNORECASE):
            return False  # "one of the largest makers": no place ("one of the top three makers" is within the top three)
    return bool(nouns) and has_word(window, nouns, lang)


def _is_rank(ctx: Context, pat: dict, s: int, e: int, bound: str, lists: list[Mention]) -> bool:
    """An ordinal or a superlative that ranks something in a market or on a list, not "the first car"."""
    text = ctx.doc.text
    lang = ctx.lang.code
    cs, ce = ctx.clauses[ctx.clause_of(s)]
    clause = text[cs:ce]
    context = _words(pat, "context", lang)
    if _ranks_a_holder(ctx, pat, e) or _bare_market(ctx, pat, s, e):
        return False
    if lang == "en":
        word = text[s:e].lower()
        after = text[e:e + 30]
        nouns_after = re.match(r"\s+([a-z][a-z\-]*)", after)
        blocked = _words(pat, "not_before", lang)
        if _BARE_ORDINAL.fullmatch(word) and (re.match(r"-ever\b", after) or re.search(r"\b(?:a|an)\s+$", text[max(cs, s - 4):s], re.IGNORECASE)):
            return False  # "the first-ever Chinese brand", "a first mover", "a second plant": an order or one more, no place
        if _BARE_ORDINAL.fullmatch(word) and _described_thing(ctx, pat, e, blocked):
            return False  # "the company's first profitable quarter", "its second electric car": a thing in order, no place
        # ("in the top five of the … market": a top N of a market)
        if nouns_after and nouns_after.group(1) in blocked and not (nouns_after.group(1) == "of" and re.match(r"top\b", word)) and not (
                (not re.search(r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9](?:st|nd|rd|th)\b", word)
                 or _ORDINAL_SUPERLATIVE.search(word))
                and _ranks_a_player(ctx, pat, s, e)):
            return False  # "the first car", "a third straight year", "first time"; not "the best-selling car brand"
        category_next = any(m.start == e + len(after) - len(after.lstrip()) for m in ctx.entities(["ProductCategory"]))
        if re.match(r"\s+[A-Z0-9]", after) and not re.match(r"\s+(?:In|Among)\b", after) and not (
                category_next and _ranks_a_player(ctx, pat, s, e)):
            return False  # "the world's first GPU": the earliest, not a rank ("number one PC maker" is)
        if _BARE_ORDINAL.fullmatch(word):
            if _EARLIEST_TO.match(text, e, ce):
                return False  # "the first chipmaker to be valued at $1 trillion": an order in time, not a place in a market
            lead = text[max(cs, s - 40):s].lower()
            verbs = _words(pat, "verbs", lang)
            on_list = re.match(r"\s+(?:on|in)\s+(?:the\s+|its\s+)?(?:(?:19|20)\d\d\s+)?", text[e:e + 30])
            if not (words_re(verbs, lang).search(lead[-25:]) if verbs else False) and \
                    not re.match(r"\s*(?:place|position|spot|in\b|among|worldwide|globally|behind|after|with\b|,|\.|$|largest|biggest|and\b)", after) and \
                    not (on_list and any(m.start == e + on_list.end() for m in lists)):  # "… to 87th on the Fortune Global 500"
                return False
    if lists or _ranks_a_product(ctx, pat, s, e) or _measured(ctx, pat, s, e) or _named_after(ctx, pat, s, e):
        return True  # a list, or a product's market its own words name ("China's best-selling SUV")
    if lang == "en" and _number_n_in_place(ctx, s, e):
        return True
    if lang == "en" and re.fullmatch(r"(?:first|second|third|fourth|fifth)", text[s:e].lower()) and any(
            m.end == s - 1 and text[m.end:s] == " " for m in ctx.entities(ORG)) and re.match(r"\s*(?:and\b|,|\.|;|$)", text[e:e + 6]):
        # "…, with Ericsson second and Nokia third": a name and its place, in a sentence about a market
        return bool(context) and has_word(ctx.sent.text, context, lang)
    if lang == "en" and _BARE_ORDINAL.fullmatch(text[s:e]) and re.match(r"[\s,;.)]*(?:$|and\s+[A-Z])", text[e:ce]) and \
            (cop := _COPULA_BEFORE.search(text, max(cs, s - 30), s)) and any(
                cs <= m.start and re.fullmatch(r"\s*", text[m.end:cop.start()]) for m in ctx.entities(pat.get("subject") or ORG, NOT_SUBJECT)):
        # "Xiaomi was third, behind Samsung and Apple, in global smartphone shipments": the place alone in its clause
        return bool(context) and has_word(ctx.sent.text, context, lang)
    if lang == "en" and _placed_at_clause_end(ctx, pat, s, e):
        # "…, market share 25.2%, row first", "firmly sit first" (word-for-word 排名第一, 稳居第一): the clause is only
        # the place, the market is the sentence's
        return bool(context) and has_word(ctx.sent.text, context, lang)
    return bool(context) and has_word(clause, context, lang)


# an ordinal, perhaps a noun phrase, and "to <verb>": the n-th one to do something ("the first to launch", "the second
# Chinese carmaker to enter Europe", "the first company in history to reach $4 trillion"); not "second to Tesla", "second
# to the market leader" (a rank behind the one named)
_EARLIEST_TO = re.compile(r"(?:\s+[a-z][\w'’-]*){0,4}?\s+to\s+(?!the\b|a\b|an\b)[a-z]")


_RANK_WORDS = frozenset("most largest biggest best best-selling top-selling leading top place position spot among overall "
                        "globally worldwide".split())


def _described_thing(ctx: Context, pat: dict, e: int, blocked: list[str]) -> bool:
    """An ordinal, one describing word, and a noun of a thing counted in order ("first profitable quarter", "second
    electric car"): not a place. Not a describing word of rank ("second most valuable brand") or a player's kind."""
    m = re.match(r"\s+([a-z][a-z\-]*)\s+([a-z][a-z\-]*)\b", ctx.doc.text[e:e + 50])
    if m is None or m.group(2) not in blocked:
        return False
    first = m.group(1)
    return first not in _RANK_WORDS and first not in _EN_PHRASE_STOP and first not in _EN_NOT_KIND and \
        first not in {n.lower() for n in _words(pat, "player_nouns", "en")}


_BARE_ORDINAL = re.compile(r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9]+(?:st|nd|rd|th))",
                           re.IGNORECASE)
_NUMBER_N = re.compile(r"(?:the\s+)?(?:number|no\.?)[\s-]*(?:one|two|three|four|five|[1-9])", re.IGNORECASE)
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|remains?|remained|became|become|stays?|stayed)\s+(?:still\s+|now\s+|again\s+|firmly\s+)?$",
                            re.IGNORECASE)


def _number_n_in_place(ctx: Context, s: int, e: int) -> bool:
    """"number one in South Korea", "In Japan we are No. 2": a place named "number N" in a place the sentence names,
    after a copula or before "in <place>" (not "the first in China to …": an ordinal alone is no such place)."""
    text = ctx.doc.text
    if not _NUMBER_N.fullmatch(text[s:e]):
        return False
    places = [m for m in ctx.entities(["Place"]) if ctx.sent.start <= m.start < ctx.sent.end and not _owned_place(ctx, m)]
    after = re.match(r"\s+(?:in|across)\s+(?:the\s+)?", text[e:e + 20])
    if after and any(m.start == e + after.end() for m in places):
        return True
    cs, _ = ctx.clauses[ctx.clause_of(s)]
    # "we are number one in smartphones", "No. 2 in smart TVs": a place among the makers of a kind the lexicon knows
    if _COPULA_BEFORE.search(text, max(cs, s - 30), s) and any(
            e < m.start < e + 40 and re.fullmatch(r"\s+in\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}", text[e:m.start])
            for m in ctx.entities(list(_CATEGORY_CLASSES))):
        return True
    return bool(_COPULA_BEFORE.search(text, max(cs, s - 30), s)) and any(m.end <= s for m in places) \
        and re.match(r"\s*(?:[,.;]|$|for\b|since\b|in\s+(?:a\s+row|(?:19|20)\d\d)\b)", text[e:e + 20]) is not None


def _placed_at_clause_end(ctx: Context, pat: dict, s: int, e: int) -> bool:
    """An English rank right after a verb of placing that ends its clause ("row first", "firmly sit first",
    "keep front three")."""
    verbs = _words(pat, "placing_verbs", "en")
    text = ctx.doc.text
    _, ce = ctx.clauses[ctx.clause_of(s)]
    if not verbs or not re.fullmatch(r"[\s,;.)]*", text[e:ce]):
        return False
    lead = text[max(ctx.sent.start, s - 30):s]
    return bool(re.search(r"\b(?:" + "|".join(map(re.escape, sorted(verbs, key=len, reverse=True))) + r")\s+(?:(?:global|world|the)\s+)?$",
                          lead, re.IGNORECASE))


# a number right before a name counts it ("45.2 million iPhones", 1000万台小米电视); a year does not
_COUNTED = re.compile(r"(?<![A-Za-z\d.,])(?!(?:19|20)\d\d\s*$)\d+(?:[.,]\d+)*\s*(?:(?:million|billion|thousand|hundred)\s+|[万亿千百]+[台部辆件个款]?)?$",
                      re.IGNORECASE)


def _ranks_a_maker(ctx: Context, pat: dict, s: int, e: int) -> bool:
    """A rank of a player named by a noun of makers or sellers after it ("the largest supplier", 最大的供应商), not of a
    product among its kind nor of a brand (a product line may be a brand: "Redmi is India's largest phone brand")."""
    lang = ctx.lang.code
    if _ranks_a_product(ctx, pat, s, e) or _measured(ctx, pat, s, e) or not _ranks_a_player(ctx, pat, s, e):
        return False
    window = ctx.doc.text[e:min(ctx.sent.end, e + (16 if lang == "zh" else 60))]
    return not has_word(window, _words(pat, "brand_nouns", lang), lang)


def _subject(ctx: Context, pat: dict, s: int, e: int, players_only: bool = False) -> tuple[Mention | None, str, float]:
    classes = pat.get("subject") or ["Organisation"]
    cs, ce = ctx.clauses[ctx.clause_of(s)]
    # "Apple shipped 45.2 million iPhones …, ranking second": a counted thing is no subject
    named = [(x.start, x.end) for x in ctx.mentions if x.kind in ENTITY_KINDS]
    # (a number that ends a name, "the Fortune Global 500 we moved up to 154th", counts nothing)
    cands = [m for m in ctx.entities(classes, NOT_SUBJECT) if m.end <= s and not (
        (c := _COUNTED.search(ctx.doc.text, max(ctx.sent.start, m.start - 24), m.start))
        and not any(a <= c.start() < b for a, b in named))]
    others = _not_ranked(ctx, pat, cands)
    cands = [m for m in cands if m not in others and not _in_heading(ctx, m)]
    if players_only:  # "AirPods … became that earphone's largest supplier": a product is no maker or supplier
        cands = [m for m in cands if not (m.cls and vocab().is_a(m.cls, ["Product", "ProductSeries"]))]
    # "BYD overtook Tesla to become the largest", 联想超过惠普，成为全球第一: the one who overtook
    verbs = _words(pat, "overtake", ctx.lang.code)
    if verbs and cands:
        regex = words_re(verbs, ctx.lang.code)
        for v in regex.finditer(ctx.doc.text, ctx.sent.start, s):
            before = [m for m in cands if m.end <= v.start()]
            between = [m for m in cands if v.end() <= m.start and m.end <= s]
            if before and between:
                return before[-1], before[-1].entity_id, 0.95
    same = [m for m in cands if m.start >= cs]
    if same:
        return same[-1], same[-1].entity_id, 1.0
    # "CATL, the world's largest maker": the name before the comma
    prev = [m for m in cands if m.start >= ctx.sent.start]
    if prev:
        return prev[-1], prev[-1].entity_id, 0.95
    # "排名全球第四的是小米" / "ranked third was Xiaomi": rare; take the document's topic
    topic = ctx.doc.organisation if pat.get("default_subject") == "organisation" else ""
    # "…, it ranked third", "According to X, it is the largest …": a clause that opens with the pronoun that
    # stands for the text's organisation names its topic as surely as a name (no other name in the sentence)
    return None, topic, 1.0 if topic and _opens_with_pronoun(ctx, pat, cs, s) else 0.85


def _opens_with_pronoun(ctx: Context, pat: dict, cs: int, s: int) -> bool:
    """The rank's clause opens with "it" or a word that stands for the text's organisation in a word-for-word
    translation ("company in China … market share keep front three": 公司)."""
    words = ((ctx.lang.words.get("pronouns") or {}).get("organisation_opening") or []) + _words(pat, "topic_openers", ctx.lang.code)
    if not words:
        return False
    sep = r"\s*" if ctx.lang.code == "zh" else r"\s+"
    return bool(re.match(r"[\s,，;；:：]*(?:" + "|".join(map(re.escape, words)) + r")" + sep, ctx.doc.text[cs:s],
                         re.IGNORECASE if ctx.lang.code == "en" else 0))


_HEADING = re.compile(r"[^.。:：;；,，]{1,30}?[:：]")


def _in_heading(ctx: Context, m: Mention) -> bool:
    """A name inside a heading that opens the sentence and says more than the name ("Honor and rank: company in
    2017 …", 荣誉与排名：…): a word of the heading, not the one ranked."""
    h = _HEADING.match(ctx.doc.text, ctx.sent.start, ctx.sent.end)
    return h is not None and m.end < h.end() and bool(re.search(r"[\w\u4e00-\u9fff]", ctx.doc.text[m.end:h.end() - 1])) \
        and not re.fullmatch(r"\s*(?:['’]s)?\s*", ctx.doc.text[m.end:h.end() - 1])


_PLAYERS: dict = {}


def _players(pat: dict, lang: str) -> tuple[list[str], str]:
    """The pattern's ``player_nouns`` that are no ``market_nouns``, and their alternation (longest first),
    worked out once per pattern (the data's patterns are not edited) instead of at each rank."""
    known = _PLAYERS.get((id(pat), lang))
    if known is None or known[0] is not pat:
        markets = _words(pat, "market_nouns", lang)
        nouns = [n for n in _words(pat, "player_nouns", lang) if n not in markets]
        known = _PLAYERS[(id(pat), lang)] = (pat, nouns, "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)))
    return list(known[1]), known[2]


def _named_after(ctx: Context, pat: dict, s: int, e: int):
    """The name a ranked player phrase stands before, as its title (美国第二大网约车平台Lyft, 全球最大的音频流媒体
    平台Spotify, "the world's largest contract chipmaker TSMC"): that name is the one ranked."""
    text = ctx.doc.text
    lang = ctx.lang.code
    nouns, alt = _players(pat, lang)
    if not nouns:
        return None
    if lang == "zh":
        m = re.compile(r"的?" + _ZH_KIND + r"{0,12}?(?:" + alt + r")").match(text, e, ctx.sent.end)
    else:
        m = re.compile(r"(?:-[a-z]+)?(?:\s+[A-Za-z0-9][\w'’-]*){0,3}?\s+(?:" + alt + r")\s+", re.IGNORECASE).match(text, e, ctx.sent.end)
    if m is None:
        return None
    classes = pat.get("subject") or ["Organisation"]
    for x in ctx.entities(classes, NOT_SUBJECT):
        if x.start == m.end() and not (lang == "en" and not text[x.start:x.start + 1].isupper()):
            if lang == "zh" and re.match(r"[\u4e00-\u9fff]", text[x.start - 1:x.start]) and not any(
                    text[m.start():m.end()].endswith(n) for n in nouns):
                continue
            return x, x.entity_id, 1.0
    return None


def _not_ranked(ctx: Context, pat: dict, cands: list[Mention]) -> list[Mention]:
    return [m for m in cands if _not_the_ranked(ctx, pat, m, cands)]


def _not_the_ranked(ctx: Context, pat: dict, m: Mention, cands: list[Mention]) -> bool:
    """A name before a rank that is not what it ranks: the one it is second to (仅次于微软和苹果，位列第三;
    "behind Samsung"), an aside in brackets after another name (海信系（含东芝）…位列全球第二), or a
    possessive apposition ("Motorola, Lenovo's smartphone business, … ranks third")."""
    text = ctx.doc.text
    lang = ctx.lang.code
    words = _words(pat, "second_to", lang)
    if words:
        lead = text[max(ctx.sent.start, m.start - 40):m.start]
        # the name right after the words, or coordinated with one that is (仅次于微软和苹果)
        gap = r"(?:\s*(?:[^\s，,。；;]{1,12}?|[\w .&'-]{1,30}?)\s*(?:和|与|及|、|and|,)\s*)?"
        if re.search(r"(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\s*(?:only\s+)?" + gap + r"$",
                     lead, re.IGNORECASE):
            return True
    if lang == "zh" and re.search(r"在[^\s，,。；;]{0,6}$", text[max(ctx.sent.start, m.start - 8):m.start]) and \
            re.match(r"(?:平台|商城|店铺|渠道|线上)", text[m.end:m.end + 4]) or \
            lang == "en" and re.search(r"\bon\s+(?:the\s+)?$", text[max(ctx.sent.start, m.start - 8):m.start]):
        return True  # 在美国亚马逊平台…排名前三, "best-selling on Amazon": the channel it sells through
    if lang == "zh" and re.match(r"(?:\s*(?:和|与|及|、)\s*[^\s，,。；;]{1,12}?)?(?:之后|后面|之下)", text[m.end:m.end + 20]):
        return True  # 排在三星和苹果之后: the ones it is behind
    if lang == "zh" and text[m.start - 1:m.start] in _words(pat, "client_markers", lang) and \
            re.match(r"[\u4e00-\u9fff]", text[m.end:m.end + 1]) and not re.match(r"[的第最全是排位居中在]", text[m.end:m.end + 1]):
        return True  # 开始为苹果组装AirPods，很快成为…最大供应商: the client served before a verb, not the supplier ranked
    if any(re.fullmatch(r"(?:\s*[A-Z][\w&.-]*){0,3}[\s\"'“”‘’《》]*(?:['’]s\s+)?(?:global\s+|world\s+|全球|世界)?", text[m.end:x.start])
           for x in ctx.entities(["RankingList"]) if x.start >= m.end):
        return True  # the publisher of the list right after it ("MIT Technology Review" 50 smartest companies list)
    earlier = [c for c in cands if c.end <= m.start]
    if not earlier:
        return False
    opening = max(text.rfind("（", ctx.sent.start, m.start), text.rfind("(", ctx.sent.start, m.start))
    if opening > earlier[-1].start and not re.search(r"[）)]", text[opening:m.start]) and re.search(r"[）)]", text[m.end:m.end + 12]):
        return True  # 海信系（含东芝）: an aside
    if lang == "en":
        cs, ce = ctx.clauses[ctx.clause_of(m.start)]
        if re.fullmatch(r"['’]s(?:\s+[a-z][\w-]*){1,4}\s*,?\s*", text[m.end:ce]) and re.fullmatch(r"\s*,?\s*(?:the\s+)?", text[cs:m.start]):
            return True  # "Motorola, Lenovo's smartphone business, …"
    return False


def _market_subject(ctx: Context, pat: dict, s: int, e: int):
    """"中国市场是全球最大的消费电子市场", "China is the world's largest smartphone market": the
    place's market is what is ranked."""
    words = _words(pat, "market_nouns", ctx.lang.code)
    text = ctx.doc.text
    if not words or not has_word(text[e:min(ctx.sent.end, e + 40)], words, ctx.lang.code):
        return None
    if not any(s >= sup_s and e <= sup_e for sup_s, sup_e in _superlative_spans(ctx, pat)):
        return None  # "the first market share" is Xiaomi's rank, not the market's
    first = [m for m in ctx.mentions if m.kind in ENTITY_KINDS and m.start >= ctx.sent.start]
    if not first or not first[0].cls or "Place" not in vocab_ancestors(first[0].cls):
        return None
    place = first[0]
    if not has_word(text[place.end:place.end + 8].lstrip("'’s "), words, ctx.lang.code):
        return None  # the sentence starts from the place's market: 中国市场是…, "The Chinese market is ..."
    return place, "market:" + place.entity_id, 0.9


def _superlative_spans(ctx: Context, pat: dict) -> list[tuple[int, int]]:
    out = []
    for words in (pat.get("superlatives") or {}).get(ctx.lang.code, {}).values():
        for m in words_re(words, ctx.lang.code).finditer(ctx.sent.text):
            out.append((ctx.sent.start + m.start(), ctx.sent.start + m.end()))
    return out


def vocab_ancestors(cls: str):
    from ..iris import vocab

    return vocab().ancestors(cls)


def _home_word_before(ctx: Context, pat: dict, s: int) -> bool:
    """A word naming a country without its name right before the rank ("the country's largest", "the nation's No. 1")."""
    words = _words(pat, "home_words", ctx.lang.code)
    lead = ctx.doc.text[max(ctx.sent.start, s - 30):s]
    return bool(words) and re.search(r"(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\s*$", lead,
                                     re.IGNORECASE) is not None


def _scopes(ctx: Context, pat: dict, s: int, e: int, lists: list[Mention]) -> list[tuple[str, Mention | None]]:
    """The places a rank is scoped to, from its clause: coordinated places give several."""
    text = ctx.doc.text
    cs, ce = ctx.clauses[ctx.clause_of(s)]
    places = [m for m in ctx.entities(["Place"]) if cs <= m.start < ce and not text.startswith("-based", m.end)  # "Dallas-based"
              and not _owned_place(ctx, m)]
    if lists:
        near = nearest(lists, s)
        # "ranked 28th on the Fortune Global 500 and is the largest company in Taiwan": the list is the
        # first rank's; a place its own words name ("in Taiwan") scopes the second
        own_place = [m for m in places if m.start >= e and re.search(r"\b(?:in|across)\s+(?:the\s+)?$", text[e:m.start])
                     and not re.search(r"[,;]", text[e:m.start]) and not (near.start < m.start and near.end > s)] \
            if ctx.lang.code == "en" and not (near.start >= e and near.start - e < 40) else []
        if own_place and abs(near.start - s) > 20:
            return [(own_place[0].entity_id, own_place[0])]
        return [(near.entity_id, near)]
    if ctx.lang.code == "en" and not [m for m in places if m.start >= e and m.entity_id != "world"] and re.match(
            r"(?:\s+[a-z][\w-]*){0,3}?\s+(?:" + "|".join(map(re.escape, ctx.lang.words.get("world") or ["worldwide"])) + r")\b",
            text[e:min(ce, e + 50)], re.IGNORECASE):
        # "the largest in Asia and among the top three worldwide": the world word after its rank (its mention, when
        # it is one, is part of the evidence)
        return [("world", next((m for m in places if m.start >= e and m.entity_id == "world"), None))]
    if not places:
        earlier = _earlier_place(ctx, cs, s)
        if earlier is not None:
            return [(earlier.entity_id, earlier)]
        if ctx.doc.home_country and _home_word_before(ctx, pat, s):
            return [(ctx.doc.home_country, None)]  # "by 1998 it had become the country's best-selling pickup brand"
        return [(market_just_named(ctx, cs, ce) or "world", None)]
    before = [m for m in places if m.end <= s]
    pick = before[-1] if before else places[0]
    if ctx.lang.code == "en":  # "third in North America and second in Latin America": the place after its ordinal
        after = [m for m in places if m.start >= e and re.fullmatch(r"\s+(?:in|across)\s+(?:the\s+)?", text[e:m.start])]
        # "one of the three largest mobile operators in the United States": the market its noun is in
        after = after or [m for m in places if m.start >= e and re.search(r"\b(?:in|across)\s+(?:the\s+)?$", text[e:m.start])
                           and not re.search(r"[,;]", text[e:m.start])]
        if after:
            pick = after[0]
        # "the number one seller of new energy vehicles worldwide … and the best-selling car brand in China":
        # a world word between a rank and a later place is the rank's own scope
        if pick.start >= e and re.search(r"\b(?:" + "|".join(map(re.escape, ctx.lang.words.get("world") or ["worldwide"])) + r")\b",
                                         text[e:pick.start], re.IGNORECASE):
            return [("world", None)]
    run = [pick]
    # 在欧洲和拉丁美洲…, "in Europe and in Latin America"
    i = places.index(pick)
    while i > 0 and re.fullmatch(r"\s*(?:和|及|与|、|,|and|and in|or)\s*", text[places[i - 1].end:places[i].start]):
        run.insert(0, places[i - 1])
        i -= 1
    j = places.index(pick)
    while j + 1 < len(places) and places[j + 1].start < s + 60 and \
            re.fullmatch(r"\s*(?:和|及|与|、|,|and|and in|or)\s*", text[places[j].end:places[j + 1].start]):
        run.append(places[j + 1])
        j += 1
    return [(m.entity_id, m) for m in run]


_POSSESSIVE = re.compile(r"\b(?:its|their|our|his|her|whose)\s+$", re.IGNORECASE)


def _owned_place(ctx: Context, m: Mention) -> bool:
    """A place after a possessive word names what something owns there ("its U.S. unit Solidigm",
    "their European plants"), not the market a rank is held in."""
    return ctx.lang.code == "en" and bool(_POSSESSIVE.search(ctx.doc.text, max(ctx.sent.start, m.start - 8), m.start))


def _earlier_place(ctx: Context, cs: int, s: int) -> Mention | None:
    """A rank whose clause names no place, after clauses that do (在公司的大本营非洲，传音智能机市场占有率
    超过40%，排名第一): the last place named before it in the sentence, unless a world word, a semicolon or
    (English) another rank stands between."""
    text = ctx.doc.text
    places = [m for m in ctx.entities(["Place"]) if ctx.sent.start <= m.start and m.end <= cs and not _owned_place(ctx, m)]
    if not places:
        return None
    last = places[-1]
    between = text[last.end:s]
    # 在中国市场…均位居行业第一，洗衣机市场份额…位居第二: a Chinese rank of the clause before shares the place
    ranked = ctx.lang.code != "zh" and (ctx.lang.rank_exact.search(between) or ctx.lang.rank_top.search(between))
    if re.search(r"全球|世界|global|world", between, re.IGNORECASE) or ranked or re.search(r"[；;]", between):
        return None
    return last if last.entity_id != "world" else None


def _period(ctx: Context, s: int) -> PeriodRef | None:
    p = _told_period(ctx, s)
    if p is not None and ctx.report_period is not None and THIS_QUARTER[ctx.lang.code].search(p.text or ""):
        return ctx.report_period  # "this quarter" in a results text: the quarter it reports on, not the document's
    return p


def _told_period(ctx: Context, s: int) -> PeriodRef | None:
    cs, ce = ctx.clauses[ctx.clause_of(s)]
    text = ctx.doc.text
    # 连续第二年蝉联…冠军: "the second year in a row" counts years, it names none
    periods = [m for m in ctx.periods() if m.period.year and not (
        text[m.start] == "第" and text[max(0, m.start - 2):m.start] == "连续")]
    same = [m for m in periods if cs <= m.start < ce]
    since = [m for m in periods if m.period.qualifier == "since"]
    if since and re.search(r"连续|consecutive|straight|since", ctx.sent.text):
        own = [m for m in since if cs <= m.start < ce]  # …，2023年起也是…最高的: the clause's own start
        return (own or since)[0].period
    after = [m for m in same if m.start >= s and not re.search(r"\band\b|[,;]", ctx.doc.text[s:m.start])]
    if ctx.lang.code == "en" and after:  # "entered India in July 2014 and became the largest … in the fourth quarter of 2017"
        return after[0].period
    pick = nearest(same, s) or nearest([m for m in periods if m.end <= s], s) or nearest(periods, s)
    if pick is not None:
        return pick.period
    if ctx.doc.date and has_word(ctx.sent.text, ctx.lang.words.get("as_of") or [], ctx.lang.code):
        d = ctx.doc.date  # 目前…排名第二, "currently ranks second": as of the text's date, not the time told before
        return PeriodRef(d.year, None, d.month, d.day, "asof")
    recent = ctx.recent_periods[-1] if ctx.recent_periods else None
    if recent is not None and recent.year and has_word(ctx.sent.text, ctx.lang.words.get("full_year_words") or [], ctx.lang.code):
        return PeriodRef(recent.year)  # 从全年来看，…头把交椅 after a sentence on the fourth quarter: the whole year
    rp = ctx.report_period
    own_date = recent is not None and ctx.doc.date is not None and recent.day and \
        (recent.year, recent.month, recent.day) == (ctx.doc.date.year, ctx.doc.date.month, ctx.doc.date.day)
    title_end = ctx.doc.text.find("\n")
    if rp is not None and (recent is None or own_date) and 0 < rp.end <= title_end:
        # 公司出货量排名第二 in a results text that told no time before it but its own date: the period its title
        # says it reports on (not one an interview's lead happens to name)
        return rp
    return recent


_CATEGORY_CLASSES = frozenset({"ProductCategory"})


# the words of a market's name before its head noun: 在以太网交换机市场, "in the enterprise switching market"
_ZH_MARKET_KIND = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,12}$")
_ZH_OPENED_KIND = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,20}$")
# … and one of two parts joined right before its head noun (中国大模型平台及相关应用市场, 乘用车前装ADAS和自动驾驶计算解决方案市场):
# the market of both together, as the text names it
_ZH_JOINED_KIND = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,16}[和与及][\u4e00-\u9fffA-Za-z0-9]{2,12}$")
_EN_MARKET_KIND = re.compile(r"(?:^|\s)((?:[a-z0-9][\w-]*\s+){0,2}[a-z0-9][\w-]*)\s*$")
_EN_MARKET_FOR = re.compile(r"\s+for\s+((?:[a-z0-9][\w-]*\s+){0,3}[a-z0-9][\w-]*s)\b(?=\s*(?:[,;.]|$|\s+(?:in|with|since|for|by|and)\b))")
_EN_NOT_KIND = frozenset("the a an its their our this that global world world's worldwide overall total domestic local "
                         "international overseas home stock share whole entire same".split())


def market_kind(ctx: Context, pat: dict, s: int, known: Mention | None = None, earlier: bool = False) -> Mention | None:
    """A kind of product the lexicon does not know, named as a market in the clause of ``s``
    (思科在以太网交换机市场仍保持全球第一, "third in the global optical networking market"): a new
    product category. Not a place's market (印度市场), nor a word of scope (全球市场, "the overall market").
    With ``earlier``, the clauses of the sentence before it too, nearest first (讯飞医疗在中国医疗人工智能行业中
    排名第一，市场份额约为6.4%)."""
    lang = ctx.lang.code
    text = ctx.doc.text
    generic = set(ctx.lang.words.get("generic_name_words") or []) | _EN_NOT_KIND
    clauses = [ctx.clauses[ctx.clause_of(s)]]
    if earlier:
        clauses += [c for c in reversed(ctx.clauses[:ctx.clause_of(s)]) if c[0] >= ctx.sent.start]
    tails = ctx.lang.words.get("market_kind_tails") or []
    if known is not None and ctx.clauses[ctx.clause_of(known.start)] not in clauses:
        clauses.append(ctx.clauses[ctx.clause_of(known.start)])  # 在全球AI服务器市场上，…，保持全球第一
    for (cs, ce), noun in [(c, n) for c in clauses for n in _words(pat, "kind_nouns", lang)]:
        for m in re.finditer(re.escape(noun) + (r"\b" if lang == "en" else ""), text[cs:ce]):
            head = cs + m.start()
            if lang == "en":  # "the world market for interchangeable-lens digital cameras": the kind after "for"
                after = _EN_MARKET_FOR.match(text, cs + m.end(), ce)
                if after is not None and not any(after.start(1) < x.end and x.start < after.end(1) and x is not known and not (
                        known is not None and x.start >= known.start and x.end <= known.end) for x in ctx.mentions):
                    start, end = after.start(1), after.end(1)
                    if known is None or start <= known.start and known.end <= end and (start, end) != (known.start, known.end):
                        mention = ctx.add_name(start, end, "ProductCategory")
                        if mention is not None:
                            return mention
                    continue
            before = text[max(cs, head - 40):head]
            # the name stops at the nearest mention (a place, a company, a time) before the head noun
            # (not a kind the lexicon knows glued to more of the name: 中国乘用车前装ADAS…市场 is one market)
            stops = [mm for mm in ctx.mentions if mm.end <= head and mm.end > head - 40 and mm is not known
                     and not (known is not None and mm.start >= known.start and mm.end <= known.end)
                     and not (lang == "zh" and mm.end < head and re.match(_ZH_KIND, text[mm.end]) and mm.cls
                              and vocab().is_a(mm.cls, list(_CATEGORY_CLASSES)))]
            last_stop = max(stops, key=lambda mm: mm.end, default=None)
            stop = max([mm.end for mm in stops] + [head - len(before)])
            # "the global HBM market", "the Chinese smartphone market": a place right before the kind is its word of scope
            scoped = last_stop is not None and last_stop.end == stop and last_stop.kind in ENTITY_KINDS and bool(
                last_stop.cls) and vocab().is_a(last_stop.cls, ["Place"])
            before = text[stop:head]
            if lang == "zh":
                parts = re.split(r"(在(?!线)|[于的、，,了是])", before)  # 仍保住了纯电动车领域: no verb in a kind
                before = parts[-1]
                # a name between 在 and its head noun is all the market's (在中国自主品牌乘用车高级辅助驾驶解决方案市场)
                opened = len(parts) > 1 and parts[-2] == "在" or len(parts) == 1 and scoped and text[last_stop.start - 1:last_stop.start] == "在"
                joined = _ZH_JOINED_KIND.fullmatch(before)
                before = before if joined else re.split(r"[和与及]", before)[-1]
                while before and any(before.startswith(g) for g in generic if len(g) > 1):
                    before = before[next(len(g) for g in sorted(generic, key=len, reverse=True)
                                         if len(g) > 1 and before.startswith(g)):]
                found = (_ZH_JOINED_KIND if joined else _ZH_OPENED_KIND if opened else _ZH_MARKET_KIND).search(before)
                kind = found.group(0) if found else ""
            else:
                words = before.split()
                # the words between the last determiner or word of scope and the head noun ("the global
                # optical networking market"); none without one ("led the market", "it is the market")
                last = max([i for i, w in enumerate(words) if w.lower() in generic] + [-1])
                words = words[last + 1:] if last >= 0 or scoped else []
                kind = " ".join(words) if 0 < len(words) <= 3 and all(re.fullmatch(r"[a-z0-9][\w-]*|[A-Z][A-Z0-9]{1,5}s?|[A-Z][a-z][A-Z]", w) for w in words) else ""  # "the HBM market", "SiC"
            if lang == "zh" and kind:  # 手机出货量位居行业第一: what is measured and the verb are no part of the kind
                cut = max((kind.rfind(w) + len(w) for w in _words(pat, "measure_words", lang) + _words(pat, "placing_verbs", lang)
                           if len(w) > 1 and w in kind), default=0)
                kind = kind[cut:]
            end = head - (len(before) - len(before.rstrip()))
            start = end - len(kind)
            if text[start:end] != kind:
                continue
            # 新能源乘用车零售市场, "the smartphone retail market": how the market is counted is no part of its kind
            cut = True
            while cut and kind:
                cut = next((t for t in tails if kind.lower().endswith(t.lower()) and len(kind) > len(t)), None)
                if cut:
                    kind = kind[:-len(cut)].rstrip()
            end = start + len(kind)
            if not kind or kind in generic:
                continue
            if known is not None and not (start < known.start and known.end <= end or start <= known.start and known.end < end):
                continue  # no longer than the lexicon's name of the kind: keep the lexicon's
            if known is not None and known.end == end and _modifier_only(ctx, text[start:known.start]):
                continue  # 智能扫地机器人, "smart robot vacuums": a word of praise before the lexicon's kind names no other kind
            mention = ctx.add_name(start, start + len(kind), "ProductCategory")
            if mention is not None:
                if lang == "en" and re.search(r"[a-z]$", kind) and not kind.endswith("s"):
                    # "the AI server market" is the market of AI servers
                    ctx.name_also(mention.entity_id, [kind[:-1] + "ies" if re.search(r"[^aeiou]y$", kind) else kind + "s"])
                if known is not None and known.end == start + len(kind):
                    _name_narrower(ctx, mention, text[start:known.start], known)
                return mention
    return None


def _name_narrower(ctx: Context, mention: Mention, words: str, known: Mention) -> None:
    """A kind made of a word of use and a kind the lexicon knows (消费级全景相机: 消费级 + 全景相机) is also known
    by that word's English before the known kind's English names ("consumer panoramic cameras")."""
    word = (ctx.lang.words.get("kind_modifier_names") or {}).get(words.strip())
    info = load_lexicon().info(known.entity_id) if word else None
    if info is None:
        return
    names = [n for code, n in info.labels + info.aliases if code == "en" and re.search(r"[a-z]s$", n)]
    ctx.name_also(mention.entity_id, [f"{word} {n}" for n in names], lang="en")


def _modifier_only(ctx: Context, words: str) -> bool:
    """Words before a kind the lexicon knows that only praise it (智能, 全自动, "smart"): no kind of their own."""
    mods = ctx.lang.words.get("kind_modifiers") or []
    words = words.strip()
    if not words or not mods:
        return False
    alt = "|".join(map(re.escape, sorted(mods, key=len, reverse=True)))
    sep = r"\s*" if ctx.lang.code == "zh" else r"\s+"
    return bool(re.fullmatch(r"(?:(?:" + alt + r")" + sep + r")+", words + (" " if ctx.lang.code == "en" else ""), re.IGNORECASE))


def _category(ctx: Context, s: int, subject: Mention | None = None, pat: dict | None = None) -> str:
    cs, ce = ctx.clauses[ctx.clause_of(s)]
    cats = ctx.entities(["ProductCategory"])
    same = [m for m in cats if cs <= m.start < ce]
    near = nearest(same, s) or nearest([m for m in cats if m.end <= s and m.start >= ctx.sent.start], s)
    if pat is not None:
        # the text's own, longer name of the kind (AI服务器 for the lexicon's 服务器, 激光电视 for 电视) wins
        # a market its own clause names (…；在NAND闪存市场上排名第三) before a kind named in a clause before
        kind = market_kind(ctx, pat, s) if near is not None and near not in same else None
        kind = kind or market_kind(ctx, pat, s, near)
        near = kind or near
    if near is None and not cats:
        if subject is not None and subject.cls and not vocab().is_a(subject.cls, ORG):
            # a product ranks in its own kind: 小米电视…排名第一 is a rank among televisions,
            # whatever the sentence before was about
            own = load_lexicon().named_inside(subject.text, _CATEGORY_CLASSES)
            return own[0] if own else ""
        return ctx.carried_category()  # "… the smartphone market. Xiaomi was third": the market just named
    return near.entity_id if near else ""


# the words of an English player phrase: "online retailer", "contract manufacturer of electronics"
_EN_WORD = re.compile(r"\s+([A-Za-z0-9][\w'’-]*)")
_EN_PHRASE_STOP = frozenset("in on at by with for from since after as to than that which who whose worldwide globally "
                            "is was were are has had and or but".split())
_ZH_KIND = r"[\u4e00-\u9fffA-Za-z0-9]"


def _player_kind(ctx: Context, pat: dict, s: int, e: int) -> str | None:
    """The kind of player a rank's own noun phrase names: the words a player noun follows or the
    thing it is "of" ("the world's largest online retailer", "the largest maker of electric-vehicle
    batteries", 全球最大的电子制造服务企业, 位列中国造车新势力品牌第四). A kind the lexicon knows is that
    category ("the largest smartphone maker"); another becomes a new category named by the phrase,
    also known by its kind alone and (English) its other number. None when the rank names no such
    phrase, or only a word that names no kind ("the largest company"): the clause's category is
    the rank's; "" when the phrase names a kind no category can hold."""
    found = _en_player_phrase(ctx, pat, s, e) if ctx.lang.code == "en" else _zh_player_phrase(ctx, pat, s, e)
    cs, ce = ctx.clauses[ctx.clause_of(s)]
    known_elsewhere = any(cs <= m.start < ce for m in ctx.entities(list(_CATEGORY_CLASSES)))
    if found is None:
        return None
    start, end, kind_start, kind_end = found
    text = ctx.doc.text
    lang = ctx.lang.code
    nouns = _words(pat, "player_nouns", lang)
    generic = _words(pat, "generic_players", lang)
    cats = ctx.entities(list(_CATEGORY_CLASSES))
    whole = [m for m in cats if m.start <= start and end <= m.end]
    if whole:
        return whole[0].entity_id  # the lexicon names the whole phrase ("contract chipmaker", 短视频平台)
    known = [m for m in cats if kind_start <= m.start and m.end <= kind_end]
    if known:
        # "smartphone maker", 手机品牌厂商: the kind is the lexicon's, give or take player words
        rest = text[kind_start:known[0].start] + text[known[-1].end:kind_end]
        for w in sorted(set(nouns) | set(generic), key=len, reverse=True):
            rest = re.sub((r"(?<![\w-])" + re.escape(w) + r"(?![\w-])") if lang == "en" else re.escape(w), "", rest,
                          flags=re.IGNORECASE)
        if len(known) == 1 and not re.sub(r"[\s\-]", "", rest):
            return known[0].entity_id
    if kind_start == kind_end and (known_elsewhere or has_word(text[start:end], generic, lang) and
                                   words_re(generic, lang).fullmatch(text[start:end])):
        return None  # "the largest company", 最大的企业: no kind; 汽车市场销量最高的车企: the market's kind
    mention = ctx.add_name(start, end, "ProductCategory")
    if mention is None:
        return ""
    # the kind alone is another name of the category, unless it is the name of something else ("iPhone")
    names = [text[kind_start:kind_end]] if kind_end > kind_start and not any(
        (p[0], p[1]) == (kind_start, kind_end) for p in mention.parts) else []
    if lang == "en":
        names += [_other_number(text[start:end], nouns)]
    ctx.name_also(mention.entity_id, [n for n in names if n and n != mention.text])
    return mention.entity_id


player_kind = _player_kind  # (goals: the kind of player a rank aimed at names)


def _other_number(phrase: str, nouns: list[str]) -> str:
    """"online retailer" -> "online retailers", "pure-play foundries" -> "pure-play foundry": the
    phrase with its player noun in the other number ("" when it has none)."""
    for noun in sorted(nouns, key=len, reverse=True):
        m = re.search(r"(?<![\w-])" + re.escape(noun) + r"(?![\w-])", phrase, re.IGNORECASE)
        if m is None:
            continue
        if noun.endswith("ies"):
            other = noun[:-3] + "y"
        elif noun.endswith("s") and noun[:-1] in nouns:
            other = noun[:-1]
        elif noun.endswith("y"):
            other = noun[:-1] + "ies"
        else:
            other = noun + "s"
        return phrase[:m.start()] + other + phrase[m.end():]
    return ""


def _en_player_phrase(ctx: Context, pat: dict, s: int, e: int) -> tuple[int, int, int, int] | None:
    """(start, end, kind start, kind end) of "[kind words] player-noun [of kind]" right after the
    rank ("largest online retailer", "first among major appliance brands", "number one seller of
    new energy vehicles"); the kind is the words before the noun, or after its "of"."""
    text = ctx.doc.text
    nouns = {n.lower() for n in _words(pat, "player_nouns", "en")}
    lead = re.compile(r"\s+(?:among|of)\s+(?:the\s+)?", re.IGNORECASE).match(text, e, ctx.sent.end)
    pos = lead.end() - 1 if lead else e
    words = []
    while len(words) < 8:
        w = _EN_WORD.match(text, pos, ctx.sent.end)
        if w is None:
            break
        words.append((w.start(1), w.end(1), w.group(1).lower()))
        pos = w.end(1)
    head = None
    for i, (_, _, w) in enumerate(words[:4]):
        if w in _EN_PHRASE_STOP or w in _EN_NOT_KIND:
            break
        two = f"{w} {words[i + 1][2]}" if i + 1 < len(words) else ""
        if two in nouns:
            head = (i, i + 2)
            break
        if w in nouns and w != "market" and not (i + 1 < len(words) and words[i + 1][2] in nouns):
            head = (i, i + 1)
            break
    if head is None:
        return None
    start, end = words[0][0], words[head[1] - 1][1]
    kind_start, kind_end = start, words[head[0]][0]
    if head[0] == 0:
        kind_start = kind_end = start
    rest = words[head[1]:]
    if rest and rest[0][2] == "of" and text[end:rest[0][0]].strip() == "":
        of = []
        for w in rest[1:6]:
            if w[2] in _EN_PHRASE_STOP - {"and", "or"} or w[2] in ("the", "a", "an", "its", "their", "our"):
                break
            of.append(w)
        while of and of[-1][2] in ("and", "or"):
            of.pop()
        if of and all(re.fullmatch(r"\s+", text[a[1]:b[0]]) for a, b in zip(of, of[1:])):
            end, kind_start, kind_end = of[-1][1], of[0][0], of[-1][1]
    else:
        kind_end = kind_end if kind_end == kind_start else words[head[0] - 1][1]
    if not all(re.fullmatch(r"\s+", text[a[1]:b[0]]) for a, b in zip(words, words[1:]) if b[1] <= end):
        return None  # a phrase runs without punctuation
    return start, end, kind_start, kind_end


def _zh_player_phrase(ctx: Context, pat: dict, s: int, e: int) -> tuple[int, int, int, int] | None:
    """(start, end, kind start, kind end) of a Chinese player phrase: after a superlative (最大的电子制造服务企业,
    第二大存储芯片制造商) or before an ordinal (中国造车新势力品牌第四, 手机品牌厂商中排名第一)."""
    text = ctx.doc.text
    nouns, alt = _players(pat, "zh")
    if not nouns:
        return None
    mentions = [m for m in ctx.mentions if m.kind in ENTITY_KINDS + ("period", "quantity", "rank")
                and not (m.cls and vocab().is_a(m.cls, list(_CATEGORY_CLASSES)))]
    around = [b for a, b in _superlative_spans(ctx, pat) if a <= s and e <= b]
    # 排名第一的智能手机品牌, 第一名的CRM提供者: an ordinal before 的 and a player phrase ranks that phrase
    of = re.compile(r"名?位?的").match(text, e, ctx.sent.end) if not around else None
    if around or of:
        e = max(around) if around else e  # 第一大PC厂商: the phrase follows the whole superlative, not its ordinal
        m = re.compile(r"的?(" + _ZH_KIND + r"{0,12}?)(" + alt + r")(?!" + _ZH_KIND + r"{0,2}(?:" + alt + r"))").match(
            text, e, min(ctx.sent.end, e + 20))
        if m is None or "的" in m.group(1) or any(m.start(1) < x.end and x.start < m.end(2) for x in mentions):
            return None
        return m.start(1), m.end(2), m.start(1), m.end(1)
    cs, _ = ctx.clauses[ctx.clause_of(s)]
    lo = max([cs] + [x.end for x in mentions if cs <= x.end <= s])
    gap = "|".join(re.escape(w) for w in sorted(_words(pat, "kind_gap", "zh"), key=len, reverse=True)) or "(?!)"
    window = text[lo:s]
    cut = re.search(r"(?:" + gap + r")*$", window)
    window = window[:cut.start()] if cut else window
    window = re.split(r"[在于的、和与及，,是为]|" + gap, window)[-1]
    m = re.search(r"(" + _ZH_KIND + r"{0,10}?)(" + alt + r")$", window)
    if m is None:
        return None
    base = lo + (len(text[lo:s][:cut.start()] if cut else text[lo:s]) - len(window))
    return base + m.start(1), base + m.end(2), base + m.start(1), base + m.end(1)


def _positions(ctx: Context, pat: dict) -> list[Fact]:
    lists = ctx.entities(["RankingList"])
    facts = []
    ranks = _ranks(ctx, pat)
    pairs = _respectively(ctx, pat, ranks)
    pair_shares = _respective_shares(ctx, pairs)
    for s, e, rank, bound in ranks:
        if rank < 1:
            continue
        own_lists = [m for m in lists if abs(m.start - s) < 80 and not _list_of_another(ctx, m, s, e, ranks)]
        if not own_lists:
            new_list = _unknown_list(ctx, pat, s)
            own_lists = [new_list] if new_list is not None else []
        carried = ""
        if not own_lists and rank > int(pat.get("max_rank", 20)):
            if len(ctx.recent_lists) != 1 or ctx.entities(["Place"]):
                continue
            carried = ctx.recent_lists[0]  # "… the Fortune Global 500. It was ranked 360th in 2023"
        if not _is_rank(ctx, pat, s, e, bound, own_lists) and not carried:
            continue
        if _planned(ctx, s, pat):
            continue
        subj_m, subj, conf = pairs.get((s, e)) or _named_after(ctx, pat, s, e) or _market_subject(ctx, pat, s, e) \
            or _subject(ctx, pat, s, e, _ranks_a_maker(ctx, pat, s, e))
        # the names the rank is not of (仅次于微软和苹果) stand between it and its subject as no rivals
        not_rivals = {(m.start, m.end) for m in _not_ranked(ctx, pat, [m for m in ctx.entities(
            pat.get("subject") or ["Organisation"], NOT_SUBJECT) if m.end <= s])}
        if not subj:
            continue
        if subj_m is not None and subj_m.cls and vocab().is_a(subj_m.cls, ["Person"]) and not (own_lists or carried):
            continue  # a person holds a place on a list (a rich list), not in a market
        if _own_market(ctx, pat, s, e, subj_m):
            continue
        if _ranks_a_product(ctx, pat, s, e) and not (subj_m is not None and subj_m.cls and vocab().is_a(
                subj_m.cls, ["Product", "ProductSeries"])):
            continue  # "the best-selling SUV" ranks a product; a company that sells it is not that SUV
        period = _period(ctx, s)
        if (own_lists or carried) and period is not None and period.year:
            period = PeriodRef(period.year)  # a list is of a year: 2023年8月发布的世界500强 is the 2023 list
        # 全球市值第二, "the world's most valuable company": a rank by value counts no kind of product
        vs, ve = cs, ce = ctx.clauses[ctx.clause_of(s)]
        by_value = has_word(ctx.doc.text[cs:ce], (pat.get("value_words") or {}).get(ctx.lang.code), ctx.lang.code)
        if not by_value:  # 按市值计算，比亚迪是全球第三大车企, "By market value, it is …": a measure told in a clause of its own
            vs, ve = _measure_clause(ctx, cs)
            by_value = vs < ve and has_word(ctx.doc.text[vs:ve], (pat.get("value_words") or {}).get(ctx.lang.code), ctx.lang.code)
        own_kind = None if own_lists or carried or by_value else _player_kind(ctx, pat, s, e)
        category = _by_value(ctx, pat, vs, ve) if by_value and not (own_lists or carried) else "" if own_lists or carried else (
            own_kind if own_kind is not None else _product_kind(ctx, pat, e) if _ranks_a_product(ctx, pat, s, e)
            else _category(ctx, s, subj_m, pat))
        confidence = float(pat.get("confidence", 0.85)) * conf * (0.95 if carried else 1.0)
        ctx.consumed.add((s, e))
        for scope, place in ([(carried, None)] if carried else _scopes(ctx, pat, s, e, own_lists)):
            ev = evidence(ctx, [span(subj_m), (s, e), span(place)], pat["id"], confidence, not_rivals)
            facts.append(Fact("position", subj, "MarketPosition", "", attrs(
                rank=rank, bound=bound, scope=scope, period=period, category=category,
                reported_by=reported_by(ctx)), (ev,)))
            share = pair_shares.get((s, e)) or (_share_with(ctx, e) if not (own_lists or carried or by_value) else None)
            if share is not None:  # "Xiaomi was third with 14.8 percent": the share that earned the place
                ctx.consumed.add((share.start, share.end))
                ev = evidence(ctx, [span(subj_m), (s, e), (share.start, share.end)], "market-share", confidence * 0.95)
                facts.append(Fact("quantity", subj, "MarketShare", "", attrs(
                    value=share.quantity.value, unit="Percent", bound=share.quantity.bound, scope=scope, period=period,
                    category=category, reported_by=reported_by(ctx)), (ev,)))
            # "second to Tesla", 仅次于华为: the other one is first
            if rank == 2:
                after = _second_to(ctx, pat, e, s)
                if after is not None:
                    ev = evidence(ctx, [(s, e), span(after)], pat["id"], confidence)  # "second to X" says X is first
                    facts.append(Fact("position", after.entity_id, "MarketPosition", "", attrs(
                        rank=1, bound="Exact", scope=scope, period=period, category=category,
                        reported_by=reported_by(ctx)), (ev,)))
    return facts



_MEASURE_CLAUSE = {"zh": re.compile(r"\s*(?:按|按照|以)[^，,；;。]{1,12}?(?:计算|计|来看|看|排名|排序)?\s*[，,]\s*"),
                   "en": re.compile(r"\s*(?:by|in terms of|measured by|ranked by)\s+[^,;.]{1,30}?,\s*", re.IGNORECASE)}


def _measure_clause(ctx: Context, cs: int) -> tuple[int, int]:
    """The clause right before a rank's own that only says what it is measured by (按市值计算，…; "By revenue, …"):
    its span, or an empty one."""
    i = ctx.clause_of(cs)
    if i == 0 or ctx.clauses[i - 1][0] < ctx.sent.start:
        return cs, cs
    ps, pe = ctx.clauses[i - 1]
    regex = _MEASURE_CLAUSE.get(ctx.lang.code)
    m = regex.fullmatch(ctx.doc.text, ps, min(cs, ctx.sent.end)) if regex else None
    return (ps, pe) if m else (cs, cs)


def _by_value(ctx: Context, pat: dict, cs: int, ce: int) -> str:
    """The category of a rank by market value (全球市值第二, "the world's most valuable company"): the measure itself,
    named by the value word of the clause and known by the names of market value in both languages."""
    lang = ctx.lang.code
    words = (pat.get("value_words") or {}).get(lang)
    found = words_re(words, lang).search(ctx.doc.text, cs, ce) if words else None
    if found is None:
        return ""
    known = ctx.mention_at(found.start(), found.end(), ["ProductCategory"])
    if known is not None:
        return known.entity_id  # 分别退居全球市值第二和第三位: named once for both
    mention = ctx.add_name(found.start(), found.end(), "ProductCategory")
    if mention is None:
        return ""
    value_names = pat.get("value_names") or {}
    own = value_names.get(lang) or [mention.text]
    ctx.name_also(mention.entity_id, own[1:], label=own[0])  # written as the measure's name, not "most valuable"
    for code, names in value_names.items():
        if code != lang:
            ctx.name_also(mention.entity_id, names, lang=code)
    return mention.entity_id


def _unknown_list(ctx: Context, pat: dict, s: int) -> Mention | None:
    """A published list the lexicon lacks, named in the rank's clause before it with a word that ends a list's
    name (胡润中国民营企业榜, “全球安防50强”榜单, "the Forbes Global 2000 list"): a new ranking list, minus
    its year and quotation marks."""
    lang = ctx.lang.code
    ends = _words(pat, "list_ends", lang)
    if not ends:
        return None
    cs, ce = ctx.clauses[ctx.clause_of(s)]
    text = ctx.doc.text
    alt = "|".join(map(re.escape, sorted(ends, key=len, reverse=True)))
    if lang == "zh":
        regex = re.compile(r"([\u4e00-\u9fffA-Za-z0-9&]{2,24}?(?:\d+强|百强|" + alt + r"))[”\x22》]?(?:榜单|排行榜|名单)?(?:中|里|上|内|第|排名|位列|位居|排在|$)")
    else:
        regex = re.compile(r"\b(?:on|in|of)\s+(?:the\s+|its\s+)?(?:(?:19|20)\d\d\s+)?((?:[A-Z0-9][\w&'’.-]*\s+){1,6}?)(?:" + alt + r")\b")
    # the list named in the rank's clause, or in the clause before it that opens the sentence (“…50强”榜单中，…位居第一)
    lo = cs if re.search(regex, text[cs:ce]) else ctx.sent.start
    found = min(regex.finditer(text[lo:ce]), key=lambda m: abs(lo + m.start(1) - s), default=None)
    if found is None:
        return None
    start, end = lo + found.start(1), lo + found.end(1)
    if lang == "zh":  # the name starts after the verb or the mark before it, and after its year (位列2024胡润…榜)
        cut = max((text.rfind(w, start, end) + len(w) for w in ("位列", "位居", "入选", "跻身", "登上", "进入", "在", "于", "，", "、", "“", "《")
                   if text.rfind(w, start, end) >= 0), default=start)
        start = cut
        year = re.match(r"(?:19|20)\d\d年?度?", text[start:end])
        start += year.end() if year else 0
    end -= len(text[start:end]) - len(text[start:end].rstrip())
    if end - start < 3:
        return None
    return ctx.add_name(start, end, "RankingList")


_SHARE_WITH = re.compile(r"\s*,?\s*with\s+(?:a|an)\s+|\s*,?\s*with\s+")


def _share_with(ctx: Context, e: int) -> Mention | None:
    """The percentage a rank is held "with" (English), not yet read by another fact."""
    if ctx.lang.code != "en":
        return None
    m = _SHARE_WITH.match(ctx.doc.text, e, ctx.sent.end)
    if m is None:
        return None
    for q in ctx.mentions:
        if q.kind == "quantity" and q.start == m.end() and q.quantity is not None and q.quantity.unit == "Percent":
            rest = ctx.doc.text[q.end:q.end + 30]
            if (q.start, q.end) in ctx.consumed or re.match(r"\s*(?:of\s+(?:its|their)\s+)?(?:revenue|sales|growth|increase|rise|decline|drop)", rest):
                return None
            return q
    return None


def _respectively(ctx: Context, pat: dict, ranks: list) -> dict:
    """"Microsoft and Apple fell to second and third respectively", 微软和苹果分别退居第二和第三:
    the n-th name goes with the n-th rank (the ranks right after the word, else right before it; not
    a rank told earlier in the sentence: 亚马逊…排名第一，微软Azure和谷歌云分别以…位居第二、第三)."""
    words = _words(pat, "respectively", ctx.lang.code)
    if not words or len(ranks) < 2:
        return {}
    text = ctx.doc.text
    for w in words_re(words, ctx.lang.code).finditer(text, ctx.sent.start, ctx.sent.end):
        group = _rank_run([r for r in ranks if r[0] >= w.end()], w.end(), after=True) or \
            _rank_run([r for r in ranks if r[1] <= w.start()], w.start(), after=False)
        if len(group) < 2:
            continue
        classes = pat.get("subject") or ["Organisation"]
        names = [m for m in ctx.entities(classes, NOT_SUBJECT) if m.end <= min(group[0][0], w.start())]
        run = names[-1:]
        for m in reversed(names[:-1]):
            if re.fullmatch(r"\s*(?:和|及|与|、|,|and|, and)\s*", text[m.end:run[0].start]):
                run.insert(0, m)
            else:
                break
        if len(run) == len(group):
            return {(s, e): (m, m.entity_id, 0.95) for (s, e, _, _), m in zip(group, run)}
    return {}


def _rank_run(ranks: list, at: int, after: bool) -> list:
    """The ranks written one after another (和/、/and/commas between) nearest to ``at``."""
    if not ranks:
        return []
    ranks = sorted(ranks)
    if after:
        if ranks[0][0] - at > 40:
            return []
        run = [ranks[0]]
        for r in ranks[1:]:
            if r[0] - run[-1][1] > 6:
                break
            run.append(r)
        return run
    if at - ranks[-1][1] > 40:
        return []
    run = [ranks[-1]]
    for r in reversed(ranks[:-1]):
        if run[0][0] - r[1] > 6:
            break
        run.insert(0, r)
    return run


def _respective_shares(ctx: Context, pairs: dict) -> dict:
    """分别以20%和13%位居第二、第三, "with 20% and 13% respectively ranked second and third": the n-th
    percentage between the names and their ranks is the n-th name's share."""
    if not pairs:
        return {}
    spans = sorted(pairs)
    names_end = max(m.end for m, _, _ in pairs.values() if m is not None)
    shares = [q for q in ctx.mentions if q.kind == "quantity" and q.quantity is not None and q.quantity.unit == "Percent"
              and names_end <= q.start and q.end <= spans[0][0] and (q.start, q.end) not in ctx.consumed]
    if len(shares) != len(spans):
        return {}
    return dict(zip(spans, shares))


def _second_to(ctx: Context, pat: dict, e: int, s: int) -> Mention | None:
    words = _words(pat, "second_to", ctx.lang.code)
    if not words:
        return None
    text = ctx.doc.text
    regex = words_re(words, ctx.lang.code)
    window_lo, window_hi = max(ctx.sent.start, s - 20), min(ctx.sent.end, e + 30)
    m = regex.search(text, window_lo, window_hi)
    if not m:
        return None
    classes = pat.get("subject") or ["Organisation"]
    after = [x for x in ctx.entities(classes, NOT_SUBJECT) if m.end() <= x.start <= m.end() + 6]
    return after[0] if after else None


def _planned(ctx: Context, s: int, pat: dict | None = None) -> bool:
    """A rank planned or aimed at: "将", "will", or a goal's words before it in its clause (我们的目标是…保持
    全球前二, "our goal is to be number one")."""
    from .relations import _future

    goals = _words(pat or {}, "goal_words", ctx.lang.code)
    cs, _ = ctx.clauses[ctx.clause_of(s)]
    if goals and has_word(ctx.doc.text[cs:s], goals, ctx.lang.code):
        return True  # in its own clause: 完成了销量目标，连续第二年蝉联…冠军 is a place held
    if ctx.lang.code == "zh" and _ba_before(ctx, cs, s):
        return False  # IDC将小米评为第一名: 将 before a name puts it in front of its verb, it is no "will"
    return _future(ctx, s)


def _ba_before(ctx: Context, cs: int, s: int) -> bool:
    """将 right before a name in the rank's clause (IDC将小米评为第一, 将公司列为…): the name is the verb's object, the
    clause tells what was done, not what will be."""
    text = ctx.doc.text
    names = ctx.entities(ENTITY_CLASSES_RANKED)
    return any(text[m.start - 1:m.start] == "将" and cs < m.start and m.end <= s for m in names)
