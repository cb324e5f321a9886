"""The command line: the only module that talks to the user.

Library code raises ``KgError``s; here they become a one-line message on stderr and
the error's exit code (see README, "Exit codes").
"""
from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":  # python -m kg.cli: a plain `kg query` is answered before click is loaded
    from kg import compiled
    from kg.cli_query import quick

    quick(sys.argv[1:])
    compiled.install("cli")  # before the modules that compile expressions and make dataclasses at import

import click

from .cli_query import INTERRUPTED, OPTIONS as QUERY_OPTIONS
from .errors import KgError


class KgGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"kg: error: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:  # Ctrl-C outside a query (a query's own child is killed by kg.limits)
            click.echo(INTERRUPTED, err=True)
            sys.exit(130)


@click.group(cls=KgGroup)
@click.version_option(package_name="kg")
def main():
    """kg: build a bilingual knowledge graph from documents and explore it."""


def progress_bar(items, label: str = "extracting"):
    """A progress bar on stderr for long builds (more than a few documents or ~1 MB)."""
    items = list(items)
    if items and isinstance(items[0], tuple):  # blocks (start, end) of one long document
        if len(items) < 5:
            return items
        from tqdm import tqdm

        return tqdm(items, desc="extracting blocks", unit="block", file=sys.stderr, disable=None)
    size = sum(len(getattr(d, "text", "")) for d in items)
    if len(items) < 20 and size < 1_000_000:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=label, unit="doc", file=sys.stderr, disable=None)


def format_summary(stats: dict) -> str:
    lines = [
        f"documents: {stats['documents']}   sentences: {stats['sentences']}   "
        f"entities: {stats['entities']}   facts: {stats['facts']}   evidence: {stats['evidence']}",
        "entities by class: " + ", ".join(f"{k} {v}" for k, v in stats["entities_by_class"].items()),
        "facts by relation: " + ", ".join(f"{k} {v}" for k, v in stats["facts_by_relation"].items()),
        f"facts with evidence in both languages: {stats['facts_with_evidence_in_both_languages']}",
    ]
    for key in ("corroborated", "single_source", "conflicts", "aligned_sentences"):
        if key in stats:
            lines.append(f"{key.replace('_', ' ')}: {stats[key]}")
    if "candidate_facts" in stats:
        lines.append(f"candidates (not asserted; named graph kgid:graph/candidates): {stats['candidate_facts']}")
    return "\n".join(lines)


def _llm_options(func):
    """--extractor, --llm-url, --llm-model (the other model settings live in kg.toml or the manifest)."""
    func = click.option("--llm-model", help="Model name for --extractor llm|both, e.g. qwen2.5:7b-instruct.")(func)
    func = click.option("--llm-url", help="OpenAI-compatible server, e.g. http://localhost:11434/v1; "
                                          "the API key is read from $KG_LLM_API_KEY.")(func)
    func = click.option("--extractor", type=click.Choice(["rules", "llm", "both"]),
                        help="Who extracts facts: kg's rules, a language model, or both  [default: rules].")(func)
    return func


def _llm_config(paths, extractor, llm_url, llm_model):
    """The model settings in force, or None when the rules extract alone (the build is then unchanged)."""
    from .llm_client import load_config

    cfg = load_config(list(paths), {"extractor": extractor, "url": llm_url, "model": llm_model})
    return cfg if cfg.uses_llm else None


def llm_progress_bar(total: int):
    """A progress bar on stderr of the windows sent to the model, with requests and tokens."""
    from tqdm import tqdm

    return tqdm(total=total, desc="asking the model", unit="window", file=sys.stderr, disable=None)


def format_llm_summary(report) -> str:
    s, c = report.summary(), report.client
    rejected = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in s["rejected"].items())
    lines = [
        f"model {s['model']} ({s['extractor']}): windows {s['windows']} (answered {s['answered']}, "
        f"no answer {s['unanswered']}); requests {c.requests} (retries {c.retries}), cache hits {c.cache_hits}; "
        f"tokens {s['tokens']['prompt']} prompt + {s['tokens']['completion']} completion",
        f"model facts: returned {s['facts_returned']}, accepted {s['facts_accepted']}, "
        f"rule facts confirmed {s['rule_facts_confirmed']}; rejected: {rejected}",
    ]
    return "\n".join(lines)


def llm_warning(report) -> str | None:
    """A line for stderr when some windows got no answer (the build went on without them)."""
    c = report.client
    if not c.failures:
        return None
    why = ", ".join(f"{k} {v}" for k, v in sorted(c.failures.items()))
    return (f"kg: warning: {report.unanswered} windows got no answer from the model ({why}), so no model facts "
            "from them. Rerun to ask again (the answers so far are cached).")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="build", show_default=True, type=click.Path(path_type=Path),
              help="Output folder (replaced atomically when the build succeeds).")
@click.option("--no-html", is_flag=True, help="Do not write the HTML view.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) when the graph has validation violations.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Extraction processes [default: 0, the machine's cores].")
@click.option("--no-cache", is_flag=True, help="Extract every document again (ignore and do not keep <out>/.cache/).")
@click.option("--no-check", is_flag=True, help="Do not check the graph (reasoning and shapes) while building.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Extract on a Dask cluster (e.g. tcp://HOST:8786; needs pip install 'kg[dask]').")
@_llm_options
def build(paths, out_dir, no_html, strict, jobs, no_cache, no_check, scheduler, extractor, llm_url, llm_model):
    """Build the knowledge graph of PATHS (files or folders; default data/corpus/)."""
    from . import outdir, pipeline, runner, validate
    from .errors import CheckViolations

    if strict and no_check:
        raise click.UsageError("--strict needs the check; drop --no-check.")
    outdir.check_target(out_dir, paths)  # refuse an unsafe --out before the long part
    llm_config = _llm_config(paths, extractor, llm_url, llm_model)
    result = pipeline.build(list(paths), progress=progress_bar, llm_config=llm_config, llm_progress=llm_progress_bar,
                            jobs=jobs or runner.default_jobs(), cache_in=None if no_cache else out_dir,
                            mapper=runner.dask_mapper(scheduler) if scheduler else None)
    html = [] if no_html else _html_writers()
    checker = validate.BuildCheck(strict=strict, jobs=jobs or runner.default_jobs())  # first, so the HTML view shows the inferred graph
    try:
        pipeline.write(result, out_dir, [*([] if no_check else [checker]), *html, _void_writer(), result.cache.writer])
    except CheckViolations:
        click.echo(validate.format_report(checker.report))
        raise
    click.echo(format_summary(result.output.stats))
    failed = result.output.stats.get("extraction_errors")
    if failed:
        click.echo(f"kg: warning: an extraction rule failed on {len(failed)} sentence(s) (first: {failed[0]}); the rest of "
                   f"the build went on, and {out_dir}/summary.json lists them under extraction_errors. This is a bug in kg: "
                   "please report it with those sentences.", err=True)
    if result.llm is not None:
        click.echo(format_llm_summary(result.llm))
        if llm_warning(result.llm):
            click.echo(llm_warning(result.llm), err=True)
    click.echo(f"wrote {out_dir}/graph.trig, {out_dir}/graph.ttl, {out_dir}/summary.json"
               + (f", {out_dir}/graph.html" if html else "") + f", {out_dir}/void.ttl")
    click.echo(checker.summary())


def _void_writer():
    """The VoID description of the build (build/void.ttl); after the check, so the inferred graph counts."""
    from .void import write_void

    return write_void


def _html_writers():
    """Extra outputs written into the build folder (the HTML view, once it exists)."""
    try:
        from .render import write_html  # noqa: F401
    except ImportError:
        return []
    return [write_html]


def _table_options(options):
    """click options from a table of ``kg.cli_query.Option``s (the quick start parses the same table)."""
    def decorate(func):
        for o in reversed(options):
            kw = dict(help=o.help, metavar=o.metavar)
            if o.kind == "flag":
                kw.update(is_flag=True)
            elif o.kind == "multiple":
                kw.update(multiple=True)
            elif o.choices:
                kw.update(type=click.Choice(o.choices))
            elif o.type is Path:
                kw.update(type=click.Path(path_type=Path))
            elif o.type in (int, float):
                rng = click.IntRange if o.type is int else click.FloatRange
                kw.update(type=rng(min=o.low, min_open=o.low_open) if o.low_open else rng(min=o.low))
            if o.default is not None and o.kind == "value":
                kw.update(default=o.default, show_default=True)
            func = click.option(*o.flags, o.dest, **kw)(func)
        return func
    return decorate


@main.command("query")
@click.argument("query_ref", metavar="NAME_OR_FILE_OR_TEXT", required=False)
@_table_options(QUERY_OPTIONS)
def query_command(**options):
    """Answer a SPARQL query: a library name (kg query --list), a .rq file, query text, or - for stdin.

    Exit codes: 0 answered (also when there are no results), 2 invalid query or parameter (or a
    SERVICE not allowed), 6 no build found, 7 endpoint unreachable or failing, 8 stopped at the time
    or memory limit, 130 interrupted (Ctrl-C).
    """
    from . import cli_query

    cli_query.run(**options, echo=click.echo)


def _setting_options(settings):
    """click options from a settings table (name, default, help)."""
    def decorate(func):
        for s in reversed(settings):
            flag = "--" + s.name.replace("_", "-")
            if isinstance(s.default, bool):
                func = click.option(flag, s.name, is_flag=True, default=s.default, help=s.help)(func)
            elif isinstance(s.default, tuple):
                func = click.option(flag, s.name, multiple=True, default=s.default, metavar="TEXT",
                                    help=s.help)(func)
            else:
                func = click.option(flag, s.name, default=s.default, show_default=True, type=type(s.default),
                                    help=s.help)(func)
        return func
    return decorate


def _serve_settings():
    from .serve_settings import SETTINGS

    return SETTINGS


@main.command()
@click.option("--build", "build_dir", default="build", show_default=True, type=click.Path(path_type=Path),
              help="Build folder to serve (graph.trig, and graph.html at /).")
@click.option("--graph", type=click.Path(path_type=Path), help="Serve this RDF file instead (.trig, .nq, .ttl, ...).")
@_setting_options(_serve_settings())
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]), help="Server log level.")
def serve(build_dir, graph, log_level, **settings):
    """Serve the graph over the SPARQL 1.1 Protocol (read-only) at /sparql, and the graph view at /."""
    from . import serve as srv

    config = srv.ServeConfig(**settings)
    app, files, size, html = srv.prepare(config, build_dir, graph)
    sock = srv.bind(config)
    port = sock.getsockname()[1]  # the real port, also when --port 0 lets the system choose
    base = f"http://{config.host}:{port}"
    click.echo(f"kg serve: {size} quads from {', '.join(map(str, files))}", err=True)
    click.echo(f"  SPARQL endpoint  {base}/sparql   (read-only; time limit {config.timeout:g} s, "
               f"at most {config.max_rows} rows per answer)", err=True)
    click.echo(f"  limits           {config.max_memory} MB per query, {config.workers} at a time + {config.queue} "
               f"waiting, bodies up to {config.max_body} bytes; SERVICE "
               + (f"only to {', '.join(config.allow_service)}" if config.allow_service else "refused"), err=True)
    click.echo(f"  graph view       {base}/" + ("" if html.is_file() else "   (no graph.html yet: a query form)"), err=True)
    click.echo(f"  query page       {base}/query", err=True)
    click.echo(f"  Graph Store      {base}/store   (read-only; VoID at {base}/.well-known/void)", err=True)
    hosts = "any host" if "*" in config.allow_host else ", ".join(sorted(srv.allowed_hosts(config)))
    click.echo(f"  answers          requests for {hosts}" + ("" if config.cors else "; none from other origins (--cors)"),
               err=True)
    click.echo("  Ctrl-C to stop.", err=True)
    srv.run(app, config, log_level, sock)


@main.command("sources")
@click.option("--graph", "graph_path", default="build/graph.trig", show_default=True, type=click.Path(path_type=Path),
              help="Built graph to read (TriG from 'kg build', or Turtle).")
@click.option("--width", default=120, show_default=True, type=click.IntRange(60, 400),
              help="Line width; the aligned sentences are cut to fit side by side.")
def sources_command(graph_path, width):
    """What each report and its original agree and disagree on: aligned sentences, corroborated and
    single-source facts, conflicts (both claims and the preferred one)."""
    from . import sources

    click.echo(sources.format_view(sources.read_view(graph_path), width))


@main.command("render")
@click.option("--graph", "graph_path", default="build/graph.trig", show_default=True, type=click.Path(path_type=Path),
              help="Built graph to draw (graph.trig from 'kg build').")
@click.option("--out", "out_path", default="build/graph.html", show_default=True, type=click.Path(path_type=Path),
              help="HTML file to write.")
def render_command(graph_path, out_path):
    """Draw a built graph as one self-contained HTML page that works offline."""
    from . import render

    counts = render.render_file(graph_path, out_path)
    click.echo(f"wrote {out_path}: {counts['entities']} entities, {counts['statements']} statements, "
               f"{counts['edges']} edges ({counts['inferred_edges']} inferred)")


@main.command("analyse")
@click.option("--graph", "graph_path", default="build/graph.trig", show_default=True, type=click.Path(path_type=Path),
              help="Built graph to analyse.")
@click.option("--out", "out_path", default="build/analysis.json", show_default=True, type=click.Path(path_type=Path),
              help="Where to write the figures as JSON.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000), help="Rows per list.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON instead of the text summary.")
def analyse_command(graph_path, out_path, top, as_json):
    """Most central entities, components, communities and degree by class (networkx)."""
    import json

    from . import analyse

    report = analyse.analyse(analyse.read_graph(analyse.load_quads(graph_path)), top=top)
    analyse.write_report(report, out_path)
    click.echo(json.dumps(report, ensure_ascii=False, indent=2) if as_json else analyse.format_report(report))
    if not as_json:
        click.echo(f"\nwrote {out_path}")


@main.command("path")
@click.argument("source")
@click.argument("target")
@click.option("--graph", "graph_path", default="build/graph.trig", show_default=True, type=click.Path(path_type=Path),
              help="Built graph to search.")
@click.option("--json", "as_json", is_flag=True, help="Print the path as JSON.")
def path_command(source, target, graph_path, as_json):
    """Shortest path between two entities named in English or Chinese, e.g. kg path Xiaomi 印度."""
    import json

    from . import analyse

    result = analyse.shortest_path(analyse.read_graph(analyse.load_quads(graph_path)), source, target)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else analyse.format_path(result))


@main.command("check")
@click.option("--graph", "graph_path", default="build/graph.trig", show_default=True, type=click.Path(path_type=Path),
              help="Built graph to check; its inferred named graph is rewritten (atomically).")
@click.option("--fast", is_flag=True, help="Reason with SPARQL rules on pyoxigraph (no Java) instead of an OWL DL reasoner.")
@click.option("--no-reasoner", is_flag=True, help="Only validate the SHACL shapes; leave the inferred graph as it is.")
@click.option("--reasoner", type=click.Choice(["pellet", "hermit"]), default="pellet", show_default=True,
              help="OWL DL reasoner run by owlready2 (HermiT takes minutes beyond ~10^4 triples).")
@click.option("--no-write", is_flag=True, help="Do not write the inferred graph into the graph file.")
@click.option("--max-per-group", default=20, show_default=True, type=click.IntRange(1, 100000),
              help="Offending nodes listed per problem.")
def check_command(graph_path, fast, no_reasoner, reasoner, no_write, max_per_group):
    """Reason over and validate a built graph: OWL reasoning (inferred graph, inconsistencies) and
    SHACL shapes. Exit 0: conforms; 1: violations; 2: the check could not run."""
    from . import validate
    from .errors import CheckError

    if fast and no_reasoner:
        raise CheckError("--fast and --no-reasoner exclude each other: --no-reasoner skips reasoning. Give one of them.")
    mode = "none" if no_reasoner else "fast" if fast else reasoner
    report = validate.check(graph_path, mode=mode, write=not no_write)
    click.echo(validate.format_report(report, max_per_group))
    sys.exit(report.exit_code)


def _eval_inputs(target: Path, gold: Path | None, docs: tuple[Path, ...], graph: Path | None):
    """(gold path, document paths) from `kg eval TARGET`: a split folder holds docs/ and gold/;
    its documents are built unless a graph to score is given."""
    if gold is None and target.is_dir() and (target / "gold").is_dir():
        gold = target / "gold"
        if not docs and graph is None and (target / "docs").is_dir():
            docs = (target / "docs",)
    elif gold is not None and not docs and graph is None:
        docs = (target,)  # `kg eval my-docs/ --gold my-gold/`: the target holds the documents
    return gold or target, docs


@main.command("eval")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--gold", type=click.Path(path_type=Path), help="Gold file or folder (default: TARGET/gold).")
@click.option("--docs", multiple=True, type=click.Path(path_type=Path),
              help="Documents to build and score (default: TARGET/docs); without any, the built graph is scored.")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path),
              help="A built graph to score instead of building documents (default: build/graph.trig when no documents are given).")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the full report as JSON to this file ('-' = stdout only).")
@click.option("--summary", is_flag=True, help="Only the score tables: no per-document rows, false positives or misses.")
@click.option("--limit", default=50, show_default=True, help="How many false positives and misses to list.")
@click.option("--min-f1", type=float, help="Exit 1 when the strict F1 is below this.")
@click.option("--min-precision", type=float, help="Exit 1 when the strict precision is below this.")
@click.option("--min-recall", type=float, help="Exit 1 when the strict recall is below this.")
@click.option("--check-gold", is_flag=True, help="Only check the gold files (format, quotes) and exit.")
@click.option("--candidates", is_flag=True, help="Also score the candidate facts the build did not assert.")
@click.option("--sweep", is_flag=True, help="Print strict scores for a range of confidence thresholds (includes candidates).")
@_llm_options
def eval_command(target, gold, docs, graph_path, json_out, summary, limit, min_f1, min_precision, min_recall, check_gold,
                 candidates, sweep, extractor, llm_url, llm_model):
    """Score extraction against gold fact lists (format: data/eval/README.md).

    TARGET is a gold file or folder, or a split folder holding gold/ and docs/
    (data/eval/dev): its documents are built in memory and scored. With --gold, TARGET is
    the documents to build."""
    import json

    from . import evaluate
    from . import gold as goldmod
    from .errors import EXIT_VIOLATIONS

    gold_path, docs = _eval_inputs(target, gold, docs, graph_path)
    if (extractor or llm_url or llm_model) and not docs:
        from .llm_client import LlmConfigError

        raise LlmConfigError("--extractor, --llm-url and --llm-model choose how documents are built; "
                             "give documents to build (a split folder with docs/, or --docs), not a built graph.")
    quotes_in = docs[0] if len(docs) == 1 else (target / "docs" if (target / "docs").is_dir() else None)
    golds = goldmod.load(gold_path, quotes_in)
    if check_gold:
        n = sum(len(g.facts) for g in golds)
        core = sum(f.core for g in golds for f in g.facts)
        click.echo(f"gold: {len(golds)} files, {n} facts ({core} core): the format is valid"
                   + (" and every quote is in its document" if quotes_in else ""))
        return
    if docs:
        from . import pipeline

        llm_config = _llm_config(docs, extractor, llm_url, llm_model)
        result = pipeline.build(list(docs), progress=progress_bar, llm_config=llm_config, llm_progress=llm_progress_bar)
        if result.llm is not None:
            click.echo(format_llm_summary(result.llm), err=True)
            if llm_warning(result.llm):
                click.echo(llm_warning(result.llm), err=True)
        store = evaluate.load_store_from_nquads(result.output.nquads())
    else:
        from .query import load_store

        store = load_store([graph_path or Path("build/graph.trig")], ontology=False)
    if sweep:
        click.echo(f"{'threshold':>9} {'facts':>6} {'P':>6} {'R':>6} {'F1':>6} {'core R':>7}")
        for row in evaluate.sweep(evaluate.read_graph(store, candidates=True), golds):
            click.echo(f"{row['threshold']:9.2f} {row['extracted']:6} {row['precision']:6.3f} {row['recall']:6.3f} "
                       f"{row['f1']:6.3f} {row['core_recall'] or 0:7.3f}")
        return
    report = evaluate.score(evaluate.read_graph(store, candidates=candidates), golds)
    data = report.as_dict()
    if json_out is not None and str(json_out) == "-":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(evaluate.format_report(report, summary=summary, limit=limit))
        if json_out is not None:
            json_out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    strict = data["overall"]["strict"]
    failed = [f"{name} {strict[key]:.3f} < {floor}" for name, key, floor in
              (("F1", "f1", min_f1), ("precision", "precision", min_precision), ("recall", "recall", min_recall))
              if floor is not None and strict[key] < floor]
    if failed:
        click.echo(f"kg: strict {'; '.join(failed)}", err=True)
        sys.exit(EXIT_VIOLATIONS)


@main.command("export")
@click.option("--format", "-f", "fmt", required=True,
              type=click.Choice(["nquads", "trig", "turtle", "jsonld", "ntriples", "rdfxml"]),
              help="RDF format. nquads, trig and jsonld hold the whole dataset (named graphs too); "
                   "turtle, ntriples and rdfxml hold one graph.")
@click.option("--graph", "graph_name", metavar="NAME",
              help="Only this graph: 'default' (the merged graph), 'inferred', 'candidates', 'doc/<id>', "
                   "kgid:graph/... or a full IRI. Default: every graph (quad formats) or the default graph.")
@click.option("--out", "out_path", type=click.Path(path_type=Path), help="File to write (default: standard output).")
@click.option("--build", "build_dir", default="build", show_default=True, type=click.Path(path_type=Path),
              help="Build folder whose graph.trig is exported.")
@click.option("--input", "input_path", type=click.Path(path_type=Path),
              help="Export this RDF file instead (.trig, .nq, .ttl, .nt, .rdf, .jsonld).")
def export_command(fmt, graph_name, out_path, build_dir, input_path):
    """Write the built graph in a W3C RDF format, e.g. kg export --format nquads --out graph.nq."""
    from . import export as ex
    from .query import graph_files

    quads = ex.load_dataset(graph_files(build_dir, input_path)[0])
    graph = ex.ALL if graph_name is None else ex.resolve_graph(graph_name, quads)
    data = ex.export(quads, fmt, graph)
    if out_path is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        ex.write_atomic(data, out_path)
    f = ex.BY_NAME[fmt]
    if graph == ex.ALL and not f.quads and ex.graph_names(quads):
        click.echo(f"kg: {fmt} holds one graph: wrote the default (merged) graph; the named graphs are left out "
                   "(use --format trig, nquads or jsonld for the whole dataset, or --graph NAME).", err=True)
    if out_path is not None:
        click.echo(f"wrote {out_path} ({fmt})", err=True)


@main.command("docs")
@click.option("--out", "out_path", default="build/ontology.html", show_default=True, type=click.Path(path_type=Path),
              help="HTML file to write.")
def docs_command(out_path):
    """Write an HTML page documenting the ontology: every class, property and individual with its
    English and Chinese labels, comments, domains, ranges and alignments (offline, one file)."""
    from . import docs

    counts = docs.write(out_path)
    click.echo(f"wrote {out_path}: " + ", ".join(f"{n} {key.replace('-', ' ')}" for key, n in counts.items() if n))


@main.command("push")
@click.argument("store_url", metavar="STORE_URL")
@click.option("--build", "build_dir", default="build", show_default=True, type=click.Path(path_type=Path),
              help="Build folder whose graph.trig is pushed.")
@click.option("--input", "input_path", type=click.Path(path_type=Path),
              help="Push this RDF file instead (.trig, .nq, .ttl, ...).")
@click.option("--graph", "graph_names", multiple=True, metavar="NAME",
              help="Only these graphs ('default', 'inferred', 'doc/<id>', kgid:graph/... or an IRI). Repeatable.")
@click.option("--no-ontology", is_flag=True, help="Do not add the ontology to the default graph.")
@click.option("--auth", type=click.Choice(["none", "basic", "digest", "bearer"]), default="none", show_default=True,
              help="basic, digest: KG_PUSH_USER and KG_PUSH_PASSWORD; bearer: KG_PUSH_TOKEN (from the environment, never printed).")
@click.option("--media-type", "media", type=click.Choice(["ntriples", "turtle"]), default="ntriples", show_default=True,
              help="How the graphs are sent.")
@click.option("--chunk", default=200_000, show_default=True, type=click.IntRange(1000, 10**8),
              help="Triples per request; a larger graph is PUT in its first part and POSTed in the rest.")
@click.option("--timeout", default=300.0, show_default=True, help="Seconds to wait for each request.")
@click.option("--default-graph-as", "default_graph", metavar="IRI",
              help="Put the default graph under this named graph, for stores with no default graph in their "
                   "Graph Store endpoint (Virtuoso), e.g. https://w3id.org/kg/id/graph/default.")
def push_command(store_url, build_dir, input_path, graph_names, no_ontology, auth, media, chunk, timeout, default_graph):
    """Load the build into a triple store over the SPARQL 1.1 Graph Store Protocol, replacing each
    graph (a push is idempotent). STORE_URL: e.g. http://127.0.0.1:7878/store (Oxigraph),
    http://HOST:3030/DATASET/data (Fuseki), http://HOST:7200/repositories/REPO/rdf-graphs/service (GraphDB)."""
    from . import export as ex
    from . import push as pu
    from . import resources
    from .query import graph_files

    header = pu.auth_header(auth)
    import re

    if default_graph is not None and not re.match(r"^[a-zA-Z][\w+.\-]*:[^<>\"{}|^`\\\s]+$", default_graph):
        from .errors import QueryError

        raise QueryError(f"--default-graph-as '{default_graph}' is not an absolute IRI.")
    quads = ex.load_dataset(graph_files(build_dir, input_path)[0])
    graphs = None
    if graph_names:
        graphs = [ex.resolve_graph(name, quads) for name in graph_names]
    report = pu.push(quads, store_url, ontology=None if no_ontology else resources.ontology_path(), auth=header,
                     media=media, chunk=chunk, timeout=timeout, graphs=graphs, default_graph=default_graph)
    click.echo(f"pushed {len(report.graphs)} graphs, {report.triples} triples to {store_url} "
               f"in {report.seconds:.1f} s ({report.requests} requests)")
    for name, n in report.graphs:
        click.echo(f"  {name}: {n}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
