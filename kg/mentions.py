"""Stage 2: split a document into sentences and find what each sentence mentions.

Mentions are lexicon names, pronouns that stand for the speaker or the speaker's
organisation, "domestic"/"国内" (the home country), quantities, time expressions
and ranks. Offsets are document offsets.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from decimal import Decimal

from . import numbers
from .lang import Language
from .lang.spans import name_spans
from .lexicon import Lexicon
from .types import Document, Extraction, Mention, Quantity, Sentence


def find_mentions(doc: Document, lang: Language, lexicon: Lexicon, context: tuple[str, ...],
                  carry: dict | None = None) -> Extraction:
    """Sentences and mentions of a document; ``carry`` hands the year the text was about on to
    the next block of a long document (the pipeline passes the same dict to each block)."""
    sentences = tuple(
        Sentence(doc.doc_id, i, s, e, doc.text[s:e]) for i, (s, e) in enumerate(lang.split_sentences(doc.text))
    )
    mentions: list[Mention] = []
    carry = {} if carry is None else carry
    year = carry.get("year")  # the year the text so far was about: "2023年…。第四季度…" is 2023's fourth quarter
    day = carry.get("day")  # the last day told: 当天 in a later sentence is that day
    month = carry.get("month")  # the last month told, (year, month): 同月 in a later sentence is that month
    opener, prev = None, None  # the organisation the sentence before names first, and that sentence
    opening = set((lang.words.get("pronouns") or {}).get("organisation_opening") or [])
    if doc.date is None and "told" not in carry:
        from .profile import latest_told_year
        carry["told"] = latest_told_year(doc.text, lang)  # with no document date, the latest year the text tells as reached
    now = doc.date.year if doc.date is not None else carry.get("told")
    for sent in sentences:
        # a year the text told long before its own date (a record set in 2018, in a report of 2025) is
        # history: a later bare "fourth quarter" is the latest one before the document's date. With no
        # document date the latest year the text tells stands in for it (founded in 1997 … 2024年营收… : a
        # "third quarter" after the founding year is not 1997's, and with no date its year is unknown)
        stale = year is not None and now is not None and year < now - 1
        found = _sentence_mentions(doc, sent, lang, lexicon, context, year, stale, day, month)
        if lang.code == "zh" and any(m.kind == "pronoun" and m.text in opening for m in found) \
                and (opener is None or opener.entity_id != doc.organisation or _longer_name(doc.text, opener, prev)):
            # 它 stands for the company the text is about only when the sentence before opened with it
            # (罗技收购了许多公司。在2008年，它收购了…); after 大疆车载成立于2016年。它和…合作 it is the unit
            found = [m for m in found if not (m.kind == "pronoun" and m.text in opening)]
        opener = next((m for m in found if m.kind in ("entity", "pronoun") and m.cls and _vocab().is_a(m.cls, ["Organisation"])), None)
        prev = sent
        mentions.extend(found)
        for m in found:
            if m.kind == "period" and m.period.day and m.period.month and m.period.year and not m.period.qualifier:
                day = dt.date(m.period.year, m.period.month, m.period.day)
            if m.kind == "period" and m.period.month and m.period.year:
                month = (m.period.year, m.period.month)
            if m.kind == "period" and m.period.year and _NAMES_YEAR.search(m.text) and not _dateline(doc, m):
                year = m.period.year
    carry["year"] = year
    carry["day"] = day
    carry["month"] = month
    return Extraction(doc, sentences, tuple(mentions), ())


def _dateline(doc: Document, m: Mention) -> bool:
    """The document's own date written out ("Tokyo, January 30, 2025"): it dates the text, not what
    the text is about, so a later bare "fourth quarter" is the last one before that date, not the date's year's."""
    p, d = m.period, doc.date
    return d is not None and (p.year, p.month, p.day) == (d.year, d.month, d.day)


def _sentence_mentions(doc, sent: Sentence, lang: Language, lexicon: Lexicon, context, year=None,
                       stale: bool = False, day=None, month=None) -> list[Mention]:
    text, base = sent.text, sent.start
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []

    def free(s, e):
        return all(e <= a or s >= b for a, b in taken)

    short = dict(doc.short_names)
    # names the profile found that the lexicon lacks (the company a report is about) come first: 讯飞医疗
    # is one name, not the lexicon's 讯飞 and a word
    local = {info.entity_id: info for info in doc.names}
    for info in doc.names:
        for s, e in name_spans(text, {n for _, n in info.labels + info.aliases}, lang.code, taken):
            out.append(Mention(base + s, base + e, text[s:e], "entity", info.entity_id, info.cls, from_lexicon=False))
            taken.append((s, e))
    for s, e, eid in lexicon.match(text, context, lang.is_boundary):
        if not free(s, e):
            continue
        if text[e:e + 1] == "$" and e - s <= 3 and text[s:e].isupper():
            continue  # "HK$1.6 billion", "NT$", "US$": the prefix of a currency, not the place
        if eid in short and any(text[s:e].lower() == label.lower() for _, label in lexicon.info(eid).labels):
            eid = short[eid]
        out.append(Mention(base + s, base + e, text[s:e], "entity", eid, lexicon.cls(eid),
                           parts=_parts(text[s:e], base + s, eid, lexicon, context, lang)))
        taken.append((s, e))
    out.sort(key=lambda m: m.start)

    # "国内市场" / "domestic market": the home country of the document's organisation
    if doc.home_country and lexicon.info(doc.home_country):
        for s, e in _word_spans(text, lang.words.get("domestic", []), lang.code):
            if free(s, e):
                out.append(Mention(base + s, base + e, text[s:e], "entity", doc.home_country, lexicon.cls(doc.home_country)))
                taken.append((s, e))

    pronouns = lang.words.get("pronouns", {})
    # organisation_opening: "It entered India in 2014", a pronoun only as a sentence's first word
    for role, entity_id in (("organisation", doc.organisation), ("speaker", doc.speaker),
                            ("organisation_opening", doc.organisation)):
        if not entity_id or not (lexicon.info(entity_id) or entity_id in local):
            continue
        cls = local[entity_id].cls if entity_id in local else lexicon.cls(entity_id)
        for s, e in _word_spans(text, pronouns.get(role, []), lang.code):
            if not free(s, e) or role == "organisation_opening" and text[:s].strip() and not (
                    _ZH_OPENING_TIME if lang.code == "zh" else _OPENING_TIME).fullmatch(text[:s]) and not (
                    lang.code == "en" and _EN_CLAUSE_OPENING.search(text[:s])):
                continue
            if role == "organisation_opening" and lang.code == "zh" and text[e:e + 1] in _ZH_PLURAL:
                continue  # 它们: "they"
            if lang.code == "en" and len(text[s:e]) > 1 and text[s:e].isupper():
                continue  # "US$56.9 billion", "the US": an abbreviation, not "us"
            if lang.code == "en" and _OWN_YEAR.match(text, e):
                continue  # "the first quarter of our 2025 fiscal year": part of a time, which names no one
            # 科技公司 is "a tech company", not "the company": a Chinese pronoun glued to
            # a preceding character is part of a longer word, unless it starts with 我.
            # … and so is one glued to a name in Latin letters (Orvex公司, Sumo集团)
            if lang.code == "zh" and s > 0 and ("\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in _ZH_FUNCTION_CHARS
                                                or text[s - 1].isascii() and text[s - 1].isalnum()) and not text[s].startswith("我"):
                continue
            out.append(Mention(base + s, base + e, text[s:e], "pronoun", entity_id, cls))
            taken.append((s, e))

    if lang.number_hint.search(text):
        for q in numbers.find_quantities(text, lang.code):
            if not free(q.start, q.end) and q.unit in _MONEY:
                # "10 billion U.S. dollars", "5 billion Hong Kong dollars": the place is the currency's, not a name
                inside = [m for m in out if m.kind == "entity" and q.start < m.start - base and m.end - base <= q.end
                          and m.cls and _vocab().is_a(m.cls, ["Place"])]
                if inside and all(not (a < q.end and b > q.start) or any((a, b) == (m.start - base, m.end - base) for m in inside)
                                  for a, b in taken):
                    out = [m for m in out if m not in inside]
                    taken = [t for t in taken if not any(t == (m.start - base, m.end - base) for m in inside)]
            if not free(q.start, q.end):
                q = _without_noun(q, text, taken)  # "1,808,581 vehicles": the count, the noun a category
            if q is not None and free(q.start, q.end):
                out.append(Mention(base + q.start, base + q.end, q.text, "quantity", quantity=q))
    if lang.time_hint.search(text):
        for p in numbers.find_periods(text, lang.code, doc.date, year, stale, day, month):
            if free(p.start, p.end):
                out.append(Mention(base + p.start, base + p.end, p.text, "period", period=p))
                taken.append((p.start, p.end))

    for regex, bound in ((lang.rank_top, "UpperBound"), (lang.rank_exact, "Exact")):
        for m in regex.finditer(text):
            group = next((g for g in m.groups() if g), None)
            if group is None or not free(m.start(), m.end()):
                continue
            try:
                value = lang.rank_value(group)
            except (ValueError, KeyError):
                continue
            if value < 1:
                continue
            q = Quantity(Decimal(value), "Rank", bound, m.start(), m.end(), m.group())
            out.append(Mention(base + m.start(), base + m.end(), m.group(), "rank", quantity=q))
            taken.append((m.start(), m.end()))
    out.sort(key=lambda m: (m.start, m.end))
    return out


_OWN_YEAR = re.compile(r"\s+(?:(?:fiscal|financial)\s+(?:year\s+)?)?(?:19|20)[0-9]{2}\s+(?:fiscal|financial)\s+year\b"
                       r"|\s+(?:fiscal|financial)\s+(?:year\s+)?(?:19|20)[0-9]{2}\b", re.IGNORECASE)


def _vocab():
    from .iris import vocab
    return vocab()


_MONEY = frozenset(("CNY", "USD", "HKD", "EUR", "GBP", "JPY", "KRW", "TWD", "INR"))


# characters after which a Chinese pronoun starts a word of its own: 是集团, 出任集团总裁, 该公司
_ZH_FUNCTION_CHARS = set("是的任在为和与及兼由被将把从向对于到该本其令让给了")


def _parts(name: str, offset: int, eid: str, lexicon: Lexicon, context, lang: Language) -> tuple:
    """Other lexicon names inside a name (a country or city qualifying a museum or an award)."""
    if len(name) < 4:
        return ()
    key = (name, eid, context, lang.code)
    inner = lexicon.cache.get(key)
    if inner is None:
        inner = lexicon.cache[key] = tuple(
            (s, e, other, lexicon.cls(other)) for s, e, other in lexicon.hits(name, context, lang.is_boundary)
            if other != eid and (s, e) != (0, len(name)))
    return tuple((offset + s, offset + e, other, cls) for s, e, other, cls in inner)


# an opening time before a sentence's pronoun ("In 2012 it paid", "Later that year it released")
_OPENING_TIME = re.compile(r"\s*(?:In|On|By|Later|Earlier|Then|Since|During|After|Before|That|Last|This)\b[^,;:.()]{0,28}?"
                           r"(?:\b(?:19|20)[0-9]{2}|\byear|\bmonth|\bquarter|\bweek|\bday|\btime|\bJanuary|\bFebruary|\bMarch|"
                           r"\bApril|\bMay|\bJune|\bJuly|\bAugust|\bSeptember|\bOctober|\bNovember|\bDecember)\w*,?\s*")

# … and in Chinese, as a translation from English writes it ("在2008年，它收购了…", 2016年，它…)
_ZH_OPENING_TIME = re.compile(r"\s*(?:在|于|从|自|到了|到)?[^，,。；;：:（）()]{0,12}?(?:年|月|日|季度)(?:初|底|末|中|时|以来|之后|后)?[，,]?\s*")
_ZH_PLURAL = frozenset("们")
# "it has grown by buying brands: it acquired Jaybird in 2016", "…; it sold the unit in 2019": after a colon or a
# semicolon a clause opens as a sentence does
_EN_CLAUSE_OPENING = re.compile(r"[:;]\s*$")


def _longer_name(text: str, m: Mention, sent: Sentence | None) -> bool:
    """Does the name model read a longer organisation's name starting with the mention (大疆车载 of 大疆)?"""
    from .lang import zh_ner

    if m.kind != "entity" or sent is None or not zh_ner.available():
        return False
    return any(sent.start + a == m.start and sent.start + b > m.end for a, b, cls in zh_ner.names(sent.text)
               if cls in ("Company", "Organisation"))

# a time that names the year it is in: written out, or this year (今年一季度, "this year"): later bare quarters
# and halves are of that year (not "last year" or "next year", which step aside from the text's year)
_NAMES_YEAR = re.compile(r"(?:19|20)[0-9]{2}|今年|本年|this\s+year", re.IGNORECASE)


def _without_noun(q: Quantity, text: str, taken: list[tuple[int, int]]) -> Quantity | None:
    """A count whose noun is already a name ("484,507 vehicles", 100万辆 with 辆 free): the number
    alone, when the names it overlaps all start after its first digit; else None."""
    cut = min((a for a, b in taken if a < q.end and b > q.start), default=q.start)
    number = text[q.start:cut].rstrip()
    if cut <= q.start or not re.search(r"[0-9]", number) or q.unit not in ("Count", ""):
        return None
    return dataclasses.replace(q, end=q.start + len(number), text=number)


def _word_spans(text: str, words: list[str], lang: str) -> list[tuple[int, int]]:
    """Non-overlapping spans of the given words, longest first; whole words in English."""
    if not words:
        return []
    return [(m.start(), m.end()) for m in _words_pattern(tuple(words), lang).finditer(text)]


@functools.lru_cache(maxsize=64)
def _words_pattern(words: tuple, lang: str) -> re.Pattern:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if lang == "en":
        return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)
    return re.compile(alts)
