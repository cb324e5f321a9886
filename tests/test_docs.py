"""The README stays true: its commands exist and its exit codes are the ones kg uses."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from kg import errors
from kg.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_documented_command_exists():
    documented = set(re.findall(r"`kg ([a-z]+)[ `]", README))
    assert documented >= {"build", "query", "serve", "render", "analyse", "path", "check", "sources"}
    assert documented <= set(main.commands), documented - set(main.commands)
    for name in documented:
        assert CliRunner().invoke(main, [name, "--help"]).exit_code == 0


def _exit_code_section() -> str:
    start = README.index("### Exit codes\n")
    end = README.index("\n#", start + 4)
    return README[start:end]


# what each code's row must speak of; a new EXIT_ constant fails here until it is documented
EXIT_CODE_WORDS = {
    "EXIT_OK": ["success"],
    "EXIT_VIOLATIONS": ["violations"],
    "EXIT_USAGE": ["bad invocation", "invalid SPARQL", "not a kg graph"],
    "EXIT_INPUT": ["document", "UTF-8"],
    "EXIT_DATA": ["data file", "manifest", "unknown key"],
    "EXIT_ONTOLOGY": ["ontology"],
    "EXIT_OUTPUT": ["output cannot be written", "no build"],
    "EXIT_SERVER": ["server"],
    "EXIT_LIMIT": ["time or memory limit"],
    "EXIT_UNSAFE_OUTPUT": ["--out", "kg did not make", "refused"],
}


def test_exit_code_table_matches_kg_errors():
    rows = re.findall(r"^\| (\d+) \| (.+?) \|$", _exit_code_section(), re.M)
    table = {int(code): meaning for code, meaning in rows}
    assert len(table) == len(rows), "a code is listed twice"
    constants = {k: v for k, v in vars(errors).items() if k.startswith("EXIT_")}
    assert set(table) == set(constants.values()), "the README's table and kg/errors.py list different codes"
    assert set(EXIT_CODE_WORDS) == set(constants), "document the new exit code in the README and list its words here"
    for name, code in constants.items():
        for word in EXIT_CODE_WORDS[name]:
            assert word in table[code], (name, code, word)
    # every exception kg raises maps to a documented code
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.KgError)]
    documented = set(table) | {int(c) for c in re.findall(r"exit code (\d+)", _exit_code_section())}  # Ctrl-C: 130
    assert all(c.exit_code in documented for c in classes), [c for c in classes if c.exit_code not in documented]


def test_two_setup_commands_are_there():
    assert "pip install -e . && kg build" in README
    assert "pip install -e '.[test]' && python -m pytest" in README
    assert "pip install -e '.[test]' && python -m pytest" in (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()


def _block_after(marker: str) -> list[str]:
    """The lines of the console block that follows ``marker`` in the README (without the command line)."""
    start = README.index(marker)
    body = README[README.index("```console\n", start) + len("```console\n"):]
    return body[:body.index("```")].splitlines()[1:]


def test_the_build_output_shown_is_what_kg_build_prints(tmp_path):
    shown = [line for line in _block_after("## What `kg build` does") if not line.startswith(("wrote ", "check: "))]
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "build"), "--no-html"])
    assert result.exit_code == 0, result.output
    printed = [line for line in result.output.splitlines() if not line.startswith(("wrote ", "check: "))]
    assert printed == shown


def test_the_seed_scores_shown_are_what_kg_eval_prints():
    shown = _block_after("<!-- seeds-score -->")
    result = CliRunner().invoke(main, ["eval", "data/eval/seeds", "--docs", "data/corpus", "--summary"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == shown[:3]
