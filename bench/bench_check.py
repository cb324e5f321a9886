"""Benchmark `kg check`: the OWL DL reasoner against the fast SPARQL rules, side by side.

Runs `kg check` (through its library entry point, so the CLI's start-up is not counted)
on the seed graph and on a synthetic graph of ~10^5 triples laid out like build/graph.trig
(entities, direct relation triples, reified facts, quantitative statements, market
positions, evidence, sentences, documents, per-document named graphs), and prints a
table with the time of each phase and the ratios.

    /work/venv/bin/python bench/bench_check.py            # seed + 10^5 triples
    /work/venv/bin/python bench/bench_check.py --triples 20000 --repeat 1
    /work/venv/bin/python bench/bench_check.py --owlrl    # also time owlrl's OWL RL closure

Keep it modest: the machine is shared (2 cores); each DL run starts a JVM.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

KG = "https://w3id.org/kg/ontology#"
ID = "https://w3id.org/kg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"

# (property, subject pool, object pool, English verb): relations the synthetic text states.
RELATIONS = [
    ("develops", "Company", "Chipset", "develops"),
    ("releases", "Company", "Smartphone", "releases"),
    ("partOfSeries", "Smartphone", "ProductSeries", "belongs to the series"),
    ("heldBy", "ProductSeries", "Museum", "is held by"),
    ("chairOf", "Person", "Company", "is the chair of"),
    ("founderOf", "Person", "Company", "founded"),
    ("wonAward", "Company", "Award", "won"),
    ("awardedBy", "Award", "Association", "is given by"),
    ("visited", "Person", "Country", "visited"),
    ("locatedIn", "City", "Country", "lies in"),
    ("inRegion", "Country", "Region", "lies in the region"),
    ("hasGrowthMarket", "Company", "Market", "names as a growth market"),
]
POOL_SHARE = {"Company": 6, "Person": 4, "Chipset": 3, "Smartphone": 8, "ProductSeries": 2, "Museum": 1,
              "Award": 2, "Association": 1, "Country": 2, "City": 2, "Region": 1, "ResearchFirm": 1}


def synthetic_quads(target: int, seed: int = 7):
    """Quads of a consistent, conforming graph with about ``target`` default-graph triples."""
    import pyoxigraph as ox

    rnd = random.Random(seed)
    N, L = ox.NamedNode, ox.Literal
    dflt = ox.DefaultGraph()
    quads: list = []
    count = [0]

    def lit(v, dt=None, lang=None):
        if lang:
            return L(str(v), language=lang)
        return L(str(v), datatype=N(XSD + dt)) if dt else L(str(v))

    def add(s, p, o, doc=None):
        quads.append(ox.Quad(s, p, o, dflt))
        count[0] += 1
        if doc is not None:
            quads.append(ox.Quad(s, p, o, N(ID + f"graph/doc/{doc}")))

    def kg(name):
        return N(KG + name)

    def digest(*parts):
        return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]

    type_ = N(RDF + "type")
    n_entities = max(60, target // 90)
    total_share = sum(POOL_SHARE.values())
    pools: dict = {}
    for cls, share in POOL_SHARE.items():
        size = max(2, n_entities * share // total_share)
        pools[cls] = []
        for i in range(size):
            e = N(ID + f"x-{cls.lower()}-{i}")
            pools[cls].append(e)
            add(e, type_, kg(cls))
            add(e, N(RDFS + "label"), lit(f"{cls} {i}", lang="en"))
            add(e, N(RDFS + "label"), lit(f"{cls}{i}号", lang="zh"))
    markets = []
    for country in pools["Country"]:
        m = N(ID + "market/" + country.value.rsplit("/", 1)[1])
        markets.append(m)
        add(m, type_, kg("Market"))
        add(m, kg("marketArea"), country)
        add(m, N(RDFS + "label"), lit(f"market of {country.value.rsplit('/', 1)[1]}", lang="en"))
    pools["Market"] = markets
    periods = []
    for year in range(2010, 2020):
        for q in (None, 1, 2, 3, 4):
            key = f"{year}" if q is None else f"{year}-Q{q}"
            p = N(ID + f"period/{key}")
            periods.append(p)
            add(p, type_, kg("Period"))
            add(p, N(RDFS + "label"), lit(key))
            add(p, kg("year"), lit(year, "gYear"))
            if q:
                add(p, kg("quarter"), lit(q, "integer"))
            first_month = 1 if q is None else 3 * q - 2
            last_month, last_day = (12, 31) if q is None else (3 * q, (31, 30, 30, 31)[q - 1])
            add(p, kg("startDate"), lit(f"{year}-{first_month:02d}-01", "date"))
            add(p, kg("endDate"), lit(f"{year}-{last_month:02d}-{last_day}", "date"))
    rules = [N(ID + f"rule/r{i}") for i in range(20)]
    for r in rules:
        add(r, type_, kg("ExtractionRule"))
        add(r, N(RDFS + "label"), lit(r.value.rsplit("/", 1)[1], lang="en"))

    n_docs = max(2, target // 5000)
    doc_state = []
    for d in range(n_docs):
        doc_id = f"{d:03d}_synthetic"
        node = N(ID + f"doc/{doc_id}")
        add(node, type_, kg("Document"))
        add(node, N(DCT + "identifier"), lit(doc_id))
        add(node, N(DCT + "language"), lit("en"))
        add(node, N(DCT + "title"), lit(f"Synthetic report {d}", lang="en"))
        add(node, N(DCT + "date"), lit(f"2018-0{1 + d % 9}-1{d % 10}", "date"))
        add(node, kg("sourceFile"), lit(f"data/corpus/{doc_id}.txt"))
        doc_state.append([doc_id, node, 0, 0])  # id, node, next sentence index, next char offset

    def sentence(text):
        st = rnd.choice(doc_state)
        doc_id, doc, index, offset = st
        s = N(ID + f"doc/{doc_id}/s/{index}")
        add(s, type_, kg("Sentence"), doc_id)
        add(s, kg("inDocument"), doc, doc_id)
        add(s, kg("sentenceIndex"), lit(index, "nonNegativeInteger"), doc_id)
        add(s, kg("charStart"), lit(offset, "nonNegativeInteger"), doc_id)
        add(s, kg("charEnd"), lit(offset + len(text), "nonNegativeInteger"), doc_id)
        add(s, kg("text"), lit(text), doc_id)
        st[2], st[3] = index + 1, offset + len(text) + 1
        return doc_id, doc, s, offset

    def evidence(fact, text, quote):
        doc_id, doc, s, offset = sentence(text)
        start = offset + text.index(quote)
        rule = rnd.choice(rules)
        ev = N(ID + "ev/" + digest(doc_id, start, rule.value))
        for p, o in ((type_, kg("Evidence")), (kg("inDocument"), doc), (kg("inSentence"), s),
                     (kg("charStart"), lit(start, "nonNegativeInteger")),
                     (kg("charEnd"), lit(start + len(quote), "nonNegativeInteger")),
                     (kg("quote"), lit(quote)), (kg("extractedBy"), rule), (kg("confidence"), lit("0.9", "decimal"))):
            add(ev, p, o, doc_id)
        add(fact, kg("hasEvidence"), ev, doc_id)
        add(fact, kg("confidence"), lit("0.9", "decimal"), doc_id)

    def name(e):
        return e.value.rsplit("/", 1)[1]

    seen = set()
    while count[0] < target:
        kind = rnd.random()
        if kind < 0.7:
            prop, sp, op, verb = rnd.choice(RELATIONS)
            s, o = rnd.choice(pools[sp]), rnd.choice(pools[op])
            if (s, prop, o) in seen:
                continue
            seen.add((s, prop, o))
            fact = N(ID + "fact/" + digest(s.value, prop, o.value))
            add(s, kg(prop), o)
            for p, v in ((type_, kg("RelationFact")), (N(RDF + "subject"), s), (N(RDF + "predicate"), kg(prop)),
                         (N(RDF + "object"), o)):
                add(fact, p, v)
            if rnd.random() < 0.3:
                add(fact, kg("period"), rnd.choice(periods))
            quote = f"{name(s)} {verb} {name(o)}"
            evidence(fact, f"In this report, {quote}, sources say.", quote)
        elif kind < 0.9:
            s, m, p = rnd.choice(pools["Company"]), rnd.choice(markets), rnd.choice(periods)
            value = rnd.randint(1, 900)
            fact = N(ID + "fact/" + digest(s.value, "q", m.value, p.value, value))
            for pr, v in ((type_, kg("QuantitativeStatement")), (kg("statementSubject"), s),
                          (kg("metric"), kg("MarketShare")), (kg("value"), lit(f"{value / 10}", "decimal")),
                          (kg("unit"), kg("Percent")), (kg("bound"), kg("Exact")), (kg("period"), p),
                          (kg("scope"), m)):
                add(fact, pr, v)
            quote = f"a share of {value / 10}%"
            evidence(fact, f"{name(s)} reached {quote} in {name(m)}.", quote)
        else:
            s, m, p = rnd.choice(pools["Company"]), rnd.choice(markets), rnd.choice(periods)
            rank = rnd.randint(1, 10)
            fact = N(ID + "fact/" + digest(s.value, "r", m.value, p.value, rank))
            for pr, v in ((type_, kg("MarketPosition")), (kg("statementSubject"), s),
                          (kg("rank"), lit(rank, "positiveInteger")), (kg("bound"), kg("Exact")),
                          (kg("period"), p), (kg("scope"), m), (kg("reportedBy"), rnd.choice(pools["ResearchFirm"]))):
                add(fact, pr, v)
            quote = f"ranked number {rank}"
            evidence(fact, f"{name(s)} {quote} in {name(m)}.", quote)
    for cls in ("Company", "Person", "Chipset", "Smartphone"):
        for e in pools[cls]:
            add(e, kg("mentionedIn"), doc_state[0][1], doc_state[0][0])
    return list(dict.fromkeys(quads))


def write_synthetic(path: Path, target: int) -> int:
    import pyoxigraph as ox

    quads = synthetic_quads(target)
    ox.serialize(quads, str(path), format=ox.RdfFormat.TRIG)
    return sum(1 for q in quads if isinstance(q.graph_name, ox.DefaultGraph))


def time_check(graph: Path, mode: str, repeat: int) -> tuple[float, object]:
    from kg import validate

    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        report = validate.check(graph, mode=mode, write=False)
        runs.append((time.perf_counter() - t0, report))
    return min(runs, key=lambda r: r[0])  # the best run, with its own phase timings


def time_owlrl(graph: Path) -> float:
    """owlrl's OWL RL closure of the default graph + ontology (no verdict: owlrl never raises)."""
    import owlrl
    import rdflib

    from kg import resources

    ds = rdflib.Dataset()
    ds.parse(graph, format="trig")
    g = rdflib.Graph()
    for t in ds.default_graph:
        g.add(t)
    g.parse(resources.ontology_path(), format="turtle")
    t0 = time.perf_counter()
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=100_000, help="size of the synthetic graph (default graph triples)")
    ap.add_argument("--repeat", type=int, default=2, help="runs per cell; the best is reported")
    ap.add_argument("--seed-graph", type=Path, default=None, help="graph of the seed corpus (default: build it now)")
    ap.add_argument("--owlrl", action="store_true", help="also time owlrl's OWL RL closure (slow at 10^5)")
    ap.add_argument("--hermit-large", action="store_true", help="also run HermiT on the large graph (minutes)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp_name:
        return _run(args, Path(tmp_name))


def _run(args, tmp: Path) -> int:
    from kg import pipeline

    graphs = []
    if args.seed_graph:
        graphs.append(("seed", args.seed_graph))
    else:
        out = pipeline.write(pipeline.build([]), tmp / "seed")
        graphs.append(("seed", out / "graph.trig"))
    synth = tmp / "synthetic.trig"
    n = write_synthetic(synth, args.triples)
    graphs.append((f"synthetic {n:,}", synth))

    modes = [("pellet", "DL: Pellet"), ("hermit", "DL: HermiT"), ("fast", "fast: SPARQL rules"), ("none", "SHACL only")]
    rows = []
    for i, (label, path) in enumerate(graphs):
        cells = {}
        for mode, _title in modes:
            if mode == "hermit" and i > 0 and not args.hermit_large:
                continue  # HermiT needs ~3 minutes at 10^5 triples
            cells[mode] = time_check(path, mode, args.repeat)
        rows.append((label, path, cells))

    import os

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"kg check, best of {args.repeat}: total seconds (reasoning phase + SHACL phase); "
          f"load average {load} on {os.cpu_count()} cores")
    print(f"{'graph':<20}{'triples':>9}" + "".join(f"{t:>24}" for _m, t in modes))
    for label, _path, cells in rows:
        line = f"{label:<20}{next(iter(cells.values()))[1].triples:>9,}"
        for mode, _t in modes:
            if mode not in cells:
                line += f"{'skipped':>24}"
                continue
            secs, rep = cells[mode]
            line += f"{secs:>9.2f} ({rep.timings.get('reason', 0):>5.2f} +{rep.timings.get('shapes', 0):>6.2f})"
        print(line)
    print()
    print("ratios, DL reasoner / fast rules: total time, [reasoning phase only]; inferred triples")
    for label, _path, cells in rows:
        fast_total, fast_rep = cells["fast"]
        for mode in ("pellet", "hermit"):
            if mode not in cells:
                continue
            secs, rep = cells[mode]
            r_dl, r_fast = rep.timings.get("reason", 0), fast_rep.timings.get("reason", 0)
            print(f"  {label:<20} {mode:<7} {secs / fast_total:6.1f}x  [{r_dl / max(r_fast, 1e-9):6.1f}x]"
                  f"   inferred: DL {len(rep.inferred):,}, rules {len(fast_rep.inferred):,}, found only by the DL {rep.dl_only}")
        none_total = cells["none"][0]
        print(f"  {label:<20} SHACL only {none_total:.2f} s; the fast rules add {fast_total - none_total:+.2f} s")
    if args.owlrl:
        print()
        for label, path, cells in rows:
            t = time_owlrl(path)
            print(f"  owlrl OWL RL closure, {label}: {t:.2f} s  ({t / cells['fast'][1].timings.get('reason', 1e-9):.0f}x "
                  "the SPARQL rules' reasoning phase; owlrl gives no verdict either)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
