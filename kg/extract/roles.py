"""Roles: a title written next to a person's name gives the person's position in an
organisation.

The shapes, in both languages (titles, joiners and copulas come from ``roles:`` in
``data/patterns.yaml``):

* organisation, titles, person: 小米集团创始人、董事长兼CEO雷军; "Nvidia founder Jensen Huang";
* titles, person (the organisation named nearby or the document's topic): "chief financial
  officer Luca Maestri", 我们的首席财务官周受资;
* person, titles (of organisation): "Tim Cook, Apple's chief executive", "Lei Jun, chairman of
  Xiaomi", 林斌现在是集团副董事长, 王翔去年11月出任集团总裁, "Lei Jun is chairman and chief
  executive officer";

A title qualified by a unit (中国区总裁, "senior vice president of software engineering") is a
position below the top: ``executiveOf`` with the title as written.
"""
from __future__ import annotations

import functools
import re

from ..iris import vocab
from ..lang.spans import alternation
from ..types import Fact, Mention, PeriodRef
from .context import ENTITY_KINDS, Context, attrs, evidence, span
from .patterns import words_re

ORG = ["Organisation"]
PERSON = ["Person"]


def extract(ctx: Context) -> list[Fact]:
    spec = ctx.patterns.roles
    if not spec:
        return []
    lang = ctx.lang.code
    table = title_table(ctx.patterns, lang)
    if not table:
        return []
    regex = title_re(ctx.patterns, lang)
    text, base = ctx.sent.text, ctx.sent.start
    verb_facts = _verb_roles(ctx, spec)
    found = list(regex.finditer(text))
    if not found:  # most sentences name no title
        return verb_facts
    boards = set(_words(spec, "boards", "ids"))  # 董事局主席, 董事会主席: the board's name is part of the title
    names = [(m.start, m.end) for m in ctx.mentions if m.kind in ENTITY_KINDS and m.entity_id not in boards
             and m.entity_id != "world"]  # "global brand ambassador": the word is the title's
    hits = []
    for m in found:
        s, e = base + m.start(), base + m.end()
        if any(s < b and e > a for a, b in names):
            continue  # a title inside a name ("CEO Summit")
        if lang == "en" and _glued(text, m.start(), m.end()):
            continue
        if hits and re.fullmatch(r"\s*[（(]\s*", ctx.doc.text[hits[-1][1]:s]) and re.match(r"\s*[）)]", ctx.doc.text[e:e + 2]):
            continue  # 胡某担任总经理（总裁）, "general manager (president)": the same post named again in brackets
        hits.append((s, e, title_property(ctx.patterns, lang, m.group())))
    facts: list[Fact] = list(verb_facts)
    for group in _groups(ctx, hits, spec):
        facts.extend(_group_facts(ctx, group, spec))
    return facts


def _glued(text: str, s: int, e: int) -> bool:
    """An English title word inside a compound: "CEO-level", "presidential"."""
    return (e < len(text) and (text[e].isalnum() or text[e] == "-")) or (s > 0 and (text[s - 1].isalnum() or text[s - 1] == "-"))


def title_table(patterns, lang: str) -> dict[str, str]:
    """Each title word (lower case) of ``roles.titles`` and its property."""
    key = ("roles", lang)
    cached = patterns._trigger_res.get(key)
    if cached is None:
        cached = {}
        for entry in patterns.roles.get("titles", []):
            for word in entry.get(lang, []):
                cached[word.lower()] = entry["property"]
        patterns._trigger_res[key] = cached
    return cached


def title_patterns(patterns, lang: str) -> list[tuple[re.Pattern, str]]:
    """The title shapes of ``roles.titles`` (``patterns``: 首席产品官, "chief customer experience
    officer") and their property, for titles no word list can hold."""
    key = ("roles_shapes", lang)
    cached = patterns._trigger_res.get(key)
    if cached is None:
        cached = [(re.compile(entry["patterns"][lang], re.IGNORECASE), entry["property"])
                  for entry in patterns.roles.get("titles", []) if (entry.get("patterns") or {}).get(lang)]
        patterns._trigger_res[key] = cached
    return cached


def title_property(patterns, lang: str, word: str) -> str:
    """The property of a title the title regex found: its word's, else the first shape it has."""
    prop = title_table(patterns, lang).get(word.lower())
    if prop is not None:
        return prop
    return next(p for shape, p in title_patterns(patterns, lang) if shape.fullmatch(word))


def title_re(patterns, lang: str):
    """One regex over the title words of ``roles.titles`` and then their shapes (made once, not
    per sentence): a listed word wins over a shape that also reads it (首席执行官)."""
    key = ("roles_re", lang)
    cached = patterns._trigger_res.get(key)
    if cached is None:
        words = words_re(list(title_table(patterns, lang)), lang)
        shapes = [shape.pattern for shape, _ in title_patterns(patterns, lang)]
        if words is not None and shapes:
            alts = "|".join([f"(?:{words.pattern})"] + [f"(?:{s})" for s in shapes])
            guard = (r"(?<![\w-])(?:", r")(?![\w-])") if lang == "en" else ("(?:", ")")
            words = re.compile(guard[0] + alts + guard[1], re.IGNORECASE)
        cached = patterns._trigger_res[key] = words
    return cached


def _reversed(patterns) -> frozenset:
    """Properties of titles that point from the organisation to the person (``reverse: true``)."""
    return frozenset(e["property"] for e in patterns.roles.get("titles", []) if e.get("reverse"))


def _words(spec: dict, name: str, lang: str) -> list[str]:
    return list((spec.get(name) or {}).get(lang, []))


def _groups(ctx: Context, hits, spec) -> list[list[tuple[int, int, str]]]:
    """Titles joined by 兼, 、, "and", ","... describe one person: 董事长兼CEO, "chairman and chief executive"."""
    joiners = sorted(_words(spec, "joiners", ctx.lang.code), key=len, reverse=True)
    text = ctx.doc.text
    groups: list[list] = []
    for hit in sorted(hits):
        if groups:
            gap = text[groups[-1][-1][1]:hit[0]].strip().lower()
            gap = re.sub(r"\s+(?:group|global|corporate)$", "", gap)  # "President and Group CEO"
            if not gap or gap in joiners:
                groups[-1].append(hit)
                continue
        groups.append([hit])
    return groups


# what may stand between a role verb and the organisation: "chairs the board of Uber", "has chaired its board"
_EN_VERB_OBJECT = re.compile(r"\s+(?:(?:the\s+)?board\s+of\s+(?:directors\s+of\s+)?(?:the\s+)?)?")
_EN_NAME_ON = re.compile(r"(?:\s+[A-Z][\w&-]*){1,2}(?=\s*(?:[,.;]|$))")
_EN_ITS_BOARD = re.compile(r"\s+(?:its|the\s+company['’]s|the)\s+board\b")


def _verb_roles(ctx: Context, spec: dict) -> list[Fact]:
    """A verb that is a title's (``verbs`` of a title): "Du Juan chairs TCL Electronics", "Ronald
    Sugar chairs the board" (the text's company), "Chuck Robbins has also chaired Cisco's board since
    2017", "Haier Group … is chaired by Zhou Yunjie" (the passive: the person after "by", the
    organisation the clause is about)."""
    lang = ctx.lang.code
    text = ctx.doc.text
    facts: list[Fact] = []
    for title in ctx.patterns.roles.get("titles") or []:
        verbs = (title.get("verbs") or {}).get(lang)
        if not verbs:
            continue
        for m in words_re(verbs, lang).finditer(ctx.sent.text):
            vs, ve = ctx.sent.start + m.start(), ctx.sent.start + m.end()
            by = re.match(r"\s+by\b", text[ve:ve + 4])
            coordinated = False
            if by:  # passive: "is chaired by X"
                if not re.search(r"\b(?:is|was|are|were|been|being)\s+(?:\w+ly\s+)?$", text[max(ctx.sent.start, vs - 16):vs]):
                    continue
                person = _person_after(ctx, ve + by.end())
                orgs = [o for o in ctx.entities(ORG, ["StockExchange", "RankingList"]) if ctx.sent.start <= o.start and o.end <= vs]
                org = orgs[0].entity_id if orgs else (ctx.doc.organisation if re.match(r"\s*(?:it|the company|we)\b", ctx.sent.text, re.I) else "")
            else:
                person = _person_before(ctx, vs, spec)
                if person is None and re.search(r"\band\s+(?:has\s+|had\s+)?(?:also\s+)?$", text[max(ctx.sent.start, vs - 20):vs]):
                    # "Chuck Robbins has run Cisco since 2015, …, and has also chaired its board": the sentence's subject
                    first = [p for p in _person_mentions(ctx) if p.start == ctx.sent.start]
                    person = first[0] if first else None
                    coordinated = True
                after = _EN_VERB_OBJECT.match(text, ve) if lang == "en" else re.compile(r"\s*").match(text, ve)
                orgs = [o for o in ctx.entities(ORG, ["StockExchange", "RankingList"]) if after and o.start == after.end()
                        and not _UNIT_AFTER.match(text, o.end, ctx.sent.end)  # "heads Qualcomm's chip unit", 执掌高通的芯片业务
                        and not (o.kind == "pronoun" and _POSSESSIVE.fullmatch(o.text) and re.match(r"\s+[A-Za-z]", text[o.end:o.end + 2]))]
                # (not "now runs our global sales organisation": the company's unit, not the company)
                boards = set(_words(spec, "boards", "ids"))
                if orgs and orgs[0].entity_id not in boards:
                    org = orgs[0].entity_id
                    longer = _EN_NAME_ON.match(text, orgs[0].end, ctx.sent.end)
                    if longer and not any(m.start < longer.end() and m.end > orgs[0].end for m in ctx.mentions):
                        added = ctx.add_name(orgs[0].start, longer.end(), "Company")  # "chairs TCL Electronics": a unit's own name
                        org = added.entity_id if added is not None else org
                elif _EN_ITS_BOARD.match(text, ve) and not re.match(r"\s+of\b", text[_EN_ITS_BOARD.match(text, ve).end():]):
                    # "has run Cisco … and has also chaired its board": the company named before, else the text's
                    named = [o for o in ctx.entities(ORG, ["StockExchange", "RankingList", "InternalBody"])
                             if ctx.sent.start <= o.start and o.end <= vs]
                    org = named[-1].entity_id if named else ctx.doc.organisation or (ctx.recent_orgs[-1] if ctx.recent_orgs else "")
                else:
                    continue
            if person is None or not org or person.entity_id == org:
                continue
            if _future(ctx, vs):
                continue
            ev = evidence(ctx, [(vs, ve)] if coordinated else [span(person), (vs, ve)], "role-verb", float(spec.get("confidence", 0.9)) * 0.95)
            facts.append(Fact("relation", person.entity_id, title["property"], org, attrs(period=_verb_period(ctx, vs, ve, spec)), (ev,)))
    return facts


# what after the organisation of a role verb makes it the owner of what is run ("heads Qualcomm's chip unit", 执掌高通的芯片业务)
_POSSESSIVE = re.compile(r"(?:our|its|their|his|her)", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"\s*(?:['’]s\b|的)")


def _verb_period(ctx: Context, vs: int, ve: int, spec: dict) -> PeriodRef | None:
    """When the person took the post a role verb tells: a "since" time in the verb's clause ("has run
    Qualcomm since 2021", 自2019年起执掌高通), or the time of a verb of taking it ("took the helm at
    Qualcomm in 2021", 2021年接掌高通)."""
    clause = ctx.clause_of(vs)
    lo, hi = ctx.clauses[clause]
    lo = min(lo, max(ctx.sent.start, vs - 30))  # 魏思远自2019年起，执掌高通
    since = [m for m in ctx.periods() if lo <= m.start < hi and m.period.qualifier == "since"]
    if since:
        return since[0].period
    start_words = _words(spec, "start_words", ctx.lang.code)
    verb = ctx.doc.text[vs:ve]
    if start_words and words_re(start_words, ctx.lang.code).search(verb):
        plain = [m for m in ctx.periods() if lo <= m.start < hi and m.period.qualifier in ("", "early", "late", "mid")]
        if plain:
            return plain[0].period
    return None


def _future(ctx: Context, pos: int) -> bool:
    from .relations import _future as future

    return future(ctx, pos)


def _person_mentions(ctx: Context) -> list[Mention]:
    return ctx.entities(PERSON)


# a name rendered word by word and then in brackets as it is written: "Xu Child Sun (Xu Ziyang)"
_GLOSSED_NAME = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,3}?[A-Z][\w'’-]*\s*\(([A-Z][a-z]+(?:[\s-][A-Z][a-z]+){1,2})\)")


_ABBREVIATION = re.compile(r"[(（]\s*[A-Z][A-Za-z&]{1,5}\s*[)）]\s*")


def _person_after(ctx: Context, pos: int) -> Mention | None:
    """The person named right after a title (董事长王传福, "CEO Tim Cook", 首席财务官为郑孝明)."""
    text = ctx.doc.text
    p = pos
    while p < ctx.sent.end and text[p] in " \u3000":
        p += 1
    short = _ABBREVIATION.match(text, p, ctx.sent.end)
    if short:  # "Chief Executive Officer (CEO) Dorian Welk", 首席执行官（CEO）魏思远: the title's short form
        p = short.end()
    linkers = _words(ctx.patterns.roles, "name_linkers", ctx.lang.code)
    comma = False
    for w in sorted(linkers, key=len, reverse=True):
        if text.startswith(w, p) and not text.startswith(w, p + len(w)):
            nxt = p + len(w)
            while nxt < ctx.sent.end and text[nxt] == " ":
                nxt += 1
            if nxt < ctx.sent.end and (text[nxt].isupper() or "\u4e00" <= text[nxt] <= "\u9fff"):
                p, comma = nxt, w.strip() in (",", "，")
            break
    # "Our chairman, Kazuhiro Tsuga, and the board": a name set off by commas; not "officer, John Lo is"
    closed = lambda end: not comma or re.match(r"\s*[,.;)，。；）]", text[end:end + 3]) is not None  # noqa: E731
    glossed = _GLOSSED_NAME.match(text, p, ctx.sent.end) if ctx.lang.code == "en" else None
    if glossed:  # "Board chairman Li Self Study (Li Zixue)": a machine translation, the name in brackets
        known = [m for m in _person_mentions(ctx) if (m.start, m.end) == glossed.span(1)]
        found = known[0] if known else ctx.add_name(glossed.start(1), glossed.end(1), "Person")
        if found is not None:
            return found
    for m in _person_mentions(ctx):
        if m.start == p:
            return m if closed(m.end) else None
    other = [m for m in ctx.mentions if m.kind in ENTITY_KINDS and m.start == p]
    if other and other[0].text in ctx.lang.words.get("surnames_japanese", ()):
        end = ctx.lang.person_after(text[:ctx.sent.end], p, ctx.lang.words)
        if end is not None and end > other[0].end:  # 创始人松下幸之助: a company named after its founder's family
            return ctx.add_name(p, end, "Person")
    if other:
        return None  # another kind of name follows: "CEO Summit", 董事长办公室
    end = ctx.lang.person_after(text[:ctx.sent.end], p, ctx.lang.words)
    if end is None or end <= p or not closed(end):
        return None
    inner = [m for m in _person_mentions(ctx) if p < m.start and m.end == end]
    if inner:  # RJ·斯卡林格: the surname the text calls the person by, inside the name as written here
        return inner[0]
    while text[p:end].count(" ") and ctx.lang.person_after(text[:end], p, ctx.lang.words) == end \
            and ctx.lang.person_before(text[:end], end, ctx.lang.words) not in (None, p):
        p = ctx.lang.person_before(text[:end], end, ctx.lang.words)  # not the honorific: "Professor Ralf P. Thomas"
    found = ctx.add_name(p, end, "Person")
    if found is not None and ctx.lang.code == "en":
        _nickname_forms(ctx, found)
    return found


def _nickname_forms(ctx: Context, person: Mention) -> None:
    """Robert "RJ" Scaringe is also Robert Scaringe and RJ Scaringe: the name as written holds a nickname."""
    from ..lang.en import NICKNAME

    nick = NICKNAME.search(person.text)
    if nick is None or person.entity_id not in ctx.new_names:
        return
    plain = (person.text[:nick.start()] + person.text[nick.end():]).strip()
    called = nick.group().strip().strip('"“”()')
    ctx.name_also(person.entity_id, [plain, f"{called} {plain.split()[-1]}"])


_FILLER_CACHE: dict = {}


def _fillers(spec: dict, lang: str) -> re.Pattern:
    key = (id(spec), lang)
    if key not in _FILLER_CACHE:
        _FILLER_CACHE[key] = (spec, _compile_fillers(spec, lang))
    return _FILLER_CACHE[key][1]


def _compile_fillers(spec: dict, lang: str) -> re.Pattern:
    words = _words(spec, "fillers", lang) + _words(spec, "copulas", lang) + _words(spec, "former", lang) + _words(spec, "acting", lang)
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # an opening bracket after the name: "Dorian Welk (CEO, Qualcomm):", 魏思远（高通首席执行官）：, an interview's labels
    if lang == "en":
        return re.compile(rf"(?:\s|[,'’(]|\b(?:{alts})\b)*", re.IGNORECASE) if alts else re.compile(r"[\s,(]*")
    return re.compile(rf"(?:\s|[，,、（(]|{alts})*") if alts else re.compile(r"[\s，,（(]*")


@functools.lru_cache(maxsize=32)
def _alternation(words: tuple) -> re.Pattern:
    return re.compile(alternation(words))


def _clause_subject(ctx: Context, gs: int, spec: dict) -> Mention | None:
    """"我本人…，并被选任中国质量协会副会长": a copula right before the titles (and their
    organisation) with no name next to it; the person is the first one the sentence names."""
    copulas = _words(spec, "copulas", ctx.lang.code)
    if not copulas:
        return None
    text = ctx.doc.text
    start = gs
    orgs = [m for m in ctx.entities(ORG) if m.end <= gs and m.end >= gs - 12]
    if orgs and not text[orgs[-1].end:gs].strip(" 的'’s）)"):
        start = orgs[-1].start
        outer = [m for m in ctx.entities(ORG) if m.end == start - 1 and text[start - 1:start] in "（("]
        if outer:  # 三星（Samsung）的首席执行官: the name and its gloss
            start = outer[-1].start
    head = text[ctx.sent.start:start].rstrip()
    if ctx.lang.code == "en":
        found = re.search(r"\b(?:" + "|".join(re.escape(w) for w in copulas) + r")(?:\s+(?:the|its|their|our))?\s*$", head, re.IGNORECASE)
    else:
        found = re.search("(?:" + "|".join(re.escape(w) for w in copulas) + ")$", head)
    if not found:
        return None
    # the last person named before the copula, not one the sentence says was succeeded (接替周厚健)
    cop = ctx.sent.start + found.start()
    people = [m for m in _person_mentions(ctx) if m.end <= cop
              and not _SUCCEEDED_END.search(text[max(ctx.sent.start, m.start - 12):m.start])]
    if not people:
        return _pronoun_subject(ctx, cop, spec)
    lo = people[-1].end
    between = list(text[lo:cop])
    for m in ctx.mentions:  # names the text knows (organisations, times, the successor) are no other subject
        if lo <= m.start and m.end <= cop:
            between[m.start - lo:m.end - lo] = " " * (m.end - m.start)
    between = "".join(between)
    if re.search(r"[:：]", between) or (ctx.lang.code == "en" and re.search(r"\b[A-Z][a-z]+", between)):
        return None  # "Robbins: Scott remains our CFO": a speaker's label, another name
    semi = max(text.rfind("；", people[-1].end, cop), text.rfind(";", people[-1].end, cop))
    pronouns = _words(spec, "person_pronouns", ctx.lang.code)
    if semi >= 0 and not (pronouns and words_re(pronouns, ctx.lang.code).search(text, semi, cop)):
        return None  # …沃德出任首席执行官；同年年底，前戴尔高管阿梅里奥接任首席执行官: another clause, another subject
    # (not "…; before that she had been the group's chief financial officer": "she" carries the subject on)
    return people[-1]


# words before a time opening the sentence before its pronoun: "In 2019, she became …", 2015年，他出任
_OPENING_WORDS = re.compile(r"\s*(?:(?:in|on|since|by|from|later in|early in|late in|在|于)\s*)?", re.IGNORECASE)


def _pronoun_subject(ctx: Context, cop: int, spec: dict) -> Mention | None:
    """"Dorian Welk joined in 1999. He is the founder and chairman of Qualcomm", 魏思远…。他此前是三星的首席执行官:
    a sentence opening with "he" or "she" (after a time, perhaps) and a copula before the titles, no one named
    before it: the one person the previous sentence (or the one before) named. None when it named several."""
    pronouns = _words(spec, "person_pronouns", ctx.lang.code)
    if not pronouns or len(ctx.recent_people) != 1:
        return None
    text = ctx.doc.text
    lang = ctx.lang.code
    pos = _OPENING_WORDS.match(text, ctx.sent.start, cop).end()
    times = [m for m in ctx.periods() if m.start == pos]
    pos = re.compile(r"[\s,，]*").match(text, times[0].end, cop).end() if times else ctx.sent.start
    found = words_re(pronouns, lang).match(text, pos, cop)
    if found is None or (lang == "zh" and text[found.end():found.end() + 1] in ("们", "人")):
        return None  # 他们 (they), 他人 (others)
    if any(m.kind in ENTITY_KINDS and m.cls and vocab().is_a(m.cls, ["Person"]) and found.end() <= m.start < cop
           for m in ctx.mentions):
        return None
    mention = Mention(found.start(), found.end(), text[found.start():found.end()], "entity", ctx.recent_people[0], "Person",
                      from_lexicon=False)
    ctx.mentions.append(mention)
    ctx.mentions.sort(key=lambda m: (m.start, m.end))
    ctx._entity_cache.clear()
    return mention


def _zh_unit(ctx: Context, lo: int, gs: int, spec: dict, legal_form: bool = False) -> str:
    """The unit a Chinese title is qualified by, between a copula and the title: 中国区 in
    卢伟冰担任中国区总裁 (two to ten characters, no punctuation); with ``legal_form``, also words
    that are only the company's legal form (出任集团董事长), which qualify no title."""
    copulas = _words(spec, "copulas", "zh")
    if not copulas:
        return ""
    text = ctx.doc.text
    found = list(_alternation(tuple(copulas)).finditer(text[lo:gs]))
    if not found:
        return ""
    unit = text[lo + found[-1].end():gs].strip(" 的")
    if 2 <= len(unit) <= 10 and not re.search(r"[，,。；;：:、\s]", unit):
        if not legal_form and not _zh_unit_words(unit):
            return ""  # 上任不满一个月的联席首席执行官: 任 of another word, then words that say something
        return unit if legal_form else _no_unit(ctx, unit)
    return ""


def _says_something(words: str, spec: dict) -> bool:
    """Do these Chinese words hold a copula or a word of taking a post (从谷歌加入作为首席运营官): a clause, no business's name?"""
    verbs = tuple(_words(spec, "copulas", "zh") + _words(spec, "start_words", "zh") + _words(spec, "origin_words", "zh"))
    return bool(verbs) and _alternation(verbs).search(words) is not None


def _zh_unit_words(words: str) -> bool:
    """Can these words name a unit or a business (中国区, 品牌及公关处, 蚂蚁国际), not say something (不满一个月)?"""
    from ..segment import posseg

    return all(tag[:1] not in "vdmqurp" for _, tag in posseg(words))


# a company's name right before a title, at the start of its clause or after punctuation: two to six
# characters and 集团/公司 (not 该集团, 子公司, 母公司)
_ZH_COMPANY_BEFORE = re.compile(r"(?:^|(?<=[，,。；;：:、“”\"（(\s]))((?![该本其这那此一])[\u4e00-\u9fff]{2,6}(?<![子母分总])(?:集团|公司))")
def _zh_name_words(words: str) -> bool:
    """Can these words name a company (现代, 三星电子), not say something (还有, 我们, 大)?"""
    from ..segment import posseg

    return all(tag[:1] not in "vdpcurmqa" for _, tag in posseg(words))


_GLOSS = re.compile(r"[（(][A-Z][A-Za-z .'’\-]{1,40}[）)]")


def _only_fillers(ctx: Context, start: int, end: int, spec: dict, allow: tuple = ("period", "entity", "pronoun")) -> bool:
    """Is the text between ``start`` and ``end`` made only of fillers (copulas, commas, the
    organisation's name, a time)? Mentions of the allowed kinds are blanked out first."""
    text = ctx.doc.text
    chars = list(text[start:end])
    for m in ctx.mentions:
        if m.kind in allow and m.start >= start and m.end <= end:
            if m.kind in ENTITY_KINDS and m.cls and vocab().is_a(m.cls, PERSON) \
                    and not (m.start - 1 == start and text[start] in "（(" and text[m.end:m.end + 1] in "）)"):
                return False  # another person stands between (not the name's own gloss: 丹·舒尔曼（Dan Schulman）接任)
            for i in range(m.start - start, m.end - start):
                chars[i] = " "
            if m.kind == "period" and ctx.lang.code == "en":  # "joined Qualcomm in 2015 as …": the time's preposition
                before = re.search(r"\b(?:in|on)\s*$", text[start:m.start])
                if before:
                    chars[before.start():m.start - start] = " " * (m.start - start - before.start())
    gap = re.sub(r"['’]s\b", " ", "".join(chars))
    if ctx.lang.code == "zh":  # 加里·斯蒂尔（Gary Steele）担任思科总裁: the name as written in Latin letters
        gap = _GLOSS.sub(" ", gap)
        gap = re.sub(r"[（(]\s*[）)]", " ", gap)  # 三星（Samsung）的首席执行官: the gloss the lexicon knows as a name too
    filler = _fillers(spec, ctx.lang.code)
    if filler.fullmatch(gap) is not None:
        return True
    if ctx.lang.code == "zh":  # 担任中国区总裁: a unit after the copula
        unit = _zh_unit(ctx, start, end, spec, legal_form=True)
        return bool(unit) and filler.fullmatch(gap[: len(gap) - len(unit)].rstrip(" 的")) is not None
    return False


# 库克接替乔布斯出任首席执行官, "Cook succeeded Jobs as CEO": the one who succeeds holds the title now
_SUCCEED_WORDS = r"(?:接替了?|接任了?|取代了?|继任|succeeded|replaced|replacing|succeeding|took over from)"
# (and "Dorian Welk, who succeeded Anja Vollmer as CEO": the clause on the successor)
_SUCCEEDED = re.compile(rf"^\s*(?:,\s*who\s+(?:had\s+)?)?{_SUCCEED_WORDS}\s*$", re.IGNORECASE)
_SUCCEEDED_END = re.compile(rf"{_SUCCEED_WORDS}\s*$", re.IGNORECASE)
_SUCCEED_RE = re.compile(rf"{_SUCCEED_WORDS}(?:\s+|(?=[^\sA-Za-z]))", re.IGNORECASE)


def _successor(ctx: Context, cands: list[Mention]) -> Mention | None:
    """The last person before a title, unless the one before them succeeded them (then that one, and
    None when the successor is only a pronoun: "He succeeded Jobs as CEO")."""
    last = cands[-1]
    text = ctx.doc.text
    lo = max(ctx.sent.start, last.start - 20)  # ("took over from ")
    m = _SUCCEEDED_END.search(text[lo:last.start])
    if m is None:
        return last
    before = [p for p in cands[:-1] if p.end <= lo + m.start() and _SUCCEEDED.match(text[p.end:last.start]) is not None]
    if not before:  # 王五接替林斌出任CEO, "Anna Berg took over from Tom Reed": a name the lexicon lacks succeeds
        end = len(text[:lo + m.start()].rstrip())
        who = re.search(r",\s*who(?:\s+had)?$", text[max(0, end - 12):end])  # "Dorian Welk, who succeeded Anja Vollmer"
        end = end - len(who.group()) if who else end
        start = ctx.lang.person_before(text[:end], end, ctx.lang.words)
        if start is not None and start >= ctx.sent.start:
            added = ctx.add_name(start, end, "Person")
            return added
    return before[-1] if before else None


def _person_before(ctx: Context, pos: int, spec: dict) -> Mention | None:
    """The person a title describes when the name comes first: "Tim Cook, Apple's CEO",
    林斌现在是集团副董事长, "Lei Jun is chairman"."""
    cands = [m for m in _person_mentions(ctx) if m.end <= pos]
    if cands and _only_fillers(ctx, cands[-1].end, pos, spec):
        if re.match(r"\s*,\s*who\b", ctx.doc.text[cands[-1].end:pos]):
            return cands[-1]  # "succeeding Eric Jing, who remains chairman": the clause is on the one named last
        return _successor(ctx, cands)
    if len(cands) >= 2 and _SUCCEEDED.search(ctx.doc.text, cands[-2].end, cands[-1].start) \
            and _only_fillers(ctx, cands[-1].end, pos, spec, allow=("period", "entity", "pronoun")):
        return _successor(ctx, cands)
    # a name the lexicon does not know, ending where the fillers before the title begin
    text = ctx.doc.text
    lo = max(ctx.sent.start, pos - 50)
    role_words = {w for key in ("former", "then", "fillers", "copulas", "start_words") for w in _words(spec, key, ctx.lang.code)}
    for i in range(pos, lo, -1):
        if not text[i - 1].isalnum() or not _only_fillers(ctx, i, pos, spec):
            continue
        if ctx.lang.code == "en" and text[pos:pos + 1].isupper() and not re.search(r"[,(]|[a-z]", text[i:pos]):
            continue  # "Worldwide Olympic Partner": capitalised words right before a capitalised title are one name, no person's
        start = ctx.lang.person_before(text[:ctx.sent.end], i, ctx.lang.words)
        if start is not None and ctx.lang.code == "zh":
            i = _without_filler_tail(ctx, start, i, spec)  # 魏思远于2021年卸任: the name ends before 于
        # not 曾任 (a surname 曾 and a word of the title's phrase), nor 任命 in 被任命为 (the start of one)
        if start is not None and ctx.lang.code == "zh" and any(
                m.kind == "entity" and m.cls and vocab().is_a(m.cls, ORG) and m.start == start and m.end == i - 1 for m in ctx.mentions):
            continue  # 魏思远是高通现任首席执行官: a company's name and the next character are no person's name (本田宗一郎 is one)
        if start is not None and ctx.lang.code == "zh" and any(
                len(w) >= 2 and text.startswith(w, j) for j in range(max(start, i - 3), i) for w in role_words if j + len(w) > i):
            continue  # 林梅卸任首席执行官: the name does not end inside a word of the role (卸|任)
        if start is not None and start >= ctx.sent.start and text[start:i] not in role_words \
                and not any(len(w) > i - start and text.startswith(w, start) for w in role_words):
            added = ctx.add_name(start, i, "Person")
            if added is None:
                continue  # 魏思远是高通的首席执行官: 高通 is the organisation the lexicon knows, the name is further back
            if _SUCCEEDED_END.search(text, max(ctx.sent.start, start - 20), start) and not re.match(r"\s*,\s*who\b", text[added.end:pos]):
                # "Anna Berg took over from Tom Reed as CEO": the one before the word of succeeding holds it now
                return _successor(ctx, [m for m in _person_mentions(ctx) if m.end <= added.start] + [added])
            return added
    return _short_form_before(ctx, pos, spec) or _appositive_person(ctx, pos, spec) or _appointed(ctx, pos, spec) \
        or _succeeded_before(ctx, pos, spec)


def _succeeded_before(ctx: Context, pos: int, spec: dict) -> Mention | None:
    """韩立新接替魏思远出任首席执行官: two names the lexicon lacks around a word of succeeding, which the
    name model reads as one run; the one succeeded ends where the fillers before the title begin, the
    successor (found by ``_successor``) ends at the word of succeeding."""
    text = ctx.doc.text
    for m in _SUCCEED_RE.finditer(text, max(ctx.sent.start, pos - 40), pos):
        end = ctx.lang.person_after(text[:ctx.sent.end], m.end(), ctx.lang.words)
        if end is None or end - m.end() < 2 or end > pos or not _only_fillers(ctx, end, pos, spec):
            continue
        known = [p for p in _person_mentions(ctx) if (p.start, p.end) == (m.end(), end)]
        pred = known[0] if known else ctx.add_name(m.end(), end, "Person")
        if pred is not None:
            return _successor(ctx, [p for p in _person_mentions(ctx) if p.end <= m.start()] + [pred])
    return None


# an aside on the person between the name and the copula: "Hanneke Faber, a former Unilever executive, became …"
# … or a clause on the person: "Dorian Welk, who had run Expedia for 12 years, was named chief executive"
_EN_APPOSITIVE = re.compile(r"\s*,\s+(?:(?:a|an|the|then|now|formerly|previously)\s+[^,;:()\"“”]{1,60}?|who\s+[^,;:()\"“”]{1,80}?|\d{2})\s*,\s*")
# … or the person's age: 魏思远，54岁，现任公司董事长
_ZH_APPOSITIVE = re.compile(r"[，,]\s*\d{2}\s*岁\s*[，,]\s*")


def _appositive_person(ctx: Context, pos: int, spec: dict) -> Mention | None:
    """"Hanneke Faber, a former Unilever executive, became chief executive in 2023": the person named right
    before an aside set off by commas, the fillers of the title after it."""
    text = ctx.doc.text
    aside = _EN_APPOSITIVE if ctx.lang.code == "en" else _ZH_APPOSITIVE
    for m in aside.finditer(text, max(ctx.sent.start, pos - 90), pos):
        if not _only_fillers(ctx, m.end(), pos, spec):
            continue
        known = [p for p in _person_mentions(ctx) if p.end == m.start()]
        if known:
            return known[-1]
        start = ctx.lang.person_before(text[:m.start()], m.start(), ctx.lang.words)
        if start is not None and start >= ctx.sent.start:
            return ctx.add_name(start, m.start(), "Person")
    return None


_EN_SHORT = re.compile(r"(?<![\w.'’-])(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)\s*$")


def _short_form_before(ctx: Context, pos: int, spec: dict) -> Mention | None:
    """"Huang is chief technology officer", "Mr. Welk, the chief executive", 伍德曼至今担任公司董事长: a
    person the text named in full before, called by a short form (``Context.short_names``), right
    before the fillers of the title."""
    if not ctx.short_names:
        return None
    text = ctx.doc.text
    lo = max(ctx.sent.start, pos - 50)
    for i in range(pos, lo, -1):
        if not text[i - 1].isalnum() or not _only_fillers(ctx, i, pos, spec):
            continue
        if ctx.lang.code == "en":
            m = _EN_SHORT.search(text, ctx.sent.start, i)
            span_ = (m.start(1), m.end(1)) if m else None
        else:
            form = next((text[i - n:i] for n in range(6, 1, -1)
                         if i - n >= ctx.sent.start and text[i - n:i] in ctx.short_names), None)
            span_ = (i - len(form), i) if form else None
        if span_ is None:
            continue
        eid = ctx.short_names.get(text[span_[0]:span_[1]])
        if not eid or any(m.start < span_[1] and m.end > span_[0] for m in ctx.mentions):
            return None
        mention = Mention(span_[0], span_[1], text[span_[0]:span_[1]], "entity", eid, "Person", from_lexicon=False)
        ctx.mentions.append(mention)
        ctx.mentions.sort(key=lambda m: (m.start, m.end))
        ctx._entity_cache.clear()
        return mention
    return None


def _appointed(ctx: Context, pos: int, spec: dict) -> Mention | None:
    """高通任命魏思远为首席执行官, 董事会选举韩立新为董事长: the name right after a verb of appointing
    (``appointers``), then a copula before the title; the name model does not read a name glued to
    the verb before it."""
    appointers = _words(spec, "appointers", ctx.lang.code)
    if ctx.lang.code != "zh" or not appointers:
        return None
    text = ctx.doc.text
    lo = max(ctx.sent.start, pos - 40)
    for m in _alternation(tuple(appointers)).finditer(text, lo, pos):
        start = m.end()
        end = ctx.lang.person_after(text[:ctx.sent.end], start, ctx.lang.words)
        if end is None or end - start < 2 or not _only_fillers(ctx, end, pos, spec):
            continue
        known = [p for p in _person_mentions(ctx) if (p.start, p.end) == (start, end)]
        return known[0] if known else ctx.add_name(start, end, "Person")
    return None


_HIRER_GAP = re.compile(r"\s*(?:['’]s\s+board(?:\s+of\s+directors)?|的?董事会|的?董事局)?\s*(?:has|have|had|已|已经|正式|宣布)?\s*", re.IGNORECASE)


def _appointing_org(ctx: Context, person: Mention, spec: dict) -> Mention | None:
    """The organisation that appoints the person, written right before the verb of appointing in the person's clause
    (三星聘请高通前首席财务官魏思远担任总裁, "Samsung hired former Qualcomm CFO Dorian Welk as its president"): the
    post taken after the name is that organisation's, not the one of the title before the name."""
    appointers = _words(spec, "appointers", ctx.lang.code)
    if not appointers:
        return None
    text = ctx.doc.text
    cs = ctx.clauses[ctx.clause_of(person.start)][0]
    verbs = list(words_re(appointers, ctx.lang.code).finditer(text, cs, person.start))
    if not verbs:
        return None
    v = verbs[-1]
    boards = set(_words(spec, "boards", "ids"))  # (高通董事会任命: the company whose board it is)
    orgs = [m for m in ctx.entities(ORG) if cs <= m.start and m.end <= v.start() and m.kind == "entity" and m.entity_id not in boards]
    if orgs and _HIRER_GAP.fullmatch(text, orgs[-1].end, v.start()):
        return orgs[-1]
    return None


def _board_of(ctx: Context, s: int, e: int, org_m: Mention | None) -> str:
    """The board a Chinese member's title names (董事会成员): written with its company right before (威瑞森的董事会,
    a name of its own), else the board of directors (``boards``)."""
    text = ctx.doc.text
    board = re.match(r"董事[会局]", text[s:e])
    if board is None:
        return ""
    if org_m is not None and org_m.kind == "entity" and org_m.end <= s and re.fullmatch(r"的?", text[org_m.end:s]):
        named = ctx.add_name(org_m.start, s + board.end(), "InternalBody")
        if named is not None:
            return named.entity_id
    ids = _words(ctx.patterns.roles, "boards", "ids")
    return ids[0] if ids else ""


def _owns_other_title(ctx: Context, org: Mention, person: Mention, gs: int) -> bool:
    """由前三星首席执行官丹·舒尔接任首席执行官: the organisation owns another title of the person, written between
    it and the person (the post held before), not the one at ``gs``."""
    if not org.end <= person.start < gs:
        return False
    m = title_re(ctx.patterns, ctx.lang.code).match(ctx.doc.text, org.end + (1 if ctx.doc.text.startswith("的", org.end) else 0))
    return m is not None and re.fullmatch(r"\s*", ctx.doc.text[m.end():person.start]) is not None


def _titled(ctx: Context, org: Mention) -> bool:
    """Is the organisation followed right away by a title of its own (比亚迪美洲区总裁李柯，执行副总裁…: 比亚迪美洲区
    is the first title's, not the next one's)?"""
    m = title_re(ctx.patterns, ctx.lang.code).match(ctx.doc.text, org.end)
    return m is not None and org.kind == "entity" and not org.from_lexicon


def _without_board(ctx: Context, start: int, end: int, unit: str, boards: set) -> str:
    """The unit words without the board named in them (惠普的董事会的主席: the board's chairman
    chairs the company, as 董事会主席 does)."""
    inside = [m for m in ctx.mentions if m.entity_id in boards and start <= m.start and m.end <= end]
    if not inside:
        return unit
    text = ctx.doc.text
    rest = "".join(" " if any(m.start <= i < m.end for m in inside) else text[i] for i in range(start, end))
    if ctx.lang.code == "zh" and _fillers(ctx.patterns.roles, "zh").fullmatch(rest):
        return ""  # 高通董事会任命为首席执行官: the board and a copula, no unit
    return "" if not rest.strip(" 的'’s\u3000") or rest.strip().lower() in ("of the", "of") else unit


def _without_former(unit: str, spec: dict, lang: str) -> str:
    """The unit words without a word of a past post (``former``) they begin with: 高通前首席执行官,
    "Qualcomm's former CEO" is a post in the company, held before, not one in a unit called 前."""
    former = _words(spec, "former", lang) + _words(spec, "acting", lang)
    if not former or not unit:
        return unit
    alts = "|".join(re.escape(w) for w in sorted(former, key=len, reverse=True))
    return re.sub(rf"^(?:(?:{alts})\s*)+" if lang == "zh" else rf"^(?:(?:{alts})(?:\s+|(?<=-)))+", "", unit, flags=re.IGNORECASE)


def _without_filler_tail(ctx: Context, start: int, end: int, spec: dict) -> int:
    """The end of a Chinese name the name model read with a filler glued to it (魏思远于2021年…,
    韩梅也表示): where the name ends without the filler, when the name reads as one there too."""
    text = ctx.doc.text
    for w in sorted(_words(spec, "fillers", "zh"), key=len, reverse=True):
        if end - len(w) - start >= 2 and text.startswith(w, end - len(w)) \
                and ctx.lang.person_before(text[:ctx.sent.end], end - len(w), ctx.lang.words) == start:
            return end - len(w)
    # 杨鹏担任…, 钱程任董事长: the first character of a copula read as the name's last
    for w in _words(spec, "copulas", "zh"):
        for k in range(1, len(w) + 1):
            if end - k - start >= 2 and text.startswith(w, end - k) \
                    and ctx.lang.person_before(text[:ctx.sent.end], end - k, ctx.lang.words) == start:
                return end - k
    return end


def _zh_without_fillers(unit: str, spec: dict) -> str:
    """The unit words without the fillers they end with (高通目前的, 公司现任): words of the sentence."""
    fillers = sorted(_words(spec, "fillers", "zh"), key=len, reverse=True)
    changed = True
    while unit and changed:
        changed = False
        for w in fillers:
            if len(w) < len(unit) and unit.endswith(w):
                unit, changed = unit[:-len(w)].rstrip(" 的"), True
                break
    return unit


def _no_unit(ctx: Context, unit: str) -> str:
    """"" when the words between an organisation's name and a title are only its legal form
    (``legal_forms``: "Xiaomi Group CEO", 海信集团控股股份有限公司董事长, 小米集团的董事长)."""
    forms = _legal_forms(tuple(ctx.lang.words.get("legal_forms") or ()))
    if forms is not None and forms.fullmatch(unit):
        return ""
    boards = set(_words(ctx.patterns.roles, "boards", "ids"))
    if any(m.entity_id in boards and m.text == unit.strip(" 的") for m in ctx.mentions):
        return ""  # 是董事会的主席: the board's chairman chairs the company
    return unit.strip()


@functools.lru_cache(maxsize=8)
def _legal_forms(forms: tuple) -> re.Pattern | None:
    """A run of legal-form words and spaces (made once per language, not per title)."""
    if not forms:
        return None
    return re.compile(r"(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r"|\s)+", re.IGNORECASE)


def _came_from(ctx: Context, org: Mention, spec: dict) -> bool:
    """Is the organisation where the person came from (``origin_words``: 来自IBM的斯蒂芬·沃德, "from SAP")?"""
    origin = _words(spec, "origin_words", ctx.lang.code)
    return bool(origin) and _alternation(tuple(origin)).search(ctx.doc.text[max(ctx.sent.start, org.start - 6):org.start]) is not None \
        or described_person(ctx, org)


def described_person(ctx: Context, org: Mention) -> bool:
    """Does the organisation only describe a person (``person_nouns`` right after it: 戴尔高管, "Google engineer")?"""
    nouns = _words(ctx.patterns.roles, "person_nouns", ctx.lang.code)
    if not nouns:
        return False
    m = re.match(r"\s*(" + "|".join(map(re.escape, sorted(nouns, key=len, reverse=True))) + r")", ctx.doc.text[org.end:org.end + 30])
    return m is not None and (ctx.lang.code == "zh" or not ctx.doc.text[org.end + m.end():org.end + m.end() + 1].isalnum())


def _org_near(ctx: Context, gs: int, ge: int, person: Mention, spec: dict, top: bool = False) -> tuple[Mention | None, str, str]:
    """The organisation of a title group: written right before it (小米集团创始人, "Apple's CEO"),
    after it ("of Xiaomi", "at Apple"), between the person and the titles, or the document's
    topic. Returns (mention, entity id, unit words between the organisation and the title)."""
    text = ctx.doc.text
    lang = ctx.lang.code
    boards = set(_words(spec, "boards", "ids"))
    orgs = [m for m in ctx.entities(ORG) if m.entity_id != person.entity_id and m.entity_id not in boards]
    lo = person.end if person.end <= gs else ctx.sent.start
    if lang == "zh" and text[max(ctx.sent.start, gs - 1):gs] == "其" and ctx.clause_of(gs) > ctx.clause_of(ctx.sent.start):
        # 三星是高通的大股东，其董事长魏某: 其 is the organisation the clause before is about (its first one)
        cs, ce = ctx.clauses[ctx.clause_of(gs) - 1]
        subject = [m for m in orgs if cs <= m.start and m.end <= ce and m.kind == "entity"]
        if subject:
            return subject[0], subject[0].entity_id, ""
    # before the titles, possibly with a unit in between (中国区总裁, "Apple's mobile chief")
    before = [m for m in orgs if lo <= m.start and m.end <= gs and not _came_from(ctx, m, spec)]
    if before:
        m = before[-1]
        unit = text[m.end:gs].strip(" 的'’s\u3000")
        gloss = _GLOSS.match(text, m.end, gs) if lang == "zh" else None
        if gloss:  # 闪迪（SanDisk）的首席执行官: the organisation's name in Latin letters is no unit
            unit = text[gloss.end():gs].strip(" 的\u3000")
        elif lang == "zh" and text[m.start - 1:m.start] in "（(" and text[m.end:m.end + 1] in "）)" and m.start > 0:
            unit = text[m.end + 1:gs].strip(" 的\u3000")  # (the gloss itself a name the lexicon knows)
        if lang == "en":
            unit = re.sub(r"^(?:'s|’s)\s*", "", text[m.end:gs]).strip()
        unit = _no_unit(ctx, _without_former(_without_board(ctx, m.end, gs, unit, boards), spec, lang))
        if lang == "zh" and "、" in unit:  # 比亚迪执行副总裁、美洲区总裁: the unit of this title follows the last 、
            unit = unit.rsplit("、", 1)[1]
            unit = re.sub("|".join(re.escape(w) for w in sorted(title_table(ctx.patterns, "zh"), key=len, reverse=True)), "", unit)
        if lang == "zh" and re.fullmatch(r"[由被把将对向在和与同跟及]", unit):
            unit = ""  # 我们与董事长兼首席执行官陈睿: a function word, no unit
        if lang == "zh" and unit:
            unit = _zh_without_fillers(unit, spec)  # 高通目前的董事长: a word of the sentence, no unit
            arm = re.match(r"[（(]([^（(）)]{1,8})[）)]", text[m.end:gs])
            if arm and unit == arm.group() and any(p.kind == "entity" and p.cls and vocab().is_a(p.cls, ["Place"])
                                                   and (p.start, p.end) == (m.end + 1, m.end + 1 + len(arm.group(1))) for p in ctx.mentions):
                found = ctx.add_name(m.start, m.end + len(arm.group()), "Company")  # 佳能（中国）董事长: the company's arm there
                if found is not None:
                    return found, found.entity_id, ""
        if lang == "en" and not unit or lang == "zh" and len(unit) <= 8 and not re.search(r"[，,。;；：:了在说以将把被对向由]", unit):
            return m, m.entity_id, unit
    of_words = _words(spec, "of_words", lang)
    if of_words and person.start >= ge and re.fullmatch(r"\s*", text[ge:person.start]):
        # "Chief Executive Officer Anja Vollmer of Qualcomm": the organisation after the person the titles name
        m_of = re.match(r"\s*(?:" + "|".join(re.escape(w) for w in of_words) + r")\s+(?:the\s+)?", text[person.end:ctx.sent.end], re.IGNORECASE)
        named = [m for m in orgs if m_of and m.start == person.end + m_of.end() and m.kind == "entity"]
        if named:
            return named[0], named[0].entity_id, ""
    # after the titles: "of Xiaomi", "at Apple", "of the company"
    tail = text[ge:ctx.sent.end]
    if of_words:
        m_of = re.match(r"\s*(?:" + "|".join(re.escape(w) for w in of_words) + r")\s+", tail, re.IGNORECASE)
        if m_of:
            start = ge + m_of.end()
            ce = ctx.clauses[ctx.clause_of(start)][1]
            # a name in the clause, or "of the group" itself; not a "we" further on
            after = [m for m in orgs if start <= m.start < ce and (m.kind == "entity" or m.start == start)]
            if after:
                m = after[0]
                unit = text[start:m.start].strip()
                # "of the software company Kingsoft": lower-case words describing the organisation
                if re.fullmatch(r"(?:(?:the|a|an|[a-z][a-z\-]*)\s+){0,4}", unit + " " if unit else ""):
                    return m, m.entity_id, ""
                return None, "", ""  # "president of the Mobile division of Xiaomi": a unit, leave it
            named = re.match(r"(?:the\s+)?((?:[A-Z][\w&\-]*\s+(?:and\s+|&\s+|of\s+)?){0,5}(?:Group|Division|Unit|Business|Labs?|"
                             r"Institute|Studios?|Center|Centre|Research|Segment))\b", tail[m_of.end():])
            if named:  # "President of the Intelligent Devices Group": a unit with a name of its own
                start = ge + m_of.end() + named.start(1)
                unit_m = ctx.add_name(start, start + len(named.group(1)), "InternalBody")
                if unit_m is not None:
                    return unit_m, unit_m.entity_id, ""
            unit = re.match(r"(?:the\s+)?([\w&\- ]{2,40}?)(?=[,.;]|\s+(?:and|who|since|at|in|for)\b|$)", tail[m_of.end():])
            if unit and top:
                named = _en_company_after(ctx, ge + m_of.end() + unit.start(1), ge + m_of.end() + unit.end(1), spec)
                if named is not None:  # "co-founder of StumbleUpon", "chief executive of GE Appliances"
                    return named, named.entity_id, ""
            if unit and _AGE.search(unit.group(1)):
                unit = None  # "still the chairman and the CTO at eighty years old", "at 55": an age, no unit
            if unit:
                return None, "", unit.group(1)  # "of software engineering", "of worldwide operations"
    # "Dorian Welk (CEO, Qualcomm):", "Dorian Welk, CEO, Qualcomm:": the organisation after a comma closes the label
    label = re.match(r"\s*[,，]\s*", tail)
    if label:
        named = [m for m in orgs if m.start == ge + label.end() and m.kind == "entity"
                 and re.match(r"\s*(?:[)）:：]|$)", text[m.end:ctx.sent.end])]
        if named:
            return named[0], named[0].entity_id, ""
    if lang == "zh":
        pron = [m for m in ctx.mentions if m.kind == "pronoun" and lo <= m.start and m.end <= gs and m.cls
                and vocab().is_a(m.cls, ORG) and not re.search(r"[，,。；;：:]", text[m.end:gs])]
        if pron:
            m = pron[-1]
            unit = text[m.end:gs].strip(" 的")
            if any(p.start >= m.end and p.end <= gs for p in _person_mentions(ctx)):
                unit = ""  # 公司董事会任命魏思远为首席执行官: the person stands between, no unit of the title
            if re.search(r"[由被把将对向在和与]$", unit):
                unit = ""  # 公司由董事长竺兆江创立, 公司董事会由董事长刘某领导: a function word ends the words, no unit
            return m, m.entity_id, unit if len(unit) <= 12 else ""
        # 原Splunk首席执行官: a Latin name right before the title is its organisation
        latin = re.search(r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9.&\-]{1,30})$", text[lo:gs])
        if latin and re.search(r"[a-z]", latin.group(1)) and not any(  # a name, not an abbreviation (AI首席官, IT总监)
                m.start < gs and m.end > gs - len(latin.group(1)) for m in ctx.mentions if m.kind in ENTITY_KINDS):
            found = ctx.add_name(gs - len(latin.group(1)), gs, "Company")
            if found is not None:
                return found, found.entity_id, ""
        # OceanBase由杨某担任首席执行官: a Latin name opening the clause, then 由 and the person before the title
        if person.end <= gs:
            pcs = ctx.clauses[ctx.clause_of(person.start)][0]
            latin = re.fullmatch(r"\s*([A-Z][A-Za-z0-9.&\-]{1,30})\s*由\s*", text[pcs:person.start])
            if latin and re.search(r"[a-z]", latin.group(1)) and not any(
                    m.start < pcs + latin.end(1) and m.end > pcs + latin.start(1) for m in ctx.mentions if m.kind in ENTITY_KINDS):
                found = ctx.add_name(pcs + latin.start(1), pcs + latin.end(1), "Company")
                if found is not None:
                    return found, found.entity_id, ""
        # 现代集团创始人郑周永: a name the lexicon lacks ending in a company word, opening its clause
        cs = max(lo, ctx.clauses[ctx.clause_of(gs)][0])
        named = _ZH_COMPANY_BEFORE.search(text, cs, gs)
        if named and named.end() == gs and not any(m.start < gs and m.end > named.start(1) for m in ctx.mentions
                                                  if m.kind in ENTITY_KINDS) and _zh_name_words(named.group(1)[:-2]):
            found = ctx.add_name(named.start(1), gs, "Company")
            if found is not None:
                return found, found.entity_id, ""
        # 担任中国区总裁: a unit right before the title, after the copula
        unit = _zh_unit(ctx, lo, gs, spec)
        if unit and top and 2 <= len(unit) <= 6 and not _NOT_BUSINESS.search(unit) and not re.search(r"[区处科室组]$", unit) \
                and _zh_name_words(unit) and not any(m.start < gs and m.end > gs - len(unit) for m in ctx.mentions
                                                     if m.kind in ENTITY_KINDS and m.cls and vocab().is_a(m.cls, ["Place"])):
            # 杨某担任蚂蚁国际首席执行官: the top post of an organisation the lexicon lacks, named after the copula
            found = ctx.add_name(gs - len(unit), gs, "Company")
            if found is not None:
                return found, found.entity_id, ""
        if unit:
            return None, "", unit
    return None, "", ""


# a name the lexicon lacks: capitalised words ("GE Appliances", "StumbleUpon", "Ant International"), "&" or "of" between
_EN_PROPER = re.compile(r"[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|&|of|and)){0,4}")


_AGE = re.compile(r"\d|\b(?:age|aged|years?|old|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b", re.IGNORECASE)


def _en_company_after(ctx: Context, start: int, end: int, spec: dict) -> Mention | None:
    """The organisation after "of" in a top title or a founder's, when the lexicon lacks it ("co-founder of
    StumbleUpon"): capitalised words naming no unit (``unit_words``: "president of Worldwide Sales" is a unit's
    post) and holding no other name (a place: "president of Europe")."""
    text = ctx.doc.text
    words = text[start:end]
    if not _EN_PROPER.fullmatch(words) or words.split()[-1] in ("of", "and", "&") or words.split()[0] == "The":
        return None
    units = {w.lower() for w in _words(spec, "unit_words", "en")}
    if any(w.lower() in units for w in re.findall(r"[\w-]+", words)):
        return None
    for m in ctx.mentions:  # a kind of product or a place may be a word of the name ("GE Appliances"), not all of it
        if m.start < end and m.end > start and m.kind in ENTITY_KINDS + ("period", "quantity") and not (
                m.kind == "entity" and m.cls and vocab().is_a(m.cls, ["ProductCategory", "Place"]) and (m.start, m.end) != (start, end)):
            return None
    return ctx.add_name(start, end, "Company")


def _period(ctx: Context, person: Mention, gs: int, ge: int, spec: dict) -> PeriodRef | None:
    """When the person took the post, if the sentence says: "since 2022", 自2017年1月起 (``since``),
    or a time with a word of taking it (出任, "became"): the time of that event, as the gold
    format writes it ("became chief executive in April 2023" → 2023-04, not "since 2023-04")."""
    lang = ctx.lang.code
    start_words = _words(spec, "start_words", lang)
    lo, hi = min(person.start, gs), max(person.end, ge)
    text = ctx.doc.text
    for m in ctx.periods():
        if (m.period.qualifier == "since" and abs(m.start - hi) < 30 or lo - 30 < m.start < hi and m.period.qualifier == "since") \
                and _nearest_title(ctx, m.start, m.end) in range(gs, ge + 1):
            return m.period
    # the word of taking the post in the title's clause (not "became CEO …; she had been CFO"), before the person
    # too when the clause names who chose them (董事会任命王五为总裁, "Microsoft named Satya Nadella its CEO")
    clause_lo = ctx.clauses[ctx.clause_of(gs)][0]
    if start_words and words_re(start_words, lang).search(text[clause_lo:hi]):
        # the time of taking the post: next to it, else the last one the sentence gave before it
        plain = ("", "early", "late", "mid")
        # not a time of the aside between the name and its title ("Dorian Welk, who joined in 2015, was named CEO in 2017")
        aside = _EN_APPOSITIVE.match(text, person.end) if lang == "en" and person.end <= gs else None
        skip = range(person.end, aside.end()) if aside is not None and aside.end() <= gs else range(0)
        near = [m for m in ctx.periods() if lo - 12 <= m.start <= hi and m.period.qualifier in plain and m.start not in skip]
        # "became chief executive in April 2023": the time right after the title, in its clause
        near = near or [m for m in ctx.periods() if hi <= m.start <= hi + 32 and m.period.qualifier in plain
                        and ctx.clause_of(m.start) == ctx.clause_of(hi - 1) and _nearest_title(ctx, m.start, m.end) in range(gs, ge + 1)]
        if near:
            return near[-1].period
        earlier = [m for m in ctx.periods() if m.end <= lo and m.period.qualifier in plain]
        if earlier:
            p = earlier[-1].period
            if ctx.clause_of(earlier[-1].start) >= ctx.clause_of(lo) - 1:
                return p  # 2009年，柳传志重新出任董事长: the time of taking the post
            # 2017年初，公司成立了质量管理委员会，我亲自出任主席: the time dates another event; the post is held since
            return PeriodRef(p.year, p.quarter, p.month, p.day, "since", p.start, p.end, p.text, half=p.half)
    # 总裁王凤英于2023年1月加入小鹏, 首席财务官韩立新2019年加盟高通: the person named after the title, then (a time
    # and) a word of taking the post in the same clause
    if lang == "zh" and start_words and person.start >= ge:
        ce = ctx.clauses[ctx.clause_of(person.end - 1)][1]
        gloss = _GLOSS.match(text, person.end, ce)  # 马克·德肯（Mark Durcan）于2012年接任: the name in Latin letters
        pe = gloss.end() if gloss else person.end
        took = words_re(start_words, lang).search(text, pe, min(ce, pe + 16))
        if took is not None:
            dated = [m for m in ctx.periods() if person.end <= m.start and m.end <= took.start()
                     and m.period.qualifier in ("", "early", "late", "mid")]
            if dated:
                return dated[-1].period
    # 首席财务官为艾莉·默茨（Ellie Mertz），她于2024年接替…出任该职: the next clause opens with a pronoun for the person
    # and tells when they took the post
    if lang == "zh" and start_words and person.end >= ge:
        i = ctx.clause_of(person.end - 1)
        if i + 1 < len(ctx.clauses):
            ns, ne = ctx.clauses[i + 1]
            opening = _ZH_PERSON_PRONOUN.match(text, ns, ne)
            took = words_re(start_words, lang).search(text, ns, ne) if opening else None
            if took is not None:
                dated = [m for m in ctx.periods() if opening.end() <= m.start and m.end <= took.start()
                         and m.period.qualifier in ("", "early", "late", "mid")]
                if dated:
                    return dated[-1].period
    # "Chief executive Kwak Noh-jung, who took the top job in 2022, …", "Our CFO, Luka Mucic, who joined us from SAP
    # last year": a clause on the person right after the name, with a word of taking the post and a time
    if lang == "en" and start_words and person.end >= ge:
        rel = _EN_WHO.match(text, person.end, ctx.sent.end)
        if rel is not None:
            ce = ctx.clauses[ctx.clause_of(rel.end())][1]
            if words_re(start_words, lang).match(text, rel.end(), ce):
                dated = [m for m in ctx.periods() if rel.end() <= m.start and m.end <= ce and m.period.qualifier in ("", "early", "late", "mid")]
                if dated:
                    return dated[0].period
    return None


def _former_start(ctx: Context, person: Mention, gs: int, ge: int, spec: dict) -> PeriodRef | None:
    """The start of a post the text calls past, when the clause after the person's name tells when they took it
    (前任首席执行官魏思远于2012年接任, "former chief executive Anja Vollmer, who took over in 2012"): the gold
    format dates a past post by its start. None when no time follows the name, or when the word after it is
    one of joining (a former post's holder who joined another company: 高通前CEO魏思远2019年加盟三星)."""
    if person.start < ge:
        return None  # the name before the titles ("魏思远曾任首席执行官"): the time is of the sentence, not the post's start
    period = _period(ctx, person, gs, ge, spec)
    if period is None or period.qualifier or period.start < person.end:
        return None
    text = ctx.doc.text
    joining = _words(spec, "joining", ctx.lang.code)
    ce = ctx.clauses[ctx.clause_of(person.end - 1)][1]
    if joining and words_re(joining, ctx.lang.code).search(text, person.end, ce):
        return None
    return period


_ZH_PERSON_PRONOUN = re.compile(r"[，,\s]*(?:她|他)(?!们)")
_EN_WHO = re.compile(r"\s*,\s*who\s+(?:had\s+|has\s+)?")


_NOT_OWNERS = ["Person", "Place", "ProductCategory"]


def _owned_by_other_name(ctx: Context, gs: int, person: Mention) -> bool:
    """Is a name that is no organisation (a service, a brand, a product) written right before the
    titles, with at most a short unit in between (亚马逊云科技大中华区总裁, "Apple Music head")?"""
    text = ctx.doc.text
    lo = person.end if person.end <= gs else ctx.sent.start
    if re.search(r"\bits\s*$", text[lo:gs]):  # "Matt Garman has led AWS as its CEO": "its" is the name before
        named = [m for m in ctx.mentions if m.kind == "entity" and lo <= m.start and m.end <= gs and m.cls
                 and not vocab().is_a(m.cls, ["Person", "Place"])]
        return bool(named) and not vocab().is_a(named[-1].cls, ORG)
    for m in ctx.mentions:
        if m.kind == "entity" and lo <= m.start and m.end <= gs and gs - m.end <= 8 and m.cls \
                and not vocab().is_a(m.cls, _NOT_OWNERS + ORG) and not re.search(r"[，,。；;：:、\s]|的", text[m.end:gs]):
            return True
    return False


def _nearest_title(ctx: Context, start: int, end: int) -> int:
    """The start of the title nearest to a time in the sentence: "joined in 2005 as chief strategy
    officer and has been president since 2006" dates the presidency, not the first post."""
    base = ctx.sent.start
    spans = [(base + m.start(), base + m.end()) for m in title_re(ctx.patterns, ctx.lang.code).finditer(ctx.sent.text)]
    clause = ctx.clause_of(start)
    same = [t for t in spans if ctx.clause_of(t[0]) == clause]  # 出任首席战略投资官，2006年起担任公司总裁
    if not spans:
        return -1
    # 2021年11月起，周云杰担任…: a Chinese time that opens its clause dates the titles after it
    after = [t for t in spans if t[0] >= end and ctx.clause_of(t[0]) == clause + 1] if ctx.lang.code == "zh" else []
    return min(same or after or spans, key=lambda t: max(t[0] - end, start - t[1], 0))[0]


_BETWEEN_SUCCESSION = re.compile(r"[\s,，]*(?:who|and|于|并|则)?[\s,，]*", re.IGNORECASE)


def _predecessors(ctx: Context, gs: int, ge: int, people: list[Mention]) -> list[Mention]:
    """The people a sentence says were succeeded in the titles gs..ge: after a word of succeeding
    between the holder and the titles (接替周厚健出任, "succeeded John Chambers as"), or right after
    the titles or their holder ("…president since 2024, succeeding Mu Feng", "CFO Vaibhav Taneja, who
    succeeded Zachary Kirkhorn", 首席财务官塔内贾于2023年8月接替柯克霍恩)."""
    text = ctx.doc.text
    found = []
    anchor = max([ge] + [p.end for p in people if p.start >= ge])
    lo = people[0].end if people and people[0].end <= gs else ctx.sent.start
    for m in _SUCCEED_RE.finditer(text, ctx.sent.start, ctx.sent.end):
        if lo <= m.start() and m.end() <= gs:
            pred = _person_after(ctx, m.end())
            if pred is not None and pred.end <= gs and _only_fillers(ctx, pred.end, gs, ctx.patterns.roles):
                found.append(pred)
        elif m.start() >= anchor and m.start() - anchor <= 40:
            gap = list(text[anchor:m.start()])
            for p in ctx.mentions:  # a time or the organisation may stand between: "in August", 于2023年8月, "of the group"
                if anchor <= p.start and p.end <= m.start() and (p.kind in ("period", "pronoun") or p.kind == "entity"
                                                                 and p.cls and vocab().is_a(p.cls, ORG)):
                    gap[p.start - anchor:p.end - anchor] = " " * (p.end - p.start)
            gap = _GLOSS.sub(" ", "".join(gap))
            gap = re.sub(r"\b(?:since|in|of|at|the|group|company)\b", " ", gap, flags=re.IGNORECASE)
            if _BETWEEN_SUCCESSION.fullmatch(gap):
                pred = _person_after(ctx, m.end())
                # "succeeded Xu Lei as CEO": the post named after the name is the one succeeded in
                if pred is not None and not re.match(r"\s*(?:as\b|出任|担任|成为|接任)", text[pred.end:pred.end + 8]):
                    found.append(pred)
    return found


def _person_further(ctx: Context, ge: int, spec: dict) -> Mention | None:
    """比亚迪执行副总裁、美洲区总裁李柯: the person named after the next title of the list, when a
    unit stands between the two titles."""
    table = title_table(ctx.patterns, ctx.lang.code)
    text = ctx.doc.text
    m = re.match(r"\s*(?:、|,|，|and|兼)\s*", text[ge:ctx.sent.end])
    if not m:
        return None
    pos = ge + m.end()
    for k in range(0, 10):
        for title in sorted(table, key=len, reverse=True):
            if text[pos + k:pos + k + len(title)].lower() == title:
                if k and re.search(r"[，,。；;、]", text[pos:pos + k]):
                    return None
                end = pos + k + len(title)
                joined = _words(spec, "joiners", ctx.lang.code)
                more = True
                while more:  # 西门子中国董事长兼总裁为肖松: the titles joined to that one, then the name
                    more = False
                    for j in joined:
                        if text.startswith(j, end):
                            nxt = next((t for t in sorted(table, key=len, reverse=True)
                                        if text[end + len(j):end + len(j) + len(t)].lower() == t), None)
                            if nxt:
                                end, more = end + len(j) + len(nxt), True
                                break
                return _person_after(ctx, end)
    return None


# what a unit's words end with or hold when they name no business of its own: a department (品牌及公关处, 企业战略部),
# a brand, the board, an honorary post (董事局名誉主席), the headquarters
_NOT_BUSINESS = re.compile(r"(?:[处部科室组]|部门|中心|品牌)$|全球|总部|本部|董事|名誉|荣誉")
_TOP_POSTS = frozenset({"ceoOf", "presidentOf", "chairOf", "cfoOf", "ctoOf", "cooOf", "viceChairOf"})


def _person_after_as(ctx: Context, gs: int, ge: int, spec: dict) -> Mention | None:
    """"As chief executive, Anna Berg has cut costs", 作为高通创始人，韩立新表示: the titles in an opening phrase of
    ``as_words`` (their organisation may stand between), the person named right after its comma."""
    as_words = _words(spec, "as_words", ctx.lang.code)
    text = ctx.doc.text
    comma = re.match(r"\s*[,，]\s*", text[ge:ctx.sent.end])
    if not as_words or not comma:
        return None
    lo = ctx.clauses[ctx.clause_of(gs)][0]
    head = list(text[lo:gs])
    for m in ctx.entities(ORG):  # the organisation of the titles: "As Qualcomm's founder", 作为高通的创始人
        if lo <= m.start and m.end <= gs:
            head[m.start - lo:m.end - lo] = " " * (m.end - m.start)
    alts = "|".join(re.escape(w) for w in sorted(as_words, key=len, reverse=True))
    flags = re.IGNORECASE if ctx.lang.code == "en" else 0
    if not re.fullmatch(rf"[\s,，;；:：“\"]*(?:{alts})(?:\s|\b(?:the|its|our|their|a|an)\b|['’]s\b|的|公司|集团)*", "".join(head), flags):
        return None
    p = ge + comma.end()
    known = [m for m in _person_mentions(ctx) if m.start == p]
    if known:
        return known[0]
    if any(m.start == p for m in ctx.mentions if m.kind in ENTITY_KINDS):
        return None
    end = ctx.lang.person_after(text[:ctx.sent.end], p, ctx.lang.words)
    return ctx.add_name(p, end, "Person") if end is not None and end > p else None


def _group_facts(ctx: Context, group, spec: dict) -> list[Fact]:
    gs, ge = group[0][0], group[-1][1]
    lang = ctx.lang.code
    text = ctx.doc.text
    person = _person_after(ctx, ge) or _person_after_as(ctx, gs, ge, spec)
    people = [person] if person is not None else []
    if person is not None:  # "co-founders Lin Bin and Li Wanqiang": a list after the title
        joiners = _words(spec, "joiners", lang)
        pos = person.end
        while True:
            if lang == "zh":  # 联合创始人韩立新（Han Lixin）、魏思远: the name's Latin gloss
                gloss = _GLOSS.match(text, pos, ctx.sent.end)
                pos = gloss.end() if gloss else pos
            m = re.match(r"\s*(" + "|".join(re.escape(j) for j in joiners) + r")\s*", text[pos:ctx.sent.end]) if joiners else None
            if not m:
                break
            nxt = _person_after(ctx, pos + m.end())
            if nxt is None:
                break
            people.append(nxt)
            pos = nxt.end
    else:
        person = _person_before(ctx, gs, spec) or _clause_subject(ctx, gs, spec) or _person_further(ctx, ge, spec)
        if person is not None:
            people = [person]
    # 贾少谦接替周厚健出任集团董事长, "has been president since 2024, succeeding Mu Feng": the one
    # succeeded held the post before (no time: the text dates the successor's start)
    before = [p for p in _predecessors(ctx, gs, ge, people) if p.entity_id not in {q.entity_id for q in people}]
    if not people and not before:
        return []
    first = (people or before)[0]
    org_m, org, unit = _org_near(ctx, gs, ge, first, spec, top=all(p in _TOP_POSTS or p == "founderOf" for _, _, p in group))
    confidence = float(spec.get("confidence", 0.9))
    if unit and lang == "zh" and org_m is not None and org_m.kind == "entity" \
            and all(p in _TOP_POSTS for _, _, p in group) and unit in ("全球", "全球的"):
        unit = ""  # 高通全球CEO: the company's own post, told worldwide
    if unit and _fillers(spec, lang).fullmatch(unit):
        unit = ""  # 联想集团现任董事长: a word of the sentence, no unit
    if unit and lang == "zh" and org_m is not None and org_m.kind == "entity" and text[org_m.end:gs] == unit \
            and 2 <= len(unit) <= 6 and all(p in _TOP_POSTS for _, _, p in group) and not _NOT_BUSINESS.search(unit) and not _says_something(unit, spec) \
            and not any(m.start >= org_m.end and m.end <= gs for m in ctx.mentions if m.kind in ENTITY_KINDS
                        and not (m.cls and vocab().is_a(m.cls, ["Place"]))):
        # 蚂蚁国际首席执行官, 高通中国区总裁, 京东零售CEO: the top post of a business named after the company is a post
        # in that business, named as written (a vice president's title of a unit stays the company's, with the unit)
        named = ctx.add_name(org_m.start, gs, "Company")
        if named is not None:
            org_m, org, unit = named, named.entity_id, ""
    if not org and not unit and _owned_by_other_name(ctx, gs, first):
        return []  # 亚马逊云科技首席执行官马特·加曼: the title of the service named, not of the topic
    if not org and not unit and first.end <= gs and re.search(r"\bits\s*$", text[first.end:gs]):
        named = [m for m in ctx.entities(ORG) if first.end <= m.start and m.end <= gs]
        if named:  # "Matt Garman has led AWS as its CEO": "its" is the organisation named before
            org_m, org = named[-1], named[-1].entity_id
    if not org and not unit and first.end <= gs:
        hiring = _appointing_org(ctx, first, spec)
        if hiring is not None:  # "Samsung hired former Qualcomm CFO Dorian Welk as its president": the one who hires
            org_m, org = hiring, hiring.entity_id
    if not org and not unit and first.end <= gs and lang == "en":
        # "Dorian Welk joined Samsung in 2015 as chief operating officer": the organisation between the name and the
        # titles, with only fillers (a time, "as") after it
        between = [m for m in ctx.entities(ORG) if first.end <= m.start and m.end <= gs and m.kind == "entity"]
        if between and _only_fillers(ctx, between[-1].end, gs, spec, allow=("period",)) \
                and _only_fillers(ctx, first.end, between[-1].start, spec, allow=()) and "," not in text[first.end:gs]:
            org_m, org = between[-1], between[-1].entity_id
    if not org and not unit:
        # no organisation next to the titles: one named just before in the sentence
        # (质量管理委员会，我亲自出任主席), else the document's topic
        boards = set(_words(spec, "boards", "ids"))
        near = [m for m in ctx.entities(ORG) if m.end <= min(first.start, gs) and m.end >= min(first.start, gs) - 25
                and m.entity_id not in boards and not _came_from(ctx, m, spec) and not _titled(ctx, m)
                and not _owns_other_title(ctx, m, first, gs)]
        if near:
            org_m, org, confidence = near[-1], near[-1].entity_id, confidence * 0.9
            between = text[org_m.end:gs]
            if org_m.end <= gs and lang == "zh" and not re.search(r"[，,。；;：:、\s]|的", between) \
                    and not any(org_m.end <= p.start and p.end <= gs for p in people) \
                    and _no_unit(ctx, between.lstrip("原前")):  # 英特尔数据中心与人工智能事业部原执行副总裁: a unit's post
                unit = between
            owned = re.fullmatch(r"['’]s\s+([a-z][a-z\- ]{1,40}?)\s*", between) if org_m.end <= gs and lang == "en" else None
            if owned and not any(org_m.end <= p.start and p.end <= gs for p in people):
                # "Qualcomm's software chief Anja Vollmer": the post of a unit; not "Qualcomm's new boss", "its former CEO"
                words = _without_former(owned.group(1), spec, "en").strip()
                if words and not _fillers(spec, "en").fullmatch(words) and not re.fullmatch(r"(?:current|top|longtime|long-time)", words):
                    unit = words
    under = _words(spec, "under_words", lang)
    if not org and under and re.search(r"(?:^|\W)(?:" + "|".join(map(re.escape, under)) + r")\s+(?:the\s+|its\s+)?$",
                                       text[ctx.sent.start:gs], re.IGNORECASE):
        # "Blue Yonder … continues to grow under CEO Duncan Angove": the title of what the sentence is about
        firsts = [m for m in ctx.entities(ORG) if m.end <= gs and m.entity_id != first.entity_id]
        if not firsts or ctx.clause_of(firsts[0].start) != ctx.clause_of(ctx.sent.start):
            return []
        org_m, org = firsts[0], firsts[0].entity_id
    if not org and lang == "zh":
        gloss = re.search(r"[（(]\s*[A-Za-z][A-Za-z0-9 .&\-]{0,30}[）)]的?$", text[max(ctx.sent.start, gs - 40):gs])
        if gloss and not any(m.end == gs - len(gloss.group()) for m in _person_mentions(ctx)):
            return []  # 我之前是甲骨文云基础设施（OCI）的总裁: the post of the business glossed, a name the text lacks, not the topic's
    if not org:
        org, confidence = ctx.doc.organisation, confidence * 0.85
        if not org:
            return []
    former = words_re(_words(spec, "former", lang), lang) if _words(spec, "former", lang) else None
    is_former = bool(former and former.search(text[max(ctx.sent.start, gs - 12):gs]))
    then = words_re(_words(spec, "then", lang), lang) if _words(spec, "then", lang) else None
    at_the_time = bool(then and then.search(text[max(ctx.sent.start, gs - 8):gs]))
    facts = []
    if org_m is not None and org_m.cls == "InternalBody" and len(group) > 1 and ctx.doc.organisation:
        # "Executive Vice President and President of the Intelligent Devices Group"
        for person in people:
            for s, e, prop in group[:-1]:
                ev = evidence(ctx, [span(person), (s, e)], f"role-{prop}", confidence * 0.9)
                facts.append(Fact("relation", person.entity_id, prop if prop != "presidentOf" else "executiveOf",
                                  ctx.doc.organisation, attrs(title=text[s:e]), (ev,)))
        group = group[-1:]
    group = [t for t in group if t[2] != "founderOf"] if not people else group  # nobody succeeds a founder
    for person in people + before:
        if person in before:
            period = None
        elif is_former:  # a past post dated only by when it was taken (前任首席执行官魏思远于2012年接任): its start
            period = _former_start(ctx, person, gs, ge, spec)
        else:
            period = _period(ctx, person, gs, ge, spec)
        if at_the_time:  # 时任首席运营官: the post held at the time the sentence speaks of
            plain = [m.period for m in ctx.periods() if not m.period.qualifier]
            period = plain[0] if plain else None
        for s, e, prop in group:
            title = ""
            if prop in _reversed(ctx.patterns):  # 品牌代言人张艺兴: the company is endorsed by the person
                ev = evidence(ctx, [span(org_m), (s, e), span(person)], f"role-{prop}", confidence)
                facts.append(Fact("relation", org, prop, person.entity_id, attrs(period=period), (ev,)))
                continue
            if prop == "founderOf":
                period = None  # founding a company is no post held from a time
            if prop == "memberOf":  # a member of the board: the board, as written (威瑞森的董事会), else the board
                if lang == "zh":
                    body = _board_of(ctx, s, e, org_m)
                    if body:
                        ev = evidence(ctx, [span(person), (s, e)], "role-memberOf", confidence)
                        facts.append(Fact("relation", person.entity_id, prop, body, attrs(period=period), (ev,)))
                    continue
                unit = ""
            if unit and prop not in ("founderOf",):
                written = f"{text[s:e]} of {unit}" if lang == "en" else unit + text[s:e]
                prop, title = "executiveOf", written.strip()
            elif prop == "executiveOf":
                title = text[s:e]
            # the one succeeded, named between the successor and the title, is no rival: "X succeeded Y as CEO"
            others = tuple(span(p) for p in people + before if p is not person)
            ev = evidence(ctx, [span(person), (s, e), span(org_m)], f"role-{prop}", confidence, not_rivals=others)
            facts.append(Fact("relation", person.entity_id, prop, org, attrs(period=period, title=title), (ev,)))
    if people and not unit:
        facts += _taken_over(ctx, group, org, org_m, {p.entity_id for p in people}, confidence)
    return facts


# the clause after a post left, telling who took it: 魏思远卸任首席执行官，由韩立新接任; "…, and was succeeded by Anja Vollmer"
_ZH_TAKEN_OVER = re.compile(r"(?:职务|一职|职位|后)?\s*[，,]\s*(?:随后|后|则|改)?\s*由?\s*")
_ZH_TAKES_OVER = re.compile(r"\s*(?:随即|随后|正式|将)?\s*(?:接任|接替|接棒|接手)(?:了)?(?:其职|该职|此职|一职|该职位)?\s*(?:[，,。；;]|$)")
_EN_TAKEN_OVER = re.compile(r"[^,;.]{0,30}?,?\s+(?:and\s+)?(?:was\s+|has\s+been\s+)?(?:succeeded|replaced)\s+by\s+", re.IGNORECASE)


def _taken_over(ctx: Context, group, org: str, org_m: Mention | None, leavers: set, confidence: float) -> list[Fact]:
    """The one who took a post the sentence says was left, named in the next clause with a word of taking it over
    and no title (魏思远卸任首席执行官后，由韩立新接任; "Anja Vollmer stepped down as CEO in 2020 and was succeeded by
    Dorian Welk"): the same post, dated by the time of that clause, else by the time the sentence opens with."""
    text = ctx.doc.text
    ge = group[-1][1]
    lang = ctx.lang.code
    link = (_ZH_TAKEN_OVER if lang == "zh" else _EN_TAKEN_OVER).match(text, ge, ctx.sent.end)
    if link is None:
        return []
    if lang == "zh":  # a word of taking over in that clause, before any name is read (a name found is kept)
        ce = ctx.clauses[ctx.clause_of(link.end())][1]
        if not re.search(r"接任|接替|接棒|接手", text[link.end():ce]):
            return []
    taker = _person_after(ctx, link.end())
    if taker is None or taker.entity_id in leavers:
        return []
    if lang == "zh":
        gloss = _GLOSS.match(text, taker.end, ctx.sent.end)
        after = gloss.end() if gloss else taker.end
        times = [m for m in ctx.periods() if after <= m.start and m.end <= after + 14 and not m.period.qualifier]
        took = _ZH_TAKES_OVER.match(text, times[-1].end if times else after, ctx.sent.end)
        if took is None:
            took = _ZH_TAKES_OVER.match(text, re.compile(r"\s*[于在]?\s*").match(text, after).end(), ctx.sent.end) if not times else None
        if took is None:
            return []
    else:
        if not re.match(r"\s*(?:[,;.]|$)", text[taker.end:ctx.sent.end]):
            return []
        # "stepped down as chief executive in 2020 and was succeeded by …": the time of the handover
        times = [m for m in ctx.periods() if ge <= m.start and m.end <= link.end() and not m.period.qualifier]
    if not times:
        times = [m for m in ctx.periods() if ctx.sent.start <= m.start < group[0][0] and not m.period.qualifier
                 and ctx.clause_of(m.start) == ctx.clause_of(ctx.sent.start)]
    period = times[-1].period if times else None
    facts = []
    for s, e, prop in group:
        if prop in ("founderOf", "memberOf") or prop in _reversed(ctx.patterns):
            continue
        ev = evidence(ctx, [span(taker), (s, e), span(org_m)], f"role-{prop}", confidence)
        facts.append(Fact("relation", taker.entity_id, prop, org, attrs(period=period, title=text[s:e] if prop == "executiveOf" else ""), (ev,)))
    return facts
