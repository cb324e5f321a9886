"""jieba, loaded once, with the lexicon's Chinese names as a user dictionary.

jieba's prefix dictionary (its own words, ~500,000 entries with their prefixes), its part-of-speech
table and the lexicon's names added to both are kept as one pickle in kg's cache
(``kg.cache``), keyed by the lexicon, place and ontology files, kg's code that reads them and
jieba's version. A new process then reads one file (~0.4 s) instead of jieba's cache, jieba's
dictionary text (for the tags) and the lexicon's ~12,000 words one by one.
"""
from __future__ import annotations

import functools
import io
import logging
import os
import sys
import tempfile
from pathlib import Path


@functools.lru_cache(maxsize=1)
def _tokenizer():
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    from . import cache

    key = _cache_key(jieba.__version__)
    state = cache.load("jieba", key)
    if isinstance(state, tuple) and len(state) == 3:
        jieba.dt.FREQ, jieba.dt.total, tags = state
        jieba.dt.initialized = True
        # jieba.posseg builds its tokenizer at import and reads jieba's whole dictionary text for
        # its tag table (~0.3 s); the cached table replaces it, so give it nothing to read
        jieba.dt.get_dict_file = lambda: io.BytesIO()
        try:
            import jieba.posseg
        finally:
            del jieba.dt.get_dict_file
        jieba.posseg.dt.word_tag_tab = tags
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
    # the tag table's words and its few tags as the same string objects as the dictionary's:
    # pickle then writes each once, and reading makes ~350,000 fewer strings
    words = {w: w for w in jieba.dt.FREQ}
    tags: dict[str, str] = {}
    table = {words.get(w, w): tags.setdefault(t, t) for w, t in jieba.posseg.dt.word_tag_tab.items()}
    cache.store("jieba", key, (jieba.dt.FREQ, jieba.dt.total, table))
    return jieba.posseg.dt


def _import_jieba():
    """``import jieba`` without pkg_resources: jieba reads its files through pkg_resources when it
    can, and importing that scans every installed distribution (~0.2 s); without it jieba opens
    the same files next to its modules."""
    if "pkg_resources" in sys.modules or "jieba" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


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
    return [(p.word, p.flag) for p in _tokenizer().lcut(text, HMM=False)]


# the few characters after a trigger or a title are cut again and again: whether a name may start
# there, then the name itself, ask for the same window
_WINDOW = 16


@functools.lru_cache(maxsize=256)
def _short_posseg(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in _tokenizer().lcut(text, HMM=False))
