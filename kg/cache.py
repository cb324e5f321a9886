"""A cache of what kg derives from its knowledge files (the parsed lexicon), keyed by the
files' content, so a new process does not parse them again.

The cache lives in its own folder, ``$KG_CACHE_DIR`` or ``<user cache dir>/kg``
(``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``); kg creates it and only ever replaces the files
it wrote there (``<name>-<key>.pickle``, and ``compiled-<command>-<key>.marshal`` of ``kg.compiled``). ``KG_CACHE_DIR=`` (empty) turns the cache off. A
cache that cannot be read or written is ignored: the files are parsed as before.
"""
from __future__ import annotations

import gc
import os
import pickle
import sys
from pathlib import Path

VERSION = "1"  # raise when what is pickled changes shape
KEEP = 4  # entries kept per name


def cache_dir() -> Path | None:
    env = os.environ.get("KG_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg"


def key_of(*paths: Path, extra: str = "") -> str:
    """A key from the content of files (a missing file counts as empty), the code that reads
    them (``extra``) and the Python version."""
    import hashlib  # here, not at import: loading OpenSSL costs a quick `kg query` ~3 ms it does not need

    h = hashlib.sha256(f"{VERSION}|{sys.version_info[:2]}|{extra}".encode())
    for p in paths:
        h.update(str(p).encode() + b"\0")
        try:
            h.update(Path(p).read_bytes())
        except OSError:
            h.update(b"<missing>")
        h.update(b"\0")
    return h.hexdigest()[:24]


def load(name: str, key: str):
    """The object stored under ``name`` and ``key``, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    # the cyclic garbage collector would run many times over the objects being made (~15% of the time)
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(folder / f"{name}-{key}.pickle", "rb") as f:
            return pickle.load(f)
    except Exception:  # missing, unreadable or from another version: parse again
        return None
    finally:
        if enabled:
            gc.enable()


def store(name: str, key: str, value) -> None:
    """Store ``value``; beyond the ``KEEP`` most recent entries of ``name`` (written by kg, same naming), the oldest are removed."""
    folder = cache_dir()
    if folder is None:
        return
    target = folder / f"{name}-{key}.pickle"
    tmp = folder / f".{name}-{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        prune(name, target)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def prune(name: str, target: Path) -> None:
    """Keep the ``KEEP`` most recent files of ``name`` like ``target`` (written by kg, same naming;
    tests and checkouts may alternate), ``target`` among them."""
    ours = sorted((p for p in target.parent.glob(f"{name}-*{target.suffix}") if len(p.stem) == len(target.stem)),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    for old in ours[KEEP:]:
        old.unlink(missing_ok=True)


def memo(name: str, paths, make, extra: str = ""):
    """``make()``, or what it returned in an earlier process for the same content of ``paths``
    (and the same ``extra``, e.g. the code that reads them). ``make`` must not return None."""
    key = key_of(*paths, extra=extra)
    value = load(name, key)
    if value is None:
        value = make()
        store(name, key, value)
    return value
