/* ruzh review report: sorting and filtering the glossary, opening the target of a link, term hover.
   The page is complete without this script; it only adds controls. */
(function () {
  "use strict";
  function sortable(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var num = th.getAttribute("data-type") === "num";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col], y = b.cells[col];
          var u = x.hasAttribute("data-v") ? x.getAttribute("data-v") : x.textContent;
          var v = y.hasAttribute("data-v") ? y.getAttribute("data-v") : y.textContent;
          var d = num ? parseFloat(u) - parseFloat(v) : u.localeCompare(v);
          return asc ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.sortBy = sort;
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
  }
  function filters(form, table) {
    form.hidden = false;
    function apply() {
      var status = form.elements.status.value, domain = form.elements.domain.value;
      var text = form.elements.text.value.toLowerCase();
      var freq = parseFloat(form.elements.freq.value) || 0, docs = parseFloat(form.elements.docs.value) || 0;
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        var ok = (!status || r.getAttribute("data-status") === status) &&
          (!domain || r.getAttribute("data-domain") === domain) &&
          parseFloat(r.getAttribute("data-freq")) >= freq && parseFloat(r.getAttribute("data-docs")) >= docs &&
          (!text || r.textContent.toLowerCase().indexOf(text) >= 0);
        r.hidden = !ok;
        if (ok) { shown += 1; }
      });
      form.elements.count.value = shown + " rows";
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    return apply;
  }
  /* A view can be linked: report.html?status=candidate&freq=3&sort=-zh%20freq#glossary */
  function fromQuery(form, table, apply) {
    var query = new URLSearchParams(location.search);
    ["status", "domain", "text", "freq", "docs"].forEach(function (name) {
      if (query.has(name)) { form.elements[name].value = query.get(name); }
    });
    apply();
    var sort = query.get("sort");
    if (!sort) { return; }
    var desc = sort.charAt(0) === "-", label = desc ? sort.slice(1) : sort;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.textContent.trim() === label) {
        th.sortBy();
        if (desc) { th.sortBy(); }
      }
    });
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    for (var p = el.parentElement; p; p = p.parentElement) { if (p.tagName === "DETAILS") { p.open = true; } }
    el.scrollIntoView({ block: "center" });
  }
  function hover(on) {
    return function (e) {
      var m = e.target.closest && e.target.closest("mark.term");
      if (!m) { return; }
      var sel = 'mark.term[data-concept="' + m.getAttribute("data-concept").replace(/["\\]/g, "\\$&") + '"]';
      document.querySelectorAll(sel).forEach(function (x) { x.classList.toggle("hl", on); });
    };
  }
  var table = document.getElementById("gloss-table"), form = document.getElementById("gloss-filter");
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
  if (form && table) { fromQuery(form, table, filters(form, table)); }
  window.addEventListener("hashchange", reveal);
  document.addEventListener("mouseover", hover(true));
  document.addEventListener("mouseout", hover(false));
  reveal();
})();
