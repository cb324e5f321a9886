"""Serve the built graph over the SPARQL 1.1 Protocol (read-only), plus the HTML view.

A small Starlette app around a pyoxigraph Store loaded once in the server process.
Every query is evaluated in a child process forked from the server (``os.fork``: the
child shares the loaded store copy-on-write, so forking costs milliseconds, not a
reload). The server waits for the child's answer at most ``timeout`` seconds and
then kills it with SIGKILL -- which stops any runaway query, however deep inside the
query engine it is, without the server having to trust the engine to check a
deadline. The child also runs under a memory limit and refuses SERVICE calls to endpoints
not allowed (kg.limits); the server pauses all but the least-run children (QueryRunner),
bounds how many it holds, kills those whose client left, caps request bodies and checks
Host and Origin (HostCheck). Nothing a child does can change the server's store, and updates are
refused before any evaluation (HTTP 403). Needs a platform with ``fork`` (Linux, macOS).

Endpoint: ``/sparql`` (GET and POST, form-encoded or ``application/sparql-query``,
``default-graph-uri`` / ``named-graph-uri`` honoured); results in JSON, XML, CSV or TSV
(SELECT/ASK) and Turtle, N-Triples or RDF/XML (CONSTRUCT/DESCRIBE), chosen by the
Accept header or a ``format`` parameter. Results longer than ``max_rows`` are cut to
``max_rows`` and marked with the response header ``X-KG-Truncated: true`` and in the body
(kg.query.mark_truncated).
"""
from __future__ import annotations

import json
import math
import os
import re
import signal
from dataclasses import dataclass, fields
from pathlib import Path

from . import limits
from . import query as q
from .errors import KgError, ServerError


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS = (
    Setting("host", "127.0.0.1", "Interface to listen on (0.0.0.0 exposes the endpoint to your network)."),
    Setting("port", 8000, "TCP port to listen on."),
    Setting("timeout", 10.0, "Time limit per query, in seconds; the process evaluating a query is killed when it is reached."),
    Setting("max_rows", 10000, "Result-size cap: at most this many rows (or triples) per answer; longer answers are cut and marked X-KG-Truncated."),
    Setting("workers", 2, "How many queries are evaluated at the same time; the others wait paused, the least-run first in line."),
    Setting("cors", False, "Send Access-Control-Allow-Origin: * so web pages on other origins (e.g. a hosted YASGUI) may query."),
    Setting("max_memory", 256, "Memory one query may take beyond the loaded graph, in MB; beyond it the query is stopped (HTTP 507)."),
    Setting("queue", 32, "How many queries may wait beyond --workers; more are refused with HTTP 503 and Retry-After."),
    Setting("max_body", 1_000_000, "Largest request body accepted, in bytes (HTTP 413 beyond)."),
    Setting("allow_service", (), "Let SERVICE call this endpoint URL (repeatable); any other SERVICE gets HTTP 400."),
    Setting("allow_host", (), "Also answer requests for this host name (repeatable; '*' for any). Always answered: "
                              "localhost, 127.0.0.1, ::1 and --host."),
)


@dataclass(frozen=True)
class ServeConfig:
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0
    max_rows: int = 10000
    workers: int = 2
    cors: bool = False
    max_memory: int = 256
    queue: int = 32
    max_body: int = 1_000_000
    allow_service: tuple = ()
    allow_host: tuple = ()

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            kind = type(next(s.default for s in SETTINGS if s.name == f.name))
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                continue
            if kind is tuple and isinstance(value, list):
                object.__setattr__(self, f.name, tuple(value))
                value = tuple(value)
            if (not isinstance(value, kind) or (kind is not bool and isinstance(value, bool))
                    or (kind is tuple and not all(isinstance(v, str) for v in value))):
                what = "a list of strings" if kind is tuple else kind.__name__
                raise KgError(f"setting '{f.name}' should be {what}, got {value!r}.")
        for name, ok, rule in (("timeout", self.timeout > 0, "> 0"), ("max_rows", self.max_rows >= 1, ">= 1"),
                               ("workers", self.workers >= 1, ">= 1"), ("port", 0 <= self.port < 65536, "within 0-65535"),
                               ("max_memory", self.max_memory >= 16, ">= 16 (MB)"), ("queue", self.queue >= 0, ">= 0"),
                               ("max_body", self.max_body >= 1024, ">= 1024 (bytes)")):
            if not ok:
                raise KgError(f"setting '{name}' (--{name.replace('_', '-')}) must be {rule}, got {getattr(self, name)!r}.")


RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("ttl", "nt", "rdfxml")
_ALIASES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "ttl", "application/x-turtle": "ttl", "application/n-triples": "nt", "text/plain": "nt",
    "application/rdf+xml": "rdfxml",
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "ttl": "ttl", "turtle": "ttl", "nt": "nt",
    "ntriples": "nt", "n-triples": "nt", "rdfxml": "rdfxml", "rdf+xml": "rdfxml", "rdf": "rdfxml",
}
_UPDATE_FORMS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def negotiate(accept: str | None, kind: str, explicit: str | None = None) -> str:
    """The format to answer in: a ``format`` parameter wins, then the Accept header
    (by q-value, in order), then JSON for SELECT/ASK and Turtle for graphs."""
    allowed = RESULT_FORMATS if kind != "graph" else GRAPH_FORMATS
    if explicit:
        wanted = _ALIASES.get(explicit.strip().lower())
        if kind == "graph" and wanted == "xml":
            wanted = "rdfxml"  # format=xml on a CONSTRUCT means RDF/XML
        if wanted in allowed:
            return wanted
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        media, *opts = [x.strip() for x in part.split(";")]
        weight = 1.0
        for opt in opts:
            if opt.startswith("q="):
                try:
                    weight = float(opt[2:])
                except ValueError:
                    weight = 0.0
        ranked.append((-weight, i, media.lower()))
    for weight, _, media in sorted(ranked):
        if weight < 0 and _ALIASES.get(media) in allowed:
            return _ALIASES[media]
    return allowed[0]


def _evaluate_in_child(store, job: dict, fd: int) -> None:
    """Run in the forked child: evaluate, serialise, write header line + body, exit."""
    status, headers, body, code = 500, {}, b"", 0
    try:
        limits.enter_child(job["max_memory"])
        ox = q._ox()
        kwargs = {}
        if job["default_graph"]:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in job["default_graph"]]
        if job["named_graphs"]:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
        try:
            limits.check_services(job["query"], q.PREFIXES, job["allow_service"], "query", "kg serve --allow-service")
            answer = store.query(job["query"], prefixes=q.PREFIXES, **kwargs)
            result = q.collect(answer, job["max_rows"])
            fmt = negotiate(job["accept"], result.kind, job["format"])
            text = q.render(result, fmt)
            status, body = 200, text.encode("utf-8")
            headers = {"type": q.MEDIA_TYPES[fmt], "truncated": result.truncated, "rows": len(result)}
        except KgError as exc:
            status, body = 400, f"{exc.message}\n".encode()
        except SyntaxError as exc:
            status, body = 400, f"invalid SPARQL query: {exc}\n".encode()
        except MemoryError:
            raise
        except Exception as exc:  # anything the engine raises becomes a 500 for the client
            status, body = 500, f"query evaluation failed: {type(exc).__name__}: {exc}\n".encode()
        head = json.dumps({"status": status, **headers}).encode() + b"\n"
        view = memoryview(head + body)
        while view:
            view = view[os.write(fd, view):]
    except MemoryError:
        code = limits.MEMORY_EXIT
    finally:
        os._exit(code)


@dataclass
class _Child:
    pid: int
    arrived: float
    served: float = 0.0  # seconds it has been allowed to run
    resumed: float | None = None  # when it was last let run; None while paused
    niced: bool = False  # lowered in CPU priority once it has run a while


class QueryRunner:
    """Evaluates queries in forked children under the time and memory limits.

    Every admitted query gets its child at once, but at most ``workers`` children run at
    a time; the others are paused (SIGSTOP). The ones allowed to run are those that have
    run least so far (least attained service): a new query always runs at once, so a
    cheap ASK is answered in milliseconds even while runaway queries fill the server, and
    the runaways share what is left until their time limit (among queries that have run
    equally long, the newest goes first). At most ``workers + queue``
    queries are held; more get HTTP 503 with Retry-After. A query whose client hung up is
    killed."""

    QUANTUM = 0.1  # seconds between rescheduling while queries wait
    SLOW = 0.25  # seconds of running after which a query runs at the lowest CPU priority (nice 19)

    def __init__(self, store, config: ServeConfig):
        import xml.sax.saxutils  # noqa: F401  children inherit imported modules, so import once here

        # Children inherit imported modules and warmed-up parser caches: do that once here,
        # not in every child (the first SERVICE check in a process costs ~5x the next ones).
        limits.service_calls("SELECT * WHERE { SERVICE <urn:x> { ?s ?p ?o } FILTER(?o > 1) }", q.PREFIXES)

        self.store = store
        self.config = config
        self.live: dict[int, _Child] = {}
        self._ticker = None

    @property
    def children(self) -> set[int]:
        return set(self.live)

    async def run(self, job: dict, disconnected=None) -> tuple[int, dict, bytes]:
        """(status, meta, body) for a job; ``disconnected`` is an awaitable that completes
        when the client goes away."""
        import asyncio
        import time

        if len(self.live) >= self.config.workers + self.config.queue:
            if asyncio.iscoroutine(disconnected):
                disconnected.close()
            retry = max(1, math.ceil(self.config.timeout))
            return 503, {"retry_after": retry}, (
                f"server busy: {len(self.live)} queries are running or waiting (kg serve --workers "
                f"{self.config.workers} --queue {self.config.queue}). Retry in {retry} s.\n").encode()
        loop = asyncio.get_running_loop()
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            os.close(read_fd)
            _evaluate_in_child(self.store, job, write_fd)
        os.close(write_fd)
        now = time.monotonic()
        self.live[pid] = _Child(pid, now, resumed=now)
        self._schedule()
        reader = asyncio.StreamReader(limit=2**26)
        transport, _ = await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader),
                                                    os.fdopen(read_fd, "rb", buffering=0))
        reading = asyncio.ensure_future(reader.read())
        waiting = {reading}
        gone = asyncio.ensure_future(disconnected) if disconnected is not None else None
        if gone is not None:
            waiting.add(gone)
        finished = False
        try:
            done, _ = await asyncio.wait(waiting, timeout=self.config.timeout, return_when=asyncio.FIRST_COMPLETED)
            if reading in done:
                finished = True
                data = reading.result()
            elif gone is not None and gone in done:
                return 499, {}, b"client closed the connection; its query was stopped.\n"
            else:
                return 503, {}, (limits.timeout_message(self.config.timeout, "kg serve --timeout") + "\n").encode()
        finally:
            for task in waiting:
                task.cancel()
            transport.close()
            status = self._finish(pid, finished)
        head, _, body = data.partition(b"\n")
        if not head:
            if limits.ran_out_of_memory(status):
                return 507, {}, (limits.memory_message(self.config.max_memory, "kg serve --max-memory") + "\n").encode()
            return 500, {}, b"query evaluation crashed (the evaluating process died without an answer).\n"
        meta = json.loads(head)
        return meta.pop("status"), meta, body

    def _schedule(self) -> None:
        """Let the ``workers`` least-run children run; pause the others."""
        import asyncio
        import time

        now = time.monotonic()
        for child in self.live.values():
            if child.resumed is not None:
                child.served += now - child.resumed
                child.resumed = now
        order = sorted(self.live.values(), key=lambda c: (c.served, -c.arrived))  # ties: the newest first
        for i, child in enumerate(order):
            if child.served > self.SLOW and not child.niced:
                # a long query yields the CPU to new ones while both run (only ever lowered)
                try:
                    os.setpriority(os.PRIO_PROCESS, child.pid, 19)
                except OSError:
                    pass
                child.niced = True
            run = i < self.config.workers
            if run and child.resumed is None:
                self._signal(child.pid, signal.SIGCONT)
                child.resumed = now
            elif not run and child.resumed is not None:
                self._signal(child.pid, signal.SIGSTOP)
                child.resumed = None
        if self.live and (self._ticker is None or self._ticker.done()):
            self._ticker = asyncio.ensure_future(self._tick())

    async def _tick(self) -> None:
        import asyncio

        while self.live:
            await asyncio.sleep(self.QUANTUM)
            self._schedule()

    @staticmethod
    def _signal(pid: int, sig) -> None:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass

    def _finish(self, pid: int, finished: bool) -> int:
        """Reap a child (killed first unless it closed its pipe, i.e. is exiting); its wait status."""
        if not finished:
            self._signal(pid, signal.SIGKILL)
        try:
            status = os.waitpid(pid, 0)[1]
        except ChildProcessError:
            status = 0
        self.live.pop(pid, None)
        self._schedule()
        return status

    def shutdown(self) -> None:
        for pid in list(self.live):
            self._finish(pid, False)


_FALLBACK_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}textarea{width:100%;height:14em;font-family:monospace}</style>
</head><body>
<h1>kg SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol endpoint (read-only): <code>/sparql</code>. The graph view appears here once
<code>build/graph.html</code> exists (<code>kg build</code>).</p>
<form action="sparql" method="get">
<textarea name="query">PREFIX kg: &lt;https://w3id.org/kg/ontology#&gt;
PREFIX rdfs: &lt;http://www.w3.org/2000/01/rdf-schema#&gt;
SELECT ?class (COUNT(?e) AS ?entities) WHERE { ?e a ?class } GROUP BY ?class ORDER BY DESC(?entities)</textarea>
<p><label>format <select name="format"><option>json</option><option>xml</option><option>csv</option>
<option>tsv</option><option>ttl</option><option>nt</option></select></label> <button>Run</button></p>
</form></body></html>
"""


def service_description(endpoint_url: str) -> str:
    ox = q._ox()
    url = str(ox.NamedNode(endpoint_url))
    formats = " , ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in
                         ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                          "Turtle", "N-Triples", "RDF_XML"))
    return (f"@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
            f"[] a sd:Service ;\n  sd:endpoint {url} ;\n  sd:supportedLanguage sd:SPARQL11Query ;\n"
            f"  sd:resultFormat {formats} .\n")


def _multi(pairs) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out


def create_app(store, config: ServeConfig, html: Path | None = None):
    """The Starlette app: ``/`` (graph view), ``/sparql`` (query), ``/update`` (refused)."""
    from contextlib import asynccontextmanager

    from starlette.applications import Starlette
    from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
    from starlette.routing import Route

    state: dict = {}

    @asynccontextmanager
    async def lifespan(app):
        state["runner"] = QueryRunner(store, config)
        try:
            yield
        finally:
            state["runner"].shutdown()

    def headers(extra: dict | None = None) -> dict:
        out = {"Access-Control-Allow-Origin": "*"} if config.cors else {}
        out.update(extra or {})
        return out

    def refuse_update() -> Response:
        return PlainTextResponse("this endpoint is read-only: SPARQL updates are refused.\n", 403, headers=headers())

    async def index(request):
        if html is not None and html.is_file():
            return FileResponse(html, media_type="text/html; charset=utf-8", headers=headers())
        return HTMLResponse(_FALLBACK_PAGE, headers=headers())

    async def sparql(request):
        from urllib.parse import parse_qsl

        url_params = _multi(request.query_params.multi_items())
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if request.method == "POST":
            if ctype == "application/sparql-update":
                return refuse_update()
            if ctype in ("application/sparql-query", "application/x-www-form-urlencoded"):
                raw = await read_body(request, config.max_body)
                if raw is None:
                    return PlainTextResponse(f"request body larger than {config.max_body} bytes "
                                             "(kg serve --max-body).\n", 413, headers=headers())
            if ctype == "application/sparql-query":
                fields = dict(url_params, query=[raw.decode("utf-8", "replace")])
            elif ctype == "application/x-www-form-urlencoded":
                body = raw.decode("utf-8", "replace")
                fields = _multi(parse_qsl(body, keep_blank_values=True))
                for key, values in url_params.items():
                    fields.setdefault(key, values)
            else:
                return PlainTextResponse(f"unsupported content type '{ctype}': send application/sparql-query or "
                                         "a form (application/x-www-form-urlencoded) with a 'query' field.\n", 415,
                                         headers=headers())
        else:
            fields = url_params
        if "update" in fields:
            return refuse_update()
        query_texts = fields.get("query", [])
        if not query_texts:
            if request.method == "GET":
                return Response(service_description(str(request.url.replace(query=""))), media_type="text/turtle",
                                headers=headers())
            return PlainTextResponse("missing 'query' parameter.\n", 400, headers=headers())
        if len(query_texts) > 1:
            return PlainTextResponse("give exactly one 'query' parameter.\n", 400, headers=headers())
        text = query_texts[0]
        if q.query_form(text) in _UPDATE_FORMS:
            return refuse_update()
        for key in ("default-graph-uri", "named-graph-uri"):
            for value in fields.get(key, []):
                if not re.match(r"^[a-zA-Z][\w+.\-]*:[^<>\"{}|^`\\\s]*$", value):
                    return PlainTextResponse(f"{key} '{value}' is not an absolute IRI.\n", 400, headers=headers())
        job = {"query": text, "accept": request.headers.get("accept"), "format": (fields.get("format") or [None])[0],
               "max_rows": config.max_rows, "default_graph": fields.get("default-graph-uri", []),
               "named_graphs": fields.get("named-graph-uri", []), "max_memory": config.max_memory,
               "allow_service": config.allow_service}
        status, meta, body = await state["runner"].run(job, client_gone(request))
        if status != 200:
            extra = {"Retry-After": str(meta["retry_after"])} if "retry_after" in meta else {}
            return PlainTextResponse(body.decode("utf-8", "replace"), status, headers=headers(extra))
        extra = {"X-KG-Rows": str(meta.get("rows", ""))}
        if meta.get("truncated"):
            extra.update({"X-KG-Truncated": "true", "X-KG-Max-Rows": str(config.max_rows)})
        return Response(body, status, media_type=f"{meta['type']}; charset=utf-8", headers=headers(extra))

    routes = [
        Route("/", index, methods=["GET", "HEAD"]),
        Route("/graph.html", index, methods=["GET", "HEAD"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query", sparql, methods=["GET", "POST"]),
        Route("/update", lambda request: refuse_update(), methods=["GET", "POST"]),
    ]
    return HostCheck(Starlette(routes=routes, lifespan=lifespan), config)


async def read_body(request, limit: int) -> bytes | None:
    """The request body, or None when it is longer than ``limit`` bytes (read no further)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def client_gone(request) -> None:
    """Completes when the client closes the connection (the ASGI server says http.disconnect)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


def allowed_hosts(config: ServeConfig) -> set[str]:
    hosts = {"localhost", "127.0.0.1", "::1", *(h.lower() for h in config.allow_host)}
    if config.host not in ("0.0.0.0", "::", ""):
        hosts.add(config.host.lower())
    return hosts


class HostCheck:
    """Refuse requests whose Host is not this server's (DNS rebinding: a web page on
    evil.example whose name is made to resolve to 127.0.0.1 would otherwise read the
    endpoint), and, unless --cors, requests a web page on another origin sends (Origin)."""

    def __init__(self, app, config: ServeConfig):
        self.app = app
        self.config = config
        self.hosts = allowed_hosts(config)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            from urllib.parse import urlsplit

            from starlette.responses import PlainTextResponse

            heads = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            host = heads.get("host", "")
            try:
                name = (urlsplit("//" + host).hostname or "").lower()
            except ValueError:
                name = ""
            problem = None
            if "*" not in self.hosts and name not in self.hosts:
                problem = (f"host '{host}' is not served here. Use http://127.0.0.1:{self.config.port}/, or start "
                           f"kg serve with --allow-host {name or 'NAME'}.")
            elif "origin" in heads and not self.config.cors and heads["origin"].lower() not in (
                    f"http://{host.lower()}", f"https://{host.lower()}"):
                problem = (f"cross-origin request from '{heads['origin']}' refused. Start kg serve with --cors to let "
                           "web pages on other origins query it.")
            if problem:
                status = 400 if problem.startswith("host") else 403
                await PlainTextResponse(problem + "\n", status)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def prepare(config: ServeConfig, build_dir: Path | None = None, graph: Path | None = None):
    """Load the graph and build the app; returns (app, files, number of quads, html path)."""
    if not hasattr(os, "fork"):
        raise ServerError("kg serve needs os.fork (Linux or macOS) to stop runaway queries; it is not available here.")
    files = q.graph_files(build_dir, graph)
    store = q.load_store(files)
    html = files[0].parent / "graph.html"
    return create_app(store, config, html), files, len(store), html


def run(app, config: ServeConfig, log_level: str = "info") -> None:
    """Serve until interrupted (Ctrl-C)."""
    import uvicorn

    try:
        uvicorn.run(app, host=config.host, port=config.port, log_level=log_level)
    except OSError as exc:
        raise ServerError(f"cannot listen on {config.host}:{config.port} ({exc.strerror}). Choose another --port.")
    except SystemExit as exc:
        if exc.code:
            raise ServerError(f"cannot listen on {config.host}:{config.port} (port in use or not allowed). "
                              "Choose another --port.")


__all__ = ["SETTINGS", "ServeConfig", "create_app", "negotiate", "prepare", "run"]
