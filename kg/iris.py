"""The one place IRIs come from.

Ontology terms come from a closed namespace read from ``ontology/kg.ttl``: asking
for a term the ontology does not declare raises instead of minting a new IRI.
Instance IRIs are minted here and nowhere else, stably (same input, same IRI).
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from . import resources
from .errors import OntologyError

KG_NS = "https://w3id.org/kg/ontology#"
ID_NS = "https://w3id.org/kg/id/"
ONTOLOGY_IRI = URIRef("https://w3id.org/kg/ontology")


class Vocabulary:
    """The terms of the kg ontology, closed: unknown names fail loudly."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.terms = {str(s)[len(KG_NS):] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(KG_NS)}
        self._parents: dict[str, set[str]] = {}
        for s, o in graph.subject_objects(RDFS.subClassOf):
            if isinstance(s, URIRef) and isinstance(o, URIRef) and str(s).startswith(KG_NS) and str(o).startswith(KG_NS):
                self._parents.setdefault(str(s)[len(KG_NS):], set()).add(str(o)[len(KG_NS):])
        self.classes = {str(s)[len(KG_NS):] for s in graph.subjects(RDF.type, OWL.Class) if str(s).startswith(KG_NS)}
        self._ancestors: dict[str, frozenset[str]] = {}

    def __getitem__(self, name: str) -> URIRef:
        if name not in self.terms:
            raise OntologyError(
                f"{resources.ontology_path()}: the ontology declares no term kg:{name}. "
                "Add it to the ontology (with labels and a comment) or fix the name in the data file that uses it.")
        return URIRef(KG_NS + name)

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    @functools.lru_cache(maxsize=None)
    def ancestors(self, cls: str) -> frozenset[str]:
        """The class and all its kg superclasses."""
        from .closure import reachable

        return frozenset(reachable(cls, self._parents) | {cls})

    def is_a(self, cls: str, wanted) -> bool:
        # asked hundreds of thousands of times per document: the ancestors from a plain dict, the
        # test in C
        anc = self._ancestors.get(cls)
        if anc is None:
            anc = self._ancestors[cls] = self.ancestors(cls)
        return not anc.isdisjoint(wanted)


@functools.lru_cache(maxsize=1)
def vocab() -> Vocabulary:
    path = resources.ontology_path()
    if not path.exists():
        raise OntologyError(f"{path}: ontology file not found. Restore it with 'git checkout -- ontology/kg.ttl'.")

    def parse() -> Graph:
        graph = Graph()
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several parser exception types
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise OntologyError(f"{path}: the ontology is not valid Turtle: {first}. Fix the file (or restore it from git).")
        return graph

    from . import cache

    # a new process unpickles the parsed ontology with its term sets (~0.02 s) instead of parsing
    # its Turtle (~0.1 s) and walking every triple for the sets (~0.01 s)
    code = Path(__file__).read_text(encoding="utf-8")
    return cache.memo("vocabulary", [path], lambda: Vocabulary(parse()), extra=f"rdflib {_rdflib_version()}|{code}")


def _rdflib_version() -> str:
    import rdflib

    return rdflib.__version__


def slug(text: str) -> str:
    """ASCII slug of a name; names with no ASCII letters get a short stable hash."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    ascii_share = len(s.replace("-", "")) / max(1, len(text.replace(" ", "")))
    if not s or ascii_share < 0.6:
        return "h" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return s[:60]


def _digest(*parts) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def entity(entity_id: str) -> URIRef:
    return URIRef(ID_NS + entity_id)


def new_entity_id(name: str) -> str:
    """Id for a name the lexicon does not know."""
    return "x-" + slug(name)


def market(place_id: str) -> URIRef:
    return URIRef(f"{ID_NS}market/{place_id}")


def period(key: str) -> URIRef:
    return URIRef(f"{ID_NS}period/{key}")


_KEEP = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")


def segment(text: str) -> str:
    """``text`` as one IRI path segment: ASCII letters, digits and ``-._~`` and printable non-ASCII
    characters stay; everything else (space, ``<>"{}|\\^`/%#?``, controls, Unicode spaces) is
    percent-encoded as UTF-8, so any file name gives a valid IRI and two names never share one.
    Ids made of safe characters (all of kg's own) are unchanged.

    >>> segment("annual report <2017>.txt")
    'annual%20report%20%3C2017%3E.txt'
    >>> segment("小米-2018")
    '小米-2018'
    """
    out = []
    for ch in text:
        if ch in _KEEP or (ord(ch) > 127 and unicodedata.category(ch)[0] not in "CZ"):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogateescape" if "\udc80" <= ch <= "\udcff" else "surrogatepass"))
    return "".join(out)


def document(doc_id: str) -> URIRef:
    return URIRef(f"{ID_NS}doc/{segment(doc_id)}")


def sentence(doc_id: str, index: int) -> URIRef:
    return URIRef(f"{ID_NS}doc/{segment(doc_id)}/s/{index}")


def evidence(doc_id: str, start: int, end: int, rule: str, confidence: float) -> URIRef:
    """One node per span, rule and confidence: two facts read from one span by one rule may be
    unequally sure (a rival name between their arguments), and an evidence node has one confidence."""
    return URIRef(f"{ID_NS}ev/{_digest(doc_id, start, end, rule, f'{confidence:.3f}')}")


def fact(*key) -> URIRef:
    return URIRef(f"{ID_NS}fact/{_digest(*key)}")


def conflict(*key) -> URIRef:
    return URIRef(f"{ID_NS}conflict/{_digest(*key)}")


def alignment(*key) -> URIRef:
    return URIRef(f"{ID_NS}align/{_digest(*key)}")


def rule(rule_id: str) -> URIRef:
    return URIRef(f"{ID_NS}rule/{segment(rule_id)}")


def activity(*key) -> URIRef:
    """A run of an extractor with given settings (a prov:Activity), e.g. a language model's."""
    return URIRef(f"{ID_NS}activity/{_digest(*key)}")


def doc_graph(doc_id: str) -> URIRef:
    return URIRef(f"{ID_NS}graph/doc/{segment(doc_id)}")


INFERRED_GRAPH = URIRef(ID_NS + "graph/inferred")
# facts kg is not sure enough of to assert: low confidence, or the claim that lost a conflict
CANDIDATES_GRAPH = URIRef(ID_NS + "graph/candidates")
