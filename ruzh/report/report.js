/* ruzh review report: sorting tables, sorting and filtering the whole glossary, opening the target of
   a link, term hover. Every page is complete without this script; it only adds controls. */
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
  function criteria(form) {
    var e = form.elements;
    return {
      status: e.status.value, domain: e.domain.value, text: e.text.value.toLowerCase(),
      freq: parseFloat(e.freq.value) || 0, docs: parseFloat(e.docs.value) || 0
    };
  }
  /* The glossary: filters and sorting over every row of glossary-data.js, shown 500 at a time. The
     rows' HTML there is what the report's writer escaped for the static pages, so it is inserted as is.
     With no filter and no sort the page shows its own rows again. */
  function glossary(form, table, data) {
    var PAGE = 500, body = table.tBodies[0], own = body.innerHTML, own_rows = body.rows.length;
    var heads = table.tHead.rows[0].cells, pager = document.querySelector("nav.pager");
    var order = null, start = 0, nav = document.createElement("p");
    nav.className = "pages";
    table.parentNode.parentNode.insertBefore(nav, table.parentNode.nextSibling);
    function wanted(r, c) {
      return (!c.status || r.s === c.status) && (!c.domain || r.d === c.domain) && r.f >= c.freq &&
        r.n >= c.docs && (!c.text || r.t.indexOf(c.text) >= 0);
    }
    function button(label, to) {
      var b = document.createElement("button");
      b.type = "button"; b.textContent = label;
      b.addEventListener("click", function () { start = to; render(); });
      nav.appendChild(b);
    }
    function render() {
      var c = criteria(form);
      var active = order || c.status || c.domain || c.text || c.freq > 0 || c.docs > 0;
      nav.textContent = "";
      if (pager) { pager.hidden = !!active; }
      if (!active) {
        body.innerHTML = own;
        form.elements.count.value = own_rows + " rows";
        return;
      }
      var picked = (order || data.map(function (_, i) { return i; })).filter(function (i) { return wanted(data[i], c); });
      start = Math.max(0, Math.min(start, picked.length - 1 - (picked.length - 1) % PAGE));
      body.innerHTML = picked.slice(start, start + PAGE).map(function (i) { return data[i].h; }).join("");
      form.elements.count.value = picked.length + " rows";
      if (picked.length > PAGE) {
        nav.appendChild(document.createTextNode("rows " + (start + 1) + "–" + Math.min(picked.length, start + PAGE) +
          " of " + picked.length + " "));
        if (start > 0) { button("‹ previous", start - PAGE); }
        if (start + PAGE < picked.length) { button("next ›", start + PAGE); }
      }
    }
    Array.prototype.forEach.call(heads, function (th, col) {
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending", num = th.getAttribute("data-type") === "num";
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        order = data.map(function (_, i) { return i; });
        order.sort(function (a, b) {
          var u = data[a].v[col], v = data[b].v[col];
          var d = num ? u - v : String(u).localeCompare(String(v));
          return (asc ? d : -d) || a - b;
        });
        start = 0;
        render();
      }
      th.sortBy = sort;
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
    form.hidden = false;
    form.addEventListener("input", function () { start = 0; render(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    return render;
  }
  /* A view can be linked: report/glossary.html?status=candidate&freq=3&sort=-zh%20freq */
  function fromQuery(form, table, render) {
    var query = new URLSearchParams(location.search);
    ["status", "domain", "text", "freq", "docs"].forEach(function (name) {
      if (query.has(name)) { form.elements[name].value = query.get(name); }
    });
    render();
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
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (t) {
    if (t !== table) { sortable(t); }
  });
  if (form && table && window.ruzhGlossary) { fromQuery(form, table, glossary(form, table, window.ruzhGlossary)); }
  window.addEventListener("hashchange", reveal);
  document.addEventListener("mouseover", hover(true));
  document.addEventListener("mouseout", hover(false));
  reveal();
})();
