"""kg.analyse: reading a build as entities and links, centrality, communities, names, paths."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import analyse
from kg.cli import main
from kg.errors import QueryError
from test_render import ID, KG, write_planted


@pytest.fixture(scope="module")
def seed_view(seed_dir):
    return analyse.read_graph(analyse.load_quads(seed_dir / "graph.trig"))


@pytest.fixture(scope="module")
def planted_view(tmp_path_factory):
    return analyse.read_graph(analyse.load_quads(write_planted(tmp_path_factory.mktemp("planted"))))


def _label(seed_graph, iri, lang):
    rows = seed_graph.query(f'SELECT ?l WHERE {{ <{iri}> <http://www.w3.org/2000/01/rdf-schema#label> ?l '
                            f'FILTER(lang(?l) = "{lang}") }}')
    return str(next(iter(rows)).l)


# ------------------------------------------------------------------ reading


def test_entities_are_the_instances_of_the_entity_classes(seed_view, seed_graph):
    rows = seed_graph.query("""
        PREFIX kg: <https://w3id.org/kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?x ?c WHERE { ?x a ?c . ?c rdfs:subClassOf* ?top .
          VALUES ?top { kg:Organisation kg:Person kg:Product kg:ProductSeries kg:Place kg:Market kg:Award kg:Role } }""")
    expected = {str(r.x): str(r.c)[len(KG):] for r in rows}
    got = {i: n.cls for i, n in seed_view.nodes.items() if n.kind == "entity"}
    assert got == expected


def test_every_entity_has_its_labels_in_both_languages(seed_view, seed_graph):
    for iri, n in seed_view.nodes.items():
        if n.kind == "entity" and "/market/" not in iri:
            for lang in ("en", "zh"):
                assert n.labels[lang] == _label(seed_graph, iri, lang)


def test_statement_labels_describe_the_statement(planted_view):
    rank = planted_view.nodes[ID + "fact/f-rank"]
    assert rank.labels == {"en": "rank 4 · World · 2017-Q4 · IDC", "zh": "第4 · 全球 · 2017-Q4 · IDC"}
    revenue = planted_view.nodes[ID + "fact/f-rev-zh"]
    assert revenue.labels == {"en": "revenue: ≥100 bn CNY · 2017", "zh": "营业收入：≥1000亿元 · 2017"}


def test_statements_link_to_subject_market_and_reporter(planted_view):
    links = {(lk.source, lk.predicate, lk.target) for lk in planted_view.links}
    f = ID + "fact/f-rank"
    assert {(ID + "acme", "statementSubject", f), (f, "scope", ID + "market/world"), (f, "reportedBy", ID + "idc")} <= links


def test_inferred_links_are_kept_only_when_they_add_something(planted_view):
    inferred = [(lk.source, lk.predicate, lk.target) for lk in planted_view.links if lk.inferred]
    assert inferred == [(ID + "widget", "heldBy", ID + "museum-x")]
    develops = next(lk for lk in planted_view.links if lk.predicate == "develops")
    assert not develops.inferred and develops.facts == [ID + "fact/f-develops"]


def test_docstring_examples():
    import doctest

    assert doctest.testmod(analyse).failed == 0


@pytest.mark.parametrize("text, lang, expected", [
    ("100000000000", "en", "100 bn"), ("100000000000", "zh", "1000亿"), ("24000", "en", "24,000"),
    ("24000", "zh", "2.4万"), ("18000", "zh", "1.8万"), ("96.9", "en", "96.9"), ("-6.3", "zh", "-6.3"),
    ("5920", "en", "5920"), ("2500000", "en", "2.5 M"), ("7", "zh", "7"), ("not a number", "en", "not a number"),
])
def test_format_number(text, lang, expected):
    assert analyse.format_number(text, lang) == expected


@pytest.mark.parametrize("label, qualifier, en, zh", [
    ("since 2017-Q3", "since", "since 2017-Q3", "2017-Q3起"),
    ("by 2020-Q2", "by", "by 2020-Q2", "2020-Q2前"),
    ("as of 2018-02-07", "asof", "as of 2018-02-07", "截至2018-02-07"),
    ("early 2017", "early", "early 2017", "2017年初"),
    ("late 2017-10", "late", "late 2017-10", "2017-10末"),
    ("2017-Q4", "", "2017-Q4", "2017-Q4"),
])
def test_period_labels_in_both_languages(label, qualifier, en, zh):
    import pyoxigraph as ox

    p = ox.NamedNode(ID + "period/x")
    quads = [ox.Quad(p, ox.NamedNode(analyse.LABEL), ox.Literal(label), ox.DefaultGraph())]
    if qualifier:
        quads.append(ox.Quad(p, ox.NamedNode(KG + "periodQualifier"), ox.Literal(qualifier), ox.DefaultGraph()))
    index = analyse.GraphIndex(quads)
    assert analyse.period_label(index, p.value, "en") == en
    assert analyse.period_label(index, p.value, "zh") == zh


# ------------------------------------------------------------------ figures


def test_analysis_figures_are_consistent(seed_view):
    report = analyse.analyse(seed_view, top=5)
    g = report["graph"]
    assert g["entities"] == seed_view.entity_count()
    assert len(report["central"]) == min(5, g["entities"])
    ranks = [r["pagerank"] for r in report["central"]]
    assert ranks == sorted(ranks, reverse=True)
    assert sum(r["entities"] for r in report["degree_by_class"]) == g["entities"]
    assert sum(report["components"]["sizes"]) <= g["entities"]
    json.dumps(report)  # plain data


def test_the_most_central_entity_has_the_highest_pagerank(seed_view):
    G = analyse.to_networkx(seed_view)
    rank = nx.pagerank(nx.Graph(G))
    best = max((i for i in rank if seed_view.nodes[i].kind == "entity"), key=rank.get)
    assert analyse.analyse(seed_view)["central"][0]["iri"] == best


def test_degree_by_class_matches_networkx(seed_view):
    U = nx.Graph(analyse.to_networkx(seed_view))
    for row in analyse.analyse(seed_view)["degree_by_class"]:
        members = [i for i, n in seed_view.nodes.items() if n.kind == "entity" and n.cls == row["class"]]
        assert row["max_degree"] == max(U.degree(i) for i in members)


def test_communities_partition_the_nodes(seed_view):
    G = analyse.to_networkx(seed_view)
    parts = analyse.communities(G)
    assert sum(len(p) for p in parts) == len(G) and set().union(*parts) == set(G)


# ------------------------------------------------------------------ names and paths


@pytest.mark.parametrize("name, lang", [("en", "en"), ("zh", "zh"), ("upper", "en")])
def test_find_entity_by_label_in_either_language(seed_view, seed_graph, name, lang):
    iri = analyse.find_entity(seed_view, "Xiaomi") if name == "en" else None
    label = _label(seed_graph, ID + "xiaomi", lang)
    query = label.upper() if name == "upper" else label
    assert analyse.find_entity(seed_view, query) == ID + "xiaomi"
    assert iri in (None, ID + "xiaomi")


def test_find_entity_by_alias(planted_view):
    assert analyse.find_entity(planted_view, "acme corp") == ID + "acme"


def test_find_entity_prefers_a_label_over_a_longer_name(planted_view):
    # "World" is the region's label and part of the market's ("World market").
    assert analyse.find_entity(planted_view, "World") == ID + "world"
    assert analyse.find_entity(planted_view, "全球市场") == ID + "market/world"


def test_unknown_name_suggests_close_ones(planted_view):
    with pytest.raises(QueryError, match="no entity is called 'Acne'.*Acme"):
        analyse.find_entity(planted_view, "Acne")


def test_ambiguous_name_lists_the_candidates(planted_view):
    with pytest.raises(QueryError, match="names 2 entities"):
        analyse.find_entity(planted_view, "小部件")


def test_path_between_entities_named_in_two_languages(planted_view):
    result = analyse.shortest_path(planted_view, "Acme", "X博物馆")
    assert result["found"]
    hops = [(s["from"]["iri"], s["predicate"], s["to"]["iri"], s["forward"]) for s in result["steps"]]
    assert hops[0][0] == ID + "acme" and hops[-1][2] == ID + "museum-x"
    # Acme develops Widget 1, which the reasoner says is held by Museum X.
    assert hops == [(ID + "acme", "develops", ID + "widget", True), (ID + "widget", "heldBy", ID + "museum-x", True)]
    assert result["steps"][1]["inferred"] is True


def test_path_steps_follow_links_of_the_seed_graph(seed_view, seed_graph):
    result = analyse.shortest_path(seed_view, "Xiaomi", _label(seed_graph, ID + "india", "zh"))
    assert result["found"] and result["steps"]
    links = {(lk.source, lk.predicate, lk.target) for lk in seed_view.links}
    prev = ID + "xiaomi"
    for s in result["steps"]:
        a, b = s["from"]["iri"], s["to"]["iri"]
        assert a == prev
        assert ((a, s["predicate"], b) if s["forward"] else (b, s["predicate"], a)) in links
        prev = b
    assert prev == ID + "india"
    U = nx.Graph(analyse.to_networkx(seed_view))
    assert len(result["steps"]) == nx.shortest_path_length(U, ID + "xiaomi", ID + "india")


def test_no_path_between_components(planted_view):
    result = analyse.shortest_path(planted_view, "Acme", "Lonelyland")
    assert result["found"] is False and result["steps"] == []
    assert "different components" in analyse.format_path(result)


# ------------------------------------------------------------------ command line


def test_kg_analyse_prints_and_writes_json(seed_dir, tmp_path):
    out = tmp_path / "analysis.json"
    r = CliRunner().invoke(main, ["analyse", "--graph", str(seed_dir / "graph.trig"), "--out", str(out), "--top", "3"])
    assert r.exit_code == 0, r.output
    report = json.loads(out.read_text(encoding="utf-8"))
    top = report["central"][0]
    assert "most central entities" in r.output and f"{top['label_en']} / {top['label_zh']}" in r.output
    r = CliRunner().invoke(main, ["analyse", "--graph", str(seed_dir / "graph.trig"), "--out", str(out), "--top", "3", "--json"])
    assert json.loads(r.output) == report


def test_kg_path_in_two_languages(seed_dir, seed_graph):
    india_zh = _label(seed_graph, ID + "india", "zh")
    r = CliRunner().invoke(main, ["path", "Xiaomi", india_zh, "--graph", str(seed_dir / "graph.trig")])
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert lines[0].startswith("Xiaomi / ") and india_zh in lines[-2] and lines[-1].endswith("steps")


def test_kg_path_unknown_name_is_a_usage_error(seed_dir):
    r = CliRunner().invoke(main, ["path", "Xiaomi", "Atlantis", "--graph", str(seed_dir / "graph.trig")])
    assert r.exit_code == 2 and "no entity is called 'Atlantis'" in r.output


def test_kg_analyse_without_a_build_exits_6(tmp_path):
    r = CliRunner().invoke(main, ["analyse", "--graph", str(tmp_path / "graph.trig"), "--out", str(tmp_path / "a.json")])
    assert r.exit_code == 6 and "kg build" in r.output
