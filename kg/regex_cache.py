"""Compiled regular expressions kept across processes, in kg's cache (``kg.cache``).

kg's modules and data files make about 800 regular expressions (word lists, trigger words,
number and date forms); Python compiles each in pure Python at every start (~0.15 s of a seed
build). The compiled form -- the list of integers ``re`` hands to its C matcher, with the group
names -- depends only on the pattern, its flags and the interpreter, so it is kept in one file of
kg's cache per command, named by the interpreter's version and ``re``'s engine version, and a new process
makes each pattern object from it directly: the same objects (``==``: same pattern, flags and
code), so the same matches.

``install`` is called by the command line only (it changes ``re`` for the whole process), and
checks first that it builds the same objects as ``re`` itself; with any doubt -- another Python,
no cache folder (``KG_CACHE_DIR=``), an unreadable file -- ``re`` is left alone. Patterns with
``re.DEBUG`` are never kept. The file is written again only by a process that compiled a pattern
it lacked; a pattern no process used in the last ``KEEP_SAVES`` writes is dropped (a library may
build a pattern from a set, in another order in each process), and at most ``LIMIT`` are kept.
"""
from __future__ import annotations

import atexit
import gc
import marshal
import os
import re
import sys
import zlib

from . import cache

LIMIT = 5000  # patterns kept in the file (a build of the seeds uses ~800)
KEEP_SAVES = 8
_known: dict = {}  # (pattern, flags) -> (flags, code, groups, groupindex, indexgroup), read from the file
_ages: dict = {}  # (pattern, flags) -> writes of the file since a process last used it
_used: dict = {}  # the keys this process compiled, in order (a dict as an ordered set)
_state: dict = {}  # "original": re's own compile while installed, "file" and "name": the file's, "new": made here


def install(name: str = "cli") -> bool:
    """Compile regular expressions through the cache in this process (once); False when left off.
    ``name`` names the file: a command that needs a few patterns (``kg query``) reads its own."""
    if "original" in _state:
        return True
    try:
        import _sre
        from re import _compiler, _parser  # noqa: F401 (checked to exist)
    except ImportError:
        return False
    if cache.cache_dir() is None:
        return False
    # the interpreter and re's engine (no hashlib: loading OpenSSL would cost a quick command more than it saves)
    version = f"{sys.implementation.cache_tag}|{sys.hexversion}|{_sre.MAGIC}|{_sre.CODESIZE}|{marshal.version}"
    file = f"regex-{name}-{zlib.crc32(version.encode()):08x}.marshal"
    known, ages = _read(file)
    # a file was written by this interpreter after the same check: checking again would only cost time
    if not known and not _same_as_re(_compiler):
        return False
    _known.update(known)
    _ages.update(ages)
    _state.update(original=_compiler.compile, file=file, name=name, new=False)
    _compiler.compile = _compile
    atexit.register(_save, os.getpid())
    return True


def uninstall() -> None:
    """Give ``re`` its own compile back (the file is not written)."""
    original = _state.pop("original", None)
    if original is not None:
        from re import _compiler

        _compiler.compile = original
        atexit.unregister(_save)
    _known.clear()
    _ages.clear()
    _used.clear()
    _state.clear()


def _compile(pattern, flags=0):
    """``re._compiler.compile`` through the cache: what ``re._compile`` calls on a miss of its own cache."""
    import _sre

    if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:  # a parsed pattern, or DEBUG: re's own way
        return _state["original"](pattern, flags)
    k = (pattern, int(flags))
    entry = _known.get(k)
    if entry is None:
        entry = _known[k] = _entry(pattern, flags)
        _state["new"] = True
    _used[k] = None
    return _sre.compile(pattern, *entry)


def _entry(pattern, flags) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` after the pattern, as plain values."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _same_as_re(compiler) -> bool:
    """Does ``_entry`` make what ``re`` makes, on patterns with the usual features?"""
    import _sre

    samples = [(r"(?P<year>\d{4})年(?:(\d{1,2})月)?", 0), (r"(?<![\w-])(?:ab|c)(?![\w-])", 2), (r"(?i)x[^a-z]+\b", 0),
               (rb"a|b", 0), (r"^\s*(?P<k>[A-Z]\w*)$", 8 | 16)]
    try:
        return all(_sre.compile(p, *_entry(p, f)) == compiler.compile(p, f) for p, f in samples)
    except Exception:  # another re, another engine: leave it alone
        return False


def _path(file: str):
    folder = cache.cache_dir()
    return None if folder is None else folder / file


def _read(file: str) -> tuple[dict, dict]:
    """The file's (patterns, ages)."""
    path = _path(file)
    enabled = gc.isenabled()
    gc.disable()  # the collector would run over and over the code lists being made
    try:
        with open(path, "rb") as f:
            known, ages = marshal.loads(f.read())  # marshal.load(f) would read the file piece by piece
        return (known, ages) if isinstance(known, dict) and isinstance(ages, dict) else ({}, {})
    except Exception:  # missing, unreadable, from another version: compile as usual
        return {}, {}
    finally:
        if enabled:
            gc.enable()


def _save(pid: int) -> None:
    """At exit of the process that installed the cache, if it compiled patterns the file lacked:
    write the file again, this process's patterns first, then those used in the last ``KEEP_SAVES``
    writes, at most ``LIMIT``."""
    if os.getpid() != pid or not _state.get("new"):
        return
    path = _path(_state["file"])
    if path is None:
        return
    ages = {k: 0 for k in list(_used)[:LIMIT]}
    for k in _known:
        if len(ages) >= LIMIT:
            break
        if k not in ages and _ages.get(k, 0) < KEEP_SAVES:
            ages[k] = _ages.get(k, 0) + 1
    keep = {k: _known[k] for k in ages}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(marshal.dumps((keep, ages)))
        os.replace(tmp, path)
        cache.prune(f"regex-{_state['name']}", path)
    except (OSError, ValueError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
