"""The shape of kg's YAML files, checked entry by entry: the document manifest, the lexicon and
``data/places.yaml``, ``data/contexts.yaml``, ``data/patterns.yaml``, ``data/lang/<code>.yaml``
and ``data/noise.yaml``. Every key has a rule for its value, from how the stage that reads it uses
it, so a wrong type is refused when the file is read, not met as a traceback mid-extraction.

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


# --- rules for the values of the knowledge files (patterns, language files, noise, places)

_SUB = "\x1f"  # a rule's problem that starts with _SUB<key>_SUB is about a key inside the value


def _inside(key, bad):
    return (f"{_SUB}{key}{_SUB}{bad[0]}", bad[1])


def _describe(key, problem: str) -> str:
    """'qualified.metric' 'Foo' is ...: the dotted path of a problem found inside a value."""
    key = str(key)
    while problem.startswith(_SUB):
        sub, problem = problem[1:].split(_SUB, 1)
        key += f".{sub}"
    return f"'{key}' {problem}"


def flag(v):
    if not isinstance(v, bool):
        return f"should be true or false, got {v!r}", "Write true or false"


def text1(v):
    if not isinstance(v, str) or not v.strip():
        return f"should be a non-empty text, got {v!r}", "Write the text, quoted if it holds ':' or '#'"


def word_list(v):
    if not isinstance(v, list):
        hint = f" (a single '{v}' is written [{v}])" if isinstance(v, str) else ""
        return f"should be a list of words, got {v!r}", f"Write it as [word, ...]{hint}"
    for bad in v:
        if isinstance(bad, str) and bad.strip():
            continue
        why = " (YAML reads bare yes/no/on/off/true as booleans and 1 as a number)" if isinstance(bad, (bool, int, float)) else ""
        return f"holds {bad!r}, not a non-empty word{why}", "Quote it, e.g. 'no', or remove it"


def regex(v):
    if not isinstance(v, str) or not v:
        return f"should be a regular expression (text), got {v!r}", "Write it quoted, e.g. '\\s*(?:word|other)'"
    try:
        re.compile(v)
    except re.error as exc:
        return f"{v!r} is not a valid regular expression ({exc})", "Fix the expression (Python re syntax; quote it with '...')"


def count(v):
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        return f"{v!r} is not a whole number of 0 or more", "Write e.g. 3"


def number(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
        return f"{v!r} is not a number of 0 or more", "Write e.g. 1000"


def factor(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v <= 1:
        return f"{v!r} should be a factor in (0, 1]", "Write e.g. 0.8"


def id_list(v):
    if not isinstance(v, list):
        return f"should be a list of ids, got {v!r}", "Write it as [some-id, ...]"
    for x in v:
        bad = slug(x)
        if bad:
            return bad


def list_of(rule: Rule, example: str) -> Rule:
    def check_list(v):
        if not isinstance(v, list):
            return f"should be a list, got {v!r}", f"Write it as {example}"
        for n, x in enumerate(v):
            bad = rule(x)
            if bad:
                return _inside(n, bad)
    return check_list


def mapping_of(key_rule: Rule, value_rule: Rule, example: str) -> Rule:
    """A mapping whose keys pass ``key_rule`` and whose values pass ``value_rule``."""
    def check_mapping(v):
        if not isinstance(v, dict):
            return f"should be a mapping, got {v!r}", f"Write it as {example}"
        for k, x in v.items():
            bad = key_rule(k)
            if bad:
                return f"has the key {k!r}: {bad[0]}", bad[1]
            bad = value_rule(x)
            if bad:
                return _inside(k, bad)
    return check_mapping


def by_language(rule: Rule, example: str) -> Rule:
    """{zh: ..., en: ...}: one value per language."""
    return mapping_of(one_of(*LANGUAGES), rule, example)


words = by_language(word_list, "{zh: [word, ...], en: [word, ...]}")
regexes = by_language(regex, "{zh: '...', en: '...'}")
counts = by_language(count, "{zh: 2, en: 4}")


def fields(spec: dict[str, "Key"], example: str) -> Rule:
    """A small mapping with known keys (an unknown one is refused like a top-level key)."""
    def check_fields(v):
        if not isinstance(v, dict):
            return f"should be a mapping, got {v!r}", f"Write it as {example}"
        for k in v:
            if k not in spec:
                return f"has an unknown key {k!r}", _suggest(k, spec) + " Remove or rename it"
        for k, key in spec.items():
            if k not in v:
                if key.required:
                    return f"lacks the required key '{k}'", f"Write it as {example}"
            else:
                bad = key.rule(v[k])
                if bad:
                    return _inside(k, bad)
    return check_fields


def _vocab():
    from .iris import vocab

    return vocab()


def ontology_class(v):
    if not isinstance(v, str) or v not in _vocab().classes:
        return f"{v!r} is not a class of ontology/kg.ttl", "Use a class declared there (e.g. Organisation, Product)"


def ontology_term(v):
    if not isinstance(v, str) or v not in _vocab().terms:
        return f"{v!r} is not declared in ontology/kg.ttl", "Use a property or kg:Metric individual declared there"


def classes(*words_allowed: str) -> Rule:
    """A list of ontology classes (or one of ``words_allowed``, e.g. 'market')."""
    listed = list_of(ontology_class, "[ClassName, ...]")

    def check_classes(v):
        if isinstance(v, str) and v in words_allowed:
            return None
        bad = listed(v)
        if bad and not isinstance(v, list):
            extra = f" or {' or '.join(repr(w) for w in words_allowed)}" if words_allowed else ""
            return f"should be a list of ontology classes{extra}, got {v!r}", "Write it as [ClassName, ...]"
        return bad
    return check_classes


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
    "aliases": Key(words), "context_aliases": Key(anything),  # context aliases: checked by the lexicon loader
    "wikidata": Key(text),  # Q-id, checked by the lexicon loader
}
CONTEXT_ALIAS = {"alias": Key(text, required=True), "context": Key(text_list, required=True), "lang": Key(one_of(*LANGUAGES))}

CONTEXTS = {"min_cues": Key(positive_int), "contexts": Key(mapping, required=True)}
CONTEXT = {"cues": Key(text_list, required=True)}

# The keys of each pattern group of data/patterns.yaml (see the comments at its top) and the
# form of their values, as the extractors (kg/extract/*.py) read them
_UNITS = list_of(lambda v: None if isinstance(v, str) else (f"{v!r} is not a unit name", "Write e.g. CNY, Percent or '' (a bare number)"),
                 "[CNY, USD, '']")
_WORDS_BY_RANK = by_language(mapping_of(positive_int, lambda v: word_list(v) or (None if v else ("is an empty list", "Write at least one word")),
                                        "{1: [largest, ...], 2: [...]}"), "{zh: {1: [...]}, en: {1: [...]}}")
_COMMON = {"id": Key(slug, required=True), "confidence": Key(number01), "property": Key(ontology_term)}
_SUBJECT = {"subject": Key(classes()), "default_subject": Key(one_of("organisation"))}
PATTERN_GROUPS: dict[str, dict[str, Key]] = {
    "relations": {
        **_COMMON, **_SUBJECT, "property": Key(ontology_term, required=True), "triggers": Key(triggers, required=True),
        "subject": Key(classes(), required=True), "object": Key(classes(), required=True),
        "subject_not": Key(classes()), "object_not": Key(classes()), "object_not_ids": Key(id_list),
        "objects": Key(one_of("all", "nearest")), "subjects": Key(one_of("all")), "object_side": Key(one_of("any", "after", "before", "adopters", "copula", "held", "pair", "parties")),
        "undated": Key(number01),  # the factor of an event told with no time
        "object_preference": Key(one_of("ordered")), "period": Key(one_of("event", "carry")), "new_names": Key(one_of("typed")),
        "qualifiers": Key(list_of(one_of("period", "count", "price", "reported_by"), "[period, count]")),
        "not_after": Key(regexes), "not_before": Key(regexes), "not_between": Key(regexes),
        "object_then_not": Key(regexes), "object_gap_not": Key(regexes),
        **{k: Key(words) for k in "agent_verbs asset_nouns brand_nouns context_before list_nouns buyers cancel_words deal_back joint_words pair_alone pair_verbs parties_words completion_words deal_nouns market_sale_verbs nominal not_doer_before plan_words object_after object_marker passive price_words sellers".split()},
        **{k: Key(flag) for k in ("adjacent_objects business_units doer_names find_objects find_subjects holds_since joint_reading maker_in_name model_names modifies_next needs_marker no_future once past_only "
                                  "object_as_market same_clause shown_now site_names subject_same_clause suffix_names swap_roles timeline_lists").split()},
    },
    "modifiers": {**_COMMON, "property": Key(ontology_term, required=True), "head": Key(classes(), required=True),
                  "modifier": Key(classes(), required=True), "after_words": Key(words), "max_gap": Key(counts)},
    "representatives": {**_COMMON, "property": Key(ontology_term, required=True), "triggers": Key(triggers, required=True),
                        "representative": Key(classes()), "represented": Key(classes())},
    "series": {**_COMMON, "property": Key(ontology_term, required=True), "member": Key(classes()), "series": Key(classes()),
               "list_verbs": Key(words), "series_words": Key(words)},
    "quantities": {
        **_COMMON, **_SUBJECT, "triggers": Key(triggers, required=True), "metric": Key(ontology_term, required=True),
        "subject": Key(classes("market")), "subject_classes": Key(classes()), "units": Key(_UNITS),
        "growth": Key(fields({"yoy": Key(ontology_term), "qoq": Key(ontology_term)}, "{yoy: RevenueGrowthYoY, qoq: RevenueGrowthQoQ}")),
        "qualified": Key(fields({"metric": Key(ontology_term, required=True), "id": Key(slug), "words": Key(words, required=True)},
                                "{metric: AdjustedNetProfit, id: adjusted-net-profit, words: {zh: [...], en: [...]}}")),
        "share": Key(anything),  # checked by the loader (kg/extract/patterns.py)
        "period": Key(one_of("flow", "as_of", "stock", "event")), "scope": Key(one_of("place", "located")),
        "category": Key(one_of(True, False, "sentence")), "kind_nouns": Key(words), "min_value": Key(number),
        **{k: Key(words) for k in "context lower_bound market_words negative not_nouns nouns per_lot per_share not_after not_doer value_after_words not_followed_by".split()},
        **{k: Key(flag) for k in "growth_only level segments threshold context_paragraph value_right_after markets_only subject_after subject_last declared".split()},
    },
    "positions": {
        **_COMMON, **_SUBJECT, "max_rank": Key(positive_int), "superlatives": Key(_WORDS_BY_RANK),
        **{k: Key(words) for k in ("context generic_players kind_gap kind_nouns market_nouns not_before overtake player_nouns "
                                   "respectively list_ends second_to value_words value_names verbs sales_superlatives product_nouns measure_words rank_nouns joint_words "
                                   "placed_nouns placing_verbs holder_nouns goal_words topic_openers home_words brand_nouns client_markers").split()},
    },
    "goals": {**_COMMON, **_SUBJECT, "subject": Key(classes(), required=True), "triggers": Key(triggers, required=True),
              "achieved": Key(words), "set": Key(words), "annual": Key(words), "rank_only": Key(flag), "superlatives": Key(words), "this_year": Key(words),
              "share_words": Key(words), "share_after": Key(words)},
    "nominal": {
        "confidence": Key(number01), "property": Key(ontology_term, required=True),
        "compounds": Key(anything),  # checked by the loader (kg/extract/patterns.py)
        "named": Key(classes()), "named_list": Key(word_list), "new_names": Key(one_of("typed")),
        "not_after": Key(regexes), "nouns": Key(words), "owner_is": Key(one_of("subject", "object")), "text_owner": Key(flag),
        "list_verbs": Key(words), "list_nouns": Key(words), "name_ends": Key(words), "name_stops": Key(words),
        "joint_nouns": Key(words), "defers": Key(flag), "formed": Key(words), "products_as": Key(ontology_term),
        "parent_named": Key(fields({"not_tails": Key(words), "not_classes": Key(classes())},
                                   "{not_tails: {zh: [...], en: [...]}, not_classes: [ClassName, ...]}")),
        "unit_names": Key(by_language(fields({k: Key(word_list) for k in ("nouns", "own", "keep_owner")},
                                             "{nouns: [...], own: [...], keep_owner: [...]}"), "{zh: {nouns: [...]}}")),
    },
}

# the top of data/patterns.yaml, and its single-frame sections
_SECTION_COMMON = {"confidence": Key(number01)}
SECTIONS: dict[str, dict[str, Key]] = {
    "growth": {**_SECTION_COMMON, **{k: Key(words) for k in "compound down qoq words yoy".split()},
               "prior": Key(fields({"before": Key(words), "year_ago": Key(words), "year_before": Key(words)},
                                 "{before: {zh: [...]}, year_ago: {en: [...]}, year_before: {en: [...]}}"))},
    "roles": {**_SECTION_COMMON, "titles": Key(list_of(mapping, "[{property: chairOf, zh: [...], en: [...]}, ...]")),
              "boards": Key(fields({"ids": Key(id_list)}, "{ids: [board-of-directors]}")),
              **{k: Key(words) for k in "acting appointers copulas fillers former joiners joining name_linkers of_words origin_words person_nouns person_pronouns start_words then under_words unit_words as_words".split()}},
    "founding": {**_SECTION_COMMON, "triggers": Key(triggers), "agent": Key(words), "describers": Key(words), "not_after": Key(regexes),
                 "founder_nouns": Key(words), "list_verbs": Key(words)},
    "listing": {**_SECTION_COMMON, "triggers": Key(triggers), "not_after": Key(words), "plan_words": Key(words), "state_words": Key(words), "share_nouns": Key(words), "share_triggers": Key(words), "respectively": Key(words),
                "place_exchanges": Key(mapping_of(slug, slug, "{hong-kong: hkex, ...}"))},
    "headquarters": {**_SECTION_COMMON, "triggers": Key(triggers), "head_words": Key(words)},
}
ROLE_TITLE = {"property": Key(ontology_term, required=True), "reverse": Key(flag), "zh": Key(word_list), "en": Key(word_list),
              "patterns": Key(regexes), "verbs": Key(words)}
PATTERN_TOP = {"candidate_threshold": Key(number01), "reported_by": Key(words),
               **{k: Key(list_of(mapping, "- id: ... entries")) for k in PATTERN_GROUPS},
               **{k: Key(mapping) for k in SECTIONS}}

# the keys of data/lang/<code>.yaml (see the comments in the files) and the form of their values,
# as kg/lang and the stages read them
LANG = {
    "pronouns": Key(mapping_of(one_of("organisation", "organisation_opening", "speaker"), word_list,
                               "{organisation: [we, ...], speaker: [I, ...]}"), required=True),
    "class_nouns": Key(mapping_of(ontology_class, word_list, "{Company: [company, ...], Product: [...]}")),
    "ordinals": Key(mapping_of(text1, positive_int, "{first: 1, second: 2}")),
    "kind_modifier_names": Key(mapping_of(text1, text1, "{消费级: consumer}")),
    "rank_exact": Key(regex, required=True), "rank_top": Key(regex, required=True),
    "number_hint": Key(regex), "time_hint": Key(regex), "translation_marks": Key(regex),
    "clause_separators": Key(text1, required=True), "transliteration_chars": Key(text1), "home_country": Key(slug),
    **{k: Key(word_list) for k in ("after_name_cues as_of breakdown_words change_words company_kinds company_nouns company_suffixes company_verbs speech_words ticker_words conjunctions dateline_leads dateline_words domestic facility_nouns "
                                   "dated_noun_verbs first_person interviewer_labels speaker_heads answer_labels interview_leads forecast former_latter full_year_words future generic_name_words kind_modifiers legal_forms market_kind_tails milestone name_lead_words name_suffixes research_words "
                                   "name_variant_words not_doer_before not_names not_part_words of_which place_tails org_kind_nouns part_words respectively results_words sequence_words site_kind_nouns site_verbs surnames surnames_japanese "
                                   "not_forecast target_words this_year today whole_words world year_end_words level_words").split()},
}
LANG_KEYS = list(LANG)

# data/noise.yaml (kg/sources.py) and the top of the lexicon and data/places.yaml (kg/lexicon.py)
NOISE_SIGNS = ("repeated_word", "unexplained_number", "unit_clash")
NOISE = {
    "min_confidence": Key(number01),
    "signs": Key(mapping_of(one_of(*NOISE_SIGNS), factor, "{repeated_word: 0.75}"), required=True),
    "languages": Key(by_language(lambda v: None if v is None else fields(
        {"repeated_word": Key(fields({"window": Key(count, required=True), "ignore": Key(word_list), "connectives": Key(word_list)},
                                     "{window: 4, connectives: [and, ...], ignore: [...]}")),
         "run_words": Key(word_list), "change_links": Key(word_list)},
        "{repeated_word: {window: 4, ...}}")(v), "{en: {repeated_word: {...}}, zh: {}}")),
    "bare_number_units": Key(_UNITS),
    "run_units": Key(_UNITS),
}
ENTITY_FILE = {"version": Key(positive_int), "entities": Key(list_of(mapping, "- id: ... entries"), required=True)}


def check_lang(data: dict, path: Path) -> None:
    """The keys of a language file and the form of their values (a misspelt key would silently
    switch a word list off; a number among the words would fail deep in a stage)."""
    check(data, LANG, path, "")


def check_noise(data: Any, path: Path) -> None:
    """The keys of ``data/noise.yaml`` and the form of their values."""
    check(data, NOISE, path, "")


def check_entity_file(data: Any, path: Path) -> None:
    """The top of the lexicon and of ``data/places.yaml``: ``version`` and ``entities``."""
    check(data, ENTITY_FILE, path, "")


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
    ``where``: the entry ("" for the top of the file); ``anchor``: text that finds the entry's
    lines in the file (e.g. its file name)."""
    at = f"{where}: " if where else ""
    if not isinstance(entry, dict):
        raise data_error(path, f"{at}expected a mapping of keys, got {_short(entry)}", "See the header of the file for the format",
                         line_of(path, *anchor) if anchor else None)
    for key in entry:
        if key not in schema:
            raise data_error(path, f"{at}unknown key '{key}'", _suggest(key, schema) + " Remove or rename it",
                             line_of(path, *anchor, f"{key}:") or (line_of(path, *anchor) if anchor else None))
    for key, spec in schema.items():
        if key not in entry:
            if spec.required:
                raise data_error(path, f"{at}missing required key '{key}'", f"Add '{key}:' to that entry",
                                 line_of(path, *anchor) if anchor else None)
            continue
        bad = spec.rule(entry[key])
        if bad:
            raise data_error(path, f"{at}{_describe(key, bad[0])}", bad[1],
                             line_of(path, *anchor, f"{key}:") or (line_of(path, *anchor) if anchor else None))
    return entry


def _short(v: Any, limit: int = 120) -> str:
    text = repr(v)
    return text if len(text) <= limit else text[:limit] + "..."


def check_patterns(data: dict, path: Path) -> None:
    """Every key of ``data/patterns.yaml`` and the form of its value: words, regular expressions,
    numbers, flags, choices, ids, and ontology classes, properties and metrics."""
    for key in data:
        if key not in PATTERN_TOP:
            raise data_error(path, f"unknown section '{key}'", _suggest(key, PATTERN_TOP) + " Remove or rename it",
                             line_of(path, f"{key}:"))
    # an empty section (``relations:`` with nothing under it) is no patterns, as the loader reads it
    check({k: v for k, v in data.items() if v is not None}, PATTERN_TOP, path, "")
    for group, schema in PATTERN_GROUPS.items():
        for n, pat in enumerate(data.get(group) or [], 1):
            pid = pat.get("id") if isinstance(pat.get("id"), str) else f"#{n}"
            check(pat, schema, path, f"{group} '{pid}'", (f"{group}:", f"id: {pid}") if isinstance(pat.get("id"), str) else (f"{group}:",))
    for section, schema in SECTIONS.items():
        spec = data.get(section)
        if spec is None:
            continue
        check(spec, schema, path, section, (f"{section}:",))
        if section == "roles":
            for n, title in enumerate(spec.get("titles") or [], 1):
                prop = title.get("property")
                check(title, ROLE_TITLE, path, f"roles title #{n}",
                      ("roles:", "titles:") + ((f"property: {prop}",) if isinstance(prop, str) else ()))


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
