"""graph.trig written graph by graph from the build's sorted N-Quads file, with the TriG text of
each named graph kept in the build folder (``<out>/.cache/trig.pickle``) for the next build.

pyoxigraph's TriG writer states the prefixes once, then writes each graph's triples (a named
graph as ``G { ... }``) from that graph's quads alone, so the file is the prefixes followed by
each graph's text, and a graph whose N-Quads are the same as in the previous build (a document's
graph, when that document and the facts it supports did not change) has the same text: it is
taken from the cache instead of being parsed and written again. The cache is content-addressed
(a hash of the graph's N-Quads, the prefixes and pyoxigraph's version), so it needs no other key;
it holds the blocks of the last build only, as their places in that build's graph.trig (which
stays in the build folder until the new one replaces it) with a hash of their text, so a file
changed since is noticed: no graph's text is held in memory.
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
        self.hash = None  # a hashlib object that also gets what is passed on, when set

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
            if self.hash is not None:
                self.hash.update(data)
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


class _Blocks:
    """The previous build's blocks: digest -> TriG text, read from its graph.trig when asked for."""

    def __init__(self, path: Path, places: dict):
        self.path, self.places, self.file = path, places, None

    def get(self, digest: str):
        place = self.places.get(digest)
        if place is None:
            return None
        try:
            if self.file is None:
                self.file = open(self.path, "rb")  # noqa: SIM115  (closed with the writer, ``close``)
            self.file.seek(place[0])
            text = self.file.read(place[1])
        except (OSError, TypeError, ValueError, IndexError):  # no graph.trig, or a malformed entry
            return None
        return text if hashlib.sha256(text).hexdigest() == place[2] else None  # else graph.trig was changed

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


def load_cache(build_dir: Path | None, part: str = "blocks", file: str = "graph.trig") -> _Blocks | dict:
    """The previous build's blocks of ``file`` (hash -> text, read from that file as they are asked
    for; ``part``: "blocks" for graph.trig, "ttl" for graph.ttl); empty when there are none or
    they cannot be read."""
    if build_dir is None:
        return {}
    try:
        with open(Path(build_dir) / CACHE_FILE, "rb") as f:
            cache = pickle.load(f)
        if not isinstance(cache, dict) or not isinstance(cache.get(part), dict):
            return {}  # from another version
    except Exception:  # missing, unreadable or from another version: write every graph
        return {}
    return _Blocks(Path(build_dir) / file, cache[part])


# The default graph (most of the file) is written in pieces cut between two subjects: a line
# whose text hashes to 0 modulo CUT_EVERY asks for a cut before the next subject, so where the
# cuts fall depends only on the lines near them, and an edit to a few documents changes the
# pieces it falls in while the others are copied. pyoxigraph's TriG and Turtle writers group a
# subject's consecutive triples and nothing across subjects, so the pieces' texts one after
# another are the text of the whole (tested).
CUT_EVERY = 2048


def _pieces(src, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) byte offsets of the pieces of the lines ``src[start:end]`` (an N-Quads file's)."""
    import zlib

    out, cut, pos, pending = [], start, start, None
    for line in io.BufferedReader(FileSlice(src, start, end), _CHUNK):
        if pending is not None:
            if not line.startswith(pending):  # another subject (a subject holds no space)
                out.append((cut, pos))
                cut, pending = pos, None
        elif zlib.crc32(line) % CUT_EVERY == 0:
            pending = line[:line.find(b" ") + 1]
        pos += len(line)
    if pos > cut:
        out.append((cut, pos))
    return out


def _block(src, start: int, end: int, out, head: bytes, prefixes: dict, fmt, cache, salt: bytes, blocks: dict) -> None:
    """The text of the N-Quads ``src[start:end]`` in ``fmt``, copied from ``cache`` when it holds it,
    written to ``out`` (less the prefix lines); its place goes to ``blocks``."""
    import pyoxigraph as ox

    h = hashlib.sha256(salt)
    part = FileSlice(src, start, end)
    while chunk := part.read(_CHUNK):
        h.update(chunk)
    digest = h.hexdigest()
    at = out.tell()
    text = cache.get(digest)
    if text is not None:
        out.write(text)
        blocks[digest] = (at, len(text), hashlib.sha256(text).hexdigest())
        return
    body = _Body(out, head)
    body.hash = hashlib.sha256()  # the block's text is hashed as it is written
    ox.serialize(ox.parse(io.BufferedReader(FileSlice(src, start, end), _CHUNK), format=ox.RdfFormat.N_QUADS),
                 body, format=fmt, prefixes=prefixes)
    blocks[digest] = (at, out.tell() - at, body.hash.hexdigest())


def _salt(prefixes: dict, fmt) -> bytes:
    import pyoxigraph as ox

    return f"{ox.__version__}|{fmt}|{sorted(prefixes.items())}".encode()


def write(nquads: Path, sections: list, out_path: Path, prefixes: dict, cache=None) -> dict:
    """graph.trig from ``nquads`` (the build's sorted N-Quads, with ``sections``: each graph's
    (key, start, end) byte offsets, the default graph first): each named graph is a block, the
    default graph is cut in pieces (``_pieces``), and a block whose text is in ``cache``
    (``load_cache``) is copied from it. Returns the blocks (digest -> (offset, length, hash of
    the text) in ``out_path``), for the next build's cache."""
    import pyoxigraph as ox

    from .graph import DEFAULT

    def ranges(src):
        for key, start, end in sections:
            yield from _pieces(src, start, end) if key == DEFAULT else [(start, end)]

    return _write_blocks(nquads, out_path, prefixes, ox.RdfFormat.TRIG, cache, b"", ranges)


def write_turtle(ntriples: Path, out_path: Path, prefixes: dict, preamble: bytes, cache=None) -> dict:
    """``preamble``, then the N-Triples file ``ntriples`` (sorted after its first lines) as Turtle,
    in pieces (``_pieces``) copied from ``cache`` (``load_cache(..., "ttl", "graph.ttl")``) where
    it holds them. Returns the pieces' places, as ``write`` does."""
    import pyoxigraph as ox

    return _write_blocks(ntriples, out_path, prefixes, ox.RdfFormat.TURTLE, cache, preamble,
                         lambda src: _pieces(src, 0, src.seek(0, 2)))


def _write_blocks(source: Path, out_path: Path, prefixes: dict, fmt, cache, preamble: bytes, ranges) -> dict:
    """``preamble``, the prefixes, then each byte range of ``source`` that ``ranges(src)`` yields as a
    block of ``fmt`` (``_block``: copied from ``cache`` where it holds the block). Returns the blocks."""
    cache = cache or {}
    head = _head(prefixes)
    salt = _salt(prefixes, fmt)
    blocks: dict = {}
    try:
        with open(source, "rb") as src, open(out_path, "wb") as out:
            out.write(preamble)
            out.write(head)
            for a, b in ranges(src):
                _block(src, a, b, out, head, prefixes, fmt, cache, salt, blocks)
    finally:
        getattr(cache, "close", lambda: None)()
    return blocks


def store_cache(build_dir: Path, blocks: dict, ttl: dict | None = None) -> None:
    """The blocks of ``build_dir``'s graph.trig (``write``'s result) and graph.ttl
    (``write_turtle``'s) for the next build."""
    target = Path(build_dir) / CACHE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as f:
        pickle.dump({"blocks": blocks, "ttl": ttl or {}}, f, protocol=pickle.HIGHEST_PROTOCOL)
