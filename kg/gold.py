"""Gold fact lists: read and check the files that ``kg eval`` scores against.

The format is documented in ``data/eval/README.md``: one YAML file per document, each
fact a subject, a relation (an ontology relation, a metric, ``rank`` or ``goal``) and the
fields that kind of fact takes, plus the verbatim quote that states it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from . import resources
from .errors import data_error

BOUNDS = {"exact": "Exact", "lower": "LowerBound", "upper": "UpperBound", "approximate": "Approximate"}
PERIOD_RE = re.compile(r"^(?:(since|by) )?(\d{4})(?:-(H[12]|Q[1-4]|\d{2})(?:-(\d{2}))?)?$")
# The relations and metrics the gold format documents (data/eval/README.md, kept equal by a
# test). Extracted facts of other kinds are not scored unless a gold file uses them.
DOCUMENTED = frozenset("""
    foundedOn foundedIn founderOf headquarteredIn listedOn acquired divested investedIn partnerOf
    subOrganizationOf brandOf releases develops successorOf designedBy sponsorOf endorsedBy enteredMarket
    wonAward heldBy chairOf viceChairOf ceoOf presidentOf cfoOf ctoOf cooOf executiveOf memberOf visited
    hasGrowthMarket representativeOf country locatedIn partOfSeries
    Revenue RevenueGrowthYoY RevenueGrowthQoQ NetProfit NetProfitGrowthYoY AdjustedNetProfit OperatingProfit
    GrossProfit GrossMargin Profit ResearchSpending ResearchSpendingShare ResearchStaff Employees Shipments
    ShipmentGrowth Deliveries SalesGrowthYoY MarketShare MarketChange Users Subscribers Stores
    MarketCapitalisation Valuation Dividend ShareBuyback FundsRaised PatentApplications PatentsGranted
    CountriesEntered rank goal
""".split())
FIELDS = {"subject", "relation", "object", "value", "unit", "bound", "rank", "period", "scope",
          "category", "title", "core", "quote", "note"}


@dataclass(frozen=True)
class GoldFact:
    """One fact of a gold file; names are kept as written (tuples of alternatives)."""

    doc: str  # document id (the file stem)
    index: int  # position in the file, from 1
    kind: str  # "relation" | "quantity" | "position" | "goal"
    subject: tuple[str, ...]
    relation: str  # property or metric local name, "rank" or "goal"
    obj: tuple[str, ...] = ()
    value: Decimal | None = None
    unit: str = ""
    bound: str = "Exact"
    rank: int | None = None
    period: str = ""  # normalised key: 2023, 2023-H1, 2023-Q3, 2023-09, 2023-09-12, since-2017-Q3, by-2020
    scope: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    title: str = ""
    core: bool = False
    quote: str = ""


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    path: Path
    document: str  # file name of the document
    language: str
    kind: str
    date: dt.date | None
    facts: tuple[GoldFact, ...]


def period_key(text: str) -> str:
    """The normalised key of a gold period (``since 2017-Q3`` → ``since-2017-Q3``); '' if invalid."""
    m = PERIOD_RE.match(str(text).strip())
    if not m:
        return ""
    qual, year, part, day = m.groups()
    key = year
    if part:
        if part.isdigit() and not 1 <= int(part) <= 12:
            return ""
        key += f"-{part}"
    if day:
        if not part or not part.isdigit():
            return ""
        try:
            dt.date(int(year), int(part), int(day))
        except ValueError:
            return ""
        key += f"-{day}"
    return f"{qual}-{key}" if qual else key


def _names(value, path: Path, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return (str(value).strip(),)
    if isinstance(value, list) and value and all(isinstance(v, (str, int)) and str(v).strip() for v in value):
        return tuple(str(v).strip() for v in value)
    raise data_error(path, f"{where}: '{key}' should be a name or a list of names, got {value!r}",
                     f"Write {key}: Name or {key}: [Name, 名称]")


def _number(value, path: Path, where: str) -> Decimal:
    if isinstance(value, bool):
        raise data_error(path, f"{where}: 'value' should be a number, got {value!r}", "Write the number in base units, e.g. 114600000000")
    try:
        return Decimal(str(value).replace(",", "").replace("_", "").strip())
    except InvalidOperation:
        raise data_error(path, f"{where}: 'value' should be a number, got {value!r}",
                         "Write the number in base units, e.g. 114600000000 (not '1146亿')")


def _kinds():
    """Relation names and metric names the gold may use, from the ontology."""
    from .iris import KG_NS, vocab
    from rdflib import URIRef
    from rdflib.namespace import OWL, RDF

    v = vocab()
    g = v.graph
    metric_cls = URIRef(KG_NS + "Metric")
    unit_cls = URIRef(KG_NS + "Unit")
    local = lambda s: str(s)[len(KG_NS):]  # noqa: E731
    metrics = {local(s) for s in g.subjects(RDF.type, metric_cls)}
    units = {local(s) for s in g.subjects(RDF.type, unit_cls)}
    relations = {local(s) for s in g.subjects(RDF.type, OWL.ObjectProperty) if str(s).startswith(KG_NS)}
    return relations, metrics, units


def load_file(path: Path, doc_text: str | None = None) -> GoldDocument:
    """Read one gold file; with ``doc_text``, also check that every quote occurs in it."""
    relations, metrics, units = _kinds()
    data = resources.load_yaml(path)
    if not isinstance(data, dict):
        raise data_error(path, "expected a mapping with 'document' and 'facts'", "See data/eval/README.md for the gold format")
    document = resources.require(data, "document", path, "top level", str)
    language = str(data.get("language", ""))
    if language not in ("zh", "en"):
        raise data_error(path, f"language {language!r} is not supported", "Write language: zh or language: en")
    date = data.get("date")
    if date is not None and not isinstance(date, dt.date):
        raise data_error(path, f"date {date!r} is not a date", "Write it as YYYY-MM-DD or leave it out")
    raw = resources.require(data, "facts", path, "top level", list)
    doc_id = Path(document).stem
    facts = []
    for n, item in enumerate(raw, 1):
        where = f"fact #{n}"
        if not isinstance(item, dict):
            raise data_error(path, f"{where}: expected a mapping, got {item!r}", "Write each fact as '- subject: ...'")
        unknown = sorted(set(item) - FIELDS)
        if unknown:
            raise data_error(path, f"{where}: unknown field(s) {', '.join(unknown)}",
                             f"Use only: {', '.join(sorted(FIELDS))}")
        subject = _names(resources.require(item, "subject", path, where), path, where, "subject")
        relation = resources.require(item, "relation", path, where, str).strip()
        quote = resources.require(item, "quote", path, where, str)
        if doc_text is not None and quote not in doc_text:
            raise data_error(path, f"{where}: the quote {quote[:40]!r} is not in {document}",
                             "Copy the quote exactly from the document (same characters, spaces and punctuation)")
        kw: dict = {"doc": doc_id, "index": n, "subject": subject, "relation": relation, "quote": quote,
                    "core": bool(item.get("core", False))}
        if relation in metrics:
            kw["kind"] = "quantity"
        elif relation == "rank":
            kw["kind"] = "position"
        elif relation == "goal":
            kw["kind"] = "goal"
        elif relation in relations:
            kw["kind"] = "relation"
        else:
            raise data_error(path, f"{where}: relation {relation!r} is neither a relation nor a metric of the ontology",
                             "Use a name from the tables in data/eval/README.md (case matters)")
        if "object" in item:
            if relation == "foundedOn":
                key = period_key(str(item["object"]))
                if not key:
                    raise data_error(path, f"{where}: foundedOn object {item['object']!r} is not a date",
                                     "Write YYYY, YYYY-MM or YYYY-MM-DD")
                kw["obj"] = (key,)
            else:
                kw["obj"] = _names(item["object"], path, where, "object")
        elif kw["kind"] == "relation":
            raise data_error(path, f"{where}: relation {relation} needs an 'object'", "Add object: <name>")
        if "value" in item:
            kw["value"] = _number(item["value"], path, where)
        elif kw["kind"] == "quantity":
            raise data_error(path, f"{where}: metric {relation} needs a 'value'", "Add value: <number in base units>")
        if "unit" in item:
            unit = str(item["unit"])
            if unit not in units:
                raise data_error(path, f"{where}: unit {unit!r} is not an ontology unit", f"Use one of: {', '.join(sorted(units))}")
            kw["unit"] = unit
        elif kw["kind"] == "quantity" or (kw.get("value") is not None):
            raise data_error(path, f"{where}: a value needs a 'unit'", "Add unit: CNY, USD, Percent, Count, ...")
        bound = str(item.get("bound", "exact")).lower()
        if bound not in BOUNDS:
            raise data_error(path, f"{where}: bound {bound!r} is not one of {', '.join(BOUNDS)}", "Write bound: exact, lower, upper or approximate")
        kw["bound"] = BOUNDS[bound]
        if "rank" in item:
            rank = item["rank"]
            if isinstance(rank, bool) or not isinstance(rank, int) or rank < 1:
                raise data_error(path, f"{where}: rank {rank!r} should be a positive whole number", "Write rank: 1 for first")
            kw["rank"] = rank
        elif kw["kind"] == "position":
            raise data_error(path, f"{where}: a rank needs 'rank'", "Add rank: <position>")
        if kw["kind"] == "goal" and kw.get("rank") is None and kw.get("value") is None:
            raise data_error(path, f"{where}: a goal needs a 'rank' or a 'value'", "Add the target")
        if "period" in item and item["period"] is not None:
            key = period_key(str(item["period"]))
            if not key:
                raise data_error(path, f"{where}: period {item['period']!r} is not valid",
                                 "Write YYYY, YYYY-H1, YYYY-Q3, YYYY-MM, YYYY-MM-DD, 'since YYYY-Qn' or 'by YYYY'")
            kw["period"] = key
        for key in ("scope", "category"):
            if item.get(key) is not None:
                kw[key] = _names(item[key], path, where, key)
        if item.get("title"):
            kw["title"] = str(item["title"])
        facts.append(GoldFact(**kw))
    return GoldDocument(doc_id, path, document, language, str(data.get("kind", "")), date, tuple(facts))


def load(gold: Path, docs: Path | None = None) -> list[GoldDocument]:
    """Every gold file of a file or folder; quotes are checked against ``docs`` when given."""
    if not gold.exists():
        from .errors import InputError

        raise InputError(f"{gold}: no such gold file or folder. Give a gold .yaml file or a folder of them (see data/eval/README.md).")
    files = sorted(gold.glob("*.yaml")) if gold.is_dir() else [gold]
    if not files:
        from .errors import InputError

        raise InputError(f"{gold}: the folder has no gold .yaml files. See data/eval/README.md for the format.")
    out = []
    for f in files:
        text = None
        if docs is not None:
            data = resources.load_yaml(f)
            name = data.get("document") if isinstance(data, dict) else None
            if isinstance(name, str):
                doc_path = docs / name if docs.is_dir() else docs
                if not doc_path.exists():
                    raise data_error(f, f"document {name!r} is not in {docs}", "Fix 'document:' or add the document")
                text = doc_path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        out.append(load_file(f, text))
    ids = [g.doc_id for g in out]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise data_error(gold, f"several gold files name the document(s) {', '.join(dupes)}", "Keep one gold file per document")
    return out
