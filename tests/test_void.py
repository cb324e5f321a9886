"""`kg build` writes build/void.ttl: the dataset's VoID, whose counts are the build's."""
from __future__ import annotations

from collections import Counter

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.iris import ID_NS

VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("void") / "build"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--no-html"])
    assert result.exit_code == 0, result.output
    assert f"{out}/void.ttl" in result.output
    return out


@pytest.fixture(scope="module")
def described(build):
    import rdflib

    return rdflib.Graph().parse(build / "void.ttl", format="turtle")


@pytest.fixture(scope="module")
def quads(build):
    """The build's quads read by rdflib (an independent parser): (s, p, o, graph or None)."""
    import rdflib

    ds = rdflib.Dataset()
    ds.parse(build / "graph.trig", format="trig")
    out = []
    for s, p, o, g in ds.quads():
        name = None if g is None or g == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else str(g)
        out.append((s, p, o, name))
    return out


def _value(g, s, p) -> int:
    import rdflib

    values = list(g.objects(s, rdflib.URIRef(VOID + p)))
    assert len(values) == 1, (s, p, values)
    return int(values[0])


def test_void_counts_match_the_build(described, quads):
    import rdflib

    ds = rdflib.URIRef(ID_NS + "dataset")
    assert (ds, rdflib.RDF.type, rdflib.URIRef(VOID + "Dataset")) in described
    assert _value(described, ds, "triples") == len(quads)
    per_graph = Counter(g for *_, g in quads)
    subsets = {}
    for sub in described.objects(ds, rdflib.URIRef(VOID + "subset")):
        name = described.value(sub, rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#name"))
        subsets[None if name is None else str(name)] = _value(described, sub, "triples")
    assert subsets == dict(per_graph)
    assert ID_NS + "graph/inferred" in subsets  # counted after the check wrote the inferred graph


def test_void_partitions_match_the_build(described, quads):
    import rdflib

    ds = rdflib.URIRef(ID_NS + "dataset")
    classes = {}
    for part in described.objects(ds, rdflib.URIRef(VOID + "classPartition")):
        classes[str(described.value(part, rdflib.URIRef(VOID + "class")))] = _value(described, part, "entities")
    instances: dict = {}
    for s, p, o, _ in quads:
        if str(p) == RDF_TYPE and isinstance(o, rdflib.URIRef):
            instances.setdefault(str(o), set()).add(s)
    assert classes == {c: len(members) for c, members in instances.items()}
    assert classes["https://w3id.org/kg/ontology#Company"] > 0
    props = {}
    for part in described.objects(ds, rdflib.URIRef(VOID + "propertyPartition")):
        props[str(described.value(part, rdflib.URIRef(VOID + "property")))] = _value(described, part, "triples")
    assert props == dict(Counter(str(p) for _, p, _, _ in quads))
    assert _value(described, ds, "classes") == len(classes) and _value(described, ds, "properties") == len(props)


def test_void_is_valid_rdf_with_known_terms(described):
    """Every void: term used is one the VoID vocabulary defines."""
    known = {"Dataset", "triples", "distinctSubjects", "classes", "properties", "subset", "classPartition", "class",
             "entities", "propertyPartition", "property", "vocabulary", "uriSpace", "feature", "sparqlEndpoint",
             "dataDump"}
    used = {str(t)[len(VOID):] for triple in described for t in triple if str(t).startswith(VOID)}
    assert used and used <= known, used - known


def test_void_is_byte_identical_run_after_run(build, tmp_path):
    from kg import void

    copy = tmp_path / "b"
    copy.mkdir()
    (copy / "graph.trig").write_bytes((build / "graph.trig").read_bytes())
    void.write_void(None, copy)
    assert (copy / "void.ttl").read_bytes() == (build / "void.ttl").read_bytes()


def test_streamed_counts_equal_the_store_counts(build, tmp_path):
    """void.ttl reads its figures from graph.trig as a stream (no store of the whole build in
    memory); they are the figures SPARQL over a store gives (what kg serve describes), also as N-Quads."""
    import pyoxigraph as ox

    from kg import void

    store = ox.Store()
    store.bulk_load(path=str(build / "graph.trig"), format=ox.RdfFormat.TRIG)
    expected = void.counts(store)
    assert void.file_counts(build / "graph.trig") == expected
    nq = tmp_path / "graph.nq"
    nq.write_bytes(ox.serialize(store, format=ox.RdfFormat.N_QUADS))
    assert void.file_counts(nq) == expected
    assert expected["subjects"] > 0 and expected["graphs"]


def test_counts_from_the_graph_lines_equal_counts_from_the_file(build):
    """The build counts its graph from the N-Triples lines it wrote graph.trig from; parsing the
    file gives the same figures."""
    import pyoxigraph as ox

    from kg.graph import GraphOutput
    from kg.void import file_counts, line_counts

    output = GraphOutput({}, {})
    output.add_quads(ox.parse(path=str(build / "graph.trig"), format=ox.RdfFormat.TRIG))
    from_lines = line_counts(output.sorted_lines())
    assert from_lines == file_counts(build / "graph.trig")
    assert from_lines["classes"] and from_lines["graphs"]


def test_distinct_subjects_and_members_are_counted_from_disk_beyond_a_limit(build, monkeypatch):
    """Past ``DISTINCT_HELD`` strings the counter writes sorted runs to temporary files and merges
    them when asked: the figures are those of a count held in memory."""
    import pyoxigraph as ox

    from kg import void
    from kg.graph import GraphOutput

    output = GraphOutput({}, {})
    output.add_quads(ox.parse(path=str(build / "graph.trig"), format=ox.RdfFormat.TRIG))
    held = void.line_counts(output.sorted_lines())
    monkeypatch.setattr(void, "DISTINCT_HELD", 7)
    counter = void.LineCounter()
    for key, lines in output.sorted_lines():
        for _ in counter.watch(key, lines):
            pass
    assert len(counter.subjects.runs) > 10 and len(counter.classes.runs) > 10
    assert counter.figures() == held
    assert held["subjects"] == len({line.split(" ", 1)[0] for _, lines in output.sorted_lines() for line in lines})


def test_counts_taken_while_writing_equal_a_count_afterwards(build):
    """The build counts its graph's lines in the pass that writes them (write_nquads with a
    counter); a graph added later is counted on its own, and a line added to a graph already
    counted drops the figures (they would no longer hold)."""
    import io

    import pyoxigraph as ox

    from kg.graph import GraphOutput
    from kg.void import LineCounter, line_counts

    quads = list(ox.parse(path=str(build / "graph.trig"), format=ox.RdfFormat.TRIG))
    late = ox.NamedNode("https://example.org/late-graph")
    output = GraphOutput({}, {})
    output.add_quads(quads)
    counter = LineCounter()
    output.write_nquads(io.BytesIO(), counter=counter)
    output.counted = counter
    assert counter.figures() == line_counts(output.sorted_lines())
    output.add_quads([ox.Quad(q.subject, q.predicate, q.object, late) for q in quads[:5]])
    assert output.counted is counter and output.added_keys == {str(late)}
    for key, lines in output.sorted_lines(keys=sorted(output.added_keys)):
        for _ in counter.watch(key, lines):
            pass
    assert counter.figures() == line_counts(output.sorted_lines())
    assert counter.figures()["graphs"][late.value] == 5
    output.add_quads([ox.Quad(quads[0].subject, quads[0].predicate, ox.Literal("new"))])  # the default graph
    assert output.counted is None
