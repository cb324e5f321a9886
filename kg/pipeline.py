"""Run the stages in order, check what each returns, and write the output atomically.

read documents → infer what the manifest left out (date, topic, speaker) → find mentions → extract facts → resolve entities and merge facts →
compare the sources (alignment, corroboration, conflicts, noise) → encode as RDF →
(write). A stage that returns the wrong type is named in the error.
"""
from __future__ import annotations

import functools
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from . import corpus, extract, graph, lexicon, resolve, sources
from .errors import OutputError, StageError
from .types import Document, Extraction, Resolved, SourcesReport, StoredExtraction


@dataclass
class BuildResult:
    resolved: Resolved
    output: graph.GraphOutput
    out_dir: Path | None = None
    sources: SourcesReport | None = None  # what the documents agree and disagree on
    llm: object = None  # kg.extract.llm.LlmReport when a language model extracted too
    inputs: tuple = ()  # the paths built (an output folder may not hold them)
    extractions: list | None = None  # per document, in order, the rules' (for the extraction cache)
    cache: object = None  # runner.CachePlan: the build folder's extraction cache
    jobs: int = 1  # processes the build may use (more than 1: graph.ttl is written beside graph.trig)


def _check(stage: str, value, expected):
    if not isinstance(value, expected):
        raise StageError(f"stage '{stage}' returned {type(value).__name__}, expected {expected.__name__}. This is a bug in kg; please report it.")
    return value


def extract_documents(docs: list[Document], progress: Callable[[Iterable], Iterable] | None = None,
                      jobs: int = 1, cache=None, mapper=None, store=None) -> list:
    """The per-document stages (profile, mentions, extraction) of each document, in order; in
    ``jobs`` processes or through ``mapper``, reusing ``cache`` (see ``kg.runner``); with ``store``
    (a ``kg.store.ExtractionStore``) kept on disk, as ``StoredExtraction``s."""
    from . import runner

    return runner.run(docs, jobs=jobs, plan=cache, progress=progress, mapper=mapper, store=store)


def candidate_keys(resolved: Resolved, report: SourcesReport) -> frozenset:
    """Facts kg does not assert: below the confidence threshold of ``data/patterns.yaml``, or the
    claim that lost a conflict (its evidence and its Conflict node stay)."""
    from .resolve import fact_key

    threshold = extract.load_patterns().candidate_threshold
    keys = {fact_key(f) for f in resolved.facts if max((e.confidence for e in f.evidence), default=0) < threshold}
    keys |= {fact_key(c.other) for c in report.conflicts}
    return frozenset(keys)


def extract_with_model(extractions: list[Extraction], config, progress=None):
    """The language-model extractor (``--extractor llm|both``) over what the rule stages produced."""
    from .extract import llm

    extractions, report = llm.run(extractions, config, key=resolve.merge_key, progress=progress)
    return [_check("llm", x, Extraction) for x in extractions], report


def build(paths: list[Path], progress=None, llm_config=None, llm_progress=None, jobs: int = 1,
          cache_in: Path | None = None, mapper=None) -> BuildResult:
    """Build the graph in memory (nothing is written). ``llm_config`` (a kg.llm_client.LlmConfig)
    adds or substitutes a language model's facts; without it the build is the rules' alone.
    ``jobs``: extraction processes; ``cache_in``: a build folder whose extraction cache may be
    reused (pass the result's ``cache.writer`` to ``write`` to keep the cache in the new build
    folder); ``mapper``: run the extraction elsewhere (``kg.runner.run``)."""
    from . import runner
    from .store import ExtractionStore

    docs = corpus.read_corpus(paths)
    plan = runner.plan_cache(cache_in, docs, enabled=cache_in is not None)
    # each document's extraction goes to disk as it is made; the stages below hold its facts
    # and names, and read its sentences and mentions back one document at a time
    store = ExtractionStore()
    extractions = rule_extractions = extract_documents(docs, progress, jobs=jobs, cache=plan, mapper=mapper, store=store)
    store.all_kept()
    del docs  # the texts are in the store
    llm_report = None
    if llm_config is not None and llm_config.uses_llm:
        extractions, llm_report = extract_with_model([x.full() for x in extractions], llm_config, llm_progress)
    resolved = _check("resolve", resolve.resolve(extractions, lexicon.load()), Resolved)
    # sources: alignments, support, conflicts; its lowered confidences must reach the facts before encoding
    # (a document's cached results are its rules' extraction's: not with a language model's facts)
    part_cache = plan.part if llm_report is None else (lambda name: None)
    report = _check("sources", sources.analyse(extractions, resolved, part_cache("noise")), SourcesReport)
    # the documents' own facts are merged now: of a stored extraction only its file is kept
    rule_extractions = [x.on_disk_only() if isinstance(x, StoredExtraction) else x for x in rule_extractions]
    del extractions
    resolved = _check("sources", sources.apply(report, resolved), Resolved)
    candidates = candidate_keys(resolved, report)
    output = _check("graph", graph.build_graph(resolved, candidates), graph.GraphOutput)
    output.add_quads(sources.quads(report, resolved, candidates))
    output.stats.update(sources.stats(report, candidates))
    errors = [e for x in rule_extractions for e in x.errors]
    if errors:
        output.stats["extraction_errors"] = errors
    if llm_report is not None:
        from .extract import llm

        output.add_quads(llm.quads(llm_report, resolved, candidates))
        output.stats["llm"] = llm_report.summary()
    return BuildResult(resolved, output, sources=report, llm=llm_report, inputs=tuple(paths),
                       extractions=rule_extractions, cache=plan, jobs=jobs if mapper is None else 1)


def write(result: BuildResult, out_dir: Path, extra_writers: Iterable[Callable[[BuildResult, Path], None]] = ()) -> Path:
    """Write graph.trig, graph.ttl and summary.json (plus extras) into ``out_dir``,
    replacing the previous build only once everything has been written."""
    from . import outdir, trig
    from .iris import ID_NS, ONTOLOGY_IRI
    from .void import LineCounter

    out_dir = Path(out_dir)
    outdir.check_target(out_dir, result.inputs)  # kg replaces only a folder it made
    parent = out_dir.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        outdir.clean_stale(parent)
        tmp = outdir.new_temp(parent)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create the output folder ({exc.strerror}). Choose a writable folder with --out.")
    background: list = []  # the files' writers in other processes (``--jobs`` 2 or more)
    try:
        out_graph = result.output
        head = f"<{ID_NS}graph>"
        header = (f"{head} <{graph.RDF_NS}type> <{graph.OWL_NS}Ontology> .\n"
                  f"{head} <{graph.OWL_NS}imports> <{ONTOLOGY_IRI}> .\n").encode()
        # graph.ttl: the ontology verbatim (its blank nodes keep their written form, so the file stays
        # byte-identical run after run), then the data; Turtle allows prefixes to be restated
        # parsing our own N-Quads also checks every term before anything is replaced; the text goes
        # through a file, so a big graph is never held twice in memory
        # (one pass over the graph's lines writes both files: a large graph's are merged from disk)
        counter = LineCounter()  # void.ttl's figures, counted in the same pass
        sections: list = []  # each graph's place in .graph.nq, for graph.trig
        with open(tmp / ".graph.nq", "wb") as nq, open(tmp / ".graph.nt", "wb") as nt:
            nt.write(header)
            out_graph.write_nquads(nq, default_out=nt, counter=counter, sections=sections)
        out_graph.counted, out_graph.added_keys = counter, set()
        # the two files are written from the two texts, independently: with processes to spare, at once
        # both graph by graph (the default graph in pieces): a block unchanged since the build in
        # out_dir is copied from its cache (kg.trig), not parsed and written again
        cached = result.cache is not None and not getattr(result.cache, "disabled", True)
        turtle = functools.partial(_write_turtle, tmp / ".graph.nt", tmp / "graph.ttl",
                                   trig.load_cache(out_dir, "ttl", "graph.ttl") if cached else None)
        trig_file = functools.partial(trig.write, tmp / ".graph.nq", sections, tmp / "graph.trig", graph.PREFIXES,
                                      trig.load_cache(out_dir) if cached else None)
        if result.jobs > 1:
            # graph.trig and graph.ttl are each written in a process of their own while the writers
            # that read only .graph.nq (the check: ``reads_nquads_only``) run in this one
            from . import runner

            turtle, trig_file = runner.in_background(turtle), runner.in_background(trig_file)
            background = [turtle, trig_file]
        done: list = []

        def files_written() -> None:
            """Wait for graph.trig and graph.ttl (once) and keep their blocks for the next build."""
            if done:
                return
            blocks, ttl_blocks = trig_file(), turtle()
            if cached:
                trig.store_cache(tmp, blocks, ttl_blocks)
            (tmp / ".graph.nt").unlink()
            done.append(True)

        if result.jobs <= 1:
            files_written()
        (tmp / "summary.json").write_text(json.dumps(result.output.stats, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        out_graph.nquads_file = tmp / ".graph.nq"  # the check reads the graph back from it
        out_graph.nquads_default_end = next((end for key, _, end in sections if key == graph.DEFAULT), 0)
        out_graph.files_written = files_written
        try:
            for writer in extra_writers:
                if not getattr(writer, "reads_nquads_only", False):
                    files_written()
                writer(result, tmp)
            files_written()
        finally:
            out_graph.nquads_file = out_graph.nquads_default_end = None
            out_graph.files_written = _nothing_to_wait_for
        (tmp / ".graph.nq").unlink()
        _swap(tmp, out_dir)
    except BaseException:
        for job in background:  # a failed writer: the files' processes are waited for before their folder goes
            try:
                job()
            except BaseException:
                pass
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    result.out_dir = out_dir
    return out_dir


def _nothing_to_wait_for() -> None:
    """``GraphOutput.files_written`` outside ``write``: the files are all written."""


def _write_turtle(ntriples: Path, out_path: Path, cache=None) -> dict:
    """graph.ttl: the ontology verbatim, then the default graph's N-Triples as Turtle (pieces in
    ``cache`` copied from the previous graph.ttl); returns its pieces' places (``kg.trig``)."""
    from . import resources, trig

    preamble = resources.ontology_path().read_bytes() + b"\n# ---- the knowledge graph ----\n"
    return trig.write_turtle(ntriples, out_path, graph.PREFIXES, preamble, cache)


def _swap(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` with two renames; the old build survives any failure before them."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError as exc:
        if old is not None:
            os.replace(old, target)
        raise OutputError(f"{target}: cannot replace the output folder ({exc.strerror}). Check permissions.")
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
