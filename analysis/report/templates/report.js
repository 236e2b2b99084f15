/* crosscheck report: sorting, filtering and paging for the conflicts table. The page
   reads fully without this script; it only hides rows (the `hidden` attribute) and
   reorders them. It reads the rows' data-* attributes and never writes HTML. */
(function () {
  "use strict";
  var table = document.getElementById("conflict-table");
  var controls = document.getElementById("conflict-controls");
  if (!table || !controls) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var status = document.getElementById("conflict-status");
  var filters = Array.prototype.slice.call(controls.querySelectorAll("[data-filter]"));
  var sizeSelect = controls.querySelector("[data-page-size]");
  var titles = {};
  Array.prototype.forEach.call(document.querySelectorAll("#article-list option"), function (o) {
    titles[o.value] = (o.textContent || "").toLowerCase();
  });
  var state = { page: 0, size: parseInt(sizeSelect.value, 10) || 0, matched: rows };

  function value(name) {
    for (var i = 0; i < filters.length; i++) {
      if (filters[i].getAttribute("data-filter") === name) { return filters[i].value.trim(); }
    }
    return "";
  }

  function articleMatch(row, wanted) {
    var ids = (row.getAttribute("data-articles") || "").split(";");
    if (Object.prototype.hasOwnProperty.call(titles, wanted)) { return ids.indexOf(wanted) >= 0; }
    var needle = wanted.toLowerCase();
    return ids.some(function (id) {
      return id.toLowerCase().indexOf(needle) >= 0 || (titles[id] || "").indexOf(needle) >= 0;
    });
  }

  function matches(row, f) {
    if (f.subject && row.getAttribute("data-subject") !== f.subject) { return false; }
    if (f.topic && row.getAttribute("data-topic") !== f.topic) { return false; }
    if (f.kind && row.getAttribute("data-kind") !== f.kind) { return false; }
    if (f.severity && parseFloat(row.getAttribute("data-severity")) < parseFloat(f.severity)) {
      return false;
    }
    if (f.article && !articleMatch(row, f.article)) { return false; }
    return true;
  }

  function render() {
    var total = state.matched.length;
    var size = state.size > 0 ? state.size : total || 1;
    var pages = Math.max(1, Math.ceil(total / size));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    var first = state.page * size;
    var shown = {};
    state.matched.slice(first, first + size).forEach(function (r) { shown[r.id] = true; });
    rows.forEach(function (r) { r.hidden = !shown[r.id]; });
    var text = total ? (first + 1) + "–" + Math.min(total, first + size) + " of " + total : "none";
    text += total === rows.length ? " conflicts" : " matching (" + rows.length + " in all)";
    status.textContent = text;
    status.setAttribute("data-matched", String(total));
    controls.querySelector("[data-page=prev]").disabled = state.page === 0;
    controls.querySelector("[data-page=next]").disabled = state.page >= pages - 1;
  }

  function apply() {
    var f = { subject: value("subject"), topic: value("topic"), kind: value("kind"),
              severity: value("severity"), article: value("article") };
    state.matched = rows.filter(function (r) { return matches(r, f); });
    state.page = 0;
    render();
  }

  function sortBy(th) {
    var key = th.getAttribute("data-sort");
    var numeric = key === "n" || key === "severity";
    var current = th.getAttribute("aria-sort");
    var dir = current === "ascending" ? -1 : current === "descending" ? 1
      : (key === "severity" ? -1 : 1);
    Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-sort]"), function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var attr = "data-" + key;
    var keyed = rows.map(function (r) {
      var v = r.getAttribute(attr) || "";
      return { row: r, v: numeric ? parseFloat(v) : v.toLowerCase(),
               n: parseInt(r.getAttribute("data-n"), 10) };
    });
    keyed.sort(function (a, b) {
      if (a.v < b.v) { return -dir; }
      if (a.v > b.v) { return dir; }
      return a.n - b.n;
    });
    rows = keyed.map(function (k) { return k.row; });
    rows.forEach(function (r) { tbody.appendChild(r); });
    var kept = {};
    state.matched.forEach(function (r) { kept[r.id] = true; });
    state.matched = rows.filter(function (r) { return kept[r.id]; });
    render();
  }

  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    var row = target.closest ? target.closest("#conflict-table > tbody > tr") : null;
    if (!row) { return; }
    if (state.matched.indexOf(row) < 0) {
      filters.forEach(function (el) { el.value = ""; });
      apply();
    }
    var size = state.size > 0 ? state.size : state.matched.length || 1;
    state.page = Math.floor(state.matched.indexOf(row) / size);
    render();
    var details = row.querySelector("td.what > details");
    if (details) { details.open = true; }
    target.scrollIntoView();
  }

  filters.forEach(function (el) {
    el.addEventListener(el.tagName === "INPUT" ? "input" : "change", apply);
  });
  sizeSelect.addEventListener("change", function () {
    state.size = parseInt(sizeSelect.value, 10) || 0;
    state.page = 0;
    render();
  });
  controls.querySelector("[data-page=prev]").addEventListener("click", function () {
    state.page -= 1; render();
  });
  controls.querySelector("[data-page=next]").addEventListener("click", function () {
    state.page += 1; render();
  });
  controls.querySelector("[data-reset]").addEventListener("click", function () {
    filters.forEach(function (el) { el.value = ""; });
    apply();
  });
  Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-sort] button"), function (b) {
    b.addEventListener("click", function () { sortBy(b.parentNode); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("a[data-subject]"), function (a) {
    a.addEventListener("click", function () {
      filters.forEach(function (el) {
        el.value = el.getAttribute("data-filter") === "subject" ? a.getAttribute("data-subject") : "";
      });
      apply();
    });
  });
  window.addEventListener("hashchange", reveal);
  controls.hidden = false;
  apply();
  document.documentElement.classList.remove("cc-loading");
  document.documentElement.classList.add("cc-js");
  reveal();
})();
