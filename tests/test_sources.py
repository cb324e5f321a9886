"""Two sources, one story: alignment, corroboration, conflicts and translation noise (kg.sources)."""
from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from kg import pipeline, profile, sources
from kg.errors import EXIT_OUTPUT, DataFileError

KG = "https://w3id.org/kg/ontology#"
ID = "https://w3id.org/kg/id/"
PREFIXES = f"PREFIX kg: <{KG}> PREFIX kgid: <{ID}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " \
           "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX dcterms: <http://purl.org/dc/terms/> "


# ---------------------------------------------------------------- helpers


def _docs(build):
    """(original, report) document ids of the seed corpus, from its manifest."""
    (report,) = [d for d in build.resolved.documents if d.reports_on]
    return report.reports_on[0], report.doc_id


def _store(graph_file: Path):
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(graph_file), format=ox.RdfFormat.TRIG)
    return store


def _ask(store, where: str) -> bool:
    return bool(store.query(PREFIXES + "ASK { " + where + " }"))


def _sentence(build, doc_id: str, needle: str) -> int:
    (s,) = [s for s in build.resolved.sentences if s.doc_id == doc_id and needle in s.text]
    return s.index


def _build_folder(tmp_path: Path, files: dict[str, str], manifest: str | None):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
    if manifest is not None:
        (folder / "manifest.yaml").write_text(textwrap.dedent(manifest), encoding="utf-8")
    return pipeline.build([folder])


SPEECH_MANIFEST = """\
documents:
  - id: speech
    file: speech.txt
    language: zh
    date: 2018-02-07
    speaker: lei-jun
    organisation: xiaomi
    home_country: china
    currency: CNY
    context: [technology, business]
  - id: report
    file: report.txt
    language: en
    reference_date: 2018-02-07
    organisation: xiaomi
    currency: CNY
    context: [technology, business]
    reports_on: [speech]
"""


def _quantity(build, subject: str, metric: str, value: int):
    return [f for f in build.resolved.facts
            if f.kind == "quantity" and f.subject == subject and f.predicate == metric and f.attr("value") == Decimal(value)]


# ---------------------------------------------------------------- conflicts (a planted pair)

# The seed translation once read "across the threshold of one billion" as Xiaomi's revenue; kg now
# reads that amount as the milestone the years count to. The conflict it made is planted here: the
# same claim, a hundred times smaller, in a report on the speech.
MAGNITUDE = {
    "speech.txt": "2017年10月，小米营收突破1000亿元。",
    "report.txt": "By October 2017, millet revenue exceeded one billion yuan.",
}


@pytest.fixture(scope="module")
def magnitude(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("magnitude")
    build = _build_folder(tmp, MAGNITUDE, SPEECH_MANIFEST)
    out = tmp / "build"
    pipeline.write(build, out)
    return build, out


def test_one_billion_and_100_billion_are_a_conflict_with_the_chinese_claim_preferred(magnitude):
    build, _ = magnitude
    (c,) = [c for c in build.sources.conflicts if c.preferred.predicate == "Revenue"]
    assert c.preferred.attr("value") == Decimal(10) ** 11 and c.other.attr("value") == Decimal(10) ** 9
    assert c.differs_in == ("magnitude",)
    assert {e.doc_id for e in c.preferred.evidence} == {"speech"}
    assert {e.doc_id for e in c.other.evidence} == {"report"}
    assert "one billion" in c.other.evidence[0].quote
    assert c.policy.startswith("original-over-report")


def test_the_conflict_is_in_the_graph_with_both_claims_and_their_evidence(magnitude):
    _, out = magnitude
    store = _store(out / "graph.trig")
    assert _ask(store, """
        ?c a kg:Conflict ; kg:preferredFact ?p ; kg:conflictingFact ?p, ?o ; kg:differsIn "magnitude" ; kg:policy ?policy .
        ?p kg:metric kg:Revenue ; kg:value 100000000000.0 ; kg:hasEvidence ?ep .
        GRAPH ?g { ?o kg:metric kg:Revenue ; kg:value 1000000000.0 ; kg:hasEvidence ?eo . }
        GRAPH ?g { ?eo kg:quote ?q . FILTER(CONTAINS(?q, "one billion")) }""")


def test_the_losing_claim_is_a_candidate_not_a_merged_fact(magnitude):
    from kg import iris

    _, out = magnitude
    store = _store(out / "graph.trig")
    loser = "?o kg:metric kg:Revenue ; kg:value 1000000000.0"
    assert _ask(store, f"GRAPH <{iris.CANDIDATES_GRAPH}> {{ {loser} ; kg:supportStatus ?s }}")
    assert _ask(store, f"GRAPH <{iris.doc_graph('report')}> {{ {loser} }}")  # its document still tells it
    assert not _ask(store, loser)  # the merged (default) graph does not assert it
    assert _ask(store, "?p kg:metric kg:Revenue ; kg:value 100000000000.0")
    assert magnitude[0].output.stats["candidate_facts"] >= 1


def test_neither_claim_of_a_conflict_is_dropped(magnitude):
    build, _ = magnitude
    kept = set(build.resolved.facts)
    assert build.sources.conflicts
    for c in build.sources.conflicts:
        assert c.preferred.evidence and c.other.evidence
        assert any(f.attr("value") == c.other.attr("value") and f.predicate == c.other.predicate for f in kept)


def test_the_seed_threshold_of_one_billion_is_no_revenue(seed_build):
    assert not _quantity(seed_build, "xiaomi", "Revenue", 10 ** 9)
    assert all(c.preferred.predicate != "Revenue" for c in seed_build.sources.conflicts)


# ---------------------------------------------------------------- seed corpus: corroboration


def _milestone_years(subject):
    return lambda b: [f for f in b.resolved.facts if f.predicate == "YearsToRevenueMilestone" and f.subject == subject]


CORROBORATED = {
    "revenue-goal-achieved": lambda b: [f for f in b.resolved.facts if f.kind == "goal" and f.attr("metric") == "Revenue"],
    "india-rank": lambda b: [f for f in b.resolved.facts if f.kind == "position" and f.attr("scope") == "india"
                             and f.attr("rank") == 1],
    "idc-world-rank": lambda b: [f for f in b.resolved.facts if f.kind == "position" and f.attr("scope") == "world"
                                 and f.attr("rank") == 4 and f.attr("reported_by") == "idc"],
    **{f"years-to-100-billion-{c}": _milestone_years(c)
       for c in ("xiaomi", "apple", "facebook", "google", "alibaba", "tencent", "huawei")},
}


@pytest.mark.parametrize("case", sorted(CORROBORATED))
def test_facts_both_documents_tell_are_corroborated(seed_build, case):
    (fact,) = CORROBORATED[case](seed_build)
    (support,) = [s for s in seed_build.sources.support if s.fact == fact or _same(s.fact, fact)]
    assert support.status == "Corroborated"
    assert set(support.documents) == set(_docs(seed_build))


def _same(a, b) -> bool:
    from kg.resolve import fact_key

    return fact_key(a) == fact_key(b)


@pytest.mark.parametrize("case", sorted(CORROBORATED))
def test_corroborated_status_is_in_the_merged_and_both_document_graphs(seed_build, seed_dir, case):
    from kg import iris
    from kg.resolve import fact_key

    (fact,) = CORROBORATED[case](seed_build)
    node = f"<{iris.fact(*fact_key(fact))}>"
    store = _store(seed_dir / "graph.trig")
    assert _ask(store, f"{node} kg:supportStatus kg:Corroborated")
    for doc_id in _docs(seed_build):
        assert _ask(store, f"GRAPH <{iris.doc_graph(doc_id)}> {{ {node} kg:supportStatus kg:Corroborated }}")


def test_a_fact_only_the_original_tells_is_single_source(seed_build):
    (employees,) = [f for f in seed_build.resolved.facts if f.predicate == "Employees"]
    (support,) = [s for s in seed_build.sources.support if _same(s.fact, employees)]
    assert support.status == "SingleSource" and support.documents == (_docs(seed_build)[0],)


def test_every_fact_has_exactly_one_support_status(seed_dir):
    store = _store(seed_dir / "graph.trig")
    rows = list(store.query(PREFIXES + """
        SELECT ?f (COUNT(DISTINCT ?s) AS ?n) WHERE {
          VALUES ?cls { kg:RelationFact kg:QuantitativeStatement kg:MarketPosition kg:Goal }
          ?f a ?cls . OPTIONAL { ?f kg:supportStatus ?s } } GROUP BY ?f"""))
    assert rows and all(int(r["n"].value) == 1 for r in rows)


def test_summary_counts_match_the_graph(seed_build, seed_dir):
    stats = seed_build.output.stats
    view = sources.read_view(seed_dir / "graph.trig")
    for key in ("corroborated", "single_source", "conflicts", "aligned_sentences"):
        assert stats[key] == view.counts[key], key
    assert stats["corroborated"] + stats["single_source"] == stats["facts"]


# ---------------------------------------------------------------- seed corpus: translation noise


def test_millet_is_never_an_entity_of_its_own(seed_dir):
    store = _store(seed_dir / "graph.trig")
    holders = {r["x"].value for r in store.query(PREFIXES + """
        SELECT DISTINCT ?x WHERE { ?x ?p ?l . FILTER(isLiteral(?l) && LCASE(STR(?l)) = "millet")
                                   FILTER(?p IN (rdfs:label, skos:altLabel)) }""")}
    assert holders == {ID + "xiaomi"}
    assert _ask(store, 'kgid:xiaomi skos:altLabel "millet"@en')
    assert not _ask(store, '?x rdfs:label ?l . FILTER(LCASE(STR(?l)) = "millet")')
    assert not _ask(store, "?x ?p ?o . FILTER(CONTAINS(LCASE(STR(?x)), \"millet\"))")


def test_the_garbled_apple_sentence_gives_lowered_evidence_but_the_chinese_keeps_the_fact_high(seed_build):
    (apple,) = _milestone_years("apple")(seed_build)
    by_doc = {e.doc_id: e for e in apple.evidence}
    original, report = _docs(seed_build)
    assert "spent" in by_doc[report].quote
    assert by_doc[report].confidence < by_doc[original].confidence
    (adj,) = [a for a in seed_build.sources.adjustments if a.evidence.quote == by_doc[report].quote]
    assert any(r.startswith("repeated_word: spent") for r in adj.reasons)
    assert max(e.confidence for e in apple.evidence) == by_doc[original].confidence


def test_clean_sentences_keep_their_confidence(seed_build):
    (facebook,) = _milestone_years("facebook")(seed_build)
    assert not [a for a in seed_build.sources.adjustments if a.evidence in facebook.evidence
                or a.evidence.quote in {e.quote for e in facebook.evidence}]


@pytest.mark.parametrize("clause, word", [
    ("Apple spent hundreds of billions spent 20 years", "spent"),
    ("the victory of the millet millet millet values", "millet"),
    ("more and more users buy phones", ""),
    ("the company grew step by step", ""),
    ("Ali spent 17 years", ""),
    ("millet in the Indian market has become the first market share", ""),  # five words apart: ordinary prose
    ("made by its unit North Star Optical Corporation (North Star)", ""),  # a short name in brackets repeats the long one
    ("revenue rose 9 percent year on year to $4.2 billion", ""),  # "year on year", "quarter on quarter": idioms
    ("sales fell 3% quarter on quarter", ""),
    ("the phone the phone on sale", "phone"),
    ("income fell to $8.89 billion from $13.66 billion", ""),  # the scale words of figures side by side
])
def test_repeated_word(clause, word):
    spec = sources.load_noise().languages["en"]["repeated_word"]
    assert sources._repeated_word(clause, spec) == word


def _mention(text, name, entity_id):
    from kg.types import Mention
    s = text.index(name)
    return Mention(s, s + len(name), name, "entity", entity_id, "Product")


@pytest.mark.parametrize("clause, names, word", [
    # two names that differ only in their numbers are two names, no word said twice
    ("It was followed by Orbix 3 in 2020 and Orbix 5 in 2021", [("Orbix 3", "x-orbix-3"), ("Orbix 5", "x-orbix-5")], ""),
    # a list of names, each after its kind: the kind is said once per name
    ("the company also push out thumb camera Orbix 3S and network camera Link 2",
     [("Orbix 3S", "x-orbix-3s"), ("Link 2", "x-link-2")], ""),
    # a garble still is one
    ("the phone the phone on sale", [], "phone"),
])
def test_names_in_a_clause_are_one_word_each(clause, names, word):
    spec = sources.load_noise().languages["en"]["repeated_word"]
    mentions = [_mention(clause, n, i) for n, i in names]
    assert sources._repeated_word(sources._names_as_one(clause, 0, len(clause), mentions), spec) == word


def test_noise_file_errors_name_the_file_and_the_fix(tmp_path):
    bad = tmp_path / "noise.yaml"
    bad.write_text("signs: {repeated_word: 2}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"noise\.yaml.*repeated_word.*factor"):
        sources.load_noise(bad)
    bad.write_text("signs: {}\nlanguages: {en: {repeated_word: {window: 3, ignore: [no]}}}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="Quote it"):
        sources.load_noise(bad)


# ---------------------------------------------------------------- seed corpus: alignment


ALIGNED = [  # (words of the English sentence, words of the Chinese sentence it reports)
    ("IDC report shows", "IDC报告显示"),
    ("overall market decline of 6.3%", "市场整体下滑6.3%"),
    ("cumulative patent applications", "累计专利申请总量"),
    ("from the third quarter of last year", "从去年第三季度起"),
    ("from the second quarter of 2017", "从2017年Q2开始"),
    ("set a grand goal", "设定一个新目标"),
    ("Apple spent hundreds of billions", "苹果用了20年"),
]


@pytest.mark.parametrize("en_words, zh_words", ALIGNED)
def test_report_sentence_aligns_best_to_the_sentence_it_reports(seed_build, en_words, zh_words):
    original, report = _docs(seed_build)
    en, zh = _sentence(seed_build, report, en_words), _sentence(seed_build, original, zh_words)
    mine = [a for a in seed_build.sources.alignments if a.report_doc == report and a.report_sentence == en]
    assert mine, f"report sentence {en} is not aligned"
    best = max(mine, key=lambda a: a.score)
    assert (best.original_doc, best.original_sentence) == (original, zh)
    # ...and no other report sentence claims that Chinese sentence with a higher score
    rivals = [a for a in seed_build.sources.alignments if a.original_sentence == zh and a.report_sentence != en]
    assert all(a.score < best.score for a in rivals)


def test_the_idc_alignment_is_in_the_graph_with_its_score(seed_build, seed_dir):
    from kg import iris

    original, report = _docs(seed_build)
    en, zh = _sentence(seed_build, report, "IDC report shows"), _sentence(seed_build, original, "IDC报告显示")
    store = _store(seed_dir / "graph.trig")
    rows = list(store.query(PREFIXES + f"""
        SELECT ?score WHERE {{ ?a a kg:SentenceAlignment ; kg:alignmentScore ?score ;
            kg:alignedSentence <{iris.sentence(report, en)}>, <{iris.sentence(original, zh)}> }}"""))
    assert len(rows) == 1 and 0 < float(rows[0]["score"].value) <= 1


def test_sentences_sharing_only_the_company_name_are_not_aligned(seed_build):
    original, report = _docs(seed_build)
    for a in seed_build.sources.alignments:
        assert set(a.shared) - {"entity:xiaomi"}, a


# ---------------------------------------------------------------- planted corpora


def test_a_report_with_another_employee_count_is_a_conflict(tmp_path):
    build = _build_folder(tmp_path, {
        "speech.txt": "这是小米18000多名员工齐心协力、共同奋斗的胜利。",
        "report.txt": "Xiaomi has more than 15,000 employees.",
    }, SPEECH_MANIFEST)
    (c,) = [c for c in build.sources.conflicts if c.preferred.predicate == "Employees"]
    assert c.preferred.attr("value") == 18000 and c.other.attr("value") == 15000
    assert c.differs_in == ("value",)
    assert [e.doc_id for e in c.preferred.evidence] == ["speech"] and [e.doc_id for e in c.other.evidence] == ["report"]
    assert c.policy.startswith("original-over-report")
    assert build.output.stats["conflicts"] == 1


def test_the_same_claim_with_a_period_that_cannot_hold_in_aligned_sentences_is_a_period_conflict(tmp_path):
    build = _build_folder(tmp_path, {
        "speech.txt": "IDC报告显示，去年Q4我们已经上升到世界第四。",
        "report.txt": "IDC report shows that in the third quarter of last year, millet phones have risen to the fourth in the world.",
    }, SPEECH_MANIFEST)
    (c,) = build.sources.conflicts
    assert c.differs_in == ("period",)
    assert c.preferred.attr("period").key == "2017-Q4" and c.other.attr("period").key == "2017-Q3"


def test_agreeing_documents_corroborate_and_disagree_on_nothing(tmp_path):
    build = _build_folder(tmp_path, {
        "speech.txt": "在市场整体下滑6.3%的情况下，我们的销量逆势同比增长96.9%。",
        "report.txt": "In the overall market decline of 6.3%, Xiaomi mobile phone sales rose 96.9%.",
    }, SPEECH_MANIFEST)
    assert build.sources.conflicts == ()
    assert {s.status for s in build.sources.support} == {"Corroborated"}
    ((a),) = build.sources.alignments
    assert (a.report_sentence, a.original_sentence) == (0, 0)


def test_a_garbled_sentence_gives_facts_at_lowered_confidence(tmp_path):
    build = _build_folder(tmp_path, {
        "speech.txt": "小米仅仅用了7年时间。",
        "report.txt": "Apple spent hundreds of billions spent 20 years to cross the threshold.",
    }, SPEECH_MANIFEST)
    from_report = [f for f in build.resolved.facts if {e.doc_id for e in f.evidence} == {"report"}]
    assert from_report
    for f in from_report:
        assert max(e.confidence for e in f.evidence) < 0.6, f


GRAIN = """\
Millet is one of the oldest grain crops. Farmers in northern China harvest millet in autumn,
and millet porridge is a common breakfast. In 2017, millet output rose 5% as more farms planted the crop.
"""


@pytest.mark.parametrize("manifest", [
    "documents:\n  - {id: grain, file: grain.txt, language: en, date: 2018-01-10, context: [food]}\n",
    None,  # no manifest: no context given, the food cue words decide
])
def test_millet_the_grain_is_not_xiaomi(tmp_path, manifest):
    build = _build_folder(tmp_path, {"grain.txt": GRAIN}, manifest)
    assert "xiaomi" not in {eid for eid, _ in build.resolved.mentioned}
    assert not [f for f in build.resolved.facts if "xiaomi" in (f.subject, f.obj)]
    assert "xiaomi" not in {e.entity_id for e in build.resolved.entities}


def test_millet_in_a_business_text_is_xiaomi(tmp_path):
    build = _build_folder(tmp_path, {"news.txt": "Millet revenue exceeded 100 billion yuan in 2017."},
                          "documents:\n  - {id: news, file: news.txt, language: en, date: 2018-02-07, "
                          "currency: CNY, context: [business]}\n")
    assert ("xiaomi", "news") in build.resolved.mentioned


def test_food_cue_words_give_the_food_context():
    from kg.types import Document

    doc = Document("grain", "grain.txt", "en", GRAIN)
    assert profile.document_context(doc) == ("food",)


def test_a_document_without_manifest_context_gets_its_context_from_cue_words(tmp_path):
    from kg import corpus

    (tmp_path / "grain.txt").write_text(GRAIN, encoding="utf-8")
    (doc,) = corpus.read_corpus([tmp_path / "grain.txt"])
    assert profile.document_context(doc) == ("food",)


# ---------------------------------------------------------------- kg sources


def test_kg_sources_prints_pairs_alignments_support_and_conflicts(seed_build, seed_dir):
    from click.testing import CliRunner

    from kg.cli import main

    original, report = _docs(seed_build)
    result = CliRunner().invoke(main, ["sources", "--graph", str(seed_dir / "graph.trig")])
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"== {report} (en) reports on {original} (zh)" in out
    stats = seed_build.output.stats
    assert f"Aligned sentences: {stats['aligned_sentences']}" in out
    assert f"Corroborated facts (both documents): {stats['corroborated']}" in out
    assert f"Conflicts: {stats['conflicts']}" in out
    assert "IDC报告显示" in out and "IDC report shows" in out


def test_kg_sources_prints_a_conflict_with_both_claims(magnitude):
    from click.testing import CliRunner

    from kg.cli import main

    _, build_dir = magnitude
    result = CliRunner().invoke(main, ["sources", "--graph", str(build_dir / "graph.trig")])
    assert result.exit_code == 0, result.output
    assert "Conflicts: 1" in result.output
    assert "differs in magnitude" in result.output and "preferred: Xiaomi Revenue ≥ 100,000,000,000 CNY" in result.output
    assert "one billion" in result.output


def test_kg_sources_without_a_build_says_how_to_make_one(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["sources", "--graph", str(tmp_path / "nothing.trig")])
    assert result.exit_code == EXIT_OUTPUT
    assert "kg build" in result.output and "\n" == result.output[-1] and result.output.count("\n") == 1


def test_clip_counts_chinese_characters_as_two_columns():
    assert sources._clip("IDC报告显示，去年Q4", 10) == "IDC报告显…"  # 3 + 3×2 + 1 columns
    assert sources._clip("short", 10) == "short"


# ---------------------------------------------------------------- the same figure at another precision

def test_a_figure_told_at_another_precision_or_as_a_bound_it_meets_is_no_conflict(tmp_path):
    files = {
        "results.txt": "2024年，腾讯总收入为6602.57亿元。2017年，小米营收为1146亿元。",
        "profile.txt": "In 2024 Tencent's revenue was RMB 660.3 billion. In 2017 Xiaomi's revenue exceeded 100 billion yuan.",
    }
    build = _build_folder(tmp_path, files, None)
    revenue = [f for f in build.resolved.facts if f.predicate == "Revenue"]
    assert len(revenue) == 4, revenue  # both figures of each company stay, each with its own value
    assert not [c for c in build.sources.conflicts if c.preferred.predicate == "Revenue"]


def test_a_bound_a_magnitude_away_still_conflicts(tmp_path):
    files = {"results.txt": "2017年，小米营收为1146亿元。", "report.txt": "In 2017 Xiaomi's revenue exceeded one billion yuan."}
    build = _build_folder(tmp_path, files, None)
    (c,) = [c for c in build.sources.conflicts if c.preferred.predicate == "Revenue"]
    assert c.other.attr("bound") == "LowerBound"  # the bound 114 times too small loses


def test_a_date_told_at_several_precisions_is_no_conflict_but_another_year_is(tmp_path):
    files = {"a.txt": "英伟达成立于1993年。", "b.txt": "Nvidia was founded in 1993.",
             "c.txt": "Nvidia was founded on April 5, 1993."}
    build = _build_folder(tmp_path, files, None)
    assert not [c for c in build.sources.conflicts if c.preferred.predicate == "foundedOn"]
    dates = {f.obj for f in build.resolved.facts if f.predicate == "foundedOn"}
    assert dates == {"period:1993", "period:1993-04-05"}, dates  # each source's claim stands
    files["d.txt"] = "Nvidia was founded in 1994."
    (tmp_path / "x").mkdir()
    build = _build_folder(tmp_path / "x", files, None)
    conflicts = [c for c in build.sources.conflicts if c.preferred.predicate == "foundedOn"]
    assert {c.other.obj for c in conflicts} == {"period:1994"}, conflicts


def test_a_clause_between_a_subject_and_its_figure_is_not_a_garble(tmp_path):
    # "近三年" (three years) sits in a clause between 公司 and 净利润为99亿元; it says nothing
    # about the profit, so the profit keeps its confidence; the same duration inside the
    # figure's own clause still lowers it.
    build = _build_folder(tmp_path, {"r.txt": (
        "京东集团发布2024年第四季度业绩。第四季度，公司实现收入3470亿元，增速为近三年来单季最高；"
        "归属于普通股股东的净利润为99亿元。\n"
        "2024年第四季度，公司净利润近三年为88亿元。"
    )}, None)
    quotes = [a.evidence.quote for a in build.sources.adjustments if a.evidence.rule == "net-profit"]
    assert all("99亿元" not in q for q in quotes), quotes
    assert any("88亿元" in q for q in quotes), quotes


def test_a_unit_named_after_its_owner_repeats_no_word():
    # "Orvex owns Orvex Robotics": the owner's name inside the unit's is no garble; two one-word names still are
    from kg.types import Mention
    spec = sources.load_noise().languages["en"]["repeated_word"]
    text = "Orvex owns Orvex Robotics and Orvex Orvex bought"
    names = [Mention(0, 5, "Orvex", "entity", "x-orvex", "Company"),
             Mention(11, 25, "Orvex Robotics", "entity", "x-orvex-robotics", "Company")]
    assert sources._repeated_word(sources._names_as_one(text, 0, 25, names), spec) == ""
    assert sources._repeated_word(text[:25], spec) == "orvex"  # read word by word, it repeats
    assert sources._repeated_word(sources._names_as_one(text, 0, len(text), names), spec) == "orvex"
