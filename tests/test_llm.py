"""The language-model extractor against a real HTTP server that speaks chat completions and
answers from a script: grounding, rejections by reason, retries, timeouts, the cache, the key.

The server is ``http.server`` in a thread; each test scripts its answers by a piece of the
text the window holds. Nothing here needs a model or the network.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg import pipeline
from kg.extract import llm, llm_schema
from kg.llm_client import LlmConfig, LlmConfigError, load_config, parse_json

TEXT_EN = (
    "Lei Jun founded Xiaomi in Beijing in 2010. "
    "Xiaomi entered India in 2014. "
    "Xiaomi's revenue in 2017 was 114.6 billion yuan. "
    "Xiaomi also works with Leica and Foxlink Optics on cameras. "
    "Xiaomi said the Surge S1 chip was developed by Xiaomi."
)
TEXT_ZH = "雷军于2010年在北京创办了小米。小米2017年营收1146亿元。"

MANIFEST = """documents:
  - id: en1
    file: en1.txt
    language: en
    date: 2018-03-01
  - id: zh1
    file: zh1.txt
    language: zh
    date: 2018-03-01
"""


class Script:
    """Answers by the first key found in the window's text: a list of steps, the last repeated.
    A step is {"content": str}, {"status": int}, or {"sleep": seconds, ...} before answering."""

    def __init__(self):
        self.rules: list[tuple[str, list[dict]]] = []
        self.requests: list[dict] = []  # bodies and headers received
        self.lock = threading.Lock()

    def on(self, key: str, *steps: dict) -> None:
        self.rules.append((key, list(steps)))

    def step(self, text: str) -> dict:
        with self.lock:
            for key, steps in self.rules:
                if key in text:
                    return steps.pop(0) if len(steps) > 1 else steps[0]
        return {"content": json.dumps({"facts": []})}


def answer(*facts) -> dict:
    return {"content": json.dumps({"facts": list(facts)}, ensure_ascii=False)}


@pytest.fixture
def server():
    script = Script()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with script.lock:
                script.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
            user = next(m["content"] for m in body["messages"] if m["role"] == "user")
            step = script.step(user)
            if step.get("sleep"):
                time.sleep(step["sleep"])
            status = step.get("status", 200)
            if status != 200:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                if status == 429:
                    self.send_header("Retry-After", "0")
                self.end_headers()
                return
            data = json.dumps({"id": "x", "object": "chat.completion", "model": body["model"],
                               "choices": [{"index": 0, "message": {"role": "assistant", "content": step["content"]},
                                            "finish_reason": "stop"}],
                               "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}}).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    script.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    yield script
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    (folder / "en1.txt").write_text(TEXT_EN, encoding="utf-8")
    (folder / "zh1.txt").write_text(TEXT_ZH, encoding="utf-8")
    return folder


def config(server, tmp_path, **kw) -> LlmConfig:
    base = dict(extractor="llm", url=server.url, model="scripted-model", window=1, timeout=2.0, retries=2,
                retry_wait=0.01, concurrency=2, cache_dir=str(tmp_path / "cache"))
    base.update(kw)
    return LlmConfig(**base)


def facts_of(result, predicate=None):
    return [f for f in result.resolved.facts if predicate is None or f.predicate == predicate]


FOUNDER = {"kind": "relation", "subject": "Lei Jun", "subject_class": "Person", "property": "founderOf",
           "object": "Xiaomi", "object_class": "Company", "quote": "Lei Jun founded Xiaomi"}
REVENUE = {"kind": "quantity", "subject": "Xiaomi", "metric": "Revenue", "value_text": "114.6 billion yuan",
           "period_text": "2017", "quote": "Xiaomi's revenue in 2017 was 114.6 billion yuan"}


# ---------------------------------------------------------------- well-formed answers


def test_grounded_facts_enter_the_graph_with_offsets_from_the_document(server, corpus, tmp_path):
    server.on("Lei Jun founded", answer(FOUNDER))
    server.on("revenue in 2017", answer(REVENUE))
    server.on("雷军", answer({"kind": "relation", "subject": "雷军", "property": "founderOf", "object": "小米",
                              "quote": "雷军于2010年在北京创办了小米"}))
    result = pipeline.build([corpus], llm_config=config(server, tmp_path))
    founder = facts_of(result, "founderOf")
    assert [(f.subject, f.obj) for f in founder] == [("lei-jun", "xiaomi")]
    # one fact, two languages: the model's facts go through the same resolve stage as the rules'
    assert sorted(e.doc_id for e in founder[0].evidence) == ["en1", "zh1"]
    texts = {"en1": TEXT_EN, "zh1": TEXT_ZH}
    for e in founder[0].evidence:
        assert texts[e.doc_id][e.start:e.end] == e.quote and e.rule == "llm"
    (revenue,) = facts_of(result, "Revenue")
    # the number is kg's reading of the quoted words, not the model's arithmetic
    assert revenue.attr("value") == 114600000000 and revenue.attr("unit") == "CNY"
    assert revenue.attr("period").key == "2017"
    stats = result.output.stats["llm"]
    assert stats["facts_accepted"] == 3 and stats["answered"] == stats["windows"] == 7  # one sentence each
    assert sum(stats["rejected"].values()) == 0
    assert stats["tokens"] == {"prompt": 700, "completion": 140}
    # every request asked for the ontology's JSON schema
    sent = server.requests[0]["body"]
    assert sent["response_format"]["json_schema"]["schema"] == llm_schema.load().json_schema
    assert server.requests[0]["path"] == "/v1/chat/completions"


def test_model_facts_record_the_activity_that_made_them(server, corpus, tmp_path):
    server.on("Lei Jun founded", answer(FOUNDER))
    result = pipeline.build([corpus], llm_config=config(server, tmp_path))
    nq = result.output.nquads().decode()
    gen = [line for line in nq.splitlines() if "prov#wasGeneratedBy" in line]
    assert gen and all("/activity/" in line for line in gen)
    # the fact (in the merged graph and its document's) and its evidence name the activity
    assert {line.split()[0].split("/id/")[1].split("/")[0] for line in gen} == {"fact", "ev"}
    assert any("/fact/" in line and line.endswith(" .") and "/graph/" not in line for line in gen)
    assert "kg LLM extractor, model scripted-model" in nq
    assert '\\"model\\": \\"scripted-model\\"' in nq and '\\"window\\": 1' in nq


def test_names_inverses_markets_and_new_names(server, corpus, tmp_path):
    server.on("Leica", answer({"kind": "relation", "subject": "Foxlink Optics", "subject_class": "Company",
                               "property": "partnerOf", "object": "Xiaomi",
                               "quote": "Xiaomi also works with Leica and Foxlink Optics"}))
    server.on("entered India", answer({"kind": "relation", "subject": "Xiaomi", "property": "enteredMarket",
                                       "object": "India", "period_text": "2014", "quote": "Xiaomi entered India in 2014"}))
    server.on("Surge S1", answer({"kind": "relation", "subject": "Surge S1", "property": "developedBy",
                                  "object": "Xiaomi", "quote": "the Surge S1 chip was developed by Xiaomi"}))
    result = pipeline.build([corpus], llm_config=config(server, tmp_path))
    (partner,) = facts_of(result, "partnerOf")
    assert partner.obj == "xiaomi" and partner.subject == "x-foxlink-optics"  # a new name, typed by the model
    assert next(e for e in result.resolved.entities if e.entity_id == "x-foxlink-optics").cls == "Company"
    (entered,) = facts_of(result, "enteredMarket")
    assert entered.obj == "market:india" and entered.attr("period").key == "2014"
    (develops,) = facts_of(result, "develops")  # "developed by" turned round, as the rules write it
    assert (develops.subject, develops.obj) == ("xiaomi", "surge-s1")
    # Xiaomi is named twice in its sentence: the name in the quote is the argument, so no doubt
    assert [e.confidence for e in develops.evidence] == [0.8]


def test_a_quote_matches_after_width_and_punctuation_normalisation(server, corpus, tmp_path):
    server.on("雷军", answer({"kind": "relation", "subject": "雷军", "property": "founderOf", "object": "小米",
                              "quote": "雷军于２０１０年 在北京创办了小米。"}))
    result = pipeline.build([corpus], llm_config=config(server, tmp_path))
    (f,) = facts_of(result, "founderOf")
    (e,) = f.evidence
    assert TEXT_ZH[e.start:e.end] == "雷军于2010年在北京创办了小米。" == e.quote
    # a quote found only after normalisation is less sure: below the threshold, a candidate
    assert e.confidence == 0.72 and result.output.stats["candidate_facts"] == 1


def test_doubts_lower_a_model_facts_confidence(server, corpus, tmp_path):
    server.on("Lei Jun founded", answer(dict(FOUNDER, quote="founded Xiaomi in Beijing")))  # Lei Jun outside
    server.on("Leica", answer({"kind": "relation", "subject": "Foxlink Optics", "subject_class": "Company",
                               "property": "partnerOf", "object": "Xiaomi",
                               "quote": "Xiaomi also works with Leica and Foxlink Optics"}))  # a new name
    server.on("revenue", answer(REVENUE))  # exact quote, arguments inside, known names
    result = pipeline.build([corpus], llm_config=config(server, tmp_path))
    conf = {f.predicate: max(e.confidence for e in f.evidence) for f in result.resolved.facts}
    assert conf == {"founderOf": 0.72, "partnerOf": 0.72, "Revenue": 0.8}
    assert result.output.stats["facts"] == 1 and result.output.stats["candidate_facts"] == 2


# ---------------------------------------------------------------- rejections, one per reason


BAD = [
    ("malformed_json", {"content": "Sure! Here are the facts: {\"facts\": [ {\"kind\": "}),
    ("quote_not_found", answer(dict(FOUNDER, quote="Lei Jun founded Xiaomi in Shanghai"))),
    ("unknown_term", answer(dict(FOUNDER, property="bestFriendOf"))),
    ("unknown_term", answer(dict(FOUNDER, subject_class="Wizard"))),
    ("type_mismatch", answer(dict(FOUNDER, subject="Xiaomi", object="Lei Jun", quote="Lei Jun founded Xiaomi"))),
    ("argument_not_found", answer(dict(FOUNDER, subject="Steve Jobs"))),
    ("bad_value", answer(dict(REVENUE, value_text="114.6 trillion", quote="Lei Jun founded Xiaomi in Beijing"))),
    ("bad_value", answer({"kind": "relation", "subject": "Xiaomi", "property": "foundedOn", "object": "Beijing",
                          "quote": "Lei Jun founded Xiaomi in Beijing"})),
]


@pytest.mark.parametrize("reason, step", BAD, ids=[f"{r}-{i}" for i, (r, _) in enumerate(BAD)])
def test_each_bad_fact_is_rejected_and_counted_by_reason(server, corpus, tmp_path, reason, step):
    server.on("Lei Jun founded", step)
    result = pipeline.build([corpus], llm_config=config(server, tmp_path))
    rejected = result.output.stats["llm"]["rejected"]
    assert rejected[reason] == 1 and sum(rejected.values()) == 1
    assert result.resolved.facts == ()  # nothing else was scripted: nothing ungrounded got in


def test_an_ungrounded_fact_never_reaches_the_graph_among_good_ones(server, corpus, tmp_path):
    server.on("Lei Jun founded", answer(FOUNDER, dict(FOUNDER, property="ceoOf", quote="Lei Jun is the CEO")))
    result = pipeline.build([corpus], llm_config=config(server, tmp_path))
    assert [f.predicate for f in result.resolved.facts] == ["founderOf"]
    assert result.output.stats["llm"]["rejected"]["quote_not_found"] == 1
    quotes = {e.quote for f in result.resolved.facts for e in f.evidence}
    assert all(q in TEXT_EN or q in TEXT_ZH for q in quotes)


def test_rejection_counts_are_written_to_summary_json(server, corpus, tmp_path):
    server.on("Lei Jun founded", answer(dict(FOUNDER, property="bestFriendOf")))
    out = tmp_path / "build"
    pipeline.write(pipeline.build([corpus], llm_config=config(server, tmp_path)), out)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["llm"]["rejected"]["unknown_term"] == 1
    assert set(summary["llm"]["rejected"]) == set(llm.REASONS)


# ---------------------------------------------------------------- the server misbehaves


def test_a_429_then_success_is_retried(server, corpus, tmp_path):
    server.on("Lei Jun founded", {"status": 429}, answer(FOUNDER))
    result = pipeline.build([corpus], llm_config=config(server, tmp_path))
    assert [f.predicate for f in result.resolved.facts] == ["founderOf"]
    assert result.llm.client.retries == 1 and result.llm.client.failed == 0


def test_a_server_error_that_lasts_leaves_the_window_unanswered(server, corpus, tmp_path):
    server.on("Lei Jun founded", {"status": 500})
    result = pipeline.build([corpus], llm_config=config(server, tmp_path, retries=1))
    assert result.output.stats["llm"]["unanswered"] == 1
    assert result.llm.client.failures == {"http 500": 1}


def test_a_timeout_does_not_fail_the_build(server, corpus, tmp_path):
    server.on("Lei Jun founded", {"sleep": 1.0, **answer(FOUNDER)})
    result = pipeline.build([corpus], llm_config=config(server, tmp_path, timeout=0.2, retries=0))
    assert result.output.stats["llm"]["unanswered"] == 1
    assert result.llm.client.failures == {"timeout": 1}
    assert facts_of(result, "founderOf") == []


def test_an_unreachable_server_does_not_fail_the_build(corpus, tmp_path):
    cfg = LlmConfig(extractor="both", url="http://127.0.0.1:9/v1", model="m", retries=0, cache_dir=str(tmp_path / "c"))
    result = pipeline.build([corpus], llm_config=cfg)
    assert result.llm.client.failures == {"connection": 3}  # 7 sentences in windows of 3
    rules_only = pipeline.build([corpus])
    assert result.output.nquads().count(b"wasGeneratedBy") == 0
    assert len(result.resolved.facts) == len(rules_only.resolved.facts)


def test_a_server_without_structured_output_gets_plain_json(server, corpus, tmp_path):
    orig = server.step

    def step(text):  # a server that refuses response_format with 400, as some do
        body = server.requests[-1]["body"]
        if "response_format" in body:
            return {"status": 400}
        return orig(text)

    server.step = step
    server.on("Lei Jun founded", {"content": "```json\n" + json.dumps({"facts": [FOUNDER]}) + "\n```"})
    result = pipeline.build([corpus], llm_config=config(server, tmp_path, concurrency=1))
    assert [f.predicate for f in result.resolved.facts] == ["founderOf"]
    assert result.llm.client.structured_fallback


# ---------------------------------------------------------------- cache, key, merge


def test_a_rebuild_from_the_cache_is_offline_and_byte_identical(server, corpus, tmp_path):
    server.on("Lei Jun founded", answer(FOUNDER))
    server.on("revenue", answer(REVENUE))
    cfg = config(server, tmp_path)
    pipeline.write(pipeline.build([corpus], llm_config=cfg), tmp_path / "a")
    sent = len(server.requests)
    again = pipeline.build([corpus], llm_config=LlmConfig(**{**cfg.__dict__, "offline": True, "url": ""}))
    pipeline.write(again, tmp_path / "b")
    assert len(server.requests) == sent and again.llm.client.requests == 0 and again.llm.client.cache_hits == 7
    for name in ("graph.trig", "graph.ttl", "summary.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_the_api_key_is_sent_but_never_written(server, corpus, tmp_path, monkeypatch):
    secret = "sk-test-5f1d2c9a7be04d"
    monkeypatch.setenv("KG_LLM_API_KEY", secret)
    server.on("Lei Jun founded", answer(FOUNDER))
    out = tmp_path / "build"
    pipeline.write(pipeline.build([corpus], llm_config=config(server, tmp_path)), out)
    assert {r["auth"] for r in server.requests} == {f"Bearer {secret}"}
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any("cache" in p.parts for p in written) and any(p.name == "graph.trig" for p in written)
    assert not [p for p in written if secret.encode() in p.read_bytes()]


def test_a_fact_found_by_both_extractors_gains_confidence(server, corpus, tmp_path):
    rules = pipeline.build([corpus])
    target = next(f for f in rules.resolved.facts if f.predicate == "founderOf" and f.subject == "lei-jun")
    before = max(e.confidence for e in target.evidence)
    server.on("Lei Jun founded", answer(FOUNDER))
    both = pipeline.build([corpus], llm_config=config(server, tmp_path, extractor="both"))
    after = next(f for f in both.resolved.facts if f.predicate == "founderOf" and f.subject == "lei-jun")
    assert max(e.confidence for e in after.evidence) > before
    assert both.output.stats["llm"]["rule_facts_confirmed"] >= 1
    assert len(both.resolved.facts) == len(rules.resolved.facts)


def test_model_only_facts_below_the_threshold_are_candidates(server, corpus, tmp_path):
    server.on("Leica", answer({"kind": "relation", "subject": "Xiaomi", "property": "partnerOf", "object": "Leica",
                               "object_class": "Company", "quote": "Xiaomi also works with Leica"}))
    low = pipeline.build([corpus], llm_config=config(server, tmp_path, confidence=0.5))
    assert low.output.stats["candidate_facts"] == 1 and low.output.stats["facts"] == 0
    high = pipeline.build([corpus], llm_config=config(server, tmp_path, confidence=0.9))
    assert high.output.stats["candidate_facts"] == 0 and high.output.stats["facts"] == 1
    assert high.llm.client.requests == 0  # the confidence is no part of the question: the answers were cached


# ---------------------------------------------------------------- settings, schema, parsing


def test_settings_come_from_kg_toml_and_the_manifest_and_flags_win(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (corpus / "manifest.yaml").write_text(MANIFEST + "extractor: both\nllm:\n  model: from-manifest\n  window: 5\n",
                                         encoding="utf-8")
    cfg = load_config([corpus], {"url": "http://h/v1"})
    assert (cfg.extractor, cfg.model, cfg.window) == ("both", "from-manifest", 5)
    (tmp_path / "kg.toml").write_text('[llm]\nmodel = "from-toml"\nconcurrency = 8\n', encoding="utf-8")
    cfg = load_config([corpus], {"url": "http://h/v1", "model": "from-flag"})
    assert (cfg.model, cfg.concurrency, cfg.window) == ("from-flag", 8, 5)
    assert load_config([corpus], {"url": "http://h/v1"}).model == "from-toml"


@pytest.mark.parametrize("toml, words", [
    ('[llm]\napi_key = "sk-123"\n', "environment variable"),
    ('[llm]\nwindow = "three"\n', "'window' should be int"),
    ('[llm]\nmodle = "x"\n', "unknown setting 'modle'"),
])
def test_bad_settings_in_kg_toml_name_the_file_and_the_fix(tmp_path, monkeypatch, toml, words):
    from kg.errors import DataFileError

    monkeypatch.chdir(tmp_path)
    (tmp_path / "kg.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(DataFileError, match=words) as err:
        load_config([], {})
    assert "kg.toml" in err.value.message and "sk-123" not in err.value.message


def test_a_model_extractor_without_a_model_is_a_usage_error():
    with pytest.raises(LlmConfigError, match="--llm-model"):
        load_config([], {"extractor": "llm", "url": "http://h/v1"})


@pytest.mark.parametrize("kind, text, term", [
    ("class", "company", "Company"), ("class", "公司", "Company"), ("class", "Research Firm", "ResearchFirm"),
    ("property", "founder of", "founderOf"), ("property", "创立", "founderOf"), ("property", "developed by", "developedBy"),
    ("metric", "营业收入", "Revenue"), ("metric", "market share", "MarketShare"), ("unit", "美元", "USD"),
    ("class", "wizard", None), ("property", 7, None),
])
def test_a_term_may_be_named_by_its_label_in_either_language(kind, text, term):
    assert llm_schema.load().lookup(kind, text) == term


def test_prompt_and_schema_are_generated_from_the_ontology():
    from rdflib import OWL, RDF, URIRef

    from kg.iris import KG_NS, vocab

    s = llm_schema.load()
    g = vocab().graph
    props = s.json_schema["properties"]["facts"]["items"]["properties"]
    for name in props["property"]["enum"]:
        assert (URIRef(KG_NS + name), RDF.type, OWL.ObjectProperty) in g
    for name in props["metric"]["enum"] + props["unit"]["enum"]:
        assert name in vocab().terms
    # labels in both languages and the comments, as the ontology writes them
    assert "founderOf (founder of / 创立)" in s.system and "营业收入" in s.system
    assert "The person founded or co-founded the organisation." in s.system
    assert "Person -> Organisation" in s.system
    assert {"developedBy", "releasedBy"} <= set(props["property"]["enum"])


@pytest.mark.parametrize("content, expected", [
    ('{"facts": []}', {"facts": []}),
    ('```json\n{"facts": [1]}\n```', {"facts": [1]}),
    ('Here you go: {"facts": [2]} Hope it helps', {"facts": [2]}),
    ("[]", []),
    ("no json at all", None),
    ('<think>maybe {"a": 1} or [2]?</think>\n{"facts": [3]}', {"facts": [3]}),
    ('I considered {"x": 1} and then: {"facts": [4]}', {"facts": [4]}),
    ('{"facts": [', None),
])
def test_answers_are_parsed_tolerantly(content, expected):
    assert parse_json(content) == expected


def test_no_model_configured_builds_are_byte_identical(tmp_path, seed_dir):
    """Without a model (the default, or --extractor rules) a build writes the very files of the
    rules' build: the model extractor adds nothing, not even an empty summary entry."""
    from click.testing import CliRunner

    from kg.cli import main

    runner = CliRunner()
    for flags, out in (([], "a"), (["--extractor", "rules", "--llm-model", "unused"], "b")):
        r = runner.invoke(main, ["build", "--no-html", "--out", str(tmp_path / out), *flags])
        assert r.exit_code == 0, r.output
        assert "model facts" not in r.output
    for name in ("graph.trig", "graph.ttl", "summary.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (seed_dir / "graph.ttl").read_bytes()
    assert "llm" not in json.loads((tmp_path / "a" / "summary.json").read_text(encoding="utf-8"))


def test_cli_build_with_a_model_prints_the_summary_the_readme_shows(server, corpus, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "kg.toml").write_text('[llm]\nwindow = 1\nretry_wait = 0.01\n', encoding="utf-8")
    server.on("Lei Jun founded", {"status": 429}, answer(FOUNDER, dict(FOUNDER, property="bestFriendOf")))
    server.on("revenue", answer(REVENUE, dict(REVENUE, quote="revenue of 120 billion yuan")))
    server.on("entered India", answer({"kind": "relation", "subject": "India", "property": "enteredMarket",
                                       "object": "Xiaomi", "quote": "Xiaomi entered India"}))
    server.on("Surge S1", {"content": "The Surge S1 was developed by Xiaomi."})
    args = ["build", "--no-html", str(corpus), "--out", str(tmp_path / "out"), "--extractor", "both",
            "--llm-url", server.url, "--llm-model", "qwen2.5:7b-instruct"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    printed = [line for line in r.output.splitlines() if line.startswith(("model ", "kg: warning"))]
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("<!-- llm-summary -->"):]
    block = block[block.index("```console\n") + len("```console\n"):]
    shown = [line for line in block[:block.index("```")].splitlines() if line.startswith(("model ", "kg: warning"))]
    assert len(printed) == 2 and printed == shown
    r = CliRunner().invoke(main, args[:-2])
    assert r.exit_code == 2 and "--llm-model" in r.output


def test_kg_eval_compares_extractors(server, corpus, tmp_path, monkeypatch):
    """kg eval --extractor rules|llm|both builds the documents with that extractor and scores them."""
    from click.testing import CliRunner

    from kg.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "kg.toml").write_text('[llm]\nwindow = 1\n', encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "en1.yaml").write_text(
        "document: en1.txt\nlanguage: en\nfacts:\n"
        "  - {subject: Lei Jun, relation: founderOf, object: Xiaomi, quote: Lei Jun founded Xiaomi}\n"
        "  - {subject: Foxlink Optics, relation: partnerOf, object: Xiaomi,"
        " quote: Xiaomi also works with Leica and Foxlink Optics}\n",
        encoding="utf-8")
    server.on("Leica", answer({"kind": "relation", "subject": "Foxlink Optics", "subject_class": "Company",
                               "property": "partnerOf", "object": "Xiaomi",
                               "quote": "Xiaomi also works with Leica and Foxlink Optics"}))
    scores = {}
    for extractor in ("rules", "llm", "both"):
        r = CliRunner().invoke(main, ["eval", str(gold), "--docs", str(corpus), "--json", "-", "--candidates",
                                      "--extractor", extractor, "--llm-url", server.url, "--llm-model", "m"])
        assert r.exit_code == 0, r.output
        data = json.loads(r.stdout[r.stdout.index("{"):])
        scores[extractor] = data["overall"]["strict"]
    # the rules find the founder, the model the partner; both find both
    assert scores["both"]["recall"] > max(scores["rules"]["recall"], scores["llm"]["recall"])
    r = CliRunner().invoke(main, ["eval", str(gold), "--graph", "x.trig", "--extractor", "llm"])
    assert r.exit_code == 2 and "give documents to build" in r.output


def test_the_readme_lists_every_setting_with_its_default():
    from kg.llm_client import SETTINGS

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("<!-- llm-settings -->"):]
    rows = dict((name, default) for name, default in
                __import__("re").findall(r"^\| `([a-z_]+)` \| `([^`]*)` \|", table, __import__("re").M))
    expected = {x.name: ('""' if x.default == "" else str(x.default).lower() if isinstance(x.default, bool) else str(x.default))
                for x in SETTINGS}
    assert {k: rows.get(k) for k in expected} == expected


def test_settings_table_and_config_defaults_agree():
    from dataclasses import fields

    from kg.llm_client import SETTINGS

    assert {f.name: f.default for f in fields(LlmConfig)} == {x.name: x.default for x in SETTINGS}


@pytest.mark.parametrize("key", ["url", "api_key_env", "cache_dir"])
def test_a_corpus_manifest_cannot_choose_where_documents_and_keys_go(corpus, tmp_path, monkeypatch, key):
    """A corpus from elsewhere must not send your key (or any variable) to its own server."""
    from kg.errors import DataFileError

    monkeypatch.chdir(tmp_path)
    (corpus / "manifest.yaml").write_text(MANIFEST + f"extractor: llm\nllm: {{model: m, {key}: x}}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=f"'{key}' cannot be set by a corpus manifest"):
        load_config([corpus], {"url": "http://h/v1"})


def test_cli_warns_on_stderr_when_windows_got_no_answer_and_still_builds(server, corpus, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "kg.toml").write_text('[llm]\nwindow = 1\nretries = 0\n', encoding="utf-8")
    server.on("Lei Jun founded", {"status": 503})
    r = CliRunner().invoke(main, ["build", "--no-html", str(corpus), "--out", str(tmp_path / "out"),
                                  "--extractor", "llm", "--llm-url", server.url, "--llm-model", "m"])
    assert r.exit_code == 0 and (tmp_path / "out" / "graph.trig").is_file()
    assert "kg: warning: 1 windows got no answer from the model (http 503 1)" in r.stderr
    assert "warning" not in r.stdout


# ---------------------------------------------------------------- properties


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                     max_leaves=12)
_field_values = st.one_of(_json, st.sampled_from(["Lei Jun", "Xiaomi", "India", "2017", "114.6 billion yuan", "Revenue",
                                                  "founderOf", "developedBy", "Company", "Person", "CNY", "",
                                                  "Lei Jun founded Xiaomi in Beijing in 2010.", "雷军", "小米"]))
_facts = st.fixed_dictionaries({}, optional={k: _field_values for k in (
    "kind", "subject", "subject_class", "property", "object", "object_class", "metric", "value_text", "unit",
    "period_text", "quote")}) | _json


@pytest.fixture(scope="module")
def english_extraction(tmp_path_factory):
    folder = tmp_path_factory.mktemp("props")
    (folder / "manifest.yaml").write_text(MANIFEST.split("  - id: zh1")[0], encoding="utf-8")
    (folder / "en1.txt").write_text(TEXT_EN, encoding="utf-8")
    from kg import corpus

    return pipeline.extract_documents(corpus.read_corpus([folder]))[0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(_facts, st.fixed_dictionaries({"kind": st.sampled_from(["relation", "quantity"]),
                                                     "quote": st.sampled_from([TEXT_EN[:41], TEXT_EN[43:70]])},
                                                    optional={k: _field_values for k in (
                                                        "subject", "subject_class", "property", "object",
                                                        "object_class", "metric", "value_text", "unit", "period_text")})))
def test_no_answer_crashes_the_grounder_and_every_accepted_fact_is_grounded(english_extraction, raw):
    x = english_extraction
    w = llm.windows(x, 10)[0]
    grounder = llm._Grounder(x, w, llm_schema.load(), LlmConfig(), {})
    try:
        fact = grounder.ground(raw)
    except llm.Rejected as r:
        assert r.reason in llm.REASONS
        return
    (e,) = fact.evidence
    assert TEXT_EN[e.start:e.end] == e.quote and e.rule == "llm"


@given(st.text(min_size=1, max_size=60), st.data())
def test_a_substring_is_located_where_it_is(text, data):
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    needle = text[i:j]
    span = llm.locate(needle, text)
    if needle.strip():
        assert span is not None
        assert text[span[0]:span[1]] == needle.strip() or llm.normalise(text[span[0]:span[1]])[0] == llm.normalise(needle)[0]


def test_the_progress_bar_counts_windows_with_requests_and_tokens(server, corpus, tmp_path):
    class Bar:
        def __init__(self, total):
            self.total, self.done, self.postfix, self.closed = total, 0, "", False

        def update(self, n):
            self.done += n

        def set_postfix_str(self, text, refresh=True):
            self.postfix = text

        def close(self):
            self.closed = True

    bars = []
    server.on("Lei Jun founded", {"content": json.dumps(FOUNDER)})  # one fact, not wrapped in {"facts": ...}
    result = pipeline.build([corpus], llm_config=config(server, tmp_path),
                            llm_progress=lambda total: bars.append(Bar(total)) or bars[-1])
    (bar,) = bars
    assert (bar.total, bar.done, bar.closed) == (7, 7, True)
    assert bar.postfix == "requests 7, cached 0, tokens 840"
    assert [f.predicate for f in result.resolved.facts] == ["founderOf"]


def test_an_oversized_answer_is_refused_not_read_whole(server, corpus, tmp_path, monkeypatch):
    from kg import llm_client

    monkeypatch.setattr(llm_client, "MAX_ANSWER_BYTES", 200)
    server.on("Lei Jun founded", answer(FOUNDER))
    result = pipeline.build([corpus], llm_config=config(server, tmp_path))
    assert result.llm.client.failures == {"answer too large": 7} and result.resolved.facts == ()
