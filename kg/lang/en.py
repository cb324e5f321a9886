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


_NAME_TOKEN = r"(?:[A-Z][^\W\d_]*(?:['’\-][A-Za-z][^\W\d_]*)?\.?|Mc[A-Z][a-z]+)"
_PARTICLE = r"(?:de|del|della|van|von|der|da|di|du|bin|al|la|le)"
_PERSON = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{1,3}}")
_PERSON_END = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{1,3}}$")
# capitalised words that end a name's run: "Tim Cook Said" is not a name of three words
_NOT_NAME = {"The", "This", "That", "He", "She", "It", "We", "They", "In", "On", "At", "And", "But", "Said", "Says",
             "Told", "Who", "Whose", "Which", "Was", "Is", "Has", "Had", "Will", "Would", "Also", "From", "For",
             "Inc", "Corp", "Ltd", "Co", "Group", "Company", "Chief", "Executive", "Officer", "President", "Chairman",
             "CEO", "CFO", "CTO", "COO", "Vice", "Senior", "Director", "Head", "Founder", "Apple", "Google"}


def _trim(tokens: list[str]) -> list[str]:
    out = []
    for t in tokens:
        if t.rstrip(".") in _NOT_NAME or t.isupper() and len(t) > 1:
            break
        out.append(t)
    return out


def person_after(text: str, pos: int, words: dict) -> int | None:
    """End of a person's name (two to four capitalised words) starting at ``pos``
    ("chief financial officer Luca Maestri"), or None."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    m = _PERSON.match(text, pos)
    if not m:
        return None
    tokens = _trim(m.group().split())
    if len(tokens) < 2:
        return None
    end = pos
    for t in tokens:
        end = text.index(t, end) + len(t)
    return end


def person_before(text: str, pos: int, words: dict) -> int | None:
    """Start of a person's name ending at ``pos`` ("Tim Cook, Apple's chief executive"), or None."""
    head = text[max(0, pos - 60):pos].rstrip()
    m = _PERSON_END.search(head)
    if not m:
        return None
    tokens = m.group().split()
    while tokens and tokens[0].rstrip(".") in _NOT_NAME:
        tokens = tokens[1:]
    if len(tokens) < 2 or any(t.rstrip(".") in _NOT_NAME for t in tokens):
        return None
    return pos - (len(text[max(0, pos - 60):pos]) - len(head)) - len(" ".join(tokens)) if head.endswith(" ".join(tokens)) else None
