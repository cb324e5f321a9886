"""Chinese: sentence splitting, alias boundaries and names not in the lexicon."""
from __future__ import annotations

import re

from .spans import add_trimmed

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


def find_names(text: str, words: dict) -> list[tuple[int, int, str]]:
    """Names jieba tags as person/place/organisation, or whose ending gives their class.

    A name made only of generic words (世界顶级博物馆) is not a name; a person name must
    start with a common surname (jieba tags 大丰收 as a person)."""
    from .. import segment

    out, pos = [], 0
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
                out.append((name_start, pos, cls))
            continue
        if cls is None:
            cls = _TAGS.get(tag)
            # jieba's person tag fires on many two-character words; keep short Han names only
            if cls == "Person" and not (_HAN.match(word) and any(word.startswith(s) for s in words.get("surnames", ()))):
                cls = None
        if cls and len(word) >= 2:
            out.append((start, pos, cls))
    return out


_AFTER_NAME = set("说在的是称和与也还将曾已对向于被把让表指认宣")
# single characters that follow a name rather than end it (王传福表示, 林斌现在, 雷军在)
_AFTER_NAME_CHARS = set("说在的是称和与及也还将曾已对向于被把让表指认宣等兼任为、了着过都就又再")
_FOREIGN = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•・][\u4e00-\u9fff]{1,8})+")
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}")


def _is_surname_name(word: str, words: dict) -> bool:
    return bool(_HAN.match(word)) and len(word) <= 4 and any(word.startswith(s) for s in words.get("surnames", ()))


def person_after(text: str, pos: int, words: dict) -> int | None:
    """End of a person's name that starts at ``pos`` (after a title: 董事长王传福, CEO雷军,
    首席执行官蒂姆·库克), or None."""
    while pos < len(text) and text[pos] in " \u3000":
        pos += 1
    m = _FOREIGN.match(text, pos) or _LATIN_NAME.match(text, pos)
    if m:
        end = m.end()
        # a transliterated name runs on into the next word: 蒂姆·库克说, 黄仁勋在
        while end > m.start() + 3 and text[end - 1] in _AFTER_NAME and "·" not in text[end - 1:end]:
            end -= 1
        return end
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
    # a surname jieba split off: 林 + 斌
    if len(word) == 1 and word in words.get("surnames", ()) and len(tokens) > 1 and 1 <= len(tokens[1][0]) <= 2 \
            and _HAN.match(word + tokens[1][0]) and not tokens[1][1].startswith(("v", "u", "p", "c", "d")):
        return pos + len(word) + len(tokens[1][0])
    return None


def person_before(text: str, pos: int, words: dict) -> int | None:
    """Start of a person's name that ends at ``pos`` (王传福，比亚迪董事长), or None."""
    for m in _FOREIGN.finditer(text, max(0, pos - 16), pos):
        # the part after the last dot is a short transliterated surname (库克, 特努斯), not a clause
        if m.end() == pos and len(m.group().rsplit("·", 1)[-1].rsplit("•", 1)[-1]) <= 5:
            return m.start()
    for length in (3, 2, 4):
        start = pos - length
        if start < 0:
            continue
        word = text[start:pos]
        if not _is_surname_name(word, words):
            continue
        if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1] not in "和与及、是由向对给为请让被":
            continue  # the name would start inside another word
        if person_after(text, start, words) == pos:
            return start
    return None
