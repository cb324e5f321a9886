"""kg.compiled: regular expressions and dataclass methods read back from kg's cache are Python's own."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from kg import compiled

PATTERNS = [(r"(?P<year>\d{4})年(?:(?P<month>\d{1,2})月)?", 0), (r"(?<![\w-])(?:acquired by|acquired|buys)(?![\w-])", re.IGNORECASE),
            (r"^\s*(\w+)\s*=\s*(.*?)$", re.MULTILINE), (rb"\x00(ab|cd)+", 0), (r"(?x) a b  # spaced", 0), (r"小米|华为|联想", 0)]
TEXT = "2019年3月 acquired by 小米\nkey = value\n"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiled, "SAVE_AFTER", 0.0)  # these tests compile little: write whatever is new
    compiled.uninstall()
    re.purge()
    yield tmp_path
    compiled.uninstall()
    re.purge()


def _compile_all():
    re.purge()  # past re's own cache, to the compiler
    return [re.compile(p, f) for p, f in PATTERNS]


def test_patterns_come_back_the_same(cache_dir):
    plain = _compile_all()
    assert compiled.install()
    first = _compile_all()
    assert compiled._state["new"]  # compiled here, to be written
    compiled._save(os.getpid())
    compiled.uninstall()
    assert list(cache_dir.glob("compiled-*.marshal"))

    assert compiled.install()
    assert len(compiled._known["re"]) == len(PATTERNS)
    again = _compile_all()
    assert not compiled._state["new"]  # all read from the file
    for a, b, c in zip(plain, first, again):
        assert a == b == c  # same pattern, flags and compiled code
        assert a.groupindex == c.groupindex and a.groups == c.groups
        subject = TEXT.encode() if isinstance(a.pattern, bytes) else TEXT
        assert [m.span() for m in a.finditer(subject)] == [m.span() for m in c.finditer(subject)]


def test_a_new_process_reads_the_file(cache_dir):
    code = ("import re, sys; from kg import compiled as r; r.SAVE_AFTER = 0; r.install(); "
            f"[re.compile(p, f) for p, f in {PATTERNS!r}]; print(r._state['new'] > 0)")
    env = dict(os.environ, KG_CACHE_DIR=str(cache_dir))
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.strip()
            for _ in range(2)]
    assert runs == ["True", "False"]  # the first compiles and writes, the second only reads


def test_off_without_a_cache_folder(cache_dir, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "")
    original = re._compiler.compile
    assert not compiled.install()
    assert re._compiler.compile is original


def test_unreadable_file_is_ignored(cache_dir):
    plain = _compile_all()
    assert compiled.install()
    _compile_all()
    compiled._save(os.getpid())
    compiled.uninstall()
    for path in cache_dir.glob("compiled-*.marshal"):
        path.write_bytes(b"not marshal")
    assert compiled.install()
    assert _compile_all() == plain
    assert compiled._state["new"]


def test_unused_patterns_age_out(cache_dir, monkeypatch):
    monkeypatch.setattr(compiled, "KEEP_SAVES", 2)
    assert compiled.install()
    _compile_all()
    compiled._save(os.getpid())
    compiled.uninstall()
    for n in range(3):  # three later processes each compile one other pattern only
        assert compiled.install()
        re.purge()
        re.compile(f"other{n}")
        compiled._save(os.getpid())
        compiled.uninstall()
    assert compiled.install()
    assert not any(k in compiled._known["re"] for k in PATTERNS)
    assert ("other2", 0) in compiled._known["re"]


def test_dataclass_methods_come_back_the_same(cache_dir):
    """A dataclass made with the cached code of its methods behaves as one made by dataclasses itself."""
    import dataclasses

    def make():
        @dataclasses.dataclass(frozen=True, order=True)
        class Point:
            x: int
            y: int = 2
            tags: tuple = dataclasses.field(default_factory=tuple)

        return Point

    plain = make()
    assert compiled.install()
    first = make()
    compiled._save(os.getpid())
    compiled.uninstall()
    assert "exec" not in vars(dataclasses)
    assert compiled.install()
    assert compiled._known["code"]
    again = make()
    assert not compiled._state["new"]  # every method from the file
    for cls in (first, again):
        p = cls(1)
        assert repr(p) == repr(plain(1)).replace(plain.__qualname__, cls.__qualname__)
        assert p == cls(1, 2, ()) and p < cls(2) and hash(p) == hash(cls(1))
        with pytest.raises(dataclasses.FrozenInstanceError):
            p.x = 3
        assert cls.__init__.__globals__ is plain.__init__.__globals__  # the defining module's namespace


def test_a_few_cheap_misses_do_not_rewrite_the_file(cache_dir, monkeypatch):
    assert compiled.install()
    _compile_all()
    compiled._save(os.getpid())
    compiled.uninstall()
    (path,) = cache_dir.glob("compiled-*.marshal")
    before = path.read_bytes()
    monkeypatch.setattr(compiled, "SAVE_AFTER", 1.0)
    assert compiled.install()
    re.purge()
    re.compile("[one new pattern]")
    assert 0 < compiled._state["new"] < 1.0
    compiled._save(os.getpid())
    assert path.read_bytes() == before
