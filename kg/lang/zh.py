"""Chinese: sentence splitting, alias boundaries and names not in the lexicon."""
from __future__ import annotations

import re

_SENT_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) with surrounding whitespace trimmed."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.end() if not m.group().startswith("\n") else m.start()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


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
_TAGS = {"nr": "Person", "ns": "Place", "nt": "Organisation", "nz": "Thing"}
_ORG_SUFFIX = re.compile(r"(公司|集团|协会|委员会|研究院|研究所|大学|银行|基金会|博物馆|美术馆|中心)$")


def find_names(text: str) -> list[tuple[int, int, str]]:
    """Names jieba tags as person/place/organisation, with their class."""
    from .. import segment

    out, pos = [], 0
    for word, tag in segment.posseg(text):
        start = text.find(word, pos)
        if start < 0:
            continue
        pos = start + len(word)
        cls = _TAGS.get(tag)
        if _ORG_SUFFIX.search(word) and len(word) > 2:
            cls = "Museum" if word.endswith(("博物馆", "美术馆")) else "Organisation"
        if cls and len(word) >= 2:
            out.append((start, pos, cls))
    return out
