"""Market shares by kind of product: kinds the lexicon knows in both languages, and narrower kinds a
Chinese text names with a word of use before a known kind (消费级 + 全景相机)."""
from kg import lexicon
from tests.helpers import run


def _shares(text: str, lang: str):
    x = run(text, lang, organisation="", speaker="")
    lex = lexicon.load()
    infos = {e.entity_id: e for e in x.entities}

    def names(entity_id):
        info = infos.get(entity_id) or lex.info(entity_id)
        return {n for _, n in info.labels + info.aliases} if info else set()
    return [(f.subject, float(f.attr("value")), names(f.attr("category")))
            for f in x.facts if f.kind == "quantity" and f.predicate == "MarketShare"]


def test_action_cameras_are_a_kind_of_their_own_in_both_languages():
    [(subj, value, cat)] = _shares("In 2023, GoPro held 13.1% of the global sports camera market.", "en")
    assert (subj, value) == ("gopro", 13.1) and "action cameras" in cat and "运动相机" in cat and "cameras" not in cat


def test_panoramic_cameras_are_not_action_cameras():
    [(_, _, cat)] = _shares("Insta360 held about 60% of the worldwide 360-degree camera market last year.", "en")
    assert "panoramic cameras" in cat and "action cameras" not in cat


def test_a_word_of_use_before_a_known_kind_gives_the_new_kind_an_english_name():
    [(subj, value, cat)] = _shares("2023年，大疆在全球专业级全景相机市场的份额约为42%。", "zh")
    assert (subj, value) == ("dji", 42.0)
    assert {"专业级全景相机", "professional panoramic cameras"} <= cat


def test_a_word_that_is_no_word_of_use_gives_no_english_name():
    [(_, _, cat)] = _shares("2023年，大疆在全球水下全景相机市场的份额约为42%。", "zh")
    assert not any(n.isascii() for n in cat)


def _counts(text: str, lang: str, org: str):
    x = run(text, lang, organisation=org, speaker="")
    return {(f.subject, f.predicate, float(f.attr("value")), f.attr("category") or "") for f in x.facts
            if f.kind == "quantity" and f.attr("unit") == "Count"}


def test_a_product_name_may_stand_between_the_number_and_what_it_counts():
    assert ("nio", "Deliveries", 87000.0, "cat-automobiles") in _counts(
        "In 2024 NIO delivered more than 87,000 ET5 cars to customers in China.", "en", "nio")


def test_a_count_without_its_noun_after_a_product_name_is_no_delivery():
    got = _counts("In 2024 NIO delivered more than 87,000 ET5 upgrades over the air.", "en", "nio")
    assert not any(f[1] == "Deliveries" for f in got)


def test_passenger_cars_of_a_drive_kind_are_that_kind_not_cars_in_general():
    assert ("byd", "Deliveries", 512000.0, "cat-plug-in-hybrids") in _counts(
        "2024年，公司插电式混合动力乘用车销量为51.2万辆。", "zh", "byd")
    assert ("byd", "Deliveries", 498000.0, "cat-battery-electric-vehicles") in _counts(
        "Sales of battery-electric passenger cars reached 498,000 vehicles in 2024.", "en", "byd")


def test_a_headline_in_the_present_tense_tells_deliveries():
    assert ("nio", "Deliveries", 221970.0, "cat-automobiles") in _counts(
        "NIO delivers 221,970 vehicles in 2024, up 38.7% year on year.", "en", "nio")
    assert not any(f[1] == "Deliveries" for f in _counts("NIO plans to deliver 440,000 vehicles in 2025.", "en", "nio"))


def test_a_chinese_fraction_is_a_share():
    [(subj, value, cat)] = _shares("2023年，海尔在美国家电市场的份额超过三分之一。", "zh")
    assert (subj, value) == ("haier", 33.3) and "home appliances" in cat
    from kg import numbers
    got = [(float(q.value), q.unit, q.bound) for q in numbers.find_quantities("约四分之一，百分之五，五分之二左右", "zh")]
    assert got == [(25.0, "Percent", "Approximate"), (5.0, "Percent", "Exact"), (40.0, "Percent", "Approximate")]


def test_an_english_fraction_of_a_market_is_a_share_but_a_quarter_of_a_year_is_a_time():
    [(subj, value, cat)] = _shares("In 2023, Nokia held roughly a quarter of the global RAN market.", "en")
    assert (subj, value) == ("nokia", 25.0) and "RAN" in cat
    from kg import numbers
    got = [(q.text, float(q.value), q.unit, q.bound) for q in numbers.find_quantities(
        "more than two-thirds of buyers, a quarter earlier, one quarter of 2024", "en")]
    assert got[0] == ("more than two-thirds", 66.7, "Percent", "LowerBound")
    assert not any(u == "Percent" for _, _, u, _ in got[1:])
