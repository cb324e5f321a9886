"""The small frozen data types that the pipeline stages pass to each other.

Stages never import each other; they share only these types. Offsets are Python
string indices into the *document* text, end exclusive.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Optional


def _pickled_as_fields(cls):
    """Pickle a slotted frozen dataclass as its class and field values (``cls(*values)``).

    The state dataclasses give slotted classes is read back by a Python loop over ``fields()``
    for every object; extractions hold ~10^5 of them per MB of text, pickled to and from worker
    processes and the build folder's cache, where this halves loading and thirds dumping."""
    values = operator.attrgetter(*cls.__slots__)
    if len(cls.__slots__) < 2:
        raise TypeError(f"{cls.__name__}: needs two fields or more")

    def __reduce__(self):
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


@dataclass(frozen=True)
class Document:
    """One input document and its manifest entry."""

    doc_id: str
    path: str  # as given (relative to the corpus folder when it came from the manifest)
    lang: str  # "zh" | "en"
    text: str
    title: str = ""
    publisher: str = ""
    date: Optional[date] = None  # the date relative expressions ("去年", "last year") resolve against
    published: Optional[date] = None  # publication date, when known
    reports_on: tuple[str, ...] = ()  # doc_ids of documents this one reports on
    speaker: str = ""  # lexicon id of the speaker, when the document is a speech
    organisation: str = ""  # lexicon id of the organisation "we" refers to
    context: tuple[str, ...] = ()  # e.g. ("technology", "business"); selects context-bound aliases
    home_country: str = ""  # lexicon id of the country "domestic"/"国内" refers to
    currency: str = ""  # unit of bare money amounts, e.g. "CNY"
    # entities the text names that the lexicon lacks, found by the profile stage (the company a
    # report is about, named in its title): matched like lexicon names in this document only
    names: tuple["EntityInfo", ...] = ()
    # (company id, topic id): a company whose bare name begins the topic's name stands for the topic
    # when named bare (Haier in a report on Haier Smart Home; "Haier Group" stays the group)
    short_names: tuple[tuple[str, str], ...] = ()


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text, normalised."""

    value: Decimal
    unit: str  # "CNY" | "USD" | "Percent" | "PercentagePoints" | "Count" | "Years" | "Quarters" | "" (bare number)
    bound: str  # "Exact" | "LowerBound" | "UpperBound" | "Approximate"
    start: int  # offsets within the text that was scanned
    end: int
    text: str


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class PeriodRef:
    """A time expression resolved against the document date.

    ``qualifier`` is "" (the period itself), "early", "late", "since" (open-ended from
    the period's start) or "by"/"within" (a deadline at the period's end).
    """

    year: Optional[int]
    quarter: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    qualifier: str = ""
    start: int = 0
    end: int = 0
    text: str = ""
    half: Optional[int] = None  # 1 or 2: the first or second half of the year

    def plain(self) -> "PeriodRef":
        """The period itself, without qualifier or text offsets."""
        return PeriodRef(self.year, self.quarter, self.month, self.day, half=self.half)

    @property
    def key(self) -> str:
        """Stable identifier, e.g. ``2017-Q3``, ``2017-H1``, ``since-2017-Q3``, ``2018-02-07``, ``2017-early``."""
        if self.year is None:
            core = "undated"
        elif self.day and self.month:
            core = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        elif self.month:
            core = f"{self.year:04d}-{self.month:02d}"
        elif self.quarter:
            core = f"{self.year:04d}-Q{self.quarter}"
        elif self.half:
            core = f"{self.year:04d}-H{self.half}"
        else:
            core = f"{self.year:04d}"
        if self.qualifier in ("early", "late", "mid"):
            return f"{core}-{self.qualifier}"
        if self.qualifier:
            return f"{self.qualifier}-{core}"
        return core


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a sentence that names something (an entity, a number or a time)."""

    start: int  # document offsets
    end: int
    text: str
    kind: str  # "entity" | "quantity" | "period" | "pronoun"
    entity_id: str = ""  # lexicon id (or minted id for unknown names)
    cls: str = ""  # ontology class local name, e.g. "Company"
    quantity: Optional[Quantity] = None
    period: Optional[PeriodRef] = None
    from_lexicon: bool = True
    # names inside this name (德国慕尼黑国际设计博物馆 holds 德国 and 慕尼黑): (start, end, entity_id, class)
    parts: tuple[tuple[int, int, str, str], ...] = ()


@dataclass(frozen=True)
class EntityInfo:
    """What the lexicon (or a name finder) knows about an entity."""

    entity_id: str
    cls: str
    labels: tuple[tuple[str, str], ...]  # ((lang, label), ...) preferred labels
    aliases: tuple[tuple[str, str], ...] = ()  # ((lang, alias), ...)
    wikidata: str | None = None  # reviewed Wikidata item id (Q...), from the lexicon


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    sentence_index: int
    start: int  # span of the supporting words, document offsets
    end: int
    quote: str
    rule: str
    confidence: float = 1.0


@_pickled_as_fields
@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted claim.

    ``kind`` is "relation" (subject predicate object + qualifiers), "quantity",
    "position" (market rank) or "goal". ``attrs`` holds the typed values as sorted
    (name, value) pairs: value is str (entity/market/term id), Decimal, int or PeriodRef.
    """

    kind: str
    subject: str
    predicate: str = ""  # relation property local name, or metric local name
    obj: str = ""  # object entity id for relations
    attrs: tuple[tuple[str, object], ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def attr(self, name: str, default=None):
        for k, v in self.attrs:
            if k == name:
                return v
        return default


@dataclass(frozen=True)
class Extraction:
    """What extraction returns for one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]
    entities: tuple[EntityInfo, ...] = field(default_factory=tuple)
    # sentences an extractor failed on (a bug in kg, not in the text): "doc: sentence N: module.function: error"
    errors: tuple[str, ...] = ()

    def full(self) -> "Extraction":
        """The whole extraction (this one; a ``StoredExtraction`` reads its own from disk)."""
        return self

    def mentioned(self) -> tuple[tuple[str, bool], ...]:
        """(entity id, from the lexicon) of the entity mentions, each pair once, in order of first mention."""
        return tuple(dict.fromkeys((m.entity_id, m.from_lexicon) for m in self.mentions if m.entity_id))


@dataclass(frozen=True, eq=False)
class StoredExtraction:
    """One document's extraction kept on disk (``path``: the pickled ``Extraction``, as in the
    build folder's cache), with in memory only what resolution and the sources stage read of every
    document: its manifest entry without the text, its facts, names and mentioned entities. Its
    sentences, mentions and text are read back (``full()``) where one document needs them, so
    a corpus's texts and mentions are never held in memory at once."""

    document: Document  # its text is left on disk (an empty string here)
    facts: tuple[Fact, ...]
    entities: tuple[EntityInfo, ...]
    mentioned_ids: tuple[tuple[str, bool], ...]  # see ``Extraction.mentioned``
    sentence_count: int
    errors: tuple[str, ...]
    path: str
    store: object = None  # what keeps the file (its folder is removed when no extraction refers to it)

    @classmethod
    def of(cls, x: Extraction, path: str, store=None) -> "StoredExtraction":
        import dataclasses

        return cls(dataclasses.replace(x.document, text=""), x.facts, x.entities, x.mentioned(), len(x.sentences),
                   x.errors, path, store)

    def full(self) -> Extraction:
        from .store import load

        return load(self.path)

    def sentences(self) -> tuple[Sentence, ...]:
        """Its sentences alone (read from the head of its file)."""
        from .store import load_sentences

        return load_sentences(self.path)

    def mentioned(self) -> tuple[tuple[str, bool], ...]:
        return self.mentioned_ids

    def on_disk_only(self) -> "StoredExtraction":
        """This extraction without its facts and names in memory (once resolution and the
        sources stage have read them): ``full()`` still reads the whole one."""
        return StoredExtraction(self.document, (), (), (), self.sentence_count, self.errors, self.path, self.store)


class StoredSentences:
    """The sentences of several extractions, in order, read from disk document by document as
    they are iterated (``Resolved.sentences`` of a build whose extractions are stored)."""

    def __init__(self, extractions):
        self.extractions = tuple(x.on_disk_only() if isinstance(x, StoredExtraction) else x for x in extractions)

    def __len__(self) -> int:
        return sum(x.sentence_count if isinstance(x, StoredExtraction) else len(x.sentences) for x in self.extractions)

    def __iter__(self):
        for x in self.extractions:
            yield from x.sentences() if isinstance(x, StoredExtraction) else x.sentences


@dataclass(frozen=True)
class Resolved:
    """All documents after entity resolution and fact merging."""

    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[EntityInfo, ...]  # every entity that is mentioned or in a fact
    facts: tuple[Fact, ...]  # merged: one fact, several pieces of evidence
    mentioned: tuple[tuple[str, str], ...] = ()  # (entity_id, doc_id) pairs


# ---------------------------------------------------------------- sources (corroboration, conflicts)


@dataclass(frozen=True)
class SentenceAlignment:
    """A sentence of a report linked to a sentence of the document it reports on."""

    report_doc: str
    report_sentence: int
    original_doc: str
    original_sentence: int
    score: float  # 0..1
    shared: tuple[str, ...] = ()  # what both sentences share, e.g. ("fact", "idc", "4th", "2017-Q4")


@dataclass(frozen=True)
class FactSupport:
    """Which documents support a fact: "Corroborated" (two or more) or "SingleSource"."""

    fact: Fact
    status: str
    documents: tuple[str, ...]


@dataclass(frozen=True)
class FactConflict:
    """Two claims that disagree; both are kept, one is preferred by ``policy``."""

    preferred: Fact
    other: Fact
    differs_in: tuple[str, ...]  # "value" | "magnitude" | "unit" | "period" | "rank"
    policy: str


@dataclass(frozen=True)
class ConfidenceAdjustment:
    """A piece of evidence read from doubtful (garbled) text, and its lowered confidence."""

    evidence: Evidence  # as extracted
    confidence: float
    reasons: tuple[str, ...]  # the signs found, e.g. ("repeated_word: spent", "unexplained_number: hundreds of billions")


@dataclass(frozen=True)
class MergedDisagreement:
    """Claims merged into one fact (same fact key) whose other qualifiers differ; the fact
    keeps the value of its preferred evidence (see kg.resolve)."""

    fact: Fact
    attribute: str
    values: tuple[tuple[str, str], ...]  # (doc_id, value as text)


@dataclass(frozen=True)
class SourcesReport:
    """What the documents of a corpus agree and disagree on."""

    alignments: tuple[SentenceAlignment, ...]
    support: tuple[FactSupport, ...]
    conflicts: tuple[FactConflict, ...]
    adjustments: tuple[ConfidenceAdjustment, ...]
    merged_disagreements: tuple[MergedDisagreement, ...] = ()


@dataclass(frozen=True)
class Setting:
    """One documented setting of a stage (its name, default and help), shown by the CLI."""

    name: str
    default: object
    help: str
