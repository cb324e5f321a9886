"""Render a 10,000-node synthetic graph and the seed graph side by side; time both in headless Chromium.

The synthetic graph has the real layout (entities with classes and labels in both languages,
RelationFacts with evidence in sentences of documents, market positions and quantitative
statements), minted with kg.iris. For each graph it prints: Python render time, page size,
time until the page is interactive (kg's readiness flag, set on the first drawing), and time
from a click on a node until the side panel shows its facts; then the ratios.

    /work/venv/bin/python bench/bench_render.py [--nodes 10000] [--keep DIR]

Needs Debian's chromium at /usr/bin/chromium. The network is blocked in the browser.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

# (class, share of entities, English stem, Chinese stem)
MIX = [("Company", 0.22, "Company", "公司"), ("Person", 0.16, "Person", "人物"), ("Smartphone", 0.16, "Phone", "手机"),
       ("Chipset", 0.04, "Chip", "芯片"), ("ProductSeries", 0.04, "Series", "系列"), ("City", 0.08, "City", "城市"),
       ("Country", 0.02, "Country", "国家"), ("Award", 0.08, "Award", "奖"), ("Museum", 0.03, "Museum", "博物馆"),
       ("ResearchFirm", 0.01, "Research", "研究机构")]


def synthetic_quads(n_nodes: int, seed: int = 1, n_docs: int = 40) -> list:
    """Quads of a synthetic build with about ``n_nodes`` drawable nodes (entities + statements)."""
    import pyoxigraph as ox

    from kg import iris

    rnd = random.Random(seed)
    N = ox.NamedNode
    kg = lambda name: N(iris.KG_NS + name)  # noqa: E731
    RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    RDFS = "http://www.w3.org/2000/01/rdf-schema#"
    DCT = "http://purl.org/dc/terms/"
    TYPE, LABEL = N(RDF + "type"), N(RDFS + "label")
    XSD = "http://www.w3.org/2001/XMLSchema#"
    lit = lambda v, dt=None, lang=None: (ox.Literal(str(v), language=lang) if lang else  # noqa: E731
                                         ox.Literal(str(v), datatype=N(XSD + dt)) if dt else ox.Literal(str(v)))
    quads = []
    add = lambda s, p, o: quads.append(ox.Quad(s, p, o, ox.DefaultGraph()))  # noqa: E731

    n_statements = n_nodes // 10
    n_markets = n_nodes // 50
    n_entities = n_nodes - n_statements - n_markets
    by_class: dict[str, list] = {}
    for cls, share, en, zh in MIX:
        count = max(2, round(n_entities * share / sum(m[1] for m in MIX)))
        for i in range(count):
            node = N(str(iris.entity(f"syn-{cls.lower()}-{i}")))
            add(node, TYPE, kg(cls))
            add(node, LABEL, lit(f"{en} {i}", lang="en"))
            add(node, LABEL, lit(f"{zh}{i}", lang="zh"))
            by_class.setdefault(cls, []).append(node)
    countries = by_class["Country"]
    markets = []
    for i in range(n_markets):
        place = countries[i % len(countries)] if i < len(countries) else rnd.choice(by_class["City"])
        node = N(str(iris.market(f"syn-{i}")))
        add(node, TYPE, kg("Market"))
        add(node, LABEL, lit(f"Market {i}", lang="en"))
        add(node, LABEL, lit(f"市场{i}", lang="zh"))
        add(node, kg("marketArea"), place)
        markets.append(node)

    docs = []
    for d in range(n_docs):
        doc_id = f"syn-{d:03d}"
        node = N(str(iris.document(doc_id)))
        lang = "zh" if d % 2 else "en"
        add(node, TYPE, kg("Document"))
        add(node, N(DCT + "identifier"), lit(doc_id))
        add(node, N(DCT + "language"), lit(lang))
        add(node, N(DCT + "title"), lit(f"Synthetic report {d}", lang=lang))
        docs.append((doc_id, node))
    counter = [0]

    def evidence(fact, text):
        doc_id, doc = docs[counter[0] % len(docs)]
        counter[0] += 1
        index = counter[0]
        sentence = N(str(iris.sentence(doc_id, index)))
        start = index * 100
        add(sentence, TYPE, kg("Sentence"))
        add(sentence, kg("inDocument"), doc)
        add(sentence, kg("sentenceIndex"), lit(index, "nonNegativeInteger"))
        add(sentence, kg("charStart"), lit(start, "nonNegativeInteger"))
        add(sentence, kg("charEnd"), lit(start + len(text), "nonNegativeInteger"))
        add(sentence, kg("text"), lit(text))
        ev = N(str(iris.evidence(doc_id, start, start + len(text), "synthetic")))
        add(ev, TYPE, kg("Evidence"))
        add(ev, kg("inDocument"), doc)
        add(ev, kg("inSentence"), sentence)
        add(ev, kg("charStart"), lit(start, "nonNegativeInteger"))
        add(ev, kg("charEnd"), lit(start + len(text), "nonNegativeInteger"))
        add(ev, kg("quote"), lit(text))
        add(ev, kg("extractedBy"), N(str(iris.rule("synthetic"))))
        add(ev, kg("confidence"), lit("0.8", "decimal"))
        add(fact, kg("hasEvidence"), ev)

    def relation(s, p, o):
        add(s, kg(p), o)
        fact = N(str(iris.fact("syn", s.value, p, o.value)))
        add(fact, TYPE, kg("RelationFact"))
        add(fact, TYPE, N(RDF + "Statement"))
        add(fact, N(RDF + "subject"), s)
        add(fact, N(RDF + "predicate"), kg(p))
        add(fact, N(RDF + "object"), o)
        add(fact, kg("confidence"), lit("0.8", "decimal"))
        evidence(fact, f"{s.value.rsplit('/', 1)[-1]} {p} {o.value.rsplit('/', 1)[-1]}.")

    pick = lambda cls: rnd.choice(by_class[cls])  # noqa: E731
    companies = by_class["Company"]
    for c in companies:
        for _ in range(rnd.randint(1, 3)):
            relation(c, rnd.choice(["develops", "releases"]), pick(rnd.choice(["Smartphone", "Smartphone", "Chipset"])))
        if rnd.random() < 0.5:
            relation(c, "wonAward", pick("Award"))
        if rnd.random() < 0.4:
            relation(c, "hasGrowthMarket", rnd.choice(markets))
    for p in by_class["Person"]:
        relation(p, rnd.choice(["chairOf", "founderOf", "ceoOf", "memberOf"]), rnd.choice(companies))
        if rnd.random() < 0.3:
            relation(p, "visited", pick("Country"))
    for phone in by_class["Smartphone"]:
        if rnd.random() < 0.5:
            relation(phone, "partOfSeries", pick("ProductSeries"))
    for s in by_class["ProductSeries"]:
        if rnd.random() < 0.3:
            relation(s, "heldBy", pick("Museum"))
    for city in by_class["City"]:
        relation(city, "locatedIn", pick("Country"))
    for m in by_class["Museum"]:
        relation(m, "locatedIn", pick("City"))
    for a in by_class["Award"]:
        if rnd.random() < 0.6:
            relation(a, "country", pick("Country"))
    period = N(str(iris.period("2017-Q4")))
    add(period, TYPE, kg("Period"))
    add(period, LABEL, lit("2017-Q4"))
    for i in range(n_statements):
        fact = N(str(iris.fact("syn-statement", i)))
        subject = rnd.choice(companies)
        if i % 3 == 0:
            add(fact, TYPE, kg("MarketPosition"))
            add(fact, kg("rank"), lit(rnd.randint(1, 10), "positiveInteger"))
            add(fact, kg("bound"), kg("Exact"))
            add(fact, kg("scope"), rnd.choice(markets))
            add(fact, kg("reportedBy"), pick("ResearchFirm"))
        else:
            add(fact, TYPE, kg("QuantitativeStatement"))
            add(fact, kg("metric"), kg("Revenue"))
            add(fact, kg("value"), lit(rnd.randint(1, 900) * 10 ** 8, "decimal"))
            add(fact, kg("unit"), kg("CNY"))
            add(fact, kg("bound"), kg("Exact"))
        add(fact, kg("statementSubject"), subject)
        add(fact, kg("period"), period)
        add(fact, kg("confidence"), lit("0.8", "decimal"))
        evidence(fact, f"Statement {i} about {subject.value.rsplit('/', 1)[-1]}.")
    return quads


def write_trig(quads, path: Path) -> None:
    import pyoxigraph as ox

    from kg.graph import PREFIXES

    ox.serialize(quads, str(path), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def measure_page(html: Path, node_iri: str) -> dict:
    """Open the page offline; time until interactive, and from a click on a node to its panel."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1600, "height": 1000}, offline=True)
        leaked = []
        ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else (leaked.append(r.request.url), r.abort()))
        page = ctx.new_page()
        t0 = time.perf_counter()
        page.goto(html.as_uri(), wait_until="load")
        loaded = time.perf_counter() - t0
        page.wait_for_function("window.kg && window.kg.ready", timeout=600_000)
        ready = time.perf_counter() - t0
        node = page.evaluate("(iri) => window.kg.nodeId(iri)", node_iri)
        page.evaluate("(id) => window.kg.network.focus(id, {scale: 1.2, animation: false})", node)
        page.wait_for_timeout(100)
        # In a dense layout another node may lie on top: expect the panel of whatever is under the cursor.
        x, y, hit = page.evaluate("""(id) => { const n = window.kg.network;
                                        const d = n.canvasToDOM(n.getPositions([id])[id]);
                                        const r = document.getElementById('graph').getBoundingClientRect();
                                        return [r.left + d.x, r.top + d.y, n.getNodeAt(d)]; }""", node)
        hit_iri = page.evaluate("(i) => window.kg.data.nodes[i].iri", hit)
        t1 = time.perf_counter()
        page.mouse.click(x, y)
        page.wait_for_function("(iri) => document.getElementById('panel').getAttribute('data-node') === iri"
                               " && document.querySelectorAll('#panel .ev').length > 0", arg=hit_iri, timeout=60_000)
        click = time.perf_counter() - t1
        visible = page.evaluate("window.kg.visibleNodeIds().length")
        browser.close()
    return {"load_s": loaded, "ready_s": ready, "click_to_panel_s": click, "drawn_nodes": visible, "leaked_requests": leaked}


def render(trig: Path, html: Path) -> dict:
    from kg import render as kg_render

    t0 = time.perf_counter()
    counts = kg_render.render_file(trig, html)
    return {"render_s": time.perf_counter() - t0, "html_mb": html.stat().st_size / 1e6, **counts}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install -y chromium fonts-noto-cjk", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-render-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        from kg import pipeline

        seed_dir = work / "seed"
        pipeline.write(pipeline.build([]), seed_dir)
        t0 = time.perf_counter()
        quads = synthetic_quads(args.nodes)
        big_trig = work / "synthetic.trig"
        write_trig(quads, big_trig)
        print(f"synthetic graph: {len(quads)} quads written in {time.perf_counter() - t0:.1f} s")
        rows = {}
        for name, trig, iri in (("seed", seed_dir / "graph.trig", "https://w3id.org/kg/id/xiaomi"),
                                ("synthetic", big_trig, "https://w3id.org/kg/id/syn-company-0")):
            html = work / f"{name}.html"
            rows[name] = {**render(trig, html), **measure_page(html, iri)}
        keys = ["entities", "statements", "edges", "render_s", "html_mb", "load_s", "ready_s", "click_to_panel_s",
                "drawn_nodes"]
        print(f"{'':22}{'seed':>12}{'synthetic':>12}{'ratio':>9}")
        for k in keys:
            a, b = rows["seed"][k], rows["synthetic"][k]
            fmt = (lambda v: f"{v:12.3f}") if isinstance(a, float) else (lambda v: f"{v:12d}")
            ratio = f"{b / a:9.1f}" if a else f"{'-':>9}"
            print(f"{k:22}{fmt(a)}{fmt(b)}{ratio}")
        for name, row in rows.items():
            if row["leaked_requests"]:
                print(f"{name}: requests left the page: {row['leaked_requests'][:3]}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
