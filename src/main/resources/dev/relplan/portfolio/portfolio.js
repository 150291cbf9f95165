// relplan portfolio: a workload filter and sortable columns over the tables the page holds.
// No network, no library. State goes to the address (#workload=...&sort=table:key:dir) and onto
// the page (body data-state, data-errors; each table's data-visible-rows).
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

  var input = document.getElementById("workload-filter");
  var sort = null; // {table, key, dir}

  function params() {
    return new URLSearchParams(window.location.hash.replace(/^#/, ""));
  }

  function writeAddress() {
    var p = new URLSearchParams();
    if (input.value) p.set("workload", input.value);
    if (sort) p.set("sort", sort.table + ":" + sort.key + ":" + sort.dir);
    var hash = p.toString();
    history.replaceState(null, "", hash ? "#" + hash : window.location.pathname + window.location.search);
  }

  /** Whether a row (or chart bar, or details) concerns a workload whose name holds the text. */
  function matches(node, text) {
    if (!text) return true;
    var names = (node.getAttribute("data-workload") || "").split("\n");
    return names.some(function (name) {
      return name.toLowerCase().indexOf(text) >= 0;
    });
  }

  function applyFilter() {
    var text = input.value.trim().toLowerCase();
    document.querySelectorAll("table[data-table]").forEach(function (table) {
      var visible = 0;
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var show = matches(row, text);
        row.classList.toggle("hidden", !show);
        if (show) visible++;
      });
      table.setAttribute("data-visible-rows", String(visible));
    });
    document.querySelectorAll("g.bar[data-workload], details[data-workload]").forEach(function (node) {
      node.classList.toggle("hidden", !matches(node, text));
    });
  }

  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function applySort() {
    document.querySelectorAll("th.sortable").forEach(function (th) {
      th.removeAttribute("aria-sort");
    });
    if (!sort) return;
    var table = document.querySelector('table[data-table="' + sort.table + '"]');
    if (!table) return;
    var ths = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var column = ths.findIndex(function (th) {
      return th.getAttribute("data-key") === sort.key;
    });
    if (column < 0) return;
    ths[column].setAttribute("aria-sort", sort.dir);
    var tbody = table.querySelector("tbody");
    var rows = Array.prototype.slice.call(tbody.rows);
    var sign = sort.dir === "descending" ? -1 : 1;
    rows
      .map(function (row, index) {
        return { row: row, index: index, key: row.cells[column].getAttribute("data-sort") || "" };
      })
      .sort(function (a, b) {
        return sign * compare(a.key, b.key) || a.index - b.index;
      })
      .forEach(function (entry) {
        tbody.appendChild(entry.row);
      });
  }

  function onHeaderClick(event) {
    var th = event.currentTarget;
    var table = th.closest("table").getAttribute("data-table");
    var key = th.getAttribute("data-key");
    var dir = sort && sort.table === table && sort.key === key && sort.dir === "ascending" ? "descending" : "ascending";
    sort = { table: table, key: key, dir: dir };
    applySort();
    writeAddress();
  }

  try {
    var p = params();
    input.value = p.get("workload") || "";
    var asked = (p.get("sort") || "").split(":");
    if (asked.length === 3) sort = { table: asked[0], key: asked[1], dir: asked[2] === "descending" ? "descending" : "ascending" };
    document.querySelectorAll("th.sortable").forEach(function (th) {
      th.addEventListener("click", onHeaderClick);
    });
    input.addEventListener("input", function () {
      applyFilter();
      writeAddress();
    });
    applyFilter();
    applySort();
    body.setAttribute("data-state", "ready");
  } catch (e) {
    recordError();
    body.setAttribute("data-state", "failed");
    throw e;
  }
})();
