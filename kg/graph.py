"""Stage 5: encode the resolved facts as RDF under the kg ontology.

Layout (see README): the default graph holds the merged graph; one named graph per
document holds what that document supports. Quads are built as pyoxigraph terms and
written sorted, so the same input gives byte-identical files.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

from . import iris
from .iris import vocab
from .types import Document, EntityInfo, Fact, PeriodRef, Resolved

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
OWL_NS = "http://www.w3.org/2002/07/owl#"
WIKIDATA_NS = "http://www.wikidata.org/entity/"

PREFIXES = {
    "kg": iris.KG_NS, "kgid": iris.ID_NS, "rdf": RDF_NS, "rdfs": RDFS_NS, "xsd": XSD,
    "skos": SKOS_NS, "dcterms": DCT, "owl": OWL_NS, "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
}

def _N(iri: str) -> str:
    """An IRI term in N-Triples form (our IRIs are minted by kg.iris and need no escaping)."""
    return f"<{iri}>"


TYPE = _N(RDF_NS + "type")
LABEL = _N(RDFS_NS + "label")
COMMENT = _N(RDFS_NS + "comment")
ALT = _N(SKOS_NS + "altLabel")
# N-Triples string escapes; text from documents passes through here
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _lit(value, datatype: str | None = None, lang: str | None = None) -> str:
    """A literal in N-Triples form."""
    if lang:
        return '"' + str(value).translate(_ESCAPES) + '"@' + lang
    if datatype:
        return '"' + str(value).translate(_ESCAPES) + '"^^<' + XSD + datatype + ">"
    if isinstance(value, bool):
        return '"' + ("true" if value else "false") + '"^^<' + XSD + "boolean>"
    if isinstance(value, int):
        return '"' + str(value) + '"^^<' + XSD + "integer>"
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        return '"' + _decimal(value) + '"^^<' + XSD + "decimal>"
    return '"' + str(value).translate(_ESCAPES) + '"'


def _decimal(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s if "." in s else s + ".0"


MARKET_LABELS = {"en": "{} market", "zh": "{}市场"}


DEFAULT = ""  # key of the default graph in GraphOutput.lines
CANDIDATES = _N(str(iris.CANDIDATES_GRAPH))  # key of the candidates graph


# lines held in memory (over all graphs) before they go to a sorted run in a temporary file;
# a long document's graph then costs a few runs' worth of memory, not all its lines
SPILL_LINES = 1_000_000


class _Run:
    """One sorted run of lines spilled to a temporary file: per graph key (in sorted order) its
    sorted lines, one a line (N-Triples escapes every line break inside a term)."""

    def __init__(self, lines: dict[str, set[str]]):
        import tempfile

        # open as long as the graph output: it is read back when the files are written, then dropped
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115
        self.sections: list[tuple[str, int]] = []  # (graph key, number of lines), in key order
        for key in sorted(lines):
            if lines[key]:
                self.sections.append((key, len(lines[key])))
                self.file.writelines(line + "\n" for line in sorted(lines[key]))

    def read(self):
        """(key, lines iterator) per section, in order; each iterator must be used up before the next."""
        import itertools

        self.file.seek(0)
        for key, n in self.sections:
            yield key, (line[:-1] for line in itertools.islice(self.file, n))


@dataclass
class GraphOutput:
    """The graph as N-Triples lines per graph ("" = the default graph, else a graph IRI term):
    those in ``lines`` and, for a large graph, sorted runs already spilled to temporary files."""

    lines: dict[str, set[str]]
    stats: dict
    _quads: list | None = None
    runs: tuple = ()
    # an N-Quads file that holds exactly these lines (``nquads()``), while it exists: the build
    # writes one on its way to graph.trig, and the check parses that instead of writing it again
    nquads_file: object = None
    nquads_default_end: int | None = None  # where the default graph's lines end in that file
    # the VoID figures (a kg.void.LineCounter) counted as the lines were written, while they hold:
    # graphs added since are in ``added_keys``; a line added to a counted graph drops the figures
    counted: object = None
    added_keys: set = field(default_factory=set)
    _held: int = 0  # lines added since the last spill
    # while ``pipeline.write`` runs its writers: waits until graph.trig and graph.ttl are whole (they
    # may be written in other processes while a writer that reads only ``nquads_file`` runs)
    files_written: object = None

    def add_quads(self, quads) -> None:
        """Merge pyoxigraph quads (from another stage) into the graph; past ``SPILL_LINES`` the
        lines in memory go to a sorted run on disk, as the graph's own did."""
        for q in quads:
            key = DEFAULT if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
            self.lines.setdefault(key, set()).add(f"{q.subject} {q.predicate} {q.object}")
            if self.counted is not None:
                if key in self.counted.keys:
                    self.counted = None
                else:
                    self.added_keys.add(key)
            self._held += 1
            if self._held >= SPILL_LINES:
                self.runs = (*self.runs, _Run(self.lines))
                for lines in self.lines.values():
                    lines.clear()
                self._held = 0
        self._quads = None
        self.nquads_file = self.nquads_default_end = None

    def sorted_lines(self, default_only: bool = False, keys=None):
        """(graph key, its lines sorted and without repeats), graphs in sorted key order: the
        lines in memory merged with the spilled runs (read each graph's lines through before the next).
        ``keys``: only these graphs (sorted)."""
        if keys is not None and not any(k in keys for run in self.runs for k, _ in run.sections):
            for key in keys:  # none of them spilled
                yield key, iter(sorted(self.lines.get(key, ())))
            return
        if keys is not None:  # the runs are read in order: the other graphs' lines are read and dropped
            wanted = set(keys)
            for key, lines in self.sorted_lines(default_only):
                if key in wanted:
                    yield key, lines
                else:
                    for _ in lines:
                        pass
            return
        if not self.runs:
            for key in [DEFAULT] if default_only else sorted(self.lines):
                yield key, iter(sorted(self.lines.get(key, ())))
            return
        import heapq

        readers = [run.read() for run in self.runs]
        heads = [next(r, None) for r in readers]
        keys = {key for key, lines in self.lines.items() if lines} | {k for run in self.runs for k, _ in run.sections}
        for key in [DEFAULT] if default_only else sorted(keys):
            parts = [iter(sorted(self.lines.get(key, ())))]
            parts += [head[1] for head in heads if head is not None and head[0] == key]
            yield key, _unique(heapq.merge(*parts))
            for i, head in enumerate(heads):  # the runs whose section was this key move on
                if head is not None and head[0] == key:
                    heads[i] = next(readers[i], None)

    def nquads(self) -> bytes:
        """Sorted N-Quads: the default graph, then each named graph, so the output is byte-stable."""
        import io

        out = io.BytesIO()
        self.write_nquads(out)
        return out.getvalue()

    def write_nquads(self, out, default_only: bool = False, default_out=None, counter=None, sections=None) -> None:
        """``nquads()`` (or with ``default_only`` the default graph as N-Triples) written to a
        binary file a batch of lines at a time, without the whole text in memory; with
        ``default_out``, the default graph's lines (its N-Triples) also go to that file, so one
        pass over a large graph's spilled runs gives both; with ``counter`` (a
        ``kg.void.LineCounter``), the same pass counts them; ``sections`` (a list) gets each
        graph's (key, start, end) byte offsets in ``out``."""
        for key, lines in self.sorted_lines(default_only):
            start = out.tell() if sections is not None else 0
            if counter is not None:
                lines = counter.watch(key, lines)
            suffix = " .\n" if key == DEFAULT else f" {key} .\n"
            outs = [out, default_out] if key == DEFAULT and default_out is not None else [out]
            batch = []
            for line in lines:
                batch.append(line + suffix)
                if len(batch) >= 20000:
                    data = "".join(batch).encode("utf-8")
                    for f in outs:
                        f.write(data)
                    batch = []
            data = "".join(batch).encode("utf-8")
            for f in outs:
                f.write(data)
            if sections is not None and out.tell() > start:
                sections.append((key, start, out.tell()))

    def default_ntriples(self) -> bytes:
        import io

        out = io.BytesIO()
        self.write_nquads(out, default_only=True)
        return out.getvalue()

    @property
    def quads(self) -> list:
        """The graph as pyoxigraph quads (parsed on first use)."""
        if self._quads is None and self.nquads_file is not None:
            with open(self.nquads_file, "rb") as f:
                self._quads = list(ox.parse(f, format=ox.RdfFormat.N_QUADS))
        if self._quads is None:
            import tempfile

            with tempfile.TemporaryFile() as f:  # parsed from a file: no second copy of the text in memory
                self.write_nquads(f)
                f.seek(0)
                self._quads = list(ox.parse(f, format=ox.RdfFormat.N_QUADS))
        return self._quads


class FileSlice(io.RawIOBase):
    """Bytes ``start``..``end`` of an open binary file, as a file: one graph of the build's N-Quads
    file, for a parser (wrap it in ``io.BufferedReader``)."""

    def __init__(self, f, start: int, end: int):
        self.f, self.pos, self.end = f, start, end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.end - self.pos)
        if n <= 0:
            return 0
        self.f.seek(self.pos)
        data = self.f.read(n)
        buffer[:len(data)] = data
        self.pos += len(data)
        return len(data)


def _unique(lines):
    """Sorted lines without repeats (a line may be in several runs)."""
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line


class _Builder:
    def __init__(self, resolved: Resolved):
        self.r = resolved
        self.v = vocab()
        self.lines: dict[str, set[str]] = {DEFAULT: set()}
        self.runs: list[_Run] = []
        self._held = 0  # lines added since the last spill (repeats included)
        self._terms: dict[str, str] = {}
        self._doc_graphs: dict[str, set[str]] = {}
        self.entities = {e.entity_id: e for e in resolved.entities}
        self.periods: dict[str, PeriodRef] = {}
        self.markets: set[str] = set()
        self.rules: set[str] = set()

    def kg(self, name: str) -> str:
        term = self._terms.get(name)
        if term is None:
            term = self._terms[name] = _N(str(self.v[name]))
        return term

    def add(self, s, p, o, doc_ids=(), graph: str = DEFAULT):
        self.add_lines((f"{s} {p} {o}",), doc_ids, graph)

    def add_lines(self, lines: tuple, doc_ids=(), graph: str = DEFAULT):
        """``add`` of several lines (subject predicate object, in N-Triples form) at once."""
        self.lines.setdefault(graph, set()).update(lines)
        for d in doc_ids:
            target = self._doc_graphs.get(d)
            if target is None:
                target = self._doc_graphs[d] = self.lines.setdefault(_N(str(iris.doc_graph(d))), set())
            target.update(lines)
        self._held += len(lines) * (1 + len(doc_ids))
        if self._held >= SPILL_LINES:
            self.spill()

    def spill(self) -> None:
        """The lines so far to a sorted run on disk (the sets are emptied in place: the
        document graphs' sets stay the ones ``_doc_graphs`` holds)."""
        self.runs.append(_Run(self.lines))
        for lines in self.lines.values():
            lines.clear()
        self._held = 0

    # ---------------------------------------------------------------- nodes
    def entity(self, eid: str) -> str:
        if eid.startswith("period:"):  # the object of kg:foundedOn is a period
            return _N(str(iris.period(eid[len("period:"):])))
        if eid.startswith("market:"):
            place = eid[len("market:"):]
            self.markets.add(place)
            return _N(str(iris.market(place)))
        return _N(str(iris.entity(eid)))

    def period(self, p: PeriodRef) -> str:
        self.periods[p.key] = p
        return _N(str(iris.period(p.key)))

    def document(self, d: Document):
        node = _N(str(iris.document(d.doc_id)))
        self.add(node, TYPE, self.kg("Document"))
        self.add(node, _N(DCT + "identifier"), _lit(d.doc_id))
        self.add(node, _N(DCT + "language"), _lit(d.lang))
        if d.title:
            self.add(node, _N(DCT + "title"), _lit(d.title, lang=d.lang))
        if d.publisher:
            self.add(node, _N(DCT + "publisher"), _lit(d.publisher))
        if d.published:
            self.add(node, _N(DCT + "date"), _lit(d.published.isoformat(), "date"))
        self.add(node, self.kg("sourceFile"), _lit(d.path))
        for other in d.reports_on:
            self.add(node, self.kg("reportsOn"), _N(str(iris.document(other))))

    def entity_node(self, info: EntityInfo):
        node = self.entity(info.entity_id)
        self.add(node, TYPE, self.kg(info.cls))
        for lang, label in info.labels:
            self.add(node, LABEL, _lit(label, lang=lang))
        if info.wikidata:  # reviewed in the lexicon: the same thing as Wikidata's item
            self.add(node, _N(OWL_NS + "sameAs"), _N(WIKIDATA_NS + info.wikidata))
        preferred = set(info.labels)
        aliases = list(info.aliases)
        if vocab().is_a(info.cls, ["ProductSeries", "Product"]):  # 王朝系列 is the 王朝 series, "the Ocean series" the Ocean
            aliases += series_stems(info.labels + info.aliases)
        for lang, alias in dict.fromkeys(aliases):
            if (lang, alias) not in preferred:
                self.add(node, ALT, _lit(alias, lang=lang or None) if lang else _lit(alias))

    def market_nodes(self):
        for place in sorted(self.markets):
            node = _N(str(iris.market(place)))
            self.add(node, TYPE, self.kg("Market"))
            self.add(node, self.kg("marketArea"), self.entity(place))
            info = self.entities.get(place)
            for lang, label in (info.labels if info else ()):
                self.add(node, LABEL, _lit(MARKET_LABELS[lang].format(label), lang=lang))

    def period_nodes(self):
        from .numbers import period_bounds

        for key, p in sorted(self.periods.items()):
            node = _N(str(iris.period(key)))
            self.add(node, TYPE, self.kg("Period"))
            self.add(node, LABEL, _lit(_period_label(p)))
            if p.year:
                self.add(node, self.kg("year"), _lit(f"{p.year:04d}", "gYear"))
            if p.quarter:
                self.add(node, self.kg("quarter"), _lit(p.quarter))
            if p.month:
                self.add(node, self.kg("month"), _lit(p.month))
            if p.qualifier:
                self.add(node, self.kg("periodQualifier"), _lit(p.qualifier))
            if p.qualifier == "asof":  # a state as of a day: it holds up to that day
                start, end = None, dt.date(p.year, p.month or 12, p.day or 28)
            else:
                start, end = period_bounds(p)
            if start:
                self.add(node, self.kg("startDate"), _lit(start.isoformat(), "date"))
            if end:
                self.add(node, self.kg("endDate"), _lit(end.isoformat(), "date"))

    def rule_nodes(self):
        for rule in sorted(self.rules):
            node = _N(str(iris.rule(rule)))
            self.add(node, TYPE, self.kg("ExtractionRule"))
            self.add(node, LABEL, _lit(rule, lang="en"))

    # ---------------------------------------------------------------- facts
    def fact(self, f: Fact, key: tuple, candidate: bool = False):
        """The fact in the merged graph and its documents' graphs; a candidate goes to the
        candidates graph instead of the merged one (it is not asserted)."""
        node = _N(str(iris.fact(*key)))
        docs = sorted({e.doc_id for e in f.evidence})
        target = CANDIDATES if candidate else DEFAULT
        add = lambda p, o: self.add(node, p, o, docs, target)  # noqa: E731
        if f.kind == "relation":
            s, o = self.entity(f.subject), self.entity(f.obj)
            p = self.kg(f.predicate)
            self.add(s, p, o, docs, target)
            add(TYPE, self.kg("RelationFact"))
            add(_N(RDF_NS + "subject"), s)
            add(_N(RDF_NS + "predicate"), p)
            add(_N(RDF_NS + "object"), o)
        else:
            cls = {"quantity": "QuantitativeStatement", "position": "MarketPosition", "goal": "Goal"}[f.kind]
            add(TYPE, self.kg(cls))
            add(self.kg("statementSubject"), self.entity(f.subject))
            if f.kind == "quantity":
                add(self.kg("metric"), self.kg(f.predicate))
        for name, value in f.attrs:
            self.qualifier(add, name, value)
        add(self.kg("confidence"), _lit(Decimal(str(max(e.confidence for e in f.evidence)))))
        for ev in f.evidence:  # a document's graph links only its own evidence
            self.add(node, self.kg("hasEvidence"), self.evidence(ev), [ev.doc_id], target)

    def qualifier(self, add, name: str, value):
        kg = self.kg
        if name in ("period", "deadline", "set_in", "achieved_in"):
            prop = {"period": "period", "deadline": "deadline", "set_in": "setIn", "achieved_in": "achievedIn"}[name]
            add(kg(prop), self.period(value))
        elif name == "value":
            add(kg("value"), _lit(value))
        elif name == "threshold":
            add(kg("threshold"), _lit(value))
        elif name in ("unit", "threshold_unit", "bound", "metric"):
            prop = {"unit": "unit", "threshold_unit": "thresholdUnit", "bound": "bound", "metric": "metric"}[name]
            add(kg(prop), kg(value))
        elif name == "scope":
            info = self.entities.get(value)
            if info is not None and info.cls == "RankingList":  # "ranked 468th in the Fortune Global 500"
                add(kg("inRanking"), self.entity(value))
            else:
                add(kg("scope"), self.entity("market:" + value))
        elif name == "category":
            add(kg("category"), self.entity(value))
        elif name == "reported_by":
            add(kg("reportedBy"), self.entity(value))
        elif name == "rank":
            add(kg("rank"), _lit(value, "positiveInteger"))
        elif name == "count":
            add(kg("count"), _lit(value))
        elif name == "title":
            add(kg("roleTitle"), _lit(value))
        elif name == "text":
            text, lang = value
            add(kg("goalText"), _lit(text, lang=lang))
        else:
            raise ValueError(f"no RDF mapping for fact attribute {name!r}")

    def evidence(self, ev) -> str:
        node = _N(str(iris.evidence(ev.doc_id, ev.start, ev.end, ev.rule, ev.confidence)))
        kg = self.kg
        self.add_lines((f"{node} {TYPE} {kg('Evidence')}",
                        f"{node} {kg('inDocument')} {_N(str(iris.document(ev.doc_id)))}",
                        f"{node} {kg('inSentence')} {_N(str(iris.sentence(ev.doc_id, ev.sentence_index)))}",
                        f"{node} {kg('charStart')} {_lit(ev.start, 'nonNegativeInteger')}",
                        f"{node} {kg('charEnd')} {_lit(ev.end, 'nonNegativeInteger')}",
                        f"{node} {kg('quote')} {_lit(ev.quote)}",
                        f"{node} {kg('extractedBy')} {_N(str(iris.rule(ev.rule)))}",
                        f"{node} {kg('confidence')} {_lit(Decimal(str(ev.confidence)))}"), [ev.doc_id])
        self.rules.add(ev.rule)
        return node

    def sentences(self):
        kg = self.kg
        sentence, in_doc, index, start, end, text = (kg("Sentence"), kg("inDocument"), kg("sentenceIndex"),
                                                     kg("charStart"), kg("charEnd"), kg("text"))
        docs: dict = {}
        for s in self.r.sentences:
            node = _N(str(iris.sentence(s.doc_id, s.index)))
            doc = docs.get(s.doc_id)
            if doc is None:
                doc = docs[s.doc_id] = _N(str(iris.document(s.doc_id)))
            self.add_lines((f"{node} {TYPE} {sentence}", f"{node} {in_doc} {doc}",
                            f"{node} {index} {_lit(s.index, 'nonNegativeInteger')}",
                            f"{node} {start} {_lit(s.start, 'nonNegativeInteger')}",
                            f"{node} {end} {_lit(s.end, 'nonNegativeInteger')}",
                            f"{node} {text} {_lit(s.text)}"), [s.doc_id])


def series_stems(names) -> list[tuple[str, str]]:
    """The names of a series without the word that says it is one (王朝系列 → 王朝, "Ocean series" →
    Ocean): a series is named either way. The words are the series nouns of data/lang/<code>.yaml."""
    from .lang import get

    out = []
    for lang, name in names:
        if lang not in ("zh", "en"):
            continue
        words = sorted((get(lang).words.get("class_nouns") or {}).get("ProductSeries") or (), key=len, reverse=True)
        low = name.lower()
        gap = "" if lang == "zh" else " "  # "Ocean series"; not "Xseries"
        word = next((w for w in words if low.endswith(gap + w.lower())), None)
        stem = name[: len(name) - len(word)].strip() if word else ""
        if stem.lower().startswith("the "):
            stem = stem[4:]
        if len(stem) >= 2:
            out.append((lang, stem))
    return out


def _period_label(p: PeriodRef) -> str:
    k = p.plain().key
    return {"since": f"since {k}", "by": f"by {k}", "within": f"by {k}", "asof": f"as of {k}",
            "early": f"early {k}", "late": f"late {k}", "mid": f"mid {k}"}.get(p.qualifier, k)


def build_graph(resolved: Resolved, candidates: frozenset = frozenset()) -> GraphOutput:
    """All quads of the merged graph and of the per-document graphs; the facts whose keys are
    in ``candidates`` go to the candidates graph instead of the merged one."""
    from .resolve import fact_key

    b = _Builder(resolved)
    for d in resolved.documents:
        b.document(d)
    b.sentences()
    for info in resolved.entities:
        b.entity_node(info)
    for eid, doc_id in resolved.mentioned:
        if eid in b.entities:
            b.add(b.entity(eid), b.kg("mentionedIn"), _N(str(iris.document(doc_id))), [doc_id])
    for f in resolved.facts:
        key = fact_key(f)
        b.fact(f, key, key in candidates)
    b.market_nodes()
    b.period_nodes()
    b.rule_nodes()
    return GraphOutput(b.lines, _stats(resolved, candidates), runs=tuple(b.runs), _held=b._held)


def _stats(r: Resolved, candidates: frozenset = frozenset()) -> dict:
    from .resolve import fact_key

    by_class: dict[str, int] = {}
    for e in r.entities:
        by_class[e.cls] = by_class.get(e.cls, 0) + 1
    asserted = [f for f in r.facts if fact_key(f) not in candidates]
    markets = {v for f in asserted for v in (f.subject, f.obj) if v.startswith("market:")}
    markets |= {f.attr("scope") for f in asserted if f.attr("scope")}
    if markets:
        by_class["Market"] = len(markets)
    by_relation: dict[str, int] = {}
    for f in asserted:
        name = f.predicate if f.kind in ("relation", "quantity") else f.kind
        by_relation[name] = by_relation.get(name, 0) + 1
    langs = {d.doc_id: d.lang for d in r.documents}
    bilingual = sum(1 for f in asserted if len({langs[e.doc_id] for e in f.evidence}) > 1)
    return {
        "documents": len(r.documents),
        "sentences": len(r.sentences),
        "entities": sum(by_class.values()),
        "entities_by_class": dict(sorted(by_class.items())),
        "facts": len(asserted),
        "facts_by_relation": dict(sorted(by_relation.items())),
        "facts_with_evidence_in_both_languages": bilingual,
        "evidence": sum(len(f.evidence) for f in asserted),
        "candidate_facts": len(r.facts) - len(asserted),
    }
