"""Extraction of one document, a long one in blocks of whole sentences.

Some steps of extraction look at the text before or after a position by slicing the document
(``text[:end]``), which costs the length of the document each time: fine for an article,
quadratic for a 50 MB file. A document longer than ``BLOCK_CHARS`` is therefore cut into
blocks of consecutive whole sentences (at a line break where one is near); each block runs
through the mentions and extraction stages as a text of its own, with what the sentences hand
on to the next ones (the year spoken of, recent companies, periods and places, names found
outside the lexicon, the period a results text reports on) carried from block to block, and
the offsets moved back to the document's. The document-wide stage (profile: date, topic,
speaker, context) still reads the whole text once. A document shorter than a block is
extracted exactly as before.
"""
from __future__ import annotations

import dataclasses
import gc
from typing import Iterator

from . import extract, mentions, profile
from .types import Document, Evidence, Extraction, Fact, Mention, Sentence

BLOCK_CHARS = 200_000  # characters per block (~0.6 MB of Chinese UTF-8)
_LINE_SLACK = 0.25  # a block may end up to this share of BLOCK_CHARS early to end at a line break


def extract_document(doc: Document, lexicon, patterns, block_chars: int | None = None, progress=None) -> Extraction:
    """Profile, mentions and facts of one document (the three per-document stages); ``progress``
    wraps the list of blocks of a long document (a progress bar)."""
    from .lang import get
    from .pipeline import _check

    block_chars = block_chars or BLOCK_CHARS
    lang = get(doc.lang)
    doc = _check("profile", profile.profile(doc, lang, lexicon), Document)
    if len(doc.text) <= block_chars:
        annotated = _check("mentions", mentions.find_mentions(doc, lang, lexicon, doc.context), Extraction)
        return _check("extract", extract.extract(annotated, lang, patterns), Extraction)
    sentences: list[Sentence] = []
    found: list[Mention] = []
    facts: list[Fact] = []
    carry: dict = {}
    if doc.date is None:  # the latest year the whole text tells as reached stands in for its date (not the first block's)
        carry["told"] = profile.latest_told_year(doc.text, lang)
    names: dict[str, str] = {}  # one string per distinct mention text: a long text names the same things again and again
    entities: tuple = ()
    cuts = list(blocks(doc.text, lang.split_sentences(doc.text), block_chars))
    for start, end in (progress(cuts) if progress else cuts):
        part = dataclasses.replace(doc, text=doc.text[start:end])
        annotated = _check("mentions", mentions.find_mentions(part, lang, lexicon, doc.context, carry), Extraction)
        done = _check("extract", extract.extract(annotated, lang, patterns, carry), Extraction)
        # only the last two sentences' periods and places and the last company are looked back at
        carry["history"][:-2] = []
        carry["recent_orgs"][:-1] = []
        first = len(sentences)
        sentences.extend(dataclasses.replace(s, index=s.index + first, start=s.start + start, end=s.end + start)
                         for s in done.sentences)
        found.extend(_moved_mention(m, start, names) for m in done.mentions)
        facts.extend(dataclasses.replace(f, evidence=tuple(_moved_evidence(e, start, first) for e in f.evidence))
                     for f in done.facts)
        entities = done.entities  # the names outside the lexicon found so far (carried, so cumulative)
        _settle()
    return Extraction(doc, tuple(sentences), tuple(found), tuple(extract.dated_posts(extract.first_time_only(facts, patterns), patterns)), entities,
                      tuple(carry.get("errors", ())))


def _settle() -> None:
    """Take what the blocks so far made out of the cyclic garbage collector's sight: it lives until
    the build ends and holds no cycles (see ``runner.CachePlan.writer``), yet each full collection
    would walk it again, and a long document's mentions are millions of objects (~4 of the 5 s of
    collection at 5 MB). The young generations' garbage is collected first, so little that is unreachable is kept;
    frozen objects are still freed when their last reference goes."""
    gc.collect(1)
    gc.freeze()


def blocks(text: str, spans: list[tuple[int, int]], block_chars: int) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive blocks of whole sentences covering ``text``, each about
    ``block_chars`` long, ending at a line break when one is among the last sentences."""
    start, n = 0, len(spans)
    i = 0
    while i < n:
        # the first sentence that starts beyond this block's length
        j = i
        while j < n and spans[j][0] - start < block_chars:
            j += 1
        if j >= n:
            break
        # prefer a cut where a new line starts, not too far back
        cut = j
        k = j
        while k > i + 1 and spans[j][0] - spans[k][0] < block_chars * _LINE_SLACK:
            if "\n" in text[spans[k - 1][1]:spans[k][0]]:
                cut = k
                break
            k -= 1
        if cut <= i:
            cut = i + 1
        end = spans[cut][0]
        yield start, end
        start, i = end, cut
    yield start, len(text)


def _moved_mention(m: Mention, by: int, names: dict[str, str]) -> Mention:
    text = names.setdefault(m.text, m.text)
    if not by:
        return m if text is m.text else dataclasses.replace(m, text=text)
    return dataclasses.replace(m, start=m.start + by, end=m.end + by, text=text,
                               parts=tuple((s + by, e + by, eid, cls) for s, e, eid, cls in m.parts))


def _moved_evidence(e: Evidence, by: int, first_sentence: int) -> Evidence:
    return dataclasses.replace(e, sentence_index=e.sentence_index + first_sentence, start=e.start + by, end=e.end + by)
