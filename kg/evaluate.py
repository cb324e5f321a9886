"""Score the facts of a built graph against gold fact lists (``kg eval``).

Matching is independent of IRIs: a gold name matches a graph entity when it equals one
of the entity's labels or aliases after normalisation (case, width, spaces, punctuation
and company endings dropped). Each document is scored on the facts of its own named graph
that are also asserted in the merged default graph (candidates are not asserted there).

Two levels:

* **strict**: every field right — subject, relation, object (or value, unit and bound;
  or rank and bound), scope; period, category and an acquisition's price whenever the
  gold gives them;
* **lenient**: subject, relation and object (for a metric, the value; for a rank, the rank).

Gold and extracted facts are paired by a maximum bipartite matching per document, so each
gold fact is credited at most once.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import unquote

from .gold import DOCUMENTED, GoldDocument, GoldFact

KG = "https://w3id.org/kg/ontology#"
ID = "https://w3id.org/kg/id/"
DOC_GRAPH = ID + "graph/doc/"

# Endings that do not tell two companies apart ("Apple Inc." = "Apple").
_ENDINGS = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "控股", "incorporated",
            "corporation", "company", "limited", "holdings", "holding", "group", "corp", "inc", "ltd", "plc", "co")
_WORLD = {"world", "global", "worldwide", "theworld", "全球", "世界", "国际", "international"}
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise(name: str) -> str:
    """A name reduced for comparison.

    >>> normalise("Apple Inc.") == normalise("apple")
    True
    >>> normalise("小米集团") == normalise("小米")
    True
    >>> normalise("Worldwide")
    'world'
    """
    s = unicodedata.normalize("NFKC", str(name)).casefold()
    s = s.replace("&", "and")
    if s.startswith("the "):
        s = s[4:]
    s = _PUNCT.sub("", s)
    changed = True
    while changed:
        changed = False
        for end in _ENDINGS:
            if s.endswith(end) and len(s) > len(end) + 1:
                s = s[: -len(end)]
                changed = True
    return "world" if s in _WORLD else s


def period_key(key: str, kind: str = "") -> str:
    """An extracted period key (``asof-2018-02-07``, ``2017-late``, ``by-2019-Q4``) in the
    gold's terms: parts of periods and "as of"/"by" markers are dropped."""
    if not key:
        return ""
    for prefix in ("asof-", "by-", "within-"):
        if key.startswith(prefix):
            key = key[len(prefix):]
    for suffix in ("-early", "-late", "-mid"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return "" if key == "undated" else key


def gold_period(key: str) -> str:
    return key[3:] if key.startswith("by-") else key


# ------------------------------------------------------------------ facts read from the graph


@dataclass(frozen=True)
class Extracted:
    doc: str
    iri: str
    kind: str  # relation | quantity | position | goal
    subject: str  # entity IRI
    relation: str  # property or metric local name, "rank", "goal"
    obj: str = ""  # entity IRI, or a period key for foundedOn
    value: Decimal | None = None
    unit: str = ""
    bound: str = ""
    rank: int | None = None
    period: str = ""
    scope: str = ""  # place or ranking-list IRI ("" = none)
    category: str = ""
    quotes: tuple[str, ...] = ()
    confidence: float = 0.0
    rules: tuple[str, ...] = ()  # extraction rules of its evidence (patterns.yaml ids)


@dataclass
class GraphFacts:
    """The asserted facts per document and the names of every entity."""

    facts: dict[str, list[Extracted]]  # doc id -> facts
    names: dict[str, set[str]]  # IRI -> normalised names
    labels: dict[str, str]  # IRI -> a display label
    inverse: dict[str, str] = field(default_factory=dict)  # property -> its inverse
    symmetric: set[str] = field(default_factory=set)


_PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

_FACTS = _PREFIXES + """
SELECT ?g ?f ?type ?s ?p ?o ?metric ?value ?unit ?bound ?rank ?period ?scope ?ranking ?category ?deadline ?conf ?asserted WHERE {
  GRAPH ?g {
    ?f a ?type .
    FILTER (?type IN (kg:RelationFact, kg:QuantitativeStatement, kg:MarketPosition, kg:Goal))
    OPTIONAL { ?f rdf:subject ?s1 ; rdf:predicate ?p ; rdf:object ?o }
    OPTIONAL { ?f kg:statementSubject ?s2 }
    BIND (COALESCE(?s1, ?s2) AS ?s)
    OPTIONAL { ?f kg:metric ?metric }
    OPTIONAL { ?f kg:value ?value }
    OPTIONAL { ?f kg:unit ?unit }
    OPTIONAL { ?f kg:bound ?bound }
    OPTIONAL { ?f kg:rank ?rank }
    OPTIONAL { ?f kg:period ?period }
    OPTIONAL { ?f kg:deadline ?deadline }
    OPTIONAL { ?f kg:scope ?scope }
    OPTIONAL { ?f kg:inRanking ?ranking }
    OPTIONAL { ?f kg:category ?category }
    OPTIONAL { ?f kg:confidence ?conf }
  }
  BIND (EXISTS { ?f a ?type } AS ?asserted)
}"""

_QUOTES = _PREFIXES + """
SELECT DISTINCT ?f ?quote ?rule WHERE {
  { ?f kg:hasEvidence ?e } UNION { GRAPH ?g { ?f kg:hasEvidence ?e } }
  ?e kg:quote ?quote OPTIONAL { ?e kg:extractedBy ?rule } }"""

_NAMES = _PREFIXES + """
SELECT ?x ?name WHERE { { ?x rdfs:label ?name } UNION { ?x skos:altLabel ?name } }"""

# a market is named by the place it covers ("India" for kgid:market/india)
_AREAS = _PREFIXES + """
SELECT ?m ?a WHERE { ?m kg:marketArea ?a }"""

_AXIOMS = _PREFIXES + """
SELECT ?p ?q ?sym WHERE {
  { ?p owl:inverseOf ?q } UNION { ?q owl:inverseOf ?p } UNION { ?p a owl:SymmetricProperty BIND(true AS ?sym) }
}"""


def _local(iri: str, ns: str = KG) -> str:
    return iri[len(ns):] if iri.startswith(ns) else iri


def _period_of(term) -> str:
    if term is None:
        return ""
    return _local(term.value, ID + "period/")


def read_graph(store, candidates: bool = False) -> GraphFacts:
    """The asserted facts of each document's named graph (with ``candidates``, also those the
    build left in the candidates graph), from a pyoxigraph store."""
    from . import resources

    names: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for row in store.query(_NAMES):
        iri = row["x"].value
        names.setdefault(iri, set()).add(normalise(row["name"].value))
        labels.setdefault(iri, row["name"].value)
    areas = {}
    for row in store.query(_AREAS):
        m, a = row["m"].value, row["a"].value
        areas[m] = a
        names.setdefault(m, set()).update(names.get(a, {normalise(a.rsplit("/", 1)[-1])}))
        if a in labels:
            labels[m] = labels[a]
    quotes: dict[str, list[str]] = {}
    rules: dict[str, set[str]] = {}
    for row in store.query(_QUOTES):
        quotes.setdefault(row["f"].value, []).append(row["quote"].value)
        if row["rule"] is not None:
            rules.setdefault(row["f"].value, set()).add(row["rule"].value.rsplit("/", 1)[-1])
    facts: dict[str, list[Extracted]] = {}
    seen = set()
    for row in store.query(_FACTS):
        g = row["g"].value
        if not g.startswith(DOC_GRAPH):
            continue
        doc, f = unquote(g[len(DOC_GRAPH):]), row["f"].value  # iris.segment percent-encodes odd file names
        if (doc, f) in seen or not (candidates or row["asserted"].value == "true"):
            continue
        seen.add((doc, f))
        kind = {"RelationFact": "relation", "QuantitativeStatement": "quantity", "MarketPosition": "position",
                "Goal": "goal"}[_local(row["type"].value)]
        get = lambda k: row[k].value if row[k] is not None else ""  # noqa: E731
        if kind == "relation":
            relation = _local(get("p"))
            obj = get("o")
            if obj.startswith(ID + "period/"):
                obj = period_key(_period_of(row["o"]))
        else:
            relation = {"quantity": _local(get("metric")), "position": "rank", "goal": "goal"}[kind]
            obj = ""
        scope = areas.get(get("scope"), "") or get("ranking") or get("scope")
        period = _period_of(row["deadline"] if kind == "goal" else row["period"])
        facts.setdefault(doc, []).append(Extracted(
            doc=doc, iri=f, kind=kind, subject=get("s"), relation=relation, obj=obj,
            value=Decimal(get("value")) if get("value") else None, unit=_local(get("unit")),
            bound=_local(get("bound")), rank=int(get("rank")) if get("rank") else None,
            period=period_key(period), scope=scope, category=get("category"),
            quotes=tuple(sorted(set(quotes.get(f, ())))), confidence=float(get("conf") or 0),
            rules=tuple(sorted(rules.get(f, ())))))
    inverse, symmetric = {}, set()
    axioms = store.query(_AXIOMS)
    for row in axioms:
        p = _local(row["p"].value) if row["p"] is not None else ""
        if row["sym"] is not None:
            symmetric.add(p)
        elif row["q"] is not None:
            inverse[p] = _local(row["q"].value)
    if not inverse:  # a graph without the ontology: read the axioms from it
        import pyoxigraph as ox

        onto = ox.Store()
        onto.bulk_load(path=str(resources.ontology_path()), format=ox.RdfFormat.TURTLE)
        for row in onto.query(_AXIOMS):
            p = _local(row["p"].value)
            if row["sym"] is not None:
                symmetric.add(p)
            elif row["q"] is not None:
                inverse[p] = _local(row["q"].value)
    for doc_facts in facts.values():
        doc_facts.sort(key=lambda e: e.iri)
    return GraphFacts(facts, names, labels, inverse, symmetric)


# ------------------------------------------------------------------ matching


def _values_equal(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= Decimal("0.005") * max(abs(a), abs(b))


class Matcher:
    """Decides whether an extracted fact matches a gold fact, strictly or leniently."""

    def __init__(self, graph: GraphFacts):
        self.g = graph

    def names_match(self, gold_names: tuple[str, ...], iri: str) -> bool:
        if not iri:
            return False
        known = self.g.names.get(iri, set())
        if not known:  # an entity with no label: compare with its IRI's last part
            known = {normalise(iri.rsplit("/", 1)[-1])}
        return any(normalise(n) in known for n in gold_names)

    def _scope_match(self, gold: GoldFact, e: Extracted, none_is_world: bool) -> bool:
        g_world = not gold.scope or any(normalise(n) == "world" for n in gold.scope)
        e_world = not e.scope or "world" in self.g.names.get(e.scope, set()) or e.scope.endswith("/world")
        if none_is_world and g_world:
            return e_world
        if not gold.scope:
            return not e.scope
        return self.names_match(gold.scope, e.scope)

    def _arguments(self, gold: GoldFact, e: Extracted) -> bool:
        """Subject, relation and object in either direction of an inverse or symmetric property."""
        if gold.kind != e.kind:
            return False
        if gold.kind != "relation":
            return gold.relation == e.relation and self.names_match(gold.subject, e.subject)
        if gold.relation == "foundedOn":
            return e.relation == "foundedOn" and self.names_match(gold.subject, e.subject) and gold.obj[0] == e.obj
        forward = gold.relation == e.relation
        backward = self.g.inverse.get(gold.relation) == e.relation or (
            gold.relation == e.relation and gold.relation in self.g.symmetric)
        if forward and self.names_match(gold.subject, e.subject) and self.names_match(gold.obj, e.obj):
            return True
        return backward and self.names_match(gold.subject, e.obj) and self.names_match(gold.obj, e.subject)

    def lenient(self, gold: GoldFact, e: Extracted) -> bool:
        if not self._arguments(gold, e):
            return False
        if gold.kind == "quantity":
            return _values_equal(gold.value, e.value)
        if gold.kind == "position":
            return gold.rank == e.rank
        if gold.kind == "goal":
            return gold.rank == e.rank if gold.rank is not None else _values_equal(gold.value, e.value)
        return True

    def differences(self, gold: GoldFact, e: Extracted) -> list[str]:
        """The fields of a leniently matching pair that are not right (empty: a strict match)."""
        out = []
        if gold.period and gold_period(gold.period) != e.period:
            out.append("period")
        if gold.kind == "quantity":
            if gold.unit != e.unit:
                out.append("unit")
            if gold.bound != e.bound:
                out.append("bound")
            if not self._scope_match(gold, e, none_is_world=True):
                out.append("scope")
        elif gold.kind in ("position", "goal"):
            if gold.kind == "position" and gold.bound != (e.bound or "Exact"):
                out.append("bound")
            if gold.kind == "goal" and gold.value is not None and gold.unit != e.unit:
                out.append("unit")
            if not self._scope_match(gold, e, none_is_world=True):
                out.append("scope")
        elif gold.value is not None and not (_values_equal(gold.value, e.value) and gold.unit == e.unit):
            out.append("value")
        if gold.category and not self.names_match(gold.category, e.category):
            out.append("category")
        return out

    def strict(self, gold: GoldFact, e: Extracted) -> bool:
        return self.lenient(gold, e) and not self.differences(gold, e)


def _max_matching(gold: list[GoldFact], ext: list[Extracted], ok) -> dict[int, int]:
    """A maximum bipartite matching, gold index -> extracted index; among the maximum ones, one
    that credits the most core facts (so that core recall does not depend on which of several
    equally large matchings comes out)."""
    import networkx as nx

    g = nx.Graph()
    for i, gf in enumerate(gold):
        for j, ef in enumerate(ext):
            if ok(gf, ef):
                g.add_edge(("g", i), ("e", j), weight=2 if gf.core else 1)
    pairs = nx.max_weight_matching(g, maxcardinality=True) if g.number_of_edges() else set()
    out = {}
    for a, b in pairs:
        (_, i), (_, j) = (a, b) if a[0] == "g" else (b, a)
        out[i] = j
    return out


# ------------------------------------------------------------------ scores


@dataclass
class Counts:
    extracted: int = 0
    gold: int = 0
    strict: int = 0
    lenient: int = 0
    core: int = 0
    core_strict: int = 0
    core_lenient: int = 0

    def add(self, other: "Counts") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self) -> dict:
        def prf(tp):
            p = tp / self.extracted if self.extracted else 0.0
            r = tp / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "matched": tp}
        core = lambda tp: round(tp / self.core, 4) if self.core else None  # noqa: E731
        return {"extracted": self.extracted, "gold": self.gold, "core": self.core,
                "strict": prf(self.strict) | {"core_recall": core(self.core_strict)},
                "lenient": prf(self.lenient) | {"core_recall": core(self.core_lenient)}}


@dataclass
class Report:
    total: Counts
    by_relation: dict[str, Counts]
    by_document: dict[str, Counts]
    false_positives: list[dict]
    misses: list[dict]
    unscored_documents: list[str]
    unscored_relations: dict[str, int] = field(default_factory=dict)  # extracted facts of kinds no gold covers
    by_rule: dict[str, Counts] = field(default_factory=dict)  # extracted / strictly right, per extraction rule

    def as_dict(self) -> dict:
        return {
            "overall": self.total.scores(),
            "by_relation": {k: v.scores() for k, v in sorted(self.by_relation.items())},
            "by_document": {k: v.scores() for k, v in sorted(self.by_document.items())},
            "false_positives": self.false_positives,
            "misses": self.misses,
            "documents_without_gold": self.unscored_documents,
            "unscored_relations": self.unscored_relations,
            "by_rule": {k: {"extracted": v.extracted, "matched": v.strict,
                            "precision": round(v.strict / v.extracted, 4) if v.extracted else 0.0}
                        for k, v in sorted(self.by_rule.items())},
        }


def _line(subject: str, relation: str, obj: str, value, unit: str, bound: str, rank, scope: str, category: str,
          period: str) -> str:
    """One line for a fact, gold or extracted: "Xiaomi | Revenue | 271000000000 CNY | period=2023"."""
    parts = [subject, relation]
    if obj:
        parts.append(obj)
    if value is not None:
        parts.append(f"{value} {unit}" + ("" if bound in ("", "Exact") else f" ({bound})"))
    if rank is not None:
        parts.append(f"#{rank}" + (" (top)" if bound == "UpperBound" else ""))
    if scope:
        parts.append(f"scope={scope}")
    if category:
        parts.append(f"category={category}")
    if period:
        parts.append(f"period={period}")
    return " | ".join(str(p) for p in parts)


def _describe_gold(f: GoldFact) -> str:
    first = lambda names: names[0] if names else ""  # noqa: E731
    return _line(f.subject[0], f.relation, first(f.obj), f.value, f.unit, f.bound, f.rank, first(f.scope),
                 first(f.category), f.period)


def describe(e: Extracted, labels: dict[str, str]) -> str:
    name = lambda iri: labels.get(iri) or iri.rsplit("/", 1)[-1] if iri else ""  # noqa: E731
    return _line(name(e.subject), e.relation, e.obj if e.relation == "foundedOn" else name(e.obj), e.value, e.unit,
                 e.bound, e.rank, name(e.scope), name(e.category), e.period)


def score(graph: GraphFacts, golds: list[GoldDocument]) -> Report:
    """Score every gold document against the facts the graph asserts for it."""
    m = Matcher(graph)
    total, by_rel, by_doc, by_rule = Counts(), {}, {}, {}
    fps, misses = [], []
    scored_relations = DOCUMENTED | {f.relation for gd in golds for f in gd.facts}
    scored_relations |= {graph.inverse[r] for r in scored_relations if r in graph.inverse}
    unscored: dict[str, int] = {}
    for gd in golds:
        gold = list(gd.facts)
        ext = []
        for e in graph.facts.get(gd.doc_id, []):
            if e.relation in scored_relations:
                ext.append(e)
            else:
                unscored[e.relation] = unscored.get(e.relation, 0) + 1
        strict = _max_matching(gold, ext, m.strict)
        lenient = _max_matching(gold, ext, m.lenient)
        c = Counts(extracted=len(ext), gold=len(gold), strict=len(strict), lenient=len(lenient),
                   core=sum(f.core for f in gold), core_strict=sum(gold[i].core for i in strict),
                   core_lenient=sum(gold[i].core for i in lenient))
        by_doc[gd.doc_id] = c
        total.add(c)
        for i, f in enumerate(gold):
            rc = by_rel.setdefault(f.relation, Counts())
            rc.gold += 1
            rc.core += f.core
            rc.strict += i in strict
            rc.lenient += i in lenient
            rc.core_strict += f.core and i in strict
            rc.core_lenient += f.core and i in lenient
        for e in ext:
            by_rel.setdefault(e.relation, Counts()).extracted += 1
        strict_ext = set(strict.values())
        for j, e in enumerate(ext):
            for rule in e.rules or ("?",):
                rc = by_rule.setdefault(rule, Counts())
                rc.extracted += 1
                rc.strict += j in strict_ext
        lenient_rev = {j: i for i, j in lenient.items()}
        for j, e in enumerate(ext):
            if j in strict_ext:
                continue
            near = lenient_rev.get(j)
            fps.append({"document": gd.doc_id, "fact": describe(e, graph.labels), "quotes": list(e.quotes),
                        "confidence": e.confidence, "rules": list(e.rules),
                        "nearest_gold": _describe_gold(gold[near]) if near is not None else None,
                        "wrong": m.differences(gold[near], e) if near is not None else None})
        for i, f in enumerate(gold):
            if i in strict:
                continue
            j = lenient.get(i)
            misses.append({"document": gd.doc_id, "gold": _describe_gold(f), "core": f.core, "quote": f.quote,
                           "nearest_extracted": describe(ext[j], graph.labels) if j is not None else None,
                           "wrong": m.differences(f, ext[j]) if j is not None else None})
    scored = {g.doc_id for g in golds}
    unscored_docs = sorted(d for d in graph.facts if d not in scored)
    return Report(total, by_rel, by_doc, fps, misses, unscored_docs, dict(sorted(unscored.items())), by_rule)


def load_store_from_nquads(data: bytes):
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    return store


def format_report(report: Report, summary: bool = False, limit: int = 50) -> str:
    """The report as text: overall and per-relation tables, then (unless ``summary``) per
    document, false positives and misses."""
    d = report.as_dict()
    o = d["overall"]
    lines = [f"{'':10} {'P':>6} {'R':>6} {'F1':>6} {'core R':>7}   extracted {o['extracted']}, gold {o['gold']} ({o['core']} core)"]
    for level in ("strict", "lenient"):
        s = o[level]
        core = "" if s["core_recall"] is None else f"{s['core_recall']:.3f}"
        lines.append(f"{level:10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {core:>7}   matched {s['matched']}")

    def table(title: str, rows: dict) -> None:
        lines.append("")
        lines.append(f"{title:28} {'ext':>4} {'gold':>4}  {'P':>5} {'R':>5} {'F1':>5}   lenient P/R")
        for name, r in rows.items():
            s, l = r["strict"], r["lenient"]
            lines.append(f"{name[:28]:28} {r['extracted']:4} {r['gold']:4}  {s['precision']:5.2f} {s['recall']:5.2f} "
                         f"{s['f1']:5.2f}   {l['precision']:.2f}/{l['recall']:.2f}")

    table("by relation (strict)", d["by_relation"])
    if summary:
        return "\n".join(lines)
    table("by document (strict)", d["by_document"])
    if d["by_rule"]:
        lines.append("")
        lines.append(f"{'by extraction rule':28} {'ext':>4} {'right':>5}  {'P':>5}")
        for name, r in d["by_rule"].items():
            lines.append(f"{name[:28]:28} {r['extracted']:4} {r['matched']:5}  {r['precision']:5.2f}")
    if report.unscored_relations:
        lines.append("\nnot scored (no gold covers these kinds): "
                     + ", ".join(f"{k} {v}" for k, v in report.unscored_relations.items()))
    if report.unscored_documents:
        lines.append(f"\ndocuments without a gold file (not scored): {', '.join(report.unscored_documents)}")
    lines.append(f"\nfalse positives (strict): {len(report.false_positives)}" + (f", first {limit}" if len(report.false_positives) > limit else ""))
    for fp in report.false_positives[:limit]:
        why = f"   [wrong {', '.join(fp['wrong'])} of: {fp['nearest_gold']}]" if fp["nearest_gold"] else ""
        lines.append(f"  {fp['document']}: {fp['fact']}{why}")
        for q in fp["quotes"][:1]:
            lines.append(f"      « {q} »")
    lines.append(f"\nmisses (strict): {len(report.misses)}" + (f", first {limit}" if len(report.misses) > limit else ""))
    for miss in report.misses[:limit]:
        why = f"   [found with wrong {', '.join(miss['wrong'])}: {miss['nearest_extracted']}]" if miss["nearest_extracted"] else ""
        lines.append(f"  {miss['document']}: {'*' if miss['core'] else ''}{miss['gold']}{why}")
        lines.append(f"      « {miss['quote']} »")
    return "\n".join(lines)


def sweep(graph: GraphFacts, golds: list[GoldDocument], thresholds=(0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)) -> list[dict]:
    """Strict scores when only facts at least as confident as each threshold are kept (read the
    graph with ``candidates=True`` to see what the build's threshold left out)."""
    rows = []
    for th in thresholds:
        kept = GraphFacts({d: [e for e in fs if e.confidence >= th] for d, fs in graph.facts.items()},
                          graph.names, graph.labels, graph.inverse, graph.symmetric)
        s = score(kept, golds).as_dict()["overall"]
        rows.append({"threshold": th, "extracted": s["extracted"], **{k: s["strict"][k] for k in ("precision", "recall", "f1")},
                     "core_recall": s["strict"]["core_recall"]})
    return rows
