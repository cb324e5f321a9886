"""English: sentence splitting, alias boundaries and names not in the lexicon."""
from __future__ import annotations

import re

from .spans import add_trimmed

# A sentence ends at . ! ? (plus closing quotes) followed by space or a capital letter
# glued on ("world.In"), but not after a known abbreviation or inside a number (6.3).
_SENT_END = re.compile(r"(?<=[.!?])['\"”’)]*(?=\s|$|[A-Z])|\n+")
_ABBREV = re.compile(r"(?:\b(?:No|Mr|Mrs|Ms|Dr|Inc|Ltd|Co|Corp|St|vs|etc|e\.g|i\.e|U\.S|U\.K|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|\b[A-Z]\.)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.start() if m.group().startswith("\n") else m.end()
        if not m.group().startswith("\n") and _ABBREV.search(text[max(start, end - 8):end]):
            continue
        add_trimmed(text, start, end, spans)
        start = m.end()
    add_trimmed(text, start, len(text), spans)
    return spans


def is_boundary(text: str, start: int, end: int) -> bool:
    """Aliases match whole words only."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-") and text[start].isalnum():
        return False
    if end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        return False
    return True


_ORG_SUFFIXES = r"(?:Inc\.?|Corp\.?|Corporation|Company|Co\.|Ltd\.?|Group|Association|Institute|Museum|Foundation|University|Committee|Council|Research|Technologies|Technology|Electronics)"
_CAP = r"(?:[A-Z][\w&'\-]*|[A-Z]{2,})"
_NAME = re.compile(rf"\b{_CAP}(?:\s+(?:of\s+|the\s+|for\s+|and\s+)?{_CAP})*(?:\s+{_ORG_SUFFIXES})?")
_SUFFIX_CLASS = (
    (re.compile(r"(Museum|Gallery)$|^Museum of"), "Museum"),
    (re.compile(r"(Association|Society|Federation|Alliance)$"), "Association"),
    (re.compile(r"(Committee|Council|Board)$"), "InternalBody"),
    (re.compile(r"(Award|Awards|Prize)$"), "Award"),
    (re.compile(r"(Inc\.?|Corp\.?|Corporation|Company|Co\.|Ltd\.?|Group|Technologies|Technology|Electronics|Labs?|"
                r"Systems|Networks|Software|Capital|Ventures|Holdings|Motors|Mobile|Semiconductor)$"), "Company"),
    (re.compile(r"(Institute|Research|Foundation|University)$"), "Organisation"),
)
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?$")
_STOP = {"The", "This", "That", "In", "On", "At", "It", "He", "She", "We", "They", "But", "And", "Not", "Only",
         "Our", "Its", "His", "Her", "A", "An", "As", "By", "From", "Up", "Meanwhile", "Lei", "According", "Based"}


def find_names(text: str, words: dict) -> list[tuple[int, int, str]]:
    """Capitalised spans; a known suffix (Inc., Museum, Association...) gives the class."""
    out = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        start = m.start()
        while words and words[0] in _STOP:
            start = text.index(words[0], start) + len(words[0])
            while start < len(text) and text[start].isspace():
                start += 1
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        cls = next((c for rx, c in _SUFFIX_CLASS if rx.search(name)), None)
        if cls is None and 2 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words):
            cls = "Person"  # "Wang Xiang": two or three plain capitalised words (used only where a person fits)
        if cls is None:
            continue  # a capitalised span with no telling suffix says too little
        out.append((start, m.end(), cls))
    return out
