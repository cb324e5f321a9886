"""Per-language sentence splitting (with offsets), clauses and ranks."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from kg.lang import detect, get


@pytest.mark.parametrize("lang, text, expected", [
    ("zh", "雷军：今年很好。小米增长了！真的吗？", ["雷军：今年很好。", "小米增长了！", "真的吗？"]),
    ("zh", "第一段\n\n第二段。", ["第一段", "第二段。"]),
    ("zh", "他说：“我们赢了。”然后走了。", ["他说：“我们赢了。”", "然后走了。"]),
    ("en", "Sales rose 6.3% in Q4. Xiaomi ranked No. 1 in India.", ["Sales rose 6.3% in Q4.", "Xiaomi ranked No. 1 in India."]),
    ("en", "It grew in the world.In the overall market it fell.", ["It grew in the world.", "In the overall market it fell."]),
    ("en", "Revenue hit $1.5 billion! Good? Yes.", ["Revenue hit $1.5 billion!", "Good?", "Yes."]),
])
def test_sentences_and_offsets(lang, text, expected):
    spans = get(lang).split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


@given(st.text())
def test_sentence_spans_are_ordered_and_inside_the_text(text):
    for lang in ("zh", "en"):
        spans = get(lang).split_sentences(text)
        assert all(0 <= s < e <= len(text) for s, e in spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_clauses_keep_thousands_together():
    text = "it reached more than 24,000, the total 5920"
    assert [text[s:e] for s, e in get("en").clauses(text)] == ["it reached more than 24,000", " the total 5920"]


@pytest.mark.parametrize("lang, text, value", [
    ("zh", "上升到世界第四", 4), ("zh", "稳居市场份额第一", 1), ("en", "ranked No. 3 in Europe", 3),
    ("en", "rose to the fourth in the world", 4),
])
def test_exact_ranks(lang, text, value):
    language = get(lang)
    m = language.rank_exact.search(text)
    assert m and language.rank_value(next(g for g in m.groups() if g)) == value


@pytest.mark.parametrize("lang, text", [("zh", "第一次掌握"), ("zh", "第三季度"), ("en", "the fourth quarter of 2017")])
def test_not_ranks(lang, text):
    assert get(lang).rank_exact.search(text) is None


def test_detect():
    assert detect("小米发布了澎湃S1芯片") == "zh" and detect("Xiaomi released the Surge S1") == "en"


_END_PIECES = st.lists(st.sampled_from(["was", " ", ",", "\n", "the", "an", "has been", "X", "1", "(", ";", "-", "ſ", "K", "中"]),
                       max_size=12).map("".join)


@given(_END_PIECES)
def test_a_search_from_the_last_barrier_strips_the_end_as_re_sub_does(text):
    import re

    from kg.lang.spans import sub_end

    cases = [(re.compile(r"(?:\s*,)?(?:\s+(?:was|has been|then))*\s*$", re.IGNORECASE), re.compile(r"[^\s,a-z]", re.IGNORECASE)),
             (re.compile(r",\s*(?:the|a|an)\s[^,;:()]{1,60}$"), re.compile(r"[,;:()]")),
             (re.compile(r"\s+(?:[a-z][\w-]*\s*){1,2}$"), re.compile(r"[^\w\s-]"))]
    for pattern, barrier in cases:
        assert sub_end(pattern, text, barrier) == pattern.sub("", text)
        assert sub_end(pattern, "a; " * 200 + text, barrier) == pattern.sub("", "a; " * 200 + text)


def test_language_counts_are_those_of_one_character_at_a_time():
    """detect and cjk_share count letters and Chinese characters in C (str.isalpha mapped, one
    regex): the same counts as a loop over the characters, on texts of both languages and on
    characters at the edges (numerals that are letters or not, CJK range ends, other scripts)."""
    from pathlib import Path

    from kg.lang import cjk_share, detect

    def reference(text):
        sample = text[:4000]
        cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
        letters = sum(1 for ch in sample if ch.isalpha())
        share = None if letters < 20 else cjk / letters
        return ("zh" if letters and cjk / letters > 0.3 else "en"), share

    root = Path(__file__).resolve().parent.parent / "data" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    edges = "\u4e00\u9fff\u3400\ua000一二½²Ⅻ〇零ａＡ١٢αβ中文English 123 _ -"
    texts += [edges * n for n in (1, 3, 200)] + ["", "12345", "中" * 5 + "a" * 30, "中" * 13 + "a" * 30]
    for text in texts:
        assert (detect(text), cjk_share(text)) == reference(text), text[:40]
