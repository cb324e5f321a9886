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

import os
import pickle
import shutil
import tempfile
import weakref
from pathlib import Path

from .types import Extraction, StoredExtraction


def dump(x: Extraction, path) -> None:
    """Pickle ``x`` to ``path`` (the format of the build folder's extraction cache)."""
    with open(path, "wb") as f:
        pickler = pickle.Pickler(f, protocol=pickle.HIGHEST_PROTOCOL)
        # no memo of every object written: an extraction holds no cycles, and the memo of a long
        # document's hundreds of thousands of objects costs more memory than their few repeated
        # strings save on disk
        pickler.fast = True
        pickler.dump(x)


class ExtractionStore:
    """A temporary folder of pickled extractions, one per document (``path(i)``)."""

    def __init__(self, parent: str | None = None):
        self.folder = Path(tempfile.mkdtemp(prefix="kg-extractions-", dir=parent))
        self._remove = weakref.finalize(self, shutil.rmtree, str(self.folder), True)

    def path(self, i: int) -> str:
        return str(self.folder / f"{i:08d}.pickle")

    def put(self, i: int, x: Extraction) -> StoredExtraction:
        """Keep document ``i``'s extraction on disk; what the build holds of it in memory."""
        path = self.path(i)
        dump(x, path)
        return StoredExtraction.of(x, path, self)

    def adopt(self, stored: StoredExtraction) -> StoredExtraction:
        """An extraction a worker process already wrote to ``path(i)``, now kept by this store."""
        return StoredExtraction(stored.document, stored.facts, stored.entities, stored.mentioned_ids,
                                stored.sentence_count, stored.errors, stored.path, self)

    def put_file(self, i: int, source: Path, x: Extraction) -> StoredExtraction:
        """Document ``i``'s extraction ``x``, read from ``source`` (the previous build's cache, which
        the new build folder replaces): the file is linked (or copied) into the store."""
        path = self.path(i)
        try:
            os.link(source, path)
        except OSError:
            try:
                shutil.copyfile(source, path)
            except OSError:
                dump(x, path)
        return StoredExtraction.of(x, path, self)


def extract_to(doc, path: str) -> StoredExtraction:
    """What a worker process runs: extract ``doc``, pickle it to ``path`` and return the part the
    build keeps in memory (the parent adopts it into its store)."""
    from .runner import extract_one

    x = extract_one(doc)
    dump(x, path)
    return StoredExtraction.of(x, path)
