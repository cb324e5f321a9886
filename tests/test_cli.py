"""The command line through its real entry point: exit codes and messages."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def kg(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_build_writes_outputs_and_prints_a_summary(tmp_path):
    r = kg("build", "--no-html", "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert "documents: 2" in r.stdout and "facts by relation:" in r.stdout
    assert (tmp_path / "out" / "graph.trig").stat().st_size > 0


@pytest.mark.parametrize("content, code, words", [
    (b"", 3, "empty"),
    (b"\x00\x01\x02binary", 3, "binary"),
    ("营收".encode("gb18030"), 3, "UTF-8"),
])
def test_bad_input_is_one_line_with_a_distinct_exit_code(tmp_path, content, code, words):
    doc = tmp_path / "doc.txt"
    doc.write_bytes(content)
    r = kg("build", "--no-html", str(doc), "--out", str(tmp_path / "out"))
    assert r.returncode == code
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and str(doc) in lines[0]
    assert not (tmp_path / "out").exists()


def test_missing_path(tmp_path):
    r = kg("build", str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert r.returncode == 3 and "no such file" in r.stderr


def test_broken_ontology_exit_code(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    for sub in ("data", "queries"):
        (home / sub).symlink_to(ROOT / sub)
    (home / "ontology").mkdir()
    (home / "ontology" / "kg.ttl").write_text("@prefix kg: <x#> . kg:a kg:b", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), KG_HOME=str(home))
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--no-html", "--out", str(tmp_path / "o")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 5 and "not valid Turtle" in r.stderr and len(r.stderr.strip().splitlines()) == 1


_HEAVY = ("rdflib", "jieba", "pyshacl", "networkx", "numpy", "scipy", "IPython", "pyvis", "owlready2", "cn2an",
          "yaml", "starlette", "uvicorn", "kg.serve", "kg.pipeline", "kg.extract")


def _modules_after(*args) -> set[str]:
    """The modules loaded by ``kg ARGS`` run in a new process (through the real entry point)."""
    code = ("import runpy, sys\n"
            f"sys.argv = ['kg', *{list(args)!r}]\n"
            "try:\n    runpy.run_module('kg.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print('\\n'.join(sys.modules), file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return set(r.stderr.split())


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in _HEAVY))


def test_the_cli_module_imports_no_heavy_library():
    """kg's start-up: the CLI builds its options without the server, the pipeline or rdflib."""
    assert _heavy(_modules_after("--help")) == []


def test_kg_query_on_a_build_needs_pyoxigraph_and_little_else(seed_dir):
    """A query on a built store loads no rdflib (SERVICE is looked for only when the word is
    there), no jieba and no server."""
    modules = _modules_after("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--build", str(seed_dir),
                             "--format", "csv")
    assert "pyoxigraph" in modules
    assert _heavy(modules) == []
    assert "click" not in modules and "kg.cli_query" in modules  # answered before click is loaded


@pytest.mark.parametrize("args", [["--help"], ["01", "--help"], ["01", "--nope"], ["01", "--timeout", "0"],
                                  ["01", "--max-memory", "8"], ["01", "-f", "yaml"], ["01", "02"], ["01", "--build"],
                                  ["--list=yes"]])
def test_kg_query_leaves_help_and_mistakes_to_click(args):
    from kg import cli_query

    assert cli_query.parse(args) is None
    assert "click" in _modules_after("query", *args)


def test_kg_query_quick_start_reads_what_click_reads(seed_dir):
    from click.testing import CliRunner

    from kg import cli_query
    from kg.cli import query_command

    args = ["-p", "company=Xiaomi", "--build", str(seed_dir), "--timeout=5", "--max-memory", "64",
            "--allow-service", "http://a.example/sparql", "--format", "json", "01"]
    seen = {}
    runner = CliRunner()
    original = cli_query.run
    try:
        cli_query.run = lambda **kw: seen.update(kw)
        assert runner.invoke(query_command, args).exit_code == 0
    finally:
        cli_query.run = original
    del seen["echo"]
    quick = cli_query.parse(args)
    assert {k: (list(v) if isinstance(v, tuple) else v) for k, v in seen.items()} == quick
    assert quick["timeout"] == 5.0 and quick["build_dir"] == seed_dir


def test_a_seed_build_loads_no_library_it_does_not_need(tmp_path):
    """The cold start: the shapes are checked without pyshacl, the HTML view is laid out without
    scipy or networkx, and the seeds' numerals are read without cn2an."""
    modules = _modules_after("build", "--out", str(tmp_path / "out"), "--no-cache")
    assert "kg.shacl" in modules and "kg.render" in modules  # the check and the view did run
    assert [m for m in modules if m.split(".")[0] in ("pyshacl", "scipy", "networkx", "cn2an")] == []
