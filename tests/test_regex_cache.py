"""kg.regex_cache: compiled regular expressions read back from kg's cache are re's own."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from kg import regex_cache

PATTERNS = [(r"(?P<year>\d{4})年(?:(?P<month>\d{1,2})月)?", 0), (r"(?<![\w-])(?:acquired by|acquired|buys)(?![\w-])", re.I),
            (r"^\s*(\w+)\s*=\s*(.*?)$", re.M), (rb"\x00(ab|cd)+", 0), (r"(?x) a b  # spaced", 0), (r"小米|华为|联想", 0)]
TEXT = "2019年3月 acquired by 小米\nkey = value\n"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    regex_cache.uninstall()
    re.purge()
    yield tmp_path
    regex_cache.uninstall()
    re.purge()


def _compile_all():
    re.purge()  # past re's own cache, to the compiler
    return [re.compile(p, f) for p, f in PATTERNS]


def test_patterns_come_back_the_same(cache_dir):
    plain = _compile_all()
    assert regex_cache.install()
    first = _compile_all()
    assert regex_cache._state["new"]  # compiled here, to be written
    regex_cache._save(os.getpid())
    regex_cache.uninstall()
    assert list(cache_dir.glob("regex-*.marshal"))

    assert regex_cache.install()
    assert len(regex_cache._known) == len(PATTERNS)
    again = _compile_all()
    assert not regex_cache._state["new"]  # all read from the file
    for a, b, c in zip(plain, first, again):
        assert a == b == c  # same pattern, flags and compiled code
        assert a.groupindex == c.groupindex and a.groups == c.groups
        subject = TEXT.encode() if isinstance(a.pattern, bytes) else TEXT
        assert [m.span() for m in a.finditer(subject)] == [m.span() for m in c.finditer(subject)]


def test_a_new_process_reads_the_file(cache_dir):
    code = ("import re, sys; from kg import regex_cache as r; r.install(); "
            f"[re.compile(p, f) for p, f in {PATTERNS!r}]; print(r._state['new'])")
    env = dict(os.environ, KG_CACHE_DIR=str(cache_dir))
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.strip()
            for _ in range(2)]
    assert runs == ["True", "False"]  # the first compiles and writes, the second only reads


def test_off_without_a_cache_folder(cache_dir, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "")
    original = re._compiler.compile
    assert not regex_cache.install()
    assert re._compiler.compile is original


def test_unreadable_file_is_ignored(cache_dir):
    plain = _compile_all()
    assert regex_cache.install()
    _compile_all()
    regex_cache._save(os.getpid())
    regex_cache.uninstall()
    for path in cache_dir.glob("regex-*.marshal"):
        path.write_bytes(b"not marshal")
    assert regex_cache.install()
    assert _compile_all() == plain
    assert regex_cache._state["new"]


def test_unused_patterns_age_out(cache_dir, monkeypatch):
    monkeypatch.setattr(regex_cache, "KEEP_SAVES", 2)
    assert regex_cache.install()
    _compile_all()
    regex_cache._save(os.getpid())
    regex_cache.uninstall()
    for n in range(3):  # three later processes each compile one other pattern only
        assert regex_cache.install()
        re.purge()
        re.compile(f"other{n}")
        regex_cache._save(os.getpid())
        regex_cache.uninstall()
    assert regex_cache.install()
    assert not any(k in regex_cache._known for k in PATTERNS)
    assert ("other2", 0) in regex_cache._known
