"""Regenerate the expected answers of the query library (tests/expected/queries/*.tsv).

    python -m tests.regen_expected               # build data/corpus/ afresh, rewrite every file
    python -m tests.regen_expected 05 10         # only these queries (names or numbers)
    python -m tests.regen_expected --build build # use an existing build instead of building

Each file is the query's answer with its default parameters on the seed corpus, in
the W3C TSV results format with rows sorted (``kg.query.canonical``). Regenerating
is not blessing: read ``git diff tests/expected/queries`` and check every changed row
against the texts in data/corpus/ before committing. A row that is wrong because the
extraction is wrong is reported, not committed.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

EXPECTED_DIR = Path(__file__).resolve().parent / "expected" / "queries"


def expected_path(name: str) -> Path:
    return EXPECTED_DIR / f"{name}.tsv"


def main(argv: list[str] | None = None) -> int:
    from kg import pipeline
    from kg import query as q

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="queries to regenerate (default: all)")
    parser.add_argument("--build", type=Path, help="an existing build folder (default: build the seed corpus now)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        build_dir = args.build
        if build_dir is None:
            build_dir = Path(tmp) / "build"
            pipeline.write(pipeline.build([]), build_dir)
        target = q.open_local(build_dir)
        specs = [q.find_query(n) for n in args.names] if args.names else q.library()
        EXPECTED_DIR.mkdir(parents=True, exist_ok=True)
        for spec in specs:
            result = q.run_query(spec, target)
            path = expected_path(spec.name)
            old = path.read_text(encoding="utf-8") if path.exists() else None
            new = q.canonical(result)
            path.write_text(new, encoding="utf-8")
            state = "new" if old is None else ("changed" if old != new else "same")
            print(f"{state:8} {path.relative_to(EXPECTED_DIR.parent.parent.parent)}  ({len(result)} rows)")
    print("Now read the changed files and check each row against data/corpus/ before committing.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
