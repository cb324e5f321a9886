"""Chinese: sentence splitting, alias boundaries and names not in the lexicon."""
from __future__ import annotations

import functools
import re

from . import zh_ner
from .spans import add_trimmed, stop_before

_SENT_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) with surrounding whitespace trimmed."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.end() if not m.group().startswith("\n") else m.start()
        add_trimmed(text, start, end, spans)
        start = m.end()
    add_trimmed(text, start, len(text), spans)
    return spans


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def is_boundary(text: str, start: int, end: int) -> bool:
    """An alias may not cut an ASCII word in two ("S1" inside "S10")."""
    if _ascii_alnum(text[start]) and start > 0 and _ascii_alnum(text[start - 1]):
        return False
    if _ascii_alnum(text[end - 1]) and end < len(text) and _ascii_alnum(text[end]):
        return False
    return True


# jieba part-of-speech tags for proper names
# nrt (a transliterated foreign name) is mostly a company or brand in business text
_TAGS = {"nr": "Person", "ns": "Place", "nt": "Organisation", "nrt": "Organisation"}
# a name's last characters often say what it names
_SUFFIX_CLASS = (
    (re.compile(r"(博物馆|美术馆|艺术中心)$"), "Museum"),
    (re.compile(r"(协会|学会|联合会|商会)$"), "Association"),
    (re.compile(r"(委员会|理事会|董事会)$"), "InternalBody"),
    (re.compile(r"(公司|集团|科技|研究院|研究所)$"), "Company"),
    (re.compile(r"(奖|大奖)$"), "Award"),
)
def _generic(name: str, suffix_word: str, words: dict) -> bool:
    """True when what precedes the suffix is made of generic words only."""
    head = name[: len(name) - len(suffix_word)] if name.endswith(suffix_word) else name
    generic = sorted(set(words.get("generic_name_words", ())) | set(words.get("world", ())), key=len, reverse=True)
    for w in generic:
        head = head.replace(w, "")
    return not head.strip()


_HAN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]*")


def find_names(text: str, words: dict) -> list[tuple[int, int, str]]:
    """Names jieba tags as person/place/organisation, or whose ending gives their class.

    A name made only of generic words (世界顶级博物馆) is not a name; a person name must
    start with a common surname (jieba tags 大丰收 as a person)."""
    from .. import segment

    out, suffixed, pos = [], [], 0
    tokens = []  # (start, end, tag)
    for word, tag in segment.posseg(text):
        start = text.find(word, pos)
        if start < 0:
            continue
        pos = start + len(word)
        tokens.append((start, pos, tag))
        # 深圳 + 设计 + 博物馆: a suffix word closes a name made of the nouns before it
        cls = next((c for rx, c in _SUFFIX_CLASS if rx.search(word)), None)
        if cls is not None:
            first = len(tokens) - 1
            while first > 0 and len(tokens) - first < 5 and tokens[first - 1][2][:1] in ("n", "v", "e") \
                    and tokens[first - 1][1] == tokens[first][0] and tokens[first - 1][2] != "v":
                first -= 1
            name_start = tokens[first][0]
            if pos - name_start > 3 and not _generic(text[name_start:pos], word, words):
                suffixed.append((name_start, pos, cls))
            continue
        if cls is None:
            cls = _TAGS.get(tag)
            # jieba's person tag fires on many two-character words; keep short Han names only
            if cls == "Person" and not (_HAN.match(word) and _starting(word, 0, words, "surnames")):
                cls = None
        if cls and len(word) >= 2:
            out.append((start, pos, cls))
    # a name its ending types comes first; then the organisations the model names (联宝科技, 雅达集团),
    # surer than jieba's tags (三洋 is no place); then jieba's where the model found nothing. The
    # model's persons and places are left out: it cuts persons' names short (西雅尔多 -> 西雅尔, 王树和
    # -> 王树) and the gazetteer knows the places
    found = list(suffixed)
    orgs = [n for n in zh_ner.names(text) if n[2] in ("Company", "Organisation")]
    for group in (orgs, out):
        found += [n for n in group if not any(s < n[1] and n[0] < e for s, e, _ in found)]
    # 莱昂纳德·波萨克: a piece of a transliterated person's name is no name of its own
    return sorted(n for n in found if text[n[1]:n[1] + 1] not in _DOTS and text[n[0] - 1:n[0]] not in _DOTS or n[0] == 0)


def model_names(text: str, pos: int) -> list[tuple[int, int, str]]:
    """The model's names (start, end, class; offsets into ``text``) in the sentence that holds
    ``pos`` (``text`` may end before that sentence does)."""
    start = stop_before(text, pos, "。！？!?\n")
    while start < pos and text[start] in "”’」』）) \u3000\t":
        start += 1
    m = _SENT_END.search(text, pos)
    end = len(text) if m is None else m.start() if m.group().startswith("\n") else m.end()
    return [(start + s, start + e, cls) for s, e, cls in zh_ner.names(text[start:end].rstrip())]


_AFTER_NAME = set("说在的是称和与也还将曾已对向于被把让表指认宣")
# characters that end a transliterated name rather than spell it (加里·斯蒂尔现负责…, …兼任, …等人)
_AFTER_FOREIGN = set("现负担兼等透介出接")
# single characters that follow a name rather than end it (王传福表示, 林斌现在, 雷军在)
_AFTER_NAME_CHARS = set("说在的是称和与及也还将曾已对向于被把让表指认宣等兼任为、了着过都就又再")
# single words that follow a name and cannot end one (not 和, 及: 王树和 is a name)
_AFTER_GIVEN = set("在说称表指认宣向对将也还已曾")
# particles that end the words before a transliterated name (的斯蒂芬·沃德, 由蒂姆·库克)
_BEFORE_FOREIGN = set("的由是和与及在为被")
_DOTS = ("·", "•", "・")
# 蒂姆·库克, 让-弗朗索瓦·范博克斯米尔 (a hyphen joins two given names), 普拉尚特·马亨德拉-拉贾 (or two surnames)
# (and initials in Latin letters: RJ·斯卡林格, J·R·辛普劳)
_FOREIGN = re.compile(r"(?:[\u4e00-\u9fff]{1,6}(?:[-‐][\u4e00-\u9fff]{1,6})?|(?<![A-Za-z])[A-Z]{1,3}(?:[·•・][A-Z]{1,3})*)"
                      r"(?:[·•・](?:[A-Z]{1,2}\.?[·•・])?[\u4e00-\u9fff]{1,8}(?:[-‐][\u4e00-\u9fff]{1,6})?)+")  # (克里斯蒂亚诺·R·阿蒙: a Latin initial inside)
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}")


def _is_surname_name(word: str, words: dict) -> bool:
    return bool(_HAN.match(word)) and len(word) <= 4 and bool(_starting(word, 0, words, "surnames"))


_PREFIX_CACHE: dict = {}


def _starting(text: str, pos: int, words: dict, key: str) -> list[str]:
    """The words of the list ``words[key]`` that ``text`` has at ``pos``, longest first: a set lookup
    per length of its words (the set made once per list), not a scan of the list (hundreds of surnames)."""
    items = words.get(key) or ()
    known = _PREFIX_CACHE.get((id(words), key))
    if known is None or known[0] is not words or known[1] is not items:
        known = _PREFIX_CACHE[(id(words), key)] = (words, items, frozenset(items), sorted({len(w) for w in items}, reverse=True))
    found, n = known[2], len(text)
    return [text[pos:pos + k] for k in known[3] if pos + k <= n and text[pos:pos + k] in found]


_GIVEN = re.compile(r"[\u4e00-\u9fff]{1,2}")  # a given name: 金秉, 吴俊峰


def _cued_name(text: str, pos: int, words: dict) -> int | None:
    """A surname and one or two characters that an honorific or a verb of speech follows (王喜瑜先生,
    单甦说, 吴俊峰介绍, 李莹女士): the end of the name, else None. Two characters are tried first."""
    for surname in _starting(text, pos, words, "surnames"):
        start = pos + len(surname)
        for given in (2, 1):
            end = start + given
            if end <= len(text) and _GIVEN.fullmatch(text[start:end]) and _starting(text, end, words, "after_name_cues") \
                    and not any(ch in _AFTER_NAME_CHARS or ch in "则亦均便总" for ch in text[start:end]):  # not 王总 (Mr Wang)
                return end
    return None


# characters that make the words after a Japanese family name a company's or a product's (丰田汽车, 松下电器)
_NOT_GIVEN = set("车电机器集团司社业所厂行银研技株会品牌网科汽工")


def _japanese_name(text: str, pos: int, words: dict) -> int | None:
    """A Japanese family name and a given name of one to three characters that a word a name goes
    before follows (田中稔三为, 浅田稔为, 吉田五郎、, 松下幸之助先生; not 丰田汽车): the end, else None."""
    for surname in _starting(text, pos, words, "surnames_japanese"):
        start = pos + len(surname)
        for given in (3, 2, 1):
            end = start + given
            part = text[start:end]
            if end > len(text) or not _GIVEN_RUN.fullmatch(part) or any(ch in _AFTER_NAME_CHARS or ch in _NOT_GIVEN or ch in "现负担兼等透出接" for ch in part):
                continue
            nxt = text[end:end + 1]
            if not nxt or not ("\u4e00" <= nxt <= "\u9fff") or nxt in _AFTER_NAME_CHARS or nxt in _AFTER_FOREIGN \
                    or _starting(text, end, words, "after_name_cues"):
                return end
    return None


_GIVEN_RUN = re.compile(r"[\u4e00-\u9fff]{1,3}")


def person_after(text: str, pos: int, words: dict) -> int | None:
    """End of a person's name that starts at ``pos`` (after a title: 董事长王传福, CEO雷军,
    首席执行官蒂姆·库克), or None. Where the rules find no name or stop before a character that may
    still be the name's (吴俊|峰负责: jieba cut 俊 and 峰 apart; 阳萌: a rarer surname), the name
    model's person starting there decides, when it is longer."""
    while pos < len(text) and text[pos] in " \u3000":
        pos += 1
    end = _rule_person_after(text, pos, words)
    nxt = text[end:end + 1] if end is not None else text[pos:pos + 1]
    # the model's person is taken only as two to four Chinese characters from pos that reach past the
    # rules' end: where the Chinese characters from pos stop before that, it is not asked
    reach = _HAN_RUN.match(text, pos, pos + 4).end()
    if nxt and "\u4e00" <= nxt <= "\u9fff" and nxt not in _AFTER_NAME_CHARS and reach - pos >= 2 and reach > (end or pos) \
            and zh_ner.available():
        person = next((e for s, e, cls in model_names(text, pos) if s == pos and cls == "Person"), None)
        if person is not None and person > (end or pos) and (_HAN.fullmatch(text[pos:person]) and person - pos <= 4) \
                and text[person - 1] not in _AFTER_NAME_CHARS:
            return person + 1 if _NAME_END_CHAR.match(text, person) and person - pos < 4 else person
    return end


# a character the model leaves out of a name it ends (王树|和、张祖祥): a conjunction right before a list's
# comma or the clause's end joins nothing, so it is the name's last character
_NAME_END_CHAR = re.compile(r"[和与及][、，,。；;]")


def _rule_person_after(text: str, pos: int, words: dict) -> int | None:
    m = _FOREIGN.match(text, pos) or _LATIN_NAME.match(text, pos)
    if m:
        end = m.end()
        first_dot = min((i for i, ch in enumerate(m.group()) if ch in _DOTS), default=-1)
        joined = next((i for i, ch in enumerate(m.group()) if ch in "和与及、" and i > first_dot >= 0), None)
        if joined is not None:  # 莱昂纳德·波萨克和桑迪·勒纳: the first of two names
            return m.start() + joined
        last = max(m.group().rfind("·"), m.group().rfind("•"), m.group().rfind("・"))
        if last >= 0:  # 罗纳德·韦恩在加利福尼亚: the surname ends before the next word
            tail = m.group()[last + 1:]
            cut = next((i for i, ch in enumerate(tail) if (ch in _AFTER_NAME or ch in _AFTER_FOREIGN) and i >= 1), None)
            if cut is not None:
                end = m.start() + last + 1 + cut
        # a transliterated name runs on into the next word: 蒂姆·库克说, 黄仁勋在
        while end > m.start() + 3 and text[end - 1] in _AFTER_NAME and "·" not in text[end - 1:end]:
            end -= 1
        for group_word in ("夫妇", "等人", "二人", "两人"):  # 莱昂纳德·波萨克和桑迪·勒纳夫妇: a couple, not the name
            if text.endswith(group_word, m.start(), end) and end - len(group_word) > max(m.group().rfind("·"), 0) + m.start() + 1:
                end -= len(group_word)
        return end
    cued = _cued_name(text, pos, words) or _japanese_name(text, pos, words)
    if cued is not None:
        return cued
    from .. import segment

    window = text[pos:pos + 8]
    tokens = segment.posseg(window)
    if not tokens:
        return None
    word, tag = tokens[0]
    if (tag.startswith("nr") or _is_surname_name(word, words)) and len(word) == 2 and len(tokens) > 1 \
            and len(tokens[1][0]) == 1 and _HAN.match(word + tokens[1][0]) and tokens[1][0] not in _AFTER_NAME_CHARS:
        return pos + 3  # 林世 + 伟: jieba cut a three-character name short
    if tag.startswith("nr") and 2 <= len(word) <= 4 and _HAN.match(word):
        return pos + len(word)
    if _is_surname_name(word, words) and 2 <= len(word) <= 3 and not tag.startswith(("v", "d", "p", "c", "u")):
        return pos + len(word)
    # a surname jieba split off: 林 + 斌; 郑 + 孝 + 明 when the name ends the clause (郑孝明（Winston Cheng）)
    if len(word) == 1 and word in words.get("surnames", ()) and len(tokens) > 1 and 1 <= len(tokens[1][0]) <= 2 \
            and _HAN.match(word + tokens[1][0]) and not tokens[1][1].startswith(("v", "u", "p", "c", "d")):
        end = pos + len(word) + len(tokens[1][0])
        han = lambda ch: "\u4e00" <= ch[:1] <= "\u9fff"  # noqa: E731
        if end - pos == 2 and len(tokens) > 2 and len(tokens[2][0]) == 1 and han(tokens[2][0]) \
                and tokens[2][0] not in _AFTER_NAME_CHARS and tokens[2][0] not in "则亦均便" and (len(tokens) == 3 or not han(tokens[3][0])
                                                               or tokens[3][0][:1] in _AFTER_NAME_CHARS):  # 王+凤+英+于
            end += 1
        return end
    # 阳 + 萌 + 在: a one-character given name jieba tags as a verb, right before a word a name goes before
    if len(word) == 1 and (word in words.get("surnames", ()) or tag.startswith("nr")) and len(tokens) > 2 \
            and len(tokens[1][0]) == 1 and _HAN.match(word + tokens[1][0]) and tokens[1][0] not in _AFTER_NAME_CHARS \
            and tokens[1][0] not in "则亦均便总" and tokens[2][0] in _AFTER_GIVEN:
        return pos + 2
    return None


def _after_date(text: str, start: int) -> bool:
    """Does a date end right before ``start`` (2020年|魏思远, 3月|韩立新, 去年|…)?"""
    return start >= 2 and text[start - 1] in "年月日号" and (text[start - 2].isdigit() or text[start - 2] in "〇零一二三四五六七八九十今去明同当")


def person_before(text: str, pos: int, words: dict) -> int | None:
    """Start of a person's name that ends at ``pos`` (王传福，比亚迪董事长), or None."""
    for m in _FOREIGN.finditer(text, max(0, pos - 16), pos):
        # the part after the last dot is a short transliterated surname (库克, 特努斯), not a clause
        tail = m.group().rsplit("·", 1)[-1].rsplit("•", 1)[-1]
        if any(ch in _AFTER_NAME or ch in _AFTER_FOREIGN for ch in tail[1:]):
            continue  # 斯蒂芬·沃德出任: the name ends before the verb, not at pos
        if m.end() == pos and len(tail) <= 5:
            start = m.start()
            while text[start] in _BEFORE_FOREIGN and "\u4e00" <= text[start + 1] <= "\u9fff":
                start += 1  # 来自IBM的斯蒂芬·沃德: the particle before the name is no part of it
            return start
    for length in (3, 2, 4, 5, 6):
        start = pos - length
        if start < 0:
            continue
        word = text[start:pos]
        if length > 4 or not _is_surname_name(word, words):
            if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1] not in "和与及、是由向对给为请让被的" \
                    and not _after_date(text, start):
                continue
            if _japanese_name(text[:pos], start, words) == pos:  # 田中稔三为副董事长
                return start
            continue
        if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1] not in "和与及、是由向对给为请让被" \
                and not _after_date(text, start):
            continue  # the name would start inside another word (not after a date: 2020年魏思远出任首席执行官)
        # the name alone (陶晓东), else the name and what follows it (于芝涛则担任: a cue jieba reads apart)
        if person_after(text[:pos], start, words) == pos or _cued_name(text, start, words) == pos:
            return start
    return _model_person_before(text, pos)


def _model_person_before(text: str, pos: int) -> int | None:
    """Start of the name model's person that ends the clause at ``pos`` (田中稔三|为副董事长, 阿里夫|在): a
    name of two to four characters, or one spelt with dots, that does not begin inside another word."""
    if pos < 2 or not "\u4e00" <= text[pos - 1] <= "\u9fff" or not zh_ner.available():
        return None
    start = stop_before(text, pos, "。！？!?\n，,；;：:、")
    if pos - start < 2:
        return None
    s = next((start + a for a, b, cls in zh_ner.names(text[start:pos]) if start + b == pos and cls == "Person"), None)
    if s is None:
        return None
    name = text[s:pos]
    if not (_HAN.fullmatch(name) or _FOREIGN.fullmatch(name)):
        return None
    if s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in "和与及、是由向对给为请让被":
        return None
    return s


# ---------------------------------------------------------------- names next to a trigger

_QUOTED = re.compile(r"[“「『《\"]([^”」』》\"]{1,30})[”」』》\"]")
# a token of a model's name: letters and digits (X200, Pro+, 9000S) or a version (5.1, 3.0); a number that a
# unit, a time or a count word follows (6.78英寸, 2024年, 12GB, 3亿) is no part of a name
_MODEL_NUMBER = (r"[0-9]+(?:\.[0-9]+)*(?![0-9.])(?![年月日号个万亿%％寸吋英款台辆部元倍家名位项多余]|\s?(?:GB|TB|MB|mAh|nm|mm|Hz|W\b|K\b|英寸))"
                 r"[A-Za-z+\-]*")
_MODEL_TOKEN = r"(?:[A-Za-z][A-Za-z0-9+\-]*(?:\.[0-9]+)*|" + _MODEL_NUMBER + ")"
_MODEL = re.compile(r"[\u4e00-\u9fff]{0,4}?[A-Za-z][A-Za-z0-9+\-]*(?:\.[0-9]+)*(?:\s?" + _MODEL_TOKEN + r"){0,3}(?:系列|代)?"
                    r"|[\u4e00-\u9fff]{1,4}" + _MODEL_NUMBER + r"(?:\s?(?:[A-Z][A-Za-z0-9+\-]*|" + _MODEL_NUMBER + r")){0,2}(?:系列|代)?")
# a short Chinese name right before its Latin spelling in brackets: 瓦里安（Varian）, 格罗曼工程（Grohmann Engineering）
_GLOSSED = re.compile(r"([\u4e00-\u9fff]{2,6})(?=[（(]\s*[A-Z][A-Za-z0-9&.'’\- ]{1,40}?\s*[)）])")
_LIST = re.compile(r"(?:、|和|及|与|以及|，以及)")
# jieba tags of proper names (and of words the lexicon added to its dictionary)
_PROPER_TAGS = {"nz", "nt", "nrt", "ns", "nr", "eng", "x"}
_APPOSED = re.compile(r"[\u4e00-\u9fff]{2,4}(?=[，,。、；;）)及和与]|$)")


_NOUN_CACHE: dict = {}


def _nouns(words: dict) -> list[tuple[str, str]]:
    key = id(words)
    if key not in _NOUN_CACHE:
        nouns = sorted(((n, cls) for cls, items in (words.get("class_nouns") or {}).items() for n in items),
                       key=lambda x: -len(x[0]))
        by_first: dict[str, list[tuple[str, str]]] = {}
        for n, cls in nouns:  # the nouns each character opens, in the same order (longest first)
            by_first.setdefault(n[0], []).append((n, cls))
        _NOUN_CACHE[key] = (words, nouns, {n[0] for n, _ in nouns}, by_first)
    return _NOUN_CACHE[key][1]


_LEAD_CACHE: dict = {}


def _lead_words(words: dict) -> list[str]:
    """``name_lead_words``, longest first (sorted once per word table, not at each trigger)."""
    key = id(words)
    if key not in _LEAD_CACHE:
        _LEAD_CACHE[key] = (words, sorted(words.get("name_lead_words", ()), key=len, reverse=True))
    return _LEAD_CACHE[key][1]


_VARIANT_CACHE: dict = {}


def _variant_words(words: dict) -> list[str]:
    """``name_variant_words`` (the words for a model's edition, 至尊版), longest first, sorted once per word table."""
    key = id(words)
    if key not in _VARIANT_CACHE:
        _VARIANT_CACHE[key] = (words, sorted(words.get("name_variant_words", ()), key=len, reverse=True))
    return _VARIANT_CACHE[key][1]


def _noun_at(text: str, pos: int, words: dict) -> tuple[str, str]:
    _nouns(words)
    if pos >= len(text):
        return "", ""
    for noun, cls in _NOUN_CACHE[id(words)][3].get(text[pos], ()):
        if text.startswith(noun, pos):
            return noun, cls
    return "", ""


def _one_name(text: str, pos: int, end: int, words: dict, after_noun: bool = False):
    """A name starting at ``pos``: quoted, a model (小米SU7, 仰望U8, razr 50系列), or a word jieba
    keeps whole, with a class noun after it kept when the name is all Chinese (混元大模型)."""
    m = _QUOTED.match(text, pos, end)
    if m:
        noun, cls = _noun_at(text, m.end(), words)
        return m.start(1), m.end(1), m.end(), cls
    m = _MODEL.match(text, pos, end)
    if m and m.group():
        stop = m.end()
        # 小米10至尊纪念版, Redmi K80至尊版: a word for the model's edition is part of its name
        stop += next((len(w) for w in _variant_words(words) if text.startswith(w, stop) and stop + len(w) <= end), 0)
        name_end = stop
        noun, cls = _noun_at(text, stop, words)
        return m.start(), name_end, stop + len(noun), cls
    if after_noun:  # 个性化品牌方程豹。: the whole short name up to the punctuation
        m = _APPOSED.match(text, pos, end)
        if m and m.group() not in words.get("not_names", ()):
            return pos, m.end(), m.end(), ""
    # an organisation the model names (三洋电机, 泰星能源解决方案公司), asked only where jieba's first
    # word is a noun: the model costs more than the rules it stands behind
    if _may_be_named(text[pos:min(end, pos + 10)]):
        org = next(((s, e, cls) for s, e, cls in model_names(text, pos)
                    if s == pos and e <= end and cls in ("Company", "Organisation")), None)
        if org is not None:
            tail = _company_tail(words).match(text, org[1], end)  # 鸿华 + 先进科技: the model cut the name before its last words
            e = tail.end() if tail else org[1]
            return org[0], e, e, org[2]
    m = _GLOSSED.match(text, pos, end)
    if m:  # 天巡（Skyscanner）: a Chinese name the text glosses with its Latin spelling
        return pos, m.end(1), m.end(1), ""
    # a Chinese name ending in a class noun: 混元大模型, 刀片电池
    for k in range(2, 6):
        if pos + k >= end or not _HAN.match(text[pos:pos + k]):
            break
        noun, cls = _noun_at(text, pos + k, words)
        if noun and not any(ch in _AFTER_NAME_CHARS for ch in text[pos:pos + k]):
            stop = _with_version(text, pos + k + len(noun), end)  # 蓝心大模型3.0: the version after the kind is the name's
            return pos, stop, stop, cls
    from .. import segment

    tokens = segment.posseg(text[pos:min(end, pos + 10)])
    if not tokens:
        return None
    word, tag = tokens[0]
    if len(word) < 2 or not _HAN.match(word) or word in words.get("not_names", ()):
        return None
    if not (tag in _PROPER_TAGS or (after_noun and tag[:1] == "n")):
        return None  # 公司, 性能, 标志: common words, not names
    name_end = pos + len(word)
    sounds = words.get("transliteration_chars") or ""
    if sounds and all(ch in sounds for ch in word):  # 德尔|玛|克: join a name spelt by sound
        for nxt, _tag in tokens[1:]:
            if not nxt or not all(ch in sounds for ch in nxt) or name_end - pos + len(nxt) > 8:
                break
            name_end += len(nxt)
    noun, cls = _noun_at(text, name_end, words)
    if noun:
        stop = _with_version(text, name_end + len(noun), end)
        return pos, stop, stop, cls  # 混元大模型, 刀片电池, 混元大模型2.0
    return pos, name_end, name_end, ""


_VERSION = re.compile(r"\s?[Vv]?" + _MODEL_NUMBER + r"(?:\s?(?:Pro|Max|Ultra|Turbo|Plus|Lite|mini|Mini|SE|Air))?")


def _with_version(text: str, pos: int, end: int) -> int:
    """Where a name ends once a version number written right after it (大模型3.0, 大模型 V2.5 Turbo) is taken in,
    and the word for its series (观澜大模型系列: the graph also names it without the word)."""
    m = _VERSION.match(text, pos, end)
    pos = m.end() if m and re.search(r"[0-9]", m.group()) else pos
    return pos + 2 if text.startswith("系列", pos) and pos + 2 <= end else pos


def _company_tail(words: dict) -> re.Pattern:
    """A few words and a company's ending (``company_suffixes``: 先进科技, 智能电子) right before the end of a clause,
    a list word or 的: what ends a company's name the model cut short."""
    key = ("tail", id(words))
    if key not in _NOUN_CACHE:
        ends = "|".join(map(re.escape, sorted(words.get("company_suffixes") or ["(?!)"], key=len, reverse=True)))
        _NOUN_CACHE[key] = (words, re.compile(rf"(?:(?![的旗下和与及在是为将已也])[\u4e00-\u9fff]){{1,4}}?(?:{ends})(?=[，。；;,、和与及等的（(\s]|$)"))
    return _NOUN_CACHE[key][1]


def _may_be_named(window: str) -> bool:
    """Could a name start the window? It starts with two Chinese characters, and jieba's first word is
    no verb, adverb, pronoun, number, time or function word (a name jieba does not know comes in
    single characters: 泰 + 星)."""
    from .. import segment

    if len(window) < 2 or not _HAN.match(window[:2]):
        return False
    tokens = segment.posseg(window)
    return bool(tokens) and tokens[0][1][:1] not in tuple("vpcudrmqtfyaz")


def _name_starts(text: str, pos: int, end: int) -> bool:
    """Does a quoted name or a model name (Latin letters, digits) start at ``pos``?"""
    if _QUOTED.match(text, pos, end):
        return True
    m = _MODEL.match(text, pos, end)
    # X200 Pro, and a line's Chinese name then a model number (发布边缘智能芯片思元220); not Chinese words then
    # Latin letters (家电业务GE Appliances: the words describe the name)
    return bool(m and m.group() and re.match(r"[\u4e00-\u9fff]{0,4}[0-9]|[A-Za-z]", m.group()))


# what ends a name the lexicon lacks that follows a noun of its kind: punctuation, 的, a list word, a figure, a
# stake (凯斯勒物流签署了…, 芯动微电子51%的股权, 远川资本，, 赫尔曼软件的全部股份)
_KIND_NAME_STOP = re.compile(r"[\s，,。；;：:、“”\"《》()（）【】！？!?的和与及等将也还已曾0-9０-９%％]|旗下|股份(?!有限)|股权|股票")
# jieba tags of a word that starts the clause's predicate or is a function word: the name ends before it
_KIND_NAME_CUT = ("v", "vd", "p", "c", "d", "u", "ul", "uj", "uz", "ud", "r", "m", "t", "f", "q")
_KIND_NAME_CUT_ONE = ("p", "c", "d", "u", "ul", "uj", "uz", "ud", "r")  # of one character: 在, 将, 也 (not 天 of 小鹏汇天)
# jieba tags of a proper name: a name of one word the lexicon lacks is tagged so, a common noun (医院, 机构) is not
_PROPER = ("nz", "nt", "nr", "nrt", "ns", "eng", "x", "j")


@functools.lru_cache(maxsize=256)
def _org_kinds(nouns: tuple) -> re.Pattern:
    return re.compile("(?:" + "|".join(map(re.escape, sorted(nouns, key=len, reverse=True))) + ")$")


def after_org_kind(text: str, pos: int, words: dict) -> bool:
    """Does a noun of an organisation's kind (``org_kind_nouns``: 厂商, 初创企业, 私募机构) end right before ``pos``?"""
    nouns = words.get("org_kind_nouns") or ()
    if not nouns:
        return False
    known = _KIND_ENDS.get(id(nouns))  # the list's regex, found by the list (asked at each character after a trigger)
    if known is None or known[0] is not nouns or known[1] != len(nouns):
        known = _KIND_ENDS[id(nouns)] = (nouns, len(nouns), _org_kinds(tuple(nouns)))
    return known[2].search(text, max(0, pos - 6), pos) is not None


_KIND_ENDS: dict = {}


def kind_name_end(text: str, pos: int, end: int, words: dict) -> int | None:
    """The end of the name the lexicon lacks that follows a noun of an organisation's kind at ``pos``
    (电机控制器厂商|苏州恒驰电子, 德国物流企业|凯斯勒物流签署…, 私募机构|远川资本): the words up to punctuation,
    的, a list word, a figure or a stake, cut before the first verb or function word jieba finds; None when
    no name of two to ten characters stands there (一家德国企业。, 多家企业合作, 该公司的股份)."""
    from .. import segment

    if not after_org_kind(text, pos, words) or pos >= end or not ("\u4e00" <= text[pos] <= "\u9fff"):
        return None
    stop = _KIND_NAME_STOP.search(text, pos, min(end, pos + 14))
    run_end = stop.start() if stop else min(end, pos + 14)
    if stop is None and run_end - pos >= 14:
        run_end = pos + 12  # a long run: jieba below finds where the name ends
    cut = pos
    for k, (word, tag) in enumerate(segment.posseg(text[pos:run_end])):
        if tag in _KIND_NAME_CUT and (len(word) >= 2 or k == 0 or tag in _KIND_NAME_CUT_ONE):
            if k == 0:
                return None  # 与多家企业合作, 收购了这家公司: a verb or a pointing word, no name
            break
        cut += len(word)
    name = text[pos:cut]
    if not 2 <= len(name) <= 10 or (stop is None and cut == run_end and run_end - pos >= 12) or _common_word(name):
        return None
    if name in (words.get("not_names") or ()) or name in (words.get("org_kind_nouns") or ()) or _generic(name, "", words):
        return None  # 子公司, 全球, 企业: a kind or a generic word, no name
    return cut


# (a run of Latin letters is one unit, taken whole: a run that could be cut anywhere made the list's regex
# backtrack exponentially on a long Latin stretch)
_LISTED_ITEM = r"(?:[\u4e00-\u9fff]|[A-Za-z0-9][A-Za-z0-9&.\- ]*+)"


def kind_listed(text: str, pos: int, end: int, words: dict) -> list[tuple[int, int]]:
    """Names listed from ``pos`` that a noun of an organisation's kind closes after 等 (红岭创投、启明星辰资本等机构,
    与宁德时代、国轩高科等电池企业): each item of two to ten characters, no 的 or verb in it; [] when the list is
    not so closed."""
    nouns = tuple(words.get("org_kind_nouns") or ())
    if not nouns:
        return []
    m = _kind_list_re(nouns).match(text, pos, end)
    if m is None:
        return []
    out, at = [], pos
    for item in m.group(1).split("、"):
        a = at + len(item) - len(item.lstrip())
        b = at + len(item.rstrip())
        if not 2 <= b - a <= 10 or "的" in text[a:b] or text[a:b] in (words.get("not_names") or ()) or _common_word(text[a:b]):
            return []
        out.append((a, b))
        at += len(item) + 1
    return out


def _common_word(name: str) -> bool:
    """Is ``name`` one common word to jieba (医院, 机构, 工厂), not a name?"""
    from .. import segment

    cut = segment.posseg(name)
    return len(cut) == 1 and cut[0][1] not in _PROPER


def in_kind_list(text: str, s: int, e: int, words: dict) -> bool:
    """Is text[s:e] an item of a list that 等 and a kind of organisation close (… 启明星辰资本等机构)?"""
    nouns = tuple(words.get("org_kind_nouns") or ())
    if not nouns or not 2 <= e - s <= 10 or "的" in text[s:e] or _common_word(text[s:e]):
        return False
    return _kind_list_re(nouns, tail=True).match(text, e) is not None


@functools.lru_cache(maxsize=8)
def _kind_list_re(nouns: tuple, tail: bool = False) -> re.Pattern:
    kinds = "|".join(map(re.escape, sorted(nouns, key=len, reverse=True)))
    item = rf"{_LISTED_ITEM}{{2,10}}"
    if tail:
        return re.compile(rf"(?:、{item}){{0,9}}等(?:[\u4e00-\u9fff]{{0,6}}?)(?:{kinds})")
    return re.compile(rf"((?:{item}、){{0,9}}{item})等(?:[\u4e00-\u9fff]{{0,6}}?)(?:{kinds})")


def names_after(text: str, pos: int, end: int, words: dict) -> list[tuple[int, int, str]]:
    """Names after a trigger: 发布了全面屏概念手机小米MIX, 推出高端品牌仰望及其首款车型仰望U8,
    推出了AI助手“腾讯元宝”. (start, end, class hint)."""
    lead = _lead_words(words)
    while pos < end and text[pos] in " \u3000了":
        pos += 1
    listed = kind_listed(text, pos, end, words)
    if listed:  # 红岭创投、启明星辰资本等机构: each item of a list closed by 等 and a kind of organisation
        return [(a, b, "Company") for a, b in listed]
    out = []
    while pos < end:
        hint = ""
        moved = True
        while moved and pos < end:  # 了, 自主研发的, 全新的, descriptors ending in a class noun
            moved = False
            while pos < end and text[pos] in " \u3000":
                pos += 1
            for w in lead:
                if text.startswith(w, pos):
                    pos += len(w)
                    moved = True
                    break
            if moved:
                continue
            # a descriptor ending with a class noun (全面屏概念手机, 纯电动车型, 个人智能体) or with
            # 的 (性能受限的): the longest one that a name follows
            best = None
            model = _MODEL.match(text, pos, end)  # Kunlun芯片: a model's name and its class noun, no descriptor
            model_end = model.end() if model and re.match(r"[A-Za-z0-9]", model.group() or " ") else -1
            for k in range(0, 12):
                if pos + k >= end or text[pos + k] in "，,。、“”《》\"；;：:（()）及和与等":
                    break
                if text[pos + k] == "的" and k >= 2 and _name_starts(text, pos + k + 1, end):
                    best = (pos + k + 1, "")
                noun, cls = _noun_at(text, pos + k, words)
                if noun and k > 0 and pos + k <= model_end:  # Kunlun芯片, STM32N6系列微控制器: the noun ends or is part of a model
                    continue
                appos = _APPOSED.match(text, pos + k + len(noun), end)
                if noun and (k == 0 or _name_starts(text, pos + k + len(noun), end)
                             or _GLOSSED.match(text, pos + k + len(noun), end)
                             or appos and appos.group()[0] not in _AFTER_NAME_CHARS
                             and _noun_at(text, appos.start(), words)[0] != appos.group()):  # …相机系统: 系统 is a kind, no name
                    best = (pos + k + len(noun), cls)
                if k > 0 and kind_name_end(text, pos + k, end, words) is not None and (best is None or best[0] < pos + k):
                    best = (pos + k, "Company")  # 电机控制器厂商苏州恒驰电子: a descriptor ending in a kind of organisation, then its name
                if k > 4 and re.match(r"[A-Za-z]", text[pos + k]) and re.fullmatch(r"[\u4e00-\u9fff]+", text[pos:pos + k]):
                    best = (pos + k, best[1] if best else "")  # 有声书分销商Findaway: a description longer than a model's prefix, then the name
                    break
            if best is not None:
                pos, hint, moved = best[0], best[1] or hint, True
        kind_end = kind_name_end(text, pos, end, words)
        found = (pos, kind_end, kind_end, "Company") if kind_end is not None else _one_name(text, pos, end, words, after_noun=bool(hint))
        if found is None:
            break
        s, e, stop, cls = found
        out.append((s, e, cls or hint))
        m = _LIST.match(text, stop, end)
        if not m:
            break
        pos = m.end()
        if text.startswith("其", pos):
            pos += 1
    return out


def name_before(text: str, pos: int, words: dict):
    """The name a trigger follows: 《王者荣耀》2015年上线 (after the time is taken out), 小米SU7亮相.
    (start, end, class hint) or None."""
    end = pos
    while end > 0 and text[end - 1] in " \u3000":
        end -= 1
    if end and text[end - 1] in "”」』》\"":
        opener = text.rfind({"”": "“", "」": "「", "』": "『", "》": "《", "\"": "\""}[text[end - 1]], 0, end - 1)
        if opener >= 0 and end - opener <= 32:
            return opener + 1, end - 1, ""
    for m in _MODEL.finditer(text, max(0, end - 24), end):
        if m.end() == end and m.group() and re.search(r"[A-Za-z0-9]", m.group()):
            start = m.start()
            moved = True
            while moved:  # 首款车型小米SU7: the class noun and lead words are not part of the name
                moved = False
                for w in sorted(list(words.get("name_lead_words", ())) + [n for n, _ in _nouns(words)], key=len, reverse=True):
                    if text.startswith(w, start) and start + len(w) < end and re.search(r"[A-Za-z0-9]", text[start + len(w):end]):
                        start += len(w)
                        moved = True
                        break
            return start, m.end(), ""
    return None
