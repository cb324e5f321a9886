"""Matching lexicon names in text (both languages), with context-bound aliases."""
from __future__ import annotations

import pytest

from kg import lexicon
from kg.errors import DataFileError
from kg.lang import get

BUSINESS = ("technology", "business")


def ids(text, lang, context=BUSINESS):
    return [eid for _, _, eid in lexicon.load().match(text, context, get(lang).is_boundary)]


@pytest.mark.parametrize("text, lang, expected", [
    ("小米发布了澎湃S1", "zh", ["xiaomi", "surge-s1"]),
    ("阿里用了17年，腾讯用了17年", "zh", ["alibaba", "tencent"]),
    ("小米获得“中国制造2025”十佳品质奖", "zh", ["xiaomi", "made-in-china-2025-quality-award"]),
    ("The Surge S1 from Xiaomi", "en", ["surge-s1", "xiaomi"]),
    ("millet revenue exceeded 100 billion yuan", "en", ["xiaomi"]),
    ("Ali spent 17 years", "en", ["alibaba"]),
])
def test_match(text, lang, expected):
    assert ids(text, lang) == expected


def test_longest_name_wins():
    assert ids("小米MIX 2引领全面屏", "zh") == ["mi-mix-2"]


def test_no_match_inside_a_longer_ascii_word():
    assert "surge-s1" not in ids("澎湃S10", "zh")


def test_capitalised_names_do_not_match_plain_words():
    assert "sharp" not in ids("a sharp decline", "en")


def test_context_bound_alias_needs_its_context():
    assert ids("millet porridge", "en", context=("food",)) == []
    assert ids("millet porridge", "en", context=BUSINESS) == ["xiaomi"]


def test_malformed_lexicon_names_the_entry(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text("entities:\n  - id: a\n    class: Spaceship\n    en: A\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="entity 'a': class 'Spaceship' is not an ontology class"):
        lexicon.load(path)


def test_a_chinese_given_name_written_syllable_by_syllable_is_the_same_person():
    from kg.lexicon import _syllables_apart

    assert _syllables_apart("Wang Chuanfu") == ["Wang Chuan Fu"]
    assert _syllables_apart("Lei Jun") == [] and _syllables_apart("Tim Cook") == []
    assert ids("Biyadi board chairman Wang Chuan Fu said", "en") == ["byd", "wang-chuanfu"]


def test_a_pickled_lexicon_reads_its_alias_table_when_first_asked():
    """The cached lexicon keeps its alias table pickled until read; names inside names come from
    the automaton, so they need no table, and the table read back is the same."""
    import pickle

    lex = lexicon.load()
    copy = pickle.loads(pickle.dumps(lex))
    assert "aliases" not in copy.__dict__
    for name in ("小米电视", "Mi TV", "华为手机"):
        assert copy.named_inside(name, frozenset({"Company", "ProductCategory"})) == \
            lex.named_inside(name, frozenset({"Company", "ProductCategory"}))
    assert "aliases" not in copy.__dict__
    assert copy.aliases == lex.aliases and "aliases" in copy.__dict__
    assert pickle.loads(pickle.dumps(copy)).aliases == lex.aliases


def test_a_long_text_matched_again_gives_the_same_hits_in_a_list_of_its_own():
    """A document's text is matched by several stages: the hits of the last long text are kept, and
    each caller gets the same hits as a fresh match, in a list it may change; another context or
    text is matched anew; the kept hits are not pickled with the lexicon."""
    import pickle

    lex = lexicon.load()
    boundary = get("en").is_boundary
    text = "Millet porridge is cheap. " * 40 + "The Surge S1 from Xiaomi. " * 40
    assert len(text) >= lexicon._REMEMBER_FROM
    first = lex.match(text, BUSINESS, boundary)
    assert first == lex._match(text, BUSINESS, boundary)
    assert sum(eid == "surge-s1" for _, _, eid in first) == 40
    first.clear()
    assert lex.match(text, BUSINESS, boundary) == lex._match(text, BUSINESS, boundary) != []
    food = lex.match(text, ("food",), boundary)  # millet is Xiaomi only in a business context
    assert food == lex._match(text, ("food",), boundary)
    assert len(food) == len(lex.match(text, BUSINESS, boundary)) - 40
    other = text.replace("Xiaomi", "Honor")
    assert lex.match(other, BUSINESS, boundary) == lex._match(other, BUSINESS, boundary)
    assert "_last_match" in lex.__dict__ and "_last_match" not in pickle.loads(pickle.dumps(lex)).__dict__


def test_offsets_of_a_text_with_dropped_quotation_marks():
    """Hits map back to the text's own offsets whether folding dropped characters or not."""
    lex = lexicon.load()
    boundary = get("zh").is_boundary
    for text in ("小米获得“中国制造2025”十佳品质奖，小米发布了澎湃S1", "小米获得中国制造2025十佳品质奖，小米发布了澎湃S1"):
        hits = lex.match(text, BUSINESS, boundary)
        assert [text[s:e] for s, e, _ in hits][-2:] == ["小米", "澎湃S1"]
        assert [eid for _, _, eid in hits] == ["xiaomi", "made-in-china-2025-quality-award", "xiaomi", "surge-s1"]
