"""Build speed: seed corpus and a ~5 MB replicated corpus, side by side with jieba alone.

Prints, in one run: wall time of the build (extraction + graph + writing), text throughput,
and the ratio of the build to jieba segmentation (`jieba.lcut`) over the same Chinese text.

    python bench/bench_build.py [--mb 5]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def replicate(target: Path, mb: float) -> int:
    """Copy the seed documents under distinct ids until about ``mb`` MB of text; returns bytes."""
    import yaml

    corpus = ROOT / "data" / "corpus"
    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))
    entries, total, n = [], 0, 0
    target.mkdir(parents=True)
    while total < mb * 1_000_000:
        for e in manifest["documents"]:
            text = (corpus / e["file"]).read_text(encoding="utf-8")
            new = dict(e, id=f"{e['id']}-{n:04d}", file=f"{n:04d}-{e['file']}")
            if new.get("reports_on"):
                new["reports_on"] = [f"{r}-{n:04d}" for r in e["reports_on"]]
            (target / new["file"]).write_text(text, encoding="utf-8")
            entries.append(new)
            total += len(text.encode("utf-8"))
        n += 1
    (target / "manifest.yaml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True), encoding="utf-8")
    return total


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def build_and_write(path: Path | None, out: Path):
    from kg import pipeline

    result = pipeline.build([path] if path else [])
    pipeline.write(result, out)
    return result


_JIEBA = """
import json, sys, time
from pathlib import Path
import jieba
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
zh = [t for t in texts if sum("\\u4e00" <= c <= "\\u9fff" for c in t[:500]) > 50]
jieba.lcut("预热")  # dictionary load is not segmentation
best = None
for _ in range(3):
    t = time.perf_counter()
    for text in zh:
        jieba.lcut(text)
    best = min(best or 1e9, time.perf_counter() - t)
print(json.dumps([best, sum(len(t.encode("utf-8")) for t in zh)]))
"""


def jieba_time(folder: Path) -> tuple[float, int]:
    """Bare jieba (its own dictionary, in a fresh process: kg adds its lexicon's words to jieba's
    tokenizer, which changes its speed) over the Chinese documents; best of three."""
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _JIEBA, str(folder)], capture_output=True, text=True, check=True)
    t, n = json.loads(out.stdout.strip().splitlines()[-1])
    return t, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        seed_bytes = sum(p.stat().st_size for p in (ROOT / "data" / "corpus").glob("*.txt"))
        cold, _ = timed(lambda: build_and_write(None, tmp / "seed-cold"))
        warm, result = timed(lambda: build_and_write(None, tmp / "seed"))
        big = tmp / "big"
        big_bytes = replicate(big, args.mb)
        t_big, big_result = timed(lambda: build_and_write(big, tmp / "big-out"))
        t_seg_seed, zh_seed = jieba_time(ROOT / "data" / "corpus")
        t_seg_big, zh_big = jieba_time(big)
        from kg import pipeline
        from kg.corpus import read_corpus

        docs = read_corpus([big])
        t_extract, _ = timed(lambda: pipeline.extract_documents(docs))
        zh_docs = [d for d in docs if d.lang == "zh"]
        t_extract_zh, _ = timed(lambda: pipeline.extract_documents(zh_docs))
        print(f"{'corpus':<10}{'bytes':>12}{'build s':>10}{'MB/s':>8}{'extract s':>11}{'jieba s':>9}{'build/jieba':>13}{'extract/jieba':>15}")
        print(f"{'seed':<10}{seed_bytes:>12}{warm:>10.3f}{seed_bytes / warm / 1e6:>8.2f}{'':>11}{t_seg_seed:>9.3f}{warm / t_seg_seed:>13.1f}{'':>15}")
        label = f"{args.mb:g}MB"
        print(f"{label:<10}{big_bytes:>12}{t_big:>10.2f}{big_bytes / t_big / 1e6:>8.2f}{t_extract:>11.2f}{t_seg_big:>9.2f}"
              f"{t_big / t_seg_big:>13.2f}{t_extract / t_seg_big:>15.2f}")
        print(f"extraction of the Chinese documents alone: {t_extract_zh:.2f} s = {t_extract_zh / t_seg_big:.2f} x jieba "
              f"over the same text (target: at most 3x)")
        print(f"seed build, first in this process (loads lexicon, ontology): {cold:.3f} s; again: {warm:.3f} s")
        print(f"jieba is timed on the Chinese documents only ({zh_big} of {big_bytes} bytes); the build covers all documents")
        print(f"facts: seed {result.output.stats['facts']}, {label} {big_result.output.stats['facts']}; "
              f"quads written: seed {len(result.output.quads)}, {label} {len(big_result.output.quads)}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
