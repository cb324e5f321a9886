"""One family of exceptions, with the exit code the CLI maps each to.

Library code raises these; only ``kg.cli`` prints them. Every message says what
happened, where (file, line) and how to fix it.
"""
from __future__ import annotations

# Exit codes, documented in the README. Each means one thing.
EXIT_OK = 0
EXIT_VIOLATIONS = 1  # `kg check`: the graph does not conform
EXIT_USAGE = 2  # bad invocation, invalid SPARQL, or a check that could not run
EXIT_INPUT = 3  # a document is missing, empty, binary or not UTF-8
EXIT_DATA = 4  # a data file (manifest, lexicon, patterns) is malformed
EXIT_ONTOLOGY = 5  # the ontology cannot be loaded or lacks a term
EXIT_OUTPUT = 6  # the output cannot be written, or no build exists yet
EXIT_SERVER = 7  # the SPARQL endpoint or server failed
EXIT_LIMIT = 8  # a query was stopped at its time or memory limit
EXIT_UNSAFE_OUTPUT = 9  # `--out` names something kg did not make (a file, a foreign folder, the corpus): refused


class KgError(Exception):
    """Base of every error kg reports to the user."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str):
        # one line, even when it quotes input holding line breaks (a --param value, a file name)
        message = message.strip().translate(_ONE_LINE)
        super().__init__(message)
        self.message = message


_ONE_LINE = {ord("\n"): "\\n", ord("\r"): "\\r", 0x0b: "\\v", 0x0c: "\\f", 0x1c: "\\x1c", 0x1d: "\\x1d",
             0x1e: "\\x1e", 0x85: "\\x85", 0x2028: "\\u2028", 0x2029: "\\u2029"}


class InputError(KgError):
    exit_code = EXIT_INPUT


class DataFileError(KgError):
    exit_code = EXIT_DATA


class OntologyError(KgError):
    exit_code = EXIT_ONTOLOGY


class OutputError(KgError):
    exit_code = EXIT_OUTPUT


class UnsafeOutputError(KgError):
    """`kg build --out` names something kg may not replace; nothing was touched."""

    exit_code = EXIT_UNSAFE_OUTPUT


class QueryError(KgError):
    exit_code = EXIT_USAGE


class CheckError(KgError):
    """The check could not run (as opposed to finding violations)."""

    exit_code = EXIT_USAGE


class CheckViolations(KgError):
    """`kg build --strict`: the new graph does not conform, so the previous build is kept."""

    exit_code = EXIT_VIOLATIONS


class ServerError(KgError):
    exit_code = EXIT_SERVER


class QueryLimitError(KgError):
    """A query was stopped at a limit (time or memory)."""

    exit_code = EXIT_LIMIT


class QueryInterrupted(KgError):
    """Ctrl-C while a query ran; the query was stopped. 130 is the shell's code for SIGINT."""

    exit_code = 130


class StageError(KgError):
    """A pipeline stage broke its contract (a bug, not bad input)."""

    exit_code = EXIT_USAGE


def data_error(path, problem: str, fix: str, line: int | None = None) -> DataFileError:
    where = f"{path}:{line}" if line else f"{path}"
    return DataFileError(f"{where}: {problem}. {fix}")
