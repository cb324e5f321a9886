"""The build folder: kg replaces only a folder it made itself.

Every build folder holds a marker file, ``.kg-build`` (a small JSON), written with each build.
``kg build --out X`` replaces X only when X does not exist, is an empty folder, holds that
marker, or (a build of an earlier kg, which wrote no marker) holds nothing but kg's own output
files. Anything else is refused before the build starts: a file, a device, a symbolic link,
a folder kg did not make, a folder holding the documents or kg's own data, ``.`` or ``/``.

The new build is written into a temporary sibling folder ``.kg-build-<pid>-<random>`` and
swapped in with two renames; temporary folders of processes that no longer run (a build
killed mid-write) are removed by the next build in the same parent folder.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
from pathlib import Path
from typing import Iterable

from .errors import OutputError, UnsafeOutputError

MARKER = ".kg-build"
# what `kg build` (and `kg analyse` next to it) ever wrote into a build folder, marker aside
KNOWN_FILES = frozenset({"graph.trig", "graph.ttl", "summary.json", "graph.html", "analysis.json"})
_TEMP = re.compile(r"^\.kg-build-(\d+)-[0-9a-f]+$")
_LEGACY_TEMP = re.compile(r"^\.kg-build-[a-z0-9_]{8}$")  # tempfile.mkdtemp names of kg before 0.2
_OLD = re.compile(r"^\..+\.old-(\d+)$")
_FIX = "Choose a new folder for --out (e.g. --out build), or one that an earlier 'kg build' wrote"


def marker_text() -> str:
    """The marker's content: constant, so that two builds of the same input stay byte-identical."""
    return json.dumps({"made_by": "kg build", "format": 1,
                       "note": "kg replaces this folder on the next build; do not keep other files here"},
                      indent=2) + "\n"


def _is_kg_marker(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("made_by") == "kg build"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_target(out_dir: Path, inputs: Iterable[Path] = ()) -> None:
    """Raise ``UnsafeOutputError`` unless ``out_dir`` is something kg may replace (see the module)."""
    from . import resources

    out_dir = Path(out_dir)
    shown = str(out_dir)
    if out_dir.is_symlink():
        raise UnsafeOutputError(f"{shown}: --out is a symbolic link; kg replaces only folders it made. {_FIX}.")
    target = out_dir.resolve()
    if target == Path(target.anchor) or target == Path.home().resolve():
        raise UnsafeOutputError(f"{shown}: --out is the root or home folder; kg will not replace it. {_FIX}.")
    cwd = Path.cwd().resolve()
    if _inside(cwd, target):
        raise UnsafeOutputError(f"{shown}: --out is the current folder or holds it; kg will not replace it. {_FIX}.")
    documents = [Path(p).resolve() for p in inputs] or [resources.corpus_dir().resolve()]
    own = [resources.data_dir().resolve(), resources.ontology_dir().resolve(), resources.queries_dir().resolve()]
    for p, what in [(d, "the documents being built") for d in documents] + [(d, "kg's own data") for d in own]:
        if _inside(p, target):
            raise UnsafeOutputError(f"{shown}: --out is or holds {p} ({what}); replacing it would delete them. {_FIX}.")
    if not os.path.lexists(target):
        return
    if not target.is_dir():
        raise UnsafeOutputError(f"{shown}: --out exists and is not a folder (a file or a device); kg will not replace it. {_FIX}.")
    try:
        names = {p.name for p in target.iterdir()}
    except OSError as exc:
        raise OutputError(f"{shown}: cannot read the output folder ({exc.strerror}). Check its permissions or choose another --out.")
    if not names or (MARKER in names and _is_kg_marker(target / MARKER)):
        return
    if MARKER not in names and "graph.trig" in names and names <= KNOWN_FILES:
        return  # a build of an earlier kg: nothing but kg's own output files
    others = sorted(names - KNOWN_FILES - {MARKER})
    listed = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "") if others else "no .kg-build marker"
    raise UnsafeOutputError(f"{shown}: --out is a folder kg did not make ({listed}); kg will not replace it. {_FIX}.")


def new_temp(parent: Path) -> Path:
    """A fresh temporary folder in ``parent`` with ordinary permissions (the umask's)."""
    while True:
        tmp = parent / f".kg-build-{os.getpid()}-{secrets.token_hex(4)}"
        try:
            tmp.mkdir(mode=0o777)  # the umask applies, as for any folder the user makes
        except FileExistsError:
            continue
        (tmp / MARKER).write_text(marker_text(), encoding="utf-8")
        return tmp


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def clean_stale(parent: Path, max_age: float = 3600.0) -> list[Path]:
    """Remove the temporary and half-swapped folders that builds killed mid-write left in ``parent``:
    ``.kg-build-<pid>-…`` and ``.<name>.old-<pid>`` of processes no longer running, and kg's older
    ``.kg-build-xxxxxxxx`` folders an hour old that hold only kg's files. Returns what was removed."""
    removed = []
    try:  # by name first: the parent may be a big shared folder (/tmp), not worth a stat per entry
        with os.scandir(parent) as found:
            entries = [Path(parent) / e.name for e in found
                       if _TEMP.match(e.name) or _OLD.match(e.name) or _LEGACY_TEMP.match(e.name)]
    except OSError:
        return removed
    for entry in entries:
        if entry.is_symlink() or not entry.is_dir():
            continue
        m = _TEMP.match(entry.name) or _OLD.match(entry.name)
        if m:
            if _alive(int(m.group(1))):
                continue
            if _OLD.match(entry.name) and not (entry / MARKER).exists() and not _only_kg_files(entry):
                continue
        elif _LEGACY_TEMP.match(entry.name):
            try:
                old = time.time() - entry.stat().st_mtime > max_age
            except OSError:
                continue
            if not old or not _only_kg_files(entry):
                continue
        else:
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def _only_kg_files(folder: Path) -> bool:
    try:
        return {p.name for p in folder.iterdir()} <= KNOWN_FILES | {MARKER}
    except OSError:
        return False
