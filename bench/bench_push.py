"""kg push to an Oxigraph server vs writing the local files, side by side, in one run.

    python bench/bench_push.py                  # 10^6 synthetic triples
    python bench/bench_push.py --triples 200000
    python bench/bench_push.py --stores memory   # only the in-memory server

Needs the Oxigraph server binary (pip install oxigraph; in the 'bench' and 'test' extras).
The synthetic graph is bench_queries.synthetic (the kg layout), spread over a default graph
and 20 named graphs like a build's documents. Measured:
  local   what kg build spends writing the graph: TriG (graph.trig) and N-Quads via pyoxigraph
  push    kg.push.push into `oxigraph serve`, on-disk (RocksDB in a temporary folder) and/or
          in-memory, N-Triples bodies, default chunk of 200,000 triples per request; then a
          count over HTTP checks that every triple arrived
  push 2  the same push again (graphs replaced: the store's size must not change)
"""
from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv=None) -> int:
    import pyoxigraph as ox

    from bench_queries import synthetic
    from kg import push as pu
    from kg import query as q

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--stores", default="disk,memory", help="which servers: disk, memory or both (comma-separated)")
    args = parser.parse_args(argv)
    binary = Path(sys.executable).parent / "oxigraph"
    binary = str(binary) if binary.exists() else shutil.which("oxigraph")
    if not binary:
        print("needs the Oxigraph server: pip install oxigraph")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        nt = tmp / "synthetic.nt"
        synthetic(nt, args.triples)
        triples = list(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES))
        graphs = [ox.DefaultGraph()] + [ox.NamedNode(f"https://w3id.org/kg/id/graph/doc/{i:03d}") for i in range(20)]
        quads = [ox.Quad(t.subject, t.predicate, t.object, graphs[0] if i % 2 else graphs[1 + i % 20])
                 for i, t in enumerate(triples)]
        print(f"synthetic dataset: {len(quads)} quads in {len(graphs)} graphs")

        start = time.perf_counter()
        ox.serialize(quads, str(tmp / "graph.trig"), format=ox.RdfFormat.TRIG, prefixes=q.PREFIXES)
        ox.serialize(quads, str(tmp / "graph.nq"), format=ox.RdfFormat.N_QUADS)
        local = time.perf_counter() - start
        print(f"  local files (TriG + N-Quads): {local:6.2f} s")

        for store in args.stores.split(","):
            port = free_port()
            location = ["--location", str(tmp / "ox")] if store == "disk" else []
            proc = subprocess.Popen([binary, "serve", *location, "--bind", f"127.0.0.1:{port}"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                base = f"http://127.0.0.1:{port}"
                for _ in range(300):
                    try:
                        urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2).read()
                        break
                    except OSError:
                        time.sleep(0.1)
                counts = []
                for label in ("push", "push 2"):
                    report = pu.push(quads, base + "/store")
                    count = int(q.Endpoint(base + "/query").run(
                        "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }").rows[0][0].value)
                    counts.append(count)
                    print(f"  {label:6} to oxigraph serve ({store:6}): {report.seconds:6.2f} s ({report.requests} requests, "
                          f"{report.triples} triples; store holds {count})  = {report.seconds / local:.1f}x the local files")
                assert counts[0] == counts[1] == len(set(quads)), (counts, len(set(quads)))
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
