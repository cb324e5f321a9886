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


def alternation(words) -> str:
    """``words`` as the body of one regex alternation, each escaped, longest first (so a word is never cut
    short by another that begins it); '' for none."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


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


def stop_before(text: str, pos: int, stops: str) -> int:
    """Where the run of text that holds ``pos`` begins: just after the last of ``stops`` before
    ``pos`` (0 when there is none), found in a window that widens until it holds one, not by a scan
    of the whole text for each stop character (which made long documents quadratic)."""
    width = 256
    while True:
        start = max(0, pos - width)
        a = max(text.rfind(ch, start, pos) for ch in stops)
        if a >= 0 or start == 0:
            return a + 1
        width *= 4


def stop_after(text: str, pos: int, stops: str) -> int:
    """The first of ``stops`` at or after ``pos`` (the text's end when there is none), in one search."""
    ahead = _stops_re(stops).search(text, pos)
    return ahead.start() if ahead else len(text)


@functools.lru_cache(maxsize=16)
def _stops_re(stops: str) -> re.Pattern:
    return re.compile("[" + re.escape(stops) + "]")
