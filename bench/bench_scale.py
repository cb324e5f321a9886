"""Scale: single documents and many-document corpora of growing size, built by `kg build` as a
new process each time, with time, MB/s, peak memory and the growth ratios; parallel and
incremental builds; the cold start beside `python -c pass` and a bare jieba initialise.

    python bench/bench_scale.py                       # 1 and 5 MB (a few minutes)
    python bench/bench_scale.py --single 1,5,20,50 --corpus 1,5,20,100 --jobs 1,2
    python bench/bench_scale.py --only cold

Documents are made from the seeds and the dev documents (data/eval/dev/docs; never the test
split): a single Chinese document is their Chinese texts one after another up to the size; a
corpus is copies of all of them under distinct names. Builds run with --no-html; "check" is the
build's check (fast rules + shapes), timed as the difference between a build with and without it
where asked (--check). Peak memory is the largest resident set of the build process and of the
worker processes it waited for (os.wait4), not their sum.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
KG = [sys.executable, "-m", "kg.cli"]


def sources(lang: str | None) -> list[str]:
    seeds = sorted((DATA / "corpus").glob("*.txt"))
    dev = sorted((DATA / "eval" / "dev" / "docs").glob("*.txt"))
    texts = []
    for p in seeds + dev:
        text = p.read_text(encoding="utf-8").strip()
        if lang is None or _lang(text) == lang:
            texts.append(text)
    return texts


def _lang(text: str) -> str:
    cjk = sum(1 for ch in text[:2000] if "\u4e00" <= ch <= "\u9fff")
    return "zh" if cjk > 200 else "en"


def single(folder: Path, mb: float, lang: str = "zh") -> Path:
    texts, parts, n, i = sources(lang), [], 0, 0
    while n < mb * 1e6:
        t = texts[i % len(texts)] + "\n\n"
        parts.append(t)
        n += len(t.encode("utf-8"))
        i += 1
    folder.mkdir(parents=True)
    path = folder / f"single-{mb:g}mb.txt"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def many(folder: Path, mb: float) -> Path:
    texts, n, i = sources(None), 0, 0
    folder.mkdir(parents=True)
    while n < mb * 1e6:
        t = texts[i % len(texts)]
        (folder / f"d{i:06d}.txt").write_text(t + "\n", encoding="utf-8")
        n += len(t.encode("utf-8")) + 1
        i += 1
    return folder


CPU = {}  # the last run's CPU seconds (user + system, the process and the workers it waited for)


def run(args: list[str], env=None) -> tuple[float, float, int]:
    """(wall seconds, peak resident MB, exit code) of one command run as a new process; its CPU
    seconds go to ``CPU['last']`` (on a shared machine CPU time varies less than wall time)."""
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    CPU["last"] = usage.ru_utime + usage.ru_stime
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode:
        print(f"    ! exit {proc.returncode}: {err.strip().splitlines()[-1] if err.strip() else ''}")
    return wall, usage.ru_maxrss / 1024, proc.returncode


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else list(path.glob("*.txt"))
    return sum(f.stat().st_size for f in files) / 1e6


def build(path: Path, out: Path, *opts) -> tuple[float, float, int]:
    return run(KG + ["build", str(path), "--out", str(out), "--no-html", *opts])


def row(label: str, mb: float, wall: float, peak: float) -> str:
    cpu = CPU.get("last", 0.0)
    return (f"  {label:<34} {mb:7.2f} MB {wall:8.1f} s {mb / wall:7.3f} MB/s {wall / mb:7.2f} s/MB  "
            f"cpu {cpu:7.1f} s {cpu / mb:6.2f} s/MB  peak {peak:7.0f} MB")


def scale(kind: str, sizes: list[float], tmp: Path, opts: list[str]) -> None:
    print(f"\n{kind} ({' '.join(opts) or 'defaults'}, --no-html)")
    results = []
    for mb in sizes:
        src = single(tmp / f"s{mb:g}", mb) if kind == "single document" else many(tmp / f"c{mb:g}", mb)
        real = size_mb(src)
        wall, peak, code = build(src, tmp / f"out-{kind[0]}{mb:g}", *opts)
        print(row(f"{mb:g} MB", real, wall, peak), flush=True)
        if not code:
            results.append((real, wall, peak, CPU["last"]))
        shutil.rmtree(tmp / f"out-{kind[0]}{mb:g}", ignore_errors=True)
    if len(results) > 1:
        (m0, w0, p0, c0) = results[0]
        for m, w, p, c in results[1:]:
            print(f"  growth {m0:.0f} -> {m:.0f} MB: time/MB x{(w / m) / (w0 / m0):.2f}, "
                  f"cpu/MB x{(c / m) / (c0 / m0):.2f}, peak x{p / p0:.2f}")


def jobs_and_cache(mb: float, jobs: list[int], tmp: Path, opts: list[str]) -> None:
    print(f"\n{mb:g} MB corpus: --jobs and the extraction cache ({' '.join(opts) or 'with check'}, --no-html)")
    src = many(tmp / f"jc{mb:g}", mb)
    real = size_mb(src)
    walls = {}
    for j in jobs:
        wall, peak, _ = build(src, tmp / f"jout{j}", "--jobs", str(j), "--no-cache", *opts)
        walls[j] = wall
        print(row(f"--jobs {j}, cold", real, wall, peak), flush=True)
    if len(walls) > 1:
        a, b = min(walls), max(walls)
        print(f"  --jobs {b} is x{walls[a] / walls[b]:.2f} the speed of --jobs {a}")
    j = max(jobs)
    out = tmp / "jcache"
    cold, peak, _ = build(src, out, "--jobs", str(j), *opts)
    cold_cpu = CPU["last"]
    print(row(f"--jobs {j}, cold, filling the cache", real, cold, peak))
    one = sorted(src.glob("*.txt"))[len(list(src.glob("*.txt"))) // 2]
    one.write_text(one.read_text(encoding="utf-8") + "\n小米公司成立于2010年。\n", encoding="utf-8")
    warm, peak, _ = build(src, out, "--jobs", str(j), *opts)
    print(row(f"--jobs {j}, warm after one edit", real, warm, peak))
    print(f"  warm rebuild / cold build: {warm / cold:.1%} of the wall time, {CPU['last'] / cold_cpu:.1%} of the CPU time")


def best(args, n=3, env=None) -> float:
    return best_cpu(args, n, env)[0]


def best_cpu(args, n=3, env=None) -> tuple[float, float]:
    """(least wall seconds, least CPU seconds) of ``n`` runs, each a new process."""
    walls, cpus = [], []
    for _ in range(n):
        walls.append(run(args, env)[0])
        cpus.append(CPU["last"])
    return min(walls), min(cpus)


def best_in_turns(commands: list, n: int = 10, env=None) -> list[tuple[float, float]]:
    """``best_cpu`` of each command, the commands run in turns (a, b, a, b, ...)."""
    runs: list = [([], []) for _ in commands]
    for _ in range(n):
        for (walls, cpus), args in zip(runs, commands):
            walls.append(run(args, env)[0])
            cpus.append(CPU["last"])
    return [(min(walls), min(cpus)) for walls, cpus in runs]


def cold(tmp: Path) -> None:
    """The cold start: new processes, with kg as installed -- its modules' bytecode kept (in a
    folder of the bench, not the source tree) and its own cache warm (a folder of the bench,
    filled by a first build, which other processes' builds cannot evict) -- plus one row with
    no bytecode kept for kg's modules (PYTHONDONTWRITEBYTECODE=1, as in a fresh checkout run so)."""
    env = dict(os.environ, KG_CACHE_DIR=str(tmp / "kg-cache"), PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    no_pyc = dict(env, PYTHONDONTWRITEBYTECODE="1")
    no_pyc.pop("PYTHONPYCACHEPREFIX")
    print("\ncold start (min of 3, each a new process; wall and CPU seconds)")
    run(KG + ["build", "--out", str(tmp / "warm-up")], env)  # fills kg's cache and the bytecode
    py = best_cpu([sys.executable, "-c", "pass"], env=env)
    jb = best_cpu([sys.executable, "-c", "import logging, jieba; jieba.setLogLevel(logging.WARNING); jieba.initialize()"],
                  env=env)
    seed = best_cpu(KG + ["build", "--out", str(tmp / "seed"), "--no-cache"], env=env)
    seed_nohtml = best_cpu(KG + ["build", "--out", str(tmp / "seed2"), "--no-html", "--no-cache"], env=env)
    seed_no_pyc = best_cpu(KG + ["build", "--out", str(tmp / "seed4"), "--no-cache"], env=no_pyc)
    run(KG + ["build", "--out", str(tmp / "seed3")], env)  # fills the extraction cache
    seed_cached = best_cpu(KG + ["build", "--out", str(tmp / "seed3")], env=env)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    script = ("import pyoxigraph as ox, sys; s = ox.Store(); "
              f"s.load(path={str(tmp / 'seed' / 'graph.trig')!r}, format=ox.RdfFormat.TRIG); "
              f"print(list(s.query({query!r})))")
    # taken in turns, so a change of the machine's load falls on both
    kq, bare = best_in_turns([KG + ["query", query, "--build", str(tmp / "seed"), "--format", "csv"],
                              [sys.executable, "-c", script]], n=10, env=env)
    t = lambda x: f"{x[0]:6.3f} s  cpu {x[1]:5.3f} s"  # noqa: E731
    print(f"  python -c pass                      {t(py)}")
    print(f"  jieba initialise                    {t(jb)}")
    print(f"  kg build --no-cache (HTML + check)  {t(seed)}   x{seed[0] / py[0]:.0f} python, x{seed[0] / jb[0]:.1f} jieba")
    print(f"  kg build --no-html (seeds)          {t(seed_nohtml)}")
    print(f"  kg build, extraction cache warm     {t(seed_cached)}")
    print(f"  kg build --no-cache, no bytecode    {t(seed_no_pyc)}   (kg's modules compiled at each start)")
    print(f"  kg query (count, csv; min of 10)    {t(kq)}   x{kq[0] / bare[0]:.2f} a bare pyoxigraph script "
          f"({bare[0]:.3f} s, cpu {bare[1]:.3f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--single", default="1,5", help="sizes in MB of single documents (default 1,5)")
    ap.add_argument("--corpus", default="1,5", help="sizes in MB of many-document corpora (default 1,5)")
    ap.add_argument("--jobs", default="1,2", help="--jobs values compared on the --cache-mb corpus")
    ap.add_argument("--cache-mb", type=float, default=5, help="corpus size for --jobs and the cache (default 5)")
    ap.add_argument("--check", action="store_true", help="include the build's check (default: --no-check)")
    ap.add_argument("--only", choices=["single", "corpus", "jobs", "cold"], help="run one part only")
    a = ap.parse_args()
    opts = [] if a.check else ["--no-check"]
    sizes = lambda s: [float(x) for x in s.split(",") if x]  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="kg-bench-scale-") as d:
        tmp = Path(d)
        if a.only in (None, "cold"):
            cold(tmp)
        if a.only in (None, "single"):
            scale("single document", sizes(a.single), tmp, opts)
        if a.only in (None, "corpus"):
            scale("many documents", sizes(a.corpus), tmp, opts)
        if a.only in (None, "jobs"):
            jobs_and_cache(a.cache_mb, [int(x) for x in a.jobs.split(",")], tmp, opts)


if __name__ == "__main__":
    main()
