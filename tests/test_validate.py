"""kg.validate: the SHACL shapes (one planted violation per constraint), the report with its
evidence, `kg check` through the real entry point, and the check inside `kg build`.

Planted nodes are new, complete and wrong in exactly one way; they reuse seed nodes
(evidence, sentences, documents, periods) looked up by class, never by name.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ox = pytest.importorskip("pyoxigraph")

from kg import iris, reason, validate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
KG = iris.KG_NS
ID = iris.ID_NS
XSD = reason.XSD
RDF = reason.RDF
RDFS = reason.RDFS
DCT = "http://purl.org/dc/terms/"
SH = "http://www.w3.org/ns/shacl#"


# ----------------------------------------------------------------------------- helpers
def N(name: str) -> ox.NamedNode:
    for prefix, ns in (("kg:", KG), ("kgid:", ID), ("rdf:", RDF), ("rdfs:", RDFS), ("dcterms:", DCT)):
        if name.startswith(prefix):
            return ox.NamedNode(ns + name[len(prefix):])
    return ox.NamedNode(name)


def lit(value, dt: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + dt)) if dt else ox.Literal(str(value))


def term(x):
    return N(x) if isinstance(x, str) else x


def node_quads(node: str, props: list) -> list:
    """Quads of one planted node; ``props`` is a list of (predicate, object) pairs."""
    s = N(node)
    return [ox.Quad(s, N("rdf:type") if p == "a" else N(p), term(o), ox.DefaultGraph()) for p, o in props]


def seed_quads(seed_build) -> list:
    inferred = ox.NamedNode(str(iris.INFERRED_GRAPH))
    return [q for q in seed_build.output.quads if q.graph_name != inferred]


def one(store, query: str) -> dict:
    rows = reason._select(store, "PREFIX kg: <%s>\nPREFIX dcterms: <%s>\n%s" % (KG, DCT, query))
    if not rows:
        pytest.skip(f"the seed graph has nothing for: {query}")
    return rows[0]


class Ctx:
    """Seed nodes the planted cases point at, looked up by class."""

    def __init__(self, store):
        r = one(store, """SELECT ?s ?d ?start ?text WHERE { ?s a kg:Sentence ; kg:inDocument ?d ;
                          kg:charStart ?start ; kg:text ?text FILTER(STRLEN(?text) > 12) } ORDER BY ?s LIMIT 1""")
        self.sentence, self.doc = r["s"], r["d"]
        self.s_start, self.s_text = int(validate._lex(r["start"])), validate._lex(r["text"])
        self.other_doc = one(store, f"SELECT ?d WHERE {{ ?d a kg:Document FILTER(?d != <{self.doc}>) }} ORDER BY ?d LIMIT 1")["d"]
        self.evidence = one(store, "SELECT ?e WHERE { ?e a kg:Evidence } ORDER BY ?e LIMIT 1")["e"]
        self.rule = one(store, "SELECT ?r WHERE { ?r a kg:ExtractionRule } ORDER BY ?r LIMIT 1")["r"]
        self.period = one(store, "SELECT ?p WHERE { ?p a kg:Period } ORDER BY ?p LIMIT 1")["p"]
        self.market = one(store, "SELECT ?m WHERE { ?m a kg:Market } ORDER BY ?m LIMIT 1")["m"]
        self.company = one(store, "SELECT ?c WHERE { ?c a kg:Company } ORDER BY ?c LIMIT 1")["c"]


# Valid templates: a complete node of each kind. A case = a template with one change.
def templates(c: Ctx) -> dict:
    quote = c.s_text[2:10]
    return {
        "entity": [("a", "kg:Company"), ("rdfs:label", lit("Test Company", lang="en")), ("rdfs:label", lit("测试公司", lang="zh"))],
        "relation": [("a", "kg:RelationFact"), ("rdf:subject", c.company), ("rdf:predicate", "kg:visited"),
                     ("rdf:object", "kgid:test-place"), ("kg:hasEvidence", c.evidence), ("kg:count", lit(2, "integer")),
                     ("kg:confidence", lit("0.9", "decimal"))],
        "quantity": [("a", "kg:QuantitativeStatement"), ("kg:statementSubject", c.company), ("kg:metric", "kg:Revenue"),
                     ("kg:value", lit("12.5", "decimal")), ("kg:unit", "kg:CNY"), ("kg:period", c.period),
                     ("kg:bound", "kg:Exact"), ("kg:scope", c.market), ("kg:hasEvidence", c.evidence)],
        "position": [("a", "kg:MarketPosition"), ("kg:statementSubject", c.company), ("kg:rank", lit(3, "positiveInteger")),
                     ("kg:bound", "kg:UpperBound"), ("kg:scope", c.market), ("kg:period", c.period), ("kg:hasEvidence", c.evidence)],
        "goal": [("a", "kg:Goal"), ("kg:statementSubject", c.company), ("kg:goalText", lit("进入前五", lang="zh")),
                 ("kg:hasEvidence", c.evidence)],
        "evidence": [("a", "kg:Evidence"), ("kg:inDocument", c.doc), ("kg:inSentence", c.sentence),
                     ("kg:charStart", lit(c.s_start + 2, "nonNegativeInteger")),
                     ("kg:charEnd", lit(c.s_start + 10, "nonNegativeInteger")), ("kg:quote", lit(quote)),
                     ("kg:extractedBy", c.rule), ("kg:confidence", lit("0.8", "decimal"))],
        "sentence": [("a", "kg:Sentence"), ("kg:inDocument", c.doc), ("kg:sentenceIndex", lit(9999, "nonNegativeInteger")),
                     ("kg:charStart", lit(100000, "nonNegativeInteger")), ("kg:charEnd", lit(100005, "nonNegativeInteger")),
                     ("kg:text", lit("abcde"))],
        "document": [("a", "kg:Document"), ("dcterms:identifier", lit("test-doc")), ("kg:sourceFile", lit("data/corpus/test.txt")),
                     ("dcterms:language", lit("en")), ("dcterms:date", lit("2018-02-07", "date"))],
        "period": [("a", "kg:Period"), ("rdfs:label", lit("2017-Q2")), ("kg:year", lit("2017", "gYear")),
                   ("kg:quarter", lit(2, "integer")), ("kg:startDate", lit("2017-04-01", "date")),
                   ("kg:endDate", lit("2017-06-30", "date"))],
    }


def change(props: list, drop=(), add=(), replace=None) -> list:
    replace = replace or {}
    out = [(p, replace.get(p, o)) for p, o in props if p not in drop]
    return out + list(add)


# (case id, template, change, extra quads builder, severity, shape, message words)
CASES = [
    ("entity-no-type", "entity", dict(drop=("a",), add=[("kg:mentionedIn", "DOC")]), "violation", "EntityTypeShape", "no kg entity type"),
    ("entity-no-label", "entity", dict(drop=("rdfs:label",)), "violation", "EntityLabelShape", "no rdfs:label in English"),
    ("entity-label-in-french-only", "entity", dict(drop=("rdfs:label",), add=[("rdfs:label", lit("Société", lang="fr"))]),
     "violation", "EntityLabelShape", "no rdfs:label in English"),
    ("entity-two-english-labels", "entity", dict(add=[("rdfs:label", lit("Another Name", lang="en"))]),
     "warning", "EntityLabelShape", "more than one rdfs:label"),
    ("fact-without-evidence", "quantity", dict(drop=("kg:hasEvidence",)), "violation", "FactShape", "has no evidence"),
    ("fact-marked-inferred", "goal", dict(add=[("kg:inferred", lit("true", "boolean"))]), "violation", "FactShape",
     "belong only in the graph"),
    ("evidence-document-not-in-manifest", "evidence", dict(replace={"kg:inDocument": "kgid:doc/not-in-manifest"}),
     "violation", "EvidenceShape", "document of the manifest"),
    ("evidence-sentence-of-other-document", "evidence", dict(replace={"kg:inDocument": "OTHER_DOC"}),
     "violation", "EvidenceShape", "belongs to another document"),
    ("evidence-empty-span", "evidence", dict(replace={"kg:charEnd": "START"}), "violation", "EvidenceShape",
     "smaller than its kg:charEnd"),
    ("evidence-without-quote", "evidence", dict(drop=("kg:quote",)), "violation", "EvidenceShape", "has no quote"),
    ("evidence-without-rule", "evidence", dict(drop=("kg:extractedBy",)), "violation", "EvidenceShape", "extraction rule"),
    ("evidence-quote-not-in-sentence", "evidence", dict(replace={"kg:quote": lit("#" * 8)}), "violation",
     "EvidenceSpanShape", "not the sentence text at those offsets"),
    ("document-language-french", "document", dict(replace={"dcterms:language": lit("fr")}), "violation", "DocumentShape",
     "must be \"zh\" or \"en\""),
    ("document-dated-1850", "document", dict(replace={"dcterms:date": lit("1850-01-01", "date")}), "violation",
     "DocumentShape", "between 1900 and 2100"),
    ("document-without-source-file", "document", dict(drop=("kg:sourceFile",)), "violation", "DocumentShape", "no source file"),
    ("sentence-without-text", "sentence", dict(drop=("kg:text",)), "violation", "SentenceShape", "has no text"),
    ("sentence-without-document", "sentence", dict(drop=("kg:inDocument",)), "violation", "SentenceShape",
     "exactly one document"),
    ("relation-predicate-not-a-property", "relation", dict(replace={"rdf:predicate": "rdfs:label"}), "violation",
     "RelationFactShape", "object property of the kg ontology"),
    ("relation-count-zero", "relation", dict(replace={"kg:count": lit(0, "integer")}), "violation", "RelationFactShape",
     "at least 1"),
    ("relation-triple-not-asserted", "relation", dict(replace={"rdf:object": "kgid:test-nowhere"}), "violation",
     "RelationTripleShape", "is not asserted"),
    ("quantity-without-subject", "quantity", dict(drop=("kg:statementSubject",)), "violation", "QuantitativeStatementShape",
     "exactly one subject"),
    ("quantity-without-metric", "quantity", dict(drop=("kg:metric",)), "violation", "QuantitativeStatementShape",
     "exactly one metric"),
    ("quantity-without-value", "quantity", dict(drop=("kg:value",)), "violation", "QuantitativeStatementShape",
     "exactly one value"),
    ("quantity-without-unit", "quantity", dict(drop=("kg:unit",)), "violation", "QuantitativeStatementShape",
     "exactly one unit"),
    ("quantity-without-period", "quantity", dict(drop=("kg:period",)), "violation", "QuantitativeStatementShape",
     "exactly one period"),
    ("quantity-bound-not-a-bound", "quantity", dict(replace={"kg:bound": "kg:Revenue"}), "violation",
     "QuantitativeStatementShape", "must be one of kg:Exact"),
    ("quantity-market-share-150", "quantity",
     dict(replace={"kg:metric": "kg:MarketShare", "kg:unit": "kg:Percent", "kg:value": lit("150.0", "decimal")}),
     "violation", "StatementValueShape", "market share must lie in 0..100"),
    ("quantity-growth-minus-150", "quantity",
     dict(replace={"kg:metric": "kg:SalesGrowthYoY", "kg:unit": "kg:Percent", "kg:value": lit("-150.0", "decimal")}),
     "violation", "StatementValueShape", "-100..1000"),
    ("quantity-negative-count", "quantity",
     dict(replace={"kg:metric": "kg:Employees", "kg:unit": "kg:Count", "kg:value": lit("-3.0", "decimal")}),
     "violation", "StatementValueShape", "is negative"),
    ("position-lower-bound", "position", dict(replace={"kg:bound": "kg:LowerBound"}), "violation", "MarketPositionShape",
     "kg:Exact or kg:UpperBound"),
    ("position-without-rank", "position", dict(drop=("kg:rank",)), "violation", "MarketPositionShape", "has no rank"),
    ("position-without-market", "position", dict(drop=("kg:scope",)), "warning", "MarketPositionShape", "names no market"),
    ("goal-without-wording", "goal", dict(drop=("kg:goalText",)), "violation", "GoalShape", "has no wording"),
    ("rank-zero", "position", dict(replace={"kg:rank": lit(0, "integer")}), "violation", "RankShape", "positive integer"),
    ("confidence-above-one", "relation", dict(replace={"kg:confidence": lit("1.5", "decimal")}), "violation",
     "ConfidenceShape", "between 0 and 1"),
    ("period-quarter-5", "period", dict(replace={"kg:quarter": lit(5, "integer")}), "violation", "PeriodShape",
     "quarter must be one integer from 1 to 4"),
    ("period-month-13", "period", dict(add=[("kg:month", lit(13, "integer"))]), "violation", "PeriodShape",
     "month must be one integer from 1 to 12"),
    ("period-start-not-a-date", "period", dict(replace={"kg:startDate": lit("2017", "gYear")}), "violation", "PeriodShape",
     "start date must be one xsd:date"),
    ("period-year-1850", "period", dict(replace={"kg:year": lit("1850", "gYear")}), "violation", "PeriodBoundsShape",
     "years must lie in 1900..2100"),
    ("period-ends-before-it-starts", "period", dict(replace={"kg:endDate": lit("2017-03-31", "date")}), "violation",
     "PeriodBoundsShape", "ends (2017-03-31) before it starts"),
]


def _resolve(c: Ctx, props: list, node: str) -> list:
    """Fill the placeholders a case uses (documents, the evidence's own start offset)."""
    start = next((o for p, o in props if p == "kg:charStart"), None)
    names = {"DOC": c.doc, "OTHER_DOC": c.other_doc, "START": start}
    return [(p, names.get(o, o) if isinstance(o, str) else o) for p, o in props]


@pytest.fixture(scope="module")
def planted(seed_build):
    """The seed graph with every case (and every valid template) planted, validated once."""
    base = reason.graph_from_quads(seed_quads(seed_build))
    c = Ctx(base.store)
    tmpl = templates(c)
    extra = []
    for kind, props in tmpl.items():
        extra += node_quads(f"kgid:test-valid-{kind}", props)
    extra.append(ox.Quad(N(c.company), N("kg:visited"), N("kgid:test-place"), ox.DefaultGraph()))
    extra += node_quads("kgid:test-place", [("a", "kg:City"), ("rdfs:label", lit("Testville", lang="en"))])
    for case_id, kind, how, *_ in CASES:
        extra += node_quads(f"kgid:test-{case_id}", _resolve(c, change(tmpl[kind], **how), f"kgid:test-{case_id}"))
    data = reason.graph_from_quads(seed_quads(seed_build) + extra)
    problems, n_shapes = validate.validate_shapes(data)
    return data, problems, n_shapes


def test_seed_graph_conforms(seed_build):
    report = validate.check_graph(reason.graph_from_quads(seed_quads(seed_build)), mode="fast")
    assert report.violations == [], validate.format_report(report)
    assert report.conforms and report.exit_code == 0


def test_the_build_reads_its_graph_for_the_check_from_its_nquads_file(seed_build, tmp_path):
    """The check in a build loads the store from the N-Quads file the build wrote and makes Python
    terms of the default graph only: the same store and asserted triples, in the same order, as
    from the quads in memory, and the same report."""
    quads = seed_quads(seed_build)
    path = tmp_path / "graph.nq"
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    from_file = reason.graph_from_nquads(path)
    in_memory = reason.graph_from_quads(quads)
    assert from_file.asserted == in_memory.asserted and len(from_file.asserted) < len(quads)
    assert set(from_file.store) == set(in_memory.store)
    a, b = validate.check_graph(from_file, mode="fast"), validate.check_graph(in_memory, mode="fast")
    assert a.problems == b.problems and a.inferred_quads == b.inferred_quads and a.inferred_quads
    # told the default graph's size, the asserted triples are parsed when the shapes first read them
    lazy = reason.graph_from_nquads(path, len(in_memory.asserted))
    assert len(lazy.asserted) == len(in_memory.asserted) and lazy.asserted._quads is None
    c = validate.check_graph(lazy, mode="fast")
    assert list(lazy.asserted) == in_memory.asserted and c.problems == a.problems and c.triples == a.triples


def test_the_inferred_graph_appended_to_a_fresh_file_is_the_rewritten_one(seed_build, tmp_path):
    """A build appends the inferred graph to the graph.trig it has just written (without reading
    it back); the file is the same as when the graph is written in place of an earlier one."""
    quads = seed_quads(seed_build)
    report = validate.check_graph(reason.graph_from_quads(quads), mode="fast")
    trig = ox.serialize([q for q in quads if q.graph_name != ox.NamedNode(str(iris.INFERRED_GRAPH))],
                        format=ox.RdfFormat.TRIG)
    a, b = tmp_path / "a.trig", tmp_path / "b.trig"
    a.write_bytes(trig)
    b.write_bytes(trig)
    reason.append_inferred(a, report.inferred_quads, fresh=True)
    reason.append_inferred(b, report.inferred_quads)
    assert a.read_bytes() == b.read_bytes() and reason.INFERRED_MARKER.encode() in a.read_bytes()


def test_shapes_checked_in_a_second_process_give_the_same_report(planted, monkeypatch):
    """With --jobs, the build checks the shapes in a forked process while it reasons: the same
    problems (the planted ones included), in the same order."""
    from kg import runner

    data, problems, n_shapes = planted
    assert any(p.severity == "violation" for p in problems)
    forked = []
    real = runner.in_background
    monkeypatch.setattr(runner, "in_background", lambda work: forked.append(work) or real(work))
    assert validate.start_shapes(data, parallel=True)() == (problems, n_shapes)
    one = validate.check_graph(data, mode="fast")
    assert len(forked) == 1
    two = validate.check_graph(data, mode="fast", parallel=True)
    assert len(forked) == 2
    assert two.problems == one.problems and two.inferred_quads == one.inferred_quads


def test_valid_templates_raise_nothing(planted):
    _, problems, _ = planted
    flagged = [p for p in problems if p.node.startswith(ID + "test-valid")]
    assert flagged == [], flagged


@pytest.mark.parametrize("case_id,kind,how,severity,shape,words", CASES, ids=[c[0] for c in CASES])
def test_planted_violation_is_caught(planted, case_id, kind, how, severity, shape, words):
    _, problems, _ = planted
    node = ID + f"test-{case_id}"
    mine = [p for p in problems if p.node == node]
    hits = [p for p in mine if p.rule.startswith(f"kgsh:{shape} ") and words in p.message and p.severity == severity]
    assert hits, f"expected {severity} of kgsh:{shape} with '{words}', got: {[(p.severity, p.rule, p.message) for p in mine]}"


def test_every_shape_has_a_planted_case():
    from rdflib import RDF, URIRef

    shapes = validate.load_shapes()
    declared = {str(s).rsplit("#", 1)[1] for s in shapes.subjects(RDF.type, URIRef(SH + "NodeShape"))}
    assert declared - {c[4] for c in CASES} == set()


def test_class_wide_constraints_agree_with_pyshacl(planted):
    """kg runs the class-wide SPARQL constraints on pyoxigraph; pyshacl must find the same nodes."""
    import pyshacl
    import rdflib

    data, problems, _ = planted
    shapes = validate.load_shapes()
    wide = {reason.short(str(c.shape)) for c in validate.class_wide_checks(shapes)}
    ours = {(p.rule.split(" ")[0], p.node) for p in problems if p.rule.split(" ")[0] in wide}
    # (validate_shapes gives full IRIs; evidence is added, and names shortened, later)
    g = rdflib.Graph()
    g.parse(data=ox.serialize(data.asserted, format=ox.RdfFormat.N_TRIPLES), format="nt")
    _, results, _ = pyshacl.validate(g, shacl_graph=shapes, inference="none", allow_warnings=True)
    theirs = set()
    for p in validate.shacl_problems(results, shapes):
        if p.rule.split(" ")[0] in wide:
            theirs.add((p.rule.split(" ")[0], p.node))
    assert ours and ours == theirs


def test_node_and_property_shapes_agree_with_pyshacl(planted, seed_build):
    """kg.shacl checks the node and property shapes; pyshacl, the reference, must give the same
    results, one for one, on the seed graph with a violation of every shape planted, and on the
    seed graph alone."""
    from collections import Counter

    data, problems, _ = planted
    shapes = validate.load_shapes()
    wide = {reason.short(str(c.shape)) for c in validate.class_wide_checks(shapes)}
    key = lambda p: (p.group, p.rule, p.severity, p.node, p.message)  # noqa: E731
    ours = Counter(key(p) for p in problems if p.rule.split(" ")[0] not in wide)
    theirs = Counter(key(p) for p in validate.pyshacl_problems(data, shapes))
    # one known difference: a gYear against a date bound cannot be compared (SPARQL's order, which
    # SHACL's sh:minInclusive/sh:maxInclusive use); rdflib compares them one way round but not the other
    apart = {k for k in ours if k[3].endswith("test-period-start-not-a-date") and "Inclusive" in k[1]}
    assert len(apart) == 2 and len({k for k in theirs if k in apart}) == 1
    assert len(ours) > 30 and ours - Counter(apart) == theirs - Counter(apart)
    seed = reason.graph_from_quads(seed_quads(seed_build))
    assert validate.pyshacl_problems(seed, shapes) == [p for p in validate.validate_shapes(seed)[0]
                                                       if p.rule.split(" ")[0] not in wide]


def test_a_constraint_kg_does_not_know_is_an_error():
    import rdflib

    shapes = validate.load_shapes()
    extra = rdflib.Graph()
    extra.parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kg: <https://w3id.org/kg/ontology#> .
        kg:S a sh:NodeShape ; sh:targetClass kg:Person ; sh:property [ sh:path kg:x ; sh:pattern "^a" ] .""",
                format="turtle")
    from kg.errors import CheckError

    with pytest.raises(CheckError, match="does not know 'pattern'"):
        validate.validate_shapes(reason.graph_from_quads([]), shapes + extra)


# ----------------------------------------------------------------------------- reasoning problems in the report
def _with_person_type(seed_build):
    base = reason.graph_from_quads(seed_quads(seed_build))
    rows = reason._select(base.store, f"""SELECT ?p ?f WHERE {{ ?f <{RDF}predicate> <{KG}develops> ; <{RDF}object> ?p ;
                                          <{KG}hasEvidence> ?e }} ORDER BY ?p LIMIT 1""")
    if not rows:
        pytest.skip("the seed graph has no kg:develops fact")
    product = rows[0]["p"]
    quads = seed_quads(seed_build) + node_quads(product, [("a", "kg:Person")])
    return product, rows[0]["f"], reason.graph_from_quads(quads)


def test_disjointness_problem_names_facts_axiom_and_evidence(seed_build):
    product, fact, data = _with_person_type(seed_build)
    report = validate.check_graph(data, mode="fast")
    assert not report.conforms and report.exit_code == 1
    problem = next(p for p in report.problems if p.group == "disjoint classes" and p.node == reason.short(product))
    assert "kg:Person" in problem.rule and "kg:Product" in problem.rule
    texts = {s.text: s for s in problem.statements}
    assert f"{reason.short(product)} a kg:Person" in texts
    develops = next(s for s in problem.statements if "kg:develops" in s.text)
    assert develops.why == "rdfs:range of kg:develops"
    quotes = {validate._lex(r["q"]) for r in reason._select(
        data.store, f"SELECT ?q WHERE {{ <{fact}> <{KG}hasEvidence>/<{KG}quote> ?q }}")}
    assert {e.quote for e in develops.evidence} == quotes and all(e.doc_id and e.start is not None for e in develops.evidence)
    text = validate.format_report(report)
    assert "VIOLATION: disjoint classes" in text and "rule: AllDisjointClasses(" in text
    assert next(iter(quotes))[:20] in text
    assert validate.summary_line(report).startswith("check: does not conform (")


def test_summary_line_counts():
    report = validate.CheckReport(graph="g", mode="fast", inferred=[1, 2, 3])
    assert validate.summary_line(report) == "check: conforms (0 violations, 3 inferred triples)"


# ----------------------------------------------------------------------------- command line
def kg(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.fixture()
def trig(seed_dir, tmp_path) -> Path:
    path = tmp_path / "graph.trig"
    shutil.copy(seed_dir / "graph.trig", path)
    return path


def test_cli_check_conforms_and_writes_the_inferred_graph(trig):
    before = {q for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)}
    r = kg("check", "--fast", "--graph", str(trig))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "check: conforms (0 violations" in r.stdout and "inferred graph written to" in r.stdout
    after = list(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
    g = ox.NamedNode(str(iris.INFERRED_GRAPH))
    assert {q for q in after if q.graph_name != g} == before
    assert any(q.graph_name == g for q in after)
    written = trig.read_bytes()
    assert kg("check", "--fast", "--graph", str(trig)).returncode == 0
    assert trig.read_bytes() == written  # a second check rewrites the same inferred graph


def test_cli_check_reports_violations_with_exit_1(trig, seed_build):
    product, _, _ = _with_person_type(seed_build)
    with open(trig, "a", encoding="utf-8") as fh:
        fh.write(f"<{product}> a <{KG}Person> .\n")
    r = kg("check", "--fast", "--graph", str(trig))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "VIOLATION: disjoint classes" in r.stdout and reason.short(product) in r.stdout
    assert "check: does not conform" in r.stdout


def test_cli_no_reasoner_leaves_the_file_alone(trig):
    written = trig.read_bytes()
    r = kg("check", "--no-reasoner", "--graph", str(trig))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "reasoning: skipped" in r.stdout
    assert trig.read_bytes() == written


@pytest.mark.parametrize("args,words", [
    (["--graph", "nowhere/graph.trig"], "graph file not found"),
    (["--fast", "--no-reasoner"], "exclude each other"),
])
def test_cli_check_could_not_run_exits_2(tmp_path, args, words):
    r = kg("check", *args, cwd=tmp_path)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and words in lines[0]


@pytest.mark.java
def test_cli_check_with_pellet_explains_the_inconsistency(trig, seed_build):
    product, _, _ = _with_person_type(seed_build)
    with open(trig, "a", encoding="utf-8") as fh:
        fh.write(f"<{product}> a <{KG}Person> .\n")
    r = kg("check", "--graph", str(trig))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Pellet (owlready2): INCONSISTENT" in r.stdout and "reasoner's explanation:" in r.stdout
    assert "VIOLATION: disjoint classes" in r.stdout


def test_build_prints_the_check_line(tmp_path):
    r = kg("build", "--no-html", "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    last = r.stdout.strip().splitlines()[-1]
    assert last.startswith("check: conforms (0 violations, ") and "inferred triples" in last
    trig = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")
    assert reason.INFERRED_MARKER in trig


def test_strict_build_keeps_the_previous_output(seed_build, tmp_path):
    from kg import graph, pipeline
    from kg.errors import CheckViolations

    out = tmp_path / "build"
    pipeline.write(seed_build, out)
    previous = (out / "graph.trig").read_bytes()
    product, _, _ = _with_person_type(seed_build)
    bad = graph.GraphOutput({k: set(v) for k, v in seed_build.output.lines.items()}, dict(seed_build.output.stats))
    bad.add_quads(node_quads(product, [("a", "kg:Person")]))
    result = pipeline.BuildResult(seed_build.resolved, bad)
    checker = validate.BuildCheck(strict=True)
    with pytest.raises(CheckViolations):
        pipeline.write(result, out, [checker])
    assert (out / "graph.trig").read_bytes() == previous
    assert checker.report is not None and not checker.report.conforms
    lenient = validate.BuildCheck(strict=False)
    pipeline.write(pipeline.BuildResult(seed_build.resolved, bad), out, [lenient])
    assert lenient.summary().startswith("check: does not conform (")
