"""Where kg's knowledge files live, and the one function that loads each.

Python holds the mechanism; the files under ``data/``, ``ontology/`` and
``queries/`` hold the knowledge. ``KG_HOME`` overrides the project root.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import DataFileError, data_error


def project_root() -> Path:
    env = os.environ.get("KG_HOME")
    return Path(env).resolve() if env else Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return project_root() / "data"


def corpus_dir() -> Path:
    return data_dir() / "corpus"


def ontology_dir() -> Path:
    return project_root() / "ontology"


def ontology_path() -> Path:
    return ontology_dir() / "kg.ttl"


def queries_dir() -> Path:
    return project_root() / "queries"


def load_yaml(path: Path, cached: bool = False) -> object:
    """Parse a YAML data file; a syntax error names the file, line and column. ``cached``: take
    the parsed file from kg's cache when its content is unchanged (for kg's own knowledge files:
    unpickling is several times faster than even libyaml's loader)."""
    import yaml

    if cached:
        from . import cache

        return cache.memo(f"yaml-{path.stem}", [path], lambda: load_yaml(path), extra=f"yaml {yaml.__version__}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise data_error(path, "file not found", "Restore it from the repository (git checkout -- <file>).")
    except UnicodeDecodeError as exc:
        raise data_error(path, f"not valid UTF-8 ({exc.reason} at byte {exc.start})", "Save the file as UTF-8.")
    except OSError as exc:
        raise data_error(path, f"cannot read the file ({exc.strerror})", "Check that it is a readable file.")
    try:
        # libyaml's loader when the machine has it: ~8x faster on the lexicon and place files
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        col = f", column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataFileError(f"{path}:{line or '?'}{col}: invalid YAML: {problem}. Fix the syntax at that position.")
    except (ValueError, TypeError, OverflowError) as exc:  # a value PyYAML cannot build, e.g. the date 2018-13-45
        from .schema import yaml_value_error

        raise yaml_value_error(path, text, exc)


def require(mapping: object, key: str, path: Path, where: str, kind: type | tuple = object) -> object:
    """Fetch a required key from a YAML mapping, with a message that names file and entry."""
    if not isinstance(mapping, dict):
        raise data_error(path, f"{where}: expected a mapping, got {type(mapping).__name__}", "See the header of the file for the format")
    if key not in mapping:
        raise data_error(path, f"{where}: missing required key '{key}'", f"Add '{key}:' to that entry")
    value = mapping[key]
    if not isinstance(value, kind):
        expected = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise data_error(path, f"{where}: '{key}' should be {expected}, got {value!r}", f"Write '{key}' as {expected}")
    return value


def lexicon_path() -> Path:
    return data_dir() / "lexicon.yaml"


def places_path() -> Path:
    return data_dir() / "places.yaml"


def patterns_path() -> Path:
    return data_dir() / "patterns.yaml"


def language_path(lang: str) -> Path:
    return data_dir() / "lang" / f"{lang}.yaml"
