"""What Python compiles at every start, kept across processes in kg's cache (``kg.cache``):
regular expressions, and the methods ``dataclasses`` writes as source text for each class.

kg's modules and data files make about 800 regular expressions (word lists, trigger words,
number and date forms); Python compiles each in pure Python at every start (~0.15 s of a seed
build). The compiled form -- the list of integers ``re`` hands to its C matcher, with the group
names -- depends only on the pattern, its flags and the interpreter. Likewise the ~270 methods
(``__init__``, ``__eq__``, ...) of kg's ~60 dataclasses are source text compiled at each import
(~0.02 s); their code objects depend only on the text. Both are kept in one file of kg's cache per
command, named by the interpreter's version and ``re``'s engine version, and a new process makes
each pattern object and runs each method's code from it: the same objects (a pattern ``==`` re's
own: same pattern, flags and code), so the same matches and the same classes.

``install`` is called by the command line only (it changes ``re`` and ``dataclasses`` for the
whole process), and checks first that it builds the same patterns as ``re`` itself; with any doubt
-- another Python, no cache folder (``KG_CACHE_DIR=``), an unreadable file -- they are left alone.
Patterns with ``re.DEBUG`` are never kept. The file is written again only by a process that
spent more than ``SAVE_AFTER`` compiling what it lacked; an entry no process used in the last ``KEEP_SAVES`` writes is
dropped (a library may build a pattern from a set, in another order in each process), and at
most ``LIMIT`` of each kind are kept.
"""
from __future__ import annotations

import atexit
import builtins
import gc
import marshal
import os
import re
import sys
import time
import zlib

from . import cache

LIMIT = 5000  # entries of each kind kept in the file (a build of the seeds uses ~800 patterns)
KEEP_SAVES = 8
# seconds spent compiling what the file lacked before it is written again (writing costs ~0.01 s;
# a library's pattern made from a set differs from process to process and is not worth it)
SAVE_AFTER = 0.005
KINDS = ("re", "code")
# kind -> key -> entry, read from the file: ("re") (pattern, flags) -> (flags, code, groups,
# groupindex, indexgroup); ("code") source text -> code object
_known: dict = {k: {} for k in KINDS}
_ages: dict = {k: {} for k in KINDS}  # kind -> key -> writes of the file since a process last used it
_used: dict = {k: {} for k in KINDS}  # kind -> the keys this process used, in order (a dict as an ordered set)
_state: dict = {}  # "original": re's own compile while installed, "file" and "name": the file's, "new": seconds spent compiling what the file lacked


def install(name: str = "cli", methods: bool = True) -> bool:
    """Compile regular expressions, and with ``methods`` dataclass methods, through the cache in
    this process (once); False when left off. ``name`` names the file: a command that needs a few
    patterns (``kg query``) reads its own, and one that makes no dataclasses leaves ``methods``
    off (importing ``dataclasses`` would cost it more than the cache saves)."""
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
    file = f"compiled-{name}-{zlib.crc32(version.encode()):08x}.marshal"
    found = _read(file)
    # a file was written by this interpreter after the same check: checking again would only cost time
    if not found and not _same_as_re(_compiler):
        return False
    for kind, (known, ages) in found.items():
        _known[kind].update(known)
        _ages[kind].update(ages)
    _state.update(original=_compiler.compile, file=file, name=name, new=0.0)
    _compiler.compile = _compile
    if methods:
        import dataclasses

        if "exec" not in vars(dataclasses):  # dataclasses' calls of exec() find ours before the builtin
            dataclasses.exec = _exec
    atexit.register(_save, os.getpid())
    return True


def uninstall() -> None:
    """Give ``re`` and ``dataclasses`` their own compiling back (the file is not written)."""
    original = _state.pop("original", None)
    if original is not None:
        from re import _compiler

        _compiler.compile = original
        dataclasses = sys.modules.get("dataclasses")
        if dataclasses is not None and vars(dataclasses).get("exec") is _exec:
            del dataclasses.exec
        atexit.unregister(_save)
    for table in (_known, _ages, _used):
        for kind in KINDS:
            table[kind].clear()
    _state.clear()


def _compile(pattern, flags=0):
    """``re._compiler.compile`` through the cache: what ``re._compile`` calls on a miss of its own cache."""
    import _sre

    if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:  # a parsed pattern, or DEBUG: re's own way
        return _state["original"](pattern, flags)
    k = (pattern, int(flags))
    known = _known["re"]
    entry = known.get(k)
    if entry is None:
        start = time.perf_counter()
        entry = known[k] = _entry(pattern, flags)
        _state["new"] += time.perf_counter() - start
    _used["re"][k] = None
    return _sre.compile(pattern, *entry)


def _exec(source, globals=None, locals=None, /):
    """``exec`` as ``dataclasses`` calls it, with the code of a source text kept."""
    if globals is None:  # as exec does: the caller's namespaces
        caller = sys._getframe(1)
        globals = caller.f_globals
        locals = caller.f_locals if locals is None else locals
    if isinstance(source, str):
        known = _known["code"]
        code = known.get(source)
        if code is None:
            start = time.perf_counter()
            # exec(text) from dataclasses, which has no __future__ imports: nothing inherited from here
            code = known[source] = compile(source, "<string>", "exec", dont_inherit=True)
            _state["new"] += time.perf_counter() - start
        _used["code"][source] = None
        source = code
    return builtins.exec(source, globals, locals)  # noqa: S102 (the builtin, as dataclasses would call it)


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


def _read(file: str) -> dict:
    """The file's {kind: (entries, ages)}, or {}."""
    path = _path(file)
    enabled = gc.isenabled()
    gc.disable()  # the collector would run over and over the code lists being made
    try:
        with open(path, "rb") as f:
            data = marshal.loads(f.read())  # marshal.load(f) would read the file piece by piece
        if isinstance(data, dict) and all(k in KINDS and isinstance(v, tuple) and len(v) == 2
                                          and isinstance(v[0], dict) and isinstance(v[1], dict) for k, v in data.items()):
            return data
        return {}
    except Exception:  # missing, unreadable, from another version: compile as usual
        return {}
    finally:
        if enabled:
            gc.enable()


def _save(pid: int) -> None:
    """At exit of the process that installed the cache, if it compiled something the file lacked:
    write the file again, this process's entries first, then those used in the last ``KEEP_SAVES``
    writes, at most ``LIMIT`` of each kind."""
    if os.getpid() != pid or _state.get("new", 0.0) < SAVE_AFTER:
        return
    path = _path(_state["file"])
    if path is None:
        return
    data = {}
    for kind in KINDS:
        known, old = _known[kind], _ages[kind]
        ages = {k: 0 for k in list(_used[kind])[:LIMIT]}
        for k in known:
            if len(ages) >= LIMIT:
                break
            if k not in ages and old.get(k, 0) < KEEP_SAVES:
                ages[k] = old.get(k, 0) + 1
        data[kind] = ({k: known[k] for k in ages}, ages)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(marshal.dumps(data))
        os.replace(tmp, path)
        cache.prune(f"compiled-{_state['name']}", path)
    except (OSError, ValueError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
