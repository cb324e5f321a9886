"""Kinds of expression of entity relations, each on sentences of its own (not from the eval
documents): where a thing is, who owns a unit, a brand, a series, a successor, a partner."""
from __future__ import annotations

import pytest

from helpers import run


def labelled(text: str, lang: str, **kw) -> set[tuple[str, str, str]]:
    """Relation facts with names the lexicon lacks written as the text writes them."""
    kw.setdefault("organisation", "")
    kw.setdefault("speaker", "")
    x = run(text, lang, **kw)
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    return {(names.get(f.subject, f.subject), f.predicate, names.get(f.obj, f.obj)) for f in x.facts if f.kind == "relation"}


@pytest.mark.parametrize("text, expected", [
    ("位于合肥的联宝科技是联想最大的研发基地。", ("联宝科技", "locatedIn", "hefei")),  # the place first, the name after 的
    ("走进位于沈阳的海尔冰箱互联工厂，生产线正在运转。", ("海尔冰箱互联工厂", "locatedIn", "city-2034937")),
    ("位于芬兰奥卢的诺基亚奥卢工厂生产基站。", ("诺基亚奥卢工厂", "locatedIn", "奥卢")),  # a city the lexicon lacks, after its country
    ("位于深圳南山区的大疆天空之城大厦已经启用。", ("大疆天空之城大厦", "locatedIn", "深圳南山区")),  # a district with its city
    ("海尔中央研究院位于青岛海尔工业园。", ("海尔中央研究院", "locatedIn", "青岛海尔工业园")),  # a site in a site
    ("联宝科技位于安徽合肥。", ("联宝科技", "locatedIn", "hefei")),
])
def test_a_site_and_where_it_is(text, expected):
    got = labelled(text, "zh")
    assert expected in got, got
    assert not [f for f in got if f[1] == "locatedIn" and f != expected], got


@pytest.mark.parametrize("text", ["参观了松下位于大阪的电视机工厂。", "联想的工厂位于合肥。", "该公司位于深圳。"])
def test_what_is_located_has_no_name_of_its_own(text):
    assert not [f for f in labelled(text, "zh") if f[1] == "locatedIn"]
