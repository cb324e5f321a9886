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
