"""Draw the knowledge graph as one self-contained, offline HTML page.

Nodes and edges are vis-network's, in the form pyvis gives them (pyvis itself is not imported:
it imports IPython); node size is PageRank, positions come from a
layout computed here (numpy), so the browser never runs a long physics simulation. The
page template (``kg/templates/graph.html``) gets vis-network inlined from the installed
pyvis package and the graph as JSON, so the file references no external URL.

Every string from a document reaches the page only as JSON data (with ``<``, ``>`` and
``&`` escaped) and is put on screen with ``textContent``; nothing from the graph is HTML.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path

from .analyse import (KG_NS, LANGS, RDF_NS, DCT, GraphView, Lit, centrality_of, format_number, local, load_quads,
                      one_blas_thread, read_graph, undirected, _ref_label, _short)
from .errors import OutputError

# Above this many drawn nodes, hover effects are off and edges hide while dragging or zooming.
BIG_GRAPH = 1500
# Above this many edges, edge labels are left to the hover text (drawing them all is slow).
EDGE_LABEL_LIMIT = 2500

# Colour and shape per entity class; the family's first entry is its base style.
FAMILY_STYLE = {
    "Organisation": ("dot", {"Organisation": "#2f6db5", "Company": "#2f6db5", "ResearchFirm": "#5b8fd6",
                             "Museum": "#1f9eb3", "Association": "#4b5fb8", "InternalBody": "#7a93c9",
                             "RetailChannel": "#3aa0e0"}),
    "Person": ("diamond", {"Person": "#e07b1f"}),
    "Product": ("square", {"Product": "#2e9e58", "Smartphone": "#2e9e58", "Chipset": "#6cbf3a",
                           "Platform": "#1f8f7a"}),
    "ProductSeries": ("square", {"ProductSeries": "#8fcf8a"}),
    "Place": ("triangle", {"Place": "#8e5cc2", "Country": "#8e5cc2", "Region": "#b38ad9", "City": "#6a3fa0"}),
    "Market": ("hexagon", {"Market": "#c2577a"}),
    "Award": ("star", {"Award": "#e0b000"}),
    "Role": ("triangleDown", {"Role": "#8a8a8a"}),
}
STATEMENT_STYLE = {"MarketPosition": "#fff1d6", "QuantitativeStatement": "#eef3f8", "Goal": "#eef8ee"}
FALLBACK_COLOUR = "#9a9a9a"
CONFLICT_COLOUR = "#c0392b"
CANDIDATE_COLOUR = "#d08a1e"  # facts of the candidates graph (not asserted)
CONFLICT_MARK = "⚠\u00a0"  # no-break space: the mark stays with the first word when the label wraps
CJK_FONTS = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
             '"Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", "Helvetica Neue", Arial, sans-serif')
# Fact properties that are structure, not qualifiers worth listing in the panel.
NOT_QUALIFIERS = {"hasEvidence", "statementSubject", "confidence", "supportStatus", "inferred"}


def style_of(cls: str, family: str | None, kind: str) -> tuple[str, str]:
    """(vis shape, colour) of a node class."""
    if kind == "statement":
        return "box", STATEMENT_STYLE.get(cls, "#f2f2f2")
    shape, colours = FAMILY_STYLE.get(family or "", ("dot", {}))
    return shape, colours.get(cls) or next(iter(colours.values()), FALLBACK_COLOUR)


# ------------------------------------------------------------------ layout


def layout(U, spacing: float = 60.0, seed: int = 7, half_width: dict | None = None) -> dict:
    """Positions for an undirected graph (a networkx Graph, or a dict of neighbour sets): each
    component laid out on its own (Kamada-Kawai, spring, or communities first for big ones),
    the largest in the middle and the others packed in rows in a strip to its right.

    No force layout ever runs on more than ``_SPRING_MAX`` nodes, so big graphs stay fast. Up to
    that size the layouts are computed here in numpy; networkx (whose import costs more than a
    small graph's whole layout) is loaded for the communities of bigger components only.
    """
    one_blas_thread()

    adj = {v: set(U[v]) - {v} for v in U}  # self-loops place nothing
    boxes = []
    for comp in sorted(_components(adj), key=lambda c: (-len(c), min(map(str, c)))):
        pos = _component_layout(_subgraph(adj, comp), spacing, seed, fine=len(adj) <= _FINE_MAX)
        # Boxes include each node's drawn half-width (labels), so packed components do not overlap.
        hw = {v: (half_width or {}).get(v, spacing / 3) for v in pos}
        x0 = min(p[0] - hw[v] for v, p in pos.items())
        x1 = max(p[0] + hw[v] for v, p in pos.items())
        y0 = min(p[1] for p in pos.values()) - spacing / 3
        y1 = max(p[1] for p in pos.values()) + spacing / 3
        boxes.append((pos, x0, y0, x1 - x0, y1 - y0))
    if not boxes:
        return {}
    margin = spacing * 0.8
    out: dict = {}
    main_pos, mx0, my0, main_w, main_h = boxes[0]
    for v, (x, y) in main_pos.items():
        out[v] = (x - mx0, y - my0)
    rest = boxes[1:]
    if rest:
        area = sum((w + margin) * (h + margin) for _, _, _, w, h in rest)
        widest = max(w for _, _, _, w, _ in rest) + margin
        # A strip as tall as the main component when the rest is small, a square block when it is not.
        strip_w = max(widest, area / max(main_h + margin, 1.0), math.sqrt(area) if area > (main_w + margin) * (main_h + margin) else 0)
        x0 = main_w + margin * 2
        x, y, row_h = 0.0, 0.0, 0.0
        for pos, bx, by, w, h in rest:
            if x > 0 and x + w > strip_w:
                x, y, row_h = 0.0, y + row_h + margin, 0.0
            for v, (px, py) in pos.items():
                out[v] = (x0 + x + px - bx, y + py - by)
            x += w + margin
            row_h = max(row_h, h)
    cx = (min(p[0] for p in out.values()) + max(p[0] for p in out.values())) / 2
    cy = (min(p[1] for p in out.values()) + max(p[1] for p in out.values())) / 2
    return {v: (round(px - cx, 1), round(py - cy, 1)) for v, (px, py) in out.items()}


def _components(adj: dict) -> list:
    seen: set = set()
    out = []
    for v in adj:
        if v in seen:
            continue
        comp, todo = {v}, [v]
        while todo:
            for u in adj[todo.pop()]:
                if u not in comp:
                    comp.add(u)
                    todo.append(u)
        seen |= comp
        out.append(comp)
    return out


def _subgraph(adj: dict, nodes) -> dict:
    nodes = set(nodes)
    return {v: adj[v] & nodes for v in adj if v in nodes}


_SPRING_MAX = 250
_KK_MAX = 150
# Graphs up to this size get Kamada-Kawai (slow, tidy); bigger ones a quick spring layout.
_FINE_MAX = 1500


def _component_layout(adj: dict, spacing: float, seed: int, fine: bool = True) -> dict:
    n = len(adj)
    radius = spacing * math.sqrt(n) * 0.75
    if n == 1:
        return {next(iter(adj)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(adj, key=str)
        return {a: (0.0, 0.0), b: (0.0, spacing * 1.6)}
    if fine and n <= _KK_MAX:
        # Kamada-Kawai over edge lengths that grow with the hub's degree: a hub's neighbours
        # sit on a ring wide enough to keep their labels apart.
        lengths = {(a, b): math.sqrt(max(len(adj[a]), len(adj[b]))) for a in adj for b in adj[a]}
        start = spring(adj, seed=seed, iterations=50)
        return _scaled_unit(kamada_kawai(adj, start, lengths), lengths, spacing * 1.4)
    if n <= _SPRING_MAX:
        return _scaled(spring(adj, seed=seed, iterations=(120 if n < 120 else 60) if fine else 25), radius)
    import networkx as nx

    G = nx.Graph()
    G.add_nodes_from(adj)
    G.add_edges_from((a, b) for a in adj for b in adj[a])
    parts = nx.community.louvain_communities(G, seed=seed)
    if len(parts) < 2:
        # One community that cannot be split: the spring layout's sparse path, few iterations.
        return _scaled(nx.spring_layout(G, seed=seed, iterations=15), radius)
    which = {v: i for i, part in enumerate(parts) for v in part}
    quotient: dict = {i: set() for i in range(len(parts))}
    for a in adj:
        for b in adj[a]:
            if which[a] != which[b]:
                quotient[which[a]].add(which[b])
    centres = _component_layout(quotient, spacing, seed, fine=False)
    # Quotient positions are one `spacing` apart; stretch them so that communities, each about
    # spacing * sqrt(size) across, sit side by side without overlapping.
    stretch = 1.2 * math.sqrt(sum(len(p) for p in parts) / len(parts))
    out = {}
    for i, part in enumerate(parts):
        inner = _component_layout(_subgraph(adj, part), spacing, seed, fine)
        cx, cy = centres[i]
        for v, (x, y) in inner.items():
            out[v] = (cx * stretch + x, cy * stretch + y)
    return out


def spring(adj: dict, seed: int = 7, iterations: int = 50) -> dict:
    """Fruchterman-Reingold positions (in -1..1) of a small graph (a dict of neighbour sets):
    every pair of nodes repels with k^2/d, every edge attracts with d^2/k (k = sqrt(1/n)), each
    node moving at most a step that cools linearly from a tenth of the drawing's width; random
    start from ``seed``."""
    import numpy as np

    nodes = list(adj)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((n, n))
    for v in nodes:
        for u in adj[v]:
            A[index[v], index[u]] = 1.0
    pos = np.random.RandomState(seed).rand(n, 2)
    k = math.sqrt(1.0 / n)
    t = max(float(np.ptp(pos[:, 0])), float(np.ptp(pos[:, 1]))) * 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.hypot(delta[..., 0], delta[..., 1]), 0.01)
        force = k * k / dist ** 2 - A * dist / k
        move = (delta * force[..., None]).sum(axis=1)
        length = np.maximum(np.hypot(move[:, 0], move[:, 1]), 0.01)
        step = move * (t / length)[:, None]
        pos += step
        t -= dt
        if np.hypot(step[:, 0], step[:, 1]).sum() / n < 1e-4:
            break
    pos -= pos.mean(axis=0)
    far = np.abs(pos).max() or 1.0
    return {v: (float(pos[i, 0] / far), float(pos[i, 1] / far)) for i, v in enumerate(nodes)}


def kamada_kawai(adj: dict, start: dict, lengths: dict, iterations: int = 500, tol: float = 1e-5) -> dict:
    """Kamada-Kawai positions of a connected graph (a dict of neighbour sets) from ``start``: the
    energy sum (|x_i - x_j| - d_ij)^2 / d_ij^2 over pairs, d being the shortest-path length over
    the edges' ``lengths`` ((a, b) -> length), minimised by stress majorization (each step solves
    the quadratic bound of the energy, which never lets it grow) in numpy, without networkx's
    scipy optimiser, whose import alone cost more than the layout."""
    import numpy as np

    nodes = list(adj)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    d = np.full((n, n), np.inf)
    np.fill_diagonal(d, 0.0)
    for (a, b), length in lengths.items():
        d[index[a], index[b]] = min(d[index[a], index[b]], length)
    for k in range(n):  # Floyd-Warshall: a component of kg's view has at most _KK_MAX nodes
        np.minimum(d, d[:, k, None] + d[None, k, :], out=d)
    off = ~np.eye(n, dtype=bool)
    w = np.zeros((n, n))
    w[off] = d[off] ** -2.0
    V = np.diag(w.sum(axis=1)) - w
    # V is singular (moving every node alike costs nothing): its pseudo-inverse, via V + 1/n
    V_inv = np.linalg.inv(V + 1.0 / n) - 1.0 / n
    X = np.array([start[v] for v in nodes], dtype=float)
    wd = w * d
    np.fill_diagonal(wd, 0.0)

    def distances(X):
        return np.hypot(X[:, 0, None] - X[None, :, 0], X[:, 1, None] - X[None, :, 1])

    def stress(dist):
        return float((w * (dist - d) ** 2).sum())  # w and d are 0 on the diagonal

    dist = distances(X)
    energy = stress(dist)
    for _ in range(iterations):
        B = np.divide(-wd, dist, out=np.zeros_like(dist), where=dist > 1e-12)  # 0 for nodes on one spot
        np.fill_diagonal(B, -B.sum(axis=1))
        X = V_inv @ (B @ X)
        dist = distances(X)
        new = stress(dist)
        if energy - new < tol * energy:
            break
        energy = new
    return {v: (float(X[i, 0]), float(X[i, 1])) for i, v in enumerate(nodes)}


def _scaled_unit(pos: dict, lengths: dict, unit: float) -> dict:
    """Scale a layout so that its median edge is ``unit`` long (edges: (a, b) -> length)."""
    ordered = sorted(math.dist(pos[a], pos[b]) / length for (a, b), length in lengths.items())
    median = ordered[len(ordered) // 2] if ordered else 1.0
    f = unit / (median or 1.0)
    return {v: (x * f, y * f) for v, (x, y) in pos.items()}


def _scaled(pos: dict, radius: float) -> dict:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    far = max(math.hypot(x - mx, y - my) for x, y in zip(xs, ys)) or 1.0
    return {n: ((x - mx) / far * radius, (y - my) / far * radius) for n, (x, y) in pos.items()}


# ------------------------------------------------------------------ page data


class _Page:
    """Turns a GraphView into the JSON the page reads (numbers index the lists)."""

    def __init__(self, view: GraphView):
        self.view = view
        self.index = view.index
        self.node_ids = {iri: i for i, iri in enumerate(sorted(view.nodes, key=lambda k: (view.nodes[k].kind, k)))}
        self.facts: list = []
        self.fact_ids: dict = {}
        self.evidence: list = []
        self.ev_ids: dict = {}
        self.sentences: list = []
        self.sent_ids: dict = {}
        self.docs: list = []
        self.doc_ids: dict = {}
        self.conflicts: list = []
        self.fact_conflicts: dict = defaultdict(list)
        self._read_conflicts()

    def label(self, iri, lang):
        return _ref_label(self.index, self.view.terms, self.view.nodes, iri, lang)

    def name(self, iri, lang):
        """A node's own label ("India market"), where ``label`` would shorten a market to its area."""
        node = self.view.nodes.get(iri) if isinstance(iri, str) else None
        return node.label(lang) if node else self.label(iri, lang)

    def doc(self, iri: str) -> int:
        if iri not in self.doc_ids:
            ix = self.index
            self.doc_ids[iri] = len(self.docs)
            self.docs.append({
                "iri": iri, "id": ix.literal(iri, DCT + "identifier") or _short(iri),
                "title": ix.literal(iri, DCT + "title"), "lang": ix.literal(iri, DCT + "language"),
                "publisher": ix.literal(iri, DCT + "publisher"), "date": ix.literal(iri, DCT + "date"),
                "file": ix.literal(iri, KG_NS + "sourceFile")})
        return self.doc_ids[iri]

    def sentence(self, iri) -> int:
        if not isinstance(iri, str):
            return -1
        if iri not in self.sent_ids:
            ix = self.index
            doc = ix.one(iri, KG_NS + "inDocument")
            self.sent_ids[iri] = len(self.sentences)
            self.sentences.append({
                "d": self.doc(doc) if isinstance(doc, str) else -1,
                "i": _int(ix.literal(iri, KG_NS + "sentenceIndex"), -1),
                "a": _int(ix.literal(iri, KG_NS + "charStart"), 0),
                "t": ix.literal(iri, KG_NS + "text")})
        return self.sent_ids[iri]

    def ev(self, iri: str) -> int:
        if iri not in self.ev_ids:
            ix = self.index
            doc = ix.one(iri, KG_NS + "inDocument")
            rule = ix.one(iri, KG_NS + "extractedBy")
            self.ev_ids[iri] = len(self.evidence)
            self.evidence.append({
                "d": self.doc(doc) if isinstance(doc, str) else -1,
                "s": self.sentence(ix.one(iri, KG_NS + "inSentence")),
                "a": _int(ix.literal(iri, KG_NS + "charStart"), -1),
                "b": _int(ix.literal(iri, KG_NS + "charEnd"), -1),
                "q": ix.literal(iri, KG_NS + "quote"),
                "r": _short(rule).rsplit("/", 1)[-1] if isinstance(rule, str) else "",
                "c": ix.literal(iri, KG_NS + "confidence")})
        return self.ev_ids[iri]

    def fact(self, iri: str) -> int:
        if iri in self.fact_ids:
            return self.fact_ids[iri]
        ix, t = self.index, self.view.terms
        fid = self.fact_ids[iri] = len(self.facts)
        record: dict = {"iri": iri}
        self.facts.append(record)
        classes = [local(c) for c in ix.objects(iri, RDF_NS + "type") if isinstance(c, str) and c.startswith(KG_NS)]
        cls = next((c for c in classes if c != "Fact"), "Fact")
        record["cls"] = cls
        if cls == "RelationFact":
            s, p, o = (ix.one(iri, RDF_NS + x) for x in ("subject", "predicate", "object"))
            record["title"] = {lang: f"{self.name(s, lang)} {t.label(local(p or ''), lang)} {self.name(o, lang)}"
                               for lang in LANGS}
        elif iri in self.view.nodes:
            subject = ix.one(iri, KG_NS + "statementSubject")
            record["title"] = {lang: f"{self.name(subject, lang)}: {self.view.nodes[iri].label(lang)}" for lang in LANGS}
        else:
            record["title"] = {lang: t.label(cls, lang) for lang in LANGS}
        quals = []
        for p, objs in sorted({**ix.asserted.get(iri, {}), **ix.inferred.get(iri, {})}.items()):
            name = local(p)
            if not p.startswith(KG_NS) or name in NOT_QUALIFIERS:
                continue
            for o in objs:
                quals.append([name, self._value(name, o), self.node_ids.get(o, -1) if isinstance(o, str) else -1])
        record["q"] = quals
        record["conf"] = ix.literal(iri, KG_NS + "confidence")
        status = ix.one(iri, KG_NS + "supportStatus")
        record["status"] = {lang: t.label(local(status), lang) for lang in LANGS} if isinstance(status, str) else None
        record["inf"] = ix.is_inferred(iri) and not ix.is_candidate(iri)
        record["cand"] = ix.is_candidate(iri)
        record["ev"] = [self.ev(e) for e in sorted(x for x in ix.objects(iri, KG_NS + "hasEvidence") if isinstance(x, str))]
        record["cf"] = self.fact_conflicts.get(iri, [])
        return fid

    def _value(self, name: str, o) -> dict:
        if isinstance(o, Lit):
            if name in ("value", "threshold"):
                return {lang: _with_raw(format_number(o.value, lang), o.value) for lang in LANGS}
            return {lang: o.value for lang in LANGS}
        return {lang: self.label(o, lang) for lang in LANGS}

    def _read_conflicts(self):
        ix = self.index
        for c in ix.subjects_of_type(KG_NS + "Conflict"):
            facts = sorted({f for f in ix.objects(c, KG_NS + "conflictingFact") if isinstance(f, str)})
            if not facts:
                continue
            preferred = ix.one(c, KG_NS + "preferredFact")
            cid = len(self.conflicts)
            self.conflicts.append({
                "iri": c, "facts": facts, "preferred": preferred if isinstance(preferred, str) else None,
                "differsIn": sorted(o.value for o in ix.objects(c, KG_NS + "differsIn") if isinstance(o, Lit)),
                "policy": ix.literal(c, KG_NS + "policy")})
            for f in facts:
                self.fact_conflicts[f].append(cid)

    def finish_conflicts(self):
        for c in self.conflicts:
            c["facts"] = [self.fact(f) for f in c["facts"]]
            c["preferred"] = self.fact(c["preferred"]) if c["preferred"] else -1

    def doc_list(self, fact_ids) -> list:
        docs = {self.evidence[e]["d"] for f in fact_ids for e in self.facts[f]["ev"]}
        return sorted(d for d in docs if d >= 0)


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


def _with_raw(pretty: str, raw: str) -> str:
    return pretty if pretty.replace(",", "") == raw else f"{pretty} ({raw})"


def page_data(view: GraphView) -> dict:
    """Everything the page draws and shows: vis nodes/edges (as pyvis makes them) and the panel's facts."""
    U = undirected(view)
    rank = centrality_of(U)
    pos = layout(U, half_width={iri: _half_width(n) for iri, n in view.nodes.items()})
    degree = {v: len(U[v]) + (v in U[v]) for v in U}  # a loop counts twice, as networkx counts it
    page = _Page(view)
    big = len(view.nodes) > BIG_GRAPH
    max_rank = max(rank.values(), default=1.0) or 1.0
    t = view.terms

    vis_nodes: list[dict] = []
    vis_edges: list[dict] = []
    order = sorted(page.node_ids, key=page.node_ids.get)
    nodes_meta = []
    for iri in order:
        n = view.nodes[iri]
        i = page.node_ids[iri]
        family = t.family.get(n.cls)
        shape, colour = style_of(n.cls, family, n.kind)
        x, y = pos.get(iri, (0.0, 0.0))
        common = dict(x=x, y=y, title=_title(n, t))
        if n.kind == "statement":
            extra = dict(hidden=True, shapeProperties={"borderDashes": [3, 3]}) if n.candidate else {}
            vis_nodes.append(_vis_node(i, label=n.label("en"), shape=shape,
                                       color={"background": colour, "border": CANDIDATE_COLOUR if n.candidate else "#9aa5b1"},
                                       font={"size": 16, "color": "#2b3640"}, margin=5, widthConstraint={"maximum": 170},
                                       borderWidth=1.5 if n.candidate else 1, **common, **extra))
        else:
            size = 9 + 34 * math.sqrt(rank.get(iri, 0) / max_rank)
            vis_nodes.append(_vis_node(i, label=n.label("en"), shape=shape, color=colour, size=round(size, 1),
                                       font={"size": 17 + round(size / 4)}, **common))
        nodes_meta.append({"iri": iri, "k": n.kind, "c": n.cls, "fam": family or "", "l": n.labels,
                           "alt": n.aliases, "inf": n.inferred, "cand": n.candidate, "r": round(rank.get(iri, 0), 5)})
    parallel: dict = defaultdict(int)
    edges_meta = []
    for lk in view.links:
        a, b = page.node_ids[lk.source], page.node_ids[lk.target]
        pair = (min(a, b), max(a, b))
        k = parallel[pair]
        parallel[pair] += 1
        facts = [page.fact(f) for f in lk.facts]
        # Edges at hubs are longer, so a hub's many neighbours get a ring wide enough for their labels.
        hub = max(degree.get(lk.source, 1), degree.get(lk.target, 1))
        opts = {"id": len(edges_meta), "title": _edge_title(view, lk), "length": round(70 + 28 * math.sqrt(hub))}
        if k:
            opts["smooth"] = {"enabled": True, "type": "curvedCW" if k % 2 else "curvedCCW", "roundness": 0.2 * ((k + 1) // 2)}
        if lk.structural:
            opts.update(color={"color": "#b8c2cc", "highlight": "#6b7b8c"}, width=1, arrows={"to": {"enabled": False}},
                        dashes=[2, 3] if lk.predicate != "statementSubject" else False)
        else:
            opts.update(color={"color": "#8797a8" if not lk.inferred else "#a05cc2", "highlight": "#1f2d3d"},
                        width=1.6, dashes=[6, 5] if lk.inferred else False)
            if len(view.links) <= EDGE_LABEL_LIMIT:
                opts["label"] = t.label(lk.predicate, "en")
        if lk.inferred:
            opts["dashes"] = [6, 5]
        if lk.candidate:  # not asserted: dotted, in the candidates colour, hidden until asked for
            opts.update(color={"color": CANDIDATE_COLOUR, "highlight": "#1f2d3d"}, dashes=[2, 4], hidden=True)
        vis_edges.append(_vis_edge(a, b, **opts))
        edges_meta.append({"p": lk.predicate, "s": lk.structural, "inf": lk.inferred, "cand": lk.candidate, "f": facts,
                           "l": {lang: t.label(lk.predicate, lang) for lang in LANGS}})
    # Statement nodes and facts not on any link still get their records (the panel lists them).
    for iri in order:
        if view.nodes[iri].kind == "statement":
            page.fact(iri)
    page.finish_conflicts()
    node_facts: dict = defaultdict(set)
    for e_id, lk in enumerate(view.links):
        for end in (lk.source, lk.target):
            node_facts[page.node_ids[end]].update(edges_meta[e_id]["f"])
    for meta in nodes_meta:
        i = page.node_ids[meta["iri"]]
        if meta["k"] == "statement":
            node_facts[i].add(page.fact_ids[meta["iri"]])
        mentioned = [page.doc(d) for d in view.index.objects(meta["iri"], KG_NS + "mentionedIn") if isinstance(d, str)]
        meta["d"] = sorted(set(mentioned) | set(page.doc_list(node_facts[i])))
    for meta in edges_meta:
        meta["d"] = page.doc_list(meta["f"])
        meta["cf"] = any(page.facts[f]["cf"] for f in meta["f"])
    # Conflicting facts are marked where they are drawn: a red, flagged statement node or a red edge.
    for i, meta in enumerate(nodes_meta):
        meta["cf"] = meta["k"] == "statement" and bool(page.facts[page.fact_ids[meta["iri"]]]["cf"])
        if meta["cf"]:
            vis_node = vis_nodes[i]
            vis_node["label"] = CONFLICT_MARK + vis_node["label"]
            vis_node["color"] = {"background": vis_node["color"]["background"], "border": CONFLICT_COLOUR}
            vis_node["borderWidth"] = 2.5
    for vis_edge, meta in zip(vis_edges, edges_meta):
        if meta["cf"]:
            vis_edge["color"] = {"color": CONFLICT_COLOUR, "highlight": CONFLICT_COLOUR}
    classes = _legend(view, t)
    used = {q[0] for f in page.facts for q in f["q"]}
    props = {p: {lang: t.label(p, lang) for lang in LANGS} for p in sorted(used)}
    options = _options(big)
    return {
        "vis": {"nodes": vis_nodes, "edges": vis_edges, "options": options},
        "nodes": nodes_meta, "edges": edges_meta, "facts": page.facts, "evidence": page.evidence,
        "sentences": page.sentences, "docs": page.docs, "conflicts": page.conflicts, "classes": classes,
        "props": props,
        "meta": {"entities": view.entity_count(), "statements": len(view.nodes) - view.entity_count(),
                 "relations": sum(1 for lk in view.links if not lk.structural),
                 "inferred": sum(1 for lk in view.links if lk.inferred),
                 "candidates": sum(1 for lk in view.links if lk.candidate and not lk.structural)
                 + sum(1 for n in view.nodes.values() if n.candidate), "big": big,
                 "lang": "en", "ns": KG_NS, "conflictMark": CONFLICT_MARK},
    }


def _vis_node(node_id: int, label: str, shape: str, color, **options) -> dict:
    """A vis-network node as pyvis's ``Network.add_node`` makes it (the same keys in the same order,
    so the page is unchanged); importing pyvis would import IPython (~0.25 s)."""
    return {"color": color, **options, "id": node_id, "label": label or node_id, "shape": shape}


def _vis_edge(source: int, target: int, **options) -> dict:
    """A directed vis-network edge as pyvis's ``Network(directed=True).add_edge`` makes it."""
    edge = {**options, "from": source, "to": target}
    edge.setdefault("arrows", "to")
    return edge


def _half_width(n) -> float:
    """Roughly half the drawn width of a node with its label, in layout pixels."""
    longest = max((len(v) * (1.9 if any(ord(c) > 0x2e80 for c in v) else 1.0) for v in n.labels.values()), default=4)
    if n.kind == "statement":
        return min(170.0, longest * 7.5) / 2 + 6
    return max(12.0, longest * 4.5)


def _title(n, t) -> str:
    both = " / ".join(dict.fromkeys(v for v in (n.labels.get("en"), n.labels.get("zh")) if v))
    return f"{both}\n{t.label(n.cls, 'en')} / {t.label(n.cls, 'zh')}"


def _edge_title(view: GraphView, lk) -> str:
    s, o = view.nodes[lk.source], view.nodes[lk.target]
    t = view.terms
    tag = " (inferred)" if lk.inferred else " (candidate)" if lk.candidate else ""
    return f"{s.label('en')} → {t.label(lk.predicate, 'en')} → {o.label('en')}{tag}"


def _legend(view: GraphView, t) -> list:
    counts: dict = defaultdict(int)
    for n in view.nodes.values():
        counts[(n.kind, n.cls)] += 1
    fam_order = {f: i for i, f in enumerate(FAMILY_STYLE)}
    rows = []
    for (kind, cls), count in counts.items():
        family = t.family.get(cls)
        shape, colour = style_of(cls, family, kind)
        rows.append({"cls": cls, "kind": kind, "family": family or "", "count": count, "shape": shape,
                     "color": colour, "l": {lang: t.label(cls, lang) for lang in LANGS},
                     "_order": (kind != "entity", fam_order.get(family, 99), -count, cls)})
    rows.sort(key=lambda r: r.pop("_order"))
    return rows


def _options(big: bool) -> dict:
    """vis-network options. The layout is precomputed, so physics starts off (the page is
    usable as soon as it is drawn); the Physics switch turns the simulation on for tidying."""
    return {
        "autoResize": True,
        "nodes": {"font": {"face": CJK_FONTS, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1.5, "scaling": {"label": {"drawThreshold": 4}}},
        "edges": {"font": {"face": CJK_FONTS, "size": 12, "color": "#56606b", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "align": "middle"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "smooth": False, "selectionWidth": 2},
        "interaction": {"hover": not big, "tooltipDelay": 250, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "physics": {"enabled": False, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -3000, "centralGravity": 0.3, "springLength": 100,
                                  "springConstant": 0.04, "damping": 0.4, "avoidOverlap": 1},
                    "stabilization": {"enabled": False}, "minVelocity": 1.0},
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


# ------------------------------------------------------------------ HTML


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS, read from the installed pyvis package (newest bundled version).

    The package is found, not imported: importing pyvis imports IPython (~0.25 s)."""
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise OutputError("pyvis is not installed; kg takes vis-network from it. Install it (pip install pyvis).")
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib"
    versions = sorted(lib.glob("vis-*/vis-network.min.js"),
                      key=lambda p: tuple(int(x) for x in p.parent.name[4:].split(".") if x.isdigit()))
    if not versions:
        raise OutputError(f"{lib}: pyvis ships no vis-network here. Reinstall pyvis (pip install --force-reinstall pyvis).")
    js = versions[-1]
    css = js.with_name("vis-network.css")
    return js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8") if css.exists() else ""


def script_json(data) -> str:
    """JSON that is safe inside <script>: no '</script>', '<!--', or line separators break out."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _template(name: str) -> str:
    # kg is a namespace package (no __init__.py), which importlib.resources cannot read from.
    try:
        return (Path(__file__).parent / "templates" / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OutputError(f"kg/templates/{name} is missing from the installed package. Reinstall kg (pip install -e .).")


def _csp(scripts: list[str]) -> str:
    """A policy that allows only the page's own scripts (by hash) and no network access at all,
    so even text that slipped through as HTML could neither run nor fetch anything."""
    import base64
    import hashlib

    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                      for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; font-src data:; "
            "connect-src 'none'; base-uri 'none'; form-action 'none'")


def render_html(view: GraphView, title: str = "kg — knowledge graph") -> str:
    """The whole page as a string."""
    import html
    import re

    js, css = _vis_assets()
    app = _template("graph.js")
    for name, asset in (("vis-network JS", js), ("vis-network CSS", css), ("kg/templates/graph.js", app)):
        if "</script" in asset.lower() or "</style" in asset.lower():
            raise OutputError(f"{name} contains a closing </script> or </style> tag and cannot be inlined.")
    data = page_data(view)
    parts = {"__KG_TITLE__": html.escape(title), "__KG_CSP__": _csp([js, app]), "/*__KG_VIS_CSS__*/": css,
             "/*__KG_VIS_JS__*/": js, "/*__KG_APP_JS__*/": app, "__KG_DATA__": script_json(data)}
    # One pass, so text inserted for one marker is never searched for another.
    return re.sub("|".join(re.escape(k) for k in parts), lambda m: parts[m.group(0)], _template("graph.html"))


def _write(text: str, out_path: Path) -> None:
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{out_path}: cannot write the HTML view ({exc.strerror}). Choose a writable path with --out.")


def write_html(result, out_dir: Path) -> None:
    """Write ``graph.html`` for a fresh build (called by ``kg build`` before the build folder is swapped in)."""
    _write(render_html(read_graph(result.output.quads, candidates=True)), Path(out_dir) / "graph.html")


def render_file(trig_path: Path, out_path: Path) -> dict:
    """Render a built ``graph.trig`` to ``out_path``; returns counts of what was drawn."""
    view = read_graph(load_quads(Path(trig_path)), candidates=True)
    _write(render_html(view), Path(out_path))
    return {"entities": view.entity_count(), "statements": len(view.nodes) - view.entity_count(),
            "edges": len(view.links), "inferred_edges": sum(1 for lk in view.links if lk.inferred),
            "candidate_edges": sum(1 for lk in view.links if lk.candidate)}
