"""Write a built graph in any of the W3C RDF formats (``kg export``), and the format
table the server negotiates with.

The build is a dataset: the merged graph is the default graph, and each document,
the inferred triples and the candidate facts are named graphs. Quad formats (TriG,
N-Quads, JSON-LD) carry the whole dataset; triple formats (Turtle, N-Triples,
RDF/XML) carry one graph -- the default graph unless ``graph`` names another.
Serialisation is pyoxigraph's, so every format is written by the same, tested code.

>>> data = export(load_dataset(Path("build/graph.trig")), "nquads")  # doctest: +SKIP
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import DataFileError, OutputError, QueryError
from .iris import ID_NS
from .query import PREFIXES  # one prefix table for every writer


@dataclass(frozen=True)
class Format:
    name: str  # as given to --format
    ox_name: str  # pyoxigraph RdfFormat member
    extension: str
    media_type: str
    quads: bool  # can hold named graphs
    aliases: tuple[str, ...] = ()  # other media types and short names that ask for it

    @property
    def ox(self):
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self.ox_name)


FORMATS = (
    Format("turtle", "TURTLE", "ttl", "text/turtle", False, ("application/x-turtle", "ttl")),
    Format("ntriples", "N_TRIPLES", "nt", "application/n-triples", False, ("text/plain", "nt", "n-triples")),
    Format("rdfxml", "RDF_XML", "rdf", "application/rdf+xml", False, ("rdf", "rdf+xml", "xml")),
    Format("jsonld", "JSON_LD", "jsonld", "application/ld+json", True, ("json-ld",)),
    Format("trig", "TRIG", "trig", "application/trig", True, ("application/x-trig",)),
    Format("nquads", "N_QUADS", "nq", "application/n-quads", True, ("text/x-nquads", "n-quads")),
)
BY_NAME = {f.name: f for f in FORMATS}


def lookup(name: str) -> Format | None:
    """The format called ``name``: its --format name, media type, extension or an alias."""
    key = name.strip().lower()
    for f in FORMATS:
        if key in (f.name, f.media_type, f.extension, *f.aliases):
            return f
    return None


def load_dataset(path: Path) -> list:
    """The quads of an RDF file (the format from its extension: .trig, .nq, .ttl, .nt, .rdf, .jsonld)."""
    import pyoxigraph as ox

    path = Path(path)
    ext = path.name.rsplit(".", 1)[-1].lower() if "." in path.name else ""
    fmt = ox.RdfFormat.from_extension(ext) if ext else None
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF file type '.{ext}'. Use .trig, .nq, .ttl, .nt, .rdf or .jsonld.")
    if not path.is_file():
        raise OutputError(f"{path}: no such graph file. Run 'kg build' first, or pass the path of a graph file.")
    try:
        return list(ox.parse(path=str(path), format=fmt))
    except SyntaxError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntax error"
        raise DataFileError(f"{path}: not valid {fmt.name} ({first}). Rebuild it with 'kg build' or fix the file.")
    except OSError as exc:
        raise OutputError(f"{path}: cannot read the graph ({exc.strerror or exc}).")


def graph_names(quads) -> list[str]:
    """The named graphs of a dataset, sorted (the default graph is not among them)."""
    import pyoxigraph as ox

    return sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)})


def resolve_graph(name: str, quads) -> str | None:
    """The IRI of the graph ``name`` asks for, or None for the default graph.

    ``default``; a full IRI (with or without angle brackets); ``kgid:graph/inferred``; or
    the part after ``kgid:graph/`` (``inferred``, ``candidates``, ``doc/<id>``)."""
    text = name.strip()
    if text.lower() in ("default", ""):
        return None
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if text.startswith("kgid:"):
        text = ID_NS + text[len("kgid:"):]
    elif not text.startswith(("http://", "https://", "urn:")):
        text = f"{ID_NS}graph/{text}"
    known = graph_names(quads)
    if text not in known:
        shown = ", ".join("kgid:" + g[len(ID_NS):] if g.startswith(ID_NS) else f"<{g}>" for g in known[:12])
        raise QueryError(f"--graph '{name}': the dataset has no graph {text}. Give 'default' or one of: {shown}"
                         + (" ..." if len(known) > 12 else "") + ".")
    return text


ALL = "*"  # every graph: the whole dataset in a quad format, the default graph in a triple format


def select(quads, graph: str | None) -> list:
    """The triples of one graph (``None``: the default graph), as quads in the default graph."""
    import pyoxigraph as ox

    wanted = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
    return [ox.Quad(q.subject, q.predicate, q.object) for q in quads if q.graph_name == wanted]


def export(quads, fmt: str, graph: str | None = ALL) -> bytes:
    """Serialise a dataset in ``fmt`` (a name of FORMATS). ``graph``: ``ALL`` (quad formats
    write every graph, triple formats the default graph), ``None`` (the default graph) or
    the IRI of a named graph."""
    f = BY_NAME.get(fmt) or lookup(fmt)
    if f is None:
        raise QueryError(f"unknown format '{fmt}'. Use one of: {', '.join(BY_NAME)}.")
    if graph == ALL:
        return serialize(quads if f.quads else select(quads, None), f)
    return serialize(select(quads, graph), f)


def serialize(quads, f: Format) -> bytes:
    import pyoxigraph as ox

    kwargs = {"prefixes": PREFIXES} if f.name in ("turtle", "trig") else {}
    if not f.quads:
        quads = [q.triple if isinstance(q, ox.Quad) else q for q in quads]
    return ox.serialize(quads, format=f.ox, **kwargs)


def write_atomic(data: bytes, out: Path) -> None:
    """Write ``out`` through a temporary file in its folder, so a failure leaves the old file."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write there ({exc.strerror}). Choose a writable --out.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; an export is an ordinary file
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write there ({exc.strerror}). Choose a writable --out.")
