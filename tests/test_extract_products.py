"""Products: series membership, launches and in-house development told in ways the first rules missed."""
import pytest

from kg.graph import series_stems
from tests.helpers import labelled, of


@pytest.mark.parametrize("text, lang", [
    # a brand or platform that the lexicon files as a series, named bare, tells no series
    ("Redmi K70系列销量很好，Redmi品牌也在增长。", "zh"),
    ("2025年推出升级版Blackwell Ultra，Blackwell平台已经出货。", "zh"),
    ("Redmi shipped more phones, led by the Redmi Note 13 Pro.", "en"),
])
def test_a_name_shared_with_a_bare_series_name_is_no_membership(text, lang):
    assert not of("partOfSeries", labelled(text, lang)), labelled(text, lang)


@pytest.mark.parametrize("text, lang, expected", [
    ("小米MIX系列里，小米MIX 2卖得最好。", "zh", ("mi-mix-2", "partOfSeries", "mix-series")),
    ("Within the Galaxy S series, the Galaxy S9 sold best.", "en", ("galaxy-s9", "partOfSeries", "galaxy-s-series")),
])
def test_a_model_named_after_a_series_written_as_one_belongs_to_it(text, lang, expected):
    assert expected in labelled(text, lang)


def test_a_series_list_may_open_a_clause_after_a_comma():
    # word-by-word translations drop the article: ", Star series include A, B and C etc models"
    got = of("partOfSeries", labelled("The brand has two lines, Comet series include Comet One, Comet Two and Comet Max etc models.", "en"))
    assert {("Comet One", "partOfSeries", "Comet"), ("Comet Max", "partOfSeries", "Comet")} <= got, got


@pytest.mark.parametrize("names, expected", [
    ([("zh", "比亚迪王朝系列"), ("zh", "王朝系列"), ("en", "Dynasty series")], [("zh", "比亚迪王朝"), ("zh", "王朝"), ("en", "Dynasty")]),
    ([("en", "the Galaxy S series")], [("en", "Galaxy S")]),
    ([("en", "Xseries"), ("zh", "系列"), ("en", "Pixel")], []),  # no word apart from the name, nothing left, no series word
])
def test_a_series_is_also_named_without_its_series_word(names, expected):
    assert series_stems(names) == expected


def test_a_quoted_name_keeps_the_maker_name_that_holds_a_de():
    # 美的 holds 的: the quoted name is not cut after it
    got = labelled("2024年，美的发布了自研的家电AI大模型“美的仙灵”。", "zh")
    assert ("midea", "releases", "美的仙灵") in got and ("midea", "develops", "美的仙灵") in got, got


@pytest.mark.parametrize("text", [
    "Both processors were designed in-house by Qualcomm.",
    "Each chip is developed by Qualcomm.",
])
def test_a_capitalised_determiner_is_no_product(text):
    assert not of("develops", labelled(text, "en")), labelled(text, "en")


def test_a_launch_verb_with_its_object_after_it_has_its_doer_before_it():
    # the platform before "launched its ..." launched something; it was not launched
    got = of("releases", labelled("Google Play launched its first gift cards in Asia in 2017.", "en", organisation="alphabet"))
    assert not [f for f in got if f[2] in ("google-play", "Google Play")], got
    # a launch told from the product's side still is one
    assert ("alphabet", "releases", "pixel-2") in labelled("The Pixel 2, launched in 2017, sold well.", "en", organisation="alphabet")


@pytest.mark.parametrize("text, lang, expected", [
    ("2024年6月，三星开始量产第二代HBM3E。", "zh", ("samsung", "releases", "HBM3E")),
    ("In May 2023 Samsung began mass production of the HBM3 Icebolt.", "en", ("samsung", "releases", "HBM3 Icebolt")),
    # a brand written in lower case, then capitals
    ("Canon launched the imagePROGRAF PRO-1100 printer in 2022.", "en", ("canon", "releases", "imagePROGRAF PRO-1100")),
])
def test_more_ways_to_tell_a_launch(text, lang, expected):
    assert expected in labelled(text, lang), labelled(text, lang)


def test_mass_production_capacity_is_no_launch():
    assert not of("releases", labelled("三星的HBM3E量产能力很强。", "zh"))


@pytest.mark.parametrize("text, lang, expected", [
    # in-house with no maker named: the company the text is about
    ("The SEA platform, developed in-house, was launched in 2020.", "en", ("geely", "develops", "SEA")),
    ("Company self-grind of HarmonyNext, ColorOne and MagicUX three sets operation system.", "en", ("geely", "develops", "ColorOne")),
    ("Company own development of VIDAA television operation system is used widely.", "en", ("geely", "develops", "VIDAA")),
    # 自研X芯片的Y: the in-house thing is X, not what it is built into
    ("搭载自研Graviton4芯片的R8g实例已正式商用。", "zh", ("geely", "develops", "Graviton4")),
    # a model name and its class noun, then a verb: the verb is no name
    ("公司自研的Kunlun芯片已经量产。", "zh", ("geely", "develops", "Kunlun")),
])
def test_in_house_development_names_its_maker_or_the_topic(text, lang, expected):
    got = labelled(text, lang, organisation="geely")
    assert expected in got, got


def test_in_house_does_not_pass_the_built_in_part_to_the_whole():
    got = of("develops", labelled("搭载自研Graviton4芯片的R8g实例已正式商用。", "zh", organisation="geely"))
    assert not [f for f in got if f[2] == "R8g"], got


def test_a_sentence_opening_company_is_no_product():
    got = labelled("Company self-grind of HarmonyNext, ColorOne and MagicUX three sets operation system.", "en", organisation="geely")
    assert not [f for f in got if "Company" in (f[0], f[2])], got


@pytest.mark.parametrize("text, lang, expected", [
    ("Its phones sold well: the Pixel 7, built around the Snapdragon 8 Gen 2 chip, was launched in 2022, followed by the Pixel 8.", "en",
     ("pixel-8", "successorOf", "pixel-7")),
    ("The Pixel 7 was succeeded by the Pixel 8.", "en", ("pixel-8", "successorOf", "pixel-7")),
    ("麒麟9000被麒麟9010取代。", "zh", ("kirin-9010", "successorOf", "kirin-9000")),
    ("EOS R3是EOS-1D X Mark II的后继机型。", "zh", ("EOS R3", "successorOf", "EOS-1D X Mark II")),
])
def test_more_ways_to_name_a_successor(text, lang, expected):
    got = labelled(text, lang)
    assert expected in got, got


def test_a_clause_describing_a_name_holds_no_predecessor():
    got = of("successorOf", labelled("Its phones sold well: the Pixel 7, built around the Snapdragon 8 Gen 2 chip, was launched in 2022, "
                                     "followed by the Pixel 8.", "en"))
    assert got == {("pixel-8", "successorOf", "pixel-7")}, got


def test_followed_by_between_figures_is_no_succession():
    assert not of("successorOf", labelled("Sales of the Pixel 7 were strong, followed by a dip in 2023.", "en"))


@pytest.mark.parametrize("text, expected", [
    # a kind of product between the lead words and the name
    ("2018年发布首款全画幅无反相机Z7。", ("nikon", "releases", "Z7")),
    ("本月初，公司推出了第三代运动相机Action 5。", ("nikon", "releases", "Action 5")),
    ("2019年又推出了无人机Mavic Mini。", ("nikon", "releases", "Mavic Mini")),
    # a version number needs the name before it
    ("今年10月发布的星火4.0 Turbo表现亮眼。", ("nikon", "releases", "星火4.0 Turbo")),
    ("2024年，公司发布了盘古5.0大模型。", ("nikon", "releases", "盘古5.0")),
    # a model name, then words describing it: the name, not the kind at the end (系统)
    ("1990年，公司推出F4自动对焦单反相机系统。", ("nikon", "releases", "F4")),
])
def test_launched_names_the_lexicon_lacks(text, expected):
    got = labelled(text, "zh", organisation="nikon")
    assert expected in got, got


def test_a_latin_name_after_a_descriptor_keeps_standing_alone():
    assert ("nikon", "releases", "Semi") in labelled("2024年，公司发布了电动重卡Semi。", "zh", organisation="nikon")


def test_a_price_aside_does_not_end_a_list_of_launched_models():
    got = of("releases", labelled("In October 2023 Google introduced the Pixel 8, priced from $699 and $799, and the Pixel 8 Pro, "
                                  "priced from $999.", "en", organisation="google"))
    assert {("google", "releases", "pixel-8"), ("google", "releases", "pixel-8-pro")} <= got, got
    # an aside that is no price: the list ends there
    got = of("releases", labelled("Google introduced the Pixel 8, praised by reviewers, and Samsung cut the Galaxy S23's price.",
                                  "en", organisation="google"))
    assert not [f for f in got if "s23" in f[2].lower()], got


@pytest.mark.parametrize("text, garbled", [
    ("Google introduced the Pixel 8 and Pixel 8 Pro in October.", ""),
    ("Current models are the Haval H6, Haval Raptor and Haval H9.", ""),
    ("Apple spent hundreds of billions spent 20 years.", "spent"),  # a garble still is one
    ("the company company built it", "company"),
])
def test_a_maker_s_models_listed_are_no_repeated_word(text, garbled):
    from kg.sources import _repeated_word, load_noise

    assert _repeated_word(text, load_noise().languages["en"]["repeated_word"]) == garbled


@pytest.mark.parametrize("text, lang", [
    ("2024年4月，我们在中国推出了首批AI PC。", "zh"),  # capitals and a kind: a category, no name
    ("In 2024 the company launched its first AI PCs in China.", "en"),
    ("2024年，公司上市的控股子公司还有三家。", "zh"),  # its own noun says it is a company
])
def test_a_category_or_a_company_is_no_launched_product(text, lang):
    assert not of("releases", labelled(text, lang, organisation="lenovo")), labelled(text, lang, organisation="lenovo")


def test_a_name_holding_a_company_name_still_is_a_product():
    assert ("lenovo", "releases", "联想式汉卡") in labelled("1985年，公司推出联想式汉卡。", "zh", organisation="lenovo")


def test_a_product_series_name_is_also_the_name_without_series():
    assert series_stems([("en", "Nova 12 Pro series"), ("zh", "Mate 70系列")]) == [("en", "Nova 12 Pro"), ("zh", "Mate 70")]


def test_a_series_list_may_name_the_kind_before_each_model():
    got = of("partOfSeries", labelled("Pura系列包括旗舰手机Pura 70、折叠屏手机Pura X和入门手机Pura 70e等。", "zh"))
    assert len(got) == 3 and {f[2] for f in got} == {"Pura"}, got


def test_an_in_house_word_inside_the_noun_phrase_reaches_the_name_after_the_comma():
    got = labelled("In 2019 it launched its first self-developed server chip, the Kunpeng 920.", "en", organisation="huawei")
    assert ("huawei", "develops", "kunpeng-920") in got, got
    assert not of("develops", labelled("The chip was developed in-house, the company said.", "en", organisation="huawei"))


@pytest.mark.parametrize("text, lang, org, name", [
    # a version with a decimal point, a generation word and a number after it are the model's name
    ("华为于2025年6月发布了HarmonyOS 5.1。", "zh", "huawei", "HarmonyOS 5.1"),
    ("高通于2025年9月发布了骁龙8 Gen 5。", "zh", "qualcomm", "骁龙8 Gen 5"),
    ("佳途科技于2025年发布了Vela Tab 11.5平板。", "zh", "xiaomi", "Vela Tab 11.5"),
    # a word for the model's edition is part of its name
    ("小米于2025年9月发布了Redmi K90至尊版。", "zh", "xiaomi", "Redmi K90至尊版"),
    ("华为于2025年发布了畅行S9冠军版。", "zh", "huawei", "畅行S9冠军版"),
    # a version written after a kind noun (大模型3.0) is the name's, even when the name without it is known
    ("vivo于2025年发布了蓝心大模型4.0。", "zh", "vivo", "蓝心大模型4.0"),
    ("百度于2025年发布了文心大模型5.0。", "zh", "baidu", "文心大模型5.0"),
    ("2025年，小米发布了星河大模型2.5 Pro。", "zh", "xiaomi", "星河大模型2.5 Pro"),
])
def test_a_model_name_keeps_its_version_and_edition(text, lang, org, name):
    got = of("releases", labelled(text, lang, organisation=org))
    assert got == {(org, "releases", name)}, got


@pytest.mark.parametrize("text", [
    "小米于2024年发布了Vela 7 2024年款手机。",
    "华为于2025年发布了Nova Tab 12英寸平板。",
])
def test_a_number_of_years_or_inches_ends_a_model_name(text):
    got = of("releases", labelled(text, "zh", organisation="huawei"))
    assert got and not any("年" in f[2] or "英寸" in f[2] for f in got), got


def test_a_word_by_word_translation_names_a_model_by_its_maker_in_lower_case():
    # 小米发布小米16系列手机 word by word: the lexicon's "millet" (Xiaomi) then model words with a number
    from tests.helpers import run
    x = run("October 29, millet release millet 16 series mobile phone, and in September release red rice Note 15 series.",
            "en", organisation="xiaomi")
    names = {e.entity_id: {n for _, n in e.labels + e.aliases} for e in x.entities}
    launched = [names.get(f.obj, {f.obj}) for f in x.facts if f.predicate == "releases"]
    assert any("Xiaomi 16 series" in n for n in launched), launched
    assert any("Redmi Note 15 series" in n for n in launched), launched
    # a count after the maker is no model
    got = of("releases", labelled("In 2024 millet release millet 15 million phones.", "en", organisation="xiaomi"))
    assert not any("15" in f[2] for f in got), got


@pytest.mark.parametrize("text, lang, launched, not_launched", [
    ("Xiaomi released the Vela 7, Vela 8 will follow next month.", "en", "Vela 7", "Vela 8"),
    ("小米于2024年发布了Vela 7，Vela 8将于明年发布。", "zh", "Vela 7", "Vela 8"),
])
def test_a_name_after_a_bare_comma_with_its_own_verb_ends_the_list(text, lang, launched, not_launched):
    got = {f[2] for f in of("releases", labelled(text, lang, organisation="xiaomi"))}
    assert launched in got and not_launched not in got, got


@pytest.mark.parametrize("text, name", [
    # two Chinese characters written onto a Latin model are its line's name
    ("年内公司推出了云犀X8 PRO、云犀T50系列。", "云犀X8 PRO"),
    ("2024年，公司发布了畅行S9。", "畅行S9"),
    # a kind of product or a leading word before the model only describes it
    ("2024年，公司发布了平板Lumo Q7。", "Lumo Q7"),
    ("2024年，公司发布了新款Lumo Q7。", "Lumo Q7"),
])
def test_a_chinese_line_name_before_a_latin_model_is_part_of_it(text, name):
    got = {f[2] for f in of("releases", labelled(text, "zh", organisation="xiaomi"))}
    assert name in got, got


@pytest.mark.parametrize("text, lang, brand", [
    # a launched name the noun right before it calls a brand is the launcher's brand, however the brand is described
    ("2006年，公司推出自有品牌“云犀”，2018年推出高端生活电器品牌“添瑞”。", "zh", "添瑞"),
    ("2013年，公司推出面向家庭和个人用户的互联网品牌“萤火”（EZFIRE）。", "zh", "萤火"),
    ("In 2018 the company launched the premium brand Tinra.", "en", "Tinra"),
])
def test_a_launched_brand_belongs_to_its_launcher(text, lang, brand):
    assert (brand, "brandOf", "xiaomi") in labelled(text, lang, organisation="xiaomi"), labelled(text, lang, organisation="xiaomi")


def test_a_launched_product_is_no_brand():
    got = labelled("2024年，公司推出了高端旗舰手机“云犀”。", "zh", organisation="xiaomi")
    assert ("xiaomi", "releases", "云犀") in got and not of("brandOf", got), got


@pytest.mark.parametrize("text, name", [
    # a kind noun, then a line's Chinese name and a model number
    ("2019年，公司发布边缘智能芯片思源220。", "思源220"),
    ("2021年，公司发布第四代云端芯片思源370。", "思源370"),
    ("2020年，公司推出了面向云端训练的思源290。", "思源290"),
])
def test_a_chinese_line_name_with_a_model_number_after_a_kind_is_launched(text, name):
    assert (("xiaomi", "releases", name)) in labelled(text, "zh", organisation="xiaomi")


def test_chinese_words_before_a_latin_name_still_describe_it():
    got = labelled("2016年，小米以55亿美元收购美国通用电气旗下的家电业务Lumo Appliances。", "zh", organisation="xiaomi")
    assert ("xiaomi", "acquired", "Lumo Appliances") in got, got


@pytest.mark.parametrize("text, org, name", [
    ("GoPro's flagship HERO19 Black went on sale in September 2030 at $399.", "gopro", "HERO19 Black"),
    ("Xiaomi's new Vela 7 went on sale in September 2024.", "xiaomi", "Vela 7"),
])
def test_a_product_after_its_makers_possessive_is_launched_by_it(text, org, name):
    assert (org, "releases", name) in labelled(text, "en", organisation=org), labelled(text, "en", organisation=org)


def test_a_possessive_among_other_makers_launches_nothing():
    got = of("releases", labelled("Apple's rival Samsung said the Vela 7 went on sale in 2024.", "en"))
    assert not any(f[0] == "apple" for f in got), got


def test_an_english_list_of_launches_gives_each_its_own_time():
    from tests.helpers import run
    x = run("We launched the Q100 in 2018, the Q270 in 2019 and the Q290, our first training chip, in 2020.", "en",
            organisation="xiaomi")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    got = {(names.get(f.obj, f.obj), f.attr("period").key) for f in x.facts if f.predicate == "releases"}
    assert got == {("Q100", "2018"), ("Q270", "2019"), ("Q290", "2020")}, got


def test_an_aside_describing_a_launched_name_does_not_end_the_list():
    got = of("releases", labelled("Today we unveil the Lumo Book X, a next-generation AI PC for business, and the Lumo Flip 2.",
                                  "en", organisation="xiaomi"))
    assert {("xiaomi", "releases", "Lumo Book X"), ("xiaomi", "releases", "Lumo Flip 2")} <= got, got


@pytest.mark.parametrize("text, lang, expected", [
    ("Vantor and Quill are now brands of Lenovo.", "en", {("Vantor", "brandOf", "lenovo"), ("Quill", "brandOf", "lenovo")}),
    ("In 2019, Vantor, Quill and Brio became brands of Lenovo.", "en",
     {("Vantor", "brandOf", "lenovo"), ("Quill", "brandOf", "lenovo"), ("Brio", "brandOf", "lenovo")}),
    ("Vantor and Quill are Lenovo's brands.", "en", {("Vantor", "brandOf", "lenovo"), ("Quill", "brandOf", "lenovo")}),
    ("Vantor、Quill都是联想旗下的品牌。", "zh", {("Vantor", "brandOf", "lenovo"), ("Quill", "brandOf", "lenovo")}),
])
def test_a_list_before_a_plural_copula_names_brands_each(text, lang, expected):
    got = of("brandOf", labelled(text, lang))
    assert expected <= got, got


def test_a_list_before_a_copula_of_words_that_are_no_names_gives_nothing():
    got = of("brandOf", labelled("Price and quality are the brands of trust for Lenovo.", "en"))
    assert not got, got


def test_the_company_before_a_noun_opening_with_its_owner_word_owns_the_brand():
    # 联想旗下品牌X: 联想 is the owner, not a brand of the text's company
    got = of("brandOf", labelled("联想旗下品牌Vantor增长迅速。", "zh", organisation="nikon"))
    assert got == {("Vantor", "brandOf", "lenovo")}, got


def test_a_list_after_include_with_aspect_particle_has_no_particle_in_its_first_name():
    got = of("brandOf", labelled("公司的品牌包括了Vantor、Quill和Brio。", "zh", organisation="nikon"))
    assert ("Vantor", "brandOf", "nikon") in got and not [f for f in got if f[0].startswith("了")], got


@pytest.mark.parametrize("text, expected", [
    ("2023年，公司推出了AI助手“小橙”。", {("nikon", "releases", "小橙")}),
    # each quoted name with its own description, in a list
    ("今年5月，公司推出了AI理财助手“橙小财”和AI健康管家“橙小医”。", {("nikon", "releases", "橙小财"), ("nikon", "releases", "橙小医")}),
])
def test_a_quoted_name_after_a_description_with_latin_letters_is_what_was_launched(text, expected):
    got = of("releases", labelled(text, "zh", organisation="nikon"))
    assert expected <= got and not [f for f in got if f[2] in ("AI", "AI助手")], got


def test_a_description_with_no_quoted_name_launches_nothing():
    assert not of("releases", labelled("2023年，公司推出了AI助手。", "zh", organisation="nikon"))


@pytest.mark.parametrize("text, expected", [
    ("Lenovo began shipping the Vantor Z13 laptop in 2022.", ("lenovo", "releases", "Vantor Z13")),
    ("In 2024 Lenovo began volume production of its LX9 chip.", ("lenovo", "releases", "LX9")),
])
def test_shipping_and_volume_production_begin_a_launch(text, expected):
    assert expected in labelled(text, "en"), labelled(text, "en")


def test_shipping_a_number_of_units_is_no_launch():
    assert not of("releases", labelled("Lenovo began shipping 5 million units to Europe in 2022.", "en"))


def test_a_series_word_inside_a_model_name_is_no_description():
    # X系列微控制器: 系列 belongs to the model's name, the kind after it names nothing
    got = of("releases", labelled("同年12月，公司发布了LQ80M系列微控制器。", "zh", organisation="nikon"))
    assert got == {("nikon", "releases", "LQ80M系列")}, got


def test_a_model_after_a_kind_noun_following_de_is_what_was_launched():
    got = of("releases", labelled("2024年4月，公司发布了Z3的后继机型Z4。", "zh", organisation="nikon"))
    assert got == {("nikon", "releases", "Z4")}, got


def test_each_name_of_a_list_may_carry_its_own_kind_in_lower_case():
    got = of("releases", labelled("Same year the company also push out thumb camera Aro 3S and network camera Lynx 2.", "en",
                                  organisation="nikon"))
    assert {("nikon", "releases", "Aro 3S"), ("nikon", "releases", "Lynx 2")} <= got, got


def test_brand_new_is_an_adjective_not_a_brand():
    got = of("brandOf", labelled("We have Stays and Tours, and we are introducing something brand new: Nikon Services.", "en",
                                 organisation="nikon"))
    assert not got, got


def test_shares_listed_on_a_board_launch_nothing():
    got = of("releases", labelled("影创科技（品牌名Vantor360）昨日在上海证券交易所科创板挂牌上市。", "zh", organisation="nikon"))
    assert not got, got


@pytest.mark.parametrize("text", [
    "Z3的后继机型Z4卖得很好。",
    "2024年4月，公司发布了Z3的继任者Z4。",
    "Z4作为Z3的继任者，于2024年发布。",
])
def test_a_successor_noun_between_two_new_model_names(text):
    got = of("successorOf", labelled(text, "zh", organisation="nikon"))
    assert got == {("Z4", "successorOf", "Z3")}, got


def test_a_name_inside_a_relative_clause_before_the_verb_was_not_launched():
    got = of("releases", labelled("The Zorro X4, which succeeds the Zorro X3, launched in April.", "en", organisation="nikon"))
    assert got == {("nikon", "releases", "Zorro X4")}, got


def test_a_quoted_name_after_brand_is_names_the_brand():
    got = of("brandOf", labelled('The company own brand is "Vantor360".', "en", organisation="nikon"))
    assert got == {("Vantor360", "brandOf", "nikon")}, got
    assert not of("brandOf", labelled("The brand is popular with young buyers.", "en", organisation="nikon"))


@pytest.mark.parametrize("text, expected", [
    ("我们的第一款车V1T皮卡是在2021年9月开始交付的。", ("nikon", "releases", "V1T")),
    ("Z5手机是2021年9月发布的。", ("nikon", "releases", "Z5")),
])
def test_a_cleft_shi_de_around_the_time_launches_the_name_before_it(text, expected):
    got = of("releases", labelled(text, "zh", organisation="nikon"))
    assert got == {expected}, got


def test_products_shown_together_with_the_launched_one_were_launched_too():
    got = of("releases", labelled("We unveiled V2 in March 2024, together with V3 and V3X.", "en", organisation="nikon"))
    assert got == {("nikon", "releases", n) for n in ("V2", "V3", "V3X")}, got


def test_late_next_year_is_a_plan_when_the_text_opens_with_its_date():
    import datetime as dt
    got = of("releases", labelled("2024年12月4日电 Z9芯片明年底面世。", "zh", organisation="nikon", date=dt.date(2024, 12, 4)))
    assert not got, got


@pytest.mark.parametrize("text, lang, expected", [
    ("今年3月，凌风Q系列首款车型Q10已正式上市。", "zh", ("Q10", "partOfSeries", "Q系列")),
    ("公司发布了Zorro系列的第三款车型Zorro X3。", "zh", ("Zorro X3", "partOfSeries", "Zorro系列")),
    ("Company this year 3 month launch Q series first model Q10.", "en", ("Q10", "partOfSeries", "Q series")),
])
def test_a_model_named_after_its_place_in_a_series_belongs_to_it(text, lang, expected):
    got = of("partOfSeries", labelled(text, lang, organisation="nikon"))
    assert expected in got, got



@pytest.mark.parametrize("text, lang, expected", [
    ("The Zorro X1 is part of the Zorro series.", "en", ("Zorro X1", "partOfSeries", "Zorro series")),
    ("Zorro X1属于Zorro系列。", "zh", ("Zorro X1", "partOfSeries", "Zorro系列")),
    ("Zorro X1是Zorro系列的首款车型。", "zh", ("Zorro X1", "partOfSeries", "Zorro系列")),
])
def test_a_model_said_to_belong_to_a_series(text, lang, expected):
    assert expected in of("partOfSeries", labelled(text, lang, organisation="nikon"))


def test_a_comparison_within_a_series_is_no_membership_told():
    assert not of("partOfSeries", labelled("Zorro X1是Zorro系列中最好的。", "zh", organisation="nikon"))


@pytest.mark.parametrize("text, lang, expected", [
    ("Lenovo began selling the Zorro X1 in 2019.", "en", ("lenovo", "releases", "Zorro X1")),
    ("The Zorro X1 became available in March 2019.", "en", ("nikon", "releases", "Zorro X1")),
    ("2019年3月，Zorro X1正式开售。", "zh", ("nikon", "releases", "Zorro X1")),
    # a word-by-word translation of "launched"
    ("在第四季度期间，公司也发射了代理力量2.0。", "zh", ("nikon", "releases", "代理力量2.0")),
])
def test_selling_availability_and_translated_launch_words(text, lang, expected):
    assert expected in of("releases", labelled(text, lang, organisation="nikon"))


def test_selling_a_kind_of_product_in_a_country_launches_no_name():
    assert not of("releases", labelled("Lenovo began selling phones in India in 2019.", "en", organisation="nikon"))


@pytest.mark.parametrize("text, expected", [
    ("Zorro X1芯片由联想研发。", ("lenovo", "develops", "Zorro X1")),
    ("Zorro X1由联想于2019年推出。", ("lenovo", "releases", "Zorro X1")),
])
def test_the_name_before_the_agent_marked_by_you_is_what_it_made(text, expected):
    assert expected in labelled(text, "zh", organisation="nikon")


@pytest.mark.parametrize("text, members", [
    ("The Orbix series, which includes the Orbix 5 and the Orbix 7, sold well.", {"Orbix 5", "Orbix 7"}),
    ("In 2024 Qualcomm unveiled the Orbix family of chips, including the Orbix 5 and Orbix 7.", {"Orbix 5", "Orbix 7"}),
    ("The Orbix 7, part of the Orbix series, was launched in 2020.", {"Orbix 7"}),
    ("The Orbix 7 is the latest in the Orbix line.", {"Orbix 7"}),
    ("The Orbix 5 and Orbix 7 are the newest members of the Orbix family.", {"Orbix 5", "Orbix 7"}),
    ("The Orbix lineup consists of the Orbix 5, Orbix 7 and Orbix 9.", {"Orbix 5", "Orbix 7", "Orbix 9"}),
])
def test_models_told_as_members_of_a_series(text, members):
    got = {s for s, p, _ in labelled(text, "en", organisation="qualcomm") if p == "partOfSeries"}
    assert got == members, got


def test_a_line_of_business_is_no_series_of_products():
    assert not {f for f in labelled("Its revenue is part of the Services line.", "en") if f[1] == "partOfSeries"}
