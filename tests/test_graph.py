"""RDF encoding: compared as graphs (rdflib.compare), terms only from the ontology."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg import graph, iris
from kg.errors import OntologyError
from kg.types import Document, Evidence, Fact, PeriodRef, Resolved, Sentence, EntityInfo

EXPECTED = Path(__file__).parent / "expected"


def small() -> Resolved:
    text = "去年初，小米发布了澎湃S1。"
    doc = Document("d1", "d1.txt", "zh", text, date=dt.date(2018, 2, 7), published=dt.date(2018, 2, 7))
    ev = Evidence("d1", 0, 4, 13, text[4:13], "release", 0.9)
    period = PeriodRef(2017, qualifier="early")
    facts = (
        Fact("relation", "xiaomi", "releases", "surge-s1", (("period", period),), (ev,)),
        Fact("quantity", "xiaomi", "Employees", "", tuple(sorted({"value": Decimal("18000"), "unit": "Count",
             "bound": "LowerBound", "period": PeriodRef(2018, None, 2, 7, "asof")}.items())), (ev,)),
    )
    entities = (EntityInfo("surge-s1", "Chipset", (("en", "Surge S1"), ("zh", "澎湃S1"))),
                EntityInfo("xiaomi", "Company", (("en", "Xiaomi"), ("zh", "小米")), (("en", "millet"),)))
    return Resolved((doc,), (Sentence("d1", 0, 0, len(text), text),), entities, facts, (("xiaomi", "d1"),))


def as_rdflib(quads, default_only=True) -> rdflib.Graph:
    import pyoxigraph as ox

    g = rdflib.Graph()
    data = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads
                         if not default_only or isinstance(q.graph_name, ox.DefaultGraph)], format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=data.decode(), format="nt")
    return g


def test_small_graph_matches_expected_turtle():
    got = as_rdflib(graph.build_graph(small()).quads)
    expected = rdflib.Graph().parse(EXPECTED / "small.ttl", format="turtle")
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail("graphs differ\nonly in output:\n" + only_got.serialize(format="nt")
                    + "\nonly expected:\n" + only_expected.serialize(format="nt"))


def test_per_document_graph_holds_what_the_document_supports():
    import pyoxigraph as ox

    quads = graph.build_graph(small()).quads
    named = {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert named == {ox.NamedNode(str(iris.doc_graph("d1")))}
    in_doc = {(q.subject, q.predicate, q.object) for q in quads if q.graph_name in named}
    direct = (ox.NamedNode(str(iris.entity("xiaomi"))), ox.NamedNode(iris.KG_NS + "releases"), ox.NamedNode(str(iris.entity("surge-s1"))))
    assert direct in in_doc


def test_unknown_ontology_term_fails_loudly():
    with pytest.raises(OntologyError, match="declares no term kg:relesaes"):
        iris.vocab()["relesaes"]


def test_iris_are_stable_and_distinct():
    assert iris.evidence("d", 1, 2, "r", 0.9) == iris.evidence("d", 1, 2, "r", 0.9)
    assert iris.evidence("d", 1, 2, "r", 0.9) != iris.evidence("d", 1, 3, "r", 0.9)
    assert iris.evidence("d", 1, 2, "r", 0.9) != iris.evidence("d", 1, 2, "r", 0.765)
    assert iris.new_entity_id("深圳设计博物馆") == iris.new_entity_id("深圳设计博物馆")
    assert iris.new_entity_id("Acme Museum") == "x-acme-museum"


@pytest.mark.parametrize("spill_at", [7, 1000])
def test_lines_spilled_to_sorted_runs_give_the_same_bytes(seed_build, monkeypatch, spill_at):
    """A large graph's lines go to sorted runs on disk as it is built (so a long document's graph
    is not held in memory whole); merged back they are the same N-Quads, byte for byte, as the
    graph held in memory, default graph alone too, with quads added after the build."""
    import pyoxigraph as ox

    whole = graph.build_graph(seed_build.resolved)
    monkeypatch.setattr(graph, "SPILL_LINES", spill_at)
    spilled = graph.build_graph(seed_build.resolved)
    assert len(spilled.runs) > 1
    assert sum(len(v) for v in spilled.lines.values()) < sum(len(v) for v in whole.lines.values())
    extra = [ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"), ox.Literal("x")),
             ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"), ox.Literal("y"),
                     ox.NamedNode(str(iris.CANDIDATES_GRAPH)))]
    whole.add_quads(extra)
    runs = len(spilled.runs)
    spilled.add_quads(extra * spill_at)  # quads added later spill too (repeats are one line)
    assert len(spilled.runs) > runs
    assert spilled.nquads() == whole.nquads()
    assert spilled.default_ntriples() == whole.default_ntriples()
    import io

    nq, nt = io.BytesIO(), io.BytesIO()
    spilled.write_nquads(nq, default_out=nt)  # one pass, both files
    assert nq.getvalue() == whole.nquads() and nt.getvalue() == whole.default_ntriples()
    assert len(spilled.quads) == len(whole.quads)
