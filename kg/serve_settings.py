"""The settings of ``kg serve``: one table (name, default, help) that the CLI makes its options
from, and the checked configuration. Apart from kg.serve so that the CLI builds its options
without importing the server."""
from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import KgError
from .types import Setting

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
