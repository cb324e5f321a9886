"""Load a build into an external triple store over the SPARQL 1.1 Graph Store HTTP Protocol
(``kg push``).

Each graph of the dataset is replaced on its own: ``PUT <store>?graph=<IRI>`` for a named
graph, ``PUT <store>?default`` for the default graph (which also receives the ontology,
as ``kg query`` and ``kg serve`` hold it, so the library queries find ``rdfs:subClassOf``).
PUT replaces what the store holds under that name, so pushing the same build twice leaves
the store as one push does; graphs the build does not have are left alone. A large graph
goes in parts: the first part is PUT, the rest POSTed (appended), so memory stays bounded.

Credentials come from the environment only (never from the command line, never printed):
``--auth basic`` and ``--auth digest`` (HTTP Digest, which Virtuoso's ``/sparql-graph-crud-auth``
asks for) read KG_PUSH_USER and KG_PUSH_PASSWORD, ``--auth bearer`` reads KG_PUSH_TOKEN.
"""
from __future__ import annotations

import base64
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .errors import QueryError, ServerError

AUTH_MODES = ("none", "basic", "digest", "bearer")
MEDIA = {"ntriples": "application/n-triples", "turtle": "text/turtle"}


@dataclass
class PushReport:
    url: str
    graphs: list[tuple[str, int]] = field(default_factory=list)  # (graph name or "default", triples)
    requests: int = 0
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.graphs)


@dataclass(frozen=True)
class Credentials:
    """How to authenticate: an Authorization header (basic, bearer) or a user and password
    for HTTP Digest. ``repr`` shows no secret."""

    mode: str
    header: str | None = field(default=None, repr=False)
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)


def auth_header(mode: str, env=None) -> Credentials | None:
    """The credentials for ``mode``, from the environment."""
    env = os.environ if env is None else env
    if mode == "none":
        return None
    if mode in ("basic", "digest"):
        user, password = env.get("KG_PUSH_USER"), env.get("KG_PUSH_PASSWORD")
        if not user or password is None:
            raise QueryError(f"--auth {mode} needs the environment variables KG_PUSH_USER and KG_PUSH_PASSWORD. "
                             "Set them (they are never printed).")
        if mode == "digest":
            return Credentials("digest", user=user, password=password)
        return Credentials("basic", header="Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii"))
    if mode == "bearer":
        token = env.get("KG_PUSH_TOKEN")
        if not token:
            raise QueryError("--auth bearer needs the environment variable KG_PUSH_TOKEN. Set it (it is never printed).")
        return Credentials("bearer", header="Bearer " + token)
    raise QueryError(f"--auth '{mode}': use one of {', '.join(AUTH_MODES)}.")


def graph_url(store_url: str, graph: str | None) -> str:
    """The Graph Store Protocol address of one graph (``None``: the default graph)."""
    sep = "&" if "?" in store_url else "?"
    if graph is None:
        return f"{store_url}{sep}default"
    return f"{store_url}{sep}" + urllib.parse.urlencode({"graph": graph})


def _send(method: str, url: str, body: bytes, media: str, auth: Credentials | None, timeout: float) -> None:
    headers = {"Content-Type": f"{media}; charset=utf-8"}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    where = url.split("?", 1)[0]
    if auth is not None and auth.header:
        request.add_header("Authorization", auth.header)
    elif auth is not None and auth.mode == "digest":
        request.add_header("Authorization", _digest(request, auth, timeout))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
        if exc.code in (401, 403):
            raise ServerError(f"{where}: HTTP {exc.code} {exc.reason}: the store refused the credentials or the write. "
                              "Check --auth and KG_PUSH_USER/KG_PUSH_PASSWORD or KG_PUSH_TOKEN, and that the account may write.")
        raise ServerError(f"{where}: HTTP {exc.code} {exc.reason} on {method}: {detail}")
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if auth is not None and isinstance(reason, (BrokenPipeError, ConnectionResetError)):
            # a store that refuses a request may close the connection before reading all of it
            raise ServerError(f"{where}: the store closed the connection during the upload: it probably refused the "
                              "credentials or the write. Check --auth and KG_PUSH_USER/KG_PUSH_PASSWORD or "
                              "KG_PUSH_TOKEN, and that the account may write.")
        raise ServerError(f"{where}: cannot reach the store ({reason}). Check the URL and that the store runs.")


def _digest(request, auth: Credentials, timeout: float) -> str:
    """The HTTP Digest Authorization header for ``request``. The challenge is fetched with a
    body-less HEAD first: a store that refuses a large PUT before reading it (Virtuoso) closes
    the connection, so the usual answer-the-401-and-resend never sees the challenge."""
    where = request.full_url.split("?", 1)[0]
    try:
        urllib.request.urlopen(urllib.request.Request(request.full_url, method="HEAD"), timeout=timeout).read()
        raise ServerError(f"{where}: --auth digest, but the store asked for no credentials. Use --auth none.")
    except urllib.error.HTTPError as exc:
        challenge = exc.headers.get("WWW-Authenticate", "")
        if exc.code != 401 or not challenge.lower().startswith("digest "):
            raise ServerError(f"{where}: --auth digest, but the store answered HTTP {exc.code} without a Digest "
                              "challenge. Check the URL, or use --auth basic.")
    except (urllib.error.URLError, OSError) as exc:
        raise ServerError(f"{where}: cannot reach the store ({getattr(exc, 'reason', exc)}). Check the URL and that the store runs.")
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, request.full_url, auth.user, auth.password)
    handler = urllib.request.HTTPDigestAuthHandler(passwords)
    fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(challenge[len("digest "):]))
    header = handler.get_authorization(request, fields)
    if header is None:
        raise ServerError(f"{where}: cannot answer the store's Digest challenge (algorithm or qop not supported).")
    return header if header.lower().startswith("digest ") else "Digest " + header


def _parts(triples: list, size: int):
    """Parts of at most ``size`` triples (the first may be larger). Every triple with a blank
    node goes into the first part: a store reads each request's blank nodes as new ones, so a
    blank-node structure (an OWL list, a restriction) must arrive in one request."""
    import pyoxigraph as ox

    def has_blank(t) -> bool:
        return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)

    blank = [t for t in triples if has_blank(t)]
    plain = [t for t in triples if not has_blank(t)]
    first = max(size - len(blank), 0)
    yield blank + plain[:first]
    for start in range(first, len(plain), size):
        yield plain[start:start + size]


def push(quads, store_url: str, *, ontology: Path | None = None, auth: Credentials | None = None, media: str = "ntriples",
         chunk: int = 200_000, timeout: float = 300.0, graphs: list[str | None] | None = None,
         default_graph: str | None = None) -> PushReport:
    """Replace each graph of ``quads`` in the store at ``store_url`` (a Graph Store Protocol
    endpoint, e.g. Oxigraph's ``/store``, Fuseki's ``/ds/data``). ``graphs`` limits the push to
    some graphs (``None`` in it is the default graph). ``default_graph``: an IRI to put the
    default graph under, for stores whose Graph Store endpoint has no default graph (Virtuoso)."""
    import pyoxigraph as ox

    if not re.match(r"^https?://[^\s]+$", store_url):
        raise QueryError(f"'{store_url}' is not an http(s) URL. Give the store's Graph Store Protocol address, "
                         "e.g. http://127.0.0.1:7878/store (Oxigraph) or http://127.0.0.1:3030/ds/data (Fuseki).")
    if media not in MEDIA:
        raise QueryError(f"unknown media type '{media}'; use {' or '.join(MEDIA)}.")
    by_graph: dict[str | None, list] = {}
    for q in quads:
        name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
        by_graph.setdefault(name, []).append(q.triple)
    if ontology is not None:
        by_graph.setdefault(None, []).extend(ox.parse(path=str(ontology), format=ox.RdfFormat.TURTLE))
    order = sorted(by_graph, key=lambda g: (g is not None, g or ""))
    if graphs is not None:
        order = [g for g in order if g in graphs]
    report = PushReport(store_url)
    start = time.perf_counter()
    fmt = ox.RdfFormat.N_TRIPLES if media == "ntriples" else ox.RdfFormat.TURTLE
    for graph in order:
        triples = by_graph[graph]
        url = graph_url(store_url, graph if graph is not None else default_graph)
        for i, part in enumerate(_parts(triples, chunk)):
            body = ox.serialize(part, format=fmt)
            _send("PUT" if i == 0 else "POST", url, body, MEDIA[media], auth, timeout)
            report.requests += 1
        report.graphs.append((graph or (f"default (as {default_graph})" if default_graph else "default"), len(triples)))
    report.seconds = time.perf_counter() - start
    return report


__all__ = ["AUTH_MODES", "Credentials", "PushReport", "auth_header", "graph_url", "push"]
