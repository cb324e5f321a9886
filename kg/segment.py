"""jieba, loaded once, with the lexicon's Chinese names as a user dictionary."""
from __future__ import annotations

import functools
import logging
import os
import tempfile


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    cache = os.path.join(tempfile.gettempdir(), "kg-jieba")
    os.makedirs(cache, exist_ok=True)
    jieba.dt.tmp_dir = cache
    from .lexicon import load

    lex = load()
    for info in lex.entities.values():
        for lang, name in info.labels + info.aliases:
            if lang == "zh" and " " not in name:
                jieba.add_word(name, freq=20000, tag=_TAG.get(info.cls, "nz"))
    # jieba.posseg's own tokenizer wraps jieba.dt and has read the tag table at import; a second
    # POSTokenizer would read it again (~0.3 s). The user words' tags reach it on its first cut.
    return jieba.posseg.dt


_TAG = {"Person": "nr", "Country": "ns", "Region": "ns", "City": "ns", "Place": "ns"}


def posseg(text: str) -> list[tuple[str, str]]:
    # names the lexicon lacks are built from dictionary words (深圳 + 设计 + 博物馆); jieba's HMM
    # for unseen words costs 4x the time and mostly invents "names" from common words
    return [(p.word, p.flag) for p in _tokenizer().lcut(text, HMM=False)]
