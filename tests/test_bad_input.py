"""Bad input is one line naming the file, the entry and the fix, with its documented exit code
(issue 10, findings 5 and 6): no traceback, and no silently wrong output."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import corpus, iris, lexicon, profile
from kg.cli import main
from kg.errors import EXIT_DATA, EXIT_USAGE, CheckError, DataFileError
from kg.extract import patterns

ROOT = Path(__file__).resolve().parent.parent
EN = "Xiaomi launched the Mi 6 in 2017. Lei Jun founded Xiaomi in Beijing in 2010.\n"
ZH = "小米在2017年发布了小米6手机。雷军于2010年在北京创办了小米。\n"


def kg(*args, cwd=None, env=None, stdin=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, cwd=cwd, env=env, input=stdin)


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in text, text
    return lines[0]


# --------------------------------------------------------------------------- file names (finding 5)

@pytest.mark.parametrize("name", ["annual report.txt", 'a<b>"c"{d}.txt', "q|x^y`z.txt", "百分之%20.txt"])
def test_a_file_name_with_odd_characters_builds_with_valid_iris(tmp_path, name):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / name).write_text(EN, encoding="utf-8")
    r = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out"), "--no-html"])
    assert r.exit_code == 0, (r.output, r.exception)
    import pyoxigraph as ox

    quads = list(ox.parse(path=str(tmp_path / "out" / "graph.trig"), format=ox.RdfFormat.TRIG))
    docs = {q.object.value for q in quads if q.predicate.value.endswith("#inDocument")}
    assert docs == {str(iris.document(Path(name).stem))}


def test_distinct_odd_names_give_distinct_iris():
    names = ["a b", "a%20b", "a/b", "a%2Fb", "a\nb", "a b "]
    assert len({iris.segment(n) for n in names}) == len(names)


# --------------------------------------------------------------------------- the manifest (findings 5, 6)

MANIFEST_CASES = [
    ("    date: 2018-13-45\n", "'2018-13-45' is not a real date", ":5:"),
    ("    dtae: 2018-01-01\n", "unknown key 'dtae'. Did you mean 'date'?", ":5:"),
    ("    langauge: en\n", "Did you mean 'language'?", ":5:"),
    ("    reports_on: other-doc\n", "'reports_on' should be a list", ":5:"),
    ("    speaker: Lei Jun\n", "'speaker' 'Lei Jun' breaks the id rule", ":5:"),
    ("    kind: blog\n", "'kind' 'blog' is not one of", ":5:"),
    ("    title: 2017\n", "'title' should be text", ":5:"),
]


def _manifest(folder: Path, doc_id: str, extra: str = "", language: str = "en") -> None:
    (folder / "manifest.yaml").write_text(
        f"documents:\n  - id: {doc_id}\n    file: a.txt\n    language: {language}\n{extra}", encoding="utf-8")


@pytest.mark.parametrize("extra, words, line", MANIFEST_CASES)
def test_a_malformed_manifest_entry_is_one_line_with_exit_4(tmp_path, extra, words, line):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    _manifest(tmp_path, "a", extra)
    r = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "out"), "--no-html"])
    assert r.exit_code == EXIT_DATA, (r.output, r.exception)
    message = _one_line(r.output)
    assert words in message and f"manifest.yaml{line}" in message
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("doc_id", ['"a b"', '"a<b"', '"x>"', '"{x}"'])
def test_a_manifest_id_with_a_space_or_angle_bracket_is_refused(tmp_path, doc_id):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    _manifest(tmp_path, doc_id)
    with pytest.raises(DataFileError, match="may hold only letters"):
        corpus.read_corpus([tmp_path])


def test_a_manifest_entry_for_a_missing_file_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    _manifest(tmp_path, "a", "  - id: b\n    file: missing.txt\n    language: en\n")
    with pytest.raises(DataFileError, match="no file 'missing.txt'") as exc:
        corpus.read_corpus([tmp_path])
    assert "manifest.yaml:6" in exc.value.message


@pytest.mark.parametrize("text, said, seen", [(EN, "zh", "English"), (ZH, "en", "Chinese")])
def test_swapped_languages_are_detected_from_the_text(tmp_path, text, said, seen):
    (tmp_path / "a.txt").write_text(text * 3, encoding="utf-8")
    _manifest(tmp_path, "a", language=said)
    with pytest.raises(DataFileError, match=f"language is '{said}' but the text is {seen}") as exc:
        corpus.read_corpus([tmp_path])
    assert "manifest.yaml:4" in exc.value.message


def test_a_mixed_text_keeps_its_manifest_language(tmp_path):
    (tmp_path / "a.txt").write_text("Xiaomi (小米) launched the Mi 6 (小米6) in 2017 in Beijing (北京), says Lei Jun.",
                                    encoding="utf-8")
    _manifest(tmp_path, "a", language="en")
    assert corpus.read_corpus([tmp_path])[0].lang == "en"


# --------------------------------------------------------------------------- encodings (finding 6)

@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path, codec):
    data = ZH.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    (tmp_path / "a.txt").write_bytes(data)
    doc = corpus.read_corpus([tmp_path / "a.txt"])[0]
    assert doc.text == ZH and doc.lang == "zh"


def test_utf16_without_a_byte_order_mark_gets_a_clear_message(tmp_path):
    (tmp_path / "a.txt").write_bytes(ZH.encode("utf-16-le"))
    r = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--no-html"])
    assert r.exit_code == 3 and "byte order mark" in _one_line(r.output)


# --------------------------------------------------------------------------- data files (findings 5, 6)

def _copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, words", [
    ("confidence: 0.9", "confidence: high", "'confidence' 'high' is not a number from 0 to 1"),
    ("zh: [发布, ", "zh: ['', 发布, ", "empty trigger"),
    ("    confidence: 0.9", "    confidance: 0.9", "Did you mean 'confidence'?"),
    # the single-frame sections and the roles' titles are checked too (a misspelt key would switch a list off)
    ("  copulas:\n", "  copula:\n", "roles: unknown key 'copula'"),
    ("    - property: founderOf\n", "    - property: founderOf\n      revers: true\n", "unknown key 'revers'"),
    ("  agent:\n", "  agents:\n", "founding: unknown key 'agents'"),
    # the value of a quantity's share of revenue and of a nominal entry's compounds
    ("      metric: ResearchSpendingShare\n", "      metric: ResearchShareOfRevenue\n", "'share' needs a 'metric' from the ontology"),
    ("    compounds: {en: [backed, funded, invested]}", "    compounds: backed", "compounds should map a language to a list of words"),
])
def test_a_malformed_pattern_is_one_line(tmp_path, old, new, words):
    path = _copy(tmp_path, "patterns.yaml", old, new)
    with pytest.raises(DataFileError) as exc:
        patterns.load_patterns(path)
    assert words in exc.value.message and f"{path}:" in exc.value.message
    assert exc.value.exit_code == EXIT_DATA


def _entry(data: dict, group: str, pid):
    """A pattern of ``group`` by its id (or its position, for the entries without ids)."""
    items = data[group] if group != "titles" else data["roles"]["titles"]
    return items[pid] if isinstance(pid, int) else next(p for p in items if p["id"] == pid)


def _with(tmp_path: Path, name: str, change) -> Path:
    import yaml

    data = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / Path(name).name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


# every key of a pattern has a rule for its value, from how the extractors read it: before, each
# of these was read silently wrong (a text taken as a list of its letters) or failed mid-extraction
@pytest.mark.parametrize("group, pid, key, value, words", [
    ("positions", "market-rank", "value_words", "market value", "'value_words' should be a mapping"),
    ("positions", "market-rank", "max_rank", "twenty", "'max_rank' 'twenty' is not a whole number of 1 or more"),
    ("positions", "market-rank", "superlatives", {"en": {1: []}}, "'superlatives.en.1' is an empty list"),
    ("nominal", 2, "named_list", "brands", "'named_list' should be a list of words"),
    ("nominal", 2, "not_after", {"zh": "(?:代言"}, "'not_after.zh' '(?:代言' is not a valid regular expression"),
    ("quantities", "net-profit", "qualified", {"metric": "AdjustedProfit", "words": {"en": ["non-GAAP"]}},
     "'qualified.metric' 'AdjustedProfit' is not declared in ontology/kg.ttl"),
    ("quantities", "net-profit", "qualified", {"metric": "AdjustedNetProfit", "word": {"en": ["non-GAAP"]}},
     "'qualified' has an unknown key 'word'. Did you mean 'words'?"),
    ("quantities", "years-to-revenue-milestone", "threshold", "revenue", "'threshold' should be true or false"),
    ("quantities", "revenue", "min_value", "a million", "'min_value' 'a million' is not a number of 0 or more"),
    ("quantities", "revenue", "lower_bound", ["more than"], "'lower_bound' should be a mapping"),
    ("quantities", "users", "subject_classes", ["Organisation", "App"], "'subject_classes.1' 'App' is not a class of ontology/kg.ttl"),
    ("quantities", "revenue", "period", "yearly", "'period' 'yearly' is not one of flow, as_of, stock"),
    ("relations", "release", "needs_marker", "no", "'needs_marker' should be true or false, got 'no'"),
    ("relations", "release", "agent_verbs", {"en": "announced"}, "'agent_verbs.en' should be a list of words"),
    ("relations", "release", "property", ["releases"], "'property' ['releases'] is not declared in ontology/kg.ttl"),
    ("relations", "sponsorship", "object_not", ["StockExchange", "Exchange"], "'object_not.1' 'Exchange' is not a class"),
    ("relations", "sponsorship", "qualifiers", ["period", "place"], "'qualifiers.1' 'place' is not one of period, count"),
    ("modifiers", "city-of", "max_gap", {"en": "one"}, "'max_gap.en' 'one' is not a whole number of 0 or more"),
    ("titles", 0, "reverse", "yes please", "roles title #1: 'reverse' should be true or false"),
])
def test_every_pattern_key_has_a_value_rule(tmp_path, group, pid, key, value, words):
    path = _with(tmp_path, "patterns.yaml", lambda data: _entry(data, group, pid).__setitem__(key, value))
    with pytest.raises(DataFileError) as exc:
        patterns.load_patterns(path)
    assert words in _one_line(exc.value.message) and f"{path}:" in exc.value.message
    assert exc.value.exit_code == EXIT_DATA


@pytest.mark.parametrize("key, value, words", [
    ("reported_by", {"en": "according to"}, "'reported_by.en' should be a list of words"),
    ("roles", {"titles": 3}, "roles: 'titles' should be a list, got 3"),
    ("listing", {"place_exchanges": {"hong-kong": "HKEX"}}, "'place_exchanges.hong-kong' 'HKEX' breaks the id rule"),
    ("growth", {"prior": {"before": {"en": ["from"]}, "years_ago": {}}}, "'prior' has an unknown key 'years_ago'"),
])
def test_the_sections_of_the_pattern_file_have_value_rules(tmp_path, key, value, words):
    def change(data):
        if isinstance(value, dict) and isinstance(data[key], dict):
            data[key].update(value)
        else:
            data[key] = value
    path = _with(tmp_path, "patterns.yaml", change)
    with pytest.raises(DataFileError) as exc:
        patterns.load_patterns(path)
    assert words in _one_line(exc.value.message) and f"{path}:" in exc.value.message


@pytest.mark.parametrize("code, key, value, words", [
    ("zh", "surnames", [1, "王"], "'surnames' holds 1, not a non-empty word"),
    ("en", "whole_words", "annual report", "'whole_words' should be a list of words"),
    ("en", "ordinals", {"first": "one"}, "'ordinals.first' 'one' is not a whole number of 1 or more"),
    ("en", "pronouns", {"organization": ["we"]}, "'pronouns' has the key 'organization'"),
    ("en", "class_nouns", {"Firm": ["firm"]}, "'class_nouns' has the key 'Firm': 'Firm' is not a class"),
    ("zh", "time_hint", "[0-9", "'time_hint' '[0-9' is not a valid regular expression"),
    ("zh", "clause_separators", "", "'clause_separators' should be a non-empty text"),
    ("zh", "home_country", "China", "'home_country' 'China' breaks the id rule"),
])
def test_the_values_of_a_language_file_have_rules(tmp_path, code, key, value, words):
    import yaml
    from kg.schema import check_lang

    path = _with(tmp_path, f"lang/{code}.yaml", lambda data: data.__setitem__(key, value))
    with pytest.raises(DataFileError) as exc:
        check_lang(yaml.safe_load(path.read_text(encoding="utf-8")), path)
    assert words in _one_line(exc.value.message) and f"{path}:" in exc.value.message


@pytest.mark.parametrize("change, words", [
    (lambda d: d.__setitem__("min_confidnce", 0.3), "unknown key 'min_confidnce'. Did you mean 'min_confidence'?"),
    (lambda d: d["languages"]["en"]["repeated_word"].__setitem__("window", True), "'languages.en.repeated_word.window' True is not a whole number"),
    (lambda d: d["languages"].__setitem__("en", ["repeated_word"]), "'languages.en' should be a mapping"),
    (lambda d: d["languages"].__setitem__("fr", {}), "'languages' has the key 'fr'"),
    (lambda d: d.__setitem__("bare_number_units", "CNY"), "'bare_number_units' should be a list"),
])
def test_the_noise_file_has_key_and_value_rules(tmp_path, change, words):
    from kg import sources

    path = _with(tmp_path, "noise.yaml", change)
    with pytest.raises(DataFileError) as exc:
        sources.load_noise(path)
    assert words in _one_line(exc.value.message) and f"{path}:" in exc.value.message


@pytest.mark.parametrize("old, new, words", [
    ("version: 1\n", "version: one\n", "'version' 'one' is not a whole number"),
    ("version: 1\n", "version: 1\nentites: []\n", "unknown key 'entites'. Did you mean 'entities'?"),
])
def test_the_top_of_the_place_file_is_checked(tmp_path, old, new, words):
    path = _copy(tmp_path, "places.yaml", old, new)
    with pytest.raises(DataFileError) as exc:
        lexicon._read_entries(lexicon.Lexicon(path, {}), path)
    assert words in _one_line(exc.value.message) and f"{path}:" in exc.value.message


@pytest.mark.parametrize("old, new, words", [
    ("min_cues: 3", "min_cues: many", "'min_cues' 'many' is not a whole number"),
    (None, "min_cues: 3\ncontexts: [technology, business]\n", "'contexts' should be a mapping"),
    ("min_cues: 3", "min_cue: 3", "Did you mean 'min_cues'?"),
])
def test_a_malformed_contexts_file_is_one_line(tmp_path, old, new, words):
    if old is None:
        path = tmp_path / "contexts.yaml"
        path.write_text(new, encoding="utf-8")
    else:
        path = _copy(tmp_path, "contexts.yaml", old, new)
    with pytest.raises(DataFileError) as exc:
        profile.load_contexts(path)
    assert words in exc.value.message and f"{path}:" in exc.value.message


@pytest.mark.parametrize("old, new, words", [
    ("- id: xiaomi\n", "- id: xiao mi\n", "breaks the id rule"),
    ("- id: xiaomi\n", "- id: xiaomi<1>\n", "breaks the id rule"),
    ("- id: xiaomi\n", "- id: Xiaomi\n", "breaks the id rule"),
    ("- id: xiaomi\n", "- id: xiaomi\n    alias: [Mi]\n", "unknown key 'alias'. Did you mean 'aliases'?"),
    # an alias list under a misspelt language was taken as names of no language; a number as a name failed later
    ("aliases: {en: [Xiaomi Inc.,", "aliases: {eng: [Xiaomi Inc.,", "'aliases' has the key 'eng': 'eng' is not supported"),
    ("aliases: {en: [Xiaomi Inc.,", "aliases: {en: [6, Xiaomi Inc.,", "'aliases.en' holds 6, not a non-empty word"),
])
def test_a_lexicon_id_breaking_the_slug_rule_is_refused(tmp_path, old, new, words):
    path = _copy(tmp_path, "lexicon.yaml", old, new)
    with pytest.raises(DataFileError) as exc:
        lexicon.load(path, with_places=False)
    assert words in exc.value.message and f"{path}:" in exc.value.message


def test_a_misspelt_key_of_a_language_file_is_one_line(tmp_path, monkeypatch):
    from kg import lang as lang_module
    from kg.schema import check_lang
    import yaml
    path = _copy(tmp_path, "lang/en.yaml", "whole_words:", "whole_word:")
    with pytest.raises(DataFileError) as exc:
        check_lang(yaml.safe_load(path.read_text(encoding="utf-8")), path)
    assert "unknown key 'whole_word'" in exc.value.message and "Did you mean 'whole_words'?" in exc.value.message
    assert f"{path}:" in exc.value.message and exc.value.exit_code == EXIT_DATA
    assert lang_module.get("en").words  # the shipped files pass


@pytest.mark.parametrize("name, old, new, words", [
    ("patterns.yaml", "confidence: 0.9", "confidence: high", "is not a number from 0 to 1"),
    # a word list holding a null failed deep in a stage (found by tests/test_fuzz_data.py)
    ("lang/en.yaml", "today: [today is,", "today: [null, today is,", "'today' holds None, not a non-empty word"),
    ("noise.yaml", "window: 3", "window: three", "'languages.en.repeated_word.window' 'three' is not a whole number"),
])
def test_a_bad_data_file_through_the_cli_is_exit_4_not_a_traceback(tmp_path, name, old, new, words):
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    for sub in ("ontology", "queries"):
        (home / sub).symlink_to(ROOT / sub)
    for item in (ROOT / "data").iterdir():
        if item.name != name.split("/")[0]:
            (home / "data" / item.name).symlink_to(item)
        elif item.is_dir():  # the language files: the other one as it is
            (home / "data" / item.name).mkdir()
            for other in item.iterdir():
                if other.name != Path(name).name:
                    (home / "data" / item.name / other.name).symlink_to(other)
    _copy(home / "data", name, old, new)
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    r = kg("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--no-html", env={"KG_HOME": str(home)})
    assert r.returncode == EXIT_DATA, r.stderr.decode()
    line = _one_line(r.stderr.decode())
    assert words in line and str(home / "data" / name) in line


# --------------------------------------------------------------------------- kg check, kg query (findings 5, 6)

def test_kg_check_refuses_what_is_not_a_kg_graph(tmp_path, seed_dir):
    empty = tmp_path / "empty.trig"
    empty.write_text("", encoding="utf-8")
    foreign = tmp_path / "foreign.nt"
    foreign.write_text("<http://a.example/s> <http://a.example/p> <http://a.example/o> .\n", encoding="utf-8")
    for path, words in ((seed_dir / "summary.json", "'.json' file"), (empty, "holds no triples"),
                        (foreign, "uses no term of the kg ontology")):
        r = CliRunner().invoke(main, ["check", "--graph", str(path), "--fast", "--no-write"])
        assert r.exit_code == EXIT_USAGE, (path, r.output)
        assert "not a kg graph" in _one_line(r.output) and words in r.output
        assert isinstance(CheckError("x"), Exception)
    assert empty.read_text(encoding="utf-8") == ""  # nothing was written into it


@pytest.mark.parametrize("data", [bytes(range(256)), b"\xff\xfe\x00garbage", b"SELECT \x00 WHERE {}", b"\x80\x81\x82"])
def test_random_bytes_on_kg_query_stdin_are_exit_2(tmp_path, data):
    r = kg("query", "-", "--graph", str(tmp_path / "none.trig"), stdin=data, env={"LC_ALL": "C.UTF-8"})
    assert r.returncode == EXIT_USAGE
    assert "<stdin>" in _one_line(r.stderr.decode())


def test_xml_results_stay_well_formed_when_a_document_holds_control_characters(tmp_path):
    from xml.dom import minidom

    (tmp_path / "a.txt").write_text("Xiaomi launched\x0b the Mi 6\x01 in 2017.\x0c Lei Jun founded\x1f Xiaomi.",
                                    encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--out", str(out), "--no-html"]).exit_code == 0
    query = "SELECT ?t WHERE { GRAPH ?g { ?s kg:text ?t } }"
    r = CliRunner().invoke(main, ["query", query, "--build", str(out), "--format", "xml"])
    assert r.exit_code == 0, r.output
    dom = minidom.parseString(r.output.encode("utf-8"))
    texts = [n.firstChild.data for n in dom.getElementsByTagName("literal")]
    assert texts and any("\ufffd" in t for t in texts)
    r = CliRunner().invoke(main, ["query", "CONSTRUCT { ?s kg:text ?t } WHERE { GRAPH ?g { ?s kg:text ?t } }",
                                  "--build", str(out), "--format", "xml"])
    assert r.exit_code == 0, r.output
    minidom.parseString(r.output.encode("utf-8"))
