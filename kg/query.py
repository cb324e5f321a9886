"""Stage: answer SPARQL questions over the built graph.

The questions live in ``queries/*.rq``, one file per question, each with a comment
header::

    # question@en: Which products did Xiaomi develop, of which type, released when?
    # question@zh: 小米开发了哪些产品？属于什么类型？何时发布？
    # param: company = kgid:xiaomi -- the developing organisation
    # column: product -- the product

A parameter is a variable of the query. Its value (``--param company=Huawei``) is
turned into an RDF term first -- an IRI, a prefixed name, an RDF literal, or a plain
label looked up by ``rdfs:label``/``skos:altLabel`` -- and the term, serialised by
pyoxigraph (which validates IRIs and escapes literals), is bound by a ``VALUES`` block
placed right after the ``{`` that opens the query's WHERE group. User text is never
pasted into a query: it enters only as a validated, escaped term. The same binding runs in-process and on a remote endpoint,
so both give the same answers. (pyoxigraph's own ``substitutions`` argument was
tried and rejected: its optimiser treats a substituted variable that only occurs in
FILTER/BIND expressions as unbound -- ``FILTER(BOUND(?x))`` is false -- and it
requires the variable to be projected.)

The in-process store is pyoxigraph (measured fastest, see bench/bench_queries.py). It
holds build/graph.trig -- the merged graph as the default graph plus one named graph
per document -- and the ontology in the default graph, so ``rdfs:subClassOf*`` works.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import namedtuple
from collections.abc import Callable, Iterable
from pathlib import Path

from . import resources
from .errors import DataFileError, OutputError, QueryError, ServerError

# The prefixes build/graph.trig is written with (kg.graph.PREFIXES; a test keeps them
# equal). Ad-hoc queries and parameter values may use them without declaring them.
PREFIXES = {
    "kg": "https://w3id.org/kg/ontology#",
    "kgid": "https://w3id.org/kg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
}
XSD = PREFIXES["xsd"]

FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("ttl", "nt", "rdfxml", "jsonld", "trig", "nq")
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "trig": "application/trig",
    "nq": "application/n-quads",
}


# ----------------------------------------------------------------------------- library

# Param and QuerySpec are named tuples and Result a plain class, not dataclasses: `kg query`
# imports this module at every start, and dataclasses' import (inspect, ast, ...) costs more
# than a small query.
class Param(namedtuple("Param", "name default help", defaults=("",))):
    """A parameter of a query: ``default`` as written in the header (an IRI, prefixed name,
    literal or label, or None), ``help`` its description."""

    __slots__ = ()


class QuerySpec(namedtuple("QuerySpec", "name text path question_en question_zh params columns",
                           defaults=(None, "", "", (), ()))):
    """One query: its text and what its header says about it (``params``: Params; ``columns``:
    (name, description) pairs)."""

    __slots__ = ()

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


_HEADER = re.compile(r"^#\s*(question@en|question@zh|param|column)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*(.*?))?\s*(?:--\s*(.*))?$")
_COLUMN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:--\s*(.*))?$")


def read_stdin() -> str:
    """The query text on standard input, whatever the locale; bytes that are not UTF-8 are an error."""
    import sys

    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QueryError(f"<stdin>: the query is not UTF-8 text (byte {exc.start}). Send the query as UTF-8 SPARQL text.")


def parse_spec(text: str, name: str, path: Path | None = None) -> QuerySpec:
    """Read the comment header of a query (the comment lines before the first other line)."""
    fields: dict[str, object] = {"question@en": "", "question@zh": "", "params": [], "columns": []}
    where = str(path) if path else name
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # bytes that are not UTF-8 arrive as lone surrogates
        raise QueryError(f"{where}: the query is not UTF-8 text (character {exc.start + 1}). Send the query as UTF-8 SPARQL text.")
    if "\x00" in text:
        raise QueryError(f"{where}: the query holds a NUL byte, so it is not SPARQL text. Send the query as UTF-8 SPARQL text.")
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _HEADER.match(stripped)
        if not m:
            continue
        key, value = m.groups()
        if key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise DataFileError(f"{where}:{lineno}: malformed param line {value!r}. "
                                    "Write '# param: NAME = DEFAULT -- description'.")
            fields["params"].append(Param(pm.group(1), pm.group(2) or None, pm.group(3) or ""))
        elif key == "column":
            cm = _COLUMN.match(value)
            if not cm:
                raise DataFileError(f"{where}:{lineno}: malformed column line {value!r}. "
                                    "Write '# column: NAME -- what it means'.")
            fields["columns"].append((cm.group(1), cm.group(2) or ""))
        else:
            fields[key] = value
    return QuerySpec(name=name, text=text, path=path, question_en=fields["question@en"],
                     question_zh=fields["question@zh"], params=tuple(fields["params"]),
                     columns=tuple(fields["columns"]))


def library(folder: Path | None = None) -> list[QuerySpec]:
    """The queries of ``queries/`` (or ``folder``), sorted by name."""
    folder = folder or resources.queries_dir()
    out = []
    for path in sorted(folder.glob("*.rq")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise DataFileError(f"{path}: not valid UTF-8 (byte {exc.start}). Save the query as UTF-8.")
        out.append(parse_spec(text, path.stem, path))
    return out


def find_query(ref: str, folder: Path | None = None) -> QuerySpec:
    """A library query by name (``04-revenue-milestone``, ``revenue-milestone`` or ``4``),
    a ``.rq`` file, or the text of a query."""
    # a name of the library is a file's stem; query text (spaces, braces) need not read the library
    queries = library(folder) if re.fullmatch(r"[\w.\-]+", ref) else []
    by_name = {q.name: q for q in queries}
    if ref in by_name:
        return by_name[ref]
    for q in queries:
        number, _, rest = q.name.partition("-")
        if number.isdigit() and (ref == rest or (ref.isdigit() and int(ref) == int(number))):
            return q
    if "\n" not in ref and len(ref) < 4096:
        path = Path(ref)
        if path.is_file():
            try:
                return parse_spec(path.read_text(encoding="utf-8"), path.stem, path)
            except UnicodeDecodeError as exc:
                raise QueryError(f"{path}: not valid UTF-8 (byte {exc.start}). Save the query as UTF-8.")
    if "{" in ref or query_form(ref) in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
        # query text (DESCRIBE <iri> has no braces); the parser says what is wrong with it
        return parse_spec(ref, "<query>")
    raise QueryError(f"'{ref}' is neither a query of the library, nor a file, nor SPARQL text. "
                     "Run 'kg query --list' for the library, or pass a .rq file or a query.")


# ----------------------------------------------------------------------------- terms

def _ox():
    import pyoxigraph

    return pyoxigraph


_PNAME = re.compile(r"^([A-Za-z][\w\-.]*)?:([\w\-.:%/]*)$")
_LITERAL = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?$', re.DOTALL)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_LEXICAL = {
    XSD + "integer": re.compile(r"^[+-]?\d+$"),
    XSD + "positiveInteger": re.compile(r"^\+?0*[1-9]\d*$"),
    XSD + "nonNegativeInteger": re.compile(r"^\+?\d+$"),
    XSD + "decimal": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    XSD + "gYear": re.compile(r"^-?\d{4,}(Z|[+-]\d\d:\d\d)?$"),
    XSD + "date": re.compile(r"^-?\d{4,}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?$"),
    XSD + "boolean": re.compile(r"^(true|false|0|1)$"),
}


def _named(iri: str, what: str):
    try:
        return _ox().NamedNode(iri)
    except ValueError as exc:
        raise QueryError(f"{what}: '{iri}' is not a valid IRI ({exc}). Write an absolute IRI such as <https://w3id.org/kg/id/xiaomi>.")


def prefixes_of(text: str) -> dict[str, str]:
    """The default prefixes plus the PREFIX declarations of a query."""
    found = dict(PREFIXES)
    for m in re.finditer(r"(?im)^\s*PREFIX\s+([A-Za-z][\w\-.]*)?:\s*<([^>]*)>", text):
        found[m.group(1) or ""] = m.group(2)
    return found


def parse_term(value: str, prefixes: dict[str, str], what: str = "value"):
    """An RDF term written as an IRI, a prefixed name, an RDF literal or a number, or
    ``None`` when the text is none of these (then it is a label to look up)."""
    ox = _ox()
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return _named(v[1:-1], what)
    if re.match(r"^(https?|urn|mailto|file):\S+$", v):
        return _named(v, what)
    m = _LITERAL.match(v)
    if m:
        lexical = re.sub(r"\\(.)", lambda e: _ECHAR.get(e.group(1), e.group(0)), m.group(1))
        if m.group(2):
            try:
                return ox.Literal(lexical, language=m.group(2))
            except ValueError as exc:
                raise QueryError(f"{what}: bad language tag in {v!r} ({exc}).")
        if m.group(3):
            datatype = parse_term(m.group(3), prefixes, what)
            if not isinstance(datatype, ox.NamedNode):
                raise QueryError(f"{what}: the datatype of {v!r} must be an IRI or a prefixed name.")
            return typed_literal(lexical, datatype.value, what)
        return ox.Literal(lexical)
    m = _PNAME.match(v)
    if m and (m.group(1) or "") in prefixes:
        return _named(prefixes[m.group(1) or ""] + m.group(2), what)
    if re.match(r"^[+-]?\d+$", v):
        return typed_literal(v, XSD + "integer", what)
    if re.match(r"^[+-]?\d*\.\d+$", v):
        return typed_literal(v, XSD + "decimal", what)
    return None


def typed_literal(lexical: str, datatype: str, what: str = "value"):
    pattern = _LEXICAL.get(datatype)
    if pattern and not pattern.match(lexical):
        local = datatype[len(XSD):] if datatype.startswith(XSD) else datatype
        raise QueryError(f"{what}: '{lexical}' is not a valid xsd:{local}. Give a value of that type (e.g. 2017 for a year).")
    return _ox().Literal(lexical, datatype=_named(datatype, what))


def term_text(term, prefixes: dict[str, str] | None = None) -> str:
    """A short human form: prefixed names for IRIs, the lexical form for literals."""
    ox = _ox()
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in sorted((prefixes or PREFIXES).items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(ns) and re.match(r"^[\w\-.:/%]*$", term.value[len(ns):]):
                return f"{prefix}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


# ----------------------------------------------------------------------------- results

class Result:
    """The answer to a query: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    def __init__(self, kind: str, variables: tuple = (), rows: list | None = None, boolean: bool | None = None,
                 triples: list | None = None, truncated: bool = False):
        self.kind = kind  # "select" | "ask" | "graph"
        self.variables = variables
        self.rows = rows if rows is not None else []  # tuples of pyoxigraph terms, None when unbound
        self.boolean = boolean
        self.triples = triples if triples is not None else []
        self.truncated = truncated

    def __eq__(self, other) -> bool:
        return isinstance(other, Result) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"Result({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"

    def __len__(self) -> int:
        if self.kind == "select":
            return len(self.rows)
        if self.kind == "graph":
            return len(self.triples)
        return 1

    @property
    def empty(self) -> bool:
        return (self.kind == "select" and not self.rows) or (self.kind == "graph" and not self.triples)

    def column(self, name: str) -> list:
        i = self.variables.index(name)
        return [row[i] for row in self.rows]


def collect(answer, max_rows: int | None = None) -> Result:
    """Turn what pyoxigraph returns into a Result, stopping after ``max_rows`` rows."""
    ox = _ox()
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows, truncated = [], False
        for solution in answer:
            if max_rows is not None and len(rows) >= max_rows:
                truncated = True
                break
            rows.append(tuple(solution[i] for i in range(len(names))))
        return Result("select", names, rows, truncated=truncated)
    triples, truncated = [], False
    for t in answer:
        if max_rows is not None and len(triples) >= max_rows:
            truncated = True
            break
        triples.append(t)
    return Result("graph", triples=triples, truncated=truncated)


def _json_term(term) -> dict:
    ox = _ox()
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")}}


def to_json(result: Result) -> str:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
    # one binding per line: compact, yet readable and diffable
    bindings = [json.dumps({name: _json_term(t) for name, t in zip(result.variables, row) if t is not None},
                           ensure_ascii=False) for row in result.rows]
    head = {"vars": list(result.variables)}
    if result.truncated:  # the standard place for a link about the results, plus a key a reader can test
        head["link"] = [TRUNCATED]
    marker = f',\n "kg:truncated": {{"rows": {len(result)}}}' if result.truncated else ""
    head = json.dumps(head, ensure_ascii=False)
    body = ",\n  ".join(bindings)
    return f'{{"head": {head}{marker},\n "results": {{"bindings": [' + (f"\n  {body}\n ]}}}}\n" if bindings else "]}}\n")


def _xml_term(term) -> str:
    from xml.sax.saxutils import escape, quoteattr

    ox = _ox()
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD + "string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    parts = "".join(f"<{k}>{_xml_term(getattr(term, k))}</{k}>" for k in ("subject", "predicate", "object"))
    return f"<triple>{parts}</triple>"


# characters XML 1.0 cannot hold, not even as &#...; references: C0 controls other than tab and
# line ends, lone surrogates, U+FFFE and U+FFFF. A document may hold them (a stray form feed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced by U+FFFD, so the result stays well-formed."""
    return _NOT_XML.sub("\ufffd", text)


def to_xml(result: Result) -> str:
    return xml_safe(_to_xml(result))


def _to_xml(result: Result) -> str:
    from xml.sax.saxutils import quoteattr

    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out += ["  <head/>", f"  <boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    link = f'<link href="{TRUNCATED}"/>' if result.truncated else ""
    out.append("  <head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables) + link + "</head>")
    if result.truncated:
        out.append(f"  <!-- {truncation_note(result)} -->")
    out.append("  <results>")
    for row in result.rows:
        cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                        for v, t in zip(result.variables, row) if t is not None)
        out.append(f"    <result>{cells}</result>")
    out += ["  </results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _csv_value(term) -> str:
    ox = _ox()
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def to_csv(result: Result) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["_askResult"])
        writer.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(t) for t in row])
    return buf.getvalue()


def to_tsv(result: Result) -> str:
    if result.kind == "ask":
        return "?_askResult\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in result.variables)]
    # str() of a pyoxigraph term is its N-Triples form, which escapes tabs and newlines.
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out, used = [], 0
    for c in text:
        w = _width(c)
        if used + w > width - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def to_table(result: Result, width: int | None = None, prefixes: dict[str, str] | None = None) -> str:
    """An aligned text table for a terminal; long cells are clipped to fit ``width`` columns."""
    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    cells = [[" ".join(term_text(t, prefixes).split()) for t in row] for row in result.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    if width and widths:
        # Shrink the widest columns first, never below 12 characters.
        while sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > 12:
            widest = widths.index(max(widths))
            widths[widest] -= 1

    def line(values):
        parts = []
        for value, w in zip(values, widths):
            value = _clip(value, w)
            parts.append(value + " " * (w - _width(value)))
        return "  ".join(parts).rstrip()

    out = [line(result.variables), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    return "\n".join(out) + "\n"


def canonical(result: Result) -> str:
    """A stable text form of a SELECT/ASK answer for comparing answers: the TSV
    results format with its rows sorted (row order is the query's business)."""
    if result.kind != "select":
        return to_tsv(result)
    header, *rows = to_tsv(result).splitlines()
    return "\n".join([header] + sorted(rows)) + "\n"


def to_rdf(result: Result, fmt: str) -> str:
    ox = _ox()
    rdf_format = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
                  "jsonld": ox.RdfFormat.JSON_LD, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}[fmt]
    kwargs = {"prefixes": PREFIXES} if fmt in ("ttl", "trig") else {}
    data = ox.serialize(result.triples, format=rdf_format, **kwargs).decode("utf-8")
    return xml_safe(data) if fmt == "rdfxml" else data


# Marks an answer cut at a row limit, in the body of every format (not only in a header).
TRUNCATED = PREFIXES["kg"] + "truncated"


def truncation_note(result: Result) -> str:
    what = "triples" if result.kind == "graph" else "rows"
    return f"kg:truncated: the answer was cut at {len(result)} {what} (the server's row limit); there are more"


def mark_truncated(text: str, fmt: str, result: Result) -> str:
    """Append the truncation note to a cut answer where the format has no standard place for
    it: a comment in Turtle, N-Triples and RDF/XML, a last line starting with '#' in CSV and
    TSV (which have no comments: a reader that cannot skip it should ask for JSON or XML).
    JSON and XML results carry a link in their head instead (to_json, to_xml)."""
    if not result.truncated or fmt in ("json", "xml", "table"):
        return text
    if fmt == "rdfxml":
        return text + f"<!-- {truncation_note(result)} -->\n"
    return text + f"# {truncation_note(result)}" + ("\r\n" if fmt == "csv" else "\n")


def render(result: Result, fmt: str, width: int | None = None) -> str:
    """Serialise a result: W3C SPARQL results formats (csv, tsv, json, xml) or a table;
    CONSTRUCT/DESCRIBE results as Turtle (``table``, ``ttl``), N-Triples or RDF/XML."""
    if result.kind == "graph":
        graph_fmt = {"table": "ttl", "xml": "rdfxml"}.get(fmt, fmt)
        if graph_fmt not in GRAPH_FORMATS:
            raise QueryError(f"a CONSTRUCT/DESCRIBE query gives triples, which cannot be written as {fmt}. "
                             "Use --format ttl, nt or xml.")
        return mark_truncated(to_rdf(result, graph_fmt), graph_fmt, result)
    writers: dict[str, Callable[[Result], str]] = {"csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml}
    if fmt == "table":
        return to_table(result, width)
    if fmt not in writers:
        raise QueryError(f"unknown format '{fmt}' for SELECT/ASK results. Use one of {', '.join(FORMATS)}.")
    return mark_truncated(writers[fmt](result), fmt, result)


# ----------------------------------------------------------------------------- targets

def _syntax_error(exc: Exception, spec: QuerySpec) -> QueryError:
    """The parser's message with line and column, and the offending line."""
    message = str(exc)
    where = str(spec.path) if spec.path else spec.name
    m = re.search(r"error at (\d+):(\d+)", message)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        detail = message[m.end():].lstrip(": ")
        lines = spec.text.splitlines()
        shown = f" near '{lines[line - 1].strip()[:80]}'" if 0 < line <= len(lines) else ""
        return QueryError(f"{where}: invalid SPARQL at line {line}, column {col}: {detail}{shown}. Fix the query there.")
    return QueryError(f"{where}: invalid SPARQL: {message}. Fix the query.")


class Target:
    """Where queries run: an in-process store or a remote endpoint."""

    description = ""

    def run(self, text: str, bindings: dict | None = None, spec: QuerySpec | None = None) -> Result:
        raise NotImplementedError

    def labelled(self, label: str) -> list:
        """Entities whose rdfs:label or skos:altLabel is ``label`` (any language, then ignoring case)."""
        ox = _ox()
        query = (f"PREFIX rdfs: <{PREFIXES['rdfs']}> PREFIX skos: <{PREFIXES['skos']}>\n"
                 "SELECT DISTINCT ?entity ?text WHERE { ?entity rdfs:label|skos:altLabel ?label . "
                 "FILTER(STR(?label) = ?text) }")
        found = self.run(query, {"text": ox.Literal(label)}).column("entity")
        if not found:
            query = query.replace("STR(?label) = ?text", "LCASE(STR(?label)) = LCASE(?text)")
            found = self.run(query, {"text": ox.Literal(label)}).column("entity")
        return sorted(set(found), key=lambda t: t.value)


class LocalStore(Target):
    """A pyoxigraph Store in this process."""

    def __init__(self, store, description: str, limits=None):
        self.store = store
        self.description = description
        self.limits = limits  # kg.limits.Limits: evaluate in a child process under them; None: in this process

    def run(self, text: str, bindings: dict | None = None, spec: QuerySpec | None = None,
            max_rows: int | None = None) -> Result:
        from . import limits

        spec = spec or QuerySpec("<query>", text)
        where = str(spec.path or spec.name)
        # first of all: _check_syntax below evaluates the text (on an empty store), and bound
        # values are single terms, which add no SERVICE
        limits.check_services(text, PREFIXES, self.limits.allow_service if self.limits else (), where)
        try:
            bound = with_values(text, bindings or {})
        except QueryError:
            self._check_syntax(text, spec)
            raise

        def evaluate() -> Result:
            return collect(self.store.query(bound, prefixes=PREFIXES), max_rows)

        try:
            if self.limits is None:
                return evaluate()
            return limits.run_forked(evaluate, self.limits, where)
        except SyntaxError as exc:
            self._check_syntax(text, spec)  # report positions in the text as written
            raise _syntax_error(exc, spec)
        except (RuntimeError, OSError) as exc:
            raise QueryError(f"{spec.path or spec.name}: the query failed: {exc}.")

    @staticmethod
    def _check_syntax(text: str, spec: QuerySpec) -> None:
        try:
            _ox().Store().query(text, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise _syntax_error(exc, spec)


def _rdf_format(path: Path):
    ox = _ox()
    ext = path.name.split(".")[-1].lower()
    fmt = ox.RdfFormat.from_extension(ext) if ext else None
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF file type '.{ext}'. Use .trig, .nq, .ttl, .nt, .rdf or .jsonld.")
    return fmt


def load_store(paths: Iterable[Path], ontology: bool = True):
    """A pyoxigraph Store holding the given RDF files (quad formats keep their named
    graphs) plus the ontology in the default graph."""
    ox = _ox()
    store = ox.Store()
    files = list(paths)
    if ontology:
        files.append(resources.ontology_path())
    for path in files:
        path = Path(path)
        fmt = _rdf_format(path)
        if not path.is_file():
            raise OutputError(f"{path}: no such graph file. Run 'kg build' first, or pass --graph FILE or --endpoint URL.")
        try:
            # load, not bulk_load: on an in-memory store the bulk loader's threads cost more than they
            # save (the ontology 3.4 vs 7.8 ms, the seed graph 34 vs 42 ms; a 14 MB graph the same
            # time in two thirds of the memory)
            store.load(path=str(path), format=fmt)
        except SyntaxError as exc:
            raise DataFileError(f"{path}: not valid {fmt.name}: {exc}. Rebuild it with 'kg build' or fix the file.")
        except OSError as exc:
            raise OutputError(f"{path}: cannot read the graph ({exc}).")
    return store


def graph_files(build_dir: Path | None = None, graph: Path | None = None) -> list[Path]:
    """The files a local target loads: ``graph``, or build_dir/graph.trig."""
    if graph is not None:
        return [Path(graph)]
    build_dir = Path(build_dir) if build_dir else resources.default_build_dir()
    trig = build_dir / "graph.trig"
    if not trig.is_file():
        raise OutputError(f"{trig}: no build found. Run 'kg build' first (or pass --graph FILE or --endpoint URL).")
    return [trig]


def open_local(build_dir: Path | None = None, graph: Path | None = None, limits=None) -> LocalStore:
    """The built graph in an in-process store; ``limits`` (kg.limits.Limits) makes every
    query run in a child process under a time and memory limit."""
    files = graph_files(build_dir, graph)
    return LocalStore(load_store(files), ", ".join(str(f) for f in files), limits)


# The VALUES block for a remote endpoint goes right after the '{' that opens the
# query's WHERE group; finding it needs a tokenizer that skips comments, strings and IRIs.
_TOKEN = re.compile(
    r'(?P<ws>\s+)|(?P<comment>#[^\n]*)|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r'|(?P<var>[?$][\w]+)|(?P<word>[A-Za-z_][\w\-.]*(?::[\w\-.%]*)?|:[\w\-.%]*)|(?P<other>.)', re.DOTALL)


def query_form(text: str) -> str:
    """The first keyword after the prologue (PREFIX/BASE and comments): SELECT, ASK,
    CONSTRUCT, DESCRIBE -- or an update keyword such as INSERT -- upper-cased; "" if none."""
    skip = 0
    for tok in _TOKEN.finditer(text):
        if tok.lastgroup in ("ws", "comment"):
            continue
        if skip:
            skip -= 1
            continue
        word = tok.group().upper() if tok.lastgroup == "word" else ""
        if word == "PREFIX":
            skip = 2  # the prefix name and its IRI
        elif word == "BASE":
            skip = 1
        else:
            return word
    return ""


def where_brace(text: str) -> int:
    """Index of the '{' that opens the outer WHERE group of a query."""
    form, depth, template_done = None, 0, False
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind, value = tok.lastgroup, tok.group()
        if kind == "word" and form is None and value.upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            form = value.upper()
        elif kind == "other" and form:
            if value == "(":
                depth += 1
            elif value == ")":
                depth -= 1
            elif value == "{" and depth == 0:
                if form == "CONSTRUCT" and not template_done and not _after_where(tokens, i):
                    # skip the template group
                    level = 0
                    while i < len(tokens):
                        if tokens[i].lastgroup == "other" and tokens[i].group() in "{}":
                            level += 1 if tokens[i].group() == "{" else -1
                            if level == 0:
                                break
                        i += 1
                    template_done = True
                elif form == "CONSTRUCT" and not template_done:
                    raise QueryError("parameters need the long CONSTRUCT form (CONSTRUCT { template } WHERE { ... }).")
                else:
                    return tok.start()
        i += 1
    raise QueryError("cannot find the WHERE group of the query to bind parameters in.")


def _after_where(tokens, i) -> bool:
    j = i - 1
    while j >= 0 and tokens[j].lastgroup in ("ws", "comment"):
        j -= 1
    return j >= 0 and tokens[j].lastgroup == "word" and tokens[j].group().upper() == "WHERE"


def with_values(text: str, bindings: dict) -> str:
    """The query with a VALUES block binding ``bindings`` (RDF terms, serialised by
    pyoxigraph) at the top of its WHERE group."""
    ox = _ox()
    if not bindings:
        return text
    for name, term in bindings.items():
        if not re.match(r"^\w+$", name):
            raise QueryError(f"'{name}' is not a valid variable name for a parameter.")
        if not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise QueryError(f"parameter '{name}': only IRIs and literals can be bound on a remote endpoint.")
    names = " ".join(f"?{n}" for n in bindings)
    values = " ".join(str(t) for t in bindings.values())
    pos = where_brace(text) + 1
    return f"{text[:pos]} VALUES ({names}) {{ ({values}) }}{text[pos:]}"


class Endpoint(Target):
    """A remote SPARQL 1.1 endpoint, reached with the SPARQL protocol (POST, form-encoded)."""

    def __init__(self, url: str, timeout: float = 60.0):
        if not re.match(r"^https?://", url):
            raise QueryError(f"--endpoint '{url}' is not an http(s) URL. Give the endpoint's URL, e.g. http://127.0.0.1:8000/sparql.")
        self.url = url
        self.timeout = timeout
        self.description = url

    def run(self, text: str, bindings: dict | None = None, spec: QuerySpec | None = None) -> Result:
        import urllib.error
        import urllib.parse
        import urllib.request

        ox = _ox()
        spec = spec or QuerySpec("<query>", text)
        # Declare the default prefixes the query uses without declaring them.
        missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()
                   if re.search(rf"(?<![\w<]){re.escape(p)}:", text) and not re.search(rf"(?i)PREFIX\s+{p}:", text)]
        full = "\n".join(missing + [with_values(text, bindings or {})])
        body = urllib.parse.urlencode({"query": full}).encode()
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8",
        })
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                ctype = response.headers.get_content_type()
                data = response.read()
                truncated = response.headers.get("X-KG-Truncated") == "true"
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
            if exc.code == 400:
                raise QueryError(f"{spec.path or spec.name}: the endpoint rejected the query: {detail}")
            if exc.code in (503, 507) and detail.startswith("query stopped"):  # kg serve's time or memory limit
                from .errors import QueryLimitError

                raise QueryLimitError(f"{spec.path or spec.name}: {self.url}: {detail}")
            raise ServerError(f"{self.url}: HTTP {exc.code} {exc.reason}: {detail}")
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ServerError(f"{self.url}: cannot reach the endpoint ({reason}). Check the URL and that the server runs.")
        results_format = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                          "application/json": ox.QueryResultsFormat.JSON,
                          "application/sparql-results+xml": ox.QueryResultsFormat.XML}.get(ctype)
        try:
            if results_format is not None:
                result = collect(ox.parse_query_results(data, format=results_format))
            else:
                rdf_format = ox.RdfFormat.from_media_type(ctype)
                if rdf_format is None:
                    raise ServerError(f"{self.url}: the endpoint answered with unsupported content type '{ctype}'.")
                result = Result("graph", triples=[q.triple for q in ox.parse(data, format=rdf_format)])
        except SyntaxError as exc:
            raise ServerError(f"{self.url}: the endpoint's answer is not valid {ctype}: {exc}")
        result.truncated = truncated
        return result


# ----------------------------------------------------------------------------- running

def bind_params(spec: QuerySpec, given: dict[str, str], target: Target) -> dict:
    """RDF terms for the query's parameters: declared defaults overridden by ``given``."""
    declared = {p.name for p in spec.params}
    unknown = sorted(set(given) - declared)
    if unknown and spec.params:
        raise QueryError(f"{spec.path or spec.name}: no parameter named {', '.join(unknown)}; "
                         f"this query takes {', '.join(sorted(declared))}.")
    prefixes = prefixes_of(spec.text)
    out = {}
    for name in [p.name for p in spec.params] + [n for n in given if n not in declared]:
        param = spec.param(name)
        raw = given.get(name, param.default if param else None)
        if raw is None:
            raise QueryError(f"{spec.path or spec.name}: parameter '{name}' has no default; pass --param {name}=VALUE.")
        out[name] = param_term(name, raw, prefixes, target, default=param.default if param and name in given else None)
    return out


def param_term(name: str, raw: str, prefixes: dict[str, str], target: Target, default: str | None = None):
    """The RDF term for one parameter value; a plain label is looked up in the graph."""
    ox = _ox()
    what = f"parameter '{name}'"
    term = parse_term(raw, prefixes, what)
    default_term = parse_term(default, prefixes, what) if default else None
    if isinstance(default_term, ox.Literal) and not (isinstance(term, ox.Literal) and raw.strip().startswith('"')):
        # The default says what kind of value this is: a year stays a year.
        if default_term.language:
            return ox.Literal(raw, language=default_term.language)
        return typed_literal(raw.strip(), default_term.datatype.value, what)
    if term is not None:
        return term
    found = target.labelled(raw.strip())
    if not found:
        raise QueryError(f"{what}: no entity is labelled '{raw}'. Give an IRI (<https://…>), a prefixed name "
                         "(kgid:xiaomi, kg:Company) or an rdfs:label / skos:altLabel from the graph.")
    if len(found) > 1:
        names = ", ".join(term_text(t, prefixes) for t in found[:8])
        raise QueryError(f"{what}: the label '{raw}' names {len(found)} entities ({names}). Pass one of them by its IRI.")
    return found[0]


def run_query(spec: QuerySpec, target: Target, params: dict[str, str] | None = None) -> Result:
    """Answer a query on a target, binding its parameters."""
    bindings = bind_params(spec, params or {}, target)
    return target.run(spec.text, bindings, spec=spec)


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """``["company=kgid:xiaomi"]`` -> ``{"company": "kgid:xiaomi"}``."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.match(r"^\w+$", name):
            raise QueryError(f"--param '{pair}': expected NAME=VALUE, e.g. --param company=kgid:xiaomi.")
        out[name] = value
    return out
