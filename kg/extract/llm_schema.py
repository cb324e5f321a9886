"""The prompt and JSON schema of the language-model extractor, generated from ``ontology/kg.ttl``.

Nothing here names a class, property, metric or unit: the terms, their English and Chinese
labels, comments, domains and ranges are read from the ontology, so the ontology stays the
one source of terms. The entity classes are those the ontology lets be ``kg:mentionedIn`` a
document; the relations offered are the object properties between them (or from them to a
period); a property declared as the inverse of another is turned around, so a model that
answers "developed by" gives the same fact as the rules' "develops".
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass

from rdflib import RDF, RDFS, OWL, Literal, URIRef
from rdflib.collection import Collection

from ..iris import KG_NS, vocab


@dataclass(frozen=True)
class Term:
    name: str  # local name in the kg namespace
    label_en: str
    label_zh: str
    comment: str


@dataclass(frozen=True)
class Relation:
    term: Term
    domain: tuple[str, ...]  # class local names (a union is listed)
    range: tuple[str, ...]


@dataclass(frozen=True)
class Schema:
    classes: tuple[Term, ...]  # entity classes
    relations: tuple[Relation, ...]
    inverses: dict  # property -> the property it is the inverse of (as declared with owl:inverseOf)
    metrics: tuple[Term, ...]
    units: tuple[Term, ...]
    period_class: str  # the class of time periods (range of e.g. "founded on")
    statement_subjects: tuple[str, ...]  # classes a quantitative statement may be about
    names: dict  # kind ("class", "property", "metric", "unit") -> {name or label, folded: term name}
    system: str  # the system prompt
    json_schema: dict
    digest: str  # sha256 of prompt and schema: recorded with the facts

    def relation(self, name: str) -> Relation | None:
        return next((r for r in self.relations if r.term.name == name), None)

    def lookup(self, kind: str, text) -> str | None:
        """The term a model meant: its name, or its name or English or Chinese label in any case
        ("Company", "company", "公司"; "founderOf", "founder of", "创立"). None when it is no term."""
        if not isinstance(text, str):
            return None
        return self.names[kind].get(_key(text))


def _key(text: str) -> str:
    return " ".join(text.strip().casefold().split())


def _names(terms) -> dict:
    """Names and labels of terms -> term name; a label two terms share names neither."""
    out: dict = {}
    for t in terms:
        out[_key(t.name)] = t.name
    seen: dict = {}
    for t in terms:
        for label in {_key(t.label_en), _key(t.label_zh)} - {""}:
            seen.setdefault(label, set()).add(t.name)
    for label, owners in seen.items():
        if len(owners) == 1 and label not in out:
            out[label] = owners.pop()
    return out


def _local(node) -> str | None:
    return str(node)[len(KG_NS):] if isinstance(node, URIRef) and str(node).startswith(KG_NS) else None


def _classes_of(graph, node) -> tuple[str, ...]:
    """A class expression as local names: a named class, or the members of an owl:unionOf."""
    name = _local(node)
    if name:
        return (name,)
    union = graph.value(node, OWL.unionOf)
    if union is None:
        return ()
    return tuple(n for n in (_local(m) for m in Collection(graph, union)) if n)


def _term(graph, node) -> Term:
    labels = {lit.language: str(lit) for lit in graph.objects(node, RDFS.label) if isinstance(lit, Literal)}
    comment = next((str(c) for c in graph.objects(node, RDFS.comment) if isinstance(c, Literal)), "")
    return Term(_local(node), labels.get("en", _local(node)), labels.get("zh", ""), comment)


@functools.lru_cache(maxsize=1)
def load() -> Schema:
    """The schema of the ontology in force (read once)."""
    v = vocab()
    g = v.graph
    kg = lambda name: URIRef(KG_NS + name)  # noqa: E731
    mentionable = _classes_of(g, g.value(v["mentionedIn"], RDFS.domain))
    period_class = _local(g.value(v["period"], RDFS.range)) or ""  # the class of the times facts hold for
    entity_classes = sorted({c for c in v.classes if _local(kg(c)) and v.is_a(c, mentionable)})
    classes = tuple(_term(g, kg(c)) for c in entity_classes)

    inverses = {}
    for s, o in g.subject_objects(OWL.inverseOf):
        if _local(s) and _local(o):
            inverses[_local(o)] = _local(s)
    relations = []
    for prop in sorted(g.subjects(RDF.type, OWL.ObjectProperty)):
        name = _local(prop)
        if not name or name in inverses:
            continue
        domain = _classes_of(g, g.value(prop, RDFS.domain))
        rng = _classes_of(g, g.value(prop, RDFS.range))
        if not domain or not rng:
            continue
        if all(v.is_a(c, mentionable) for c in domain) and all(v.is_a(c, mentionable) or c == period_class for c in rng):
            relations.append(Relation(_term(g, prop), domain, rng))
    metrics = tuple(_term(g, s) for s in sorted(g.subjects(RDF.type, kg("Metric"))) if _local(s))
    units = tuple(_term(g, s) for s in sorted(g.subjects(RDF.type, kg("Unit"))) if _local(s))
    relations = tuple(relations)
    json_schema = _json_schema(classes, relations, inverses, metrics, units)
    system = _prompt(classes, relations, inverses, metrics, units, period_class)
    digest = hashlib.sha256((system + json.dumps(json_schema, sort_keys=True)).encode("utf-8")).hexdigest()
    subjects = _classes_of(g, g.value(v["statementSubject"], RDFS.range))
    names = {"class": _names(classes), "metric": _names(metrics), "unit": _names(units),
             "property": _names([r.term for r in relations] + [_term(g, kg(name)) for name in sorted(inverses)])}
    return Schema(classes, relations, inverses, metrics, units, period_class, subjects, names,
                  system, json_schema, digest)


def _json_schema(classes, relations, inverses, metrics, units) -> dict:
    props = sorted([r.term.name for r in relations] + list(inverses))
    fact = {
        "type": "object",
        "properties": {
            "kind": {"type": "string", "enum": ["relation", "quantity"]},
            "subject": {"type": "string", "description": "the subject's name exactly as the text writes it"},
            "subject_class": {"type": "string", "enum": [c.name for c in classes]},
            "property": {"type": "string", "enum": props, "description": "for a relation"},
            "object": {"type": "string", "description": "for a relation: the object's name (or date) exactly as written"},
            "object_class": {"type": "string", "enum": [c.name for c in classes]},
            "metric": {"type": "string", "enum": [m.name for m in metrics], "description": "for a quantity"},
            "value_text": {"type": "string", "description": "for a quantity: the number with its unit, copied from the text"},
            "unit": {"type": "string", "enum": [u.name for u in units]},
            "period_text": {"type": "string", "description": "the time expression the text gives for the fact, copied"},
            "quote": {"type": "string", "description": "the words of the text that state the fact, copied verbatim"},
        },
        "required": ["kind", "subject", "quote"],
    }
    return {"type": "object", "properties": {"facts": {"type": "array", "items": fact}}, "required": ["facts"]}


def _label(t: Term) -> str:
    return f"{t.label_en} / {t.label_zh}" if t.label_zh else t.label_en


def _prompt(classes, relations, inverses, metrics, units, period_class) -> str:
    lines = [
        "You extract facts from news and reports (Chinese or English) into a knowledge graph.",
        "Answer with one JSON object {\"facts\": [...]} and nothing else.",
        "Rules:",
        "- Only facts the text states. Never guess, never use outside knowledge.",
        "- \"quote\": copy, character for character, the shortest words of the text that state the fact "
        "(they must contain the subject, the object or value, and the time when given).",
        "- \"subject\" and \"object\": names exactly as the text writes them, in the text's language.",
        "- Numbers: copy the number and its unit as written into \"value_text\" (e.g. \"2710亿元\", \"$2.5 billion\"); "
        "do not convert or compute.",
        "- Times: copy the time expression as written into \"period_text\".",
        "- Use only the classes, properties, metrics and units listed below, by their names.",
        "",
        "Entity classes (name: English / Chinese label - meaning):",
    ]
    lines += [f"- {c.name}: {_label(c)} - {c.comment}" for c in classes]
    lines += ["", "Relations (kind \"relation\"; property: subject class -> object class):"]
    for r in relations:
        rng = " | ".join(r.range) + (" (a date or time as written)" if period_class in r.range else "")
        lines.append(f"- {r.term.name} ({_label(r.term)}): {' | '.join(r.domain)} -> {rng}. {r.term.comment}")
    if inverses:
        lines.append("Also accepted, as the inverse of the property named: "
                     + ", ".join(f"{inv} (of {fwd})" for inv, fwd in sorted(inverses.items())))
    lines += ["", "Metrics (kind \"quantity\": subject, metric, value_text, optional unit and period_text):"]
    lines += [f"- {m.name}: {_label(m)} - {m.comment}" for m in metrics]
    lines += ["", "Units:"]
    lines += [f"- {u.name}: {_label(u)} - {u.comment}" for u in units]
    return "\n".join(lines)


def user_message(text: str, lang: str, date) -> str:
    """The user turn of a request: the window of text, its language and the document date."""
    head = f"Language: {lang}." + (f" Document date: {date.isoformat()}." if date else "")
    return f"{head}\nText:\n{text}"
