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
