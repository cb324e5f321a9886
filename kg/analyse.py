"""Read a built graph as entities and links, and compute the figures a user asks about.

The drawable graph has two kinds of node: entities (anything typed with a class under
one of the entity families, e.g. kg:Company) and n-ary statements (market positions,
quantitative statements, goals), each linked to its subject, market and reporter.
Evidence, sentences, documents and periods are not nodes here: they describe facts.

Everything returns data; only ``kg.cli`` prints.

>>> view = read_graph(load_quads(Path("build/graph.trig")))  # doctest: +SKIP
>>> shortest_path(view, "Xiaomi", "印度")  # doctest: +SKIP
"""
from __future__ import annotations

import functools
import os
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple

from .errors import OutputError, QueryError
from .iris import CANDIDATES_GRAPH, ID_NS, INFERRED_GRAPH, KG_NS

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
TYPE = RDF_NS + "type"
LABEL = RDFS_NS + "label"
ALT = SKOS_NS + "altLabel"

# Top classes whose instances are drawn as entity nodes, in legend order.
ENTITY_FAMILIES = ("Organisation", "Person", "Product", "ProductSeries", "Place", "Market", "Award", "Role")
STATEMENT_CLASSES = ("MarketPosition", "QuantitativeStatement", "Goal")
LANGS = ("en", "zh")


class Lit(NamedTuple):
    value: str
    lang: str
    datatype: str


def _term(t):
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return t.value
    if isinstance(t, ox.Literal):
        return Lit(t.value, t.language or "", t.datatype.value)
    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    return str(t)


def local(iri: str) -> str:
    return iri[len(KG_NS):] if iri.startswith(KG_NS) else iri


def load_quads(trig_path: Path) -> list:
    """The quads of a built graph: ``graph.trig``, or the same dataset in another RDF format
    (.nq, .jsonld, ...; the format comes from the extension, TriG when it says nothing)."""
    import pyoxigraph as ox

    trig_path = Path(trig_path)
    if not trig_path.exists():
        raise OutputError(f"{trig_path}: no built graph there. Run 'kg build' first, or pass --graph PATH to a graph.trig.")
    ext = trig_path.name.rsplit(".", 1)[-1].lower() if "." in trig_path.name else ""
    fmt = (ox.RdfFormat.from_extension(ext) if ext else None) or ox.RdfFormat.TRIG
    try:
        return list(ox.parse(path=str(trig_path), format=fmt))
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise OutputError(f"{trig_path}: not a readable {fmt.name} graph ({first}). Rebuild it with 'kg build'.")


# ------------------------------------------------------------------ ontology


@dataclass(frozen=True)
class Terms:
    """What the drawing needs from the ontology: labels, class families, property axioms."""

    labels: dict  # local name -> {lang: label}
    family: dict  # entity class local name -> family local name
    depth: dict  # class local name -> number of kg ancestors (more = more specific)
    inverse: dict  # property -> its inverse (both directions)
    super_props: dict  # property -> set of itself and its kg super-properties

    def label(self, name: str, lang: str) -> str:
        ls = self.labels.get(name, {})
        return ls.get(lang) or ls.get("en") or name


@functools.lru_cache(maxsize=1)
def terms() -> Terms:
    from rdflib import URIRef
    from rdflib.namespace import OWL, RDFS

    from .iris import vocab

    v = vocab()
    g = v.graph
    labels: dict = defaultdict(dict)
    for s, o in g.subject_objects(RDFS.label):
        if isinstance(s, URIRef) and str(s).startswith(KG_NS) and getattr(o, "language", None) in LANGS:
            labels[local(str(s))][o.language] = str(o)
    family, depth = {}, {}
    for cls in v.classes:
        anc = v.ancestors(cls)
        depth[cls] = len(anc)
        for fam in ENTITY_FAMILIES:
            if fam in anc:
                family[cls] = fam
                break
    inverse = {}
    for s, o in g.subject_objects(OWL.inverseOf):
        a, b = local(str(s)), local(str(o))
        inverse[a], inverse[b] = b, a
    parents: dict = defaultdict(set)
    for s, o in g.subject_objects(RDFS.subPropertyOf):
        if str(s).startswith(KG_NS) and str(o).startswith(KG_NS):
            parents[local(str(s))].add(local(str(o)))
    super_props = {}
    for p in set(parents) | {x for ps in parents.values() for x in ps}:
        seen, todo = {p}, [p]
        while todo:
            for q in parents.get(todo.pop(), ()):
                if q not in seen:
                    seen.add(q)
                    todo.append(q)
        super_props[p] = seen
    return Terms(dict(labels), family, depth, inverse, super_props)


# ------------------------------------------------------------------ reading


class GraphIndex:
    """The merged (default) graph and the inferred graph, indexed by subject, and on request the
    candidates graph (facts kg does not assert).

    Per-document graphs repeat what the default graph holds, so they are skipped.
    An inferred triple that is also asserted counts as asserted.
    """

    def __init__(self, quads, candidates: bool = False):
        import pyoxigraph as ox

        self.asserted: dict = defaultdict(lambda: defaultdict(list))
        self.inferred: dict = defaultdict(lambda: defaultdict(list))
        self.candidate: dict = defaultdict(lambda: defaultdict(list))
        inferred_name, candidates_name = str(INFERRED_GRAPH), str(CANDIDATES_GRAPH)
        later = []
        for q in quads:
            g = q.graph_name
            if isinstance(g, ox.DefaultGraph):
                self.asserted[_term(q.subject)][q.predicate.value].append(_term(q.object))
            elif g.value == inferred_name or candidates and g.value == candidates_name:
                later.append(q)
        for q in later:
            s, p, o = _term(q.subject), q.predicate.value, _term(q.object)
            if o not in self.asserted.get(s, {}).get(p, ()):
                table = self.inferred if q.graph_name.value == inferred_name else self.candidate
                table[s][p].append(o)

    def objects(self, s: str, p: str, inferred: bool = True) -> list:
        out = list(self.asserted.get(s, {}).get(p, ()))
        if inferred:
            out += self.inferred.get(s, {}).get(p, ())
        out += self.candidate.get(s, {}).get(p, ())
        return out

    def is_candidate(self, s: str) -> bool:
        """True for a fact node of the candidates graph (not asserted in the merged one)."""
        return s in self.candidate and s not in self.asserted

    def one(self, s: str, p: str):
        found = self.objects(s, p)
        return found[0] if found else None

    def literal(self, s: str, p: str, default: str = "") -> str:
        o = self.one(s, p)
        return o.value if isinstance(o, Lit) else default

    def is_inferred(self, s: str) -> bool:
        """True when the node exists only in the inferred graph, or says kg:inferred true."""
        flag = self.one(s, KG_NS + "inferred")
        return s not in self.asserted or (isinstance(flag, Lit) and flag.value in ("true", "1"))

    def subjects_of_type(self, cls_iri: str) -> list[str]:
        out = []
        for table in (self.asserted, self.inferred, self.candidate):
            for s, props in table.items():
                if cls_iri in props.get(TYPE, ()):
                    out.append(s)
        return sorted(set(out))


@dataclass
class Node:
    iri: str
    kind: str  # "entity" | "statement"
    cls: str  # local class name, e.g. "Company" or "MarketPosition"
    labels: dict  # lang -> label (for statements: the compact description)
    aliases: list = field(default_factory=list)
    inferred: bool = False
    candidate: bool = False  # a statement of the candidates graph

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()), "") or _short(self.iri)


@dataclass
class Link:
    source: str
    target: str
    predicate: str  # local property name (statementSubject/scope/reportedBy for statement links)
    inferred: bool = False
    facts: list = field(default_factory=list)  # fact IRIs that reify this link
    candidate: bool = False  # stated only by facts of the candidates graph

    @property
    def structural(self) -> bool:
        """A link from a statement node to what it is about, not an entity-level relation."""
        return self.predicate in ("statementSubject", "scope", "reportedBy")


@dataclass
class GraphView:
    index: GraphIndex
    terms: Terms
    nodes: dict  # iri -> Node
    links: list  # Link

    def entity_count(self) -> int:
        return sum(1 for n in self.nodes.values() if n.kind == "entity")


def _short(iri: str) -> str:
    return iri[len(ID_NS):] if iri.startswith(ID_NS) else local(iri)


def _labels(index: GraphIndex, s: str) -> tuple[dict, list]:
    labels, aliases = {}, []
    for o in index.objects(s, LABEL):
        if isinstance(o, Lit):
            if o.lang in LANGS and o.lang not in labels:
                labels[o.lang] = o.value
            elif not o.lang and "" not in labels:
                labels[""] = o.value
    plain = labels.pop("", None)
    if plain and not labels:
        labels["en"] = plain
    for o in index.objects(s, ALT):
        if isinstance(o, Lit) and o.value not in aliases:
            aliases.append(o.value)
    return labels, aliases


def read_graph(quads, candidates: bool = False) -> GraphView:
    """Entities, statement nodes and the links between them, from the quads of a build (with
    ``candidates``, also the facts of the candidates graph, marked as such)."""
    index = GraphIndex(quads, candidates)
    t = terms()
    nodes: dict = {}
    for table in (index.asserted, index.inferred):
        for s, props in table.items():
            if s in nodes:
                continue
            classes = [local(c) for c in props.get(TYPE, ()) if isinstance(c, str) and c.startswith(KG_NS)]
            entity_classes = [c for c in classes if c in t.family]
            if not entity_classes:
                continue
            if s in index.asserted:
                asserted = [local(c) for c in index.asserted[s].get(TYPE, ()) if local(c) in t.family]
                entity_classes = asserted or entity_classes
            cls = max(entity_classes, key=lambda c: (t.depth.get(c, 0), c))
            labels, aliases = _labels(index, s)
            nodes[s] = Node(s, "entity", cls, labels or {"en": _short(s)}, aliases, s not in index.asserted)
    links: dict = {}

    def link(a, b, p, inferred, fact=None, candidate=False):
        key = (a, b, p)
        if key not in links:
            links[key] = Link(a, b, p, inferred, candidate=candidate)
        else:
            if not inferred:
                links[key].inferred = False
            if not candidate:
                links[key].candidate = False
        if fact and fact not in links[key].facts:
            links[key].facts.append(fact)

    for s in list(nodes):
        for inferred, candidate, table in ((False, False, index.asserted), (True, False, index.inferred),
                                           (False, True, index.candidate)):
            for p, objs in table.get(s, {}).items():
                if not p.startswith(KG_NS):
                    continue
                for o in objs:
                    if isinstance(o, str) and o in nodes and o != s:
                        link(s, o, local(p), inferred, candidate=candidate)
    for fact in index.subjects_of_type(KG_NS + "RelationFact"):
        s, p, o = (index.one(fact, RDF_NS + x) for x in ("subject", "predicate", "object"))
        if isinstance(s, str) and isinstance(o, str) and isinstance(p, str) and s in nodes and o in nodes:
            cand = index.is_candidate(fact)
            link(s, o, local(p), index.is_inferred(fact) and not cand, fact, cand)
    for cls in STATEMENT_CLASSES:
        for fact in index.subjects_of_type(KG_NS + cls):
            cand = index.is_candidate(fact)
            nodes[fact] = Node(fact, "statement", cls, statement_labels(index, t, nodes, fact, cls),
                               inferred=index.is_inferred(fact) and not cand, candidate=cand)
            subject = index.one(fact, KG_NS + "statementSubject")
            if isinstance(subject, str) and subject in nodes:
                link(subject, fact, "statementSubject", nodes[fact].inferred, fact, cand)
            for p in ("scope", "reportedBy"):
                for o in index.objects(fact, KG_NS + p):
                    if isinstance(o, str) and o in nodes:
                        link(fact, o, p, nodes[fact].inferred, fact, cand)
    return GraphView(index, t, nodes, _drop_redundant(list(links.values()), t))


def _drop_redundant(links: list, t: Terms) -> list:
    """Drop inferred links that only restate an asserted one between the same two nodes
    (its inverse, or a super-property of it): drawing them would double every edge."""
    asserted = defaultdict(set)
    for lk in links:
        if not lk.inferred:
            asserted[(lk.source, lk.target)].add(lk.predicate)
    kept = []
    for lk in links:
        if lk.inferred:
            forward = asserted.get((lk.source, lk.target), set())
            backward = asserted.get((lk.target, lk.source), set())
            if any(lk.predicate in t.super_props.get(q, {q}) for q in forward):
                continue
            inv = t.inverse.get(lk.predicate)
            if inv and any(inv in t.super_props.get(q, {q}) for q in backward):
                continue
        kept.append(lk)
    return kept


# ------------------------------------------------------------------ statement labels


def _decimal(text: str):
    try:
        return Decimal(text)
    except (InvalidOperation, TypeError):
        return None


def _plain(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s[:-2] if s.endswith(".0") else s


def format_number(text: str, lang: str) -> str:
    """A number as people write it: 100 bn / 1000亿, 24,000 / 2.4万.

    >>> format_number("100000000000", "en"), format_number("100000000000", "zh")
    ('100 bn', '1000亿')
    >>> format_number("24000", "en"), format_number("96.9", "zh")
    ('24,000', '96.9')
    """
    d = _decimal(text)
    if d is None:
        return text
    a = abs(d)
    if lang == "zh":
        for size, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
            if a >= size:
                return _plain(d / size) + word
        return _plain(d)
    for size, word in ((Decimal(10) ** 9, " bn"), (Decimal(10) ** 6, " M")):
        if a >= size:
            return _plain(d / size) + word
    if a >= 10000 and d == d.to_integral_value():
        return f"{int(d):,}"
    return _plain(d)


UNIT_SYMBOLS = {
    "CNY": {"en": " CNY", "zh": "元"}, "USD": {"en": " USD", "zh": "美元"}, "Percent": {"en": "%", "zh": "%"},
    "Count": {"en": "", "zh": ""}, "Years": {"en": " years", "zh": "年"}, "Quarters": {"en": " quarters", "zh": "个季度"},
}
BOUND_SYMBOLS = {"Exact": "", "LowerBound": "≥", "UpperBound": "≤", "Approximate": "≈"}


def _ref_label(index: GraphIndex, t: Terms, nodes: dict, iri, lang: str) -> str:
    """Short label of what a qualifier points at (a market by its area: "India", not "India market")."""
    if not isinstance(iri, str):
        return iri.value if isinstance(iri, Lit) else ""
    if KG_NS + "Period" in index.objects(iri, TYPE):
        return period_label(index, iri, lang)
    area = index.one(iri, KG_NS + "marketArea")
    if isinstance(area, str) and area in nodes:
        return nodes[area].label(lang)
    if iri in nodes:
        return nodes[iri].label(lang)
    if iri.startswith(KG_NS):
        return t.label(local(iri), lang)
    labels, _ = _labels(index, iri)
    return labels.get(lang) or labels.get("en") or next(iter(labels.values()), "") or _short(iri)


# How a period qualifier reads in each language; {} is the period itself ("2017-Q3").
PERIOD_QUALIFIERS = {
    "since": {"en": "since {}", "zh": "{}起"}, "by": {"en": "by {}", "zh": "{}前"},
    "within": {"en": "by {}", "zh": "{}前"}, "asof": {"en": "as of {}", "zh": "截至{}"},
    "early": {"en": "early {}", "zh": "{}初"}, "late": {"en": "late {}", "zh": "{}末"},
    "mid": {"en": "mid {}", "zh": "{}中"},
}


def period_label(index: GraphIndex, iri: str, lang: str) -> str:
    """A period's label in a language: "since 2017-Q3" / "2017-Q3起"."""
    label = index.literal(iri, LABEL) or _short(iri).rsplit("/", 1)[-1]
    qualifier = index.literal(iri, KG_NS + "periodQualifier")
    forms = PERIOD_QUALIFIERS.get(qualifier)
    if not forms:
        return label
    core = label
    for form in {f["en"] for f in PERIOD_QUALIFIERS.values()}:
        head, _, tail = form.partition("{}")
        if label.startswith(head) and label.endswith(tail) and len(label) > len(head) + len(tail):
            core = label[len(head):len(label) - len(tail)]
            break
    if lang == "zh" and qualifier in ("early", "late", "mid") and core.isdigit():
        core += "年"  # 2017年初, but 2017-Q3末
    return forms[lang].format(core)


def statement_labels(index: GraphIndex, t: Terms, nodes: dict, fact: str, cls: str) -> dict:
    """Compact description of an n-ary statement, per language: "rank 4 · World · 2017-Q4 · IDC"."""
    one = lambda p: index.one(fact, KG_NS + p)  # noqa: E731
    out = {}
    for lang in LANGS:
        ref = lambda iri: _ref_label(index, t, nodes, iri, lang)  # noqa: E731
        bound = local(one("bound") or "")
        if cls == "MarketPosition":
            rank = index.literal(fact, KG_NS + "rank", "?")
            if lang == "zh":
                head = f"前{rank}" if bound == "UpperBound" else f"第{rank}"
            else:
                head = f"top {rank}" if bound == "UpperBound" else f"rank {rank}"
            parts = [head, ref(one("scope")), ref(one("period")), ref(one("reportedBy"))]
        elif cls == "QuantitativeStatement":
            value = index.literal(fact, KG_NS + "value")
            unit = local(one("unit") or "")
            sym = UNIT_SYMBOLS.get(unit, {}).get(lang)
            if sym is None:
                sym = " " + t.label(unit, lang) if unit else ""
            amount = BOUND_SYMBOLS.get(bound, "") + format_number(value, lang) + sym if value else ""
            metric = ref(one("metric")) if one("metric") else ""
            parts = [(f"{metric}: {amount}" if lang == "en" else f"{metric}：{amount}") if metric and amount
                     else metric or amount,
                     ref(one("scope")), ref(one("period")), ref(one("reportedBy"))]
        else:
            text = ""
            for o in index.objects(fact, KG_NS + "goalText"):
                if isinstance(o, Lit) and (not text or o.lang == lang):
                    text = o.value
            if len(text) > 36:
                text = text[:35] + "…"
            head = ("目标：" if lang == "zh" else "goal: ") + (text or ref(one("metric")))
            deadline = one("deadline")
            parts = [head, ref(deadline) if deadline else "", ref(one("scope"))]
        out[lang] = " · ".join(p for p in parts if p)
    return out


# ------------------------------------------------------------------ networkx


def to_networkx(view: GraphView, statements: bool = True):
    """A networkx MultiDiGraph of the drawable graph (node and edge attributes from the view)."""
    import networkx as nx

    G = nx.MultiDiGraph()
    for iri, n in view.nodes.items():
        if statements or n.kind == "entity":
            G.add_node(iri, kind=n.kind, cls=n.cls, label_en=n.label("en"), label_zh=n.label("zh"))
    for lk in view.links:
        if lk.source in G and lk.target in G:
            G.add_edge(lk.source, lk.target, key=lk.predicate, predicate=lk.predicate, inferred=lk.inferred)
    return G


def one_blas_thread() -> None:
    """Ask numpy's OpenBLAS for one thread, unless the user chose a number: the graph sizes kg
    computes on (PageRank, layouts) gain nothing from more, and the extra threads' busy-waiting
    cost ~1 s of CPU in a seed build (and wall time on a busy machine). Only takes effect before
    numpy is first imported, so it is called before networkx's numeric functions and before
    onnxruntime (the name model of ``kg.lang.zh_ner``) is imported."""
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def undirected(view: GraphView, statements: bool = True) -> dict:
    """The drawable graph as undirected neighbour sets: ``networkx.Graph(to_networkx(view))``
    without networkx (a link from a node to itself makes it its own neighbour)."""
    adj = {iri: set() for iri, n in view.nodes.items() if statements or n.kind == "entity"}
    for lk in view.links:
        if lk.source in adj and lk.target in adj:
            adj[lk.source].add(lk.target)
            adj[lk.target].add(lk.source)
    return adj


def centrality(G) -> dict:
    """PageRank over the undirected drawable graph (a statement counts as a link of its subject)."""
    return centrality_of({v: set(G.successors(v)) | set(G.predecessors(v)) for v in G})


def centrality_of(adj: dict) -> dict:
    """``centrality`` of an undirected graph given as neighbour sets."""
    one_blas_thread()

    if len(adj) == 0:
        return {}
    rank = pagerank(adj, max_iter=200)
    if rank is None:  # did not converge
        degree = {v: len(adj[v]) + (v in adj[v]) for v in adj}
        edges = sum(degree.values()) // 2
        return {v: (d + 1) / (2 * edges + len(adj)) for v, d in degree.items()}
    return rank


def pagerank(adj, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-6) -> dict | None:
    """networkx's PageRank (uniform teleport, dangling nodes to all, stop when the L1 change is
    below ``len(adj) * tol``) of an unweighted graph (neighbour sets, or a networkx graph), in
    numpy alone: networkx's own needs scipy, whose import costs more than the whole computation
    on a graph kg draws. None when it does not converge."""
    import numpy as np

    nodes = list(adj)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((n, n))
    for v in nodes:
        for u in adj[v]:
            A[index[v], index[u]] = 1.0
    out = A.sum(axis=1)
    dangling = out == 0
    A[~dangling] /= out[~dangling, None]
    p = np.full(n, 1.0 / n)
    x = p
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ A + x[dangling].sum() * p) + (1 - alpha) * p
        if np.abs(x - last).sum() < n * tol:
            return dict(zip(nodes, map(float, x)))
    return None


def communities(G, seed: int = 0) -> list[set]:
    """Louvain communities of the undirected graph, largest first."""
    import networkx as nx

    if len(G) == 0:
        return []
    found = nx.community.louvain_communities(nx.Graph(G), seed=seed)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def _both(n: Node) -> str:
    en, zh = n.labels.get("en"), n.labels.get("zh")
    return f"{en} / {zh}" if en and zh and en != zh else (en or zh or _short(n.iri))


def _entity_row(view: GraphView, iri: str, **extra) -> dict:
    n = view.nodes[iri]
    return {"iri": iri, "label_en": n.labels.get("en", ""), "label_zh": n.labels.get("zh", ""),
            "class": n.cls, **extra}


def analyse(view: GraphView, top: int = 10) -> dict:
    """The figures of ``kg analyse``: central entities, components, communities, degree by class."""
    import networkx as nx

    G = to_networkx(view)
    rank = centrality(G)
    U = nx.Graph(G)
    entities = [i for i, n in view.nodes.items() if n.kind == "entity"]
    degree = dict(U.degree())
    central = sorted(entities, key=lambda i: (-rank.get(i, 0), i))[:top]
    comps = sorted(nx.connected_components(U), key=len, reverse=True)

    def ents(c):
        return [i for i in c if view.nodes[i].kind == "entity"]

    comp_sizes = [len(ents(c)) for c in comps if ents(c)]
    comms = []
    for c in communities(G):
        members = sorted(ents(c), key=lambda i: (-rank.get(i, 0), i))
        if len(members) >= 2:
            comms.append({"size": len(members), "statements": len(c) - len(members),
                          "members": [_entity_row(view, i) for i in members[:8]]})
    by_class: dict = defaultdict(list)
    for i in entities:
        by_class[view.nodes[i].cls].append(i)
    degree_rows = []
    for cls, members in sorted(by_class.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        degs = [degree.get(i, 0) for i in members]
        best = max(members, key=lambda i: (degree.get(i, 0), i))
        degree_rows.append({
            "class": cls, "label_en": view.terms.label(cls, "en"), "label_zh": view.terms.label(cls, "zh"),
            "entities": len(members), "mean_degree": round(sum(degs) / len(degs), 2), "max_degree": max(degs),
            "max_entity": _entity_row(view, best)})
    return {
        "graph": {
            "entities": len(entities),
            "statements": len(view.nodes) - len(entities),
            "relations": sum(1 for lk in view.links if not lk.structural),
            "inferred_relations": sum(1 for lk in view.links if lk.inferred and not lk.structural),
        },
        "central": [_entity_row(view, i, pagerank=round(rank.get(i, 0), 4), degree=degree.get(i, 0)) for i in central],
        "components": {"count": len(comp_sizes), "sizes": comp_sizes[:top],
                       "single_entity": sum(1 for s in comp_sizes if s == 1)},
        "communities": comms[:top],
        "degree_by_class": degree_rows,
    }


# ------------------------------------------------------------------ names and paths


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def find_entity(view: GraphView, name: str) -> str:
    """The IRI of the entity a user names, by label or alias in either language (or by IRI)."""
    if name in view.nodes:
        return name
    wanted = _norm(name)
    exact, partial = [], []
    for iri, n in view.nodes.items():
        if n.kind != "entity":
            continue
        names = {_norm(x) for x in (*n.labels.values(), *n.aliases, _short(iri))}
        if wanted in names:
            exact.append(iri)
        elif any(wanted in x for x in names):
            partial.append(iri)
    # A name that is a label wins over one that is only an alias ("India" the country, not the market).
    if len(exact) > 1:
        by_label = [i for i in exact if wanted in {_norm(x) for x in view.nodes[i].labels.values()}]
        exact = by_label or exact
    found = exact or partial
    if len(found) == 1:
        return found[0]
    if not found:
        import difflib

        pool = {n.label(lang): i for i, n in view.nodes.items() if n.kind == "entity" for lang in LANGS}
        close = difflib.get_close_matches(name, list(pool), n=3, cutoff=0.5)
        hint = f" Did you mean: {', '.join(close)}?" if close else " List entities with 'kg analyse'."
        raise QueryError(f"no entity is called '{name}' (labels and aliases in English and Chinese were searched).{hint}")
    names = ", ".join(f"{_both(view.nodes[i])} ({_short(i)})" for i in sorted(found)[:6])
    raise QueryError(f"'{name}' names {len(found)} entities: {names}. Use a fuller name or the IRI.")


def shortest_path(view: GraphView, source: str, target: str) -> dict:
    """Shortest path between two entities named in either language, over relations and statements.

    Returns {"source", "target", "found", "steps": [{"from", "to", "predicate", "forward", ...}]}.
    """
    import networkx as nx

    a, b = find_entity(view, source), find_entity(view, target)
    G = to_networkx(view)
    U = nx.Graph()
    U.add_nodes_from(G)
    for s, o, data in G.edges(data=True):
        # Asserted links first; an inferred link is used only where nothing asserted joins the pair.
        if not U.has_edge(s, o) or U[s][o]["inferred"] and not data["inferred"]:
            U.add_edge(s, o, predicate=data["predicate"], source=s, inferred=data["inferred"])
    result = {"source": _entity_row(view, a), "target": _entity_row(view, b), "found": False, "steps": []}
    try:
        hops = nx.shortest_path(U, a, b)
    except nx.NetworkXNoPath:
        return result
    result["found"] = True
    for x, y in zip(hops, hops[1:]):
        e = U[x][y]
        p = e["predicate"]
        result["steps"].append({
            "from": _node_row(view, x), "to": _node_row(view, y), "predicate": p,
            "label_en": view.terms.label(p, "en"), "label_zh": view.terms.label(p, "zh"),
            "forward": e["source"] == x, "inferred": e["inferred"]})
    return result


def _node_row(view: GraphView, iri: str) -> dict:
    n = view.nodes[iri]
    return {"iri": iri, "kind": n.kind, "class": n.cls, "label_en": n.label("en"), "label_zh": n.label("zh")}


def write_report(report: dict, out_path: Path) -> None:
    """Write the analysis as JSON (``build/analysis.json``)."""
    import json

    out_path = Path(out_path)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{out_path}: cannot write the analysis ({exc.strerror}). Choose a writable path with --out.")


def _name(row: dict) -> str:
    en, zh = row.get("label_en", ""), row.get("label_zh", "")
    return f"{en} / {zh}" if en and zh and en != zh else (en or zh or row.get("iri", ""))


def _cells(text: str) -> int:
    """Terminal columns of a string: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _cells(text))


def format_report(report: dict) -> str:
    """The analysis as text for the terminal."""
    g = report["graph"]
    lines = [f"graph: {g['entities']} entities, {g['statements']} statements, {g['relations']} relations "
             f"({g['inferred_relations']} inferred)", "",
             "most central entities (PageRank over entities and statements):"]
    width = max((_cells(_name(r)) for r in report["central"]), default=10)
    for i, r in enumerate(report["central"], 1):
        lines.append(f"  {i:2}. {_pad(_name(r), width)}  {r['class']:<14} pagerank {r['pagerank']:.4f}  degree {r['degree']}")
    c = report["components"]
    sizes = ", ".join(map(str, c["sizes"]))
    lines += ["", f"connected components: {c['count']} (entities per component, largest first: {sizes}; "
                  f"{c['single_entity']} with a single entity)", "", "communities (Louvain, largest first):"]
    for i, com in enumerate(report["communities"], 1):
        names = ", ".join(_name(m) for m in com["members"])
        more = "" if com["size"] <= len(com["members"]) else f", … (+{com['size'] - len(com['members'])})"
        lines.append(f"  {i:2}. {com['size']} entities, {com['statements']} statements: {names}{more}")
    lines += ["", "degree by class:", f"  {'class':<16}{'entities':>9}{'mean':>8}{'max':>6}  highest"]
    for r in report["degree_by_class"]:
        lines.append(f"  {r['class']:<16}{r['entities']:>9}{r['mean_degree']:>8.2f}{r['max_degree']:>6}  {_name(r['max_entity'])}")
    return "\n".join(lines)


def format_path(result: dict) -> str:
    """A path as one hop per line: "Xiaomi / 小米 ─[chair of]← Lei Jun / 雷军"."""
    a, b = _name(result["source"]), _name(result["target"])
    if not result["found"]:
        return f"no path between {a} and {b}: they are in different components of the graph."
    lines = [_name(result["steps"][0]["from"]) if result["steps"] else a]
    for s in result["steps"]:
        label = s["label_en"] if s["label_en"] == s["label_zh"] else f"{s['label_en']} / {s['label_zh']}"
        tag = " (inferred)" if s["inferred"] else ""
        arrow = f"  ─[{label}]→ " if s["forward"] else f"  ←[{label}]─ "
        lines.append(f"{arrow}{_name(s['to'])}{tag}")
    n = len(result["steps"])
    lines.append(f"{n} step{'s' if n != 1 else ''}")
    return "\n".join(lines)
