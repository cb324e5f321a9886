"""kg.render: the offline HTML page (its data, its safety, its layout), without a browser.

``write_planted`` writes a small graph in the real layout with what the seed corpus may lack:
an inferred named graph, a conflict between two statements, a market position, and an
evidence span after a character outside the BMP (Python and JavaScript count it differently).
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import analyse, render
from kg.errors import OutputError

KG = "https://w3id.org/kg/ontology#"
ID = "https://w3id.org/kg/id/"

# Sentences of the planted documents: (doc, index, start, text, supported span).
PLANTED_SENTENCES = [
    ("p-zh", 0, 10, "阿克米研发了小部件1。", "阿克米研发了小部件1"),
    ("p-zh", 1, 30, "阿克米的收入超过1000亿元。", "收入超过1000亿元"),
    ("p-en", 0, 0, "𝔸 Acme reports revenue of over 1 billion yuan in 2017.", "revenue of over 1 billion yuan"),
    ("p-en", 1, 60, "IDC ranks Acme fourth in the world in 2017-Q4.", "IDC ranks Acme fourth in the world"),
    ("p-en", 2, 120, "Widget 1 belongs to the Widget series.", "Widget 1 belongs to the Widget series"),
    ("p-en", 3, 170, "The Widget series is held by Museum X.", "The Widget series is held by Museum X"),
]


def planted_trig() -> str:
    """TriG text of the planted graph (evidence offsets computed, so they are right by construction)."""
    out = ["""@prefix kg: <https://w3id.org/kg/ontology#> .
@prefix kgid: <https://w3id.org/kg/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
kgid:acme a kg:Company ; rdfs:label "Acme"@en , "阿克米"@zh ; skos:altLabel "ACME Corp"@en .
kgid:widget a kg:Smartphone ; rdfs:label "Widget 1"@en , "小部件1"@zh .
kgid:widget-series a kg:ProductSeries ; rdfs:label "Widget series"@en , "小部件系列"@zh .
kgid:museum-x a kg:Museum ; rdfs:label "Museum X"@en , "X博物馆"@zh .
kgid:idc a kg:ResearchFirm ; rdfs:label "IDC"@en , "IDC"@zh .
kgid:world a kg:Region ; rdfs:label "World"@en , "全球"@zh .
kgid:lonely a kg:Country ; rdfs:label "Lonelyland"@en , "孤岛国"@zh .
<https://w3id.org/kg/id/market/world> a kg:Market ; rdfs:label "World market"@en , "全球市场"@zh ; kg:marketArea kgid:world .
<https://w3id.org/kg/id/period/2017> a kg:Period ; rdfs:label "2017" .
<https://w3id.org/kg/id/period/2017-Q4> a kg:Period ; rdfs:label "2017-Q4" .
<https://w3id.org/kg/id/doc/p-zh> a kg:Document ; dcterms:identifier "p-zh" ; dcterms:language "zh" ; dcterms:title "阿克米年报"@zh .
<https://w3id.org/kg/id/doc/p-en> a kg:Document ; dcterms:identifier "p-en" ; dcterms:language "en" ; dcterms:title "Acme report"@en ;
    kg:reportsOn <https://w3id.org/kg/id/doc/p-zh> .
kgid:acme kg:develops kgid:widget .
kgid:widget kg:partOfSeries kgid:widget-series .
kgid:widget-series kg:heldBy kgid:museum-x .
"""]
    for n, (doc, index, start, text, span) in enumerate(PLANTED_SENTENCES):
        s = f"<{ID}doc/{doc}/s/{index}>"
        a = start + text.index(span)
        out.append(f'{s} a kg:Sentence ; kg:inDocument <{ID}doc/{doc}> ; kg:sentenceIndex {index} ; '
                   f'kg:charStart {start} ; kg:charEnd {start + len(text)} ; kg:text {json.dumps(text, ensure_ascii=False)} .')
        out.append(f'<{ID}ev/e{n}> a kg:Evidence ; kg:inDocument <{ID}doc/{doc}> ; kg:inSentence {s} ; '
                   f'kg:charStart {a} ; kg:charEnd {a + len(span)} ; kg:quote {json.dumps(span, ensure_ascii=False)} ; '
                   f'kg:confidence 0.9 .')

    def relation(name, s, p, o, ev):
        return (f"<{ID}fact/{name}> a kg:RelationFact , rdf:Statement ; rdf:subject kgid:{s} ; rdf:predicate kg:{p} ; "
                f"rdf:object kgid:{o} ; kg:confidence 0.9 ; kg:hasEvidence <{ID}ev/{ev}> .")

    out += [
        relation("f-develops", "acme", "develops", "widget", "e0"),
        relation("f-series", "widget", "partOfSeries", "widget-series", "e4"),
        relation("f-held", "widget-series", "heldBy", "museum-x", "e5"),
        f"""<{ID}fact/f-rank> a kg:MarketPosition ; kg:statementSubject kgid:acme ; kg:rank 4 ; kg:bound kg:Exact ;
    kg:scope <{ID}market/world> ; kg:period <{ID}period/2017-Q4> ; kg:reportedBy kgid:idc ; kg:hasEvidence <{ID}ev/e3> .
<{ID}fact/f-rev-zh> a kg:QuantitativeStatement ; kg:statementSubject kgid:acme ; kg:metric kg:Revenue ;
    kg:value 100000000000.0 ; kg:unit kg:CNY ; kg:bound kg:LowerBound ; kg:period <{ID}period/2017> ; kg:hasEvidence <{ID}ev/e1> .
<{ID}fact/f-rev-en> a kg:QuantitativeStatement ; kg:statementSubject kgid:acme ; kg:metric kg:Revenue ;
    kg:value 1000000000.0 ; kg:unit kg:CNY ; kg:bound kg:LowerBound ; kg:period <{ID}period/2017> ; kg:hasEvidence <{ID}ev/e2> .
<{ID}conflict/c1> a kg:Conflict ; kg:conflictingFact <{ID}fact/f-rev-zh> , <{ID}fact/f-rev-en> ;
    kg:preferredFact <{ID}fact/f-rev-zh> ; kg:differsIn "magnitude" ; kg:policy "original-over-report"@en .
<{ID}graph/candidates> {{
  kgid:acme kg:releases kgid:widget-series .
  <{ID}fact/f-cand> a kg:RelationFact , rdf:Statement ; rdf:subject kgid:acme ; rdf:predicate kg:releases ;
      rdf:object kgid:widget-series ; kg:confidence 0.6 ; kg:hasEvidence <{ID}ev/e4> .
}}
<{ID}graph/inferred> {{
  kgid:widget kg:heldBy kgid:museum-x .
  kgid:museum-x kg:holds kgid:widget-series .
  kgid:widget kg:developedBy kgid:acme .
  kgid:acme kg:develops kgid:widget .
}}
"""]
    return "\n".join(out)


def write_planted(folder: Path) -> Path:
    path = Path(folder) / "planted.trig"
    path.write_text(planted_trig(), encoding="utf-8")
    return path


class _Scripts(HTMLParser):
    """Collects <script> elements, every src/href attribute and the CSP meta of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list = []  # (attrs, text)
        self.urls: list = []
        self.csp = None
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "href", "action", "data", "poster"):
            if attrs.get(key):
                self.urls.append(attrs[key])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = attrs.get("content")
        if tag == "script":
            self._in = (attrs, [])

    def handle_data(self, data):
        if self._in is not None:
            self._in[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in is not None:
            self.scripts.append((self._in[0], "".join(self._in[1])))
            self._in = None


def page_parts(html: str) -> tuple[_Scripts, dict]:
    p = _Scripts()
    p.feed(html)
    data = next(json.loads(text) for attrs, text in p.scripts if attrs.get("id") == "kg-data")
    return p, data


@pytest.fixture(scope="module")
def seed_html(seed_dir, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("render") / "graph.html"
    render.render_file(seed_dir / "graph.trig", out)
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("planted")
    trig = write_planted(folder)
    out = folder / "graph.html"
    render.render_file(trig, out)
    return page_parts(out.read_text(encoding="utf-8"))[1]


DRAWABLE_QUERY = """
    PREFIX kg: <https://w3id.org/kg/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?x WHERE {
      { ?x a ?c . ?c rdfs:subClassOf* ?top .
        VALUES ?top { kg:Organisation kg:Person kg:Product kg:ProductSeries kg:Place kg:Market kg:Award kg:Role } }
      UNION { ?x a ?s . VALUES ?s { kg:MarketPosition kg:QuantitativeStatement kg:Goal } }
    }"""


def drawable(graph) -> set:
    """IRIs the page should draw: entities (instances of the entity classes) and n-ary statements."""
    return {str(r.x) for r in graph.query(DRAWABLE_QUERY)}


def _node(data, iri):
    return next(i for i, n in enumerate(data["nodes"]) if n["iri"] == iri)


# ------------------------------------------------------------------ self-contained and safe


def test_page_references_no_external_url(seed_html):
    parser, _ = page_parts(seed_html)
    assert parser.urls == []
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", seed_html, re.I)
    assert "@import" not in seed_html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", seed_html, re.I)
    assert "bootstrap" not in seed_html.lower()


def test_vis_network_is_inlined_from_the_installed_pyvis(seed_html):
    js, css = render._vis_assets()
    assert "vis-network" in js[:300]
    assert js in seed_html and css in seed_html


def test_only_the_pages_own_scripts_may_run(seed_html):
    parser, _ = page_parts(seed_html)
    code = [text for attrs, text in parser.scripts if attrs.get("type") != "application/json"]
    assert len(code) == 2
    csp = parser.csp
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!--", "a\u2028b\u2029c", "&lt;", "<img src=x onerror=alert(1)>"])
def test_script_json_cannot_close_the_script_element(text):
    out = render.script_json({"t": text})
    assert "<" not in out and ">" not in out and "\u2028" not in out
    assert json.loads(out) == {"t": text}


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_script_json_round_trips_any_text(text):
    out = render.script_json([text])
    assert "</" not in out.lower()
    assert json.loads(out) == [text]


def test_document_html_reaches_the_page_only_as_data(tmp_path):
    from kg import pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "In early 2017, Xiaomi released the Surge S1 chip <script>window.__pwned=1</script> and "
        "<img src=x onerror=\"window.__pwned=2\"> it sold well.\n", encoding="utf-8")
    result = pipeline.build([corpus])
    pipeline.write(result, tmp_path / "build", [render.write_html])
    html = (tmp_path / "build" / "graph.html").read_text(encoding="utf-8")
    parser, data = page_parts(html)
    assert "window.__pwned" not in "".join(text for attrs, text in parser.scripts if attrs.get("id") != "kg-data")
    assert len(parser.scripts) == 3 and "<img" not in html
    assert any("<script>window.__pwned=1</script>" in s["t"] for s in data["sentences"])


# ------------------------------------------------------------------ what is drawn


def candidate_statements(seed_dir) -> set:
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(seed_dir / "graph.trig"), format=ox.RdfFormat.TRIG)
    return {r["x"].value for r in store.query("""
        PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT DISTINCT ?x WHERE { GRAPH <https://w3id.org/kg/id/graph/candidates> {
          ?x a ?s . VALUES ?s { kg:MarketPosition kg:QuantitativeStatement kg:Goal } } }""")}


def test_drawn_nodes_are_the_entities_and_statements_of_the_graph(seed_html, seed_graph, seed_dir):
    _, data = page_parts(seed_html)
    candidates = candidate_statements(seed_dir)
    expected = drawable(seed_graph) | candidates
    assert {n["iri"] for n in data["nodes"]} == expected
    assert len(data["vis"]["nodes"]) == len(expected)
    # candidates are drawn marked and hidden until the user asks for them
    for vis_node, meta in zip(data["vis"]["nodes"], data["nodes"]):
        assert meta["cand"] == (meta["iri"] in candidates)
        assert bool(vis_node.get("hidden")) == meta["cand"]
    assert data["meta"]["candidates"] >= len(candidates)
    not_drawn = {str(r.x) for r in seed_graph.query("""
        PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT ?x WHERE { ?x a ?c . VALUES ?c { kg:Evidence kg:Sentence kg:Document kg:Period kg:RelationFact } }""")}
    assert not not_drawn & expected


def test_every_node_has_a_position_a_size_and_a_class_style(seed_html):
    _, data = page_parts(seed_html)
    legend = {c["cls"]: c for c in data["classes"]}
    for vis_node, meta in zip(data["vis"]["nodes"], data["nodes"]):
        assert math.isfinite(vis_node["x"]) and math.isfinite(vis_node["y"])
        assert meta["c"] in legend
        assert vis_node["shape"] == legend[meta["c"]]["shape"]
        if meta["k"] == "entity":
            assert vis_node["size"] > 0
    assert sum(c["count"] for c in data["classes"]) == len(data["nodes"])


def test_the_most_central_entity_is_drawn_largest(seed_html):
    _, data = page_parts(seed_html)
    entities = [(m["r"], v["size"]) for m, v in zip(data["nodes"], data["vis"]["nodes"]) if m["k"] == "entity"]
    assert max(entities)[1] == max(size for _, size in entities)


def test_relation_edges_carry_their_facts_and_evidence(seed_html, seed_graph):
    _, data = page_parts(seed_html)
    reified = {(str(r.s), str(r.p), str(r.o)) for r in seed_graph.query("""
        SELECT ?s ?p ?o WHERE { ?f a <https://w3id.org/kg/ontology#RelationFact> ;
          <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;
          <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o }""")}
    drawn = set()
    for vis_edge, meta in zip(data["vis"]["edges"], data["edges"]):
        if meta["s"]:
            continue
        s, o = data["nodes"][vis_edge["from"]]["iri"], data["nodes"][vis_edge["to"]]["iri"]
        drawn.add((s, KG + meta["p"], o))
        for f in meta["f"]:
            assert data["facts"][f]["ev"], "a drawn fact has evidence"
    assert reified <= drawn


def test_highlight_offsets_are_document_offsets_minus_the_sentence_start(seed_html):
    _, data = page_parts(seed_html)
    assert data["evidence"]
    for ev in data["evidence"]:
        s = data["sentences"][ev["s"]]
        assert s["t"][ev["a"] - s["a"]:ev["b"] - s["a"]] == ev["q"]


def test_market_position_is_one_compact_node(planted):
    node = planted["nodes"][_node(planted, ID + "fact/f-rank")]
    assert node["k"] == "statement"
    assert node["l"] == {"en": "rank 4 · World · 2017-Q4 · IDC", "zh": "第4 · 全球 · 2017-Q4 · IDC"}


def test_inferred_edges_are_dashed_and_only_new_ones_are_drawn(planted):
    inferred = [(planted["nodes"][v["from"]]["iri"], m["p"], planted["nodes"][v["to"]]["iri"], v.get("dashes"))
                for v, m in zip(planted["vis"]["edges"], planted["edges"]) if m["inf"]]
    # heldBy is new; holds/developedBy restate asserted edges; develops is asserted itself.
    assert [(s, p, o) for s, p, o, _ in inferred] == [(ID + "widget", "heldBy", ID + "museum-x")]
    assert inferred[0][3]
    develops = next(m for m in planted["edges"] if m["p"] == "develops")
    assert develops["inf"] is False


def test_conflicting_statements_point_at_their_conflict(planted):
    c = planted["conflicts"][0]
    names = {planted["facts"][f]["iri"] for f in c["facts"]}
    assert names == {ID + "fact/f-rev-zh", ID + "fact/f-rev-en"}
    assert planted["facts"][c["preferred"]]["iri"] == ID + "fact/f-rev-zh"
    assert c["differsIn"] == ["magnitude"]
    for f in c["facts"]:
        assert planted["facts"][f]["cf"] == [0]
        i = _node(planted, planted["facts"][f]["iri"])
        assert planted["nodes"][i]["cf"] is True
        assert planted["vis"]["nodes"][i]["label"].startswith(render.CONFLICT_MARK)
        assert planted["vis"]["nodes"][i]["color"]["border"] == render.CONFLICT_COLOUR
    rank = _node(planted, ID + "fact/f-rank")
    assert planted["nodes"][rank]["cf"] is False and not planted["vis"]["nodes"][rank]["label"].startswith("⚠")


def test_documents_of_a_node_come_from_its_facts_evidence(planted):
    docs = [d["id"] for d in planted["docs"]]
    museum = planted["nodes"][_node(planted, ID + "museum-x")]
    assert [docs[d] for d in museum["d"]] == ["p-en"]
    lonely = planted["nodes"][_node(planted, ID + "lonely")]
    assert lonely["d"] == []


# ------------------------------------------------------------------ layout


def test_layout_keeps_components_apart():
    import networkx as nx

    U = nx.disjoint_union(nx.star_graph(30), nx.cycle_graph(12))
    U.add_node("alone")
    pos = render.layout(U)
    assert set(pos) == set(U)
    comps = [c for c in nx.connected_components(U)]
    boxes = [(min(pos[v][0] for v in c), max(pos[v][0] for v in c), min(pos[v][1] for v in c), max(pos[v][1] for v in c))
             for c in comps]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            a, b = boxes[i], boxes[j]
            assert a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2], "component boxes overlap"


def test_layout_of_a_big_graph_uses_communities_and_places_every_node():
    import networkx as nx

    U = nx.relaxed_caveman_graph(40, 60, 0.05, seed=1)
    pos = render.layout(U)
    assert len(pos) == len(U) == 2400
    assert len({p for p in pos.values()}) > 2300


# ------------------------------------------------------------------ entry points


def test_write_html_is_a_build_writer(seed_build, tmp_path):
    from kg import pipeline

    pipeline.write(seed_build, tmp_path / "out", [render.write_html])
    html = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'id="kg-data"' in html


def test_render_file_without_a_build_says_how_to_make_one(tmp_path):
    with pytest.raises(OutputError, match="kg build"):
        render.render_file(tmp_path / "nothing.trig", tmp_path / "graph.html")


def test_render_file_with_a_broken_graph_names_the_file(tmp_path):
    bad = tmp_path / "graph.trig"
    bad.write_text("this is not trig {", encoding="utf-8")
    with pytest.raises(OutputError, match=re.escape(str(bad))):
        render.render_file(bad, tmp_path / "graph.html")


def test_kg_render_command(seed_dir, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / "view.html"
    r = CliRunner().invoke(main, ["render", "--graph", str(seed_dir / "graph.trig"), "--out", str(out)])
    assert r.exit_code == 0, r.output
    view = analyse.read_graph(analyse.load_quads(seed_dir / "graph.trig"))
    assert f"{view.entity_count()} entities" in r.output and out.stat().st_size > 100_000


def test_kg_render_without_a_build_exits_6(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    r = CliRunner().invoke(main, ["render", "--graph", str(tmp_path / "none.trig"), "--out", str(tmp_path / "x.html")])
    assert r.exit_code == 6 and "kg build" in r.output


def test_an_empty_graph_still_renders():
    _, data = page_parts(render.render_html(analyse.read_graph([])))
    assert data["nodes"] == [] and data["vis"]["nodes"] == [] and data["meta"]["entities"] == 0


def test_a_candidate_relation_is_drawn_as_a_hidden_candidate_edge_and_left_out_of_the_merged_view():
    from test_graph import small

    from kg import graph
    from kg.analyse import read_graph
    from kg.resolve import fact_key

    resolved = small()
    release = next(f for f in resolved.facts if f.predicate == "releases")
    quads = graph.build_graph(resolved, frozenset({fact_key(release)})).quads
    assert not any(lk.predicate == "releases" for lk in read_graph(quads).links)  # not asserted
    view = read_graph(quads, candidates=True)
    (lk,) = [lk for lk in view.links if lk.predicate == "releases"]
    assert lk.candidate and not lk.inferred
    data = render.page_data(view)
    (i,) = [i for i, e in enumerate(data["edges"]) if e["p"] == "releases"]
    assert data["edges"][i]["cand"] and data["vis"]["edges"][i]["hidden"]
    (fid,) = data["edges"][i]["f"]
    assert data["facts"][fid]["cand"] and data["facts"][fid]["ev"]  # with its evidence, for the panel
    assert data["meta"]["candidates"] == 1


def test_vis_nodes_and_edges_are_those_pyvis_makes():
    """kg builds vis-network's nodes and edges itself (importing pyvis imports IPython); they must
    stay exactly pyvis's, keys in the same order, so the page does not change."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    node_args = [(0, dict(label="Xiaomi", shape="dot", color="#ff0000", size=12.5, font={"size": 20}, x=1.0, y=-2.0,
                          title="t")),
                 (1, dict(label="", shape="box", color={"background": "#eee", "border": "#999"}, margin=5,
                          x=0.0, y=0.0, title="s", hidden=True)),
                 (2, dict(label="2", shape="dot", color="#00ff00"))]
    edge_args = [(0, 1, dict(id=0, title="e", length=90, label="develops")),
                 (1, 2, dict(id=1, title="f", length=70, arrows={"to": {"enabled": False}}, dashes=[2, 3]))]
    for i, kw in node_args:
        net.add_node(i, **kw)
    for a, b, kw in edge_args:
        net.add_edge(a, b, **kw)
    ours_nodes = [render._vis_node(i, **kw) for i, kw in node_args]
    ours_edges = [render._vis_edge(a, b, **kw) for a, b, kw in edge_args]
    assert json.dumps(ours_nodes) == json.dumps(net.nodes)
    assert json.dumps(ours_edges) == json.dumps(net.edges)


def test_rendering_imports_neither_pyvis_nor_ipython(seed_dir, tmp_path):
    """pyvis imports IPython (~0.25 s of every build): the page is drawn without importing it."""
    import os
    import subprocess
    import sys

    code = ("import sys; from kg import render; "
            f"render.render_file({str(seed_dir / 'graph.trig')!r}, {str(tmp_path / 'g.html')!r}); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyvis', 'IPython')))")
    root = Path(__file__).resolve().parent.parent
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env=dict(os.environ, PYTHONPATH=str(root)))
    assert r.stdout.strip() == "[]"
    render.render_file(seed_dir / "graph.trig", tmp_path / "here.html")  # this process may have imported pyvis
    assert (tmp_path / "g.html").read_bytes() == (tmp_path / "here.html").read_bytes()
