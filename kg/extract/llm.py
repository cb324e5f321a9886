"""The optional language-model extractor: facts from a model, grounded in the text, held to the ontology.

It works on what the rule stages produced for each document (sentences, mentions, facts),
behind the document-level interface of :func:`kg.extract.extract`: an
:class:`~kg.types.Extraction` in, an Extraction out. The text goes to the model in windows
of sentences, with a prompt and JSON schema generated from the ontology
(:mod:`kg.extract.llm_schema`). Every fact the model returns must quote its evidence; the
quote is located in the document (exactly, then after width and punctuation normalisation)
for its character offsets, its arguments must be named in the quoted sentences, its terms
must be the ontology's and its arguments must fit the property's domain and range. Numbers
and dates are read by kg's own parser (:mod:`kg.numbers`) from the quoted span, never taken
from the model. Whatever fails a check is rejected and counted by reason; nothing
ungrounded reaches the graph, and a model that answers badly or not at all never fails the build.
"""
from __future__ import annotations

import json
import unicodedata
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from ..iris import new_entity_id, vocab
from ..lexicon import fold
from ..llm_client import Answer, ChatClient, ClientStats, LlmConfig, parse_json, settings_record
from ..types import EntityInfo, Evidence, Extraction, Fact, PeriodRef
from . import llm_schema

RULE = "llm"  # the extraction rule named on the evidence of model facts (kgid:rule/llm)
# A model fact is less sure (its confidence is multiplied by this, once per sign) when its quote
# matched only after normalisation, when an argument lies outside the quote (elsewhere in its
# sentence), and when an argument is a name the lexicon does not know.
DOUBT = 0.9
REASONS = ("malformed_json", "quote_not_found", "argument_not_found", "unknown_term", "type_mismatch", "bad_value")


@dataclass(frozen=True)
class Window:
    doc: int  # index of the document in the list given to run()
    first: int  # first and last sentence index
    last: int
    start: int  # document offsets
    end: int


class Rejected(Exception):
    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason, self.detail = reason, detail


@dataclass
class LlmReport:
    """What the model extractor did: windows, answers, facts accepted and rejected by reason."""

    extractor: str
    settings: dict
    prompt_digest: str
    windows: int = 0
    answered: int = 0
    unanswered: int = 0
    prompt_tokens: int = 0  # usage of the answers used (from the cache too, so it is the same on a rebuild)
    completion_tokens: int = 0
    facts_returned: int = 0
    facts_accepted: int = 0
    confirmed: int = 0  # rule facts the model also found (their confidence rises)
    rejected: dict = field(default_factory=lambda: {r: 0 for r in REASONS})
    examples: list = field(default_factory=list)  # (doc_id, reason, detail) of the first rejections
    client: ClientStats = field(default_factory=ClientStats)
    confirmed_evidence: set = field(default_factory=set)  # (doc_id, start, end, rule) of boosted rule evidence

    def reject(self, doc_id: str, reason: str, detail: str = "") -> None:
        self.rejected[reason] += 1
        if len(self.examples) < 50:
            self.examples.append((doc_id, reason, detail))

    def summary(self) -> dict:
        """The figures that go to summary.json: the same on a rebuild from the cache."""
        return {
            "extractor": self.extractor,
            "model": self.settings.get("model", ""),
            "windows": self.windows,
            "answered": self.answered,
            "unanswered": self.unanswered,
            "tokens": {"prompt": self.prompt_tokens, "completion": self.completion_tokens},
            "facts_returned": self.facts_returned,
            "facts_accepted": self.facts_accepted,
            "rule_facts_confirmed": self.confirmed,
            "rejected": dict(self.rejected),
        }


def windows(x: Extraction, size: int, doc_index: int = 0) -> list[Window]:
    """Consecutive, non-overlapping windows of ``size`` sentences."""
    out = []
    sents = x.sentences
    for i in range(0, len(sents), size):
        part = sents[i:i + size]
        out.append(Window(doc_index, part[0].index, part[-1].index, part[0].start, part[-1].end))
    return out


def messages(x: Extraction, w: Window, schema: llm_schema.Schema) -> list[dict]:
    doc = x.document
    text = doc.text[w.start:w.end]
    return [{"role": "system", "content": schema.system},
            {"role": "user", "content": llm_schema.user_message(text, doc.lang, doc.date)}]


def run(extractions: list[Extraction], cfg: LlmConfig, key=None, progress=None,
        client: ChatClient | None = None) -> tuple[list[Extraction], LlmReport]:
    """Ask the model about every window of every document and merge its grounded facts.

    ``key`` is the function that says when two facts are the same claim (kg.resolve's merge key),
    used in ``both`` mode to raise the confidence of rule facts the model also found.
    ``progress(total)`` may return a bar with ``update(n)``, ``set_postfix_str(s)`` and ``close()``.
    """
    schema = llm_schema.load()
    client = client or ChatClient(cfg)
    report = LlmReport(cfg.extractor, settings_record(cfg), schema.digest, client=client.stats)
    jobs = [(x, w) for i, x in enumerate(extractions) for w in windows(x, cfg.window, i)]
    report.windows = len(jobs)
    answers: list[Answer | None] = [None] * len(jobs)
    bar = progress(len(jobs)) if progress and jobs else None
    pool = ThreadPoolExecutor(max_workers=cfg.concurrency)
    try:
        futures = {pool.submit(client.complete, messages(x, w, schema), schema.json_schema): n
                   for n, (x, w) in enumerate(jobs)}
        for done in as_completed(futures):
            answers[futures[done]] = done.result()
            if bar is not None:
                s = client.stats
                bar.update(1)
                bar.set_postfix_str(f"requests {s.requests}, cached {s.cache_hits}, "
                                    f"tokens {s.prompt_tokens + s.completion_tokens}", refresh=False)
    except BaseException:  # Ctrl-C: drop the windows not yet sent instead of waiting for them all
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        if bar is not None:
            bar.close()
    pool.shutdown()

    found: dict[int, list[Fact]] = {}
    new_entities: dict[int, dict[str, EntityInfo]] = {}
    for (x, w), answer in zip(jobs, answers):  # in document and window order: the same graph every run
        if answer is None or answer.content is None:
            report.unanswered += 1
            continue
        report.answered += 1
        report.prompt_tokens += answer.prompt_tokens
        report.completion_tokens += answer.completion_tokens
        grounder = _Grounder(x, w, schema, cfg, new_entities.setdefault(w.doc, {}))
        for fact in _read(answer.content, x.document.doc_id, report):
            report.facts_returned += 1
            try:
                found.setdefault(w.doc, []).append(grounder.ground(fact))
                report.facts_accepted += 1
            except Rejected as r:
                report.reject(x.document.doc_id, r.reason, r.detail)
    out = []
    for i, x in enumerate(extractions):
        facts = combine(x.facts, found.get(i, []), cfg, key, report)
        known = {e.entity_id for e in x.entities}
        extra = tuple(e for eid, e in sorted(new_entities.get(i, {}).items()) if eid not in known)
        out.append(Extraction(x.document, x.sentences, x.mentions, tuple(facts), x.entities + extra, x.errors))
    return out, report


def _read(content: str, doc_id: str, report: LlmReport) -> list:
    """The fact objects of an answer; an answer that is no JSON, or not of the schema's shape, counts once."""
    data = parse_json(content)
    if isinstance(data, dict):
        data = [data] if "kind" in data and "facts" not in data else data.get("facts")  # one fact, unwrapped
    if not isinstance(data, list):
        report.facts_returned += 1
        report.reject(doc_id, "malformed_json", content[:200])
        return []
    return data


def combine(rule_facts, llm_facts: list[Fact], cfg: LlmConfig, key, report: LlmReport) -> list[Fact]:
    """The document's facts for the mode: the model's alone (``llm``), or both extractors' (``both``):
    a rule fact the model also found keeps its evidence with a raised confidence
    (1 - (1 - rule)(1 - model)); the model's evidence for it is kept only from other sentences."""
    if cfg.extractor == "llm":
        return list(llm_facts)
    facts = list(rule_facts)
    index: dict = {}
    if key is not None:
        for n, f in enumerate(facts):
            index.setdefault(key(f), n)
    boosted: set[int] = set()
    extra = []
    for lf in llm_facts:
        n = index.get(key(lf)) if key else None
        if n is None:
            extra.append(lf)
            continue
        rule_fact = facts[n]
        if n not in boosted:
            boosted.add(n)
            report.confirmed += 1
            evidence = tuple(Evidence(e.doc_id, e.sentence_index, e.start, e.end, e.quote, e.rule,
                                      round(1 - (1 - e.confidence) * (1 - cfg.confidence), 3)) for e in rule_fact.evidence)
            facts[n] = rule_fact = Fact(rule_fact.kind, rule_fact.subject, rule_fact.predicate, rule_fact.obj,
                                        rule_fact.attrs, evidence)
            report.confirmed_evidence |= {(e.doc_id, e.start, e.end, e.rule) for e in evidence}
        covered = {e.sentence_index for e in rule_fact.evidence}
        if not any(e.sentence_index in covered for e in lf.evidence):
            extra.append(lf)
    return facts + extra


# ---------------------------------------------------------------- grounding

_PUNCT = str.maketrans({"。": ".", "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "「": '"', "」": '"',
                        "『": '"', "』": '"', "—": "-", "–": "-", "―": "-", "·": ".", "・": ".", "、": ","})


def normalise(text: str) -> tuple[str, list[int]]:
    """Text with widths folded (NFKC), punctuation unified and whitespace dropped; and for each
    character kept, its index in ``text``."""
    out, index = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).translate(_PUNCT):
            if c.isspace():
                continue
            out.append(c)
            index.append(i)
    return "".join(out), index


def locate(needle: str, text: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``text[lo:hi]``: an exact match, else a match after normalisation."""
    hi = len(text) if hi is None else hi
    needle = needle.strip()
    if not needle:
        return None
    i = text.find(needle, lo, hi)
    if i >= 0:
        return i, i + len(needle)
    n, _ = normalise(needle)
    if not n:
        return None
    hay, index = normalise(text[lo:hi])
    j = hay.find(n)
    if j < 0:
        return None
    return lo + index[j], lo + index[j + len(n) - 1] + 1


class _Grounder:
    """Checks the facts a model returned for one window and turns them into kg facts."""

    def __init__(self, x: Extraction, w: Window, schema: llm_schema.Schema, cfg: LlmConfig, new: dict):
        from ..lexicon import load

        self.x, self.w, self.schema, self.cfg, self.new = x, w, schema, cfg, new
        self.doc = x.document
        self.v = vocab()
        self.lex = load()
        self.units = {u.name for u in schema.units}

    def ground(self, raw) -> Fact:
        if not isinstance(raw, dict):
            raise Rejected("malformed_json", json.dumps(raw, ensure_ascii=False)[:200])
        quote = raw.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            raise Rejected("quote_not_found", "no quote")
        text = self.doc.text
        span = locate(quote, text, self.w.start, self.w.end) or locate(quote, text)
        if span is None:
            raise Rejected("quote_not_found", quote[:200])
        start, end = span
        self.quote_span, self.doubt = span, 1.0 if text[start:end] == quote.strip() else DOUBT
        sents = [s for s in self.x.sentences if s.start < end and s.end > start]
        if not sents:  # a quote of the blank between two sentences
            raise Rejected("quote_not_found", quote[:200])
        lo, hi = sents[0].start, sents[-1].end
        kind = raw.get("kind")
        if kind == "relation":
            fact = self._relation(raw, lo, hi, start, end)
        elif kind == "quantity":
            fact = self._quantity(raw, lo, hi, start, end)
        else:
            raise Rejected("unknown_term", f"kind {kind!r}")
        ev = Evidence(self.doc.doc_id, sents[0].index, start, end, text[start:end], RULE,
                      round(self.cfg.confidence * self.doubt, 3))
        return Fact(fact.kind, fact.subject, fact.predicate, fact.obj, fact.attrs, (ev,))

    # -------------------------------------------------------- arguments
    def _class(self, raw, name: str) -> str:
        cls = raw.get(name)
        if cls in (None, ""):
            return ""
        found = self.schema.lookup("class", cls)
        if found is None:
            raise Rejected("unknown_term", f"{name} {cls!r}")
        return found

    def _entity(self, name, cls_hint: str, lo: int, hi: int) -> tuple[str, str]:
        """(entity id, class) of a name the quoted sentences give: a mention found there, a lexicon
        name written there, or a new name written there (typed by the model's class)."""
        if not isinstance(name, str) or not name.strip():
            raise Rejected("argument_not_found", "no name")
        want = fold(name.strip())[0]
        qs, qe = self.quote_span
        found = []
        for m in self.x.mentions:
            if lo <= m.start < hi and m.entity_id and m.cls:
                info = self.lex.info(m.entity_id)
                names = {fold(m.text)[0]} | {fold(a)[0] for _, a in (info.labels + info.aliases if info else ())}
                if want in names:
                    found.append(m)
        if found:  # the one in the quote, if the name is there too
            m = min(found, key=lambda m: not (qs <= m.start and m.end <= qe))
            self._inside(m.start, m.end)
            return m.entity_id, m.cls
        where = locate(name, self.doc.text, qs, qe) or locate(name, self.doc.text, lo, hi)
        if where is None:
            folded, index = fold(self.doc.text[lo:hi])
            j = folded.find(want)
            if j < 0:
                raise Rejected("argument_not_found", name[:100])
            where = (lo + index[j], lo + index[j + len(want) - 1] + 1)
        self._inside(*where)
        for eid, _, contexts in self.lex.aliases.get(want, ()):
            if contexts is None or set(contexts) & set(self.doc.context):
                return eid, self.lex.cls(eid)
        if not cls_hint:
            raise Rejected("unknown_term", f"no class for the new name {name[:100]!r}")
        written = self.doc.text[where[0]:where[1]]
        eid = new_entity_id(written)
        known = self.lex.info(eid)
        if known is not None:
            return eid, known.cls
        self.doubt *= DOUBT
        if eid not in self.new:  # the first class the model gave a new name stays its class
            self.new[eid] = EntityInfo(eid, cls_hint, ((self.doc.lang, written),))
        return eid, self.new[eid].cls

    def _inside(self, start: int, end: int) -> None:
        if not (self.quote_span[0] <= start and end <= self.quote_span[1]):
            self.doubt *= DOUBT

    def _period(self, raw, lo: int, hi: int, required: bool = False, field_name: str = "period_text"):
        """The period a text span gives, read by kg's parser from the quoted sentences."""
        from ..numbers import find_periods

        words = raw.get(field_name)
        if not isinstance(words, str) or not words.strip():
            if required:
                raise Rejected("bad_value", f"no {field_name}")
            return None
        where = locate(words, self.doc.text, lo, hi)
        if where is None:
            if required:
                raise Rejected("argument_not_found", words[:100])
            return None  # a time the sentences do not give is left out, not trusted
        for p in find_periods(self.doc.text[lo:hi], self.doc.lang, self.doc.date):
            if lo + p.start < where[1] and lo + p.end > where[0]:
                return PeriodRef(p.year, p.quarter, p.month, p.day, p.qualifier, half=p.half)
        if required:
            raise Rejected("bad_value", f"no time in {words[:100]!r}")
        return None

    # -------------------------------------------------------- facts
    def _relation(self, raw, lo, hi, qs, qe) -> Fact:
        prop = self.schema.lookup("property", raw.get("property"))
        subject, obj = raw.get("subject"), raw.get("object")
        s_cls, o_cls = self._class(raw, "subject_class"), self._class(raw, "object_class")
        if isinstance(prop, str) and prop in self.schema.inverses:  # "developed by" is "develops" turned round
            prop = self.schema.inverses[prop]
            subject, obj, s_cls, o_cls = obj, subject, o_cls, s_cls
        rel = self.schema.relation(prop) if isinstance(prop, str) else None
        if rel is None:
            raise Rejected("unknown_term", f"property {raw.get('property')!r}")
        sid, scls = self._entity(subject, s_cls, lo, hi)
        if not self.v.is_a(scls, rel.domain):
            raise Rejected("type_mismatch", f"{prop}: subject {subject!r} is a {scls}, not {' | '.join(rel.domain)}")
        period = self._period(raw, lo, hi)
        if rel.range == (self.schema.period_class,):
            when = self._period({"o": obj}, lo, hi, required=True, field_name="o")
            return Fact("relation", sid, prop, "period:" + when.plain().key, (("period", when.plain()),))
        oid, ocls = self._entity(obj, o_cls, lo, hi)
        if not self.v.is_a(ocls, rel.range):
            market = "Market" in rel.range and self.v.is_a(ocls, ["Place"])
            if not market:
                raise Rejected("type_mismatch", f"{prop}: object {obj!r} is a {ocls}, not {' | '.join(rel.range)}")
            oid = "market:" + oid
        if sid == oid:
            raise Rejected("type_mismatch", f"{prop}: subject and object are one entity")
        attrs = (("period", period),) if period is not None else ()
        return Fact("relation", sid, prop, oid, attrs)

    def _quantity(self, raw, lo, hi, qs, qe) -> Fact:
        from ..numbers import find_quantities

        metric = self.schema.lookup("metric", raw.get("metric"))
        if metric is None:
            raise Rejected("unknown_term", f"metric {raw.get('metric')!r}")
        unit_hint = raw.get("unit")
        if unit_hint not in (None, ""):
            unit_hint = self.schema.lookup("unit", unit_hint)
            if unit_hint is None:
                raise Rejected("unknown_term", f"unit {raw.get('unit')!r}")
        sid, scls = self._entity(raw.get("subject"), self._class(raw, "subject_class"), lo, hi)
        if not self.v.is_a(scls, self.schema.statement_subjects):
            raise Rejected("type_mismatch", f"{metric}: subject {raw.get('subject')!r} is a {scls}")
        words = raw.get("value_text")
        if not isinstance(words, str) or not words.strip():
            raise Rejected("bad_value", "no value_text")
        where = locate(words, self.doc.text, qs, qe)
        if where is None:
            raise Rejected("bad_value", f"value {words[:100]!r} is not in the quote")
        quote = self.doc.text[qs:qe]
        hits = [q for q in find_quantities(quote, self.doc.lang) if qs + q.start < where[1] and qs + q.end > where[0]]
        if not hits:
            raise Rejected("bad_value", f"kg reads no number in {words[:100]!r}")
        q = hits[0]
        unit = q.unit or (unit_hint or "")
        if unit not in self.units:
            raise Rejected("bad_value", f"no unit for {words[:100]!r}")
        attrs = {"value": q.value, "unit": unit, "bound": q.bound}
        period = self._period(raw, lo, hi)
        if period is not None:
            attrs["period"] = period
        return Fact("quantity", sid, metric, "", tuple(sorted(attrs.items())))


# ---------------------------------------------------------------- provenance in the graph


def quads(report: LlmReport, resolved, candidates: frozenset = frozenset()) -> list:
    """The activity that ran the model (its model and settings) and ``prov:wasGeneratedBy`` from
    every fact and piece of evidence it produced or confirmed: a fact in the graph that holds it
    (merged or candidates) and its documents' graphs, a piece of evidence in the merged graph and
    its document's graph. ``candidates`` holds the keys of the facts not asserted."""
    import pyoxigraph as ox

    from .. import iris
    from ..resolve import fact_key

    prov = "http://www.w3.org/ns/prov#"
    rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    activity = ox.NamedNode(str(iris.activity("llm", report.prompt_digest, *sorted(report.settings.items()))))
    settings = dict(report.settings, extractor=report.extractor, prompt_sha256=report.prompt_digest)
    out = [
        ox.Quad(activity, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(prov + "Activity"), ox.DefaultGraph()),
        ox.Quad(activity, ox.NamedNode(rdfs + "label"),
                ox.Literal(f"kg LLM extractor, model {report.settings.get('model', '')}", language="en"), ox.DefaultGraph()),
        ox.Quad(activity, ox.NamedNode(rdfs + "comment"),
                ox.Literal(json.dumps(settings, ensure_ascii=False, sort_keys=True)), ox.DefaultGraph()),
    ]
    generated = ox.NamedNode(prov + "wasGeneratedBy")
    for f in resolved.facts:
        by_model = [e for e in f.evidence
                    if e.rule == RULE or (e.doc_id, e.start, e.end, e.rule) in report.confirmed_evidence]
        if not by_model:
            continue
        key = fact_key(f)
        fact = ox.NamedNode(str(iris.fact(*key)))
        home = ox.NamedNode(str(iris.CANDIDATES_GRAPH)) if key in candidates else ox.DefaultGraph()
        out.append(ox.Quad(fact, generated, activity, home))
        for doc_id in sorted({e.doc_id for e in f.evidence}):
            out.append(ox.Quad(fact, generated, activity, ox.NamedNode(str(iris.doc_graph(doc_id)))))
        for e in by_model:
            node = ox.NamedNode(str(iris.evidence(e.doc_id, e.start, e.end, e.rule, e.confidence)))
            out.append(ox.Quad(node, generated, activity, ox.DefaultGraph()))
            out.append(ox.Quad(node, generated, activity, ox.NamedNode(str(iris.doc_graph(e.doc_id)))))
    return out

