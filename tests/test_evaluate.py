"""Gold fact lists (kg/gold.py), scoring (kg/evaluate.py) and `kg eval`.

Three layers:

* the gold format: the README's example loads, bad gold is one clear DataFileError naming the file;
* scoring on hand-made graphs (no build): exact precision/recall, strict vs lenient, inverse and
  symmetric properties, value tolerance, scopes, the maximum matching;
* a planted corpus built once (an English and a Chinese document, gold written here): a false
  positive (a fact the gold omits), a miss (a gold fact the text does not support), a wrong
  period (lenient, not strict), names written as labels, aliases or in the other language, a
  candidate fact, and the `kg eval` command on it.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import evaluate, gold
from kg.cli import main
from kg.errors import (
    EXIT_DATA,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_VIOLATIONS,
    DataFileError,
    InputError,
)
from kg.evaluate import ID, Extracted, GraphFacts
from kg.gold import GoldDocument, GoldFact

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "data" / "eval" / "README.md"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# ====================================================================== the gold format

def _readme_example() -> str:
    """The YAML example of the README's "Gold format" section."""
    section = README.read_text(encoding="utf-8").split("## Gold format", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_is_valid_gold_and_reads_as_documented(tmp_path):
    doc = _write(tmp_path / "docs" / "byd-profile-zh.txt",
                 "比亚迪成立于1995年2月，由王传福创立。全年营业收入6023.15亿元，位居全球新能源汽车销量第一。\n")
    path = _write(tmp_path / "gold" / "byd-profile-zh.yaml", _readme_example())
    (g,) = gold.load(path, doc.parent)
    assert (g.doc_id, g.document, g.language, g.kind) == ("byd-profile-zh", "byd-profile-zh.txt", "zh", "profile")
    assert str(g.date) == "2024-03-28"
    founded, founder, revenue, rank = g.facts
    assert (founded.kind, founded.subject, founded.obj, founded.core) == ("relation", ("比亚迪",), ("1995-02",), True)
    assert (founder.relation, founder.subject, founder.obj) == ("founderOf", ("王传福",), ("比亚迪",))
    assert revenue.kind == "quantity" and revenue.value == Decimal("602315000000")
    assert (revenue.unit, revenue.bound, revenue.period) == ("CNY", "Exact", "2023")
    assert rank.kind == "position" and rank.rank == 1 and rank.scope == ("world",)
    assert rank.category == ("new energy vehicles",) and rank.core is False
    assert [f.index for f in g.facts] == [1, 2, 3, 4]


def test_documented_relations_are_the_readme_tables():
    """gold.DOCUMENTED is what data/eval/README.md's relation and metric tables list."""
    text = README.read_text(encoding="utf-8")
    tables = text.split("### Relations", 1)[1].split("### Ranks and goals", 1)[0]
    names = {"rank", "goal"}
    for line in tables.splitlines():
        if line.startswith("| `"):
            names |= set(re.findall(r"`([A-Za-z]+)`", line.split("|")[1]))
    assert names == gold.DOCUMENTED


def test_every_documented_name_is_an_ontology_relation_or_metric():
    relations, metrics, units = gold._kinds()
    assert gold.DOCUMENTED - {"rank", "goal"} <= relations | metrics
    assert {"CNY", "USD", "Percent", "Count"} <= units
    assert "Revenue" in metrics and "founderOf" in relations and "Revenue" not in relations


@pytest.mark.parametrize("text, key", [
    ("2023", "2023"), ("2023-H1", "2023-H1"), ("2023-Q3", "2023-Q3"), ("2023-09", "2023-09"),
    ("2023-09-12", "2023-09-12"), ("since 2017-Q3", "since-2017-Q3"), ("by 2020", "by-2020"),
    (" 2024 ", "2024"),
    ("2023-13", ""), ("2023-00", ""), ("2023-02-30", ""), ("2023-Q5", ""), ("2023-Q3-01", ""),
    ("2023-H1-05", ""), ("FY2023", ""), ("2023 Q3", ""), ("", ""), ("since2017", ""), ("23", ""),
])
def test_gold_period_keys(text, key):
    assert gold.period_key(text) == key


def test_yaml_dates_numbers_and_name_lists_are_read(tmp_path):
    """Unquoted YAML dates (parsed as dates), numbers as strings with commas, lists of names."""
    path = _write(tmp_path / "d.yaml", """
        document: d.txt
        language: en
        facts:
          - subject: [Xiaomi, 小米]
            relation: foundedOn
            object: 2010-04-06
            quote: q
          - subject: Xiaomi
            relation: Revenue
            value: "1,146,000"
            unit: CNY
            bound: Approximate
            period: 2023-09-12
            scope: [China, 中国]
            quote: q
          - subject: 360
            relation: goal
            rank: 3
            period: by 2025
            quote: q
          - subject: Lei Jun
            relation: executiveOf
            object: Xiaomi
            title: senior vice president
            note: not scored
            quote: q
        """)
    g = gold.load_file(path)
    assert g.date is None and g.kind == ""
    f1, f2, f3, f4 = g.facts
    assert f1.subject == ("Xiaomi", "小米") and f1.obj == ("2010-04-06",)
    assert f2.value == Decimal("1146000") and f2.bound == "Approximate" and f2.period == "2023-09-12"
    assert f2.scope == ("China", "中国") and f2.core is False
    assert f3.kind == "goal" and f3.subject == ("360",) and f3.rank == 3 and f3.period == "by-2025"
    assert f4.title == "senior vice president" and f4.kind == "relation"


GOOD_FACT = """
  - subject: Xiaomi
    relation: founderOf
    object: Lei Jun
    quote: Xiaomi
"""

# (gold file text, words the message must hold); every case is a DataFileError naming the file
BAD_GOLD = {
    "malformed-yaml": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: [Xiaomi\n    relation: x\n", ["invalid YAML", "d.yaml:5, column"]),
    "not-a-mapping": ("- just\n- a list\n", ["expected a mapping"]),
    "no-document": ("language: en\nfacts: []\n", ["missing required key 'document'"]),
    "bad-language": ("document: d.txt\nlanguage: fr\nfacts: []\n", ["language 'fr' is not supported"]),
    "bad-date": ("document: d.txt\nlanguage: en\ndate: last year\nfacts: []\n", ["is not a date"]),
    "no-facts": ("document: d.txt\nlanguage: en\n", ["missing required key 'facts'"]),
    "facts-not-list": ("document: d.txt\nlanguage: en\nfacts: {a: 1}\n", ["'facts' should be list"]),
    "fact-not-mapping": ("document: d.txt\nlanguage: en\nfacts:\n  - just text\n", ["fact #1", "expected a mapping"]),
    "no-subject": ("document: d.txt\nlanguage: en\nfacts:\n  - relation: founderOf\n    object: X\n    quote: Xiaomi\n",
                   ["fact #1", "missing required key 'subject'"]),
    "no-relation": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    object: Y\n    quote: Xiaomi\n",
                    ["fact #1", "missing required key 'relation'"]),
    "no-quote": ("document: d.txt\nlanguage: en\nfacts:" + GOOD_FACT + "  - subject: X\n    relation: founderOf\n    object: Y\n",
                 ["fact #2", "missing required key 'quote'"]),
    "unknown-relation": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: foundedBy\n    object: Y\n    quote: Xiaomi\n",
                         ["fact #1", "'foundedBy' is neither a relation nor a metric"]),
    "unknown-metric": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: revenue\n    value: 1\n    unit: CNY\n    quote: Xiaomi\n",
                       ["'revenue' is neither a relation nor a metric"]),
    "unknown-field": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: founderOf\n    object: Y\n    quote: Xiaomi\n    objet: Z\n",
                      ["fact #1", "unknown field(s) objet"]),
    "relation-without-object": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: founderOf\n    quote: Xiaomi\n",
                                ["relation founderOf needs an 'object'"]),
    "metric-without-value": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: Revenue\n    unit: CNY\n    quote: Xiaomi\n",
                             ["metric Revenue needs a 'value'"]),
    "value-without-unit": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: Revenue\n    value: 5\n    quote: Xiaomi\n",
                           ["a value needs a 'unit'"]),
    "value-not-a-number": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: Revenue\n    value: 1146亿\n    unit: CNY\n    quote: Xiaomi\n",
                           ["'value' should be a number"]),
    "value-bool": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: Revenue\n    value: true\n    unit: CNY\n    quote: Xiaomi\n",
                   ["'value' should be a number"]),
    "bad-unit": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: Revenue\n    value: 5\n    unit: RMB\n    quote: Xiaomi\n",
                 ["unit 'RMB' is not an ontology unit"]),
    "bad-bound": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: Revenue\n    value: 5\n    unit: CNY\n    bound: over\n    quote: Xiaomi\n",
                  ["bound 'over' is not one of"]),
    "rank-without-rank": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: rank\n    scope: China\n    quote: Xiaomi\n",
                          ["a rank needs 'rank'"]),
    "rank-zero": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: rank\n    rank: 0\n    quote: Xiaomi\n",
                  ["rank 0 should be a positive whole number"]),
    "goal-without-target": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: goal\n    period: \"2025\"\n    quote: Xiaomi\n",
                            ["a goal needs a 'rank' or a 'value'"]),
    "bad-period": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: releases\n    object: Y\n    period: Q3 2023\n    quote: Xiaomi\n",
                   ["period 'Q3 2023' is not valid"]),
    "founded-on-not-a-date": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: X\n    relation: foundedOn\n    object: April\n    quote: Xiaomi\n",
                              ["foundedOn object 'April' is not a date"]),
    "empty-subject": ("document: d.txt\nlanguage: en\nfacts:\n  - subject: []\n    relation: founderOf\n    object: Y\n    quote: Xiaomi\n",
                      ["'subject' should be a name or a list of names"]),
    "quote-not-in-document": ("document: d.txt\nlanguage: en\nfacts:" + GOOD_FACT.replace("quote: Xiaomi", "quote: Xiaomi was founded"),
                              ["the quote 'Xiaomi was founded' is not in d.txt"]),
}


@pytest.mark.parametrize("case", sorted(BAD_GOLD))
def test_bad_gold_is_a_data_file_error_naming_the_file(tmp_path, case):
    text, words = BAD_GOLD[case]
    _write(tmp_path / "docs" / "d.txt", "Xiaomi is a company.\n")
    path = tmp_path / "gold" / "d.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        gold.load(tmp_path / "gold", tmp_path / "docs")
    msg = exc.value.message
    assert exc.value.exit_code == EXIT_DATA
    assert msg.startswith(str(path)) and "\n" not in msg
    for w in words:
        assert w in msg, (w, msg)


def test_quotes_are_only_checked_against_a_document(tmp_path):
    path = _write(tmp_path / "d.yaml", "document: d.txt\nlanguage: en\nfacts:" + GOOD_FACT.replace("quote: Xiaomi", "quote: nowhere"))
    assert len(gold.load(path)[0].facts) == 1  # no documents: the format only
    _write(tmp_path / "d.txt", "Xiaomi\r\nis here.\n")
    with pytest.raises(DataFileError, match="the quote 'nowhere' is not in d.txt"):
        gold.load(path, tmp_path / "d.txt")  # a single document file
    # a quote across a CRLF line end matches the document read with \n line ends
    _write(tmp_path / "e.yaml", "document: d.txt\nlanguage: en\nfacts:" + GOOD_FACT.replace("quote: Xiaomi", 'quote: "Xiaomi\\nis here"'))
    (tmp_path / "d.txt").write_bytes("\ufeffXiaomi\r\nis here.\n".encode("utf-8"))
    assert gold.load(tmp_path / "e.yaml", tmp_path)[0].facts[0].quote == "Xiaomi\nis here"


def test_missing_gold_and_empty_folder_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such gold file or folder") as exc:
        gold.load(tmp_path / "missing.yaml")
    assert str(tmp_path / "missing.yaml") in exc.value.message and exc.value.exit_code == EXIT_INPUT
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no gold .yaml files"):
        gold.load(tmp_path / "empty")


def test_two_gold_files_for_one_document_and_a_document_that_is_not_there(tmp_path):
    body = "document: d.txt\nlanguage: en\nfacts:" + GOOD_FACT
    _write(tmp_path / "gold" / "a.yaml", body)
    _write(tmp_path / "gold" / "b.yaml", body)
    with pytest.raises(DataFileError, match="several gold files name the document"):
        gold.load(tmp_path / "gold")
    (tmp_path / "docs").mkdir()
    with pytest.raises(DataFileError, match="document 'd.txt' is not in") as exc:
        gold.load(tmp_path / "gold", tmp_path / "docs")
    assert exc.value.message.startswith(str(tmp_path / "gold" / "a.yaml"))


# ====================================================================== scoring, on hand-made graphs

X, LEI, BJ, SU7, QC, LNV, CN, PHONES = (ID + n for n in ("xiaomi", "lei-jun", "beijing", "su7", "qualcomm",
                                                         "lenovo", "china", "smartphones"))
NAMES = {X: {"xiaomi", "小米"}, LEI: {"leijun", "雷军"}, BJ: {"beijing", "北京"}, SU7: {"xiaomisu7", "su7"},
         QC: {"qualcomm"}, LNV: {"lenovo", "联想"}, CN: {"china", "中国"}, PHONES: {"smartphones"}}
LABELS = {X: "Xiaomi", LEI: "Lei Jun", BJ: "Beijing", SU7: "Xiaomi SU7", QC: "Qualcomm", LNV: "Lenovo", CN: "China"}
INVERSE = {"releases": "releasedBy", "releasedBy": "releases"}


def gf(relation, subject, obj=(), kind="relation", doc="d", index=1, **kw) -> GoldFact:
    as_tuple = lambda v: (v,) if isinstance(v, str) else tuple(v)  # noqa: E731
    for key in ("scope", "category"):
        if key in kw:
            kw[key] = as_tuple(kw[key])
    if "value" in kw:
        kw["value"] = Decimal(str(kw["value"]))
    return GoldFact(doc=doc, index=index, kind=kind, subject=as_tuple(subject), relation=relation,
                    obj=as_tuple(obj) if obj else (), quote=kw.pop("quote", "q"), **kw)


def ex(relation, subject, obj="", kind="relation", doc="d", iri="f", **kw) -> Extracted:
    if "value" in kw:
        kw["value"] = Decimal(str(kw["value"]))
    return Extracted(doc=doc, iri=ID + "fact/" + iri, kind=kind, subject=subject, relation=relation, obj=obj, **kw)


def graph(*facts, inverse=INVERSE, symmetric=frozenset({"partnerOf"})) -> GraphFacts:
    by_doc: dict = {}
    for e in facts:
        by_doc.setdefault(e.doc, []).append(e)
    return GraphFacts(by_doc, NAMES, LABELS, dict(inverse), set(symmetric))


def doc(*facts, doc_id="d") -> GoldDocument:
    return GoldDocument(doc_id, Path(f"{doc_id}.yaml"), f"{doc_id}.txt", "en", "news", None,
                        tuple(GoldFact(**{**vars(f), "index": n, "doc": doc_id}) for n, f in enumerate(facts, 1)))


def test_normalise_ignores_case_width_spaces_punctuation_and_company_endings():
    n = evaluate.normalise
    assert n("Apple Inc.") == n("apple") == n("APPLE") == "apple"
    assert n("Xiaomi Corporation") == n("ＸＩＡＯＭＩ") == n(" xiao-mi ") == "xiaomi"
    assert n("小米集团") == n("小米") == n("小米公司") == "小米"
    assert n("比亚迪股份有限公司") == "比亚迪" and n("腾讯控股") == "腾讯"
    assert n("The Coca-Cola Company") == "cocacola"
    assert n("Lenovo Group Limited") == n("Lenovo Holdings Ltd") == "lenovo"
    assert n("AT&T") == "atandt"
    assert n("Worldwide") == n("global") == n("全球") == n("世界") == n("the world") == "world"
    assert n("Group") == "group" and n("Co") == "co"  # an ending alone is a name
    assert n("Xiaomi") != n("Lenovo")


@pytest.mark.parametrize("key, expected", [
    ("asof-2018-02-07", "2018-02-07"), ("2017-late", "2017"), ("2017-early", "2017"), ("2023-mid", "2023"),
    ("by-2019-Q4", "2019-Q4"), ("within-2025", "2025"), ("since-2017-Q3", "since-2017-Q3"),
    ("undated", ""), ("", ""), ("2023-H1", "2023-H1"),
])
def test_extracted_period_keys_in_the_golds_terms(key, expected):
    assert evaluate.period_key(key) == expected


def test_scores_false_positives_misses_and_tables_on_a_small_graph():
    g = graph(
        ex("founderOf", LEI, X, iri="1"),
        ex("headquarteredIn", X, BJ, iri="2"),
        ex("Revenue", X, kind="quantity", value=100, unit="CNY", bound="Exact", period="2022", iri="3",
           quotes=("revenue was 100",), confidence=0.9),
        ex("chairOf", LEI, X, iri="4", quotes=("Lei Jun is the chairman",), confidence=0.8),
        ex("employs", X, LEI, iri="5"),  # a kind no gold covers: counted apart, not scored
        ex("headquarteredIn", LNV, BJ, doc="other", iri="6"),
    )
    golds = [doc(
        gf("founderOf", "Lei Jun", "Xiaomi", core=True),
        gf("headquarteredIn", "Xiaomi", "Beijing"),
        gf("Revenue", "Xiaomi", kind="quantity", value=100, unit="CNY", period="2023", core=True),
        gf("ceoOf", "Lei Jun", "Xiaomi", core=True, quote="Lei Jun"),
    )]
    r = evaluate.score(g, golds)
    d = r.as_dict()
    o = d["overall"]
    assert (o["extracted"], o["gold"], o["core"]) == (4, 4, 3)
    assert o["strict"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "matched": 2, "core_recall": 0.3333}
    assert o["lenient"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75, "matched": 3, "core_recall": 0.6667}
    rel = d["by_relation"]
    assert (rel["founderOf"]["extracted"], rel["founderOf"]["gold"], rel["founderOf"]["strict"]["f1"]) == (1, 1, 1.0)
    assert (rel["Revenue"]["strict"]["matched"], rel["Revenue"]["lenient"]["matched"]) == (0, 1)
    assert (rel["ceoOf"]["extracted"], rel["ceoOf"]["gold"], rel["ceoOf"]["strict"]["recall"]) == (0, 1, 0.0)
    assert (rel["chairOf"]["extracted"], rel["chairOf"]["gold"], rel["chairOf"]["strict"]["precision"]) == (1, 0, 0.0)
    assert "employs" not in rel and d["unscored_relations"] == {"employs": 1}
    assert list(d["by_document"]) == ["d"] and d["by_document"]["d"]["strict"]["matched"] == 2
    assert d["documents_without_gold"] == ["other"]

    fps = {fp["fact"]: fp for fp in d["false_positives"]}
    assert set(fps) == {"Xiaomi | Revenue | 100 CNY | period=2022", "Lei Jun | chairOf | Xiaomi"}
    chair = fps["Lei Jun | chairOf | Xiaomi"]
    assert chair["quotes"] == ["Lei Jun is the chairman"] and chair["confidence"] == 0.8
    assert chair["nearest_gold"] is None and chair["wrong"] is None
    rev = fps["Xiaomi | Revenue | 100 CNY | period=2022"]
    assert rev["nearest_gold"] == "Xiaomi | Revenue | 100 CNY | period=2023" and rev["wrong"] == ["period"]

    misses = {m["gold"]: m for m in d["misses"]}
    assert set(misses) == {"Lei Jun | ceoOf | Xiaomi", "Xiaomi | Revenue | 100 CNY | period=2023"}
    assert misses["Lei Jun | ceoOf | Xiaomi"] == {"document": "d", "gold": "Lei Jun | ceoOf | Xiaomi", "core": True,
                                                  "quote": "Lei Jun", "nearest_extracted": None, "wrong": None}
    assert misses["Xiaomi | Revenue | 100 CNY | period=2023"]["wrong"] == ["period"]
    assert misses["Xiaomi | Revenue | 100 CNY | period=2023"]["nearest_extracted"] == "Xiaomi | Revenue | 100 CNY | period=2022"

    text = evaluate.format_report(r)
    assert re.search(r"^strict\s+0\.500\s+0\.500\s+0\.500\s+0\.333\s+matched 2$", text, re.M)
    assert re.search(r"^lenient\s+0\.750\s+0\.750\s+0\.750\s+0\.667\s+matched 3$", text, re.M)
    assert "extracted 4, gold 4 (3 core)" in text
    assert re.search(r"^founderOf\s+1\s+1\s+1\.00\s+1\.00\s+1\.00", text, re.M)
    assert "false positives (strict): 2" in text and "misses (strict): 2" in text
    assert "  d: Lei Jun | chairOf | Xiaomi\n      « Lei Jun is the chairman »" in text
    assert "[wrong period of: Xiaomi | Revenue | 100 CNY | period=2023]" in text
    assert "  d: *Lei Jun | ceoOf | Xiaomi\n      « Lei Jun »" in text
    assert "not scored (no gold covers these kinds): employs 1" in text
    assert "documents without a gold file (not scored): other" in text
    summary = evaluate.format_report(r, summary=True)
    assert "by relation (strict)" in summary and "by document" not in summary and "false positives" not in summary
    limited = evaluate.format_report(r, limit=1)
    assert "false positives (strict): 2, first 1" in limited and "misses (strict): 2, first 1" in limited


def test_empty_extraction_scores_zero_without_dividing_by_zero():
    r = evaluate.score(graph(), [doc(gf("founderOf", "Lei Jun", "Xiaomi"))]).as_dict()["overall"]
    assert r["extracted"] == 0 and r["strict"]["precision"] == r["strict"]["f1"] == 0.0
    assert r["strict"]["core_recall"] is None  # no core facts
    assert evaluate.score(graph(), []).as_dict()["overall"]["gold"] == 0


def test_inverse_and_symmetric_properties_match_in_either_direction():
    m = evaluate.Matcher(graph())
    gold_release = gf("releases", "Xiaomi", "Xiaomi SU7")
    assert m.strict(gold_release, ex("releases", X, SU7))
    assert m.strict(gold_release, ex("releasedBy", SU7, X))
    assert not m.lenient(gold_release, ex("releases", SU7, X))  # not symmetric
    assert not m.lenient(gold_release, ex("develops", X, SU7))
    partner = gf("partnerOf", "Xiaomi", "Qualcomm")
    assert m.strict(partner, ex("partnerOf", QC, X))
    assert not evaluate.Matcher(graph(symmetric=())).lenient(partner, ex("partnerOf", QC, X))
    assert m.lenient(gf("founderOf", ["Jun Lei", "雷军"], "小米"), ex("founderOf", LEI, X))
    assert not m.lenient(gf("founderOf", "Lei Jun", "Lenovo"), ex("founderOf", LEI, X))
    # an entity without a label is named by its IRI's last part
    assert m.lenient(gf("founderOf", "Lei Jun", "Redmi"), ex("founderOf", LEI, ID + "redmi"))
    founded = gf("foundedOn", "Xiaomi", "2010-04")
    assert m.strict(founded, ex("foundedOn", X, "2010-04"))
    assert not m.lenient(founded, ex("foundedOn", X, "2010"))


def test_values_units_bounds_and_scopes():
    m = evaluate.Matcher(graph())
    rev = gf("Revenue", "Xiaomi", kind="quantity", value=271_000_000_000, unit="CNY", bound="Exact", period="2023")
    base = dict(kind="quantity", unit="CNY", bound="Exact", period="2023")
    assert m.strict(rev, ex("Revenue", X, value=271_000_000_000, **base))
    assert m.strict(rev, ex("Revenue", X, value=271_500_000_000, **base))  # within 0.5 %
    assert not m.lenient(rev, ex("Revenue", X, value=280_000_000_000, **base))
    assert not m.lenient(rev, ex("NetProfit", X, value=271_000_000_000, **base))
    assert m.differences(rev, ex("Revenue", X, value=271e9, **{**base, "unit": "USD"})) == ["unit"]
    assert m.differences(rev, ex("Revenue", X, value=271e9, **{**base, "bound": "LowerBound"})) == ["bound"]
    assert m.differences(rev, ex("Revenue", X, value=271e9, **{**base, "period": ""})) == ["period"]
    # no scope, "world" and "global" are one; a country is not the world
    assert m.strict(rev, ex("Revenue", X, value=271e9, scope=ID + "world", **base))
    assert m.differences(rev, ex("Revenue", X, value=271e9, scope=CN, **base)) == ["scope"]
    world = gf("MarketShare", "Xiaomi", kind="quantity", value=13, unit="Percent", scope="global")
    assert m.strict(world, ex("MarketShare", X, kind="quantity", value=13, unit="Percent", bound="Exact"))
    china = gf("MarketShare", "Xiaomi", kind="quantity", value=13, unit="Percent", scope=["China", "中国"])
    assert m.strict(china, ex("MarketShare", X, kind="quantity", value=13, unit="Percent", bound="Exact", scope=CN))
    assert m.differences(china, ex("MarketShare", X, kind="quantity", value=13, unit="Percent", bound="Exact")) == ["scope"]
    # a gold without a period accepts any period
    assert m.strict(gf("Revenue", "Xiaomi", kind="quantity", value=5, unit="CNY"),
                    ex("Revenue", X, kind="quantity", value=5, unit="CNY", bound="Exact", period="2019"))
    # an acquisition's price is checked strictly when the gold gives one
    deal = gf("acquired", "Xiaomi", "Lenovo", value=100, unit="USD")
    assert m.strict(deal, ex("acquired", X, LNV, value=100, unit="USD"))
    assert m.differences(deal, ex("acquired", X, LNV)) == ["value"]


def test_ranks_and_goals():
    m = evaluate.Matcher(graph())
    rank = gf("rank", "Xiaomi", kind="position", rank=2, scope="China", category="smartphones", period="2023-Q4")
    right = dict(kind="position", rank=2, scope=CN, category=PHONES, period="2023-Q4")
    assert m.strict(rank, ex("rank", X, **right))
    assert not m.lenient(rank, ex("rank", X, **{**right, "rank": 3}))
    assert m.differences(rank, ex("rank", X, **{**right, "category": ""})) == ["category"]
    assert m.differences(rank, ex("rank", X, **{**right, "scope": ""})) == ["scope"]
    top5 = gf("rank", "Xiaomi", kind="position", rank=5, bound="UpperBound")
    assert m.strict(top5, ex("rank", X, kind="position", rank=5, bound="UpperBound"))
    assert m.differences(top5, ex("rank", X, kind="position", rank=5)) == ["bound"]
    assert m.strict(gf("rank", "Xiaomi", kind="position", rank=1), ex("rank", X, kind="position", rank=1))  # bound '' = exact
    # a goal "by 2025" matches the extracted deadline 2025 (the "by" is dropped on both sides)
    goal = gf("goal", "Xiaomi", kind="goal", rank=1, period="by-2025", scope="world")
    assert m.strict(goal, ex("goal", X, kind="goal", rank=1, period=evaluate.period_key("by-2025")))
    assert m.differences(goal, ex("goal", X, kind="goal", rank=1, period="2030")) == ["period"]
    money = gf("goal", "Xiaomi", kind="goal", value=10**11, unit="CNY")
    assert m.strict(money, ex("goal", X, kind="goal", value=10**11, unit="CNY"))
    assert m.differences(money, ex("goal", X, kind="goal", value=10**11, unit="USD")) == ["unit"]
    assert not m.lenient(rank, ex("goal", X, kind="goal", rank=2))  # a goal is no rank


def test_each_gold_fact_is_credited_once_by_a_maximum_matching():
    # the first gold fact fits both extracted facts, the second only the first: a greedy pairing
    # would give 1, the maximum matching gives 2
    g = graph(ex("headquarteredIn", X, BJ, iri="1"), ex("headquarteredIn", LNV, BJ, iri="2"))
    r = evaluate.score(g, [doc(gf("headquarteredIn", ["Xiaomi", "Lenovo"], "Beijing"),
                               gf("headquarteredIn", "Xiaomi", "Beijing"))]).as_dict()
    assert r["overall"]["strict"]["matched"] == 2 and not r["misses"] and not r["false_positives"]
    # a fact listed twice in the gold is found once; one extracted fact told twice is one match
    twice = evaluate.score(graph(ex("founderOf", LEI, X)), [doc(gf("founderOf", "Lei Jun", "Xiaomi"),
                                                                 gf("founderOf", "雷军", "小米"))]).as_dict()
    assert twice["overall"]["strict"]["matched"] == 1 and len(twice["misses"]) == 1
    dup = evaluate.score(graph(ex("founderOf", LEI, X, iri="1"), ex("founderOf", LEI, X, iri="2")),
                         [doc(gf("founderOf", "Lei Jun", "Xiaomi"))]).as_dict()
    assert dup["overall"]["strict"]["matched"] == 1 and len(dup["false_positives"]) == 1
    assert dup["overall"]["strict"]["precision"] == 0.5 and dup["overall"]["strict"]["recall"] == 1.0


def test_among_equally_large_matchings_the_one_crediting_core_facts_is_taken():
    # one extracted fact fits two gold facts (the gold lists it twice, once as core): whichever
    # order the gold gives them in, the core one is credited, run after run
    core, plain = gf("founderOf", "Lei Jun", "Xiaomi", core=True), gf("founderOf", "雷军", "小米")
    for golds in ([plain, core], [core, plain]):
        r = evaluate.score(graph(ex("founderOf", LEI, X)), [doc(*golds)]).as_dict()
        assert r["overall"]["strict"]["matched"] == 1 and r["overall"]["strict"]["core_recall"] == 1.0


def test_documents_are_scored_apart():
    """A fact of one document does not match the gold of another."""
    g = graph(ex("founderOf", LEI, X, doc="a"))
    r = evaluate.score(g, [doc(gf("founderOf", "Lei Jun", "Xiaomi"), doc_id="b")]).as_dict()
    assert r["overall"]["strict"]["matched"] == 0 and r["documents_without_gold"] == ["a"]
    assert r["by_document"]["b"]["extracted"] == 0 and r["misses"][0]["document"] == "b"


def test_sweep_keeps_facts_at_least_as_confident_as_each_threshold():
    g = graph(ex("founderOf", LEI, X, iri="1", confidence=0.9), ex("chairOf", LEI, X, iri="2", confidence=0.6))
    rows = {r["threshold"]: r for r in evaluate.sweep(g, [doc(gf("founderOf", "Lei Jun", "Xiaomi"))],
                                                      thresholds=(0.5, 0.6, 0.7, 0.95))}
    assert [rows[t]["extracted"] for t in (0.5, 0.6, 0.7, 0.95)] == [2, 2, 1, 0]
    assert rows[0.5]["precision"] == 0.5 and rows[0.7]["precision"] == 1.0 and rows[0.95]["recall"] == 0.0


# ====================================================================== a planted corpus, built once

DOCS = {
    # the facts in the order that keeps them all asserted (confidence above the candidate threshold),
    # except the launch, which the build leaves as a candidate (its sentence repeats a word, as a garbled one does)
    "xiaomi-news-en.txt": """
        Xiaomi news

        BEIJING, March 5, 2024 — Xiaomi was founded in April 2010 by Lei Jun. In 2023, Xiaomi's revenue was RMB 271 billion. Xiaomi is headquartered in Beijing. Lei Jun is the chairman of Xiaomi. Xiaomi released new released the Xiaomi SU7 in March 2024.
        """,
    "byd-profile-zh.txt": """
        比亚迪简介

        比亚迪成立于1995年2月，由王传福创立，总部位于深圳。2023年比亚迪营业收入6023.15亿元。
        """,
    "extra-en.txt": """
        Lenovo is headquartered in Beijing.
        """,
}

# The chairman fact is left out on purpose (a planted false positive); the CEO fact is not in the
# text (a planted miss); the revenue's period is wrong (lenient, not strict); names are written
# with company endings, in the other language, or as aliases.
GOLD = {
    "xiaomi-news-en.yaml": """
        document: xiaomi-news-en.txt
        language: en
        kind: news
        date: 2024-03-05
        facts:
          - subject: Xiaomi Corporation
            relation: foundedOn
            object: 2010-04
            core: true
            quote: Xiaomi was founded in April 2010
          - subject: 雷军
            relation: founderOf
            object: 小米集团
            core: true
            quote: founded in April 2010 by Lei Jun
          - subject: Xiaomi
            relation: headquarteredIn
            object: Beijing
            core: true
            quote: Xiaomi is headquartered in Beijing
          - subject: Xiaomi
            relation: Revenue
            value: 271000000000
            unit: CNY
            period: "2022"
            core: true
            quote: In 2023, Xiaomi's revenue was RMB 271 billion
          - subject: Lei Jun
            relation: ceoOf
            object: Xiaomi
            core: true
            quote: Lei Jun is the chairman of Xiaomi
            note: planted miss, the text does not say so
          - subject: Xiaomi
            relation: releases
            object: Xiaomi SU7
            period: 2024-03
            core: true
            quote: Xiaomi released new released the Xiaomi SU7 in March 2024
        """,
    "byd-profile-zh.yaml": """
        document: byd-profile-zh.txt
        language: zh
        kind: profile
        facts:
          - subject: BYD Company Limited
            relation: foundedOn
            object: 1995-02
            core: true
            quote: 比亚迪成立于1995年2月
          - subject: Wang Chuanfu
            relation: founderOf
            object: BYD
            core: true
            quote: 由王传福创立
          - subject: [BYD Auto, 比亚迪]
            relation: headquarteredIn
            object: Shenzhen
            quote: 总部位于深圳
          - subject: BYD
            relation: Revenue
            value: 602315000000
            unit: CNY
            period: "2023"
            core: true
            quote: 2023年比亚迪营业收入6023.15亿元
        """,
}

CHAIR_FP = "Jun Lei | chairOf | 小米集团"
CEO_MISS = "Lei Jun | ceoOf | Xiaomi"
REVENUE_GOLD = "Xiaomi | Revenue | 271000000000 CNY | period=2022"
SU7_GOLD = "Xiaomi | releases | Xiaomi SU7 | period=2024-03"


@pytest.fixture(scope="module")
def split(tmp_path_factory) -> Path:
    """A split folder like data/eval/dev: docs/ and gold/."""
    root = tmp_path_factory.mktemp("eval") / "split"
    for name, text in DOCS.items():
        _write(root / "docs" / name, text)
    for name, text in GOLD.items():
        _write(root / "gold" / name, text)
    return root


@pytest.fixture(scope="module")
def store(split):
    from kg import pipeline

    result = pipeline.build([split / "docs"])
    store = evaluate.load_store_from_nquads(result.output.nquads())
    out = split.parent / "build"
    pipeline.write(result, out)
    return store


@pytest.fixture(scope="module")
def graph_file(store, split) -> Path:
    """The planted corpus's graph.trig written by the real writer (for `kg eval --graph`)."""
    return split.parent / "build" / "graph.trig"


@pytest.fixture(scope="module")
def golds(split):
    return gold.load(split / "gold", split / "docs")


@pytest.fixture(scope="module")
def report(store, golds) -> dict:
    return evaluate.score(evaluate.read_graph(store), golds).as_dict()


@pytest.fixture(scope="module")
def candidate_report(store, golds) -> dict:
    return evaluate.score(evaluate.read_graph(store, candidates=True), golds).as_dict()


def test_the_planted_gold_loads(golds):
    assert [g.doc_id for g in golds] == ["byd-profile-zh", "xiaomi-news-en"]
    assert [len(g.facts) for g in golds] == [4, 6]
    assert sum(f.core for g in golds for f in g.facts) == 9


def test_overall_figures_of_the_planted_corpus(report):
    o = report["overall"]
    # xiaomi: 5 asserted facts, 6 gold, 3 strict + the revenue leniently; byd: 4 of 4
    assert (o["extracted"], o["gold"], o["core"]) == (9, 10, 9)
    assert o["strict"]["matched"] == 7 and o["lenient"]["matched"] == 8
    assert o["strict"]["precision"] == round(7 / 9, 4) and o["strict"]["recall"] == 0.7
    assert o["lenient"]["precision"] == round(8 / 9, 4) and o["lenient"]["recall"] == 0.8
    assert o["strict"]["f1"] == round(2 * (7 / 9) * 0.7 / (7 / 9 + 0.7), 4)
    assert o["strict"]["core_recall"] == round(6 / 9, 4)


def test_a_fact_the_gold_omits_is_a_false_positive_with_its_evidence(report):
    (fp,) = [fp for fp in report["false_positives"] if fp["fact"] == CHAIR_FP]
    assert fp["document"] == "xiaomi-news-en"
    assert fp["quotes"] == ["Lei Jun is the chairman of Xiaomi"]
    assert fp["nearest_gold"] is None and fp["confidence"] > 0
    assert report["overall"]["strict"]["precision"] < 1
    assert report["by_relation"]["chairOf"]["gold"] == 0 and report["by_relation"]["chairOf"]["extracted"] == 1


def test_a_gold_fact_the_text_does_not_support_is_a_miss(report):
    (miss,) = [m for m in report["misses"] if m["gold"] == CEO_MISS]
    assert miss == {"document": "xiaomi-news-en", "gold": CEO_MISS, "core": True,
                    "quote": "Lei Jun is the chairman of Xiaomi", "nearest_extracted": None, "wrong": None}
    assert report["overall"]["strict"]["recall"] < 1 and report["overall"]["lenient"]["recall"] < 1
    assert report["by_relation"]["ceoOf"]["strict"]["recall"] == 0.0


def test_a_wrong_period_counts_leniently_but_not_strictly(report):
    rev = report["by_relation"]["Revenue"]
    assert rev["gold"] == 2 and rev["strict"]["matched"] == 1 and rev["lenient"]["matched"] == 2
    (miss,) = [m for m in report["misses"] if m["gold"] == REVENUE_GOLD]
    assert miss["wrong"] == ["period"] and miss["nearest_extracted"] == "小米集团 | Revenue | 271000000000 CNY | period=2023"
    (fp,) = [fp for fp in report["false_positives"] if "Revenue" in fp["fact"]]
    assert fp["nearest_gold"] == REVENUE_GOLD and fp["wrong"] == ["period"]
    assert fp["quotes"] == ["Xiaomi's revenue was RMB 271 billion"]
    x = report["by_document"]["xiaomi-news-en"]
    assert x["lenient"]["matched"] == x["strict"]["matched"] + 1


def test_gold_names_match_labels_aliases_and_the_other_language(report, store):
    """IRI-independent: the Chinese gold names 雷军/小米集团 match the English document's entities,
    English names and aliases (Wang Chuanfu, BYD Company Limited, BYD Auto, Shenzhen) the Chinese
    document's; so the whole Chinese document is right and no Xiaomi founding fact is missed."""
    byd = report["by_document"]["byd-profile-zh"]
    assert (byd["extracted"], byd["gold"]) == (4, 4)
    assert byd["strict"]["precision"] == byd["strict"]["recall"] == 1.0 and byd["strict"]["core_recall"] == 1.0
    assert not [m for m in report["misses"] if m["document"] == "byd-profile-zh"]
    missed = {m["gold"] for m in report["misses"]}
    assert "雷军 | founderOf | 小米集团" not in missed and "Xiaomi Corporation | foundedOn | 2010-04" not in missed
    assert report["by_relation"]["founderOf"]["strict"]["recall"] == 1.0
    # the names are in the graph, not in the IRIs the gold never sees
    g = evaluate.read_graph(store)
    assert {"雷军", "leijun"} <= g.names[ID + "lei-jun"] and "wangchuanfu" in g.names[ID + "wang-chuanfu"]


def test_a_document_without_gold_is_listed_and_not_scored(report):
    assert report["documents_without_gold"] == ["extra-en"]
    assert set(report["by_document"]) == {"byd-profile-zh", "xiaomi-news-en"}
    assert all(fp["document"] != "extra-en" for fp in report["false_positives"])


def test_candidates_are_read_and_scored_only_when_asked_for(store, report, candidate_report):
    asserted = evaluate.read_graph(store)
    with_candidates = evaluate.read_graph(store, candidates=True)
    launch = lambda g: [e for e in g.facts["xiaomi-news-en"] if e.relation == "releases"]  # noqa: E731
    assert launch(asserted) == []
    (su7,) = launch(with_candidates)
    assert su7.subject == ID + "xiaomi" and su7.obj == ID + "xiaomi-su7" and su7.period == "2024-03"
    assert su7.quotes == ("Xiaomi released new released the Xiaomi SU7",)  # the evidence of a candidate is read too
    assert SU7_GOLD in {m["gold"] for m in report["misses"]}
    assert SU7_GOLD not in {m["gold"] for m in candidate_report["misses"]}
    assert candidate_report["overall"]["extracted"] == report["overall"]["extracted"] + 1
    assert candidate_report["overall"]["strict"]["matched"] == report["overall"]["strict"]["matched"] + 1


# ====================================================================== kg eval

def run(*args, **kw):
    return CliRunner().invoke(main, ["eval", *map(str, args)], catch_exceptions=False, **kw)


def test_kg_eval_on_a_split_folder_builds_it_and_prints_json(split, report):
    r = run(split, "--json", "-")
    assert r.exit_code == EXIT_OK, r.stderr
    data = json.loads(r.stdout)
    assert data["overall"] == report["overall"]
    assert data["by_relation"] == report["by_relation"] and data["by_document"] == report["by_document"]
    assert {fp["fact"] for fp in data["false_positives"]} == {fp["fact"] for fp in report["false_positives"]}
    assert data["documents_without_gold"] == ["extra-en"]
    assert not (split / "build").exists() and not Path("-").exists()  # built in memory, nothing written


def test_kg_eval_text_report_of_a_built_graph(split, graph_file):
    r = run(split, "--graph", graph_file)
    assert r.exit_code == EXIT_OK, r.stderr
    out = r.stdout
    assert re.search(r"^strict\s+0\.778\s+0\.700\s+0\.737\s+0\.667\s+matched 7$", out, re.M), out
    assert re.search(r"^lenient\s+0\.889\s+0\.800\s+", out, re.M)
    assert "extracted 9, gold 10 (9 core)" in out
    assert "by relation (strict)" in out and "by document (strict)" in out
    assert re.search(r"^ceoOf\s+0\s+1\s+0\.00\s+0\.00\s+0\.00", out, re.M)
    assert re.search(r"^byd-profile-zh\s+4\s+4\s+1\.00\s+1\.00\s+1\.00", out, re.M)
    assert re.search(r"^xiaomi-news-en\s+5\s+6\s+", out, re.M)
    assert f"xiaomi-news-en: {CHAIR_FP}\n      « Lei Jun is the chairman of Xiaomi »" in out
    assert f"xiaomi-news-en: *{CEO_MISS}\n      « Lei Jun is the chairman of Xiaomi »" in out
    assert "[found with wrong period: 小米集团 | Revenue | 271000000000 CNY | period=2023]" in out
    assert "documents without a gold file (not scored): extra-en" in out


def test_kg_eval_summary_and_json_file(split, graph_file, tmp_path):
    r = run(split, "--graph", graph_file, "--summary")
    assert r.exit_code == EXIT_OK
    assert "by relation (strict)" in r.stdout and "founderOf" in r.stdout
    assert "by document" not in r.stdout and "false positives" not in r.stdout and "misses" not in r.stdout
    out = tmp_path / "report.json"
    r = run(split, "--graph", graph_file, "--json", out)
    assert r.exit_code == EXIT_OK and "false positives (strict)" in r.stdout  # the text report too
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["overall"]["strict"]["matched"] == 7 and data["overall"]["gold"] == 10
    assert {"overall", "by_relation", "by_document", "false_positives", "misses", "documents_without_gold"} <= set(data)


def test_kg_eval_one_gold_file_or_the_gold_option(split, graph_file):
    """A gold file as TARGET, or --gold: only the documents with gold are scored."""
    r = run(split / "gold" / "byd-profile-zh.yaml", "--graph", graph_file, "--json", "-")
    assert r.exit_code == EXIT_OK, r.stderr
    data = json.loads(r.stdout)
    assert data["overall"]["gold"] == 4 and data["overall"]["strict"]["f1"] == 1.0
    assert data["documents_without_gold"] == ["extra-en", "xiaomi-news-en"]
    r = run(split, "--gold", split / "gold" / "xiaomi-news-en.yaml", "--graph", graph_file, "--json", "-")
    assert json.loads(r.stdout)["overall"]["gold"] == 6


def test_kg_eval_candidates_flag(split, graph_file, candidate_report):
    r = run(split, "--graph", graph_file, "--candidates", "--json", "-")
    assert r.exit_code == EXIT_OK
    data = json.loads(r.stdout)
    assert data["overall"] == candidate_report["overall"] and data["overall"]["extracted"] == 10
    assert SU7_GOLD not in {m["gold"] for m in data["misses"]}


def test_kg_eval_sweep(split, graph_file):
    r = run(split, "--graph", graph_file, "--sweep")
    assert r.exit_code == EXIT_OK
    rows = {float(line.split()[0]): line.split() for line in r.stdout.splitlines()[1:]}
    assert set(rows) == {0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9}
    assert rows[0.5][1] == "10"  # the candidate launch (0.675) counts at low thresholds
    assert int(rows[0.7][1]) == 9 and int(rows[0.9][1]) < 9


@pytest.mark.parametrize("options, code, message", [
    (["--min-f1", "0.99"], EXIT_VIOLATIONS, "kg: strict F1 0.737 < 0.99"),
    (["--min-f1", "0.7"], EXIT_OK, None),
    (["--min-precision", "0.8"], EXIT_VIOLATIONS, "kg: strict precision 0.778 < 0.8"),
    (["--min-precision", "0.75"], EXIT_OK, None),
    (["--min-recall", "0.71"], EXIT_VIOLATIONS, "kg: strict recall 0.700 < 0.71"),
    (["--min-recall", "0.7"], EXIT_OK, None),  # equal is enough
    (["--min-f1", "0.5", "--min-precision", "0.9", "--min-recall", "0.9"], EXIT_VIOLATIONS,
     "kg: strict precision 0.778 < 0.9; recall 0.700 < 0.9"),
])
def test_kg_eval_thresholds(split, graph_file, options, code, message):
    r = run(split, "--graph", graph_file, "--summary", *options)
    assert r.exit_code == code
    assert "by relation (strict)" in r.stdout  # the report is printed either way
    if message:
        assert r.stderr.strip() == message
    else:
        assert r.stderr == ""


def test_kg_eval_thresholds_with_json_stdout(split, graph_file):
    r = run(split, "--graph", graph_file, "--json", "-", "--min-f1", "0.9")
    assert r.exit_code == EXIT_VIOLATIONS
    assert json.loads(r.stdout)["overall"]["strict"]["f1"] < 0.9  # stdout stays valid JSON


def test_kg_eval_check_gold(split, tmp_path, monkeypatch):
    r = run(split, "--check-gold")
    assert r.exit_code == EXIT_OK
    assert r.stdout.strip() == "gold: 2 files, 10 facts (9 core): the format is valid and every quote is in its document"
    # a gold folder alone: the format only, and nothing is built or read (no build/ here)
    monkeypatch.chdir(tmp_path)
    r = run(split / "gold", "--check-gold")
    assert r.exit_code == EXIT_OK and r.stdout.strip() == "gold: 2 files, 10 facts (9 core): the format is valid"
    r = run(split / "gold")  # scoring needs a graph: build/graph.trig by default
    assert r.exit_code == EXIT_OUTPUT and "build/graph.trig: no such graph file" in r.stderr


CLI_BAD_GOLD = {
    "malformed-yaml": (BAD_GOLD["malformed-yaml"][0], "invalid YAML"),
    "unknown-relation": (BAD_GOLD["unknown-relation"][0], "'foundedBy' is neither a relation nor a metric"),
    "unknown-metric": (BAD_GOLD["unknown-metric"][0], "'revenue' is neither a relation nor a metric"),
    "missing-field": (BAD_GOLD["no-quote"][0], "fact #2: missing required key 'quote'"),
    "quote-not-in-document": (BAD_GOLD["quote-not-in-document"][0], "is not in d.txt"),
}


@pytest.mark.parametrize("check", [True, False], ids=["check-gold", "eval"])
@pytest.mark.parametrize("case", sorted(CLI_BAD_GOLD))
def test_kg_eval_bad_gold_is_one_line_exit_4_and_writes_nothing(tmp_path, case, check):
    text, words = CLI_BAD_GOLD[case]
    _write(tmp_path / "split" / "docs" / "d.txt", "Xiaomi is a company.\n")
    bad = tmp_path / "split" / "gold" / "d.yaml"
    bad.parent.mkdir()
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "report.json"
    r = run(tmp_path / "split", "--json", out, *(["--check-gold"] if check else []))
    assert r.exit_code == EXIT_DATA
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: error: {bad}") and words in lines[0], r.stderr
    assert r.stdout == "" and not out.exists()


def test_kg_eval_missing_gold_is_an_input_error(tmp_path):
    """A gold path that does not exist is a missing input (exit 3, like a missing document for
    `kg build`); a malformed gold file is a data-file error (exit 4, above)."""
    out = tmp_path / "report.json"
    for args in ([tmp_path / "nope.yaml", "--check-gold"], [tmp_path / "nope.yaml", "--json", out],
                 [tmp_path, "--gold", tmp_path / "nope", "--check-gold"]):
        r = run(*args)
        assert r.exit_code == EXIT_INPUT
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and "no such gold file or folder" in lines[0] and "nope" in lines[0]
        assert not out.exists()


def test_kg_eval_through_python_m(split):
    """`python -m kg.cli eval` knows the command (the __main__ guard once came before it)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(split), "--check-gold"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("gold: 2 files, 10 facts (9 core)")


def test_kg_eval_documents_folder_with_the_gold_option_builds_the_documents(split, tmp_path, monkeypatch):
    """`kg eval my-docs/ --gold my-gold/` (the README's form): the target's documents are built."""
    monkeypatch.chdir(tmp_path)  # no build/ here: scoring a graph instead would fail
    r = run(split / "docs", "--gold", split / "gold", "--json", "-")
    assert r.exit_code == EXIT_OK, r.stderr
    assert json.loads(r.stdout)["overall"]["gold"] == 10
