"""Stage between resolve and graph: what the sources agree and disagree on.

A report (a translation or news story of another document; manifest ``reports_on``)
retells its original, sometimes differently, sometimes wrongly. This stage

- aligns each sentence of a report with the sentence(s) of the original it retells,
  from what the two share after normalisation: facts extracted from both, resolved
  entities, numbers (value and unit) and periods;
- marks every fact ``Corroborated`` (evidence from two or more documents) or
  ``SingleSource``;
- finds claims about the same subject, metric (or market) and period that disagree,
  keeps both with their evidence, and prefers one by a stated policy (the original
  over a report of it, the better supported, the more specific, ...);
- lowers the confidence of evidence read from garbled text (signs listed in
  ``data/noise.yaml``), so a garbled sentence gives doubtful facts rather than wrong
  facts at full confidence.

``analyse`` returns a ``SourcesReport``; ``apply`` puts its confidence adjustments on
the resolved facts; ``quads`` encodes it (kg:SentenceAlignment, kg:Conflict,
kg:supportStatus). ``read_view`` and ``format_view`` read the same things back from a
built graph for ``kg sources``.
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from . import iris, resources, schema
from .closure import reachable
from .errors import OutputError, data_error
from .iris import vocab
from .extract.context import MONEY_UNITS
from .resolve import fact_key, period_match_key
from .types import (ConfidenceAdjustment, Document, Evidence, Extraction, Fact, FactConflict, FactSupport,
                    MergedDisagreement, Mention, PeriodRef, Resolved, Sentence, SentenceAlignment, Setting,
                    SourcesReport)

CORROBORATED = "Corroborated"
SINGLE_SOURCE = "SingleSource"

# Alignment settings: mechanism, not knowledge, so they live here with their reasons.
SETTINGS = {s.name: s for s in (
    Setting("fact_weight", 2.0, "weight of a fact extracted from both sentences, relative to a shared name, "
                                "number or period of the same rarity: the same claim is the best sign of a retelling"),
    Setting("min_shared", 1.0, "least information two sentences must share for an alignment: the sum of the "
                               "weights (idf scaled to 0..1) of their shared anchors; a lone frequent name (the "
                               "company) or a year is not enough"),
    Setting("info_scale", 1.0, "shared information at which the score reaches 63% of its content match; "
                               "sentences that share little score low even when they contain little"),
    Setting("position_weight", 0.3, "share of the score given by how close the two sentences are in their "
                                    "documents (relative position): reports mostly keep the original's order"),
    Setting("min_score", 0.3, "least score for an alignment"),
    Setting("keep_ratio", 0.4, "a report sentence also aligns to further original sentences (one sentence may "
                               "retell two) that share a fact with it and score at least this share of its best"),
)}


def setting(name: str) -> float:
    return SETTINGS[name].default


# ============================================================================ analyse


def analyse(extractions: list[Extraction], resolved: Resolved, cache=None) -> SourcesReport:
    """Alignments, support status, conflicts and confidence adjustments for a corpus.

    ``extractions`` are the per-document extractions (their mentions carry the resolved
    entity ids, quantities and periods of each sentence); ``resolved`` holds the merged facts.
    ``cache`` (a ``kg.runner.PartCache``) keeps each document's confidence adjustments from
    build to build.
    """
    by_doc = {x.document.doc_id: x for x in extractions}
    alignments = _align_corpus(by_doc, resolved)
    support = tuple(_support(f) for f in resolved.facts)
    reports_on = _reports_on(resolved.documents)
    conflicts = _conflicts(resolved.facts, reports_on, alignments, {d.doc_id: i for i, d in enumerate(resolved.documents)})
    adjustments = _noise(by_doc, resolved, load_noise(), cache)
    merged = _merged_disagreements(extractions, resolved)
    return SourcesReport(alignments, support, conflicts, adjustments, merged)


def apply(report: SourcesReport, resolved: Resolved) -> Resolved:
    """The resolved facts with the report's lowered evidence confidences."""
    if not report.adjustments:
        return resolved
    lowered = {a.evidence: a.confidence for a in report.adjustments}
    facts = []
    for f in resolved.facts:
        evidence = tuple(replace(e, confidence=lowered[e]) if e in lowered else e for e in f.evidence)
        facts.append(f if evidence == f.evidence else replace(f, evidence=evidence))
    return replace(resolved, facts=tuple(facts))


def stats(report: SourcesReport, candidates: frozenset = frozenset()) -> dict:
    """Counts for the build summary (support of the asserted facts: candidates are not counted)."""
    from .resolve import fact_key

    asserted = [s for s in report.support if fact_key(s.fact) not in candidates] if candidates else report.support
    return {
        "corroborated": sum(1 for s in asserted if s.status == CORROBORATED),
        "single_source": sum(1 for s in asserted if s.status == SINGLE_SOURCE),
        "conflicts": len(report.conflicts),
        "aligned_sentences": len(report.alignments),
    }


def _support(f: Fact) -> FactSupport:
    docs = tuple(sorted({e.doc_id for e in f.evidence}))
    return FactSupport(f, CORROBORATED if len(docs) > 1 else SINGLE_SOURCE, docs)


def _reports_on(docs) -> dict[str, set[str]]:
    """doc id -> every document it reports on, directly or through another report."""
    direct = {d.doc_id: set(d.reports_on) for d in docs}
    return {d: reachable(d, direct) - {d} for d in direct}


# ============================================================================ alignment


def _align_corpus(by_doc: dict[str, Extraction], resolved: Resolved) -> tuple[SentenceAlignment, ...]:
    fact_anchors: dict[tuple[str, int], set[str]] = {}
    for i, f in enumerate(resolved.facts):
        for e in f.evidence:
            fact_anchors.setdefault((e.doc_id, e.sentence_index), set()).add(f"fact:{i}")
    out = []
    for doc in resolved.documents:
        for original in doc.reports_on:
            if original in by_doc and doc.doc_id in by_doc:  # (read back from disk when stored: kg.store)
                out.extend(align_pair(by_doc[doc.doc_id].full(), by_doc[original].full(), fact_anchors, resolved.facts))
    return tuple(out)


def align_pair(report: Extraction, original: Extraction, fact_anchors: dict[tuple[str, int], set[str]] | None = None,
               facts: tuple[Fact, ...] = ()) -> list[SentenceAlignment]:
    """Link each sentence of ``report`` to the sentence(s) of ``original`` it retells.

    Each sentence becomes a set of anchors (resolved entities, numbers with their unit,
    ranks, periods by their match key, and facts with evidence in it), weighted by
    rarity (idf over the sentences of both documents). The score mixes how much of the
    two sentences' anchors are shared (Dice and containment), how much is shared in all
    (a lone frequent name is little), and how close the sentences stand in their documents.
    """
    fact_anchors = fact_anchors or {}
    a_sets = _anchor_sets(report, fact_anchors)
    b_sets = _anchor_sets(original, fact_anchors)
    df: dict[str, int] = {}
    for sets in (a_sets, b_sets):
        for anchors in sets.values():
            for a in anchors:
                df[a] = df.get(a, 0) + 1
    n = len(a_sets) + len(b_sets)

    def weight(anchor: str) -> float:
        # idf scaled to 0..1 so the thresholds mean the same for two short documents as for long ones
        w = math.log(1 + n / df[anchor]) / math.log(1 + n)
        return w * setting("fact_weight") if anchor.startswith("fact:") else w

    na, nb = max(1, len(report.sentences) - 1), max(1, len(original.sentences) - 1)
    pw = setting("position_weight")
    out = []
    for ra, anchors_a in sorted(a_sets.items()):
        if not anchors_a:
            continue
        wa = sum(weight(a) for a in anchors_a)
        cands = []
        for ob, anchors_b in sorted(b_sets.items()):
            shared = anchors_a & anchors_b
            if not shared:
                continue
            info = sum(weight(a) for a in shared)
            if info < setting("min_shared"):
                continue
            wb = sum(weight(a) for a in anchors_b)
            dice = 2 * info / (wa + wb)
            containment = info / min(wa, wb)
            strength = 1 - math.exp(-info / setting("info_scale"))
            position = 1 - abs(ra / na - ob / nb)
            score = (dice + containment) / 2 * strength * (1 - pw + pw * position)
            cands.append((score, ob, shared))
        if not cands:
            continue
        best = max(cands, key=lambda c: (c[0], -c[1]))
        for score, ob, shared in cands:
            # a second original sentence needs a claim of its own in common, not only names
            has_fact = any(a.startswith("fact:") for a in shared)
            if score >= setting("min_score") and (ob == best[1] or (has_fact and score >= setting("keep_ratio") * best[0])):
                out.append(SentenceAlignment(report.document.doc_id, ra, original.document.doc_id, ob,
                                             round(score, 3), _readable(shared, facts)))
    return out


def _anchor_sets(x: Extraction, fact_anchors: dict[tuple[str, int], set[str]]) -> dict[int, set[str]]:
    out = {s.index: set(fact_anchors.get((x.document.doc_id, s.index), ())) for s in x.sentences}
    for s, m in _by_sentence(x):
        anchor = _anchor(m)
        if anchor:
            out[s.index].add(anchor)
    return out


# Units a translation keeps; others (counts, bare numbers, money written with or without
# its currency) are compared by value alone.
_KEPT_UNITS = {"Percent": "%", "Years": " years", "Quarters": " quarters"}


def _anchor(m: Mention) -> str:
    if m.kind in ("entity", "pronoun") and m.entity_id:
        return f"entity:{m.entity_id}"
    if m.kind == "rank" and m.quantity is not None:
        return f"rank:{_num(m.quantity.value)}"
    if m.kind == "quantity" and m.quantity is not None:
        return f"number:{_num(m.quantity.value)}{_KEPT_UNITS.get(m.quantity.unit, '')}"
    if m.kind == "period" and m.period is not None and m.period.year:
        return f"period:{period_match_key(m.period)}"
    return ""


def _readable(shared: set[str], facts: tuple[Fact, ...]) -> tuple[str, ...]:
    out = []
    for a in sorted(shared):
        kind, _, rest = a.partition(":")
        if kind == "fact" and facts:
            f = facts[int(rest)]
            out.append(f"fact:{f.subject} {f.predicate}")
        else:
            out.append(a)
    return tuple(sorted(set(out)))


def _by_sentence(x: Extraction):
    """(sentence, mention) pairs, mentions assigned to the sentence they start in."""
    import bisect

    starts = [s.start for s in x.sentences]
    for m in x.mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if 0 <= i < len(x.sentences) and m.start < x.sentences[i].end:
            yield x.sentences[i], m


def _num(d: Decimal) -> str:
    return format(d.normalize(), "f")


# ============================================================================ conflicts


def _conflicts(facts: tuple[Fact, ...], reports_on: dict[str, set[str]], alignments, doc_order: dict[str, int]) -> tuple[FactConflict, ...]:
    out: list[FactConflict] = []
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        key = _conflict_key(f)
        if key is not None:
            groups.setdefault(key, []).append(f)
    for key in sorted(groups, key=repr):
        group = groups[key]
        if len(group) > 1:
            out.extend(_star(group, reports_on, doc_order, _differences))
    out.extend(_period_conflicts(facts, reports_on, alignments, doc_order))
    return tuple(out)


def _conflict_key(f: Fact) -> tuple | None:
    """Claims with the same key and a different value, unit, bound or rank disagree."""
    if f.kind == "quantity":
        return ("quantity", f.subject, f.predicate, period_match_key(f.attr("period")), f.attr("scope", ""), f.attr("category", ""))
    if f.kind == "position":  # first in PCs and third in phones the same year do not disagree
        return ("position", f.subject, f.attr("scope", ""), period_match_key(f.attr("period")), f.attr("category", ""))
    if f.kind == "relation" and (_functional(f.predicate) or f.obj.startswith("period:")):
        return ("relation", f.subject, f.predicate)  # one founding date: told at several precisions, they must nest
    return None


@functools.lru_cache(maxsize=None)
def _functional(prop: str) -> bool:
    """Is kg:<prop> an owl:FunctionalProperty (one object per subject)?"""
    from rdflib import RDF, OWL, URIRef

    return (URIRef(iris.KG_NS + prop), RDF.type, OWL.FunctionalProperty) in vocab().graph


def _star(group: list[Fact], reports_on, doc_order, differences) -> list[FactConflict]:
    """The preferred claim of the group, in conflict with each of the others."""
    group = sorted(group, key=lambda f: _doc_position(f, doc_order))
    champion = group[0]
    for f in group[1:]:
        champion = _prefer(champion, f, reports_on)[0]
    out = []
    for f in group:
        if f is champion or _compatible(champion, f) or f.kind == "relation" and _nested(champion, f) is not None:
            continue  # 1993 and April 5, 1993 say one thing: both stand, neither in conflict
        if _told_together(champion, f):
            continue
        _, policy = _prefer(champion, f, reports_on)
        out.append(FactConflict(champion, f, differences(champion, f), policy))
    return out


# metrics whose figures one sentence tells side by side for measures the metric does not tell apart: shares of two
# markets, daily and monthly active users (日均活跃用户达到1.07亿，月均活跃用户3.48亿), paying and all subscribers
_SIDE_BY_SIDE = frozenset({"MarketShare", "Users", "Subscribers"})


def _told_together(a: Fact, b: Fact) -> bool:
    """Two ranks or market shares one sentence tells side by side (占有率为14.0%，…排名第一；其中智能机…占有率为8.1%，
    排名第五), or two counts of users ("DAUs reached 408 million; MAUs stood at 714 million"): the writer gave both,
    for markets or measures the reading took as one; both stand."""
    if not (a.kind == b.kind == "position" or a.predicate == b.predicate and a.predicate in _SIDE_BY_SIDE):
        return False
    if a.kind == "position" and (a.attr("bound", "Exact") != "Exact" or b.attr("bound", "Exact") != "Exact"):
        return False  # 位列全球第三，并已连续14个季度保持全球前三: one place told twice, not two markets
    return bool({(e.doc_id, e.sentence_index) for e in a.evidence} & {(e.doc_id, e.sentence_index) for e in b.evidence})


def _compatible(a: Fact, b: Fact) -> bool:
    """Two quantity claims that can both be true: the same figure told at another precision
    (660.3 billion and 6602.57亿), in another currency, a bound the other's value meets ("more than 100 billion" and
    114.6 billion), or approximations within 5%. They corroborate rather than conflict."""
    if a.kind == "quantity" and a.attr("unit") != b.attr("unit") and {a.attr("unit"), b.attr("unit")} <= set(MONEY_UNITS):
        return True  # 66.19 trillion won ($45.9 billion): one figure told in two currencies
    if a.kind != "quantity" or a.attr("unit") != b.attr("unit") or a.attr("threshold") != b.attr("threshold"):
        return False
    va, vb = a.attr("value"), b.attr("value")
    if not isinstance(va, Decimal) or not isinstance(vb, Decimal):
        return False
    ba, bb = a.attr("bound", "Exact"), b.attr("bound", "Exact")
    if ba == bb and ba in ("LowerBound", "UpperBound"):
        return abs(va - vb) <= max(_half_step(va), _half_step(vb))
    for x, y, bx, by in ((va, vb, ba, bb), (vb, va, bb, ba)):
        # a bound the other value meets, and of its order of magnitude (not "over one billion"
        # beside "over 100 billion": a number word read wrongly)
        if bx == "LowerBound" and by in ("Exact", "Approximate") and x <= y < 10 * x:
            return True
        if bx == "UpperBound" and by in ("Exact", "Approximate") and x / 10 < y <= x:
            return True
    if "LowerBound" in (ba, bb) or "UpperBound" in (ba, bb):
        return False
    if "Approximate" in (ba, bb):
        return abs(va - vb) <= Decimal("0.05") * max(abs(va), abs(vb))
    return abs(va - vb) <= max(_half_step(va), _half_step(vb))


def _nested(a: Fact, b: Fact) -> Fact | None:
    """The finer of two claims that say the same at different precision (a founding date of
    1993 and of 1993-04-05; 660.3 billion and 660.257 billion), or None."""
    if a.kind == "relation" and a.obj.startswith("period:") and b.obj.startswith("period:"):
        ka, kb = a.obj[len("period:"):], b.obj[len("period:"):]
        if kb.startswith(ka + "-"):
            return b
        if ka.startswith(kb + "-"):
            return a
        return None
    if a.kind == "quantity" and _compatible(a, b):
        return a if _specificity(a) >= _specificity(b) else b
    return None


def _half_step(d: Decimal) -> Decimal:
    """Half a unit of the last significant digit written (660.3 billion: 0.05 billion)."""
    exponent = d.normalize().as_tuple().exponent
    return Decimal(5) * Decimal(10) ** (exponent - 1) if isinstance(exponent, int) else Decimal(0)


def _differences(a: Fact, b: Fact) -> tuple[str, ...]:
    out = []
    if a.kind == "quantity":
        if a.attr("unit") != b.attr("unit"):
            out.append("unit")
        va, vb = a.attr("value"), b.attr("value")
        if va != vb:
            out.append(_value_or_magnitude(va, vb))
        elif a.attr("bound") != b.attr("bound"):
            out.append("value")
        ta, tb = a.attr("threshold"), b.attr("threshold")
        if ta is not None and tb is not None and ta != tb:
            out.append(_value_or_magnitude(ta, tb))
    elif a.kind == "position":
        if a.attr("rank") != b.attr("rank") or a.attr("bound") != b.attr("bound"):
            out.append("rank")
    else:
        out.append("value")
    return tuple(dict.fromkeys(out)) or ("value",)


def _value_or_magnitude(a: Decimal, b: Decimal) -> str:
    """"magnitude" when one value is the other times a power of ten (10x or more): the
    sign of a number word read wrongly (千亿 = 100 billion told as "one billion")."""
    if a and b and (a > 0) == (b > 0):
        ratio = max(abs(a), abs(b)) / min(abs(a), abs(b))
        if ratio >= 10:
            exponent = round(math.log10(ratio))
            if abs(float(ratio) / 10 ** exponent - 1) < 0.05:
                return "magnitude"
    return "value"


_BOUND_SPECIFICITY = {"Exact": 3, "Approximate": 2, "LowerBound": 1, "UpperBound": 1}


def _specificity(f: Fact) -> tuple[int, int]:
    p = f.attr("period") or f.attr("achieved_in") or f.attr("deadline")
    grain = 0
    if isinstance(p, PeriodRef) and p.year:
        grain = 4 if p.day else 3 if p.month else 2 if p.quarter else 1
        if p.qualifier in ("early", "mid", "late"):
            grain = max(grain, 2)
    return _BOUND_SPECIFICITY.get(f.attr("bound", "Exact"), 0), grain


def _doc_position(f: Fact, doc_order: dict[str, int]) -> tuple:
    e = min(f.evidence, key=lambda e: (doc_order.get(e.doc_id, 0), e.start))
    return doc_order.get(e.doc_id, 0), e.start, repr(fact_key(f))


def _prefer(a: Fact, b: Fact, reports_on: dict[str, set[str]]) -> tuple[Fact, str]:
    """The claim a documented policy prefers, and the policy's reason. Rules, in order:

    1. original-over-report: a claim the original makes over one made only by documents
       that report on it (a translation or retelling adds errors; it does not add sources);
    2. corroborated-over-single-source: the claim more documents support;
    3. specific-over-vague: an exact value over a bound or an approximation, then a finer period;
    4. higher-confidence: the claim whose best evidence is more confident;
    5. first-in-document-order: nothing above separates them; the claim read first is kept as preferred.
    """
    da, db = _docs(a), _docs(b)
    for x, y, dx, dy in ((a, b, da, db), (b, a, db, da)):
        originals = [d for d in sorted(dx) if all(d in reports_on.get(r, ()) for r in dy)]
        if originals:
            reporters = ", ".join(sorted(dy))
            return x, (f"original-over-report: {originals[0]} is the original that {reporters} reports on "
                       f"(manifest reports_on); a report's claim is kept, not preferred")
    nested = _nested(a, b)
    if nested is not None:  # 1993 and April 5, 1993 say one thing; the finer is preferred
        return nested, "specific-over-vague: the same date or figure told more precisely"
    if len(da) != len(db):
        x = a if len(da) > len(db) else b
        return x, (f"corroborated-over-single-source: the preferred claim is supported by {len(_docs(x))} "
                   f"documents, the other by {len(_docs(b if x is a else a))}")
    sa, sb = _specificity(a), _specificity(b)
    if sa != sb:
        x = a if sa > sb else b
        return x, "specific-over-vague: an exact value over a bound or an approximation, then the finer period"
    ca, cb = _confidence(a), _confidence(b)
    if ca != cb:
        x = a if ca > cb else b
        return x, f"higher-confidence: the preferred claim's best evidence has confidence {max(ca, cb):g}, the other's {min(ca, cb):g}"
    return a, "first-in-document-order: no policy separates the claims; the one read first is marked preferred"


def _docs(f: Fact) -> set[str]:
    return {e.doc_id for e in f.evidence}


def _confidence(f: Fact) -> float:
    return max(e.confidence for e in f.evidence)


def _period_conflicts(facts, reports_on, alignments, doc_order) -> list[FactConflict]:
    """The same claim told with periods that cannot both hold ("in Q3" / "in Q4"), in
    sentences aligned as retellings of each other."""
    aligned = {((a.report_doc, a.report_sentence), (a.original_doc, a.original_sentence)) for a in alignments}
    aligned |= {(y, x) for x, y in aligned}
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.kind == "quantity":
            key = ("quantity", f.subject, f.predicate, f.attr("scope", ""), str(f.attr("value")), f.attr("unit"), f.attr("bound"))
        elif f.kind == "position":
            key = ("position", f.subject, f.attr("scope", ""), f.attr("rank"), f.attr("bound"), f.attr("category", ""))
        else:
            continue
        if isinstance(f.attr("period"), PeriodRef):
            groups.setdefault(key, []).append(f)
    out = []
    for key in sorted(groups, key=repr):
        group = groups[key]
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if not _disjoint(a.attr("period"), b.attr("period")):
                    continue
                sa = {(e.doc_id, e.sentence_index) for e in a.evidence}
                sb = {(e.doc_id, e.sentence_index) for e in b.evidence}
                if any((x, y) in aligned for x in sa for y in sb):
                    first, second = sorted((a, b), key=lambda f: _doc_position(f, doc_order))
                    preferred, policy = _prefer(first, second, reports_on)
                    other = second if preferred is first else first
                    out.append(FactConflict(preferred, other, ("period",), policy))
    return out


def _disjoint(p: PeriodRef, q: PeriodRef) -> bool:
    a, b = _interval(p), _interval(q)
    if a is None or b is None:
        return False
    (s1, e1), (s2, e2) = a, b
    return (e1 is not None and s2 is not None and e1 < s2) or (e2 is not None and s1 is not None and e2 < s1)


def _interval(p: PeriodRef):
    from .numbers import period_bounds

    if p.year is None:
        return None
    try:
        if p.qualifier == "asof":  # a state as of a day holds up to that day
            return None, period_bounds(p.plain())[1]
        return period_bounds(p)
    except ValueError:
        return None


# ============================================================================ noise


@dataclass(frozen=True)
class Noise:
    path: Path
    min_confidence: float
    factors: dict
    languages: dict
    bare_units: tuple[str, ...] = ()
    run_units: tuple[str, ...] = ()  # a rank's numbers of these units count how long it was held


@functools.lru_cache(maxsize=4)
def load_noise(path: Path | None = None) -> Noise:
    """Read ``data/noise.yaml`` (signs of garbled text and their confidence factors)."""
    path = path or resources.data_dir() / "noise.yaml"
    data = resources.load_yaml(path, cached=True)
    if not isinstance(data, dict):
        raise data_error(path, "expected a mapping with 'signs' and 'languages'", "See the header of the file")
    schema.check_noise(data, path)
    signs = resources.require(data, "signs", path, "top level", dict)
    known = ("repeated_word", "unexplained_number", "unit_clash")
    for name, factor in signs.items():
        if name not in known:
            raise data_error(path, f"signs: unknown sign '{name}'", f"Use one of: {', '.join(known)}")
        if not isinstance(factor, (int, float)) or not 0 < factor <= 1:
            raise data_error(path, f"signs: '{name}' should be a factor in (0, 1], got {factor!r}", "Write e.g. 0.8")
    floor = data.get("min_confidence", 0.3)
    if not isinstance(floor, (int, float)) or not 0 <= floor <= 1:
        raise data_error(path, f"'min_confidence' should be a number in [0, 1], got {floor!r}", "Write e.g. 0.3")
    langs = data.get("languages") or {}
    if not isinstance(langs, dict):
        raise data_error(path, "'languages' should be a mapping of language codes", "Write languages: {en: {...}, zh: {}}")
    for code, spec in langs.items():
        rw = (spec or {}).get("repeated_word")
        if rw is not None:
            where = f"languages.{code}.repeated_word"
            window = resources.require(rw, "window", path, where, int)
            if window < 0:
                raise data_error(path, f"{where}: 'window' should be >= 0, got {window}", "Write e.g. 4")
            for key in ("ignore", "connectives"):
                bad = [w for w in rw.get(key) or [] if not isinstance(w, str)]
                if bad:
                    raise data_error(path, f"{where}.{key}: {bad[0]!r} is not a word (YAML reads bare yes/no/on/off as booleans)",
                                     "Quote it, e.g. 'no'")
    bare = data.get("bare_number_units", ["Count", "CNY", "USD"])
    runs = data.get("run_units", ["Years", "Quarters", "Months"])
    return Noise(path, float(floor), {k: float(v) for k, v in signs.items()}, {k: v or {} for k, v in langs.items()}, tuple(bare),
                 tuple(runs))


def _noise(by_doc: dict[str, Extraction], resolved: Resolved, noise: Noise, cache=None) -> tuple[ConfidenceAdjustment, ...]:
    # the evidence to look at, document by document: each document's text, sentences and
    # mentions are read (from disk, for a stored extraction) once, and dropped before the next
    todo: dict[str, list[tuple[Fact, Evidence]]] = {}
    for f in resolved.facts:
        for e in f.evidence:
            if e.doc_id in by_doc:
                todo.setdefault(e.doc_id, []).append((f, e))
    out = {}
    for doc_id, pairs in todo.items():
        # a document's adjustments follow from its own extraction and, of the merged facts, the
        # kind and qualifiers each piece of evidence is read with (the noise rules are data, in
        # the document's key)
        key = cache.key(doc_id, repr([(f.kind, f.attrs, e) for f, e in pairs])) if cache is not None else None
        found = cache.get(key) if key is not None else None
        if found is None:
            found = _noise_of(by_doc[doc_id].full(), pairs, noise)
            if cache is not None:
                cache.put(key, found)
        out.update((a.evidence, a) for a in found)
    return tuple(out[e] for e in sorted(out, key=lambda e: (e.doc_id, e.start, e.end, e.rule)))


def _noise_of(x: Extraction, pairs: list[tuple[Fact, Evidence]], noise: Noise) -> tuple[ConfidenceAdjustment, ...]:
    """The adjustments of one document's evidence (``pairs``: each with the merged fact it supports)."""
    from .lang import get

    doc = x.document
    sentence_of = {s.index: s for s in x.sentences}
    mentions: dict[int, list[Mention]] = {}
    explained: dict[int, set[Decimal]] = {}
    for s, m in _by_sentence(x):
        mentions.setdefault(s.index, []).append(m)
    for f in x.facts:
        for e in f.evidence:
            explained.setdefault(e.sentence_index, set()).update(_numbers_used(f))
    out = {}
    for f, e in pairs:
        if e in out or e.sentence_index not in sentence_of:
            continue
        sent = sentence_of[e.sentence_index]
        reasons = _signs(f, e, doc, sent, mentions.get(e.sentence_index, []), explained.get(e.sentence_index, set()),
                         get(doc.lang), noise)
        if reasons:
            factor = 1.0
            for r in reasons:
                factor *= noise.factors.get(r.split(":", 1)[0], 1.0)
            confidence = round(max(noise.min_confidence, min(e.confidence, e.confidence * factor)), 3)
            if confidence < e.confidence:
                out[e] = ConfidenceAdjustment(e, confidence, tuple(reasons))
    return tuple(out.values())


def _numbers_used(f: Fact) -> set[Decimal]:
    used = set()
    for name in ("value", "threshold", "count", "rank"):
        v = f.attr(name)
        if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
            used.add(abs(Decimal(v)).normalize())
    return used


_WORD = re.compile(r"[^\W\d_]+")


def _signs(f: Fact, e: Evidence, doc: Document, sent: Sentence, mentions: list[Mention], explained: set[Decimal],
           lang, noise: Noise) -> list[str]:
    """The signs of garbled text around one piece of evidence."""
    clauses = [(sent.start + s, sent.start + t) for s, t in lang.clauses(sent.text)]
    near = [(s, t) for s, t in clauses if s < e.end and t > e.start] or [(e.start, e.end)]
    # a change in percentage points (毛利率为22.6%，环比上升2.1个百分点) is said of a rate, not a
    # number the extraction failed to understand
    numbers = [m for m in mentions if m.kind == "quantity" and m.quantity is not None
               and m.quantity.unit != "PercentagePoints"]
    used = _numbers_used(f)
    # A subject named clauses before its figure ("公司实现收入…，增速为近三年来最高；净利润为99亿元")
    # stretches the evidence over clauses that say other things: a numeric fact is judged by
    # the clauses that hold the numbers it reads.
    own = [(s, t) for s, t in near
           if any(s <= m.start < t and abs(m.quantity.value).normalize() in used for m in numbers)]
    if f.kind in ("quantity", "position") and own:
        near = own
    reasons = []
    rw = noise.languages.get(doc.lang, {}).get("repeated_word")
    if rw is not None and "repeated_word" in noise.factors:
        for s, t in near:
            word = _repeated_word(_names_as_one(doc.text, s, t, mentions), rw)
            if word:
                reasons.append(f"repeated_word: {word}")
                break
    if f.kind not in ("quantity", "position"):
        return reasons
    if f.kind == "quantity":  # "operating profit rose 18.2% to 426.5 billion yen": the figure's own change
        numbers = [m for m in numbers if not _change_of(doc.text, m, numbers, f, noise, doc.lang)]
    if "unexplained_number" in noise.factors:
        for m in numbers:
            if f.kind == "position" and _run_length(doc.text, m, noise, doc.lang):
                continue  # 连续11个季度排名第一, "for ten consecutive years": how long the rank was held
            if any(s <= m.start < t for s, t in near) and abs(m.quantity.value).normalize() not in explained:
                reasons.append(f"unexplained_number: {m.text}")
                break
    unit = f.attr("unit", "")
    if "unit_clash" in noise.factors and unit:
        own = abs(Decimal(f.attr("value", 0))).normalize() if f.kind == "quantity" else None
        for m in numbers:
            q = m.quantity
            if not (e.start <= m.start and m.end <= e.end and any(s <= m.start < t for s, t in near)) \
                    or abs(q.value).normalize() in ({own} | explained - _numbers_used(f)):
                continue  # its own value, or a number another fact of the sentence read ("rose 4 percent to $7.45 billion")
            if q.unit != unit and not (q.unit == "" and unit in noise.bare_units) and q.unit != "Rank":
                reasons.append(f"unit_clash: {m.text}")
                break
    return reasons


def _change_of(text: str, m: Mention, numbers: list[Mention], f: Fact, noise: Noise, lang: str) -> bool:
    """Is ``m`` a percentage told as the change of ``f``'s own figure, a ``change_links`` word between them
    ("rose 18.2% to 426.5 billion yen", 增长15.7%至170亿元)?"""
    links = (noise.languages.get(lang) or {}).get("change_links") or []
    if m.quantity.unit != "Percent" or not links or not isinstance(f.attr("value"), (int, Decimal)):
        return False
    own = abs(Decimal(f.attr("value"))).normalize()
    between = {" ".join(text[m.end:o.start].split()).lower() for o in numbers
               if o.start >= m.end and o.start - m.end <= 24 and abs(o.quantity.value).normalize() == own}
    return any(w.lower() in between for w in links)


def _run_length(text: str, m: Mention, noise: Noise, lang: str) -> bool:
    """A number that counts years or quarters ("11个季度", "seven years", "almost ten consecutive years",
    "over two decades"): the length of a run, said of the rank it goes with."""
    if m.quantity.unit in noise.run_units:
        return True
    words = (noise.languages.get(lang) or {}).get("run_words") or []
    after = text[m.end:m.end + 20].lower()
    return any(after.lstrip().startswith(w.lower()) for w in words)


_NAME_TOKEN = "ent"  # the word a name of several words is written as
_DIGITS_AS_LETTERS = str.maketrans("0123456789", "QRSTUVWXYZ")


def _names_as_one(text: str, s: int, t: int, mentions: list[Mention]) -> str:
    """The clause with each name of several words written as one token of its entity: "DJI owns DJI
    Agriculture" repeats no word (a unit named after its owner), "Xiaomi Xiaomi SU7" still does not hide
    a garble of one-word names."""
    out, pos = [], s
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.kind != "entity" or not m.entity_id or m.start < pos or not (s <= m.start and m.end <= t) or " " not in m.text.strip():
            continue
        out.append(text[pos:m.start])
        # in letters only (a word is letters): "Journey 3 … Journey 5" are two entities, not one word repeated
        out.append(" " + _NAME_TOKEN + re.sub(r"[^0-9A-Za-z]", "", m.entity_id).translate(_DIGITS_AS_LETTERS) + " ")
        pos = m.end
    out.append(text[pos:t])
    return "".join(out)


def _repeated_word(text: str, spec: dict) -> str:
    window = int(spec.get("window", 4))
    ignore = {w.lower() for w in spec.get("ignore", [])}
    connectives = {w.lower() for w in spec.get("connectives", [])}
    # a short name in brackets repeats the long one's words by design: "South China Corporation (SMIC South)"
    plain = re.sub(r"\([^()]{1,40}\)", " ", text)
    found = list(_WORD.finditer(plain))
    words = [m.group().lower() for m in found]
    for i, w in enumerate(words):
        if w in ignore or len(w) < 2:
            continue
        for j in range(i + 1, min(len(words), i + window + 2)):
            if words[j] != w:
                continue
            between = words[i + 1:j]
            if len(between) == 1 and between[0] in connectives:  # "more and more", "step by step"
                continue
            if _NAMED.match(found[i].group()) and _LISTED.search(plain, found[i].end(), found[j].start()):
                continue  # "the iPhone 16 Pro and iPhone 16 Pro Max", "Haval H6, Haval H9": one maker's models listed
            if _LISTED.search(plain, found[i].end(), found[j].start()) and any(b.startswith(_NAME_TOKEN) for b in between):
                continue  # "thumb camera GO 3S and network camera Link 2": a list of names, each after its kind
            return w
    return ""


_NAMED = re.compile(r"[A-Z]|[a-z]+[A-Z]")  # iPhone, Galaxy: a name's word
_LISTED = re.compile(r",|\band\b|\bor\b")


# ============================================================================ merged disagreements

_QUALIFIERS = {
    "quantity": ("threshold", "threshold_unit", "reported_by"),
    "position": ("reported_by",),
    "relation": ("period", "count", "reported_by"),
    "goal": ("deadline", "set_in", "achieved_in", "bound", "unit"),
}


def _merged_disagreements(extractions: list[Extraction], resolved: Resolved) -> tuple[MergedDisagreement, ...]:
    """Qualifiers that two merged claims give differently (the fact keeps one of them)."""
    index = {}
    for f in resolved.facts:
        index[fact_key(f)] = f
    seen: dict[tuple, dict[str, dict[str, str]]] = {}
    for x in extractions:
        for f in x.facts:
            key = fact_key(f)
            if key not in index:
                continue
            for name in _QUALIFIERS.get(f.kind, ()):
                v = f.attr(name)
                if v is None:
                    continue
                text = period_match_key(v) if isinstance(v, PeriodRef) else _num(v) if isinstance(v, Decimal) else str(v)
                seen.setdefault(key, {}).setdefault(name, {}).setdefault(x.document.doc_id, text)
    out = []
    for key in sorted(seen, key=repr):
        for name, by_doc in sorted(seen[key].items()):
            if len(set(by_doc.values())) > 1:
                out.append(MergedDisagreement(index[key], name, tuple(sorted(by_doc.items()))))
    return tuple(out)


# ============================================================================ RDF


def quads(report: SourcesReport, resolved: Resolved, candidates: frozenset = frozenset()):
    """kg:supportStatus on every fact (merged graph, or the candidates graph for a candidate,
    and the graphs of its documents), kg:SentenceAlignment and kg:Conflict nodes (merged graph),
    one pyoxigraph quad at a time (a fact supported by every document of a big corpus gives a quad
    per document)."""
    import pyoxigraph as ox

    v = vocab()
    N = ox.NamedNode
    default = ox.DefaultGraph()
    kg = lambda name: N(str(v[name]))  # noqa: E731
    rdf_type = N("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = N("http://www.w3.org/2000/01/rdf-schema#label")
    decimal = N("http://www.w3.org/2001/XMLSchema#decimal")

    def fact_node(f: Fact):
        return N(str(iris.fact(*fact_key(f))))

    candidates_graph = N(str(iris.CANDIDATES_GRAPH))
    for s in report.support:
        node = fact_node(s.fact)
        status = kg(s.status)
        yield ox.Quad(node, kg("supportStatus"), status, candidates_graph if fact_key(s.fact) in candidates else default)
        for d in s.documents:
            yield ox.Quad(node, kg("supportStatus"), status, N(str(iris.doc_graph(d))))
    for a in report.alignments:
        node = N(str(iris.alignment(a.report_doc, a.report_sentence, a.original_doc, a.original_sentence)))
        yield ox.Quad(node, rdf_type, kg("SentenceAlignment"), default)
        yield ox.Quad(node, kg("alignedSentence"), N(str(iris.sentence(a.report_doc, a.report_sentence))), default)
        yield ox.Quad(node, kg("alignedSentence"), N(str(iris.sentence(a.original_doc, a.original_sentence))), default)
        yield ox.Quad(node, kg("alignmentScore"), ox.Literal(f"{a.score:.3f}", datatype=decimal), default)
    for c in report.conflicts:
        p, o = fact_node(c.preferred), fact_node(c.other)
        node = N(str(iris.conflict(p.value, o.value)))
        yield ox.Quad(node, rdf_type, kg("Conflict"), default)
        yield ox.Quad(node, kg("conflictingFact"), p, default)
        yield ox.Quad(node, kg("conflictingFact"), o, default)
        yield ox.Quad(node, kg("preferredFact"), p, default)
        for d in c.differs_in:
            yield ox.Quad(node, kg("differsIn"), ox.Literal(d), default)
        yield ox.Quad(node, kg("policy"), ox.Literal(c.policy, language="en"), default)
        what = c.preferred.predicate if c.preferred.kind in ("quantity", "relation") else c.preferred.kind
        yield ox.Quad(node, label, ox.Literal(f"conflict: {c.preferred.subject} {what} ({', '.join(c.differs_in)})", language="en"), default)


# ============================================================================ reading a built graph


@dataclass
class FactView:
    iri: str
    text: str  # one line describing the claim
    status: str
    documents: tuple[str, ...]
    confidence: str
    quotes: tuple[tuple[str, str, str], ...] = ()  # (doc_id, quote, evidence confidence)
    candidate: bool = False  # in the candidates graph, not asserted in the merged one


@dataclass
class ConflictView:
    preferred: FactView
    other: FactView
    differs_in: tuple[str, ...]
    policy: str


@dataclass
class AlignmentView:
    score: float
    report_index: int
    report_text: str
    original_index: int
    original_text: str


@dataclass
class PairView:
    report: str
    report_lang: str
    report_title: str
    original: str
    original_lang: str
    original_title: str
    alignments: list[AlignmentView] = field(default_factory=list)
    corroborated: list[FactView] = field(default_factory=list)
    single: dict[str, list[FactView]] = field(default_factory=dict)
    conflicts: list[ConflictView] = field(default_factory=list)
    candidates: list[FactView] = field(default_factory=list)  # told by either, not asserted


@dataclass
class SourcesView:
    graph: str
    pairs: list[PairView]
    counts: dict


PREFIXES = {
    "kg": iris.KG_NS, "kgid": iris.ID_NS, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dcterms": "http://purl.org/dc/terms/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


def read_view(path: Path) -> SourcesView:
    """What ``kg sources`` shows, read from a built graph (TriG, or Turtle) with SPARQL."""
    import pyoxigraph as ox

    path = Path(path)
    if not path.exists():
        raise OutputError(f"{path}: no built graph there. Run 'kg build' first, or give the graph with --graph.")
    store = ox.Store()
    fmt = ox.RdfFormat.TRIG if path.suffix in (".trig", "") else ox.RdfFormat.TURTLE if path.suffix == ".ttl" else None
    try:
        store.load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise OutputError(f"{path}: cannot read the graph ({first}). Rebuild it with 'kg build'.")

    def rows(query: str):
        return [[_value(t) for t in row] for row in store.query(query, prefixes=PREFIXES)]

    docs = {r[0]: (r[1], r[2] or "", r[3] or "") for r in rows(
        "SELECT ?d ?id ?lang ?title WHERE { ?d a kg:Document ; dcterms:identifier ?id . "
        "OPTIONAL { ?d dcterms:language ?lang } OPTIONAL { ?d dcterms:title ?title } }")}
    facts = _fact_views(rows)
    conflicts = rows("SELECT ?c ?p ?o ?policy (GROUP_CONCAT(DISTINCT ?d; separator=',') AS ?ds) WHERE { "
                     "?c a kg:Conflict ; kg:preferredFact ?p ; kg:conflictingFact ?o ; kg:policy ?policy . "
                     "FILTER(?o != ?p) OPTIONAL { ?c kg:differsIn ?d } } GROUP BY ?c ?p ?o ?policy ORDER BY ?c")
    aligned = rows("SELECT ?score ?d1 ?i1 ?t1 ?d2 ?i2 ?t2 WHERE { ?a a kg:SentenceAlignment ; kg:alignmentScore ?score ; "
                   "kg:alignedSentence ?s1, ?s2 . ?s1 kg:inDocument ?d1 ; kg:sentenceIndex ?i1 ; kg:text ?t1 . "
                   "?s2 kg:inDocument ?d2 ; kg:sentenceIndex ?i2 ; kg:text ?t2 . FILTER(?s1 != ?s2) } ")
    pairs = []
    for r, o in sorted(rows("SELECT ?r ?o WHERE { ?r kg:reportsOn ?o }")):
        if r not in docs or o not in docs:
            continue
        rid, oid = docs[r][0], docs[o][0]
        pair = PairView(rid, docs[r][1], docs[r][2], oid, docs[o][1], docs[o][2])
        for score, d1, i1, t1, d2, i2, t2 in aligned:
            if d1 == r and d2 == o:
                pair.alignments.append(AlignmentView(float(score), int(i1), t1, int(i2), t2))
        pair.alignments.sort(key=lambda a: (a.report_index, -a.score, a.original_index))
        for fv in sorted(facts.values(), key=lambda f: f.text):
            here = [d for d in fv.documents if d in (rid, oid)]
            if here and fv.candidate:
                pair.candidates.append(fv)
            elif len(here) == 2:
                pair.corroborated.append(fv)
            elif len(here) == 1:
                pair.single.setdefault(here[0], []).append(fv)
        for c, p, other, policy, ds in conflicts:
            if p in facts and other in facts and ({rid, oid} & (set(facts[p].documents) | set(facts[other].documents))):
                pair.conflicts.append(ConflictView(facts[p], facts[other], tuple(sorted((ds or "").split(","))), policy))
        pairs.append(pair)
    counts = {
        "aligned_sentences": len(rows("SELECT ?a WHERE { ?a a kg:SentenceAlignment }")),
        "corroborated": sum(1 for f in facts.values() if f.status == CORROBORATED and not f.candidate),
        "single_source": sum(1 for f in facts.values() if f.status == SINGLE_SOURCE and not f.candidate),
        "conflicts": len(rows("SELECT ?c WHERE { ?c a kg:Conflict }")),
    }
    return SourcesView(str(path), pairs, counts)


def _value(term):
    if term is None:
        return None
    return term.value


_FACT_CLASSES = "kg:RelationFact kg:QuantitativeStatement kg:MarketPosition kg:Goal"


def _fact_views(rows) -> dict[str, FactView]:
    labels: dict[str, dict[str, str]] = {}
    for x, lab, lang in rows("SELECT ?x ?l (LANG(?l) AS ?lang) WHERE { ?x rdfs:label ?l }"):
        labels.setdefault(x, {}).setdefault(lang or "", lab)

    def name(iri: str | None) -> str:
        if not iri:
            return ""
        lab = labels.get(iri, {})
        return lab.get("en") or lab.get("") or lab.get("zh") or iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def merged_or_candidate(pattern: str) -> str:  # a fact is asserted in the default graph or is a candidate
        return f"{{ {pattern} }} UNION {{ GRAPH <{iris.CANDIDATES_GRAPH}> {{ {pattern} BIND(true AS ?cand) }} }}"

    props: dict[str, dict[str, list[str]]] = {}
    candidates: set[str] = set()
    for f, p, o, cand in rows(f"SELECT ?f ?p ?o ?cand WHERE {{ VALUES ?cls {{ {_FACT_CLASSES} }} "
                              f"{merged_or_candidate('?f a ?cls ; ?p ?o .')} }}"):
        props.setdefault(f, {}).setdefault(p.rsplit("#", 1)[-1].rsplit("/", 1)[-1], []).append(o)
        if cand:
            candidates.add(f)
    quotes: dict[str, list[tuple[str, str, str]]] = {}
    for f, doc_id, quote, conf in rows(
            f"SELECT DISTINCT ?f ?id ?q ?c WHERE {{ VALUES ?cls {{ {_FACT_CLASSES} }} "
            f"{merged_or_candidate('?f a ?cls ; kg:hasEvidence ?e .')} "
            "?e kg:inDocument ?d ; kg:quote ?q . ?d dcterms:identifier ?id OPTIONAL { ?e kg:confidence ?c } }"):
        quotes.setdefault(f, []).append((doc_id, quote, conf or ""))
    out = {}
    for f, p in props.items():
        one = lambda k: (p.get(k) or [None])[0]  # noqa: E731
        qs = tuple(sorted(quotes.get(f, [])))
        out[f] = FactView(f, _describe(p, one, name), (one("supportStatus") or "").rsplit("#", 1)[-1],
                          tuple(sorted({d for d, _, _ in qs})), one("confidence") or "", qs, f in candidates)
    return out


_BOUND = {"LowerBound": "≥ ", "UpperBound": "≤ ", "Approximate": "≈ ", "Exact": ""}


def _describe(p: dict, one, name) -> str:
    """One line for a fact node: subject, what is claimed, and its period."""
    local = lambda iri: (iri or "").rsplit("#", 1)[-1]  # noqa: E731
    types = {local(t) for t in p.get("type", [])}
    period = f" [{name(one('period'))}]" if one("period") else ""
    if "RelationFact" in types:
        extra = f" ×{one('count')}" if one("count") else ""
        return f"{name(one('subject'))} {local(one('predicate'))} {name(one('object'))}{extra}{period}"
    subject = name(one("statementSubject"))
    scope = f" in {name(one('scope'))}" if one("scope") else ""
    if "MarketPosition" in types:
        rank = f"top {one('rank')}" if local(one("bound")) == "UpperBound" else f"rank {one('rank')}"
        return f"{subject} {rank}{scope}{period}"
    if "Goal" in types:
        texts = sorted(p.get("goalText", []))
        deadline = f" [{name(one('deadline'))}]" if one("deadline") else ""
        return f"{subject} goal: {' / '.join(texts)}{deadline}"
    threshold = ""
    if one("threshold"):
        threshold = f" (to {_grouped(one('threshold'))} {local(one('thresholdUnit'))})".replace(" )", ")")
    return (f"{subject} {local(one('metric'))} {_BOUND.get(local(one('bound')), '')}{_grouped(one('value') or '')} "
            f"{local(one('unit'))}{threshold}{scope}{period}")


def _grouped(lexical: str) -> str:
    """100000000000.0 -> 100,000,000,000; a literal that is not a number is shown as written."""
    try:
        return f"{Decimal(lexical).normalize():,f}"
    except ArithmeticError:
        return lexical


def format_view(view: SourcesView, width: int = 120) -> str:
    """The text ``kg sources`` prints."""
    lines = []
    if not view.pairs:
        lines.append(f"{view.graph}: no document reports on another (manifest 'reports_on'); nothing to compare.")
    for pair in view.pairs:
        lines.append(f"== {pair.report} ({pair.report_lang}) reports on {pair.original} ({pair.original_lang})")
        if pair.report_title or pair.original_title:
            lines.append(f"   report:   {_clip(pair.report_title, width - 13)}")
            lines.append(f"   original: {_clip(pair.original_title, width - 13)}")
        lines.append("")
        lines.append(f"Aligned sentences: {len(pair.alignments)}")
        col = max(20, (width - 16) // 2)
        for a in pair.alignments:
            left = _pad(_clip(f"[{a.report_index}] {_one_line(a.report_text)}", col), col)
            right = _clip(f"[{a.original_index}] {_one_line(a.original_text)}", col)
            lines.append(f"  {a.score:5.3f}  {left} | {right}")
        lines.append("")
        lines.append(f"Corroborated facts (both documents): {len(pair.corroborated)}")
        for f in pair.corroborated:
            lines.append(f"  + {_clip(f.text, width - 20)}  ({_confidence_note(f)})")
        lines.append("")
        n_single = sum(len(v) for v in pair.single.values())
        lines.append(f"Single-source facts: {n_single}")
        for doc_id in (pair.original, pair.report):
            items = pair.single.get(doc_id, [])
            if not items:
                continue
            lines.append(f"  only in {doc_id}: {len(items)}")
            for f in items:
                lines.append(f"    - {_clip(f.text, width - 22)}  ({_confidence_note(f)})")
        lines.append("")
        lines.append(f"Conflicts: {len(pair.conflicts)}")
        for c in pair.conflicts:
            lines.append(f"  ! differs in {', '.join(c.differs_in)}")
            for tag, f in (("preferred", c.preferred), ("other    ", c.other)):
                lines.append(f"    {tag}: {_clip(f.text, width - 17)}")
                for doc_id, quote, conf in f.quotes:
                    conf_text = f", confidence {conf}" if conf else ""
                    lines.append(f"               {doc_id}: \"{_clip(_one_line(quote), width - 40)}\"{conf_text}")
            lines.append(f"    policy: {c.policy}")
        lines.append("")
        if pair.candidates:
            lines.append(f"Candidates (kgid:graph/candidates, not asserted): {len(pair.candidates)}")
            for f in pair.candidates:
                lines.append(f"  ? {_clip(f.text, width - 20)}  ({_confidence_note(f)})")
            lines.append("")
    c = view.counts
    lines.append(f"In all: aligned sentences {c['aligned_sentences']}, corroborated facts {c['corroborated']}, "
                 f"single-source facts {c['single_source']}, conflicts {c['conflicts']}")
    return "\n".join(lines)


def _confidence_note(f: FactView) -> str:
    """The fact's confidence, and any evidence read with less (e.g. from doubtful text)."""
    note = f"confidence {f.confidence}"
    try:
        low = [(d, c) for d, _, c in f.quotes if c and Decimal(c) < Decimal(f.confidence)]
    except ArithmeticError:
        low = []
    if low:
        note += "; weaker evidence: " + ", ".join(f"{d} {c}" for d, c in sorted(set(low)))
    return note


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _clip(text: str, width: int) -> str:
    """Cut to ``width`` display columns (CJK characters take two), marking the cut with …."""
    if sum(_width(c) for c in text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        if used + _width(ch) > width - 1:
            break
        out.append(ch)
        used += _width(ch)
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - sum(_width(c) for c in text))

