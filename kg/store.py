"""The per-document extractions of a build, kept on disk while the build runs.

Each document's ``Extraction`` (its text, sentences, mentions and facts: some twenty times the
text's size as Python objects) is pickled to a file of a temporary folder as soon as it is made,
in the worker process that made it; the build keeps a ``StoredExtraction`` of it (its facts,
names and mentioned entities) and reads the rest back one document at a time where a stage
needs it (a sentence's words for the sources stage, the sentences for the graph). The files are
those of the build folder's extraction cache (``kg.runner``), which links them in. The folder is
removed when no extraction refers to it any more (or at exit).
"""
from __future__ import annotations

import dataclasses
import os
import pickle
import re
import shutil
import struct
import tempfile
import weakref
from decimal import Decimal
from pathlib import Path

from .types import Evidence, Extraction, Fact, PeriodRef, StoredExtraction


_HEAD = struct.Struct("<Q")  # the file's first bytes: where its last pickle (what the build keeps) starts


def dump(x: Extraction, path) -> None:
    """Write ``x`` to ``path`` (the format of the build folder's extraction cache): after a header,
    three pickles one after the other: the document with its sentences (what the graph reads back
    of every document, a small part), its mentions, and what the build keeps of it in memory
    (``StoredExtraction``: the document without its text, facts, names, mentioned entities,
    errors), which the header says where to find, so that a build taking the extraction from the
    cache reads that part alone."""
    with open(path, "wb") as f:
        f.write(_HEAD.pack(0))
        pickler = pickle.Pickler(f, protocol=pickle.HIGHEST_PROTOCOL)
        # no memo of every object written: an extraction holds no cycles, and the memo of a long
        # document's hundreds of thousands of objects costs more memory than their few repeated
        # strings save on disk
        pickler.fast = True
        pickler.dump((x.document, x.sentences))
        pickler.dump(x.mentions)
        kept = f.tell()
        pickler.dump((dataclasses.replace(x.document, text=""), len(x.sentences), x.facts, x.entities, x.mentioned(),
                      x.errors))
        f.seek(0)
        f.write(_HEAD.pack(kept))


def load(path) -> Extraction:
    """The extraction ``dump`` wrote to ``path``."""
    with open(path, "rb") as f:
        f.seek(_HEAD.size)
        document, sentences = pickle.load(f)
        mentions = pickle.load(f)
        _, _, facts, entities, _, errors = pickle.load(f)
    return Extraction(document, sentences, mentions, facts, entities, errors)


def load_sentences(path) -> tuple:
    """Only the sentences of the extraction at ``path`` (the first of its pickles)."""
    with open(path, "rb") as f:
        f.seek(_HEAD.size)
        return pickle.load(f)[1]


def load_kept(path) -> StoredExtraction:
    """What a build keeps in memory of the extraction at ``path`` (its last pickle alone)."""
    with open(path, "rb") as f:
        (kept,) = _HEAD.unpack(f.read(_HEAD.size))
        if not kept:
            raise ValueError(f"{path}: not a complete extraction file")
        f.seek(kept)
        document, sentence_count, facts, entities, mentioned, errors = pickle.load(f)
    return StoredExtraction(document, facts, entities, mentioned, sentence_count, errors, str(path))


_FOLDER = re.compile(r"^kg-extractions-(\d+)-[a-z0-9_]+$")
_FILE = re.compile(r"^\d{8}\.pickle$")


def clean_stale(parent: str | None = None) -> list[Path]:
    """Remove the extraction folders that builds killed before they could clean up (SIGKILL, power
    loss) left in ``parent`` (the temporary folder): ``kg-extractions-<pid>-…`` of processes no
    longer running that hold nothing but kg's pickles. Returns what was removed."""
    from .outdir import _alive

    parent = Path(parent or tempfile.gettempdir())
    removed = []
    try:
        with os.scandir(parent) as found:
            entries = [(parent / e.name, m) for e in found if (m := _FOLDER.match(e.name))]
    except OSError:
        return removed
    for folder, m in entries:
        if folder.is_symlink() or not folder.is_dir() or _alive(int(m.group(1))):
            continue
        try:
            if not all(_FILE.match(name) for name in os.listdir(folder)):
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


class ExtractionStore:
    """A temporary folder of pickled extractions, one per document (``path(i)``), named after the
    building process so that a later build can tell a dead build's folder (``clean_stale``)."""

    def __init__(self, parent: str | None = None):
        clean_stale(parent)
        self.folder = Path(tempfile.mkdtemp(prefix=f"kg-extractions-{os.getpid()}-", dir=parent))
        self._remove = weakref.finalize(self, shutil.rmtree, str(self.folder), True)
        # one object for equal values (ids, rule names, qualifiers, names found outside the
        # lexicon): what each document's facts repeat is held once, not once per fact
        self._same: dict = {}

    def path(self, i: int) -> str:
        return str(self.folder / f"{i:08d}.pickle")

    def put(self, i: int, x: Extraction) -> StoredExtraction:
        """Keep document ``i``'s extraction on disk; what the build holds of it in memory."""
        path = self.path(i)
        dump(x, path)
        return self.adopt(StoredExtraction.of(x, path))

    def adopt(self, stored: StoredExtraction) -> StoredExtraction:
        """An extraction a worker process already wrote to ``path(i)``, now kept by this store
        (its facts and names sharing the values equal to those of the documents before)."""
        same = self._same.setdefault
        facts = tuple(Fact(same(f.kind, f.kind), same(f.subject, f.subject), same(f.predicate, f.predicate),
                           same(f.obj, f.obj), self._same_attrs(f.attrs),
                           tuple(Evidence(same(e.doc_id, e.doc_id), e.sentence_index, e.start, e.end, e.quote,
                                          same(e.rule, e.rule), e.confidence) for e in f.evidence))
                      for f in stored.facts)
        entities = tuple(same(info, info) for info in stored.entities)
        return StoredExtraction(stored.document, facts, entities, stored.mentioned_ids, stored.sentence_count,
                                stored.errors, stored.path, self)

    def all_kept(self) -> None:
        """No more extractions come: drop the table of shared values (the facts keep what they use)."""
        self._same = {}

    def _same_attrs(self, attrs: tuple) -> tuple:
        """``attrs``, or an earlier fact's equal attrs when they are written the same (equal is not
        enough: Decimal 5 equals 5.0, and 1 equals True)."""
        earlier = self._same.get(attrs)
        if earlier is None:
            self._same[attrs] = attrs
            return attrs
        return earlier if _identical(earlier, attrs) else attrs

    def put_file(self, i: int, source: Path, kept: StoredExtraction) -> StoredExtraction:
        """Document ``i``'s extraction, of which ``kept`` (``load_kept``) was read from ``source``
        (the previous build's cache, which the new build folder replaces): the file is linked (or
        copied) into the store."""
        path = self.path(i)
        try:
            os.link(source, path)
        except OSError:
            shutil.copyfile(source, path)
        return self.adopt(dataclasses.replace(kept, path=path))


def _identical(a, b) -> bool:
    """Equal and of the same types all through, Decimals with the same digits and exponent."""
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b))
    if isinstance(a, Decimal):
        return a.as_tuple() == b.as_tuple()
    if isinstance(a, PeriodRef):
        return all(_identical(getattr(a, name), getattr(b, name)) for name in a.__slots__)
    return a == b


def extract_to(doc, path: str) -> StoredExtraction:
    """What a worker process runs: extract ``doc``, pickle it to ``path`` and return the part the
    build keeps in memory (the parent adopts it into its store)."""
    from .runner import extract_one

    x = extract_one(doc)
    dump(x, path)
    return StoredExtraction.of(x, path)
