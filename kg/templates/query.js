// kg query page: a SPARQL editor with highlighting, the query library as examples, a results
// table with IRIs shown by label (click one to describe it), and downloads in every format.
// Everything comes from this server; nothing is loaded from elsewhere.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const editor = $("query"), shade = $("highlight");
  const KEYWORDS = new RegExp("^(?:" + ["SELECT", "CONSTRUCT", "DESCRIBE", "ASK", "WHERE", "FROM", "NAMED", "PREFIX",
    "BASE", "OPTIONAL", "FILTER", "UNION", "MINUS", "GRAPH", "SERVICE", "BIND", "VALUES", "AS", "DISTINCT", "REDUCED",
    "ORDER", "BY", "ASC", "DESC", "GROUP", "HAVING", "LIMIT", "OFFSET", "NOT", "EXISTS", "IN", "COUNT", "SUM", "MIN",
    "MAX", "AVG", "SAMPLE", "GROUP_CONCAT", "SEPARATOR", "STR", "LANG", "LANGMATCHES", "DATATYPE", "BOUND", "IRI",
    "URI", "IF", "COALESCE", "REGEX", "CONTAINS", "STRSTARTS", "STRENDS", "LCASE", "UCASE", "a"].join("|") + ")$", "i");
  const TOKEN = /(#[^\n]*)|("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(<[^<>"{}|^`\\\s]*>)|([?$][A-Za-z_0-9]+)|([A-Za-z_][\w.-]*)?(:[\w.%:-]*)?|(\d+(?:\.\d+)?)/g;

  function esc(s) {
    return s.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }

  function highlight(text) {
    let out = "", last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      if (m[0] === "") { TOKEN.lastIndex++; continue; }
      out += esc(text.slice(last, m.index));
      let cls = "";
      if (m[1]) cls = "com"; else if (m[2]) cls = "str"; else if (m[3]) cls = "iri"; else if (m[4]) cls = "var";
      else if (m[6] !== undefined) cls = "pn"; else if (m[5] && KEYWORDS.test(m[5])) cls = "kw"; else if (m[7]) cls = "num";
      out += cls ? `<span class="tok-${cls}">${esc(m[0])}</span>` : esc(m[0]);
      last = m.index + m[0].length;
    }
    return out + esc(text.slice(last)) + "\n";
  }

  function refresh() {
    shade.innerHTML = highlight(editor.value);
    shade.scrollTop = editor.scrollTop;
  }
  editor.addEventListener("input", refresh);
  editor.addEventListener("scroll", () => { shade.scrollTop = editor.scrollTop; });
  editor.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });

  const examples = $("examples");
  data.library.forEach((spec, i) => {
    const o = document.createElement("option");
    o.value = String(i);
    o.textContent = `${spec.name} — ${spec.question_en || spec.question_zh}`;
    examples.appendChild(o);
  });
  examples.addEventListener("change", () => {
    const spec = data.library[Number(examples.value)];
    if (!spec) return;
    editor.value = spec.text;
    $("question").textContent = [spec.question_en, spec.question_zh].filter(Boolean).join(" · ");
    refresh();
  });

  function form(text) {
    const prologue = text.replace(/#[^\n]*/g, " ").replace(/\b(PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)/gi, " ");
    const m = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(prologue);
    return m ? m[1].toUpperCase() : "SELECT";
  }

  function prefixed(iri) {
    let best = null;
    for (const [p, ns] of Object.entries(data.prefixes)) {
      if (iri.startsWith(ns) && /^[\w\-.%/]*$/.test(iri.slice(ns.length)) && (!best || ns.length > best[1].length)) best = [p, ns];
    }
    return best ? `${best[0]}:${iri.slice(best[1].length)}` : `<${iri}>`;
  }

  const labels = new Map(); // iri -> {en, zh, other}

  async function post(text, accept, format) {
    const body = new URLSearchParams({query: text});
    if (format) body.set("format", format);
    return fetch("sparql", {method: "POST", body, headers: {"Accept": accept}});
  }

  async function fetchLabels(iris) {
    const wanted = iris.filter((i) => !labels.has(i) && !/[<>"{}|^`\\\s]/.test(i)).slice(0, 400);
    if (!wanted.length) return;
    const text = "SELECT ?s ?l WHERE { VALUES ?s { " + wanted.map((i) => `<${i}>`).join(" ") +
      " } ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }";
    const r = await post(text, "application/sparql-results+json");
    if (!r.ok) return;
    wanted.forEach((i) => labels.set(i, {}));
    for (const b of (await r.json()).results.bindings) {
      const entry = labels.get(b.s.value);
      const lang = b.l["xml:lang"] === "zh" ? "zh" : b.l["xml:lang"] === "en" ? "en" : "other";
      if (!entry[lang]) entry[lang] = b.l.value;
    }
  }

  function labelOf(iri) {
    const entry = labels.get(iri) || {};
    const lang = $("lang").value;
    return entry[lang] || entry[lang === "en" ? "zh" : "en"] || entry.other || prefixed(iri);
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = document.createElement("a");
      a.href = "#";
      a.className = "iri";
      a.dataset.iri = term.value;
      a.title = term.value;
      a.textContent = labelOf(term.value);
      a.addEventListener("click", (e) => { e.preventDefault(); describe(term.value); });
      td.appendChild(a);
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.textContent = term.value;
      const tag = term["xml:lang"] || (term.datatype ? prefixed(term.datatype) : "");
      if (tag) {
        const s = document.createElement("span");
        s.className = "lit-lang";
        s.textContent = term["xml:lang"] ? "@" + tag : "^^" + tag;
        td.appendChild(s);
      }
    }
    return td;
  }

  function table(vars, rows) {
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    vars.forEach((v) => { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
    const body = t.createTBody();
    rows.forEach((row) => { const tr = body.insertRow(); vars.forEach((v) => tr.appendChild(cell(row[v]))); });
    return t;
  }

  function jsonldRows(doc) {
    // expanded JSON-LD (what the server writes) -> subject/predicate/object rows
    const rows = [];
    const term = (o) => o["@id"] !== undefined ? {type: o["@id"].startsWith("_:") ? "bnode" : "uri", value: o["@id"].replace(/^_:/, "")}
      : Object.assign({type: "literal", value: String(o["@value"])}, o["@language"] ? {"xml:lang": o["@language"]} : {},
        o["@type"] ? {datatype: o["@type"]} : {});
    const walk = (nodes, graph) => nodes.forEach((n) => {
      if (n["@graph"]) { walk(n["@graph"], n["@id"]); return; }
      for (const [p, values] of Object.entries(n)) {
        if (p.startsWith("@") && p !== "@type") continue;
        const pred = p === "@type" ? "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" : p;
        [].concat(values).forEach((v) => rows.push({subject: term({"@id": n["@id"]}), predicate: {type: "uri", value: pred},
          object: p === "@type" ? {type: "uri", value: v} : term(v)}));
      }
    });
    walk([].concat(doc), null);
    return rows;
  }

  function downloads(text, kind) {
    const box = $("downloads");
    box.textContent = "Download · 下载: ";
    const formats = kind === "graph" ? [["ttl", "Turtle"], ["nt", "N-Triples"], ["rdfxml", "RDF/XML"], ["jsonld", "JSON-LD"],
      ["trig", "TriG"], ["nq", "N-Quads"]] : [["json", "JSON"], ["xml", "XML"], ["csv", "CSV"], ["tsv", "TSV"]];
    const ext = {ttl: "ttl", nt: "nt", rdfxml: "rdf", jsonld: "jsonld", trig: "trig", nq: "nq", json: "srj", xml: "srx", csv: "csv", tsv: "tsv"};
    formats.forEach(([f, name]) => {
      const a = document.createElement("a");
      a.href = "sparql?" + new URLSearchParams({query: text, format: f}).toString();
      a.download = "result." + ext[f];
      a.dataset.format = f;
      a.textContent = name;
      box.appendChild(a);
    });
  }

  async function run() {
    const text = editor.value;
    const kind = ["CONSTRUCT", "DESCRIBE"].includes(form(text)) ? "graph" : "select";
    $("error").hidden = true;
    $("results").textContent = "";
    $("status").textContent = "running…";
    const started = performance.now();
    try {
      const r = kind === "graph" ? await post(text, "application/ld+json", "jsonld")
        : await post(text, "application/sparql-results+json");
      if (!r.ok) throw new Error(`HTTP ${r.status}: ${await r.text()}`);
      const truncated = r.headers.get("X-KG-Truncated") === "true";
      const answer = await r.json();
      let vars, rows;
      if (kind === "graph") { vars = ["subject", "predicate", "object"]; rows = jsonldRows(answer); }
      else if (answer.boolean !== undefined) { vars = ["answer"]; rows = [{answer: {type: "literal", value: String(answer.boolean)}}]; }
      else { vars = answer.head.vars; rows = answer.results.bindings; }
      const iris = [];
      rows.forEach((row) => vars.forEach((v) => row[v] && row[v].type === "uri" && iris.push(row[v].value)));
      await fetchLabels([...new Set(iris)]);
      $("results").appendChild(table(vars, rows));
      const ms = Math.round(performance.now() - started);
      $("status").textContent = `${rows.length} ${kind === "graph" ? "triples" : "rows"} · ${ms} ms` +
        (truncated ? " · cut at the server's row limit" : "");
      downloads(text, kind);
      window.kgQuery.lastRows = rows.length;
    } catch (err) {
      $("status").textContent = "";
      $("error").hidden = false;
      $("error").textContent = String(err.message || err);
      window.kgQuery.lastError = String(err.message || err);
    }
    window.kgQuery.runs += 1;
  }

  function describe(iri) {
    editor.value = `DESCRIBE <${iri}>`;
    refresh();
    run();
  }

  $("run").addEventListener("click", run);
  $("lang").addEventListener("change", () => {
    document.querySelectorAll("#results a.iri").forEach((a) => { a.textContent = labelOf(a.dataset.iri); });
  });
  const start = new URLSearchParams(location.search);
  if (start.get("describe")) describe(start.get("describe"));
  refresh();
  window.kgQuery = {ready: true, runs: 0, run, describe, highlight};
})();
