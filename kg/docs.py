"""A human-readable page for the ontology (``kg docs``): every class, property and named
individual of ``ontology/kg.ttl`` with its labels in both languages, comments, super- and
sub-terms, domains, ranges, characteristics and alignments to other vocabularies.

One self-contained HTML file (inline CSS, no script, nothing loaded from elsewhere); every
text taken from the ontology is escaped.
"""
from __future__ import annotations

import html
from pathlib import Path

from .iris import KG_NS

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
KNOWN = {KG_NS: "kg", RDF: "rdf", RDFS: "rdfs", OWL: "owl", SKOS: "skos", "http://www.w3.org/2001/XMLSchema#": "xsd",
         "http://purl.org/dc/terms/": "dcterms", "https://schema.org/": "schema", "http://www.w3.org/ns/prov#": "prov",
         "http://xmlns.com/foaf/0.1/": "foaf", "http://www.w3.org/ns/org#": "org", "http://www.w3.org/2006/time#": "time",
         "http://dbpedia.org/ontology/": "dbo", "http://qudt.org/vocab/unit/": "unit", "http://qudt.org/vocab/currency/": "cur",
         "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#": "nif"}
SECTIONS = (("classes", "Classes", "类", OWL + "Class"),
            ("object-properties", "Object properties", "对象属性", OWL + "ObjectProperty"),
            ("datatype-properties", "Datatype properties", "数据属性", OWL + "DatatypeProperty"),
            ("annotation-properties", "Annotation properties", "注释属性", OWL + "AnnotationProperty"),
            ("individuals", "Named individuals", "命名个体", OWL + "NamedIndividual"),
            ("datatypes", "Datatypes", "数据类型", RDFS + "Datatype"))
CHARACTERISTICS = ("FunctionalProperty", "InverseFunctionalProperty", "TransitiveProperty", "SymmetricProperty",
                   "AsymmetricProperty", "ReflexiveProperty", "IrreflexiveProperty")
ALIGNMENTS = ((OWL + "equivalentClass", "equivalent class"), (OWL + "equivalentProperty", "equivalent property"),
              (SKOS + "exactMatch", "exact match"), (SKOS + "closeMatch", "close match"),
              (RDFS + "seeAlso", "see also"))


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def local(iri: str) -> str:
    return iri[len(KG_NS):]


class _Page:
    def __init__(self, graph):
        self.g = graph

    def objects(self, s, p):
        import rdflib

        return sorted(self.g.objects(s, rdflib.URIRef(p)), key=str)

    def subjects(self, p, o):
        import rdflib

        return sorted(self.g.subjects(rdflib.URIRef(p), o), key=str)

    def name(self, term) -> str:
        """A term as HTML: a link to its entry for kg terms, a prefixed name for others,
        a readable form for class expressions (unions, restrictions, enumerations)."""
        import rdflib
        from rdflib.collection import Collection

        if isinstance(term, rdflib.URIRef):
            iri = str(term)
            if iri.startswith(KG_NS):
                return f'<a href="#{_e(local(iri))}"><code>kg:{_e(local(iri))}</code></a>'
            for ns, prefix in sorted(KNOWN.items(), key=lambda kv: -len(kv[0])):
                if iri.startswith(ns) and iri[len(ns):]:
                    return f'<code title="{_e(iri)}">{prefix}:{_e(iri[len(ns):])}</code>'
            return f"<code>&lt;{_e(iri)}&gt;</code>"
        if isinstance(term, rdflib.Literal):
            return f"<code>{_e(term)}</code>"
        # a blank node: a class or datatype expression
        for p, word in ((OWL + "unionOf", " or "), (OWL + "intersectionOf", " and "), (OWL + "oneOf", ", ")):
            for lst in self.objects(term, p):
                items = [self.name(x) for x in Collection(self.g, lst)]
                text = word.join(items)
                return f"{{{text}}}" if p == OWL + "oneOf" else f"({text})"
        prop = self.objects(term, OWL + "onProperty")
        if prop:
            for p, word in ((OWL + "someValuesFrom", "some"), (OWL + "allValuesFrom", "only"), (OWL + "hasValue", "value")):
                for v in self.objects(term, p):
                    return f"({self.name(prop[0])} {word} {self.name(v)})"
            for p, word in ((OWL + "minQualifiedCardinality", "min"), (OWL + "maxQualifiedCardinality", "max"),
                            (OWL + "qualifiedCardinality", "exactly"), (OWL + "minCardinality", "min"),
                            (OWL + "maxCardinality", "max"), (OWL + "cardinality", "exactly")):
                for v in self.objects(term, p):
                    on = self.objects(term, OWL + "onClass")
                    return f"({self.name(prop[0])} {word} {_e(v)}" + (f" {self.name(on[0])}" if on else "") + ")"
        base = self.objects(term, OWL + "onDatatype")
        if base:
            facets = []
            for lst in self.objects(term, OWL + "withRestrictions"):
                for facet in Collection(self.g, lst):
                    facets += [f"{self.name(p)} {_e(v)}" for p, v in sorted(self.g.predicate_objects(facet))]
            return f"{self.name(base[0])}[{', '.join(facets)}]"
        return "<em>(anonymous)</em>"

    def texts(self, s, p) -> list[tuple[str, str]]:
        return sorted(((o.language or "", str(o)) for o in self.objects(s, p)), key=lambda x: (x[0] != "en", x))

    def row(self, key: str, values: list[str]) -> str:
        return f"<tr><th>{key}</th><td>{', '.join(values)}</td></tr>" if values else ""

    def entry(self, term, kind: str) -> str:
        import rdflib
        from rdflib.collection import Collection

        name = local(str(term))
        labels = self.texts(term, RDFS + "label")
        head = " · ".join(f'<span lang="{_e(lang or "und")}">{_e(text)}</span>' for lang, text in labels)
        out = [f'<section class="term" id="{_e(name)}"><h3>kg:{_e(name)} <small>{head}</small></h3>',
               f'<p class="iri"><code>{_e(str(term))}</code></p>']
        for lang, text in self.texts(term, RDFS + "comment"):
            out.append(f'<p lang="{_e(lang or "und")}">{_e(text)}</p>')
        rows = []
        types = [t for t in self.objects(term, RDF + "type") if str(t) != OWL + "NamedIndividual"]
        if kind == "individuals":
            rows.append(self.row("type", [self.name(t) for t in types]))
        if kind in ("classes", "datatypes"):
            supers = self.objects(term, RDFS + "subClassOf")
            rows.append(self.row("subclass of", [self.name(x) for x in supers
                                                 if not isinstance(x, rdflib.URIRef) or str(x).startswith(KG_NS)]))
            rows.append(self.row("superclass of", [self.name(x) for x in self.subjects(RDFS + "subClassOf", term)]))
            for axiom in self.objects(term, OWL + "equivalentClass"):
                if isinstance(axiom, rdflib.BNode):
                    rows.append(self.row("defined as", [self.name(axiom)]))
            rows.append(self.row("instances (named)", [self.name(x) for x in self.subjects(RDF + "type", term)]))
            disjoint = set()
            for group in self.subjects(RDF + "type", rdflib.URIRef(OWL + "AllDisjointClasses")):
                for lst in self.objects(group, OWL + "members"):
                    members = list(Collection(self.g, lst))
                    if term in members:
                        disjoint |= {m for m in members if m != term}
            rows.append(self.row("disjoint with", [self.name(x) for x in sorted(disjoint, key=str)]))
        if kind.endswith("properties"):
            rows.append(self.row("domain", [self.name(x) for x in self.objects(term, RDFS + "domain")]))
            rows.append(self.row("range", [self.name(x) for x in self.objects(term, RDFS + "range")]))
            rows.append(self.row("subproperty of", [self.name(x) for x in self.objects(term, RDFS + "subPropertyOf")]))
            rows.append(self.row("superproperty of", [self.name(x) for x in self.subjects(RDFS + "subPropertyOf", term)]))
            inverse = self.objects(term, OWL + "inverseOf") + self.subjects(OWL + "inverseOf", term)
            rows.append(self.row("inverse of", [self.name(x) for x in inverse]))
            rows.append(self.row("characteristics", [self.name(t) for t in types if str(t)[len(OWL):] in CHARACTERISTICS]))
            for lst in self.objects(term, OWL + "propertyChainAxiom"):
                chain = " ∘ ".join(self.name(x) for x in Collection(self.g, lst))
                rows.append(self.row("property chain", [chain]))
        external = [x for x in self.objects(term, RDFS + "subClassOf") + self.objects(term, RDFS + "subPropertyOf")
                    if isinstance(x, rdflib.URIRef) and not str(x).startswith(KG_NS)]
        rows.append(self.row("aligned to", [self.name(x) for x in external]))
        for p, label in ALIGNMENTS:
            rows.append(self.row(label, [self.name(x) for x in self.objects(term, p)
                                         if not (p == OWL + "equivalentClass" and isinstance(x, rdflib.BNode))]))
        rows = [r for r in rows if r]
        if rows:
            out.append('<table>' + "".join(rows) + "</table>")
        out.append("</section>")
        return "\n".join(out)


def terms(graph) -> dict[str, list]:
    """The kg terms of each section, sorted by local name (a term is listed once, in its first section)."""
    import rdflib

    seen, out = set(), {}
    for key, _, _, cls in SECTIONS:
        found = [s for s in graph.subjects(rdflib.RDF.type, rdflib.URIRef(cls))
                 if isinstance(s, rdflib.URIRef) and str(s).startswith(KG_NS) and s not in seen]
        out[key] = sorted(set(found), key=lambda s: local(str(s)).lower())
        seen |= set(found)
    return out


def render(ontology: Path | None = None) -> str:
    """The HTML page of the ontology."""
    import rdflib

    from . import resources

    graph = rdflib.Graph().parse(ontology or resources.ontology_path(), format="turtle")
    page = _Page(graph)
    onto = rdflib.URIRef(KG_NS.rstrip("#"))
    title = " · ".join(text for _, text in page.texts(onto, RDFS + "label")) or "kg ontology"
    version = ", ".join(str(v) for v in page.objects(onto, OWL + "versionInfo"))
    sections = terms(graph)
    toc, body = [], []
    for key, en, zh, _ in SECTIONS:
        if not sections[key]:
            continue
        toc.append(f'<li><a href="#{key}">{en} · {zh}</a> ({len(sections[key])}): '
                   + " ".join(f'<a href="#{_e(local(str(t)))}">{_e(local(str(t)))}</a>' for t in sections[key]) + "</li>")
        body.append(f'<h2 id="{key}">{en} · {zh}</h2>')
        body += [page.entry(t, key) for t in sections[key]]
    comments = "".join(f'<p lang="{_e(lang or "und")}">{_e(text)}</p>' for lang, text in page.texts(onto, RDFS + "comment"))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{_e(title)}</title>
<style>
body{{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:62em;margin:2em auto;padding:0 1em;line-height:1.45}}
h3{{margin-bottom:.2em}} h3 small{{font-weight:normal;color:#555}} .iri{{margin:0;color:#666;font-size:.9em}}
section.term{{border-top:1px solid #ddd;padding:.3em 0}} table{{border-collapse:collapse;margin:.4em 0}}
th{{text-align:left;font-weight:600;padding:.1em 1em .1em 0;vertical-align:top;white-space:nowrap}} td{{padding:.1em 0}}
nav li{{margin:.4em 0}} code{{font-size:.92em}}
</style></head><body>
<h1>{_e(title)}</h1>
<p class="iri"><code>{_e(str(onto))}</code>{f" · version {_e(version)}" if version else ""}</p>
{comments}
<nav><ul>{"".join(toc)}</ul></nav>
{chr(10).join(body)}
</body></html>
"""


def write(out: Path, ontology: Path | None = None) -> dict:
    """Write the page; returns how many terms of each section it lists."""
    import rdflib

    from . import resources
    from .export import write_atomic

    write_atomic(render(ontology).encode("utf-8"), out)
    graph = rdflib.Graph().parse(ontology or resources.ontology_path(), format="turtle")
    return {key: len(v) for key, v in terms(graph).items()}
