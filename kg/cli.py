"""The command line: the only module that talks to the user.

Library code raises ``KgError``s; here they become a one-line message on stderr and
the error's exit code (see README, "Exit codes").
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import EXIT_USAGE, KgError


class KgGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"kg: error: {exc.message}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=KgGroup)
@click.version_option(package_name="kg")
def main():
    """kg: build a bilingual knowledge graph from documents and explore it."""


def progress_bar(items, label: str = "extracting"):
    """A progress bar on stderr for long builds (more than a few documents or ~1 MB)."""
    items = list(items)
    size = sum(len(getattr(d, "text", "")) for d in items)
    if len(items) < 20 and size < 1_000_000:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=label, unit="doc", file=sys.stderr, disable=None)


def format_summary(stats: dict) -> str:
    lines = [
        f"documents: {stats['documents']}   sentences: {stats['sentences']}   "
        f"entities: {stats['entities']}   facts: {stats['facts']}   evidence: {stats['evidence']}",
        "entities by class: " + ", ".join(f"{k} {v}" for k, v in stats["entities_by_class"].items()),
        "facts by relation: " + ", ".join(f"{k} {v}" for k, v in stats["facts_by_relation"].items()),
        f"facts with evidence in both languages: {stats['facts_with_evidence_in_both_languages']}",
    ]
    for key in ("corroborated", "single_source", "conflicts", "aligned_sentences"):
        if key in stats:
            lines.append(f"{key.replace('_', ' ')}: {stats[key]}")
    return "\n".join(lines)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="build", show_default=True, type=click.Path(path_type=Path),
              help="Output folder (replaced atomically when the build succeeds).")
@click.option("--no-html", is_flag=True, help="Do not write the HTML view.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) when the graph has validation violations.")
def build(paths, out_dir, no_html, strict):
    """Build the knowledge graph of PATHS (files or folders; default data/corpus/)."""
    from . import pipeline

    result = pipeline.build(list(paths), progress=progress_bar)
    writers = []
    if not no_html:
        writers.extend(_html_writers())
    pipeline.write(result, out_dir, writers)
    click.echo(format_summary(result.output.stats))
    click.echo(f"wrote {out_dir}/graph.trig, {out_dir}/graph.ttl, {out_dir}/summary.json"
               + (f", {out_dir}/graph.html" if writers else ""))
    _ = strict


def _html_writers():
    """Extra outputs written into the build folder (the HTML view, once it exists)."""
    try:
        from .render import write_html  # noqa: F401
    except ImportError:
        return []
    return [write_html]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
