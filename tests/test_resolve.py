"""Entity resolution and fact merging across sentences and languages."""
from __future__ import annotations

from helpers import run

from kg import lexicon
from kg.resolve import period_match_key, resolve
from kg.types import PeriodRef


def test_same_fact_in_two_languages_is_one_fact_with_two_evidences():
    zh = run("IDC报告显示，去年Q4我们已经上升到世界第四。", "zh", doc_id="zh")
    en = run("IDC report shows that in the fourth quarter of last year, millet rose to the fourth in the world.", "en",
             doc_id="en", reports_on=("zh",))
    r = resolve([zh, en], lexicon.load())
    (pos,) = [f for f in r.facts if f.kind == "position"]
    assert pos.subject == "xiaomi" and [e.doc_id for e in pos.evidence] == ["zh", "en"]


def test_original_evidence_comes_first_and_gives_the_qualifiers():
    zh = run("2017年，我们发布了小米MIX 2。", "zh", doc_id="b-zh")
    en = run("Xiaomi released the Mi MIX 2.", "en", doc_id="a-en", reports_on=("b-zh",))
    r = resolve([en, zh], lexicon.load())
    (rel,) = [f for f in r.facts if f.predicate == "releases"]
    assert rel.evidence[0].doc_id == "b-zh" and rel.attr("period").key == "2017"


def test_misspelt_lexicon_name_resolves_to_it():
    x = run("The Mi MIX was collected by the Munich Internationl Design Museum.", "en")
    assert any(e.entity_id.startswith("x-") for e in x.entities)  # not in the lexicon as written...
    r = resolve([x], lexicon.load())
    (held,) = [f for f in r.facts if f.predicate == "heldBy"]
    assert held.obj == "die-neue-sammlung"  # ...but a near spelling of one of its names


def test_unknown_names_only_when_a_fact_uses_them():
    x = run("今天天气很好，张三去了公园。", "zh")
    r = resolve([x], lexicon.load())
    assert not [e for e in r.entities if e.entity_id.startswith("x-")]


def test_two_triggers_in_one_sentence_are_one_piece_of_evidence():
    x = run("小米发布了首款自主研发的芯片澎湃S1，成为自主设计芯片的企业。", "zh")
    r = resolve([x], lexicon.load())
    (dev,) = [f for f in r.facts if f.predicate == "develops"]
    assert len(dev.evidence) == 1


def test_period_match_key_treats_by_as_the_date_itself():
    assert period_match_key(PeriodRef(2017, month=10, qualifier="by")) == period_match_key(PeriodRef(2017, month=10))
    assert period_match_key(PeriodRef(2017, quarter=3, qualifier="since")) != period_match_key(PeriodRef(2017, quarter=3))


def test_of_two_evidences_with_one_span_and_rule_the_surer_is_kept_in_any_order():
    """Two triggers of one rule on the same words (one less sure) are one piece of evidence: the
    surer one, whatever order the set of evidence happens to iterate in (which differs from process
    to process with the strings' hashes; a 5 MB corpus of repeated texts kept one or the other)."""
    from kg.resolve import _one_per_sentence
    from kg.types import Evidence

    low = Evidence("d1", 3, 10, 17, "海尔中央研究院", "nominal-subOrganizationOf", 0.792)
    high = Evidence("d1", 3, 10, 17, "海尔中央研究院", "nominal-subOrganizationOf", 0.88)
    for order in ([low, high], [high, low]):
        assert _one_per_sentence(dict.fromkeys(order), set()) == [high]
