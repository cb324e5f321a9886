"""Stage 3: turn the mentions of each sentence into facts.

Extraction is a set of extractors, one module per kind, behind one small interface: an
extractor is a function that takes the :class:`~kg.extract.context.Context` of a sentence
(its mentions, clauses, the document and what the previous sentences said) and returns
facts. ``EXTRACTORS`` lists them in the order they run; goals run first, because they
consume their ranks and keep unmet targets from becoming facts.

Nothing here knows a particular entity, number or sentence: triggers come from the
pattern file (``data/patterns.yaml``), argument types from the lexicon and the ontology,
numbers and dates from the mentions stage.
"""
from __future__ import annotations

import bisect
from typing import Callable

from ..iris import vocab
from ..lang import Language
from ..types import EntityInfo, Extraction, Fact, Mention
from . import corporate, goals, positions, quantities, relations, roles, structure
from .context import ENTITY_KINDS, Context, statement_periods
from .patterns import Patterns, load_patterns

Extractor = Callable[[Context], "list[Fact]"]

EXTRACTORS: tuple[Extractor, ...] = (
    goals.extract,
    quantities.extract,
    positions.extract,
    roles.extract,
    corporate.extract,
    relations.extract,
    structure.modifiers,
    structure.representatives,
    structure.series,
)

__all__ = ["EXTRACTORS", "Extractor", "Patterns", "extract", "load_patterns"]


def extract(annotated: Extraction, lang: Language, patterns: Patterns) -> Extraction:
    """Facts for one document, from its sentences and mentions."""
    doc = annotated.document
    by_sentence: dict[int, list[Mention]] = {}
    starts = [s.start for s in annotated.sentences]
    for m in annotated.mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        by_sentence.setdefault(i, []).append(m)
    facts: list[Fact] = []
    new_names: dict[str, EntityInfo] = {}
    recent_orgs: list[str] = []
    history: list[tuple[list, list]] = []
    set_words = tuple(w for g in patterns.goals for w in (g.get("set") or {}).get(lang.code, []))
    for sent in annotated.sentences:
        mentions = list(by_sentence.get(sent.index, []))
        clauses = [(sent.start + s, sent.start + e) for s, e in lang.clauses(sent.text)]
        window = history[-2:]
        ctx = Context(doc, lang, sent, mentions, clauses,
                      [p for ps, _ in window for p in ps], [p for _, pl in window for p in pl], patterns, new_names,
                      set_words=set_words, recent_orgs=recent_orgs[-1:])
        for extractor in EXTRACTORS:
            facts += extractor(ctx)
        v = vocab()
        orgs = [m.entity_id for m in ctx.mentions if m.kind in ENTITY_KINDS and m.cls and v.is_a(m.cls, ["Company"])]
        if orgs:
            recent_orgs.append(orgs[0])  # the first company named is what the sentence is about
        history.append(([m.period for m in statement_periods(ctx) if m.period.year][:1],
                         [m.entity_id for m in ctx.mentions if m.kind in ENTITY_KINDS and m.cls and v.is_a(m.cls, ["Place"])]))
        by_sentence[sent.index] = ctx.mentions  # with the names found along the way
    all_mentions = tuple(m for i in sorted(by_sentence) for m in by_sentence[i])
    return Extraction(doc, annotated.sentences, all_mentions, tuple(facts), tuple(new_names.values()))

