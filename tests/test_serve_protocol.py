"""`kg serve` as RDF clients expect: every RDF format by Accept (406 otherwise, Vary: Accept),
HEAD, the CORS preflight, the Graph Store Protocol (read), the service description and VoID."""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pytest
from test_serve import Server, served_dir  # noqa: F401  (served_dir is a fixture)

from kg import query as q
from kg.iris import ID_NS
from kg.serve import negotiate

ox = q._ox()
SELECT = "SELECT ?c WHERE { ?c a kg:Company } ORDER BY ?c"
CONSTRUCT = "CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c a kg:Company ; rdfs:label ?l }"
DESCRIBE = "DESCRIBE kgid:xiaomi"
OX_FORMAT = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/rdf+xml": "RDF_XML",
             "application/ld+json": "JSON_LD", "application/trig": "TRIG", "application/n-quads": "N_QUADS"}


@pytest.fixture(scope="module")
def server(served_dir):  # noqa: F811
    s = Server(served_dir, "--cors")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def local(seed_dir):
    return q.open_local(seed_dir)


def fetch(url: str, accept: str | None = None, method: str = "GET"):
    """(status, headers, body) of a request; HTTP errors are answers too."""
    headers = {"Accept": accept} if accept is not None else {}
    request = urllib.request.Request(url, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def ask(server, query: str, accept: str | None, method: str = "GET"):
    return fetch(server.endpoint + "?" + urllib.parse.urlencode({"query": query}), accept, method)


def canonical(quads) -> set:
    """The quads with blank nodes relabelled canonically (RDFC-1.0), so two copies of a graph compare equal."""
    ds = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) if isinstance(t, ox.Triple) else t for t in quads)
    ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(ds)


def triples(body: bytes, media: str) -> set:
    return {t.triple if isinstance(t, ox.Quad) else t for t in ox.parse(body, format=getattr(ox.RdfFormat, OX_FORMAT[media]))}


def local_triples(local, query: str) -> set:
    return set(local.run(query).triples)


@pytest.mark.parametrize("accept, media", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("text/*", "text/csv"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", "application/sparql-results+xml"),
    ("text/csv;q=0, text/tab-separated-values", "text/tab-separated-values"),
    ("text/html", None),
    ("application/ld+json", None),
    ("text/csv;q=0", None),
])
def test_select_accept_matrix(server, local, accept, media):
    status, headers, body = ask(server, SELECT, accept)
    assert "Accept" in headers.get("Vary", "")
    if media is None:
        assert status == 406 and b"application/sparql-results+json" in body
        return
    assert status == 200 and headers.get_content_type() == media
    fmt = {"application/sparql-results+json": "JSON", "application/sparql-results+xml": "XML",
           "text/tab-separated-values": "TSV", "text/csv": None}[media]
    if fmt:
        got = q.collect(ox.parse_query_results(body, format=getattr(ox.QueryResultsFormat, fmt)))
        assert q.canonical(got) == q.canonical(local.run(SELECT))
    else:
        assert body.decode().split("\r\n")[1:-1] == [t.value for t in local.run(SELECT).column("c")]


@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE])
@pytest.mark.parametrize("accept, media", [
    (None, "text/turtle"),
    ("*/*", "text/turtle"),
    ("text/turtle", "text/turtle"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("application/ld+json", "application/ld+json"),
    ("application/trig", "application/trig"),
    ("application/n-quads", "application/n-quads"),
    ("application/ld+json;q=0.5, application/trig", "application/trig"),
    ("application/sparql-results+json", None),
    ("text/csv", None),
])
def test_graph_accept_matrix(server, local, query, accept, media):
    status, headers, body = ask(server, query, accept)
    assert "Accept" in headers.get("Vary", "")
    if media is None:
        assert status == 406 and b"application/ld+json" in body
        return
    assert status == 200 and headers.get_content_type() == media
    expected = local_triples(local, query)
    assert canonical(triples(body, media)) == canonical(expected) and expected


def test_head_answers_like_get_without_a_body(server):
    for url in (server.endpoint + "?" + urllib.parse.urlencode({"query": SELECT}), server.endpoint,
                server.url + "/store?default", server.url + "/.well-known/void", server.url + "/"):
        get_status, get_headers, _ = fetch(url)
        status, headers, body = fetch(url, method="HEAD")
        assert (status, body) == (200, b"") and get_status == 200, url
        assert headers.get_content_type() == get_headers.get_content_type(), url


def test_cors_preflight_and_exposed_headers(server):
    request = urllib.request.Request(server.endpoint, method="OPTIONS", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, accept"})
    with urllib.request.urlopen(request, timeout=30) as r:
        assert r.status == 204
        assert r.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in r.headers["Access-Control-Allow-Methods"]
        assert r.headers["Access-Control-Allow-Headers"] == "content-type, accept"
    _, headers, _ = ask(server, SELECT, "text/csv")
    exposed = {h.strip() for h in headers["Access-Control-Expose-Headers"].split(",")}
    assert {"X-KG-Rows", "X-KG-Truncated"} <= exposed and int(headers["X-KG-Rows"]) > 0


# ----------------------------------------------------------------------------- Graph Store Protocol

def _graph(local, name) -> set:
    return {ox.Triple(t.subject, t.predicate, t.object) for t in local.store.quads_for_pattern(None, None, None, name)}


def test_gsp_default_graph(server, local):
    status, headers, body = fetch(server.url + "/store?default", "text/turtle")
    assert status == 200 and headers.get_content_type() == "text/turtle"
    assert canonical(triples(body, "text/turtle")) == canonical(_graph(local, ox.DefaultGraph()))


def test_gsp_every_named_graph(server, local):
    names = sorted({q_.graph_name.value for q_ in local.store if isinstance(q_.graph_name, ox.NamedNode)})
    assert any("/graph/doc/" in n for n in names) and ID_NS + "graph/candidates" in names
    for name in names:
        url = server.url + "/store?" + urllib.parse.urlencode({"graph": name})
        status, headers, body = fetch(url, "application/n-triples")
        assert status == 200, name
        assert canonical(triples(body, "application/n-triples")) == canonical(_graph(local, ox.NamedNode(name))), name


@pytest.mark.parametrize("path", ["/store", "/data"])
@pytest.mark.parametrize("accept", ["application/trig", "application/n-quads", "application/ld+json"])
def test_gsp_whole_dataset(server, local, path, accept):
    status, headers, body = fetch(server.url + path, accept)
    assert status == 200 and headers.get_content_type() == accept
    assert canonical(ox.parse(body, format=getattr(ox.RdfFormat, OX_FORMAT[accept]))) == canonical(local.store)


@pytest.mark.parametrize("query, accept, status", [
    ("", "text/turtle", 406),  # a dataset has no Turtle form
    ("?graph=" + urllib.parse.quote(ID_NS + "graph/none"), None, 404),
    ("?graph=not%20an%20iri", None, 400),
    ("?default&graph=" + urllib.parse.quote(ID_NS + "graph/candidates"), None, 400),
])
def test_gsp_refusals(server, query, accept, status):
    assert fetch(server.url + "/store" + query, accept)[0] == status


def test_gsp_is_read_only(server):
    request = urllib.request.Request(server.url + "/store?default", data=b"<a:b> <a:c> <a:d> .",
                                     headers={"Content-Type": "application/n-triples"}, method="PUT")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=30)
    assert err.value.code == 405


# ----------------------------------------------------------------------------- description and VoID

def _void_counts(graph_bytes: bytes, media: str) -> dict:
    """named graph -> void:triples, from a description."""
    store = ox.Store()
    store.load(graph_bytes, format=getattr(ox.RdfFormat, OX_FORMAT[media]))
    rows = store.query("PREFIX void: <http://rdfs.org/ns/void#> PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> "
                       "SELECT ?g ?n WHERE { ?d void:subset ?s . ?s sd:name ?g ; void:triples ?n }")
    return {r["g"].value: int(r["n"].value) for r in rows}


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json"])
def test_service_description_lists_the_dataset(server, local, accept):
    status, headers, body = fetch(server.endpoint, accept)
    assert status == 200 and headers.get_content_type() == accept
    store = ox.Store()
    store.load(body, format=getattr(ox.RdfFormat, OX_FORMAT[accept]))
    named = {r["g"].value: int(r["n"].value) for r in store.query(
        "PREFIX void: <http://rdfs.org/ns/void#> PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> "
        "SELECT ?g ?n WHERE { ?svc sd:endpoint ?e ; sd:defaultDataset/sd:namedGraph ?ng . "
        "?ng sd:name ?g ; sd:graph/void:triples ?n }")}
    expected = {g.value: len(_graph(local, g)) for g in {q_.graph_name for q_ in local.store}
                if isinstance(g, ox.NamedNode)}
    assert named == expected and expected
    default = next(iter(store.query("PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> "
                                    "PREFIX void: <http://rdfs.org/ns/void#> "
                                    "SELECT ?n WHERE { [] sd:defaultGraph/void:triples ?n }")))["n"].value
    assert int(default) == len(_graph(local, ox.DefaultGraph()))
    assert fetch(server.endpoint, "text/csv")[0] == 406


def test_well_known_void(server, local):
    status, headers, body = fetch(server.url + "/.well-known/void", "text/turtle")
    assert status == 200 and headers.get_content_type() == "text/turtle"
    counts = _void_counts(body, "text/turtle")
    assert counts == {g.value: len(_graph(local, g)) for g in {q_.graph_name for q_ in local.store}
                      if isinstance(g, ox.NamedNode)}
    text = body.decode()
    assert f"void:triples {len(local.store)} " in text and f"void:sparqlEndpoint <{server.endpoint}>" in text


def test_negotiate_wildcards_and_refusals():
    assert negotiate("application/*", "graph") == "nt"  # the first format of ours under application/
    assert negotiate("text/*", "select") == "csv"
    assert negotiate("image/png", "graph") is None
    assert negotiate("", "graph") == "ttl"


def test_port_zero_reports_the_real_port(seed_dir):
    import re
    import subprocess
    import sys

    from test_serve import ROOT

    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--build", str(seed_dir), "--port", "0",
                             "--log-level", "warning"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline() + proc.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", line)
        assert m and int(m.group(1)) > 0, line
        url = f"http://127.0.0.1:{m.group(1)}/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        for _ in range(300):
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    assert b"true" in r.read()
                    break
            except urllib.error.URLError:
                import time

                time.sleep(0.1)
        else:
            pytest.fail("the reported port does not answer")
    finally:
        proc.terminate()
        proc.wait(timeout=15)
