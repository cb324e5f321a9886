"""Describe a built dataset with VoID (``build/void.ttl``) and the SPARQL service
that serves it (SPARQL 1.1 Service Description).

The dataset is ``kgid:dataset``: every graph of the build (the merged default graph,
one named graph per document, the inferred and candidate graphs). Its ``void:triples``
counts every quad; one subset per graph gives that graph's count (``sd:name`` names a
named graph). Class partitions count the distinct instances typed with each class,
property partitions the quads with each predicate, both over all graphs. Counts come
from SPARQL over a pyoxigraph store (``counts``, what kg serve describes), so they are the counts any
SPARQL client sees; a build's void.ttl counts the same figures from the N-Triples lines its
graph.trig was written from (``line_counts``, no second parse of the file), or from the file read
as a stream (``file_counts``); tests hold them equal.
"""
from __future__ import annotations

from .iris import ID_NS, ONTOLOGY_IRI

VOID = "http://rdfs.org/ns/void#"
SD = "http://www.w3.org/ns/sparql-service-description#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DATASET = ID_NS + "dataset"
FORMATS_NS = "http://www.w3.org/ns/formats/"
PREFIXES = {"void": VOID, "sd": SD, "dcterms": DCT, "kg": "https://w3id.org/kg/ontology#", "kgid": ID_NS,
            "formats": FORMATS_NS}


def _int(value: int):
    import pyoxigraph as ox

    return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def counts(store) -> dict:
    """Figures of a pyoxigraph store: quads, per graph, per class, per property."""
    def rows(query):
        return [tuple(s[i] for i in range(len(s))) for s in store.query(query)]

    per_graph = {g.value: int(n.value) for g, n in rows(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    default = int(rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0][0].value)
    classes = {c.value: int(n.value) for c, n in rows(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { { ?s a ?c } UNION { GRAPH ?g { ?s a ?c } } FILTER(isIRI(?c)) } "
        "GROUP BY ?c")}
    properties = {p.value: int(n.value) for p, n in rows(
        "SELECT ?p (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } GROUP BY ?p")}
    subjects = int(rows("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")[0][0].value)
    return {"triples": default + sum(per_graph.values()), "default": default, "graphs": per_graph,
            "classes": classes, "properties": properties, "subjects": subjects}


def file_counts(path) -> dict:
    """``counts`` of a TriG or N-Quads file, read as a stream: the same figures without
    loading the file into a store, so describing a large build costs the distinct subjects in
    memory, not every quad with its indexes."""
    import pyoxigraph as ox

    fmt = ox.RdfFormat.N_QUADS if str(path).endswith(".nq") else ox.RdfFormat.TRIG
    per_graph: dict = {}
    properties: dict = {}
    subjects: dict = {}  # a subject's written form, kept once and shared by its classes
    classes: dict = {}
    default = 0
    with open(path, "rb") as f:
        for q in ox.parse(f, format=fmt):
            g = q.graph_name
            if isinstance(g, ox.DefaultGraph):
                default += 1
            else:
                per_graph[g.value] = per_graph.get(g.value, 0) + 1
            p = q.predicate.value
            properties[p] = properties.get(p, 0) + 1
            s = str(q.subject)
            s = subjects.setdefault(s, s)
            if p == RDF_TYPE and isinstance(q.object, ox.NamedNode):
                classes.setdefault(q.object.value, set()).add(s)
    return {"triples": default + sum(per_graph.values()), "default": default, "graphs": per_graph,
            "classes": {c: len(members) for c, members in classes.items()}, "properties": properties,
            "subjects": len(subjects)}


def line_counts(sections) -> dict:
    """``file_counts`` of a graph given as its N-Triples lines per graph, without parsing them
    into terms: ``sections`` is (graph key, lines) as ``kg.graph.GraphOutput.sorted_lines`` gives
    them ("" the default graph, else the graph's IRI in angle brackets; each graph's lines without
    repeats). kg writes IRIs unescaped, so a term's text is its IRI in angle brackets."""
    counter = LineCounter()
    for key, lines in sections:
        for _ in counter.watch(key, lines):
            pass
    return counter.figures()


# distinct strings a counter holds in memory before it writes them, sorted, to a temporary file
DISTINCT_HELD = 500_000


class DistinctCounter:
    """How many distinct strings went by (``add``), in bounded memory: up to ``DISTINCT_HELD``
    are held in a set, then written sorted to a run in a temporary file, and the runs are merged
    when counted. ``counts(split)`` counts them per part before the first ``split`` character."""

    def __init__(self, held: int | None = None):
        self.held: set[str] = set()
        self.limit = held or DISTINCT_HELD
        self.runs: list = []  # temporary files, each sorted strings one a line

    def add(self, item: str) -> None:
        self.held.add(item)
        if len(self.held) >= self.limit:
            import tempfile

            run = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115  (closed with the counter)
            run.writelines(item + "\n" for item in sorted(self.held))  # kg's terms hold no line breaks
            self.runs.append(run)
            self.held = set()

    def _distinct(self):
        if not self.runs:
            yield from self.held
            return
        import heapq

        def read(run):
            run.seek(0)
            return (line[:-1] for line in run)

        last = None
        for item in heapq.merge(sorted(self.held), *(read(r) for r in self.runs)):
            if item != last:
                yield item
                last = item

    def __len__(self) -> int:
        return sum(1 for _ in self._distinct())

    def counts(self, split: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for item in self._distinct():
            part = item.split(split, 1)[0]
            out[part] = out.get(part, 0) + 1
        return out


class LineCounter:
    """``line_counts`` gathered while the lines go by: ``watch`` passes a graph's lines on and
    counts them, so the pass that writes a graph's files also gives its VoID figures, and a
    graph added later (the inferred one) is counted on its own. The distinct subjects and class
    members are counted in bounded memory (``DistinctCounter``): a graph's lines come sorted, so
    a subject repeated within a graph is counted once before it reaches the counter."""

    def __init__(self):
        self.per_graph: dict = {}
        self.properties: dict = {}
        self.subjects = DistinctCounter()
        self.classes = DistinctCounter()  # "<class> <member>"
        self.default = 0
        self.keys: set = set()  # the graph keys counted

    def watch(self, key: str, lines):
        """``lines`` (one graph's, without repeats), counted as they are read."""
        properties, subjects, classes = self.properties, self.subjects, self.classes
        a = f"<{RDF_TYPE}>"
        n = 0
        last = None
        self.keys.add(key)
        for line in lines:
            n += 1
            s, p, o = line.split(" ", 2)
            properties[p] = properties.get(p, 0) + 1
            if s != last:
                subjects.add(s)
                last = s
            if p == a and o[0] == "<":
                classes.add(o + " " + s)
            yield line
        if key:
            self.per_graph[key[1:-1]] = self.per_graph.get(key[1:-1], 0) + n
        else:
            self.default += n

    def figures(self) -> dict:
        return {"triples": self.default + sum(self.per_graph.values()), "default": self.default,
                "graphs": {g: n for g, n in self.per_graph.items() if n},
                "classes": {c[1:-1]: n for c, n in self.classes.counts(" ").items()},
                "properties": {p[1:-1]: n for p, n in self.properties.items()}, "subjects": len(self.subjects)}


def void_triples(figures: dict, endpoint: str | None = None, dump: str | None = None) -> list:
    """The VoID description of a dataset's figures, as pyoxigraph triples (blank nodes with
    stable labels, so the same build gives the same file)."""
    import pyoxigraph as ox

    N, B = ox.NamedNode, ox.BlankNode
    ds = N(DATASET)
    a = N(RDF_TYPE)
    out = [ox.Triple(ds, a, N(VOID + "Dataset")),
           ox.Triple(ds, N(DCT + "title"), ox.Literal("kg knowledge graph", language="en")),
           ox.Triple(ds, N(DCT + "title"), ox.Literal("kg 知识图谱", language="zh")),
           ox.Triple(ds, N(VOID + "vocabulary"), N(str(ONTOLOGY_IRI))),
           ox.Triple(ds, N(VOID + "uriSpace"), ox.Literal(ID_NS)),
           ox.Triple(ds, N(VOID + "triples"), _int(figures["triples"])),
           ox.Triple(ds, N(VOID + "distinctSubjects"), _int(figures["subjects"])),
           ox.Triple(ds, N(VOID + "classes"), _int(len(figures["classes"]))),
           ox.Triple(ds, N(VOID + "properties"), _int(len(figures["properties"])))]
    for fmt in ("TriG", "N-Quads"):
        out.append(ox.Triple(ds, N(VOID + "feature"), N(FORMATS_NS + fmt)))
    if endpoint:
        out.append(ox.Triple(ds, N(VOID + "sparqlEndpoint"), N(endpoint)))
    if dump:
        out.append(ox.Triple(ds, N(VOID + "dataDump"), N(dump)))
    default = N(DATASET + "-default-graph")
    out += [ox.Triple(ds, N(VOID + "subset"), default), ox.Triple(default, a, N(VOID + "Dataset")),
            ox.Triple(default, N(VOID + "triples"), _int(figures["default"]))]
    for graph, n in sorted(figures["graphs"].items()):
        sub = N(DATASET + "-" + graph[len(ID_NS):].replace("/", "-")) if graph.startswith(ID_NS) else B(f"graph{len(out)}")
        out += [ox.Triple(ds, N(VOID + "subset"), sub), ox.Triple(sub, a, N(VOID + "Dataset")),
                ox.Triple(sub, N(SD + "name"), N(graph)), ox.Triple(sub, N(VOID + "triples"), _int(n))]
    for i, (cls, n) in enumerate(sorted(figures["classes"].items())):
        part = B(f"class{i}")
        out += [ox.Triple(ds, N(VOID + "classPartition"), part), ox.Triple(part, N(VOID + "class"), N(cls)),
                ox.Triple(part, N(VOID + "entities"), _int(n))]
    for i, (prop, n) in enumerate(sorted(figures["properties"].items())):
        part = B(f"property{i}")
        out += [ox.Triple(ds, N(VOID + "propertyPartition"), part), ox.Triple(part, N(VOID + "property"), N(prop)),
                ox.Triple(part, N(VOID + "triples"), _int(n))]
    return out


def service_triples(endpoint: str, figures: dict, result_formats: list[str], graph_formats: list[str]) -> list:
    """A SPARQL 1.1 Service Description of the endpoint: its languages, formats and the
    default dataset (default graph and named graphs with their sizes), plus the VoID."""
    import pyoxigraph as ox

    N, B = ox.NamedNode, ox.BlankNode
    a = N(RDF_TYPE)
    svc = B("service")
    dataset = B("dataset")
    default = B("defaultGraph")
    out = [ox.Triple(svc, a, N(SD + "Service")), ox.Triple(svc, N(SD + "endpoint"), N(endpoint)),
           ox.Triple(svc, N(SD + "supportedLanguage"), N(SD + "SPARQL11Query")),
           ox.Triple(svc, N(SD + "defaultDataset"), dataset),
           ox.Triple(dataset, a, N(SD + "Dataset")), ox.Triple(dataset, N(SD + "defaultGraph"), default),
           ox.Triple(default, a, N(SD + "Graph")), ox.Triple(default, N(VOID + "triples"), _int(figures["default"])),
           ox.Triple(dataset, N(DCT + "source"), N(DATASET))]
    for name in result_formats + graph_formats:
        out.append(ox.Triple(svc, N(SD + "resultFormat"), N(FORMATS_NS + name)))
    for i, (graph, n) in enumerate(sorted(figures["graphs"].items())):
        node, g = B(f"namedGraph{i}"), B(f"graph{i}")
        out += [ox.Triple(dataset, N(SD + "namedGraph"), node), ox.Triple(node, a, N(SD + "NamedGraph")),
                ox.Triple(node, N(SD + "name"), N(graph)), ox.Triple(node, N(SD + "graph"), g),
                ox.Triple(g, a, N(SD + "Graph")), ox.Triple(g, N(VOID + "triples"), _int(n))]
    return out


def serialize(triples, fmt: str = "turtle") -> bytes:
    """Turtle, JSON-LD, N-Triples or RDF/XML (a name of kg.export.FORMATS)."""
    import pyoxigraph as ox

    from .export import BY_NAME

    f = BY_NAME[fmt]
    kwargs = {"prefixes": PREFIXES} if fmt in ("turtle", "trig") else {}
    return ox.serialize(triples, format=f.ox, **kwargs)


def write_void(result, out_dir) -> None:
    """Build writer: ``void.ttl`` describing the ``graph.trig`` written into ``out_dir``
    (run after the check, so the inferred graph is counted)."""
    from pathlib import Path

    output = getattr(result, "output", None)
    counter = getattr(output, "counted", None)
    if counter is not None:  # counted as graph.trig was written; graphs added since (the inferred one) now
        for key, lines in output.sorted_lines(keys=sorted(output.added_keys)):
            for _ in counter.watch(key, lines):
                pass
        output.added_keys = set()
        figures = counter.figures()
    elif output is not None and hasattr(output, "sorted_lines"):  # the lines graph.trig was written from
        figures = line_counts(output.sorted_lines())
    else:
        figures = file_counts(Path(out_dir) / "graph.trig")
    (Path(out_dir) / "void.ttl").write_bytes(serialize(void_triples(figures)))
