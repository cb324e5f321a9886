"""SHACL Core in Python: the node and property shapes of ``ontology/shapes.ttl`` checked over the
asserted triples, for ``kg.validate``.

pyshacl validated them before (and stays the reference: tests/test_validate.py compares the two
on a graph with a violation of every shape planted); importing it and its SPARQL engine and
running it over an rdflib copy of the graph was the slowest part of a small build. Here the
triples the shapes read are indexed once and each constraint is a few lines of Python.

What is covered is what the shapes use -- targets ``sh:targetClass`` (instances of the class or a
subclass, the ontology mixed into the data as for pyshacl), ``sh:targetSubjectsOf``,
``sh:targetObjectsOf``; paths of predicates, sequences and ``sh:zeroOrMorePath``; the
constraints ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype`` (with the lexical
form checked), ``sh:nodeKind``, ``sh:in``, ``sh:minInclusive``, ``sh:maxInclusive``,
``sh:minLength``, ``sh:lessThan``, ``sh:equals``, ``sh:uniqueLang``, ``sh:languageIn`` and
``sh:qualifiedValueShape`` with ``sh:qualifiedMinCount`` -- and anything else in a shape is an
error that names it, so a new kind of constraint cannot be skipped silently. Shapes whose
target is a class as a node (SHACL-SPARQL, ``kg.validate.class_wide_checks``) run on pyoxigraph.

Each result is (node shape, property shape, component, focus node, value node) as pyshacl gives
them: one per offending value for value constraints, one per focus node for counts.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from .errors import CheckError

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = RDF + "type"
SUBCLASS = RDFS + "subClassOf"

# what a property shape may say besides its constraints
_DESCRIPTIVE = {SH + "path", SH + "name", SH + "message", SH + "severity", SH + "description", RDFS + "comment",
                RDFS + "label", SH + "order", SH + "group"}
_COMPONENT = {name: f"sh:{name[0].upper()}{name[1:]}ConstraintComponent" for name in (
    "minCount", "maxCount", "class", "datatype", "nodeKind", "in", "minInclusive", "maxInclusive", "minLength",
    "lessThan", "equals", "uniqueLang")}
_COMPONENT["qualifiedValueShape"] = "sh:QualifiedMinCountConstraintComponent"


@dataclass
class PropertyShape:
    node_shape: str  # the IRI of the node shape it belongs to
    name: str  # its sh:name (else its path)
    message: str  # its sh:message ("" when it has none)
    path: list  # steps: ("one", predicate IRI) or ("any", predicate IRI) for sh:zeroOrMorePath
    constraints: list  # (name, argument), name a key of _COMPONENT
    severity: str  # "violation" | "warning"


@dataclass
class NodeShape:
    iri: str
    classes: list = field(default_factory=list)
    subjects_of: list = field(default_factory=list)
    objects_of: list = field(default_factory=list)
    properties: list = field(default_factory=list)


@dataclass(frozen=True)
class Result:
    shape: PropertyShape
    component: str  # e.g. sh:MinCountConstraintComponent
    focus: object  # pyoxigraph term
    value: object = None


# ----------------------------------------------------------------------------- reading the shapes

def compile_shapes(shapes, skip=frozenset()) -> list:
    """The node shapes of an rdflib shapes graph (except those in ``skip``), ready to check."""
    from rdflib import BNode, Literal, URIRef

    sh = lambda name: URIRef(SH + name)  # noqa: E731
    out = []
    for node in sorted(set(shapes.subjects(URIRef(RDF_TYPE), sh("NodeShape"))) - set(skip)):
        ns = NodeShape(str(node))
        ns.classes = [str(c) for c in shapes.objects(node, sh("targetClass"))]
        ns.subjects_of = [str(p) for p in shapes.objects(node, sh("targetSubjectsOf"))]
        ns.objects_of = [str(p) for p in shapes.objects(node, sh("targetObjectsOf"))]
        for prop in shapes.objects(node, sh("property")):
            ns.properties.append(_property(shapes, ns.iri, prop, sh, Literal, BNode))
        out.append(ns)
    return out


def _property(shapes, node_shape: str, prop, sh, Literal, BNode) -> PropertyShape:
    where = f"{shapes_file()}: property shape {prop if not isinstance(prop, BNode) else ''} of <{node_shape}>"
    severity = shapes.value(prop, sh("severity"))
    constraints = []
    for p, o in sorted(shapes.predicate_objects(prop)):
        key = str(p)
        if key in _DESCRIPTIVE or key == SH + "qualifiedMinCount":
            continue
        name = key[len(SH):] if key.startswith(SH) else key
        if name not in _COMPONENT:
            raise CheckError(f"{where}: kg's SHACL check does not know '{name}'. Use a constraint it knows "
                             f"({', '.join(sorted(_COMPONENT))}) or a SPARQL constraint on a class-wide shape.")
        if name == "in":
            arg = frozenset(_term(x) for x in shapes.items(o))
        elif name == "qualifiedValueShape":
            arg = (_value_shape(shapes, o, sh, where), int(shapes.value(prop, sh("qualifiedMinCount")) or 0))
        elif name in ("minCount", "maxCount", "minLength"):
            arg = int(o)
        elif name in ("minInclusive", "maxInclusive"):
            arg = _term(o)
        elif name == "uniqueLang":
            if not o.toPython():
                continue
            arg = True
        else:
            arg = str(o)
        constraints.append((name, arg))
    path = _path(shapes, shapes.value(prop, sh("path")), sh, where)
    name = shapes.value(prop, sh("name")) or " / ".join(p for _, p in path)
    return PropertyShape(node_shape, str(name), str(shapes.value(prop, sh("message")) or ""), path, constraints,
                         "warning" if severity in (sh("Warning"), sh("Info")) else "violation")


def _value_shape(shapes, node, sh, where) -> tuple:
    """A qualified value shape: ("in", terms) or ("languageIn", tags)."""
    if shapes.value(node, sh("in")) is not None:
        return "in", frozenset(_term(x) for x in shapes.items(shapes.value(node, sh("in"))))
    if shapes.value(node, sh("languageIn")) is not None:
        return "languageIn", tuple(str(x).lower() for x in shapes.items(shapes.value(node, sh("languageIn"))))
    raise CheckError(f"{where}: kg's SHACL check reads a qualified value shape with sh:in or sh:languageIn only.")


def _path(shapes, node, sh, where) -> list:
    from rdflib import BNode, URIRef

    if isinstance(node, URIRef):
        return [("one", str(node))]
    if isinstance(node, BNode):
        star = shapes.value(node, sh("zeroOrMorePath"))
        if star is not None:
            return [("any", str(star))]
        if shapes.value(node, URIRef(RDF + "first")) is not None:
            return [step for item in shapes.items(node) for step in _path(shapes, item, sh, where)]
    raise CheckError(f"{where}: kg's SHACL check reads paths of predicates, sequences and sh:zeroOrMorePath only.")


def _term(node):
    """An rdflib term as pyoxigraph's."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype or XSD + "string")))
    return ox.BlankNode(str(node))


def shapes_file() -> str:
    from .resources import ontology_dir

    return str(ontology_dir() / "shapes.ttl")


# ----------------------------------------------------------------------------- checking

class _Index:
    """The triples the shapes read: subject -> predicate -> objects (in order, without repeats)."""

    def __init__(self, triples, predicates: set, targets: set | None = None):
        """``targets``: the predicates whose (subject, object) pairs are kept in ``by_predicate``
        (those of sh:targetSubjectsOf / sh:targetObjectsOf; None: all of ``predicates``)."""
        out: dict = defaultdict(lambda: defaultdict(dict))
        by_predicate: dict = defaultdict(dict)
        targets = predicates if targets is None else targets
        for t in triples:
            p = t.predicate.value
            if p in predicates:
                s, o = t.subject, t.object  # each read makes a new Python term: read once
                out[s][p][o] = None
                if p in targets:
                    by_predicate[p][(s, o)] = None
        self.out = out
        self.by_predicate = by_predicate
        self._super: dict = {}
        self._super_iris: dict = {}  # class -> the IRIs of it and its superclasses

    def objects(self, s, p: str) -> list:
        found = self.out.get(s)
        return list(found[p]) if found is not None and p in found else []

    def superclasses(self, cls) -> set:
        """``cls`` and every class it is a subclass of (rdfs:subClassOf*)."""
        if cls not in self._super:
            seen, todo = {cls}, [cls]
            while todo:
                for sup in self.objects(todo.pop(), SUBCLASS):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            self._super[cls] = seen
        return self._super[cls]

    def is_instance(self, node, cls: str) -> bool:
        return any(cls in self._iris(t) for t in self.objects(node, RDF_TYPE))

    def _iris(self, t) -> set:
        found = self._super_iris.get(t)
        if found is None:
            found = self._super_iris[t] = {c.value for c in self.superclasses(t) if hasattr(c, "value")}
        return found

    def values(self, focus, path: list) -> list:
        if len(path) == 1 and path[0][0] == "one":  # the usual path, one predicate: its objects
            found = self.out.get(focus)
            p = path[0][1]
            return list(found[p]) if found is not None and p in found else []
        nodes = [focus]
        for kind, p in path:
            nxt: dict = {}
            for n in nodes:
                if kind == "one":
                    nxt.update(dict.fromkeys(self.objects(n, p)))
                else:  # zero or more steps
                    seen, todo = {n: None}, [n]
                    while todo:
                        for o in self.objects(todo.pop(), p):
                            if o not in seen:
                                seen[o] = None
                                todo.append(o)
                    nxt.update(seen)
            nodes = list(nxt)
        return nodes


def validate(triples, node_shapes: list) -> list:
    """The results of ``node_shapes`` on ``triples`` (pyoxigraph Triples: the data with the ontology)."""
    import pyoxigraph as ox

    predicates = {RDF_TYPE, SUBCLASS}
    for ns in node_shapes:
        predicates.update(ns.subjects_of, ns.objects_of)
        for ps in ns.properties:
            predicates.update(p for _, p in ps.path)
            predicates.update(arg for name, arg in ps.constraints if name in ("lessThan", "equals"))
    targets = {p for ns in node_shapes for p in (*ns.subjects_of, *ns.objects_of)}
    index = _Index(triples, predicates, targets)
    instances_of: dict = defaultdict(list)
    for node, types in ((s, po[RDF_TYPE]) for s, po in index.out.items() if RDF_TYPE in po):
        for t in types:
            for c in index.superclasses(t):
                if isinstance(c, ox.NamedNode):
                    instances_of[c.value].append(node)
    results = []
    for ns in node_shapes:
        focus: dict = {}
        for c in ns.classes:
            focus.update(dict.fromkeys(instances_of.get(c, ())))
        for p in ns.subjects_of:
            focus.update(dict.fromkeys(s for s, _ in index.by_predicate.get(p, ())))
        for p in ns.objects_of:
            focus.update(dict.fromkeys(o for _, o in index.by_predicate.get(p, ())))
        for ps in ns.properties:
            for f in focus:
                values = index.values(f, ps.path)
                for name, arg in ps.constraints:
                    results.extend(Result(ps, _COMPONENT[name], f, v) for v in _check(name, arg, f, values, index))
    return results


def _check(name: str, arg, focus, values: list, index: _Index) -> list:
    """The offending value nodes of one constraint (None: a result without a value)."""
    import pyoxigraph as ox

    if name == "minCount":
        return [None] if len(values) < arg else []
    if name == "maxCount":
        return [None] if len(values) > arg else []
    if name == "class":
        return [v for v in values if isinstance(v, ox.Literal) or not index.is_instance(v, arg)]
    if name == "datatype":
        return [v for v in values if not (isinstance(v, ox.Literal) and v.datatype.value == arg and well_formed(v))]
    if name == "nodeKind":
        kinds = {SH + "IRI": (ox.NamedNode,), SH + "BlankNode": (ox.BlankNode,), SH + "Literal": (ox.Literal,),
                 SH + "BlankNodeOrIRI": (ox.BlankNode, ox.NamedNode), SH + "IRIOrLiteral": (ox.NamedNode, ox.Literal),
                 SH + "BlankNodeOrLiteral": (ox.BlankNode, ox.Literal)}
        return [v for v in values if not isinstance(v, kinds[arg])]
    if name == "in":
        return [v for v in values if v not in arg]
    if name == "minInclusive":
        return [v for v in values if (c := compare(v, arg)) is None or c < 0]
    if name == "maxInclusive":
        return [v for v in values if (c := compare(v, arg)) is None or c > 0]
    if name == "minLength":
        return [v for v in values if isinstance(v, ox.BlankNode) or len(v.value) < arg]
    if name == "lessThan":
        return [v for v in values for w in index.objects(focus, arg) if (c := compare(v, w)) is None or c >= 0]
    if name == "equals":
        others = index.objects(focus, arg)
        return [v for v in values if v not in others] + [w for w in others if w not in values]
    if name == "uniqueLang":
        langs: dict = defaultdict(int)
        for v in values:
            if isinstance(v, ox.Literal) and v.language:
                langs[v.language.lower()] += 1
        return [None for n in langs.values() if n > 1]
    if name == "qualifiedValueShape":
        (kind, allowed), least = arg
        if kind == "in":
            n = sum(1 for v in values if v in allowed)
        else:
            n = sum(1 for v in values if isinstance(v, ox.Literal) and v.language
                    and any(v.language.lower() == a or v.language.lower().startswith(a + "-") for a in allowed))
        return [None] if n < least else []
    raise AssertionError(name)  # compile_shapes let through a constraint it does not know


# ----------------------------------------------------------------------------- literals

_NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "nonNegativeInteger", "positiveInteger",
                              "negativeInteger", "nonPositiveInteger", "int", "long", "short", "byte",
                              "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_DOUBLE = re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|NaN)|-INF")
_TZ = r"(Z|[+-]\d\d:\d\d)?"
_LEXICAL = {
    XSD + "decimal": lambda s: bool(_DECIMAL.fullmatch(s)),
    XSD + "double": lambda s: bool(_DOUBLE.fullmatch(s)),
    XSD + "float": lambda s: bool(_DOUBLE.fullmatch(s)),
    XSD + "boolean": lambda s: s in ("true", "false", "1", "0"),
    XSD + "gYear": lambda s: bool(re.fullmatch(r"-?\d{4,}" + _TZ, s)),
    XSD + "date": lambda s: _date(s) is not None,
}
_INTEGER_RANGE = {"integer": (None, None), "nonNegativeInteger": (0, None), "positiveInteger": (1, None),
                  "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1)}


def well_formed(lit) -> bool:
    """Is the literal's text a value of its datatype (for the XSD types kg writes; others pass)?"""
    dt, text = lit.datatype.value, lit.value
    if dt[len(XSD):] in _INTEGER_RANGE and dt.startswith(XSD):
        if not _INTEGER.fullmatch(text):
            return False
        low, high = _INTEGER_RANGE[dt[len(XSD):]]
        n = int(text)
        return (low is None or n >= low) and (high is None or n <= high)
    check = _LEXICAL.get(dt)
    return check(text) if check else True


def _date(text: str):
    m = re.fullmatch(r"(-?\d{4,}-\d\d-\d\d)" + _TZ, text)
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1))
    except ValueError:
        return None


def compare(a, b) -> int | None:
    """-1, 0 or 1 as SPARQL's < and = order literals ``a`` and ``b``; None when they cannot be compared."""
    import pyoxigraph as ox

    if not (isinstance(a, ox.Literal) and isinstance(b, ox.Literal)):
        return None
    da, db = a.datatype.value, b.datatype.value
    if da in _NUMERIC and db in _NUMERIC:
        try:
            x, y = Decimal(a.value), Decimal(b.value)
        except InvalidOperation:
            return None
        if x.is_nan() or y.is_nan():
            return None
    elif da == db == XSD + "date":
        x, y = _date(a.value), _date(b.value)
        if x is None or y is None:
            return None
    elif da == db and da in (XSD + "string", XSD + "gYear") and not a.language and not b.language:
        x, y = a.value, b.value
    else:
        return None
    return (x > y) - (x < y)
