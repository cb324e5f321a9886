"""Market ranks, shares and goals of the rank class: sentences written for these tests."""
from __future__ import annotations

import pytest

from helpers import run


def positions(text: str, lang: str) -> set[tuple]:
    return {(f.subject, f.attr("rank"), f.attr("scope"), f.attr("category") or "")
            for f in run(text, lang).facts if f.kind == "position"}


@pytest.mark.parametrize("text, lang, expected", [
    ("The Model 3 was China's best-selling electric vehicle last year.", "en",
     ("tesla-model-3", 1, "china", "cat-electric-vehicles")),
    ("In 2022 the Xiaomi 12 became the best-selling smartphone model in India.", "en",
     ("xiaomi-12", 1, "india", "cat-smartphones")),
    ("The Xiaomi SU7 was the best-selling sedan of any kind in the world in 2024.", "en", ("xiaomi-su7", 1, "world", "")),
    ("2024年，小米SU7是中国最畅销的轿车。", "zh", ("xiaomi-su7", 1, "china", "cat-automobiles")),
    # the kind is the product's own noun, not the kind of the clause before
    ("特斯拉位居全球纯电动汽车销量第一；其中Model Y成为2023年全球最畅销的车型。", "zh", ("tesla-model-y", 1, "world", "")),
])
def test_a_sales_superlative_ranks_a_product_in_its_market(text, lang, expected):
    assert expected in positions(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("The Redmi Note 12 was Xiaomi's best-selling model in 2023.", "en"),   # the company's own best-seller
    ("BYD sold the best-selling car in China last year.", "en"),            # a company is not the car it sells
    ("Redmi Note 12是小米最畅销的机型。", "zh"),
])
def test_no_market_rank_without_a_market_or_a_product(text, lang):
    assert not positions(text, lang)


def test_a_sales_superlative_of_a_brand_still_ranks_the_company():
    got = positions("BYD remained the best-selling car brand in China in 2024.", "en")
    assert ("byd", 1, "china", "cat-automobiles") in got, got


def quantities(text: str, lang: str, metric: str) -> set[tuple]:
    return {(f.subject, float(f.attr("value"))) for f in run(text, lang).facts
            if f.kind == "quantity" and f.predicate == metric}


@pytest.mark.parametrize("text, lang, expected", [
    ("2023年长城汽车全年销量123万辆，其中魏牌销量6.2万辆，坦克品牌销量16.3万辆。", "zh",
     {("great-wall-motor", 1230000.0), ("wey", 62000.0), ("tank", 163000.0)}),
    ("Haval sold 650,000 vehicles in 2023.", "en", {("haval", 650000.0)}),
])
def test_a_brand_has_its_own_deliveries(text, lang, expected):
    assert quantities(text, lang, "Deliveries") == expected


def goals(text: str, lang: str) -> set[tuple]:
    out = set()
    for f in run(text, lang).facts:
        if f.kind == "goal":
            d = f.attr("deadline")
            out.add((f.subject, float(f.attr("value")), f.attr("scope") or "", d.key if d else None))
    return out


@pytest.mark.parametrize("text, lang, expected", [
    # the trigger ends its clause: the goal is the figure before it
    ("比亚迪2023年销量302万辆，顺利完成年初提出的300万辆年度销量目标，继续领跑市场。", "zh",
     {("byd", 3000000.0, "", "2023")}),
    # an annual goal set this year is due this year; the place of another clause is not its scope
    ("今年比亚迪的目标是全年销量达到500万辆，其中海外销量力争50万辆。", "zh", {("byd", 5000000.0, "", "2018")}),
])
def test_goal_figure_deadline_and_scope(text, lang, expected):
    assert goals(text, lang) == expected


def ranks_with_period(text: str, lang: str) -> set[tuple]:
    out = set()
    for f in run(text, lang).facts:
        if f.kind == "position":
            p = f.attr("period")
            out.add((f.subject, f.attr("rank"), f.attr("scope"), f.attr("category") or "", p.key if p else None))
    return out


@pytest.mark.parametrize("text, expected", [
    # a noun of first place after what it is measured by; "the second year in a row" names no year
    ("2023年比亚迪全年销量302万辆，连续第二年蝉联全球新能源汽车销量冠军。",
     ("byd", 1, "world", "cat-new-energy-vehicles", "2023")),
    # … or after the field it is held in; the kind stops at the verb (仍保住了)
    ("特斯拉仍保住了纯电动车领域的头把交椅。", ("tesla", 1, "world", "cat-battery-electric-vehicles", None)),
])
def test_a_noun_of_first_place_after_its_measure_is_a_rank(text, expected):
    assert expected in ranks_with_period(text, "zh")


@pytest.mark.parametrize("text", ["小米获得了2022年中国乒乓球公开赛冠军。", "华为在中国市场的最大客户是中国移动。",
                                  "小米是智能手机行业的龙头企业之一。"])
def test_a_title_won_or_a_largest_customer_is_no_rank(text):
    assert not ranks_with_period(text, "zh")


def test_a_whole_year_after_a_quarter_is_the_year():
    got = ranks_with_period("2023年第四季度，比亚迪销量52万辆。不过从全年来看，特斯拉仍保住了纯电动车领域的头把交椅。", "zh")
    assert ("tesla", 1, "world", "cat-battery-electric-vehicles", "2023") in got, got


def shares(text: str, lang: str) -> set[tuple]:
    x = run(text, lang)
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    return {(f.subject, float(f.attr("value")), names.get(f.attr("category"), f.attr("category") or ""))
            for f in x.facts if f.kind == "quantity" and f.predicate == "MarketShare"}


def test_a_word_of_a_market_does_not_take_the_share_when_no_change_is_told():
    # "market" is also the trigger of a market's change, which needs a word of change in the sentence
    got = shares("Samsung's share of the global smartphone market was roughly 20% last year.", "en")
    assert got == {("samsung", 20.0, "cat-smartphones")}, got


def test_an_acronym_after_a_place_names_the_kind_of_market():
    got = shares("Researchers put Samsung's share of the global NPU market at about 35% last year.", "en")
    assert got == {("samsung", 35.0, "NPU")}, got


@pytest.mark.parametrize("text, expected", [
    ("Huawei holds around 40% of the global smart meter market.", {("huawei", 40.0, "smart meter")}),
    ("Xiaomi accounted for 13% of the Indian smartphone market in 2023.", {("xiaomi", 13.0, "cat-smartphones")}),
    # a change, and a share held by several together, are no one's share
    ("Xiaomi's revenue grew 20% in the Indian market in 2023.", set()),
    ("Xiaomi and Huawei together hold close to 45% of China's smartphone market.", set()),
])
def test_a_percentage_of_a_market_is_a_share(text, expected):
    assert shares(text, "en") == expected


def test_an_english_market_kind_is_also_named_in_the_plural():
    x = run("Huawei holds around 40% of the global smart meter market.", "en")
    names = {n for e in x.entities if e.cls == "ProductCategory" for _, n in e.labels + e.aliases}
    assert {"smart meter", "smart meters"} <= names, names


@pytest.mark.parametrize("text, lang", [
    ("2023年，中国为西门子第二大海外市场，仅次于美国。", "zh"),      # the company's own market
    ("德国是沃达丰最大的市场，贡献了约三分之一的收入。", "zh"),
    ("Germany is Vodafone's largest market.", "en"),
    ("这是中国家电企业在美国建设的第一座工厂。", "zh"),             # the first factory built, not a rank
    ("这是小米第一颗自研芯片。", "zh"),
    ("Xiaomi sells through a marketplace of third-party merchants in India.", "en"),
])
def test_no_rank_of_a_companys_own_market_or_of_a_first_thing(text, lang):
    assert not positions(text, lang)


def test_a_company_still_ranks_in_a_market_named_with_it():
    assert positions("Xiaomi is India's largest smartphone brand.", "en") == {("xiaomi", 1, "india", "cat-smartphones")}
    assert ("xiaomi", 2, "china", "cat-smartphones") in positions("小米是中国第二大手机厂商。", "zh")


@pytest.mark.parametrize("text, lang, expected", [
    ("Xiaomi business covering more than 100 country and region.", "en", {("xiaomi", 100.0)}),   # a translation's singular
    ("Xiaomi products sell to global more than 70 country and area.", "en", {("xiaomi", 70.0)}),
    ("Xiaomi now operates in more than 80 markets.", "en", {("xiaomi", 80.0)}),
    ("Xiaomi cars already enter more than 40 countries and regions.", "en", {("xiaomi", 40.0)}),
    ("小米的业务遍及全球100个市场。", "zh", {("xiaomi", 100.0)}),
    ("小米的产品已出口到60多个国家和地区。", "zh", {("xiaomi", 60.0)}),
    ("Temu now operates in more than 50 markets.", "en", {("temu", 50.0)}),            # a platform's own markets
    ("Xiaomi sold 100 million phones in 2023.", "en", set()),
])
def test_countries_entered(text, lang, expected):
    assert quantities(text, lang, "CountriesEntered") == expected


@pytest.mark.parametrize("text, lang, scope", [
    ("小米在中国有约5万名员工。", "zh", "china"),
    ("Xiaomi employs 5,000 people in India.", "en", "india"),
    ("小米在全球约有7.2万名员工。", "zh", ""),              # the world is no place of its own
    ("总部位于北京的小米有3万名员工。", "zh", ""),            # where it is based is not where its staff are
])
def test_employees_located_in_a_place(text, lang, scope):
    got = {f.attr("scope") or "" for f in run(text, lang).facts if f.predicate == "Employees"}
    assert got == {scope}, got


def test_a_translations_row_name_after_a_share_is_a_rank():
    got = positions("In India market, Xiaomi intelligent machine occupy rate surpass 20%, row name first.", "en")
    assert got == {("xiaomi", 1, "india", "cat-smartphones")}, got


@pytest.mark.parametrize("text, subject", [
    ("手机业务方面，2022年公司手机收入为1200亿元，全球手机出货量为1.2亿台。", "xiaomi"),   # the company's own figure
    ("2023年全球智能手机出货量为11.7亿台，同比下降3%。", "market:world"),                # the whole market's
])
def test_global_shipments_of_the_company_or_of_the_market(text, subject):
    assert {f.subject for f in run(text, "zh").facts if f.predicate == "Shipments"} == {subject}


def test_a_name_in_an_aside_is_not_the_subject_of_a_figure():
    got = {f.subject for f in run("据Omdia数据，2023年华为系（含荣耀）手机全球出货量约2亿台。", "zh").facts if f.predicate == "Shipments"}
    assert got == {"huawei"}, got


def test_the_kind_a_market_is_for_is_the_category():
    x = run("Xiaomi held the number one share of the world market for industrial inkjet printers.", "en")
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    got = {(f.subject, f.attr("rank"), names.get(f.attr("category"), f.attr("category"))) for f in x.facts if f.kind == "position"}
    assert got == {("xiaomi", 1, "industrial inkjet printers")}, got


# ---------------------------------------------------------------- second round: 首位, titles, kinds, run lengths


@pytest.mark.parametrize("text, expected", [
    ("京东连续多年位居国内零售企业首位。", ("jd-com", 1, "china", "cat-retailers")),
    ("2023年小米手机在印度市场排名首位，份额为18%。", ("xiaomi", 1, "india", "cat-smartphones")),
])
def test_first_place_after_a_verb_of_placing_is_a_rank(text, expected):
    assert expected in positions(text, "zh")


@pytest.mark.parametrize("text", ["雷军成为小米品牌首位代言人。", "她是公司首位女性董事。"])
def test_a_first_of_a_kind_is_no_rank(text):
    assert not positions(text, "zh")


@pytest.mark.parametrize("text, lang, expected", [
    ("阿里巴巴表示，中国第二大电商平台拼多多的增速更快。", "zh", ("pinduoduo", 2, "china", "cat-e-commerce")),
    ("Apple said sales rose, while the world's second-largest smartphone maker Samsung Electronics lost share.", "en",
     ("samsung", 2, "world", "cat-smartphones")),
    ("The world's largest contract chipmaker TSMC reported a rise in profit.", "en", ("tsmc", 1, "world", "cat-foundry")),
])
def test_a_ranked_title_before_a_name_ranks_that_name(text, lang, expected):
    got = positions(text, lang)
    assert expected in got and not [g for g in got if g[0] != expected[0]], got


@pytest.mark.parametrize("text, category", [
    ("安克在全球移动充电市场排名第一。", "cat-mobile-charging"),
    ("安克创新在北美智能安防摄像头市场排名前三。", "cat-security-cameras"),
    ("携程在中国在线旅游市场排名第一。", "cat-online-travel"),
    ("佳能在可换镜头数码相机市场连续多年排名全球第一。", "cat-interchangeable-lens-cameras"),
])
def test_a_chinese_market_kind_is_a_category_with_an_english_name(text, category):
    x = run(text, "zh", organisation="")
    got = {f.attr("category") for f in x.facts if f.kind == "position"}
    assert got == {category}, got
    from kg import lexicon
    assert [n for lang, n in lexicon.load().info(category).labels if lang == "en"]


def test_the_length_of_a_run_held_is_no_sign_of_noise(tmp_path):
    from kg import pipeline

    (tmp_path / "r.txt").write_text("Canon was the world's largest camera maker for 20 consecutive years.\n"
                                    "Sony ranked second in image sensors for almost ten consecutive years.\n", encoding="utf-8")
    build = pipeline.build([tmp_path])
    assert [f for f in build.resolved.facts if f.kind == "position"]
    assert not [a for a in build.sources.adjustments if any(r.startswith("unexplained_number") for r in a.reasons)], \
        build.sources.adjustments


@pytest.mark.parametrize("text, lang", [
    ("2015年，携程因此成为去哪儿的第一大股东。", "zh"),                       # a holder's place, not a market's
    ("Stellantis became Leapmotor's second-largest shareholder in 2023.", "en"),
    ("按地区计，北美仍是最大市场，收入107.5亿元。", "zh"),                     # the largest of its own markets
    ("Europe remained the largest market, with revenue of $5 billion.", "en"),
    ("Xiaomi's goal is to become the world's largest smartphone maker by 2030.", "en"),  # a target, not a place held
])
def test_a_holder_an_own_market_or_a_goal_is_no_market_position(text, lang):
    assert not positions(text, lang)


def test_a_goal_of_a_rank_is_no_rank_held():
    x = run("小米今年的目标是保持全球前三，并努力做到全球第一。", "zh")
    assert not [f for f in x.facts if f.kind == "position"]


def test_a_goal_met_before_a_rank_leaves_the_rank_held():
    got = positions("比亚迪2023年完成了300万辆的年度销量目标，连续第二年蝉联全球新能源汽车销量冠军。", "zh")
    assert ("byd", 1, "world", "cat-new-energy-vehicles") in got, got


def test_a_world_word_after_a_rank_is_its_scope():
    got = positions("Trip.com is the largest online travel agency in Asia and among the top three worldwide by gross bookings.", "en")
    assert ("trip-com", 3, "world", "cat-online-travel") in got, got


def test_a_list_named_before_its_rank_is_no_count_and_its_superlative_no_rank():
    x = run("In the Fortune Global 500 we moved up to 154th place, and in the BrandZ ranking of the most valuable "
            "global brands we are number 55.", "en", organisation="siemens")
    got = {(f.subject, f.attr("rank"), f.attr("scope"), max(e.confidence for e in f.evidence))
           for f in x.facts if f.kind == "position"}
    assert {(g[0], g[1], g[2]) for g in got} == {("siemens", 154, "fortune-global-500"), ("siemens", 55, "brandz-top-100")}, got
    assert all(g[3] >= 0.85 for g in got), got  # "we" is named in the clause: no fallback to the topic


@pytest.mark.parametrize("text, lang", [
    ("In the Indian market, Xiaomi has become the first market share since 2018.", "en"),
    ("小米在印度拥有第一的市场份额。", "zh"),
])
def test_the_first_market_share_is_a_rank(text, lang):
    assert [p for p in positions(text, lang) if p[:3] == ("xiaomi", 1, "india")], positions(text, lang)


@pytest.mark.parametrize("text, lang, category", [
    ("小鹏位列中国造车新势力品牌第四。", "zh", "cat-new-ev-startups"),
    ("美光在全球NAND闪存市场排名第五。", "zh", "cat-nand-flash"),
    ("Micron is the third-largest DRAM maker in the world.", "en", "cat-dram"),
])
def test_a_kind_the_lexicon_names_in_both_languages_is_the_ranks_category(text, lang, category):
    assert {p[3] for p in positions(text, lang)} == {category}


def test_a_rank_after_the_clause_that_names_its_place_shares_the_place():
    got = positions("美的空调在中国市场的份额位居行业第一，洗衣机市场份额仅次于海尔位居第二。", "zh")
    assert ("midea", 2, "china", "cat-washing-machines") in got, got


@pytest.mark.parametrize("text, expected", [
    ("Lenovo kept growing, making it the third-largest PC maker in Japan.", ("lenovo", 3, "japan")),
    ("After the merger Vodafone became the 2nd biggest mobile operator in Germany.", ("vodafone", 2, "germany")),
])
def test_an_ordinal_joined_to_its_superlative_is_one_rank(text, expected):
    got = positions(text, "en")
    assert [p for p in got if p[:3] == expected], got


def test_a_second_largest_holder_is_still_no_rank():
    assert not positions("Xiaomi became the second-largest shareholder of the bank.", "en")


def test_a_place_after_a_possessive_is_no_market_of_the_rank():
    got = positions("In DRAM, where it sells through its Chinese unit, Micron ranked third in 2023.", "en")
    assert {p[2] for p in got} == {"world"}, got


@pytest.mark.parametrize("text, expected", [
    # word-for-word translations of 稳居第一, 排名第一, 保持前三: the place ends its clause, the market is the sentence's
    ("In India smart phone market, Xiaomi occupy rate surpass 20%, firmly sit first.", ("xiaomi", 1, "india", "Exact")),
    ("In Brazil market, Lenovo notebook shipment share 30%, continue 5 year row first.", ("lenovo", 1, "brazil", "Exact")),
    ("Huawei in China optical network market share keep front three.", ("huawei", 3, "china", "UpperBound")),
])
def test_a_word_for_word_place_at_the_end_of_its_clause_is_a_rank(text, expected):
    got = {(f.subject, f.attr("rank"), f.attr("scope"), f.attr("bound")) for f in run(text, "en").facts if f.kind == "position"}
    assert expected in got, got


def test_a_placing_word_without_a_market_in_the_sentence_is_no_rank():
    assert not positions("Xiaomi fans queued overnight, and Lei Jun kept first.", "en")


def test_the_publisher_of_a_list_is_not_the_one_ranked():
    x = run('iFlytek in 2017 entered America "MIT Technology Review" global 50 Smartest Companies list rank number 6.', "en")
    got = {(f.subject, f.attr("rank"), f.attr("scope")) for f in x.facts if f.kind == "position"}
    assert got == {("iflytek", 6, "mit-technology-review-50-smartest")}, got


def _shares(text: str, lang: str) -> set[tuple]:
    return {(f.subject, float(f.attr("value"))) for f in run(text, lang).facts if f.kind == "quantity" and f.predicate == "MarketShare"}


@pytest.mark.parametrize("text, lang, ranks, shares", [
    # a rank told earlier in the sentence is not one of the respective ones
    ("在全球手机市场，三星继续排名第一，苹果和小米分别以17%和14%位居第二、第三。", "zh",
     {("apple", 2), ("xiaomi", 3)}, {("apple", 17.0), ("xiaomi", 14.0)}),
    ("Samsung led the smartphone market, while Apple and Xiaomi, with 17% and 14% respectively, ranked second and third.", "en",
     {("apple", 2), ("xiaomi", 3)}, {("apple", 17.0), ("xiaomi", 14.0)}),
])
def test_respective_ranks_and_shares_go_name_by_name(text, lang, ranks, shares):
    got = {(p[0], p[1]) for p in positions(text, lang)}
    assert ranks <= got and not {g for g in got if g[1] in (2, 3)} - ranks, got
    assert shares <= _shares(text, lang), _shares(text, lang)


@pytest.mark.parametrize("text, lang, expected", [
    ("在全球云计算市场，阿里云的份额约为4%。", "zh", ("alibaba-cloud", 4.0)),
    ("Tencent Cloud's share of China's cloud market was about 15%.", "en", ("tencent-cloud", 15.0)),
])
def test_a_platform_holds_its_own_share(text, lang, expected):
    assert expected in _shares(text, lang), _shares(text, lang)


@pytest.mark.parametrize("text, lang, expected", [
    # the clause after a list's rank names its own place: that rank is among the place's companies, not on the list
    ("2023年《财富》世界500强中，联想排名第217位，在中国科技企业中排名第三。", "zh", {(217, "fortune-global-500"), (3, "china")}),
    ("Siemens was 154th on the Fortune Global 500 in 2024, and in Germany it ranked fourth.", "en",
     {(154, "fortune-global-500"), (4, "germany")}),
    # a list's ranks told year by year stay the list's
    ("比亚迪2022年首次进入《财富》世界500强，2023年升至第212位，2024年再升至第143位。", "zh",
     {(212, "fortune-global-500"), (143, "fortune-global-500")}),
])
def test_a_list_scopes_only_the_ranks_of_its_own_clauses(text, lang, expected):
    assert {(p[1], p[2]) for p in positions(text, lang)} == expected, positions(text, lang)


def test_a_heading_word_is_not_the_one_ranked():
    got = positions("Honor and rank: company in 2023 global smart phone market rank number 3.", "en")  # word for word
    assert {p[0] for p in got} == {"xiaomi"}, got  # the document's topic, not the Honor brand


def test_two_shares_one_sentence_tells_side_by_side_both_stand(tmp_path):
    from kg import pipeline

    doc = tmp_path / "t.txt"
    doc.write_text("据IDC数据，2023年传音在全球手机市场的占有率为14.0%，在全球手机品牌厂商中排名第一；"
                   "其中智能机在全球智能机市场的占有率为8.1%，排名第五。\n", encoding="utf-8")
    result = pipeline.build([doc])
    lost = {(c.other.predicate, c.other.attr("rank") or c.other.attr("value")) for c in result.sources.conflicts}
    assert not lost, lost


@pytest.mark.parametrize("text, expected", [
    ("Huawei topped China's smartphone market in the first quarter of 2024.", ("huawei", 1, "china", "cat-smartphones")),
    ("Lenovo led the global PC market again in 2023.", ("lenovo", 1, "world", "cat-pcs")),
    ("Lenovo kept its place as the top PC vendor worldwide in 2023.", ("lenovo", 1, "world", "cat-pcs")),
])
def test_leading_or_topping_a_market_is_first_place(text, expected):
    assert expected in positions(text, "en"), positions(text, "en")


@pytest.mark.parametrize("text", [
    "Shares of Xiaomi led the stock market higher on Monday.",
    "Xiaomi and other top smartphone makers met in Beijing.",   # several, no one's place
    "Lenovo's top executive said the PC market grew.",
])
def test_a_price_move_or_a_group_of_top_players_is_no_first_place(text):
    assert not positions(text, "en"), positions(text, "en")


@pytest.mark.parametrize("text, lang, scope", [
    ("2024年华为在中国民营企业500强中排名第一。", "zh", "china-top-500-private-enterprises"),
    ("Samsung ranked 6th in the Brand Finance Global 500 in 2024.", "en", "brand-finance-global-500"),
])
def test_a_well_known_list_scopes_its_rank(text, lang, scope):
    assert {p[2] for p in positions(text, lang)} == {scope}, positions(text, lang)


@pytest.mark.parametrize("text, expected", [
    ("Xiaomi accounted for 14% of global smartphone shipments in 2023.", {("xiaomi", 14.0)}),
    ("BYD took 35% of China's new energy vehicle sales in 2023.", {("byd", 35.0)}),
    ("Services made up 22% of Apple's sales in 2023.", set()),   # a part of a company's own sales
])
def test_a_percentage_of_a_whole_markets_count_is_a_share(text, expected):
    assert _shares(text, "en") == expected, _shares(text, "en")


@pytest.mark.parametrize("text, lang, expected", [
    # a home's air conditioners and a building's central ones are two kinds
    ("格力在中国家用空调市场排名第一，在中央空调市场排名第二。", "zh",
     {("gree", 1, "china", "cat-residential-air-conditioners"), ("gree", 2, "china", "cat-central-air-conditioners")}),
    # 电脑鼠标 is a mouse, not a computer
    ("罗技在全球电脑鼠标市场排名第一。", "zh", {("logitech", 1, "world", "cat-computer-mice")}),
    ("Logitech is the world's largest maker of webcams.", "en", {("logitech", 1, "world", "cat-webcams")}),
    ("立讯精密在全球连接器行业排名前五。", "zh", {("luxshare", 5, "world", "cat-connectors")}),
    ("海康威视位居全球视频监控设备市场第一。", "zh", {("hikvision", 1, "world", "cat-video-surveillance")}),
    # a word of praise before a kind the lexicon knows is no other kind
    ("石头科技在全球智能扫地机器人市场排名第二。", "zh", {("roborock", 2, "world", "cat-robot-vacuums")}),
    ("Haier ranks first in the global smart refrigerator market.", "en", {("haier", 1, "world", "cat-refrigerators")}),
])
def test_the_category_is_the_kind_of_product_counted(text, lang, expected):
    assert positions(text, lang) == expected, positions(text, lang)


def test_second_only_to_makes_the_other_first():
    got = positions("Xiaomi was second only to Apple in China's smartphone market in 2023.", "en")
    assert got == {("xiaomi", 2, "china", "cat-smartphones"), ("apple", 1, "china", "cat-smartphones")}, got


@pytest.mark.parametrize("text, lang, name", [
    ("宁德时代位列2024胡润中国民营企业榜第三。", "zh", "胡润中国民营企业榜"),
    ("在某杂志发布的“全球安防50强”榜单中，海康威视连续位居第一。", "zh", "全球安防50强"),
    ("Tencent ranks 3rd on the Forbes China Top 100 list.", "en", "Forbes China Top 100"),
])
def test_a_list_the_lexicon_lacks_scopes_its_rank(text, lang, name):
    x = run(text, lang)
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    scopes = {names.get(f.attr("scope"), f.attr("scope")) for f in x.facts if f.kind == "position"}
    assert scopes == {name}, scopes


@pytest.mark.parametrize("text, lang, expected", [
    ("Xiaomi is number one in South Korea.", "en", {("xiaomi", 1, "south-korea", "")}),
    ("In South Korea, Xiaomi has been number one for three years in a row.", "en", {("xiaomi", 1, "south-korea", "")}),
    # a count before the superlative: the top N
    ("Xiaomi is among the world's five largest smartphone makers.", "en", {("xiaomi", 5, "world", "cat-smartphones")}),
    # 排在A和B之后: those it is behind are not the ones ranked
    ("在全球智能手机市场，小米排在三星和苹果之后，位居第三。", "zh", {("xiaomi", 3, "world", "cat-smartphones")}),
])
def test_places_told_as_number_n_a_top_n_or_behind_others(text, lang, expected):
    assert positions(text, lang) == expected, positions(text, lang)


@pytest.mark.parametrize("text", [
    "Xiaomi was the first in China to launch a 5G phone.",   # the earliest, not a place in a market
    "Xiaomi's number one priority in India is growth.",
    "Xiaomi has three largest factories in India.",
])
def test_a_first_or_a_priority_is_no_number_n_place(text):
    assert not positions(text, "en"), positions(text, "en")


def test_a_count_before_a_superlative_bounds_the_rank():
    got = {(f.attr("rank"), f.attr("bound")) for f in run("Xiaomi is among the world's five largest smartphone makers.", "en").facts
           if f.kind == "position"}
    assert got == {(5, "UpperBound")}, got


def test_a_calendar_quarter_is_a_period_not_a_rank():
    x = run("据IDC数据，惠普在2024年第三日历季度是全球个人电脑出货量的第二名。", "zh")
    got = {(f.attr("rank"), f.attr("period").key if f.attr("period") else None) for f in x.facts if f.kind == "position"}
    assert got == {(2, "2024-Q3")}, got


@pytest.mark.parametrize("text", ["这也是小米营收连续第十多年保持增长。", "小米连续第三年举办开发者大会。"])
def test_an_ordinal_of_years_is_no_rank(text):
    assert not positions(text, "zh"), positions(text, "zh")


@pytest.mark.parametrize("text, lang", [("小米在《财富》世界500强里排在第491位左右。", "zh"),
                                        ("Xiaomi was ranked around 490th on the Fortune Global 500.", "en")])
def test_a_rank_told_roughly_is_approximate(text, lang):
    got = {(f.attr("rank"), f.attr("bound")) for f in run(text, lang).facts if f.kind == "position"}
    assert {b for _, b in got} == {"Approximate"}, got


def test_the_channel_a_brand_sells_through_is_not_ranked():
    assert positions("科沃斯在美国亚马逊平台的扫地机器人销售额排名前三。", "zh") == {("ecovacs", 3, "usa", "cat-robot-vacuums")}


def test_a_share_told_as_about_is_approximate_and_sweeping_robots_are_robot_vacuums():
    x = run("我们在中国扫地机器人市场的销售额排名第二，线上渠道的份额大约是20%。", "zh")
    shares = {(float(f.attr("value")), f.attr("bound")) for f in x.facts if f.predicate == "MarketShare"}
    assert shares == {(20.0, "Approximate")}, shares
    assert positions("Xiaomi is the largest maker of sweeping robots in China.", "en") == {("xiaomi", 1, "china", "cat-robot-vacuums")}


@pytest.mark.parametrize("text", [
    "In 2021 it became the first carmaker to be valued at more than $1 trillion.",
    "Lenovo was the second Chinese company in history to enter the Fortune Global 500.",
    "Xiaomi was the first to launch a 5G phone in India.",
])
def test_the_nth_one_to_do_something_is_no_rank(text):
    assert not positions(text, "en"), positions(text, "en")


def test_second_to_a_name_ranks_both():
    got = positions("Last year Lenovo ranked second to HP in the global PC market.", "en")
    assert got == {("lenovo", 2, "world", "cat-pcs"), ("hp", 1, "world", "cat-pcs")}, got


def confidences(text: str, lang: str) -> dict:
    return {f.attr("rank"): max(e.confidence for e in f.evidence) for f in run(text, lang).facts if f.kind == "position"}


def test_a_clause_opening_with_it_is_the_topic_as_surely_as_a_name():
    # no name in the sentence: the topic, as sure as a named subject when the rank's clause opens with "it"
    sure = confidences("According to Canalys, it is the largest smartphone vendor in Africa.", "en")
    unsure = confidences("According to Canalys, the largest smartphone vendor in Africa grew fast.", "en")
    named = confidences("According to Canalys, Xiaomi is the largest smartphone vendor in Africa.", "en")
    assert sure == named and sure[1] > unsure.get(1, 0), (sure, unsure, named)


def categories(text: str, lang: str) -> set[tuple]:
    x = run(text, lang)
    names = {e.entity_id: {n for _, n in e.labels + e.aliases} for e in x.entities}
    return {(f.subject, f.attr("rank"), frozenset(names.get(f.attr("category") or "", ())))
            for f in x.facts if f.kind == "position"}


@pytest.mark.parametrize("text, lang, subject, rank", [
    ("Lenovo became the most valuable listed company in Hong Kong in 2021.", "en", "lenovo", 1),
    ("按市值计算，比亚迪已是全球第三大车企。", "zh", "byd", 3),
    ("By market capitalisation Tencent ranks second in Asia.", "en", "tencent", 2),
])
def test_a_rank_by_market_value_has_market_value_as_its_category(text, lang, subject, rank):
    got = categories(text, lang)
    assert any(s == subject and r == rank and {"market value", "市值"} <= names for s, r, names in got), got


@pytest.mark.parametrize("text", [
    "Lenovo ranks among the largest companies in Hong Kong.",
    "Xiaomi is among the world's biggest consumer electronics makers.",
])
def test_among_the_largest_with_no_count_is_no_place(text):
    assert not positions(text, "en"), positions(text, "en")


def test_the_most_of_any_player_is_first():
    got = positions("In 2023 Xiaomi shipped about 40 percent of India's power banks, the most of any supplier.", "en")
    assert {(s, r) for s, r, _, _ in got} == {("xiaomi", 1)}, got


@pytest.mark.parametrize("text, expected", [
    ("阿里云是中国最大的云服务提供商。", ("alibaba-cloud", 1, "china")),
    ("小米连续三年进入第一梯队。", None),   # the first tier is a group, not a place
])
def test_zh_providers_rank_and_a_tier_does_not(text, expected):
    got = {(s, r, sc) for s, r, sc, _ in positions(text, "zh")}
    assert got == ({expected} if expected else set()), got


def rank_goals(text: str, lang: str) -> set[tuple]:
    x = run(text, lang)
    names = {e.entity_id: {n for _, n in e.labels + e.aliases} for e in x.entities}
    return {(f.subject, f.attr("rank"), f.attr("scope") or "", f.attr("deadline").key if f.attr("deadline") else None,
             frozenset(names.get(f.attr("category") or "", ())) or f.attr("category") or "")
            for f in x.facts if f.kind == "goal"}


@pytest.mark.parametrize("text, lang, expected", [
    ("联想力争到2027年进入全球服务器市场前三。", "zh", ("lenovo", 3, "world", "by-2027")),
    ("Lenovo aims to become the world's largest server vendor by 2028.", "en", ("lenovo", 1, "world", "by-2028")),
    ("BYD plans to become one of the top three carmakers in Europe by 2030.", "en", ("byd", 3, "europe", "by-2030")),
])
def test_a_place_aimed_at_with_a_verb_of_aiming_is_a_goal_not_a_rank(text, lang, expected):
    got = rank_goals(text, lang)
    assert {g[:4] for g in got} == {expected}, got
    assert not positions(text, lang), positions(text, lang)


def test_a_goal_among_players_takes_the_players_as_its_kind():
    got = rank_goals("Xiaomi aims to become one of the world's top five carmakers within 15 years.", "en")
    assert any(r == 5 and "carmakers" in kind for _, r, _, _, kind in got), got


@pytest.mark.parametrize("text, lang", [
    ("The company aims to raise revenue to $10 billion by 2026.", "en"),   # a figure after a verb of aiming: no rank
    ("我们的目标是到2030年成为全球前三，力争进入全球前二。", "zh"),               # read once, by the goal's own words
])
def test_a_verb_of_aiming_gives_a_rank_goal_only_and_once(text, lang):
    got = rank_goals(text, lang)
    assert len(got) <= 1 and all(r is not None for _, r, _, _, _ in got), got


@pytest.mark.parametrize("text, lang", [
    ("今年，我们的目标是智能手机全球出货量保持全球前三。", "zh"),
    ("This year, our goal is to stay number one in the global TV market.", "en"),
])
def test_a_goal_told_this_year_with_no_deadline_is_due_this_year(text, lang):
    got = rank_goals(text, lang)
    assert {d for _, _, _, d, _ in got} == {"2018"}, got   # the test documents' date is in 2018


@pytest.mark.parametrize("text, expected", [
    ("2024年，欧洲电动汽车销量增长12%，市场渗透率升至22%。", set()),   # a penetration rate is no change of the market
    ("2023年，中国智能手机市场整体下滑5%，市场份额前五的厂商合计占比超过九成。", {-5.0}),
])
def test_a_share_or_penetration_of_a_market_is_no_market_change(text, expected):
    got = {float(f.attr("value")) for f in run(text, "zh").facts if f.predicate == "MarketChange"}
    assert got == expected, got


def test_company_opening_a_word_for_word_clause_is_the_topic():
    # 公司在日本市场份额超过40%排名第一, translated word for word
    sure = confidences("Overseas, company television in Japan market share exceed 40% row first.", "en")
    unsure = confidences("Overseas, television in Japan market share exceed 40% row first.", "en")
    assert sure.get(1, 0) > unsure.get(1, 0) and sure[1] >= 0.75, (sure, unsure)


def _category_names(x, f) -> set[str]:
    return {n for e in x.entities if e.entity_id == f.attr("category") for _, n in e.labels + e.aliases}


@pytest.mark.parametrize("text, name", [
    # two parts joined right before the head noun name one market (及, 和), and a long name after 在 is kept whole
    ("去年商汤在中国大模型平台及相关应用市场排名第二。", "大模型平台及相关应用"),
    ("在中国乘用车前装ADAS和自动驾驶计算解决方案市场，小米排名第三。", "乘用车前装ADAS和自动驾驶计算解决方案"),
    ("小米在中国自主品牌乘用车高级辅助驾驶解决方案市场排名第一。", "自主品牌乘用车高级辅助驾驶解决方案"),
])
def test_a_long_or_joined_chinese_market_name_is_the_whole_category(text, name):
    x = run(text, "zh", organisation="")
    got = [f for f in x.facts if f.kind == "position"]
    assert len(got) == 1 and name in _category_names(x, got[0]), [(f.attr("category"), _category_names(x, f)) for f in got]


def test_a_conjunction_between_two_markets_still_splits_at_a_place():
    assert positions("小米在中国和印度市场均排名第一。", "zh") == {("xiaomi", 1, "china", ""), ("xiaomi", 1, "india", "")}


@pytest.mark.parametrize("text, expected", [
    ("Xiaomi is one of the top three smartphone makers in the world.", ("xiaomi", 3, "UpperBound", "world")),
    # "the country's": the country named before in the sentence, else the home country of the text's company
    ("By 2019 Xiaomi had become the country's best-selling smartphone brand.", ("xiaomi", 1, "Exact", "china")),
    ("Xiaomi entered India in 2014 and became the country's largest smartphone vendor in 2017.", ("xiaomi", 1, "Exact", "india")),
    ("We are number one in smartphones in India.", ("xiaomi", 1, "Exact", "india")),
    ("Xiaomi is number one in smart TVs.", ("xiaomi", 1, "Exact", "world")),
])
def test_english_rank_phrasings(text, expected):
    got = {(f.subject, f.attr("rank"), f.attr("bound"), f.attr("scope")) for f in run(text, "en").facts if f.kind == "position"}
    assert got == {expected}, got


def test_an_ordinal_and_a_superlative_are_one_rank():
    got = {(f.attr("rank"), f.attr("scope")) for f in run("Xiaomi was the second most valuable smartphone brand in the world.", "en").facts
           if f.kind == "position"}
    assert got == {(2, "world")}, got


@pytest.mark.parametrize("text, lang", [
    ("We spoke about losses, export controls and the company's first profitable quarter in the smartphone market.", "en"),
    ("Xiaomi is one of the largest smartphone makers in the world.", "en"),     # one of many: no place
    ("Our vision is to be the world's No. 1 smartphone brand.", "en"),          # an aim, not a place held
    ("We want to be the number one TV maker in Europe.", "en"),
    ("小米的愿景是成为全球第一大智能手机厂商。", "zh"),
])
def test_an_ordinal_of_a_thing_or_a_place_aimed_at_is_no_rank(text, lang):
    assert not positions(text, lang)


def test_a_product_is_not_the_supplier_a_rank_names():
    got = positions("AirPods推出后，很快成为这款耳机的最大供应商。", "zh")
    assert not any(s == "apple-airpods" or s.startswith("apple-airpods") for s, _, _, _ in got), got
    assert ("redmi", 1, "india", "cat-smartphones") in positions("Redmi是印度最大的手机品牌。", "zh")


@pytest.mark.parametrize("text, expected", [
    ("小米首次登顶全球智能手机市场。", ("xiaomi", 1, "world", "cat-smartphones")),       # reached the top of a market
    ("小米手机在印度市场稳居榜首。", ("xiaomi", 1, "india", "cat-smartphones")),          # first place after a verb of placing
    # what is measured and the verb before 行业 are no kind of their own
    ("小米手机出货量位居行业第一。", ("xiaomi", 1, "world", "cat-smartphones")),
])
def test_chinese_first_place_phrasings(text, expected):
    assert positions(text, "zh") == {expected}


@pytest.mark.parametrize("text", ["他登顶珠穆朗玛峰。", "小米股价登顶。"])
def test_reaching_a_summit_or_a_price_top_is_no_rank(text):
    assert not positions(text, "zh")


@pytest.mark.parametrize("text, expected", [
    ("Xiaomi is the No. 1 smartphone brand in India.", {("xiaomi", 1, "Exact", "india")}),
    ("Xiaomi has been a top 3 smartphone brand globally for 17 quarters.", {("xiaomi", 3, "UpperBound", "world")}),
    ("Xiaomi is now in the top five of the global smartphone market.", {("xiaomi", 5, "UpperBound", "world")}),
    ("Xiaomi climbed two places to 87th on the Fortune Global 500.", {("xiaomi", 87, "Exact", "fortune-global-500")}),
    # a place alone in its clause after a copula, in a sentence about a market
    ("In global smartphone shipments, Samsung was first, Apple was second and Xiaomi was third.",
     {("samsung", 1, "Exact", "world"), ("apple", 2, "Exact", "world"), ("xiaomi", 3, "Exact", "world")}),
])
def test_more_english_rank_phrasings(text, expected):
    got = {(f.subject, f.attr("rank"), f.attr("bound"), f.attr("scope")) for f in run(text, "en").facts if f.kind == "position"}
    assert got == expected, got


@pytest.mark.parametrize("text", [
    "Xiaomi launched its 3rd phone in India.",
    "The meeting was first, the market came later.",     # no company before the copula
])
def test_an_ordinal_that_places_nothing_is_no_rank(text):
    assert not positions(text, "en")


def test_a_chinese_ordinal_before_a_player_phrase_ranks_that_phrase():
    # 将 before a name is the object marker of the verb after it, no "will"; the player phrase after 第一名的 is the kind
    x = run("2024年，IDC将小米评为第一名的CRM提供者。", "zh")
    got = [f for f in x.facts if f.kind == "position"]
    assert [(f.subject, f.attr("rank")) for f in got] == [("xiaomi", 1)]
    assert "CRM" in _category_names(x, got[0]), _category_names(x, got[0])
    assert positions("小米将成为全球第一大智能手机厂商。", "zh") == set()   # 将 before a verb: a plan


def test_the_client_a_supplier_serves_is_not_the_one_ranked():
    got = positions("2017年起，立讯精密开始为苹果组装AirPods，很快成为这款耳机的最大供应商。", "zh")
    assert {s for s, _, _, _ in got} == {"luxshare"}, got


@pytest.mark.parametrize("text, expected", [
    ("小米跻身全球智能手机三强。", ("xiaomi", 3, "UpperBound")),        # 三强: the top three
    ("小米手机出货量稳居全球TOP3。", ("xiaomi", 3, "UpperBound")),
    ("小米手机出货量全球No.1。", ("xiaomi", 1, "Exact")),
])
def test_chinese_top_n_written_otherwise(text, expected):
    got = {(f.subject, f.attr("rank"), f.attr("bound")) for f in run(text, "zh").facts if f.kind == "position"}
    assert got == {expected}, got


@pytest.mark.parametrize("text", ["小米入选世界500强。", "中国是世界三强国之一。"])
def test_a_list_name_or_a_power_is_no_top_n(text):
    assert not {(f.attr("rank"), f.attr("bound")) for f in run(text, "zh").facts if f.kind == "position" and f.attr("rank") < 100}


@pytest.mark.parametrize("text, lang", [
    ("小米第一时间响应全球市场需求。", "zh"),       # 第一时间: at once
    ("小米在全球市场第一线服务客户。", "zh"),       # 第一线: the front line
    ("小米是全球AI第一股。", "zh"),                 # the first listed share of its kind
    ("Xiaomi was a first mover in the global smartphone market.", "en"),
    ("Xiaomi became the first-ever Chinese brand in the global market to do so.", "en"),
])
def test_a_first_that_is_no_place_in_a_market(text, lang):
    assert not positions(text, lang)
