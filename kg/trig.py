"""graph.trig written graph by graph from the build's sorted N-Quads file, with the TriG text of
each named graph kept in the build folder (``<out>/.cache/trig.pickle``) for the next build.

pyoxigraph's TriG writer states the prefixes once, then writes each graph's triples (a named
graph as ``G { ... }``) from that graph's quads alone, so the file is the prefixes followed by
each graph's text, and a graph whose N-Quads are the same as in the previous build (a document's
graph, when that document and the facts it supports did not change) has the same text: it is
taken from the cache instead of being parsed and written again. The cache is content-addressed
(a hash of the graph's N-Quads, the prefixes and pyoxigraph's version), so it needs no other key;
it holds the blocks of the last build only.
"""
from __future__ import annotations

import hashlib
import io
import pickle
from pathlib import Path

from .graph import FileSlice

CACHE_FILE = Path(".cache") / "trig.pickle"  # inside the build folder
_CHUNK = 1 << 20


class _Body:
    """A file that passes on what is written to it, less the prefix lines at its head (which the
    writer repeats for each graph serialized on its own)."""

    def __init__(self, out, head: bytes):
        self.out, self.head, self.seen = out, head, b""

    def write(self, data) -> int:
        data = bytes(data)
        n = len(data)  # all of it taken (a smaller count would make the writer send the rest again)
        if len(self.seen) < len(self.head):
            take = len(self.head) - len(self.seen)
            self.seen += data[:take]
            data = data[take:]
            if not self.head.startswith(self.seen):
                from .errors import StageError

                raise StageError("graph.trig: pyoxigraph's TriG writer did not begin with the expected prefixes. "
                                 "This is a bug in kg (another pyoxigraph version?); please report it.")
        if data:
            self.out.write(data)
        return n

    def flush(self) -> None:
        pass


def _head(prefixes: dict) -> bytes:
    """The prefix lines the TriG writer puts before the first triple."""
    import pyoxigraph as ox

    buf = io.BytesIO()
    ox.serialize([ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), ox.NamedNode("urn:x"))], buf,
                 format=ox.RdfFormat.TRIG, prefixes=prefixes)
    lines = buf.getvalue().splitlines(keepends=True)
    return b"".join(line for line in lines if line.startswith(b"@prefix "))


def load_cache(build_dir: Path | None) -> dict:
    """The previous build's blocks (hash -> TriG text); empty when there are none or they cannot be read."""
    if build_dir is None:
        return {}
    try:
        with open(Path(build_dir) / CACHE_FILE, "rb") as f:
            blocks = pickle.load(f)
    except Exception:  # missing, unreadable or from another version: write every graph
        return {}
    return blocks if isinstance(blocks, dict) else {}


def write(nquads: Path, sections: list, out_path: Path, prefixes: dict, cache: dict | None = None) -> dict:
    """graph.trig from ``nquads`` (the build's sorted N-Quads, with ``sections``: each graph's
    (key, start, end) byte offsets, the default graph first); named graphs whose text is in
    ``cache`` are copied from it. Returns the named graphs' blocks, for the next build's cache."""
    import pyoxigraph as ox

    from .graph import DEFAULT

    cache = cache or {}
    head = _head(prefixes)
    salt = f"{ox.__version__}|{sorted(prefixes.items())}".encode()
    blocks: dict = {}
    with open(nquads, "rb") as src, open(out_path, "wb") as out:
        out.write(head)
        for key, start, end in sections:
            digest = None
            if key != DEFAULT:
                h = hashlib.sha256(salt)
                part = FileSlice(src, start, end)
                while chunk := part.read(_CHUNK):
                    h.update(chunk)
                digest = h.hexdigest()
                text = cache.get(digest)
                if text is not None:
                    out.write(text)
                    blocks[digest] = text
                    continue
            target = io.BytesIO() if digest is not None else out
            ox.serialize(ox.parse(io.BufferedReader(FileSlice(src, start, end), _CHUNK), format=ox.RdfFormat.N_QUADS),
                         _Body(target, head), format=ox.RdfFormat.TRIG, prefixes=prefixes)
            if digest is not None:
                blocks[digest] = target.getvalue()
                out.write(blocks[digest])
    return blocks


def store_cache(build_dir: Path, blocks: dict) -> None:
    target = Path(build_dir) / CACHE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as f:
        pickle.dump(blocks, f, protocol=pickle.HIGHEST_PROTOCOL)
