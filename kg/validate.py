"""Stage 6b: check the built graph: reasoning (kg.reason) plus SHACL shapes, as one report.

``check`` loads a graph file, reasons over it (an OWL DL reasoner or the fast SPARQL
rules), validates it against ``ontology/shapes.ttl`` (kg.shacl; pyshacl in the tests), and returns a
``CheckReport``: each problem names the offending node, the rule it breaks and the
evidence (quote, document, offsets) of the facts involved. ``format_report`` renders it;
only the CLI prints. The inferred triples are written into the graph file's
``kgid:graph/inferred`` named graph (``kg.reason.append_inferred``).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from . import iris, reason, resources
from .errors import EXIT_OK, EXIT_VIOLATIONS, CheckError, CheckViolations, KgError

SH = "http://www.w3.org/ns/shacl#"
MODES = ("pellet", "hermit", "fast", "none")  # DL reasoner, fast SPARQL rules, or shapes only
# `kg build` checks with the fast rules: no JVM start (Pellet adds ~3 s to every build) and,
# on the seed corpus, the same inferred triples as Pellet (tests/test_reason.py checks that).
BUILD_MODE = "fast"


def shapes_path() -> Path:
    return resources.ontology_dir() / "shapes.ttl"


# --------------------------------------------------------------------------- report types
@dataclass(frozen=True)
class EvidenceRef:
    """A text span that supports a fact."""

    doc_id: str
    start: int | None
    end: int | None
    quote: str


@dataclass(frozen=True)
class Statement:
    """A fact involved in a problem: a triple (or a node), why it matters, and its evidence."""

    text: str  # e.g. "kgid:xiaomi kg:develops kgid:surge-s1"
    why: str = ""  # e.g. "rdfs:range of kg:develops"
    inferred: bool = False
    evidence: tuple = ()  # EvidenceRef
    note: str = ""  # when there is no evidence: where the statement comes from


@dataclass(frozen=True)
class Problem:
    """One finding: a node that breaks one rule."""

    group: str  # what kind of problem, e.g. "disjoint classes", "evidence points at a sentence of a document"
    rule: str  # the axiom or shape constraint broken
    severity: str  # "violation" | "warning"
    node: str  # the offending node, compact (kgid:surge-s1)
    message: str
    statements: tuple = ()


@dataclass
class CheckReport:
    graph: str
    mode: str
    triples: int = 0
    reasoner: str = ""
    consistent: bool | None = None
    explanation: str = ""
    inferred: list = field(default_factory=list)  # reason.Inferred
    inferred_quads: list = field(default_factory=list)
    dl_only: int = 0  # inferred triples found by the DL reasoner but not by the fast rules
    problems: list = field(default_factory=list)
    shapes: int = 0
    timings: dict = field(default_factory=dict)
    wrote_inferred: str = ""  # the file the inferred graph was written into, if any
    notes: list = field(default_factory=list)  # things the user should know, one line each

    @property
    def violations(self) -> list:
        return [p for p in self.problems if p.severity == "violation"]

    @property
    def warnings(self) -> list:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.conforms else EXIT_VIOLATIONS


# --------------------------------------------------------------------------- entry points
def check(graph_path: Path, mode: str = "pellet", write: bool = True) -> CheckReport:
    """Reason over and validate the graph file; write its inferred graph when ``write``.

    ``mode``: "pellet" or "hermit" (OWL DL reasoner, needs Java), "fast" (SPARQL rules),
    "none" (SHACL shapes only; the inferred graph is left as it is). Raises CheckError when
    the check cannot run; a graph with violations is a report, not an error.
    """
    t0 = time.perf_counter()
    data = reason.load_graph(Path(graph_path))
    require_kg_graph(Path(graph_path), data)
    load = time.perf_counter() - t0
    report = check_graph(data, mode, label=str(graph_path))
    report.timings = {"load": load, **report.timings}
    if write and mode != "none":
        if Path(graph_path).suffix == ".trig":
            reason.append_inferred(Path(graph_path), report.inferred_quads)
            report.wrote_inferred = str(graph_path)
        else:
            report.notes.append(f"the inferred graph was not written: {Path(graph_path).suffix} files hold no named "
                                "graphs (check the .trig file to update it)")
    return report


RDF_SUFFIXES = (".trig", ".ttl", ".nq", ".nt", ".n3", ".rdf", ".owl", ".xml")


def require_kg_graph(path: Path, data) -> None:
    """Raise CheckError unless the file is an RDF file holding kg statements: a check of
    ``summary.json`` or an empty file would otherwise 'conform' while checking nothing."""
    from .iris import KG_NS

    fix = "Give the graph.trig (or graph.ttl) that 'kg build' wrote, e.g. --graph build/graph.trig."
    if path.suffix.lower() not in RDF_SUFFIXES:
        raise CheckError(f"{path}: not a kg graph (a '{path.suffix}' file; kg check reads .trig, .ttl, .nq or .nt). {fix}")
    for quad in data.store:
        if quad.predicate.value.startswith(KG_NS) or getattr(quad.object, "value", "").startswith(KG_NS):
            return
    what = "holds no triples" if not len(data.store) else "uses no term of the kg ontology"
    raise CheckError(f"{path}: not a kg graph (it {what}). {fix}")


def check_graph(data, mode: str = "pellet", label: str = "", parallel: bool = False) -> CheckReport:
    """``check`` on a loaded graph (``reason.GraphData``); with ``parallel``, the shapes are
    checked in a second process while this one reasons."""
    store = data.store
    if mode not in MODES:
        raise CheckError(f"unknown check mode '{mode}'. Use one of: {', '.join(MODES)}.")
    shapes_result = start_shapes(data, parallel=parallel)
    ax = reason.axioms()
    report = CheckReport(graph=label, mode=mode, triples=len(data.asserted))
    clashes: list = []
    if mode != "none":
        t0 = time.perf_counter()
        fast = reason.infer_fast(store, ax)
        result = fast
        if mode in reason.REASONERS:
            dl = reason.infer_dl(store, ax, mode)
            fast_set = {i.triple for i in fast.inferred}
            report.dl_only = sum(1 for i in dl.inferred if i.triple not in fast_set)
            result = reason.merge(dl, fast)
        clashes = reason.clashes(store, ax)
        report.reasoner, report.consistent, report.explanation = result.reasoner, result.consistent, result.explanation
        if result.consistent is False:
            report.inferred = []  # everything follows from a contradiction; nothing useful to add
        else:
            report.inferred = result.inferred
        report.inferred_quads = reason.inferred_quads(report.inferred, store)
        report.timings["reason"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    shape_problems, report.shapes = shapes_result()
    report.timings["shapes"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    problems = [_clash_problem(store, c) for c in clashes]
    if report.consistent is False and not clashes:
        problems.append(Problem(
            "inconsistent with the ontology", f"OWL 2 DL consistency ({report.reasoner})", "violation", "(graph)",
            "the reasoner found the graph inconsistent, but no disjointness or functional-property check names "
            "the facts; a value outside a range (confidence 0..1, quarter 1..4, rank bound) is listed among the "
            "shape violations, and the reasoner's explanation is printed above", ()))
    problems.extend(_with_evidence(store, p) for p in shape_problems)
    report.problems = sorted(problems, key=lambda p: (p.severity != "violation", p.group, p.rule, p.node, p.message))
    report.timings["evidence"] = time.perf_counter() - t0
    return report


# --------------------------------------------------------------------------- SHACL
def load_shapes():
    """ontology/shapes.ttl as an rdflib Graph; CheckError when missing or broken."""
    import rdflib

    path = shapes_path()
    if not path.is_file():
        raise CheckError(f"{path}: SHACL shapes file not found. Restore it with 'git checkout -- ontology/shapes.ttl'.")

    def parse():
        shapes = rdflib.Graph()
        try:
            shapes.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several parser exception types
            raise CheckError(f"{path}: the shapes are not valid Turtle ({str(exc).strip().splitlines()[0]}). Fix the file.")
        return shapes

    from . import cache

    return cache.memo("shapes", [path], parse, extra=f"rdflib {rdflib.__version__}")


def validate_shapes(data, shapes=None) -> tuple[list, int]:
    """Problems (without evidence yet) of ontology/shapes.ttl on a ``reason.GraphData``, and
    the number of node shapes.

    The node and property shapes are checked by ``kg.shacl`` over the asserted triples, with the
    ontology mixed into the data graph so targets and sh:class follow rdfs:subClassOf (pyshacl,
    which did this before, is the reference the tests compare with). The class-wide SPARQL
    constraints (shapes whose sh:targetNode is a class) run on pyoxigraph (``class_wide_checks``):
    one query each, where pyshacl's rdflib SPARQL took ~15 s at 10^5 triples.
    """
    return start_shapes(data, shapes)()


def start_shapes(data, shapes=None, parallel: bool = False):
    """``validate_shapes`` as a function to call for its result. With ``parallel``, the node and
    property shapes (the Python part, which reads the asserted triples only) are checked in a
    forked process from now on; the class-wide queries run on the store when the result is asked
    for, so they see it as it is then (after the reasoning, as without ``parallel``)."""
    import pyoxigraph as ox
    import rdflib

    from . import runner, shacl

    shapes = shapes if shapes is not None else load_shapes()
    wide = class_wide_checks(shapes)
    node_shapes = shacl.compile_shapes(shapes, skip={c.shape for c in wide})
    ontology = ox.parse(path=str(resources.ontology_path()), format=ox.RdfFormat.TURTLE)
    n_shapes = len(set(shapes.subjects(rdflib.RDF.type, rdflib.URIRef(SH + "NodeShape"))))

    def core():
        return core_problems(shacl.validate([*data.asserted, *ontology], node_shapes), shapes)

    core_result = runner.in_background(core) if parallel else core

    def result():
        return core_result() + run_class_wide(data.store, wide), n_shapes

    return result


def core_problems(results, shapes) -> list:
    """``kg.shacl`` results as Problems, in the form ``shacl_problems`` gives pyshacl's."""
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    out = []
    for r in results:
        ps = r.shape
        group = _en_label(shapes, URIRef(ps.node_shape), RDFS.label) or reason.short(ps.node_shape)
        msg = ps.message or r.component
        if r.value is not None and not ps.message:
            msg += f" (value {r.value})"
        out.append(Problem(group, f"{reason.short(ps.node_shape)} · {ps.name} ({r.component})", ps.severity,
                           reason.term_text(r.focus), msg, ()))
    return out


def pyshacl_problems(data, shapes=None) -> list:
    """What pyshacl finds with the same shapes (the node and property shapes; the reference for
    ``kg.shacl``, run by the tests): the asserted triples with the ontology, no inference."""
    import pyoxigraph as ox
    import pyshacl
    import rdflib

    shapes = shapes if shapes is not None else load_shapes()
    skip = {c.shape for c in class_wide_checks(shapes)}
    core = rdflib.Graph()
    for t in shapes:
        if t[0] not in skip:
            core.add(t)
    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(data.asserted, format=ox.RdfFormat.N_TRIPLES), format="nt")
    graph += iris.vocab().graph
    _conforms, results, _text = pyshacl.validate(graph, shacl_graph=core, inference="none", allow_warnings=True,
                                                 inplace=True, advanced=False)
    return shacl_problems(results, shapes)


@dataclass(frozen=True)
class ClassWideCheck:
    """A SHACL-SPARQL constraint on a shape whose focus is a class: its query finds every
    offending instance at once and returns it as ?value."""

    shape: object  # rdflib URIRef of the node shape
    focus: str  # the class IRI ($this)
    query: str  # with PREFIX lines from sh:prefixes
    message: str
    name: str
    group: str
    severity: str


def class_wide_checks(shapes) -> list:
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    sh = lambda name: URIRef(SH + name)  # noqa: E731
    out = []
    for shape, focus in sorted(shapes.subject_objects(sh("targetNode"))):
        group = _en_label(shapes, shape, RDFS.label) or reason.short(str(shape))
        for c in shapes.objects(shape, sh("sparql")):
            prefixes = []
            for pfx_node in shapes.objects(c, sh("prefixes")):
                for decl in shapes.objects(pfx_node, sh("declare")):
                    prefixes.append(f"PREFIX {shapes.value(decl, sh('prefix'))}: <{shapes.value(decl, sh('namespace'))}>")
            severity = shapes.value(c, sh("severity")) or shapes.value(shape, sh("severity"))
            out.append(ClassWideCheck(
                shape, str(focus), "\n".join(prefixes) + "\n" + str(shapes.value(c, sh("select"))),
                str(shapes.value(c, sh("message")) or ""), str(shapes.value(c, sh("name")) or ""), group,
                "warning" if severity in (sh("Warning"), sh("Info")) else "violation"))
    return out


def run_class_wide(store, checks) -> list:
    """Run class-wide constraints with SHACL-SPARQL semantics: $this pre-bound to the class,
    one result per solution, {?var} in the message replaced by the solution's value."""
    import re

    import pyoxigraph as ox

    out = []
    for c in checks:
        try:
            solutions = store.query(c.query, substitutions={ox.Variable("this"): ox.NamedNode(c.focus)})
            names = [v.value for v in solutions.variables]
            rows = [{n: sol[n] for n in names if sol[n] is not None} for sol in solutions]
        except SyntaxError as exc:
            raise CheckError(f"{shapes_path()}: the SPARQL of {reason.short(str(c.shape))} ('{c.name}') is invalid "
                             f"({str(exc).splitlines()[0]}). Fix the query.")
        for row in rows:
            node = row.get("value")
            if node is None:
                continue
            msg = re.sub(r"\{[?$](\w+)\}", lambda m: _display(row.get(m.group(1))), c.message)
            out.append(Problem(c.group, f"{reason.short(str(c.shape))} · {c.name} (sh:SPARQLConstraintComponent)",
                               c.severity, reason.term_text(node), msg, ()))
    return out


def _display(term) -> str:
    import pyoxigraph as ox

    if term is None:
        return "?"
    if isinstance(term, ox.NamedNode):
        return reason.short(term.value)
    return term.value if isinstance(term, ox.Literal) else str(term)


def _en_label(graph, node, prop):
    from rdflib import Literal

    labels = [o for o in graph.objects(node, prop) if isinstance(o, Literal)]
    for lbl in labels:
        if lbl.language == "en":
            return str(lbl)
    return str(labels[0]) if labels else None


def shacl_problems(results, shapes) -> list:
    """pyshacl's results graph as Problems, grouped by the node shape and constraint (the tests'
    reference; ``core_problems`` gives kg.shacl's in the same form)."""
    from rdflib import BNode, URIRef
    from rdflib.namespace import RDFS

    sh = lambda name: URIRef(SH + name)  # noqa: E731
    out = []
    for res in results.subjects(sh("resultSeverity"), None):
        focus = results.value(res, sh("focusNode"))
        source = results.value(res, sh("sourceShape"))
        node_shape = source
        if isinstance(source, BNode) or (source, sh("path"), None) in shapes:
            node_shape = shapes.value(None, sh("property"), source) or source
        constraint = results.value(res, sh("sourceConstraint"))
        name = shapes.value(constraint, sh("name")) if constraint is not None else None
        name = name or shapes.value(source, sh("name")) or _n3_path(results.value(res, sh("resultPath")))
        component = str(results.value(res, sh("sourceConstraintComponent")) or "").replace(SH, "sh:")
        group_text = _en_label(shapes, node_shape, RDFS.label) or reason.short(str(node_shape))
        message = results.value(res, sh("resultMessage"))
        value = results.value(res, sh("value"))
        if (node_shape, sh("targetNode"), focus) in shapes and isinstance(value, URIRef):
            focus = value  # a class-wide constraint (see shapes.ttl): the offending instance is the value
        msg = str(message) if message else component
        if value is not None and not message:
            msg += f" (value {value.n3()})"
        severity = "warning" if results.value(res, sh("resultSeverity")) in (sh("Warning"), sh("Info")) else "violation"
        out.append(Problem(group_text, f"{reason.short(str(node_shape))} · {name} ({component})", severity,
                           _term_text(focus), msg, ()))
    return out


def _n3_path(path) -> str:
    return reason.short(str(path)) if path is not None else "node"


def _term_text(term) -> str:
    from rdflib import URIRef

    return str(term) if isinstance(term, URIRef) else term.n3()


# --------------------------------------------------------------------------- evidence
def _evidence_of_facts(store, facts: list) -> dict:
    """fact IRI -> tuple of EvidenceRef, for several facts in one query."""
    if not facts:
        return {}
    k = iris.KG_NS
    rows = reason._select(store, f"""SELECT ?f ?id ?start ?end ?quote WHERE {{
        VALUES ?f {{ {' '.join(f'<{f}>' for f in facts)} }}
        ?f <{k}hasEvidence> ?ev .
        OPTIONAL {{ ?ev <{k}inDocument> ?doc . OPTIONAL {{ ?doc <http://purl.org/dc/terms/identifier> ?id }} }}
        OPTIONAL {{ ?ev <{k}charStart> ?start }} OPTIONAL {{ ?ev <{k}charEnd> ?end }} OPTIONAL {{ ?ev <{k}quote> ?quote }}
    }} ORDER BY ?f ?id ?start""")
    out: dict = {}
    for r in rows:
        out.setdefault(r["f"], []).append(EvidenceRef(_lex(r.get("id", "?")), _int(r.get("start")), _int(r.get("end")),
                                                      _lex(r.get("quote", ""))))
    return {f: tuple(v) for f, v in out.items()}


def _lex(text: str) -> str:
    """The lexical form of a literal in N-Triples form ("abc"@en -> abc)."""
    import json

    if text.startswith('"'):
        end = text.rfind('"')
        try:
            return json.loads(text[:end + 1])
        except ValueError:
            return text[1:end]
    return text


def _int(text):
    try:
        return int(_lex(text)) if text is not None else None
    except ValueError:
        return None


def _facts_of_triples(store, triples: list) -> dict:
    """(s, p, o) -> asserted RelationFact IRIs reifying it."""
    triples = [t for t in triples if not t[2].startswith('"') and t[1] != reason.RDF_TYPE]
    if not triples:
        return {}
    rdf = reason.RDF
    rows = reason._select(store, f"""SELECT ?f ?s ?p ?o WHERE {{ VALUES (?s ?p ?o) {{ {reason._values(triples)} }}
        ?f <{rdf}subject> ?s ; <{rdf}predicate> ?p ; <{rdf}object> ?o }} ORDER BY ?f""")
    out: dict = {}
    for r in rows:
        out.setdefault((r["s"], r["p"], r["o"]), []).append(r["f"])
    return out


def _is_fact(store, node: str) -> bool:
    return node.startswith("http") and bool(store.query(f"ASK {{ <{node}> <{iris.KG_NS}hasEvidence> ?e }}"))


def _mentions(store, node: str) -> str:
    rows = reason._select(store, f"""SELECT ?id WHERE {{ <{node}> <{iris.KG_NS}mentionedIn> ?d .
        OPTIONAL {{ ?d <http://purl.org/dc/terms/identifier> ?id }} }} ORDER BY ?id""")
    ids = [_lex(r.get("id", "?")) for r in rows]
    return ("mentioned in " + ", ".join(ids)) if ids else ""


def _clash_problem(store, clash) -> Problem:
    """A reasoner clash as a Problem, each claim with the evidence of the fact behind it."""
    triples = [c.triple for c in clash.claims]
    facts = _facts_of_triples(store, triples)
    # A claim on a fact node's own property (e.g. two kg:period values): its evidence is the node's.
    fact_nodes = {t[0] for t in triples if t not in facts and _is_fact(store, t[0])}
    evidence = _evidence_of_facts(store, sorted({f for fs in facts.values() for f in fs} | fact_nodes))
    ax = reason.axioms()
    typed = {t for c in clash.claims if c.why == "asserted type" for t in ax.ancestors(next(iter(c.classes)))}
    statements = []
    for c in clash.claims:
        ev = tuple(e for f in facts.get(c.triple, ()) for e in evidence.get(f, ()))
        if c.why != "asserted type" and not ev and c.classes and c.classes <= typed:
            continue  # restates an asserted type (e.g. range kg:Place of a Country) and has no evidence to show
        if not ev and c.triple[0] in fact_nodes:
            ev = evidence.get(c.triple[0], ())
        note = ""
        if not ev:
            if c.inferred:
                note = "inferred (see the inferred graph)"
            elif c.triple[1] == reason.RDF_TYPE:
                where = _mentions(store, c.triple[0])
                note = "asserted type; types carry no evidence" + (f"; the entity is {where}" if where else "")
            else:
                note = "asserted without evidence"
        statements.append(Statement(_triple_text(c.triple), c.why, c.inferred, ev, note))
    node = reason.short(clash.node)
    if clash.kind == "disjoint":
        shown = {st.text for st in statements}
        parts = []
        for c in clash.claims:
            names = sorted(reason.short(x) for x in c.classes)
            text = names[0] if len(names) == 1 else "(" + " or ".join(names) + ")"
            if _triple_text(c.triple) in shown and text not in parts:
                parts.append(text)
        message = (f"claimed to be {' and '.join(parts)}; the axiom makes these classes disjoint, "
                   "so one of these statements is wrong")
        return Problem("disjoint classes", clash.axiom, "violation", node, message, tuple(statements))
    prop = reason.short(clash.claims[0].triple[1])
    values = ", ".join(_node_text(c.triple[2]) for c in clash.claims)
    message = f"has {len(clash.claims)} values for the functional property {prop} ({values}); it may have only one"
    return Problem("functional property with several values", clash.axiom, "violation", node, message, tuple(statements))


def _triple_text(t) -> str:
    p = "a" if t[1] == reason.RDF_TYPE else reason.short(t[1])
    return f"{reason.short(t[0])} {p} {_node_text(t[2])}"


def _node_text(term: str) -> str:
    """A node for the report: kgid:xiaomi, or a literal's value in quotes ("0.9")."""
    return f'"{_lex(term)}"' if term.startswith('"') else reason.short(term)


def _with_evidence(store, problem: Problem) -> Problem:
    """A shape problem with the evidence of its node: the fact's, or the span itself."""
    node = problem.node
    if not node.startswith("http"):
        return problem
    ev = _evidence_of_facts(store, [node]).get(node, ())
    note = ""
    if not ev:
        rows = reason._select(store, f"""SELECT ?id ?start ?end ?quote WHERE {{
            <{node}> <{iris.KG_NS}quote> ?quote .
            OPTIONAL {{ <{node}> <{iris.KG_NS}inDocument>/<http://purl.org/dc/terms/identifier> ?id }}
            OPTIONAL {{ <{node}> <{iris.KG_NS}charStart> ?start }} OPTIONAL {{ <{node}> <{iris.KG_NS}charEnd> ?end }} }}""")
        ev = tuple(EvidenceRef(_lex(r.get("id", "?")), _int(r.get("start")), _int(r.get("end")), _lex(r["quote"])) for r in rows)
    if not ev:
        note = _mentions(store, node)
    statements = (Statement(reason.short(node), "", False, ev, note),) if (ev or note) else ()
    return Problem(problem.group, problem.rule, problem.severity, reason.short(node), problem.message, statements)


# --------------------------------------------------------------------------- rendering
def summary_line(report: CheckReport) -> str:
    """One line, e.g. 'check: conforms (0 violations, 12 inferred triples)'."""
    n_v, n_w = len(report.violations), len(report.warnings)
    verdict = "conforms" if report.conforms else "does not conform"
    parts = [f"{n_v} violation{'s' * (n_v != 1)}"]
    if n_w:
        parts.append(f"{n_w} warning{'s' * (n_w != 1)}")
    if report.mode != "none":
        parts.append(f"{len(report.inferred)} inferred triple{'s' * (len(report.inferred) != 1)}")
    return f"check: {verdict} ({', '.join(parts)})"


def format_report(report: CheckReport, max_per_group: int = 20) -> str:
    """The report as text, grouped by problem: each with the rule, the offending nodes and evidence."""
    lines = [f"kg check: {report.graph} ({report.triples:,} asserted triples)"]
    t = report.timings
    if report.mode == "none":
        lines.append("reasoning: skipped (--no-reasoner)")
    else:
        verdict = {True: "consistent", False: "INCONSISTENT", None: "no DL verdict (fast rules)"}[report.consistent]
        lines.append(f"reasoning: {report.reasoner}: {verdict} ({t.get('reason', 0):.2f} s)")
        lines.append(_inferred_summary(report))
        if report.explanation:
            lines.append("reasoner's explanation:")
            lines.extend("    " + ln for ln in report.explanation.splitlines())
    lines.append(f"shapes: {report.shapes} SHACL node shapes from ontology/shapes.ttl ({t.get('shapes', 0):.2f} s)")
    lines.extend(f"note: {n}" for n in report.notes)
    groups: dict = {}
    for p in report.problems:
        groups.setdefault((p.severity, p.group, p.rule), []).append(p)
    for (severity, group, rule), items in groups.items():
        lines.append("")
        lines.append(f"{severity.upper()}: {group} — {len(items)} node{'s' * (len(items) != 1)}")
        lines.append(f"  rule: {rule}")
        for p in items[:max_per_group]:
            lines.append(f"  - {p.node}: {p.message}")
            for s in p.statements:
                if s.text != p.node or s.why:
                    mark = " [inferred]" if s.inferred else ""
                    lines.append(f"      {s.text}{mark}" + (f"   ({s.why})" if s.why else ""))
                    indent = "          "
                else:
                    indent = "      "
                for e in s.evidence[:3]:
                    span = f"{e.start}-{e.end}" if e.start is not None else "?"
                    lines.append(f"{indent}evidence: {e.doc_id} chars {span}: \"{_clip(e.quote)}\"")
                if len(s.evidence) > 3:
                    lines.append(f"{indent}(+{len(s.evidence) - 3} more evidence)")
                if s.note and not s.evidence:
                    lines.append(f"{indent}({s.note})")
        if len(items) > max_per_group:
            lines.append(f"  ... and {len(items) - max_per_group} more")
    lines.append("")
    lines.append(summary_line(report) + (f"; inferred graph written to {report.wrote_inferred}" if report.wrote_inferred else ""))
    return "\n".join(lines)


def _inferred_summary(report: CheckReport) -> str:
    kinds: dict = {}
    for i in report.inferred:
        rule = i.rule
        kind = ("inverse" if "inverseOf" in rule else "symmetric" if "Symmetric" in rule
                else "sub-property" if "subPropertyOf" in rule
                else "chain" if "propertyChain" in rule else "transitive" if "Transitive" in rule
                else "type" if i.triple[1] == reason.RDF_TYPE else "DL only")
        kinds[kind] = kinds.get(kind, 0) + 1
    detail = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    extra = f"; {report.dl_only} found only by the DL reasoner" if report.mode in reason.REASONERS else ""
    return f"inferred: {len(report.inferred)} new triples in <{iris.INFERRED_GRAPH}>" + (f" ({detail}{extra})" if detail else "")


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- build hook
class BuildCheck:
    """An extra writer for ``pipeline.write``: checks the new graph before the build folder is
    swapped in, and appends the inferred graph to its graph.trig.

    A check that cannot run is recorded, not raised (the build itself is fine). With
    ``strict``, a graph with violations raises ``CheckViolations``, so the previous build stays.
    The inferred quads are also added to ``result.output.quads``, so writers that run later
    (the HTML view) see the same graph as the file.
    """

    # it reads the graph from the build's N-Quads file (``GraphOutput.nquads_file``) and waits for
    # graph.trig (``GraphOutput.files_written``) only to append the inferred graph to it
    reads_nquads_only = True

    def __init__(self, strict: bool = False, mode: str = BUILD_MODE, jobs: int = 1):
        self.strict = strict
        self.mode = mode
        self.jobs = jobs  # more than 1: the shapes are checked in a second process
        self.report: CheckReport | None = None
        self.error: KgError | None = None

    def __call__(self, result, tmp_dir: Path) -> None:
        try:
            output = result.output
            graphs = set(output.lines) | {key for run in output.runs for key, _ in run.sections}
            if output.nquads_file is not None and f"<{iris.INFERRED_GRAPH}>" not in graphs:
                from .graph import DEFAULT

                counted = output.counted  # the default graph's size, counted as the file was written
                size = counted.default if counted is not None and DEFAULT in counted.keys else None
                # the file the build wrote, read once; the check reads the default graph only
                data = reason.graph_from_nquads(output.nquads_file, size, default_end=output.nquads_default_end)
            else:
                data = reason.graph_from_quads(output.quads)
            self.report = check_graph(data, self.mode, label=str(Path(tmp_dir) / "graph.trig"), parallel=self.jobs > 1)
        except CheckError as exc:
            self.error = exc
            return
        if self.strict and not self.report.conforms:
            raise CheckViolations(f"check: the graph has {len(self.report.violations)} violation(s); with --strict the "
                              "previous build is kept. Fix them or build without --strict.")
        if result.output.files_written is not None:
            result.output.files_written()  # graph.trig may still be being written in another process
        reason.append_inferred(Path(tmp_dir) / "graph.trig", self.report.inferred_quads, fresh=True)
        self.report.wrote_inferred = "graph.trig"
        result.output.add_quads(self.report.inferred_quads)

    def summary(self) -> str:
        """The build's one-line check summary."""
        if self.error is not None:
            return f"check: could not run ({self.error.message})"
        if self.report is None:
            return "check: not run"
        how = "OWL DL reasoner" if self.report.mode in reason.REASONERS else "fast rules"
        return f"{summary_line(self.report)} [{how}; 'kg check' for the full report]"

