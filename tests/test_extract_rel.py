"""Relations that were missed or wrong on unseen documents, each told on sentences of its own
(not from the eval documents): internal bodies, units under 旗下, stakes, sites."""
from __future__ import annotations

import pytest

from helpers import run


def labelled(text: str, lang: str, **kw) -> set[tuple[str, str, str]]:
    """Relation facts, with a name the lexicon lacks written as the text writes it."""
    kw.setdefault("organisation", "")
    kw.setdefault("speaker", "")
    x = run(text, lang, **kw)
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    return {(names.get(f.subject, f.subject), f.predicate, names.get(f.obj, f.obj)) for f in x.facts if f.kind == "relation"}


def of(rel: str, got: set) -> set:
    return {f for f in got if f[1] == rel}


@pytest.mark.parametrize("text, lang", [
    ("2019年，小米成立了技术委员会。", "zh"),
    ("In 2019 Xiaomi set up a Technology Committee.", "en"),
])
def test_a_body_set_up_follows_the_verb(text, lang):
    assert of("hasSubOrganization", labelled(text, lang)) == {("xiaomi", "hasSubOrganization", "technology-committee")}


@pytest.mark.parametrize("text, lang", [
    # the body's name stands before the verb, which another name governs
    ("公司前身是某某电子产业株式会社，1985年由创始人金某设立。", "zh"),
    ("小米在北京和美国北卡罗来纳州莫里斯维尔设立双总部。", "zh"),
    # the verb's clause ends before the body's name
    ("Founded in 2011 and based in Beijing, Xiaomi listed on the Main Board of the Hong Kong Stock Exchange.", "en"),
])
def test_no_body_set_up_where_the_verb_does_not_govern_it(text, lang):
    assert not of("hasSubOrganization", labelled(text, lang))
