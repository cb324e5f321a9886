"""Units and brands (subOrganizationOf, brandOf): who owns what, told by nouns, participles and stakes."""
import pytest

from tests.helpers import labelled, of, run


def test_participle_after_a_known_name():
    got = labelled("Xiaomi signed a deal with Roborock, owned by Tencent.", "en")
    assert ("tencent", "hasSubOrganization", "roborock") in got or ("tencent", "hasSubOrganization", "Roborock") in got, got
    assert not [f for f in got if f[1] == "hasSubOrganization" and f[2] == "xiaomi"], got


def test_majority_stake_in_a_joint_venture_makes_a_unit_of_the_holder_not_of_the_text_company():
    got = labelled("双方随后成立合资公司青禾国际（Qinghe International），其中Stellantis持股51%、零跑持股49%。", "zh",
                   organisation="leapmotor")
    subs = of("subOrganizationOf", got)
    assert ("青禾国际", "subOrganizationOf", "stellantis") in subs, got
    assert not [f for f in subs if f[2] == "leapmotor"], got  # owned together: the text's company is no owner


def test_joint_venture_opening_a_sentence_has_no_implied_owner():
    got = of("subOrganizationOf", labelled("合资公司青禾能源，丰田持股60%，松下持股40%。", "zh", organisation="xiaomi"))
    assert got == {("青禾能源", "subOrganizationOf", "toyota")}, got


@pytest.mark.parametrize("text, expected", [
    ("大疆农业是大疆旗下的农业无人机品牌。", ("大疆农业", "brandOf", "dji")),
    ("美光通过旗下品牌英睿达销售内存。", ("英睿达", "brandOf", "micron")),
])
def test_a_brand_noun_after_qixia_makes_a_brand_not_a_unit(text, expected):
    got = labelled(text, "zh")
    assert expected in got and not of("subOrganizationOf", got), got


def test_a_stake_after_a_company_noun_is_no_name():
    got = labelled("美光以15亿美元收购了英特尔所持的合资公司股份。", "zh", organisation="micron")
    assert not of("subOrganizationOf", got), got


def test_a_longer_noun_after_business_names_no_unit():
    assert not of("subOrganizationOf", labelled("Fabrix Cloud, our open industrial business platform, grew.", "en",
                                                organisation="siemens"))
    assert ("mobileye", "subOrganizationOf", "intel") in labelled("Mobileye, Intel's self-driving business, grew.", "en")


def test_units_listed_before_their_noun():
    got = of("subOrganizationOf", labelled("Lyft earns money through its Rides, Bikes and Media businesses, and grows.", "en"))
    assert got == {(u, "subOrganizationOf", "lyft") for u in ("Rides", "Bikes", "Media")}, got


def test_apps_listed_before_their_noun_are_brands():
    got = of("brandOf", labelled("Abroad, the company's Zapp and Tiny Clip apps grew fast.", "en", organisation="kuaishou"))
    assert got == {("Zapp", "brandOf", "kuaishou"), ("Tiny Clip", "brandOf", "kuaishou")}, got


def test_a_platform_under_qixia_is_a_brand_not_a_unit():
    got = labelled("有人把它和字节跳动旗下的抖音相比。", "zh")
    assert ("douyin", "brandOf", "bytedance") in got and not of("subOrganizationOf", got), got


def test_apps_listed_under_qixia_are_brands_and_so_is_an_unknown_name_among_them():
    got = labelled("腾讯旗下微信、QQ和酷映相册的用户数继续增长。", "zh")
    assert {("wechat", "brandOf", "tencent"), ("qq", "brandOf", "tencent")} <= got, got
    assert not of("subOrganizationOf", got), got
    # a company under 旗下 stays a unit
    assert ("乐鑫电子有限公司", "subOrganizationOf", "tencent") in labelled("腾讯旗下的乐鑫电子有限公司推出了新的芯片。", "zh")


def test_where_a_unit_is_stands_between_its_owner_and_the_noun():
    got = of("subOrganizationOf", labelled("SK海力士随后组建了位于美国加州圣何塞的子公司Norvia。", "zh"))
    assert got == {("Norvia", "subOrganizationOf", "sk-hynix")}, got


def test_a_brand_known_by_a_name_ending_in_the_noun():
    # the lexicon knows 坦克品牌 as a name of the brand: the noun inside it still tells whose brand it is
    assert of("brandOf", labelled("坦克品牌全年销量增长。", "zh", organisation="great-wall-motor")) == \
        {("tank", "brandOf", "great-wall-motor")}


def test_a_target_market_stands_between_owner_and_noun():
    got = of("brandOf", labelled("小鹏推出了面向年轻用户的新品牌Vexa。", "zh"))
    assert got == {("Vexa", "brandOf", "xpeng")}, got


@pytest.mark.parametrize("text", [
    "The group owns Blue Swan, Kolmo, Hualin and other brands.",
    "Below the group has Blue Swan, Kolmo, Hualin etc. brand.",  # word by word from 旗下有…等品牌
])
def test_an_open_list_of_brands_is_brands_not_units(text):
    got = labelled(text, "en", organisation="midea")
    assert of("brandOf", got) == {(b, "brandOf", "midea") for b in ("Blue Swan", "Kolmo", "Hualin")}, got
    assert not of("hasSubOrganization", got) and not of("subOrganizationOf", got), got


def test_an_open_list_of_other_things_names_no_brand():
    got = labelled("Xiaomi owns Roborock and other companies.", "en")
    assert not of("brandOf", got) and ("xiaomi", "hasSubOrganization", "roborock") in got, got


def test_names_and_marques_listed_with_an_aside():
    got = of("brandOf", labelled("It makes pickups under the Great Wall Pickup (Poer) name and small cars under the Zenta marque.", "en",
                                 organisation="great-wall-motor"))
    assert got == {("Great Wall Pickup", "brandOf", "great-wall-motor"), ("Zenta", "brandOf", "great-wall-motor")}, got


def test_a_licensed_name_is_not_the_licensee_s_brand():
    got = labelled("Foxconn worked with the start-up HMD Global, which licensed the Nokia name.", "en")
    assert not of("brandOf", got), got


def test_becoming_part_of_a_group():
    assert ("sk-hynix", "subOrganizationOf", "sk-group") in labelled("2012年海力士归入SK集团旗下。", "zh")
    assert not of("subOrganizationOf", labelled("该业务的收入已并入小米集团的财务报表。", "zh"))


def _dated(text, lang, **kw):
    x = run(text, lang, speaker="", **kw)
    return {(f.subject, f.obj, f.attr("period").key if f.attr("period") else None) for f in x.facts if f.predicate == "subOrganizationOf"}


def test_units_formed_are_dated_by_the_event():
    got = _dated("2021年起，联想集团将业务整合为两大业务集团：智能终端业务集团（ITG）和数据方案业务集团（DSG）。", "zh", organisation="lenovo")
    assert {p for _, o, p in got if o == "lenovo"} == {"2021"} and len(got) == 2, got
    got = _dated("Meituan started in 2010, and in 2020 it set up its grocery arm Kuailv.", "en", organisation="")
    assert {p for *_, p in got} == {"2020"}, got


def test_a_unit_named_in_another_clause_than_a_founding_takes_no_time():
    got = _dated("SK海力士成立于1983年，旗下子公司Norvia负责固态硬盘。", "zh", organisation="")
    assert got and all(p is None for *_, p in got), got


def test_qixia_opening_a_clause_after_a_semicolon_does_not_reach_back():
    got = labelled("海尔成为网球赛的合作伙伴；旗下Zentra品牌曾赞助利物浦。", "zh", organisation="haier-smart-home")
    assert ("Zentra", "brandOf", "haier") not in got, got


@pytest.mark.parametrize("text, lang, expected", [
    ("尼康是一家日本公司。\n\n【主要子公司】\n\n尼康影像、尼康精机以及蔚思博等。尼康影像成立于2000年。", "zh",
     {"尼康影像", "尼康精机", "蔚思博"}),
    ("Nikon is a Japanese company.\n\nMain subsidiaries\n\nNikon Imaging, Nikon Precision and Vexor Optics.", "en",
     {"Nikon Imaging", "Nikon Precision", "Vexor Optics"}),
])
def test_a_list_under_a_heading_that_is_the_noun(text, lang, expected):
    got = of("subOrganizationOf", labelled(text, lang, organisation="nikon"))
    assert got == {(u, "subOrganizationOf", "nikon") for u in expected}, got


def test_a_list_under_another_heading_names_no_unit():
    got = labelled("尼康是一家日本公司。\n\n【历史】\n\n尼康影像、尼康精机以及蔚思博等。", "zh", organisation="nikon")
    assert not of("subOrganizationOf", got), got


@pytest.mark.parametrize("text, lang", [
    ("Last year JD Logistics opened thirty new warehouses in Europe.", "en"),
    ("京东物流去年在欧洲新建了三十个仓库。", "zh"),
])
def test_a_unit_named_after_the_company_the_text_is_about_is_its_unit(text, lang):
    got = of("subOrganizationOf", labelled(text, lang, organisation="jd-com"))
    assert ("jd-logistics", "subOrganizationOf", "jd-com") in got, got


def test_a_unit_named_after_another_company_than_the_texts_is_left():
    got = of("subOrganizationOf", labelled("Last year JD Logistics opened thirty new warehouses in Europe.", "en",
                                           organisation="xiaomi"))
    assert ("jd-logistics", "subOrganizationOf", "jd-com") not in got, got


@pytest.mark.parametrize("text, organisation", [
    ("Haier Group reported higher sales.", "haier-smart-home"),      # a legal form: the group itself
    ("Hyundai Electronics reported higher sales.", "hyundai-motor"),  # a former name of another company
])
def test_a_name_that_starts_with_the_company_but_is_no_unit(text, organisation):
    got = of("subOrganizationOf", labelled(text, "en", organisation=organisation))
    assert not [f for f in got if f[2] == organisation], got


@pytest.mark.parametrize("text, lang, expected", [
    # a list after the noun and a word of including (旗下品牌包括, 子公司有)
    ("诺基亚旗下品牌包括Orvex、Zelto和Quarm。", "zh", {("Orvex", "brandOf"), ("Zelto", "brandOf"), ("Quarm", "brandOf")}),
    ("诺基亚的子公司有Orvex和Zelto。", "zh", {("Orvex", "subOrganizationOf"), ("Zelto", "subOrganizationOf")}),
    # the owner is who owns (launched, set up) "the premium brand X"
    ("Nokia also owns the premium brand Orvex.", "en", {("Orvex", "brandOf")}),
    ("In 2019 Nokia launched the budget brand Orvex for India.", "en", {("Orvex", "brandOf")}),
])
def test_owned_names_after_a_noun_of_their_kind(text, lang, expected):
    got = labelled(text, lang, organisation="huawei")
    assert {(s, p) for s, p, o in of("brandOf", got) | of("subOrganizationOf", got) if o == "nokia"} == expected, got


@pytest.mark.parametrize("text", [
    "2021年，诺基亚在美国组建了子公司Orvex。",  # where it was formed stands between the owner and the noun
    # a later clause goes on about the subject, which formed the unit with what it bought
    "2021年12月，诺基亚完成对英特尔闪存业务的收购，并以此组建了位于美国加州圣何塞的子公司Orvex。",
])
def test_a_unit_formed_by_the_subject(text):
    got = of("subOrganizationOf", labelled(text, "zh", organisation="huawei"))
    assert got == {("Orvex", "subOrganizationOf", "nokia")}, got


@pytest.mark.parametrize("text", ["交易完成后，摩托罗拉就成了联想的全资子公司。", "2019年，摩托罗拉成为联想的子公司。"])
def test_a_unit_that_became_one_zh(text):
    assert ("motorola", "subOrganizationOf", "lenovo") in labelled(text, "zh"), text
