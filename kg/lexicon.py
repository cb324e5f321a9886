"""Load the bilingual lexicon (``data/lexicon.yaml``) and match its names in text.

Matching runs an Aho-Corasick automaton over a folded copy of the text (ASCII
lower-cased, quotation marks removed) and maps hits back to document offsets.
"""
from __future__ import annotations

import bisect
import functools
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import resources, schema
from .errors import data_error
from .types import EntityInfo

# Characters dropped before matching, so 小米获得“中国制造2025”十佳品质奖 matches the
# award's name written without quotes.
_DROP = set("“”‘’「」『』《》\"")
# characters that, right after a name ending in a digit, show the digit is a number
_AFTER_NUMBER = set("年月日个周亿万千百多余%")


@dataclass
class Lexicon:
    path: Path
    entities: dict[str, EntityInfo]
    # folded alias -> list of (entity_id, original alias, contexts or None)
    aliases: dict[str, list[tuple[str, str, tuple[str, ...] | None]]] = field(default_factory=dict)
    _automaton: object = None
    cache: dict = field(default_factory=dict)  # results of pure look-ups, e.g. names inside names

    def __getstate__(self):
        # the alias table is read only to build the automaton (pickled with it) and by the language
        # model's extractor: it stays pickled in the pickled lexicon until first read (~0.02 s a start)
        state = dict(self.__dict__)
        state.pop("_last_match", None)  # a document's hits stay with the process that matched them
        table = state.pop("aliases", None)
        state["_aliases_pickled"] = state.get("_aliases_pickled") if table is None else \
            pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)

    def __getattr__(self, name):
        if name == "aliases" and "_aliases_pickled" in self.__dict__:
            self.aliases = pickle.loads(self.__dict__.pop("_aliases_pickled"))
            return self.aliases
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def info(self, entity_id: str) -> EntityInfo | None:
        return self.entities.get(entity_id)

    def cls(self, entity_id: str) -> str:
        info = self.entities.get(entity_id)
        return info.cls if info else ""

    def automaton(self):
        if self._automaton is None:
            import ahocorasick

            auto = ahocorasick.Automaton()
            for folded, bucket in self.aliases.items():
                auto.add_word(folded, (len(folded), tuple(_checks(alias_entry) for alias_entry in bucket)))
            auto.make_automaton()
            self._automaton = auto
        return self._automaton

    def named_inside(self, name: str, classes: frozenset[str]) -> tuple[str, ...]:
        """Entities of ``classes`` whose alias is part of ``name`` (小米电视 names 电视, "Mi TV" names
        TV), longest alias first; cached per name."""
        key = ("inside", name, classes)
        if key not in self.cache:
            folded = fold(name)[0]
            hits = []
            for end, (length, checks) in self.automaton().iter(folded):
                start = end - length + 1
                alias = folded[start:end + 1]
                if (start, end + 1) == (0, len(folded)):
                    continue  # the whole name is no part of itself
                ascii_word = alias.isascii()
                if ascii_word and ((start > 0 and folded[start - 1].isalnum()) or (end + 1 < len(folded) and folded[end + 1].isalnum())):
                    continue  # "tv" inside "tvos" is no word of the name
                hits += [(length, check[0]) for check in checks if self.cls(check[0]) in classes]
            self.cache[key] = tuple(dict.fromkeys(eid for _, eid in sorted(hits, key=lambda h: -h[0])))
        return self.cache[key]

    def match(self, text: str, context: tuple[str, ...], is_boundary) -> list[tuple[int, int, str]]:
        """Longest, leftmost, non-overlapping alias hits: (start, end, entity_id)."""
        if len(text) < _REMEMBER_FROM:
            return self._match(text, context, is_boundary)
        # a whole document is matched by several stages of its profile: the last long text's hits are kept
        key = (text, context, is_boundary)
        last = self.__dict__.get("_last_match")
        if last is None or last[0] != key:
            last = self.__dict__["_last_match"] = (key, tuple(self._match(text, context, is_boundary)))
        return list(last[1])

    def _match(self, text: str, context: tuple[str, ...], is_boundary) -> list[tuple[int, int, str]]:
        # prefer longer spans: greedy over spans sorted by length, then restore order; the
        # characters the chosen spans cover are marked in a byte per character, so a hit is checked
        # against its own few characters and a whole long document costs n log n (a sorted list of
        # the chosen spans, grown by insertion, cost n² on a book-length text)
        taken = bytearray(len(text))
        chosen: list[tuple[int, int, str]] = []
        for h in sorted(self.hits(text, context, is_boundary), key=lambda h: (-(h[1] - h[0]), h[0])):
            s, e = h[0], h[1]
            if taken.find(1, s, e) >= 0:
                continue  # a longer (or earlier) chosen span covers one of its characters
            taken[s:e] = b"\x01" * (e - s)
            chosen.append(h)
        chosen.sort(key=lambda h: h[0])  # chosen spans never overlap: their starts differ
        return chosen

    def hits(self, text: str, context: tuple[str, ...], is_boundary) -> list[tuple[int, int, str]]:
        """Every alias hit, overlapping ones included: (start, end, entity_id).

        A long text (a whole book-length document in the profile stage) is matched a piece at a
        time, cut after a line break or a Chinese full stop (no name holds one, and the checks
        at a name's edges see the same neighbours), so the folded copy stays small."""
        if len(text) <= _PIECE:
            return self._hits(text, context, is_boundary)
        out = []
        for a, b in _pieces(text):
            out.extend((s + a, e + a, eid) for s, e, eid in self._hits(text[a:b], context, is_boundary))
        return out

    def _hits(self, text: str, context: tuple[str, ...], is_boundary) -> list[tuple[int, int, str]]:
        folded, index = fold(text)
        if not folded:
            return []
        hits = []
        # nothing dropped: the folded offsets are the text's; else each is moved on by the dropped
        # characters before it (``_Skipped``, worked out here without a call per offset)
        at = None if type(index) is _Identity else index._at
        right = bisect.bisect_right
        for end_f, (length, checks) in self.automaton().iter(folded):
            start_f = end_f - length + 1
            start, end = (start_f, end_f + 1) if at is None else (start_f + right(at, start_f), end_f + right(at, end_f) + 1)
            for entity_id, contexts, exact, capital, ends_in_digit in checks:
                if contexts is not None and contexts.isdisjoint(context):
                    continue
                # short acronyms (IDC, Ali) must match with their own capitals
                if exact is not None and text[start:end] != exact:
                    continue
                # a capitalised English name (Sharp, Honor) is not the plain word (sharp)
                if capital and not text[start].isupper():
                    continue
                if not is_boundary(text, start, end):
                    continue
                # 小米10 is not the start of 小米10周年 / 10年
                if ends_in_digit and end < len(text) and (
                        text[end].isdigit() or text[end] in _AFTER_NUMBER
                        or (text[end] in ".．" and text[end + 1:end + 2].isdigit())):
                    continue
                hits.append((start, end, entity_id))
                break
        return hits


def _checks(entry: tuple[str, str, tuple[str, ...] | None]) -> tuple:
    """What ``_hits`` tests of an alias, worked out once when the automaton is built:
    (entity id, its contexts as a set or None, the alias when it must match with its own
    capitals (a short acronym) else None, whether it must start with a capital, whether it
    ends in a digit)."""
    entity_id, alias, contexts = entry
    exact = alias if len(alias) <= 4 and alias != alias.lower() and alias.isascii() else None
    capital = alias[:1].isupper() and alias.isascii()
    return (entity_id, None if contexts is None else frozenset(contexts), exact, capital, alias[-1:].isdigit())


_PIECE = 1_000_000  # characters matched at a time
_REMEMBER_FROM = 600  # texts this long (a document, not a sentence): ``match`` keeps the last one's hits


def _pieces(text: str):
    """(start, end) of consecutive pieces of about ``_PIECE`` characters, each ending right after
    a line break or 。！？ (or at the end of the text)."""
    start, n = 0, len(text)
    while start < n:
        end = start + _PIECE
        if end >= n:
            yield start, n
            return
        cuts = [i for i in (text.find(c, end, end + _PIECE) for c in "\n。！？") if i >= 0] or \
            [i for i in (text.find(c, end) for c in "\n。！？") if i >= 0]
        end = min(cuts) + 1 if cuts else n
        yield start, end
        start = end


_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class _Identity:
    def __getitem__(self, i):
        return i


class _Skipped:
    """The index in a text of each character of its folded copy, from the positions of the
    characters folding dropped: folded character ``f`` is ``f`` plus the number of dropped
    characters before it."""

    def __init__(self, dropped: list[int]):
        # dropped character j would have been folded character dropped[j] - j
        self._at = [i - j for j, i in enumerate(dropped)]

    def __getitem__(self, f):
        return f + bisect.bisect_right(self._at, f)


_DROP_RE = re.compile("[" + re.escape("".join(sorted(_DROP))) + "]")
# after the dropped characters are gone, the only quotation mark left is an apostrophe inside a word
_FOLD = str.maketrans({**{c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, "’": "'"})


def fold(text: str):
    """Lower-case ASCII and drop quotation marks; return the folded text and, for
    each folded character, its index in ``text`` (an object to index, not a list)."""
    if _DROP.isdisjoint(text):
        return text.translate(_LOWER), _Identity()
    dropped = [i for i in (m.start() for m in _DROP_RE.finditer(text))
               # Xi’an: an apostrophe inside a word, not a quotation mark
               if not (text[i] == "’" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha())]
    pieces, prev = [], 0
    for i in dropped:
        pieces.append(text[prev:i])
        prev = i + 1
    pieces.append(text[prev:])
    return "".join(pieces).translate(_FOLD), _Skipped(dropped)


def _fold_alias(alias: str) -> str:
    return fold(alias)[0]


@functools.lru_cache(maxsize=4)
def load(path: Path | None = None, with_places: bool = True) -> Lexicon:
    """Read and check the lexicon, then the generated place names (``data/places.yaml``) unless
    ``with_places`` is false; a name the lexicon has stays the lexicon's. Errors name the entry
    and the fix."""
    path = path or resources.lexicon_path()
    places = resources.places_path()
    with_places = with_places and path == resources.lexicon_path() and places.exists()
    # a new process takes the parsed lexicon from the cache when the files are unchanged
    from . import cache

    key = cache.key_of(path, *([places] if with_places else []), resources.ontology_path(),
                       extra=f"{with_places}|" + Path(__file__).read_text(encoding="utf-8"))
    lex = cache.load("lexicon", key)
    if isinstance(lex, Lexicon):
        lex.path = path
        return lex
    lex = Lexicon(path, {})
    _read_entries(lex, path)
    if with_places:
        _read_entries(lex, places)
    lex.automaton()
    cache.store("lexicon", key, lex)
    return lex


# a pinyin syllable: an initial, vowels, a final n/ng (r)
_SYLLABLE = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv]+(?:ng|n|r)?"
_TWO_SYLLABLES = re.compile(rf"({_SYLLABLE})((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])[aeiouv]+(?:ng|n|r)?)")


def _syllables_apart(name: str) -> list[str]:
    """A Chinese person's name with its two-syllable given name written apart, as machine
    translations write it character by character: Wang Chuanfu -> Wang Chuan Fu."""
    m = re.fullmatch(r"([A-Z][a-z]{0,5}) ([A-Z][a-z]{2,11})", name)
    if m is None:
        return []
    given = _TWO_SYLLABLES.fullmatch(m.group(2).lower())
    if given is None:
        return []
    return [f"{m.group(1)} {given.group(1).capitalize()} {given.group(2).capitalize()}"]


def _read_entries(lex: Lexicon, path: Path) -> None:
    from .iris import vocab

    data = resources.load_yaml(path)
    schema.check_entity_file(data, path)
    entries = resources.require(data, "entities", path, "top level", list)
    known_classes = vocab().classes
    for n, entry in enumerate(entries, 1):
        where = f"entity #{n}"
        eid = resources.require(entry, "id", path, where, str)
        where = f"entity '{eid}'"
        schema.check(entry, schema.LEXICON_ENTRY, path, where, (f"id: {eid}",))
        cls = resources.require(entry, "class", path, where, str)
        if cls not in known_classes:
            raise data_error(path, f"{where}: class '{cls}' is not an ontology class",
                             f"Use one of: {', '.join(sorted(known_classes))}")
        if eid in lex.entities:
            raise data_error(path, f"{where}: duplicate id", "Give each entity a unique id")
        labels = []
        for lang in ("en", "zh"):
            label = entry.get(lang)
            if label is not None and not isinstance(label, str):
                raise data_error(path, f"{where}: '{lang}' should be a string, got {label!r}", "Quote the label")
            if label:
                labels.append((lang, label))
        if not labels:
            raise data_error(path, f"{where}: no 'en' or 'zh' label", "Add at least one label")
        aliases = []
        raw_aliases = entry.get("aliases") or {}
        if not isinstance(raw_aliases, dict):
            raise data_error(path, f"{where}: 'aliases' should map a language to a list", "Write aliases: {en: [...], zh: [...]}")
        for lang, names in raw_aliases.items():
            if not isinstance(names, list) or not all(isinstance(a, str) for a in names):
                raise data_error(path, f"{where}: aliases.{lang} should be a list of strings", "Write aliases.{lang}: [name, ...]")
            aliases.extend((lang, a) for a in names)
        context_bound = {}
        if not isinstance(entry.get("context_aliases") or [], list):
            raise data_error(path, f"{where}: 'context_aliases' should be a list", "Write context_aliases: [{alias: ..., context: [...]}]",
                             schema.line_of(path, f"id: {eid}", "context_aliases:"))
        for ca in entry.get("context_aliases") or []:
            alias = resources.require(ca, "alias", path, f"{where} context alias", str)
            schema.check(ca, schema.CONTEXT_ALIAS, path, f"{where} context alias '{alias}'", (f"id: {eid}", alias))
            contexts = resources.require(ca, "context", path, f"{where} context alias '{alias}'", list)
            context_bound[alias] = tuple(contexts)
            aliases.append((ca.get("lang", ""), alias))
        wikidata = entry.get("wikidata")
        if wikidata is not None and not (isinstance(wikidata, str) and re.fullmatch(r"Q[1-9][0-9]*", wikidata)):
            raise data_error(path, f"{where}: wikidata should be a Wikidata item id such as Q1636958, got {wikidata!r}",
                             "Write the item's id (the Q number from its wikidata.org address) or remove the field")
        lex.entities[eid] = EntityInfo(eid, cls, tuple(labels), tuple(aliases), wikidata)
        spelt = [("en", v) for lang, name in labels + aliases if lang == "en" and cls == "Person" for v in _syllables_apart(name)]
        for lang, name in labels + aliases + spelt:
            key = _fold_alias(name)
            if not key.strip():
                continue
            lex.aliases.setdefault(key, [])
            bucket = lex.aliases[key]
            if any(e == eid for e, _, _ in bucket):
                continue
            bucket.append((eid, name, context_bound.get(name)))
