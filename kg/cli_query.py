"""`kg query`: its options and what it does, for the click command of ``kg.cli`` and for a quick
start without click.

A query is often one short command in a script, so its start-up counts: ``quick`` answers a
plainly written ``kg query`` (every option known and its value valid) after importing only this
module, kg.query and pyoxigraph (click and kg.cli cost more than the query on a small build).
Anything else -- ``--help``, an unknown option, a value out of range -- returns to click, which
parses the same options (``OPTIONS``, the one table both use) and gives its usual messages.
"""
from __future__ import annotations

import sys
from collections import namedtuple
from pathlib import Path

from .limits import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT

FORMATS = ("table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld", "trig", "nq")
INTERRUPTED = "kg: interrupted (Ctrl-C)."


class Option(namedtuple("Option", "flags dest help kind type default choices low low_open metavar",
                        defaults=("value", str, None, (), None, False, None))):
    """One option: ``flags`` ("--param", "-p"), ``dest`` its name in Python, ``kind`` "value",
    "multiple" or "flag", ``type`` str, Path, float or int, ``low`` the least value allowed
    (``low_open``: itself excluded)."""

    __slots__ = ()


OPTIONS = (
    Option(("--param", "-p"), "params", "Bind a parameter: an IRI, a prefixed name (kgid:xiaomi), a literal or a "
           "label (Xiaomi, 小米). Repeatable.", kind="multiple", metavar="NAME=VALUE"),
    Option(("--format", "-f"), "fmt", "Output format [default: table on a terminal, csv when piped; "
           "CONSTRUCT/DESCRIBE: Turtle].", choices=FORMATS),
    Option(("--list",), "list_queries", "List the query library with each question and exit.", kind="flag"),
    Option(("--build",), "build_dir", "Build folder whose graph.trig is queried.", type=Path, default="build"),
    Option(("--graph",), "graph", "Query this RDF file instead (.trig, .nq, .ttl, .nt, ...).", type=Path),
    Option(("--endpoint",), "endpoint", "Query this SPARQL 1.1 endpoint instead (e.g. http://127.0.0.1:8000/sparql).",
           metavar="URL"),
    Option(("--timeout",), "timeout", "Time limit per query in seconds (a local query is stopped; a remote endpoint "
           "is waited for this long).", type=float, default=DEFAULT_TIMEOUT, low=0, low_open=True),
    Option(("--max-memory",), "max_memory", "Memory a local query may take beyond the loaded graph, in MB; beyond "
           "it the query is stopped.", type=int, default=DEFAULT_MAX_MEMORY, low=16, metavar="MB"),
    Option(("--allow-service",), "allow_service", "Let SERVICE call this endpoint (repeatable). Without it SERVICE "
           "is refused: nothing is fetched.", kind="multiple", metavar="URL"),
)


def echo(text: str = "", err: bool = False, nl: bool = True) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + ("\n" if nl else ""))
    stream.flush()


def run(query_ref, params, fmt, list_queries, build_dir, graph, endpoint, timeout, max_memory, allow_service,
        echo=echo) -> None:
    """Answer the query (the body of ``kg query``); ``echo(text, err=, nl=)`` prints."""
    from . import query as q
    from .errors import QueryError
    from .limits import Limits

    if list_queries:
        specs = q.library()
        width = max((len(s.name) for s in specs), default=0)
        for spec in specs:
            echo(f"{spec.name.ljust(width)}  {spec.question_en}")
            if spec.question_zh:
                echo(f"{'':{width}}  {spec.question_zh}")
            for p in spec.params:
                echo(f"{'':{width}}  --param {p.name}={p.default or ''}" + (f"  -- {p.help}" if p.help else ""))
        return
    if not query_ref:
        raise QueryError("give a query: a library name (see 'kg query --list'), a .rq file, SPARQL text, or - for stdin.")
    spec = q.parse_spec(q.read_stdin(), "<stdin>") if query_ref == "-" else q.find_query(query_ref)
    given = q.parse_assignments(params)
    limits = Limits(timeout, max_memory, tuple(allow_service))
    if graph is not None and endpoint:
        raise QueryError("give either --graph or --endpoint, not both.")
    target = q.Endpoint(endpoint, timeout) if endpoint else q.open_local(build_dir, graph, limits)
    result = q.run_query(spec, target, given)
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if fmt == "table" and result.kind == "select":
        import shutil

        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        echo(q.to_table(result, width, q.prefixes_of(spec.text)), nl=False)
    else:
        echo(q.render(result, fmt), nl=False)
    if result.empty:
        echo("kg: the query returned no results.", err=True)
    elif fmt == "table" and result.kind == "select":
        echo(f"{len(result)} row{'s' if len(result) != 1 else ''}")
    if result.truncated:
        echo("kg: warning: the endpoint cut the result at its row limit (X-KG-Truncated).", err=True)


def parse(args: list[str]) -> dict | None:
    """The values of ``kg query ARGS`` by ``OPTIONS``, or None when click should parse them
    (help, an unknown option, a missing or invalid value, a second query)."""
    by_flag = {f: o for o in OPTIONS for f in o.flags}
    values: dict = {o.dest: [] if o.kind == "multiple" else (False if o.kind == "flag" else o.default)
                    for o in OPTIONS}
    values["query_ref"] = None
    i, options_done = 0, False
    while i < len(args):
        arg = args[i]
        i += 1
        if options_done or arg == "-" or not arg.startswith("-"):
            if values["query_ref"] is not None:
                return None
            values["query_ref"] = arg
            continue
        if arg == "--":
            options_done = True
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg[:2], "", arg[2:])
        option = by_flag.get(name)
        if option is None:
            return None
        if option.kind == "flag":
            if eq or value:
                return None
            values[option.dest] = True
            continue
        if not eq and not value:
            if i == len(args):
                return None
            value = args[i]
            i += 1
        value = _value(option, value)
        if value is None:
            return None
        if option.kind == "multiple":
            values[option.dest].append(value)
        else:
            values[option.dest] = value
    if values["build_dir"] is not None:
        values["build_dir"] = Path(values["build_dir"])
    return values


def _value(option: Option, text: str):
    if option.choices and text not in option.choices:
        return None
    try:
        value = option.type(text)
    except ValueError:
        return None
    if option.low is not None and (value < option.low or (option.low_open and value == option.low)):
        return None
    return value


def quick(args: list[str]) -> None:
    """Answer ``kg query ARGS`` and exit, when ``args`` start with ``query`` and ``parse`` reads
    them; otherwise return (nothing has been printed)."""
    if not args or args[0] != "query":
        return
    values = parse(args[1:])
    if values is None:
        return
    from . import compiled
    from .errors import KgError

    compiled.install("query", methods=False)  # the query modules' expressions, compiled in an earlier process

    try:
        run(**values)
    except KgError as exc:
        echo(f"kg: error: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        echo(INTERRUPTED, err=True)
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (kg query ... | head): as click would, say nothing
        sys.exit(1)
    sys.exit(0)


def entry() -> None:
    """The ``kg`` command (pyproject's console script): a plain ``kg query`` quickly, the rest by click."""
    quick(sys.argv[1:])
    from . import compiled

    compiled.install("cli")  # before the modules that compile expressions and make dataclasses at import
    from .cli import main

    main()
