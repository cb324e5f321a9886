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
from dataclasses import dataclass
from pathlib import Path

from . import limits
from . import query as q
from .errors import KgError, ServerError
from .serve_settings import SETTINGS, ServeConfig  # noqa: F401  (kg.serve's public names)




RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("ttl", "nt", "rdfxml", "jsonld", "trig", "nq")
_ALIASES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "ttl", "application/x-turtle": "ttl", "application/n-triples": "nt", "text/plain": "nt",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld", "application/trig": "trig", "application/n-quads": "nq",
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "ttl": "ttl", "turtle": "ttl", "nt": "nt",
    "ntriples": "nt", "n-triples": "nt", "rdfxml": "rdfxml", "rdf+xml": "rdfxml", "rdf": "rdfxml",
    "jsonld": "jsonld", "json-ld": "jsonld", "trig": "trig", "nq": "nq", "nquads": "nq", "n-quads": "nq",
}
_UPDATE_FORMS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def negotiate(accept: str | None, kind: str, explicit: str | None = None, allowed: tuple[str, ...] | None = None) -> str | None:
    """The format to answer in: a ``format`` parameter wins, then the Accept header
    (by q-value, in order; ``*/*`` and ``type/*`` match), then JSON for SELECT/ASK and
    Turtle for graphs when there is no Accept header. ``None`` when the Accept header
    names nothing we can produce (the caller answers 406)."""
    allowed = allowed or (RESULT_FORMATS if kind != "graph" else GRAPH_FORMATS)
    if explicit:
        wanted = _ALIASES.get(explicit.strip().lower())
        if kind == "graph" and wanted == "xml":
            wanted = "rdfxml"  # format=xml on a CONSTRUCT means RDF/XML
        if wanted in allowed:
            return wanted
    if not (accept or "").strip():
        return allowed[0]
    ranked = []
    for i, part in enumerate(accept.split(",")):
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
        if weight >= 0:
            continue  # q=0: not acceptable
        if _ALIASES.get(media) in allowed:
            return _ALIASES[media]
        if media == "*/*" or media == "*":
            return allowed[0]
        if media.endswith("/*"):
            main = media[:-1]
            for fmt in allowed:
                if q.MEDIA_TYPES[fmt].startswith(main):
                    return fmt
    return None


class _NotAcceptable(Exception):
    """No format the client accepts can hold this kind of answer."""


def not_acceptable(kind: str, allowed: tuple[str, ...] | None = None) -> str:
    allowed = allowed or (RESULT_FORMATS if kind != "graph" else GRAPH_FORMATS)
    return ("406 not acceptable: this answer can be sent as " + ", ".join(q.MEDIA_TYPES[f] for f in allowed)
            + ". Ask for one of them in the Accept header (or a format parameter).\n")


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
            if fmt is None:
                raise _NotAcceptable(result.kind)
            text = q.render(result, fmt)
            status, body = 200, text.encode("utf-8")
            headers = {"type": q.MEDIA_TYPES[fmt], "truncated": result.truncated, "rows": len(result)}
        except KgError as exc:
            status, body = 400, f"{exc.message}\n".encode()
        except SyntaxError as exc:
            status, body = 400, f"invalid SPARQL query: {exc}\n".encode()
        except MemoryError:
            raise
        except _NotAcceptable as exc:
            status, body = 406, not_acceptable(str(exc)).encode()
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


def _multi(pairs) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out


def create_app(store, config: ServeConfig, html: Path | None = None):
    """The Starlette app: ``/`` (graph view), ``/sparql`` (query), ``/update`` (refused)."""
    from contextlib import asynccontextmanager

    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse, PlainTextResponse, Response
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
            return Response(with_query_link(html.read_bytes()), media_type="text/html; charset=utf-8", headers=headers())
        return HTMLResponse(_FALLBACK_PAGE, headers=headers())

    async def sparql(request):
        from urllib.parse import parse_qsl

        url_params = _multi(request.query_params.multi_items())
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if request.method == "POST":
            if ctype == "application/sparql-update":
                return refuse_update()
            if ctype in ("application/sparql-query", "application/x-www-form-urlencoded"):
                try:
                    raw = await read_body(request, config.max_body, config.timeout)
                except BodyError as exc:
                    return PlainTextResponse(f"{exc}\n", exc.status, headers=headers())
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
            if request.method in ("GET", "HEAD"):
                return describe_service(request, store, headers)
            return PlainTextResponse("missing 'query' parameter.\n", 400, headers=headers())
        if len(query_texts) > 1:
            return PlainTextResponse("give exactly one 'query' parameter.\n", 400, headers=headers())
        text = query_texts[0]
        if q.query_form(text) in _UPDATE_FORMS:
            return refuse_update()
        kind = "graph" if q.query_form(text) in ("CONSTRUCT", "DESCRIBE") else "select"
        if negotiate(request.headers.get("accept"), kind, (fields.get("format") or [None])[0]) is None:
            return PlainTextResponse(not_acceptable(kind), 406, headers=headers())
        for key in ("default-graph-uri", "named-graph-uri"):
            for value in fields.get(key, []):
                problem = iri_problem(value)
                if problem:
                    return PlainTextResponse(f"{key} '{value}' is not an absolute IRI ({problem}).\n", 400, headers=headers())
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

    page_routes, query_or_page = query_page_routes(store, headers, sparql)
    routes = [
        *store_routes(store, headers),
        *page_routes,
        Route("/", index, methods=["GET", "HEAD"]),
        Route("/graph.html", index, methods=["GET", "HEAD"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query", query_or_page, methods=["GET", "POST"]),
        Route("/update", lambda request: refuse_update(), methods=["GET", "POST"]),
    ]
    return HostCheck(protocol_headers(Starlette(routes=routes, lifespan=lifespan), config), config)


def iri_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute IRI the store accepts (a bad percent-escape, a second '#',
    a '[' outside a host...), or None. The store's own parser decides, so what passes here never
    fails later in the query."""
    if not re.match(r"^[a-zA-Z][\w+.\-]*:", value):
        return "it has no scheme such as http:"
    try:
        q._ox().NamedNode(value)
    except ValueError as exc:
        return str(exc)
    return None


class BodyError(Exception):
    """A request body kg serve does not read: too large (413), or not all there in time (408)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


async def read_body(request, limit: int, timeout: float) -> bytes:
    """The request body; ``BodyError`` when it is longer than ``limit`` bytes (read no further)
    or has not all arrived within ``timeout`` seconds (a Content-Length larger than the body sent)."""
    import asyncio

    from starlette.requests import ClientDisconnect

    too_large = BodyError(413, f"request body larger than {limit} bytes (kg serve --max-body).")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large

    async def read() -> bytes:
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
        return b"".join(chunks)
    try:
        return await asyncio.wait_for(read(), timeout)
    except (asyncio.TimeoutError, ClientDisconnect):
        raise BodyError(408, f"the request body did not arrive within {timeout:g} s: send as many bytes as its "
                             f"Content-Length ({declared or 'none'}) says.") from None


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


# ----------------------------------------------------------------------------- protocol extras
# Graph Store Protocol (read), VoID and the service description by Accept, CORS preflight
# and Vary: Accept. Kept apart from the query route so each can change on its own.

_DESCRIPTION_FORMATS = ("ttl", "jsonld", "nt", "rdfxml")
_DATASET_FORMATS = ("trig", "nq", "jsonld")
_EXPORT_NAME = {"ttl": "turtle", "nt": "ntriples", "rdfxml": "rdfxml", "jsonld": "jsonld", "trig": "trig", "nq": "nquads"}
_EXPOSED = "X-KG-Rows, X-KG-Truncated, X-KG-Max-Rows"
_METHODS = "GET, HEAD, POST, OPTIONS"


def _figures(store) -> dict:
    """VoID figures of the served store, counted once (the store never changes)."""
    from . import void

    cache = _figures.cache  # type: ignore[attr-defined]
    key = id(store)
    if key not in cache:
        cache[key] = void.counts(store)
    return cache[key]


_figures.cache = {}  # type: ignore[attr-defined]


def _base(request) -> str:
    return str(request.base_url).rstrip("/")


def describe_service(request, store, headers):
    """GET /sparql without a query: the SPARQL 1.1 Service Description with the default
    dataset, its named graphs and sizes, and the VoID of the dataset, in Turtle or JSON-LD
    (or N-Triples, RDF/XML) by Accept."""
    from starlette.responses import PlainTextResponse, Response

    from . import void

    fmt = negotiate(request.headers.get("accept"), "graph", request.query_params.get("format"), _DESCRIPTION_FORMATS)
    if fmt is None:
        return PlainTextResponse(not_acceptable("graph", _DESCRIPTION_FORMATS), 406, headers=headers())
    base = _base(request)
    figures = _figures(store)
    endpoint = str(request.url.replace(query=""))
    triples = void.service_triples(endpoint, figures, ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                                                       "SPARQL_Results_TSV"],
                                   ["Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG", "N-Quads"])
    triples += void.void_triples(figures, endpoint=endpoint, dump=base + "/store")
    body = void.serialize(triples, _EXPORT_NAME[fmt])
    return Response(body, media_type=f"{q.MEDIA_TYPES[fmt]}; charset=utf-8", headers=headers())


def store_routes(store, headers) -> list:
    """Read-only SPARQL 1.1 Graph Store Protocol: ``/store?default``, ``/store?graph=IRI``,
    ``/store`` (the whole dataset; ``/data`` too) and ``/.well-known/void``."""
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    from . import void

    ox = q._ox()

    async def graph_store(request):
        params = request.query_params
        accept = request.headers.get("accept")
        if "default" in params and "graph" in params:
            return PlainTextResponse("give either ?default or ?graph=IRI, not both.\n", 400, headers=headers())
        if "graph" in params:
            iri = params["graph"]
            problem = iri_problem(iri)
            if problem:
                return PlainTextResponse(f"graph '{iri}' is not an absolute IRI ({problem}).\n", 400, headers=headers())
            target = ox.NamedNode(iri)
            if not store.contains_named_graph(target):
                return PlainTextResponse(f"no graph named <{iri}> here; GET /store?default or a named graph listed "
                                         "at /sparql (sd:namedGraph).\n", 404, headers=headers())
        elif "default" in params:
            target = ox.DefaultGraph()
        else:
            target = None  # the whole dataset
        allowed = _DATASET_FORMATS if target is None else GRAPH_FORMATS
        fmt = negotiate(accept, "graph", params.get("format"), allowed)
        if fmt is None:
            return PlainTextResponse(not_acceptable("graph", allowed), 406, headers=headers())
        rdf_format = getattr(ox.RdfFormat, {"ttl": "TURTLE", "nt": "N_TRIPLES", "rdfxml": "RDF_XML", "jsonld": "JSON_LD",
                                            "trig": "TRIG", "nq": "N_QUADS"}[fmt])
        kwargs = {"prefixes": q.PREFIXES} if fmt in ("ttl", "trig") else {}
        if target is not None:
            kwargs["from_graph"] = target
        if request.method == "HEAD":
            return Response(b"", media_type=f"{q.MEDIA_TYPES[fmt]}; charset=utf-8", headers=headers())
        # In the event-loop thread on purpose: a thread touching the store while QueryRunner forks
        # could leave a lock held in the child. (Dumps are not under --timeout/--max-rows yet.)
        body = store.dump(None, rdf_format, **kwargs)
        return Response(body, media_type=f"{q.MEDIA_TYPES[fmt]}; charset=utf-8", headers=headers())

    async def well_known_void(request):
        fmt = negotiate(request.headers.get("accept"), "graph", request.query_params.get("format"), _DESCRIPTION_FORMATS)
        if fmt is None:
            return PlainTextResponse(not_acceptable("graph", _DESCRIPTION_FORMATS), 406, headers=headers())
        base = _base(request)
        figures = _figures(store)  # counted once, in this thread (see graph_store)
        body = void.serialize(void.void_triples(figures, endpoint=base + "/sparql", dump=base + "/store"),
                              _EXPORT_NAME[fmt])
        return Response(body, media_type=f"{q.MEDIA_TYPES[fmt]}; charset=utf-8", headers=headers())

    return [Route("/store", graph_store, methods=["GET", "HEAD"]), Route("/data", graph_store, methods=["GET", "HEAD"]),
            Route("/.well-known/void", well_known_void, methods=["GET", "HEAD"])]


_PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
             "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _template(name: str) -> str:
    return (Path(__file__).resolve().parent / "templates" / name).read_text(encoding="utf-8")


def library_examples(store) -> list[dict]:
    """The query library for the query page: each query with its default parameters bound
    (the same VALUES binding kg query uses), its question in both languages."""
    target = q.LocalStore(store, "served graph")
    out = []
    for spec in q.library():
        try:
            text = q.with_values(spec.text, q.bind_params(spec, {}, target))
        except KgError:
            text = spec.text  # a default that names nothing here: show the query as written
        out.append({"name": spec.name, "question_en": spec.question_en, "question_zh": spec.question_zh, "text": text})
    return out


def query_page_routes(store, headers, endpoint) -> tuple[list, object]:
    """The query page (``GET /query`` from a browser) and its assets. Returns the asset routes
    and the ``/query`` handler: the page for a browser's GET without a query, else the SPARQL
    endpoint ``endpoint`` (so ``/query`` stays a protocol endpoint for clients)."""
    from starlette.responses import HTMLResponse, Response
    from starlette.routing import Route

    cache: dict = {}

    def page_html() -> str:
        if "page" not in cache:
            data = {"library": library_examples(store), "prefixes": q.PREFIXES}
            text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            cache["page"] = _template("query.html").replace("__DATA__", text)
        return cache["page"]

    async def query(request):
        wants_page = (request.method in ("GET", "HEAD") and "query" not in request.query_params
                      and "update" not in request.query_params and "text/html" in request.headers.get("accept", ""))
        if not wants_page:
            return await endpoint(request)
        body = page_html()  # built once; label look-ups for the defaults run here, not in a thread
        return HTMLResponse(body, headers=headers({"Content-Security-Policy": _PAGE_CSP}))

    def asset(name: str, media: str):
        async def serve_asset(request):
            return Response(_template(name), media_type=f"{media}; charset=utf-8", headers=headers())
        return serve_asset

    return [Route("/assets/query.js", asset("query.js", "text/javascript"), methods=["GET", "HEAD"]),
            Route("/assets/query.css", asset("query.css", "text/css"), methods=["GET", "HEAD"])], query


def with_query_link(page: bytes) -> bytes:
    """The graph view with a link to the query page (the served copy only; the file stays as built)."""
    link = (b'<a href="query" id="kg-query-link" style="position:fixed;right:12px;bottom:12px;z-index:1000;'
            b'background:#fff;border:1px solid #888;border-radius:4px;padding:4px 10px;font:14px sans-serif">'
            b'SPARQL query \xc2\xb7 \xe6\x9f\xa5\xe8\xaf\xa2</a>')
    at = page.rfind(b"</body>")
    return page[:at] + link + page[at:] if at >= 0 else page + link


def protocol_headers(app, config: ServeConfig):
    """ASGI wrapper: answers OPTIONS (CORS preflight when --cors), adds ``Vary: Accept`` to
    every answer (they depend on it) and, with --cors, exposes kg's own headers to scripts."""
    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        if scope["method"] == "OPTIONS":
            out = [(b"allow", _METHODS.encode()), (b"content-length", b"0"), (b"vary", b"Origin")]
            if config.cors:
                asked = dict(scope["headers"]).get(b"access-control-request-headers", b"")
                allowed = asked if re.fullmatch(rb"[A-Za-z0-9\-, ]*", asked) and asked else b"Accept, Content-Type"
                out += [(b"access-control-allow-origin", b"*"), (b"access-control-allow-methods", _METHODS.encode()),
                        (b"access-control-allow-headers", allowed), (b"access-control-max-age", b"600")]
            await send({"type": "http.response.start", "status": 204, "headers": out})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                out = list(message.get("headers", []))
                if not any(k.lower() == b"vary" for k, _ in out):
                    out.append((b"vary", b"Accept"))
                if config.cors:
                    out.append((b"access-control-expose-headers", _EXPOSED.encode()))
                message = {**message, "headers": out}
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped


def prepare(config: ServeConfig, build_dir: Path | None = None, graph: Path | None = None):
    """Load the graph and build the app; returns (app, files, number of quads, html path)."""
    if not hasattr(os, "fork"):
        raise ServerError("kg serve needs os.fork (Linux or macOS) to stop runaway queries; it is not available here.")
    files = q.graph_files(build_dir, graph)
    store = q.load_store(files)
    html = files[0].parent / "graph.html"
    return create_app(store, config, html), files, len(store), html


def bind(config: ServeConfig):
    """The listening socket, bound now so that ``--port 0`` can report the port the system chose."""
    import socket

    try:
        sock = socket.create_server((config.host, config.port), family=socket.AF_INET6 if ":" in config.host
                                    else socket.AF_INET)
    except OSError as exc:
        raise ServerError(f"cannot listen on {config.host}:{config.port} ({exc.strerror}). Choose another --port.")
    return sock


def run(app, config: ServeConfig, log_level: str = "info", sock=None) -> None:
    """Serve until interrupted (Ctrl-C), on ``sock`` when given (see ``bind``)."""
    import uvicorn

    try:
        if sock is not None:
            server = uvicorn.Server(uvicorn.Config(app, log_level=log_level))
            server.run(sockets=[sock])
            return
        uvicorn.run(app, host=config.host, port=config.port, log_level=log_level)
    except OSError as exc:
        raise ServerError(f"cannot listen on {config.host}:{config.port} ({exc.strerror}). Choose another --port.")
    except SystemExit as exc:
        if exc.code:
            raise ServerError(f"cannot listen on {config.host}:{config.port} (port in use or not allowed). "
                              "Choose another --port.")


__all__ = ["SETTINGS", "ServeConfig", "create_app", "negotiate", "prepare", "run"]
