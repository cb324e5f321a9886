"""Per-language code, registered in one table the pipeline reads.

Each language owns its sentence splitting, word boundaries, rank expressions and
the name finder for names not in the lexicon. Word lists live in ``data/lang/<code>.yaml``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

from .. import resources
from ..errors import InputError


_MONTH_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}$")
_YEAR_AFTER = re.compile(r"\s*\d{4}\b")  # "December 31, 2024": the year after the comma


@dataclass(frozen=True)
class Language:
    code: str
    split_sentences: Callable[[str], list[tuple[int, int]]]
    is_boundary: Callable[[str, int, int], bool]  # may an alias match text[start:end]?
    find_names: Callable[[str, dict], list[tuple[int, int, str]]]  # unknown names: (start, end, class)
    person_after: Callable[[str, int, dict], "int | None"]  # end of a person's name starting at a position
    person_before: Callable[[str, int, dict], "int | None"]  # start of a person's name ending at a position
    names_after: Callable  # (text, pos, end, words) -> [(start, end, class hint)]: names a trigger introduces
    name_before: Callable  # (text, pos, words) -> (start, end, class hint) | None: the name a trigger follows
    words: dict  # data/lang/<code>.yaml
    rank_exact: re.Pattern
    rank_top: re.Pattern
    clause_re: re.Pattern
    number_hint: re.Pattern  # cheap test: may the text hold a number?
    time_hint: re.Pattern  # cheap test: may the text hold a time expression?
    # (text, pos) -> [(start, end, class)]: a statistical model's names in the sentence holding pos
    model_names: Callable = lambda text, pos: []

    def clauses(self, text: str) -> list[tuple[int, int]]:
        """Spans of the clauses of a sentence (split at commas, semicolons, colons)."""
        spans, start = [], 0
        for m in self.clause_re.finditer(text):
            # "24,000" is one number, not two clauses
            if m.start() > 0 and m.end() < len(text) and text[m.start() - 1].isdigit() and text[m.end()].isdigit():
                continue
            # "December 31, 2024" is one date
            if _YEAR_AFTER.match(text, m.end(), m.end() + 6) and _MONTH_DAY.search(text, 0, m.start()):
                continue
            if m.start() > start:
                spans.append((start, m.start()))
            start = m.end()
        if start < len(text):
            spans.append((start, len(text)))
        return spans or [(0, len(text))]

    def rank_value(self, word: str) -> int:
        word = word.strip().lower()
        ordinals = self.words.get("ordinals", {})
        if word in ordinals:
            return int(ordinals[word])
        digits = re.match(r"\d+", word)
        if digits:
            return int(digits.group())
        from ..numbers import parse_number  # Chinese numerals

        return int(parse_number(word, self.code))


def _load(code: str, module) -> Language:
    path = resources.language_path(code)
    words = resources.load_yaml(path, cached=True) or {}
    if isinstance(words, dict):
        from ..schema import check_lang

        check_lang(words, path)
    for key in ("pronouns", "rank_exact", "rank_top", "clause_separators"):
        resources.require(words, key, path, f"language '{code}'")
    try:
        rank_exact = re.compile(words["rank_exact"], re.IGNORECASE)
        rank_top = re.compile(words["rank_top"], re.IGNORECASE)
    except re.error as exc:
        raise resources.data_error(path, f"invalid regular expression: {exc}", "Fix the rank_exact/rank_top pattern")
    clause_re = re.compile("[" + re.escape(words["clause_separators"]) + "]")
    hints = []
    for key in ("number_hint", "time_hint"):
        try:
            hints.append(re.compile(words.get(key) or ".", re.IGNORECASE if key == "number_hint" else 0))
        except re.error as exc:
            raise resources.data_error(path, f"invalid regular expression in {key}: {exc}", f"Fix {key}")
    return Language(code, module.split_sentences, module.is_boundary, module.find_names,
                    module.person_after, module.person_before, module.names_after, module.name_before,
                    words, rank_exact, rank_top, clause_re, *hints,
                    getattr(module, "model_names", lambda text, pos: []))


@functools.lru_cache(maxsize=None)
def get(code: str) -> Language:
    from . import en, zh

    modules = {"zh": zh, "en": en}
    if code not in modules:
        raise InputError(f"language '{code}' is not supported; use one of: {', '.join(sorted(modules))} (set 'language' in the manifest)")
    return _load(code, modules[code])


_CJK = re.compile("[\u4e00-\u9fff]")  # the characters detect counts as Chinese (counted in C, not one by one)


def cjk_share(text: str) -> float | None:
    """Share of Chinese characters among the letters of the text's first 4000 characters
    (None when it has too few letters to tell)."""
    sample = text[:4000]
    letters = sum(map(str.isalpha, sample))
    if letters < 20:
        return None
    return len(_CJK.findall(sample)) / letters


def detect(text: str) -> str:
    """Guess zh or en from the share of CJK characters."""
    sample = text[:4000]
    cjk = len(_CJK.findall(sample))
    letters = sum(map(str.isalpha, sample))
    return "zh" if letters and cjk / letters > 0.3 else "en"
