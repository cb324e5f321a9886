"""Checks on the data in data/lexicon.yaml (the bilingual lexicon of names).

These test the data file itself, not the loader: shape, allowed classes, unique slug
ids, no plain name shared by two entities, and spot checks of names the corpus uses.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon.yaml"

CLASSES = {
    "Company", "ResearchFirm", "Museum", "Association", "InternalBody", "RetailChannel",
    "Organisation", "Person", "Product", "Smartphone", "Chipset", "ProductSeries",
    "Platform", "Country", "Region", "City", "Award",
    "StockExchange", "Brand", "Vehicle", "Event", "RankingList", "ProductCategory",
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGS = ("en", "zh")

# Ids other parts of the project refer to by name.
REQUIRED_IDS = {
    "xiaomi": "Company", "lei-jun": "Person", "apple": "Company", "facebook": "Company",
    "google": "Company", "alibaba": "Company", "tencent": "Company", "huawei": "Company",
    "idc": "ResearchFirm", "surge-s1": "Chipset", "mi-mix": "Smartphone",
    "mi-mix-2": "Smartphone", "mix-series": "ProductSeries", "india": "Country",
    "indonesia": "Country", "vietnam": "Country", "russia": "Country", "spain": "Country",
    "china": "Country", "france": "Country", "finland": "Country", "germany": "Country",
    "japan": "Country", "usa": "Country", "asean": "Region", "eastern-europe": "Region",
    "southwestern-europe": "Region", "world": "Region", "centre-pompidou": "Museum",
    "design-museum-finland": "Museum", "die-neue-sammlung": "Museum",
    "idea-gold-award": "Award", "if-gold-award": "Award", "red-dot-best-of-the-best": "Award",
    "good-design-best-100": "Award", "made-in-china-2025-quality-award": "Award",
    "quality-person-of-the-year-award": "Award",
    "china-association-for-quality": "Association",
    "quality-management-committee": "InternalBody", "mi-home": "RetailChannel",
    "mi-store": "RetailChannel", "fortune": "Organisation",
}


def _key(name: str) -> str:
    """Comparison key for a name: NFKC, case-folded, inner whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@pytest.fixture(scope="module")
def lexicon() -> dict:
    with LEXICON.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def entities(lexicon) -> list[dict]:
    return lexicon["entities"]


@pytest.fixture(scope="module")
def by_id(entities) -> dict[str, dict]:
    return {e["id"]: e for e in entities}


def _context_names(e: dict) -> set[tuple[str, str]]:
    return {(c["lang"], _key(c["alias"])) for c in e.get("context_aliases") or []}


def _plain_names(e: dict) -> list[tuple[str, str]]:
    """(lang, key) of the names that match without context: labels and aliases,
    except a label that is itself listed as a context alias."""
    ctx = _context_names(e)
    names = []
    for lang in LANGS:
        if (lang, _key(e[lang])) not in ctx:
            names.append((lang, _key(e[lang])))
        names += [(lang, _key(a)) for a in (e.get("aliases") or {}).get(lang, [])]
    return names


def _plain_index(entities) -> dict[tuple[str, str], set[str]]:
    index = defaultdict(set)
    for e in entities:
        for name in _plain_names(e):
            index[name].add(e["id"])
    return index


def test_top_level_shape(lexicon):
    assert lexicon["version"] == 1
    assert isinstance(lexicon["entities"], list) and len(lexicon["entities"]) >= 300


def test_every_entry_has_required_fields(entities):
    allowed = {"id", "class", "wikidata", "en", "zh", "aliases", "context_aliases"}
    for e in entities:
        assert set(e) <= allowed, (e.get("id"), set(e) - allowed)
        for field in ("id", "class", "en", "zh"):
            assert isinstance(e.get(field), str) and e[field].strip(), (e.get("id"), field)
            assert e[field] == e[field].strip(), (e["id"], field, e[field])


def test_aliases_are_lists_of_strings(entities):
    for e in entities:
        aliases = e.get("aliases") or {}
        assert set(aliases) <= set(LANGS), (e["id"], set(aliases))
        for lang, names in aliases.items():
            assert isinstance(names, list), (e["id"], lang)
            for a in names:
                assert isinstance(a, str) and a.strip() == a and a, (e["id"], lang, a)


def test_context_aliases_shape(entities):
    for e in entities:
        for c in e.get("context_aliases") or []:
            assert set(c) == {"lang", "alias", "context"}, (e["id"], c)
            assert c["lang"] in LANGS, (e["id"], c)
            assert isinstance(c["alias"], str) and c["alias"].strip(), (e["id"], c)
            assert isinstance(c["context"], list) and c["context"], (e["id"], c)
            assert all(isinstance(w, str) and w for w in c["context"]), (e["id"], c)


def test_classes_are_allowed(entities):
    bad = [(e["id"], e["class"]) for e in entities if e["class"] not in CLASSES]
    assert not bad


def test_ids_are_unique_slugs(entities):
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids)), sorted(i for i in set(ids) if ids.count(i) > 1)
    assert not [i for i in ids if not SLUG.match(i)]


def test_no_duplicate_names_within_an_entity(entities):
    for e in entities:
        for lang in LANGS:
            names = [e[lang]] + (e.get("aliases") or {}).get(lang, [])
            assert len(names) == len(set(names)), (e["id"], lang, names)


def test_no_plain_name_maps_to_two_entities(entities):
    clashes = {name: ids for name, ids in _plain_index(entities).items() if len(ids) > 1}
    assert not clashes, clashes


def test_context_alias_is_not_another_entitys_name(entities):
    plain = _plain_index(entities)
    owners = defaultdict(set)
    for e in entities:
        for name in _context_names(e):
            owners[name].add(e["id"])
            other = plain.get(name, set()) - {e["id"]}
            assert not other, (e["id"], name, other)
    shared = {name: ids for name, ids in owners.items() if len(ids) > 1}
    assert not shared, shared


# kg/lexicon.py matches every language through one table, after dropping quotation
# marks and lower-casing ASCII; names must stay distinct under that folding too.
_QUOTES = set("“”‘’「」『』《》\"")


def _loader_fold(name: str) -> str:
    return "".join(ch.lower() if ch.isascii() else ch for ch in name if ch not in _QUOTES)


def test_names_distinct_across_languages_after_folding(entities):
    owners = defaultdict(set)
    for e in entities:
        names = [e["en"], e["zh"]]
        for lang in LANGS:
            names += (e.get("aliases") or {}).get(lang, [])
        names += [c["alias"] for c in e.get("context_aliases") or []]
        for n in names:
            owners[_loader_fold(n)].add(e["id"])
    shared = {k: ids for k, ids in owners.items() if len(ids) > 1}
    assert not shared, shared


@pytest.mark.parametrize("word", ["财富", "时代", "联通", "北大"])
def test_common_words_are_not_plain_names_after_folding(entities, word):
    hits = [e["id"] for e in entities for _, n in _plain_names(e) if _loader_fold(n) == word]
    assert not hits


def test_project_loader_accepts_the_file():
    lexicon_module = pytest.importorskip("kg.lexicon")
    lex = lexicon_module.load(LEXICON)
    assert {"xiaomi", "surge-s1", "world"} <= set(lex.entities)


def test_no_single_character_plain_zh_names(entities):
    bad = [(e["id"], n) for e in entities for lang, n in _plain_names(e) if lang == "zh" and len(n) < 2]
    assert not bad


@pytest.mark.parametrize("name", ["国内", "mi", "us", "board", "小", "美", "中"])
def test_forbidden_plain_names(entities, name):
    assert not [e["id"] for e in entities if any(n == _key(name) for _, n in _plain_names(e))]


def test_required_ids_and_classes(by_id):
    missing = sorted(set(REQUIRED_IDS) - set(by_id))
    assert not missing
    wrong = {i: by_id[i]["class"] for i, cls in REQUIRED_IDS.items() if by_id[i]["class"] != cls}
    assert not wrong


@pytest.mark.parametrize(
    "lang,name,entity_id",
    [
        ("zh", "阿里", "alibaba"),
        ("zh", "阿里巴巴", "alibaba"),
        ("en", "Ali", "alibaba"),
        ("zh", "澎湃S1", "surge-s1"),
        ("en", "Surge S1", "surge-s1"),
        ("zh", "印尼", "indonesia"),
        ("zh", "东盟", "asean"),
        ("zh", "东盟国家", "asean"),
        ("zh", "蓬皮杜艺术中心", "centre-pompidou"),
        ("zh", "芬兰国家设计博物馆", "design-museum-finland"),
        ("zh", "慕尼黑国际设计博物馆", "die-neue-sammlung"),
        ("zh", "小米MIX 2", "mi-mix-2"),
        ("zh", "小米MIX", "mi-mix"),
        ("zh", "小米MIX系列", "mix-series"),
        ("zh", "雷军", "lei-jun"),
        ("en", "Lei Jun", "lei-jun"),
        ("zh", "IDC", "idc"),
        ("zh", "Facebook", "facebook"),
        ("zh", "Google", "google"),
        ("zh", "腾讯", "tencent"),
        ("zh", "华为", "huawei"),
        ("zh", "俄罗斯", "russia"),
        ("zh", "西班牙", "spain"),
        ("zh", "越南", "vietnam"),
        ("zh", "东欧", "eastern-europe"),
        ("zh", "西南欧", "southwestern-europe"),
        ("en", "Eastern European", "eastern-europe"),
        ("zh", "全球", "world"),
        ("zh", "世界", "world"),
        ("en", "worldwide", "world"),
        ("zh", "美国IDEA设计金奖", "idea-gold-award"),
        ("zh", "德国iF设计金奖", "if-gold-award"),
        ("zh", "德国红点最佳设计奖", "red-dot-best-of-the-best"),
        ("zh", "日本Good Design Best 100", "good-design-best-100"),
        ("zh", "中国制造2025十佳品质奖", "made-in-china-2025-quality-award"),
        ("zh", "年度质量人物奖", "quality-person-of-the-year-award"),
        ("zh", "中国质量协会", "china-association-for-quality"),
        ("zh", "质量管理委员会", "quality-management-committee"),
        ("zh", "小米之家", "mi-home"),
        ("zh", "小米商城", "mi-store"),
        ("en", "Xiaomi Company", "xiaomi"),
    ],
)
def test_spot_check_plain_names(entities, lang, name, entity_id):
    assert _plain_index(entities).get((lang, _key(name))) == {entity_id}


@pytest.mark.parametrize(
    "lang,name,entity_id",
    [
        ("en", "millet", "xiaomi"),
        ("zh", "苹果", "apple"),
        ("en", "Indian", "india"),
        ("en", "Chinese", "china"),
        ("en", "red rice", "redmi"),
    ],
)
def test_spot_check_context_aliases(by_id, entities, lang, name, entity_id):
    assert (lang, _key(name)) in _context_names(by_id[entity_id])
    # and it is not a plain name of anything, so it only matches in context
    assert (lang, _key(name)) not in _plain_index(entities)


def test_millet_context_is_technology_or_business(by_id):
    (millet,) = [c for c in by_id["xiaomi"]["context_aliases"] if c["alias"] == "millet"]
    assert millet["lang"] == "en"
    assert {"technology", "business"} <= set(millet["context"])


def test_domestic_is_not_china(by_id):
    names = [by_id["china"]["zh"]] + by_id["china"]["aliases"]["zh"]
    assert "国内" not in names
