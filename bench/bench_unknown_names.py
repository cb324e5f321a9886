"""How much does extraction lean on the lexicon knowing the company a text is about?

Copies the dev documents (and gold) of a few companies twice into a temporary folder: once as
they are, once with every name the lexicon gives the company (labels, aliases, context aliases,
in both languages) replaced by an invented name no list knows, in the text and in the gold alike.
Then scores both copies with `kg eval` and prints them side by side. A user's documents are often
about companies the lexicon lacks; the renamed copy is how kg does on them.

    python bench/bench_unknown_names.py
    python bench/bench_unknown_names.py --keep /tmp/unknown   # keep the copies to look at

Word-for-word translations (kind `mt`) render names word for word and are left out: renaming
their company says nothing about a text that names a company kg does not know.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "data" / "eval" / "dev"
# lexicon id -> (invented English name, invented Chinese name): names no list knows
INVENTED = {"xpeng": ("Zentrova", "泽创汽车"), "transsion": ("Lumiqon", "朗启控股"), "kuaishou": ("Vydra", "维拉科技"),
            "smic": ("Quantel Semiconductor", "宽泰半导体"), "dji": ("Aerivo", "艾维航"), "hisense": ("Norvale", "诺华莱"),
            "iflytek": ("Sonaris", "声睿科技"), "zte": ("Telvano", "泰万通讯")}
_HAN = re.compile(r"[\u4e00-\u9fff]")


def names_of(entry: dict) -> list[str]:
    """Every name the lexicon gives an entity, longest first."""
    aliases = entry.get("aliases") or {}
    names = [entry.get("en"), entry.get("zh")] + list(aliases.get("en", [])) + list(aliases.get("zh", []))
    names += [c["alias"] for c in entry.get("context_aliases", [])]
    return sorted({n for n in names if n}, key=len, reverse=True)


def rename(text: str, names: list[str], en: str, zh: str) -> str:
    for name in names:
        if _HAN.search(name):
            text = text.replace(name, zh)
        else:
            text = re.sub(r"(?<![A-Za-z])" + re.escape(name) + r"(?![A-Za-z])", en, text, flags=re.IGNORECASE)
    return text


def copy(out: Path, renamed: bool) -> int:
    lexicon = yaml.safe_load((ROOT / "data" / "lexicon.yaml").read_text(encoding="utf-8"))
    entries = {e["id"]: e for section in lexicon.values() if isinstance(section, list)
               for e in section if isinstance(e, dict) and "id" in e}
    (out / "docs").mkdir(parents=True)
    (out / "gold").mkdir()
    n = 0
    for eid, (en, zh) in INVENTED.items():
        names = names_of(entries[eid])
        for doc in sorted((DEV / "docs").glob(f"{eid}-*.txt")):
            if "-mt-" in doc.name:
                continue
            gold = DEV / "gold" / (doc.stem + ".yaml")
            text, facts = doc.read_text(encoding="utf-8"), gold.read_text(encoding="utf-8")
            if renamed:
                text = rename(text, names, en, zh)
                facts = "\n".join(line if line.startswith("document:") else rename(line, names, en, zh)
                                  for line in facts.split("\n"))
            (out / "docs" / doc.name).write_text(text, encoding="utf-8")
            (out / "gold" / gold.name).write_text(facts, encoding="utf-8")
            n += 1
    return n


def score(folder: Path) -> list[str]:
    run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(folder), "--summary"], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return run.stdout.splitlines()[:3]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", type=Path, help="write the two copies here (a new folder) instead of a temporary one")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        n = copy(base / "known", False)
        copy(base / "renamed", True)
        print(f"{n} dev documents of {len(INVENTED)} companies (word-for-word translations left out)")
        for label in ("known", "renamed"):
            print(f"-- company names {'as written' if label == 'known' else 'replaced by names no list knows'}")
            print("\n".join(score(base / label)))


if __name__ == "__main__":
    main()
