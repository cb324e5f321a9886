"""Property test of kg's knowledge files (issue 10): a data file with one key dropped or one value
replaced by a value of another type (a number, a text, a list, a mapping, null, a boolean) gives
either a normal run of its loader and a small extraction, or a one-line ``DataFileError`` (exit
code 4) naming the file -- never another exception.

Few examples per file, so the module runs in seconds.
"""
from __future__ import annotations

import contextlib
import copy
import functools
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import corpus, lang, lexicon, profile, resolve, resources, sources
from kg.blocks import extract_document
from kg.errors import EXIT_DATA, DataFileError, KgError
from kg.extract import patterns

ROOT = Path(__file__).resolve().parent.parent
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TEXTS = {"en": "Xiaomi launched the Mi 6 in 2017. Lei Jun founded Xiaomi in Beijing in 2010. Revenue rose 20% to "
               "10 billion yuan. Xiaomi ranked third in the smartphone market.\n",
         "zh": "小米在2017年发布了小米6手机。雷军于2010年在北京创办了小米。营收同比增长20%至100亿元。小米在智能手机市场排名第三。\n"}

# a value of another type than the one the file holds
OTHER = st.one_of(st.integers(-5, 10**6), st.text(max_size=8), st.lists(st.integers(0, 3), max_size=2),
                  st.dictionaries(st.sampled_from(["zh", "en", "x"]), st.integers(0, 3), max_size=2),
                  st.none(), st.booleans(), st.floats(allow_nan=False, allow_infinity=False))


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@functools.lru_cache(maxsize=None)
def _parsed(name: str):
    data = yaml.load((ROOT / "data" / name).read_text(encoding="utf-8"), Loader=_LOADER)
    if name == "places.yaml":
        data = {**data, "entities": data["entities"][:20]}  # the reader's rules, not the size of the file
    return data


def _original(name: str):
    return copy.deepcopy(_parsed(name))


FILES = ["patterns.yaml", "lang/zh.yaml", "lang/en.yaml", "noise.yaml", "contexts.yaml", "places.yaml"]
_PATHS: dict[str, list[tuple]] = {}


def _paths(name: str) -> list[tuple]:
    """Every place in the file a mutation can hit: a key of a mapping or an item of a list."""
    if name not in _PATHS:
        found: list[tuple] = []

        def walk(value, at: tuple) -> None:
            items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
            for k, v in items:
                found.append(at + (k,))
                if len(at) < 4:
                    walk(v, at + (k,))
        walk(_original(name), ())
        _PATHS[name] = found
    return _PATHS[name]


@st.composite
def mutations(draw):
    name = draw(st.sampled_from(FILES))
    where = draw(st.sampled_from(_paths(name)))
    drop = draw(st.booleans())
    return name, where, None if drop else draw(OTHER), drop


def _mutated(name: str, where: tuple, value, drop: bool):
    data = _original(name)
    parent = data
    for k in where[:-1]:
        parent = parent[k]
    if drop and isinstance(parent, dict):
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    return data


@pytest.fixture(scope="module")
def warm():
    return _warm()


@functools.lru_cache(maxsize=1)
def _warm():
    """The lexicon and the documents, read once (the mutations leave them alone)."""
    folder = Path(tempfile.mkdtemp())
    paths = []
    for code, text in TEXTS.items():
        (folder / f"{code}.txt").write_text(text, encoding="utf-8")
        paths.append(folder / f"{code}.txt")
    docs = corpus.read_corpus(paths)
    lex = lexicon.load()
    pats = patterns.load_patterns()
    extractions = [extract_document(d, lex, pats) for d in docs]
    return docs, lex, pats, extractions, resolve.resolve(extractions, lex)


def _run(name: str, path: Path, warm) -> None:
    """The file's loader, then the stage that uses it on the two small documents."""
    docs, lex, pats, extractions, resolved = warm
    if name == "patterns.yaml":
        mutated = patterns.load_patterns(path)
        for doc in docs:
            extract_document(doc, lex, mutated)
    elif name.startswith("lang/"):
        code = Path(name).stem
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(resources, "language_path", lambda c: path if c == code else ROOT / "data" / "lang" / f"{c}.yaml")
            lang.get.cache_clear()
            try:
                lang.get(code)
                for doc in docs:
                    extract_document(doc, lex, pats)
            finally:
                lang.get.cache_clear()
    elif name == "noise.yaml":
        noise = sources.load_noise(path)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(sources, "load_noise", lambda *a: noise)
            sources.apply(sources.analyse(extractions, resolved), resolved)
    elif name == "contexts.yaml":
        cues = profile.load_contexts(path)
        for doc in docs:
            profile.document_context(doc, cues)
    elif name == "places.yaml":
        lexicon._read_entries(lexicon.Lexicon(path, {}), path)


@FEW
@given(mutations())
def test_a_mutated_data_file_runs_or_is_one_line_naming_the_file(warm, mutation):
    name, where, value, drop = mutation
    folder = Path(tempfile.mkdtemp())
    path = folder / Path(name).name
    path.write_text(yaml.dump(_mutated(name, where, value, drop), Dumper=_DUMPER, allow_unicode=True), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp, contextlib.ExitStack():
        mp.setenv("KG_CACHE_DIR", "")  # nothing of the mutated files kept in kg's cache
        try:
            _run(name, path, warm)
        except KgError as exc:
            assert isinstance(exc, DataFileError) and exc.exit_code == EXIT_DATA, (where, value, exc)
            assert len(exc.message.splitlines()) == 1 and str(path) in exc.message, exc.message
