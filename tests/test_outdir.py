"""`kg build --out` replaces only a folder kg made (issue 10, finding 1): the corpus, a folder
holding it, a foreign folder, a file, a special file, a link, `.` and `/` are refused with exit 8
and left as they were; stale temporary folders of dead processes are removed; the folder gets
ordinary permissions."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import outdir, pipeline
from kg.cli import main
from kg.errors import EXIT_UNSAFE_OUTPUT, UnsafeOutputError

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Xiaomi launched the Mi 6 in 2017. Lei Jun founded Xiaomi in Beijing.\n"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A one-document corpus and its (in-memory) build."""
    folder = tmp_path_factory.mktemp("tiny") / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return folder, pipeline.build([folder])


def _snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_building_the_corpus_into_itself_is_refused_through_the_real_cli(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    before = _snapshot(corpus)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(corpus), "--no-html"],
                       capture_output=True, text=True, env=env, cwd=tmp_path)
    assert r.returncode == EXIT_UNSAFE_OUTPUT, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "documents being built" in r.stderr
    assert "Traceback" not in r.stderr
    assert _snapshot(corpus) == before


def _foreign(tmp_path: Path) -> Path:
    d = tmp_path / "notes"
    d.mkdir()
    (d / "todo.txt").write_text("mine", encoding="utf-8")
    return d


def _file(tmp_path: Path) -> Path:
    f = tmp_path / "report.pdf"
    f.write_bytes(b"%PDF")
    return f


def _fifo(tmp_path: Path) -> Path:
    f = tmp_path / "pipe"
    os.mkfifo(f)
    return f


def _link(tmp_path: Path) -> Path:
    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / "link").symlink_to(target)
    return tmp_path / "link"


def _parent_of_corpus(tmp_path: Path) -> Path:
    return tmp_path


def _corpus(tmp_path: Path) -> Path:
    return tmp_path / "corpus"


def _kg_data(tmp_path: Path) -> Path:
    return ROOT / "data"


@pytest.mark.parametrize("make, words", [
    (_corpus, "documents being built"),
    (_parent_of_corpus, "documents being built"),
    (_foreign, "did not make (todo.txt)"),
    (_file, "not a folder"),
    (_fifo, "not a folder"),
    (_link, "symbolic link"),
    (_kg_data, "kg's own data"),
    (lambda p: Path("."), "current folder"),  # work/
    (lambda p: p.parent, "current folder"),  # holds the current folder (work/)
    (lambda p: Path("/"), "root"),
])
def test_unsafe_out_is_refused_and_left_alone(tmp_path, monkeypatch, make, words):
    area = tmp_path / "area"
    corpus = area / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    out = make(area)
    before = _snapshot(tmp_path) if out != Path("/") and out != ROOT / "data" else None
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-html"])
    assert r.exit_code == EXIT_UNSAFE_OUTPUT, (r.output, r.exception)
    assert words in r.output and len(r.output.strip().splitlines()) == 1
    if before is not None:
        assert _snapshot(tmp_path) == before


def test_the_writer_itself_refuses_the_corpus(tiny):
    folder, result = tiny
    with pytest.raises(UnsafeOutputError):
        pipeline.write(result, folder)
    assert (folder / "a.txt").read_text(encoding="utf-8") == TEXT


def test_a_build_folder_is_marked_and_replaced_by_the_next_build(tiny, tmp_path):
    _, result = tiny
    out = tmp_path / "build"
    pipeline.write(result, out)
    assert (out / outdir.MARKER).read_text(encoding="utf-8") == outdir.marker_text()
    first = _snapshot(out)
    pipeline.write(result, out)
    assert _snapshot(out) == first  # replaced, byte-identical


def test_an_empty_folder_and_an_earlier_kg_build_are_replaced(tiny, tmp_path):
    _, result = tiny
    empty = tmp_path / "empty"
    empty.mkdir()
    pipeline.write(result, empty)
    assert (empty / "graph.trig").is_file()
    legacy = tmp_path / "legacy"  # what kg wrote before the marker existed
    legacy.mkdir()
    for name in ("graph.trig", "graph.ttl", "summary.json", "graph.html"):
        (legacy / name).write_text("old", encoding="utf-8")
    pipeline.write(result, legacy)
    assert (legacy / outdir.MARKER).is_file() and (legacy / "graph.trig").read_text(encoding="utf-8") != "old"


def test_an_earlier_build_holding_a_file_of_the_user_is_refused(tiny, tmp_path):
    _, result = tiny
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    (legacy / "graph.trig").write_text("old", encoding="utf-8")
    (legacy / "my-notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(UnsafeOutputError, match="my-notes.md"):
        pipeline.write(result, legacy)
    assert (legacy / "my-notes.md").read_text(encoding="utf-8") == "mine"


def test_the_output_folder_has_ordinary_permissions(tiny, tmp_path):
    _, result = tiny
    out = tmp_path / "build"
    pipeline.write(result, out)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask


def test_stale_temp_folders_of_dead_processes_are_removed(tiny, tmp_path):
    _, result = tiny
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    stale = tmp_path / f".kg-build-{pid}-0badcafe"
    stale.mkdir()
    (stale / "graph.trig").write_text("half", encoding="utf-8")
    half_swapped = tmp_path / f".build.old-{pid}"
    half_swapped.mkdir()
    (half_swapped / outdir.MARKER).write_text(outdir.marker_text(), encoding="utf-8")
    live = tmp_path / f".kg-build-{os.getppid()}-0badcafe"  # a build running right now
    live.mkdir()
    mine = tmp_path / ".kg-build-notes"  # not kg's name pattern
    mine.mkdir()
    pipeline.write(result, tmp_path / "build")
    assert not stale.exists() and not half_swapped.exists()
    assert live.exists() and mine.exists()
    assert (tmp_path / "build" / "graph.trig").is_file()
