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

A second measurement leaves the texts as they are and takes the companies out of the lexicon instead:
for each of two groups of twelve dev companies (``GROUPS``), a copy of kg's data whose lexicon lacks
every entity specific to the group's documents -- the company itself and each person, product,
brand or other organisation whose names the group's documents write and no other dev document
does (places, exchanges, awards, lists and categories stay: they are general knowledge). All the
group's documents are scored, translations included, with the lexicon whole and without those
entries (``KG_HOME`` pointed at the copy).

    python bench/bench_unknown_names.py --only removed
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
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


def score(folder: Path, home: Path | None = None) -> list[str]:
    env = dict(os.environ, **({"KG_HOME": str(home)} if home else {}))
    run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(folder), "--summary"], cwd=ROOT,
                         capture_output=True, text=True, check=True, env=env)
    return run.stdout.splitlines()[:3]


# two groups of dev companies (file prefixes of data/eval/dev/docs) for the lexicon-removal measurement
GROUPS = {"A": "ecovacs gopro hikvision logitech luxshare roborock cambricon bilibili spotify oracle skhynix transsion",
          "B": "anker canon dji gree iflytek kuaishou leapmotor sensetime tripcom uber vodafone zte"}
# classes of general knowledge, kept in the lexicon
GENERAL = {"Country", "Region", "City", "StockExchange", "Award", "RankingList", "ProductCategory", "Event", "Museum",
           "Association"}


def _mentioned(name: str, texts: list[str]) -> bool:
    if _HAN.search(name):
        return any(name in t for t in texts)
    expr = re.compile(r"(?<![A-Za-z0-9])" + re.escape(name) + r"(?![A-Za-z0-9])", re.IGNORECASE)
    return any(expr.search(t) for t in texts)


def removed_home(out: Path, group: list[str]) -> list[str]:
    """A project root whose lexicon lacks the entities specific to ``group``'s dev documents; their ids."""
    docs = {p.name: p.read_text(encoding="utf-8") for p in (DEV / "docs").glob("*.txt")}
    mine = [t for n, t in docs.items() if n.split("-")[0] in group]
    rest = [t for n, t in docs.items() if n.split("-")[0] not in group]
    out.mkdir(parents=True)
    for folder in ("ontology", "queries"):
        os.symlink(ROOT / folder, out / folder)
    shutil.copytree(ROOT / "data", out / "data", ignore=shutil.ignore_patterns("eval", "corpus"))
    lexicon = yaml.safe_load((ROOT / "data" / "lexicon.yaml").read_text(encoding="utf-8"))
    kept, gone = [], []
    for entry in lexicon["entities"]:
        names = [n for n in names_of(entry) if len(n) >= 2]
        own = any(entry["id"] == c or entry["id"].startswith(c + "-") for c in group)
        if entry["class"] not in GENERAL and (own or any(_mentioned(n, mine) for n in names)
                                               and not any(_mentioned(n, rest) for n in names)):
            gone.append(entry["id"])
        else:
            kept.append(entry)
    lexicon["entities"] = kept
    (out / "data" / "lexicon.yaml").write_text(yaml.safe_dump(lexicon, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return gone


def link_group(out: Path, group: list[str]) -> int:
    (out / "docs").mkdir(parents=True)
    (out / "gold").mkdir()
    docs = sorted(p for p in (DEV / "docs").glob("*.txt") if p.name.split("-")[0] in group)
    for doc in docs:
        os.symlink(doc, out / "docs" / doc.name)
        os.symlink(DEV / "gold" / (doc.stem + ".yaml"), out / "gold" / (doc.stem + ".yaml"))
    return len(docs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", type=Path, help="write the copies here (a new folder) instead of a temporary one")
    ap.add_argument("--only", choices=("renamed", "removed"), help="run one of the two measurements")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        if args.only != "removed":
            n = copy(base / "known", False)
            copy(base / "renamed", True)
            print(f"{n} dev documents of {len(INVENTED)} companies (word-for-word translations left out)")
            for label in ("known", "renamed"):
                print(f"-- company names {'as written' if label == 'known' else 'replaced by names no list knows'}")
                print("\n".join(score(base / label)))
        if args.only != "renamed":
            for key, companies in GROUPS.items():
                group = companies.split()
                n = link_group(base / f"group-{key}", group)
                gone = removed_home(base / f"home-{key}", group)
                print(f"group {key}: {n} dev documents of {len(group)} companies; {len(gone)} lexicon entries removed")
                print("-- lexicon whole")
                print("\n".join(score(base / f"group-{key}")))
                print("-- lexicon without the group's entries")
                print("\n".join(score(base / f"group-{key}", base / f"home-{key}")))


if __name__ == "__main__":
    main()
