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


def test_exit_code_table_matches_kg_errors():
    table = dict(re.findall(r"^\| (\d) \| (.+?) \|$", README, re.M))
    codes = {v for k, v in vars(errors).items() if k.startswith("EXIT_")}
    assert {int(k) for k in table} == codes


def test_two_setup_commands_are_there():
    assert "pip install -e . && kg build" in README
    assert "pip install -e '.[test]' && python -m pytest" in README
    assert "pip install -e '.[test]' && python -m pytest" in (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
