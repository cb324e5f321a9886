"""HTTP fuzzing of `kg serve` (issue 10): arbitrary methods, paths, query strings, headers (Accept,
Content-Type, a Content-Length that does not match the body) and bodies (random bytes, invalid
UTF-8, invalid SPARQL) get a well-formed HTTP answer with a 2xx/4xx status -- never a 500, never a
Python traceback, never a connection dropped without an answer -- and the server still answers
an ASK afterwards.

Requests are written on a raw socket, so nothing on the client side tidies them first.
"""
from __future__ import annotations

import re
import socket
import urllib.parse

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_serve import Server, served_dir  # noqa: F401  (served_dir is a fixture)

FEW = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.function_scoped_fixture])
# the statuses a correct server may give besides 2xx/4xx: busy or out of time (503), out of memory (507)
SERVER_LIMITS = {503, 507}


@pytest.fixture(scope="module")
def server(served_dir):  # noqa: F811
    s = Server(served_dir, "--timeout", "1")
    yield s
    s.stop()


def exchange(port: int, request: bytes, timeout: float = 30) -> bytes:
    """Send ``request`` raw and read the whole answer (``Connection: close``). The client never
    half-closes: the ASGI server takes the end of a client's sending as the end of the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            sock.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered before reading it all; the answer is still to be read
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


SPARQL = st.sampled_from([
    "ASK { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o } LIMIT 2", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2",
    "DESCRIBE kgid:xiaomi", "SELECT ?x WHERE {", "SELEC * WHERE {}", "INSERT DATA { <a:b> <a:c> <a:d> }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o > \"x\"^^<http://www.w3.org/2001/XMLSchema#integer>) } LIMIT 3",
    "SELECT * FROM <not an iri> WHERE { ?s ?p ?o }", "SELECT (1/0 AS ?x) WHERE {}", "ASK { SERVICE <http://a.example/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o } LIMIT 99999999999999999999", "PREFIX : <x> SELECT * {}", "\x00", "",
])
TEXT = st.text(max_size=30)
# what looks like an IRI to a quick test but not to the store's parser
IRIS = st.one_of(st.sampled_from(["a:%zz", "a:b#c#d", "http://[x]/", "a:[", "a_b:c", "a:\x7f", "kgid:graph/x", "a:"]),
                 TEXT.map(lambda t: "http://a.example/" + t))
PARAMS = st.lists(st.tuples(st.sampled_from(["query", "update", "format", "default-graph-uri", "named-graph-uri",
                                            "graph", "default", "x", ""]),
                            st.one_of(SPARQL, TEXT, IRIS, st.sampled_from(["json", "csv", "tsv", "xml", "ttl"]))),
                  max_size=3)
METHODS = st.one_of(st.sampled_from(["GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT"]),
                    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8))
PATHS = st.one_of(st.sampled_from(["/", "/sparql", "/query", "/update", "/graph.html", "/void", "/.well-known/void",
                                   "/store", "/store/", "/data", "/service", "/sparql/", "//sparql", "/query/x", "/%00", "/%ff%fe", "*"]),
                  st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7e, blacklist_characters="#?"),
                          max_size=20).map(lambda p: "/" + p))
ACCEPTS = st.one_of(st.none(), TEXT.map(lambda t: t.encode("utf-8", "replace").decode("latin-1")), st.sampled_from([
    "*/*", "text/csv", "text/turtle", "application/sparql-results+json", "application/ld+json;q=0.5, text/*;q=0",
    "text/html", "application/json;q=abc", ";;;", "*/*;q=", "text/csv;q=1.5", "application/n-quads"]))
CTYPES = st.one_of(st.none(), st.sampled_from([
    "application/sparql-query", "application/x-www-form-urlencoded", "application/sparql-update", "text/plain",
    "application/sparql-query; charset=latin-1", "multipart/form-data; boundary=x", "application/json", ""]))
BODIES = st.one_of(st.binary(max_size=200), SPARQL.map(str.encode), PARAMS.map(lambda p: urllib.parse.urlencode(p).encode()),
                   st.sampled_from([b"\xff\xfe\xfd", b"query=%ff%fe", b"query=" + "SELECT * {}".encode("utf-16"), b"\x80" * 50]))
LENGTHS = st.sampled_from(["exact", "none", "shorter", "longer", "huge", "junk", "negative", "twice"])


def _request(method, path, params, accept, ctype, body, length, port) -> bytes:
    target = path + ("?" + urllib.parse.urlencode(params) if params else "")
    lines = [f"{method} {target} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
    if accept is not None:
        lines.append(f"Accept: {accept}")
    if ctype is not None:
        lines.append(f"Content-Type: {ctype}")
    if length == "exact":
        lines.append(f"Content-Length: {len(body)}")
    elif length == "shorter":
        lines.append(f"Content-Length: {len(body) // 2}")
    elif length == "longer":  # the client claims more than it sends, and waits
        lines.append(f"Content-Length: {len(body) + 100}")
    elif length == "huge":
        lines.append("Content-Length: 99999999999999999999")
    elif length == "junk":
        lines.append("Content-Length: ten")
    elif length == "negative":
        lines.append("Content-Length: -1")
    elif length == "twice":
        lines += [f"Content-Length: {len(body)}", f"Content-Length: {len(body) + 1}"]
    else:
        body = b""
    head = "\r\n".join(lines).encode("latin-1", "replace") + b"\r\n\r\n"
    return head + body


STATUS_LINE = re.compile(rb"HTTP/1\.[01] (\d{3}) [^\r\n]*\r\n")


def _check_answer(answer: bytes, what, port: int) -> int:
    m = STATUS_LINE.match(answer)
    assert m, (what, answer[:200])  # an answer, not a dropped connection
    head, sep, body = answer.partition(b"\r\n\r\n")
    assert sep, (what, answer[:200])
    status = int(m.group(1))
    if status in (307, 308):  # /sparql/ -> /sparql: a redirect to this server's own route is an answer too
        location = re.search(rb"(?im)^location: *(\S+)", head)
        assert location and location.group(1).startswith(f"http://127.0.0.1:{port}/".encode()), (what, head)
        return status
    assert 200 <= status < 300 or 400 <= status < 500 or status in SERVER_LIMITS, (what, status, body[:300])
    assert b"Traceback" not in answer, (what, body[:500])
    return status


@FEW
@given(METHODS, PATHS, PARAMS, ACCEPTS, CTYPES, BODIES, LENGTHS)
@example("POST", "/sparql", [], None, "application/sparql-query", b"\xff\xfe SELECT", "exact")
@example("POST", "/sparql", [], None, "application/sparql-query", b"ASK {}", "longer")
@example("POST", "/sparql", [], None, "application/x-www-form-urlencoded", b"query=ASK", "huge")
@example("GET", "/sparql", [("query", "ASK {}"), ("default-graph-uri", "a:b")], "text/csv;q=1.5", None, b"", "none")
@example("GET", "/sparql", [("query", "ASK {}"), ("named-graph-uri", "a:%zz")], None, None, b"", "none")
@example("GET", "/store", [("graph", "a:b#c#d")], None, None, b"", "none")
def test_any_request_gets_a_well_formed_answer(server, method, path, params, accept, ctype, body, length):
    request = _request(method, path, params, accept, ctype, body, length, server.port)
    _check_answer(exchange(server.port, request), request[:300], server.port)


def test_the_server_still_answers_after_the_fuzzing(server):
    """Runs after the fuzzing above, on the same server (the fixture is the module's)."""
    ask = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    request = f"GET /sparql?{ask} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nAccept: application/sparql-results+json\r\n" \
              "Connection: close\r\n\r\n"
    answer = exchange(server.port, request.encode())
    assert _check_answer(answer, "ASK", server.port) == 200 and b'"boolean": true' in answer.replace(b'"boolean":true', b'"boolean": true')
    assert server.proc.poll() is None


def test_a_body_shorter_than_its_content_length_gets_408_not_a_hang(server):
    request = (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Type: application/sparql-query\r\n"
               "Content-Length: 500\r\nConnection: close\r\n\r\nASK {}").encode()
    answer = exchange(server.port, request, timeout=15)
    assert _check_answer(answer, "short body", server.port) == 408
    assert b"Content-Length (500)" in answer


@pytest.mark.parametrize("target", ["/sparql?query=ASK%7B%7D&named-graph-uri=a:%25zz", "/store?graph=a:b%23c%23d",
                                    "/sparql?query=ASK%7B%7D&default-graph-uri=http://%5Bx%5D/"])
def test_a_graph_iri_the_store_cannot_parse_is_400_not_500(server, target):
    request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nConnection: close\r\n\r\n".encode()
    answer = exchange(server.port, request)
    assert _check_answer(answer, target, server.port) == 400 and b"is not an absolute IRI (" in answer
