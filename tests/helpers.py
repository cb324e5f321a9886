"""Small builders shared by the stage tests."""
from __future__ import annotations

import datetime as dt

from kg import extract, lexicon, mentions
from kg.lang import get
from kg.types import Document

DOC_DATE = dt.date(2018, 2, 7)


def make_doc(text: str, lang: str, doc_id: str = "t", **kw) -> Document:
    fields = dict(speaker="lei-jun", organisation="xiaomi", home_country="china", currency="CNY",
                  context=("technology", "business"), date=DOC_DATE)
    fields.update(kw)
    return Document(doc_id=doc_id, path=f"{doc_id}.txt", lang=lang, text=text, **fields)


def run(text: str, lang: str, **kw):
    """Mentions + extraction of one text; returns the Extraction."""
    doc = make_doc(text, lang, **kw)
    language = get(lang)
    annotated = mentions.find_mentions(doc, language, lexicon.load(), doc.context)
    return extract.extract(annotated, language, extract.load_patterns())


def facts(text: str, lang: str, **kw) -> set[tuple]:
    """Facts as comparable tuples: relations (s, p, o), quantities (s, metric, value, unit, bound, period),
    positions (s, 'rank', rank, bound, scope, period), goals (s, 'goal', rank/metric, scope, deadline)."""
    out = set()
    for f in run(text, lang, **kw).facts:
        period = f.attr("period")
        pk = period.key if period else None
        if f.kind == "relation":
            out.add((f.subject, f.predicate, f.obj))
        elif f.kind == "quantity":
            out.add((f.subject, f.predicate, float(f.attr("value")), f.attr("unit"), f.attr("bound"), pk))
        elif f.kind == "position":
            out.add((f.subject, "rank", f.attr("rank"), f.attr("bound"), f.attr("scope"), pk))
        elif f.kind == "goal":
            d = f.attr("deadline")
            out.add((f.subject, "goal", f.attr("rank") or f.attr("metric"), f.attr("scope"), d.key if d else None))
    return out


def labelled(text: str, lang: str, **kw) -> set[tuple[str, str, str]]:
    """Relation facts of a text with no topic or speaker unless given, a name the lexicon lacks
    written as the text writes it."""
    kw.setdefault("organisation", "")
    kw.setdefault("speaker", "")
    x = run(text, lang, **kw)
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    return {(names.get(f.subject, f.subject), f.predicate, names.get(f.obj, f.obj)) for f in x.facts if f.kind == "relation"}


def of(rel: str, got: set) -> set:
    """The facts of one relation."""
    return {f for f in got if f[1] == rel}


_QUANTITY_FIELDS = {
    "value": lambda f: float(f.attr("value")),
    "bound": lambda f: f.attr("bound"),
    "period": lambda f: f.attr("period").key if f.attr("period") else None,
    "scope": lambda f: f.attr("scope") or None,
}


def asserted_quantities(text: str, lang: str, fields: tuple = ("value", "period"), **kw) -> set[tuple]:
    """(subject label, metric, *fields) of the asserted quantity facts (confidence at or over 0.75);
    ``fields`` among value, bound, period, scope."""
    x = run(text, lang, **kw)
    names = {e.entity_id: e.labels[0][1] for e in x.entities}
    return {(names.get(f.subject, f.subject), f.predicate, *(_QUANTITY_FIELDS[k](f) for k in fields))
            for f in x.facts if f.kind == "quantity" and max(e.confidence for e in f.evidence) >= 0.75}
