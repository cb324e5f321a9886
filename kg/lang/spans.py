"""Span helpers shared by the per-language sentence splitters."""
from __future__ import annotations

import functools
import re


def add_trimmed(text: str, start: int, end: int, spans: list) -> None:
    """Append (start, end) to ``spans`` with surrounding whitespace trimmed, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@functools.lru_cache(maxsize=1024)
def _name_expr(name: str, lang: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])" if lang == "en" else re.escape(name))


def name_spans(text: str, names, lang: str, taken=()) -> list[tuple[int, int]]:
    """Occurrences of ``names`` in ``text``, longest name first (English ones as whole words,
    case kept), each clear of ``taken`` and of the occurrences chosen before it; sorted."""
    busy = list(taken)
    out: list[tuple[int, int]] = []
    for name in sorted(names, key=lambda n: (-len(n), n)):  # longest first, ties in a fixed order
        if name not in text:
            continue  # the expression keeps the name's case: it cannot match (most names, most sentences)
        for m in _name_expr(name, lang).finditer(text):
            if all(m.end() <= a or m.start() >= b for a, b in busy):
                busy.append(m.span())
                out.append(m.span())
    return sorted(out)


def sub_end(pattern: re.Pattern, text: str, barrier: re.Pattern) -> str:
    """``pattern.sub("", text)`` for a ``pattern`` anchored at the end of the text (``$``) that
    cannot hold a ``barrier`` character except as its first one: the search starts at the last
    barrier character instead of at every position of the text (a document's whole head before a
    trigger, so not once per trigger over the whole document). The same result, always."""
    end = len(text)
    start, width = end, 128
    while start > 0:
        start = max(0, end - width)
        last = None
        for last in barrier.finditer(text, start, end):
            pass
        if last is not None:
            start = last.start()
            break
        width *= 8
    m = pattern.search(text, start)
    if m is None:
        return text
    if m.end() == end:
        return text[:m.start()]
    return pattern.sub("", text)  # the match ends before a final newline: let re say what follows
