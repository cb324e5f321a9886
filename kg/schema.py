"""The shape of kg's YAML files, checked entry by entry: the document manifest, the lexicon,
``data/contexts.yaml`` and ``data/patterns.yaml``.

Each schema is one table (key -> rule, with whether it is required). An unknown key is an
error that suggests the known key it most resembles (``dtae`` -> ``date``); a wrong type names
the key, the expected form and the value received; every message names the file and, where it
can be found, the line. Hand-written rather than jsonschema or pydantic: the rules are few, and
the messages must say where and how to fix in kg's one-line form.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .errors import DataFileError, data_error

# The documented id rule of data/lexicon.yaml (and of the manifest's speaker/organisation/home_country)
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A document id becomes part of IRIs and file names of reports: letters, digits, '_', '.', '-'
DOC_ID = re.compile(r"[^\W][\w.-]*")
LANGUAGES = ("zh", "en")

# A rule: value -> None when fine, else (problem, fix)
Rule = Callable[[Any], "tuple[str, str] | None"]


@dataclass(frozen=True)
class Key:
    rule: Rule
    required: bool = False


def text(v):
    if not isinstance(v, str):
        return f"should be text, got {v!r}", "Quote the value"


def date(v):
    if not isinstance(v, dt.date):
        return f"{v!r} is not a date", "Write it as YYYY-MM-DD (an existing day)"


def one_of(*choices) -> Rule:
    def rule(v):
        if v not in choices:
            what = "is not supported" if choices == LANGUAGES else "is not one of " + ", ".join(map(str, choices))
            return f"{v!r} {what}", f"Use {' or '.join(repr(c) for c in choices)}"
    return rule


def slug(v):
    if not isinstance(v, str) or not SLUG.fullmatch(v):
        return (f"{v!r} breaks the id rule (lowercase ASCII letters and digits joined by single hyphens)",
                "Write it like 'xiaomi' or 'lei-jun'")


def doc_id(v):
    if not isinstance(v, str) or not DOC_ID.fullmatch(v):
        return (f"{v!r} may hold only letters, digits, '_', '.' and '-' (no spaces, <, > or quotes)",
                "Write it like 'xiaomi-results-2018'")


def text_list(v):
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        hint = f" (a single '{v}' is written [{v}])" if isinstance(v, str) else ""
        return f"should be a list of non-empty texts, got {v!r}", f"Write it as [a, b]{hint}"


def text_or_list(v):
    if isinstance(v, str):
        return None
    return text_list(v)


def number01(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
        return f"{v!r} is not a number from 0 to 1", "Write e.g. 0.8"


def positive_int(v):
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        return f"{v!r} is not a whole number of 1 or more", "Write e.g. 3"


def mapping(v):
    if not isinstance(v, dict):
        return f"should be a mapping, got {v!r}", "Write it as key: value lines, indented under it"


def triggers(v):
    if not isinstance(v, dict):
        return f"should map a language to a list of words, got {v!r}", "Write triggers: {zh: [...], en: [...]}"
    for lang, words in v.items():
        if lang not in LANGUAGES:
            return f"language {lang!r} is not supported", "Use zh or en"
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            bad = next((w for w in words if not (isinstance(w, str) and w.strip())), words) if isinstance(words, list) else words
            return (f"{lang} should be a list of non-empty words, got {bad!r} (an empty trigger matches everywhere)",
                    f"Remove it or write the word, e.g. {lang}: [word, ...]")


def anything(v):
    return None


MANIFEST = {
    "id": Key(doc_id, required=True),
    "file": Key(text, required=True),
    "language": Key(one_of(*LANGUAGES), required=True),
    "title": Key(text), "publisher": Key(text),
    "date": Key(date), "reference_date": Key(date),
    "kind": Key(one_of("speech", "news", "report")),
    "speaker": Key(slug), "organisation": Key(slug), "home_country": Key(slug),
    "currency": Key(text),
    "context": Key(text_or_list),
    "reports_on": Key(text_list),
}

LEXICON_ENTRY = {
    "id": Key(slug, required=True), "class": Key(text, required=True),
    "en": Key(text), "zh": Key(text),
    "aliases": Key(anything), "context_aliases": Key(anything),  # checked by the lexicon loader
    "wikidata": Key(text),  # Q-id, checked by the lexicon loader
}
CONTEXT_ALIAS = {"alias": Key(text, required=True), "context": Key(text_list, required=True), "lang": Key(one_of(*LANGUAGES))}

CONTEXTS = {"min_cues": Key(positive_int), "contexts": Key(mapping, required=True)}
CONTEXT = {"cues": Key(text_list, required=True)}

# keys of each pattern group in data/patterns.yaml (see the comments at its top); every
# 'confidence' must be a number from 0 to 1 and every 'triggers' a {zh: [...], en: [...]}
_RELATION_KEYS = ("adjacent_objects business_units buyers confidence default_subject find_objects id maker_in_name "
                  "no_future nominal not_after object object_as_market object_marker object_not object_preference "
                  "object_side objects passive period property qualifiers sellers subject subject_not triggers "
                  "object_not_ids same_clause not_before subject_same_clause needs_marker agent_verbs site_names find_subjects object_after price_words swap_roles")
PATTERN_GROUPS = {
    "relations": _RELATION_KEYS,
    "modifiers": "after_words confidence head id max_gap modifier property",
    "representatives": "confidence id property representative represented triggers",
    "series": "confidence id list_verbs member property series series_words",
    "quantities": ("category confidence context default_subject growth growth_only id lower_bound market_words metric "
                   "min_value negative not_nouns nouns period qualified scope segments share subject subject_classes threshold triggers units"),
    "positions": ("confidence context default_subject id market_nouns max_rank not_before overtake player_nouns "
                  "respectively second_to subject superlatives value_words verbs"),
    "goals": "achieved confidence default_subject id set subject triggers",
    "nominal": "compounds confidence list_verbs name_ends name_stops named named_list new_names not_after nouns owner_is property text_owner unit_names",
}
PATTERN_TOP = ("candidate_threshold relations modifiers representatives series quantities growth positions goals "
               "reported_by roles founding listing headquarters nominal").split()


# keys of the single-frame sections of data/patterns.yaml, and of a title entry of roles
SECTION_KEYS = {
    "growth": "confidence down prior qoq words yoy",
    "roles": "boards confidence copulas fillers former joiners name_linkers of_words start_words then titles",
    "founding": "agent confidence not_after triggers",
    "listing": "confidence not_after place_exchanges triggers",
    "headquarters": "confidence triggers",
}
ROLE_TITLE_KEYS = "en property reverse zh"
# keys of data/lang/<code>.yaml (see the comments in the files)
LANG_KEYS = ("after_name_cues as_of class_nouns clause_separators conjunctions domestic facility_nouns first_person forecast "
             "full_year_words future generic_name_words home_country name_lead_words name_suffixes name_variant_words "
             "not_doer_before not_names company_suffixes number_hint ordinals part_words pronouns rank_exact rank_top results_words "
             "surnames time_hint today transliteration_chars whole_words world").split()


def check_lang(data: dict, path: Path) -> None:
    """Unknown keys of a language file (a misspelt key would silently switch a word list off)."""
    for key in data:
        if key not in LANG_KEYS:
            raise data_error(path, f"unknown key '{key}'", _suggest(key, LANG_KEYS) + " Remove or rename it",
                             line_of(path, f"{key}:"))


def _suggest(key: str, known) -> str:
    close = difflib.get_close_matches(str(key), [str(k) for k in known], n=1, cutoff=0.6)
    return f"Did you mean '{close[0]}'?" if close else f"Known keys: {', '.join(sorted(map(str, known)))}."


def line_of(path: Path, *needles: str) -> int | None:
    """The line of the last of ``needles``, each searched from the line of the one before it."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    at = 0
    for needle in needles:
        for i in range(at, len(lines)):
            if needle in lines[i]:
                at = i
                break
        else:
            return None
    return at + 1 if needles else None


def check(entry: Any, schema: dict[str, Key], path: Path, where: str, anchor: tuple[str, ...] = ()) -> dict:
    """Check one mapping against ``schema``; raise a ``DataFileError`` naming file, line and entry.
    ``anchor``: text that finds the entry's lines in the file (e.g. its file name)."""
    if not isinstance(entry, dict):
        raise data_error(path, f"{where}: expected a mapping of keys, got {entry!r}", "See the header of the file for the format",
                         line_of(path, *anchor) if anchor else None)
    for key in entry:
        if key not in schema:
            raise data_error(path, f"{where}: unknown key '{key}'", _suggest(key, schema) + " Remove or rename it",
                             line_of(path, *anchor, f"{key}:") or (line_of(path, *anchor) if anchor else None))
    for key, spec in schema.items():
        if key not in entry:
            if spec.required:
                raise data_error(path, f"{where}: missing required key '{key}'", f"Add '{key}:' to that entry",
                                 line_of(path, *anchor) if anchor else None)
            continue
        bad = spec.rule(entry[key])
        if bad:
            raise data_error(path, f"{where}: '{key}' {bad[0]}", bad[1],
                             line_of(path, *anchor, f"{key}:") or (line_of(path, *anchor) if anchor else None))
    return entry


def check_patterns(data: dict, path: Path) -> None:
    """Unknown keys, confidences and triggers of ``data/patterns.yaml``."""
    for key in data:
        if key not in PATTERN_TOP:
            raise data_error(path, f"unknown section '{key}'", _suggest(key, PATTERN_TOP) + " Remove or rename it",
                             line_of(path, f"{key}:"))
    for group, keys in PATTERN_GROUPS.items():
        items = data.get(group) or []
        if not isinstance(items, list):
            continue  # the loader names it
        schema = {k: Key(anything) for k in keys.split()}
        schema.update(confidence=Key(number01), triggers=Key(triggers))
        for n, pat in enumerate(items, 1):
            pid = pat.get("id", f"#{n}") if isinstance(pat, dict) else f"#{n}"
            check(pat, schema, path, f"{group} '{pid}'", (f"id: {pid}",) if isinstance(pat, dict) and "id" in pat else ())
    for section in ("growth", "roles", "founding", "listing", "headquarters"):
        spec = data.get(section)
        if not isinstance(spec, dict):
            continue
        check(spec, {k: Key(anything) for k in SECTION_KEYS[section].split()}, path, section, (f"{section}:",))
        if section == "roles":
            for n, title in enumerate(spec.get("titles") or [], 1):
                check(title, {k: Key(anything) for k in ROLE_TITLE_KEYS.split()}, path, f"roles title #{n}")
        for key, rule in (("confidence", number01), ("triggers", triggers)):
            if key in spec and rule(spec[key]):
                bad = rule(spec[key])
                raise data_error(path, f"{section}: '{key}' {bad[0]}", bad[1], line_of(path, f"{section}:", f"{key}:"))


def yaml_value_error(path: Path, text: str, exc: Exception) -> DataFileError:
    """A YAML value the loader could not build (PyYAML raises a bare ValueError for 2018-13-45)."""
    for n, line in enumerate(text.splitlines(), 1):
        for m in re.finditer(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.-])", line.split("#")[0]):
            try:
                dt.date(*map(int, m.groups()))
            except ValueError as err:
                return data_error(path, f"'{m.group()}' is not a real date ({err})",
                                  "Write an existing day as YYYY-MM-DD, or quote the value to keep it as text", n)
    return data_error(path, f"a value cannot be read ({exc})", "Quote the value to keep it as text")
