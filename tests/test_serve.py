"""`kg serve` for real: a server on a free loopback port, queried with SPARQLWrapper."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg import query as q
from kg.serve import ServeConfig, negotiate

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, XML, SPARQLWrapper as Client  # noqa: E402
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
HTML = "<!doctype html><title>kg graph view (test)</title><p>graph view</p>"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, build_dir: Path, *args: str):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.endpoint = self.url + "/sparql"
        cmd = [sys.executable, "-m", "kg.cli", "serve", "--build", str(build_dir), "--port", str(self.port),
               "--log-level", "warning", *args]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"kg serve exited with {self.proc.returncode}: {self.proc.stderr.read()}")
            try:
                urllib.request.urlopen(self.endpoint, timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("kg serve did not start within 60 s")
                time.sleep(0.1)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def children(self) -> list[int]:
        out = []
        for task in Path(f"/proc/{self.proc.pid}/task").iterdir():
            out += [int(c) for c in (task / "children").read_text().split()]
        return out


@pytest.fixture(scope="module")
def served_dir(seed_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("served") / "build"
    out.mkdir()
    shutil.copy(seed_dir / "graph.trig", out / "graph.trig")
    (out / "graph.html").write_text(HTML, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def server(served_dir):
    s = Server(served_dir, "--timeout", "2", "--max-rows", "1000")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def small_server(seed_dir):
    s = Server(seed_dir, "--max-rows", "5", "--workers", "1")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def local(seed_dir):
    return q.open_local(seed_dir)


def client(server, query: str, fmt=JSON, method=POST) -> Client:
    c = Client(server.endpoint)
    c.setQuery(query)
    c.setReturnFormat(fmt)
    c.setMethod(method)
    c.setTimeout(60)
    return c


def bound_text(name: str, target) -> str:
    spec = q.find_query(name)
    return q.with_values(spec.text, q.bind_params(spec, {}, target))


def values(result: q.Result) -> list[tuple]:
    return sorted(tuple("" if t is None else t.value for t in row) for row in result.rows)


# ----------------------------------------------------------------------------- unit

@pytest.mark.parametrize("accept, kind, explicit, expected", [
    (None, "select", None, "json"),
    ("text/csv", "select", None, "csv"),
    ("application/sparql-results+xml;q=0.5, text/tab-separated-values", "select", None, "tsv"),
    ("text/turtle;q=0.2, application/n-triples", "graph", None, "nt"),
    ("application/rdf+xml", "graph", None, "rdfxml"),
    ("*/*", "graph", None, "ttl"),
    ("text/csv", "select", "json", "json"),
    ("text/turtle", "graph", "xml", "rdfxml"),
    ("text/html", "ask", None, None),  # nothing acceptable: the server answers 406
    ("text/html, */*;q=0.1", "ask", None, "json"),
])
def test_content_negotiation(accept, kind, explicit, expected):
    assert negotiate(accept, kind, explicit) == expected


def test_settings_are_checked():
    with pytest.raises(Exception, match="timeout"):
        ServeConfig(timeout="soon")
    with pytest.raises(Exception, match="max_rows"):
        ServeConfig(max_rows=0)


# ----------------------------------------------------------------------------- server

def test_listens_on_loopback_only(server):
    lines = Path("/proc/net/tcp").read_text().splitlines()[1:] + Path("/proc/net/tcp6").read_text().splitlines()[1:]
    listening = [line.split()[1] for line in lines if line.split()[3] == "0A" and line.split()[1].endswith(f":{server.port:04X}")]
    assert listening == [f"0100007F:{server.port:04X}"]


def test_select_json_matches_the_local_answer(server, local):
    text = bound_text("10", local)
    answer = client(server, text).queryAndConvert()
    names = answer["head"]["vars"]
    remote = sorted(tuple(b[n]["value"] if n in b else "" for n in names) for b in answer["results"]["bindings"])
    assert remote == values(local.run(text)) and remote
    assert {b["place_zh"]["xml:lang"] for b in answer["results"]["bindings"]} == {"zh"}


@pytest.mark.parametrize("name", [s.name for s in q.library()])
def test_every_library_query_answers_the_same_over_http(name, server, local):
    spec = q.find_query(name)
    remote = q.Endpoint(server.endpoint, timeout=60)
    assert q.canonical(q.run_query(spec, remote)) == q.canonical(q.run_query(spec, local))


def test_labels_resolve_through_the_endpoint(server, local):
    remote = q.Endpoint(server.endpoint)
    spec = q.find_query("10")
    assert q.canonical(q.run_query(spec, remote, {"person": "雷军"})) == q.canonical(q.run_query(spec, local))


@pytest.mark.parametrize("fmt, media", [(XML, "application/sparql-results+xml"), (CSV, "text/csv"),
                                        (TSV, "text/tab-separated-values"), (JSON, "application/sparql-results+json")])
@pytest.mark.parametrize("method", ["GET", POST, POSTDIRECTLY])
def test_formats_and_methods(server, local, fmt, media, method):
    text = "SELECT ?company ?label WHERE { ?company a kg:Company ; rdfs:label ?label } ORDER BY ?company ?label"
    c = client(server, text, fmt, POST if method == POSTDIRECTLY else method)
    if method == POSTDIRECTLY:
        c.setRequestMethod(POSTDIRECTLY)
    response = c.query()
    assert response.response.headers.get_content_type() == media
    body = response.response.read().decode("utf-8")
    expected = local.run(text)
    if fmt == CSV:
        rows = list(csv.reader(io.StringIO(body, newline="")))
        assert rows[0] == ["company", "label"] and sorted(map(tuple, rows[1:])) == values(expected)
    else:
        ox = q._ox()
        fmt_ox = {XML: ox.QueryResultsFormat.XML, TSV: ox.QueryResultsFormat.TSV, JSON: ox.QueryResultsFormat.JSON}[fmt]
        assert q.canonical(q.collect(ox.parse_query_results(body.encode(), format=fmt_ox))) == q.canonical(expected)


def test_construct_and_ask(server, local):
    from rdflib.compare import isomorphic

    text = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a kg:Company ; rdfs:label ?l }"
    graph = client(server, text, XML).queryAndConvert()  # SPARQLWrapper asks for RDF/XML
    import rdflib

    expected = rdflib.Graph().parse(data=q.to_rdf(local.run(text), "nt"), format="nt")
    assert len(graph) == len(expected) > 0 and isomorphic(graph, expected)
    assert client(server, "ASK { kgid:xiaomi a kg:Company }").queryAndConvert()["boolean"] is True


def _count(server) -> int:
    answer = client(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").queryAndConvert()
    return int(answer["results"]["bindings"][0]["n"]["value"])


def _post(url: str, body: bytes, ctype: str) -> int:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": ctype})
    try:
        return urllib.request.urlopen(request, timeout=30).status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_updates_are_refused(server):
    before = _count(server)
    c = Client(server.endpoint)
    c.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    c.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as err:
        c.query()
    assert err.value.code == 403
    update = b"DELETE WHERE { ?s ?p ?o }"
    assert _post(server.endpoint, update, "application/sparql-update") == 403
    assert _post(server.endpoint, urllib.parse.urlencode({"query": update}).encode(),
                 "application/x-www-form-urlencoded") == 403
    assert _post(server.url + "/update", urllib.parse.urlencode({"update": update}).encode(),
                 "application/x-www-form-urlencoded") == 403
    assert _count(server) == before


def test_runaway_query_is_stopped_at_the_time_limit(server):
    start = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as err:
        client(server, RUNAWAY).query()
    elapsed = time.monotonic() - start
    assert err.value.code == 503 and b"time limit" in err.value.read()
    assert 1.9 < elapsed < 10
    assert server.children() == []  # the evaluating process was killed and reaped
    assert _count(server) > 0  # and the server still answers


def test_invalid_query_is_a_400_with_the_parser_message(server):
    with pytest.raises(QueryBadFormed, match="error at 1:"):
        client(server, "SELECT ?x WHERE { ?x ").query()


def test_default_and_named_graph_parameters(server, local):
    doc_graph = local.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g LIMIT 1").column("g")[0].value
    size = int(local.run(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{doc_graph}> {{ ?s ?p ?o }} }}").rows[0][0].value)
    c = client(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    c.addDefaultGraph(doc_graph)
    assert int(c.queryAndConvert()["results"]["bindings"][0]["n"]["value"]) == size < _count(server)
    c = client(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    c.addNamedGraph(doc_graph)
    assert [b["g"]["value"] for b in c.queryAndConvert()["results"]["bindings"]] == [doc_graph]


def test_service_description_and_graph_view(server):
    with urllib.request.urlopen(server.endpoint) as r:
        assert r.headers.get_content_type() == "text/turtle"
        assert f"sd:endpoint <{server.endpoint}>" in r.read().decode()
    with urllib.request.urlopen(server.url + "/") as r:
        assert r.headers.get_content_type() == "text/html" and r.read().decode().startswith(HTML)  # + a query-page link


def test_result_size_cap(small_server):
    request = urllib.request.Request(small_server.endpoint + "?" + urllib.parse.urlencode(
        {"query": "SELECT * WHERE { ?s ?p ?o }"}), headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request) as r:
        assert r.headers["X-KG-Truncated"] == "true" and r.headers["X-KG-Max-Rows"] == "5"
        lines = r.read().decode().splitlines()
        assert len(lines) == 1 + 5 + 1 and lines[-1].startswith("# kg:truncated: the answer was cut at 5 rows")
    result = q.Endpoint(small_server.endpoint).run("SELECT * WHERE { ?s ?p ?o }")
    assert result.truncated and len(result) == 5


def _get(server, query: str, fmt: str) -> str:
    url = server.endpoint + "?" + urllib.parse.urlencode({"query": query, "format": fmt})
    with urllib.request.urlopen(url) as r:
        return r.read().decode()


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "ttl", "nt", "rdfxml"])
def test_the_row_cap_is_marked_in_the_body_of_every_format(small_server, fmt):
    ox = q._ox()
    graph = fmt in ("ttl", "nt", "rdfxml")
    query = "CONSTRUCT WHERE { ?s ?p ?o }" if graph else "SELECT * WHERE { ?s ?p ?o }"
    cut, whole = _get(small_server, query, fmt), _get(small_server, query + " LIMIT 5", fmt)
    assert "kg:truncated" in cut and "kg:truncated" not in whole
    if fmt == "json":
        data = json.loads(cut)
        assert data["kg:truncated"] == {"rows": 5} and data["head"]["link"] == [q.TRUNCATED]
    if fmt in ("json", "xml"):  # a standard reader still reads the rows
        parsed = ox.parse_query_results(cut.encode(), format={"json": ox.QueryResultsFormat.JSON,
                                                              "xml": ox.QueryResultsFormat.XML}[fmt])
        assert len(list(parsed)) == 5
    if graph:  # a comment: an RDF reader still reads the triples
        rdf_format = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
        assert len(list(ox.parse(cut.encode(), format=rdf_format))) == 5


def test_query_form_when_there_is_no_graph_view(small_server):
    with urllib.request.urlopen(small_server.url + "/") as r:
        page = r.read().decode()
    assert '<form action="sparql"' in page
    assert "src=" not in page and "<link" not in page  # nothing loaded from elsewhere: works offline


def test_kg_query_against_the_endpoint(server, local):
    from click.testing import CliRunner

    from kg.cli import main

    out = CliRunner().invoke(main, ["query", "04", "--endpoint", server.endpoint, "--format", "tsv"])
    assert out.exit_code == 0, out.output
    header, *rows = out.stdout.splitlines()
    expected = q.canonical(q.run_query(q.find_query("04"), local))
    assert "\n".join([header] + sorted(rows)) + "\n" == expected
    unreachable = CliRunner().invoke(main, ["query", "04", "--endpoint", f"http://127.0.0.1:{_free_port()}/sparql"])
    assert unreachable.exit_code == 7 and "cannot reach" in unreachable.stderr


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kg serve needs fork")
def test_serve_refuses_a_missing_build(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    out = CliRunner().invoke(main, ["serve", "--build", str(tmp_path / "none")])
    assert out.exit_code == 6 and "kg build" in out.stderr
