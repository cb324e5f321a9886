"""What a query may do (kg.limits): SERVICE only to listed endpoints, nothing fetched for
FROM/LOAD, a time and a memory limit in `kg query` and `kg serve`, Ctrl-C, and the server's
queue, disconnect, body-size and Host/Origin guards. Each test reproduces a finding of
issue 10 (a real listener on 127.0.0.1 records whether it was contacted)."""
from __future__ import annotations

import http.server
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import limits
from kg import query as q
from kg.cli import main
from kg.errors import EXIT_LIMIT, EXIT_USAGE, QueryError

from test_serve import RUNAWAY, Server

ROOT = Path(__file__).resolve().parent.parent
# Grows without bound: ORDER BY must hold the whole three-way cross join (~2e11 rows on the seed graph).
MEMORY_HOG = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a"
ANSWER = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "from the listener"}}]}}'


class Listener:
    """An HTTP server on 127.0.0.1 that answers any request with a one-row SPARQL result and
    records every request it gets."""

    def __init__(self):
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                outer.requests.append(f"{self.command} {self.path}")
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(ANSWER)))
                self.end_headers()
                self.wfile.write(ANSWER)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    yield server
    server.close()


def _fetching_queries(url: str) -> list[str]:
    """Queries that would contact ``url`` if kg let them."""
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?x ?p ?o }} }}",
        f"PREFIX remote: <{url.rsplit('/', 1)[0]}/> SELECT * WHERE {{ ?s a kg:Company OPTIONAL {{ SERVICE "
        f"remote:{url.rsplit('/', 1)[1]} {{ ?s ?p ?x }} }} }}",
        f"SELECT ?s WHERE {{ ?s a kg:Company FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?x }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?x WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }} }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?x ?p ?o }} }}",
        f"CONSTRUCT {{ ?x ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?where {{ <{url}> }} SERVICE ?where {{ ?x ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o LATERAL {{ SERVICE <{url}> {{ ?x ?p ?o }} }} }}",  # SPARQL 1.2: rdflib cannot parse
    ]


# ----------------------------------------------------------------------------- SERVICE policy (unit)

@pytest.mark.parametrize("text, calls", [
    ("SELECT * WHERE { ?s ?p ?o }", []),
    ('SELECT * WHERE { ?s ?p "SERVICE <http://a/> { }" } # SERVICE <http://b/>', []),
    ("SELECT * WHERE { ?s kg:x ?o OPTIONAL { SERVICE kgid:y { ?s ?p ?o } } }", ["https://w3id.org/kg/id/y"]),
    ("SELECT * WHERE { SERVICE ?e { ?s ?p ?o } }", [None]),
    ("PREFIX r: <http://r.example/> SELECT * WHERE { ?s ?p ?o MINUS { SERVICE r:q { ?s ?p ?o } } }", ["http://r.example/q"]),
    ("SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://a/> { ?s ?p ?o } } } UNION { ?s ?p ?o } }", ["http://a/"]),
    ("SELECT * WHERE { ?s ?p ?o LATERAL { SELECT * WHERE { ?s ?q ?v } LIMIT 1 } }", None),
])
def test_service_calls_are_read_from_the_algebra(text, calls):
    assert limits.service_calls(text, q.PREFIXES) == calls


def test_service_keywords_in_strings_and_comments_are_not_calls():
    text = 'SELECT * WHERE { ?s ?p "SERVICE <http://a/>" } # SERVICE <http://b/>'
    limits.check_services(text, q.PREFIXES, (), "t")  # no error
    with pytest.raises(QueryError, match="cannot read which endpoint"):
        limits.check_services("SELECT * WHERE { ?s ?p ?o LATERAL { SERVICE <http://a/> { ?a ?b ?c } } }",
                              q.PREFIXES, ("http://a/",), "t")


def test_a_service_the_algebra_misses_is_refused_by_the_token_reading(monkeypatch):
    text = "SELECT * WHERE { SERVICE <http://a/> { ?s ?p ?o } }"
    limits.check_services(text, q.PREFIXES, ("http://a/",), "t")  # allowed
    monkeypatch.setattr(limits, "_read_services", lambda text, prefixes: ([], ""))  # as if rdflib overlooked it
    with pytest.raises(QueryError, match="cannot tell which endpoint"):
        limits.check_services(text, q.PREFIXES, ("http://a/",), "t")


def test_an_unreadable_query_with_service_is_refused_with_the_parser_message():
    with pytest.raises(QueryError, match="Unknown namespace prefix : wd"):
        limits.check_services("SELECT * WHERE { SERVICE <http://a/> { wd:Q1 ?p ?o } }", q.PREFIXES, (), "t")


def test_serve_limit_settings_are_checked():
    from kg.serve import ServeConfig

    assert ServeConfig(allow_service=["http://a/"]).allow_service == ("http://a/",)
    for bad in ({"allow_service": "http://a/"}, {"allow_host": (1,)}, {"max_memory": 8}, {"queue": -1},
                {"max_body": 10}):
        with pytest.raises(Exception, match=next(iter(bad))):
            ServeConfig(**bad)


# ----------------------------------------------------------------------------- kg query

def _kg_query(seed_dir, *args):
    return CliRunner().invoke(main, ["query", "--build", str(seed_dir), *args])


def test_kg_query_refuses_service_and_contacts_nothing(seed_dir, listener):
    listener.requests.clear()
    for text in _fetching_queries(listener.url):
        out = _kg_query(seed_dir, text)
        assert out.exit_code == EXIT_USAGE and "SERVICE" in out.stderr, (text, out.output)
    assert listener.requests == []


def test_from_and_load_read_no_file_and_no_network(seed_dir, listener, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<http://example.org/s> <http://example.org/p> <http://example.org/secret> .\n")
    listener.requests.clear()
    for source in (listener.url, secret.as_uri()):
        out = _kg_query(seed_dir, f"SELECT ?o FROM <{source}> WHERE {{ ?s ?p ?o }}", "--format", "csv")
        assert out.exit_code == 0 and "secret" not in out.stdout and "listener" not in out.stdout
        out = _kg_query(seed_dir, f"SELECT ?o FROM NAMED <{source}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}")
        assert out.exit_code == 0 and "secret" not in out.stdout
        assert _kg_query(seed_dir, f"LOAD <{source}>").exit_code == EXIT_USAGE
    assert listener.requests == []


def test_an_allowed_service_is_called(seed_dir, listener):
    """The other side of the two tests above: the listener does record a SERVICE call kg lets through."""
    listener.requests.clear()
    text = f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}"
    out = _kg_query(seed_dir, text, "--allow-service", listener.url, "--format", "csv")
    assert out.exit_code == 0 and "from the listener" in out.stdout, out.output
    assert listener.requests
    other = _kg_query(seed_dir, text, "--allow-service", "http://127.0.0.1:1/sparql")
    assert other.exit_code == EXIT_USAGE and f"--allow-service {listener.url}" in other.stderr


def test_kg_query_stops_a_cross_join_at_the_memory_limit(seed_dir):
    start = time.monotonic()
    out = _kg_query(seed_dir, MEMORY_HOG, "--max-memory", "100")
    assert out.exit_code == EXIT_LIMIT, out.output
    assert "more memory than the limit of 100 MB (--max-memory)" in out.stderr
    assert time.monotonic() - start < 20


def test_kg_query_stops_a_runaway_query_at_the_time_limit(seed_dir):
    start = time.monotonic()
    out = _kg_query(seed_dir, RUNAWAY, "--timeout", "1")
    assert out.exit_code == EXIT_LIMIT and "time limit of 1 s (--timeout)" in out.stderr
    assert time.monotonic() - start < 10
    assert _kg_query(seed_dir, "10", "--timeout", "5").exit_code == 0  # an ordinary query is unaffected


def _processes_with(marker: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker.encode() in (proc / "cmdline").read_bytes():
                    found.append(int(proc.name))
            except OSError:
                pass
    return found


def _terminal_signals():
    """Start kg as a terminal would: Ctrl-C at its default and not blocked (a process inherits an ignored or
    blocked SIGINT from whatever ran before it in this test process, and Python then never raises
    KeyboardInterrupt; this test ran last in full runs and failed there only)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("to_group", [False, True], ids=["kill -INT", "terminal"])
def test_ctrl_c_stops_kg_query_at_once(seed_dir, to_group):
    """SIGINT to kg query alone, or to its process group as a terminal's Ctrl-C does."""
    marker = f"# ctrl-c test {os.getpid()} {to_group}"
    cmd = [sys.executable, "-m", "kg.cli", "query", "--build", str(seed_dir), "--timeout", "120",
           RUNAWAY + "\n" + marker]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_terminal_signals)
    deadline = time.monotonic() + 30
    while len(_processes_with(marker)) < 2:  # kg query and the child evaluating the query
        assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read()
        time.sleep(0.05)
    time.sleep(0.3)
    start = time.monotonic()
    if to_group:
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=10)
    assert time.monotonic() - start < 2
    assert proc.returncode == 130 and "interrupted (Ctrl-C)" in err
    assert _processes_with(marker) == []  # the child was killed too


# ----------------------------------------------------------------------------- kg serve

def _request(url: str, data: bytes | None = None, headers: dict | None = None, timeout: float = 30):
    """(status, headers, body) of a request, HTTP errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def _ask(server, text: str, **kw):
    return _request(server.endpoint, urllib.parse.urlencode({"query": text}).encode(),
                    {"Content-Type": "application/x-www-form-urlencoded"}, **kw)


@pytest.fixture(scope="module")
def guarded(seed_dir, listener):
    s = Server(seed_dir, "--workers", "1", "--queue", "1", "--timeout", "3", "--max-memory", "100",
               "--max-body", "4096", "--allow-service", listener.url)
    yield s
    s.stop()


def test_serve_refuses_service_and_fetches_nothing(guarded, listener):
    listener.requests.clear()
    other = listener.url.replace("/sparql", "/other")
    for text in _fetching_queries(other):
        status, _, body = _ask(guarded, text)
        assert status == 400 and b"SERVICE" in body, (text, body)
    for text in (f"SELECT * FROM <{other}> WHERE {{ ?s ?p ?o }}", f"SELECT * FROM NAMED <{other}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"):
        assert _ask(guarded, text)[0] == 200
    graphs = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }", "default-graph-uri": other, "named-graph-uri": other})
    assert _request(guarded.endpoint + "?" + graphs)[0] == 200
    assert _ask(guarded, f"LOAD <{other}>")[0] == 403
    assert listener.requests == []
    status, _, body = _ask(guarded, f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}")
    assert status == 200 and b"from the listener" in body and listener.requests  # the allowed one


def test_serve_stops_a_cross_join_at_the_memory_limit(guarded):
    status, _, body = _ask(guarded, MEMORY_HOG)
    assert status == 507 and b"more memory than the limit of 100 MB (kg serve --max-memory)" in body
    assert guarded.children() == []
    assert _ask(guarded, "ASK { ?s ?p ?o }")[0] == 200


def test_request_bodies_are_capped(guarded):
    small = "ASK { ?s ?p ?o }"
    big = small + " #" + "x" * 5000
    for text, expected in ((small, 200), (big, 413)):
        assert _request(guarded.endpoint, text.encode(), {"Content-Type": "application/sparql-query"})[0] == expected
        assert _ask(guarded, text)[0] == expected
        # without Content-Length (chunked): the server counts what it reads and stops at the cap
        chunks = iter([text[i:i + 1000].encode() for i in range(0, len(text), 1000)])
        assert _request(guarded.endpoint, chunks, {"Content-Type": "application/sparql-query"})[0] == expected


def test_a_full_queue_answers_503_with_retry_after(guarded):
    with ThreadPoolExecutor(2) as pool:
        running = [pool.submit(_ask, guarded, RUNAWAY) for _ in range(2)]  # one runs, one waits
        deadline = time.monotonic() + 10
        while len(guarded.children()) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        start = time.monotonic()
        status, headers, body = _ask(guarded, "ASK { ?s ?p ?o }")
        assert status == 503 and headers["Retry-After"] == "3" and b"server busy" in body
        assert time.monotonic() - start < 1
        assert [f.result()[0] for f in running] == [503, 503]  # both stopped at the time limit


def test_host_and_origin_are_checked(guarded):
    ok = {"Content-Type": "application/x-www-form-urlencoded"}
    body = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    status, _, text = _request(guarded.endpoint, body, {**ok, "Host": "evil.example"})
    assert status == 400 and b"--allow-host evil.example" in text  # DNS rebinding
    assert _request(guarded.endpoint, body, {**ok, "Host": f"localhost:{guarded.port}"})[0] == 200
    status, _, text = _request(guarded.endpoint, body, {**ok, "Origin": "http://evil.example"})
    assert status == 403 and b"--cors" in text
    assert _request(guarded.endpoint, body, {**ok, "Origin": guarded.url})[0] == 200


@pytest.fixture(scope="module")
def crowded(seed_dir):
    s = Server(seed_dir, "--timeout", "4")  # default --workers and --queue
    yield s
    s.stop()


def test_a_query_whose_client_left_is_stopped(crowded):
    with pytest.raises(OSError):  # the client gives up after 0.5 s
        _ask(crowded, RUNAWAY, timeout=0.5)
    deadline = time.monotonic() + 2.5  # well before the 4 s time limit
    while crowded.children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert crowded.children() == []


def test_an_ask_is_answered_at_once_among_twenty_runaway_queries(crowded):
    with ThreadPoolExecutor(20) as pool:
        runaways = [pool.submit(_ask, crowded, RUNAWAY) for _ in range(20)]
        deadline = time.monotonic() + 10
        while len(crowded.children()) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(crowded.children()) == 20
        start = time.monotonic()
        status, _, body = _ask(crowded, "ASK { kgid:xiaomi a kg:Company }")
        elapsed = time.monotonic() - start
        assert status == 200 and b"true" in body
        print(f"ASK among 20 runaway queries answered in {elapsed:.3f} s")
        assert elapsed < 2, f"the ASK took {elapsed:.2f} s"
        assert {f.result()[0] for f in runaways} == {503}
    assert crowded.children() == []
