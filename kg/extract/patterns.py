"""The relation, quantity, rank and goal patterns of ``data/patterns.yaml``, read and checked."""
from __future__ import annotations

import _sre
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import resources, schema
from ..errors import data_error
from ..iris import vocab


@dataclass
class Patterns:
    path: Path
    relations: list[dict]
    modifiers: list[dict]
    representatives: list[dict]
    series: list[dict]
    quantities: list[dict]
    positions: list[dict]
    goals: list[dict]
    reported_by: dict
    roles: dict = field(default_factory=dict)
    corporate: dict = field(default_factory=dict)
    growth: dict = field(default_factory=dict)
    candidate_threshold: float = 0.0  # facts less sure than this are candidates, not asserted
    nominal: list = field(default_factory=list)
    _trigger_res: dict = field(default_factory=dict)
    _shorter: dict = field(default_factory=dict)
    _within: dict = field(default_factory=dict)

    def trigger_re(self, group: str, lang: str) -> tuple[re.Pattern | None, dict]:
        """One regex over the triggers of a pattern group; maps a trigger (folded) to its patterns."""
        key = (group, lang)
        if key not in self._trigger_res:
            owners: dict[str, list[dict]] = {}
            for pat in getattr(self, group):
                for word in (pat.get("triggers") or {}).get(lang, []):
                    owners.setdefault(word.lower(), []).append(pat)
            self._trigger_res[key] = (words_re(list(owners), lang), owners)
        return self._trigger_res[key]

    def shorter_triggers(self, group: str, lang: str, word: str) -> tuple[str, ...]:
        """The group's other triggers that ``word`` starts with ("acquired" for "acquired by"),
        longest first; worked out once per word, not by scanning every trigger at each hit."""
        cache = self._shorter.setdefault((group, lang), {})
        found = cache.get(word)
        if found is None:
            owners = self.trigger_re(group, lang)[1]
            # in English a trigger of several words ends where a word ends ("investors in" is not in "investors
            # including"); one word may be a stem ("unveil" in "unveiled")
            found = cache[word] = tuple(sorted((w for w in owners if w != word and word.startswith(w)
                                                and (lang != "en" or " " not in w or not (word[len(w)].isalnum() or word[len(w)] in "_-"))),
                                               key=len, reverse=True))
        return found


    def triggers_within(self, group: str, lang: str, word: str, where: str) -> tuple[str, ...]:
        """The group's other triggers that open ``word`` before a space ("developed" of "developed
        together with"; ``where="start"``) or end it (研发 of 联合研发; ``where="end"``), longest
        first; worked out once per word."""
        cache = self._within.setdefault((group, lang, where), {})
        found = cache.get(word)
        if found is None:
            owners = self.trigger_re(group, lang)[1]
            inside = (lambda w: word.startswith(w + " ")) if where == "start" else word.endswith
            found = cache[word] = tuple(sorted((w for w in owners if w != word and inside(w)), key=len, reverse=True))
        return found


def words_re(words, lang: str) -> re.Pattern | None:
    """One regex over ``words`` (longest first; for English, whole words), made once per list."""
    if not words:
        return None
    # asked a hundred thousand times per megabyte, mostly for the same few hundred lists of the data
    # files: found by the list itself before its words are made a tuple and hashed. The entry keeps
    # the list (so its id is not reused) and its length (a list the data files hold is not edited)
    known = _BY_LIST.get(id(words))
    if known is not None and known[0] is words and known[1] == lang and known[2] == len(words):
        return known[3]
    regex = _compiled_words(tuple(words), lang)
    if type(words) in (list, tuple):
        if len(_BY_LIST) >= _BY_LIST_MAX:
            _BY_LIST.clear()  # lists made at each call would otherwise pile up
        _BY_LIST[id(words)] = (words, lang, len(words), regex)
    return regex


_BY_LIST: dict = {}
_BY_LIST_MAX = 4096


@functools.lru_cache(maxsize=1024)
def _compiled_words(words: tuple, lang: str) -> re.Pattern | None:
    alts = _trie(words) if len(words) >= _TRIE_FROM else None
    if alts is None:
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if lang == "en":
        return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)
    return re.compile(alts, re.IGNORECASE)


_TRIE_FROM = 24  # words: a shorter list is tried quickly enough as it is, and the tree costs time to write


def _case_clash(cased: list[str]) -> bool:
    """Whether two of these letters match each other without regard to case (re's own test for
    letters other than ASCII ones: "ſ" matches "s", the Kelvin sign "k")."""
    if all(c.isascii() for c in cased):
        return len({c.lower() for c in cased}) < len(cased)
    return any(re.fullmatch(re.escape(a), b, re.IGNORECASE) for i, a in enumerate(cased) for b in cased[i + 1:])


def _trie(words) -> str | None:
    """The alternation of ``words``, longest first, written as a tree of their shared beginnings
    ("acquire(?:d(?: by)?|s)?"): the same matches as the flat list, found without trying each of
    a few hundred words at each position (re tries a case-insensitive list one word at a time).
    None when two words part at letters that match each other without regard to case (the tree
    would then not try the longer one first)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branches(node) -> str | None:
        keys = [k for k in node if k]
        if _case_clash([k for k in keys if _sre.unicode_iscased(ord(k))]):
            return None
        parts = []
        for k in keys:
            rest = branches(node[k])
            if rest is None:
                return None
            parts.append(re.escape(k) + rest)
        if not parts:
            return ""
        alt = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if "" not in node:
            return alt
        return ("(?:" + alt + ")?") if len(parts) == 1 and len(parts[0]) > 1 or len(parts) > 1 else alt + "?"

    return branches(root) if root else None


@functools.lru_cache(maxsize=4)
def load_patterns(path: Path | None = None) -> Patterns:
    """Read and check the pattern file against the ontology."""
    path = path or resources.patterns_path()
    data = resources.load_yaml(path, cached=True)
    if not isinstance(data, dict):
        raise data_error(path, "expected a mapping with 'relations', 'quantities', ...", "See the header of the file")
    schema.check_patterns(data, path)
    v = vocab()
    groups = {}
    for group in ("relations", "modifiers", "representatives", "series", "quantities", "positions", "goals"):
        items = data.get(group) or []
        if not isinstance(items, list):
            raise data_error(path, f"'{group}' should be a list", f"Write '{group}:' followed by '- id: ...' entries")
        ids = set()
        for n, pat in enumerate(items, 1):
            pid = resources.require(pat, "id", path, f"{group} #{n}", str)
            if pid in ids:
                raise data_error(path, f"{group}: duplicate pattern id '{pid}'", "Give each pattern a unique id")
            ids.add(pid)
            where = f"{group} '{pid}'"
            for key in ("property",):
                if key in pat and pat[key] not in v.terms:
                    raise data_error(path, f"{where}: property '{pat[key]}' is not in the ontology", "Use a property declared in ontology/kg.ttl")
            if group == "quantities":
                metric = resources.require(pat, "metric", path, where, str)
                for m in [metric] + list((pat.get("growth") or {}).values()):
                    if m not in v.terms:
                        raise data_error(path, f"{where}: metric '{m}' is not in the ontology", "Use a kg:Metric individual from ontology/kg.ttl")
            for key in ("subject", "object", "subject_not", "modifier", "head", "representative", "represented",
                        "series", "member"):
                classes = pat.get(key)
                if classes is None or classes == "market":
                    continue
                if not isinstance(classes, list):
                    raise data_error(path, f"{where}: '{key}' should be a list of classes", f"Write {key}: [ClassName, ...]")
                for cls in classes:
                    if cls not in v.classes:
                        raise data_error(path, f"{where}: '{cls}' in '{key}' is not an ontology class", "Use a class declared in ontology/kg.ttl")
            if group in ("relations", "quantities", "goals", "representatives"):
                resources.require(pat, "triggers", path, where, dict)
            if "share" in pat:  # the metric's share of revenue: {metric, before: {lang: [...]}, after: {lang: [...]}}
                share = pat["share"]
                if not isinstance(share, dict) or share.get("metric") not in v.terms:
                    raise data_error(path, f"{where}: 'share' needs a 'metric' from the ontology, got {share!r}",
                                     "Write share: {metric: ResearchSpendingShare, before: {zh: [...]}, after: {en: [...]}}")
                for key in ("before", "after"):
                    _word_lists(share.get(key), path, f"{where}: share.{key}")
        groups[group] = items
    reported = data.get("reported_by") or {}
    roles = data.get("roles") or {}
    if not isinstance(roles, dict):
        raise data_error(path, "'roles' should be a mapping with 'titles'", "See the comment above 'roles:' in the file")
    for n, entry in enumerate(roles.get("titles") or [], 1):
        prop = resources.require(entry, "property", path, f"roles title #{n}", str)
        if prop not in v.terms:
            raise data_error(path, f"roles title #{n}: property '{prop}' is not in the ontology", "Use a property declared in ontology/kg.ttl")
    corporate = {key: data.get(key) or {} for key in ("founding", "listing", "headquarters")}
    for key, spec in corporate.items():
        if not isinstance(spec, dict):
            raise data_error(path, f"'{key}' should be a mapping with 'triggers'", f"See the comment above '{key}:' in the file")
    growth = data.get("growth") or {}
    if not isinstance(growth, dict):
        raise data_error(path, "'growth' should be a mapping with 'words', 'yoy' and 'qoq'", "See the comment above 'growth:' in the file")
    threshold = data.get("candidate_threshold", 0.0)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
        raise data_error(path, f"candidate_threshold {threshold!r} is not a number from 0 to 1", "Write e.g. candidate_threshold: 0.75")
    nominal = data.get("nominal") or []
    if not isinstance(nominal, list):
        raise data_error(path, "'nominal' should be a list of '- property: ...' entries", "See the comment above 'nominal:' in the file")
    for n, entry in enumerate(nominal, 1):
        prop = resources.require(entry, "property", path, f"nominal #{n}", str)
        if prop not in v.terms:
            raise data_error(path, f"nominal #{n}: property '{prop}' is not in the ontology", "Use a property declared in ontology/kg.ttl")
        for key in ("compounds", "name_ends", "name_stops", "list_verbs"):
            _word_lists(entry.get(key), path, f"nominal #{n}: {key}")
    return Patterns(path, reported_by=reported, roles=roles, corporate=corporate, growth=growth,
                    candidate_threshold=float(threshold), nominal=nominal, **groups)



def _word_lists(value, path: Path, where: str) -> None:
    """``value`` is absent or maps a language to a list of words."""
    if value is None:
        return
    if not isinstance(value, dict) or not all(isinstance(ws, list) and all(isinstance(w, str) and w for w in ws)
                                              for ws in value.values()):
        raise data_error(path, f"{where} should map a language to a list of words, got {value!r}", "Write e.g. {en: [word, ...], zh: [...]}")


def has_word(text: str, words, lang: str) -> bool:
    if not words:
        return False
    return bool(words_re(words, lang).search(text))

