"""Links to Wikidata: reviewed ids in the lexicon become owl:sameAs in the build."""
from __future__ import annotations

import pytest

from kg import lexicon, resources
from kg.errors import DataFileError
from kg.iris import ID_NS

OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
WD = "http://www.wikidata.org/entity/"


def test_build_links_every_reviewed_entity_it_holds(seed_graph):
    import rdflib

    lex = lexicon.load()
    links = {(str(s), str(o)) for s, o in seed_graph.subject_objects(rdflib.URIRef(OWL_SAME_AS))}
    in_graph = {str(s) for s in seed_graph.subjects(rdflib.RDF.type, None)}
    expected = {(ID_NS + e.entity_id, WD + e.wikidata) for e in lex.entities.values()
                if e.wikidata and ID_NS + e.entity_id in in_graph}
    assert (ID_NS + "xiaomi", WD + "Q1636958") in expected
    assert links == expected


def test_wikidata_ids_are_unique_per_entity():
    ids = [e.wikidata for e in lexicon.load().entities.values() if e.wikidata]
    assert len(ids) >= 100 and len(ids) == len(set(ids))


@pytest.mark.parametrize("value", ["1636958", "Q0123", "q12", 1636958])
def test_a_malformed_wikidata_id_names_the_entry(value, tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text(f"version: 1\nentities:\n  - id: acme\n    class: Company\n    en: Acme\n    zh: 顶点\n"
                    f"    wikidata: {value!r}\n" if isinstance(value, str) else
                    f"version: 1\nentities:\n  - id: acme\n    class: Company\n    en: Acme\n    wikidata: {value}\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=r"entity 'acme': (?:wikidata should be a Wikidata item id|'wikidata' should be text)"):
        lexicon.load(path)


def test_the_federated_example_is_valid_sparql_outside_the_library():
    from rdflib.plugins.sparql import prepareQuery

    from kg import query as q

    path = resources.queries_dir() / "federated" / "wikidata-countries.rq"
    text = path.read_text(encoding="utf-8")
    prepareQuery(text)  # parses (SERVICE included) without running anything
    assert "SERVICE <https://query.wikidata.org/sparql>" in text and "owl:sameAs" in text
    assert "wikidata-countries" not in {s.name for s in q.library()}  # never run by kg's tests
