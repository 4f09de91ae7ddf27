(function () {
  "use strict";
  function key(row, column) {
    var cell = row.cells[column];
    var sort = cell.getAttribute("data-s");
    if (sort !== null) { return Number(sort); }
    var text = cell.textContent.trim();
    return /^\d+$/.test(text) ? Number(text) : text.toLowerCase();
  }
  function sortBy(table, header, column) {
    var body = table.tBodies[0];
    var descending = header.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, index) { return { row: row, key: key(row, column), index: index }; });
    keyed.sort(function (a, b) {
      var order = a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index;
      return descending ? -order : order;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (entry) { fragment.appendChild(entry.row); });
    body.appendChild(fragment);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  // Rows beyond the first PAGE are hidden until asked for: a browser lays out thousands of table rows
  // slowly. Without scripts (mail, print) every row is there.
  var PAGE = 500;
  var tables = [];
  function picked(row, state) {
    var severity = state.severity.value;
    var kind = state.kind.value;
    if (severity === "flagged" && row.getAttribute("data-sev") === "none") { return false; }
    if (severity === "none" && row.getAttribute("data-sev") !== "none") { return false; }
    if (severity && severity !== "flagged" && severity !== "none"
        && (" " + row.getAttribute("data-sevs") + " ").indexOf(" " + severity + " ") < 0) { return false; }
    return !kind || (" " + row.getAttribute("data-kinds") + " ").indexOf(" " + kind + " ") >= 0;
  }
  function show(state) {
    var words = state.input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var rows = state.table.tBodies[0].rows;
    var matching = 0;
    var visible = 0;
    for (var i = 0; i < rows.length; i++) {
      var match = picked(rows[i], state) && (words.length === 0 || words.every(function (word) { return rows[i].textContent.toLowerCase().indexOf(word) >= 0; }));
      if (match) { matching++; }
      var on = match && (state.all || matching <= PAGE);
      if (on) { visible++; }
      if (rows[i].hidden === on) { rows[i].hidden = !on; }
    }
    state.shown.textContent = visible === rows.length ? rows.length + " rows"
        : visible + " of " + rows.length + " rows shown" + (matching > visible ? " (" + matching + " match)" : "");
    state.more.hidden = matching <= visible;
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.users"), function (table) {
    var tools = table.closest(".scroll").previousElementSibling;
    var state = { table: table, input: tools.querySelector("input.filter"), shown: tools.querySelector(".shown"),
      severity: tools.querySelector("select.severity"), kind: tools.querySelector("select.kind"),
      more: tools.querySelector("button.more"), all: false };
    tables.push(state);
    tools.hidden = false;
    show(state);
    state.input.addEventListener("input", function () { show(state); });
    state.severity.addEventListener("change", function () { show(state); });
    state.kind.addEventListener("change", function () { show(state); });
    state.more.addEventListener("click", function () { state.all = true; show(state); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.classList.add("sortable");
      header.tabIndex = 0;
      function sort() { sortBy(table, header, column); show(state); }
      header.addEventListener("click", sort);
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
    });
  });
  // A link to a part of a closed account opens the account first.
  function reveal() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var own = target && target.querySelector(":scope > details.account-box");
    if (own) { own.open = true; }
    for (var box = target && target.parentElement; box; box = box.parentElement) {
      if (box.tagName === "DETAILS") { box.open = true; }
    }
    if (target) { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  if (location.hash) { reveal(); }
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (box) { return !box.open; });
    closed.forEach(function (box) { box.open = true; });
    tables.forEach(function (state) { if (!state.all) { state.all = true; show(state); } });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (box) { box.open = false; });
    closed = [];
  });
}());
