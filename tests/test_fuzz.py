"""Property-based and fuzz tests (Hypothesis): whatever the input, kg answers with a result or a
KgError (one line, a documented exit code), never a traceback, and a failed build leaves the
previous one byte-identical.

Examples are few and the deadline generous so the file stays well under a minute on two cores.
"""
from __future__ import annotations

import datetime as dt
import string
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from kg import corpus, errors, numbers, pipeline
from kg import query as q
from kg.errors import KgError

DOCUMENTED = {v for k, v in vars(errors).items() if k.startswith("EXIT_")}
FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LANGS = st.sampled_from(["zh", "en"])


_SCRATCH: list[Path] = []


@pytest.fixture(scope="module", autouse=True)
def scratch(tmp_path_factory):
    """Folders for the examples, inside pytest's own temporary folder (removed with it)."""
    _SCRATCH.append(tmp_path_factory.mktemp("fuzz"))
    yield
    _SCRATCH.pop()


def _folder() -> Path:
    return Path(tempfile.mkdtemp(dir=_SCRATCH[-1]))


def _assert_kg_error(exc: KgError) -> None:
    assert exc.exit_code in DOCUMENTED and exc.exit_code != 0
    assert len(exc.message.splitlines()) == 1, exc.message


# --------------------------------------------------------------------------- the corpus reader

@FEW
@given(st.binary(max_size=400))
@example(b"\xff\xfe" + "小米发布了手机".encode("utf-16-le"))
@example(b"\x00\x01binary")
@example(b"plain text \x0c with a form feed")
def test_any_bytes_as_a_document_give_documents_or_an_input_error(raw):
    folder = _folder()
    (folder / "doc.txt").write_bytes(raw)
    try:
        docs = corpus.read_corpus([folder / "doc.txt"])
    except KgError as exc:
        _assert_kg_error(exc)
        assert exc.exit_code in (errors.EXIT_INPUT, errors.EXIT_DATA)
    else:
        assert len(docs) == 1 and docs[0].text.strip() and docs[0].lang in ("zh", "en")


FILE_NAME_CHARS = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
                          min_size=1, max_size=20)


@FEW
@given(FILE_NAME_CHARS)
@example('a b<x>{"}|^`')
def test_any_file_name_gives_valid_iris(name):
    from kg import graph, iris

    assume(name not in (".", "..") and not name.startswith("."))
    folder = _folder()
    try:
        path = folder / f"{name}.txt"
        path.write_text("Xiaomi launched the Mi 6 in 2017.", encoding="utf-8")
    except (OSError, UnicodeEncodeError, ValueError):
        assume(False)  # the file system refuses the name; nothing to test
    docs = corpus.read_corpus([folder])
    node = str(iris.document(docs[0].doc_id))
    import pyoxigraph as ox

    ox.NamedNode(node)  # raises ValueError on an invalid IRI
    ox.NamedNode(str(iris.sentence(docs[0].doc_id, 3)))
    assert graph  # the graph module builds its IRIs from these functions


# --------------------------------------------------------------------------- the manifest

KEYS = ["id", "file", "language", "title", "publisher", "date", "reference_date", "kind", "speaker",
        "organisation", "home_country", "currency", "context", "reports_on", "dtae", "langauge", "lang", "Id"]
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 3000), st.floats(allow_nan=True),
    st.text(max_size=12), st.sampled_from(["zh", "en", "a.txt", "lei-jun", "2018-02-07", "Lei Jun", "a<b"]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.lists(st.text(max_size=6), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


@FEW
@given(st.lists(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8), max_size=3))
@example([{"id": "a", "file": "a.txt", "language": "en", "reports_on": "abc"}])
@example([{"id": "a b", "file": "a.txt", "language": "en"}])
def test_any_manifest_gives_documents_or_a_data_error(entries):
    folder = _folder()
    (folder / "a.txt").write_text("Xiaomi launched the Mi 6 in 2017. Lei Jun founded Xiaomi in Beijing.", encoding="utf-8")
    (folder / "manifest.yaml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True), encoding="utf-8")
    try:
        docs = corpus.read_corpus([folder])
    except KgError as exc:
        _assert_kg_error(exc)
        assert "manifest.yaml" in exc.message or "a.txt" in exc.message
    else:
        assert len(docs) == 1


@FEW
@given(st.text(max_size=300))
@example("documents:\n  - id: a\n    file: a.txt\n    language: en\n    date: 2018-13-45\n")
@example("documents: {a: 1}")
@example("- just\n- a list\n")
def test_any_manifest_text_gives_documents_or_a_data_error(text):
    folder = _folder()
    (folder / "a.txt").write_text("小米在2017年发布了小米6手机。雷军是小米的创始人。", encoding="utf-8")
    (folder / "manifest.yaml").write_text(text, encoding="utf-8")
    try:
        corpus.read_corpus([folder])
    except KgError as exc:
        _assert_kg_error(exc)


# --------------------------------------------------------------------------- the number parser

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), LANGS)
@example("1E+999999999", "en")
@example("二〇一七", "zh")
def test_parse_number_reads_a_number_or_raises_value_error(text, lang):
    try:
        value = numbers.parse_number(text, lang)
    except ValueError:
        return
    assert isinstance(value, Decimal) and value.is_finite()


@settings(max_examples=100, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**12, max_value=10**12), LANGS)
def test_parse_number_reads_back_what_it_is_given(value, lang):
    assert numbers.parse_number(str(value), lang) == value


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,%亿万千百十一二三四五年月日季度第前 Q$billionmlk")), max_size=40) | st.text(max_size=40),
       LANGS)
def test_scanning_any_text_for_numbers_and_periods_never_raises(text, lang):
    found = numbers.find_quantities(text, lang)
    assert all(0 <= x.start < x.end <= len(text) for x in found)
    numbers.find_periods(text, lang, dt.date(2018, 2, 7))


# --------------------------------------------------------------------------- --param binding

@pytest.fixture(scope="module")
def store(seed_dir):
    return q.open_local(seed_dir)


PARAM_VALUES = st.one_of(st.text(max_size=30), st.sampled_from(
    ["kgid:xiaomi", "<https://w3id.org/kg/id/xiaomi>", "<not an iri>", "kg:", "小米", "Xiaomi", '"2017"', "2017",
     '"x"@zz-', "x:y:z", "<>", "} SELECT * WHERE {", "\"\"\"", "1e99999", "?s", "_:b"]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_param_value_gives_an_answer_or_a_query_error(store, data):
    spec = data.draw(st.sampled_from([s for s in q.library() if s.params]))
    name = data.draw(st.sampled_from([p.name for p in spec.params] + ["nosuch"]))
    value = data.draw(PARAM_VALUES)
    try:
        given_params = q.parse_assignments([f"{name}={value}"])
        result = q.run_query(spec, store, given_params)
    except KgError as exc:
        _assert_kg_error(exc)
        assert exc.exit_code == errors.EXIT_USAGE
    else:
        q.render(result, "xml")


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=20))
def test_any_param_assignment_parses_or_is_a_usage_error(pair):
    try:
        out = q.parse_assignments([pair])
    except KgError as exc:
        _assert_kg_error(exc)
    else:
        assert len(out) == 1


# --------------------------------------------------------------------------- a failed build keeps the last

@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200) | st.text(alphabet=string.printable + "小米\x00\x0c", max_size=200).map(str.encode))
@example(b"")
@example(b"\x00\x00")
def test_after_any_failed_build_the_previous_one_is_byte_identical(seed_dir, raw):
    out = seed_dir.parent / "fuzz-build"
    if not out.exists():
        pipeline.write(pipeline.build([]), out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    folder = _folder()
    (folder / "doc.txt").write_bytes(raw)

    def boom(result, tmp):
        raise OSError("disk full")  # a failure after the graph files were written

    try:
        pipeline.write(pipeline.build([folder]), out, [boom])
    except KgError as exc:
        _assert_kg_error(exc)
    except OSError as exc:
        assert str(exc) == "disk full"
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".kg-build-")]
