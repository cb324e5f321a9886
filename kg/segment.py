"""jieba, loaded once, with the lexicon's Chinese names as a user dictionary.

jieba's prefix dictionary (its own words, ~500,000 entries with their prefixes), its part-of-speech
table and the lexicon's names added to both are kept in kg's cache (``kg.cache``), keyed by the
lexicon, place and ontology files, kg's code that reads them and jieba's version, cut by the
first character of the word: jieba only ever looks up words that begin at a character of the text
it cuts, so a new process reads the parts for the characters of the texts it cuts (a seed build
needs a fifth of the dictionary) instead of all of it, with the same cuts and tags.
"""
from __future__ import annotations

import functools
import io
import logging
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path


_SHARDS: dict = {}  # first character -> its words' pickled (prefix dictionary, tag table) entries, not loaded yet


@functools.lru_cache(maxsize=1)
def _tokenizer():
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    from . import cache

    key = _cache_key(jieba.__version__)
    state = cache.load("jieba", key)
    if isinstance(state, tuple) and len(state) == 2:
        jieba.dt.total, shards = state
        jieba.dt.FREQ = {}
        jieba.dt.initialized = True
        # jieba.posseg builds its tokenizer at import and reads jieba's whole dictionary text for
        # its tag table (~0.3 s); the cached table replaces it, so give it nothing to read
        jieba.dt.get_dict_file = lambda: io.BytesIO()
        try:
            import jieba.posseg
        finally:
            del jieba.dt.get_dict_file
        jieba.posseg.dt.word_tag_tab = {}
        _SHARDS.clear()
        _SHARDS.update(shards)
        return jieba.posseg.dt
    import jieba.posseg

    cache_dir = os.path.join(tempfile.gettempdir(), "kg-jieba")
    os.makedirs(cache_dir, exist_ok=True)
    jieba.dt.tmp_dir = cache_dir
    from .lexicon import load

    lex = load()
    for info in lex.entities.values():
        for lang, name in info.labels + info.aliases:
            if lang == "zh" and " " not in name:
                jieba.add_word(name, freq=20000, tag=_TAG.get(info.cls, "nz"))
    # jieba.posseg's own tokenizer wraps jieba.dt and has read the tag table at import; a second
    # POSTokenizer would read it again (~0.3 s). The user words' tags reach it here, as on a first cut.
    jieba.posseg.dt.makesure_userdict_loaded()
    cache.store("jieba", key, (jieba.dt.total, _shards(jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab)))
    _SHARDS.clear()
    return jieba.posseg.dt


def _shards(freq: dict, table: dict) -> dict:
    """The prefix dictionary and tag table cut by the words' first character, each part pickled."""
    import pickle

    parts: dict = {}
    tags: dict[str, str] = {}  # the few tags as shared strings: pickle writes each once per part
    for word, count in freq.items():
        parts.setdefault(word[0], ({}, {}))[0][word] = count
    for word, tag in table.items():
        parts.setdefault(word[0], ({}, {}))[1][word] = tags.setdefault(tag, tag)
    return {c: pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for c, part in parts.items()}


def _load(text: str) -> None:
    """Add the dictionary entries of the words that begin with a character of ``text``."""
    import gc
    import pickle

    wanted = [c for c in set(text) if c in _SHARDS]
    if not wanted:
        return
    tok = _tokenizer()
    enabled = gc.isenabled()
    gc.disable()  # the cyclic collector would run over and over the strings being made
    try:
        for c in wanted:
            freq, tags = pickle.loads(_SHARDS.pop(c))
            tok.tokenizer.FREQ.update(freq)
            tok.word_tag_tab.update(tags)
    finally:
        if enabled:
            gc.enable()


def load_all() -> None:
    """Read the parts of the dictionary not read yet, if kg has set jieba up from its cache (for
    code that reads jieba's tables directly); does not set jieba up."""
    if _SHARDS:
        _load("".join(_SHARDS))


def dictionary():
    """jieba's part-of-speech tokenizer with the whole dictionary loaded."""
    tok = _tokenizer()
    load_all()
    return tok


def _import_jieba():
    """``import jieba`` without pkg_resources: jieba reads its files through pkg_resources when it
    can, and importing that scans every installed distribution (~0.2 s); without it jieba opens
    the same files next to its modules. Its HMM tables are read when first used (``_LazyTable``)."""
    if "pkg_resources" in sys.modules or "jieba" in sys.modules:
        import jieba

        return jieba
    _lazy_hmm_tables()
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


# jieba's hidden Markov models for words its dictionary lacks (cut with HMM=True; kg cuts without):
# modules of large dict literals (~7 MB of source) that jieba imports with itself, ~0.03 s
_HMM_TABLES = ("finalseg.prob_emit", "posseg.char_state_tab", "posseg.prob_emit", "posseg.prob_trans")


def _lazy_hmm_tables() -> None:
    """Put stand-ins for jieba's HMM table modules where ``import jieba`` will find them: each
    ``P`` reads the real module when first looked into, then takes its place in jieba's modules."""
    import importlib.util
    import types

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return
    root = Path(list(spec.submodule_search_locations)[0])
    for name in _HMM_TABLES:
        path = root.joinpath(*name.split(".")).with_suffix(".py")
        full = f"jieba.{name}"
        if full in sys.modules or not path.exists():
            continue
        module = types.ModuleType(full)
        module.P = _LazyTable(full, path)
        sys.modules[full] = module


class _LazyTable(Mapping):
    """One of jieba's HMM tables (a dict), read from its module at the first look."""

    def __init__(self, name: str, path: Path):
        self._name, self._path, self._real = name, path, None

    def _table(self) -> dict:
        if self._real is None:
            import importlib.util

            spec = importlib.util.spec_from_file_location(self._name, self._path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)  # the module's own bytecode cache serves
            self._real = module.P
            # jieba's cutters read the tables as globals: from now on they get the dict itself
            for owner in ("jieba.finalseg", "jieba.posseg"):
                mod = sys.modules.get(owner)
                for attr, value in list(vars(mod).items()) if mod is not None else ():
                    if value is self:
                        setattr(mod, attr, self._real)
            sys.modules[self._name].P = self._real
        return self._real

    def __getitem__(self, key):
        return self._table()[key]

    def __iter__(self):
        return iter(self._table())

    def __len__(self):
        return len(self._table())

    def get(self, key, default=None):
        return self._table().get(key, default)

    def keys(self):
        return self._table().keys()


def _cache_key(jieba_version: str) -> str:
    from . import cache, lexicon, resources

    code = Path(lexicon.__file__).read_text(encoding="utf-8") + Path(__file__).read_text(encoding="utf-8")
    return cache.key_of(resources.lexicon_path(), resources.places_path(), resources.ontology_path(),
                        extra=f"jieba {jieba_version}|{code}")


_TAG = {"Person": "nr", "Country": "ns", "Region": "ns", "City": "ns", "Place": "ns"}


def posseg(text: str) -> list[tuple[str, str]]:
    # names the lexicon lacks are built from dictionary words (深圳 + 设计 + 博物馆); jieba's HMM
    # for unseen words costs 4x the time and mostly invents "names" from common words
    if len(text) <= _WINDOW:
        return list(_short_posseg(text))
    tok = _tokenizer()
    if _SHARDS:
        _load(text)
    return [(p.word, p.flag) for p in tok.lcut(text, HMM=False)]


# the few characters after a trigger or a title are cut again and again: whether a name may start
# there, then the name itself, ask for the same window
_WINDOW = 16


@functools.lru_cache(maxsize=256)
def _short_posseg(text: str) -> tuple[tuple[str, str], ...]:
    tok = _tokenizer()
    if _SHARDS:
        _load(text)
    return tuple((p.word, p.flag) for p in tok.lcut(text, HMM=False))
