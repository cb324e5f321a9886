"""Stage 4: one node per real-world entity, one fact per claim.

Lexicon names are already canonical (小米 = Xiaomi = millet share an id). Names the
lexicon does not know are matched to lexicon names by fuzzy matching (a typo such
as "Leiun"), and to each other across documents by their normalised form. Facts
with the same key are merged into one fact with all their evidence; the evidence
of an original document comes before that of a report on it, and the fact keeps
the qualifiers of its first (preferred) evidence.
"""
from __future__ import annotations

import re

from .lexicon import Lexicon, fold
from .types import EntityInfo, Evidence, Extraction, Fact, PeriodRef, Resolved, StoredSentences

# the qualifiers of a fact whose value is an entity (renamed with it, kept with their labels)
ENTITY_ATTRS = ("scope", "reported_by", "category")
FUZZY_MIN = 90  # rapidfuzz ratio (0-100) for a name to be taken as a lexicon name


def period_match_key(p: PeriodRef | None) -> str:
    """Periods that say the same thing: "by October 2017" and "2017年10月" (an achievement date)."""
    if p is None:
        return ""
    if p.qualifier in ("by", "within"):
        return p.plain().key
    return p.key


def fact_key(f: Fact) -> tuple:
    """What makes two claims the same fact (and names the fact's IRI): for a relation, its
    arguments and its time (a product unveiled in December is another fact than it going on
    sale in March)."""
    if f.kind == "relation":
        return ("relation", f.subject, f.predicate, f.obj, period_match_key(f.attr("period")))
    return merge_key(f)


def merge_key(f: Fact) -> tuple:
    """Claims that may be merged: a relation told with and without its time is one fact."""
    if f.kind == "relation":
        return ("relation", f.subject, f.predicate, f.obj)
    if f.kind == "quantity":
        return ("quantity", f.subject, f.predicate, period_match_key(f.attr("period")), f.attr("scope", ""),
                str(f.attr("value").normalize()), f.attr("unit"), f.attr("bound"))
    if f.kind == "position":
        return ("position", f.subject, f.attr("scope"), period_match_key(f.attr("period")), f.attr("rank"), f.attr("bound"))
    if f.kind == "goal":
        value = f.attr("value")
        return ("goal", f.subject, f.attr("metric", ""), str(value.normalize()) if value is not None else "",
                f.attr("rank", ""), f.attr("scope", ""))
    raise ValueError(f"unknown fact kind {f.kind!r}")


def resolve(extractions: list[Extraction], lexicon: Lexicon) -> Resolved:
    docs = tuple(x.document for x in extractions)
    originals = {d.doc_id for d in docs if not d.reports_on}
    rename = _link_new_names(extractions, lexicon)

    used = {rename.get(e, e) for x in extractions for f in x.facts for e in _entity_ids(f)}
    entities: dict[str, EntityInfo] = {}
    mentioned = set()
    for x in extractions:
        for info in x.entities:
            target = rename.get(info.entity_id, info.entity_id)
            if target in lexicon.entities or target not in used:
                continue
            if target in entities:  # same name in two documents: keep both labels
                old = entities[target]
                labels = tuple(sorted(set(old.labels) | set(info.labels)))
                entities[target] = EntityInfo(target, old.cls, labels, old.aliases)
            else:
                entities[target] = EntityInfo(target, info.cls, info.labels, info.aliases)
        for eid, from_lexicon in x.mentioned():
            if from_lexicon or rename.get(eid, eid) in used:
                mentioned.add((rename.get(eid, eid), x.document.doc_id))

    merged: dict[tuple, list[Fact]] = {}
    for x in extractions:
        for f in x.facts:
            f = _rename(f, rename)
            merged.setdefault(merge_key(f), []).append(f)
    merged = _split_by_period(merged)
    facts = []
    for key in sorted(merged, key=repr):
        group = merged[key]
        evidence = _one_per_sentence({e for f in group for e in f.evidence}, originals)
        # the fact keeps the qualifiers of its preferred evidence
        first = evidence[0]
        lead = next(f for f in group if first in f.evidence)
        attrs = dict(lead.attrs)
        for f in group:  # a qualifier only a later claim gives is still kept
            for k, v in f.attrs:
                attrs.setdefault(k, v)
        facts.append(Fact(lead.kind, lead.subject, lead.predicate, lead.obj, tuple(sorted(attrs.items())), tuple(evidence)))

    for eid, _ in mentioned:
        if eid in lexicon.entities:
            entities[eid] = lexicon.entities[eid]
    for f in facts:
        for eid in _entity_ids(f):
            if eid in lexicon.entities:
                entities[eid] = lexicon.entities[eid]
    if all(isinstance(x, Extraction) for x in extractions):
        sentences = tuple(s for x in extractions for s in x.sentences)
    else:  # extractions kept on disk (kg.store): their sentences are read back as the graph is written
        sentences = StoredSentences(extractions)
    return Resolved(docs, sentences, tuple(entities[k] for k in sorted(entities)), tuple(facts), tuple(sorted(mentioned)))


def _split_by_period(merged: dict[tuple, list[Fact]]) -> dict[tuple, list[Fact]]:
    """Claims of one relation that give different times are different facts (a product unveiled in
    December and on sale in March); a claim that gives no time joins the one dated fact, if there
    is exactly one, else the one dated fact of its own document."""
    out: dict[tuple, list[Fact]] = {}
    for key, group in merged.items():
        if key[0] != "relation":
            out[key] = group
            continue
        dated: dict[str, list[Fact]] = {}
        undated = []
        for f in group:
            p = period_match_key(f.attr("period"))
            (dated.setdefault(p, []) if p else undated).append(f)
        if len(dated) <= 1:
            out[key] = group
            continue
        for p, facts in dated.items():
            out[key + (p,)] = facts
        # an undated claim joins the dated one its own document gives, if that is one: 京东（港交所：9618）
        # beside 京东于2020年6月在港交所上市 in the same text is that listing
        rest = []
        for f in undated:
            docs = {e.doc_id for e in f.evidence}
            same = [p for p, facts in dated.items() if any(e.doc_id in docs for g in facts for e in g.evidence)]
            if len(same) == 1:
                out[key + (same[0],)].append(f)
            else:
                rest.append(f)
        if rest:
            out[key + ("",)] = rest
    return out


def _one_per_sentence(evidence: set[Evidence], originals: set[str]) -> list[Evidence]:
    """The shortest span per sentence (two triggers in one sentence are one piece of evidence),
    evidence from original documents first. Of two with the same span and rule, the surer one
    (the order must not be left to the set's, which changes from process to process)."""
    best: dict[tuple, Evidence] = {}
    for e in sorted(evidence, key=lambda e: (e.end - e.start, e.start, e.rule, -e.confidence, e.quote)):
        best.setdefault((e.doc_id, e.sentence_index), e)
    return sorted(best.values(), key=lambda e: (e.doc_id not in originals, e.doc_id, e.start, e.end, e.rule))


def _entity_ids(f: Fact):
    for eid in (f.subject, f.obj) + tuple(f.attr(k, "") for k in ENTITY_ATTRS):
        if isinstance(eid, str) and eid:
            yield eid[len("market:"):] if eid.startswith("market:") else eid


def _link_new_names(extractions: list[Extraction], lexicon: Lexicon) -> dict[str, str]:
    """Map ids of names not in the lexicon to a lexicon id when the name is a near
    spelling of a lexicon name of a compatible class."""
    # a short name one letter off is another name (Icheon is not Incheon)
    wanted = [(info.entity_id, label) for x in extractions for info in x.entities for _, label in info.labels
              if len(label) >= 8]
    if not wanted:
        return {}
    names, nearest = _lexicon_names(lexicon)
    rename = {}
    for eid, label in wanted:
        folded = fold(label)[0]
        hit = nearest(folded)
        # a model number is no spelling: Redmi K70系列 is not Redmi K系列, iPhone 15 not iPhone 16
        if hit is not None and _digits(folded) == _digits(hit):
            rename[eid] = names[hit]
    return rename


def _lexicon_names(lexicon: Lexicon) -> tuple[dict[str, str], _NearestName]:
    """The lexicon's folded names of four characters or more -> their entity, and the nearest-name
    finder over them; made once per lexicon (a build's resolution, a server's many)."""
    if "near-names" not in lexicon.cache:
        names = {}
        for eid, info in lexicon.entities.items():
            for _, name in info.labels + info.aliases:
                if len(name) >= 4:
                    names[fold(name)[0]] = eid
        lexicon.cache["near-names"] = (names, _NearestName(list(names)))
    return lexicon.cache["near-names"]


class _NearestName:
    """The first of ``choices`` most like a name (rapidfuzz ratio at least ``FUZZY_MIN``), or None.

    A name recurs across documents, so each is looked up once. Only choices of a length that can
    reach the score are compared: the ratio is 100 * (1 - d / (a + b)) for lengths a and b, and the
    edit distance d is at least |a - b|; the choices of those lengths keep their order, so ties
    go to the same choice as over the whole list."""

    def __init__(self, choices: list[str]):
        self.choices = choices
        self.by_length: dict[int, list[int]] = {}
        for i, c in enumerate(choices):
            self.by_length.setdefault(len(c), []).append(i)
        self.windows: dict[int, list[str]] = {}
        self.found: dict[str, str | None] = {}

    def _window(self, n: int) -> list[str]:
        if n not in self.windows:
            slack = (100 - FUZZY_MIN) / 100  # |a - b| <= slack * (a + b)
            lo = int(n * (1 - slack) / (1 + slack)) - 1
            hi = int(n * (1 + slack) / (1 - slack)) + 1
            index = sorted(i for m in range(max(lo, 0), hi + 1) for i in self.by_length.get(m, ()))
            self.windows[n] = [self.choices[i] for i in index]
        return self.windows[n]

    def __call__(self, name: str) -> str | None:
        if name not in self.found:
            from rapidfuzz import fuzz, process

            hit = process.extractOne(name, self._window(len(name)), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
            self.found[name] = hit[0] if hit is not None else None
        return self.found[name]


def _digits(name: str) -> list[str]:
    return re.findall(r"[0-9]+", name)


def _rename(f: Fact, rename: dict[str, str]) -> Fact:
    if not rename:
        return f

    def r(v):
        if isinstance(v, str) and v.startswith("market:"):
            return "market:" + rename.get(v[7:], v[7:])
        return rename.get(v, v) if isinstance(v, str) else v

    return Fact(f.kind, r(f.subject), f.predicate, r(f.obj),
                tuple((k, r(v) if k in ENTITY_ATTRS else v) for k, v in f.attrs), f.evidence)
