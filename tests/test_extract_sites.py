"""Sites, sponsors and places of companies told in ways other writers use (sentences written for these
tests, not from the eval documents)."""
import pytest

from tests.helpers import labelled, of


@pytest.mark.parametrize("text, expected", [
    # a lower-case word for the kind of site after a name of its own
    ("The firm opened its Orchard Valley campus in Cupertino in 2017.", ("Orchard Valley", "locatedIn", "cupertino")),
    ("Lenovo runs the Lenovo Whitsett Assembly complex in Monterrey, Mexico.", ("Lenovo Whitsett Assembly", "locatedIn", "city-3995465")),
    # a name with "for"/"of" after the site word
    ("The Bavaria Institute for Robotics in Munich hired 200 people.", ("Bavaria Institute for Robotics", "locatedIn", "munich")),
    # a machine translation's word order: 位于P的SITE, word for word
    ("Located at Beijing Yizhuang of Xiaomi Yizhuang Smart Factory produces phones.", ("Xiaomi Yizhuang Smart Factory", "locatedIn", "Beijing Yizhuang")),
])
def test_a_named_site_written_other_ways(text, expected):
    got = of("locatedIn", labelled(text, "en"))
    assert got == {expected}, got


@pytest.mark.parametrize("text", [
    "Haier bought the General Motors plant in Rayong, Thailand.",  # the company's name: no site of its own
    "Production at the South Carolina plant in Spartanburg rose.",  # a place's name
    "The Fremont factory in California makes the Model Y.",  # one word: a place, no name
    "Sales at plants in China rose.",
])
def test_no_site_without_a_name_of_its_own(text):
    assert not of("locatedIn", labelled(text, "en"))


@pytest.mark.parametrize("text, lang, expected", [
    ("Spotify成为皇家马德里足球俱乐部的主赞助商。", "zh", ("spotify", "sponsorOf", "皇家马德里足球俱乐部")),
    ("海尔成为曼彻斯特城足球俱乐部的球衣赞助商。", "zh", ("haier", "sponsorOf", "曼彻斯特城足球俱乐部")),
])
def test_a_sponsor_noun_naming_the_kind_of_sponsor(text, lang, expected):
    assert of("sponsorOf", labelled(text, lang)) == {expected}


@pytest.mark.parametrize("text, place", [
    ("Xiaomi was founded on April 6, 2010, in Beijing.", "beijing"),
    ("Xiaomi was incorporated in April 2010, in Beijing, by Lei Jun.", "beijing"),
])
def test_a_founding_place_after_a_date_set_off_by_commas(text, place):
    assert of("foundedIn", labelled(text, "en", organisation="xiaomi")) == {("xiaomi", "foundedIn", place)}


def test_no_founding_place_after_a_date_without_one():
    assert not of("foundedIn", labelled("Xiaomi was founded in 2010, in part by former Google staff.", "en", organisation="xiaomi"))


def test_a_headquarters_city_of_five_characters_no_list_knows():
    got = of("headquarteredIn", labelled("惠普公司的总部位于加利福尼亚州圣克拉里塔，员工5万人。", "zh", organisation="hp"))
    assert got == {("hp", "headquarteredIn", "圣克拉里塔")}, got


def test_a_founding_place_after_what_was_founded_and_its_date():
    got = of("foundedIn", labelled("Lei Jun incorporated the company on April 6, 2010, in Beijing, China.", "en", organisation="xiaomi"))
    assert got == {("xiaomi", "foundedIn", "beijing")}, got


@pytest.mark.parametrize("text, lang, expected", [
    # a machine translation of X1的下一代产品, word for word
    ("Galaxy S25 is Galaxy S24 of next generation product.", "en", ("galaxy-s25", "successorOf", "galaxy-s24")),
    # the older one named as the newer one's predecessor
    ("华为Mate 60是华为Mate 70的前代产品。", "zh", ("huawei-mate-70", "successorOf", "huawei-mate-60")),
    ("华为Mate 70的上一代产品是华为Mate 60。", "zh", ("huawei-mate-70", "successorOf", "huawei-mate-60")),
    ("The Galaxy S24 is the Galaxy S25's predecessor.", "en", ("galaxy-s25", "successorOf", "galaxy-s24")),
])
def test_a_generation_told_other_ways(text, lang, expected):
    assert of("successorOf", labelled(text, lang)) == {expected}


@pytest.mark.parametrize("text, lang", [
    ("This is a product of next generation technology.", "en"),
    ("华为Mate 70的上一代产品销量很好。", "zh"),
])
def test_no_generation_without_two_names(text, lang):
    assert not of("successorOf", labelled(text, lang))


@pytest.mark.parametrize("text, lang, place", [
    ("The company is headquartered out of Seattle.", "en", "seattle"),
    ("The company is based out of Seattle.", "en", "seattle"),
    # machine translations of 总部位于/总部设在, word for word
    ("Company headquarter sit at Hangzhou.", "en", "hangzhou"),
    ("Company total department in Hangzhou.", "en", "hangzhou"),
    ("公司总部坐落在杭州。", "zh", "hangzhou"),
    ("公司总部落户于苏州。", "zh", "suzhou"),
])
def test_more_ways_other_writers_tell_the_headquarters(text, lang, place):
    assert of("headquarteredIn", labelled(text, lang, organisation="acme")) == {("acme", "headquarteredIn", place)}


@pytest.mark.parametrize("text", [
    "Samsung Display's OLED plant in Asan started production.",  # the owner's name, then one word: no site name
    "Ford's Chennai plant in India closed.",
])
def test_an_owners_site_needs_a_name_of_its_own(text):
    assert not of("locatedIn", labelled(text, "en"))


def test_an_owners_named_site_is_the_name_after_the_owner():
    got = of("locatedIn", labelled("Toyota's Motor Manufacturing Kentucky plant in Georgetown, Kentucky began work.", "en"))
    assert {f[0] for f in got} == {"Motor Manufacturing Kentucky"}, got


def test_a_site_set_up_with_its_owner_before_de():
    got = labelled("今年3月，华为在德国慕尼黑设立了华为的欧洲研究中心。", "zh")
    assert of("locatedIn", got) == {("华为的欧洲研究中心", "locatedIn", "munich")}, got
    assert not of("foundedIn", got)  # the owner named before 的 is not what was founded there


@pytest.mark.parametrize("text", ["华为在英国剑桥建设了华为的研发中心。", "小米在印度设立了小米的研发中心负责人岗位。"])
def test_a_kind_of_site_with_its_owner_names_no_site(text):
    assert not of("locatedIn", labelled(text, "zh"))


def test_a_sponsored_name_with_its_country_before_is_also_known_without_it():
    from tests.helpers import run
    x = run("Spotify成为西班牙皇家马德里足球俱乐部的主赞助商。", "zh", organisation="", speaker="")
    club = next(e for e in x.entities if any("皇家马德里足球俱乐部" in n for _, n in e.labels))
    assert ("zh", "皇家马德里足球俱乐部") in club.aliases


def test_a_name_after_a_based_noun_the_lexicon_lacks():
    got = of("headquarteredIn", labelled("Ant bought the Paris-based payments firm PayNova in 2019.", "en"))
    assert got == {("PayNova", "headquarteredIn", "paris")}, got


def test_founding_a_company_when_something_happened_is_still_founding_it():
    got = of("foundedIn", labelled("1998年马化腾在深圳创办腾讯的时候，公司很小。", "zh"))
    assert got == {("tencent", "foundedIn", "shenzhen")}, got


def test_an_abbreviation_describing_the_company_names_no_other_one():
    got = of("headquarteredIn", labelled("Lucid Group, the luxury EV and SUV maker based in Newark, California, grew fast.", "en"))
    assert got == {("lucid", "headquarteredIn", "city-5101798")}, got  # Newark, California


@pytest.mark.parametrize("text, expected", [
    # an event's name the lexicon lacks may hold its year and its place
    ("海尔赞助了2010年温哥华冬奥会。", ("haier", "sponsorOf", "2010年温哥华冬奥会")),
    # 赞助商 is the noun: the verb after it sponsors
    ("海尔曾作为家电赞助商赞助2010年温哥华冬奥会。", ("haier", "sponsorOf", "2010年温哥华冬奥会")),
])
def test_a_sponsored_event_named_with_its_year_and_place(text, expected):
    assert of("sponsorOf", labelled(text, "zh")) == {expected}


def test_a_sponsored_events_year_in_its_name_is_its_time():
    from tests.helpers import run
    x = run("海尔曾作为家电赞助商赞助2010年温哥华冬奥会。", "zh", organisation="", speaker="")
    periods = {f.attr("period").key for f in x.facts if f.predicate == "sponsorOf"}
    assert periods == {"2010"}, periods


@pytest.mark.parametrize("text, expected", [
    # a site inside a named campus; a site named after a person
    ("The Jack Ma Auditorium on its Xixi campus seats 2,000.", ("Jack Ma Auditorium", "locatedIn", "Xixi")),
    ("The Xiaomi Smart Factory at the Yizhuang campus makes phones.", ("Xiaomi Smart Factory", "locatedIn", "Yizhuang")),
])
def test_a_site_on_a_named_campus(text, expected):
    assert of("locatedIn", labelled(text, "en")) == {expected}


def test_a_site_on_a_day_is_in_no_place():
    assert not of("locatedIn", labelled("The Lenovo Research Center on Monday opened a lab.", "en"))


def test_a_subjectless_clause_of_generation_is_about_the_name_before():
    # a machine translation goes on about the product the clause before ends with
    text = "In April the company released Galaxy S25, is Galaxy S24 of next generation product, can shoot 8K video."
    assert of("successorOf", labelled(text, "en")) == {("galaxy-s25", "successorOf", "galaxy-s24")}


def test_a_subjectless_clause_of_generation_after_a_name_the_lexicon_lacks():
    text = "In products aspect, the company at 2023 year 5 month released Orbix Cam 7, is Orbix Cam 6 of next generation product, can shoot 8K video."
    assert of("successorOf", labelled(text, "en")) == {("Orbix Cam 7", "successorOf", "Orbix Cam 6")}
