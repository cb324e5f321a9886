// kg graph page. Everything from the graph is put on screen with textContent, never as HTML.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var UI = {
    en: { title: "kg · knowledge graph", hood: "Neighbourhood", fit: "Fit", physics: "Physics", classes: "Classes",
          facts: "Facts", asserted: "asserted", inferred: "inferred", candidates: "candidates", candidate: "candidate", documents: "Source documents",
          hint: "Click a node or edge for its facts and evidence.", entities: "entities", statements: "statements",
          relations: "relations", iri: "IRI", aliases: "Also called", mentioned: "Mentioned in", cls: "Class",
          rels: "Relations", stmts: "Statements", evidence: "Evidence", noEvidence: "No evidence recorded (asserted without a fact node).",
          conflict: "Conflicting facts", differs: "differ in", policy: "policy", preferred: "preferred",
          confidence: "confidence", rule: "rule", sentence: "sentence", hidden: "hidden by the current filters",
          around: "neighbourhood of", hops: "hops", shown: "shown", close: "Close", subject: "subject",
          fact: "Fact", nothing: "No matches", labels: "Labels" },
    zh: { title: "kg · 知识图谱", hood: "邻域", fit: "适应窗口", physics: "物理布局", classes: "类别",
          facts: "事实", asserted: "断言", inferred: "推理", candidates: "候选", candidate: "候选", documents: "来源文档",
          hint: "点击节点或边，查看事实与证据。", entities: "实体", statements: "陈述",
          relations: "关系", iri: "IRI", aliases: "别名", mentioned: "提及于", cls: "类别",
          rels: "关系", stmts: "陈述", evidence: "证据", noEvidence: "无证据记录（直接断言，无事实节点）。",
          conflict: "冲突事实", differs: "差异", policy: "策略", preferred: "优选",
          confidence: "置信度", rule: "规则", sentence: "句子", hidden: "已被当前筛选隐藏",
          around: "邻域中心", hops: "跳", shown: "显示", close: "关闭", subject: "主体",
          fact: "事实", nothing: "无匹配", labels: "标签" }
  };
  var state = { lang: "en", hiddenClasses: new Set(), hiddenDocs: new Set(), asserted: true, inferred: true, candidates: false,
                hood: false, hops: 2, centre: null, selection: null };
  var NODES = DATA.nodes, EDGES = DATA.edges, FACTS = DATA.facts;
  var byIri = new Map(), factByIri = new Map();
  NODES.forEach(function (n, i) { byIri.set(n.iri, i); });
  FACTS.forEach(function (f, i) { factByIri.set(f.iri, i); });
  var adjacency = NODES.map(function () { return []; });
  EDGES.forEach(function (e, i) {
    var v = DATA.vis.edges[i];
    adjacency[v.from].push(i);
    adjacency[v.to].push(i);
  });
  var classInfo = new Map();
  DATA.classes.forEach(function (c) { classInfo.set(c.cls, c); });

  // ---------------------------------------------------------------- DOM helpers
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === "text") node.textContent = props[k];
        else if (k === "cls") node.className = props[k];
        else if (k === "on") Object.keys(props.on).forEach(function (ev) { node.addEventListener(ev, props.on[ev]); });
        else node.setAttribute(k, props[k]);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }
  function t(key) { return (UI[state.lang] || UI.en)[key] || UI.en[key] || key; }
  function L(labels) {
    if (!labels) return "";
    return labels[state.lang] || labels.en || labels.zh || "";
  }
  function other(labels) {
    var o = state.lang === "en" ? "zh" : "en";
    return labels && labels[o] && labels[o] !== L(labels) ? labels[o] : "";
  }
  var SVGNS = "http://www.w3.org/2000/svg";
  function swatch(shape, color, size) {
    size = size || 14;
    var s = document.createElementNS(SVGNS, "svg");
    s.setAttribute("class", "sw"); s.setAttribute("width", size); s.setAttribute("height", size);
    s.setAttribute("viewBox", "0 0 20 20");
    var shapeEl, pts = null;
    if (shape === "dot") { shapeEl = document.createElementNS(SVGNS, "circle"); shapeEl.setAttribute("cx", 10); shapeEl.setAttribute("cy", 10); shapeEl.setAttribute("r", 8); }
    else if (shape === "square") { shapeEl = document.createElementNS(SVGNS, "rect"); shapeEl.setAttribute("x", 3); shapeEl.setAttribute("y", 3); shapeEl.setAttribute("width", 14); shapeEl.setAttribute("height", 14); }
    else if (shape === "box") { shapeEl = document.createElementNS(SVGNS, "rect"); shapeEl.setAttribute("x", 1); shapeEl.setAttribute("y", 5); shapeEl.setAttribute("width", 18); shapeEl.setAttribute("height", 10); shapeEl.setAttribute("rx", 2); }
    else if (shape === "diamond") pts = "10,1 19,10 10,19 1,10";
    else if (shape === "triangle") pts = "10,2 19,18 1,18";
    else if (shape === "triangleDown") pts = "1,2 19,2 10,18";
    else if (shape === "hexagon") pts = "5,2 15,2 19,10 15,18 5,18 1,10";
    else if (shape === "star") pts = "10,1 12.6,7 19,7.3 14,11.3 15.7,18 10,14.3 4.3,18 6,11.3 1,7.3 7.4,7";
    else { shapeEl = document.createElementNS(SVGNS, "circle"); shapeEl.setAttribute("cx", 10); shapeEl.setAttribute("cy", 10); shapeEl.setAttribute("r", 8); }
    if (pts) { shapeEl = document.createElementNS(SVGNS, "polygon"); shapeEl.setAttribute("points", pts); }
    shapeEl.setAttribute("fill", color);
    shapeEl.setAttribute("stroke", shape === "box" ? "#9aa5b1" : "rgba(0,0,0,.25)");
    s.appendChild(shapeEl);
    return s;
  }

  // ---------------------------------------------------------------- network
  var nodes = new vis.DataSet(DATA.vis.nodes);
  var edges = new vis.DataSet(DATA.vis.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.vis.options);
  var api = { ready: false, network: network, nodes: nodes, edges: edges, data: DATA };
  window.kg = api;
  function markReady() {
    if (api.ready) return;
    api.ready = true;
    document.body.setAttribute("data-ready", "1");
    window.dispatchEvent(new Event("kg-ready"));
  }
  // The layout comes precomputed and physics starts off: the first drawing is the usable page.
  network.once("afterDrawing", markReady);
  document.getElementById("physics").checked = false;
  document.getElementById("physics").addEventListener("change", function (ev) {
    network.setOptions({ physics: { enabled: ev.target.checked, stabilization: { enabled: false } } });
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });

  // ---------------------------------------------------------------- visibility
  var nodeHidden = NODES.map(function (_, i) { return !!DATA.vis.nodes[i].hidden; });
  var edgeHidden = EDGES.map(function (_, i) { return !!DATA.vis.edges[i].hidden; });
  function docsPass(docs) {
    if (!docs || !docs.length || !state.hiddenDocs.size) return true;
    for (var i = 0; i < docs.length; i++) if (!state.hiddenDocs.has(docs[i])) return true;
    return false;
  }
  // Candidates (facts kg does not assert) are shown only when asked for.
  function assertionPass(inferred, candidate) { return candidate ? state.candidates : inferred ? state.inferred : state.asserted; }
  function nodePass(i) {
    var n = NODES[i];
    return !state.hiddenClasses.has(n.c) && docsPass(n.d) && assertionPass(n.inf, n.cand);
  }
  function edgePass(i) {
    var e = EDGES[i];
    return assertionPass(e.inf, e.cand) && docsPass(e.d);
  }
  function applyFilters() {
    var showN = NODES.map(function (_, i) { return nodePass(i); });
    var showE = EDGES.map(function (_, i) {
      var v = DATA.vis.edges[i];
      return edgePass(i) && showN[v.from] && showN[v.to];
    });
    if (state.hood && state.centre !== null && showN[state.centre]) {
      var reach = new Map([[state.centre, 0]]), queue = [state.centre];
      while (queue.length) {
        var cur = queue.shift(), d = reach.get(cur);
        if (d >= state.hops) continue;
        adjacency[cur].forEach(function (ei) {
          if (!showE[ei]) return;
          var v = DATA.vis.edges[ei], nb = v.from === cur ? v.to : v.from;
          if (!reach.has(nb)) { reach.set(nb, d + 1); queue.push(nb); }
        });
      }
      showN = showN.map(function (s, i) { return s && reach.has(i); });
      showE = showE.map(function (s, i) { var v = DATA.vis.edges[i]; return s && showN[v.from] && showN[v.to]; });
    }
    var nu = [], eu = [];
    showN.forEach(function (s, i) { if (nodeHidden[i] === s) { nodeHidden[i] = !s; nu.push({ id: i, hidden: !s }); } });
    showE.forEach(function (s, i) { if (edgeHidden[i] === s) { edgeHidden[i] = !s; eu.push({ id: i, hidden: !s }); } });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    updateStatus();
  }
  function updateStatus() {
    var shown = nodeHidden.filter(function (h) { return !h; }).length;
    var text = shown + " / " + NODES.length + " " + t("shown");
    if (state.hood && state.centre !== null) {
      text += " · " + t("around") + " " + L(NODES[state.centre].l) + " (" + state.hops + " " + t("hops") + ")";
    }
    document.getElementById("status").textContent = text;
  }
  api.visibleNodeIds = function () { var out = []; nodeHidden.forEach(function (h, i) { if (!h) out.push(i); }); return out; };
  api.visibleEdgeIds = function () { var out = []; edgeHidden.forEach(function (h, i) { if (!h) out.push(i); }); return out; };
  api.nodeId = function (iri) { return byIri.has(iri) ? byIri.get(iri) : null; };

  // ---------------------------------------------------------------- sidebar
  function buildLegend() {
    var box = document.getElementById("legend");
    box.textContent = "";
    DATA.classes.forEach(function (c) {
      var input = el("input", { type: "checkbox", "data-class": c.cls });
      input.checked = !state.hiddenClasses.has(c.cls);
      input.addEventListener("change", function () {
        if (input.checked) state.hiddenClasses.delete(c.cls); else state.hiddenClasses.add(c.cls);
        applyFilters();
      });
      box.appendChild(el("label", { title: c.cls }, input, swatch(c.shape, c.color), el("span", { text: L(c.l) }),
                         el("span", { cls: "n", text: String(c.count) })));
    });
  }
  function buildDocs() {
    var box = document.getElementById("docs");
    box.textContent = "";
    DATA.docs.forEach(function (d, i) {
      var input = el("input", { type: "checkbox", "data-doc": d.id });
      input.checked = !state.hiddenDocs.has(i);
      input.addEventListener("change", function () {
        if (input.checked) state.hiddenDocs.delete(i); else state.hiddenDocs.add(i);
        applyFilters();
      });
      var name = (d.title || d.id) + (d.lang ? " [" + d.lang + "]" : "");
      box.appendChild(el("label", { title: name + "\n" + d.id }, input, el("span", { cls: "doc-title", text: name })));
    });
  }
  document.getElementById("show-asserted").addEventListener("change", function (ev) { state.asserted = ev.target.checked; applyFilters(); });
  document.getElementById("show-inferred").addEventListener("change", function (ev) { state.inferred = ev.target.checked; applyFilters(); });
  document.getElementById("n-asserted").textContent = String(EDGES.filter(function (e) { return !e.s && !e.inf; }).length);
  document.getElementById("n-inferred").textContent = String(EDGES.filter(function (e) { return e.inf; }).length);
  document.getElementById("show-candidates").addEventListener("change", function (ev) { state.candidates = ev.target.checked; applyFilters(); });
  document.getElementById("n-candidates").textContent = String(DATA.meta.candidates);
  document.getElementById("hood").addEventListener("change", function (ev) {
    state.hood = ev.target.checked;
    if (state.hood && state.centre === null && state.selection && state.selection.kind === "node") state.centre = state.selection.id;
    applyFilters();
    if (state.hood && state.centre !== null) network.fit({ nodes: api.visibleNodeIds(), animation: false });
  });
  document.getElementById("hops").addEventListener("change", function (ev) {
    state.hops = parseInt(ev.target.value, 10) || 1;
    applyFilters();
  });

  // ---------------------------------------------------------------- language
  function setLang(lang) {
    state.lang = lang;
    document.documentElement.setAttribute("lang", lang === "zh" ? "zh-Hans" : "en");
    document.querySelectorAll("[data-lang]").forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang)); });
    document.querySelectorAll("[data-ui]").forEach(function (x) { x.textContent = t(x.getAttribute("data-ui")); });
    nodes.update(NODES.map(function (n, i) { return { id: i, label: (n.cf ? DATA.meta.conflictMark : "") + L(n.l) }; }));
    if (DATA.vis.edges.length && DATA.vis.edges.some(function (e) { return e.label !== undefined; })) {
      edges.update(EDGES.map(function (e, i) { return DATA.vis.edges[i].label === undefined ? { id: i } : { id: i, label: L(e.l) }; }));
    }
    document.getElementById("counts").textContent = DATA.meta.entities + " " + t("entities") + " · " +
      DATA.meta.statements + " " + t("statements") + " · " + DATA.meta.relations + " " + t("relations");
    buildLegend();
    buildDocs();
    updateStatus();
    if (state.selection) render(state.selection);
  }
  document.querySelectorAll("[data-lang]").forEach(function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-lang")); });
  });
  api.setLang = setLang;

  // ---------------------------------------------------------------- search
  function norm(s) { return (s || "").normalize("NFKC").toLowerCase().replace(/\s+/g, ""); }
  var keys = NODES.map(function (n) {
    var all = [n.l.en, n.l.zh].concat(n.alt || []).filter(Boolean);
    return all.map(norm);
  });
  function search(q) {
    var w = norm(q);
    if (!w) return [];
    var hits = [];
    keys.forEach(function (ks, i) {
      var best = 9;
      ks.forEach(function (k, j) {
        var primary = j < 2 ? 0 : 1;
        if (k === w) best = Math.min(best, 0 + primary);
        else if (k.indexOf(w) === 0) best = Math.min(best, 2 + primary);
        else if (k.indexOf(w) > 0) best = Math.min(best, 4 + primary);
      });
      if (best < 9) hits.push([best, NODES[i].k === "entity" ? 0 : 1, -NODES[i].r, i]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]; });
    return hits.slice(0, 12).map(function (h) { return h[3]; });
  }
  api.search = search;
  var input = document.getElementById("search"), list = document.getElementById("search-results");
  var results = [], active = 0;
  function showResults() {
    list.textContent = "";
    results = search(input.value);
    active = 0;
    if (!results.length && input.value.trim()) { list.appendChild(el("li", { cls: "muted", text: t("nothing") })); return; }
    results.forEach(function (i, k) {
      var n = NODES[i], c = classInfo.get(n.c) || {};
      var li = el("li", { role: "option", "data-node": String(i), cls: k === 0 ? "active" : "" },
                  swatch(c.shape, c.color, 12), el("span", { text: L(n.l) }), other(n.l) ? el("span", { cls: "muted", text: other(n.l) }) : null,
                  el("span", { cls: "cls", text: L(c.l) }));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
      list.appendChild(li);
    });
  }
  function pick(i) {
    list.textContent = "";
    input.blur();
    focusNode(i);
  }
  input.addEventListener("input", showResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { if (!results.length) showResults(); if (results.length) pick(results[active]); }
    else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!results.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
      Array.prototype.forEach.call(list.children, function (li, k) { li.className = k === active ? "active" : ""; });
      ev.preventDefault();
    } else if (ev.key === "Escape") { list.textContent = ""; }
  });
  input.addEventListener("blur", function () { setTimeout(function () { list.textContent = ""; }, 150); });

  function focusNode(i) {
    var n = NODES[i];
    // A node the user asked for must be visible: lift the filters that hide it.
    if (state.hiddenClasses.has(n.c)) state.hiddenClasses.delete(n.c);
    if (!docsPass(n.d)) n.d.forEach(function (d) { state.hiddenDocs.delete(d); });
    if (!assertionPass(n.inf, n.cand)) { state.inferred = true; state.asserted = true; if (n.cand) state.candidates = true; }
    if (state.hood) state.centre = i;
    buildLegend(); buildDocs();
    document.getElementById("show-asserted").checked = state.asserted;
    document.getElementById("show-inferred").checked = state.inferred;
    document.getElementById("show-candidates").checked = state.candidates;
    applyFilters();
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    select({ kind: "node", id: i });
  }
  api.focusNode = focusNode;

  // ---------------------------------------------------------------- panel
  var panel = document.getElementById("panel");
  function select(sel) {
    state.selection = sel;
    if (state.hood && sel && sel.kind === "node") { state.centre = sel.id; applyFilters(); }
    render(sel);
  }
  api.select = select;
  network.on("click", function (p) {
    if (p.nodes.length) select({ kind: "node", id: p.nodes[0] });
    else if (p.edges.length) select({ kind: "edge", id: p.edges[0] });
  });
  function nodeLink(i) {
    if (i === null || i === undefined || i < 0) return null;
    return el("a", { cls: "nav", on: { click: function () { focusNode(i); } } }, L(NODES[i].l));
  }
  function highlighted(ev) {
    var s = ev.s >= 0 ? DATA.sentences[ev.s] : null;
    var box = el("div", { cls: "sent" });
    if (!s || !s.t) { box.appendChild(el("mark", { text: ev.q || "" })); return box; }
    // Offsets count code points (Python str indices); JS strings count UTF-16 units.
    var cps = Array.from(s.t), a = ev.a - s.a, b = ev.b - s.a;
    if (!(a >= 0 && b > a && b <= cps.length)) { box.appendChild(document.createTextNode(s.t)); return box; }
    box.appendChild(document.createTextNode(cps.slice(0, a).join("")));
    box.appendChild(el("mark", { text: cps.slice(a, b).join("") }));
    box.appendChild(document.createTextNode(cps.slice(b).join("")));
    return box;
  }
  function evidenceBlock(ei) {
    var ev = DATA.evidence[ei], d = DATA.docs[ev.d] || {}, s = ev.s >= 0 ? DATA.sentences[ev.s] : null;
    var src = (d.title || d.id || "?") + (d.lang ? " [" + d.lang + "]" : "") + (d.publisher ? " · " + d.publisher : "") +
              (d.date ? " · " + d.date : "") + (s && s.i >= 0 ? " · " + t("sentence") + " " + s.i : "");
    var meta = [ev.r ? t("rule") + " " + ev.r : "", ev.c ? t("confidence") + " " + ev.c : ""].filter(Boolean).join(" · ");
    return el("div", { cls: "ev", "data-doc": d.id || "" }, el("div", { cls: "src", text: src }), highlighted(ev),
              meta ? el("div", { cls: "src", text: meta }) : null);
  }
  function factCard(fi, opts) {
    opts = opts || {};
    var f = FACTS[fi];
    var card = el("div", { cls: "fact" + (f.inf ? " inferred" : "") + (f.cand ? " candidate" : "") + (f.cf.length ? " conflicting" : ""), "data-fact": f.iri });
    var badges = el("div");
    if (f.inf) badges.appendChild(el("span", { cls: "badge inferred", text: t("inferred") }));
    if (f.cand) badges.appendChild(el("span", { cls: "badge candidate", text: "? " + t("candidate") }));
    if (f.cf.length) badges.appendChild(el("span", { cls: "badge conflict", text: "⚠ " + t("conflict") }));
    if (opts.preferred) badges.appendChild(el("span", { cls: "badge preferred", text: "✓ " + t("preferred") }));
    if (f.status) badges.appendChild(el("span", { cls: "badge", text: L(f.status) }));
    if (f.conf) badges.appendChild(el("span", { cls: "badge", text: t("confidence") + " " + f.conf }));
    card.appendChild(el("div", { cls: "title", text: L(f.title) }));
    card.appendChild(badges);
    if (f.q.length) {
      var dl = el("dl");
      f.q.forEach(function (q) {
        var prop = DATA.props && DATA.props[q[0]];
        dl.appendChild(el("dt", { text: prop ? L(prop) : q[0] }));
        dl.appendChild(el("dd", null, q[2] >= 0 ? nodeLink(q[2]) : L(q[1])));
      });
      card.appendChild(dl);
    }
    if (f.ev.length) f.ev.forEach(function (ei) { card.appendChild(evidenceBlock(ei)); });
    else card.appendChild(el("div", { cls: "muted", text: t("noEvidence") }));
    if (!opts.nested && f.cf.length) f.cf.forEach(function (ci) { card.appendChild(conflictBox(ci)); });
    card.appendChild(el("div", { cls: "iri", text: f.iri }));
    return card;
  }
  function conflictBox(ci) {
    var c = DATA.conflicts[ci];
    var head = "⚠ " + t("conflict") + (c.differsIn.length ? " — " + t("differs") + ": " + c.differsIn.join(", ") : "") +
               (c.policy ? " · " + t("policy") + ": " + c.policy : "");
    var cols = el("div", { cls: "cols" });
    c.facts.forEach(function (fi) { cols.appendChild(factCard(fi, { nested: true, preferred: fi === c.preferred })); });
    return el("div", { cls: "conflict-box", "data-conflict": c.iri }, el("div", { cls: "title", text: head }), cols);
  }
  function relationLine(ei, from) {
    var e = EDGES[ei], v = DATA.vis.edges[ei];
    var forward = v.from === from;
    var otherEnd = forward ? v.to : v.from;
    return el("div", { cls: "rel" }, forward ? "→ " : "← ", el("b", { text: L(e.l) }), forward ? " → " : " ← ", nodeLink(otherEnd),
              e.inf ? el("span", { cls: "badge inferred", text: t("inferred") }) : null,
              e.cand ? el("span", { cls: "badge candidate", text: t("candidate") }) : null,
              e.cf ? el("span", { cls: "badge conflict", text: "⚠" }) : null);
  }
  function render(sel) {
    panel.textContent = "";
    if (!sel) { panel.hidden = true; return; }
    panel.hidden = false;
    panel.appendChild(el("button", { type: "button", cls: "plain close", "aria-label": t("close"),
                                     on: { click: function () { state.selection = null; panel.hidden = true; network.unselectAll(); } } }, "×"));
    if (sel.kind === "node") renderNode(sel.id); else renderEdge(sel.id);
  }
  function renderNode(i) {
    var n = NODES[i], c = classInfo.get(n.c) || {};
    panel.setAttribute("data-node", n.iri);
    panel.appendChild(el("h2", { text: L(n.l) }));
    if (other(n.l)) panel.appendChild(el("div", { cls: "sub", text: other(n.l) }));
    panel.appendChild(el("div", null, swatch(c.shape, c.color), " ", el("span", { text: (c.l ? c.l.en + " / " + c.l.zh : n.c) }),
                         n.inf ? el("span", { cls: "badge inferred", text: t("inferred") }) : null,
                         n.cand ? el("span", { cls: "badge candidate", text: t("candidate") }) : null,
                         nodeHidden[i] ? el("span", { cls: "badge", text: t("hidden") }) : null));
    var dl = el("dl");
    dl.appendChild(el("dt", { text: t("iri") })); dl.appendChild(el("dd", { cls: "iri", text: n.iri }));
    if (/^https?:$/.test(location.protocol)) {  // served by kg serve: its query page can describe the node
      dl.appendChild(el("dd", null, el("a", { cls: "show-in-query", href: "query?describe=" + encodeURIComponent(n.iri),
                                              text: "show in query · 在查询中查看" })));
    }
    if (n.k === "entity") {
      dl.appendChild(el("dt", { text: t("labels") })); dl.appendChild(el("dd", { text: [n.l.en, n.l.zh].filter(Boolean).join(" · ") }));
      if (n.alt && n.alt.length) { dl.appendChild(el("dt", { text: t("aliases") })); dl.appendChild(el("dd", { text: n.alt.join(" · ") })); }
    }
    if (n.d && n.d.length) {
      dl.appendChild(el("dt", { text: t("mentioned") }));
      dl.appendChild(el("dd", { text: n.d.map(function (d) { var x = DATA.docs[d]; return (x.title || x.id) + " [" + x.lang + "]"; }).join("; ") }));
    }
    panel.appendChild(dl);
    if (n.k === "statement") {
      panel.appendChild(el("h3", { text: t("fact") }));
      if (factByIri.has(n.iri)) panel.appendChild(factCard(factByIri.get(n.iri)));
    }
    var rel = [], stm = [];
    adjacency[i].forEach(function (ei) { (EDGES[ei].s ? stm : rel).push(ei); });
    if (rel.length) {
      panel.appendChild(el("h3", { text: t("rels") + " (" + rel.length + ")" }));
      rel.forEach(function (ei) {
        panel.appendChild(relationLine(ei, i));
        if (EDGES[ei].f.length) EDGES[ei].f.forEach(function (fi) { panel.appendChild(factCard(fi)); });
        else panel.appendChild(el("div", { cls: "muted", text: t("noEvidence") }));
      });
    }
    if (n.k === "entity" && stm.length) {
      panel.appendChild(el("h3", { text: t("stmts") + " (" + stm.length + ")" }));
      stm.forEach(function (ei) {
        var v = DATA.vis.edges[ei], s = v.from === i ? v.to : v.from;
        panel.appendChild(el("div", { cls: "rel" }, nodeLink(s), " ", el("span", { cls: "muted", text: "(" + L(EDGES[ei].l) + ")" })));
        if (factByIri.has(NODES[s].iri)) panel.appendChild(factCard(factByIri.get(NODES[s].iri)));
      });
    }
  }
  function renderEdge(ei) {
    var e = EDGES[ei], v = DATA.vis.edges[ei];
    panel.setAttribute("data-node", "");
    panel.appendChild(el("h2", null, nodeLink(v.from), " → ", el("span", { text: L(e.l) }), " → ", nodeLink(v.to)));
    panel.appendChild(el("div", { cls: "sub", text: e.l.en + " / " + e.l.zh + (e.inf ? " · " + t("inferred") : "") }));
    panel.appendChild(el("div", { cls: "iri", text: DATA.meta.ns + e.p }));
    panel.appendChild(el("h3", { text: t("facts") + " (" + e.f.length + ")" }));
    if (e.f.length) e.f.forEach(function (fi) { panel.appendChild(factCard(fi)); });
    else panel.appendChild(el("div", { cls: "muted", text: t("noEvidence") }));
  }

  setLang(DATA.meta.lang || "en");
  applyFilters();
})();
