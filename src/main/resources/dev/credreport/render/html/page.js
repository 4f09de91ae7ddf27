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
  function filter(table, shown, text) {
    var words = text.toLowerCase().split(/\s+/).filter(Boolean);
    var rows = table.tBodies[0].rows;
    var visible = 0;
    for (var i = 0; i < rows.length; i++) {
      var content = rows[i].textContent.toLowerCase();
      var match = words.every(function (word) { return content.indexOf(word) >= 0; });
      rows[i].hidden = !match;
      if (match) { visible++; }
    }
    shown.textContent = visible + " of " + rows.length + " rows shown";
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.users"), function (table) {
    var tools = table.closest(".scroll").previousElementSibling;
    var input = tools.querySelector("input.filter");
    var shown = tools.querySelector(".shown");
    tools.hidden = false;
    shown.textContent = table.tBodies[0].rows.length + " rows";
    input.addEventListener("input", function () { filter(table, shown, input.value); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.classList.add("sortable");
      header.tabIndex = 0;
      header.addEventListener("click", function () { sortBy(table, header, column); });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, header, column); }
      });
    });
  });
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (box) { return !box.open; });
    closed.forEach(function (box) { box.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (box) { box.open = false; });
    closed = [];
  });
}());
