"""`kg docs`: the ontology page lists every term with its labels, comments, domains and ranges."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from kg import docs, resources
from kg.cli import main
from kg.iris import KG_NS


class _Sections(HTMLParser):
    """id -> text of each <section class="term">, and every src/href seen."""

    def __init__(self):
        super().__init__()
        self.sections, self.current, self.links = {}, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("class") == "term":
            self.current = attrs["id"]
            self.sections[self.current] = ""
        for key in ("src", "href"):
            if key in attrs:
                self.links.append(attrs[key])

    def handle_endtag(self, tag):
        if tag == "section":
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.sections[self.current] += data


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("docs") / "ontology.html"
    result = CliRunner().invoke(main, ["docs", "--out", str(out)])
    assert result.exit_code == 0, result.output
    parser = _Sections()
    parser.feed(out.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def ontology():
    import rdflib

    return rdflib.Graph().parse(resources.ontology_path(), format="turtle")


def test_every_term_has_an_entry(page, ontology):
    import rdflib

    declared = {str(s)[len(KG_NS):] for s in ontology.subjects() if isinstance(s, rdflib.URIRef)
                and str(s).startswith(KG_NS) and str(s) != KG_NS}
    assert len(declared) > 150
    assert set(page.sections) == declared


def test_entries_carry_labels_comments_domains_and_ranges(page, ontology):
    import rdflib

    RDFS = rdflib.RDFS
    for s in ontology.subjects(rdflib.RDF.type, None):
        if not (isinstance(s, rdflib.URIRef) and str(s).startswith(KG_NS)):
            continue
        text = page.sections[str(s)[len(KG_NS):]]
        for label in ontology.objects(s, RDFS.label):
            assert str(label) in text, (s, label)
        for comment in ontology.objects(s, RDFS.comment):
            assert str(comment) in text, (s, comment)
        for p, word in ((RDFS.domain, "domain"), (RDFS.range, "range")):
            for o in ontology.objects(s, p):
                assert word in text, (s, word)
                if isinstance(o, rdflib.URIRef) and str(o).startswith(KG_NS):
                    assert "kg:" + str(o)[len(KG_NS):] in text.split(word, 1)[1], (s, word, o)
    company = page.sections["Company"]
    assert "公司" in company and "schema:Corporation" in company  # both languages, and the alignment


def test_the_page_is_offline(page):
    assert all(link.startswith("#") for link in page.links)


def test_ontology_text_is_escaped(tmp_path):
    onto = tmp_path / "o.ttl"
    onto.write_text(f"""@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{KG_NS}Thing> a owl:Class ; rdfs:label "thing <script>alert(1)</script>"@en ;
  rdfs:comment "a & b <img src=x onerror=alert(1)>"@en .""", encoding="utf-8")
    text = docs.render(onto)
    assert "<script>" not in text and "<img" not in text
    assert html.escape("thing <script>alert(1)</script>") in text and "a &amp; b" in text
    assert re.search(r'<section class="term" id="Thing">', text)
