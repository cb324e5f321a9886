"""The query page (/query of `kg serve`) in headless Chromium: a library query runs and shows a table,
IRIs by label and clickable, downloads in every format, and no request leaves the server."""
from __future__ import annotations

import urllib.parse

import pytest
from test_browser import browser  # noqa: F401  (the shared headless Chromium fixture)
from test_serve import Server, served_dir  # noqa: F401  (served_dir is a fixture)

from kg import query as q

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(served_dir):  # noqa: F811
    s = Server(served_dir)
    yield s
    s.stop()


def _only_from(server, outside: list):
    """A route handler that lets requests to the server through and refuses (and records) any other."""
    def route(r):
        if r.request.url.startswith(server.url + "/"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()
    return route


@pytest.fixture()
def page(browser, server):  # noqa: F811  (browser is the fixture imported above)
    """The query page; requests to anywhere but the server are refused and recorded."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    outside, errors = [], []

    ctx.route("**/*", _only_from(server, outside))
    pg = ctx.new_page()
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(server.url + "/query")
    pg.wait_for_function("() => window.kgQuery && window.kgQuery.ready", timeout=30_000)
    yield pg
    ctx.close()
    assert outside == [], f"the page asked for {outside}"
    assert errors == []


def test_a_library_query_runs_and_fills_a_table(page, server, seed_dir):
    local = q.open_local(seed_dir)
    spec = q.find_query("05")
    expected = q.run_query(spec, local)
    page.select_option("#examples", label=next(o for o in page.eval_on_selector_all(
        "#examples option", "os => os.map(o => o.textContent)") if o.startswith("05-")))
    assert "VALUES" in page.input_value("#query") and "kg:MarketPosition" in page.input_value("#query")
    assert page.locator("#highlight .tok-kw").count() > 5  # highlighted
    page.click("#run")
    page.wait_for_function("() => window.kgQuery.runs >= 1", timeout=30_000)
    assert page.locator("#error").is_hidden()
    headers = page.eval_on_selector_all("#results th", "ths => ths.map(t => t.textContent)")
    assert headers == list(expected.variables)
    assert page.locator("#results tbody tr").count() == len(expected) > 0
    # IRIs shown by their label, not their IRI
    links = page.eval_on_selector_all("#results a.iri", "as => as.map(a => [a.textContent, a.dataset.iri])")
    assert ["Xiaomi", "https://w3id.org/kg/id/xiaomi"] in links
    page.select_option("#lang", "zh")
    assert "小米" in page.eval_on_selector_all("#results a.iri", "as => as.map(a => a.textContent)")


def test_clicking_an_iri_describes_it(page):
    page.fill("#query", "SELECT ?c WHERE { ?c a kg:Company } ORDER BY ?c")
    page.click("#run")
    page.wait_for_function("() => window.kgQuery.runs >= 1", timeout=30_000)
    page.click("#results a.iri[data-iri='https://w3id.org/kg/id/xiaomi']")
    page.wait_for_function("() => window.kgQuery.runs >= 2", timeout=30_000)
    assert page.input_value("#query") == "DESCRIBE <https://w3id.org/kg/id/xiaomi>"
    assert page.eval_on_selector_all("#results th", "ths => ths.map(t => t.textContent)") == ["subject", "predicate", "object"]
    assert page.locator("#results tbody tr").count() > 5


def test_downloads_in_every_format(page, server):
    import urllib.request

    page.click("#run")
    page.wait_for_function("() => window.kgQuery.runs >= 1", timeout=30_000)
    links = page.eval_on_selector_all("#downloads a", "as => as.map(a => [a.dataset.format, a.href])")
    assert [f for f, _ in links] == ["json", "xml", "csv", "tsv"]
    for fmt, href in links:
        assert href.startswith(server.url + "/sparql?")
        with urllib.request.urlopen(href, timeout=30) as r:
            assert r.status == 200 and r.headers.get_content_type() == q.MEDIA_TYPES[fmt]
    page.fill("#query", "CONSTRUCT { ?c a kg:Company } WHERE { ?c a kg:Company }")
    page.click("#run")
    page.wait_for_function("() => window.kgQuery.runs >= 2", timeout=30_000)
    assert [f for f in page.eval_on_selector_all("#downloads a", "as => as.map(a => a.dataset.format)")] == \
        ["ttl", "nt", "rdfxml", "jsonld", "trig", "nq"]


def test_graph_view_links_to_the_query_page(server):
    import urllib.request

    with urllib.request.urlopen(server.url + "/") as r:
        assert b'href="query"' in r.read()
    # /query stays a protocol endpoint for clients that are not browsers
    url = server.url + "/query?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})) as r:
        assert b"true" in r.read()


@pytest.fixture(scope="module")
def view_server(seed_dir, tmp_path_factory):
    """kg serve over a build with the real graph view (rendered here)."""
    import shutil as sh

    from kg import render

    out = tmp_path_factory.mktemp("view") / "build"
    out.mkdir()
    sh.copy(seed_dir / "graph.trig", out / "graph.trig")
    render.render_file(out / "graph.trig", out / "graph.html")
    s = Server(out)
    yield s
    s.stop()


def test_graph_view_nodes_link_to_the_query_page(browser, view_server):  # noqa: F811  (the fixture)
    """Served by kg serve, a node's panel links to /query?describe=IRI, which describes it."""
    server = view_server
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    outside = []

    ctx.route("**/*", _only_from(server, outside))
    pg = ctx.new_page()
    try:
        pg.goto(server.url + "/")
        pg.wait_for_function("() => window.kg && window.kg.ready", timeout=60_000)
        assert pg.locator("#kg-query-link").count() == 1
        pg.evaluate("() => window.kg.select({kind: 'node', id: window.kg.nodeId('https://w3id.org/kg/id/xiaomi')})")
        href = pg.get_attribute("#panel a.show-in-query", "href")
        assert href == "query?describe=" + urllib.parse.quote("https://w3id.org/kg/id/xiaomi", safe="")
        pg.click("#panel a.show-in-query")
        pg.wait_for_function("() => window.kgQuery && window.kgQuery.runs >= 1", timeout=30_000)
        assert pg.input_value("#query") == "DESCRIBE <https://w3id.org/kg/id/xiaomi>"
        assert pg.locator("#results tbody tr").count() > 5
    finally:
        ctx.close()
    assert outside == []
