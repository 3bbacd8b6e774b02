(function () {
  "use strict";
  var table = document.getElementById("requirements");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody.req"));
  var total = rows.length;
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var onlyGaps = document.getElementById("only-gaps");
  var text = document.getElementById("f-text");
  var order = document.getElementById("f-order");
  var counter = document.getElementById("shown-count");
  var printScope = document.getElementById("print-scope");
  var none = document.getElementById("no-rows");
  var headers = Array.prototype.slice.call(table.querySelectorAll("button.sort"));
  var GAPS = { not_addressed: true, partial: true };
  // Columns sorted by a data attribute of the row; "text" reads the cell, "gaps" and "conf" are numeric.
  var ATTRIBUTE = { source: "data-source", label: "data-label", actor: "data-actor", kind: "data-kind" };
  var collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
  var direction = "asc";

  function apply() {
    var want = {};
    selects.forEach(function (s) { want[s.getAttribute("data-filter")] = s.value; });
    var q = text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var ok = true;
      for (var key in want) {
        if (want[key] && row.getAttribute("data-" + key) !== want[key]) { ok = false; }
      }
      if (ok && onlyGaps.checked && !GAPS[row.getAttribute("data-status")]) { ok = false; }
      if (ok && q && row.getAttribute("data-search").indexOf(q) < 0) { ok = false; }
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    var line = shown + " of " + total + " requirements shown";
    counter.textContent = line;
    var active = selects.filter(function (s) { return s.value; }).map(function (s) {
      return s.previousElementSibling.textContent.toLowerCase() + " = " + s.options[s.selectedIndex].text;
    });
    if (onlyGaps.checked) { active.push("only gaps"); }
    if (q) { active.push("text contains \u201c" + q + "\u201d"); }
    printScope.textContent = line + (active.length ? " (filtered: " + active.join("; ") + ")." : ".");
    none.hidden = shown !== 0;
  }

  function sortValue(row, how) {
    if (how === "gaps") { return +row.getAttribute("data-rank"); }
    if (how === "conf") { return +row.getAttribute("data-confidence"); }
    if (how === "text") { return row.querySelector("td.col-text").textContent; }
    return row.getAttribute(ATTRIBUTE[how]) || "";
  }

  function sortRows() {
    var how = order.value;
    var sign = direction === "desc" ? -1 : 1;
    var sorted = rows.slice().sort(function (a, b) {
      var ia = +a.getAttribute("data-index"), ib = +b.getAttribute("data-index");
      if (how !== "doc") {
        var va = sortValue(a, how), vb = sortValue(b, how);
        var d = typeof va === "number" ? va - vb : collator.compare(va, vb);
        if (d) { return sign * d; }
      }
      return ia - ib;  // equal values keep document order, whatever the direction
    });
    sorted.forEach(function (row) { table.appendChild(row); });
    headers.forEach(function (b) {
      var on = b.getAttribute("data-sort") === how;
      b.parentNode.setAttribute("aria-sort", on ? (direction === "desc" ? "descending" : "ascending") : "none");
      b.querySelector(".sort-mark").textContent = on ? (direction === "desc" ? " \u25bc" : " \u25b2") : "";
    });
  }

  // The view lives in the address after "#" (file:// pages may change only that part): filters, text, order.
  function saveState() {
    var p = new URLSearchParams();
    selects.forEach(function (s) { if (s.value) { p.set(s.getAttribute("data-filter"), s.value); } });
    if (text.value.trim()) { p.set("q", text.value.trim()); }
    if (onlyGaps.checked) { p.set("gaps", "1"); }
    if (order.value !== "doc") { p.set("sort", order.value); }
    if (order.value !== "doc" && direction === "desc") { p.set("dir", "desc"); }
    var hash = p.toString();
    var url = location.href.split("#")[0] + (hash ? "#" + hash : "");
    if (url !== location.href) { history.replaceState(null, "", url); }
  }

  function loadState(hash) {
    var p = new URLSearchParams(hash);
    selects.forEach(function (s) {
      var v = p.get(s.getAttribute("data-filter")) || "";
      s.value = Array.prototype.some.call(s.options, function (o) { return o.value === v; }) ? v : "";
    });
    text.value = p.get("q") || "";
    onlyGaps.checked = p.get("gaps") === "1";
    var sort = p.get("sort") || "doc";
    order.value = Array.prototype.some.call(order.options, function (o) { return o.value === sort; }) ? sort : "doc";
    direction = p.get("dir") === "desc" ? "desc" : "asc";
  }

  function changed() { apply(); saveState(); }

  function setOpen(row, open) {
    row.classList.toggle("open", open);
    var btn = row.querySelector("button.toggle");
    btn.setAttribute("aria-expanded", open ? "true" : "false");
    btn.title = open ? "Hide details" : "Show details";
  }

  rows.forEach(function (row) {
    var main = row.querySelector("tr.req-row");
    main.addEventListener("click", function (ev) {
      // Selecting text in a row should not fold it.
      if (window.getSelection && String(window.getSelection()).length > 0 && !ev.target.closest("button")) { return; }
      setOpen(row, !row.classList.contains("open"));
    });
  });
  selects.forEach(function (s) { s.addEventListener("change", changed); });
  onlyGaps.addEventListener("change", changed);
  text.addEventListener("input", changed);
  order.addEventListener("change", function () { direction = "asc"; sortRows(); saveState(); });
  headers.forEach(function (b) {
    b.addEventListener("click", function () {
      var key = b.getAttribute("data-sort");
      // A second click on the same heading reverses the order.
      direction = order.value === key && direction === "asc" ? "desc" : "asc";
      order.value = key;
      sortRows(); saveState();
    });
  });
  document.getElementById("expand-all").addEventListener("click", function () {
    rows.forEach(function (r) { if (!r.hidden) { setOpen(r, true); } });
  });
  document.getElementById("collapse-all").addEventListener("click", function () {
    rows.forEach(function (r) { setOpen(r, false); });
  });
  document.getElementById("reset-filters").addEventListener("click", function () {
    selects.forEach(function (s) { s.value = ""; });
    onlyGaps.checked = false; text.value = ""; order.value = "doc"; direction = "asc";
    sortRows(); changed();
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.set-filter"), function (b) {
    b.addEventListener("click", function () {
      selects.forEach(function (s) {
        var v = b.getAttribute("data-set-" + s.getAttribute("data-filter"));
        s.value = v === null ? "" : v;
      });
      onlyGaps.checked = false; text.value = "";
      changed();
      document.getElementById("filters").scrollIntoView({ block: "start" });
    });
  });
  var hash = location.hash.slice(1);
  if (hash.indexOf("=") >= 0) {
    loadState(hash);
  } else if (hash) {  // a link to one requirement: #req-… opens it
    var target = document.getElementById(decodeURIComponent(hash));
    if (target && target.classList.contains("req")) { setOpen(target, true); }
  }
  sortRows();
  apply();
})();
