"""Shared fixtures: the seed corpus is built once per test session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# the cache of parsed knowledge files (kg/cache.py) of the tests, not the user's
# an extraction rule that raises fails its test (a build outside the tests records it and goes on)
os.environ.setdefault("KG_STRICT_EXTRACT", "1")
os.environ.setdefault("KG_CACHE_DIR", os.path.join(__import__("tempfile").gettempdir(), f"kg-test-cache-{os.getuid()}"))


@pytest.fixture(scope="session")
def seed_build():
    """BuildResult of data/corpus/ (in memory)."""
    from kg import pipeline

    return pipeline.build([])


@pytest.fixture(scope="session")
def seed_dir(seed_build, tmp_path_factory) -> Path:
    """A build folder of the seed corpus written by the real writer (graph.trig, graph.ttl, ...)."""
    from kg import pipeline

    out = tmp_path_factory.mktemp("seed") / "build"
    pipeline.write(seed_build, out)
    return out


@pytest.fixture(scope="session")
def seed_graph(seed_dir):
    """The merged seed graph (build/graph.ttl) as an rdflib Graph."""
    import rdflib

    g = rdflib.Graph()
    g.parse(seed_dir / "graph.ttl", format="turtle")
    return g


def chromium_path() -> str | None:
    return shutil.which("chromium") or (os.path.exists("/usr/bin/chromium") and "/usr/bin/chromium") or None
