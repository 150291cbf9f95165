// relplan dashboard: draws the JSON report embedded in this page. No network, no library.
// Every text from the report goes through textContent, never markup.
(function () {
  "use strict";
  var body = document.body;
  var errors = 0;
  function recordError() {
    errors++;
    body.setAttribute("data-errors", String(errors));
  }
  window.addEventListener("error", recordError);
  window.addEventListener("unhandledrejection", recordError);

  var RISKS = ["Critical", "High", "Medium", "Low"];
  var IMPACTS = ["Severe", "Moderate", "Minor"];
  var LIKELIHOODS = ["Low", "Medium", "High"];
  var RISK_COLOURS = { Critical: "#b3261e", High: "#e8710a", Medium: "#f2b600", Low: "#5b8c3a" };
  var KIND_COLOURS = {
    entry: "#dbe9ff",
    compute: "#e4f4e1",
    messaging: "#fff1cc",
    data: "#f1e4f7",
    network: "#e6e8eb"
  };
  var PAGE = 100;
  var SVG_NS = "http://www.w3.org/2000/svg";

  // ------------------------------------------------------------------ DOM helpers

  function el(tag, attrs) {
    var node = document.createElement(tag);
    setAttributes(node, attrs);
    appendAll(node, Array.prototype.slice.call(arguments, 2));
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttributes(node, attrs);
    appendAll(node, Array.prototype.slice.call(arguments, 2));
    return node;
  }

  function setAttributes(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "onclick") node.addEventListener("click", value);
      else if (name === "onchange") node.addEventListener("change", value);
      else if (name === "oninput") node.addEventListener("input", value);
      else node.setAttribute(name, value === true ? "" : String(value));
    });
  }

  function appendAll(node, children) {
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      if (Array.isArray(child)) appendAll(node, child);
      else if (typeof child === "object") node.appendChild(child);
      else node.appendChild(document.createTextNode(String(child)));
    });
  }

  function text(value) {
    return value === null || value === undefined ? "" : String(value);
  }

  function location(item) {
    if (!item || !item.file) return "";
    return item.file + (item.line ? ":" + item.line : "");
  }

  function riskBadge(risk) {
    return el("span", { class: "risk " + text(risk) }, text(risk));
  }

  function evidenceList(evidence) {
    if (!evidence || !evidence.length) return el("span", { class: "empty" }, "no evidence line");
    return el(
      "div",
      null,
      evidence.map(function (e) {
        return el(
          "div",
          { class: "evidence" },
          el("code", { class: "loc" }, location(e)),
          e.snippet ? el("pre", null, e.snippet) : null
        );
      })
    );
  }

  function locations(evidence) {
    return (evidence || []).map(location).join(", ");
  }

  function section(id, title) {
    var s = el("section", { id: id }, el("h2", null, title));
    appendAll(s, Array.prototype.slice.call(arguments, 2));
    return s;
  }

  function empty(message) {
    return el("p", { class: "empty" }, message);
  }

  // ------------------------------------------------------------------ generic tables

  /**
   * A table sortable by any column (by its text, or its sort key), shown PAGE rows at a time.
   * columns: [{title, cell(row) -> node or text, key(row) -> sortable value}]
   */
  function dataTable(columns, rows, name) {
    var order = rows.slice();
    var shown = PAGE;
    var sortedBy = -1;
    var descending = false;
    var tbody = el("tbody");
    var more = el("button", { class: "more", type: "button" });
    var headers = columns.map(function (c, i) {
      return el("th", { class: "sortable", onclick: function () { sortBy(i); } }, c.title);
    });
    var table = el("table", { "data-table": name }, el("thead", null, el("tr", null, headers)), tbody);
    function keyOf(column, row) {
      var value = column.key ? column.key(row) : column.cell(row);
      return typeof value === "object" && value !== null ? value.textContent : value;
    }
    function sortBy(i) {
      descending = sortedBy === i ? !descending : false;
      sortedBy = i;
      var column = columns[i];
      order = rows.slice().sort(function (a, b) {
        var x = keyOf(column, a);
        var y = keyOf(column, b);
        var c = typeof x === "number" && typeof y === "number" ? x - y : text(x).localeCompare(text(y));
        return descending ? -c : c;
      });
      headers.forEach(function (h, j) {
        if (j === i) h.setAttribute("aria-sort", descending ? "descending" : "ascending");
        else h.removeAttribute("aria-sort");
      });
      draw();
    }
    function draw() {
      tbody.textContent = "";
      order.slice(0, shown).forEach(function (row) {
        tbody.appendChild(el("tr", null, columns.map(function (c) { return el("td", null, c.cell(row)); })));
      });
      more.textContent = "Show " + Math.min(PAGE, order.length - shown) + " more of " + order.length;
      more.style.display = order.length > shown ? "" : "none";
    }
    more.addEventListener("click", function () {
      shown += PAGE;
      draw();
    });
    draw();
    if (!rows.length) return empty("None.");
    return el("div", null, table, more);
  }

  // ------------------------------------------------------------------ state kept in the address

  var FILTER_KEYS = ["risk", "domain", "flag", "file", "status", "impact", "likelihood", "q", "sort", "dir"];
  var state = {};

  function readState() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    FILTER_KEYS.forEach(function (k) {
      state[k] = params.get(k) || "";
    });
  }

  function writeState() {
    var params = new URLSearchParams();
    FILTER_KEYS.forEach(function (k) {
      if (state[k]) params.set(k, state[k]);
    });
    var hash = params.toString();
    try {
      history.replaceState(null, "", hash ? "#" + hash : window.location.pathname + window.location.search);
    } catch (e) {
      // A page opened from disk may refuse; the filters still apply.
    }
  }

  // ------------------------------------------------------------------ sections

  function summary(report) {
    var s = report.summary;
    var w = report.workload;
    var tiles = el(
      "div",
      { class: "tiles" },
      RISKS.map(function (r) {
        return el("div", { class: "tile " + r.toLowerCase() }, el("b", null, s[r.toLowerCase()]), r);
      }),
      el("div", { class: "tile" }, el("b", null, s.cannotDetermine), "Cannot Determine"),
      el("div", { class: "tile" }, el("b", null, s.maturity + " / 5"), "Maturity"),
      el("div", { class: "tile" }, el("b", null, w.resourcesAnalyzed), "Resources analysed")
    );
    var targets = [];
    if (w.tier) targets.push(w.tier + " tier");
    if (w.availabilityTarget !== null) targets.push("availability target " + w.availabilityTarget + " %");
    if (w.rto) targets.push("RTO " + w.rto);
    if (w.rpo) targets.push("RPO " + w.rpo);
    return section(
      "sec-summary",
      "Executive Summary",
      report.coverage && report.coverage.statement ? el("p", { class: "statement" }, report.coverage.statement) : null,
      tiles,
      el("p", null, s.findings + " findings from " + s.rootCauses + " root causes. " + s.maturityReason),
      targets.length ? el("p", { class: "note" }, "Objectives: " + targets.join(", ")) : null,
      report.nextSteps.length ? el("h3", null, "Next steps this week") : null,
      report.nextSteps.length
        ? el(
            "ol",
            null,
            report.nextSteps.map(function (n) {
              return el("li", null, n.text, " ", findingPills(n.findings));
            })
          )
        : null,
      w.notes.length ? el("details", null, el("summary", null, "Notes on how the inputs were read (" + w.notes.length + ")"),
        el("ul", null, w.notes.map(function (n) { return el("li", null, n); }))) : null
    );
  }

  function scorecard(report) {
    var rows = report.scorecard;
    var barWidth = 260;
    var labelWidth = 190;
    var rowHeight = 26;
    var chart = svg(
      "svg",
      {
        class: "scorecard",
        width: labelWidth + barWidth + 40,
        height: rows.length * rowHeight + 24,
        role: "img",
        "aria-label": "Score per domain, 1 to 5"
      },
      [1, 2, 3, 4, 5].map(function (v) {
        var x = labelWidth + (v / 5) * barWidth;
        return [
          svg("line", { x1: x, x2: x, y1: 0, y2: rows.length * rowHeight, stroke: "#e1e3e6" }),
          svg("text", { x: x, y: rows.length * rowHeight + 16, "text-anchor": "middle", "font-size": 11, fill: "#5f6368" }, v)
        ];
      }),
      rows.map(function (d, i) {
        var y = i * rowHeight;
        var colour = d.score >= 4 ? "#5b8c3a" : d.score === 3 ? "#f2b600" : "#e8710a";
        return svg(
          "g",
          null,
          svg("title", null, d.domain + ": " + d.score + "/5. Strength: " + d.strength + ". Gap: " + d.gap),
          svg("text", { x: labelWidth - 8, y: y + 17, "text-anchor": "end", "font-size": 13 }, d.domain),
          svg("rect", { x: labelWidth, y: y + 4, width: (d.score / 5) * barWidth, height: rowHeight - 8, fill: colour, rx: 3 }),
          svg("text", { x: labelWidth + (d.score / 5) * barWidth + 6, y: y + 17, "font-size": 12 }, d.score + "/5")
        );
      })
    );
    return section(
      "sec-scorecard",
      "Reliability Scorecard",
      el(
        "div",
        { class: "row2" },
        el("div", { style: "flex:0 0 auto" }, chart),
        el("div", null, dataTable(
          [
            { title: "Domain", cell: function (d) { return d.domain; } },
            { title: "Score", cell: function (d) { return d.score + "/5"; }, key: function (d) { return d.score; } },
            { title: "Strength", cell: function (d) { return d.strength; } },
            { title: "Gap", cell: function (d) { return d.gap; } }
          ],
          rows,
          "scorecard"
        ))
      )
    );
  }

  // ------------------------------------------------------------------ findings: heat map, filters, table

  function riskRank(risk) {
    var i = RISKS.indexOf(risk);
    return i < 0 ? RISKS.length : i;
  }

  function distinct(values) {
    var seen = {};
    var out = [];
    values.forEach(function (v) {
      if (v && !seen[v]) {
        seen[v] = true;
        out.push(v);
      }
    });
    return out.sort();
  }

  function findingFile(f) {
    return f.evidence.length ? f.evidence[0].file : "";
  }

  function findingsSection(report) {
    var findings = report.findings;
    var withStatus = findings.some(function (f) { return !!f.status; });
    var open = {};
    var shown = PAGE;
    var heat = el("div", { class: "heat" });
    var tbody = el("tbody");
    var count = el("span", { class: "note" });
    var more = el("button", { class: "more", type: "button" });
    var table;

    function matches(f) {
      if (state.risk && f.risk !== state.risk) return false;
      if (state.domain && f.domain !== state.domain) return false;
      if (state.flag && (state.flag === "(none)" ? f.flag : f.flag !== state.flag)) return false;
      if (state.status && f.status !== state.status) return false;
      if (state.impact && f.impact !== state.impact) return false;
      if (state.likelihood && f.likelihood !== state.likelihood) return false;
      if (state.file) {
        var needle = state.file.toLowerCase();
        var inFile = f.evidence.some(function (e) { return e.file.toLowerCase().indexOf(needle) >= 0; });
        if (!inFile) return false;
      }
      if (state.q) {
        var q = state.q.toLowerCase();
        var hay = [f.id, f.rule, f.title, f.resource, f.flag, f.address].join(" ").toLowerCase();
        if (hay.indexOf(q) < 0) return false;
      }
      return true;
    }

    var SORTS = {
      id: function (f) { return f.id; },
      risk: function (f) { return riskRank(f.risk); },
      title: function (f) { return f.title; },
      domain: function (f) { return f.domain; },
      flag: function (f) { return text(f.flag); },
      resource: function (f) { return f.resource; },
      file: function (f) { return findingFile(f); },
      status: function (f) { return text(f.status); }
    };

    function sorted(rows) {
      var key = SORTS[state.sort];
      if (!key) return rows;
      var sign = state.dir === "desc" ? -1 : 1;
      return rows.slice().sort(function (a, b) {
        var x = key(a);
        var y = key(b);
        var c = typeof x === "number" ? x - y : text(x).localeCompare(text(y));
        return c !== 0 ? sign * c : a.id.localeCompare(b.id);
      });
    }

    function detail(f, columns) {
      var dl = el(
        "dl",
        null,
        el("dt", null, "Rule"), el("dd", null, el("code", null, f.rule), f.flag ? " (" + f.flag + ")" : ""),
        el("dt", null, "Resource"), el("dd", null, f.resource + (f.resourceType ? " (" + f.resourceType + ")" : "")),
        el("dt", null, "Description"), el("dd", null, f.description),
        el("dt", null, "Impact"), el("dd", null, f.impact + ": " + f.impactReason),
        el("dt", null, "Likelihood"), el("dd", null, f.likelihood + ": " + f.likelihoodReason),
        el("dt", null, "Recommendation"), el("dd", null, f.recommendation, f.fixSnippet ? el("pre", { "data-language": f.fixLanguage }, f.fixSnippet) : null),
        el("dt", null, "Effort / tier"), el("dd", null, f.effort + " · " + f.tier),
        f.awsServices.length ? [el("dt", null, "AWS services"), el("dd", null, f.awsServices.join(", "))] : null,
        f.waQuestions.length ? [el("dt", null, "Well-Architected"), el("dd", null, f.waQuestions.join(", ") + (f.bestPractices.length ? " · " + f.bestPractices.join(", ") : ""))] : null,
        el("dt", null, "Evidence"), el("dd", null, evidenceList(f.evidence))
      );
      return el("tr", { class: "detail" }, el("td", { colspan: columns }, el("div", { class: "detail" }, dl)));
    }

    var headerDefs = [["id", "ID"], ["risk", "Risk"], ["title", "Title"], ["domain", "Domain"], ["flag", "Flag"], ["resource", "Resource"], ["file", "Location"]];
    if (withStatus) headerDefs.push(["status", "Status"]);
    var headers = headerDefs.map(function (h) {
      return el("th", {
        class: "sortable",
        "data-sort": h[0],
        onclick: function () {
          state.dir = state.sort === h[0] && state.dir !== "desc" ? "desc" : "";
          state.sort = h[0];
          redraw();
        }
      }, h[1]);
    });

    function drawRows(rows) {
      tbody.textContent = "";
      rows.slice(0, shown).forEach(function (f) {
        var row = el(
          "tr",
          { class: "finding" + (open[f.id] ? " open" : ""), "data-id": f.id, tabindex: 0 },
          el("td", null, f.id),
          el("td", null, riskBadge(f.risk)),
          el("td", null, f.title),
          el("td", null, f.domain),
          el("td", null, text(f.flag)),
          el("td", null, f.resource),
          el("td", null, el("code", null, location(f.evidence[0]))),
          withStatus ? el("td", null, text(f.status)) : null
        );
        function toggle() {
          open[f.id] = !open[f.id];
          redraw();
        }
        row.addEventListener("click", toggle);
        row.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            toggle();
          }
        });
        tbody.appendChild(row);
        if (open[f.id]) tbody.appendChild(detail(f, headerDefs.length));
      });
    }

    function drawHeat() {
      // Counts ignore the heat map's own selection, so every cell stays clickable.
      var counts = {};
      findings.forEach(function (f) {
        var saved = [state.impact, state.likelihood];
        state.impact = "";
        state.likelihood = "";
        var ok = matches(f);
        state.impact = saved[0];
        state.likelihood = saved[1];
        if (ok) counts[f.impact + "|" + f.likelihood] = (counts[f.impact + "|" + f.likelihood] || 0) + 1;
      });
      var max = 1;
      Object.keys(counts).forEach(function (k) { max = Math.max(max, counts[k]); });
      var cell = 74;
      var left = 84;
      var top = 8;
      var chart = svg("svg", {
        width: left + cell * 3 + 10,
        height: top + cell * 3 + 44,
        role: "img",
        "aria-label": "Findings by impact and likelihood; a cell filters the table"
      });
      IMPACTS.forEach(function (impact, row) {
        chart.appendChild(svg("text", { x: left - 6, y: top + row * cell + cell / 2 + 4, "text-anchor": "end", "font-size": 12 }, impact));
        LIKELIHOODS.forEach(function (likelihood, col) {
          var n = counts[impact + "|" + likelihood] || 0;
          var risk = riskOf(impact, likelihood);
          var selected = state.impact === impact && state.likelihood === likelihood;
          var rect = svg("rect", {
            class: "cell" + (selected ? " selected" : ""),
            x: left + col * cell,
            y: top + row * cell,
            width: cell,
            height: cell,
            fill: RISK_COLOURS[risk],
            "fill-opacity": n ? (0.6 + 0.4 * n / max).toFixed(2) : 0.1,
            "data-impact": impact,
            "data-likelihood": likelihood,
            "data-count": n,
            tabindex: 0
          }, svg("title", null, impact + " impact × " + likelihood + " likelihood = " + risk + ": " + n + " finding(s)"));
          rect.addEventListener("click", function () {
            if (selected) {
              state.impact = "";
              state.likelihood = "";
            } else {
              state.impact = impact;
              state.likelihood = likelihood;
            }
            shown = PAGE;
            redraw();
          });
          chart.appendChild(rect);
          chart.appendChild(svg("text", {
            x: left + col * cell + cell / 2,
            y: top + row * cell + cell / 2 + 6,
            "text-anchor": "middle",
            "font-size": 18,
            "font-weight": 600,
            fill: n && (risk === "Critical" || risk === "High" || risk === "Low") ? "#fff" : "#202124"
          }, n));
        });
      });
      LIKELIHOODS.forEach(function (likelihood, col) {
        chart.appendChild(svg("text", { x: left + col * cell + cell / 2, y: top + cell * 3 + 16, "text-anchor": "middle", "font-size": 12 }, likelihood));
      });
      chart.appendChild(svg("text", { x: left + cell * 1.5, y: top + cell * 3 + 34, "text-anchor": "middle", "font-size": 12, fill: "#5f6368" }, "Likelihood →"));
      heat.textContent = "";
      heat.appendChild(el("h3", null, "Impact × likelihood"));
      heat.appendChild(chart);
      heat.appendChild(el("p", { class: "note" }, "Click a cell to show its findings; click it again to show all."));
    }

    function redraw() {
      var rows = sorted(findings.filter(matches));
      drawHeat();
      drawRows(rows);
      headers.forEach(function (h) {
        if (h.getAttribute("data-sort") === state.sort) h.setAttribute("aria-sort", state.dir === "desc" ? "descending" : "ascending");
        else h.removeAttribute("aria-sort");
      });
      table.setAttribute("data-visible-rows", String(Math.min(rows.length, shown)));
      table.setAttribute("data-matching-rows", String(rows.length));
      count.textContent = "Showing " + Math.min(rows.length, shown) + " of " + rows.length + " matching (" + findings.length + " in all)";
      more.textContent = "Show " + Math.min(PAGE, rows.length - shown) + " more";
      more.style.display = rows.length > shown ? "" : "none";
      syncControls();
      writeState();
    }

    more.addEventListener("click", function () {
      shown += PAGE;
      redraw();
    });

    var controls = {};
    function select(key, label, values) {
      var s = el("select", { "data-filter": key, onchange: function () { state[key] = s.value; shown = PAGE; redraw(); } },
        el("option", { value: "" }, "all"),
        values.map(function (v) { return el("option", { value: v }, v); }));
      controls[key] = s;
      return el("label", null, label, s);
    }
    function input(key, label, placeholder) {
      var i = el("input", { type: "search", "data-filter": key, placeholder: placeholder, oninput: function () { state[key] = i.value; shown = PAGE; redraw(); } });
      controls[key] = i;
      return el("label", null, label, i);
    }
    function syncControls() {
      Object.keys(controls).forEach(function (k) {
        if (controls[k].value !== state[k]) controls[k].value = state[k];
      });
    }
    var flags = distinct(findings.map(function (f) { return f.flag; }));
    if (findings.some(function (f) { return !f.flag; })) flags.push("(none)");
    var filters = el(
      "div",
      { class: "filters" },
      select("risk", "Risk", RISKS.filter(function (r) { return findings.some(function (f) { return f.risk === r; }); })),
      select("domain", "Domain", distinct(findings.map(function (f) { return f.domain; }))),
      select("flag", "Flag", flags),
      withStatus ? select("status", "Status", distinct(findings.map(function (f) { return f.status; }))) : null,
      input("file", "File", "path contains"),
      input("q", "Search", "id, rule, title, resource"),
      el("button", {
        type: "button",
        "data-action": "clear-filters",
        onclick: function () {
          FILTER_KEYS.forEach(function (k) { state[k] = ""; });
          shown = PAGE;
          redraw();
        }
      }, "Clear filters"),
      count
    );
    table = el("table", { id: "findings-table", "data-table": "findings" }, el("thead", null, el("tr", null, headers)), tbody);
    redraw();
    if (!findings.length) return section("sec-findings", "Findings", empty("No findings."));
    return section(
      "sec-findings",
      "Findings",
      el("div", { class: "row2" }, el("div", { style: "flex:0 0 auto" }, heat), el("div", null,
        el("p", null, "Each row opens to show the finding's reasons, recommendation and evidence lines. Filters are kept in the page address, so a filtered view can be shared."),
        filters)),
      table,
      more
    );
  }

  function riskOf(impact, likelihood) {
    if (impact === "Severe") return likelihood === "High" ? "Critical" : "High";
    if (impact === "Moderate") return likelihood === "High" ? "High" : "Medium";
    return likelihood === "High" ? "Medium" : "Low";
  }

  /** Finding ids as buttons that filter the findings table to that id. */
  function findingPills(ids) {
    return (ids || []).map(function (id) {
      return el("button", {
        type: "button",
        class: "pill",
        onclick: function () {
          FILTER_KEYS.forEach(function (k) { state[k] = ""; });
          state.q = id;
          window.dispatchEvent(new Event("relplan-filter"));
          var target = document.getElementById("sec-findings");
          if (target) target.scrollIntoView();
        }
      }, id);
    });
  }

  // ------------------------------------------------------------------ topology

  var BOX_W = 176;
  var BOX_H = 36;
  var COL_GAP = 70;
  var ROW_GAP = 16;

  function topologySection(report) {
    var topo = report.topology || { nodes: [], edges: [] };
    if (!topo.nodes.length)
      return section("sec-topology", "Topology", empty("The model holds no linked components to draw."));
    var groups = components(topo);
    var search = el("input", { type: "search", placeholder: "component or file contains" });
    var holder = el("div", { class: "topo", "data-nodes": topo.nodes.length, "data-edges": topo.edges.length });
    var more = el("button", { class: "more", type: "button" });
    var limit = 12;
    function draw() {
      var needle = search.value.toLowerCase();
      var chosen = groups.filter(function (g) {
        return !needle || g.nodes.some(function (n) { return (n.name + " " + n.file).toLowerCase().indexOf(needle) >= 0; });
      });
      holder.textContent = "";
      chosen.slice(0, limit).forEach(function (g) { holder.appendChild(drawGroup(g)); });
      more.textContent = "Show more groups (" + Math.min(limit, chosen.length) + " of " + chosen.length + " shown)";
      more.style.display = chosen.length > limit ? "" : "none";
    }
    search.addEventListener("input", function () { limit = 12; draw(); });
    more.addEventListener("click", function () { limit += 12; draw(); });
    draw();
    var spofCount = topo.nodes.filter(function (n) { return n.spof; }).length;
    return section(
      "sec-topology",
      "Topology",
      el("p", null, topo.nodes.length + " components and " + topo.edges.length + " links the model knows, in " + groups.length +
        " connected group(s); " + spofCount + " single point(s) of failure outlined in red. Hover a box for its type, file and role."),
      el("div", { class: "legend" },
        Object.keys(KIND_COLOURS).map(function (k) { return el("span", { style: "--swatch:" + KIND_COLOURS[k] }, k); }),
        el("span", { style: "--swatch:#fff;border-color:#b3261e" }, "SPOF (red outline)"),
        " dashed red: dead-letter · grey: uses"),
      el("div", { class: "filters" }, el("label", null, "Find", search)),
      holder,
      more
    );
  }

  /** Connected groups, largest first; nodes without links form one last group. */
  function components(topo) {
    var parent = {};
    function find(x) {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }
    topo.nodes.forEach(function (n) { parent[n.id] = n.id; });
    var linked = {};
    topo.edges.forEach(function (e) {
      linked[e.from] = linked[e.to] = true;
      var a = find(e.from);
      var b = find(e.to);
      if (a !== b) parent[b] = a;
    });
    var byRoot = {};
    var order = [];
    var alone = [];
    topo.nodes.forEach(function (n) {
      if (!linked[n.id]) {
        alone.push(n);
        return;
      }
      var r = find(n.id);
      if (!byRoot[r]) {
        byRoot[r] = { nodes: [], edges: [] };
        order.push(byRoot[r]);
      }
      byRoot[r].nodes.push(n);
    });
    topo.edges.forEach(function (e) { byRoot[find(e.from)].edges.push(e); });
    order.sort(function (a, b) { return b.nodes.length - a.nodes.length; });
    if (alone.length) order.push({ nodes: alone, edges: [], unlinked: true });
    return order;
  }

  /** Layers by longest path from a source (bounded, so a cycle cannot loop), then one SVG. */
  function drawGroup(group) {
    var rank = {};
    var index = {};
    group.nodes.forEach(function (n, i) { rank[n.id] = 0; index[n.id] = i; });
    var columns = [];
    if (group.unlinked) {
      var perRow = 6;
      group.nodes.forEach(function (n, i) {
        var c = i % perRow;
        (columns[c] = columns[c] || []).push(n);
      });
    } else {
      for (var pass = 0; pass < group.nodes.length; pass++) {
        var changed = false;
        group.edges.forEach(function (e) {
          if (rank[e.to] < rank[e.from] + 1 && rank[e.from] + 1 < group.nodes.length) {
            rank[e.to] = rank[e.from] + 1;
            changed = true;
          }
        });
        if (!changed) break;
      }
      group.nodes.forEach(function (n) { (columns[rank[n.id]] = columns[rank[n.id]] || []).push(n); });
      columns = columns.filter(function (c) { return c; });
      // Order each column by the mean position of its predecessors, to cross fewer lines.
      var position = {};
      columns.forEach(function (column) {
        column.forEach(function (n) {
          var preds = group.edges.filter(function (e) { return e.to === n.id && position[e.from] !== undefined; });
          n._order = preds.length
            ? preds.reduce(function (s, e) { return s + position[e.from]; }, 0) / preds.length
            : index[n.id] / 1000;
        });
        column.sort(function (a, b) { return a._order - b._order || index[a.id] - index[b.id]; });
        column.forEach(function (n, i) { position[n.id] = i; });
      });
    }
    var place = {};
    var height = 0;
    columns.forEach(function (column, c) {
      column.forEach(function (n, i) {
        place[n.id] = { x: 10 + c * (BOX_W + COL_GAP), y: 28 + i * (BOX_H + ROW_GAP) };
        height = Math.max(height, place[n.id].y + BOX_H + 10);
      });
    });
    var width = 20 + columns.length * (BOX_W + COL_GAP) - COL_GAP;
    var files = distinct(group.nodes.map(function (n) { return n.file; }));
    var caption = group.unlinked ? "Not linked to other components" : files.slice(0, 3).join(", ") + (files.length > 3 ? " and " + (files.length - 3) + " more" : "");
    var picture = svg("svg", { width: width, height: height, class: "topology", role: "img", "aria-label": caption },
      svg("defs", null, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
        svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8a8f98" }))),
      svg("text", { x: 10, y: 16, "font-size": 12, fill: "#5f6368" }, caption));
    var labelled = {};
    group.edges.forEach(function (e) {
      var a = place[e.from];
      var b = place[e.to];
      var x1 = a.x + BOX_W;
      var y1 = a.y + BOX_H / 2;
      var x2 = b.x;
      var y2 = b.y + BOX_H / 2;
      var d;
      if (x2 > x1) {
        var mid = (x1 + x2) / 2;
        d = "M" + x1 + "," + y1 + " C" + mid + "," + y1 + " " + mid + "," + y2 + " " + x2 + "," + y2;
      } else {
        // A link back to an earlier column loops below the boxes.
        var low = Math.max(a.y, b.y) + BOX_H + ROW_GAP / 2;
        d = "M" + (a.x + BOX_W / 2) + "," + (a.y + BOX_H) + " C" + (a.x + BOX_W / 2) + "," + low + " " + (b.x + BOX_W / 2) + "," + low + " " + (b.x + BOX_W / 2) + "," + (b.y + BOX_H);
      }
      picture.appendChild(svg("path", { class: "edge " + e.kind, d: d, "marker-end": "url(#arrow)" }, svg("title", null, e.kind)));
      // One label per source and kind: a fan-out's labels would sit on top of each other.
      var labelKey = e.from + " " + e.kind;
      if (e.kind !== "uses" && x2 > x1 && !labelled[labelKey] && (labelled[labelKey] = true))
        picture.appendChild(svg("text", { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 3, "font-size": 9, "text-anchor": "middle", fill: "#5f6368" }, e.kind));
    });
    group.nodes.forEach(function (n) {
      var p = place[n.id];
      // About 7 px a bold character: longer names are cut (the box's title holds the whole name).
      var label = n.name.length > 21 ? n.name.slice(0, 20) + "…" : n.name;
      var g = svg("g", { class: "node " + n.kind + (n.spof ? " spof" : ""), "data-node": n.id },
        svg("title", null, n.name + "\n" + n.type + "\n" + location(n) + "\nrole: " + n.role + (n.redundancy ? "\nredundancy: " + n.redundancy : "") + (n.spof ? "\nsingle point of failure" : "")),
        svg("rect", { x: p.x, y: p.y, width: BOX_W, height: BOX_H, rx: 5, fill: KIND_COLOURS[n.kind] || "#fff" }),
        svg("text", { x: p.x + 8, y: p.y + 15, "font-size": 12, "font-weight": 600 }, label),
        svg("text", { x: p.x + 8, y: p.y + 29, "font-size": 10, fill: "#5f6368" }, shortType(n.type, n.spof ? 20 : 27)));
      if (n.spof)
        g.appendChild(svg("text", { x: p.x + BOX_W - 6, y: p.y + 29, "font-size": 10, "font-weight": 700, fill: "#b3261e", "text-anchor": "end" }, "SPOF"));
      picture.appendChild(g);
    });
    return picture;
  }

  /** The type without its AWS:: prefix, cut to {@code room} characters (less beside a SPOF mark). */
  function shortType(type, room) {
    var parts = type.split("::");
    var short = parts.length > 2 ? parts.slice(1).join("::") : type;
    return short.length > room ? short.slice(0, room - 1) + "…" : short;
  }

  // ------------------------------------------------------------------ tables of the plan

  function col(title, get, key) {
    return { title: title, cell: get, key: key };
  }

  function spofSection(report) {
    return section("sec-spofs", "Single Points of Failure", dataTable([
      col("Component", function (r) { return r.component; }),
      col("Type", function (r) { return r.type; }),
      col("Location", function (r) { return el("code", null, locations(r.evidence)); }),
      col("Redundancy", function (r) { return r.redundancy; }),
      col("Blast radius", function (r) { return r.blastRadius; }),
      col("Failover", function (r) { return r.failover; }),
      col("Risk", function (r) { return riskBadge(r.risk); }, function (r) { return riskRank(r.risk); })
    ], report.spofs, "spofs"));
  }

  function recoverySection(report) {
    return section("sec-recovery", "Recovery", dataTable([
      col("Resource", function (r) { return r.resource; }),
      col("Type", function (r) { return r.type; }),
      col("Location", function (r) { return el("code", null, locations(r.evidence)); }),
      col("Backup", function (r) { return r.backup; }),
      col("Frequency", function (r) { return r.frequency; }),
      col("Retention", function (r) { return r.retention; }),
      col("RPO", function (r) { return r.rpo; }),
      col("RTO", function (r) { return r.rto; }),
      col("Cross-Region", function (r) { return r.crossRegion; }),
      col("Recovery tested", function (r) { return r.recoveryTested; })
    ], report.recovery, "recovery"));
  }

  function seconds(value) {
    return value === null || value === undefined ? "" : value + " s";
  }

  function integrationsSection(report) {
    return section("sec-integrations", "Integrations and their time budgets", dataTable([
      col("Integration", function (r) { return r.integration; }),
      col("Location", function (r) { return el("code", null, location(r)); }),
      col("Kind", function (r) { return r.kind; }),
      col("Client", function (r) { return r.client; }),
      col("Target", function (r) { return text(r.target); }),
      col("Timeout", function (r) { return r.timeout; }),
      col("Retry", function (r) { return r.retry; }),
      col("Circuit breaker", function (r) { return r.circuitBreaker; }),
      col("Fallback", function (r) { return r.fallback; }),
      col("Worst case", function (r) { return seconds(r.worstCaseSeconds) || r.waitNote; }, function (r) { return r.worstCaseSeconds === null ? -1 : r.worstCaseSeconds; }),
      col("Budget", function (r) { return (r.budgetSeconds === null ? "" : r.budgetSeconds + " s: ") + r.budget; })
    ], report.integrations, "integrations"));
  }

  function questionsSection(report) {
    return section("sec-rel", "Well-Architected REL 1–13", dataTable([
      col("Question", function (q) { return el("span", null, el("strong", null, q.id), " ", q.question); }, function (q) { return Number(q.id.replace(/\D/g, "")); }),
      col("Status", function (q) { return el("span", { class: "status-" + q.status }, q.status); }),
      col("Risk", function (q) { return q.risk; }),
      col("Gaps", function (q) {
        if (!q.gaps.length) return "";
        return el("ul", null, q.gaps.slice(0, 8).map(function (g) {
          // The gap's text starts with its finding's id, which the pill shows.
          var words = g.finding && g.text.indexOf(g.finding + " ") === 0 ? g.text.slice(g.finding.length + 1) : g.text;
          return el("li", null, g.finding ? findingPills([g.finding]) : null, " ", words);
        }), q.gaps.length > 8 ? el("li", { class: "note" }, "and " + (q.gaps.length - 8) + " more") : null);
      }, function (q) { return q.gaps.length; }),
      col("Deciding evidence", function (q) { return q.decidingEvidence; })
    ], report.waQuestions, "waQuestions"));
  }

  function planSection(report) {
    var tiers = [["quickWins", "Quick wins"], ["foundation", "Foundation"], ["strategic", "Strategic"]];
    return section("sec-plan", "Prioritized Remediation Plan", tiers.map(function (t) {
      var actions = report.plan[t[0]] || [];
      return [el("h3", null, t[1] + " (" + actions.length + ")"), dataTable([
        col("Action", function (a) { return a.id; }),
        col("Title", function (a) { return el("span", null, el("strong", null, a.title), el("br"), a.action); }),
        col("Impact", function (a) { return a.impact; }),
        col("Effort", function (a) { return a.effort; }),
        col("Findings", function (a) { return el("span", null, findingPills(a.findings)); }, function (a) { return a.findings.length; }),
        col("Depends on", function (a) { return a.dependsOn.join(", "); }),
        col("AWS services", function (a) { return a.awsServices.join(", "); })
      ], actions, t[0])];
    }));
  }

  function testingSection(report) {
    return section("sec-testing", "Testing Plan", dataTable([
      col("Test", function (r) { return r.test; }),
      col("Validates", function (r) { return r.validates; }),
      col("Frequency", function (r) { return r.frequency; }),
      col("AWS service", function (r) { return r.awsService; }),
      col("Evidence exists", function (r) { return el("span", { class: "status-" + (r.evidenceExists ? "yes" : "no") }, r.evidenceExists ? "yes" : "no"); }),
      col("Evidence", function (r) { return el("code", null, locations(r.evidence)); })
    ], report.testingPlan, "testingPlan"));
  }

  function strengthsSection(report) {
    return section("sec-strengths", "Strengths", dataTable([
      col("Domain", function (s) { return s.domain; }),
      col("Strength", function (s) { return s.title; }),
      col("Evidence", function (s) { return el("code", null, locations(s.evidence)); })
    ], report.strengths, "strengths"));
  }

  function undeterminedSection(report) {
    return section("sec-undetermined", "Cannot Determine", dataTable([
      col("Rule", function (u) { return el("code", null, u.rule); }),
      col("Flag", function (u) { return text(u.flag); }),
      col("Resource", function (u) { return u.resource; }),
      col("Why", function (u) { return u.reason; }),
      col("Evidence", function (u) { return el("code", null, locations(u.evidence)); })
    ], report.cannotDetermine, "cannotDetermine"));
  }

  function listOf(value) {
    return Array.isArray(value) ? value : [];
  }

  function suppressionTable(rows, name) {
    return dataTable([
      col("Rule or flag", function (s) { return el("code", null, text(s.id)); }),
      col("Reason", function (s) { return text(s.reason); }),
      col("Until", function (s) { return text(s.until); }),
      col("Written", function (s) { return el("span", null, text(s.source), " ", el("code", null, location(s))); })
    ], rows, name);
  }

  function suppressedSection(report) {
    var found = listOf(report.suppressed);
    var expired = listOf(report.expiredSuppressions);
    var ignored = listOf(report.ignoredSuppressions);
    if (!found.length && !expired.length && !ignored.length) return null;
    return section("sec-suppressed", "Suppressed", el("p", { class: "note" }, "Findings silenced by a relplan:ignore comment or the relplan.yaml list, with the reason given; they count in nothing above."), dataTable([
      col("Rule", function (f) { return el("code", null, text(f.rule)); }),
      col("Risk", function (f) { return riskBadge(f.risk); }, function (f) { return riskRank(f.risk); }),
      col("Title", function (f) { return text(f.title); }),
      col("Resource", function (f) { return text(f.resource); }),
      col("Location", function (f) { return el("code", null, location((f.evidence || [])[0])); }),
      col("Reason", function (f) { return text((f.suppression || {}).reason); }),
      col("Until", function (f) { return text((f.suppression || {}).until); }),
      col("Suppressed by", function (f) {
        var s = f.suppression || {};
        return el("span", null, text(s.source), s.file ? el("code", null, " " + location(s)) : null);
      })
    ], found, "suppressed"),
      expired.length ? el("h3", null, "Expired: these findings are active again") : null,
      expired.length ? suppressionTable(expired, "expiredSuppressions") : null,
      ignored.length ? el("h3", null, "Ignored (--ignore-inline-suppressions)") : null,
      ignored.length ? suppressionTable(ignored, "ignoredSuppressions") : null);
  }

  function fixedSection(report) {
    if (!report.fixedSinceBaseline.length) return null;
    return section("sec-fixed", "Fixed since the baseline", dataTable([
      col("ID", function (p) { return p.id; }),
      col("Rule", function (p) { return el("code", null, p.rule); }),
      col("Title", function (p) { return p.title; }),
      col("Resource", function (p) { return p.resource; }),
      col("Was at", function (p) { return el("code", null, location(p.location)); })
    ], report.fixedSinceBaseline, "fixedSinceBaseline"));
  }

  function skippedSection(report) {
    var gaps = report.coverage ? report.coverage.gaps : [];
    return section("sec-skipped", "Appendix D: Analysis Coverage (skipped files and gaps)",
      gaps.length ? el("h3", null, "Not read (" + gaps.length + ")") : null,
      gaps.length ? dataTable([
        col("Kind", function (g) { return g.kind; }),
        col("Subject", function (g) { return g.subject; }),
        col("Cause", function (g) { return g.cause; }),
        col("Reason", function (g) { return g.reason; }),
        col("Declared at", function (g) { return el("code", null, location(g)); })
      ], gaps, "coverageGaps") : null,
      el("h3", null, "Skipped files (" + report.skippedFiles.length + ")"),
      dataTable([
        col("File", function (s) { return el("code", null, s.file); }),
        col("Reason", function (s) { return s.reason; })
      ], report.skippedFiles, "skippedFiles"));
  }

  // ------------------------------------------------------------------ page

  function toc(sections) {
    return el("nav", { class: "toc" }, sections.map(function (s) {
      var heading = s.querySelector("h2");
      return el("a", {
        href: "#" + s.id,
        onclick: function (e) {
          // The address keeps the filters: jump without changing it.
          e.preventDefault();
          s.scrollIntoView();
        }
      }, heading ? heading.textContent : s.id);
    }));
  }

  function main() {
    var data = document.getElementById("relplan-report");
    var report = JSON.parse(data.textContent);
    readState();
    var sections = [
      summary(report),
      scorecard(report),
      findingsSection(report),
      topologySection(report),
      spofSection(report),
      recoverySection(report),
      integrationsSection(report),
      questionsSection(report),
      planSection(report),
      testingSection(report),
      strengthsSection(report),
      undeterminedSection(report),
      suppressedSection(report),
      fixedSection(report),
      skippedSection(report)
    ].filter(function (s) { return s; });
    var app = document.getElementById("app");
    app.textContent = "";
    var fallback = document.getElementById("essentials");
    if (fallback) fallback.remove();
    app.parentNode.insertBefore(toc(sections), app);
    sections.forEach(function (s) { app.appendChild(s); });
    window.addEventListener("relplan-filter", function () {
      var old = document.getElementById("sec-findings");
      var fresh = findingsSection(report);
      old.parentNode.replaceChild(fresh, old);
    });
  }

  try {
    main();
    body.setAttribute("data-state", "ready");
  } catch (e) {
    recordError();
    body.setAttribute("data-state", "failed");
    document.getElementById("app").appendChild(el("p", { class: "statement" }, "The dashboard could not be drawn: " + e));
    throw e;
  }
})();
