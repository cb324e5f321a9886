"""Latency of the query library (queries/*.rq), side by side, in one run.

    python bench/bench_queries.py                 # seed graph + 10^6-triple synthetic graph
    python bench/bench_queries.py --triples 200000 --timeout 5
    python bench/bench_queries.py --build build   # use an existing build for the seed graph

Engines, each loading the same files (graph + ontology into the default graph):
  pyoxigraph  the pyoxigraph Store kg query and kg serve use
  oxrdflib    rdflib Dataset on the oxrdflib store (queries handed to pyoxigraph)
  rdflib      rdflib Dataset on its default in-memory store (rdflib's own SPARQL engine)

Every query runs with its default parameters bound exactly as ``kg query`` binds them
(a VALUES block). Latency = best of --repeat runs, parse + evaluation + reading every
row. rdflib at 10^6 triples runs each query once, under a per-query time limit
(--timeout): rdflib is pure Python, so a SIGALRM handler interrupts it; a query that
hits the limit is reported as ">limit". Row counts are compared across engines.

The synthetic graph follows build/graph.trig's default-graph layout (entities with
en/zh labels and most specific types, reified relation facts with direct triples,
quantitative statements, market positions, goals, periods, evidence, sentences,
documents); it has no per-document named graphs, which no library query reads.
"""
from __future__ import annotations

import argparse
import math
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KG = "https://w3id.org/kg/ontology#"
ID = "https://w3id.org/kg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"


# ----------------------------------------------------------------------------- synthetic graph

class Writer:
    def __init__(self, out):
        self.out = out
        self.count = 0

    def t(self, s: str, p: str, o: str) -> None:
        self.out.write(f"{s} {p} {o} .\n")
        self.count += 1


def iri(ns: str, local: str) -> str:
    return f"<{ns}{local}>"


def lit(value, datatype: str | None = None, lang: str | None = None) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{text}"@{lang}'
    if datatype:
        return f'"{text}"^^<{XSD}{datatype}>'
    return f'"{text}"'


A, LABEL, ALT = f"<{RDF}type>", f"<{RDFS}label>", f"<{SKOS}altLabel>"


def kg(name: str) -> str:
    return iri(KG, name)


def kid(local: str) -> str:
    return iri(ID, local)


def synthetic(path: Path, target: int, seed: int = 7) -> int:
    """Write an N-Triples file of about ``target`` triples shaped like the kg layout."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        w = Writer(out)
        # places, markets, periods, research firms, museums, awards, documents
        countries = [f"country-{i:03d}" for i in range(200)]
        regions = [f"region-{i:02d}" for i in range(20)]
        cities = [f"city-{i:03d}" for i in range(150)]
        for i, c in enumerate(countries):
            w.t(kid(c), A, kg("Country")); w.t(kid(c), LABEL, lit(f"Country {i}", lang="en")); w.t(kid(c), LABEL, lit(f"国家{i}", lang="zh"))
            w.t(kid(c), kg("inRegion"), kid(regions[i % len(regions)]))
        for i, r in enumerate(regions):
            w.t(kid(r), A, kg("Region")); w.t(kid(r), LABEL, lit(f"Region {i}", lang="en")); w.t(kid(r), LABEL, lit(f"地区{i}", lang="zh"))
        for i, c in enumerate(cities):
            w.t(kid(c), A, kg("City")); w.t(kid(c), LABEL, lit(f"City {i}", lang="en"))
            if i % 3:
                w.t(kid(c), LABEL, lit(f"城市{i}", lang="zh"))  # some entities lack a zh label
            w.t(kid(c), kg("locatedIn"), kid(countries[i % len(countries)]))
        markets = [f"market/{p}" for p in countries + regions + ["world"]]
        for m in markets:
            place = m.split("/", 1)[1]
            w.t(kid(m), A, kg("Market")); w.t(kid(m), kg("marketArea"), kid(place))
            w.t(kid(m), LABEL, lit(f"{place} market", lang="en")); w.t(kid(m), LABEL, lit(f"{place}市场", lang="zh"))
        periods = []
        for year in range(2005, 2021):
            key = str(year)
            periods.append((key, f"{year}-01-01"))
            for quarter in range(1, 5):
                periods.append((f"{year}-Q{quarter}", f"{year}-{3 * quarter - 2:02d}-01"))
        for key, start in periods:
            node = kid(f"period/{key}")
            w.t(node, A, kg("Period")); w.t(node, LABEL, lit(key)); w.t(node, kg("year"), lit(key[:4], "gYear"))
            w.t(node, kg("startDate"), lit(start, "date"))
            if "-Q" in key:
                w.t(node, kg("quarter"), lit(key[-1], "integer"))
        firms = [f"firm-{i}" for i in range(5)]
        museums = [f"museum-{i:02d}" for i in range(60)]
        awards = [f"award-{i:03d}" for i in range(120)]
        for i, f in enumerate(firms):
            w.t(kid(f), A, kg("ResearchFirm")); w.t(kid(f), LABEL, lit(f"Firm {i}", lang="en")); w.t(kid(f), LABEL, lit(f"机构{i}", lang="zh"))
        for i, m in enumerate(museums):
            w.t(kid(m), A, kg("Museum")); w.t(kid(m), LABEL, lit(f"Museum {i}", lang="en")); w.t(kid(m), LABEL, lit(f"博物馆{i}", lang="zh"))
            w.t(kid(m), kg("locatedIn"), kid(cities[i])); w.t(kid(m), kg("country"), kid(countries[i % len(countries)]))
        for i, a in enumerate(awards):
            w.t(kid(a), A, kg("Award")); w.t(kid(a), LABEL, lit(f"Award {i}", lang="en")); w.t(kid(a), LABEL, lit(f"奖项{i}", lang="zh"))
            w.t(kid(a), kg("country"), kid(countries[i % 40]))
        n_docs = 400
        for d in range(n_docs):
            doc = kid(f"doc/d{d:04d}")
            w.t(doc, A, kg("Document")); w.t(doc, iri(DCT, "identifier"), lit(f"d{d:04d}"))
            w.t(doc, iri(DCT, "language"), lit("zh" if d % 2 == 0 else "en"))
            w.t(doc, iri(DCT, "title"), lit(f"Document {d}", lang="zh" if d % 2 == 0 else "en"))
        sentence_counter = [0] * n_docs

        def evidence(fact: str, quote: str) -> None:
            for k in range(1 if rnd.random() < 0.6 else 2):
                d = rnd.randrange(n_docs) if k == 0 else (rnd.randrange(n_docs // 2) * 2 + 1)
                n = sentence_counter[d]
                if n == 0 or rnd.random() < 0.5:
                    sentence_counter[d] += 1
                    sent = kid(f"doc/d{d:04d}/s/{n}")
                    w.t(sent, A, kg("Sentence")); w.t(sent, kg("inDocument"), kid(f"doc/d{d:04d}"))
                    w.t(sent, kg("sentenceIndex"), lit(n, "nonNegativeInteger"))
                    w.t(sent, kg("charStart"), lit(n * 80, "nonNegativeInteger")); w.t(sent, kg("charEnd"), lit(n * 80 + 79, "nonNegativeInteger"))
                    w.t(sent, kg("text"), lit(f"Sentence {n} of document {d}: {quote}."))
                else:
                    n -= 1
                    sent = kid(f"doc/d{d:04d}/s/{n}")
                ev = kid(f"ev/{fact.rsplit('/', 1)[1][:-1]}-{k}")
                w.t(fact, kg("hasEvidence"), ev)
                w.t(ev, A, kg("Evidence")); w.t(ev, kg("inDocument"), kid(f"doc/d{d:04d}")); w.t(ev, kg("inSentence"), sent)
                w.t(ev, kg("charStart"), lit(n * 80 + 3, "nonNegativeInteger")); w.t(ev, kg("charEnd"), lit(n * 80 + 40, "nonNegativeInteger"))
                w.t(ev, kg("quote"), lit(quote)); w.t(ev, kg("extractedBy"), kid("rule/synthetic"))
                w.t(ev, kg("confidence"), lit("0.9", "decimal"))

        fact_no = [0]

        def new_fact(cls: str) -> str:
            fact_no[0] += 1
            node = kid(f"fact/{fact_no[0]:012x}")
            w.t(node, A, kg(cls))
            w.t(node, kg("confidence"), lit("0.9", "decimal"))
            return node

        def relation(s: str, p: str, o: str, period: str | None = None, **extra) -> None:
            w.t(s, kg(p), o)
            node = new_fact("RelationFact")
            w.t(node, A, iri(RDF, "Statement"))
            w.t(node, iri(RDF, "subject"), s); w.t(node, iri(RDF, "predicate"), kg(p)); w.t(node, iri(RDF, "object"), o)
            if period:
                w.t(node, kg("period"), kid(f"period/{period}"))
            for key, value in extra.items():
                w.t(node, kg(key), value)
            evidence(node, f"{p} fact")

        def quantity(s: str, metric: str, value, unit: str, bound: str, period: str, **extra) -> None:
            node = new_fact("QuantitativeStatement")
            w.t(node, kg("statementSubject"), s); w.t(node, kg("metric"), kg(metric)); w.t(node, kg("value"), lit(value, "decimal"))
            w.t(node, kg("unit"), kg(unit)); w.t(node, kg("bound"), kg(bound)); w.t(node, kg("period"), kid(f"period/{period}"))
            for key, v in extra.items():
                w.t(node, kg(key), v)
            evidence(node, f"{metric} {value}")

        company = 0
        while w.count < target:
            cid = "xiaomi" if company == 0 else f"company-{company:05d}"
            person = "lei-jun" if company == 0 else f"person-{company:05d}"
            c, pn = kid(cid), kid(person)
            w.t(c, A, kg("Company")); w.t(c, LABEL, lit("Xiaomi" if company == 0 else f"Company {company}", lang="en"))
            w.t(c, LABEL, lit("小米" if company == 0 else f"公司{company}", lang="zh")); w.t(c, ALT, lit(f"Co {company}", lang="en"))
            w.t(pn, A, kg("Person")); w.t(pn, LABEL, lit(f"Person {company}", lang="en")); w.t(pn, LABEL, lit(f"人物{company}", lang="zh"))
            relation(pn, "chairOf", c, rnd.choice(periods)[0])
            series = kid(f"{cid}-series")
            w.t(series, A, kg("ProductSeries")); w.t(series, LABEL, lit(f"Series {company}", lang="en"))
            w.t(series, LABEL, lit(f"系列{company}", lang="zh"))
            relation(c, "develops", series)
            if rnd.random() < 0.3:
                relation(series, "heldBy", kid(rnd.choice(museums)))
            for j in range(6):
                prod = kid(f"{cid}-product-{j}")
                w.t(prod, A, kg("Smartphone" if j % 3 else "Chipset"))
                w.t(prod, LABEL, lit(f"Product {company}-{j}", lang="en")); w.t(prod, LABEL, lit(f"产品{company}-{j}", lang="zh"))
                relation(c, "develops", prod, rnd.choice(periods)[0])
                relation(c, "releases", prod, rnd.choice(periods)[0])
                relation(prod, "partOfSeries", series)
                if rnd.random() < 0.2:
                    relation(prod, "wonAward", kid(rnd.choice(awards)), rnd.choice(periods)[0])
            for _ in range(2):
                relation(c, "wonAward", kid(rnd.choice(awards)), rnd.choice(periods)[0])
            for _ in range(3):
                relation(c, "hasGrowthMarket", kid(rnd.choice(markets)))
            relation(kid(rnd.choice(countries)), "representativeOf", kid(rnd.choice(markets)))
            for _ in range(3):
                relation(pn, "visited", kid(rnd.choice(countries)), rnd.choice(periods)[0],
                         count=lit(rnd.randint(1, 5), "integer"))
            for year in range(2012, 2018):
                quantity(c, "Revenue", rnd.randint(10, 2000) * 10**8, "CNY", rnd.choice(["Exact", "LowerBound"]), str(year))
            quantity(c, "YearsToRevenueMilestone", rnd.randint(3, 30), "Years", "Exact", "2017",
                     threshold=lit(100000000000, "decimal"), thresholdUnit=kg("CNY"))
            quantity(c, "Employees", rnd.randint(100, 50000), "Count", "LowerBound", "2017")
            for _ in range(3):
                node = new_fact("MarketPosition")
                w.t(node, kg("statementSubject"), c); w.t(node, kg("rank"), lit(rnd.randint(1, 10), "positiveInteger"))
                w.t(node, kg("bound"), kg(rnd.choice(["Exact", "UpperBound"]))); w.t(node, kg("scope"), kid(rnd.choice(markets)))
                w.t(node, kg("period"), kid(f"period/{rnd.choice(periods)[0]}")); w.t(node, kg("reportedBy"), kid(rnd.choice(firms)))
                evidence(node, "rank")
            node = new_fact("Goal")
            w.t(node, kg("statementSubject"), c); w.t(node, kg("goalText"), lit(f"目标{company}", lang="zh"))
            w.t(node, kg("rank"), lit(1, "positiveInteger")); w.t(node, kg("scope"), kid(rnd.choice(markets)))
            w.t(node, kg("deadline"), kid(f"period/{rnd.choice(periods)[0]}"))
            evidence(node, "goal")
            company += 1
        return w.count


# ----------------------------------------------------------------------------- engines

class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


class Engine:
    name = ""

    def load(self, files: list[Path]) -> None: ...

    def run(self, text: str) -> int: ...


class Pyoxigraph(Engine):
    name = "pyoxigraph"

    def load(self, files):
        from kg import query as q

        self.target = q.LocalStore(q.load_store(files, ontology=False), "bench")

    def run(self, text):
        return len(self.target.run(text))


class RdflibEngine(Engine):
    def __init__(self, store: str, label: str):
        self.store, self.name = store, label

    def load(self, files):
        import rdflib

        # A Dataset only where named graphs exist: rdflib adds triples to a Dataset's
        # default graph ~17x slower than to a Graph (measured here: 10^6 N-Triples, 418 s vs 24 s).
        quads = any(f.suffix == ".trig" for f in files)
        self.ds = rdflib.Dataset(store=self.store) if quads else rdflib.Graph(store=self.store)
        for f in files:
            fmt = {"trig": "trig", "ttl": "turtle", "nt": "nt"}[f.suffix[1:]]
            if self.store == "Oxigraph":
                fmt = "ox-" + fmt
            if f.suffix == ".trig" or not quads:
                self.ds.parse(f, format=fmt)
            else:
                self.ds.default_graph.parse(f, format=fmt)

    def run(self, text):
        from kg.query import PREFIXES

        return len(list(self.ds.query(text, initNs=PREFIXES)))


def measure(engine: Engine, text: str, repeat: int, limit: float | None) -> tuple[float | None, int | None]:
    """Best time in seconds (None on timeout) and the row count."""
    best, rows = math.inf, None
    for _ in range(repeat):
        if limit:
            signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, limit)
        start = time.perf_counter()
        try:
            rows = engine.run(text)
        except Timeout:
            return None, None
        finally:
            if limit:
                signal.setitimer(signal.ITIMER_REAL, 0)
        best = min(best, time.perf_counter() - start)
    return best, rows


def bench(label: str, files: list[Path], engines: list[Engine], queries, repeat: dict, limit: dict) -> None:
    print(f"\n== {label}")
    loads = {}
    for e in engines:
        start = time.perf_counter()
        e.load(files)
        loads[e.name] = time.perf_counter() - start
    print("load:  " + "   ".join(f"{e.name} {loads[e.name]:.2f} s" for e in engines)
          + f"   (rdflib / pyoxigraph = {loads[engines[-1].name] / loads[engines[0].name]:.0f}x)")
    head = f"{'query':32}" + "".join(f"{e.name + ' ms':>15}" for e in engines) + "".join(
        f"{e.name + '/pyox':>16}" for e in engines[1:]) + "  rows"
    print(head)
    print("-" * len(head))
    ratios = {e.name: [] for e in engines[1:]}
    totals = {e.name: 0.0 for e in engines}
    for name, text in queries:
        times, counts = {}, {}
        for e in engines:
            times[e.name], counts[e.name] = measure(e, text, repeat.get(e.name, 1), limit.get(e.name))
        base = times[engines[0].name]
        cells = "".join(f"{t * 1000:15.1f}" if t is not None else f"{'>' + format(limit[e.name], 'g') + ' s':>15}"
                        for e, t in ((e, times[e.name]) for e in engines))
        rcells = ""
        for e in engines[1:]:
            t = times[e.name]
            if t is None:
                rcells += f"{'>' + format(limit[e.name] / base, '.0f') + 'x':>16}"
            else:
                ratios[e.name].append(t / base)
                rcells += f"{t / base:15.1f}x"
        for e in engines:
            totals[e.name] += times[e.name] if times[e.name] is not None else limit[e.name]
        found = {c for c in counts.values() if c is not None}
        rows = str(counts[engines[0].name]) + ("" if len(found) <= 1 else "  MISMATCH " + str(counts))
        print(f"{name:32}{cells}{rcells}  {rows}")
    print("-" * len(head))
    print(f"{'whole library (s)':32}" + "".join(f"{totals[e.name]:15.3f}" for e in engines)
          + "".join(f"{totals[e.name] / totals[engines[0].name]:15.1f}x" for e in engines[1:])
          + "   (a timed-out query counts as the limit)")
    for e in engines[1:]:
        if ratios[e.name]:
            print(f"geometric mean {e.name}/pyoxigraph over finished queries: "
                  f"{statistics.geometric_mean(ratios[e.name]):.1f}x  ({len(ratios[e.name])} of {len(queries)} finished)")


def main(argv=None) -> int:
    from kg import pipeline, resources
    from kg import query as q

    parser = argparse.ArgumentParser(description="Query-library latency: pyoxigraph vs rdflib, side by side.")
    parser.add_argument("--build", type=Path, help="existing build folder for the seed graph (default: build now)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph (0 skips it)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (best is kept); rdflib at scale runs once")
    parser.add_argument("--timeout", type=float, default=10.0, help="per-query limit for rdflib on the synthetic graph, s")
    parser.add_argument("--no-oxrdflib", action="store_true", help="leave out rdflib-on-oxrdflib")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build_dir = args.build
        if build_dir is None:
            build_dir = tmp / "build"
            pipeline.write(pipeline.build([]), build_dir)
        probe = q.open_local(build_dir)
        queries = []
        for spec in q.library():
            queries.append((spec.name, q.with_values(spec.text, q.bind_params(spec, {}, probe))))

        def engines():
            out = [Pyoxigraph()]
            if not args.no_oxrdflib:
                out.append(RdflibEngine("Oxigraph", "oxrdflib"))
            out.append(RdflibEngine("default", "rdflib"))
            return out

        onto = resources.ontology_path()
        bench(f"seed graph ({build_dir / 'graph.trig'}, {len(probe.store)} quads with the ontology)",
              [build_dir / "graph.trig", onto], engines(), queries,
              repeat={"pyoxigraph": args.repeat, "oxrdflib": args.repeat, "rdflib": args.repeat},
              limit={"pyoxigraph": None, "oxrdflib": None, "rdflib": 60.0})
        if args.triples:
            path = tmp / "synthetic.nt"
            start = time.perf_counter()
            n = synthetic(path, args.triples)
            print(f"\n(synthetic graph: {n} triples written in {time.perf_counter() - start:.1f} s)")
            bench(f"synthetic graph ({n} triples + ontology)", [path, onto], engines(), queries,
                  repeat={"pyoxigraph": 3, "oxrdflib": 3, "rdflib": 1},
                  limit={"pyoxigraph": None, "oxrdflib": None, "rdflib": args.timeout})
    print(f"\ntotal bench time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
