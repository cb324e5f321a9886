"""`kg export`: every format parses back (with rdflib, an independent parser) to the built dataset."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import export as ex
from kg.cli import main
from kg.iris import ID_NS

RDFLIB_FORMAT = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld", "turtle": "turtle",
                 "ntriples": "nt", "rdfxml": "xml"}


def _rdflib_dataset(path: Path, fmt: str):
    import rdflib

    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    return ds


def _graphs(ds) -> dict:
    """graph name -> rdflib Graph, the default graph under None; empty graphs left out."""
    import rdflib

    out = {}
    for g in ds.graphs():
        name = None if g.identifier == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else str(g.identifier)
        if len(g):
            out[name] = g
    return out


def _assert_isomorphic(got, want, what: str):
    from rdflib.compare import graph_diff, isomorphic, to_isomorphic

    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail(f"{what}: {len(only_got)} triples only in the export, {len(only_want)} only in the build; "
                    f"e.g. {sorted(only_got)[:2]} / {sorted(only_want)[:2]}")


@pytest.fixture(scope="module")
def built(seed_dir):
    return _graphs(_rdflib_dataset(seed_dir / "graph.trig", "trig"))


@pytest.mark.parametrize("fmt", [f.name for f in ex.FORMATS])
def test_export_round_trips(fmt, seed_dir, built, tmp_path):
    out = tmp_path / f"graph.{ex.BY_NAME[fmt].extension}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--build", str(seed_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    back = _graphs(_rdflib_dataset(out, RDFLIB_FORMAT[fmt]))
    if ex.BY_NAME[fmt].quads:
        assert sorted(map(str, back)) == sorted(map(str, built))  # same graph names
        assert len(built) >= 3  # default, documents, candidates
        for name, graph in built.items():
            _assert_isomorphic(back[name], graph, f"{fmt}, graph {name}")
    else:
        assert list(back) == [None]
        _assert_isomorphic(back[None], built[None], f"{fmt}, default graph")
        assert "named graphs are left out" in result.stderr
    # pyoxigraph reads it back to exactly the same quads too
    import pyoxigraph as ox

    expected = set(ex.load_dataset(seed_dir / "graph.trig"))
    if not ex.BY_NAME[fmt].quads:
        expected = {q for q in expected if q.graph_name == ox.DefaultGraph()}
    assert set(ex.load_dataset(out)) == expected


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_export_one_named_graph(fmt, seed_dir, built):
    import rdflib

    result = CliRunner().invoke(main, ["export", "--format", fmt, "--build", str(seed_dir), "--graph", "candidates"])
    assert result.exit_code == 0, result.stderr
    g = rdflib.Graph().parse(data=result.stdout_bytes, format=RDFLIB_FORMAT[fmt])
    _assert_isomorphic(g, built[ID_NS + "graph/candidates"], "the candidates graph")


def test_export_graph_names(seed_dir):
    quads = ex.load_dataset(seed_dir / "graph.trig")
    doc = next(g for g in ex.graph_names(quads) if "/graph/doc/" in g)
    short = doc[len(ID_NS + "graph/"):]
    assert ex.resolve_graph(short, quads) == ex.resolve_graph("kgid:graph/" + short, quads) == \
        ex.resolve_graph(f"<{doc}>", quads) == doc
    assert ex.resolve_graph("default", quads) is None


def test_export_errors(seed_dir, tmp_path):
    unknown = CliRunner().invoke(main, ["export", "-f", "trig", "--build", str(seed_dir), "--graph", "nope"])
    assert unknown.exit_code == 2 and "kgid:graph/candidates" in unknown.stderr and "Traceback" not in unknown.output
    missing = CliRunner().invoke(main, ["export", "-f", "trig", "--build", str(tmp_path / "none")])
    assert missing.exit_code == 6 and "kg build" in missing.stderr
    bad = tmp_path / "bad.nq"
    bad.write_text("<a> <b> .\n")
    broken = CliRunner().invoke(main, ["export", "-f", "trig", "--input", str(bad)])
    assert broken.exit_code == 4 and str(bad) in broken.stderr


@pytest.mark.parametrize("fmt", ["nquads"])
def test_every_command_reads_an_exported_dataset(fmt, seed_dir, tmp_path):
    """render, analyse and path read N-Quads / JSON-LD as query and check do (they once refused all but TriG)."""
    data = tmp_path / f"graph.{ex.BY_NAME[fmt].extension}"
    assert CliRunner().invoke(main, ["export", "-f", fmt, "--build", str(seed_dir), "--out", str(data)]).exit_code == 0
    trig = seed_dir / "graph.trig"
    for args in (["path", "Xiaomi", "印度"], ["analyse", "--top", "3"]):
        extra = ["--out", str(tmp_path / "a.json")] if args[0] == "analyse" else []
        want = CliRunner().invoke(main, [*args, "--graph", str(trig), "--json", *extra])
        got = CliRunner().invoke(main, [*args, "--graph", str(data), "--json", *extra])
        assert got.exit_code == 0 == want.exit_code, got.output
        assert got.stdout == want.stdout and got.stdout.strip()
    want = CliRunner().invoke(main, ["render", "--graph", str(trig), "--out", str(tmp_path / "a.html")])
    got = CliRunner().invoke(main, ["render", "--graph", str(data), "--out", str(tmp_path / "b.html")])
    assert got.exit_code == 0, got.output
    assert got.stdout.replace("b.html", "a.html") == want.stdout and "entities" in got.stdout


@pytest.mark.parametrize("text", ["DESCRIBE <https://w3id.org/kg/id/xiaomi>", "DESCRIBE kgid:xiaomi",
                                  "PREFIX k: <https://w3id.org/kg/id/>\nDESCRIBE k:xiaomi"])
def test_describe_without_braces_is_a_query(text, seed_dir):
    import pyoxigraph as ox

    out = CliRunner().invoke(main, ["query", text, "--build", str(seed_dir), "--format", "nt"])
    assert out.exit_code == 0, out.stderr
    subjects = {t.subject.value for t in ox.parse(out.stdout_bytes, format=ox.RdfFormat.N_TRIPLES)}
    assert subjects == {ID_NS + "xiaomi"}


def test_text_that_is_no_query_is_still_refused(seed_dir):
    out = CliRunner().invoke(main, ["query", "no-such-query", "--build", str(seed_dir)])
    assert out.exit_code == 2 and "neither a query of the library" in out.stderr
