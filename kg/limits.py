"""What a query may do: which remote endpoints it may call (``SERVICE``), how long it
may run and how much memory it may take.

Used by ``kg query`` (in-process store) and ``kg serve`` alike. A query is evaluated in a
child process forked for it, because only a process boundary stops the query engine
reliably: the parent waits for the answer at most ``timeout`` seconds and then kills the
child (SIGKILL), and the child runs under an address-space limit (``RLIMIT_AS``), so an
allocation beyond it fails and the child dies instead of the machine swapping. Ctrl-C in
``kg query`` kills the child at once.

``SERVICE`` makes the query engine send HTTP requests to the IRI it names: a server-side
request forgery on an endpoint, and a download at run time on the command line. It is
refused unless the endpoint is listed (``--allow-service``). The endpoints a query calls
are read from its algebra (rdflib's SPARQL parser and translator, which resolve prefixes
and see into sub-queries, ``OPTIONAL``, ``FILTER EXISTS``...). A query rdflib cannot parse
(pyoxigraph accepts some SPARQL 1.2 syntax rdflib does not) is checked token by token:
any ``SERVICE`` keyword outside strings, IRIs and comments refuses it; so does a query whose
text holds more SERVICE keywords than its algebra shows calls (a second reading).
``FROM``/``FROM NAMED`` only select graphs of the loaded store (pyoxigraph fetches
nothing for them; a test pins this) and ``LOAD`` is an update, refused before evaluation.
"""
from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import time
from collections import namedtuple
from collections.abc import Callable

from .errors import QueryError, QueryInterrupted, QueryLimitError

DEFAULT_TIMEOUT = 60.0  # seconds, kg query (kg serve has its own default, kg.serve.SETTINGS)
DEFAULT_MAX_MEMORY = 1024  # MB a query may take beyond the loaded graph


class Limits(namedtuple("Limits", "timeout max_memory allow_service",
                        defaults=(DEFAULT_TIMEOUT, DEFAULT_MAX_MEMORY, ()))):
    """What a query may take: ``timeout`` seconds of wall time, ``max_memory`` MB beyond what the
    process holds when the query starts, and the endpoint IRIs SERVICE may call
    (``allow_service``). A named tuple, not a dataclass: `kg query` imports this at every start."""

    __slots__ = ()


# ----------------------------------------------------------------------------- SERVICE

def service_calls(text: str, prefixes: dict[str, str]) -> list[str | None] | None:
    """The endpoints the query's SERVICE clauses name (None for ``SERVICE ?var``), read from
    the query algebra; None when rdflib cannot parse the query."""
    return _read_services(text, prefixes)[0]


def _read_services(text: str, prefixes: dict[str, str]) -> tuple[list[str | None] | None, str]:
    """(the SERVICE endpoints of the query's algebra, "") or (None, rdflib's complaint)."""
    from rdflib import URIRef
    from rdflib.plugins.sparql import algebra, parser

    try:
        translated = algebra.translateQuery(parser.parseQuery(text), initNs=prefixes)
    except Exception as exc:  # rdflib's parser raises pyparsing errors, Exception and KeyError alike
        return None, " ".join(str(exc).split())[:200]
    found: list[str | None] = []

    def visit(node):
        if getattr(node, "name", None) == "ServiceGraphPattern":
            term = node.get("term")
            found.append(str(term) if isinstance(term, URIRef) else None)

    algebra.traverse(translated.algebra, visitPre=visit)
    return found, ""


def _service_keywords(text: str) -> int:
    """How many SERVICE keywords the query holds outside strings, IRIs and comments."""
    from .query import _TOKEN

    return sum(tok.lastgroup == "word" and tok.group().upper() == "SERVICE" for tok in _TOKEN.finditer(text))


def check_services(text: str, prefixes: dict[str, str], allowed: tuple[str, ...], where: str,
                   option: str = "--allow-service") -> None:
    """Raise QueryError when the query calls an endpoint that is not in ``allowed``."""
    if "SERVICE" not in text.upper() and "\\" not in text:
        # no SERVICE clause is written without the word (nor hidden behind an escape): rdflib's
        # parser, the slowest part of a small query's start (~0.15 s), has nothing to find
        return
    calls, complaint = _read_services(text, prefixes)
    keywords = _service_keywords(text)
    if calls is None:
        if keywords:
            raise QueryError(f"{where}: SERVICE is refused in this query: kg cannot read which endpoint it calls "
                             f"(rdflib's SPARQL parser says: {complaint}). Check the query, and write it in SPARQL 1.1.")
        return
    if keywords > len(calls):
        # the second, token-by-token reading sees a SERVICE that rdflib's algebra does not show
        raise QueryError(f"{where}: SERVICE is refused in this query: kg cannot tell which endpoint each SERVICE "
                         "calls. Write each SERVICE with an IRI, in SPARQL 1.1.")
    for endpoint in calls:
        if endpoint is None:
            raise QueryError(f"{where}: SERVICE with a variable endpoint is refused: kg only calls endpoints named "
                             f"by IRI and listed with {option} URL.")
        if endpoint not in allowed:
            raise QueryError(f"{where}: SERVICE <{endpoint}> is refused: kg fetches nothing from the network unless "
                             f"asked. Allow this endpoint with {option} {endpoint}.")


# ----------------------------------------------------------------------------- the child process

def _address_space() -> int | None:
    """This process's virtual memory size in bytes (Linux), else None. Read as bytes: in a child
    just forked, a text file would first import its codec (~6 ms, at each query)."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def enter_child(max_memory_mb: int) -> None:
    """Set up a forked query child: default signal handling (Ctrl-C and SIGTERM end it at
    once), quiet stderr (the engine's 'memory allocation failed' line is reported by the
    parent instead), and the memory limit."""
    import faulthandler

    faulthandler.disable()  # an abort at the memory limit is expected here, not a crash to dump
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        signal.set_wakeup_fd(-1)  # a parent's event loop owns the inherited wakeup fd
    except ValueError:
        pass
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    base = _address_space()
    if base is not None and max_memory_mb:
        limit = base + max_memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


MEMORY_EXIT = 3  # a child exits with this when Python itself ran out of memory


def ran_out_of_memory(status: int) -> bool:
    """Whether a child's wait status means it hit the memory limit: the engine (Rust) aborts
    when an allocation fails, Python raises MemoryError (the child exits MEMORY_EXIT)."""
    if os.WIFSIGNALED(status):
        return os.WTERMSIG(status) in (signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS)
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == MEMORY_EXIT


def memory_message(max_memory_mb: int, option: str) -> str:
    return (f"query stopped: it needed more memory than the limit of {max_memory_mb} MB ({option}). "
            "Narrow the query (LIMIT, more specific patterns) or raise the limit.")


def timeout_message(timeout: float, option: str) -> str:
    return f"query stopped: it ran longer than the time limit of {timeout:g} s ({option})."


def run_forked(work: Callable[[], object], limits: Limits, where: str = "") -> object:
    """Run ``work()`` in a forked child under ``limits`` and return what it returned
    (pickled through a pipe). An exception raised by ``work`` is raised again here; hitting
    a limit raises QueryLimitError; Ctrl-C kills the child and raises QueryInterrupted."""
    read_fd, write_fd = os.pipe()
    # Ctrl-C waits until the parent is ready to stop the child (in the try below): one arriving
    # between the fork and the try would leave the child running with the terminal's pipes
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_fd)
        code = 0
        try:
            enter_child(limits.max_memory)
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            try:
                payload = pickle.dumps((True, work()))
            except MemoryError:
                code = MEMORY_EXIT
                payload = b""
            except BaseException as exc:  # handed to the parent, which raises it
                try:
                    payload = pickle.dumps((False, exc))
                except Exception:
                    payload = pickle.dumps((False, QueryError(f"{type(exc).__name__}: {exc}")))
            view = memoryview(payload)
            while view:
                view = view[os.write(write_fd, view):]
        except MemoryError:
            code = MEMORY_EXIT
        finally:
            os._exit(code)
    os.close(write_fd)
    chunks: list[bytes] = []
    finished = False
    deadline = time.monotonic() + limits.timeout
    prefix = f"{where}: " if where else ""
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise QueryLimitError(prefix + timeout_message(limits.timeout, "--timeout"))
            # a short wait: a Ctrl-C that another thread of this process received (SIGINT is blocked per
            # thread) does not interrupt select(); Python runs its handler at the next bytecode
            ready, _, _ = select.select([read_fd], [], [], min(remaining, 0.2))
            if ready:
                chunk = os.read(read_fd, 1 << 20)
                if not chunk:
                    finished = True
                    break
                chunks.append(chunk)
    except KeyboardInterrupt:
        raise QueryInterrupted("interrupted (Ctrl-C): the query was stopped.") from None
    finally:
        os.close(read_fd)
        status = _finish(pid, finished)
    data = b"".join(chunks)
    if not data:
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGINT:  # Ctrl-C reached the child first
            raise QueryInterrupted("interrupted (Ctrl-C): the query was stopped.")
        if ran_out_of_memory(status):
            raise QueryLimitError(prefix + memory_message(limits.max_memory, "--max-memory"))
        raise QueryError(f"{prefix}the query process died without an answer (wait status {status}).")
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    return value


def _finish(pid: int, finished: bool) -> int:
    """Reap the child (killing it first unless it closed its end of the pipe, i.e. is
    exiting); its wait status."""
    if finished:
        return os.waitpid(pid, 0)[1]
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return os.waitpid(pid, 0)[1]
