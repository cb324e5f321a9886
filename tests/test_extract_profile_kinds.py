"""Company basics told in more ways, on sentences written for the tests: the founding place named
with the state it is in or as a state alone, shares said to trade on an exchange, a listing dated
by a clause that is only a time, directors as senior positions."""
from __future__ import annotations

import pytest

from helpers import labelled, of, run

from kg import lexicon


def _label(x: str) -> str:
    lex = lexicon.load()
    return lex.entities[x].labels[0][1] if x in lex.entities else x


def _rel(text: str, lang: str, rel: str, **kw) -> set[tuple]:
    return {(_label(s), p, _label(o)) for s, p, o in of(rel, labelled(text, lang, **kw))}


@pytest.mark.parametrize("text, lang, expected", [
    # a town after the state it is in: the town
    ("华为于1987年在广东省深圳市创立。", "zh", {"Shenzhen"}),
    ("联想于1984年在北京市海淀区成立，总部位于北京。", "zh", {"Beijing"}),
    # a state or a prefecture alone is the place when no town is named
    ("Nvidia was incorporated in California in April 1993.", "en", {"California"}),
    ("Sony was founded in Tokyo, Japan in 1946.", "en", {"Tokyo"}),
    # a region of several countries is no founding place; nor a state a town of it follows
    ("沃达丰与合作伙伴在欧洲成立了一家卫星通信合资公司。", "zh", set()),
    ("Xiaomi in 2010 year in Guangdong Shenzhen establish.", "en", set()),
])
def test_founding_place(text, lang, expected):
    got = _rel(text, lang, "foundedIn")
    assert {o for _, _, o in got} == expected


@pytest.mark.parametrize("text, expected", [
    # shares said to trade on an exchange (a state: no date)
    ("公司股票在韩国交易所交易，市值排名第二。", {("Xiaomi", "listedOn", "Korea Exchange")}),
    ("其美国存托凭证在纽约证券交易所交易。", {("Xiaomi", "listedOn", "New York Stock Exchange")}),
    # a deal, or a deal's amount, is no trading of shares
    ("双方在港交所完成了这笔交易。", set()),
    ("公司在纳斯达克的交易额大幅增长。", set()),
])
def test_shares_trade_zh(text, expected):
    got = {(_label(s), p, _label(o)) for s, p, o in of("listedOn", labelled(text, "zh", organisation="xiaomi"))}
    assert got == expected
    for f in run(text, "zh", organisation="xiaomi").facts:
        if f.predicate == "listedOn":
            assert f.attr("period") is None


def test_listing_dated_by_a_time_clause_before():
    text = "A year later, on June 3, 2015, Xiaomi listed its American depositary shares on the Nasdaq Global Select Market."
    got = {(f.obj, f.attr("period").key if f.attr("period") else None)
           for f in run(text, "en", organisation="").facts if f.predicate == "listedOn"}
    assert got == {("nasdaq", "2015-06-03")}


@pytest.mark.parametrize("text, lang, title", [
    ("小米集团高级总监王五表示，新品将于下月上市。", "zh", "高级总监"),
    ("小米市场总监王五表示，新品将于下月上市。", "zh", "市场总监"),
    ("Anna Berg, senior director of product at Xiaomi, said the phone sold well.", "en", "senior director"),
])
def test_directors_are_senior_positions(text, lang, title):
    got = [f for f in run(text, lang, organisation="", speaker="").facts if f.predicate == "executiveOf"]
    assert [(f.obj, f.attr("title")) for f in got] == [("xiaomi", title)]


@pytest.mark.parametrize("text, expected", [
    # the company, the city, the word
    ("欢迎各位来到华为深圳总部参观。", {("huawei", "shenzhen")}),
    # 在, the city (and its district), 的, the company, the word
    ("在北京海淀区的小米总部，记者见到了他。", {("xiaomi", "beijing")}),
    # a country's office is not the headquarters, nor the word without a city
    ("我们参观了苹果中国总部。", set()),
    ("在小米的总部，记者见到了他。", set()),
])
def test_headquarters_named_by_city_zh(text, expected):
    got = {(f.subject, f.obj) for f in run(text, "zh", organisation="", speaker="").facts if f.predicate == "headquarteredIn"}
    assert got == expected


@pytest.mark.parametrize("text, lang, expected", [
    # persons who joined the founding team (a time or an adverb before them, names glossed in Latin letters)
    ("此后王五（Wang Wu）和赵六（Zhao Liu）也加入了创始团队。", "zh", {"王五", "赵六"}),
    ("2011年，王五和赵六加入了小米的创始团队。", "zh", {"王五", "赵六"}),
    ("Later, Anna Berg and Tom Reed joined the founding team.", "en", {"Anna Berg", "Tom Reed"}),
    # joining the company is not founding it
    ("王五加入了小米，担任副总裁。", "zh", set()),
])
def test_joined_the_founding_team(text, lang, expected):
    got = of("founderOf", labelled(text, lang, organisation="xiaomi"))
    assert {s for s, _, _ in got} == expected and {o for _, _, o in got} <= {"xiaomi"}


def test_appointed_is_no_name_zh():
    # 被任命为: the verb is no person's name; the appointment dates the role
    got = [(f.subject, f.predicate, f.attr("period").key if f.attr("period") else None)
           for f in run("王五2015年加入小米，2023年5月被任命为首席财务官。", "zh", organisation="xiaomi", speaker="").facts
           if f.predicate == "cfoOf"]
    assert all(s != "任命" for s, _, _ in got)


@pytest.mark.parametrize("text, lang, expected", [
    # founders the lexicon lacks, opening the clause of the verb (times, places, 等人 between)
    ("王五和赵六于2012年在杭州联合创立了小米。", "zh", {"王五", "赵六"}),
    ("2012年，王五、赵六等人创办了小米。", "zh", {"王五", "赵六"}),
    # a company founding a unit names no founder
    ("公司于2012年创立了子公司小米金融。", "zh", set()),
    # a description between commas, or before the name after "by"
    ("Anna Berg, a former engineer at Google, founded Xiaomi in 2012.", "en", {"Anna Berg"}),
    ("Xiaomi was founded by former Google engineer Anna Berg in 2012.", "en", {"Anna Berg"}),
    # partners after "with", each possibly after its relation to the founder
    ("Anna Berg co-founded Xiaomi in 2012 with Tom Reed and Li Si.", "en", {"Anna Berg", "Tom Reed", "Li Si"}),
    ("Anna Berg founded this company in 2012, together with her husband Tom and his younger sister Mia Reed.", "en",
     {"Anna Berg", "Tom", "Mia Reed"}),
    ("Anna Berg founded Xiaomi in 2012 with money from Temasek.", "en", {"Anna Berg"}),
    # the persons set beside the word for them
    ("The company's founders, Anna Berg and Tom Reed, remain on the board.", "en", {"Anna Berg", "Tom Reed"}),
    ("The founders, employees and investors all gained.", "en", set()),
    # a machine translation's agent before its verb (由…创立 word by word)
    ("Millet by Anna Berg and Tom Reed etc. people in 2012 year in Beijing found.", "en", {"Anna Berg", "Tom Reed"}),
])
def test_founders_kinds(text, lang, expected):
    got = of("founderOf", labelled(text, lang, organisation="xiaomi"))
    assert {s for s, _, _ in got} == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a company the lexicon lacks, named with 集团 right before the title
    ("现代集团创始人郑周永曾说过这句话。", "zh", {("郑周永", "founderOf", "现代集团")}),
    # not words that only say something before 公司
    ("还有公司董事长王五先生出席。", "zh", set()),
    ("该集团董事长王五当天出席。", "zh", set()),
])
def test_company_before_title_zh(text, lang, expected):
    got = {f for f in labelled(text, lang) if f[1] in ("founderOf", "chairOf")}
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # a clause on the person right after the name, with a word of taking the post and a time
    ("Chief executive Anna Berg, who took the top job in 2022, said demand was strong.", "2022"),
    ("Our chief financial officer, Tom Reed, who joined us from Siemens in 2023, is careful.", "2023"),
    # a clause on something else the person did is no start of the post
    ("Chief executive Anna Berg, who studied in Boston in 1990, said demand was strong.", None),
])
def test_role_dated_by_a_clause_on_the_person(text, expected):
    got = [f.attr("period").key if f.attr("period") else None
           for f in run(text, "en", organisation="xiaomi", speaker="").facts if f.predicate in ("ceoOf", "cfoOf")]
    assert got == [expected]


@pytest.mark.parametrize("text, lang, expected", [
    # companies listed as one list, each at its own time, in order (a known name and a word more is a unit of its own)
    ("旗下小米健康、京东物流分别于2019年3月和2021年5月在港交所上市。", "zh",
     {("小米健康", "2019-03"), ("jd-logistics", "2021-05")}),
    ("Xiaomi and JD Logistics listed in Hong Kong in July 2018 and May 2021 respectively.", "en",
     {("xiaomi", "2018-07"), ("jd-logistics", "2021-05")}),
])
def test_listed_respectively(text, lang, expected):
    x = run(text, lang, organisation="", speaker="")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    got = {(names.get(f.subject, f.subject) if f.subject not in ("xiaomi", "jd-logistics") else f.subject,
            f.attr("period").key if f.attr("period") else None) for f in x.facts if f.predicate == "listedOn"}
    assert got == expected


@pytest.mark.parametrize("text, lang, expected", [
    # the one who took over holds the post, the one before held it (names the lexicon lacks)
    ("Anna Berg took over from Tom Reed as chief executive of Xiaomi in 2019.", "en",
     {("Anna Berg", "ceoOf"), ("Tom Reed", "ceoOf")}),
    # a time after 于 between the name and the verb
    ("王五于2019年接任小米董事长兼首席执行官。", "zh", {("王五", "chairOf"), ("王五", "ceoOf")}),
    # 首席执行官 word by word
    ("Xiaomi chief execute officer Anna Berg said demand was strong.", "en", {("Anna Berg", "ceoOf")}),
])
def test_roles_kinds(text, lang, expected):
    got = {(s, p) for s, p, _ in labelled(text, lang, organisation="xiaomi") if p in ("ceoOf", "chairOf")}
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # a city the gazetteer lacks, ending in 市 before 的 (总部位于…市的…企业)
    ("SK海力士是一家总部位于韩国京畿道利川市的半导体企业。", {("sk-hynix", "利川市")}),
    # a clause without its own subject goes on about what the sentence said X是 of
    ("小米金融是小米在2015年设立的金融子公司，总部设在北京。", {("xiaomi-finance", "beijing")}),
    ("小米投资了华为，总部位于深圳。", {("huawei", "shenzhen")}),
])
def test_headquarters_kinds_zh(text, expected):
    x = run(text, "zh", organisation="", speaker="")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    got = {(f.subject, names.get(f.obj, f.obj) if f.obj.startswith("x-") else f.obj) for f in x.facts if f.predicate == "headquarteredIn"}
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # what kind of company, in common nouns only, is no name to found
    ("东北亚公司是松下在2019年4月设立的地区事业公司。", set()),
    ("比亚迪于2020年设立弗迪电池、弗迪动力。", {"findreams-battery", "findreams"}),
])
def test_founded_kind_is_no_name_zh(text, expected):
    got = {f.subject for f in run(text, "zh", organisation="", speaker="").facts if f.predicate == "foundedOn"}
    assert got == expected


@pytest.mark.parametrize("text, lang, rel, expected", [
    # an organisation followed by a person noun describes the person: not the title's, not the one listed
    ("2005年，联想收购了一项业务，前华为高管雷军接任首席执行官。", "zh", "ceoOf", {("lei-jun", "lenovo")}),
    ("Anna Berg, a former Google engineer, founded the company in 2015 and listed it on the Nasdaq in 2018.", "en",
     "listedOn", {("lenovo", "nasdaq")}),
    # but a title that begins with "executive" still names its organisation
    ("Tom Reed, Xiaomi's executive vice president of sales, said demand was strong.", "en", "executiveOf", {("Tom Reed", "xiaomi")}),
])
def test_organisation_describing_a_person(text, lang, rel, expected):
    x = run(text, lang, organisation="lenovo", speaker="")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    got = {(names.get(f.subject, f.subject) if f.subject.startswith("x-") else f.subject, f.obj) for f in x.facts if f.predicate == rel}
    assert got == expected
