"""Checks on ontology/kg.ttl: it parses, names every term of the design spec, and documents each term."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"
KG = Namespace("https://w3id.org/kg/ontology#")
ONTOLOGY_IRI = URIRef("https://w3id.org/kg/ontology")

# Every term named in spec/DESIGN.md (plus the brief's extra ones), by the kind it must be declared as.
EXPECTED = {
    OWL.Class: """
        Organisation Company ResearchFirm Museum Association InternalBody RetailChannel Person
        Product Smartphone Chipset ProductSeries Platform Place Country Region City Market Award Role
        Fact RelationFact QuantitativeStatement MarketPosition Goal Period Document Sentence Evidence
        ExtractionRule Conflict SentenceAlignment Metric Unit BoundKind SupportStatus
    """,
    OWL.ObjectProperty: """
        develops developedBy releases releasedBy partOfSeries hasSeriesMember heldBy holds
        holdsRoleIn chairOf viceChairOf founderOf ceoOf memberOf wonAward awardedTo awardedBy
        country locatedIn inRegion marketArea hasGrowthMarket representativeOf visited
        subOrganizationOf hasSubOrganization
        statementSubject metric unit bound period scope reportedBy thresholdUnit deadline setIn
        achievedIn supportStatus hasEvidence reportsOn inDocument inSentence extractedBy
        conflictingFact preferredFact alignedSentence
    """,
    OWL.DatatypeProperty: """
        value threshold rank count goalText confidence inferred year quarter month startDate endDate
        periodQualifier sourceFile sentenceIndex charStart charEnd text quote differsIn policy
        alignmentScore pattern
    """,
    OWL.NamedIndividual: "",  # filled from INDIVIDUALS below
}
# Individuals of spec/DESIGN.md, by the class each belongs to.
INDIVIDUALS = {
    "Metric": """
        Revenue SalesGrowthYoY ShipmentGrowth MarketChange MarketShare PatentApplications
        PatentsGranted Employees CountriesEntered CountriesTop5Sales YearsToRevenueMilestone
        ProductsAwarded Shipments Profit Users Stores Cofounders
    """,
    "Unit": "CNY USD Percent Count Years Quarters",
    "BoundKind": "Exact LowerBound UpperBound Approximate",
    "SupportStatus": "Corroborated SingleSource",
}
INDIVIDUAL_CLASS = {name: cls for cls, names in INDIVIDUALS.items() for name in names.split()}
EXPECTED[OWL.NamedIndividual] = " ".join(INDIVIDUAL_CLASS)
EXPECTED_TERMS = {kind: names.split() for kind, names in EXPECTED.items()}
ALL_EXPECTED = [(kind, name) for kind, names in EXPECTED_TERMS.items() for name in names]

FUNCTIONAL = "country marketArea value rank year quarter month charStart charEnd inDocument".split()

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def declared_terms(graph: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)
    return {s for kind in kinds for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef) and s.startswith(KG)}


def test_parses_with_rdflib_and_has_ontology_node(graph: Graph) -> None:
    assert len(graph) > 0
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph


@pytest.mark.parametrize("kind,name", ALL_EXPECTED, ids=[n for _, n in ALL_EXPECTED])
def test_spec_term_is_declared(graph: Graph, kind: URIRef, name: str) -> None:
    assert (KG[name], RDF.type, kind) in graph, f"kg:{name} is not declared as {graph.qname(kind)}"


def test_no_undeclared_kg_term_is_used(graph: Graph) -> None:
    used = {t for triple in graph for t in triple if isinstance(t, URIRef) and t.startswith(KG)}
    assert used - declared_terms(graph) == set()


def test_every_term_has_en_and_zh_label_and_en_comment(graph: Graph) -> None:
    problems = []
    for term in sorted(declared_terms(graph)):
        labels = list(graph.objects(term, RDFS.label))
        en = [lab for lab in labels if isinstance(lab, Literal) and lab.language == "en"]
        zh = [lab for lab in labels if isinstance(lab, Literal) and lab.language == "zh"]
        comments = [c for c in graph.objects(term, RDFS.comment) if isinstance(c, Literal) and c.language == "en"]
        if len(en) != 1:
            problems.append(f"{term}: {len(en)} @en labels")
        if len(zh) != 1 or not CJK.search(str(zh[0])):
            problems.append(f"{term}: needs exactly one Chinese @zh label, has {zh}")
        if len(comments) != 1 or "\n" in str(comments[0]):
            problems.append(f"{term}: needs exactly one one-line @en comment")
    assert problems == []


def test_every_object_property_has_domain_and_range(graph: Graph) -> None:
    missing = [
        str(p)
        for p in graph.subjects(RDF.type, OWL.ObjectProperty)
        if str(p).startswith(str(KG))
        and (graph.value(p, RDFS.domain) is None or graph.value(p, RDFS.range) is None)
    ]
    assert missing == []


def test_every_datatype_property_has_range(graph: Graph) -> None:
    missing = [
        str(p)
        for p in graph.subjects(RDF.type, OWL.DatatypeProperty)
        if str(p).startswith(str(KG)) and graph.value(p, RDFS.range) is None
    ]
    assert missing == []


@pytest.mark.parametrize("name,cls", sorted(INDIVIDUAL_CLASS.items()))
def test_individual_has_its_class(graph: Graph, name: str, cls: str) -> None:
    assert (KG[name], RDF.type, KG[cls]) in graph


@pytest.mark.parametrize("name", FUNCTIONAL)
def test_functional_properties(graph: Graph, name: str) -> None:
    assert (KG[name], RDF.type, OWL.FunctionalProperty) in graph


def test_held_by_chain(graph: Graph) -> None:
    chain = graph.value(KG.heldBy, OWL.propertyChainAxiom)
    assert chain is not None
    assert list(Collection(graph, chain)) == [KG.partOfSeries, KG.heldBy]


def test_loads_with_owlready2_via_rdfxml(graph: Graph, tmp_path: Path) -> None:
    owlready2 = pytest.importorskip("owlready2")
    rdfxml = tmp_path / "kg.owl"
    graph.serialize(rdfxml, format="xml")
    world = owlready2.World()
    onto = world.get_ontology(rdfxml.as_uri()).load()
    kg = world.get_namespace(str(KG))
    assert kg.Company is not None and kg.Organisation in kg.Company.is_a
    assert kg.heldBy is not None and kg.Revenue is not None
    assert len(list(onto.classes())) >= len(EXPECTED_TERMS[OWL.Class])
