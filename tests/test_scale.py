"""Scale: long documents in blocks, the lexicon's longest match, parallel and incremental builds,
the cache of parsed knowledge files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import blocks, cache, corpus, lexicon, pipeline, runner
from kg.lang import get

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "data" / "eval" / "dev" / "docs"


def _long_doc(tmp_path, lang="zh", copies=2) -> Path:
    """One document made of several dev documents of one language, one after another."""
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted(DEV.glob(f"*-{lang}.txt"))[:3]]
    path = tmp_path / f"long-{lang}.txt"
    path.write_text("\n\n".join(texts * copies) + "\n", encoding="utf-8")
    return path


def test_blocks_cover_the_text_at_sentence_starts(tmp_path):
    text = _long_doc(tmp_path).read_text(encoding="utf-8")
    spans = get("zh").split_sentences(text)
    cuts = list(blocks.blocks(text, spans, 500))
    assert len(cuts) > 5
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    starts = {s for s, _ in spans}
    assert all(s in starts for s, _ in cuts[1:])
    # a block re-split on its own gives the document's sentences
    again = [(s + start, e + start) for start, end in cuts for s, e in get("zh").split_sentences(text[start:end])]
    assert again == spans


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_long_document_in_blocks_extracts_what_it_does_whole(tmp_path, monkeypatch, lang):
    path = _long_doc(tmp_path, lang)
    (doc,) = corpus.read_corpus([path])
    assert len(doc.text) > 4000
    whole = runner.extract_one(doc)
    monkeypatch.setattr(blocks, "BLOCK_CHARS", 400)
    parts = runner.extract_one(doc)
    assert parts.sentences == whole.sentences
    assert parts.mentions == whole.mentions
    assert parts.facts == whole.facts
    assert parts.entities == whole.entities
    # a long document holds one string per distinct mention text, not one per mention
    assert len({id(m.text) for m in parts.mentions}) == len({m.text for m in parts.mentions}) < len(parts.mentions)


def _naive_match(lex, text, context, is_boundary):
    chosen = []
    for h in sorted(lex.hits(text, context, is_boundary), key=lambda h: (-(h[1] - h[0]), h[0])):
        if all(h[1] <= c[0] or h[0] >= c[1] for c in chosen):
            chosen.append(h)
    return sorted(chosen)


def test_longest_match_is_the_greedy_choice():
    lex = lexicon.load()
    for path in sorted(DEV.glob("*.txt"))[:8]:
        text = path.read_text(encoding="utf-8")
        lang = get("zh" if path.stem.endswith("zh") else "en")
        for context in ((), ("technology", "business")):
            assert lex.match(text, context, lang.is_boundary) == _naive_match(lex, text, context, lang.is_boundary)


def _corpus(tmp_path, n=4) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in sorted(DEV.glob("*.txt"))[:n]:
        shutil.copy(p, folder / p.name)
    return folder


def _written(result, out: Path) -> bytes:
    pipeline.write(result, out, [result.cache.writer] if result.cache is not None else [])
    return (out / "graph.trig").read_bytes() + (out / "graph.ttl").read_bytes() + (out / "summary.json").read_bytes()


def test_jobs_give_the_same_bytes(tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    monkeypatch.setattr(runner, "PARALLEL_MIN_CHARS", 0)  # a pool even for a small corpus
    one = _written(pipeline.build([folder], jobs=1), tmp_path / "one")
    two = _written(pipeline.build([folder], jobs=2), tmp_path / "two")
    assert one == two


def test_an_edited_document_alone_is_extracted_again(tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    out = tmp_path / "build"
    _written(pipeline.build([folder], cache_in=out), out)
    assert len(list((out / runner.CACHE_DIR).glob("*.pickle"))) == 4

    edited = sorted(folder.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n小米公司成立于2010年。\n", encoding="utf-8")
    seen = []
    real = blocks.extract_document

    def counting(doc, *args, **kw):
        seen.append(doc.doc_id)
        return real(doc, *args, **kw)

    monkeypatch.setattr(blocks, "extract_document", counting)
    warm = _written(pipeline.build([folder], cache_in=out), out)
    assert seen == [edited.stem]
    assert len(list((out / runner.CACHE_DIR).glob("*.pickle"))) == 4  # the stale entry is gone

    seen.clear()
    cold = _written(pipeline.build([folder]), tmp_path / "cold")
    assert len(seen) == 4
    assert warm == cold


def test_unchanged_graphs_are_copied_from_the_trig_cache(tmp_path, monkeypatch):
    """A rebuild after one edit takes the documents' graphs that did not change from the previous
    graph.trig (their places in it are kept in <out>/.cache/trig.pickle); graph.trig stays
    byte-identical to a cold build, and a cache that cannot be read, or a graph.trig changed since,
    is not used."""
    import pickle

    from kg import trig

    folder = _corpus(tmp_path)
    out = tmp_path / "build"
    _written(pipeline.build([folder], cache_in=out), out)
    before = pickle.loads((out / trig.CACHE_FILE).read_bytes())["blocks"]
    assert len(before) >= 4  # one block per document's graph at least
    edited = sorted(folder.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n小米公司成立于2010年。\n", encoding="utf-8")
    copied = []
    real_get = trig._Blocks.get

    def get(self, digest):
        text = real_get(self, digest)
        if self.path.name == "graph.trig":  # (graph.ttl's pieces have their own cache)
            copied.append(text is not None)
        return text

    monkeypatch.setattr(trig._Blocks, "get", get)
    warm = _written(pipeline.build([folder], cache_in=out), out)
    after = pickle.loads((out / trig.CACHE_FILE).read_bytes())["blocks"]
    reused = set(before) & set(after)
    assert reused and len(reused) < len(after)  # some graphs copied, the edited document's written anew
    assert sum(copied) == len(reused)
    cold = _written(pipeline.build([folder]), tmp_path / "cold")
    assert not (tmp_path / "cold" / trig.CACHE_FILE).exists()  # no cache without one asked for
    assert warm == cold

    # a block whose text in graph.trig has changed since is written anew, not copied
    offset, length, _ = next(iter(after.values()))
    data = bytearray((out / "graph.trig").read_bytes())
    data[offset:offset + length] = data[offset:offset + length].replace(b"kg:", b"kX:")
    (out / "graph.trig").write_bytes(bytes(data))
    copied.clear()
    assert _written(pipeline.build([folder], cache_in=out), out) == cold
    assert copied.count(False) == 1 and copied.count(True) == len(after) - 1

    (out / trig.CACHE_FILE).write_bytes(b"not a pickle")
    assert _written(pipeline.build([folder], cache_in=out), out) == cold


def test_an_extraction_comes_back_from_its_pickle_whole():
    """Sentences, mentions, facts, evidence and periods are pickled as their field values (for
    the workers and the cache); every field of every object comes back, in its place."""
    import dataclasses
    import pickle

    (doc,) = corpus.read_corpus([DEV / "byd-news-zh.txt"])
    x = runner.extract_one(doc)
    assert x.facts and x.mentions and any(f.attr("period") for f in x.facts)
    back = pickle.loads(pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == x
    for a, b in zip(x.facts + x.mentions + x.sentences, back.facts + back.mentions + back.sentences):
        assert type(a) is type(b) and dataclasses.astuple(a) == dataclasses.astuple(b)


def test_a_changed_knowledge_file_changes_every_key(monkeypatch):
    (doc,) = corpus.read_corpus([sorted(DEV.glob("*.txt"))[0]])
    before = runner.document_key(doc)
    monkeypatch.setattr(runner, "knowledge_key", lambda: "something else")
    assert runner.document_key(doc) != before


def test_parsed_lexicon_comes_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    lexicon.load.cache_clear()
    try:
        first = lexicon.load()
        assert list((tmp_path / "cache").glob("lexicon-*.pickle"))
        lexicon.load.cache_clear()
        monkeypatch.setattr(lexicon, "_read_entries", lambda *a: pytest.fail("parsed again"))
        second = lexicon.load()
        assert second.entities == first.entities and second.aliases == first.aliases
        text = "小米和华为在北京"
        assert second.match(text, (), get("zh").is_boundary) == first.match(text, (), get("zh").is_boundary)
    finally:
        lexicon.load.cache_clear()


def test_the_cache_key_follows_the_content(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("x: 1\n")
    k1 = cache.key_of(f)
    f.write_text("x: 2\n")
    assert cache.key_of(f) != k1


def test_memo_makes_once_per_content(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "a.ttl"
    f.write_text("one")
    assert cache.memo("t", [f], lambda: {"v": 1}) == {"v": 1}
    assert cache.memo("t", [f], lambda: pytest.fail("made again")) == {"v": 1}
    f.write_text("two")
    assert cache.memo("t", [f], lambda: {"v": 2}) == {"v": 2}


_SEGMENT = """
import sys
from pathlib import Path
from kg import segment
text = "\\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt")))
print(segment.posseg(text))
tok = segment.dictionary()
print(len(tok.word_tag_tab), len(tok.tokenizer.FREQ), tok.tokenizer.total)
print(segment.posseg(text))
"""


def test_jieba_from_the_cache_segments_as_a_fresh_set_up(tmp_path):
    """The cached jieba state (kg.segment), read by first character as texts need it, cuts and tags
    exactly as jieba set up word by word, and holds the same dictionary once read whole."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, KG_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    run = lambda: subprocess.run([sys.executable, "-c", _SEGMENT, str(DEV)], capture_output=True, text=True,  # noqa: E731
                                 env=env, check=True).stdout
    fresh = run()
    assert list((tmp_path / "cache").glob("jieba-*.pickle"))
    cached = run()
    assert cached == fresh and len(fresh) > 10_000


def test_a_dask_cluster_builds_the_same_bytes(tmp_path):
    distributed = pytest.importorskip("distributed")
    folder = _corpus(tmp_path, 3)
    local = _written(pipeline.build([folder], jobs=1), tmp_path / "local")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        mapper = runner.dask_mapper(cluster.scheduler_address)
        remote = _written(pipeline.build([folder], mapper=mapper), tmp_path / "dask")
    assert remote == local


def test_an_unreachable_scheduler_is_a_clear_error():
    pytest.importorskip("distributed")
    from kg.errors import ServerError

    with pytest.raises(ServerError, match="cannot reach the Dask scheduler"):
        runner.dask_mapper("tcp://127.0.0.1:9", connect_timeout=1)


def test_a_long_text_is_matched_in_pieces_with_the_same_hits(monkeypatch):
    lex = lexicon.load()
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))[:6])
    boundary = get("zh").is_boundary
    whole = lex.hits(text, ("technology", "business"), boundary)
    monkeypatch.setattr(lexicon, "_PIECE", 300)
    assert len(list(lexicon._pieces(text))) > 10
    assert lex.hits(text, ("technology", "business"), boundary) == whole


def test_no_stage_sees_more_than_a_block_of_a_long_document(tmp_path, monkeypatch):
    """What made a long document superlinear: every sentence's extraction sliced the whole text,
    and the profile stage folded it whole. Now mentions and extraction see a block at a time and
    the lexicon a piece at a time (the document-wide profile still reads all of it)."""
    from kg import extract, mentions

    (doc,) = corpus.read_corpus([_long_doc(tmp_path, "zh", copies=3)])
    monkeypatch.setattr(blocks, "BLOCK_CHARS", 1500)
    monkeypatch.setattr(lexicon, "_PIECE", 1500)
    longest_sentence = max(e - s for s, e in get("zh").split_sentences(doc.text))
    seen = {"mentions": 0, "extract": 0, "fold": 0}

    def spy(name, real):
        def wrapped(first, *a, **kw):
            text = first.document.text if name == "extract" else first.text if name == "mentions" else first
            seen[name] = max(seen[name], len(text))
            return real(first, *a, **kw)
        return wrapped

    monkeypatch.setattr(mentions, "find_mentions", spy("mentions", mentions.find_mentions))
    monkeypatch.setattr(extract, "extract", spy("extract", extract.extract))
    monkeypatch.setattr(lexicon, "fold", spy("fold", lexicon.fold))
    runner.extract_one(doc)
    assert len(doc.text) > 6000
    assert 0 < seen["mentions"] <= 1500 + longest_sentence
    assert 0 < seen["extract"] <= 1500 + longest_sentence
    assert 0 < seen["fold"] <= 1500 + longest_sentence


@pytest.mark.parametrize("jobs", [1, 2])
def test_extractions_wait_on_disk_until_a_stage_needs_them(tmp_path, monkeypatch, jobs):
    """The build keeps each document's extraction in a file of its store (written by the worker
    that made it), and in memory only its facts and names until they are merged, then nothing but
    the file: each comes back whole; the folder goes when the build's result does."""
    import gc

    from kg.types import StoredExtraction

    folder = _corpus(tmp_path)
    monkeypatch.setattr(runner, "PARALLEL_MIN_CHARS", 0)
    result = pipeline.build([folder], jobs=jobs)
    docs = corpus.read_corpus([folder])
    assert all(isinstance(x, StoredExtraction) for x in result.extractions)
    assert [x.facts for x in result.extractions] == [()] * len(docs)  # merged: no copy kept in memory
    for doc, x in zip(docs, result.extractions):
        assert x.full() == runner.extract_one(doc)
    assert not any(d.text for d in result.resolved.documents)
    assert list(result.resolved.sentences) == [s for doc in docs for s in runner.extract_one(doc).sentences]
    assert len(result.resolved.sentences) == result.output.stats["sentences"] > 0
    store = Path(result.extractions[0].path).parent
    assert len(list(store.glob("*.pickle"))) == len(docs)
    del result, x
    gc.collect()
    assert not store.exists()


def test_a_killed_builds_extraction_folder_is_removed_by_the_next_store(tmp_path):
    import os
    import subprocess

    from kg.store import ExtractionStore

    dead = subprocess.Popen(["true"])
    dead.wait()  # a pid no process has any more
    left = tmp_path / f"kg-extractions-{dead.pid}-abc123"
    left.mkdir()
    (left / "00000000.pickle").write_bytes(b"x")
    foreign = tmp_path / f"kg-extractions-{dead.pid}-def456"  # a dead pid's folder holding a user's file
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    alive = tmp_path / "kg-extractions-1-ghi789"  # pid 1 runs
    alive.mkdir()
    store = ExtractionStore(str(tmp_path))
    assert not left.exists()
    assert (foreign / "notes.txt").read_text() == "mine" and alive.exists()
    assert store.folder.name.startswith(f"kg-extractions-{os.getpid()}-")


def test_a_warm_build_reads_only_what_it_keeps_of_unchanged_documents(tmp_path, monkeypatch):
    """After one edit, the unchanged documents' extractions are taken from the cache by their kept
    part alone (not their sentences and mentions), and the sources stage's look at their evidence
    (noise) is taken from <out>/.cache/noise.pickle; the bytes equal a cold build's."""
    from kg import sources, store

    folder = _corpus(tmp_path)
    out = tmp_path / "build"
    _written(pipeline.build([folder], cache_in=out), out)
    assert (out / ".cache" / "noise.pickle").exists()
    edited = sorted(folder.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n小米公司成立于2010年。\n", encoding="utf-8")
    full, looked = [], []
    real_load, real_noise = store.load, sources._noise_of
    monkeypatch.setattr(store, "load", lambda path: full.append(path) or real_load(path))
    monkeypatch.setattr(sources, "_noise_of", lambda x, *a: looked.append(x.document.doc_id) or real_noise(x, *a))
    warm = _written(pipeline.build([folder], cache_in=out), out)
    assert looked == [edited.stem]  # the other documents' evidence did not change
    assert len(full) == 1  # the edited document's, read back for its noise; none from the cache
    monkeypatch.setattr(sources, "_noise_of", real_noise)
    cold = _written(pipeline.build([folder]), tmp_path / "cold")
    assert warm == cold


def test_the_kept_part_of_an_extraction_file_is_what_the_build_keeps(tmp_path):
    import dataclasses

    from kg import store
    from kg.types import StoredExtraction

    (doc,) = corpus.read_corpus([DEV / "byd-news-zh.txt"])
    x = runner.extract_one(doc)
    store.dump(x, tmp_path / "x.pickle")
    kept = store.load_kept(tmp_path / "x.pickle")
    made = StoredExtraction.of(x, str(tmp_path / "x.pickle"))
    fields = [f.name for f in dataclasses.fields(StoredExtraction) if f.name != "store"]
    assert [getattr(kept, f) for f in fields] == [getattr(made, f) for f in fields]
    assert kept.facts and kept.mentioned_ids and kept.document.text == ""
    assert store.load(tmp_path / "x.pickle") == x
    assert store.load_sentences(tmp_path / "x.pickle") == x.sentences


def test_the_default_graph_in_pieces_gives_the_same_files(tmp_path, monkeypatch):
    """graph.trig and graph.ttl written with the default graph cut in many pieces equal the files
    written from it whole; a rebuild after one edit copies most pieces of both from the previous
    build's files and still equals a cold build."""
    import pickle

    from kg import trig

    folder = _corpus(tmp_path)
    monkeypatch.setattr(trig, "CUT_EVERY", 1 << 62)  # one piece
    whole = _written(pipeline.build([folder]), tmp_path / "whole")
    monkeypatch.setattr(trig, "CUT_EVERY", 8)
    out = tmp_path / "build"
    assert _written(pipeline.build([folder], cache_in=out), out) == whole
    before = pickle.loads((out / trig.CACHE_FILE).read_bytes())
    assert len(before["ttl"]) > 50 and len(before["blocks"]) > 50
    edited = sorted(folder.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n小米公司成立于2010年。\n", encoding="utf-8")
    warm = _written(pipeline.build([folder], cache_in=out), out)
    after = pickle.loads((out / trig.CACHE_FILE).read_bytes())
    for part in ("ttl", "blocks"):
        kept = set(before[part]) & set(after[part])
        assert len(kept) > len(after[part]) // 2 and len(kept) < len(after[part])
    monkeypatch.setattr(trig, "CUT_EVERY", 1 << 62)
    assert warm == _written(pipeline.build([folder]), tmp_path / "cold")


def _files(out: Path) -> dict:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".cache/extract" not in p.as_posix()}


def test_check_runs_while_graph_files_are_written_with_the_same_bytes(tmp_path, monkeypatch):
    """With --jobs 2, graph.trig and graph.ttl are written in processes of their own while the
    check (which reads the N-Quads file) runs: every file (the inferred graph appended to
    graph.trig, the block caches, void.ttl) is byte-identical to a one-process build, a writer
    that did not say it reads the N-Quads file only runs once both files are whole, and the
    check's report is the same."""
    from kg import validate
    from kg.void import write_void

    folder = _corpus(tmp_path)
    monkeypatch.setattr(runner, "PARALLEL_MIN_CHARS", 10**12)  # extraction in one process: the writing is compared
    outs, reports = {}, {}
    for jobs in (1, 2):
        result = pipeline.build([folder], jobs=jobs, cache_in=tmp_path / f"out{jobs}")
        seen = {}

        def plain_writer(result, tmp):
            seen["trig whole"] = (tmp / "graph.trig").read_bytes() == whole_trig(tmp)
            seen["ttl written"] = (tmp / "graph.ttl").is_file() and not (tmp / ".graph.nt").exists()

        def whole_trig(tmp):
            result.output.files_written()  # a no-op once the files are whole
            return (tmp / "graph.trig").read_bytes()

        checker = validate.BuildCheck(jobs=jobs)
        pipeline.write(result, tmp_path / f"out{jobs}", [checker, plain_writer, write_void, result.cache.writer])
        assert seen == {"trig whole": True, "ttl written": True}
        assert checker.report is not None and checker.error is None
        outs[jobs], reports[jobs] = _files(tmp_path / f"out{jobs}"), checker.report
    assert outs[1] == outs[2]
    assert reports[1].problems == reports[2].problems
    assert reports[1].inferred_quads == reports[2].inferred_quads


def test_a_failed_writer_leaves_no_folder_and_no_process(tmp_path, monkeypatch):
    """A writer that fails while graph.trig and graph.ttl are being written in other processes:
    those processes are waited for, the temporary folder removed, the previous build kept."""
    import os

    folder = _corpus(tmp_path, n=2)
    out = tmp_path / "out"
    pipeline.write(pipeline.build([folder], jobs=2), out)
    before = _files(out)

    def failing(result, tmp):
        raise RuntimeError("planted")

    failing.reads_nquads_only = True  # runs before the files' processes are waited for
    pids, real_fork = [], os.fork

    def fork():
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    result = pipeline.build([folder], jobs=2)
    monkeypatch.setattr(os, "fork", fork)
    with pytest.raises(RuntimeError, match="planted"):
        pipeline.write(result, out, [failing])
    assert _files(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert len(pids) == 2  # graph.trig's and graph.ttl's
    for pid in pids:
        with pytest.raises(ChildProcessError):  # waited for already
            os.waitpid(pid, os.WNOHANG)
