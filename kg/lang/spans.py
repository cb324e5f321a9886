"""Span helpers shared by the per-language sentence splitters."""
from __future__ import annotations


def add_trimmed(text: str, start: int, end: int, spans: list) -> None:
    """Append (start, end) to ``spans`` with surrounding whitespace trimmed, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
